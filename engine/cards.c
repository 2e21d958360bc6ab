/*
 * cards.c: the decision cards of a result (docs/output-format.md, "Cards"):
 * what the rules concluded, grouped the way a tumour board decides. Built
 * once here; the text and other views only render it.
 *
 * Order: the status card (guideline, who the patient is, her wishes and
 * fitness, the intent of the options, notes about her situation as a
 * whole); a card holding an option a gate puts first (a `lead` mark),
 * and, when she declines or cannot have
 * treatment, supportive care, with every other option card collapsed; the
 * rule base's cards (`card-def`) in kind order; safety, one card per drug;
 * ruled out, grouped by reason; missing facts, most consequential first;
 * notes. An option that names no card (an older rule base, a user's --kb)
 * goes on a card derived from its modality, so nothing is ever lost. Every
 * recommendation, possible option, warning and exclusion is on exactly one
 * card; an option card lists the preferred option first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private/collect.h"
#include "private/json_out.h"
#include "private/sort.h"

enum { L_OPTIONS, L_POSSIBLE, L_WARNINGS, L_EXCLUSIONS, L_MISSING, L_NOTES, L_COUNT };

static const char *const list_keys[L_COUNT] = {"options", "possible", "warnings",
					       "exclusions", "missing", "notes"};
/* The members of the result document the cards read: the lists they hold
 * the items of (by L_*), then its guidelines. */
enum { D_GUIDELINES = L_COUNT, D_COUNT };
static const char *const doc_keys[D_COUNT] = {"recommendations", "possible", "warnings",
					      "exclusions", "missing_information", "notes",
					      "guidelines"};

/* Card kinds in the order cards are shown, with the title of a card the
 * engine makes for that kind. */
static const struct {
	const char *kind;
	const char *title;
} kinds[] = {
	{"status", "Status"},
	{"curative-local", "Curative-intent local treatment"},
	{"local", "Local treatment"},
	{"systemic", "Systemic therapy"},
	{"later-line", "Later lines"},
	{"symptom-control", "Symptom control"},
	{"supportive-care", "Supportive care"},
	{"clinical-trial", "Clinical trials"},
	{"safety", "Safety"},
	{"ruled-out", "Ruled out"},
	{"missing", "Missing information"},
	{"notes", "Notes"},
};
#define N_KINDS (sizeof(kinds) / sizeof(kinds[0]))
#define FIRST_ENGINE_KIND 8 /* safety and after: not option cards */

/* The card an option goes on when it names none, by modality: local
 * treatment by its intent (curative: curative-local; palliative: symptom
 * control; else local), the others by kind. */
static const struct {
	const char *modality;
	const char *kind; /* NULL: local treatment, by intent */
} modalities[] = {
	{"surgery", NULL},
	{"chemoradiation", NULL},
	{"radiation", NULL},
	{"brachytherapy", NULL},
	{"chemotherapy", "systemic"},
	{"targeted", "systemic"},
	{"immunotherapy", "systemic"},
	{"hormonal", "systemic"},
	{"ovarian-suppression", "systemic"},
	{"bone-targeted", "symptom-control"},
	{"supportive-care", "supportive-care"},
	{"clinical-trial", "clinical-trial"},
};
#define N_MODALITIES (sizeof(modalities) / sizeof(modalities[0]))

static const char *const roles[] = {"main", "backbone", "add-on"};
static const char *const severities[] = {"critical", "serious", "caution", "info"};
static const char *const intents[] = {"curative", "disease-control", "palliative"};

/* The members of a result item the cards read. */
enum { M_ID, M_CARD, M_INTENT, M_MODALITY, M_ROLE, M_LEAD, M_PREFERRED, M_CANCER_DIRECTED,
       M_OPTION, M_AGENT, M_SEVERITY, M_FIELD, M_REASON, M_RULE, M_IF, M_EVIDENCE, M_COUNT };

static const char *const member_keys[M_COUNT] = {
	"id",	 "card",  "intent",   "modality", "role",   "lead", "preferred", "cancer_directed",
	"option", "agent", "severity", "field",    "reason", "rule", "if",	  "evidence"};

/* An item of the result's lists (a recommendation, a warning, ...) with
 * its members read once: an item has up to twenty-odd members, and looking
 * one up walks them, so a look-up per use (a dozen per item, more while
 * sorting) cost more than the rest of the cards. */
typedef struct list_item {
	const cJSON *member[M_COUNT]; /* NULL when absent */
	size_t role, modality, severity; /* ranks in roles[], modalities[], severities[] */
} list_item;

typedef struct card {
	char *id; /* owned */
	const char *kind;
	const char *title;
	const char *guideline; /* NULL for cards the engine makes */
	const char *agent;     /* a safety card's drug */
	long order;
	size_t rank; /* index of its kind in kinds[] */
	int derived; /* made from the modality of options that name no card */
	int raised;  /* comes right after the status card */
	int collapsed;
	const char *lead;
	const onco_card_def *def; /* the card-def it was last given, or NULL */
	const list_item **items[L_COUNT];
	size_t n[L_COUNT], cap[L_COUNT];
} card;

