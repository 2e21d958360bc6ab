/* json_out.c: finishing and appending to JSON documents (see
 * private/json_out.h). */
#include <stdlib.h>
#include <string.h>

#include "onco.h"
#include "private/json_out.h"

/* Appends the text of `doc` to `out`: 1, or 0 when memory ran out. */
static int print(cJSON *doc, int pretty, onco_text *out)
{
	char *text;
	size_t n;
	int ok;

	if (!pretty)
		return onco_json_print_append(doc, &out->text, &out->length, &out->capacity);
	text = cJSON_Print(doc);
	if (text == NULL)
		return 0;
	n = strlen(text);
	ok = out->capacity - out->length > n;
	if (!ok) {
		size_t capacity = out->length + n + 1;
		char *grown = realloc(out->text, capacity);

		if (grown != NULL) {
			out->text = grown;
			out->capacity = capacity;
			ok = 1;
		}
	}
	if (ok) {
		memcpy(out->text + out->length, text, n + 1);
		out->length += n;
	}
	cJSON_free(text);
	return ok;
}

int onco_json_finish_append(cJSON *doc, int flags, unsigned long failures, onco_text *out)
{
	size_t start = out->length;
	int ok = 0;

	if (doc != NULL && onco_json_alloc_failures() == failures)
		ok = print(doc, (flags & ONCO_JSON_PRETTY) != 0, out);
	/* In an arena, leaving it frees the document at once. */
	if (!onco_json_arena_active())
		cJSON_Delete(doc);
	if (ok && onco_json_alloc_failures() == failures)
		return 0;
	out->length = start;
	if (out->text != NULL)
		out->text[start] = '\0';
	return ONCO_ENOMEM;
}

char *onco_json_finish(cJSON *doc, int flags, unsigned long failures)
{
	onco_text out = {NULL, 0, 0};

	if (onco_json_finish_append(doc, flags, failures, &out) != 0) {
		free(out.text);
		return NULL;
	}
	return out.text;
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
