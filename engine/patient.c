/*
 * patient.c: who the patient is, in a few lines, for the status card:
 * the case facts of the run (asserted by the host from the validated case)
 * read through one table of how each slot reads, so that every view shows
 * the same words. Lines: the cancer, the patient and biomarkers, prior
 * treatments, what is going on now (drugs, planned procedures, symptoms,
 * adverse events), her stated wishes, her fitness for treatment.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fact_read.h"
#include "private/collect.h"
#include "private/json_out.h"

/* How one slot reads. */
typedef enum view_kind {
	VIEW_VALUE,  /* the value(s): "squamous cell carcinoma" */
	VIEW_FORMAT, /* the value in a format: "stage %s", "%s cm" */
	VIEW_FLAG    /* a boolean: the text for TRUE or for FALSE ("" omits) */
} view_kind;

typedef struct slot_view {
	const char *slot;     /* NULL: past the last slot of a template */
	view_kind kind;
	const char *text;     /* format, or the text for TRUE */
	const char *if_false; /* VIEW_FLAG: the text for FALSE */
	const char *join;     /* written before it after other slots; NULL: ", " */
} slot_view;

enum { MAX_SLOTS = 10 };

/* A template the lines read: what its facts start with when listed
 * ("metastases: lung, bone"; NULL for templates whose slots say it all),
 * what comes between its facts, and how its slots read, in order. */
typedef struct template_view {
	const char *name;
	const char *lead;
	const char *separator;
	slot_view slots[MAX_SLOTS]; /* up to the first without a slot */
} template_view;

static const template_view cancer_view = {"cancer", NULL, "; ", {
	{"site", VIEW_VALUE, NULL, NULL, NULL},
	{"histology", VIEW_VALUE, NULL, NULL, NULL},
	{"stage", VIEW_FORMAT, "stage %s", NULL, NULL},
	{"recurrent", VIEW_FLAG, "recurrent", "not recurrent", NULL},
	{"rapid-progression", VIEW_FLAG, "rapid progression", "", NULL},
	{"isolated-metastasis", VIEW_FLAG, "isolated metastasis", "", NULL},
}};

static const template_view metastasis_view = {"metastasis", "metastases: ", ", ", {
	{"site", VIEW_VALUE, NULL, NULL, NULL},
}};

static const template_view recurrence_site_view = {"recurrence-site", "recurrence: ", ", ", {
	{"site", VIEW_VALUE, NULL, NULL, NULL},
}};

static const template_view recurrence_view = {"recurrence", NULL, "; ", {
	{"size-cm", VIEW_FORMAT, "%s cm", NULL, NULL},
	{"small", VIEW_FLAG, "small", "not small", NULL},
	{"side-wall", VIEW_FLAG, "pelvic side wall involved", "side wall free", NULL},
	{"multiple-pelvic-nodes", VIEW_FLAG, "multiple pelvic nodes", "no multiple pelvic nodes",
	 NULL},
	{"resectable", VIEW_FLAG, "resectable", "unresectable", NULL},
	{"bulky-in-irradiated-field", VIEW_FLAG, "bulky in an irradiated field", "", NULL},
}};

static const template_view imaging_view = {"imaging", "", "; ", {
	{"type", VIEW_VALUE, NULL, NULL, NULL},
	{"days-ago", VIEW_FORMAT, "%s days ago", NULL, " "},
	{"distant-disease", VIEW_FLAG, "distant disease", "no distant disease", ": "},
}};

static const template_view patient_view = {"patient", NULL, "; ", {
	{"age", VIEW_FORMAT, "%s years", NULL, NULL},
	{"sex", VIEW_VALUE, NULL, NULL, NULL},
	{"menopausal-status", VIEW_FORMAT, "menopause: %s", NULL, NULL},
	{"ecog", VIEW_FORMAT, "ECOG %s", NULL, NULL},
}};

static const template_view biomarker_view = {"biomarker", "", ", ", {
	{"name", VIEW_VALUE, NULL, NULL, NULL},
	{"status", VIEW_VALUE, NULL, NULL, " "},
}};

