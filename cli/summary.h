/* summary.h: the tumour-board summary of a result document, as text. */
#ifndef ONCO_CLI_SUMMARY_H
#define ONCO_CLI_SUMMARY_H

#include <stdio.h>

/* Writes the summary of `result_json` (a result or error document) to
 * `out`. Returns 0, or -1 when the text is not a result document. */
int cli_summary_print(FILE *out, const char *result_json);

#endif
