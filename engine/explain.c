/*
 * explain.c: onco_engine_explain, the derivation of a case's conclusions
 * and the answer to "why not OPTION" (`oncorules explain`). Both judge a
 * concluding rule's conditions against the finished run with the engine's
 * own rule-info and condition evaluation: met, not met, or unknown (the
 * finding needed is valued unknown in this case), each with the facts of
 * the case and their JSON pointers.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "fact_read.h"
#include "private/collect.h"
#include "private/json_out.h"

#define MAX_DEPTH 8

static const char *const state_names[] = {"met", "not met", "unknown", "not judged"};

/* One explanation being built. `rc` turns ONCO_ENOMEM at the first
 * allocation that fails; builders go on without effect and the caller
 * throws the document away. cJSON calls are also covered by the failure
 * count (onco_json_finish), so a missed check cannot leave a hole. */
typedef struct explainer {
	onco_engine *engine;
	const onco_run_facts *run;
	int rc;
} explainer;

static void add_string(explainer *x, cJSON *o, const char *key, const char *s)
{
	if (x->rc == 0 && !cJSON_AddStringToObject(o, key, s != NULL ? s : ""))
		x->rc = ONCO_ENOMEM;
}

static void append(explainer *x, cJSON *array, cJSON *item)
{
	if (x->rc != 0)
		cJSON_Delete(item);
	else
		x->rc = onco_json_append(array, item);
}

static void add_item(explainer *x, cJSON *o, const char *key, cJSON *item)
{
	if (x->rc == 0 && item != NULL && cJSON_AddItemToObject(o, key, item))
		return;
	cJSON_Delete(item);
	x->rc = ONCO_ENOMEM;
}

static const char *rule_guideline(const onco_rule_info *r);

/* The case facts under `fact` (followed through findings), as
 * {"statement", "pointer"} items of `out`. */
static void add_support(explainer *x, void *fact, cJSON *out, int depth)
{
	void *env = x->engine->env;
	const char *pointer = onco_fact_text(env, fact, "pointer");
	size_t i, n;

	if (x->rc != 0)
		return;
	if (pointer != NULL) {
		char *statement = onco_case_fact_statement(env, fact);
		cJSON *item = cJSON_CreateObject();

		if (statement == NULL || item == NULL)
			x->rc = ONCO_ENOMEM;
		add_string(x, item, "statement", statement);
		add_string(x, item, "pointer", pointer[0] ? pointer : "/");
		append(x, out, item);
		free(statement);
		return;
	}
	if (depth >= MAX_DEPTH)
		return;
	if (strcmp(onco_fact_template(env, fact), "finding") == 0) {
		const onco_support_entry *firing;
		size_t k, m = onco_support_of(x->engine, fact, &firing);

		for (k = 0; k < m; k++)
			for (i = 0; i < firing[k].count; i++)
				add_support(x, onco_support_fact(x->engine, &firing[k], i), out,
					    depth + 1);
		return;
	}
	n = onco_fact_multi_count(env, fact, "basis");
	for (i = 0; i < n; i++) {
		int type;
		void *value;

		if (onco_fact_multi(env, fact, "basis", i, &type, &value) && type == FACT_ADDRESS)
			add_support(x, value, out, depth + 1);
	}
}

static cJSON *strings(explainer *x, char *const *items, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	size_t i;

	if (a == NULL)
		x->rc = ONCO_ENOMEM;
	for (i = 0; a != NULL && i < n; i++)
		append(x, a, cJSON_CreateString(items[i]));
	return a;
}

/* One value of a finding as derived by one firing: value, rule, support
 * (`firing` NULL: none was recorded; the fact's own rule, if it has one). */
