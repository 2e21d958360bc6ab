/*
 * isolate.h: a helper process that answers requests, for a shared library
 * that does not fail cleanly. Graphviz, when one of its own allocations
 * fails, may crash, stop on an assertion or call exit(1) (graph.c); in a
 * helper, that ends the helper, and the command, told so, fails with its
 * own message and exit status instead of dying with the library or
 * exiting 1 (which reads as "findings").
 *
 * The helper is a fork of the calling thread, started once and fed one
 * request at a time over a socket: it sees the caller's memory as it was
 * at the fork, and gives back only its answers. Its standard output is
 * /dev/null, so nothing it prints reaches the command's output. It ends
 * with _exit whatever happens, even when the library calls exit(): no exit
 * handler of the process and no stdio buffer it inherited (records not yet
 * flushed) runs or is written twice. It ends when the caller stops it, or
 * exits, closing the socket.
 *
 * Ownership: cli_isolate_start gives a helper the caller ends with
 * cli_isolate_stop (NULL is a no-op). Not for use by two threads at once.
 */
#ifndef ONCO_CLI_ISOLATE_H
#define ONCO_CLI_ISOLATE_H

#include <stddef.h>

#include "strbuf.h"

typedef struct cli_isolate cli_isolate;

/* In the helper: answers one request (`n` bytes) by appending to `answer`
 * and returning 0; or returns the status (1..125) the helper ends with,
 * unanswered. `arg` is the helper's copy of what the caller gave. */
typedef int (*cli_isolate_answer)(void *arg, const char *request, size_t n, cli_buf *answer);

/* Starts the helper: NULL when it cannot be, the reason in `why` (`size`
 * bytes). */
cli_isolate *cli_isolate_start(cli_isolate_answer answer, void *arg, char *why, size_t size);

/* Sends a request and appends the helper's answer to `answer`: 0. When the
 * helper ended instead (it failed, crashed, exited) or cannot be reached:
 * the status it ended with (1..255), or -1 (a signal, an I/O error), the
 * reason in `why` either way; every later call fails the same way. Running
 * out of memory for `answer` exits with status 3 (strbuf.h). */
int cli_isolate_call(cli_isolate *helper, const char *request, size_t n, cli_buf *answer,
		     char *why, size_t size);

/* Ends the helper and waits for it; frees `helper`. */
void cli_isolate_stop(cli_isolate *helper);

#endif
