/*
 * test_gather.c: the facts of a run gathered again after more rules fired
 * (onco_run_facts_gather_more, engine/gather.c) are exactly those a new
 * gathering finds: the facts asserted since are added, and when a fact was
 * retracted (a rule base may retract) nothing retracted is kept. The
 * firings counted per rule agree too. Uses the fixture rule base
 * tests/fixtures/kb-cards.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "cases.h"

#include "onco.h"
#include "private/collect.h"
#include "private/fact_read.h"
#include "suite.h"

#define KB ONCO_SOURCE_DIR "/tests/fixtures/kb-cards"

static const char kase[] =
	"{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
	" \"patient\": {\"ecog\": 1}}";

/* An engine whose working memory holds the facts of one evaluated case. */
static onco_engine *evaluated(void)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;
	char *out = NULL;

	onco_engine_options_default(&opts);
	opts.kb_dir = KB;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	CU_ASSERT_EQUAL_FATAL(onco_engine_evaluate(engine, kase, strlen(kase), 0, &out, &err), 0);
	free(out);
	return engine;
}

static int same_facts(void **a, size_t na, void **b, size_t nb)
{
	return na == nb && (na == 0 || memcmp(a, b, na * sizeof(*a)) == 0);
}

static int same_ids(const char **a, size_t na, const char **b, size_t nb)
{
	size_t i;

	for (i = 0; na == nb && i < na; i++)
		if (strcmp(a[i], b[i]) != 0)
			return 0;
	return na == nb;
}

static int holds(void **facts, size_t n, void *fact)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (facts[i] == fact)
			return 1;
	return 0;
}

/* `more` (gathered, then gathered more) against a new gathering of the same
 * working memory, firings included. */
static void check_same_as_new(onco_engine *engine, onco_run_facts *more)
{
	size_t n = engine->kb.n_rules * sizeof(*engine->firings), i;
	unsigned long *firings = malloc(n ? n : 1);
	onco_run_facts fresh;
	int k;

	CU_ASSERT_PTR_NOT_NULL_FATAL(firings);
	memcpy(firings, engine->firings, n);
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &fresh), 0);
	CU_ASSERT(memcmp(firings, engine->firings, n) == 0);
	CU_ASSERT(same_facts(more->scopes, more->n_scopes, fresh.scopes, fresh.n_scopes));
	CU_ASSERT(same_facts(more->findings, more->n_findings, fresh.findings, fresh.n_findings));
	CU_ASSERT(same_facts(more->gaps, more->n_gaps, fresh.gaps, fresh.n_gaps));
	for (k = 0; k < ONCO_C_KINDS; k++)
		CU_ASSERT(same_facts(more->conclusions[k], more->n_conclusions[k],
				     fresh.conclusions[k], fresh.n_conclusions[k]));
	CU_ASSERT_PTR_EQUAL(more->cancer, fresh.cancer);
	CU_ASSERT(same_ids(more->excluded, more->n_excluded, fresh.excluded, fresh.n_excluded));
	CU_ASSERT(same_ids(more->pending, more->n_pending, fresh.pending, fresh.n_pending));
	CU_ASSERT_EQUAL(more->n_finding_index, fresh.n_finding_index);
	for (i = 0; i < more->n_finding_index && i < fresh.n_finding_index; i++) {
		CU_ASSERT_STRING_EQUAL(more->finding_index[i].name, fresh.finding_index[i].name);
		CU_ASSERT_EQUAL(more->finding_index[i].values, fresh.finding_index[i].values);
	}
	onco_run_facts_release(&fresh);
	free(firings);
}

static void test_facts_asserted_since_are_added(void)
{
	onco_engine *engine = evaluated();
	onco_run_facts run;
	size_t notes;

	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	notes = run.n_conclusions[ONCO_C_NOTE];
	/* a note and an exclusion no rule of the fixture concludes (test
	 * data, not case data: no case reaches CLIPS source text) */
	CU_ASSERT_PTR_NOT_NULL_FATAL(EnvAssertString(
		engine->env, "(note (id test-note) (text \"t\") (cite test) (rule test-rule))"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(EnvAssertString(
		engine->env, "(exclusion (option test-option) (reason \"r\") (cite test) (rule test-rule))"));
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather_more(engine, &run), 0);
	CU_ASSERT_EQUAL(run.n_conclusions[ONCO_C_NOTE], notes + 1);
	CU_ASSERT(onco_run_is_excluded(&run, "test-option"));
	CU_ASSERT_EQUAL(onco_run_finding_values(engine, &run, "test-finding"), 0);
	check_same_as_new(engine, &run);
	/* a new finding is indexed too */
	CU_ASSERT_PTR_NOT_NULL_FATAL(EnvAssertString(engine->env,
						     "(finding (name test-finding) (value unknown))"));
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather_more(engine, &run), 0);
	CU_ASSERT_EQUAL(onco_run_finding_values(engine, &run, "test-finding"), 1u << 2);
	check_same_as_new(engine, &run);
	onco_run_facts_release(&run);
	onco_engine_free(engine);
}

