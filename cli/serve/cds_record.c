/*
 * cds_record.c: the FHIR source record on the cards: where a fact of the
 * case came from in the request, and the card listing what the reader did
 * not understand and the results that conflict. The reader points into
 * the Bundle the service built (/entry/N/...); the EHR knows its request,
 * so every such pointer is written back into it with the entry's prefetch
 * pointer (serve_prefetch.sources).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cds.h"

/* Items of one list written on the card at most: a hostile record of
 * thousands of unknown resources must not make a card of megabytes. */
#define RECORD_ITEMS_MAX 100

void cds_request_pointer(const serve_prefetch *prefetch, const char *bundle_pointer,
			 char *out, size_t size)
{
	const char *p = bundle_pointer, *rest, *base;
	size_t base_len;
	char *end;
	unsigned long n;

	if (p[0] == '\0') {
		snprintf(out, size, "/prefetch");
		return;
	}
	if (strncmp(p, "/entry/", 7) != 0 || p[7] < '0' || p[7] > '9') {
		snprintf(out, size, "%s", p);
		return;
	}
	n = strtoul(p + 7, &end, 10);
	if ((*end != '/' && *end != '\0') || n >= prefetch->count) {
		snprintf(out, size, "%s", p);
		return;
	}
	rest = end;
	base = prefetch->sources[n];
	base_len = strlen(base);
	if (strncmp(rest, "/resource", 9) == 0 && (rest[9] == '/' || rest[9] == '\0')) {
		rest += 9;
	} else if (base_len >= 9 && strcmp(base + base_len - 9, "/resource") == 0) {
		base_len -= 9; /* the entry of a searchset: /prefetch/KEY/entry/M */
	}
	snprintf(out, size, "%.*s%s", (int)base_len, base, rest);
}

/* A pointer as a code span when that is safe, else as escaped text. */
static void md_pointer(cds_text *t, const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		if (*p == '`' || (unsigned char)*p < 0x20)
			break;
	if (*p != '\0' || s[0] == '\0') {
		cds_md(t, s[0] == '\0' ? "(the whole record)" : s);
		return;
	}
	cds_printf(t, "`%s`", s);
}

/* "Observation/x at `/prefetch/...`" for one origin {resource, pointer}. */
static void md_one_origin(cds_text *t, const cJSON *origin, const serve_prefetch *prefetch)
{
	char where[512];

	cds_md(t, cds_str(origin, "resource"));
	cds_request_pointer(prefetch, cds_str(origin, "pointer"), where, sizeof(where));
	cds_puts(t, " at ");
	md_pointer(t, where);
}

void cds_md_origin(cds_text *t, const cJSON *source, const char *case_pointer,
		   const serve_prefetch *prefetch)
{
	const cJSON *facts = cJSON_GetObjectItemCaseSensitive(source, "facts"), *list = NULL,
		    *origin;
	char key[256];
	char *slash;
	int first = 1;

	if (!cJSON_IsObject(facts))
		return;
	snprintf(key, sizeof(key), "%s", case_pointer);
	while (key[0] != '\0') {
		list = cJSON_GetObjectItemCaseSensitive(facts, key);
		if (cJSON_IsArray(list) && cJSON_GetArraySize(list) > 0)
			break;
		list = NULL;
		slash = strrchr(key, '/');
		if (slash == NULL)
			break;
		*slash = '\0';
	}
	if (list == NULL)
		return;
	cds_puts(t, " from ");
	cJSON_ArrayForEach(origin, list) {
		if (!first)
			cds_puts(t, ", ");
		first = 0;
		md_one_origin(t, origin, prefetch);
	}
}

static void md_conflicts(cds_text *t, const cJSON *conflicts, const serve_prefetch *prefetch)
{
	const cJSON *c, *v;
	int n = 0;

	if (cJSON_GetArraySize(conflicts) == 0)
		return;
	cds_puts(t, "**Results that conflict** (each field is left out of the case, so the "
		    "decisions that need it list it as missing):\n\n");
	cJSON_ArrayForEach(c, conflicts) {
		int first = 1;

		if (n++ == RECORD_ITEMS_MAX) {
			cds_printf(t, "- and %d more\n", cJSON_GetArraySize(conflicts) - RECORD_ITEMS_MAX);
			break;
		}
		cds_puts(t, "- ");
		md_pointer(t, cds_str(c, "field"));
		cds_puts(t, ": ");
		cds_md(t, cds_str(c, "reason"));
		cds_puts(t, ". Values: ");
		cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(c, "values")) {
			if (!first)
				cds_puts(t, "; ");
			first = 0;
			cds_md(t, cds_str(v, "value"));
			cds_puts(t, " (");
			md_one_origin(t, v, prefetch);
			cds_puts(t, ")");
		}
		cds_puts(t, "\n");
	}
	cds_puts(t, "\n");
}

static void md_not_understood(cds_text *t, const cJSON *list, const serve_prefetch *prefetch)
{
	const cJSON *item, *code;
	int n = 0;

	if (cJSON_GetArraySize(list) == 0)
		return;
	cds_printf(t, "**Not understood or not used** (%d):\n\n", cJSON_GetArraySize(list));
	cJSON_ArrayForEach(item, list) {
		int first = 1;

		if (n++ == RECORD_ITEMS_MAX) {
			cds_printf(t, "- and %d more\n", cJSON_GetArraySize(list) - RECORD_ITEMS_MAX);
			break;
		}
		cds_puts(t, "- ");
		md_one_origin(t, item, prefetch);
		if (cds_str(item, "text")[0] != '\0') {
			cds_puts(t, ", \"");
			cds_md(t, cds_str(item, "text"));
			cds_puts(t, "\"");
		}
		cJSON_ArrayForEach(code, cJSON_GetObjectItemCaseSensitive(item, "codes")) {
			cds_puts(t, first ? " (" : ", ");
			first = 0;
			cds_md(t, cJSON_IsString(code) ? code->valuestring : "");
		}
		if (!first)
			cds_puts(t, ")");
		cds_puts(t, ": ");
		cds_md(t, cds_str(item, "reason"));
		cds_puts(t, "\n");
	}
	cds_puts(t, "\n");
}

void cds_md_record(cds_text *t, const cJSON *source, const serve_prefetch *prefetch)
{
	md_conflicts(t, cJSON_GetObjectItemCaseSensitive(source, "conflicts"), prefetch);
	md_not_understood(t, cJSON_GetObjectItemCaseSensitive(source, "not_understood"), prefetch);
}