typedef struct deck {
	card *cards;
	size_t n, cap;
} deck;

/* Whether two short texts are equal. The cards compare a few hundred
 * member names, kinds and modalities per case, most of them a few letters
 * long: written inline, such a comparison costs a few instructions where a
 * call of strcmp (through the PLT) cost more than the comparing. Long
 * texts that share a long start (ids, sources) go to strcmp, which
 * compares many bytes at a time. */
static inline int same(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* The member `key` of an object, as cJSON_GetObjectItemCaseSensitive finds
 * it (the first of that name), compared with same(). */
static const cJSON *get(const cJSON *o, const char *key)
{
	const cJSON *m;

	for (m = o != NULL ? o->child : NULL; m != NULL; m = m->next)
		if (m->string != NULL && same(m->string, key))
			return m;
	return NULL;
}

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = get(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const char *str_or(const cJSON *o, const char *key, const char *otherwise)
{
	const char *s = str(o, key);

	return s != NULL ? s : otherwise;
}

/* A string member of an item, or NULL (absent, or not a string). */
static const char *member(const list_item *it, int key)
{
	const cJSON *v = it->member[key];

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const char *member_or(const list_item *it, int key, const char *otherwise)
{
	const char *s = member(it, key);

	return s != NULL ? s : otherwise;
}

static size_t index_of(const char *s, const char *const *list, size_t n)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++)
		if (same(s, list[i]))
			return i;
	return n;
}

static size_t kind_rank(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL && i < N_KINDS; i++)
		if (same(kinds[i].kind, kind))
			return i;
	return FIRST_ENGINE_KIND - 1; /* a kind this engine does not know: last option card */
}

static size_t modality_rank(const char *modality)
{
	size_t i;

	for (i = 0; modality != NULL && i < N_MODALITIES; i++)
		if (same(modalities[i].modality, modality))
			return i;
	return N_MODALITIES;
}

/* Reads the members of `json` into `it`: one walk over them; the first of
 * a key counts, as with cJSON_GetObjectItemCaseSensitive. The first two
 * letters (every key has two) rule out most keys without a call. */
static void item_read(list_item *it, const cJSON *json)
{
	const cJSON *m;
	size_t k;

	memset(it, 0, sizeof(*it));
	for (m = json != NULL ? json->child : NULL; m != NULL && m->string != NULL; m = m->next)
		for (k = 0; k < M_COUNT; k++)
			if (m->string[0] == member_keys[k][0] &&
			    m->string[1] == member_keys[k][1] &&
			    strcmp(m->string + 2, member_keys[k] + 2) == 0) {
				if (it->member[k] == NULL)
					it->member[k] = m;
				break;
			}
	it->role = index_of(member(it, M_ROLE), roles, 3);
	it->modality = modality_rank(member(it, M_MODALITY));
	it->severity = index_of(member(it, M_SEVERITY), severities, 4);
}

static void deck_release(deck *d)
{
	size_t i, l;

	for (i = 0; i < d->n; i++) {
		free(d->cards[i].id);
		for (l = 0; l < L_COUNT; l++)
			free(d->cards[i].items[l]);
	}
	free(d->cards);
	d->cards = NULL;
	d->n = d->cap = 0;
}

/* The card with this id, made (empty) when absent; NULL when memory runs
 * out. */
static card *deck_card(deck *d, const char *id, const char *kind, const char *title)
{
	card *c;
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->cards[i].id, id) == 0)
			return &d->cards[i];
	if (onco_grow((void **)&d->cards, &d->cap, d->n + 1, sizeof(*d->cards)) != 0)
		return NULL;
	c = &d->cards[d->n];
	memset(c, 0, sizeof(*c));
	c->id = onco_strdup(id);
	if (c->id == NULL)
		return NULL;
	d->n++;
	c->kind = kind;
	c->title = title;
	c->rank = kind_rank(kind);
	return c;
}

static int card_add(card *c, int list, const list_item *it)
{
	if (onco_grow((void **)&c->items[list], &c->cap[list], c->n[list] + 1,
		      sizeof(*c->items[list])) != 0)
		return ONCO_ENOMEM;
	c->items[list][c->n[list]++] = it;
	return 0;
}

/* ------------------------------------------------------------ placing */

/* The card of an option: the card-def it names, else one derived from its
 * modality. */
