/*
 * test_cards.c: the decision cards of a result and the "possible if"
 * options (docs/output-format.md, "Cards"), on the fixture rule base
 * tests/fixtures/kb-cards, whose options declare their cards, roles, menus
 * and add-ons (one declares none, like an older rule base).
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "onco.h"
#include "suite.h"

#define FIXTURES ONCO_SOURCE_DIR "/tests/fixtures"
#define KB FIXTURES "/kb-cards"

static cJSON *evaluate_with(const char *kb, const char *text, int flags)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;
	char *out = NULL;
	cJSON *doc;

	onco_engine_options_default(&opts);
	opts.kb_dir = kb;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	CU_ASSERT_EQUAL(onco_engine_evaluate(engine, text, strlen(text), flags, &out, &err), 0);
	onco_engine_free(engine);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	doc = cJSON_Parse(out);
	free(out);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	return doc;
}

static cJSON *evaluate(const char *text)
{
	return evaluate_with(KB, text, 0);
}

static const char *string(const cJSON *item, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static cJSON *find(const cJSON *doc, const char *list, const char *key, const char *value)
{
	cJSON *item;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, list)) {
		const char *v = string(item, key);
		if (v != NULL && strcmp(v, value) == 0)
			return item;
	}
	return NULL;
}

static int contains(const cJSON *array, const char *s)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, array)
		if (cJSON_IsString(e) && strcmp(e->valuestring, s) == 0)
			return 1;
	return 0;
}

static cJSON *card(const cJSON *doc, const char *id)
{
	return find(doc, "cards", "id", id);
}

/* The card holding `id` in its list `list`, and how many cards do. */
static const cJSON *card_holding(const cJSON *doc, const char *list, const char *id, int *count)
{
	const cJSON *c, *found = NULL;

	*count = 0;
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(doc, "cards"))
		if (contains(cJSON_GetObjectItemCaseSensitive(c, list), id)) {
			found = c;
			(*count)++;
		}
	return found;
}

/* Every recommendation, possible option, warning and exclusion is on
 * exactly one card, and each card's first option is its preferred one
 * when one is marked. The same check runs over the shipped rule base and
 * every audit case (tests/scripts/test_cards_text.sh). */
static void check_cards_hold_everything_once(const cJSON *doc)
{
	static const struct {
		const char *list, *card_list;
	} lists[] = {{"recommendations", "options"},
		     {"possible", "possible"},
		     {"warnings", "warnings"},
		     {"exclusions", "exclusions"}};
	const cJSON *item, *c;
	size_t l;
	int n;

	for (l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
		cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, lists[l].list)) {
			card_holding(doc, lists[l].card_list, string(item, "id"), &n);
			CU_ASSERT_EQUAL(n, 1);
		}
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(doc, "cards")) {
		const cJSON *options = cJSON_GetObjectItemCaseSensitive(c, "options"), *id;
		int preferred = 0;

		cJSON_ArrayForEach(id, options)
			preferred |= cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
				find(doc, "recommendations", "id", id->valuestring), "preferred"));
		if (preferred && string(c, "lead") == NULL)
			CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
				find(doc, "recommendations", "id",
				     cJSON_GetArrayItem(options, 0)->valuestring),
				"preferred")));
	}
}

static const char *const typical =
	"{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true, \"metastases\": []},"
	" \"patient\": {\"ecog\": 1},"
	" \"imaging\": [{\"type\": \"pet-ct\", \"distant_disease\": false}],"
	" \"prior_treatments\": [{\"type\": \"chemoradiation\", \"region\": \"pelvis\","
	" \"agents\": [\"cisplatin\"]}]}";

static void test_cards_in_kind_order_with_status_first(void)
{
	static const char *const order[] = {"status",	       "mini-local",	  "mini-systemic",
					    "derived-symptom-control",		  "mini-supportive",
					    "mini-trials",     "safety-bevacizumab", "ruled-out",
					    "missing",	       "notes"};
	cJSON *doc = evaluate(typical);
	const cJSON *c;
	size_t i = 0;

	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(doc, "cards")) {
		CU_ASSERT_FATAL(i < sizeof(order) / sizeof(order[0]));
		CU_ASSERT_STRING_EQUAL(string(c, "id"), order[i]);
		CU_ASSERT_PTR_NOT_NULL(string(c, "title"));
		CU_ASSERT_PTR_NOT_NULL(string(c, "kind"));
		i++;
	}
	CU_ASSERT_EQUAL(i, sizeof(order) / sizeof(order[0]));
	check_cards_hold_everything_once(doc);
	cJSON_Delete(doc);
}

