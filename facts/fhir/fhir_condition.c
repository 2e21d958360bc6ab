/*
 * fhir_condition.c: Condition -> the primary cancer (site, histology,
 * stage, recurrence) or a secondary cancer (a metastasis site, or lymph
 * nodes settled once the site is known).
 *
 * Which one a Condition is comes from its code (rows FK_PRIMARY,
 * FK_SECONDARY, FK_NODES), not from its profile URL. Only a confirmed
 * condition is read (absent verificationStatus: as recorded); a condition
 * no longer present (clinicalStatus inactive, remission, resolved, or an
 * abatement[x]), primary or secondary, is listed: a primary cancer in
 * remission gives no case, since the rules treat a cancer present now.
 */
#include <stdio.h>
#include <string.h>

#include "fhir_internal.h"

#define HISTOLOGY_EXTENSION \
	"http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior"

/* The row a CodeableConcept member gives, noting an ambiguous or unknown
 * one. `what` names the element in the note. */
static const fhir_row *coded(fhir_reader *r, const cJSON *object, const char *key,
			     fhir_kind kind, const char *what, size_t *coding, bool *present)
{
	const cJSON *concept;
	char at[128];

	snprintf(at, sizeof(at), "%s", fhir_at(r, "/%s", key));
	concept = fhir_get(r, object, key, at);
	*present = concept != NULL;
	if (concept == NULL)
		return NULL;
	return fhir_coded(r, concept, kind, at, what, coding);
}

/* Whether verificationStatus lets the condition be read. */
static bool verified(fhir_reader *r)
{
	const fhir_row *row;
	size_t coding;
	bool present;

	row = coded(r, r->resource, "verificationStatus", FK_VERIFICATION,
		    "verification status", &coding, &present);
	if (!present)
		return true;
	if (row == NULL)
		return false;
	if (row->value == NULL) {
		fhir_note(r, fhir_at(r, "/verificationStatus"), NULL, "%s: not read", row->extra);
		return false;
	}
	return true;
}

/* Whether the condition has abated (any abatement[x]): then it is no
 * longer present, and noted. */
static bool abated(fhir_reader *r, const char *which)
{
	const cJSON *member;

	cJSON_ArrayForEach(member, r->resource)
		if (strncmp(member->string, "abatement", 9) == 0 &&
		    member->string[9] >= 'A' && member->string[9] <= 'Z') {
			fhir_note(r, fhir_at(r, "/%.40s", member->string), NULL,
				  "a %s cancer that has abated (%.40s): no longer present, not read",
				  which, member->string);
			return true;
		}
	return false;
}

static void read_histology(fhir_reader *r)
{
	const cJSON *extensions, *extension, *value;
	const fhir_row *row;
	const char *url;
	size_t i = 0, coding;
	char at[128];

	extensions = fhir_array(r, r->resource, "extension", fhir_at(r, "/extension"));
	cJSON_ArrayForEach(extension, extensions) {
		snprintf(at, sizeof(at), "%s", fhir_at(r, "/extension/%zu", i++));
		url = fhir_string(r, extension, "url", at);
		if (url == NULL || strcmp(url, HISTOLOGY_EXTENSION) != 0)
			continue;
		strncat(at, "/valueCodeableConcept", sizeof(at) - strlen(at) - 1);
		value = fhir_get(r, extension, "valueCodeableConcept", at);
		row = fhir_coded(r, value, FK_HISTOLOGY, at, "histology", &coding);
		if (row == NULL)
			continue;
		fhir_claim_add(r, FF_HISTOLOGY, row->value, -1,
			   fhir_at(r, "/extension/%zu/valueCodeableConcept/coding/%zu", i - 1, coding));
	}
}

