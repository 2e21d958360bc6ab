/*
 * fhir_facts.c: from what the resource readers stated to the case.
 *
 * A field that takes one value is settled from its claims: claims that
 * agree give the value (every resource behind it is cited); claims that
 * disagree are a conflict, reported with each value and where it came
 * from, and the field is left out of the case, so that the decisions that
 * need it report missing information. Nothing is resolved by a guess. One
 * reading is written down instead of a conflict: ECOG describes the
 * patient now, so the latest dated result counts (results of the same day,
 * or undated ones, that differ are a conflict). A stage group is also
 * checked against the M category (rows FK_STAGE_M_CONTRADICTION).
 *
 * The case is then built in the order of the vocabulary and read back with
 * onco_case_read: the front end makes a case like any other, through the
 * same validation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../case_internal.h"
#include "fhir_internal.h"

static const struct {
	const char *pointer;
	const char *name;
} fields[FF_COUNT] = {
	[FF_SEX] = {"/patient/sex", "sex"},
	[FF_AGE] = {"/patient/age", "age"},
	[FF_ECOG] = {"/patient/ecog", "ECOG performance status"},
	[FF_SITE] = {"/cancer/site", "primary cancer site"},
	[FF_HISTOLOGY] = {"/cancer/histology", "histology"},
	[FF_STAGE] = {"/cancer/stage", "stage group"},
	[FF_RECURRENT] = {"/cancer/recurrent", "recurrence"},
	[FF_ER] = {"/biomarkers/ER", "ER"},
	[FF_PR] = {"/biomarkers/PR", "PR"},
	[FF_HER2] = {"/biomarkers/HER2", "HER2"},
	[FF_PDL1] = {"/biomarkers/PD-L1", "PD-L1"},
	[FF_M] = {"M category (checks the stage group; not a case field)", "M category"},
};

static const char *const list_keys[FL_COUNT] = {
	[FL_METASTASES] = "metastases",
	[FL_PRIOR_TREATMENTS] = "prior_treatments",
	[FL_MEDICATIONS] = "medications",
	[FL_PLANNED_PROCEDURES] = "planned_procedures",
	[FL_ADVERSE_EVENTS] = "adverse_events",
};

/* ------------------------------------------------------- statements */

static bool grow(void **items, size_t *capacity, size_t count, size_t size)
{
	void *grown;
	size_t capacity2;

	if (count < *capacity)
		return true;
	capacity2 = *capacity != 0 ? *capacity * 2 : 16;
	grown = realloc(*items, capacity2 * size);
	if (grown == NULL)
		return false;
	*items = grown;
	*capacity = capacity2;
	return true;
}

void fhir_claim_add(fhir_reader *r, fhir_field field, const char *value,
		long day, const char *at)
{
	fhir_claim *c;

	if (!grow((void **)&r->claims, &r->capclaims, r->nclaims, sizeof(*c))) {
		fhir_nomem(r);
		return;
	}
	c = &r->claims[r->nclaims];
	c->field = field;
	c->day = day;
	c->value = strdup(value);
	if (c->value == NULL || fhir_ref_here(r, &c->ref, at) != 0) {
		free(c->value);
		fhir_nomem(r);
		return;
	}
	r->nclaims++;
	r->used = true;
}

fhir_item *fhir_item_add(fhir_reader *r, fhir_list list, cJSON *json,
			 const char *at)
{
	fhir_item *item;

	if (!grow((void **)&r->items, &r->capitems, r->nitems, sizeof(*item))) {
		cJSON_Delete(json);
		fhir_nomem(r);
		return NULL;
	}
	item = &r->items[r->nitems];
	memset(item, 0, sizeof(*item));
	item->list = list;
	item->json = json;
	item->day = -1;
	if (fhir_ref_here(r, &item->ref, at) != 0) {
		cJSON_Delete(json);
		return NULL;
	}
	r->nitems++;
	r->used = true;
	return item;
}

void fhir_dose_add(fhir_reader *r, const char *drug, long day, const char *at)
{
	fhir_dose *d;

	if (!grow((void **)&r->doses, &r->capdoses, r->ndoses, sizeof(*d))) {
		fhir_nomem(r);
		return;
	}
	d = &r->doses[r->ndoses];
	d->day = day;
	d->drug = strdup(drug);
	if (d->drug == NULL || fhir_ref_here(r, &d->ref, at) != 0) {
		free(d->drug);
		fhir_nomem(r);
		return;
	}
	r->ndoses++;
	r->used = true;
}

