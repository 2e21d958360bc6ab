/*
 * serve.h: what the files of `oncorules serve` share (CDS Hooks 2.0 over
 * HTTP, docs/service.md). The server is a view like the text and HTML
 * ones: it uses the engine through onco.h and nothing below it.
 *
 * Shape: libmicrohttpd's I/O threads read requests (headers, then the body
 * up to a limit, each phase under a deadline) and never do CPU work; a
 * complete request is handed to a bounded queue served by a pool of
 * workers, each with its own engine; the worker checks the token, runs the
 * endpoint's handler and fills the request's response; the I/O thread sends
 * it. A full queue is answered at once with 503.
 *
 * Ownership: a serve_request belongs to its connection (made when the
 * request line arrives, freed when libmicrohttpd reports it completed); a
 * worker writes only its `response` and `log` while the connection is
 * suspended. Everything in serve_server is made before the daemon starts
 * and freed after it stops; nothing here is global.
 */
#ifndef ONCO_SERVE_H
#define ONCO_SERVE_H

#include <stddef.h>
#include <stdio.h>
#include <pthread.h>
#include <time.h>

#include "cli.h"

struct MHD_Connection;
struct MHD_Daemon;

typedef struct serve_keyring serve_keyring;
typedef struct serve_replay serve_replay;
typedef struct serve_pool serve_pool;
typedef struct serve_reaper serve_reaper;
typedef struct serve_request serve_request;

#define SERVE_MAX_LIST 32 /* --trust and --cors-origin entries */

/* The command line of `oncorules serve` (options.c). */
typedef struct serve_config {
	const char *listen;         /* ADDR:PORT, default 127.0.0.1:8080 */
	const char *base_url;       /* public URL of the service root (no /cds-services) */
	int insecure_no_auth;       /* no token checks: loopback only, a warning */
	int log_phi;                /* patient ids and hookInstance in the access log */
	const char *access_log;     /* NULL: standard error */
	const char *feedback_log;   /* append-only feedback store */
	size_t max_body;            /* bytes of one request body */
	unsigned header_timeout;    /* s from connection (or request line) to headers */
	unsigned body_timeout;      /* s from headers to the end of the body */
	unsigned idle_timeout;      /* s a connection may stay silent */
	unsigned workers;           /* worker threads, one engine each */
	unsigned io_threads;        /* libmicrohttpd threads */
	unsigned queue;             /* requests waiting for a worker */
	unsigned max_connections;   /* open connections */
	unsigned max_per_ip;        /* open connections per client address, 0: no limit */
	long clock_skew;            /* s of tolerance on exp, iat, nbf */
	long max_token_lifetime;    /* s between iat and exp */
	size_t jti_cache;           /* token ids remembered until they expire */
	const char *trust_issuer[SERVE_MAX_LIST]; /* --trust ISS=FILE */
	const char *trust_file[SERVE_MAX_LIST];
	size_t trust_count;
	const char *cors_origin[SERVE_MAX_LIST]; /* --cors-origin, "*" for any */
	size_t cors_count;
	cli_engine_args engine;
} serve_config;

/* The service (serve.c): parses argv[1..] (argv[0] is the program),
 * serves until SIGINT or SIGTERM, returns the exit status. */
int serve_main(int argc, char **argv);

/* Parses the options; returns -1 (after printing) on a usage error, 1 when
 * --help was printed, 0 otherwise. */
int serve_config_parse(serve_config *cfg, int argc, char **argv);
void serve_usage(FILE *out);

/* What a handler answers. The body is JSON (or empty) and malloc'd, but
 * for the out-of-memory answer of serve_respond_error, static text. */
typedef struct serve_response {
	unsigned status;
	char *body;
	size_t length;
	int body_static;         /* body is static: never freed */
	const char *allow;       /* Allow header for 405, static */
	unsigned retry_after;    /* s, Retry-After when > 0 */
} serve_response;

/* Fields of the access-log line that handlers fill. Patient data
 * (patient, hook_instance) is written only with --log-phi. */
typedef struct serve_log {
	const char *reason;      /* short, static, no patient data: why refused */
	char issuer[128];        /* the token's iss once verified */
	char patient[72];
	char hook_instance[72];
	unsigned feedback_items;
} serve_log;

struct serve_server;

/* An endpoint: one file each. `handle` runs in a worker. */
typedef struct serve_route {
	const char *path;        /* exact path */
	const char *method;      /* GET or POST */
	int has_body;
	void (*handle)(struct serve_server *srv, onco_engine *engine, serve_request *req);
} serve_route;

typedef enum serve_req_state {
	SERVE_REQ_NEW = 0,   /* headers not yet seen by the handler */
	SERVE_REQ_AUTH,      /* suspended: a worker checks the token */
	SERVE_REQ_BODY,      /* reading the body (if any) */
	SERVE_REQ_WORK,      /* suspended: a worker runs the endpoint */
	SERVE_REQ_ANSWERED   /* a response is queued */
} serve_req_state;

struct serve_request {
	struct serve_server *server;
	struct MHD_Connection *connection;
	char id[40];                 /* request id, sent as X-Request-ID */
	struct timespec start;       /* monotonic, request line received */
	serve_req_state state;
	const serve_route *route;
	char method[8];
	const char *log_path;        /* a route's path, or NULL: not a route */
	char *authorization;         /* copy of the header, NULL when absent */
	char *origin;                /* copy of the Origin header */
	char *body;
	size_t body_length, body_capacity;
	size_t body_seen;            /* bytes received, kept or not */
	int body_too_large;          /* 1: over max_body, 2: out of memory */
	int preflight;               /* an OPTIONS request */
	int auth_checked, auth_ok;
	serve_response response;
	unsigned status;             /* sent, for the log */
	serve_log log;
	serve_request *queue_next;   /* the pool's queue */
};

