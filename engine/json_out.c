/* json_out.c: finishing and appending to JSON documents (see
 * private/json_out.h). */
#include <stdlib.h>

#include "onco.h"
#include "private/json_out.h"

/* The text of `doc`, in malloc'd memory (outside the arena, if one is in
 * use). */
static char *print(cJSON *doc, int pretty)
{
	if (!pretty)
		return onco_json_print_compact(doc);
	return onco_json_arena_export(cJSON_Print(doc));
}

char *onco_json_finish(cJSON *doc, int flags, unsigned long failures)
{
	char *text = NULL;

	if (doc != NULL && onco_json_alloc_failures() == failures)
		text = print(doc, (flags & ONCO_JSON_PRETTY) != 0);
	/* In an arena, leaving it frees the document at once. */
	if (!onco_json_arena_active())
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
