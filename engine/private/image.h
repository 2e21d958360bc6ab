/*
 * image.h: reading a compiled rule base's payload (image.c), apart from
 * loading it into CLIPS, so that the fuzz harness can drive the parser of
 * every length and count of an image on its own. Private to engine/.
 */
#ifndef ONCO_IMAGE_H
#define ONCO_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "private/engine_internal.h"

/* One rule of the payload: the copies it owns. */
typedef struct onco_image_rule {
	char *name;
	char *file;
	uint64_t line;
	char *ppform;
} onco_image_rule;

/* Everything the payload holds, copied out of the image. */
typedef struct onco_image_payload {
	size_t clips_size; /* bytes of the CLIPS part (the payload's offset) */
	char *version;
	char *sha256;
	onco_image_rule *rules;
	size_t n_rules;
	onco_kb knowledge; /* citations, finding definitions, guidelines */
} onco_image_payload;

/*
 * Checks the footer of `image` (and its checksum when `check_sum`) and
 * reads the payload into *out (zeroed first; released with
 * onco_image_payload_release, also after a failure). Every length and
 * count is checked against the image. Returns 0, ONCO_ERULES (not an image,
 * or damaged: `name` in the message), or ONCO_ENOMEM.
 */
int onco_image_read_payload(const unsigned char *image, size_t size, const char *name,
			    int check_sum, onco_image_payload *out, onco_error *err);
void onco_image_payload_release(onco_image_payload *p);

/* Reads an image file through one descriptor (a regular file of at most
 * 1 GiB); the caller frees *out. ONCO_EIO, ONCO_ENOMEM. */
int onco_image_read_file(const char *path, unsigned char **out, size_t *size,
			 onco_error *err);

#endif
