/*
 * report_explain.c: the explanation of each item of the HTML report, as
 * text (conditions met / not met / unknown with the JSON pointers of the
 * facts, history, quotes with their documents, the rule) and, for an
 * option, as a graph: case facts -> findings -> rule <- cited passages,
 * rule -> conclusion, with what a gate added (history, lead). The graphs
 * are laid out by Graphviz (graph.h).
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "textview.h"

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

void report_refs(html_out *h, const cJSON *item)
{
	cli_buf labels = CLI_BUF_INIT;

	cli_labels_add(&labels, item);
	if (labels.length > 0) {
		html_markup(h, " <span class=\"refs\">[");
		html_text_spaced(h, cli_buf_text(&labels), CLI_NBSP);
		html_markup(h, "]</span>");
	}
	cli_buf_free(&labels);
}

/* Resources shown beside one case pointer at most, as in the text view;
 * the JSON has them all. */
#define SOURCES_SHOWN 3

/* The resources of a FHIR bundle a case pointer was read from: entries
 * {"resource", "pointer"} of the result's source.facts, each resource
 * once. */
typedef struct fact_sources {
	const cJSON *shown[SOURCES_SHOWN];
	int n;
	int more; /* entries past the first SOURCES_SHOWN */
} fact_sources;

static void sources_add(fact_sources *fs, const cJSON *list)
{
	const cJSON *s;
	int i, seen;

	cJSON_ArrayForEach(s, list) {
		const char *resource = cli_str_or(s, "resource", "");

		for (i = 0, seen = 0; i < fs->n && !seen; i++)
			seen = strcmp(cli_str_or(fs->shown[i], "resource", ""), resource) == 0;
		if (seen)
			continue;
		if (fs->n < SOURCES_SHOWN)
			fs->shown[fs->n++] = s;
		else
			fs->more++;
	}
}

/* As the text view finds them (docs/output-format.md, source.facts): the
 * pointer's own entry, else its nearest parent's, else its children's (a
 * list cites its items). Nothing for a result without a source record. */
static fact_sources pointer_sources(const cJSON *doc, const char *pointer)
{
	const cJSON *facts = get(get(doc, "source"), "facts"), *entry = NULL;
	fact_sources fs = {{NULL}, 0, 0};
	size_t n = strlen(pointer);
	char *p, *slash;

	if (facts == NULL)
		return fs;
	p = cli_xstrdup(pointer);
	for (;;) {
		entry = get(facts, p);
		if (entry != NULL || (slash = strrchr(p, '/')) == NULL || slash == p)
			break;
		*slash = '\0';
	}
	free(p);
	if (entry != NULL) {
		sources_add(&fs, entry);
		return fs;
	}
	cJSON_ArrayForEach(entry, facts)
		if (strncmp(entry->string, pointer, n) == 0 && entry->string[n] == '/')
			sources_add(&fs, entry);
	return fs;
}

void report_from(html_out *h, const char *value, const char *resource,
		 const char *bundle_pointer)
{
	html_markup(h, " <span class=\"from\" title=\"");
	html_text(h, bundle_pointer);
	html_markup(h, "\">");
	if (value != NULL) {
		html_text(h, value);
		html_markup(h, " ");
	}
	html_markup(h, "&#8592; ");
	html_text(h, resource);
	html_markup(h, "</span>");
}

void report_pointer(html_out *h, const cJSON *doc, const char *pointer)
{
	fact_sources fs = pointer_sources(doc, pointer);
	int i;

	html_markup(h, "<code class=\"ptr\">");
	html_text(h, pointer);
	html_markup(h, "</code>");
	/* The resource it was read from; where in the bundle, on hover. */
	for (i = 0; i < fs.n; i++)
		report_from(h, NULL, cli_str_or(fs.shown[i], "resource", ""),
			    cli_str_or(fs.shown[i], "pointer", ""));
	if (fs.more > 0) {
		html_markup(h, " <span class=\"from\">(and ");
		html_int(h, fs.more);
		html_markup(h, " more)</span>");
	}
}

static void pointers(html_out *h, const cJSON *doc, const cJSON *list)
{
	const cJSON *p;

	cJSON_ArrayForEach(p, list)
		if (cJSON_IsString(p)) {
			html_markup(h, " ");
			report_pointer(h, doc, p->valuestring);
		}
}

