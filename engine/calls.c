/*
 * calls.c: the functions a rule base may call (see private/calls.h).
 *
 * One table, the allow-list, read by the loader (a rule base that calls
 * anything else is refused, with the construct and line) and by `oncorules
 * lint`; docs/rule-authoring.md lists it and a unit test checks the page
 * against it. A second, shorter list names the functions with effects
 * outside working memory; they are removed from every engine's CLIPS
 * environment before any rule text or image is loaded, so that even a
 * construct the check could not see cannot reach them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "onco_error.h"
#include "private/calls.h"

/* The allow-list. Pure functions only: each computes on its arguments and
 * working memory, and nothing else; none depends on time, chance or what
 * earlier cases did (gensym, random, time are not here). */
static const onco_allowed_call allowed[] = {
	/* logic and comparison */
	{"and", "logic"}, {"or", "logic"}, {"not", "logic"}, {"eq", "logic"},
	{"neq", "logic"}, {"=", "logic"}, {"<>", "logic"}, {"!=", "logic"},
	{">", "logic"}, {">=", "logic"}, {"<", "logic"}, {"<=", "logic"},
	/* type predicates */
	{"numberp", "predicate"}, {"integerp", "predicate"}, {"floatp", "predicate"},
	{"symbolp", "predicate"}, {"stringp", "predicate"}, {"lexemep", "predicate"},
	{"wordp", "predicate"}, {"multifieldp", "predicate"}, {"sequencep", "predicate"},
	{"evenp", "predicate"}, {"oddp", "predicate"}, {"pointerp", "predicate"},
	{"type", "predicate"},
	/* arithmetic */
	{"+", "arithmetic"}, {"-", "arithmetic"}, {"*", "arithmetic"}, {"/", "arithmetic"},
	{"**", "arithmetic"}, {"div", "arithmetic"}, {"mod", "arithmetic"},
	{"abs", "arithmetic"}, {"min", "arithmetic"}, {"max", "arithmetic"},
	{"integer", "arithmetic"}, {"float", "arithmetic"}, {"round", "arithmetic"},
	{"sqrt", "arithmetic"}, {"exp", "arithmetic"}, {"log", "arithmetic"},
	{"log10", "arithmetic"}, {"pi", "arithmetic"},
	/* strings and symbols */
	{"str-cat", "string"}, {"sym-cat", "string"}, {"str-index", "string"},
	{"str-length", "string"}, {"str-compare", "string"}, {"sub-string", "string"},
	{"upcase", "string"}, {"lowcase", "string"}, {"string-to-field", "string"},
	{"str-explode", "string"}, {"str-implode", "string"}, {"format", "string"},
	/* multifield values */
	{"create$", "multifield"}, {"nth$", "multifield"}, {"member$", "multifield"},
	{"subsetp", "multifield"}, {"length$", "multifield"}, {"first$", "multifield"},
	{"rest$", "multifield"}, {"subseq$", "multifield"}, {"delete$", "multifield"},
	{"insert$", "multifield"}, {"replace$", "multifield"},
	{"delete-member$", "multifield"}, {"replace-member$", "multifield"},
	{"explode$", "multifield"}, {"implode$", "multifield"}, {"expand$", "multifield"},
	{"nth", "multifield"}, {"member", "multifield"}, {"subset", "multifield"},
	{"length", "multifield"}, {"mv-append", "multifield"}, {"mv-subseq", "multifield"},
	{"mv-delete", "multifield"}, {"mv-replace", "multifield"},
	/* control flow and variables */
	{"if", "control"}, {"while", "control"}, {"loop-for-count", "control"},
	{"progn", "control"}, {"progn$", "control"}, {"foreach", "control"},
	{"switch", "control"}, {"bind", "control"}, {"return", "control"},
	{"break", "control"},
	/* working memory */
	{"assert", "facts"}, {"retract", "facts"}, {"modify", "facts"},
	{"duplicate", "facts"}, {"fact-index", "facts"}, {"fact-existp", "facts"},
	{"fact-relation", "facts"}, {"fact-slot-value", "facts"},
	{"fact-slot-names", "facts"}, {"any-factp", "facts"}, {"find-fact", "facts"},
	{"find-all-facts", "facts"}, {"do-for-fact", "facts"},
	{"do-for-all-facts", "facts"}, {"delayed-do-for-all-facts", "facts"},
	/* the engine's own (engine/basis.c), filled in by the schema */
	{"onco-rule", "engine"}, {"onco-basis", "engine"}, {"onco-support", "engine"},
};

