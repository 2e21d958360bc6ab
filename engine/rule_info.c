/*
 * rule_info.c: reading what a rule tests and concludes from its
 * pretty-print form. Concluding rules follow the convention of
 * docs/rule-authoring.md: conditions on scope and findings, one assert.
 */
#include "rule_info.h"

#include <stdlib.h>
#include <string.h>

#include "onco_error.h"
#include "private/engine_internal.h"
#include "sexpr.h"

const char *const onco_finding_values[3] = {"yes", "no", "unknown"};

static const struct {
	const char *template_name;
	onco_rule_kind kind;
} conclusion_templates[] = {
	{"scope", ONCO_RULE_SCOPE},
	{"finding", ONCO_RULE_FINDING},
	{"recommendation", ONCO_RULE_RECOMMENDATION},
	{"exclusion", ONCO_RULE_EXCLUSION},
	{"warning", ONCO_RULE_WARNING},
	{"note", ONCO_RULE_NOTE},
	{"missing", ONCO_RULE_MISSING},
	{"pending", ONCO_RULE_PENDING},
	{"history", ONCO_RULE_HISTORY},
	{"lead", ONCO_RULE_LEAD},
};

const char *onco_rule_kind_name(onco_rule_kind kind)
{
	static const char *const names[] = {"other", "scope", "finding",
					    "recommendation", "exclusion",
					    "warning", "note", "missing",
					    "pending", "history", "lead"};
	return names[kind];
}

void onco_rule_info_release(onco_rule_info *info)
{
	size_t i;

	if (info == NULL)
		return;
	free(info->name);
	free(info->comment);
	free(info->file);
	free(info->concludes);
	free(info->id_pattern);
	free(info->value);
	free(info->option);
	free(info->modality);
	free(info->procedure);
	free(info->summary);
	for (i = 0; i < info->n_agents; i++)
		free(info->agents[i]);
	free(info->agents);
	for (i = 0; i < info->n_cites; i++)
		free(info->cites[i]);
	free(info->cites);
	for (i = 0; i < info->n_conditions; i++) {
		free(info->conditions[i].name);
		free(info->conditions[i].text);
	}
	free(info->conditions);
	for (i = 0; i < info->n_decls; i++) {
		size_t v;

		for (v = 0; v < info->decls[i].n_values; v++)
			free(info->decls[i].values[v].text);
		free(info->decls[i].values);
		free(info->decls[i].slot);
	}
	free(info->decls);
	memset(info, 0, sizeof(*info));
}

/* The first value of slot `slot` of `pattern` as a new string, or NULL
 * when there is none; a copy that cannot be made sets *rc to ONCO_ENOMEM
 * (NULL must never stand for both "no value" and "no memory"). */
static char *slot_first(const onco_sx *pattern, const char *slot, int *rc)
{
	const onco_sx *s = onco_sx_slot(pattern, slot);
	char *copy;

	if (s == NULL || s->n_items < 2 || s->items[1]->type == ONCO_SX_LIST)
		return NULL;
	copy = onco_strdup(s->items[1]->text);
	if (copy == NULL)
		*rc = ONCO_ENOMEM;
	return copy;
}

static int is_variable(const char *t)
{
	return t[0] == '?' || t[0] == '$';
}

/* The ids an id slot can take, when it is not a literal: a variable is
 * "*"; (sym-cat a ?b "c") is "a*c" (every argument that is not a literal
 * is "*"). NULL for a literal id or an absent slot; a copy that cannot be
 * made sets *rc to ONCO_ENOMEM. */
