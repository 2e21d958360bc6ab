/*
 * possible.c: "possible if". After the run, a recommendation rule whose
 * conditions all hold except findings valued `unknown`, for an option no
 * rule concluded and no exclusion names, gives its option as a
 * `recommendation` with status `possible`. The host asserts it through the
 * fact builder (never as source text), with the slots the rule's
 * right-hand side declares, `rule` naming that rule and `basis` the facts
 * that met its conditions plus the unknown findings; then the run goes on,
 * so that the gates judge it like any other option (an option the patient
 * declines is never possible). docs/design.md, last section.
 */
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "fact_read.h"
#include "private/collect.h"

/* Slots the host fills itself, whatever a rule writes. */
static const char *const host_slots[] = {"status", "rule", "basis"};

static int is_host_slot(const char *slot)
{
	size_t i;

	for (i = 0; i < sizeof(host_slots) / sizeof(host_slots[0]); i++)
		if (strcmp(slot, host_slots[i]) == 0)
			return 1;
	return 0;
}

/* A recommendation rule's option made ready to assert, once per engine:
 * the slots it declares with their values as CLIPS values (held by a count
 * of their own, so they live as long as the environment), and the other
 * rules that conclude the same option. Asserting a possible option then
 * looks up no slot, hashes no symbol and parses no number. */
typedef struct prepared_value {
	unsigned short type;
	void *value;
} prepared_value;

/* A single-field slot keeps its value in the slot itself: asserting reads
 * the prepared option from one block, where a value behind a pointer of
 * its own cost a cache miss per slot (a case's facts push the prepared
 * options out of the cache between cases). */
typedef struct prepared_slot {
	long position; /* its field in a fact of the template */
	int multi;
	prepared_value one;    /* a single-field slot's value */
	size_t n;	       /* a multislot's values: */
	prepared_value *many;
} prepared_slot;

struct onco_possible_prep {
	long basis; /* the field of the basis multislot */
	size_t *rivals;
	size_t n_rivals;
	size_t n_slots;
	prepared_slot slots[]; /* the declared slots, then status and rule */
};

static void prep_free(onco_possible_prep *prep)
{
	size_t i;

	if (prep == NULL)
		return;
	for (i = 0; i < prep->n_slots; i++)
		free(prep->slots[i].many);
	free(prep->rivals);
	free(prep);
}

void onco_possible_preps_free(onco_engine *engine)
{
	size_t i;

	for (i = 0; engine->possible_preps != NULL && i < engine->kb.n_rules; i++)
		prep_free(engine->possible_preps[i]);
	free(engine->possible_preps);
	engine->possible_preps = NULL;
}

/* The unknown conditions of rule `index` when it may give its option
 * (`candidates`, by rule index, from run->blocked), else 0. */
static size_t unknown_of(const onco_blocked_rule *candidates, size_t n, size_t index)
{
	size_t i;

	for (i = 0; i < n && candidates[i].rule <= index; i++)
		if (candidates[i].rule == index)
			return candidates[i].unknown;
	return 0;
}

/* Of several rules concluding one option, the one with the fewest unknown
 * conditions (the first in definition order on a tie) gives it: its
 * conditions are what the option waits for. */
static int best_for_option(const onco_possible_prep *prep, const onco_blocked_rule *candidates,
			   size_t n, size_t index, size_t unknown)
{
	size_t k;

	for (k = 0; k < prep->n_rivals; k++) {
		size_t j = prep->rivals[k], theirs = unknown_of(candidates, n, j);

		if (theirs == 0)
			continue;
		if (theirs < unknown || (theirs == unknown && j < index))
			return 0;
	}
	return 1;
}

/* Appends the facts that meet condition `c` (or, when it is unknown, the
 * finding valued unknown) to basis[*n], up to `room` facts in all. */
