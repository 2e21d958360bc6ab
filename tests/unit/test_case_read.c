/*
 * test_case_read.c: reading and validating a case (onco_case_read): every
 * kind of invalid input must come back as issues with exact JSON pointers,
 * all of them, in document order, and nothing hostile may crash the reader.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "onco_facts.h"
#include "suite.h"

/* A full case of each site; every field the vocabulary has appears in one
 * of them. */
static const char cervix_case[] =
	"{\"id\": \"cervix-1\","
	" \"patient\": {\"age\": 52, \"sex\": \"female\","
	"  \"menopausal_status\": \"post\", \"ecog\": 1},"
	" \"cancer\": {\"site\": \"cervix\", \"histology\": \"squamous-cell-carcinoma\","
	"  \"stage\": \"IIB\", \"recurrent\": true, \"rapid_progression\": false,"
	"  \"isolated_metastasis\": false, \"metastases\": [],"
	"  \"recurrence\": {\"sites\": [\"central-pelvis\", \"vagina\"],"
	"   \"side_wall\": false, \"size_cm\": 3.5, \"small\": true,"
	"   \"multiple_pelvic_nodes\": false, \"resectable\": true,"
	"   \"bulky_in_irradiated_field\": false}},"
	" \"imaging\": [{\"type\": \"pet-ct\", \"distant_disease\": false, \"days_ago\": 14}],"
	" \"biomarkers\": {\"PD-L1\": \"positive\"},"
	" \"prior_treatments\": [{\"type\": \"chemoradiation\", \"region\": \"pelvis\","
	"  \"agents\": [\"cisplatin\"], \"setting\": \"primary\", \"response\": \"complete\","
	"  \"progressed_after\": true, \"ongoing\": false, \"tolerated\": true}],"
	" \"medications\": [{\"agent\": \"bevacizumab\", \"status\": \"stopped\","
	"  \"last_dose_days_ago\": 30}],"
	" \"planned_procedures\": [{\"type\": \"elective-surgery\", \"days_from_now\": 10}],"
	" \"symptoms\": [\"pain\", \"bleeding\"],"
	" \"adverse_events\": [{\"type\": \"fistula\", \"grade\": 3, \"agent\": \"bevacizumab\"}],"
	" \"preferences\": {\"declines_active_treatment\": false,"
	"  \"declines_chemotherapy\": false, \"declines_other_hormonal_therapy\": false},"
	" \"fitness\": {\"chemotherapy_suitable\": true, \"active_treatment_possible\": true}}";

static const char breast_case[] =
	"{\"id\": \"breast-1\", \"patient\": {\"age\": 61, \"sex\": \"female\","
	"  \"menopausal_status\": \"post\"},"
	" \"cancer\": {\"site\": \"breast\", \"histology\": \"ductal-carcinoma\","
	"  \"stage\": \"IV\", \"metastases\": [\"bone\", \"liver\"]},"
	" \"biomarkers\": {\"ER\": \"positive\", \"PR\": \"negative\", \"HER2\": \"unknown\"},"
	" \"prior_treatments\": [{\"type\": \"hormonal\", \"agents\": [\"letrozole\"],"
	"  \"setting\": \"metastatic\", \"progressed_after\": true}],"
	" \"symptoms\": [\"bone-pain\"]}";

static const char anal_case[] =
	"{\"id\": \"anal-1\", \"cancer\": {\"site\": \"anus\","
	" \"histology\": \"squamous-cell-carcinoma\", \"stage\": \"IV\","
	" \"metastases\": [\"liver\"]}, \"prior_treatments\": [],"
	" \"fitness\": {\"chemotherapy_suitable\": true}}";

static int read_n(const char *text, size_t length, const onco_case_limits *l,
		  onco_case **c, onco_case_issues *issues)
{
	memset(issues, 0, sizeof(*issues));
	return onco_case_read(c, text, length, l, issues);
}

static int read_text(const char *text, onco_case **c, onco_case_issues *issues)
{
	return read_n(text, strlen(text), NULL, c, issues);
}

/* The message of the issue at `pointer`, or NULL. */
static const char *issue_at(const onco_case_issues *issues, const char *pointer)
{
	size_t i;

	for (i = 0; i < issues->count; i++)
		if (strcmp(issues->items[i].pointer, pointer) == 0)
			return issues->items[i].message;
	return NULL;
}

/* Reads `text`, expects it invalid with exactly one issue at `pointer`
 * whose message contains `words`. */
static void expect_one_issue(const char *text, size_t length,
			     const onco_case_limits *limits,
			     const char *pointer, const char *words)
{
	onco_case *c = NULL;
	onco_case_issues issues;

	CU_ASSERT_EQUAL(read_n(text, length, limits, &c, &issues), ONCO_EINVALID);
	CU_ASSERT_PTR_NULL(c);
	CU_ASSERT_EQUAL(issues.count, 1);
	if (issues.count >= 1) {
		CU_ASSERT_STRING_EQUAL(issues.items[0].pointer, pointer);
		CU_ASSERT_PTR_NOT_NULL(strstr(issues.items[0].message, words));
		if (strstr(issues.items[0].message, words) == NULL ||
		    strcmp(issues.items[0].pointer, pointer) != 0)
			fprintf(stderr, "\n  got %s: %s\n", issues.items[0].pointer,
				issues.items[0].message);
	}
	onco_case_issues_free(&issues);
}

static void expect_issue(const char *text, const char *pointer, const char *words)
{
	expect_one_issue(text, strlen(text), NULL, pointer, words);
}

