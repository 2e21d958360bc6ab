/*
 * http.c: libmicrohttpd glue of `oncorules serve`.
 *
 * The I/O threads (libmicrohttpd's, epoll) route a request, apply the
 * limits that need no CPU (method, path, body size, content type), copy
 * the headers a worker needs, and read the body; they never check a token
 * or run an endpoint. The request is then suspended and queued for a
 * worker, which fills req->response and resumes it; the I/O thread sends
 * the answer. With authentication on, a request with a body is queued
 * twice: once for the token, before its body is read, so a stranger's
 * upload is never read, and once for the endpoint.
 *
 * Suspension order matters: a connection is suspended before its job is
 * queued, so a worker never resumes a connection that is not suspended.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <microhttpd.h>

#include "deadline.h"
#include "pool.h"
#include "serve.h"

#define COPY_MAX 16384 /* bytes kept of a header value (a token) */

static serve_conn *conn_of(struct MHD_Connection *connection)
{
	const union MHD_ConnectionInfo *info =
		MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);

	return info != NULL ? info->socket_context : NULL;
}

static void set_deadline(serve_request *req, unsigned seconds)
{
	serve_server *srv = req->server;

	serve_reaper_set(srv->reaper, conn_of(req->connection),
			 seconds > 0 ? serve_now() + seconds : 0);
}

/* A copy of a header's value into *out: NULL when the header is absent or
 * longer than COPY_MAX (then treated as absent). 0, or -1 when out of
 * memory: an answer of ours, never an absent header (a token refused, an
 * answer without its CORS headers). */
static int copy_header(struct MHD_Connection *connection, const char *name, char **out)
{
	const char *v = MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);

	*out = NULL;
	if (v == NULL || strlen(v) > COPY_MAX)
		return 0;
	*out = strdup(v);
	return *out != NULL ? 0 : -1;
}

/* ---------------------------------------------------------------- CORS */

/* The value of Access-Control-Allow-Origin for this request, or NULL when
 * its Origin is not allowed (--cors-origin). */
static const char *cors_allow(const serve_server *srv, const serve_request *req)
{
	size_t i;

	if (req->origin == NULL)
		return NULL;
	for (i = 0; i < srv->cfg.cors_count; i++) {
		if (strcmp(srv->cfg.cors_origin[i], "*") == 0)
			return "*";
		if (strcmp(srv->cfg.cors_origin[i], req->origin) == 0)
			return req->origin;
	}
	return NULL;
}

/* ------------------------------------------------------------- answers */

static enum MHD_Result send_answer(serve_request *req)
{
	serve_server *srv = req->server;
	serve_response *r = &req->response;
	struct MHD_Response *resp;
	const char *origin = cors_allow(srv, req);
	char retry[16];
	enum MHD_Result ok;

	resp = MHD_create_response_from_buffer(r->length, r->body,
					       r->body_static ? MHD_RESPMEM_PERSISTENT
							      : MHD_RESPMEM_MUST_FREE);
	if (resp == NULL)
		return MHD_NO;
	r->body = NULL; /* libmicrohttpd frees it (or it is static) */
	r->body_static = 0;
	if (r->length > 0)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
	MHD_add_response_header(resp, "X-Request-ID", req->id);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	if (origin != NULL) {
		MHD_add_response_header(resp, "Access-Control-Allow-Origin", origin);
		MHD_add_response_header(resp, "Access-Control-Expose-Headers", "X-Request-ID");
	}
	if (srv->cfg.cors_count > 0)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Origin");
	if (r->status == 204 && req->log_path != NULL) { /* CORS preflight */
		MHD_add_response_header(resp, "Access-Control-Allow-Methods",
					serve_route_allow(req->log_path));
		MHD_add_response_header(resp, "Access-Control-Allow-Headers",
					"Authorization, Content-Type");
		MHD_add_response_header(resp, "Access-Control-Max-Age", "600");
	}
	if (r->status == 401)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
					"Bearer realm=\"cds-services\"");
	if (r->allow != NULL)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, r->allow);
	if (r->retry_after > 0) {
		snprintf(retry, sizeof(retry), "%u", r->retry_after);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, retry);
	}
	ok = MHD_queue_response(req->connection, r->status, resp);
	MHD_destroy_response(resp);
	req->status = r->status;
	req->state = SERVE_REQ_ANSWERED;
	return ok;
}