static card *option_card(onco_engine *engine, deck *d, const list_item *option)
{
	const onco_card_def *def = onco_kb_card_def(&engine->kb, member(option, M_CARD));
	const char *kind, *intent = member_or(option, M_INTENT, "");
	size_t m = option->modality, i;
	char id[64];
	card *c;

	if (def != NULL) {
		/* the card given this definition: most options of a card
		 * follow one another, and the pointer spares comparing ids */
		for (i = 0; i < d->n; i++)
			if (d->cards[i].def == def)
				return &d->cards[i];
		c = deck_card(d, def->id, def->kind, def->title);
		if (c != NULL) {
			c->def = def;
			c->guideline = def->guideline;
			c->order = def->order;
		}
		return c;
	}
	kind = m < N_MODALITIES ? modalities[m].kind : "systemic";
	if (kind == NULL)
		kind = same(intent, "curative")	      ? "curative-local"
		       : same(intent, "palliative") ? "symptom-control"
							   : "local";
	snprintf(id, sizeof(id), "derived-%s", kind);
	c = deck_card(d, id, kind, kinds[kind_rank(kind)].title);
	if (c != NULL)
		c->derived = 1;
	return c;
}

/* The card an option with this id is on, or NULL. */
static card *card_of_option(deck *d, const char *id)
{
	size_t i, j;
	int l;

	for (i = 0; id != NULL && i < d->n; i++)
		for (l = L_OPTIONS; l <= L_POSSIBLE; l++)
			for (j = 0; j < d->cards[i].n[l]; j++)
				if (strcmp(member_or(d->cards[i].items[l][j], M_ID, ""), id) == 0)
					return &d->cards[i];
	return NULL;
}

/* A warning about an option on a card goes on that card; the others on
 * the safety card of their drug, or on a card of other warnings. */
static int place_warning(deck *d, const list_item *warning)
{
	card *c = card_of_option(d, member(warning, M_OPTION));
	const char *agent = member(warning, M_AGENT);
	char id[96];

	if (c == NULL && agent != NULL) {
		snprintf(id, sizeof(id), "safety-%s", agent);
		c = deck_card(d, id, "safety", agent);
		if (c != NULL)
			c->agent = agent;
	} else if (c == NULL) {
		c = deck_card(d, "safety", "safety", "Other warnings");
	}
	return c != NULL ? card_add(c, L_WARNINGS, warning) : ONCO_ENOMEM;
}

/* The items of the result's lists, by L_*, read once, and its
 * guidelines. */
typedef struct lists {
	list_item *items[L_COUNT]; /* items[0] owns the memory of all */
	size_t n[L_COUNT];
	const cJSON *guidelines;
} lists;

static int lists_read(lists *ls, const cJSON *doc)
{
	const cJSON *array[D_COUNT] = {NULL}, *json;
	size_t total = 0, i;
	int l;

	memset(ls, 0, sizeof(*ls));
	/* one walk over the document's members; the first of a name counts */
	for (json = doc != NULL ? doc->child : NULL; json != NULL; json = json->next)
		for (l = 0; l < D_COUNT && json->string != NULL; l++)
			if (same(json->string, doc_keys[l])) {
				if (array[l] == NULL)
					array[l] = json;
				break;
			}
	ls->guidelines = array[D_GUIDELINES];
	for (l = 0; l < L_COUNT; l++) {
		ls->n[l] = (size_t)cJSON_GetArraySize(array[l]);
		total += ls->n[l];
	}
	if (total == 0)
		return 0;
	ls->items[0] = malloc(total * sizeof(*ls->items[0]));
	if (ls->items[0] == NULL)
		return ONCO_ENOMEM;
	for (l = 0; l < L_COUNT; l++) {
		if (l > 0)
			ls->items[l] = ls->items[l - 1] + ls->n[l - 1];
		i = 0;
		cJSON_ArrayForEach(json, array[l])
			item_read(&ls->items[l][i++], json);
	}
	return 0;
}

/* Puts every item of the document on its card; a note that declares
 * `card status` on the status card's items. */
static int place_items(onco_engine *engine, deck *d, card *status, const lists *ls)
{
	static const char *const engine_cards[] = {"ruled-out", "missing", "notes"};
	size_t i;
	int rc = 0, l;

	for (l = L_OPTIONS; l <= L_POSSIBLE; l++)
		for (i = 0; i < ls->n[l]; i++) {
			card *c = option_card(engine, d, &ls->items[l][i]);

			if (c == NULL || (rc = card_add(c, l, &ls->items[l][i])) != 0)
				return ONCO_ENOMEM;
		}
	for (i = 0; i < ls->n[L_WARNINGS]; i++)
		if ((rc = place_warning(d, &ls->items[L_WARNINGS][i])) != 0)
			return rc;
	/* exclusions, missing facts and notes: each list on its card */
	for (l = L_EXCLUSIONS; l <= L_NOTES; l++) {
		const char *name = engine_cards[l - L_EXCLUSIONS];
		card *list_card = NULL; /* found once: the deck does not grow meanwhile */

		for (i = 0; i < ls->n[l]; i++) {
			const list_item *it = &ls->items[l][i];
			card *c = status;

			if (l != L_NOTES || !same(member_or(it, M_CARD, ""), "status")) {
				if (list_card == NULL)
					list_card = deck_card(d, name, name, kinds[kind_rank(name)].title);
				c = list_card;
			}
			if (c == NULL || (rc = card_add(c, l, it)) != 0)
				return ONCO_ENOMEM;
		}
	}
	return 0;
}

