/* lint_kb.c: reading a rule base into the indexes the lint checks use. */
#include "lint_kb.h"

#include "onco.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for one more item of `size` bytes in *array. 0 or -1. */
static int grow(void *array, size_t count, size_t size)
{
	void **p = array;
	void *q = realloc(*p, (count + 1) * size);

	if (q == NULL)
		return -1;
	*p = q;
	return 0;
}

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d != NULL) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

int lint_kb_add_file(lint_kb *kb, const char *shown, const char *base,
		     const char *text, size_t length, onco_error *err)
{
	onco_sx *forms = NULL;
	lint_file *f;
	long line = 0;
	int rc = onco_sx_read(&forms, text, length, &line);

	if (rc == ONCO_EINVALID || rc == ONCO_ELIMIT) {
		if (rc == ONCO_ELIMIT)
			onco_error_set(err, ONCO_EINVALID,
				       "parentheses nested deeper than %d levels", ONCO_SX_MAX_DEPTH);
		else
			onco_error_set(err, rc, "unbalanced parentheses or an unterminated string");
		if (err != NULL)
			err->line = line;
		return ONCO_EINVALID;
	}
	if (rc != 0)
		return onco_error_set(err, rc, "out of memory");
	if (grow(&kb->files, kb->nfiles, sizeof(*kb->files)) != 0) {
		onco_sx_free(forms);
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	}
	f = &kb->files[kb->nfiles];
	f->name = dup_n(shown, strlen(shown));
	f->base = dup_n(base, strlen(base));
	f->forms = forms;
	kb->nfiles++;
	if (f->name == NULL || f->base == NULL)
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	return 0;
}

int lint_kb_add_source(lint_kb *kb, const char *name, const char *text,
		       size_t length)
{
	lint_source *s;

	if (grow(&kb->sources, kb->nsources, sizeof(*kb->sources)) != 0)
		return ONCO_ENOMEM;
	s = &kb->sources[kb->nsources++];
	s->name = dup_n(name, strlen(name));
	s->text = dup_n(text, length);
	return s->name != NULL && s->text != NULL ? 0 : ONCO_ENOMEM;
}

/* The source file named by the "## ..." heading above `at`: the text
 * between the last backquotes of the heading line, when it ends in .txt. */
static char *section_source(const char *text, const char *at)
{
	const char *p, *heading = NULL, *end, *open;

	for (p = text; p < at; p++)
		if ((p == text || p[-1] == '\n') && strncmp(p, "## ", 3) == 0)
			heading = p;
	if (heading == NULL)
		return NULL;
	end = strchr(heading, '\n');
	if (end == NULL)
		end = heading + strlen(heading);
	while (end > heading && end[-1] != '`')
		end--;
	if (end == heading)
		return NULL;
	for (open = end - 2; open > heading && *open != '`'; open--)
		;
	if (*open != '`' || end - open - 2 < 5 || strncmp(end - 5, ".txt", 4) != 0)
		return NULL;
	return dup_n(open + 1, (size_t)(end - open - 2));
}

/* Labels are written [XX-n] in the map: capitals and digits, a hyphen, digits. */
int lint_kb_set_map(lint_kb *kb, const char *text)
{
	size_t i;
	int rc;

	onco_map_labels_free(kb->labels, kb->nlabels);
	for (i = 0; kb->label_sources != NULL && i < kb->nlabels; i++)
		free(kb->label_sources[i]);
	free(kb->label_sources);
	kb->labels = NULL;
	kb->label_sources = NULL;
	kb->nlabels = 0;
	rc = onco_map_labels(text, &kb->labels, &kb->nlabels);
	if (rc != 0)
		return rc;
	kb->label_sources = calloc(kb->nlabels + 1, sizeof(*kb->label_sources));
	if (kb->label_sources == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < kb->nlabels; i++) {
		char bracketed[64];
		const char *at;

		snprintf(bracketed, sizeof(bracketed), "[%s]", kb->labels[i]);
		at = strstr(text, bracketed);
		kb->label_sources[i] = at != NULL ? section_source(text, at) : NULL;
	}
	return 0;
}

const char *lint_text(const onco_sx *list, size_t i)
{
	if (list == NULL || list->type != ONCO_SX_LIST || i >= list->n_items ||
	    list->items[i]->type == ONCO_SX_LIST)
		return NULL;
	return list->items[i]->text;
}

const char *lint_head(const onco_sx *s)
{
	return onco_sx_atom(s, 0);
}

const char *lint_bare_name(const char *name)
{
	const char *colons;

	if (name == NULL)
		return "";
	colons = strstr(name, "::");

	return colons != NULL ? colons + 2 : name;
}