/* The fields an `if` entry waits for: "not recorded" only for those the
 * case does not record; each one it records, with what it holds. */
static void waited_fields(html_out *h, const cJSON *doc, const cJSON *entry)
{
	const cJSON *p;
	int absent = 0;

	cJSON_ArrayForEach(p, get(entry, "fields"))
		if (cJSON_IsString(p) && cli_if_undecided(entry, p->valuestring) == NULL) {
			if (absent++ > 0)
				html_markup(h, " ");
			else
				html_markup(h, "; not recorded: ");
			report_pointer(h, doc, p->valuestring);
		}
	cJSON_ArrayForEach(p, get(entry, "undecided")) {
		html_markup(h, "; ");
		report_pointer(h, doc, cli_str_or(p, "field", ""));
		html_markup(h, ": ");
		html_text(h, cli_str_or(p, "why", ""));
	}
}

/* ------------------------------------------------------------ text */

/* Whether a because-statement is one of the unknown findings an option
 * waits for ("PD-L1 positive tumour: unknown"): those are listed as
 * unknown, with what they need, not as met. */
static int is_waited_for(const cJSON *item, const char *statement)
{
	const cJSON *w;

	cJSON_ArrayForEach(w, get(item, "if")) {
		const char *s = cli_str_or(w, "statement", "");
		size_t n = strlen(s);

		if (n > 0 && strncmp(statement, s, n) == 0 && strcmp(statement + n, ": unknown") == 0)
			return 1;
	}
	return 0;
}

static void condition(html_out *h, const char *state_class, const char *state)
{
	html_markup(h, "<li class=\"");
	html_text(h, state_class);
	html_markup(h, "\"><span class=\"st\">");
	html_text(h, state);
	html_markup(h, "</span> ");
}

/* The criteria of a curative-intent card that are not met: the because
 * lines hold what matched, these say what did not. */
static void criteria_not_met(html_out *h, const cJSON *card, const char *id)
{
	const cJSON *entry, *c;

	cJSON_ArrayForEach(entry, get(card, "criteria")) {
		if (strcmp(cli_str_or(entry, "option", ""), id) != 0)
			continue;
		cJSON_ArrayForEach(c, get(entry, "items")) {
			if (strcmp(cli_str_or(c, "state", ""), "not met") != 0)
				continue;
			condition(h, "not-met", "not met");
			html_text(h, cli_str_or(c, "statement", ""));
			html_markup(h, ": needs ");
			html_text(h, cli_str_or(c, "needs", ""));
			html_markup(h, ", is ");
			html_text(h, cli_str_or(c, "value", ""));
			html_markup(h, "</li>");
		}
	}
}

static void conditions(html_out *h, const cJSON *doc, const cJSON *card, const cJSON *item)
{
	const cJSON *b, *w, *v;

	html_markup(h, "<ul class=\"conditions\">");
	cJSON_ArrayForEach(b, get(item, "because")) {
		const char *statement = cli_str_or(b, "statement", "");

		if (is_waited_for(item, statement))
			continue;
		condition(h, "met", "met");
		html_text(h, statement);
		pointers(h, doc, get(b, "pointers"));
		html_markup(h, "</li>");
	}
	cJSON_ArrayForEach(w, get(item, "if")) {
		int n = 0;

		condition(h, "unknown", "unknown");
		html_text(h, cli_str_or(w, "statement", ""));
		html_markup(h, ": possible if ");
		cJSON_ArrayForEach(v, get(w, "needs")) {
			if (n++ > 0)
				html_markup(h, " or ");
			html_text(h, cJSON_IsString(v) ? v->valuestring : "");
		}
		waited_fields(h, doc, w);
		html_markup(h, "</li>");
	}
	if (card != NULL)
		criteria_not_met(h, card, cli_str_or(item, "id", ""));
	html_markup(h, "</ul>");
}

static void history(html_out *h, const cJSON *doc, const cJSON *item)
{
	const cJSON *e, *b;

	if (cJSON_GetArraySize(get(item, "history")) == 0)
		return;
	html_markup(h, "<ul class=\"history\">");
	cJSON_ArrayForEach(e, get(item, "history")) {
		html_markup(h, "<li><span class=\"badge hist\">");
		html_text(h, cli_history_words(cli_str_or(e, "status", "")));
		if (cli_str(e, "agent") != NULL) {
			html_markup(h, ": ");
			html_text(h, cli_str(e, "agent"));
		}
		html_markup(h, "</span>");
		cJSON_ArrayForEach(b, get(e, "because")) {
			html_markup(h, " ");
			html_text(h, cli_str_or(b, "statement", ""));
			pointers(h, doc, get(b, "pointers"));
		}
		html_markup(h, "</li>");
	}
	html_markup(h, "</ul>");
}

