/*
 * limits.c: the fact limit of a run (opts.max_facts). CLIPS calls a run
 * function after every rule firing; ours halts the run as soon as working
 * memory holds more facts than the limit, so a case or a rule base that
 * multiplies facts ends with ONCO_ELIMIT instead of exhausting memory. The
 * firing limit (opts.max_firings) is EnvRun's own argument.
 */
#include <stdio.h>

#include <clips.h>

#include "private/engine_internal.h"

static void fact_limit_check(void *env)
{
	onco_engine *engine = GetEnvironmentContext(env);

	if ((long long)GetNumberOfFacts(env) > engine->opts.max_facts) {
		engine->fact_limit_hit = 1;
		EnvHalt(env);
	}
}

int onco_limits_install(onco_engine *engine)
{
	if (!EnvAddRunFunction(engine->env, "onco-fact-limit", fact_limit_check, 0))
		return ONCO_ENOMEM;
	return 0;
}

int onco_limits_reached(onco_engine *engine, long long fired, char *message,
			size_t size)
{
	if (fired > engine->opts.max_firings) {
		snprintf(message, size,
			 "the rules fired more than %lld times for this case: stopped (a rule loop?)",
			 engine->opts.max_firings);
		return 1;
	}
	if (engine->fact_limit_hit ||
	    (long long)GetNumberOfFacts(engine->env) > engine->opts.max_facts) {
		snprintf(message, size,
			 "working memory held more than %lld facts for this case: stopped",
			 engine->opts.max_facts);
		return 1;
	}
	return 0;
}