static enum MHD_Result refuse(serve_request *req, unsigned status, const char *code,
			      const char *text, const char *reason)
{
	req->log.reason = reason;
	serve_respond_error(req, status, code, text);
	set_deadline(req, 0);
	return send_answer(req);
}

/* Out of memory while the request is taken in: 503, to be tried again. */
static enum MHD_Result refuse_no_memory(serve_request *req)
{
	req->response.retry_after = 1;
	return refuse(req, 503, "transient", "out of memory; try again", "out of memory");
}

/* No memory for a request's state when its line came (on_request_line):
 * a 503 of fixed text, once, and a line in the access log; the rest of
 * the request is not read. MHD_NO (the connection closed) only when even
 * that answer cannot be queued. */
static enum MHD_Result refuse_unread(serve_server *srv, struct MHD_Connection *connection,
				     size_t *upload_data_size)
{
	static char body[] = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":"
			     "\"error\",\"code\":\"transient\",\"details\":{\"text\":\"out of "
			     "memory; try again\"}}]}";
	struct MHD_Response *resp;
	enum MHD_Result ok;

	if (*upload_data_size > 0) { /* answered already: the body is dropped */
		*upload_data_size = 0;
		return MHD_YES;
	}
	resp = MHD_create_response_from_buffer(strlen(body), body, MHD_RESPMEM_PERSISTENT);
	if (resp == NULL)
		return MHD_NO;
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, "application/json");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "1");
	ok = MHD_queue_response(connection, 503, resp);
	MHD_destroy_response(resp);
	if (ok == MHD_YES)
		serve_log_refused(srv, 503, "out of memory");
	return ok;
}

/* Queues the request for a worker, or answers 503 when the queue is full. */
static enum MHD_Result dispatch(serve_request *req, serve_req_state waiting)
{
	serve_server *srv = req->server;

	set_deadline(req, 0);
	if (serve_pool_reserve(srv->pool) != 0) {
		req->response.retry_after = 1;
		return refuse(req, 503, "throttled", "the service is busy; try again",
			      "queue full");
	}
	req->state = waiting;
	MHD_suspend_connection(req->connection);
	serve_pool_submit(srv->pool, req);
	return MHD_YES;
}

void serve_http_run(void *server, onco_engine *engine, void *job)
{
	serve_server *srv = server;
	serve_request *req = job;

	if (req->state == SERVE_REQ_AUTH) {
		serve_auth_check(srv, req);
	} else {
		if (!req->auth_checked)
			serve_auth_check(srv, req);
		if (req->auth_ok)
			req->route->handle(srv, engine, req);
	}
	MHD_resume_connection(req->connection);
}

/* --------------------------------------------------------------- phases */

/* application/json, or a JSON media type such as application/fhir+json,
 * with any parameters. */
static int is_json_type(const char *type)
{
	const char *semi;
	size_t n;

	if (type == NULL)
		return 0;
	semi = strchr(type, ';');
	n = semi != NULL ? (size_t)(semi - type) : strlen(type);
	while (n > 0 && (type[n - 1] == ' ' || type[n - 1] == '\t'))
		n--;
	if (n == 16 && strncasecmp(type, "application/json", 16) == 0)
		return 1;
	return n > 17 && strncasecmp(type, "application/", 12) == 0 &&
	       strncasecmp(type + n - 5, "+json", 5) == 0;
}

