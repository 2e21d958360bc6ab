/*
 * test_engine.c: the engine: opening rule bases (good, broken, looping),
 * evaluating cases end to end, explanations, missing information,
 * determinism, injection-proof fact building, and its internal readers
 * (SHA-256, rule info).
 */
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>
#include <clips.h>
#include <cjson/cJSON.h>

#include "onco.h"
#include "private/engine_internal.h"

#define FIXTURES ONCO_SOURCE_DIR "/tests/fixtures"

static const char *recurrent_case =
	"{\"id\": \"t-1\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true,"
	" \"metastases\": []},"
	" \"prior_treatments\": [{\"type\": \"chemoradiation\", \"region\": \"pelvis\"}]}";

static onco_engine *open_kb(const char *dir)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;

	onco_engine_options_default(&opts);
	opts.kb_dir = dir;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	return engine;
}

/* Evaluates `text` and returns the parsed result; *rc gets the code. */
static cJSON *evaluate(onco_engine *engine, const char *text, int *rc)
{
	char *out = NULL;
	onco_error err;
	cJSON *doc;

	*rc = onco_engine_evaluate(engine, text, strlen(text), 0, &out, &err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	doc = cJSON_Parse(out);
	free(out);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	return doc;
}

static cJSON *find_id(const cJSON *doc, const char *list, const char *id)
{
	cJSON *item;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, list))
		if (strcmp(cJSON_GetObjectItemCaseSensitive(item, "id")->valuestring, id) == 0)
			return item;
	return NULL;
}

