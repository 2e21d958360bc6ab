/* fhir_to_case.c: `oncorules fhir-to-case BUNDLE.json [--as-of DATE]`:
 * what the FHIR reader makes of a bundle, to check the mapping by eye. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *out)
{
	fputs("usage: oncorules fhir-to-case BUNDLE.json [--as-of DATE]\n"
	      "\n"
	      "Reads a FHIR R4 Bundle (\"-\" reads standard input) the way evaluate --fhir\n"
	      "does and prints, as JSON, the case it makes and the source record: where\n"
	      "each fact came from, what was not understood or not used and why, and\n"
	      "the conflicts left out of the case (docs/fhir-mapping.md). --as-of DATE\n"
	      "(YYYY-MM-DD) is the date ages and days are counted to; without it the\n"
	      "bundle's timestamp, and without that such facts are left out and listed.\n"
	      "Exit status: 0 a case was read, 2 no case could be made or usage,\n"
	      "3 internal error.\n",
	      out);
}

int cli_fhir_to_case(int argc, char **argv)
{
	cli_fhir_args fhir = {0};
	onco_fhir_options opts;
	onco_case_issues issues = {0};
	onco_fhir_record *record = NULL;
	const char *path = NULL;
	char *text, *doc = NULL;
	size_t length;
	int i, r, rc, status;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return CLI_EXIT_OK;
		}
		r = cli_fhir_arg(&fhir, argc, argv, &i);
		if (r < 0)
			return CLI_EXIT_USAGE;
		if (r > 0 && !fhir.fhir)
			continue;
		if (r > 0 || path != NULL || (argv[i][0] == '-' && argv[i][1] != '\0')) {
			fprintf(stderr, "oncorules fhir-to-case: unexpected argument '%s'\n", argv[i]);
			usage(stderr);
			return CLI_EXIT_USAGE;
		}
		path = argv[i];
	}
	if (path == NULL) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	onco_fhir_options_default(&opts);
	opts.as_of = fhir.as_of;
	text = cli_read_file(path, opts.limits.max_bytes, &length);
	if (text == NULL && errno == EFBIG) {
		fprintf(stderr, "oncorules fhir-to-case: %s is larger than the limit of %zu bytes\n",
			path, opts.limits.max_bytes);
		return CLI_EXIT_USAGE;
	}
	if (text == NULL) {
		fprintf(stderr, "oncorules fhir-to-case: cannot read %s: %s\n", path, strerror(errno));
		return errno == ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
	}
	rc = onco_fhir_read(&record, text, length, &opts, &issues);
	if (rc == 0)
		rc = onco_fhir_case_document(record, ONCO_FHIR_PRETTY, &doc);
	else if (rc == ONCO_EINVALID && onco_fhir_issues_document(&issues, ONCO_FHIR_PRETTY, &doc) != 0)
		rc = ONCO_ENOMEM;
	if (doc != NULL)
		printf("%s\n", doc);
	else
		fprintf(stderr, "oncorules fhir-to-case: %s\n",
			issues.count > 0 ? issues.items[0].message : "out of memory");
	if (rc == 0)
		status = onco_fhir_case_json(record) != NULL ? CLI_EXIT_OK : CLI_EXIT_USAGE;
	else
		status = rc == ONCO_EINVALID ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
	free(doc);
	free(text);
	onco_case_issues_free(&issues);
	onco_fhir_record_free(record);
	return status;
}