static void test_a_retracted_fact_is_not_kept(void)
{
	onco_engine *engine = evaluated();
	onco_run_facts run;
	void *gone;

	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	CU_ASSERT_FATAL(run.n_findings > 1);
	gone = run.findings[0];
	CU_ASSERT_TRUE_FATAL(EnvRetract(engine->env, gone));
	CU_ASSERT_PTR_NOT_NULL_FATAL(EnvAssertString(
		engine->env, "(note (id test-note) (text \"t\") (cite test) (rule test-rule))"));
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather_more(engine, &run), 0);
	CU_ASSERT_FALSE(holds(run.findings, run.n_findings, gone));
	check_same_as_new(engine, &run);
	onco_run_facts_release(&run);
	onco_engine_free(engine);
}

static void test_nothing_new_changes_nothing(void)
{
	onco_engine *engine = evaluated();
	onco_run_facts run;

	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather_more(engine, &run), 0);
	check_same_as_new(engine, &run);
	onco_run_facts_release(&run);
	onco_engine_free(engine);
}

static unsigned value_bit(const char *value)
{
	return strcmp(value, "yes") == 0 ? 1u : strcmp(value, "no") == 0 ? 2u
					 : strcmp(value, "unknown") == 0 ? 4u : 0u;
}

/* run->by_name holds every finding once, by name (strcmp) and then by its
 * place in run->findings; run->finding_index each name once, in the same
 * order, with the values its findings hold. */
static void check_by_name(const onco_run_facts *run)
{
	size_t i, k = 0;
	unsigned values = 0;

	for (i = 0; i < run->n_findings; i++) {
		const onco_named_finding *f = &run->by_name[i];

		CU_ASSERT_FATAL(f->order < run->n_findings);
		CU_ASSERT_PTR_EQUAL(run->findings[f->order], f->fact);
		/* each finding carries its value's bit, and the name and value
		 * read from its fact */
		CU_ASSERT_EQUAL(f->values, value_bit(f->value));
		CU_ASSERT_STRING_EQUAL(f->name, onco_fact_text(NULL, f->fact, "name"));
		CU_ASSERT_STRING_EQUAL(f->value, onco_fact_text(NULL, f->fact, "value"));
		if (i > 0) {
			const onco_named_finding *p = &run->by_name[i - 1];
			int c = strcmp(p->name, f->name);

			CU_ASSERT(c < 0 || (c == 0 && p->order < f->order));
			if (c == 0) {
				values |= value_bit(f->value);
				continue;
			}
			CU_ASSERT_EQUAL(run->finding_index[k - 1].values, values);
		}
		CU_ASSERT_FATAL(k < run->n_finding_index);
		CU_ASSERT_STRING_EQUAL(run->finding_index[k].name, f->name);
		values = value_bit(f->value);
		k++;
	}
	if (k > 0)
		CU_ASSERT_EQUAL(run->finding_index[k - 1].values, values);
	CU_ASSERT_EQUAL(k, run->n_finding_index);
}

/* The index by name, with names that share their first eight letters or
 * more, or are a prefix of another, and a name valued twice. */
static void test_findings_are_indexed_by_name_then_place(void)
{
	static const char *const facts[] = {
		"(finding (name findings-zz) (value yes))",
		"(finding (name findings-aa) (value unknown))",
		"(finding (name findings) (value no))",
		"(finding (name finding) (value no))",
		"(finding (name findings-aa) (value no))",
		"(finding (name findings-a) (value yes))",
		"(finding (name f) (value yes))",
	};
	onco_engine *engine = evaluated();
	onco_run_facts run;
	size_t i;

	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	check_by_name(&run);
	/* test data, not case data: no case reaches CLIPS source text */
	for (i = 0; i < sizeof(facts) / sizeof(facts[0]); i++)
		CU_ASSERT_PTR_NOT_NULL_FATAL(EnvAssertString(engine->env, facts[i]));
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather_more(engine, &run), 0);
	check_by_name(&run);
	CU_ASSERT_EQUAL(onco_run_finding_values(engine, &run, "findings-aa"), (1u << 1) | (1u << 2));
	CU_ASSERT_EQUAL(onco_run_finding_values(engine, &run, "findings"), 1u << 1);
	CU_ASSERT_EQUAL(onco_run_finding_values(engine, &run, "findings-a"), 1u << 0);
	onco_run_facts_release(&run);
	onco_engine_free(engine);
}

