/* rules.c: `oncorules rules [--json]`: the rule catalogue. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"

static void usage(FILE *out)
{
	fputs("usage: oncorules rules [--json] [--kb DIR]\n"
	      "\n"
	      "Lists every knowledge-map label with the rules that conclude it, then\n"
	      "every rule with its kind, file and line, and the labels it cites.\n",
	      out);
}

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : "";
}

/* "  [A4-2, A4-3]": the labels a rule cites, each once, in citing order. */
static void print_labels(const cJSON *cites)
{
	const cJSON *c, *d;
	int n = 0;

	cJSON_ArrayForEach(c, cites) {
		int seen = 0;

		for (d = cites->child; d != c; d = d->next)
			seen |= strcmp(str(d, "label"), str(c, "label")) == 0;
		if (seen)
			continue;
		printf("%s%s", n++ == 0 ? "  [" : ", ", str(c, "label"));
	}
	puts(n > 0 ? "]" : "");
}

static void print_text(const cJSON *doc)
{
	const cJSON *kb = cJSON_GetObjectItemCaseSensitive(doc, "knowledge_base");
	const cJSON *labels = cJSON_GetObjectItemCaseSensitive(doc, "labels");
	const cJSON *rules = cJSON_GetObjectItemCaseSensitive(doc, "rules");
	const cJSON *item, *r;

	printf("knowledge base %s (sha256 %s): %d rules\n\nGUIDELINES\n", str(kb, "version"),
	       str(kb, "sha256"), cJSON_GetArraySize(rules));
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, "guidelines"))
		printf("  %-16s %s (%s)\n", str(item, "id"), str(item, "title"), str(item, "source"));
	printf("\nLABELS (%d)\n", cJSON_GetArraySize(labels));
	cJSON_ArrayForEach(item, labels) {
		printf("  %-6s", item->string);
		if (cJSON_GetArraySize(item) == 0)
			printf(" (no rule concludes it)");
		cJSON_ArrayForEach(r, item)
			printf("%s%s", r == item->child ? " " : ", ", r->valuestring);
		putchar('\n');
	}
	puts("\nRULES");
	cJSON_ArrayForEach(r, rules) {
		printf("  %s:%d  %-14s %s", str(r, "file"),
		       cJSON_GetObjectItemCaseSensitive(r, "line")->valueint, str(r, "kind"),
		       str(r, "name"));
		print_labels(cJSON_GetObjectItemCaseSensitive(r, "cites"));
		if (str(r, "comment")[0] != '\0')
			printf("      %s\n", str(r, "comment"));
	}
}

int cli_rules(int argc, char **argv)
{
	cli_output_args args = {0};
	int status, i, r;
	onco_engine *engine;
	onco_error err;
	char *text = NULL;
	cJSON *doc;

	for (i = 1; i < argc; i++) {
		r = cli_output_arg(&args, argc, argv, &i);
		if (r < 0)
			return CLI_EXIT_USAGE;
		if (args.help) {
			usage(stdout);
			return CLI_EXIT_OK;
		}
		if (r == 0) {
			fprintf(stderr, "oncorules rules: unexpected argument '%s'\n", argv[i]);
			usage(stderr);
			return CLI_EXIT_USAGE;
		}
	}
	engine = cli_engine_open(&args.engine, &status);
	if (engine == NULL)
		return status;
	if (onco_engine_catalogue(engine, ONCO_JSON_PRETTY, &text, &err) != 0) {
		fprintf(stderr, "oncorules rules: %s\n", err.message);
		onco_engine_free(engine);
		return CLI_EXIT_INTERNAL;
	}
	status = CLI_EXIT_OK;
	if (args.json) {
		puts(text);
	} else if ((doc = cJSON_Parse(text)) != NULL) {
		print_text(doc);
		cJSON_Delete(doc);
	} else {
		/* Our own document: only memory can make it unreadable. */
		fputs("oncorules rules: out of memory\n", stderr);
		status = CLI_EXIT_INTERNAL;
	}
	free(text);
	onco_engine_free(engine);
	return status;
}
