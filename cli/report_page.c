/*
 * report_page.c: the tumour-board report page (see report.h): its head and
 * masthead (case id, knowledge base version and hash), the status card,
 * critical and serious warnings above everything, drugs not assessed, the
 * FHIR source record, then the cards in their order (report_cards.c), the
 * explanation graphs for print (report_explain.c) and the disclaimer. Like
 * the one-screen text (summary.c) it renders the model and decides
 * nothing; unlike it every option is listed with its own summary and each
 * item opens (<details>) to its explanation.
 */
#include <string.h>

#include "cli.h"
#include "onco.h"
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

static int is_kind(const cJSON *card, const char *kind)
{
	return strcmp(cli_str_or(card, "kind", ""), kind) == 0;
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

static void status_card(html_out *h, const cJSON *doc, const cJSON *card)
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
	if (cJSON_IsTrue(get(card, "collapsed"))) {
		html_markup(h, "<p class=\"folded-reason\"><strong>");
		html_text(h, cli_str_or(card, "reason", ""));
		html_markup(h, "</strong> Care that does not treat the cancer comes first; the "
			       "other cancer treatment is folded below.</p>");
	}
	report_note_items(h, doc, card);
	html_markup(h, "</section>");
}

/* ------------------------------------------------------------ warnings */

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
			report_warning_item(h, doc, w, "div", NULL);
		}
	if (any)
		html_markup(h, "</section>");
}

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
	const char *from;

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
	/* The date ages and days were counted to, and where it came from. */
	if (cli_str(source, "as_of") != NULL) {
		html_markup(h, "; ages and days counted to ");
		html_text(h, cli_str(source, "as_of"));
		from = cli_str_or(source, "as_of_from", "");
		html_markup(h, " (");
		if (strcmp(from, "option") == 0)
			html_markup(h, "given with --as-of");
		else if (strcmp(from, "Bundle.timestamp") == 0)
			html_markup(h, "the bundle's timestamp");
		else
			html_text(h, from);
		html_markup(h, ")");
	} else {
		html_markup(h, "; no evaluation date (--as-of): facts that need one are left out "
			       "and listed below");
	}
	html_markup(h, ".</p>");
	cJSON_ArrayForEach(e, get(source, "conflicts")) {
		if (e == get(source, "conflicts")->child)
			html_markup(h, "<h3>Conflicts: left out of the case</h3><ul class=\"conflicts\">");
		html_markup(h, "<li><code>");
		html_text(h, cli_str_or(e, "field", ""));
		html_markup(h, "</code> ");
		html_text(h, cli_str_or(e, "reason", ""));
		cJSON_ArrayForEach(v, get(e, "values"))
			report_from(h, cli_str_or(v, "value", ""), cli_str_or(v, "resource", ""),
				    cli_str_or(v, "pointer", ""));
		html_markup(h, "</li>");
		if (e->next == NULL)
			html_markup(h, "</ul>");
	}
	cJSON_ArrayForEach(e, get(source, "not_understood")) {
		if (e == get(source, "not_understood")->child)
			html_markup(h, "<h3>Not understood</h3><ul class=\"not-understood\">");
		html_markup(h, "<li><code title=\"");
		html_text(h, cli_str_or(e, "pointer", ""));
		html_markup(h, "\">");
		html_text(h, cli_str_or(e, "resource", ""));
		html_markup(h, "</code> ");
		if (cli_str(e, "text") != NULL) {
			html_markup(h, "&#8220;");
			html_text(h, cli_str(e, "text"));
			html_markup(h, "&#8221; ");
		}
		html_text(h, cli_str_or(e, "reason", ""));
		cJSON_ArrayForEach(v, get(e, "codes"))
			if (cJSON_IsString(v)) {
				html_markup(h, " <code>");
				html_text(h, v->valuestring);
				html_markup(h, "</code>");
			}
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
			status_card(h, doc, card);
	alerts(h, doc);
	not_assessed(h, doc);
	source_record(h, doc);
	html_markup(h, "<div class=\"cards\">");
	cJSON_ArrayForEach(card, get(doc, "cards"))
		if (report_is_option_card(card))
			report_option_card(h, doc, card, ++number, rg);
	if (number == 0)
		html_markup(h, "<p class=\"no-option\">The rules found no option for this case; see "
			       "what is missing below.</p>");
	cJSON_ArrayForEach(card, get(doc, "cards"))
		if (!report_is_option_card(card))
			report_other_card(h, doc, card);
	html_markup(h, "</div>");
}

int cli_report_render(html_out *h, cJSON *doc, cli_graphs *graphs)
{
	report_graphs rg = {HTML_OUT_INIT, NULL, 0};
	int rc = 0;

	cli_json_printable(doc);
	report_page_start(h, cli_str_or(doc, "case", "(no case id)"),
			  cli_str(cJSON_GetArrayItem(get(doc, "cards"), 0), "title"));
	masthead(h, doc);
	html_markup(h, "<main>");
	if (get(doc, "errors") != NULL) {
		errors(h, doc);
		source_record(h, doc);
	} else if (strcmp(cli_str_or(doc, "scope", ""), "covered") != 0) {
		html_markup(h, "<section class=\"card not-covered\"><h2>Not covered</h2><p>");
		html_text(h, cli_str_or(doc, "scope_reason", ""));
		html_markup(h, "</p><p>No option is given: the rule base has no guidance for this "
			       "case.</p></section>");
		source_record(h, doc);
	} else {
		rc = report_draw_graphs(&rg, doc, graphs);
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
	return rc;
}

int cli_report_page(html_out *h, const char *result_json, cli_graphs *graphs)
{
	int out_of_memory, rc;
	cJSON *doc = cli_json_parse(result_json, strlen(result_json), NULL, &out_of_memory);

	if (!cJSON_IsObject(doc)) {
		cJSON_Delete(doc);
		return out_of_memory ? -2 : -1;
	}
	rc = cli_report_render(h, doc, graphs);
	cJSON_Delete(doc);
	return rc != 0 ? -3 : 0;
}
