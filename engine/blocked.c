/*
 * blocked.c: which recommendation rules of a finished run wait only for
 * findings valued unknown: every condition met but some findings the case
 * leaves unknown. The possible pass asserts their
 * options and the missing information names the fields behind those
 * findings: the question is answered once per run, for both.
 *
 * Judged one by one (conditions.c), a condition looks its name up each
 * time: a binary search of strings for a finding, a walk over the scope
 * facts for a guideline. Here the recommendation rules' conditions are
 * compiled once per engine, each name into a small number, and a run is
 * judged from two small tables filled once per run: the values present
 * per finding (one merge of two sorted lists of names) and whether each
 * guideline is in scope. The answer is the same as judging each condition
 * by its names with onco_condition_eval (conditions.c) gives
 * (tests/unit/test_blocked.c compares them). The same index finds
 * the first rule that concludes an option (onco_option_rule), which
 * weighs a missing field by the options it decides.
 */
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/collect.h"

/* One condition of a recommendation rule. */
typedef struct compiled_condition {
	onco_condition_kind kind; /* ONCO_COND_OTHER: not judged (no name) */
	int negated;
	unsigned accepted; /* finding values accepted, bits as in onco_finding_entry */
	size_t id;	   /* its name's place in `findings` or `scopes` */
} compiled_condition;

typedef struct option_row {
	const char *id;
	size_t rule; /* its index in kb.rules */
} option_row;

struct onco_blocked_index {
	/* Per rule, n_rules + 1 of them: its conditions are conditions[first[i]
	 * .. first[i + 1]); none for a rule that concludes no recommendation. */
	size_t *first;
	compiled_condition *conditions;
	/* The recommendation rules, in definition order: the only ones with
	 * conditions here. */
	size_t *judged;
	size_t n_judged;
	/* The names the conditions test, each once, sorted by strcmp. */
	const char **findings;
	size_t n_findings;
	const char **scopes;
	size_t n_scopes;
	/* The options the recommendation rules conclude, each once with the
	 * first rule that concludes it, sorted by id: onco_option_rule. */
	struct option_row *options;
	size_t n_options;
};

