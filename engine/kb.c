/*
 * kb.c: the rule-base files. The built-in rule base and a --kb folder go
 * through the same path: a list of files in memory (VERSION, *.clp,
 * sources/ *.txt, knowledge-map.md), hashed, then loaded into CLIPS from memory: schema.clp
 * first, then the other rule files by name.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <clips.h>

#include "private/calls.h"
#include "private/engine_internal.h"
#include "sexpr.h"

int onco_grow(void **array, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 8;
	void *grown;

	if (need <= *cap)
		return 0;
	while (n < need)
		n *= 2;
	grown = realloc(*array, n * size);
	if (grown == NULL)
		return ONCO_ENOMEM;
	*array = grown;
	*cap = n;
	return 0;
}

char *onco_strdup(const char *s)
{
	size_t n;
	char *copy;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	copy = malloc(n);
	if (copy != NULL)
		memcpy(copy, s, n);
	return copy;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Load order: schema.clp first (it defines the templates), then by name. */
static int file_order(const void *a, const void *b)
{
	const onco_kb_file *x = a, *y = b;
	int xs = strcmp(x->name, "schema.clp") == 0, ys = strcmp(y->name, "schema.clp") == 0;

	if (xs != ys)
		return ys - xs;
	return strcmp(x->name, y->name);
}

int onco_kb_add_file(onco_kb *kb, const char *name, const char *data, size_t length)
{
	onco_kb_file *grown = realloc(kb->files, (kb->n_files + 1) * sizeof(*grown));
	char *copy_name, *copy_data;

	if (grown == NULL)
		return ONCO_ENOMEM;
	kb->files = grown;
	copy_name = onco_strdup(name);
	copy_data = malloc(length + 1);
	if (copy_name == NULL || copy_data == NULL) {
		free(copy_name);
		free(copy_data);
		return ONCO_ENOMEM;
	}
	memcpy(copy_data, data, length);
	copy_data[length] = '\0';
	grown[kb->n_files].name = copy_name;
	grown[kb->n_files].data = copy_data;
	grown[kb->n_files].length = length;
	kb->n_files++;
	return 0;
}

int onco_kb_refer_file(onco_kb *kb, const char *name, const char *data, size_t length)
{
	onco_kb_file *grown = realloc(kb->files, (kb->n_files + 1) * sizeof(*grown));

	if (grown == NULL)
		return ONCO_ENOMEM;
	kb->files = grown;
	grown[kb->n_files].name = name;
	grown[kb->n_files].data = data;
	grown[kb->n_files].length = length;
	kb->n_files++;
	return 0;
}

/* A rule-base file larger than this is refused: the largest real one is
 * tens of kilobytes, and a rule base is read whole. */
#define KB_FILE_MAX (64u << 20)

int onco_read_regular_file(const char *path, size_t max, char **out, size_t *length,
			   onco_error *err)
{
	struct stat st;
	char *data = NULL;
	size_t done = 0;
	ssize_t n;
	int fd, rc = 0;

	*out = NULL;
	*length = 0;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; it is then
	 * refused as not a regular file. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return onco_error_set(err, ONCO_EIO, "cannot read %s: %s", path, strerror(errno));
	if (fstat(fd, &st) != 0)
		rc = onco_error_set(err, ONCO_EIO, "cannot read %s: %s", path, strerror(errno));
	else if (S_ISDIR(st.st_mode))
		rc = onco_error_set(err, ONCO_EIO, "cannot read %s: %s", path, strerror(EISDIR));
	else if (!S_ISREG(st.st_mode))
		rc = onco_error_set(err, ONCO_EIO, "cannot read %s: not a regular file", path);
	else if ((unsigned long long)st.st_size > max)
		rc = onco_error_set(err, ONCO_EIO, "cannot read %s: larger than %zu bytes",
				    path, max);
	else if ((data = malloc((size_t)st.st_size + 1)) == NULL)
		rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
	while (rc == 0 && done < (size_t)st.st_size) {
		n = read(fd, data + done, (size_t)st.st_size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			rc = onco_error_set(err, ONCO_EIO, "cannot read %s: %s", path,
					    strerror(errno));
		else if (n == 0)
			rc = onco_error_set(err, ONCO_EIO, "cannot read %s: it shrank while read",
					    path);
		else
			done += (size_t)n;
	}
	close(fd);
	if (rc != 0) {
		free(data);
		return rc;
	}
	data[done] = '\0';
	*out = data;
	*length = done;
	return 0;
}

static int read_disk_file(onco_kb *kb, const char *dir, const char *name,
			  onco_error *err)
{
	char path[4096];
	char *data;
	size_t length;
	int rc, n;

	n = snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof(path))
		return onco_error_set(err, ONCO_EIO, "%s/%s: path too long", dir, name);
	rc = onco_read_regular_file(path, KB_FILE_MAX, &data, &length, err);
	if (rc != 0)
		return rc;
	rc = onco_kb_add_file(kb, name, data, length);
	free(data);
	return rc;
}

