/* sort.c: a stable sort for short lists (see private/sort.h). */
#include <stdlib.h>
#include <string.h>

#include "private/sort.h"

void onco_sort(void *base, size_t n, size_t size, int (*compare)(const void *, const void *))
{
	unsigned char *items = base, held[256];
	size_t i, j;

	if (n < 2)
		return;
	if (n > ONCO_SORT_SMALL || size > sizeof(held)) {
		qsort(base, n, size, compare);
		return;
	}
	/* Each item goes after the last one before it that is not larger:
	 * equal items never pass each other. */
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
