/*
 * serve_exec.c: `oncorules serve [options]` runs oncorules-serve, the
 * service's own program (cli/serve/main.c), with the same options.
 *
 * The service needs libmicrohttpd and OpenSSL, and through them GnuTLS and
 * a dozen more libraries: linked into `oncorules`, the dynamic loader
 * relocated them at every start of every verb, a fifth of the instructions
 * of a cold `evaluate` (docs/performance.md). So the service is a program
 * of its own, and this verb replaces the process with it. It is looked for
 * in the folder of the running program (/proc/self/exe), never on PATH:
 * `oncorules` and `oncorules-serve` are built and installed side by side,
 * and the one run is then the one that came with this `oncorules`.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#define SERVE_PROGRAM "oncorules-serve"

/* The path of oncorules-serve next to the running program, in `path`;
 * -1 with errno set when it cannot be known. */
static int serve_program_path(char *path, size_t size)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *slash;

	if (n < 0)
		return -1;
	self[n] = '\0';
	slash = strrchr(self, '/');
	if (slash == NULL) {
		errno = ENOENT;
		return -1;
	}
	slash[1] = '\0';
	if (snprintf(path, size, "%s%s", self, SERVE_PROGRAM) >= (int)size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int cli_serve(int argc, char **argv)
{
	char path[PATH_MAX];
	char **args;
	int i;

	if (serve_program_path(path, sizeof(path)) != 0) {
		fprintf(stderr, "oncorules serve: cannot find %s: /proc/self/exe: %s\n",
			SERVE_PROGRAM, strerror(errno));
		return CLI_EXIT_INTERNAL;
	}
	/* argv[0] is "serve"; the service gets its own path there. */
	args = calloc((size_t)argc + 1, sizeof(*args));
	if (args == NULL) {
		fputs("oncorules: out of memory\n", stderr);
		return CLI_EXIT_INTERNAL;
	}
	args[0] = path;
	for (i = 1; i < argc; i++)
		args[i] = argv[i];
	execv(path, args);
	fprintf(stderr,
		"oncorules serve: cannot run %s: %s (the service is a program of its own, "
		"built and installed next to oncorules)\n",
		path, strerror(errno));
	free(args);
	return CLI_EXIT_INTERNAL;
}
