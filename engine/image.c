/*
 * image.c: the compiled rule base (`oncorules compile`), so that opening
 * an engine skips parsing the rule text.
 *
 * An image file is the CLIPS binary image of the environment (EnvBsave)
 * followed by what the engine otherwise reads from the rule text and CLIPS
 * does not keep in a binary image: the rule base's version and hash, and
 * for each rule its file and line and what the engine read from its
 * pretty-print form (conditions, conclusion, declarations: binary images
 * drop pretty-print forms, and reading 500 of them again at every start
 * was a third of a cold `evaluate`). Then a fixed footer:
 *
 *   [CLIPS bsave bytes][payload][payload offset: 8][payload length: 8]
 *   [checksum: 8][magic: 16]
 *
 * EnvBload reads the CLIPS part and ignores the bytes after it. Payload
 * fields are length-prefixed (8-byte little-endian lengths, image_io.h),
 * in this order: version, sha256, rule count, then per rule: name, file,
 * line and its rule info (format 4; the fields are listed in
 * image_rules.c); then the knowledge tables the engine indexes at open
 * (citations: id, source, label, quote; finding definitions: name, text,
 * fields; guidelines: id, title, source, covers; card definitions: id,
 * guideline, kind, title, order), each preceded by its count: the engine
 * removes those deffacts from the environment after indexing them, so the
 * CLIPS part no longer holds them.
 * Last, the rule-base files themselves (since format 3): the folder they
 * were read from ("rules" for the built-in rule base), the file count,
 * then per file its name and bytes (VERSION, *.clp, sources/ *.txt,
 * knowledge-map.md), so that an image carries everything the text does:
 * the knowledge map for coverage, the text for lint and `test --changed`.
 *
 * An image is code. CLIPS trusts every index of a binary image: a damaged
 * or forged one crashes EnvBload or the run, or changes answers, and fully
 * verifying the CLIPS part would mean rewriting its loader. So an image is
 * signed instead, by a value kept outside it: an image file is loaded only
 * when the SHA-256 of its bytes equals the one the caller gives
 * (opts.kb_image_sha256; `oncorules compile` prints it, `sha256sum` gives
 * the same). The file is opened once, read through that descriptor,
 * hashed, and the bytes that were hashed are what EnvBload reads (through
 * a memory file), so nothing can change between the check and the use. The
 * image built into the binary is part of the binary and trusted as such.
 * The checksum in the footer (64-bit FNV-1a of every byte before it) only
 * tells accidental damage apart: it is no signature. It is checked for an
 * image file (a copy damaged in transit has a SHA-256 of its own, and a
 * user who pins what `sha256sum` prints for that copy would trust it; the
 * CLIPS loader then crashes or answers differently), not for the bytes
 * built into the program, which are part of its code (1 M instructions at
 * every start). Every length of the payload is checked against the image
 * too.
 *
 * An image is tied to the CLIPS build (word size, version) that wrote it;
 * EnvBload refuses another one, and we report that as ONCO_ERULES.
 */
/* memfd_create (Linux, glibc 2.27+). */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <clips.h>

#include "private/engine_internal.h"
#include "private/image.h"

static const char image_magic[16] = "ONCORULES-IMG-4\n";
#define FOOTER_BYTES (8 + 8 + 8 + sizeof(image_magic))
/* Largest payload we accept: far above any real rule base. */
#define PAYLOAD_MAX (256u * 1024 * 1024)

/* FNV-1a over 64-bit words in the machine's byte order (then the bytes
 * left over): eight times fewer steps than bytewise FNV-1a, which mattered
 * at start-up. The byte order is the machine's because a CLIPS binary image
 * is only ever read back on the kind of machine that wrote it. */
static uint64_t fnv1a(uint64_t h, const unsigned char *p, size_t n)
{
	uint64_t w;

	for (; n >= 8; n -= 8, p += 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0x100000001b3ULL;
	}
	while (n-- > 0)
		h = (h ^ *p++) * 0x100000001b3ULL;
	return h;
}

#define FNV_OFFSET 0xcbf29ce484222325ULL

int onco_image_wanted(const onco_engine_options *opts)
{
	return opts->kb_image != NULL || opts->kb_image_data != NULL;
}

