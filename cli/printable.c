/* printable.c: control characters of case data escaped for text output
 * (see printable.h). */
#include "printable.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Code points that are not control bytes but still drive a terminal or
 * reorder what it shows: C1 controls (0x85 is a line break, 0x9b the
 * escape of CSI), the bidirectional marks, embeddings, overrides and
 * isolates, and the line and paragraph separators. */
static const struct {
	unsigned long first, last;
} hidden[] = {
	{0x0080, 0x009f}, /* C1 controls */
	{0x061c, 0x061c}, /* ARABIC LETTER MARK */
	{0x200e, 0x200f}, /* LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK */
	{0x2028, 0x2029}, /* LINE SEPARATOR, PARAGRAPH SEPARATOR */
	{0x202a, 0x202e}, /* embeddings and overrides (LRE ... RLO) */
	{0x2066, 0x2069}, /* isolates (LRI ... PDI) */
};

/* The code point of the 2- or 3-byte UTF-8 sequence at `s`, and its
 * length; 0 when `s` does not start one (the other bytes pass as they
 * are: the readers check the encoding). */
static size_t sequence(const unsigned char *s, unsigned long *cp)
{
	if (s[0] >= 0xc2 && s[0] <= 0xdf && (s[1] & 0xc0) == 0x80) {
		*cp = ((unsigned long)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
		return 2;
	}
	if (s[0] >= 0xe0 && s[0] <= 0xef && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
		*cp = ((unsigned long)(s[0] & 0x0f) << 12) | ((unsigned long)(s[1] & 0x3f) << 6) |
		      (s[2] & 0x3f);
		return 3;
	}
	return 0;
}

size_t cli_unprintable_at(const char *s, unsigned long *cp, int *byte)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, i;

	*byte = u[0] < 0x20 || u[0] == 0x7f;
	if (*byte)
		return 1;
	if (u[0] < 0x80 || (n = sequence(u, cp)) == 0)
		return 0;
	for (i = 0; i < sizeof(hidden) / sizeof(hidden[0]); i++)
		if (*cp >= hidden[i].first && *cp <= hidden[i].last)
			return n;
	return 0;
}

void cli_printable_append(cli_buf *b, const char *s)
{
	const char *run = s;
	unsigned long cp;
	size_t n;
	int byte;

	while (*s != '\0') {
		n = cli_unprintable_at(s, &cp, &byte);
		if (n == 0) {
			s++;
			continue;
		}
		cli_buf_append(b, run, (size_t)(s - run));
		if (byte)
			cli_buf_printf(b, "\\x%02x", (unsigned char)*s);
		else
			cli_buf_printf(b, "\\u{%04lX}", cp);
		s += n;
		run = s;
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
	unsigned long cp;
	int byte;

	for (; s != NULL && *s != '\0'; s++)
		if (cli_unprintable_at(s, &cp, &byte) != 0)
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

/* A key or value the item does not own (cJSON_StringIsConst,
 * cJSON_IsReference: the engine builds its answer so, without copies) is
 * replaced by an escaped copy the item then owns, never left unescaped;
 * the flag is cleared so that cJSON frees the copy. Documents parsed from
 * text own all their strings. */
void cli_json_printable(cJSON *item)
{
	cJSON *child;

	if (item == NULL)
		return;
	if (needs_escape(item->string)) {
		char *key = cjson_printable(item->string);

		if (!(item->type & cJSON_StringIsConst))
			cJSON_free(item->string);
		item->type &= ~cJSON_StringIsConst;
		item->string = key;
	}
	if (cJSON_IsString(item) && needs_escape(item->valuestring)) {
		char *value = cjson_printable(item->valuestring);

		if (!(item->type & cJSON_IsReference))
			cJSON_free(item->valuestring);
		item->type &= ~cJSON_IsReference;
		item->valuestring = value;
	}
	for (child = item->child; child != NULL; child = child->next)
		cli_json_printable(child);
}
