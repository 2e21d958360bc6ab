/*
 * report_page.c: the tumour-board report page (see report.h): the cards of
 * the result in their order, as the one-screen text shows them (summary.c),
 * with room for what a page can do better: each item opens (<details>) to
 * its explanation, critical warnings stand out on screen and on paper,
 * every option is listed with its own summary.
 */
#include <string.h>

#include "printable.h"
#include "report.h"
#include "textview.h"

#ifndef ONCO_VERSION
#define ONCO_VERSION "?"
#endif

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

static int is_option_card(const cJSON *card)
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

/* ------------------------------------------------------------ status */

/* How the status card names each line about the patient. */
static const struct {
	const char *topic;
	const char *label;
} patient_topics[] = {
	{"cancer", "Cancer"},	{"patient", "Patient"}, {"before", "Before"},
	{"now", "Now"},		{"wishes", "Wishes"},	{"fitness", "Fitness"},
};

static const char *topic_label(const char *topic)
{
	size_t i;

	for (i = 0; i < sizeof(patient_topics) / sizeof(patient_topics[0]); i++)
		if (strcmp(patient_topics[i].topic, topic) == 0)
			return patient_topics[i].label;
	return topic;
}

static void words_list(html_out *h, const cJSON *list)
{
	const cJSON *e;
	int n = 0;

	cJSON_ArrayForEach(e, list) {
		cli_buf w = CLI_BUF_INIT;

		if (!cJSON_IsString(e))
			continue;
		if (n++ > 0)
			html_markup(h, ", ");
		cli_words(&w, e->valuestring);
		html_text(h, cli_buf_text(&w));
		cli_buf_free(&w);
	}
}

