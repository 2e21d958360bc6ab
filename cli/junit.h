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
} cli_junit;

#define CLI_JUNIT_INIT { CLI_BUF_INIT, 0, 0 }

/* Adds a test case; `failure` is NULL for a pass, else the report (its
 * first line becomes the failure's message attribute). */
void cli_junit_add(cli_junit *j, const char *classname, const char *name,
		   double seconds, const char *failure);

/* Writes the report to `path`; 0, or -1 with errno set. */
int cli_junit_write(const cli_junit *j, const char *path);

void cli_junit_free(cli_junit *j);

/* Appends `s` escaped for XML text or an attribute value: markup
 * characters as entities, newlines and tabs as character references in an
 * attribute, characters XML 1.0 forbids and invalid UTF-8 as U+FFFD. */
void cli_xml_escape(cli_buf *out, const char *s, int attribute);

#endif
