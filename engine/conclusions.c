/*
 * conclusions.c: recommendations, "possible if" options, warnings,
 * exclusions and notes as result items. Facts with the same id are one item
 * (two rules, or one rule firing for two facts, may conclude the same
 * option): its fields come from the first fact in (id, rule, text) order,
 * its because and evidence from all.
 */
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/collect.h"
#include "private/json_out.h"

/* The slots a conclusion is ordered by, read once per fact: sorting reads
 * each many times. */
static const char *const sort_slots[] = {"id", "rule", "summary", "text", "reason"};
#define N_SORT_SLOTS (sizeof(sort_slots) / sizeof(sort_slots[0]))

typedef struct sort_entry {
	void *fact;
	const char *keys[N_SORT_SLOTS];
} sort_entry;

static const char *text_or_empty(void *env, void *fact, const char *slot)
{
	const char *s = onco_fact_text(env, fact, slot);

	return s != NULL ? s : "";
}

static int compare_facts(const void *a, const void *b)
{
	const sort_entry *x = a, *y = b;
	size_t i;
	int c;

	for (i = 0; i < N_SORT_SLOTS; i++)
		if ((c = strcmp(x->keys[i], y->keys[i])) != 0)
			return c;
	return 0;
}

static int add_symbol_or_null(cJSON *item, void *env, void *fact, const char *slot,
			      const char *key)
{
	const char *s = onco_fact_text(env, fact, slot);

	if (s == NULL)
		return cJSON_AddNullToObject(item, key) ? 0 : ONCO_ENOMEM;
	return cJSON_AddStringToObject(item, key, s) ? 0 : ONCO_ENOMEM;
}

static int add_string(cJSON *item, void *env, void *fact, const char *slot,
		      const char *key)
{
	return cJSON_AddStringToObject(item, key, text_or_empty(env, fact, slot))
		       ? 0
		       : ONCO_ENOMEM;
}

/* A multislot of symbols as an array of strings under `key`. */
static int add_symbols(cJSON *item, void *env, void *fact, const char *slot,
		       const char *key)
{
	cJSON *array = cJSON_AddArrayToObject(item, key);
	size_t i, n = onco_fact_multi_count(env, fact, slot);

	if (array == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		int type;
		void *value;
		if (onco_fact_multi(env, fact, slot, i, &type, &value) &&
		    onco_json_append(array, cJSON_CreateString(ValueToString(value))) != 0)
			return ONCO_ENOMEM;
	}
	return 0;
}

static int add_agents(cJSON *item, void *env, void *fact)
{
	return add_symbols(item, env, fact, "agents", "agents");
}

/* "form": what the drugs of an option are, so that no reader takes a menu
 * for a regimen: "regimen" (agents, given together), "menu" (choices, one
 * of them), "regimen-with-choice" (agents given together with one of the
 * choices), "none" (no drug named). */
static int add_form(cJSON *item, void *env, void *fact)
{
	size_t agents = onco_fact_multi_count(env, fact, "agents");
	size_t choices = onco_fact_multi_count(env, fact, "choices");
	const char *form = agents > 0 && choices > 0 ? "regimen-with-choice"
			   : agents > 0			 ? "regimen"
			   : choices > 0		 ? "menu"
							 : "none";

	return cJSON_AddStringToObject(item, "form", form) ? 0 : ONCO_ENOMEM;
}

static int add_bool(cJSON *item, void *env, void *fact, const char *slot, const char *key)
{
	return cJSON_AddBoolToObject(item, key,
				     strcmp(text_or_empty(env, fact, slot), "TRUE") == 0)
		       ? 0
		       : ONCO_ENOMEM;
}

/* The gate marks of `kind` (history, lead) that name option `id`. */
static size_t marks_for(onco_run_facts *run, void *env, int kind, const char *id,
			void **found, size_t room)
{
	size_t i, n = 0;

	for (i = 0; i < run->n_conclusions[kind]; i++) {
		const char *option = onco_fact_text(env, run->conclusions[kind][i], "option");
		if (option != NULL && strcmp(option, id) == 0) {
			if (n < room)
				found[n] = run->conclusions[kind][i];
			n++;
		}
	}
	return n;
}

