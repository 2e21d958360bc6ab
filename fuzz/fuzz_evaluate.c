/*
 * fuzz_evaluate.c: libFuzzer harness over the whole evaluation path: one
 * engine with the built-in rule base, created once, evaluates any bytes.
 * Besides the sanitizers, it checks the engine's contract: a valid case,
 * an invalid one or a run limit each come back as one JSON object (which
 * must parse); any other code comes back with no document.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "onco.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The harness's one engine: libFuzzer calls in from one thread. */
static onco_engine *fuzz_engine;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	onco_engine_options opts;
	onco_error err;

	(void)argc;
	(void)argv;
	onco_engine_options_default(&opts);
	opts.kb_dir = getenv("ONCO_FUZZ_KB"); /* NULL: the built-in rule base */
	opts.kb_image = getenv("ONCO_FUZZ_KB_IMAGE");
	opts.kb_image_sha256 = getenv("ONCO_FUZZ_KB_IMAGE_SHA256"); /* its pin */
	if (onco_engine_open(&fuzz_engine, &opts, &err) != 0)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	onco_error err;
	char *out = NULL;
	cJSON *doc;
	int rc;

	rc = onco_engine_evaluate(fuzz_engine, (const char *)data, size, 0, &out,
				  &err);
	if (rc == 0 || rc == ONCO_EINVALID || rc == ONCO_ELIMIT) {
		if (out == NULL)
			abort();
		doc = cJSON_Parse(out);
		if (!cJSON_IsObject(doc) || !cJSON_HasObjectItem(doc, "case"))
			abort();
		if ((rc == 0) == cJSON_HasObjectItem(doc, "errors"))
			abort();
		cJSON_Delete(doc);
	} else if (rc != ONCO_ENOMEM) {
		abort();
	}
	free(out);
	return 0;
}
