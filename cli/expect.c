/* expect.c: does a result meet a regression case's expectation, and if not,
 * why not, in words a clinician reads. */
#include "expect.h"

#include <string.h>

#include "onco.h"

/* One list section of the result and of the expectation. */
typedef struct section {
	const char *key;      /* "recommendations" */
	const char *absent;   /* "absent_recommendations", NULL when none */
	const char *singular; /* "recommendation" */
	const char *id_key;   /* the key naming an item: "id", "field", "pointer" */
	const char *summary;  /* the key that says it in words */
} section;

static const section sections[] = {
	{"recommendations", "absent_recommendations", "recommendation", "id", "summary"},
	{"possible", "absent_possible", "possible option", "id", "summary"},
	{"exclusions", "absent_exclusions", "exclusion", "id", "reason"},
	{"warnings", "absent_warnings", "warning", "id", "text"},
	{"notes", "absent_notes", "note", "id", "text"},
	{"missing_information", "absent_missing_information", "missing information",
	 "field", "needed_for"},
	{"not_assessed", "absent_not_assessed", "drug not assessed", "name", "pointer"},
	{"errors", NULL, "error", "pointer", "message"},
};
#define N_SECTIONS (sizeof(sections) / sizeof(sections[0]))

/* "$schema": docs/regression-case.schema.json, for an editor */
static const char *const case_keys[] = {"description", "labels", "input", "expect", "$schema", NULL};

static const cJSON *get(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key);
}

void cli_expect_describe(cli_buf *out, const cJSON *v)
{
	const cJSON *e;
	const char *sep = "";

	if (v == NULL) {
		cli_buf_puts(out, "(not given)");
	} else if (cJSON_IsString(v)) {
		cli_buf_puts(out, v->valuestring);
	} else if (cJSON_IsArray(v) || cJSON_IsObject(v)) {
		cli_buf_puts(out, cJSON_IsArray(v) ? "[" : "{");
		cJSON_ArrayForEach(e, v) {
			cli_buf_puts(out, sep);
			if (cJSON_IsObject(v))
				cli_buf_printf(out, "%s: ", e->string);
			cli_expect_describe(out, e);
			sep = ", ";
		}
		cli_buf_puts(out, cJSON_IsArray(v) ? "]" : "}");
	} else {
		char *text = cJSON_PrintUnformatted(v);

		cli_buf_puts(out, text != NULL ? text : "?");
		cJSON_free(text);
	}
}

static int count_of(const cJSON *list, const cJSON *value)
{
	const cJSON *a;
	int n = 0;

	cJSON_ArrayForEach(a, list)
		n += cJSON_Compare(a, value, 1);
	return n;
}

/* Does the list `actual` hold the same values as `expected`, in any order?
 * (Agents are a set of drugs: their order carries no meaning.) */
static int same_members(const cJSON *expected, const cJSON *actual)
{
	const cJSON *e;

	if (!cJSON_IsArray(expected) || !cJSON_IsArray(actual))
		return actual != NULL && cJSON_Compare(expected, actual, 1);
	if (cJSON_GetArraySize(expected) != cJSON_GetArraySize(actual))
		return 0;
	cJSON_ArrayForEach(e, expected)
		if (count_of(expected, e) != count_of(actual, e))
			return 0;
	return 1;
}

/* Does an option's history hold the status `want` (or each status of a
 * list)? A history entry is {"status", "agent", "because"}; a string is
 * compared with the status, an object ({"status", "agent"}) with each key
 * it gives. */
static int history_includes(const cJSON *want, const cJSON *history)
{
	const cJSON *w, *entry, *k;

	if (!cJSON_IsArray(history))
		return 0;
	if (cJSON_IsObject(want)) {
		cJSON_ArrayForEach(entry, history) {
			int same = 1;

			cJSON_ArrayForEach(k, want)
				same &= cJSON_Compare(get(entry, k->string), k, 1);
			if (same)
				return 1;
		}
		return 0;
	}
	if (!cJSON_IsArray(want)) {
		cJSON_ArrayForEach(entry, history)
			if (cJSON_Compare(get(entry, "status"), want, 1))
				return 1;
		return 0;
	}
	cJSON_ArrayForEach(w, want)
		if (!history_includes(w, history))
			return 0;
	return 1;
}

/* Does one of the item's evidence quotes contain `want` (or each string
 * of a list)? So a case can pin which sentence of a source an option
 * cites, without copying the whole evidence. */