/* A history entry with its printed form, the key it is sorted by. */
typedef struct history_entry {
	cJSON *item;
	char *key;
} history_entry;

static int compare_history(const void *a, const void *b)
{
	return strcmp(((const history_entry *)a)->key, ((const history_entry *)b)->key);
}

/* Firing order must not show: sorts the entries of `history` by their
 * printed form; two marks with the same status and reasons (one option
 * concluded by two rules) are one entry. Keys are made before anything
 * moves, so a failure leaves the array as it was and returns ONCO_ENOMEM. */
static int sort_history(cJSON *history)
{
	int n = cJSON_GetArraySize(history), k, rc = 0;
	history_entry *entries;
	cJSON *item;

	if (n < 2)
		return 0;
	entries = calloc((size_t)n, sizeof(*entries));
	if (entries == NULL)
		return ONCO_ENOMEM;
	k = 0;
	cJSON_ArrayForEach(item, history) {
		entries[k].item = item;
		entries[k].key = cJSON_PrintUnformatted(item);
		if (entries[k++].key == NULL)
			rc = ONCO_ENOMEM;
	}
	if (rc == 0) {
		qsort(entries, (size_t)n, sizeof(*entries), compare_history);
		for (k = 0; k < n; k++)
			cJSON_DetachItemViaPointer(history, entries[k].item);
		for (k = 0; k < n; k++)
			if (k > 0 && compare_history(&entries[k - 1], &entries[k]) == 0)
				cJSON_Delete(entries[k].item);
			else
				cJSON_AddItemToArray(history, entries[k].item);
	}
	for (k = 0; k < n; k++)
		cJSON_free(entries[k].key);
	free(entries);
	return rc;
}

/* The because of one mark into the array `because`. */
static int mark_because(onco_engine *engine, void *mark, cJSON *because)
{
	onco_because gathered = {0};
	int rc = onco_because_add(engine, mark, &gathered);

	rc = rc ? rc : onco_because_json(&gathered, because);
	onco_because_release(&gathered);
	return rc;
}

/* "history": what the patient already had of this option, one entry per
 * mark: {"status", "agent" (when the mark names one drug), "because"};
 * "lead": the reason it comes first, or null. */
static int add_marks(onco_engine *engine, onco_run_facts *run, cJSON *item, void *fact)
{
	void *env = engine->env;
	const char *id = text_or_empty(env, fact, "id");
	size_t n = marks_for(run, env, ONCO_C_HISTORY, id, NULL, 0), i;
	cJSON *history = cJSON_AddArrayToObject(item, "history");
	void **marks;
	int rc = history == NULL ? ONCO_ENOMEM : 0;

	if (rc == 0 && n > 0) {
		marks = malloc(n * sizeof(*marks));
		if (marks == NULL)
			return ONCO_ENOMEM;
		marks_for(run, env, ONCO_C_HISTORY, id, marks, n);
		for (i = 0; i < n && rc == 0; i++) {
			cJSON *entry = cJSON_CreateObject(), *because;
			if (entry == NULL || !cJSON_AddItemToArray(history, entry)) {
				cJSON_Delete(entry);
				rc = ONCO_ENOMEM;
				break;
			}
			rc = add_string(entry, env, marks[i], "status", "status");
			if (rc == 0 && onco_fact_multi_count(env, marks[i], "agent") > 0)
				rc = add_string(entry, env, marks[i], "agent", "agent");
			if (rc == 0 && run->lean)
				continue;
			because = rc ? NULL : cJSON_AddArrayToObject(entry, "because");
			rc = rc ? rc : because == NULL ? ONCO_ENOMEM : mark_because(engine, marks[i], because);
		}
		free(marks);
		if (rc == 0)
			rc = sort_history(history);
	}
	if (rc != 0)
		return rc;
	{
		void *lead = NULL;
		const char *reason = NULL;
		if (marks_for(run, env, ONCO_C_LEAD, id, &lead, 1) > 0) {
			/* Several reasons: the first in text order, for the same
			 * bytes whatever the firing order. */
			for (i = 0; i < run->n_conclusions[ONCO_C_LEAD]; i++) {
				void *m = run->conclusions[ONCO_C_LEAD][i];
				const char *option = onco_fact_text(env, m, "option");
				const char *r = onco_fact_text(env, m, "reason");
				if (option != NULL && strcmp(option, id) == 0 && r != NULL &&
				    (reason == NULL || strcmp(r, reason) < 0))
					reason = r;
			}
		}
		if (reason == NULL)
			return cJSON_AddNullToObject(item, "lead") ? 0 : ONCO_ENOMEM;
		return cJSON_AddStringToObject(item, "lead", reason) ? 0 : ONCO_ENOMEM;
	}
}

