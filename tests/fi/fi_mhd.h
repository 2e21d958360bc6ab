/*
 * fi_mhd.h: libmicrohttpd, the worker pool and the reaper, replaced for
 * fault_inject's http mode (fi_mhd.c), so that one request goes through
 * the service's own HTTP layer (cli/serve/http.c: its callbacks, the token
 * check and the endpoint in a "worker", the response and its headers, the
 * access log line) in one thread, without a socket.
 *
 * The fake keeps what libmicrohttpd would keep (the callbacks, the one
 * connection, the queued response) in static storage and allocates
 * nothing through malloc: only the service's own allocations are counted.
 * It calls the callbacks in libmicrohttpd's order: connection started,
 * request line, the handler with no data (headers), then with the body in
 * chunks, then with no data; after a worker resumed a suspended
 * connection, the handler again with no data; request completed,
 * connection closed.
 *
 * Ownership: an exchange points to the request the caller owns; the
 * response body it holds after fi_mhd_exchange is freed by
 * fi_mhd_exchange_free.
 */
#ifndef ONCO_FI_MHD_H
#define ONCO_FI_MHD_H

#include <stddef.h>

#include "serve.h"

typedef struct fi_header {
	const char *name, *value;
} fi_header;

#define FI_MHD_HEADERS_MAX 16

typedef struct fi_exchange {
	/* the request */
	const char *method, *path;
	fi_header headers[FI_MHD_HEADERS_MAX];
	size_t header_count;
	const char *body;
	size_t body_length;
	size_t chunk; /* bytes of body per call of the handler (0: all at once) */
	/* what the service did */
	int answered;           /* a response was queued */
	unsigned status;
	char response_headers[4096]; /* "Name: value\n" each, in the order added */
	char *response_body;
	size_t response_length;
	int response_owned;     /* MHD_RESPMEM_MUST_FREE: freed with the exchange */
	int closed;             /* the handler returned MHD_NO: connection closed */
	const char *problem;    /* the HTTP layer broke libmicrohttpd's rules */
} fi_exchange;

/* Runs the request of `x` through the daemon that serve_http_start
 * registered (for `srv`), with `engine` as the worker's engine. 0, or -1
 * with x->problem set. */
int fi_mhd_exchange(serve_server *srv, onco_engine *engine, fi_exchange *x);
void fi_mhd_exchange_free(fi_exchange *x);

#endif
