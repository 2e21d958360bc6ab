/*
 * junit.h: a JUnit XML report of a test run, one <testcase> per case file,
 * as CI servers read it.
 */
#ifndef ONCO_CLI_JUNIT_H
#define ONCO_CLI_JUNIT_H

#include "strbuf.h"

typedef struct cli_junit {
	cli_buf cases; /* the <testcase> elements written so far */
	int tests;
	int failures;
	int errors;
	double seconds;
} cli_junit;

#define CLI_JUNIT_INIT { CLI_BUF_INIT, 0, 0, 0, 0.0 }

/* How a test case ended. */
enum { CLI_JUNIT_PASS, CLI_JUNIT_FAILURE, CLI_JUNIT_ERROR };

/* Adds a test case. `outcome` is CLI_JUNIT_PASS, CLI_JUNIT_FAILURE (an
 * expectation not met) or CLI_JUNIT_ERROR (the case file itself is wrong:
 * unreadable, not JSON, malformed, naming what the rule base lacks);
 * `report` says why (its first line becomes the message attribute);
 * `description` (NULL when none) goes into the test case's system-out. */
void cli_junit_add(cli_junit *j, const char *classname, const char *name,
		   double seconds, const char *description, int outcome,
		   const char *report);

/* Whether `path` can be written (checked before a run, so that a bad path
 * fails at once, not after it); 0, or -1 with errno set. */
int cli_junit_writable(const char *path);

/* Writes the report to `path`: one <testsuite> named `suite`, with the
 * start time `timestamp` (ISO 8601); 0, or -1 with errno set. */
int cli_junit_write(const cli_junit *j, const char *path, const char *suite,
		    const char *timestamp);

void cli_junit_free(cli_junit *j);

/* Appends `s` escaped for XML text or an attribute value: markup
 * characters as entities, newlines and tabs as character references in an
 * attribute, characters XML 1.0 forbids and invalid UTF-8 as U+FFFD. */
void cli_xml_escape(cli_buf *out, const char *s, int attribute);

#endif
