/*
 * explain.c: onco_engine_explain, the derivation of a case's conclusions
 * and the answer to "why not OPTION" (`oncorules explain`). Both judge a
 * concluding rule's conditions against the finished run with the engine's
 * own rule-info and condition evaluation: met, not met, or unknown (the
 * finding needed is valued unknown in this case), each with the facts of
 * the case and their JSON pointers.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "fact_read.h"
#include "private/collect.h"

#define MAX_DEPTH 8

static const char *const state_names[] = {"met", "not met", "unknown", "not judged"};

static const char *rule_guideline(const onco_rule_info *r);

/* The case facts under `fact` (followed through findings), as
 * {"statement", "pointer"} items of `out`. */
static void add_support(onco_engine *engine, void *fact, cJSON *out, int depth)
{
	void *env = engine->env;
	const char *pointer = onco_fact_text(env, fact, "pointer");
	size_t i, n;

	if (pointer != NULL) {
		char *statement = onco_case_fact_statement(env, fact);
		cJSON *item = cJSON_CreateObject();

		cJSON_AddStringToObject(item, "statement", statement != NULL ? statement : "");
		cJSON_AddStringToObject(item, "pointer", pointer[0] ? pointer : "/");
		cJSON_AddItemToArray(out, item);
		free(statement);
		return;
	}
	if (depth >= MAX_DEPTH)
		return;
	n = onco_fact_multi_count(env, fact, "basis");
	for (i = 0; i < n; i++) {
		int type;
		void *value;

		if (onco_fact_multi(env, fact, "basis", i, &type, &value) && type == FACT_ADDRESS)
			add_support(engine, value, out, depth + 1);
	}
}

static cJSON *strings(char *const *items, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(items[i]));
	return a;
}

/* The finding facts of `name` in the run: value, deriving rule, support. */
static cJSON *finding_values(onco_engine *engine, const onco_run_facts *run,
			     const char *name)
{
	cJSON *values = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < run->n_findings; i++) {
		void *f = run->findings[i];
		cJSON *v;

		if (strcmp(onco_fact_text(engine->env, f, "name"), name) != 0)
			continue;
		v = cJSON_CreateObject();
		cJSON_AddStringToObject(v, "value", onco_fact_text(engine->env, f, "value"));
		cJSON_AddStringToObject(v, "rule", onco_fact_text(engine->env, f, "rule"));
		add_support(engine, f, cJSON_AddArrayToObject(v, "because"), 0);
		cJSON_AddItemToArray(values, v);
	}
	return values;
}

static cJSON *condition_json(onco_engine *engine, const onco_run_facts *run,
			     const onco_condition *c)
{
	cJSON *o = cJSON_CreateObject(), *needs;
	onco_condition_state state = onco_condition_eval(engine, run, c);
	const onco_finding_def *def;
	const onco_guideline *g;
	int v;

	cJSON_AddStringToObject(o, "condition", c->text);
	cJSON_AddStringToObject(o, "state", state_names[state]);
	cJSON_AddBoolToObject(o, "negated", c->negated);
	if (c->kind == ONCO_COND_SCOPE && c->name != NULL) {
		g = onco_kb_guideline(&engine->kb, c->name);
		cJSON_AddStringToObject(o, "kind", "scope");
		cJSON_AddStringToObject(o, "name", c->name);
		cJSON_AddStringToObject(o, "statement", g != NULL ? g->title : c->name);
	} else if (c->kind == ONCO_COND_FINDING && c->name != NULL) {
		def = onco_kb_finding_def(&engine->kb, c->name);
		cJSON_AddStringToObject(o, "kind", "finding");
		cJSON_AddStringToObject(o, "name", c->name);
		cJSON_AddStringToObject(o, "statement", def != NULL ? def->text : c->name);
		needs = cJSON_AddArrayToObject(o, "needs");
		for (v = 0; v < 3; v++)
			if (c->accepts[v])
				cJSON_AddItemToArray(needs, cJSON_CreateString(onco_finding_values[v]));
		cJSON_AddItemToObject(o, "values", finding_values(engine, run, c->name));
		cJSON_AddItemToObject(o, "fields", def != NULL ? strings(def->fields, def->n_fields)
							       : cJSON_CreateArray());
	} else {
		cJSON_AddStringToObject(o, "kind", "other");
	}
	return o;
}