static void expect_valid(const char *text)
{
	onco_case *c = NULL;
	onco_case_issues issues;
	int rc = read_text(text, &c, &issues);

	CU_ASSERT_EQUAL(rc, 0);
	CU_ASSERT_PTR_NOT_NULL(c);
	CU_ASSERT_EQUAL(issues.count, 0);
	if (issues.count > 0)
		fprintf(stderr, "\n  unexpected %s: %s\n", issues.items[0].pointer,
			issues.items[0].message);
	onco_case_free(c);
	onco_case_issues_free(&issues);
}

/* ---------------------------------------------------------- valid */

static void test_case_accepts_full_cervix_case(void)
{
	onco_case *c = NULL;
	onco_case_issues issues;

	CU_ASSERT_EQUAL(read_text(cervix_case, &c, &issues), 0);
	CU_ASSERT_STRING_EQUAL(onco_case_id(c), "cervix-1");
	onco_case_free(c);
	onco_case_issues_free(&issues);
}

static void test_case_accepts_full_breast_case(void)
{
	expect_valid(breast_case);
}

static void test_case_accepts_full_anal_case(void)
{
	expect_valid(anal_case);
}

static void test_case_accepts_minimal_case_and_empty_lists(void)
{
	expect_valid("{\"id\": \"m\", \"cancer\": {\"site\": \"anus\"}}");
	expect_valid("{\"id\": \"m\", \"cancer\": {\"site\": \"anus\", \"metastases\": []},"
		     " \"symptoms\": [], \"prior_treatments\": [], \"biomarkers\": {}}");
}

static void test_case_accepts_utf8_bom(void)
{
	expect_valid("\xef\xbb\xbf{\"id\": \"bom\", \"cancer\": {\"site\": \"anus\"}}");
}

static void test_case_accepts_negative_zero_and_whole_floats(void)
{
	expect_valid("{\"id\": \"z\", \"patient\": {\"age\": -0, \"ecog\": 1.0},"
		     " \"cancer\": {\"site\": \"cervix\", \"recurrence\": {\"size_cm\": -0}}}");
	expect_valid("{\"id\": \"z\", \"patient\": {\"age\": 5e1},"
		     " \"cancer\": {\"site\": \"cervix\"}}");
}

static void test_case_accepts_unicode_id(void)
{
	expect_valid("{\"id\": \"patient \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 \\u00e9\\ud83d\\ude00\","
		     " \"cancer\": {\"site\": \"anus\"}}");
}

/* ---------------------------------------------------------- not JSON */

static void test_case_rejects_not_json_naming_byte_offset(void)
{
	/* offset 22 is the x */
	expect_issue("{\"id\": \"a\", \"cancer\": x}", "",
		     "not valid JSON: unexpected character at byte 22 (line 1, column 23)");
	expect_issue("{\"id\": \"a\",\n \"cancer\": {,}}", "", "(line 2, column");
	expect_issue("{\"id\": NaN}", "", "not valid JSON");
	expect_issue("{\"id\": \"a\",}", "", "at byte 11");
}

static void test_case_rejects_truncated_json_as_end_of_input(void)
{
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": ", "",
		     "unexpected end of input at byte 31");
	expect_issue("{\"id\": \"abc", "", "unexpected end of input");
}

static void test_case_rejects_content_after_the_case(void)
{
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"}} {}", "",
		     "at byte 40");
}

static void test_case_rejects_empty_input(void)
{
	onco_case *c = (onco_case *)&c;
	onco_case_issues issues;

	expect_one_issue("", 0, NULL, "", "empty");
	expect_issue(" \n\t ", "", "empty");
	memset(&issues, 0, sizeof(issues));
	CU_ASSERT_EQUAL(onco_case_read(&c, NULL, 0, NULL, &issues), ONCO_EINVALID);
	CU_ASSERT_PTR_NULL(c);
	onco_case_issues_free(&issues);
}

static void test_case_rejects_text_that_is_not_an_object(void)
{
	expect_issue("[{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"}}]", "",
		     "must be a JSON object, got a list");
	expect_issue("\"case\"", "", "got a string");
	expect_issue("null", "", "got null");
}

static void test_case_text_need_not_be_nul_terminated(void)
{
	const char text[] = "{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"}}garbage";
	onco_case *c = NULL;
	onco_case_issues issues;

	CU_ASSERT_EQUAL(read_n(text, strlen(text) - 7, NULL, &c, &issues), 0);
	onco_case_free(c);
	onco_case_issues_free(&issues);
}

/* ---------------------------------------------------------- vocabulary */

static void test_case_rejects_unknown_treatment_type(void)
{
	onco_case *c = NULL;
	onco_case_issues issues;

	CU_ASSERT_EQUAL(read_text("{\"id\": \"a\", \"cancer\": {\"site\": \"cervix\"},"
				  " \"prior_treatments\": [{\"type\": \"radation\"}]}",
				  &c, &issues), ONCO_EINVALID);
	CU_ASSERT_EQUAL(issues.count, 1);
	CU_ASSERT_STRING_EQUAL(issues.items[0].pointer, "/prior_treatments/0/type");
	CU_ASSERT_PTR_NOT_NULL(strstr(issues.items[0].message,
		"\"radation\" is not a known value; did you mean \"radiation\"? allowed: radiation, brachytherapy"));
	onco_case_issues_free(&issues);
}

