/*
 * missing.c: the facts a decision needs and the case lacks. Two sources:
 * `missing` facts written by rules, and, found by the engine itself, every
 * recommendation whose rule is blocked only by findings valued `unknown`:
 * the fields of those findings are what the treating team should supply.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/collect.h"
#include "private/json_out.h"

/* The entry for `field` in `by_field` (an object keyed by field), created
 * when absent with its members in this order: field, needed_for, options,
 * undecided (note_missing reads them by their place). */
static cJSON *entry_for(cJSON *by_field, const char *field)
{
	cJSON *entry = cJSON_GetObjectItemCaseSensitive(by_field, field);

	if (entry != NULL)
		return entry;
	entry = cJSON_CreateObject();
	if (entry == NULL || !cJSON_AddStringToObject(entry, "field", field) ||
	    !cJSON_AddArrayToObject(entry, "needed_for") ||
	    !cJSON_AddArrayToObject(entry, "options") ||
	    !cJSON_AddNullToObject(entry, "undecided") ||
	    !cJSON_AddItemToObject(by_field, field, entry)) {
		cJSON_Delete(entry);
		return NULL;
	}
	return entry;
}

static int add_unique(cJSON *array, const char *s)
{
	const cJSON *item;

	if (s == NULL || s[0] == '\0')
		return 0;
	cJSON_ArrayForEach(item, array)
		if (strcmp(item->valuestring, s) == 0)
			return 0;
	return onco_json_append(array, cJSON_CreateString(s));
}

/* `why` (may be NULL): the case records the field, and this is what it
 * holds and why it decides nothing; the first one given is kept. */
static int note_missing(cJSON *by_field, const char *field, const char *needed_for,
			const char *option, const char *why)
{
	cJSON *entry = entry_for(by_field, field), *needed, *options, *undecided, *text;

	if (entry == NULL)
		return ONCO_ENOMEM;
	/* entry_for's members, in its order (nothing else is added to an
	 * entry while notes are taken): no look-ups by key */
	needed = entry->child->next;
	options = needed->next;
	undecided = options->next;
	if (add_unique(needed, needed_for) || add_unique(options, option))
		return ONCO_ENOMEM;
	if (why == NULL || !cJSON_IsNull(undecided))
		return 0;
	text = cJSON_CreateString(why);
	if (text == NULL)
		return ONCO_ENOMEM;
	/* In place, taking the null's key: nothing to allocate for it. */
	text->string = undecided->string;
	undecided->string = NULL;
	cJSON_ReplaceItemViaPointer(entry, undecided, text);
	return 0;
}

/* The text `undecided` gives for `field`, or NULL. */
static const char *why_of(const cJSON *undecided, const char *field)
{
	const cJSON *why = cJSON_GetObjectItemCaseSensitive(undecided, field);

	return cJSON_IsString(why) ? why->valuestring : NULL;
}

/* Whether an exclusion rules option `id` out: what it would need no longer
 * matters. (The run's index of excluded options leaves out the empty id.) */
static int excluded(onco_engine *engine, const onco_run_facts *run, const char *id)
{
	size_t i;

	if (id[0] != '\0')
		return onco_run_is_excluded(run, id);
	for (i = 0; i < run->n_conclusions[ONCO_C_EXCLUSION]; i++) {
		const char *option = onco_fact_text(engine->env,
						    run->conclusions[ONCO_C_EXCLUSION][i], "option");
		if (option != NULL && option[0] == '\0')
			return 1;
	}
	return 0;
}

/* A pending mark: the fields of its finding, needed for its option. */
static int pending_missing(onco_engine *engine, const onco_run_facts *run, void *mark,
			   cJSON *by_field)
{
	void *env = engine->env;
	const char *option = onco_fact_text(env, mark, "option");
	const char *name = onco_fact_text(env, mark, "finding");
	const char *needed_for = option;
	cJSON *fields, *undecided, *f;
	size_t i;
	int rc = 0;

	if (option == NULL || name == NULL || excluded(engine, run, option))
		return 0;
	for (i = 0; i < run->n_conclusions[ONCO_C_RECOMMENDATION]; i++) {
		void *rec = run->conclusions[ONCO_C_RECOMMENDATION][i];
		const char *rid = onco_fact_text(env, rec, "id");
		const char *summary = onco_fact_text(env, rec, "summary");
		if (rid != NULL && strcmp(rid, option) == 0 && summary != NULL) {
			needed_for = summary;
			break;
		}
	}
	fields = cJSON_CreateArray();
	undecided = cJSON_CreateObject();
	rc = fields == NULL || undecided == NULL
		     ? ONCO_ENOMEM
		     : onco_unknown_fields(engine, run, name, fields, undecided);
	cJSON_ArrayForEach(f, fields)
		if (rc == 0)
			rc = note_missing(by_field, f->valuestring, needed_for, option,
					  why_of(undecided, f->valuestring));
	cJSON_Delete(fields);
	cJSON_Delete(undecided);
	return rc;
}