static int evidence_includes(const cJSON *want, const cJSON *evidence)
{
	const cJSON *w, *e;

	if (!cJSON_IsArray(evidence))
		return 0;
	if (!cJSON_IsArray(want)) {
		if (!cJSON_IsString(want))
			return 0;
		cJSON_ArrayForEach(e, evidence) {
			const cJSON *quote = get(e, "quote");
			if (cJSON_IsString(quote) && strstr(quote->valuestring, want->valuestring))
				return 1;
		}
		return 0;
	}
	cJSON_ArrayForEach(w, want)
		if (!evidence_includes(w, evidence))
			return 0;
	return 1;
}

/* Does the output item meet the expected key `k`? */
static int key_matches(const cJSON *k, const cJSON *item)
{
	const cJSON *agents, *want;

	if (strcmp(k->string, "agents_include") == 0) {
		agents = get(item, "agents");
		if (!cJSON_IsArray(agents))
			return 0;
		if (!cJSON_IsArray(k))
			return count_of(agents, k) > 0;
		cJSON_ArrayForEach(want, k)
			if (count_of(agents, want) == 0)
				return 0;
		return 1;
	}
	if (strcmp(k->string, "history_include") == 0)
		return history_includes(k, get(item, "history"));
	if (strcmp(k->string, "evidence_include") == 0)
		return evidence_includes(k, get(item, "evidence"));
	if (strcmp(k->string, "agents") == 0 || strcmp(k->string, "choices") == 0)
		return same_members(k, get(item, k->string));
	return get(item, k->string) != NULL &&
	       cJSON_Compare(k, get(item, k->string), 1);
}

static int matched_keys(const cJSON *expected, const cJSON *item)
{
	const cJSON *k;
	int n = 0;

	cJSON_ArrayForEach(k, expected)
		n += key_matches(k, item);
	return n;
}

static void name_item(cli_buf *out, const section *s, const cJSON *item)
{
	const cJSON *id = get(item, s->id_key);

	if (cJSON_IsString(id))
		cli_buf_puts(out, id->valuestring);
	else
		cli_expect_describe(out, item);
}

/* `lead`, then the `key` of each entry of `list`, comma-separated, then
 * "]": "its history is [received, progressed-on]". */
static void describe_each(cli_buf *out, const char *lead, const cJSON *list, const char *key)
{
	const cJSON *entry;
	const char *comma = "";

	cli_buf_puts(out, lead);
	cJSON_ArrayForEach(entry, list) {
		cli_buf_printf(out, "%s", comma);
		cli_expect_describe(out, get(entry, key));
		comma = ", ";
	}
	cli_buf_puts(out, "]");
}

/* "found X but preferred is false, and agents are [a, b]" */
static void explain_mismatch(cli_buf *out, const section *s, const cJSON *expected,
			     const cJSON *item)
{
	const cJSON *k;
	const char *sep = " but ";

	cli_buf_puts(out, "found ");
	name_item(out, s, item);
	cJSON_ArrayForEach(k, expected) {
		const char *key = k->string;

		if (key_matches(k, item))
			continue;
		cli_buf_puts(out, sep);
		sep = ", and ";
		if (strcmp(key, "agents_include") == 0) {
			cli_buf_puts(out, "its agents are ");
			cli_expect_describe(out, get(item, "agents"));
		} else if (strcmp(key, "history_include") == 0) {
			describe_each(out, "its history is [", get(item, "history"), "status");
		} else if (strcmp(key, "evidence_include") == 0) {
			describe_each(out, "it cites [", get(item, "evidence"), "quote");
		} else if (get(item, key) == NULL) {
			cli_buf_printf(out, "it has no \"%s\"", key);
		} else {
			cli_buf_printf(out, "%s is ", key);
			cli_expect_describe(out, get(item, key));
		}
	}
}

/* Why no item of `list` matches `expected`. */
static void explain_missing(cli_buf *out, const section *s, const cJSON *expected,
			    const cJSON *list)
{
	const cJSON *item, *best = NULL, *id = get(expected, s->id_key);
	int best_n = -1;

	cJSON_ArrayForEach(item, list) {
		int n = matched_keys(expected, item);

		if (id != NULL && !cJSON_Compare(id, get(item, s->id_key), 1))
			continue;
		if (n > best_n) {
			best = item;
			best_n = n;
		}
	}
	if (cJSON_GetArraySize(list) == 0) {
		cli_buf_printf(out, "the result has no %s", s->key);
	} else if (best == NULL) {
		cli_buf_printf(out, "no %s has %s ", s->singular, s->id_key);
		cli_expect_describe(out, id);
	} else if (best_n == 0 && cJSON_GetArraySize(expected) == 1) {
		cli_buf_printf(out, "no %s has %s ", s->singular, expected->child->string);
		cli_expect_describe(out, expected->child);
	} else {
		explain_mismatch(out, s, expected, best);
	}
}