/* A finding's value is told by the address of its symbol (kept at open),
 * and by its text when the engine holds no such symbol: the same bits. */
static void test_values_are_told_by_symbol_or_by_text(void)
{
	onco_engine *engine = evaluated();
	onco_run_facts run;
	int v;

	for (v = 0; v < 3; v++) {
		CU_ASSERT_PTR_NOT_NULL_FATAL(engine->value_symbols[v]);
		CU_ASSERT_STRING_EQUAL(engine->value_symbols[v], onco_finding_values[v]);
	}
	/* test data, not case data: no case reaches CLIPS source text */
	CU_ASSERT_PTR_NOT_NULL_FATAL(EnvAssertString(engine->env,
						     "(finding (name test-finding) (value no))"));
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	check_by_name(&run);
	CU_ASSERT_EQUAL(onco_run_finding_values(engine, &run, "test-finding"), 1u << 1);
	onco_run_facts_release(&run);
	/* as if the environment had had none of the three symbols at open */
	for (v = 0; v < 3; v++)
		engine->value_symbols[v] = NULL;
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	check_by_name(&run);
	CU_ASSERT_EQUAL(onco_run_finding_values(engine, &run, "test-finding"), 1u << 1);
	onco_run_facts_release(&run);
	onco_engine_free(engine);
}

/* Enough findings that the sort merges runs of them (more than eight),
 * asserted out of order: names that share their first eight letters and
 * more, each valued three times, so that equal names meet across runs
 * and must stay in the order they were asserted. */
static void test_many_findings_are_indexed_by_name_then_place(void)
{
	static const char *const values[] = {"yes", "no", "unknown"};
	static const char *const names[] = {"findings-long-c", "findings-long-a", "f",
					    "findings-long", "findings-long-b", "a",
					    "findings-long-aa", "zz", "findings"};
	enum { N_NAMES = sizeof(names) / sizeof(names[0]) };
	onco_engine *engine = evaluated();
	onco_run_facts run;
	char fact[128];
	size_t i, n = 0;

	/* 9 names x 3 values, each once, in an order that mixes both */
	for (i = 0; i < 3 * N_NAMES; i++) {
		size_t k = (i * 7) % (3 * N_NAMES);

		snprintf(fact, sizeof(fact), "(finding (name %s) (value %s))", names[k % N_NAMES],
			 values[k / N_NAMES]);
		/* test data, not case data: no case reaches CLIPS source text */
		CU_ASSERT_PTR_NOT_NULL_FATAL(EnvAssertString(engine->env, fact));
	}
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	check_by_name(&run);
	for (i = 0; i < N_NAMES; i++) {
		const onco_named_finding *first;

		CU_ASSERT_EQUAL(onco_run_finding_values(engine, &run, names[i]), 7u);
		CU_ASSERT_EQUAL(onco_run_findings_named(&run, names[i], &first), 3);
		n += 3;
	}
	CU_ASSERT(run.n_findings >= n);
	onco_run_facts_release(&run);
	onco_engine_free(engine);
}

/* onco_run_is_concluded: the ids of the recommendation facts, and one a
 * walk adds. */
static void test_concluded_options_are_those_recommended(void)
{
	onco_engine *engine = evaluated();
	onco_run_facts run;
	size_t i;

	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	CU_ASSERT_FATAL(run.n_conclusions[ONCO_C_RECOMMENDATION] > 0);
	for (i = 0; i < run.n_conclusions[ONCO_C_RECOMMENDATION]; i++) {
		DATA_OBJECT id;

		CU_ASSERT_TRUE_FATAL(EnvGetFactSlot(
			engine->env, run.conclusions[ONCO_C_RECOMMENDATION][i], "id", &id));
		CU_ASSERT_EQUAL(onco_run_is_concluded(engine, &run, DOToString(id)), 1);
	}
	CU_ASSERT_EQUAL(onco_run_is_concluded(engine, &run, "test-option"), 0);
	/* test data, not case data: no case reaches CLIPS source text */
	CU_ASSERT_PTR_NOT_NULL_FATAL(EnvAssertString(
		engine->env, "(recommendation (id test-option) (summary \"s\") (rule test-rule))"));
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather_more(engine, &run), 0);
	CU_ASSERT_EQUAL(onco_run_is_concluded(engine, &run, "test-option"), 1);
	CU_ASSERT_EQUAL(onco_run_is_concluded(engine, &run, "no-such-option"), 0);
	onco_run_facts_release(&run);
	onco_engine_free(engine);
}

