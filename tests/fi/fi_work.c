/* fi_work.c: the work of each fault_inject mode (fi_work.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fi_http.h"
#include "fi_work.h"
#include "serve.h"

const char *const fi_mode_names[FI_MODES] = {"evaluate-json", "evaluate-text", "batch",
					     "batch-summary", "report", "report-result",
					     "batch-html", "patient-view", "http"};

/* A 5xx whose body says what failed: an OperationOutcome with an error
 * issue and its text (outcome.c), and a reason for the access log. Read
 * as text: parsing would allocate, and allocations may fail here. */
static int clear_failure(const serve_request *req)
{
	static const char head[] =
		"{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",";
	const serve_response *r = &req->response;

	return r->body != NULL && req->log.reason != NULL &&
	       strncmp(r->body, head, strlen(head)) == 0 &&
	       strstr(r->body, "\"details\":{\"text\":\"") != NULL;
}

/* The service's answer to one patient-view request, as a worker computes
 * it once the token is checked and the body read (http.c): no socket. No
 * cli_finish: the service has no such net under its answer (a cJSON
 * allocation that failed must show in the response itself). An answer
 * below 500 goes to standard output whole (status, the log's reason,
 * body): the run without failure gives the reference. */
static int patient_view(const fi_job *j)
{
	serve_request req;
	serve_response *r = &req.response;
	int status;

	memset(&req, 0, sizeof(req));
	req.body = (char *)j->text;
	req.body_length = j->length;
	serve_patient_view(NULL, j->engine, &req);
	if (r->status < 500) {
		printf("HTTP %u (%s)\n", r->status, req.log.reason != NULL ? req.log.reason : "");
		if (r->body != NULL)
			fwrite(r->body, 1, r->length, stdout);
		status = CLI_EXIT_OK;
	} else {
		fprintf(stderr, "oncorules-serve: HTTP %u (%s): %s\n", r->status,
			req.log.reason != NULL ? req.log.reason : "no reason",
			r->body != NULL ? r->body : "(no body)");
		/* exit 1 fails the point: a 5xx that does not say what failed */
		status = clear_failure(&req) ? CLI_EXIT_INTERNAL : CLI_EXIT_FINDINGS;
	}
	if (!r->body_static)
		free(r->body);
	return fflush(stdout) != 0 ? CLI_EXIT_INTERNAL : status;
}

int fi_work_run(const fi_job *j)
{
	onco_engine *engines[1] = {j->engine};
	char verb[] = "report", result[] = "--result", to[] = "-o", input[64], page[80];
	char *argv[] = {verb, result, input, to, page, NULL};
	cli_report_dir *html;
	int status = CLI_EXIT_INTERNAL;

	switch (j->mode) {
	case FI_JSON:
	case FI_TEXT:
		status = cli_evaluate_case(j->engine, j->text, j->length, j->fhir,
					   j->mode == FI_JSON ? CLI_VIEW_JSON : CLI_VIEW_CARDS);
		break;
	case FI_BATCH:
	case FI_BATCH_SUMMARY:
		status = cli_batch_run(engines, 1, NULL, 0,
				       j->mode == FI_BATCH_SUMMARY ? ONCO_JSON_SUMMARY : 0, j->fhir,
				       NULL);
		break;
	case FI_REPORT:
		status = cli_report_case(j->engine, j->text, j->length, j->fhir, j->page);
		break;
	case FI_REPORT_RESULT:
		/* The whole verb: reading the file is swept too. */
		snprintf(input, sizeof(input), "%s", j->input);
		snprintf(page, sizeof(page), "%s", j->page);
		status = cli_report(5, argv);
		break;
	case FI_BATCH_HTML:
		/* As cli_batch does, once its engine is open. */
		html = cli_report_dir_open(j->folder);
		status = html == NULL ? CLI_EXIT_USAGE
				      : cli_report_dir_finish(html, cli_batch_run(engines, 1, NULL, 0, 0,
										  j->fhir, html));
		break;
	case FI_PATIENT_VIEW:
		return patient_view(j);
	case FI_HTTP:
		return fi_http_run(j->http, j->engine);
	case FI_MODES:
		break;
	}
	return cli_finish(status);
}

/* Writes `text` (NULL: it could not be made) and then `after` to `path`,
 * which becomes the job's input. 0, or -1. */
static int write_input(fi_job *j, const char *path, const char *text, const char *after)
{
	FILE *file = text != NULL ? fopen(path, "w") : NULL;
	int ok = file != NULL && fprintf(file, "%s%s", text, after) >= 0;

	if (file != NULL && fclose(file) != 0)
		ok = 0;
	j->input = path;
	return ok ? 0 : -1;
}

int fi_work_batch_input(fi_job *j, const char *path)
{
	cJSON *doc = cJSON_Parse(j->text);
	char *one_line = doc != NULL ? cJSON_PrintUnformatted(doc) : NULL;
	int rc = write_input(j, path, one_line, "\n\n{\"id\": \"x\", \n");

	cJSON_Delete(doc);
	free(one_line);
	return rc;
}

int fi_work_result_input(fi_job *j, const char *path)
{
	onco_error err;
	char *result = NULL;
	int rc;

	if (j->fhir != NULL)
		onco_engine_evaluate_fhir(j->engine, j->text, j->length, j->fhir, ONCO_JSON_PRETTY,
					  &result, &err);
	else
		onco_engine_evaluate(j->engine, j->text, j->length, ONCO_JSON_PRETTY, &result, &err);
	rc = write_input(j, path, result, "\n");
	free(result);
	return rc;
}