static void test_preferred_first_backbones_addons_and_menu(void)
{
	cJSON *doc = evaluate(typical);
	const cJSON *systemic = card(doc, "mini-systemic");
	const cJSON *options = cJSON_GetObjectItemCaseSensitive(systemic, "options");
	const cJSON *menu = find(doc, "recommendations", "id", "mini-single-drug");
	const cJSON *regimen = find(doc, "recommendations", "id", "mini-cisplatin-topotecan");

	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(options, 0)->valuestring,
			       "mini-cisplatin-paclitaxel");
	/* main before backbone before add-on, after the preferred one */
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(options, 1)->valuestring, "mini-single-drug");
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(options, 4)->valuestring, "mini-bevacizumab");
	/* A menu says it is one: its drugs are choices, never agents. */
	CU_ASSERT_STRING_EQUAL(string(menu, "form"), "menu");
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(menu, "agents")), 0);
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(menu, "choices")), 2);
	CU_ASSERT_STRING_EQUAL(string(regimen, "form"), "regimen");
	CU_ASSERT_STRING_EQUAL(string(regimen, "role"), "backbone");
	cJSON_Delete(doc);
}

static void test_option_without_card_lands_on_a_card_of_its_modality(void)
{
	cJSON *doc = evaluate(typical);
	const cJSON *derived = card(doc, "derived-symptom-control");

	CU_ASSERT_PTR_NOT_NULL_FATAL(derived);
	CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(derived, "derived")));
	CU_ASSERT_STRING_EQUAL(string(derived, "kind"), "symptom-control");
	CU_ASSERT_TRUE(contains(cJSON_GetObjectItemCaseSensitive(derived, "options"),
				"mini-palliative-radiation"));
	cJSON_Delete(doc);
}

static void test_possible_if_an_unknown_finding(void)
{
	cJSON *doc = evaluate(typical);
	const cJSON *pembro = find(doc, "possible", "id", "mini-pembrolizumab");
	const cJSON *cond, *missing;
	int n;

	CU_ASSERT_PTR_NULL(find(doc, "recommendations", "id", "mini-pembrolizumab"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(pembro);
	/* its declarations, read from the rule's right-hand side */
	CU_ASSERT_STRING_EQUAL(string(pembro, "role"), "add-on");
	CU_ASSERT_STRING_EQUAL(string(pembro, "card"), "mini-systemic");
	CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(pembro, "with_chemotherapy")));
	CU_ASSERT_STRING_EQUAL(string(pembro, "rule"), "mini-pembrolizumab");
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(pembro, "evidence")), 1);
	/* what it waits for */
	CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(pembro, "if")), 1);
	cond = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(pembro, "if"), 0);
	CU_ASSERT_STRING_EQUAL(string(cond, "finding"), "pd-l1-positive");
	CU_ASSERT_STRING_EQUAL(string(cond, "statement"), "PD-L1 positive tumour");
	CU_ASSERT_TRUE(contains(cJSON_GetObjectItemCaseSensitive(cond, "needs"), "yes"));
	CU_ASSERT_TRUE(contains(cJSON_GetObjectItemCaseSensitive(cond, "fields"), "/biomarkers/PD-L1"));
	/* on its card, among the possible options */
	CU_ASSERT_STRING_EQUAL(string(card_holding(doc, "possible", "mini-pembrolizumab", &n), "id"),
			       "mini-systemic");
	/* and the field is still missing information */
	missing = find(doc, "missing_information", "field", "/biomarkers/PD-L1");
	CU_ASSERT_PTR_NOT_NULL_FATAL(missing);
	CU_ASSERT_TRUE(contains(cJSON_GetObjectItemCaseSensitive(missing, "options"),
				"mini-pembrolizumab"));
	cJSON_Delete(doc);
	/* Recorded, it is offered. */
	doc = evaluate("{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
		       " \"biomarkers\": {\"PD-L1\": \"positive\"}}");
	CU_ASSERT_PTR_NOT_NULL(find(doc, "recommendations", "id", "mini-pembrolizumab"));
	CU_ASSERT_PTR_NULL(find(doc, "possible", "id", "mini-pembrolizumab"));
	cJSON_Delete(doc);
}