/* ------------------------------------------------------------ ordering */

/* Options: the one a gate puts first, the preferred, then by role (main,
 * backbone, add-on), modality, id. */
static int compare_options(const void *a, const void *b)
{
	const list_item *x = *(const list_item *const *)a, *y = *(const list_item *const *)b;
	int lx = member(x, M_LEAD) != NULL, ly = member(y, M_LEAD) != NULL;
	int px = cJSON_IsTrue(x->member[M_PREFERRED]), py = cJSON_IsTrue(y->member[M_PREFERRED]);

	if (lx != ly)
		return ly - lx;
	if (px != py)
		return py - px;
	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	if (x->modality != y->modality)
		return x->modality < y->modality ? -1 : 1;
	return strcmp(member_or(x, M_ID, ""), member_or(y, M_ID, ""));
}

static int compare_warnings(const void *a, const void *b)
{
	const list_item *x = *(const list_item *const *)a, *y = *(const list_item *const *)b;

	if (x->severity != y->severity)
		return x->severity < y->severity ? -1 : 1;
	return strcmp(member_or(x, M_ID, ""), member_or(y, M_ID, ""));
}

/* The most severe of a card's warnings (4 when it has none). */
static size_t worst(const card *c)
{
	size_t i, w = 4;

	for (i = 0; i < c->n[L_WARNINGS]; i++)
		if (c->items[L_WARNINGS][i]->severity < w)
			w = c->items[L_WARNINGS][i]->severity;
	return w;
}

static int compare_cards(const void *a, const void *b)
{
	const card *x = a, *y = b;
	int c;

	if ((x->rank == 0) != (y->rank == 0))
		return x->rank == 0 ? -1 : 1;
	if (x->raised != y->raised)
		return y->raised - x->raised;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	if (strcmp(x->kind, "safety") == 0 && worst(x) != worst(y))
		return worst(x) < worst(y) ? -1 : 1;
	if ((c = strcmp(x->title, y->title)) != 0)
		return c;
	return strcmp(x->id, y->id);
}

/* Whether a card holds an option that treats the cancer. */
static int cancer_directed(const card *c)
{
	size_t i;
	int l;

	for (l = L_OPTIONS; l <= L_POSSIBLE; l++)
		for (i = 0; i < c->n[l]; i++)
			if (!cJSON_IsFalse(c->items[l][i]->member[M_CANCER_DIRECTED]))
				return 1;
	return 0;
}

/* Sorts the items within each card, then marks what leads and what is
 * collapsed, then sorts the cards. */
static void arrange(deck *d, const char *stop_reason)
{
	size_t i;
	int any_lead = 0;

	for (i = 0; i < d->n; i++) {
		card *c = &d->cards[i];
		int l;

		for (l = L_OPTIONS; l <= L_POSSIBLE; l++)
			onco_sort(c->items[l], c->n[l], sizeof(*c->items[l]), compare_options);
		onco_sort(c->items[L_WARNINGS], c->n[L_WARNINGS], sizeof(*c->items[L_WARNINGS]),
			  compare_warnings);
		for (l = L_OPTIONS; l <= L_POSSIBLE && c->lead == NULL; l++)
			if (c->n[l] > 0)
				c->lead = member(c->items[l][0], M_LEAD);
		c->raised = c->lead != NULL;
		any_lead |= c->raised;
	}
	/* She declines or cannot have treatment: the care the source gives for
	 * that comes first (supportive care, when no gate says which), and
	 * every other card of cancer treatment is collapsed (care that does not
	 * treat the cancer, symptom relief, stays open). */
	for (i = 0; stop_reason != NULL && i < d->n; i++) {
		card *c = &d->cards[i];

		if (c->rank == 0 || c->rank >= FIRST_ENGINE_KIND)
			continue;
		if (!any_lead && same(c->kind, "supportive-care"))
			c->raised = 1;
		c->collapsed = !c->raised && cancer_directed(c);
	}
	onco_sort(d->cards, d->n, sizeof(*d->cards), compare_cards);
}

/* ------------------------------------------------------------ JSON */

static int add_string_to(cJSON *array, const char *s)
{
	cJSON *item = cJSON_CreateString(s);

	if (item == NULL || !cJSON_AddItemToArray(array, item)) {
		cJSON_Delete(item);
		return ONCO_ENOMEM;
	}
	return 0;
}