/* ------------------------------------------------------------- writing */

/* Appends the knowledge tables, as onco_knowledge_index left them. */
static void put_knowledge(onco_image_writer *w, const onco_kb *kb)
{
	size_t i, j;

	onco_image_put_u64(w, kb->n_citations);
	for (i = 0; i < kb->n_citations; i++) {
		onco_image_put_str(w, kb->citations[i].id);
		onco_image_put_str(w, kb->citations[i].source);
		onco_image_put_str(w, kb->citations[i].label);
		onco_image_put_str(w, kb->citations[i].quote);
	}
	onco_image_put_u64(w, kb->n_finding_defs);
	for (i = 0; i < kb->n_finding_defs; i++) {
		onco_image_put_str(w, kb->finding_defs[i].name);
		onco_image_put_str(w, kb->finding_defs[i].text);
		onco_image_put_u64(w, kb->finding_defs[i].n_fields);
		for (j = 0; j < kb->finding_defs[i].n_fields; j++)
			onco_image_put_str(w, kb->finding_defs[i].fields[j]);
	}
	onco_image_put_u64(w, kb->n_guidelines);
	for (i = 0; i < kb->n_guidelines; i++) {
		onco_image_put_str(w, kb->guidelines[i].id);
		onco_image_put_str(w, kb->guidelines[i].title);
		onco_image_put_str(w, kb->guidelines[i].source);
		onco_image_put_str(w, kb->guidelines[i].covers);
	}
	onco_image_put_u64(w, kb->n_card_defs);
	for (i = 0; i < kb->n_card_defs; i++) {
		onco_image_put_str(w, kb->card_defs[i].id);
		onco_image_put_str(w, kb->card_defs[i].guideline);
		onco_image_put_str(w, kb->card_defs[i].kind);
		onco_image_put_str(w, kb->card_defs[i].title);
		onco_image_put_u64(w, (uint64_t)(int64_t)kb->card_defs[i].order);
	}
}

/* Appends the rule-base files, as onco_kb_read_files read them. */
static void put_files(onco_image_writer *w, const onco_kb *kb)
{
	size_t i;

	onco_image_put_str(w, kb->origin);
	onco_image_put_u64(w, kb->n_files);
	for (i = 0; i < kb->n_files; i++) {
		onco_image_put_str(w, kb->files[i].name);
		onco_image_put_data(w, kb->files[i].data, kb->files[i].length);
	}
}

/* Appends the payload: version, hash, each rule's name and what was read
 * from its text, file and line (image_rules.c) in definition order, then
 * the knowledge tables and the files. */
static int put_payload(onco_image_writer *w, onco_engine *engine)
{
	void *rule = EnvGetNextDefrule(engine->env, NULL);
	size_t i;

	onco_image_put_str(w, engine->kb.version);
	onco_image_put_str(w, engine->kb.sha256);
	onco_image_put_u64(w, engine->kb.n_rules);
	for (i = 0; i < engine->kb.n_rules && rule != NULL;
	     i++, rule = EnvGetNextDefrule(engine->env, rule)) {
		onco_image_put_str(w, EnvGetDefruleName(engine->env, rule));
		onco_image_put_rule_info(w, &engine->kb.rules[i]);
	}
	put_knowledge(w, &engine->kb);
	put_files(w, &engine->kb);
	return i == engine->kb.n_rules && rule == NULL ? 0 : ONCO_EINTERNAL;
}

/*
 * Where the image is written: `path` must be absent or a regular file (a
 * device node, a directory, a FIFO or a symbolic link there is refused,
 * never replaced). The image goes to a new file made with mkstemp in the
 * same directory (O_EXCL: nothing planted there is followed), through its
 * descriptor (CLIPS's bsave opens a name, so it is given /proc/self/fd/N,
 * which is that file whatever happens to its name), is synced, and then
 * renamed over `path`.
 */
