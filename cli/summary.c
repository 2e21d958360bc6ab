/*
 * summary.c: the answer on one screen, from the cards of the result
 * (docs/output-format.md, "Cards"): who the patient is in a few lines,
 * critical and serious warnings, then the numbered option cards (criteria
 * of curative-intent local treatment as checklists, backbones folded into
 * one "one of" line, menus as one item, add-ons as +/- modifiers, "possible
 * if", history marks), safety once per drug, what is ruled out grouped by
 * reason, missing facts, and a pointer to --detail. The text follows the
 * cards' order; it decides nothing itself. 100 columns, same bytes for the
 * same result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "printable.h"
#include "textview.h"

static const cJSON *cards_of(const cJSON *doc)
{
	return cJSON_GetObjectItemCaseSensitive(doc, "cards");
}

static const cJSON *list(const cJSON *card, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(card, key);
}

static int is_option_card(const cJSON *card)
{
	static const char *const not_options[] = {"status", "safety", "ruled-out", "missing",
						  "notes"};
	const char *kind = cli_str_or(card, "kind", "");
	size_t i;

	for (i = 0; i < sizeof(not_options) / sizeof(not_options[0]); i++)
		if (strcmp(kind, not_options[i]) == 0)
			return 0;
	return 1;
}

/* ------------------------------------------------------------ status */

static void print_status(cli_buf *out, const cJSON *doc, const cJSON *status)
{
	const cJSON *line, *intent, *e;
	cli_buf b = CLI_BUF_INIT;
	const char *wishes = NULL, *fitness = NULL;

	cli_wrap(out, "", 0, cli_str_or(status, "title", ""));
	cJSON_ArrayForEach(line, list(status, "patient")) {
		const char *topic = cli_str_or(line, "topic", "");

		if (strcmp(topic, "wishes") == 0)
			wishes = cli_str_or(line, "text", "");
		else if (strcmp(topic, "fitness") == 0)
			fitness = cli_str_or(line, "text", "");
		else
			cli_wrap(out, "  ", 4, cli_str_or(line, "text", ""));
	}
	/* Intent, wishes and fitness: what frames every card, on one line. */
	intent = list(status, "intent");
	if (cJSON_GetArraySize(intent) > 0) {
		cli_buf_puts(&b, "intent of the options: ");
		cJSON_ArrayForEach(e, intent) {
			cli_words(&b, e->valuestring);
			if (e->next != NULL)
				cli_buf_puts(&b, ", ");
		}
		cli_buf_puts(&b, "; ");
	}
	cli_buf_printf(&b, "wishes: %s; fitness: %s", wishes ? wishes : "not recorded",
		       fitness ? fitness : "not recorded");
	cli_wrap(out, "  ", 4, cli_buf_text(&b));
	cli_buf_free(&b);
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(status, "collapsed"))) {
		cli_buf_printf(&b, "%s Care that does not treat the cancer comes first; the other "
				   "options are folded (--detail lists them).",
			       cli_str_or(status, "reason", ""));
		cli_wrap(out, "  ", 4, cli_buf_text(&b));
		cli_buf_free(&b);
	}
	/* Notes about her situation as a whole (a source silent about it). */
	cJSON_ArrayForEach(e, list(status, "notes")) {
		const cJSON *note = cli_item(doc, "notes", e->valuestring);

		if (note != NULL)
			cli_wrap(out, "  ", 4, cli_str_or(note, "text", ""));
	}
}

/* ------------------------------------------------------------ warnings */

static void warning_line(cli_buf *out, const cJSON *doc, const cJSON *w, const char *lead)
{
	cli_buf b = CLI_BUF_INIT;
	const char *agent = cli_str(w, "agent"), *option = cli_str(w, "option");

	if (agent != NULL) {
		cli_words(&b, agent);
		cli_buf_puts(&b, ": ");
	} else if (option != NULL && cli_option(doc, option) != NULL) {
		cli_short_name(&b, cli_option(doc, option));
		cli_buf_puts(&b, ": ");
	}
	cli_buf_puts(&b, cli_str_or(w, "text", ""));
	cli_buf_puts(&b, "  ");
	cli_refs(&b, w);
	cli_wrap(out, lead, 4, cli_buf_text(&b));
	cli_buf_free(&b);
}

