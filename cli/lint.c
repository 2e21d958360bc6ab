/* lint.c: `oncorules lint [--kb DIR] [--map FILE]`: checks the rule base
 * and prints each finding as `file:line: error: message`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "cli.h"
#include "strbuf.h"

static const char usage_text[] =
	"usage: oncorules lint [--kb DIR | --kb-image FILE] [--map FILE]\n"
	"\n"
	"Checks the rule base (the built-in one, or DIR) without running a case:\n"
	"CLIPS load errors, cites, sources and verbatim quotes, knowledge-map\n"
	"labels, finding definitions, schema slots and symbols, I/O, salience,\n"
	"`not` over derived facts, rules that can never fire, duplicate rules.\n"
	"\n"
	"  --kb DIR      the rule base to check (default: built in)\n"
	"  --kb-image FILE  the rule text a compiled image carries (compile)\n"
	"  --map FILE    the knowledge map whose labels citations use (default:\n"
	"                the rule base's own knowledge-map.md)\n"
	"\n"
	"Exit status: 0 no error (warnings allowed), 1 errors, 2 usage,\n"
	"3 internal error.\n";

/* Prints the findings of the lint report; -1 when it cannot be read
 * (only memory can make our own document unreadable). */
static int print_findings(const char *json, int *errors, int *warnings)
{
	cJSON *doc = cJSON_Parse(json), *f;

	if (doc == NULL)
		return -1;
	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(doc, "findings")) {
		const char *severity = cJSON_GetStringValue(
			cJSON_GetObjectItemCaseSensitive(f, "severity"));

		int line = cJSON_GetObjectItemCaseSensitive(f, "line")->valueint;
		int column = cJSON_GetObjectItemCaseSensitive(f, "column")->valueint;

		/* file:line:col, as compilers write it; a finding about the
		 * whole rule base or file has no line */
		printf("%s", cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "file")));
		if (line > 0)
			printf(":%d:%d", line, column > 0 ? column : 1);
		printf(": %s: %s\n", severity,
		       cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "message")));
		if (strcmp(severity, "error") == 0)
			++*errors;
		else
			++*warnings;
	}
	cJSON_Delete(doc);
	return 0;
}

int cli_lint(int argc, char **argv)
{
	cli_engine_args args = {0};
	onco_lint_options opts = {NULL, NULL, NULL};
	const char *map_arg = NULL;
	char *json = NULL;
	onco_error err;
	int i, r, errors = 0, warnings = 0;

	for (i = 1; i < argc; i++) {
		if ((r = cli_engine_arg(&args, argc, argv, &i)) < 0)
			return CLI_EXIT_USAGE;
		if (r > 0)
			continue;
		if (strcmp(argv[i], "--map") == 0 && i + 1 < argc) {
			map_arg = argv[++i];
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage_text, stdout);
			return CLI_EXIT_OK;
		} else {
			fprintf(stderr, "oncorules lint: unexpected argument %s\n%s", argv[i],
				usage_text);
			return CLI_EXIT_USAGE;
		}
	}
	if (cli_engine_args_check(&args) != 0)
		return CLI_EXIT_USAGE;
	opts.kb_dir = args.kb_dir;
	opts.kb_image = args.kb_image;
	opts.map_path = map_arg;
	memset(&err, 0, sizeof(err));
	if (onco_kb_lint(&json, &opts, &err) != 0) {
		fprintf(stderr, "oncorules lint: %s\n", err.message);
		return err.code == ONCO_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
	}
	if (print_findings(json, &errors, &warnings) != 0) {
		fputs("oncorules lint: out of memory\n", stderr);
		free(json);
		return CLI_EXIT_INTERNAL;
	}
	printf("%d error%s, %d warning%s\n", errors, errors == 1 ? "" : "s", warnings,
	       warnings == 1 ? "" : "s");
	free(json);
	return errors > 0 ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
}
