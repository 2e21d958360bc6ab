/*
 * test_json_print.c: the engine's compact printer (engine/json_print.c)
 * gives the bytes cJSON_PrintUnformatted gives, for every kind of value,
 * every byte that must be escaped and numbers of every shape; an invalid
 * item is refused, not printed. Built twice: as the engine is, and with
 * ONCO_JSON_PRINT_WORDS (test_json_print_words), the word-at-a-time path
 * that machines without SSE2 take.
 */
/* MAP_ANONYMOUS, for the page-end test */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "private/json_out.h"
#include "suite.h"

/* Prints `doc` both ways, checks they match, and returns ours. */
static char *same_as_cjson(cJSON *doc)
{
	char *ours = onco_json_print_compact(doc);
	char *theirs = cJSON_PrintUnformatted(doc);

	CU_ASSERT_PTR_NOT_NULL_FATAL(ours);
	CU_ASSERT_PTR_NOT_NULL_FATAL(theirs);
	CU_ASSERT_STRING_EQUAL(ours, theirs);
	if (strcmp(ours, theirs) != 0)
		fprintf(stderr, "\n  ours:   %s\n  cJSON:  %s\n", ours, theirs);
	cJSON_free(theirs);
	return ours;
}

static void test_every_kind_of_value_prints_as_cjson_prints_it(void)
{
	cJSON *doc = cJSON_Parse("{\"a\":null,\"b\":true,\"c\":false,\"d\":[],\"e\":{},"
				 "\"f\":[1,[2,[3,{}]],{\"g\":\"h\"}],\"\":\"empty key\"}");
	char *text;

	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_PTR_NOT_NULL(cJSON_AddRawToObject(doc, "raw", "{\"x\": 1}"));
	text = same_as_cjson(doc);
	CU_ASSERT_STRING_EQUAL(text, "{\"a\":null,\"b\":true,\"c\":false,\"d\":[],\"e\":{},"
				     "\"f\":[1,[2,[3,{}]],{\"g\":\"h\"}],\"\":\"empty key\","
				     "\"raw\":{\"x\": 1}}");
	free(text);
	cJSON_Delete(doc);
}

static void test_every_byte_that_needs_an_escape_is_escaped_as_cjson_does(void)
{
	char all[256];
	cJSON *doc = cJSON_CreateObject();
	char *text;
	int i;

	/* every byte from 1 to 255: controls, quote, backslash, UTF-8 bytes */
	for (i = 1; i < 256; i++)
		all[i - 1] = (char)i;
	all[255] = '\0';
	CU_ASSERT_PTR_NOT_NULL_FATAL(cJSON_AddStringToObject(doc, all, all));
	CU_ASSERT_PTR_NOT_NULL(cJSON_AddStringToObject(doc, "mixed", "a\"b\\c\nd\te\x01" "f\x1f"));
	text = same_as_cjson(doc);
	CU_ASSERT(strstr(text, "a\\\"b\\\\c\\nd\\te\\u0001f\\u001f") != NULL);
	free(text);
	cJSON_Delete(doc);
}

/* The printer reads a string in blocks of 16 or 8 bytes, the last block
 * overlapping the one before, words of 4 below 8 bytes, single bytes below
 * 4: each byte that needs an escape, at every place in strings of every
 * length up to past three blocks, in values and in keys, must still be
 * found, and the bytes next to it kept. */
static void test_an_escape_at_any_place_of_a_block_is_found(void)
{
	static const char special[] = {'"', '\\', '\n', '\x01', '\x1f', ' ', '\x7f', '\x80',
				       '\xff', '!', '[', ']', '\b', '\f', '\r', '\t'};
	cJSON *doc = cJSON_CreateArray();
	cJSON *keys = cJSON_CreateObject();
	char text[52], *printed;
	size_t length, at, k;

	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(keys);
	for (length = 1; length < sizeof(text); length++)
		for (at = 0; at < length; at++)
			for (k = 0; k < sizeof(special); k++) {
				/* distinct bytes around the special one */
				size_t i;

				for (i = 0; i < length; i++)
					text[i] = (char)('a' + (i % 26));
				text[length] = '\0';
				text[at] = special[k];
				CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateString(text)));
				CU_ASSERT_PTR_NOT_NULL(cJSON_AddNullToObject(keys, text));
			}
	CU_ASSERT(cJSON_AddItemToArray(doc, keys));
	printed = same_as_cjson(doc);
	free(printed);
	cJSON_Delete(doc);
}

/* Strings with no escape at every length, and strings with an escape at
 * both ends or in every byte. */
static void test_strings_of_every_length_print_whole(void)
{
	cJSON *doc = cJSON_CreateArray();
	char text[70], *printed;
	size_t length, i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	for (length = 0; length < sizeof(text); length++) {
		for (i = 0; i < length; i++)
			text[i] = (char)('A' + (i % 50));
		text[length] = '\0';
		CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateString(text)));
		if (length > 0) {
			text[0] = '"';
			text[length - 1] = '\n';
			CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateString(text)));
			memset(text, '\x02', length);
			CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateString(text)));
		}
	}
	printed = same_as_cjson(doc);
	CU_ASSERT(strstr(printed, "[\"\",\"A\",\"\\n\",\"\\u0002\",\"AB\",\"\\\"\\n\",") == printed);
	free(printed);
	cJSON_Delete(doc);
}

