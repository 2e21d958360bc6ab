/* textview.c: helpers the text views share (see textview.h). */
#include "textview.h"

#include <string.h>

const char *cli_str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

const char *cli_str_or(const cJSON *o, const char *key, const char *otherwise)
{
	const char *s = cli_str(o, key);

	return s != NULL ? s : otherwise;
}

/* Appends n bytes, non-breaking spaces written as spaces. */
static void put_text(cli_buf *out, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cli_buf_append(out, p[i] == CLI_NBSP ? " " : p + i, 1);
}

void cli_wrap(cli_buf *out, const char *first, size_t indent, const char *text)
{
	size_t lead = strlen(first);
	size_t room = CLI_TEXT_WIDTH > lead + 20 ? CLI_TEXT_WIDTH - lead : 20;
	const char *p = text;

	cli_buf_puts(out, first);
	while (*p != '\0') {
		size_t n = strlen(p), cut, end;

		if (n <= room) {
			put_text(out, p, n);
			break;
		}
		for (cut = room; cut > 0 && p[cut] != ' '; cut--)
			;
		if (cut == 0)
			cut = strcspn(p, " ");
		for (end = cut; end > 0 && p[end - 1] == ' '; end--)
			;
		put_text(out, p, end);
		cli_buf_printf(out, "\n%*s", (int)indent, "");
		room = CLI_TEXT_WIDTH > indent + 20 ? CLI_TEXT_WIDTH - indent : 20;
		p += cut;
		while (*p == ' ')
			p++;
	}
	cli_buf_puts(out, "\n");
}

const cJSON *cli_item(const cJSON *doc, const char *key, const char *id)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, key))
		if (id != NULL && strcmp(cli_str_or(item, "id", ""), id) == 0)
			return item;
	return NULL;
}

const cJSON *cli_option(const cJSON *doc, const char *id)
{
	const cJSON *o = cli_item(doc, "recommendations", id);

	return o != NULL ? o : cli_item(doc, "possible", id);
}

void cli_words(cli_buf *b, const char *symbol)
{
	size_t i;

	for (i = 0; symbol[i] != '\0'; i++) {
		int between = symbol[i] == '-' && i > 0 && symbol[i - 1] >= 'a' &&
			      symbol[i - 1] <= 'z' && symbol[i + 1] >= 'a' && symbol[i + 1] <= 'z';

		cli_buf_append(b, between ? " " : symbol + i, 1);
	}
}

static void join_words(cli_buf *b, const cJSON *list, const char *separator)
{
	const cJSON *e;
	int first = 1;

	cJSON_ArrayForEach(e, list) {
		if (!cJSON_IsString(e))
			continue;
		if (!first)
			cli_buf_puts(b, separator);
		cli_words(b, e->valuestring);
		first = 0;
	}
}

/* Where a radiation option outside the pelvis is aimed, as words after
 * "to": one row per target of the rule base; others are written as words. */
static const struct {
	const char *target, *words;
} radiation_targets[] = {
	{"bone", "bone"},
	{"brain", "the brain"},
	{"bronchus", "the bronchus"},
	{"chest-wall", "the chest wall"},
	{"metastases", "metastases"},
	{"skin", "the skin"},
	{"spinal-cord", "the spinal cord"},
	{"spine", "the spine"},
};

/* " to the brain": the target of a radiation option, unless it is the
 * pelvis (the target of every main course, which the bare name means). An
 * exclusion carries no target: nothing is added. */
static void radiation_target(cli_buf *b, const cJSON *item, const char *modality)
{
	const char *target = cli_str(item, "target");
	size_t i;

	if (target == NULL || strcmp(target, "pelvis") == 0 ||
	    (strcmp(modality, "radiation") != 0 && strcmp(modality, "brachytherapy") != 0))
		return;
	cli_buf_puts(b, " to ");
	for (i = 0; i < sizeof(radiation_targets) / sizeof(radiation_targets[0]); i++)
		if (strcmp(radiation_targets[i].target, target) == 0) {
			cli_buf_puts(b, radiation_targets[i].words);
			return;
		}
	cli_words(b, target);
}