/*
 * Members under keys of the program (literals, tables of literals), which
 * cJSON keeps by pointer (onco_json_add_literal, private/json_out.h): the
 * cards add some forty members a case, and the cJSON_Add*ToObject calls
 * copied each key (a strlen, an allocation and a copy) and freed it again.
 * Values come in two kinds: COPY for texts of the case or of the result
 * document (freed or changed before the answer is printed), CONST for
 * texts of the program or of the rule base, which live as long as the
 * engine, and every tree the engine builds is printed and deleted within
 * one call: cJSON refers to them (a string reference) without a copy.
 * Each returns 0 or ONCO_ENOMEM.
 */
#define ADD_COPY(o, key, s) onco_json_add_literal((o), "" key "", cJSON_CreateString(s))
#define ADD_CONST(o, key, s) onco_json_add_literal((o), "" key "", cJSON_CreateStringReference(s))
#define ADD_BOOL(o, key, b) onco_json_add_literal((o), "" key "", cJSON_CreateBool(b))
#define ADD_NULL(o, key) onco_json_add_literal((o), "" key "", cJSON_CreateNull())
/* A new array under `key`, or NULL when memory runs out. */
#define ADD_ARRAY(o, key) add_array((o), "" key "")
/* A text of the rule base under `key`, or null. */
#define ADD_CONST_OR_NULL(o, key, s) add_const_or_null((o), "" key "", (s))

/* ADD_ARRAY; `key` is a text of the program. */
static cJSON *add_array(cJSON *o, const char *key)
{
	cJSON *array = cJSON_CreateArray();

	return onco_json_add_literal(o, key, array) == 0 ? array : NULL;
}

/* ADD_CONST_OR_NULL; `key` is a text of the program. */
static int add_const_or_null(cJSON *o, const char *key, const char *s)
{
	return onco_json_add_literal(o, key,
				     s != NULL ? cJSON_CreateStringReference(s) : cJSON_CreateNull());
}

static int add_copy_or_null(cJSON *o, const char *key, const char *s)
{
	return onco_json_add_literal(o, key, s != NULL ? cJSON_CreateString(s) : cJSON_CreateNull());
}

/* The ids of a card's items of list `l` (the field of missing facts). */
static int add_ids(cJSON *o, const card *c, int l)
{
	cJSON *array = add_array(o, list_keys[l]);
	size_t i;
	int rc = array == NULL ? ONCO_ENOMEM : 0;

	for (i = 0; i < c->n[l] && rc == 0; i++)
		rc = add_string_to(array,
				   member_or(c->items[l][i], l == L_MISSING ? M_FIELD : M_ID, ""));
	return rc;
}

static int compare_groups(const void *a, const void *b)
{
	const cJSON *x = *(cJSON *const *)a, *y = *(cJSON *const *)b;
	int nx = cJSON_GetArraySize(get(x, "exclusions"));
	int ny = cJSON_GetArraySize(get(y, "exclusions"));
	const cJSON *ox = cJSON_GetArrayItem(get(x, "options"), 0);
	const cJSON *oy = cJSON_GetArrayItem(get(y, "options"), 0);
	int c;

	if (nx != ny)
		return ny - nx;
	if (ox != NULL && oy != NULL && (c = strcmp(ox->valuestring, oy->valuestring)) != 0)
		return c;
	return strcmp(str_or(x, "reason", ""), str_or(y, "reason", ""));
}

static int compare_documents(const void *a, const void *b)
{
	return strcmp(str_or(*(cJSON *const *)a, "source", ""),
		      str_or(*(cJSON *const *)b, "source", ""));
}

/* Ruled out, grouped by reason: {"reason", "exclusions", "options"}, the
 * largest group first. */
static int add_groups(cJSON *o, const card *c)
{
	cJSON *groups = ADD_ARRAY(o, "groups"), *g;
	size_t i;
	int rc = groups == NULL ? ONCO_ENOMEM : 0;

	for (i = 0; i < c->n[L_EXCLUSIONS] && rc == 0; i++) {
		const list_item *x = c->items[L_EXCLUSIONS][i];
		const char *reason = member_or(x, M_REASON, "");
		const cJSON *options;

		cJSON_ArrayForEach(g, groups)
			if (strcmp(str(g, "reason"), reason) == 0)
				break;
		if (g == NULL) {
			g = cJSON_CreateObject();
			if (g == NULL || !cJSON_AddItemToArray(groups, g)) {
				cJSON_Delete(g);
				return ONCO_ENOMEM;
			}
			if (ADD_COPY(g, "reason", reason) != 0 || ADD_ARRAY(g, "exclusions") == NULL ||
			    ADD_ARRAY(g, "options") == NULL)
				return ONCO_ENOMEM;
		}
		rc = add_string_to((cJSON *)get(g, "exclusions"),
				   member_or(x, M_ID, ""));
		options = get(g, "options");
		if (rc == 0) {
			const cJSON *seen;
			const char *option = member_or(x, M_OPTION, "");

			cJSON_ArrayForEach(seen, options)
				if (strcmp(seen->valuestring, option) == 0)
					break;
			if (seen == NULL)
				rc = add_string_to((cJSON *)options, option);
		}
	}
	/* Largest group first; on a tie, by reason. */
	if (rc == 0)
		rc = onco_json_sort(groups, compare_groups);
	return rc;
}