/* The quotes, one block per document and label, in the order cited. */
static void quotes(html_out *h, const cJSON *doc, const cJSON *item)
{
	const cJSON *e, *f;

	cJSON_ArrayForEach(e, get(item, "evidence")) {
		const char *source = cli_str_or(e, "source", ""), *ref = cli_str_or(e, "ref", "");
		const char *title = cli_document_title(doc, source);
		int seen = 0;

		for (f = get(item, "evidence")->child; f != e && !seen; f = f->next)
			seen = strcmp(cli_str_or(f, "source", ""), source) == 0 &&
			       strcmp(cli_str_or(f, "ref", ""), ref) == 0;
		if (seen)
			continue;
		html_markup(h, "<blockquote class=\"quote\">");
		for (f = e; f != NULL; f = f->next) {
			if (strcmp(cli_str_or(f, "source", ""), source) != 0 ||
			    strcmp(cli_str_or(f, "ref", ""), ref) != 0)
				continue;
			html_markup(h, "<p>&#8220;");
			html_text(h, cli_str_or(f, "quote", ""));
			html_markup(h, "&#8221;</p>");
		}
		html_markup(h, "<footer><span class=\"ref\">");
		html_text(h, ref);
		html_markup(h, "</span> <cite>");
		html_text(h, title);
		html_markup(h, "</cite>");
		if (title != source) {
			html_markup(h, " <span class=\"file\">");
			html_text(h, source);
			html_markup(h, "</span>");
		}
		html_markup(h, "</footer></blockquote>");
	}
}

static const struct report_graph *graph_of(const report_graphs *rg, const char *id)
{
	size_t i;

	for (i = 0; rg != NULL && i < rg->count; i++)
		if (strcmp(rg->items[i].option, id) == 0 && rg->items[i].drawn)
			return &rg->items[i];
	return NULL;
}

void report_explain(html_out *h, const cJSON *doc, const cJSON *card, const cJSON *item,
		    const report_graphs *rg)
{
	const char *id = cli_str_or(item, "id", "");
	const char *lead = cli_str(item, "lead");
	const struct report_graph *graph = graph_of(rg, id);

	html_markup(h, "<div class=\"why\">");
	if (lead != NULL) {
		html_markup(h, "<p class=\"first\">First: ");
		html_text(h, lead);
		html_markup(h, "</p>");
	}
	conditions(h, doc, card, item);
	history(h, doc, item);
	quotes(h, doc, item);
	html_markup(h, "<p class=\"rule\">rule <code>");
	html_text(h, cli_str_or(item, "rule", ""));
	html_markup(h, "</code> &#183; id <code>");
	html_text(h, id);
	html_markup(h, "</code></p>");
	if (graph != NULL) {
		/* The drawing itself is in the explanations section; this shows
		 * it here, at the option, by reference. */
		html_markup(h, "<div class=\"graph-box\">");
		html_svg_root(h, graph->width, graph->height);
		html_markup(h, "<use href=\"#graph-");
		html_text(h, id);
		html_markup(h, "\"/></svg></div>");
	}
	html_markup(h, "</div>");
}

/* ------------------------------------------------------------ graphs */

/* "CR-7 · Recurrent cervical cancer: “...” “...”": the passages of one
 * document and label. */
static void source_label(cli_buf *b, const cJSON *doc, const cJSON *item, const cJSON *e)
{
	const char *source = cli_str_or(e, "source", ""), *ref = cli_str_or(e, "ref", "");
	const cJSON *f;

	cli_buf_printf(b, "%s \xc2\xb7 %s:", ref, cli_document_title(doc, source));
	cJSON_ArrayForEach(f, get(item, "evidence"))
		if (strcmp(cli_str_or(f, "source", ""), source) == 0 &&
		    strcmp(cli_str_or(f, "ref", ""), ref) == 0)
			cli_buf_printf(b, " \xe2\x80\x9c%s\xe2\x80\x9d", cli_str_or(f, "quote", ""));
}