static const template_view prior_treatment_view = {"prior-treatment", "before: ", "; ", {
	{"type", VIEW_VALUE, NULL, NULL, NULL},
	{"agents", VIEW_FORMAT, "(%s)", NULL, " "},
	{"other-agents", VIEW_FORMAT, "(other: %s)", NULL, " "},
	{"region", VIEW_FORMAT, "to %s", NULL, " "},
	{"setting", VIEW_FORMAT, "%s setting", NULL, NULL},
	{"response", VIEW_FORMAT, "response: %s", NULL, NULL},
	{"progressed-after", VIEW_FLAG, "progressed after", "", NULL},
	{"ongoing", VIEW_FLAG, "ongoing", "stopped", NULL},
	{"tolerated", VIEW_FLAG, "", "not tolerated", NULL},
}};

static const template_view medication_view = {"medication", "drugs: ", "; ", {
	{"agent", VIEW_VALUE, NULL, NULL, NULL},
	/* a drug outside the list: "other (palbociclib)", never "other" alone */
	{"name", VIEW_FORMAT, "(%s)", NULL, " "},
	{"status", VIEW_VALUE, NULL, NULL, NULL},
	{"last-dose-days-ago", VIEW_FORMAT, "last dose %s days ago", NULL, NULL},
}};

static const template_view planned_procedure_view = {"planned-procedure", "planned: ", "; ", {
	{"type", VIEW_VALUE, NULL, NULL, NULL},
	{"days-from-now", VIEW_FORMAT, "in %s days", NULL, " "},
}};

static const template_view symptom_view = {"symptom", "symptoms: ", ", ", {
	{"name", VIEW_VALUE, NULL, NULL, NULL},
}};

static const template_view adverse_event_view = {"adverse-event", "adverse events: ", "; ", {
	{"type", VIEW_VALUE, NULL, NULL, NULL},
	{"grade", VIEW_FORMAT, "grade %s", NULL, " "},
	{"agent", VIEW_FORMAT, "(%s)", NULL, " "},
}};

static const template_view preferences_view = {"preferences", NULL, "; ", {
	{"declines-active-treatment", VIEW_FLAG, "declines cancer treatment",
	 "wants cancer treatment", NULL},
	{"declines-chemotherapy", VIEW_FLAG, "declines chemotherapy", "accepts chemotherapy", NULL},
	{"declines-other-hormonal-therapy", VIEW_FLAG, "declines other hormonal therapy", "", NULL},
}};

static const template_view fitness_view = {"fitness", NULL, "; ", {
	{"active-treatment-possible", VIEW_FLAG, "can have cancer treatment",
	 "cannot have cancer treatment", NULL},
	{"chemotherapy-suitable", VIEW_FLAG, "chemotherapy suitable", "chemotherapy not suitable",
	 NULL},
}};

/* Lines of the status card: a topic, and the templates it reads, in order.
 * Facts of one template (several metastases) join with its separator after
 * its lead; facts of different templates with "; ". A template is read by
 * one line only. */
typedef struct line_view {
	const char *topic;
	const template_view *templates[6];
	const char *empty; /* the line when none of its facts says anything */
} line_view;

static const line_view lines[] = {
	{"cancer",
	 {&cancer_view, &metastasis_view, &recurrence_site_view, &recurrence_view, &imaging_view},
	 NULL},
	{"patient", {&patient_view, &biomarker_view}, NULL},
	{"before", {&prior_treatment_view}, NULL},
	{"now",
	 {&medication_view, &planned_procedure_view, &symptom_view, &adverse_event_view},
	 NULL},
	{"wishes", {&preferences_view}, "not recorded"},
	{"fitness", {&fitness_view}, "not recorded"},
};

/* Symbols that do not read well with their hyphens turned to spaces, in
 * one slot of one template (NULL: any). */
static const struct {
	const char *template_name;
	const char *slot;
	const char *symbol;
	const char *words;
} words[] = {
	{"cancer", "site", "cervix", "cervical cancer"},
	{"cancer", "site", "anus", "anal cancer"},
	{"cancer", "site", "breast", "breast cancer"},
	{"imaging", "type", "pet-ct", "PET/CT"},
	{"imaging", "type", "ct", "CT"},
	{"imaging", "type", "mri", "MRI"},
	{"imaging", "type", "x-ray", "X-ray"},
	{"recurrence-site", "site", "distant", "distant sites"},
};