static int is_unknown_finding(void *env, void *fact)
{
	const char *value;

	if (strcmp(onco_fact_template(env, fact), "finding") != 0)
		return 0;
	value = onco_fact_text(env, fact, "value");
	return value != NULL && strcmp(value, "unknown") == 0;
}

/* Records `why` for `field` in `undecided` (may be NULL), unless one is
 * there already. */
static int set_why(cJSON *undecided, const char *field, const char *why)
{
	if (undecided == NULL || cJSON_GetObjectItemCaseSensitive(undecided, field) != NULL)
		return 0;
	return cJSON_AddStringToObject(undecided, field, why) != NULL ? 0 : ONCO_ENOMEM;
}

/* "HER2 unknown, recorded as unknown"; "prior treatments recorded (2
 * items), not deciding this": what a field the case records holds, named
 * by its last pointer token. */
static void recorded_text(char *out, size_t size, const char *field, const char *value)
{
	const char *slash = strrchr(field, '/');
	char name[64];
	size_t i;

	snprintf(name, sizeof(name), "%s", slash != NULL ? slash + 1 : field);
	for (i = 0; name[i] != '\0'; i++)
		if (name[i] == '_')
			name[i] = ' ';
	if (strcmp(value, "unknown") == 0)
		snprintf(out, size, "%s unknown, recorded as unknown", name);
	else
		snprintf(out, size, "%s recorded (%s), not deciding this", name, value);
}

/* The fields of an unknown finding that rests on no other unknown
 * finding: the `finding-gap` facts of its name, when its rule wrote some;
 * else its definition's fields, each the case records with what it holds
 * (it does not decide the finding). */
static int leaf_fields(onco_engine *engine, const onco_run_facts *run, const char *name,
		       cJSON *fields, cJSON *undecided)
{
	void *env = engine->env;
	const onco_finding_def *def = onco_kb_finding_def(&engine->kb, name);
	char value[128], why[256];
	size_t i, gaps = 0;
	int rc = 0;

	for (i = 0; i < run->n_gaps && rc == 0; i++) {
		const char *finding = onco_fact_text(env, run->gaps[i], "finding");
		const char *field = onco_fact_text(env, run->gaps[i], "field");
		const char *text = onco_fact_text(env, run->gaps[i], "why");

		if (finding == NULL || field == NULL || strcmp(finding, name) != 0)
			continue;
		gaps++;
		rc = add_unique(fields, field);
		if (rc == 0 && text != NULL && text[0] != '\0')
			rc = set_why(undecided, field, text);
	}
	if (gaps > 0 || rc != 0 || def == NULL)
		return rc;
	for (i = 0; i < def->n_fields && rc == 0; i++) {
		rc = add_unique(fields, def->fields[i]);
		if (rc == 0 && onco_case_recorded(run->kase, def->fields[i], value, sizeof(value))) {
			recorded_text(why, sizeof(why), def->fields[i], value);
			rc = set_why(undecided, def->fields[i], why);
		}
	}
	return rc;
}

/* The fields behind an unknown finding, added to `fields`. A finding
 * derived from other findings is unknown because one of them is: report
 * the fields of those (recursively), not the derived finding's own, which
 * may already be recorded. A finding that rests on no unknown finding
 * reports its own (leaf_fields). */
static int collect_fields(onco_engine *engine, const onco_run_facts *run, void *finding,
			  cJSON *fields, cJSON *undecided, int depth)
{
	void *env = engine->env;
	const onco_support_entry *firing;
	size_t i, k, n = onco_support_of(engine, finding, &firing), below = 0;
	int rc = 0;

	for (k = 0; k < n && rc == 0 && depth < 8; k++)
		for (i = 0; i < firing[k].count && rc == 0; i++) {
			void *basis = onco_support_fact(engine, &firing[k], i);
			if (is_unknown_finding(env, basis)) {
				below++;
				rc = collect_fields(engine, run, basis, fields, undecided, depth + 1);
			}
		}
	if (below > 0 || rc != 0)
		return rc;
	return leaf_fields(engine, run, onco_fact_text(env, finding, "name"), fields, undecided);
}

