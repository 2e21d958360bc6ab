/* sexpr.c: reading CLIPS text into a tree (see sexpr.h). */
#include "sexpr.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "onco_error.h"

typedef struct reader {
	const char *text;
	size_t length;
	size_t pos;
	long line;
	size_t line_start; /* offset of the current line's first byte */
	onco_arena memory; /* the tree's memory so far */
} reader;

/* `size` bytes of the tree's memory, aligned for any type; NULL when
 * memory runs out. Freed all at once with the tree. */
static void *tree_alloc(reader *r, size_t size)
{
	return onco_arena_alloc(&r->memory, size);
}

/* A node starting at the reader's position. */
static onco_sx *node_new(onco_sx_type type, reader *r)
{
	onco_sx *n = tree_alloc(r, sizeof(*n));

	if (n != NULL) {
		memset(n, 0, sizeof(*n));
		n->type = type;
		n->line = r->line;
		n->col = (long)(r->pos - r->line_start) + 1;
	}
	return n;
}

void onco_sx_free(onco_sx *root)
{
	onco_arena memory;

	if (root == NULL)
		return;
	memory = root->memory; /* the root itself lives in it */
	onco_arena_free(&memory);
}

static int list_push(reader *r, onco_sx *list, onco_sx *item)
{
	onco_sx **grown;

	/* Grow by doubling: capacity is the next power of two of n_items (the
	 * old array stays in the tree's memory, unused). */
	if (list->n_items >= 4 && (list->n_items & (list->n_items - 1)) == 0) {
		grown = tree_alloc(r, list->n_items * 2 * sizeof(*grown));
		if (grown == NULL)
			return ONCO_ENOMEM;
		memcpy(grown, list->items, list->n_items * sizeof(*grown));
		list->items = grown;
	} else if (list->n_items == 0) {
		list->items = tree_alloc(r, 4 * sizeof(*list->items));
		if (list->items == NULL)
			return ONCO_ENOMEM;
	}
	list->items[list->n_items++] = item;
	return 0;
}

static void skip_space(reader *r)
{
	while (r->pos < r->length) {
		char c = r->text[r->pos];
		if (c == '\n') {
			r->line++;
			r->pos++;
			r->line_start = r->pos;
		} else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
			r->pos++;
		} else if (c == ';') {
			while (r->pos < r->length && r->text[r->pos] != '\n')
				r->pos++;
		} else {
			break;
		}
	}
}

static int read_string(reader *r, onco_sx **out)
{
	onco_sx *n = node_new(ONCO_SX_STRING, r);
	size_t start = ++r->pos, k = 0;
	char *s;

	if (n == NULL)
		return ONCO_ENOMEM;
	/* Contents are at most as long as the raw text up to the closing quote. */
	while (r->pos < r->length && r->text[r->pos] != '"') {
		if (r->text[r->pos] == '\\' && r->pos + 1 < r->length)
			r->pos++;
		if (r->text[r->pos] == '\n') {
			r->line++;
			r->line_start = r->pos + 1;
		}
		r->pos++;
	}
	if (r->pos >= r->length)
		return ONCO_EINVALID;
	s = tree_alloc(r, r->pos - start + 1);
	if (s == NULL)
		return ONCO_ENOMEM;
	for (size_t i = start; i < r->pos; i++) {
		if (r->text[i] == '\\' && i + 1 < r->pos)
			i++;
		s[k++] = r->text[i];
	}
	s[k] = '\0';
	r->pos++; /* closing quote */
	n->text = s;
	*out = n;
	return 0;
}

static int read_atom(reader *r, onco_sx **out)
{
	onco_sx *n = node_new(ONCO_SX_ATOM, r);
	size_t start = r->pos;

	if (n == NULL)
		return ONCO_ENOMEM;
	while (r->pos < r->length) {
		char c = r->text[r->pos];
		if (c == '(' || c == ')' || c == '"' || c == ';' || c == ' ' ||
		    c == '\t' || c == '\n' || c == '\r' || c == '\f')
			break;
		r->pos++;
	}
	n->text = tree_alloc(r, r->pos - start + 1);
	if (n->text == NULL)
		return ONCO_ENOMEM;
	memcpy(n->text, r->text + start, r->pos - start);
	n->text[r->pos - start] = '\0';
	*out = n;
	return 0;
}

