/* sexp.c: reading CLIPS source text into s-expressions with line numbers. */
#include "sexp.h"

#include <stdlib.h>
#include <string.h>

typedef struct reader {
	const char *p, *end;
	long line;
} reader;

void onco_sexp_free(onco_sexp *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->count; i++)
		onco_sexp_free(s->items[i]);
	free(s->items);
	free(s->text);
	free(s);
}

static onco_sexp *node(onco_sexp_kind kind, long line)
{
	onco_sexp *s = calloc(1, sizeof(*s));

	if (s != NULL) {
		s->kind = kind;
		s->line = line;
	}
	return s;
}

static int push(onco_sexp *list, onco_sexp *item)
{
	onco_sexp **grown;

	if (item == NULL)
		return ONCO_ENOMEM;
	grown = realloc(list->items, (list->count + 1) * sizeof(*grown));
	if (grown == NULL) {
		onco_sexp_free(item);
		return ONCO_ENOMEM;
	}
	list->items = grown;
	list->items[list->count++] = item;
	return 0;
}

static void skip_space(reader *r)
{
	while (r->p < r->end) {
		if (*r->p == '\n') {
			r->line++;
			r->p++;
		} else if (*r->p == ';') {
			while (r->p < r->end && *r->p != '\n')
				r->p++;
		} else if (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' ||
			   *r->p == '\f') {
			r->p++;
		} else {
			break;
		}
	}
}

static onco_sexp *read_string(reader *r, onco_error *err)
{
	onco_sexp *s = node(ONCO_SEXP_STRING, r->line);
	char *out;
	size_t n = 0;
	long start = r->line;

	if (s == NULL || (out = malloc((size_t)(r->end - r->p) + 1)) == NULL) {
		free(s);
		onco_error_set(err, ONCO_ENOMEM, "out of memory");
		return NULL;
	}
	s->text = out;
	for (r->p++; r->p < r->end && *r->p != '"'; r->p++) {
		if (*r->p == '\\' && r->p + 1 < r->end)
			r->p++;
		if (*r->p == '\n')
			r->line++;
		out[n++] = *r->p;
	}
	out[n] = '\0';
	if (r->p >= r->end) {
		onco_sexp_free(s);
		onco_error_set(err, ONCO_EINVALID, "a string that starts here is never closed");
		if (err != NULL)
			err->line = start;
		return NULL;
	}
	r->p++;
	return s;
}

static onco_sexp *read_atom(reader *r, onco_error *err)
{
	const char *start = r->p;
	onco_sexp *s;

	while (r->p < r->end && strchr(" \t\r\n\f();\"", *r->p) == NULL)
		r->p++;
	s = node(ONCO_SEXP_ATOM, r->line);
	if (s == NULL || (s->text = malloc((size_t)(r->p - start) + 1)) == NULL) {
		free(s);
		onco_error_set(err, ONCO_ENOMEM, "out of memory");
		return NULL;
	}
	memcpy(s->text, start, (size_t)(r->p - start));
	s->text[r->p - start] = '\0';
	return s;
}

/* Reads items into `list` until its closing parenthesis (or the end of the
 * text for the top level). */
static int read_items(reader *r, onco_sexp *list, int top, onco_error *err)
{
	for (;;) {
		onco_sexp *item;

		skip_space(r);
		if (r->p >= r->end) {
			if (top)
				return 0;
			onco_error_set(err, ONCO_EINVALID,
				       "a parenthesis opened here is never closed");
			if (err != NULL)
				err->line = list->line;
			return ONCO_EINVALID;
		}
		if (*r->p == ')') {
			if (!top) {
				r->p++;
				return 0;
			}
			onco_error_set(err, ONCO_EINVALID,
				       "a closing parenthesis with no opening one");
			if (err != NULL)
				err->line = r->line;
			return ONCO_EINVALID;
		}
		if (*r->p == '(') {
			int rc;

			item = node(ONCO_SEXP_LIST, r->line);
			if (item == NULL)
				return onco_error_set(err, ONCO_ENOMEM, "out of memory");
			r->p++;
			rc = read_items(r, item, 0, err);
			if (rc != 0) {
				onco_sexp_free(item);
				return rc;
			}
		} else if (*r->p == '"') {
			item = read_string(r, err);
		} else {
			item = read_atom(r, err);
		}
		if (item == NULL)
			return err != NULL ? err->code : ONCO_ENOMEM;
		if (push(list, item) != 0)
			return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	}
}

int onco_sexp_parse(onco_sexp **out, const char *text, size_t length,
		    onco_error *err)
{
	reader r = {text, text + length, 1};
	onco_sexp *top = node(ONCO_SEXP_LIST, 1);
	int rc;

	*out = NULL;
	if (top == NULL)
		return onco_error_set(err, ONCO_ENOMEM, "out of memory");
	rc = read_items(&r, top, 1, err);
	if (rc != 0) {
		onco_sexp_free(top);
		return rc;
	}
	*out = top;
	return 0;
}

const char *onco_sexp_text(const onco_sexp *list, size_t i)
{
	if (list == NULL || list->kind != ONCO_SEXP_LIST || i >= list->count ||
	    list->items[i]->kind == ONCO_SEXP_LIST)
		return NULL;
	return list->items[i]->text;
}

const char *onco_sexp_head(const onco_sexp *s)
{
	if (s == NULL || s->kind != ONCO_SEXP_LIST || s->count == 0 ||
	    s->items[0]->kind != ONCO_SEXP_ATOM)
		return NULL;
	return s->items[0]->text;
}
