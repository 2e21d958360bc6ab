/*
 * patient_view.c: POST /cds-services/patient-view (CDS Hooks 2.0,
 * "Calling a CDS Service"; the patient-view hook, context userId,
 * patientId, encounterId).
 *
 * The answer is one pipeline:
 *   request -> checked request -> prefetch -> collection Bundle (prefetch.c)
 *   Bundle -> case -> result  (onco_engine_evaluate_fhir, this worker's
 *                              engine, the evaluation date as of the call)
 *   result -> CDS cards       (cds.h: a table from decision cards to cards)
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cds.h"
#include "prefetch.h"
#include "serve.h"

#define HOOK "patient-view"
/* The request extension that fixes the evaluation date (docs/service.md). */
#define AS_OF_EXTENSION "org.oncorules.as-of"

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
		serve_respond_error(req, 400, "invalid", problem);
		return NULL;
	}
	snprintf(req->log.hook_instance, sizeof(req->log.hook_instance), "%s",
		 string_at(doc, "hookInstance"));
	snprintf(req->log.patient, sizeof(req->log.patient), "%s",
		 string_at(context, "patientId"));
	return string_at(context, "patientId");
}

/* The evaluation date: the request's extension "org.oncorules.as-of"
 * (CDS Hooks 2.0, "Extensions"), else the date of the call (UTC). 0, or
 * -1 with a 400 answer set. */
static int as_of_date(serve_request *req, const cJSON *doc, char *out, size_t size,
		      const char **from)
{
	const cJSON *ext = cJSON_GetObjectItemCaseSensitive(doc, "extension");
	const cJSON *date = cJSON_GetObjectItemCaseSensitive(ext, AS_OF_EXTENSION);
	char now[40];

	if (ext != NULL && !cJSON_IsObject(ext)) {
		req->log.reason = "invalid hook request";
		serve_respond_error(req, 400, "invalid", "/extension: an object");
		return -1;
	}
	if (date != NULL) {
		if (!cJSON_IsString(date) || !onco_fhir_date_valid(date->valuestring)) {
			req->log.reason = "invalid hook request";
			serve_respond_error(req, 400, "invalid",
					    "/extension/" AS_OF_EXTENSION ": a date, YYYY-MM-DD");
			return -1;
		}
		snprintf(out, size, "%s", date->valuestring);
		*from = "the date the request gives, extension " AS_OF_EXTENSION;
		return 0;
	}
	serve_utc_now(now, sizeof(now));
	snprintf(out, size, "%.10s", now);
	*from = "the date of the call, UTC";
	return 0;
}

/*
 * Bundle -> case -> result (onco_engine_evaluate_fhir, this worker's
 * engine, the evaluation date as its as_of) -> CDS cards (cds.h). A record
 * from which no case can be made is an answer too (an info card saying
 * so); a run limit or an internal error is 500: no card is invented.
 */
static void answer(serve_request *req, onco_engine *engine, const serve_prefetch *prefetch,
		   const cJSON *doc, const char *patient_id)
{
	onco_fhir_options options;
	onco_error err;
	cds_context ctx;
	char as_of[16], *bundle, *result = NULL, *cards;
	int rc;

	if (as_of_date(req, doc, as_of, sizeof(as_of), &ctx.as_of_from) != 0)
		return;
	bundle = cJSON_PrintUnformatted(prefetch->bundle);
	if (bundle == NULL) {
		req->log.reason = "out of memory";
		serve_respond_error(req, 500, "exception", "out of memory");
		return;
	}
	onco_fhir_options_default(&options);
	options.as_of = as_of;
	onco_error_clear(&err);
	rc = onco_engine_evaluate_fhir(engine, bundle, strlen(bundle), &options, 0, &result,
				       &err);
	free(bundle);
	if ((rc != 0 && rc != ONCO_EINVALID) || result == NULL) {
		req->log.reason = rc == ONCO_ELIMIT ? "run limit" : "evaluation failed";
		serve_respond_error(req, 500, "exception",
				    rc == ONCO_ELIMIT
					    ? "the record reached a run limit of the engine: no "
					      "decision support was computed"
					    : "the evaluation failed: no decision support was computed");
		free(result);
		return;
	}
	ctx.patient_id = patient_id;
	ctx.as_of = as_of;
	ctx.prefetch = prefetch;
	cards = cds_response(result, &ctx);
	free(result);
	if (cards == NULL) {
		req->log.reason = "out of memory";
		serve_respond_error(req, 500, "exception", "out of memory");
		return;
	}
	serve_respond_json(&req->response, 200, cards);
}

void serve_patient_view(serve_server *srv, onco_engine *engine, serve_request *req)
{
	serve_prefetch prefetch;
	const char *patient_id;
	cJSON *doc;

	(void)srv;
	doc = serve_body_parse(req);
	if (doc == NULL)
		return;
	patient_id = check_request(req, doc);
	if (patient_id == NULL) {
		cJSON_Delete(doc);
		return;
	}
	serve_prefetch_collect(doc, patient_id, &prefetch);
	if (prefetch.status != 0) {
		req->log.reason = prefetch.status == 412 ? "prefetch missing or incomplete"
							 : "invalid prefetch";
		serve_respond_error(req, prefetch.status, prefetch.code,
				    prefetch.message);
	} else {
		answer(req, engine, &prefetch, doc, patient_id);
	}
	serve_prefetch_free(&prefetch);
	cJSON_Delete(doc);
}
