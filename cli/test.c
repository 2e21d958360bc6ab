/* test.c: `oncorules test CASES...`: runs regression case files and checks
 * their expectations (docs/rule-authoring.md, "Regression cases"). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cJSON.h>

#include "casefiles.h"
#include "changed.h"
#include "cli.h"
#include "coverage.h"
#include "expect.h"
#include "golden.h"
#include "junit.h"
#include "kbmap.h"
#include "printable.h"

typedef struct test_args {
	cli_engine_args engine;
	const char *junit;
	const char *golden;
	int update_golden;
	int verbose;
	int coverage;           /* --coverage or --min-coverage */
	double min_coverage;    /* percent of rules that must fire */
	const char *map;        /* --map FILE */
	cli_coverage *counts;   /* the coverage being counted, when asked */
	cli_expect_kb *kb;      /* what the rule base can conclude, its labels */
	int changed;            /* --changed: only what the edits can affect */
	const char *state;      /* --state FILE of --changed */
	cli_changed *since;     /* the last run's state, with --changed */
	char **paths;
	int npaths;
} test_args;

/* How a case file ends (and its JUnit outcome). */
enum { CASE_PASS = CLI_JUNIT_PASS, CASE_FAIL = CLI_JUNIT_FAILURE,
       CASE_ERROR = CLI_JUNIT_ERROR, CASE_UNCHANGED };

static const char usage_text[] =
	"usage: oncorules test [options] CASES...\n"
	"\n"
	"Runs regression case files (files or folders, searched for *.json) and\n"
	"checks each expectation; ends with one line that says how the run went:\n"
	"`N passed, N failed` (`, N errors` for case files that are themselves\n"
	"wrong; `, N skipped` with --changed), then, with --coverage, whether\n"
	"every rule fired.\n"
	"\n"
	"  --kb DIR           run another rule base\n"
	"  --strategy NAME    conflict strategy: depth, breadth, random, ...\n"
	"  --junit FILE       write a JUnit XML report, one testcase per case file\n"
	"  --golden DIR       also compare each whole result with DIR/<case path>\n"
	"  --update-golden    write the golden results instead of comparing\n"
	"  --coverage         report how often each rule fired and each\n"
	"                     knowledge-map label was concluded, and what never was\n"
	"  --min-coverage N   fail (status 1) when under N%% of the rules fired\n"
	"                     (rules fired at least once / all rules); implies --coverage\n"
	"  --map FILE         the knowledge map for label coverage and the labels\n"
	"                     of case files (default: the rule base's own)\n"
	"  --changed          run only the case files that changed, did not pass,\n"
	"                     or that the rule files changed since the last\n"
	"                     --changed run can affect (see --state)\n"
	"  --state FILE       where --changed keeps the last run's state (default:\n"
	"                     .oncorules-test-state; delete it to run everything)\n"
	"  -v, --verbose      name the cases that pass too\n"
	"\n"
	"A case file is in error (not a failure) when it cannot be read, is not\n"
	"JSON, is not a regression case file, or expects an id no rule can\n"
	"conclude or a label the knowledge map does not have.\n"
	"\n"
	"Exit status: 0 all pass, 1 a case failed or coverage is under the\n"
	"minimum, 2 usage or a case file in error, 3 the rule base failed to load.\n";