/* A growable string; `failed` is set once memory runs out. */
typedef struct text {
	char *data;
	size_t length, capacity;
	int failed;
} text;

static void text_add(text *t, const char *s, size_t n)
{
	if (t->failed || n == 0)
		return;
	if (t->length + n + 1 > t->capacity) {
		size_t cap = t->capacity ? t->capacity : 128;
		char *grown;

		while (cap < t->length + n + 1)
			cap *= 2;
		grown = realloc(t->data, cap);
		if (grown == NULL) {
			t->failed = 1;
			return;
		}
		t->data = grown;
		t->capacity = cap;
	}
	memcpy(t->data + t->length, s, n);
	t->length += n;
	t->data[t->length] = '\0';
}

static void text_puts(text *t, const char *s)
{
	text_add(t, s, strlen(s));
}

/* A symbol as words: "squamous-cell-carcinoma" -> "squamous cell
 * carcinoma"; hyphens between lowercase letters only, so PD-L1 and
 * anti-HER2 stay as they are. */
static void symbol_words(text *t, const char *tmpl, const char *slot, const char *symbol)
{
	size_t i, start = t->length;

	/* the symbol first, by its first letter: it rules out most rows */
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (symbol[0] == words[i].symbol[0] && strcmp(symbol, words[i].symbol) == 0 &&
		    strcmp(tmpl, words[i].template_name) == 0 && strcmp(slot, words[i].slot) == 0) {
			text_puts(t, words[i].words);
			return;
		}
	/* Copied whole, then the hyphens turned in place: one append, not one
	 * per character. */
	text_puts(t, symbol);
	if (t->failed)
		return;
	for (i = 0; symbol[i] != '\0'; i++)
		if (symbol[i] == '-' && i > 0 && symbol[i - 1] >= 'a' && symbol[i - 1] <= 'z' &&
		    symbol[i + 1] >= 'a' && symbol[i + 1] <= 'z')
			t->data[start + i] = ' ';
}

/* An integer as "%lld" writes it, into the end of buf (of `size`, 24 at
 * least): the start of the text. Written here, snprintf costing more than
 * the rest of a slot's words. */
static const char *integer_text(long long v, char *buf, size_t size)
{
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	char *p = buf + size - 1;

	*p = '\0';
	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		*--p = '-';
	return p;
}

/* 1 for TRUE, 0 for FALSE, -1 for anything else. */
static int flag_of(const char *symbol)
{
	/* by the first letter first: most values are neither */
	return symbol[0] == 'T' && strcmp(symbol, "TRUE") == 0    ? 1
	       : symbol[0] == 'F' && strcmp(symbol, "FALSE") == 0 ? 0
								 : -1;
}

/* The templates the lines read, found in the rule base once per engine:
 * each with the places of its `pointer` slot and of the slots its view
 * reads. The lines then walk the facts of these templates only
 * (EnvGetNextFactInTemplate) and read each slot at its place, where a walk
 * over all of working memory met every finding and conclusion too, and
 * found each slot by comparing names. A template keeps its facts in the
 * order they were asserted, as working memory does: the order of the
 * case. */
typedef struct template_index {
	void *deftemplate;     /* NULL: the rule base has no such template */
	long pointer;          /* place of the `pointer` slot; -1: none */
	long slots[MAX_SLOTS]; /* places of the view's slots; -1: absent */
} template_index;

/* What makes the care she declines or cannot have come first, in the
 * order they are told: declining comes before not being able. */
static const struct {
	const template_view *view;
	const char *slot, *value, *reason;
} stops[] = {
	{&preferences_view, "declines-active-treatment", "TRUE",
	 "The patient does not want cancer treatment."},
	{&fitness_view, "active-treatment-possible", "FALSE",
	 "The patient cannot have cancer treatment."},
};

/* Not a line's: the slots list_state reads (slots[0], slots[1]). */
static const template_view list_recorded_view = {"list-recorded", NULL, NULL, {
	{"field", VIEW_VALUE, NULL, NULL, NULL},
	{"count", VIEW_VALUE, NULL, NULL, NULL},
}};

