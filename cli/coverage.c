/* coverage.c: counting rule firings and concluded labels over a test run. */
#include "coverage.h"

#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "kbmap.h"
#include "strbuf.h"

struct cli_coverage {
	size_t nrules;
	const cJSON **rule;   /* each engine rule's catalogue entry (or NULL) */
	unsigned long *fired; /* firings over the run, per engine rule */
	unsigned long *cases_fired; /* cases in which it fired, per engine rule */
	char **guidelines;    /* guideline ids seen in scope rules */
	unsigned long *guideline_cases; /* cases in each guideline's scope */
	size_t nguidelines;
	char **labels;        /* every label counted: the map's, then cited ones */
	size_t nlabels;
	int have_map;
	int cases;
	cJSON *catalogue;
};

static const char *str(const cJSON *o, const char *key)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));

	return s != NULL ? s : "";
}

static int cites_label(const cJSON *rule, const char *label)
{
	const cJSON *cite;

	cJSON_ArrayForEach(cite, cJSON_GetObjectItemCaseSensitive(rule, "cites"))
		if (strcmp(str(cite, "label"), label) == 0)
			return 1;
	return 0;
}

static void add_label(cli_coverage *c, const char *label)
{
	size_t i;

	for (i = 0; i < c->nlabels; i++)
		if (strcmp(c->labels[i], label) == 0)
			return;
	c->labels = cli_xrealloc(c->labels, (c->nlabels + 1) * sizeof(*c->labels));
	c->labels[c->nlabels++] = cli_xstrdup(label);
}

cli_coverage *cli_coverage_new(onco_engine *engine, const char *map_path)
{
	cli_coverage *c = cli_xrealloc(NULL, sizeof(*c));
	char *json = NULL;
	onco_error err;
	const cJSON *rule, *cite;
	size_t i;

	memset(c, 0, sizeof(*c));
	memset(&err, 0, sizeof(err));
	if (onco_engine_catalogue(engine, 0, &json, &err) != 0 ||
	    (c->catalogue = cJSON_Parse(json)) == NULL) {
		fprintf(stderr, "oncorules: coverage: cannot read the rule catalogue: %s\n",
			err.message);
		free(json);
		free(c);
		return NULL;
	}
	free(json);
	c->nrules = onco_engine_rule_count(engine);
	c->rule = cli_xrealloc(NULL, (c->nrules + 1) * sizeof(*c->rule));
	c->fired = cli_xrealloc(NULL, (c->nrules + 1) * sizeof(*c->fired));
	c->cases_fired = cli_xrealloc(NULL, (c->nrules + 1) * sizeof(*c->cases_fired));
	for (i = 0; i < c->nrules; i++) {
		c->fired[i] = 0;
		c->cases_fired[i] = 0;
		c->rule[i] = NULL;
		cJSON_ArrayForEach(rule, cJSON_GetObjectItemCaseSensitive(c->catalogue, "rules"))
			if (strcmp(str(rule, "name"), onco_engine_rule_name(engine, i)) == 0)
				c->rule[i] = rule;
	}
	{
		size_t n;
		char **labels = cli_map_labels(engine, map_path, &n);

		c->have_map = labels != NULL;
		for (i = 0; i < n; i++)
			add_label(c, labels[i]);
		onco_map_labels_free(labels, n);
	}
	cJSON_ArrayForEach(rule, cJSON_GetObjectItemCaseSensitive(c->catalogue, "rules"))
		cJSON_ArrayForEach(cite, cJSON_GetObjectItemCaseSensitive(rule, "cites"))
			if (str(cite, "label")[0] != '\0')
				add_label(c, str(cite, "label"));
	return c;
}

static size_t guideline_index(cli_coverage *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nguidelines; i++)
		if (strcmp(c->guidelines[i], id) == 0)
			return i;
	c->guidelines = cli_xrealloc(c->guidelines, (i + 1) * sizeof(*c->guidelines));
	c->guideline_cases = cli_xrealloc(c->guideline_cases, (i + 1) * sizeof(*c->guideline_cases));
	c->guidelines[i] = cli_xstrdup(id);
	c->guideline_cases[i] = 0;
	return c->nguidelines++;
}

void cli_coverage_add(cli_coverage *c, const onco_engine *engine)
{
	size_t i;

	c->cases++;
	for (i = 0; i < c->nrules; i++) {
		unsigned long n = onco_engine_rule_firings(engine, i);

		c->fired[i] += n;
		c->cases_fired[i] += n > 0;
		/* a scope rule that fired puts the case in its guideline */
		if (n > 0 && strcmp(str(c->rule[i], "kind"), "scope") == 0) {
			size_t g = guideline_index(c, str(c->rule[i], "concludes"));

			c->guideline_cases[g]++;
		}
	}
}

/* The cases in the scope of the guideline a rule tests, 0 for a shared
 * rule (one that tests no scope). */
static unsigned long cases_in_scope(const cli_coverage *c, const cJSON *rule)
{
	const cJSON *g;
	unsigned long n = 0;
	size_t i;

	cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(rule, "guidelines"))
		for (i = 0; i < c->nguidelines; i++)
			if (strcmp(c->guidelines[i], cJSON_GetStringValue(g)) == 0)
				n += c->guideline_cases[i];
	return n;
}

static void where(cli_buf *b, const cJSON *rule)
{
	const cJSON *line = cJSON_GetObjectItemCaseSensitive(rule, "line");

	if (rule != NULL)
		cli_buf_printf(b, " (%s:%d)", str(rule, "file"), line != NULL ? line->valueint : 0);
}

