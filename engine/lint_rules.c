/* lint_rules.c: the checks of `oncorules lint` that look at rules. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint_check.h"

/* Rules allowed a salience. The schema documents no phases, so none is;
 * a phase added to schema.clp and docs/rule-authoring.md is listed here. */
static const char *const salience_allowed[] = {NULL};

/* Functions that read or write outside working memory. `format` counts
 * when its router is not nil. */
/* Output a rule may still call: format, which the allow-list keeps for its
 * use as a string function, `(format nil ...)`. Every other I/O function
 * is outside the allow-list (calls.c), reported by the "function" check. */
static const char *const io_functions[] = {"format", NULL};

/* Templates that rules derive: `not` over them depends on firing order. */
static const char *const derived[] = {
	"finding", "scope", "recommendation", "exclusion", "warning", "note",
	"missing", NULL};

static const char *const conclusions[] = {
	"recommendation", "exclusion", "warning", "note", NULL};

static int in_list(const char *s, const char *const *list)
{
	for (; s != NULL && *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static int is_variable_or_call(const char *t)
{
	return t[0] == '?' || t[0] == '$' || t[0] == ':' || t[0] == '=' || t[0] == '\0';
}

static int is_number(const char *t)
{
	char *end;

	strtod(t, &end);
	return end != t && *end == '\0';
}

static int value_bit(const char *v)
{
	return strcmp(v, "yes") == 0 ? LINT_YES
	       : strcmp(v, "no") == 0 ? LINT_NO
	       : strcmp(v, "unknown") == 0 ? LINT_UNKNOWN
				      : 0;
}

/* The atoms of a slot item after its name, joined without spaces: CLIPS
 * reads `yes | no` and `yes|no` alike. */
static void joined(char *out, size_t size, const onco_sx *slot)
{
	size_t i;

	out[0] = '\0';
	for (i = 1; slot != NULL && i < slot->n_items; i++)
		if (slot->items[i]->type == ONCO_SX_ATOM &&
		    strlen(out) + strlen(slot->items[i]->text) < size)
			strcat(out, slot->items[i]->text);
}

int lint_value_mask(const onco_sx *slot)
{
	char text[256], *conj, *save = NULL;
	int mask = LINT_ANY_VALUE;

	joined(text, sizeof(text), slot);
	if (text[0] == '\0')
		return LINT_ANY_VALUE;
	for (conj = strtok_r(text, "&", &save); conj != NULL;
	     conj = strtok_r(NULL, "&", &save)) {
		char *term, *save2 = NULL;
		int any = 0;

		for (term = strtok_r(conj, "|", &save2); term != NULL;
		     term = strtok_r(NULL, "|", &save2)) {
			if (is_variable_or_call(term))
				any |= LINT_ANY_VALUE;
			else if (term[0] == '~')
				any |= LINT_ANY_VALUE & ~value_bit(term + 1);
			else
				any |= value_bit(term);
		}
		mask &= any;
	}
	return mask;
}

/* Does a name constraint (`x`, `x|y`, `?n`) accept `name`? */
static int accepts_name(const onco_sx *slot, const char *name)
{
	char text[256], *term, *save = NULL;

	joined(text, sizeof(text), slot);
	if (slot == NULL || text[0] == '\0' || strpbrk(text, "?~&$:=") != NULL)
		return 1;
	for (term = strtok_r(text, "|", &save); term != NULL;
	     term = strtok_r(NULL, "|", &save))
		if (strcmp(term, name) == 0)
			return 1;
	return 0;
}

static int asserted_in(const lint_fact *facts, size_t n, const char *name)
{
	size_t i;
	int mask = 0;

	for (i = 0; i < n; i++) {
		const onco_sx *f = facts[i].form;

		if (strcmp(lint_bare_name(lint_head(f)), "finding") != 0 ||
		    !accepts_name(lint_slot_of(f, "name"), name))
			continue;
		mask |= lint_slot_text(f, "value") != NULL &&
				!is_variable_or_call(lint_slot_text(f, "value"))
			? value_bit(lint_slot_text(f, "value"))
			: LINT_ANY_VALUE;
	}
	return mask;
}

int lint_asserted_mask(const lint_kb *kb, const char *name)
{
	return asserted_in(kb->asserts, kb->nasserts, name) |
	       asserted_in(kb->facts, kb->nfacts, name);
}

static void describe_mask(char *out, size_t size, int mask)
{
	snprintf(out, size, "%s%s%s%s%s%s", mask & LINT_YES ? "yes" : "",
		 (mask & LINT_YES) && (mask & ~LINT_YES) ? ", " : "",
		 mask & LINT_NO ? "no" : "",
		 (mask & LINT_NO) && (mask & LINT_UNKNOWN) ? ", " : "",
		 mask & LINT_UNKNOWN ? "unknown" : "", mask == 0 ? "none" : "");
}

/* Template, slots and literal symbols of a pattern or fact. */
static void check_shape(lint_report *r, const lint_kb *kb, const char *file,
			const onco_sx *fact, const char *where)
{
	const char *name = lint_head(fact);
	const lint_template *t;
	size_t i, j;

	if (name == NULL || strcmp(name, "initial-fact") == 0)
		return;
	t = lint_kb_template(kb, name);
	if (t == NULL) {
		lint_report_add(r, file, fact->line, 1, "schema",
				"%s uses \"%s\", which is not a template of the schema",
				where, name);
		return;
	}
	for (i = 1; i < fact->n_items; i++) {
		const onco_sx *s = fact->items[i];
		const lint_slot *slot;

		if (lint_head(s) == NULL)
			continue;
		slot = lint_template_slot(t, lint_head(s));
		if (slot == NULL) {
			lint_report_add(r, file, s->line, 1, "schema",
					"%s: template %s has no slot \"%s\"", where,
					t->name, lint_head(s));
			continue;
		}
		for (j = 1; slot->allowed != NULL && j < s->n_items; j++) {
			char text[256], *term, *save = NULL;

			if (s->items[j]->type != ONCO_SX_ATOM)
				continue;
			snprintf(text, sizeof(text), "%s", s->items[j]->text);
			for (term = strtok_r(text, "&|", &save); term != NULL;
			     term = strtok_r(NULL, "&|", &save)) {
				size_t k;
				int found = 0;

				term += term[0] == '~';
				if (is_variable_or_call(term) || is_number(term))
					continue;
				for (k = 1; k < slot->allowed->n_items; k++)
					found |= lint_text(slot->allowed, k) != NULL &&
						 strcmp(lint_text(slot->allowed, k), term) == 0;
				if (!found)
					lint_report_add(r, file, s->line, 1, "schema",
							"%s: \"%s\" is not an allowed value of %s.%s",
							where, term, t->name, slot->name);
			}
		}
	}
}

/* The state of one rule's walk. */
typedef struct rule_walk {
	lint_report *r;
	const lint_kb *kb;
	const lint_rule *rule;
	int raw_case; /* tests a case fact */
} rule_walk;

static int has_finding_def(const lint_kb *kb, const char *name)
{
	size_t i;

	for (i = 0; i < kb->nfacts; i++)
		if (strcmp(lint_bare_name(lint_head(kb->facts[i].form)), "finding-def") == 0 &&
		    lint_slot_text(kb->facts[i].form, "name") != NULL &&
		    strcmp(lint_slot_text(kb->facts[i].form, "name"), name) == 0)
			return 1;
	return 0;
}

static int scope_asserted(const lint_kb *kb, const char *guideline)
{
	size_t i;

	for (i = 0; i < kb->nasserts; i++)
		if (strcmp(lint_bare_name(lint_head(kb->asserts[i].form)), "scope") == 0 &&
		    accepts_name(lint_slot_of(kb->asserts[i].form, "guideline"), guideline))
			return 1;
	return 0;
}

static void check_finding_pattern(rule_walk *w, const onco_sx *p)
{
	const char *name = lint_slot_text(p, "name");
	int want, have;
	char wants[40], haves[40];

	if (name == NULL || strpbrk(name, "?~&|$:=") != NULL)
		return;
	if (!has_finding_def(w->kb, name))
		lint_report_add(w->r, w->rule->file, p->line, 1, "finding",
				"rule %s uses finding %s, which has no finding-def",
				w->rule->name, name);
	want = lint_value_mask(lint_slot_of(p, "value"));
	have = lint_asserted_mask(w->kb, name);
	if (have == 0) {
		lint_report_add(w->r, w->rule->file, p->line, 1, "never-fires",
				"rule %s can never fire: no rule asserts finding %s",
				w->rule->name, name);
	} else if ((want & have) == 0) {
		describe_mask(wants, sizeof(wants), want);
		describe_mask(haves, sizeof(haves), have);
		lint_report_add(w->r, w->rule->file, p->line, 1, "never-fires",
				"rule %s can never fire: it needs finding %s with value %s, and rules only assert %s",
				w->rule->name, name, wants, haves);
	}
}

static void check_pattern(rule_walk *w, const onco_sx *p, int negated)
{
	const char *head = lint_bare_name(lint_head(p));
	const lint_template *t = lint_kb_template(w->kb, head);
	const char *guideline = lint_slot_text(p, "guideline");
	char where[300];

	snprintf(where, sizeof(where), "rule %s", w->rule->name);
	check_shape(w->r, w->kb, w->rule->file, p, where);
	if (negated && in_list(head, derived))
		lint_report_add(w->r, w->rule->file, p->line, 1, "not-derived",
				"rule %s uses `not` over %s facts, which other rules assert during the run: the result would depend on firing order",
				w->rule->name, head);
	if (t != NULL && t->is_case)
		w->raw_case = 1;
	if (strcmp(head, "finding") == 0 && !negated)
		check_finding_pattern(w, p);
	if (strcmp(head, "scope") == 0 && !negated && guideline != NULL &&
	    strpbrk(guideline, "?~&|$:=") == NULL && !scope_asserted(w->kb, guideline))
		lint_report_add(w->r, w->rule->file, p->line, 1, "never-fires",
				"rule %s can never fire: no rule asserts scope %s",
				w->rule->name, guideline);
}

static void walk_ce(rule_walk *w, const onco_sx *ce, int negated)
{
	const char *head = lint_head(ce);
	size_t i;

	if (head == NULL)
		return;
	if (strcmp(head, "test") == 0)
		return;
	if (strcmp(head, "not") == 0 || strcmp(head, "forall") == 0 ||
	    strcmp(head, "and") == 0 || strcmp(head, "or") == 0 ||
	    strcmp(head, "exists") == 0 || strcmp(head, "logical") == 0) {
		int neg = negated || strcmp(head, "not") == 0 || strcmp(head, "forall") == 0;

		for (i = 1; i < ce->n_items; i++)
			walk_ce(w, ce->items[i], neg);
		return;
	}
	check_pattern(w, ce, negated);
}

static void check_io(rule_walk *w, const onco_sx *s)
{
	const char *head = lint_head(s);
	size_t i;

	if (s->type != ONCO_SX_LIST)
		return;
	if (in_list(head, io_functions) &&
	    !(strcmp(head, "format") == 0 && lint_text(s, 1) != NULL &&
	      strcmp(lint_text(s, 1), "nil") == 0))
		lint_report_add(w->r, w->rule->file, s->line, 1, "io",
				"rule %s calls %s: rules only assert facts, the host writes the output",
				w->rule->name, head);
	for (i = 0; i < s->n_items; i++)
		check_io(w, s->items[i]);
}

int lint_citation_exists(const lint_kb *kb, const char *id)
{
	size_t i;

	for (i = 0; i < kb->nfacts; i++)
		if (strcmp(lint_bare_name(lint_head(kb->facts[i].form)), "citation") == 0 &&
		    lint_slot_text(kb->facts[i].form, "id") != NULL &&
		    strcmp(lint_slot_text(kb->facts[i].form, "id"), id) == 0)
			return 1;
	return 0;
}

/* Whether a deffacts declares a `tmpl` fact whose `slot` is `value`. */
static int knowledge_fact(const lint_kb *kb, const char *tmpl, const char *slot,
			  const char *value)
{
	size_t i;

	for (i = 0; i < kb->nfacts; i++)
		if (strcmp(lint_bare_name(lint_head(kb->facts[i].form)), tmpl) == 0 &&
		    lint_slot_text(kb->facts[i].form, slot) != NULL &&
		    strcmp(lint_slot_text(kb->facts[i].form, slot), value) == 0)
			return 1;
	return 0;
}

/* The guideline a rule's (scope (guideline G)) pattern names, or NULL. */
static const char *rule_guideline(const lint_rule *rule)
{
	size_t i;

	for (i = rule->lhs; i < rule->arrow; i++) {
		const onco_sx *p = rule->form->items[i];
		const char *g = lint_slot_text(p, "guideline");

		if (strcmp(lint_bare_name(lint_head(p)), "scope") == 0 && g != NULL &&
		    !is_variable_or_call(g))
			return g;
	}
	return NULL;
}

/* What an option declares about itself (docs/design.md, last section):
 * the engine reads it from the rule's text to assert the option as
 * "possible if", so every value must be a literal; `status` is the host's;
 * `card` names a card-def. */
static void check_declarations(rule_walk *w, const onco_sx *f)
{
	const char *guideline = rule_guideline(w->rule);
	size_t i, j;

	/* A guideline that declares its cards places every option on one;
	 * an option without would land on a card derived from its modality. */
	if (lint_slot_of(f, "card") == NULL && guideline != NULL &&
	    knowledge_fact(w->kb, "card-def", "guideline", guideline))
		lint_report_add(w->r, w->rule->file, f->line, 0, "card",
				"rule %s concludes an option of %s without a card, while %s declares its cards",
				w->rule->name, guideline, guideline);

	for (i = 1; i < f->n_items; i++) {
		const onco_sx *slot = f->items[i];
		const char *name = lint_head(slot);

		if (name == NULL)
			continue;
		if (strcmp(name, "status") == 0)
			lint_report_add(w->r, w->rule->file, slot->line, 1, "declaration",
					"rule %s sets the status of a recommendation: the host sets it (possible)",
					w->rule->name);
		for (j = 1; j < slot->n_items; j++) {
			const onco_sx *v = slot->items[j];

			if (v->type == ONCO_SX_LIST ||
			    (v->type == ONCO_SX_ATOM && (v->text[0] == '?' || v->text[0] == '$')))
				lint_report_add(w->r, w->rule->file, v->line, 1, "declaration",
						"rule %s declares %s with a variable or a call: what an option declares must be literal (the engine reads it to show the option as possible)",
						w->rule->name, name);
		}
		if (strcmp(name, "card") == 0 && lint_text(slot, 1) != NULL &&
		    !is_variable_or_call(lint_text(slot, 1)) &&
		    !knowledge_fact(w->kb, "card-def", "id", lint_text(slot, 1)))
			lint_report_add(w->r, w->rule->file, slot->line, 1, "card",
					"rule %s puts its option on card %s, and there is no card-def with that id",
					w->rule->name, lint_text(slot, 1));
	}
}

/* What a rule asserts: shapes, cites of conclusions, finding definitions. */
static int check_asserts(rule_walk *w)
{
	const lint_kb *kb = w->kb;
	size_t i, j;
	int concluding = 0;
	char where[300];

	snprintf(where, sizeof(where), "rule %s", w->rule->name);
	for (i = 0; i < kb->nasserts; i++) {
		const onco_sx *f = kb->asserts[i].form;
		const char *head = lint_bare_name(lint_head(f));
		const onco_sx *cite = lint_slot_of(f, "cite");
		const char *fname = lint_slot_text(f, "name");

		if (kb->asserts[i].rule != w->rule)
			continue;
		check_shape(w->r, kb, w->rule->file, f, where);
		if (strcmp(head, "finding") == 0 && fname != NULL &&
		    strpbrk(fname, "?$") == NULL && !has_finding_def(kb, fname))
			lint_report_add(w->r, w->rule->file, f->line, 1, "finding",
					"rule %s asserts finding %s, which has no finding-def",
					w->rule->name, fname);
		if (!in_list(head, conclusions))
			continue;
		if (strcmp(head, "recommendation") == 0)
			check_declarations(w, f);
		concluding = 1;
		if (cite == NULL || cite->n_items < 2)
			lint_report_add(w->r, w->rule->file, f->line, 1, "cite",
					"rule %s concludes a %s without a cite",
					w->rule->name, head);
		for (j = 1; cite != NULL && j < cite->n_items; j++)
			if (lint_text(cite, j) != NULL &&
			    !is_variable_or_call(lint_text(cite, j)) &&
			    !lint_citation_exists(kb, lint_text(cite, j)))
				lint_report_add(w->r, w->rule->file, cite->line, 1, "cite",
						"rule %s cites %s, and there is no citation with that id",
						w->rule->name, lint_text(cite, j));
	}
	/* Gates and drug safety relate an option to the case facts it concerns
	 * (the prior treatment it repeats, the adverse event that rules out a
	 * drug): a yes/no finding cannot say which fact, so those two files may
	 * read case facts. */
	if (concluding && w->raw_case && strcmp(w->rule->base, "drug-safety.clp") != 0 &&
	    strcmp(w->rule->base, "gates.clp") != 0)
		lint_report_add(w->r, w->rule->file, w->rule->line, 0, "raw-case",
				"rule %s concludes from raw case facts: test scope and findings, so that explain can mark each condition",
				w->rule->name);
	return concluding;
}

/* The rule's conditions as one canonical line. */
static void canonical(char *out, size_t size, const onco_sx *s)
{
	size_t i;

	if (s->type == ONCO_SX_LIST) {
		strncat(out, "(", size - strlen(out) - 1);
		for (i = 0; i < s->n_items; i++) {
			if (i > 0)
				strncat(out, " ", size - strlen(out) - 1);
			canonical(out, size, s->items[i]);
		}
		strncat(out, ")", size - strlen(out) - 1);
	} else {
		if (s->type == ONCO_SX_STRING)
			strncat(out, "\"", size - strlen(out) - 1);
		strncat(out, s->text, size - strlen(out) - 1);
		if (s->type == ONCO_SX_STRING)
			strncat(out, "\"", size - strlen(out) - 1);
	}
}

static void conditions(char *out, size_t size, const lint_rule *rule)
{
	size_t i;

	out[0] = '\0';
	for (i = rule->lhs; i < rule->arrow; i++)
		canonical(out, size, rule->form->items[i]);
}

/* A conclusion (template and id) that two rules both assert. */
static const char *shared_conclusion(const lint_kb *kb, const lint_rule *a,
				     const lint_rule *b)
{
	size_t i, j;

	for (i = 0; i < kb->nasserts; i++) {
		const char *id = lint_slot_text(kb->asserts[i].form, "id");

		if (kb->asserts[i].rule != a || id == NULL)
			continue;
		for (j = 0; j < kb->nasserts; j++)
			if (kb->asserts[j].rule == b &&
			    strcmp(lint_bare_name(lint_head(kb->asserts[j].form)),
				   lint_bare_name(lint_head(kb->asserts[i].form))) == 0 &&
			    lint_slot_text(kb->asserts[j].form, "id") != NULL &&
			    strcmp(lint_slot_text(kb->asserts[j].form, "id"), id) == 0)
				return id;
	}
	return NULL;
}

static void check_duplicates(lint_report *r, const lint_kb *kb, const char *concludes)
{
	static char ca[16384], cb[16384];
	size_t i, j;

	for (i = 0; i < kb->nrules; i++) {
		if (!concludes[i])
			continue;
		conditions(ca, sizeof(ca), &kb->rules[i]);
		for (j = i + 1; j < kb->nrules; j++) {
			const char *id;

			if (!concludes[j])
				continue;
			conditions(cb, sizeof(cb), &kb->rules[j]);
			if (strcmp(ca, cb) != 0 ||
			    (id = shared_conclusion(kb, &kb->rules[i], &kb->rules[j])) == NULL)
				continue;
			lint_report_add(r, kb->rules[j].file, kb->rules[j].line, 1, "duplicate",
					"rules %s (%s:%ld) and %s conclude %s under identical conditions",
					kb->rules[i].name, kb->rules[i].file, kb->rules[i].line,
					kb->rules[j].name, id);
		}
	}
}

void lint_check_rules(lint_report *r, const lint_kb *kb)
{
	char *concludes = calloc(kb->nrules + 1, 1);
	size_t i, j;

	if (concludes == NULL) {
		r->nomem = 1;
		return;
	}
	for (i = 0; i < kb->nrules; i++) {
		const lint_rule *rule = &kb->rules[i];
		rule_walk w = {r, kb, rule, 0};
		const onco_sx *declare = rule->lhs > 2 ? rule->form->items[rule->lhs - 1] : NULL;

		if (declare != NULL && lint_slot_of(declare, "salience") != NULL &&
		    !in_list(rule->name, salience_allowed))
			lint_report_add(r, rule->file, lint_slot_of(declare, "salience")->line, 1,
					"salience",
					"rule %s declares a salience: options never depend on firing order, and the schema documents no phase",
					rule->name);
		if (rule->arrow == rule->form->n_items)
			lint_report_add(r, rule->file, rule->line, 1, "syntax",
					"rule %s has no =>", rule->name);
		for (j = rule->lhs; j < rule->arrow; j++)
			walk_ce(&w, rule->form->items[j], 0);
		check_io(&w, rule->form);
		concludes[i] = (char)check_asserts(&w);
	}
	for (i = 0; i < kb->nfacts; i++)
		check_shape(r, kb, kb->facts[i].file, kb->facts[i].form, "deffacts");
	check_duplicates(r, kb, concludes);
	free(concludes);
}
