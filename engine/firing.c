/*
 * firing.c: what one firing of a rule matched and bound, for `explain`.
 *
 * A conclusion's `basis` slot holds the facts its firing matched (basis.c),
 * but not which condition matched which, nor what the variables were bound
 * to: a gate tests (scope (guideline ?g)) and cites `$?c` from its
 * gate-cite row, so its text alone says neither the guideline nor the
 * passages. Here each positive pattern of the rule, in rule order, is
 * matched against those facts (template, literal constraints, and the
 * variables bound by the patterns before it), and the variables that stand
 * alone in a slot are read off the fact it matched. A condition that is
 * not a plain pattern (not, or, and, test) matches no fact here; the rule
 * fired, so it held all the same.
 */
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/collect.h"
#include "private/json_out.h"
#include "sexpr.h"

typedef struct binding {
	char *name;  /* ?x or $?x, as written */
	char *value; /* its value as text, the values of a multifield joined by spaces */
} binding;

struct onco_firing {
	onco_engine *engine;
	void **basis;
	size_t n_basis;
	binding *bound;
	size_t n_bound, cap_bound;
};

int onco_firing_open(onco_firing **out, onco_engine *engine, void *conclusion)
{
	onco_firing *f = calloc(1, sizeof(*f));
	size_t i, n = onco_fact_multi_count(engine->env, conclusion, "basis");

	*out = NULL;
	if (f == NULL || (n > 0 && (f->basis = calloc(n, sizeof(*f->basis))) == NULL)) {
		free(f);
		return ONCO_ENOMEM;
	}
	f->engine = engine;
	for (i = 0; i < n; i++) {
		int type;
		void *value;

		if (onco_fact_multi(engine->env, conclusion, "basis", i, &type, &value) &&
		    type == FACT_ADDRESS)
			f->basis[f->n_basis++] = value;
	}
	*out = f;
	return 0;
}

void onco_firing_free(onco_firing *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n_bound; i++) {
		free(f->bound[i].name);
		free(f->bound[i].value);
	}
	free(f->bound);
	free(f->basis);
	free(f);
}

static const char *bound_value(const onco_firing *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n_bound; i++)
		if (strcmp(f->bound[i].name, name) == 0)
			return f->bound[i].value;
	return NULL;
}

/* The variable a slot constraint binds, ?x or $?x, written alone or
 * followed by constraints on it (?grade&:(>= ?grade 3), read as several
 * items), copied into `name`; 0 when the slot is something else. */
static int slot_variable(const onco_sx *slot, char *name, size_t size)
{
	const onco_sx *t = slot->n_items >= 2 ? slot->items[1] : NULL;
	const char *s = t != NULL && t->type == ONCO_SX_ATOM ? t->text : NULL;
	size_t i, n;

	if (s == NULL)
		return 0;
	n = strcspn(s, "&");
	if (n >= size || strpbrk(s, "|=") != NULL)
		return 0;
	memcpy(name, s, n);
	name[n] = '\0';
	s = name[0] == '$' ? name + 1 : name;
	if (s[0] != '?' || s[1] == '\0' || strpbrk(s + 1, "?$:~") != NULL)
		return 0;
	for (i = 2; i < slot->n_items; i++)
		if (slot->items[i]->type != ONCO_SX_LIST &&
		    strchr("&:|=", slot->items[i]->text[0]) == NULL)
			return 0;
	return 1;
}

/* Whether the slot holds a constraint this reader does not judge: a
 * predicate or return-value call (:, =), or a connective (&). */
static int slot_unjudged(const onco_sx *slot)
{
	size_t i;

	for (i = 1; i < slot->n_items; i++)
		if (slot->items[i]->type == ONCO_SX_LIST ||
		    (slot->items[i]->type == ONCO_SX_ATOM && strpbrk(slot->items[i]->text, "&:=") != NULL))
			return 1;
	return 0;
}