static int check_target(const char *path, mode_t *mode, onco_error *err)
{
	struct stat st;

	/* A new image is readable by all, like a file the compiler writes;
	 * a replaced one keeps its permissions. */
	*mode = 0644;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0
				       : onco_error_set(err, ONCO_EIO, "cannot write %s: %s", path,
							strerror(errno));
	*mode = st.st_mode & 07777;
	if (!S_ISREG(st.st_mode))
		return onco_error_set(err, ONCO_EIO,
				      "refusing to replace %s: it is not a regular file (%s)", path,
				      S_ISLNK(st.st_mode)   ? "a symbolic link"
				      : S_ISDIR(st.st_mode) ? "a directory"
				      : S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "a device"
										     : "a special file");
	return 0;
}

/* The temporary file: "<dir>/.<name>.XXXXXX". */
static int make_temporary(const char *path, char *tmp, size_t size, onco_error *err)
{
	char dir_copy[ONCO_ERROR_PATH_MAX], base_copy[ONCO_ERROR_PATH_MAX];
	int fd;

	if (snprintf(dir_copy, sizeof(dir_copy), "%s", path) >= (int)sizeof(dir_copy) ||
	    snprintf(base_copy, sizeof(base_copy), "%s", path) >= (int)sizeof(base_copy) ||
	    snprintf(tmp, size, "%s/.%s.XXXXXX", dirname(dir_copy), basename(base_copy)) >=
		    (int)size)
		return onco_error_set(err, ONCO_EIO, "path too long: %s", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		return onco_error_set(err, ONCO_EIO, "cannot write %s: %s", tmp, strerror(errno));
	return fd;
}

/* Makes the rename durable: syncs the directory that holds `path`. */
static void sync_directory(const char *path)
{
	char dir_copy[ONCO_ERROR_PATH_MAX];
	int fd;

	snprintf(dir_copy, sizeof(dir_copy), "%s", path);
	fd = open(dirname(dir_copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

/* The arguments of onco_engine_save_image, for the guarded call. */
typedef struct save_args {
	const char *path;
	onco_error *err;
} save_args;

static int save_in_clips(onco_engine *engine, void *arg);

int onco_engine_save_image(onco_engine *engine, const char *path, onco_error *err)
{
	save_args a = {path, err};

	onco_error_clear(err);
	return onco_guarded(engine, save_in_clips, &a, err);
}

static int save_in_clips(onco_engine *engine, void *arg)
{
	const char *path = ((save_args *)arg)->path;
	onco_error *err = ((save_args *)arg)->err;
	onco_image_writer w = {NULL, 0};
	unsigned char *body = NULL;
	char tmp[ONCO_ERROR_PATH_MAX + 16], bsave_name[sizeof(tmp)];
	long offset, end;
	mode_t mode;
	int saved_checking, rc, fd;

	if (onco_image_wanted(&engine->opts))
		return onco_error_set(err, ONCO_EINVALID,
				      "an engine opened from an image cannot write one");
	rc = check_target(path, &mode, err);
	if (rc != 0)
		return rc;
	fd = make_temporary(path, tmp, sizeof(tmp), err);
	if (fd < 0)
		return fd;
	if (fchmod(fd, mode) != 0)
		goto io_error;
	snprintf(bsave_name, sizeof(bsave_name), "/proc/self/fd/%d", fd);
	if (access(bsave_name, W_OK) != 0)
		snprintf(bsave_name, sizeof(bsave_name), "%s", tmp); /* no /proc */

	/* Constraints (allowed values, ranges) go into a binary image only
	 * while dynamic constraint checking is on; keep them. */
	saved_checking = EnvSetDynamicConstraintChecking(engine->env, TRUE);
	onco_capture_reset(&engine->capture);
	rc = EnvBsave(engine->env, bsave_name) ? 0 : ONCO_EIO;
	EnvSetDynamicConstraintChecking(engine->env, saved_checking);
	if (rc != 0) {
		rc = onco_error_set(err, ONCO_EIO, "cannot write %s: %s", tmp,
				    engine->capture.text[0] ? engine->capture.text : "bsave failed");
		goto done;
	}

	w.f = fdopen(fd, "r+b");
	if (w.f == NULL)
		goto io_error;
	fd = -1; /* closed with w.f */
	if (fseek(w.f, 0, SEEK_END) != 0 || (offset = ftell(w.f)) < 0)
		goto io_error;
	rc = put_payload(&w, engine);
	if (rc != 0) {
		onco_error_set(err, rc, "the rule index does not match the loaded rules");
		goto done;
	}
	/* The checksum covers the CLIPS part and the payload, read back as
	 * written; the footer is not part of its own checksum. */
	if (w.failed || fflush(w.f) != 0 || (end = ftell(w.f)) < 0 ||
	    fseek(w.f, 0, SEEK_SET) != 0)
		goto io_error;
	body = malloc(end > 0 ? (size_t)end : 1);
	if (body == NULL) {
		rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
		goto done;
	}
	if (fread(body, 1, (size_t)end, w.f) != (size_t)end || fseek(w.f, 0, SEEK_END) != 0)
		goto io_error;
	onco_image_put_u64(&w, (uint64_t)offset);
	onco_image_put_u64(&w, (uint64_t)(end - offset));
	onco_image_put_u64(&w, fnv1a(FNV_OFFSET, body, (size_t)end));
	onco_image_put_bytes(&w, image_magic, sizeof(image_magic));
	/* On disk before it gets its name: a crash leaves the old image or
	 * the new one, never a torn one. */
	if (w.failed || fflush(w.f) != 0 || fsync(fileno(w.f)) != 0)
		goto io_error;
	rc = fclose(w.f);
	w.f = NULL;
	if (rc != 0)
		goto io_error;
	/* Checked again just before: what sits at `path` now is replaced. */
	rc = check_target(path, &mode, err);
	if (rc != 0)
		goto done;
	if (rename(tmp, path) != 0)
		goto io_error;
	sync_directory(path);
	free(body);
	return 0;
io_error:
	rc = onco_error_set(err, ONCO_EIO, "cannot write %s: %s", path, strerror(errno));
done:
	if (w.f != NULL)
		fclose(w.f);
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(body);
	return rc;
}

int onco_image_sha256(const char *path, char out[65], onco_error *err)
{
	unsigned char *data = NULL;
	size_t size = 0;
	int rc;

	onco_error_clear(err);
	rc = onco_image_read_file(path, &data, &size, err);
	if (rc == 0)
		onco_sha256_hex(data, size, out);
	free(data);
	return rc;
}

/* ------------------------------------------------------------- reading */

int onco_image_read_file(const char *path, unsigned char **out, size_t *size,
			 onco_error *err)
{
	char *data;
	int rc;

	/* One descriptor, read whole: the bytes checked are the bytes used. */
	rc = onco_read_regular_file(path, PAYLOAD_MAX * 4ul, &data, size, err);
	*out = (unsigned char *)data;
	return rc;
}

/* The next string of the knowledge tables or files: where it is in the
 * image when the rule base borrows (kb->borrowed), else a copy. NULL when
 * the image is damaged (r->bad set) or memory runs out. */
static char *get_kb_str(onco_image_reader *r, const onco_kb *kb)
{
	const char *at;
	size_t n;

	if (!kb->borrowed)
		return onco_image_get_str(r);
	return onco_image_get_span(r, 0, &at, &n) == 0 ? (char *)at : NULL;
}

/* Reads the knowledge tables into kb (empty before). Returns 0, or
 * ONCO_ERULES when the image is damaged, ONCO_ENOMEM. */
static int get_knowledge(onco_image_reader *r, onco_kb *kb)
{
	size_t avail = (size_t)(r->end - r->p), i, j;
	uint64_t n;

	/* Every entry takes at least 8 bytes per field: a count past that is
	 * damage, not a reason to allocate. */
	n = onco_image_get_u64(r);
	if (r->bad || n > avail / 32)
		return ONCO_ERULES;
	kb->citations = calloc(n ? (size_t)n : 1, sizeof(*kb->citations));
	if (kb->citations == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		onco_citation *c = &kb->citations[i];

		kb->n_citations++; /* counted first: released even if partial */
		c->id = get_kb_str(r, kb);
		c->source = get_kb_str(r, kb);
		c->label = get_kb_str(r, kb);
		c->quote = get_kb_str(r, kb);
		if (!c->id || !c->source || !c->label || !c->quote)
			return r->bad ? ONCO_ERULES : ONCO_ENOMEM;
	}
	n = onco_image_get_u64(r);
	if (r->bad || n > avail / 24)
		return ONCO_ERULES;
	kb->finding_defs = calloc(n ? (size_t)n : 1, sizeof(*kb->finding_defs));
	if (kb->finding_defs == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		onco_finding_def *d = &kb->finding_defs[i];
		uint64_t m;

		kb->n_finding_defs++;
		d->name = get_kb_str(r, kb);
		d->text = get_kb_str(r, kb);
		m = onco_image_get_u64(r);
		if (!d->name || !d->text || r->bad || m > avail / 8)
			return r->bad || m > avail / 8 ? ONCO_ERULES : ONCO_ENOMEM;
		d->fields = calloc(m ? (size_t)m : 1, sizeof(*d->fields));
		if (d->fields == NULL)
			return ONCO_ENOMEM;
		for (j = 0; j < m; j++) {
			d->fields[j] = get_kb_str(r, kb);
			if (d->fields[j] == NULL)
				return r->bad ? ONCO_ERULES : ONCO_ENOMEM;
			d->n_fields++;
		}
	}
	n = onco_image_get_u64(r);
	if (r->bad || n > avail / 32)
		return ONCO_ERULES;
	kb->guidelines = calloc(n ? (size_t)n : 1, sizeof(*kb->guidelines));
	if (kb->guidelines == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		onco_guideline *g = &kb->guidelines[i];

		kb->n_guidelines++;
		g->id = get_kb_str(r, kb);
		g->title = get_kb_str(r, kb);
		g->source = get_kb_str(r, kb);
		g->covers = get_kb_str(r, kb);
		if (!g->id || !g->title || !g->source || !g->covers)
			return r->bad ? ONCO_ERULES : ONCO_ENOMEM;
	}
	n = onco_image_get_u64(r);
	if (r->bad || n > avail / 40)
		return ONCO_ERULES;
	kb->card_defs = calloc(n ? (size_t)n : 1, sizeof(*kb->card_defs));
	if (kb->card_defs == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		onco_card_def *c = &kb->card_defs[i];

		kb->n_card_defs++;
		c->id = get_kb_str(r, kb);
		c->guideline = get_kb_str(r, kb);
		c->kind = get_kb_str(r, kb);
		c->title = get_kb_str(r, kb);
		c->order = (long)(int64_t)onco_image_get_u64(r);
		if (!c->id || !c->guideline || !c->kind || !c->title || r->bad)
			return r->bad ? ONCO_ERULES : ONCO_ENOMEM;
	}
	return 0;
}

/* Reads the rule-base files into kb (none before). Returns 0, or
 * ONCO_ERULES when the image is damaged, ONCO_ENOMEM. */
static int get_files(onco_image_reader *r, onco_kb *kb)
{
	uint64_t n, i;
	int rc;

	kb->origin = get_kb_str(r, kb);
	n = onco_image_get_u64(r);
	if (kb->origin == NULL || r->bad || n > (uint64_t)(r->end - r->p) / 16)
		return kb->origin == NULL && !r->bad ? ONCO_ENOMEM : ONCO_ERULES;
	for (i = 0; i < n; i++) {
		const char *name = NULL, *data = NULL;
		size_t name_length = 0, length = 0;

		rc = onco_image_get_span(r, 0, &name, &name_length);
		if (rc == 0)
			rc = onco_image_get_span(r, 0, &data, &length);
		/* Used where they are in an image built into the program, else
		 * copied once, straight from the image. */
		if (rc == 0)
			rc = kb->borrowed ? onco_kb_refer_file(kb, name, data, length)
					  : onco_kb_add_file(kb, name, data, length);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Checks an image's footer (and its checksum when `check_sum`); gives the
 * payload's place. */
static int check_image(const unsigned char *image, size_t size, const char *name,
		       int check_sum, size_t *payload_at, size_t *payload_length,
		       onco_error *err)
{
	const unsigned char *footer;
	onco_image_reader fr;
	uint64_t offset, length, sum;

	/* The magic's last two bytes are the format's number and a newline. */
	if (size >= FOOTER_BYTES &&
	    memcmp(image + size - sizeof(image_magic), image_magic, sizeof(image_magic) - 2) == 0 &&
	    memcmp(image + size - 2, image_magic + sizeof(image_magic) - 2, 2) != 0)
		return onco_error_set(err, ONCO_ERULES,
				      "rule image %s is of another format than this oncorules "
				      "reads (%c, not %c): compile it again (oncorules compile)",
				      name, image[size - 2], image_magic[sizeof(image_magic) - 2]);
	if (size < FOOTER_BYTES ||
	    memcmp(image + size - sizeof(image_magic), image_magic, sizeof(image_magic)) != 0)
		return onco_error_set(err, ONCO_ERULES,
				      "%s is not an oncorules rule image (oncorules compile)", name);
	footer = image + size - FOOTER_BYTES;
	fr.p = footer;
	fr.end = footer + 24;
	fr.bad = 0;
	offset = onco_image_get_u64(&fr);
	length = onco_image_get_u64(&fr);
	sum = onco_image_get_u64(&fr);
	if (length > PAYLOAD_MAX || offset > size - FOOTER_BYTES ||
	    length != size - FOOTER_BYTES - offset ||
	    (check_sum && sum != fnv1a(FNV_OFFSET, image, size - FOOTER_BYTES)))
		return onco_error_set(err, ONCO_ERULES, "rule image %s is damaged", name);
	*payload_at = (size_t)offset;
	*payload_length = (size_t)length;
	return 0;
}

void onco_image_payload_release(onco_image_payload *p)
{
	free(p->version);
	free(p->sha256);
	free(p->rules);
	onco_arena_free(&p->rule_memory);
	onco_kb_release(&p->knowledge);
	memset(p, 0, sizeof(*p));
}

int onco_image_read_payload(const unsigned char *image, size_t size, const char *name,
			    int check_sum, int borrow, onco_image_payload *out, onco_error *err)
{
	size_t at = 0, length = 0;
	onco_image_reader r;
	uint64_t n, i;
	int rc;

	memset(out, 0, sizeof(*out));
	out->knowledge.borrowed = borrow;
	rc = check_image(image, size, name, check_sum, &at, &length, err);
	if (rc != 0)
		return rc;
	out->clips_size = at;
	r.p = image + at;
	r.end = r.p + length;
	r.bad = 0;
	out->version = onco_image_get_str(&r);
	out->sha256 = onco_image_get_str(&r);
	n = onco_image_get_u64(&r);
	rc = ONCO_ENOMEM;
	if (r.bad || (out->version != NULL && strlen(out->version) >= sizeof(((onco_kb *)0)->version)) ||
	    (out->sha256 != NULL && strlen(out->sha256) != 64) || n > length / 32)
		goto damaged;
	if (out->version == NULL || out->sha256 == NULL)
		goto fail;
	out->rules = calloc(n ? (size_t)n : 1, sizeof(*out->rules));
	if (out->rules == NULL)
		goto fail;
	for (i = 0; i < n; i++) {
		onco_image_rule *rule = &out->rules[i];

		out->n_rules++;
		rc = onco_image_get_rule_name(&r, &out->rule_memory, borrow, &rule->name);
		if (rc == 0)
			rc = onco_image_get_rule_info(&r, &out->rule_memory, borrow, &rule->info);
		if (rc == ONCO_ERULES)
			goto damaged;
		if (rc != 0)
			goto fail;
	}
	rc = get_knowledge(&r, &out->knowledge);
	if (rc == 0)
		rc = get_files(&r, &out->knowledge);
	if (rc == ONCO_ERULES || (rc == 0 && r.p != r.end))
		goto damaged;
	if (rc == 0)
		return 0;
fail:
	onco_image_payload_release(out);
	return onco_error_set(err, ONCO_ENOMEM, "out of memory");
damaged:
	onco_image_payload_release(out);
	return onco_error_set(err, ONCO_ERULES, "rule image %s is damaged", name);
}

/*
 * EnvBload reads only from a file, by name, from its start to what it
 * needs, without seeking (it seeks only past a construct this CLIPS build
 * does not know, and the image was written by this build). So the bytes go
 * into a pipe large enough to hold them all, which EnvBload reads through
 * /proc/self/fd: cheaper than a memory file, whose pages the kernel must
 * add to a file and remove again (0.3 ms of a 4.5 ms cold `evaluate`
 * here). Where no pipe can be made that large (more than
 * /proc/sys/fs/pipe-max-size, 1 MiB by default), the bytes go to an
 * anonymous memory file (memfd, opened again through /proc/self/fd), or,
 * where that is not available, to a new private temporary file (mkstemp,
 * mode 0600) removed as soon as it is loaded. `path` receives the name to
 * give EnvBload; *fd the descriptor to close afterwards; *unlink_path says
 * whether `path` must be removed.
 */

/* The bytes in a pipe that holds them all: 0 with *fd its read end, or -1
 * (nothing left open) when no pipe can hold them. */
static int into_pipe(const unsigned char *image, size_t size, int *fd)
{
	int ends[2];

	if (size > INT_MAX || pipe2(ends, O_CLOEXEC) != 0)
		return -1;
	/* Never blocks: the write end is non-blocking, and a write that does
	 * not fit whole is a failure, not a wait for a reader. */
	if (fcntl(ends[1], F_SETFL, O_NONBLOCK) == 0 &&
	    fcntl(ends[1], F_SETPIPE_SZ, (int)size) >= (int)size &&
	    write(ends[1], image, size) == (ssize_t)size) {
		close(ends[1]);
		*fd = ends[0];
		return 0;
	}
	close(ends[0]);
	close(ends[1]);
	return -1;
}

static int materialize(const unsigned char *image, size_t size, char *path,
		       size_t path_size, int *fd, int *unlink_path, onco_error *err)
{
	const char *dir = getenv("TMPDIR");
	size_t done = 0;
	ssize_t n;

	*unlink_path = 0;
	*fd = -1;
#ifdef F_SETPIPE_SZ
	if (into_pipe(image, size, fd) == 0) {
		snprintf(path, path_size, "/proc/self/fd/%d", *fd);
		if (access(path, R_OK) == 0)
			return 0;
		close(*fd);
		*fd = -1;
	}
#endif
#ifdef MFD_CLOEXEC
	*fd = memfd_create("oncorules-kb", MFD_CLOEXEC);
	if (*fd >= 0) {
		snprintf(path, path_size, "/proc/self/fd/%d", *fd);
		if (access(path, R_OK) != 0) {
			close(*fd);
			*fd = -1;
		}
	}
#endif
	if (*fd < 0) {
		snprintf(path, path_size, "%s/oncorules-kb-XXXXXX",
			 dir != NULL && dir[0] != '\0' ? dir : "/tmp");
		*fd = mkstemp(path);
		if (*fd < 0)
			return onco_error_set(err, ONCO_EIO,
					      "cannot write the rule image to %s: %s",
					      path, strerror(errno));
		*unlink_path = 1;
	}
	while (done < size) {
		n = write(*fd, image + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return onco_error_set(err, ONCO_EIO,
					      "cannot write the rule image to %s: %s",
					      path, strerror(errno));
		done += (size_t)n;
	}
	return 0;
}

static int is_hex64(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f') ||
		      (s[i] >= 'A' && s[i] <= 'F')))
			return 0;
	return s[64] == '\0';
}

/* The image bytes to load: a file checked against the SHA-256 the caller
 * trusts, or the bytes built into the program. */
static int trusted_bytes(const onco_engine_options *o, const unsigned char **image,
			 size_t *size, unsigned char **owned, onco_error *err)
{
	char actual[65];
	size_t i;
	int rc;

	*owned = NULL;
	if (o->kb_image == NULL) {
		*image = o->kb_image_data;
		*size = o->kb_image_size;
		return 0;
	}
	if (o->kb_image_sha256 == NULL || !is_hex64(o->kb_image_sha256))
		return onco_error_set(err, ONCO_EINVALID,
				      "a rule image is code: give the SHA-256 you trust for %s "
				      "(64 hex digits, as `oncorules compile` prints it) with "
				      "--kb-image-sha256",
				      o->kb_image);
	rc = onco_image_read_file(o->kb_image, owned, size, err);
	if (rc != 0)
		return rc;
	onco_sha256_hex(*owned, *size, actual);
	for (i = 0; i < 64; i++)
		if (actual[i] != (char)(o->kb_image_sha256[i] | 0x20))
			break;
	if (i < 64) {
		free(*owned);
		*owned = NULL;
		return onco_error_set(err, ONCO_ERULES,
				      "rule image %s is not the one trusted: its SHA-256 is %s, "
				      "not %s; refused without reading it",
				      o->kb_image, actual, o->kb_image_sha256);
	}
	*image = *owned;
	return 0;
}

int onco_image_load(onco_engine *engine, onco_error *err)
{
	const onco_engine_options *o = &engine->opts;
	const char *name = o->kb_image != NULL ? o->kb_image : "(built in)";
	onco_kb *kb = &engine->kb;
	const unsigned char *image = NULL;
	unsigned char *owned = NULL;
	onco_image_payload payload;
	size_t size = 0, i;
	char path[ONCO_ERROR_PATH_MAX];
	void *rule = NULL;
	int fd = -1, unlink_path = 0, rc;

	memset(&payload, 0, sizeof(payload));
	rc = trusted_bytes(o, &image, &size, &owned, err);
	/* The bytes built into the program outlive the engine: the rules'
	 * strings and the files are used where they are. The checksum is
	 * checked for a file only (above). */
	if (rc == 0)
		rc = onco_image_read_payload(image, size, name, owned != NULL, owned == NULL,
					     &payload, err);
	if (rc != 0)
		goto done;
	snprintf(kb->version, sizeof(kb->version), "%s", payload.version);
	memcpy(kb->sha256, payload.sha256, 65);

	/* EnvBload gets the bytes checked above, never the file's name: the
	 * CLIPS part only, as it reads nothing after it. */
	rc = materialize(image, payload.clips_size, path, sizeof(path), &fd, &unlink_path, err);
	if (rc != 0)
		goto done;
	onco_capture_reset(&engine->capture);
	if (!EnvBload(engine->env, path)) {
		rc = onco_error_set(err, ONCO_ERULES, "cannot load rule image %s: %s", name,
				    engine->capture.text[0] ? engine->capture.text
							    : "not written by this build of CLIPS");
		goto done;
	}

	kb->rules = calloc(payload.n_rules ? payload.n_rules : 1, sizeof(*kb->rules));
	if (kb->rules == NULL) {
		rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
		goto done;
	}
	/* The rules' memory moves to the engine first: whatever happens next,
	 * the rules copied into kb->rules are released with it. */
	kb->rule_memory = payload.rule_memory;
	memset(&payload.rule_memory, 0, sizeof(payload.rule_memory));
	kb->rules_from_image = 1;
	kb->borrowed = payload.knowledge.borrowed;
	for (i = 0; i < payload.n_rules; i++) {
		onco_rule_info *info = &kb->rules[i];
		onco_image_rule *r = &payload.rules[i];

		rule = EnvGetNextDefrule(engine->env, rule);
		if (rule == NULL || strcmp(r->name, EnvGetDefruleName(engine->env, rule)) != 0) {
			rc = onco_error_set(err, ONCO_ERULES, "rule image %s is damaged (rule %zu)",
					    name, i + 1);
			goto done;
		}
		*info = r->info;
		kb->n_rules++;
	}
	if (EnvGetNextDefrule(engine->env, rule) != NULL) {
		rc = onco_error_set(err, ONCO_ERULES, "rule image %s is damaged", name);
		goto done;
	}
	/* The knowledge tables and the rule-base files move from the payload
	 * to the engine. */
	kb->citations = payload.knowledge.citations;
	kb->n_citations = payload.knowledge.n_citations;
	kb->finding_defs = payload.knowledge.finding_defs;
	kb->n_finding_defs = payload.knowledge.n_finding_defs;
	kb->guidelines = payload.knowledge.guidelines;
	kb->n_guidelines = payload.knowledge.n_guidelines;
	kb->card_defs = payload.knowledge.card_defs;
	kb->n_card_defs = payload.knowledge.n_card_defs;
	kb->origin = payload.knowledge.origin;
	kb->files = payload.knowledge.files;
	kb->n_files = payload.knowledge.n_files;
	memset(&payload.knowledge, 0, sizeof(payload.knowledge));
	rc = 0;
done:
	if (fd >= 0)
		close(fd);
	if (unlink_path)
		unlink(path);
	onco_image_payload_release(&payload);
	free(owned);
	return rc;
}
