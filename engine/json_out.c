/* json_out.c: finishing and appending to JSON documents (see
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