enum { N_LINES = sizeof(lines) / sizeof(lines[0]), MAX_VIEWS = N_LINES * 6,
       N_STOPS = sizeof(stops) / sizeof(stops[0]) };

struct onco_patient_index {
	/* the templates of lines[], line by line, in table order */
	template_index views[MAX_VIEWS];
	size_t line_first[N_LINES]; /* the first entry of each line in views */
	/* each stop's template (its entry in views) and the place of its slot */
	size_t stop_view[N_STOPS];
	long stop_slot[N_STOPS];
	template_index list_recorded; /* of list_recorded_view */
};

static void template_index_make(void *env, template_index *ti, const template_view *tv)
{
	size_t i;

	ti->deftemplate = EnvFindDeftemplate(env, tv->name);
	ti->pointer = onco_slot_position(ti->deftemplate, "pointer");
	for (i = 0; i < MAX_SLOTS; i++)
		ti->slots[i] = tv->slots[i].slot != NULL
				       ? onco_slot_position(ti->deftemplate, tv->slots[i].slot)
				       : -1;
}

/* engine->patient_index, made on first use; NULL when memory runs out. */
static const onco_patient_index *patient_index(onco_engine *engine)
{
	onco_patient_index *index = engine->patient_index;
	size_t i, t, k = 0;

	if (index != NULL)
		return index;
	index = calloc(1, sizeof(*index));
	if (index == NULL)
		return NULL;
	for (i = 0; i < N_STOPS; i++)
		index->stop_slot[i] = -1;
	for (i = 0; i < N_LINES; i++) {
		index->line_first[i] = k;
		for (t = 0; t < 6 && lines[i].templates[t] != NULL; t++, k++) {
			const template_view *tv = lines[i].templates[t];
			size_t s;

			template_index_make(engine->env, &index->views[k], tv);
			/* a stop's template is one the lines read */
			for (s = 0; s < N_STOPS; s++)
				if (stops[s].view == tv) {
					index->stop_view[s] = k;
					index->stop_slot[s] = onco_slot_position(
						index->views[k].deftemplate, stops[s].slot);
				}
		}
	}
	template_index_make(engine->env, &index->list_recorded, &list_recorded_view);
	engine->patient_index = index;
	return index;
}

void onco_patient_index_free(onco_engine *engine)
{
	free(engine->patient_index);
	engine->patient_index = NULL;
}

/* The field at `place` of a template fact (NULL for -1). */
static const struct field *field_at(void *fact, long place)
{
	return place >= 0 ? &((struct fact *)fact)->theProposition.theFields[place] : NULL;
}

/* The list-recorded fact of `field`: 1 recorded empty, 2 recorded with
 * items, 0 not recorded. Only facts of the case count (with a pointer). */
static int list_state(void *env, const template_index *ti, const char *field)
{
	void *fact;

	if (ti->deftemplate == NULL)
		return 0;
	for (fact = EnvGetNextFactInTemplate(env, ti->deftemplate, NULL); fact != NULL;
	     fact = EnvGetNextFactInTemplate(env, ti->deftemplate, fact)) {
		const struct field *count = field_at(fact, ti->slots[1]);
		const char *of = onco_field_text(field_at(fact, ti->slots[0]));

		if (onco_field_text(field_at(fact, ti->pointer)) == NULL || of == NULL ||
		    strcmp(of, field) != 0)
			continue;
		if (count != NULL && count->type == INTEGER)
			return ValueToLong(count->value) > 0 ? 2 : 1;
		return 2;
	}
	return 0;
}

/* The values of a slot (its field, NULL when absent) as words into `out`
 * (several joined with " + "): 0 when the slot is empty or absent. *flag
 * is 1 for TRUE, 0 for FALSE, -1 for anything else. */