static void print_urgent(cli_buf *out, const cJSON *doc)
{
	const cJSON *card, *id;
	int any = 0;

	cJSON_ArrayForEach(card, cards_of(doc))
		cJSON_ArrayForEach(id, list(card, "warnings")) {
			const cJSON *w = cli_item(doc, "warnings", id->valuestring);

			if (w == NULL || !cli_is_urgent(w))
				continue;
			if (!any)
				cli_buf_puts(out, "\n");
			any = 1;
			warning_line(out, doc, w,
				     strcmp(cli_str_or(w, "severity", ""), "critical") == 0 ? "!!  "
											  : "!   ");
		}
}

/* ------------------------------------------------------------ option cards */

/* What the first `if` entry of `option` that records `field` as undecided
 * says of it, or NULL: the field is not recorded. */
static const char *undecided_why(const cJSON *option, const char *field)
{
	const cJSON *w;
	const char *why = NULL;

	cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(option, "if"))
		if (why == NULL)
			why = cli_if_undecided(w, field);
	return why;
}

/* "possible if PD-L1 positive tumour (not recorded: /biomarkers/PD-L1)";
 * "... (/biomarkers/HER2: HER2 unknown, recorded as unknown)" */
static void if_text(cli_buf *b, const cJSON *option)
{
	const cJSON *w, *f;
	cli_buf fields = CLI_BUF_INIT;
	int first = 1;

	cli_buf_puts(b, "possible if ");
	cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(option, "if")) {
		const cJSON *needs = cJSON_GetObjectItemCaseSensitive(w, "needs");
		const char *need = cJSON_GetArraySize(needs) == 1
					   ? cJSON_GetArrayItem(needs, 0)->valuestring
					   : "yes";

		/* "no prior pelvic radiation": an option that stands only if a
		 * fact is absent must never read as if it needed the fact. */
		cli_buf_puts(b, first ? "" : "; ");
		cli_buf_puts(b, strcmp(need, "no") == 0 ? "no " : "");
		cli_buf_puts(b, cli_str_or(w, "statement", ""));
		if (strcmp(need, "yes") != 0 && strcmp(need, "no") != 0)
			cli_buf_printf(b, ": %s", need);
		first = 0;
	}
	/* Fields the case does not record, then each field it records that
	 * does not decide the condition, with what it holds: a recorded field
	 * is never called "not recorded". */
	cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(option, "if"))
		cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(w, "fields"))
			if (undecided_why(option, f->valuestring) == NULL &&
			    !cli_has_name(cli_buf_text(&fields), f->valuestring))
				cli_buf_printf(&fields, "%s%s", fields.length ? ", " : "", f->valuestring);
	if (fields.length > 0)
		cli_buf_printf(b, " (not recorded: %s)", cli_buf_text(&fields));
	cli_buf_free(&fields);
	cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(option, "if"))
		cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(w, "undecided"))
			if (undecided_why(option, cli_str_or(f, "field", "")) ==
			    cli_str(f, "why"))
				cli_buf_printf(b, " (%s: %s)", cli_str_or(f, "field", ""),
					       cli_str_or(f, "why", ""));
}

/* " (preferred; received)" */
static void marks(cli_buf *b, const cJSON *option)
{
	const cJSON *h;
	int n = 0;

	/* "preferred", unless the summary says it already */
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(option, "preferred")) &&
	    strstr(cli_str_or(option, "summary", ""), "(preferred)") == NULL)
		cli_buf_printf(b, "%spreferred", n++ ? "; " : " (");
	cJSON_ArrayForEach(h, cJSON_GetObjectItemCaseSensitive(option, "history")) {
		const cJSON *before;
		int seen = 0;

		for (before = cJSON_GetObjectItemCaseSensitive(option, "history")->child; before != h;
		     before = before->next)
			seen |= strcmp(cli_str_or(before, "status", ""), cli_str_or(h, "status", "")) == 0;
		if (!seen) {
			const cJSON *same;
			int drugs = 0;

			cli_buf_printf(b, "%s%s", n++ ? "; " : " (",
				       cli_history_words(cli_str_or(h, "status", "")));
			/* "not tolerated: cisplatin": the drugs the marks of this
			 * status name (one drug inside a larger regimen). */
			for (same = h; same != NULL; same = same->next)
				if (strcmp(cli_str_or(same, "status", ""),
					   cli_str_or(h, "status", "")) == 0 &&
				    cli_str(same, "agent") != NULL &&
				    !cli_history_named_before(h, same)) {
					cli_buf_puts(b, drugs++ ? ", " : ": ");
					cli_words(b, cli_str(same, "agent"));
				}
		}
	}
	if (n > 0)
		cli_buf_puts(b, ")");
}

