/*
 * patient_view.c: POST /cds-services/patient-view (CDS Hooks 2.0,
 * "Calling a CDS Service"; the patient-view hook, context userId,
 * patientId, encounterId).
 *
 * The answer is one pipeline:
 *   request -> checked request -> prefetch -> collection Bundle (here)
 *   Bundle -> case        (the FHIR reader, facts/fhir/: not in this build)
 *   case -> result        (onco_engine_evaluate, this worker's engine)
 *   result -> CDS cards   (a table from decision cards to indicator/source)
 * Until the FHIR reader lands, a request that passes every check is
 * answered 501: no card is invented.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "prefetch.h"
#include "serve.h"

#define HOOK "patient-view"

/* A FHIR id: [A-Za-z0-9\-\.]{1,64} (FHIR R4 datatypes, id). */
static int is_fhir_id(const char *s)
{
	size_t n = 0;

	for (; s[n] != '\0'; n++)
		if (!isalnum((unsigned char)s[n]) && s[n] != '-' && s[n] != '.')
			return 0;
	return n >= 1 && n <= 64;
}

/* A UUID in its text form (8-4-4-4-12 hex digits). */
static int is_uuid(const char *s)
{
	static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
	size_t i;

	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == '-' ? s[i] != '-' : !isxdigit((unsigned char)s[i]))
			return 0;
	return s[i] == '\0';
}

/* context.userId: "[ResourceType]/[id]" of a Practitioner, PractitionerRole,
 * Patient or RelatedPerson (the patient-view hook). */
static int is_user_id(const char *s)
{
	static const char *const types[] = {"Practitioner/", "PractitionerRole/", "Patient/",
					    "RelatedPerson/"};
	size_t i, n;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		n = strlen(types[i]);
		if (strncmp(s, types[i], n) == 0)
			return is_fhir_id(s + n);
	}
	return 0;
}

static const char *string_at(const cJSON *obj, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Checks the request fields of CDS Hooks 2.0 and the patient-view context;
 * returns context.patientId, or NULL with a 400 answer set. */
static const char *check_request(serve_request *req, const cJSON *doc)
{
	const cJSON *context = cJSON_GetObjectItemCaseSensitive(doc, "context");
	const char *hook = string_at(doc, "hook"), *s;
	const char *problem = NULL;

	if (hook == NULL)
		problem = "/hook: required, a string";
	else if (strcmp(hook, HOOK) != 0)
		problem = "/hook: this service answers the patient-view hook only";
	else if ((s = string_at(doc, "hookInstance")) == NULL || !is_uuid(s))
		problem = "/hookInstance: required, a UUID";
	else if (!cJSON_IsObject(context))
		problem = "/context: required, an object";
	else if ((s = string_at(context, "userId")) == NULL || !is_user_id(s))
		problem = "/context/userId: required, Practitioner/, PractitionerRole/, "
			  "Patient/ or RelatedPerson/ and a FHIR id";
	else if ((s = string_at(context, "patientId")) == NULL || !is_fhir_id(s))
		problem = "/context/patientId: required, a FHIR id";
	else if (cJSON_GetObjectItemCaseSensitive(context, "encounterId") != NULL &&
		 ((s = string_at(context, "encounterId")) == NULL || !is_fhir_id(s)))
		problem = "/context/encounterId: a FHIR id";
	else if (cJSON_GetObjectItemCaseSensitive(doc, "fhirServer") != NULL &&
		 string_at(doc, "fhirServer") == NULL)
		problem = "/fhirServer: a URL";
	else if (cJSON_GetObjectItemCaseSensitive(doc, "fhirAuthorization") != NULL &&
		 (!cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(doc, "fhirAuthorization")) ||
		  string_at(doc, "fhirServer") == NULL))
		problem = "/fhirAuthorization: an object, and then fhirServer is required";
	if (problem != NULL) {
		req->log.reason = "invalid hook request";
		serve_respond_error(&req->response, 400, "invalid", problem);
		return NULL;
	}
	snprintf(req->log.hook_instance, sizeof(req->log.hook_instance), "%s",
		 string_at(doc, "hookInstance"));
	snprintf(req->log.patient, sizeof(req->log.patient), "%s",
		 string_at(context, "patientId"));
	return string_at(context, "patientId");
}

/*
 * Bundle -> case -> result -> cards: the part that needs the FHIR reader
 * (branch fhir) and the decision cards (branch cards). Until both are in,
 * it answers 501 and says why. Phase 2: print prefetch->bundle with a
 * timestamp (the evaluation date: the date the EHR called, said on the
 * cards), onco_engine_evaluate_fhir() with this worker's engine, map the
 * result's "cards" through a table (severity -> indicator, guideline ->
 * source), and translate the "source" pointers (/entry/N/...) back into
 * the request with prefetch->sources[N].
 */
static void answer(serve_request *req, onco_engine *engine, const serve_prefetch *prefetch)
{
	(void)engine;
	(void)prefetch;
	req->log.reason = "cards not in this build";
	serve_respond_error(&req->response, 501, "not-supported",
			    "the request is valid, but this build cannot yet read FHIR into a case: "
			    "no decision support was computed");
}

void serve_patient_view(serve_server *srv, onco_engine *engine, serve_request *req)
{
	serve_prefetch prefetch;
	const char *patient_id;
	cJSON *doc;

	(void)srv;
	doc = serve_body_parse(req);
	if (doc == NULL) {
		req->log.reason = "invalid JSON";
		return;
	}
	patient_id = check_request(req, doc);
	if (patient_id == NULL) {
		cJSON_Delete(doc);
		return;
	}
	serve_prefetch_collect(doc, patient_id, &prefetch);
	if (prefetch.status != 0) {
		req->log.reason = prefetch.status == 412 ? "prefetch missing or incomplete"
							 : "invalid prefetch";
		serve_respond_error(&req->response, prefetch.status, prefetch.code,
				    prefetch.message);
	} else {
		answer(req, engine, &prefetch);
	}
	serve_prefetch_free(&prefetch);
	cJSON_Delete(doc);
}
