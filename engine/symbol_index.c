/*
 * symbol_index.c: things of the rule base found by the address of a CLIPS
 * symbol's text (see engine_internal.h).
 *
 * CLIPS interns a symbol once per environment: while a symbol lives, the
 * address of its text stands for that text alone. Names read from facts
 * (a conclusion's rule, a citation id in a `cite` slot) are such texts, so
 * a hash of the address and a comparison of pointers find what they name,
 * where a search by name costs a string comparison at every step.
 */
#include <stdint.h>
#include <stdlib.h>

#include "private/engine_internal.h"

static size_t first_probe(const char *text, size_t cap)
{
	return (size_t)(((uint64_t)(uintptr_t)text >> 3) * 0x9E3779B97F4A7C15u >> 32) & (cap - 1);
}

int onco_symbol_index_init(onco_symbol_index *index, size_t n)
{
	size_t cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	index->slots = calloc(cap, sizeof(*index->slots));
	index->cap = index->slots != NULL ? cap : 0;
	index->n = 0;
	return index->slots != NULL ? 0 : ONCO_ENOMEM;
}

int onco_symbol_index_put(onco_symbol_index *index, const char *text, const void *item)
{
	size_t i;

	if (text == NULL || 2 * (index->n + 1) > index->cap)
		return -1;
	for (i = first_probe(text, index->cap); index->slots[i].text != NULL;
	     i = (i + 1) & (index->cap - 1))
		if (index->slots[i].text == text)
			return -1;
	index->slots[i].text = text;
	index->slots[i].item = item;
	index->n++;
	return 0;
}

const void *onco_symbol_index_get(const onco_symbol_index *index, const char *text)
{
	size_t i;

	if (index->cap == 0 || text == NULL)
		return NULL;
	for (i = first_probe(text, index->cap); index->slots[i].text != NULL;
	     i = (i + 1) & (index->cap - 1))
		if (index->slots[i].text == text)
			return index->slots[i].item;
	return NULL;
}

void onco_symbol_index_free(onco_symbol_index *index)
{
	free(index->slots);
	index->slots = NULL;
	index->cap = index->n = 0;
}
