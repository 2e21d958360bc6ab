/*
 * labels.c: the labels of a knowledge map ("[C4-1]", "[CR-7]", ...) and
 * the files of a loaded rule base, for lint and coverage reports.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "private/engine_internal.h"

/* Length of the label opening at `p` ("[XX-n]": capitals and digits, a
 * hyphen, digits), 0 when `p` opens none. */
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

int onco_map_labels(const char *map_text, char ***out, size_t *count)
{
	char **labels = calloc(1, sizeof(char *)), **grown;
	const char *p;
	size_t n, i;

	*out = NULL;
	*count = 0;
	if (labels == NULL)
		return ONCO_ENOMEM;
	for (p = strchr(map_text, '['); p != NULL; p = strchr(p + 1, '[')) {
		int seen = 0;

		if ((n = label_at(p)) == 0)
			continue;
		for (i = 0; i < *count; i++)
			seen |= strlen(labels[i]) == n && strncmp(labels[i], p + 1, n) == 0;
		if (seen)
			continue;
		grown = realloc(labels, (*count + 2) * sizeof(*grown));
		if (grown == NULL || (grown[*count] = malloc(n + 1)) == NULL) {
			onco_map_labels_free(grown != NULL ? grown : labels, *count);
			*count = 0;
			return ONCO_ENOMEM;
		}
		labels = grown;
		memcpy(labels[*count], p + 1, n);
		labels[(*count)++][n] = '\0';
	}
	*out = labels;
	return 0;
}

void onco_map_labels_free(char **labels, size_t count)
{
	size_t i;

	for (i = 0; labels != NULL && i < count; i++)
		free(labels[i]);
	free(labels);
}

const char *onco_engine_kb_text(const onco_engine *engine, const char *name,
				size_t *length)
{
	size_t i;

	for (i = 0; i < engine->kb.n_files; i++)
		if (strcmp(engine->kb.files[i].name, name) == 0) {
			if (length != NULL)
				*length = engine->kb.files[i].length;
			return engine->kb.files[i].data;
		}
	return NULL;
}

size_t onco_engine_kb_file_count(const onco_engine *engine)
{
	return engine->kb.n_files;
}

const char *onco_engine_kb_file_name(const onco_engine *engine, size_t index)
{
	return index < engine->kb.n_files ? engine->kb.files[index].name : NULL;
}
