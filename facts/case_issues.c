/* case_issues.c: the caller-owned issue list and the default limits. */
#include <stdlib.h>
#include <string.h>

#include "case_internal.h"

void onco_case_limits_default(onco_case_limits *limits)
{
	limits->max_bytes = 1024 * 1024;
	limits->max_depth = 16;
	limits->max_string = 4096;
	limits->max_list = 256;
}

void onco_case_issues_free(onco_case_issues *issues)
{
	size_t i;

	if (issues == NULL)
		return;
	for (i = 0; i < issues->count; i++) {
		free(issues->items[i].pointer);
		free(issues->items[i].message);
	}
	free(issues->items);
	free(issues->case_id);
	memset(issues, 0, sizeof(*issues));
}

static int push(onco_case_issues *issues, const char *pointer,
		const char *message)
{
	onco_case_issue *items;
	size_t capacity;
	char *p, *m;

	if (issues->count == issues->capacity) {
		capacity = issues->capacity != 0 ? issues->capacity * 2 : 8;
		items = realloc(issues->items, capacity * sizeof(*items));
		if (items == NULL)
			return ONCO_ENOMEM;
		issues->items = items;
		issues->capacity = capacity;
	}
	p = strdup(pointer);
	m = strdup(message);
	if (p == NULL || m == NULL) {
		free(p);
		free(m);
		return ONCO_ENOMEM;
	}
	issues->items[issues->count].pointer = p;
	issues->items[issues->count].message = m;
	issues->count++;
	return 0;
}

int onco_issues_add(onco_case_issues *issues, const char *pointer,
		    const char *message)
{
	if (issues->count > ONCO_CASE_MAX_ISSUES)
		return 0;
	if (issues->count == ONCO_CASE_MAX_ISSUES)
		return push(issues, "",
			    "too many problems; only the first ones are listed");
	return push(issues, pointer, message);
}