/* onco_unknown_fields traced anew. */
static int trace_fields(onco_engine *engine, const onco_run_facts *run, const char *finding,
			cJSON *fields, cJSON *undecided)
{
	const onco_named_finding *named;
	size_t j, n = onco_run_findings_named(run, finding, &named), found = 0;
	int rc = 0;

	for (j = 0; j < n && rc == 0; j++)
		if (named[j].values == 1u << 2) { /* unknown */
			found++;
			rc = collect_fields(engine, run, named[j].fact, fields, undecided, 0);
		}
	if (found > 0 || rc != 0)
		return rc;
	/* Not valued unknown in this run (a pending mark's finding may have no
	 * fact at all): the fields of its definition. */
	return leaf_fields(engine, run, finding, fields, undecided);
}

/* The fields of the unknown findings already traced for a run, kept
 * (engine->fields_memo) so that a finding that several options wait for,
 * in the missing information and in the possible options' `if`, is traced
 * once: each field with what the case holds when it decides nothing (NULL
 * otherwise), as the trace added them. Emptied by each walk of working
 * memory (onco_fields_memo_clear), before anything it names can go. */
typedef struct memo_field {
	const char *field, *why;
} memo_field;

typedef struct memo_finding {
	const char *name; /* the caller's string: lives as long as the run */
	memo_field *fields; /* one block with the strings */
	size_t n;
} memo_finding;

struct onco_fields_memo {
	const onco_run_facts *run;
	memo_finding *findings;
	size_t n, cap;
};

void onco_fields_memo_clear(onco_engine *engine)
{
	onco_fields_memo *memo = engine->fields_memo;
	size_t i;

	for (i = 0; memo != NULL && i < memo->n; i++)
		free(memo->findings[i].fields);
	if (memo != NULL) {
		memo->n = 0;
		memo->run = NULL;
	}
}

void onco_fields_memo_free(onco_engine *engine)
{
	onco_fields_memo_clear(engine);
	if (engine->fields_memo != NULL)
		free(engine->fields_memo->findings);
	free(engine->fields_memo);
	engine->fields_memo = NULL;
}

/* Traces `finding` into `out`. 0 or ONCO_ENOMEM. */
static int memo_trace(onco_engine *engine, const onco_run_facts *run, const char *finding,
		      memo_finding *out)
{
	cJSON *fields = cJSON_CreateArray(), *undecided = cJSON_CreateObject(), *f;
	size_t size = 0;
	char *text;
	int rc = fields == NULL || undecided == NULL
			 ? ONCO_ENOMEM
			 : trace_fields(engine, run, finding, fields, undecided);

	out->name = finding;
	out->n = 0;
	out->fields = NULL;
	cJSON_ArrayForEach(f, fields) {
		const char *why = why_of(undecided, f->valuestring);

		size += sizeof(*out->fields) + strlen(f->valuestring) + 1 +
			(why != NULL ? strlen(why) + 1 : 0);
	}
	if (rc == 0 && (out->fields = malloc(size ? size : 1)) == NULL)
		rc = ONCO_ENOMEM;
	text = rc == 0 ? (char *)(out->fields + cJSON_GetArraySize(fields)) : NULL;
	cJSON_ArrayForEach(f, fields) {
		const char *why = why_of(undecided, f->valuestring);
		memo_field *m;

		if (rc != 0)
			break;
		m = &out->fields[out->n++];
		m->field = strcpy(text, f->valuestring);
		text += strlen(text) + 1;
		m->why = why != NULL ? strcpy(text, why) : NULL;
		text += why != NULL ? strlen(text) + 1 : 0;
	}
	cJSON_Delete(fields);
	cJSON_Delete(undecided);
	return rc;
}

/* The memo entry of `finding` for `run`, traced when first asked; NULL
 * when memory runs out (*rc says so). */
