/* changed.c: the state of the last `oncorules test --changed` run and what
 * must run again (see changed.h). */
#include "changed.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "strbuf.h"

#define STATE_MAGIC "oncorules test --changed state 1"

/* A rule-base file: its fingerprint, and the one guideline all its rules
 * belong to (NULL: shared). */
typedef struct kb_file {
	char *name;
	char *hash;
	char *guideline;
} kb_file;

/* A case file as the last run left it, or as this run leaves it. */
typedef struct case_state {
	char *path;
	char *hash;       /* of its text and its golden text */
	int outcome;      /* 0 pass, 1 fail, 2 error */
	char *guidelines; /* "a,b", "" when not covered, "?" when not evaluated */
} case_state;

struct cli_changed {
	char *path;
	char *options;
	int options_changed;
	kb_file *now, *before; /* this rule base, and the last run's */
	size_t n_now, n_before;
	case_state *cases, *old; /* recorded this run, and read from the state */
	size_t n_cases, n_old;
};

static char *fingerprint(const char *text, size_t length)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	char out[17];
	size_t i;

	for (i = 0; i < length; i++)
		h = (h ^ (unsigned char)text[i]) * 0x100000001b3ULL;
	snprintf(out, sizeof(out), "%016llx", (unsigned long long)h);
	return cli_xstrdup(out);
}

static char *case_hash(const char *text, const char *golden)
{
	cli_buf b = CLI_BUF_INIT;
	char *h;

	cli_buf_puts(&b, text);
	cli_buf_append(&b, "\0", 1);
	if (golden != NULL)
		cli_buf_puts(&b, golden);
	h = fingerprint(cli_buf_text(&b), b.length);
	cli_buf_free(&b);
	return h;
}

static const char *str(const cJSON *o, const char *key)
{
	const char *s = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));

	return s != NULL ? s : "";
}

/* The one guideline of a rule file's rules (their scope conditions and the
 * scopes they assert), or NULL when they name none or several. */
static char *file_guideline(const cJSON *catalogue, const char *file)
{
	const cJSON *rule, *g;
	const char *one = NULL;

	cJSON_ArrayForEach(rule, cJSON_GetObjectItemCaseSensitive(catalogue, "rules")) {
		if (strcmp(str(rule, "file"), file) != 0)
			continue;
		if (strcmp(str(rule, "kind"), "scope") == 0) {
			if (one != NULL && strcmp(one, str(rule, "concludes")) != 0)
				return NULL;
			one = str(rule, "concludes");
		}
		cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(rule, "guidelines")) {
			if (one != NULL && strcmp(one, cJSON_GetStringValue(g)) != 0)
				return NULL;
			one = cJSON_GetStringValue(g);
		}
	}
	return one != NULL && one[0] != '\0' ? cli_xstrdup(one) : NULL;
}

static void read_rule_base(cli_changed *ch, onco_engine *engine)
{
	char *json = NULL;
	cJSON *catalogue = NULL;
	onco_error err;
	size_t i, n = onco_engine_kb_file_count(engine);

	memset(&err, 0, sizeof(err));
	if (onco_engine_catalogue(engine, 0, &json, &err) == 0)
		catalogue = cJSON_Parse(json);
	free(json);
	for (i = 0; i < n; i++) {
		const char *name = onco_engine_kb_file_name(engine, i);
		size_t length = strlen(name);
		const char *text;
		kb_file *f;

		if (length < 4 || strcmp(name + length - 4, ".clp") != 0)
			continue;
		text = onco_engine_kb_text(engine, name, &length);
		ch->now = cli_xrealloc(ch->now, (ch->n_now + 1) * sizeof(*ch->now));
		f = &ch->now[ch->n_now++];
		f->name = cli_xstrdup(name);
		f->hash = fingerprint(text, length);
		f->guideline = catalogue != NULL ? file_guideline(catalogue, name) : NULL;
	}
	cJSON_Delete(catalogue);
}

