/*
 * test_rule_index.c: every rule of the rule base is found by its name
 * (onco_rule_by_name, engine/rule_index.c) whether the name is the text of
 * the defrule's CLIPS symbol (the table by address) or a copy of it (the
 * binary search), and both give the same rule; the `rule` slot of a
 * conclusion holds the defrule's own symbol; a name no rule has gives NULL.
 * Uses the built-in rule base and, for a rule base read from text files,
 * tests/fixtures/kb-cards.
 */
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "onco.h"
#include "private/engine_internal.h"
#include "private/fact_read.h"
#include "suite.h"

static onco_engine *opened(const char *kb_dir)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;

	onco_engine_options_default(&opts);
	opts.kb_dir = kb_dir;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	return engine;
}

static void check_every_rule(onco_engine *engine)
{
	size_t i, by_symbol = 0;

	CU_ASSERT_TRUE_FATAL(engine->kb.n_rules > 0);
	for (i = 0; i < engine->kb.n_rules; i++) {
		const onco_rule_info *rule = &engine->kb.rules[i];
		void *defrule = EnvFindDefrule(engine->env, rule->name);
		char *copy = strdup(rule->name);

		CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
		CU_ASSERT_PTR_EQUAL(onco_rule_by_name(engine, copy), rule);
		free(copy);
		CU_ASSERT_PTR_NOT_NULL_FATAL(defrule);
		CU_ASSERT_PTR_EQUAL(onco_rule_by_name(engine, EnvGetDefruleName(engine->env, defrule)),
				    rule);
		/* found in the table, not by the search */
		for (size_t j = 0; j < engine->cap_rules_by_symbol; j++)
			if (engine->rules_by_symbol[j].name == EnvGetDefruleName(engine->env, defrule) &&
			    engine->rules_by_symbol[j].rule == rule)
				by_symbol++;
	}
	CU_ASSERT_EQUAL(by_symbol, engine->kb.n_rules);
	CU_ASSERT(2 * engine->kb.n_rules <= engine->cap_rules_by_symbol);
}

static void check_unknown_names(onco_engine *engine)
{
	CU_ASSERT_PTR_NULL(onco_rule_by_name(engine, "no-such-rule"));
	CU_ASSERT_PTR_NULL(onco_rule_by_name(engine, ""));
	CU_ASSERT_PTR_NULL(onco_rule_by_name(engine, NULL));
	/* a symbol of the environment that names no rule */
	CU_ASSERT_PTR_NULL(onco_rule_by_name(
		engine, ValueToString(EnvAddSymbol(engine->env, "no-such-rule"))));
}

static void test_built_in_rules_are_found_by_symbol_and_by_copy(void)
{
	onco_engine *engine = opened(NULL);

	check_every_rule(engine);
	check_unknown_names(engine);
	onco_engine_free(engine);
}

static void test_rules_read_from_files_are_found_by_symbol_and_by_copy(void)
{
	onco_engine *engine = opened(ONCO_SOURCE_DIR "/tests/fixtures/kb-cards");

	check_every_rule(engine);
	check_unknown_names(engine);
	onco_engine_free(engine);
}

/* (onco-rule) gives the defrule's name symbol itself: the `rule` slot's
 * text is the address the table knows. */
static void test_a_conclusion_names_its_rule_by_the_rules_symbol(void)
{
	static const char kase[] =
		"{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
		" \"patient\": {\"ecog\": 1}}";
	onco_engine *engine = opened(ONCO_SOURCE_DIR "/tests/fixtures/kb-cards");
	onco_error err;
	char *out = NULL;
	size_t named = 0;
	void *fact;

	CU_ASSERT_EQUAL_FATAL(onco_engine_evaluate(engine, kase, strlen(kase), 0, &out, &err), 0);
	free(out);
	for (fact = EnvGetNextFact(engine->env, NULL); fact != NULL;
	     fact = EnvGetNextFact(engine->env, fact)) {
		const char *rule = onco_fact_text(engine->env, fact, "rule");
		void *defrule = rule != NULL ? EnvFindDefrule(engine->env, rule) : NULL;

		if (defrule == NULL)
			continue;
		CU_ASSERT_PTR_EQUAL(rule, EnvGetDefruleName(engine->env, defrule));
		named++;
	}
	CU_ASSERT(named > 0);
	onco_engine_free(engine);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_built_in_rules_are_found_by_symbol_and_by_copy),
		ONCO_TEST(test_rules_read_from_files_are_found_by_symbol_and_by_copy),
		ONCO_TEST(test_a_conclusion_names_its_rule_by_the_rules_symbol),
	};

	return ONCO_RUN_SUITE("rule_index", tests);
}
