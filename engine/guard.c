/*
 * guard.c: what happens when CLIPS runs out of memory.
 *
 * CLIPS allocates through genalloc, which retries a failed malloc twice
 * (after giving back its own free lists) and then calls the environment's
 * out-of-memory function. The default one prints [MEMORY1] and exits the
 * process (status 1, "findings"); one that returns makes genalloc return
 * NULL to callers that never check it. Neither is acceptable, so ours jumps
 * back to the engine call that entered CLIPS (onco_guarded), which returns
 * ONCO_ENOMEM: an internal error, never a partial answer.
 *
 * The jump leaves the environment half-updated, so the engine is marked
 * lost: every later call on it fails with ONCO_ENOMEM, and onco_engine_free
 * releases what the engine owns but abandons the environment (destroying it
 * could follow pointers the interrupted update left dangling). What the
 * interrupted call had allocated itself is abandoned too. This is the one
 * path where memory is knowingly leaked: the process is out of memory and
 * the caller should end it (the CLI exits 3; batch answers every later line
 * of that engine with an error record).
 */
#include <clips.h>

#include "private/engine_internal.h"

static int out_of_memory(void *env, size_t size)
{
	onco_engine *engine = GetEnvironmentContext(env);

	(void)size;
	if (engine != NULL) {
		engine->lost = 1;
		if (engine->guard != NULL)
			longjmp(*engine->guard, 1);
	}
	/* No engine call is under way (cannot happen: every call that enters
	 * CLIPS is guarded). Returning TRUE hands NULL to the caller. */
	return 1;
}

void onco_guard_install(onco_engine *engine)
{
	EnvSetOutOfMemoryFunction(engine->env, out_of_memory);
}

int onco_guarded(onco_engine *engine, int (*work)(onco_engine *, void *), void *arg,
		 onco_error *err)
{
	jmp_buf jump;
	int depth, rc;

	if (engine->lost)
		return onco_error_set(err, ONCO_ENOMEM,
				      "out of memory: the engine ran out of memory earlier "
				      "and cannot be used");
	/* A guarded call inside another one keeps the outer jump: after a jump
	 * nothing of the outer call may touch the environment either. */
	if (engine->guard != NULL)
		return work(engine, arg);
	/* The jump also skips the onco_json_arena_leave of an evaluation it
	 * interrupts inside this call (explain evaluates inside its own):
	 * the engine's arena is put back as it was here, or the thread would
	 * keep cutting cJSON memory from it, freed with the engine. Read before
	 * setjmp and not changed after, `depth` survives the jump. */
	depth = onco_json_arena_depth(engine->arena);
	if (setjmp(jump) != 0) {
		engine->guard = NULL;
		onco_json_arena_unwind(engine->arena, depth);
		return onco_error_set(err, ONCO_ENOMEM,
				      "out of memory inside CLIPS: the engine cannot be used "
				      "any more");
	}
	engine->guard = &jump;
	rc = work(engine, arg);
	engine->guard = NULL;
	return rc;
}
