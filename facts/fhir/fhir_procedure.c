/*
 * fhir_procedure.c: Procedure and ServiceRequest -> prior_treatments[]
 * (done or being done) and planned_procedures[] (planned).
 *
 * What the procedure is comes from its code, else its category (rows
 * FK_PROCEDURE_CODE): radiotherapy, chemotherapy, surgery, biopsy. A
 * radiotherapy course gives a `radiation` item, and a `brachytherapy` one
 * when its modality extension says so (both when it says both); the body
 * site gives the region. A done biopsy is diagnostic, not a treatment, and
 * is listed. A planned surgery is elective when nothing says it is urgent
 * (a ServiceRequest's priority routine or absent; a Procedure in
 * preparation); an urgent one is listed, since urgency does not say
 * elective or emergency.
 */
#include <stdio.h>
#include <string.h>

#include "fhir_internal.h"

#define MODALITY_AND_TECHNIQUE \
	"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-modality-and-technique"
#define MODALITY "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-modality"

/* What the procedure is, from its code, else its category. */
static const fhir_row *procedure_kind(fhir_reader *r, char *at, size_t size)
{
	const char *keys[] = { "code", "category" };
	const cJSON *concept, *shown = NULL;
	const fhir_row *row;
	size_t k, coding;
	bool ambiguous;

	for (k = 0; k < 2; k++) {
		snprintf(at, size, "%s", fhir_at(r, "/%s", keys[k]));
		concept = fhir_get(r, r->resource, keys[k], at);
		if (concept == NULL)
			continue;
		if (cJSON_IsArray(concept)) {
			/* ServiceRequest.category repeats: its first one */
			concept = cJSON_GetArrayItem(concept, 0);
			strncat(at, "/0", size - strlen(at) - 1);
		}
		if (shown == NULL)
			shown = concept;
		row = fhir_concept(r, concept, FK_PROCEDURE_CODE, at, &coding, &ambiguous);
		if (ambiguous) {
			fhir_note(r, at, concept, "its codings name different procedures: not read");
			return NULL;
		}
		if (row != NULL)
			return row;
	}
	snprintf(at, size, "%s", fhir_at(r, "/code"));
	fhir_note(r, at, shown, "procedure not understood");
	return NULL;
}

/* The region of Procedure.bodySite, or NULL (noted when it cannot be read). */
static const char *region_of(fhir_reader *r)
{
	const cJSON *sites, *site;
	const fhir_row *row;
	const char *region = NULL;
	size_t i = 0, coding;
	char at[128];

	sites = fhir_array(r, r->resource, "bodySite", fhir_at(r, "/bodySite"));
	cJSON_ArrayForEach(site, sites) {
		snprintf(at, sizeof(at), "%s", fhir_at(r, "/bodySite/%zu", i++));
		row = fhir_coded(r, site, FK_BODY_SITE, at, "body site (the region is left out)",
				 &coding);
		if (row == NULL)
			return NULL;
		if (region != NULL && strcmp(region, row->value) != 0) {
			fhir_note(r, fhir_at(r, "/bodySite"), NULL,
				  "body sites in different regions (%s, %s): region left out",
				  region, row->value);
			return NULL;
		}
		region = row->value;
	}
	return region;
}

/* Radiotherapy modalities stated in the course's extensions. */
static void modalities(fhir_reader *r, bool *external, bool *brachy)
{
	const cJSON *outer, *ext, *inner, *sub, *value;
	const fhir_row *row;
	const char *url;
	size_t i = 0, j, coding;
	char at[160];

	outer = fhir_array(r, r->resource, "extension", fhir_at(r, "/extension"));
	cJSON_ArrayForEach(ext, outer) {
		url = fhir_string(r, ext, "url", fhir_at(r, "/extension/%zu", i));
		if (url == NULL || strcmp(url, MODALITY_AND_TECHNIQUE) != 0) {
			i++;
			continue;
		}
		inner = fhir_array(r, ext, "extension", fhir_at(r, "/extension/%zu/extension", i));
		j = 0;
		cJSON_ArrayForEach(sub, inner) {
			snprintf(at, sizeof(at), "%s",
				 fhir_at(r, "/extension/%zu/extension/%zu/valueCodeableConcept", i, j++));
			url = fhir_string(r, sub, "url", at);
			if (url == NULL || strcmp(url, MODALITY) != 0)
				continue;
			value = fhir_get(r, sub, "valueCodeableConcept", at);
			row = fhir_coded(r, value, FK_RT_MODALITY, at, "radiotherapy modality",
					 &coding);
			if (row == NULL)
				continue;
			if (strcmp(row->value, "brachytherapy") == 0)
				*brachy = true;
			else
				*external = true;
		}
		i++;
	}
}

static void add_treatment(fhir_reader *r, const char *type, const char *region,
			  bool ongoing, const char *at)
{
	cJSON *item = cJSON_CreateObject();

	if (item == NULL || cJSON_AddStringToObject(item, "type", type) == NULL ||
	    (region != NULL && cJSON_AddStringToObject(item, "region", region) == NULL) ||
	    cJSON_AddBoolToObject(item, "ongoing", ongoing) == NULL) {
		cJSON_Delete(item);
		fhir_nomem(r);
		return;
	}
	fhir_item_add(r, FL_PRIOR_TREATMENTS, item, at);
}