static void test_possible_option_is_judged_by_the_gates(void)
{
	/* She declines treatment: pembrolizumab, possible if PD-L1 positive, is
	 * ruled out like the offered options, never "possible". */
	cJSON *doc = evaluate("{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
			      " \"preferences\": {\"declines_active_treatment\": true}}");
	const cJSON *status = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "cards"), 0);
	const cJSON *second = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "cards"), 1);

	CU_ASSERT_PTR_NULL(find(doc, "possible", "id", "mini-pembrolizumab"));
	CU_ASSERT_PTR_NOT_NULL(find(doc, "exclusions", "option", "mini-pembrolizumab"));
	CU_ASSERT_PTR_NULL(find(doc, "possible", "id", "mini-exenteration"));
	CU_ASSERT_PTR_NULL(find(doc, "missing_information", "field", "/biomarkers/PD-L1"));
	/* The care for that comes first; the rest is collapsed. */
	CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(status, "collapsed")));
	CU_ASSERT_STRING_EQUAL(string(second, "id"), "mini-supportive");
	CU_ASSERT_STRING_EQUAL(string(second, "lead"), "The patient declines cancer treatment.");
	CU_ASSERT_FALSE(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(second, "collapsed")));
	check_cards_hold_everything_once(doc);
	cJSON_Delete(doc);
}

static void test_cannot_have_treatment_raises_supportive_care_and_folds_the_rest(void)
{
	/* No gate of the fixture acts on it: the cards do, by themselves. */
	cJSON *doc = evaluate("{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
			      " \"fitness\": {\"active_treatment_possible\": false}}");
	const cJSON *cards = cJSON_GetObjectItemCaseSensitive(doc, "cards"), *c;
	const cJSON *status = cJSON_GetArrayItem(cards, 0);

	CU_ASSERT_TRUE(cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(status, "collapsed")));
	CU_ASSERT_STRING_EQUAL(string(status, "reason"), "The patient cannot have cancer treatment.");
	CU_ASSERT_STRING_EQUAL(string(cJSON_GetArrayItem(cards, 1), "id"), "mini-supportive");
	cJSON_ArrayForEach(c, cards) {
		const char *kind = string(c, "kind");
		int folded = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(c, "collapsed"));

		if (strcmp(kind, "supportive-care") == 0) {
			CU_ASSERT_FALSE(folded);
		} else if (strcmp(kind, "systemic") == 0 || strcmp(kind, "symptom-control") == 0) {
			CU_ASSERT_TRUE(folded);
		}
	}
	check_cards_hold_everything_once(doc);
	cJSON_Delete(doc);
}

static void test_pending_option_is_possible_with_criteria(void)
{
	/* No ECOG: exenteration waits for adequate performance status. */
	cJSON *doc = evaluate("{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true,"
			      " \"metastases\": []},"
			      " \"imaging\": [{\"type\": \"pet-ct\", \"distant_disease\": false}]}");
	const cJSON *exent = find(doc, "possible", "id", "mini-exenteration");
	const cJSON *local = card(doc, "mini-local"), *criteria, *item;
	int unknown = 0, met = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(exent);
	CU_ASSERT_PTR_NULL(find(doc, "recommendations", "id", "mini-exenteration"));
	CU_ASSERT_PTR_NOT_NULL(find(cJSON_GetObjectItemCaseSensitive(exent, "if") ? exent : NULL,
				    "if", "finding", "performance-status-adequate"));
	criteria = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(local, "criteria"), 0), "items");
	cJSON_ArrayForEach(item, criteria) {
		unknown += strcmp(string(item, "state"), "unknown") == 0;
		met += strcmp(string(item, "state"), "met") == 0;
	}
	CU_ASSERT_EQUAL(met, 2);     /* distant disease no, PET/CT clear */
	CU_ASSERT_EQUAL(unknown, 1); /* adequate performance status */
	cJSON_Delete(doc);
}

