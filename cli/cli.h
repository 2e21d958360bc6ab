/*
 * cli.h: what the verbs of the `oncorules` command share. Only cli/ prints
 * and exits; it uses the public headers of the layers below (onco.h).
 */
#ifndef ONCO_CLI_H
#define ONCO_CLI_H

#include <stdio.h>

#include "onco.h"
#include "report_dir.h"

/* Exit status of the command (docs/output-format.md). */
enum {
	CLI_EXIT_OK = 0,
	CLI_EXIT_FINDINGS = 1, /* failed test cases, lint errors */
	CLI_EXIT_USAGE = 2,    /* bad input or usage */
	CLI_EXIT_INTERNAL = 3  /* rule base failed to load, run limit, bug */
};

/* Options common to the verbs that open an engine. */
typedef struct cli_engine_args {
	const char *kb_dir;   /* --kb DIR, NULL for the built-in rule base */
	const char *strategy; /* --strategy NAME, NULL for the default */
	const char *kb_image; /* --kb-image FILE (oncorules compile), NULL: parse */
	const char *kb_image_sha256; /* --kb-image-sha256 HEX: the image trusted */
	const char *time_limit;   /* --time-limit SECONDS per case */
	const char *memory_limit; /* --memory-limit MIB per case */
	int parse_text;       /* parse the built-in rule text, not its image */
} cli_engine_args;

/*
 * If argv[*i] is --kb, --strategy, --kb-image, --kb-image-sha256,
 * --time-limit or --memory-limit (or --kb=DIR ...), stores it in `args`,
 * advances *i past its value and returns 1; returns 0 when argv[*i] is not
 * one of them, -1 (after printing a message) when its value is missing.
 */
int cli_engine_arg(cli_engine_args *args, int argc, char **argv, int *i);

/* -1 (after printing why) when `args` name two rule bases (--kb and
 * --kb-image), else 0. cli_engine_open checks it too. */
int cli_engine_args_check(const cli_engine_args *args);

/* Options of the verbs that print one result (evaluate, explain, rules):
 * the engine's, plus --json and --help/-h. */
typedef struct cli_output_args {
	cli_engine_args engine;
	int json; /* --json: the JSON document instead of text */
	int help; /* --help or -h: print the usage and stop */
} cli_output_args;

/* Like cli_engine_arg, for cli_output_args. */
int cli_output_arg(cli_output_args *args, int argc, char **argv, int *i);

/* Options of the verbs that read FHIR bundles (evaluate, batch,
 * fhir-to-case). */
typedef struct cli_fhir_args {
	int fhir;          /* --fhir: the input is a FHIR R4 Bundle */
	const char *as_of; /* --as-of DATE: the evaluation date, NULL: the bundle's */
} cli_fhir_args;

/* If argv[*i] is --fhir or --as-of DATE (or --as-of=DATE), stores it,
 * advances *i past its value and returns 1; 0 when it is neither; -1
 * (after printing a message) when the date is missing or not YYYY-MM-DD. */
int cli_fhir_arg(cli_fhir_args *args, int argc, char **argv, int *i);

/* The built-in rule base compiled at build time (kb_image.c, generated),
 * loaded when neither --kb nor --kb-image is given; size 0 in a binary that
 * embeds none (oncorules-text, which compiles it). */
extern const unsigned char cli_kb_image[];
extern const size_t cli_kb_image_size;

/* The process's memory policy, once, before the first engine (heap.c):
 * keeps heap in reserve for CLIPS (which cannot create an environment when
 * malloc fails) and populates it. -1 when even that reserve cannot be had:
 * the command then stops with "out of memory" before opening anything. */
int cli_heap_prefault(void);

/* Opens an engine for `args`, printing the error and returning NULL on
 * failure; *status is set to the exit status to use then. */
onco_engine *cli_engine_open(const cli_engine_args *args, int *status);

/* The end of a command's one engine, just before the process exits: the
 * sanitizer build frees it (so that LeakSanitizer sees everything); other
 * builds leave it to the exit, where freeing a CLIPS environment would cost
 * about 9 million instructions, half of a cold `evaluate`
 * (docs/performance.md). */
void cli_engine_done(onco_engine *engine);

/* Largest file a verb reads whole (regression case files, golden results,
 * knowledge maps); a case itself is held to the engine's case size limit. */
#define CLI_FILE_MAX ((size_t)16 << 20)