/* The case facts of a because-list: one node per pointer (with the FHIR
 * resources it came from), each with an edge to `to`. */
static void fact_nodes(cli_graph *g, const cJSON *doc, const cJSON *list, int to,
		       cli_node_kind kind, const cJSON *entry)
{
	const cJSON *p;
	fact_sources fs;
	int i;

	cJSON_ArrayForEach(p, list) {
		cli_buf label = CLI_BUF_INIT;
		cli_node_kind k = kind;
		const char *why;

		if (!cJSON_IsString(p))
			continue;
		cli_buf_puts(&label, p->valuestring);
		/* A field the `if` entry says the case records: a fact of the
		 * case, with what it holds, never "not recorded". */
		why = entry != NULL ? cli_if_undecided(entry, p->valuestring) : NULL;
		if (why != NULL) {
			k = CLI_NODE_FACT;
			cli_buf_printf(&label, ": %s", why);
		} else if (kind == CLI_NODE_MISSING) {
			cli_buf_puts(&label, " not recorded");
		}
		fs = pointer_sources(doc, p->valuestring);
		for (i = 0; i < fs.n; i++)
			cli_buf_printf(&label, " \xe2\x86\x90 %s",
				       cli_str_or(fs.shown[i], "resource", ""));
		if (fs.more > 0)
			cli_buf_printf(&label, " (and %d more)", fs.more);
		cli_graph_edge(g, cli_graph_node(g, k, cli_buf_text(&label)), to);
		cli_buf_free(&label);
	}
}

static cli_graph *option_graph(const cJSON *doc, const cJSON *option, int possible)
{
	cli_graph *g = cli_graph_new();
	cli_buf b = CLI_BUF_INIT;
	const cJSON *e, *w, *v;
	int conclusion, rule, n;

	cli_buf_puts(&b, possible ? "Possible: " : "Option: ");
	cli_buf_puts(&b, cli_str_or(option, "summary", ""));
	if (cJSON_IsTrue(get(option, "preferred")))
		cli_buf_puts(&b, " (preferred)");
	conclusion = cli_graph_node(g, possible ? CLI_NODE_POSSIBLE : CLI_NODE_CONCLUSION,
				    cli_buf_text(&b));
	cli_buf_free(&b);
	cli_buf_printf(&b, "rule: %s", cli_str_or(option, "rule", ""));
	rule = cli_graph_node(g, CLI_NODE_RULE, cli_buf_text(&b));
	cli_buf_free(&b);
	cli_graph_edge(g, rule, conclusion);

	cJSON_ArrayForEach(e, get(option, "because")) {
		const char *statement = cli_str_or(e, "statement", "");
		int finding;

		if (is_waited_for(option, statement))
			continue;
		finding = cli_graph_node(g, CLI_NODE_FINDING, statement);
		cli_graph_edge(g, finding, rule);
		fact_nodes(g, doc, get(e, "pointers"), finding, CLI_NODE_FACT, NULL);
	}
	cJSON_ArrayForEach(w, get(option, "if")) {
		int unknown;

		n = 0;
		cli_buf_printf(&b, "unknown: %s (needs ", cli_str_or(w, "statement", ""));
		cJSON_ArrayForEach(v, get(w, "needs"))
			cli_buf_printf(&b, "%s%s", n++ ? " or " : "", cJSON_IsString(v) ? v->valuestring : "");
		cli_buf_puts(&b, ")");
		unknown = cli_graph_node(g, CLI_NODE_UNKNOWN, cli_buf_text(&b));
		cli_buf_free(&b);
		cli_graph_edge(g, unknown, rule);
		fact_nodes(g, doc, get(w, "fields"), unknown, CLI_NODE_MISSING, w);
	}
	cJSON_ArrayForEach(e, get(option, "evidence")) {
		source_label(&b, doc, option, e);
		cli_graph_edge(g, cli_graph_node(g, CLI_NODE_SOURCE, cli_buf_text(&b)), rule);
		cli_buf_free(&b);
	}
	cJSON_ArrayForEach(e, get(option, "history")) {
		const cJSON *s;
		int mark;

		cli_buf_puts(&b, cli_history_words(cli_str_or(e, "status", "")));
		if (cli_str(e, "agent") != NULL)
			cli_buf_printf(&b, " (%s)", cli_str(e, "agent"));
		n = 0;
		cJSON_ArrayForEach(s, get(e, "because"))
			cli_buf_printf(&b, "%s%s", n++ ? "; " : ": ", cli_str_or(s, "statement", ""));
		mark = cli_graph_node(g, CLI_NODE_MARK, cli_buf_text(&b));
		cli_buf_free(&b);
		cli_graph_edge(g, mark, conclusion);
		cJSON_ArrayForEach(s, get(e, "because"))
			fact_nodes(g, doc, get(s, "pointers"), mark, CLI_NODE_FACT, NULL);
	}
	if (cli_str(option, "lead") != NULL) {
		cli_buf_printf(&b, "first: %s", cli_str(option, "lead"));
		cli_graph_edge(g, cli_graph_node(g, CLI_NODE_MARK, cli_buf_text(&b)), conclusion);
		cli_buf_free(&b);
	}
	return g;
}

