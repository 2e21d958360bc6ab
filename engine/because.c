/*
 * because.c: explaining a conclusion. Its `basis` slot holds the facts that
 * matched its rule's patterns; each becomes a statement with the JSON
 * pointers of the case data behind it. A finding is followed down to the
 * case facts that support it; a finding that rests on no fact (a `not`
 * pattern, "distant disease: no") points at the fields that decided it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/collect.h"
#include "private/json_out.h"

#define MAX_DEPTH 8

/* A copy of `items` with room for n + 1 items of `size` bytes, its
 * capacity *cap doubled when full; NULL when memory runs out (the list and
 * *cap as they were). */
static void *with_room(void *items, size_t *cap, size_t n, size_t size)
{
	size_t want = *cap ? *cap * 2 : 8;
	void *grown;

	if (n < *cap)
		return items;
	grown = realloc(items, want * size);
	if (grown != NULL)
		*cap = want;
	return grown;
}

/* Records `pointer` for entry `entry`; duplicates go at json time. */
static int add_pointer(onco_because *because, size_t entry, const char *pointer)
{
	onco_because_pointer *p = with_room(because->pointers, &because->cap_pointers,
					    because->n_pointers, sizeof(*p));

	if (p == NULL)
		return ONCO_ENOMEM;
	because->pointers = p;
	p[because->n_pointers].entry = entry;
	p[because->n_pointers++].pointer = pointer;
	return 0;
}

/* Adds the pointers of the case facts under `fact` to entry `entry`: its
 * own, or those of the facts its basis holds (for a finding, the facts of
 * every firing of its rules, support.c). */
static int add_pointers(onco_engine *engine, void *fact, onco_because *because, size_t entry,
			int depth)
{
	void *env = engine->env;
	const char *pointer = onco_fact_text(env, fact, "pointer");
	const onco_support_entry *firing;
	size_t i, k, n;
	int rc = 0;

	if (pointer != NULL)
		return add_pointer(because, entry, pointer[0] ? pointer : "/");
	/* A conclusion in a basis (a warning about a recommended drug) is named
	 * by its id; its own reasons belong to its own item. */
	if (depth >= MAX_DEPTH || onco_fact_multi_count(env, fact, "cite") > 0)
		return 0;
	if (strcmp(onco_fact_template(env, fact), "finding") == 0) {
		n = onco_support_of(engine, fact, &firing);
		for (k = 0; k < n && rc == 0; k++)
			for (i = 0; i < firing[k].count && rc == 0; i++)
				rc = add_pointers(engine, onco_support_fact(engine, &firing[k], i),
						  because, entry, depth + 1);
		return rc;
	}
	n = onco_fact_multi_count(env, fact, "basis");
	for (i = 0; i < n && rc == 0; i++) {
		int type;
		void *value;
		if (onco_fact_multi(env, fact, "basis", i, &type, &value) &&
		    type == FACT_ADDRESS)
			rc = add_pointers(engine, value, because, entry, depth + 1);
	}
	return rc;
}

/* Pointers by entry, then by text. */
static int compare_pointers(const void *a, const void *b)
{
	const onco_because_pointer *x = a, *y = b;

	if (x->entry != y->entry)
		return x->entry < y->entry ? -1 : 1;
	return strcmp(x->pointer, y->pointer);
}

/* Appends `s` to the text in buf[size] that is `used` bytes long, as
 * snprintf(buf + used, size - used, "%s", s) would (cut to fit, the
 * length it would have had returned), without the cost of a format:
 * statements are made by the thousand per batch. */
static size_t append(char *buf, size_t size, size_t used, const char *s)
{
	size_t n;

	if (s == NULL)
		s = "(null)"; /* what glibc's printf writes */
	n = strlen(s);
	if (used < size) {
		size_t room = size - used - 1, k = n < room ? n : room;

		memcpy(buf + used, s, k);
		buf[used + k] = '\0';
	}
	return used + n;
}

/* Appends `s` with each '-' read as a space: "last-dose-days-ago" reads as
 * "last dose days ago". As append. */
