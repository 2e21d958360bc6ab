/* evaluate.c: `oncorules evaluate CASE.json [--json]`. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "summary.h"

static void usage(FILE *out)
{
	fputs("usage: oncorules evaluate CASE.json [--json] [--kb DIR | --kb-image FILE\n"
	      "                          --kb-image-sha256 HEX] [--strategy NAME]\n"
	      "                          [--time-limit SECONDS] [--memory-limit MIB]\n"
	      "\n"
	      "Evaluates one case (\"-\" reads standard input) and prints the\n"
	      "tumour-board summary, or with --json the result document\n"
	      "(docs/output-format.md).\n"
	      "Exit status: 0 ok, 2 invalid case or usage, 3 internal error (nothing\n"
	      "is printed on standard output then).\n",
	      out);
}

/* The text summary of `result`, whole, or NULL (memory ran out, or the
 * document is not one the summary reads): printed only once complete. */
static char *summary_text(const char *result)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	int rc;

	if (f == NULL)
		return NULL;
	rc = cli_summary_print(f, result);
	if (fclose(f) != 0 || rc != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* Prints `result` (JSON, or its summary). CLI_EXIT_OK or, when the summary
 * could not be made, CLI_EXIT_INTERNAL with nothing printed. */
static int print_result(const char *result, int json)
{
	char *text;

	if (json) {
		printf("%s\n", result);
		return CLI_EXIT_OK;
	}
	text = summary_text(result);
	if (text == NULL) {
		fputs("oncorules evaluate: out of memory\n", stderr);
		return CLI_EXIT_INTERNAL;
	}
	fputs(text, stdout);
	free(text);
	return CLI_EXIT_OK;
}

/* A case too large to read: the same error document the engine gives for
 * one (exit 2), built without reading the rest of it. */
static int too_large(size_t length, int json)
{
	onco_case_limits limits;
	char message[160], *doc;
	int status;

	onco_case_limits_default(&limits);
	if (length > 0)
		snprintf(message, sizeof(message),
			 "case of %zu bytes is larger than the limit of %zu", length,
			 limits.max_bytes);
	else
		snprintf(message, sizeof(message),
			 "case of more than %zu bytes is larger than the limit of %zu "
			 "(reading stopped there)",
			 limits.max_bytes, limits.max_bytes);
	doc = cli_error_document("", message, 1);
	if (doc == NULL) {
		fputs("oncorules evaluate: out of memory\n", stderr);
		return CLI_EXIT_INTERNAL;
	}
	status = print_result(doc, json);
	free(doc);
	return status == CLI_EXIT_OK ? CLI_EXIT_USAGE : status;
}

int cli_evaluate_case(onco_engine *engine, const char *text, size_t length, int json)
{
	char *result = NULL;
	onco_error err;
	int rc, status;

	rc = onco_engine_evaluate(engine, text, length, ONCO_JSON_PRETTY, &result, &err);
	if (result == NULL) {
		fprintf(stderr, "oncorules evaluate: %s\n", err.message);
		return rc == ONCO_EINVALID ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
	}
	status = print_result(result, json);
	free(result);
	if (status != CLI_EXIT_OK || rc == 0)
		return status;
	return rc == ONCO_EINVALID ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
}

int cli_evaluate(int argc, char **argv)
{
	cli_output_args args = {0};
	onco_case_limits limits;
	const char *path = NULL;
	int status, i, r;
	onco_engine *engine;
	char *text;
	size_t length;

	for (i = 1; i < argc; i++) {
		r = cli_output_arg(&args, argc, argv, &i);
		if (r < 0)
			return CLI_EXIT_USAGE;
		if (args.help) {
			usage(stdout);
			return CLI_EXIT_OK;
		}
		if (r > 0)
			continue;
		if (path != NULL || (argv[i][0] == '-' && argv[i][1] != '\0')) {
			fprintf(stderr, "oncorules evaluate: unexpected argument '%s'\n", argv[i]);
			usage(stderr);
			return CLI_EXIT_USAGE;
		}
		path = argv[i];
	}
	if (path == NULL) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	onco_case_limits_default(&limits);
	text = cli_read_file(path, limits.max_bytes, &length);
	if (text == NULL && errno == EFBIG)
		return too_large(length, args.json);
	if (text == NULL) {
		fprintf(stderr, "oncorules evaluate: cannot read %s: %s\n", path, strerror(errno));
		return errno == ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
	}
	engine = cli_engine_open(&args.engine, &status);
	if (engine == NULL) {
		free(text);
		return status;
	}
	status = cli_evaluate_case(engine, text, length, args.json);
	free(text);
	onco_engine_free(engine);
	return status;
}
