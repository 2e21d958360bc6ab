/* isolate.c: a helper process that answers requests (isolate.h). */
#define _GNU_SOURCE /* on_exit */

#include "isolate.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* A request or an answer on the socket: its length (uint64_t, this
 * machine's byte order: both ends are one program), then its bytes. */

struct cli_isolate {
	pid_t pid;
	int fd;       /* the caller's end of the socket; -1 once the helper ended */
	int status;   /* what cli_isolate_call returns once the helper ended */
	char why[160];
};

/* Writes all of `n` bytes; never raises SIGPIPE in the caller (a helper
 * that died is a failure to report, not a signal to die of). */
static int send_all(int fd, const void *bytes, size_t n)
{
	const char *p = bytes;

	while (n > 0) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Reads exactly `n` bytes: 0, or -1 at an error or the end of the stream
 * (errno 0 then). */
static int receive_all(int fd, void *bytes, size_t n)
{
	char *p = bytes;

	while (n > 0) {
		ssize_t r = recv(fd, p, n, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = 0;
			return -1;
		}
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

static int send_frame(int fd, const char *bytes, size_t n)
{
	uint64_t length = n;

	return send_all(fd, &length, sizeof(length)) == 0 && send_all(fd, bytes, n) == 0 ? 0 : -1;
}

/* Appends a frame's bytes to `b`: 0, or -1 (errno 0: the end of the
 * stream before a frame). */
static int receive_frame(int fd, cli_buf *b)
{
	char chunk[16384];
	uint64_t length;

	if (receive_all(fd, &length, sizeof(length)) != 0)
		return -1;
	while (length > 0) {
		size_t n = length < sizeof(chunk) ? (size_t)length : sizeof(chunk);

		if (receive_all(fd, chunk, n) != 0) {
			if (errno == 0)
				errno = EPIPE; /* a frame cut short */
			return -1;
		}
		cli_buf_append(b, chunk, n);
		length -= n;
	}
	return 0;
}

/* ------------------------------------------------------------ the helper */

/* Registered in the helper, after every handler the process had: exit()
 * runs it first, and it ends the helper there, with exit()'s status. */
static void end_helper(int status, void *unused)
{
	(void)unused;
	_exit(status);
}

/* Answers requests until the caller closes the socket. Its standard
 * output is /dev/null: what it has to say goes through the socket, never
 * into the command's output (Graphviz writes its drawing to standard
 * output when the buffer for it cannot be had). */
static void helper(cli_isolate_answer answer, void *arg, int fd)
{
	cli_buf request = CLI_BUF_INIT, reply = CLI_BUF_INIT;
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC), status;

	if (null < 0 || dup2(null, STDOUT_FILENO) < 0 || on_exit(end_helper, NULL) != 0)
		_exit(125);
	for (;;) {
		request.length = reply.length = 0;
		if (receive_frame(fd, &request) != 0)
			_exit(errno == 0 ? 0 : 124);
		status = answer(arg, cli_buf_text(&request), request.length, &reply);
		if (status != 0)
			_exit(status);
		if (send_frame(fd, cli_buf_text(&reply), reply.length) != 0)
			_exit(124);
	}
}

/* ------------------------------------------------------------ the caller */

cli_isolate *cli_isolate_start(cli_isolate_answer answer, void *arg, char *why, size_t size)
{
	cli_isolate *h;
	int fds[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
		snprintf(why, size, "cannot make a socket: %s", strerror(errno));
		return NULL;
	}
	pid = fork();
	if (pid < 0) {
		snprintf(why, size, "cannot start a process: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return NULL;
	}
	if (pid == 0) {
		close(fds[0]);
		helper(answer, arg, fds[1]);
	}
	close(fds[1]);
	h = cli_xrealloc(NULL, sizeof(*h));
	memset(h, 0, sizeof(*h));
	h->pid = pid;
	h->fd = fds[0];
	return h;
}

/* The helper is gone (or unreachable): waits for it and keeps why. */
static int ended(cli_isolate *h, int error)
{
	int status;

	close(h->fd);
	h->fd = -1;
	while (waitpid(h->pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(h->why, sizeof(h->why), "cannot wait for the process: %s",
				 strerror(errno));
			h->status = -1;
			return h->status;
		}
	if (WIFSIGNALED(status)) {
		snprintf(h->why, sizeof(h->why), "the process was killed by signal %d (%s)",
			 WTERMSIG(status), strsignal(WTERMSIG(status)));
		h->status = -1;
	} else if (WEXITSTATUS(status) != 0) {
		snprintf(h->why, sizeof(h->why), "the process ended with status %d",
			 WEXITSTATUS(status));
		h->status = WEXITSTATUS(status);
	} else {
		snprintf(h->why, sizeof(h->why), "the process ended without answering%s%s",
			 error ? ": " : "", error ? strerror(error) : "");
		h->status = -1;
	}
	return h->status;
}

int cli_isolate_call(cli_isolate *h, const char *request, size_t n, cli_buf *answer, char *why,
		     size_t size)
{
	if (h->fd >= 0 && (send_frame(h->fd, request, n) != 0 || receive_frame(h->fd, answer) != 0))
		ended(h, errno);
	if (h->fd < 0) {
		snprintf(why, size, "%s", h->why);
		return h->status;
	}
	return 0;
}

void cli_isolate_stop(cli_isolate *h)
{
	if (h == NULL)
		return;
	if (h->fd >= 0)
		ended(h, 0); /* closing the socket ends the helper */
	free(h);
}
