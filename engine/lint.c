/* lint.c: onco_kb_lint, the static checks of a rule base (`oncorules lint`):
 * reads the rule files and sources (a folder or the built-in rule base),
 * runs the checks of lint_rules.c and lint_knowledge.c and returns the
 * findings as JSON, sorted by file and line. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "kb_files.h"
#include "lint_check.h"
#include "onco.h"

void lint_report_add(lint_report *r, const char *file, long line, int error,
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
	f->error = error;
	f->check = check;
	r->count++;
}

static int compare_findings(const void *pa, const void *pb)
{
	const lint_finding *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (c != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
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

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The file names in `dir` ending in `suffix`, sorted; NULL-terminated. */
static char **list_dir(const char *dir, const char *suffix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = calloc(1, sizeof(char *)), **grown;
	size_t n = 0;

	if (d == NULL || names == NULL) {
		if (d != NULL)
			closedir(d);
		free(names);
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !ends_with(e->d_name, suffix))
			continue;
		if ((grown = realloc(names, (n + 2) * sizeof(char *))) == NULL)
			break;
		names = grown;
		if ((names[n] = malloc(strlen(e->d_name) + 1)) == NULL)
			break;
		strcpy(names[n++], e->d_name);
		names[n] = NULL;
	}
	closedir(d);
	qsort(names, n, sizeof(char *), compare_names);
	return names;
}

static void free_names(char **names)
{
	size_t i;

	for (i = 0; names != NULL && names[i] != NULL; i++)
		free(names[i]);
	free(names);
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
		lint_report_add(r, shown, e.line, 1, "syntax", "%s", e.message);
		rc = 0;
	}
	return rc;
}

/* "a/b", allocated; NULL when out of memory. */
static char *join(const char *a, const char *b)
{
	char *p = malloc(strlen(a) + strlen(b) + 2);

	if (p != NULL)
		sprintf(p, "%s/%s", a, b);
	return p;
}

/* Reads `dir`/`name`: a rule file when `rules`, else a source text. */
static int load_one(lint_kb *kb, lint_report *r, const char *dir, const char *name,
		    int rules, onco_error *err)
{
	char *path = join(dir, name), *text = NULL;
	size_t length;
	int rc;

	if (path == NULL)
		return ONCO_ENOMEM;
	if ((text = read_all(path, &length)) == NULL)
		rc = onco_error_set(err, ONCO_EIO, "%s: %s", path, strerror(errno));
	else if (rules)
		rc = add_rules(kb, r, path, name, text, length);
	else
		rc = lint_kb_add_source(kb, name, text, length);
	free(text);
	free(path);
	return rc;
}

static int load_dir(lint_kb *kb, lint_report *r, const char *dir, onco_error *err)
{
	char **clp = list_dir(dir, ".clp"), **txt = NULL, *sources = join(dir, "sources");
	size_t i;
	int rc = 0;

	if (clp == NULL || sources == NULL)
		rc = onco_error_set(err, clp == NULL ? ONCO_EIO : ONCO_ENOMEM, "%s: %s", dir,
				    clp == NULL ? strerror(errno) : "out of memory");
	else
		txt = list_dir(sources, "");
	for (i = 0; rc == 0 && clp[i] != NULL; i++)
		rc = load_one(kb, r, dir, clp[i], 1, err);
	for (i = 0; rc == 0 && txt != NULL && txt[i] != NULL; i++)
		rc = load_one(kb, r, sources, txt[i], 0, err);
	free_names(clp);
	free_names(txt);
	free(sources);
	return rc;
}

/* The rule base built into the binary, shown as rules/<file>. */
static int load_builtin(lint_kb *kb, lint_report *r)
{
	const onco_kb_file *f;
	char shown[ONCO_ERROR_PATH_MAX];
	int rc = 0;

	for (f = onco_kb_builtin; rc == 0 && f->name != NULL; f++) {
		snprintf(shown, sizeof(shown), "rules/%s", f->name);
		if (ends_with(f->name, ".clp"))
			rc = add_rules(kb, r, shown, f->name, f->data, f->length);
		else if (strncmp(f->name, "sources/", 8) == 0)
			rc = lint_kb_add_source(kb, f->name + 8, f->data, f->length);
	}
	return rc;
}

static char *report_json(const lint_report *r)
{
	cJSON *doc = cJSON_CreateObject(), *items = cJSON_AddArrayToObject(doc, "findings");
	size_t i;
	int errors = 0, warnings = 0;
	char *text = NULL;

	for (i = 0; items != NULL && i < r->count; i++) {
		const lint_finding *f = &r->items[i];
		cJSON *o = cJSON_CreateObject();

		if (o == NULL)
			break;
		cJSON_AddItemToArray(items, o);
		cJSON_AddStringToObject(o, "file", f->file);
		cJSON_AddNumberToObject(o, "line", (double)f->line);
		cJSON_AddStringToObject(o, "severity", f->error ? "error" : "warning");
		cJSON_AddStringToObject(o, "check", f->check);
		cJSON_AddStringToObject(o, "message", f->message);
		errors += f->error;
		warnings += !f->error;
	}
	if (items != NULL && i == r->count) {
		cJSON_AddNumberToObject(doc, "errors", errors);
		cJSON_AddNumberToObject(doc, "warnings", warnings);
		text = cJSON_Print(doc);
	}
	cJSON_Delete(doc);
	return text;
}

int onco_kb_lint(char **out, const onco_lint_options *opts, onco_error *err)
{
	lint_kb kb;
	lint_report r = {NULL, 0, 0};
	char *map = NULL;
	size_t i, length;
	int rc;

	*out = NULL;
	memset(&kb, 0, sizeof(kb));
	rc = opts->kb_dir != NULL ? load_dir(&kb, &r, opts->kb_dir, err)
				  : load_builtin(&kb, &r);
	if (rc == 0 && opts->map_path != NULL) {
		map = read_all(opts->map_path, &length);
		rc = map == NULL ? onco_error_set(err, ONCO_EIO, "%s: %s", opts->map_path,
						  strerror(errno))
				 : lint_kb_set_map(&kb, map);
	}
	if (rc == 0)
		rc = lint_kb_index(&kb);
	if (rc == 0) {
		lint_check_rules(&r, &kb);
		lint_check_knowledge(&r, &kb);
		if (r.count > 0)
			qsort(r.items, r.count, sizeof(*r.items), compare_findings);
		if (r.nomem || (*out = report_json(&r)) == NULL)
			rc = ONCO_ENOMEM;
	}
	if (rc == ONCO_ENOMEM)
		onco_error_set(err, rc, "out of memory");
	for (i = 0; i < r.count; i++) {
		free(r.items[i].file);
		free(r.items[i].message);
	}
	free(r.items);
	free(map);
	lint_kb_free(&kb);
	return rc;
}