/* "X (agents: [a, b])": the item and the values that made it match. */
static void describe_found(cli_buf *out, const section *s, const cJSON *want,
			   const cJSON *item)
{
	const cJSON *k;
	const char *sep = " (";

	name_item(out, s, item);
	cJSON_ArrayForEach(k, want) {
		const char *key = strcmp(k->string, "agents_include") == 0    ? "agents"
				  : strcmp(k->string, "history_include") == 0 ? "history"
									       : k->string;

		if (strcmp(key, s->id_key) == 0 || strcmp(key, "evidence_include") == 0)
			continue;
		cli_buf_printf(out, "%s%s: ", sep, key);
		cli_expect_describe(out, get(item, key));
		sep = ", ";
	}
	if (sep[0] == ',')
		cli_buf_puts(out, ")");
}

static void list_section(cli_buf *out, const section *s, const cJSON *list)
{
	const cJSON *item;

	cli_buf_printf(out, "    %s in the result:", s->key);
	if (cJSON_GetArraySize(list) == 0)
		cli_buf_puts(out, " none");
	cli_buf_puts(out, "\n");
	cJSON_ArrayForEach(item, list) {
		const cJSON *summary = get(item, s->summary);

		cli_buf_puts(out, "      - ");
		name_item(out, s, item);
		if (cJSON_IsString(summary) && summary->valuestring[0] != '\0')
			cli_buf_printf(out, ": %s", summary->valuestring);
		cli_buf_puts(out, "\n");
	}
}

static int check_section(cli_buf *out, const section *s, const cJSON *expect,
			 const cJSON *result)
{
	const cJSON *list = get(result, s->key), *want, *item;
	int failures = 0;

	cJSON_ArrayForEach(want, get(expect, s->key)) {
		int found = 0;

		cJSON_ArrayForEach(item, list)
			found |= matched_keys(want, item) == cJSON_GetArraySize(want);
		if (found)
			continue;
		failures++;
		cli_buf_printf(out, "  expected %s ", s->singular);
		cli_expect_describe(out, want);
		cli_buf_puts(out, ": ");
		explain_missing(out, s, want, list);
		cli_buf_puts(out, "\n");
	}
	if (s->absent != NULL) {
		cJSON_ArrayForEach(want, get(expect, s->absent)) {
			cJSON_ArrayForEach(item, list) {
				if (matched_keys(want, item) != cJSON_GetArraySize(want))
					continue;
				failures++;
				cli_buf_printf(out, "  expected no %s ", s->singular);
				cli_expect_describe(out, want);
				cli_buf_puts(out, ": found ");
				describe_found(out, s, want, item);
				cli_buf_puts(out, "\n");
			}
		}
	}
	if (failures > 0)
		list_section(out, s, list);
	return failures;
}

static int check_scope(cli_buf *out, const cJSON *expect, const cJSON *result)
{
	const cJSON *want = get(expect, "scope"), *got = get(result, "scope");
	const cJSON *reason = get(result, "scope_reason");

	if (want == NULL || cJSON_Compare(want, got, 1))
		return 0;
	cli_buf_puts(out, "  expected scope ");
	cli_expect_describe(out, want);
	cli_buf_puts(out, ": the result says ");
	cli_expect_describe(out, got);
	if (cJSON_IsString(reason))
		cli_buf_printf(out, " (%s)", reason->valuestring);
	cli_buf_puts(out, "\n");
	return 1;
}

int cli_expect_check(cli_buf *report, const cJSON *expect, int status,
		     const cJSON *result, const char *engine_message)
{
	const cJSON *errors = get(result, "errors");
	int failures = 0;
	size_t i;

	if (status != 0 && status != ONCO_EINVALID) {
		cli_buf_printf(report, "  the evaluation failed: %s\n",
			       engine_message != NULL ? engine_message : "no result");
		if (errors != NULL)
			list_section(report, &sections[N_SECTIONS - 1], errors);
		return 1;
	}
	if (status == ONCO_EINVALID && get(expect, "errors") == NULL) {
		cli_buf_puts(report, "  the case was rejected as invalid, and no error was expected\n");
		list_section(report, &sections[N_SECTIONS - 1], errors);
		return 1;
	}
	if (status == 0 && get(expect, "errors") != NULL) {
		cli_buf_puts(report, "  expected the case to be rejected with errors at ");
		cli_expect_describe(report, get(expect, "errors"));
		cli_buf_puts(report, ": it was accepted\n");
		return 1;
	}
	failures += check_scope(report, expect, result);
	for (i = 0; i < N_SECTIONS; i++)
		failures += check_section(report, &sections[i], expect, result);
	return failures;
}

