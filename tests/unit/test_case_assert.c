/*
 * test_case_assert.c: the fact builder (onco_case_assert). Each test loads
 * rules/schema.clp into a fresh CLIPS environment, asserts a case and reads
 * the facts back: counts per template, slot values, empty multislots for
 * absent fields, pointers, list-recorded facts, and hostile strings that
 * must stay data.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <clips.h>

#include "onco_facts.h"
#include "suite.h"
#include "vocabulary.h"

static const char full_case[] =
	"{\"id\": \"cervix-1\","
	" \"patient\": {\"age\": 52, \"sex\": \"female\", \"ecog\": 1},"
	" \"cancer\": {\"site\": \"cervix\", \"stage\": \"IIB\", \"recurrent\": true,"
	"  \"metastases\": [],"
	"  \"recurrence\": {\"sites\": [\"central-pelvis\", \"vagina\"],"
	"   \"size_cm\": 3.5, \"small\": true}},"
	" \"imaging\": [{\"type\": \"pet-ct\", \"days_ago\": 14}],"
	" \"biomarkers\": {\"PD-L1\": \"positive\", \"HER2\": \"unknown\"},"
	" \"prior_treatments\": [{\"type\": \"chemoradiation\", \"region\": \"pelvis\","
	"  \"agents\": [\"cisplatin\", \"fluorouracil\"], \"progressed_after\": true},"
	"  {\"type\": \"surgery\", \"agents\": []}],"
	" \"medications\": [{\"agent\": \"bevacizumab\", \"status\": \"stopped\"}],"
	" \"planned_procedures\": [{\"type\": \"elective-surgery\", \"days_from_now\": 10}],"
	" \"symptoms\": [\"pain\", \"bleeding\"],"
	" \"adverse_events\": [{\"type\": \"fistula\", \"grade\": 3}],"
	" \"preferences\": {\"declines_chemotherapy\": false},"
	" \"fitness\": {\"chemotherapy_suitable\": true}}";

static const char minimal_case[] = "{\"id\": \"m\", \"cancer\": {\"site\": \"anus\"}}";

static void *env_with_schema(void)
{
	void *env = CreateEnvironment();

	CU_ASSERT_FATAL(env != NULL);
	EnvUnwatch(env, "compilations");
	/* the functions schema.clp calls in default-dynamic slots */
	CU_ASSERT_FATAL(EnvBuild(env, "(deffunction onco-rule () none)"));
	CU_ASSERT_FATAL(EnvBuild(env, "(deffunction onco-basis () (create$))"));
	CU_ASSERT_FATAL(EnvBuild(env, "(deffunction onco-support () (create$))"));
	CU_ASSERT_FATAL(EnvLoad(env, ONCO_SOURCE_DIR "/rules/schema.clp") == 1);
	return env;
}

static onco_case *read_case(const char *text)
{
	onco_case *c = NULL;
	onco_case_issues issues = { NULL, 0, 0, NULL };

	CU_ASSERT_EQUAL(onco_case_read(&c, text, strlen(text), NULL, &issues), 0);
	if (issues.count > 0)
		fprintf(stderr, "\n  %s: %s\n", issues.items[0].pointer,
			issues.items[0].message);
	onco_case_issues_free(&issues);
	return c;
}

/* Reads `text` and asserts it into `env`. */
static void assert_case(void *env, const char *text)
{
	onco_case *c = read_case(text);
	onco_error err;

	CU_ASSERT_FATAL(c != NULL);
	CU_ASSERT_EQUAL(onco_case_assert(c, env, &err), 0);
	if (err.code != 0)
		fprintf(stderr, "\n  %s\n", err.message);
	onco_case_free(c);
}

static const char *template_of(void *env, void *fact)
{
	return EnvGetDeftemplateName(env, EnvFactDeftemplate(env, fact));
}

/* Facts of template `tmpl`; NULL: all but CLIPS's own (initial-fact). */
static int count(void *env, const char *tmpl)
{
	void *f;
	const char *name;
	int n = 0;

	for (f = EnvGetNextFact(env, NULL); f != NULL; f = EnvGetNextFact(env, f)) {
		name = template_of(env, f);
		if (tmpl == NULL ? strcmp(name, "initial-fact") != 0 :
				   strcmp(name, tmpl) == 0)
			n++;
	}
	return n;
}

