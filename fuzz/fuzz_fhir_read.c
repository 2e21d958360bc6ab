/*
 * fuzz_fhir_read.c: libFuzzer harness over the FHIR reader: any bytes go
 * through onco_fhir_read (with the evaluation date 2024-06-01 for inputs
 * of even length, none for odd ones, so both paths of the date-dependent
 * facts run), then everything the record gives is built and released.
 * Besides the sanitizers, it checks the reader's contract: a record, whose
 * case (when there is one) the case reader accepts and whose notes each
 * have a resource, a JSON pointer and a reason; or no record and at least
 * one issue with a pointer; never ONCO_EINTERNAL. The documents joined to
 * a result (onco_fhir_attach, onco_fhir_case_document) are built for one
 * input in four (by length), to keep the run fast.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "onco_fhir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int pointer_ok(const char *p)
{
	return p != NULL && (p[0] == '\0' || p[0] == '/');
}

static void check_issues(const onco_case_issues *issues, int need_one)
{
	size_t i;

	if (need_one && issues->count == 0)
		abort();
	for (i = 0; i < issues->count; i++)
		if (!pointer_ok(issues->items[i].pointer) || issues->items[i].message == NULL ||
		    issues->items[i].message[0] == '\0')
			abort();
}

static void check_source(const char *text)
{
	cJSON *source = cJSON_Parse(text), *note;
	const cJSON *p, *reason;

	if (source == NULL)
		return; /* out of memory while parsing */
	cJSON_ArrayForEach(note, cJSON_GetObjectItemCaseSensitive(source, "not_understood")) {
		p = cJSON_GetObjectItemCaseSensitive(note, "pointer");
		reason = cJSON_GetObjectItemCaseSensitive(note, "reason");
		if (!cJSON_IsString(p) || !pointer_ok(p->valuestring) || !cJSON_IsString(reason) ||
		    !cJSON_IsString(cJSON_GetObjectItemCaseSensitive(note, "resource")))
			abort();
	}
	cJSON_Delete(source);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	onco_case_issues issues, checked;
	onco_fhir_options opts;
	onco_fhir_record *record = NULL;
	onco_case *c = NULL;
	const char *case_json;
	char *out = NULL;
	int rc;

	memset(&issues, 0, sizeof(issues));
	memset(&checked, 0, sizeof(checked));
	onco_fhir_options_default(&opts);
	opts.as_of = size % 2 == 0 ? "2024-06-01" : NULL;
	rc = onco_fhir_read(&record, (const char *)data, size, &opts, &issues);
	if (rc == 0) {
		if (record == NULL)
			abort();
		case_json = onco_fhir_case_json(record);
		if (case_json != NULL) {
			if (onco_fhir_case_issues(record)->count != 0)
				abort();
			rc = onco_case_read(&c, case_json, strlen(case_json), NULL, &checked);
			if (rc != 0 && rc != ONCO_ENOMEM)
				abort();
			onco_case_free(c);
		} else {
			check_issues(onco_fhir_case_issues(record), 1);
		}
		if (onco_fhir_source_json(record, 0, &out) == 0)
			check_source(out);
		free(out);
		out = NULL;
		if (size % 4 == 1) {
			if (onco_fhir_attach(record, case_json != NULL ? "{\"case\": \"x\"}" : NULL,
					     0, &out) == ONCO_EINVALID)
				abort();
			free(out);
			out = NULL;
			onco_fhir_case_document(record, ONCO_FHIR_PRETTY, &out);
			free(out);
		}
	} else if (rc == ONCO_EINVALID) {
		if (record != NULL)
			abort();
		check_issues(&issues, 1);
	} else if (rc != ONCO_ENOMEM) {
		abort();
	}
	onco_case_issues_free(&issues);
	onco_case_issues_free(&checked);
	onco_fhir_record_free(record);
	return 0;
}
