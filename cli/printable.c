/* printable.c: control characters of case data escaped for text output
 * (see printable.h). */
#include "printable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int is_control(unsigned char c)
{
	return c < 0x20 || c == 0x7f;
}

void cli_printable_append(cli_buf *b, const char *s)
{
	const char *run = s;

	for (; *s != '\0'; s++) {
		if (!is_control((unsigned char)*s))
			continue;
		cli_buf_append(b, run, (size_t)(s - run));
		cli_buf_printf(b, "\\x%02x", (unsigned char)*s);
		run = s + 1;
	}
	cli_buf_append(b, run, (size_t)(s - run));
}

char *cli_printable(const char *s)
{
	cli_buf b = CLI_BUF_INIT;

	cli_printable_append(&b, s != NULL ? s : "");
	return cli_buf_take(&b);
}

static int needs_escape(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (is_control((unsigned char)*s))
			return 1;
	return 0;
}

/* A copy of `s` escaped, in memory cJSON owns (its strings are freed with
 * cJSON_free). */
static char *cjson_printable(const char *s)
{
	char *escaped = cli_printable(s), *copy;
	size_t n = strlen(escaped) + 1;

	copy = cJSON_malloc(n);
	if (copy == NULL) {
		fputs("oncorules: out of memory\n", stderr);
		exit(3);
	}
	memcpy(copy, escaped, n);
	free(escaped);
	return copy;
}

void cli_json_printable(cJSON *item)
{
	cJSON *child;

	if (item == NULL)
		return;
	if (needs_escape(item->string) && !(item->type & cJSON_StringIsConst)) {
		char *key = cjson_printable(item->string);

		cJSON_free(item->string);
		item->string = key;
	}
	if (cJSON_IsString(item) && needs_escape(item->valuestring) &&
	    !(item->type & cJSON_IsReference)) {
		char *value = cjson_printable(item->valuestring);

		cJSON_free(item->valuestring);
		item->valuestring = value;
	}
	for (child = item->child; child != NULL; child = child->next)
		cli_json_printable(child);
}
