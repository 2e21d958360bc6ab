/*
 * limits.c: what one case (or loading the rule base) may cost.
 *
 * - Firings: EnvRun's own argument (opts.max_firings).
 * - Facts: a CLIPS run function, called after every rule firing, halts the
 *   run as soon as working memory holds more than opts.max_facts facts.
 * - Wall time and memory: a CLIPS periodic function, called after every
 *   rule firing and every iteration of while, loop-for-count, foreach and
 *   progn$, and whenever a deffunction returns, halts execution once the
 *   phase has run longer than opts.max_seconds or CLIPS holds more than
 *   opts.max_memory bytes above what it held when the phase began. Loops
 *   and deffunctions are the only ways a rule base can compute without end
 *   (recursion is refused at load, engine/calls.c), so a runaway rule ends
 *   with ONCO_ELIMIT instead of hanging or exhausting memory.
 *
 * Halting sets CLIPS's HaltExecution flag, which ends loops and the rule's
 * actions, and EnvHalt, which ends the run; the engine stays usable for the
 * next case (EnvReset and EnvRun clear both).
 */
#include <limits.h>
#include <stdio.h>
#include <time.h>

#include <clips.h>

#include "private/engine_internal.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void stop(void *env, onco_engine *engine, onco_limit_kind kind)
{
	if (engine->watch.hit == ONCO_LIMIT_NONE)
		engine->watch.hit = kind;
	SetHaltExecution(env, TRUE);
	EnvHalt(env);
}

static void fact_limit_check(void *env)
{
	onco_engine *engine = GetEnvironmentContext(env);

	if (engine->watch.active && (long long)GetNumberOfFacts(env) > engine->opts.max_facts)
		stop(env, engine, ONCO_LIMIT_FACTS);
}

/* The clock is read at one periodic call in this many: a case makes about
 * 200 calls, and reading the clock at each was 3% of `batch` (5 us a case
 * in a time profile); a loop makes a call per iteration, so a runaway rule
 * is still stopped within microseconds of its deadline. Memory is checked
 * at every call (a load and a subtraction). */
#define ONCO_CLOCK_EVERY 32u

static void time_and_memory_check(void *env)
{
	onco_engine *engine = GetEnvironmentContext(env);

	if (!engine->watch.active)
		return;
	if (EnvMemUsed(env) - engine->watch.memory_base > engine->watch.memory_max)
		stop(env, engine, ONCO_LIMIT_MEMORY);
	else if (++engine->watch.ticks % ONCO_CLOCK_EVERY == 0 && now() > engine->watch.deadline)
		stop(env, engine, ONCO_LIMIT_TIME);
}

int onco_limits_install(onco_engine *engine)
{
	if (!EnvAddRunFunction(engine->env, "onco-fact-limit", fact_limit_check, 0) ||
	    !EnvAddPeriodicFunction(engine->env, "onco-time-memory-limit",
				    time_and_memory_check, 0))
		return ONCO_ENOMEM;
	return 0;
}

void onco_limits_start(onco_engine *engine, int loading)
{
	/* Loading a large rule base needs more memory than a case: it gets
	 * four times the case allowance. */
	size_t memory = engine->opts.max_memory * (loading ? 4 : 1);

	engine->watch.hit = ONCO_LIMIT_NONE;
	engine->watch.memory_max = memory > (size_t)LONG_MAX ? LONG_MAX : (long)memory;
	engine->watch.deadline = now() + engine->opts.max_seconds;
	engine->watch.memory_base = EnvMemUsed(engine->env);
	engine->watch.active = 1;
}

void onco_limits_stop(onco_engine *engine)
{
	engine->watch.active = 0;
}

int onco_limits_reached(onco_engine *engine, long long fired, char *message,
			size_t size)
{
	switch (engine->watch.hit) {
	case ONCO_LIMIT_TIME:
		snprintf(message, size,
			 "the rules ran for more than %g s for this case: stopped (a loop in a rule?)",
			 engine->opts.max_seconds);
		return 1;
	case ONCO_LIMIT_MEMORY:
		snprintf(message, size,
			 "the rules used more than %zu MiB of memory for this case: stopped",
			 engine->opts.max_memory >> 20);
		return 1;
	case ONCO_LIMIT_FACTS:
		break;
	case ONCO_LIMIT_NONE:
		if (fired > engine->opts.max_firings) {
			snprintf(message, size,
				 "the rules fired more than %lld times for this case: stopped (a rule loop?)",
				 engine->opts.max_firings);
			return 1;
		}
		if ((long long)GetNumberOfFacts(engine->env) <= engine->opts.max_facts)
			return 0;
		break;
	}
	snprintf(message, size, "working memory held more than %lld facts for this case: stopped",
		 engine->opts.max_facts);
	return 1;
}
