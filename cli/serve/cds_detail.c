/*
 * cds_detail.c: the Markdown `detail` of a CDS card made from a decision
 * card: each item the card holds (options, possible options, warnings,
 * exclusions, missing facts, notes) with its explanation (the facts
 * behind it, and where in the EHR's request each came from) and the
 * verbatim passages of the source documents it rests on. Every text that
 * comes from the result goes through cds_md: case data (a drug name from
 * the record) cannot become markup.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cds.h"

/* Quotes already written on this card: a passage several options cite is
 * written once, then referred to by its label. */
#define SHOWN_MAX 256

typedef struct detail {
	cds_text *t;
	const cJSON *result;
	const cJSON *source; /* the record's "source" object */
	const cds_context *ctx;
	const char *shown[SHOWN_MAX];
	size_t n_shown;
} detail;

/* The title a guideline of the rule base gives a source document. */
static const char *document_title(const cJSON *result, const char *file)
{
	const cJSON *card = cJSON_GetArrayItem(cds_list(result, "cards"), 0), *d;

	cJSON_ArrayForEach(d, cds_list(card, "documents"))
		if (strcmp(cds_str(d, "source"), file) == 0)
			return cds_str(d, "title");
	return "";
}

static void because(detail *d, const cJSON *item)
{
	const cJSON *b, *p;
	int first = 1;

	cJSON_ArrayForEach(b, cds_list(item, "because")) {
		cds_puts(d->t, first ? "Because: " : "; ");
		first = 0;
		cds_md(d->t, cds_str(b, "statement"));
		cJSON_ArrayForEach(p, cds_list(b, "pointers"))
			if (cJSON_IsString(p))
				cds_md_origin(d->t, d->source, p->valuestring, d->ctx->prefetch);
	}
	if (!first)
		cds_puts(d->t, ".\n\n");
}

static void evidence(detail *d, const cJSON *item)
{
	const cJSON *e;
	const char *quote, *title;
	size_t i;

	cJSON_ArrayForEach(e, cds_list(item, "evidence")) {
		quote = cds_str(e, "quote");
		for (i = 0; i < d->n_shown && strcmp(d->shown[i], quote) != 0; i++)
			;
		if (i < d->n_shown) {
			cds_puts(d->t, "Source: ");
			cds_md(d->t, cds_str(e, "ref"));
			cds_puts(d->t, " (quoted above).\n\n");
			continue;
		}
		if (d->n_shown < SHOWN_MAX)
			d->shown[d->n_shown++] = quote;
		cds_puts(d->t, "> ");
		cds_md(d->t, quote);
		cds_puts(d->t, "\n>\n> ");
		cds_md(d->t, cds_str(e, "ref"));
		title = document_title(d->result, cds_str(e, "source"));
		cds_puts(d->t, ", ");
		if (title[0] != '\0') {
			cds_puts(d->t, "*");
			cds_md(d->t, title);
			cds_puts(d->t, "* ");
		}
		cds_puts(d->t, "(");
		cds_md(d->t, cds_str(e, "source"));
		cds_puts(d->t, ")\n\n");
	}
}

/* "**LABEL[ITEM'S BOLD FIELD]**: ITEM'S TEXT", then why and the quotes. */
static void titled(detail *d, const cJSON *item, const char *label, const char *bold,
		   const char *text)
{
	cds_puts(d->t, "**");
	cds_md(d->t, label);
	if (bold != NULL)
		cds_md(d->t, cds_str(item, bold));
	cds_puts(d->t, "**: ");
	cds_md(d->t, cds_str(item, text));
	cds_puts(d->t, "\n\n");
	because(d, item);
	evidence(d, item);
}

static void history(detail *d, const cJSON *option)
{
	const cJSON *h;

	cJSON_ArrayForEach(h, cds_list(option, "history")) {
		cds_puts(d->t, " (");
		cds_md(d->t, cds_str(h, "status"));
		cds_puts(d->t, ")");
	}
}

static void options(detail *d, const cJSON *card)
{
	const cJSON *id, *o;
	int n = 0;

	cJSON_ArrayForEach(id, cds_list(card, "options")) {
		o = cds_item(d->result, "recommendations", id);
		if (o == NULL)
			continue;
		cds_printf(d->t, "**%d. ", ++n);
		cds_md(d->t, cds_str(o, "summary"));
		cds_puts(d->t, "**");
		if (cJSON_IsTrue(cds_list(o, "preferred")))
			cds_puts(d->t, " (preferred)");
		history(d, o);
		cds_puts(d->t, "\n\n");
		if (cJSON_IsString(cds_list(o, "lead"))) {
			cds_puts(d->t, "Put first: ");
			cds_md(d->t, cds_str(o, "lead"));
			cds_puts(d->t, "\n\n");
		}
		because(d, o);
		evidence(d, o);
	}
}

