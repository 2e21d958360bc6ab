/*
 * cli.h: what the verbs of the `oncorules` command share. Only cli/ prints
 * and exits; it uses the public headers of the layers below (onco.h).
 */
#ifndef ONCO_CLI_H
#define ONCO_CLI_H

#include <stdio.h>

#include "onco.h"

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
	int parse_text;       /* parse the built-in rule text, not its image */
} cli_engine_args;

/*
 * If argv[*i] is --kb, --strategy or --kb-image (or --kb=DIR ...), stores
 * it in `args`, advances *i past its value and returns 1; returns 0 when
 * argv[*i] is not one of them, -1 (after printing a message) when its value
 * is missing.
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

/* The built-in rule base compiled at build time (kb_image.c, generated),
 * loaded when neither --kb nor --kb-image is given; size 0 in a binary that
 * embeds none (oncorules-text, which compiles it). */
extern const unsigned char cli_kb_image[];
extern const size_t cli_kb_image_size;

/* Grows and populates the heap once, before the first engine (heap.c). */
void cli_heap_prefault(void);

/* Opens an engine for `args`, printing the error and returning NULL on
 * failure; *status is set to the exit status to use then. */
onco_engine *cli_engine_open(const cli_engine_args *args, int *status);

/* Reads a whole file ("-" for stdin) into a NUL-terminated buffer the
 * caller frees; NULL (with errno set) on failure. */
char *cli_read_file(const char *path, size_t *length);

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
int cli_serve(int argc, char **argv); /* cli/serve/serve.c */

#endif
