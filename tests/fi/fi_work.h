/*
 * fi_work.h: the work fault_inject.c runs under a failing allocation, one
 * kind per mode: what each verb does once its input is read and its engine
 * open (cli.h), on standard streams the caller has set.
 *
 * Ownership: a job points to what the caller owns (engine, text, options);
 * fi_work_batch_input writes a file the caller removes.
 */
#ifndef ONCO_FI_WORK_H
#define ONCO_FI_WORK_H

#include <stddef.h>

#include "cli.h"

typedef enum fi_mode {
	FI_JSON,          /* evaluate --json */
	FI_TEXT,          /* evaluate (the text summary) */
	FI_BATCH,         /* batch */
	FI_BATCH_SUMMARY, /* batch --summary */
	FI_REPORT,        /* report -o FILE: the HTML page */
	FI_REPORT_RESULT, /* report --result RESULT.json -o FILE: a saved result's page */
	FI_BATCH_HTML,    /* batch --html DIR: the records and a page per record */
	FI_PATIENT_VIEW,  /* oncorules-serve: a patient-view request body -> the response */
	FI_HTTP,          /* oncorules-serve: start, one HTTP request, stop (fi_http.h) */
	FI_MODES
} fi_mode;

/* The names on the command line, by mode. */
extern const char *const fi_mode_names[FI_MODES];

#define FI_IS_BATCH(m) ((m) == FI_BATCH || (m) == FI_BATCH_SUMMARY || (m) == FI_BATCH_HTML)
/* The modes whose answer is files in j->folder: one page, or (batch
 * --html) a page per record and index.html. */
#define FI_WRITES_PAGES(m) ((m) == FI_REPORT || (m) == FI_REPORT_RESULT || (m) == FI_BATCH_HTML)

typedef struct fi_job {
	fi_mode mode;
	long leak_every; /* 0: never check leaks (no ASan) */
	onco_engine *engine;
	const onco_fhir_options *fhir; /* --fhir: the input is a FHIR Bundle; NULL: a case */
	const char *text; /* the case or bundle; patient-view: the request body;
			   * http: the request file */
	struct fi_http *http; /* http: the request, prepared */
	size_t length;
	const char *input; /* batch: the NDJSON file (standard input of the child);
			    * report-result: the result document */
	char out[64], err[64]; /* where standard output and error go */
	char folder[64];       /* where pages are written, nothing else there */
	char page[80];         /* report: the page in it */
} fi_job;

/* Runs the work of the job's mode once and returns its exit status, as the
 * command would exit with it (after cli_finish). Patient-view: an answer
 * below 500 on standard output (status, the log's reason, body) and 0; a
 * 5xx on standard error and 3 when its body is an OperationOutcome and the
 * log has a reason (the service failed and says so), 1 otherwise. Http:
 * fi_http.h. */
int fi_work_run(const fi_job *j);

/* Batch: writes to `path` (then j->input) the input lines: the case on one
 * line, an empty line and a line that is not JSON: three lines, three
 * records, whatever fails. 0, or -1 with errno set. */
int fi_work_batch_input(fi_job *j, const char *path);

/* Report-result: writes to `path` (then j->input) the result document
 * `evaluate --json` prints for the job's case (or bundle), as a user saves
 * it. 0, or -1 (errno set, or the case did not evaluate). */
int fi_work_result_input(fi_job *j, const char *path);

#endif
