/*
 * prefetch.h: the prefetch templates of the patient-view service, one row
 * each (CDS Hooks 2.0, "Prefetch Template"), and the step that checks
 * what the EHR prefetched and gathers it into one FHIR collection Bundle
 * for the FHIR reader.
 *
 * The service has no network access to the EHR's FHIR server: every
 * template is needed, and data that is missing, paginated, cut short or
 * reported as an error by the EHR is answered with 412 Precondition
 * Failed ("the service SHALL respond with an HTTP 412"), never guessed.
 *
 * Ownership: serve_prefetch_collect detaches the resources from the
 * request document into the bundle it returns; the caller frees the
 * bundle with cJSON_Delete and the result with serve_prefetch_free.
 */
#ifndef ONCO_SERVE_PREFETCH_H
#define ONCO_SERVE_PREFETCH_H

#include <stddef.h>

struct cJSON;

typedef struct serve_prefetch_template {
	const char *key;      /* the prefetch key */
	const char *query;    /* the FHIR read or search, with prefetch tokens */
	const char *resource; /* the resource type it returns */
	int search;           /* 1: a search (a Bundle), 0: a read */
	const char *purpose;  /* what the rules read from it */
} serve_prefetch_template;

extern const serve_prefetch_template serve_prefetch_templates[];
extern const size_t serve_prefetch_template_count;

typedef struct serve_prefetch {
	struct cJSON *bundle;  /* {"resourceType": "Bundle", "type": "collection", ...} */
	char **sources;        /* for entry i, its JSON pointer in the request */
	size_t count;
	unsigned status;       /* 0, or 400 / 412 / 500 with `message` */
	const char *code;      /* FHIR issue type of the refusal */
	char message[512];     /* no patient data */
} serve_prefetch;

/* Checks request["prefetch"] against the templates for the patient
 * `patient_id` (context.patientId) and fills `out`. */
void serve_prefetch_collect(struct cJSON *request, const char *patient_id,
			    serve_prefetch *out);
void serve_prefetch_free(serve_prefetch *p);

#endif
