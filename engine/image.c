/*
 * image.c: the compiled rule base (`oncorules compile`), so that opening
 * an engine skips parsing the rule text.
 *
 * An image file is the CLIPS binary image of the environment (EnvBsave)
 * followed by what the engine otherwise reads from the rule text and CLIPS
 * does not keep in a binary image: the rule base's version and hash, and
 * each rule's pretty-print form, file and line (binary images drop
 * pretty-print forms; the engine reads every rule's conditions and
 * conclusion from them). Then a fixed footer:
 *
 *   [CLIPS bsave bytes][payload][payload offset: 8][payload length: 8]
 *   [checksum: 8][magic: 16]
 *
 * EnvBload reads the CLIPS part and ignores the bytes after it. The
 * checksum (64-bit FNV-1a of every byte before the footer) is checked
 * before EnvBload runs: CLIPS trusts a binary image, and a damaged one
 * could crash it. An image is code, not input: the checksum catches
 * accidents, not tampering. Payload
 * fields are length-prefixed (8-byte little-endian lengths), in this order:
 * version, sha256, rule count, then per rule: name, file, line, ppform.
 * then the knowledge tables the engine indexes at open (citations: id,
 * source, label, quote; finding definitions: name, text, fields; guidelines:
 * id, title, source, covers; card definitions: id, guideline, kind, title,
 * order), each preceded by its count: the engine removes
 * those deffacts from the environment after indexing them, so the CLIPS
 * part no longer holds them.
 * Last, the rule-base files themselves (format 3): the folder they were
 * read from ("rules" for the built-in rule base), the file count, then per
 * file its name and bytes (VERSION, *.clp, sources/ *.txt,
 * knowledge-map.md), so that an image carries everything the text does:
 * the knowledge map for coverage, the text for lint and `test --changed`.
 * Every length is checked against the file, so a damaged image fails with
 * ONCO_ERULES instead of being trusted.
 *
 * An image is tied to the CLIPS build (word size, version) that wrote it;
 * EnvBload refuses another one, and we report that as ONCO_ERULES.
 */
/* memfd_create (Linux, glibc 2.27+). */
#define _GNU_SOURCE

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <clips.h>

#include "private/engine_internal.h"

static const char image_magic[16] = "ONCORULES-IMG-3\n";
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

/* Appends to the image file. */
typedef struct image_writer {
	FILE *f;
	int failed;
} image_writer;

static void put_bytes(image_writer *w, const void *p, size_t n)
{
	if (w->failed || n == 0)
		return;
	if (fwrite(p, 1, n, w->f) != n)
		w->failed = 1;
}

static void put_u64(image_writer *w, uint64_t v)
{
	unsigned char le[8];
	int i;

	for (i = 0; i < 8; i++)
		le[i] = (unsigned char)(v >> (8 * i));
	put_bytes(w, le, 8);
}

static void put_str(image_writer *w, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	put_u64(w, n);
	put_bytes(w, s, n);
}

/* Appends the knowledge tables, as onco_knowledge_index left them. */
static void put_knowledge(image_writer *w, const onco_kb *kb)
{
	size_t i, j;

	put_u64(w, kb->n_citations);
	for (i = 0; i < kb->n_citations; i++) {
		put_str(w, kb->citations[i].id);
		put_str(w, kb->citations[i].source);
		put_str(w, kb->citations[i].label);
		put_str(w, kb->citations[i].quote);
	}
	put_u64(w, kb->n_finding_defs);
	for (i = 0; i < kb->n_finding_defs; i++) {
		put_str(w, kb->finding_defs[i].name);
		put_str(w, kb->finding_defs[i].text);
		put_u64(w, kb->finding_defs[i].n_fields);
		for (j = 0; j < kb->finding_defs[i].n_fields; j++)
			put_str(w, kb->finding_defs[i].fields[j]);
	}
	put_u64(w, kb->n_guidelines);
	for (i = 0; i < kb->n_guidelines; i++) {
		put_str(w, kb->guidelines[i].id);
		put_str(w, kb->guidelines[i].title);
		put_str(w, kb->guidelines[i].source);
		put_str(w, kb->guidelines[i].covers);
	}
	put_u64(w, kb->n_card_defs);
	for (i = 0; i < kb->n_card_defs; i++) {
		put_str(w, kb->card_defs[i].id);
		put_str(w, kb->card_defs[i].guideline);
		put_str(w, kb->card_defs[i].kind);
		put_str(w, kb->card_defs[i].title);
		put_u64(w, (uint64_t)(int64_t)kb->card_defs[i].order);
	}
}

