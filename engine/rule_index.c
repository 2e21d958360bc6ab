/*
 * rule_index.c: a rule of the rule base found by its name.
 *
 * Names come mostly from CLIPS: the executing rule's (onco-support, at
 * every firing) and the `rule` slot of each conclusion, which (onco-rule)
 * fills with the defrule's own name symbol (basis.c). CLIPS interns a
 * symbol once per environment, so those names are the very text of the
 * defrule's name symbol: a table keyed by that text's address finds them
 * with a multiplication and a comparison of pointers. Any other string (a
 * copy, a name from a file) is found by a binary search of the rules
 * sorted by name; both give the same rule.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "private/engine_internal.h"

static int by_name(const void *a, const void *b)
{
	return strcmp((*(const onco_rule_info *const *)a)->name,
		      (*(const onco_rule_info *const *)b)->name);
}

static const onco_rule_info *search_by_name(const onco_engine *engine, const char *name)
{
	onco_rule_info key, *keyp = &key;
	onco_rule_info **found;

	key.name = (char *)name;
	found = bsearch(&keyp, engine->rules_by_name, engine->kb.n_rules,
			sizeof(*engine->rules_by_name), by_name);
	return found != NULL ? *found : NULL;
}

/* engine->rules_by_symbol has cap_rules_by_symbol slots, a power of two at
 * least twice the number of rules. */
static size_t first_probe(const char *name, size_t cap)
{
	return (size_t)(((uint64_t)(uintptr_t)name >> 3) * 0x9E3779B97F4A7C15u >> 32) & (cap - 1);
}

const onco_rule_info *onco_rule_by_name(const onco_engine *engine, const char *name)
{
	const onco_rule_slot *table = engine->rules_by_symbol;
	size_t cap = engine->cap_rules_by_symbol, i;

	if (name == NULL || engine->rules_by_name == NULL)
		return NULL;
	if (cap > 0)
		for (i = first_probe(name, cap); table[i].name != NULL; i = (i + 1) & (cap - 1))
			if (table[i].name == name)
				return table[i].rule;
	return search_by_name(engine, name);
}

/* Each defrule of the environment whose name a rule of kb.rules has, by
 * the address of its name's text. */
static int rules_by_symbol_build(onco_engine *engine)
{
	size_t cap = 16, i;
	void *defrule;

	while (cap < 2 * engine->kb.n_rules)
		cap *= 2;
	engine->rules_by_symbol = calloc(cap, sizeof(*engine->rules_by_symbol));
	if (engine->rules_by_symbol == NULL)
		return ONCO_ENOMEM;
	engine->cap_rules_by_symbol = cap;
	for (defrule = EnvGetNextDefrule(engine->env, NULL); defrule != NULL;
	     defrule = EnvGetNextDefrule(engine->env, defrule)) {
		const char *name = EnvGetDefruleName(engine->env, defrule);
		const onco_rule_info *rule = search_by_name(engine, name);

		if (rule == NULL)
			continue;
		for (i = first_probe(name, cap); engine->rules_by_symbol[i].name != NULL;
		     i = (i + 1) & (cap - 1))
			;
		engine->rules_by_symbol[i].name = name;
		engine->rules_by_symbol[i].rule = rule;
	}
	return 0;
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
	return rules_by_symbol_build(engine);
}

void onco_rules_by_name_free(onco_engine *engine)
{
	free(engine->rules_by_name);
	free(engine->rules_by_symbol);
	engine->rules_by_name = NULL;
	engine->rules_by_symbol = NULL;
	engine->cap_rules_by_symbol = 0;
}
