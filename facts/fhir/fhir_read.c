/*
 * fhir_read.c: onco_fhir_read, the front door of the FHIR reader.
 *
 * The text is checked as a case is (case_read.c): size first, then depth
 * and string encoding on the raw text (case_scan.c) before the recursive
 * JSON parser sees it, then the shape of a Bundle. The bundle is walked in
 * two passes (fhir_internal.h); every entry is either read or listed as
 * not understood, so nothing is dropped silently. Resource types are a
 * table: a type not in it is listed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../case_internal.h"
#include "fhir_internal.h"

/* Ids and references copied from the bundle are cut here. */
#define REF_MAX 200
#define ID_MAX 200

static const struct {
	const char *type;
	void (*read)(fhir_reader *r);
} readers[] = {
	{"Patient", fhir_read_patient},
	{"Condition", fhir_read_condition},
	{"Observation", fhir_read_observation},
	{"MedicationStatement", fhir_read_medication_use},
	{"MedicationRequest", fhir_read_medication_use},
	{"MedicationAdministration", fhir_read_medication_use},
	{"Procedure", fhir_read_procedure},
	{"ServiceRequest", fhir_read_service_request},
	{"AdverseEvent", fhir_read_adverse_event},
};

/*
 * Choice elements ("value[x]") of the resources read: one resource gives
 * at most one of each (FHIR R4); two ("valueInteger" and "valueQuantity")
 * make it invalid, and neither is read.
 */
static const char *const choices[] = {
	"value", "effective", "occurrence", "performed", "onset", "abatement",
	"medication", "deceased", "reported", "multipleBirth", NULL
};

/* Bundle types that hold a record; the others (responses, history,
 * messages) do not describe one patient's current record. */
static const char *const bundle_types[] = {
	"collection", "transaction", "searchset", "batch", "document", NULL
};

void onco_fhir_options_default(onco_fhir_options *opts)
{
	opts->as_of = NULL;
	opts->limits.max_bytes = 8 * 1024 * 1024;
	opts->limits.max_depth = 32;
	opts->limits.max_string = 1024 * 1024;
	opts->limits.max_list = 10000;
	opts->limits.max_entries = 10000;
}

static int fail(onco_case_issues *issues, const char *pointer, const char *message)
{
	int rc = onco_issues_add(issues, pointer, message);

	return rc != 0 ? rc : ONCO_EINVALID;
}

/* -------------------------------------------------------- entries */

static const cJSON *entry_resource(const cJSON *entry)
{
	const cJSON *resource = cJSON_GetObjectItemCaseSensitive(entry, "resource");

	return cJSON_IsObject(resource) ? resource : NULL;
}

