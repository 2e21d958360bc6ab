/*
 * capture.c: a CLIPS router that takes every line CLIPS would print and
 * keeps it in the engine, so that rule-base and run-time errors come back
 * in an onco_error instead of reaching the terminal.
 */
#include <string.h>

#include <clips.h>

#include "private/engine_internal.h"

static int capture_query(void *env, const char *logical_name)
{
	(void)env;
	/* Everything written; nothing read ("stdin" is not ours). */
	return strcmp(logical_name, "stdin") != 0;
}

static int capture_print(void *env, const char *logical_name, const char *text)
{
	onco_engine *engine = GetEnvironmentContext(env);
	onco_capture *c = &engine->capture;
	size_t n = strlen(text), room;

	if (strcmp(logical_name, "werror") == 0 && !c->has_error) {
		c->has_error = 1;
		c->first_error_line = GetLineCount(env);
	}
	if (strcmp(logical_name, "werror") != 0 && strcmp(logical_name, "wwarning") != 0)
		return 1; /* other output (wdialog, wtrace, t) is dropped */
	room = sizeof(c->text) - 1 - c->length;
	if (n > room)
		n = room;
	memcpy(c->text + c->length, text, n);
	c->length += n;
	c->text[c->length] = '\0';
	return 1;
}

static int capture_exit(void *env, int code)
{
	(void)env;
	(void)code;
	return 1;
}

int onco_capture_install(onco_engine *engine)
{
	/* Priority 40: above the default terminal router. */
	if (!EnvAddRouterWithContext(engine->env, "onco-capture", 40, capture_query,
				     capture_print, NULL, NULL, capture_exit, engine))
		return ONCO_ENOMEM;
	return 0;
}

void onco_capture_reset(onco_capture *capture)
{
	capture->length = 0;
	capture->text[0] = '\0';
	capture->has_error = 0;
	capture->first_error_line = 0;
}
