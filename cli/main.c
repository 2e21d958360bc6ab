/*
 * main.c: the `oncorules` command: dispatches to one function per verb,
 * and holds the rules every verb follows for its output.
 *
 * Every output is checked: a write, flush or close of standard output that
 * fails (a full disk, a closed pipe, a file size limit) is exit 3 with one
 * message, never exit 0 with a lost or cut answer (cli_finish). What the
 * process sets up before the verb (standard streams, output buffer,
 * SIGPIPE, stack) is in process.c, shared with `oncorules-serve`.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"

struct verb {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct verb verbs[] = {
	{"evaluate", cli_evaluate, "evaluate one case: tumour-board summary or --json"},
	{"rules", cli_rules, "list the rules with their labels and sources"},
	{"test", cli_test, "run regression case files and check their expectations"},
	{"lint", cli_lint, "check the rule base: cites, quotes, labels, findings, schema"},
	{"explain", cli_explain, "derive a case's conclusions, or --why-not OPTION"},
	{"diff", cli_diff, "what changes in the answers between two rule bases"},
	{"batch", cli_batch, "evaluate NDJSON cases: one result line per input line"},
	{"report", cli_report, "tumour-board report of one case as an HTML page"},
	{"compile", cli_compile, "write the rule base as a compiled image (--kb-image)"},
	{"fhir-to-case", cli_fhir_to_case, "read a FHIR R4 bundle: the case, what was not understood"},
	{"serve", cli_serve, "CDS Hooks service over HTTP for an EHR (docs/service.md)"},
};

static void usage(FILE *out)
{
	size_t i;

	fputs("usage: oncorules VERB [options] [arguments]\n\nverbs:\n", out);
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		fprintf(out, "  %-12s %s\n", verbs[i].name, verbs[i].summary);
	fputs("\n`oncorules VERB --help` describes a verb; `oncorules rules` shows the\n"
	      "rule base's version and hash; `oncorules --version` the program's.\n"
	      "Exit status: 0 ok, 1 findings, 2 bad input or usage, 3 internal error.\n",
	      out);
}

static int run(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("oncorules %s\n", ONCO_VERSION);
		return CLI_EXIT_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_EXIT_OK;
	}
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strcmp(argv[1], verbs[i].name) == 0)
			return verbs[i].run(argc - 1, argv + 1);
	fprintf(stderr, "oncorules: unknown verb '%s'\n", argv[1]);
	usage(stderr);
	return CLI_EXIT_USAGE;
}

int main(int argc, char **argv)
{
	int status = cli_process_start("oncorules");

	return status != CLI_EXIT_OK ? status : cli_finish(run(argc, argv));
}
