/* casefiles.c: finding the *.json case files below the paths given. */
#include "casefiles.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "cli.h"
#include "strbuf.h"

static int has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void add(cli_case_files *out, const char *path, const char *relative)
{
	cli_case_file *f;
	const char *slash = strrchr(path, '/');

	out->items = cli_xrealloc(out->items, (out->count + 1) * sizeof(*out->items));
	f = &out->items[out->count++];
	f->path = cli_xstrdup(path);
	f->relative = cli_xstrdup(relative);
	f->name = cli_xstrdup(slash != NULL ? slash + 1 : path);
	if (slash == NULL) {
		f->folder = cli_xstrdup(".");
	} else {
		size_t n = slash == path ? 1 : (size_t)(slash - path);

		f->folder = cli_xrealloc(NULL, n + 1);
		memcpy(f->folder, path, n);
		f->folder[n] = '\0';
	}
	slash = strrchr(relative, '/');
	if (slash != NULL) {
		f->group = cli_xstrdup(relative);
		f->group[slash - relative] = '\0';
	} else {
		const char *base = strrchr(f->folder, '/');

		/* "tests/cases" -> "cases"; "/" and "." stay as they are */
		f->group = cli_xstrdup(base != NULL && base[1] != '\0' ? base + 1 : f->folder);
	}
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks `dir` (whose path relative to the argument is `rel`, "" at the top)
 * and adds its *.json files in sorted order. */
static int walk(cli_case_files *out, const char *dir, const char *rel)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;
	int status = 0;

	if (d == NULL) {
		fprintf(stderr, "oncorules: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = cli_xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = cli_xstrdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_names);
	for (i = 0; i < n; i++) {
		cli_buf path = CLI_BUF_INIT, sub = CLI_BUF_INIT;
		struct stat st;

		cli_buf_printf(&path, "%s%s%s", dir,
			       has_suffix(dir, "/") ? "" : "/", names[i]);
		cli_buf_printf(&sub, "%s%s%s", rel, rel[0] ? "/" : "", names[i]);
		if (stat(cli_buf_text(&path), &st) != 0) {
			fprintf(stderr, "oncorules: %s: %s\n", cli_buf_text(&path),
				strerror(errno));
			status = -1;
		} else if (S_ISDIR(st.st_mode)) {
			if (walk(out, cli_buf_text(&path), cli_buf_text(&sub)) != 0)
				status = -1;
		} else if (has_suffix(names[i], ".json")) {
			add(out, cli_buf_text(&path), cli_buf_text(&sub));
		}
		cli_buf_free(&path);
		cli_buf_free(&sub);
		free(names[i]);
	}
	free(names);
	return status;
}

int cli_case_files_collect(cli_case_files *out, char **paths, int count)
{
	int i, status = 0;

	out->items = NULL;
	out->count = 0;
	for (i = 0; i < count; i++) {
		struct stat st;
		const char *slash;

		if (stat(paths[i], &st) != 0) {
			fprintf(stderr, "oncorules: %s: %s\n", paths[i], strerror(errno));
			status = -1;
		} else if (S_ISDIR(st.st_mode)) {
			if (walk(out, paths[i], "") != 0)
				status = -1;
		} else {
			slash = strrchr(paths[i], '/');
			add(out, paths[i], slash != NULL ? slash + 1 : paths[i]);
		}
	}
	return status;
}

void cli_case_files_free(cli_case_files *files)
{
	size_t i;

	for (i = 0; i < files->count; i++) {
		free(files->items[i].path);
		free(files->items[i].relative);
		free(files->items[i].folder);
		free(files->items[i].name);
		free(files->items[i].group);
	}
	free(files->items);
	files->items = NULL;
	files->count = 0;
}

char *cli_case_input(const char *path)
{
	size_t length;
	char *text = cli_read_file(path, CLI_FILE_MAX, &length), *input;
	cJSON *doc = text != NULL ? cJSON_Parse(text) : NULL;
	const cJSON *in = cJSON_GetObjectItemCaseSensitive(doc, "input");

	if (doc == NULL || !cJSON_IsObject(in) ||
	    cJSON_GetObjectItemCaseSensitive(doc, "expect") == NULL) {
		cJSON_Delete(doc);
		return text;
	}
	input = cJSON_PrintUnformatted(in);
	cJSON_Delete(doc);
	free(text);
	return input;
}
