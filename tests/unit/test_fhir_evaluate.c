/*
 * test_fhir_evaluate.c: FHIR bundles evaluated end to end
 * (onco_engine_evaluate_fhir). A bundle written in mCODE form for each
 * guideline gives the same result document as its hand-written case, apart
 * from the "source" section; the stage IV breast example is evaluated as
 * metastatic breast cancer; jenny-m (its cancer made active) is not
 * covered, with the reason, and as published (in remission) gives no case; a
 * conflict becomes missing information; bundles that give no case answer
 * with an error document.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "onco.h"
#include "suite.h"

#define FHIR_DIR ONCO_SOURCE_DIR "/tests/fhir"

static onco_engine *engine;

/* Evaluates the bundle at `path`; *rc gets the code; the parsed answer. */
static cJSON *evaluate_bundle(const char *path, const char *as_of, int *rc)
{
	onco_fhir_options opts;
	onco_error err;
	char *text = onco_slurp(path), *out = NULL;
	cJSON *doc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	onco_fhir_options_default(&opts);
	opts.as_of = as_of;
	*rc = onco_engine_evaluate_fhir(engine, text, strlen(text), &opts, 0, &out, &err);
	free(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	doc = cJSON_Parse(out);
	free(out);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	return doc;
}

static cJSON *evaluate_case(const char *path)
{
	onco_error err;
	char *text = onco_slurp(path), *out = NULL;
	cJSON *doc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	CU_ASSERT_EQUAL(onco_engine_evaluate(engine, text, strlen(text), 0, &out, &err), 0);
	free(text);
	doc = cJSON_Parse(out);
	free(out);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	return doc;
}

static void check_same_result(const char *name, const char *as_of)
{
	char bundle[512], hand[512];
	cJSON *from_fhir, *from_case;
	int rc;

	snprintf(bundle, sizeof(bundle), FHIR_DIR "/bundles/%s.json", name);
	snprintf(hand, sizeof(hand), FHIR_DIR "/cases/%s.json", name);
	from_fhir = evaluate_bundle(bundle, as_of, &rc);
	from_case = evaluate_case(hand);
	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(from_fhir, "source"));
	cJSON_DeleteItemFromObjectCaseSensitive(from_fhir, "source");
	if (!cJSON_Compare(from_fhir, from_case, 1))
		fprintf(stderr, "\n  %s: the bundle's result differs from the case's\n", name);
	CU_ASSERT(cJSON_Compare(from_fhir, from_case, 1));
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(from_case, "scope")->valuestring,
			       "covered");
	cJSON_Delete(from_fhir);
	cJSON_Delete(from_case);
}

static void test_fhir_cervix_recurrent_bundle_evaluates_as_its_case(void)
{
	check_same_result("cervix-recurrent-after-chemoradiation", NULL);
}

static void test_fhir_anal_stage4_bundle_evaluates_as_its_case(void)
{
	check_same_result("anal-stage4", NULL);
}

static void test_fhir_breast_her2_bundle_evaluates_as_its_case(void)
{
	check_same_result("breast-her2-positive", "2024-06-01");
}

static bool has_id(const cJSON *doc, const char *list, const char *id)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, list))
		if (strcmp(cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring, id) == 0)
			return true;
	return false;
}

static void test_fhir_patient01_is_metastatic_breast_cancer(void)
{
	cJSON *doc;
	const cJSON *guidelines, *facts;
	int rc;

	doc = evaluate_bundle(FHIR_DIR "/ctm-app-TrialMatching_Patient01.json", "2020-05-01", &rc);
	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(doc, "scope")->valuestring, "covered");
	guidelines = cJSON_GetObjectItemCaseSensitive(doc, "guidelines");
	CU_ASSERT_EQUAL(cJSON_GetArraySize(guidelines), 1);
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(guidelines, 0)->valuestring, "breast-stage4");
	/* receptor positive: hormonal therapy (menopausal status is not in
	 * the record, so tamoxifen, with the aromatase inhibitors possible);
	 * liver spread: chemotherapy; bone spread: a bisphosphonate; HER2
	 * negative: no trastuzumab; the drugs outside the list by name */
	CU_ASSERT(has_id(doc, "recommendations", "breast-stage4-tamoxifen"));
	CU_ASSERT(has_id(doc, "possible", "breast-stage4-aromatase-inhibitor"));
	CU_ASSERT(has_id(doc, "recommendations", "breast-stage4-single-drugs"));
	CU_ASSERT(has_id(doc, "recommendations", "breast-stage4-bisphosphonate"));
	CU_ASSERT(has_id(doc, "exclusions", "breast-stage4-trastuzumab-excluded-her2-negative"));
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "not_assessed")), 4);
	facts = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(doc, "source"), "facts");
	CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(facts, "/cancer/metastases/0"));
	CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(facts, "/cancer/metastases/1"));
	CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(facts, "/patient/ecog"));
	CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(facts, "/biomarkers/HER2"));
	cJSON_Delete(doc);
}

