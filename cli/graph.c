/* graph.c: explanation graphs laid out by Graphviz (see graph.h). */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graphviz.h"

/* Graphviz is given the two plugins a drawing needs, the "dot" layout and
 * the core SVG renderer (graphviz.c), rather than every plugin of its
 * folder. Without the text-layout plugin (pango) Graphviz measures text
 * with its own Helvetica and Courier metrics, so a drawing does not depend
 * on the fonts installed and the same graph gives the same bytes. */

/* How each kind of node looks. Colours match the page's (report.css). */
static const struct node_style {
	cli_node_kind kind;
	const char *shape;
	const char *style;
	const char *fill;
	const char *border;
	const char *font; /* Graphviz font name */
	int wrap;         /* characters per line of the label */
} node_styles[] = {
	{CLI_NODE_FACT, "box", "filled", "#f3f4f6", "#9aa3ae", "Courier", 28},
	{CLI_NODE_MISSING, "box", "filled,dashed", "#fff7e6", "#b45309", "Courier", 28},
	{CLI_NODE_FINDING, "box", "filled", "#e8f1fb", "#2f5f98", "Helvetica", 38},
	{CLI_NODE_UNKNOWN, "box", "filled,dashed", "#fff7e6", "#b45309", "Helvetica", 38},
	{CLI_NODE_NOT_MET, "box", "filled", "#fdecec", "#b42318", "Helvetica", 38},
	{CLI_NODE_RULE, "box", "filled", "#ffffff", "#374151", "Courier", 48},
	{CLI_NODE_SOURCE, "note", "filled", "#fbf8ee", "#8a7a3d", "Helvetica", 46},
	{CLI_NODE_MARK, "box", "filled", "#f1ecfa", "#6b4fa0", "Helvetica", 30},
	{CLI_NODE_CONCLUSION, "box", "filled,bold", "#e9f6ec", "#1f7a3a", "Helvetica", 34},
	{CLI_NODE_POSSIBLE, "box", "filled,dashed,bold", "#fff7e6", "#b45309", "Helvetica", 34},
};

#define MAX_NODES 200
#define MAX_EDGES 600

struct cli_graphs {
	cli_graphviz gv; /* Graphviz's functions, loaded at open */
	GVC_t *gvc;
};

struct cli_graph {
	struct {
		cli_node_kind kind;
		char *label;
	} nodes[MAX_NODES];
	int n_nodes;
	int edges[MAX_EDGES][2];
	int n_edges;
};

/* Graphviz reports through a handler of its own (global); the report
 * shows a drawing or none, so its messages are not wanted on stderr. */
static int quiet(char *message)
{
	(void)message;
	return 0;
}

cli_graphs *cli_graphs_open(char *why, size_t size)
{
	/* Out of memory is no reason to leave the graphs out (a page without
	 * them, exit 0): it stops the command, as everywhere here (strbuf.h). */
	cli_graphs *graphs = memset(cli_xrealloc(NULL, sizeof(*graphs)), 0, sizeof(*graphs));

	if (cli_graphviz_load(&graphs->gv, why, size) != 0) {
		free(graphs);
		return NULL;
	}
	graphs->gv.agseterrf(quiet);
	graphs->gvc = graphs->gv.gvContextPlugins(graphs->gv.plugins, 0);
	if (graphs->gvc == NULL) {
		snprintf(why, size, "no Graphviz context");
		free(graphs);
		return NULL;
	}
	return graphs;
}

void cli_graphs_free(cli_graphs *graphs)
{
	if (graphs == NULL)
		return;
	graphs->gv.gvFreeContext(graphs->gvc);
	free(graphs);
}

cli_graph *cli_graph_new(void)
{
	return memset(cli_xrealloc(NULL, sizeof(cli_graph)), 0, sizeof(cli_graph));
}

static void graph_free(cli_graph *g)
{
	int i;

	for (i = 0; i < g->n_nodes; i++)
		free(g->nodes[i].label);
	free(g);
}

int cli_graph_node(cli_graph *g, cli_node_kind kind, const char *label)
{
	int i;

	for (i = 0; i < g->n_nodes; i++)
		if (g->nodes[i].kind == kind && strcmp(g->nodes[i].label, label) == 0)
			return i;
	/* A graph too large to read is cut at its last node, whose edges
	 * then meet there: no explanation is that long. */
	if (g->n_nodes == MAX_NODES)
		return MAX_NODES - 1;
	g->nodes[g->n_nodes].kind = kind;
	g->nodes[g->n_nodes].label = cli_xstrdup(label);
	return g->n_nodes++;
}

