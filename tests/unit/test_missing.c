/*
 * test_missing.c: the fields behind an unknown finding (onco_unknown_fields,
 * engine/missing.c) are traced once per run and then given from what was
 * kept: asked again, the answer is the same as traced anew, alone or added
 * to fields already gathered for other findings (each field once, the
 * first reason kept). Over every regression case, every finding the run
 * values unknown.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cases.h"
#include "onco.h"
#include "private/collect.h"
#include "suite.h"

/* The fields of the unknown findings of `run` gathered one after the
 * other into one list and one object, printed. */
static char *all_fields(onco_engine *engine, const onco_run_facts *run)
{
	cJSON *doc = cJSON_CreateObject();
	cJSON *fields = cJSON_AddArrayToObject(doc, "fields");
	cJSON *undecided = cJSON_AddObjectToObject(doc, "undecided");
	char *text;
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(undecided);
	for (i = 0; i < run->n_finding_index; i++)
		if (run->finding_index[i].values & (1u << 2))
			CU_ASSERT_EQUAL(onco_unknown_fields(engine, run, run->finding_index[i].name,
							    fields, undecided),
					0);
	text = cJSON_PrintUnformatted(doc);
	cJSON_Delete(doc);
	return text;
}

/* Counts the runs with fields to name. */
static void check_case(onco_engine *engine, void *traced)
{
	onco_run_facts run;
	char *first, *again, *anew;

	CU_ASSERT_EQUAL_FATAL(onco_run_facts_gather(engine, &run), 0);
	first = all_fields(engine, &run);
	again = all_fields(engine, &run); /* from what was kept */
	onco_fields_memo_clear(engine);
	anew = all_fields(engine, &run);
	CU_ASSERT_PTR_NOT_NULL_FATAL(first);
	CU_ASSERT_STRING_EQUAL(first, again);
	CU_ASSERT_STRING_EQUAL(first, anew);
	*(size_t *)traced += strcmp(first, "{\"fields\":[],\"undecided\":{}}") != 0;
	free(first);
	free(again);
	free(anew);
	onco_run_facts_release(&run);
}

static void test_fields_kept_are_those_traced_anew(void)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;
	size_t traced = 0;

	onco_engine_options_default(&opts);
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	CU_ASSERT(onco_each_regression_case(engine, check_case, &traced) > 100);
	CU_ASSERT(traced > 20);
	onco_engine_free(engine);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_fields_kept_are_those_traced_anew),
	};

	return ONCO_RUN_SUITE("missing", tests);
}
