/*
 * detail.c: every explanation of a result (`evaluate --detail`), card by
 * card after the one-screen view: each option, possible option, warning,
 * exclusion, missing fact and note with its because-lines and their JSON
 * pointers, its history, what it waits for, the quoted passages with the
 * title of their document, and the rule. Nothing the JSON explains is left
 * out (tests/scripts/test_cards_text.sh checks it).
 */
#include <string.h>

#include "textview.h"

#define LEAD "      "
#define LABEL(s) "      " s

static void print_because(cli_buf *out, const cJSON *because, const char *first)
{
	const cJSON *b, *p;
	const char *lead = first;

	cJSON_ArrayForEach(b, because) {
		cli_buf line = CLI_BUF_INIT;
		int n = 0;

		cli_buf_puts(&line, cli_str_or(b, "statement", ""));
		cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(b, "pointers"))
			cli_buf_printf(&line, "%s%s", n++ ? ", " : "  [", p->valuestring);
		if (n > 0)
			cli_buf_puts(&line, "]");
		cli_wrap(out, lead, 16, cli_buf_text(&line));
		cli_buf_free(&line);
		lead = "                ";
	}
}

static void print_evidence(cli_buf *out, const cJSON *doc, const cJSON *item)
{
	const cJSON *e;
	const char *lead = LABEL("source:   ");

	print_because(out, cJSON_GetObjectItemCaseSensitive(item, "because"), LABEL("because:  "));
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(item, "evidence")) {
		cli_buf line = CLI_BUF_INIT;
		const char *source = cli_str_or(e, "source", "");
		const char *title = cli_document_title(doc, source);

		cli_buf_printf(&line, "%s, %s", cli_str_or(e, "ref", ""), title);
		if (title != source)
			cli_buf_printf(&line, " (%s)", source);
		cli_buf_printf(&line, ": \"%s\"", cli_str_or(e, "quote", ""));
		cli_wrap(out, lead, 16, cli_buf_text(&line));
		cli_buf_free(&line);
		lead = "                ";
	}
	cli_buf_printf(out, LABEL("rule:     %s\n"), cli_str_or(item, "rule", ""));
}

static void join(cli_buf *b, const cJSON *list, const char *separator)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, list)
		cli_buf_printf(b, "%s%s", e == list->child ? "" : separator, e->valuestring);
}

static void print_option(cli_buf *out, const cJSON *doc, const cJSON *r)
{
	const cJSON *agents = cJSON_GetObjectItemCaseSensitive(r, "agents");
	const cJSON *choices = cJSON_GetObjectItemCaseSensitive(r, "choices"), *w, *h, *u;
	const char *procedure = cli_str(r, "procedure"), *schedule = cli_str(r, "schedule");
	cli_buf line = CLI_BUF_INIT;

	cli_buf_puts(&line, cli_str_or(r, "summary", ""));
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "preferred")))
		cli_buf_puts(&line, "  (PREFERRED)");
	cli_wrap(out, "    - ", 6, cli_buf_text(&line));
	cli_buf_free(&line);
	cli_buf_printf(out, LABEL("id:       %s   intent: %s   role: %s   form: %s\n"),
		       cli_str_or(r, "id", ""), cli_str_or(r, "intent", ""),
		       cli_str_or(r, "role", ""), cli_str_or(r, "form", ""));
	if (cJSON_GetArraySize(agents) > 0) {
		join(&line, agents, " + ");
		cli_wrap(out, LABEL("agents:   "), 16, cli_buf_text(&line));
		cli_buf_free(&line);
	}
	if (cJSON_GetArraySize(choices) > 0) {
		cli_buf_puts(&line, "one of ");
		join(&line, choices, ", ");
		cli_wrap(out, LABEL("choices:  "), 16, cli_buf_text(&line));
		cli_buf_free(&line);
	}
	if (procedure != NULL)
		cli_buf_printf(out, LABEL("procedure: %s%s%s\n"), procedure,
			       cli_str(r, "target") ? ", target: " : "", cli_str_or(r, "target", ""));
	if (schedule != NULL && schedule[0] != '\0')
		cli_wrap(out, LABEL("schedule: "), 16, schedule);
	if (cli_str(r, "lead") != NULL)
		cli_wrap(out, LABEL("first:    "), 16, cli_str(r, "lead"));
	cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(r, "if")) {
		cli_buf_printf(&line, "%s (needs ", cli_str_or(w, "statement", ""));
		join(&line, cJSON_GetObjectItemCaseSensitive(w, "needs"), " or ");
		cli_buf_puts(&line, "; record ");
		join(&line, cJSON_GetObjectItemCaseSensitive(w, "fields"), ", ");
		cli_buf_puts(&line, ")");
		/* A field the case records that does not decide it: what it
		 * holds, never "record" alone. */
		cJSON_ArrayForEach(u, cJSON_GetObjectItemCaseSensitive(w, "undecided"))
			cli_buf_printf(&line, "; %s: %s", cli_str_or(u, "field", ""),
				       cli_str_or(u, "why", ""));
		cli_wrap(out, LABEL("possible if: "), 16, cli_buf_text(&line));
		cli_buf_free(&line);
	}
	cJSON_ArrayForEach(h, cJSON_GetObjectItemCaseSensitive(r, "history")) {
		cli_buf_printf(out, LABEL("history:  %s%s%s%s\n"), cli_str_or(h, "status", ""),
			       cli_str(h, "agent") != NULL ? " (" : "",
			       cli_str_or(h, "agent", ""), cli_str(h, "agent") != NULL ? ")" : "");
		print_because(out, cJSON_GetObjectItemCaseSensitive(h, "because"),
			      "                ");
	}
	print_evidence(out, doc, r);
}

