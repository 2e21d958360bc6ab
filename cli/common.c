/* common.c: option parsing, engine opening and file reading shared by verbs. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

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
	r = take_value("--kb-image-sha256", &args->kb_image_sha256, argc, argv, i);
	if (r != 0)
		return r;
	r = take_value("--time-limit", &args->time_limit, argc, argv, i);
	if (r != 0)
		return r;
	r = take_value("--memory-limit", &args->memory_limit, argc, argv, i);
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

/* A positive number of at most `max`, or -1. */
static double positive(const char *s, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !(v > 0) || v > max)
		return -1;
	return v;
}

/* --time-limit and --memory-limit into `opts`; 0, or -1 after a message. */
static int limits_from_args(const cli_engine_args *args, onco_engine_options *opts)
{
	double v;

	if (args->time_limit != NULL) {
		if ((v = positive(args->time_limit, 86400)) < 0) {
			fprintf(stderr, "oncorules: --time-limit needs a number of seconds "
					"above 0 and at most 86400\n");
			return -1;
		}
		opts->max_seconds = v;
	}
	if (args->memory_limit != NULL) {
		if ((v = positive(args->memory_limit, 1 << 20)) < 1) {
			fprintf(stderr, "oncorules: --memory-limit needs a number of MiB "
					"from 1 to 1048576\n");
			return -1;
		}
		opts->max_memory = (size_t)v << 20;
	}
	return 0;
}

int cli_engine_args_check(const cli_engine_args *args)
{
	if (args->kb_dir == NULL || args->kb_image == NULL)
		return 0;
	fputs("oncorules: --kb DIR and --kb-image FILE name two rule bases: give one\n",
	      stderr);
	return -1;
}

void cli_engine_done(onco_engine *engine)
{
#ifdef ONCO_SANITIZE
	onco_engine_free(engine);
#else
	(void)engine;
#endif
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
	if (cli_heap_prefault() != 0) {
		fputs("oncorules: out of memory\n", stderr);
		*status = CLI_EXIT_INTERNAL;
		return NULL;
	}
	onco_engine_options_default(&opts);
	opts.kb_dir = args->kb_dir;
	opts.kb_image = args->kb_image;
	opts.kb_image_sha256 = args->kb_image_sha256;
	if (args->kb_image_sha256 != NULL && args->kb_image == NULL) {
		fputs("oncorules: --kb-image-sha256 goes with --kb-image FILE\n", stderr);
		*status = CLI_EXIT_USAGE;
		return NULL;
	}
	if (limits_from_args(args, &opts) != 0) {
		*status = CLI_EXIT_USAGE;
		return NULL;
	}
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
		/* A rule base that cannot be read where the user said, or an image
		 * without the hash that trusts it: usage. A rule base that does
		 * not load, or memory: internal (docs/output-format.md). */
		*status = (err.code == ONCO_EIO || err.code == ONCO_EINVALID) &&
					  (args->kb_dir != NULL || args->kb_image != NULL)
				  ? CLI_EXIT_USAGE
				  : CLI_EXIT_INTERNAL;
		return NULL;
	}
	*status = CLI_EXIT_OK;
	return engine;
}

char *cli_read_file(const char *path, size_t max, size_t *length)
{
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	char *buf = NULL, *grown;
	size_t len = 0, cap = 0;
	struct stat st;
	ssize_t n;
	int error = 0;

	*length = 0;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0) {
		error = errno;
	} else if (S_ISDIR(st.st_mode)) {
		error = EISDIR;
	} else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
		/* Refused without reading a byte of it. */
		*length = (size_t)st.st_size;
		error = EFBIG;
	}
	while (error == 0) {
		if (cap - len < 65536 && cap <= max) {
			cap = cap ? cap * 2 : 65536;
			if (cap > max + 1)
				cap = max + 1;
			grown = realloc(buf, cap + 1);
			if (grown == NULL) {
				error = ENOMEM;
				break;
			}
			buf = grown;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			error = errno;
			break;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len > max) {
			/* Stops at the limit: an endless input costs max + 1 bytes. */
			*length = S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
			error = EFBIG;
		}
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (error != 0) {
		free(buf);
		errno = error;
		return NULL;
	}
	if (buf == NULL && (buf = malloc(1)) == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	buf[len] = '\0';
	*length = len;
	return buf;
}

char *cli_error_document(const char *pointer, const char *message, int pretty)
{
	unsigned long failures = onco_json_alloc_failures();
	cJSON *doc = cJSON_CreateObject(), *errors = NULL, *item = NULL;
	char *text = NULL;

	if (doc != NULL && cJSON_AddNullToObject(doc, "case") != NULL &&
	    (errors = cJSON_AddArrayToObject(doc, "errors")) != NULL &&
	    (item = cJSON_CreateObject()) != NULL) {
		if (!cJSON_AddItemToArray(errors, item)) {
			cJSON_Delete(item);
		} else if (cJSON_AddStringToObject(item, "pointer", pointer) != NULL &&
			   cJSON_AddStringToObject(item, "message", message) != NULL) {
			text = pretty ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);
		}
	}
	cJSON_Delete(doc);
	/* A member whose key could not be copied is a hole: no document. */
	if (text != NULL && onco_json_alloc_failures() != failures) {
		free(text);
		text = NULL;
	}
	return text;
}

cJSON *cli_json_parse(const char *text, size_t length, const char **end, int *out_of_memory)
{
	unsigned long failures = onco_json_alloc_failures();
	cJSON *doc = cJSON_ParseWithLengthOpts(text, length, end, 0);

	*out_of_memory = onco_json_alloc_failures() != failures;
	if (*out_of_memory) {
		cJSON_Delete(doc);
		doc = NULL;
	}
	return doc;
}

int cli_finish(int status)
{
	int failed = 0, error = 0;

	/* Every JSON document of this thread checks its own allocations; this
	 * is the net under them: a run in which one failed never passes. */
	if (status != CLI_EXIT_INTERNAL && onco_json_alloc_failures() > 0) {
		fputs("oncorules: out of memory\n", stderr);
		status = CLI_EXIT_INTERNAL;
	}
	if (fflush(stdout) != 0) {
		failed = 1;
		error = errno;
	} else if (ferror(stdout)) {
		failed = 1;
	}
	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		error = errno;
	}
	if (failed) {
		if (error != 0)
			fprintf(stderr, "oncorules: cannot write the output: %s\n", strerror(error));
		else
			fputs("oncorules: cannot write the output\n", stderr);
		status = CLI_EXIT_INTERNAL;
	}
	return status;
}
