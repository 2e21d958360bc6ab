/*
 * fhir_adverse.c: AdverseEvent -> adverse_events[] (type, grade).
 *
 * The type comes from the CTCAE term of AdverseEvent.event (NCIt codes,
 * rows FK_AE_EVENT), the grade from the CTCAE grade extension (rows
 * FK_AE_GRADE_EXTENSION, FK_AE_GRADE). Grade 0 says the event did not
 * happen, and a potential event did not happen either: both are listed,
 * not read. The drug an event is attributed to (suspectEntity) is not
 * read: the rules do not test it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fhir_internal.h"

/* The CTCAE grade row, or NULL. Notes one it cannot read. */
static const fhir_row *grade_of(fhir_reader *r)
{
	const cJSON *extensions, *extension, *value;
	const char *url;
	size_t i = 0, coding;
	char at[128];

	extensions = fhir_array(r, r->resource, "extension", fhir_at(r, "/extension"));
	cJSON_ArrayForEach(extension, extensions) {
		snprintf(at, sizeof(at), "%s", fhir_at(r, "/extension/%zu/valueCodeableConcept", i++));
		url = fhir_string(r, extension, "url", at);
		if (url == NULL || fhir_map_find(FK_AE_GRADE_EXTENSION, "extension", url) == NULL)
			continue;
		value = fhir_get(r, extension, "valueCodeableConcept", at);
		return fhir_coded(r, value, FK_AE_GRADE, at, "CTCAE grade", &coding);
	}
	return NULL;
}

void fhir_read_adverse_event(fhir_reader *r)
{
	const fhir_row *actuality, *event, *grade;
	const cJSON *concept;
	size_t coding;
	bool present;
	cJSON *item;
	char at[128];

	if (!fhir_about_patient(r))
		return;
	actuality = fhir_status(r, r->resource, "actuality", FK_AE_ACTUALITY,
				"AdverseEvent.actuality", &present);
	if (actuality == NULL || actuality->value == NULL) {
		fhir_note(r, fhir_at(r, "/actuality"), NULL, "%s: not read",
			  actuality != NULL ? actuality->extra : "actuality missing or not understood");
		return;
	}
	snprintf(at, sizeof(at), "%s", fhir_at(r, "/event"));
	concept = fhir_get(r, r->resource, "event", at);
	event = fhir_coded(r, concept, FK_AE_EVENT, at, "adverse event", &coding);
	if (event == NULL)
		return;
	grade = grade_of(r);
	if (grade != NULL && grade->value == NULL) {
		fhir_note(r, fhir_at(r, "/extension"), NULL, "%s: not read", grade->extra);
		return;
	}
	item = cJSON_CreateObject();
	if (item == NULL || cJSON_AddStringToObject(item, "type", event->value) == NULL ||
	    (grade != NULL && cJSON_AddNumberToObject(item, "grade", atoi(grade->value)) == NULL)) {
		cJSON_Delete(item);
		fhir_nomem(r);
		return;
	}
	fhir_item_add(r, FL_ADVERSE_EVENTS, item,
		      fhir_at(r, "/event/coding/%zu", coding));
}
