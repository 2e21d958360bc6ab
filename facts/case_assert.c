/*
 * case_assert.c: onco_case_assert, the validated case as CLIPS facts.
 *
 * Facts are built only through the fact-builder API (EnvCreateFact,
 * EnvPutFactSlot, EnvAssignFactSlotDefaults, EnvAssert): no byte of the
 * case is ever parsed by CLIPS, so a case cannot inject rules or facts.
 * The walk follows the vocabulary table, the same one the validator used,
 * and first checks that the rule base has every template and slot the
 * table names, so a stale schema.clp fails before anything is asserted
 * (once per environment for a caller that asserts many cases: the check
 * cost as much as a quarter of asserting a case). Templates are looked up
 * per fact.
 */
#include <clips.h>

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "case_internal.h"
#include "vocabulary.h"

typedef struct builder {
	void *env;
	onco_error *err;
	onco_buf pointer; /* JSON pointer of the value being built */
	int rc;
} builder;

static void build_object(builder *b, const onco_object *object,
			 const cJSON *json);

/* --------------------------------------------------- rule base check */

static int need_slot(void *env, onco_error *err, const char *name,
		     const char *slot, bool multi)
{
	void *tmpl = EnvFindDeftemplate(env, name);

	if (tmpl == NULL)
		return onco_error_set(err, ONCO_ERULES,
			"the rule base has no template %s (rules/schema.clp)",
			name);
	if (!EnvDeftemplateSlotExistP(env, tmpl, slot))
		return onco_error_set(err, ONCO_ERULES,
			"template %s has no slot %s (rules/schema.clp)", name,
			slot);
	if ((EnvDeftemplateSlotMultiP(env, tmpl, slot) != 0) != multi)
		return onco_error_set(err, ONCO_ERULES,
			"slot %s of template %s must be a %s (rules/schema.clp)",
			slot, name, multi ? "multislot" : "single-field slot");
	return 0;
}

/* Whether the field fills a slot of its parent's fact (else it makes
 * facts of its own or is an object). */
static bool in_parent(const onco_field *field)
{
	return field->fact_template == NULL &&
	       field->kind != ONCO_KIND_OBJECT &&
	       field->kind != ONCO_KIND_OBJECT_LIST &&
	       !onco_vocabulary_is_annotation(field);
}

static bool is_list(const onco_field *field)
{
	return field->kind == ONCO_KIND_ENUM_LIST || field->kind == ONCO_KIND_STRING_LIST;
}

/* Optional scalars and lists are multislots; required scalars are not. */
static bool multi(const onco_field *field)
{
	return is_list(field) || !field->required;
}

static int check_field(void *env, onco_error *err, const onco_object *object,
		       const onco_field *field)
{
	int rc = 0;

	if (field->list_recorded) {
		rc = need_slot(env, err, ONCO_LIST_RECORDED_TEMPLATE, "field",
			       false);
		if (rc == 0)
			rc = need_slot(env, err, ONCO_LIST_RECORDED_TEMPLATE,
				       "count", false);
		if (rc == 0)
			rc = need_slot(env, err, ONCO_LIST_RECORDED_TEMPLATE,
				       ONCO_POINTER_SLOT, false);
	}
	if (rc == 0 && in_parent(field))
		rc = need_slot(env, err, object->fact_template, field->slot,
			       multi(field));
	if (rc == 0 && field->fact_template != NULL) {
		rc = need_slot(env, err, field->fact_template, field->slot,
			       false);
		if (rc == 0)
			rc = need_slot(env, err, field->fact_template,
				       ONCO_POINTER_SLOT, false);
		if (rc == 0 && field->key_slot != NULL)
			rc = need_slot(env, err, field->fact_template,
				       field->key_slot, false);
	}
	return rc;
}

static int check_rule_base(void *env, onco_error *err,
			   const onco_object *object)
{
	size_t i;
	int rc = 0;

	if (object->fact_template != NULL)
		rc = need_slot(env, err, object->fact_template,
			       ONCO_POINTER_SLOT, false);
	for (i = 0; rc == 0 && i < object->field_count; i++) {
		rc = check_field(env, err, object, &object->fields[i]);
		if (rc == 0 && object->fields[i].object != NULL)
			rc = check_rule_base(env, err,
					     object->fields[i].object);
	}
	return rc;
}

/* --------------------------------------------------------- values */