/* The fields of an item, in the order of docs/output-format.md. */
static int add_fields(onco_engine *engine, onco_run_facts *run, cJSON *item, void *fact,
		      int kind)
{
	void *env = engine->env;
	int rc = add_string(item, env, fact, "id", "id");

	switch (kind) {
	case ONCO_C_RECOMMENDATION:
	case ONCO_C_POSSIBLE:
		rc = rc ? rc : add_string(item, env, fact, "modality", "modality");
		rc = rc ? rc : add_agents(item, env, fact);
		rc = rc ? rc : add_symbols(item, env, fact, "choices", "choices");
		rc = rc ? rc : add_form(item, env, fact);
		rc = rc ? rc : add_symbol_or_null(item, env, fact, "procedure", "procedure");
		rc = rc ? rc : add_symbol_or_null(item, env, fact, "target", "target");
		rc = rc ? rc : add_string(item, env, fact, "schedule", "schedule");
		rc = rc ? rc : add_string(item, env, fact, "intent", "intent");
		if (rc == 0 && !cJSON_AddBoolToObject(item, "preferred",
						      strcmp(text_or_empty(env, fact, "preferred"),
							     "TRUE") == 0))
			rc = ONCO_ENOMEM;
		rc = rc ? rc : add_string(item, env, fact, "summary", "summary");
		rc = rc ? rc : add_symbol_or_null(item, env, fact, "card", "card");
		rc = rc ? rc : add_string(item, env, fact, "role", "role");
		rc = rc ? rc : add_bool(item, env, fact, "cancer-directed", "cancer_directed");
		rc = rc ? rc : add_bool(item, env, fact, "with-chemotherapy", "with_chemotherapy");
		rc = rc ? rc : add_symbols(item, env, fact, "requires", "requires");
		rc = rc ? rc : add_marks(engine, run, item, fact);
		break;
	case ONCO_C_WARNING:
		rc = rc ? rc : add_symbol_or_null(item, env, fact, "agent", "agent");
		rc = rc ? rc : add_symbol_or_null(item, env, fact, "option", "option");
		rc = rc ? rc : add_string(item, env, fact, "severity", "severity");
		rc = rc ? rc : add_string(item, env, fact, "text", "text");
		break;
	case ONCO_C_EXCLUSION:
		rc = rc ? rc : add_string(item, env, fact, "option", "option");
		rc = rc ? rc : add_string(item, env, fact, "modality", "modality");
		rc = rc ? rc : add_agents(item, env, fact);
		rc = rc ? rc : add_symbol_or_null(item, env, fact, "procedure", "procedure");
		rc = rc ? rc : add_string(item, env, fact, "reason", "reason");
		break;
	default:
		rc = rc ? rc : add_string(item, env, fact, "text", "text");
		if (kind == ONCO_C_NOTE)
			rc = rc ? rc : add_symbol_or_null(item, env, fact, "card", "card");
		break;
	}
	return rc ? rc : add_string(item, env, fact, "rule", "rule");
}

