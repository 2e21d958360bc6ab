/*
 * gather.c: one pass over working memory after a run: sort the facts the
 * result needs by kind and count each rule's firings (every rule asserts
 * one fact that records its name in the `rule` slot, or, for a finding,
 * one entry of the support log).
 */
#include <stdint.h>
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

static void count_firing(onco_engine *engine, const char *rule)
{
	const onco_rule_info *info = onco_rule_by_name(engine, rule);

	if (info != NULL)
		engine->firings[info - engine->kb.rules]++;
}

static int by_finding_name(const void *a, const void *b)
{
	return strcmp(((const onco_finding_entry *)a)->name,
		      ((const onco_finding_entry *)b)->name);
}

/* The bit of a finding's value. Values read from facts are the texts of
 * the symbols yes, no and unknown, told apart by their address; any other
 * text (no such symbol at open, a value outside the three) is compared. */
static unsigned value_bit(const char *const symbols[3], const char *value)
{
	int v;

	for (v = 0; v < 3; v++)
		if (value == symbols[v])
			return 1u << v;
	for (v = 0; v < 3; v++)
		if (value[0] == onco_finding_values[v][0] && strcmp(value, onco_finding_values[v]) == 0)
			return 1u << v;
	return 0;
}

/* The text of the field at `position` of `fact` (onco_field_text), NULL
 * when the position is -1. */
static const char *text_at(void *fact, long position)
{
	return position < 0 ? NULL
			    : onco_field_text(&((struct fact *)fact)->theProposition.theFields[position]);
}

/* A finding while the findings are sorted by name: the first eight bytes
 * of its name as a big-endian number (zeros past its end) order it as
 * strcmp would, so that most comparisons compare two numbers and only
 * names that share those bytes call strcmp. */
typedef struct name_key {
	uint64_t prefix;
	const onco_named_finding *finding;
} name_key;

static uint64_t name_prefix(const char *name)
{
	uint64_t prefix = 0;
	int i;

	for (i = 0; i < 8; i++) {
		prefix <<= 8;
		if (*name != '\0')
			prefix |= (unsigned char)*name++;
	}
	return prefix;
}

/* Finding names are CLIPS symbols, one copy per name: the same pointer is
 * the same name. */
static int same_name(const name_key *x, const name_key *y)
{
	return x->prefix == y->prefix &&
	       (x->finding->name == y->finding->name || strcmp(x->finding->name, y->finding->name) == 0);
}

/* By name, then by place in run->findings. */
static int by_name_then_place(const void *a, const void *b)
{
	const name_key *x = a, *y = b;
	int c;

	if (x->prefix != y->prefix)
		return x->prefix < y->prefix ? -1 : 1;
	c = x->finding->name == y->finding->name ? 0 : strcmp(x->finding->name, y->finding->name);
	if (c != 0)
		return c;
	return (x->finding->order > y->finding->order) - (x->finding->order < y->finding->order);
}

/* Builds run->by_name (every finding fact, sorted by name and order) and
 * run->finding_index (one entry per name with the values present). */
