/*
 * sort.h: the stable sort the engine's lists are put in order with.
 * Private to engine/.
 */
#ifndef ONCO_SORT_H
#define ONCO_SORT_H

#include <stddef.h>

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

#endif
