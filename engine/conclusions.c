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
#include "private/sort.h"

/*
 * The slots an item reads, each found in its template once per list and
 * then read by position: the facts of a list share their template, and
 * finding a slot by name at each of the twenty reads of a fact was most of
 * the cost of an item's fields. The first five order the facts of a list.
 */
enum {
	S_ID, S_RULE, S_SUMMARY, S_TEXT, S_REASON,
	S_MODALITY, S_AGENTS, S_CHOICES, S_PROCEDURE, S_TARGET, S_SCHEDULE,
	S_INTENT, S_PREFERRED, S_CARD, S_ROLE, S_CANCER_DIRECTED,
	S_WITH_CHEMOTHERAPY, S_REQUIRES, S_STATUS, S_OPTION, S_AGENT, S_SEVERITY,
	S_FINDING, S_NEEDS, S_BASIS, S_CITE, N_SLOTS
};
#define N_SORT_SLOTS (S_REASON + 1)

static const char *const slot_names[N_SLOTS] = {
	[S_ID] = "id", [S_RULE] = "rule", [S_SUMMARY] = "summary", [S_TEXT] = "text",
	[S_REASON] = "reason", [S_MODALITY] = "modality", [S_AGENTS] = "agents",
	[S_CHOICES] = "choices", [S_PROCEDURE] = "procedure", [S_TARGET] = "target",
	[S_SCHEDULE] = "schedule", [S_INTENT] = "intent", [S_PREFERRED] = "preferred",
	[S_CARD] = "card", [S_ROLE] = "role", [S_CANCER_DIRECTED] = "cancer-directed",
	[S_WITH_CHEMOTHERAPY] = "with-chemotherapy", [S_REQUIRES] = "requires",
	[S_STATUS] = "status", [S_OPTION] = "option", [S_AGENT] = "agent",
	[S_SEVERITY] = "severity", [S_FINDING] = "finding", [S_NEEDS] = "needs",
	[S_BASIS] = "basis", [S_CITE] = "cite"};

enum { NOT_LOOKED_UP = -2, ABSENT = -1 /* as onco_slot_position says */ };

/* Where the slots sit in one template (the one of the last fact read). */
typedef struct slot_map {
	const struct deftemplate *deftemplate;
	long position[N_SLOTS]; /* NOT_LOOKED_UP, ABSENT or the position */
} slot_map;

/* One list being built: the run, and a slot map per kind of fact read
 * (the items, and each kind of gate mark). */
typedef struct lister {
	onco_engine *engine;
	onco_run_facts *run;
	slot_map maps[ONCO_C_KINDS];
	onco_because_memo memo; /* the basis facts explained so far */
} lister;

/* The place of `slot` in the template of `fact`, or ABSENT. */
static long slot_place(slot_map *map, void *fact, int slot)
{
	const struct fact *f = fact;
	long i;

	if (f->whichDeftemplate != map->deftemplate) {
		map->deftemplate = f->whichDeftemplate;
		for (i = 0; i < N_SLOTS; i++)
			map->position[i] = NOT_LOOKED_UP;
	}
	if (map->position[slot] == NOT_LOOKED_UP)
		map->position[slot] = onco_slot_position(f->whichDeftemplate, slot_names[slot]);
	return map->position[slot];
}

/* The field of `slot` in `fact`, or NULL when its template has none. */
static const struct field *slot_field(slot_map *map, void *fact, int slot)
{
	long i = slot_place(map, fact, slot);

	return i >= 0 ? &((const struct fact *)fact)->theProposition.theFields[i] : NULL;
}

/* As onco_fact_text: a symbol or string, or the first value of a
 * multislot; NULL when empty, numeric or absent. */
static const char *slot_text(slot_map *map, void *fact, int slot)
{
	return onco_field_text(slot_field(map, fact, slot));
}

static const char *text_or_empty(slot_map *map, void *fact, int slot)
{
	const char *s = slot_text(map, fact, slot);

	return s != NULL ? s : "";
}

/* The number of values of a multislot (0 for a single slot or none). */
static long slot_count(slot_map *map, void *fact, int slot)
{
	const struct field *v = slot_field(map, fact, slot);

	return v != NULL && v->type == MULTIFIELD ? GetMFLength(v->value) : 0;
}

