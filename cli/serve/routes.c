/*
 * routes.c: the endpoints of the service, one row each, one file each
 * (CDS Hooks 2.0: Discovery, Calling a CDS Service, Feedback).
 */
#include <string.h>

#include "serve.h"

static const serve_route routes[] = {
	{"/cds-services", "GET", 0, serve_discovery},
	{"/cds-services/patient-view", "POST", 1, serve_patient_view},
	{"/cds-services/patient-view/feedback", "POST", 1, serve_feedback},
};

const serve_route *serve_route_find(const char *path, int *known_path)
{
	size_t i;

	*known_path = 0;
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (strcmp(routes[i].path, path) == 0) {
			*known_path = 1;
			return &routes[i];
		}
	return NULL;
}

const char *serve_route_allow(const char *path)
{
	size_t i;

	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (strcmp(routes[i].path, path) == 0)
			return strcmp(routes[i].method, "GET") == 0 ? "GET, OPTIONS"
								    : "POST, OPTIONS";
	return NULL;
}