/* Appends the rule-base files, as onco_kb_read_files read them. */
static void put_files(image_writer *w, const onco_kb *kb)
{
	size_t i;

	put_str(w, kb->origin);
	put_u64(w, kb->n_files);
	for (i = 0; i < kb->n_files; i++) {
		put_str(w, kb->files[i].name);
		put_u64(w, kb->files[i].length);
		put_bytes(w, kb->files[i].data, kb->files[i].length);
	}
}

/* Appends the payload: version, hash, each rule's name, file, line and
 * pretty-print form in definition order, then the knowledge tables and
 * the files. */
static int put_payload(image_writer *w, onco_engine *engine)
{
	void *rule = EnvGetNextDefrule(engine->env, NULL);
	size_t i;

	put_str(w, engine->kb.version);
	put_str(w, engine->kb.sha256);
	put_u64(w, engine->kb.n_rules);
	for (i = 0; i < engine->kb.n_rules && rule != NULL;
	     i++, rule = EnvGetNextDefrule(engine->env, rule)) {
		put_str(w, EnvGetDefruleName(engine->env, rule));
		put_str(w, engine->kb.rules[i].file);
		put_u64(w, (uint64_t)engine->kb.rules[i].line);
		put_str(w, EnvGetDefrulePPForm(engine->env, rule));
	}
	put_knowledge(w, &engine->kb);
	put_files(w, &engine->kb);
	return i == engine->kb.n_rules && rule == NULL ? 0 : ONCO_EINTERNAL;
}

int onco_engine_save_image(onco_engine *engine, const char *path, onco_error *err)
{
	image_writer w = {NULL, 0};
	unsigned char *body = NULL;
	char tmp[ONCO_ERROR_PATH_MAX + 16];
	long offset, end;
	int saved_checking, rc;

	onco_error_clear(err);
	if (onco_image_wanted(&engine->opts))
		return onco_error_set(err, ONCO_EINVALID,
				      "an engine opened from an image cannot write one");
	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return onco_error_set(err, ONCO_EIO, "path too long: %s", path);

	/* Constraints (allowed values, ranges) go into a binary image only
	 * while dynamic constraint checking is on; keep them. */
	saved_checking = EnvSetDynamicConstraintChecking(engine->env, TRUE);
	onco_capture_reset(&engine->capture);
	rc = EnvBsave(engine->env, tmp) ? 0 : ONCO_EIO;
	EnvSetDynamicConstraintChecking(engine->env, saved_checking);
	if (rc != 0)
		return onco_error_set(err, ONCO_EIO, "cannot write %s: %s", tmp,
				      engine->capture.text[0] ? engine->capture.text
							      : "bsave failed");

	w.f = fopen(tmp, "r+b");
	if (w.f == NULL || fseek(w.f, 0, SEEK_END) != 0 || (offset = ftell(w.f)) < 0)
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
	put_u64(&w, (uint64_t)offset);
	put_u64(&w, (uint64_t)(end - offset));
	put_u64(&w, fnv1a(FNV_OFFSET, body, (size_t)end));
	put_bytes(&w, image_magic, sizeof(image_magic));
	if (w.failed)
		goto io_error;
	rc = fclose(w.f);
	w.f = NULL;
	if (rc != 0 || rename(tmp, path) != 0)
		goto io_error;
	free(body);
	return 0;
io_error:
	rc = onco_error_set(err, ONCO_EIO, "cannot write %s: %s", path, strerror(errno));
done:
	if (w.f != NULL)
		fclose(w.f);
	remove(tmp);
	free(body);
	return rc;
}

/* ------------------------------------------------------------- reading */

typedef struct image_reader {
	const unsigned char *p, *end;
	int bad;
} image_reader;

static uint64_t get_u64(image_reader *r)
{
	uint64_t v = 0;
	int i;

	if (r->bad || r->end - r->p < 8) {
		r->bad = 1;
		return 0;
	}
	for (i = 0; i < 8; i++)
		v |= (uint64_t)r->p[i] << (8 * i);
	r->p += 8;
	return v;
}

