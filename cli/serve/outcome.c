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
	free(resp->body);
	resp->status = status;
	resp->body = body;
	resp->length = body != NULL ? strlen(body) : 0;
}

void serve_respond_error(serve_response *resp, unsigned status, const char *code,
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
	serve_respond_json(resp, status, body);
}