const lint_template *lint_kb_template(const lint_kb *kb, const char *name)
{
	size_t i;

	name = lint_bare_name(name);
	for (i = 0; i < kb->ntemplates; i++)
		if (strcmp(kb->templates[i].name, name) == 0)
			return &kb->templates[i];
	return NULL;
}

const lint_slot *lint_template_slot(const lint_template *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->nslots; i++)
		if (strcmp(t->slots[i].name, name) == 0)
			return &t->slots[i];
	return NULL;
}

const onco_sx *lint_slot_of(const onco_sx *fact, const char *slot)
{
	size_t i;

	for (i = 1; fact != NULL && i < fact->n_items; i++) {
		const char *head = lint_head(fact->items[i]);

		if (head != NULL && strcmp(head, slot) == 0)
			return fact->items[i];
	}
	return NULL;
}

const char *lint_slot_text(const onco_sx *fact, const char *slot)
{
	return lint_text(lint_slot_of(fact, slot), 1);
}

/* (deftemplate NAME ["comment"] (slot|multislot|field NAME attribute...)...) */
static int index_template(lint_kb *kb, const lint_file *f, const onco_sx *form)
{
	lint_template *t;
	size_t i;

	if (lint_text(form, 1) == NULL)
		return 0;
	if (grow(&kb->templates, kb->ntemplates, sizeof(*kb->templates)) != 0)
		return ONCO_ENOMEM;
	t = &kb->templates[kb->ntemplates++];
	memset(t, 0, sizeof(*t));
	t->name = lint_bare_name(lint_text(form, 1));
	t->file = f->name;
	t->line = form->line;
	for (i = 2; i < form->n_items; i++) {
		const onco_sx *s = form->items[i];
		const char *head = lint_head(s);

		if (head == NULL || lint_text(s, 1) == NULL ||
		    (strcmp(head, "slot") != 0 && strcmp(head, "multislot") != 0 &&
		     strcmp(head, "field") != 0))
			continue;
		if (grow(&t->slots, t->nslots, sizeof(*t->slots)) != 0)
			return ONCO_ENOMEM;
		t->slots[t->nslots].name = lint_text(s, 1);
		t->slots[t->nslots].allowed = lint_slot_of(s, "allowed-symbols");
		t->is_case |= strcmp(lint_text(s, 1), "pointer") == 0;
		t->nslots++;
	}
	return 0;
}

static int add_fact(lint_fact **array, size_t *count, const onco_sx *form,
		    const char *file, const lint_rule *rule)
{
	if (form->type != ONCO_SX_LIST || grow(array, *count, sizeof(**array)) != 0)
		return form->type != ONCO_SX_LIST ? 0 : ONCO_ENOMEM;
	(*array)[*count] = (lint_fact){form, file, form->line, form->col, rule};
	(*count)++;
	return 0;
}