/* The letter of item `n` of a card: a..z, then A..Z, then '*'. */
static char letter(int n)
{
	return n < 26 ? (char)('a' + n) : n < 52 ? (char)('A' + n - 26) : '*';
}

/* "[x] statement" items of a curative-intent option. */
static void print_criteria(cli_buf *out, const cJSON *card, const char *id)
{
	const cJSON *entry, *c;
	cli_buf b = CLI_BUF_INIT;

	cJSON_ArrayForEach(entry, list(card, "criteria")) {
		if (strcmp(cli_str_or(entry, "option", ""), id) != 0)
			continue;
		cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(entry, "items")) {
			const char *state = cli_str_or(c, "state", "");
			const char *statement = cli_str_or(c, "statement", "");
			int depth = 0;
			size_t k;
			cli_buf_printf(&b, "%s%s%c", b.length ? "  " : "",
				       strcmp(state, "met") == 0       ? "[x]"
				       : strcmp(state, "not met") == 0 ? "[\x1f]"
								       : "[?]",
				       CLI_NBSP);
			/* The statement without its parenthetical asides (the
			 * whole text is in --detail): "PET/CT shows no distant
			 * disease". */
			for (k = 0; statement[k] != '\0'; k++) {
				if (statement[k] == '(')
					depth++;
				if (depth == 0 && !(statement[k] == ' ' && statement[k + 1] == '('))
					cli_buf_append(&b, statement + k, 1);
				if (statement[k] == ')' && depth > 0)
					depth--;
			}
			if (strcmp(cli_str_or(c, "needs", "yes"), "yes") != 0)
				cli_buf_printf(&b, ": %s", cli_str_or(c, "needs", ""));
		}
	}
	if (b.length > 0)
		cli_wrap(out, "        ", 8, cli_buf_text(&b));
	cli_buf_free(&b);
}

/* One option as an item: "a  summary (marks)  [refs]". */
static void option_item(cli_buf *out, const cJSON *card, const cJSON *option, int *n,
			int possible)
{
	cli_buf b = CLI_BUF_INIT;
	char lead[16];

	cli_buf_puts(&b, cli_str_or(option, "summary", ""));
	marks(&b, option);
	if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(option, "choices")) > 0 &&
	    !cli_summary_names_choices(option)) {
		cli_buf_puts(&b, ": ");
		cli_short_name(&b, option);
	}
	if (possible) {
		cli_buf_puts(&b, ": ");
		if_text(&b, option);
	}
	cli_buf_puts(&b, "  ");
	cli_refs(&b, option);
	snprintf(lead, sizeof(lead), "   %c  ", letter((*n)++));
	cli_wrap(out, lead, 6, cli_buf_text(&b));
	cli_buf_free(&b);
	if (strcmp(cli_str_or(card, "kind", ""), "curative-local") == 0)
		print_criteria(out, card, cli_str_or(option, "id", ""));
}

static const char *role_of(const cJSON *option)
{
	return cli_str_or(option, "role", "main");
}

/* Backbones: one item, "one of: cisplatin + paclitaxel; ...; or from: a,
 * b, c" (a menu among the backbones comes last). */
