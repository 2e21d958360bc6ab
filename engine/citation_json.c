/*
 * citation_json.c: a citation as the JSON object {"source", "ref",
 * "quote"} of an answer's evidence.
 *
 * As nodes, its strings referred to (the rule base's, which outlives every
 * answer), for answers printed with indentation and for explanations. For
 * an answer printed as one line (batch, serve), the object is printed once
 * per engine, the first time a case cites it, and an item's evidence holds
 * one cJSON_Raw node per citation that refers to that text: the printer
 * copies it where it would otherwise build four nodes and scan and escape
 * a whole passage on every case (a quarter of an answer's bytes are its
 * quotes). The node carries the citation's index (valueint, which the
 * printer ignores), so that the cards, which read where each piece of
 * evidence comes from, find its source; a raw node that is not one of
 * these (its index out of range, or its text not the one kept at that
 * index) has no source the cards could trust (onco_evidence_source).
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "private/collect.h"
#include "private/json_out.h"

cJSON *onco_citation_json(const onco_citation *c)
{
	cJSON *e = cJSON_CreateObject();

	if (e == NULL || !cJSON_AddItemToObjectCS(e, "source", cJSON_CreateStringReference(c->source)) ||
	    !cJSON_AddItemToObjectCS(e, "ref", cJSON_CreateStringReference(c->label)) ||
	    !cJSON_AddItemToObjectCS(e, "quote", cJSON_CreateStringReference(c->quote))) {
		cJSON_Delete(e);
		return NULL;
	}
	return e;
}

/* The printed object of citation `i` of engine->kb.citations, made on
 * first use; NULL when memory runs out. Printed by the printer that prints
 * the answer, from the nodes onco_citation_json builds: the same bytes as
 * the nodes would give in place. */
static const char *printed(onco_engine *engine, size_t i)
{
	cJSON *nodes;

	if (engine->citation_texts == NULL) {
		engine->citation_texts = calloc(engine->kb.n_citations, sizeof(*engine->citation_texts));
		if (engine->citation_texts == NULL)
			return NULL;
	}
	if (engine->citation_texts[i] == NULL) {
		nodes = onco_citation_json(&engine->kb.citations[i]);
		if (nodes != NULL)
			engine->citation_texts[i] = onco_json_print_compact(nodes);
		cJSON_Delete(nodes);
	}
	return engine->citation_texts[i];
}

/* The index of `c` in engine->kb.citations, or -1 when it is not one of
 * them (compared as addresses: `c` may point anywhere). */
static long citation_index(const onco_engine *engine, const onco_citation *c)
{
	uintptr_t at = (uintptr_t)c, first = (uintptr_t)engine->kb.citations;
	size_t i;

	if (engine->kb.citations == NULL || at < first || (at - first) % sizeof(*c) != 0)
		return -1;
	i = (at - first) / sizeof(*c);
	return i < engine->kb.n_citations && i <= INT_MAX ? (long)i : -1;
}

cJSON *onco_citation_item(onco_engine *engine, const onco_citation *c, int one_line)
{
	long i = one_line ? citation_index(engine, c) : -1;
	const char *text;
	cJSON *e;

	/* indented, or a citation from elsewhere than the rule base (none
	 * today): built */
	if (i < 0)
		return onco_citation_json(c);
	text = printed(engine, (size_t)i);
	if (text == NULL)
		return NULL;
	e = cJSON_CreateStringReference(text);
	if (e != NULL) {
		e->type = cJSON_Raw | cJSON_IsReference;
		e->valueint = (int)i;
	}
	return e;
}

const char *onco_evidence_source(const onco_engine *engine, const cJSON *e)
{
	const cJSON *source;
	size_t i;

	if (cJSON_IsRaw(e)) {
		/* one of ours only: the text kept at its index is its text */
		if (e->valueint < 0 || engine->citation_texts == NULL)
			return NULL;
		i = (size_t)e->valueint;
		return i < engine->kb.n_citations && engine->citation_texts[i] == e->valuestring
			       ? engine->kb.citations[i].source
			       : NULL;
	}
	source = cJSON_GetObjectItemCaseSensitive(e, "source");
	return cJSON_IsString(source) ? source->valuestring : NULL;
}

void onco_citation_texts_free(onco_engine *engine)
{
	size_t i;

	for (i = 0; engine->citation_texts != NULL && i < engine->kb.n_citations; i++)
		free(engine->citation_texts[i]);
	free(engine->citation_texts);
	engine->citation_texts = NULL;
}
