/*
 * case_read.c: onco_case_read, the front door of the case layer.
 *
 * Order matters for safety: the size is checked before anything reads the
 * text, the depth before cJSON (whose parser recurses) sees it, and the
 * string encoding before any string is trusted. Then the vocabulary check
 * reports every remaining problem at once.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "case_internal.h"
#include "vocabulary.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool all_space(const char *text, size_t from, size_t length)
{
	for (; from < length; from++)
		if (!is_space(text[from]))
			return false;
	return true;
}

static int add_issue(onco_case_issues *issues, onco_buf *message)
{
	int rc;

	if (message->data == NULL)
		return ONCO_ENOMEM;
	rc = onco_issues_add(issues, "", message->data);
	return rc != 0 ? rc : ONCO_EINVALID;
}

/* The issue for text that is not JSON: where, in bytes (from 0) and in
 * lines and columns (from 1) for people with an editor. */
static int not_json(onco_case_issues *issues, const char *text,
		    size_t length, size_t at, bool at_end)
{
	onco_buf message = ONCO_BUF_INIT;
	size_t i, line = 1, column = 1;
	int rc;

	for (i = 0; i < at && i < length; i++) {
		column++;
		if (text[i] == '\n') {
			line++;
			column = 1;
		}
	}
	if (at_end)
		onco_buf_printf(&message,
			"not valid JSON: unexpected end of input at byte %zu",
			length);
	else
		onco_buf_printf(&message,
			"not valid JSON: unexpected %s at byte %zu (line %zu, column %zu)",
			at < length ? "character" : "end of input", at, line,
			column);
	rc = add_issue(issues, &message);
	onco_buf_free(&message);
	return rc;
}

cJSON *onco_json_parse(const char *text, size_t length,
		       const onco_scan_result *scan, onco_case_issues *issues,
		       int *rc)
{
	const char *end = NULL;
	unsigned long failures;
	cJSON *root;
	size_t at;

	onco_json_hooks_install();
	failures = onco_json_alloc_failures();
	root = cJSON_ParseWithLengthOpts(text, length, &end, 0);
	if (root == NULL && onco_json_alloc_failures() != failures) {
		*rc = ONCO_ENOMEM;
		return NULL;
	}
	if (root == NULL) {
		*rc = not_json(issues, text, length,
			       end != NULL ? (size_t)(end - text) : 0,
			       scan->incomplete);
		return NULL;
	}
	at = (size_t)(end - text);
	while (at < length && is_space(text[at]))
		at++;
	if (at < length) {
		*rc = not_json(issues, text, length, at, false);
		cJSON_Delete(root);
		return NULL;
	}
	*rc = 0;
	return root;
}

/* The id for error reports: the root's "id" when it is a string of
 * allowed length whose encoding stage 1 did not fault. */
static const char *readable_id(const cJSON *root,
			       const onco_case_issues *scan_issues)
{
	const onco_field *field;
	const cJSON *id;
	size_t i;

	field = onco_vocabulary_field(onco_vocabulary_root(), "id");
	id = cJSON_GetObjectItemCaseSensitive(root, "id");
	if (!cJSON_IsString(id) || strlen(id->valuestring) > field->max_length)
		return NULL;
	for (i = 0; i < scan_issues->count; i++)
		if (strcmp(scan_issues->items[i].pointer, "/id") == 0)
			return NULL;
	return id->valuestring;
}

static int read_case(onco_case **out, const char *text, size_t length,
		     const onco_case_limits *limits, onco_case_issues *issues)
{
	onco_case_issues scanned = { NULL, 0, 0, NULL };
	onco_scan_result scan;
	onco_buf message = ONCO_BUF_INIT;
	onco_case *c = NULL;
	cJSON *root = NULL;
	const char *id;
	size_t named_drugs = 0;
	int rc;

	if (length == 0 || all_space(text, 0, length)) {
		rc = onco_issues_add(issues, "", "the case is empty");
		return rc != 0 ? rc : ONCO_EINVALID;
	}
	if (length > limits->max_bytes) {
		onco_buf_printf(&message,
			"case of %zu bytes is larger than the limit of %zu",
			length, limits->max_bytes);
		rc = add_issue(issues, &message);
		onco_buf_free(&message);
		return rc;
	}
	rc = onco_case_scan(&scan, text, length, limits, &scanned);
	if (rc != 0)
		goto done;
	if (scan.too_deep) {
		rc = ONCO_EINVALID;
		goto keep_scanned;
	}
	root = onco_json_parse(text, length, &scan, issues, &rc);
	if (root == NULL)
		goto done;
	id = readable_id(root, &scanned);
	if (id != NULL && (issues->case_id = strdup(id)) == NULL) {
		rc = ONCO_ENOMEM;
		goto done;
	}
	if (scan.problems > 0) {
		rc = ONCO_EINVALID;
		goto keep_scanned;
	}
	rc = onco_case_check(root, limits, issues, &named_drugs);
	if (rc == 0 && issues->count > 0)
		rc = ONCO_EINVALID;
	if (rc != 0)
		goto done;
	c = malloc(sizeof(*c));
	if (c == NULL) {
		rc = ONCO_ENOMEM;
		goto done;
	}
	c->root = root;
	c->named_drugs = named_drugs;
	c->id = cJSON_GetObjectItemCaseSensitive(root, "id")->valuestring;
	root = NULL;
	*out = c;
	goto done;

keep_scanned:
	/* The caller's list is still empty: hand it stage 1's issues. */
	scanned.case_id = issues->case_id;
	*issues = scanned;
	memset(&scanned, 0, sizeof(scanned));
done:
	onco_case_issues_free(&scanned);
	cJSON_Delete(root);
	return rc;
}

int onco_case_read(onco_case **out, const char *text, size_t length,
		   const onco_case_limits *limits, onco_case_issues *issues)
{
	onco_case_limits defaults;
	onco_case_issues ignored = { NULL, 0, 0, NULL };
	int rc;

	*out = NULL;
	if (limits == NULL) {
		onco_case_limits_default(&defaults);
		limits = &defaults;
	}
	if (text == NULL)
		length = 0;
	rc = read_case(out, text, length, limits,
		       issues != NULL ? issues : &ignored);
	onco_case_issues_free(&ignored);
	return rc;
}

const char *onco_case_id(const onco_case *c)
{
	return c != NULL ? c->id : NULL;
}

void onco_case_free(onco_case *c)
{
	if (c == NULL)
		return;
	cJSON_Delete(c->root);
	free(c);
}
