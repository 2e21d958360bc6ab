/*
 * test_patient.c: the status card's lines (engine/patient.c) walk the
 * facts of their templates (EnvGetNextFactInTemplate) with slot places
 * kept per engine. For every regression case: a template's facts come in
 * the order working memory holds them (the order of the case, which the
 * lines keep); and the lines read with the engine's kept index are those
 * read with an index made anew.
 */
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "cases.h"
#include "onco.h"
#include "private/collect.h"
#include "private/fact_read.h"
#include "suite.h"

static const char *const templates[] = {
	"cancer",     "metastasis", "recurrence-site", "recurrence",	    "imaging",
	"patient",    "biomarker",  "prior-treatment", "medication",	    "planned-procedure",
	"symptom",    "adverse-event", "preferences",  "fitness",	    "list-recorded",
};

static void check_order(onco_engine *engine, void *ctx)
{
	size_t t, *compared = ctx;

	for (t = 0; t < sizeof(templates) / sizeof(templates[0]); t++) {
		void *tmpl = EnvFindDeftemplate(engine->env, templates[t]);
		void *fact, *next;

		CU_ASSERT_PTR_NOT_NULL_FATAL(tmpl);
		next = EnvGetNextFactInTemplate(engine->env, tmpl, NULL);
		for (fact = EnvGetNextFact(engine->env, NULL); fact != NULL;
		     fact = EnvGetNextFact(engine->env, fact))
			if (EnvFactDeftemplate(engine->env, fact) == tmpl) {
				CU_ASSERT_PTR_EQUAL(fact, next);
				next = EnvGetNextFactInTemplate(engine->env, tmpl, next);
				(*compared)++;
			}
		CU_ASSERT_PTR_NULL(next);
	}
}

static void test_a_templates_facts_come_in_working_memory_order(void)
{
	onco_engine *engine = onco_open_built_in();
	size_t compared = 0;

	CU_ASSERT_TRUE(onco_each_regression_case(engine, check_order, &compared) > 0);
	CU_ASSERT_TRUE(compared > 0);
	onco_engine_free(engine);
}

static char *lines_text(onco_engine *engine, const char **stop_reason)
{
	cJSON *lines = cJSON_CreateArray();
	char *text;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lines);
	CU_ASSERT_EQUAL(onco_patient_lines(engine, lines, stop_reason), 0);
	text = cJSON_PrintUnformatted(lines);
	cJSON_Delete(lines);
	return text;
}

static void check_kept_index(onco_engine *engine, void *ctx)
{
	const char *kept_reason, *new_reason;
	char *kept = lines_text(engine, &kept_reason), *anew;
	size_t *cases = ctx;

	onco_patient_index_free(engine);
	anew = lines_text(engine, &new_reason);
	CU_ASSERT_PTR_NOT_NULL_FATAL(kept);
	CU_ASSERT_PTR_NOT_NULL_FATAL(anew);
	CU_ASSERT_STRING_EQUAL(kept, anew);
	CU_ASSERT_PTR_EQUAL(kept_reason, new_reason);
	/* something about her is said in every case */
	CU_ASSERT_PTR_NOT_NULL(strstr(kept, "\"topic\":\"cancer\""));
	free(kept);
	free(anew);
	(*cases)++;
}

static void test_the_kept_index_reads_the_lines_of_every_case(void)
{
	onco_engine *engine = onco_open_built_in();
	size_t cases = 0;

	CU_ASSERT_TRUE(onco_each_regression_case(engine, check_kept_index, &cases) > 0);
	CU_ASSERT_TRUE(cases > 0);
	onco_engine_free(engine);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_a_templates_facts_come_in_working_memory_order),
		ONCO_TEST(test_the_kept_index_reads_the_lines_of_every_case),
	};

	return ONCO_RUN_SUITE("patient", tests);
}
