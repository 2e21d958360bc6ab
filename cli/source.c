/*
 * source.c: the text view's part for a result read from a FHIR bundle,
 * kept in one file so that changes to the rest of the text view (decision
 * cards) do not touch it: each case pointer of a "because" gets the
 * resources it came from beside it, and a last section lists the source
 * record's conflicts and what was not understood. The data is the result
 * document's "source" object (docs/output-format.md); nothing is computed
 * here that the JSON does not hold.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "strbuf.h"

/* Resources shown beside one pointer at most; the JSON has them all. */
#define SHOWN_MAX 3

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : "";
}

/* Appends each resource of `list` once (with its first pointer). */
static void add_sources(const cJSON *list, cli_buf *b, int *shown, int *more)
{
	const cJSON *s;
	char seen[512];

	cJSON_ArrayForEach(s, list) {
		snprintf(seen, sizeof(seen), " %s ", str(s, "resource"));
		if (strstr(cli_buf_text(b), seen) != NULL)
			continue;
		if (*shown == SHOWN_MAX) {
			(*more)++;
			continue;
		}
		cli_buf_printf(b, "%s%s %s", *shown ? "; " : " <- ", str(s, "resource"),
			       str(s, "pointer"));
		(*shown)++;
	}
}

/* The sources of case pointer `p`: its own, else its nearest ancestor's,
 * else its children's (a list cites its items). */
static void describe(const cJSON *facts, const char *p, cli_buf *b)
{
	const cJSON *entry;
	char *prefix = cli_xstrdup(p), *slash;
	size_t n = strlen(p);
	int shown = 0, more = 0;

	for (;;) {
		entry = cJSON_GetObjectItemCaseSensitive(facts, prefix);
		if (entry != NULL || (slash = strrchr(prefix, '/')) == NULL || slash == prefix)
			break;
		*slash = '\0';
	}
	if (entry != NULL) {
		add_sources(entry, b, &shown, &more);
	} else {
		cJSON_ArrayForEach(entry, facts)
			if (strncmp(entry->string, p, n) == 0 && entry->string[n] == '/')
				add_sources(entry, b, &shown, &more);
	}
	if (more > 0)
		cli_buf_printf(b, " (and %d more)", more);
	free(prefix);
}

void cli_source_annotate(cJSON *doc)
{
	static const char *const lists[] = {"recommendations", "warnings", "exclusions", "notes"};
	const cJSON *source = cJSON_GetObjectItemCaseSensitive(doc, "source");
	const cJSON *facts = cJSON_GetObjectItemCaseSensitive(source, "facts");
	cJSON *item, *because, *pointers, *p;
	size_t l;
	int i;

	if (facts == NULL)
		return;
	for (l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
		cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, lists[l]))
			cJSON_ArrayForEach(because, cJSON_GetObjectItemCaseSensitive(item, "because")) {
				pointers = cJSON_GetObjectItemCaseSensitive(because, "pointers");
				for (i = 0; i < cJSON_GetArraySize(pointers); i++) {
					cli_buf b = CLI_BUF_INIT;

					p = cJSON_GetArrayItem(pointers, i);
					if (!cJSON_IsString(p))
						continue;
					cli_buf_puts(&b, p->valuestring);
					describe(facts, p->valuestring, &b);
					cJSON_ReplaceItemInArray(pointers, i,
								 cJSON_CreateString(cli_buf_text(&b)));
					cli_buf_free(&b);
				}
			}
}

void cli_source_print(FILE *out, const cJSON *doc)
{
	const cJSON *source = cJSON_GetObjectItemCaseSensitive(doc, "source");
	const cJSON *bundle, *list, *item, *value, *code;
	const char *as_of;

	if (source == NULL)
		return;
	bundle = cJSON_GetObjectItemCaseSensitive(source, "bundle");
	as_of = str(source, "as_of");
	fprintf(out, "\nSOURCE RECORD: %s %s (%s, %d entries); %s%s%s\n", str(source, "format"),
		str(bundle, "id"), str(bundle, "type"),
		cJSON_GetObjectItemCaseSensitive(bundle, "entries") != NULL
			? cJSON_GetObjectItemCaseSensitive(bundle, "entries")->valueint : 0,
		as_of[0] ? "as of " : "no evaluation date (--as-of)", as_of,
		as_of[0] ? (strcmp(str(source, "as_of_from"), "option") == 0 ? " (--as-of)"
								     : " (bundle timestamp)")
			 : "");
	list = cJSON_GetObjectItemCaseSensitive(source, "conflicts");
	fprintf(out, "  Conflicts, left out of the case (%d)\n", cJSON_GetArraySize(list));
	cJSON_ArrayForEach(item, list) {
		fprintf(out, "  ! %s: %s\n", str(item, "field"), str(item, "reason"));
		cJSON_ArrayForEach(value, cJSON_GetObjectItemCaseSensitive(item, "values"))
			fprintf(out, "      %s <- %s %s\n", str(value, "value"), str(value, "resource"),
				str(value, "pointer"));
	}
	list = cJSON_GetObjectItemCaseSensitive(source, "not_understood");
	fprintf(out, "  Not understood or not used (%d)\n", cJSON_GetArraySize(list));
	cJSON_ArrayForEach(item, list) {
		cli_buf line = CLI_BUF_INIT;

		cli_buf_printf(&line, "  - %s %s: %s", str(item, "resource"), str(item, "pointer"),
			       str(item, "reason"));
		cJSON_ArrayForEach(code, cJSON_GetObjectItemCaseSensitive(item, "codes"))
			cli_buf_printf(&line, " [%s]", cJSON_IsString(code) ? code->valuestring : "");
		if (str(item, "text")[0] != '\0')
			cli_buf_printf(&line, " \"%s\"", str(item, "text"));
		fprintf(out, "%s\n", cli_buf_text(&line));
		cli_buf_free(&line);
	}
}