/* The CLIPS type and value of one JSON scalar of `field`'s kind. */
static void scalar(void *env, const onco_field *field, const cJSON *json,
		   unsigned short *type, void **value)
{
	double v;

	switch (field->kind) {
	case ONCO_KIND_STRING:
	case ONCO_KIND_STRING_LIST:
		*type = STRING;
		*value = EnvAddSymbol(env, json->valuestring);
		break;
	case ONCO_KIND_INTEGER:
		*type = INTEGER;
		*value = EnvAddLong(env, (long long)json->valuedouble);
		break;
	case ONCO_KIND_NUMBER:
		/* -0 is 0: a rule should never see "-0.0" */
		v = json->valuedouble == 0 ? 0.0 : json->valuedouble;
		*type = FLOAT;
		*value = EnvAddDouble(env, v);
		break;
	case ONCO_KIND_BOOLEAN:
		*type = SYMBOL;
		*value = EnvAddSymbol(env, cJSON_IsTrue(json) ? "TRUE" : "FALSE");
		break;
	default: /* enums and the items of enum lists */
		*type = SYMBOL;
		*value = EnvAddSymbol(env, json->valuestring);
		break;
	}
}

static void put(builder *b, struct fact *f, const char *tmpl,
		const char *slot, DATA_OBJECT *v)
{
	if (b->rc == 0 && !EnvPutFactSlot(b->env, f, slot, v))
		b->rc = onco_error_set(b->err, ONCO_EINTERNAL,
			"CLIPS refused slot %s of a %s fact", slot, tmpl);
}

static void put_symbol(builder *b, struct fact *f, const char *tmpl,
		       const char *slot, unsigned short type, const char *s)
{
	DATA_OBJECT v;

	SetType(v, type);
	SetValue(v, EnvAddSymbol(b->env, s));
	put(b, f, tmpl, slot, &v);
}

/* A scalar into its slot: a single field when required, else a
 * multislot holding one value; a list into a multislot of its items. */
static void put_field(builder *b, struct fact *f, const char *tmpl,
		      const onco_field *field, const cJSON *json)
{
	const cJSON *item;
	DATA_OBJECT v;
	unsigned short type;
	void *value, *mf;
	long n, i = 0;

	if (!multi(field)) {
		scalar(b->env, field, json, &type, &value);
		SetType(v, type);
		SetValue(v, value);
		put(b, f, tmpl, field->slot, &v);
		return;
	}
	n = is_list(field) ? cJSON_GetArraySize(json) : 1;
	mf = EnvCreateMultifield(b->env, n);
	if (is_list(field)) {
		cJSON_ArrayForEach(item, json) {
			scalar(b->env, field, item, &type, &value);
			i++;
			SetMFType(mf, i, type);
			SetMFValue(mf, i, value);
		}
	} else {
		scalar(b->env, field, json, &type, &value);
		SetMFType(mf, 1, type);
		SetMFValue(mf, 1, value);
	}
	SetType(v, MULTIFIELD);
	SetValue(v, mf);
	SetDOBegin(v, 1);
	SetDOEnd(v, n);
	put(b, f, tmpl, field->slot, &v);
}

/* --------------------------------------------------------- facts */

static struct fact *new_fact(builder *b, const char *tmpl)
{
	struct fact *f;

	if (b->rc != 0)
		return NULL;
	f = EnvCreateFact(b->env, EnvFindDeftemplate(b->env, tmpl));
	if (f == NULL)
		b->rc = onco_error_set(b->err, ONCO_EINTERNAL,
				       "CLIPS could not create a %s fact", tmpl);
	return f;
}

/* Sets the pointer, fills the other slots with their defaults (an absent
 * optional field leaves its multislot empty) and asserts. */
static void finish_fact(builder *b, struct fact *f, const char *tmpl)
{
	put_symbol(b, f, tmpl, ONCO_POINTER_SLOT, STRING,
		   onco_buf_text(&b->pointer));
	if (b->rc != 0)
		return;
	if (!EnvAssignFactSlotDefaults(b->env, f) ||
	    EnvAssert(b->env, f) == NULL)
		b->rc = onco_error_set(b->err, ONCO_EINTERNAL,
			"CLIPS did not assert the %s fact of \"%s\"", tmpl,
			onco_buf_text(&b->pointer));
}

/* (list-recorded (field P) (count N) (pointer P)) for a stated list. */
static void list_recorded(builder *b, const cJSON *list)
{
	const char *tmpl = ONCO_LIST_RECORDED_TEMPLATE;
	struct fact *f = new_fact(b, tmpl);
	DATA_OBJECT v;

	if (f == NULL)
		return;
	put_symbol(b, f, tmpl, "field", STRING, onco_buf_text(&b->pointer));
	SetType(v, INTEGER);
	SetValue(v, EnvAddLong(b->env, cJSON_GetArraySize(list)));
	put(b, f, tmpl, "count", &v);
	finish_fact(b, f, tmpl);
}

/* A value that is a fact of its own: a biomarker (its key and value) or
 * an item of a list such as metastases or symptoms. */
static void own_fact(builder *b, const onco_field *field, const char *key,
		     const cJSON *json)
{
	const char *tmpl = field->fact_template;
	struct fact *f = new_fact(b, tmpl);

	if (f == NULL)
		return;
	if (field->key_slot != NULL)
		put_symbol(b, f, tmpl, field->key_slot, SYMBOL, key);
	put_symbol(b, f, tmpl, field->slot, SYMBOL, json->valuestring);
	finish_fact(b, f, tmpl);
}

