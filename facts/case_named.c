/*
 * case_named.c: onco_case_named_drugs, the drugs a case records by name
 * because the controlled list does not have them ("agent": "other" with
 * "name"; "other" in "agents" with "other_agents"). The rule base sees
 * only `other`: the result lists these names as not assessed, so that a
 * tumour board sees what the rules did not check. The walk follows the
 * vocabulary (fields marked named_drug), as the validator and the fact
 * builder do.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "case_internal.h"
#include "vocabulary.h"

typedef struct collector {
	onco_named_drug *items;
	size_t count;
	onco_buf pointer;
	int rc;
} collector;

static void add(collector *c, const char *name)
{
	onco_named_drug *grown;

	if (c->rc != 0)
		return;
	grown = realloc(c->items, (c->count + 1) * sizeof(*grown));
	if (grown == NULL) {
		c->rc = ONCO_ENOMEM;
		return;
	}
	c->items = grown;
	grown[c->count].name = strdup(name);
	grown[c->count].pointer = strdup(onco_buf_text(&c->pointer));
	if (grown[c->count].name == NULL || grown[c->count].pointer == NULL) {
		free(grown[c->count].name);
		free(grown[c->count].pointer);
		c->rc = ONCO_ENOMEM;
		return;
	}
	c->count++;
}

static void walk(collector *c, const onco_object *object, const cJSON *json)
{
	size_t i, mark = c->pointer.length, index;
	const cJSON *member, *item;

	for (i = 0; c->rc == 0 && i < object->field_count; i++) {
		const onco_field *field = &object->fields[i];

		member = cJSON_GetObjectItemCaseSensitive(json, field->key);
		if (member == NULL ||
		    (!field->named_drug && field->kind != ONCO_KIND_OBJECT &&
		     field->kind != ONCO_KIND_OBJECT_LIST))
			continue;
		c->rc = onco_buf_pointer_key(&c->pointer, field->key);
		index = 0;
		if (field->kind == ONCO_KIND_OBJECT) {
			walk(c, field->object, member);
		} else if (field->kind == ONCO_KIND_STRING) {
			add(c, member->valuestring);
		} else {
			size_t item_mark = c->pointer.length;

			cJSON_ArrayForEach(item, member) {
				if (c->rc == 0)
					c->rc = onco_buf_pointer_index(&c->pointer, index++);
				if (field->kind == ONCO_KIND_OBJECT_LIST)
					walk(c, field->object, item);
				else
					add(c, item->valuestring);
				onco_buf_truncate(&c->pointer, item_mark);
			}
		}
		onco_buf_truncate(&c->pointer, mark);
	}
}

int onco_case_named_drugs(const onco_case *c, onco_named_drug **out, size_t *count)
{
	collector col = { NULL, 0, ONCO_BUF_INIT, 0 };

	*out = NULL;
	*count = 0;
	if (c->named_drugs == 0)
		return 0; /* the validator met no field that names a drug */
	walk(&col, onco_vocabulary_root(), c->root);
	onco_buf_free(&col.pointer);
	if (col.rc != 0) {
		onco_named_drugs_free(col.items, col.count);
		return col.rc;
	}
	*out = col.items;
	*count = col.count;
	return 0;
}

void onco_named_drugs_free(onco_named_drug *drugs, size_t count)
{
	size_t i;

	for (i = 0; drugs != NULL && i < count; i++) {
		free(drugs[i].name);
		free(drugs[i].pointer);
	}
	free(drugs);
}
