/*
 * engine.c: creating and releasing an engine: one CLIPS environment with
 * the capture router, the user functions of the schema, and the rule base
 * loaded and indexed.
 */
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "private/calls.h"
#include "private/engine_internal.h"

static const struct {
	const char *name;
	onco_strategy strategy;
	int clips_strategy;
} strategies[] = {
	{"depth", ONCO_STRATEGY_DEPTH, DEPTH_STRATEGY},
	{"breadth", ONCO_STRATEGY_BREADTH, BREADTH_STRATEGY},
	{"random", ONCO_STRATEGY_RANDOM, RANDOM_STRATEGY},
	{"lex", ONCO_STRATEGY_LEX, LEX_STRATEGY},
	{"mea", ONCO_STRATEGY_MEA, MEA_STRATEGY},
	{"simplicity", ONCO_STRATEGY_SIMPLICITY, SIMPLICITY_STRATEGY},
	{"complexity", ONCO_STRATEGY_COMPLEXITY, COMPLEXITY_STRATEGY},
};

void onco_engine_options_default(onco_engine_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->strategy = ONCO_STRATEGY_DEPTH;
	opts->max_firings = 100000;
	opts->max_facts = 50000;
	opts->max_seconds = 10;
	opts->max_memory = (size_t)256 << 20;
	onco_case_limits_default(&opts->limits);
}

int onco_strategy_parse(onco_strategy *out, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(strategies) / sizeof(strategies[0]); i++)
		if (strcmp(name, strategies[i].name) == 0) {
			*out = strategies[i].strategy;
			return 0;
		}
	return ONCO_EINVALID;
}

static int clips_strategy(onco_strategy s)
{
	size_t i;

	for (i = 0; i < sizeof(strategies) / sizeof(strategies[0]); i++)
		if (strategies[i].strategy == s)
			return strategies[i].clips_strategy;
	return DEPTH_STRATEGY;
}

/* Everything of opening that runs inside CLIPS (guarded: guard.c). */
static int open_in_clips(onco_engine *engine, void *arg)
{
	onco_error *err = arg;
	int rc;

	if (onco_capture_install(engine) != 0 || onco_basis_install(engine->env) != 0 ||
	    onco_limits_install(engine) != 0)
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	rc = onco_calls_restrict(engine->env);
	if (rc != 0)
		return onco_error_set(err, rc, "cannot restrict the functions rules may call");
	EnvSetStrategy(engine->env, clips_strategy(engine->opts.strategy));
	/* A defglobal or a deffacts may loop: loading is watched like a case. */
	onco_limits_start(engine, 1);
	rc = onco_image_wanted(&engine->opts) ? onco_image_load(engine, err)
					      : onco_kb_load(engine, err);
	/* An image carries the knowledge tables (engine/image.c). */
	if (rc == 0 && !onco_image_wanted(&engine->opts))
		rc = onco_knowledge_index(engine, err);
	if (rc == 0 && engine->watch.hit != ONCO_LIMIT_NONE)
		rc = onco_error_set(err, ONCO_ERULES,
				    "loading the rule base took more than %g s or %zu MiB: stopped "
				    "(a loop in a deffacts, defglobal or deffunction?)",
				    engine->opts.max_seconds, engine->opts.max_memory * 4 >> 20);
	onco_limits_stop(engine);
	if (rc != 0)
		return rc;
	onco_knowledge_unload(engine);
	return 0;
}

int onco_engine_open(onco_engine **out, const onco_engine_options *opts,
		     onco_error *err)
{
	onco_engine *engine;
	int rc;

	*out = NULL;
	onco_error_clear(err);
	onco_json_hooks_install();
	engine = calloc(1, sizeof(*engine));
	if (engine == NULL)
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	if (opts != NULL)
		engine->opts = *opts;
	else
		onco_engine_options_default(&engine->opts);
	if (engine->opts.max_firings <= 0)
		engine->opts.max_firings = 100000;
	if (engine->opts.max_facts <= 0)
		engine->opts.max_facts = 50000;
	if (!(engine->opts.max_seconds > 0))
		engine->opts.max_seconds = 10;
	if (engine->opts.max_memory == 0)
		engine->opts.max_memory = (size_t)256 << 20;
	if (engine->opts.limits.max_bytes == 0)
		onco_case_limits_default(&engine->opts.limits);

	rc = onco_image_wanted(&engine->opts)
		     ? 0
		     : onco_kb_read_files(&engine->kb, engine->opts.kb_dir, err);
	if (rc != 0)
		goto fail;
	/* CLIPS 6.30 cannot create an environment when malloc fails (it
	 * prints to stdout and may crash): the command keeps heap in reserve
	 * for it (cli/heap.c). From here on, CLIPS running out of memory
	 * returns ONCO_ENOMEM (guard.c). */
	rc = onco_error_set(err, ONCO_ENOMEM, "cannot create a CLIPS environment");
	engine->env = CreateEnvironment();
	if (engine->env == NULL)
		goto fail;
	SetEnvironmentContext(engine->env, engine);
	onco_guard_install(engine);
	onco_error_clear(err);
	rc = onco_guarded(engine, open_in_clips, err, err);
	if (rc != 0)
		goto fail;
	engine->firings = calloc(engine->kb.n_rules ? engine->kb.n_rules : 1,
				 sizeof(*engine->firings));
	if (engine->firings == NULL || onco_rules_by_name_build(engine) != 0 ||
	    onco_support_ranks_build(engine) != 0 ||
	    (engine->possible_preps = calloc(engine->kb.n_rules ? engine->kb.n_rules : 1,
					     sizeof(*engine->possible_preps))) == NULL ||
	    onco_json_arena_new(&engine->arena) != 0) {
		rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
		goto fail;
	}
	onco_error_clear(err);
	*out = engine;
	return 0;
fail:
	onco_engine_free(engine);
	return rc;
}

void onco_engine_free(onco_engine *engine)
{
	if (engine == NULL)
		return;
	/* A lost environment is abandoned, never walked again (guard.c). */
	if (engine->env != NULL && !engine->lost)
		DestroyEnvironment(engine->env);
	/* The prepared options are per rule: freed while the rules are known. */
	onco_possible_preps_free(engine);
	onco_blocked_index_free(engine);
	onco_walk_templates_free(engine);
	onco_fields_memo_free(engine);
	onco_patient_index_free(engine);
	onco_citation_texts_free(engine); /* per citation: before the rule base */
	onco_kb_release(&engine->kb);
	free(engine->firings);
	onco_rules_by_name_free(engine);
	free(engine->support_rank);
	free(engine->option_weights);
	onco_support_free(engine);
	onco_json_arena_free(engine->arena);
	free(engine);
}

const char *onco_engine_kb_version(const onco_engine *engine)
{
	return engine->kb.version;
}

const char *onco_engine_kb_sha256(const onco_engine *engine)
{
	return engine->kb.sha256;
}

size_t onco_engine_rule_count(const onco_engine *engine)
{
	return engine->kb.n_rules;
}

const char *onco_engine_rule_name(const onco_engine *engine, size_t index)
{
	return index < engine->kb.n_rules ? engine->kb.rules[index].name : NULL;
}

unsigned long onco_engine_rule_firings(const onco_engine *engine, size_t index)
{
	return index < engine->kb.n_rules ? engine->firings[index] : 0;
}
