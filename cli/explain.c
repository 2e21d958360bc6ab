/* explain.c: `oncorules explain CASE [--why-not OPTION] [--json]`: the
 * derivation of every conclusion of a case, or why an option is not among
 * them, condition by condition, with the JSON pointers of the case facts. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "casefiles.h"
#include "cli.h"
#include "printable.h"
#include "strbuf.h"

static const char usage_text[] =
	"usage: oncorules explain CASE.json [--why-not WHAT] [--json]\n"
	"                         [--kb DIR | --kb-image FILE]\n"
	"\n"
	"Without --why-not: every conclusion of the case, the rule that made it,\n"
	"each of its conditions with the case facts (and JSON pointers) that met\n"
	"it, and the evidence.\n"
	"With --why-not WHAT: an option (a recommendation id, a modality, an\n"
	"agent or a procedure, e.g. \"pelvic exenteration\", pembrolizumab), the\n"
	"id of a warning, an exclusion or a note, or a rule's name: every rule of\n"
	"the case's guidelines and of the shared files that can conclude it, each\n"
	"condition met / not met / unknown with the case's value and pointer, the\n"
	"marks gates put on the option, and the exclusions that fired against\n"
	"it. An option of another guideline only is said to be so, first.\n"
	"CASE is a case, or a regression case file (its \"input\" is used).\n";

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *str(const cJSON *o, const char *key)
{
	const char *s = cJSON_GetStringValue(get(o, key));

	return s != NULL ? s : "";
}

/* "a or b" from a list of strings. */
static void join(cli_buf *b, const cJSON *list, const char *sep)
{
	const cJSON *e;
	const char *s = "";

	cJSON_ArrayForEach(e, list) {
		cli_buf_printf(b, "%s%s", s, cJSON_GetStringValue(e));
		s = sep;
	}
}

/* "metastasis: site lung at /cancer/metastases/0; ..." for the finding
 * values of a condition; only the pointers when `pointers_only`. */
static void support(cli_buf *b, const cJSON *values, int pointers_only)
{
	const cJSON *v, *f;
	const char *sep = "";

	cJSON_ArrayForEach(v, values)
		cJSON_ArrayForEach(f, get(v, "because")) {
			if (pointers_only)
				cli_buf_printf(b, "%s%s", sep, str(f, "pointer"));
			else
				cli_buf_printf(b, "%s%s at %s", sep, str(f, "statement"),
					       str(f, "pointer"));
			sep = pointers_only ? ", " : "; ";
		}
}

static int has_support(const cJSON *values)
{
	const cJSON *v;

	cJSON_ArrayForEach(v, values)
		if (cJSON_GetArraySize(get(v, "because")) > 0)
			return 1;
	return 0;
}

/* " (no: /biomarkers/PD-L1)": the values met other than yes, and the
 * pointers of the case facts behind them. */
static void met_detail(cli_buf *b, const cJSON *values)
{
	cli_buf inner = CLI_BUF_INIT;
	const cJSON *v;

	cJSON_ArrayForEach(v, values)
		if (strcmp(str(v, "value"), "yes") != 0)
			cli_buf_printf(&inner, "%s%s", inner.length ? ", " : "", str(v, "value"));
	if (has_support(values)) {
		cli_buf_puts(&inner, inner.length ? ": " : "");
		support(&inner, values, 1);
	}
	if (inner.length > 0)
		cli_buf_printf(b, " (%s)", cli_buf_text(&inner));
	cli_buf_free(&inner);
}

/* " (/pointer; ?g = cervix-stage4, $?c = (a b))": the case fact a pattern
 * matched when the rule fired, and the variables it bound. */
static void bound_detail(cli_buf *b, const cJSON *c)
{
	const cJSON *v, *e;
	const char *sep = "";

	if (get(c, "pointer") == NULL && get(c, "bound") == NULL)
		return;
	cli_buf_puts(b, " (");
	if (get(c, "pointer") != NULL) {
		cli_buf_puts(b, str(c, "pointer"));
		sep = "; ";
	}
	cJSON_ArrayForEach(v, get(c, "bound")) {
		cli_buf_printf(b, "%s%s = ", sep, v->string);
		if (cJSON_IsArray(v)) {
			cli_buf_puts(b, "(");
			cJSON_ArrayForEach(e, v)
				cli_buf_printf(b, "%s%s", e == v->child ? "" : " ",
					       cJSON_GetStringValue(e));
			cli_buf_puts(b, ")");
		} else {
			cli_buf_puts(b, cJSON_GetStringValue(v));
		}
		sep = ", ";
	}
	cli_buf_puts(b, ")");
}