static size_t count_fired(const cli_coverage *c)
{
	size_t i, fired = 0;

	for (i = 0; i < c->nrules; i++)
		fired += c->fired[i] > 0;
	return fired;
}

static void report_rules(const cli_coverage *c, cli_buf *b)
{
	size_t i;

	cli_buf_puts(b, "rules, with how often each fired:\n");
	for (i = 0; i < c->nrules; i++)
		if (c->fired[i] > 0)
			cli_buf_printf(b, "  %6lu  %s\n", c->fired[i], str(c->rule[i], "name"));
}

/* Concluding rules that fired in every case of their guideline: no case
 * shows that they hold back where they must (informational). */
static void report_always(const cli_coverage *c, cli_buf *b)
{
	size_t i, n = 0;

	for (i = 0; i < c->nrules; i++) {
		unsigned long in_scope = cases_in_scope(c, c->rule[i]);

		if (in_scope == 0 || c->cases_fired[i] < in_scope)
			continue;
		if (n++ == 0)
			cli_buf_puts(b, "rules that fired in every case of their guideline (right for what the\n"
					"guideline always offers, which the gates then judge; otherwise add a case\n"
					"where the rule must not fire):\n");
		cli_buf_printf(b, "  %s", str(c->rule[i], "name"));
		where(b, c->rule[i]);
		cli_buf_printf(b, ": %lu of %lu cases\n", c->cases_fired[i], in_scope);
	}
}

static void report_never(const cli_coverage *c, cli_buf *b, size_t fired)
{
	size_t i;

	if (fired == c->nrules)
		return;
	cli_buf_printf(b, "rules never fired (%zu): no case exercises %s; add a regression case where %s fires\n"
			  "(tests/cases/<guideline>/, \"Regression cases\" in docs/rule-authoring.md):\n",
		       c->nrules - fired, c->nrules - fired == 1 ? "it" : "them",
		       c->nrules - fired == 1 ? "it" : "each");
	for (i = 0; i < c->nrules; i++) {
		if (c->fired[i] > 0)
			continue;
		cli_buf_printf(b, "  %s", str(c->rule[i], "name"));
		where(b, c->rule[i]);
		cli_buf_puts(b, "\n");
	}
}

/* How often rules citing `label` fired; *cited set when any rule cites it. */
static unsigned long label_count(const cli_coverage *c, const char *label, int *cited)
{
	unsigned long n = 0;
	size_t i;

	*cited = 0;
	for (i = 0; i < c->nrules; i++)
		if (c->rule[i] != NULL && cites_label(c->rule[i], label)) {
			*cited = 1;
			n += c->fired[i];
		}
	return n;
}

static void report_labels(const cli_coverage *c, cli_buf *b, size_t *concluded)
{
	size_t i;
	int cited;

	*concluded = 0;
	cli_buf_puts(b, "knowledge-map labels, with how often a rule citing each fired:\n");
	for (i = 0; i < c->nlabels; i++) {
		unsigned long n = label_count(c, c->labels[i], &cited);

		if (n > 0) {
			cli_buf_printf(b, "  %6lu  %s\n", n, c->labels[i]);
			++*concluded;
		}
	}
	if (*concluded == c->nlabels)
		return;
	cli_buf_printf(b, "labels never concluded (%zu):\n", c->nlabels - *concluded);
	for (i = 0; i < c->nlabels; i++)
		if (label_count(c, c->labels[i], &cited) == 0)
			cli_buf_printf(b, "  %s: %s\n", c->labels[i],
				       cited ? "the rules citing it never fired"
					     : "no rule cites it");
}

int cli_coverage_report(const cli_coverage *c, FILE *out, double min_percent,
			cli_buf *verdict)
{
	cli_buf b = CLI_BUF_INIT;
	size_t fired = count_fired(c), concluded;
	double rules_pct, labels_pct;
	int below;

	cli_buf_printf(&b, "\ncoverage over %d evaluated case%s\n", c->cases,
		       c->cases == 1 ? "" : "s");
	report_rules(c, &b);
	report_labels(c, &b, &concluded);
	report_always(c, &b);
	rules_pct = c->nrules ? 100.0 * (double)fired / (double)c->nrules : 100.0;
	labels_pct = c->nlabels ? 100.0 * (double)concluded / (double)c->nlabels : 100.0;
	cli_buf_printf(&b,
		       "rule coverage: %zu of %zu rules fired at least once (%.1f%%)\n"
		       "label coverage: %zu of %zu knowledge-map labels concluded (%.1f%%)%s\n",
		       fired, c->nrules, rules_pct, concluded, c->nlabels, labels_pct,
		       c->have_map ? "" : " [no knowledge map found: only labels cited by rules]");
	/* what to fix comes last, right above the verdict */
	report_never(c, &b, fired);
	below = fired * 100.0 < min_percent * (double)c->nrules;
	if (below)
		cli_buf_printf(verdict, "coverage below the minimum: %zu of %zu rules fired (%.1f%%), --min-coverage is %g%%",
			       fired, c->nrules, rules_pct, min_percent);
	else
		cli_buf_printf(verdict, "%zu of %zu rules fired (%.1f%%)", fired, c->nrules, rules_pct);
	fputs(cli_buf_text(&b), out);
	cli_buf_free(&b);
	return below;
}

void cli_coverage_free(cli_coverage *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nlabels; i++)
		free(c->labels[i]);
	free(c->labels);
	for (i = 0; i < c->nguidelines; i++)
		free(c->guidelines[i]);
	free(c->guidelines);
	free(c->guideline_cases);
	free(c->rule);
	free(c->fired);
	free(c->cases_fired);
	cJSON_Delete(c->catalogue);
	free(c);
}
