/*
 * buf.h: a growable, always NUL-terminated byte string (private to
 * facts/), for JSON pointers and issue messages.
 *
 * Every append returns 0 or ONCO_ENOMEM; after a failure the buffer keeps
 * what it held, so the caller can still free it.
 */
#ifndef ONCO_BUF_H
#define ONCO_BUF_H

#include <stddef.h>

typedef struct onco_buf {
	char *data; /* NULL until the first append */
	size_t length;
	size_t capacity;
} onco_buf;

#define ONCO_BUF_INIT { NULL, 0, 0 }

void onco_buf_free(onco_buf *b);

/* The text, "" for an empty buffer that never grew. */
const char *onco_buf_text(const onco_buf *b);

/* Cuts the text back to `length` bytes (a length it had before). */
void onco_buf_truncate(onco_buf *b, size_t length);

int onco_buf_append(onco_buf *b, const char *bytes, size_t n);
int onco_buf_puts(onco_buf *b, const char *s);
int onco_buf_printf(onco_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/*
 * Appends "/" and `key` as one JSON pointer token (RFC 6901: "~" becomes
 * "~0", "/" becomes "~1"). Bytes that are not valid UTF-8 become U+FFFD,
 * so that a pointer can always be written into JSON output.
 */
int onco_buf_pointer_key(onco_buf *b, const char *key);
int onco_buf_pointer_index(onco_buf *b, size_t index);

/*
 * Appends `s` in double quotes for a message: at most 60 bytes of it,
 * control characters and invalid UTF-8 written as \xNN, and "..." when cut.
 * Case text quoted in a message can then neither flood nor corrupt it.
 */
int onco_buf_quote(onco_buf *b, const char *s);

/* Length of the valid UTF-8 sequence at s[0..n), or 0 when invalid
 * (overlong forms, surrogates and code points past U+10FFFF are invalid). */
size_t onco_utf8_sequence(const unsigned char *s, size_t n);

#endif
