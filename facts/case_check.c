/*
 * case_check.c: stage 2 of reading a case: the parsed document against the
 * vocabulary (see onco_case_check in case_internal.h).
 *
 * The walk follows the document, member by member, so issues come in
 * document order; a required key that is missing is reported after the
 * members of its object. Recursion follows the vocabulary, never the
 * document: an unknown key is reported, not entered, so the depth of the
 * walk is the depth of the vocabulary (four levels).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "case_internal.h"
#include "vocabulary.h"

#define FIELDS_MAX ONCO_OBJECT_FIELDS_MAX

/* Where the walk is: one frame per level, on the stack of the call that
 * walks the level, linked to the level above. The JSON pointer is written
 * from the frames only when an issue is reported: most cases have none. */
typedef struct place {
	const struct place *up; /* NULL at the root */
	const char *key;        /* a member's key, or NULL for an item */
	size_t index;           /* an item's index in its list */
} place;

typedef struct checker {
	const onco_case_limits *limits;
	onco_case_issues *issues;
	onco_buf pointer; /* written by report() */
	onco_buf message;
	int rc; /* ONCO_ENOMEM once anything failed to allocate */
	size_t named_drugs; /* fields seen that name drugs (vocabulary: named_drug) */
} checker;

static void check_object(checker *ck, const place *at, const onco_object *object,
			 const cJSON *json);

static void say(checker *ck, int rc)
{
	if (rc != 0)
		ck->rc = rc;
}

/* The pointer of `at`, root first, appended to ck->pointer. */
static int write_pointer(checker *ck, const place *at)
{
	int rc;

	if (at == NULL)
		return 0;
	rc = write_pointer(ck, at->up);
	if (rc == 0)
		rc = at->key != NULL ? onco_buf_pointer_key(&ck->pointer, at->key)
				     : onco_buf_pointer_index(&ck->pointer, at->index);
	return rc;
}

/* Adds the issue in ck->message at the pointer of `at`. */
static void report(checker *ck, const place *at)
{
	onco_buf_truncate(&ck->pointer, 0);
	say(ck, write_pointer(ck, at));
	if (ck->rc == 0)
		ck->rc = onco_issues_add(ck->issues,
					 onco_buf_text(&ck->pointer),
					 onco_buf_text(&ck->message));
	onco_buf_truncate(&ck->message, 0);
}

static const char *type_name(const cJSON *json)
{
	if (cJSON_IsObject(json))
		return "an object";
	if (cJSON_IsArray(json))
		return "a list";
	if (cJSON_IsString(json))
		return "a string";
	if (cJSON_IsNumber(json))
		return "a number";
	if (cJSON_IsBool(json))
		return "a boolean";
	return "null";
}

static void wrong_type(checker *ck, const place *at, const char *expected,
		       const cJSON *json)
{
	say(ck, onco_buf_printf(&ck->message, "expected %s, got %s", expected,
				type_name(json)));
	if (cJSON_IsNull(json))
		say(ck, onco_buf_puts(&ck->message,
			": leave the key out when it is not recorded"));
	report(ck, at);
}

/* "allowed: a, b, c" */
static void list_values(checker *ck, const char *const *values)
{
	const char *sep = "";

	say(ck, onco_buf_puts(&ck->message, "allowed: "));
	for (; *values != NULL; values++) {
		say(ck, onco_buf_printf(&ck->message, "%s%s", sep, *values));
		sep = ", ";
	}
}

/* The value meant: a near miss (docs/case-format.md), else a typo. */
static const char *meant(const char *given, const char *const *allowed)
{
	const char *hint = onco_vocabulary_near_miss(given, allowed);

	return hint != NULL ? hint : onco_suggest(given, allowed);
}

static void unknown(checker *ck, const place *at, const char *what, const char *given,
		    const char *const *allowed)
{
	const char *hint = meant(given, allowed);

	say(ck, onco_buf_quote(&ck->message, given));
	say(ck, onco_buf_printf(&ck->message, " is not a known %s", what));
	if (hint != NULL)
		say(ck, onco_buf_printf(&ck->message,
					"; did you mean \"%s\"? ", hint));
	else if (onco_vocabulary_is_drug_list(allowed))
		say(ck, onco_buf_puts(&ck->message,
			"; a drug outside the list is written \"other\" and named"
			" beside it (docs/case-format.md, Drugs); "));
	else
		say(ck, onco_buf_puts(&ck->message, "; "));
	list_values(ck, allowed);
	report(ck, at);
}

