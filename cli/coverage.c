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
	for (i = 0; i < c->nrules; i++) {
		c->fired[i] = 0;
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

void cli_coverage_add(cli_coverage *c, const onco_engine *engine)
{
	size_t i;

	c->cases++;
	for (i = 0; i < c->nrules; i++)
		c->fired[i] += onco_engine_rule_firings(engine, i);
}

static void where(cli_buf *b, const cJSON *rule)
{
	const cJSON *line = cJSON_GetObjectItemCaseSensitive(rule, "line");

	if (rule != NULL)
		cli_buf_printf(b, " (%s:%d)", str(rule, "file"), line != NULL ? line->valueint : 0);
}

static void report_rules(const cli_coverage *c, cli_buf *b, size_t *fired)
{
	size_t i;

	*fired = 0;
	for (i = 0; i < c->nrules; i++)
		*fired += c->fired[i] > 0;
	cli_buf_puts(b, "rules, with how often each fired:\n");
	for (i = 0; i < c->nrules; i++)
		if (c->fired[i] > 0)
			cli_buf_printf(b, "  %6lu  %s\n", c->fired[i], str(c->rule[i], "name"));
	if (*fired < c->nrules) {
		cli_buf_printf(b, "rules never fired (%zu):\n", c->nrules - *fired);
		for (i = 0; i < c->nrules; i++) {
			if (c->fired[i] > 0)
				continue;
			cli_buf_printf(b, "  %s", str(c->rule[i], "name"));
			where(b, c->rule[i]);
			cli_buf_puts(b, "\n");
		}
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

int cli_coverage_report(const cli_coverage *c, FILE *out, double min_percent)
{
	cli_buf b = CLI_BUF_INIT;
	size_t fired, concluded;
	double rules_pct, labels_pct;
	int below;

	cli_buf_printf(&b, "\ncoverage over %d evaluated case%s\n", c->cases,
		       c->cases == 1 ? "" : "s");
	report_rules(c, &b, &fired);
	report_labels(c, &b, &concluded);
	rules_pct = c->nrules ? 100.0 * (double)fired / (double)c->nrules : 100.0;
	labels_pct = c->nlabels ? 100.0 * (double)concluded / (double)c->nlabels : 100.0;
	cli_buf_printf(&b,
		       "rule coverage: %zu of %zu rules fired at least once (%.1f%%)\n"
		       "label coverage: %zu of %zu knowledge-map labels concluded (%.1f%%)%s\n",
		       fired, c->nrules, rules_pct, concluded, c->nlabels, labels_pct,
		       c->have_map ? "" : " [no knowledge map found: only labels cited by rules]");
	below = fired * 100.0 < min_percent * (double)c->nrules;
	if (below)
		cli_buf_printf(&b,
			       "coverage below the minimum: %.1f%% of rules fired, --min-coverage is %g%%\n",
			       rules_pct, min_percent);
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
	free(c->rule);
	free(c->fired);
	cJSON_Delete(c->catalogue);
	free(c);
}
