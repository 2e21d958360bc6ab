/* html.c: the one boundary between data and HTML markup (see html.h). */
#include "html.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The escaping every piece of data on a page goes through: `n` bytes of
 * text, `from` (when not 0) written as a space. */
static void escape(html_out *h, const char *s, size_t n, char from)
{
	const char *run = s, *end = s + n;

	for (; s < end; s++) {
		unsigned char c = (unsigned char)*s;
		const char *ref = NULL;
		char hex[8];

		switch (c) {
		case '&': ref = "&amp;"; break;
		case '<': ref = "&lt;"; break;
		case '>': ref = "&gt;"; break;
		case '"': ref = "&quot;"; break;
		case '\'': ref = "&#39;"; break;
		default:
			if (from != 0 && *s == from) {
				ref = " ";
			} else if (c < 0x20 || c == 0x7f) {
				snprintf(hex, sizeof(hex), "\\x%02x", c);
				ref = hex;
			}
		}
		if (ref == NULL)
			continue;
		cli_buf_append(&h->page, run, (size_t)(s - run));
		cli_buf_puts(&h->page, ref);
		run = s + 1;
	}
	cli_buf_append(&h->page, run, (size_t)(end - run));
}

void html_text(html_out *h, const char *text)
{
	if (text != NULL)
		escape(h, text, strlen(text), 0);
}

void html_text_spaced(html_out *h, const char *text, char from)
{
	if (text != NULL)
		escape(h, text, strlen(text), from);
}

void html_markup_literal_(html_out *h, const char *literal)
{
	cli_buf_puts(&h->page, literal);
}

void html_int(html_out *h, long n)
{
	cli_buf_printf(&h->page, "%ld", n);
}

const char *html_page(const html_out *h)
{
	return cli_buf_text(&h->page);
}

size_t html_length(const html_out *h)
{
	return h->page.length;
}

char *html_take(html_out *h)
{
	return cli_buf_take(&h->page);
}

void html_free(html_out *h)
{
	cli_buf_free(&h->page);
}

/* ------------------------------------------------------------------ SVG */

/* What a drawing keeps of Graphviz's SVG: one row per element, with the
 * attributes it keeps. Numbers in `numeric` attributes are rounded. An
 * element not listed is left out (its text stays, as text); <title> is
 * left out with what it holds. */
static const struct svg_element {
	const char *name;
	const char *attributes; /* space-separated */
} svg_elements[] = {
	{"g", "transform"},
	{"polygon", "fill stroke stroke-width stroke-dasharray points"},
	{"polyline", "fill stroke stroke-width stroke-dasharray points"},
	{"path", "fill stroke stroke-width stroke-dasharray d"},
	{"ellipse", "fill stroke stroke-width stroke-dasharray cx cy rx ry"},
	{"text", "text-anchor x y font-family font-weight font-style fill"},
};

#define SVG_DEPTH 32

static const char *const numeric_attributes[] = {"transform", "points", "d",  "cx", "cy",
						 "rx",	      "ry",	"x",  "y",  "stroke-width"};

static const struct svg_element *svg_element(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(svg_elements) / sizeof(svg_elements[0]); i++)
		if (strlen(svg_elements[i].name) == n && memcmp(svg_elements[i].name, name, n) == 0)
			return &svg_elements[i];
	return NULL;
}

static int has_word(const char *words, const char *word, size_t n)
{
	const char *p = words;

	while (*p != '\0') {
		size_t len = strcspn(p, " ");

		if (len == n && memcmp(p, word, n) == 0)
			return 1;
		p += len;
		p += strspn(p, " ");
	}
	return 0;
}

static int is_numeric(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(numeric_attributes) / sizeof(numeric_attributes[0]); i++)
		if (strlen(numeric_attributes[i]) == n && memcmp(numeric_attributes[i], name, n) == 0)
			return 1;
	return 0;
}

/* A value a drawing attribute may hold: numbers, colour names and #hex,
 * transform functions. Nothing that could be a URL or script. */
