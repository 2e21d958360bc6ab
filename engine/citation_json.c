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
 * quotes). The text follows a header that names its citation, so that the
 * cards, which read where each piece of evidence comes from, find its
 * source (onco_evidence_source).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "private/collect.h"
#include "private/json_out.h"

struct onco_citation_text {
	const onco_citation *citation;
	char text[]; /* compact JSON, NUL-terminated */
};

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

/* The printed object of citation `c` (one of engine->kb.citations), made
 * on first use; NULL when memory runs out. Printed by the printer that
 * prints the answer, from the nodes onco_citation_json builds: the same
 * bytes as the nodes would give in place. */
static const char *printed(onco_engine *engine, const onco_citation *c)
{
	size_t i = (size_t)(c - engine->kb.citations), n;
	struct onco_citation_text *t;
	cJSON *nodes;
	char *text;

	if (engine->citation_texts == NULL) {
		engine->citation_texts = calloc(engine->kb.n_citations, sizeof(*engine->citation_texts));
		if (engine->citation_texts == NULL)
			return NULL;
	}
	if (engine->citation_texts[i] != NULL)
		return engine->citation_texts[i]->text;
	nodes = onco_citation_json(c);
	text = nodes != NULL ? onco_json_print_compact(nodes) : NULL;
	cJSON_Delete(nodes);
	if (text == NULL)
		return NULL;
	n = strlen(text);
	t = malloc(sizeof(*t) + n + 1);
	if (t != NULL) {
		t->citation = c;
		memcpy(t->text, text, n + 1);
		engine->citation_texts[i] = t;
	}
	free(text);
	return t != NULL ? t->text : NULL;
}

cJSON *onco_citation_item(onco_engine *engine, const onco_citation *c, int one_line)
{
	const onco_citation *first = engine->kb.citations;
	const char *text;
	cJSON *e;

	/* a citation from elsewhere than the rule base (none today) is built */
	if (!one_line || first == NULL || c < first || c >= first + engine->kb.n_citations)
		return onco_citation_json(c);
	text = printed(engine, c);
	if (text == NULL)
		return NULL;
	e = cJSON_CreateStringReference(text);
	if (e != NULL)
		e->type = cJSON_Raw | cJSON_IsReference;
	return e;
}

const char *onco_evidence_source(const cJSON *e)
{
	const cJSON *source;

	/* The only raw nodes of an answer are printed citations. */
	if (cJSON_IsRaw(e) && e->valuestring != NULL)
		return ((const struct onco_citation_text *)(const void *)(e->valuestring -
			offsetof(struct onco_citation_text, text)))->citation->source;
	source = cJSON_GetObjectItemCaseSensitive(e, "source");
	return cJSON_IsString(source) ? source->valuestring : "";
}

void onco_citation_texts_free(onco_engine *engine)
{
	size_t i;

	for (i = 0; engine->citation_texts != NULL && i < engine->kb.n_citations; i++)
		free(engine->citation_texts[i]);
	free(engine->citation_texts);
	engine->citation_texts = NULL;
}
