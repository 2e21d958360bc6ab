/*
 * json_out.h: ending the construction of a JSON document so that a failed
 * allocation can never leave a hole in it. Private to engine/.
 */
#ifndef ONCO_JSON_OUT_H
#define ONCO_JSON_OUT_H

#include <cjson/cJSON.h>

/*
 * Prints `doc` (indented with ONCO_JSON_PRETTY in `flags`) and deletes it.
 * Returns the text, which the caller frees; NULL when `doc` is NULL, when
 * printing runs out of memory, or when any cJSON allocation of this thread
 * failed since `failures` was read with onco_json_alloc_failures() before
 * the document was started. Every cJSON call is checked where it is made;
 * this is the net under those checks.
 */
char *onco_json_finish(cJSON *doc, int flags, unsigned long failures);

/* `doc` as compact text in malloc'd memory (the caller frees it), the
 * bytes cJSON_PrintUnformatted gives; NULL when memory runs out or `doc`
 * holds an invalid item (json_print.c). */
char *onco_json_print_compact(const cJSON *doc);

/* Adds `item` to `array`, or deletes it: 0, or ONCO_ENOMEM when `item` is
 * NULL or could not be added. */
int onco_json_append(cJSON *array, cJSON *item);

/* Sorting a list: onco_json_sort (json_sort.c, private/collect.h). */

#endif