static int parse_args(test_args *a, int argc, char **argv)
{
	int i, r;

	memset(a, 0, sizeof(*a));
	a->paths = calloc((size_t)argc, sizeof(*a->paths));
	if (a->paths == NULL)
		return -1;
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if ((r = cli_engine_arg(&a->engine, argc, argv, &i)) != 0) {
			if (r < 0)
				return -1;
		} else if ((strcmp(arg, "--junit") == 0 || strcmp(arg, "--golden") == 0) &&
			   i + 1 < argc) {
			*(arg[2] == 'j' ? &a->junit : &a->golden) = argv[++i];
		} else if (strcmp(arg, "--coverage") == 0) {
			a->coverage = 1;
		} else if (strcmp(arg, "--min-coverage") == 0 && i + 1 < argc) {
			char *end;

			a->coverage = 1;
			a->min_coverage = strtod(argv[++i], &end);
			if (*end != '\0' || a->min_coverage < 0 || a->min_coverage > 100) {
				fprintf(stderr, "oncorules test: --min-coverage takes a percentage, not %s\n",
					argv[i]);
				return -1;
			}
		} else if (strcmp(arg, "--map") == 0 && i + 1 < argc) {
			a->map = argv[++i];
		} else if (strcmp(arg, "--changed") == 0) {
			a->changed = 1;
		} else if (strcmp(arg, "--state") == 0 && i + 1 < argc) {
			a->state = argv[++i];
			a->changed = 1;
		} else if (strcmp(arg, "--update-golden") == 0) {
			a->update_golden = 1;
		} else if (strcmp(arg, "-v") == 0 || strcmp(arg, "--verbose") == 0) {
			a->verbose = 1;
		} else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			fputs(usage_text, stdout);
			exit(CLI_EXIT_OK);
		} else if (arg[0] == '-' && arg[1] != '\0') {
			fprintf(stderr, "oncorules test: unknown option or missing value: %s\n", arg);
			return -1;
		} else {
			a->paths[a->npaths++] = argv[i];
		}
	}
	if (a->npaths == 0) {
		fputs("oncorules test: no case files given\n", stderr);
		return -1;
	}
	if (a->update_golden && a->golden == NULL) {
		fputs("oncorules test: --update-golden needs --golden DIR\n", stderr);
		return -1;
	}
	if (a->changed && a->coverage) {
		fputs("oncorules test: --changed runs part of the cases; coverage needs them all\n",
		      stderr);
		return -1;
	}
	return 0;
}

/* The result as golden text: pretty JSON without `knowledge_base`, whose
 * version and checksum change with every edit of any rule and would make
 * every golden file differ. */
static char *golden_text(cJSON *result)
{
	cJSON *copy = cJSON_Duplicate(result, 1);
	char *text, *out;

	if (copy == NULL)
		return NULL;
	cJSON_DeleteItemFromObjectCaseSensitive(copy, "knowledge_base");
	text = cJSON_Print(copy);
	cJSON_Delete(copy);
	if (text == NULL)
		return NULL;
	out = malloc(strlen(text) + 2);
	if (out != NULL)
		strcat(strcpy(out, text), "\n");
	cJSON_free(text);
	return out;
}

/* Keeps the case's input as JSON text in *input (NULL when the file has
 * none), then makes the strings of `doc` printable: the report quotes the
 * case file, and the case must be evaluated as written. */
static int take_input(cJSON *doc, char **input, cli_buf *report)
{
	const cJSON *in = cJSON_GetObjectItemCaseSensitive(doc, "input");

	*input = NULL;
	if (in != NULL && (*input = cJSON_PrintUnformatted(in)) == NULL) {
		cli_buf_puts(report, "  out of memory\n");
		return 1;
	}
	cli_json_printable(doc);
	return 0;
}

/* Evaluates the case of `doc` and checks its expectations (and golden
 * result); appends why it fails to `report`. Returns the number of unmet
 * expectations; *guidelines gets the result's guidelines (NULL when the
 * case was not evaluated), owned by the caller. */
