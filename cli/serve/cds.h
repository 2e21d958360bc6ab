/*
 * cds.h: an oncorules answer -> the CDS Hooks 2.0 response of the
 * patient-view service, {"cards": [...]} ("CDS Service Response", "Card
 * Attributes"; docs/service.md, "Cards").
 *
 * One CDS card per decision card of the result (docs/output-format.md,
 * "Cards"), in the result's order, through one table (cds_table.c, one row
 * per card kind): its indicator, which list its summary names, where its
 * source label comes from. Then cards of our own: "not covered" (one info
 * card in place of the status card when the rules do not cover the case),
 * "no case" (the record holds no case the rules can read), and the source
 * record (what the FHIR reader did not understand and the conflicts it
 * found). Pointers into the Bundle the service built (/entry/N/...) are
 * written back as pointers into the request (/prefetch/KEY/entry/M/...).
 * Every uuid is derived from the card's content: the same request gives
 * the same bytes.
 *
 * Ownership: cds_response returns a malloc'd string the caller frees;
 * everything passed in is only read. No patient data is logged here.
 */
#ifndef ONCO_SERVE_CDS_H
#define ONCO_SERVE_CDS_H

#include <stdarg.h>
#include <stddef.h>

#include "prefetch.h"

struct cJSON;

/* CDS Hooks card indicators, least urgent first. */
typedef enum cds_indicator { CDS_INFO = 0, CDS_WARNING, CDS_CRITICAL } cds_indicator;

/* Where a card's source label comes from. */
typedef enum cds_source_from {
	CDS_SOURCE_GUIDELINE, /* the card's guideline (else the case's, when one) */
	CDS_SOURCE_RECORD     /* the EHR's record as the FHIR reader read it */
} cds_source_from;

/* One row per card kind. */
typedef struct cds_card_row {
	const char *kind;            /* a decision card kind, or one of ours */
	cds_indicator indicator;     /* at least this; raised by the card's warnings */
	const char *lead;            /* the list whose first item the summary names,
				      * NULL: the title and the evaluation date */
	cds_source_from source;
} cds_card_row;

extern const cds_card_row cds_card_rows[];
extern const size_t cds_card_row_count;

/* A warning's severity -> an indicator, one row each. */
typedef struct cds_severity_row {
	const char *severity;
	cds_indicator indicator;
} cds_severity_row;

extern const cds_severity_row cds_severity_rows[];
extern const size_t cds_severity_row_count;

/* The row of `kind`; NULL when the table has none (the caller then uses
 * the row of "unknown-kind", which shows the card as information). */
const cds_card_row *cds_row(const char *kind);
cds_indicator cds_severity_indicator(const char *severity);
const char *cds_indicator_name(cds_indicator indicator);

/* What the answer needs besides the result. */
typedef struct cds_context {
	const char *patient_id;      /* context.patientId: part of each uuid */
	const char *as_of;           /* the evaluation date, YYYY-MM-DD */
	const char *as_of_from;      /* in words, for the status card */
	const serve_prefetch *prefetch; /* entry i of the Bundle came from sources[i] */
} cds_context;

/* `result`: what onco_engine_evaluate_fhir answered (a result document, or
 * an error document with "source"). Returns {"cards": [...]} as text, or
 * NULL when out of memory or `result` is not such a document. */
char *cds_response(const char *result, const cds_context *ctx);

/* ------------------------------------------ the result (cds_json.c) */

/* o[name] as a string, "" when absent or not a string. */
const char *cds_str(const struct cJSON *o, const char *name);
/* o[name], NULL when absent. */
const struct cJSON *cds_list(const struct cJSON *o, const char *name);
/* The item of result[name] whose `key` is `value`, or NULL. */
const struct cJSON *cds_find(const struct cJSON *result, const char *name, const char *key,
			     const char *value);
/* The item of result[name] a card names by `id` (a JSON string), or NULL. */
const struct cJSON *cds_item(const struct cJSON *result, const char *name,
			     const struct cJSON *id);

/* ------------------------------------------- markdown text (cds_text.c) */

/* A growing string that remembers running out of memory (then every
 * later append is a no-op and `failed` is set): a server answers 500 and
 * goes on, where cli/strbuf.h exits (and facts/buf.h is private to facts). */
typedef struct cds_text {
	char *data;
	size_t length, capacity;
	int failed;
} cds_text;

void cds_text_free(cds_text *t);
void cds_puts(cds_text *t, const char *s);
void cds_printf(cds_text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends `s` as literal Markdown text: characters Markdown would read as
 * markup (links, emphasis, HTML, code) are escaped, line breaks and other
 * control characters become spaces. Text from the EHR's record (a drug
 * name, a resource id) can never become a link or HTML on the card. */
void cds_md(cds_text *t, const char *s);
/* Appends `s` cut to at most `max` bytes (at a UTF-8 boundary, "..."
 * marking the cut), control characters as spaces: for summaries. */
void cds_plain_cut(cds_text *t, const char *s, size_t max);

/* --------------------------------------- the source record (cds_record.c) */

/* A pointer into the Bundle ("/entry/3/resource/code") as a pointer into
 * the request ("/prefetch/conditions/entry/1/resource/code"); pointers
 * that do not name an entry come back unchanged. Writes into `out`. */
void cds_request_pointer(const serve_prefetch *prefetch, const char *bundle_pointer,
			 char *out, size_t size);
/* Appends, for a case pointer, where the record gave it: "Observation/x at
 * `/prefetch/...`", from source.facts (or the nearest parent pointer that
 * has an entry); nothing when the record gave it no source. */
void cds_md_origin(cds_text *t, const struct cJSON *source, const char *case_pointer,
		   const serve_prefetch *prefetch);
/* The detail of the source-record card: conflicts, then what was not
 * understood. */
void cds_md_record(cds_text *t, const struct cJSON *source, const serve_prefetch *prefetch);

/* ------------------------------------------ card details (cds_detail.c) */

/* The Markdown detail of one decision card of `result`. */
void cds_md_card(cds_text *t, const struct cJSON *card, const struct cJSON *result,
		 const cds_context *ctx);

#endif
