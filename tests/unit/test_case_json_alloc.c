/*
 * test_case_json_alloc.c: the allocator cJSON uses (facts/json_alloc.c):
 * outside an arena cJSON allocates with malloc; inside one its blocks come
 * from the arena, freeing them does nothing, leaving releases them all and
 * reuses the memory next time; a text can be taken out before leaving;
 * an arena entered while another is in use leaves that one in use.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "onco_facts.h"
#include "suite.h"

/* A document of `n` members, each a string of 40 bytes. */
static cJSON *document(int n)
{
	cJSON *doc = cJSON_CreateObject();
	char key[32];
	int i;

	for (i = 0; doc != NULL && i < n; i++) {
		snprintf(key, sizeof(key), "k%06d", i);
		if (cJSON_AddStringToObject(doc, key, "0123456789012345678901234567890123456789") ==
		    NULL) {
			cJSON_Delete(doc);
			return NULL;
		}
	}
	return doc;
}

static void test_blocks_inside_an_arena_come_from_it_and_freeing_them_is_harmless(void)
{
	onco_json_arena *arena;
	cJSON *doc;
	char *text, *out;

	onco_json_hooks_install();
	CU_ASSERT_FATAL(onco_json_arena_new(&arena) == 0);
	CU_ASSERT(!onco_json_arena_active());
	onco_json_arena_enter(arena);
	CU_ASSERT(onco_json_arena_active());
	doc = document(200);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	text = cJSON_PrintUnformatted(doc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	/* freeing inside the arena: a no-op the tools do not see as a leak */
	cJSON_Delete(doc);
	out = onco_json_arena_export(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	CU_ASSERT(out != text); /* a copy, outside the arena */
	CU_ASSERT_STRING_EQUAL(out, text);
	onco_json_arena_leave(arena);
	CU_ASSERT(!onco_json_arena_active());
	/* the copy outlives the arena and is the caller's */
	CU_ASSERT(strncmp(out, "{\"k000000\":\"0123", 16) == 0);
	CU_ASSERT(strlen(out) > 200 * 50);
	free(out);
	onco_json_arena_free(arena);
}

static void test_outside_an_arena_export_gives_the_text_itself(void)
{
	cJSON *doc;
	char *text;

	onco_json_hooks_install();
	doc = document(3);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	text = cJSON_PrintUnformatted(doc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	CU_ASSERT(onco_json_arena_export(text) == text);
	cJSON_free(text);
	cJSON_Delete(doc);
}

static void test_leaving_keeps_memory_for_the_next_piece_of_work(void)
{
	onco_json_arena *arena;
	cJSON *first, *second;

	onco_json_hooks_install();
	CU_ASSERT_FATAL(onco_json_arena_new(&arena) == 0);
	onco_json_arena_enter(arena);
	first = cJSON_CreateString("first");
	CU_ASSERT_PTR_NOT_NULL_FATAL(first);
	onco_json_arena_leave(arena);
	onco_json_arena_enter(arena);
	second = cJSON_CreateString("first");
	CU_ASSERT_PTR_NOT_NULL_FATAL(second);
	/* the same chunk, cut again from its start */
	CU_ASSERT(second == first);
	CU_ASSERT_STRING_EQUAL(second->valuestring, "first");
	onco_json_arena_leave(arena);
	onco_json_arena_free(arena);
}

static void test_a_large_document_spans_chunks_and_stays_whole(void)
{
	onco_json_arena *arena;
	cJSON *doc, *parsed;
	char *text, *out;

	onco_json_hooks_install();
	CU_ASSERT_FATAL(onco_json_arena_new(&arena) == 0);
	onco_json_arena_enter(arena);
	/* about 6 MB of nodes and strings, past what is kept between uses */
	doc = document(50000);
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	text = cJSON_PrintUnformatted(doc);
	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	out = onco_json_arena_export(text);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	onco_json_arena_leave(arena);
	parsed = cJSON_Parse(out); /* outside: plain malloc again */
	CU_ASSERT_PTR_NOT_NULL_FATAL(parsed);
	CU_ASSERT(cJSON_GetArraySize(parsed) == 50000);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(parsed, "k049999")->valuestring,
			       "0123456789012345678901234567890123456789");
	cJSON_Delete(parsed);
	free(out);
	onco_json_arena_free(arena);
}

static void test_an_arena_entered_inside_another_leaves_the_outer_in_use(void)
{
	onco_json_arena *outer, *inner;
	cJSON *a, *b;
	char *text, *out;

	onco_json_hooks_install();
	CU_ASSERT_FATAL(onco_json_arena_new(&outer) == 0);
	CU_ASSERT_FATAL(onco_json_arena_new(&inner) == 0);
	onco_json_arena_enter(outer);
	a = cJSON_CreateString("outer");
	onco_json_arena_enter(inner);
	b = cJSON_CreateString("inner");
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	text = cJSON_PrintUnformatted(b);
	out = onco_json_arena_export(text); /* the outer arena holds it */
	CU_ASSERT(out != NULL && out != text);
	onco_json_arena_leave(inner);
	/* leaving the inner one released nothing: the outer is still in use */
	CU_ASSERT(onco_json_arena_active());
	CU_ASSERT_STRING_EQUAL(a->valuestring, "outer");
	CU_ASSERT_STRING_EQUAL(b->valuestring, "inner");
	onco_json_arena_leave(outer);
	CU_ASSERT(!onco_json_arena_active());
	CU_ASSERT_STRING_EQUAL(out, "\"inner\"");
	free(out);
	onco_json_arena_free(inner);
	onco_json_arena_free(outer);
}

static void test_a_block_allocated_before_entering_is_freed_for_real(void)
{
	onco_json_arena *arena;
	cJSON *before;

	onco_json_hooks_install();
	CU_ASSERT_FATAL(onco_json_arena_new(&arena) == 0);
	before = cJSON_CreateString("from malloc");
	CU_ASSERT_PTR_NOT_NULL_FATAL(before);
	onco_json_arena_enter(arena);
	/* a leak here would fail the sanitizer build (LeakSanitizer) */
	cJSON_Delete(before);
	onco_json_arena_leave(arena);
	onco_json_arena_free(arena);
}

/* A block of nearly SIZE_MAX bytes is refused, not wrapped round to a
 * small chunk that would be taken for a huge one (the sizes whose chunk,
 * header included, would wrap: a smaller one reaches malloc, which the
 * sanitizer build would refuse by aborting). */
static void test_a_block_near_size_max_is_refused(void)
{
	onco_json_arena *arena;
	unsigned long failures;
	size_t k;

	onco_json_hooks_install();
	CU_ASSERT_FATAL(onco_json_arena_new(&arena) == 0);
	onco_json_arena_enter(arena);
	failures = onco_json_alloc_failures();
	for (k = 0; k < 47; k++)
		CU_ASSERT_PTR_NULL(cJSON_malloc(SIZE_MAX - k));
	CU_ASSERT_EQUAL(onco_json_alloc_failures(), failures + 47);
	/* again with a chunk in use, which the usual path cuts from */
	CU_ASSERT_PTR_NOT_NULL(cJSON_malloc(1));
	for (k = 0; k < 47; k++)
		CU_ASSERT_PTR_NULL(cJSON_malloc(SIZE_MAX - k));
	CU_ASSERT_EQUAL(onco_json_alloc_failures(), failures + 94);
	onco_json_arena_leave(arena);
	onco_json_arena_free(arena);
}

/* What a longjmp past leave needs (engine/guard.c): the depth read before,
 * unwound to after; a leave of an arena not in use changes nothing. */
static void test_unwinding_puts_the_arenas_back_as_they_were(void)
{
	onco_json_arena *outer, *inner;
	int depth;

	onco_json_hooks_install();
	CU_ASSERT_FATAL(onco_json_arena_new(&outer) == 0);
	CU_ASSERT_FATAL(onco_json_arena_new(&inner) == 0);
	CU_ASSERT_EQUAL(onco_json_arena_depth(NULL), 0);
	depth = onco_json_arena_depth(inner);
	CU_ASSERT_EQUAL(depth, 0);
	onco_json_arena_enter(inner);
	onco_json_arena_enter(inner);
	CU_ASSERT_EQUAL(onco_json_arena_depth(inner), 2);
	onco_json_arena_unwind(inner, depth);
	CU_ASSERT(!onco_json_arena_active());

	onco_json_arena_enter(outer);
	depth = onco_json_arena_depth(inner);
	onco_json_arena_enter(inner); /* nested: the outer stays in use */
	onco_json_arena_unwind(inner, depth);
	CU_ASSERT_EQUAL(onco_json_arena_depth(inner), 0);
	CU_ASSERT_EQUAL(onco_json_arena_depth(outer), 1);
	onco_json_arena_leave(inner); /* not in use: the outer stays */
	CU_ASSERT(onco_json_arena_active());
	onco_json_arena_leave(outer);
	CU_ASSERT(!onco_json_arena_active());
	onco_json_arena_free(inner);
	onco_json_arena_free(outer);
}

/* Blocks of every size from 0 to 300 bytes, past several chunks: each
 * aligned for any type, none overlapping the one before, each keeping
 * what was written into it, and the large ones in chunks of their own. */
static void test_blocks_of_every_size_are_aligned_and_apart(void)
{
	enum { N = 1200, LARGE = 200 << 10 };
	unsigned char *blocks[N], *large = NULL;
	onco_json_arena *arena;
	size_t i, j, size;
	int kept = 1;

	onco_json_hooks_install();
	CU_ASSERT_FATAL(onco_json_arena_new(&arena) == 0);
	onco_json_arena_enter(arena);
	for (i = 0; i < N; i++) {
		size = i % 301;
		blocks[i] = cJSON_malloc(size);
		CU_ASSERT_PTR_NOT_NULL_FATAL(blocks[i]);
		CU_ASSERT_EQUAL((uintptr_t)blocks[i] % 16, 0);
		memset(blocks[i], (int)(i & 0xff), size);
		if (i == N / 2) {
			/* larger than a chunk: its own, and the next small
			 * block still fits where the last ones were cut */
			large = cJSON_malloc(LARGE);
			CU_ASSERT_PTR_NOT_NULL_FATAL(large);
			memset(large, 0xab, LARGE);
		}
	}
	for (i = 0; i < N; i++)
		for (j = 0, size = i % 301; j < size; j++)
			kept &= blocks[i][j] == (i & 0xff);
	CU_ASSERT(kept);
	CU_ASSERT_PTR_NOT_NULL_FATAL(large);
	CU_ASSERT_EQUAL(large[0], 0xab);
	CU_ASSERT_EQUAL(large[LARGE - 1], 0xab);
	onco_json_arena_leave(arena);
	onco_json_arena_free(arena);
}

/* An arena freed while in use is no longer in use (the thread does not
 * keep a pointer to freed memory). */
static void test_an_arena_freed_in_use_is_left(void)
{
	onco_json_arena *arena;
	cJSON *doc;

	onco_json_hooks_install();
	CU_ASSERT_FATAL(onco_json_arena_new(&arena) == 0);
	onco_json_arena_enter(arena);
	onco_json_arena_free(arena);
	CU_ASSERT(!onco_json_arena_active());
	doc = cJSON_CreateObject();
	CU_ASSERT_PTR_NOT_NULL(doc);
	cJSON_Delete(doc);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_blocks_inside_an_arena_come_from_it_and_freeing_them_is_harmless),
		ONCO_TEST(test_outside_an_arena_export_gives_the_text_itself),
		ONCO_TEST(test_leaving_keeps_memory_for_the_next_piece_of_work),
		ONCO_TEST(test_a_large_document_spans_chunks_and_stays_whole),
		ONCO_TEST(test_an_arena_entered_inside_another_leaves_the_outer_in_use),
		ONCO_TEST(test_a_block_allocated_before_entering_is_freed_for_real),
		ONCO_TEST(test_a_block_near_size_max_is_refused),
		ONCO_TEST(test_unwinding_puts_the_arenas_back_as_they_were),
		ONCO_TEST(test_an_arena_freed_in_use_is_left),
		ONCO_TEST(test_blocks_of_every_size_are_aligned_and_apart),
	};

	return ONCO_RUN_SUITE("json_alloc", tests);
}