/* Adds one entry to the `if` list: what the option waits for. */
static int add_if_entry(onco_engine *engine, const onco_run_facts *run, cJSON *list,
			const char *name, const int accepts[3])
{
	const onco_finding_def *def = onco_kb_finding_def(&engine->kb, name);
	cJSON *entry, *needs, *fields, *undecided, *list_undecided, *f;
	int v, rc;

	cJSON_ArrayForEach(entry, list)
		if (strcmp(cJSON_GetObjectItemCaseSensitive(entry, "finding")->valuestring,
			   name) == 0)
			return 0;
	/* Whole before it joins the list: the loop above reads "finding". */
	entry = cJSON_CreateObject();
	if (entry == NULL || !cJSON_AddStringToObject(entry, "finding", name) ||
	    !cJSON_AddStringToObject(entry, "statement", def != NULL ? def->text : name) ||
	    (needs = cJSON_AddArrayToObject(entry, "needs")) == NULL ||
	    (fields = cJSON_AddArrayToObject(entry, "fields")) == NULL ||
	    (list_undecided = cJSON_AddArrayToObject(entry, "undecided")) == NULL ||
	    !cJSON_AddItemToArray(list, entry)) {
		cJSON_Delete(entry);
		return ONCO_ENOMEM;
	}
	for (v = 0; v < 3; v++) {
		cJSON *s;

		if (!accepts[v])
			continue;
		s = cJSON_CreateString(onco_finding_values[v]);
		if (s == NULL || !cJSON_AddItemToArray(needs, s)) {
			cJSON_Delete(s);
			return ONCO_ENOMEM;
		}
	}
	/* "undecided": the fields the case records that do not decide the
	 * finding, each with what it holds ({"field", "why"}), in the order
	 * of `fields`. */
	undecided = cJSON_CreateObject();
	rc = undecided == NULL ? ONCO_ENOMEM
			       : onco_unknown_fields(engine, run, name, fields, undecided);
	cJSON_ArrayForEach(f, fields) {
		const cJSON *why = cJSON_GetObjectItemCaseSensitive(undecided, f->valuestring);
		cJSON *item;

		if (rc != 0 || !cJSON_IsString(why))
			continue;
		item = cJSON_CreateObject();
		if (item == NULL || !cJSON_AddStringToObject(item, "field", f->valuestring) ||
		    !cJSON_AddStringToObject(item, "why", why->valuestring)) {
			cJSON_Delete(item);
			rc = ONCO_ENOMEM;
		} else {
			rc = onco_json_append(list_undecided, item);
		}
	}
	cJSON_Delete(undecided);
	return rc;
}

/* "if": the findings a possible option waits for, each with its statement,
 * the values it needs and the case fields to record: the unknown
 * conditions of the rule it was read from, then the findings of pending
 * marks on it (which wait for the finding to be the mark's `needs`: yes,
 * or no for an option that stands only if a fact is absent, such as
 * radiation with no prior pelvic radiation). */
static int add_if(onco_engine *engine, onco_run_facts *run, cJSON *item, sort_entry *facts,
		  size_t first, size_t last)
{
	static const int yes[3] = {1, 0, 0}, no[3] = {0, 1, 0};
	void *env = engine->env;
	const char *id = facts[first].keys[0];
	cJSON *list = cJSON_AddArrayToObject(item, "if");
	size_t i, c;
	int rc = list == NULL ? ONCO_ENOMEM : 0;

	for (i = first; i < last && rc == 0; i++) {
		const char *status = onco_fact_text(env, facts[i].fact, "status");
		const onco_rule_info *rule;

		if (status == NULL || strcmp(status, "possible") != 0)
			continue;
		rule = onco_rule_by_name(engine, facts[i].keys[1]);
		if (rule == NULL)
			continue;
		for (c = 0; c < rule->n_conditions && rc == 0; c++)
			if (onco_condition_eval(engine, run, &rule->conditions[c]) ==
			    ONCO_COND_UNKNOWN)
				rc = add_if_entry(engine, run, list, rule->conditions[c].name,
						  rule->conditions[c].accepts);
	}
	for (i = 0; i < run->n_conclusions[ONCO_C_PENDING] && rc == 0; i++) {
		void *mark = run->conclusions[ONCO_C_PENDING][i];
		const char *option = onco_fact_text(env, mark, "option");
		const char *finding = onco_fact_text(env, mark, "finding");
		const char *needs = onco_fact_text(env, mark, "needs");

		if (option != NULL && finding != NULL && strcmp(option, id) == 0)
			rc = add_if_entry(engine, run, list, finding,
					  needs != NULL && strcmp(needs, "no") == 0 ? no : yes);
	}
	return rc;
}

