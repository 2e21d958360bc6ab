/* lint_rules.c: the checks of `oncorules lint` that look at rules. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint_check.h"
#include "onco.h"

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
	"missing", "pending", "history", "lead", NULL};

/* What must cite its evidence: the conclusions, and the gate marks that
 * change what the board sees (rules/schema.clp). A history mark states a
 * fact of the case and cites nothing. */
static const char *const conclusions[] = {
	"recommendation", "exclusion", "warning", "note", "pending", "lead", NULL};

/* Facts that name an option in their `option` slot (docs/design.md). */
static const char *const option_marks[] = {
	"exclusion", "warning", "pending", "history", "lead", NULL};

/* Files whose concluding rules may test raw case facts (see
 * check_asserts). */
static const char *const raw_case_files[] = {"drug-safety.clp", "gates.clp", NULL};

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

/* "; did you mean \"x\"?" when `given` is close to one of `names`
 * (freed here), else "". */
static const char *hint(char *buf, size_t size, const char *given, const char **names)
{
	const char *best = names != NULL ? onco_suggest(given, names) : NULL;

	if (best != NULL)
		snprintf(buf, size, "; did you mean \"%s\"?", best);
	else
		buf[0] = '\0';
	free(names);
	return buf;
}

/* "a, b, c" */
static void join_names(char *buf, size_t size, const char **names)
{
	size_t i, used = 0;

	buf[0] = '\0';
	for (i = 0; names != NULL && names[i] != NULL && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "", names[i]);
	free(names);
}

/* Template, slots and literal symbols of a pattern or fact, said in the
 * author's terms: the template, the slot, the value, what is allowed, and
 * the closest allowed name. */
