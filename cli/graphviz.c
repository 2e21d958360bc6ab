/* graphviz.c: Graphviz, loaded when the first graph is drawn (graphviz.h). */
#include "graphviz.h"

#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* The plugins, by the paths the build found (CMakeLists.txt), and the
 * symbol each exports for gvContextPlugins. */
enum { DOT_LAYOUT, CORE, N_PLUGINS };
static const struct {
	const char *path;
	const char *symbol;
} plugins[N_PLUGINS] = {
	{ONCO_GRAPHVIZ_DOT_LAYOUT, "gvplugin_dot_layout_LTX_library"},
	{ONCO_GRAPHVIZ_CORE, "gvplugin_core_LTX_library"},
};

/* Every function graph.c calls, with where its pointer goes. */
static const struct {
	const char *name;
	size_t offset;
} functions[] = {
	{"agseterrf", offsetof(cli_graphviz, agseterrf)},
	{"agerrors", offsetof(cli_graphviz, agerrors)},
	{"agopen", offsetof(cli_graphviz, agopen)},
	{"agclose", offsetof(cli_graphviz, agclose)},
	{"agattr", offsetof(cli_graphviz, agattr)},
	{"agnode", offsetof(cli_graphviz, agnode)},
	{"agedge", offsetof(cli_graphviz, agedge)},
	{"agsafeset", offsetof(cli_graphviz, agsafeset)},
	{"Agdirected", offsetof(cli_graphviz, Agdirected)},
	{"gvContextPlugins", offsetof(cli_graphviz, gvContextPlugins)},
	{"gvLayout", offsetof(cli_graphviz, gvLayout)},
	{"gvRenderData", offsetof(cli_graphviz, gvRenderData)},
	{"gvFreeRenderData", offsetof(cli_graphviz, gvFreeRenderData)},
	{"gvFreeLayout", offsetof(cli_graphviz, gvFreeLayout)},
};

int cli_graphviz_load(cli_graphviz *gv, char *why, size_t size)
{
	void *handles[N_PLUGINS];
	size_t i, k;

	memset(gv, 0, sizeof(*gv));
	for (k = 0; k < N_PLUGINS; k++) {
		/* Never closed: see graphviz.h. */
		handles[k] = dlopen(plugins[k].path, RTLD_NOW | RTLD_LOCAL);
		if (handles[k] == NULL) {
			snprintf(why, size, "%s", dlerror());
			return -1;
		}
		gv->plugins[k].name = plugins[k].symbol;
		gv->plugins[k].address = dlsym(handles[k], plugins[k].symbol);
		if (gv->plugins[k].address == NULL) {
			snprintf(why, size, "%s: no %s", plugins[k].path, plugins[k].symbol);
			return -1;
		}
	}
	/* libgvc and libcgraph are dependencies of the layout plugin: looked
	 * up through its handle. A data symbol (Agdirected) and a function
	 * alike come back as an address, stored in the member's place (POSIX
	 * guarantees a function's address fits in a void *). */
	for (i = 0; i < sizeof(functions) / sizeof(functions[0]); i++) {
		void *address = dlsym(handles[DOT_LAYOUT], functions[i].name);

		if (address == NULL) {
			snprintf(why, size, "Graphviz has no %s", functions[i].name);
			return -1;
		}
		memcpy((char *)gv + functions[i].offset, &address, sizeof(address));
	}
	return 0;
}
