/*
 * test_limits.c: every limit that keeps a hostile or broken case (or rule
 * base) from exhausting the engine gives a clear error with its JSON
 * pointer, never a crash or a hang: case size, nesting depth, string
 * length, list length (the case reader), rule firings and facts in working
 * memory (the engine), and a case with every list at its limit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <CUnit/Basic.h>
#include <clips.h>
#include <cjson/cJSON.h>

#include "onco.h"
#include "private/engine_internal.h"
#include "suite.h"

#define FIXTURES ONCO_SOURCE_DIR "/tests/fixtures"

static const char *small_case =
	"{\"id\": \"lim-1\", \"cancer\": {\"site\": \"cervix\", \"stage\": \"IVB\","
	" \"recurrent\": false, \"metastases\": [\"bone\", \"lung\"]},"
	" \"biomarkers\": {\"PD-L1\": \"positive\"},"
	" \"prior_treatments\": [{\"type\": \"chemoradiation\", \"region\": \"pelvis\","
	" \"agents\": [\"cisplatin\"]}],"
	" \"medications\": [{\"agent\": \"bevacizumab\", \"status\": \"active\","
	" \"last_dose_days_ago\": 3}],"
	" \"planned_procedures\": [{\"type\": \"elective-surgery\", \"days_from_now\": 10}]}";

static onco_engine *open_with(const char *kb_dir, long long max_firings,
			      long long max_facts)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;

	onco_engine_options_default(&opts);
	opts.kb_dir = kb_dir;
	if (max_firings > 0)
		opts.max_firings = max_firings;
	if (max_facts > 0)
		opts.max_facts = max_facts;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	return engine;
}

/* Evaluates `text`, checks the return code and returns the document. */
static cJSON *evaluate_expect(onco_engine *engine, const char *text, size_t length,
			      int expected)
{
	char *out = NULL;
	onco_error err;
	cJSON *doc;
	int rc;

	rc = onco_engine_evaluate(engine, text, length, 0, &out, &err);
	CU_ASSERT_EQUAL(rc, expected);
	if (rc != expected)
		fprintf(stderr, "\n  got %d (%s): %.300s\n", rc, err.message, out ? out : "");
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	doc = cJSON_Parse(out);
	free(out);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	return doc;
}

/* Whether the document's errors hold one with exactly `pointer` whose
 * message contains `words`. */
static int has_error(const cJSON *doc, const char *pointer, const char *words)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(doc, "errors")) {
		const char *p = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "pointer"));
		const char *m = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(e, "message"));

		if (p != NULL && m != NULL && strcmp(p, pointer) == 0 && strstr(m, words) != NULL)
			return 1;
	}
	fprintf(stderr, "\n  no error at \"%s\" saying \"%s\" in %.300s\n", pointer, words,
		cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(doc, "errors")));
	return 0;
}

static void test_case_over_the_size_limit_is_refused_as_a_whole(void)
{
	onco_engine *engine = open_with(NULL, 0, 0);
	size_t n = 1024 * 1024 + 1;
	char *text = malloc(n);
	cJSON *doc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	memset(text, ' ', n);
	memcpy(text, small_case, strlen(small_case));
	doc = evaluate_expect(engine, text, n, ONCO_EINVALID);
	CU_ASSERT(has_error(doc, "", "limit"));
	cJSON_Delete(doc);
	free(text);
	onco_engine_free(engine);
}

static void test_nesting_over_the_depth_limit_points_where_it_happened(void)
{
	onco_engine *engine = open_with(NULL, 0, 0);
	char text[512];
	cJSON *doc;
	int n;

	n = snprintf(text, sizeof(text), "{\"id\": \"deep\", \"cancer\": {\"site\": \"cervix\"},"
		     " \"patient\": %.*s%.*s}", 17, "[[[[[[[[[[[[[[[[[[[[", 17,
		     "]]]]]]]]]]]]]]]]]]]]");
	doc = evaluate_expect(engine, text, (size_t)n, ONCO_EINVALID);
	CU_ASSERT(has_error(doc, "/patient/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0", "nested deeper"));
	cJSON_Delete(doc);
	/* 100,000 levels: refused just as fast, no stack exhaustion. */
	{
		size_t depth = 100000, i;
		char *deep = malloc(2 * depth + 64);
		size_t len = 0;

		CU_ASSERT_PTR_NOT_NULL_FATAL(deep);
		len += (size_t)sprintf(deep, "{\"id\": \"deeper\", \"x\": ");
		for (i = 0; i < depth; i++)
			deep[len++] = '[';
		for (i = 0; i < depth; i++)
			deep[len++] = ']';
		deep[len++] = '}';
		doc = evaluate_expect(engine, deep, len, ONCO_EINVALID);
		CU_ASSERT(has_error(doc, "/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0", "nested deeper"));
		cJSON_Delete(doc);
		free(deep);
	}
	onco_engine_free(engine);
}

