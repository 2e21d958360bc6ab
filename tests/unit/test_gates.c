/*
 * test_gates.c: what the engine does with the marks gates put on options
 * (rules/schema.clp): an exclusion that names a recommendation removes it
 * from the options, a pending mark holds it back and reports the fields it
 * waits on, history and lead marks show on the option (one entry per
 * status and reason, however many rules concluded the option), a warning
 * can be about an option and is not listed when that option is held back.
 * Uses the fixture rule base tests/fixtures/kb-gates.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "onco.h"
#include "suite.h"

#define KB ONCO_SOURCE_DIR "/tests/fixtures/kb-gates"

static cJSON *evaluate(const char *text)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;
	char *out = NULL;
	cJSON *doc;

	onco_engine_options_default(&opts);
	opts.kb_dir = KB;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	CU_ASSERT_EQUAL(onco_engine_evaluate(engine, text, strlen(text), 0, &out, &err), 0);
	onco_engine_free(engine);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	doc = cJSON_Parse(out);
	free(out);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	return doc;
}

static cJSON *find(const cJSON *doc, const char *list, const char *key, const char *value)
{
	cJSON *item;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, list)) {
		const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, key);
		if (cJSON_IsString(v) && strcmp(v->valuestring, value) == 0)
			return item;
	}
	return NULL;
}

static const char *string(const cJSON *item, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void test_exclusion_naming_an_option_removes_it_from_the_options(void)
{
	cJSON *doc = evaluate("{\"id\": \"g\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
			      " \"patient\": {\"ecog\": 1},"
			      " \"preferences\": {\"declines_active_treatment\": true}}");
	cJSON *exclusion;

	CU_ASSERT_PTR_NULL(find(doc, "recommendations", "id", "mini-surgery"));
	CU_ASSERT_PTR_NULL(find(doc, "recommendations", "id", "mini-pembrolizumab"));
	exclusion = find(doc, "exclusions", "option", "mini-pembrolizumab");
	CU_ASSERT_PTR_NOT_NULL_FATAL(exclusion);
	CU_ASSERT_STRING_EQUAL(string(exclusion, "id"),
			       "mini-pembrolizumab-excluded-declines-active-treatment");
	CU_ASSERT_PTR_NOT_NULL(find(doc, "exclusions", "option", "mini-surgery"));
	/* Supportive care is not cancer-directed: it stays, and leads. */
	CU_ASSERT_STRING_EQUAL(string(find(doc, "recommendations", "id", "mini-supportive-care"),
				      "lead"),
			       "The patient declines cancer treatment.");
	/* An excluded option needs nothing more. */
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "missing_information")), 0);
	cJSON_Delete(doc);
}

static void test_pending_option_is_held_back_and_its_fields_are_missing(void)
{
	cJSON *doc = evaluate("{\"id\": \"g\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true}}");
	cJSON *missing, *options;

	CU_ASSERT_PTR_NULL(find(doc, "recommendations", "id", "mini-surgery"));
	CU_ASSERT_PTR_NULL(find(doc, "exclusions", "option", "mini-surgery"));
	missing = find(doc, "missing_information", "field", "/patient/ecog");
	CU_ASSERT_PTR_NOT_NULL_FATAL(missing);
	options = cJSON_GetObjectItem(missing, "options");
	CU_ASSERT_EQUAL(cJSON_GetArraySize(options), 1);
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(options, 0)->valuestring, "mini-surgery");
	CU_ASSERT_STRING_EQUAL(string(missing, "needed_for"), "Surgery");
	/* With the ECOG recorded, the option stands. */
	cJSON_Delete(doc);
	doc = evaluate("{\"id\": \"g\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
		       " \"patient\": {\"ecog\": 0}}");
	CU_ASSERT_PTR_NOT_NULL(find(doc, "recommendations", "id", "mini-surgery"));
	CU_ASSERT_PTR_NULL(find(doc, "missing_information", "field", "/patient/ecog"));
	cJSON_Delete(doc);
}

static void test_option_declarations_and_history_are_in_the_item(void)
{
	cJSON *doc = evaluate("{\"id\": \"g\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
			      " \"patient\": {\"ecog\": 0},"
			      " \"prior_treatments\": [{\"type\": \"immunotherapy\","
			      " \"agents\": [\"pembrolizumab\"]}]}");
	cJSON *rec = find(doc, "recommendations", "id", "mini-pembrolizumab"), *history, *entry;

	CU_ASSERT_PTR_NOT_NULL_FATAL(rec);
	CU_ASSERT_STRING_EQUAL(string(rec, "card"), "mini-systemic");
	CU_ASSERT_STRING_EQUAL(string(rec, "role"), "add-on");
	CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItem(rec, "cancer_directed")));
	CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItem(rec, "with_chemotherapy")));
	CU_ASSERT_TRUE(cJSON_IsNull(cJSON_GetObjectItem(rec, "lead")));
	history = cJSON_GetObjectItem(rec, "history");
	CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(history), 1);
	entry = cJSON_GetArrayItem(history, 0);
	CU_ASSERT_STRING_EQUAL(string(entry, "status"), "received");
	{
		char *because = cJSON_PrintUnformatted(cJSON_GetObjectItem(entry, "because"));
		CU_ASSERT_PTR_NOT_NULL(because != NULL ? strstr(because, "/prior_treatments/0") : NULL);
		free(because);
	}
	/* Surgery declares a patient-level requirement and has no history. */
	rec = find(doc, "recommendations", "id", "mini-surgery");
	CU_ASSERT_PTR_NOT_NULL_FATAL(rec);
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(rec, "requires")), 1);
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(rec, "history")), 0);
	cJSON_Delete(doc);
}

static void test_warning_can_be_about_an_option(void)
{
	cJSON *doc = evaluate("{\"id\": \"g\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
			      " \"patient\": {\"ecog\": 2}}");
	cJSON *warning = find(doc, "warnings", "option", "mini-surgery");

	CU_ASSERT_PTR_NOT_NULL_FATAL(warning);
	CU_ASSERT_TRUE(cJSON_IsNull(cJSON_GetObjectItem(warning, "agent")));
	CU_ASSERT_STRING_EQUAL(string(warning, "severity"), "caution");
	CU_ASSERT_PTR_NOT_NULL(find(doc, "recommendations", "id", "mini-surgery"));
	cJSON_Delete(doc);
}

static void test_warning_about_a_held_option_is_not_listed(void)
{
	cJSON *doc = evaluate("{\"id\": \"g\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
			      " \"patient\": {\"ecog\": 2},"
			      " \"preferences\": {\"declines_active_treatment\": true}}");

	/* The ECOG 2 flag is about surgery, which the patient's wish rules
	 * out: the flag goes with it. */
	CU_ASSERT_PTR_NOT_NULL(find(doc, "exclusions", "option", "mini-surgery"));
	CU_ASSERT_PTR_NULL(find(doc, "warnings", "option", "mini-surgery"));
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "warnings")), 0);
	cJSON_Delete(doc);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_exclusion_naming_an_option_removes_it_from_the_options),
		ONCO_TEST(test_pending_option_is_held_back_and_its_fields_are_missing),
		ONCO_TEST(test_option_declarations_and_history_are_in_the_item),
		ONCO_TEST(test_warning_can_be_about_an_option),
		ONCO_TEST(test_warning_about_a_held_option_is_not_listed),
	};

	return ONCO_RUN_SUITE("gates", tests);
}
