/*
 * test_calls.c: the functions a rule base may call (engine/calls.c): the
 * documented table is the table, the shipped rules pass, the check reads
 * every construct where code can hide (and nothing else: no false alarm on
 * template or slot names, switch cases, loop variables, fact queries), and
 * an engine's CLIPS environment has lost the functions with effects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>
#include <clips.h>

#include "onco.h"
#include "private/calls.h"
#include "private/engine_internal.h"
#include "suite.h"

typedef struct found {
	char messages[8][600];
	long lines[8];
	int count;
} found;

static int collect(void *ctx, const char *file, long line, long col, const char *message)
{
	found *f = ctx;

	(void)file;
	(void)col;
	if (f->count < 8) {
		snprintf(f->messages[f->count], sizeof(f->messages[0]), "%s", message);
		f->lines[f->count] = line;
	}
	f->count++;
	return 0;
}

/* The problems the check finds in `text` (one file). */
static found check_text(const char *text)
{
	onco_sx *forms = NULL;
	onco_calls_file file;
	found f;

	memset(&f, 0, sizeof(f));
	CU_ASSERT_EQUAL_FATAL(onco_sx_read(&forms, text, strlen(text), NULL), 0);
	file.name = "t.clp";
	file.forms = forms;
	CU_ASSERT_EQUAL(onco_calls_check(&file, 1, collect, &f), 0);
	onco_sx_free(forms);
	return f;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text;
	long n;

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = calloc(1, (size_t)n + 1);
	CU_ASSERT_EQUAL_FATAL(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return text;
}

static void test_calls_documented_table_is_the_table(void)
{
	char *doc = read_file(ONCO_SOURCE_DIR "/docs/rule-authoring.md");
	const char *begin = strstr(doc, "<!-- allow-list: begin");
	const char *end = begin != NULL ? strstr(begin, "<!-- allow-list: end") : NULL;
	const onco_allowed_call *table;
	size_t n, i, documented = 0;
	const char *p;

	CU_ASSERT_PTR_NOT_NULL_FATAL(end);
	table = onco_calls_allowed(&n);
	/* Every function of the table, in its group's row. */
	for (i = 0; i < n; i++) {
		char row[64], name[80];
		const char *line, *eol;

		snprintf(row, sizeof(row), "\n| %s | ", table[i].group);
		snprintf(name, sizeof(name), "`%s`", table[i].name);
		line = strstr(begin, row);
		CU_ASSERT_PTR_NOT_NULL_FATAL(line);
		eol = strchr(line + 1, '\n');
		for (p = strstr(line, name); p != NULL && p < eol; p = strstr(p + 1, name))
			if (p[-1] == ' ' && (p[strlen(name)] == ' ' || p[strlen(name)] == '|'))
				break;
		if (p == NULL || p >= eol)
			fprintf(stderr, "\n  %s is not documented in group %s\n", table[i].name,
				table[i].group);
		CU_ASSERT(p != NULL && p < eol);
	}
	/* And nothing else: as many names documented as in the table. */
	for (p = begin; p < end && (p = strchr(p, '`')) != NULL && p < end; p++) {
		p = strchr(p + 1, '`');
		documented++;
	}
	CU_ASSERT_EQUAL(documented, n);
	free(doc);
}

static void test_calls_shipped_rules_pass(void)
{
	onco_engine *engine = NULL;
	onco_engine_options opts;
	onco_error err;

	onco_engine_options_default(&opts);
	opts.kb_dir = ONCO_SOURCE_DIR "/rules";
	CU_ASSERT_EQUAL(onco_engine_open(&engine, &opts, &err), 0);
	onco_engine_free(engine);
}

static void test_calls_allowed_constructs_pass(void)
{
	found f = check_text(
		"(deftemplate exit (slot open) (multislot remove (default-dynamic (create$ a b))))\n"
		"(deftemplate counter (slot n (default 0)))\n"
		"(deffunction double (?x) (* 2 ?x))\n"
		"(deffunction quadruple (?x) (double (double ?x)))\n"
		"(defglobal ?*limit* = (+ 1 2))\n"
		"(deffacts start (counter (n (double 2))) (exit (open yes)))\n"
		"(defrule r \"comment\" (declare (salience 0))\n"
		"  ?f <- (counter (n ?n&:(> ?n 0)))\n"
		"  (exit (open ?o&~no) (remove $?r&:(member$ a ?r)))\n"
		"  (test (eq (str-cat ?o) \"yes\"))\n"
		"  (not (counter (n 0)))\n"
		"  =>\n"
		"  (switch ?o (case yes then (bind ?x 1)) (default (bind ?x 2)))\n"
		"  (loop-for-count (?i 1 (quadruple 2)) do (bind ?x (+ ?x ?i)))\n"
		"  (progn$ (?v ?r) (bind ?x ?v))\n"
		"  (do-for-all-facts ((?c counter)) (> ?c:n 0) (bind ?x ?c:n))\n"
		"  (modify ?f (n (+ ?n 1)))\n"
		"  (assert (exit (open (sym-cat y es)) (remove (create$ b)))))\n");

	if (f.count > 0)
		fprintf(stderr, "\n  unexpected: %s\n", f.messages[0]);
	CU_ASSERT_EQUAL(f.count, 0);
}

/* Each place where code runs: the call is found, with its line. */
static void test_calls_forbidden_found_everywhere(void)
{
	static const char *const texts[] = {
		"(defrule a (x) =>\n (exit))",
		"(deftemplate x (slot v))\n(defrule a (x (v ?v&:(time))) =>)",
		"(defrule a (test (open \"f\" f \"w\")) =>)",
		"(defrule a (declare (salience (random))) (x) =>)",
		"(defrule a (x) => (if TRUE then (printout t 1)))",
		"(defrule a (x) => (switch 1 (case 1 then (halt))))",
		"(deftemplate y (slot z))\n(defrule a (x) => (assert (y (z (eval \"1\")))))",
		"(deffunction f () (system \"true\"))",
		"(defglobal ?*g* = (load \"x\"))",
		"(deftemplate t (slot s (default-dynamic (gensym*))))",
		"(deftemplate t (slot s))\n(deffacts d (t (s (remove \"x\"))))",
	};
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		found f = check_text(texts[i]);

		if (f.count != 1)
			fprintf(stderr, "\n  %s: %d problems\n", texts[i], f.count);
		CU_ASSERT_EQUAL(f.count, 1);
		CU_ASSERT_PTR_NOT_NULL(strstr(f.messages[0], "which a rule base may not call"));
	}
	CU_ASSERT_EQUAL(check_text("(defrule a (x) =>\n (exit))").lines[0], 2);
}