/* The first call: the request line and headers are in. */
static enum MHD_Result on_headers(serve_server *srv, serve_request *req, const char *url,
				  const char *method)
{
	const char *length_header;
	unsigned long long length;
	int known;
	char *end;

	snprintf(req->method, sizeof(req->method), "%s", strlen(method) < 8 ? method : "OTHER");
	if (copy_header(req->connection, "Origin", &req->origin) != 0)
		return refuse_no_memory(req);
	req->route = serve_route_find(url, &known);
	if (req->route == NULL)
		return refuse(req, 404, "not-found",
			      strncmp(url, "/cds-services/", 14) == 0
				      ? "no such CDS service: GET /cds-services lists them"
				      : "not found",
			      "no route");
	req->log_path = req->route->path;
	if (strcmp(method, "OPTIONS") == 0) {
		/* A CORS preflight: no token (browsers send none); answered
		 * once the request is read, so the connection stays open. */
		req->preflight = 1;
		req->state = SERVE_REQ_BODY;
		set_deadline(req, srv->cfg.body_timeout);
		return MHD_YES;
	}
	if (strcmp(method, req->route->method) != 0) {
		req->response.allow = serve_route_allow(req->log_path);
		return refuse(req, 405, "not-supported", "method not allowed here",
			      "method not allowed");
	}
	if (req->route->has_body) {
		length_header = MHD_lookup_connection_value(req->connection, MHD_HEADER_KIND,
							    MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (length_header != NULL) {
			errno = 0;
			length = strtoull(length_header, &end, 10);
			if (errno == 0 && *end == '\0' && length > srv->cfg.max_body)
				return refuse(req, 413, "too-costly",
					      "the request body is larger than this service accepts",
					      "body too large");
		}
		if (!is_json_type(MHD_lookup_connection_value(req->connection, MHD_HEADER_KIND,
							      MHD_HTTP_HEADER_CONTENT_TYPE)))
			return refuse(req, 415, "not-supported",
				      "the request body must be application/json",
				      "not JSON content");
	}
	if (!srv->cfg.insecure_no_auth &&
	    copy_header(req->connection, MHD_HTTP_HEADER_AUTHORIZATION, &req->authorization) != 0)
		return refuse_no_memory(req);
	/* An answer queued now, before the request is read, closes the
	 * connection; only a refusal or a token check comes this early. */
	if (req->route->has_body && !srv->cfg.insecure_no_auth)
		return dispatch(req, SERVE_REQ_AUTH);
	req->state = SERVE_REQ_BODY;
	set_deadline(req, srv->cfg.body_timeout);
	return MHD_YES;
}

/* A piece of the body: kept up to the limit, counted after it. */
static void take_body(serve_server *srv, serve_request *req, const char *data, size_t n)
{
	size_t want, cap;
	char *grown;

	req->body_seen += n;
	if (req->body_too_large)
		return;
	if (req->body_length + n > srv->cfg.max_body) {
		req->body_too_large = 1;
		free(req->body);
		req->body = NULL;
		req->body_length = req->body_capacity = 0;
		return;
	}
	want = req->body_length + n;
	if (want > req->body_capacity) {
		cap = req->body_capacity ? req->body_capacity : 16384;
		while (cap < want)
			cap *= 2;
		if (cap > srv->cfg.max_body)
			cap = srv->cfg.max_body;
		grown = realloc(req->body, cap);
		if (grown == NULL) {
			req->body_too_large = 2; /* out of memory: answered 503 */
			free(req->body);
			req->body = NULL;
			req->body_length = req->body_capacity = 0;
			return;
		}
		req->body = grown;
		req->body_capacity = cap;
	}
	memcpy(req->body + req->body_length, data, n);
	req->body_length += n;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *connection,
				  const char *url, const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size,
				  void **req_cls)
{
	serve_server *srv = cls;
	serve_request *req = *req_cls;

	(void)version;
	if (req == NULL)
		return refuse_unread(srv, connection, upload_data_size);
	switch (req->state) {
	case SERVE_REQ_NEW:
		return on_headers(srv, req, url, method);
	case SERVE_REQ_AUTH: /* resumed: the token is checked */
		if (!req->auth_ok)
			return send_answer(req);
		req->state = SERVE_REQ_BODY;
		set_deadline(req, srv->cfg.body_timeout);
		return MHD_YES;
	case SERVE_REQ_BODY:
		if (*upload_data_size > 0) {
			take_body(srv, req, upload_data, *upload_data_size);
			*upload_data_size = 0;
			return MHD_YES;
		}
		if (req->body_too_large == 1)
			return refuse(req, 413, "too-costly",
				      "the request body is larger than this service accepts",
				      "body too large");
		if (req->body_too_large == 2)
			return refuse_no_memory(req);
		if (req->preflight) {
			serve_respond_json(&req->response, 204, NULL);
			set_deadline(req, 0);
			return send_answer(req);
		}
		return dispatch(req, SERVE_REQ_WORK);
	case SERVE_REQ_WORK: /* resumed: the answer is ready */
		return send_answer(req);
	case SERVE_REQ_ANSWERED:
		break;
	}
	if (*upload_data_size > 0)
		*upload_data_size = 0; /* a body after an early answer: dropped */
	return MHD_YES;
}

/* ------------------------------------------------------------ callbacks */

/* The request line is in: a request begins (its context, its id). */
static void *on_request_line(void *cls, const char *uri, struct MHD_Connection *connection)
{
	serve_server *srv = cls;
	serve_request *req = calloc(1, sizeof(*req));
	serve_conn *conn = conn_of(connection);

	(void)uri; /* may hold anything: never logged */
	if (req == NULL)
		return NULL;
	req->server = srv;
	req->connection = connection;
	clock_gettime(CLOCK_MONOTONIC, &req->start);
	serve_request_id(srv, req->id, sizeof(req->id));
	/* The first request's headers are due header_timeout after the
	 * connection opened; a later one's after its request line. */
	if (serve_reaper_next_request(srv->reaper, conn) > 1)
		serve_reaper_set(srv->reaper, conn, serve_now() + srv->cfg.header_timeout);
	return req;
}

static void on_completed(void *cls, struct MHD_Connection *connection, void **req_cls,
			 enum MHD_RequestTerminationCode toe)
{
	serve_server *srv = cls;
	serve_request *req = *req_cls;
	serve_conn *conn = conn_of(connection);
	struct timespec now;
	double ms;

	if (req == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (double)(now.tv_sec - req->start.tv_sec) * 1e3 +
	     (double)(now.tv_nsec - req->start.tv_nsec) / 1e6;
	serve_log_request(srv, req, ms, toe != MHD_REQUEST_TERMINATED_COMPLETED_OK,
			  serve_reaper_killed(srv->reaper, conn));
	/* A kept-alive connection must start its next request in time. */
	serve_reaper_set(srv->reaper, conn, serve_now() + srv->cfg.idle_timeout);
	if (!req->response.body_static)
		free(req->response.body);
	free(req->body);
	free(req->authorization);
	free(req->origin);
	free(req);
	*req_cls = NULL;
}

static void on_connection(void *cls, struct MHD_Connection *connection,
			  void **socket_context, enum MHD_ConnectionNotificationCode code)
{
	serve_server *srv = cls;
	const union MHD_ConnectionInfo *info;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
		*socket_context = info == NULL ? NULL
					       : serve_reaper_add(srv->reaper, info->connect_fd,
								  serve_now() +
									  srv->cfg.header_timeout);
	} else if (code == MHD_CONNECTION_NOTIFY_CLOSED) {
		if (serve_reaper_remove(srv->reaper, *socket_context))
			serve_log_event(srv, "connection closed at its deadline");
		*socket_context = NULL;
	}
}

/* libmicrohttpd's own messages can quote a request URL: only with
 * --log-phi. */
static void on_mhd_message(void *cls, const char *fmt, va_list ap)
{
	serve_server *srv = cls;
	char text[512];

	if (!srv->cfg.log_phi)
		return;
	vsnprintf(text, sizeof(text), fmt, ap);
	pthread_mutex_lock(&srv->log_lock);
	fprintf(srv->log_file, "{\"event\":\"libmicrohttpd\",\"message\":\"");
	for (const char *p = text; *p != '\0'; p++)
		if (*p == '"' || *p == '\\')
			fprintf(srv->log_file, "\\%c", *p);
		else if ((unsigned char)*p >= 0x20)
			fputc(*p, srv->log_file);
	fprintf(srv->log_file, "\"}\n");
	fflush(srv->log_file);
	pthread_mutex_unlock(&srv->log_lock);
}

/* ------------------------------------------------------------ the daemon */

/* Parses ADDR:PORT ("127.0.0.1:8080", "[::1]:8080"). */
static int parse_listen(const char *listen, struct sockaddr_storage *addr, int *ipv6)
{
	char host[128];
	const char *colon = strrchr(listen, ':');
	char *end;
	unsigned long port;
	size_t n;

	memset(addr, 0, sizeof(*addr));
	if (colon == NULL || colon == listen)
		return -1;
	errno = 0;
	port = strtoul(colon + 1, &end, 10);
	if (errno != 0 || *end != '\0' || end == colon + 1 || port > 65535)
		return -1;
	n = (size_t)(colon - listen);
	if (listen[0] == '[') {
		if (n < 3 || listen[n - 1] != ']' || n - 2 >= sizeof(host))
			return -1;
		memcpy(host, listen + 1, n - 2);
		host[n - 2] = '\0';
	} else {
		if (n >= sizeof(host))
			return -1;
		memcpy(host, listen, n);
		host[n] = '\0';
	}
	*ipv6 = strchr(host, ':') != NULL;
	if (*ipv6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)addr;

		a->sin6_family = AF_INET6;
		a->sin6_port = htons((unsigned short)port);
		return inet_pton(AF_INET6, host, &a->sin6_addr) == 1 ? 0 : -1;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)addr;

		a->sin_family = AF_INET;
		a->sin_port = htons((unsigned short)port);
		return inet_pton(AF_INET, host, &a->sin_addr) == 1 ? 0 : -1;
	}
}

