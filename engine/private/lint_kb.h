/*
 * lint_kb.h: a rule base as `oncorules lint` sees it: the s-expressions of
 * every rule file, and indexes of its templates, rules, deffacts facts and
 * source texts, each with file and line. Private to engine/.
 *
 * Everything points into `forms` of the files, owned by the lint_kb and
 * released by lint_kb_free.
 */
#ifndef ONCO_LINT_KB_H
#define ONCO_LINT_KB_H

#include <stddef.h>

#include "onco_error.h"
#include "sexpr.h"

typedef struct lint_slot {
	const char *name;
	const onco_sx *allowed; /* the (allowed-symbols ...) list, or NULL */
} lint_slot;

typedef struct lint_template {
	const char *name;
	const char *file;
	long line;
	lint_slot *slots;
	size_t nslots;
	int is_case; /* a case fact: it has a `pointer` slot */
} lint_template;

typedef struct lint_rule {
	const char *name;
	const char *file; /* as shown: "rules/cervix-recurrent.clp" */
	const char *base; /* file name only: "cervix-recurrent.clp" */
	long line, col;
	const onco_sx *form;
	size_t lhs;   /* index of the first item after name, comment, declare */
	size_t arrow; /* index of "=>" (form->n_items when missing) */
} lint_rule;

/* A fact of a deffacts, or a fact a rule asserts. */
typedef struct lint_fact {
	const onco_sx *form; /* (template (slot value) ...) */
	const char *file;
	long line, col;
	const lint_rule *rule; /* the asserting rule; NULL for deffacts */
} lint_fact;

typedef struct lint_source {
	char *name; /* file name under sources/ */
	char *text;
} lint_source;

typedef struct lint_file {
	char *name; /* as shown */
	char *base;
	onco_sx *forms;
} lint_file;

typedef struct lint_kb {
	lint_file *files;
	size_t nfiles;
	lint_template *templates;
	size_t ntemplates;
	lint_rule *rules;
	size_t nrules;
	lint_fact *facts; /* deffacts facts */
	size_t nfacts;
	lint_fact *asserts; /* facts asserted by rules */
	size_t nasserts;
	lint_source *sources;
	size_t nsources;
	char **labels; /* knowledge-map labels; NULL when no map was given */
	char **label_sources; /* the source file of each label's section
				 ("## ... `002_x.txt`"), NULL when none */
	size_t nlabels;
} lint_kb;

/*
 * Adds a rule file (`shown` is the name used in messages, `base` the file
 * name). A file that cannot be read as s-expressions is not added: returns
 * ONCO_EINVALID with the line in `err`. ONCO_ENOMEM when memory runs out.
 */
int lint_kb_add_file(lint_kb *kb, const char *shown, const char *base,
		     const char *text, size_t length, onco_error *err);

/* Adds the text of sources/<name>. 0 or ONCO_ENOMEM. */
int lint_kb_add_source(lint_kb *kb, const char *name, const char *text,
		       size_t length);

/* Reads the labels ([C4-1], [CR-7], ...) of a knowledge map. 0 or ONCO_ENOMEM. */
int lint_kb_set_map(lint_kb *kb, const char *text);

/* Builds the indexes once every file is added. 0 or ONCO_ENOMEM. */
int lint_kb_index(lint_kb *kb);

void lint_kb_free(lint_kb *kb);

/* Helpers over the forms. */
const lint_template *lint_kb_template(const lint_kb *kb, const char *name);
const lint_slot *lint_template_slot(const lint_template *t, const char *name);
/* The (name value...) item of a fact or pattern, or NULL. */
const onco_sx *lint_slot_of(const onco_sx *fact, const char *slot);
/* The first value of a slot when it is an atom or string, or NULL. */
const char *lint_slot_text(const onco_sx *fact, const char *slot);
/* The i-th item of a list when it is an atom or a string, else NULL. */
const char *lint_text(const onco_sx *list, size_t i);
/* The head symbol of a list ("defrule" for (defrule ...)), else NULL. */
const char *lint_head(const onco_sx *s);
/* A template name without its module ("MAIN::finding" -> "finding"). */
const char *lint_bare_name(const char *name);

/* NULL-terminated lists of names, for a did-you-mean (onco_suggest); the
 * caller frees the array (not the names), NULL when memory runs out. */
/* Every template name. */
const char **lint_kb_template_names(const lint_kb *kb);
/* Every slot name of a template. */
const char **lint_template_slot_names(const lint_template *t);
/* The values of a slot's (allowed-symbols ...). */
const char **lint_allowed_values(const lint_slot *slot);
/* The literal values of `slot` in every `template` fact of the deffacts
 * (`from_asserts` 0) or of what rules assert (1), each once:
 * finding-def names, citation ids, card-def ids, recommendation ids. */
const char **lint_kb_fact_values(const lint_kb *kb, const char *template_name,
				 const char *slot, int from_asserts);

#endif
