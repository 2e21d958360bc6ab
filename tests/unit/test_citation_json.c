/*
 * test_citation_json.c: evidence printed once per citation
 * (engine/citation_json.c). For every regression case, the one-line answer
 * (evidence as raw nodes that refer to citations printed once) has the
 * bytes of the indented answer (evidence built as nodes) printed on one
 * line; a raw evidence node prints the object the nodes print and gives
 * the same source; a raw node the engine did not make (a copy of one
 * included) gives none; a citation from outside the rule base is built as
 * nodes.
 */
#include <glob.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cases.h"
#include "onco.h"
#include "private/collect.h"
#include "private/engine_internal.h"
#include "private/json_out.h"
#include "suite.h"

/* The regression case at `path` answered by `engine` with `flags`; NULL
 * when the case file cannot be read or the engine refuses it. */
static char *answer(onco_engine *engine, const char *path, int flags)
{
	char *text = onco_slurp(path), *input = NULL, *out = NULL;
	cJSON *doc = text != NULL ? cJSON_Parse(text) : NULL;
	const cJSON *in = cJSON_GetObjectItemCaseSensitive(doc, "input");
	onco_error err;

	if (cJSON_IsObject(in) && (input = cJSON_PrintUnformatted(in)) != NULL &&
	    onco_engine_evaluate(engine, input, strlen(input), flags, &out, &err) != 0) {
		free(out);
		out = NULL;
	}
	free(input);
	cJSON_Delete(doc);
	free(text);
	return out;
}

static void test_one_line_answer_is_the_indented_answer_on_one_line(void)
{
	onco_engine *engine = onco_open_built_in();
	glob_t files;
	size_t i, compared = 0, with_evidence = 0;

	CU_ASSERT_FATAL(glob(ONCO_SOURCE_DIR "/tests/cases/*/*.json", 0, NULL, &files) == 0);
	for (i = 0; i < files.gl_pathc; i++) {
		char *line = answer(engine, files.gl_pathv[i], 0);
		char *pretty = answer(engine, files.gl_pathv[i], ONCO_JSON_PRETTY);
		cJSON *parsed = pretty != NULL ? cJSON_Parse(pretty) : NULL;
		char *again = parsed != NULL ? cJSON_PrintUnformatted(parsed) : NULL;

		if (line != NULL && again != NULL) {
			CU_ASSERT_STRING_EQUAL(line, again);
			compared++;
			with_evidence += strstr(line, "\"quote\":") != NULL;
		}
		free(again);
		cJSON_Delete(parsed);
		free(pretty);
		free(line);
	}
	globfree(&files);
	/* every case answered (a refused one has no answer to compare) */
	CU_ASSERT(compared > 200);
	CU_ASSERT(with_evidence > 100);
	onco_engine_free(engine);
}

static void test_raw_item_prints_the_object_and_gives_its_source(void)
{
	onco_engine *engine = onco_open_built_in();
	const onco_citation *c;
	cJSON *nodes, *raw, *again;
	char *expected, *printed;

	CU_ASSERT_FATAL(engine->kb.n_citations > 1);
	c = &engine->kb.citations[engine->kb.n_citations - 1];
	nodes = onco_citation_item(engine, c, 0);
	raw = onco_citation_item(engine, c, 1);
	CU_ASSERT_FATAL(cJSON_IsObject(nodes) && cJSON_IsRaw(raw));
	expected = onco_json_print_compact(nodes);
	printed = onco_json_print_compact(raw);
	CU_ASSERT_FATAL(expected != NULL && printed != NULL);
	CU_ASSERT_STRING_EQUAL(printed, expected);
	CU_ASSERT_STRING_EQUAL(onco_evidence_source(engine, raw), c->source);
	CU_ASSERT_STRING_EQUAL(onco_evidence_source(engine, nodes), c->source);
	/* printed once: a second item refers to the same text */
	again = onco_citation_item(engine, c, 1);
	CU_ASSERT_FATAL(again != NULL);
	CU_ASSERT_PTR_EQUAL(again->valuestring, raw->valuestring);
	free(printed);
	free(expected);
	cJSON_Delete(again);
	cJSON_Delete(raw);
	cJSON_Delete(nodes);
	onco_engine_free(engine);
}

/* Raw nodes the engine did not make for this engine: the source is not
 * guessed from their place in memory. */
static void test_foreign_raw_node_has_no_source(void)
{
	onco_engine *engine = onco_open_built_in(), *other = onco_open_built_in();
	const onco_citation *c;
	cJSON *raw, *copy, *foreign = cJSON_CreateRaw("{\"source\":\"x\"}"), *wild;

	CU_ASSERT_FATAL(engine->kb.n_citations > 0);
	c = &engine->kb.citations[0];
	raw = onco_citation_item(engine, c, 1);
	CU_ASSERT_FATAL(cJSON_IsRaw(raw) && foreign != NULL);
	CU_ASSERT_STRING_EQUAL(onco_evidence_source(engine, raw), c->source);
	copy = cJSON_Duplicate(raw, 1);
	CU_ASSERT_FATAL(copy != NULL);
	CU_ASSERT_PTR_NULL(onco_evidence_source(engine, copy));
	/* another engine's, never printed there */
	CU_ASSERT_PTR_NULL(onco_evidence_source(other, raw));
	foreign->valueint = 0;
	CU_ASSERT_PTR_NULL(onco_evidence_source(engine, foreign));
	foreign->valueint = -1;
	CU_ASSERT_PTR_NULL(onco_evidence_source(engine, foreign));
	wild = cJSON_CreateStringReference(raw->valuestring);
	CU_ASSERT_FATAL(wild != NULL);
	wild->type = cJSON_Raw | cJSON_IsReference;
	wild->valueint = (int)engine->kb.n_citations;
	CU_ASSERT_PTR_NULL(onco_evidence_source(engine, wild));
	cJSON_Delete(wild);
	cJSON_Delete(copy);
	cJSON_Delete(foreign);
	cJSON_Delete(raw);
	onco_engine_free(other);
	onco_engine_free(engine);
}

static void test_citation_from_elsewhere_is_built_as_nodes(void)
{
	onco_engine *engine = onco_open_built_in();
	onco_citation other = {"x-1", "elsewhere.txt", "X-1", "A \"quoted\" passage."};
	cJSON *item = onco_citation_item(engine, &other, 1), *empty = cJSON_CreateObject();
	char *printed = onco_json_print_compact(item);

	CU_ASSERT_FATAL(cJSON_IsObject(item) && printed != NULL);
	CU_ASSERT_STRING_EQUAL(printed, "{\"source\":\"elsewhere.txt\",\"ref\":\"X-1\","
					"\"quote\":\"A \\\"quoted\\\" passage.\"}");
	CU_ASSERT_STRING_EQUAL(onco_evidence_source(engine, item), "elsewhere.txt");
	CU_ASSERT_PTR_NULL(onco_evidence_source(engine, empty));
	free(printed);
	cJSON_Delete(empty);
	cJSON_Delete(item);
	onco_engine_free(engine);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_one_line_answer_is_the_indented_answer_on_one_line),
		ONCO_TEST(test_raw_item_prints_the_object_and_gives_its_source),
		ONCO_TEST(test_foreign_raw_node_has_no_source),
		ONCO_TEST(test_citation_from_elsewhere_is_built_as_nodes),
	};

	return ONCO_RUN_SUITE("citation_json", tests);
}
