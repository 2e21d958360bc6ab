/*
 * case_schema.c: onco_case_schema_json, the JSON Schema (draft 2020-12) of
 * the case, generated from the vocabulary table the validator walks.
 * docs/case.schema.json is this output, committed; a unit test keeps the
 * two equal byte for byte.
 *
 * What a schema cannot say (the nesting depth, the size of the whole text,
 * NUL and UTF-8 checks) is enforced by onco_case_read and written in the
 * root description.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "case_internal.h"
#include "vocabulary.h"

#define ROOT_DOC \
	"An oncorules case. Generated from facts/vocabulary.c: do not edit. " \
	"The reader also refuses texts over %zu bytes, nesting deeper than " \
	"%d levels, and strings holding NUL or invalid UTF-8 " \
	"(docs/case-format.md)."

static cJSON *object_schema(const onco_object *object, const char *doc,
			    const onco_case_limits *limits);

/* Adds `item` (NULL when making it failed) to `to`; frees it when it
 * cannot go in, so the caller owns nothing either way. */
static bool add(cJSON *to, const char *key, cJSON *item)
{
	if (item == NULL)
		return false;
	if (cJSON_AddItemToObject(to, key, item))
		return true;
	cJSON_Delete(item);
	return false;
}

static cJSON *string_array(const char *const *values)
{
	cJSON *array = cJSON_CreateArray();

	for (; array != NULL && *values != NULL; values++)
		if (!cJSON_AddItemToArray(array, cJSON_CreateString(*values))) {
			cJSON_Delete(array);
			return NULL;
		}
	return array;
}

/* Moves the string member `key` to the front of `s` (cJSON keeps
 * insertion order; readers expect "$schema" and "description" first). */
static bool prepend_string(cJSON *s, const char *key, const char *value)
{
	cJSON *item = cJSON_AddStringToObject(s, key, value);

	if (item == NULL)
		return false;
	item = cJSON_DetachItemViaPointer(s, item);
	return cJSON_InsertItemInArray(s, 0, item);
}

static cJSON *plain_enum(const char *const *values)
{
	cJSON *s = cJSON_CreateObject();

	if (s == NULL || cJSON_AddStringToObject(s, "type", "string") == NULL ||
	    !add(s, "enum", string_array(values))) {
		cJSON_Delete(s);
		return NULL;
	}
	return s;
}

/* The drug list is one shared definition, as it is one list in C. */
static cJSON *enum_schema(const char *const *values)
{
	cJSON *s;

	if (!onco_vocabulary_is_drug_list(values))
		return plain_enum(values);
	s = cJSON_CreateObject();
	if (s == NULL || cJSON_AddStringToObject(s, "$ref", "#/$defs/drug") == NULL) {
		cJSON_Delete(s);
		return NULL;
	}
	return s;
}

/* {"type": "string", "minLength", "maxLength"} of a string field (the
 * reader's string limit when the field sets none). */
static bool add_string(cJSON *s, const onco_field *field,
		       const onco_case_limits *limits)
{
	size_t max = field->max_length != 0 ? field->max_length : limits->max_string;

	return cJSON_AddStringToObject(s, "type", "string") &&
	       cJSON_AddNumberToObject(s, "minLength", (double)field->min_length) &&
	       cJSON_AddNumberToObject(s, "maxLength", (double)max);
}

/* Schema of one item of a list field. */
static cJSON *item_schema(const onco_field *field, const onco_case_limits *limits)
{
	cJSON *s;

	if (field->kind == ONCO_KIND_ENUM_LIST)
		return enum_schema(field->values);
	if (field->kind == ONCO_KIND_OBJECT_LIST)
		return object_schema(field->object, NULL, limits);
	s = cJSON_CreateObject();
	if (s != NULL && !add_string(s, field, limits)) {
		cJSON_Delete(s);
		return NULL;
	}
	return s;
}

/* {"if": {"properties": {SIB: {"const": "other"}}, "required": [SIB]},
 *  "then": {"required": [KEY]}, "else": {"not": {"required": [KEY]}}}:
 * a key required when its sibling is (or holds) "other", refused else. */
static cJSON *when_other_schema(const onco_object *object, const onco_field *field)
{
	const onco_field *sib = onco_vocabulary_field(object, field->when_other);
	cJSON *s = cJSON_CreateObject(), *cond, *props, *test, *other, *then, *els, *not_;
	const char *keys[] = { field->key };
	const char *sibs[] = { field->when_other };

	if (s == NULL || sib == NULL)
		goto fail;
	cond = cJSON_AddObjectToObject(s, "if");
	props = cond != NULL ? cJSON_AddObjectToObject(cond, "properties") : NULL;
	test = props != NULL ? cJSON_AddObjectToObject(props, field->when_other) : NULL;
	other = test == NULL ? NULL
		: sib->kind == ONCO_KIND_ENUM_LIST ? cJSON_AddObjectToObject(test, "contains")
						    : test;
	if (other == NULL || cJSON_AddStringToObject(other, "const", "other") == NULL ||
	    !add(cond, "required", cJSON_CreateStringArray(sibs, 1)))
		goto fail;
	then = cJSON_AddObjectToObject(s, "then");
	els = cJSON_AddObjectToObject(s, "else");
	not_ = els != NULL ? cJSON_AddObjectToObject(els, "not") : NULL;
	if (then == NULL || not_ == NULL ||
	    !add(then, "required", cJSON_CreateStringArray(keys, 1)) ||
	    !add(not_, "required", cJSON_CreateStringArray(keys, 1)))
		goto fail;
	return s;
fail:
	cJSON_Delete(s);
	return NULL;
}