static size_t append_words(char *buf, size_t size, size_t used, const char *s)
{
	size_t start = used, k;

	used = append(buf, size, used, s);
	for (k = start; k < used && k + 1 < size; k++)
		if (buf[k] == '-')
			buf[k] = ' ';
	return used;
}

char *onco_case_fact_statement(void *env, void *fact)
{
	const struct fact *f = fact;
	const struct templateSlot *slot;
	char buf[2048], value[512];
	size_t used;
	long i = 0, j;

	(void)env;
	if (f->whichDeftemplate == NULL || f->whichDeftemplate->implied)
		return NULL;
	used = append_words(buf, sizeof(buf), 0, ValueToString(f->whichDeftemplate->header.name));
	/* The slots in template order, read by position (fact_read.c). */
	for (slot = f->whichDeftemplate->slotList; slot != NULL && used < sizeof(buf);
	     slot = slot->next, i++) {
		const char *name = ValueToString(slot->slotName);
		const struct field *v = &f->theProposition.theFields[i];

		if (strcmp(name, "pointer") == 0)
			continue;
		if (v->type == MULTIFIELD) {
			long length = GetMFLength(v->value);

			if (length == 0)
				continue;
			used = append(buf, sizeof(buf), used, used && strchr(buf, ':') ? ", " : ": ");
			if (used < sizeof(buf))
				used = append_words(buf, sizeof(buf), used, name);
			for (j = 1; j <= length && used < sizeof(buf); j++) {
				onco_value_text(GetMFType(v->value, j), GetMFValue(v->value, j), value,
						sizeof(value));
				used = append(buf, sizeof(buf), used, " ");
				if (used < sizeof(buf))
					used = append(buf, sizeof(buf), used, value);
			}
		} else {
			onco_value_text(v->type, v->value, value, sizeof(value));
			used = append(buf, sizeof(buf), used, strchr(buf, ':') ? ", " : ": ");
			if (used < sizeof(buf))
				used = append_words(buf, sizeof(buf), used, name);
			if (used < sizeof(buf))
				used = append(buf, sizeof(buf), used, " ");
			if (used < sizeof(buf))
				used = append(buf, sizeof(buf), used, value);
		}
	}
	return onco_strdup(buf);
}

/* Statements of findings, guidelines and options are cut at this length. */
#define SHORT_STATEMENT 1024

/* The statement for one basis fact into buf (at least SHORT_STATEMENT
 * bytes; a case fact's statement may take 2048): 1, or 0 for facts that
 * explain nothing to a reader (knowledge facts such as drug classes), or
 * ONCO_ENOMEM. */
static int statement_for(onco_engine *engine, void *fact, char *buf, size_t size)
{
	void *env = engine->env;
	const char *t = onco_fact_template(env, fact);
	size_t used;
	char *text;

	if (strcmp(t, "finding") == 0) {
		const char *name = onco_fact_text(env, fact, "name");
		const onco_finding_def *def = onco_kb_finding_def(&engine->kb, name);

		used = append(buf, SHORT_STATEMENT, 0, def != NULL ? def->text : name);
		used = append(buf, SHORT_STATEMENT, used, ": ");
		append(buf, SHORT_STATEMENT, used, onco_fact_text(env, fact, "value"));
		return 1;
	}
	if (strcmp(t, "scope") == 0) {
		const char *id = onco_fact_text(env, fact, "guideline");
		const onco_guideline *g = onco_kb_guideline(&engine->kb, id);

		append(buf, SHORT_STATEMENT, append(buf, SHORT_STATEMENT, 0, "guideline: "),
		       g != NULL ? g->title : id);
		return 1;
	}
	if (strcmp(t, "recommendation") == 0) {
		const char *status = onco_fact_text(env, fact, "status");

		/* An option the host asserted as possible is not recommended. */
		used = append(buf, SHORT_STATEMENT, 0,
			      status != NULL && strcmp(status, "possible") == 0 ? "possible"
										: "recommended");
		used = append(buf, SHORT_STATEMENT, used, " option: ");
		append(buf, SHORT_STATEMENT, used, onco_fact_text(env, fact, "id"));
		return 1;
	}
	if (onco_fact_text(env, fact, "pointer") == NULL)
		return 0;
	text = onco_case_fact_statement(env, fact);
	if (text == NULL)
		return ONCO_ENOMEM;
	append(buf, size, 0, text);
	free(text);
	return 1;
}