/* A procedure done or being done. */
static void done(fhir_reader *r, const fhir_row *kind, const char *at, bool ongoing)
{
	bool external = false, brachy = false;
	const char *region;

	if (strcmp(kind->value, "biopsy") == 0) {
		fhir_note(r, at, NULL, "a biopsy done is a diagnostic procedure, not a treatment: "
			  "not a field of the case");
		return;
	}
	region = strcmp(kind->value, "chemotherapy") == 0 ? NULL : region_of(r);
	if (strcmp(kind->value, "radiation") != 0) {
		add_treatment(r, kind->value, region, ongoing, at);
		return;
	}
	modalities(r, &external, &brachy);
	if (external || !brachy)
		add_treatment(r, "radiation", region, ongoing, at);
	if (brachy)
		add_treatment(r, "brachytherapy", region, ongoing, at);
}

/* A procedure planned: `type` of planned_procedures, its date from
 * `date_key` (performed, occurrence). */
static void planned(fhir_reader *r, const char *type, const char *date_key, const char *at)
{
	const char *when, *when_at;
	cJSON *json = cJSON_CreateObject();
	fhir_item *item;
	bool invalid;
	long day;

	if (json == NULL || cJSON_AddStringToObject(json, "type", type) == NULL) {
		cJSON_Delete(json);
		fhir_nomem(r);
		return;
	}
	item = fhir_item_add(r, FL_PLANNED_PROCEDURES, json, at);
	if (item == NULL)
		return;
	when = fhir_when(r, r->resource, date_key, true, &when_at, &invalid);
	if (when == NULL)
		return; /* a period that ends before it starts is noted */
	day = fhir_day(when);
	if (day < 0) {
		fhir_note(r, when_at, NULL, "the planned date is not a full date: days_from_now "
			  "is left out");
		return;
	}
	if (fhir_ref_here(r, &item->day_ref, when_at) == 0)
		item->day = day;
}

/* The planned_procedures type of a planned procedure of `kind`. */
static const char *planned_type(const fhir_row *kind)
{
	if (strcmp(kind->value, "surgery") == 0)
		return "elective-surgery";
	if (strcmp(kind->value, "biopsy") == 0)
		return "biopsy";
	return "other";
}

void fhir_read_procedure(fhir_reader *r)
{
	const fhir_row *status, *kind;
	const char *when, *when_at;
	bool present, invalid;
	char at[128];

	if (!fhir_about_patient(r))
		return;
	status = fhir_status(r, r->resource, "status", FK_PROCEDURE_STATUS, "Procedure.status",
			     &present);
	if (status == NULL || status->value == NULL) {
		fhir_note(r, fhir_at(r, "/status"), NULL, "%s: not read",
			  status != NULL ? status->extra : "status missing or not understood");
		return;
	}
	kind = procedure_kind(r, at, sizeof(at));
	if (kind == NULL)
		return;
	if (strcmp(status->value, FX_PLANNED) == 0) {
		planned(r, planned_type(kind), "performed", at);
		return;
	}
	/* A procedure done: not one whose period cannot be, nor one dated
	 * after the evaluation date. */
	when = fhir_when(r, r->resource, "performed", true, &when_at, &invalid);
	if (invalid || (when != NULL && fhir_after_as_of(r, fhir_day(when), when_at)))
		return;
	done(r, kind, at, strcmp(status->code, "in-progress") == 0);
}

void fhir_read_service_request(fhir_reader *r)
{
	const fhir_row *status, *intent, *kind, *priority;
	const char *type;
	bool present;
	char at[128];

	if (!fhir_about_patient(r))
		return;
	status = fhir_status(r, r->resource, "status", FK_REQUEST_STATUS, "ServiceRequest.status",
			     &present);
	if (status == NULL || status->value == NULL) {
		fhir_note(r, fhir_at(r, "/status"), NULL, "%s: not read",
			  status != NULL ? status->extra : "status missing or not understood");
		return;
	}
	intent = fhir_status(r, r->resource, "intent", FK_REQUEST_INTENT, "ServiceRequest.intent",
			     &present);
	if (intent == NULL || intent->value == NULL) {
		fhir_note(r, fhir_at(r, "/intent"), NULL, "%s: not read",
			  intent != NULL ? intent->extra : "intent missing or not understood");
		return;
	}
	kind = procedure_kind(r, at, sizeof(at));
	if (kind == NULL)
		return;
	type = planned_type(kind);
	if (strcmp(type, "elective-surgery") == 0) {
		priority = fhir_status(r, r->resource, "priority", FK_REQUEST_PRIORITY,
				       "ServiceRequest.priority", &present);
		if (present && (priority == NULL || priority->value == NULL)) {
			fhir_note(r, fhir_at(r, "/priority"), NULL, "a planned surgery: %s; not read",
				  priority != NULL ? priority->extra : "priority not understood");
			return;
		}
	}
	planned(r, type, "occurrence", at);
}
