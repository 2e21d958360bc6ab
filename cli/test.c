/* test.c: `oncorules test CASES...`: runs regression case files and checks
 * their expectations (docs/rule-authoring.md, "Regression cases"). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cJSON.h>

#include "casefiles.h"
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
	char **paths;
	int npaths;
} test_args;

static const char usage_text[] =
	"usage: oncorules test [options] CASES...\n"
	"\n"
	"Runs regression case files (files or folders, searched for *.json) and\n"
	"checks each expectation; ends with the line `N passed, N failed`.\n"
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
	"  --map FILE         the knowledge map for label coverage (default:\n"
	"                     the rule base's own knowledge-map.md)\n"
	"  -v, --verbose      name the cases that pass too\n"
	"\n"
	"Exit status: 0 all pass, 1 a case failed, 2 usage or unreadable case\n"
	"file, 3 the rule base failed to load.\n";

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

/* Evaluates the case of `doc` and checks it; appends why it fails to
 * `report`. Returns the number of problems found. */
static int check_case(onco_engine *engine, const test_args *a,
		      const cli_case_file *file, const cJSON *doc, cli_buf *report)
{
	char *input = NULL, *output = NULL, *golden = NULL;
	cJSON *result = NULL;
	onco_error err;
	int status, problems;

	memset(&err, 0, sizeof(err));
	if (cJSON_GetObjectItemCaseSensitive(doc, "input") != NULL) {
		input = cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(doc, "input"));
		if (input == NULL) {
			cli_buf_puts(report, "  out of memory\n");
			return 1;
		}
	}
	/* The report quotes the case file and the result: their strings are
	 * made printable once the input is taken (and the golden text, which
	 * is JSON, made), on both sides alike. */
	cli_json_printable((cJSON *)doc);
	problems = cli_expect_check_case(report, doc);
	if (problems > 0) {
		cJSON_free(input);
		return problems;
	}
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
	free(golden);
	cJSON_Delete(result);
	free(output);
	cJSON_free(input);
	return problems;
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Runs one case file. Returns 0 pass, 1 fail, 2 unreadable. */
static int run_file(onco_engine *engine, const test_args *a,
		    const cli_case_file *file, cli_junit *junit)
{
	cli_buf report = CLI_BUF_INIT;
	double start = now();
	size_t length;
	char *text = cli_read_file(file->path, CLI_FILE_MAX, &length);
	cJSON *doc = NULL;
	const char *end = NULL;
	int outcome = 0;

	if (text == NULL) {
		cli_buf_printf(&report, "  cannot read the file: %s\n", strerror(errno));
		outcome = 2;
	} else if ((doc = cJSON_ParseWithOpts(text, &end, 1)) == NULL) {
		cli_buf_printf(&report, "  not JSON: the text goes wrong at byte %ld\n",
			       end != NULL ? (long)(end - text) : 0L);
		outcome = 2;
	} else if (check_case(engine, a, file, doc, &report) > 0) {
		outcome = 1;
	}
	if (outcome != 0) {
		const cJSON *d = cJSON_GetObjectItemCaseSensitive(doc, "description");
		char *shown = cli_printable(file->path);

		printf("FAIL %s\n", shown);
		free(shown);
		if (cJSON_IsString(d)) {
			shown = cli_printable(d->valuestring);
			printf("  %s\n", shown);
			free(shown);
		}
		fputs(cli_buf_text(&report), stdout);
		putchar('\n');
	} else if (a->verbose) {
		char *shown = cli_printable(file->path);

		printf("ok   %s\n", shown);
		free(shown);
	}
	if (junit != NULL)
		cli_junit_add(junit, file->folder, file->name, now() - start,
			      outcome != 0 ? cli_buf_text(&report) : NULL);
	cJSON_Delete(doc);
	free(text);
	cli_buf_free(&report);
	return outcome;
}

int cli_test(int argc, char **argv)
{
	test_args a;
	cli_case_files files;
	cli_junit junit = CLI_JUNIT_INIT;
	onco_engine *engine;
	int status = CLI_EXIT_OK, passed = 0, failed = 0;
	size_t i;

	if (parse_args(&a, argc, argv) != 0) {
		free(a.paths);
		fputs("`oncorules test --help` describes the options.\n", stderr);
		return CLI_EXIT_USAGE;
	}
	if (cli_case_files_collect(&files, a.paths, a.npaths) != 0)
		status = CLI_EXIT_USAGE;
	engine = cli_engine_open(&a.engine, &status);
	if (engine == NULL) {
		cli_case_files_free(&files);
		free(a.paths);
		return status;
	}
	if (a.coverage) {
		a.counts = cli_coverage_new(engine, a.map);
		if (a.counts == NULL)
			status = CLI_EXIT_INTERNAL;
	}
	if (files.count == 0 && status == CLI_EXIT_OK) {
		fputs("oncorules test: no *.json case file found\n", stderr);
		status = CLI_EXIT_USAGE;
	}
	for (i = 0; i < files.count; i++) {
		int outcome = run_file(engine, &a, &files.items[i],
				       a.junit != NULL ? &junit : NULL);

		if (outcome == 0)
			passed++;
		else
			failed++;
		if (outcome == 2)
			status = CLI_EXIT_USAGE;
	}
	if (a.junit != NULL && cli_junit_write(&junit, a.junit) != 0) {
		fprintf(stderr, "oncorules test: cannot write %s: %s\n", a.junit,
			strerror(errno));
		status = CLI_EXIT_USAGE;
	}
	if (a.counts != NULL && cli_coverage_report(a.counts, stdout, a.min_coverage) &&
	    status == CLI_EXIT_OK)
		status = CLI_EXIT_FINDINGS;
	printf("%d passed, %d failed\n", passed, failed);
	if (status == CLI_EXIT_OK && failed > 0)
		status = CLI_EXIT_FINDINGS;
	cli_coverage_free(a.counts);
	cli_junit_free(&junit);
	onco_engine_free(engine);
	cli_case_files_free(&files);
	free(a.paths);
	return status;
}
