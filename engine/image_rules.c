/*
 * image_rules.c: what the engine read from each rule's pretty-print form
 * (onco_rule_info, rule_info.c), written into a compiled image and read
 * back, so that opening an engine from an image does not parse 500 rules
 * again (that parse was a third of a cold `evaluate`; docs/performance.md).
 * CLIPS drops pretty-print forms from a binary image anyway: the image
 * carries the result of reading them instead.
 *
 * Per rule, in this order (image_io.h fields; "opt" strings may be NULL):
 *   file, line, name, opt comment, kind, opt concludes, opt id_pattern, opt value,
 *   opt option, opt modality, opt procedure, opt summary,
 *   agents (count, strings), cites (count, strings),
 *   conditions (count; each: kind, flags, opt name, text),
 *   decls (count; each: slot, values (count; each: type, text)),
 *   flags (decls_literal, has_salience, has_io).
 * A condition's flags: bit 0 negated, bits 1-3 accepts yes, no, unknown.
 *
 * Reading checks every kind and type against its enum (they index tables)
 * and every count against the bytes left, so that a damaged image is
 * refused rather than trusted. What it reads goes into one arena (strings
 * and arrays of every rule), freed at once with the rule base: nine
 * thousand small allocations were most of the cost of reading. From the
 * image built into the program the strings are not even copied: every
 * string of the payload has a NUL after its bytes (image_io.h), and they
 * are used where they are.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "onco_error.h"
#include "private/arena.h"
#include "private/image.h"
#include "private/image_io.h"

/* ------------------------------------------------------------- writing */

static void put_strings(onco_image_writer *w, char *const *s, size_t n)
{
	size_t i;

	onco_image_put_u64(w, n);
	for (i = 0; i < n; i++)
		onco_image_put_str(w, s[i]);
}

static void put_condition(onco_image_writer *w, const onco_condition *c)
{
	onco_image_put_u64(w, (uint64_t)c->kind);
	onco_image_put_u64(w, (uint64_t)((c->negated ? 1 : 0) | (c->accepts[0] ? 2 : 0) |
					 (c->accepts[1] ? 4 : 0) | (c->accepts[2] ? 8 : 0)));
	onco_image_put_opt_str(w, c->name);
	onco_image_put_str(w, c->text);
}

static void put_decl(onco_image_writer *w, const onco_decl *d)
{
	size_t i;

	onco_image_put_str(w, d->slot);
	onco_image_put_u64(w, d->n_values);
	for (i = 0; i < d->n_values; i++) {
		onco_image_put_u64(w, (uint64_t)d->values[i].type);
		onco_image_put_str(w, d->values[i].text);
	}
}

void onco_image_put_rule_info(onco_image_writer *w, const onco_rule_info *info)
{
	size_t i;

	onco_image_put_str(w, info->file);
	onco_image_put_u64(w, (uint64_t)info->line);
	onco_image_put_str(w, info->name);
	onco_image_put_opt_str(w, info->comment);
	onco_image_put_u64(w, (uint64_t)info->kind);
	onco_image_put_opt_str(w, info->concludes);
	onco_image_put_opt_str(w, info->id_pattern);
	onco_image_put_opt_str(w, info->value);
	onco_image_put_opt_str(w, info->option);
	onco_image_put_opt_str(w, info->modality);
	onco_image_put_opt_str(w, info->procedure);
	onco_image_put_opt_str(w, info->summary);
	put_strings(w, info->agents, info->n_agents);
	put_strings(w, info->cites, info->n_cites);
	onco_image_put_u64(w, info->n_conditions);
	for (i = 0; i < info->n_conditions; i++)
		put_condition(w, &info->conditions[i]);
	onco_image_put_u64(w, info->n_decls);
	for (i = 0; i < info->n_decls; i++)
		put_decl(w, &info->decls[i]);
	onco_image_put_u64(w, (uint64_t)((info->decls_literal ? 1 : 0) |
					 (info->has_salience ? 2 : 0) | (info->has_io ? 4 : 0)));
}

/* ------------------------------------------------------------- reading */

/* The reading of one payload: its bytes and the arena every string and
 * array of the rules' info is taken from. */
typedef struct rules_reader {
	onco_image_reader *r;
	onco_arena *memory;
	int borrow; /* strings used where they are in the image */
} rules_reader;

/* The smallest number of bytes one element of a list takes in the image:
 * a count larger than the bytes left divided by it is damage, not a reason
 * to allocate. */
#define STRING_MIN 8
#define CONDITION_MIN (8 + 8 + 8 + 8)
#define DECL_MIN (8 + 8)
#define VALUE_MIN (8 + 8)

/* A count of elements of at least `min` bytes each; ONCO_ERULES when the
 * bytes left cannot hold them. */
static int get_count(rules_reader *rr, size_t min, size_t *n)
{
	uint64_t v = onco_image_get_u64(rr->r);

	if (rr->r->bad || v > onco_image_left(rr->r) / min)
		return ONCO_ERULES;
	*n = (size_t)v;
	return 0;
}

/* An array of `n` zeroed elements from the arena (NULL for none). */
static int new_array(rules_reader *rr, size_t n, size_t size, void **out)
{
	*out = NULL;
	if (n == 0)
		return 0;
	*out = onco_arena_alloc(rr->memory, n * size); /* n is bounded by the image */
	if (*out == NULL)
		return ONCO_ENOMEM;
	memset(*out, 0, n * size);
	return 0;
}

/* The next string (NULL only when `optional` and NULL was written):
 * where it is in the image when borrowing, else copied into the arena.
 * A borrowed string is in memory that may be read-only (the program's
 * own): rule info is never written once read. */
