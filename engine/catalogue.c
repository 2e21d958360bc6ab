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
#include "private/json_out.h"

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

/* Appends `item` to `array` (deleting it when that fails). 0 or ONCO_ENOMEM. */
static int append(cJSON *array, cJSON *item)
{
	return onco_json_append(array, item);
}

/* Adds string member `key`; `*rc` turns ONCO_ENOMEM when that fails. */
static void add_string(cJSON *o, const char *key, const char *s, int *rc)
{
	if (*rc == 0 && !cJSON_AddStringToObject(o, key, s))
		*rc = ONCO_ENOMEM;
}

static cJSON *rule_json(const onco_kb *kb, const onco_rule_info *r)
{
	cJSON *o = cJSON_CreateObject(), *list = NULL;
	size_t i;
	int rc = o == NULL ? ONCO_ENOMEM : 0;

	add_string(o, "name", r->name, &rc);
	add_string(o, "file", r->file ? r->file : "", &rc);
	if (rc == 0 && !cJSON_AddNumberToObject(o, "line", (double)r->line))
		rc = ONCO_ENOMEM;
	add_string(o, "kind", onco_rule_kind_name(r->kind), &rc);
	add_string(o, "comment", r->comment ? r->comment : "", &rc);
	if (r->concludes)
		add_string(o, "concludes", r->concludes, &rc);
	if (r->id_pattern)
		add_string(o, "concludes_pattern", r->id_pattern, &rc);
	if (r->value)
		add_string(o, "value", r->value, &rc);
	if (r->option)
		add_string(o, "option", r->option, &rc);
	/* the guidelines whose scope it tests: none for a shared rule */
	if (rc == 0 && (list = cJSON_AddArrayToObject(o, "guidelines")) == NULL)
		rc = ONCO_ENOMEM;
	for (i = 0; rc == 0 && i < r->n_conditions; i++)
		if (r->conditions[i].kind == ONCO_COND_SCOPE && !r->conditions[i].negated &&
		    onco_condition_names_guideline(&r->conditions[i]))
			rc = append(list, cJSON_CreateString(r->conditions[i].name));
	if (rc == 0 && (list = cJSON_AddArrayToObject(o, "conditions")) == NULL)
		rc = ONCO_ENOMEM;
	for (i = 0; rc == 0 && i < r->n_conditions; i++)
		rc = append(list, cJSON_CreateString(r->conditions[i].text));
	if (rc == 0 && (list = cJSON_AddArrayToObject(o, "cites")) == NULL)
		rc = ONCO_ENOMEM;
	for (i = 0; rc == 0 && i < r->n_cites; i++) {
		const onco_citation *c = onco_kb_citation(kb, r->cites[i]);
		cJSON *e = cJSON_CreateObject();

		rc = e == NULL ? ONCO_ENOMEM : 0;
		add_string(e, "id", r->cites[i], &rc);
		add_string(e, "label", c ? c->label : "", &rc);
		add_string(e, "source", c ? c->source : "", &rc);
		if (rc == 0)
			rc = append(list, e);
		else
			cJSON_Delete(e);
	}
	if (rc != 0) {
		cJSON_Delete(o);
		return NULL;
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
	long from_map = 0;
	int rc = labels == NULL ? ONCO_ENOMEM : 0;

	for (i = 0; rc == 0 && i < kb->n_rules; i++)
		for (j = 0; rc == 0 && j < kb->rules[i].n_cites; j++) {
			const onco_citation *c = onco_kb_citation(kb, kb->rules[i].cites[j]);
			cJSON *rules, *r;
			int seen = 0;
			if (c == NULL)
				continue;
			rules = cJSON_GetObjectItemCaseSensitive(labels, c->label);
			if (rules == NULL) {
				rules = cJSON_CreateArray();
				if (rules == NULL || !cJSON_AddItemToObject(labels, c->label, rules)) {
					cJSON_Delete(rules);
					rc = ONCO_ENOMEM;
					break;
				}
				n++;
			}
			cJSON_ArrayForEach(r, rules)
				seen |= strcmp(r->valuestring, kb->rules[i].name) == 0;
			if (!seen)
				rc = append(rules, cJSON_CreateString(kb->rules[i].name));
		}
	if (rc == 0 && (from_map = add_map_labels(engine, labels)) < 0)
		rc = ONCO_ENOMEM;
	n += rc == 0 ? (size_t)from_map : 0;
	sorted = rc == 0 ? malloc((n ? n : 1) * sizeof(*sorted)) : NULL;
	if (sorted == NULL) {
		cJSON_Delete(labels);
		return ONCO_ENOMEM;
	}
	for (i = 0; i < n; i++)
		sorted[i] = cJSON_DetachItemViaPointer(labels, labels->child);
	qsort(sorted, n, sizeof(*sorted), compare_labels);
	/* A detached member keeps its key: adding it back allocates nothing. */
	for (i = 0; i < n; i++) {
		item = sorted[i];
		cJSON_AddItemToArray(labels, item);
	}
	free(sorted);
	if (!cJSON_AddItemToObject(doc, "labels", labels)) {
		cJSON_Delete(labels);
		return ONCO_ENOMEM;
	}
	return 0;
}

int onco_engine_catalogue(onco_engine *engine, int flags, char **out, onco_error *err)
{
	unsigned long failures = onco_json_alloc_failures();
	const onco_kb *kb = &engine->kb;
	cJSON *doc = cJSON_CreateObject(), *o = NULL, *list = NULL;
	size_t i;
	int rc = doc == NULL ? ONCO_ENOMEM : 0;

	*out = NULL;
	if (rc == 0 && (o = cJSON_AddObjectToObject(doc, "knowledge_base")) == NULL)
		rc = ONCO_ENOMEM;
	add_string(o, "version", kb->version, &rc);
	add_string(o, "sha256", kb->sha256, &rc);
	if (rc == 0 && (list = cJSON_AddArrayToObject(doc, "guidelines")) == NULL)
		rc = ONCO_ENOMEM;
	for (i = 0; rc == 0 && i < kb->n_guidelines; i++) {
		cJSON *g = cJSON_CreateObject();

		rc = g == NULL ? ONCO_ENOMEM : 0;
		add_string(g, "id", kb->guidelines[i].id, &rc);
		add_string(g, "title", kb->guidelines[i].title, &rc);
		add_string(g, "source", kb->guidelines[i].source, &rc);
		add_string(g, "covers", kb->guidelines[i].covers, &rc);
		if (rc == 0)
			rc = append(list, g);
		else
			cJSON_Delete(g);
	}
	if (rc == 0 && (list = cJSON_AddArrayToObject(doc, "rules")) == NULL)
		rc = ONCO_ENOMEM;
	for (i = 0; rc == 0 && i < kb->n_rules; i++)
		rc = append(list, rule_json(kb, &kb->rules[i]));
	if (rc == 0)
		rc = add_labels(engine, doc);
	if (rc != 0) {
		cJSON_Delete(doc);
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	}
	*out = onco_json_finish(doc, flags, failures);
	return *out != NULL ? 0 : onco_error_set(err, ONCO_ENOMEM, "out of memory");
}