static int value_allowed(const char *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)v[i]) && strchr(" .,-#()%", v[i]) == NULL)
			return 0;
	return 1;
}

/* Appends `v` with each decimal number rounded to a whole number. */
static void put_rounded(html_out *h, const char *v, size_t n)
{
	size_t i = 0;

	while (i < n) {
		if (isdigit((unsigned char)v[i]) || (v[i] == '-' && i + 1 < n && (isdigit((unsigned char)v[i + 1]) || v[i + 1] == '.')) || (v[i] == '.' && i + 1 < n && isdigit((unsigned char)v[i + 1]))) {
			char number[64];
			size_t j = i + (v[i] == '-');
			double d;
			long r;

			while (j < n && (isdigit((unsigned char)v[j]) || v[j] == '.'))
				j++;
			if (j - i >= sizeof(number)) {
				escape(h, v + i, j - i, 0);
			} else {
				memcpy(number, v + i, j - i);
				number[j - i] = '\0';
				d = strtod(number, NULL);
				r = (long)(d < 0 ? d - 0.5 : d + 0.5);
				html_int(h, r == 0 ? 0 : r);
			}
			i = j;
		} else {
			escape(h, v + i, 1, 0);
			i++;
		}
	}
}

/* Decodes the character references Graphviz writes in text (&amp; &lt;
 * &gt; &quot; &#39; &#45;, &#160; for a second space: its xml_string) in
 * `n` bytes, and escapes the result as any text of the page. A reference
 * it does not write stays as text. */
static void put_character_data(html_out *h, const char *s, size_t n)
{
	static const struct {
		const char *reference;
		const char *text;
	} references[] = {
		{"&amp;", "&"},	 {"&lt;", "<"},	 {"&gt;", ">"},	 {"&quot;", "\""},
		{"&apos;", "'"}, {"&#39;", "'"}, {"&#45;", "-"}, {"&#160;", "\xc2\xa0"},
	};
	cli_buf plain = CLI_BUF_INIT;
	size_t i = 0, k;

	while (i < n) {
		int done = 0;

		for (k = 0; s[i] == '&' && k < sizeof(references) / sizeof(references[0]) && !done; k++) {
			size_t len = strlen(references[k].reference);

			if (len <= n - i && memcmp(s + i, references[k].reference, len) == 0) {
				cli_buf_puts(&plain, references[k].text);
				i += len;
				done = 1;
			}
		}
		if (!done)
			cli_buf_append(&plain, s + i++, 1);
	}
	escape(h, cli_buf_text(&plain), plain.length, 0);
	cli_buf_free(&plain);
}

/* The value of attribute `name` inside the tag text [p, end), or NULL. */
static const char *tag_attribute(const char *p, const char *end, const char *name, size_t *n)
{
	size_t len = strlen(name);

	for (; p + len + 2 < end; p++) {
		const char *q;

		if (!(p[-1] == ' ' || p[-1] == '\n') || strncmp(p, name, len) != 0 || p[len] != '=' ||
		    p[len + 1] != '"')
			continue;
		q = memchr(p + len + 2, '"', (size_t)(end - (p + len + 2)));
		if (q == NULL)
			return NULL;
		*n = (size_t)(q - (p + len + 2));
		return p + len + 2;
	}
	return NULL;
}

void html_svg_root(html_out *h, long width, long height)
{
	html_markup(h, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph\" role=\"img\" "
		       "aria-label=\"Explanation graph\" width=\"");
	html_int(h, width);
	html_markup(h, "pt\" height=\"");
	html_int(h, height);
	html_markup(h, "pt\" viewBox=\"0 0 ");
	html_int(h, width);
	html_markup(h, " ");
	html_int(h, height);
	html_markup(h, "\">");
}

/* The size of Graphviz's drawing, from its viewBox ("0.00 0.00 294.16
 * 44.00"), rounded up; -1 when there is none. */