static char *slot_pattern(const onco_sx *pattern, const char *slot, int *rc)
{
	const onco_sx *s = onco_sx_slot(pattern, slot), *v;
	size_t i, n = 0;
	char *out;

	if (s == NULL || s->n_items < 2)
		return NULL;
	v = s->items[1];
	if (v->type != ONCO_SX_LIST) {
		if (!is_variable(v->text))
			return NULL;
		if ((out = onco_strdup("*")) == NULL)
			*rc = ONCO_ENOMEM;
		return out;
	}
	for (i = 1; i < v->n_items; i++)
		n += v->items[i]->type == ONCO_SX_LIST ? 1 : strlen(v->items[i]->text);
	out = malloc(n + 2);
	if (out == NULL) {
		*rc = ONCO_ENOMEM;
		return NULL;
	}
	out[0] = '\0';
	for (i = 1; i < v->n_items; i++) {
		const onco_sx *a = v->items[i];
		size_t used = strlen(out);

		if (a->type == ONCO_SX_LIST || is_variable(a->text)) {
			if (used == 0 || out[used - 1] != '*')
				strcat(out, "*");
		} else {
			strcat(out, a->text);
		}
	}
	if (out[0] == '\0')
		strcpy(out, "*");
	return out;
}

/* All atom values of slot `slot` as new strings. */
static int slot_all(const onco_sx *pattern, const char *slot, char ***out,
		    size_t *count)
{
	const onco_sx *s = onco_sx_slot(pattern, slot);
	size_t i, n = 0;

	*out = NULL;
	*count = 0;
	if (s == NULL || s->n_items < 2)
		return 0;
	*out = calloc(s->n_items - 1, sizeof(char *));
	if (*out == NULL)
		return ONCO_ENOMEM;
	for (i = 1; i < s->n_items; i++) {
		if (s->items[i]->type == ONCO_SX_LIST)
			continue;
		(*out)[n] = onco_strdup(s->items[i]->text);
		if ((*out)[n] == NULL)
			return ONCO_ENOMEM;
		n++;
		*count = n;
	}
	return 0;
}

/* Which finding values a constraint such as yes, yes|unknown, ~no or ?v
 * accepts. */
static void constraint_accepts(const char *c, int accepts[3])
{
	int negate = 0;
	size_t v;

	if (c == NULL || c[0] == '?' || c[0] == '$') {
		accepts[0] = accepts[1] = accepts[2] = 1;
		return;
	}
	if (c[0] == '~') {
		negate = 1;
		c++;
	}
	for (v = 0; v < 3; v++) {
		const char *p = c;
		size_t n = strlen(onco_finding_values[v]);
		int found = 0;
		while (*p) {
			size_t len = strcspn(p, "|");
			if (len == n && strncmp(p, onco_finding_values[v], n) == 0)
				found = 1;
			p += len;
			if (*p == '|')
				p++;
		}
		accepts[v] = negate ? !found : found;
	}
}

static int add_condition(onco_rule_info *info, const onco_sx *ce, int negated)
{
	onco_condition *grown, *c;
	const char *head = onco_sx_atom(ce, 0);
	int rc = 0;

	grown = realloc(info->conditions,
			(info->n_conditions + 1) * sizeof(*grown));
	if (grown == NULL)
		return ONCO_ENOMEM;
	info->conditions = grown;
	c = &grown[info->n_conditions++];
	memset(c, 0, sizeof(*c));
	c->negated = negated;
	c->kind = ONCO_COND_OTHER;
	if (head != NULL && strcmp(head, "scope") == 0) {
		c->kind = ONCO_COND_SCOPE;
		c->name = slot_first(ce, "guideline", &rc);
	} else if (head != NULL && strcmp(head, "finding") == 0) {
		const onco_sx *value = onco_sx_slot(ce, "value");
		c->kind = ONCO_COND_FINDING;
		c->name = slot_first(ce, "name", &rc);
		constraint_accepts(value != NULL && value->n_items > 1
					   ? value->items[1]->text
					   : NULL,
				   c->accepts);
	}
	c->text = onco_sx_text(ce);
	return c->text == NULL ? ONCO_ENOMEM : rc;
}

const onco_decl *onco_rule_decl(const onco_rule_info *info, const char *slot)
{
	size_t i;

	for (i = 0; i < info->n_decls; i++)
		if (strcmp(info->decls[i].slot, slot) == 0)
			return &info->decls[i];
	return NULL;
}

const char *onco_rule_decl_text(const onco_rule_info *info, const char *slot)
{
	const onco_decl *d = onco_rule_decl(info, slot);

	return d != NULL && d->n_values > 0 ? d->values[0].text : NULL;
}