static int get_text(rules_reader *rr, int optional, char **out)
{
	const char *at;
	size_t n;
	int rc = onco_image_get_span(rr->r, optional, &at, &n);

	*out = NULL;
	if (rc != 0 || at == NULL)
		return rc;
	*out = rr->borrow ? (char *)at : onco_arena_strndup(rr->memory, at, n);
	return *out != NULL ? 0 : ONCO_ENOMEM;
}

static int get_strings(rules_reader *rr, char ***out, size_t *count)
{
	size_t n, i;
	int rc = get_count(rr, STRING_MIN, &n);

	if (rc == 0)
		rc = new_array(rr, n, sizeof(**out), (void **)out);
	for (i = 0; i < n && rc == 0; i++)
		rc = get_text(rr, 0, &(*out)[i]);
	if (rc == 0)
		*count = n;
	return rc;
}

static int get_condition(rules_reader *rr, onco_condition *c)
{
	uint64_t kind = onco_image_get_u64(rr->r), flags = onco_image_get_u64(rr->r);
	int rc;

	if (rr->r->bad || kind > ONCO_COND_OTHER || flags > 15)
		return ONCO_ERULES;
	c->kind = (onco_condition_kind)kind;
	c->negated = (flags & 1) != 0;
	c->accepts[0] = (flags & 2) != 0;
	c->accepts[1] = (flags & 4) != 0;
	c->accepts[2] = (flags & 8) != 0;
	rc = get_text(rr, 1, &c->name);
	return rc != 0 ? rc : get_text(rr, 0, &c->text);
}

static int get_conditions(rules_reader *rr, onco_rule_info *info)
{
	size_t n, i;
	int rc = get_count(rr, CONDITION_MIN, &n);

	if (rc == 0)
		rc = new_array(rr, n, sizeof(*info->conditions), (void **)&info->conditions);
	for (i = 0; i < n && rc == 0; i++)
		rc = get_condition(rr, &info->conditions[i]);
	if (rc == 0)
		info->n_conditions = n;
	return rc;
}

static int get_decl(rules_reader *rr, onco_decl *d)
{
	size_t n = 0, i;
	int rc = get_text(rr, 0, &d->slot);

	if (rc == 0)
		rc = get_count(rr, VALUE_MIN, &n);
	if (rc == 0)
		rc = new_array(rr, n, sizeof(*d->values), (void **)&d->values);
	for (i = 0; i < n && rc == 0; i++) {
		uint64_t type = onco_image_get_u64(rr->r);

		if (rr->r->bad || type > ONCO_DECL_FLOAT)
			return ONCO_ERULES;
		d->values[i].type = (onco_decl_type)type;
		rc = get_text(rr, 0, &d->values[i].text);
	}
	if (rc == 0)
		d->n_values = n;
	return rc;
}

static int get_decls(rules_reader *rr, onco_rule_info *info)
{
	size_t n, i;
	int rc = get_count(rr, DECL_MIN, &n);

	if (rc == 0)
		rc = new_array(rr, n, sizeof(*info->decls), (void **)&info->decls);
	for (i = 0; i < n && rc == 0; i++)
		rc = get_decl(rr, &info->decls[i]);
	if (rc == 0)
		info->n_decls = n;
	return rc;
}

/* The optional strings of a rule, in the order they are written. */
static int get_conclusion(rules_reader *rr, onco_rule_info *info)
{
	char **fields[] = {&info->concludes, &info->id_pattern, &info->value,
			   &info->option,    &info->modality,   &info->procedure,
			   &info->summary};
	size_t i;
	int rc = 0;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]) && rc == 0; i++)
		rc = get_text(rr, 1, fields[i]);
	return rc;
}

int onco_image_get_rule_name(onco_image_reader *r, onco_arena *memory, int borrow,
			     char **name)
{
	rules_reader rr = {r, memory, borrow};

	return get_text(&rr, 0, name);
}

int onco_image_get_rule_info(onco_image_reader *r, onco_arena *memory, int borrow,
			     onco_rule_info *out)
{
	rules_reader rr = {r, memory, borrow};
	uint64_t kind, flags;
	int rc;

	memset(out, 0, sizeof(*out));
	rc = get_text(&rr, 0, &out->file);
	if (rc == 0) {
		uint64_t line = onco_image_get_u64(r);

		rc = r->bad || line > LONG_MAX ? ONCO_ERULES : 0;
		out->line = (long)line;
	}
	if (rc == 0)
		rc = get_text(&rr, 0, &out->name);
	if (rc == 0)
		rc = get_text(&rr, 1, &out->comment);
	if (rc == 0) {
		/* ONCO_RULE_LEAD is the last kind: rule_info.h */
		kind = onco_image_get_u64(r);
		rc = r->bad || kind > ONCO_RULE_LEAD ? ONCO_ERULES : 0;
		out->kind = (onco_rule_kind)kind;
	}
	if (rc == 0)
		rc = get_conclusion(&rr, out);
	if (rc == 0)
		rc = get_strings(&rr, &out->agents, &out->n_agents);
	if (rc == 0)
		rc = get_strings(&rr, &out->cites, &out->n_cites);
	if (rc == 0)
		rc = get_conditions(&rr, out);
	if (rc == 0)
		rc = get_decls(&rr, out);
	if (rc == 0) {
		flags = onco_image_get_u64(r);
		rc = r->bad || flags > 7 ? ONCO_ERULES : 0;
		out->decls_literal = (flags & 1) != 0;
		out->has_salience = (flags & 2) != 0;
		out->has_io = (flags & 4) != 0;
	}
	return rc;
}