static void condition_facts(onco_engine *engine, const onco_run_facts *run,
			    const onco_condition *c, void **basis, size_t *n, size_t room)
{
	void *env = engine->env;
	const onco_named_finding *named;
	size_t i, count;
	int v;

	if (c->negated || c->name == NULL)
		return;
	if (c->kind == ONCO_COND_SCOPE) {
		for (i = 0; i < run->n_scopes && *n < room; i++)
			if (strcmp(onco_fact_text(env, run->scopes[i], "guideline"), c->name) == 0)
				basis[(*n)++] = run->scopes[i];
		return;
	}
	if (c->kind != ONCO_COND_FINDING)
		return;
	count = onco_run_findings_named(run, c->name, &named);
	for (i = 0; i < count && *n < room; i++)
		for (v = 0; v < 3; v++)
			if (named[i].values == 1u << v &&
			    (c->accepts[v] || v == 2))
				basis[(*n)++] = named[i].fact;
}

static int put_value(void *env, DATA_OBJECT *out, const onco_decl_value *v)
{
	void *value;
	int type;

	switch (v->type) {
	case ONCO_DECL_STRING:
		type = STRING;
		value = EnvAddSymbol(env, v->text);
		break;
	case ONCO_DECL_INTEGER:
		type = INTEGER;
		value = EnvAddLong(env, strtoll(v->text, NULL, 10));
		break;
	case ONCO_DECL_FLOAT:
		type = FLOAT;
		value = EnvAddDouble(env, strtod(v->text, NULL));
		break;
	default:
		type = SYMBOL;
		value = EnvAddSymbol(env, v->text);
		break;
	}
	if (value == NULL)
		return ONCO_ENOMEM;
	SetpType(out, type);
	SetpValue(out, value);
	return 0;
}

/* Keeps `v` (a value just interned) for as long as the environment. */
static void keep_value(const prepared_value *v)
{
	if (v->type == INTEGER)
		IncrementIntegerCount(v->value);
	else if (v->type == FLOAT)
		IncrementFloatCount(v->value);
	else
		IncrementSymbolCount(v->value);
}

/* The values of declaration `d` into `slot` (slot existing in `tmpl`). */
static int prepare_slot(void *env, void *tmpl, const onco_decl *d, prepared_slot *slot)
{
	const struct templateSlot *found = onco_template_slot(tmpl, d->slot, &slot->position);
	size_t i;

	if (found == NULL)
		return ONCO_EINTERNAL;
	slot->multi = found->multislot != 0;
	if (!slot->multi) {
		DATA_OBJECT v;
		int rc = d->n_values == 1 ? put_value(env, &v, &d->values[0]) : ONCO_EINTERNAL;

		if (rc != 0)
			return rc;
		slot->one.type = (unsigned short)GetType(v);
		slot->one.value = GetValue(v);
		keep_value(&slot->one);
		return 0;
	}
	slot->many = malloc((d->n_values ? d->n_values : 1) * sizeof(*slot->many));
	if (slot->many == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < d->n_values; i++) {
		DATA_OBJECT v;
		int rc = put_value(env, &v, &d->values[i]);

		if (rc != 0)
			return rc;
		slot->many[i].type = (unsigned short)GetType(v);
		slot->many[i].value = GetValue(v);
		keep_value(&slot->many[i]);
		slot->n = i + 1;
	}
	return 0;
}

/* A slot the host fills with one symbol, whatever the rule writes
 * ("status" possible, "rule" its name). */
static int prepare_host_slot(void *env, void *tmpl, const char *name, const char *symbol,
			     prepared_slot *slot)
{
	const struct templateSlot *found = onco_template_slot(tmpl, name, &slot->position);
	void *value = EnvAddSymbol(env, symbol);

	slot->multi = 0;
	if (found == NULL || found->multislot)
		return ONCO_EINTERNAL;
	if (value == NULL)
		return ONCO_ENOMEM;
	slot->one.type = SYMBOL;
	slot->one.value = value;
	keep_value(&slot->one);
	return 0;
}

/* The prepared option of rule `index` (made on first use). NULL with *rc
 * set when it cannot be made. */