/* The running server (server.c makes it, serve.c runs it). */
typedef struct serve_server {
	serve_config cfg;
	char base_url[512];          /* without a trailing slash */
	struct MHD_Daemon *daemon;
	serve_pool *pool;
	serve_reaper *reaper;
	serve_keyring *keys;
	serve_replay *replay;
	char *discovery;             /* the discovery document, built once */
	size_t discovery_length;
	/* access log */
	pthread_mutex_t log_lock;
	FILE *log_file;
	/* feedback store */
	pthread_mutex_t feedback_lock;
	int feedback_fd;
	/* request ids: a random prefix drawn at start, then a counter */
	char boot_id[12];
	pthread_mutex_t id_lock;
	unsigned long long next_id;
} serve_server;

/* Makes the server's state from srv->cfg (server.c): base URL, trusted
 * keys, access and feedback logs, jti cache, discovery document, request
 * ids. 0, or -1 after printing why, with *status the exit status (2: a
 * bad key or log file, 3: out of memory). serve_server_free frees what
 * was made, also after a failed init, and the pool and reaper when set. */
int serve_server_init(serve_server *srv, int *status);
void serve_server_free(serve_server *srv);
/* OpenSSL makes its library state (locks, the store of each kind of
 * algorithm) when first used, and OpenSSL 3.0 does not survive an
 * allocation failing there: a worker would crash on a lock it could not
 * make (found by fault injection). serve_server_init makes it first, by
 * making the digests the workers use (SHA-1: card uuids; SHA-256: the jti
 * cache), so that such a failure stops the start instead. 0 or -1. */
int serve_crypto_init(void);

/* ------------------------------------------------------------ http.c */

/* Starts libmicrohttpd on cfg.listen; prints and returns -1 on failure. */
int serve_http_start(serve_server *srv);
/* The port actually bound (for --listen ADDR:0). */
unsigned serve_http_port(const serve_server *srv);
/* Stops accepting connections (the ones open go on). */
void serve_http_quiesce(serve_server *srv);
void serve_http_stop(serve_server *srv);
/* --listen parsing: a valid ADDR:PORT; a loopback address. */
int serve_listen_valid(const char *listen);
int serve_listen_is_loopback(const char *listen);
/* Runs one request in a worker: token check, then the endpoint. */
void serve_http_run(void *server, onco_engine *engine, void *request);

/* ----------------------------------------------------------- routes.c */

const serve_route *serve_route_find(const char *path, int *known_path);
/* Path of a route or of the service family for the log and CORS. */
const char *serve_route_allow(const char *path);

/* --------------------------------------------------------- outcome.c */

/* Fills the request's response with `status` and an OperationOutcome
 * whose one issue has the FHIR issue type `code` and `text` (no patient
 * data in it). When that body cannot be made (out of memory), the answer
 * is a 5xx (500 in place of a 4xx) with a static body that says "out of
 * memory", and so does the log's reason: set the reason before the call. */
void serve_respond_error(serve_request *req, unsigned status, const char *code,
			 const char *text);
/* Fills `resp` with `status` and `body` (taken; NULL: no body). */
void serve_respond_json(serve_response *resp, unsigned status, char *body);

/* ------------------------------------------------------------ body.c */

struct cJSON;
/* The request body as one JSON object, or NULL with an answer and the
 * log's reason set: 400, or 500 when memory ran out while parsing.
 * Strings with \u0000 or a broken \u escape are refused: cJSON would cut
 * them short (shared/reviews/reliability-attack.md, F1); so is a body that
 * is not UTF-8. */
struct cJSON *serve_body_parse(serve_request *req);

/* 1 when every \u escape of the JSON text s[0..n) has four hex digits and
 * none is \u0000 (the body and the token's JOSE parts). */
int serve_json_escapes_ok(const char *s, size_t n);

/* ------------------------------------------------------------ auth.c */

/* Checks the request's bearer token (signature, iss, aud, exp, iat, jti)
 * against the configured keys; sets req->auth_checked/auth_ok and, on
 * refusal, a 401 response and req->log.reason. */
void serve_auth_check(serve_server *srv, serve_request *req);

/* ---------------------------------------------------------- endpoints */

void serve_discovery_build(serve_server *srv, int *ok);
void serve_discovery(serve_server *srv, onco_engine *engine, serve_request *req);
void serve_patient_view(serve_server *srv, onco_engine *engine, serve_request *req);
void serve_feedback(serve_server *srv, onco_engine *engine, serve_request *req);

/* ------------------------------------------------------- accesslog.c */

void serve_log_request(serve_server *srv, const serve_request *req, double ms,
		       int aborted, int deadline);
/* A request answered before it had a state (no memory for it): a line
 * with its status and reason, no id. */
void serve_log_refused(serve_server *srv, unsigned status, const char *reason);
/* A connection closed by its deadline before any request line. `event` is
 * ours: written as it is. */
void serve_log_event(serve_server *srv, const char *event);
/* A fresh request id into `out` (at least 32 bytes). */
void serve_request_id(serve_server *srv, char *out, size_t size);

double serve_now(void); /* monotonic seconds */
/* The time now, UTC, RFC 3339 with milliseconds (at least 32 bytes). */
void serve_utc_now(char *out, size_t size);

#endif