static const memo_finding *memo_of(onco_engine *engine, const onco_run_facts *run,
				   const char *finding, int *rc)
{
	onco_fields_memo *memo = engine->fields_memo;
	size_t i;

	*rc = 0;
	if (memo == NULL && (memo = engine->fields_memo = calloc(1, sizeof(*memo))) == NULL) {
		*rc = ONCO_ENOMEM;
		return NULL;
	}
	if (memo->run != run) {
		onco_fields_memo_clear(engine);
		memo->run = run;
	}
	for (i = 0; i < memo->n; i++)
		if (strcmp(memo->findings[i].name, finding) == 0)
			return &memo->findings[i];
	*rc = onco_grow((void **)&memo->findings, &memo->cap, memo->n + 1, sizeof(*memo->findings));
	if (*rc == 0)
		*rc = memo_trace(engine, run, finding, &memo->findings[memo->n]);
	if (*rc != 0)
		return NULL;
	return &memo->findings[memo->n++];
}

int onco_unknown_fields(onco_engine *engine, const onco_run_facts *run, const char *finding,
			cJSON *fields, cJSON *undecided)
{
	int rc;
	const memo_finding *m = memo_of(engine, run, finding, &rc);
	size_t i;

	for (i = 0; m != NULL && i < m->n && rc == 0; i++) {
		rc = add_unique(fields, m->fields[i].field);
		if (rc == 0 && m->fields[i].why != NULL)
			rc = set_why(undecided, m->fields[i].field, m->fields[i].why);
	}
	return rc;
}

/* Rules, in definition order. */
typedef struct rule_list {
	const onco_rule_info **rules;
	size_t n;
} rule_list;

/* The state of condition `k` of `rule`, a rule the run leaves blocked. */
static onco_condition_state state(const onco_engine *engine, const onco_run_facts *run,
				  const onco_rule_info *rule, size_t k)
{
	return onco_run_rule_condition(engine, run, (size_t)(rule - engine->kb.rules), k);
}

/* Whether `c` is among the conditions of `rule` that the run leaves
 * unknown (same finding, same values accepted, same polarity). */
static int has_unknown_condition(onco_engine *engine, const onco_run_facts *run,
				 const onco_rule_info *rule, const onco_condition *c)
{
	size_t i;

	for (i = 0; i < rule->n_conditions; i++) {
		const onco_condition *d = &rule->conditions[i];

		if (d->name != NULL && c->name != NULL && strcmp(d->name, c->name) == 0 &&
		    d->negated == c->negated && memcmp(d->accepts, c->accepts, sizeof(d->accepts)) == 0 &&
		    state(engine, run, rule, i) == ONCO_COND_UNKNOWN)
			return 1;
	}
	return 0;
}

/* Whether another rule concluding the same option waits for fewer of the
 * same unknown conditions: it would conclude the option whenever `rule`
 * would, so the fields only `rule` waits for decide nothing (ovarian
 * ablation on an unknown receptor status does not need ER and PR, which
 * its receptor-positive rule waits for). */
static int implied_by_shorter_route(onco_engine *engine, const onco_run_facts *run,
				    const rule_list *blocked, const onco_rule_info *rule)
{
	size_t i, k, mine = 0;

	for (k = 0; k < rule->n_conditions; k++)
		mine += state(engine, run, rule, k) == ONCO_COND_UNKNOWN;
	/* Such a rule is blocked as `rule` is: the option is neither concluded
	 * nor ruled out, and it waits for unknown findings alone. */
	for (i = 0; i < blocked->n; i++) {
		const onco_rule_info *other = blocked->rules[i];
		size_t theirs = 0, shared = 0;

		if (other == rule || strcmp(other->concludes, rule->concludes) != 0)
			continue;
		for (k = 0; k < other->n_conditions; k++)
			if (state(engine, run, other, k) == ONCO_COND_UNKNOWN) {
				theirs++;
				shared += has_unknown_condition(engine, run, rule, &other->conditions[k]);
			}
		if (theirs < mine && shared == theirs)
			return 1;
	}
	return 0;
}

/* For a recommendation rule of `blocked` (see onco_missing_json): the
 * unknown findings that alone block it. */
static int rule_missing(onco_engine *engine, const onco_run_facts *run,
			const rule_list *blocked, const onco_rule_info *rule, cJSON *by_field)
{
	const char *needed_for = rule->summary != NULL ? rule->summary : rule->concludes;
	cJSON *fields, *undecided, *f;
	size_t i;
	int rc = 0;

	if (implied_by_shorter_route(engine, run, blocked, rule))
		return 0;
	fields = cJSON_CreateArray();
	undecided = cJSON_CreateObject();
	if (fields == NULL || undecided == NULL)
		rc = ONCO_ENOMEM;
	for (i = 0; i < rule->n_conditions && rc == 0; i++) {
		const onco_condition *c = &rule->conditions[i];

		if (state(engine, run, rule, i) == ONCO_COND_UNKNOWN)
			rc = onco_unknown_fields(engine, run, c->name, fields, undecided);
	}
	cJSON_ArrayForEach(f, fields)
		if (rc == 0)
			rc = note_missing(by_field, f->valuestring, needed_for, rule->concludes,
					  why_of(undecided, f->valuestring));
	cJSON_Delete(fields);
	cJSON_Delete(undecided);
	return rc;
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp((*(cJSON *const *)a)->valuestring, (*(cJSON *const *)b)->valuestring);
}