/* The facts a field makes besides its parent's slot. */
static void build_children(builder *b, const onco_field *field,
			   const cJSON *json)
{
	const cJSON *item;
	size_t mark = b->pointer.length, index = 0;

	if (field->kind == ONCO_KIND_OBJECT) {
		build_object(b, field->object, json);
		return;
	}
	if (field->fact_template != NULL && field->kind == ONCO_KIND_ENUM) {
		own_fact(b, field, field->key, json);
		return;
	}
	if (field->list_recorded)
		list_recorded(b, json);
	cJSON_ArrayForEach(item, json) {
		if (b->rc == 0)
			b->rc = onco_buf_pointer_index(&b->pointer, index++);
		if (field->kind == ONCO_KIND_OBJECT_LIST)
			build_object(b, field->object, item);
		else
			own_fact(b, field, NULL, item);
		onco_buf_truncate(&b->pointer, mark);
	}
}

/* The member of `json` for each field of `object` into members[], NULL
 * for a field the case leaves out: one pass over the members, where a
 * look-up per field compared the field's key with every member before it
 * (and with all of them for an absent field). The case was validated: each
 * key is a field's, once. */
static void members_by_field(const onco_object *object, const cJSON *json,
			     const cJSON **members)
{
	const onco_field *field;
	const cJSON *member;
	size_t i;

	for (i = 0; i < object->field_count; i++)
		members[i] = NULL;
	cJSON_ArrayForEach(member, json) {
		field = member->string != NULL
				? onco_vocabulary_field(object, member->string)
				: NULL;
		if (field != NULL && members[field - object->fields] == NULL)
			members[field - object->fields] = member;
	}
}

/* The object's own fact first, then the facts of its parts, in the
 * table's order so that the same case always asserts the same sequence.
 * `json` is NULL for an object the case leaves out. */
static void build_object(builder *b, const onco_object *object,
			 const cJSON *json)
{
	const cJSON *members[ONCO_OBJECT_FIELDS_MAX];
	const onco_field *field;
	size_t mark = b->pointer.length, i;
	struct fact *f = NULL;

	if (b->rc != 0)
		return;
	if (object->field_count > ONCO_OBJECT_FIELDS_MAX) {
		b->rc = onco_error_set(b->err, ONCO_EINTERNAL,
			"an object of the vocabulary has more than %d fields",
			ONCO_OBJECT_FIELDS_MAX);
		return;
	}
	members_by_field(object, json, members);
	if (object->fact_template != NULL) {
		f = new_fact(b, object->fact_template);
		if (f == NULL)
			return;
		for (i = 0; i < object->field_count; i++) {
			field = &object->fields[i];
			if (members[i] != NULL && in_parent(field))
				put_field(b, f, object->fact_template, field,
					  members[i]);
		}
		finish_fact(b, f, object->fact_template);
	}
	for (i = 0; b->rc == 0 && i < object->field_count; i++) {
		field = &object->fields[i];
		/* An absent object still gets its (empty) fact, so that
		 * (patient (ecog)) means "ECOG not recorded" whether or not
		 * the case has a patient object. */
		if (in_parent(field) || onco_vocabulary_is_annotation(field) ||
		    (members[i] == NULL && field->kind != ONCO_KIND_OBJECT))
			continue;
		b->rc = onco_buf_pointer_key(&b->pointer, field->key);
		if (b->rc == 0)
			build_children(b, field, members[i]);
		onco_buf_truncate(&b->pointer, mark);
	}
}

int onco_case_check_rule_base(void *clips_env, onco_error *err)
{
	onco_error_clear(err);
	if (clips_env == NULL)
		return onco_error_set(err, ONCO_EINVALID, "no CLIPS environment");
	return check_rule_base(clips_env, err, onco_vocabulary_root());
}

int onco_case_assert_checked(const onco_case *c, void *clips_env, onco_error *err)
{
	builder b = { clips_env, err, ONCO_BUF_INIT, 0 };

	onco_error_clear(err);
	if (c == NULL || clips_env == NULL)
		return onco_error_set(err, ONCO_EINVALID,
				      "no case or no CLIPS environment");
	build_object(&b, onco_vocabulary_root(), c->root);
	if (b.rc == ONCO_ENOMEM)
		onco_error_set(err, ONCO_ENOMEM, "out of memory");
	onco_buf_free(&b.pointer);
	return b.rc;
}

int onco_case_assert(const onco_case *c, void *clips_env, onco_error *err)
{
	int rc = onco_case_check_rule_base(clips_env, err);

	return rc != 0 ? rc : onco_case_assert_checked(c, clips_env, err);
}
