/*
 * rule_info.h: what a rule tests and concludes, read from its pretty-print
 * form. The engine uses it to find missing information, to list the
 * catalogue and to answer "why not".
 */
#ifndef ONCO_RULE_INFO_H
#define ONCO_RULE_INFO_H

#include <stddef.h>

typedef enum onco_rule_kind {
	ONCO_RULE_OTHER = 0,
	ONCO_RULE_SCOPE,
	ONCO_RULE_FINDING,
	ONCO_RULE_RECOMMENDATION,
	ONCO_RULE_EXCLUSION,
	ONCO_RULE_WARNING,
	ONCO_RULE_NOTE,
	ONCO_RULE_MISSING,
	/* gate marks on an option (rules/schema.clp, docs/design.md) */
	ONCO_RULE_PENDING,
	ONCO_RULE_HISTORY,
	ONCO_RULE_LEAD
} onco_rule_kind;

typedef enum onco_condition_kind {
	ONCO_COND_SCOPE,   /* (scope (guideline X)) */
	ONCO_COND_FINDING, /* (finding (name N) (value V)) */
	ONCO_COND_OTHER    /* any other pattern or conditional element */
} onco_condition_kind;

typedef struct onco_condition {
	onco_condition_kind kind;
	int negated;   /* the pattern stands inside (not ...) */
	char *name;    /* guideline id or finding name; NULL for OTHER */
	int accepts[3]; /* finding values accepted: yes, no, unknown */
	char *text;    /* the conditional element as written */
} onco_condition;

/* A value of a slot as the right-hand side writes it. */
typedef enum onco_decl_type {
	ONCO_DECL_SYMBOL,
	ONCO_DECL_STRING,
	ONCO_DECL_INTEGER,
	ONCO_DECL_FLOAT
} onco_decl_type;

typedef struct onco_decl_value {
	onco_decl_type type;
	char *text;
} onco_decl_value;

/* One slot of the recommendation a rule asserts: what the option declares
 * about itself (modality, agents, choices, card, role, ...). */
typedef struct onco_decl {
	char *slot;
	onco_decl_value *values;
	size_t n_values;
} onco_decl;

typedef struct onco_rule_info {
	char *name; /* without the module prefix */
	char *comment;
	char *file; /* rule-base file it was defined in */
	long line;
	onco_rule_kind kind;
	char *concludes;  /* id of the conclusion, guideline of a scope, finding name */
	char *id_pattern; /* when the id is computed ((sym-cat ?o -excluded-x)) or
			     a variable: the ids it can take, '*' for each
			     variable part ("*-excluded-x"); else NULL */
	char *value;      /* finding value, for finding rules */
	char *option;     /* the option an exclusion, warning or gate mark names */
	char *modality;
	char *procedure;
	char *summary;    /* summary, reason or text of the conclusion */
	char **agents;
	size_t n_agents;
	char **cites;
	size_t n_cites;
	onco_condition *conditions;
	size_t n_conditions;
	/* Recommendation rules: every slot of the asserted fact, in the order
	 * written. The engine asserts a "possible" option from them, so they
	 * must be literals: decls_literal is 0 when a value is a variable or a
	 * function call (lint reports it; such a rule gives no "possible"). */
	onco_decl *decls;
	size_t n_decls;
	int decls_literal;
	int has_salience;
	int has_io;
} onco_rule_info;

/* Finding values in the order of onco_condition.accepts. */
extern const char *const onco_finding_values[3];

/* Reads a rule's pretty-print form into *out (zeroed first). Returns 0,
 * ONCO_EINVALID when the text is not a defrule, or ONCO_ENOMEM. */
int onco_rule_info_parse(onco_rule_info *out, const char *ppform);

void onco_rule_info_release(onco_rule_info *info);

/* The declared slot `slot` of a recommendation rule, or NULL. */
const onco_decl *onco_rule_decl(const onco_rule_info *info, const char *slot);

/* The first declared value of `slot` as text, or NULL. */
const char *onco_rule_decl_text(const onco_rule_info *info, const char *slot);
/* Whether a condition names one guideline by its id: (scope (guideline
 * cervix-recurrent)), not (scope (guideline ?g)), which any scope meets. */
int onco_condition_names_guideline(const onco_condition *c);

/* The name of a rule kind: "recommendation", "finding", ... */
const char *onco_rule_kind_name(onco_rule_kind kind);

#endif
