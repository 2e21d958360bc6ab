/*
 * fact_read.h: reading slot values of CLIPS facts as C strings. Private to
 * engine/; it may use CLIPS types.
 */
#ifndef ONCO_FACT_READ_H
#define ONCO_FACT_READ_H

#include <stddef.h>

#include <clips.h>

/* The place of `slot` among the slots of a template (its field's index
 * in a fact of it), or -1 when the template is implied or has no such
 * slot. A caller reading many facts of one template may keep it. */
long onco_slot_position(const struct deftemplate *deftemplate, const char *slot);

/* The slot itself (whether it is a multislot, its default), with its
 * place in *position; NULL (and -1) as above. */
const struct templateSlot *onco_template_slot(const struct deftemplate *deftemplate,
					       const char *slot, long *position);

/* The field of `slot` in a template fact, or NULL. Valid while the fact
 * lives. */
const struct field *onco_fact_field(void *fact, const char *slot);

/* The name of the fact's template. */
const char *onco_fact_template(void *env, void *fact);

/* The text of a single-field slot (symbol or string), or the first value of
 * a multislot; NULL when empty, numeric, or absent. Valid while the fact
 * lives. */
const char *onco_fact_text(void *env, void *fact, const char *slot);

/* The same for a slot's field already found (NULL: none). Inline: the
 * answer reads a few hundred fields per case, and a call each cost about
 * as much as the reading. */
static inline const char *onco_field_text(const struct field *v)
{
	if (v == NULL)
		return NULL;
	if (v->type == SYMBOL || v->type == STRING)
		return ValueToString(v->value);
	if (v->type == MULTIFIELD && GetMFLength(v->value) > 0 &&
	    (GetMFType(v->value, 1) == SYMBOL || GetMFType(v->value, 1) == STRING))
		return ValueToString(GetMFValue(v->value, 1));
	return NULL;
}

/* Value `index` (0-based) of a multislot: its type and value pointer; 0
 * when out of range or the slot is not a multislot. */
int onco_fact_multi(void *env, void *fact, const char *slot, size_t index,
		    int *type, void **value);

/* Number of values in a multislot (0 for a missing slot). */
size_t onco_fact_multi_count(void *env, void *fact, const char *slot);

/* Writes a single value (symbol, string, integer, float) as text into buf. */
void onco_value_text(int type, void *value, char *buf, size_t size);

#endif