static void print_condition(cli_buf *b, const cJSON *c)
{
	const char *state = str(c, "state"), *kind = str(c, "kind");
	const cJSON *values = get(c, "values");
	const cJSON *v;
	const char *sep = "";

	cli_buf_printf(b, "      - %s%s", cJSON_IsTrue(get(c, "negated")) ? "not: " : "",
		       strcmp(kind, "other") == 0 ? str(c, "condition") : str(c, "statement"));
	if (strcmp(kind, "scope") == 0)
		cli_buf_puts(b, " (guideline)");
	cli_buf_printf(b, ": %s", state);
	if (strcmp(kind, "finding") != 0) {
		bound_detail(b, c);
		cli_buf_puts(b, "\n");
		return;
	}
	if (strcmp(state, "met") == 0) {
		met_detail(b, values);
	} else if (strcmp(state, "unknown") == 0) {
		cli_buf_puts(b, " — needs ");
		join(b, get(c, "needs"), " or ");
		cli_buf_puts(b, ", the case does not say; record ");
		join(b, get(c, "fields"), " or ");
	} else if (strcmp(state, "not met") == 0) {
		cli_buf_puts(b, " — needs ");
		join(b, get(c, "needs"), " or ");
		cli_buf_puts(b, ", the case has ");
		cJSON_ArrayForEach(v, values) {
			cli_buf_printf(b, "%s%s", sep, str(v, "value"));
			sep = " and ";
		}
		if (cJSON_GetArraySize(values) == 0)
			cli_buf_puts(b, "no value (no rule derived it)");
		if (has_support(values)) {
			cli_buf_puts(b, ": ");
			support(b, values, 0);
		}
	}
	cli_buf_puts(b, "\n");
}

static void print_rule(cli_buf *b, const cJSON *r, int with_evidence)
{
	const cJSON *c, *e;

	cli_buf_printf(b, "  rule %s (%s:%d)%s\n", str(r, "rule"), str(r, "file"),
		       get(r, "line") != NULL ? get(r, "line")->valueint : 0,
		       cJSON_IsTrue(get(r, "fired")) ? ", fired" : ", did not fire");
	if (str(r, "comment")[0] != '\0')
		cli_buf_printf(b, "    \"%s\"\n", str(r, "comment"));
	cli_buf_printf(b, "    concludes %s %s", str(r, "kind"), str(r, "concludes"));
	if (get(r, "modality") != NULL)
		cli_buf_printf(b, " (%s%s%s)", str(r, "modality"),
			       get(r, "procedure") != NULL ? ", procedure " : "",
			       str(r, "procedure"));
	if (cJSON_GetArraySize(get(r, "agents")) > 0) {
		cli_buf_puts(b, " with ");
		join(b, get(r, "agents"), ", ");
	}
	cli_buf_puts(b, "\n    conditions:\n");
	cJSON_ArrayForEach(c, get(r, "conditions"))
		print_condition(b, c);
	if (!with_evidence)
		return;
	cJSON_ArrayForEach(e, get(r, "evidence"))
		cli_buf_printf(b, "    evidence %s [%s]: \"%s\"\n",
			       str(e, "title")[0] != '\0' ? str(e, "title") : str(e, "source"),
			       str(e, "ref"), str(e, "quote"));
}

static void print_derivations(cli_buf *b, const cJSON *doc)
{
	const cJSON *c;

	cli_buf_printf(b, "Case %s (%s)\n", str(doc, "case"), str(doc, "scope"));
	if (cJSON_GetArraySize(get(doc, "conclusions")) == 0)
		cli_buf_puts(b, "\nNo conclusion.\n");
	cJSON_ArrayForEach(c, get(doc, "conclusions")) {
		cli_buf_printf(b, "\n%s %s", str(c, "kind"), str(c, "id"));
		if (str(c, "text")[0] != '\0')
			cli_buf_printf(b, ": %s", str(c, "text"));
		cli_buf_puts(b, "\n");
		if (get(c, "derivation") != NULL)
			print_rule(b, get(c, "derivation"), 1);
	}
}

/* "a, b and c" */
static void and_list(cli_buf *b, const cJSON *list)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, list)
		cli_buf_printf(b, "%s%s", e == list->child ? "" : e->next == NULL ? " and " : ", ",
			       cJSON_GetStringValue(e));
}