static void backbone_item(cli_buf *out, const cJSON *doc, const cJSON *card, int *n)
{
	const cJSON *id;
	cli_buf b = CLI_BUF_INIT, labels = CLI_BUF_INIT;
	int count = 0, menus;
	char lead[16];

	for (menus = 0; menus < 2; menus++)
		cJSON_ArrayForEach(id, list(card, "options")) {
			const cJSON *o = cli_item(doc, "recommendations", id->valuestring);
			int is_menu;

			if (o == NULL || strcmp(role_of(o), "backbone") != 0)
				continue;
			is_menu = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "agents")) == 0 &&
				  cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(o, "choices")) > 0;
			if (is_menu != menus)
				continue;
			cli_buf_puts(&b, count++ == 0 ? "one of: " : menus ? "; or " : "; ");
			if (is_menu) {
				const cJSON *c;

				cli_buf_puts(&b, "from: ");
				cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(o, "choices")) {
					cli_words(&b, c->valuestring);
					if (c->next != NULL)
						cli_buf_puts(&b, ", ");
				}
			} else {
				cli_short_name(&b, o);
			}
			marks(&b, o);
			cli_labels_add(&labels, o);
		}
	if (labels.length > 0)
		cli_buf_printf(&b, "  [%s]", cli_buf_text(&labels));
	snprintf(lead, sizeof(lead), "   %c  ", letter((*n)++));
	cli_wrap(out, lead, 6, cli_buf_text(&b));
	cli_buf_free(&b);
	cli_buf_free(&labels);
}

/* An add-on: "+/- summary" (or "+ summary: possible if ..."). */
static void addon_item(cli_buf *out, const cJSON *option, int possible)
{
	cli_buf b = CLI_BUF_INIT;

	cli_buf_puts(&b, possible ? "+ " : "+/- ");
	cli_buf_puts(&b, cli_str_or(option, "summary", ""));
	marks(&b, option);
	if (possible) {
		cli_buf_puts(&b, ": ");
		if_text(&b, option);
	}
	cli_buf_puts(&b, "  ");
	cli_refs(&b, option);
	cli_wrap(out, "      ", 10, cli_buf_text(&b));
	cli_buf_free(&b);
}

/* Possible options that wait for the same facts: one item, "possible if
 * stage 4B (not recorded: /cancer/stage): cisplatin + paclitaxel; ...". */
static void possible_items(cli_buf *out, const cJSON *doc, const cJSON *card, int *n)
{
	const cJSON *id, *other;
	cli_buf key = CLI_BUF_INIT;

	cJSON_ArrayForEach(id, list(card, "possible")) {
		const cJSON *o = cli_item(doc, "possible", id->valuestring);
		int first = 1, count = 0;
		cli_buf b = CLI_BUF_INIT;
		char lead[16];

		if (o == NULL || strcmp(role_of(o), "add-on") == 0)
			continue;
		cli_buf_free(&key);
		if_text(&key, o);
		/* Printed with an earlier option of the same condition? */
		for (other = list(card, "possible")->child; other != id; other = other->next) {
			const cJSON *p = cli_item(doc, "possible", other->valuestring);
			cli_buf k = CLI_BUF_INIT;

			if (p != NULL && strcmp(role_of(p), "add-on") != 0) {
				if_text(&k, p);
				first &= strcmp(cli_buf_text(&k), cli_buf_text(&key)) != 0;
			}
			cli_buf_free(&k);
		}
		if (!first)
			continue;
		for (other = id; other != NULL; other = other->next) {
			const cJSON *p = cli_item(doc, "possible", other->valuestring);
			cli_buf k = CLI_BUF_INIT;

			if (p != NULL && strcmp(role_of(p), "add-on") != 0) {
				if_text(&k, p);
				count += strcmp(cli_buf_text(&k), cli_buf_text(&key)) == 0;
			}
			cli_buf_free(&k);
		}
		if (count == 1) {
			option_item(out, card, o, n, 1);
			continue;
		}
		cli_buf_printf(&b, "%s: ", cli_buf_text(&key));
		count = 0;
		for (other = id; other != NULL; other = other->next) {
			const cJSON *p = cli_item(doc, "possible", other->valuestring);
			cli_buf k = CLI_BUF_INIT;

			if (p != NULL && strcmp(role_of(p), "add-on") != 0) {
				if_text(&k, p);
				if (strcmp(cli_buf_text(&k), cli_buf_text(&key)) == 0) {
					cli_buf_puts(&b, count++ ? "; " : "");
					cli_short_name(&b, p);
					marks(&b, p);
				}
			}
			cli_buf_free(&k);
		}
		snprintf(lead, sizeof(lead), "   %c  ", letter((*n)++));
		cli_wrap(out, lead, 6, cli_buf_text(&b));
		cli_buf_free(&b);
	}
	cli_buf_free(&key);
}

