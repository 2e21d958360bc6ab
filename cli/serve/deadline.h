/*
 * deadline.h: every connection that is receiving has a deadline, and a
 * reaper thread closes the ones that pass it.
 *
 * libmicrohttpd's own timeout counts idle time only, so a client that
 * trickles one byte at a time (slowloris) would keep its connection for
 * ever. Here a connection must deliver its request line and headers within
 * the header timeout and its body within the body timeout; while a request
 * waits for or runs in a worker, or its answer is sent, it has none. A
 * connection past its deadline is shut down (shutdown(2)); libmicrohttpd
 * then sees the socket end and cleans up as for any client that left.
 *
 * Ownership: a serve_conn is made by serve_reaper_add and freed by
 * serve_reaper_remove, which libmicrohttpd calls before it closes the
 * socket, so the reaper never touches a descriptor that was reused.
 */
#ifndef ONCO_SERVE_DEADLINE_H
#define ONCO_SERVE_DEADLINE_H

#include "serve.h"

typedef struct serve_conn serve_conn;

int serve_reaper_start(serve_reaper **out);
void serve_reaper_free(serve_reaper *reaper); /* stops the thread; NULL: no-op */

/* Registers a connection's socket with a deadline (monotonic seconds,
 * 0: none). NULL when out of memory (the connection then has none). */
serve_conn *serve_reaper_add(serve_reaper *reaper, int fd, double deadline);
void serve_reaper_set(serve_reaper *reaper, serve_conn *conn, double deadline);
/* Forgets the connection; returns 1 when the reaper closed it. */
int serve_reaper_remove(serve_reaper *reaper, serve_conn *conn);
/* 1 when the reaper closed it (it is still registered). */
int serve_reaper_killed(serve_reaper *reaper, serve_conn *conn);
/* Requests seen on the connection so far, counting this one. */
unsigned serve_reaper_next_request(serve_reaper *reaper, serve_conn *conn);

#endif
