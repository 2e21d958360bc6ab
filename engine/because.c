/*
 * because.c: explaining a conclusion. Its `basis` slot holds the facts that
 * matched its rule's patterns; each becomes a statement with the JSON
 * pointers of the case data behind it. A finding is followed down to the
 * case facts that support it; a finding that rests on no fact (a `not`
 * pattern, "distant disease: no") points at the fields that decided it.
 * An item's statements and pointers are gathered in C (onco_because) and
 * written to JSON once; what a basis fact says is made once per list
 * (onco_because_memo), since the options of a guideline rest on the same
 * scope and findings.
 */
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/collect.h"
#include "private/json_out.h"
#include "private/sort.h"

#define MAX_DEPTH 8

/* The values of the multislot at `place` (-1: none) of `fact`: its
 * length, and the CLIPS multifield in *values (0 when the fact has none). */
static long multislot_at(void *fact, long place, void **values)
{
	const struct field *v;

	if (place < 0)
		return 0;
	v = &((struct fact *)fact)->theProposition.theFields[place];
	if (v->type != MULTIFIELD)
		return 0;
	*values = v->value;
	return GetMFLength(v->value);
}

/* As multislot_at for the slot named `slot`. The slot is found once, where
 * reading each value with onco_fact_multi would find it again (a
 * conclusion's basis is its template's last slot). */
static long multislot(void *fact, const char *slot, void **values)
{
	return multislot_at(fact, onco_slot_position(((struct fact *)fact)->whichDeftemplate, slot),
			    values);
}

/* Records `pointer` for entry `entry`; duplicates go at json time. */
static int add_pointer(onco_because *because, size_t entry, const char *pointer)
{
	onco_because_pointer *p;

	if (onco_grow((void **)&because->pointers, &because->cap_pointers,
		      because->n_pointers + 1, sizeof(*p)) != 0)
		return ONCO_ENOMEM;
	p = &because->pointers[because->n_pointers++];
	p->entry = entry;
	p->pointer = pointer;
	return 0;
}

/* Adds the pointers of the case facts under `fact` to entry `entry`: its
 * own, or those of the facts its basis holds (for a finding, the facts of
 * every firing of its rules, support.c). */