static void print_option_card(cli_buf *out, const cJSON *doc, const cJSON *card, int number)
{
	const cJSON *id;
	cli_buf b = CLI_BUF_INIT;
	int n = 0, backbones = 0, folded = 0;
	char lead[16];
	const char *c;

	for (c = cli_str_or(card, "title", ""); *c != '\0'; c++)
		cli_buf_printf(&b, "%c", *c >= 'a' && *c <= 'z' ? *c - 'a' + 'A' : *c);
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(card, "collapsed"))) {
		int options = cJSON_GetArraySize(list(card, "options"));
		int possible = cJSON_GetArraySize(list(card, "possible"));

		cli_buf_printf(&b, "  folded: %d option%s", options, options == 1 ? "" : "s");
		if (possible > 0)
			cli_buf_printf(&b, ", %d possible", possible);
	}
	snprintf(lead, sizeof(lead), "%-3d", number);
	cli_wrap(out, lead, 3, cli_buf_text(&b));
	cli_buf_free(&b);
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(card, "collapsed")))
		return;
	if (cli_str(card, "lead") != NULL) {
		cli_buf_printf(&b, "first: %s", cli_str(card, "lead"));
		cli_wrap(out, "   ", 3, cli_buf_text(&b));
		cli_buf_free(&b);
	}
	cJSON_ArrayForEach(id, list(card, "options")) {
		const cJSON *o = cli_item(doc, "recommendations", id->valuestring);

		backbones += o != NULL && strcmp(role_of(o), "backbone") == 0;
	}
	cJSON_ArrayForEach(id, list(card, "options")) {
		const cJSON *o = cli_item(doc, "recommendations", id->valuestring);
		const char *role;

		if (o == NULL)
			continue;
		role = role_of(o);
		if (strcmp(role, "backbone") == 0 && backbones > 1) {
			if (!folded)
				backbone_item(out, doc, card, &n);
			folded = 1;
		} else if (strcmp(role, "add-on") == 0) {
			addon_item(out, o, 0);
		} else {
			option_item(out, card, o, &n, 0);
		}
	}
	possible_items(out, doc, card, &n);
	cJSON_ArrayForEach(id, list(card, "possible")) {
		const cJSON *o = cli_item(doc, "possible", id->valuestring);

		if (o != NULL && strcmp(role_of(o), "add-on") == 0)
			addon_item(out, o, 1);
	}
	cJSON_ArrayForEach(id, list(card, "warnings")) {
		const cJSON *w = cli_item(doc, "warnings", id->valuestring);

		if (w != NULL && !cli_is_urgent(w))
			warning_line(out, doc, w, "   !  ");
	}
}

/* ------------------------------------------------------------ the rest */

#define SECTION "%-11s"

static void print_safety(cli_buf *out, const cJSON *doc)
{
	const cJSON *card, *id;
	int first = 1;

	cJSON_ArrayForEach(card, cards_of(doc)) {
		cli_buf b = CLI_BUF_INIT, refs = CLI_BUF_INIT;
		char lead[32];
		int any = 0;

		if (strcmp(cli_str_or(card, "kind", ""), "safety") != 0)
			continue;
		if (cli_str(card, "agent") != NULL) {
			cli_words(&b, cli_str(card, "agent"));
			cli_buf_puts(&b, ":");
		}
		cJSON_ArrayForEach(id, list(card, "warnings")) {
			const cJSON *w = cli_item(doc, "warnings", id->valuestring);

			if (w == NULL || cli_is_urgent(w))
				continue;
			cli_buf_printf(&b, "%s%s", b.length ? " " : "", cli_str_or(w, "text", ""));
			cli_labels_add(&refs, w);
			any = 1;
		}
		if (any) {
			if (refs.length > 0)
				cli_buf_printf(&b, "  [%s]", cli_buf_text(&refs));
			snprintf(lead, sizeof(lead), SECTION, first ? "SAFETY" : "");
			cli_wrap(out, lead, 11, cli_buf_text(&b));
			first = 0;
		}
		cli_buf_free(&b);
		cli_buf_free(&refs);
	}
}

/* Names in a ruled-out group: at most this many, then "and N more". */
#define MAX_NAMES 8

/* Whether an exclusion before `id` in the list `excl` rules out the same
 * option. */
