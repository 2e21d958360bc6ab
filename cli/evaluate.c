/* evaluate.c: `oncorules evaluate CASE.json [--json | --detail]`. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "textview.h"

static void usage(FILE *out)
{
	fputs("usage: oncorules evaluate CASE.json [--json | --detail] [--kb DIR | --kb-image FILE]\n"
	      "                          [--strategy NAME]\n"
	      "\n"
	      "Evaluates one case (\"-\" reads standard input) and prints the\n"
	      "answer on one screen: the decision cards. --detail adds every\n"
	      "explanation (because-lines, JSON pointers, quotes, rules); --json\n"
	      "prints the result document instead (docs/output-format.md).\n"
	      "\n"
	      "  --kb DIR          the rule base in DIR (default: the built-in one)\n"
	      "  --kb-image FILE   a compiled rule base (oncorules compile)\n"
	      "  --strategy NAME   conflict strategy: depth, breadth, random, ...\n"
	      "\n"
	      "Exit status: 0 ok, 2 invalid case or usage (a rule base that cannot\n"
	      "be read, --kb with --kb-image), 3 internal error (a rule base that\n"
	      "does not load).\n",
	      out);
}

int cli_evaluate(int argc, char **argv)
{
	cli_output_args args = {0};
	const char *path = NULL;
	int status, i, r, rc, detail = 0;
	onco_engine *engine;
	onco_error err;
	char *text, *result = NULL;
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
	if (path == NULL) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	text = cli_read_file(path, &length);
	if (text == NULL) {
		fprintf(stderr, "oncorules evaluate: cannot read %s: %s\n", path, strerror(errno));
		return CLI_EXIT_USAGE;
	}
	engine = cli_engine_open(&args.engine, &status);
	if (engine == NULL) {
		free(text);
		return status;
	}
	rc = onco_engine_evaluate(engine, text, length, ONCO_JSON_PRETTY, &result, &err);
	if (result != NULL) {
		if (args.json) {
			printf("%s\n", result);
		} else {
			cli_buf view = CLI_BUF_INIT;

			if (cli_text_view(&view, result, detail) != 0) {
				fputs("oncorules evaluate: the result is not JSON\n", stderr);
				rc = ONCO_EINTERNAL;
			}
			fputs(cli_buf_text(&view), stdout);
			cli_buf_free(&view);
		}
	} else {
		fprintf(stderr, "oncorules evaluate: %s\n", err.message);
	}
	free(result);
	free(text);
	onco_engine_free(engine);
	if (rc == 0)
		return CLI_EXIT_OK;
	return rc == ONCO_EINVALID ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
}