static int check_case(onco_engine *engine, const test_args *a,
		      const cli_case_file *file, const cJSON *doc, const char *input,
		      cli_buf *report, cJSON **guidelines)
{
	char *output = NULL, *golden = NULL;
	cJSON *result = NULL;
	onco_error err;
	int status, problems = 0;

	memset(&err, 0, sizeof(err));
	*guidelines = NULL;
	status = onco_engine_evaluate(engine, input, strlen(input), 0, &output, &err);
	if (output != NULL)
		result = cJSON_Parse(output);
	if (status == 0 && a->counts != NULL)
		cli_coverage_add(a->counts, engine);
	if (a->golden != NULL && result != NULL && (golden = golden_text(result)) == NULL)
		problems++, cli_buf_puts(report, "  out of memory\n");
	cli_json_printable(result);
	{
		char *message = cli_printable(err.message);

		problems += cli_expect_check(report, cJSON_GetObjectItemCaseSensitive(doc, "expect"),
					     status, result, message);
		free(message);
	}
	if (golden != NULL)
		problems += cli_golden_check(report, a->golden, file->relative, golden,
					     a->update_golden);
	*guidelines = cJSON_DetachItemFromObjectCaseSensitive(result, "guidelines");
	free(golden);
	cJSON_Delete(result);
	free(output);
	return problems;
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* "byte 36 (line 2, column 5)" for a byte offset of `text`. */
static void where_in_text(cli_buf *b, const char *text, size_t offset)
{
	size_t i, line = 1, column = 1;

	for (i = 0; i < offset && text[i] != '\0'; i++) {
		if (text[i] == '\n')
			line++, column = 1;
		else
			column++;
	}
	cli_buf_printf(b, "byte %zu (line %zu, column %zu)", offset, line, column);
}

/* The golden text of a case file, for --changed to notice its edits. */
static char *golden_of(const test_args *a, const cli_case_file *file)
{
	cli_buf path = CLI_BUF_INIT;
	size_t length;
	char *text;

	if (a->golden == NULL || a->update_golden)
		return NULL;
	cli_buf_printf(&path, "%s/%s", a->golden, file->relative);
	text = cli_read_file(cli_buf_text(&path), CLI_FILE_MAX, &length);
	cli_buf_free(&path);
	return text;
}

/* Reads and checks one case file: CASE_PASS, CASE_FAIL (an expectation not
 * met), CASE_ERROR (the file itself is wrong) or CASE_UNCHANGED (--changed,
 * and nothing it depends on changed). */
static int run_file(onco_engine *engine, test_args *a, const cli_case_file *file,
		    cli_junit *junit)
{
	cli_buf report = CLI_BUF_INIT;
	double start = now();
	size_t length;
	char *text = cli_read_file(file->path, CLI_FILE_MAX, &length), *golden = golden_of(a, file);
	char *input = NULL;
	cJSON *doc = NULL, *guidelines = NULL;
	const cJSON *d;
	const char *end = NULL;
	int outcome = CASE_PASS;

	if (text == NULL) {
		cli_buf_printf(&report, "  cannot read the file: %s\n", strerror(errno));
		outcome = CASE_ERROR;
	} else if ((doc = cJSON_ParseWithOpts(text, &end, 1)) == NULL) {
		cli_buf_puts(&report, "  not JSON: the text goes wrong at ");
		where_in_text(&report, text, end != NULL ? (size_t)(end - text) : 0);
		cli_buf_puts(&report, "\n");
		outcome = CASE_ERROR;
	} else if (take_input(doc, &input, &report) != 0 ||
		   cli_expect_check_case(&report, doc) +
				   (a->kb != NULL ? cli_expect_check_kb(&report, doc, a->kb) : 0) >
			   0) {
		outcome = CASE_ERROR;
	} else if (a->since != NULL && !cli_changed_needed(a->since, file->path, text, golden)) {
		outcome = CASE_UNCHANGED;
	} else if (check_case(engine, a, file, doc, input, &report, &guidelines) > 0) {
		outcome = CASE_FAIL;
	}
	d = cJSON_GetObjectItemCaseSensitive(doc, "description");
	if (outcome == CASE_FAIL || outcome == CASE_ERROR) {
		char *shown = cli_printable(file->path);

		printf("%s %s\n", outcome == CASE_FAIL ? "FAIL" : "ERROR", shown);
		free(shown);
		if (cJSON_IsString(d)) {
			shown = cli_printable(d->valuestring);
			printf("  %s\n", shown);
			free(shown);
		}
		if (outcome == CASE_ERROR)
			puts("  the case file is wrong (fix it; it was not run):");
		fputs(cli_buf_text(&report), stdout);
		putchar('\n');
	} else if (a->verbose) {
		char *shown = cli_printable(file->path);

		printf("%s %s\n", outcome == CASE_PASS ? "ok  " : "same", shown);
		free(shown);
	}
	if (junit != NULL && outcome != CASE_UNCHANGED)
		cli_junit_add(junit, file->group, file->name, now() - start,
			      cJSON_IsString(d) ? d->valuestring : NULL, outcome,
			      cli_buf_text(&report));
	if (a->since != NULL && outcome != CASE_UNCHANGED)
		cli_changed_record(a->since, file->path, text, golden, outcome, guidelines);
	cJSON_Delete(guidelines);
	cJSON_Delete(doc);
	cJSON_free(input);
	free(text);
	free(golden);
	cli_buf_free(&report);
	return outcome;
}

/* "oncorules test (strategy depth)": one JUnit suite name per strategy, so
 * that CI keeps the reports of the strategies apart. */
static void suite_name(cli_buf *b, const test_args *a)
{
	cli_buf_printf(b, "oncorules test (strategy %s)",
		       a->engine.strategy != NULL ? a->engine.strategy : "depth");
}

static void iso_time(char *out, size_t size)
{
	time_t t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || strftime(out, size, "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		snprintf(out, size, "1970-01-01T00:00:00");
}

/* The options that change a result besides the rule base and the case. */
static void options_key(cli_buf *b, const test_args *a)
{
	cli_buf_printf(b, "strategy=%s golden=%s",
		       a->engine.strategy != NULL ? a->engine.strategy : "depth",
		       a->golden != NULL ? a->golden : "-");
}

int cli_test(int argc, char **argv)
{
	test_args a;
	cli_case_files files;
	cli_junit junit = CLI_JUNIT_INIT;
	cli_buf verdict = CLI_BUF_INIT, text = CLI_BUF_INIT;
	onco_engine *engine;
	int status = CLI_EXIT_OK, count[CASE_UNCHANGED + 1] = {0, 0, 0, 0};
	char started[32];
	size_t i;

	if (parse_args(&a, argc, argv) != 0) {
		free(a.paths);
		fputs("`oncorules test --help` describes the options.\n", stderr);
		return CLI_EXIT_USAGE;
	}
	if (a.junit != NULL && cli_junit_writable(a.junit) != 0) {
		fprintf(stderr, "oncorules test: cannot write %s: %s\n", a.junit, strerror(errno));
		free(a.paths);
		return CLI_EXIT_USAGE;
	}
	iso_time(started, sizeof(started));
	if (cli_case_files_collect(&files, a.paths, a.npaths) != 0)
		status = CLI_EXIT_USAGE;
	engine = cli_engine_open(&a.engine, &status);
	if (engine == NULL) {
		cli_case_files_free(&files);
		free(a.paths);
		return status;
	}
	a.kb = cli_expect_kb_new(engine, a.map);
	if (a.coverage) {
		a.counts = cli_coverage_new(engine, a.map);
		if (a.counts == NULL)
			status = CLI_EXIT_INTERNAL;
	}
	if (a.changed) {
		options_key(&text, &a);
		a.since = cli_changed_open(a.state != NULL ? a.state : ".oncorules-test-state",
					   engine, cli_buf_text(&text));
	}
	if (files.count == 0 && status == CLI_EXIT_OK) {
		fputs("oncorules test: no *.json case file found\n", stderr);
		status = CLI_EXIT_USAGE;
	}
	for (i = 0; i < files.count; i++)
		count[run_file(engine, &a, &files.items[i], a.junit != NULL ? &junit : NULL)]++;
	if (count[CASE_ERROR] > 0 && status == CLI_EXIT_OK)
		status = CLI_EXIT_USAGE;
	if (a.junit != NULL) {
		cli_buf_free(&text);
		suite_name(&text, &a);
		if (cli_junit_write(&junit, a.junit, cli_buf_text(&text), started) != 0) {
			fprintf(stderr, "oncorules test: cannot write %s: %s\n", a.junit,
				strerror(errno));
			status = CLI_EXIT_USAGE;
		}
	}
	if (a.since != NULL && cli_changed_save(a.since) != 0)
		fprintf(stderr, "oncorules test: cannot write the state of --changed: %s\n",
			strerror(errno));
	if (a.counts != NULL && cli_coverage_report(a.counts, stdout, a.min_coverage, &verdict) &&
	    status == CLI_EXIT_OK)
		status = CLI_EXIT_FINDINGS;
	/* The one last line: every count, then the coverage verdict. */
	printf("%d passed, %d failed", count[CASE_PASS], count[CASE_FAIL]);
	if (count[CASE_ERROR] > 0)
		printf(", %d error%s", count[CASE_ERROR], count[CASE_ERROR] == 1 ? "" : "s");
	if (a.changed)
		printf(", %d skipped (unchanged since the last run)", count[CASE_UNCHANGED]);
	if (verdict.length > 0)
		printf("%s %s", status == CLI_EXIT_FINDINGS && count[CASE_FAIL] == 0 ? ", but" : ";",
		       cli_buf_text(&verdict));
	putchar('\n');
	if (status == CLI_EXIT_OK && count[CASE_FAIL] > 0)
		status = CLI_EXIT_FINDINGS;
	cli_buf_free(&verdict);
	cli_buf_free(&text);
	cli_changed_free(a.since);
	cli_expect_kb_free(a.kb);
	cli_coverage_free(a.counts);
	cli_junit_free(&junit);
	onco_engine_free(engine);
	cli_case_files_free(&files);
	free(a.paths);
	return status;
}
