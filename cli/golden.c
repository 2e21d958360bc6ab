/* golden.c: golden result files and the line diff that shows a change. */
#include "golden.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

#define CONTEXT 2
#define MAX_CELLS (16u * 1024u * 1024u) /* LCS table limit */

typedef struct lines {
	const char **at; /* start of each line */
	size_t *len;     /* its length, without the newline */
	size_t count;
} lines;

static void split(lines *l, const char *text)
{
	const char *p = text;

	l->at = NULL;
	l->len = NULL;
	l->count = 0;
	while (*p != '\0') {
		const char *nl = strchr(p, '\n');
		size_t n = nl != NULL ? (size_t)(nl - p) : strlen(p);

		l->at = cli_xrealloc(l->at, (l->count + 1) * sizeof(*l->at));
		l->len = cli_xrealloc(l->len, (l->count + 1) * sizeof(*l->len));
		l->at[l->count] = p;
		l->len[l->count++] = n;
		p += n + (nl != NULL);
	}
}

static int same_line(const lines *a, size_t i, const lines *b, size_t j)
{
	return a->len[i] == b->len[j] && memcmp(a->at[i], b->at[j], a->len[i]) == 0;
}

/* One line of the edit script: ' ' kept, '-' removed, '+' added. */
typedef struct edit {
	char op;
	const char *at;
	size_t len;
	size_t old_line; /* 1-based line in `old` where it stands */
} edit;

/* The shortest edit script by longest common subsequence; when the table
 * would be too large, every old line removed and every new line added. */
static edit *script(const lines *a, const lines *b, size_t *count)
{
	size_t n = a->count, m = b->count, i = 0, j = 0, k = 0;
	unsigned *t = NULL;
	edit *e = cli_xrealloc(NULL, (n + m + 1) * sizeof(*e));

	if ((n + 1) * (m + 1) <= MAX_CELLS) {
		t = cli_xrealloc(NULL, (n + 1) * (m + 1) * sizeof(*t));
		for (i = n + 1; i-- > 0;)
			for (j = m + 1; j-- > 0;)
				t[i * (m + 1) + j] =
					i == n || j == m ? 0
					: same_line(a, i, b, j)
						? t[(i + 1) * (m + 1) + j + 1] + 1
					: t[(i + 1) * (m + 1) + j] > t[i * (m + 1) + j + 1]
						? t[(i + 1) * (m + 1) + j]
						: t[i * (m + 1) + j + 1];
	}
	i = j = 0;
	while (i < n || j < m) {
		if (t != NULL && i < n && j < m && same_line(a, i, b, j)) {
			e[k++] = (edit){' ', a->at[i], a->len[i], i + 1};
			i++, j++;
		} else if (i < n && (j == m || t == NULL ||
				     t[(i + 1) * (m + 1) + j] >= t[i * (m + 1) + j + 1])) {
			e[k++] = (edit){'-', a->at[i], a->len[i], i + 1};
			i++;
		} else {
			e[k++] = (edit){'+', b->at[j], b->len[j], i + 1};
			j++;
		}
	}
	free(t);
	*count = k;
	return e;
}

void cli_line_diff(cli_buf *report, const char *old, const char *new_text,
		   const char *indent)
{
	lines a, b;
	size_t n, i, k;
	edit *e;
	char *shown;

	split(&a, old);
	split(&b, new_text);
	e = script(&a, &b, &n);
	/* a line is shown when it is a change or within CONTEXT of one */
	shown = cli_xrealloc(NULL, n + 1);
	memset(shown, 0, n + 1);
	for (i = 0; i < n; i++)
		if (e[i].op != ' ')
			for (k = i > CONTEXT ? i - CONTEXT : 0; k < n && k <= i + CONTEXT; k++)
				shown[k] = 1;
	for (i = 0; i < n; i++) {
		if (!shown[i])
			continue;
		if (i == 0 || !shown[i - 1])
			cli_buf_printf(report, "%s@@ line %zu @@\n", indent, e[i].old_line);
		cli_buf_printf(report, "%s%c ", indent, e[i].op);
		cli_buf_append(report, e[i].at, e[i].len);
		cli_buf_puts(report, "\n");
	}
	free(shown);
	free(e);
	free(a.at);
	free(a.len);
	free(b.at);
	free(b.len);
}

/* mkdir -p of the folder part of `path`. */
static int make_parents(const char *path)
{
	char *p = cli_xstrdup(path), *s;
	int status = 0;

	for (s = strchr(p + 1, '/'); s != NULL && status == 0; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			status = -1;
		*s = '/';
	}
	free(p);
	return status;
}

static int write_file(const char *path, const char *text)
{
	FILE *f;
	int ok;

	if (make_parents(path) != 0 || (f = fopen(path, "wb")) == NULL)
		return -1;
	ok = fputs(text, f) >= 0;
	return fclose(f) == 0 && ok ? 0 : -1;
}

int cli_golden_check(cli_buf *report, const char *dir, const char *relative,
		     const char *actual, int update)
{
	cli_buf path = CLI_BUF_INIT;
	char *golden;
	size_t length;
	int status = 0;

	cli_buf_printf(&path, "%s/%s", dir, relative);
	if (update) {
		if (write_file(cli_buf_text(&path), actual) != 0) {
			cli_buf_printf(report, "  cannot write the golden file %s: %s\n",
				       cli_buf_text(&path), strerror(errno));
			status = 1;
		}
	} else if ((golden = cli_read_file(cli_buf_text(&path), CLI_FILE_MAX, &length)) == NULL) {
		cli_buf_printf(report,
			       "  no golden result %s (%s); write it with --update-golden\n",
			       cli_buf_text(&path), strerror(errno));
		status = 1;
	} else {
		if (strcmp(golden, actual) != 0) {
			cli_buf_printf(report,
				       "  the result differs from the golden result:\n"
				       "    --- %s\n    +++ this run\n",
				       cli_buf_text(&path));
			cli_line_diff(report, golden, actual, "    ");
			status = 1;
		}
		free(golden);
	}
	cli_buf_free(&path);
	return status;
}