static void test_warnings_on_their_cards_and_exclusions_grouped(void)
{
	cJSON *doc = evaluate("{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true,"
			      " \"metastases\": []}, \"patient\": {\"ecog\": 2},"
			      " \"imaging\": [{\"type\": \"pet-ct\", \"distant_disease\": false}],"
			      " \"medications\": [{\"agent\": \"bevacizumab\", \"status\": \"active\"}],"
			      " \"planned_procedures\": [{\"type\": \"elective-surgery\"}],"
			      " \"prior_treatments\": [{\"type\": \"radiation\", \"region\": \"pelvis\"}]}");
	const cJSON *safety = card(doc, "safety-bevacizumab"), *groups, *group;
	int n;

	CU_ASSERT_STRING_EQUAL(
		string(card_holding(doc, "warnings", "mini-exenteration-performance-status-2", &n), "id"),
		"mini-local");
	CU_ASSERT_PTR_NOT_NULL_FATAL(safety);
	CU_ASSERT_STRING_EQUAL(string(safety, "agent"), "bevacizumab");
	/* the critical one first */
	CU_ASSERT_STRING_EQUAL(
		cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(safety, "warnings"), 0)->valuestring,
		"drug-bevacizumab-surgery");
	groups = cJSON_GetObjectItemCaseSensitive(card(doc, "ruled-out"), "groups");
	CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(groups), 1);
	group = cJSON_GetArrayItem(groups, 0);
	CU_ASSERT_STRING_EQUAL(string(group, "reason"), "Prior pelvic radiation.");
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(group, "exclusions")), 2);
	check_cards_hold_everything_once(doc);
	cJSON_Delete(doc);
}

static void test_history_and_status_lines(void)
{
	cJSON *doc = evaluate(typical);
	const cJSON *status = card(doc, "status"), *line;
	int cancer = 0, before = 0;

	/* cisplatin from the chemoradiation: no regimen is wholly received */
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(
				find(doc, "recommendations", "id", "mini-cisplatin-paclitaxel"),
				"history")),
			0);
	cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(status, "patient")) {
		cancer |= strcmp(string(line, "topic"), "cancer") == 0 &&
			  strstr(string(line, "text"), "cervical cancer") != NULL;
		before |= strcmp(string(line, "topic"), "before") == 0 &&
			  strstr(string(line, "text"), "chemoradiation (cisplatin) to pelvis") != NULL;
	}
	CU_ASSERT_TRUE(cancer);
	CU_ASSERT_TRUE(before);
	CU_ASSERT_TRUE(contains(cJSON_GetObjectItemCaseSensitive(status, "intent"), "curative"));
	cJSON_Delete(doc);
	doc = evaluate("{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true},"
		       " \"prior_treatments\": [{\"type\": \"chemotherapy\","
		       " \"agents\": [\"cisplatin\", \"paclitaxel\"]}]}");
	CU_ASSERT_STRING_EQUAL(string(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(
						 find(doc, "recommendations", "id",
						      "mini-cisplatin-paclitaxel"),
						 "history"),
					 0),
				      "status"),
			       "received");
	cJSON_Delete(doc);
}

/* A drug outside the list reads by its name on the status card, never as
 * "other" alone; a name keeps its hyphens (the built-in rule base). */
static void test_status_lines_name_drugs_outside_the_list(void)
{
	cJSON *doc = evaluate_with(NULL,
		"{\"id\": \"o\", \"cancer\": {\"site\": \"breast\", \"stage\": \"IV\","
		" \"metastases\": [\"bone\"]}, \"medications\": [{\"agent\": \"other\","
		" \"name\": \"palbociclib\", \"status\": \"active\"}], \"prior_treatments\":"
		" [{\"type\": \"chemotherapy\", \"agents\": [\"docetaxel\", \"other\"],"
		" \"other_agents\": [\"trastuzumab deruxtecan-nxki\"]}]}", 0);
	const cJSON *line;
	int now = 0, before = 0;

	cJSON_ArrayForEach(line, cJSON_GetObjectItemCaseSensitive(card(doc, "status"), "patient")) {
		now |= strcmp(string(line, "topic"), "now") == 0 &&
		       strstr(string(line, "text"), "drugs: other (palbociclib), active") != NULL;
		before |= strcmp(string(line, "topic"), "before") == 0 &&
			  strstr(string(line, "text"), "(docetaxel + other) (other: trastuzumab "
						       "deruxtecan-nxki)") != NULL;
	}
	CU_ASSERT_TRUE(now);
	CU_ASSERT_TRUE(before);
	cJSON_Delete(doc);
}