static void test_case_rejects_unknown_key_with_suggestion(void)
{
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"cervix\"},"
		     " \"prior_treatments\": [{\"type\": \"radiation\", \"regoin\": \"pelvis\"}]}",
		     "/prior_treatments/0/regoin",
		     "\"regoin\" is not a known key; did you mean \"region\"?");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"cervix\"},"
		     " \"biomarkers\": {\"pd-l1\": \"positive\"}}",
		     "/biomarkers/pd-l1", "did you mean \"PD-L1\"?");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"cervix\"}, \"notes\": 1}",
		     "/notes", "is not a known key; allowed: id, patient, cancer");
}

static void test_case_rejects_unknown_values_in_lists(void)
{
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"breast\","
		     " \"metastases\": [\"bone\", \"livr\"]}}",
		     "/cancer/metastases/1", "did you mean \"liver\"?");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"breast\"},"
		     " \"prior_treatments\": [{\"type\": \"chemotherapy\","
		     " \"agents\": [\"paclitaxel\", \"5-FU\"]}]}",
		     "/prior_treatments/0/agents/1", "\"5-FU\" is not a known value");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"lung\"}}",
		     "/cancer/site", "allowed: cervix, anus, breast");
}

static void test_case_rejects_wrong_types(void)
{
	expect_issue("{\"id\": 7, \"cancer\": {\"site\": \"anus\"}}", "/id",
		     "expected a string, got a number");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"},"
		     " \"patient\": {\"age\": \"52\"}}",
		     "/patient/age", "expected a whole number, got a string");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\", \"recurrent\": \"yes\"}}",
		     "/cancer/recurrent", "expected true or false, got a string");
	expect_issue("{\"id\": \"a\", \"cancer\": null}", "/cancer",
		     "expected an object, got null");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"}, \"symptoms\": \"pain\"}",
		     "/symptoms", "expected a list, got a string");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"}, \"imaging\": [\"ct\"]}",
		     "/imaging/0", "expected an object, got a string");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\", \"stage\": 4}}",
		     "/cancer/stage", "expected a string, got the number 4");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\","
		     " \"recurrence\": {\"size_cm\": true}}}",
		     "/cancer/recurrence/size_cm", "expected a number, got a boolean");
}

static void test_case_rejects_out_of_range_numbers(void)
{
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"},"
		     " \"patient\": {\"age\": 131}}",
		     "/patient/age", "must be between 0 and 130; got 131");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"},"
		     " \"patient\": {\"ecog\": -1}}", "/patient/ecog", "between 0 and 4");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\","
		     " \"recurrence\": {\"size_cm\": 100.5}}}",
		     "/cancer/recurrence/size_cm", "between 0 and 100; got 100.5");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"},"
		     " \"adverse_events\": [{\"type\": \"fistula\", \"grade\": 0}]}",
		     "/adverse_events/0/grade", "between 1 and 5");
}

static void test_case_rejects_fraction_for_integer(void)
{
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"},"
		     " \"patient\": {\"ecog\": 2.5}}",
		     "/patient/ecog", "must be a whole number; got 2.5");
}

static void test_case_rejects_huge_numbers(void)
{
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"},"
		     " \"patient\": {\"age\": 1e400}}", "/patient/age", "too large");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\","
		     " \"recurrence\": {\"size_cm\": -1e400}}}",
		     "/cancer/recurrence/size_cm", "too large");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"},"
		     " \"patient\": {\"age\": 1e300}}", "/patient/age", "between 0 and 130");
}

static void test_case_rejects_duplicate_keys(void)
{
	expect_issue("{\"id\": \"a\", \"id\": \"b\", \"cancer\": {\"site\": \"anus\"}}",
		     "/id", "duplicate key");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"},"
		     " \"biomarkers\": {\"ER\": \"positive\", \"ER\": \"negative\"}}",
		     "/biomarkers/ER", "duplicate key");
}

static void test_case_rejects_missing_required_keys(void)
{
	onco_case *c = NULL;
	onco_case_issues issues;

	expect_issue("{\"cancer\": {\"site\": \"anus\"}}", "/id", "required key is missing");
	expect_issue("{\"id\": \"a\"}", "/cancer", "required key is missing");
	expect_issue("{\"id\": \"a\", \"cancer\": {}}", "/cancer/site", "required");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"},"
		     " \"imaging\": [{\"days_ago\": 3}]}", "/imaging/0/type", "required");
	CU_ASSERT_EQUAL(read_text("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"},"
				  " \"medications\": [{}]}", &c, &issues), ONCO_EINVALID);
	CU_ASSERT_EQUAL(issues.count, 2);
	CU_ASSERT_PTR_NOT_NULL(issue_at(&issues, "/medications/0/agent"));
	CU_ASSERT_PTR_NOT_NULL(issue_at(&issues, "/medications/0/status"));
	onco_case_issues_free(&issues);
}

static void test_case_id_must_be_1_to_200_bytes(void)
{
	char text[400];

	expect_issue("{\"id\": \"\", \"cancer\": {\"site\": \"anus\"}}", "/id",
		     "at least 1 byte");
	snprintf(text, sizeof(text), "{\"id\": \"%0201d\", \"cancer\": {\"site\": \"anus\"}}", 0);
	expect_issue(text, "/id", "201 bytes is longer than the limit of 200");
	snprintf(text, sizeof(text), "{\"id\": \"%0200d\", \"cancer\": {\"site\": \"anus\"}}", 0);
	expect_valid(text);
}