static int is_wildcard(const onco_sx *t)
{
	return t->type == ONCO_SX_ATOM && (t->text[0] == '?' || t->text[0] == '$');
}

/* Whether the literal constraint `c` (a, a|b, ~a, or a string) accepts the
 * value `v`. One this reader cannot judge (&, predicate or return-value
 * constraints) accepts: the rule fired, the basis fact met it. */
static int literal_accepts(const onco_sx *c, const char *v)
{
	const char *p = c->text;

	if (c->type == ONCO_SX_STRING)
		return strcmp(p, v) == 0;
	if (c->type == ONCO_SX_LIST || strpbrk(p, "&:=(") != NULL)
		return 1;
	while (*p != '\0') {
		size_t len = strcspn(p, "|");
		int negate = *p == '~';
		const char *alt = p + negate;
		size_t n = len - (size_t)negate;
		int equal = strlen(v) == n && strncmp(alt, v, n) == 0;

		if (equal != negate)
			return 1;
		p += len;
		if (*p == '|')
			p++;
	}
	return 0;
}

/* The text of value `i` (from 1) of a multifield, or of a single field. */
static void value_text(const struct field *v, long i, char *buf, size_t size)
{
	if (v->type == MULTIFIELD && i > GetMFLength(v->value))
		buf[0] = '\0';
	else if (v->type == MULTIFIELD)
		onco_value_text(GetMFType(v->value, i), GetMFValue(v->value, i), buf, size);
	else
		onco_value_text(v->type, v->value, buf, size);
}

/* The whole value of a slot as text, multifield values joined by spaces;
 * NULL when memory runs out. */
static char *slot_text(const struct field *v)
{
	char item[512], *out;
	long i, n = v->type == MULTIFIELD ? GetMFLength(v->value) : 1;
	size_t used = 0, size = 1;

	for (i = 1; i <= n; i++) {
		value_text(v, i, item, sizeof(item));
		size += strlen(item) + 1;
	}
	if ((out = malloc(size)) == NULL)
		return NULL;
	out[0] = '\0';
	for (i = 1; i <= n; i++) {
		value_text(v, i, item, sizeof(item));
		used += (size_t)snprintf(out + used, size - used, "%s%s", i > 1 ? " " : "", item);
	}
	return out;
}

/* Terms items[k..] of a multislot constraint against values [i..n] of `v`:
 * $?x spans any run, ?x one value, a literal one value it accepts. */
static int sequence_matches(const onco_sx *slot, size_t k, const struct field *v, long i, long n)
{
	char text[512];
	const onco_sx *t;
	long j;

	if (k == slot->n_items)
		return i > n;
	t = slot->items[k];
	if (t->type == ONCO_SX_ATOM && t->text[0] == '$') {
		for (j = i; j <= n + 1; j++)
			if (sequence_matches(slot, k + 1, v, j, n))
				return 1;
		return 0;
	}
	if (i > n)
		return 0;
	value_text(v, i, text, sizeof(text));
	if (!is_wildcard(t) && !literal_accepts(t, text))
		return 0;
	return sequence_matches(slot, k + 1, v, i + 1, n);
}

/* Whether slot constraint `slot`, (name term...), holds for `fact`, with
 * the variables bound so far. What it cannot judge holds: the rule fired,
 * and the basis fact met it. */
static int slot_matches(const onco_firing *f, const onco_sx *slot, void *fact)
{
	const struct field *v;
	const char *name = onco_sx_atom(slot, 0), *was;
	char text[512], variable[128];

	if (name == NULL || (v = onco_fact_field(fact, name)) == NULL)
		return 0;
	if (slot_variable(slot, variable, sizeof(variable))) {
		char *whole;
		int same;

		if ((was = bound_value(f, variable)) == NULL)
			return 1;
		if ((whole = slot_text(v)) == NULL)
			return 1; /* cannot tell: not a reason to say it did not match */
		same = strcmp(whole, was) == 0;
		free(whole);
		return same;
	}
	if (slot_unjudged(slot))
		return 1;
	if (v->type == MULTIFIELD)
		return sequence_matches(slot, 1, v, 1, GetMFLength(v->value));
	if (slot->n_items != 2)
		return 0;
	if (is_wildcard(slot->items[1]))
		return 1;
	value_text(v, 1, text, sizeof(text));
	return literal_accepts(slot->items[1], text);
}

