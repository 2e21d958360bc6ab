/* graph.c: explanation graphs laid out by Graphviz (see graph.h). */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graphviz.h"
#include "isolate.h"

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
	cli_graphviz gv;      /* Graphviz's functions, loaded at open */
	cli_isolate *drawer;  /* the process that draws: from the first drawing */
	GVC_t *gvc;           /* in that process only: Graphviz's context */
	int failed;           /* a drawing failed: no more are tried */
	char failure[256];    /* why */
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
	/* Set here, once: it only stores the handler. Graphviz's context is
	 * made in the drawing process (below). */
	graphs->gv.agseterrf(quiet);
	return graphs;
}

void cli_graphs_free(cli_graphs *graphs)
{
	if (graphs == NULL)
		return;
	cli_isolate_stop(graphs->drawer);
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

/* ------------------------------------------------------------ drawing */

/*
 * Graphviz 2.42 (Debian 12) does not fail cleanly when one of its own
 * allocations fails: most of its allocators print "out of memory" and
 * return NULL to callers that use it anyway (a crash), some stop on an
 * assertion, its SVG writer calls exit(1) when its buffer cannot grow (and
 * writes the drawing to standard output when the buffer cannot be had),
 * and its edge router gives up and draws other edges, reporting it only to
 * the error handler (tests/fi/lib_sweep.py finds each). None of that may
 * reach the command, so graphs are laid out and rendered in a process of
 * their own (isolate.h), started at the first drawing, Graphviz's context
 * made there: the command gets the SVG of a drawing that Graphviz
 * reported no error for, or a failure. It sends each graph as a request:
 * two ints (nodes, edges), then each node's kind (an int), its label as
 * Graphviz reads it and a NUL, then each edge's two node numbers (ints).
 */

/* How the drawing process ends (isolate.h: 1..125) when a drawing fails.
 * Any other status (1: Graphviz's own exit) or a signal is Graphviz
 * failing too. */
enum {
	DRAW_CALL_FAILED = 101, /* a call answered NULL or failure */
	DRAW_REPORTED = 102,    /* Graphviz reported an error (agerrors) */
	DRAW_BAD_REQUEST = 103  /* not a graph as cli_graph_draw sends it */
};

static const struct {
	int status;
	const char *meaning;
} draw_statuses[] = {
	{DRAW_CALL_FAILED, "a Graphviz call failed"},
	{DRAW_REPORTED, "Graphviz reported an error"},
	{DRAW_BAD_REQUEST, "the graph did not reach the drawing process whole"},
};

/* A request, read from its start. */
typedef struct reader {
	const char *p;
	size_t left;
} reader;

static int read_int(reader *r, int *value)
{
	if (r->left < sizeof(*value))
		return -1;
	memcpy(value, r->p, sizeof(*value));
	r->p += sizeof(*value);
	r->left -= sizeof(*value);
	return 0;
}

/* A NUL-terminated string of the request, in place. */
static const char *read_string(reader *r)
{
	const char *s = r->p, *nul = memchr(r->p, '\0', r->left);

	if (nul == NULL)
		return NULL;
	r->left -= (size_t)(nul + 1 - r->p);
	r->p = nul + 1;
	return s;
}

static int set(const cli_graphviz *gv, void *object, const char *name, const char *value)
{
	return gv->agsafeset(object, (char *)name, (char *)value, "");
}

/* The graph's own attributes, and the defaults of its nodes and edges, in
 * the order they are set (as the drawing always had them). */
static const char *const graph_attributes[][2] = {
	{"rankdir", "LR"}, {"nodesep", "0.12"}, {"ranksep", "0.35"},
	{"pad", "0.04"},   {"bgcolor", "transparent"},
};
static const struct {
	int kind; /* AGNODE, AGEDGE */
	const char *name, *value;
} default_attributes[] = {
	{AGNODE, "fontsize", "10"},
	{AGNODE, "margin", "0.08,0.04"},
	{AGEDGE, "color", "#6b7280"},
	{AGEDGE, "arrowsize", "0.6"},
};

/* In the drawing process: the graph of the request `r` into `graph`
 * (`nodes` gets each node). Returns 0, or how the process ends. */
static int build(const cli_graphviz *gv, Agraph_t *graph, reader *r, Agnode_t **nodes)
{
	char name[16];
	int n_nodes, n_edges, kind, from, to, i;
	size_t k;

	if (read_int(r, &n_nodes) != 0 || read_int(r, &n_edges) != 0 || n_nodes < 1 ||
	    n_nodes > MAX_NODES || n_edges < 0 || n_edges > MAX_EDGES)
		return DRAW_BAD_REQUEST;
	for (k = 0; k < sizeof(graph_attributes) / sizeof(graph_attributes[0]); k++)
		if (set(gv, graph, graph_attributes[k][0], graph_attributes[k][1]) != 0)
			return DRAW_CALL_FAILED;
	for (k = 0; k < sizeof(default_attributes) / sizeof(default_attributes[0]); k++)
		if (gv->agattr(graph, default_attributes[k].kind, (char *)default_attributes[k].name,
			       (char *)default_attributes[k].value) == NULL)
			return DRAW_CALL_FAILED;
	for (i = 0; i < n_nodes; i++) {
		const struct node_style *s;
		const char *label;

		if (read_int(r, &kind) != 0 || (label = read_string(r)) == NULL)
			return DRAW_BAD_REQUEST;
		s = style_of((cli_node_kind)kind);
		snprintf(name, sizeof(name), "n%d", i);
		if ((nodes[i] = gv->agnode(graph, name, 1)) == NULL ||
		    set(gv, nodes[i], "label", label) != 0 ||
		    set(gv, nodes[i], "shape", s->shape) != 0 ||
		    set(gv, nodes[i], "style", s->style) != 0 ||
		    set(gv, nodes[i], "fillcolor", s->fill) != 0 ||
		    set(gv, nodes[i], "color", s->border) != 0 ||
		    set(gv, nodes[i], "fontname", s->font) != 0)
			return DRAW_CALL_FAILED;
	}
	for (i = 0; i < n_edges; i++) {
		if (read_int(r, &from) != 0 || read_int(r, &to) != 0 || from < 0 ||
		    from >= n_nodes || to < 0 || to >= n_nodes)
			return DRAW_BAD_REQUEST;
		if (gv->agedge(graph, nodes[from], nodes[to], NULL, 1) == NULL)
			return DRAW_CALL_FAILED;
	}
	return r->left == 0 ? 0 : DRAW_BAD_REQUEST;
}

/* In the drawing process (isolate.h): one graph laid out, its SVG the
 * answer. A failure ends the process: whatever Graphviz left behind is
 * never used again. */
static int draw(void *arg, const char *request, size_t n, cli_buf *answer)
{
	cli_graphs *graphs = arg; /* the process's own copy */
	const cli_graphviz *gv = &graphs->gv;
	reader r = {request, n};
	Agnode_t *nodes[MAX_NODES];
	Agraph_t *graph;
	char *svg = NULL;
	unsigned int length = 0;
	int status;

	if (graphs->gvc == NULL && (graphs->gvc = gv->gvContextPlugins(gv->plugins, 0)) == NULL)
		return DRAW_CALL_FAILED;
	graph = gv->agopen("explanation", *gv->Agdirected, NULL);
	if (graph == NULL)
		return DRAW_CALL_FAILED;
	status = build(gv, graph, &r, nodes);
	if (status != 0)
		return status;
	if (gv->gvLayout(graphs->gvc, graph, "dot") != 0 ||
	    gv->gvRenderData(graphs->gvc, graph, "svg", &svg, &length) != 0 || svg == NULL)
		return DRAW_CALL_FAILED;
	if (gv->agerrors() >= AGERR)
		return DRAW_REPORTED;
	cli_buf_append(answer, svg, length);
	gv->gvFreeRenderData(svg);
	gv->gvFreeLayout(graphs->gvc, graph);
	gv->agclose(graph);
	return 0;
}

static void put_int(cli_buf *b, int value)
{
	cli_buf_append(b, (const char *)&value, sizeof(value));
}

/* The request for `g` (see above). */
static void request_of(cli_buf *b, const cli_graph *g)
{
	int i;

	put_int(b, g->n_nodes);
	put_int(b, g->n_edges);
	for (i = 0; i < g->n_nodes; i++) {
		put_int(b, (int)g->nodes[i].kind);
		put_label(b, g->nodes[i].label, style_of(g->nodes[i].kind)->wrap);
		cli_buf_append(b, "", 1);
	}
	for (i = 0; i < g->n_edges; i++) {
		put_int(b, g->edges[i][0]);
		put_int(b, g->edges[i][1]);
	}
}

static int failed(cli_graphs *graphs, int status, const char *why)
{
	size_t i;

	for (i = 0; i < sizeof(draw_statuses) / sizeof(draw_statuses[0]); i++)
		if (draw_statuses[i].status == status)
			why = draw_statuses[i].meaning;
	snprintf(graphs->failure, sizeof(graphs->failure), "Graphviz failed to draw a graph: %s",
		 why);
	graphs->failed = 1;
	return -1;
}

int cli_graph_draw(cli_graphs *graphs, cli_graph *g, html_out *h, const char *id, long *width,
		   long *height)
{
	cli_buf request = CLI_BUF_INIT, svg = CLI_BUF_INIT;
	char why[160];
	int rc;

	if (graphs == NULL || g->n_nodes == 0) {
		graph_free(g);
		return 1;
	}
	if (graphs->failed) {
		graph_free(g);
		return -1;
	}
	request_of(&request, g);
	graph_free(g);
	if (graphs->drawer == NULL &&
	    (graphs->drawer = cli_isolate_start(draw, graphs, why, sizeof(why))) == NULL)
		rc = failed(graphs, 0, why);
	else if ((rc = cli_isolate_call(graphs->drawer, cli_buf_text(&request), request.length, &svg,
					why, sizeof(why))) != 0)
		rc = failed(graphs, rc, why);
	else if (html_svg(h, cli_buf_text(&svg), svg.length, id, width, height) != 0)
		rc = failed(graphs, 0, "its SVG could not be read");
	cli_buf_free(&request);
	cli_buf_free(&svg);
	return rc;
}

const char *cli_graphs_failure(const cli_graphs *graphs)
{
	return graphs->failure;
}
