/*
 * vocabulary.h: the one description of the case (private to facts/).
 *
 * Every object of a case is an onco_object: its fields, each with its JSON
 * key, kind, constraints and the CLIPS template and slot it fills. The
 * validator (case_check.c), the fact builder (case_assert.c) and the JSON
 * Schema generator (case_schema.c) all walk these tables, so they cannot
 * disagree. The tables are static const: nothing here is mutable.
 */
#ifndef ONCO_VOCABULARY_H
#define ONCO_VOCABULARY_H

#include <stdbool.h>
#include <stddef.h>

typedef enum onco_kind {
	ONCO_KIND_STRING,
	ONCO_KIND_INTEGER,
	ONCO_KIND_NUMBER,
	ONCO_KIND_BOOLEAN,     /* CLIPS symbol TRUE or FALSE */
	ONCO_KIND_ENUM,        /* CLIPS symbol, one of `values` */
	ONCO_KIND_OBJECT,      /* nested object, described by `object` */
	ONCO_KIND_ENUM_LIST,   /* array of `values` */
	ONCO_KIND_OBJECT_LIST, /* array of objects described by `object` */
	ONCO_KIND_STRING_LIST  /* array of strings (CLIPS STRINGs) */
} onco_kind;

struct onco_object;

/*
 * One key of a JSON object.
 *
 * Where its value goes in CLIPS:
 * - `fact_template` NULL: into `slot` of the parent object's fact (a
 *   single-field slot when `required`, else a multislot of 0..1 values;
 *   an ENUM_LIST into a multislot of all its values).
 * - `fact_template` set: the value makes facts of its own: an ENUM one
 *   fact (`key_slot` = the JSON key as a symbol, `slot` = the value); an
 *   ENUM_LIST one fact per item (`slot` = the item).
 * - OBJECT and OBJECT_LIST: facts of `object->fact_template`, one per
 *   object or item.
 * Every own fact also gets `pointer`, the JSON pointer of its value.
 */
typedef struct onco_field {
	const char *key;
	onco_kind kind;
	bool required;
	const char *const *values;        /* ENUM, ENUM_LIST: NULL-terminated */
	long long min, max;               /* INTEGER, NUMBER: inclusive range */
	size_t min_length, max_length;    /* STRING: bytes; 0 max: the limit */
	const struct onco_object *object; /* OBJECT, OBJECT_LIST */
	const char *slot;
	const char *fact_template;
	const char *key_slot;
	bool list_recorded; /* a list that yields a list-recorded fact */
	/* Set: the key is required when the sibling field of this name is, or
	 * holds, "other", and refused otherwise (a drug outside the list is
	 * recorded as "other" and named here). */
	const char *when_other;
	bool named_drug;    /* names drugs the rule base does not know: the
			       result lists them as not assessed */
	const char *doc;    /* one line for the JSON Schema */
} onco_field;

typedef struct onco_object {
	const char *fact_template; /* NULL: the object has no fact itself */
	const onco_field *fields;
	size_t field_count;
	const char *doc;
} onco_object;

/* The case document. */
const onco_object *onco_vocabulary_root(void);

/* The field of `object` with JSON key `key`, or NULL. */
const onco_field *onco_vocabulary_field(const onco_object *object,
					const char *key);

/* Whether `field`'s values are the drug list of a case (the controlled
 * list and "other"; a shared schema $defs). */
bool onco_vocabulary_is_drug_list(const char *const *values);

/* The drugs a case may name: the controlled list, then "other". */
const char *const *onco_vocabulary_case_drugs(size_t *count);

/* A key that annotates the case and makes no fact ("$schema"). */
bool onco_vocabulary_is_annotation(const onco_field *field);

/* The value the typist most likely meant: a value of `values` written
 * another way (case, spaces, hyphens: "Trastuzumab Emtansine"), a name the
 * five sources use for it (docs/case-format.md, "Near misses": "5-FU",
 * "Herceptin", "4" for stage IV), or a value the text ends with
 * ("invasive-ductal-carcinoma"); NULL when none. */
const char *onco_vocabulary_near_miss(const char *given, const char *const *values);

/* The near-miss table (docs/case-format.md lists it; a test compares):
 * row i is {typed, meant}; NULL past the end. */
const char *const *onco_vocabulary_near_miss_row(size_t i);

/* Whether `value` is one of the NULL-terminated `values`. */
bool onco_vocabulary_allows(const char *const *values, const char *value);

/* The CLIPS template and slot that record lists the case states. */
#define ONCO_LIST_RECORDED_TEMPLATE "list-recorded"
#define ONCO_POINTER_SLOT "pointer"

#endif
