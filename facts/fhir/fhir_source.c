/*
 * fhir_source.c: what a record gives its front ends: the case, the
 * "source" object, and the one function that joins a result document to
 * the source record it was read from (onco_fhir_attach), so that the
 * command line and the CDS Hooks service show the same thing.
 */
#include <stdlib.h>
#include <string.h>

#include "../case_internal.h"
#include "fhir_internal.h"

void onco_fhir_record_free(onco_fhir_record *record)
{
	if (record == NULL)
		return;
	free(record->case_json);
	free(record->case_id);
	onco_case_issues_free(&record->case_issues);
	cJSON_Delete(record->source);
	free(record);
}

const char *onco_fhir_case_json(const onco_fhir_record *record)
{
	return record != NULL ? record->case_json : NULL;
}

const onco_case_issues *onco_fhir_case_issues(const onco_fhir_record *record)
{
	return record != NULL ? &record->case_issues : NULL;
}

const char *onco_fhir_case_id(const onco_fhir_record *record)
{
	return record != NULL ? record->case_id : NULL;
}

static size_t list_size(const onco_fhir_record *record, const char *key)
{
	if (record == NULL)
		return 0;
	return (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(record->source, key));
}

size_t onco_fhir_not_understood_count(const onco_fhir_record *record)
{
	return list_size(record, "not_understood");
}

size_t onco_fhir_conflict_count(const onco_fhir_record *record)
{
	return list_size(record, "conflicts");
}

static char *print(const cJSON *doc, int flags)
{
	return (flags & ONCO_FHIR_PRETTY) ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
}

int onco_fhir_source_json(const onco_fhir_record *record, int flags, char **out)
{
	*out = print(record->source, flags);
	return *out != NULL ? 0 : ONCO_ENOMEM;
}

/* {"pointer", "message"} items of `issues`. */
static cJSON *errors_json(const onco_case_issues *issues)
{
	cJSON *errors = cJSON_CreateArray(), *e;
	size_t i;

	for (i = 0; errors != NULL && i < issues->count; i++) {
		e = cJSON_CreateObject();
		if (e == NULL || cJSON_AddStringToObject(e, "pointer", issues->items[i].pointer) == NULL ||
		    cJSON_AddStringToObject(e, "message", issues->items[i].message) == NULL) {
			cJSON_Delete(e);
			cJSON_Delete(errors);
			return NULL;
		}
		cJSON_AddItemToArray(errors, e);
	}
	return errors;
}

/* Adds a copy of the source object to `doc` as "source". */
static bool add_source(const onco_fhir_record *record, cJSON *doc)
{
	cJSON *copy = cJSON_Duplicate(record->source, 1);

	if (copy == NULL || !cJSON_AddItemToObject(doc, "source", copy)) {
		cJSON_Delete(copy);
		return false;
	}
	return true;
}

/* {"case": id or null, "errors": [...]} for a record with no case. */
static cJSON *error_document(const onco_fhir_record *record)
{
	cJSON *doc = cJSON_CreateObject(), *errors = errors_json(&record->case_issues);
	bool ok = doc != NULL && errors != NULL;

	ok = ok && (record->case_id != NULL
			    ? cJSON_AddStringToObject(doc, "case", record->case_id) != NULL
			    : cJSON_AddNullToObject(doc, "case") != NULL);
	if (ok && cJSON_AddItemToObject(doc, "errors", errors))
		errors = NULL;
	else
		ok = false;
	cJSON_Delete(errors);
	if (!ok) {
		cJSON_Delete(doc);
		return NULL;
	}
	return doc;
}

int onco_fhir_attach(const onco_fhir_record *record, const char *document, int flags,
		     char **out)
{
	cJSON *doc;
	int rc = 0;

	*out = NULL;
	if (document != NULL) {
		doc = cJSON_Parse(document);
		if (doc == NULL)
			return ONCO_EINVALID; /* or out of memory: the caller's text is JSON */
		if (!cJSON_IsObject(doc)) {
			cJSON_Delete(doc);
			return ONCO_EINVALID;
		}
	} else {
		doc = error_document(record);
		if (doc == NULL)
			return ONCO_ENOMEM;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(doc, "source");
	if (!add_source(record, doc) || (*out = print(doc, flags)) == NULL)
		rc = ONCO_ENOMEM;
	cJSON_Delete(doc);
	return rc;
}

int onco_fhir_case_document(const onco_fhir_record *record, int flags, char **out)
{
	cJSON *doc, *c;
	int rc = ONCO_ENOMEM;

	*out = NULL;
	if (record->case_json == NULL) {
		doc = error_document(record);
	} else {
		doc = cJSON_CreateObject();
		c = cJSON_Parse(record->case_json);
		if (doc == NULL || c == NULL || !cJSON_AddItemToObject(doc, "case", c)) {
			cJSON_Delete(c);
			cJSON_Delete(doc);
			doc = NULL;
		}
	}
	if (doc != NULL && add_source(record, doc) && (*out = print(doc, flags)) != NULL)
		rc = 0;
	cJSON_Delete(doc);
	return rc;
}

int onco_fhir_issues_document(const onco_case_issues *issues, int flags, char **out)
{
	cJSON *doc = cJSON_CreateObject(), *errors = errors_json(issues);
	int rc = ONCO_ENOMEM;

	*out = NULL;
	if (doc != NULL && errors != NULL && cJSON_AddNullToObject(doc, "case") != NULL &&
	    cJSON_AddItemToObject(doc, "errors", errors)) {
		errors = NULL;
		if ((*out = print(doc, flags)) != NULL)
			rc = 0;
	}
	cJSON_Delete(errors);
	cJSON_Delete(doc);
	return rc;
}
