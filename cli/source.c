/*
 * source.c: the text view's part for a result read from a FHIR bundle,
 * kept in one file so that the rest of the text view does not change for
 * it: each case pointer of a "because" line gets the resources it came
 * from beside it (seen with --detail), and a SOURCE RECORD section says
 * where the case came from: the conflicts left out of it on the screen,
 * and with --detail (or for an answer with no case) everything not
 * understood. The data is the result's "source" object
 * (docs/output-format.md); nothing is computed here that the JSON does not
 * hold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "textview.h"

/* Resources shown beside one pointer at most; the JSON has them all. */
#define SHOWN_MAX 3

/* Appends each resource of `list` once (with its first pointer). */
static void add_sources(const cJSON *list, cli_buf *b, int *shown, int *more)
{
	const cJSON *s;
	char seen[512];

	cJSON_ArrayForEach(s, list) {
		snprintf(seen, sizeof(seen), " %s ", cli_str_or(s, "resource", ""));
		if (strstr(cli_buf_text(b), seen) != NULL)
			continue;
		if (*shown == SHOWN_MAX) {
			(*more)++;
			continue;
		}
		cli_buf_printf(b, "%s%s %s", *shown ? "; " : " <- ", cli_str_or(s, "resource", ""),
			       cli_str_or(s, "pointer", ""));
		(*shown)++;
	}
}

/* The sources of case pointer `p`: its own, else its nearest parent's,
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

/* Every "because" list below `item` (the result but its source). */
static void annotate(cJSON *item, const cJSON *facts)
{
	cJSON *child, *b, *pointers, *p;
	int i;

	cJSON_ArrayForEach(child, item) {
		if (child->string != NULL && strcmp(child->string, "source") == 0)
			continue;
		if (child->string != NULL && strcmp(child->string, "because") == 0) {
			cJSON_ArrayForEach(b, child) {
				pointers = cJSON_GetObjectItemCaseSensitive(b, "pointers");
				for (i = 0; i < cJSON_GetArraySize(pointers); i++) {
					cli_buf text = CLI_BUF_INIT;

					p = cJSON_GetArrayItem(pointers, i);
					if (!cJSON_IsString(p))
						continue;
					cli_buf_puts(&text, p->valuestring);
					describe(facts, p->valuestring, &text);
					cJSON_ReplaceItemInArray(pointers, i,
								 cJSON_CreateString(cli_buf_text(&text)));
					cli_buf_free(&text);
				}
			}
		} else if (cJSON_IsObject(child) || cJSON_IsArray(child)) {
			annotate(child, facts);
		}
	}
}

void cli_source_annotate(cJSON *doc)
{
	const cJSON *facts = cJSON_GetObjectItemCaseSensitive(
		cJSON_GetObjectItemCaseSensitive(doc, "source"), "facts");

	if (facts != NULL)
		annotate(doc, facts);
}

void cli_source_print(cli_buf *out, const cJSON *doc, int all)
{
	const cJSON *source = cJSON_GetObjectItemCaseSensitive(doc, "source");
	const cJSON *bundle, *conflicts, *notes, *item, *value, *code, *entries;
	const char *as_of;
	cli_buf line = CLI_BUF_INIT;
	int bad_timestamp = 0;

	if (source == NULL)
		return;
	bundle = cJSON_GetObjectItemCaseSensitive(source, "bundle");
	entries = cJSON_GetObjectItemCaseSensitive(bundle, "entries");
	conflicts = cJSON_GetObjectItemCaseSensitive(source, "conflicts");
	notes = cJSON_GetObjectItemCaseSensitive(source, "not_understood");
	as_of = cli_str_or(source, "as_of", "");
	cJSON_ArrayForEach(item, notes)
		if (strcmp(cli_str_or(item, "pointer", ""), "/timestamp") == 0)
			bad_timestamp = 1;
	cli_buf_printf(&line, "SOURCE RECORD: %s %s (%s, %d entries), %s%s%s: %d conflict%s, "
		       "%d not understood or not used%s",
		       cli_str_or(source, "format", ""), cli_str_or(bundle, "id", "(no id)"),
		       cli_str_or(bundle, "type", ""), cJSON_IsNumber(entries) ? entries->valueint : 0,
		       as_of[0] ? "as of "
		       : bad_timestamp ? "no evaluation date (--as-of; the bundle's timestamp is not "
					 "a valid date)"
				       : "no evaluation date (--as-of)", as_of,
		       !as_of[0] ? ""
		       : strcmp(cli_str_or(source, "as_of_from", ""), "option") == 0
			       ? " (--as-of)" : " (bundle timestamp)",
		       cJSON_GetArraySize(conflicts), cJSON_GetArraySize(conflicts) == 1 ? "" : "s",
		       cJSON_GetArraySize(notes),
		       all || cJSON_GetArraySize(notes) == 0 ? "" : " (--detail lists them)");
	/* one blank line before the section, not two */
	if (out->length < 2 || strcmp(cli_buf_text(out) + out->length - 2, "\n\n") != 0)
		cli_buf_puts(out, "\n");
	cli_wrap(out, "", 2, cli_buf_text(&line));
	cli_buf_free(&line);
	cJSON_ArrayForEach(item, conflicts) {
		cli_buf_printf(&line, "%s: %s, left out of the case", cli_str_or(item, "field", ""),
			       cli_str_or(item, "reason", ""));
		cli_wrap(out, "  ! ", 6, cli_buf_text(&line));
		cli_buf_free(&line);
		cJSON_ArrayForEach(value, cJSON_GetObjectItemCaseSensitive(item, "values")) {
			cli_buf_printf(&line, "%s <- %s %s", cli_str_or(value, "value", ""),
				       cli_str_or(value, "resource", ""), cli_str_or(value, "pointer", ""));
			cli_wrap(out, "      ", 8, cli_buf_text(&line));
			cli_buf_free(&line);
		}
	}
	if (!all)
		return;
	cJSON_ArrayForEach(item, notes) {
		cli_buf_printf(&line, "%s %s: %s", cli_str_or(item, "resource", ""),
			       cli_str_or(item, "pointer", ""), cli_str_or(item, "reason", ""));
		cJSON_ArrayForEach(code, cJSON_GetObjectItemCaseSensitive(item, "codes"))
			cli_buf_printf(&line, " [%s]", cJSON_IsString(code) ? code->valuestring : "");
		if (cli_str_or(item, "text", "")[0] != '\0')
			cli_buf_printf(&line, " \"%s\"", cli_str(item, "text"));
		cli_wrap(out, "  - ", 4, cli_buf_text(&line));
		cli_buf_free(&line);
	}
}
