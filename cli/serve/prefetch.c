/* prefetch.c: the prefetch templates, and prefetch -> collection Bundle. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "prefetch.h"

/* As many entries as the FHIR reader takes in one bundle (facts/fhir/). */
#define ENTRIES_MAX 10000

/* One row per template. docs/service.md lists the same rows (a test
 * checks the discovery answer against it). */
const serve_prefetch_template serve_prefetch_templates[] = {
	{"patient", "Patient/{{context.patientId}}", "Patient", 0,
	 "age, sex"},
	{"conditions", "Condition?patient={{context.patientId}}", "Condition", 1,
	 "the cancer: site, histology, stage, recurrence, metastases"},
	{"observations", "Observation?patient={{context.patientId}}", "Observation", 1,
	 "stage groups, tumour markers (ER, PR, HER2, PD-L1), ECOG"},
	{"medication-statements", "MedicationStatement?patient={{context.patientId}}",
	 "MedicationStatement", 1, "drugs taken, past and current"},
	{"medication-requests", "MedicationRequest?patient={{context.patientId}}",
	 "MedicationRequest", 1, "drugs prescribed"},
	{"medication-administrations",
	 "MedicationAdministration?patient={{context.patientId}}",
	 "MedicationAdministration", 1, "drugs given, with dates"},
	{"procedures", "Procedure?patient={{context.patientId}}", "Procedure", 1,
	 "surgery and radiotherapy received"},
	{"service-requests", "ServiceRequest?patient={{context.patientId}}",
	 "ServiceRequest", 1, "planned procedures (e.g. elective surgery)"},
	/* AdverseEvent has no `patient` search parameter in R4: `subject`. */
	{"adverse-events", "AdverseEvent?subject=Patient/{{context.patientId}}", "AdverseEvent", 1,
	 "adverse events (CTCAE term and grade) the drug-safety rules read"},
};
const size_t serve_prefetch_template_count =
	sizeof(serve_prefetch_templates) / sizeof(serve_prefetch_templates[0]);

