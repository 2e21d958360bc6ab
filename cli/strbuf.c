/* strbuf.c: the command line's growable string (see strbuf.h). */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *cli_xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);

	if (q == NULL) {
		fputs("oncorules: out of memory\n", stderr);
		exit(3);
	}
	return q;
}

char *cli_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(cli_xrealloc(NULL, n), s, n);
}

void cli_buf_free(cli_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->length = b->capacity = 0;
}

const char *cli_buf_text(const cli_buf *b)
{
	return b->data != NULL ? b->data : "";
}

static void reserve(cli_buf *b, size_t extra)
{
	size_t need = b->length + extra + 1;

	if (need <= b->capacity)
		return;
	b->capacity = b->capacity ? b->capacity : 64;
	while (b->capacity < need)
		b->capacity *= 2;
	b->data = cli_xrealloc(b->data, b->capacity);
}

void cli_buf_append(cli_buf *b, const char *bytes, size_t n)
{
	reserve(b, n);
	memcpy(b->data + b->length, bytes, n);
	b->length += n;
	b->data[b->length] = '\0';
}

void cli_buf_puts(cli_buf *b, const char *s)
{
	cli_buf_append(b, s, strlen(s));
}

void cli_buf_printf(cli_buf *b, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	if (n <= 0)
		return;
	reserve(b, (size_t)n);
	va_start(args, fmt);
	vsnprintf(b->data + b->length, (size_t)n + 1, fmt, args);
	va_end(args);
	b->length += (size_t)n;
}

char *cli_buf_take(cli_buf *b)
{
	char *s = b->data != NULL ? b->data : cli_xstrdup("");

	b->data = NULL;
	b->length = b->capacity = 0;
	return s;
}
