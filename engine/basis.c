/*
 * basis.c: the user functions behind the self-filling slots of the
 * conclusion templates (schema.clp):
 *   (onco-rule)  the name of the rule whose actions are executing;
 *   (onco-basis) the facts that matched that rule's patterns: its
 *                activation basis, as a multifield of fact addresses.
 * They are evaluated as `default-dynamic` values, so a rule author never
 * writes them and cannot get them wrong. Outside a rule's actions they give
 * `none` and an empty multifield.
 *
 * CLIPS 6.30 has no public call for the basis of the executing rule; it
 * keeps it in the engine data (GlobalLHSBinds), which its own RHS variable
 * lookup uses. We read it the same way.
 */
#include <clips.h>

#include "private/engine_internal.h"

static struct patternEntity *bound_entity(struct partialMatch *pm, unsigned short i)
{
	struct alphaMatch *m = pm->binds[i].gm.theMatch;

	/* Negated and exists patterns bind no fact. */
	return m != NULL ? m->matchingItem : NULL;
}

static void basis_function(void *env, DATA_OBJECT *result)
{
	struct partialMatch *pm = NULL;
	unsigned short i;
	long n = 0, k = 1;
	void *mf;

	if (EngineData(env)->ExecutingRule != NULL)
		pm = EngineData(env)->GlobalLHSBinds;
	if (pm != NULL)
		for (i = 0; i < pm->bcount; i++)
			if (bound_entity(pm, i) != NULL)
				n++;
	mf = EnvCreateMultifield(env, n);
	if (pm != NULL)
		for (i = 0; i < pm->bcount; i++) {
			struct patternEntity *e = bound_entity(pm, i);
			if (e == NULL)
				continue;
			SetMFType(mf, k, FACT_ADDRESS);
			SetMFValue(mf, k, e);
			k++;
		}
	SetpType(result, MULTIFIELD);
	SetpValue(result, mf);
	SetpDOBegin(result, 1);
	SetpDOEnd(result, n);
}

static void *rule_function(void *env)
{
	struct defrule *rule = EngineData(env)->ExecutingRule;

	return EnvAddSymbol(env, rule != NULL ? EnvGetDefruleName(env, rule) : "none");
}

int onco_basis_install(void *env)
{
	if (!EnvDefineFunction2(env, "onco-basis", 'm', PTIEF basis_function,
				"basis_function", "00") ||
	    !EnvDefineFunction2(env, "onco-rule", 'w', PTIEF rule_function,
				"rule_function", "00"))
		return ONCO_ENOMEM;
	return 0;
}