/* A NUL-terminated copy of the next string field, its length in *length
 * when not NULL; NULL when the image is damaged (r->bad set) or memory runs
 * out (r->bad stays 0). */
static char *get_bytes(image_reader *r, size_t *length)
{
	uint64_t n = get_u64(r);
	char *s;

	if (r->bad || n > (uint64_t)(r->end - r->p)) {
		r->bad = 1;
		return NULL;
	}
	s = malloc((size_t)n + 1);
	if (s == NULL)
		return NULL;
	memcpy(s, r->p, (size_t)n);
	s[n] = '\0';
	r->p += n;
	if (length != NULL)
		*length = (size_t)n;
	return s;
}

static char *get_str(image_reader *r)
{
	return get_bytes(r, NULL);
}

/* Reads a whole image file into a buffer the caller frees. */
static int read_file(const char *path, unsigned char **out, size_t *size,
		     onco_error *err)
{
	unsigned char *data = NULL;
	long file_size;
	FILE *f = fopen(path, "rb");
	int rc = ONCO_EIO;

	*out = NULL;
	if (f == NULL)
		return onco_error_set(err, ONCO_EIO, "cannot read rule image %s: %s", path,
				      strerror(errno));
	if (fseek(f, 0, SEEK_END) != 0 || (file_size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0)
		goto done;
	if ((unsigned long)file_size > PAYLOAD_MAX * 4ul) {
		rc = onco_error_set(err, ONCO_ERULES,
				    "%s is not an oncorules rule image (oncorules compile)", path);
		goto done;
	}
	data = malloc(file_size > 0 ? (size_t)file_size : 1);
	if (data == NULL) {
		rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
		goto done;
	}
	if (fread(data, 1, (size_t)file_size, f) != (size_t)file_size)
		goto done;
	*out = data;
	*size = (size_t)file_size;
	data = NULL;
	rc = 0;
done:
	if (rc == ONCO_EIO)
		onco_error_set(err, rc, "cannot read rule image %s", path);
	free(data);
	fclose(f);
	return rc;
}

/* Reads the knowledge tables into kb (empty before). Returns 0, or
 * ONCO_ERULES when the image is damaged, ONCO_ENOMEM. */
static int get_knowledge(image_reader *r, onco_kb *kb)
{
	size_t avail = (size_t)(r->end - r->p), i, j;
	uint64_t n;

	/* Every entry takes at least 8 bytes per field: a count past that is
	 * damage, not a reason to allocate. */
	n = get_u64(r);
	if (r->bad || n > avail / 32)
		return ONCO_ERULES;
	kb->citations = calloc(n ? (size_t)n : 1, sizeof(*kb->citations));
	if (kb->citations == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		onco_citation *c = &kb->citations[i];

		kb->n_citations++; /* counted first: released even if partial */
		c->id = get_str(r);
		c->source = get_str(r);
		c->label = get_str(r);
		c->quote = get_str(r);
		if (!c->id || !c->source || !c->label || !c->quote)
			return r->bad ? ONCO_ERULES : ONCO_ENOMEM;
	}
	n = get_u64(r);
	if (r->bad || n > avail / 24)
		return ONCO_ERULES;
	kb->finding_defs = calloc(n ? (size_t)n : 1, sizeof(*kb->finding_defs));
	if (kb->finding_defs == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		onco_finding_def *d = &kb->finding_defs[i];
		uint64_t m;

		kb->n_finding_defs++;
		d->name = get_str(r);
		d->text = get_str(r);
		m = get_u64(r);
		if (!d->name || !d->text || r->bad || m > avail / 8)
			return r->bad || m > avail / 8 ? ONCO_ERULES : ONCO_ENOMEM;
		d->fields = calloc(m ? (size_t)m : 1, sizeof(*d->fields));
		if (d->fields == NULL)
			return ONCO_ENOMEM;
		for (j = 0; j < m; j++) {
			d->fields[j] = get_str(r);
			if (d->fields[j] == NULL)
				return r->bad ? ONCO_ERULES : ONCO_ENOMEM;
			d->n_fields++;
		}
	}
	n = get_u64(r);
	if (r->bad || n > avail / 32)
		return ONCO_ERULES;
	kb->guidelines = calloc(n ? (size_t)n : 1, sizeof(*kb->guidelines));
	if (kb->guidelines == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		onco_guideline *g = &kb->guidelines[i];

		kb->n_guidelines++;
		g->id = get_str(r);
		g->title = get_str(r);
		g->source = get_str(r);
		g->covers = get_str(r);
		if (!g->id || !g->title || !g->source || !g->covers)
			return r->bad ? ONCO_ERULES : ONCO_ENOMEM;
	}
	n = get_u64(r);
	if (r->bad || n > avail / 40)
		return ONCO_ERULES;
	kb->card_defs = calloc(n ? (size_t)n : 1, sizeof(*kb->card_defs));
	if (kb->card_defs == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		onco_card_def *c = &kb->card_defs[i];

		kb->n_card_defs++;
		c->id = get_str(r);
		c->guideline = get_str(r);
		c->kind = get_str(r);
		c->title = get_str(r);
		c->order = (long)(int64_t)get_u64(r);
		if (!c->id || !c->guideline || !c->kind || !c->title || r->bad)
			return r->bad ? ONCO_ERULES : ONCO_ENOMEM;
	}
	return 0;
}

/* Reads the rule-base files into kb (none before). Returns 0, or
 * ONCO_ERULES when the image is damaged, ONCO_ENOMEM. */
static int get_files(image_reader *r, onco_kb *kb)
{
	uint64_t n, i;
	int rc;

	kb->origin = get_str(r);
	n = get_u64(r);
	if (kb->origin == NULL || r->bad || n > (uint64_t)(r->end - r->p) / 16)
		return kb->origin == NULL && !r->bad ? ONCO_ENOMEM : ONCO_ERULES;
	for (i = 0; i < n; i++) {
		size_t length = 0;
		char *name = get_str(r);
		char *data = name != NULL ? get_bytes(r, &length) : NULL;

		rc = data == NULL ? (r->bad ? ONCO_ERULES : ONCO_ENOMEM)
				  : onco_kb_add_file(kb, name, data, length);
		free(name);
		free(data);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Checks an image's footer and checksum; gives the payload's place. */
static int check_image(const unsigned char *image, size_t size, const char *name,
		       size_t *payload_at, size_t *payload_length, onco_error *err)
{
	const unsigned char *footer;
	image_reader fr;
	uint64_t offset, length, sum;

	if (size < FOOTER_BYTES ||
	    memcmp(image + size - sizeof(image_magic), image_magic, sizeof(image_magic)) != 0)
		return onco_error_set(err, ONCO_ERULES,
				      "%s is not an oncorules rule image (oncorules compile)", name);
	footer = image + size - FOOTER_BYTES;
	fr.p = footer;
	fr.end = footer + 24;
	fr.bad = 0;
	offset = get_u64(&fr);
	length = get_u64(&fr);
	sum = get_u64(&fr);
	if (length > PAYLOAD_MAX || offset > size - FOOTER_BYTES ||
	    length != size - FOOTER_BYTES - offset ||
	    sum != fnv1a(FNV_OFFSET, image, size - FOOTER_BYTES))
		return onco_error_set(err, ONCO_ERULES, "rule image %s is damaged", name);
	*payload_at = (size_t)offset;
	*payload_length = (size_t)length;
	return 0;
}

/*
 * EnvBload reads only from a file: an image held in memory is written to an
 * anonymous memory file (memfd, opened again through /proc/self/fd), or,
 * where that is not available, to a temporary file removed as soon as it is
 * loaded. `path` receives the name to give EnvBload; *fd the descriptor to
 * close afterwards; *unlink_path says whether `path` must be removed.
 */
static int materialize(const unsigned char *image, size_t size, char *path,
		       size_t path_size, int *fd, int *unlink_path, onco_error *err)
{
	const char *dir = getenv("TMPDIR");
	size_t done = 0;
	ssize_t n;

	*unlink_path = 0;
	*fd = -1;
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
					      "cannot write the built-in rule image to %s: %s",
					      path, strerror(errno));
		*unlink_path = 1;
	}
	while (done < size) {
		n = write(*fd, image + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return onco_error_set(err, ONCO_EIO,
					      "cannot write the built-in rule image to %s: %s",
					      path, strerror(errno));
		done += (size_t)n;
	}
	return 0;
}

int onco_image_load(onco_engine *engine, onco_error *err)
{
	const onco_engine_options *o = &engine->opts;
	const char *name = o->kb_image != NULL ? o->kb_image : "(built in)";
	onco_kb *kb = &engine->kb;
	const unsigned char *image;
	unsigned char *owned = NULL;
	size_t size = 0, at = 0, length = 0;
	char path[ONCO_ERROR_PATH_MAX];
	const char *bload_path = o->kb_image;
	image_reader r;
	char *version = NULL, *sha = NULL, *rname = NULL, *pp = NULL;
	uint64_t n, i;
	void *rule = NULL;
	int fd = -1, unlink_path = 0, rc;

	if (o->kb_image != NULL) {
		rc = read_file(o->kb_image, &owned, &size, err);
		if (rc != 0)
			return rc;
		image = owned;
	} else {
		image = o->kb_image_data;
		size = o->kb_image_size;
	}
	rc = check_image(image, size, name, &at, &length, err);
	if (rc != 0)
		goto done;
	r.p = image + at;
	r.end = r.p + length;
	r.bad = 0;
	version = get_str(&r);
	sha = get_str(&r);
	n = get_u64(&r);
	rc = ONCO_ERULES;
	if (r.bad || version == NULL || sha == NULL || strlen(sha) != 64 ||
	    n > length / 32) {
		onco_error_set(err, rc, "rule image %s is damaged", name);
		goto done;
	}
	snprintf(kb->version, sizeof(kb->version), "%s", version);
	memcpy(kb->sha256, sha, 65);

	if (bload_path == NULL) {
		rc = materialize(image, size, path, sizeof(path), &fd, &unlink_path, err);
		if (rc != 0)
			goto done;
		bload_path = path;
	}
	onco_capture_reset(&engine->capture);
	if (!EnvBload(engine->env, bload_path)) {
		rc = onco_error_set(err, ONCO_ERULES, "cannot load rule image %s: %s", name,
				    engine->capture.text[0] ? engine->capture.text
							    : "not written by this build of CLIPS");
		goto done;
	}

	kb->rules = calloc(n ? (size_t)n : 1, sizeof(*kb->rules));
	if (kb->rules == NULL) {
		rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
		goto done;
	}
	for (i = 0; i < n; i++) {
		onco_rule_info *info = &kb->rules[i];
		uint64_t line;
		char *file;

		rule = EnvGetNextDefrule(engine->env, rule);
		rname = get_str(&r);
		file = get_str(&r);
		line = get_u64(&r);
		pp = get_str(&r);
		if (r.bad || rule == NULL || rname == NULL ||
		    strcmp(rname, EnvGetDefruleName(engine->env, rule)) != 0) {
			free(file);
			rc = onco_error_set(err, r.bad || rname != NULL ? ONCO_ERULES : ONCO_ENOMEM,
					    "rule image %s is damaged (rule %llu)", name,
					    (unsigned long long)i + 1);
			goto done;
		}
		rc = pp != NULL && file != NULL ? onco_rule_info_parse(info, pp) : ONCO_ENOMEM;
		if (rc != 0) {
			free(file);
			rc = onco_error_set(err, rc == ONCO_ENOMEM ? rc : ONCO_ERULES,
					    "cannot read rule %s from image %s", rname, name);
			goto done;
		}
		kb->n_rules++;
		info->file = file;
		info->line = (long)line;
		free(rname);
		free(pp);
		rname = pp = NULL;
	}
	if (EnvGetNextDefrule(engine->env, rule) != NULL) {
		rc = onco_error_set(err, ONCO_ERULES, "rule image %s is damaged", name);
		goto done;
	}
	rc = get_knowledge(&r, kb);
	if (rc == 0)
		rc = get_files(&r, kb);
	if (rc == ONCO_ENOMEM) {
		onco_error_set(err, rc, "out of memory");
		goto done;
	}
	if (rc != 0 || r.p != r.end) {
		rc = onco_error_set(err, ONCO_ERULES, "rule image %s is damaged", name);
		goto done;
	}
	rc = 0;
done:
	if (fd >= 0)
		close(fd);
	if (unlink_path)
		unlink(path);
	free(version);
	free(sha);
	free(rname);
	free(pp);
	free(owned);
	return rc;
}