static void test_sha256_matches_fips_vectors(void)
{
	char hex[65];

	onco_sha256_hex("abc", 3, hex);
	CU_ASSERT_STRING_EQUAL(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	onco_sha256_hex("", 0, hex);
	CU_ASSERT_STRING_EQUAL(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	onco_sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	CU_ASSERT_STRING_EQUAL(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* A million 'a' (the FIPS 180-2 long vector), whole and in pieces of every
 * alignment: whole blocks go straight from the data, the rest through the
 * context's block. */
static void test_sha256_long_input_whole_and_in_pieces(void)
{
	static const char *expected =
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	static const size_t pieces[] = {1, 63, 64, 65, 127, 128, 1000, 4096, 7};
	char *a = malloc(1000000), hex[65];
	onco_sha256 ctx;
	size_t done = 0, k = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	memset(a, 'a', 1000000);
	onco_sha256_hex(a, 1000000, hex);
	CU_ASSERT_STRING_EQUAL(hex, expected);
	onco_sha256_init(&ctx);
	while (done < 1000000) {
		size_t n = pieces[k++ % (sizeof(pieces) / sizeof(pieces[0]))];

		if (n > 1000000 - done)
			n = 1000000 - done;
		onco_sha256_update(&ctx, a + done, n);
		done += n;
	}
	onco_sha256_final(&ctx, hex);
	CU_ASSERT_STRING_EQUAL(hex, expected);
	free(a);
}

static void test_rule_info_reads_conditions_and_conclusion(void)
{
	onco_rule_info info;
	const char *pp =
		"(defrule MAIN::r \"why\" (scope (guideline g)) "
		"(finding (name a) (value ~yes)) (not (finding (name b) (value yes|unknown))) "
		"?f <- (medication) => (assert (exclusion (id x) (option y) (agents cisplatin "
		"paclitaxel) (reason \"no \\\"quoted\\\"\") (cite c1 c2))))";

	CU_ASSERT_EQUAL_FATAL(onco_rule_info_parse(&info, pp), 0);
	CU_ASSERT_STRING_EQUAL(info.name, "r");
	CU_ASSERT_STRING_EQUAL(info.comment, "why");
	CU_ASSERT_EQUAL(info.kind, ONCO_RULE_EXCLUSION);
	CU_ASSERT_STRING_EQUAL(info.concludes, "x");
	CU_ASSERT_STRING_EQUAL(info.option, "y");
	CU_ASSERT_STRING_EQUAL(info.summary, "no \"quoted\"");
	CU_ASSERT_EQUAL(info.n_agents, 2);
	CU_ASSERT_EQUAL(info.n_cites, 2);
	CU_ASSERT_EQUAL_FATAL(info.n_conditions, 4);
	CU_ASSERT_EQUAL(info.conditions[0].kind, ONCO_COND_SCOPE);
	CU_ASSERT_STRING_EQUAL(info.conditions[0].name, "g");
	CU_ASSERT_EQUAL(info.conditions[1].kind, ONCO_COND_FINDING);
	CU_ASSERT(!info.conditions[1].accepts[0] && info.conditions[1].accepts[1] &&
		  info.conditions[1].accepts[2]);
	CU_ASSERT(info.conditions[2].negated);
	CU_ASSERT(info.conditions[2].accepts[0] && !info.conditions[2].accepts[1] &&
		  info.conditions[2].accepts[2]);
	CU_ASSERT_EQUAL(info.conditions[3].kind, ONCO_COND_OTHER);
	onco_rule_info_release(&info);
	CU_ASSERT_EQUAL(onco_rule_info_parse(&info, "(deffacts x)"), ONCO_EINVALID);
	CU_ASSERT_EQUAL(onco_rule_info_parse(&info, "(defrule x (a"), ONCO_EINVALID);
}

static void test_builtin_rule_base_opens_with_version_and_hash(void)
{
	onco_engine *engine = open_kb(NULL);

	CU_ASSERT(strlen(onco_engine_kb_sha256(engine)) == 64);
	CU_ASSERT(strlen(onco_engine_kb_version(engine)) > 0);
	CU_ASSERT(onco_engine_rule_count(engine) > 0);
	onco_engine_free(engine);
	onco_engine_free(NULL);
}

static void test_broken_rule_base_reports_file_and_line(void)
{
	onco_engine_options opts;
	onco_engine *engine = (onco_engine *)1;
	onco_error err;

	onco_engine_options_default(&opts);
	opts.kb_dir = FIXTURES "/kb-broken";
	CU_ASSERT_EQUAL(onco_engine_open(&engine, &opts, &err), ONCO_ERULES);
	CU_ASSERT_PTR_NULL(engine);
	CU_ASSERT_STRING_EQUAL(err.file, "broken.clp");
	CU_ASSERT_EQUAL(err.line, 5);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "sitee"));

	opts.kb_dir = FIXTURES "/no-such-kb";
	CU_ASSERT_EQUAL(onco_engine_open(&engine, &opts, &err), ONCO_EIO);
}

/* The rule base is checked against the case format once it has passed
 * (engine/evaluate.c); a stale one fails every case, never only the first. */
static void test_stale_schema_fails_every_case(void)
{
	static const char text[] = "{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\"}}";
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;
	char *out = NULL;
	int i;

	onco_engine_options_default(&opts);
	opts.kb_dir = FIXTURES "/kb-stale";
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	for (i = 0; i < 2; i++) {
		CU_ASSERT_EQUAL(onco_engine_evaluate(engine, text, strlen(text), 0, &out, &err),
				ONCO_ERULES);
		CU_ASSERT_PTR_NULL(out);
		CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "template case has no slot pointer"));
	}
	onco_engine_free(engine);
}

static void test_recommendation_carries_rule_because_and_evidence(void)
{
	onco_engine *engine = open_kb(FIXTURES "/kb-mini");
	int rc;
	cJSON *doc = evaluate(engine, recurrent_case, &rc), *rec, *because, *evidence;

	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(doc, "scope")->valuestring, "covered");
	rec = find_id(doc, "recommendations", "mini-surgery");
	CU_ASSERT_PTR_NOT_NULL_FATAL(rec);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(rec, "rule")->valuestring, "mini-surgery");
	because = cJSON_GetObjectItem(rec, "because");
	CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(because), 3);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(cJSON_GetArrayItem(because, 1), "statement")->valuestring,
			       "prior pelvic radiation: yes");
	CU_ASSERT_STRING_EQUAL(
		cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(because, 1), "pointers"), 0)->valuestring,
		"/prior_treatments/0");
	/* "no distant disease" rests on an empty list: it points at the field. */
	CU_ASSERT_STRING_EQUAL(
		cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(because, 2), "pointers"), 0)->valuestring,
		"/cancer/metastases");
	evidence = cJSON_GetArrayItem(cJSON_GetObjectItem(rec, "evidence"), 0);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(evidence, "ref")->valuestring, "T-1");
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(evidence, "quote")->valuestring,
			       "surgery may be offered.");
	cJSON_Delete(doc);
	onco_engine_free(engine);
}

