/*
 * expect.h: checking a regression case's expectation against the result of
 * its evaluation (the case format of docs/rule-authoring.md).
 *
 * cJSON types appear here because this header is private to cli/.
 */
#ifndef ONCO_CLI_EXPECT_H
#define ONCO_CLI_EXPECT_H

#include <cJSON.h>

#include "strbuf.h"

/*
 * Checks the case file `doc` ({description, labels, input, expect}) itself:
 * known keys only, `input` an object, every expected item an object.
 * Appends one line per problem to `report`; returns the number of problems.
 */
int cli_expect_check_case(cli_buf *report, const cJSON *doc);

/*
 * Checks `expect` against an evaluation: `status` is what
 * onco_engine_evaluate returned (0, ONCO_EINVALID, ...), `result` the parsed
 * document it gave (NULL when none) and `engine_message` the error message
 * when there was no document. Appends a readable paragraph per unmet
 * expectation to `report`, followed by what the result holds in each
 * section concerned; returns the number of unmet expectations.
 */
int cli_expect_check(cli_buf *report, const cJSON *expect, int status,
		     const cJSON *result, const char *engine_message);

/* Writes a JSON value the way a clinician reads it: strings bare, lists as
 * [a, b], objects as {key: value, ...}. */
void cli_expect_describe(cli_buf *out, const cJSON *value);

#endif
