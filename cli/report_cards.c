/*
 * report_cards.c: the cards of the report page (report.h): option cards
 * with their items (lettered, backbones under "one of these", add-ons,
 * possible options with what they wait for, criteria of curative-intent
 * options, marks), safety per drug, what is ruled out grouped by reason,
 * missing facts as a checklist, notes. Each item opens to its explanation
 * (report_explain.c).
 */
#include <string.h>

#include "report.h"
#include "textview.h"

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *kind_of(const cJSON *card)
{
	return cli_str_or(card, "kind", "");
}

static int is_kind(const cJSON *card, const char *kind)
{
	return strcmp(kind_of(card), kind) == 0;
}

int report_is_option_card(const cJSON *card)
{
	static const char *const not_options[] = {"status", "safety", "ruled-out", "missing",
						  "notes"};
	size_t i;

	for (i = 0; i < sizeof(not_options) / sizeof(not_options[0]); i++)
		if (is_kind(card, not_options[i]))
			return 0;
	return 1;
}

static const char *role_of(const cJSON *option)
{
	return cli_str_or(option, "role", "main");
}

static int collapsed(const cJSON *card)
{
	return cJSON_IsTrue(get(card, "collapsed"));
}

/* id="PREFIX-ID": the anchor of an item of the result. */
static void anchor(html_out *h, const char *prefix, const char *id)
{
	html_markup(h, " id=\"");
	html_text(h, prefix);
	html_markup(h, "-");
	html_text(h, id);
	html_markup(h, "\"");
}

/* <section class="card KIND" id="card-ID"><h2>PREFIX TITLE</h2>: the
 * start of a card that is not an option card, titled as the model titles
 * it unless `title` says otherwise. */
static void card_start(html_out *h, const cJSON *card, const char *prefix, const char *title)
{
	html_markup(h, "<section class=\"card ");
	html_text(h, kind_of(card));
	html_markup(h, "\"");
	anchor(h, "card", cli_str_or(card, "id", ""));
	html_markup(h, "><h2>");
	html_text(h, prefix);
	html_text(h, title != NULL ? title : cli_str_or(card, "title", ""));
	html_markup(h, "</h2>");
}

/* ------------------------------------------------------------ warnings */

/* Severity, what it is about (the drug, or the option; not on the drug's
 * own safety card, `card_agent`), the text and labels. */
static void warning_head(html_out *h, const cJSON *doc, const cJSON *w, const char *card_agent)
{
	const char *agent = cli_str(w, "agent"), *option = cli_str(w, "option");

	if (agent != NULL && card_agent != NULL && strcmp(agent, card_agent) == 0)
		agent = option = NULL;
	html_markup(h, "<span class=\"sev\">");
	html_text(h, cli_str_or(w, "severity", ""));
	html_markup(h, "</span> ");
	if (agent != NULL || (option != NULL && cli_option(doc, option) != NULL)) {
		cli_buf name = CLI_BUF_INIT;

		if (agent != NULL)
			cli_words(&name, agent);
		else
			cli_short_name(&name, cli_option(doc, option));
		html_markup(h, "<b class=\"agent\">");
		html_text(h, cli_buf_text(&name));
		html_markup(h, "</b>: ");
		cli_buf_free(&name);
	}
	html_text(h, cli_str_or(w, "text", ""));
	report_refs(h, w);
}

/* A warning as an item that opens to its explanation. */
void report_warning_item(html_out *h, const cJSON *doc, const cJSON *w, const char *element,
			 const char *card_agent)
{
	html_markup(h, "<");
	html_text(h, element);
	html_markup(h, " class=\"warning ");
	html_text(h, cli_str_or(w, "severity", ""));
	html_markup(h, "\"");
	anchor(h, "w", cli_str_or(w, "id", ""));
	html_markup(h, "><details><summary>");
	warning_head(h, doc, w, card_agent);
	html_markup(h, "</summary>");
	report_explain(h, doc, NULL, w, NULL);
	html_markup(h, "</details></");
	html_text(h, element);
	html_markup(h, ">");
}

