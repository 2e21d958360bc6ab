/*
 * html.h: the one boundary between data and HTML markup.
 *
 * A report page is an `html_out`, not a plain buffer, so that nothing can
 * reach it except through the functions below:
 *   - html_text: any text that is not a literal of this program (case
 *     data: ids, names recorded by the user; everything from the rule
 *     base: summaries, statements, quotes, ids), escaped for both element
 *     content and quoted attribute values;
 *   - html_markup: markup, which must be a string literal (the macro
 *     concatenates it with "" and so does not compile with a variable);
 *   - html_int: a number;
 *   - html_svg: the SVG that Graphviz lays out (graph.c), filtered to the
 *     elements and attributes a drawing needs, its text escaped again.
 * The page owns its memory; html_take hands it over (free() it). Running
 * out of memory exits with status 3, as in strbuf.h.
 */
#ifndef ONCO_CLI_HTML_H
#define ONCO_CLI_HTML_H

#include <stddef.h>

#include "strbuf.h"

typedef struct html_out {
	cli_buf page; /* only html.c touches it */
} html_out;

#define HTML_OUT_INIT { CLI_BUF_INIT }

/* Appends `text` escaped: & < > " ' as character references, control
 * characters (below 0x20 and 0x7f) as the visible text \xHH, as the text
 * views write them (printable.h). NULL appends nothing. */
void html_text(html_out *h, const char *text);

/* Appends `text` escaped as html_text does, with `from` replaced by a
 * space (the text views' non-breaking marker, textview.h). */
void html_text_spaced(html_out *h, const char *text, char from);

/* Appends literal markup. */
#define html_markup(h, literal) html_markup_literal_((h), "" literal "")
void html_markup_literal_(html_out *h, const char *literal);

void html_int(html_out *h, long n);

/*
 * Appends an <svg> drawing made from Graphviz's SVG output `svg` (`n`
 * bytes): the XML prolog, comments, <title> elements and every element or
 * attribute not on the list of what a drawing needs are left out (no
 * script, no link, no style, no event handler can pass); numbers are
 * rounded to whole points; text is kept only as character data, escaped
 * again. The root is html_svg_root's, of the size of the drawing's
 * viewBox, set in *width and *height (points); when `id` is not NULL, the
 * first group gets the element id `id` (for <use> elsewhere on the page).
 * Returns 0, or -1 when `svg` holds no <svg> element with a viewBox
 * (nothing appended).
 */
int html_svg(html_out *h, const char *svg, size_t n, const char *id, long *width,
	     long *height);

/* The start tag of a drawing `width` x `height` points:
 * <svg xmlns=... class="graph" role="img" aria-label=... width="Wpt" height="Hpt"
 * viewBox="0 0 W H">. */
void html_svg_root(html_out *h, long width, long height);

/* Appends the page `from` (markup made through these functions). */
void html_append(html_out *h, const html_out *from);

/* "a".."z", "A".."Z", then "*": the letter of item `n` of a card. */
void html_letter(html_out *h, int n);

/* The page so far (for tests and sizes). */
const char *html_page(const html_out *h);
size_t html_length(const html_out *h);

/* Hands the page over (free() it) and leaves `h` empty; never NULL. */
char *html_take(html_out *h);
void html_free(html_out *h);

#endif
