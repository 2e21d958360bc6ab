/* fact_read.c: reading slot values of CLIPS facts (see fact_read.h). */
#include "fact_read.h"

#include <stdio.h>
#include <string.h>

const char *onco_fact_template(void *env, void *fact)
{
	return EnvGetDeftemplateName(env, EnvFactDeftemplate(env, fact));
}

const char *onco_fact_text(void *env, void *fact, const char *slot)
{
	DATA_OBJECT v;

	if (!EnvGetFactSlot(env, fact, slot, &v))
		return NULL;
	if (GetType(v) == SYMBOL || GetType(v) == STRING)
		return DOToString(v);
	if (GetType(v) == MULTIFIELD && GetDOLength(v) > 0) {
		void *mf = GetValue(v);
		long i = GetDOBegin(v);
		if (GetMFType(mf, i) == SYMBOL || GetMFType(mf, i) == STRING)
			return ValueToString(GetMFValue(mf, i));
	}
	return NULL;
}

int onco_fact_multi(void *env, void *fact, const char *slot, size_t index,
		    int *type, void **value)
{
	DATA_OBJECT v;
	void *mf;

	if (!EnvGetFactSlot(env, fact, slot, &v) || GetType(v) != MULTIFIELD ||
	    index >= (size_t)GetDOLength(v))
		return 0;
	mf = GetValue(v);
	*type = GetMFType(mf, GetDOBegin(v) + (long)index);
	*value = GetMFValue(mf, GetDOBegin(v) + (long)index);
	return 1;
}

size_t onco_fact_multi_count(void *env, void *fact, const char *slot)
{
	DATA_OBJECT v;

	if (!EnvGetFactSlot(env, fact, slot, &v) || GetType(v) != MULTIFIELD)
		return 0;
	return (size_t)GetDOLength(v);
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
