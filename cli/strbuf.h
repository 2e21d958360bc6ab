/*
 * strbuf.h: a growable, NUL-terminated string for the command line's
 * reports (test failures, diffs, JUnit XML).
 *
 * The command line may exit, the library may not: running out of memory
 * here prints a message and exits with status 3, so that the report code
 * reads straight through.
 */
#ifndef ONCO_CLI_STRBUF_H
#define ONCO_CLI_STRBUF_H

#include <stddef.h>

typedef struct cli_buf {
	char *data; /* NULL until the first append */
	size_t length;
	size_t capacity;
} cli_buf;

#define CLI_BUF_INIT { NULL, 0, 0 }

void cli_buf_free(cli_buf *b);

/* The text; "" for a buffer that never grew. */
const char *cli_buf_text(const cli_buf *b);

void cli_buf_append(cli_buf *b, const char *bytes, size_t n);
void cli_buf_puts(cli_buf *b, const char *s);
void cli_buf_printf(cli_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Takes the text out of the buffer (the caller frees it with free()) and
 * leaves the buffer empty. Never NULL. */
char *cli_buf_take(cli_buf *b);

/* malloc/realloc/strdup that exit with status 3 when memory runs out. */
void *cli_xrealloc(void *p, size_t size);
char *cli_xstrdup(const char *s);

#endif