/* Splits off the next space-separated field of *line. */
static char *field(char **line)
{
	char *start = *line, *space = strchr(start, ' ');

	if (space != NULL) {
		*space = '\0';
		*line = space + 1;
	} else {
		*line = start + strlen(start);
	}
	return start;
}

static void read_state(cli_changed *ch)
{
	size_t length;
	char *text = cli_read_file(ch->path, CLI_FILE_MAX, &length), *line, *next;
	int options_seen = 0;

	ch->options_changed = 1;
	if (text == NULL || strncmp(text, STATE_MAGIC "\n", strlen(STATE_MAGIC) + 1) != 0) {
		free(text);
		return;
	}
	for (line = strchr(text, '\n') + 1; *line != '\0'; line = next) {
		char *kind;

		next = strchr(line, '\n');
		if (next == NULL)
			break; /* a line cut short: ignore it */
		*next++ = '\0';
		kind = field(&line);
		if (strcmp(kind, "options") == 0) {
			options_seen = 1;
			ch->options_changed = strcmp(line, ch->options) != 0;
		} else if (strcmp(kind, "file") == 0) {
			kb_file *f;

			ch->before = cli_xrealloc(ch->before, (ch->n_before + 1) * sizeof(*ch->before));
			f = &ch->before[ch->n_before++];
			f->hash = cli_xstrdup(field(&line));
			f->guideline = cli_xstrdup(field(&line));
			f->name = cli_xstrdup(line);
		} else if (strcmp(kind, "case") == 0) {
			case_state *c;

			ch->old = cli_xrealloc(ch->old, (ch->n_old + 1) * sizeof(*ch->old));
			c = &ch->old[ch->n_old++];
			c->hash = cli_xstrdup(field(&line));
			c->outcome = atoi(field(&line));
			c->guidelines = cli_xstrdup(field(&line));
			c->path = cli_xstrdup(line);
		}
	}
	if (!options_seen)
		ch->options_changed = 1;
	free(text);
}

cli_changed *cli_changed_open(const char *path, onco_engine *engine, const char *options)
{
	cli_changed *ch = cli_xrealloc(NULL, sizeof(*ch));

	memset(ch, 0, sizeof(*ch));
	ch->path = cli_xstrdup(path);
	ch->options = cli_xstrdup(options);
	read_rule_base(ch, engine);
	read_state(ch);
	return ch;
}

static const kb_file *find_file(const kb_file *files, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(files[i].name, name) == 0)
			return &files[i];
	return NULL;
}

/* Does "a,b" hold `g`? An empty list (not covered) holds every guideline:
 * a change of a guideline file may make it covered. */
