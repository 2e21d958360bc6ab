/*
 * image_io.h: the fields an image's payload is made of (image_io.c):
 * 8-byte little-endian numbers and length-prefixed strings, appended to a
 * file, and read back with every length checked against the bytes left.
 * Private to engine/ (image.c, image_rules.c).
 *
 * A writer remembers a failed write (`failed`) and then writes nothing
 * more; a reader remembers damage (`bad`: a field that runs past the end)
 * and then reads nothing more. Strings read by onco_image_get_str and
 * onco_image_get_bytes are new copies the caller frees.
 */
#ifndef ONCO_IMAGE_IO_H
#define ONCO_IMAGE_IO_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct onco_image_writer {
	FILE *f;
	int failed;
} onco_image_writer;

void onco_image_put_bytes(onco_image_writer *w, const void *p, size_t n);
void onco_image_put_u64(onco_image_writer *w, uint64_t v);
/* `n` bytes as their length, the bytes and a NUL (not counted in the
 * length, so that a reader can use them where they are, as a string,
 * without a copy). */
void onco_image_put_data(onco_image_writer *w, const void *p, size_t n);
/* A string the same way; NULL is written as "". */
void onco_image_put_str(onco_image_writer *w, const char *s);
/* A string that may be NULL: read back as NULL (onco_image_get_opt_str). */
void onco_image_put_opt_str(onco_image_writer *w, const char *s);

typedef struct onco_image_reader {
	const unsigned char *p, *end;
	int bad;
} onco_image_reader;

/* 0 (and r->bad set) when fewer than 8 bytes are left. */
uint64_t onco_image_get_u64(onco_image_reader *r);

/* A NUL-terminated copy of the next string field, its length in *length
 * when not NULL; NULL when the image is damaged (r->bad set) or memory runs
 * out (r->bad stays 0). */
char *onco_image_get_bytes(onco_image_reader *r, size_t *length);
char *onco_image_get_str(onco_image_reader *r);

/* The next string field where it is, without a copy: *s points at its
 * bytes in the image, NUL-terminated there, *length is their count. With
 * `optional`, a string written as NULL (onco_image_put_opt_str) gives *s
 * NULL. Returns 0, or ONCO_ERULES (r->bad set) when the field runs past
 * the end, has no NUL after its bytes, or is NULL where `optional` is 0. */
int onco_image_get_span(onco_image_reader *r, int optional, const char **s, size_t *length);

/* Bytes left to read. */
size_t onco_image_left(const onco_image_reader *r);

#endif
