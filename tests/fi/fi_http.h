/*
 * fi_http.h: fault_inject's http mode: one HTTP request to
 * oncorules-serve, from the server's start (serve_server_init: keys, logs,
 * jti cache, discovery) through its HTTP layer (cli/serve/http.c with a
 * fake libmicrohttpd, fi_mhd.h), the token check, the endpoint, the
 * response and the access log line, to the server's end.
 *
 * A request file (tests/fi/http/) is JSON:
 *   "method", "path": the request line;
 *   "headers": {"Name": "value", ...};
 *   "token": {...}: an "Authorization: Bearer" header with a JWT the test
 *     signs at start with a trusted key: iss https://ehr.test (ES256, its
 *     key in a PEM file), aud the URL of the path called, iat now, exp in
 *     an hour, jti "fi-1"; a member replaces the claim of that name, and
 *     "issuer": "jwks" signs as https://ehr2.test (ES384, kid "jwks", its
 *     key in a JWK Set), "issuer": "rsa" as https://ehr3.test (PS256, an
 *     RSA key in a PEM file), "signed_by": "stranger" with a key nobody
 *     trusts, "tampered": true with a character of the signature changed,
 *     "exp_in" and "iat_in" give exp and iat in seconds from now;
 *   "authorization": the header's value as it is (no token made);
 *   "body": JSON sent as its text; "body_file": a file sent as it is
 *     (relative to the request file); "body_pad": spaces appended up to
 *     that many bytes; "chunk": bytes per call of the handler (4096);
 *   "serve": more options of oncorules serve (the test gives --base-url
 *     https://cds.test, --trust for the three issuers, --cors-origin
 *     https://app.test, --jti-cache 16, --max-token-lifetime 86400, the
 *     logs);
 *   "sweep_start": true: the server starts in each run, under the failing
 *     allocation (serve_server_init: reading the keys, opening the logs,
 *     the discovery document); else it starts once, before the sweep, and
 *     each run has its own copy of it, its logs emptied.
 *
 * The answer on standard output (exit 0, status below 500): the status
 * line, the response headers, the body, the access log and the feedback
 * log, with what differs from run to run (times, durations, the random
 * prefix of request ids) masked. A 5xx is the clean failure (exit 3) when
 * its body is an OperationOutcome, its log line says its status and a
 * reason, and no feedback was stored; a server that could not start is
 * one when it says so with exit status 3 (2 would blame the command
 * line). Anything else exits 1 with what is wrong on standard error.
 *
 * Ownership: fi_http_prepare's result is freed with fi_http_free.
 */
#ifndef ONCO_FI_HTTP_H
#define ONCO_FI_HTTP_H

#include <stddef.h>

#include "cli.h"

typedef struct fi_http fi_http;

/* Reads the request file at `path` (its text given), makes the keys and
 * the token, writes the key files in `dir` (where the logs go too) and
 * parses the server's options. NULL after printing why. */
fi_http *fi_http_prepare(const char *path, const char *text, const char *dir);
void fi_http_free(fi_http *h);
/* Removes what the runs wrote in `dir` (keys, logs). */
void fi_http_remove_files(const char *dir);

/* Starts the server (sweep_start) or takes the one started, sends the
 * request, stops the server; prints the answer (above) and returns the
 * exit status. */
int fi_http_run(fi_http *h, onco_engine *engine);

/* Whether an answer `out` that differs from the reference `ref` is a
 * clean failure all the same: the same HTTP answer and feedback log, and
 * in place of the access log line the line that says it could not be
 * written whole (same request, same status). NULL then, else what is
 * wrong. */
const char *fi_http_compare(const char *out, size_t out_len, const char *ref, size_t ref_len);

#endif
