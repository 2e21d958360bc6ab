/*
 * knowledge.c: the knowledge facts of the rule base (citations, finding
 * definitions, guidelines, card definitions), read once after loading into sorted tables so
 * that explaining a conclusion needs no search of working memory.
 */
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "fact_read.h"
#include "private/engine_internal.h"

static int by_id(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Grows `*array` of `size`-byte elements by one zeroed element. */
static void *grow(void **array, size_t *count, size_t size)
{
	char *grown = realloc(*array, (*count + 1) * size);

	if (grown == NULL)
		return NULL;
	*array = grown;
	memset(grown + *count * size, 0, size);
	return grown + (*count)++ * size;
}

static char *dup_slot(void *env, void *fact, const char *slot)
{
	const char *s = onco_fact_text(env, fact, slot);

	return onco_strdup(s != NULL ? s : "");
}

static int add_citation(onco_kb *kb, void *env, void *fact)
{
	onco_citation *c = grow((void **)&kb->citations, &kb->n_citations, sizeof(*c));

	if (c == NULL)
		return ONCO_ENOMEM;
	c->id = dup_slot(env, fact, "id");
	c->source = dup_slot(env, fact, "source");
	c->label = dup_slot(env, fact, "label");
	c->quote = dup_slot(env, fact, "quote");
	return c->id && c->source && c->label && c->quote ? 0 : ONCO_ENOMEM;
}

static int add_finding_def(onco_kb *kb, void *env, void *fact)
{
	onco_finding_def *d = grow((void **)&kb->finding_defs, &kb->n_finding_defs,
				   sizeof(*d));
	size_t i, n = onco_fact_multi_count(env, fact, "fields");

	if (d == NULL)
		return ONCO_ENOMEM;
	d->name = dup_slot(env, fact, "name");
	d->text = dup_slot(env, fact, "text");
	d->fields = calloc(n ? n : 1, sizeof(char *));
	if (d->name == NULL || d->text == NULL || d->fields == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		int type;
		void *value;
		if (!onco_fact_multi(env, fact, "fields", i, &type, &value))
			break;
		d->fields[d->n_fields] = onco_strdup(ValueToString(value));
		if (d->fields[d->n_fields++] == NULL)
			return ONCO_ENOMEM;
	}
	return 0;
}

static int add_guideline(onco_kb *kb, void *env, void *fact)
{
	onco_guideline *g = grow((void **)&kb->guidelines, &kb->n_guidelines, sizeof(*g));

	if (g == NULL)
		return ONCO_ENOMEM;
	g->id = dup_slot(env, fact, "id");
	g->title = dup_slot(env, fact, "title");
	g->source = dup_slot(env, fact, "source");
	g->covers = dup_slot(env, fact, "covers");
	return g->id && g->title && g->source && g->covers ? 0 : ONCO_ENOMEM;
}

static int add_card_def(onco_kb *kb, void *env, void *fact)
{
	onco_card_def *c = grow((void **)&kb->card_defs, &kb->n_card_defs, sizeof(*c));
	DATA_OBJECT order;

	if (c == NULL)
		return ONCO_ENOMEM;
	c->id = dup_slot(env, fact, "id");
	c->guideline = dup_slot(env, fact, "guideline");
	c->kind = dup_slot(env, fact, "kind");
	c->title = dup_slot(env, fact, "title");
	if (EnvGetFactSlot(env, fact, "order", &order) && GetType(order) == INTEGER)
		c->order = (long)DOToLong(order);
	return c->id && c->guideline && c->kind && c->title ? 0 : ONCO_ENOMEM;
}

int onco_knowledge_index(onco_engine *engine, onco_error *err)
{
	void *env = engine->env;
	onco_kb *kb = &engine->kb;
	void *fact;
	int rc = 0;
	size_t i;

	EnvReset(env);
	for (fact = EnvGetNextFact(env, NULL); fact != NULL && rc == 0;
	     fact = EnvGetNextFact(env, fact)) {
		const char *t = onco_fact_template(env, fact);
		if (strcmp(t, "citation") == 0)
			rc = add_citation(kb, env, fact);
		else if (strcmp(t, "finding-def") == 0)
			rc = add_finding_def(kb, env, fact);
		else if (strcmp(t, "guideline") == 0)
			rc = add_guideline(kb, env, fact);
		else if (strcmp(t, "card-def") == 0)
			rc = add_card_def(kb, env, fact);
	}
	if (rc != 0)
		return onco_error_set(err, rc, "out of memory");
	/* Each table starts with its key, so one comparison sorts them all. */
	if (kb->n_citations > 1)
		qsort(kb->citations, kb->n_citations, sizeof(*kb->citations), by_id);
	if (kb->n_finding_defs > 1)
		qsort(kb->finding_defs, kb->n_finding_defs, sizeof(*kb->finding_defs), by_id);
	if (kb->n_guidelines > 1)
		qsort(kb->guidelines, kb->n_guidelines, sizeof(*kb->guidelines), by_id);
	if (kb->n_card_defs > 1)
		qsort(kb->card_defs, kb->n_card_defs, sizeof(*kb->card_defs), by_id);
	for (i = 1; i < kb->n_card_defs; i++)
		if (strcmp(kb->card_defs[i - 1].id, kb->card_defs[i].id) == 0)
			return onco_error_set(err, ONCO_ERULES, "card-def %s is declared twice",
					      kb->card_defs[i].id);
	for (i = 1; i < kb->n_citations; i++)
		if (strcmp(kb->citations[i - 1].id, kb->citations[i].id) == 0)
			return onco_error_set(err, ONCO_ERULES, "citation %s is declared twice",
					      kb->citations[i].id);
	for (i = 1; i < kb->n_finding_defs; i++)
		if (strcmp(kb->finding_defs[i - 1].name, kb->finding_defs[i].name) == 0)
			return onco_error_set(err, ONCO_ERULES,
					      "finding-def %s is declared twice",
					      kb->finding_defs[i].name);
	return 0;
}

static const void *find(const void *table, size_t count, size_t size, const char *key)
{
	if (key == NULL || count == 0)
		return NULL;
	return bsearch(&key, table, count, size, by_id);
}

const onco_citation *onco_kb_citation(const onco_kb *kb, const char *id)
{
	return find(kb->citations, kb->n_citations, sizeof(*kb->citations), id);
}

const onco_finding_def *onco_kb_finding_def(const onco_kb *kb, const char *name)
{
	return find(kb->finding_defs, kb->n_finding_defs, sizeof(*kb->finding_defs), name);
}

const onco_guideline *onco_kb_guideline(const onco_kb *kb, const char *id)
{
	return find(kb->guidelines, kb->n_guidelines, sizeof(*kb->guidelines), id);
}

const onco_card_def *onco_kb_card_def(const onco_kb *kb, const char *id)
{
	return find(kb->card_defs, kb->n_card_defs, sizeof(*kb->card_defs), id);
}

const onco_guideline *onco_kb_guideline_of_source(const onco_kb *kb, const char *source)
{
	size_t i;

	for (i = 0; source != NULL && i < kb->n_guidelines; i++)
		if (strcmp(kb->guidelines[i].source, source) == 0)
			return &kb->guidelines[i];
	return NULL;
}

int onco_kb_rule_index(const onco_kb *kb, const char *name)
{
	size_t i;

	for (i = 0; i < kb->n_rules; i++)
		if (strcmp(kb->rules[i].name, name) == 0)
			return (int)i;
	return -1;
}

/*
 * Knowledge that only the engine reads (citations, finding definitions,
 * guidelines) is indexed once at open; re-asserting it at every reset would
 * cost each case several hundred fact assertions and retractions. So a
 * deffacts holding nothing else is removed after indexing. A template that
 * some rule does match stays, and so does any deffacts that mixes in other
 * facts (drug classes, which rules match).
 *
 * CLIPS keeps a deffacts as a call to `assert`, or a `progn` of such calls,
 * each naming its template first (dffctpsr.c); that is read here, as the
 * public API has no call for it.
 */
static int engine_only_template(const onco_kb *kb, const char *name)
{
	static const char *const templates[] = {"citation", "finding-def", "guideline",
						"card-def"};
	size_t i, j, k, n = 0;

	for (i = 0; i < sizeof(templates) / sizeof(templates[0]); i++)
		if (strcmp(name, templates[i]) == 0)
			n = strlen(name);
	if (n == 0)
		return 0;
	for (j = 0; j < kb->n_rules; j++)
		for (k = 0; k < kb->rules[j].n_conditions; k++) {
			const char *text = kb->rules[j].conditions[k].text;
			if (text != NULL && strncmp(text + 1, name, n) == 0 &&
			    (text[n + 1] == ' ' || text[n + 1] == ')'))
				return 0;
		}
	return 1;
}

static int assert_is_engine_only(void *env, const onco_kb *kb, const struct expr *call)
{
	const struct expr *first = call->argList;

	return call->type == FCALL && first != NULL && first->type == DEFTEMPLATE_PTR &&
	       engine_only_template(kb, EnvGetDeftemplateName(env, first->value));
}

static int deffacts_is_engine_only(void *env, const onco_kb *kb, struct deffacts *d)
{
	const struct expr *e = d->assertList, *call;
	const char *name;

	if (e == NULL || e->type != FCALL)
		return 0;
	name = ValueToString(((struct FunctionDefinition *)e->value)->callFunctionName);
	if (strcmp(name, "assert") == 0)
		return assert_is_engine_only(env, kb, e);
	if (strcmp(name, "progn") != 0)
		return 0;
	for (call = e->argList; call != NULL; call = call->nextArg)
		if (!assert_is_engine_only(env, kb, call))
			return 0;
	return 1;
}

void onco_knowledge_unload(onco_engine *engine)
{
	void *env = engine->env, *d, *next;

	for (d = EnvGetNextDeffacts(env, NULL); d != NULL; d = next) {
		next = EnvGetNextDeffacts(env, d);
		if (deffacts_is_engine_only(env, &engine->kb, d) &&
		    EnvIsDeffactsDeletable(env, d))
			EnvUndeffacts(env, d);
	}
}
