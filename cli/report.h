/*
 * report.h: the tumour-board report, an HTML view of a result document
 * (docs/output-format.md) as `oncorules report` and `batch --html` write
 * it. Like the text views (textview.h) it renders the cards the engine
 * built and decides nothing itself; unlike them it is one self-contained
 * page: inline CSS (report.css), no script, no request to anywhere, every
 * piece of text through html.h.
 *
 * The page: the summary (status card, critical and serious warnings,
 * drugs not assessed, the FHIR source record, the numbered option cards
 * with each item expandable to its explanation, safety per drug, what is
 * ruled out grouped by reason, missing facts as a checklist, notes), then
 * the explanation graphs, which only print shows (the screen shows each in
 * its option), and the disclaimer. report_page.c writes the page,
 * report_cards.c the cards, report_explain.c the explanations and graphs.
 */
#ifndef ONCO_CLI_REPORT_H
#define ONCO_CLI_REPORT_H

#include <cjson/cJSON.h>

#include "graph.h"
#include "html.h"

/*
 * Writes the page for a result or error document. `doc` is made printable
 * in place first (printable.h). `graphs` lays out the explanation graphs;
 * NULL draws none (the text explanations stay). Returns 0, or -1 when
 * Graphviz failed to draw a graph (cli_graphs_failure): the page is
 * incomplete, not to be written.
 */
int cli_report_render(html_out *h, cJSON *doc, cli_graphs *graphs);

/* The same from JSON text; -1 (nothing written) when it is not a JSON
 * object, -2 when memory ran out while reading it, -3 when Graphviz
 * failed. */
int cli_report_page(html_out *h, const char *result_json, cli_graphs *graphs);

/* report.css, embedded at build time (cmake/embed_image.cmake). */
extern const unsigned char cli_report_css[];
extern const size_t cli_report_css_size;

/* The start of a page, to <body>: its <title> ("TITLE · SUBTITLE ·
 * oncorules"; `subtitle` may be NULL), the policy that lets it load and run
 * nothing, the stylesheet. */
void report_page_start(html_out *h, const char *title, const char *subtitle);

/* The end of a page: the disclaimer (NULL: the short one) and the
 * program's version. */
void report_page_end(html_out *h, const char *disclaimer);

/* ---- shared by report_page.c, report_cards.c and report_explain.c ---- */

/* Whether a card holds options (not status, safety, ruled out, missing,
 * notes). */
int report_is_option_card(const cJSON *card);

/* Option card number `number`, its items opening to their explanations. */
struct report_graphs;
void report_option_card(html_out *h, const cJSON *doc, const cJSON *card, int number,
			const struct report_graphs *rg);

/* A card that holds no options: safety, ruled out, missing, notes. */
void report_other_card(html_out *h, const cJSON *doc, const cJSON *card);

/* The notes of a card (the notes card, or the status card's notes about
 * the patient's situation), each opening to its explanation. */
void report_note_items(html_out *h, const cJSON *doc, const cJSON *card);

/* A warning as <ELEMENT class="warning SEVERITY"> opening to its
 * explanation; the drug is not named on its own safety card
 * (`card_agent`). */
void report_warning_item(html_out *h, const cJSON *doc, const cJSON *w, const char *element,
			 const char *card_agent);

/* The graphs of a page, drawn before the summary so that each option's
 * explanation can show its graph (by reference) at its place. */
typedef struct report_graphs {
	html_out drawings; /* the print-only section, each graph once */
	struct report_graph {
		char *option; /* option id */
		int drawn;
		long width, height; /* of the drawing, in points */
	} *items;
	size_t count;
} report_graphs;

/* Draws the graph of every option on the option cards of `doc` into
 * `rg->drawings` (the explanations section, card by card). Returns 0, or
 * -1 when Graphviz failed (no more are drawn). */
int report_draw_graphs(report_graphs *rg, const cJSON *doc, cli_graphs *graphs);
void report_graphs_free(report_graphs *rg);

/* The explanation of an item (option, possible option, warning,
 * exclusion, note): conditions met / not met / unknown with the facts'
 * JSON pointers, history, quotes with the titles of their documents, the
 * rule, and the option's graph when it was drawn. `card` is the card the
 * item sits on (criteria of a curative-intent card), or NULL. */
void report_explain(html_out *h, const cJSON *doc, const cJSON *card, const cJSON *item,
		    const report_graphs *rg);

/* "[CR-7, SA-1]": the labels of an item's evidence. */
void report_refs(html_out *h, const cJSON *item);

/* "VALUE ← RESOURCE" (no value: "← RESOURCE"), the place in a FHIR bundle
 * a value was read from, with `bundle_pointer` on hover. */
void report_from(html_out *h, const char *value, const char *resource,
		 const char *bundle_pointer);

/* A JSON pointer of the case, with the FHIR resources it was read from
 * when the result has a source record (its own, else its nearest
 * parent's, else its items'; three at most, then how many more), each
 * with its place in the bundle on hover. */
void report_pointer(html_out *h, const cJSON *doc, const char *pointer);

#endif
