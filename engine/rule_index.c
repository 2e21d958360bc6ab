/*
 * rule_index.c: a rule of the rule base found by its name, and a citation
 * by its id.
 *
 * Names come mostly from CLIPS: the executing rule's (onco-support, at
 * every firing), the `rule` slot of each conclusion, which (onco-rule)
 * fills with the defrule's own name symbol (basis.c), and the ids of a
 * conclusion's `cite` slot, symbols of the rule that asserted it. Those
 * are found by the address of the symbol's text (symbol_index.c); any
 * other string (a copy, a name from a file) by a binary search of the
 * rules sorted by name, or of the citations sorted by id. Both give the
 * same rule or citation.
 */
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

const onco_rule_info *onco_rule_by_name(const onco_engine *engine, const char *name)
{
	const onco_rule_info *rule;

	if (name == NULL || engine->rules_by_name == NULL)
		return NULL;
	rule = onco_symbol_index_get(&engine->rules_by_symbol, name);
	return rule != NULL ? rule : search_by_name(engine, name);
}

const onco_citation *onco_citation_by_id(const onco_engine *engine, const char *id)
{
	const onco_citation *c = onco_symbol_index_get(&engine->citations_by_symbol, id);

	return c != NULL ? c : onco_kb_citation(&engine->kb, id);
}

/* Each defrule of the environment whose name a rule of kb.rules has, by
 * its name symbol (which lives as long as the rule). */
static int rules_by_symbol_build(onco_engine *engine)
{
	void *defrule;

	if (onco_symbol_index_init(&engine->rules_by_symbol, engine->kb.n_rules) != 0)
		return ONCO_ENOMEM;
	for (defrule = EnvGetNextDefrule(engine->env, NULL); defrule != NULL;
	     defrule = EnvGetNextDefrule(engine->env, defrule)) {
		const char *name = EnvGetDefruleName(engine->env, defrule);
		const onco_rule_info *rule = search_by_name(engine, name);

		if (rule != NULL)
			onco_symbol_index_put(&engine->rules_by_symbol, name, rule);
	}
	return 0;
}

/* Each citation whose id the environment has as a symbol (every id a rule
 * cites is a constant of that rule), by that symbol, which is kept from
 * then on (its count raised), so that its text's address names nothing
 * else while the environment lives. Looked up, not added: no allocation
 * inside CLIPS here. */
static int citations_by_symbol_build(onco_engine *engine)
{
	size_t i;

	if (onco_symbol_index_init(&engine->citations_by_symbol, engine->kb.n_citations) != 0)
		return ONCO_ENOMEM;
	for (i = 0; i < engine->kb.n_citations; i++) {
		SYMBOL_HN *symbol = FindSymbolHN(engine->env, engine->kb.citations[i].id);

		if (symbol == NULL)
			continue;
		IncrementSymbolCount(symbol);
		onco_symbol_index_put(&engine->citations_by_symbol, ValueToString(symbol),
				      &engine->kb.citations[i]);
	}
	return 0;
}

/* The symbols of the finding values, kept as the citations' are. */
static void value_symbols_find(onco_engine *engine)
{
	int v;

	for (v = 0; v < 3; v++) {
		SYMBOL_HN *symbol = FindSymbolHN(engine->env, onco_finding_values[v]);

		engine->value_symbols[v] = NULL;
		if (symbol == NULL)
			continue;
		IncrementSymbolCount(symbol);
		engine->value_symbols[v] = ValueToString(symbol);
	}
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
	if (rules_by_symbol_build(engine) != 0 || citations_by_symbol_build(engine) != 0)
		return ONCO_ENOMEM;
	value_symbols_find(engine);
	return 0;
}

void onco_rules_by_name_free(onco_engine *engine)
{
	free(engine->rules_by_name);
	engine->rules_by_name = NULL;
	onco_symbol_index_free(&engine->rules_by_symbol);
	onco_symbol_index_free(&engine->citations_by_symbol);
}