/* On a card, the urgent warnings shown above: links to them, on one line. */
static void warning_links(html_out *h, const cJSON *doc, const cJSON *card)
{
	const cJSON *id;
	int n = 0;

	cJSON_ArrayForEach(id, get(card, "warnings")) {
		const cJSON *w = cli_item(doc, "warnings", cJSON_IsString(id) ? id->valuestring : NULL);

		if (w == NULL || !cli_is_urgent(w))
			continue;
		if (n++ == 0)
			html_markup(h, "<p class=\"above\">Above: ");
		else
			html_markup(h, " &#183; ");
		html_markup(h, "<a class=\"");
		html_text(h, cli_str_or(w, "severity", ""));
		html_markup(h, "\" data-id=\"");
		html_text(h, cli_str_or(w, "id", ""));
		html_markup(h, "\" href=\"#w-");
		html_text(h, cli_str_or(w, "id", ""));
		html_markup(h, "\">");
		html_text(h, cli_str_or(w, "severity", ""));
		html_markup(h, " warning</a>");
	}
	if (n > 0)
		html_markup(h, "</p>");
}

static void card_warnings(html_out *h, const cJSON *doc, const cJSON *card)
{
	const cJSON *id;
	int n = 0;

	warning_links(h, doc, card);
	cJSON_ArrayForEach(id, get(card, "warnings")) {
		const cJSON *w = cli_item(doc, "warnings", cJSON_IsString(id) ? id->valuestring : NULL);

		if (w == NULL || cli_is_urgent(w))
			continue;
		if (n++ == 0)
			html_markup(h, "<ul class=\"warnings\">");
		report_warning_item(h, doc, w, "li", cli_str(card, "agent"));
	}
	if (n > 0)
		html_markup(h, "</ul>");
}
/* ------------------------------------------------------------ options */

static void badge(html_out *h, const char *kind, const char *text)
{
	html_markup(h, " <span class=\"badge ");
	html_text(h, kind);
	html_markup(h, "\">");
	html_text(h, text);
	html_markup(h, "</span>");
}

/* preferred, history marks (each status once, with the drugs its marks
 * name: "not tolerated: cisplatin", one drug inside a larger regimen) */
static void marks(html_out *h, const cJSON *option)
{
	const cJSON *e, *before, *same;

	if (cJSON_IsTrue(get(option, "preferred")))
		badge(h, "preferred", "preferred");
	cJSON_ArrayForEach(e, get(option, "history")) {
		const char *status = cli_str_or(e, "status", "");
		cli_buf text = CLI_BUF_INIT;
		int seen = 0, drugs = 0;

		for (before = get(option, "history")->child; before != e; before = before->next)
			seen |= strcmp(cli_str_or(before, "status", ""), status) == 0;
		if (seen)
			continue;
		cli_buf_puts(&text, cli_history_words(status));
		for (same = e; same != NULL; same = same->next)
			if (strcmp(cli_str_or(same, "status", ""), status) == 0 &&
			    cli_str(same, "agent") != NULL && !cli_history_named_before(e, same)) {
				cli_buf_puts(&text, drugs++ ? ", " : ": ");
				cli_words(&text, cli_str(same, "agent"));
			}
		badge(h, "hist", cli_buf_text(&text));
		cli_buf_free(&text);
	}
}

/* "possible if PD-L1 positive tumour (not recorded: /biomarkers/PD-L1)" */
static void waits_for(html_out *h, const cJSON *option)
{
	const cJSON *w, *f, *v;
	int n = 0, absent;

	html_markup(h, "<span class=\"if\"><span class=\"badge possible\">possible if</span> ");
	cJSON_ArrayForEach(w, get(option, "if")) {
		const cJSON *needs = get(w, "needs");

		if (n++ > 0)
			html_markup(h, "; ");
		html_text(h, cli_str_or(w, "statement", ""));
		v = cJSON_GetArrayItem(needs, 0);
		if (cJSON_GetArraySize(needs) == 1 && cJSON_IsString(v) && strcmp(v->valuestring, "yes") != 0) {
			html_markup(h, ": ");
			html_text(h, v->valuestring);
		}
		/* Fields the case does not record; then each one it records
		 * that does not decide the condition, with what it holds (never
		 * "not recorded"). */
		absent = 0;
		cJSON_ArrayForEach(f, get(w, "fields"))
			if (cJSON_IsString(f) && cli_if_undecided(w, f->valuestring) == NULL) {
				if (absent++ > 0)
					html_markup(h, " <code>");
				else
					html_markup(h, " <span class=\"nr\">(not recorded: <code>");
				html_text(h, f->valuestring);
				html_markup(h, "</code>");
			}
		if (absent > 0)
			html_markup(h, ")</span>");
		cJSON_ArrayForEach(f, get(w, "undecided")) {
			html_markup(h, " <span class=\"nr\">(<code>");
			html_text(h, cli_str_or(f, "field", ""));
			html_markup(h, "</code>: ");
			html_text(h, cli_str_or(f, "why", ""));
			html_markup(h, ")</span>");
		}
	}
	html_markup(h, "</span>");
}

