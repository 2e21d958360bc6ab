/*
 * graphviz.h: the Graphviz functions the explanation graphs use (graph.c),
 * loaded with dlopen when the first graph is drawn rather than linked.
 *
 * Linked, Graphviz and its dependencies (libgvc, libcgraph, libcdt,
 * libpathplan, libltdl, libexpat, zlib and the two plugins, with a run path
 * to Graphviz's plugin folder) were loaded and relocated at the start of
 * every command, a fifth of the page faults of a cold `evaluate` that
 * draws nothing (docs/performance.md). Only `report` and `batch --html`
 * draw.
 *
 * The two plugins the drawings need, the "dot" layout and the core SVG
 * renderer, are opened by path from Graphviz's plugin folder (found when
 * the program was built); libgvc and libcgraph come with them as their
 * dependencies, and each function is looked up through the plugins'
 * handles. The libraries stay loaded until the process ends, as linked
 * ones would: Graphviz keeps global state (its error handler, its string
 * dictionary) that unloading would leave dangling.
 */
#ifndef ONCO_CLI_GRAPHVIZ_H
#define ONCO_CLI_GRAPHVIZ_H

#include <gvc.h>

/* Each member has the type of the Graphviz function of its name. */
typedef struct cli_graphviz {
	__typeof__(agseterrf) *agseterrf;
	__typeof__(agerrors) *agerrors;
	__typeof__(agopen) *agopen;
	__typeof__(agclose) *agclose;
	__typeof__(agattr) *agattr;
	__typeof__(agnode) *agnode;
	__typeof__(agedge) *agedge;
	__typeof__(agsafeset) *agsafeset;
	Agdesc_t *Agdirected;
	__typeof__(gvContextPlugins) *gvContextPlugins;
	__typeof__(gvLayout) *gvLayout;
	__typeof__(gvRenderData) *gvRenderData;
	__typeof__(gvFreeRenderData) *gvFreeRenderData;
	__typeof__(gvFreeLayout) *gvFreeLayout;
	/* The plugins, as gvContextPlugins takes them (NULL-terminated). */
	lt_symlist_t plugins[3];
} cli_graphviz;

/* Loads Graphviz into *gv. Returns 0, or -1 when a library or a function
 * cannot be found (a message in `why`, of `size` bytes). */
int cli_graphviz_load(cli_graphviz *gv, char *why, size_t size);

#endif
