/*
 * expect.h: checking a regression case's expectation against the result of
 * its evaluation (the case format of docs/rule-authoring.md).
 *
 * cJSON types appear here because this header is private to cli/.
 */
#ifndef ONCO_CLI_EXPECT_H
#define ONCO_CLI_EXPECT_H

#include <cJSON.h>

#include "onco.h"
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

/* What a rule base can conclude (ids by kind, the ids gates compute as
 * patterns) and the labels of its knowledge map (`map_path`, or the rule
 * base's own), for cli_expect_check_kb. NULL when the catalogue cannot be
 * read. */
typedef struct cli_expect_kb cli_expect_kb;
cli_expect_kb *cli_expect_kb_new(onco_engine *engine, const char *map_path);
void cli_expect_kb_free(cli_expect_kb *kb);

/*
 * Checks a case file's expectations against the rule base: every `id` of
 * an expected or absent recommendation, exclusion, warning or note is one
 * some rule can conclude, every `option` one some rule recommends, every
 * label one of the knowledge map. Appends one line per problem, with a
 * did-you-mean and the fix; returns the number of problems.
 */
int cli_expect_check_kb(cli_buf *report, const cJSON *doc, const cli_expect_kb *kb);

/* Writes a JSON value the way a clinician reads it: strings bare, lists as
 * [a, b], objects as {key: value, ...}. */
void cli_expect_describe(cli_buf *out, const cJSON *value);

#endif
