/*
 * outcome.c: error answers as FHIR OperationOutcome resources, which the
 * CDS Hooks continuous build recommends for non-2xx statuses ("Returning
 * OperationOutcome"); CDS Hooks 2.0 allows any body with 4xx and 5xx.
 * Texts are ours, never patient data.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "serve.h"

void serve_respond_json(serve_response *resp, unsigned status, char *body)
{
	if (!resp->body_static)
		free(resp->body);
	resp->body_static = 0;
	resp->status = status;
	resp->body = body;
	resp->length = body != NULL ? strlen(body) : 0;
}

/* The answer when an error's own OperationOutcome could not be made:
 * static, so that it needs no memory (never written: not const only
 * because a response body is `char *`). */
static char out_of_memory[] =
	"{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
	"\"code\":\"exception\",\"details\":{\"text\":\"out of memory\"}}]}";

void serve_respond_error(serve_request *req, unsigned status, const char *code,
			 const char *text)
{
	cJSON *doc = cJSON_CreateObject(), *issues, *issue, *details;
	char *body = NULL;

	if (doc != NULL && cJSON_AddStringToObject(doc, "resourceType", "OperationOutcome") &&
	    (issues = cJSON_AddArrayToObject(doc, "issue")) != NULL &&
	    (issue = cJSON_CreateObject()) != NULL) {
		cJSON_AddItemToArray(issues, issue);
		if (cJSON_AddStringToObject(issue, "severity", "error") &&
		    cJSON_AddStringToObject(issue, "code", code) &&
		    (details = cJSON_AddObjectToObject(issue, "details")) != NULL &&
		    cJSON_AddStringToObject(details, "text", text))
			body = cJSON_PrintUnformatted(doc);
	}
	cJSON_Delete(doc);
	if (body == NULL) {
		/* Never a 4xx without its body (the client blamed for our
		 * memory, and not told why): a 5xx saying so. */
		req->log.reason = "out of memory";
		serve_respond_json(&req->response, status >= 500 ? status : 500, out_of_memory);
		req->response.body_static = 1;
		return;
	}
	serve_respond_json(&req->response, status, body);
}
