/* report.c: `oncorules report CASE.json -o FILE.html` (or --fhir BUNDLE.json,
 * or --result RESULT.json): the tumour-board
 * report as one self-contained HTML page (report.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "outfile.h"
#include "printable.h"
#include "report.h"

static void usage(FILE *out)
{
	fputs("usage: oncorules report CASE.json -o FILE.html [--kb DIR | --kb-image FILE\n"
	      "                        --kb-image-sha256 HEX] [--strategy NAME]\n"
	      "                        [--time-limit SECONDS] [--memory-limit MIB]\n"
	      "       oncorules report --fhir BUNDLE.json [--as-of DATE] -o FILE.html ...\n"
	      "       oncorules report --result RESULT.json -o FILE.html\n"
	      "\n"
	      "Evaluates one case (\"-\" reads standard input) and writes the\n"
	      "tumour-board report: one HTML page with no script and nothing to\n"
	      "load, to show on a screen or print on A4. The decision cards in\n"
	      "order, critical warnings first, each option opening to its\n"
	      "explanation and graph (case facts, findings, rule, quotes,\n"
	      "conclusion), what is ruled out, missing facts as a checklist.\n"
	      "--fhir reads a FHIR R4 Bundle into the case (docs/fhir-mapping.md):\n"
	      "the page adds the source record (the bundle, conflicts, what was not\n"
	      "understood) and the resource beside each fact of an explanation.\n"
	      "--result renders a result document saved by `evaluate --json` (or a\n"
	      "line of `batch`) instead of evaluating a case. -o - writes the page\n"
	      "to standard output. The page is written to a temporary file and\n"
	      "renamed to FILE.html once complete (docs/report.md).\n"
	      "\n"
	      "  -o FILE           where the page goes (required)\n"
	      "  --fhir            the input is a FHIR R4 Bundle\n"
	      "  --as-of DATE      with --fhir: the date (YYYY-MM-DD) ages and days are\n"
	      "                    counted to (default: the bundle's timestamp)\n"
	      "  --kb DIR          the rule base in DIR (default: the built-in one)\n"
	      "  --kb-image FILE   a compiled rule base (oncorules compile), loaded\n"
	      "  --kb-image-sha256 HEX  only with the SHA-256 you trust for it\n"
	      "  --strategy NAME   conflict strategy: depth, breadth, random, ...\n"
	      "  --time-limit SECONDS, --memory-limit MIB   what the case may take\n"
	      "\n"
	      "Exit status: 0 written, 2 usage, an invalid case (its page lists the\n"
	      "errors) or FILE cannot be made there, 3 internal error (a rule base\n"
	      "that does not load, a write that failed).\n",
	      out);
}

/* Writes the page to `path` ("-": standard output). Returns the exit
 * status. */
static int write_page(const char *path, const char *page, size_t n)
{
	char why[512];
	cli_outfile_error rc;

	if (strcmp(path, "-") == 0) {
		if (fwrite(page, 1, n, stdout) != n || fflush(stdout) != 0) {
			fprintf(stderr, "oncorules report: cannot write the page: %s\n",
				strerror(errno));
			return CLI_EXIT_INTERNAL;
		}
		return CLI_EXIT_OK;
	}
	rc = cli_outfile_write(path, page, n, CLI_OUTFILE_SYNC, why, sizeof(why));
	if (rc == CLI_OUTFILE_OK)
		return CLI_EXIT_OK;
	fprintf(stderr, "oncorules report: %s\n", why);
	return rc == CLI_OUTFILE_PLACE ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
}

/* A saved result is read up to this size (a case or a bundle: up to its
 * size limit). */
#define RESULT_MAX_BYTES ((size_t)64 << 20)

/* The page of `result` (owned, freed here), written to `output`; `status`
 * is the exit status so far (2 for an invalid case, whose page lists the
 * errors). Returns the exit status. */
static int render(char *result, int saved, int status, const char *output)
{
	html_out page = HTML_OUT_INIT;
	cli_graphs *graphs;
	char why[256];
	int read, written;

	graphs = cli_graphs_open(why, sizeof(why));
	if (graphs == NULL)
		fprintf(stderr, "oncorules report: Graphviz did not start (%s): the page has no graphs\n",
			why);
	read = cli_report_page(&page, result, graphs);
	if (read == -3) {
		/* Graphviz installed but failing (its memory ran out, most
		 * likely): a page without the graph would be another answer. */
		fprintf(stderr, "oncorules report: %s; no page written\n",
			cli_graphs_failure(graphs));
		status = CLI_EXIT_INTERNAL;
	} else if (read == -2) {
		fputs("oncorules report: out of memory\n", stderr);
		status = CLI_EXIT_INTERNAL;
	} else if (read != 0) {
		fputs(saved ? "oncorules report: the result is not a JSON object\n"
			    : "oncorules report: the engine's result is not a JSON object\n",
		      stderr);
		status = saved ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
	} else {
		written = write_page(output, html_page(&page), html_length(&page));
		if (written != CLI_EXIT_OK)
			status = written;
	}
	cli_graphs_free(graphs);
	html_free(&page);
	free(result);
	return status;
}

