/*
 * coverage.h: rule and knowledge-map coverage of a test run
 * (`oncorules test --coverage`): how often each rule fired over the run,
 * how often each knowledge-map label was concluded, and what was never
 * exercised.
 */
#ifndef ONCO_CLI_COVERAGE_H
#define ONCO_CLI_COVERAGE_H

#include <stdio.h>

#include "onco.h"
#include "strbuf.h"

typedef struct cli_coverage cli_coverage;

/* Starts counting for `engine`'s rule base; `map_path` is the knowledge
 * map whose labels count (NULL: the rule base's own knowledge-map.md). NULL when the
 * catalogue cannot be read (message printed). */
cli_coverage *cli_coverage_new(onco_engine *engine, const char *map_path);

/* Adds the firings of the engine's last (successful) evaluation. */
void cli_coverage_add(cli_coverage *c, const onco_engine *engine);

/* Prints the report, ending with the rules never fired and what to do;
 * appends to `verdict` the clause for the run's last line ("464 of 464
 * rules fired (100.0%)", or "coverage below the minimum: ..."). Returns 1
 * when the share of rules fired is below `min_percent`, else 0. */
int cli_coverage_report(const cli_coverage *c, FILE *out, double min_percent,
			cli_buf *verdict);

void cli_coverage_free(cli_coverage *c);

#endif
