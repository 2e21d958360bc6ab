/*
 * fhir_medication.c: MedicationStatement, MedicationRequest and
 * MedicationAdministration -> medications[] (agent, status) and the doses
 * that give last_dose_days_ago.
 *
 * The drug comes from the RxNorm code (rows FK_DRUG_CODE) or, failing
 * that, the name (fhir_drug.c), of medicationCodeableConcept or of the
 * Medication it refers to (in the bundle or contained); a code and a name
 * that name different drugs are listed, not chosen between. A name made
 * of several ingredients ("A / B") gives one item per ingredient. A drug
 * outside our list is recorded as "other" with its name, as the case
 * format allows (docs/case-format.md), and listed: no rule assesses it.
 *
 * The status says what the record states (rows FK_MEDICATION_STATUS): a
 * statement or an order that is active is a drug taken now; completed or
 * stopped, one no longer taken. An administration records a dose: its
 * date is a dose of that drug; it says the drug is taken now only while in
 * progress. The last dose of a drug is the latest dose recorded for it (an
 * administration, or the end of a completed or stopped statement's
 * period); a statement's single date may be when a course began, so it is
 * not read as a last dose.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fhir_internal.h"

#define INGREDIENTS_MAX 8
#define NAME_MAX_LEN 512
/* medications[].name holds at most 200 bytes: a longer name is cut, with
 * "..." (docs/case-format.md). */
#define NAME_KEPT_MAX 196

/* The Medication resource `reference` names: in the bundle, or contained
 * ("#id") in the current resource. *modified: it carries a
 * modifierExtension or implicitRules and is not read. */
static const cJSON *referred_medication(fhir_reader *r, const char *reference, bool *modified)
{
	const cJSON *contained, *item, *id;
	size_t i;

	if (reference[0] == '#') {
		contained = cJSON_GetObjectItemCaseSensitive(r->resource, "contained");
		cJSON_ArrayForEach(item, contained) {
			id = cJSON_GetObjectItemCaseSensitive(item, "id");
			if (cJSON_IsString(id) && strcmp(id->valuestring, reference + 1) == 0)
				return item;
		}
		return NULL;
	}
	for (i = 0; i < r->nmedrefs; i++)
		if ((r->medrefs[i].key != NULL && strcmp(r->medrefs[i].key, reference) == 0) ||
		    (r->medrefs[i].url != NULL && strcmp(r->medrefs[i].url, reference) == 0)) {
			r->medrefs[i].referred = true;
			*modified = r->medrefs[i].modified;
			return r->medrefs[i].resource;
		}
	return NULL;
}

/* The CodeableConcept naming the medication, with its pointer. */
static const cJSON *medication_concept(fhir_reader *r, char *at, size_t size)
{
	const cJSON *concept, *reference, *medication;
	const char *target;
	bool modified = false;

	snprintf(at, size, "%s", fhir_at(r, "/medicationCodeableConcept"));
	concept = fhir_get(r, r->resource, "medicationCodeableConcept", at);
	if (concept != NULL)
		return concept;
	snprintf(at, size, "%s", fhir_at(r, "/medicationReference/reference"));
	reference = fhir_get(r, r->resource, "medicationReference", at);
	target = fhir_string(r, reference, "reference", at);
	if (target == NULL) {
		fhir_note(r, onco_buf_text(&r->base), NULL, "no medication is named: not read");
		return NULL;
	}
	medication = referred_medication(r, target, &modified);
	if (medication == NULL) {
		fhir_note(r, at, NULL, "the Medication it refers to is not in the bundle: not read");
		return NULL;
	}
	if (modified) {
		fhir_note(r, at, NULL, "the Medication it refers to carries a modifierExtension or "
			  "implicitRules oncorules does not understand: not read");
		return NULL;
	}
	concept = cJSON_GetObjectItemCaseSensitive(medication, "code");
	if (!cJSON_IsObject(concept)) {
		fhir_note(r, at, NULL, "the Medication it refers to has no code: not read");
		return NULL;
	}
	return concept;
}

/* The drug the RxNorm codings name; NULL, and *conflict when they name two. */
static const char *drug_by_code(fhir_reader *r, const cJSON *concept, const char *at,
				size_t *coding, bool *conflict)
{
	const fhir_row *row = fhir_concept(r, concept, FK_DRUG_CODE, at, coding, conflict);

	return row != NULL ? row->value : NULL;
}

/* The medication's name: the concept's text, else the first display. */
static const char *medication_name(const cJSON *concept)
{
	const cJSON *text = cJSON_GetObjectItemCaseSensitive(concept, "text"), *coding, *display;

	if (cJSON_IsString(text) && text->valuestring[0] != '\0')
		return text->valuestring;
	cJSON_ArrayForEach(coding, cJSON_GetObjectItemCaseSensitive(concept, "coding")) {
		display = cJSON_GetObjectItemCaseSensitive(coding, "display");
		if (cJSON_IsString(display) && display->valuestring[0] != '\0')
			return display->valuestring;
	}
	return NULL;
}