/* Most consequential first: by the weight of what a field decides (see
 * option_weight), then by field. The weight is kept in "_weight" while the
 * list is sorted. */
static int compare_fields(const void *a, const void *b)
{
	const cJSON *x = *(cJSON *const *)a, *y = *(cJSON *const *)b;
	double wx = cJSON_GetObjectItemCaseSensitive(x, "_weight")->valuedouble;
	double wy = cJSON_GetObjectItemCaseSensitive(y, "_weight")->valuedouble;

	if (wx != wy)
		return wx > wy ? -1 : 1;
	return strcmp(cJSON_GetObjectItemCaseSensitive(x, "field")->valuestring,
		      cJSON_GetObjectItemCaseSensitive(y, "field")->valuestring);
}

/* What deciding an option weighs: 4 for a curative-intent or preferred
 * option, 1 for care that does not treat the cancer, 2 for the rest, as
 * its rule declares it. */
static int rule_weight(const onco_rule_info *r)
{
	const char *intent, *preferred, *directed;

	intent = onco_rule_decl_text(r, "intent");
	preferred = onco_rule_decl_text(r, "preferred");
	directed = onco_rule_decl_text(r, "cancer-directed");
	if ((intent != NULL && strcmp(intent, "curative") == 0) ||
	    (preferred != NULL && strcmp(preferred, "TRUE") == 0))
		return 4;
	return directed != NULL && strcmp(directed, "FALSE") == 0 ? 1 : 2;
}

/* A rule's weight depends on its declarations alone: worked out once per
 * engine and rule (engine->option_weights, made on first use; 0 until a
 * rule's is known), not from its declarations by name for every field
 * that decides its option. */
static int option_weight(onco_engine *engine, const char *id)
{
	const onco_rule_info *r = onco_option_rule(engine, id);
	size_t i;

	if (r == NULL)
		return 2;
	if (engine->option_weights == NULL)
		engine->option_weights = calloc(engine->kb.n_rules, 1);
	if (engine->option_weights == NULL)
		return rule_weight(r);
	i = (size_t)(r - engine->kb.rules);
	if (engine->option_weights[i] == 0)
		engine->option_weights[i] = (unsigned char)rule_weight(r);
	return engine->option_weights[i];
}

/* The weight of a missing field: the sum over the options it decides; a
 * fact a rule asks for itself (no option named: it decides which guidance
 * applies, or a safety check) weighs 3; a fact that decides whether any
 * guideline covers the case ("_scope", a `missing` fact with
 * decides-scope TRUE) comes before everything. */
static double field_weight(onco_engine *engine, const cJSON *entry)
{
	const cJSON *options = cJSON_GetObjectItemCaseSensitive(entry, "options"), *o;
	int weight = 0;

	if (cJSON_GetObjectItemCaseSensitive(entry, "_scope") != NULL)
		return 1000;
	cJSON_ArrayForEach(o, options)
		weight += option_weight(engine, o->valuestring);
	return cJSON_GetArraySize(options) > 0 ? weight : 3;
}

/* Turns the object keyed by field into the output list, most
 * consequential first; needed_for becomes one sentence. */
