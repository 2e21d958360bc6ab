/*
 * test_rule_index.c: every rule of the rule base is found by its name
 * (onco_rule_by_name, engine/rule_index.c) whether the name is the text of
 * the defrule's CLIPS symbol (the table by address) or a copy of it (the
 * binary search), and both give the same rule; the same for citations by
 * id (onco_citation_by_id); the `rule` slot of a conclusion holds the
 * defrule's own symbol; a name no rule has gives NULL. The table by
 * address itself (engine/symbol_index.c).
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
		if (onco_symbol_index_get(&engine->rules_by_symbol,
					  EnvGetDefruleName(engine->env, defrule)) == rule)
			by_symbol++;
	}
	CU_ASSERT_EQUAL(by_symbol, engine->kb.n_rules);
	CU_ASSERT_EQUAL(engine->rules_by_symbol.n, engine->kb.n_rules);
	CU_ASSERT(2 * engine->rules_by_symbol.n <= engine->rules_by_symbol.cap);
}

/* Every citation a rule cites is found by the symbol in the rule (the
 * table) and by a copy of its id (the search); the same citation. */
static void check_every_citation(onco_engine *engine)
{
	size_t i, by_symbol = 0;

	CU_ASSERT_TRUE_FATAL(engine->kb.n_citations > 0);
	for (i = 0; i < engine->kb.n_citations; i++) {
		const onco_citation *c = &engine->kb.citations[i];
		SYMBOL_HN *symbol = FindSymbolHN(engine->env, c->id);
		char *copy = strdup(c->id);

		CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
		CU_ASSERT_PTR_EQUAL(onco_citation_by_id(engine, copy), c);
		free(copy);
		if (symbol == NULL)
			continue;
		CU_ASSERT(symbol->count > 0); /* kept while the engine lives */
		CU_ASSERT_PTR_EQUAL(onco_citation_by_id(engine, ValueToString(symbol)), c);
		if (onco_symbol_index_get(&engine->citations_by_symbol, ValueToString(symbol)) == c)
			by_symbol++;
	}
	CU_ASSERT(by_symbol > 0);
	CU_ASSERT_EQUAL(by_symbol, engine->citations_by_symbol.n);
	CU_ASSERT_PTR_NULL(onco_citation_by_id(engine, "no-such-citation"));
	CU_ASSERT_PTR_NULL(onco_citation_by_id(engine, NULL));
}

/* The table itself: items by the address, not the text; a second put of
 * an address, or one past half full, is refused. */
static void test_a_symbol_index_goes_by_address(void)
{
	static const char a[] = "same", b[] = "same";
	static const char *const many[] = {"k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8"};
	onco_symbol_index index;
	int one = 1, two = 2;
	size_t i;

	CU_ASSERT_EQUAL_FATAL(onco_symbol_index_init(&index, 2), 0);
	CU_ASSERT_EQUAL(index.cap, 16);
	CU_ASSERT_EQUAL(onco_symbol_index_put(&index, a, &one), 0);
	CU_ASSERT_EQUAL(onco_symbol_index_put(&index, a, &two), -1);
	CU_ASSERT_PTR_EQUAL(onco_symbol_index_get(&index, a), &one);
	CU_ASSERT_PTR_NULL(onco_symbol_index_get(&index, b));
	CU_ASSERT_PTR_NULL(onco_symbol_index_get(&index, NULL));
	for (i = 0; i < 7; i++)
		CU_ASSERT_EQUAL(onco_symbol_index_put(&index, many[i], many[i]), 0);
	CU_ASSERT_EQUAL(onco_symbol_index_put(&index, many[7], many[7]), -1);
	for (i = 0; i < 7; i++)
		CU_ASSERT_PTR_EQUAL(onco_symbol_index_get(&index, many[i]), many[i]);
	CU_ASSERT_PTR_NULL(onco_symbol_index_get(&index, many[8]));
	onco_symbol_index_free(&index);
	CU_ASSERT_PTR_NULL(onco_symbol_index_get(&index, a));
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
	check_every_citation(engine);
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
		ONCO_TEST(test_a_symbol_index_goes_by_address),
	};

	return ONCO_RUN_SUITE("rule_index", tests);
}