static int slot_words(const struct field *field, const char *tmpl, const char *slot, text *out,
		      int *flag)
{
	size_t n = field != NULL && field->type == MULTIFIELD ? (size_t)GetMFLength(field->value) : 0;
	size_t i;
	const char *single;
	char value[256];

	*flag = -1;
	if (n == 0) {
		single = onco_field_text(field);
		if (single == NULL || single[0] == '\0')
			return 0;
		*flag = flag_of(single);
		symbol_words(out, tmpl, slot, single);
		return 1;
	}
	for (i = 0; i < n; i++) {
		int type = GetMFType(field->value, (long)i + 1);
		void *v = GetMFValue(field->value, (long)i + 1);
		const char *shown = value;

		/* A symbol or string that fits is read where it is, an integer
		 * written by hand: onco_value_text would give the same text,
		 * slower. */
		if ((type == SYMBOL || type == STRING) && strlen(ValueToString(v)) < sizeof(value))
			shown = ValueToString(v);
		else if (type == INTEGER)
			shown = integer_text(ValueToLong(v), value, sizeof(value));
		else
			onco_value_text(type, v, value, sizeof(value));
		if (n == 1 && type == SYMBOL)
			*flag = flag_of(shown);
		if (i > 0)
			text_puts(out, " + ");
		/* a symbol reads as words; a string (a drug's name) as written */
		if (type == SYMBOL)
			symbol_words(out, tmpl, slot, shown);
		else
			text_puts(out, shown);
	}
	return 1;
}

/* A row's format (one %s, nothing else: a table entry, never case data)
 * filled with `value` into `out` of `size`, as snprintf would; by hand when
 * it fits, snprintf costing more than the rest of a fact's words. */
static void format_value(char *out, size_t size, const char *format, const char *value)
{
	const char *mark = strstr(format, "%s");

	if (mark != NULL && value != NULL) {
		size_t head = (size_t)(mark - format), n = strlen(value);

		if (head + n + strlen(mark + 2) < size) {
			memcpy(out, format, head);
			memcpy(out + head, value, n);
			strcpy(out + head + n, mark + 2);
			return;
		}
	}
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#endif
	snprintf(out, size, format, value);
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
}

/* One fact of template `tv` as words: its slots in table order (at their
 * places in `ti`), joined with ", ". `value`: a buffer for a slot's words,
 * emptied for each slot (the caller frees it: one allocation for all). */
static void fact_words(void *fact, const template_view *tv, const template_index *ti, text *value,
		       text *out)
{
	const char *tmpl = tv->name;
	size_t i, start = out->length;

	for (i = 0; i < MAX_SLOTS && tv->slots[i].slot != NULL && !out->failed; i++) {
		const slot_view *v = &tv->slots[i];
		int flag;
		const char *shown = NULL, *words_of;
		char formatted[512];

		value->length = 0;
		if (!slot_words(field_at(fact, ti->slots[i]), tmpl, v->slot, value, &flag))
			continue;
		if (value->failed) {
			out->failed = 1;
			break;
		}
		/* What a fresh buffer would hold: NULL when nothing was added. */
		words_of = value->length > 0 ? value->data : NULL;
		switch (v->kind) {
		case VIEW_FLAG:
			shown = flag == 1 ? v->text : flag == 0 ? v->if_false : NULL;
			break;
		case VIEW_FORMAT:
			format_value(formatted, sizeof(formatted), v->text, words_of);
			shown = formatted;
			break;
		default:
			shown = words_of;
			break;
		}
		if (shown != NULL && shown[0] != '\0') {
			if (out->length > start)
				text_puts(out, v->join != NULL ? v->join : ", ");
			text_puts(out, shown);
		}
	}
}

static int add_pointer(cJSON *pointers, const char *pointer)
{
	cJSON *s;

	cJSON_ArrayForEach(s, pointers)
		if (strcmp(s->valuestring, pointer) == 0)
			return 0;
	s = cJSON_CreateString(pointer[0] != '\0' ? pointer : "/");
	if (s == NULL || !cJSON_AddItemToArray(pointers, s)) {
		cJSON_Delete(s);
		return ONCO_ENOMEM;
	}
	return 0;
}

/* One line: the facts of its templates (at `ti`, the line's entries of
 * the index), each template's in the order of the case. */
