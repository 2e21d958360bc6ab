/*
 * main.c: the `oncorules` command: dispatches to one function per verb,
 * and holds the rules every verb follows for its output.
 *
 * - Every output is checked: a write, flush or close of standard output
 *   that fails (a full disk, a closed pipe, a file size limit) is exit 3
 *   with one message, never exit 0 with a lost or cut answer.
 * - SIGPIPE is ignored, deliberately: a reader that goes away (`| head`)
 *   makes writes fail with EPIPE, which is then reported like any other
 *   write error (exit 3, one message), rather than killing the process
 *   without a word. An answer that was not delivered is a failure.
 * - Standard input, output and error are open before anything else: a
 *   descriptor the shell closed (`>&-`) is opened on /dev/null read-only,
 *   so that no file the command opens later takes its number and receives
 *   the output by mistake, and writing to it fails (EBADF), as it should.
 * - A stack limit too small for CLIPS is refused up front, not met with a
 *   crash half-way.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli.h"

/* Stack the command needs: CLIPS parses and evaluates recursively (rule
 * text is refused past 256 levels of nesting, engine/calls.c). */
#define STACK_MIN (256 * 1024)

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

/* Opens /dev/null on each of descriptors 0, 1, 2 that is closed. */
static int standard_streams_open(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		/* Read-only even for 1 and 2: output to a closed descriptor must
		 * fail, not vanish. */
		if (open("/dev/null", O_RDONLY) != fd)
			return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	/* Output that is not a terminal is written in one piece at the end
	 * where it fits: a failure is then seen with its reason, and a reader
	 * never gets half an answer from a command that then fails. */
	static char output_buffer[1 << 20];
	struct rlimit stack;

	if (standard_streams_open() != 0)
		return CLI_EXIT_INTERNAL;
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, output_buffer, _IOFBF, sizeof(output_buffer));
	signal(SIGPIPE, SIG_IGN);
	if (getrlimit(RLIMIT_STACK, &stack) == 0 && stack.rlim_cur != RLIM_INFINITY &&
	    stack.rlim_cur < STACK_MIN) {
		fprintf(stderr, "oncorules: the stack limit is %lu KiB (ulimit -s); at least %d "
				"KiB is needed\n",
			(unsigned long)(stack.rlim_cur / 1024), STACK_MIN / 1024);
		return CLI_EXIT_INTERNAL;
	}
	return cli_finish(run(argc, argv));
}