static onco_possible_prep *prepared(onco_engine *engine, void *tmpl, size_t index, int *rc)
{
	const onco_rule_info *rule = &engine->kb.rules[index];
	onco_possible_prep *prep = engine->possible_preps[index];
	const struct templateSlot *basis;
	size_t i;

	*rc = 0;
	if (prep != NULL)
		return prep;
	/* the declared slots, then the two the host fills */
	prep = calloc(1, sizeof(*prep) + (rule->n_decls + 2) * sizeof(prep->slots[0]));
	if (prep == NULL || (prep->rivals = malloc(engine->kb.n_rules * sizeof(*prep->rivals))) == NULL) {
		prep_free(prep);
		*rc = ONCO_ENOMEM;
		return NULL;
	}
	for (i = 0; i < rule->n_decls && *rc == 0; i++) {
		const onco_decl *d = &rule->decls[i];

		if (is_host_slot(d->slot) || onco_slot_position(tmpl, d->slot) < 0)
			continue;
		*rc = prepare_slot(engine->env, tmpl, d, &prep->slots[prep->n_slots++]);
	}
	if (*rc == 0)
		*rc = prepare_host_slot(engine->env, tmpl, "status", "possible",
					&prep->slots[prep->n_slots++]);
	if (*rc == 0)
		*rc = prepare_host_slot(engine->env, tmpl, "rule", rule->name,
					&prep->slots[prep->n_slots++]);
	basis = onco_template_slot(tmpl, "basis", &prep->basis);
	if (*rc == 0 && (basis == NULL || !basis->multislot))
		*rc = ONCO_EINTERNAL;
	for (i = 0; i < engine->kb.n_rules && *rc == 0; i++) {
		const onco_rule_info *other = &engine->kb.rules[i];

		if (i != index && other->kind == ONCO_RULE_RECOMMENDATION &&
		    other->concludes != NULL && other->concludes[0] == rule->concludes[0] &&
		    strcmp(other->concludes, rule->concludes) == 0)
			prep->rivals[prep->n_rivals++] = i;
	}
	if (*rc != 0) {
		prep_free(prep);
		return NULL;
	}
	engine->possible_preps[index] = prep;
	return prep;
}

/* The field `position` of a fact being built, emptied for a new value.
 * Written in place, as EnvPutFactSlot writes it once it has found the
 * slot (factmngr.c): that look-up interned the slot's name on every call,
 * a tenth of asserting a possible option. Positions and kinds of slot
 * were checked when the option was prepared. */
static struct field *field_at(void *env, void *fact, long position)
{
	struct field *to = &((struct fact *)fact)->theProposition.theFields[position];

	if (to->type == MULTIFIELD)
		ReturnMultifield(env, to->value);
	return to;
}

/* A multifield of `n` values owned by the fact it goes into (not by the
 * current garbage frame, as EnvCreateMultifield's is). */
static struct multifield *fact_multifield(void *env, size_t n)
{
	return CreateMultifield2(env, (long)n);
}

/* Puts a prepared slot into the fact being built: one value into a
 * single-field slot, all of them into a multislot. */
static int put_prepared(void *env, void *fact, const prepared_slot *slot)
{
	struct field *to = field_at(env, fact, slot->position);
	struct multifield *mf;
	size_t i;

	if (!slot->multi) {
		to->type = slot->one.type;
		to->value = slot->one.value;
		return 0;
	}
	mf = fact_multifield(env, slot->n);
	if (mf == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < slot->n; i++) {
		SetMFType(mf, (long)i + 1, slot->many[i].type);
		SetMFValue(mf, (long)i + 1, slot->many[i].value);
	}
	to->type = MULTIFIELD;
	to->value = mf;
	return 0;
}

static int put_basis(void *env, void *fact, long position, void **basis, size_t n)
{
	struct field *to = field_at(env, fact, position);
	struct multifield *mf = fact_multifield(env, n);
	size_t i;

	if (mf == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		SetMFType(mf, (long)i + 1, FACT_ADDRESS);
		SetMFValue(mf, (long)i + 1, basis[i]);
	}
	to->type = MULTIFIELD;
	to->value = mf;
	return 0;
}

/* A possible option's basis is a few facts; room is kept for as many as
 * each condition could name, on the stack up to this many. */
#define BASIS_ON_STACK 512

/* Asserts the possible option of `rule`, prepared as `prep`, a fact of
 * template `tmpl`. */