static void status_card(html_out *h, const cJSON *card)
{
	const cJSON *line, *g, *p;

	const cJSON *guidelines = get(card, "guidelines");
	const cJSON *only = cJSON_GetArraySize(guidelines) == 1 ? guidelines->child : NULL;

	html_markup(h, "<section class=\"card status\" id=\"card-status\">");
	html_markup(h, "<h2>");
	html_text(h, cli_str_or(card, "title", ""));
	/* One guideline, the card's title: its source document beside it. */
	if (only != NULL && strcmp(cli_str_or(only, "title", ""), cli_str_or(card, "title", "")) == 0) {
		html_markup(h, " <span class=\"file\">");
		html_text(h, cli_str_or(only, "source", ""));
		html_markup(h, "</span>");
	}
	html_markup(h, "</h2>");
	if (only == NULL && cJSON_GetArraySize(guidelines) > 0) {
		html_markup(h, "<p class=\"guidelines\">Guidelines: ");
		cJSON_ArrayForEach(g, guidelines) {
			if (g != guidelines->child)
				html_markup(h, "; ");
			html_text(h, cli_str_or(g, "title", cli_str_or(g, "id", "")));
			html_markup(h, " <span class=\"file\">");
			html_text(h, cli_str_or(g, "source", ""));
			html_markup(h, "</span>");
		}
		html_markup(h, "</p>");
	} else if (only != NULL && strcmp(cli_str_or(only, "title", ""), cli_str_or(card, "title", "")) != 0) {
		html_markup(h, "<p class=\"guidelines\">Guideline: ");
		html_text(h, cli_str_or(only, "title", cli_str_or(only, "id", "")));
		html_markup(h, " <span class=\"file\">");
		html_text(h, cli_str_or(only, "source", ""));
		html_markup(h, "</span></p>");
	}
	html_markup(h, "<dl class=\"patient\">");
	cJSON_ArrayForEach(line, get(card, "patient")) {
		const char *topic = cli_str_or(line, "topic", ""), *text = cli_str_or(line, "text", "");
		size_t n = strlen(topic);
		int first = 1;

		html_markup(h, "<dt>");
		html_text(h, topic_label(topic));
		/* The case's pointers, on hover: the board reads the words. */
		html_markup(h, "</dt><dd title=\"");
		cJSON_ArrayForEach(p, get(line, "pointers"))
			if (cJSON_IsString(p)) {
				if (!first)
					html_markup(h, " ");
				html_text(h, p->valuestring);
				first = 0;
			}
		html_markup(h, "\">");
		/* "before: chemoradiation ...": the label says "Before" already. */
		if (n > 0 && strncmp(text, topic, n) == 0 && strncmp(text + n, ": ", 2) == 0)
			text += n + 2;
		html_text(h, text);
		html_markup(h, "</dd>");
	}
	if (cJSON_GetArraySize(get(card, "intent")) > 0) {
		html_markup(h, "<dt>Intent</dt><dd>of the options: ");
		words_list(h, get(card, "intent"));
		html_markup(h, "</dd>");
	}
	html_markup(h, "</dl>");
	if (collapsed(card)) {
		html_markup(h, "<p class=\"folded-reason\"><strong>");
		html_text(h, cli_str_or(card, "reason", ""));
		html_markup(h, "</strong> The care the source gives for that comes first; the "
			       "other cancer treatment is folded below.</p>");
	}
	html_markup(h, "</section>");
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
static void warning_item(html_out *h, const cJSON *doc, const cJSON *w, const char *element,
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

/* Critical and serious warnings, above the cards, in the cards' order. */
static void alerts(html_out *h, const cJSON *doc)
{
	const cJSON *card, *id;
	int any = 0;

	cJSON_ArrayForEach(card, get(doc, "cards"))
		cJSON_ArrayForEach(id, get(card, "warnings")) {
			const cJSON *w = cli_item(doc, "warnings", cJSON_IsString(id) ? id->valuestring : NULL);

			if (w == NULL || !cli_is_urgent(w))
				continue;
			if (!any)
				html_markup(h, "<section class=\"alerts\" aria-label=\"Critical and "
					       "serious warnings\">");
			any = 1;
			warning_item(h, doc, w, "div", NULL);
		}
	if (any)
		html_markup(h, "</section>");
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
		warning_item(h, doc, w, "li", cli_str(card, "agent"));
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

/* preferred, history marks (each status once) */
static void marks(html_out *h, const cJSON *option)
{
	const cJSON *e, *before;

	if (cJSON_IsTrue(get(option, "preferred")))
		badge(h, "preferred", "preferred");
	cJSON_ArrayForEach(e, get(option, "history")) {
		int seen = 0;

		for (before = get(option, "history")->child; before != e; before = before->next)
			seen |= strcmp(cli_str_or(before, "status", ""), cli_str_or(e, "status", "")) == 0;
		if (!seen)
			badge(h, "hist", cli_history_words(cli_str_or(e, "status", "")));
	}
}

/* "possible if PD-L1 positive tumour (not recorded: /biomarkers/PD-L1)" */
static void waits_for(html_out *h, const cJSON *option)
{
	const cJSON *w, *f, *v;
	int n = 0;

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
		html_markup(h, " <span class=\"nr\">(not recorded:");
		cJSON_ArrayForEach(f, get(w, "fields"))
			if (cJSON_IsString(f)) {
				html_markup(h, " <code>");
				html_text(h, f->valuestring);
				html_markup(h, "</code>");
			}
		html_markup(h, ")</span>");
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

static void option_card(html_out *h, const cJSON *doc, const cJSON *card, int number,
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
		html_markup(h, "</code> <span class=\"decides\">");
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

static void notes_card(html_out *h, const cJSON *doc, const cJSON *card)
{
	const cJSON *id;

	card_start(h, card, "", NULL);
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
	html_markup(h, "</ul></section>");
}

/* Drugs recorded by name, outside the list the rules know: no rule
 * checked them, and the board must see that. */
static void not_assessed(html_out *h, const cJSON *doc)
{
	const cJSON *item;

	if (cJSON_GetArraySize(get(doc, "not_assessed")) == 0)
		return;
	html_markup(h, "<section class=\"not-assessed\"><h2>Not assessed</h2><p>Recorded by name, "
		       "outside the rule base's drug list: no rule checked them (interactions, "
		       "overlaps with the options below).</p><ul>");
	cJSON_ArrayForEach(item, get(doc, "not_assessed")) {
		html_markup(h, "<li><b>");
		html_text(h, cli_str_or(item, "name", ""));
		html_markup(h, "</b> <code>");
		html_text(h, cli_str_or(item, "pointer", ""));
		html_markup(h, "</code></li>");
	}
	html_markup(h, "</ul></section>");
}

/* A result read from a FHIR bundle: where it came from, what was not
 * understood, what conflicted (docs/output-format.md). */
static void source_record(html_out *h, const cJSON *doc)
{
	const cJSON *source = get(doc, "source"), *bundle, *e, *v;

	if (!cJSON_IsObject(source))
		return;
	bundle = get(source, "bundle");
	html_markup(h, "<section class=\"source-record\"><h2>Source record</h2><p>");
	html_text(h, cli_str_or(source, "format", ""));
	if (cli_str(bundle, "id") != NULL) {
		html_markup(h, " <code>");
		html_text(h, cli_str(bundle, "id"));
		html_markup(h, "</code>");
	}
	if (cli_str(bundle, "type") != NULL) {
		html_markup(h, ", ");
		html_text(h, cli_str(bundle, "type"));
	}
	if (cJSON_IsNumber(get(bundle, "entries"))) {
		html_markup(h, ", ");
		html_int(h, (long)get(bundle, "entries")->valuedouble);
		html_markup(h, " entries");
	}
	html_markup(h, "; facts as of ");
	html_text(h, cli_str_or(source, "as_of", "(no date)"));
	if (cli_str(source, "as_of_from") != NULL) {
		html_markup(h, " (");
		html_text(h, cli_str(source, "as_of_from"));
		html_markup(h, ")");
	}
	html_markup(h, ".</p>");
	cJSON_ArrayForEach(e, get(source, "conflicts")) {
		if (e == get(source, "conflicts")->child)
			html_markup(h, "<h3>Conflicts: left out of the case</h3><ul class=\"conflicts\">");
		html_markup(h, "<li><code>");
		html_text(h, cli_str_or(e, "field", ""));
		html_markup(h, "</code> ");
		html_text(h, cli_str_or(e, "reason", ""));
		cJSON_ArrayForEach(v, get(e, "values")) {
			html_markup(h, " <span class=\"from\">");
			html_text(h, cli_str_or(v, "value", ""));
			html_markup(h, " &#8592; ");
			html_text(h, cli_str_or(v, "resource", ""));
			html_markup(h, "</span>");
		}
		html_markup(h, "</li>");
		if (e->next == NULL)
			html_markup(h, "</ul>");
	}
	cJSON_ArrayForEach(e, get(source, "not_understood")) {
		if (e == get(source, "not_understood")->child)
			html_markup(h, "<h3>Not understood</h3><ul class=\"not-understood\">");
		html_markup(h, "<li><code>");
		html_text(h, cli_str_or(e, "resource", ""));
		html_markup(h, "</code> ");
		if (cli_str(e, "text") != NULL) {
			html_markup(h, "&#8220;");
			html_text(h, cli_str(e, "text"));
			html_markup(h, "&#8221; ");
		}
		html_text(h, cli_str_or(e, "reason", ""));
		html_markup(h, "</li>");
		if (e->next == NULL)
			html_markup(h, "</ul>");
	}
	html_markup(h, "</section>");
}

/* ------------------------------------------------------------ page */

void report_page_start(html_out *h, const char *title, const char *subtitle)
{
	html_markup(h, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
		       /* Nothing to load and nothing to run, even should markup
			* ever slip through. */
		       "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		       "style-src 'unsafe-inline'\"/>"
		       "<meta name=\"generator\" content=\"oncorules " ONCO_VERSION "\"/><title>");
	html_text(h, title);
	if (subtitle != NULL) {
		html_markup(h, " &#183; ");
		html_text(h, subtitle);
	}
	html_markup(h, " &#183; oncorules</title><style>");
	/* Our own stylesheet, a literal of the build. */
	html_markup_literal_(h, (const char *)cli_report_css);
	html_markup(h, "</style></head><body>");
}

void report_page_end(html_out *h, const char *disclaimer)
{
	html_markup(h, "<footer class=\"disclaimer\"><p>");
	html_text(h, disclaimer != NULL ? disclaimer
					: "Options for discussion by the treating team, not orders; "
					  "they do not replace clinical judgement.");
	html_markup(h, "</p><p class=\"made\">oncorules " ONCO_VERSION "</p></footer></body></html>\n");
}

static void masthead(html_out *h, const cJSON *doc)
{
	const cJSON *kb = get(doc, "knowledge_base");

	html_markup(h, "<header class=\"masthead\"><p class=\"brand\">oncorules &#183; tumour-board "
		       "report</p><h1>Case <span class=\"case-id\">");
	html_text(h, cli_str_or(doc, "case", "(no case id)"));
	html_markup(h, "</span></h1>");
	if (kb != NULL) {
		html_markup(h, "<p class=\"kb\">Knowledge base <b>");
		html_text(h, cli_str_or(kb, "version", ""));
		html_markup(h, "</b> &#183; SHA-256 <code>");
		html_text(h, cli_str_or(kb, "sha256", ""));
		html_markup(h, "</code></p>");
	}
	html_markup(h, "<p class=\"not-orders\">Options for discussion by the treating team, not "
		       "orders; they do not replace clinical judgement.</p></header>");
}

static void errors(html_out *h, const cJSON *doc)
{
	const cJSON *e;

	html_markup(h, "<section class=\"card errors\"><h2>This case is not valid; no options are "
		       "given for it.</h2><ul>");
	cJSON_ArrayForEach(e, get(doc, "errors")) {
		const char *pointer = cli_str_or(e, "pointer", "");

		html_markup(h, "<li><code>");
		html_text(h, pointer[0] ? pointer : "(document)");
		html_markup(h, "</code> ");
		html_text(h, cli_str_or(e, "message", ""));
		html_markup(h, "</li>");
	}
	html_markup(h, "</ul></section>");
}

static void summary(html_out *h, const cJSON *doc, const report_graphs *rg)
{
	const cJSON *card;
	int number = 0;

	cJSON_ArrayForEach(card, get(doc, "cards"))
		if (is_kind(card, "status"))
			status_card(h, card);
	alerts(h, doc);
	not_assessed(h, doc);
	source_record(h, doc);
	html_markup(h, "<div class=\"cards\">");
	cJSON_ArrayForEach(card, get(doc, "cards"))
		if (is_option_card(card))
			option_card(h, doc, card, ++number, rg);
	if (number == 0)
		html_markup(h, "<p class=\"no-option\">The rules found no option for this case; see "
			       "what is missing below.</p>");
	cJSON_ArrayForEach(card, get(doc, "cards")) {
		if (is_kind(card, "safety"))
			safety_card(h, doc, card);
		else if (is_kind(card, "ruled-out"))
			ruled_out_card(h, doc, card);
		else if (is_kind(card, "missing"))
			missing_card(h, doc, card);
		else if (is_kind(card, "notes"))
			notes_card(h, doc, card);
	}
	html_markup(h, "</div>");
}

void cli_report_render(html_out *h, cJSON *doc, cli_graphs *graphs)
{
	report_graphs rg = {HTML_OUT_INIT, NULL, 0};

	cli_json_printable(doc);
	report_page_start(h, cli_str_or(doc, "case", "(no case id)"),
			  cli_str(cJSON_GetArrayItem(get(doc, "cards"), 0), "title"));
	masthead(h, doc);
	html_markup(h, "<main>");
	if (get(doc, "errors") != NULL) {
		errors(h, doc);
	} else if (strcmp(cli_str_or(doc, "scope", ""), "covered") != 0) {
		html_markup(h, "<section class=\"card not-covered\"><h2>Not covered</h2><p>");
		html_text(h, cli_str_or(doc, "scope_reason", ""));
		html_markup(h, "</p><p>No option is given: the rule base has no guidance for this "
			       "case.</p></section>");
		source_record(h, doc);
	} else {
		report_draw_graphs(&rg, doc, graphs);
		html_markup(h, "<div id=\"summary\">");
		summary(h, doc, &rg);
		html_markup(h, "</div>");
		if (html_length(&rg.drawings) > 0) {
			html_markup(h, "<div id=\"explanations\"><h1 class=\"explanations-head\">"
				       "Explanations</h1><p class=\"legend\">Each option: the case "
				       "facts (JSON pointers) and the findings read from them, the "
				       "rule, the passages it cites, and what it concludes.</p>");
			html_append(h, &rg.drawings);
			html_markup(h, "</div>");
		}
	}
	html_markup(h, "</main>");
	report_page_end(h, cli_str(doc, "disclaimer"));
	report_graphs_free(&rg);
}

int cli_report_page(html_out *h, const char *result_json, cli_graphs *graphs)
{
	cJSON *doc = cJSON_Parse(result_json);

	if (!cJSON_IsObject(doc)) {
		cJSON_Delete(doc);
		return -1;
	}
	cli_report_render(h, doc, graphs);
	cJSON_Delete(doc);
	return 0;
}