/* The type of an atom as CLIPS reads it: a number or a symbol. */
static onco_decl_type atom_type(const char *text)
{
	char *end;

	if (text[0] == '\0')
		return ONCO_DECL_SYMBOL;
	(void)strtol(text, &end, 10);
	if (*end == '\0')
		return ONCO_DECL_INTEGER;
	(void)strtod(text, &end);
	return *end == '\0' ? ONCO_DECL_FLOAT : ONCO_DECL_SYMBOL;
}

/* Reads one (slot value...) item of the asserted fact into a decl. A value
 * that is a variable or a call is not a declaration: decls_literal drops. */
static int read_decl(onco_rule_info *info, const onco_sx *slot)
{
	onco_decl *grown, *d;
	size_t i;

	if (slot->type != ONCO_SX_LIST || onco_sx_atom(slot, 0) == NULL) {
		info->decls_literal = 0;
		return 0;
	}
	grown = realloc(info->decls, (info->n_decls + 1) * sizeof(*grown));
	if (grown == NULL)
		return ONCO_ENOMEM;
	info->decls = grown;
	d = &grown[info->n_decls];
	memset(d, 0, sizeof(*d));
	if ((d->slot = onco_strdup(onco_sx_atom(slot, 0))) == NULL)
		return ONCO_ENOMEM;
	info->n_decls++;
	if (slot->n_items > 1 &&
	    (d->values = calloc(slot->n_items - 1, sizeof(*d->values))) == NULL)
		return ONCO_ENOMEM;
	for (i = 1; i < slot->n_items; i++) {
		const onco_sx *v = slot->items[i];
		onco_decl_value *out = &d->values[d->n_values];

		if (v->type == ONCO_SX_LIST || v->text[0] == '?' || v->text[0] == '$') {
			info->decls_literal = 0;
			continue;
		}
		out->type = v->type == ONCO_SX_STRING ? ONCO_DECL_STRING : atom_type(v->text);
		if ((out->text = onco_strdup(v->text)) == NULL)
			return ONCO_ENOMEM;
		d->n_values++;
	}
	return 0;
}

static int read_decls(onco_rule_info *info, const onco_sx *fact)
{
	size_t i;
	int rc = 0;

	info->decls_literal = 1;
	for (i = 1; i < fact->n_items && rc == 0; i++)
		rc = read_decl(info, fact->items[i]);
	return rc;
}

static int read_conclusion(onco_rule_info *info, const onco_sx *fact)
{
	const char *tmpl = onco_sx_atom(fact, 0);
	size_t i;
	int rc = 0;

	if (tmpl == NULL)
		return 0;
	for (i = 0; i < sizeof(conclusion_templates) / sizeof(conclusion_templates[0]); i++)
		if (strcmp(tmpl, conclusion_templates[i].template_name) == 0)
			info->kind = conclusion_templates[i].kind;
	switch (info->kind) {
	case ONCO_RULE_SCOPE:
		info->concludes = slot_first(fact, "guideline", &rc);
		break;
	case ONCO_RULE_FINDING:
		info->concludes = slot_first(fact, "name", &rc);
		info->value = slot_first(fact, "value", &rc);
		break;
	case ONCO_RULE_MISSING:
		info->concludes = slot_first(fact, "field", &rc);
		info->summary = slot_first(fact, "needed-for", &rc);
		break;
	case ONCO_RULE_OTHER:
		return 0;
	case ONCO_RULE_PENDING:
	case ONCO_RULE_HISTORY:
	case ONCO_RULE_LEAD:
		info->option = slot_first(fact, "option", &rc);
		info->value = slot_first(fact, info->kind == ONCO_RULE_PENDING ? "finding" : "status",
					 &rc);
		info->summary = slot_first(fact, "reason", &rc);
		return rc != 0 ? rc : slot_all(fact, "cite", &info->cites, &info->n_cites);
	default:
		info->concludes = slot_first(fact, "id", &rc);
		info->id_pattern = slot_pattern(fact, "id", &rc);
		info->option = slot_first(fact, "option", &rc);
		info->modality = slot_first(fact, "modality", &rc);
		info->procedure = slot_first(fact, "procedure", &rc);
		info->summary = slot_first(fact, "summary", &rc);
		if (info->summary == NULL)
			info->summary = slot_first(fact, "reason", &rc);
		if (info->summary == NULL)
			info->summary = slot_first(fact, "text", &rc);
		if (rc == 0)
			rc = slot_all(fact, info->kind == ONCO_RULE_WARNING ? "agent" : "agents",
				      &info->agents, &info->n_agents);
		if (rc == 0 && info->kind == ONCO_RULE_RECOMMENDATION)
			rc = read_decls(info, fact);
		if (rc == 0)
			rc = slot_all(fact, "cite", &info->cites, &info->n_cites);
		return rc;
	}
	return rc;
}