/* A file a rule base may lack: absent is fine, unreadable is not. */
static int read_optional_file(onco_kb *kb, const char *dir, const char *name,
			      onco_error *err)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (access(path, F_OK) != 0)
		return 0;
	return read_disk_file(kb, dir, name, err);
}

static int read_disk_folder(onco_kb *kb, const char *dir, const char *sub,
			    const char *suffix, onco_error *err)
{
	char path[4096], name[4096];
	DIR *d;
	struct dirent *e;
	int rc = 0;

	snprintf(path, sizeof(path), "%s%s%s", dir, sub[0] ? "/" : "", sub);
	d = opendir(path);
	if (d == NULL)
		return sub[0] ? 0 : onco_error_set(err, ONCO_EIO, "cannot open rule base %s: %s",
						    dir, strerror(errno));
	while (rc == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || !ends_with(e->d_name, suffix))
			continue;
		snprintf(name, sizeof(name), "%s%s%s", sub, sub[0] ? "/" : "", e->d_name);
		rc = read_disk_file(kb, dir, name, err);
	}
	closedir(d);
	return rc;
}

int onco_kb_read_files(onco_kb *kb, const char *dir, onco_error *err)
{
	onco_sha256 hash;
	size_t i;
	int rc = 0;

	if (dir == NULL) {
		for (i = 0; rc == 0 && onco_kb_builtin[i].name != NULL; i++)
			rc = onco_kb_add_file(kb, onco_kb_builtin[i].name, onco_kb_builtin[i].data,
				      onco_kb_builtin[i].length);
	} else {
		rc = read_disk_folder(kb, dir, "", ".clp", err);
		if (rc == 0)
			rc = read_disk_folder(kb, dir, "sources", ".txt", err);
		if (rc == 0)
			rc = read_disk_file(kb, dir, "VERSION", err);
		if (rc == 0)
			rc = read_optional_file(kb, dir, "knowledge-map.md", err);
	}
	if (rc == 0 && (kb->origin = onco_strdup(dir != NULL ? dir : "rules")) == NULL)
		rc = ONCO_ENOMEM;
	if (rc != 0)
		return rc == ONCO_ENOMEM ? onco_error_set(err, rc, "out of memory") : rc;
	qsort(kb->files, kb->n_files, sizeof(kb->files[0]), file_order);

	/* The hash covers every file's name and bytes, in a fixed order. */
	onco_sha256_init(&hash);
	for (i = 0; i < kb->n_files; i++) {
		onco_sha256_update(&hash, kb->files[i].name, strlen(kb->files[i].name) + 1);
		onco_sha256_update(&hash, kb->files[i].data, kb->files[i].length);
		if (strcmp(kb->files[i].name, "VERSION") == 0)
			snprintf(kb->version, sizeof(kb->version), "%.*s",
				 (int)strcspn(kb->files[i].data, "\r\n"), kb->files[i].data);
	}
	onco_sha256_final(&hash, kb->sha256);
	if (kb->version[0] == '\0')
		snprintf(kb->version, sizeof(kb->version), "unversioned");
	return 0;
}

/* Where each "(defrule NAME" of a rule file starts: one pass over the
 * file, so that finding the lines of all its rules stays linear. */
typedef struct rule_line {
	const char *name; /* points into the file text, not NUL-terminated */
	size_t length;
	long line;
} rule_line;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* NULL with *count 0 for a file without rules; NULL with *failed set when
 * memory runs out (the lines are part of the output: never guessed). */