/* The index of the entry with this statement, created when absent, or
 * ONCO_ENOMEM (negative). Each entry remembers the earliest pattern
 * position it came from, so that onco_because_json can order entries as
 * the rule reads, whatever the order in which rules fired. */
static long entry_for(onco_because *because, const char *statement, size_t position)
{
	onco_because_entry *e;
	size_t k;

	for (k = 0; k < because->n_entries; k++) {
		e = &because->entries[k];
		if (strcmp(e->statement->valuestring, statement) == 0) {
			if (position < e->order)
				e->order = position;
			return (long)k;
		}
	}
	e = with_room(because->entries, &because->cap_entries, k, sizeof(*e));
	if (e == NULL)
		return ONCO_ENOMEM;
	because->entries = e;
	e[k].statement = cJSON_CreateString(statement);
	if (e[k].statement == NULL)
		return ONCO_ENOMEM;
	e[k].order = position;
	e[k].first = e[k].count = 0;
	because->n_entries++;
	return (long)k;
}

static int compare_entries(const void *a, const void *b)
{
	const onco_because_entry *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return strcmp(x->statement->valuestring, y->statement->valuestring);
}

/* {"statement", "pointers"} of entry `e`, its pointers sorted and unique;
 * the statement moves into the object. */
static cJSON *entry_json(onco_because *because, onco_because_entry *e)
{
	cJSON *o = cJSON_CreateObject(), *pointers = cJSON_CreateArray();
	size_t i;

	if (o == NULL || pointers == NULL || !cJSON_AddItemToObjectCS(o, "statement", e->statement)) {
		cJSON_Delete(o);
		cJSON_Delete(pointers);
		return NULL;
	}
	e->statement = NULL;
	if (!cJSON_AddItemToObjectCS(o, "pointers", pointers)) {
		cJSON_Delete(o);
		cJSON_Delete(pointers);
		return NULL;
	}
	for (i = e->first; i < e->first + e->count; i++) {
		const char *p = because->pointers[i].pointer;

		if (i > e->first && strcmp(p, because->pointers[i - 1].pointer) == 0)
			continue;
		if (onco_json_append(pointers, cJSON_CreateString(p)) != 0) {
			cJSON_Delete(o);
			return NULL;
		}
	}
	return o;
}

int onco_because_json(onco_because *because, cJSON *array)
{
	size_t i;

	/* Pointers are sorted once here, not at each fact added: a finding
	 * may rest on hundreds of them. Sorted by entry first, each entry's
	 * lie together. */
	qsort(because->pointers, because->n_pointers, sizeof(*because->pointers),
	      compare_pointers);
	for (i = 0; i < because->n_pointers; i++) {
		onco_because_entry *e = &because->entries[because->pointers[i].entry];

		if (e->count++ == 0)
			e->first = i;
	}
	qsort(because->entries, because->n_entries, sizeof(*because->entries), compare_entries);
	for (i = 0; i < because->n_entries; i++)
		if (onco_json_append(array, entry_json(because, &because->entries[i])) != 0)
			return ONCO_ENOMEM;
	return 0;
}

void onco_because_release(onco_because *because)
{
	size_t i;

	for (i = 0; i < because->n_entries; i++)
		cJSON_Delete(because->entries[i].statement);
	free(because->entries);
	free(because->pointers);
	memset(because, 0, sizeof(*because));
}

/* The value of case field `field` (a JSON pointer such as /patient/ecog)
 * in `fact` when the fact is the field's object (pointer /patient), as
 * text in buf; 0 when the fact does not hold that field or it is empty. */