static cJSON *rule_json(onco_engine *engine, const onco_run_facts *run, size_t index)
{
	const onco_rule_info *r = &engine->kb.rules[index];
	cJSON *o = cJSON_CreateObject(), *conds, *cites;
	size_t i;

	cJSON_AddStringToObject(o, "rule", r->name);
	cJSON_AddStringToObject(o, "file", r->file != NULL ? r->file : "");
	cJSON_AddNumberToObject(o, "line", (double)r->line);
	cJSON_AddStringToObject(o, "comment", r->comment != NULL ? r->comment : "");
	cJSON_AddStringToObject(o, "kind", onco_rule_kind_name(r->kind));
	cJSON_AddStringToObject(o, "concludes", r->concludes != NULL ? r->concludes : "");
	if (rule_guideline(r) != NULL)
		cJSON_AddStringToObject(o, "guideline", rule_guideline(r));
	if (r->modality != NULL)
		cJSON_AddStringToObject(o, "modality", r->modality);
	if (r->procedure != NULL)
		cJSON_AddStringToObject(o, "procedure", r->procedure);
	cJSON_AddItemToObject(o, "agents", strings(r->agents, r->n_agents));
	cJSON_AddBoolToObject(o, "fired", engine->firings[index] > 0);
	conds = cJSON_AddArrayToObject(o, "conditions");
	for (i = 0; i < r->n_conditions; i++)
		cJSON_AddItemToArray(conds, condition_json(engine, run, &r->conditions[i]));
	cites = cJSON_AddArrayToObject(o, "evidence");
	for (i = 0; i < r->n_cites; i++) {
		const onco_citation *c = onco_kb_citation(&engine->kb, r->cites[i]);
		const onco_guideline *g = c != NULL ? onco_kb_guideline_of_source(&engine->kb, c->source)
						    : NULL;
		cJSON *e = cJSON_CreateObject();

		cJSON_AddStringToObject(e, "source", c != NULL ? c->source : "");
		/* The document's title, where a guideline names it as its source. */
		if (e == NULL || !(g != NULL ? cJSON_AddStringToObject(e, "title", g->title)
					     : cJSON_AddNullToObject(e, "title"))) {
			cJSON_Delete(e);
			cJSON_Delete(o);
			return NULL;
		}
		cJSON_AddStringToObject(e, "ref", c != NULL ? c->label : "");
		cJSON_AddStringToObject(e, "quote", c != NULL ? c->quote : r->cites[i]);
		cJSON_AddItemToArray(cites, e);
	}
	return o;
}

