/* evaluate.c: `oncorules evaluate CASE.json [--json | --detail]`. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "textview.h"

static void usage(FILE *out)
{
	fputs("usage: oncorules evaluate CASE.json [--json | --detail] [--kb DIR | --kb-image FILE\n"
	      "                          --kb-image-sha256 HEX] [--strategy NAME]\n"
	      "                          [--time-limit SECONDS] [--memory-limit MIB]\n"
	      "       oncorules evaluate --fhir BUNDLE.json [--as-of DATE] [--json | --detail] ...\n"
	      "\n"
	      "Evaluates one case (\"-\" reads standard input) and prints the\n"
	      "answer on one screen: the decision cards. --detail adds every\n"
	      "explanation (because-lines, JSON pointers, quotes, rules); --json\n"
	      "prints the result document instead (docs/output-format.md).\n"
	      "\n"
	      "  --fhir            the input is a FHIR R4 Bundle, read into a case\n"
	      "                    (docs/fhir-mapping.md); the answer cites the\n"
	      "                    resources each fact came from and lists what was\n"
	      "                    not understood\n"
	      "  --as-of DATE      with --fhir: the date (YYYY-MM-DD) ages and days are\n"
	      "                    counted to (default: the bundle's timestamp)\n"
	      "  --kb DIR          the rule base in DIR (default: the built-in one)\n"
	      "  --kb-image FILE   a compiled rule base (oncorules compile), loaded\n"
	      "  --kb-image-sha256 HEX  only with the SHA-256 you trust for it\n"
	      "  --strategy NAME   conflict strategy: depth, breadth, random, ...\n"
	      "  --time-limit SECONDS, --memory-limit MIB   what the case may take\n"
	      "\n"
	      "Exit status: 0 ok, 2 invalid case or usage (a rule base that cannot\n"
	      "be read, --kb with --kb-image, an image without its SHA-256), 3\n"
	      "internal error (a rule base that does not load, a run limit, memory;\n"
	      "nothing is printed on standard output then, but a run limit's\n"
	      "error document).\n",
	      out);
}

/* Prints `result` as `view` asks: the document, or its text view built
 * whole in memory first. CLI_EXIT_OK or, when the view could not be made
 * (our own document: only memory can make it unreadable),
 * CLI_EXIT_INTERNAL with nothing printed. */
static int print_result(const char *result, cli_view view)
{
	cli_buf text = CLI_BUF_INIT;
	int rc;

	if (view == CLI_VIEW_JSON) {
		printf("%s\n", result);
		return CLI_EXIT_OK;
	}
	rc = cli_text_view(&text, result, view == CLI_VIEW_DETAIL);
	if (rc == 0)
		fputs(cli_buf_text(&text), stdout);
	else
		fputs("oncorules evaluate: out of memory\n", stderr);
	cli_buf_free(&text);
	return rc == 0 ? CLI_EXIT_OK : CLI_EXIT_INTERNAL;
}

/* A case too large to read: the same error document the engine gives for
 * one (exit 2), built without reading the rest of it. */
static int too_large(size_t length, size_t max_bytes, cli_view view)
{
	char message[160], *doc;
	int status;

	if (length > 0)
		snprintf(message, sizeof(message),
			 "case of %zu bytes is larger than the limit of %zu", length, max_bytes);
	else
		snprintf(message, sizeof(message),
			 "case of more than %zu bytes is larger than the limit of %zu "
			 "(reading stopped there)",
			 max_bytes, max_bytes);
	doc = cli_error_document("", message, 1);
	if (doc == NULL) {
		fputs("oncorules evaluate: out of memory\n", stderr);
		return CLI_EXIT_INTERNAL;
	}
	status = print_result(doc, view);
	free(doc);
	return status == CLI_EXIT_OK ? CLI_EXIT_USAGE : status;
}

int cli_evaluate_case(onco_engine *engine, const char *text, size_t length,
		      const onco_fhir_options *fhir, cli_view view)
{
	char *result = NULL;
	onco_error err;
	int rc, status;

	if (fhir != NULL)
		rc = onco_engine_evaluate_fhir(engine, text, length, fhir, ONCO_JSON_PRETTY,
					       &result, &err);
	else
		rc = onco_engine_evaluate(engine, text, length, ONCO_JSON_PRETTY, &result, &err);
	if (result == NULL) {
		fprintf(stderr, "oncorules evaluate: %s\n", err.message);
		return rc == ONCO_EINVALID ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
	}
	status = print_result(result, view);
	free(result);
	if (status != CLI_EXIT_OK || rc == 0)
		return status;
	return rc == ONCO_EINVALID ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
}

int cli_evaluate(int argc, char **argv)
{
	cli_output_args args = {0};
	cli_fhir_args fhir = {0};
	onco_fhir_options fhir_opts;
	onco_case_limits limits;
	size_t max_bytes;
	const char *path = NULL;
	int status, i, r, detail = 0;
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
		r = cli_fhir_arg(&fhir, argc, argv, &i);
		if (r < 0)
			return CLI_EXIT_USAGE;
		if (r > 0)
			continue;
		if (strcmp(argv[i], "--detail") == 0) {
			detail = 1;
			continue;
		}
		if (path != NULL || (argv[i][0] == '-' && argv[i][1] != '\0')) {
			fprintf(stderr, "oncorules evaluate: unexpected argument '%s'\n", argv[i]);
			usage(stderr);
			return CLI_EXIT_USAGE;
		}
		path = argv[i];
	}
	if (path == NULL || (fhir.as_of != NULL && !fhir.fhir)) {
		if (path != NULL)
			fputs("oncorules evaluate: --as-of goes with --fhir\n", stderr);
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	onco_case_limits_default(&limits);
	onco_fhir_options_default(&fhir_opts);
	fhir_opts.as_of = fhir.as_of;
	max_bytes = fhir.fhir ? fhir_opts.limits.max_bytes : limits.max_bytes;
	text = cli_read_file(path, max_bytes, &length);
	if (text == NULL && errno == EFBIG)
		return too_large(length, max_bytes, args.json ? CLI_VIEW_JSON
					   : detail ? CLI_VIEW_DETAIL : CLI_VIEW_CARDS);
	if (text == NULL) {
		fprintf(stderr, "oncorules evaluate: cannot read %s: %s\n", path, strerror(errno));
		return errno == ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
	}
	engine = cli_engine_open(&args.engine, &status);
	if (engine == NULL) {
		free(text);
		return status;
	}
	status = cli_evaluate_case(engine, text, length, fhir.fhir ? &fhir_opts : NULL,
				   args.json ? CLI_VIEW_JSON
				   : detail ? CLI_VIEW_DETAIL
					    : CLI_VIEW_CARDS);
	free(text);
	cli_engine_done(engine);
	return status;
}