/* Criteria of a curative-intent option, shown on the card. */
static void criteria(html_out *h, const cJSON *card, const char *id)
{
	static const struct {
		const char *state;
		const char *css;
	} states[] = {{"met", "met"}, {"not met", "not-met"}, {"unknown", "unknown"}};
	const cJSON *entry, *c;

	cJSON_ArrayForEach(entry, get(card, "criteria")) {
		if (strcmp(cli_str_or(entry, "option", ""), id) != 0)
			continue;
		html_markup(h, "<ul class=\"criteria\">");
		cJSON_ArrayForEach(c, get(entry, "items")) {
			const char *state = cli_str_or(c, "state", ""), *css = "unknown";
			size_t i;

			for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
				if (strcmp(states[i].state, state) == 0)
					css = states[i].css;
			html_markup(h, "<li class=\"");
			html_text(h, css);
			html_markup(h, "\"><span class=\"st\">");
			html_text(h, state);
			html_markup(h, "</span> ");
			html_text(h, cli_str_or(c, "statement", ""));
			if (strcmp(cli_str_or(c, "needs", "yes"), "yes") != 0) {
				html_markup(h, ": ");
				html_text(h, cli_str_or(c, "needs", ""));
			}
			html_markup(h, "</li>");
		}
		html_markup(h, "</ul>");
	}
}

/* One option: its letter, summary, marks, what it waits for, its labels;
 * it opens to its explanation. */
static void option_item(html_out *h, const cJSON *doc, const cJSON *card, const cJSON *option,
			int letter, int possible, const report_graphs *rg)
{
	const char *role = role_of(option);
	int addon = strcmp(role, "add-on") == 0;

	html_markup(h, "<li class=\"item");
	if (possible)
		html_markup(h, " possible");
	if (addon)
		html_markup(h, " addon");
	if (cJSON_IsTrue(get(option, "preferred")))
		html_markup(h, " preferred");
	html_markup(h, "\"");
	anchor(h, "o", cli_str_or(option, "id", ""));
	html_markup(h, "><details><summary><span class=\"letter\">");
	html_letter(h, letter);
	html_markup(h, "</span>");
	if (addon)
		html_markup(h, "<span class=\"plus\">+/&#8722;</span>");
	html_markup(h, "<span class=\"text\">");
	html_text(h, cli_str_or(option, "summary", ""));
	html_markup(h, "</span>");
	marks(h, option);
	if (cJSON_GetArraySize(get(option, "choices")) > 0 && !cli_summary_names_choices(option)) {
		cli_buf name = CLI_BUF_INIT;

		cli_short_name(&name, option);
		html_markup(h, " <span class=\"choices\">");
		html_text(h, cli_buf_text(&name));
		html_markup(h, "</span>");
		cli_buf_free(&name);
	}
	if (possible) {
		html_markup(h, " ");
		waits_for(h, option);
	}
	report_refs(h, option);
	html_markup(h, "</summary>");
	report_explain(h, doc, card, option, rg);
	html_markup(h, "</details>");
	if (is_kind(card, "curative-local"))
		criteria(h, card, cli_str_or(option, "id", ""));
	html_markup(h, "</li>");
}

/* The items of an option card: options in the card's order (more than
 * one backbone: under "one of these"), then possible options. */
static void card_items(html_out *h, const cJSON *doc, const cJSON *card, const report_graphs *rg)
{
	const cJSON *id;
	int letter = 0, backbones = 0, in_group = 0;

	cJSON_ArrayForEach(id, get(card, "options")) {
		const cJSON *o = cli_item(doc, "recommendations", cJSON_IsString(id) ? id->valuestring : NULL);

		backbones += o != NULL && strcmp(role_of(o), "backbone") == 0;
	}
	html_markup(h, "<ol class=\"items\">");
	cJSON_ArrayForEach(id, get(card, "options")) {
		const cJSON *o = cli_item(doc, "recommendations", cJSON_IsString(id) ? id->valuestring : NULL);
		int backbone;

		if (o == NULL)
			continue;
		backbone = backbones > 1 && strcmp(role_of(o), "backbone") == 0;
		if (backbone && !in_group)
			html_markup(h, "<li class=\"group\"><p class=\"group-head\">One of these:</p>"
				       "<ol class=\"items\">");
		if (!backbone && in_group)
			html_markup(h, "</ol></li>");
		in_group = backbone;
		option_item(h, doc, card, o, letter++, 0, rg);
	}
	if (in_group)
		html_markup(h, "</ol></li>");
	cJSON_ArrayForEach(id, get(card, "possible")) {
		const cJSON *o = cli_item(doc, "possible", cJSON_IsString(id) ? id->valuestring : NULL);

		if (o != NULL)
			option_item(h, doc, card, o, letter++, 1, rg);
	}
	html_markup(h, "</ol>");
}

