/*
 * json_out.h: ending the construction of a JSON document so that a failed
 * allocation can never leave a hole in it. Private to engine/.
 */
#ifndef ONCO_JSON_OUT_H
#define ONCO_JSON_OUT_H

#include <cjson/cJSON.h>

#include "onco.h"

/*
 * Prints `doc` (indented with ONCO_JSON_PRETTY in `flags`) and deletes it.
 * Returns the text, which the caller frees; NULL when `doc` is NULL, when
 * printing runs out of memory, or when any cJSON allocation of this thread
 * failed since `failures` was read with onco_json_alloc_failures() before
 * the document was started. Every cJSON call is checked where it is made;
 * this is the net under those checks.
 */
char *onco_json_finish(cJSON *doc, int flags, unsigned long failures);

/* As onco_json_finish, but the text is appended to `out` (onco.h) after
 * its out->length bytes, with a NUL after it that the new length does not
 * count. Returns 0, or ONCO_ENOMEM with out->length as it was (the buffer
 * may have grown). */
int onco_json_finish_append(cJSON *doc, int flags, unsigned long failures, onco_text *out);

/* `doc` as compact text in malloc'd memory (the caller frees it), the
 * bytes cJSON_PrintUnformatted gives; NULL when memory runs out or `doc`
 * holds an invalid item (json_print.c). */
char *onco_json_print_compact(const cJSON *doc);

/* The same bytes appended to the malloc'd buffer `*text` of `*capacity`
 * bytes (NULL and 0: a new one) after its first `*length`, followed by a
 * NUL; the buffer grows by realloc. Returns 1 with *length the new length;
 * 0 when memory runs out or `doc` is NULL or holds an invalid item, with
 * *length as it was (*text and *capacity always describe the buffer). */
int onco_json_print_append(const cJSON *doc, char **text, size_t *length, size_t *capacity);

/* Adds `item` to `array`, or deletes it: 0, or ONCO_ENOMEM when `item` is
 * NULL or could not be added. */
int onco_json_append(cJSON *array, cJSON *item);

/* Adds `item` (NULL: memory ran out) to `object` under `key`, which must be
 * a string literal: cJSON keeps the pointer and neither copies nor frees
 * it (cJSON_AddItemToObjectCS), a string of the program lives as long as
 * any document. `"" key ""` compiles for a literal only; a key made at run
 * time goes through cJSON_AddItemToObject, which copies it. 0, or
 * ONCO_ENOMEM with `item` deleted. */
#define ONCO_JSON_ADD(object, key, item) onco_json_add_literal((object), "" key "", (item))

/* ONCO_JSON_ADD without the check that `key` is a literal: call the macro. */
static inline int onco_json_add_literal(cJSON *object, const char *key, cJSON *item)
{
	if (item != NULL && cJSON_AddItemToObjectCS(object, key, item))
		return 0;
	cJSON_Delete(item);
	return ONCO_ENOMEM;
}

/* Sorting a list: onco_json_sort (json_sort.c, private/collect.h). */

#endif
