/*
 * gather.c: one pass over working memory after a run: sort the facts the
 * result needs by kind and count each rule's firings (every rule asserts
 * one fact that records its name in the `rule` slot).
 */
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/collect.h"

static const char *const conclusion_templates[5] = {"recommendation", "warning",
						    "exclusion", "note", "missing"};

static int push(void ***array, size_t *count, void *fact)
{
	void **grown;

	if ((*count & (*count - 1)) == 0) {
		grown = realloc(*array, (*count ? *count * 2 : 8) * sizeof(*grown));
		if (grown == NULL)
			return ONCO_ENOMEM;
		*array = grown;
	}
	(*array)[(*count)++] = fact;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(const onco_rule_info *const *)a)->name,
		      (*(const onco_rule_info *const *)b)->name);
}

static void count_firing(onco_engine *engine, const char *rule)
{
	onco_rule_info key, *keyp = &key;
	onco_rule_info **found;

	if (rule == NULL || engine->rules_by_name == NULL)
		return;
	key.name = (char *)rule;
	found = bsearch(&keyp, engine->rules_by_name, engine->kb.n_rules,
			sizeof(*engine->rules_by_name), by_name);
	if (found != NULL)
		engine->firings[*found - engine->kb.rules]++;
}

int onco_rules_by_name_build(onco_engine *engine)
{
	size_t i;

	engine->rules_by_name = malloc((engine->kb.n_rules ? engine->kb.n_rules : 1) *
				       sizeof(*engine->rules_by_name));
	if (engine->rules_by_name == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < engine->kb.n_rules; i++)
		engine->rules_by_name[i] = &engine->kb.rules[i];
	qsort(engine->rules_by_name, engine->kb.n_rules, sizeof(*engine->rules_by_name),
	      by_name);
	return 0;
}

int onco_run_facts_gather(onco_engine *engine, onco_run_facts *run)
{
	void *env = engine->env;
	void *fact;
	int rc = 0, k;

	memset(run, 0, sizeof(*run));
	memset(engine->firings, 0, engine->kb.n_rules * sizeof(*engine->firings));
	for (fact = EnvGetNextFact(env, NULL); fact != NULL && rc == 0;
	     fact = EnvGetNextFact(env, fact)) {
		const char *t = onco_fact_template(env, fact);

		if (strcmp(t, "finding") == 0) {
			rc = push(&run->findings, &run->n_findings, fact);
			count_firing(engine, onco_fact_text(env, fact, "rule"));
			continue;
		}
		if (strcmp(t, "scope") == 0) {
			rc = push(&run->scopes, &run->n_scopes, fact);
			count_firing(engine, onco_fact_text(env, fact, "rule"));
			continue;
		}
		if (strcmp(t, "cancer") == 0) {
			run->cancer = fact;
			continue;
		}
		for (k = 0; k < 5; k++)
			if (strcmp(t, conclusion_templates[k]) == 0) {
				rc = push(&run->conclusions[k], &run->n_conclusions[k], fact);
				count_firing(engine, onco_fact_text(env, fact, "rule"));
				break;
			}
	}
	return rc;
}

void onco_run_facts_release(onco_run_facts *run)
{
	int k;

	free(run->scopes);
	free(run->findings);
	for (k = 0; k < 5; k++)
		free(run->conclusions[k]);
	memset(run, 0, sizeof(*run));
}

unsigned onco_run_finding_values(onco_engine *engine, const onco_run_facts *run,
				 const char *name)
{
	unsigned values = 0;
	size_t i;
	int v;

	for (i = 0; i < run->n_findings; i++) {
		const char *value;
		if (strcmp(onco_fact_text(engine->env, run->findings[i], "name"), name) != 0)
			continue;
		value = onco_fact_text(engine->env, run->findings[i], "value");
		for (v = 0; v < 3; v++)
			if (strcmp(value, onco_finding_values[v]) == 0)
				values |= 1u << v;
	}
	return values;
}

int onco_run_has_scope(onco_engine *engine, const onco_run_facts *run,
		       const char *guideline)
{
	size_t i;

	for (i = 0; i < run->n_scopes; i++)
		if (strcmp(onco_fact_text(engine->env, run->scopes[i], "guideline"),
			   guideline) == 0)
			return 1;
	return 0;
}