static void test_case_reports_all_issues_in_document_order(void)
{
	onco_case *c = NULL;
	onco_case_issues issues;
	static const char *const expected[] = {
		"/patient/age", "/patient/sex", "/cancer/stage",
		"/cancer/metastases/0", "/prior_treatments/0/type",
		"/prior_treatments/1/agents/0", "/prior_treatments/1/type",
		"/symptoms/1"
	};
	size_t i;

	CU_ASSERT_EQUAL(read_text(
		"{\"id\": \"many\", \"patient\": {\"age\": 200, \"sex\": \"f\"},"
		" \"cancer\": {\"site\": \"cervix\", \"stage\": \"V\", \"metastases\": [\"moon\"]},"
		" \"prior_treatments\": [{\"type\": \"radation\"}, {\"agents\": [\"aspirin\"]}],"
		" \"symptoms\": [\"pain\", \"itch\"]}", &c, &issues), ONCO_EINVALID);
	CU_ASSERT_EQUAL(issues.count, 8);
	for (i = 0; i < issues.count && i < 8; i++)
		CU_ASSERT_STRING_EQUAL(issues.items[i].pointer, expected[i]);
	CU_ASSERT_STRING_EQUAL(issues.case_id, "many");
	onco_case_issues_free(&issues);
}

/* A case whose symptoms are `n` times `item` (malloc'd). */
static char *case_with_symptoms(size_t n, const char *item)
{
	const char *head = "{\"id\": \"l\", \"cancer\": {\"site\": \"anus\"}, \"symptoms\": [";
	size_t len = strlen(head), i;
	char *text = malloc(len + n * (strlen(item) + 3) + 3);

	if (text == NULL)
		return NULL;
	strcpy(text, head);
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(text + len, "%s\"%s\"", i > 0 ? "," : "", item);
	strcpy(text + len, "]}");
	return text;
}

static void test_case_issue_list_is_capped(void)
{
	char *text = case_with_symptoms(200, "bad");
	onco_case *c = NULL;
	onco_case_issues issues;

	CU_ASSERT_FATAL(text != NULL);
	CU_ASSERT_EQUAL(read_text(text, &c, &issues), ONCO_EINVALID);
	CU_ASSERT_EQUAL(issues.count, 101);
	CU_ASSERT_STRING_EQUAL(issues.items[99].pointer, "/symptoms/99");
	CU_ASSERT_PTR_NOT_NULL(strstr(issues.items[100].message, "too many problems"));
	onco_case_issues_free(&issues);
	free(text);
}

static void test_case_captures_id_of_invalid_case(void)
{
	onco_case *c = NULL;
	onco_case_issues issues;

	CU_ASSERT_EQUAL(read_text("{\"id\": \"keep-me\", \"cancer\": {\"site\": \"moon\"}}",
				  &c, &issues), ONCO_EINVALID);
	CU_ASSERT_STRING_EQUAL(issues.case_id, "keep-me");
	onco_case_issues_free(&issues);
	CU_ASSERT_EQUAL(read_text("{\"id\": 12, \"cancer\": {}}", &c, &issues), ONCO_EINVALID);
	CU_ASSERT_PTR_NULL(issues.case_id);
	onco_case_issues_free(&issues);
	CU_ASSERT_EQUAL(read_text("{\"id\": \"enc\", \"cancer\": {\"site\": \"a\\u0000\"}}",
				  &c, &issues), ONCO_EINVALID);
	CU_ASSERT_STRING_EQUAL(issues.case_id, "enc");
	onco_case_issues_free(&issues);
}

static void test_case_escapes_pointer_tokens(void)
{
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"}, \"a/b~c\": 1}",
		     "/a~1b~0c", "not a known key");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"}, \"\": 1}",
		     "/", "not a known key");
}

/* The validator writes an issue's pointer from the places of its walk
 * only when it reports: every depth, keys that need "~0" and "~1", item
 * indices past 9, an issue after a deeper one, and the required keys and
 * the "other" keys reported after the members of their object. */
static void test_case_pointers_at_every_depth(void)
{
	onco_case *c = NULL;
	onco_case_issues issues;
	static const char *const expected[] = {
		"/~0r~1",
		"/cancer/recurrence/s~1~0",
		"/cancer/recurrence/size_cm",
		"/cancer/metastases/1",
		"/cancer/x~01",
		"/imaging/0",
		"/imaging/1/days_ago",
		"/imaging/2/type",
		"/prior_treatments/10/agents/2",
		"/prior_treatments/10/other_agents/1",
		"/prior_treatments/11/~1",
		"/prior_treatments/11/type",
		"/medications/0/name",
		"/medications/1/name",
		"/id",
	};
	char text[2048];
	size_t i, n = sizeof(expected) / sizeof(expected[0]);
	int len;

	len = snprintf(text, sizeof(text), "%s",
		       "{\"~r/\": 1, \"cancer\": {\"site\": \"cervix\","
		       " \"recurrence\": {\"s/~\": true, \"size_cm\": \"big\"},"
		       " \"metastases\": [\"lung\", \"moon\"], \"x~1\": 2},"
		       " \"imaging\": [7, {\"type\": \"x-ray\", \"days_ago\": -1}, {}],"
		       " \"prior_treatments\": [");
	for (i = 0; i < 10; i++)
		len += snprintf(text + len, sizeof(text) - (size_t)len,
				"{\"type\": \"surgery\"}, ");
	snprintf(text + len, sizeof(text) - (size_t)len, "%s",
		 "{\"type\": \"chemotherapy\", \"agents\": [\"other\", \"cisplatin\", \"tea\"],"
		 " \"other_agents\": [\"x\", \"\"]}, {\"/\": 0}],"
		 " \"medications\": [{\"agent\": \"other\", \"status\": \"active\"},"
		 " {\"agent\": \"cisplatin\", \"name\": \"c\", \"status\": \"active\"}]}");
	CU_ASSERT_EQUAL_FATAL(read_text(text, &c, &issues), ONCO_EINVALID);
	CU_ASSERT_EQUAL(issues.count, n);
	for (i = 0; i < issues.count && i < n; i++) {
		CU_ASSERT_STRING_EQUAL(issues.items[i].pointer, expected[i]);
		if (strcmp(issues.items[i].pointer, expected[i]) != 0)
			fprintf(stderr, "\n  issue %zu at %s: %s\n", i, issues.items[i].pointer,
				issues.items[i].message);
	}
	onco_case_issues_free(&issues);
	/* a document that is not an object: the pointer of the whole */
	expect_issue("[1]", "", "a case must be a JSON object");
}