static void add_finding_value(explainer *x, void *f, const onco_support_entry *firing,
			      cJSON *values)
{
	void *env = x->engine->env;
	const char *rule = firing != NULL ? firing->rule->name : onco_fact_text(env, f, "rule");
	cJSON *v = cJSON_CreateObject(), *because;
	size_t i;

	if (v == NULL)
		x->rc = ONCO_ENOMEM;
	add_string(x, v, "value", onco_fact_text(env, f, "value"));
	add_string(x, v, "rule", rule != NULL ? rule : "");
	because = x->rc == 0 ? cJSON_AddArrayToObject(v, "because") : NULL;
	if (because == NULL)
		x->rc = ONCO_ENOMEM;
	for (i = 0; firing != NULL && i < firing->count; i++)
		add_support(x, onco_support_fact(x->engine, firing, i), because, 1);
	append(x, values, v);
}

/* The finding facts of `name` in the run: each value with every firing
 * that derived it (its rule and support). */
static cJSON *finding_values(explainer *x, const char *name)
{
	void *env = x->engine->env;
	cJSON *values = cJSON_CreateArray();
	size_t i, k, n;

	if (values == NULL)
		x->rc = ONCO_ENOMEM;
	for (i = 0; x->rc == 0 && i < x->run->n_findings; i++) {
		void *f = x->run->findings[i];
		const onco_support_entry *firing;

		if (strcmp(onco_fact_text(env, f, "name"), name) != 0)
			continue;
		n = onco_support_of(x->engine, f, &firing);
		if (n == 0)
			add_finding_value(x, f, NULL, values);
		for (k = 0; k < n && x->rc == 0; k++)
			add_finding_value(x, f, &firing[k], values);
	}
	return values;
}

/* The state of condition `c` in the run: judged by the engine's own
 * evaluation, but for the scope pattern of a shared rule, (scope
 * (guideline ?g)), which holds when any guideline covers the case. */
static onco_condition_state run_state(explainer *x, const onco_condition *c)
{
	if (c->kind == ONCO_COND_SCOPE && c->name != NULL && c->name[0] == '?')
		return (x->run->n_scopes > 0) != c->negated ? ONCO_COND_MET : ONCO_COND_NOT_MET;
	return onco_condition_eval(x->engine, x->run, c);
}

/* A condition of a rule, judged against the firing that made the
 * conclusion explained (`firing`), or against the run (`firing` NULL: the
 * rule did not fire, or a "why not" that names no firing). A firing held
 * every condition: each is met, and a pattern shows the fact it matched
 * (its pointer, for a case fact) and the variables it bound. */
static cJSON *condition_json(explainer *x, const onco_condition *c, onco_firing *firing)
{
	onco_engine *engine = x->engine;
	cJSON *o = cJSON_CreateObject(), *needs, *bound = cJSON_CreateObject();
	onco_condition_state state = firing != NULL ? ONCO_COND_MET : run_state(x, c);
	const onco_finding_def *def;
	const onco_guideline *g;
	const char *name = c->name, *pointer = NULL;
	void *matched = NULL;
	int v;

	if (o == NULL || bound == NULL) {
		cJSON_Delete(o);
		cJSON_Delete(bound);
		x->rc = ONCO_ENOMEM;
		return NULL;
	}
	if (firing != NULL && x->rc == 0)
		x->rc = onco_firing_match(firing, c, &matched, bound);
	if (matched != NULL) {
		pointer = onco_fact_text(engine->env, matched, "pointer");
		if (c->kind == ONCO_COND_SCOPE)
			name = onco_fact_text(engine->env, matched, "guideline");
	}
	add_string(x, o, "condition", c->text);
	add_string(x, o, "state", state_names[state]);
	if (x->rc == 0 && !cJSON_AddBoolToObject(o, "negated", c->negated))
		x->rc = ONCO_ENOMEM;
	if (pointer != NULL)
		add_string(x, o, "pointer", pointer[0] ? pointer : "/");
	if (cJSON_GetArraySize(bound) > 0)
		add_item(x, o, "bound", bound);
	else
		cJSON_Delete(bound);
	if (c->kind == ONCO_COND_SCOPE && name != NULL) {
		g = onco_kb_guideline(&engine->kb, name);
		add_string(x, o, "kind", "scope");
		add_string(x, o, "name", name);
		add_string(x, o, "statement", g != NULL ? g->title : name);
	} else if (c->kind == ONCO_COND_FINDING && c->name != NULL) {
		def = onco_kb_finding_def(&engine->kb, c->name);
		add_string(x, o, "kind", "finding");
		add_string(x, o, "name", c->name);
		add_string(x, o, "statement", def != NULL ? def->text : c->name);
		needs = x->rc == 0 ? cJSON_AddArrayToObject(o, "needs") : NULL;
		if (needs == NULL)
			x->rc = ONCO_ENOMEM;
		for (v = 0; v < 3; v++)
			if (c->accepts[v])
				append(x, needs, cJSON_CreateString(onco_finding_values[v]));
		add_item(x, o, "values", finding_values(x, c->name));
		add_item(x, o, "fields", def != NULL ? strings(x, def->fields, def->n_fields)
						     : cJSON_CreateArray());
	} else {
		add_string(x, o, "kind", "other");
	}
	return o;
}