/* Names close to what was asked, from every rule name and id. */
static void suggest(cli_buf *b, onco_engine *engine, const char *asked)
{
	char *json = NULL;
	onco_error err;
	cJSON *catalogue;
	const cJSON *r;
	const char **names = NULL, *hint;
	size_t n = 0;

	memset(&err, 0, sizeof(err));
	if (onco_engine_catalogue(engine, 0, &json, &err) != 0)
		return;
	catalogue = cJSON_Parse(json);
	free(json);
	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(catalogue, "rules")) {
		names = cli_xrealloc(names, (n + 3) * sizeof(*names));
		names[n++] = str(r, "name");
		if (str(r, "concludes")[0] != '\0')
			names[n++] = str(r, "concludes");
	}
	if (names != NULL) {
		names[n] = NULL;
		hint = onco_suggest(asked, names);
		if (hint != NULL)
			cli_buf_printf(b, " Did you mean \"%s\"?", hint);
	}
	free(names);
	cJSON_Delete(catalogue);
}

static void print_marks(cli_buf *b, const cJSON *marks)
{
	const cJSON *m;

	if (cJSON_GetArraySize(marks) == 0)
		return;
	cli_buf_puts(b, "\nWhat the gates marked on it:\n");
	cJSON_ArrayForEach(m, marks) {
		const char *kind = str(m, "kind");

		cli_buf_printf(b, "  - %s on %s (rule %s)", kind, str(m, "option"), str(m, "rule"));
		if (strcmp(kind, "pending") == 0) {
			cli_buf_printf(b, ": held back until the case says: %s; record ", str(m, "text"));
			join(b, get(m, "fields"), " or ");
		} else if (str(m, "text")[0] != '\0') {
			cli_buf_printf(b, ": %s", str(m, "text"));
		}
		cli_buf_puts(b, "\n");
	}
}

/* Returns 0, or 1 when no rule of the rule base concludes what was asked. */
static int print_why_not(cli_buf *b, const cJSON *doc, onco_engine *engine)
{
	const cJSON *r, *x, *f, *guidelines = get(doc, "guidelines");
	const cJSON *elsewhere = get(doc, "other_guidelines");
	int n = cJSON_GetArraySize(get(doc, "rules")), own = 0;

	cli_buf_printf(b, "Why not \"%s\" for case %s (%s)?\n", str(doc, "why_not"),
		       str(doc, "case"), str(doc, "scope"));
	cJSON_ArrayForEach(r, get(doc, "rules"))
		own += get(r, "guideline") != NULL;
	if (n == 0 && cJSON_GetArraySize(elsewhere) == 0) {
		cli_buf_printf(b, "No rule of the rule base concludes \"%s\" (as an id, a rule name, or an\n"
				  "option's modality, agent, choice or procedure).",
			       str(doc, "why_not"));
		suggest(b, engine, str(doc, "why_not"));
		cli_buf_puts(b, " `oncorules rules` lists what each rule concludes.\n");
		return 1;
	}
	if (own == 0 && cJSON_GetArraySize(elsewhere) > 0) {
		/* first things first: it is not this guideline's option at all */
		cli_buf_printf(b, "\"%s\" is not an option of ", str(doc, "why_not"));
		if (cJSON_GetArraySize(guidelines) == 0)
			cli_buf_puts(b, "any guideline covering this case: no guideline covers it");
		else {
			and_list(b, guidelines);
			cli_buf_printf(b, ", the guideline%s covering this case",
				       cJSON_GetArraySize(guidelines) == 1 ? "" : "s");
		}
		cli_buf_puts(b, ". Rules of ");
		and_list(b, elsewhere);
		cli_buf_puts(b, " conclude it; they do not apply here.\n");
		if (n == 0)
			return 0;
		cli_buf_puts(b, "\nShared rules (not of one guideline) that can conclude it:\n");
	} else {
		cli_buf_printf(b, "%d rule%s can conclude it", n, n == 1 ? "" : "s");
		if (cJSON_GetArraySize(elsewhere) > 0) {
			cli_buf_puts(b, " (rules of ");
			and_list(b, elsewhere);
			cli_buf_puts(b, " do too; they do not apply to this case)");
		}
		cli_buf_puts(b, ":\n");
	}
	cJSON_ArrayForEach(r, get(doc, "rules")) {
		cli_buf_puts(b, "\n");
		print_rule(b, r, 0);
	}
	print_marks(b, get(doc, "marks"));
	if (cJSON_GetArraySize(get(doc, "exclusions")) == 0) {
		cli_buf_puts(b, "\nNo exclusion fired against it.\n");
		return 0;
	}
	cli_buf_puts(b, "\nExclusions that fired against it:\n");
	cJSON_ArrayForEach(x, get(doc, "exclusions")) {
		cli_buf_printf(b, "  - %s (rule %s): %s\n", str(x, "id"), str(x, "rule"),
			       str(x, "text"));
		cJSON_ArrayForEach(f, get(x, "because")) {
			cli_buf_printf(b, "      because %s (", str(f, "statement"));
			join(b, get(f, "pointers"), ", ");
			cli_buf_puts(b, ")\n");
		}
	}
	return 0;
}

