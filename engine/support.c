/*
 * support.c: the firings behind each finding.
 *
 * A finding is one fact per name and value (rules/schema.clp): CLIPS
 * asserts no fact equal to one already in working memory, so a second rule,
 * or a second supporting fact, that concludes "distant disease: yes" adds
 * nothing the rules downstream would match again. What supported each
 * firing cannot then live in the fact (it would make every copy differ, and
 * every rule matching the finding would fire once per copy): the finding's
 * self-filling slot calls (onco-support), which records here the executing
 * rule and the facts that matched its conditions. Explanations read a
 * finding's firings from this log, one group of facts per firing.
 *
 * The log belongs to the engine, is emptied at the reset before each case,
 * and holds fact addresses of the run, valid until that reset. Entries are
 * found by the finding name and value their rule asserts (onco_rule_info
 * `concludes` and `value`, read from the rule's right-hand side; lint makes
 * both literal).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/engine_internal.h"
#include "private/sort.h"

void onco_support_record(onco_engine *engine, const char *rule, void *const *facts, size_t n)
{
	onco_supports *s = &engine->supports;
	const onco_rule_info *info = onco_rule_by_name(engine, rule);
	onco_support_entry *e;
	size_t i;

	if (info == NULL || s->nomem)
		return;
	if (onco_grow((void **)&s->entries, &s->cap_entries, s->n_entries + 1, sizeof(*s->entries)) ||
	    onco_grow((void **)&s->facts, &s->cap_facts, s->n_facts + n, sizeof(*s->facts))) {
		s->nomem = 1;
		EnvHalt(engine->env);
		return;
	}
	e = &s->entries[s->n_entries++];
	e->rule = info;
	e->rank = engine->support_rank[info - engine->kb.rules];
	e->first = s->n_facts;
	e->count = n;
	e->seq = s->n_entries;
	for (i = 0; i < n; i++)
		s->facts[s->n_facts++] = facts[i];
	s->sorted = 0;
}

void onco_support_clear(onco_engine *engine)
{
	engine->supports.n_entries = 0;
	engine->supports.n_facts = 0;
	engine->supports.sorted = 1;
	engine->supports.nomem = 0;
}

void onco_support_free(onco_engine *engine)
{
	free(engine->supports.entries);
	free(engine->supports.facts);
	onco_symbol_index_free(&engine->supports.names);
	free(engine->supports.ranges);
	free(engine->supports.rank_values);
	memset(&engine->supports, 0, sizeof(engine->supports));
}

static int compare_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "");
}

/* Entries of one finding name and value, by rule (rule-base order), then
 * by the case data they rest on (pointers; the fact index otherwise), then
 * in firing order: explanations list them in an order that does not depend
 * on the conflict strategy wherever the facts tell them apart. The sort passes
 * the comparison nothing but the entries, so each entry carries the
 * environment and the log's facts while it is sorted. */
