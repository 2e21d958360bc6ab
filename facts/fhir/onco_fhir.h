/*
 * onco_fhir.h: the FHIR front end of the case layer. Reads a FHIR R4
 * Bundle (collection, transaction, searchset, batch or document) holding
 * one patient's record, mapped by codes (LOINC, SNOMED CT, ICD-10-CM,
 * RxNorm, NCIt, cancerstaging.org), not by profile URLs, and turns it into
 * a case in the case format (docs/case-format.md), validated by the same
 * reader as a hand-written case (onco_case_read). It never runs rules.
 *
 * What it read comes back as a record: the case text; where each fact of
 * the case came from (case JSON pointer -> resource reference and JSON
 * pointer inside the bundle); every resource or code it did not understand
 * or did not use, with its pointer and why; and every conflict (two
 * results that disagree), whose facts are left out of the case so that the
 * decisions needing them report missing information. docs/fhir-mapping.md
 * is the mapping, one row per element; docs/output-format.md the "source"
 * object the record adds to a result.
 *
 * Nothing depends on the clock: a fact that needs today's date (an age, a
 * last dose, a planned date) is computed against opts->as_of or the
 * bundle's own timestamp, or is left out and listed.
 *
 * Ownership: every pointer returned through an `out` parameter belongs to
 * the caller: strings are released with free(), records with
 * onco_fhir_record_free() (NULL is a no-op). Pointers returned by accessors
 * live as long as their record. Strings passed in are only read. No CLIPS
 * or cJSON type appears here.
 */
#ifndef ONCO_FHIR_H
#define ONCO_FHIR_H

#include <stddef.h>

#include "onco_facts.h"

typedef struct onco_fhir_record onco_fhir_record;

/* Limits that keep a hostile or broken bundle from exhausting the reader.
 * Exceeding one is an issue with the JSON pointer where it happened. */
typedef struct onco_fhir_limits {
	size_t max_bytes;   /* whole bundle text */
	int max_depth;      /* JSON nesting of objects and arrays */
	size_t max_string;  /* bytes in one string the reader uses */
	size_t max_list;    /* items in one array the reader walks */
	size_t max_entries; /* Bundle.entry items */
} onco_fhir_limits;

typedef struct onco_fhir_options {
	/* The evaluation date, "YYYY-MM-DD", for facts counted in days or
	 * years from today; NULL: the date part of Bundle.timestamp, and
	 * when the bundle has none such facts are left out and listed. */
	const char *as_of;
	onco_fhir_limits limits;
} onco_fhir_options;

/* Fills `opts` with no as_of and the default limits: 8 MiB, depth 32,
 * strings of 1 MiB, lists of 10000 items, 10000 entries. */
void onco_fhir_options_default(onco_fhir_options *opts);

/* Whether `date` is a calendar date written YYYY-MM-DD (a usable as_of). */
int onco_fhir_date_valid(const char *date);

/*
 * Reads a bundle. `text` need not be NUL-terminated; `opts` may be NULL
 * for the defaults; `issues` must be zeroed (or freed) before the call.
 *
 * Returns 0 and *out when the text is a bundle the reader could walk, even
 * if no case could be made of it (onco_fhir_case_json is then NULL and
 * onco_fhir_case_issues says why); or ONCO_EINVALID, *out NULL, and the
 * problems in `issues`, each with a JSON pointer into the bundle (text that
 * is not JSON, over a limit, not a Bundle, a bundle type that holds no
 * record, more than one patient); or ONCO_ENOMEM; or ONCO_EINTERNAL when
 * the case it made failed validation (a bug; the issue says where).
 */
int onco_fhir_read(onco_fhir_record **out, const char *text, size_t length,
		   const onco_fhir_options *opts, onco_case_issues *issues);

/* Releases a record (NULL is a no-op). */
void onco_fhir_record_free(onco_fhir_record *record);

/* The case read, as compact JSON text that onco_case_read accepts; NULL
 * when no case could be made (see onco_fhir_case_issues). */
const char *onco_fhir_case_json(const onco_fhir_record *record);

/* Why no case could be made (no primary cancer of a covered site, the
 * site in conflict, no id): issues with pointers into the bundle ("" for
 * the whole bundle). Empty when a case was made. */
const onco_case_issues *onco_fhir_case_issues(const onco_fhir_record *record);

/* The case id (NULL when none could be found). */
const char *onco_fhir_case_id(const onco_fhir_record *record);

/* How many resources or codes were not understood or not used, and how
 * many conflicts were found. */
size_t onco_fhir_not_understood_count(const onco_fhir_record *record);
size_t onco_fhir_conflict_count(const onco_fhir_record *record);

/* Output flags. */
#define ONCO_FHIR_PRETTY 0x1

/*
 * The "source" object (docs/output-format.md) as JSON text: the bundle,
 * the evaluation date and where it came from, "facts" (case pointer ->
 * [{"resource", "pointer"}]), "not_understood" and "conflicts".
 * Returns 0 or ONCO_ENOMEM.
 */
int onco_fhir_source_json(const onco_fhir_record *record, int flags,
			  char **out);

/*
 * Adds the record's "source" object to `document`, a JSON object (an
 * engine result or error document), and prints it. A record with no case
 * gets the error document {"case", "errors", "source"} instead when
 * `document` is NULL. Returns 0, ONCO_EINVALID (`document` is not a JSON
 * object) or ONCO_ENOMEM. This is the one place a front end (the command
 * line, the CDS Hooks service) joins a result to its source record.
 */
int onco_fhir_attach(const onco_fhir_record *record, const char *document,
		     int flags, char **out);

/* {"case": null, "errors": [{"pointer", "message"}]}: the answer for a
 * bundle that could not be read (onco_fhir_read gave ONCO_EINVALID and
 * these issues). Returns 0 or ONCO_ENOMEM. */
int onco_fhir_issues_document(const onco_case_issues *issues, int flags,
			      char **out);

/* {"case": CASE or null, "errors"?: [...], "source": {...}}: what
 * `oncorules fhir-to-case` prints. Returns 0 or ONCO_ENOMEM. */
int onco_fhir_case_document(const onco_fhir_record *record, int flags,
			    char **out);

/* The mapping table as the Markdown text of docs/fhir-mapping.md's
 * generated section (a unit test keeps the page equal to it). NULL when
 * out of memory; the caller frees it. */
char *onco_fhir_mapping_markdown(void);

/* Rows of the mapping table and distinct codes in it (for reports). */
size_t onco_fhir_mapping_rows(size_t *codes);

#endif
