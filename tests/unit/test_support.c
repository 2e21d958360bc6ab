/*
 * test_support.c: the firings behind each finding (engine/support.c):
 * onco_support_of finds a finding's entries by the rank of its (name,
 * value) pair, looked up by the addresses of its symbols; for every
 * finding of every regression case they are exactly the entries of the
 * log whose rule concludes that name and value (compared as texts), and
 * the same when the index is dropped and the texts are compared instead.
 */
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "cases.h"
#include "onco.h"
#include "private/engine_internal.h"
#include "private/fact_read.h"
#include "suite.h"

static int concludes(const onco_support_entry *e, const char *name, const char *value)
{
	return e->rule->concludes != NULL && e->rule->value != NULL &&
	       strcmp(e->rule->concludes, name) == 0 && strcmp(e->rule->value, value) == 0;
}

/* Each finding's entries against those the log holds for its pair. */
static void check_findings(onco_engine *engine, void *ctx)
{
	size_t *findings = ctx;
	void *fact;

	for (fact = EnvGetNextFact(engine->env, NULL); fact != NULL;
	     fact = EnvGetNextFact(engine->env, fact)) {
		const char *name, *value;
		const onco_support_entry *first;
		size_t n, i, expected = 0;

		if (strcmp(onco_fact_template(engine->env, fact), "finding") != 0)
			continue;
		name = onco_fact_text(engine->env, fact, "name");
		value = onco_fact_text(engine->env, fact, "value");
		CU_ASSERT_PTR_NOT_NULL_FATAL(name);
		CU_ASSERT_PTR_NOT_NULL_FATAL(value);
		n = onco_support_of(engine, fact, &first);
		for (i = 0; i < engine->supports.n_entries; i++)
			expected += concludes(&engine->supports.entries[i], name, value);
		CU_ASSERT_EQUAL(n, expected);
		for (i = 0; i < n; i++)
			CU_ASSERT_TRUE(concludes(&first[i], name, value));
		(*findings)++;
	}
}

static void test_a_findings_firings_are_found_by_its_symbols(void)
{
	onco_engine *engine = onco_open_built_in();
	size_t findings = 0;

	/* the index knows the pairs of the built-in rule base */
	CU_ASSERT_TRUE(engine->supports.names.n > 0);
	CU_ASSERT_TRUE(onco_each_regression_case(engine, check_findings, &findings) > 0);
	CU_ASSERT_TRUE(findings > 0);
	onco_engine_free(engine);
}

static void test_without_the_index_the_texts_find_the_same_firings(void)
{
	onco_engine *engine = onco_open_built_in();
	size_t findings = 0;

	/* an empty index: every pair is one it does not know */
	onco_symbol_index_free(&engine->supports.names);
	CU_ASSERT_EQUAL_FATAL(onco_symbol_index_init(&engine->supports.names, 0), 0);
	CU_ASSERT_TRUE(onco_each_regression_case(engine, check_findings, &findings) > 0);
	CU_ASSERT_TRUE(findings > 0);
	onco_engine_free(engine);
}

/* The order the log was sorted in with one comparison of whole entries
 * (before the sort by keys), written out again here as the documented
 * order: rank, rule, the pointers of the facts (fact indexes where a fact
 * has none), how many facts, firing order. */
static int old_order(void *env, void *const *facts, const onco_support_entry *x,
		     const onco_support_entry *y)
{
	size_t i;
	int c;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	for (i = 0; i < x->count && i < y->count; i++) {
		void *fx = facts[x->first + i], *fy = facts[y->first + i];
		const char *px = onco_fact_text(env, fx, "pointer");
		const char *py = onco_fact_text(env, fy, "pointer");
		long long ix = EnvFactIndex(env, fx), iy = EnvFactIndex(env, fy);

		if (px != NULL && py != NULL && (c = strcmp(px, py)) != 0)
			return c;
		if ((px == NULL || py == NULL) && ix != iy)
			return ix < iy ? -1 : 1;
	}
	if (x->count != y->count)
		return x->count < y->count ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* The sorted log holds every firing once, each before the next by the
 * old comparison; counts entries that share a rule (which the keys do not
 * tell apart). */
static void check_order(onco_engine *engine, void *ctx)
{
	size_t *same_rule = ctx, i, n;
	const onco_supports *s = &engine->supports;
	char *seen;

	onco_support_sort(engine);
	n = s->n_entries;
	seen = calloc(n + 1, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(seen);
	for (i = 0; i < n; i++) {
		CU_ASSERT_FATAL(s->entries[i].seq >= 1 && s->entries[i].seq <= n);
		CU_ASSERT_FALSE(seen[s->entries[i].seq - 1]);
		seen[s->entries[i].seq - 1] = 1;
		if (i == 0)
			continue;
		CU_ASSERT(old_order(engine->env, s->facts, &s->entries[i - 1], &s->entries[i]) < 0);
		*same_rule += s->entries[i - 1].rule == s->entries[i].rule;
	}
	free(seen);
}

static void test_the_log_sorts_as_one_comparison_of_entries_sorted_it(void)
{
	onco_engine *engine = onco_open_built_in();
	size_t same_rule = 0;

	CU_ASSERT_TRUE(onco_each_regression_case(engine, check_order, &same_rule) > 0);
	/* the cases have firings of one rule, which the comparison orders */
	CU_ASSERT_TRUE(same_rule > 0);
	onco_engine_free(engine);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_a_findings_firings_are_found_by_its_symbols),
		ONCO_TEST(test_without_the_index_the_texts_find_the_same_firings),
		ONCO_TEST(test_the_log_sorts_as_one_comparison_of_entries_sorted_it),
	};

	return ONCO_RUN_SUITE("support", tests);
}