static int is_judged(const onco_rule_info *rule)
{
	return rule->kind == ONCO_RULE_RECOMMENDATION && rule->concludes != NULL;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts names[0 .. *n) and keeps each once. */
static void sort_unique(const char **names, size_t *n)
{
	size_t i, kept = 0;

	qsort(names, *n, sizeof(*names), compare_names);
	for (i = 0; i < *n; i++)
		if (kept == 0 || strcmp(names[kept - 1], names[i]) != 0)
			names[kept++] = names[i];
	*n = kept;
}

static int compare_options(const void *a, const void *b)
{
	const option_row *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c != 0 ? c : (x->rule > y->rule) - (x->rule < y->rule);
}

static int compare_id(const void *a, const void *b)
{
	return strcmp(((const option_row *)a)->id, ((const option_row *)b)->id);
}

static size_t place_of(const char **names, size_t n, const char *name)
{
	const char **found = bsearch(&name, names, n, sizeof(*names), compare_names);

	return (size_t)(found - names);
}

void onco_blocked_index_free(onco_engine *engine)
{
	onco_blocked_index *index = engine->blocked_index;

	if (index == NULL)
		return;
	free(index->first);
	free(index->judged);
	free(index->conditions);
	free(index->findings);
	free(index->scopes);
	free(index->options);
	free(index);
	engine->blocked_index = NULL;
}

/* Whether condition `c` is judged by kind: a guideline or a finding it
 * names. */
static onco_condition_kind judged_kind(const onco_condition *c)
{
	if (c->name == NULL || (c->kind != ONCO_COND_SCOPE && c->kind != ONCO_COND_FINDING))
		return ONCO_COND_OTHER;
	return c->kind;
}

/* engine->blocked_index, made on first use. 0 or ONCO_ENOMEM. */
static int index_make(onco_engine *engine)
{
	const onco_kb *kb = &engine->kb;
	onco_blocked_index *index;
	size_t i, k, n = 0;

	if (engine->blocked_index != NULL)
		return 0;
	for (i = 0; i < kb->n_rules; i++)
		n += is_judged(&kb->rules[i]) ? kb->rules[i].n_conditions : 0;
	index = calloc(1, sizeof(*index));
	if (index == NULL || (index->first = malloc((kb->n_rules + 1) * sizeof(*index->first))) == NULL ||
	    (index->judged = malloc((kb->n_rules ? kb->n_rules : 1) * sizeof(*index->judged))) == NULL ||
	    (index->conditions = malloc((n ? n : 1) * sizeof(*index->conditions))) == NULL ||
	    (index->findings = malloc((n ? n : 1) * sizeof(*index->findings))) == NULL ||
	    (index->scopes = malloc((n ? n : 1) * sizeof(*index->scopes))) == NULL ||
	    (index->options = malloc((kb->n_rules ? kb->n_rules : 1) * sizeof(*index->options))) ==
		    NULL) {
		engine->blocked_index = index;
		onco_blocked_index_free(engine);
		return ONCO_ENOMEM;
	}
	for (i = 0; i < kb->n_rules; i++)
		for (k = 0; is_judged(&kb->rules[i]) && k < kb->rules[i].n_conditions; k++) {
			const onco_condition *c = &kb->rules[i].conditions[k];

			if (judged_kind(c) == ONCO_COND_FINDING)
				index->findings[index->n_findings++] = c->name;
			else if (judged_kind(c) == ONCO_COND_SCOPE)
				index->scopes[index->n_scopes++] = c->name;
		}
	for (i = 0; i < kb->n_rules; i++)
		if (is_judged(&kb->rules[i])) {
			index->options[index->n_options].id = kb->rules[i].concludes;
			index->options[index->n_options++].rule = i;
		}
	qsort(index->options, index->n_options, sizeof(*index->options), compare_options);
	for (i = 0, n = 0; i < index->n_options; i++)
		if (n == 0 || strcmp(index->options[n - 1].id, index->options[i].id) != 0)
			index->options[n++] = index->options[i];
	index->n_options = n;
	sort_unique(index->findings, &index->n_findings);
	sort_unique(index->scopes, &index->n_scopes);
	n = 0;
	for (i = 0; i < kb->n_rules; i++) {
		index->first[i] = n;
		if (is_judged(&kb->rules[i]))
			index->judged[index->n_judged++] = i;
		for (k = 0; is_judged(&kb->rules[i]) && k < kb->rules[i].n_conditions; k++) {
			const onco_condition *c = &kb->rules[i].conditions[k];
			compiled_condition *to = &index->conditions[n++];
			int v;

			to->kind = judged_kind(c);
			to->negated = c->negated;
			to->accepted = 0;
			for (v = 0; v < 3; v++)
				if (c->accepts[v])
					to->accepted |= 1u << v;
			to->id = to->kind == ONCO_COND_FINDING ? place_of(index->findings, index->n_findings,
									   c->name)
				 : to->kind == ONCO_COND_SCOPE ? place_of(index->scopes, index->n_scopes,
									  c->name)
								 : 0;
		}
	}
	index->first[kb->n_rules] = n;
	engine->blocked_index = index;
	return 0;
}

/* Fills `present` (see onco_run_facts) for `run`. */
static void fill_present(onco_engine *engine, const onco_run_facts *run,
			 const onco_blocked_index *index, unsigned char *present)
{
	unsigned char *scoped = present + index->n_findings;
	size_t i = 0, j = 0;

	memset(present, 0, index->n_findings + index->n_scopes);
	/* Both lists are sorted by strcmp and hold each name once. */
	while (i < index->n_findings && j < run->n_finding_index) {
		int c = strcmp(index->findings[i], run->finding_index[j].name);

		if (c == 0)
			present[i] = (unsigned char)run->finding_index[j].values;
		i += c <= 0;
		j += c >= 0;
	}
	for (i = 0; i < run->n_scopes; i++) {
		const char *guideline = onco_fact_text(engine->env, run->scopes[i], "guideline");
		const char **found;

		if (guideline == NULL || index->n_scopes == 0)
			continue;
		found = bsearch(&guideline, index->scopes, index->n_scopes, sizeof(*index->scopes),
				compare_names);
		if (found != NULL)
			scoped[found - index->scopes] = 1;
	}
}

/* onco_condition_eval for a compiled condition, from the run's table. */
static onco_condition_state state_of(const onco_blocked_index *index,
				     const unsigned char *table, const compiled_condition *c)
{
	switch (c->kind) {
	case ONCO_COND_SCOPE:
		return table[index->n_findings + c->id] != c->negated ? ONCO_COND_MET
								       : ONCO_COND_NOT_MET;
	case ONCO_COND_FINDING:
		return onco_finding_state(table[c->id], c->accepted, c->negated);
	default:
		return ONCO_COND_UNJUDGED;
	}
}

int onco_run_blocked_rules(onco_engine *engine, onco_run_facts *run)
{
	onco_blocked_index *index;
	size_t j, k, cap = 0;
	int rc;

	if (run->blocked_made)
		return 0;
	rc = index_make(engine);
	if (rc != 0)
		return rc;
	index = engine->blocked_index;
	free(run->present);
	run->present = malloc(index->n_findings + index->n_scopes + 1);
	if (run->present == NULL)
		return ONCO_ENOMEM;
	fill_present(engine, run, index, run->present);
	run->n_blocked = 0;
	for (j = 0; j < index->n_judged; j++) {
		size_t i = index->judged[j], unknown = 0;

		for (k = index->first[i]; k < index->first[i + 1]; k++) {
			onco_condition_state s =
				state_of(index, run->present, &index->conditions[k]);

			if (s == ONCO_COND_UNKNOWN) {
				unknown++;
			} else if (s != ONCO_COND_MET) {
				unknown = 0;
				break;
			}
		}
		if (unknown == 0)
			continue;
		if (onco_grow((void **)&run->blocked, &cap, run->n_blocked + 1, sizeof(*run->blocked)))
			return ONCO_ENOMEM;
		run->blocked[run->n_blocked].rule = i;
		run->blocked[run->n_blocked++].unknown = unknown;
	}
	run->blocked_made = 1;
	return 0;
}

const onco_rule_info *onco_option_rule(onco_engine *engine, const char *id)
{
	const onco_kb *kb = &engine->kb;
	const onco_blocked_index *index;
	option_row key, *found;
	size_t i;

	if (index_make(engine) != 0) {
		/* out of memory: the same answer, the long way */
		for (i = 0; i < kb->n_rules; i++)
			if (is_judged(&kb->rules[i]) && strcmp(kb->rules[i].concludes, id) == 0)
				return &kb->rules[i];
		return NULL;
	}
	index = engine->blocked_index;
	key.id = id;
	key.rule = 0;
	found = index->n_options == 0 ? NULL
				      : bsearch(&key, index->options, index->n_options,
						sizeof(*index->options), compare_id);
	return found != NULL ? &kb->rules[found->rule] : NULL;
}

onco_condition_state onco_run_rule_condition(const onco_engine *engine, const onco_run_facts *run,
					     size_t rule, size_t k)
{
	const onco_blocked_index *index = engine->blocked_index;

	return state_of(index, run->present, &index->conditions[index->first[rule] + k]);
}
