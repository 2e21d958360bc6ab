/*
 * basis.c: the user functions behind the self-filling slots of the
 * conclusion templates (schema.clp):
 *   (onco-rule)  the name of the rule whose actions are executing;
 *   (onco-basis) the facts that matched that rule's patterns: its
 *                activation basis, as a multifield of fact addresses;
 *   (onco-support) for a finding: records that rule and its basis in the
 *                engine's log (support.c) and gives an empty multifield, so
 *                that a finding fact is the same whichever rule or facts
 *                support it, and CLIPS keeps one.
 * They are evaluated as `default-dynamic` values, so a rule author never
 * writes them and cannot get them wrong. Outside a rule's actions they give
 * `none` and an empty multifield, and record nothing.
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

/* The activation basis of the executing rule, or NULL outside a rule. */
static struct partialMatch *executing_basis(void *env)
{
	return EngineData(env)->ExecutingRule != NULL ? EngineData(env)->GlobalLHSBinds : NULL;
}

static long bound_count(struct partialMatch *pm)
{
	unsigned short i;
	long n = 0;

	for (i = 0; pm != NULL && i < pm->bcount; i++)
		if (bound_entity(pm, i) != NULL)
			n++;
	return n;
}

static void multifield_result(DATA_OBJECT *result, void *mf, long n)
{
	SetpType(result, MULTIFIELD);
	SetpValue(result, mf);
	SetpDOBegin(result, 1);
	SetpDOEnd(result, n);
}

static void basis_function(void *env, DATA_OBJECT *result)
{
	struct partialMatch *pm = executing_basis(env);
	long n = bound_count(pm), k = 1;
	unsigned short i;
	void *mf = EnvCreateMultifield(env, n);

	for (i = 0; pm != NULL && i < pm->bcount; i++) {
		struct patternEntity *e = bound_entity(pm, i);
		if (e == NULL)
			continue;
		SetMFType(mf, k, FACT_ADDRESS);
		SetMFValue(mf, k, e);
		k++;
	}
	multifield_result(result, mf, n);
}

/* A partial match binds at most one fact per pattern; a rule has few. */
#define MAX_BOUND 64

static void support_function(void *env, DATA_OBJECT *result)
{
	struct partialMatch *pm = executing_basis(env);
	onco_engine *engine = GetEnvironmentContext(env);
	void *facts[MAX_BOUND];
	size_t n = 0;
	unsigned short i;

	for (i = 0; pm != NULL && i < pm->bcount && n < MAX_BOUND; i++)
		if (bound_entity(pm, i) != NULL)
			facts[n++] = bound_entity(pm, i);
	if (pm != NULL && engine != NULL)
		onco_support_record(engine, EnvGetDefruleName(env, EngineData(env)->ExecutingRule),
				    facts, n);
	multifield_result(result, EnvCreateMultifield(env, 0), 0);
}

/* The defrule's own name symbol, not one looked up by its text: the same
 * symbol (CLIPS interns each name once per environment) without hashing
 * the name at every firing, and its text is the address the rule index
 * knows the rule by (rule_index.c). */
static void *rule_function(void *env)
{
	struct defrule *rule = EngineData(env)->ExecutingRule;

	return rule != NULL ? (void *)GetConstructNamePointer(&rule->header)
			    : EnvAddSymbol(env, "none");
}

int onco_basis_install(void *env)
{
	if (!EnvDefineFunction2(env, "onco-basis", 'm', PTIEF basis_function,
				"basis_function", "00") ||
	    !EnvDefineFunction2(env, "onco-support", 'm', PTIEF support_function,
				"support_function", "00") ||
	    !EnvDefineFunction2(env, "onco-rule", 'w', PTIEF rule_function,
				"rule_function", "00"))
		return ONCO_ENOMEM;
	return 0;
}