void report_option_card(html_out *h, const cJSON *doc, const cJSON *card, int number,
			const report_graphs *rg)
{
	int folded = collapsed(card);

	html_markup(h, "<section class=\"card option-card kind-");
	html_text(h, kind_of(card));
	if (folded)
		html_markup(h, " collapsed");
	html_markup(h, "\"");
	anchor(h, "card", cli_str_or(card, "id", ""));
	html_markup(h, ">");
	if (folded)
		html_markup(h, "<details><summary>");
	html_markup(h, "<h2><span class=\"num\">");
	html_int(h, number);
	html_markup(h, "</span> ");
	html_text(h, cli_str_or(card, "title", ""));
	if (folded) {
		int options = cJSON_GetArraySize(get(card, "options"));
		int possible = cJSON_GetArraySize(get(card, "possible"));

		html_markup(h, " <span class=\"folded\">folded: ");
		html_int(h, options);
		if (options == 1)
			html_markup(h, " option");
		else
			html_markup(h, " options");
		if (possible > 0) {
			html_markup(h, ", ");
			html_int(h, possible);
			html_markup(h, " possible");
		}
		html_markup(h, "</span>");
	}
	html_markup(h, "</h2>");
	if (folded)
		html_markup(h, "</summary>");
	if (cli_str(card, "lead") != NULL) {
		html_markup(h, "<p class=\"lead\"><strong>First:</strong> ");
		html_text(h, cli_str(card, "lead"));
		html_markup(h, "</p>");
	}
	card_items(h, doc, card, rg);
	card_warnings(h, doc, card);
	if (folded)
		html_markup(h, "</details>");
	html_markup(h, "</section>");
}
/* ------------------------------------------------------------ the rest */

static void safety_card(html_out *h, const cJSON *doc, const cJSON *card)
{
	cli_buf agent = CLI_BUF_INIT;

	if (cJSON_GetArraySize(get(card, "warnings")) == 0)
		return;
	/* "Safety: bevacizumab", or the model's title ("Other warnings"). */
	if (cli_str(card, "agent") != NULL) {
		cli_words(&agent, cli_str(card, "agent"));
		card_start(h, card, "Safety: ", cli_buf_text(&agent));
	} else {
		card_start(h, card, "", NULL);
	}
	cli_buf_free(&agent);
	card_warnings(h, doc, card);
	html_markup(h, "</section>");
}

/* An excluded option: what it is, opening to why. */
static void exclusion_item(html_out *h, const cJSON *doc, const cJSON *x)
{
	cli_buf name = CLI_BUF_INIT;

	cli_short_name(&name, x);
	html_markup(h, "<li class=\"excluded\"");
	anchor(h, "x", cli_str_or(x, "id", ""));
	html_markup(h, "><details><summary><span class=\"text\">");
	html_text(h, cli_buf_text(&name));
	html_markup(h, "</span> <code class=\"oid\">");
	html_text(h, cli_str_or(x, "option", ""));
	html_markup(h, "</code>");
	report_refs(h, x);
	html_markup(h, "</summary>");
	report_explain(h, doc, NULL, x, NULL);
	html_markup(h, "</details></li>");
	cli_buf_free(&name);
}

/* The names ruled out for one reason on one line, each once, with the
 * labels of the group (print shows this instead of the list). */
static void group_names(html_out *h, const cJSON *doc, const cJSON *group)
{
	const cJSON *id;
	cli_buf names = CLI_BUF_INIT, labels = CLI_BUF_INIT;

	cJSON_ArrayForEach(id, get(group, "exclusions")) {
		const cJSON *x = cli_item(doc, "exclusions", cJSON_IsString(id) ? id->valuestring : NULL);
		cli_buf name = CLI_BUF_INIT;

		if (x == NULL)
			continue;
		cli_short_name(&name, x);
		if (!cli_has_name(cli_buf_text(&names), cli_buf_text(&name)))
			cli_buf_printf(&names, "%s%s", names.length ? ", " : "", cli_buf_text(&name));
		cli_labels_add(&labels, x);
		cli_buf_free(&name);
	}
	html_markup(h, "<p class=\"names\">");
	html_text(h, cli_buf_text(&names));
	if (labels.length > 0) {
		html_markup(h, " <span class=\"refs\">[");
		html_text_spaced(h, cli_buf_text(&labels), CLI_NBSP);
		html_markup(h, "]</span>");
	}
	html_markup(h, "</p>");
	cli_buf_free(&names);
	cli_buf_free(&labels);
}