static rule_line *rule_lines(const onco_kb_file *file, size_t *count, int *failed)
{
	const char *p = file->data, *end = file->data + file->length;
	rule_line *lines = NULL, *grown;
	long line = 1;

	*count = 0;
	*failed = 0;
	for (; p < end; p++) {
		const char *q;

		if (*p == '\n') {
			line++;
			continue;
		}
		if (*p != '(' || end - p < 9 || strncmp(p, "(defrule", 8) != 0 || !is_space(p[8]))
			continue;
		for (q = p + 8; q < end && is_space(*q); q++)
			line += *q == '\n';
		p = q;
		while (q < end && !is_space(*q) && *q != '(' && *q != ')')
			q++;
		grown = realloc(lines, (*count + 1) * sizeof(*grown));
		if (grown == NULL) {
			free(lines);
			*count = 0;
			*failed = 1;
			return NULL;
		}
		lines = grown;
		lines[*count].name = p;
		lines[*count].length = (size_t)(q - p);
		lines[(*count)++].line = line;
		p = q - 1;
	}
	return lines;
}

static long line_of(const rule_line *lines, size_t count, const char *name)
{
	size_t i, n = strlen(name);

	for (i = 0; i < count; i++)
		if (lines[i].length == n && strncmp(lines[i].name, name, n) == 0)
			return lines[i].line;
	return 0;
}

/* Reads the rule info of every rule defined since `from`. */
static int index_new_rules(onco_engine *engine, const onco_kb_file *file,
			   void *from, onco_error *err)
{
	onco_kb *kb = &engine->kb;
	void *rule = from ? EnvGetNextDefrule(engine->env, from)
			  : EnvGetNextDefrule(engine->env, NULL);
	size_t n_lines;
	int failed;
	rule_line *lines = rule_lines(file, &n_lines, &failed);
	int rc = 0;

	if (failed)
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");

	for (; rule != NULL; rule = EnvGetNextDefrule(engine->env, rule)) {
		onco_rule_info *grown = realloc(kb->rules, (kb->n_rules + 1) * sizeof(*grown));
		const char *pp = EnvGetDefrulePPForm(engine->env, rule);
		onco_rule_info *info;

		if (grown == NULL) {
			rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
			break;
		}
		kb->rules = grown;
		info = &grown[kb->n_rules];
		rc = onco_rule_info_parse(info, pp != NULL ? pp : "");
		if (rc != 0) {
			onco_error_set(err, rc == ONCO_ENOMEM ? rc : ONCO_ERULES,
				       "cannot read rule %s", EnvGetDefruleName(engine->env, rule));
			break;
		}
		kb->n_rules++;
		info->file = onco_strdup(file->name);
		if (info->file == NULL) {
			rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
			break;
		}
		info->line = line_of(lines, n_lines, info->name);
	}
	free(lines);
	return rc;
}

static void *last_rule(void *env)
{
	void *rule = NULL, *next;

	while ((next = EnvGetNextDefrule(env, rule)) != NULL)
		rule = next;
	return rule;
}

static int load_file(onco_engine *engine, const onco_kb_file *file, onco_error *err)
{
	void *env = engine->env;
	void *before = last_rule(env);
	const char *router = "onco-kb-source";

	onco_capture_reset(&engine->capture);
	SetLineCount(env, 1);
	if (!OpenStringSource(env, router, file->data, 0))
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	LoadConstructsFromLogicalName(env, router);
	CloseStringSource(env, router);
	if (engine->watch.hit != ONCO_LIMIT_NONE) {
		onco_error_set(err, ONCO_ERULES,
			       "loading the rule base took more than %g s or %zu MiB: stopped "
			       "(a loop in a defglobal or deffunction?)",
			       engine->opts.max_seconds, engine->opts.max_memory * 4 >> 20);
		snprintf(err->file, sizeof(err->file), "%s", file->name);
		return ONCO_ERULES;
	}
	if (engine->capture.has_error) {
		onco_error_set(err, ONCO_ERULES, "%s", engine->capture.text);
		snprintf(err->file, sizeof(err->file), "%s", file->name);
		err->line = engine->capture.first_error_line;
		return ONCO_ERULES;
	}
	return index_new_rules(engine, file, before, err);
}

static int is_rule_file(const onco_kb_file *file)
{
	return ends_with(file->name, ".clp") && strchr(file->name, '/') == NULL;
}

/* The first problem the check of calls finds (calls.c). */
typedef struct first_problem {
	onco_error *err;
	int found;
} first_problem;

static int keep_first(void *ctx, const char *file, long line, long col, const char *message)
{
	first_problem *p = ctx;

	(void)col;
	onco_error_set(p->err, ONCO_ERULES, "%s", message);
	snprintf(p->err->file, sizeof(p->err->file), "%s", file);
	p->err->line = line;
	p->found = 1;
	return 1;
}