/* {"source", "title", "ref", "quote"}: citation `id`, or the id as the
 * quote when the rule base has no such citation. */
static void add_evidence(explainer *x, cJSON *cites, const char *id)
{
	const onco_citation *c = onco_kb_citation(&x->engine->kb, id);
	const onco_guideline *g = c != NULL ? onco_kb_guideline_of_source(&x->engine->kb, c->source)
					    : NULL;
	cJSON *e = cJSON_CreateObject();

	if (e == NULL)
		x->rc = ONCO_ENOMEM;
	add_string(x, e, "source", c != NULL ? c->source : "");
	/* The document's title, where a guideline names it as its source. */
	if (x->rc == 0 && !(g != NULL ? cJSON_AddStringToObject(e, "title", g->title)
				      : cJSON_AddNullToObject(e, "title")))
		x->rc = ONCO_ENOMEM;
	add_string(x, e, "ref", c != NULL ? c->label : "");
	add_string(x, e, "quote", c != NULL ? c->quote : id);
	append(x, cites, e);
}

static int is_variable(const char *s)
{
	return s != NULL && (s[0] == '?' || s[0] == '$');
}

/* The rule's value of `slot` as written, or, where it is a variable (or a
 * computed id) and a firing is explained, the value the fact it asserted
 * holds. */
static const char *concluded(explainer *x, void *fact, const char *slot, const char *written)
{
	if (fact != NULL && (written == NULL || is_variable(written)))
		return onco_fact_text(x->engine->env, fact, slot);
	return written;
}

/* The rule's agents, or those of the fact asserted when the rule names
 * them by a variable. */
static cJSON *agents_json(explainer *x, const onco_rule_info *r, void *fact)
{
	void *env = x->engine->env;
	const char *slot = r->kind == ONCO_RULE_WARNING ? "agent" : "agents";
	cJSON *a;
	size_t i, n;
	int computed = 0;

	for (i = 0; i < r->n_agents; i++)
		computed |= is_variable(r->agents[i]);
	if (fact == NULL || !computed)
		return strings(x, r->agents, r->n_agents);
	if ((a = cJSON_CreateArray()) == NULL)
		x->rc = ONCO_ENOMEM;
	n = onco_fact_multi_count(env, fact, slot);
	for (i = 0; a != NULL && i < (n > 0 ? n : 1); i++) {
		int type;
		void *value;
		char text[256];

		if (n > 0 && onco_fact_multi(env, fact, slot, i, &type, &value))
			onco_value_text(type, value, text, sizeof(text));
		else if (n == 0 && onco_fact_text(env, fact, slot) != NULL)
			snprintf(text, sizeof(text), "%s", onco_fact_text(env, fact, slot));
		else
			continue;
		append(x, a, cJSON_CreateString(text));
	}
	return a;
}

