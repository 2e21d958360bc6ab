/*
 * changed.h: `oncorules test --changed`, the fast loop of a rule author:
 * run only the case files that the edits since the last run can affect.
 *
 * The state of the last run is a small text file (default
 * .oncorules-test-state in the current folder; delete it to run
 * everything again): a fingerprint of each rule-base file and, per case
 * file, a fingerprint of its text, how it ended and the guidelines that
 * covered it. A case runs again when its file (or its golden file) changed
 * or is new, when it did not pass last time, when the options changed,
 * when a shared rule file changed (one whose rules do not all belong to
 * one guideline: schema, findings, gates, drug safety), or when the rule
 * file of a guideline that covered it changed (any guideline's file, for
 * a case no guideline covered). Files other than *.clp (sources, the
 * knowledge map, VERSION) do not change a result that `test` checks.
 */
#ifndef ONCO_CLI_CHANGED_H
#define ONCO_CLI_CHANGED_H

#include <cJSON.h>

#include "onco.h"

typedef struct cli_changed cli_changed;

/* Reads the state at `path` (absent or unreadable: every case runs) and
 * fingerprints the rule base of `engine`; `options` names what else
 * changes results (strategy, golden folder). Never NULL. */
cli_changed *cli_changed_open(const char *path, onco_engine *engine, const char *options);

/* Whether the case file `path` with text `text` (and golden text `golden`,
 * NULL when none) must run again. */
int cli_changed_needed(const cli_changed *ch, const char *path, const char *text,
		       const char *golden);

/* Records how the case file ended this run (0 pass, 1 fail, 2 error) and
 * the guidelines that covered it (the result's "guidelines", NULL when it
 * was not evaluated); a case not run keeps what the state said. */
void cli_changed_record(cli_changed *ch, const char *path, const char *text,
			const char *golden, int outcome, const cJSON *guidelines);

/* Writes the state for the next run; 0, or -1 with errno set. */
int cli_changed_save(cli_changed *ch);

void cli_changed_free(cli_changed *ch);

#endif