/* Prints an array holding `s` as a string and an object holding it as a
 * key, neither copied: the printer reads `s` where it lies. */
static void prints_in_place(const char *s)
{
	cJSON *doc = cJSON_CreateArray(), *object = cJSON_CreateObject();

	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(object);
	CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateStringReference(s)));
	CU_ASSERT(cJSON_AddItemToObjectCS(object, s, cJSON_CreateStringReference(s)));
	CU_ASSERT(cJSON_AddItemToArray(doc, object));
	free(same_as_cjson(doc));
	cJSON_Delete(doc);
}

/* The printer finds a string's end while copying it, in aligned blocks
 * that hold bytes before the string and after its NUL: strings starting
 * at every offset of a block, of every length up to past two blocks,
 * plain or ending in a byte that stops the copy, with bytes around them
 * that would need an escape (they must be ignored). */
static void test_strings_at_every_offset_of_a_block_print_whole(void)
{
	static const char last[] = {'a', '"', '\\', '\n', '\x01', '\x1f', '\x7f', '\x80', '\xff'};
	_Alignas(64) char buffer[128];
	size_t start, length, k, i;

	for (start = 0; start < 32; start++)
		for (length = 0; length <= 40; length++)
			for (k = 0; k < sizeof(last); k++) {
				memset(buffer, '"', sizeof(buffer));
				buffer[start > 0 ? start - 1 : 0] = '\x01';
				for (i = 0; i < length; i++)
					buffer[start + i] = (char)('a' + (i % 26));
				if (length > 0)
					buffer[start + length - 1] = last[k];
				buffer[start + length] = '\0';
				buffer[start + length + 1] = '\n';
				prints_in_place(buffer + start);
			}
}

/* Strings that end on the last byte of a page followed by one that may
 * not be read, and strings that start on the first byte of a page after
 * one that may not be read, of every length up to past two blocks: no
 * load may cross into a page the string does not touch (a crash here). */
static void test_strings_next_to_an_unreadable_page_print_whole(void)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE), length, i;
	char *pages = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *middle = pages + page;

	CU_ASSERT_FATAL(pages != MAP_FAILED);
	CU_ASSERT_FATAL(mprotect(pages, page, PROT_NONE) == 0);
	CU_ASSERT_FATAL(mprotect(middle + page, page, PROT_NONE) == 0);
	for (length = 0; length <= 40; length++) {
		char *at_end = middle + page - 1 - length;

		memset(middle, 'x', page);
		for (i = 0; i < length; i++)
			at_end[i] = (char)('A' + (i % 26));
		at_end[length] = '\0';
		prints_in_place(at_end);
		if (length > 0) {
			at_end[length - 1] = '\t';
			prints_in_place(at_end);
		}
		middle[length] = '\0';
		prints_in_place(middle);
	}
	munmap(pages, 3 * page);
}

static void test_numbers_of_every_shape_print_as_cjson_prints_them(void)
{
	static const double numbers[] = {
		0, 1, -1, 42, -42, 2147483647.0, -2147483648.0, 4294967296.0,
		999999999999999.0, 1e15, 1e16, -1e15, 123456789012345678.0, 0.5, -0.5,
		0.1, 1.0 / 3.0, 2.0 / 3.0, 1e-7, 1.5e-300, 1.7976931348623157e308,
		4.9e-324, 3.14159, 100.25, 1e21, 0.30000000000000004};
	cJSON *doc = cJSON_CreateArray();
	char *text;
	size_t i;

	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
		CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateNumber(numbers[i])));
	CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateNumber(-0.0)));
	CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateNumber(NAN)));
	CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateNumber(INFINITY)));
	text = same_as_cjson(doc);
	CU_ASSERT(strncmp(text, "[0,1,-1,42,-42,2147483647,-2147483648,4294967296,", 49) == 0);
	CU_ASSERT(strstr(text, ",-0,null,null]") != NULL);
	free(text);
	cJSON_Delete(doc);
}

static void test_a_document_larger_than_the_first_buffer_prints_whole(void)
{
	cJSON *doc = cJSON_CreateArray();
	char *text;
	int i;

	for (i = 0; i < 5000; i++)
		CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateString("a string of some length, twice as long")));
	text = same_as_cjson(doc);
	CU_ASSERT(strlen(text) > 200000);
	free(text);
	cJSON_Delete(doc);
}

/* Documents whose text ends at every byte around the end of the printer's
 * first buffer (32 KB), with a plain string or one to escape last, as a
 * value or as a key: each grows the buffer or fits it exactly, never
 * writing past it (the sanitizer build checks every byte). */
