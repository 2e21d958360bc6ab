/*
 * fi_mhd.c: the libmicrohttpd functions cli/serve/http.c calls, the worker
 * pool (cli/serve/pool.c) and the reaper (cli/serve/deadline.c), as
 * fakes for fault_inject's http mode (fi_mhd.h). The test is linked
 * without libmicrohttpd, pool.c and deadline.c: these definitions stand
 * in for them. Nothing here allocates (static storage only).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <microhttpd.h>

#include "deadline.h"
#include "fi_mhd.h"
#include "pool.h"

struct MHD_Daemon {
	int running;
};

struct MHD_Connection {
	fi_exchange *x;
	void *socket_context;
	int suspended;
	serve_request *job; /* queued for a worker (serve_pool_submit) */
};

struct MHD_Response {
	int used, queued;
	char headers[sizeof(((fi_exchange *)0)->response_headers)];
	size_t headers_length;
	int overflow;
	char *body;
	size_t length;
	enum MHD_ResponseMemoryMode mode;
};

/* What libmicrohttpd would keep: the callbacks the daemon was started
 * with, the one connection, its response. */
static struct {
	struct MHD_Daemon daemon;
	unsigned int flags;
	MHD_AccessHandlerCallback handler;
	void *handler_cls;
	void *(*uri_log)(void *cls, const char *uri, struct MHD_Connection *connection);
	void *uri_log_cls;
	MHD_RequestCompletedCallback completed;
	void *completed_cls;
	MHD_NotifyConnectionCallback notify;
	void *notify_cls;
	struct MHD_Connection connection;
	struct MHD_Response response;
	union MHD_ConnectionInfo info;
	union MHD_DaemonInfo daemon_info;
} fake;

/* ------------------------------------------------------- the daemon */

struct MHD_Daemon *MHD_start_daemon(unsigned int flags, uint16_t port, MHD_AcceptPolicyCallback apc,
				    void *apc_cls, MHD_AccessHandlerCallback dh, void *dh_cls, ...)
{
	va_list ap;
	int option;

	(void)port;
	(void)apc;
	(void)apc_cls;
	memset(&fake, 0, sizeof(fake));
	fake.flags = flags;
	fake.handler = dh;
	fake.handler_cls = dh_cls;
	va_start(ap, dh_cls);
	/* The options http.c passes, each with its arguments. */
	while ((option = va_arg(ap, int)) != MHD_OPTION_END) {
		switch (option) {
		case MHD_OPTION_EXTERNAL_LOGGER:
			(void)va_arg(ap, MHD_LogCallback);
			(void)va_arg(ap, void *);
			break;
		case MHD_OPTION_SOCK_ADDR:
			(void)va_arg(ap, const void *);
			break;
		case MHD_OPTION_THREAD_POOL_SIZE:
		case MHD_OPTION_CONNECTION_LIMIT:
		case MHD_OPTION_PER_IP_CONNECTION_LIMIT:
		case MHD_OPTION_CONNECTION_TIMEOUT:
		case MHD_OPTION_LISTEN_BACKLOG_SIZE:
			(void)va_arg(ap, unsigned int);
			break;
		case MHD_OPTION_CONNECTION_MEMORY_LIMIT:
			(void)va_arg(ap, size_t);
			break;
		case MHD_OPTION_STRICT_FOR_CLIENT:
			(void)va_arg(ap, int);
			break;
		case MHD_OPTION_URI_LOG_CALLBACK:
			fake.uri_log = va_arg(ap, void *(*)(void *, const char *,
							    struct MHD_Connection *));
			fake.uri_log_cls = va_arg(ap, void *);
			break;
		case MHD_OPTION_NOTIFY_COMPLETED:
			fake.completed = va_arg(ap, MHD_RequestCompletedCallback);
			fake.completed_cls = va_arg(ap, void *);
			break;
		case MHD_OPTION_NOTIFY_CONNECTION:
			fake.notify = va_arg(ap, MHD_NotifyConnectionCallback);
			fake.notify_cls = va_arg(ap, void *);
			break;
		default:
			/* Its arguments are unknown: the list cannot be read on. */
			fprintf(stderr, "fi_mhd: MHD_start_daemon: option %d is not faked\n", option);
			va_end(ap);
			return NULL;
		}
	}
	va_end(ap);
	if (!(flags & MHD_ALLOW_SUSPEND_RESUME)) {
		fprintf(stderr, "fi_mhd: MHD_start_daemon without MHD_ALLOW_SUSPEND_RESUME\n");
		return NULL;
	}
	fake.daemon.running = 1;
	return &fake.daemon;
}

