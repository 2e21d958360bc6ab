/*
 * raw_baseline.c: the ceiling for `oncorules batch`: the same rule base and
 * the same facts, driven straight through the CLIPS API. Cases are read
 * and validated before the clock starts; the timed loop is, per case,
 * EnvReset, onco_case_assert_checked (the fact builder; the rule base is
 * checked once before the clock starts, as the engine does), EnvRun with
 * the engine's firing limit. No JSON parsing, no result document, no
 * explanations.
 *
 * The engine is opened through the public API, so the rule base, the user
 * functions (onco-rule, onco-basis) and the conflict strategy are the
 * engine's own; its CLIPS environment is reached through the engine's
 * private header, as the unit tests do.
 *
 * Usage: raw_baseline [--kb DIR] [--kb-image FILE] [--repeat R] [--time-limit S]
 *                     FILE.ndjson
 * Prints: raw_baseline: N cases x R runs, T s, X cases/s
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <clips.h>

#include "private/engine_internal.h"

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Reads every valid case of an NDJSON file; invalid lines are skipped. */
static onco_case **read_cases(const char *path, const onco_case_limits *limits,
			      size_t *count)
{
	FILE *f = fopen(path, "rb");
	onco_case **cases = NULL, **grown, *c;
	onco_case_issues issues;
	char *line = NULL;
	size_t cap = 0, n = 0, alloc = 0;
	ssize_t len;

	if (f == NULL)
		return NULL;
	while ((len = getline(&line, &cap, f)) >= 0) {
		memset(&issues, 0, sizeof(issues));
		if (onco_case_read(&c, line, (size_t)len, limits, &issues) == 0) {
			if (n == alloc) {
				alloc = alloc ? alloc * 2 : 1024;
				grown = realloc(cases, alloc * sizeof(*cases));
				if (grown == NULL)
					exit(3);
				cases = grown;
			}
			cases[n++] = c;
		}
		onco_case_issues_free(&issues);
	}
	free(line);
	fclose(f);
	*count = n;
	return cases;
}

int main(int argc, char **argv)
{
	onco_engine_options opts;
	onco_engine *engine;
	onco_error err;
	onco_case **cases;
	const char *file = NULL;
	size_t n = 0, i;
	long long fired = 0;
	int repeat = 1, r;
	char pin[65];
	double t0, secs;

	onco_engine_options_default(&opts);
	for (r = 1; r < argc; r++) {
		if (strcmp(argv[r], "--kb") == 0 && r + 1 < argc)
			opts.kb_dir = argv[++r];
		else if (strcmp(argv[r], "--kb-image") == 0 && r + 1 < argc)
			opts.kb_image = argv[++r];
		else if (strcmp(argv[r], "--repeat") == 0 && r + 1 < argc)
			repeat = atoi(argv[++r]);
		else if (strcmp(argv[r], "--time-limit") == 0 && r + 1 < argc)
			opts.max_seconds = atof(argv[++r]); /* under valgrind */
		else
			file = argv[r];
	}
	if (file == NULL || repeat < 1) {
		fputs("usage: raw_baseline [--kb DIR] [--kb-image FILE] [--repeat R] [--time-limit S] "
		      "FILE.ndjson\n",
		      stderr);
		return 2;
	}
	/* The bench trusts the image it was given (an image is code: the
	 * command line asks for its SHA-256, a bench computes it). */
	if (opts.kb_image != NULL) {
		if (onco_image_sha256(opts.kb_image, pin, &err) != 0) {
			fprintf(stderr, "raw_baseline: %s\n", err.message);
			return 2;
		}
		opts.kb_image_sha256 = pin;
	}
	if (onco_engine_open(&engine, &opts, &err) != 0) {
		fprintf(stderr, "raw_baseline: %s\n", err.message);
		return 3;
	}
	cases = read_cases(file, &opts.limits, &n);
	if (cases == NULL || n == 0) {
		fprintf(stderr, "raw_baseline: no valid case in %s\n", file);
		return 2;
	}

	/* As the engine does: the rule base is checked once, not per case. */
	if (onco_case_check_rule_base(engine->env, &err) != 0) {
		fprintf(stderr, "raw_baseline: %s\n", err.message);
		return 3;
	}
	t0 = now();
	for (r = 0; r < repeat; r++)
		for (i = 0; i < n; i++) {
			EnvReset(engine->env);
			if (onco_case_assert_checked(cases[i], engine->env, &err) != 0) {
				fprintf(stderr, "raw_baseline: %s\n", err.message);
				return 3;
			}
			fired += EnvRun(engine->env, opts.max_firings + 1);
		}
	secs = now() - t0;
	printf("raw_baseline: %zu cases x %d runs, %lld firings, %.3f s, %.0f cases/s\n", n,
	       repeat, fired, secs, (double)n * repeat / secs);

	for (i = 0; i < n; i++)
		onco_case_free(cases[i]);
	free(cases);
	onco_engine_free(engine);
	return 0;
}