static void print_warning(cli_buf *out, const cJSON *doc, const cJSON *w)
{
	cli_buf line = CLI_BUF_INIT;

	cli_buf_printf(&line, "[%s] %s%s", cli_str_or(w, "severity", ""),
		       cli_str_or(w, "agent", cli_str_or(w, "option", "")),
		       cli_str(w, "agent") || cli_str(w, "option") ? ": " : "");
	cli_buf_puts(&line, cli_str_or(w, "text", ""));
	cli_wrap(out, "    ! ", 6, cli_buf_text(&line));
	cli_buf_free(&line);
	print_evidence(out, doc, w);
}

static void print_exclusion(cli_buf *out, const cJSON *doc, const cJSON *x)
{
	cli_buf line = CLI_BUF_INIT;

	cli_buf_printf(&line, "%s: %s", cli_str_or(x, "option", ""), cli_str_or(x, "reason", ""));
	cli_wrap(out, "    x ", 6, cli_buf_text(&line));
	cli_buf_free(&line);
	print_evidence(out, doc, x);
}

static void print_missing(cli_buf *out, const cJSON *m)
{
	cli_buf line = CLI_BUF_INIT;

	cli_buf_printf(out, "    ? %s\n", cli_str_or(m, "field", ""));
	if (cli_str(m, "undecided") != NULL)
		cli_wrap(out, LABEL("recorded: "), 16, cli_str(m, "undecided"));
	cli_wrap(out, LABEL("needed for: "), 16, cli_str_or(m, "needed_for", ""));
	if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(m, "options")) > 0) {
		join(&line, cJSON_GetObjectItemCaseSensitive(m, "options"), ", ");
		cli_wrap(out, LABEL("options:  "), 16, cli_buf_text(&line));
		cli_buf_free(&line);
	}
}

static void print_note(cli_buf *out, const cJSON *doc, const cJSON *n)
{
	cli_wrap(out, "    - ", 6, cli_str_or(n, "text", ""));
	print_evidence(out, doc, n);
}

void cli_detail(cli_buf *out, const cJSON *doc)
{
	static const struct {
		const char *card_list; /* the ids a card holds */
		const char *doc_list;  /* the items they name */
	} lists[] = {{"options", "recommendations"}, {"possible", "possible"},
		     {"warnings", "warnings"},	     {"exclusions", "exclusions"},
		     {"notes", "notes"}};
	const cJSON *card, *id;
	size_t l;

	cli_buf_puts(out, "\nDETAIL\n");
	cJSON_ArrayForEach(card, cJSON_GetObjectItemCaseSensitive(doc, "cards")) {
		if (strcmp(cli_str_or(card, "kind", ""), "status") == 0 &&
		    cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(card, "notes")) == 0)
			continue;
		cli_buf_printf(out, "\n  %s\n", cli_str_or(card, "title", ""));
		for (l = 0; l < sizeof(lists) / sizeof(lists[0]); l++)
			cJSON_ArrayForEach(id, cJSON_GetObjectItemCaseSensitive(card, lists[l].card_list)) {
				const cJSON *item = cli_item(doc, lists[l].doc_list, id->valuestring);

				if (item == NULL)
					continue;
				if (l <= 1)
					print_option(out, doc, item);
				else if (l == 2)
					print_warning(out, doc, item);
				else if (l == 3)
					print_exclusion(out, doc, item);
				else
					print_note(out, doc, item);
			}
		cJSON_ArrayForEach(id, cJSON_GetObjectItemCaseSensitive(card, "missing")) {
			const cJSON *m;

			cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(doc, "missing_information"))
				if (strcmp(cli_str_or(m, "field", ""), id->valuestring) == 0)
					print_missing(out, m);
		}
	}
}