/* Rule `index` of the rule base, its conditions and evidence. `fact`: a
 * fact its firing asserted, explained through that firing (its basis, the
 * values it bound, its own citations), or NULL: the rule judged against
 * the run. */
static cJSON *rule_json(explainer *x, size_t index, void *fact)
{
	onco_engine *engine = x->engine;
	const onco_rule_info *r = &engine->kb.rules[index];
	cJSON *o = cJSON_CreateObject(), *conds = NULL, *cites = NULL;
	onco_firing *firing = NULL;
	const char *text;
	size_t i, n;

	if (o == NULL || (fact != NULL && onco_firing_open(&firing, engine, fact) != 0)) {
		cJSON_Delete(o);
		x->rc = ONCO_ENOMEM;
		return NULL;
	}
	add_string(x, o, "rule", r->name);
	add_string(x, o, "file", r->file);
	if (x->rc == 0 && !cJSON_AddNumberToObject(o, "line", (double)r->line))
		x->rc = ONCO_ENOMEM;
	add_string(x, o, "comment", r->comment);
	add_string(x, o, "kind", onco_rule_kind_name(r->kind));
	add_string(x, o, "concludes", concluded(x, fact, "id", r->concludes));
	if (rule_guideline(r) != NULL)
		add_string(x, o, "guideline", rule_guideline(r));
	if ((text = concluded(x, fact, "modality", r->modality)) != NULL)
		add_string(x, o, "modality", text);
	if ((text = concluded(x, fact, "procedure", r->procedure)) != NULL)
		add_string(x, o, "procedure", text);
	add_item(x, o, "agents", agents_json(x, r, fact));
	if (x->rc == 0 && !cJSON_AddBoolToObject(o, "fired", engine->firings[index] > 0))
		x->rc = ONCO_ENOMEM;
	if (x->rc == 0 && (conds = cJSON_AddArrayToObject(o, "conditions")) == NULL)
		x->rc = ONCO_ENOMEM;
	for (i = 0; x->rc == 0 && i < r->n_conditions; i++)
		append(x, conds, condition_json(x, &r->conditions[i], firing));
	if (x->rc == 0 && (cites = cJSON_AddArrayToObject(o, "evidence")) == NULL)
		x->rc = ONCO_ENOMEM;
	/* A firing's own citations: a gate cites what its gate-cite row for
	 * the guideline in scope gives ($?c), which the rule's text does not
	 * say. */
	n = fact != NULL ? onco_fact_multi_count(engine->env, fact, "cite") : 0;
	for (i = 0; x->rc == 0 && i < n; i++) {
		int type;
		void *value;
		char id[256];

		if (onco_fact_multi(engine->env, fact, "cite", i, &type, &value)) {
			onco_value_text(type, value, id, sizeof(id));
			add_evidence(x, cites, id);
		}
	}
	for (i = 0; x->rc == 0 && fact == NULL && i < r->n_cites; i++)
		add_evidence(x, cites, r->cites[i]);
	onco_firing_free(firing);
	return o;
}