static const char *const state_names[] = {"met", "not met", "unknown"};

/* One criterion: a finding condition that needs one value. */
static int add_criterion(onco_engine *engine, const onco_run_facts *run, cJSON *items,
			 const char *name, const int accepts[3], onco_condition_state state)
{
	const onco_finding_def *def = onco_kb_finding_def(&engine->kb, name);
	unsigned present = onco_run_finding_values(engine, run, name);
	cJSON *entry;
	size_t v, needs = 3;
	char value[32] = "";

	for (v = 0; v < 3; v++)
		if (accepts[v])
			needs = needs == 3 ? v : 4;
	if (needs >= 3)
		return 0; /* a guard that accepts several values: not a criterion */
	cJSON_ArrayForEach(entry, items)
		if (strcmp(str(entry, "finding"), name) == 0)
			return 0;
	for (v = 0; v < 3; v++)
		if (present & (1u << v)) {
			if (value[0] != '\0')
				strcat(value, " and ");
			strcat(value, onco_finding_values[v]);
		}
	entry = cJSON_CreateObject();
	if (entry == NULL || !cJSON_AddItemToArray(items, entry)) {
		cJSON_Delete(entry);
		return ONCO_ENOMEM;
	}
	if (ADD_COPY(entry, "finding", name) != 0 ||
	    (def != NULL ? ADD_CONST(entry, "statement", def->text)
			 : ADD_COPY(entry, "statement", name)) != 0 ||
	    ADD_CONST(entry, "needs", onco_finding_values[needs]) != 0 ||
	    ADD_COPY(entry, "value", value[0] != '\0' ? value : "unknown") != 0 ||
	    ADD_CONST(entry, "state", state_names[state]) != 0)
		return ONCO_ENOMEM;
	return 0;
}

/* The value an `if` entry waits for, as accepted values: its one `needs`
 * (no: the option stands only if the fact is absent), else yes. */
static const int *if_needs(const cJSON *entry)
{
	static const int yes[3] = {1, 0, 0}, no[3] = {0, 1, 0};
	const cJSON *needs = get(entry, "needs");

	return cJSON_GetArraySize(needs) == 1 && cJSON_IsString(cJSON_GetArrayItem(needs, 0)) &&
			       strcmp(cJSON_GetArrayItem(needs, 0)->valuestring, "no") == 0
		       ? no
		       : yes;
}

/* "criteria" of a curative-intent local card: for each option, the
 * finding conditions of its rule that need one value, met, not met or
 * unknown, and what the option waits for (its `if`). */
static int add_criteria(onco_engine *engine, const onco_run_facts *run, cJSON *o,
			const card *c)
{
	cJSON *criteria = ADD_ARRAY(o, "criteria");
	size_t i, k;
	int rc = criteria == NULL ? ONCO_ENOMEM : 0, l;

	for (l = L_OPTIONS; l <= L_POSSIBLE && rc == 0; l++)
		for (i = 0; i < c->n[l] && rc == 0; i++) {
			const list_item *option = c->items[l][i];
			const cJSON *w;
			const onco_rule_info *rule =
				onco_rule_by_name(engine, member_or(option, M_RULE, ""));
			cJSON *entry = cJSON_CreateObject(), *items;

			if (entry == NULL || !cJSON_AddItemToArray(criteria, entry)) {
				cJSON_Delete(entry);
				return ONCO_ENOMEM;
			}
			if (ADD_COPY(entry, "option", member_or(option, M_ID, "")) != 0 ||
			    (items = ADD_ARRAY(entry, "items")) == NULL)
				return ONCO_ENOMEM;
			for (k = 0; rule != NULL && k < rule->n_conditions && rc == 0;
			     k++) {
				const onco_condition *cond = &rule->conditions[k];
				onco_condition_state s = onco_condition_eval(engine, run, cond);

				if (cond->kind == ONCO_COND_FINDING && !cond->negated && s <= ONCO_COND_UNKNOWN)
					rc = add_criterion(engine, run, items, cond->name, cond->accepts, s);
			}
			cJSON_ArrayForEach(w, option->member[M_IF])
				if (rc == 0)
					rc = add_criterion(engine, run, items, str_or(w, "finding", ""),
							   if_needs(w), ONCO_COND_UNKNOWN);
		}
	return rc;
}

static int add_lists(cJSON *o, const card *c)
{
	int l, rc = 0;

	for (l = 0; l < L_COUNT && rc == 0; l++)
		rc = add_ids(o, c, l);
	return rc;
}

