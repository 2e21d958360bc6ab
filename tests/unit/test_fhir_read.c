/*
 * test_fhir_read.c: the FHIR reader (facts/fhir). The public examples are
 * read as the issue says (the stage IV breast bundle as metastatic breast
 * cancer with its receptors, spread and ECOG; jenny-m's contradictory stage
 * reported), every entry of every test bundle is read or listed, each
 * pointer of the source record resolves in its bundle, and the readings of
 * docs/fhir-mapping.md hold: conflicts, dates, drugs, statuses, lymph
 * nodes, limits.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fhir/fhir_internal.h"
#include "onco_fhir.h"
#include "suite.h"

#define FHIR_DIR ONCO_SOURCE_DIR "/tests/fhir"
#define PATIENT01 FHIR_DIR "/ctm-app-TrialMatching_Patient01.json"
#define JENNY FHIR_DIR "/mcode-ig-Bundle-mcode-patient-bundle-jenny-m.json"
/* jenny-m with its primary cancer active (bundles/README: derived) */
#define JENNY_ACTIVE FHIR_DIR "/bundles/jenny-m-active.json"
#define REVIEW FHIR_DIR "/bundles/review/"

/* ----------------------------------------------------------- helpers */

/* What a read gave, parsed. */
typedef struct read_result {
	int rc;
	onco_fhir_record *record;
	onco_case_issues issues;
	cJSON *c;      /* the case, NULL when none */
	cJSON *source; /* the source object, NULL when none */
} read_result;

static read_result read_text(const char *text, const char *as_of)
{
	onco_fhir_options opts;
	read_result out;
	char *source = NULL;

	memset(&out, 0, sizeof(out));
	onco_fhir_options_default(&opts);
	opts.as_of = as_of;
	out.rc = onco_fhir_read(&out.record, text, strlen(text), &opts, &out.issues);
	if (out.record != NULL) {
		if (onco_fhir_case_json(out.record) != NULL)
			out.c = cJSON_Parse(onco_fhir_case_json(out.record));
		CU_ASSERT_EQUAL(onco_fhir_source_json(out.record, 0, &source), 0);
		out.source = cJSON_Parse(source);
		free(source);
	}
	return out;
}

static read_result read_path(const char *path, const char *as_of)
{
	char *text = onco_slurp(path);
	read_result out;

	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	out = read_text(text, as_of);
	free(text);
	return out;
}

static void done(read_result *r)
{
	onco_fhir_record_free(r->record);
	onco_case_issues_free(&r->issues);
	cJSON_Delete(r->c);
	cJSON_Delete(r->source);
}

/* A bundle of one Patient "p" and the given entries (JSON objects
 * separated by commas, each {"resource": ...}). */
static char *bundle_of(const char *extra_header, const char *entries)
{
	static const char format[] =
		"{\"resourceType\": \"Bundle\", \"id\": \"b\", \"type\": \"collection\"%s,"
		" \"entry\": [{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"p\","
		" \"gender\": \"female\"}}%s%s]}";
	size_t size = sizeof(format) + strlen(extra_header) + strlen(entries) + 8;
	char *text = malloc(size);

	CU_ASSERT_PTR_NOT_NULL_FATAL(text);
	snprintf(text, size, format, extra_header, entries[0] ? ", " : "", entries);
	return text;
}

static read_result read_entries(const char *entries, const char *as_of)
{
	char *text = bundle_of("", entries);
	read_result out = read_text(text, as_of);

	free(text);
	return out;
}

/* A primary breast cancer, so that a case can be made. */
#define BREAST "{\"resource\": {\"resourceType\": \"Condition\", \"id\": \"c\"," \
	" \"code\": {\"coding\": [{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\"," \
	" \"code\": \"C50.911\"}]}, \"subject\": {\"reference\": \"Patient/p\"}}}"
#define CERVIX "{\"resource\": {\"resourceType\": \"Condition\", \"id\": \"c\"," \
	" \"code\": {\"coding\": [{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\"," \
	" \"code\": \"C53.9\"}]}, \"subject\": {\"reference\": \"Patient/p\"}}}"

static const char *case_string(const read_result *r, const char *object, const char *key)
{
	const cJSON *o = object != NULL ? cJSON_GetObjectItemCaseSensitive(r->c, object) : r->c;
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const cJSON *case_item(const read_result *r, const char *object, const char *key)
{
	const cJSON *o = object != NULL ? cJSON_GetObjectItemCaseSensitive(r->c, object) : r->c;

	return cJSON_GetObjectItemCaseSensitive(o, key);
}

/* The not-understood note at `pointer` (NULL when none). */
static const cJSON *note_at(const read_result *r, const char *pointer)
{
	const cJSON *note;

	cJSON_ArrayForEach(note, cJSON_GetObjectItemCaseSensitive(r->source, "not_understood")) {
		const cJSON *p = cJSON_GetObjectItemCaseSensitive(note, "pointer");

		if (cJSON_IsString(p) && strcmp(p->valuestring, pointer) == 0)
			return note;
	}
	return NULL;
}

static bool note_says(const read_result *r, const char *pointer, const char *words)
{
	const cJSON *note = note_at(r, pointer);
	const cJSON *reason = cJSON_GetObjectItemCaseSensitive(note, "reason");

	if (!cJSON_IsString(reason) || strstr(reason->valuestring, words) == NULL) {
		fprintf(stderr, "\n  no note at %s saying \"%s\"\n", pointer, words);
		return false;
	}
	return true;
}

static const cJSON *conflict_on(const read_result *r, const char *field)
{
	const cJSON *c;

	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(r->source, "conflicts"))
		if (strcmp(cJSON_GetObjectItemCaseSensitive(c, "field")->valuestring, field) == 0)
			return c;
	return NULL;
}

static const cJSON *facts_of(const read_result *r, const char *pointer)
{
	return cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(r->source, "facts"), pointer);
}

/* The value at JSON pointer `p` in `doc` (RFC 6901, no escapes needed
 * for FHIR element names), or NULL. */
static const cJSON *resolve(const cJSON *doc, const char *p)
{
	char token[256];
	size_t n;

	while (doc != NULL && *p == '/') {
		p++;
		n = strcspn(p, "/");
		if (n >= sizeof(token))
			return NULL;
		memcpy(token, p, n);
		token[n] = '\0';
		p += n;
		doc = cJSON_IsArray(doc) ? cJSON_GetArrayItem(doc, atoi(token))
					 : cJSON_GetObjectItemCaseSensitive(doc, token);
	}
	return *p == '\0' ? doc : NULL;
}

/* Every pointer of the source record resolves in the bundle, and every
 * entry is cited by a fact, a note or a conflict. */