/* "Pelvic Exenteration", "pelvic_exenteration" -> "pelvic-exenteration". */
static void normalise(char *out, size_t size, const char *s)
{
	size_t n = 0;

	for (; s != NULL && *s != '\0' && n + 1 < size; s++) {
		char ch = (*s == ' ' || *s == '_' || *s == '-') ? '-'
							       : (char)tolower((unsigned char)*s);

		if (ch == '-' && (n == 0 || out[n - 1] == '-'))
			continue;
		out[n++] = ch;
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
}

static int same(const char *query, const char *s)
{
	char a[256];

	normalise(a, sizeof(a), s);
	return s != NULL && strcmp(a, query) == 0;
}

/* Does the rule conclude what was asked? Any rule by its name; a
 * recommendation by its id, modality, procedure or one of its agents or
 * choices (the option); an exclusion, warning or note by its id (a gate's computed id
 * by its pattern, "*-excluded-declines-active-treatment"). */
static int rule_matches(const onco_rule_info *r, const char *query)
{
	size_t i;

	if (same(query, r->name))
		return 1;
	if (r->kind == ONCO_RULE_RECOMMENDATION) {
		const onco_decl *choices = onco_rule_decl(r, "choices");

		if (same(query, r->modality) || same(query, r->procedure))
			return 1;
		for (i = 0; i < r->n_agents; i++)
			if (same(query, r->agents[i]))
				return 1;
		/* a menu: "why not letrozole" finds the aromatase-inhibitor menu */
		for (i = 0; choices != NULL && i < choices->n_values; i++)
			if (same(query, choices->values[i].text))
				return 1;
	}
	switch (r->kind) {
	case ONCO_RULE_RECOMMENDATION:
	case ONCO_RULE_EXCLUSION:
	case ONCO_RULE_WARNING:
	case ONCO_RULE_NOTE:
		return same(query, r->concludes) ||
		       (r->id_pattern != NULL && fnmatch(r->id_pattern, query, 0) == 0);
	default:
		return 0;
	}
}

/* The guideline a rule belongs to (its first scope condition), NULL for a
 * shared rule, one that tests no scope (findings, gates, drug safety). */
static const char *rule_guideline(const onco_rule_info *r)
{
	size_t i;

	for (i = 0; i < r->n_conditions; i++)
		if (r->conditions[i].kind == ONCO_COND_SCOPE && !r->conditions[i].negated &&
		    onco_condition_names_guideline(&r->conditions[i]))
			return r->conditions[i].name;
	return NULL;
}

/* An exclusion fact against the option: it rules out a matching rule's
 * recommendation, or names the option asked about itself. */
static int exclusion_matches(onco_engine *engine, void *fact, const char *query,
			     const cJSON *rules)
{
	void *env = engine->env;
	const cJSON *r;
	size_t i, n = onco_fact_multi_count(env, fact, "agents");

	const char *option = onco_fact_text(env, fact, "option");

	cJSON_ArrayForEach(r, rules) {
		const char *kind = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "kind"));
		const char *concludes =
			cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "concludes"));
		if (option != NULL && kind != NULL && strcmp(kind, "recommendation") == 0 &&
		    concludes != NULL && strcmp(option, concludes) == 0)
			return 1;
	}
	if (same(query, onco_fact_text(env, fact, "option")) ||
	    same(query, onco_fact_text(env, fact, "procedure")) ||
	    same(query, onco_fact_text(env, fact, "modality")))
		return 1;
	for (i = 0; i < n; i++) {
		int type;
		void *value;
		char text[256];

		if (onco_fact_multi(env, fact, "agents", i, &type, &value)) {
			onco_value_text(type, value, text, sizeof(text));
			if (same(query, text))
				return 1;
		}
	}
	return 0;
}

static cJSON *conclusion_json(explainer *x, void *fact, const char *kind)
{
	void *env = x->engine->env;
	cJSON *o = cJSON_CreateObject();
	static const char *const said[] = {"summary", "reason", "text"};
	size_t i;

	if (o == NULL) {
		x->rc = ONCO_ENOMEM;
		return NULL;
	}
	add_string(x, o, "kind", kind);
	add_string(x, o, "id", onco_fact_text(env, fact, "id"));
	if (strcmp(kind, "exclusion") == 0)
		add_string(x, o, "option", onco_fact_text(env, fact, "option"));
	for (i = 0; i < 3; i++)
		if (onco_fact_text(env, fact, said[i]) != NULL)
			add_string(x, o, "text", onco_fact_text(env, fact, said[i]));
	return o;
}