static void test_calls_recursion_and_constructs_refused(void)
{
	found f = check_text("(deffunction a (?n) (b ?n))\n(deffunction b (?n) (c ?n))\n"
			     "(deffunction c (?n) (a ?n))");

	CU_ASSERT_EQUAL(f.count, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(f.messages[0], "deffunction a calls itself (a -> b -> c -> a)"));
	f = check_text("(deffunction a (?n) (if (> ?n 0) then (a (- ?n 1))))");
	CU_ASSERT_EQUAL(f.count, 1);
	f = check_text("(defclass c (is-a USER))");
	CU_ASSERT_EQUAL(f.count, 1);
	CU_ASSERT_PTR_NOT_NULL(strstr(f.messages[0], "constructs only"));
}

/* The environment itself: effects gone, what CLIPS needs kept. */
static void test_calls_environment_restricted(void)
{
	onco_engine *engine = NULL;
	onco_error err;
	static const char *const gone[] = {"exit", "open", "remove", "system", "eval", "build",
					   "load", "halt", "reset", "printout", "funcall"};
	static const char *const kept[] = {"assert", "make-instance", "create$", "(get-loop-count)"};
	size_t i;

	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, NULL, &err), 0);
	for (i = 0; i < sizeof(gone) / sizeof(gone[0]); i++)
		CU_ASSERT_PTR_NULL(FindFunction(engine->env, gone[i]));
	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		CU_ASSERT_PTR_NOT_NULL(FindFunction(engine->env, kept[i]));
	onco_engine_free(engine);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_calls_documented_table_is_the_table),
		ONCO_TEST(test_calls_shipped_rules_pass),
		ONCO_TEST(test_calls_allowed_constructs_pass),
		ONCO_TEST(test_calls_forbidden_found_everywhere),
		ONCO_TEST(test_calls_recursion_and_constructs_refused),
		ONCO_TEST(test_calls_environment_restricted),
	};

	return ONCO_RUN_SUITE("calls", tests);
}