static void check_accounted(const char *path, const char *as_of)
{
	char *text = onco_slurp(path), prefix[32];
	cJSON *bundle = cJSON_Parse(text), *entry;
	read_result r = read_text(text, as_of);
	const cJSON *list, *item, *ref, *value;
	char *printed;
	size_t i = 0;

	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	printed = cJSON_PrintUnformatted(r.source);
	cJSON_ArrayForEach(list, cJSON_GetObjectItemCaseSensitive(r.source, "facts"))
		cJSON_ArrayForEach(ref, list)
			CU_ASSERT_PTR_NOT_NULL(resolve(bundle, cJSON_GetObjectItemCaseSensitive(
						       ref, "pointer")->valuestring));
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(r.source, "not_understood"))
		CU_ASSERT_PTR_NOT_NULL(resolve(bundle, cJSON_GetObjectItemCaseSensitive(
					       item, "pointer")->valuestring));
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(r.source, "conflicts"))
		cJSON_ArrayForEach(value, cJSON_GetObjectItemCaseSensitive(item, "values"))
			CU_ASSERT_PTR_NOT_NULL(resolve(bundle, cJSON_GetObjectItemCaseSensitive(
						       value, "pointer")->valuestring));
	cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(bundle, "entry")) {
		const cJSON *type = resolve(entry, "/resource/resourceType");

		/* A Medication is read through what refers to it. */
		if (!(cJSON_IsString(type) && strcmp(type->valuestring, "Medication") == 0)) {
			snprintf(prefix, sizeof(prefix), "\"/entry/%zu/", i);
			if (strstr(printed, prefix) == NULL) {
				snprintf(prefix, sizeof(prefix), "\"/entry/%zu\"", i);
				if (strstr(printed, prefix) == NULL)
					fprintf(stderr, "\n  %s: entry %zu neither read nor listed\n",
						path, i);
				CU_ASSERT_PTR_NOT_NULL(strstr(printed, prefix));
			}
		}
		i++;
	}
	free(printed);
	cJSON_Delete(bundle);
	free(text);
	done(&r);
}

/* ------------------------------------------------- the public examples */

static void test_fhir_patient01_reads_as_metastatic_breast_cancer(void)
{
	read_result r = read_path(PATIENT01, "2020-05-01");
	const cJSON *mets, *er;

	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(r.c);
	CU_ASSERT_STRING_EQUAL(case_string(&r, "cancer", "site"), "breast");
	CU_ASSERT_STRING_EQUAL(case_string(&r, "cancer", "stage"), "IV");
	CU_ASSERT_STRING_EQUAL(case_string(&r, "cancer", "histology"), "ductal-carcinoma");
	CU_ASSERT_STRING_EQUAL(case_string(&r, "biomarkers", "ER"), "positive");
	CU_ASSERT_STRING_EQUAL(case_string(&r, "biomarkers", "PR"), "positive");
	CU_ASSERT_STRING_EQUAL(case_string(&r, "biomarkers", "HER2"), "negative");
	CU_ASSERT_EQUAL(cJSON_GetObjectItemCaseSensitive(case_item(&r, NULL, "patient"),
							  "ecog")->valueint, 1);
	CU_ASSERT_EQUAL(cJSON_GetObjectItemCaseSensitive(case_item(&r, NULL, "patient"),
							  "age")->valueint, 61);
	mets = case_item(&r, "cancer", "metastases");
	CU_ASSERT_EQUAL(cJSON_GetArraySize(mets), 2);
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(mets, 0)->valuestring, "liver");
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(mets, 1)->valuestring, "bone");
	er = cJSON_GetArrayItem(facts_of(&r, "/biomarkers/ER"), 0);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(er, "resource")->valuestring,
			       "Observation/mCODETrialMatchingTumorMarkerPatientExample01");
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(er, "pointer")->valuestring,
			       "/entry/6/resource/valueCodeableConcept/coding/0");
	/* Not understood: the MSI marker, two genetic variants, the drugs
	 * outside the list by name, the regional (axillary) nodes. */
	CU_ASSERT(note_says(&r, "/entry/9/resource/code", "not understood"));
	CU_ASSERT(note_says(&r, "/entry/10/resource/code", "not understood"));
	CU_ASSERT(note_says(&r, "/entry/13/resource/medicationCodeableConcept", "fulvestrant"));
	CU_ASSERT(note_says(&r, "/entry/14/resource/medicationCodeableConcept", "abemaciclib"));
	CU_ASSERT(note_says(&r, "/entry/16/resource/medicationCodeableConcept", "ribociclib"));
	CU_ASSERT(note_says(&r, "/entry/3/resource/code/coding/0", "regional lymph nodes"));
	CU_ASSERT_EQUAL(onco_fhir_conflict_count(r.record), 0);
	/* and the drugs outside the list are recorded as "other", by name */
	CU_ASSERT_STRING_EQUAL(resolve(case_item(&r, NULL, "medications"), "/2/agent")->valuestring,
			       "other");
	CU_ASSERT_STRING_EQUAL(resolve(case_item(&r, NULL, "medications"), "/2/name")->valuestring,
			       "abemaciclib Oral Product");
	done(&r);
}

static void test_fhir_jenny_m_stage_conflict_and_unread_resources_listed(void)
{
	read_result r = read_path(JENNY_ACTIVE, NULL);
	const cJSON *c;

	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	CU_ASSERT_STRING_EQUAL(case_string(&r, "cancer", "site"), "breast");
	CU_ASSERT_PTR_NULL(case_string(&r, "cancer", "stage"));
	c = conflict_on(&r, "/cancer/stage");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(c, "values")), 2);
	CU_ASSERT_STRING_EQUAL(case_string(&r, "biomarkers", "ER"), "positive");
	CU_ASSERT_STRING_EQUAL(case_string(&r, "biomarkers", "PR"), "negative");
	CU_ASSERT_STRING_EQUAL(case_string(&r, "biomarkers", "HER2"), "negative");
	CU_ASSERT(note_says(&r, "/entry/0/resource/birthDate", "evaluation date"));
	CU_ASSERT(note_says(&r, "/entry/8/resource", "DiagnosticReport is not read"));
	CU_ASSERT(note_says(&r, "/entry/24/resource/code", "biopsy"));
	CU_ASSERT(note_says(&r, "/entry/39/resource", "Practitioner is not read"));
	CU_ASSERT(note_says(&r, "/entry/13/resource/code", "T category"));
	done(&r);
	/* as published, jenny-m's breast cancer is in remission: no case */
	r = read_path(JENNY, NULL);
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	CU_ASSERT_PTR_NULL(r.c);
	CU_ASSERT(note_says(&r, "/entry/1/resource/clinicalStatus",
			    "primary cancer no longer present (clinical status remission)"));
	done(&r);
}

static void test_fhir_every_entry_is_read_or_listed(void)
{
	static const char *const bundles[] = {
		PATIENT01, JENNY, JENNY_ACTIVE,
		REVIEW "active-statement-ended.json", REVIEW "bad-timestamp.json",
		REVIEW "bev-do-not-perform.json", REVIEW "bev-period-ok.json",
		REVIEW "bev-period-reversed.json", REVIEW "bidi-names.json",
		REVIEW "ecog-after-as-of.json", REVIEW "ecog-two-values.json",
		REVIEW "her2-modifier-extension.json", REVIEW "her2-subject-identifier.json",
		REVIEW "long-drug-word.json", REVIEW "metastasis-abated.json",
		REVIEW "primary-resolved.json", REVIEW "surgery-do-not-perform.json",
		FHIR_DIR "/bundles/cervix-recurrent-after-chemoradiation.json",
		FHIR_DIR "/bundles/anal-stage4.json",
		FHIR_DIR "/bundles/breast-her2-positive.json",
		FHIR_DIR "/bundles/conflicts.json",
		FHIR_DIR "/bundles/unknown-codes.json",
		FHIR_DIR "/bundles/mcode-ig-single-resources.json",
	};
	size_t i;

	for (i = 0; i < sizeof(bundles) / sizeof(bundles[0]); i++) {
		check_accounted(bundles[i], NULL);
		check_accounted(bundles[i], "2024-06-01");
	}
}