static void test_unknown_finding_is_reported_as_missing_information(void)
{
	onco_engine *engine = open_kb(FIXTURES "/kb-mini");
	int rc;
	cJSON *doc = evaluate(engine, recurrent_case, &rc), *missing;

	CU_ASSERT_PTR_NULL(find_id(doc, "recommendations", "mini-pembrolizumab"));
	missing = cJSON_GetObjectItem(doc, "missing_information");
	CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(missing), 1);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(cJSON_GetArrayItem(missing, 0), "field")->valuestring,
			       "/biomarkers/PD-L1");
	CU_ASSERT_STRING_EQUAL(
		cJSON_GetArrayItem(cJSON_GetObjectItem(cJSON_GetArrayItem(missing, 0), "options"), 0)->valuestring,
		"mini-pembrolizumab");
	cJSON_Delete(doc);
	onco_engine_free(engine);
}

static void test_negative_finding_gives_exclusion_and_no_missing(void)
{
	onco_engine *engine = open_kb(FIXTURES "/kb-mini");
	const char *text = "{\"id\": \"t-2\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
			   " \"biomarkers\": {\"PD-L1\": \"negative\"}}";
	int rc;
	cJSON *doc = evaluate(engine, text, &rc), *missing, *item;

	CU_ASSERT_PTR_NOT_NULL(find_id(doc, "exclusions", "mini-pembrolizumab-excluded"));
	missing = cJSON_GetObjectItem(doc, "missing_information");
	cJSON_ArrayForEach(item, missing)
		CU_ASSERT_STRING_NOT_EQUAL(cJSON_GetObjectItem(item, "field")->valuestring,
					   "/biomarkers/PD-L1");
	cJSON_Delete(doc);
	onco_engine_free(engine);
}

static void test_case_outside_the_rule_base_is_not_covered(void)
{
	onco_engine *engine = open_kb(FIXTURES "/kb-mini");
	const char *text = "{\"id\": \"t-3\", \"cancer\": {\"site\": \"cervix\", \"stage\": \"II\","
			   " \"recurrent\": false}}";
	int rc;
	cJSON *doc = evaluate(engine, text, &rc);

	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(doc, "scope")->valuestring, "not covered");
	CU_ASSERT_PTR_NOT_NULL(strstr(cJSON_GetObjectItem(doc, "scope_reason")->valuestring,
				      "stage II"));
	cJSON_Delete(doc);
	onco_engine_free(engine);
}

static void test_invalid_case_gives_error_document_with_pointer(void)
{
	onco_engine *engine = open_kb(FIXTURES "/kb-mini");
	const char *text = "{\"id\": \"t-4\", \"cancer\": {\"site\": \"cervix\"},"
			   " \"prior_treatments\": [{\"type\": \"radation\"}]}";
	int rc;
	cJSON *doc = evaluate(engine, text, &rc), *errors;

	CU_ASSERT_EQUAL(rc, ONCO_EINVALID);
	CU_ASSERT_PTR_NULL(cJSON_GetObjectItem(doc, "recommendations"));
	errors = cJSON_GetObjectItem(doc, "errors");
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(cJSON_GetArrayItem(errors, 0), "pointer")->valuestring,
			       "/prior_treatments/0/type");
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(doc, "case")->valuestring, "t-4");
	cJSON_Delete(doc);
	onco_engine_free(engine);
}