/* An ingredient of a medication: a drug of our list, or one outside it,
 * recorded as "other" with its name (docs/case-format.md, Drugs). */
typedef struct ingredient {
	const char *drug; /* a drug of the list, or "other" */
	char *name;       /* for "other": the name as the record writes it */
} ingredient;

/* A drug outside the list: recorded as "other" by name, and listed, since
 * no rule assesses it. */
static size_t outside_list(fhir_reader *r, const cJSON *concept, const char *at,
			   const char *part, ingredient *out, const char *why)
{
	fhir_note(r, at, concept, "\"%.80s\" %s (docs/case-format.md, Drugs): not "
		  "assessed", part, why);
	out->drug = "other";
	out->name = fhir_clean(part, NAME_KEPT_MAX);
	if (out->name == NULL) {
		fhir_nomem(r);
		return 0;
	}
	return 1;
}

/*
 * The ingredients of the medication, into `out`; notes every one it cannot
 * read or that is outside the list. Returns how many.
 */
static size_t drugs_of(fhir_reader *r, const cJSON *concept, const char *at,
		       ingredient *out)
{
	const char *by_code, *name, *part, *drug;
	char buf[NAME_MAX_LEN + 1], *cut, *parts[INGREDIENTS_MAX];
	size_t coding, n = 0, nparts = 0, i;
	bool conflict;
	int ambiguous;

	by_code = drug_by_code(r, concept, at, &coding, &conflict);
	if (conflict) {
		fhir_note(r, at, concept, "its RxNorm codes name different drugs: not read");
		return 0;
	}
	name = medication_name(concept);
	if (name == NULL) {
		if (by_code != NULL)
			out[n++].drug = by_code;
		else
			fhir_note(r, at, concept, "the medication code is not in the mapping and "
				  "no name is given: not assessed");
		return n;
	}
	if (strlen(name) > NAME_MAX_LEN) {
		fhir_note(r, at, concept, "the medication name is too long to read: not assessed");
		return 0;
	}
	/* Ingredients of a combination are written "A / B". */
	snprintf(buf, sizeof(buf), "%s", name);
	for (part = buf; part != NULL && nparts < INGREDIENTS_MAX; part = cut) {
		cut = strstr(part, " / ");
		if (cut != NULL) {
			*cut = '\0';
			cut += 3;
		}
		parts[nparts++] = (char *)part;
	}
	if (part != NULL) {
		fhir_note(r, at, concept, "more than %d ingredients: not assessed", INGREDIENTS_MAX);
		return 0;
	}
	if (by_code != NULL && nparts == 1) {
		drug = fhir_drug_by_name(parts[0], &ambiguous);
		if ((drug != NULL && strcmp(drug, by_code) != 0) || ambiguous) {
			fhir_note(r, at, concept, "its RxNorm code is %s but its name \"%.80s\" %s: "
				  "not read", by_code, parts[0],
				  drug != NULL ? "names another drug of the list"
				  : ambiguous == 4 ? "says the drug is not given"
						   : "may name another drug");
			return 0;
		}
		out[n++].drug = by_code;
		return n;
	}
	for (i = 0; i < nparts; i++) {
		/* "A / " or " / B": an ingredient with no name is no drug; the
		 * others are still read (found by fuzz/run fhir_read: an empty
		 * name made a case the case reader refuses). */
		if (parts[i][strspn(parts[i], " ")] == '\0') {
			fhir_note(r, at, concept, "\"%.80s\" has an ingredient with no name: it "
				  "is not read", name);
			continue;
		}
		drug = fhir_drug_by_name(parts[i], &ambiguous);
		if (drug != NULL)
			out[n++].drug = drug;
		else if (ambiguous == 1)
			fhir_note(r, at, concept, "\"%.80s\" names more than one drug of the list: "
				  "not read", parts[i]);
		else if (ambiguous == 4)
			fhir_note(r, at, concept, "\"%.80s\" has a word that says the drug is not "
				  "given (no, not, held...): not read", parts[i]);
		else
			n += outside_list(r, concept, at, parts[i], &out[n],
					  ambiguous == 3 ? "has too many words to judge"
							 : "is not in the oncorules drug list");
	}
	return n;
}

/* The day of a dose the resource records, or -1 (noting a date it cannot
 * use). `start`: the start of a period (a dose being given now). */
static long dose_day(fhir_reader *r, bool start, char *at, size_t size)
{
	const char *when, *when_at;
	bool invalid;
	long day;

	when = fhir_when(r, r->resource, "effective", start, &when_at, &invalid);
	if (when == NULL)
		return -1;
	snprintf(at, size, "%s", when_at);
	day = fhir_day(when);
	if (day < 0)
		fhir_note(r, at, NULL, "the date of the dose is not a full date: not read");
	return day;
}