int cli_report_case(onco_engine *engine, const char *text, size_t length,
		    const onco_fhir_options *fhir, const char *output)
{
	onco_error err;
	char *result = NULL;
	int rc;

	if (fhir != NULL)
		rc = onco_engine_evaluate_fhir(engine, text, length, fhir, 0, &result, &err);
	else
		rc = onco_engine_evaluate(engine, text, length, 0, &result, &err);
	if (result == NULL) {
		fprintf(stderr, "oncorules report: %s\n", err.message);
		return rc == ONCO_EINVALID ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
	}
	return render(result, 0,
		      rc == 0 ? CLI_EXIT_OK : rc == ONCO_EINVALID ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL,
		      output);
}

/* Reads the input and makes its page. */
static int report(const cli_output_args *args, const cli_fhir_args *fhir, const char *path,
		  int saved, const char *output)
{
	onco_engine *engine;
	onco_fhir_options options;
	onco_case_limits limits;
	char *text, *result, message[160];
	size_t length, max_bytes;
	int status;
	char *shown;

	onco_case_limits_default(&limits);
	onco_fhir_options_default(&options);
	options.as_of = fhir->as_of;
	max_bytes = saved ? RESULT_MAX_BYTES : fhir->fhir ? options.limits.max_bytes : limits.max_bytes;
	text = cli_read_file(path, max_bytes, &length);
	if (text == NULL && errno == EFBIG && !saved) {
		/* As evaluate answers it: an error document, here its page. */
		snprintf(message, sizeof(message), "case of %s%zu bytes is larger than the limit of %zu",
			 length > 0 ? "" : "more than ", length > 0 ? length : max_bytes, max_bytes);
		result = cli_error_document("", message, 0);
		if (result == NULL) {
			fputs("oncorules report: out of memory\n", stderr);
			return CLI_EXIT_INTERNAL;
		}
		return render(result, 0, CLI_EXIT_USAGE, output);
	}
	if (text == NULL) {
		int error = errno;

		shown = cli_printable(path);
		fprintf(stderr, "oncorules report: cannot read %s: %s\n", shown, strerror(error));
		free(shown);
		return error == ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
	}
	if (saved)
		return render(text, 1, CLI_EXIT_OK, output);
	engine = cli_engine_open(&args->engine, &status);
	if (engine == NULL) {
		free(text);
		return status;
	}
	status = cli_report_case(engine, text, length, fhir->fhir ? &options : NULL, output);
	free(text);
	onco_engine_free(engine);
	return status;
}

int cli_report(int argc, char **argv)
{
	cli_output_args args = {0};
	cli_fhir_args fhir = {0};
	const char *path = NULL, *output = NULL;
	int i, r, saved = 0;

	for (i = 1; i < argc; i++) {
		r = cli_output_arg(&args, argc, argv, &i);
		if (r < 0)
			return CLI_EXIT_USAGE;
		if (args.help) {
			usage(stdout);
			return CLI_EXIT_OK;
		}
		if (r > 0 && !args.json)
			continue;
		r = cli_fhir_arg(&fhir, argc, argv, &i);
		if (r < 0)
			return CLI_EXIT_USAGE;
		if (r > 0)
			continue;
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			output = argv[++i];
			continue;
		}
		if (strcmp(argv[i], "--result") == 0) {
			saved = 1;
			continue;
		}
		if (args.json || path != NULL || (argv[i][0] == '-' && argv[i][1] != '\0')) {
			char *shown = cli_printable(argv[i]);

			fprintf(stderr, "oncorules report: unexpected argument '%s'\n", shown);
			free(shown);
			usage(stderr);
			return CLI_EXIT_USAGE;
		}
		path = argv[i];
	}
	if (path == NULL || output == NULL || (fhir.as_of != NULL && !fhir.fhir) ||
	    (fhir.fhir && saved)) {
		if (path != NULL && output == NULL)
			fputs("oncorules report: -o FILE.html is required\n", stderr);
		else if (fhir.as_of != NULL && !fhir.fhir)
			fputs("oncorules report: --as-of goes with --fhir\n", stderr);
		else if (fhir.fhir && saved)
			fputs("oncorules report: --fhir and --result exclude each other\n", stderr);
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	return report(&args, &fhir, path, saved, output);
}