/* The conclusions explained, and the kind each is shown as. */
static const struct {
	int kind;
	const char *name;
} explained[] = {{ONCO_C_RECOMMENDATION, "recommendation"},
		 {ONCO_C_POSSIBLE, "possible"},
		 {ONCO_C_WARNING, "warning"},
		 {ONCO_C_EXCLUSION, "exclusion"},
		 {ONCO_C_NOTE, "note"}};

/* Whether string member `key` of `o` is `value`. */
static int member_is(const cJSON *o, const char *key, const char *value)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));

	return s != NULL && value != NULL && strcmp(s, value) == 0;
}

static int listed(const cJSON *list, const char *kind, const char *id, const char *rule)
{
	const cJSON *o;

	cJSON_ArrayForEach(o, list)
		if (member_is(o, "kind", kind) && member_is(o, "id", id) &&
		    member_is(o, "rule", rule))
			return 1;
	return 0;
}

/* Every conclusion of the run with its rule judged condition by condition. */
static cJSON *derivations(explainer *x)
{
	onco_engine *engine = x->engine;
	cJSON *list = cJSON_CreateArray();
	size_t i, e;

	if (list == NULL)
		x->rc = ONCO_ENOMEM;
	for (e = 0; e < sizeof(explained) / sizeof(explained[0]) && x->rc == 0; e++)
		for (i = 0; i < x->run->n_conclusions[explained[e].kind] && x->rc == 0; i++) {
			void *fact = x->run->conclusions[explained[e].kind][i];
			const char *rule = onco_fact_text(engine->env, fact, "rule");
			int index = onco_kb_rule_index(&engine->kb, rule);
			cJSON *o;

			/* a rule that fired once per supporting fact: one entry */
			if (listed(list, explained[e].name, onco_fact_text(engine->env, fact, "id"), rule))
				continue;
			o = conclusion_json(x, fact, explained[e].name);
			add_string(x, o, "rule", rule);
			/* a possible option names the rule it waits on, which did
			 * not fire: judged against the run */
			if (index >= 0)
				add_item(x, o, "derivation",
					 rule_json(x, (size_t)index,
						   explained[e].kind != ONCO_C_POSSIBLE ? fact : NULL));
			append(x, list, o);
		}
	return list;
}

/* {"kind", "option", "rule", "text"?, "fields"?}: a gate's mark on an
 * option (pending, history, lead, or a warning about the option). */
static cJSON *mark_json(explainer *x, void *fact, const char *kind)
{
	onco_engine *engine = x->engine;
	void *env = engine->env;
	cJSON *o = cJSON_CreateObject();
	const char *finding = onco_fact_text(env, fact, "finding");
	const onco_finding_def *def = finding != NULL ? onco_kb_finding_def(&engine->kb, finding)
						      : NULL;
	static const char *const said[] = {"text", "reason", "status"};
	size_t i;

	if (o == NULL) {
		x->rc = ONCO_ENOMEM;
		return NULL;
	}
	add_string(x, o, "kind", kind);
	add_string(x, o, "option", onco_fact_text(env, fact, "option"));
	add_string(x, o, "rule", onco_fact_text(env, fact, "rule"));
	for (i = 0; i < 3; i++)
		if (onco_fact_text(env, fact, said[i]) != NULL) {
			add_string(x, o, "text", onco_fact_text(env, fact, said[i]));
			break;
		}
	if (def != NULL) {
		add_string(x, o, "text", def->text);
		add_item(x, o, "fields", strings(x, def->fields, def->n_fields));
	}
	return o;
}