/* The `n`th fact of template `tmpl`, in assertion order. */
static void *nth(void *env, const char *tmpl, int n)
{
	void *f;

	for (f = EnvGetNextFact(env, NULL); f != NULL; f = EnvGetNextFact(env, f))
		if (strcmp(template_of(env, f), tmpl) == 0 && n-- == 0)
			return f;
	return NULL;
}

/* A single-field slot as text (symbol or string). */
static const char *text_slot(void *env, void *fact, const char *slot)
{
	DATA_OBJECT v;

	CU_ASSERT_FATAL(fact != NULL);
	CU_ASSERT_FATAL(EnvGetFactSlot(env, fact, slot, &v));
	CU_ASSERT_FATAL(GetType(v) == SYMBOL || GetType(v) == STRING);
	return DOToString(v);
}

static bool is_string_slot(void *env, void *fact, const char *slot)
{
	DATA_OBJECT v;

	return EnvGetFactSlot(env, fact, slot, &v) && GetType(v) == STRING;
}

/* Length of a multislot, and its `i`th field (from 0) in *type and *value. */
static long multi(void *env, void *fact, const char *slot, long i, int *type,
		  void **value)
{
	DATA_OBJECT v;

	CU_ASSERT_FATAL(fact != NULL);
	CU_ASSERT_FATAL(EnvGetFactSlot(env, fact, slot, &v));
	CU_ASSERT_FATAL(GetType(v) == MULTIFIELD);
	if (type != NULL && i < GetDOLength(v)) {
		*type = GetMFType(GetValue(v), GetDOBegin(v) + i);
		*value = GetMFValue(GetValue(v), GetDOBegin(v) + i);
	}
	return GetDOLength(v);
}

static const char *multi_symbol(void *env, void *fact, const char *slot, long i)
{
	int type = -1;
	void *value = NULL;

	CU_ASSERT_FATAL(multi(env, fact, slot, i, &type, &value) > i);
	CU_ASSERT_EQUAL(type, SYMBOL);
	return ValueToString(value);
}

/* ---------------------------------------------------------- tests */

static void test_assert_full_case_makes_one_fact_per_object_and_item(void)
{
	void *env = env_with_schema();

	assert_case(env, full_case);
	CU_ASSERT_EQUAL(count(env, "case"), 1);
	CU_ASSERT_EQUAL(count(env, "patient"), 1);
	CU_ASSERT_EQUAL(count(env, "cancer"), 1);
	CU_ASSERT_EQUAL(count(env, "metastasis"), 0);
	CU_ASSERT_EQUAL(count(env, "recurrence"), 1);
	CU_ASSERT_EQUAL(count(env, "recurrence-site"), 2);
	CU_ASSERT_EQUAL(count(env, "imaging"), 1);
	CU_ASSERT_EQUAL(count(env, "biomarker"), 2);
	CU_ASSERT_EQUAL(count(env, "prior-treatment"), 2);
	CU_ASSERT_EQUAL(count(env, "medication"), 1);
	CU_ASSERT_EQUAL(count(env, "planned-procedure"), 1);
	CU_ASSERT_EQUAL(count(env, "symptom"), 2);
	CU_ASSERT_EQUAL(count(env, "adverse-event"), 1);
	CU_ASSERT_EQUAL(count(env, "preferences"), 1);
	CU_ASSERT_EQUAL(count(env, "fitness"), 1);
	/* metastases, recurrence sites and the six top-level lists */
	CU_ASSERT_EQUAL(count(env, "list-recorded"), 8);
	CU_ASSERT_EQUAL(count(env, NULL), 26);
	DestroyEnvironment(env);
}