/* The facts of `run` of one kind are those working memory holds of it,
 * in its order, told apart by their template's name and, for a
 * recommendation, its status. */
static void check_kinds(onco_engine *engine, const onco_run_facts *run)
{
	static const char *const templates[ONCO_C_KINDS] = {
		"recommendation", "warning", "exclusion", "note", "missing",
		"pending", "history", "lead", "recommendation"};
	size_t n[ONCO_C_KINDS] = {0}, findings = 0, scopes = 0, gaps = 0;
	void *fact;
	int k;

	for (fact = EnvGetNextFact(engine->env, NULL); fact != NULL;
	     fact = EnvGetNextFact(engine->env, fact)) {
		const char *t = EnvGetDeftemplateName(engine->env, EnvFactDeftemplate(engine->env, fact));
		DATA_OBJECT status;

		if (strcmp(t, "finding") == 0) {
			CU_ASSERT_FATAL(findings < run->n_findings);
			CU_ASSERT_PTR_EQUAL(run->findings[findings++], fact);
		} else if (strcmp(t, "scope") == 0) {
			CU_ASSERT_FATAL(scopes < run->n_scopes);
			CU_ASSERT_PTR_EQUAL(run->scopes[scopes++], fact);
		} else if (strcmp(t, "finding-gap") == 0) {
			CU_ASSERT_FATAL(gaps < run->n_gaps);
			CU_ASSERT_PTR_EQUAL(run->gaps[gaps++], fact);
		} else if (strcmp(t, "cancer") == 0) {
			CU_ASSERT_PTR_EQUAL(run->cancer, fact);
		}
		for (k = 0; k < ONCO_C_POSSIBLE; k++)
			if (strcmp(t, templates[k]) == 0)
				break;
		if (k == ONCO_C_POSSIBLE)
			k = ONCO_C_KINDS; /* not a conclusion */
		if (k == ONCO_C_RECOMMENDATION &&
		    EnvGetFactSlot(engine->env, fact, "status", &status) &&
		    strcmp(DOToString(status), "possible") == 0)
			k = ONCO_C_POSSIBLE;
		if (k < ONCO_C_KINDS) {
			CU_ASSERT_FATAL(n[k] < run->n_conclusions[k]);
			CU_ASSERT_PTR_EQUAL(run->conclusions[k][n[k]++], fact);
		}
	}
	CU_ASSERT_EQUAL(findings, run->n_findings);
	CU_ASSERT_EQUAL(scopes, run->n_scopes);
	CU_ASSERT_EQUAL(gaps, run->n_gaps);
	for (k = 0; k < ONCO_C_KINDS; k++)
		CU_ASSERT_EQUAL(n[k], run->n_conclusions[k]);
}

static void check_case(onco_engine *engine, void *unused)
{
	onco_run_facts run;

	(void)unused;
	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	check_kinds(engine, &run);
	onco_run_facts_release(&run);
}

/* Over the regression cases of one engine, which meets more templates
 * than its table first has room for. */
static void test_facts_are_sorted_by_their_template(void)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;

	onco_engine_options_default(&opts);
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	CU_ASSERT(onco_each_regression_case(engine, check_case, NULL) > 100);
	/* the table grew (it starts with room for 8) and is at most half full */
	CU_ASSERT(engine->n_walk_templates > 8);
	CU_ASSERT(2 * engine->n_walk_templates <= engine->cap_walk_templates);
	onco_engine_free(engine);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_facts_asserted_since_are_added),
		ONCO_TEST(test_a_retracted_fact_is_not_kept),
		ONCO_TEST(test_nothing_new_changes_nothing),
		ONCO_TEST(test_findings_are_indexed_by_name_then_place),
		ONCO_TEST(test_many_findings_are_indexed_by_name_then_place),
		ONCO_TEST(test_values_are_told_by_symbol_or_by_text),
		ONCO_TEST(test_concluded_options_are_those_recommended),
		ONCO_TEST(test_facts_are_sorted_by_their_template),
	};

	return ONCO_RUN_SUITE("gather", tests);
}
