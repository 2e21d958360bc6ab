/* expect_kb.c: are a case file's expectations and labels about things the
 * rule base has? An expected or absent id no rule can conclude, an option
 * no rule recommends, a label not in the knowledge map: each is an error
 * of the case file (it would assert nothing), named with a did-you-mean. */
#include "expect.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kbmap.h"

/* The sections whose items name a conclusion by id, and the catalogue
 * kind of that conclusion. */
static const struct {
	const char *key, *absent, *kind, *singular;
} id_sections[] = {
	{"recommendations", "absent_recommendations", "recommendation", "recommendation"},
	{"exclusions", "absent_exclusions", "exclusion", "exclusion"},
	{"warnings", "absent_warnings", "warning", "warning"},
	{"notes", "absent_notes", "note", "note"},
};
#define N_KINDS (sizeof(id_sections) / sizeof(id_sections[0]))

/* The ids of one conclusion kind: literal (NULL-terminated, for the
 * did-you-mean) and patterns of ids computed by gates ("*-excluded-x"). */
typedef struct id_set {
	const char **ids;
	size_t n_ids;
	const char **patterns;
	size_t n_patterns;
} id_set;

struct cli_expect_kb {
	cJSON *catalogue;
	id_set kinds[N_KINDS];
	char **labels; /* NULL-terminated; NULL when the rule base has no map */
	size_t n_labels;
};

static const char *str(const cJSON *o, const char *key)
{
	return cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
}

static void push(const char ***list, size_t *n, const char *s)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*list)[i], s) == 0)
			return;
	*list = cli_xrealloc(*list, (*n + 2) * sizeof(**list));
	(*list)[(*n)++] = s;
	(*list)[*n] = NULL;
}

cli_expect_kb *cli_expect_kb_new(onco_engine *engine, const char *map_path)
{
	cli_expect_kb *kb = cli_xrealloc(NULL, sizeof(*kb));
	char *json = NULL;
	onco_error err;
	const cJSON *rule;
	size_t k;

	memset(kb, 0, sizeof(*kb));
	memset(&err, 0, sizeof(err));
	if (onco_engine_catalogue(engine, 0, &json, &err) != 0 ||
	    (kb->catalogue = cJSON_Parse(json)) == NULL) {
		free(json);
		free(kb);
		return NULL;
	}
	free(json);
	for (k = 0; k < N_KINDS; k++) {
		push(&kb->kinds[k].ids, &kb->kinds[k].n_ids, "");
		kb->kinds[k].n_ids = 0;
		push(&kb->kinds[k].patterns, &kb->kinds[k].n_patterns, "");
		kb->kinds[k].n_patterns = 0;
	}
	cJSON_ArrayForEach(rule, cJSON_GetObjectItemCaseSensitive(kb->catalogue, "rules")) {
		const char *kind = str(rule, "kind"), *id = str(rule, "concludes");
		const char *pattern = str(rule, "concludes_pattern");

		for (k = 0; k < N_KINDS; k++) {
			if (kind == NULL || strcmp(kind, id_sections[k].kind) != 0)
				continue;
			if (pattern != NULL)
				push(&kb->kinds[k].patterns, &kb->kinds[k].n_patterns, pattern);
			else if (id != NULL)
				push(&kb->kinds[k].ids, &kb->kinds[k].n_ids, id);
		}
	}
	kb->labels = cli_map_labels(engine, map_path, &kb->n_labels);
	if (kb->labels != NULL) {
		kb->labels = cli_xrealloc(kb->labels, (kb->n_labels + 1) * sizeof(*kb->labels));
		kb->labels[kb->n_labels] = NULL;
	}
	return kb;
}

void cli_expect_kb_free(cli_expect_kb *kb)
{
	size_t k;

	if (kb == NULL)
		return;
	for (k = 0; k < N_KINDS; k++) {
		free(kb->kinds[k].ids);
		free(kb->kinds[k].patterns);
	}
	onco_map_labels_free(kb->labels, kb->n_labels);
	cJSON_Delete(kb->catalogue);
	free(kb);
}

static int known_id(const id_set *set, const char *id)
{
	size_t i;

	for (i = 0; i < set->n_ids; i++)
		if (strcmp(set->ids[i], id) == 0)
			return 1;
	for (i = 0; i < set->n_patterns; i++)
		if (fnmatch(set->patterns[i], id, 0) == 0)
			return 1;
	return 0;
}

static void did_you_mean(cli_buf *report, const char *given, const char *const *candidates)
{
	const char *hint = onco_suggest(given, candidates);

	if (hint != NULL)
		cli_buf_printf(report, " Did you mean \"%s\"?", hint);
}