/* ---------------------------------------------------------- settling */

/* Records a conflict on `field` between the claims in `which`. */
static void conflict(fhir_reader *r, const char *field, const char *reason,
		     const fhir_claim *const *which, size_t n)
{
	cJSON *c = cJSON_CreateObject(), *values, *v;
	size_t i;

	if (c == NULL || cJSON_AddStringToObject(c, "field", field) == NULL ||
	    cJSON_AddStringToObject(c, "reason", reason) == NULL ||
	    (values = cJSON_AddArrayToObject(c, "values")) == NULL) {
		cJSON_Delete(c);
		fhir_nomem(r);
		return;
	}
	for (i = 0; i < n; i++) {
		v = cJSON_CreateObject();
		if (v == NULL || cJSON_AddStringToObject(v, "value", which[i]->value) == NULL ||
		    cJSON_AddStringToObject(v, "resource", which[i]->ref.resource) == NULL ||
		    cJSON_AddStringToObject(v, "pointer", which[i]->ref.pointer) == NULL) {
			cJSON_Delete(v);
			fhir_nomem(r);
			break;
		}
		cJSON_AddItemToArray(values, v);
	}
	cJSON_AddItemToArray(r->conflicts, c);
}

/* The claims of `field`, in document order; the caller frees the array. */
static const fhir_claim **claims_of(fhir_reader *r, fhir_field field, size_t *n)
{
	const fhir_claim **out = malloc((r->nclaims + 1) * sizeof(*out));
	size_t i;

	*n = 0;
	if (out == NULL) {
		fhir_nomem(r);
		return NULL;
	}
	for (i = 0; i < r->nclaims; i++)
		if (r->claims[i].field == field)
			out[(*n)++] = &r->claims[i];
	return out;
}

/*
 * The value of `field`, or NULL when no claim gives one or the claims
 * conflict (then reported). Cites every claim behind the value (for ECOG,
 * the latest ones).
 */
static const char *settle(fhir_reader *r, fhir_field field)
{
	const fhir_claim **all;
	const char *value = NULL;
	size_t n, i, kept;
	long latest = -1;
	bool agree = true, dated = true;

	all = claims_of(r, field, &n);
	if (all == NULL || n == 0) {
		free(all);
		return NULL;
	}
	for (i = 1; i < n; i++)
		agree &= strcmp(all[i]->value, all[0]->value) == 0;
	for (i = 0; i < n; i++) {
		dated &= all[i]->day >= 0;
		if (all[i]->day > latest)
			latest = all[i]->day;
	}
	kept = n;
	if (!agree && field == FF_ECOG && dated) {
		/* The latest day's results, if they agree. */
		kept = 0;
		for (i = 0; i < n; i++)
			if (all[i]->day == latest)
				all[kept++] = all[i];
			else
				fhir_note_ref(r, &all[i]->ref, "an earlier ECOG result (%s): the latest "
					      "one counts", all[i]->value);
		agree = true;
		for (i = 1; i < kept; i++)
			agree &= strcmp(all[i]->value, all[0]->value) == 0;
	}
	if (!agree) {
		conflict(r, fields[field].pointer,
			 field == FF_ECOG
				 ? "ECOG results differ on the same day or are undated: the "
				   "current one cannot be told"
				 : "the record gives more than one value",
			 all, kept);
	} else {
		value = all[0]->value;
		if (field != FF_M)
			for (i = 0; i < kept; i++)
				fhir_fact(r, fields[field].pointer, &all[i]->ref);
	}
	free(all);
	return value;
}

/*
 * Whether the settled stage contradicts an M category stated (then a
 * conflict, and the reason is returned). An M category that agrees with
 * the stage supports it and is cited with it.
 */
