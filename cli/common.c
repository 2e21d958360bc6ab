/* common.c: option parsing, engine opening and file reading shared by verbs. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int take_value(const char *name, const char **slot, int argc, char **argv,
		      int *i)
{
	size_t n = strlen(name);
	const char *arg = argv[*i];

	if (strncmp(arg, name, n) != 0)
		return 0;
	if (arg[n] == '=') {
		*slot = arg + n + 1;
		return 1;
	}
	if (arg[n] != '\0')
		return 0;
	if (*i + 1 >= argc) {
		fprintf(stderr, "oncorules: %s needs a value\n", name);
		return -1;
	}
	*slot = argv[++*i];
	return 1;
}

int cli_engine_arg(cli_engine_args *args, int argc, char **argv, int *i)
{
	int r = take_value("--kb", &args->kb_dir, argc, argv, i);

	if (r != 0)
		return r;
	r = take_value("--kb-image", &args->kb_image, argc, argv, i);
	if (r != 0)
		return r;
	return take_value("--strategy", &args->strategy, argc, argv, i);
}

int cli_output_arg(cli_output_args *args, int argc, char **argv, int *i)
{
	if (strcmp(argv[*i], "--json") == 0) {
		args->json = 1;
		return 1;
	}
	if (strcmp(argv[*i], "--help") == 0 || strcmp(argv[*i], "-h") == 0) {
		args->help = 1;
		return 1;
	}
	return cli_engine_arg(&args->engine, argc, argv, i);
}

int cli_engine_args_check(const cli_engine_args *args)
{
	if (args->kb_dir == NULL || args->kb_image == NULL)
		return 0;
	fputs("oncorules: --kb DIR and --kb-image FILE name two rule bases: give one\n",
	      stderr);
	return -1;
}

onco_engine *cli_engine_open(const cli_engine_args *args, int *status)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;

	if (cli_engine_args_check(args) != 0) {
		*status = CLI_EXIT_USAGE;
		return NULL;
	}
	cli_heap_prefault();
	onco_engine_options_default(&opts);
	opts.kb_dir = args->kb_dir;
	opts.kb_image = args->kb_image;
	if (args->strategy != NULL &&
	    onco_strategy_parse(&opts.strategy, args->strategy) != 0) {
		fprintf(stderr,
			"oncorules: unknown strategy '%s' (depth, breadth, random, lex, mea, simplicity, complexity)\n",
			args->strategy);
		*status = CLI_EXIT_USAGE;
		return NULL;
	}
	/* The built-in rule base starts faster compiled; should its image
	 * fail to load (no memory file, no writable TMPDIR), parse the text. */
	if (opts.kb_dir == NULL && opts.kb_image == NULL && cli_kb_image_size > 0 &&
	    !args->parse_text) {
		opts.kb_image_data = cli_kb_image;
		opts.kb_image_size = cli_kb_image_size;
		if (onco_engine_open(&engine, &opts, &err) == 0) {
			*status = CLI_EXIT_OK;
			return engine;
		}
		opts.kb_image_data = NULL;
		opts.kb_image_size = 0;
	}
	if (onco_engine_open(&engine, &opts, &err) != 0) {
		if (err.file[0] != '\0')
			fprintf(stderr, "oncorules: rule base: %s:%ld: %s\n", err.file,
				err.line, err.message);
		else
			fprintf(stderr, "oncorules: rule base: %s\n", err.message);
		*status = err.code == ONCO_EIO && (args->kb_dir != NULL || args->kb_image != NULL)
				  ? CLI_EXIT_USAGE
				  : CLI_EXIT_INTERNAL;
		return NULL;
	}
	*status = CLI_EXIT_OK;
	return engine;
}

char *cli_read_file(const char *path, size_t *length)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = NULL, *grown;
	size_t len = 0, cap = 0, n;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 65536;
			grown = realloc(buf, cap + 1);
			if (grown == NULL) {
				free(buf);
				buf = NULL;
				errno = ENOMEM;
				break;
			}
			buf = grown;
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0) {
			if (ferror(f)) {
				free(buf);
				buf = NULL;
				errno = EIO;
			}
			break;
		}
	}
	if (f != stdin)
		fclose(f);
	if (buf != NULL) {
		buf[len] = '\0';
		*length = len;
	}
	return buf;
}