/* Looks through the right-hand side for the first (assert (template ...))
 * and for I/O. */
static int read_actions(onco_rule_info *info, const onco_sx *action)
{
	const char *head = onco_sx_atom(action, 0);
	size_t i;
	int rc;

	if (action->type != ONCO_SX_LIST)
		return 0;
	if (head != NULL &&
	    (strcmp(head, "printout") == 0 || strcmp(head, "read") == 0 ||
	     strcmp(head, "readline") == 0 || strcmp(head, "format") == 0 ||
	     strcmp(head, "open") == 0))
		info->has_io = 1;
	if (head != NULL && strcmp(head, "assert") == 0 && info->kind == ONCO_RULE_OTHER &&
	    action->n_items > 1)
		return read_conclusion(info, action->items[1]);
	for (i = 0; i < action->n_items; i++)
		if ((rc = read_actions(info, action->items[i])) != 0)
			return rc;
	return 0;
}

static int read_lhs(onco_rule_info *info, const onco_sx *ce)
{
	const char *head = onco_sx_atom(ce, 0);

	if (head != NULL && strcmp(head, "declare") == 0) {
		info->has_salience = onco_sx_slot(ce, "salience") != NULL;
		return 0;
	}
	if (head != NULL && strcmp(head, "not") == 0 && ce->n_items == 2 &&
	    ce->items[1]->type == ONCO_SX_LIST)
		return add_condition(info, ce->items[1], 1);
	return add_condition(info, ce, 0);
}

int onco_rule_info_parse(onco_rule_info *out, const char *ppform)
{
	onco_sx *root = NULL;
	const onco_sx *rule;
	const char *name;
	size_t i;
	int rc, rhs = 0;

	memset(out, 0, sizeof(*out));
	rc = onco_sx_read(&root, ppform, strlen(ppform), NULL);
	if (rc != 0)
		return rc;
	rc = ONCO_EINVALID;
	if (root->n_items != 1)
		goto done;
	rule = root->items[0];
	name = onco_sx_atom(rule, 1);
	if (name == NULL || onco_sx_atom(rule, 0) == NULL ||
	    strcmp(onco_sx_atom(rule, 0), "defrule") != 0)
		goto done;
	if (strstr(name, "::") != NULL)
		name = strstr(name, "::") + 2;
	rc = ONCO_ENOMEM;
	if ((out->name = onco_strdup(name)) == NULL)
		goto done;
	i = 2;
	if (i < rule->n_items && rule->items[i]->type == ONCO_SX_STRING) {
		if ((out->comment = onco_strdup(rule->items[i]->text)) == NULL)
			goto done;
		i++;
	}
	rc = 0;
	for (; i < rule->n_items && rc == 0; i++) {
		const onco_sx *item = rule->items[i];
		const char *atom = item->type == ONCO_SX_ATOM ? item->text : NULL;

		if (atom != NULL && strcmp(atom, "=>") == 0)
			rhs = 1;
		else if (atom != NULL) /* ?f <- (pattern): the binding is skipped */
			continue;
		else if (rhs)
			rc = read_actions(out, item);
		else
			rc = read_lhs(out, item);
	}
done:
	onco_sx_free(root);
	if (rc != 0)
		onco_rule_info_release(out);
	return rc;
}

int onco_condition_names_guideline(const onco_condition *c)
{
	/* (scope (guideline ?g)) holds for every guideline: a shared rule */
	return c->name != NULL && strpbrk(c->name, "?$|&~:=") == NULL;
}
