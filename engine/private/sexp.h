/*
 * sexp.h: a small reader of CLIPS source text as s-expressions, keeping the
 * line of every form, for the static checks of `oncorules lint` (which must
 * say file:line, which CLIPS's own parser does not give back per construct).
 *
 * It reads syntax only: lists, atoms (symbols, numbers, variables,
 * constraints such as `yes|no` or `~yes`) and strings (unescaped).
 * Comments (`;` to the end of the line) are skipped.
 *
 * Ownership: the tree returned belongs to the caller, freed with
 * onco_sexp_free (NULL is a no-op).
 */
#ifndef ONCO_SEXP_H
#define ONCO_SEXP_H

#include <stddef.h>

#include "onco_error.h"

typedef enum onco_sexp_kind {
	ONCO_SEXP_LIST,
	ONCO_SEXP_ATOM,
	ONCO_SEXP_STRING
} onco_sexp_kind;

typedef struct onco_sexp {
	onco_sexp_kind kind;
	char *text;               /* atom text or unescaped string; NULL for a list */
	long line;                /* 1-based line where it starts */
	struct onco_sexp **items; /* a list's items */
	size_t count;
} onco_sexp;

/*
 * Reads every top-level form of `text` into one list node (line 1).
 * Returns 0; or ONCO_EINVALID for an unbalanced parenthesis or an
 * unterminated string, with the line in err->line; or ONCO_ENOMEM.
 */
int onco_sexp_parse(onco_sexp **out, const char *text, size_t length,
		    onco_error *err);

void onco_sexp_free(onco_sexp *s);

/* The i-th item when it is an atom or string, else NULL. */
const char *onco_sexp_text(const onco_sexp *list, size_t i);

/* The head symbol of a list ("defrule" for (defrule ...)), else NULL. */
const char *onco_sexp_head(const onco_sexp *s);

#endif