/* ---------------------------------------------------------- strings */

static void test_case_rejects_nul_in_strings(void)
{
	expect_issue("{\"id\": \"a\\u0000b\", \"cancer\": {\"site\": \"anus\"}}", "/id",
		     "\\u0000 (NUL)");
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\\u0000x\"}}",
		     "/cancer/site", "NUL");
	/* in a key: the pointer shows the decoded key */
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"}, \"k\\u0000\": 1}",
		     "/k", "NUL");
	/* an escaped backslash followed by u0000 is text, not a NUL */
	expect_issue("{\"id\": \"a\\\\u0000\", \"cancer\": {\"site\": \"anus\"}, \"x\": 1}",
		     "/x", "not a known key");
}

/* The scanner decodes a key only for the pointer of a problem: keys with
 * escapes, "~" and "/", at every depth, the key of an earlier member
 * replaced by the next one, a plain run longer than 16 bytes before the
 * problem. */
static void test_case_scan_pointer_decodes_keys_when_reporting(void)
{
	expect_issue("{\"a\\/b\": {\"q\": 1, \"c~\\u0064\": [\"x\", \"bad\\u0000\"]}}",
		     "/a~1b/c~0d/1", "NUL");
	expect_issue("{\"id\": \"a\", \"x\\u0041y\": {\"q\": [1, {}], \"r\": "
		     "\"a run of plain text longer than sixteen\\u0000\"}}",
		     "/xAy/r", "NUL");
	expect_issue("{\"id\": \"a\", \"\xc3\xa9t\xc3\xa9 long key of many bytes\": "
		     "[[\"\x01\"]]}",
		     "/\xc3\xa9t\xc3\xa9 long key of many bytes/0/0", "control character 0x01");
}

static void test_case_rejects_raw_nul_byte(void)
{
	const char text[] = "{\"id\": \"a\0b\", \"cancer\": {\"site\": \"anus\"}}";

	expect_one_issue(text, sizeof(text) - 1, NULL, "/id", "control character 0x00");
}

static void test_case_rejects_invalid_utf8(void)
{
	expect_issue("{\"id\": \"a\xff\", \"cancer\": {\"site\": \"anus\"}}", "/id",
		     "not valid UTF-8 (byte 0xff at byte 9)");
	/* overlong "/" and a UTF-16 surrogate written in UTF-8 */
	expect_issue("{\"id\": \"\xc0\xaf\", \"cancer\": {\"site\": \"anus\"}}", "/id", "UTF-8");
	expect_issue("{\"id\": \"\xed\xa0\x80\", \"cancer\": {\"site\": \"anus\"}}", "/id", "UTF-8");
	/* a bad key: the pointer holds U+FFFD, so it stays valid UTF-8 */
	expect_issue("{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"}, \"k\xfe\": 1}",
		     "/k\xef\xbf\xbd", "UTF-8");
}

static void test_case_rejects_raw_control_characters(void)
{
	expect_issue("{\"id\": \"line\nbreak\", \"cancer\": {\"site\": \"anus\"}}", "/id",
		     "control character 0x0a");
}

/* ---------------------------------------------------------- limits */

static void test_case_limits_have_documented_defaults(void)
{
	onco_case_limits l;

	onco_case_limits_default(&l);
	CU_ASSERT_EQUAL(l.max_bytes, 1024 * 1024);
	CU_ASSERT_EQUAL(l.max_depth, 16);
	CU_ASSERT_EQUAL(l.max_string, 4096);
	CU_ASSERT_EQUAL(l.max_list, 256);
}

static void test_case_rejects_one_megabyte_string(void)
{
	size_t n = 1000 * 1000;
	char *text = malloc(n + 64);
	size_t len;

	CU_ASSERT_FATAL(text != NULL);
	len = (size_t)sprintf(text, "{\"cancer\": {\"site\": \"anus\"}, \"id\": \"");
	memset(text + len, 'x', n);
	strcpy(text + len + n, "\"}");
	expect_issue(text, "/id", "string of 1000000 bytes is longer than the limit of 200");
	len = (size_t)sprintf(text, "{\"id\": \"a\", \"cancer\": {\"site\": \"");
	memset(text + len, 'x', n);
	strcpy(text + len + n, "\"}}");
	expect_issue(text, "/cancer/site", "longer than the limit of 4096");
	free(text);
}

static void test_case_rejects_text_over_max_bytes(void)
{
	onco_case_limits l;
	const char *text = "{\"id\": \"a\", \"cancer\": {\"site\": \"anus\"}}";

	onco_case_limits_default(&l);
	l.max_bytes = 10;
	expect_one_issue(text, strlen(text), &l, "", "larger than the limit of 10");
}

