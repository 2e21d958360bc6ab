/*
 * evaluate_fhir.c: onco_engine_evaluate_fhir, a FHIR bundle end to end:
 * the FHIR reader (facts/fhir) makes the case, the engine evaluates it as
 * any other, and the reader's source record is joined to the answer. Every
 * front end (the command line, the CDS Hooks service) calls this one
 * function, so they answer alike.
 */
#include <stdlib.h>
#include <string.h>

#include "private/engine_internal.h"

static int answer(int rc, char *doc, char **out, onco_error *err)
{
	*out = doc;
	if (doc == NULL && rc != ONCO_ENOMEM)
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	return rc;
}

int onco_engine_evaluate_fhir(onco_engine *engine, const char *bundle, size_t length,
			      const onco_fhir_options *fhir, int flags, char **out,
			      onco_error *err)
{
	onco_case_issues issues = { NULL, 0, 0, NULL };
	onco_fhir_record *record = NULL;
	const char *case_json;
	char *result = NULL, *doc = NULL;
	int fflags = (flags & ONCO_JSON_PRETTY) ? ONCO_FHIR_PRETTY : 0;
	int rc, rc2;

	*out = NULL;
	onco_error_clear(err);
	rc = onco_fhir_read(&record, bundle, length, fhir, &issues);
	if (rc == ONCO_EINVALID) {
		rc2 = onco_fhir_issues_document(&issues, fflags, &doc);
		onco_case_issues_free(&issues);
		return answer(rc2 == 0 ? ONCO_EINVALID : rc2, doc, out, err);
	}
	if (rc != 0) {
		onco_error_set(err, rc, "cannot read the bundle: %s",
			       issues.count > 0 ? issues.items[0].message : "out of memory");
		onco_case_issues_free(&issues);
		return rc;
	}
	onco_case_issues_free(&issues);
	case_json = onco_fhir_case_json(record);
	if (case_json == NULL) {
		rc2 = onco_fhir_attach(record, NULL, fflags, &doc);
		onco_fhir_record_free(record);
		return answer(rc2 == 0 ? ONCO_EINVALID : rc2, doc, out, err);
	}
	rc = onco_engine_evaluate(engine, case_json, strlen(case_json), flags, &result, err);
	if (result != NULL) {
		rc2 = onco_fhir_attach(record, result, fflags, &doc);
		free(result);
		onco_fhir_record_free(record);
		if (rc2 != 0)
			return onco_error_set(err, ONCO_ENOMEM, "out of memory");
		*out = doc;
		return rc;
	}
	onco_fhir_record_free(record);
	return rc;
}