/* Schema of one field, its description first. */
static cJSON *field_schema(const onco_field *field,
			   const onco_case_limits *limits)
{
	cJSON *s;
	bool ok = true;

	if (field->kind == ONCO_KIND_OBJECT)
		return object_schema(field->object, field->doc, limits);
	s = field->kind == ONCO_KIND_ENUM ? enum_schema(field->values) :
					    cJSON_CreateObject();
	if (s == NULL)
		return NULL;
	switch (field->kind) {
	case ONCO_KIND_STRING:
		ok = add_string(s, field, limits);
		break;
	case ONCO_KIND_INTEGER:
	case ONCO_KIND_NUMBER:
		ok = cJSON_AddStringToObject(s, "type",
			field->kind == ONCO_KIND_INTEGER ? "integer" : "number") &&
		     cJSON_AddNumberToObject(s, "minimum", (double)field->min) &&
		     cJSON_AddNumberToObject(s, "maximum", (double)field->max);
		break;
	case ONCO_KIND_BOOLEAN:
		ok = cJSON_AddStringToObject(s, "type", "boolean") != NULL;
		break;
	case ONCO_KIND_ENUM_LIST:
	case ONCO_KIND_OBJECT_LIST:
	case ONCO_KIND_STRING_LIST:
		ok = cJSON_AddStringToObject(s, "type", "array") &&
		     cJSON_AddNumberToObject(s, "maxItems",
					     (double)limits->max_list) &&
		     add(s, "items", item_schema(field, limits));
		break;
	default:
		break;
	}
	if (!ok || !prepend_string(s, "description", field->doc)) {
		cJSON_Delete(s);
		return NULL;
	}
	return s;
}

static cJSON *object_schema(const onco_object *object, const char *doc,
			    const onco_case_limits *limits)
{
	cJSON *s = cJSON_CreateObject(), *properties, *required;
	size_t i;

	if (s == NULL ||
	    cJSON_AddStringToObject(s, "description",
				    doc != NULL ? doc : object->doc) == NULL ||
	    cJSON_AddStringToObject(s, "type", "object") == NULL ||
	    cJSON_AddFalseToObject(s, "additionalProperties") == NULL ||
	    (required = cJSON_AddArrayToObject(s, "required")) == NULL ||
	    (properties = cJSON_AddObjectToObject(s, "properties")) == NULL)
		goto fail;
	for (i = 0; i < object->field_count; i++) {
		const onco_field *field = &object->fields[i];

		if (!add(properties, field->key, field_schema(field, limits)))
			goto fail;
		if (field->required &&
		    !cJSON_AddItemToArray(required,
					  cJSON_CreateString(field->key)))
			goto fail;
	}
	if (cJSON_GetArraySize(required) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(s, "required");
	for (i = 0; i < object->field_count; i++) {
		cJSON *all = cJSON_GetObjectItemCaseSensitive(s, "allOf");

		if (object->fields[i].when_other == NULL)
			continue;
		if (all == NULL && (all = cJSON_AddArrayToObject(s, "allOf")) == NULL)
			goto fail;
		if (!cJSON_AddItemToArray(all, when_other_schema(object, &object->fields[i])))
			goto fail;
	}
	return s;
fail:
	cJSON_Delete(s);
	return NULL;
}

char *onco_case_schema_json(void)
{
	onco_case_limits limits;
	cJSON *root, *defs, *drug;
	char *text = NULL, *out = NULL, doc[512];
	size_t n;

	onco_case_limits_default(&limits);
	snprintf(doc, sizeof(doc), ROOT_DOC, limits.max_bytes, limits.max_depth);
	root = object_schema(onco_vocabulary_root(), doc, &limits);
	if (root == NULL ||
	    !prepend_string(root, "$schema",
			    "https://json-schema.org/draft/2020-12/schema") ||
	    (defs = cJSON_AddObjectToObject(root, "$defs")) == NULL ||
	    (drug = plain_enum(onco_vocabulary_case_drugs(NULL))) == NULL)
		goto done;
	if (!add(defs, "drug", drug) ||
	    !prepend_string(drug, "description",
			    "Drug name: lowercase INN, hyphens for spaces; \"other\" for a drug outside the list, named beside it"))
		goto done;
	text = cJSON_Print(root);
	if (text == NULL)
		goto done;
	/* a text file ends with a newline */
	n = strlen(text);
	out = malloc(n + 2);
	if (out != NULL) {
		memcpy(out, text, n);
		out[n] = '\n';
		out[n + 1] = '\0';
	}
done:
	cJSON_free(text);
	cJSON_Delete(root);
	return out;
}