static int field_value(void *env, void *fact, const char *field, char *buf, size_t size)
{
	const char *pointer = onco_fact_text(env, fact, "pointer");
	char slot[128];
	size_t n, k, used = 0, count;

	if (pointer == NULL)
		return 0;
	n = strlen(pointer);
	if (strncmp(field, pointer, n) != 0 || field[n] != '/' || strchr(field + n + 1, '/'))
		return 0;
	snprintf(slot, sizeof(slot), "%s", field + n + 1);
	for (k = 0; slot[k] != '\0'; k++)
		if (slot[k] == '_')
			slot[k] = '-';
	count = onco_fact_multi_count(env, fact, slot);
	buf[0] = '\0';
	for (k = 0; k < count && used < size; k++) {
		int type;
		void *value;
		char text[256];
		if (!onco_fact_multi(env, fact, slot, k, &type, &value))
			break;
		onco_value_text(type, value, text, sizeof(text));
		/* Show a boolean as the case wrote it (true), not as CLIPS (TRUE). */
		if (type == SYMBOL && (strcmp(text, "TRUE") == 0 || strcmp(text, "FALSE") == 0))
			snprintf(text, sizeof(text), "%s", text[0] == 'T' ? "true" : "false");
		used += (size_t)snprintf(buf + used, size - used, "%s%s", k ? " " : "", text);
	}
	return count > 0;
}

/*
 * Statement and pointers for one firing behind a finding (`firing` NULL:
 * none was recorded; `def` the finding's definition, or NULL). Where a
 * supporting case fact holds a field the finding is defined on, the
 * statement shows the recorded value and the pointer names the field
 * itself: "ECOG recorded: yes (ecog 1)" at /patient/ecog, not the whole
 * /patient object.
 */
static int add_finding_firing(onco_engine *engine, const onco_finding_def *def,
			      const onco_support_entry *firing, onco_because *because,
			      const char *statement, size_t position)
{
	void *env = engine->env;
	size_t i, j, n = firing != NULL ? firing->count : 0;
	/* The pointers come before the statement they belong to is whole:
	 * recorded under no entry, then given to it. */
	size_t start = because->n_pointers, none = (size_t)-1;
	char text[1024], value[256];
	size_t used = append(text, sizeof(text), 0, statement);
	long entry;
	int rc = 0, shown = 0;

	for (i = 0; i < n && rc == 0; i++) {
		int matched = 0;
		void *basis = onco_support_fact(engine, firing, i);

		for (j = 0; def != NULL && j < def->n_fields && rc == 0; j++) {
			if (!field_value(env, basis, def->fields[j], value, sizeof(value)))
				continue;
			matched = 1;
			if (used < sizeof(text)) {
				used = append(text, sizeof(text), used, shown++ ? ", " : " (");
				used = append(text, sizeof(text), used, strrchr(def->fields[j], '/') + 1);
				used = append(text, sizeof(text), used, " ");
				used = append(text, sizeof(text), used, value);
			}
			rc = add_pointer(because, none, def->fields[j]);
		}
		if (!matched && rc == 0)
			rc = add_pointers(engine, basis, because, none, 1);
	}
	if (shown && used < sizeof(text))
		append(text, sizeof(text), used, ")");
	/* None found: the fields that decided it. */
	if (because->n_pointers == start)
		for (j = 0; rc == 0 && def != NULL && j < def->n_fields; j++)
			rc = add_pointer(because, none, def->fields[j]);
	if (rc != 0)
		return rc;
	entry = entry_for(because, text, position);
	if (entry < 0)
		return (int)entry;
	for (i = start; i < because->n_pointers; i++)
		because->pointers[i].entry = (size_t)entry;
	return 0;
}

/* A finding: one statement per firing of its rules (merged when they read
 * alike), so that each shows the values of its own facts. */
static int add_finding(onco_engine *engine, void *finding, onco_because *because,
		       const char *statement, size_t position)
{
	const onco_finding_def *def =
		onco_kb_finding_def(&engine->kb, onco_fact_text(engine->env, finding, "name"));
	const onco_support_entry *firing;
	size_t k, n = onco_support_of(engine, finding, &firing);
	int rc = 0;

	if (n == 0)
		return add_finding_firing(engine, def, NULL, because, statement, position);
	for (k = 0; k < n && rc == 0; k++)
		rc = add_finding_firing(engine, def, &firing[k], because, statement, position);
	return rc;
}