static void test_assert_puts_values_in_typed_slots(void)
{
	void *env = env_with_schema();
	void *f, *value = NULL;
	int type = -1;

	assert_case(env, full_case);
	f = nth(env, "case", 0);
	CU_ASSERT_STRING_EQUAL(text_slot(env, f, "id"), "cervix-1");
	CU_ASSERT(is_string_slot(env, f, "id"));
	f = nth(env, "patient", 0);
	CU_ASSERT_EQUAL(multi(env, f, "ecog", 0, &type, &value), 1);
	CU_ASSERT_EQUAL(type, INTEGER);
	CU_ASSERT_EQUAL(ValueToLong(value), 1);
	CU_ASSERT_STRING_EQUAL(multi_symbol(env, f, "sex", 0), "female");
	f = nth(env, "cancer", 0);
	CU_ASSERT_STRING_EQUAL(text_slot(env, f, "site"), "cervix");
	CU_ASSERT_STRING_EQUAL(multi_symbol(env, f, "stage", 0), "IIB");
	CU_ASSERT_STRING_EQUAL(multi_symbol(env, f, "recurrent", 0), "TRUE");
	f = nth(env, "recurrence", 0);
	CU_ASSERT_EQUAL(multi(env, f, "size-cm", 0, &type, &value), 1);
	CU_ASSERT_EQUAL(type, FLOAT);
	CU_ASSERT_DOUBLE_EQUAL(ValueToDouble(value), 3.5, 1e-12);
	CU_ASSERT_STRING_EQUAL(multi_symbol(env, f, "small", 0), "TRUE");
	f = nth(env, "prior-treatment", 0);
	CU_ASSERT_STRING_EQUAL(text_slot(env, f, "type"), "chemoradiation");
	CU_ASSERT_EQUAL(multi(env, f, "agents", 0, NULL, NULL), 2);
	CU_ASSERT_STRING_EQUAL(multi_symbol(env, f, "agents", 0), "cisplatin");
	CU_ASSERT_STRING_EQUAL(multi_symbol(env, f, "agents", 1), "fluorouracil");
	CU_ASSERT_STRING_EQUAL(multi_symbol(env, f, "progressed-after", 0), "TRUE");
	CU_ASSERT_EQUAL(multi(env, nth(env, "prior-treatment", 1), "agents", 0, NULL, NULL), 0);
	f = nth(env, "biomarker", 0);
	CU_ASSERT_STRING_EQUAL(text_slot(env, f, "name"), "HER2");
	CU_ASSERT_STRING_EQUAL(text_slot(env, f, "status"), "unknown");
	f = nth(env, "biomarker", 1);
	CU_ASSERT_STRING_EQUAL(text_slot(env, f, "name"), "PD-L1");
	CU_ASSERT_STRING_EQUAL(text_slot(env, f, "status"), "positive");
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "symptom", 1), "name"), "bleeding");
	CU_ASSERT_STRING_EQUAL(multi_symbol(env, nth(env, "preferences", 0),
					    "declines-chemotherapy", 0), "FALSE");
	DestroyEnvironment(env);
}

static void test_assert_leaves_absent_optional_multislots_empty(void)
{
	void *env = env_with_schema();
	void *f;

	assert_case(env, full_case);
	f = nth(env, "patient", 0);
	CU_ASSERT_EQUAL(multi(env, f, "menopausal-status", 0, NULL, NULL), 0);
	f = nth(env, "imaging", 0);
	CU_ASSERT_EQUAL(multi(env, f, "distant-disease", 0, NULL, NULL), 0);
	f = nth(env, "medication", 0);
	CU_ASSERT_EQUAL(multi(env, f, "last-dose-days-ago", 0, NULL, NULL), 0);
	f = nth(env, "cancer", 0);
	CU_ASSERT_EQUAL(multi(env, f, "histology", 0, NULL, NULL), 0);
	DestroyEnvironment(env);
}

static void test_assert_gives_absent_objects_an_empty_fact(void)
{
	void *env = env_with_schema();
	void *f;

	assert_case(env, minimal_case);
	/* case, patient, cancer, recurrence, preferences, fitness */
	CU_ASSERT_EQUAL(count(env, NULL), 6);
	f = nth(env, "patient", 0);
	CU_ASSERT_EQUAL(multi(env, f, "ecog", 0, NULL, NULL), 0);
	CU_ASSERT_STRING_EQUAL(text_slot(env, f, "pointer"), "/patient");
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "recurrence", 0), "pointer"),
			       "/cancer/recurrence");
	CU_ASSERT_EQUAL(count(env, "biomarker"), 0);
	CU_ASSERT_EQUAL(count(env, "list-recorded"), 0);
	DestroyEnvironment(env);
}

