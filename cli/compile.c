/*
 * compile.c: `oncorules compile -o FILE [--kb DIR]`: writes the rule base
 * (built in, or the one in DIR) as a compiled image that `--kb-image FILE`
 * loads without parsing rule text (engine/image.c).
 */
#include <string.h>

#include "cli.h"

static void compile_usage(FILE *out)
{
	fputs("usage: oncorules compile -o FILE [--kb DIR]\n"
	      "\n"
	      "Writes the rule base (built in, or DIR) as a compiled image. Other\n"
	      "verbs load it with --kb-image FILE and skip parsing the rules; the\n"
	      "results are the same bytes. An image is tied to the oncorules build\n"
	      "(CLIPS version) that wrote it: compile again after an upgrade.\n",
	      out);
}

int cli_compile(int argc, char **argv)
{
	cli_engine_args eargs = {0};
	const char *output = NULL;
	onco_engine *engine;
	onco_error err;
	int i, r, status;

	for (i = 1; i < argc; i++) {
		r = cli_engine_arg(&eargs, argc, argv, &i);
		if (r < 0)
			return CLI_EXIT_USAGE;
		if (r > 0)
			continue;
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			compile_usage(stdout);
			return CLI_EXIT_OK;
		}
		if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
			output = argv[++i];
			continue;
		}
		fprintf(stderr, "oncorules compile: unexpected argument '%s'\n", argv[i]);
		compile_usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (output == NULL || eargs.kb_image != NULL) {
		compile_usage(stderr);
		return CLI_EXIT_USAGE;
	}
	eargs.parse_text = 1; /* an image keeps no pretty-print forms to copy */
	engine = cli_engine_open(&eargs, &status);
	if (engine == NULL)
		return status;
	if (onco_engine_save_image(engine, output, &err) != 0) {
		fprintf(stderr, "oncorules compile: %s\n", err.message);
		status = err.code == ONCO_EIO ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
	}
	onco_engine_free(engine);
	return status;
}
