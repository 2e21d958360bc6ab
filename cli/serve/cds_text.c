/* cds_text.c: the text of CDS cards: a growing string, Markdown escaping,
 * summaries cut at a UTF-8 boundary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cds.h"
#include "printable.h"

void cds_text_free(cds_text *t)
{
	free(t->data);
	memset(t, 0, sizeof(*t));
}

static int reserve(cds_text *t, size_t more)
{
	size_t need, cap;
	char *grown;

	if (t->failed)
		return -1;
	need = t->length + more + 1;
	if (need <= t->capacity)
		return 0;
	cap = t->capacity ? t->capacity : 256;
	while (cap < need)
		cap *= 2;
	grown = realloc(t->data, cap);
	if (grown == NULL) {
		t->failed = 1;
		return -1;
	}
	t->data = grown;
	t->capacity = cap;
	return 0;
}

static void append(cds_text *t, const char *s, size_t n)
{
	if (reserve(t, n) != 0)
		return;
	memcpy(t->data + t->length, s, n);
	t->length += n;
	t->data[t->length] = '\0';
}

void cds_puts(cds_text *t, const char *s)
{
	append(t, s, strlen(s));
}

void cds_printf(cds_text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || reserve(t, (size_t)n) != 0) {
		t->failed = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(t->data + t->length, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->length += (size_t)n;
}

/* Backslash-escapable ASCII punctuation that can start markup inline
 * (CommonMark 0.30, "Backslash escapes"): emphasis, code, links and
 * images, HTML and autolinks, GFM tables and strikethrough, entities. */
static int is_markup(char c)
{
	return c != '\0' && strchr("\\`*_[]<>|~!&#", c) != NULL;
}

/* A control byte, or a code point that reorders or breaks what an EHR
 * shows (cli/printable.h: C1 controls, bidirectional marks, embeddings,
 * overrides and isolates, line and paragraph separators), is shown as one
 * space in a card: it never reverses or splits the text around it, and the
 * text never grows past the summary's limit. Its length in bytes, or 0. */
static size_t hidden_at(const char *s)
{
	unsigned long cp;
	int byte;

	return cli_unprintable_at(s, &cp, &byte);
}

void cds_md(cds_text *t, const char *s)
{
	const char *p;
	size_t n;

	for (p = s; *p != '\0'; p++) {
		if ((n = hidden_at(p)) > 0) {
			append(t, " ", 1);
			p += n - 1;
		} else if (is_markup(*p)) {
			append(t, "\\", 1);
			append(t, p, 1);
		} else
			append(t, p, 1);
	}
}

void cds_plain_cut(cds_text *t, const char *s, size_t max)
{
	size_t n = strlen(s), i, cut;

	if (n > max) {
		cut = max >= 3 ? max - 3 : 0;
		/* back to the start of a UTF-8 character */
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	} else {
		cut = n;
	}
	for (i = 0; i < cut; i++) {
		size_t hidden = hidden_at(s + i);

		if (hidden > 0 && i + hidden <= cut) {
			append(t, " ", 1);
			i += hidden - 1;
		} else {
			append(t, s + i, 1);
		}
	}
	if (cut < n)
		append(t, "...", 3);
}
