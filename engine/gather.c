/*
 * gather.c: one pass over working memory after a run: sort the facts the
 * result needs by kind and count each rule's firings (every rule asserts
 * one fact that records its name in the `rule` slot, or, for a finding,
 * one entry of the support log).
 */
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/collect.h"
#include "private/sort.h"

/* Template of each kind; ONCO_C_POSSIBLE is told apart by its status. */
static const char *const conclusion_templates[ONCO_C_KINDS] = {
	"recommendation", "warning", "exclusion", "note",
	"missing", "pending", "history", "lead", "recommendation"};

static int push(void ***array, size_t *count, void *fact)
{
	void **grown;

	if ((*count & (*count - 1)) == 0) {
		grown = realloc(*array, (*count ? *count * 2 : 8) * sizeof(*grown));
		if (grown == NULL)
			return ONCO_ENOMEM;
		*array = grown;
	}
	(*array)[(*count)++] = fact;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp((*(const onco_rule_info *const *)a)->name,
		      (*(const onco_rule_info *const *)b)->name);
}

const onco_rule_info *onco_rule_by_name(const onco_engine *engine, const char *name)
{
	onco_rule_info key, *keyp = &key;
	onco_rule_info **found;

	if (name == NULL || engine->rules_by_name == NULL)
		return NULL;
	key.name = (char *)name;
	found = bsearch(&keyp, engine->rules_by_name, engine->kb.n_rules,
			sizeof(*engine->rules_by_name), by_name);
	return found != NULL ? *found : NULL;
}

static void count_firing(onco_engine *engine, const char *rule)
{
	const onco_rule_info *info = onco_rule_by_name(engine, rule);

	if (info != NULL)
		engine->firings[info - engine->kb.rules]++;
}

int onco_rules_by_name_build(onco_engine *engine)
{
	size_t i;

	engine->rules_by_name = malloc((engine->kb.n_rules ? engine->kb.n_rules : 1) *
				       sizeof(*engine->rules_by_name));
	if (engine->rules_by_name == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < engine->kb.n_rules; i++)
		engine->rules_by_name[i] = &engine->kb.rules[i];
	qsort(engine->rules_by_name, engine->kb.n_rules, sizeof(*engine->rules_by_name),
	      by_name);
	return 0;
}

static int by_finding_name(const void *a, const void *b)
{
	return strcmp(((const onco_finding_entry *)a)->name,
		      ((const onco_finding_entry *)b)->name);
}

static unsigned value_bit(const char *value)
{
	int v;

	for (v = 0; v < 3; v++)
		if (strcmp(value, onco_finding_values[v]) == 0)
			return 1u << v;
	return 0;
}

/* Finding names are CLIPS symbols, one copy per name: the same pointer is
 * the same name, and names differ mostly in their first letter. */
static int by_name_then_order(const void *a, const void *b)
{
	const onco_named_finding *x = a, *y = b;
	int c = x->name == y->name	 ? 0
		: x->name[0] != y->name[0] ? (unsigned char)x->name[0] - (unsigned char)y->name[0]
					   : strcmp(x->name, y->name);

	return c != 0 ? c : (x->order > y->order) - (x->order < y->order);
}

/* Builds run->by_name (every finding fact, sorted by name and order) and
 * run->finding_index (one entry per name with the values present). */
static int index_findings(onco_engine *engine, onco_run_facts *run)
{
	onco_finding_entry *index;
	onco_named_finding *named;
	size_t i, n = 0;

	if (run->n_findings == 0)
		return 0;
	named = malloc(run->n_findings * sizeof(*named));
	index = malloc(run->n_findings * sizeof(*index));
	if (named == NULL || index == NULL) {
		free(named);
		free(index);
		return ONCO_ENOMEM;
	}
	for (i = 0; i < run->n_findings; i++) {
		const char *name = onco_fact_text(engine->env, run->findings[i], "name");
		const char *value = onco_fact_text(engine->env, run->findings[i], "value");

		named[i].name = name != NULL ? name : "";
		named[i].value = value != NULL ? value : "";
		named[i].fact = run->findings[i];
		named[i].order = i;
	}
	onco_sort(named, run->n_findings, sizeof(*named), by_name_then_order);
	for (i = 0; i < run->n_findings; i++) {
		if (n > 0 && strcmp(index[n - 1].name, named[i].name) == 0) {
			index[n - 1].values |= value_bit(named[i].value);
		} else {
			index[n].name = named[i].name;
			index[n++].values = value_bit(named[i].value);
		}
	}
	run->by_name = named;
	run->finding_index = index;
	run->n_finding_index = n;
	return 0;
}