/*
 * The last dose a statement or order gives: the end of the period of one
 * completed or stopped (-1 when none; a date it cannot use is noted).
 * *ended gets the end of the period of one still active, which the case
 * checks against the evaluation date (fhir_facts.c: an active statement
 * whose period ended before it is a conflict).
 */
static long statement_end(fhir_reader *r, const fhir_row *status, char *at, size_t size,
			  long *ended)
{
	const cJSON *period;
	const char *end;
	long day;

	snprintf(at, size, "%s", fhir_at(r, "/effectivePeriod"));
	period = fhir_get(r, r->resource, "effectivePeriod", at);
	if (period == NULL) {
		if (strcmp(status->value, FX_STOPPED) == 0 &&
		    cJSON_GetObjectItemCaseSensitive(r->resource, "effectiveDateTime") != NULL)
			fhir_note(r, fhir_at(r, "/effectiveDateTime"), NULL,
				  "one date for a course that has ended may be when it began: not "
				  "read as the last dose (an administration or effectivePeriod.end "
				  "would be)");
		return -1;
	}
	if (!fhir_period_ok(r, period, at))
		return -1;
	snprintf(at, size, "%s", fhir_at(r, "/effectivePeriod/end"));
	end = fhir_string(r, period, "end", at);
	if (end == NULL)
		return -1;
	day = fhir_day(end);
	if (day < 0) {
		fhir_note(r, at, NULL, "the end date is not a full date: not read");
		return -1;
	}
	if (strcmp(status->value, FX_STOPPED) == 0)
		return day;
	if (strcmp(status->value, FX_ACTIVE) == 0)
		*ended = day;
	return -1;
}

static bool request_ordered(fhir_reader *r)
{
	const fhir_row *row;
	bool present;

	row = fhir_status(r, r->resource, "intent", FK_MEDICATION_INTENT,
			  "MedicationRequest.intent", &present);
	if (row != NULL && row->value != NULL)
		return true;
	fhir_note(r, fhir_at(r, "/intent"), NULL, "%s: not read",
		  row != NULL ? row->extra : "intent missing or not understood");
	return false;
}

void fhir_read_medication_use(fhir_reader *r)
{
	ingredient drugs[INGREDIENTS_MAX];
	const cJSON *concept;
	const fhir_row *status;
	char element[64], at[160], day_at[160];
	size_t n, i;
	bool present, administration = strcmp(r->type, "MedicationAdministration") == 0;
	long day = -1, ended = -1;
	cJSON *item;
	fhir_item *added;

	if (!fhir_about_patient(r))
		return;
	snprintf(element, sizeof(element), "%s.status", r->type);
	status = fhir_status(r, r->resource, "status", FK_MEDICATION_STATUS, element, &present);
	if (status == NULL || status->value == NULL) {
		fhir_note(r, fhir_at(r, "/status"), NULL, "%s: not read",
			  status != NULL ? status->extra : "status missing or not understood");
		return;
	}
	if (strcmp(r->type, "MedicationRequest") == 0 && !request_ordered(r))
		return;
	concept = medication_concept(r, at, sizeof(at));
	if (concept == NULL)
		return;
	memset(drugs, 0, sizeof(drugs));
	n = drugs_of(r, concept, at, drugs);
	if (administration)
		day = dose_day(r, strcmp(status->value, FX_ACTIVE) == 0, day_at, sizeof(day_at));
	else if (n > 0)
		day = statement_end(r, status, day_at, sizeof(day_at), &ended);
	for (i = 0; i < n; i++) {
		bool other = drugs[i].name != NULL;

		/* The doses of a drug outside the list are not followed: its
		 * name need not be written alike in each resource. */
		if (day >= 0 && !other)
			fhir_dose_add(r, drugs[i].drug, day, day_at);
		if (strcmp(status->value, FX_DOSE) == 0)
			continue;
		item = cJSON_CreateObject();
		if (item == NULL || cJSON_AddStringToObject(item, "agent", drugs[i].drug) == NULL ||
		    (other && cJSON_AddStringToObject(item, "name", drugs[i].name) == NULL) ||
		    cJSON_AddStringToObject(item, "status", status->value) == NULL) {
			cJSON_Delete(item);
			fhir_nomem(r);
			break;
		}
		added = fhir_item_add(r, FL_MEDICATIONS, item, at);
		if (added != NULL && !other && (added->drug = strdup(drugs[i].drug)) == NULL)
			fhir_nomem(r);
		if (added != NULL && ended >= 0 &&
		    fhir_ref_here(r, &added->day_ref, fhir_at(r, "/effectivePeriod/end")) == 0)
			added->day = ended;
	}
	for (i = 0; i < n; i++)
		free(drugs[i].name);
}
