/* buf.c: the growable string of buf.h, with JSON pointer escaping. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "onco_error.h"

#define QUOTE_MAX 60

void onco_buf_free(onco_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->length = 0;
	b->capacity = 0;
}

const char *onco_buf_text(const onco_buf *b)
{
	return b->data != NULL ? b->data : "";
}

void onco_buf_truncate(onco_buf *b, size_t length)
{
	if (b->data != NULL && length <= b->length) {
		b->length = length;
		b->data[length] = '\0';
	}
}

/* Makes room for `n` more bytes and the terminating NUL. */
static int reserve(onco_buf *b, size_t n)
{
	size_t need, capacity;
	char *data;

	if (n > (size_t)-1 / 2 - b->length)
		return ONCO_ENOMEM;
	need = b->length + n + 1;
	if (need <= b->capacity)
		return 0;
	capacity = b->capacity != 0 ? b->capacity : 64;
	while (capacity < need)
		capacity *= 2;
	data = realloc(b->data, capacity);
	if (data == NULL)
		return ONCO_ENOMEM;
	b->data = data;
	b->capacity = capacity;
	return 0;
}

int onco_buf_append(onco_buf *b, const char *bytes, size_t n)
{
	if (reserve(b, n) != 0)
		return ONCO_ENOMEM;
	memcpy(b->data + b->length, bytes, n);
	b->length += n;
	b->data[b->length] = '\0';
	return 0;
}

int onco_buf_puts(onco_buf *b, const char *s)
{
	return onco_buf_append(b, s, strlen(s));
}

int onco_buf_printf(onco_buf *b, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	if (n < 0 || reserve(b, (size_t)n) != 0)
		return ONCO_ENOMEM;
	va_start(args, fmt);
	vsnprintf(b->data + b->length, (size_t)n + 1, fmt, args);
	va_end(args);
	b->length += (size_t)n;
	return 0;
}

size_t onco_utf8_sequence(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned long cp;

	if (n == 0)
		return 0;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

int onco_buf_pointer_key(onco_buf *b, const char *key)
{
	const unsigned char *s = (const unsigned char *)key;
	size_t n = strlen(key), i = 0, len;
	int rc = onco_buf_puts(b, "/");

	while (rc == 0 && i < n) {
		if (s[i] == '~') {
			rc = onco_buf_puts(b, "~0");
			len = 1;
		} else if (s[i] == '/') {
			rc = onco_buf_puts(b, "~1");
			len = 1;
		} else if ((len = onco_utf8_sequence(s + i, n - i)) != 0) {
			rc = onco_buf_append(b, key + i, len);
		} else {
			rc = onco_buf_puts(b, "\xef\xbf\xbd");
			len = 1;
		}
		i += len;
	}
	return rc;
}

int onco_buf_pointer_index(onco_buf *b, size_t index)
{
	return onco_buf_printf(b, "/%zu", index);
}

int onco_buf_quote(onco_buf *b, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, len;
	int rc = onco_buf_puts(b, "\"");

	while (rc == 0 && i < n && i < QUOTE_MAX) {
		len = onco_utf8_sequence(u + i, n - i);
		if (len == 0 || u[i] < 0x20 || u[i] == 0x7f) {
			rc = onco_buf_printf(b, "\\x%02x", u[i]);
			len = 1;
		} else {
			rc = onco_buf_append(b, s + i, len);
		}
		i += len;
	}
	if (rc == 0 && i < n)
		rc = onco_buf_puts(b, "...");
	if (rc == 0)
		rc = onco_buf_puts(b, "\"");
	return rc;
}
