/*
 * test_guard_arena.c: when CLIPS runs out of memory in the middle of an
 * evaluation (engine/guard.c jumps back to the outermost engine call), the
 * thread is left with no cJSON arena in use, whichever engine call the
 * evaluation was made from (evaluate itself, or explain, which evaluates
 * inside its own guarded call). An arena left in use would take every later
 * cJSON allocation of the thread, and dangle once its engine is freed.
 */
#include <stdlib.h>
#include <string.h>

#include <clips.h>
#include <cjson/cJSON.h>

#include "onco.h"
#include "private/engine_internal.h"
#include "suite.h"

#define FIXTURES ONCO_SOURCE_DIR "/tests/fixtures"

static const char *recurrent_case =
	"{\"id\": \"t-1\", \"cancer\": {\"site\": \"cervix\", \"recurrent\": true,"
	" \"metastases\": []},"
	" \"prior_treatments\": [{\"type\": \"chemoradiation\", \"region\": \"pelvis\"}]}";

/* The engine's out-of-memory function (guard.c), read back from CLIPS. */
static int (*engine_out_of_memory)(void *, size_t);

static int no_memory(void *env, size_t size)
{
	(void)env;
	(void)size;
	return 1;
}

/* A CLIPS function that does what genalloc does when malloc keeps
 * failing: it calls the out-of-memory function, which jumps. */
static int run_out_of_memory(void *env)
{
	engine_out_of_memory(env, 64);
	return 0;
}

/* An engine on the mini rule base with one more rule, which runs out of
 * memory as soon as a case is run. */
static onco_engine *engine_that_runs_out(void)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;

	onco_engine_options_default(&opts);
	opts.kb_dir = FIXTURES "/kb-mini";
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	engine_out_of_memory = EnvSetOutOfMemoryFunction(engine->env, no_memory);
	EnvSetOutOfMemoryFunction(engine->env, engine_out_of_memory);
	CU_ASSERT_FATAL(EnvDefineFunction(engine->env, "test-out-of-memory", 'b',
					  PTIEF run_out_of_memory, "run_out_of_memory") != 0);
	CU_ASSERT_FATAL(EnvBuild(engine->env,
				 "(defrule MAIN::test-out-of-memory (cancer) => (test-out-of-memory))"));
	return engine;
}

/* After the jump: no arena in use, and cJSON allocates from the heap again
 * (a text printed now is freed with free). */
static void check_no_arena_left(onco_engine *engine)
{
	cJSON *doc;
	char *text;

	CU_ASSERT(engine->lost);
	CU_ASSERT(!onco_json_arena_active());
	onco_engine_free(engine);
	doc = cJSON_CreateObject();
	CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
	CU_ASSERT_PTR_NOT_NULL(cJSON_AddStringToObject(doc, "after", "the jump"));
	text = cJSON_PrintUnformatted(doc);
	CU_ASSERT_STRING_EQUAL(text, "{\"after\":\"the jump\"}");
	free(text);
	cJSON_Delete(doc);
}

static void test_out_of_memory_in_evaluate_leaves_no_arena_in_use(void)
{
	onco_engine *engine = engine_that_runs_out();
	onco_error err;
	char *out = NULL;

	CU_ASSERT_EQUAL(onco_engine_evaluate(engine, recurrent_case, strlen(recurrent_case), 0,
					     &out, &err),
			ONCO_ENOMEM);
	CU_ASSERT_PTR_NULL(out);
	check_no_arena_left(engine);
}

static void test_out_of_memory_in_the_evaluation_of_explain_leaves_no_arena_in_use(void)
{
	onco_engine *engine = engine_that_runs_out();
	onco_error err;
	char *out = NULL;

	CU_ASSERT_EQUAL(onco_engine_explain(engine, recurrent_case, strlen(recurrent_case), NULL,
					    0, &out, &err),
			ONCO_ENOMEM);
	CU_ASSERT_PTR_NULL(out);
	check_no_arena_left(engine);
}

/* An engine that ran out of memory inside another engine's evaluation
 * (arenas nested on one thread) leaves the outer arena in use, and only
 * that one. */
static void test_out_of_memory_inside_an_outer_arena_keeps_the_outer_one(void)
{
	onco_json_arena *outer;
	onco_engine *engine;
	onco_error err;
	char *out = NULL;
	cJSON *doc;

	engine = engine_that_runs_out();
	CU_ASSERT_FATAL(onco_json_arena_new(&outer) == 0);
	onco_json_arena_enter(outer);
	CU_ASSERT_EQUAL(onco_engine_explain(engine, recurrent_case, strlen(recurrent_case), NULL,
					    0, &out, &err),
			ONCO_ENOMEM);
	CU_ASSERT(onco_json_arena_active());
	onco_engine_free(engine);
	doc = cJSON_CreateObject(); /* from the outer arena, which is still there */
	CU_ASSERT_PTR_NOT_NULL(doc);
	cJSON_Delete(doc);
	onco_json_arena_leave(outer);
	CU_ASSERT(!onco_json_arena_active());
	onco_json_arena_free(outer);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_out_of_memory_in_evaluate_leaves_no_arena_in_use),
		ONCO_TEST(test_out_of_memory_in_the_evaluation_of_explain_leaves_no_arena_in_use),
		ONCO_TEST(test_out_of_memory_inside_an_outer_arena_keeps_the_outer_one),
	};

	return ONCO_RUN_SUITE("guard_arena", tests);
}
