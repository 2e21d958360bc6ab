/*
 * test_case_schema.c: the generated JSON Schema of the case. The committed
 * docs/case.schema.json must equal the generated text byte for byte, so
 * the documented schema and the validator cannot drift; to refresh the
 * file after changing facts/vocabulary.c, run this test with
 * ONCO_UPDATE_SCHEMA=1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "onco_facts.h"
#include "suite.h"
#include "vocabulary.h"

#define SCHEMA_FILE ONCO_SOURCE_DIR "/docs/case.schema.json"

static void test_schema_file_equals_generated_schema(void)
{
	char *generated = onco_case_schema_json(), *committed;
	FILE *f;

	CU_ASSERT_FATAL(generated != NULL);
	if (getenv("ONCO_UPDATE_SCHEMA") != NULL && (f = fopen(SCHEMA_FILE, "wb")) != NULL) {
		fputs(generated, f);
		fclose(f);
	}
	committed = onco_slurp(SCHEMA_FILE);
	CU_ASSERT_PTR_NOT_NULL(committed);
	if (committed != NULL && strcmp(committed, generated) != 0) {
		fprintf(stderr, "\n  docs/case.schema.json is stale: run test_case_schema"
			" with ONCO_UPDATE_SCHEMA=1 and commit it\n");
		CU_FAIL("docs/case.schema.json differs from the generated schema");
	}
	free(committed);
	free(generated);
}

/* Every schema with "properties" is closed, recursively (an "if" is a
 * test on an object, not an object's schema). */
static int open_objects(const cJSON *s)
{
	const cJSON *child;
	int n = 0;

	if (cJSON_GetObjectItemCaseSensitive(s, "properties") != NULL &&
	    !cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(s, "additionalProperties")))
		n++;
	cJSON_ArrayForEach(child, s)
		if (child->string == NULL || strcmp(child->string, "if") != 0)
			n += open_objects(child);
	return n;
}

static const cJSON *at(const cJSON *s, const char *const *path)
{
	for (; s != NULL && *path != NULL; path++)
		s = cJSON_GetObjectItemCaseSensitive(s, *path);
	return s;
}

static void test_schema_is_draft_2020_12_with_closed_objects(void)
{
	char *text = onco_case_schema_json();
	cJSON *root = cJSON_Parse(text);
	static const char *const required[] = { "required", NULL };
	static const char *const treatments[] = { "properties", "prior_treatments", NULL };
	static const char *const id[] = { "properties", "id", "maxLength", NULL };
	static const char *const type[] = { "properties", "prior_treatments", "items",
					    "properties", "type", "enum", NULL };
	static const char *const agents[] = { "properties", "prior_treatments", "items",
					      "properties", "agents", "items", "$ref", NULL };

	CU_ASSERT_FATAL(root != NULL);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(root, "$schema")->valuestring,
			       "https://json-schema.org/draft/2020-12/schema");
	CU_ASSERT_EQUAL(open_objects(root), 0);
	CU_ASSERT_EQUAL(cJSON_GetArraySize(at(root, required)), 2);
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(at(root, required), 0)->valuestring, "id");
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(at(root, required), 1)->valuestring, "cancer");
	CU_ASSERT_EQUAL(cJSON_GetObjectItemCaseSensitive(at(root, treatments), "maxItems")->valueint, 256);
	CU_ASSERT_EQUAL(at(root, id)->valueint, 200);
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(at(root, type), 0)->valuestring, "radiation");
	CU_ASSERT_STRING_EQUAL(at(root, agents)->valuestring, "#/$defs/drug");
	cJSON_Delete(root);
	free(text);
}

static void test_schema_drug_definition_is_the_drug_list(void)
{
	char *text = onco_case_schema_json();
	cJSON *root = cJSON_Parse(text);
	static const char *const path[] = { "$defs", "drug", "enum", NULL };
	const cJSON *list, *item;
	size_t n, i = 0;
	const char *const *drugs = onco_vocabulary_case_drugs(&n);

	CU_ASSERT_FATAL(root != NULL);
	list = at(root, path);
	CU_ASSERT_EQUAL((size_t)cJSON_GetArraySize(list), n);
	cJSON_ArrayForEach(item, list)
		CU_ASSERT_STRING_EQUAL(item->valuestring, drugs[i++]);
	cJSON_Delete(root);
	free(text);
}

