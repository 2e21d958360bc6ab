/*
 * missing.c: the facts a decision needs and the case lacks. Two sources:
 * `missing` facts written by rules, and, found by the engine itself, every
 * recommendation whose rule is blocked only by findings valued `unknown`:
 * the fields of those findings are what the treating team should supply.
 */
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/collect.h"
#include "private/json_out.h"

/* The entry for `field` in `list` (an object keyed by field), created when
 * absent. */
static cJSON *entry_for(cJSON *by_field, const char *field)
{
	cJSON *entry = cJSON_GetObjectItemCaseSensitive(by_field, field);

	if (entry != NULL)
		return entry;
	entry = cJSON_CreateObject();
	if (entry == NULL || !cJSON_AddStringToObject(entry, "field", field) ||
	    !cJSON_AddArrayToObject(entry, "needed_for") ||
	    !cJSON_AddArrayToObject(entry, "options") ||
	    !cJSON_AddItemToObject(by_field, field, entry)) {
		cJSON_Delete(entry);
		return NULL;
	}
	return entry;
}

static int add_unique(cJSON *array, const char *s)
{
	const cJSON *item;

	if (s == NULL || s[0] == '\0')
		return 0;
	cJSON_ArrayForEach(item, array)
		if (strcmp(item->valuestring, s) == 0)
			return 0;
	return onco_json_append(array, cJSON_CreateString(s));
}

static int note_missing(cJSON *by_field, const char *field, const char *needed_for,
			const char *option)
{
	cJSON *entry = entry_for(by_field, field);

	if (entry == NULL)
		return ONCO_ENOMEM;
	if (add_unique(cJSON_GetObjectItemCaseSensitive(entry, "needed_for"), needed_for) ||
	    add_unique(cJSON_GetObjectItemCaseSensitive(entry, "options"), option))
		return ONCO_ENOMEM;
	return 0;
}

/* Whether some rule concluded option `id` in this run (listed, or held
 * back by a gate). */
static int concluded(onco_engine *engine, const onco_run_facts *run, const char *id)
{
	size_t i;

	for (i = 0; i < run->n_conclusions[ONCO_C_RECOMMENDATION]; i++) {
		const char *rid = onco_fact_text(engine->env,
						 run->conclusions[ONCO_C_RECOMMENDATION][i], "id");
		if (rid != NULL && strcmp(rid, id) == 0)
			return 1;
	}
	return 0;
}

/* Whether an exclusion rules option `id` out: what it would need no longer
 * matters. */
static int excluded(onco_engine *engine, const onco_run_facts *run, const char *id)
{
	size_t i;

	for (i = 0; i < run->n_conclusions[ONCO_C_EXCLUSION]; i++) {
		const char *option = onco_fact_text(engine->env,
						    run->conclusions[ONCO_C_EXCLUSION][i], "option");
		if (option != NULL && strcmp(option, id) == 0)
			return 1;
	}
	return 0;
}

/* A pending mark: the fields of its finding, needed for its option. */
static int pending_missing(onco_engine *engine, const onco_run_facts *run, void *mark,
			   cJSON *by_field)
{
	void *env = engine->env;
	const char *option = onco_fact_text(env, mark, "option");
	const char *name = onco_fact_text(env, mark, "finding");
	const onco_finding_def *def = name ? onco_kb_finding_def(&engine->kb, name) : NULL;
	const char *needed_for = option;
	size_t i;
	int rc = 0;

	if (option == NULL || excluded(engine, run, option))
		return 0;
	for (i = 0; i < run->n_conclusions[ONCO_C_RECOMMENDATION]; i++) {
		void *rec = run->conclusions[ONCO_C_RECOMMENDATION][i];
		const char *rid = onco_fact_text(env, rec, "id");
		const char *summary = onco_fact_text(env, rec, "summary");
		if (rid != NULL && strcmp(rid, option) == 0 && summary != NULL) {
			needed_for = summary;
			break;
		}
	}
	for (i = 0; def != NULL && i < def->n_fields && rc == 0; i++)
		rc = note_missing(by_field, def->fields[i], needed_for, option);
	return rc;
}

static int is_unknown_finding(void *env, void *fact)
{
	const char *value;

	if (strcmp(onco_fact_template(env, fact), "finding") != 0)
		return 0;
	value = onco_fact_text(env, fact, "value");
	return value != NULL && strcmp(value, "unknown") == 0;
}

/* The fields behind an unknown finding. A finding derived from other
 * findings is unknown because one of them is: report the fields of those
 * (recursively), not the derived finding's own, which may already be
 * recorded. A finding that rests on no unknown finding reports its own
 * fields. */
static int unknown_fields(onco_engine *engine, void *finding, const onco_rule_info *rule,
			  cJSON *by_field, int depth)
{
	void *env = engine->env;
	const onco_finding_def *def;
	size_t i, n = onco_fact_multi_count(env, finding, "basis"), below = 0;
	int rc = 0;

	for (i = 0; i < n && rc == 0 && depth < 8; i++) {
		int type;
		void *basis;
		if (onco_fact_multi(env, finding, "basis", i, &type, &basis) &&
		    type == FACT_ADDRESS && is_unknown_finding(env, basis)) {
			below++;
			rc = unknown_fields(engine, basis, rule, by_field, depth + 1);
		}
	}
	if (below > 0 || rc != 0)
		return rc;
	def = onco_kb_finding_def(&engine->kb, onco_fact_text(env, finding, "name"));
	for (i = 0; def != NULL && i < def->n_fields && rc == 0; i++)
		rc = note_missing(by_field, def->fields[i],
				  rule->summary != NULL ? rule->summary : rule->concludes,
				  rule->concludes);
	return rc;
}

