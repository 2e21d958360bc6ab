/*
 * feedback.c: POST /cds-services/patient-view/feedback (CDS Hooks 2.0,
 * "Feedback"): what the clinician did with a card (accepted, overridden,
 * with a reason and a comment).
 *
 * Each feedback item is appended as one JSON line to the feedback log,
 * with the time received, the request id and the token's issuer, and the
 * item exactly as received. The log is opened O_APPEND and never
 * rewritten; the answer is 200 only once the lines are on disk (fdatasync).
 * A write that fails half-way is cut back to the last whole line, so the
 * file stays one JSON object per line. Comments are free text a clinician
 * typed: the log holds patient data and is created mode 0600.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "serve.h"

#define SERVICE_ID "patient-view"

static int two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Whether the digits of "YYYY-MM-DDTHH:MM:SS" name a time that exists
 * (RFC 3339 section 5.7: a leap second 60 is allowed). */
static int in_range(const char *s)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int year = two(s) * 100 + two(s + 2), month = two(s + 5), day = two(s + 8);
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12 || day < 1 || day > days[month - 1] ||
	    (month == 2 && day == 29 && !leap))
		return 0;
	return two(s + 11) <= 23 && two(s + 14) <= 59 && two(s + 17) <= 60;
}

/* RFC 3339 section 5.6 date-time: 1985-04-12T23:20:50.52Z, each part in
 * its range. */
static int is_date_time(const char *s)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:dd";
	size_t i;

	for (i = 0; shape[i] != '\0'; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != shape[i])
			return 0;
	if (!in_range(s))
		return 0;
	s += i;
	if (*s == '.') {
		if (!isdigit((unsigned char)*++s))
			return 0;
		while (isdigit((unsigned char)*s))
			s++;
	}
	if (*s == 'Z' || *s == 'z')
		return s[1] == '\0';
	return (*s == '+' || *s == '-') && isdigit((unsigned char)s[1]) &&
	       isdigit((unsigned char)s[2]) && s[3] == ':' && isdigit((unsigned char)s[4]) &&
	       isdigit((unsigned char)s[5]) && s[6] == '\0' && two(s + 1) <= 23 &&
	       two(s + 4) <= 59;
}

static const char *string_at(const cJSON *obj, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	return cJSON_IsString(v) && v->valuestring[0] != '\0' ? v->valuestring : NULL;
}

/* Checks one Feedback object; returns NULL or what is wrong. */
static const char *check_item(const cJSON *item)
{
	const char *outcome = string_at(item, "outcome"), *ts = string_at(item, "outcomeTimestamp");
	const cJSON *accepted = cJSON_GetObjectItemCaseSensitive(item, "acceptedSuggestions"), *s;
	const cJSON *reason = cJSON_GetObjectItemCaseSensitive(item, "overrideReason");

	if (!cJSON_IsObject(item))
		return "each feedback is an object";
	if (string_at(item, "card") == NULL)
		return "card: required, the card's uuid";
	if (outcome == NULL || (strcmp(outcome, "accepted") != 0 &&
				strcmp(outcome, "overridden") != 0))
		return "outcome: required, accepted or overridden";
	if (ts == NULL || !is_date_time(ts))
		return "outcomeTimestamp: required, an RFC 3339 date-time";
	if (strcmp(outcome, "accepted") == 0) {
		if (!cJSON_IsArray(accepted) || cJSON_GetArraySize(accepted) == 0)
			return "acceptedSuggestions: required for an accepted outcome";
		cJSON_ArrayForEach(s, accepted)
			if (string_at(s, "id") == NULL)
				return "acceptedSuggestions: each has an id";
	} else if (accepted != NULL) {
		return "acceptedSuggestions: only for an accepted outcome";
	}
	if (reason != NULL && !cJSON_IsObject(reason))
		return "overrideReason: an object";
	return NULL;
}