/* Rule comments are rule-base text written over several lines: one line
 * each, before control characters (a case's) are escaped. */
static void one_line_comments(cJSON *item)
{
	cJSON *child;

	if (item == NULL)
		return;
	if (item->string != NULL && strcmp(item->string, "comment") == 0 && cJSON_IsString(item)) {
		char *r = item->valuestring, *w = item->valuestring;

		for (; *r != '\0'; r++) {
			if (*r == '\n' || *r == '\t' || *r == '\r' || *r == ' ') {
				if (w > item->valuestring && w[-1] != ' ')
					*w++ = ' ';
				continue;
			}
			*w++ = *r;
		}
		*w = '\0';
	}
	for (child = item->child; child != NULL; child = child->next)
		one_line_comments(child);
}

int cli_explain(int argc, char **argv)
{
	cli_output_args args = {0};
	const char *path = NULL, *option = NULL;
	int i, r, status = CLI_EXIT_OK, rc;
	onco_engine *engine;
	char *text, *out = NULL;
	onco_error err;

	for (i = 1; i < argc; i++) {
		if ((r = cli_output_arg(&args, argc, argv, &i)) < 0)
			return CLI_EXIT_USAGE;
		if (args.help) {
			fputs(usage_text, stdout);
			return CLI_EXIT_OK;
		}
		if (r > 0)
			continue;
		if (strcmp(argv[i], "--why-not") == 0 && i + 1 < argc) {
			option = argv[++i];
		} else if (path == NULL && (argv[i][0] != '-' || argv[i][1] == '\0')) {
			path = argv[i];
		} else {
			fprintf(stderr, "oncorules explain: unexpected argument %s\n%s", argv[i],
				usage_text);
			return CLI_EXIT_USAGE;
		}
	}
	if (path == NULL) {
		fputs(usage_text, stderr);
		return CLI_EXIT_USAGE;
	}
	if ((text = cli_case_input(path)) == NULL) {
		char *shown = cli_printable(path);

		fprintf(stderr, "oncorules explain: %s: %s\n", shown, strerror(errno));
		free(shown);
		return CLI_EXIT_USAGE;
	}
	if ((engine = cli_engine_open(&args.engine, &status)) == NULL) {
		free(text);
		return status;
	}
	memset(&err, 0, sizeof(err));
	rc = onco_engine_explain(engine, text, strlen(text), option, ONCO_JSON_PRETTY, &out, &err);
	if (rc != 0) {
		if (out != NULL)
			printf("%s\n", out);
		else
			fprintf(stderr, "oncorules explain: %s\n", err.message);
		status = rc == ONCO_EINVALID ? CLI_EXIT_USAGE : CLI_EXIT_INTERNAL;
	} else if (args.json) {
		printf("%s\n", out);
	} else {
		cJSON *doc = cJSON_Parse(out);
		cli_buf b = CLI_BUF_INIT;

		if (doc == NULL) {
			/* Our own document: only memory can make it unreadable. */
			fputs("oncorules explain: out of memory\n", stderr);
			status = CLI_EXIT_INTERNAL;
		} else {
			one_line_comments(doc);
			cli_json_printable(doc);
			if (option != NULL && print_why_not(&b, doc, engine))
				status = CLI_EXIT_USAGE;
			else if (option == NULL)
				print_derivations(&b, doc);
		}
		fputs(cli_buf_text(&b), stdout);
		cli_buf_free(&b);
		cJSON_Delete(doc);
	}
	free(out);
	free(text);
	onco_engine_free(engine);
	return status;
}