static const char *member_string(const cJSON *object, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(object, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* "Type/id", else the fullUrl, else "Type (entry N)". */
static char *resource_ref(const cJSON *entry, const cJSON *resource, size_t index)
{
	const char *type = member_string(resource, "resourceType");
	const char *id = member_string(resource, "id");
	const char *url = member_string(entry, "fullUrl");
	char buf[2 * REF_MAX + 32];

	if (type != NULL && id != NULL)
		snprintf(buf, sizeof(buf), "%.*s/%.*s", REF_MAX, type, REF_MAX, id);
	else if (url != NULL)
		snprintf(buf, sizeof(buf), "%.*s", REF_MAX, url);
	else
		snprintf(buf, sizeof(buf), "%.*s (entry %zu)", REF_MAX,
			 type != NULL ? type : "resource", index);
	return fhir_clean(buf, 2 * REF_MAX + 16);
}

/* The first modifierExtension in `item` or below it: its pointer (below
 * `at`, `size` bytes) and true; false when there is none. */
static bool find_modifier(const cJSON *item, char *at, size_t size)
{
	const cJSON *child;
	size_t len = strlen(at), i = 0;

	cJSON_ArrayForEach(child, item) {
		if (cJSON_IsObject(item))
			snprintf(at + len, size - len, "/%s", child->string);
		else
			snprintf(at + len, size - len, "/%zu", i++);
		if (cJSON_IsObject(item) && strcmp(child->string, "modifierExtension") == 0)
			return true;
		if ((cJSON_IsObject(child) || cJSON_IsArray(child)) &&
		    find_modifier(child, at, size))
			return true;
	}
	at[len] = '\0';
	return false;
}

/* How many members of `resource` are of the choice element `choice`
 * ("value" + a type name: "valueInteger"). */
static size_t choice_members(const cJSON *resource, const char *choice, const char **first)
{
	const cJSON *member;
	size_t n = 0, len = strlen(choice);

	cJSON_ArrayForEach(member, resource)
		if (strncmp(member->string, choice, len) == 0 &&
		    member->string[len] >= 'A' && member->string[len] <= 'Z') {
			if (n++ == 0)
				*first = member->string;
		}
	return n;
}

/*
 * Whether the current resource may be read at all; notes why not. A
 * modifierExtension or implicitRules may change what every element means
 * (FHIR R4: a reader that does not understand them must not use the
 * resource); doNotPerform says the request is not to be done; two values
 * of one choice element are invalid FHIR.
 */
static bool readable(fhir_reader *r)
{
	const cJSON *flag;
	const char *first = NULL;
	char at[512];
	size_t i;

	snprintf(at, sizeof(at), "%s", onco_buf_text(&r->base));
	if (find_modifier(r->resource, at, sizeof(at))) {
		fhir_note(r, at, NULL, "a modifierExtension oncorules does not understand may change "
			  "what the resource means: not read");
		return false;
	}
	if (cJSON_GetObjectItemCaseSensitive(r->resource, "implicitRules") != NULL) {
		fhir_note(r, fhir_at(r, "/implicitRules"), NULL, "implicitRules oncorules does not "
			  "know may change what the resource means: not read");
		return false;
	}
	flag = fhir_get(r, r->resource, "doNotPerform", fhir_at(r, "/doNotPerform"));
	if (flag != NULL && !cJSON_IsFalse(flag)) {
		fhir_note(r, fhir_at(r, "/doNotPerform"), NULL, "%s",
			  cJSON_IsTrue(flag) ? "doNotPerform: the record says this is not to be "
			  "done (never a planned procedure or a drug taken): not read"
					     : "doNotPerform is not true or false: not read");
		return false;
	}
	for (i = 0; choices[i] != NULL; i++)
		if (choice_members(r->resource, choices[i], &first) > 1) {
			fhir_note(r, fhir_at(r, "/%s", first), NULL, "more than one %s[x] in one "
				  "resource (invalid FHIR): not read", choices[i]);
			return false;
		}
	return true;
}

/* Whether a Medication resource carries what makes it unreadable
 * (readable() notes it when its entry is read). */
static bool medication_modified(const cJSON *resource)
{
	char at[512] = "";

	return find_modifier(resource, at, sizeof(at)) ||
	       cJSON_GetObjectItemCaseSensitive(resource, "implicitRules") != NULL;
}

/* Pass 1: the patient (one, at most) and the Medication resources. */
static int first_pass(fhir_reader *r, const cJSON *entries)
{
	const cJSON *entry, *resource;
	const char *type, *id, *url;
	char message[512], at[64], buf[REF_MAX + 16];
	size_t i = 0, patient_entry = 0;
	int rc = 0;

	cJSON_ArrayForEach(entry, entries) {
		resource = entry_resource(entry);
		type = member_string(resource, "resourceType");
		id = member_string(resource, "id");
		url = member_string(entry, "fullUrl");
		if (type != NULL && strcmp(type, "Patient") == 0) {
			if (r->patient_refs[0] == NULL && r->patient_refs[1] == NULL) {
				if (id != NULL) {
					snprintf(buf, sizeof(buf), "Patient/%.*s", REF_MAX, id);
					r->patient_refs[0] = strdup(buf);
				}
				if (url != NULL)
					r->patient_refs[1] = strdup(url);
				patient_entry = i;
				if ((id != NULL && r->patient_refs[0] == NULL) ||
				    (url != NULL && r->patient_refs[1] == NULL))
					return ONCO_ENOMEM;
			} else if (id == NULL || r->patient_refs[0] == NULL ||
				   strcmp(r->patient_refs[0] + 8, id) != 0) {
				snprintf(at, sizeof(at), "/entry/%zu/resource", i);
				snprintf(message, sizeof(message),
					 "a second patient (the first is at /entry/%zu): a bundle "
					 "must hold one patient's record", patient_entry);
				return fail(r->issues, at, message);
			}
		}
		if (type != NULL && strcmp(type, "Medication") == 0) {
			if (r->nmedrefs == r->capmedrefs) {
				size_t capacity = r->capmedrefs != 0 ? r->capmedrefs * 2 : 8;
				struct fhir_medref *grown = realloc(r->medrefs,
								   capacity * sizeof(*grown));

				if (grown == NULL)
					return ONCO_ENOMEM;
				r->medrefs = grown;
				r->capmedrefs = capacity;
			}
			memset(&r->medrefs[r->nmedrefs], 0, sizeof(r->medrefs[0]));
			if (id != NULL) {
				snprintf(buf, sizeof(buf), "Medication/%.*s", REF_MAX, id);
				r->medrefs[r->nmedrefs].key = strdup(buf);
			}
			if (url != NULL)
				r->medrefs[r->nmedrefs].url = strdup(url);
			if ((id != NULL && r->medrefs[r->nmedrefs].key == NULL) ||
			    (url != NULL && r->medrefs[r->nmedrefs].url == NULL)) {
				free(r->medrefs[r->nmedrefs].key);
				free(r->medrefs[r->nmedrefs].url);
				return ONCO_ENOMEM;
			}
			r->medrefs[r->nmedrefs].resource = resource;
			r->medrefs[r->nmedrefs].modified = medication_modified(resource);
			r->medrefs[r->nmedrefs].entry = i;
			r->nmedrefs++;
		}
		i++;
	}
	return rc;
}

/* Reads one entry with the reader of its type, or lists it. */
static void read_entry(fhir_reader *r, const cJSON *entry, size_t index)
{
	const cJSON *request, *search;
	const char *method, *mode;
	size_t t;

	r->entry = index;
	r->used = false;
	r->noted = 0;
	r->resource = entry_resource(entry);
	r->type = member_string(r->resource, "resourceType");
	onco_buf_truncate(&r->base, 0);
	if (onco_buf_printf(&r->base, "/entry/%zu", index) != 0)
		fhir_nomem(r);
	r->ref = resource_ref(entry, r->resource, index);
	if (r->ref == NULL) {
		fhir_nomem(r);
		return;
	}
	if (!cJSON_IsObject(entry) || r->resource == NULL || r->type == NULL) {
		fhir_note(r, onco_buf_text(&r->base), NULL,
			  "an entry without a resource that has a resourceType: not read");
		goto done;
	}
	request = cJSON_GetObjectItemCaseSensitive(entry, "request");
	method = member_string(request, "method");
	if (method != NULL && strcmp(method, "DELETE") == 0) {
		fhir_note(r, fhir_at(r, "/request/method"), NULL,
			  "a DELETE request removes a resource: not read");
		goto done;
	}
	search = cJSON_GetObjectItemCaseSensitive(entry, "search");
	mode = member_string(search, "mode");
	if (mode != NULL && strcmp(mode, "outcome") == 0) {
		fhir_note(r, fhir_at(r, "/search/mode"), NULL,
			  "a search outcome, not part of the record: not read");
		goto done;
	}
	if (onco_buf_puts(&r->base, "/resource") != 0)
		fhir_nomem(r);
	for (t = 0; t < sizeof(readers) / sizeof(readers[0]); t++)
		if (strcmp(r->type, readers[t].type) == 0)
			break;
	if (t == sizeof(readers) / sizeof(readers[0])) {
		if (strcmp(r->type, "Medication") != 0)
			fhir_note(r, onco_buf_text(&r->base), NULL,
				  "resource type %.60s is not read by oncorules", r->type);
		else if (readable(r))
			r->used = true; /* read through the references to it */
		goto done;
	}
	if (!readable(r))
		goto done;
	readers[t].read(r);
	if (!r->used && r->noted == 0)
		fhir_note(r, onco_buf_text(&r->base), NULL,
			  "nothing in this resource is read by oncorules");
done:
	free(r->ref);
	r->ref = NULL;
}

/* Medication resources nothing referred to. */
static void unreferenced_medications(fhir_reader *r)
{
	size_t i;

	for (i = 0; i < r->nmedrefs; i++) {
		if (r->medrefs[i].referred || r->medrefs[i].modified)
			continue; /* a modified one was listed when its entry was read */
		onco_buf_truncate(&r->base, 0);
		if (onco_buf_printf(&r->base, "/entry/%zu/resource", r->medrefs[i].entry) != 0) {
			fhir_nomem(r);
			return;
		}
		r->ref = resource_ref(NULL, r->medrefs[i].resource, r->medrefs[i].entry);
		if (r->ref == NULL) {
			fhir_nomem(r);
			return;
		}
		fhir_note(r, onco_buf_text(&r->base), NULL,
			  "a Medication that no statement, request or administration refers "
			  "to: not read");
		free(r->ref);
		r->ref = NULL;
	}
}

/* --------------------------------------------------- bundle-level */

static int bundle_header(fhir_reader *r, const cJSON *root, const char *as_of)
{
	const char *type, *id, *timestamp;
	cJSON *bundle;
	char message[256];
	size_t i;

	type = member_string(root, "resourceType");
	if (type == NULL || strcmp(type, "Bundle") != 0) {
		snprintf(message, sizeof(message), "not a FHIR Bundle (resourceType %.60s)",
			 type != NULL ? type : "missing");
		return fail(r->issues, type != NULL ? "/resourceType" : "", message);
	}
	type = member_string(root, "type");
	for (i = 0; type != NULL && bundle_types[i] != NULL; i++)
		if (strcmp(type, bundle_types[i]) == 0)
			break;
	if (type == NULL || bundle_types[i] == NULL) {
		snprintf(message, sizeof(message),
			 "bundle type %.60s does not hold a patient's record; read are: "
			 "collection, transaction, searchset, batch, document",
			 type != NULL ? type : "missing");
		return fail(r->issues, "/type", message);
	}
	bundle = cJSON_AddObjectToObject(r->source, "bundle");
	id = member_string(root, "id");
	if (bundle == NULL || (id != NULL && cJSON_AddStringToObject(bundle, "id", id) == NULL) ||
	    cJSON_AddStringToObject(bundle, "type", type) == NULL)
		return ONCO_ENOMEM;
	/* An empty id names nothing: the Patient's id names the case then. */
	if (id != NULL && id[0] != '\0' && strlen(id) <= ID_MAX &&
	    (r->case_id = fhir_clean(id, ID_MAX)) == NULL)
		return ONCO_ENOMEM;

	/* The evaluation date: the caller's, else the bundle's own. */
	timestamp = member_string(root, "timestamp");
	if (as_of != NULL) {
		r->as_of = fhir_day(as_of);
		r->as_of_from = "option";
		memcpy(r->as_of_text, as_of, 10);
	} else if (timestamp != NULL && fhir_instant_day(timestamp) >= 0) {
		r->as_of = fhir_instant_day(timestamp);
		r->as_of_from = "Bundle.timestamp";
		memcpy(r->as_of_text, timestamp, 10);
	} else if (cJSON_GetObjectItemCaseSensitive(root, "timestamp") != NULL) {
		/* There, but not an instant: never a guessed date. */
		r->bad_timestamp = true; /* noted once the lists exist (walk) */
	}
	r->as_of_text[10] = '\0';
	if (r->as_of >= 0) {
		if (cJSON_AddStringToObject(r->source, "as_of", r->as_of_text) == NULL ||
		    cJSON_AddStringToObject(r->source, "as_of_from", r->as_of_from) == NULL)
			return ONCO_ENOMEM;
	} else if (cJSON_AddNullToObject(r->source, "as_of") == NULL ||
		   cJSON_AddNullToObject(r->source, "as_of_from") == NULL) {
		return ONCO_ENOMEM;
	}
	return 0;
}

/* The Patient's id, when the bundle has no id. */
static int patient_case_id(fhir_reader *r)
{
	const char *id;

	if (r->case_id != NULL || r->patient_refs[0] == NULL)
		return 0;
	id = r->patient_refs[0] + strlen("Patient/");
	if (strlen(id) > ID_MAX || id[0] == '\0')
		return 0;
	r->case_id = fhir_clean(id, ID_MAX);
	return r->case_id != NULL ? 0 : ONCO_ENOMEM;
}

static int source_lists(fhir_reader *r);

static int walk(fhir_reader *r, const cJSON *root, const onco_fhir_options *opts)
{
	const cJSON *entries, *entry;
	char message[128];
	size_t i = 0;
	int rc;

	r->bundle = root;
	rc = bundle_header(r, root, opts->as_of);
	if (rc == 0)
		rc = source_lists(r);
	if (rc != 0)
		return rc;
	if (r->bad_timestamp) {
		/* Every note names its resource: here the Bundle itself. */
		char bundle[] = "Bundle";

		r->ref = bundle;
		fhir_note(r, "/timestamp", NULL, "Bundle.timestamp is not a valid date and time "
			  "(an instant, e.g. 2024-06-01T10:00:00Z): not used as the evaluation date");
		r->ref = NULL;
	}
	entries = cJSON_GetObjectItemCaseSensitive(root, "entry");
	if (entries != NULL && !cJSON_IsArray(entries))
		return fail(r->issues, "/entry", "Bundle.entry must be a list");
	if ((size_t)cJSON_GetArraySize(entries) > r->limits->max_entries) {
		snprintf(message, sizeof(message),
			 "bundle of %d entries is longer than the limit of %zu",
			 cJSON_GetArraySize(entries), r->limits->max_entries);
		return fail(r->issues, "/entry", message);
	}
	if (cJSON_AddNumberToObject(cJSON_GetObjectItemCaseSensitive(r->source, "bundle"),
				    "entries", cJSON_GetArraySize(entries)) == NULL)
		return ONCO_ENOMEM;
	rc = first_pass(r, entries);
	if (rc == 0)
		rc = patient_case_id(r);
	if (rc != 0)
		return rc;
	cJSON_ArrayForEach(entry, entries) {
		read_entry(r, entry, i++);
		if (r->rc != 0)
			return r->rc;
	}
	unreferenced_medications(r);
	return r->rc;
}

/* --------------------------------------------------------- the API */

static int new_source(fhir_reader *r)
{
	r->source = cJSON_CreateObject();
	if (r->source == NULL || cJSON_AddStringToObject(r->source, "format", "FHIR R4 Bundle") == NULL)
		return ONCO_ENOMEM;
	return 0;
}

/* Adds facts, not_understood and conflicts after the bundle header, so the
 * keys come in the documented order. */
static int source_lists(fhir_reader *r)
{
	r->facts = cJSON_AddObjectToObject(r->source, "facts");
	r->not_understood = cJSON_AddArrayToObject(r->source, "not_understood");
	r->conflicts = cJSON_AddArrayToObject(r->source, "conflicts");
	return r->facts && r->not_understood && r->conflicts ? 0 : ONCO_ENOMEM;
}

static void reader_free(fhir_reader *r)
{
	size_t i;

	for (i = 0; i < r->nclaims; i++) {
		free(r->claims[i].value);
		fhir_ref_free(&r->claims[i].ref);
	}
	for (i = 0; i < r->nitems; i++) {
		cJSON_Delete(r->items[i].json);
		free(r->items[i].drug);
		fhir_ref_free(&r->items[i].ref);
		fhir_ref_free(&r->items[i].day_ref);
	}
	for (i = 0; i < r->ndoses; i++) {
		free(r->doses[i].drug);
		fhir_ref_free(&r->doses[i].ref);
	}
	for (i = 0; i < r->nmedrefs; i++) {
		free(r->medrefs[i].key);
		free(r->medrefs[i].url);
	}
	for (i = 0; i < 3; i++)
		free(r->patient_refs[i]);
	free(r->claims);
	free(r->items);
	free(r->doses);
	free(r->medrefs);
	free(r->first_subject);
	free(r->case_id);
	free(r->ref);
	onco_buf_free(&r->base);
	onco_buf_free(&r->at);
	cJSON_Delete(r->source);
}

static int check_text(const char *text, size_t length, const onco_fhir_options *opts,
		      onco_case_issues *issues, cJSON **root)
{
	onco_case_limits scan_limits;
	onco_scan_result scan;
	onco_case_issues scanned = { NULL, 0, 0, NULL };
	char message[128];
	size_t i;
	int rc;

	*root = NULL;
	for (i = 0; i < length; i++)
		if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
			break;
	if (i == length)
		return fail(issues, "", "the bundle is empty");
	if (length > opts->limits.max_bytes) {
		snprintf(message, sizeof(message),
			 "bundle of %zu bytes is larger than the limit of %zu", length,
			 opts->limits.max_bytes);
		return fail(issues, "", message);
	}
	scan_limits.max_bytes = opts->limits.max_bytes;
	scan_limits.max_depth = opts->limits.max_depth;
	scan_limits.max_string = opts->limits.max_string;
	scan_limits.max_list = opts->limits.max_list;
	rc = onco_case_scan(&scan, text, length, &scan_limits, &scanned);
	if (rc == 0 && (scan.too_deep || scan.problems > 0)) {
		for (i = 0; i < scanned.count && rc == 0; i++)
			rc = onco_issues_add(issues, scanned.items[i].pointer,
					     scanned.items[i].message);
		rc = rc != 0 ? rc : ONCO_EINVALID;
	}
	onco_case_issues_free(&scanned);
	if (rc != 0)
		return rc;
	*root = onco_json_parse(text, length, &scan, issues, &rc);
	return rc;
}

int onco_fhir_read(onco_fhir_record **out, const char *text, size_t length,
		   const onco_fhir_options *opts, onco_case_issues *issues)
{
	onco_fhir_options defaults;
	onco_case_issues ignored = { NULL, 0, 0, NULL };
	onco_fhir_record *record = NULL;
	fhir_reader r;
	cJSON *root = NULL;
	int rc;

	*out = NULL;
	if (opts == NULL) {
		onco_fhir_options_default(&defaults);
		opts = &defaults;
	}
	if (issues == NULL)
		issues = &ignored;
	if (text == NULL)
		length = 0;
	memset(&r, 0, sizeof(r));
	r.limits = &opts->limits;
	r.as_of = -1;
	r.issues = issues;
	if (opts->as_of != NULL && !onco_fhir_date_valid(opts->as_of)) {
		rc = fail(issues, "", "the evaluation date (--as-of) must be a date written "
			  "YYYY-MM-DD");
		goto done;
	}
	rc = check_text(text, length, opts, issues, &root);
	if (rc != 0)
		goto done;
	rc = new_source(&r);
	if (rc == 0)
		rc = walk(&r, root, opts);
	if (rc != 0)
		goto done;
	record = calloc(1, sizeof(*record));
	if (record == NULL) {
		rc = ONCO_ENOMEM;
		goto done;
	}
	rc = fhir_finish(&r, record);
	if (rc != 0) {
		onco_fhir_record_free(record);
		goto done;
	}
	record->source = r.source;
	r.source = NULL;
	*out = record;
done:
	cJSON_Delete(root);
	reader_free(&r);
	onco_case_issues_free(&ignored);
	return rc;
}