int onco_because_add(onco_engine *engine, void *fact, onco_because *because)
{
	void *env = engine->env;
	size_t i, n = onco_fact_multi_count(env, fact, "basis");
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		int type, made;
		void *basis;
		char statement[2048];
		long entry;

		if (!onco_fact_multi(env, fact, "basis", i, &type, &basis) ||
		    type != FACT_ADDRESS)
			continue;
		made = statement_for(engine, basis, statement, sizeof(statement));
		if (made == 0)
			continue;
		if (made < 0)
			return made;
		if (strcmp(onco_fact_template(env, basis), "finding") == 0) {
			rc = add_finding(engine, basis, because, statement, i);
			continue;
		}
		entry = entry_for(because, statement, i);
		if (entry < 0)
			return (int)entry;
		rc = add_pointers(engine, basis, because, (size_t)entry, 0);
	}
	return rc;
}

/* The citation of the i-th `cite` of `fact`, or NULL (lint reports a cite
 * with no citation). */
static const onco_citation *citation_at(onco_engine *engine, void *fact, size_t i)
{
	int type;
	void *value;

	if (!onco_fact_multi(engine->env, fact, "cite", i, &type, &value))
		return NULL;
	return onco_kb_citation(&engine->kb, ValueToString(value));
}

/* {"source", "ref", "quote"} of a citation. The strings are the rule
 * base's, which outlives every document the engine builds: referenced,
 * not copied (quotes are whole passages). */
static cJSON *citation_json(const onco_citation *c)
{
	cJSON *e = cJSON_CreateObject();

	if (e == NULL || !cJSON_AddItemToObjectCS(e, "source", cJSON_CreateStringReference(c->source)) ||
	    !cJSON_AddItemToObjectCS(e, "ref", cJSON_CreateStringReference(c->label)) ||
	    !cJSON_AddItemToObjectCS(e, "quote", cJSON_CreateStringReference(c->quote))) {
		cJSON_Delete(e);
		return NULL;
	}
	return e;
}

int onco_evidence_add(onco_engine *engine, void *fact, cJSON *evidence)
{
	size_t i, n = onco_fact_multi_count(engine->env, fact, "cite");

	for (i = 0; i < n; i++) {
		const onco_citation *c = citation_at(engine, fact, i);
		cJSON *item;
		int seen = 0;

		if (c == NULL)
			continue;
		cJSON_ArrayForEach(item, evidence)
			if (strcmp(cJSON_GetObjectItemCaseSensitive(item, "quote")->valuestring,
				   c->quote) == 0)
				seen = 1;
		if (!seen && onco_json_append(evidence, citation_json(c)) != 0)
			return ONCO_ENOMEM;
	}
	return 0;
}

int onco_cites_add(onco_engine *engine, void *fact, onco_cites *cites)
{
	size_t i, k, n = onco_fact_multi_count(engine->env, fact, "cite");

	for (i = 0; i < n; i++) {
		const onco_citation *c = citation_at(engine, fact, i), **items;

		if (c == NULL)
			continue;
		/* one quote once: the first citation that gives it */
		for (k = 0; k < cites->n && strcmp(cites->items[k]->quote, c->quote) != 0; k++)
			;
		if (k < cites->n)
			continue;
		items = with_room(cites->items, &cites->cap, cites->n, sizeof(*items));
		if (items == NULL)
			return ONCO_ENOMEM;
		cites->items = items;
		cites->items[cites->n++] = c;
	}
	return 0;
}

static int compare_cites(const void *a, const void *b)
{
	const onco_citation *x = *(const onco_citation *const *)a;
	const onco_citation *y = *(const onco_citation *const *)b;
	int c = strcmp(x->label, y->label);

	return c != 0 ? c : strcmp(x->quote, y->quote);
}

int onco_cites_json(onco_cites *cites, cJSON *evidence)
{
	size_t i;

	qsort(cites->items, cites->n, sizeof(*cites->items), compare_cites);
	for (i = 0; i < cites->n; i++)
		if (onco_json_append(evidence, citation_json(cites->items[i])) != 0)
			return ONCO_ENOMEM;
	return 0;
}

void onco_cites_release(onco_cites *cites)
{
	free(cites->items);
	memset(cites, 0, sizeof(*cites));
}
