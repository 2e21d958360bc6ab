/*
 * discovery.c: GET /cds-services (CDS Hooks 2.0, "Discovery"): the one
 * service, its hook and its prefetch templates. Built once at start.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "prefetch.h"
#include "serve.h"

#define SERVICE_ID "patient-view"

void serve_discovery_build(serve_server *srv, int *ok)
{
	cJSON *doc = cJSON_CreateObject(), *services, *service, *prefetch;
	size_t i;

	*ok = 0;
	if (doc == NULL || (services = cJSON_AddArrayToObject(doc, "services")) == NULL ||
	    (service = cJSON_CreateObject()) == NULL)
		goto done;
	cJSON_AddItemToArray(services, service);
	if (!cJSON_AddStringToObject(service, "hook", "patient-view") ||
	    !cJSON_AddStringToObject(service, "title",
				     "oncorules: treatment options in advanced cancer") ||
	    !cJSON_AddStringToObject(
		    service, "description",
		    "Treatment options, cautions and exclusions for advanced cervical, anal and "
		    "breast cancer, from guideline rules with their sources (oncorules " ONCO_VERSION
		    "), for discussion by the treating team.") ||
	    !cJSON_AddStringToObject(service, "id", SERVICE_ID) ||
	    (prefetch = cJSON_AddObjectToObject(service, "prefetch")) == NULL)
		goto done;
	for (i = 0; i < serve_prefetch_template_count; i++)
		if (!cJSON_AddStringToObject(prefetch, serve_prefetch_templates[i].key,
					     serve_prefetch_templates[i].query))
			goto done;
	if (!cJSON_AddStringToObject(
		    service, "usageRequirements",
		    "Every prefetch key is needed: the service has no access to the EHR's FHIR "
		    "server and answers 412 when prefetched data is missing or incomplete. "
		    "Ages and days are counted to the date of the call (UTC) unless the request "
		    "gives one in extension org.oncorules.as-of (YYYY-MM-DD). The cards are "
		    "options for discussion by the treating team, each with its source passage, "
		    "not orders."))
		goto done;
	srv->discovery = cJSON_PrintUnformatted(doc);
	if (srv->discovery != NULL) {
		srv->discovery_length = strlen(srv->discovery);
		*ok = 1;
	}
done:
	cJSON_Delete(doc);
}

void serve_discovery(serve_server *srv, onco_engine *engine, serve_request *req)
{
	char *copy = malloc(srv->discovery_length + 1);

	(void)engine;
	if (copy == NULL) {
		req->log.reason = "out of memory";
		serve_respond_error(req, 500, "exception", "out of memory");
		return;
	}
	memcpy(copy, srv->discovery, srv->discovery_length + 1);
	serve_respond_json(&req->response, 200, copy);
}