static int compare_entries(const void *a, const void *b)
{
	const onco_support_entry *x = a, *y = b;
	size_t i;
	int c;

	if (x->rank != y->rank) /* (concludes, value) in text order */
		return x->rank < y->rank ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	for (i = 0; i < x->count && i < y->count; i++) {
		void *fx = x->facts[x->first + i], *fy = y->facts[y->first + i];
		const char *px = onco_fact_text(x->env, fx, "pointer");
		const char *py = onco_fact_text(y->env, fy, "pointer");
		long long ix, iy;

		if (px != NULL && py != NULL) {
			if ((c = strcmp(px, py)) != 0)
				return c;
			continue;
		}
		ix = EnvFactIndex(x->env, fx);
		iy = EnvFactIndex(y->env, fy);
		if (ix != iy)
			return ix < iy ? -1 : 1;
	}
	if (x->count != y->count)
		return x->count < y->count ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* compare_entries for onco_sort_keys: entries `a` and `b` of `context`. */
static int tie_entries(const void *context, size_t a, size_t b)
{
	const onco_support_entry *entries = context;

	return compare_entries(&entries[a], &entries[b]);
}

/* Sorted by compare_entries, whose rank and rule decide most pairs (some
 * 430 comparisons a case through a function otherwise): each entry's key
 * holds both, rank above rule index (the rules are an array, so their
 * addresses compare as their indexes), and compare_entries is called only
 * for entries of one rule. The order is the same: compare_entries ends on
 * the firing order, so no two entries are equal. 0, or -1 when memory ran
 * out for a log longer than the stack holds (nothing moved). */
static int sort_by_keys(onco_engine *engine)
{
	enum { STACK_ENTRIES = 128 };
	onco_supports *s = &engine->supports;
	onco_sort_key stack_keys[STACK_ENTRIES], *keys = stack_keys;
	onco_support_entry stack_copy[STACK_ENTRIES], *copy = stack_copy;
	size_t n = s->n_entries, i;
	int rc = 0;

	if (n > STACK_ENTRIES) {
		keys = malloc(n * sizeof(*keys));
		copy = malloc(n * sizeof(*copy));
	}
	for (i = 0; keys != NULL && i < n; i++) {
		keys[i].key = (uint64_t)s->entries[i].rank << 32 |
			      (uint64_t)(s->entries[i].rule - engine->kb.rules);
		keys[i].at = i;
	}
	if (keys == NULL || copy == NULL ||
	    onco_sort_keys(keys, n, tie_entries, s->entries) != 0) {
		rc = -1;
	} else {
		memcpy(copy, s->entries, n * sizeof(*copy));
		for (i = 0; i < n; i++)
			s->entries[i] = copy[keys[i].at];
	}
	if (keys != stack_keys)
		free(keys);
	if (copy != stack_copy)
		free(copy);
	return rc;
}

void onco_support_sort(onco_engine *engine)
{
	onco_supports *s = &engine->supports;
	size_t i;

	if (s->sorted)
		return;
	for (i = 0; i < s->n_entries; i++) {
		s->entries[i].env = engine->env;
		s->entries[i].facts = s->facts;
	}
	if (sort_by_keys(engine) != 0) /* memory ran out: the sort that needs none */
		qsort(s->entries, s->n_entries, sizeof(*s->entries), compare_entries);
	s->sorted = 1;
}

static int compare_key(const char *name, const char *value, const onco_support_entry *e)
{
	int c = compare_text(name, e->rule->concludes);

	return c != 0 ? c : compare_text(value, e->rule->value);
}

/* The text of the symbol `text` names in the environment (the address
 * facts hold), or NULL when it is not one; kept alive with the engine. */
static const char *symbol_text(void *env, const char *text)
{
	SYMBOL_HN *symbol = text != NULL ? FindSymbolHN(env, text) : NULL;

	if (symbol == NULL)
		return NULL;
	IncrementSymbolCount(symbol);
	return ValueToString(symbol);
}

/* The rank of the pair (name, value), texts read from a finding, found by
 * their addresses; -1 when the index does not know the pair (then the
 * texts are compared). */
static long rank_of(const onco_supports *s, const char *name, const char *value)
{
	const struct onco_rank_range *range = onco_symbol_index_get(&s->names, name);
	unsigned r;

	for (r = 0; range != NULL && r < range->count; r++)
		if (s->rank_values[range->first + r] == value)
			return (long)(range->first + r);
	return -1;
}

/* The finding's name and value (its slots found at their places, kept for
 * the template last read). */
static void finding_key(onco_supports *s, void *finding, const char **name, const char **value)
{
	const struct fact *f = finding;

	if (s->finding_template != f->whichDeftemplate) {
		s->finding_template = f->whichDeftemplate;
		s->name_place = onco_slot_position(f->whichDeftemplate, "name");
		s->value_place = onco_slot_position(f->whichDeftemplate, "value");
	}
	*name = s->name_place >= 0 ? onco_field_text(&f->theProposition.theFields[s->name_place])
				   : NULL;
	*value = s->value_place >= 0
			 ? onco_field_text(&f->theProposition.theFields[s->value_place])
			 : NULL;
}

size_t onco_support_of(onco_engine *engine, void *finding, const onco_support_entry **first)
{
	onco_supports *s = &engine->supports;
	const char *name, *value;
	size_t lo = 0, hi, end;
	long rank;

	*first = NULL;
	finding_key(s, finding, &name, &value);
	if (name == NULL || value == NULL || s->n_entries == 0)
		return 0;
	onco_support_sort(engine);
	hi = s->n_entries;
	rank = rank_of(s, name, value);
	if (rank >= 0) {
		/* The entries are sorted by rank first: two numbers compared. */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (s->entries[mid].rank < (unsigned)rank)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (end = lo; end < s->n_entries && s->entries[end].rank == (unsigned)rank; end++)
			;
	} else {
		/* The first entry not below (name, value), then the first above
		 * it. */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (compare_key(name, value, &s->entries[mid]) > 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (end = lo; end < s->n_entries && compare_key(name, value, &s->entries[end]) == 0;
		     end++)
			;
	}
	*first = &s->entries[lo];
	return end - lo;
}

void *onco_support_fact(const onco_engine *engine, const onco_support_entry *entry, size_t i)
{
	return i < entry->count ? engine->supports.facts[entry->first + i] : NULL;
}

static int compare_pairs(const void *a, const void *b)
{
	const onco_rule_info *x = *(const onco_rule_info *const *)a;
	const onco_rule_info *y = *(const onco_rule_info *const *)b;
	int c = compare_text(x->concludes, y->concludes);

	return c != 0 ? c : compare_text(x->value, y->value);
}

/* engine->supports.names, ranges and rank_values from the rules sorted by
 * (concludes, value), ranked. 0 or ONCO_ENOMEM. */
static int support_names_build(onco_engine *engine, const onco_rule_info *const *sorted, size_t n)
{
	onco_supports *s = &engine->supports;
	size_t i, n_ranges = 0;

	s->ranges = calloc(n ? n : 1, sizeof(*s->ranges));
	s->rank_values = calloc(n ? n : 1, sizeof(*s->rank_values));
	if (s->ranges == NULL || s->rank_values == NULL ||
	    onco_symbol_index_init(&s->names, n) != 0)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		const onco_rule_info *rule = sorted[i];
		unsigned rank = engine->support_rank[rule - engine->kb.rules];
		const char *name;

		if (rule->concludes == NULL || rule->value == NULL ||
		    (i > 0 && compare_pairs(&sorted[i - 1], &sorted[i]) == 0))
			continue;
		if (n_ranges == 0 || compare_text(sorted[i - 1]->concludes, rule->concludes) != 0) {
			/* a name's first pair: its range, by its symbol */
			name = symbol_text(engine->env, rule->concludes);
			if (name == NULL)
				continue;
			s->ranges[n_ranges].first = rank;
			onco_symbol_index_put(&s->names, name, &s->ranges[n_ranges++]);
		} else if (s->ranges[n_ranges - 1].first + s->ranges[n_ranges - 1].count != rank) {
			continue; /* its name has no symbol: left to the texts */
		}
		s->rank_values[rank] = symbol_text(engine->env, rule->value);
		s->ranges[n_ranges - 1].count++;
	}
	return 0;
}

int onco_support_ranks_build(onco_engine *engine)
{
	size_t n = engine->kb.n_rules, i, rank = 0;
	int rc;
	const onco_rule_info **sorted = malloc((n ? n : 1) * sizeof(*sorted));

	engine->support_rank = calloc(n ? n : 1, sizeof(*engine->support_rank));
	if (sorted == NULL || engine->support_rank == NULL) {
		free(sorted);
		return ONCO_ENOMEM;
	}
	for (i = 0; i < n; i++)
		sorted[i] = &engine->kb.rules[i];
	qsort(sorted, n, sizeof(*sorted), compare_pairs);
	for (i = 0; i < n; i++) {
		if (i > 0 && compare_pairs(&sorted[i - 1], &sorted[i]) != 0)
			rank++;
		engine->support_rank[sorted[i] - engine->kb.rules] = (unsigned)rank;
	}
	rc = support_names_build(engine, sorted, n);
	free(sorted);
	return rc;
}

void onco_support_count_firings(onco_engine *engine, size_t from)
{
	const onco_supports *s = &engine->supports;
	size_t i;

	for (i = from; i < s->n_entries; i++)
		engine->firings[s->entries[i].rule - engine->kb.rules]++;
}