#define N_ALLOWED (sizeof(allowed) / sizeof(allowed[0]))

/* Functions removed from every environment: effects on files, the
 * process, the rule base or the run, or a way to call functions by name.
 * CLIPS references none of them internally (it looks up make-instance,
 * init-slots and a few others by address, which therefore stay). */
static const char *const removed[] = {
	"exit", "halt", "reset", "clear", "run", "system", "operating-system",
	"load", "load*", "load-facts", "load-instances", "restore-instances",
	"bload", "bload-instances", "bsave", "bsave-instances", "save", "save-facts",
	"save-instances", "batch", "batch*", "open", "close", "remove", "rename",
	"printout", "read", "readline", "read-number", "get-char", "put-char",
	"dribble-on", "dribble-off", "eval", "build", "funcall", "sort",
	"assert-string", "str-assert", "constructs-to-c", "set-strategy",
	"set-salience-evaluation", "set-dynamic-constraint-checking",
	"set-static-constraint-checking", "set-fact-duplication", "set-incremental-reset",
	"set-reset-globals", "set-sequence-operator-recognition", "set-auto-float-dividend",
	"set-beta-memory-resizing", "set-class-defaults-mode", "set-current-module",
	"set-locale", "set-break", "remove-break", "watch", "unwatch", "conserve-mem",
	"release-mem", "focus", "pop-focus", "clear-focus-stack", "refresh",
	"refresh-agenda", "undefrule", "undeftemplate", "undeffacts", "undeffunction",
	"undefglobal", "undefgeneric", "undefmethod", "undefclass", "undefinstances",
	"undefmessage-handler", "profile", "profile-reset", "set-profile-percent-threshold",
	"setgen", "seed",
};

const onco_allowed_call *onco_calls_allowed(size_t *count)
{
	*count = N_ALLOWED;
	return allowed;
}

int onco_call_allowed(const char *name)
{
	size_t i;

	for (i = 0; i < N_ALLOWED; i++)
		if (strcmp(allowed[i].name, name) == 0)
			return 1;
	return 0;
}

int onco_calls_restrict(void *env)
{
	size_t i;

	for (i = 0; i < sizeof(removed) / sizeof(removed[0]); i++)
		UndefineFunction(env, removed[i]);
	/* UndefineFunction fails only for a name CLIPS does not define. */
	for (i = 0; i < sizeof(removed) / sizeof(removed[0]); i++)
		if (FindFunction(env, removed[i]) != NULL)
			return ONCO_ENOMEM;
	return 0;
}

/* ----------------------------------------------------------- the check */

typedef struct deffunction {
	const char *name;
	const char *file;
	long line, col;
	int state; /* cycle search: 0 new, 1 on the path, 2 done */
} deffunction;

typedef struct edge {
	size_t from, to;
} edge;

typedef struct checker {
	onco_calls_report report;
	void *ctx;
	int stopped;
	int rc;
	const char **templates;
	size_t n_templates;
	deffunction *functions;
	size_t n_functions;
	edge *edges;
	size_t n_edges, cap_edges;
	/* the construct being checked */
	const char *file;
	const char *kind; /* "rule", "deffunction", ... */
	const char *name;
	long caller; /* index of the deffunction being checked, or -1 */
} checker;