static void possible(detail *d, const cJSON *card)
{
	const cJSON *id, *o, *cond, *v;

	cJSON_ArrayForEach(id, cds_list(card, "possible")) {
		o = cds_item(d->result, "possible", id);
		if (o == NULL)
			continue;
		cds_puts(d->t, "**Possible: ");
		cds_md(d->t, cds_str(o, "summary"));
		cds_puts(d->t, "**");
		history(d, o);
		cds_puts(d->t, "\n\nPossible if: ");
		cJSON_ArrayForEach(cond, cds_list(o, "if")) {
			int first = 1;

			cds_md(d->t, cds_str(cond, "statement"));
			cds_puts(d->t, " (needs ");
			cJSON_ArrayForEach(v, cds_list(cond, "needs")) {
				cds_puts(d->t, first ? "" : " or ");
				first = 0;
				cds_md(d->t, cJSON_IsString(v) ? v->valuestring : "");
			}
			cJSON_ArrayForEach(v, cds_list(cond, "fields")) {
				cds_puts(d->t, "; record ");
				cds_md(d->t, cJSON_IsString(v) ? v->valuestring : "");
			}
			cds_puts(d->t, cond->next != NULL ? "); " : ").\n\n");
		}
		because(d, o);
		evidence(d, o);
	}
}

static void warnings(detail *d, const cJSON *card)
{
	const cJSON *id, *w;
	char severity[32];
	size_t i;

	cJSON_ArrayForEach(id, cds_list(card, "warnings")) {
		if ((w = cds_item(d->result, "warnings", id)) == NULL)
			continue;
		snprintf(severity, sizeof(severity), "%s", cds_str(w, "severity"));
		for (i = 0; severity[i] != '\0'; i++)
			severity[i] = (char)toupper((unsigned char)severity[i]);
		titled(d, w, severity, NULL, "text");
	}
}

/* Exclusions one by one (a card of options holding one), or by reason
 * (the ruled-out card's groups). */
static void exclusions(detail *d, const cJSON *card)
{
	const cJSON *groups = cds_list(card, "groups"), *g, *id, *x;

	if (cJSON_GetArraySize(groups) == 0) {
		cJSON_ArrayForEach(id, cds_list(card, "exclusions")) {
			if ((x = cds_item(d->result, "exclusions", id)) != NULL)
				titled(d, x, "Ruled out: ", "option", "reason");
		}
		return;
	}
	cJSON_ArrayForEach(g, groups) {
		int first = 1;

		cds_puts(d->t, "**");
		cds_md(d->t, cds_str(g, "reason"));
		cds_puts(d->t, "**\n\nRuled out: ");
		cJSON_ArrayForEach(id, cds_list(g, "options")) {
			cds_puts(d->t, first ? "" : ", ");
			first = 0;
			cds_md(d->t, cJSON_IsString(id) ? id->valuestring : "");
		}
		cds_puts(d->t, ".\n\n");
		first = 1;
		cJSON_ArrayForEach(id, cds_list(g, "exclusions")) {
			x = cds_item(d->result, "exclusions", id);
			if (x == NULL)
				continue;
			if (first)
				because(d, x); /* one reason: the same facts */
			first = 0;
			evidence(d, x);
		}
	}
}

static void missing(detail *d, const cJSON *card)
{
	const cJSON *field, *m;

	if (cJSON_GetArraySize(cds_list(card, "missing")) == 0)
		return;
	cds_puts(d->t, "Not recorded, and needed:\n\n");
	cJSON_ArrayForEach(field, cds_list(card, "missing")) {
		if (!cJSON_IsString(field))
			continue;
		m = cds_find(d->result, "missing_information", "field", field->valuestring);
		cds_puts(d->t, "- ");
		cds_md(d->t, field->valuestring);
		if (m != NULL) {
			cds_puts(d->t, ": for ");
			cds_md(d->t, cds_str(m, "needed_for"));
		}
		cds_puts(d->t, "\n");
	}
	cds_puts(d->t, "\n");
}