static void test_fhir_single_resources_are_not_bundles(void)
{
	read_result r = read_path(FHIR_DIR "/mcode-ig-Condition-primary-cancer-condition-nsclc.json",
				  NULL);

	CU_ASSERT_EQUAL(r.rc, ONCO_EINVALID);
	CU_ASSERT_PTR_NULL(r.record);
	CU_ASSERT_STRING_EQUAL(r.issues.items[0].pointer, "/resourceType");
	CU_ASSERT_PTR_NOT_NULL(strstr(r.issues.items[0].message, "not a FHIR Bundle"));
	done(&r);
	r = read_path(FHIR_DIR "/bundles/mcode-ig-single-resources.json", NULL);
	CU_ASSERT_EQUAL(r.rc, 0);
	CU_ASSERT_PTR_NULL(r.c);
	CU_ASSERT_EQUAL(r.record->case_issues.count, 1);
	CU_ASSERT(note_says(&r, "/entry/0/resource/code", "not understood"));
	done(&r);
}

/* ---------------------------------- the guideline bundles in mCODE form */

static void check_same_case(const char *name, const char *as_of)
{
	char path[512];
	read_result r;
	cJSON *want;
	char *text;

	snprintf(path, sizeof(path), FHIR_DIR "/bundles/%s.json", name);
	r = read_path(path, as_of);
	snprintf(path, sizeof(path), FHIR_DIR "/cases/%s.json", name);
	text = onco_slurp(path);
	want = cJSON_Parse(text);
	CU_ASSERT_EQUAL(r.rc, 0);
	CU_ASSERT_PTR_NOT_NULL_FATAL(want);
	if (!cJSON_Compare(r.c, want, 1)) {
		char *got = cJSON_PrintUnformatted(r.c);

		fprintf(stderr, "\n  %s read as %s\n", name, got);
		free(got);
		CU_FAIL("the bundle does not read as the hand-written case");
	}
	CU_ASSERT_EQUAL(onco_fhir_conflict_count(r.record), 0);
	cJSON_Delete(want);
	free(text);
	done(&r);
}

static void test_fhir_guideline_bundles_read_as_their_hand_written_cases(void)
{
	check_same_case("cervix-recurrent-after-chemoradiation", NULL);
	check_same_case("anal-stage4", NULL);
	check_same_case("breast-her2-positive", "2024-06-01");
}

/* ------------------------------------------------------------ conflicts */

static void test_fhir_conflicting_results_are_reported_and_left_out(void)
{
	read_result r = read_path(FHIR_DIR "/bundles/conflicts.json", NULL);
	const cJSON *er, *stage, *values;

	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	er = conflict_on(&r, "/biomarkers/ER");
	stage = conflict_on(&r, "/cancer/stage");
	CU_ASSERT_PTR_NOT_NULL_FATAL(er);
	CU_ASSERT_PTR_NOT_NULL_FATAL(stage);
	values = cJSON_GetObjectItemCaseSensitive(er, "values");
	CU_ASSERT_STRING_EQUAL(resolve(values, "/0/value")->valuestring, "positive");
	CU_ASSERT_STRING_EQUAL(resolve(values, "/0/resource")->valuestring,
			       "Observation/tumor-marker-er-1");
	CU_ASSERT_STRING_EQUAL(resolve(values, "/1/value")->valuestring, "negative");
	CU_ASSERT_PTR_NOT_NULL(strstr(cJSON_GetObjectItemCaseSensitive(stage, "reason")->valuestring,
				      "M0"));
	CU_ASSERT_PTR_NOT_NULL(conflict_on(&r, "/patient/ecog"));
	CU_ASSERT_PTR_NULL(case_string(&r, "biomarkers", "ER"));
	CU_ASSERT_PTR_NULL(case_string(&r, "cancer", "stage"));
	CU_ASSERT_PTR_NULL(case_item(&r, "patient", "ecog"));
	CU_ASSERT_PTR_NULL(facts_of(&r, "/biomarkers/ER"));
	CU_ASSERT_PTR_NULL(facts_of(&r, "/cancer/stage"));
	CU_ASSERT_STRING_EQUAL(case_string(&r, "biomarkers", "HER2"), "negative");
	done(&r);
}

#define STAGE_OBS(id, code, date) \
	"{\"resource\": {\"resourceType\": \"Observation\", \"id\": \"" id "\"," \
	" \"status\": \"final\", \"code\": {\"coding\": [{\"system\": \"http://loinc.org\"," \
	" \"code\": \"21908-9\"}]}, \"effectiveDateTime\": \"" date "\"," \
	" \"valueCodeableConcept\": {\"coding\": [{\"system\": \"http://cancerstaging.org\"," \
	" \"code\": \"" code "\"}]}}}"
#define M_OBS(id, code) \
	"{\"resource\": {\"resourceType\": \"Observation\", \"id\": \"" id "\"," \
	" \"status\": \"final\", \"code\": {\"coding\": [{\"system\": \"http://loinc.org\"," \
	" \"code\": \"21907-1\"}]}, \"valueCodeableConcept\": {\"coding\": [{\"system\":" \
	" \"http://snomed.info/sct\", \"code\": \"" code "\"}]}}}"
#define M0 "1229901006"
#define M1 "1229903009"

static void test_fhir_stage_and_m_category_checked_by_site(void)
{
	read_result r;

	/* Cervical stage IV with M0 can be IVA: no conflict. */
	r = read_entries(CERVIX ", " STAGE_OBS("s", "4", "2024-01-01") ", " M_OBS("m", M0), NULL);
	CU_ASSERT_STRING_EQUAL(case_string(&r, "cancer", "stage"), "IV");
	CU_ASSERT_EQUAL(cJSON_GetArraySize(facts_of(&r, "/cancer/stage")), 2);
	done(&r);
	/* IVA with M1: a conflict, whatever the site. */
	r = read_entries(CERVIX ", " STAGE_OBS("s", "4A", "2024-01-01") ", " M_OBS("m", M1), NULL);
	CU_ASSERT_PTR_NULL(case_string(&r, "cancer", "stage"));
	CU_ASSERT_PTR_NOT_NULL(conflict_on(&r, "/cancer/stage"));
	done(&r);
	/* A clinical and a pathological stage group that differ. */
	r = read_entries(BREAST ", " STAGE_OBS("s1", "2B", "2024-01-01") ", "
			 STAGE_OBS("s2", "3A", "2024-02-01"), NULL);
	CU_ASSERT_PTR_NULL(case_string(&r, "cancer", "stage"));
	CU_ASSERT_PTR_NOT_NULL(conflict_on(&r, "/cancer/stage"));
	done(&r);
}

#define ECOG_OBS(id, value, date) \
	"{\"resource\": {\"resourceType\": \"Observation\", \"id\": \"" id "\"," \
	" \"status\": \"final\", \"code\": {\"coding\": [{\"system\": \"http://loinc.org\"," \
	" \"code\": \"89247-1\"}]}, \"effectiveDateTime\": \"" date "\"," \
	" \"valueInteger\": " value "}}"