void cli_short_name(cli_buf *b, const cJSON *item)
{
	const cJSON *agents = cJSON_GetObjectItemCaseSensitive(item, "agents");
	const cJSON *choices = cJSON_GetObjectItemCaseSensitive(item, "choices");
	const char *procedure = cli_str(item, "procedure");
	const char *modality = cli_str_or(item, "modality", "");
	int chemoradiation = strcmp(modality, "chemoradiation") == 0;

	if (procedure != NULL) {
		cli_words(b, procedure);
		/* "external beam radiation with concurrent cisplatin": never
		 * the name of the same radiation given alone. */
		if (chemoradiation && cJSON_GetArraySize(agents) > 0) {
			cli_buf_puts(b, " with concurrent ");
			join_words(b, agents, " + ");
		}
		radiation_target(b, item, modality);
		return;
	}
	if (cJSON_GetArraySize(agents) > 0) {
		if (chemoradiation)
			cli_buf_puts(b, "chemoradiation with ");
		join_words(b, agents, " + ");
		if (cJSON_GetArraySize(choices) > 0) {
			cli_buf_puts(b, " with one of ");
			join_words(b, choices, ", ");
		}
		return;
	}
	if (cJSON_GetArraySize(choices) > 0) {
		cli_buf_puts(b, chemoradiation ? "chemoradiation with one of " : "one of ");
		join_words(b, choices, ", ");
		return;
	}
	cli_words(b, modality);
	radiation_target(b, item, modality);
}

/* Whether `label` is one of the ", "-separated labels of `labels`. */
static int has_label(const char *labels, const char *label)
{
	size_t n = strlen(label);
	const char *p = labels;

	while ((p = strstr(p, label)) != NULL) {
		if ((p == labels || p[-1] == CLI_NBSP) && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

void cli_labels_add(cli_buf *labels, const cJSON *item)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(item, "evidence")) {
		const char *ref = cli_str_or(e, "ref", "");

		if (ref[0] == '\0' || has_label(cli_buf_text(labels), ref))
			continue;
		cli_buf_printf(labels, "%s%s", labels->length ? ",\x1f" : "", ref);
	}
}

void cli_refs(cli_buf *b, const cJSON *item)
{
	cli_buf labels = CLI_BUF_INIT;

	cli_labels_add(&labels, item);
	if (labels.length > 0)
		cli_buf_printf(b, "[%s]", cli_buf_text(&labels));
	cli_buf_free(&labels);
}

const char *cli_document_title(const cJSON *doc, const char *source)
{
	const cJSON *card = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "cards"), 0);
	const cJSON *d;

	cJSON_ArrayForEach(d, cJSON_GetObjectItemCaseSensitive(card, "documents"))
		if (strcmp(cli_str_or(d, "source", ""), source) == 0 && cli_str(d, "title") != NULL)
			return cli_str(d, "title");
	return source;
}

int cli_is_urgent(const cJSON *warning)
{
	const char *s = cli_str_or(warning, "severity", "");

	return strcmp(s, "critical") == 0 || strcmp(s, "serious") == 0;
}

const char *cli_history_words(const char *status)
{
	return strcmp(status, "progressed-on") == 0   ? "progressed on"
	       : strcmp(status, "not-tolerated") == 0 ? "not tolerated"
	       : strcmp(status, "adverse-event") == 0 ? "adverse event"
						      : status;
}

int cli_summary_names_choices(const cJSON *option)
{
	const char *summary = cli_str_or(option, "summary", "");
	const cJSON *c;

	cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(option, "choices")) {
		cli_buf w = CLI_BUF_INIT;
		int found;

		cli_words(&w, c->valuestring);
		found = strstr(summary, cli_buf_text(&w)) != NULL;
		cli_buf_free(&w);
		if (!found)
			return 0;
	}
	return 1;
}

int cli_has_name(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while ((p = strstr(p, name)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

const char *cli_if_undecided(const cJSON *entry, const char *field)
{
	const cJSON *u;

	cJSON_ArrayForEach(u, cJSON_GetObjectItemCaseSensitive(entry, "undecided"))
		if (strcmp(cli_str_or(u, "field", ""), field) == 0)
			return cli_str(u, "why");
	return NULL;
}

int cli_history_named_before(const cJSON *first, const cJSON *mark)
{
	const cJSON *m;

	for (m = first; m != NULL && m != mark; m = m->next)
		if (strcmp(cli_str_or(m, "status", ""), cli_str_or(mark, "status", "")) == 0 &&
		    strcmp(cli_str_or(m, "agent", ""), cli_str_or(mark, "agent", "")) == 0)
			return 1;
	return 0;
}

const cJSON *cli_missing_entry(const cJSON *doc, const char *field)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(doc, "missing_information"))
		if (strcmp(cli_str_or(e, "field", ""), field) == 0)
			return e;
	return NULL;
}
