/* lint.c: `oncorules lint [--kb DIR] [--map FILE]`: checks the rule base
 * and prints each finding as `file:line: error: message`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "cli.h"
#include "strbuf.h"

static const char usage_text[] =
	"usage: oncorules lint [--kb DIR] [--map FILE]\n"
	"\n"
	"Checks the rule base (the built-in one, or DIR) without running a case:\n"
	"CLIPS load errors, cites, sources and verbatim quotes, knowledge-map\n"
	"labels, finding definitions, schema slots and symbols, I/O, salience,\n"
	"`not` over derived facts, rules that can never fire, duplicate rules.\n"
	"\n"
	"  --kb DIR      the rule base to check (default: built in)\n"
	"  --map FILE    the knowledge map whose labels citations use (default:\n"
	"                the rule base's own knowledge-map.md)\n"
	"\n"
	"Exit status: 0 no error (warnings allowed), 1 errors, 2 usage,\n"
	"3 internal error.\n";

/* CLIPS's message on one line, without the echo of the construct that
 * follows "ERROR:" (the file and line already point at it). */
static char *one_line(char *message)
{
	char *cut = strstr(message, "ERROR:"), *in, *out = message;
	int space = 0;

	if (cut != NULL && cut != message)
		*cut = '\0';
	for (in = message; *in != '\0'; in++) {
		if (*in == '\n' || *in == ' ' || *in == '\t' || *in == '\r') {
			space = out != message;
			continue;
		}
		if (space)
			*out++ = ' ';
		space = 0;
		*out++ = *in;
	}
	*out = '\0';
	return message;
}

/* CLIPS's own load errors, as a finding. Returns 1 when the rule base does
 * not load, 0 when it does, -1 for a folder that cannot be read. */
static int load_check(const cli_engine_args *args)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;

	memset(&err, 0, sizeof(err));
	onco_engine_options_default(&opts);
	opts.kb_dir = args->kb_dir;
	if (onco_engine_open(&engine, &opts, &err) == 0) {
		onco_engine_free(engine);
		return 0;
	}
	if (err.code == ONCO_EIO) {
		fprintf(stderr, "oncorules lint: %s\n", err.message);
		return -1;
	}
	printf("%s:%ld: error: CLIPS: %s\n", err.file[0] ? err.file : "(rule base)", err.line,
	       one_line(err.message));
	return 1;
}

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

		printf("%s:%d: %s: %s\n",
		       cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "file")),
		       cJSON_GetObjectItemCaseSensitive(f, "line")->valueint, severity,
		       cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "message")));
		if (strcmp(severity, "error") == 0)
			++*errors;
		else
			++*warnings;
	}
	cJSON_Delete(doc);
	return 0;
}

/* Whether the report holds a call outside the allow-list (check
 * "function"): the engine refuses such a rule base at load, for the same
 * reason lint lists call by call, so the load check would only repeat it. */
static int calls_refused(const char *json)
{
	cJSON *doc = cJSON_Parse(json), *f;
	int found = 0;

	cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(doc, "findings")) {
		const char *check = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(f, "check"));
		found |= check != NULL && strcmp(check, "function") == 0;
	}
	cJSON_Delete(doc);
	return found;
}

int cli_lint(int argc, char **argv)
{
	cli_engine_args args = {0};
	onco_lint_options opts = {NULL, NULL};
	const char *map_arg = NULL;
	char *json = NULL;
	onco_error err;
	int i, r, errors = 0, warnings = 0, loaded;

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
	opts.kb_dir = args.kb_dir;
	opts.map_path = map_arg;
	memset(&err, 0, sizeof(err));
	if (onco_kb_lint(&json, &opts, &err) != 0) {
		fprintf(stderr, "oncorules lint: %s\n", err.message);
		return err.code == ONCO_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
	}
	loaded = calls_refused(json) ? 0 : load_check(&args);
	if (loaded < 0) {
		free(json);
		return CLI_EXIT_USAGE;
	}
	errors += loaded;
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
