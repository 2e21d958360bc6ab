/* kbmap.c: the labels of a knowledge map: --map FILE, or the rule base's own. */
#include "kbmap.h"

#include <stdlib.h>

#include "cli.h"

char **cli_map_labels(const onco_engine *engine, const char *path, size_t *count)
{
	char **labels = NULL, *text = NULL;
	const char *map;
	size_t length;

	*count = 0;
	if (path != NULL)
		map = text = cli_read_file(path, CLI_FILE_MAX, &length);
	else
		map = onco_engine_kb_text(engine, "knowledge-map.md", &length);
	if (map == NULL || onco_map_labels(map, &labels, count) != 0)
		labels = NULL;
	free(text);
	return labels;
}