static cJSON *card_json(onco_engine *engine, const onco_run_facts *run, const card *c)
{
	cJSON *o = cJSON_CreateObject();
	int rc = o == NULL ? ONCO_ENOMEM : 0;

	/* the id is the deck's (freed below); a safety card's title is its
	 * drug, a text of the result; kinds, the other titles and guidelines
	 * are the program's or the rule base's */
	rc = rc ? rc : ADD_COPY(o, "id", c->id);
	rc = rc ? rc : ADD_CONST(o, "kind", c->kind);
	rc = rc ? rc : c->agent != NULL ? ADD_COPY(o, "title", c->title) : ADD_CONST(o, "title", c->title);
	rc = rc ? rc : ADD_CONST_OR_NULL(o, "guideline", c->guideline);
	rc = rc ? rc : ADD_BOOL(o, "derived", c->derived);
	rc = rc ? rc : ADD_BOOL(o, "collapsed", c->collapsed);
	rc = rc ? rc : add_copy_or_null(o, "lead", c->lead);
	rc = rc ? rc : add_lists(o, c);
	if (rc == 0 && c->agent != NULL)
		rc = ADD_COPY(o, "agent", c->agent);
	if (rc == 0 && same(c->kind, "ruled-out"))
		rc = add_groups(o, c);
	if (rc == 0 && same(c->kind, "curative-local"))
		rc = add_criteria(engine, run, o, c);
	if (rc != 0) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* ------------------------------------------------------------ status */

/* The documents cited anywhere in the result, each with its title where a
 * guideline of the rule base names it as its source. */
static int add_documents(onco_engine *engine, cJSON *o, const lists *ls)
{
	static const int cited[] = {L_OPTIONS, L_POSSIBLE, L_WARNINGS, L_EXCLUSIONS, L_NOTES};
	cJSON *documents = ADD_ARRAY(o, "documents"), *d;
	const cJSON *e;
	size_t k, i;

	if (documents == NULL)
		return ONCO_ENOMEM;
	for (k = 0; k < sizeof(cited) / sizeof(cited[0]); k++)
		for (i = 0; i < ls->n[cited[k]]; i++)
			cJSON_ArrayForEach(e, ls->items[cited[k]][i].member[M_EVIDENCE]) {
				const char *source = onco_evidence_source(engine, e);
				const onco_guideline *g;

				if (source == NULL)
					return ONCO_EINTERNAL; /* evidence the engine did not make */
				/* a document's first member is its source (added below) */
				cJSON_ArrayForEach(d, documents)
					if (strcmp(d->child->valuestring, source) == 0)
						break;
				if (d != NULL)
					continue;
				g = onco_kb_guideline_of_source(&engine->kb, source);
				d = cJSON_CreateObject();
				if (d == NULL || !cJSON_AddItemToArray(documents, d)) {
					cJSON_Delete(d);
					return ONCO_ENOMEM;
				}
				if (ADD_COPY(d, "source", source) != 0 ||
				    ADD_CONST_OR_NULL(d, "title", g != NULL ? g->title : NULL) != 0)
					return ONCO_ENOMEM;
			}
	return onco_json_sort(documents, compare_documents);
}

/* The intents of the cancer-directed options offered, in the order
 * curative, disease control, palliative. */
static int add_intent(cJSON *o, const lists *ls)
{
	cJSON *list = ADD_ARRAY(o, "intent");
	size_t i, j;
	int rc = list == NULL ? ONCO_ENOMEM : 0;

	for (i = 0; i < sizeof(intents) / sizeof(intents[0]) && rc == 0; i++)
		for (j = 0; j < ls->n[L_OPTIONS]; j++) {
			const list_item *option = &ls->items[L_OPTIONS][j];

			if (cJSON_IsTrue(option->member[M_CANCER_DIRECTED]) &&
			    same(member_or(option, M_INTENT, ""), intents[i])) {
				rc = onco_json_append(list, cJSON_CreateStringReference(intents[i]));
				break;
			}
		}
	return rc;
}

/* The status card; `patient` (its lines, onco_patient_lines) is taken
 * over, freed on failure. */
static cJSON *status_json(onco_engine *engine, const lists *ls,
			  const card *items, const char *stop_reason, cJSON *patient)
{
	cJSON *o = cJSON_CreateObject(), *guidelines;
	const cJSON *g;
	char title[512] = "";
	int rc = o == NULL ? ONCO_ENOMEM : 0;

	cJSON_ArrayForEach(g, ls->guidelines) {
		const onco_guideline *def = onco_kb_guideline(&engine->kb, g->valuestring);
		size_t used = strlen(title);

		snprintf(title + used, sizeof(title) - used, "%s%s", used ? "; " : "",
			 def != NULL ? def->title : g->valuestring);
	}
	if (title[0] == '\0')
		snprintf(title, sizeof(title), "Not covered by the rule base");
	rc = rc ? rc : ADD_CONST(o, "id", "status");
	rc = rc ? rc : ADD_CONST(o, "kind", "status");
	rc = rc ? rc : ADD_COPY(o, "title", title);
	rc = rc ? rc : ADD_NULL(o, "guideline");
	rc = rc ? rc : ADD_BOOL(o, "derived", 0);
	rc = rc ? rc : ADD_BOOL(o, "collapsed", stop_reason != NULL);
	rc = rc ? rc : ADD_NULL(o, "lead");
	rc = rc ? rc : add_lists(o, items);
	rc = rc ? rc : ADD_CONST_OR_NULL(o, "reason", stop_reason);
	guidelines = rc ? NULL : ADD_ARRAY(o, "guidelines");
	if (rc == 0 && guidelines == NULL)
		rc = ONCO_ENOMEM;
	cJSON_ArrayForEach(g, ls->guidelines) {
		const onco_guideline *def = onco_kb_guideline(&engine->kb, g->valuestring);
		cJSON *entry;

		if (rc != 0)
			break;
		entry = cJSON_CreateObject();
		if (entry == NULL || !cJSON_AddItemToArray(guidelines, entry)) {
			cJSON_Delete(entry);
			rc = ONCO_ENOMEM;
		} else if (ADD_COPY(entry, "id", g->valuestring) != 0 ||
			   ADD_CONST_OR_NULL(entry, "title", def ? def->title : NULL) != 0 ||
			   ADD_CONST_OR_NULL(entry, "source", def ? def->source : NULL) != 0) {
			rc = ONCO_ENOMEM;
		}
	}
	if (rc == 0) {
		rc = ONCO_JSON_ADD(o, "patient", patient); /* deletes it on failure */
		patient = NULL;
	}
	rc = rc ? rc : add_intent(o, ls);
	rc = rc ? rc : add_documents(engine, o, ls);
	cJSON_Delete(patient);
	if (rc != 0) {
		cJSON_Delete(o);
		return NULL;
	}
	return o;
}

/* ------------------------------------------------------------ entry */

int onco_cards_add(onco_engine *engine, const onco_run_facts *run, cJSON *doc)
{
	deck d = {NULL, 0, 0};
	card status_items; /* what the status card holds besides the patient */
	lists ls;
	cJSON *cards = cJSON_CreateArray(), *status, *patient = NULL;
	const char *stop_reason = NULL;
	size_t i;
	int rc = lists_read(&ls, doc), l;

	memset(&status_items, 0, sizeof(status_items));
	if (rc == 0 && cards == NULL)
		rc = ONCO_ENOMEM;
	if (rc == 0)
		rc = place_items(engine, &d, &status_items, &ls);
	/* The patient's lines first: the walk that reads them also tells
	 * whether she declines or cannot have treatment, which orders the
	 * cards. */
	if (rc == 0) {
		patient = cJSON_CreateArray();
		rc = patient == NULL ? ONCO_ENOMEM
				     : onco_patient_lines(engine, patient, &stop_reason);
	}
	if (rc == 0) {
		arrange(&d, stop_reason);
		status = status_json(engine, &ls, &status_items, stop_reason, patient);
		patient = NULL; /* status_json took it */
		if (status == NULL || !cJSON_AddItemToArray(cards, status)) {
			cJSON_Delete(status);
			rc = ONCO_ENOMEM;
		}
	}
	for (i = 0; i < d.n && rc == 0; i++) {
		cJSON *o = card_json(engine, run, &d.cards[i]);

		if (o == NULL || !cJSON_AddItemToArray(cards, o)) {
			cJSON_Delete(o);
			rc = ONCO_ENOMEM;
		}
	}
	cJSON_Delete(patient);
	deck_release(&d);
	for (l = 0; l < L_COUNT; l++)
		free(status_items.items[l]);
	free(ls.items[0]);
	if (rc != 0) {
		cJSON_Delete(cards);
		return rc;
	}
	return ONCO_JSON_ADD(doc, "cards", cards); /* deletes it on failure */
}

/* Keeps id, kind, title and the lists that are not empty. */
int onco_cards_summarize(cJSON *cards)
{
	static const char *const keep[] = {"id", "kind", "title", "options", "possible",
					   "warnings", "exclusions", "missing", "notes"};
	cJSON *c;

	cJSON_ArrayForEach(c, cards) {
		cJSON *field = c->child;

		while (field != NULL) {
			cJSON *next = field->next;
			size_t k = index_of(field->string, keep, sizeof(keep) / sizeof(keep[0]));

			if (k == sizeof(keep) / sizeof(keep[0]) ||
			    (cJSON_IsArray(field) && cJSON_GetArraySize(field) == 0))
				cJSON_Delete(cJSON_DetachItemViaPointer(c, field));
			field = next;
		}
	}
	return 0;
}