static void test_texts_ending_at_every_byte_around_the_first_buffer_print_whole(void)
{
	enum { FIRST = 32 << 10 };
	char *filler = malloc(FIRST);
	size_t k;
	int last;

	CU_ASSERT_PTR_NOT_NULL_FATAL(filler);
	for (last = 0; last < 3; last++)
		for (k = FIRST - 40; k < FIRST + 8; k++) {
			cJSON *doc = cJSON_CreateArray();
			cJSON *object = cJSON_CreateObject();
			char *text;

			CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
			CU_ASSERT_PTR_NOT_NULL_FATAL(object);
			memset(filler, 'x', FIRST);
			filler[k - 24] = '\0'; /* ["...", then the last string */
			CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateString(filler)));
			if (last == 0) {
				CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateString("plain text")));
			} else if (last == 1) {
				CU_ASSERT(cJSON_AddItemToArray(doc, cJSON_CreateString("a \"quote\"")));
			} else {
				CU_ASSERT_PTR_NOT_NULL(cJSON_AddNullToObject(object, "a key of 16 bytes"));
			}
			CU_ASSERT(cJSON_AddItemToArray(doc, object));
			text = same_as_cjson(doc);
			CU_ASSERT(strlen(text) > k - 24);
			free(text);
			cJSON_Delete(doc);
		}
	free(filler);
}

static void test_an_invalid_item_is_refused(void)
{
	cJSON *doc = cJSON_CreateArray();
	cJSON *bad = cJSON_CreateNull();

	CU_ASSERT_PTR_NOT_NULL_FATAL(bad);
	bad->type = cJSON_Invalid;
	CU_ASSERT(cJSON_AddItemToArray(doc, bad));
	CU_ASSERT_PTR_NULL(onco_json_print_compact(doc));
	CU_ASSERT_PTR_NULL(cJSON_PrintUnformatted(doc));
	CU_ASSERT_PTR_NULL(onco_json_print_compact(NULL));
	cJSON_Delete(doc);
}

/* Appended after the bytes a buffer holds (a small one that must grow, one
 * with room, an empty one): those bytes kept, then the same text, a NUL
 * after it; a refused document leaves the length as it was. */
static void test_a_document_is_appended_after_what_the_buffer_holds(void)
{
	cJSON *doc = cJSON_Parse("{\"a\":[1,\"b\\n\"],\"c\":{}}");
	cJSON *bad = cJSON_CreateNull();
	char *whole = onco_json_print_compact(doc), *text = NULL;
	size_t length = 0, capacity = 0, n = strlen(whole), room;

	CU_ASSERT_PTR_NOT_NULL_FATAL(whole);
	CU_ASSERT_FATAL(onco_json_print_append(doc, &text, &length, &capacity));
	CU_ASSERT_EQUAL(length, n);
	CU_ASSERT_STRING_EQUAL(text, whole);
	for (room = 4; room <= 64; room *= 4) {
		char *small = malloc(room);
		size_t len = 3, cap = room;

		CU_ASSERT_PTR_NOT_NULL_FATAL(small);
		memcpy(small, "ab\n", 3);
		CU_ASSERT_FATAL(onco_json_print_append(doc, &small, &len, &cap));
		CU_ASSERT_EQUAL(len, 3 + n);
		CU_ASSERT(cap > len);
		CU_ASSERT_EQUAL(memcmp(small, "ab\n", 3), 0);
		CU_ASSERT_STRING_EQUAL(small + 3, whole);
		free(small);
	}
	CU_ASSERT_PTR_NOT_NULL_FATAL(bad);
	bad->type = cJSON_Invalid;
	CU_ASSERT(cJSON_AddItemToObject(doc, "bad", bad));
	CU_ASSERT_FALSE(onco_json_print_append(doc, &text, &length, &capacity));
	CU_ASSERT_EQUAL(length, n);
	CU_ASSERT_FALSE(onco_json_print_append(NULL, &text, &length, &capacity));
	CU_ASSERT_EQUAL(length, n);
	CU_ASSERT_EQUAL(memcmp(text, whole, n), 0);
	free(text);
	free(whole);
	cJSON_Delete(doc);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_every_kind_of_value_prints_as_cjson_prints_it),
		ONCO_TEST(test_an_escape_at_any_place_of_a_block_is_found),
		ONCO_TEST(test_strings_of_every_length_print_whole),
		ONCO_TEST(test_strings_at_every_offset_of_a_block_print_whole),
		ONCO_TEST(test_strings_next_to_an_unreadable_page_print_whole),
		ONCO_TEST(test_every_byte_that_needs_an_escape_is_escaped_as_cjson_does),
		ONCO_TEST(test_numbers_of_every_shape_print_as_cjson_prints_them),
		ONCO_TEST(test_a_document_larger_than_the_first_buffer_prints_whole),
		ONCO_TEST(test_texts_ending_at_every_byte_around_the_first_buffer_print_whole),
		ONCO_TEST(test_an_invalid_item_is_refused),
		ONCO_TEST(test_a_document_is_appended_after_what_the_buffer_holds),
	};

	return ONCO_RUN_SUITE("json_print", tests);
}