/*
 * Reads a file ("-" for standard input) into a NUL-terminated buffer the
 * caller frees, streaming: it never holds more than `max` + 1 bytes, so an
 * endless input (/dev/zero, a pipe that never closes after sending enough)
 * costs bounded memory and time. NULL with errno set on failure: EFBIG
 * when there are more than `max` bytes (*length is then the file's size
 * when it is a regular file, else 0), EISDIR for a directory, ENOMEM, or
 * the error of open or read.
 */
char *cli_read_file(const char *path, size_t max, size_t *length);

/* The engine's error document for one problem of the whole input, built
 * here when the command refuses the input before the engine sees it (an
 * oversized case): {"case": null, "errors": [{"pointer", "message"}]},
 * indented when `pretty`. NULL when memory runs out. */
char *cli_error_document(const char *pointer, const char *message, int pretty);

/* cJSON_ParseWithLengthOpts(text, length, end, 0) that tells text which
 * is not JSON from an allocation that failed while parsing (cJSON answers
 * NULL for both): then *out_of_memory is set and there is no document.
 * `end` may be NULL. Every parse of the command's input that answers
 * "not JSON" goes through here: out of memory is never blamed on the
 * input. */
struct cJSON;
struct cJSON *cli_json_parse(const char *text, size_t length, const char **end,
			     int *out_of_memory);

/* Ends the command's output (main.c): flushes and closes standard output
 * and returns `status`, or CLI_EXIT_INTERNAL with one message when the
 * output could not be written (a full disk, a closed pipe, a file size
 * limit) or a JSON allocation failed: never exit 0 with a lost answer. */
int cli_finish(int status);

/* How `evaluate` prints its answer. */
typedef enum cli_view {
	CLI_VIEW_CARDS, /* the decision cards on one screen */
	CLI_VIEW_DETAIL, /* --detail: the cards, then every explanation */
	CLI_VIEW_JSON   /* --json: the result document */
} cli_view;

/* Evaluates one case with an open engine and prints the answer: what
 * `evaluate` does once its input is read and its engine open (the
 * fault-injection test drives it). Returns the exit status; on 3 nothing
 * was printed on standard output. */
int cli_evaluate_case(onco_engine *engine, const char *text, size_t length,
		      const onco_fhir_options *fhir, cli_view view);

/* Evaluates one case (a FHIR Bundle when `fhir` is not NULL) with an open
 * engine and writes its report page to `output` ("-": standard output):
 * what `report` does once its input is read and its engine open (the
 * fault-injection test drives it). Returns the exit status. */
int cli_report_case(onco_engine *engine, const char *text, size_t length,
		    const onco_fhir_options *fhir, const char *output);

/* What `batch` does once its engines are open (one per worker, `jobs`
 * of them, owned by the caller): reads FILES (none: standard input),
 * writes one record per line (evaluated with `flags`: ONCO_JSON_SUMMARY for
 * --summary), lines read as FHIR Bundles when `fhir` is not NULL (--fhir),
 * and, with `html` (--html DIR, owned by the caller; NULL: none), writes
 * each record's report page; prints the summary; returns the exit status
 * (the fault-injection test drives it). */
int cli_batch_run(onco_engine **engines, int jobs, char **files, int nfiles, int flags,
		  const onco_fhir_options *fhir, cli_report_dir *html);

/* One function per verb, each in cli/<verb>.c. */
int cli_evaluate(int argc, char **argv);
int cli_rules(int argc, char **argv);
int cli_test(int argc, char **argv);
int cli_lint(int argc, char **argv);
int cli_explain(int argc, char **argv);
int cli_diff(int argc, char **argv);
int cli_batch(int argc, char **argv);
int cli_report(int argc, char **argv); /* cli/report.c */
int cli_compile(int argc, char **argv);
int cli_fhir_to_case(int argc, char **argv);
/* `serve` runs the program oncorules-serve found next to this one
 * (cli/serve_exec.c): the HTTP and TLS libraries only it needs are then
 * loaded by no other verb. Returns only when that program cannot be run. */
int cli_serve(int argc, char **argv);

/* What a program of the command does before its verb (process.c):
 * standard streams open, standard output buffered when it is not a
 * terminal, SIGPIPE ignored, the stack limit checked. Returns CLI_EXIT_OK,
 * or the exit status to stop with (a message printed, `program` first). */
int cli_process_start(const char *program);

#endif
