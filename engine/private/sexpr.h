/*
 * sexpr.h: a small reader of CLIPS text (lists, atoms, strings) into a
 * tree, for reading rules' pretty-print forms and rule files. It does not
 * evaluate anything.
 */
#ifndef ONCO_SEXPR_H
#define ONCO_SEXPR_H

#include <stddef.h>

#include "arena.h"

typedef enum { ONCO_SX_LIST, ONCO_SX_ATOM, ONCO_SX_STRING } onco_sx_type;

/* A tree's nodes, texts and item arrays live in an arena owned by its root
 * (one allocation per few hundred nodes, not three per node: reading every
 * rule's form was most of what opening an engine from rule text costs). */
typedef struct onco_sx {
	onco_sx_type type;
	char *text;            /* atom or string contents (unescaped); NULL for lists */
	struct onco_sx **items; /* list items */
	size_t n_items;
	long line;             /* line of the first character, from 1 */
	long col;              /* its column (byte in the line), from 1 */
	onco_arena memory;     /* the root's: the memory of the tree */
} onco_sx;

/* Lists nested deeper than this are refused: the reader recurses, and so
 * does CLIPS's parser, which a rule file nested 40,000 levels deep crashes;
 * the loader refuses such a file before CLIPS reads it. */
#define ONCO_SX_MAX_DEPTH 256

/*
 * Reads the expressions of `text` (length bytes) into *out, a list node
 * whose items are the top-level expressions. Comments (;) are skipped.
 * Returns 0, ONCO_EINVALID for unbalanced text, ONCO_ELIMIT for lists
 * nested deeper than ONCO_SX_MAX_DEPTH (the line in *error_line for both),
 * or ONCO_ENOMEM.
 */
int onco_sx_read(onco_sx **out, const char *text, size_t length, long *error_line);

/* Frees a tree read by onco_sx_read, given its root (NULL is a no-op). */
void onco_sx_free(onco_sx *root);

/* The atom text of item i of a list, or NULL when it is not an atom. */
const char *onco_sx_atom(const onco_sx *list, size_t i);

/* For a pattern like (template (slot v1 v2) ...), the slot list named
 * `slot`, or NULL. */
const onco_sx *onco_sx_slot(const onco_sx *pattern, const char *slot);

/* Writes `node` back as text into a malloc'd string (NULL on ENOMEM). */
char *onco_sx_text(const onco_sx *node);

#endif