/* Every (assert FACT...) anywhere in a rule's actions. */
static int index_asserts(lint_kb *kb, const lint_rule *r, const onco_sx *s)
{
	const char *head = lint_head(s);
	size_t i;
	int rc;

	if (s->type != ONCO_SX_LIST)
		return 0;
	for (i = 0; i < s->n_items; i++) {
		if (head != NULL && strcmp(head, "assert") == 0 && i > 0)
			rc = add_fact(&kb->asserts, &kb->nasserts, s->items[i], r->file, r);
		else
			rc = index_asserts(kb, r, s->items[i]);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* (defrule NAME ["comment"] [(declare ...)] CE... => ACTION...) */
static int index_rule(lint_kb *kb, const lint_file *f, const onco_sx *form)
{
	lint_rule *r;
	size_t i;

	if (lint_text(form, 1) == NULL)
		return 0;
	if (grow(&kb->rules, kb->nrules, sizeof(*kb->rules)) != 0)
		return ONCO_ENOMEM;
	r = &kb->rules[kb->nrules++];
	r->name = lint_text(form, 1);
	r->file = f->name;
	r->base = f->base;
	r->line = form->line;
	r->col = form->col;
	r->form = form;
	r->lhs = 2;
	if (r->lhs < form->n_items && form->items[r->lhs]->type == ONCO_SX_STRING)
		r->lhs++;
	if (r->lhs < form->n_items && lint_head(form->items[r->lhs]) != NULL &&
	    strcmp(lint_head(form->items[r->lhs]), "declare") == 0)
		r->lhs++;
	r->arrow = form->n_items;
	for (i = r->lhs; i < form->n_items; i++)
		if (lint_text(form, i) != NULL && form->items[i]->type == ONCO_SX_ATOM &&
		    strcmp(lint_text(form, i), "=>") == 0) {
			r->arrow = i;
			break;
		}
	return 0;
}

int lint_kb_index(lint_kb *kb)
{
	size_t i, j, k;
	int rc = 0;

	for (i = 0; i < kb->nfiles && rc == 0; i++) {
		const lint_file *f = &kb->files[i];

		for (j = 0; j < f->forms->n_items && rc == 0; j++) {
			const onco_sx *form = f->forms->items[j];
			const char *head = lint_head(form);

			if (head == NULL)
				continue;
			if (strcmp(head, "deftemplate") == 0)
				rc = index_template(kb, f, form);
			else if (strcmp(head, "defrule") == 0)
				rc = index_rule(kb, f, form);
			else if (strcmp(head, "deffacts") == 0)
				for (k = 2; k < form->n_items && rc == 0; k++)
					rc = add_fact(&kb->facts, &kb->nfacts, form->items[k],
						      f->name, NULL);
		}
	}
	/* asserts after every rule is indexed: kb->rules no longer moves */
	for (i = 0; i < kb->nrules && rc == 0; i++)
		for (j = kb->rules[i].arrow + 1; j < kb->rules[i].form->n_items && rc == 0; j++)
			rc = index_asserts(kb, &kb->rules[i], kb->rules[i].form->items[j]);
	return rc;
}

void lint_kb_free(lint_kb *kb)
{
	size_t i;

	for (i = 0; i < kb->nfiles; i++) {
		free(kb->files[i].name);
		free(kb->files[i].base);
		onco_sx_free(kb->files[i].forms);
	}
	for (i = 0; i < kb->ntemplates; i++)
		free(kb->templates[i].slots);
	for (i = 0; i < kb->nsources; i++) {
		free(kb->sources[i].name);
		free(kb->sources[i].text);
	}
	for (i = 0; i < kb->nlabels; i++) {
		free(kb->labels[i]);
		if (kb->label_sources != NULL)
			free(kb->label_sources[i]);
	}
	free(kb->label_sources);
	free(kb->files);
	free(kb->templates);
	free(kb->rules);
	free(kb->facts);
	free(kb->asserts);
	free(kb->sources);
	free(kb->labels);
	memset(kb, 0, sizeof(*kb));
}

/* Appends `name` to a NULL-terminated list unless it holds it; -1 when
 * memory runs out (the list is freed then). */
static int add_name(const char ***list, size_t *n, const char *name)
{
	const char **grown;
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*list)[i], name) == 0)
			return 0;
	grown = realloc(*list, (*n + 2) * sizeof(*grown));
	if (grown == NULL) {
		free(*list);
		*list = NULL;
		return -1;
	}
	*list = grown;
	grown[(*n)++] = name;
	grown[*n] = NULL;
	return 0;
}

/* An empty NULL-terminated list. */
static const char **no_names(void)
{
	return calloc(1, sizeof(const char *));
}

const char **lint_kb_template_names(const lint_kb *kb)
{
	const char **list = no_names();
	size_t i, n = 0;

	for (i = 0; list != NULL && i < kb->ntemplates; i++)
		add_name(&list, &n, kb->templates[i].name);
	return list;
}

const char **lint_template_slot_names(const lint_template *t)
{
	const char **list = no_names();
	size_t i, n = 0;

	for (i = 0; list != NULL && i < t->nslots; i++)
		add_name(&list, &n, t->slots[i].name);
	return list;
}

const char **lint_allowed_values(const lint_slot *slot)
{
	const char **list = no_names();
	size_t i, n = 0;

	for (i = 1; list != NULL && slot->allowed != NULL && i < slot->allowed->n_items; i++)
		if (lint_text(slot->allowed, i) != NULL)
			add_name(&list, &n, lint_text(slot->allowed, i));
	return list;
}

const char **lint_kb_fact_values(const lint_kb *kb, const char *template_name,
				 const char *slot, int from_asserts)
{
	const lint_fact *facts = from_asserts ? kb->asserts : kb->facts;
	size_t count = from_asserts ? kb->nasserts : kb->nfacts, i, n = 0;
	const char **list = no_names();

	for (i = 0; list != NULL && i < count; i++) {
		const char *v = lint_slot_text(facts[i].form, slot);

		if (strcmp(lint_bare_name(lint_head(facts[i].form)), template_name) == 0 &&
		    v != NULL && v[0] != '?' && v[0] != '$')
			add_name(&list, &n, v);
	}
	return list;
}
