/*
 * case_pointer.c: onco_case_recorded, what a validated case records at a
 * JSON pointer. The engine asks it before it says "not recorded" about a
 * field a decision needs: a field the case states (HER2 "unknown", a list
 * of prior treatments) is recorded, and the answer must say what it holds
 * instead.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "case_internal.h"

/* The member or item that one reference token of a pointer names (RFC
 * 6901: "~1" is '/', "~0" is '~'), NULL when there is none. */
static const cJSON *step(const cJSON *node, const char *token, size_t length)
{
	char key[256];
	size_t i, k = 0;

	if (length >= sizeof(key))
		return NULL;
	for (i = 0; i < length; i++) {
		if (token[i] == '~' && i + 1 < length && (token[i + 1] == '0' || token[i + 1] == '1')) {
			key[k++] = token[i + 1] == '0' ? '~' : '/';
			i++;
		} else {
			key[k++] = token[i];
		}
	}
	key[k] = '\0';
	if (cJSON_IsObject(node))
		return cJSON_GetObjectItemCaseSensitive(node, key);
	if (cJSON_IsArray(node)) {
		char *end;
		long index = strtol(key, &end, 10);

		if (k == 0 || *end != '\0' || index < 0)
			return NULL;
		return cJSON_GetArrayItem(node, (int)index);
	}
	return NULL;
}

int onco_case_recorded(const onco_case *c, const char *pointer, char *text, size_t size)
{
	const cJSON *node = c != NULL ? c->root : NULL;
	const char *p = pointer;

	if (size > 0)
		text[0] = '\0';
	if (node == NULL || pointer == NULL || (pointer[0] != '\0' && pointer[0] != '/'))
		return 0;
	while (node != NULL && *p == '/') {
		const char *end = strchr(p + 1, '/');
		size_t length = end != NULL ? (size_t)(end - p - 1) : strlen(p + 1);

		node = step(node, p + 1, length);
		p += 1 + length;
	}
	if (node == NULL || cJSON_IsNull(node))
		return 0;
	if (size == 0)
		return 1;
	if (cJSON_IsString(node))
		snprintf(text, size, "%s", node->valuestring);
	else if (cJSON_IsBool(node))
		snprintf(text, size, "%s", cJSON_IsTrue(node) ? "true" : "false");
	else if (cJSON_IsNumber(node))
		snprintf(text, size, "%g", node->valuedouble);
	else if (cJSON_IsArray(node))
		snprintf(text, size, "%d item%s", cJSON_GetArraySize(node),
			 cJSON_GetArraySize(node) == 1 ? "" : "s");
	else
		snprintf(text, size, "recorded");
	return 1;
}
