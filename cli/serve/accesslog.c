/*
 * accesslog.c: one JSON line per request: time, request id, method, path
 * (a route's, never a client's unknown path), status, duration, bytes, the
 * reason of a refusal and the token's issuer. Patient data (the patient
 * id and hookInstance) only with --log-phi. When memory runs out, a
 * shorter line made without allocating says so: a request is never left
 * out of the log, nor logged with members missing.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "serve.h"

void serve_utc_now(char *out, size_t size)
{
	struct timespec ts;
	struct tm tm;
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	n = strftime(out, size, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out + n, size - n, ".%03dZ", (int)(ts.tv_nsec / 1000000L));
}

/* Appends to line[*n..size) (cut at the end). */
static void put(char *line, size_t size, size_t *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void put(char *line, size_t size, size_t *n, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (*n >= size)
		return;
	va_start(ap, fmt);
	k = vsnprintf(line + *n, size - *n, fmt, ap);
	va_end(ap);
	*n = k < 0 ? size : *n + (size_t)k;
}

static void write_text(serve_server *srv, const char *text)
{
	pthread_mutex_lock(&srv->log_lock);
	fprintf(srv->log_file, "%s\n", text);
	fflush(srv->log_file);
	pthread_mutex_unlock(&srv->log_lock);
}

/* A line built without allocating, for when memory ran out: time, request
 * id (or null), path (or null), status (or null), reason and what became
 * of the rest. Every string in it is ours (an id, a route's path, a
 * reason, a note: no quote, no control character), so nothing needs
 * escaping. */
static void write_short_line(serve_server *srv, const char *id, const char *path,
			     unsigned status, const char *reason, const char *note)
{
	char when[40], line[512];
	size_t n = 0;

	serve_utc_now(when, sizeof(when));
	put(line, sizeof(line), &n, "{\"time\":\"%s\"", when);
	if (id != NULL)
		put(line, sizeof(line), &n, ",\"request\":\"%s\"", id);
	else
		put(line, sizeof(line), &n, ",\"request\":null");
	if (path != NULL)
		put(line, sizeof(line), &n, ",\"path\":\"%s\"", path);
	else
		put(line, sizeof(line), &n, ",\"path\":null");
	if (status > 0)
		put(line, sizeof(line), &n, ",\"status\":%u", status);
	else
		put(line, sizeof(line), &n, ",\"status\":null");
	if (reason != NULL)
		put(line, sizeof(line), &n, ",\"reason\":\"%s\"", reason);
	if (note != NULL)
		put(line, sizeof(line), &n, ",\"log\":\"%s\"", note);
	put(line, sizeof(line), &n, "}");
	if (n < sizeof(line))
		write_text(srv, line);
}

void serve_log_request(serve_server *srv, const serve_request *req, double ms,
		       int aborted, int deadline)
{
	cJSON *line = cJSON_CreateObject();
	char when[40], *text = NULL;
	int ok = line != NULL;

	serve_utc_now(when, sizeof(when));
	ok = ok && cJSON_AddStringToObject(line, "time", when) &&
	     cJSON_AddStringToObject(line, "request", req->id) &&
	     cJSON_AddStringToObject(line, "method", req->method);
	if (req->log_path != NULL)
		ok = ok && cJSON_AddStringToObject(line, "path", req->log_path);
	else
		ok = ok && cJSON_AddNullToObject(line, "path"); /* not a route: not logged */
	if (aborted && req->status == 0)
		ok = ok && cJSON_AddNullToObject(line, "status");
	else
		ok = ok && cJSON_AddNumberToObject(line, "status", req->status);
	ok = ok &&
	     cJSON_AddNumberToObject(line, "ms", (double)(long long)(ms * 1000.0 + 0.5) / 1000.0) &&
	     cJSON_AddNumberToObject(line, "bytes_in", (double)req->body_seen) &&
	     cJSON_AddNumberToObject(line, "bytes_out", (double)req->response.length);
	if (deadline)
		ok = ok && cJSON_AddStringToObject(line, "closed", "deadline");
	else if (aborted)
		ok = ok && cJSON_AddStringToObject(line, "closed", "client or network");
	if (req->log.reason != NULL)
		ok = ok && cJSON_AddStringToObject(line, "reason", req->log.reason);
	if (req->log.issuer[0] != '\0')
		ok = ok && cJSON_AddStringToObject(line, "iss", req->log.issuer);
	if (req->log.feedback_items > 0)
		ok = ok && cJSON_AddNumberToObject(line, "feedback", req->log.feedback_items);
	if (srv->cfg.log_phi) {
		if (req->log.patient[0] != '\0')
			ok = ok && cJSON_AddStringToObject(line, "patientId", req->log.patient);
		if (req->log.hook_instance[0] != '\0')
			ok = ok && cJSON_AddStringToObject(line, "hookInstance", req->log.hook_instance);
	}
	if (ok)
		text = cJSON_PrintUnformatted(line);
	cJSON_Delete(line);
	if (text != NULL)
		write_text(srv, text);
	else /* never a line with members missing, nor no line */
		write_short_line(srv, req->id, req->log_path, req->status, req->log.reason,
				 "out of memory: the rest of this line is lost");
	free(text);
}

void serve_log_refused(serve_server *srv, unsigned status, const char *reason)
{
	write_short_line(srv, NULL, NULL, status, reason, NULL);
}

void serve_log_event(serve_server *srv, const char *event)
{
	char when[40], line[256];

	serve_utc_now(when, sizeof(when));
	snprintf(line, sizeof(line), "{\"time\":\"%s\",\"event\":\"%s\"}", when, event);
	write_text(srv, line);
}

void serve_request_id(serve_server *srv, char *out, size_t size)
{
	unsigned long long n;

	pthread_mutex_lock(&srv->id_lock);
	n = ++srv->next_id;
	pthread_mutex_unlock(&srv->id_lock);
	snprintf(out, size, "%s-%llu", srv->boot_id, n);
}