static int line_json(onco_engine *engine, const onco_patient_index *index,
		     const template_index *ti, const line_view *view, cJSON *lines_out)
{
	void *env = engine->env;
	text line = {0}, words_of = {0}, value = {0}; /* the last two: emptied for each fact */
	cJSON *item = NULL, *pointers = cJSON_CreateArray();
	size_t t;
	int rc = pointers == NULL ? ONCO_ENOMEM : 0;

	for (t = 0; t < 6 && view->templates[t] != NULL && rc == 0; t++) {
		const template_view *tv = view->templates[t];
		void *tmpl = ti[t].deftemplate, *fact;
		size_t before = line.length;
		int first = 1;

		for (fact = tmpl != NULL ? EnvGetNextFactInTemplate(env, tmpl, NULL) : NULL;
		     fact != NULL && rc == 0; fact = EnvGetNextFactInTemplate(env, tmpl, fact)) {
			/* only the facts of the case: those with a pointer */
			const char *pointer = onco_field_text(field_at(fact, ti[t].pointer));

			if (pointer == NULL)
				continue;
			words_of.length = 0;
			fact_words(fact, tv, &ti[t], &value, &words_of);
			if (words_of.failed)
				rc = ONCO_ENOMEM;
			if (rc == 0 && words_of.length > 0) {
				if (first && line.length > 0)
					text_puts(&line, "; ");
				if (first && tv->lead != NULL)
					text_puts(&line, tv->lead);
				if (!first)
					text_puts(&line, tv->separator);
				text_puts(&line, words_of.data);
				first = 0;
				rc = add_pointer(pointers, pointer);
			}
		}
		/* An empty list the case states says "none". */
		if (rc == 0 && line.length == before && tv == &metastasis_view &&
		    list_state(env, &index->list_recorded, "/cancer/metastases") == 1) {
			text_puts(&line, line.length > 0 ? "; metastases: none" : "metastases: none");
			rc = add_pointer(pointers, "/cancer/metastases");
		}
	}
	if (rc == 0 && line.failed)
		rc = ONCO_ENOMEM;
	if (rc == 0 && (line.length > 0 || view->empty != NULL)) {
		item = cJSON_CreateObject();
		if (item == NULL || !cJSON_AddItemToArray(lines_out, item)) {
			cJSON_Delete(item);
			rc = ONCO_ENOMEM;
		} else {
			/* literal keys, kept by pointer; the topic and the text of
			 * an empty line are this file's (referred to), the text
			 * of the facts is copied (its buffer is freed below) */
			rc = ONCO_JSON_ADD(item, "topic", cJSON_CreateStringReference(view->topic));
			if (rc == 0)
				rc = ONCO_JSON_ADD(item, "text",
						   line.length > 0
							   ? cJSON_CreateString(line.data)
							   : cJSON_CreateStringReference(view->empty));
			if (rc == 0) {
				/* deletes it on failure; else deleted below */
				rc = ONCO_JSON_ADD(item, "pointers", pointers);
				pointers = NULL;
			}
		}
	}
	cJSON_Delete(pointers);
	free(line.data);
	free(words_of.data);
	free(value.data);
	return rc;
}

int onco_patient_lines(onco_engine *engine, cJSON *out, const char **stop_reason)
{
	const onco_patient_index *index = patient_index(engine);
	void *env = engine->env;
	size_t i, first_stop;
	int rc = 0;

	if (index == NULL)
		return ONCO_ENOMEM;
	/* the first of stops[] that a fact of its template says (any fact,
	 * with a pointer or not) */
	for (first_stop = 0; first_stop < N_STOPS; first_stop++) {
		const template_index *ti = &index->views[index->stop_view[first_stop]];
		void *fact = NULL;

		if (ti->deftemplate != NULL)
			while ((fact = EnvGetNextFactInTemplate(env, ti->deftemplate, fact)) != NULL) {
				const char *v = onco_field_text(
					field_at(fact, index->stop_slot[first_stop]));

				if (v != NULL && strcmp(v, stops[first_stop].value) == 0)
					break;
			}
		if (fact != NULL)
			break;
	}
	*stop_reason = first_stop < N_STOPS ? stops[first_stop].reason : NULL;
	for (i = 0; i < N_LINES && rc == 0; i++)
		rc = line_json(engine, index, &index->views[index->line_first[i]], &lines[i], out);
	return rc;
}
