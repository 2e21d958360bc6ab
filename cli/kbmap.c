/* kbmap.c: finding the knowledge map and reading its labels. */
#include "kbmap.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "strbuf.h"

static int readable(const char *path)
{
	FILE *f = fopen(path, "rb");

	if (f != NULL)
		fclose(f);
	return f != NULL;
}

char *cli_map_find(const char *given, const char *kb_dir)
{
	cli_buf path = CLI_BUF_INIT;

	if (given != NULL)
		return cli_xstrdup(given);
	if (kb_dir != NULL) {
		cli_buf_printf(&path, "%s/../docs/knowledge-map.md", kb_dir);
		if (readable(cli_buf_text(&path)))
			return cli_buf_take(&path);
		cli_buf_free(&path);
	}
	return readable("docs/knowledge-map.md") ? cli_xstrdup("docs/knowledge-map.md")
						  : NULL;
}

/* A label is written [XX-n]: capitals and digits, a hyphen, digits. */
static size_t label_at(const char *p)
{
	const char *q = p + 1;

	while (isupper((unsigned char)*q) || isdigit((unsigned char)*q))
		q++;
	if (q == p + 1 || *q != '-' || !isdigit((unsigned char)q[1]))
		return 0;
	for (q++; isdigit((unsigned char)*q); q++)
		;
	return *q == ']' ? (size_t)(q - p - 1) : 0;
}

char **cli_map_labels(const char *path, size_t *count)
{
	size_t length, n, i;
	char *text = cli_read_file(path, &length), *p, **labels = NULL;

	*count = 0;
	if (text == NULL)
		return NULL;
	for (p = strchr(text, '['); p != NULL; p = strchr(p + 1, '[')) {
		int seen = 0;

		if ((n = label_at(p)) == 0)
			continue;
		for (i = 0; i < *count; i++)
			seen |= strlen(labels[i]) == n && strncmp(labels[i], p + 1, n) == 0;
		if (seen)
			continue;
		labels = cli_xrealloc(labels, (*count + 1) * sizeof(*labels));
		labels[*count] = cli_xrealloc(NULL, n + 1);
		memcpy(labels[*count], p + 1, n);
		labels[(*count)++][n] = '\0';
	}
	free(text);
	return labels != NULL ? labels : cli_xrealloc(NULL, sizeof(char *));
}

void cli_map_labels_free(char **labels, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(labels[i]);
	free(labels);
}
