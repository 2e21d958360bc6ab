/*
 * calls.h: the functions a rule base may call. A rule base is code: it runs
 * inside the engine with the rights of the user. It may only compute on
 * working memory, so every function it calls must be on one allow-list
 * (calls.c): predicates, arithmetic, string and multifield functions,
 * control flow, fact functions. Private to engine/; the loader and lint
 * share it.
 */
#ifndef ONCO_CALLS_H
#define ONCO_CALLS_H

#include <stddef.h>

#include "sexpr.h"

/* One function of the allow-list and the group it is listed under in
 * docs/rule-authoring.md. */
typedef struct onco_allowed_call {
	const char *name;
	const char *group;
} onco_allowed_call;

/* The allow-list, in the order of the documentation; *count rows. */
const onco_allowed_call *onco_calls_allowed(size_t *count);

/* Whether a rule base may call the CLIPS function `name`. */
int onco_call_allowed(const char *name);

/*
 * Removes from a CLIPS environment every function with effects outside
 * working memory (files, the process, the rule base itself, the run:
 * exit, open, remove, load, eval, reset, halt, ...), so that no way around
 * the check below (funcall, a construct read from an image) can reach them.
 * Functions CLIPS itself calls by address at reset are kept; the check
 * refuses them. 0 or ONCO_ENOMEM.
 */
int onco_calls_restrict(void *env);

/* A rule file read as s-expressions. */
typedef struct onco_calls_file {
	const char *name; /* as shown in messages */
	const onco_sx *forms;
} onco_calls_file;

/* Called for each problem found: a call outside the allow-list, a
 * construct a rule base may not hold, recursion; where (line and column,
 * from 1) and what. Returns nonzero to stop. */
typedef int (*onco_calls_report)(void *ctx, const char *file, long line, long col,
				 const char *message);

/*
 * Checks every construct of the files of one rule base: each function
 * called (in rule conditions and actions, deffunction bodies, defglobal
 * values, deffacts and slot defaults) must be on the allow-list or a
 * deffunction of the rule base; deffunctions may not call themselves,
 * directly or through others (loops are bounded by the run limits,
 * recursion would overflow the stack first); constructs are deftemplate,
 * deffacts, defrule, deffunction, defglobal and defmodule only.
 * Returns 0 (problems went to `report`) or ONCO_ENOMEM.
 */
int onco_calls_check(const onco_calls_file *files, size_t n_files,
		     onco_calls_report report, void *ctx);

#endif