/* "Pelvic Exenteration", "pelvic_exenteration" -> "pelvic-exenteration". */
static void normalise(char *out, size_t size, const char *s)
{
	size_t n = 0;

	for (; s != NULL && *s != '\0' && n + 1 < size; s++) {
		char ch = (*s == ' ' || *s == '_' || *s == '-') ? '-'
							       : (char)tolower((unsigned char)*s);

		if (ch == '-' && (n == 0 || out[n - 1] == '-'))
			continue;
		out[n++] = ch;
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
}

static int same(const char *query, const char *s)
{
	char a[256];

	normalise(a, sizeof(a), s);
	return s != NULL && strcmp(a, query) == 0;
}

/* Does the rule conclude what was asked? Any rule by its name; a
 * recommendation by its id, modality, procedure or one of its agents or
 * choices (the option); an exclusion, warning or note by its id (a gate's computed id
 * by its pattern, "*-excluded-declines-active-treatment"). */
static int rule_matches(const onco_rule_info *r, const char *query)
{
	size_t i;

	if (same(query, r->name))
		return 1;
	if (r->kind == ONCO_RULE_RECOMMENDATION) {
		const onco_decl *choices = onco_rule_decl(r, "choices");

		if (same(query, r->modality) || same(query, r->procedure))
			return 1;
		for (i = 0; i < r->n_agents; i++)
			if (same(query, r->agents[i]))
				return 1;
		/* a menu: "why not letrozole" finds the aromatase-inhibitor menu */
		for (i = 0; choices != NULL && i < choices->n_values; i++)
			if (same(query, choices->values[i].text))
				return 1;
	}
	switch (r->kind) {
	case ONCO_RULE_RECOMMENDATION:
	case ONCO_RULE_EXCLUSION:
	case ONCO_RULE_WARNING:
	case ONCO_RULE_NOTE:
		return same(query, r->concludes) ||
		       (r->id_pattern != NULL && fnmatch(r->id_pattern, query, 0) == 0);
	default:
		return 0;
	}
}

/* The guideline a rule belongs to (its first scope condition), NULL for a
 * shared rule, one that tests no scope (findings, gates, drug safety). */
static const char *rule_guideline(const onco_rule_info *r)
{
	size_t i;

	for (i = 0; i < r->n_conditions; i++)
		if (r->conditions[i].kind == ONCO_COND_SCOPE && !r->conditions[i].negated &&
		    onco_condition_names_guideline(&r->conditions[i]))
			return r->conditions[i].name;
	return NULL;
}

/* An exclusion fact against the option: it rules out a matching rule's
 * recommendation, or names the option asked about itself. */
static int exclusion_matches(onco_engine *engine, void *fact, const char *query,
			     const cJSON *rules)
{
	void *env = engine->env;
	const cJSON *r;
	size_t i, n = onco_fact_multi_count(env, fact, "agents");

	const char *option = onco_fact_text(env, fact, "option");

	cJSON_ArrayForEach(r, rules)
		if (option != NULL &&
		    strcmp(cJSON_GetObjectItemCaseSensitive(r, "kind")->valuestring,
			   "recommendation") == 0 &&
		    strcmp(option, cJSON_GetObjectItemCaseSensitive(r, "concludes")->valuestring) == 0)
			return 1;
	if (same(query, onco_fact_text(env, fact, "option")) ||
	    same(query, onco_fact_text(env, fact, "procedure")) ||
	    same(query, onco_fact_text(env, fact, "modality")))
		return 1;
	for (i = 0; i < n; i++) {
		int type;
		void *value;
		char text[256];

		if (onco_fact_multi(env, fact, "agents", i, &type, &value)) {
			onco_value_text(type, value, text, sizeof(text));
			if (same(query, text))
				return 1;
		}
	}
	return 0;
}

static cJSON *conclusion_json(onco_engine *engine, void *fact, const char *kind)
{
	void *env = engine->env;
	cJSON *o = cJSON_CreateObject();
	static const char *const said[] = {"summary", "reason", "text"};
	size_t i;

	cJSON_AddStringToObject(o, "kind", kind);
	cJSON_AddStringToObject(o, "id", onco_fact_text(env, fact, "id"));
	if (strcmp(kind, "exclusion") == 0)
		cJSON_AddStringToObject(o, "option", onco_fact_text(env, fact, "option"));
	for (i = 0; i < 3; i++)
		if (onco_fact_text(env, fact, said[i]) != NULL)
			cJSON_AddStringToObject(o, "text", onco_fact_text(env, fact, said[i]));
	return o;
}

/* The conclusions explained, and the kind each is shown as. */
static const struct {
	int kind;
	const char *name;
} explained[] = {{ONCO_C_RECOMMENDATION, "recommendation"},
		 {ONCO_C_POSSIBLE, "possible"},
		 {ONCO_C_WARNING, "warning"},
		 {ONCO_C_EXCLUSION, "exclusion"},
		 {ONCO_C_NOTE, "note"}};

static int listed(const cJSON *list, const char *kind, const char *id, const char *rule)
{
	const cJSON *o;

	cJSON_ArrayForEach(o, list)
		if (strcmp(cJSON_GetObjectItemCaseSensitive(o, "kind")->valuestring, kind) == 0 &&
		    strcmp(cJSON_GetObjectItemCaseSensitive(o, "id")->valuestring, id) == 0 &&
		    strcmp(cJSON_GetObjectItemCaseSensitive(o, "rule")->valuestring, rule) == 0)
			return 1;
	return 0;
}

/* Every conclusion of the run with its rule judged condition by condition. */
static cJSON *derivations(onco_engine *engine, const onco_run_facts *run)
{
	cJSON *list = cJSON_CreateArray();
	size_t i, e;

	for (e = 0; e < sizeof(explained) / sizeof(explained[0]); e++)
		for (i = 0; i < run->n_conclusions[explained[e].kind]; i++) {
			void *fact = run->conclusions[explained[e].kind][i];
			const char *rule = onco_fact_text(engine->env, fact, "rule");
			int index = onco_kb_rule_index(&engine->kb, rule);
			cJSON *o;

			/* a rule that fired once per supporting fact: one entry */
			if (listed(list, explained[e].name, onco_fact_text(engine->env, fact, "id"), rule))
				continue;
			o = conclusion_json(engine, fact, explained[e].name);
			cJSON_AddStringToObject(o, "rule", rule);
			if (index >= 0)
				cJSON_AddItemToObject(o, "derivation",
						      rule_json(engine, run, (size_t)index));
			cJSON_AddItemToArray(list, o);
		}
	return list;
}

/* {"kind", "option", "rule", "text"?, "fields"?}: a gate's mark on an
 * option (pending, history, lead, or a warning about the option). */
static cJSON *mark_json(onco_engine *engine, void *fact, const char *kind)
{
	void *env = engine->env;
	cJSON *o = cJSON_CreateObject();
	const char *finding = onco_fact_text(env, fact, "finding");
	const onco_finding_def *def = finding != NULL ? onco_kb_finding_def(&engine->kb, finding)
						      : NULL;
	static const char *const said[] = {"text", "reason", "status"};
	size_t i;

	cJSON_AddStringToObject(o, "kind", kind);
	cJSON_AddStringToObject(o, "option", onco_fact_text(env, fact, "option"));
	cJSON_AddStringToObject(o, "rule", onco_fact_text(env, fact, "rule"));
	for (i = 0; i < 3; i++)
		if (onco_fact_text(env, fact, said[i]) != NULL) {
			cJSON_AddStringToObject(o, "text", onco_fact_text(env, fact, said[i]));
			break;
		}
	if (def != NULL) {
		cJSON_AddStringToObject(o, "text", def->text);
		cJSON_AddItemToObject(o, "fields", strings(def->fields, def->n_fields));
	}
	return o;
}

/* The marks gates put on the options the matched rules conclude. */
static void add_marks(onco_engine *engine, const onco_run_facts *run, cJSON *doc)
{
	static const struct {
		int kind;
		const char *name;
	} kinds[] = {{ONCO_C_PENDING, "pending"}, {ONCO_C_HISTORY, "history"},
		     {ONCO_C_LEAD, "lead"}, {ONCO_C_WARNING, "warning"}};
	cJSON *marks = cJSON_AddArrayToObject(doc, "marks"), *r;
	size_t k, i;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		for (i = 0; i < run->n_conclusions[kinds[k].kind]; i++) {
			void *fact = run->conclusions[kinds[k].kind][i];
			const char *option = onco_fact_text(engine->env, fact, "option");

			if (option == NULL)
				continue;
			cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(doc, "rules"))
				if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "kind")),
					   "recommendation") == 0 &&
				    strcmp(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "concludes")),
					   option) == 0) {
					cJSON_AddItemToArray(marks, mark_json(engine, fact, kinds[k].name));
					break;
				}
		}
}