/* The lines to append, one per item; NULL when out of memory. */
static char *render_lines(const serve_request *req, cJSON *items, size_t *length)
{
	cJSON *item, *line;
	char when[40], *text, *all = NULL, *grown;
	size_t len = 0, n;

	serve_utc_now(when, sizeof(when));
	cJSON_ArrayForEach(item, items) {
		line = cJSON_CreateObject();
		if (line == NULL || !cJSON_AddStringToObject(line, "received", when) ||
		    !cJSON_AddStringToObject(line, "request", req->id) ||
		    !cJSON_AddStringToObject(line, "service", SERVICE_ID) ||
		    (req->log.issuer[0] != '\0' &&
		     !cJSON_AddStringToObject(line, "iss", req->log.issuer)) ||
		    !cJSON_AddItemReferenceToObject(line, "feedback", item) ||
		    (text = cJSON_PrintUnformatted(line)) == NULL) {
			cJSON_Delete(line);
			free(all);
			return NULL;
		}
		cJSON_Delete(line); /* a reference: the item stays in `items` */
		n = strlen(text);
		grown = realloc(all, len + n + 2);
		if (grown == NULL) {
			free(text);
			free(all);
			return NULL;
		}
		all = grown;
		memcpy(all + len, text, n);
		len += n;
		all[len++] = '\n';
		all[len] = '\0';
		free(text);
	}
	*length = len;
	return all;
}

/* Appends and syncs; on failure cuts the file back to where it was.
 * Returns 0 or an errno value. */
static int append_synced(serve_server *srv, const char *data, size_t length)
{
	struct stat st;
	size_t done = 0;
	ssize_t n;
	int rc = 0;

	pthread_mutex_lock(&srv->feedback_lock);
	if (fstat(srv->feedback_fd, &st) != 0) {
		rc = errno;
		goto done;
	}
	while (done < length) {
		n = write(srv->feedback_fd, data + done, length - done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = errno;
			break;
		}
		done += (size_t)n;
	}
	if (rc == 0 && fdatasync(srv->feedback_fd) != 0)
		rc = errno;
	if (rc != 0 && done > 0 && ftruncate(srv->feedback_fd, st.st_size) == 0)
		(void)fdatasync(srv->feedback_fd);
done:
	pthread_mutex_unlock(&srv->feedback_lock);
	return rc;
}

void serve_feedback(serve_server *srv, onco_engine *engine, serve_request *req)
{
	cJSON *doc, *items, *item;
	const char *problem = NULL;
	char *lines, message[160];
	size_t length = 0;
	int index = 0, rc;

	(void)engine;
	doc = serve_body_parse(req);
	if (doc == NULL)
		return;
	items = cJSON_GetObjectItemCaseSensitive(doc, "feedback");
	if (!cJSON_IsArray(items) || cJSON_GetArraySize(items) == 0) {
		problem = "required, a non-empty array";
		index = -1;
	} else {
		cJSON_ArrayForEach(item, items) {
			if ((problem = check_item(item)) != NULL)
				break;
			index++;
		}
	}
	if (problem != NULL) {
		if (index < 0)
			snprintf(message, sizeof(message), "/feedback: %s", problem);
		else
			snprintf(message, sizeof(message), "/feedback/%d/%s", index, problem);
		req->log.reason = "invalid feedback";
		serve_respond_error(req, 400, "invalid", message);
		cJSON_Delete(doc);
		return;
	}
	lines = render_lines(req, items, &length);
	if (lines == NULL) {
		req->log.reason = "out of memory";
		serve_respond_error(req, 500, "exception", "out of memory");
	} else if ((rc = append_synced(srv, lines, length)) != 0) {
		req->log.reason = "feedback log write failed";
		serve_respond_error(req, 500, "exception",
				    "the feedback could not be stored");
	} else {
		req->log.feedback_items = (unsigned)cJSON_GetArraySize(items);
		serve_respond_json(&req->response, 200, NULL);
	}
	free(lines);
	cJSON_Delete(doc);
}