static int pattern_matches(const onco_firing *f, const onco_sx *pattern, void *fact)
{
	const char *tmpl = onco_sx_atom(pattern, 0);
	size_t i;

	if (tmpl == NULL || strcmp(tmpl, onco_fact_template(f->engine->env, fact)) != 0)
		return 0;
	for (i = 1; i < pattern->n_items; i++)
		if (pattern->items[i]->type != ONCO_SX_LIST ||
		    !slot_matches(f, pattern->items[i], fact))
			return 0;
	return 1;
}

/* Records the variables standing alone in a slot of `pattern` with their
 * values in `fact`, and adds them to `out`: a string, or an array for a
 * multislot. */
static int bind(onco_firing *f, const onco_sx *pattern, void *fact, cJSON *out)
{
	size_t i;
	long k;

	for (i = 1; i < pattern->n_items; i++) {
		const onco_sx *slot = pattern->items[i];
		const struct field *v = onco_fact_field(fact, onco_sx_atom(slot, 0));
		char text[512], name[128];
		cJSON *value;

		if (v == NULL || !slot_variable(slot, name, sizeof(name)))
			continue;
		if (bound_value(f, name) == NULL) {
			binding *b;

			if (onco_grow((void **)&f->bound, &f->cap_bound, f->n_bound + 1,
				      sizeof(*f->bound)) != 0)
				return ONCO_ENOMEM;
			b = &f->bound[f->n_bound];
			b->name = onco_strdup(name);
			b->value = slot_text(v);
			f->n_bound++;
			if (b->name == NULL || b->value == NULL)
				return ONCO_ENOMEM;
		}
		if (cJSON_GetObjectItemCaseSensitive(out, name) != NULL)
			continue;
		/* ?x binds one value, in a multislot too: $?x the sequence */
		if (v->type == MULTIFIELD && name[0] == '$') {
			value = cJSON_CreateArray();
			for (k = 1; value != NULL && k <= GetMFLength(v->value); k++) {
				value_text(v, k, text, sizeof(text));
				if (onco_json_append(value, cJSON_CreateString(text)) != 0) {
					cJSON_Delete(value);
					value = NULL;
				}
			}
		} else {
			value_text(v, 1, text, sizeof(text));
			value = cJSON_CreateString(text);
		}
		if (value == NULL || !cJSON_AddItemToObject(out, name, value)) {
			cJSON_Delete(value);
			return ONCO_ENOMEM;
		}
	}
	return 0;
}

int onco_firing_match(onco_firing *f, const onco_condition *c, void **fact, cJSON *bound)
{
	onco_sx *root = NULL;
	const onco_sx *pattern;
	size_t i;
	int rc;

	*fact = NULL;
	if (c->negated || c->text == NULL)
		return 0;
	rc = onco_sx_read(&root, c->text, strlen(c->text), NULL);
	if (rc != 0)
		return rc == ONCO_ENOMEM ? rc : 0;
	pattern = root->n_items == 1 ? root->items[0] : NULL;
	/* (or ...), (and ...), (test ...) name no template: they match no fact */
	if (pattern != NULL && pattern->type == ONCO_SX_LIST)
		for (i = 0; i < f->n_basis && *fact == NULL; i++)
			if (pattern_matches(f, pattern, f->basis[i]))
				*fact = f->basis[i];
	if (*fact != NULL)
		rc = bind(f, pattern, *fact, bound);
	onco_sx_free(root);
	return rc;
}
