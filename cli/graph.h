/*
 * graph.h: explanation graphs for the HTML report, laid out by Graphviz
 * (libgvc, the "dot" layout) and drawn as inline SVG.
 *
 * A graph is described here in the report's terms (case facts, findings,
 * the rule, the cited passages, the conclusion); Graphviz places the
 * boxes. Labels are plain text, never Graphviz's HTML-like labels, and the
 * SVG goes onto the page through html_svg (html.h), which keeps only what a
 * drawing needs and escapes its text. Graphviz keeps global state (its
 * error handler, its layout code is not reentrant): one cli_graphs per
 * process, used by one thread at a time (each drawing forks that thread).
 *
 * Ownership: cli_graphs_open gives a context the caller frees with
 * cli_graphs_free (NULL is a no-op); a cli_graph is owned by the caller
 * until cli_graph_draw, which frees it whatever happens.
 */
#ifndef ONCO_CLI_GRAPH_H
#define ONCO_CLI_GRAPH_H

#include "html.h"

typedef struct cli_graphs cli_graphs;
typedef struct cli_graph cli_graph;

/* What a node stands for: its shape, colours and the width its label is
 * wrapped at come from one table in graph.c. */
typedef enum cli_node_kind {
	CLI_NODE_FACT,       /* a field of the case: its JSON pointer */
	CLI_NODE_MISSING,    /* a field the case does not record */
	CLI_NODE_FINDING,    /* a condition of the rule, met */
	CLI_NODE_UNKNOWN,    /* a condition the case leaves unknown */
	CLI_NODE_NOT_MET,    /* a condition not met */
	CLI_NODE_RULE,       /* the rule that concludes */
	CLI_NODE_SOURCE,     /* a cited passage of a source document */
	CLI_NODE_MARK,       /* what a gate adds: history, lead */
	CLI_NODE_CONCLUSION, /* the option, recommended */
	CLI_NODE_POSSIBLE    /* the option, possible if ... */
} cli_node_kind;

/* The layout engine; NULL when Graphviz cannot be loaded (graphviz.h:
 * not installed), the reason in `why` (of `size` bytes): the page is then
 * drawn without graphs. Running out of memory exits with status 3
 * (strbuf.h), as the page's own code does. */
cli_graphs *cli_graphs_open(char *why, size_t size);
void cli_graphs_free(cli_graphs *graphs);

cli_graph *cli_graph_new(void);

/* Adds a node, or finds the one added before with the same `kind` and
 * `label`: its number. */
int cli_graph_node(cli_graph *g, cli_node_kind kind, const char *label);

/* An edge from node `from` to node `to` (each pair once). */
void cli_graph_edge(cli_graph *g, int from, int to);

/* Lays `g` out and appends it to `h` as <svg class="graph">, its first
 * group with the element id `id` (NULL: none), and sets its size in
 * points; frees `g`. Graphviz works in a child process (graph.c). Returns
 * 0 when drawn, 1 when there is nothing to draw (no node, or `graphs`
 * NULL: Graphviz is not installed), -1 when
 * Graphviz failed (crashed, exited, reported an error): nothing appended,
 * cli_graphs_failure says why, and the page is not to be written without
 * the graph. */
int cli_graph_draw(cli_graphs *graphs, cli_graph *g, html_out *h, const char *id, long *width,
		   long *height);

/* Why the last drawing failed: "Graphviz failed to draw a graph: ...". */
const char *cli_graphs_failure(const cli_graphs *graphs);

#endif
