/*
 * fhir_observation.c: Observation -> stage group, M category (to check
 * the stage), tumour markers (ER, PR, HER2, PD-L1) and ECOG.
 *
 * What an observation is comes from Observation.code (rows FK_STAGE_CODE,
 * FK_M_CODE, FK_TN_CODE, FK_MARKER_CODE, FK_ECOG_CODE). Only a final,
 * amended or corrected result is read. A tumour marker is read only when
 * its result is coded positive or negative: a number (a percentage of
 * stained cells, a combined positive score) needs a threshold that the
 * source documents do not give, so it is listed, not judged.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fhir_internal.h"

static const struct {
	const char *name;
	fhir_field field;
} markers[] = {
	{"ER", FF_ER}, {"PR", FF_PR}, {"HER2", FF_HER2}, {"PD-L1", FF_PDL1},
};

/* The coded value of the observation, mapped with `kind`; notes what it
 * cannot read. `what` names the result in notes. */
static void read_coded_value(fhir_reader *r, fhir_kind kind, fhir_field field,
			     const char *what, long day)
{
	const cJSON *value;
	const fhir_row *row;
	size_t coding;
	char at[128];

	snprintf(at, sizeof(at), "%s", fhir_at(r, "/valueCodeableConcept"));
	value = fhir_get(r, r->resource, "valueCodeableConcept", at);
	if (value == NULL) {
		fhir_note(r, onco_buf_text(&r->base), NULL,
			  "the %s is not given as a coded value (valueCodeableConcept): not read",
			  what);
		return;
	}
	row = fhir_coded(r, value, kind, at, what, &coding);
	if (row == NULL)
		return;
	fhir_claim_add(r, field, row->value, day, fhir_at(r, "/valueCodeableConcept/coding/%zu", coding));
}

static void read_ecog(fhir_reader *r, long day)
{
	const cJSON *value;
	char text[16], at[128];
	double v;

	snprintf(at, sizeof(at), "%s", fhir_at(r, "/valueInteger"));
	value = fhir_get(r, r->resource, "valueInteger", at);
	if (!cJSON_IsNumber(value) || floor(value->valuedouble) != value->valuedouble) {
		fhir_note(r, onco_buf_text(&r->base), NULL,
			  "ECOG is not given as a whole number (valueInteger): not read");
		return;
	}
	v = value->valuedouble;
	if (!(v >= 0 && v <= 4)) {
		fhir_note(r, at, NULL, "ECOG %.15g is outside the case format's 0 to 4: not read", v);
		return;
	}
	snprintf(text, sizeof(text), "%d", (int)v);
	fhir_claim_add(r, FF_ECOG, text, day, at);
}

/* Whether the observation's status lets it be read. */
static bool final_result(fhir_reader *r)
{
	const fhir_row *row;
	bool present;

	row = fhir_status(r, r->resource, "status", FK_OBSERVATION_STATUS, "Observation.status",
			  &present);
	if (!present) {
		fhir_note(r, fhir_at(r, "/status"), NULL, "an observation without a status: not read");
		return false;
	}
	if (row == NULL || row->value == NULL) {
		fhir_note(r, fhir_at(r, "/status"), NULL, "%s: not read",
			  row != NULL ? row->extra : "status not understood");
		return false;
	}
	if (cJSON_GetObjectItemCaseSensitive(r->resource, "dataAbsentReason") != NULL) {
		fhir_note(r, fhir_at(r, "/dataAbsentReason"), NULL,
			  "no result (dataAbsentReason): not read");
		return false;
	}
	return true;
}

void fhir_read_observation(fhir_reader *r)
{
	const cJSON *code;
	const fhir_row *row = NULL;
	const char *when, *when_at;
	fhir_kind kinds[] = { FK_STAGE_CODE, FK_M_CODE, FK_TN_CODE, FK_MARKER_CODE, FK_ECOG_CODE };
	size_t k, coding, m;
	bool ambiguous = false, invalid;
	long day;
	char at[128];

	if (!fhir_about_patient(r) || !fhir_focus_on_patient(r) || !final_result(r))
		return;
	snprintf(at, sizeof(at), "%s", fhir_at(r, "/code"));
	code = fhir_get(r, r->resource, "code", at);
	for (k = 0; code != NULL && row == NULL && !ambiguous && k < sizeof(kinds) / sizeof(kinds[0]); k++)
		row = fhir_concept(r, code, kinds[k], at, &coding, &ambiguous);
	if (row == NULL) {
		fhir_note(r, at, code, ambiguous ? "the codings of the observation code name "
			  "different things: not read" : "observation not understood");
		return;
	}
	when = fhir_when(r, r->resource, "effective", false, &when_at, &invalid);
	if (invalid)
		return; /* a period that ends before it starts: noted */
	day = when != NULL ? fhir_day(when) : -1;
	if (fhir_after_as_of(r, day, when_at))
		return;
	switch (row->kind) {
	case FK_STAGE_CODE:
		read_coded_value(r, FK_STAGE_VALUE, FF_STAGE, "stage group", day);
		break;
	case FK_M_CODE:
		read_coded_value(r, FK_M_VALUE, FF_M, "M category", day);
		break;
	case FK_TN_CODE:
		fhir_note(r, at, code, "the %s category: read, but not a field of the case (the "
			  "stage group is used)", row->value);
		break;
	case FK_MARKER_CODE:
		for (m = 0; m < sizeof(markers) / sizeof(markers[0]); m++)
			if (strcmp(markers[m].name, row->value) == 0)
				read_coded_value(r, FK_MARKER_VALUE, markers[m].field,
						 "tumour marker result", day);
		break;
	default:
		read_ecog(r, day);
		break;
	}
}