/* Adds `id` to the array `list` unless it holds it. */
static void add_unique(cJSON *list, const char *id)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, list)
		if (strcmp(cJSON_GetStringValue(e), id) == 0)
			return;
	cJSON_AddItemToArray(list, cJSON_CreateString(id));
}

static cJSON *why_not(onco_engine *engine, const onco_run_facts *run, const char *option,
		      cJSON *doc)
{
	char query[256];
	cJSON *rules = cJSON_AddArrayToObject(doc, "rules");
	cJSON *exclusions = cJSON_AddArrayToObject(doc, "exclusions");
	cJSON *case_guidelines = cJSON_AddArrayToObject(doc, "guidelines");
	cJSON *elsewhere = cJSON_AddArrayToObject(doc, "other_guidelines");
	cJSON *o;
	size_t i;

	normalise(query, sizeof(query), option);
	cJSON_AddStringToObject(doc, "why_not", option);
	for (i = 0; i < run->n_scopes; i++)
		add_unique(case_guidelines, onco_fact_text(engine->env, run->scopes[i], "guideline"));
	/* Only rules of the case's guidelines and shared rules are walked; a
	 * match in another guideline is only named. */
	for (i = 0; i < engine->kb.n_rules; i++) {
		const onco_rule_info *r = &engine->kb.rules[i];
		const char *g;

		if (!rule_matches(r, query))
			continue;
		g = rule_guideline(r);
		if (g == NULL || onco_run_has_scope(engine, run, g))
			cJSON_AddItemToArray(rules, rule_json(engine, run, i));
		else
			add_unique(elsewhere, g);
	}
	for (i = 0; i < run->n_conclusions[ONCO_C_EXCLUSION]; i++) {
		void *fact = run->conclusions[ONCO_C_EXCLUSION][i];

		if (!exclusion_matches(engine, fact, query, rules))
			continue;
		/* one item per exclusion id: the facts of several firings merge */
		cJSON_ArrayForEach(o, exclusions)
			if (strcmp(cJSON_GetObjectItemCaseSensitive(o, "id")->valuestring,
				   onco_fact_text(engine->env, fact, "id")) == 0)
				break;
		if (o == NULL) {
			o = conclusion_json(engine, fact, "exclusion");
			cJSON_AddStringToObject(o, "rule", onco_fact_text(engine->env, fact, "rule"));
			cJSON_AddArrayToObject(o, "because");
			onco_evidence_add(engine, fact, cJSON_AddArrayToObject(o, "evidence"));
			cJSON_AddItemToArray(exclusions, o);
		}
		onco_because_add(engine, fact, cJSON_GetObjectItemCaseSensitive(o, "because"));
	}
	cJSON_ArrayForEach(o, exclusions)
		onco_because_finish(cJSON_GetObjectItemCaseSensitive(o, "because"));
	add_marks(engine, run, doc);
	return doc;
}