const union MHD_DaemonInfo *MHD_get_daemon_info(struct MHD_Daemon *daemon,
						enum MHD_DaemonInfoType info_type, ...)
{
	(void)daemon;
	(void)info_type;
	return &fake.daemon_info; /* port 0 */
}

MHD_socket MHD_quiesce_daemon(struct MHD_Daemon *daemon)
{
	(void)daemon;
	return MHD_INVALID_SOCKET;
}

void MHD_stop_daemon(struct MHD_Daemon *daemon)
{
	if (daemon != NULL)
		daemon->running = 0;
}

/* ---------------------------------------------------- the connection */

static void problem(const char *what)
{
	if (fake.connection.x != NULL && fake.connection.x->problem == NULL)
		fake.connection.x->problem = what;
}

const union MHD_ConnectionInfo *MHD_get_connection_info(struct MHD_Connection *connection,
							enum MHD_ConnectionInfoType info_type, ...)
{
	memset(&fake.info, 0, sizeof(fake.info));
	if (info_type == MHD_CONNECTION_INFO_SOCKET_CONTEXT)
		fake.info.socket_context = connection->socket_context;
	else if (info_type == MHD_CONNECTION_INFO_CONNECTION_FD)
		fake.info.connect_fd = -1;
	else
		return NULL;
	return &fake.info;
}

const char *MHD_lookup_connection_value(struct MHD_Connection *connection,
					enum MHD_ValueKind kind, const char *key)
{
	const fi_exchange *x = connection->x;
	size_t i;

	if (kind != MHD_HEADER_KIND || key == NULL)
		return NULL;
	for (i = 0; i < x->header_count; i++)
		if (strcasecmp(x->headers[i].name, key) == 0)
			return x->headers[i].value;
	return NULL;
}

void MHD_suspend_connection(struct MHD_Connection *connection)
{
	if (connection->suspended)
		problem("a connection suspended twice");
	connection->suspended = 1;
}

void MHD_resume_connection(struct MHD_Connection *connection)
{
	if (!connection->suspended)
		problem("a connection resumed that was not suspended");
	connection->suspended = 0;
}

/* ------------------------------------------------------ the response */

struct MHD_Response *MHD_create_response_from_buffer(size_t size, void *buffer,
						     enum MHD_ResponseMemoryMode mode)
{
	struct MHD_Response *r = &fake.response;

	if (r->used) {
		problem("a second response made for one request");
		return NULL;
	}
	memset(r, 0, sizeof(*r));
	r->used = 1;
	r->body = buffer;
	r->length = size;
	r->mode = mode;
	return r;
}

enum MHD_Result MHD_add_response_header(struct MHD_Response *response, const char *header,
					const char *content)
{
	int n = snprintf(response->headers + response->headers_length,
			 sizeof(response->headers) - response->headers_length, "%s: %s\n", header,
			 content);

	if (n < 0 || (size_t)n >= sizeof(response->headers) - response->headers_length) {
		response->overflow = 1;
		return MHD_NO;
	}
	response->headers_length += (size_t)n;
	return MHD_YES;
}

enum MHD_Result MHD_queue_response(struct MHD_Connection *connection, unsigned int status_code,
				   struct MHD_Response *response)
{
	fi_exchange *x = connection->x;

	if (x->answered) {
		problem("a second response queued for one request");
		return MHD_NO;
	}
	if (response->overflow)
		problem("more response headers than the fake keeps");
	x->answered = 1;
	x->status = status_code;
	memcpy(x->response_headers, response->headers, response->headers_length + 1);
	x->response_length = response->length;
	/* libmicrohttpd now holds the body; the exchange does here. */
	x->response_body = response->body;
	x->response_owned = response->mode == MHD_RESPMEM_MUST_FREE;
	if (response->mode == MHD_RESPMEM_MUST_COPY)
		problem("a response body to copy (the fake does not copy)");
	response->queued = 1;
	return MHD_YES;
}

void MHD_destroy_response(struct MHD_Response *response)
{
	if (!response->queued && response->mode == MHD_RESPMEM_MUST_FREE)
		free(response->body);
	response->used = 0;
}

/* ------------------------------------------------ the pool, the reaper */

int serve_pool_reserve(serve_pool *pool)
{
	(void)pool;
	return 0;
}

void serve_pool_submit(serve_pool *pool, serve_request *job)
{
	(void)pool;
	if (!job->connection->suspended)
		problem("a job queued for a connection not suspended");
	if (job->connection->job != NULL)
		problem("two jobs queued for one connection");
	job->connection->job = job;
}