static void refuse(serve_prefetch *out, unsigned status, const char *code,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void refuse(serve_prefetch *out, unsigned status, const char *code,
		   const char *fmt, ...)
{
	va_list ap;

	if (out->status != 0)
		return; /* the first problem is reported */
	out->status = status;
	out->code = code;
	va_start(ap, fmt);
	vsnprintf(out->message, sizeof(out->message), fmt, ap);
	va_end(ap);
}

static const char *type_of(const cJSON *resource)
{
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(resource, "resourceType");

	return cJSON_IsString(t) ? t->valuestring : NULL;
}

/* 1 when `reference` names Patient/<id>: relative, absolute, or with a
 * version (.../_history/N). */
static int names_patient(const char *reference, const char *id)
{
	const char *p = reference;
	size_t n = strlen(id);

	for (;;) {
		p = strstr(p, "Patient/");
		if (p == NULL)
			return 0;
		if ((p == reference || p[-1] == '/') && strncmp(p + 8, id, n) == 0 &&
		    (p[8 + n] == '\0' || strncmp(p + 8 + n, "/_history/", 10) == 0))
			return 1;
		p += 8;
	}
}

/* An OperationOutcome with an error or fatal issue: the EHR could not
 * fetch the data. */
static int outcome_is_error(const cJSON *outcome)
{
	const cJSON *issue, *sev;

	cJSON_ArrayForEach(issue, cJSON_GetObjectItemCaseSensitive(outcome, "issue")) {
		sev = cJSON_GetObjectItemCaseSensitive(issue, "severity");
		if (cJSON_IsString(sev) && (strcmp(sev->valuestring, "error") == 0 ||
					    strcmp(sev->valuestring, "fatal") == 0))
			return 1;
	}
	return 0;
}

/* Adds {fullUrl, resource} to the Bundle's entries, and where it came
 * from. Takes `resource` (detached from the request): freed when it could
 * not be added. 0, or -1 when out of memory: a resource must never drop out
 * of the Bundle unnoticed (a different answer). */
static int add_entry(serve_prefetch *out, cJSON *entries, cJSON *resource,
		     const char *full_url, const char *pointer)
{
	cJSON *entry = cJSON_CreateObject();
	char **grown;

	if (entry == NULL)
		goto lost;
	cJSON_AddItemToArray(entries, entry); /* allocates nothing */
	if ((full_url != NULL && cJSON_AddStringToObject(entry, "fullUrl", full_url) == NULL) ||
	    !cJSON_AddItemToObject(entry, "resource", resource)) /* copies the key */
		goto lost;
	grown = realloc(out->sources, (out->count + 1) * sizeof(*grown));
	if (grown == NULL)
		return -1;
	out->sources = grown;
	out->sources[out->count] = strdup(pointer);
	if (out->sources[out->count] == NULL)
		return -1;
	out->count++;
	return 0;
lost:
	cJSON_Delete(resource);
	return -1;
}

/* The subject of a resource, when it names a patient, must be this one. */
static int subject_ok(const cJSON *resource, const char *patient_id)
{
	const cJSON *subject = cJSON_GetObjectItemCaseSensitive(resource, "subject");
	const cJSON *ref = cJSON_GetObjectItemCaseSensitive(subject, "reference");

	if (!cJSON_IsString(ref) || strstr(ref->valuestring, "Patient/") == NULL)
		return 1;
	return names_patient(ref->valuestring, patient_id);
}

static void collect_read(serve_prefetch *out, const serve_prefetch_template *t,
			 cJSON *prefetch, cJSON *value, const char *patient_id,
			 cJSON *entries)
{
	const char *type = type_of(value);
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(value, "id");
	char pointer[128];

	snprintf(pointer, sizeof(pointer), "/prefetch/%s", t->key);
	if (type == NULL || strcmp(type, t->resource) != 0) {
		refuse(out, 400, "invalid", "%s: a %s resource was expected", pointer, t->resource);
		return;
	}
	if (!cJSON_IsString(id) || strcmp(id->valuestring, patient_id) != 0) {
		refuse(out, 400, "invalid", "%s: not the patient of context.patientId", pointer);
		return;
	}
	cJSON_DetachItemViaPointer(prefetch, value);
	if (add_entry(out, entries, value, NULL, pointer) != 0)
		refuse(out, 500, "exception", "out of memory");
}

static void collect_search(serve_prefetch *out, const serve_prefetch_template *t,
			   cJSON *value, const char *patient_id, cJSON *entries)
{
	cJSON *list = cJSON_GetObjectItemCaseSensitive(value, "entry"), *entry, *resource,
	      *link, *next_entry;
	const cJSON *total = cJSON_GetObjectItemCaseSensitive(value, "total"), *rel, *url;
	const char *type;
	char pointer[160];
	long index = 0, matches = 0;

	if (type_of(value) == NULL || strcmp(type_of(value), "Bundle") != 0) {
		snprintf(pointer, sizeof(pointer), "/prefetch/%s", t->key);
		refuse(out, 400, "invalid", "%s: a Bundle (searchset) was expected", pointer);
		return;
	}
	cJSON_ArrayForEach(link, cJSON_GetObjectItemCaseSensitive(value, "link")) {
		rel = cJSON_GetObjectItemCaseSensitive(link, "relation");
		if (cJSON_IsString(rel) && strcmp(rel->valuestring, "next") == 0) {
			refuse(out, 412, "incomplete",
			       "prefetch '%s' is paginated: this service cannot fetch the next "
			       "page (it has no access to the FHIR server)",
			       t->key);
			return;
		}
	}
	if (list != NULL && !cJSON_IsArray(list)) {
		refuse(out, 400, "invalid", "/prefetch/%s/entry: an array was expected", t->key);
		return;
	}
	for (entry = list ? list->child : NULL; entry != NULL; entry = next_entry, index++) {
		next_entry = entry->next;
		snprintf(pointer, sizeof(pointer), "/prefetch/%s/entry/%ld/resource", t->key, index);
		resource = cJSON_GetObjectItemCaseSensitive(entry, "resource");
		type = type_of(resource);
		if (!cJSON_IsObject(entry) || type == NULL) {
			refuse(out, 400, "invalid", "%s: a resource was expected",
			       pointer);
			return;
		}
		if (strcmp(type, "OperationOutcome") == 0) {
			if (outcome_is_error(resource)) {
				refuse(out, 412, "incomplete",
				       "the EHR reported an error fetching prefetch '%s' (%s); this "
				       "service cannot fetch it itself",
				       t->key, pointer);
				return;
			}
			continue; /* a warning about the search */
		}
		if (strcmp(type, t->resource) != 0) {
			refuse(out, 400, "invalid", "%s: a %s resource was expected", pointer,
			       t->resource);
			return;
		}
		if (!subject_ok(resource, patient_id)) {
			refuse(out, 400, "invalid",
			       "%s: its subject is not the patient of context.patientId", pointer);
			return;
		}
		if (out->count >= ENTRIES_MAX) {
			refuse(out, 413, "too-costly", "more than 10000 prefetched resources");
			return;
		}
		matches++;
		url = cJSON_GetObjectItemCaseSensitive(entry, "fullUrl");
		cJSON_DetachItemViaPointer(entry, resource);
		if (add_entry(out, entries, resource, cJSON_IsString(url) ? url->valuestring : NULL,
			      pointer) != 0) {
			refuse(out, 500, "exception", "out of memory");
			return;
		}
	}
	if (cJSON_IsNumber(total) && total->valuedouble > (double)matches)
		refuse(out, 412, "incomplete",
		       "prefetch '%s' holds fewer resources than its total: this service cannot "
		       "fetch the rest",
			       t->key);
}

void serve_prefetch_collect(cJSON *request, const char *patient_id, serve_prefetch *out)
{
	cJSON *prefetch = cJSON_GetObjectItemCaseSensitive(request, "prefetch"), *value, *item,
	      *entries;
	char missing[256] = "";
	size_t i, known;

	memset(out, 0, sizeof(*out));
	if (prefetch != NULL && !cJSON_IsObject(prefetch)) {
		refuse(out, 400, "invalid", "/prefetch: an object was expected");
		return;
	}
	/* Keys the service did not ask for: "services SHALL only receive the
	 * data they requested in their prefetch". */
	cJSON_ArrayForEach(item, prefetch) {
		for (i = 0, known = 0; i < serve_prefetch_template_count; i++)
			known |= strcmp(item->string, serve_prefetch_templates[i].key) == 0;
		if (!known) {
			refuse(out, 400, "invalid",
			       "/prefetch: a key this service did not ask for (its discovery lists "
			       "%s)",
			       "patient, conditions, observations, ...");
			return;
		}
	}
	for (i = 0; i < serve_prefetch_template_count; i++)
		if (cJSON_GetObjectItemCaseSensitive(prefetch, serve_prefetch_templates[i].key) ==
		    NULL) {
			if (missing[0] != '\0')
				strncat(missing, ", ", sizeof(missing) - strlen(missing) - 1);
			strncat(missing, serve_prefetch_templates[i].key,
				sizeof(missing) - strlen(missing) - 1);
		}
	if (missing[0] != '\0') {
		refuse(out, 412, "incomplete",
		       "prefetch not sent: %s. This service has no access to the EHR's FHIR "
		       "server, so it needs every prefetch key of its discovery answer",
			       missing);
		return;
	}

	out->bundle = cJSON_CreateObject();
	if (out->bundle == NULL || !cJSON_AddStringToObject(out->bundle, "resourceType", "Bundle") ||
	    !cJSON_AddStringToObject(out->bundle, "type", "collection") ||
	    (entries = cJSON_AddArrayToObject(out->bundle, "entry")) == NULL) {
		refuse(out, 500, "exception", "out of memory");
		return;
	}
	for (i = 0; i < serve_prefetch_template_count && out->status == 0; i++) {
		const serve_prefetch_template *t = &serve_prefetch_templates[i];

		value = cJSON_GetObjectItemCaseSensitive(prefetch, t->key);
		if (cJSON_IsNull(value)) {
			/* "If the CDS Client has no data to populate a template
			 * prefetch key, the prefetch template key MUST have a
			 * value of null." No data is an answer for a search;
			 * for the patient it means there is no record. */
			if (!t->search)
				refuse(out, 412, "incomplete",
				       "prefetch '%s' is null: the EHR sent no %s resource",
				       t->key, t->resource);
			continue;
		}
		if (!cJSON_IsObject(value)) {
			refuse(out, 400, "invalid", "/prefetch/%s: a resource or null was expected",
			       t->key);
			break;
		}
		if (type_of(value) != NULL && strcmp(type_of(value), "OperationOutcome") == 0) {
			refuse(out, 412, "incomplete",
			       "the EHR reported an error fetching prefetch '%s'; this service "
			       "cannot fetch it itself",
			       t->key);
			break;
		}
		if (t->search)
			collect_search(out, t, value, patient_id, entries);
		else
			collect_read(out, t, prefetch, value, patient_id, entries);
	}
}

void serve_prefetch_free(serve_prefetch *p)
{
	size_t i;

	if (p == NULL)
		return;
	cJSON_Delete(p->bundle);
	for (i = 0; i < p->count; i++)
		free(p->sources[i]);
	free(p->sources);
	memset(p, 0, sizeof(*p));
}
