/*
 * sort.h: the stable sort the engine's lists are put in order with.
 * Private to engine/.
 */
#ifndef ONCO_SORT_H
#define ONCO_SORT_H

#include <stddef.h>
#include <stdint.h>

/*
 * Sorts the `n` items of `size` bytes at `base` with `compare` (as qsort
 * takes it), stably: items that compare equal keep the order they had, as
 * they did under glibc's qsort (a merge sort), in whose order every list
 * of an answer was written. Most lists sorted per case hold a handful of
 * items, for which qsort's set-up costs more than the sort: up to
 * ONCO_SORT_SMALL items (of at most ONCO_SORT_ITEM_MAX bytes) are sorted in
 * place by insertion; longer lists by a merge sort of pointers to their
 * items, which are then copied into order once (fewer instructions than
 * glibc's qsort on the firing log and the findings of a case, some 75
 * items each); only when memory runs out for that, by qsort. `base` may be
 * NULL when `n` is 0.
 */
#define ONCO_SORT_SMALL 16
#define ONCO_SORT_ITEM_MAX 256
void onco_sort(void *base, size_t n, size_t size, int (*compare)(const void *, const void *));

/* An item of a list to sort by a number: the number, which orders most
 * pairs, and the item's place in the list. */
typedef struct onco_sort_key {
	uint64_t key;
	size_t at;
} onco_sort_key;

/*
 * Sorts `keys` by key and, when two keys are equal, by `tie`(context,
 * a.at, b.at) (as qsort's comparison; 0 keeps them in the order they
 * had): a stable merge sort with the comparison of keys written inline,
 * so that `tie` is called only for equal keys. A list sorted through a
 * comparison function called for every pair (onco_sort) spends more on
 * the calls than on comparing when a number decides most pairs. Up to
 * ONCO_SORT_STACK_KEYS keys sort on the stack; 0, or ONCO_ENOMEM when
 * memory for more runs out (the keys are then as they were).
 */
#define ONCO_SORT_STACK_KEYS 256
int onco_sort_keys(onco_sort_key *keys, size_t n,
		   int (*tie)(const void *context, size_t a, size_t b), const void *context);

#endif
