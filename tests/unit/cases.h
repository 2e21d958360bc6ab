/*
 * cases.h: for the engine's suites, each regression case (the JSON files
 * of tests/cases/<guideline>/) evaluated in turn by one engine, then
 * handed to a check while working memory holds its facts.
 */
#ifndef ONCO_TEST_CASES_H
#define ONCO_TEST_CASES_H

#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "onco.h"
#include "suite.h"

/* An engine on the built-in rule base, for the suites that run the
 * regression cases through it. */
static inline onco_engine *onco_open_built_in(void)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;

	onco_engine_options_default(&opts);
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	return engine;
}

/* Evaluates the input of the regression case at `path` with `engine`;
 * 1 when it was evaluated without an error (a refused case leaves no run
 * to look at), else 0. */
static inline int onco_evaluate_case_file(onco_engine *engine, const char *path)
{
	char *text = onco_slurp(path), *input = NULL, *out = NULL;
	cJSON *doc = text != NULL ? cJSON_Parse(text) : NULL;
	const cJSON *in = cJSON_GetObjectItemCaseSensitive(doc, "input");
	onco_error err;
	int rc = -1;

	if (cJSON_IsObject(in) && (input = cJSON_PrintUnformatted(in)) != NULL)
		rc = onco_engine_evaluate(engine, input, strlen(input), 0, &out, &err);
	free(out);
	free(input);
	cJSON_Delete(doc);
	free(text);
	return rc == 0;
}

/* Calls check(engine, ctx) after each regression case `engine` evaluates;
 * returns how many it evaluated (0 when the cases cannot be listed). */
static inline size_t onco_each_regression_case(onco_engine *engine,
					       void (*check)(onco_engine *, void *), void *ctx)
{
	glob_t files;
	size_t i, runs = 0;

	if (glob(ONCO_SOURCE_DIR "/tests/cases/*/*.json", 0, NULL, &files) != 0)
		return 0;
	for (i = 0; i < files.gl_pathc; i++)
		if (onco_evaluate_case_file(engine, files.gl_pathv[i])) {
			check(engine, ctx);
			runs++;
		}
	globfree(&files);
	return runs;
}

#endif