typedef struct sort_entry {
	void *fact;
	const char *keys[N_SORT_SLOTS];
} sort_entry;

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

/* Adds `value` under `key`, a string literal (cJSON keeps the pointer,
 * copying no key), or deletes it: 0 or ONCO_ENOMEM. */
static int add(cJSON *item, const char *key, cJSON *value)
{
	if (value != NULL && cJSON_AddItemToObjectCS(item, key, value))
		return 0;
	cJSON_Delete(value);
	return ONCO_ENOMEM;
}

/*
 * The text of a slot in the answer, referenced, not copied: it is a CLIPS
 * symbol or string held by a conclusion fact, which stays in working memory
 * (holding the symbol, so the text stays where it is) until the next
 * EnvReset, EnvRun or retraction in the engine's environment. The one
 * caller of onco_conclusions_json, result_document (evaluate.c), builds the
 * document after the case's last EnvRun (run_case, possible.c) and prints
 * or deletes it before it returns, with no CLIPS call in between that
 * retracts, resets or runs; the tree never leaves the engine (its public
 * calls give text). A copy per field was most of what an item's fields
 * cost.
 */
static cJSON *clips_text(const char *s)
{
	return cJSON_CreateStringReference(s);
}

static int add_symbol_or_null(cJSON *item, slot_map *map, void *fact, int slot,
			      const char *key)
{
	const char *s = slot_text(map, fact, slot);

	return add(item, key, s == NULL ? cJSON_CreateNull() : clips_text(s));
}

static int add_string(cJSON *item, slot_map *map, void *fact, int slot, const char *key)
{
	return add(item, key, clips_text(text_or_empty(map, fact, slot)));
}

/* A multislot of symbols as an array of strings under `key`. */
static int add_symbols(cJSON *item, slot_map *map, void *fact, int slot, const char *key)
{
	const struct field *v = slot_field(map, fact, slot);
	cJSON *array = cJSON_CreateArray();
	long i, n = slot_count(map, fact, slot);

	if (add(item, key, array) != 0)
		return ONCO_ENOMEM;
	for (i = 1; i <= n; i++)
		if (onco_json_append(array, clips_text(ValueToString(GetMFValue(v->value, i)))) != 0)
			return ONCO_ENOMEM;
	return 0;
}

/* "form": what the drugs of an option are, so that no reader takes a menu
 * for a regimen: "regimen" (agents, given together), "menu" (choices, one
 * of them), "regimen-with-choice" (agents given together with one of the
 * choices), "none" (no drug named). */
static int add_form(cJSON *item, slot_map *map, void *fact)
{
	long agents = slot_count(map, fact, S_AGENTS);
	long choices = slot_count(map, fact, S_CHOICES);
	const char *form = agents > 0 && choices > 0 ? "regimen-with-choice"
			   : agents > 0			 ? "regimen"
			   : choices > 0		 ? "menu"
							 : "none";

	return add(item, "form", cJSON_CreateStringReference(form));
}

static int add_bool(cJSON *item, slot_map *map, void *fact, int slot, const char *key)
{
	return add(item, key, cJSON_CreateBool(strcmp(text_or_empty(map, fact, slot), "TRUE") == 0));
}

