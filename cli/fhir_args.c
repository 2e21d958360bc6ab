/* fhir_args.c: the options of the verbs that read FHIR bundles:
 * --fhir (the input is a FHIR R4 Bundle) and --as-of DATE. */
#include <string.h>

#include "cli.h"

int cli_fhir_arg(cli_fhir_args *args, int argc, char **argv, int *i)
{
	const char *arg = argv[*i], *value;

	if (strcmp(arg, "--fhir") == 0) {
		args->fhir = 1;
		return 1;
	}
	if (strncmp(arg, "--as-of=", 8) == 0) {
		value = arg + 8;
	} else if (strcmp(arg, "--as-of") == 0) {
		if (*i + 1 >= argc) {
			fputs("oncorules: --as-of needs a date (YYYY-MM-DD)\n", stderr);
			return -1;
		}
		value = argv[++*i];
	} else {
		return 0;
	}
	if (!onco_fhir_date_valid(value)) {
		fprintf(stderr, "oncorules: --as-of '%s' is not a date written YYYY-MM-DD\n", value);
		return -1;
	}
	args->as_of = value;
	return 1;
}