static void test_fhir_jenny_m_is_not_covered_with_the_reason(void)
{
	cJSON *doc;
	const char *reason;
	int rc;

	/* jenny-m with its primary cancer active (as published it is in
	 * remission, and gives no case: below) */
	doc = evaluate_bundle(FHIR_DIR "/bundles/jenny-m-active.json", NULL, &rc);
	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(doc, "scope")->valuestring,
			       "not covered");
	reason = cJSON_GetObjectItemCaseSensitive(doc, "scope_reason")->valuestring;
	CU_ASSERT_PTR_NOT_NULL(strstr(reason, "site breast"));
	CU_ASSERT_PTR_NOT_NULL(strstr(reason, "stage IV at diagnosis or with distant spread now"));
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "recommendations")), 0);
	CU_ASSERT(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(doc, "source"), "not_understood")) >= 20);
	cJSON_Delete(doc);
	doc = evaluate_bundle(FHIR_DIR "/mcode-ig-Bundle-mcode-patient-bundle-jenny-m.json", NULL, &rc);
	CU_ASSERT_NOT_EQUAL(rc, 0);
	CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(doc, "errors"));
	CU_ASSERT_PTR_NULL(cJSON_GetObjectItemCaseSensitive(doc, "recommendations"));
	cJSON_Delete(doc);
}

static void test_fhir_conflict_becomes_missing_information(void)
{
	cJSON *doc;
	const cJSON *item;
	bool er_missing = false;
	int rc;

	doc = evaluate_bundle(FHIR_DIR "/bundles/conflicts.json", NULL, &rc);
	CU_ASSERT_EQUAL(rc, 0);
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, "missing_information"))
		er_missing |= strcmp(cJSON_GetObjectItemCaseSensitive(item, "field")->valuestring,
				     "/biomarkers/ER") == 0;
	CU_ASSERT(er_missing);
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(doc, "source"), "conflicts")), 3);
	cJSON_Delete(doc);
}

static void test_fhir_bundles_without_a_case_answer_with_errors(void)
{
	onco_error err;
	char *out = NULL;
	cJSON *doc;
	int rc;

	doc = evaluate_bundle(FHIR_DIR "/bundles/mcode-ig-single-resources.json", NULL, &rc);
	CU_ASSERT_EQUAL(rc, ONCO_EINVALID);
	CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(doc, "errors"));
	CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(doc, "source"));
	cJSON_Delete(doc);
	rc = onco_engine_evaluate_fhir(engine, "{\"resourceType\": \"Patient\"}", 27, NULL, 0, &out,
				       &err);
	CU_ASSERT_EQUAL(rc, ONCO_EINVALID);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"pointer\":\"/resourceType\""));
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"case\":null"));
	free(out);
}

static void test_fhir_same_bundle_same_bytes(void)
{
	char *text = onco_slurp(FHIR_DIR "/ctm-app-TrialMatching_Patient01.json"), *a = NULL, *b = NULL;
	onco_error err;

	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	onco_engine_evaluate_fhir(engine, text, strlen(text), NULL, ONCO_JSON_PRETTY, &a, &err);
	onco_engine_evaluate_fhir(engine, text, strlen(text), NULL, ONCO_JSON_PRETTY, &b, &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_STRING_EQUAL(a, b);
	free(a);
	free(b);
	free(text);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_fhir_cervix_recurrent_bundle_evaluates_as_its_case),
		ONCO_TEST(test_fhir_anal_stage4_bundle_evaluates_as_its_case),
		ONCO_TEST(test_fhir_breast_her2_bundle_evaluates_as_its_case),
		ONCO_TEST(test_fhir_patient01_is_metastatic_breast_cancer),
		ONCO_TEST(test_fhir_jenny_m_is_not_covered_with_the_reason),
		ONCO_TEST(test_fhir_conflict_becomes_missing_information),
		ONCO_TEST(test_fhir_bundles_without_a_case_answer_with_errors),
		ONCO_TEST(test_fhir_same_bundle_same_bytes),
	};
	onco_engine_options opts;
	onco_error err;
	int status;

	onco_engine_options_default(&opts);
	if (onco_engine_open(&engine, &opts, &err) != 0) {
		fprintf(stderr, "cannot open the engine: %s\n", err.message);
		return 2;
	}
	status = ONCO_RUN_SUITE("fhir_evaluate", tests);
	onco_engine_free(engine);
	return status;
}