/*
 * A rule base is code: before CLIPS reads a byte of it, every rule file is
 * read as s-expressions (nesting deeper than CLIPS's parser can take is
 * refused) and every function it calls is checked against the allow-list
 * (calls.c). The first problem refuses the rule base with its file, line
 * and construct.
 */
static int check_rule_text(onco_engine *engine, onco_error *err)
{
	onco_kb *kb = &engine->kb;
	onco_calls_file *files;
	first_problem problem = {err, 0};
	size_t i, n = 0;
	int rc = 0;

	files = calloc(kb->n_files + 1, sizeof(*files));
	if (files == NULL)
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	for (i = 0; i < kb->n_files && rc == 0; i++) {
		onco_sx *forms = NULL;
		long line = 0;

		if (!is_rule_file(&kb->files[i]))
			continue;
		rc = onco_sx_read(&forms, kb->files[i].data, kb->files[i].length, &line);
		if (rc == ONCO_ELIMIT) {
			rc = onco_error_set(err, ONCO_ERULES, "parentheses nested deeper than %d levels",
					    ONCO_SX_MAX_DEPTH);
			snprintf(err->file, sizeof(err->file), "%s", kb->files[i].name);
			err->line = line;
		} else if (rc == ONCO_EINVALID) {
			rc = 0; /* unbalanced: CLIPS reports it, with its own words */
		} else if (rc != 0) {
			rc = onco_error_set(err, rc, "out of memory");
		} else {
			files[n].name = kb->files[i].name;
			files[n++].forms = forms;
		}
	}
	if (rc == 0) {
		rc = onco_calls_check(files, n, keep_first, &problem);
		if (rc != 0)
			onco_error_set(err, rc, "out of memory");
		else if (problem.found)
			rc = ONCO_ERULES;
	}
	for (i = 0; i < n; i++)
		onco_sx_free((onco_sx *)files[i].forms);
	free(files);
	return rc;
}

int onco_kb_load(onco_engine *engine, onco_error *err)
{
	size_t i;
	int rc;

	rc = check_rule_text(engine, err);
	if (rc != 0)
		return rc;
	SetPrintWhileLoading(engine->env, FALSE);
	for (i = 0; i < engine->kb.n_files; i++) {
		if (!is_rule_file(&engine->kb.files[i]))
			continue;
		rc = load_file(engine, &engine->kb.files[i], err);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* The strings of the files and knowledge tables: each its own copy,
 * unless the rule base borrows them from an image (kb->borrowed). */
static void release_strings(onco_kb *kb)
{
	size_t i, j;

	for (i = 0; i < kb->n_files; i++) {
		free((char *)kb->files[i].name);
		free((char *)kb->files[i].data);
	}
	free(kb->origin);
	for (i = 0; i < kb->n_citations; i++) {
		free(kb->citations[i].id);
		free(kb->citations[i].source);
		free(kb->citations[i].label);
		free(kb->citations[i].quote);
	}
	for (i = 0; i < kb->n_finding_defs; i++) {
		free(kb->finding_defs[i].name);
		free(kb->finding_defs[i].text);
		for (j = 0; j < kb->finding_defs[i].n_fields; j++)
			free(kb->finding_defs[i].fields[j]);
	}
	for (i = 0; i < kb->n_guidelines; i++) {
		free(kb->guidelines[i].id);
		free(kb->guidelines[i].title);
		free(kb->guidelines[i].source);
		free(kb->guidelines[i].covers);
	}
	for (i = 0; i < kb->n_card_defs; i++) {
		free(kb->card_defs[i].id);
		free(kb->card_defs[i].guideline);
		free(kb->card_defs[i].kind);
		free(kb->card_defs[i].title);
	}
}

void onco_kb_release(onco_kb *kb)
{
	size_t i;

	if (!kb->borrowed)
		release_strings(kb);
	free(kb->files);
	free(kb->citations);
	for (i = 0; i < kb->n_finding_defs; i++)
		free(kb->finding_defs[i].fields);
	free(kb->finding_defs);
	free(kb->guidelines);
	free(kb->card_defs);
	if (!kb->rules_from_image)
		for (i = 0; i < kb->n_rules; i++)
			onco_rule_info_release(&kb->rules[i]);
	onco_arena_free(&kb->rule_memory);
	free(kb->rules);
	memset(kb, 0, sizeof(*kb));
}
