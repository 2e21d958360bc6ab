/* json_out.c: finishing and appending to JSON documents (see
 * private/json_out.h). */
#include <stdlib.h>

#include "onco.h"
#include "private/json_out.h"

/* One answer fits in this; a larger one is printed as cJSON does. */
#define PRINT_BUFFER ((size_t)60 << 10)

/* The text of `doc`, in malloc'd memory. In an arena (an evaluation), the
 * text is printed into one block cut from it, since cJSON grows its own
 * buffer by allocating and copying, and then copied out. */
static char *print(cJSON *doc, int pretty)
{
	char *text = NULL;

	if (onco_json_arena_active()) {
		text = cJSON_malloc(PRINT_BUFFER);
		if (text != NULL && !cJSON_PrintPreallocated(doc, text, (int)PRINT_BUFFER, pretty)) {
			cJSON_free(text);
			text = NULL;
		}
	}
	if (text == NULL)
		text = pretty ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
	return onco_json_arena_export(text);
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
