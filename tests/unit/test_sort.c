/*
 * test_sort.c: the engine's stable sort (engine/sort.c) puts lists of every
 * length and item size in order and keeps items that compare equal in the
 * order they came, by insertion for short lists and by a merge sort for
 * longer ones (its pointers and copy on the stack or allocated): the order
 * glibc's qsort gave every list before.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "private/sort.h"
#include "suite.h"

/* An item: a key it is sorted by, its place before sorting, padding to
 * make items of several sizes. */
typedef struct item {
	unsigned key;
	unsigned place;
	unsigned char pad[];
} item;

static int by_key(const void *a, const void *b)
{
	const item *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

static int by_key_then_place(const void *a, const void *b)
{
	const item *x = a, *y = b;
	int c = by_key(a, b);

	return c != 0 ? c : (x->place > y->place) - (x->place < y->place);
}

/* A pseudo-random sequence (a 32-bit LCG): the same lists every run. */
static unsigned next(unsigned *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

/* Sorts `n` items of `size` bytes whose keys take `keys` values, in one of
 * four shapes (random, sorted, reversed, all equal), and checks the result
 * against a sort on (key, place), which has no ties. */
static void check(size_t n, size_t size, unsigned keys, int shape, unsigned *state)
{
	unsigned char *items = malloc(n * size + 1), *expected = malloc(n * size + 1);
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(items);
	CU_ASSERT_PTR_NOT_NULL_FATAL(expected);
	for (i = 0; i < n; i++) {
		item *it = (item *)(void *)(items + i * size);
		unsigned key = shape == 0 ? next(state) % keys
			       : shape == 1 ? (unsigned)(i * keys / (n + 1))
			       : shape == 2 ? (unsigned)((n - i) * keys / (n + 1))
					    : 7;

		memset(it, (int)(i & 0xff), size);
		it->key = key;
		it->place = (unsigned)i;
	}
	memcpy(expected, items, n * size);
	qsort(expected, n, size, by_key_then_place);
	onco_sort(items, n, size, by_key);
	CU_ASSERT(n == 0 || memcmp(items, expected, n * size) == 0);
	free(items);
	free(expected);
}

static void test_lists_of_every_length_and_item_size_sort_stably(void)
{
	static const size_t sizes[] = {8, 12, 16, 32, 56, 176, 256, 300};
	static const unsigned keys[] = {1, 2, 3, 5, 1000};
	unsigned state = 12345;
	size_t n, s, k;
	int shape;

	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++)
		for (n = 0; n <= 3 * ONCO_SORT_SMALL; n++)
			for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
				for (shape = 0; shape < 4; shape++)
					check(n, sizes[s], keys[k], shape, &state);
	/* past what the merge sort keeps on the stack */
	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++)
		for (n = 255; n <= 1100; n += n < 260 ? 1 : 421)
			for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
				for (shape = 0; shape < 4; shape++)
					check(n, sizes[s], keys[k], shape, &state);
}

static void test_an_empty_list_may_be_null(void)
{
	onco_sort(NULL, 0, sizeof(item), by_key);
	CU_PASS("no access to a list of no items");
}

/* Lists of pointers, the commonest kind: the pointers move, not what they
 * point at. */
static int by_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_a_list_of_pointers_sorts_by_what_they_point_at(void)
{
	const char *words[] = {"pear", "apple", "fig", "apple", "banana", "fig"};
	const char *sorted[6];
	size_t i;

	memcpy(sorted, words, sizeof(words));
	onco_sort(sorted, 6, sizeof(sorted[0]), by_text);
	CU_ASSERT_STRING_EQUAL(sorted[0], "apple");
	CU_ASSERT_STRING_EQUAL(sorted[2], "banana");
	CU_ASSERT_STRING_EQUAL(sorted[5], "pear");
	/* equal texts keep their order: the same pointers, first one first */
	CU_ASSERT(sorted[0] == words[1] && sorted[1] == words[3]);
	CU_ASSERT(sorted[3] == words[2] && sorted[4] == words[5]);
	for (i = 1; i < 6; i++)
		CU_ASSERT(strcmp(sorted[i - 1], sorted[i]) <= 0);
}

/* onco_sort_keys: a key of few values (many equal keys), a second number
 * that the tie function compares, of few values too (ties of both keep
 * the order they came in). */
typedef struct tie_item {
	unsigned key, second;
} tie_item;

static int by_second(const void *context, size_t a, size_t b)
{
	const tie_item *items = context;

	return (items[a].second > items[b].second) - (items[a].second < items[b].second);
}

static void check_keys(size_t n, unsigned values, unsigned *state)
{
	tie_item *items = malloc((n + 1) * sizeof(*items));
	onco_sort_key *keys = malloc((n + 1) * sizeof(*keys));
	size_t i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(items);
	CU_ASSERT_PTR_NOT_NULL_FATAL(keys);
	for (i = 0; i < n; i++) {
		items[i].key = next(state) % values;
		items[i].second = next(state) % values;
		keys[i].key = (uint64_t)items[i].key << 32 | 5u; /* the high half decides */
		keys[i].at = i;
	}
	CU_ASSERT_EQUAL_FATAL(onco_sort_keys(keys, n, by_second, items), 0);
	for (i = 1; i < n; i++) {
		const tie_item *x = &items[keys[i - 1].at], *y = &items[keys[i].at];

		CU_ASSERT_FATAL(x->key < y->key ||
				(x->key == y->key && (x->second < y->second ||
						      (x->second == y->second &&
						       keys[i - 1].at < keys[i].at))));
	}
	/* each place once */
	for (i = 0; i < n; i++)
		items[i].key = 0;
	for (i = 0; i < n; i++)
		items[keys[i].at].key++;
	for (i = 0; i < n; i++)
		CU_ASSERT_EQUAL(items[i].key, 1);
	free(items);
	free(keys);
}

static void test_keys_sort_by_number_then_by_tie_then_by_place(void)
{
	static const size_t lengths[] = {0, 1, 2, 7, 8, 9, 16, 17, 100, 255, 256, 257, 1000};
	unsigned state = 7;
	size_t i;

	for (i = 0; i < sizeof(lengths) / sizeof(lengths[0]); i++) {
		check_keys(lengths[i], 1, &state);
		check_keys(lengths[i], 3, &state);
		check_keys(lengths[i], 50, &state);
	}
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_lists_of_every_length_and_item_size_sort_stably),
		ONCO_TEST(test_an_empty_list_may_be_null),
		ONCO_TEST(test_a_list_of_pointers_sorts_by_what_they_point_at),
		ONCO_TEST(test_keys_sort_by_number_then_by_tie_then_by_place),
	};

	return ONCO_RUN_SUITE("sort", tests);
}