static void test_string_over_the_length_limit_points_at_the_string(void)
{
	onco_engine *engine = open_with(NULL, 0, 0);
	size_t n = 1000000; /* a 1 MB string inside a case under the size limit */
	char *text = malloc(n + 128);
	cJSON *doc;
	size_t len;

	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	len = (size_t)sprintf(text, "{\"cancer\": {\"site\": \"cervix\"}, \"id\": \"");
	memset(text + len, 'x', n);
	len += n;
	len += (size_t)sprintf(text + len, "\"}");
	doc = evaluate_expect(engine, text, len, ONCO_EINVALID);
	CU_ASSERT(has_error(doc, "/id", "longer than the limit"));
	cJSON_Delete(doc);
	free(text);
	onco_engine_free(engine);
}

static void test_list_over_the_item_limit_points_at_the_list(void)
{
	onco_engine *engine = open_with(NULL, 0, 0);
	char *text = malloc(257 * 10 + 128);
	size_t len, i;
	cJSON *doc;

	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	len = (size_t)sprintf(text, "{\"id\": \"list\", \"cancer\": {\"site\": \"cervix\"}, \"symptoms\": [");
	for (i = 0; i < 257; i++)
		len += (size_t)sprintf(text + len, "%s\"pain\"", i ? "," : "");
	len += (size_t)sprintf(text + len, "]}");
	doc = evaluate_expect(engine, text, len, ONCO_EINVALID);
	CU_ASSERT(has_error(doc, "/symptoms", "longer than the limit"));
	cJSON_Delete(doc);
	free(text);
	onco_engine_free(engine);
}

static void test_firing_limit_gives_a_limit_error_document(void)
{
	onco_engine *engine = open_with(NULL, 1, 0);
	cJSON *doc = evaluate_expect(engine, small_case, strlen(small_case), ONCO_ELIMIT);

	CU_ASSERT_STRING_EQUAL(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(doc, "case")),
			       "lim-1");
	CU_ASSERT(has_error(doc, "", "fired more than 1 times"));
	CU_ASSERT_PTR_NULL(cJSON_GetObjectItemCaseSensitive(doc, "recommendations"));
	cJSON_Delete(doc);
	onco_engine_free(engine);
}

/* The fact limit is exact: the count a normal run ends with passes, one
 * less fails. */
static void test_fact_limit_is_exact_and_gives_a_limit_error_document(void)
{
	onco_engine *engine = open_with(NULL, 0, 0);
	long long total;
	cJSON *doc;

	doc = evaluate_expect(engine, small_case, strlen(small_case), 0);
	cJSON_Delete(doc);
	total = (long long)GetNumberOfFacts(engine->env);
	onco_engine_free(engine);

	engine = open_with(NULL, 0, total);
	doc = evaluate_expect(engine, small_case, strlen(small_case), 0);
	cJSON_Delete(doc);
	onco_engine_free(engine);

	engine = open_with(NULL, 0, total - 1);
	doc = evaluate_expect(engine, small_case, strlen(small_case), ONCO_ELIMIT);
	CU_ASSERT(has_error(doc, "", "more than"));
	CU_ASSERT(has_error(doc, "", "facts"));
	cJSON_Delete(doc);
	/* The engine stays usable after a limit. */
	onco_engine_free(engine);
}

/* A rule base that adds a fact at every firing is halted by the fact limit
 * long before the firing limit. */
static void test_fact_limit_halts_a_run_that_multiplies_facts(void)
{
	onco_engine *engine = open_with(FIXTURES "/kb-grow", 10000000, 2000);
	cJSON *doc;

	doc = evaluate_expect(engine, small_case, strlen(small_case), ONCO_ELIMIT);
	CU_ASSERT(has_error(doc, "", "more than 2000 facts"));
	CU_ASSERT(GetNumberOfFacts(engine->env) <= 2001);
	cJSON_Delete(doc);
	/* The same engine answers the next case (and hits the limit again). */
	doc = evaluate_expect(engine, small_case, strlen(small_case), ONCO_ELIMIT);
	cJSON_Delete(doc);
	onco_engine_free(engine);
}

static cJSON *string_list(const char *const *values, size_t nvalues, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	size_t i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(values[i % nvalues]));
	return a;
}

/* Every list at its 256-item limit, every drug in every prior treatment:
 * the largest valid case. It must finish quickly with a result or a limit
 * error, whatever the rules do with it. */