static int assert_possible(onco_engine *engine, const onco_run_facts *run,
			   const onco_rule_info *rule, const onco_possible_prep *prep, void *tmpl)
{
	void *env = engine->env;
	void *fact, *on_stack[BASIS_ON_STACK], **basis = on_stack;
	size_t i, n = 0, room = rule->n_conditions * (run->n_scopes + run->n_findings);
	int rc = 0;

	if (room > BASIS_ON_STACK && (basis = malloc(room * sizeof(*basis))) == NULL)
		return ONCO_ENOMEM;
	/* Each condition adds at most every scope and finding fact once. */
	for (i = 0; i < rule->n_conditions; i++)
		condition_facts(engine, run, &rule->conditions[i], basis, &n, room);
	fact = EnvCreateFact(env, tmpl);
	if (fact == NULL)
		rc = ONCO_ENOMEM;
	for (i = 0; rc == 0 && i < prep->n_slots; i++)
		rc = put_prepared(env, fact, &prep->slots[i]);
	if (rc == 0)
		rc = put_basis(env, fact, prep->basis, basis, n);
	if (rc == 0 && !EnvAssignFactSlotDefaults(env, fact))
		rc = ONCO_EINTERNAL;
	if (rc == 0 && EnvAssert(env, fact) == NULL)
		rc = ONCO_EINTERNAL;
	else if (rc != 0 && fact != NULL)
		ReturnFact(env, fact); /* built, never asserted */
	if (basis != on_stack)
		free(basis);
	return rc;
}

int onco_possible_assert(onco_engine *engine, onco_run_facts *run, size_t *count)
{
	const onco_kb *kb = &engine->kb;
	onco_blocked_rule *candidates;
	void *tmpl;
	size_t i, n = 0;
	int rc;

	*count = 0;
	rc = onco_run_blocked_rules(engine, run);
	if (rc != 0 || run->n_blocked == 0)
		return rc;
	/* A rule base whose schema has no status slot (written before "possible
	 * if") gets none: its missing information still names the fields. The
	 * templates do not change once loaded: looked up once. */
	if (!engine->possible_template_sought) {
		tmpl = EnvFindDeftemplate(engine->env, "recommendation");
		engine->possible_template =
			tmpl != NULL && EnvDeftemplateSlotExistP(engine->env, tmpl, "status") ? tmpl
												: NULL;
		engine->possible_template_sought = 1;
	}
	tmpl = engine->possible_template;
	if (tmpl == NULL)
		return 0;
	candidates = malloc(run->n_blocked * sizeof(*candidates));
	if (candidates == NULL)
		return ONCO_ENOMEM;
	/* The rules blocked only by unknown findings whose option is neither
	 * concluded nor ruled out, and which declare it in literals. */
	for (i = 0; i < run->n_blocked && rc >= 0; i++) {
		const onco_rule_info *rule = &kb->rules[run->blocked[i].rule];

		if (!rule->decls_literal || onco_run_is_excluded(run, rule->concludes))
			continue;
		rc = onco_run_is_concluded(engine, run, rule->concludes);
		if (rc == 0)
			candidates[n++] = run->blocked[i];
	}
	if (rc < 0) {
		free(candidates);
		return rc;
	}
	rc = 0;
	for (i = 0; i < n && rc == 0; i++) {
		size_t r = candidates[i].rule;
		onco_possible_prep *prep = prepared(engine, tmpl, r, &rc);

		if (prep == NULL || !best_for_option(prep, candidates, n, r, candidates[i].unknown))
			continue;
		rc = assert_possible(engine, run, &kb->rules[r], prep, tmpl);
		if (rc == 0)
			(*count)++;
	}
	free(candidates);
	return rc;
}

int onco_possible_run(onco_engine *engine, long long *fired, onco_run_facts *run)
{
	size_t count = 0;
	int rc = onco_run_facts_gather(engine, run);

	if (rc == 0)
		rc = onco_possible_assert(engine, run, &count);
	if (rc != 0 || count == 0)
		return rc; /* nothing asserted: `run` is working memory as it is */
	if (engine->watch.hit == ONCO_LIMIT_NONE)
		*fired += EnvRun(engine->env, engine->opts.max_firings + 1 - *fired);
	/* The gates judged the possible options: what the answer reads. */
	return onco_run_facts_gather_more(engine, run);
}
