/*
 * process.c: what every oncorules program does before its first verb
 * (`oncorules` and `oncorules-serve`, cli_process_start in cli.h).
 *
 * - Standard input, output and error are open before anything else: a
 *   descriptor the shell closed (`>&-`) is opened on /dev/null read-only,
 *   so that no file the command opens later takes its number and receives
 *   the output by mistake, and writing to it fails (EBADF), as it should.
 * - Output that is not a terminal is written in one piece at the end where
 *   it fits (a 1 MiB buffer): a failure is then seen with its reason, and a
 *   reader never gets half an answer from a command that then fails.
 * - SIGPIPE is ignored, deliberately: a reader that goes away (`| head`)
 *   makes writes fail with EPIPE, which is then reported like any other
 *   write error (exit 3, one message), rather than killing the process
 *   without a word. An answer that was not delivered is a failure.
 * - A stack limit too small for CLIPS is refused up front, not met with a
 *   crash half-way.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli.h"

/* Stack the command needs: CLIPS parses and evaluates recursively (rule
 * text is refused past 256 levels of nesting, engine/calls.c). */
#define STACK_MIN (256 * 1024)

/* Opens /dev/null on each of descriptors 0, 1, 2 that is closed. */
static int standard_streams_open(void)
{
	int fd;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		/* Read-only even for 1 and 2: output to a closed descriptor must
		 * fail, not vanish. */
		if (open("/dev/null", O_RDONLY) != fd)
			return -1;
	}
	return 0;
}

int cli_process_start(const char *program)
{
	/* Standard output's buffer for the life of the process. */
	static char output_buffer[1 << 20];
	struct rlimit stack;

	if (standard_streams_open() != 0)
		return CLI_EXIT_INTERNAL;
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, output_buffer, _IOFBF, sizeof(output_buffer));
	signal(SIGPIPE, SIG_IGN);
	if (getrlimit(RLIMIT_STACK, &stack) == 0 && stack.rlim_cur != RLIM_INFINITY &&
	    stack.rlim_cur < STACK_MIN) {
		fprintf(stderr, "%s: the stack limit is %lu KiB (ulimit -s); at least %d KiB is needed\n",
			program, (unsigned long)(stack.rlim_cur / 1024), STACK_MIN / 1024);
		return CLI_EXIT_INTERNAL;
	}
	return CLI_EXIT_OK;
}