/* Reads items into `list` until a ')' (when nested) or the end of text. */
static int read_items(reader *r, onco_sx *list, int nested, int depth)
{
	int rc;

	if (depth > ONCO_SX_MAX_DEPTH)
		return ONCO_ELIMIT;
	for (;;) {
		onco_sx *item = NULL;

		skip_space(r);
		if (r->pos >= r->length)
			return nested ? ONCO_EINVALID : 0;
		if (r->text[r->pos] == ')') {
			if (!nested)
				return ONCO_EINVALID;
			r->pos++;
			return 0;
		}
		if (r->text[r->pos] == '(') {
			item = node_new(ONCO_SX_LIST, r);
			if (item == NULL)
				return ONCO_ENOMEM;
			r->pos++;
			rc = read_items(r, item, 1, depth + 1);
		} else if (r->text[r->pos] == '"') {
			rc = read_string(r, &item);
		} else {
			rc = read_atom(r, &item);
		}
		if (rc == 0 && (rc = list_push(r, list, item)) == 0)
			continue;
		return rc; /* the tree's memory is freed with it */
	}
}

int onco_sx_read(onco_sx **out, const char *text, size_t length, long *error_line)
{
	reader r = {text, length, 0, 1, 0, {NULL}};
	onco_sx *root;
	int rc;

	*out = NULL;
	root = node_new(ONCO_SX_LIST, &r);
	if (root == NULL)
		return ONCO_ENOMEM;
	rc = read_items(&r, root, 0, 0);
	if (rc != 0) {
		if (error_line != NULL)
			*error_line = r.line;
		onco_arena_free(&r.memory);
		return rc;
	}
	root->memory = r.memory;
	*out = root;
	return 0;
}

const char *onco_sx_atom(const onco_sx *list, size_t i)
{
	if (list == NULL || list->type != ONCO_SX_LIST || i >= list->n_items ||
	    list->items[i]->type != ONCO_SX_ATOM)
		return NULL;
	return list->items[i]->text;
}

const onco_sx *onco_sx_slot(const onco_sx *pattern, const char *slot)
{
	size_t i;

	if (pattern == NULL || pattern->type != ONCO_SX_LIST)
		return NULL;
	for (i = 1; i < pattern->n_items; i++) {
		const char *name = onco_sx_atom(pattern->items[i], 0);
		if (name != NULL && strcmp(name, slot) == 0)
			return pattern->items[i];
	}
	return NULL;
}

typedef struct buffer {
	char *data;
	size_t length, capacity;
	int failed;
} buffer;

static void buf_add(buffer *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->length + n + 1 > b->capacity) {
		size_t cap = (b->capacity ? b->capacity : 64);
		char *grown;
		while (cap < b->length + n + 1)
			cap *= 2;
		grown = realloc(b->data, cap);
		if (grown == NULL) {
			b->failed = 1;
			return;
		}
		b->data = grown;
		b->capacity = cap;
	}
	memcpy(b->data + b->length, s, n);
	b->length += n;
	b->data[b->length] = '\0';
}

static void write_node(buffer *b, const onco_sx *n)
{
	size_t i;

	if (n->type == ONCO_SX_ATOM) {
		buf_add(b, n->text, strlen(n->text));
	} else if (n->type == ONCO_SX_STRING) {
		buf_add(b, "\"", 1);
		for (const char *p = n->text; *p; p++) {
			if (*p == '"' || *p == '\\')
				buf_add(b, "\\", 1);
			buf_add(b, p, 1);
		}
		buf_add(b, "\"", 1);
	} else {
		buf_add(b, "(", 1);
		for (i = 0; i < n->n_items; i++) {
			if (i > 0)
				buf_add(b, " ", 1);
			write_node(b, n->items[i]);
		}
		buf_add(b, ")", 1);
	}
}

char *onco_sx_text(const onco_sx *node)
{
	buffer b = {0};

	write_node(&b, node);
	if (b.failed) {
		free(b.data);
		return NULL;
	}
	return b.data;
}