static void ruled_out_card(html_out *h, const cJSON *doc, const cJSON *card)
{
	const cJSON *group, *id;

	card_start(h, card, "", NULL);
	cJSON_ArrayForEach(group, get(card, "groups")) {
		html_markup(h, "<div class=\"group\"><p class=\"reason\">");
		html_text(h, cli_str_or(group, "reason", ""));
		html_markup(h, "</p>");
		group_names(h, doc, group);
		html_markup(h, "<ul class=\"excluded-list\">");
		cJSON_ArrayForEach(id, get(group, "exclusions")) {
			const cJSON *x = cli_item(doc, "exclusions", cJSON_IsString(id) ? id->valuestring : NULL);

			if (x != NULL)
				exclusion_item(h, doc, x);
		}
		html_markup(h, "</ul></div>");
	}
	html_markup(h, "</section>");
}

/* Missing facts, most consequential first, as a checklist to fill in. */
static void missing_card(html_out *h, const cJSON *doc, const cJSON *card)
{
	const cJSON *field, *o;

	card_start(h, card, "", NULL);
	html_markup(h, "<ul class=\"checklist\">");
	cJSON_ArrayForEach(field, get(card, "missing")) {
		const cJSON *m = cli_missing_entry(doc, cJSON_IsString(field) ? field->valuestring : "");
		int n = 0;

		if (m == NULL)
			continue;
		html_markup(h, "<li");
		anchor(h, "m", field->valuestring);
		html_markup(h, "><span class=\"box\"></span><code>");
		html_text(h, field->valuestring);
		html_markup(h, "</code>");
		if (cli_str(m, "undecided") != NULL) {
			html_markup(h, " (");
			html_text(h, cli_str(m, "undecided"));
			html_markup(h, ")");
		}
		html_markup(h, " <span class=\"decides\">");
		if (cJSON_GetArraySize(get(m, "options")) == 0) {
			html_markup(h, "needed for ");
			html_text(h, cli_str_or(m, "needed_for", ""));
		} else {
			html_markup(h, "decides ");
			cJSON_ArrayForEach(o, get(m, "options")) {
				const cJSON *option = cli_option(doc, cJSON_IsString(o) ? o->valuestring : NULL);
				cli_buf name = CLI_BUF_INIT;

				if (option != NULL)
					cli_short_name(&name, option);
				else
					cli_buf_puts(&name, cJSON_IsString(o) ? o->valuestring : "");
				if (n++ > 0)
					html_markup(h, "; ");
				html_text(h, cli_buf_text(&name));
				cli_buf_free(&name);
			}
		}
		html_markup(h, "</span></li>");
	}
	html_markup(h, "</ul></section>");
}

void report_note_items(html_out *h, const cJSON *doc, const cJSON *card)
{
	const cJSON *id;

	if (cJSON_GetArraySize(get(card, "notes")) == 0)
		return;
	html_markup(h, "<ul class=\"notes-list\">");
	cJSON_ArrayForEach(id, get(card, "notes")) {
		const cJSON *n = cli_item(doc, "notes", cJSON_IsString(id) ? id->valuestring : NULL);

		if (n == NULL)
			continue;
		html_markup(h, "<li");
		anchor(h, "n", cli_str_or(n, "id", ""));
		html_markup(h, "><details><summary>");
		html_text(h, cli_str_or(n, "text", ""));
		report_refs(h, n);
		html_markup(h, "</summary>");
		report_explain(h, doc, NULL, n, NULL);
		html_markup(h, "</details></li>");
	}
	html_markup(h, "</ul>");
}

static void notes_card(html_out *h, const cJSON *doc, const cJSON *card)
{
	card_start(h, card, "", NULL);
	report_note_items(h, doc, card);
	html_markup(h, "</section>");
}

/* Drugs recorded by name, outside the list the rules know: no rule
 * checked them, and the board must see that. */
/* The cards after the option cards, by kind. */
static const struct {
	const char *kind;
	void (*render)(html_out *h, const cJSON *doc, const cJSON *card);
} other_cards[] = {
	{"safety", safety_card},
	{"ruled-out", ruled_out_card},
	{"missing", missing_card},
	{"notes", notes_card},
};

void report_other_card(html_out *h, const cJSON *doc, const cJSON *card)
{
	size_t i;

	for (i = 0; i < sizeof(other_cards) / sizeof(other_cards[0]); i++)
		if (is_kind(card, other_cards[i].kind))
			other_cards[i].render(h, doc, card);
}
