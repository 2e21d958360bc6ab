/*
 * conditions.c: judging a concluding rule's conditions against the facts
 * of a finished run: met, not met, or unknown (the finding it needs is
 * valued `unknown` in this case). Used for the possible options' `if`
 * and for "why not"; blocked.c judges the recommendation rules of a run
 * the same way from conditions compiled once.
 */
#include "private/collect.h"

onco_condition_state onco_finding_state(unsigned present, unsigned accepted, int negated)
{
	if (negated)
		return (present & accepted) ? ONCO_COND_NOT_MET : ONCO_COND_MET;
	if (present & accepted)
		return ONCO_COND_MET;
	if (present & (1u << 2))
		return ONCO_COND_UNKNOWN;
	return ONCO_COND_NOT_MET;
}

onco_condition_state onco_condition_eval(onco_engine *engine, const onco_run_facts *run,
					 const onco_condition *c)
{
	unsigned present, accepted = 0;
	int v;

	switch (c->kind) {
	case ONCO_COND_SCOPE:
		if (c->name == NULL)
			return ONCO_COND_UNJUDGED;
		return onco_run_has_scope(engine, run, c->name) != c->negated
			       ? ONCO_COND_MET
			       : ONCO_COND_NOT_MET;
	case ONCO_COND_FINDING:
		if (c->name == NULL)
			return ONCO_COND_UNJUDGED;
		present = onco_run_finding_values(engine, run, c->name);
		for (v = 0; v < 3; v++)
			if (c->accepts[v])
				accepted |= 1u << v;
		return onco_finding_state(present, accepted, c->negated);
	default:
		return ONCO_COND_UNJUDGED;
	}
}