static const char *check_stage(fhir_reader *r, const char *site, const char *stage)
{
	const fhir_claim **ms, **stages, **both;
	const fhir_row *row;
	const char *reason = NULL;
	size_t nm, ns, i, n = 0;

	ms = claims_of(r, FF_M, &nm);
	stages = claims_of(r, FF_STAGE, &ns);
	both = malloc((nm + ns + 1) * sizeof(*both));
	if (ms == NULL || stages == NULL || both == NULL) {
		fhir_nomem(r);
		goto done;
	}
	for (i = 0; i < ns; i++)
		both[n++] = stages[i];
	for (i = 0; i < nm; i++) {
		row = fhir_map_find(FK_STAGE_M_CONTRADICTION, site, stage);
		if (row == NULL || strcmp(row->value, ms[i]->value) != 0)
			row = fhir_map_find(FK_STAGE_M_CONTRADICTION, "*", stage);
		if (row == NULL || strcmp(row->value, ms[i]->value) != 0)
			continue;
		reason = row->display;
		both[n++] = ms[i];
	}
	if (reason != NULL) {
		char text[256];

		snprintf(text, sizeof(text), "stage %s with %s: %s", stage,
			 both[n - 1]->value, reason);
		conflict(r, fields[FF_STAGE].pointer, text, both, n);
	} else {
		for (i = 0; i < nm; i++)
			fhir_fact(r, fields[FF_STAGE].pointer, &ms[i]->ref);
	}
done:
	free(ms);
	free(stages);
	free(both);
	return reason;
}

/* M categories with no stage group to check: read, not used. */
static void unchecked_m(fhir_reader *r)
{
	size_t i;

	for (i = 0; i < r->nclaims; i++)
		if (r->claims[i].field == FF_M)
			fhir_note_ref(r, &r->claims[i].ref, "an M category with no stage group (or "
				      "no site) to check: not a field of the case");
}

/* Withdraws the provenance cited for a field that a later check rejected. */
static void uncite(fhir_reader *r, fhir_field field)
{
	cJSON_DeleteItemFromObjectCaseSensitive(r->facts, fields[field].pointer);
}

/* --------------------------------------------------------- the case */

static bool word_in(const char *words, const char *word)
{
	size_t n = strlen(word);
	const char *p = words;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == words || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return true;
		p += n;
	}
	return false;
}

/* Lymph-node spread: regional or distant once the primary site is known. */
static void settle_nodes(fhir_reader *r, fhir_item *item, const char *site)
{
	if (word_in(item->nodes->value, site)) {
		fhir_note_ref(r, &item->ref, "regional lymph nodes of a %s cancer: "
			      "not a distant metastasis, and not a field of the case", site);
	} else if (word_in(item->nodes->extra, site)) {
		item->json = cJSON_CreateString("distant-lymph-nodes");
		if (item->json == NULL)
			fhir_nomem(r);
	} else {
		fhir_note_ref(r, &item->ref, "whether these lymph nodes are regional or "
			      "distant for a %s cancer depends on which nodes: not read", site);
	}
}

/* cancer.metastases: one value per site, citing every resource behind it. */
static cJSON *metastases(fhir_reader *r, const char *site, size_t max)
{
	cJSON *list = NULL;
	char pointer[64];
	size_t i, j, index;

	for (i = 0; i < r->nitems; i++) {
		fhir_item *item = &r->items[i];

		if (item->list != FL_METASTASES)
			continue;
		if (item->nodes != NULL && item->json == NULL)
			settle_nodes(r, item, site);
		if (item->json == NULL)
			continue;
		if (list == NULL && (list = cJSON_CreateArray()) == NULL) {
			fhir_nomem(r);
			return NULL;
		}
		index = (size_t)cJSON_GetArraySize(list);
		for (j = 0; j < index; j++)
			if (strcmp(cJSON_GetArrayItem(list, (int)j)->valuestring,
				   item->json->valuestring) == 0)
				break;
		if (j == index) {
			if (index >= max) {
				fhir_note_ref(r, &item->ref, "more than %zu metastasis sites: not read",
					      max);
				continue;
			}
			cJSON *site_json = cJSON_CreateString(item->json->valuestring);

			if (site_json == NULL) {
				fhir_nomem(r);
				return list;
			}
			cJSON_AddItemToArray(list, site_json);
		}
		snprintf(pointer, sizeof(pointer), "/cancer/metastases/%zu", j);
		fhir_fact(r, pointer, &item->ref);
	}
	return list;
}

/* The latest dose of `drug`, or NULL. */
static const fhir_dose *last_dose(const fhir_reader *r, const char *drug)
{
	const fhir_dose *best = NULL;
	size_t i;

	for (i = 0; i < r->ndoses; i++)
		if (strcmp(r->doses[i].drug, drug) == 0 &&
		    (best == NULL || r->doses[i].day > best->day))
			best = &r->doses[i];
	return best;
}

