/*
 * golden.h: golden files, the whole expected result of a case, kept as
 * text beside the cases, compared line by line.
 */
#ifndef ONCO_CLI_GOLDEN_H
#define ONCO_CLI_GOLDEN_H

#include "strbuf.h"

/*
 * Compares `actual` with the file DIR/RELATIVE. Returns 0 when they are the
 * same; 1 when they differ, with a unified-style diff of the differing
 * lines (and two lines of context) appended to `report`; 1 as well when the
 * golden file is missing or unreadable, saying so.
 * With `update`, writes `actual` to the file instead (creating folders) and
 * returns 0, or 1 with the reason when it cannot be written.
 */
int cli_golden_check(cli_buf *report, const char *dir, const char *relative,
		     const char *actual, int update);

/* Appends to `report` the lines of a unified-style diff from `old` to `new`
 * (each line indented by `indent`); nothing when they are equal. */
void cli_line_diff(cli_buf *report, const char *old, const char *new_text,
		   const char *indent);

#endif
