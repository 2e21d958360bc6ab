/* sort.c: a stable sort for the engine's lists (see private/sort.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "onco.h"
#include "private/sort.h"

typedef int (*compare_fn)(const void *, const void *);

/* Runs of this many pointers are sorted by insertion before merging. */
#define RUN 8
/* Lists this long sort their pointers, and this large copy their items, on
 * the stack (the firing log of a case: some 80 items of 56 bytes). */
#define STACK_ITEMS 256
#define STACK_BYTES 8192

/* A short list in place: each item goes after the last one before it that
 * is not larger, so equal items never pass each other. */
static void insert_items(unsigned char *items, size_t n, size_t size, compare_fn compare)
{
	unsigned char held[ONCO_SORT_ITEM_MAX];
	size_t i, j;

	for (i = 1; i < n; i++) {
		unsigned char *item = items + i * size;

		if (compare(item - size, item) <= 0)
			continue;
		memcpy(held, item, size);
		for (j = i - 1; j > 0 && compare(items + (j - 1) * size, held) > 0; j--)
			;
		memmove(items + (j + 1) * size, items + j * size, (i - j) * size);
		memcpy(items + j * size, held, size);
	}
}

static void insert_pointers(const void **order, size_t n, compare_fn compare)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		const void *p = order[i];

		for (j = i; j > 0 && compare(order[j - 1], p) > 0; j--)
			order[j] = order[j - 1];
		order[j] = p;
	}
}

/* The sorted runs a[0..na) and b[0..nb) into out, a's item first of two
 * equal ones. */
static void merge(const void **out, const void **a, size_t na, const void **b, size_t nb,
		  compare_fn compare)
{
	const void **a_end = a + na, **b_end = b + nb;

	while (a < a_end && b < b_end)
		*out++ = compare(*b, *a) < 0 ? *b++ : *a++;
	while (a < a_end)
		*out++ = *a++;
	while (b < b_end)
		*out++ = *b++;
}

/* A longer list: pointers to its items are put in order (runs sorted by
 * insertion, then merged pairwise: a stable bottom-up merge sort, the
 * comparison seeing the items where they are), then the items are copied
 * into that order. 0, or -1 when memory ran out and nothing moved. */
static int merge_sort(unsigned char *items, size_t n, size_t size, compare_fn compare)
{
	const void *stack_order[2 * STACK_ITEMS], **order = stack_order, **scratch, **swap;
	unsigned char stack_copy[STACK_BYTES], *copy = stack_copy;
	void *allocated = NULL;
	size_t i, lo, width;

	if (n > STACK_ITEMS) {
		if (n > SIZE_MAX / (2 * sizeof(*order)))
			return -1;
		allocated = malloc(2 * n * sizeof(*order));
		order = allocated;
	}
	if (n * size > sizeof(stack_copy))
		copy = malloc(n * size);
	if (order == NULL || copy == NULL) {
		free(allocated);
		if (copy != stack_copy)
			free(copy);
		return -1;
	}
	scratch = order + n;
	for (i = 0; i < n; i++)
		order[i] = items + i * size;
	for (lo = 0; lo < n; lo += RUN)
		insert_pointers(order + lo, n - lo < RUN ? n - lo : RUN, compare);
	for (width = RUN; width < n; width *= 2) {
		for (lo = 0; lo < n; lo += 2 * width) {
			size_t mid = n - lo < width ? n : lo + width;
			size_t hi = n - lo < 2 * width ? n : lo + 2 * width;

			merge(scratch + lo, order + lo, mid - lo, order + mid, hi - mid, compare);
		}
		swap = order;
		order = scratch;
		scratch = swap;
	}
	memcpy(copy, items, n * size);
	for (i = 0; i < n; i++)
		memcpy(items + i * size, copy + ((const unsigned char *)order[i] - items), size);
	free(allocated);
	if (copy != stack_copy)
		free(copy);
	return 0;
}

void onco_sort(void *base, size_t n, size_t size, int (*compare)(const void *, const void *))
{
	if (n < 2)
		return;
	if (n <= ONCO_SORT_SMALL && size <= ONCO_SORT_ITEM_MAX)
		insert_items(base, n, size, compare);
	else if (merge_sort(base, n, size, compare) != 0)
		qsort(base, n, size, compare); /* stable too, in glibc */
}

/* ------------------------------------------------------------ by key */

typedef int (*tie_fn)(const void *context, size_t a, size_t b);

/* Whether `b` goes before `a` (strictly: equal keys keep their order). */
static inline int key_before(const onco_sort_key *b, const onco_sort_key *a, tie_fn tie,
			     const void *context)
{
	if (b->key != a->key)
		return b->key < a->key;
	return tie(context, b->at, a->at) < 0;
}

int onco_sort_keys(onco_sort_key *keys, size_t n, tie_fn tie, const void *context)
{
	onco_sort_key stack_scratch[ONCO_SORT_STACK_KEYS], *scratch = stack_scratch;
	onco_sort_key *from = keys, *to, *swap;
	size_t i, j, lo, width;

	if (n < 2)
		return 0;
	if (n > ONCO_SORT_STACK_KEYS) {
		scratch = n <= SIZE_MAX / sizeof(*scratch) ? malloc(n * sizeof(*scratch)) : NULL;
		if (scratch == NULL)
			return ONCO_ENOMEM;
	}
	/* runs of RUN keys by insertion */
	for (lo = 0; lo < n; lo += RUN) {
		size_t end = n - lo < RUN ? n : lo + RUN;

		for (i = lo + 1; i < end; i++) {
			onco_sort_key held = keys[i];

			for (j = i; j > lo && key_before(&held, &keys[j - 1], tie, context); j--)
				keys[j] = keys[j - 1];
			keys[j] = held;
		}
	}
	/* then merged pairwise, back and forth between keys and scratch */
	to = scratch;
	for (width = RUN; width < n; width *= 2) {
		for (lo = 0; lo < n; lo += 2 * width) {
			size_t mid = n - lo < width ? n : lo + width;
			size_t hi = n - lo < 2 * width ? n : lo + 2 * width;
			size_t a = lo, b = mid, out = lo;

			while (a < mid && b < hi)
				to[out++] = key_before(&from[b], &from[a], tie, context) ? from[b++]
											   : from[a++];
			while (a < mid)
				to[out++] = from[a++];
			while (b < hi)
				to[out++] = from[b++];
		}
		swap = from;
		from = to;
		to = swap;
	}
	if (from != keys)
		memcpy(keys, from, n * sizeof(*keys));
	if (scratch != stack_scratch)
		free(scratch);
	return 0;
}