/*
 * A statement that says the drug is taken now (active) but whose period
 * ended before the evaluation date: the record says two things. It is a
 * conflict on the item's status; the status is kept as written (active,
 * the reading under which the drug-safety rules warn) and the end of the
 * period is not read as a last dose (docs/fhir-mapping.md, Readings).
 */
static void ended_but_active(fhir_reader *r, fhir_item *item, const char *pointer)
{
	fhir_claim said, ended;
	const fhir_claim *both[2] = { &said, &ended };
	char field[96], status_at[512], end_text[64];
	const char *suffix = "/effectivePeriod/end";
	size_t n, m = strlen(suffix);

	if (item->day < 0 || item->day_ref.pointer == NULL || r->as_of < 0 ||
	    item->day >= r->as_of)
		return;
	n = strlen(item->day_ref.pointer);
	if (n < m || n - m + sizeof("/status") > sizeof(status_at))
		return;
	memcpy(status_at, item->day_ref.pointer, n - m);
	memcpy(status_at + n - m, "/status", sizeof("/status"));
	snprintf(end_text, sizeof(end_text), "ended %ld days before the evaluation date",
		 r->as_of - item->day);
	said.value = (char *)"active";
	said.ref.resource = item->day_ref.resource;
	said.ref.pointer = status_at;
	ended.value = end_text;
	ended.ref = item->day_ref;
	snprintf(field, sizeof(field), "%s/status", pointer);
	conflict(r, field, "the statement says the drug is taken now (active) but its period "
		 "ended before the evaluation date: the status is kept as written and the "
		 "end of the period is not read as the last dose", both, 2);
}

/* A medication's last_dose_days_ago, from the latest dose of its drug. */
static void medication_dose(fhir_reader *r, fhir_item *item, const char *pointer)
{
	const fhir_dose *dose;
	char at[96];
	long days;

	ended_but_active(r, item, pointer);
	if (item->drug == NULL)
		return; /* a drug outside the list: its doses are not followed */
	dose = last_dose(r, item->drug);
	if (dose == NULL)
		return;
	if (r->as_of < 0) {
		fhir_note_ref(r, &dose->ref, "the last dose of %s is dated, but no evaluation "
			      "date was given (--as-of) and %s: last_dose_days_ago is left out",
			      item->drug, fhir_no_timestamp(r));
		return;
	}
	days = r->as_of - dose->day;
	if (days < 0 || days > 36500) {
		fhir_note_ref(r, &dose->ref, "the last dose of %s is dated %s the evaluation "
			      "date %s: last_dose_days_ago is left out", item->drug,
			      days < 0 ? "after" : "more than 100 years before", r->as_of_text);
		return;
	}
	if (cJSON_AddNumberToObject(item->json, "last_dose_days_ago", (double)days) == NULL) {
		fhir_nomem(r);
		return;
	}
	snprintf(at, sizeof(at), "%s/last_dose_days_ago", pointer);
	fhir_fact(r, at, &dose->ref);
}

/* A planned procedure's days_from_now. */
static void planned_day(fhir_reader *r, fhir_item *item, const char *pointer)
{
	char at[96];
	long days;

	if (item->day < 0)
		return;
	if (r->as_of < 0) {
		fhir_note_ref(r, &item->day_ref, "the planned date needs an evaluation date "
			      "(--as-of) and %s: days_from_now is left out", fhir_no_timestamp(r));
		return;
	}
	days = item->day - r->as_of;
	if (days < 0 || days > 3650) {
		fhir_note_ref(r, &item->day_ref, "the planned date is %s the evaluation date %s: "
			      "days_from_now is left out",
			      days < 0 ? "before" : "more than 10 years after", r->as_of_text);
		return;
	}
	if (cJSON_AddNumberToObject(item->json, "days_from_now", (double)days) == NULL) {
		fhir_nomem(r);
		return;
	}
	snprintf(at, sizeof(at), "%s/days_from_now", pointer);
	fhir_fact(r, at, &item->day_ref);
}

/* A list of the case (prior treatments, medications, ...), in the order
 * of the bundle; NULL when the bundle gave none. */