static int add_pointers(onco_engine *engine, void *fact, onco_because *because, size_t entry,
			int depth)
{
	void *env = engine->env, *values = NULL;
	const char *pointer = onco_fact_text(env, fact, "pointer");
	const onco_support_entry *firing;
	size_t i, k, n;
	long j, count;
	int rc = 0;

	if (pointer != NULL)
		return add_pointer(because, entry, pointer[0] ? pointer : "/");
	/* A conclusion in a basis (a warning about a recommended drug) is named
	 * by its id; its own reasons belong to its own item. */
	if (depth >= MAX_DEPTH || multislot(fact, "cite", &values) > 0)
		return 0;
	if (strcmp(onco_fact_template(env, fact), "finding") == 0) {
		n = onco_support_of(engine, fact, &firing);
		for (k = 0; k < n && rc == 0; k++)
			for (i = 0; i < firing[k].count && rc == 0; i++)
				rc = add_pointers(engine, onco_support_fact(engine, &firing[k], i),
						  because, entry, depth + 1);
		return rc;
	}
	count = multislot(fact, "basis", &values);
	for (j = 1; j <= count && rc == 0; j++)
		if (GetMFType(values, j) == FACT_ADDRESS)
			rc = add_pointers(engine, GetMFValue(values, j), because, entry, depth + 1);
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

/* A value as text, as onco_value_text would write it into buf[size], but
 * a symbol or string that fits is given as it is: no copy, no format. */
static const char *value_text(int type, void *value, char *buf, size_t size)
{
	if ((type == SYMBOL || type == STRING) && strlen(ValueToString(value)) < size)
		return ValueToString(value);
	onco_value_text(type, value, buf, size);
	return buf;
}

/* The statement of a case fact into buf[size]: 1, or 0 when the fact is
 * not a template fact. */
static int case_fact_statement(void *fact, char *buf, size_t size)
{
	const struct fact *f = fact;
	const struct templateSlot *slot;
	char value[512];
	size_t used;
	long i = 0, j;

	if (f->whichDeftemplate == NULL || f->whichDeftemplate->implied)
		return 0;
	used = append_words(buf, size, 0, ValueToString(f->whichDeftemplate->header.name));
	/* The slots in template order, read by position (fact_read.c). */
	for (slot = f->whichDeftemplate->slotList; slot != NULL && used < size;
	     slot = slot->next, i++) {
		const char *name = ValueToString(slot->slotName);
		const struct field *v = &f->theProposition.theFields[i];

		if (strcmp(name, "pointer") == 0)
			continue;
		if (v->type == MULTIFIELD) {
			long length = GetMFLength(v->value);

			if (length == 0)
				continue;
			used = append(buf, size, used, used && strchr(buf, ':') ? ", " : ": ");
			if (used < size)
				used = append_words(buf, size, used, name);
			for (j = 1; j <= length && used < size; j++) {
				used = append(buf, size, used, " ");
				if (used < size)
					used = append(buf, size, used,
						      value_text(GetMFType(v->value, j),
								 GetMFValue(v->value, j), value,
								 sizeof(value)));
			}
		} else {
			const char *text = value_text(v->type, v->value, value, sizeof(value));

			used = append(buf, size, used, strchr(buf, ':') ? ", " : ": ");
			if (used < size)
				used = append_words(buf, size, used, name);
			if (used < size)
				used = append(buf, size, used, " ");
			if (used < size)
				used = append(buf, size, used, text);
		}
	}
	return 1;
}

/* Long enough for any case fact's statement (it is cut there). */
#define LONG_STATEMENT 2048

char *onco_case_fact_statement(void *env, void *fact)
{
	char buf[LONG_STATEMENT];

	(void)env;
	return case_fact_statement(fact, buf, sizeof(buf)) ? onco_strdup(buf) : NULL;
}

/* Statements of findings, guidelines and options are cut at this length. */
#define SHORT_STATEMENT 1024

/* The statement for one basis fact of template `t` other than a finding
 * into buf (at least SHORT_STATEMENT bytes; a case fact's statement may
 * take LONG_STATEMENT): 1, or 0 for facts that explain nothing to a reader
 * (knowledge facts such as drug classes). */
static int statement_for(onco_engine *engine, void *fact, const char *t, char *buf, size_t size)
{
	void *env = engine->env;
	size_t used;

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
	return case_fact_statement(fact, buf, size);
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
	if (onco_grow((void **)&because->entries, &because->cap_entries, k + 1, sizeof(*e)) != 0)
		return ONCO_ENOMEM;
	e = because->entries;
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
	 * may rest on hundreds of them. Sorted by entry first, the pointers of
	 * an entry lie together: entries[].first and count say where. */
	onco_sort(because->pointers, because->n_pointers, sizeof(*because->pointers),
		  compare_pointers);
	for (i = 0; i < because->n_pointers; i++) {
		onco_because_entry *e = &because->entries[because->pointers[i].entry];

		if (e->count++ == 0)
			e->first = i;
	}
	onco_sort(because->entries, because->n_entries, sizeof(*because->entries),
		  compare_entries);
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
	void *values = NULL;
	size_t n, used = 0;
	long k, count;

	if (pointer == NULL)
		return 0;
	n = strlen(pointer);
	if (strncmp(field, pointer, n) != 0 || field[n] != '/' || strchr(field + n + 1, '/'))
		return 0;
	append(slot, sizeof(slot), 0, field + n + 1);
	for (k = 0; slot[k] != '\0'; k++)
		if (slot[k] == '_')
			slot[k] = '-';
	count = multislot(fact, slot, &values);
	buf[0] = '\0';
	for (k = 1; k <= count && used < size; k++) {
		int type = GetMFType(values, k);
		char room[256];
		const char *text = value_text(type, GetMFValue(values, k), room, sizeof(room));

		/* Show a boolean as the case wrote it (true), not as CLIPS (TRUE). */
		if (type == SYMBOL && (strcmp(text, "TRUE") == 0 || strcmp(text, "FALSE") == 0))
			text = text[0] == 'T' ? "true" : "false";
		used = append(buf, size, append(buf, size, used, k > 1 ? " " : ""), text);
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
		       size_t position)
{
	void *env = engine->env;
	const char *name = onco_fact_text(env, finding, "name");
	const onco_finding_def *def = onco_kb_finding_def(&engine->kb, name);
	const onco_support_entry *firing;
	size_t k, n = onco_support_of(engine, finding, &firing);
	char statement[SHORT_STATEMENT];
	size_t used = append(statement, sizeof(statement), 0, def != NULL ? def->text : name);
	int rc = 0;

	used = append(statement, sizeof(statement), used, ": ");
	append(statement, sizeof(statement), used, onco_fact_text(env, finding, "value"));
	if (n == 0)
		return add_finding_firing(engine, def, NULL, because, statement, position);
	for (k = 0; k < n && rc == 0; k++)
		rc = add_finding_firing(engine, def, &firing[k], because, statement, position);
	return rc;
}

/* What onco_because_add says of one basis fact at `position`: its
 * statements, each with its pointers, added to `because`. 0 or
 * ONCO_ENOMEM. */
static int add_basis(onco_engine *engine, void *basis, onco_because *because, size_t position)
{
	const char *t = onco_fact_template(engine->env, basis);
	char statement[LONG_STATEMENT];
	long entry;

	if (strcmp(t, "finding") == 0)
		return add_finding(engine, basis, because, position);
	if (!statement_for(engine, basis, t, statement, sizeof(statement)))
		return 0;
	entry = entry_for(because, statement, position);
	if (entry < 0)
		return (int)entry;
	return add_pointers(engine, basis, because, (size_t)entry, 0);
}

/* Adds `lines` (what add_basis said of a fact, kept in a memo) to
 * `because` at `position`, as add_basis would. 0 or ONCO_ENOMEM. */
static int add_lines(onco_because *because, const onco_because *lines, size_t position)
{
	size_t k, i;
	int rc = 0;

	for (k = 0; k < lines->n_entries && rc == 0; k++) {
		long entry = entry_for(because, lines->entries[k].statement->valuestring, position);

		if (entry < 0)
			return (int)entry;
		for (i = 0; i < lines->n_pointers && rc == 0; i++)
			if (lines->pointers[i].entry == k)
				rc = add_pointer(because, (size_t)entry, lines->pointers[i].pointer);
	}
	return rc;
}

/* The lines of `basis`: from the memo, or made and kept there. NULL when
 * memory runs out (the memo is then as it was). */
static const onco_because *memo_lines(onco_engine *engine, onco_because_memo *memo, void *basis)
{
	onco_because_memo_fact *m;
	size_t k;

	for (k = 0; k < memo->n; k++)
		if (memo->facts[k].fact == basis)
			return &memo->facts[k].lines;
	if (onco_grow((void **)&memo->facts, &memo->cap, memo->n + 1, sizeof(*m)) != 0)
		return NULL;
	m = &memo->facts[memo->n];
	m->fact = basis;
	memset(&m->lines, 0, sizeof(m->lines));
	if (add_basis(engine, basis, &m->lines, 0) != 0) {
		onco_because_release(&m->lines);
		return NULL;
	}
	memo->n++;
	return &m->lines;
}

void onco_because_memo_release(onco_because_memo *memo)
{
	size_t k;

	for (k = 0; k < memo->n; k++)
		onco_because_release(&memo->facts[k].lines);
	free(memo->facts);
	memset(memo, 0, sizeof(*memo));
}

int onco_because_add(onco_engine *engine, onco_because_memo *memo, void *fact,
		     onco_because *because)
{
	return onco_because_add_at(
		engine, memo, fact,
		onco_slot_position(((struct fact *)fact)->whichDeftemplate, "basis"), because);
}

int onco_because_add_at(onco_engine *engine, onco_because_memo *memo, void *fact,
			long basis_place, onco_because *because)
{
	void *values = NULL;
	long i, n = multislot_at(fact, basis_place, &values);
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		void *basis = GetMFValue(values, i + 1);
		const onco_because *lines;

		if (GetMFType(values, i + 1) != FACT_ADDRESS)
			continue;
		if (memo == NULL) {
			rc = add_basis(engine, basis, because, (size_t)i);
			continue;
		}
		lines = memo_lines(engine, memo, basis);
		rc = lines == NULL ? ONCO_ENOMEM : add_lines(because, lines, (size_t)i);
	}
	return rc;
}

/* The citation of value `i` (from 1) of a `cite` multislot, or NULL (lint
 * reports a cite with no citation). */
static const onco_citation *citation_at(onco_engine *engine, void *cites, long i)
{
	return onco_citation_by_id(engine, ValueToString(GetMFValue(cites, i)));
}

int onco_evidence_add(onco_engine *engine, void *fact, cJSON *evidence)
{
	void *values = NULL;
	long i, n = multislot(fact, "cite", &values);

	for (i = 1; i <= n; i++) {
		const onco_citation *c = citation_at(engine, values, i);
		cJSON *item;
		int seen = 0;

		if (c == NULL)
			continue;
		cJSON_ArrayForEach(item, evidence)
			if (strcmp(cJSON_GetObjectItemCaseSensitive(item, "quote")->valuestring,
				   c->quote) == 0)
				seen = 1;
		if (!seen && onco_json_append(evidence, onco_citation_json(c)) != 0)
			return ONCO_ENOMEM;
	}
	return 0;
}

int onco_cites_add(onco_engine *engine, void *fact, long cite, onco_cites *cites)
{
	void *values = NULL;
	long i, n = multislot_at(fact, cite, &values);
	size_t k;

	for (i = 1; i <= n; i++) {
		const onco_citation *c = citation_at(engine, values, i);

		if (c == NULL)
			continue;
		/* one quote once: the first citation that gives it */
		for (k = 0; k < cites->n && strcmp(cites->items[k]->quote, c->quote) != 0; k++)
			;
		if (k < cites->n)
			continue;
		if (onco_grow((void **)&cites->items, &cites->cap, cites->n + 1,
			      sizeof(*cites->items)) != 0)
			return ONCO_ENOMEM;
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

int onco_cites_json(onco_engine *engine, onco_cites *cites, cJSON *evidence, int one_line)
{
	size_t i;

	onco_sort(cites->items, cites->n, sizeof(*cites->items), compare_cites);
	for (i = 0; i < cites->n; i++)
		if (onco_json_append(evidence, onco_citation_item(engine, cites->items[i], one_line)) != 0)
			return ONCO_ENOMEM;
	return 0;
}

void onco_cites_release(onco_cites *cites)
{
	free(cites->items);
	memset(cites, 0, sizeof(*cites));
}