size_t onco_run_findings_named(const onco_run_facts *run, const char *name,
			       const onco_named_finding **first)
{
	size_t lo = 0, hi = run->n_findings, end;

	/* the first entry not before `name` */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(run->by_name[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < run->n_findings && strcmp(run->by_name[end].name, name) == 0; end++)
		;
	*first = run->by_name + lo;
	return end - lo;
}

static int compare_ids(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The options named by the `option` slot of the facts of `kind`, sorted
 * and unique, into *ids. */
static int index_options(onco_engine *engine, onco_run_facts *run, int kind,
			 const char ***ids, size_t *count)
{
	size_t n = run->n_conclusions[kind], i, used = 0;

	*count = 0;
	if (n == 0)
		return 0;
	*ids = malloc(n * sizeof(**ids));
	if (*ids == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		const char *option = onco_fact_text(engine->env, run->conclusions[kind][i],
						    "option");
		if (option != NULL && option[0] != '\0')
			(*ids)[used++] = option;
	}
	qsort(*ids, used, sizeof(**ids), compare_ids);
	for (i = 0, n = 0; i < used; i++)
		if (n == 0 || strcmp((*ids)[n - 1], (*ids)[i]) != 0)
			(*ids)[n++] = (*ids)[i];
	*count = n;
	return 0;
}

static int in_ids(const char **ids, size_t n, const char *id)
{
	return n > 0 && id != NULL && bsearch(&id, ids, n, sizeof(*ids), compare_ids) != NULL;
}

int onco_run_is_excluded(const onco_run_facts *run, const char *id)
{
	return in_ids(run->excluded, run->n_excluded, id);
}

int onco_run_is_pending(const onco_run_facts *run, const char *id)
{
	return in_ids(run->pending, run->n_pending, id);
}

int onco_run_is_held(const onco_run_facts *run, const char *id)
{
	return onco_run_is_excluded(run, id) || onco_run_is_pending(run, id);
}

int onco_run_rests_on_held(onco_engine *engine, const onco_run_facts *run, void *fact)
{
	void *env = engine->env;
	size_t i, n = onco_fact_multi_count(env, fact, "basis");

	for (i = 0; i < n; i++) {
		int type;
		void *basis;
		const char *id;
		if (onco_fact_multi(env, fact, "basis", i, &type, &basis) && type == FACT_ADDRESS &&
		    strcmp(onco_fact_template(env, basis), "recommendation") == 0 &&
		    (id = onco_fact_text(env, basis, "id")) != NULL && onco_run_is_excluded(run, id))
			return 1;
	}
	return 0;
}

/* Template names differ mostly in their first letter: tested first, it
 * spares most of the strcmp calls of a pass over working memory. */
static int is(const char *template_name, const char *name)
{
	return template_name[0] == name[0] && strcmp(template_name, name) == 0;
}

/* Sorts one fact of working memory into `run` and counts the firing it
 * records. */
static int take(onco_engine *engine, onco_run_facts *run, void *fact)
{
	void *env = engine->env;
	const char *t = onco_fact_template(env, fact);
	int rc, k;

	if (is(t, "finding")) {
		/* A finding records no rule (its firings are in the support
		 * log, counted apart); one of a rule base written before that
		 * does. */
		rc = push(&run->findings, &run->n_findings, fact);
		count_firing(engine, onco_fact_text(env, fact, "rule"));
		return rc;
	}
	if (is(t, "scope")) {
		rc = push(&run->scopes, &run->n_scopes, fact);
		count_firing(engine, onco_fact_text(env, fact, "rule"));
		return rc;
	}
	if (is(t, "cancer")) {
		run->cancer = fact;
		return 0;
	}
	if (is(t, "finding-gap"))
		return push(&run->gaps, &run->n_gaps, fact);
	if (is(t, "recommendation")) {
		const char *status = onco_fact_text(env, fact, "status");

		/* A possible option names the rule it was read from, which did
		 * not fire: no firing to count. */
		if (status != NULL && strcmp(status, "possible") == 0)
			return push(&run->conclusions[ONCO_C_POSSIBLE],
				    &run->n_conclusions[ONCO_C_POSSIBLE], fact);
	}
	for (k = 0; k < ONCO_C_KINDS; k++)
		if (is(t, conclusion_templates[k])) {
			count_firing(engine, onco_fact_text(env, fact, "rule"));
			return push(&run->conclusions[k], &run->n_conclusions[k], fact);
		}
	return 0;
}

/* Walks working memory from the fact after `run->last` (from the first
 * when NULL) to its end, then counts the support log's firings recorded
 * since the last walk and rebuilds the indexes. */
static int walk(onco_engine *engine, onco_run_facts *run)
{
	void *env = engine->env, *fact;
	size_t findings = run->n_findings;
	size_t exclusions = run->n_conclusions[ONCO_C_EXCLUSION];
	size_t pending = run->n_conclusions[ONCO_C_PENDING];
	int rc = 0;

	for (fact = EnvGetNextFact(env, run->last); fact != NULL && rc == 0;
	     fact = EnvGetNextFact(env, fact)) {
		rc = take(engine, run, fact);
		run->last = fact;
	}
	run->n_facts = FactData(env)->NumberOfFacts;
	run->next_index = FactData(env)->NextFactIndex;
	onco_support_count_firings(engine, run->n_entries_counted);
	run->n_entries_counted = engine->supports.n_entries;
	onco_support_sort(engine);
	/* An index is made again only when the walk added to what it indexes
	 * (the second run, which judges the possible options, mostly adds
	 * marks and no findings). */
	if (rc == 0 && (!run->indexed || run->n_findings != findings)) {
		free(run->finding_index);
		free(run->by_name);
		run->finding_index = NULL;
		run->by_name = NULL;
		run->n_finding_index = 0;
		rc = index_findings(engine, run);
	}
	if (rc == 0 && (!run->indexed || run->n_conclusions[ONCO_C_EXCLUSION] != exclusions)) {
		free(run->excluded);
		run->excluded = NULL;
		rc = index_options(engine, run, ONCO_C_EXCLUSION, &run->excluded, &run->n_excluded);
	}
	if (rc == 0 && (!run->indexed || run->n_conclusions[ONCO_C_PENDING] != pending)) {
		free(run->pending);
		run->pending = NULL;
		rc = index_options(engine, run, ONCO_C_PENDING, &run->pending, &run->n_pending);
	}
	run->indexed = rc == 0;
	return rc;
}

int onco_run_facts_gather(onco_engine *engine, onco_run_facts *run)
{
	memset(run, 0, sizeof(*run));
	memset(engine->firings, 0, engine->kb.n_rules * sizeof(*engine->firings));
	return walk(engine, run);
}

int onco_run_facts_gather_more(onco_engine *engine, onco_run_facts *run)
{
	void *env = engine->env;

	/* Facts are appended to working memory and every assertion takes the
	 * next index, so with no retraction since the last walk the count of
	 * facts has grown by exactly the indexes taken, and the new facts are
	 * those after the last one walked. Rules may retract (not ours, but a
	 * rule base may): then everything is walked again. */
	if (FactData(env)->NumberOfFacts - run->n_facts !=
	    (unsigned long)(FactData(env)->NextFactIndex - run->next_index)) {
		onco_run_facts_release(run);
		return onco_run_facts_gather(engine, run);
	}
	return walk(engine, run);
}

void onco_run_facts_release(onco_run_facts *run)
{
	int k;

	free(run->scopes);
	free(run->findings);
	free(run->gaps);
	free(run->finding_index);
	free(run->by_name);
	free(run->excluded);
	free(run->pending);
	for (k = 0; k < ONCO_C_KINDS; k++)
		free(run->conclusions[k]);
	memset(run, 0, sizeof(*run));
}

unsigned onco_run_finding_values(onco_engine *engine, const onco_run_facts *run,
				 const char *name)
{
	onco_finding_entry key, *found;

	(void)engine;
	if (run->n_finding_index == 0)
		return 0;
	key.name = name;
	found = bsearch(&key, run->finding_index, run->n_finding_index,
			sizeof(*run->finding_index), by_finding_name);
	return found != NULL ? found->values : 0;
}

int onco_run_has_scope(onco_engine *engine, const onco_run_facts *run,
		       const char *guideline)
{
	size_t i;

	for (i = 0; i < run->n_scopes; i++)
		if (strcmp(onco_fact_text(engine->env, run->scopes[i], "guideline"),
			   guideline) == 0)
			return 1;
	return 0;
}