static void test_assert_sets_pointer_of_each_object_and_item(void)
{
	void *env = env_with_schema();

	assert_case(env, full_case);
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "case", 0), "pointer"), "");
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "patient", 0), "pointer"), "/patient");
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "cancer", 0), "pointer"), "/cancer");
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "prior-treatment", 0), "pointer"),
			       "/prior_treatments/0");
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "prior-treatment", 1), "pointer"),
			       "/prior_treatments/1");
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "recurrence-site", 1), "pointer"),
			       "/cancer/recurrence/sites/1");
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "symptom", 0), "pointer"), "/symptoms/0");
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "biomarker", 1), "pointer"),
			       "/biomarkers/PD-L1");
	CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "adverse-event", 0), "pointer"),
			       "/adverse_events/0");
	CU_ASSERT(is_string_slot(env, nth(env, "symptom", 0), "pointer"));
	DestroyEnvironment(env);
}

/* The list-recorded fact of `field`, or NULL. */
static void *recorded(void *env, const char *field)
{
	void *f;
	int i;

	for (i = 0; (f = nth(env, "list-recorded", i)) != NULL; i++)
		if (strcmp(text_slot(env, f, "field"), field) == 0)
			return f;
	return NULL;
}

static void test_assert_records_stated_lists_even_when_empty(void)
{
	void *env = env_with_schema();
	DATA_OBJECT v;
	void *f;

	assert_case(env, full_case);
	f = recorded(env, "/cancer/metastases");
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT(EnvGetFactSlot(env, f, "count", &v) && GetType(v) == INTEGER);
	CU_ASSERT_EQUAL(DOToLong(v), 0);
	CU_ASSERT_STRING_EQUAL(text_slot(env, f, "pointer"), "/cancer/metastases");
	f = recorded(env, "/prior_treatments");
	CU_ASSERT_FATAL(f != NULL);
	CU_ASSERT(EnvGetFactSlot(env, f, "count", &v));
	CU_ASSERT_EQUAL(DOToLong(v), 2);
	CU_ASSERT_PTR_NOT_NULL(recorded(env, "/cancer/recurrence/sites"));
	CU_ASSERT_PTR_NOT_NULL(recorded(env, "/symptoms"));
	/* lists inside list items are not recorded */
	CU_ASSERT_PTR_NULL(recorded(env, "/prior_treatments/1/agents"));
	DestroyEnvironment(env);
}

static void test_assert_normalises_negative_zero(void)
{
	void *env = env_with_schema();
	void *value = NULL;
	int type = -1;
	char text[64];

	assert_case(env, "{\"id\": \"z\", \"cancer\": {\"site\": \"cervix\","
		    " \"recurrence\": {\"size_cm\": -0}}}");
	CU_ASSERT_EQUAL(multi(env, nth(env, "recurrence", 0), "size-cm", 0, &type, &value), 1);
	snprintf(text, sizeof(text), "%g", ValueToDouble(value));
	CU_ASSERT_STRING_EQUAL(text, "0");
	DestroyEnvironment(env);
}

/* Asserts a case whose id is `id`, written by cJSON so that the JSON is
 * right whatever the bytes; returns the number of facts. */
static int assert_with_id(void *env, const char *id)
{
	cJSON *root = cJSON_Parse(full_case);
	char *text;
	int n;

	CU_ASSERT_FATAL(root != NULL);
	cJSON_ReplaceItemInObjectCaseSensitive(root, "id", cJSON_CreateString(id));
	text = cJSON_PrintUnformatted(root);
	CU_ASSERT_FATAL(text != NULL);
	assert_case(env, text);
	n = count(env, NULL);
	cJSON_free(text);
	cJSON_Delete(root);
	return n;
}

static void test_assert_keeps_hostile_strings_as_data(void)
{
	static const char *const hostile[] = {
		"\") (assert (evil)) (\"",
		"?x",
		"(defrule x => (assert (pwn)))",
		"\n",
		"back\\slash \\\" and \\",
		"\"",
		"$?y ; comment",
		"unicode \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
	};
	void *env = env_with_schema();
	int plain = assert_with_id(env, "plain"), n;
	size_t i;

	DestroyEnvironment(env);
	for (i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		env = env_with_schema();
		n = assert_with_id(env, hostile[i]);
		CU_ASSERT_EQUAL(n, plain);
		CU_ASSERT_STRING_EQUAL(text_slot(env, nth(env, "case", 0), "id"), hostile[i]);
		CU_ASSERT_PTR_NULL(EnvFindDefrule(env, "x"));
		CU_ASSERT_PTR_NULL(EnvFindDeftemplate(env, "evil"));
		CU_ASSERT_PTR_NULL(EnvFindDeftemplate(env, "pwn"));
		DestroyEnvironment(env);
	}
}