static cJSON *items_of(fhir_reader *r, fhir_list list, size_t max)
{
	cJSON *out = NULL;
	char pointer[64];
	size_t i, index;

	for (i = 0; i < r->nitems; i++) {
		fhir_item *item = &r->items[i];

		if (item->list != list || item->json == NULL)
			continue;
		if (out == NULL && (out = cJSON_CreateArray()) == NULL) {
			fhir_nomem(r);
			return NULL;
		}
		index = (size_t)cJSON_GetArraySize(out);
		if (index >= max) {
			fhir_note_ref(r, &item->ref, "more than %zu items in %s: not read", max,
				      list_keys[list]);
			continue;
		}
		snprintf(pointer, sizeof(pointer), "/%s/%zu", list_keys[list], index);
		if (list == FL_MEDICATIONS)
			medication_dose(r, item, pointer);
		if (list == FL_PLANNED_PROCEDURES)
			planned_day(r, item, pointer);
		cJSON_AddItemToArray(out, item->json);
		item->json = NULL; /* now owned by `out` */
		fhir_fact(r, pointer, &item->ref);
	}
	return out;
}

/* Doses of a drug no statement or request describes: its status (still
 * taken or stopped) is not known, so it is listed, not guessed. */
static void orphan_doses(fhir_reader *r)
{
	size_t i, j;
	bool described;

	for (i = 0; i < r->ndoses; i++) {
		described = false;
		for (j = 0; j < r->nitems && !described; j++)
			described = r->items[j].list == FL_MEDICATIONS && r->items[j].drug != NULL &&
				    strcmp(r->items[j].drug, r->doses[i].drug) == 0;
		if (!described) /* every such dose, so that each resource is listed */
			fhir_note_ref(r, &r->doses[i].ref,
				      "a dose of %s, but no MedicationStatement or MedicationRequest "
				      "says whether it is still taken: not read as a medication",
				      r->doses[i].drug);
	}
}

static bool add_value(cJSON *object, fhir_field field, const char *key, const char *value)
{
	if (value == NULL)
		return true;
	if (field == FF_AGE || field == FF_ECOG)
		return cJSON_AddNumberToObject(object, key, strtod(value, NULL)) != NULL;
	if (field == FF_RECURRENT)
		return cJSON_AddBoolToObject(object, key, strcmp(value, "true") == 0) != NULL;
	return cJSON_AddStringToObject(object, key, value) != NULL;
}

/* Adds `child` to `parent` as `key` when it holds anything; frees it
 * otherwise. */
static bool add_if_any(cJSON *parent, const char *key, cJSON *child)
{
	if (child == NULL)
		return true;
	if (cJSON_GetArraySize(child) == 0) {
		cJSON_Delete(child);
		return true;
	}
	if (!cJSON_AddItemToObject(parent, key, child)) {
		cJSON_Delete(child);
		return false;
	}
	return true;
}

static cJSON *build_case(fhir_reader *r, const char *values[FF_COUNT])
{
	onco_case_limits limits;
	cJSON *c = cJSON_CreateObject(), *patient = cJSON_CreateObject();
	cJSON *cancer = cJSON_CreateObject(), *markers = cJSON_CreateObject();
	bool ok = c != NULL && patient != NULL && cancer != NULL && markers != NULL;
	fhir_list l;

	onco_case_limits_default(&limits);
	ok = ok && cJSON_AddStringToObject(c, "id", r->case_id) != NULL;
	ok = ok && add_value(patient, FF_AGE, "age", values[FF_AGE]) &&
	     add_value(patient, FF_SEX, "sex", values[FF_SEX]) &&
	     add_value(patient, FF_ECOG, "ecog", values[FF_ECOG]);
	ok = ok && add_value(cancer, FF_SITE, "site", values[FF_SITE]) &&
	     add_value(cancer, FF_HISTOLOGY, "histology", values[FF_HISTOLOGY]) &&
	     add_value(cancer, FF_STAGE, "stage", values[FF_STAGE]) &&
	     add_value(cancer, FF_RECURRENT, "recurrent", values[FF_RECURRENT]);
	ok = ok && add_if_any(cancer, "metastases", metastases(r, values[FF_SITE], limits.max_list));
	ok = ok && add_value(markers, FF_ER, "ER", values[FF_ER]) &&
	     add_value(markers, FF_PR, "PR", values[FF_PR]) &&
	     add_value(markers, FF_HER2, "HER2", values[FF_HER2]) &&
	     add_value(markers, FF_PDL1, "PD-L1", values[FF_PDL1]);
	/* Each object goes into the case in the vocabulary's order;
	 * add_if_any owns what it is given, whatever happens. */
	if (ok) {
		ok = add_if_any(c, "patient", patient);
		patient = NULL;
	}
	if (ok && cJSON_AddItemToObject(c, "cancer", cancer))
		cancer = NULL;
	else
		ok = false;
	if (ok) {
		ok = add_if_any(c, "biomarkers", markers);
		markers = NULL;
	}
	for (l = FL_PRIOR_TREATMENTS; ok && l < FL_COUNT; l++)
		ok = add_if_any(c, list_keys[l], items_of(r, l, limits.max_list));
	cJSON_Delete(patient);
	cJSON_Delete(cancer);
	cJSON_Delete(markers);
	if (!ok) {
		cJSON_Delete(c);
		fhir_nomem(r);
		return NULL;
	}
	return c;
}

