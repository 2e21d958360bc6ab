/*
 * fuzz_image.c: libFuzzer harness over the loader of compiled rule bases
 * (engine/image.c), on any bytes.
 *
 * 1. The payload reader (onco_image_read_payload): our code that reads the
 *    footer, then every length and count of the payload. The footer's
 *    checksum is not checked here (a fuzzer cannot forge FNV-1a, and the
 *    checksum is no defence anyway): every input reaches the lengths. It
 *    must refuse (ONCO_ERULES) or read, never crash or leak, and what it
 *    reads must be consistent (a 64-digit hash, every rule with its
 *    fields, its kinds within their enums, every list as long as its
 *    count).
 * 2. The whole loader (onco_engine_open with the bytes as an image file)
 *    with a SHA-256 that is not theirs: it must refuse, before CLIPS reads
 *    a byte (CLIPS trusts every index of a binary image; a trusted image is
 *    code, so its CLIPS part is out of this harness's reach by design).
 */
#define _GNU_SOURCE

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "onco.h"
#include "private/image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What the engine relies on in a rule's info read from an image: its
 * strings present, its kinds within their enums (they index tables), every
 * list as long as its count says (each element is read here, so that
 * AddressSanitizer sees any that is not there). */
static void rule_consistent(const onco_image_rule *rule)
{
	const onco_rule_info *info = &rule->info;
	size_t i, j, n = 0;

	if (rule->name == NULL || info->name == NULL || info->file == NULL || info->line < 0 ||
	    (unsigned)info->kind > ONCO_RULE_LEAD)
		abort();
	for (i = 0; i < info->n_agents; i++)
		n += strlen(info->agents[i]);
	for (i = 0; i < info->n_cites; i++)
		n += strlen(info->cites[i]);
	for (i = 0; i < info->n_conditions; i++) {
		const onco_condition *c = &info->conditions[i];

		if (c->text == NULL || (unsigned)c->kind > ONCO_COND_OTHER)
			abort();
		n += strlen(c->text) + (c->name != NULL ? strlen(c->name) : 0);
	}
	for (i = 0; i < info->n_decls; i++) {
		const onco_decl *d = &info->decls[i];

		n += strlen(d->slot);
		for (j = 0; j < d->n_values; j++) {
			if ((unsigned)d->values[j].type > ONCO_DECL_FLOAT)
				abort();
			n += strlen(d->values[j].text);
		}
	}
	if (n == (size_t)-1)
		abort(); /* keeps the lengths read */
}

static void read_payload(const uint8_t *data, size_t size)
{
	onco_image_payload p;
	onco_error err;
	size_t i;
	int rc;

	rc = onco_image_read_payload(data, size, "fuzz", 0, size > 0 && data[0] % 2, &p, &err);
	if (rc == 0) {
		if (p.version == NULL || p.sha256 == NULL || strlen(p.sha256) != 64 ||
		    p.clips_size > size)
			abort();
		for (i = 0; i < p.n_rules; i++)
			rule_consistent(&p.rules[i]);
	} else if (rc != ONCO_ERULES && rc != ONCO_ENOMEM) {
		abort();
	}
	onco_image_payload_release(&p);
}

static void open_untrusted(const uint8_t *data, size_t size)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;
	char path[64];
	int fd = memfd_create("fuzz-image", MFD_CLOEXEC);

	if (fd < 0)
		return;
	if (size > 0 && write(fd, data, size) != (ssize_t)size) {
		close(fd);
		return;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	onco_engine_options_default(&opts);
	opts.kb_image = path;
	opts.kb_image_sha256 = "0000000000000000000000000000000000000000000000000000000000000000";
	if (onco_engine_open(&engine, &opts, &err) == 0 || err.code != ONCO_ERULES)
		abort(); /* loaded, or refused for another reason than trust */
	close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	read_payload(data, size);
	/* The whole loader costs a CLIPS environment: one input in 16. */
	if (size > 0 && data[0] % 16 == 0)
		open_untrusted(data, size);
	return 0;
}