static int known(const char *key, const char *const *keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (keys[i] != NULL && strcmp(key, keys[i]) == 0)
			return 1;
	return 0;
}

static int check_items(cli_buf *report, const cJSON *list, const char *key)
{
	const cJSON *item;
	int problems = 0;

	if (!cJSON_IsArray(list)) {
		cli_buf_printf(report, "  \"expect\".\"%s\" must be a list of items\n", key);
		return 1;
	}
	cJSON_ArrayForEach(item, list) {
		if (cJSON_IsObject(item) && cJSON_GetArraySize(item) > 0)
			continue;
		cli_buf_printf(report,
			       "  \"expect\".\"%s\" holds %s: each item must be an object with at least one key\n",
			       key, cJSON_IsObject(item) ? "{}" : "a non-object");
		problems++;
	}
	return problems;
}

/* A plain case ({"id", "cancer", ...}) where a regression case file was
 * expected: say how to wrap it rather than list its keys as unknown. */
static int plain_case(cli_buf *report, const cJSON *doc)
{
	if (get(doc, "input") != NULL || get(doc, "expect") != NULL ||
	    (get(doc, "cancer") == NULL && get(doc, "id") == NULL))
		return 0;
	cli_buf_puts(report,
		     "  this is a case, not a regression case file: wrap it as its \"input\",\n"
		     "  {\"description\": \"...\", \"labels\": [...], \"input\": <this case>, \"expect\": {...}}\n"
		     "  (\"Regression cases\" in docs/rule-authoring.md)\n");
	return 1;
}

/* "unknown expectation \"absent_note\"; did you mean \"absent_notes\"?" */
static void unknown_key(cli_buf *report, const char *what, const char *key,
			const char *const *keys, const char *help)
{
	const char *hint = onco_suggest(key, keys);

	cli_buf_printf(report, "  unknown %s \"%s\"", what, key);
	if (hint != NULL)
		cli_buf_printf(report, "; did you mean \"%s\"?", hint);
	cli_buf_printf(report, " (%s)\n", help);
}

int cli_expect_check_case(cli_buf *report, const cJSON *doc)
{
	const cJSON *k, *expect = get(doc, "expect"), *scope;
	const char *expect_keys[2 * N_SECTIONS + 2];
	int problems = 0;
	size_t i, n = 0;

	if (!cJSON_IsObject(doc)) {
		cli_buf_puts(report, "  the case file is not a JSON object\n");
		return 1;
	}
	if (plain_case(report, doc))
		return 1;
	cJSON_ArrayForEach(k, doc) {
		if (known(k->string, case_keys, sizeof(case_keys) / sizeof(case_keys[0]) - 1))
			continue;
		unknown_key(report, "key", k->string, case_keys,
			    "a case file has description, labels, input, expect, $schema");
		problems++;
	}
	if (!cJSON_IsObject(get(doc, "input"))) {
		cli_buf_puts(report, get(doc, "input") == NULL
					     ? "  \"input\" is missing: give the case to evaluate\n"
					     : "  \"input\" must be the case, a JSON object\n");
		problems++;
	}
	if (expect == NULL) {
		cli_buf_puts(report, "  \"expect\" is missing: say what the result must hold (at least \"scope\"; \"Regression cases\" in docs/rule-authoring.md)\n");
		return problems + 1;
	}
	if (!cJSON_IsObject(expect)) {
		cli_buf_puts(report, "  \"expect\" must be an object\n");
		return problems + 1;
	}
	for (i = 0; i < N_SECTIONS; i++) {
		expect_keys[n++] = sections[i].key;
		if (sections[i].absent != NULL)
			expect_keys[n++] = sections[i].absent;
	}
	expect_keys[n++] = "scope";
	expect_keys[n] = NULL;
	cJSON_ArrayForEach(k, expect) {
		if (!known(k->string, expect_keys, n)) {
			unknown_key(report, "expectation", k->string, expect_keys,
				    "see \"Regression cases\" in docs/rule-authoring.md");
			problems++;
		} else if (strcmp(k->string, "scope") != 0) {
			problems += check_items(report, k, k->string);
		}
	}
	scope = get(expect, "scope");
	if (scope != NULL && !(cJSON_IsString(scope) &&
			       (strcmp(scope->valuestring, "covered") == 0 ||
				strcmp(scope->valuestring, "not covered") == 0))) {
		cli_buf_puts(report, "  \"expect\".\"scope\" must be \"covered\" or \"not covered\"\n");
		problems++;
	}
	return problems;
}