/* The case the record describes, checked by the case reader. */
static int make_case(fhir_reader *r, onco_fhir_record *record,
		     const char *values[FF_COUNT])
{
	onco_case_issues issues = { NULL, 0, 0, NULL };
	onco_case *checked = NULL;
	cJSON *c;
	char *text;
	size_t i;
	int rc;

	c = build_case(r, values);
	if (c == NULL)
		return ONCO_ENOMEM;
	text = cJSON_PrintUnformatted(c);
	cJSON_Delete(c);
	if (text == NULL)
		return ONCO_ENOMEM;
	rc = onco_case_read(&checked, text, strlen(text), NULL, &issues);
	onco_case_free(checked);
	if (rc == ONCO_EINVALID) {
		/* A bug of this reader: say what, never hand the case on. */
		for (i = 0; i < issues.count; i++)
			onco_issues_add(r->issues, issues.items[i].pointer,
					issues.items[i].message);
		rc = ONCO_EINTERNAL;
	}
	onco_case_issues_free(&issues);
	if (rc != 0) {
		free(text);
		return rc;
	}
	record->case_json = text;
	return 0;
}

int fhir_finish(fhir_reader *r, onco_fhir_record *record)
{
	const char *values[FF_COUNT] = { NULL };
	fhir_field f;
	int rc;

	for (f = 0; f < FF_COUNT; f++)
		values[f] = settle(r, f);
	if (values[FF_SITE] != NULL && values[FF_STAGE] != NULL) {
		if (check_stage(r, values[FF_SITE], values[FF_STAGE]) != NULL) {
			uncite(r, FF_STAGE);
			values[FF_STAGE] = NULL;
		}
	} else if (values[FF_M] != NULL) {
		unchecked_m(r);
	}
	orphan_doses(r);
	if (r->rc != 0)
		return r->rc;
	if (r->case_id != NULL && (record->case_id = strdup(r->case_id)) == NULL)
		return ONCO_ENOMEM;
	if (values[FF_SITE] == NULL) {
		size_t n, i;
		const fhir_claim **sites = claims_of(r, FF_SITE, &n);

		free(sites);
		for (i = 0; i < r->nclaims; i++)
			if (r->claims[i].field != FF_SITE && r->claims[i].field != FF_M)
				fhir_note_ref(r, &r->claims[i].ref, "no case could be made of the "
					      "bundle: not used");
		for (i = 0; i < r->ndoses; i++)
			fhir_note_ref(r, &r->doses[i].ref, "no case could be made of the bundle: "
				      "not used");
		for (i = 0; i < r->nitems; i++)
			fhir_note_ref(r, &r->items[i].ref, "%s", r->items[i].nodes != NULL
				      ? "lymph-node spread: regional or distant cannot be told "
					"without the primary site"
				      : "no case could be made of the bundle: not used");
		rc = onco_issues_add(&record->case_issues, "",
				     n > 0 ? "the bundle names more than one primary cancer site "
					     "(see conflicts): no case can be made"
				     : r->primaries_gone > 0
					     ? "the primary cancer is recorded as no longer present "
					       "(in remission, resolved, inactive or abated: see what was "
					       "not understood): no case is made for a cancer that is not "
					       "active, and no option is given"
					     : "no primary cancer condition of a site the rule base "
					       "covers (cervix, anus, breast) was found: no case can be made");
		return rc != 0 ? rc : r->rc;
	}
	if (r->case_id == NULL) {
		rc = onco_issues_add(&record->case_issues, "/id",
				     "the bundle has no id and no Patient with an id: the case "
				     "needs one");
		return rc != 0 ? rc : r->rc;
	}
	rc = make_case(r, record, values);
	return rc != 0 ? rc : r->rc;
}