static const char *bare(const char *name)
{
	const char *p = name != NULL ? strstr(name, "::") : NULL;

	return p != NULL ? p + 2 : name;
}

static void say(checker *c, long line, long col, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

static void say(checker *c, long line, long col, const char *fmt, ...)
{
	char message[600];
	va_list args;

	if (c->stopped || c->rc != 0)
		return;
	va_start(args, fmt);
	vsnprintf(message, sizeof(message), fmt, args);
	va_end(args);
	if (c->report(c->ctx, c->file, line, col, message))
		c->stopped = 1;
}

static int push(void **array, size_t *count, size_t size)
{
	void *grown = realloc(*array, (*count + 1) * size);

	if (grown == NULL)
		return ONCO_ENOMEM;
	*array = grown;
	(*count)++;
	return 0;
}

static int is_template(const checker *c, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < c->n_templates; i++)
		if (strcmp(c->templates[i], bare(name)) == 0)
			return 1;
	return 0;
}

static long function_index(const checker *c, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < c->n_functions; i++)
		if (strcmp(c->functions[i].name, bare(name)) == 0)
			return (long)i;
	return -1;
}

static void check_call(checker *c, const onco_sx *call, const char *head)
{
	long callee;

	if (onco_call_allowed(head))
		return;
	callee = function_index(c, head);
	if (callee < 0) {
		say(c, call->line, call->col,
		    "%s calls %s, which a rule base may not call: only the functions listed in "
		    "docs/rule-authoring.md (no files, no output, no run control)",
		    c->name, head);
		return;
	}
	if (c->caller >= 0 && c->rc == 0) {
		if (c->n_edges == c->cap_edges) {
			size_t cap = c->cap_edges ? c->cap_edges * 2 : 16;
			edge *grown = realloc(c->edges, cap * sizeof(*grown));
			if (grown == NULL) {
				c->rc = ONCO_ENOMEM;
				return;
			}
			c->edges = grown;
			c->cap_edges = cap;
		}
		c->edges[c->n_edges].from = (size_t)c->caller;
		c->edges[c->n_edges++].to = (size_t)callee;
	}
}

static void walk_expr(checker *c, const onco_sx *n);

static void walk_items(checker *c, const onco_sx *n, size_t from)
{
	size_t i;

	for (i = from; i < n->n_items; i++)
		walk_expr(c, n->items[i]);
}

/* A fact or a pattern: (template (slot value...)...) or (symbol value...).
 * Lists among the values are expressions. */
static void walk_fact(checker *c, const onco_sx *n)
{
	size_t i;

	if (n->type != ONCO_SX_LIST)
		return;
	if (!is_template(c, onco_sx_atom(n, 0))) {
		walk_items(c, n, 1);
		return;
	}
	for (i = 1; i < n->n_items; i++)
		if (n->items[i]->type == ONCO_SX_LIST)
			walk_items(c, n->items[i], 1);
}

static void walk_expr(checker *c, const onco_sx *n)
{
	const char *head;
	size_t i;

	if (n->type != ONCO_SX_LIST || c->stopped || c->rc != 0)
		return;
	head = onco_sx_atom(n, 0);
	/* (?i 1 10) of loop-for-count, ((?f template)) of a fact query: no
	 * call at their head, but there may be some inside. */
	if (head == NULL || head[0] == '?' || head[0] == '$') {
		walk_items(c, n, head == NULL ? 0 : 1);
		return;
	}
	check_call(c, n, head);
	if (strcmp(head, "assert") == 0) {
		for (i = 1; i < n->n_items; i++)
			walk_fact(c, n->items[i]);
	} else if (strcmp(head, "modify") == 0 || strcmp(head, "duplicate") == 0) {
		if (n->n_items > 1)
			walk_expr(c, n->items[1]);
		for (i = 2; i < n->n_items; i++)
			if (n->items[i]->type == ONCO_SX_LIST)
				walk_items(c, n->items[i], 1);
	} else if (strcmp(head, "switch") == 0) {
		if (n->n_items > 1)
			walk_expr(c, n->items[1]);
		for (i = 2; i < n->n_items; i++) {
			const char *h = onco_sx_atom(n->items[i], 0);
			if (h != NULL && (strcmp(h, "case") == 0 || strcmp(h, "default") == 0))
				walk_items(c, n->items[i], 1);
			else
				walk_expr(c, n->items[i]);
		}
	} else {
		walk_items(c, n, 1);
	}
}

