/*
 * fact_read.c: reading slot values of CLIPS facts (see fact_read.h).
 *
 * EnvGetFactSlot interns the slot name in the symbol table on every call;
 * reading thousands of slots per case, that hashing dominated. Templates
 * have a handful of slots, so the slot is found by walking the template's
 * slot list and the value read from the fact's fields, as EnvGetFactSlot
 * itself does once it has the position (factmngr.c).
 */
#include "fact_read.h"

#include <stdio.h>
#include <string.h>

const struct templateSlot *onco_template_slot(const struct deftemplate *deftemplate,
					       const char *slot, long *position)
{
	const struct templateSlot *s;
	long i = 0;

	*position = -1;
	if (deftemplate == NULL || deftemplate->implied)
		return NULL;
	/* Most slots differ from the wanted one in the first letter: testing it
	 * first saves a strcmp call for them (thousands of reads per case). */
	for (s = deftemplate->slotList; s != NULL; s = s->next, i++) {
		const char *name = ValueToString(s->slotName);

		if (name[0] == slot[0] && strcmp(name, slot) == 0) {
			*position = i;
			return s;
		}
	}
	return NULL;
}

long onco_slot_position(const struct deftemplate *deftemplate, const char *slot)
{
	long position;

	onco_template_slot(deftemplate, slot, &position);
	return position;
}

const struct field *onco_fact_field(void *fact, const char *slot)
{
	const struct fact *f = fact;
	long i = onco_slot_position(f->whichDeftemplate, slot);

	return i >= 0 ? &f->theProposition.theFields[i] : NULL;
}

const char *onco_fact_template(void *env, void *fact)
{
	return EnvGetDeftemplateName(env, EnvFactDeftemplate(env, fact));
}

const char *onco_fact_text(void *env, void *fact, const char *slot)
{
	(void)env;
	return onco_field_text(onco_fact_field(fact, slot));
}

int onco_fact_multi(void *env, void *fact, const char *slot, size_t index,
		    int *type, void **value)
{
	const struct field *v = onco_fact_field(fact, slot);

	(void)env;
	if (v == NULL || v->type != MULTIFIELD || index >= (size_t)GetMFLength(v->value))
		return 0;
	*type = GetMFType(v->value, (long)index + 1);
	*value = GetMFValue(v->value, (long)index + 1);
	return 1;
}

size_t onco_fact_multi_count(void *env, void *fact, const char *slot)
{
	const struct field *v = onco_fact_field(fact, slot);

	(void)env;
	if (v == NULL || v->type != MULTIFIELD)
		return 0;
	return (size_t)GetMFLength(v->value);
}

void onco_value_text(int type, void *value, char *buf, size_t size)
{
	switch (type) {
	case SYMBOL:
	case STRING:
		snprintf(buf, size, "%s", ValueToString(value));
		break;
	case INTEGER:
		snprintf(buf, size, "%lld", ValueToLong(value));
		break;
	case FLOAT:
		snprintf(buf, size, "%g", ValueToDouble(value));
		break;
	default:
		snprintf(buf, size, "?");
		break;
	}
}
