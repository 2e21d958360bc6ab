/*
 * fhir_internal.h: what the files of the FHIR reader share (private to
 * facts/fhir/): the record, the reader's state while it walks a bundle,
 * and the helpers every resource reader uses.
 *
 * The walk is in two passes over Bundle.entry: the first finds the patient
 * and the Medication resources others may refer to; the second gives each
 * entry to the reader of its resource type (one file per type), which
 * states claims (a value for a field of the case, with where it came
 * from), list items and notes (what it did not understand or use).
 * fhir_facts.c then settles the claims (agreement, conflicts), builds the
 * case and checks it with onco_case_read.
 */
#ifndef ONCO_FHIR_INTERNAL_H
#define ONCO_FHIR_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "../buf.h"
#include "fhir_map.h"
#include "onco_fhir.h"

/* What a record holds; "source" is built as it is read. */
struct onco_fhir_record {
	char *case_json;             /* NULL when no case could be made */
	char *case_id;
	onco_case_issues case_issues; /* why no case could be made */
	cJSON *source;               /* the "source" object */
};

/* Where a fact came from: the resource ("Observation/er-1") and the JSON
 * pointer of the element inside the bundle. */
typedef struct fhir_ref {
	char *resource;
	char *pointer;
} fhir_ref;

/* Fields of the case that take one value, settled from claims. */
typedef enum fhir_field {
	FF_SEX,
	FF_AGE,
	FF_ECOG,
	FF_SITE,
	FF_HISTOLOGY,
	FF_STAGE,
	FF_RECURRENT,
	FF_ER,
	FF_PR,
	FF_HER2,
	FF_PDL1,
	FF_M, /* the M category: not a case field, it checks the stage */
	FF_COUNT
} fhir_field;

typedef struct fhir_claim {
	fhir_field field;
	char *value;
	long day; /* day number of the result (fhir_date.c), -1 undated */
	fhir_ref ref;
} fhir_claim;

/* Lists of the case made of items, one item per resource. */
typedef enum fhir_list {
	FL_METASTASES,
	FL_PRIOR_TREATMENTS,
	FL_MEDICATIONS,
	FL_PLANNED_PROCEDURES,
	FL_ADVERSE_EVENTS,
	FL_COUNT
} fhir_list;

typedef struct fhir_item {
	fhir_list list;
	cJSON *json;       /* the item: an object, or a string (metastases) */
	fhir_ref ref;
	/* FL_MEDICATIONS: the drug, for its last dose */
	char *drug;
	/* FL_METASTASES from lymph nodes: decided once the site is known */
	const fhir_row *nodes;
	/* FL_PLANNED_PROCEDURES: the planned day; FL_MEDICATIONS: the end of
	 * an active statement's period (checked against the evaluation
	 * date); -1 none */
	long day;
	fhir_ref day_ref;
} fhir_item;

/* A dose of a drug on a day (administration, end of a statement). */
typedef struct fhir_dose {
	char *drug;
	long day;
	fhir_ref ref;
} fhir_dose;

