/*
 * catalogue.c: the rule base described for its readers: every rule with
 * what it tests, concludes and cites; every knowledge-map label with the
 * rules that conclude it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "private/engine_internal.h"

/* "C4-2" before "C4-10": text runs compare as text, digit runs as numbers. */
static int natural_compare(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			long x = strtol(a, (char **)&a, 10), y = strtol(b, (char **)&b, 10);
			if (x != y)
				return x < y ? -1 : 1;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

static int compare_labels(const void *a, const void *b)
{
	return natural_compare((*(const cJSON *const *)a)->string,
			       (*(const cJSON *const *)b)->string);
}

static cJSON *rule_json(const onco_kb *kb, const onco_rule_info *r)
{
	cJSON *o = cJSON_CreateObject(), *conds, *cites;
	size_t i;

	if (o == NULL)
		return NULL;
	cJSON_AddStringToObject(o, "name", r->name);
	cJSON_AddStringToObject(o, "file", r->file ? r->file : "");
	cJSON_AddNumberToObject(o, "line", (double)r->line);
	cJSON_AddStringToObject(o, "kind", onco_rule_kind_name(r->kind));
	cJSON_AddStringToObject(o, "comment", r->comment ? r->comment : "");
	if (r->concludes)
		cJSON_AddStringToObject(o, "concludes", r->concludes);
	if (r->id_pattern)
		cJSON_AddStringToObject(o, "concludes_pattern", r->id_pattern);
	if (r->value)
		cJSON_AddStringToObject(o, "value", r->value);
	if (r->option)
		cJSON_AddStringToObject(o, "option", r->option);
	/* the guidelines whose scope it tests: none for a shared rule */
	conds = cJSON_AddArrayToObject(o, "guidelines");
	for (i = 0; conds != NULL && i < r->n_conditions; i++)
		if (r->conditions[i].kind == ONCO_COND_SCOPE && !r->conditions[i].negated &&
		    onco_condition_names_guideline(&r->conditions[i]))
			cJSON_AddItemToArray(conds, cJSON_CreateString(r->conditions[i].name));
	conds = cJSON_AddArrayToObject(o, "conditions");
	for (i = 0; conds != NULL && i < r->n_conditions; i++)
		cJSON_AddItemToArray(conds, cJSON_CreateString(r->conditions[i].text));
	cites = cJSON_AddArrayToObject(o, "cites");
	for (i = 0; cites != NULL && i < r->n_cites; i++) {
		const onco_citation *c = onco_kb_citation(kb, r->cites[i]);
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "id", r->cites[i]);
		cJSON_AddStringToObject(e, "label", c ? c->label : "");
		cJSON_AddStringToObject(e, "source", c ? c->source : "");
		cJSON_AddItemToArray(cites, e);
	}
	return o;
}

/* Adds every label of the rule base's knowledge map that no rule cites,
 * with no rules; returns how many were added, -1 when out of memory. */
static long add_map_labels(const onco_engine *engine, cJSON *labels)
{
	const char *map = onco_engine_kb_text(engine, "knowledge-map.md", NULL);
	char **all = NULL;
	size_t i, n = 0;
	long added = 0;

	if (map == NULL)
		return 0;
	if (onco_map_labels(map, &all, &n) != 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (cJSON_GetObjectItemCaseSensitive(labels, all[i]) != NULL)
			continue;
		if (cJSON_AddArrayToObject(labels, all[i]) == NULL) {
			added = -1;
			break;
		}
		added++;
	}
	onco_map_labels_free(all, n);
	return added;
}

/* labels: {"CR-7": ["rule", ...], ...} sorted naturally by label: every
 * label a rule cites, and every label of the knowledge map ([] when no
 * rule concludes it). */
static int add_labels(const onco_engine *engine, cJSON *doc)
{
	const onco_kb *kb = &engine->kb;
	cJSON *labels = cJSON_CreateObject(), **sorted, *item;
	size_t i, j, n = 0;
	long from_map;

	if (labels == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < kb->n_rules; i++)
		for (j = 0; j < kb->rules[i].n_cites; j++) {
			const onco_citation *c = onco_kb_citation(kb, kb->rules[i].cites[j]);
			cJSON *rules, *r;
			int seen = 0;
			if (c == NULL)
				continue;
			rules = cJSON_GetObjectItemCaseSensitive(labels, c->label);
			if (rules == NULL) {
				rules = cJSON_CreateArray();
				cJSON_AddItemToObject(labels, c->label, rules);
				n++;
			}
			cJSON_ArrayForEach(r, rules)
				seen |= strcmp(r->valuestring, kb->rules[i].name) == 0;
			if (!seen)
				cJSON_AddItemToArray(rules, cJSON_CreateString(kb->rules[i].name));
		}
	from_map = add_map_labels(engine, labels);
	if (from_map < 0) {
		cJSON_Delete(labels);
		return ONCO_ENOMEM;
	}
	n += (size_t)from_map;
	sorted = malloc((n ? n : 1) * sizeof(*sorted));
	if (sorted == NULL) {
		cJSON_Delete(labels);
		return ONCO_ENOMEM;
	}
	for (i = 0; i < n; i++)
		sorted[i] = cJSON_DetachItemViaPointer(labels, labels->child);
	qsort(sorted, n, sizeof(*sorted), compare_labels);
	for (i = 0; i < n; i++) {
		item = sorted[i];
		cJSON_AddItemToObject(labels, item->string, item);
	}
	free(sorted);
	cJSON_AddItemToObject(doc, "labels", labels);
	return 0;
}

int onco_engine_catalogue(onco_engine *engine, int flags, char **out, onco_error *err)
{
	const onco_kb *kb = &engine->kb;
	cJSON *doc = cJSON_CreateObject(), *o, *list;
	size_t i;

	*out = NULL;
	if (doc == NULL)
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	o = cJSON_AddObjectToObject(doc, "knowledge_base");
	cJSON_AddStringToObject(o, "version", kb->version);
	cJSON_AddStringToObject(o, "sha256", kb->sha256);
	list = cJSON_AddArrayToObject(doc, "guidelines");
	for (i = 0; list != NULL && i < kb->n_guidelines; i++) {
		cJSON *g = cJSON_CreateObject();
		cJSON_AddStringToObject(g, "id", kb->guidelines[i].id);
		cJSON_AddStringToObject(g, "title", kb->guidelines[i].title);
		cJSON_AddStringToObject(g, "source", kb->guidelines[i].source);
		cJSON_AddStringToObject(g, "covers", kb->guidelines[i].covers);
		cJSON_AddItemToArray(list, g);
	}
	list = cJSON_AddArrayToObject(doc, "rules");
	for (i = 0; list != NULL && i < kb->n_rules; i++)
		cJSON_AddItemToArray(list, rule_json(kb, &kb->rules[i]));
	if (add_labels(engine, doc) != 0) {
		cJSON_Delete(doc);
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	}
	*out = (flags & ONCO_JSON_PRETTY) ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
	cJSON_Delete(doc);
	return *out != NULL ? 0 : onco_error_set(err, ONCO_ENOMEM, "out of memory");
}
