/* sort.c: a stable sort for the engine's lists (see private/sort.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
