/*
 * test_printable.c: a document's strings escaped for text output
 * (cli/printable.c): control bytes and terminal-driving code points show
 * as escapes, in keys and values alike, whether the document owns its
 * strings (parsed from text) or only refers to them (built without copies,
 * as the engine builds its answer).
 */
#include <stdlib.h>
#include <string.h>

#include "printable.h"
#include "suite.h"

static void test_plain_text_is_kept_and_controls_escaped(void)
{
	char *s = cli_printable("ok \x1b[2J\x7f \xe2\x80\xae end");

	CU_ASSERT_STRING_EQUAL(s, "ok \\x1b[2J\\x7f \\u{202E} end");
	free(s);
	s = cli_printable("plain words, caf\xc3\xa9");
	CU_ASSERT_STRING_EQUAL(s, "plain words, caf\xc3\xa9");
	free(s);
}

static void test_parsed_document_escaped_in_keys_and_values(void)
{
	cJSON *doc = cJSON_Parse("{\"k\\u001b\": [\"a\\u0007b\", \"fine\"], \"n\": 1}");
	cJSON *list;

	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	cli_json_printable(doc);
	list = cJSON_GetObjectItemCaseSensitive(doc, "k\\x1b");
	CU_ASSERT_PTR_NOT_NULL_FATAL(list);
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(list, 0)->valuestring, "a\\x07b");
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(list, 1)->valuestring, "fine");
	cJSON_Delete(doc);
}

/* Strings the items only refer to: escaped copies replace them, the
 * originals are left as they were, and deleting the document frees the
 * copies (AddressSanitizer's leak check and its check of frees see to the
 * rest: neither the literals nor `value` may be freed). */
static void test_referenced_strings_are_replaced_by_escaped_copies(void)
{
	static const char key[] = "key\x1b";
	char value[] = "bell\x07";
	cJSON *doc = cJSON_CreateObject(), *item = cJSON_CreateStringReference(value);

	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_FATAL(item != NULL && cJSON_AddItemToObjectCS(doc, key, item));
	cli_json_printable(doc);
	CU_ASSERT_STRING_EQUAL(item->string, "key\\x1b");
	CU_ASSERT_STRING_EQUAL(item->valuestring, "bell\\x07");
	CU_ASSERT_FALSE(item->type & cJSON_StringIsConst);
	CU_ASSERT_FALSE(item->type & cJSON_IsReference);
	CU_ASSERT_STRING_EQUAL(value, "bell\x07");
	CU_ASSERT_STRING_EQUAL(key, "key\x1b");
	cJSON_Delete(doc);
}

/* A reference that needs no escape stays a reference. */
static void test_referenced_plain_string_stays_referenced(void)
{
	static const char value[] = "plain";
	cJSON *doc = cJSON_CreateObject(), *item = cJSON_CreateStringReference(value);

	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_FATAL(item != NULL && cJSON_AddItemToObjectCS(doc, "k", item));
	cli_json_printable(doc);
	CU_ASSERT_PTR_EQUAL(item->valuestring, value);
	CU_ASSERT_TRUE(item->type & cJSON_IsReference);
	cJSON_Delete(doc);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_plain_text_is_kept_and_controls_escaped),
		ONCO_TEST(test_parsed_document_escaped_in_keys_and_values),
		ONCO_TEST(test_referenced_strings_are_replaced_by_escaped_copies),
		ONCO_TEST(test_referenced_plain_string_stays_referenced),
	};

	return ONCO_RUN_SUITE("printable", tests);
}