static int option_seen_before(const cJSON *doc, const cJSON *excl, const cJSON *id)
{
	const cJSON *x = cli_item(doc, "exclusions", id->valuestring), *before;
	const char *option = cli_str_or(x, "option", id->valuestring);

	for (before = excl->child; before != NULL && before != id; before = before->next) {
		const cJSON *y = cli_item(doc, "exclusions", before->valuestring);

		if (y != NULL && strcmp(cli_str_or(y, "option", before->valuestring), option) == 0)
			return 1;
	}
	return 0;
}

static void print_ruled_out(cli_buf *out, const cJSON *doc)
{
	const cJSON *card, *group, *id;
	const cJSON *status = cJSON_GetArrayItem(cards_of(doc), 0);
	/* She declines or cannot have treatment: the largest group (the reason
	 * that rules out the cancer treatment) and how many more. */
	int folded = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(status, "collapsed"));
	int first = 1, shown_groups = 0, more = 0;

	cJSON_ArrayForEach(card, cards_of(doc)) {
		if (strcmp(cli_str_or(card, "kind", ""), "ruled-out") != 0)
			continue;
		cJSON_ArrayForEach(group, list(card, "groups")) {
			cli_buf b = CLI_BUF_INIT, names = CLI_BUF_INIT, refs = CLI_BUF_INIT;

			if (folded && shown_groups++ > 0) {
				more += cJSON_GetArraySize(
					cJSON_GetObjectItemCaseSensitive(group, "exclusions"));
				continue;
			}
			const cJSON *excl = cJSON_GetObjectItemCaseSensitive(group, "exclusions");
			char lead[32];
			int shown = 0, total = 0;

			cJSON_ArrayForEach(id, excl) {
				const cJSON *x = cli_item(doc, "exclusions", id->valuestring);
				cli_buf name = CLI_BUF_INIT;

				if (x == NULL)
					continue;
				cli_short_name(&name, x);
				/* One option twice (two exclusions of it for one
				 * reason) is shown once; two options are two names,
				 * even when one name contains the other. */
				if (!option_seen_before(doc, excl, id)) {
					total++;
					if (shown < MAX_NAMES) {
						cli_buf_printf(&names, "%s%s", shown ? ", " : "",
							       cli_buf_text(&name));
						shown++;
					}
				}
				cli_labels_add(&refs, x);
				cli_buf_free(&name);
			}
			if (total > shown)
				cli_buf_printf(&names, " and %d more", total - shown);
			cli_buf_printf(&b, "%s: %s", cli_buf_text(&names),
				       cli_str_or(group, "reason", ""));
			if (refs.length > 0)
				cli_buf_printf(&b, "  [%s]", cli_buf_text(&refs));
			snprintf(lead, sizeof(lead), SECTION, first ? "RULED OUT" : "");
			cli_wrap(out, lead, 11, cli_buf_text(&b));
			first = 0;
			cli_buf_free(&b);
			cli_buf_free(&names);
			cli_buf_free(&refs);
		}
	}
	if (more > 0)
		cli_buf_printf(out, SECTION "and %d more for other reasons (--detail)\n", "", more);
}

/* "decides pembrolizumab; cemiplimab": the options a missing field
 * decides, at most three names, then how many more; or what a rule needs
 * it for. */
static void decides(cli_buf *b, const cJSON *doc, const cJSON *m)
{
	const cJSON *o;
	int shown = 0, total = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(m, "options"));

	if (total == 0) {
		cli_buf_printf(b, "needed for %s", cli_str_or(m, "needed_for", ""));
		return;
	}
	cli_buf_puts(b, "decides ");
	/* One name per option id (the list holds each once): a name that
	 * contains another ("chemoradiation with cisplatin", "radiation") never
	 * hides it. */
	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(m, "options")) {
		const cJSON *option = cli_option(doc, o->valuestring);

		if (shown == 3)
			break;
		cli_buf_puts(b, shown++ ? "; " : "");
		if (option != NULL)
			cli_short_name(b, option);
		else
			cli_buf_puts(b, o->valuestring);
	}
	if (total > shown)
		cli_buf_printf(b, " and %d more", total - shown);
}

/* Missing facts, most consequential first; fields that decide the same
 * options share a line. */