static void check_shape(lint_report *r, const lint_kb *kb, const char *file,
			const onco_sx *fact, const char *where)
{
	const char *name = lint_head(fact);
	const lint_template *t;
	char near[200], allowed[2048];
	size_t i, j;

	if (name == NULL || strcmp(name, "initial-fact") == 0)
		return;
	t = lint_kb_template(kb, name);
	if (t == NULL) {
		lint_report_add(r, file, fact->line, fact->col, 1, "schema",
				"%s uses \"%s\", which is not a template of the schema%s",
				where, name, hint(near, sizeof(near), name, lint_kb_template_names(kb)));
		return;
	}
	for (i = 1; i < fact->n_items; i++) {
		const onco_sx *s = fact->items[i];
		const lint_slot *slot;

		if (lint_head(s) == NULL)
			continue;
		slot = lint_template_slot(t, lint_head(s));
		if (slot == NULL) {
			hint(near, sizeof(near), lint_head(s), lint_template_slot_names(t));
			join_names(allowed, sizeof(allowed), lint_template_slot_names(t));
			lint_report_add(r, file, s->line, s->col, 1, "schema",
					"%s: template %s has no slot \"%s\"%s slots: %s", where,
					t->name, lint_head(s), near[0] ? near : ";", allowed);
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
				if (found)
					continue;
				hint(near, sizeof(near), term, lint_allowed_values(slot));
				join_names(allowed, sizeof(allowed), lint_allowed_values(slot));
				lint_report_add(r, file, s->items[j]->line, s->items[j]->col, 1, "schema",
						"%s: \"%s\" is not an allowed value of %s.%s%s allowed: %s",
						where, term, t->name, slot->name,
						near[0] ? near : ";", allowed);
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

/* Is `id` the id of a recommendation some rule concludes? A computed id
 * ((sym-cat ...)) or a variable may be anything. */
static int recommendation_exists(const lint_kb *kb, const char *id)
{
	size_t i;

	for (i = 0; i < kb->nasserts; i++) {
		const onco_sx *f = kb->asserts[i].form;
		const onco_sx *slot = lint_slot_of(f, "id");
		const char *v = lint_slot_text(f, "id");

		if (strcmp(lint_bare_name(lint_head(f)), "recommendation") != 0 || slot == NULL)
			continue;
		if (v == NULL || is_variable_or_call(v) || strcmp(v, id) == 0)
			return 1;
	}
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

/* Does the value constraint of a finding pattern hold a literal that is
 * not a finding value? check_shape reports that typo; "can never fire"
 * would be the same mistake said a second, less useful way. */
static int has_foreign_value(const onco_sx *slot)
{
	char text[256], *term, *save = NULL;

	joined(text, sizeof(text), slot);
	for (term = strtok_r(text, "&|", &save); term != NULL; term = strtok_r(NULL, "&|", &save)) {
		term += term[0] == '~';
		if (!is_variable_or_call(term) && value_bit(term) == 0)
			return 1;
	}
	return 0;
}

int lint_finding_misspelt(const lint_kb *kb, const char *name)
{
	const char **defs = lint_kb_fact_values(kb, "finding-def", "name", 0);
	size_t i;
	int misspelt = 0;

	for (i = 0; defs != NULL && !misspelt && i < kb->nasserts; i++) {
		const char *n = lint_slot_text(kb->asserts[i].form, "name");

		if (strcmp(lint_bare_name(lint_head(kb->asserts[i].form)), "finding") != 0 ||
		    n == NULL || is_variable_or_call(n) || has_finding_def(kb, n))
			continue;
		misspelt = onco_suggest(n, defs) != NULL && strcmp(onco_suggest(n, defs), name) == 0;
	}
	free(defs);
	return misspelt;
}

static void check_finding_pattern(rule_walk *w, const onco_sx *p)
{
	const char *name = lint_slot_text(p, "name");
	const onco_sx *at = lint_slot_of(p, "name");
	int want, have, defined;
	char wants[40], haves[40], near[200];

	if (name == NULL || strpbrk(name, "?~&|$:=") != NULL)
		return;
	at = at != NULL && at->n_items > 1 ? at->items[1] : p;
	defined = has_finding_def(w->kb, name);
	have = lint_asserted_mask(w->kb, name);
	if (!defined && have == 0) {
		/* one mistake, one error: most likely a misspelt name */
		lint_report_add(w->r, w->rule->file, at->line, at->col, 1, "finding",
				"rule %s uses finding %s, which no finding-def defines and no rule derives%s",
				w->rule->name, name,
				hint(near, sizeof(near), name,
				     lint_kb_fact_values(w->kb, "finding-def", "name", 0)));
		return;
	}
	if (!defined)
		lint_report_add(w->r, w->rule->file, at->line, at->col, 1, "finding",
				"rule %s uses finding %s, which has no finding-def",
				w->rule->name, name);
	if (has_foreign_value(lint_slot_of(p, "value")))
		return;
	want = lint_value_mask(lint_slot_of(p, "value"));
	if (have == 0) {
		/* the rule deriving it misspelt its name: reported there */
		if (!lint_finding_misspelt(w->kb, name))
			lint_report_add(w->r, w->rule->file, p->line, p->col, 1, "never-fires",
					"rule %s can never fire: no rule asserts finding %s",
					w->rule->name, name);
	} else if ((want & have) == 0 && !lint_finding_misspelt(w->kb, name)) {
		/* (when a rule misspells this finding where it asserts it, that
		 * one error says it) */
		describe_mask(wants, sizeof(wants), want);
		describe_mask(haves, sizeof(haves), have);
		lint_report_add(w->r, w->rule->file, p->line, p->col, 1, "never-fires",
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
		lint_report_add(w->r, w->rule->file, p->line, p->col, 1, "not-derived",
				"rule %s uses `not` over %s facts, which other rules assert during the run: the result would depend on firing order",
				w->rule->name, head);
	if (t != NULL && t->is_case)
		w->raw_case = 1;
	if (strcmp(head, "finding") == 0 && !negated)
		check_finding_pattern(w, p);
	if (strcmp(head, "scope") == 0 && !negated && guideline != NULL &&
	    strpbrk(guideline, "?~&|$:=") == NULL && !scope_asserted(w->kb, guideline)) {
		char near[200];

		lint_report_add(w->r, w->rule->file, p->line, p->col, 1, "never-fires",
				"rule %s can never fire: no rule asserts scope %s%s",
				w->rule->name, guideline,
				hint(near, sizeof(near), guideline,
				     lint_kb_fact_values(w->kb, "scope", "guideline", 1)));
	}
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
		lint_report_add(w->r, w->rule->file, s->line, s->col, 1, "io",
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
		lint_report_add(w->r, w->rule->file, f->line, f->col, 0, "card",
				"rule %s concludes an option of %s without a card, while %s declares its cards",
				w->rule->name, guideline, guideline);

	for (i = 1; i < f->n_items; i++) {
		const onco_sx *slot = f->items[i];
		const char *name = lint_head(slot);

		if (name == NULL)
			continue;
		if (strcmp(name, "status") == 0)
			lint_report_add(w->r, w->rule->file, slot->line, slot->col, 1, "declaration",
					"rule %s sets the status of a recommendation: the host sets it (possible)",
					w->rule->name);
		for (j = 1; j < slot->n_items; j++) {
			const onco_sx *v = slot->items[j];

			if (v->type == ONCO_SX_LIST ||
			    (v->type == ONCO_SX_ATOM && (v->text[0] == '?' || v->text[0] == '$')))
				lint_report_add(w->r, w->rule->file, v->line, v->col, 1, "declaration",
						"rule %s declares %s with a variable or a call: what an option declares must be literal (the engine reads it to show the option as possible)",
						w->rule->name, name);
		}
	}
}

/* What a rule asserts: shapes, cites of conclusions, finding definitions. */
/* The value item of `slot` in a fact, for a finding's place. */
static const onco_sx *value_at(const onco_sx *f, const char *slot)
{
	const onco_sx *s = lint_slot_of(f, slot);

	return s != NULL && s->n_items > 1 ? s->items[1] : f;
}

/* What an assert names that must exist elsewhere: the option of a gate
 * mark (a recommendation id), the card of an option (a card-def), the
 * finding of a pending mark (a finding-def). */
static void check_references(rule_walk *w, const onco_sx *f, const char *head)
{
	const char *option = lint_slot_text(f, "option");
	const char *card = lint_slot_text(f, "card");
	const char *finding = lint_slot_text(f, "finding");
	const onco_sx *at;
	char near[200];

	if (in_list(head, option_marks) && option != NULL && !is_variable_or_call(option) &&
	    !recommendation_exists(w->kb, option)) {
		at = value_at(f, "option");
		lint_report_add(w->r, w->rule->file, at->line, at->col, 1, "option",
				"rule %s: %s names option %s, and no rule concludes a recommendation with that id%s",
				w->rule->name, head, option,
				hint(near, sizeof(near), option,
				     lint_kb_fact_values(w->kb, "recommendation", "id", 1)));
	}
	if (strcmp(head, "recommendation") == 0 && card != NULL && !is_variable_or_call(card)) {
		const char **cards = lint_kb_fact_values(w->kb, "card-def", "id", 0);
		size_t i;
		int found = 0;

		for (i = 0; cards != NULL && cards[i] != NULL; i++)
			found |= strcmp(cards[i], card) == 0;
		free(cards);
		at = value_at(f, "card");
		if (!found)
			lint_report_add(w->r, w->rule->file, at->line, at->col, 1, "card",
					"rule %s: card %s has no card-def%s", w->rule->name, card,
					hint(near, sizeof(near), card,
					     lint_kb_fact_values(w->kb, "card-def", "id", 0)));
	}
	if (strcmp(head, "pending") == 0 && finding != NULL && !is_variable_or_call(finding) &&
	    !has_finding_def(w->kb, finding)) {
		at = value_at(f, "finding");
		lint_report_add(w->r, w->rule->file, at->line, at->col, 1, "finding",
				"rule %s: pending names finding %s, which has no finding-def%s",
				w->rule->name, finding,
				hint(near, sizeof(near), finding,
				     lint_kb_fact_values(w->kb, "finding-def", "name", 0)));
	}
}

/* What a rule asserts: shapes, cites of conclusions, finding definitions,
 * what gate marks and options name. */
static int check_asserts(rule_walk *w)
{
	const lint_kb *kb = w->kb;
	size_t i, j;
	int concluding = 0;
	char where[300], near[200];

	snprintf(where, sizeof(where), "rule %s", w->rule->name);
	for (i = 0; i < kb->nasserts; i++) {
		const onco_sx *f = kb->asserts[i].form;
		const char *head = lint_bare_name(lint_head(f));
		const onco_sx *cite = lint_slot_of(f, "cite");
		const char *fname = lint_slot_text(f, "name");

		if (kb->asserts[i].rule != w->rule)
			continue;
		check_shape(w->r, kb, w->rule->file, f, where);
		check_references(w, f, head);
		if (strcmp(head, "finding") == 0 && fname != NULL &&
		    strpbrk(fname, "?$") == NULL && !has_finding_def(kb, fname))
			lint_report_add(w->r, w->rule->file, value_at(f, "name")->line,
					value_at(f, "name")->col, 1, "finding",
					"rule %s asserts finding %s, which has no finding-def%s",
					w->rule->name, fname,
					hint(near, sizeof(near), fname,
					     lint_kb_fact_values(kb, "finding-def", "name", 0)));
		if (!in_list(head, conclusions))
			continue;
		if (strcmp(head, "recommendation") == 0)
			check_declarations(w, f);
		concluding = 1;
		if (cite == NULL || cite->n_items < 2)
			lint_report_add(w->r, w->rule->file, f->line, f->col, 1, "cite",
					"rule %s concludes a %s without a cite",
					w->rule->name, head);
		for (j = 1; cite != NULL && j < cite->n_items; j++)
			if (lint_text(cite, j) != NULL &&
			    !is_variable_or_call(lint_text(cite, j)) &&
			    !lint_citation_exists(kb, lint_text(cite, j)))
				lint_report_add(w->r, w->rule->file, cite->items[j]->line,
						cite->items[j]->col, 1, "cite",
						"rule %s cites %s, and there is no citation with that id%s",
						w->rule->name, lint_text(cite, j),
						hint(near, sizeof(near), lint_text(cite, j),
						     lint_kb_fact_values(kb, "citation", "id", 0)));
	}
	/* Gates and drug safety relate an option to the case facts it concerns
	 * (the prior treatment it repeats, the adverse event that rules out a
	 * drug): a yes/no finding cannot say which fact, so those two files may
	 * read case facts. */
	if (concluding && w->raw_case && !in_list(w->rule->base, raw_case_files))
		lint_report_add(w->r, w->rule->file, w->rule->line, w->rule->col, 0, "raw-case",
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
			lint_report_add(r, kb->rules[j].file, kb->rules[j].line, kb->rules[j].col, 1, "duplicate",
					"rules %s (%s:%ld) and %s conclude %s under identical conditions",
					kb->rules[i].name, kb->rules[i].file, kb->rules[i].line,
					kb->rules[j].name, id);
		}
	}
}

/* The guideline a rule's first scope pattern names, or NULL. */
static const char *scope_of(const lint_rule *rule)
{
	size_t i;

	for (i = rule->lhs; i < rule->arrow; i++)
		if (strcmp(lint_bare_name(lint_head(rule->form->items[i])), "scope") == 0)
			return lint_slot_text(rule->form->items[i], "guideline");
	return NULL;
}

/* docs/rule-authoring.md, "Naming": a comment string saying what the rule
 * encodes; finding rules named finding-..., scope rules scope-..., a rule
 * of one guideline named after it. Warnings: they do not change a result. */
static void check_naming(lint_report *r, const lint_kb *kb, const lint_rule *rule)
{
	const char *guideline = scope_of(rule), *prefix = NULL;
	size_t i;

	if (rule->lhs < 3 || rule->form->items[2]->type != ONCO_SX_STRING)
		lint_report_add(r, rule->file, rule->line, rule->col, 0, "naming",
				"rule %s has no comment string: say in words what it encodes",
				rule->name);
	for (i = 0; prefix == NULL && i < kb->nasserts; i++) {
		const char *head = lint_bare_name(lint_head(kb->asserts[i].form));

		if (kb->asserts[i].rule != rule)
			continue;
		if (strcmp(head, "finding") == 0)
			prefix = "finding-";
		else if (strcmp(head, "scope") == 0)
			prefix = "scope-";
	}
	if (prefix != NULL && strncmp(rule->name, prefix, strlen(prefix)) != 0)
		lint_report_add(r, rule->file, rule->line, rule->col, 0, "naming",
				"rule %s asserts a %.*s: name it %s...", rule->name,
				(int)strlen(prefix) - 1, prefix, prefix);
	else if (prefix == NULL && guideline != NULL && !is_variable_or_call(guideline) &&
		 (strncmp(rule->name, guideline, strlen(guideline)) != 0 ||
		  rule->name[strlen(guideline)] != '-'))
		lint_report_add(r, rule->file, rule->line, rule->col, 0, "naming",
				"rule %s tests the scope of %s: name it %s-...", rule->name,
				guideline, guideline);
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
			lint_report_add(r, rule->file, lint_slot_of(declare, "salience")->line,
					lint_slot_of(declare, "salience")->col, 1,
					"salience",
					"rule %s declares a salience: options never depend on firing order, and the schema documents no phase",
					rule->name);
		if (rule->arrow == rule->form->n_items)
			lint_report_add(r, rule->file, rule->line, rule->col, 1, "syntax",
					"rule %s has no =>", rule->name);
		check_naming(r, kb, rule);
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