void serve_pool_free(serve_pool *pool)
{
	(void)pool;
}

/* One connection, so one deadline. */
struct serve_conn {
	double deadline;
	unsigned requests;
};

static serve_conn the_conn;

double serve_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void serve_reaper_free(serve_reaper *reaper)
{
	(void)reaper;
}

serve_conn *serve_reaper_add(serve_reaper *reaper, int fd, double deadline)
{
	(void)reaper;
	(void)fd;
	the_conn.deadline = deadline;
	the_conn.requests = 0;
	return &the_conn;
}

void serve_reaper_set(serve_reaper *reaper, serve_conn *conn, double deadline)
{
	(void)reaper;
	if (conn != NULL)
		conn->deadline = deadline;
}

int serve_reaper_remove(serve_reaper *reaper, serve_conn *conn)
{
	(void)reaper;
	(void)conn;
	return 0;
}

int serve_reaper_killed(serve_reaper *reaper, serve_conn *conn)
{
	(void)reaper;
	(void)conn;
	return 0;
}

unsigned serve_reaper_next_request(serve_reaper *reaper, serve_conn *conn)
{
	(void)reaper;
	return conn != NULL ? ++conn->requests : 0;
}

/* ------------------------------------------------------ the exchange */

/* The handler, as libmicrohttpd calls it. */
static enum MHD_Result call(fi_exchange *x, void **req_cls, const char *data, size_t *size)
{
	return fake.handler(fake.handler_cls, &fake.connection, x->path, x->method, "HTTP/1.1", data,
			    size, req_cls);
}

int fi_mhd_exchange(serve_server *srv, onco_engine *engine, fi_exchange *x)
{
	struct MHD_Connection *c = &fake.connection;
	void *req_cls = NULL;
	size_t sent = 0, n, left, zero = 0;
	serve_request *job;
	enum MHD_Result rc;
	int calls, idle = 0;

	if (!fake.daemon.running || fake.handler == NULL) {
		x->problem = "no daemon started";
		return -1;
	}
	memset(c, 0, sizeof(*c));
	memset(&fake.response, 0, sizeof(fake.response));
	c->x = x;
	if (fake.notify != NULL)
		fake.notify(fake.notify_cls, c, &c->socket_context, MHD_CONNECTION_NOTIFY_STARTED);
	if (fake.uri_log != NULL)
		req_cls = fake.uri_log(fake.uri_log_cls, x->path, c);
	rc = call(x, &req_cls, NULL, &zero);
	for (calls = 0; rc == MHD_YES && !x->answered && x->problem == NULL; calls++) {
		if (calls > 100000) {
			x->problem = "the handler goes on for ever";
			break;
		}
		zero = 0;
		if (c->suspended) {
			/* A worker runs the job, as pool.c would. */
			job = c->job;
			c->job = NULL;
			if (job == NULL) {
				x->problem = "a connection suspended with no job queued";
				break;
			}
			serve_http_run(srv, engine, job);
			if (c->suspended) {
				x->problem = "the worker did not resume the connection";
				break;
			}
			rc = call(x, &req_cls, NULL, &zero);
		} else if (sent < x->body_length) {
			n = x->body_length - sent;
			if (x->chunk > 0 && n > x->chunk)
				n = x->chunk;
			left = n;
			rc = call(x, &req_cls, x->body + sent, &left);
			if (left == n) {
				x->problem = "the handler took none of the body";
				break;
			}
			sent += n - left;
		} else {
			/* The body is in: the handler answers or hands the
			 * request to a worker. */
			if (idle++ > 0) {
				x->problem = "the handler neither answers nor queues the request";
				break;
			}
			rc = call(x, &req_cls, NULL, &zero);
		}
	}
	x->closed = rc != MHD_YES;
	if (fake.completed != NULL)
		fake.completed(fake.completed_cls, c, &req_cls,
			       x->answered && !x->closed ? MHD_REQUEST_TERMINATED_COMPLETED_OK
							 : MHD_REQUEST_TERMINATED_WITH_ERROR);
	if (fake.notify != NULL)
		fake.notify(fake.notify_cls, c, &c->socket_context, MHD_CONNECTION_NOTIFY_CLOSED);
	if (fake.response.used)
		MHD_destroy_response(&fake.response);
	c->x = NULL;
	return x->problem != NULL ? -1 : 0;
}

void fi_mhd_exchange_free(fi_exchange *x)
{
	if (x->response_owned)
		free(x->response_body);
	x->response_body = NULL;
}