typedef struct fhir_reader {
	const onco_fhir_limits *limits;
	long as_of;             /* day number of the evaluation date, -1 none */
	char as_of_text[11];
	const char *as_of_from; /* "option" or "Bundle.timestamp" */
	bool bad_timestamp;     /* Bundle.timestamp is there but not a date */
	size_t primaries_gone;  /* primary cancers listed as no longer present */

	/* The entry being read. */
	size_t entry;
	const cJSON *resource;
	const char *type;
	char *ref;       /* "Type/id", the fullUrl, or "Type (entry N)" */
	onco_buf base;   /* "/entry/N/resource" */
	onco_buf at;     /* scratch pointer below base */
	bool used;       /* the resource gave the case something */
	size_t noted;    /* notes made about it */

	/* The patient: references that name it. */
	char *patient_refs[3];
	char *first_subject; /* when the bundle has no Patient */

	const cJSON *bundle;     /* the root, for references into it */
	char *case_id;          /* Bundle.id, else the Patient's id */
	fhir_claim *claims;
	size_t nclaims, capclaims;
	fhir_item *items;
	size_t nitems, capitems;
	fhir_dose *doses;
	size_t ndoses, capdoses;
	/* Medication entries others may refer to: "Medication/id" or the
	 * fullUrl, the resource, its entry, whether something referred to it. */
	struct fhir_medref {
		char *key;
		char *url;
		const cJSON *resource;
		size_t entry;
		bool referred;
		bool modified; /* a modifierExtension or implicitRules: not read */
	} *medrefs;
	size_t nmedrefs, capmedrefs;

	cJSON *source;          /* the record's "source" object */
	cJSON *facts;           /* source.facts */
	cJSON *not_understood;  /* source.not_understood */
	cJSON *conflicts;       /* source.conflicts */
	onco_case_issues *issues; /* problems that stop the read */
	int rc;                 /* ONCO_ENOMEM once an allocation failed */
} fhir_reader;

/* ------------------------------------------------------ fhir_json.c */

/* Copies `s` for output: at most `max` bytes (cut at a UTF-8 boundary,
 * "..." added); control characters are kept (text views escape them,
 * cli/printable.h). NULL when out of memory. */
char *fhir_clean(const char *s, size_t max);

/* The member `key` of `object`, or NULL when absent, not an object, or
 * given twice (then noted: a duplicate key is never read). */
const cJSON *fhir_get(fhir_reader *r, const cJSON *object, const char *key,
		      const char *at);

/* A string member no longer than the limit; NULL (noted when present but
 * not such a string) otherwise. */
const char *fhir_string(fhir_reader *r, const cJSON *object, const char *key,
			const char *at);

/* An array member within the list limit; NULL (noted when present but not
 * such an array) otherwise. */
const cJSON *fhir_array(fhir_reader *r, const cJSON *object, const char *key,
			const char *at);

/* The pointer of the current resource's element: base + printf(fmt).
 * Valid until the next call. */
