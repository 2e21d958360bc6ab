/*
 * accesslog.c: one JSON line per request: time, request id, method, path
 * (a route's, never a client's unknown path), status, duration, bytes, the
 * reason of a refusal and the token's issuer. Patient data (the patient
 * id and hookInstance) only with --log-phi.
 */
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

static void write_line(serve_server *srv, cJSON *line)
{
	char *text = cJSON_PrintUnformatted(line);

	if (text == NULL)
		return;
	pthread_mutex_lock(&srv->log_lock);
	fprintf(srv->log_file, "%s\n", text);
	fflush(srv->log_file);
	pthread_mutex_unlock(&srv->log_lock);
	free(text);
}

/* A log line holding its time; NULL when out of memory. */
static cJSON *line_new(void)
{
	cJSON *line = cJSON_CreateObject();
	char when[40];

	if (line != NULL) {
		serve_utc_now(when, sizeof(when));
		cJSON_AddStringToObject(line, "time", when);
	}
	return line;
}

void serve_log_request(serve_server *srv, const serve_request *req, double ms,
		       int aborted, int deadline)
{
	cJSON *line = line_new();

	if (line == NULL)
		return;
	cJSON_AddStringToObject(line, "request", req->id);
	cJSON_AddStringToObject(line, "method", req->method);
	if (req->log_path != NULL)
		cJSON_AddStringToObject(line, "path", req->log_path);
	else
		cJSON_AddNullToObject(line, "path"); /* not a route: not logged */
	if (aborted && req->status == 0)
		cJSON_AddNullToObject(line, "status");
	else
		cJSON_AddNumberToObject(line, "status", req->status);
	cJSON_AddNumberToObject(line, "ms", (double)(long long)(ms * 1000.0 + 0.5) / 1000.0);
	cJSON_AddNumberToObject(line, "bytes_in", (double)req->body_seen);
	cJSON_AddNumberToObject(line, "bytes_out", (double)req->response.length);
	if (deadline)
		cJSON_AddStringToObject(line, "closed", "deadline");
	else if (aborted)
		cJSON_AddStringToObject(line, "closed", "client or network");
	if (req->log.reason != NULL)
		cJSON_AddStringToObject(line, "reason", req->log.reason);
	if (req->log.issuer[0] != '\0')
		cJSON_AddStringToObject(line, "iss", req->log.issuer);
	if (req->log.feedback_items > 0)
		cJSON_AddNumberToObject(line, "feedback", req->log.feedback_items);
	if (srv->cfg.log_phi) {
		if (req->log.patient[0] != '\0')
			cJSON_AddStringToObject(line, "patientId", req->log.patient);
		if (req->log.hook_instance[0] != '\0')
			cJSON_AddStringToObject(line, "hookInstance", req->log.hook_instance);
	}
	write_line(srv, line);
	cJSON_Delete(line);
}

void serve_log_event(serve_server *srv, const char *event)
{
	cJSON *line = line_new();

	if (line == NULL)
		return;
	cJSON_AddStringToObject(line, "event", event);
	write_line(srv, line);
	cJSON_Delete(line);
}

void serve_request_id(serve_server *srv, char *out, size_t size)
{
	unsigned long long n;

	pthread_mutex_lock(&srv->id_lock);
	n = ++srv->next_id;
	pthread_mutex_unlock(&srv->id_lock);
	snprintf(out, size, "%s-%llu", srv->boot_id, n);
}
