/*
 * image.h: reading a compiled rule base's payload (image.c), apart from
 * loading it into CLIPS, so that the fuzz harness can drive the parser of
 * every length and count of an image on its own. Private to engine/.
 */
#ifndef ONCO_IMAGE_H
#define ONCO_IMAGE_H

#include <stddef.h>
#include <stdint.h>

#include "private/arena.h"
#include "private/engine_internal.h"
#include "private/image_io.h"

/* One rule of the payload. */
typedef struct onco_image_rule {
	char *name;          /* as CLIPS names it (with its module) */
	onco_rule_info info; /* what rule_info.c read from its text, file, line */
} onco_image_rule;

/* Everything the payload holds, copied out of the image, or, for the
 * strings of the rules and the files, used where they are in it
 * (knowledge.borrowed). */
typedef struct onco_image_payload {
	size_t clips_size; /* bytes of the CLIPS part (the payload's offset) */
	char *version;
	char *sha256;
	onco_image_rule *rules;
	size_t n_rules;
	onco_arena rule_memory; /* every string and array of `rules` */
	onco_kb knowledge; /* citations, finding definitions, guidelines */
} onco_image_payload;

/*
 * Checks the footer of `image` (and its checksum when `check_sum`) and
 * reads the payload into *out (zeroed first; released with
 * onco_image_payload_release, also after a failure). With `borrow`, the
 * rules' strings and the files are not copied but used where they are in
 * `image`, which must then outlive what is read (an image built into the
 * program). Every length and count is checked against the image. Returns
 * 0, ONCO_ERULES (not an image, or damaged: `name` in the message), or
 * ONCO_ENOMEM.
 */
int onco_image_read_payload(const unsigned char *image, size_t size, const char *name,
			    int check_sum, int borrow, onco_image_payload *out, onco_error *err);
void onco_image_payload_release(onco_image_payload *p);

/* A rule as the payload holds it (image_rules.c): its CLIPS name, then
 * its info (with file and line). Written; read into *out (zeroed first),
 * every array taken from `memory`, which owns them (never
 * onco_rule_info_release), every string too, or, with `borrow`, used where
 * it is in the image, which must then outlive what is read. The readers
 * return 0, ONCO_ERULES when the bytes are damaged (a kind out of range, a
 * count or a length past the end), or ONCO_ENOMEM. */
void onco_image_put_rule_info(onco_image_writer *w, const onco_rule_info *info);
int onco_image_get_rule_name(onco_image_reader *r, onco_arena *memory, int borrow,
			     char **name);
int onco_image_get_rule_info(onco_image_reader *r, onco_arena *memory, int borrow,
			     onco_rule_info *out);

/* Reads an image file through one descriptor (a regular file of at most
 * 1 GiB); the caller frees *out. ONCO_EIO, ONCO_ENOMEM. */
int onco_image_read_file(const char *path, unsigned char **out, size_t *size,
			 onco_error *err);

#endif
