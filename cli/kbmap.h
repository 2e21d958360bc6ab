/*
 * kbmap.h: the knowledge map (docs/knowledge-map.md) beside a rule base:
 * where to find it, and the decision-point labels ([C4-1], [CR-7], ...) it
 * lists. Used by `lint` (labels citations may use) and `test --coverage`
 * (labels a run should conclude).
 */
#ifndef ONCO_CLI_KBMAP_H
#define ONCO_CLI_KBMAP_H

#include <stddef.h>

/* The map to use: `given` (--map), else DIR/../docs/knowledge-map.md for a
 * rule base folder DIR, else docs/knowledge-map.md in the current folder.
 * A string the caller frees, or NULL when none is found. */
char *cli_map_find(const char *given, const char *kb_dir);

/* The labels of the map at `path`, in order, without repeats; *count set.
 * NULL (and *count 0) when the file cannot be read. Free with
 * cli_map_labels_free. */
char **cli_map_labels(const char *path, size_t *count);

void cli_map_labels_free(char **labels, size_t count);

#endif