static void test_assert_same_case_twice_into_two_environments(void)
{
	void *a = env_with_schema(), *b = env_with_schema();

	assert_case(a, full_case);
	assert_case(b, full_case);
	CU_ASSERT_EQUAL(count(a, NULL), count(b, NULL));
	DestroyEnvironment(a);
	DestroyEnvironment(b);
}

/* The same case with its keys in another order (top level reversed, the
 * patient's and the first treatment's shuffled) asserts the same facts in
 * the same order: the builder follows the vocabulary, not the document. */
static const char full_case_reordered[] =
	"{\"fitness\": {\"chemotherapy_suitable\": true},"
	" \"preferences\": {\"declines_chemotherapy\": false},"
	" \"adverse_events\": [{\"grade\": 3, \"type\": \"fistula\"}],"
	" \"symptoms\": [\"pain\", \"bleeding\"],"
	" \"planned_procedures\": [{\"days_from_now\": 10, \"type\": \"elective-surgery\"}],"
	" \"medications\": [{\"status\": \"stopped\", \"agent\": \"bevacizumab\"}],"
	" \"prior_treatments\": [{\"progressed_after\": true, \"agents\": [\"cisplatin\","
	"  \"fluorouracil\"], \"region\": \"pelvis\", \"type\": \"chemoradiation\"},"
	"  {\"agents\": [], \"type\": \"surgery\"}],"
	" \"biomarkers\": {\"HER2\": \"unknown\", \"PD-L1\": \"positive\"},"
	" \"imaging\": [{\"days_ago\": 14, \"type\": \"pet-ct\"}],"
	" \"cancer\": {\"recurrence\": {\"small\": true, \"size_cm\": 3.5,"
	"   \"sites\": [\"central-pelvis\", \"vagina\"]},"
	"  \"metastases\": [], \"recurrent\": true, \"stage\": \"IIB\", \"site\": \"cervix\"},"
	" \"patient\": {\"ecog\": 1, \"sex\": \"female\", \"age\": 52},"
	" \"id\": \"cervix-1\"}";

static void test_assert_follows_the_vocabulary_not_the_key_order(void)
{
	void *a = env_with_schema(), *b = env_with_schema();
	void *fa, *fb;
	char ta[1024], tb[1024];
	int n = 0;

	assert_case(a, full_case);
	assert_case(b, full_case_reordered);
	for (fa = EnvGetNextFact(a, NULL), fb = EnvGetNextFact(b, NULL); fa != NULL && fb != NULL;
	     fa = EnvGetNextFact(a, fa), fb = EnvGetNextFact(b, fb), n++) {
		EnvGetFactPPForm(a, ta, sizeof(ta), fa);
		EnvGetFactPPForm(b, tb, sizeof(tb), fb);
		CU_ASSERT_STRING_EQUAL(ta, tb);
	}
	CU_ASSERT_PTR_NULL(fa);
	CU_ASSERT_PTR_NULL(fb);
	CU_ASSERT(n > 10);
	DestroyEnvironment(a);
	DestroyEnvironment(b);
}

static void test_assert_names_missing_template(void)
{
	void *env = CreateEnvironment();
	onco_case *c = read_case(minimal_case);
	onco_error err;

	CU_ASSERT_FATAL(EnvBuild(env, "(deftemplate case (slot id) (slot pointer))"));
	CU_ASSERT_EQUAL(onco_case_assert(c, env, &err), ONCO_ERULES);
	CU_ASSERT_EQUAL(err.code, ONCO_ERULES);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "no template patient"));
	CU_ASSERT_EQUAL(count(env, NULL), 0);
	DestroyEnvironment(env);
	onco_case_free(c);
}