/* A conditional element of a rule. */
static void walk_ce(checker *c, const onco_sx *n)
{
	const char *head = onco_sx_atom(n, 0);
	size_t i;

	if (n->type != ONCO_SX_LIST)
		return;
	if (head != NULL && strcmp(head, "test") == 0) {
		walk_items(c, n, 1);
	} else if (head != NULL &&
		   (strcmp(head, "not") == 0 || strcmp(head, "and") == 0 ||
		    strcmp(head, "or") == 0 || strcmp(head, "exists") == 0 ||
		    strcmp(head, "forall") == 0 || strcmp(head, "logical") == 0)) {
		for (i = 1; i < n->n_items; i++)
			walk_ce(c, n->items[i]);
	} else if (head != NULL && strcmp(head, "declare") == 0) {
		for (i = 1; i < n->n_items; i++)
			if (n->items[i]->type == ONCO_SX_LIST)
				walk_items(c, n->items[i], 1); /* (salience EXPR) */
	} else {
		walk_fact(c, n);
	}
}

/* The index of the first item after the name and the optional comment. */
static size_t body_start(const onco_sx *form)
{
	size_t i = 2;

	if (i < form->n_items && form->items[i]->type == ONCO_SX_STRING)
		i++;
	return i;
}

static void check_rule(checker *c, const onco_sx *form)
{
	size_t i;
	int rhs = 0;

	for (i = body_start(form); i < form->n_items; i++) {
		const onco_sx *item = form->items[i];

		if (item->type == ONCO_SX_ATOM && strcmp(item->text, "=>") == 0)
			rhs = 1;
		else if (rhs)
			walk_expr(c, item);
		else
			walk_ce(c, item);
	}
}

static void check_template(checker *c, const onco_sx *form)
{
	size_t i, j;

	for (i = body_start(form); i < form->n_items; i++) {
		const onco_sx *slot = form->items[i];

		for (j = 2; slot->type == ONCO_SX_LIST && j < slot->n_items; j++) {
			const char *facet = onco_sx_atom(slot->items[j], 0);
			if (facet != NULL && (strcmp(facet, "default") == 0 ||
					      strcmp(facet, "default-dynamic") == 0))
				walk_items(c, slot->items[j], 1);
		}
	}
}

static void check_form(checker *c, const onco_sx *form)
{
	const char *head = onco_sx_atom(form, 0);
	const char *name = onco_sx_atom(form, 1);
	char label[300];
	size_t i;

	if (head == NULL)
		return; /* not a construct: CLIPS says what is wrong with it */
	snprintf(label, sizeof(label), "%s %s",
		 strcmp(head, "defrule") == 0 ? "rule" : head,
		 name != NULL ? bare(name) : "");
	c->name = label;
	c->kind = head;
	c->caller = -1;
	if (strcmp(head, "defrule") == 0) {
		check_rule(c, form);
	} else if (strcmp(head, "deffunction") == 0) {
		c->caller = function_index(c, name);
		for (i = body_start(form); i < form->n_items; i++)
			if (i > body_start(form) || form->items[i]->type != ONCO_SX_LIST)
				walk_expr(c, form->items[i]); /* the first list: parameters */
	} else if (strcmp(head, "deftemplate") == 0) {
		check_template(c, form);
	} else if (strcmp(head, "deffacts") == 0) {
		for (i = body_start(form); i < form->n_items; i++)
			walk_fact(c, form->items[i]);
	} else if (strcmp(head, "defglobal") == 0) {
		walk_items(c, form, 1);
	} else if (strcmp(head, "defmodule") != 0) {
		say(c, form->line, form->col,
		    "%s: a rule base holds deftemplate, deffacts, defrule, deffunction, "
		    "defglobal and defmodule constructs only",
		    label);
	}
}

