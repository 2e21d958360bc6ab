/* lint.c: onco_kb_lint, the static checks of a rule base (`oncorules lint`):
 * reads the rule files and sources (a folder or the built-in rule base),
 * runs the checks of lint_rules.c and lint_knowledge.c and returns the
 * findings as JSON, sorted by file and line. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "calls.h"
#include "lint_check.h"
#include "onco.h"
#include "private/engine_internal.h"
#include "private/image.h"
#include "private/json_out.h"

void lint_report_add(lint_report *r, const char *file, long line, long col, int error,
		     const char *check, const char *fmt, ...)
{
	lint_finding *grown, *f;
	va_list args;
	int n;

	grown = realloc(r->items, (r->count + 1) * sizeof(*grown));
	if (grown == NULL) {
		r->nomem = 1;
		return;
	}
	r->items = grown;
	f = &r->items[r->count];
	va_start(args, fmt);
	n = vsnprintf(NULL, 0, fmt, args);
	va_end(args);
	f->message = malloc((size_t)(n > 0 ? n : 0) + 1);
	f->file = malloc(strlen(file) + 1);
	if (f->message == NULL || f->file == NULL) {
		free(f->message);
		free(f->file);
		r->nomem = 1;
		return;
	}
	va_start(args, fmt);
	vsnprintf(f->message, (size_t)(n > 0 ? n : 0) + 1, fmt, args);
	va_end(args);
	strcpy(f->file, file);
	f->line = line;
	f->col = col;
	f->error = error;
	f->check = check;
	r->count++;
}

static int report_call(void *ctx, const char *file, long line, long col, const char *message)
{
	lint_report_add(ctx, file, line, col, 1, "function", "%s", message);
	return 0;
}

/* Calls outside the allow-list, constructs a rule base may not hold,
 * recursion: the check the engine refuses a rule base for (calls.c). */
static int lint_check_calls(lint_report *r, const lint_kb *kb)
{
	onco_calls_file *files = calloc(kb->nfiles + 1, sizeof(*files));
	size_t i;
	int rc;

	if (files == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < kb->nfiles; i++) {
		files[i].name = kb->files[i].name;
		files[i].forms = kb->files[i].forms;
	}
	rc = onco_calls_check(files, kb->nfiles, report_call, r);
	free(files);
	return rc;
}

static int compare_findings(const void *pa, const void *pb)
{
	const lint_finding *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (c != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if (a->error != b->error)
		return b->error - a->error; /* at one place, errors first */
	return strcmp(a->message, b->message);
}

static char *read_all(const char *path, size_t *length)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *grown;
	size_t cap = 0, n;

	*length = 0;
	if (f == NULL)
		return NULL;
	do {
		if (*length + 4096 > cap) {
			cap = cap ? cap * 2 : 65536;
			if ((grown = realloc(buf, cap + 1)) == NULL) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = grown;
		}
		n = fread(buf + *length, 1, cap - *length, f);
		*length += n;
	} while (n > 0);
	fclose(f);
	buf[*length] = '\0';
	return buf;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Adds one rule file; a file CLIPS could not read either becomes a finding. */
static int add_rules(lint_kb *kb, lint_report *r, const char *shown,
		     const char *base, const char *text, size_t length)
{
	onco_error e;
	int rc;

	memset(&e, 0, sizeof(e));
	rc = lint_kb_add_file(kb, shown, base, text, length, &e);
	if (rc == ONCO_EINVALID) {
		lint_report_add(r, shown, e.line, 0, 1, "syntax", "%s", e.message);
		rc = 0;
	}
	return rc;
}

/* The files a compiled image carries, read from its payload: nothing of
 * the image runs (its CLIPS part is never loaded), so an image is linted
 * without the SHA-256 that loading it as code needs. */
static int read_image_files(onco_kb *files, const char *path, onco_error *err)
{
	onco_image_payload payload;
	unsigned char *image = NULL;
	size_t size = 0;
	int rc;

	memset(&payload, 0, sizeof(payload));
	rc = onco_image_read_file(path, &image, &size, err);
	if (rc == 0)
		rc = onco_image_read_payload(image, size, path, 1, 0, &payload, err);
	free(image);
	if (rc == 0) {
		files->files = payload.knowledge.files;
		files->n_files = payload.knowledge.n_files;
		files->origin = payload.knowledge.origin;
		payload.knowledge.files = NULL;
		payload.knowledge.n_files = 0;
		payload.knowledge.origin = NULL;
	}
	onco_image_payload_release(&payload);
	return rc;
}

/* The rule files and sources of a rule base read by onco_kb_read_files
 * (the same reader the engine uses), named in findings by the folder's
 * path, or as rules/<file> for the built-in rule base. */
static int add_files(lint_kb *kb, lint_report *r, const onco_kb *files)
{
	const char *dir = files->origin;

	char shown[ONCO_ERROR_PATH_MAX];
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < files->n_files; i++) {
		const onco_kb_file *f = &files->files[i];

		snprintf(shown, sizeof(shown), "%s/%s", dir, f->name);
		if (ends_with(f->name, ".clp") && strchr(f->name, '/') == NULL)
			rc = add_rules(kb, r, shown, f->name, f->data, f->length);
		else if (strncmp(f->name, "sources/", 8) == 0)
			rc = lint_kb_add_source(kb, f->name + 8, f->data, f->length);
	}
	return rc;
}