static int root_size(const char *tag, const char *end, long *width, long *height)
{
	double box[4];
	const char *v;
	char *next;
	size_t n;
	int i;

	v = tag_attribute(tag, end, "viewBox", &n);
	if (v == NULL)
		return -1;
	for (i = 0; i < 4; i++) {
		box[i] = strtod(v, &next);
		if (next == v || next > v + n)
			return -1;
		v = next;
	}
	if (!(box[2] > 0 && box[3] > 0 && box[2] < 1e5 && box[3] < 1e5))
		return -1;
	*width = (long)box[2] + (box[2] > (long)box[2]);
	*height = (long)box[3] + (box[3] > (long)box[3]);
	return 0;
}

void html_append(html_out *h, const html_out *from)
{
	cli_buf_append(&h->page, cli_buf_text(&from->page), from->page.length);
}

void html_letter(html_out *h, int n)
{
	char c = n < 26 ? (char)('a' + n) : n < 52 ? (char)('A' + n - 26) : '*';

	cli_buf_append(&h->page, &c, 1);
}

/* Attribute values a drawing leaves out: said once for the whole drawing
 * (svg.graph in report.css: its font), or SVG's own default. */
static const struct {
	const char *attribute;
	const char *value; /* a prefix of the value */
} values_left_out[] = {
	{"font-family", "Helvetica"},
	{"text-anchor", "start"},
};

/* Appends ` name="value"`: numbers rounded, a polygon's closing point
 * (the first again) and identity transforms left out. */
static void put_attribute(html_out *h, const char *name, size_t n, const char *v, size_t vn)
{
	html_out value = HTML_OUT_INIT;
	char *text, *cut;
	size_t i;

	for (i = 0; i < sizeof(values_left_out) / sizeof(values_left_out[0]); i++)
		if (strlen(values_left_out[i].attribute) == n &&
		    memcmp(values_left_out[i].attribute, name, n) == 0 &&
		    vn >= strlen(values_left_out[i].value) &&
		    memcmp(v, values_left_out[i].value, strlen(values_left_out[i].value)) == 0)
			return;
	if (is_numeric(name, n))
		put_rounded(&value, v, vn);
	else
		escape(&value, v, vn, 0);
	text = html_take(&value);
	if (n == 6 && memcmp(name, "points", 6) == 0 && (cut = strrchr(text, ' ')) != NULL &&
	    strncmp(text, cut + 1, strlen(cut + 1)) == 0 && text[strlen(cut + 1)] == ' ')
		*cut = '\0';
	if (n == 9 && memcmp(name, "transform", 9) == 0) {
		static const char *const identities[] = {"scale(1 1) ", "rotate(0) "};

		for (i = 0; i < sizeof(identities) / sizeof(identities[0]); i++)
			if ((cut = strstr(text, identities[i])) != NULL)
				memmove(cut, cut + strlen(identities[i]),
					strlen(cut + strlen(identities[i])) + 1);
	}
	html_markup(h, " ");
	escape(h, name, n, 0);
	html_markup(h, "=\"");
	/* Built from the value escaped above. */
	cli_buf_puts(&h->page, text);
	html_markup(h, "\"");
	free(text);
}

/* One start tag, its name [name, name + n) and attributes up to `end`. */
static void put_start_tag(html_out *h, const struct svg_element *e, const char *name, size_t n,
			  const char *attrs, const char *end, int empty, const char **id)
{
	const char *p = attrs;

	html_markup(h, "<");
	escape(h, name, n, 0);
	if (*id != NULL) {
		html_markup(h, " id=\"");
		html_text(h, *id);
		html_markup(h, "\"");
		*id = NULL;
	}
	while (p < end) {
		const char *an, *v, *q;
		size_t alen;

		while (p < end && isspace((unsigned char)*p))
			p++;
		an = p;
		while (p < end && *p != '=' && !isspace((unsigned char)*p) && *p != '/')
			p++;
		alen = (size_t)(p - an);
		if (p >= end || *p != '=' || p + 1 >= end || p[1] != '"') {
			p++;
			continue;
		}
		v = p + 2;
		q = memchr(v, '"', (size_t)(end - v));
		if (q == NULL)
			break;
		p = q + 1;
		if (alen == 0 || !has_word(e->attributes, an, alen) || !value_allowed(v, (size_t)(q - v)))
			continue;
		put_attribute(h, an, alen, v, (size_t)(q - v));
	}
	if (empty)
		html_markup(h, "/>");
	else
		html_markup(h, ">");
}