static void test_fhir_latest_ecog_counts(void)
{
	read_result r = read_entries(BREAST ", " ECOG_OBS("e1", "0", "2023-01-01") ", "
				     ECOG_OBS("e2", "2", "2024-01-01"), NULL);

	CU_ASSERT_EQUAL(case_item(&r, "patient", "ecog")->valueint, 2);
	CU_ASSERT(note_says(&r, "/entry/2/resource/valueInteger", "latest one counts"));
	done(&r);
	r = read_entries(BREAST ", " ECOG_OBS("e1", "5", "2023-01-01"), NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, "patient", "ecog"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/valueInteger", "outside"));
	done(&r);
}

/* ---------------------------------------------- unknown codes, statuses */

static void test_fhir_unknown_code_of_each_resource_type_is_listed(void)
{
	read_result r = read_path(FHIR_DIR "/bundles/unknown-codes.json", NULL);

	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	CU_ASSERT(note_says(&r, "/entry/0/resource/gender", "not understood"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/code", "not understood"));
	CU_ASSERT(note_says(&r, "/entry/3/resource/code", "not understood"));
	CU_ASSERT(note_says(&r, "/entry/4/resource/medicationCodeableConcept", "palbociclib"));
	CU_ASSERT(note_says(&r, "/entry/5/resource/medicationCodeableConcept", "metformin"));
	CU_ASSERT(note_says(&r, "/entry/6/resource/medicationCodeableConcept", "ondansetron"));
	CU_ASSERT(note_says(&r, "/entry/7/resource/code", "not understood"));
	CU_ASSERT(note_says(&r, "/entry/8/resource/code", "not understood"));
	CU_ASSERT(note_says(&r, "/entry/9/resource/event", "not understood"));
	CU_ASSERT(note_says(&r, "/entry/10/resource", "Encounter is not read"));
	CU_ASSERT_EQUAL(onco_fhir_not_understood_count(r.record), 10);
	/* the codes are shown with the note */
	CU_ASSERT_STRING_EQUAL(resolve(note_at(&r, "/entry/3/resource/code"), "/codes/0")->valuestring,
			       "http://loinc.org|2345-7");
	done(&r);
}

#define CONDITION_WITH(status_key, status) \
	"{\"resource\": {\"resourceType\": \"Condition\", \"id\": \"m\"," \
	" \"" status_key "\": {\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/" \
	status "\"}]}, \"code\": {\"coding\": [{\"system\": \"http://snomed.info/sct\"," \
	" \"code\": \"94222008\"}]}}}"

static void test_fhir_statuses_that_say_not_to_read(void)
{
	read_result r;

	r = read_entries(BREAST ", " CONDITION_WITH("verificationStatus",
		"condition-ver-status\", \"code\": \"refuted"), NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, "cancer", "metastases"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/verificationStatus", "refuted"));
	done(&r);
	r = read_entries(BREAST ", " CONDITION_WITH("clinicalStatus",
		"condition-clinical\", \"code\": \"resolved"), NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, "cancer", "metastases"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/clinicalStatus", "no longer present"));
	done(&r);
	r = read_entries(BREAST ", {\"resource\": {\"resourceType\": \"Observation\", \"status\":"
			 " \"preliminary\", \"code\": {\"coding\": [{\"system\": \"http://loinc.org\","
			 " \"code\": \"89247-1\"}]}, \"valueInteger\": 1}}", NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, "patient", "ecog"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/status", "preliminary"));
	done(&r);
	/* about another patient */
	r = read_entries(BREAST ", {\"resource\": {\"resourceType\": \"Observation\", \"status\":"
			 " \"final\", \"subject\": {\"reference\": \"Patient/other\"}, \"code\":"
			 " {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"89247-1\"}]},"
			 " \"valueInteger\": 1}}", NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, "patient", "ecog"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/subject/reference", "another patient"));
	done(&r);
}

#define NODES(code) \
	"{\"resource\": {\"resourceType\": \"Condition\", \"id\": \"n\", \"code\": {\"coding\":" \
	" [{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\", \"code\": \"" code "\"}]}}}"

static void test_fhir_lymph_nodes_regional_or_distant_by_site(void)
{
	read_result r;

	r = read_entries(CERVIX ", " NODES("C77.5"), NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, "cancer", "metastases"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/code/coding/0", "regional lymph nodes"));
	done(&r);
	r = read_entries(BREAST ", " NODES("C77.5"), NULL);
	CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(case_item(&r, "cancer", "metastases"), 0)->valuestring,
			       "distant-lymph-nodes");
	done(&r);
	r = read_entries(BREAST ", " NODES("C77.0"), NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, "cancer", "metastases"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/code/coding/0", "regional or distant"));
	done(&r);
}

static void test_fhir_rectum_is_not_anus(void)
{
	read_result r = read_entries(NODES("C20"), NULL);

	CU_ASSERT_PTR_NULL(r.c);
	CU_ASSERT(note_says(&r, "/entry/1/resource/code", "rectal cancer is not anal cancer"));
	done(&r);
}

/* ---------------------------------------------------------------- dates */

#define BORN(date) "{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"p\"," \
	" \"birthDate\": \"" date "\"}}"

static void test_fhir_age_needs_an_evaluation_date(void)
{
	char *text;
	read_result r;

	r = read_entries(BREAST, NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, "patient", "age"));
	done(&r);
	text = bundle_of(", \"timestamp\": \"2024-03-01T23:00:00-05:00\"",
			 BREAST ", " BORN("1964-03-02"));
	r = read_text(text, NULL);
	CU_ASSERT_EQUAL(case_item(&r, "patient", "age")->valueint, 59);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(r.source, "as_of")->valuestring,
			       "2024-03-01");
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(r.source, "as_of_from")->valuestring,
			       "Bundle.timestamp");
	done(&r);
	r = read_text(text, "2024-03-02"); /* --as-of wins over the timestamp */
	CU_ASSERT_EQUAL(case_item(&r, "patient", "age")->valueint, 60);
	CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItemCaseSensitive(r.source, "as_of_from")->valuestring,
			       "option");
	done(&r);
	free(text);
	r = read_entries(BREAST ", " BORN("1964"), "2024-03-02");
	CU_ASSERT_PTR_NULL(case_item(&r, "patient", "age"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/birthDate", "not a full date"));
	done(&r);
}

static void test_fhir_evaluation_date_must_be_a_date(void)
{
	read_result r = read_entries(BREAST, "2024-02-30");

	CU_ASSERT_EQUAL(r.rc, ONCO_EINVALID);
	CU_ASSERT_PTR_NOT_NULL(strstr(r.issues.items[0].message, "YYYY-MM-DD"));
	done(&r);
	CU_ASSERT(onco_fhir_date_valid("2024-02-29"));
	CU_ASSERT(!onco_fhir_date_valid("2023-02-29"));
	CU_ASSERT(!onco_fhir_date_valid("2024-2-29"));
	CU_ASSERT(!onco_fhir_date_valid("2024-02-29T10:00:00Z"));
	CU_ASSERT(!onco_fhir_date_valid(NULL));
}

/* ---------------------------------------------------------- medications */

static void test_fhir_drug_names_to_the_drug_list(void)
{
	static const struct {
		const char *name;
		const char *drug; /* NULL: none of ours */
		int ambiguous;
	} cases[] = {
		{"Herceptin 150 MG Injection", "trastuzumab", 0},
		{"trastuzumab-anns", "trastuzumab", 0},
		{"ado-trastuzumab emtansine", "trastuzumab-emtansine", 0},
		{"fam-trastuzumab deruxtecan-nxki", NULL, 2},
		{"paclitaxel protein-bound particles", "paclitaxel-protein-bound", 0},
		{"paclitaxel albumin-bound", NULL, 2},
		{"nab-paclitaxel", NULL, 2},
		{"10 ML Doxorubicin Hydrochloride 2 MG/ML Injection", "doxorubicin", 0},
		{"doxorubicin hydrochloride liposome injection", NULL, 2},
		{"5-FU", "fluorouracil", 0},
		{"5-fluorouracil", "fluorouracil", 0},
		{"Zoledronic Acid 4 MG/5 ML", "zoledronic-acid", 0},
		{"leuprolide Injetable Product", "leuprorelin", 0},
		{"cisplatin and paclitaxel", NULL, 1},
		{"palbociclib 125 MG Oral Capsule", NULL, 0},
		{"", NULL, 0},
	};
	const char *drug;
	int ambiguous;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		drug = fhir_drug_by_name(cases[i].name, &ambiguous);
		if ((drug == NULL) != (cases[i].drug == NULL) ||
		    (drug != NULL && strcmp(drug, cases[i].drug) != 0) ||
		    ambiguous != cases[i].ambiguous)
			fprintf(stderr, "\n  \"%s\" gave %s (ambiguous %d)\n", cases[i].name,
				drug != NULL ? drug : "none", ambiguous);
		CU_ASSERT_EQUAL(ambiguous, cases[i].ambiguous);
		if (cases[i].drug == NULL) {
			CU_ASSERT_PTR_NULL(drug);
		} else {
			CU_ASSERT(drug != NULL && strcmp(drug, cases[i].drug) == 0);
		}
	}
}

#define MED(type, id, status, medication, extra) \
	"{\"resource\": {\"resourceType\": \"" type "\", \"id\": \"" id "\", \"status\": \"" \
	status "\", \"intent\": \"order\", \"medicationCodeableConcept\": " medication extra "}}"
#define RXNORM(code, display) "{\"coding\": [{\"system\": " \
	"\"http://www.nlm.nih.gov/research/umls/rxnorm\", \"code\": \"" code "\", \"display\": \"" \
	display "\"}]}"

static void test_fhir_medication_codes_names_and_statuses(void)
{
	read_result r;
	const cJSON *meds;

	/* a code and a name that disagree are listed */
	r = read_entries(BREAST ", " MED("MedicationStatement", "m", "active",
					 RXNORM("2555", "carboplatin"), ""), NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, NULL, "medications"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/medicationCodeableConcept", "cisplatin"));
	done(&r);
	/* a combination: one item per ingredient; one outside the list is
	 * recorded as "other" with its name, and listed */
	r = read_entries(BREAST ", " MED("MedicationRequest", "m", "active",
		"{\"text\": \"pertuzumab / trastuzumab / hyaluronidase-zzxf\"}", ""), NULL);
	meds = case_item(&r, NULL, "medications");
	CU_ASSERT_EQUAL(cJSON_GetArraySize(meds), 3);
	CU_ASSERT_STRING_EQUAL(resolve(meds, "/0/agent")->valuestring, "pertuzumab");
	CU_ASSERT_STRING_EQUAL(resolve(meds, "/1/agent")->valuestring, "trastuzumab");
	CU_ASSERT_STRING_EQUAL(resolve(meds, "/2/agent")->valuestring, "other");
	CU_ASSERT_STRING_EQUAL(resolve(meds, "/2/name")->valuestring, "hyaluronidase-zzxf");
	CU_ASSERT(note_says(&r, "/entry/2/resource/medicationCodeableConcept", "hyaluronidase"));
	done(&r);
	/* a code and a name that may be another drug: listed, not read */
	r = read_entries(BREAST ", " MED("MedicationStatement", "m", "active",
					 RXNORM("56946", "paclitaxel albumin-bound"), ""), NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, NULL, "medications"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/medicationCodeableConcept", "another drug"));
	done(&r);
	/* statuses */
	r = read_entries(BREAST ", " MED("MedicationStatement", "m", "not-taken",
					 RXNORM("2555", "cisplatin"), ""), NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, NULL, "medications"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/status", "not taken"));
	done(&r);
	r = read_entries(BREAST ", {\"resource\": {\"resourceType\": \"MedicationRequest\", \"status\":"
			 " \"active\", \"intent\": \"plan\", \"medicationCodeableConcept\": "
			 RXNORM("2555", "cisplatin") "}}", NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, NULL, "medications"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/intent", "planned"));
	done(&r);
}

static void test_fhir_last_dose_from_administrations(void)
{
	read_result r;
	const cJSON *meds;

	/* the latest dose of the drug, counted to the evaluation date */
	r = read_entries(BREAST ", " MED("MedicationRequest", "m", "active", "{\"text\": \"bevacizumab\"}",
					 "") ", "
			 MED("MedicationAdministration", "a1", "completed", "{\"text\": \"Avastin\"}",
			     ", \"effectiveDateTime\": \"2024-01-01\"") ", "
			 MED("MedicationAdministration", "a2", "completed", "{\"text\": \"bevacizumab\"}",
			     ", \"effectivePeriod\": {\"start\": \"2024-01-21T09:00:00Z\", \"end\":"
			     " \"2024-01-22T10:00:00Z\"}"), "2024-02-01");
	meds = case_item(&r, NULL, "medications");
	CU_ASSERT_EQUAL(cJSON_GetArraySize(meds), 1);
	CU_ASSERT_STRING_EQUAL(resolve(meds, "/0/status")->valuestring, "active");
	CU_ASSERT_EQUAL(resolve(meds, "/0/last_dose_days_ago")->valueint, 10);
	CU_ASSERT_STRING_EQUAL(resolve(facts_of(&r, "/medications/0/last_dose_days_ago"),
				       "/0/resource")->valuestring, "MedicationAdministration/a2");
	done(&r);
	/* with no evaluation date: no last dose, and it says why */
	r = read_entries(BREAST ", " MED("MedicationStatement", "m", "completed",
					 RXNORM("2555", "cisplatin"),
					 ", \"effectivePeriod\": {\"end\": \"2023-05-01\"}"), NULL);
	CU_ASSERT_PTR_NULL(resolve(case_item(&r, NULL, "medications"), "/0/last_dose_days_ago"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/effectivePeriod/end", "evaluation date"));
	done(&r);
	/* an administration alone does not say the drug is still taken */
	r = read_entries(BREAST ", " MED("MedicationAdministration", "a", "completed",
					 "{\"text\": \"bevacizumab\"}",
					 ", \"effectiveDateTime\": \"2024-01-01\""), "2024-02-01");
	CU_ASSERT_PTR_NULL(case_item(&r, NULL, "medications"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/effectiveDateTime", "still taken"));
	done(&r);
	/* a statement's single date is not its last dose */
	r = read_entries(BREAST ", " MED("MedicationStatement", "m", "completed",
					 RXNORM("2555", "cisplatin"),
					 ", \"effectiveDateTime\": \"2023-05-01\""), "2024-02-01");
	CU_ASSERT_PTR_NULL(resolve(case_item(&r, NULL, "medications"), "/0/last_dose_days_ago"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/effectiveDateTime", "began"));
	done(&r);
}

#define SERVICE(extra) \
	"{\"resource\": {\"resourceType\": \"ServiceRequest\", \"id\": \"s\", \"status\": \"active\"," \
	" \"intent\": \"order\", \"category\": [{\"coding\": [{\"system\": \"http://snomed.info/sct\"," \
	" \"code\": \"387713003\"}]}], \"occurrenceDateTime\": \"2024-02-15\"" extra "}}"

static void test_fhir_planned_surgery_is_elective_unless_urgent(void)
{
	read_result r;

	r = read_entries(BREAST ", " SERVICE(""), "2024-02-01");
	CU_ASSERT_STRING_EQUAL(resolve(case_item(&r, NULL, "planned_procedures"), "/0/type")->valuestring,
			       "elective-surgery");
	CU_ASSERT_EQUAL(resolve(case_item(&r, NULL, "planned_procedures"),
				"/0/days_from_now")->valueint, 14);
	done(&r);
	r = read_entries(BREAST ", " SERVICE(", \"priority\": \"urgent\""), "2024-02-01");
	CU_ASSERT_PTR_NULL(case_item(&r, NULL, "planned_procedures"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/priority", "elective or emergency"));
	done(&r);
	r = read_entries(BREAST ", " SERVICE(""), "2024-03-01");
	CU_ASSERT_PTR_NULL(resolve(case_item(&r, NULL, "planned_procedures"), "/0/days_from_now"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/occurrenceDateTime", "before the evaluation"));
	done(&r);
}

/* --------------------------------------------------- limits and errors */

static void check_refused(const char *text, const onco_fhir_options *opts,
			  const char *pointer, const char *words)
{
	onco_case_issues issues = {0};
	onco_fhir_record *record = NULL;
	int rc = onco_fhir_read(&record, text, strlen(text), opts, &issues);

	CU_ASSERT_EQUAL(rc, ONCO_EINVALID);
	CU_ASSERT_PTR_NULL(record);
	CU_ASSERT_FATAL(issues.count > 0);
	if (strcmp(issues.items[0].pointer, pointer) != 0 ||
	    strstr(issues.items[0].message, words) == NULL)
		fprintf(stderr, "\n  got %s: %s\n", issues.items[0].pointer, issues.items[0].message);
	CU_ASSERT_STRING_EQUAL(issues.items[0].pointer, pointer);
	CU_ASSERT_PTR_NOT_NULL(strstr(issues.items[0].message, words));
	onco_case_issues_free(&issues);
}

static void test_fhir_limits_and_shapes_are_refused_with_pointers(void)
{
	onco_fhir_options opts;
	char deep[256], *big;
	size_t i;

	onco_fhir_options_default(&opts);
	check_refused("", NULL, "", "empty");
	check_refused("{\"resourceType\": \"Bundle\",", NULL, "", "not valid JSON");
	check_refused("{\"resourceType\": \"Bundle\", \"type\": \"history\"}", NULL, "/type",
		      "history");
	check_refused("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": 3}", NULL,
		      "/entry", "list");
	check_refused("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
		      "{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"a\"}},"
		      "{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"b\"}}]}",
		      NULL, "/entry/1/resource", "second patient");
	check_refused("{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
		      "{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"a\\u0000b\"}}]}",
		      NULL, "/entry/0/resource/id", "NUL");
	/* nesting past the limit, at the pointer where it happens */
	snprintf(deep, sizeof(deep), "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"x\": ");
	for (i = 0; i < 40; i++)
		strcat(deep, "[");
	/* the root is level 1 and "x" level 2: the 31st bracket is level 33 */
	check_refused(deep, &opts, "/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0",
		      "deeper than the limit of 32");
	opts.limits.max_bytes = 64;
	big = bundle_of("", BREAST);
	check_refused(big, &opts, "", "larger than the limit of 64");
	free(big);
	onco_fhir_options_default(&opts);
	opts.limits.max_entries = 1;
	big = bundle_of("", BREAST);
	check_refused(big, &opts, "/entry", "longer than the limit of 1");
	free(big);
}

static void test_fhir_duplicate_keys_and_long_strings_are_not_read(void)
{
	onco_fhir_options opts;
	onco_case_issues issues = {0};
	onco_fhir_record *record = NULL;
	read_result r;
	char *text;

	r = read_entries("{\"resource\": {\"resourceType\": \"Condition\", \"code\": {\"coding\": ["
			 "{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\", \"code\": \"C50.9\"}]},"
			 " \"code\": {\"coding\": [{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\","
			 " \"code\": \"C53.9\"}]}}}", NULL);
	CU_ASSERT_PTR_NULL(r.c);
	CU_ASSERT(note_says(&r, "/entry/1/resource/code", "appears twice"));
	done(&r);
	onco_fhir_options_default(&opts);
	opts.limits.max_string = 4;
	text = bundle_of("", BREAST);
	CU_ASSERT_EQUAL(onco_fhir_read(&record, text, strlen(text), &opts, &issues), 0);
	CU_ASSERT_PTR_NULL(onco_fhir_case_json(record));
	onco_fhir_record_free(record);
	onco_case_issues_free(&issues);
	free(text);
}

/* A drug outside the list beside a dose of a drug of the list: the other
 * drug is recorded without a last dose, the listed one gets its own. */
static void test_fhir_other_drug_beside_a_dose(void)
{
	read_result r = read_entries(BREAST ", " MED("MedicationRequest", "m1", "active",
						     "{\"text\": \"palbociclib 125 MG\"}", "") ", "
				     MED("MedicationRequest", "m2", "active", "{\"text\": \"Avastin\"}", "")
				     ", " MED("MedicationAdministration", "a", "completed",
					      "{\"text\": \"bevacizumab\"}",
					      ", \"effectiveDateTime\": \"2024-01-01\""), "2024-01-11");
	const cJSON *meds = case_item(&r, NULL, "medications");

	CU_ASSERT_EQUAL(cJSON_GetArraySize(meds), 2);
	CU_ASSERT_STRING_EQUAL(resolve(meds, "/0/agent")->valuestring, "other");
	CU_ASSERT_PTR_NULL(resolve(meds, "/0/last_dose_days_ago"));
	CU_ASSERT_EQUAL(resolve(meds, "/1/last_dose_days_ago")->valueint, 10);
	done(&r);
}

/* The fuzz harness's contract for the source record: every note has a
 * resource, a pointer and a reason. */
static void check_notes(const read_result *r)
{
	const cJSON *note;

	cJSON_ArrayForEach(note, cJSON_GetObjectItemCaseSensitive(r->source, "not_understood")) {
		CU_ASSERT(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(note, "resource")));
		CU_ASSERT(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(note, "pointer")));
		CU_ASSERT(cJSON_IsString(cJSON_GetObjectItemCaseSensitive(note, "reason")));
	}
}

/* Every input that once broke the reader keeps its contract now. */
static void test_fhir_regressions_keep_the_contract(void)
{
	const char *dir = ONCO_SOURCE_DIR "/tests/fuzz-regressions/fhir";
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[1024];
	size_t n = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	while ((e = readdir(d)) != NULL) {
		read_result r;
		size_t len = strlen(e->d_name);

		if (len < 5 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		r = read_path(path, "2024-06-01");
		CU_ASSERT(r.rc == 0 || r.rc == ONCO_EINVALID);
		CU_ASSERT((r.rc == 0) == (r.record != NULL));
		check_notes(&r);
		done(&r);
		r = read_path(path, NULL);
		CU_ASSERT(r.rc == 0 || r.rc == ONCO_EINVALID);
		check_notes(&r);
		done(&r);
		n++;
	}
	closedir(d);
	CU_ASSERT(n > 0);
}


/* A combination written "A / " or " / B" has an ingredient with no name:
 * it is listed as not read, the others are read; an empty Bundle.id names
 * no case, the Patient's id does (both once made a case the case reader
 * refuses, found by fuzz/run fhir_read). */
static void test_fhir_empty_names_are_not_read_as_names(void)
{
	read_result r = read_path(ONCO_SOURCE_DIR "/tests/fuzz-regressions/fhir/"
				  "ingredient-names-around-a-slash.json", "2024-06-01");
	const cJSON *meds = case_item(&r, NULL, "medications");

	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	CU_ASSERT_EQUAL(cJSON_GetArraySize(meds), 2);
	CU_ASSERT_STRING_EQUAL(resolve(meds, "/1/agent")->valuestring, "docetaxel");
	CU_ASSERT(note_says(&r, "/entry/12/resource/medicationCodeableConcept",
			    "has an ingredient with no name"));
	done(&r);
	r = read_path(ONCO_SOURCE_DIR "/tests/fuzz-regressions/fhir/empty-bundle-id.json",
		      "2024-06-01");
	CU_ASSERT_EQUAL_FATAL(r.rc, 0);
	CU_ASSERT_STRING_EQUAL(case_item(&r, NULL, "id")->valuestring, "br-patient");
	done(&r);
}

/* ------------------------------------------ the review of the reader */

/* What cannot be read safely is listed and left out: the bundles of the
 * review (tests/fhir/bundles/review/, each the stage IV breast bundle
 * with one change). */
static void test_fhir_periods_that_end_before_they_start(void)
{
	read_result r = read_path(REVIEW "bev-period-reversed.json", "2024-06-01");
	const cJSON *meds = case_item(&r, NULL, "medications");

	CU_ASSERT_STRING_EQUAL(resolve(meds, "/1/agent")->valuestring, "bevacizumab");
	CU_ASSERT_PTR_NULL(resolve(meds, "/1/last_dose_days_ago"));
	CU_ASSERT(note_says(&r, "/entry/12/resource/effectivePeriod", "ends (2024-01-01) before"));
	done(&r);
	r = read_path(REVIEW "bev-period-ok.json", "2024-06-01");
	CU_ASSERT_EQUAL(resolve(case_item(&r, NULL, "medications"), "/1/last_dose_days_ago")->valueint,
			12);
	done(&r);
	/* an observation's period, and a planned date's */
	r = read_entries(BREAST ", {\"resource\": {\"resourceType\": \"Observation\", \"status\":"
			 " \"final\", \"code\": {\"coding\": [{\"system\": \"http://loinc.org\","
			 " \"code\": \"89247-1\"}]}, \"effectivePeriod\": {\"start\": \"2024-05\","
			 " \"end\": \"2024-01-01\"}, \"valueInteger\": 1}}", "2024-06-01");
	CU_ASSERT_PTR_NULL(case_item(&r, "patient", "ecog"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/effectivePeriod", "before it starts"));
	done(&r);
}

static void test_fhir_do_not_perform_modifiers_and_two_values(void)
{
	read_result r = read_path(REVIEW "surgery-do-not-perform.json", "2024-06-01");

	CU_ASSERT_PTR_NULL(case_item(&r, NULL, "planned_procedures"));
	CU_ASSERT(note_says(&r, "/entry/14/resource/doNotPerform", "not to be done"));
	done(&r);
	r = read_path(REVIEW "bev-do-not-perform.json", "2024-06-01");
	CU_ASSERT_PTR_NULL(strstr(onco_fhir_case_json(r.record), "bevacizumab"));
	CU_ASSERT(note_says(&r, "/entry/9/resource/doNotPerform", "not to be done"));
	done(&r);
	r = read_path(REVIEW "her2-modifier-extension.json", "2024-06-01");
	CU_ASSERT_PTR_NULL(case_string(&r, "biomarkers", "HER2"));
	CU_ASSERT(note_says(&r, "/entry/7/resource/modifierExtension", "modifierExtension"));
	done(&r);
	/* implicitRules, and a modifierExtension inside an element */
	r = read_entries(BREAST ", " ECOG_OBS("e1", "1", "2024-01-01") ", "
			 "{\"resource\": {\"resourceType\": \"Observation\", \"id\": \"e2\","
			 " \"implicitRules\": \"http://example.org/rules\", \"status\": \"final\","
			 " \"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\":"
			 " \"89247-1\", \"modifierExtension\": []}]}, \"valueInteger\": 3}}", NULL);
	CU_ASSERT_EQUAL(case_item(&r, "patient", "ecog")->valueint, 1);
	CU_ASSERT(note_says(&r, "/entry/3/resource/code/coding/0/modifierExtension",
			    "modifierExtension"));
	done(&r);
	r = read_entries(BREAST ", {\"resource\": {\"resourceType\": \"Observation\","
			 " \"implicitRules\": \"http://example.org/rules\", \"status\": \"final\","
			 " \"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\":"
			 " \"89247-1\"}]}, \"valueInteger\": 3}}", NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, "patient", "ecog"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/implicitRules", "implicitRules"));
	done(&r);
	r = read_path(REVIEW "ecog-two-values.json", "2024-06-01");
	CU_ASSERT_PTR_NULL(case_item(&r, "patient", "ecog"));
	CU_ASSERT(note_says(&r, "/entry/8/resource/valueInteger", "invalid FHIR"));
	done(&r);
}

static void test_fhir_conditions_no_longer_present(void)
{
	read_result r = read_path(REVIEW "primary-resolved.json", "2024-06-01");

	CU_ASSERT_EQUAL(r.rc, 0);
	CU_ASSERT_PTR_NULL(r.c);
	CU_ASSERT(note_says(&r, "/entry/1/resource/clinicalStatus", "primary cancer no longer"));
	done(&r);
	r = read_path(REVIEW "metastasis-abated.json", "2024-06-01");
	CU_ASSERT_EQUAL(cJSON_GetArraySize(case_item(&r, "cancer", "metastases")), 1);
	CU_ASSERT(note_says(&r, "/entry/4/resource/abatementDateTime", "abated"));
	done(&r);
}

static void test_fhir_subject_and_focus_resolve_to_the_patient(void)
{
	read_result r = read_path(REVIEW "her2-subject-identifier.json", "2024-06-01");

	CU_ASSERT_PTR_NULL(case_string(&r, "biomarkers", "HER2"));
	CU_ASSERT(note_says(&r, "/entry/7/resource/subject", "cannot be resolved"));
	done(&r);
	r = read_entries(BREAST ", {\"resource\": {\"resourceType\": \"Observation\", \"status\":"
			 " \"final\", \"focus\": [{\"reference\": \"Patient/other\"}], \"code\":"
			 " {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"89247-1\"}]},"
			 " \"valueInteger\": 1}}", NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, "patient", "ecog"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/focus/0", "another patient"));
	done(&r);
	/* a focus on the patient's own condition (jenny-m's stage groups) */
	r = read_entries(BREAST ", {\"resource\": {\"resourceType\": \"Observation\", \"status\":"
			 " \"final\", \"focus\": [{\"reference\": \"Condition/c\"}], \"code\":"
			 " {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"89247-1\"}]},"
			 " \"valueInteger\": 1}}", NULL);
	CU_ASSERT_EQUAL(case_item(&r, "patient", "ecog")->valueint, 1);
	done(&r);
}

static void test_fhir_results_after_the_evaluation_date(void)
{
	read_result r = read_path(REVIEW "ecog-after-as-of.json", "2024-06-01");

	CU_ASSERT_EQUAL(case_item(&r, "patient", "ecog")->valueint, 1);
	CU_ASSERT(note_says(&r, "/entry/14/resource/effectiveDateTime",
			    "after the evaluation date 2024-06-01"));
	done(&r);
}

static void test_fhir_active_statement_whose_period_ended(void)
{
	read_result r = read_path(REVIEW "active-statement-ended.json", "2024-06-01");
	const cJSON *meds = case_item(&r, NULL, "medications"), *c;

	CU_ASSERT_STRING_EQUAL(resolve(meds, "/1/agent")->valuestring, "bevacizumab");
	CU_ASSERT_STRING_EQUAL(resolve(meds, "/1/status")->valuestring, "active");
	CU_ASSERT_PTR_NULL(resolve(meds, "/1/last_dose_days_ago"));
	c = conflict_on(&r, "/medications/1/status");
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_STRING_EQUAL(resolve(c, "/values/0/pointer")->valuestring,
			       "/entry/12/resource/status");
	CU_ASSERT_STRING_EQUAL(resolve(c, "/values/1/pointer")->valuestring,
			       "/entry/12/resource/effectivePeriod/end");
	done(&r);
	/* not yet ended on the evaluation date: no conflict */
	r = read_path(REVIEW "active-statement-ended.json", "2024-01-15");
	CU_ASSERT_PTR_NULL(conflict_on(&r, "/medications/1/status"));
	done(&r);
}

static void test_fhir_long_and_negated_drug_names(void)
{
	static const struct {
		const char *name;
		const char *drug;
		int ambiguous;
	} cases[] = {
		{"not bevacizumab", NULL, 4},
		{"no bevacizumab", NULL, 4},
		{"bevacizumab (held)", NULL, 4},
		{"Avastin - discontinued", NULL, 4},
		{"bevacizumab aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bevacizumab", 0},
		{"palbociclib aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", NULL, 0},
	};
	char many[400] = "";
	read_result r;
	int ambiguous;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *drug = fhir_drug_by_name(cases[i].name, &ambiguous);

		if (ambiguous != cases[i].ambiguous)
			fprintf(stderr, "\n  \"%s\": ambiguous %d\n", cases[i].name, ambiguous);
		CU_ASSERT_EQUAL(ambiguous, cases[i].ambiguous);
		CU_ASSERT((drug == NULL) == (cases[i].drug == NULL));
	}
	for (i = 0; i < 70; i++)
		strcat(many, "x ");
	CU_ASSERT_PTR_NULL(fhir_drug_by_name(many, &ambiguous));
	CU_ASSERT_EQUAL(ambiguous, 3);
	r = read_path(REVIEW "long-drug-word.json", "2024-06-01");
	CU_ASSERT_STRING_EQUAL(resolve(case_item(&r, NULL, "medications"), "/1/agent")->valuestring,
			       "other");
	CU_ASSERT(note_says(&r, "/entry/12/resource/medicationCodeableConcept",
			    "is not in the oncorules drug list"));
	done(&r);
	r = read_entries(BREAST ", " MED("MedicationStatement", "m", "active",
					 "{\"text\": \"bevacizumab (held)\"}", ""), NULL);
	CU_ASSERT_PTR_NULL(case_item(&r, NULL, "medications"));
	CU_ASSERT(note_says(&r, "/entry/2/resource/medicationCodeableConcept", "not given"));
	done(&r);
}

static void test_fhir_invalid_timestamp_is_named(void)
{
	read_result r = read_path(REVIEW "bad-timestamp.json", NULL);

	CU_ASSERT(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(r.source, "as_of")));
	CU_ASSERT(note_says(&r, "/timestamp", "not a valid date"));
	CU_ASSERT(note_says(&r, "/entry/0/resource/birthDate", "timestamp is not a valid date"));
	done(&r);
	CU_ASSERT(fhir_instant_day("2024-02-29T10:00:00Z") >= 0);
	CU_ASSERT(fhir_instant_day("2024-02-29T10:00:00.123+05:30") >= 0);
	CU_ASSERT(fhir_instant_day("2024-02-29T24:00:00Z") < 0);
	CU_ASSERT(fhir_instant_day("2024-02-29") < 0);
	CU_ASSERT(fhir_instant_day("2024-02-29T10:00:00") < 0);
}

/* --------------------------------------------------------- the answer */

static void test_fhir_attach_adds_the_source_to_a_result(void)
{
	read_result r = read_entries(BREAST, NULL);
	char *out = NULL;
	cJSON *doc;

	CU_ASSERT_EQUAL(onco_fhir_attach(r.record, "{\"case\": \"b\", \"source\": 1}", 0, &out), 0);
	doc = cJSON_Parse(out);
	CU_ASSERT_STRING_EQUAL(resolve(doc, "/source/format")->valuestring, "FHIR R4 Bundle");
	CU_ASSERT_PTR_NOT_NULL(cJSON_GetObjectItemCaseSensitive(
		resolve(doc, "/source/facts"), "/cancer/site"));
	cJSON_Delete(doc);
	free(out);
	CU_ASSERT_EQUAL(onco_fhir_attach(r.record, "[1]", 0, &out), ONCO_EINVALID);
	CU_ASSERT_PTR_NULL(out);
	done(&r);
	/* no case: the error document with the source */
	r = read_entries("", NULL);
	CU_ASSERT_PTR_NULL(r.c);
	CU_ASSERT_EQUAL(onco_fhir_attach(r.record, NULL, 0, &out), 0);
	doc = cJSON_Parse(out);
	CU_ASSERT_STRING_EQUAL(resolve(doc, "/case")->valuestring, "b");
	CU_ASSERT_PTR_NOT_NULL(strstr(resolve(doc, "/errors/0/message")->valuestring,
				      "no primary cancer"));
	CU_ASSERT_PTR_NOT_NULL(resolve(doc, "/source/not_understood"));
	cJSON_Delete(doc);
	free(out);
	done(&r);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_fhir_patient01_reads_as_metastatic_breast_cancer),
		ONCO_TEST(test_fhir_jenny_m_stage_conflict_and_unread_resources_listed),
		ONCO_TEST(test_fhir_every_entry_is_read_or_listed),
		ONCO_TEST(test_fhir_single_resources_are_not_bundles),
		ONCO_TEST(test_fhir_guideline_bundles_read_as_their_hand_written_cases),
		ONCO_TEST(test_fhir_conflicting_results_are_reported_and_left_out),
		ONCO_TEST(test_fhir_stage_and_m_category_checked_by_site),
		ONCO_TEST(test_fhir_latest_ecog_counts),
		ONCO_TEST(test_fhir_unknown_code_of_each_resource_type_is_listed),
		ONCO_TEST(test_fhir_statuses_that_say_not_to_read),
		ONCO_TEST(test_fhir_lymph_nodes_regional_or_distant_by_site),
		ONCO_TEST(test_fhir_rectum_is_not_anus),
		ONCO_TEST(test_fhir_age_needs_an_evaluation_date),
		ONCO_TEST(test_fhir_evaluation_date_must_be_a_date),
		ONCO_TEST(test_fhir_drug_names_to_the_drug_list),
		ONCO_TEST(test_fhir_medication_codes_names_and_statuses),
		ONCO_TEST(test_fhir_last_dose_from_administrations),
		ONCO_TEST(test_fhir_planned_surgery_is_elective_unless_urgent),
		ONCO_TEST(test_fhir_limits_and_shapes_are_refused_with_pointers),
		ONCO_TEST(test_fhir_duplicate_keys_and_long_strings_are_not_read),
		ONCO_TEST(test_fhir_other_drug_beside_a_dose),
		ONCO_TEST(test_fhir_regressions_keep_the_contract),
		ONCO_TEST(test_fhir_empty_names_are_not_read_as_names),
		ONCO_TEST(test_fhir_attach_adds_the_source_to_a_result),
		ONCO_TEST(test_fhir_periods_that_end_before_they_start),
		ONCO_TEST(test_fhir_do_not_perform_modifiers_and_two_values),
		ONCO_TEST(test_fhir_conditions_no_longer_present),
		ONCO_TEST(test_fhir_subject_and_focus_resolve_to_the_patient),
		ONCO_TEST(test_fhir_results_after_the_evaluation_date),
		ONCO_TEST(test_fhir_active_statement_whose_period_ended),
		ONCO_TEST(test_fhir_long_and_negated_drug_names),
		ONCO_TEST(test_fhir_invalid_timestamp_is_named),
	};

	return ONCO_RUN_SUITE("fhir_read", tests);
}