static void read_stages(fhir_reader *r)
{
	const cJSON *stages, *stage, *summary;
	const fhir_row *row;
	size_t i = 0, coding;
	char at[128];

	stages = fhir_array(r, r->resource, "stage", fhir_at(r, "/stage"));
	cJSON_ArrayForEach(stage, stages) {
		snprintf(at, sizeof(at), "%s", fhir_at(r, "/stage/%zu/summary", i++));
		summary = fhir_get(r, stage, "summary", at);
		if (summary == NULL)
			continue; /* the assessment Observation carries it */
		row = fhir_coded(r, summary, FK_STAGE_VALUE, at, "stage", &coding);
		if (row == NULL)
			continue;
		fhir_claim_add(r, FF_STAGE, row->value, -1,
			   fhir_at(r, "/stage/%zu/summary/coding/%zu", i - 1, coding));
	}
}

static void read_primary(fhir_reader *r, const fhir_row *site, size_t coding,
			 const fhir_row *status)
{
	char at[128];

	snprintf(at, sizeof(at), "%s", fhir_at(r, "/code/coding/%zu", coding));
	fhir_claim_add(r, FF_SITE, site->value, -1, at);
	if (site->extra != NULL)
		fhir_claim_add(r, FF_HISTOLOGY, site->extra, -1, at);
	if (status != NULL && strcmp(status->value, FX_RECURRENT) == 0)
		fhir_claim_add(r, FF_RECURRENT, "true", -1, fhir_at(r, "/clinicalStatus"));
	read_histology(r);
	read_stages(r);
}

void fhir_read_condition(fhir_reader *r)
{
	const cJSON *code;
	const fhir_row *row, *status;
	size_t coding, status_coding;
	bool ambiguous, present;
	fhir_item *item;
	char at[128];

	if (!fhir_about_patient(r) || !verified(r))
		return;
	status = coded(r, r->resource, "clinicalStatus", FK_CLINICAL_STATUS, "clinical status",
		       &status_coding, &present);
	snprintf(at, sizeof(at), "%s", fhir_at(r, "/code"));
	code = fhir_get(r, r->resource, "code", at);
	if (code == NULL) {
		fhir_note(r, at, NULL, "a condition without a code: not read");
		return;
	}
	row = fhir_concept(r, code, FK_PRIMARY, at, &coding, &ambiguous);
	if (!ambiguous && row == NULL)
		row = fhir_concept(r, code, FK_SECONDARY, at, &coding, &ambiguous);
	if (!ambiguous && row == NULL)
		row = fhir_concept(r, code, FK_NODES, at, &coding, &ambiguous);
	if (ambiguous || row == NULL) {
		fhir_note(r, at, code, ambiguous ? "the codings of the condition name different "
			  "things: not read" : "condition not understood: not a primary cancer "
			  "of a site the rule base covers, nor a metastasis site it reads");
		return;
	}
	if (row->value == NULL) {
		fhir_note(r, at, code, "%s", row->extra);
		return;
	}
	if (status != NULL && strcmp(status->value, FX_NOT_CURRENT) == 0) {
		fhir_note(r, fhir_at(r, "/clinicalStatus"), NULL,
			  "a %s cancer no longer present (clinical status %s): not read",
			  row->kind == FK_PRIMARY ? "primary" : "secondary", status->code);
		r->primaries_gone += row->kind == FK_PRIMARY;
		return;
	}
	if (abated(r, row->kind == FK_PRIMARY ? "primary" : "secondary")) {
		r->primaries_gone += row->kind == FK_PRIMARY;
		return;
	}
	if (row->kind == FK_PRIMARY) {
		read_primary(r, row, coding, status);
		return;
	}
	snprintf(at, sizeof(at), "%s", fhir_at(r, "/code/coding/%zu", coding));
	if (row->kind == FK_SECONDARY) {
		cJSON *site = cJSON_CreateString(row->value);

		if (site == NULL)
			fhir_nomem(r);
		else
			fhir_item_add(r, FL_METASTASES, site, at);
		return;
	}
	item = fhir_item_add(r, FL_METASTASES, NULL, at);
	if (item != NULL)
		item->nodes = row;
}