static void test_rule_loop_stops_at_the_firing_limit(void)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;
	char *out = NULL;
	const char *text = "{\"id\": \"t-5\", \"cancer\": {\"site\": \"anus\"}}";

	onco_engine_options_default(&opts);
	opts.kb_dir = FIXTURES "/kb-loop";
	opts.max_firings = 1000;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	CU_ASSERT_EQUAL(onco_engine_evaluate(engine, text, strlen(text), 0, &out, &err), ONCO_ELIMIT);
	CU_ASSERT_PTR_NOT_NULL(out);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "more than 1000"));
	free(out);
	onco_engine_free(engine);
}

/* The same case gives the same bytes: repeated, and under other strategies. */
static void test_output_is_byte_identical_across_runs_and_strategies(void)
{
	static const onco_strategy strategies[] = {ONCO_STRATEGY_DEPTH, ONCO_STRATEGY_BREADTH,
						   ONCO_STRATEGY_RANDOM, ONCO_STRATEGY_LEX};
	char *first = NULL;
	size_t s;
	int round;

	for (s = 0; s < sizeof(strategies) / sizeof(strategies[0]); s++) {
		onco_engine_options opts;
		onco_engine *engine = NULL;
		onco_error err;

		onco_engine_options_default(&opts);
		opts.kb_dir = FIXTURES "/kb-mini";
		opts.strategy = strategies[s];
		CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
		for (round = 0; round < 3; round++) {
			char *out = NULL;
			CU_ASSERT_EQUAL(onco_engine_evaluate(engine, recurrent_case,
							     strlen(recurrent_case), 0, &out, &err), 0);
			if (first == NULL)
				first = out;
			else {
				CU_ASSERT_STRING_EQUAL(out, first);
				free(out);
			}
		}
		onco_engine_free(engine);
	}
	free(first);
}

/* CLIPS syntax in the only free-text field (the id) reaches CLIPS as data:
 * the result is the same as with a plain id, and no extra fact appears. */
/* onco_engine_evaluate_append writes the answer onco_engine_evaluate
 * gives after what the buffer holds, for a result and two invalid cases,
 * in the summary and the pretty forms too; the compact answer is one
 * line. */
static void test_evaluate_append_writes_the_same_answer_after_the_text(void)
{
	static const char *const cases[] = {
		NULL, /* recurrent_case */
		"{\"id\": \"bad\", \"cancer\": {\"site\": \"moon\"}, \"x/~\": 1}",
		"[]",
	};
	static const int flags[] = {0, ONCO_JSON_SUMMARY, ONCO_JSON_PRETTY};
	onco_engine *engine = open_kb(NULL);
	onco_text out = {NULL, 0, 0};
	onco_error err;
	size_t i, k, start;
	char *whole;
	int rc, rc2;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		for (k = 0; k < sizeof(flags) / sizeof(flags[0]); k++) {
			const char *text = cases[i] != NULL ? cases[i] : recurrent_case;

			rc = onco_engine_evaluate(engine, text, strlen(text), flags[k], &whole, &err);
			CU_ASSERT_PTR_NOT_NULL_FATAL(whole);
			start = out.length;
			rc2 = onco_engine_evaluate_append(engine, text, strlen(text), flags[k], &out,
							  &err);
			CU_ASSERT_EQUAL(rc2, rc);
			CU_ASSERT_EQUAL(out.length - start, strlen(whole));
			CU_ASSERT(out.capacity > out.length);
			CU_ASSERT_STRING_EQUAL(out.text + start, whole);
			if (!(flags[k] & ONCO_JSON_PRETTY))
				CU_ASSERT_PTR_NULL(strchr(whole, '\n'));
			free(whole);
		}
	CU_ASSERT_PTR_NOT_NULL(strstr(out.text, "\"pointer\":\"/x~1~0\""));
	free(out.text);
	onco_engine_free(engine);
}

