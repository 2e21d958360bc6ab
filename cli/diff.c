/* diff.c: `oncorules diff --kb OLD --kb NEW CASES...`: what a change of the
 * rule base changes in the answers: per case, the recommendations,
 * warnings, exclusions and notes (by id) and missing information (by field)
 * added, removed or changed, and how many cases change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "casefiles.h"
#include "cli.h"
#include "printable.h"
#include "strbuf.h"

static const char usage_text[] =
	"usage: oncorules diff --kb OLD --kb NEW [--strategy NAME] CASES...\n"
	"\n"
	"Evaluates every case under both rule bases and lists, per case that\n"
	"changes, the recommendations, warnings, exclusions and notes (by id) and\n"
	"the missing information (by field) added (+), removed (-) or changed (~),\n"
	"then how many cases change. CASES are files or folders of regression case\n"
	"files (their \"input\" is used) or plain case files.\n"
	"\n"
	"Exit status: 0 no case changes, 1 some case changes, 2 usage or\n"
	"unreadable file, 3 a rule base failed to load.\n";

typedef struct section {
	const char *key, *singular, *id_key, *text_key;
} section;

static const section sections[] = {
	{"recommendations", "recommendation", "id", "summary"},
	{"possible", "possible option", "id", "summary"},
	{"warnings", "warning", "id", "text"},
	{"exclusions", "exclusion", "id", "reason"},
	{"notes", "note", "id", "text"},
	{"missing_information", "missing information", "field", "needed_for"},
	{"errors", "error", "pointer", "message"},
};

/* Keys that explain an item rather than say it: a change there alone is
 * not a change of the answer. */
static const char *const explaining[] = {"rule", "because", "evidence", NULL};

static const cJSON *get(const cJSON *o, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *str(const cJSON *o, const char *key)
{
	const char *s = cJSON_GetStringValue(get(o, key));

	return s != NULL ? s : "";
}

static const cJSON *find(const cJSON *list, const char *id_key, const char *id)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, list)
		if (strcmp(str(item, id_key), id) == 0)
			return item;
	return NULL;
}

/* Equal values, or both absent (cJSON_Compare is false for two NULLs). */
static int same_value(const cJSON *a, const cJSON *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && cJSON_Compare(a, b, 1));
}

static int explains(const char *key)
{
	const char *const *k;

	for (k = explaining; *k != NULL; k++)
		if (strcmp(key, *k) == 0)
			return 1;
	return 0;
}

/* The keys of the answer that differ between two items with one id. */
static void changed_keys(cli_buf *b, const cJSON *old, const cJSON *new_item)
{
	const cJSON *k;
	const char *sep = "";

	cJSON_ArrayForEach(k, new_item)
		if (!explains(k->string) && !same_value(k, get(old, k->string))) {
			cli_buf_printf(b, "%s%s", sep, k->string);
			sep = ", ";
		}
	cJSON_ArrayForEach(k, old)
		if (!explains(k->string) && get(new_item, k->string) == NULL) {
			cli_buf_printf(b, "%s%s", sep, k->string);
			sep = ", ";
		}
}

static int diff_section(cli_buf *b, const section *s, const cJSON *old, const cJSON *new_doc)
{
	const cJSON *a = get(old, s->key), *z = get(new_doc, s->key), *item, *other;
	int n = 0;

	cJSON_ArrayForEach(item, a)
		if (find(z, s->id_key, str(item, s->id_key)) == NULL) {
			cli_buf_printf(b, "  - %s %s: %s\n", s->singular, str(item, s->id_key),
				       str(item, s->text_key));
			n++;
		}
	cJSON_ArrayForEach(item, z) {
		other = find(a, s->id_key, str(item, s->id_key));
		if (other == NULL) {
			cli_buf_printf(b, "  + %s %s: %s\n", s->singular, str(item, s->id_key),
				       str(item, s->text_key));
			n++;
		} else if (strcmp(s->id_key, "id") == 0) {
			cli_buf changed = CLI_BUF_INIT;

			changed_keys(&changed, other, item);
			if (changed.length > 0) {
				cli_buf_printf(b, "  ~ %s %s: %s differ\n", s->singular,
					       str(item, s->id_key), cli_buf_text(&changed));
				n++;
			}
			cli_buf_free(&changed);
		}
	}
	return n;
}

