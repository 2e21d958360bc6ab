/*
 * test_blocked.c: the recommendation rules a run leaves blocked only by
 * unknown findings, as engine/blocked.c finds them from its compiled
 * conditions (onco_run_blocked_rules), are exactly those that
 * judging each rule's conditions by their names (onco_condition_eval,
 * conditions.c) finds, with the same count of unknown conditions: over every regression
 * case, and again after a walk adds a finding valued unknown. And the
 * first rule concluding an option, looked up by its id.
 */
#include <stdio.h>
#include <string.h>

#include <clips.h>

#include "cases.h"
#include "onco.h"
#include "private/collect.h"
#include "suite.h"

/* How many of a rule's conditions are unknown when all the others are
 * met, judged one by one by their names; 0 otherwise. */
static size_t unknown_only(onco_engine *engine, const onco_run_facts *run,
			   const onco_rule_info *rule)
{
	size_t i, unknown = 0;

	for (i = 0; i < rule->n_conditions; i++) {
		onco_condition_state s = onco_condition_eval(engine, run, &rule->conditions[i]);

		if (s == ONCO_COND_UNKNOWN)
			unknown++;
		else if (s != ONCO_COND_MET)
			return 0;
	}
	return unknown;
}

/* run->blocked against unknown_only for every rule, and the
 * state of each condition of a blocked rule against onco_condition_eval;
 * returns how many rules are blocked. */
static size_t check_blocked(onco_engine *engine, onco_run_facts *run)
{
	size_t i, j, k = 0;

	CU_ASSERT_EQUAL_FATAL(onco_run_blocked_rules(engine, run), 0);
	CU_ASSERT_TRUE(run->blocked_made);
	for (i = 0; i < engine->kb.n_rules; i++) {
		const onco_rule_info *rule = &engine->kb.rules[i];
		size_t unknown = rule->kind == ONCO_RULE_RECOMMENDATION && rule->concludes != NULL
					 ? unknown_only(engine, run, rule)
					 : 0;

		for (j = 0; unknown > 0 && j < rule->n_conditions; j++)
			CU_ASSERT_EQUAL(onco_run_rule_condition(engine, run, i, j),
					onco_condition_eval(engine, run, &rule->conditions[j]));
		if (unknown == 0)
			continue;
		CU_ASSERT_FATAL(k < run->n_blocked);
		CU_ASSERT_EQUAL(run->blocked[k].rule, i);
		CU_ASSERT_EQUAL(run->blocked[k].unknown, unknown);
		k++;
	}
	CU_ASSERT_EQUAL(k, run->n_blocked);
	return k;
}

/* Counts the runs with a blocked rule. */
static void check_case(onco_engine *engine, void *blocked_runs)
{
	onco_run_facts run;

	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	*(size_t *)blocked_runs += check_blocked(engine, &run) > 0;
	onco_run_facts_release(&run);
}

static void test_blocked_rules_agree_with_judging_each_rule(void)
{
	onco_engine *engine = onco_open_built_in();
	size_t blocked = 0;

	/* the comparison means something: many runs, some with blocked rules */
	CU_ASSERT(onco_each_regression_case(engine, check_case, &blocked) > 100);
	CU_ASSERT(blocked > 10);
	onco_engine_free(engine);
}

/* The condition of `r` that alone is not met, when it is a finding the
 * run does not value unknown (valued so, the rule would wait for it);
 * NULL otherwise. */
static const onco_condition *only_unmet_finding(onco_engine *engine, const onco_run_facts *run,
						const onco_rule_info *r)
{
	const onco_condition *unmet = NULL;
	size_t k;

	if (r->kind != ONCO_RULE_RECOMMENDATION || r->concludes == NULL)
		return NULL;
	for (k = 0; k < r->n_conditions; k++) {
		const onco_condition *c = &r->conditions[k];
		onco_condition_state s = onco_condition_eval(engine, run, c);

		if (s == ONCO_COND_MET || s == ONCO_COND_UNKNOWN)
			continue;
		if (unmet != NULL || s != ONCO_COND_NOT_MET || c->kind != ONCO_COND_FINDING ||
		    c->negated || c->name == NULL || c->accepts[2] ||
		    (onco_run_finding_values(engine, run, c->name) & (1u << 2)))
			return NULL;
		unmet = c;
	}
	return unmet;
}

/* A finding valued unknown added after the run: a walk that adds it drops
 * what was found, and the rules are judged again with it: a rule that
 * only this finding stopped now waits for it. */
static void test_a_new_unknown_finding_is_judged_again(void)
{
	onco_engine *engine = onco_open_built_in();
	const onco_condition *unmet = NULL;
	onco_run_facts run;
	size_t i, before;
	char fact[256];

	CU_ASSERT_FATAL(onco_evaluate_case_file(engine, ONCO_SOURCE_DIR
				      "/tests/cases/breast-stage4/audit-br-hrpos-bone.json"));
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	before = check_blocked(engine, &run);
	for (i = 0; i < engine->kb.n_rules && unmet == NULL; i++)
		unmet = only_unmet_finding(engine, &run, &engine->kb.rules[i]);
	CU_ASSERT_PTR_NOT_NULL_FATAL(unmet);
	/* test data, not case data: no case reaches CLIPS source text */
	snprintf(fact, sizeof(fact), "(finding (name %s) (value unknown))", unmet->name);
	CU_ASSERT_PTR_NOT_NULL_FATAL(EnvAssertString(engine->env, fact));
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather_more(engine, &run), 0);
	CU_ASSERT_FALSE(run.blocked_made);
	CU_ASSERT(check_blocked(engine, &run) > before);
	onco_run_facts_release(&run);
	onco_engine_free(engine);
}

/* onco_option_rule: for each option a recommendation rule concludes, the
 * first such rule in definition order; no rule for any other id. */
static void test_an_option_gives_the_first_rule_concluding_it(void)
{
	onco_engine *engine = onco_open_built_in();
	size_t i, j, options = 0;

	for (i = 0; i < engine->kb.n_rules; i++) {
		const onco_rule_info *r = &engine->kb.rules[i], *first = NULL;

		if (r->kind != ONCO_RULE_RECOMMENDATION || r->concludes == NULL)
			continue;
		for (j = 0; j <= i && first == NULL; j++) {
			const onco_rule_info *q = &engine->kb.rules[j];

			if (q->kind == ONCO_RULE_RECOMMENDATION && q->concludes != NULL &&
			    strcmp(q->concludes, r->concludes) == 0)
				first = q;
		}
		CU_ASSERT_PTR_EQUAL(onco_option_rule(engine, r->concludes), first);
		options += first == r;
	}
	CU_ASSERT(options > 10);
	CU_ASSERT_PTR_NULL(onco_option_rule(engine, "no-such-option"));
	CU_ASSERT_PTR_NULL(onco_option_rule(engine, ""));
	onco_engine_free(engine);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_blocked_rules_agree_with_judging_each_rule),
		ONCO_TEST(test_a_new_unknown_finding_is_judged_again),
		ONCO_TEST(test_an_option_gives_the_first_rule_concluding_it),
	};

	return ONCO_RUN_SUITE("blocked", tests);
}