/* The marks gates put on the options the matched rules conclude. */
static void add_marks(explainer *x, cJSON *doc)
{
	static const struct {
		int kind;
		const char *name;
	} kinds[] = {{ONCO_C_PENDING, "pending"}, {ONCO_C_HISTORY, "history"},
		     {ONCO_C_LEAD, "lead"}, {ONCO_C_WARNING, "warning"}};
	cJSON *marks = x->rc == 0 ? cJSON_AddArrayToObject(doc, "marks") : NULL, *r;
	size_t k, i;

	if (marks == NULL)
		x->rc = ONCO_ENOMEM;
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]) && x->rc == 0; k++)
		for (i = 0; i < x->run->n_conclusions[kinds[k].kind] && x->rc == 0; i++) {
			void *fact = x->run->conclusions[kinds[k].kind][i];
			const char *option = onco_fact_text(x->engine->env, fact, "option");

			if (option == NULL)
				continue;
			cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(doc, "rules"))
				if (member_is(r, "kind", "recommendation") &&
				    member_is(r, "concludes", option)) {
					append(x, marks, mark_json(x, fact, kinds[k].name));
					break;
				}
		}
}

/* Adds `id` to the array `list` unless it holds it. */
static void add_unique(explainer *x, cJSON *list, const char *id)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, list)
		if (strcmp(cJSON_GetStringValue(e), id) == 0)
			return;
	append(x, list, cJSON_CreateString(id));
}

/* A fact rule `r` asserted in the run, to explain its firing by: the one
 * whose id or option is what was asked, else the first. NULL when the rule
 * did not fire, or fired for a fact this list does not hold (a scope, a
 * finding): it is then judged against the run. */
static void *firing_asked(explainer *x, const onco_rule_info *r, const char *query)
{
	void *env = x->engine->env, *first = NULL;
	size_t k, i;

	for (k = 0; k < ONCO_C_KINDS; k++) {
		if (k == ONCO_C_POSSIBLE) /* asserted by the host, not by a firing */
			continue;
		for (i = 0; i < x->run->n_conclusions[k]; i++) {
			void *fact = x->run->conclusions[k][i];
			const char *rule = onco_fact_text(env, fact, "rule");

			if (rule == NULL || strcmp(rule, r->name) != 0)
				continue;
			if (same(query, onco_fact_text(env, fact, "id")) ||
			    same(query, onco_fact_text(env, fact, "option")))
				return fact;
			if (first == NULL)
				first = fact;
		}
	}
	return first;
}

static void why_not(explainer *x, const char *option, cJSON *doc)
{
	onco_engine *engine = x->engine;
	char query[256];
	cJSON *rules = cJSON_AddArrayToObject(doc, "rules");
	cJSON *exclusions = cJSON_AddArrayToObject(doc, "exclusions");
	cJSON *case_guidelines = cJSON_AddArrayToObject(doc, "guidelines");
	cJSON *elsewhere = cJSON_AddArrayToObject(doc, "other_guidelines");
	cJSON *o;
	size_t i;

	if (rules == NULL || exclusions == NULL || case_guidelines == NULL || elsewhere == NULL) {
		x->rc = ONCO_ENOMEM;
		return;
	}
	normalise(query, sizeof(query), option);
	add_string(x, doc, "why_not", option);
	for (i = 0; i < x->run->n_scopes && x->rc == 0; i++)
		add_unique(x, case_guidelines,
			   onco_fact_text(engine->env, x->run->scopes[i], "guideline"));
	/* Only rules of the case's guidelines and shared rules are walked; a
	 * match in another guideline is only named. */
	for (i = 0; i < engine->kb.n_rules && x->rc == 0; i++) {
		const onco_rule_info *r = &engine->kb.rules[i];
		const char *g;

		if (!rule_matches(r, query))
			continue;
		g = rule_guideline(r);
		if (g == NULL || onco_run_has_scope(engine, x->run, g))
			append(x, rules, rule_json(x, i, firing_asked(x, r, query)));
		else
			add_unique(x, elsewhere, g);
	}
	for (i = 0; i < x->run->n_conclusions[ONCO_C_EXCLUSION] && x->rc == 0; i++) {
		void *fact = x->run->conclusions[ONCO_C_EXCLUSION][i];
		const char *id = onco_fact_text(engine->env, fact, "id");
		cJSON *because, *evidence;
		onco_because gathered = {0};
		size_t j;

		if (!exclusion_matches(engine, fact, query, rules))
			continue;
		/* one item per exclusion id: the facts of several firings merge,
		 * made at the first of them */
		cJSON_ArrayForEach(o, exclusions)
			if (member_is(o, "id", id))
				break;
		if (o != NULL)
			continue;
		o = conclusion_json(x, fact, "exclusion");
		add_string(x, o, "rule", onco_fact_text(engine->env, fact, "rule"));
		because = x->rc == 0 ? cJSON_AddArrayToObject(o, "because") : NULL;
		evidence = because != NULL ? cJSON_AddArrayToObject(o, "evidence") : NULL;
		if (evidence == NULL)
			x->rc = ONCO_ENOMEM;
		else
			x->rc = onco_evidence_add(engine, fact, evidence);
		append(x, exclusions, o);
		for (j = i; j < x->run->n_conclusions[ONCO_C_EXCLUSION] && x->rc == 0; j++) {
			void *other = x->run->conclusions[ONCO_C_EXCLUSION][j];
			const char *other_id = onco_fact_text(engine->env, other, "id");

			if (j == i || (id != NULL && other_id != NULL && strcmp(id, other_id) == 0 &&
				       exclusion_matches(engine, other, query, rules)))
				x->rc = onco_because_add(engine, NULL, other, &gathered);
		}
		if (x->rc == 0)
			x->rc = onco_because_json(&gathered, because);
		onco_because_release(&gathered);
	}
	add_marks(x, doc);
}

