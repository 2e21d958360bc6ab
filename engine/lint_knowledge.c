/* lint_knowledge.c: the checks of `oncorules lint` on knowledge facts:
 * citations (source file, verbatim quote, knowledge-map label) and finding
 * definitions. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint_check.h"
#include "onco.h"

/* Bytes of the white-space character at `s`, 0 when it is not one: ASCII
 * white space, and the Unicode spaces sources copied from web pages carry
 * (no-break space U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000). */
static size_t space_at(const unsigned char *s)
{
	if (isspace(s[0]))
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] <= 0x8B || s[2] == 0xAF))
		return s[2] >= 0x80 ? 3 : 0;
	if ((s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) ||
	    (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80))
		return 3;
	return 0;
}

/* `s` with every run of white space made one space, trimmed; caller frees. */
static char *squeeze(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char *out = malloc(strlen(s) + 1), *o = out;
	int space = 0;
	size_t n;

	if (out == NULL)
		return NULL;
	while (*p != '\0') {
		if ((n = space_at(p)) > 0) {
			space = o != out;
			p += n;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = (char)*p++;
	}
	*o = '\0';
	return out;
}

static const lint_source *find_source(const lint_kb *kb, const char *name)
{
	size_t i;

	for (i = 0; i < kb->nsources; i++)
		if (strcmp(kb->sources[i].name, name) == 0)
			return &kb->sources[i];
	return NULL;
}

/* Length of the longest prefix of `quote` found in `text`. */
static size_t found_prefix(const char *text, char *quote)
{
	size_t lo = 0, hi = strlen(quote);

	while (lo < hi) {
		size_t mid = (lo + hi + 1) / 2;
		char saved = quote[mid];
		int found;

		quote[mid] = '\0';
		found = strstr(text, quote) != NULL;
		quote[mid] = saved;
		if (found)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The code point of the UTF-8 character at s and its length in *n. */
static unsigned long code_point(const unsigned char *s, size_t *n)
{
	unsigned long c = s[0];
	size_t i;

	*n = 1;
	if (c >= 0xF0)
		*n = 4, c &= 0x07;
	else if (c >= 0xE0)
		*n = 3, c &= 0x0F;
	else if (c >= 0xC0)
		*n = 2, c &= 0x1F;
	for (i = 1; i < *n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*n = 1;
			return s[0];
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	return c;
}

/* Where the quote leaves the source and the source has another character
 * that looks alike (a typed ' for the source's U+2019 ’, a hyphen for a
 * dash): " (the quote has "'" U+0027 where the source has "’" U+2019)".
 * Empty when the characters differ plainly, or either is ASCII alnum. */
static void name_characters(char *out, size_t size, const char *text, char *q, size_t n)
{
	const char *at;
	char saved = q[n], typed[5];
	size_t qn, sn;
	unsigned long qc, sc;

	out[0] = '\0';
	if (n == 0 || saved == '\0')
		return;
	qc = code_point((const unsigned char *)q + n, &qn);
	if (qc < 0x80 && isalnum((int)qc))
		return;
	memcpy(typed, q + n, qn);
	typed[qn] = '\0';
	/* every place the source has what the quote has up to there */
	q[n] = '\0';
	for (at = strstr(text, q); at != NULL && out[0] == '\0'; at = strstr(at + 1, q)) {
		if (at[n] == '\0')
			continue;
		sc = code_point((const unsigned char *)at + n, &sn);
		if (sc != qc && !(sc < 0x80 && isalnum((int)sc)) && (qc >= 0x80 || sc >= 0x80))
			snprintf(out, size,
				 " (the quote has \"%.*s\" U+%04lX where the source has \"%.*s\" U+%04lX)",
				 (int)qn, typed, qc, (int)sn, at + n, sc);
	}
	q[n] = saved;
}

static void check_quote(lint_report *r, const lint_fact *f, const lint_source *src,
			const char *id, const char *quote)
{
	char *text = squeeze(src->text), *q = squeeze(quote), chars[160];
	size_t n;

	if (text == NULL || q == NULL) {
		r->nomem = 1;
	} else if (q[0] == '\0') {
		lint_report_add(r, f->file, f->line, f->col, 1, "quote", "citation %s has an empty quote", id);
	} else if (strstr(text, q) == NULL) {
		n = found_prefix(text, q);
		while (n > 0 && ((unsigned char)q[n] & 0xC0) == 0x80)
			n--; /* not inside a UTF-8 character */
		name_characters(chars, sizeof(chars), text, q, n);
		lint_report_add(r, f->file, f->line, f->col, 1, "quote",
				"citation %s: the quote is not found word for word in %s; %s\"%.60s%s\"%s",
				id, src->name,
				n == 0 ? "not even its start: " : "it differs from the source at ",
				q + n, strlen(q + n) > 60 ? "..." : "", chars);
	}
	free(text);
	free(q);
}

/* The index of a label in the map, or -1. */
static long label_index(const lint_kb *kb, const char *label)
{
	size_t i;

	for (i = 0; i < kb->nlabels; i++)
		if (strcmp(kb->labels[i], label) == 0)
			return (long)i;
	return -1;
}

/* "A4-1, A4-2, ...": the labels of the map's section for `source`. */
static void section_labels(char *out, size_t size, const lint_kb *kb, const char *source)
{
	size_t i, used = 0;

	out[0] = '\0';
	for (i = 0; i < kb->nlabels && used < size; i++)
		if (kb->label_sources[i] != NULL && strcmp(kb->label_sources[i], source) == 0)
			used += (size_t)snprintf(out + used, size - used, "%s%s",
						 used ? ", " : "", kb->labels[i]);
}

/* A label not in the map, or of another source's section: the labels of
 * the citation's own source are listed. */
static void check_label(lint_report *r, const lint_kb *kb, const lint_fact *f,
			const char *id, const char *label, const char *source)
{
	long i = label_index(kb, label);
	char own[512], also[600];

	section_labels(own, sizeof(own), kb, source != NULL ? source : "");
	snprintf(also, sizeof(also), "%s%s%s%s", own[0] ? "; the labels of " : "",
		 own[0] ? source : "", own[0] ? ": " : "", own);
	if (i < 0)
		lint_report_add(r, f->file, f->line, f->col, 1, "label",
				"citation %s: label %s is not in the knowledge map%s", id, label, also);
	else if (source != NULL && kb->label_sources[i] != NULL &&
		 strcmp(kb->label_sources[i], source) != 0)
		lint_report_add(r, f->file, f->line, f->col, 1, "label",
				"citation %s: label %s is a point of %s, and the quote is from %s%s",
				id, label, kb->label_sources[i], source, also);
}

static int cites_in(const lint_fact *facts, size_t n, const char *id)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		const onco_sx *cite = lint_slot_of(facts[i].form, "cite");

		for (j = 1; cite != NULL && j < cite->n_items; j++)
			if (lint_text(cite, j) != NULL &&
			    strcmp(lint_text(cite, j), id) == 0)
				return 1;
	}
	return 0;
}

static int listed(const char **names, const char *name)
{
	for (; *names != NULL; names++)
		if (strcmp(*names, name) == 0)
			return 1;
	return 0;
}

/* Does a rule cite an id that does not exist and is close to `id`? Then
 * `id` is "never cited" only through that typo, which is reported. */
static int miscited(const lint_kb *kb, const char *id)
{
	const char **ids = lint_kb_fact_values(kb, "citation", "id", 0);
	size_t i, j;
	int found = 0;

	for (i = 0; ids != NULL && !found && i < kb->nasserts; i++) {
		const onco_sx *cite = lint_slot_of(kb->asserts[i].form, "cite");

		for (j = 1; cite != NULL && !found && j < cite->n_items; j++) {
			const char *c = lint_text(cite, j), *near;

			if (c == NULL || onco_suggest(c, ids) == NULL)
				continue;
			near = onco_suggest(c, ids);
			found = strcmp(near, id) == 0 && !listed(ids, c);
		}
	}
	free(ids);
	return found;
}

/* Cited by a rule's conclusion, or by a knowledge fact that gives rules
 * their citations (the gate-cite table of gates.clp). */
static int is_cited(const lint_kb *kb, const char *id)
{
	return cites_in(kb->asserts, kb->nasserts, id) || cites_in(kb->facts, kb->nfacts, id);
}

/* A knowledge fact with a `cite` slot names citations that must exist. */
static void check_fact_cites(lint_report *r, const lint_kb *kb, size_t i)
{
	const lint_fact *f = &kb->facts[i];
	const onco_sx *cite = lint_slot_of(f->form, "cite");
	size_t j;

	for (j = 1; cite != NULL && j < cite->n_items; j++)
		if (lint_text(cite, j) != NULL && !lint_citation_exists(kb, lint_text(cite, j)))
			lint_report_add(r, f->file, cite->items[j]->line, cite->items[j]->col, 1,
					"cite", "a %s fact cites %s, and there is no citation with that id",
					lint_bare_name(lint_head(f->form)), lint_text(cite, j));
}

/* Another fact of the same template and `key` value before fact `i`. */
static const lint_fact *earlier(const lint_kb *kb, size_t i, const char *key)
{
	const char *head = lint_bare_name(lint_head(kb->facts[i].form));
	const char *value = lint_slot_text(kb->facts[i].form, key);
	size_t j;

	for (j = 0; value != NULL && j < i; j++)
		if (strcmp(lint_bare_name(lint_head(kb->facts[j].form)), head) == 0 &&
		    lint_slot_text(kb->facts[j].form, key) != NULL &&
		    strcmp(lint_slot_text(kb->facts[j].form, key), value) == 0)
			return &kb->facts[j];
	return NULL;
}

static void check_citation(lint_report *r, const lint_kb *kb, size_t i)
{
	const lint_fact *f = &kb->facts[i], *dup = earlier(kb, i, "id");
	const char *id = lint_slot_text(f->form, "id");
	const char *source = lint_slot_text(f->form, "source");
	const char *label = lint_slot_text(f->form, "label");
	const char *quote = lint_slot_text(f->form, "quote");
	const lint_source *src;

	if (id == NULL) {
		lint_report_add(r, f->file, f->line, f->col, 1, "citation", "a citation has no id");
		return;
	}
	if (dup != NULL)
		lint_report_add(r, f->file, f->line, f->col, 1, "citation",
				"citation %s is declared twice (first at %s:%ld)", id,
				dup->file, dup->line);
	if (source == NULL)
		lint_report_add(r, f->file, f->line, f->col, 1, "source", "citation %s has no source", id);
	else if ((src = find_source(kb, source)) == NULL)
		lint_report_add(r, f->file, f->line, f->col, 1, "source",
				"citation %s: source file %s does not exist under sources/",
				id, source);
	else if (quote == NULL)
		lint_report_add(r, f->file, f->line, f->col, 1, "quote", "citation %s has no quote", id);
	else
		check_quote(r, f, src, id, quote);
	if (label == NULL)
		lint_report_add(r, f->file, f->line, f->col, 1, "label", "citation %s has no label", id);
	else if (kb->labels != NULL)
		check_label(r, kb, f, id, label,
			    source != NULL && find_source(kb, source) != NULL ? source : NULL);
	if (!is_cited(kb, id) && !miscited(kb, id))
		lint_report_add(r, f->file, f->line, f->col, 0, "citation",
				"citation %s is never cited", id);
}

static void check_finding_def(lint_report *r, const lint_kb *kb, size_t i)
{
	const lint_fact *f = &kb->facts[i], *dup = earlier(kb, i, "name");
	const char *name = lint_slot_text(f->form, "name");

	if (name == NULL) {
		lint_report_add(r, f->file, f->line, f->col, 1, "finding", "a finding-def has no name");
		return;
	}
	if (dup != NULL)
		lint_report_add(r, f->file, f->line, f->col, 1, "finding",
				"finding %s is defined twice (first at %s:%ld)", name,
				dup->file, dup->line);
	if (lint_asserted_mask(kb, name) == 0 && !lint_finding_misspelt(kb, name))
		lint_report_add(r, f->file, f->line, f->col, 1, "finding",
				"finding %s is defined, and no rule derives it", name);
}

void lint_check_knowledge(lint_report *r, const lint_kb *kb)
{
	size_t i;

	for (i = 0; i < kb->nfacts; i++) {
		const char *head = lint_bare_name(lint_head(kb->facts[i].form));

		if (strcmp(head, "citation") == 0)
			check_citation(r, kb, i);
		else if (strcmp(head, "finding-def") == 0)
			check_finding_def(r, kb, i);
		check_fact_cites(r, kb, i);
	}
}