static void notes(detail *d, const cJSON *card)
{
	const cJSON *id, *n;

	cJSON_ArrayForEach(id, cds_list(card, "notes")) {
		if ((n = cds_item(d->result, "notes", id)) != NULL)
			titled(d, n, "Note", NULL, "text");
	}
}

/* A curative-intent card's criteria: [x] met, [ ] not met, [?] unknown. */
static void criteria(detail *d, const cJSON *card)
{
	static const struct {
		const char *state, *mark;
	} marks[] = {{"met", "[x]"}, {"not met", "[ ]"}, {"unknown", "[?]"}};
	const cJSON *c, *item;
	size_t i;

	cJSON_ArrayForEach(c, cds_list(card, "criteria")) {
		cds_puts(d->t, "Criteria of ");
		cds_md(d->t, cds_str(c, "option"));
		cds_puts(d->t, ":\n\n");
		cJSON_ArrayForEach(item, cds_list(c, "items")) {
			for (i = 0; i < 3 && strcmp(marks[i].state, cds_str(item, "state")) != 0; i++)
				;
			cds_puts(d->t, "- ");
			cds_md(d->t, i < 3 ? marks[i].mark : "[?]");
			cds_puts(d->t, " ");
			cds_md(d->t, cds_str(item, "statement"));
			cds_puts(d->t, ": needs ");
			cds_md(d->t, cds_str(item, "needs"));
			cds_puts(d->t, "\n");
		}
		cds_puts(d->t, "\n");
	}
}

static void status(detail *d, const cJSON *card)
{
	const cJSON *line, *v;
	int first = 1;

	cds_printf(d->t, "Evaluated as of %s (%s).\n\n", d->ctx->as_of, d->ctx->as_of_from);
	cJSON_ArrayForEach(line, cds_list(card, "patient")) {
		cds_puts(d->t, "- ");
		cds_md(d->t, cds_str(line, "topic"));
		cds_puts(d->t, ": ");
		cds_md(d->t, cds_str(line, "text"));
		cds_puts(d->t, "\n");
	}
	cds_puts(d->t, "\n");
	if (cJSON_IsString(cds_list(card, "reason"))) {
		cds_puts(d->t, "**");
		cds_md(d->t, cds_str(card, "reason"));
		cds_puts(d->t, "**\n\n");
	}
	cJSON_ArrayForEach(v, cds_list(card, "intent")) {
		cds_puts(d->t, first ? "Intent of the options offered: " : ", ");
		first = 0;
		cds_md(d->t, cJSON_IsString(v) ? v->valuestring : "");
	}
	if (!first)
		cds_puts(d->t, ".\n\n");
	first = 1;
	cJSON_ArrayForEach(v, cds_list(card, "documents")) {
		cds_puts(d->t, first ? "Documents cited: " : "; ");
		first = 0;
		if (cds_str(v, "title")[0] != '\0') {
			cds_md(d->t, cds_str(v, "title"));
			cds_puts(d->t, " ");
		}
		cds_puts(d->t, "(");
		cds_md(d->t, cds_str(v, "source"));
		cds_puts(d->t, ")");
	}
	if (!first)
		cds_puts(d->t, ".\n\n");
}

void cds_md_card(cds_text *t, const cJSON *card, const cJSON *result, const cds_context *ctx)
{
	detail d;

	memset(&d, 0, sizeof(d));
	d.t = t;
	d.result = result;
	d.source = cds_list(result, "source");
	d.ctx = ctx;
	if (strcmp(cds_str(card, "kind"), "status") == 0)
		status(&d, card);
	if (cJSON_IsString(cds_list(card, "lead"))) {
		cds_puts(t, "Put first: ");
		cds_md(t, cds_str(card, "lead"));
		cds_puts(t, "\n\n");
	}
	if (cJSON_IsTrue(cds_list(card, "collapsed")) && strcmp(cds_str(card, "kind"), "status") != 0)
		cds_puts(t, "Folded: the patient declines or cannot have cancer treatment (see the "
			    "first card).\n\n");
	options(&d, card);
	possible(&d, card);
	criteria(&d, card);
	warnings(&d, card);
	exclusions(&d, card);
	missing(&d, card);
	notes(&d, card);
	if (strcmp(cds_str(card, "kind"), "status") == 0 && cds_str(result, "disclaimer")[0] != '\0') {
		cds_puts(t, "*");
		cds_md(t, cds_str(result, "disclaimer"));
		cds_puts(t, "*\n");
	}
}