/* The arguments of one explanation, for the guarded call. */
typedef struct explanation {
	const char *text;
	size_t length;
	const char *option;
	int flags;
	char *out;
	onco_error *err;
} explanation;

/* Moves member `key` of `from` to `to`. */
static void move_member(explainer *x, cJSON *to, cJSON *from, const char *key)
{
	add_item(x, to, key, cJSON_DetachItemFromObjectCaseSensitive(from, key));
}

static int explain_in_clips(onco_engine *engine, void *arg)
{
	explanation *e = arg;
	unsigned long failures = onco_json_alloc_failures();
	onco_run_facts run;
	explainer x = {engine, &run, 0};
	char *result = NULL;
	cJSON *doc = NULL, *parsed = NULL;
	int rc;

	rc = onco_engine_evaluate(engine, e->text, e->length, 0, &result, e->err);
	if (rc != 0) {
		e->out = result; /* the error document, when there is one */
		return rc;
	}
	x.rc = onco_run_facts_gather(engine, &run);
	if (x.rc == 0 && (doc = cJSON_CreateObject()) == NULL)
		x.rc = ONCO_ENOMEM;
	if (x.rc == 0 && (parsed = cJSON_Parse(result)) == NULL)
		x.rc = ONCO_ENOMEM;
	free(result);
	move_member(&x, doc, parsed, "case");
	move_member(&x, doc, parsed, "scope");
	if (x.rc == 0 && e->option != NULL)
		why_not(&x, e->option, doc);
	else if (x.rc == 0)
		add_item(&x, doc, "conclusions", derivations(&x));
	onco_run_facts_release(&run);
	cJSON_Delete(parsed);
	if (x.rc != 0) {
		cJSON_Delete(doc);
		return onco_error_set(e->err, ONCO_ENOMEM, "out of memory");
	}
	e->out = onco_json_finish(doc, e->flags, failures);
	return e->out != NULL ? 0 : onco_error_set(e->err, ONCO_ENOMEM, "out of memory");
}

int onco_engine_explain(onco_engine *engine, const char *case_text, size_t length,
			const char *option, int flags, char **out, onco_error *err)
{
	explanation e = {case_text, length, option, flags, NULL, err};
	int rc;

	*out = NULL;
	onco_error_clear(err);
	rc = onco_guarded(engine, explain_in_clips, &e, err);
	if (rc == 0 || e.out != NULL)
		*out = e.out;
	return rc;
}
