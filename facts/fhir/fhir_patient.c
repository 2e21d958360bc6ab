/*
 * fhir_patient.c: Patient -> patient.sex and patient.age.
 *
 * The age is counted in whole years from Patient.birthDate to the
 * evaluation date; with no evaluation date, or a birth date that is only a
 * year or a month, it is left out and listed, never computed from today.
 */
#include <stdio.h>

#include "fhir_internal.h"

static void read_gender(fhir_reader *r)
{
	const fhir_row *row;
	const char *code;
	bool present;

	row = fhir_status(r, r->resource, "gender", FK_GENDER, "Patient.gender", &present);
	if (!present)
		return;
	code = cJSON_GetObjectItemCaseSensitive(r->resource, "gender")->valuestring;
	if (row == NULL)
		fhir_note(r, fhir_at(r, "/gender"), NULL, "gender \"%.60s\" is not understood", code);
	else if (row->value == NULL)
		fhir_note(r, fhir_at(r, "/gender"), NULL, "gender %s: %s; sex is left out",
			  row->code, row->extra);
	else
		fhir_claim_add(r, FF_SEX, row->value, -1, fhir_at(r, "/gender"));
}

static void read_age(fhir_reader *r)
{
	const char *birth, *at;
	char years_text[16];
	long day, years;

	birth = fhir_string(r, r->resource, "birthDate", fhir_at(r, "/birthDate"));
	if (birth == NULL)
		return;
	at = fhir_at(r, "/birthDate");
	day = fhir_day(birth);
	if (day < 0) {
		fhir_note(r, at, NULL, "the birth date is not a full date: age is left out");
		return;
	}
	if (r->as_of < 0) {
		fhir_note(r, at, NULL, "age needs an evaluation date (--as-of) and %s: age is "
			  "left out", fhir_no_timestamp(r));
		return;
	}
	years = fhir_years(day, r->as_of);
	if (years < 0 || years > 130) {
		fhir_note(r, at, NULL, "age on %s would be %ld years: left out", r->as_of_text,
			  years);
		return;
	}
	snprintf(years_text, sizeof(years_text), "%ld", years);
	fhir_claim_add(r, FF_AGE, years_text, -1, at);
}

void fhir_read_patient(fhir_reader *r)
{
	const cJSON *deceased;

	read_gender(r);
	read_age(r);
	deceased = cJSON_GetObjectItemCaseSensitive(r->resource, "deceasedBoolean");
	if (cJSON_IsTrue(deceased) ||
	    cJSON_GetObjectItemCaseSensitive(r->resource, "deceasedDateTime") != NULL)
		fhir_note(r, fhir_at(r, "/%s", cJSON_IsTrue(deceased) ? "deceasedBoolean"
									: "deceasedDateTime"),
			  NULL, "the patient is recorded as deceased: the case format has no field "
			  "for it");
}