/* The result of one case under one engine, parsed; NULL with a message. */
static cJSON *evaluate(onco_engine *engine, const char *input, cli_buf *problem)
{
	char *out = NULL;
	onco_error err;
	cJSON *doc;

	memset(&err, 0, sizeof(err));
	onco_engine_evaluate(engine, input, strlen(input), 0, &out, &err);
	doc = out != NULL ? cJSON_Parse(out) : NULL;
	if (doc == NULL) {
		cli_buf_puts(problem, "  cannot evaluate: ");
		cli_printable_append(problem, err.message);
		cli_buf_puts(problem, "\n");
	}
	/* Both sides alike: the comparison is unchanged, the report printable. */
	cli_json_printable(doc);
	free(out);
	return doc;
}

/* Returns 1 when the case changes, 0 when not, -1 when it cannot be read. */
static int diff_case(onco_engine *old_engine, onco_engine *new_engine, const char *path)
{
	char *input = cli_case_input(path);
	cli_buf b = CLI_BUF_INIT;
	cJSON *old = NULL, *new_doc = NULL;
	int changes = 0;
	size_t i;

	if (input == NULL) {
		char *shown = cli_printable(path);

		fprintf(stderr, "oncorules diff: %s: cannot read\n", shown);
		free(shown);
		return -1;
	}
	old = evaluate(old_engine, input, &b);
	new_doc = evaluate(new_engine, input, &b);
	if (old == NULL || new_doc == NULL) {
		changes = old != new_doc; /* one side only cannot be evaluated */
	} else {
		if (!same_value(get(old, "scope"), get(new_doc, "scope"))) {
			cli_buf_printf(&b, "  scope: %s -> %s\n", str(old, "scope"),
				       str(new_doc, "scope"));
			changes++;
		}
		for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
			changes += diff_section(&b, &sections[i], old, new_doc);
	}
	if (changes > 0 || b.length > 0) {
		char *shown = cli_printable(path);

		printf("%s (case %s)\n%s", shown, str(old != NULL ? old : new_doc, "case"),
		       cli_buf_text(&b));
		free(shown);
	}
	cJSON_Delete(old);
	cJSON_Delete(new_doc);
	cli_buf_free(&b);
	free(input);
	return changes > 0;
}

int cli_diff(int argc, char **argv)
{
	cli_engine_args old_args = {0}, new_args = {0};
	const char *kb[2] = {NULL, NULL};
	char **paths = calloc((size_t)argc + 1, sizeof(*paths));
	int i, npaths = 0, nkb = 0, status = CLI_EXIT_OK, changed = 0, r;
	onco_engine *old_engine = NULL, *new_engine = NULL;
	cli_case_files files = {NULL, 0};
	size_t k;

	for (i = 1; paths != NULL && i < argc; i++) {
		if (strcmp(argv[i], "--kb") == 0 && i + 1 < argc && nkb < 2) {
			kb[nkb++] = argv[++i];
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage_text, stdout);
			free(paths);
			return CLI_EXIT_OK;
		} else if ((r = cli_engine_arg(&old_args, argc, argv, &i)) != 0) {
			if (r < 0 || old_args.kb_dir != NULL) {
				fputs(usage_text, stderr);
				free(paths);
				return CLI_EXIT_USAGE;
			}
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "oncorules diff: unknown option %s\n%s", argv[i], usage_text);
			free(paths);
			return CLI_EXIT_USAGE;
		} else {
			paths[npaths++] = argv[i];
		}
	}
	if (paths == NULL || nkb != 2 || npaths == 0) {
		fputs(usage_text, stderr);
		free(paths);
		return CLI_EXIT_USAGE;
	}
	new_args.strategy = old_args.strategy;
	old_args.kb_dir = kb[0];
	new_args.kb_dir = kb[1];
	if (cli_case_files_collect(&files, paths, npaths) != 0)
		status = CLI_EXIT_USAGE;
	if ((old_engine = cli_engine_open(&old_args, &r)) == NULL ||
	    (new_engine = cli_engine_open(&new_args, &r)) == NULL) {
		status = r;
		goto done;
	}
	for (k = 0; k < files.count; k++) {
		r = diff_case(old_engine, new_engine, files.items[k].path);
		if (r < 0)
			status = CLI_EXIT_USAGE;
		else
			changed += r;
	}
	printf("%d of %zu cases change\n", changed, files.count);
	if (status == CLI_EXIT_OK && changed > 0)
		status = CLI_EXIT_FINDINGS;
done:
	onco_engine_free(old_engine);
	onco_engine_free(new_engine);
	cli_case_files_free(&files);
	free(paths);
	return status;
}