/* Checks the `key` ("id" or "option") of each item of expect.`list_key`
 * against `set`. */
static int check_list(cli_buf *report, const cJSON *expect, const char *list_key,
		      const char *key, const id_set *set, const char *what)
{
	const cJSON *item;
	int problems = 0, i = 0;

	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(expect, list_key)) {
		const char *id = str(item, key);

		if (id != NULL && !known_id(set, id)) {
			cli_buf_printf(report, "  \"expect\".\"%s\"[%d].%s \"%s\": no rule of the rule base concludes %s with this id.",
				       list_key, i, key, id, what);
			did_you_mean(report, id, set->ids);
			cli_buf_puts(report, " Correct the id in this case file (`oncorules rules` lists what each rule concludes).\n");
			problems++;
		}
		i++;
	}
	return problems;
}

/* "A4-1, A4-2, ...": the map's labels that share the given label's prefix
 * (the part before the hyphen), or all of them when none does. */
static void same_family(cli_buf *report, char *const *labels, const char *given)
{
	size_t n = strcspn(given, "-"), i;
	const char *sep = "";
	int any = 0;

	for (i = 0; labels[i] != NULL; i++)
		any |= strncmp(labels[i], given, n) == 0 && labels[i][n] == '-';
	for (i = 0; labels[i] != NULL; i++) {
		if (any && !(strncmp(labels[i], given, n) == 0 && labels[i][n] == '-'))
			continue;
		cli_buf_printf(report, "%s%s", sep, labels[i]);
		sep = ", ";
	}
}

/* A label written another way ("a4-1", "A4 1", "A41"): the same letters
 * and digits, case ignored. Edit distance means little between labels
 * ("A4-9" is one edit from every A4 label), so only this is suggested. */
static const char *same_label(char *const *labels, const char *given)
{
	size_t i;

	for (i = 0; labels[i] != NULL; i++) {
		const char *a = labels[i], *b = given;

		for (;;) {
			while (*a != '\0' && !isalnum((unsigned char)*a))
				a++;
			while (*b != '\0' && !isalnum((unsigned char)*b))
				b++;
			if (*a == '\0' || *b == '\0' ||
			    toupper((unsigned char)*a) != toupper((unsigned char)*b))
				break;
			a++, b++;
		}
		if (*a == '\0' && *b == '\0')
			return labels[i];
	}
	return NULL;
}

static int check_labels(cli_buf *report, const cJSON *doc, const cli_expect_kb *kb)
{
	const cJSON *label;
	int problems = 0, i = 0;

	if (kb->labels == NULL)
		return 0;
	cJSON_ArrayForEach(label, cJSON_GetObjectItemCaseSensitive(doc, "labels")) {
		size_t j;
		int found = 0;

		if (!cJSON_IsString(label)) {
			cli_buf_printf(report, "  \"labels\"[%d] must be a string, a label of the knowledge map\n", i++);
			problems++;
			continue;
		}
		for (j = 0; j < kb->n_labels; j++)
			found |= strcmp(kb->labels[j], label->valuestring) == 0;
		if (!found) {
			const char *hint = same_label(kb->labels, label->valuestring);

			cli_buf_printf(report, "  \"labels\"[%d] \"%s\" is not a label of the knowledge map.",
				       i, label->valuestring);
			if (hint != NULL)
				cli_buf_printf(report, " Did you mean \"%s\"?", hint);
			cli_buf_puts(report, " Correct it in this case file; the map has ");
			same_family(report, kb->labels, label->valuestring);
			cli_buf_puts(report, ".\n");
			problems++;
		}
		i++;
	}
	return problems;
}

int cli_expect_check_kb(cli_buf *report, const cJSON *doc, const cli_expect_kb *kb)
{
	const cJSON *expect = cJSON_GetObjectItemCaseSensitive(doc, "expect");
	int problems = check_labels(report, doc, kb);
	size_t k;

	for (k = 0; k < N_KINDS; k++) {
		char what[64];

		snprintf(what, sizeof(what), "%s %s",
			 strchr("aeiou", id_sections[k].singular[0]) ? "an" : "a",
			 id_sections[k].singular);
		problems += check_list(report, expect, id_sections[k].key, "id", &kb->kinds[k], what);
		problems += check_list(report, expect, id_sections[k].absent, "id", &kb->kinds[k], what);
	}
	/* an exclusion or a warning names the option it is about */
	for (k = 1; k <= 2; k++) {
		problems += check_list(report, expect, id_sections[k].key, "option", &kb->kinds[0],
				       "a recommendation");
		problems += check_list(report, expect, id_sections[k].absent, "option",
				       &kb->kinds[0], "a recommendation");
	}
	return problems;
}