static cJSON *finish(onco_engine *engine, cJSON *by_field)
{
	cJSON *list = cJSON_CreateArray(), *entry;
	int rc = list == NULL ? ONCO_ENOMEM : 0;

	while (rc == 0 && (entry = by_field->child) != NULL) {
		cJSON *needed, *item, *sentence;
		size_t len = 1;
		char *text;

		cJSON_DetachItemViaPointer(by_field, entry);
		if (!cJSON_AddItemToArray(list, entry)) {
			cJSON_Delete(entry);
			rc = ONCO_ENOMEM;
			break;
		}
		needed = cJSON_GetObjectItemCaseSensitive(entry, "needed_for");
		rc = onco_json_sort(needed, compare_strings);
		if (rc == 0)
			rc = onco_json_sort(cJSON_GetObjectItemCaseSensitive(entry, "options"),
					compare_strings);
		if (rc == 0 && !cJSON_AddNumberToObject(entry, "_weight",
							field_weight(engine, entry)))
			rc = ONCO_ENOMEM;
		if (rc != 0)
			break;
		cJSON_ArrayForEach(item, needed)
			len += strlen(item->valuestring) + 2;
		text = calloc(1, len);
		if (text == NULL) {
			rc = ONCO_ENOMEM;
			break;
		}
		cJSON_ArrayForEach(item, needed) {
			if (text[0] != '\0')
				strcat(text, "; ");
			strcat(text, item->valuestring);
		}
		sentence = cJSON_CreateString(text);
		free(text);
		if (sentence == NULL) {
			rc = ONCO_ENOMEM;
			break;
		}
		/* The sentence takes the list's place and its key: nothing to
		 * allocate. (cJSON_ReplaceItemInObject copies the key and, when
		 * that fails, still reports success with a key-less member, which
		 * the lookups below would then trip on.) */
		sentence->string = needed->string;
		needed->string = NULL;
		cJSON_ReplaceItemViaPointer(entry, needed, sentence);
	}
	if (rc == 0)
		rc = onco_json_sort(list, compare_fields);
	if (rc != 0) {
		cJSON_Delete(list);
		return NULL;
	}
	cJSON_ArrayForEach(entry, list) {
		cJSON_DeleteItemFromObjectCaseSensitive(entry, "_weight");
		cJSON_DeleteItemFromObjectCaseSensitive(entry, "_scope");
	}
	return list;
}

cJSON *onco_missing_json(onco_engine *engine, onco_run_facts *run)
{
	cJSON *by_field = cJSON_CreateObject(), *list;
	rule_list blocked = {NULL, 0};
	size_t i;
	int rc = by_field == NULL ? ONCO_ENOMEM : onco_run_blocked_rules(engine, run);

	if (rc == 0 && run->n_blocked > 0) {
		blocked.rules = malloc(run->n_blocked * sizeof(*blocked.rules));
		rc = blocked.rules == NULL ? ONCO_ENOMEM : 0;
	}

	for (i = 0; i < run->n_conclusions[ONCO_C_MISSING] && rc == 0; i++) {
		void *fact = run->conclusions[ONCO_C_MISSING][i];
		const char *field = onco_fact_text(engine->env, fact, "field");
		const char *scope = onco_fact_text(engine->env, fact, "decides-scope");
		char value[128], why[256];
		cJSON *entry;
		int recorded;

		if (field == NULL || onco_run_rests_on_held(engine, run, fact))
			continue;
		recorded = onco_case_recorded(run->kase, field, value, sizeof(value));
		if (recorded)
			recorded_text(why, sizeof(why), field, value);
		rc = note_missing(by_field, field,
				  onco_fact_text(engine->env, fact, "needed-for"), NULL,
				  recorded ? why : NULL);
		/* A fact that decides whether any guideline applies: first. */
		entry = rc == 0 ? entry_for(by_field, field) : NULL;
		if (entry != NULL && scope != NULL && strcmp(scope, "TRUE") == 0 &&
		    cJSON_GetObjectItemCaseSensitive(entry, "_scope") == NULL &&
		    !cJSON_AddTrueToObject(entry, "_scope"))
			rc = ONCO_ENOMEM;
	}
	for (i = 0; i < run->n_conclusions[ONCO_C_PENDING] && rc == 0; i++)
		rc = pending_missing(engine, run, run->conclusions[ONCO_C_PENDING][i], by_field);
	/* The recommendation rules blocked only by unknown findings, whose
	 * option no rule concluded and no exclusion rules out. */
	for (i = 0; i < run->n_blocked && rc >= 0; i++) {
		const onco_rule_info *rule = &engine->kb.rules[run->blocked[i].rule];

		rc = excluded(engine, run, rule->concludes)
			     ? 1
			     : onco_run_is_concluded(engine, run, rule->concludes);
		if (rc == 0)
			blocked.rules[blocked.n++] = rule;
	}
	rc = rc < 0 ? rc : 0;
	for (i = 0; i < blocked.n && rc == 0; i++)
		rc = rule_missing(engine, run, &blocked, blocked.rules[i], by_field);
	list = rc == 0 ? finish(engine, by_field) : NULL;
	free(blocked.rules);
	cJSON_Delete(by_field);
	return list;
}