/* One item from facts[first..last). */
static cJSON *make_item(onco_engine *engine, onco_run_facts *run, sort_entry *facts,
			size_t first, size_t last, int kind)
{
	cJSON *item = cJSON_CreateObject(), *because, *evidence;
	onco_because gathered = {0};
	onco_cites cites = {0};
	size_t i;
	int rc;

	if (item == NULL)
		return NULL;
	rc = add_fields(engine, run, item, facts[first].fact, kind);
	if (rc == 0 && kind == ONCO_C_POSSIBLE)
		rc = add_if(engine, run, item, facts, first, last);
	if (rc == 0 && run->lean)
		return item; /* the summary form drops explanations */
	because = rc ? NULL : cJSON_AddArrayToObject(item, "because");
	evidence = rc ? NULL : cJSON_AddArrayToObject(item, "evidence");
	if (rc != 0 || because == NULL || evidence == NULL) {
		cJSON_Delete(item);
		return NULL;
	}
	for (i = first; i < last && rc == 0; i++) {
		rc = onco_because_add(engine, facts[i].fact, &gathered);
		if (rc == 0)
			rc = onco_cites_add(engine, facts[i].fact, &cites);
	}
	if (rc == 0)
		rc = onco_because_json(&gathered, because);
	if (rc == 0)
		rc = onco_cites_json(&cites, evidence);
	onco_because_release(&gathered);
	onco_cites_release(&cites);
	if (rc != 0) {
		cJSON_Delete(item);
		return NULL;
	}
	return item;
}

/* The facts of a list: those of `kind`; for ONCO_C_POSSIBLE the options
 * the host asserted as possible and the offered ones a pending mark holds
 * back. */
static sort_entry *list_facts(onco_engine *engine, onco_run_facts *run, int kind, size_t *count)
{
	size_t n = run->n_conclusions[kind], i, k, used = 0;
	sort_entry *facts;

	if (kind == ONCO_C_POSSIBLE)
		n += run->n_conclusions[ONCO_C_RECOMMENDATION];
	*count = 0;
	facts = malloc((n ? n : 1) * sizeof(*facts));
	if (facts == NULL)
		return NULL;
	for (i = 0; i < run->n_conclusions[kind]; i++) {
		void *fact = run->conclusions[kind][i];

		/* A warning or note about an option that is not offered after
		 * all is not listed. */
		if ((kind == ONCO_C_WARNING || kind == ONCO_C_NOTE) &&
		    onco_run_rests_on_held(engine, run, fact))
			continue;
		facts[used++].fact = fact;
	}
	for (i = 0; kind == ONCO_C_POSSIBLE && i < run->n_conclusions[ONCO_C_RECOMMENDATION]; i++) {
		void *fact = run->conclusions[ONCO_C_RECOMMENDATION][i];
		if (onco_run_is_pending(run, onco_fact_text(engine->env, fact, "id")))
			facts[used++].fact = fact;
	}
	for (i = 0; i < used; i++)
		for (k = 0; k < N_SORT_SLOTS; k++)
			facts[i].keys[k] = text_or_empty(engine->env, facts[i].fact, sort_slots[k]);
	qsort(facts, used, sizeof(*facts), compare_facts);
	*count = used;
	return facts;
}

/* Whether the item of option `id` belongs in the list of `kind`: an option
 * an exclusion rules out is listed only among the exclusions; one a pending
 * mark holds back, only among the possible options. */
static int listed_in(const onco_run_facts *run, int kind, const char *id)
{
	if (kind == ONCO_C_RECOMMENDATION)
		return !onco_run_is_held(run, id);
	if (kind == ONCO_C_POSSIBLE)
		return !onco_run_is_excluded(run, id);
	return 1;
}

cJSON *onco_conclusions_json(onco_engine *engine, onco_run_facts *run, int kind)
{
	size_t n, i, first;
	sort_entry *facts;
	cJSON *items = cJSON_CreateArray();

	if (items == NULL)
		return NULL;
	facts = list_facts(engine, run, kind, &n);
	if (facts == NULL) {
		cJSON_Delete(items);
		return NULL;
	}
	for (first = 0; first < n; first = i) {
		const char *id = facts[first].keys[0];
		cJSON *item;

		for (i = first + 1; i < n && strcmp(facts[i].keys[0], id) == 0; i++)
			;
		if (!listed_in(run, kind, id))
			continue;
		item = make_item(engine, run, facts, first, i, kind);
		if (item == NULL || !cJSON_AddItemToArray(items, item)) {
			cJSON_Delete(item);
			cJSON_Delete(items);
			items = NULL;
			break;
		}
	}
	free(facts);
	return items;
}