static void test_case_with_every_list_at_its_limit_finishes(void)
{
	static const char *const mets[] = {"bone", "liver", "lung", "brain", "skin"};
	static const char *const sites[] = {"central-pelvis", "pelvic-side-wall", "vagina"};
	static const char *const symptoms[] = {"pain", "bleeding", "bone-pain", "fracture"};
	onco_engine *engine = open_with(NULL, 0, 0);
	size_t ndrugs, i;
	const char *const *drugs = onco_vocabulary_drugs(&ndrugs);
	cJSON *c = cJSON_CreateObject(), *cancer, *rec, *list, *item, *doc;
	char *text, *out = NULL;
	onco_error err;
	clock_t t0;
	int rc;

	cJSON_AddStringToObject(c, "id", "every-list-full");
	cancer = cJSON_AddObjectToObject(c, "cancer");
	cJSON_AddStringToObject(cancer, "site", "cervix");
	cJSON_AddStringToObject(cancer, "stage", "IVB");
	cJSON_AddTrueToObject(cancer, "recurrent");
	cJSON_AddItemToObject(cancer, "metastases", string_list(mets, 5, 256));
	rec = cJSON_AddObjectToObject(cancer, "recurrence");
	cJSON_AddItemToObject(rec, "sites", string_list(sites, 3, 256));
	cJSON_AddItemToObject(c, "symptoms", string_list(symptoms, 4, 256));
	list = cJSON_AddArrayToObject(c, "prior_treatments");
	for (i = 0; i < 256; i++) {
		item = cJSON_CreateObject();
		cJSON_AddStringToObject(item, "type", "chemoradiation");
		cJSON_AddStringToObject(item, "region", "pelvis");
		cJSON_AddItemToObject(item, "agents", string_list(drugs, ndrugs, ndrugs));
		cJSON_AddItemToArray(list, item);
	}
	list = cJSON_AddArrayToObject(c, "medications");
	for (i = 0; i < 256; i++) {
		item = cJSON_CreateObject();
		cJSON_AddStringToObject(item, "agent", drugs[i % ndrugs]);
		cJSON_AddStringToObject(item, "status", "active");
		cJSON_AddNumberToObject(item, "last_dose_days_ago", (double)(i % 60));
		cJSON_AddItemToArray(list, item);
	}
	list = cJSON_AddArrayToObject(c, "planned_procedures");
	for (i = 0; i < 256; i++) {
		item = cJSON_CreateObject();
		cJSON_AddStringToObject(item, "type", "elective-surgery");
		cJSON_AddNumberToObject(item, "days_from_now", (double)(i % 60));
		cJSON_AddItemToArray(list, item);
	}
	list = cJSON_AddArrayToObject(c, "adverse_events");
	for (i = 0; i < 256; i++) {
		item = cJSON_CreateObject();
		cJSON_AddStringToObject(item, "type", "haemorrhage");
		cJSON_AddNumberToObject(item, "grade", 3);
		cJSON_AddStringToObject(item, "agent", "bevacizumab");
		cJSON_AddItemToArray(list, item);
	}
	text = cJSON_PrintUnformatted(c);
	cJSON_Delete(c);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);

	t0 = clock();
	rc = onco_engine_evaluate(engine, text, strlen(text), 0, &out, &err);
	/* Generous: 30 s of CPU even under sanitizers; a hang never ends. */
	CU_ASSERT((double)(clock() - t0) / CLOCKS_PER_SEC < 30.0);
	CU_ASSERT(rc == 0 || rc == ONCO_ELIMIT);
	if (rc != 0 && rc != ONCO_ELIMIT)
		fprintf(stderr, "\n  got %d: %s %.300s\n", rc, err.message, out ? out : "");
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	doc = cJSON_Parse(out);
	CU_ASSERT_PTR_NOT_NULL(doc);
	cJSON_Delete(doc);
	free(out);
	free(text);
	onco_engine_free(engine);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_case_over_the_size_limit_is_refused_as_a_whole),
		ONCO_TEST(test_nesting_over_the_depth_limit_points_where_it_happened),
		ONCO_TEST(test_string_over_the_length_limit_points_at_the_string),
		ONCO_TEST(test_list_over_the_item_limit_points_at_the_list),
		ONCO_TEST(test_firing_limit_gives_a_limit_error_document),
		ONCO_TEST(test_fact_limit_is_exact_and_gives_a_limit_error_document),
		ONCO_TEST(test_fact_limit_halts_a_run_that_multiplies_facts),
		ONCO_TEST(test_case_with_every_list_at_its_limit_finishes),
	};

	return ONCO_RUN_SUITE("limits", tests);
}