int serve_listen_is_loopback(const char *listen)
{
	struct sockaddr_storage addr;
	int ipv6 = 0;

	if (parse_listen(listen, &addr, &ipv6) != 0)
		return 0;
	if (ipv6)
		return IN6_IS_ADDR_LOOPBACK(&((struct sockaddr_in6 *)&addr)->sin6_addr);
	return (ntohl(((struct sockaddr_in *)&addr)->sin_addr.s_addr) >> 24) == 127;
}

int serve_listen_valid(const char *listen)
{
	struct sockaddr_storage addr;
	int ipv6 = 0;

	return parse_listen(listen, &addr, &ipv6) == 0;
}

int serve_http_start(serve_server *srv)
{
	struct sockaddr_storage addr;
	unsigned int flags;
	int ipv6 = 0;

	if (parse_listen(srv->cfg.listen, &addr, &ipv6) != 0) {
		fprintf(stderr, "oncorules serve: --listen %s: not ADDR:PORT\n", srv->cfg.listen);
		return -1;
	}
	flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
		MHD_USE_ITC | MHD_USE_ERROR_LOG;
	if (ipv6)
		flags |= MHD_USE_IPv6;
	srv->daemon = MHD_start_daemon(
		flags, 0, NULL, NULL, on_request, srv,
		MHD_OPTION_EXTERNAL_LOGGER, on_mhd_message, srv,
		MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE,
		(unsigned int)(srv->cfg.io_threads > 1 ? srv->cfg.io_threads : 0),
		MHD_OPTION_CONNECTION_LIMIT, (unsigned int)srv->cfg.max_connections,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned int)srv->cfg.max_per_ip,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)srv->cfg.idle_timeout,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned int)256,
		MHD_OPTION_STRICT_FOR_CLIENT, (int)1,
		MHD_OPTION_URI_LOG_CALLBACK, on_request_line, srv,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
		MHD_OPTION_END);
	if (srv->daemon == NULL) {
		fprintf(stderr, "oncorules serve: cannot listen on %s: %s\n", srv->cfg.listen,
			errno != 0 ? strerror(errno) : "libmicrohttpd refused");
		return -1;
	}
	return 0;
}

unsigned serve_http_port(const serve_server *srv)
{
	const union MHD_DaemonInfo *info =
		MHD_get_daemon_info(srv->daemon, MHD_DAEMON_INFO_BIND_PORT);

	return info != NULL ? info->port : 0;
}

void serve_http_quiesce(serve_server *srv)
{
	MHD_socket fd;

	if (srv->daemon == NULL)
		return;
	fd = MHD_quiesce_daemon(srv->daemon);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
}

void serve_http_stop(serve_server *srv)
{
	if (srv->daemon != NULL)
		MHD_stop_daemon(srv->daemon);
	srv->daemon = NULL;
}