int onco_engine_explain(onco_engine *engine, const char *case_text, size_t length,
			const char *option, int flags, char **out, onco_error *err)
{
	onco_run_facts run;
	char *result = NULL;
	cJSON *doc, *parsed;
	int rc;

	*out = NULL;
	rc = onco_engine_evaluate(engine, case_text, length, 0, &result, err);
	if (rc != 0) {
		*out = result; /* the error document, when there is one */
		return rc;
	}
	rc = onco_run_facts_gather(engine, &run);
	doc = cJSON_CreateObject();
	parsed = cJSON_Parse(result);
	free(result);
	if (rc != 0 || doc == NULL || parsed == NULL) {
		onco_run_facts_release(&run);
		cJSON_Delete(doc);
		cJSON_Delete(parsed);
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	}
	cJSON_AddItemToObject(doc, "case",
			      cJSON_DetachItemFromObjectCaseSensitive(parsed, "case"));
	cJSON_AddItemToObject(doc, "scope",
			      cJSON_DetachItemFromObjectCaseSensitive(parsed, "scope"));
	if (option != NULL)
		why_not(engine, &run, option, doc);
	else
		cJSON_AddItemToObject(doc, "conclusions", derivations(engine, &run));
	onco_run_facts_release(&run);
	cJSON_Delete(parsed);
	*out = (flags & ONCO_JSON_PRETTY) ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
	cJSON_Delete(doc);
	return *out != NULL ? 0 : onco_error_set(err, ONCO_ENOMEM, "out of memory");
}