/* Reports each deffunction that can reach itself. */
static void find_cycles(checker *c, size_t at, size_t *path, size_t depth)
{
	size_t e, k;

	c->functions[at].state = 1;
	path[depth] = at;
	for (e = 0; e < c->n_edges && !c->stopped; e++) {
		size_t to = c->edges[e].to;
		char chain[400] = "";

		if (c->edges[e].from != at)
			continue;
		if (c->functions[to].state == 0) {
			find_cycles(c, to, path, depth + 1);
			continue;
		}
		if (c->functions[to].state != 1)
			continue;
		for (k = 0; k <= depth; k++)
			if (path[k] == to)
				break;
		for (; k <= depth; k++) {
			size_t used = strlen(chain);
			snprintf(chain + used, sizeof(chain) - used, "%s -> ",
				 c->functions[path[k]].name);
		}
		c->file = c->functions[to].file;
		say(c, c->functions[to].line, c->functions[to].col,
		    "deffunction %s calls itself (%s%s): recursion is not allowed in a rule "
		    "base; use loop-for-count, foreach or while",
		    c->functions[to].name, chain, c->functions[to].name);
	}
	c->functions[at].state = 2;
}

/* Collects the templates and deffunctions of every file. */
static int collect(checker *c, const onco_calls_file *files, size_t n_files)
{
	size_t f, i;

	for (f = 0; f < n_files; f++)
		for (i = 0; i < files[f].forms->n_items; i++) {
			const onco_sx *form = files[f].forms->items[i];
			const char *head = onco_sx_atom(form, 0);
			const char *name = onco_sx_atom(form, 1);

			if (head == NULL || name == NULL)
				continue;
			if (strcmp(head, "deftemplate") == 0) {
				if (push((void **)&c->templates, &c->n_templates,
					 sizeof(*c->templates)) != 0)
					return ONCO_ENOMEM;
				c->templates[c->n_templates - 1] = bare(name);
			} else if (strcmp(head, "deffunction") == 0 &&
				   function_index(c, name) < 0) {
				deffunction *d;
				if (push((void **)&c->functions, &c->n_functions,
					 sizeof(*c->functions)) != 0)
					return ONCO_ENOMEM;
				d = &c->functions[c->n_functions - 1];
				d->name = bare(name);
				d->file = files[f].name;
				d->line = form->line;
				d->col = form->col;
				d->state = 0;
			}
		}
	return 0;
}

int onco_calls_check(const onco_calls_file *files, size_t n_files,
		     onco_calls_report report, void *ctx)
{
	checker c;
	size_t f, i, *path = NULL;

	memset(&c, 0, sizeof(c));
	c.report = report;
	c.ctx = ctx;
	c.rc = collect(&c, files, n_files);
	for (f = 0; f < n_files && c.rc == 0 && !c.stopped; f++) {
		c.file = files[f].name;
		for (i = 0; i < files[f].forms->n_items && !c.stopped; i++)
			check_form(&c, files[f].forms->items[i]);
	}
	if (c.rc == 0 && !c.stopped && c.n_functions > 0) {
		path = malloc(c.n_functions * sizeof(*path));
		if (path == NULL)
			c.rc = ONCO_ENOMEM;
		for (i = 0; path != NULL && i < c.n_functions && !c.stopped; i++)
			if (c.functions[i].state == 0)
				find_cycles(&c, i, path, 0);
	}
	free(path);
	free(c.templates);
	free(c.functions);
	free(c.edges);
	return c.rc;
}
