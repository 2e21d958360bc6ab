/*
 * lint_check.h: the checks of `oncorules lint` over a lint_kb, and the
 * report they fill. Private to engine/; the public entry is onco_kb_lint.
 */
#ifndef ONCO_LINT_CHECK_H
#define ONCO_LINT_CHECK_H

#include "lint_kb.h"

typedef struct lint_finding {
	char *file;
	long line, col; /* 0: the whole file (line), or the whole line (col) */
	int error;         /* 1 error, 0 warning */
	const char *check; /* short name of the check: "cite", "quote", ... */
	char *message;
} lint_finding;

typedef struct lint_report {
	lint_finding *items;
	size_t count;
	int nomem; /* set when a finding could not be stored */
} lint_report;

void lint_report_add(lint_report *r, const char *file, long line, long col, int error,
		     const char *check, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 7, 8)))
#endif
	;

/* Rules: templates, slots and symbols, I/O, salience, `not` over derived
 * facts, citations cited, findings and scopes that can never hold,
 * duplicate conclusions, concluding rules on raw case facts. */
void lint_check_rules(lint_report *r, const lint_kb *kb);

/* Knowledge facts: citations (source, quote, label), finding definitions. */
void lint_check_knowledge(lint_report *r, const lint_kb *kb);

/* Values a finding can take, as a bit set. */
enum { LINT_YES = 1, LINT_NO = 2, LINT_UNKNOWN = 4, LINT_ANY_VALUE = 7 };

/* The values of {yes, no, unknown} a slot constraint such as `yes|no`,
 * `~yes` or `?v&~no` accepts. */
int lint_value_mask(const onco_sx *slot);

/* The bits of the values that rules (or deffacts) assert for finding `name`. */
int lint_asserted_mask(const lint_kb *kb, const char *name);

/* Whether a rule asserts a finding with no finding-def whose name is close
 * to `name` (a finding-def's): then `name` is most likely misspelt there,
 * and that one error is enough. */
int lint_finding_misspelt(const lint_kb *kb, const char *name);

/* Whether the rule base declares a citation with this id. */
int lint_citation_exists(const lint_kb *kb, const char *id);

#endif