static void test_assert_names_missing_or_wrong_slot(void)
{
	void *env = CreateEnvironment();
	onco_case *c = read_case(minimal_case);
	onco_error err;

	CU_ASSERT_FATAL(EnvBuild(env, "(deftemplate case (slot id))"));
	CU_ASSERT_EQUAL(onco_case_assert(c, env, &err), ONCO_ERULES);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "template case has no slot pointer"));
	DestroyEnvironment(env);
	env = CreateEnvironment();
	CU_ASSERT_FATAL(EnvBuild(env, "(deftemplate case (multislot id) (slot pointer))"));
	CU_ASSERT_EQUAL(onco_case_assert(c, env, &err), ONCO_ERULES);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "slot id of template case must be a single-field slot"));
	DestroyEnvironment(env);
	onco_case_free(c);
}

static int compare(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The allowed symbols of `tmpl`.`slot`, sorted, equal the drug list (of a
 * case template, with "other": the case drugs, also sorted here). */
static void expect_drug_slot(void *env, const char *tmpl, const char *slot, int case_template)
{
	size_t n, i;
	const char *const *listed = case_template ? onco_vocabulary_case_drugs(&n)
						   : onco_vocabulary_drugs(&n);
	const char **drugs = calloc(n + 1, sizeof(*drugs));
	const char **allowed;
	DATA_OBJECT v;
	long length;

	CU_ASSERT_FATAL(drugs != NULL);
	for (i = 0; i < n; i++)
		drugs[i] = listed[i];
	qsort(drugs, n, sizeof(*drugs), compare);
	EnvDeftemplateSlotAllowedValues(env, EnvFindDeftemplate(env, tmpl), slot, &v);
	CU_ASSERT_FATAL(GetType(v) == MULTIFIELD);
	length = GetDOLength(v);
	CU_ASSERT_EQUAL((size_t)length, n);
	allowed = calloc((size_t)length + 1, sizeof(*allowed));
	CU_ASSERT_FATAL(allowed != NULL);
	for (i = 0; i < (size_t)length; i++)
		allowed[i] = ValueToString(GetMFValue(GetValue(v), GetDOBegin(v) + (long)i));
	qsort(allowed, (size_t)length, sizeof(*allowed), compare);
	for (i = 0; i < n && i < (size_t)length; i++)
		if (strcmp(allowed[i], drugs[i]) != 0) {
			fprintf(stderr, "\n  %s.%s: %s, vocabulary: %s\n", tmpl, slot,
				allowed[i], drugs[i]);
			CU_FAIL("drug lists differ");
			break;
		}
	free(allowed);
	free(drugs);
}

static void test_drug_list_is_sorted_and_equals_schema_drug_slots(void)
{
	void *env = env_with_schema();
	size_t n, i;
	const char *const *drugs = onco_vocabulary_drugs(&n);

	CU_ASSERT_EQUAL(n, 35);
	for (i = 1; i < n; i++)
		CU_ASSERT(strcmp(drugs[i - 1], drugs[i]) < 0);
	/* case templates take "other" (a drug named beside it); conclusions
	 * name only drugs of the list */
	expect_drug_slot(env, "prior-treatment", "agents", 1);
	expect_drug_slot(env, "medication", "agent", 1);
	expect_drug_slot(env, "adverse-event", "agent", 1);
	expect_drug_slot(env, "recommendation", "agents", 0);
	expect_drug_slot(env, "recommendation", "choices", 0);
	expect_drug_slot(env, "warning", "agent", 0);
	expect_drug_slot(env, "exclusion", "agents", 0);
	DestroyEnvironment(env);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_assert_full_case_makes_one_fact_per_object_and_item),
		ONCO_TEST(test_assert_puts_values_in_typed_slots),
		ONCO_TEST(test_assert_leaves_absent_optional_multislots_empty),
		ONCO_TEST(test_assert_gives_absent_objects_an_empty_fact),
		ONCO_TEST(test_assert_sets_pointer_of_each_object_and_item),
		ONCO_TEST(test_assert_records_stated_lists_even_when_empty),
		ONCO_TEST(test_assert_normalises_negative_zero),
		ONCO_TEST(test_assert_keeps_hostile_strings_as_data),
		ONCO_TEST(test_assert_same_case_twice_into_two_environments),
		ONCO_TEST(test_assert_follows_the_vocabulary_not_the_key_order),
		ONCO_TEST(test_assert_names_missing_template),
		ONCO_TEST(test_assert_names_missing_or_wrong_slot),
		ONCO_TEST(test_drug_list_is_sorted_and_equals_schema_drug_slots),
	};

	return ONCO_RUN_SUITE("case_assert", tests);
}