/* For a recommendation rule that did not conclude: the unknown findings
 * that alone block it. */
static int rule_missing(onco_engine *engine, const onco_run_facts *run,
			const onco_rule_info *rule, cJSON *by_field)
{
	size_t i, j, unknown = 0;
	int rc = 0;

	for (i = 0; i < rule->n_conditions; i++) {
		onco_condition_state s = onco_condition_eval(engine, run, &rule->conditions[i]);
		if (s == ONCO_COND_UNKNOWN)
			unknown++;
		else if (s != ONCO_COND_MET)
			return 0;
	}
	for (i = 0; i < rule->n_conditions && unknown > 0 && rc == 0; i++) {
		const onco_condition *c = &rule->conditions[i];

		if (onco_condition_eval(engine, run, c) != ONCO_COND_UNKNOWN)
			continue;
		for (j = 0; j < run->n_findings && rc == 0; j++)
			if (is_unknown_finding(engine->env, run->findings[j]) &&
			    strcmp(onco_fact_text(engine->env, run->findings[j], "name"),
				   c->name) == 0)
				rc = unknown_fields(engine, run->findings[j], rule, by_field, 0);
	}
	return rc;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp((*(cJSON *const *)a)->valuestring, (*(cJSON *const *)b)->valuestring);
}

static int compare_fields(const void *a, const void *b)
{
	return strcmp(cJSON_GetObjectItemCaseSensitive(*(cJSON *const *)a, "field")->valuestring,
		      cJSON_GetObjectItemCaseSensitive(*(cJSON *const *)b, "field")->valuestring);
}

/* Turns the object keyed by field into the sorted output list; needed_for
 * becomes one sentence. NULL when memory runs out. */
static cJSON *finish(cJSON *by_field)
{
	cJSON *list = cJSON_CreateArray(), *entry;
	int rc = list == NULL ? ONCO_ENOMEM : 0;

	while (rc == 0 && (entry = by_field->child) != NULL) {
		cJSON *needed, *item, *sentence;
		size_t len = 1;
		char *text;

		cJSON_DetachItemViaPointer(by_field, entry);
		/* A detached member keeps its key: adding it allocates nothing. */
		cJSON_AddItemToArray(list, entry);
		needed = cJSON_GetObjectItemCaseSensitive(entry, "needed_for");
		rc = onco_json_sort(needed, compare_strings);
		if (rc == 0)
			rc = onco_json_sort(cJSON_GetObjectItemCaseSensitive(entry, "options"),
					    compare_strings);
		if (rc != 0)
			break;
		cJSON_ArrayForEach(item, needed)
			len += strlen(item->valuestring) + 2;
		text = calloc(1, len);
		if (text == NULL) {
			rc = ONCO_ENOMEM;
			break;
		}
		cJSON_ArrayForEach(item, needed) {
			if (text[0] != '\0')
				strcat(text, "; ");
			strcat(text, item->valuestring);
		}
		sentence = cJSON_CreateString(text);
		free(text);
		if (sentence == NULL ||
		    !cJSON_ReplaceItemInObjectCaseSensitive(entry, "needed_for", sentence)) {
			cJSON_Delete(sentence);
			rc = ONCO_ENOMEM;
		}
	}
	if (rc == 0)
		rc = onco_json_sort(list, compare_fields);
	if (rc != 0) {
		cJSON_Delete(list);
		return NULL;
	}
	return list;
}

cJSON *onco_missing_json(onco_engine *engine, onco_run_facts *run)
{
	cJSON *by_field = cJSON_CreateObject(), *list;
	size_t i;
	int rc = by_field == NULL ? ONCO_ENOMEM : 0;

	for (i = 0; i < run->n_conclusions[ONCO_C_MISSING] && rc == 0; i++) {
		void *fact = run->conclusions[ONCO_C_MISSING][i];
		const char *field = onco_fact_text(engine->env, fact, "field");
		if (field != NULL && !onco_run_rests_on_held(engine, run, fact))
			rc = note_missing(by_field, field,
					  onco_fact_text(engine->env, fact, "needed-for"), NULL);
	}
	for (i = 0; i < run->n_conclusions[ONCO_C_PENDING] && rc == 0; i++)
		rc = pending_missing(engine, run, run->conclusions[ONCO_C_PENDING][i], by_field);
	for (i = 0; i < engine->kb.n_rules && rc == 0; i++) {
		const onco_rule_info *rule = &engine->kb.rules[i];
		if (rule->kind == ONCO_RULE_RECOMMENDATION && rule->concludes != NULL &&
		    !concluded(engine, run, rule->concludes) &&
		    !excluded(engine, run, rule->concludes))
			rc = rule_missing(engine, run, rule, by_field);
	}
	if (rc != 0) {
		cJSON_Delete(by_field);
		return NULL;
	}
	list = finish(by_field);
	cJSON_Delete(by_field);
	return list;
}