void cli_graph_edge(cli_graph *g, int from, int to)
{
	int i;

	if (from == to || from < 0 || to < 0)
		return;
	for (i = 0; i < g->n_edges; i++)
		if (g->edges[i][0] == from && g->edges[i][1] == to)
			return;
	if (g->n_edges == MAX_EDGES)
		return;
	g->edges[g->n_edges][0] = from;
	g->edges[g->n_edges][1] = to;
	g->n_edges++;
}

static const struct node_style *style_of(cli_node_kind kind)
{
	size_t i;

	for (i = 0; i < sizeof(node_styles) / sizeof(node_styles[0]); i++)
		if (node_styles[i].kind == kind)
			return &node_styles[i];
	return &node_styles[0];
}

/*
 * The label as Graphviz reads it: wrapped at `width` characters (counting
 * UTF-8 characters) into left-justified lines ("\l"), with what Graphviz
 * would interpret in plain text neutralised: a backslash (its escapes \N,
 * \G, \n, ...) is doubled, and '&' is written &amp; (Graphviz decodes
 * character references in labels, so "&lt;" would otherwise show as "<").
 */
static void put_label(cli_buf *b, const char *text, int width)
{
	const char *p = text;

	while (*p != '\0') {
		const char *line = p, *cut = NULL, *q = p;
		int chars = 0;

		while (*q != '\0' && chars < width) {
			if (*q == ' ')
				cut = q;
			q++;
			while (((unsigned char)*q & 0xc0) == 0x80)
				q++;
			chars++;
		}
		if (*q == '\0' || *q == ' ')
			cut = q;
		else if (cut == NULL || cut == line)
			cut = q; /* one word longer than a line: cut it */
		for (p = line; p < cut; p++) {
			if (*p == '\\')
				cli_buf_puts(b, "\\\\");
			else if (*p == '&')
				cli_buf_puts(b, "&amp;");
			else
				cli_buf_append(b, p, 1);
		}
		cli_buf_puts(b, "\\l");
		while (*p == ' ')
			p++;
	}
}

static void set(const cli_graphviz *gv, void *object, const char *name, const char *value)
{
	gv->agsafeset(object, (char *)name, (char *)value, "");
}

int cli_graph_draw(cli_graphs *graphs, cli_graph *g, html_out *h, const char *id, long *width,
		   long *height)
{
	const cli_graphviz *gv;
	Agraph_t *graph;
	Agnode_t *nodes[MAX_NODES];
	char name[16], *svg = NULL;
	unsigned int length = 0;
	int i, rc = -1;

	if (graphs == NULL || g->n_nodes == 0) {
		graph_free(g);
		return -1;
	}
	gv = &graphs->gv;
	graph = gv->agopen("explanation", *gv->Agdirected, NULL);
	if (graph == NULL) {
		graph_free(g);
		return -1;
	}
	set(gv, graph, "rankdir", "LR");
	set(gv, graph, "nodesep", "0.12");
	set(gv, graph, "ranksep", "0.35");
	set(gv, graph, "pad", "0.04");
	set(gv, graph, "bgcolor", "transparent");
	gv->agattr(graph, AGNODE, "fontsize", "10");
	gv->agattr(graph, AGNODE, "margin", "0.08,0.04");
	gv->agattr(graph, AGEDGE, "color", "#6b7280");
	gv->agattr(graph, AGEDGE, "arrowsize", "0.6");
	for (i = 0; i < g->n_nodes; i++) {
		const struct node_style *s = style_of(g->nodes[i].kind);
		cli_buf label = CLI_BUF_INIT;

		snprintf(name, sizeof(name), "n%d", i);
		nodes[i] = gv->agnode(graph, name, 1);
		put_label(&label, g->nodes[i].label, s->wrap);
		set(gv, nodes[i], "label", cli_buf_text(&label));
		set(gv, nodes[i], "shape", s->shape);
		set(gv, nodes[i], "style", s->style);
		set(gv, nodes[i], "fillcolor", s->fill);
		set(gv, nodes[i], "color", s->border);
		set(gv, nodes[i], "fontname", s->font);
		cli_buf_free(&label);
	}
	for (i = 0; i < g->n_edges; i++)
		gv->agedge(graph, nodes[g->edges[i][0]], nodes[g->edges[i][1]], NULL, 1);
	if (gv->gvLayout(graphs->gvc, graph, "dot") == 0) {
		if (gv->gvRenderData(graphs->gvc, graph, "svg", &svg, &length) == 0 && svg != NULL)
			rc = html_svg(h, svg, length, id, width, height);
		gv->gvFreeRenderData(svg);
		gv->gvFreeLayout(graphs->gvc, graph);
	}
	gv->agclose(graph);
	graph_free(g);
	return rc;
}