/* The validator tracks the keys of an object in a fixed array of 32. */
static int widest(const onco_object *o)
{
	int w = (int)o->field_count, sub;
	size_t i;

	for (i = 0; i < o->field_count; i++)
		if (o->fields[i].object != NULL && (sub = widest(o->fields[i].object)) > w)
			w = sub;
	return w;
}

static void test_vocabulary_objects_have_at_most_32_fields(void)
{
	CU_ASSERT(widest(onco_vocabulary_root()) <= 32);
}

/* The near-miss table of docs/case-format.md ("| typed | did you mean |"
 * rows of the section "Near misses") is the table of facts/near_miss.c,
 * row for row, and every value a row suggests is a value of the vocabulary. */
static void test_near_miss_docs_equal_table(void)
{
	char *doc = onco_slurp(ONCO_SOURCE_DIR "/docs/case-format.md"), *at, *line;
	const char *const *row;
	size_t i = 0;

	CU_ASSERT_FATAL(doc != NULL);
	at = strstr(doc, "\n## Near misses");
	CU_ASSERT_FATAL(at != NULL);
	at = strstr(at, "| --- | --- |\n");
	CU_ASSERT_FATAL(at != NULL);
	for (line = strchr(at, '\n') + 1; strncmp(line, "| `", 3) == 0;
	     line = strchr(line, '\n') + 1, i++) {
		char typed[64], meant[64];

		CU_ASSERT_EQUAL_FATAL(sscanf(line, "| `%63[^`]` | `%63[^`]` |", typed, meant), 2);
		row = onco_vocabulary_near_miss_row(i);
		CU_ASSERT_PTR_NOT_NULL_FATAL(row);
		if (strcmp(row[0], typed) != 0 || strcmp(row[1], meant) != 0)
			fprintf(stderr, "\n  docs row %zu: %s -> %s; table: %s -> %s\n", i, typed,
				meant, row[0], row[1]);
		CU_ASSERT_STRING_EQUAL(row[0], typed);
		CU_ASSERT_STRING_EQUAL(row[1], meant);
	}
	CU_ASSERT_PTR_NULL(onco_vocabulary_near_miss_row(i));
	CU_ASSERT(i > 50);
	free(doc);
}

/* A key that goes with "other" is required then and refused otherwise,
 * in the schema too (if/then/else), so that editors say what the
 * validator says. */
static void test_schema_other_drug_names(void)
{
	char *text = onco_case_schema_json();
	cJSON *root = cJSON_Parse(text);
	static const char *const med[] = { "properties", "medications", "items", "allOf", NULL };
	static const char *const pt[] = { "properties", "prior_treatments", "items", "allOf", NULL };
	static const char *const schema_key[] = { "properties", "$schema", "type", NULL };
	const cJSON *rule;

	CU_ASSERT_FATAL(root != NULL);
	rule = cJSON_GetArrayItem(at(root, med), 0);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(rule, "if"), "properties"),
		"agent"), "const")->valuestring, "other");
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(rule, "then"), "required"), 0)->valuestring, "name");
	rule = cJSON_GetArrayItem(at(root, pt), 0);
	CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(rule, "if"), "properties"),
		"agents"), "contains"));
	CU_ASSERT_STRING_EQUAL(at(root, schema_key)->valuestring, "string");
	cJSON_Delete(root);
	free(text);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_schema_file_equals_generated_schema),
		ONCO_TEST(test_schema_is_draft_2020_12_with_closed_objects),
		ONCO_TEST(test_schema_drug_definition_is_the_drug_list),
		ONCO_TEST(test_vocabulary_objects_have_at_most_32_fields),
		ONCO_TEST(test_near_miss_docs_equal_table),
		ONCO_TEST(test_schema_other_drug_names),
	};

	return ONCO_RUN_SUITE("case_schema", tests);
}