static void print_missing(cli_buf *out, const cJSON *doc)
{
	const cJSON *card, *field, *other;
	int first = 1;

	cJSON_ArrayForEach(card, cards_of(doc)) {
		if (strcmp(cli_str_or(card, "kind", ""), "missing") != 0)
			continue;
		cJSON_ArrayForEach(field, list(card, "missing")) {
			const cJSON *m = cli_missing_entry(doc, field->valuestring);
			cli_buf what = CLI_BUF_INIT, b = CLI_BUF_INIT;
			char lead[32];
			int done = 0;

			if (m == NULL)
				continue;
			decides(&what, doc, m);
			/* Shown already with an earlier field? */
			for (other = list(card, "missing")->child; other != field && !done;
			     other = other->next) {
				cli_buf w = CLI_BUF_INIT;
				const cJSON *e = cli_missing_entry(doc, other->valuestring);

				if (e != NULL)
					decides(&w, doc, e);
				done = strcmp(cli_buf_text(&w), cli_buf_text(&what)) == 0;
				cli_buf_free(&w);
			}
			if (!done) {
				cli_buf_puts(&b, field->valuestring);
				if (cli_str(m, "undecided") != NULL)
					cli_buf_printf(&b, " (%s)", cli_str(m, "undecided"));
				for (other = field->next; other != NULL; other = other->next) {
					cli_buf w = CLI_BUF_INIT;
					const cJSON *e = cli_missing_entry(doc, other->valuestring);

					if (e != NULL)
						decides(&w, doc, e);
					if (strcmp(cli_buf_text(&w), cli_buf_text(&what)) == 0) {
						cli_buf_printf(&b, ", %s", other->valuestring);
						if (e != NULL && cli_str(e, "undecided") != NULL)
							cli_buf_printf(&b, " (%s)",
								       cli_str(e, "undecided"));
					}
					cli_buf_free(&w);
				}
				cli_buf_printf(&b, ": %s", cli_buf_text(&what));
				snprintf(lead, sizeof(lead), SECTION, first ? "MISSING" : "");
				cli_wrap(out, lead, 11, cli_buf_text(&b));
				first = 0;
			}
			cli_buf_free(&what);
			cli_buf_free(&b);
		}
	}
}

static void print_errors(cli_buf *out, const cJSON *doc)
{
	const cJSON *e;
	const char *id = cli_str(doc, "case");

	cli_buf_printf(out, "Case %s is not valid; no options are given for it.\n\n",
		       id != NULL ? id : "(no id)");
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(doc, "errors")) {
		cli_buf line = CLI_BUF_INIT;
		const char *pointer = cli_str_or(e, "pointer", "");

		cli_buf_printf(&line, "%s: %s", pointer[0] ? pointer : "(document)",
			       cli_str_or(e, "message", ""));
		cli_wrap(out, "  ", 4, cli_buf_text(&line));
		cli_buf_free(&line);
	}
}

/* The drugs the case names outside the list the rules know: no rule
 * checked them, and the board must see that (shown only when there are). */
static void print_not_assessed(cli_buf *out, const cJSON *doc)
{
	const cJSON *item;
	cli_buf b = CLI_BUF_INIT;

	cJSON_ArrayForEach(item, list(doc, "not_assessed")) {
		if (b.length > 0)
			cli_buf_puts(&b, ", ");
		cli_buf_printf(&b, "%s (%s)", cli_str_or(item, "name", ""),
			       cli_str_or(item, "pointer", ""));
	}
	if (b.length > 0) {
		cli_buf_puts(&b, ": recorded by name, outside the rule base's drug list; no rule checked "
				 "them (interactions, overlaps with the options below)");
		cli_wrap(out, "NOT ASSESSED  ", 14, cli_buf_text(&b));
	}
	cli_buf_free(&b);
}

/* Why no option card is printed, in words that match the result: facts
 * are missing (listed below), or cancer treatment is ruled out (the status
 * card's reason) and the source gives no care beside it for this case, or
 * neither. Never "see what is missing below" above nothing. */
