/*
 * case_internal.h: what the files of the case layer share (private to
 * facts/): the validated case, the issue list, and the two validation
 * stages that onco_case_read runs.
 */
#ifndef ONCO_CASE_INTERNAL_H
#define ONCO_CASE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "onco_facts.h"

/* A validated case: the parsed document, which the validator has checked
 * against the vocabulary, so the fact builder can walk it with the same
 * table and trust every type, value and range. */
struct onco_case {
	cJSON *root;
	const char *id; /* inside root */
	size_t named_drugs; /* fields naming drugs outside the list: none, no
			     * walk for them (case_named.c) */
};

/* Issues kept at most; past it one last issue says the list was cut, so a
 * case with a million bad items cannot make a million messages. */
#define ONCO_CASE_MAX_ISSUES 100

/* Fields in one object of the vocabulary at most: the validator and the
 * fact builder keep an object's keys in arrays of this many (a vocabulary
 * test checks the table keeps to it). */
#define ONCO_OBJECT_FIELDS_MAX 32

/* Appends one issue (copies both strings). Returns 0 or ONCO_ENOMEM. */
int onco_issues_add(onco_case_issues *issues, const char *pointer,
		    const char *message);

/* What the text stage learnt about the text. */
typedef struct onco_scan_result {
	bool too_deep;   /* nesting past max_depth: do not parse */
	bool incomplete; /* the text ends inside a string or container */
	size_t problems; /* issues added (depth, encoding) */
} onco_scan_result;

/*
 * Stage 1, on the raw text before any parsing: the nesting depth (so that
 * no deep document reaches a recursive parser), and every string's
 * encoding: valid UTF-8, no unescaped control character, no \u0000 (cJSON
 * would silently cut the string there). Adds one issue per problem, with
 * its pointer. Returns 0 or ONCO_ENOMEM.
 */
int onco_case_scan(onco_scan_result *out, const char *text, size_t length,
		   const onco_case_limits *limits, onco_case_issues *issues);

/* Parses text that stage 1 found shallow. NULL, *rc ONCO_EINVALID and one
 * issue (byte offset, line, column) when it is not one JSON value; NULL
 * with *rc ONCO_ENOMEM when memory ran out; *rc 0 otherwise. Shared with
 * the FHIR reader, which reads JSON the same way. */
cJSON *onco_json_parse(const char *text, size_t length,
		       const onco_scan_result *scan, onco_case_issues *issues,
		       int *rc);

/* Stage 2, on the parsed document: every key, type, value, range and
 * limit against the vocabulary, issues in document order. *named_drugs
 * receives how many fields that name drugs outside the list it met.
 * Returns 0 (read `issues` for the verdict) or ONCO_ENOMEM. */
int onco_case_check(const cJSON *root, const onco_case_limits *limits,
		    onco_case_issues *issues, size_t *named_drugs);


#endif
