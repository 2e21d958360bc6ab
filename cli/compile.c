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
	      "Writes the rule base (built in, or DIR) as a compiled image and prints\n"
	      "its SHA-256 and name, as sha256sum does. Other verbs load it with\n"
	      "--kb-image FILE --kb-image-sha256 HEX and skip parsing the rules; the\n"
	      "results are the same bytes. An image is code: it is loaded only with\n"
	      "the SHA-256 you trust. It is tied to the oncorules build (CLIPS\n"
	      "version) that wrote it: compile again after an upgrade. FILE must be\n"
	      "new or a regular file (never a link or a device); it is replaced\n"
	      "whole, or not at all.\n"
	      "Exit status: 0 written, 2 usage or FILE cannot be written, 3 internal\n"
	      "error.\n",
	      out);
}

int cli_compile(int argc, char **argv)
{
	cli_engine_args eargs = {0};
	const char *output = NULL;
	onco_engine *engine;
	onco_error err;
	char sha256[65];
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
	if (onco_engine_save_image(engine, output, &err) != 0 ||
	    onco_image_sha256(output, sha256, &err) != 0) {
		fprintf(stderr, "oncorules compile: %s\n", err.message);
		status = err.code == ONCO_EIO ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
	} else {
		printf("%s  %s\n", sha256, output);
	}
	onco_engine_free(engine);
	return status;
}
