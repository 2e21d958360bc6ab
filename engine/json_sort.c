/* json_sort.c: sorting the items of a result list, so that output order
 * never depends on firing order. */
#include <stdlib.h>

#include "private/collect.h"
#include "private/sort.h"

int onco_json_sort(cJSON *array, int (*compare)(const void *, const void *))
{
	int n = cJSON_GetArraySize(array), i;
	cJSON *few[ONCO_SORT_SMALL], **items = few;

	if (n < 2)
		return 0;
	/* most lists are short: no allocation for them */
	if (n > ONCO_SORT_SMALL)
		items = malloc((size_t)n * sizeof(*items));
	if (items == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++)
		items[i] = cJSON_DetachItemFromArray(array, 0);
	onco_sort(items, (size_t)n, sizeof(*items), compare);
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(array, items[i]);
	if (items != few)
		free(items);
	return 0;
}