/* The labels citations may use: from --map, else the rule base's own
 * knowledge-map.md; without either, a finding says labels go unchecked. */
static int add_map(lint_kb *kb, lint_report *r, const onco_kb *files,
		   const onco_lint_options *opts, onco_error *err)
{
	char *text;
	size_t i, length;
	int rc;

	if (opts->map_path != NULL) {
		text = read_all(opts->map_path, &length);
		if (text == NULL)
			return onco_error_set(err, ONCO_EIO, "%s: %s", opts->map_path,
					      strerror(errno));
		rc = lint_kb_set_map(kb, text);
		free(text);
		return rc;
	}
	for (i = 0; i < files->n_files; i++)
		if (strcmp(files->files[i].name, "knowledge-map.md") == 0)
			return lint_kb_set_map(kb, files->files[i].data);
	lint_report_add(r, files->origin, 0, 0, 1, "map",
			"no knowledge map (knowledge-map.md) in the rule base: labels are "
			"not checked; give --map FILE");
	return 0;
}

/* CLIPS's message on one line, in the author's terms: without the echo of
 * the construct after "ERROR:" (the place already points at it), its
 * "CE #5" as "condition 5", runs of white space as one space. */
static void clips_message(char *out, size_t size, const char *message)
{
	const char *cut = strstr(message, "ERROR:"), *p = message;
	size_t n = 0;
	int space = 0;

	if (cut == message || cut == NULL)
		cut = message + strlen(message);
	for (; p < cut && n + 16 < size; p++) {
		if (isspace((unsigned char)*p)) {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		if (strncmp(p, "CE #", 4) == 0) {
			n += (size_t)snprintf(out + n, size - n, "condition ");
			p += 3;
			continue;
		}
		out[n++] = *p;
	}
	out[n] = '\0';
}

/* The column of the first character of `line` (from 1) in `text`. */
static long first_column(const char *text, long line)
{
	long l = 1, col = 1;

	for (; *text != '\0' && l < line; text++)
		l += *text == '\n';
	for (; *text == ' ' || *text == '\t'; text++)
		col++;
	return col;
}

/* Does an error of lint's own checks lie in the construct of `file` that
 * holds `line`? Then it says what CLIPS's load error says, better. */
static int explained(const lint_kb *kb, const lint_report *r, const char *file, long line)
{
	long start = 0, end = -1;
	size_t i, k;

	for (i = 0; i < kb->nfiles; i++) {
		const onco_sx *forms = kb->files[i].forms;

		if (strcmp(kb->files[i].name, file) != 0)
			continue;
		for (k = 0; k < forms->n_items && forms->items[k]->line <= line; k++)
			start = forms->items[k]->line;
		end = k < forms->n_items ? forms->items[k]->line : -1;
	}
	for (i = 0; i < r->count; i++)
		if (r->items[i].error && strcmp(r->items[i].file, file) == 0 &&
		    r->items[i].line >= start && (end < 0 || r->items[i].line < end))
			return 1;
	return 0;
}

/* CLIPS's own load error, unless lint's checks already explain it: one
 * mistake, one error, in lint's words. An image was compiled from text that
 * loaded. Returns 0, or ONCO_EIO / ONCO_ENOMEM from opening the engine. */
static int add_load_error(const lint_kb *kb, lint_report *r, const onco_kb *files,
			  const onco_lint_options *opts)
{
	onco_engine_options o;
	onco_engine *engine = NULL;
	onco_error err;
	char shown[ONCO_ERROR_PATH_MAX + 64], message[sizeof(err.message)];
	const char *text;
	size_t i;
	int rc;

	if (opts->kb_image != NULL)
		return 0;
	memset(&err, 0, sizeof(err));
	onco_engine_options_default(&o);
	o.kb_dir = opts->kb_dir;
	rc = onco_engine_open(&engine, &o, &err);
	onco_engine_free(engine);
	if (rc != ONCO_ERULES)
		return rc == ONCO_ENOMEM || rc == ONCO_EIO ? rc : 0;
	snprintf(shown, sizeof(shown), "%s/%s", files->origin,
		 err.file[0] ? err.file : "(rule base)");
	if (explained(kb, r, shown, err.line))
		return 0;
	text = "";
	for (i = 0; i < files->n_files; i++)
		if (strcmp(files->files[i].name, err.file) == 0)
			text = files->files[i].data;
	clips_message(message, sizeof(message), err.message);
	/* "[EXPRNPSR3] Missing ..." -> "Missing ... [EXPRNPSR3]": words first */
	if (message[0] == '[' && strchr(message, ']') != NULL && strchr(message, ']')[1] == ' ') {
		char code[64], *close = strchr(message, ']');

		snprintf(code, sizeof(code), "%.*s", (int)(close - message + 1), message);
		memmove(message, close + 2, strlen(close + 2) + 1);
		if (strlen(message) + strlen(code) + 2 < sizeof(message))
			strcat(strcat(message, " "), code);
	}
	lint_report_add(r, shown, err.line, err.line > 0 ? first_column(text, err.line) : 0, 1,
			"clips", "CLIPS: %s", message);
	return 0;
}

static char *report_json(const lint_report *r)
{
	unsigned long failures = onco_json_alloc_failures();
	cJSON *doc = cJSON_CreateObject(), *items = NULL;
	size_t i;
	int errors = 0, warnings = 0, rc = doc == NULL ? ONCO_ENOMEM : 0;

	if (rc == 0 && (items = cJSON_AddArrayToObject(doc, "findings")) == NULL)
		rc = ONCO_ENOMEM;
	for (i = 0; rc == 0 && i < r->count; i++) {
		const lint_finding *f = &r->items[i];
		cJSON *o = cJSON_CreateObject();

		if (o == NULL || !cJSON_AddStringToObject(o, "file", f->file) ||
		    !cJSON_AddNumberToObject(o, "line", (double)f->line) ||
		    !cJSON_AddNumberToObject(o, "column", (double)f->col) ||
		    !cJSON_AddStringToObject(o, "severity", f->error ? "error" : "warning") ||
		    !cJSON_AddStringToObject(o, "check", f->check) ||
		    !cJSON_AddStringToObject(o, "message", f->message)) {
			cJSON_Delete(o);
			rc = ONCO_ENOMEM;
			break;
		}
		rc = onco_json_append(items, o);
		errors += f->error;
		warnings += !f->error;
	}
	if (rc == 0 && (!cJSON_AddNumberToObject(doc, "errors", errors) ||
			!cJSON_AddNumberToObject(doc, "warnings", warnings)))
		rc = ONCO_ENOMEM;
	if (rc != 0) {
		cJSON_Delete(doc);
		return NULL;
	}
	return onco_json_finish(doc, ONCO_JSON_PRETTY, failures);
}

int onco_kb_lint(char **out, const onco_lint_options *opts, onco_error *err)
{
	onco_kb files;
	lint_kb kb;
	lint_report r = {NULL, 0, 0};
	size_t i;
	int rc;

	*out = NULL;
	memset(&kb, 0, sizeof(kb));
	memset(&files, 0, sizeof(files));
	rc = opts->kb_image != NULL ? read_image_files(&files, opts->kb_image, err)
				    : onco_kb_read_files(&files, opts->kb_dir, err);
	if (rc == 0)
		rc = add_files(&kb, &r, &files);
	if (rc == 0)
		rc = add_map(&kb, &r, &files, opts, err);
	if (rc == 0)
		rc = lint_kb_index(&kb);
	if (rc == 0)
		rc = lint_check_calls(&r, &kb);
	if (rc == 0) {
		lint_check_rules(&r, &kb);
		lint_check_knowledge(&r, &kb);
		rc = add_load_error(&kb, &r, &files, opts);
	}
	if (rc == 0) {
		if (r.count > 0)
			qsort(r.items, r.count, sizeof(*r.items), compare_findings);
		if (r.nomem || (*out = report_json(&r)) == NULL)
			rc = ONCO_ENOMEM;
	}
	if (rc == ONCO_ENOMEM)
		onco_error_set(err, rc, "out of memory");
	else if (rc == ONCO_EIO && err->message[0] == '\0')
		onco_error_set(err, rc, "cannot read the rule base");
	for (i = 0; i < r.count; i++) {
		free(r.items[i].file);
		free(r.items[i].message);
	}
	free(r.items);
	onco_kb_release(&files);
	lint_kb_free(&kb);
	return rc;
}
