/* fi_work.c: the work of each fault_inject mode (fi_work.h). */
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "fi_work.h"

const char *const fi_mode_names[FI_MODES] = {"evaluate-json", "evaluate-text", "batch",
					     "batch-summary", "report"};

int fi_work_run(const fi_job *j)
{
	onco_engine *engines[1] = {j->engine};
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
	case FI_MODES:
		break;
	}
	return cli_finish(status);
}

int fi_work_batch_input(fi_job *j, const char *path)
{
	cJSON *doc = cJSON_Parse(j->text);
	char *one_line = doc != NULL ? cJSON_PrintUnformatted(doc) : NULL;
	FILE *input;
	int ok;

	cJSON_Delete(doc);
	input = one_line != NULL ? fopen(path, "w") : NULL;
	ok = input != NULL && fprintf(input, "%s\n\n{\"id\": \"x\", \n", one_line) >= 0;
	if (input != NULL && fclose(input) != 0)
		ok = 0;
	free(one_line);
	j->input = path;
	return ok ? 0 : -1;
}