static int covers(const char *guidelines, const char *g)
{
	size_t n = strlen(g);
	const char *p = guidelines;

	if (guidelines[0] == '\0')
		return 1;
	while ((p = strstr(p, g)) != NULL) {
		if ((p == guidelines || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

/* Does a change of the rule file (now `f`, before `b`; either NULL when it
 * is new or gone) concern a case covered by `guidelines`? */
static int change_concerns(const kb_file *f, const kb_file *b, const char *guidelines)
{
	const char *g = f != NULL ? (f->guideline != NULL ? f->guideline : "-")
				  : b->guideline;

	if (f != NULL && b != NULL && strcmp(f->hash, b->hash) == 0)
		return 0;
	if (b != NULL && f != NULL && strcmp(b->guideline, g) != 0)
		return 1; /* it changed guideline: treat it as shared */
	if (strcmp(g, "-") == 0 || strcmp(guidelines, "?") == 0)
		return 1;
	return covers(guidelines, g);
}

int cli_changed_needed(const cli_changed *ch, const char *path, const char *text,
		       const char *golden)
{
	const case_state *old = NULL;
	char *hash;
	size_t i;
	int same;

	if (ch->options_changed)
		return 1;
	for (i = 0; i < ch->n_old && old == NULL; i++)
		if (strcmp(ch->old[i].path, path) == 0)
			old = &ch->old[i];
	if (old == NULL || old->outcome != 0)
		return 1;
	hash = case_hash(text, golden);
	same = strcmp(hash, old->hash) == 0;
	free(hash);
	if (!same)
		return 1;
	for (i = 0; i < ch->n_now; i++)
		if (change_concerns(&ch->now[i],
				    find_file(ch->before, ch->n_before, ch->now[i].name),
				    old->guidelines))
			return 1;
	for (i = 0; i < ch->n_before; i++)
		if (find_file(ch->now, ch->n_now, ch->before[i].name) == NULL &&
		    change_concerns(NULL, &ch->before[i], old->guidelines))
			return 1;
	return 0;
}

void cli_changed_record(cli_changed *ch, const char *path, const char *text,
			const char *golden, int outcome, const cJSON *guidelines)
{
	case_state *c;
	const cJSON *g;
	cli_buf list = CLI_BUF_INIT;

	ch->cases = cli_xrealloc(ch->cases, (ch->n_cases + 1) * sizeof(*ch->cases));
	c = &ch->cases[ch->n_cases++];
	c->path = cli_xstrdup(path);
	c->hash = case_hash(text != NULL ? text : "", golden);
	c->outcome = outcome;
	if (guidelines == NULL) {
		cli_buf_puts(&list, "?");
	} else {
		cJSON_ArrayForEach(g, guidelines)
			if (cJSON_IsString(g))
				cli_buf_printf(&list, "%s%s", list.length ? "," : "", g->valuestring);
	}
	c->guidelines = cli_buf_take(&list);
}

/* A case not run this time keeps the last run's record. */
static const case_state *kept(const cli_changed *ch, const case_state *old)
{
	size_t i;

	for (i = 0; i < ch->n_cases; i++)
		if (strcmp(ch->cases[i].path, old->path) == 0)
			return NULL;
	return old;
}

int cli_changed_save(cli_changed *ch)
{
	cli_buf b = CLI_BUF_INIT;
	cli_buf tmp = CLI_BUF_INIT;
	FILE *f;
	size_t i;
	int ok;

	cli_buf_printf(&b, "%s\noptions %s\n", STATE_MAGIC, ch->options);
	for (i = 0; i < ch->n_now; i++)
		cli_buf_printf(&b, "file %s %s %s\n", ch->now[i].hash,
			       ch->now[i].guideline != NULL ? ch->now[i].guideline : "-",
			       ch->now[i].name);
	for (i = 0; i < ch->n_cases; i++)
		cli_buf_printf(&b, "case %s %d %s %s\n", ch->cases[i].hash, ch->cases[i].outcome,
			       ch->cases[i].guidelines[0] ? ch->cases[i].guidelines : "",
			       ch->cases[i].path);
	for (i = 0; i < ch->n_old; i++) {
		const case_state *c = kept(ch, &ch->old[i]);

		if (c != NULL)
			cli_buf_printf(&b, "case %s %d %s %s\n", c->hash, c->outcome,
				       c->guidelines, c->path);
	}
	cli_buf_printf(&tmp, "%s.tmp", ch->path);
	f = fopen(cli_buf_text(&tmp), "wb");
	ok = f != NULL && fputs(cli_buf_text(&b), f) >= 0;
	if (f != NULL && fclose(f) != 0)
		ok = 0;
	if (ok && rename(cli_buf_text(&tmp), ch->path) != 0)
		ok = 0;
	if (!ok) {
		int saved = errno;

		remove(cli_buf_text(&tmp));
		errno = saved;
	}
	cli_buf_free(&b);
	cli_buf_free(&tmp);
	return ok ? 0 : -1;
}

static void free_files(kb_file *files, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(files[i].name);
		free(files[i].hash);
		free(files[i].guideline);
	}
	free(files);
}

static void free_cases(case_state *cases, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(cases[i].path);
		free(cases[i].hash);
		free(cases[i].guidelines);
	}
	free(cases);
}

void cli_changed_free(cli_changed *ch)
{
	if (ch == NULL)
		return;
	free_files(ch->now, ch->n_now);
	free_files(ch->before, ch->n_before);
	free_cases(ch->cases, ch->n_cases);
	free_cases(ch->old, ch->n_old);
	free(ch->path);
	free(ch->options);
	free(ch);
}