const char *fhir_at(fhir_reader *r, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/*
 * The row of `kind` that the codings of CodeableConcept `concept` (at
 * pointer `at`) name, or NULL. *coding gets the index of the coding used.
 * Codings that name different values make the concept ambiguous: NULL,
 * and *ambiguous is set.
 */
const fhir_row *fhir_concept(fhir_reader *r, const cJSON *concept,
			     fhir_kind kind, const char *at, size_t *coding,
			     bool *ambiguous);

/* fhir_concept, noting a concept it cannot read: "the codings of the
 * <what> name different things" or "<what> not understood". */
const fhir_row *fhir_coded(fhir_reader *r, const cJSON *concept, fhir_kind kind,
			   const char *at, const char *what, size_t *coding);

/* The row of `kind` for a FHIR `code` element (`key` of `object`) whose
 * system is `element` ("Observation.status"). *present tells whether the
 * element was there. */
const fhir_row *fhir_status(fhir_reader *r, const cJSON *object,
			    const char *key, fhir_kind kind,
			    const char *element, bool *present);

/*
 * Notes the current resource's element at `at` as not understood or not
 * used, with `concept` (a CodeableConcept or Coding, may be NULL) for its
 * codes and text, and a reason (printf).
 */
void fhir_note(fhir_reader *r, const char *at, const cJSON *concept,
	       const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/* fhir_note for a stored reference rather than the current resource. */
void fhir_note_ref(fhir_reader *r, const fhir_ref *ref, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

/* Adds `ref`-like provenance of the current resource at `at` to the
 * facts of case pointer `case_pointer`. */
void fhir_fact(fhir_reader *r, const char *case_pointer, const fhir_ref *ref);

/* A reference to the current resource at pointer `at` (copies). */
int fhir_ref_here(fhir_reader *r, fhir_ref *ref, const char *at);
void fhir_ref_free(fhir_ref *ref);

/* Marks an allocation failure. */
void fhir_nomem(fhir_reader *r);

/* Whether the current resource is about the bundle's patient; notes it
 * when it is not (another patient, or a subject given only by identifier
 * or display, which cannot be resolved to the bundle's Patient). */
bool fhir_about_patient(fhir_reader *r);

/* Whether Observation.focus, when present, leaves the observation about
 * the bundle's patient: each focus must name the patient or a resource of
 * the bundle that is not a Patient; notes it otherwise. */
bool fhir_focus_on_patient(fhir_reader *r);

/* Whether day `day` (of the element at `at`) is after the evaluation
 * date: then noted ("dated after the evaluation date"), and true. */
bool fhir_after_as_of(fhir_reader *r, long day, const char *at);

/* ------------------------------------------------------ fhir_date.c */

/* Day number of a FHIR date or dateTime ("2019-04-01", "2019-04-01T10:00:00Z");
 * -1 when it is not a full date (a year or a month only is not a day). */
long fhir_day(const char *text);

/* Day number of a FHIR instant (Bundle.timestamp: a date, a time of day
 * and a time zone, each valid); -1 otherwise. */
long fhir_instant_day(const char *text);

/* Why there is no evaluation date beside --as-of: "the bundle has no
 * timestamp" or "the bundle's timestamp is not a valid date". */
const char *fhir_no_timestamp(const fhir_reader *r);

/* Full years from day `from` (a birth date) to day `to`. */
long fhir_years(long from, long to);

/* Whether Period `period` (at pointer `at`) can be: false, and noted,
 * when its end is before its start (then nothing of it is read). */
bool fhir_period_ok(fhir_reader *r, const cJSON *period, const char *at);

/* The date of an element: `key`DateTime, or `key`Period's `end` (or
 * `start` when `start_of_period`), or `key` itself for a date. *at gets
 * its pointer; NULL when none. *invalid: the period ends before it starts
 * (noted; NULL returned). */
const char *fhir_when(fhir_reader *r, const cJSON *object, const char *key,
		      bool start_of_period, const char **at, bool *invalid);

/* ----------------------------------------------------- fhir_facts.c */

/* States that `field` is `value` (copied), from the current resource at
 * `at`, on `day` (-1 undated). */
void fhir_claim_add(fhir_reader *r, fhir_field field, const char *value,
		long day, const char *at);

/* Adds an item to a list; takes `json`. Returns the item or NULL. */
fhir_item *fhir_item_add(fhir_reader *r, fhir_list list, cJSON *json,
			 const char *at);

/* Records a dose of `drug` on `day`, from the current resource at `at`. */
void fhir_dose_add(fhir_reader *r, const char *drug, long day,
		   const char *at);

/* Settles the claims, builds the case, checks it. Fills the record. */
int fhir_finish(fhir_reader *r, onco_fhir_record *record);

/* ------------------------------------------- one reader per resource */

void fhir_read_patient(fhir_reader *r);
void fhir_read_condition(fhir_reader *r);
void fhir_read_observation(fhir_reader *r);
void fhir_read_medication_use(fhir_reader *r);
void fhir_read_procedure(fhir_reader *r);
void fhir_read_service_request(fhir_reader *r);
void fhir_read_adverse_event(fhir_reader *r);

/* The drug of our list a medication name means (fhir_drug.c): the drug
 * (static string) and 0; or NULL and 0 when the name names none of ours;
 * NULL and 1 when it names two of ours; NULL and 2 when a word makes it
 * another drug than the one of ours it contains ("trastuzumab
 * deruxtecan"), a drug outside the list; NULL and 3 when it has too many
 * words to judge; NULL and 4 when a word says the drug is not given
 * ("no", "held"). */
const char *fhir_drug_by_name(const char *name, int *ambiguous);

#endif