static void no_option_message(cli_buf *out, const cJSON *doc)
{
	const cJSON *status = cJSON_GetArrayItem(cards_of(doc), 0);
	const char *reason = cli_str(status, "reason");
	cli_buf b = CLI_BUF_INIT;

	cli_buf_puts(out, "\n");
	if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "missing_information")) > 0)
		cli_buf_puts(&b, "The rules found no option for this case; see what is missing below.");
	else if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(status, "collapsed")) &&
		 reason != NULL)
		cli_buf_printf(&b, "No option is listed. %s The source gives no other care for this "
				   "case; the treating team decides.", reason);
	else
		cli_buf_puts(&b, "The rules found no option for this case, and no fact they need is "
				 "missing; the treating team decides.");
	cli_wrap(out, "", 0, cli_buf_text(&b));
	cli_buf_free(&b);
}

static void print_cards(cli_buf *out, const cJSON *doc)
{
	const cJSON *card;
	cli_buf b = CLI_BUF_INIT;
	int number = 0, notes = 0, options = 0;

	cJSON_ArrayForEach(card, cards_of(doc)) {
		if (strcmp(cli_str_or(card, "kind", ""), "status") == 0)
			print_status(out, doc, card);
		else
			notes += cJSON_GetArraySize(list(card, "notes"));
	}
	print_urgent(out, doc);
	print_not_assessed(out, doc);
	cJSON_ArrayForEach(card, cards_of(doc))
		if (is_option_card(card)) {
			if (number == 0)
				cli_buf_puts(out, "\n");
			print_option_card(out, doc, card, ++number);
			options++;
		}
	if (options == 0 && strcmp(cli_str_or(doc, "scope", ""), "covered") == 0)
		no_option_message(out, doc);
	cli_buf_puts(out, "\n");
	print_safety(out, doc);
	print_ruled_out(out, doc);
	print_missing(out, doc);
	if (notes > 0)
		cli_buf_printf(&b, "%d note%s; ", notes, notes == 1 ? "" : "s");
	cli_buf_puts(&b, "every because, pointer, quote and rule: --detail");
	cli_wrap(out, "", 0, cli_buf_text(&b));
	cli_buf_free(&b);
}

int cli_text_view(cli_buf *out, const char *result_json, int detail)
{
	cJSON *doc = cJSON_Parse(result_json);
	const cJSON *kb;

	if (doc == NULL)
		return -1;
	cli_json_printable(doc);
	cli_source_annotate(doc);
	if (cJSON_GetObjectItemCaseSensitive(doc, "errors") != NULL) {
		print_errors(out, doc);
		cli_source_print(out, doc, 1);
		cJSON_Delete(doc);
		return 0;
	}
	kb = cJSON_GetObjectItemCaseSensitive(doc, "knowledge_base");
	{
		cli_buf head = CLI_BUF_INIT;

		cli_buf_printf(&head, "oncorules: case %s, knowledge base %s (%.8s)",
			       cli_str_or(doc, "case", ""), cli_str_or(kb, "version", ""),
			       cli_str_or(kb, "sha256", ""));
		cli_wrap(out, "", 2, cli_buf_text(&head));
		cli_buf_free(&head);
	}
	if (strcmp(cli_str_or(doc, "scope", ""), "covered") != 0) {
		cli_buf_puts(out, "\n");
		cli_wrap(out, "NOT COVERED: ", 13, cli_str_or(doc, "scope_reason", ""));
		/* A fact that decides whether a guideline applies is missing:
		 * name it, so that "not covered" is never final by omission. */
		if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "missing_information")) > 0) {
			cli_buf_puts(out, "No option is given until what is missing is recorded.\n\n");
			print_missing(out, doc);
			cli_buf_puts(out, "\n");
		} else {
			cli_buf_puts(out, "No option is given: the rule base has no guidance for this case.\n\n");
		}
	} else {
		print_cards(out, doc);
		if (detail)
			cli_detail(out, doc);
	}
	cli_source_print(out, doc, detail);
	/* The disclaimer: in one line on the screen, in the document's own words
	 * with --detail (and in the JSON). */
	if (detail) {
		cli_buf_puts(out, "\n");
		cli_wrap(out, "", 0, cli_str_or(doc, "disclaimer", ""));
	} else {
		cli_buf_puts(out, "Options for discussion by the treating team, not orders; they do not "
				  "replace clinical judgement.\n");
	}
	cJSON_Delete(doc);
	return 0;
}