static int is_option_card(const cJSON *card)
{
	return get(card, "options") != NULL &&
	       (cJSON_GetArraySize(get(card, "options")) > 0 ||
		cJSON_GetArraySize(get(card, "possible")) > 0);
}

/* Draws one option's graph: 0, or -1 when Graphviz failed. */
static int draw_one(report_graphs *rg, const cJSON *doc, const cJSON *option, int possible,
		    int letter, cli_graphs *graphs)
{
	struct report_graph *item;
	const char *id = cli_str_or(option, "id", "");
	cli_buf graph_id = CLI_BUF_INIT;
	html_out drawing = HTML_OUT_INIT;
	int rc;

	rg->items = cli_xrealloc(rg->items, (rg->count + 1) * sizeof(*rg->items));
	item = &rg->items[rg->count++];
	memset(item, 0, sizeof(*item));
	item->option = cli_xstrdup(id);
	cli_buf_printf(&graph_id, "graph-%s", id);
	rc = cli_graph_draw(graphs, option_graph(doc, option, possible), &drawing,
			    cli_buf_text(&graph_id), &item->width, &item->height);
	if (rc == 0) {
		item->drawn = 1;
		html_markup(&rg->drawings, "<article class=\"explain-option\"><h3><span class=\"letter\">");
		html_letter(&rg->drawings, letter);
		html_markup(&rg->drawings, "</span> ");
		html_text(&rg->drawings, cli_str_or(option, "summary", ""));
		html_markup(&rg->drawings, "</h3>");
		html_append(&rg->drawings, &drawing);
		html_markup(&rg->drawings, "</article>");
	}
	html_free(&drawing);
	cli_buf_free(&graph_id);
	return rc < 0 ? -1 : 0;
}

int report_draw_graphs(report_graphs *rg, const cJSON *doc, cli_graphs *graphs)
{
	const cJSON *card, *id;
	int number = 0;

	if (graphs == NULL)
		return 0;
	cJSON_ArrayForEach(card, get(doc, "cards")) {
		int letter = 0;

		if (!is_option_card(card))
			continue;
		number++;
		html_markup(&rg->drawings, "<section class=\"explain-card\"><h2><span class=\"num\">");
		html_int(&rg->drawings, number);
		html_markup(&rg->drawings, "</span> ");
		html_text(&rg->drawings, cli_str_or(card, "title", ""));
		html_markup(&rg->drawings, "</h2>");
		cJSON_ArrayForEach(id, get(card, "options")) {
			const cJSON *o = cli_item(doc, "recommendations", cJSON_IsString(id) ? id->valuestring : NULL);

			if (o != NULL && draw_one(rg, doc, o, 0, letter++, graphs) != 0)
				return -1;
		}
		cJSON_ArrayForEach(id, get(card, "possible")) {
			const cJSON *o = cli_item(doc, "possible", cJSON_IsString(id) ? id->valuestring : NULL);

			if (o != NULL && draw_one(rg, doc, o, 1, letter++, graphs) != 0)
				return -1;
		}
		html_markup(&rg->drawings, "</section>");
	}
	return 0;
}

void report_graphs_free(report_graphs *rg)
{
	size_t i;

	for (i = 0; i < rg->count; i++)
		free(rg->items[i].option);
	free(rg->items);
	html_free(&rg->drawings);
	rg->items = NULL;
	rg->count = 0;
}
