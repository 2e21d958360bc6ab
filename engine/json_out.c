/* json_out.c: finishing, appending to and sorting JSON documents (see
 * private/json_out.h). */
#include <stdlib.h>

#include "onco.h"
#include "private/json_out.h"

char *onco_json_finish(cJSON *doc, int flags, unsigned long failures)
{
	char *text = NULL;

	if (doc != NULL && onco_json_alloc_failures() == failures)
		text = (flags & ONCO_JSON_PRETTY) ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
	cJSON_Delete(doc);
	if (text != NULL && onco_json_alloc_failures() != failures) {
		free(text);
		text = NULL;
	}
	return text;
}

int onco_json_append(cJSON *array, cJSON *item)
{
	if (item == NULL)
		return ONCO_ENOMEM;
	if (!cJSON_AddItemToArray(array, item)) {
		cJSON_Delete(item);
		return ONCO_ENOMEM;
	}
	return 0;
}

int onco_json_sort(cJSON *array, int (*compare)(const void *, const void *))
{
	int n = cJSON_GetArraySize(array), i;
	cJSON **items;

	if (n < 2)
		return 0;
	/* Allocate before detaching anything: on failure the array is whole. */
	items = malloc((size_t)n * sizeof(*items));
	if (items == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++)
		items[i] = cJSON_DetachItemFromArray(array, 0);
	qsort(items, (size_t)n, sizeof(*items), compare);
	/* Re-adding a detached item to an array allocates nothing. */
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(array, items[i]);
	free(items);
	return 0;
}