static int index_findings(const onco_engine *engine, onco_run_facts *run)
{
	onco_finding_entry *index;
	onco_named_finding *named, *found;
	name_key *keys;
	const struct deftemplate *template = NULL;
	long name_at = -1, value_at = -1;
	size_t i, n = 0;

	if (run->n_findings == 0)
		return 0;
	found = malloc(run->n_findings * sizeof(*found));
	keys = malloc(run->n_findings * sizeof(*keys));
	named = malloc(run->n_findings * sizeof(*named));
	index = malloc(run->n_findings * sizeof(*index));
	if (found == NULL || keys == NULL || named == NULL || index == NULL) {
		free(found);
		free(keys);
		free(named);
		free(index);
		return ONCO_ENOMEM;
	}
	for (i = 0; i < run->n_findings; i++) {
		const struct deftemplate *d = ((struct fact *)run->findings[i])->whichDeftemplate;
		const char *name, *value;

		/* the places of name and value found again only when the
		 * template changes (every finding has the same one) */
		if (d != template) {
			template = d;
			name_at = onco_slot_position(d, "name");
			value_at = onco_slot_position(d, "value");
		}
		name = text_at(run->findings[i], name_at);
		value = text_at(run->findings[i], value_at);
		found[i].name = name != NULL ? name : "";
		found[i].value = value != NULL ? value : "";
		found[i].values = value_bit(engine->value_symbols, found[i].value);
		found[i].fact = run->findings[i];
		found[i].order = i;
		keys[i].prefix = name_prefix(found[i].name);
		keys[i].finding = &found[i];
	}
	onco_sort(keys, run->n_findings, sizeof(*keys), by_name_then_place);
	for (i = 0; i < run->n_findings; i++) {
		named[i] = *keys[i].finding;
		if (n > 0 && same_name(&keys[i - 1], &keys[i])) {
			index[n - 1].values |= named[i].values;
		} else {
			index[n].name = named[i].name;
			index[n++].values = named[i].values;
		}
	}
	free(keys);
	free(found);
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
	onco_sort(*ids, used, sizeof(**ids), compare_ids);
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

int onco_run_is_concluded(onco_engine *engine, onco_run_facts *run, const char *id)
{
	size_t n = run->n_conclusions[ONCO_C_RECOMMENDATION], i;

	if (!run->concluded_made) {
		free(run->concluded);
		run->concluded = NULL;
		run->n_concluded = 0;
		if (n > 0 && (run->concluded = malloc(n * sizeof(*run->concluded))) == NULL)
			return ONCO_ENOMEM;
		for (i = 0; i < n; i++) {
			const char *concluded = onco_fact_text(
				engine->env, run->conclusions[ONCO_C_RECOMMENDATION][i], "id");

			if (concluded != NULL)
				run->concluded[run->n_concluded++] = concluded;
		}
		onco_sort(run->concluded, run->n_concluded, sizeof(*run->concluded), compare_ids);
		run->concluded_made = 1;
	}
	return in_ids(run->concluded, run->n_concluded, id);
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
 * spares most of the strcmp calls. */
static int is(const char *template_name, const char *name)
{
	return template_name[0] == name[0] && strcmp(template_name, name) == 0;
}

/* What take does with a fact, besides a conclusion kind (ONCO_C_*). */
enum { TAKE_NOTHING = -1, TAKE_FINDING = ONCO_C_KINDS, TAKE_SCOPE, TAKE_CANCER, TAKE_GAP };

/* What take does with the facts of one template, decided by the
 * template's name the first time a walk of this engine meets it (a rule
 * base's templates do not change once it is loaded), with the places of
 * the slots it reads: each fact then costs a look-up of its template's
 * address, not a comparison of names and a walk of the slot list. */
struct onco_walk_template {
	const struct deftemplate *deftemplate;
	int take;    /* a conclusion kind or TAKE_* */
	long rule;   /* the place of its `rule` slot, -1 when none */
	long status; /* of its `status` slot */
};

void onco_walk_templates_free(onco_engine *engine)
{
	free(engine->walk_templates);
	engine->walk_templates = NULL;
	engine->n_walk_templates = engine->cap_walk_templates = 0;
}

/* engine->walk_templates is a hash table of cap_walk_templates entries (a
 * power of two, at most half full; an empty entry has no deftemplate),
 * keyed by the template's address: a case meets thirty templates and more,
 * a list searched in order cost more than the names it spares. */
static size_t first_probe(const struct deftemplate *d, size_t cap)
{
	return (size_t)(((uint64_t)(uintptr_t)d >> 4) * 0x9E3779B97F4A7C15u >> 32) & (cap - 1);
}

static onco_walk_template *probe(onco_walk_template *table, size_t cap,
				 const struct deftemplate *d)
{
	size_t i = first_probe(d, cap);

	while (table[i].deftemplate != NULL && table[i].deftemplate != d)
		i = (i + 1) & (cap - 1);
	return &table[i];
}

/* Room for one more template: the table doubled and filled again when it
 * would be more than half full. 0 or ONCO_ENOMEM. */
static int room_for_one(onco_engine *engine)
{
	size_t cap = engine->cap_walk_templates ? engine->cap_walk_templates * 2 : 16, i;
	onco_walk_template *table;

	if (2 * (engine->n_walk_templates + 1) <= engine->cap_walk_templates)
		return 0;
	table = calloc(cap, sizeof(*table));
	if (table == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < engine->cap_walk_templates; i++)
		if (engine->walk_templates[i].deftemplate != NULL)
			*probe(table, cap, engine->walk_templates[i].deftemplate) =
				engine->walk_templates[i];
	free(engine->walk_templates);
	engine->walk_templates = table;
	engine->cap_walk_templates = cap;
	return 0;
}

/* The entry of the template of `fact`, made when first met; NULL when
 * memory runs out. */
static const onco_walk_template *template_of(onco_engine *engine, void *fact)
{
	const struct deftemplate *d = ((struct fact *)fact)->whichDeftemplate;
	onco_walk_template *t;
	const char *name;
	int k;

	if (engine->cap_walk_templates > 0) {
		t = probe(engine->walk_templates, engine->cap_walk_templates, d);
		if (t->deftemplate != NULL)
			return t;
	}
	if (room_for_one(engine) != 0)
		return NULL;
	t = probe(engine->walk_templates, engine->cap_walk_templates, d);
	engine->n_walk_templates++;
	name = onco_fact_template(engine->env, fact);
	t->deftemplate = d;
	t->take = is(name, "finding")	    ? TAKE_FINDING
		  : is(name, "scope")	    ? TAKE_SCOPE
		  : is(name, "cancer")	    ? TAKE_CANCER
		  : is(name, "finding-gap") ? TAKE_GAP
					    : TAKE_NOTHING;
	/* ONCO_C_POSSIBLE shares its template with ONCO_C_RECOMMENDATION,
	 * the first: take tells them apart by the status. */
	for (k = 0; k < ONCO_C_KINDS && t->take == TAKE_NOTHING; k++)
		if (is(name, conclusion_templates[k]))
			t->take = k;
	t->rule = onco_slot_position(d, "rule");
	t->status = onco_slot_position(d, "status");
	return t;
}

/* Sorts one fact of working memory into `run` and counts the firing it
 * records. */
static int take(onco_engine *engine, onco_run_facts *run, void *fact)
{
	const onco_walk_template *t = template_of(engine, fact);
	const char *status;
	int rc;

	if (t == NULL)
		return ONCO_ENOMEM;
	switch (t->take) {
	case TAKE_NOTHING:
		return 0;
	case TAKE_FINDING:
		/* A finding records no rule (its firings are in the support
		 * log, counted apart); one of a rule base written before that
		 * does. */
		rc = push(&run->findings, &run->n_findings, fact);
		count_firing(engine, text_at(fact, t->rule));
		return rc;
	case TAKE_SCOPE:
		rc = push(&run->scopes, &run->n_scopes, fact);
		count_firing(engine, text_at(fact, t->rule));
		return rc;
	case TAKE_CANCER:
		run->cancer = fact;
		return 0;
	case TAKE_GAP:
		return push(&run->gaps, &run->n_gaps, fact);
	case ONCO_C_RECOMMENDATION:
		status = text_at(fact, t->status);
		/* A possible option names the rule it was read from, which did
		 * not fire: no firing to count. */
		if (status != NULL && strcmp(status, "possible") == 0)
			return push(&run->conclusions[ONCO_C_POSSIBLE],
				    &run->n_conclusions[ONCO_C_POSSIBLE], fact);
		break;
	default:
		break;
	}
	count_firing(engine, text_at(fact, t->rule));
	return push(&run->conclusions[t->take], &run->n_conclusions[t->take], fact);
}

/* Walks working memory from the fact after `run->last` (from the first
 * when NULL) to its end, then counts the support log's firings recorded
 * since the last walk and rebuilds the indexes. */
static int walk(onco_engine *engine, onco_run_facts *run)
{
	void *env = engine->env, *fact;
	size_t findings = run->n_findings, scopes = run->n_scopes;
	size_t exclusions = run->n_conclusions[ONCO_C_EXCLUSION];
	size_t pending = run->n_conclusions[ONCO_C_PENDING];
	size_t recommendations = run->n_conclusions[ONCO_C_RECOMMENDATION];
	int rc = 0;

	/* what was traced from working memory as it was */
	onco_fields_memo_clear(engine);
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
	/* Which rules wait for unknown findings depends on the findings and
	 * scopes alone. */
	if (run->n_findings != findings || run->n_scopes != scopes) {
		free(run->blocked);
		free(run->present);
		run->blocked = NULL;
		run->present = NULL;
		run->n_blocked = 0;
		run->blocked_made = 0;
	}
	if (run->n_conclusions[ONCO_C_RECOMMENDATION] != recommendations)
		run->concluded_made = 0;
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
	free(run->blocked);
	free(run->present);
	free(run->concluded);
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