/* The gate marks of `kind` (history, lead) that name option `id`. */
static size_t marks_for(lister *l, int kind, const char *id, void **found, size_t room)
{
	size_t i, n = 0;

	for (i = 0; i < l->run->n_conclusions[kind]; i++) {
		void *mark = l->run->conclusions[kind][i];
		const char *option = slot_text(&l->maps[kind], mark, S_OPTION);

		if (option != NULL && strcmp(option, id) == 0) {
			if (n < room)
				found[n] = mark;
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
		onco_sort(entries, (size_t)n, sizeof(*entries), compare_history);
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
static int mark_because(lister *l, void *mark, cJSON *because)
{
	onco_because gathered = {0};
	int rc = onco_because_add_at(l->engine, &l->memo, mark,
				     slot_place(&l->maps[ONCO_C_HISTORY], mark, S_BASIS), &gathered);

	rc = rc ? rc : onco_because_json(&gathered, because);
	onco_because_release(&gathered);
	return rc;
}

/* "history": what the patient already had of this option, one entry per
 * mark: {"status", "agent" (when the mark names one drug), "because"};
 * "lead": the reason it comes first, or null. */
static int add_marks(lister *l, cJSON *item, const char *id)
{
	slot_map *map = &l->maps[ONCO_C_HISTORY], *leads = &l->maps[ONCO_C_LEAD];
	size_t n = marks_for(l, ONCO_C_HISTORY, id, NULL, 0), i;
	cJSON *history = cJSON_CreateArray();
	const char *reason = NULL;
	void **marks;
	int rc = add(item, "history", history);

	if (rc == 0 && n > 0) {
		marks = malloc(n * sizeof(*marks));
		if (marks == NULL)
			return ONCO_ENOMEM;
		marks_for(l, ONCO_C_HISTORY, id, marks, n);
		for (i = 0; i < n && rc == 0; i++) {
			cJSON *entry = cJSON_CreateObject(), *because;
			if (entry == NULL || !cJSON_AddItemToArray(history, entry)) {
				cJSON_Delete(entry);
				rc = ONCO_ENOMEM;
				break;
			}
			rc = add_string(entry, map, marks[i], S_STATUS, "status");
			if (rc == 0 && slot_count(map, marks[i], S_AGENT) > 0)
				rc = add_string(entry, map, marks[i], S_AGENT, "agent");
			if (rc != 0 || l->run->lean)
				continue;
			because = cJSON_CreateArray();
			rc = add(entry, "because", because);
			rc = rc ? rc : mark_because(l, marks[i], because);
		}
		free(marks);
		if (rc == 0)
			rc = sort_history(history);
	}
	if (rc != 0)
		return rc;
	/* Several reasons: the first in text order, for the same bytes
	 * whatever the firing order. */
	for (i = 0; i < l->run->n_conclusions[ONCO_C_LEAD]; i++) {
		void *m = l->run->conclusions[ONCO_C_LEAD][i];
		const char *option = slot_text(leads, m, S_OPTION);
		const char *r = slot_text(leads, m, S_REASON);

		if (option != NULL && strcmp(option, id) == 0 && r != NULL &&
		    (reason == NULL || strcmp(r, reason) < 0))
			reason = r;
	}
	return add(item, "lead", reason == NULL ? cJSON_CreateNull() : clips_text(reason));
}

/* The fields of an item, in the order of docs/output-format.md. */
static int add_fields(lister *l, cJSON *item, void *fact, int kind)
{
	slot_map *map = &l->maps[kind];
	int rc = add_string(item, map, fact, S_ID, "id");

	switch (kind) {
	case ONCO_C_RECOMMENDATION:
	case ONCO_C_POSSIBLE:
		rc = rc ? rc : add_string(item, map, fact, S_MODALITY, "modality");
		rc = rc ? rc : add_symbols(item, map, fact, S_AGENTS, "agents");
		rc = rc ? rc : add_symbols(item, map, fact, S_CHOICES, "choices");
		rc = rc ? rc : add_form(item, map, fact);
		rc = rc ? rc : add_symbol_or_null(item, map, fact, S_PROCEDURE, "procedure");
		rc = rc ? rc : add_symbol_or_null(item, map, fact, S_TARGET, "target");
		rc = rc ? rc : add_string(item, map, fact, S_SCHEDULE, "schedule");
		rc = rc ? rc : add_string(item, map, fact, S_INTENT, "intent");
		rc = rc ? rc : add_bool(item, map, fact, S_PREFERRED, "preferred");
		rc = rc ? rc : add_string(item, map, fact, S_SUMMARY, "summary");
		rc = rc ? rc : add_symbol_or_null(item, map, fact, S_CARD, "card");
		rc = rc ? rc : add_string(item, map, fact, S_ROLE, "role");
		rc = rc ? rc : add_bool(item, map, fact, S_CANCER_DIRECTED, "cancer_directed");
		rc = rc ? rc : add_bool(item, map, fact, S_WITH_CHEMOTHERAPY, "with_chemotherapy");
		rc = rc ? rc : add_symbols(item, map, fact, S_REQUIRES, "requires");
		rc = rc ? rc : add_marks(l, item, text_or_empty(map, fact, S_ID));
		break;
	case ONCO_C_WARNING:
		rc = rc ? rc : add_symbol_or_null(item, map, fact, S_AGENT, "agent");
		rc = rc ? rc : add_symbol_or_null(item, map, fact, S_OPTION, "option");
		rc = rc ? rc : add_string(item, map, fact, S_SEVERITY, "severity");
		rc = rc ? rc : add_string(item, map, fact, S_TEXT, "text");
		break;
	case ONCO_C_EXCLUSION:
		rc = rc ? rc : add_string(item, map, fact, S_OPTION, "option");
		rc = rc ? rc : add_string(item, map, fact, S_MODALITY, "modality");
		rc = rc ? rc : add_symbols(item, map, fact, S_AGENTS, "agents");
		rc = rc ? rc : add_symbol_or_null(item, map, fact, S_PROCEDURE, "procedure");
		rc = rc ? rc : add_string(item, map, fact, S_REASON, "reason");
		break;
	default:
		rc = rc ? rc : add_string(item, map, fact, S_TEXT, "text");
		if (kind == ONCO_C_NOTE)
			rc = rc ? rc : add_symbol_or_null(item, map, fact, S_CARD, "card");
		break;
	}
	return rc ? rc : add_string(item, map, fact, S_RULE, "rule");
}

/* Adds one entry to the `if` list: what the option waits for. */
static int add_if_entry(onco_engine *engine, const onco_run_facts *run, cJSON *list,
			const char *name, const int accepts[3])
{
	const onco_finding_def *def = onco_kb_finding_def(&engine->kb, name);
	cJSON *entry, *needs = NULL, *fields = NULL, *undecided, *list_undecided = NULL, *f;
	int v, rc;

	/* "finding" is each entry's first member */
	cJSON_ArrayForEach(entry, list)
		if (strcmp(entry->child->valuestring, name) == 0)
			return 0;
	/* Whole before it joins the list: the loop above reads "finding". The
	 * rule base's texts outlive the document and `name` (a condition of
	 * the rule base, or a pending mark's symbol, clips_text) lives as long
	 * as it: referenced, not copied. */
	entry = cJSON_CreateObject();
	if (entry == NULL || add(entry, "finding", clips_text(name)) != 0 ||
	    add(entry, "statement", def != NULL ? cJSON_CreateStringReference(def->text)
						: cJSON_CreateString(name)) != 0 ||
	    add(entry, "needs", needs = cJSON_CreateArray()) != 0 ||
	    add(entry, "fields", fields = cJSON_CreateArray()) != 0 ||
	    add(entry, "undecided", list_undecided = cJSON_CreateArray()) != 0 ||
	    !cJSON_AddItemToArray(list, entry)) {
		cJSON_Delete(entry);
		return ONCO_ENOMEM;
	}
	for (v = 0; v < 3; v++)
		if (accepts[v] &&
		    onco_json_append(needs, cJSON_CreateStringReference(onco_finding_values[v])) != 0)
			return ONCO_ENOMEM;
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
		if (item == NULL || add(item, "field", cJSON_CreateString(f->valuestring)) != 0 ||
		    add(item, "why", cJSON_CreateString(why->valuestring)) != 0) {
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
static int add_if(lister *l, cJSON *item, sort_entry *facts, size_t first, size_t last)
{
	static const int yes[3] = {1, 0, 0}, no[3] = {0, 1, 0};
	onco_engine *engine = l->engine;
	const onco_run_facts *run = l->run;
	slot_map *map = &l->maps[ONCO_C_POSSIBLE], *marks = &l->maps[ONCO_C_PENDING];
	const char *id = facts[first].keys[S_ID];
	cJSON *list = cJSON_CreateArray();
	size_t i, c;
	int rc = add(item, "if", list);

	for (i = first; i < last && rc == 0; i++) {
		const char *status = slot_text(map, facts[i].fact, S_STATUS);
		const onco_rule_info *rule;

		if (status == NULL || strcmp(status, "possible") != 0)
			continue;
		rule = onco_rule_by_name(engine, facts[i].keys[S_RULE]);
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
		const char *option = slot_text(marks, mark, S_OPTION);
		const char *finding = slot_text(marks, mark, S_FINDING);
		const char *needs = slot_text(marks, mark, S_NEEDS);

		if (option != NULL && finding != NULL && strcmp(option, id) == 0)
			rc = add_if_entry(engine, run, list, finding,
					  needs != NULL && strcmp(needs, "no") == 0 ? no : yes);
	}
	return rc;
}

/* One item from facts[first..last). */
static cJSON *make_item(lister *l, sort_entry *facts, size_t first, size_t last, int kind)
{
	cJSON *item = cJSON_CreateObject(), *because = NULL, *evidence = NULL;
	slot_map *map = &l->maps[kind];
	onco_because gathered = {0};
	onco_cites cites = {0};
	size_t i;
	int rc;

	if (item == NULL)
		return NULL;
	rc = add_fields(l, item, facts[first].fact, kind);
	if (rc == 0 && kind == ONCO_C_POSSIBLE)
		rc = add_if(l, item, facts, first, last);
	if (rc == 0 && l->run->lean)
		return item; /* the summary form drops explanations */
	rc = rc ? rc : add(item, "because", because = cJSON_CreateArray());
	rc = rc ? rc : add(item, "evidence", evidence = cJSON_CreateArray());
	for (i = first; i < last && rc == 0; i++) {
		rc = onco_because_add_at(l->engine, &l->memo, facts[i].fact,
					 slot_place(map, facts[i].fact, S_BASIS), &gathered);
		if (rc == 0)
			rc = onco_cites_add(l->engine, facts[i].fact,
					    slot_place(map, facts[i].fact, S_CITE), &cites);
	}
	if (rc == 0)
		rc = onco_because_json(&gathered, because);
	if (rc == 0)
		rc = onco_cites_json(l->engine, &cites, evidence, l->run->one_line);
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
static sort_entry *list_facts(lister *l, int kind, size_t *count)
{
	onco_run_facts *run = l->run;
	slot_map *map = &l->maps[kind];
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
		    onco_run_rests_on_held(l->engine, run, fact))
			continue;
		facts[used++].fact = fact;
	}
	for (i = 0; kind == ONCO_C_POSSIBLE && i < run->n_conclusions[ONCO_C_RECOMMENDATION]; i++) {
		void *fact = run->conclusions[ONCO_C_RECOMMENDATION][i];
		if (onco_run_is_pending(run, slot_text(map, fact, S_ID)))
			facts[used++].fact = fact;
	}
	for (i = 0; i < used; i++)
		for (k = 0; k < N_SORT_SLOTS; k++)
			facts[i].keys[k] = text_or_empty(map, facts[i].fact, (int)k);
	onco_sort(facts, used, sizeof(*facts), compare_facts);
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
	lister l;
	size_t n, i, first;
	sort_entry *facts;
	cJSON *items = cJSON_CreateArray();

	if (items == NULL)
		return NULL;
	l.engine = engine;
	l.run = run;
	memset(&l.memo, 0, sizeof(l.memo));
	for (i = 0; i < ONCO_C_KINDS; i++)
		l.maps[i].deftemplate = NULL; /* looked up at the first fact */
	facts = list_facts(&l, kind, &n);
	if (facts == NULL) {
		cJSON_Delete(items);
		return NULL;
	}
	for (first = 0; first < n; first = i) {
		const char *id = facts[first].keys[S_ID];
		cJSON *item;

		for (i = first + 1; i < n && strcmp(facts[i].keys[S_ID], id) == 0; i++)
			;
		if (!listed_in(run, kind, id))
			continue;
		item = make_item(&l, facts, first, i, kind);
		if (item == NULL || !cJSON_AddItemToArray(items, item)) {
			cJSON_Delete(item);
			cJSON_Delete(items);
			items = NULL;
			break;
		}
	}
	free(facts);
	onco_because_memo_release(&l.memo);
	return items;
}