static int starts(const char *p, const char *end, const char *s)
{
	size_t n = strlen(s);

	return (size_t)(end - p) >= n && memcmp(p, s, n) == 0;
}

/* Skips past `close` from p; the end when it is missing. */
static const char *skip_past(const char *p, const char *end, const char *close)
{
	size_t n = strlen(close);

	for (; p + n <= end; p++)
		if (memcmp(p, close, n) == 0)
			return p + n;
	return end;
}

int html_svg(html_out *h, const char *svg, size_t n, const char *id, long *width,
	     long *height)
{
	/* The elements open inside the root, to close them should the
	 * drawing be cut short; deeper nesting than a layout makes is left
	 * out. */
	const struct svg_element *open[SVG_DEPTH];
	const char *end = svg + n, *p = svg;
	int depth = 0, dropped = 0, root = 0;

	while (p < end) {
		const char *tag_end, *name, *text;
		size_t name_len;
		int closing, empty;

		if (*p != '<') {
			text = p;
			while (p < end && *p != '<')
				p++;
			/* Whitespace between tags carries nothing in a drawing. */
			if (root && strspn(text, " \t\r\n") < (size_t)(p - text))
				put_character_data(h, text, (size_t)(p - text));
			continue;
		}
		if (starts(p, end, "<!--")) {
			p = skip_past(p, end, "-->");
			continue;
		}
		if (starts(p, end, "<?") || starts(p, end, "<!")) {
			p = skip_past(p, end, ">");
			continue;
		}
		tag_end = memchr(p, '>', (size_t)(end - p));
		if (tag_end == NULL)
			break;
		closing = p[1] == '/';
		name = p + 1 + closing;
		name_len = strcspn(name, " \t\r\n/>");
		if (name + name_len > tag_end)
			name_len = (size_t)(tag_end - name);
		empty = tag_end[-1] == '/';
		if (name_len == 5 && memcmp(name, "title", 5) == 0 && !closing) {
			p = empty ? tag_end + 1 : skip_past(tag_end, end, "</title>");
			continue;
		}
		if (name_len == 3 && memcmp(name, "svg", 3) == 0) {
			if (!closing && !root) {
				if (root_size(name + 3, tag_end, width, height) != 0)
					return -1;
				html_svg_root(h, *width, *height);
				root = 1;
			} else if (closing && root) {
				html_markup(h, "</svg>");
				return 0;
			}
		} else if (root) {
			const struct svg_element *e = svg_element(name, name_len);

			if (e != NULL && closing && dropped > 0) {
				dropped--;
			} else if (e != NULL && closing) {
				if (depth > 0 && open[depth - 1] == e) {
					html_markup(h, "</");
					html_text(h, e->name);
					html_markup(h, ">");
					depth--;
				}
			} else if (e != NULL && (depth >= SVG_DEPTH || dropped > 0)) {
				dropped += !empty;
			} else if (e != NULL) {
				put_start_tag(h, e, name, name_len, name + name_len,
					      empty ? tag_end - 1 : tag_end, empty, &id);
				if (!empty)
					open[depth++] = e;
			}
		}
		p = tag_end + 1;
	}
	if (!root)
		return -1;
	/* Cut short: close what is open so the page stays well formed. */
	while (depth-- > 0) {
		html_markup(h, "</");
		html_text(h, open[depth]->name);
		html_markup(h, ">");
	}
	html_markup(h, "</svg>");
	return 0;
}