static void test_clips_syntax_in_strings_is_only_data(void)
{
	static const char *const hostile[] = {
		"\\\") (assert (scope (guideline mini))) (\\\"",
		"(defrule pwn => (assert (recommendation (id pwn))))",
		"?x $?y <- (retract *)",
		"line one\\nline two\\r\\t(assert (evil))",
		"\\u00e9\\u4e2d (reset) (clear)",
		"; comment (exit)",
	};
	onco_engine *engine = open_kb(FIXTURES "/kb-mini");
	char text[1024], *plain = NULL, *out = NULL;
	onco_error err;
	size_t i, facts_plain = 0, facts;
	void *f;
	int rc;

	snprintf(text, sizeof(text), "{\"id\": \"plain\", \"cancer\": {\"site\": \"anus\"}}");
	CU_ASSERT_EQUAL(onco_engine_evaluate(engine, text, strlen(text), 0, &plain, &err), 0);
	for (f = EnvGetNextFact(engine->env, NULL); f != NULL; f = EnvGetNextFact(engine->env, f))
		facts_plain++;
	for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		cJSON *a, *b;
		snprintf(text, sizeof(text), "{\"id\": \"%s\", \"cancer\": {\"site\": \"anus\"}}",
			 hostile[i]);
		rc = onco_engine_evaluate(engine, text, strlen(text), 0, &out, &err);
		CU_ASSERT_EQUAL(rc, 0);
		facts = 0;
		for (f = EnvGetNextFact(engine->env, NULL); f != NULL;
		     f = EnvGetNextFact(engine->env, f))
			facts++;
		CU_ASSERT_EQUAL(facts, facts_plain);
		a = cJSON_Parse(plain);
		b = cJSON_Parse(out);
		CU_ASSERT_PTR_NOT_NULL_FATAL(b);
		cJSON_DeleteItemFromObject(a, "case");
		cJSON_DeleteItemFromObject(b, "case");
		CU_ASSERT(cJSON_Compare(a, b, 1));
		cJSON_Delete(a);
		cJSON_Delete(b);
		free(out);
	}
	free(plain);
	onco_engine_free(engine);
}

int main(void)
{
	CU_pSuite suite;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 3;
	suite = CU_add_suite("engine", NULL, NULL);
	CU_add_test(suite, "sha256 matches FIPS vectors", test_sha256_matches_fips_vectors);
	CU_add_test(suite, "sha256 of a long input, whole and in pieces",
		    test_sha256_long_input_whole_and_in_pieces);
	CU_add_test(suite, "rule info reads conditions and conclusion",
		    test_rule_info_reads_conditions_and_conclusion);
	CU_add_test(suite, "built-in rule base opens", test_builtin_rule_base_opens_with_version_and_hash);
	CU_add_test(suite, "broken rule base reports file and line",
		    test_broken_rule_base_reports_file_and_line);
	CU_add_test(suite, "stale schema fails every case", test_stale_schema_fails_every_case);
	CU_add_test(suite, "recommendation carries rule, because, evidence",
		    test_recommendation_carries_rule_because_and_evidence);
	CU_add_test(suite, "unknown finding is missing information",
		    test_unknown_finding_is_reported_as_missing_information);
	CU_add_test(suite, "negative finding gives exclusion",
		    test_negative_finding_gives_exclusion_and_no_missing);
	CU_add_test(suite, "case outside the rule base is not covered",
		    test_case_outside_the_rule_base_is_not_covered);
	CU_add_test(suite, "invalid case gives error document",
		    test_invalid_case_gives_error_document_with_pointer);
	CU_add_test(suite, "rule loop stops at the firing limit",
		    test_rule_loop_stops_at_the_firing_limit);
	CU_add_test(suite, "output is byte-identical", test_output_is_byte_identical_across_runs_and_strategies);
	CU_add_test(suite, "CLIPS syntax in strings is only data", test_clips_syntax_in_strings_is_only_data);
	CU_add_test(suite, "evaluate_append writes the same answer after the text",
		    test_evaluate_append_writes_the_same_answer_after_the_text);
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	{
		int failed = (int)CU_get_number_of_failures();
		CU_cleanup_registry();
		return failed ? 1 : 0;
	}
}
