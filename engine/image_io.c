/* image_io.c: the fields of an image's payload (see private/image_io.h). */
#include <stdlib.h>
#include <string.h>

#include "onco_error.h"
#include "private/image_io.h"

/* The length that stands for NULL in an optional string: no real string
 * is that long, and a reader never allocates for it. */
#define NULL_LENGTH UINT64_MAX

void onco_image_put_bytes(onco_image_writer *w, const void *p, size_t n)
{
	if (w->failed || n == 0)
		return;
	if (fwrite(p, 1, n, w->f) != n)
		w->failed = 1;
}

void onco_image_put_u64(onco_image_writer *w, uint64_t v)
{
	unsigned char le[8];
	int i;

	for (i = 0; i < 8; i++)
		le[i] = (unsigned char)(v >> (8 * i));
	onco_image_put_bytes(w, le, 8);
}

void onco_image_put_data(onco_image_writer *w, const void *p, size_t n)
{
	onco_image_put_u64(w, n);
	onco_image_put_bytes(w, p, n);
	onco_image_put_bytes(w, "", 1);
}

void onco_image_put_str(onco_image_writer *w, const char *s)
{
	onco_image_put_data(w, s, s != NULL ? strlen(s) : 0);
}

void onco_image_put_opt_str(onco_image_writer *w, const char *s)
{
	if (s == NULL)
		onco_image_put_u64(w, NULL_LENGTH);
	else
		onco_image_put_str(w, s);
}

uint64_t onco_image_get_u64(onco_image_reader *r)
{
	const unsigned char *p = r->p;
	uint64_t v;

	if (r->bad || r->end - p < 8) {
		r->bad = 1;
		return 0;
	}
	/* One expression, which compilers turn into a single load on a
	 * little-endian machine (a loop they did not). */
	v = (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
	    (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
	    (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
	r->p += 8;
	return v;
}

int onco_image_get_span(onco_image_reader *r, int optional, const char **s, size_t *length)
{
	uint64_t n = onco_image_get_u64(r);

	*s = NULL;
	*length = 0;
	if (!r->bad && optional && n == NULL_LENGTH)
		return 0;
	if (r->bad || n >= (uint64_t)(r->end - r->p) || r->p[n] != '\0') {
		r->bad = 1;
		return ONCO_ERULES;
	}
	*s = (const char *)r->p;
	*length = (size_t)n;
	r->p += n + 1;
	return 0;
}

char *onco_image_get_bytes(onco_image_reader *r, size_t *length)
{
	const char *at;
	size_t n;
	char *s;

	if (onco_image_get_span(r, 0, &at, &n) != 0)
		return NULL;
	s = malloc(n + 1);
	if (s == NULL)
		return NULL;
	memcpy(s, at, n);
	s[n] = '\0';
	if (length != NULL)
		*length = n;
	return s;
}

char *onco_image_get_str(onco_image_reader *r)
{
	return onco_image_get_bytes(r, NULL);
}

size_t onco_image_left(const onco_image_reader *r)
{
	return (size_t)(r->end - r->p);
}