/* `depth` nested arrays as the value of "patient". */
static char *nested(size_t depth)
{
	const char *head = "{\"id\": \"deep\", \"cancer\": {\"site\": \"anus\"}, \"patient\": ";
	size_t h = strlen(head);
	char *text = malloc(h + 2 * depth + 2);

	if (text == NULL)
		return NULL;
	memcpy(text, head, h);
	memset(text + h, '[', depth);
	memset(text + h + depth, ']', depth);
	strcpy(text + h + 2 * depth, "}");
	return text;
}

static void test_case_rejects_deep_nesting_without_crash(void)
{
	char *text = nested(10000);
	onco_case_limits l;
	onco_case *c = NULL;
	onco_case_issues issues;
	char pointer[64] = "/patient";
	int i;

	CU_ASSERT_FATAL(text != NULL);
	/* root is level 1, the patient list level 2: level 17 is the first
	 * too deep, the 15th nested list */
	for (i = 0; i < 15; i++)
		strcat(pointer, "/0");
	expect_issue(text, pointer, "nested deeper than the limit of 16 levels");
	/* with no depth limit of ours, cJSON's own (1000) refuses it */
	onco_case_limits_default(&l);
	l.max_depth = INT_MAX;
	CU_ASSERT_EQUAL(read_n(text, strlen(text), &l, &c, &issues), ONCO_EINVALID);
	CU_ASSERT_EQUAL(issues.count, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(issues.items[0].message, "not valid JSON"));
	onco_case_issues_free(&issues);
	free(text);
	/* a whole document of brackets */
	text = malloc(20001);
	CU_ASSERT_FATAL(text != NULL);
	memset(text, '[', 10000);
	memset(text + 10000, ']', 10000);
	text[20000] = '\0';
	CU_ASSERT_EQUAL(read_text(text, &c, &issues), ONCO_EINVALID);
	CU_ASSERT_EQUAL(issues.count, 1);
	CU_ASSERT_EQUAL(strlen(issues.items[0].pointer), 2 * 16);
	onco_case_issues_free(&issues);
	free(text);
}

static void test_case_rejects_list_over_limit(void)
{
	char *text = case_with_symptoms(100000, "pain");

	CU_ASSERT_FATAL(text != NULL);
	expect_issue(text, "/symptoms", "list of 100000 items is longer than the limit of 256");
	free(text);
	text = case_with_symptoms(256, "pain");
	CU_ASSERT_FATAL(text != NULL);
	expect_valid(text);
	free(text);
}

/* ---------------------------------------------------------- authoring */

#define BREAST "\"id\": \"n\", \"cancer\": {\"site\": \"breast\"}"

/* "$schema" lets an editor find docs/case.schema.json; it makes no fact. */
static void test_case_accepts_schema_key(void)
{
	expect_valid("{\"$schema\": \"../docs/case.schema.json\", " BREAST "}");
	expect_issue("{\"$schema\": 3, " BREAST "}", "/$schema", "expected a string");
}

/* What people type for a value: a did-you-mean from the near-miss table
 * (docs/case-format.md) or a value written another way. */