static bool check_string(checker *ck, const place *at, const cJSON *json,
			 size_t min_length, size_t max_length)
{
	size_t length;

	if (!cJSON_IsString(json)) {
		wrong_type(ck, at, "a string", json);
		return false;
	}
	length = strlen(json->valuestring);
	if (max_length == 0 || max_length > ck->limits->max_string)
		max_length = ck->limits->max_string;
	if (length > max_length) {
		say(ck, onco_buf_printf(&ck->message,
			"string of %zu bytes is longer than the limit of %zu",
			length, max_length));
		report(ck, at);
		return false;
	}
	if (length < min_length) {
		say(ck, onco_buf_printf(&ck->message,
			"string must hold at least %zu byte%s", min_length,
			min_length == 1 ? "" : "s"));
		report(ck, at);
		return false;
	}
	return true;
}

static void check_number(checker *ck, const place *at, const onco_field *field,
			 const cJSON *json)
{
	bool integer = field->kind == ONCO_KIND_INTEGER;
	double v;

	if (!cJSON_IsNumber(json)) {
		wrong_type(ck, at, integer ? "a whole number" : "a number", json);
		return;
	}
	v = json->valuedouble;
	if (!isfinite(v))
		say(ck, onco_buf_puts(&ck->message,
			"number is too large to represent"));
	else if (integer && floor(v) != v)
		say(ck, onco_buf_printf(&ck->message,
			"must be a whole number; got %.15g", v));
	else if (v < (double)field->min || v > (double)field->max)
		say(ck, onco_buf_printf(&ck->message,
			"must be between %lld and %lld; got %.15g",
			field->min, field->max, v));
	else
		return;
	report(ck, at);
}

static void check_enum(checker *ck, const place *at, const onco_field *field,
		       const cJSON *json)
{
	const char *hint;
	char number[32];

	/* "stage": 4, a number where a value was meant */
	if (cJSON_IsNumber(json) && isfinite(json->valuedouble)) {
		snprintf(number, sizeof(number), "%.15g", json->valuedouble);
		hint = meant(number, field->values);
		say(ck, onco_buf_printf(&ck->message, "expected a string, got the number %s",
					number));
		if (hint != NULL)
			say(ck, onco_buf_printf(&ck->message, "; did you mean \"%s\"?", hint));
		report(ck, at);
		return;
	}
	if (!check_string(ck, at, json, 0, 0))
		return;
	if (!onco_vocabulary_allows(field->values, json->valuestring))
		unknown(ck, at, "value", json->valuestring, field->values);
}

static void check_list(checker *ck, const place *at, const onco_field *field,
		       const cJSON *json)
{
	const cJSON *item;
	place here = { at, NULL, 0 };
	size_t count;

	if (!cJSON_IsArray(json)) {
		wrong_type(ck, at, "a list", json);
		return;
	}
	count = (size_t)cJSON_GetArraySize(json);
	if (count > ck->limits->max_list) {
		say(ck, onco_buf_printf(&ck->message,
			"list of %zu items is longer than the limit of %zu",
			count, ck->limits->max_list));
		report(ck, at);
		return;
	}
	cJSON_ArrayForEach(item, json) {
		if (field->kind == ONCO_KIND_ENUM_LIST)
			check_enum(ck, &here, field, item);
		else if (field->kind == ONCO_KIND_STRING_LIST)
			check_string(ck, &here, item, field->min_length, field->max_length);
		else
			check_object(ck, &here, field->object, item);
		here.index++;
	}
}

static void check_value(checker *ck, const place *at, const onco_field *field,
			const cJSON *json)
{
	switch (field->kind) {
	case ONCO_KIND_STRING:
		check_string(ck, at, json, field->min_length, field->max_length);
		break;
	case ONCO_KIND_INTEGER:
	case ONCO_KIND_NUMBER:
		check_number(ck, at, field, json);
		break;
	case ONCO_KIND_BOOLEAN:
		if (!cJSON_IsBool(json))
			wrong_type(ck, at, "true or false", json);
		break;
	case ONCO_KIND_ENUM:
		check_enum(ck, at, field, json);
		break;
	case ONCO_KIND_OBJECT:
		check_object(ck, at, field->object, json);
		break;
	case ONCO_KIND_ENUM_LIST:
	case ONCO_KIND_OBJECT_LIST:
	case ONCO_KIND_STRING_LIST:
		check_list(ck, at, field, json);
		break;
	}
}

