/*
 * kbmap.h: the decision-point labels ([C4-1], [CR-7], ...) a run should
 * know: from a knowledge map given with --map, else from the rule base's
 * own knowledge-map.md. Used by `test --coverage`.
 */
#ifndef ONCO_CLI_KBMAP_H
#define ONCO_CLI_KBMAP_H

#include <stddef.h>

#include "onco.h"

/* The labels of the map at `path` (--map), or of the engine's rule base
 * when `path` is NULL, in order, without repeats; *count set. NULL (and
 * *count 0) when there is no map or it cannot be read. Free with
 * onco_map_labels_free. */
char **cli_map_labels(const onco_engine *engine, const char *path, size_t *count);

#endif