static void test_case_suggests_near_misses(void)
{
	static const struct {
		const char *text, *pointer, *words;
	} cases[] = {
		{"{" BREAST ", \"patient\": {\"sex\": \"F\"}}", "/patient/sex", "did you mean \"female\""},
		{"{\"id\": \"n\", \"cancer\": {\"site\": \"breast\", \"stage\": \"4\"}}", "/cancer/stage", "did you mean \"IV\""},
		{"{\"id\": \"n\", \"cancer\": {\"site\": \"breast\", \"stage\": \"Stage 4B\"}}", "/cancer/stage", "did you mean \"IVB\""},
		{"{\"id\": \"n\", \"cancer\": {\"site\": \"breast\", \"stage\": 4}}", "/cancer/stage", "got the number 4; did you mean \"IV\""},
		{"{\"id\": \"n\", \"cancer\": {\"site\": \"breast\", \"histology\": \"invasive-ductal-carcinoma\"}}", "/cancer/histology", "did you mean \"ductal-carcinoma\""},
		{"{" BREAST ", \"prior_treatments\": [{\"type\": \"chemo\"}]}", "/prior_treatments/0/type", "did you mean \"chemotherapy\""},
		{"{" BREAST ", \"prior_treatments\": [{\"type\": \"chemotherapy\", \"agents\": [\"5-FU\"]}]}", "/prior_treatments/0/agents/0", "did you mean \"fluorouracil\""},
		{"{" BREAST ", \"medications\": [{\"agent\": \"Herceptin\", \"status\": \"active\"}]}", "/medications/0/agent", "did you mean \"trastuzumab\""},
		{"{" BREAST ", \"medications\": [{\"agent\": \"T-DM1\", \"status\": \"active\"}]}", "/medications/0/agent", "did you mean \"trastuzumab-emtansine\""},
		{"{" BREAST ", \"medications\": [{\"agent\": \"Avastin\", \"status\": \"active\"}]}", "/medications/0/agent", "did you mean \"bevacizumab\""},
		{"{" BREAST ", \"medications\": [{\"agent\": \"zoledronic acid\", \"status\": \"active\"}]}", "/medications/0/agent", "did you mean \"zoledronic-acid\""},
		{"{" BREAST ", \"medications\": [{\"agent\": \"denosumab\", \"status\": \"active\"}]}", "/medications/0/agent", "written \"other\" and named beside it"},
		{"{" BREAST ", \"patient\": {\"ecog\": null}}", "/patient/ecog", "leave the key out"},
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		expect_issue(cases[i].text, cases[i].pointer, cases[i].words);
}

/* A drug outside the list: "other" with its name; the name is required
 * with "other" and refused without it. */
static void test_case_records_other_drugs_by_name(void)
{
	onco_case *c = NULL;
	onco_case_issues issues;
	onco_named_drug *named;
	size_t n;

	expect_valid("{" BREAST ", \"medications\": [{\"agent\": \"other\", \"name\": \"denosumab\", \"status\": \"active\"}],"
		     " \"prior_treatments\": [{\"type\": \"hormonal\", \"agents\": [\"letrozole\", \"other\"], \"other_agents\": [\"palbociclib\"]}],"
		     " \"adverse_events\": [{\"type\": \"haemorrhage\", \"agent\": \"other\"}]}");
	expect_issue("{" BREAST ", \"medications\": [{\"agent\": \"other\", \"status\": \"active\"}]}",
		     "/medications/0/name", "required key is missing: agent is \"other\"");
	expect_issue("{" BREAST ", \"medications\": [{\"agent\": \"letrozole\", \"name\": \"x\", \"status\": \"active\"}]}",
		     "/medications/0/name", "only with agent \"other\"");
	expect_issue("{" BREAST ", \"prior_treatments\": [{\"type\": \"hormonal\", \"agents\": [\"other\"]}]}",
		     "/prior_treatments/0/other_agents", "required key is missing: agents holds \"other\"");
	expect_issue("{" BREAST ", \"prior_treatments\": [{\"type\": \"hormonal\", \"agents\": [\"letrozole\"], \"other_agents\": [\"x\"]}]}",
		     "/prior_treatments/0/other_agents", "only with agents \"other\"");
	expect_issue("{" BREAST ", \"prior_treatments\": [{\"type\": \"hormonal\", \"agents\": [\"other\"], \"other_agents\": [\"\"]}]}",
		     "/prior_treatments/0/other_agents/0", "at least 1 byte");

	CU_ASSERT_EQUAL_FATAL(read_text("{" BREAST ", \"medications\": [{\"agent\": \"letrozole\", \"status\": \"active\"},"
					" {\"agent\": \"other\", \"name\": \"apixaban\", \"status\": \"active\"}],"
					" \"prior_treatments\": [{\"type\": \"targeted\", \"agents\": [\"other\"],"
					" \"other_agents\": [\"palbociclib\", \"ribociclib\"]}]}",
					&c, &issues), 0);
	CU_ASSERT_EQUAL_FATAL(onco_case_named_drugs(c, &named, &n), 0);
	CU_ASSERT_EQUAL_FATAL(n, 3);
	CU_ASSERT_STRING_EQUAL(named[0].name, "palbociclib");
	CU_ASSERT_STRING_EQUAL(named[0].pointer, "/prior_treatments/0/other_agents/0");
	CU_ASSERT_STRING_EQUAL(named[1].pointer, "/prior_treatments/0/other_agents/1");
	CU_ASSERT_STRING_EQUAL(named[2].name, "apixaban");
	CU_ASSERT_STRING_EQUAL(named[2].pointer, "/medications/1/name");
	onco_named_drugs_free(named, n);
	onco_case_free(c);
	onco_case_issues_free(&issues);

	/* Drugs of the list only: none named (the validator counted none). */
	CU_ASSERT_EQUAL_FATAL(read_text("{" BREAST ", \"medications\": [{\"agent\": \"letrozole\", \"status\": \"active\"}],"
					" \"prior_treatments\": [{\"type\": \"chemotherapy\", \"agents\": [\"paclitaxel\"]}]}",
					&c, &issues), 0);
	named = (onco_named_drug *)&n; /* must be reset */
	CU_ASSERT_EQUAL_FATAL(onco_case_named_drugs(c, &named, &n), 0);
	CU_ASSERT_EQUAL(n, 0);
	CU_ASSERT_PTR_NULL(named);
	onco_case_free(c);
	onco_case_issues_free(&issues);

	/* One named drug in a medication, in a case without prior treatment. */
	CU_ASSERT_EQUAL_FATAL(read_text("{" BREAST ", \"medications\": [{\"agent\": \"other\", \"name\": \"warfarin\", \"status\": \"active\"}]}",
					&c, &issues), 0);
	CU_ASSERT_EQUAL_FATAL(onco_case_named_drugs(c, &named, &n), 0);
	CU_ASSERT_EQUAL_FATAL(n, 1);
	CU_ASSERT_STRING_EQUAL(named[0].name, "warfarin");
	CU_ASSERT_STRING_EQUAL(named[0].pointer, "/medications/0/name");
	onco_named_drugs_free(named, n);
	onco_case_free(c);
	onco_case_issues_free(&issues);
}

/* A field the case states (even as "unknown", even an empty list) is
 * recorded; an absent key, an item past the end or a malformed pointer is
 * not. */
static void test_case_recorded_tells_recorded_from_absent(void)
{
	onco_case *c = NULL;
	onco_case_issues issues;
	char text[64];

	CU_ASSERT_EQUAL_FATAL(read_text("{" BREAST ", \"biomarkers\": {\"HER2\": \"unknown\"},"
					" \"medications\": [],"
					" \"prior_treatments\": [{\"type\": \"surgery\"},"
					" {\"type\": \"brachytherapy\", \"setting\": \"adjuvant\"}]}",
					&c, &issues), 0);
	CU_ASSERT_EQUAL(onco_case_recorded(c, "/biomarkers/HER2", text, sizeof(text)), 1);
	CU_ASSERT_STRING_EQUAL(text, "unknown");
	CU_ASSERT_EQUAL(onco_case_recorded(c, "/prior_treatments", text, sizeof(text)), 1);
	CU_ASSERT_STRING_EQUAL(text, "2 items");
	CU_ASSERT_EQUAL(onco_case_recorded(c, "/medications", text, sizeof(text)), 1);
	CU_ASSERT_STRING_EQUAL(text, "0 items");
	CU_ASSERT_EQUAL(onco_case_recorded(c, "/prior_treatments/1/setting", NULL, 0), 1);
	CU_ASSERT_EQUAL(onco_case_recorded(c, "/prior_treatments/1/region", text, sizeof(text)), 0);
	CU_ASSERT_STRING_EQUAL(text, "");
	CU_ASSERT_EQUAL(onco_case_recorded(c, "/prior_treatments/2", NULL, 0), 0);
	CU_ASSERT_EQUAL(onco_case_recorded(c, "/biomarkers/ER", NULL, 0), 0);
	CU_ASSERT_EQUAL(onco_case_recorded(c, "biomarkers", NULL, 0), 0);
	CU_ASSERT_EQUAL(onco_case_recorded(NULL, "/biomarkers/HER2", NULL, 0), 0);
	onco_case_free(c);
	onco_case_issues_free(&issues);
}

/* ---------------------------------------------------------- docs */

/* Every ```json block of docs/case-format.md is a valid case. */
static void test_case_doc_examples_are_valid(void)
{
	FILE *f = fopen(ONCO_SOURCE_DIR "/docs/case-format.md", "rb");
	char *doc, *at, *end;
	long size;
	int examples = 0;

	CU_ASSERT_FATAL(f != NULL);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	doc = calloc((size_t)size + 1, 1);
	CU_ASSERT_FATAL(doc != NULL);
	CU_ASSERT_EQUAL(fread(doc, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	for (at = strstr(doc, "```json\n"); at != NULL; at = strstr(end, "```json\n")) {
		at += 8;
		end = strstr(at, "```");
		CU_ASSERT_FATAL(end != NULL);
		*end++ = '\0';
		expect_valid(at);
		examples++;
	}
	CU_ASSERT(examples >= 3);
	free(doc);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_case_accepts_full_cervix_case),
		ONCO_TEST(test_case_accepts_full_breast_case),
		ONCO_TEST(test_case_accepts_full_anal_case),
		ONCO_TEST(test_case_accepts_minimal_case_and_empty_lists),
		ONCO_TEST(test_case_accepts_utf8_bom),
		ONCO_TEST(test_case_accepts_negative_zero_and_whole_floats),
		ONCO_TEST(test_case_accepts_unicode_id),
		ONCO_TEST(test_case_rejects_not_json_naming_byte_offset),
		ONCO_TEST(test_case_rejects_truncated_json_as_end_of_input),
		ONCO_TEST(test_case_rejects_content_after_the_case),
		ONCO_TEST(test_case_rejects_empty_input),
		ONCO_TEST(test_case_rejects_text_that_is_not_an_object),
		ONCO_TEST(test_case_text_need_not_be_nul_terminated),
		ONCO_TEST(test_case_rejects_unknown_treatment_type),
		ONCO_TEST(test_case_rejects_unknown_key_with_suggestion),
		ONCO_TEST(test_case_rejects_unknown_values_in_lists),
		ONCO_TEST(test_case_rejects_wrong_types),
		ONCO_TEST(test_case_rejects_out_of_range_numbers),
		ONCO_TEST(test_case_rejects_fraction_for_integer),
		ONCO_TEST(test_case_rejects_huge_numbers),
		ONCO_TEST(test_case_rejects_duplicate_keys),
		ONCO_TEST(test_case_rejects_missing_required_keys),
		ONCO_TEST(test_case_id_must_be_1_to_200_bytes),
		ONCO_TEST(test_case_reports_all_issues_in_document_order),
		ONCO_TEST(test_case_issue_list_is_capped),
		ONCO_TEST(test_case_captures_id_of_invalid_case),
		ONCO_TEST(test_case_escapes_pointer_tokens),
		ONCO_TEST(test_case_pointers_at_every_depth),
		ONCO_TEST(test_case_scan_pointer_decodes_keys_when_reporting),
		ONCO_TEST(test_case_rejects_nul_in_strings),
		ONCO_TEST(test_case_rejects_raw_nul_byte),
		ONCO_TEST(test_case_rejects_invalid_utf8),
		ONCO_TEST(test_case_rejects_raw_control_characters),
		ONCO_TEST(test_case_limits_have_documented_defaults),
		ONCO_TEST(test_case_rejects_one_megabyte_string),
		ONCO_TEST(test_case_rejects_text_over_max_bytes),
		ONCO_TEST(test_case_rejects_deep_nesting_without_crash),
		ONCO_TEST(test_case_rejects_list_over_limit),
		ONCO_TEST(test_case_accepts_schema_key),
		ONCO_TEST(test_case_suggests_near_misses),
		ONCO_TEST(test_case_records_other_drugs_by_name),
		ONCO_TEST(test_case_recorded_tells_recorded_from_absent),
		ONCO_TEST(test_case_doc_examples_are_valid),
	};

	return ONCO_RUN_SUITE("case_read", tests);
}