/* Does the sibling value say "other" (or hold it, for a list)? */
static bool says_other(const cJSON *value)
{
	const cJSON *item;

	if (cJSON_IsString(value))
		return strcmp(value->valuestring, "other") == 0;
	cJSON_ArrayForEach(item, value)
		if (cJSON_IsString(item) && strcmp(item->valuestring, "other") == 0)
			return true;
	return false;
}

/* A key that goes with "other" (medications[].name, prior_treatments[].
 * other_agents): required when its sibling says "other", refused when it
 * does not. */
static void check_when_other(checker *ck, const place *at, const onco_object *object,
			     const onco_field *field, const cJSON *json)
{
	const cJSON *sibling = cJSON_GetObjectItemCaseSensitive(json, field->when_other);
	const cJSON *own = cJSON_GetObjectItemCaseSensitive(json, field->key);
	const onco_field *of = onco_vocabulary_field(object, field->when_other);
	bool other = says_other(sibling);
	place here = { at, field->key, 0 };

	if (other == (own != NULL))
		return;
	/* "agent": "denosumab" with its name: the unknown value is the
	 * mistake, reported with the way to write it */
	if (!other && cJSON_IsString(sibling) && of != NULL && of->values != NULL &&
	    !onco_vocabulary_allows(of->values, sibling->valuestring))
		return;
	if (other)
		say(ck, onco_buf_printf(&ck->message,
			"required key is missing: %s %s \"other\", so name %s here",
			field->when_other, cJSON_IsArray(sibling) ? "holds" : "is",
			cJSON_IsArray(sibling) ? "each drug it stands for" : "the drug"));
	else
		say(ck, onco_buf_printf(&ck->message,
			"only with %s \"other\": a drug of the list is written in %s itself",
			field->when_other, field->when_other));
	report(ck, &here);
}

static void check_member(checker *ck, const place *at, const onco_object *object,
			 const cJSON *member, bool *seen)
{
	const char *keys[FIELDS_MAX + 1];
	const onco_field *field;
	size_t i;

	field = onco_vocabulary_field(object, member->string);
	if (field == NULL) {
		for (i = 0; i < object->field_count && i < FIELDS_MAX; i++)
			keys[i] = object->fields[i].key;
		keys[i] = NULL;
		unknown(ck, at, "key", member->string, keys);
		return;
	}
	i = (size_t)(field - object->fields);
	if (seen[i]) {
		say(ck, onco_buf_puts(&ck->message,
			"duplicate key; a key may appear once in an object"));
		report(ck, at);
		return;
	}
	seen[i] = true;
	if (field->named_drug)
		ck->named_drugs++;
	check_value(ck, at, field, member);
}

static void check_object(checker *ck, const place *at, const onco_object *object,
			 const cJSON *json)
{
	bool seen[FIELDS_MAX] = { false };
	const cJSON *member;
	place here = { at, NULL, 0 };
	size_t i;

	if (!cJSON_IsObject(json)) {
		wrong_type(ck, at, "an object", json);
		return;
	}
	cJSON_ArrayForEach(member, json) {
		here.key = member->string;
		check_member(ck, &here, object, member, seen);
	}
	for (i = 0; i < object->field_count; i++) {
		if (object->fields[i].when_other != NULL)
			check_when_other(ck, at, object, &object->fields[i], json);
		if (!object->fields[i].required || seen[i])
			continue;
		here.key = object->fields[i].key;
		say(ck, onco_buf_puts(&ck->message, "required key is missing"));
		report(ck, &here);
	}
}

int onco_case_check(const cJSON *root, const onco_case_limits *limits,
		    onco_case_issues *issues, size_t *named_drugs)
{
	checker ck = { limits, issues, ONCO_BUF_INIT, ONCO_BUF_INIT, 0, 0 };

	if (cJSON_IsObject(root)) {
		check_object(&ck, NULL, onco_vocabulary_root(), root);
	} else {
		say(&ck, onco_buf_printf(&ck.message,
			"a case must be a JSON object, got %s",
			type_name(root)));
		report(&ck, NULL);
	}
	onco_buf_free(&ck.pointer);
	onco_buf_free(&ck.message);
	*named_drugs = ck.named_drugs;
	return ck.rc;
}