static void test_summary_form_keeps_cards_and_ids_only(void)
{
	cJSON *doc = evaluate_with(KB, typical, ONCO_JSON_SUMMARY);
	const cJSON *c, *field;

	CU_ASSERT_PTR_NULL(cJSON_GetObjectItemCaseSensitive(doc, "recommendations"));
	CU_ASSERT_PTR_NULL(cJSON_GetObjectItemCaseSensitive(doc, "disclaimer"));
	CU_ASSERT_STRING_EQUAL(string(doc, "case"), "t");
	CU_ASSERT_PTR_NOT_NULL_FATAL(cJSON_GetObjectItemCaseSensitive(doc, "cards"));
	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(doc, "cards"))
		cJSON_ArrayForEach(field, c) {
			CU_ASSERT_TRUE(cJSON_IsString(field) || cJSON_GetArraySize(field) > 0);
			CU_ASSERT_PTR_NULL(strstr(field->string, "patient"));
		}
	CU_ASSERT_TRUE(contains(cJSON_GetObjectItemCaseSensitive(card(doc, "mini-systemic"), "possible"),
				"mini-pembrolizumab"));
	cJSON_Delete(doc);
}

static void test_older_rule_base_gets_no_possible_but_missing_fields(void)
{
	/* kb-mini's schema has no status slot. */
	cJSON *doc = evaluate_with(FIXTURES "/kb-mini",
				   "{\"id\": \"t\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true}}",
				   0);

	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "possible")), 0);
	CU_ASSERT_TRUE(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "missing_information")) >
		       0);
	check_cards_hold_everything_once(doc);
	cJSON_Delete(doc);
}

static void test_possible_rule_is_not_counted_as_fired(void)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;
	char *out = NULL;
	size_t i;
	int seen = 0;

	onco_engine_options_default(&opts);
	opts.kb_dir = KB;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	CU_ASSERT_EQUAL(onco_engine_evaluate(engine, typical, strlen(typical), 0, &out, &err), 0);
	for (i = 0; i < onco_engine_rule_count(engine); i++)
		if (strcmp(onco_engine_rule_name(engine, i), "mini-pembrolizumab") == 0) {
			CU_ASSERT_EQUAL(onco_engine_rule_firings(engine, i), 0);
			seen = 1;
		}
	CU_ASSERT_TRUE(seen);
	free(out);
	onco_engine_free(engine);
}

static void test_same_bytes_under_every_strategy(void)
{
	static const onco_strategy strategies[] = {ONCO_STRATEGY_DEPTH, ONCO_STRATEGY_BREADTH,
						   ONCO_STRATEGY_RANDOM, ONCO_STRATEGY_LEX};
	char *first = NULL;
	size_t s;

	for (s = 0; s < sizeof(strategies) / sizeof(strategies[0]); s++) {
		onco_engine_options opts;
		onco_engine *engine = NULL;
		onco_error err;
		char *out = NULL;

		onco_engine_options_default(&opts);
		opts.kb_dir = KB;
		opts.strategy = strategies[s];
		CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
		CU_ASSERT_EQUAL(onco_engine_evaluate(engine, typical, strlen(typical), 0, &out, &err), 0);
		onco_engine_free(engine);
		if (first == NULL) {
			first = out;
		} else {
			CU_ASSERT_STRING_EQUAL(out, first);
			free(out);
		}
	}
	free(first);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_cards_in_kind_order_with_status_first),
		ONCO_TEST(test_preferred_first_backbones_addons_and_menu),
		ONCO_TEST(test_option_without_card_lands_on_a_card_of_its_modality),
		ONCO_TEST(test_possible_if_an_unknown_finding),
		ONCO_TEST(test_possible_option_is_judged_by_the_gates),
		ONCO_TEST(test_cannot_have_treatment_raises_supportive_care_and_folds_the_rest),
		ONCO_TEST(test_pending_option_is_possible_with_criteria),
		ONCO_TEST(test_warnings_on_their_cards_and_exclusions_grouped),
		ONCO_TEST(test_history_and_status_lines),
		ONCO_TEST(test_status_lines_name_drugs_outside_the_list),
		ONCO_TEST(test_summary_form_keeps_cards_and_ids_only),
		ONCO_TEST(test_older_rule_base_gets_no_possible_but_missing_fields),
		ONCO_TEST(test_possible_rule_is_not_counted_as_fired),
		ONCO_TEST(test_same_bytes_under_every_strategy),
	};

	return ONCO_RUN_SUITE("cards", tests);
}
