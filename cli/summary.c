/*
 * summary.c: the tumour-board summary. Warnings first, most severe first
 * (they can change what is safe today), then the options grouped by
 * modality, each with its reasons and sources, then what is ruled out, what
 * is missing, notes, and the disclaimer. Lines are wrapped at a fixed width
 * with hanging indents, so the summary reads the same on a terminal, in a
 * log and on paper (and the output stays byte-identical).
 */
#include <string.h>

#include <cjson/cJSON.h>

#include "strbuf.h"
#include "summary.h"

#define WIDTH 100

static const char *const modalities[] = {
	"surgery", "chemoradiation", "radiation", "brachytherapy", "chemotherapy",
	"targeted", "immunotherapy", "hormonal", "ovarian-suppression",
	"bone-targeted", "supportive-care", "clinical-trial"};

static const char *const severities[] = {"critical", "serious", "caution", "info"};

static const char *str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static const char *str_or(const cJSON *o, const char *key, const char *otherwise)
{
	const char *s = str(o, key);

	return s != NULL ? s : otherwise;
}

/* Writes `text` after `first` (the first line's lead), wrapping at WIDTH
 * at spaces; continuation lines start with as many spaces as `first` is
 * long. A word longer than a line is written whole. */
static void wrap(FILE *out, const char *first, const char *text)
{
	size_t indent = strlen(first), room = WIDTH > indent + 20 ? WIDTH - indent : 20;
	const char *p = text;

	fputs(first, out);
	while (*p != '\0') {
		size_t n = strlen(p), cut;

		if (n <= room) {
			fputs(p, out);
			break;
		}
		size_t end;

		for (cut = room; cut > 0 && p[cut] != ' '; cut--)
			;
		if (cut == 0)
			cut = strcspn(p, " ");
		for (end = cut; end > 0 && p[end - 1] == ' '; end--)
			;
		fprintf(out, "%.*s\n%*s", (int)end, p, (int)indent, "");
		p += cut;
		while (*p == ' ')
			p++;
	}
	fputc('\n', out);
}

static void print_because(FILE *out, const cJSON *item)
{
	const cJSON *b, *p;
	const char *lead = "      because:  ";

	cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(item, "because")) {
		cli_buf line = CLI_BUF_INIT;
		int first = 1;

		cli_buf_puts(&line, str_or(b, "statement", ""));
		cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(b, "pointers")) {
			cli_buf_printf(&line, "%s%s", first ? "  [" : ", ", p->valuestring);
			first = 0;
		}
		if (!first)
			cli_buf_puts(&line, "]");
		wrap(out, lead, cli_buf_text(&line));
		cli_buf_free(&line);
		lead = "                ";
	}
}

static void print_evidence(FILE *out, const cJSON *item)
{
	const cJSON *e;
	const char *lead = "      source:   ";

	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(item, "evidence")) {
		cli_buf line = CLI_BUF_INIT;

		cli_buf_printf(&line, "%s, %s: \"%s\"", str_or(e, "ref", ""),
			       str_or(e, "source", ""), str_or(e, "quote", ""));
		wrap(out, lead, cli_buf_text(&line));
		cli_buf_free(&line);
		lead = "                ";
	}
	fprintf(out, "      rule:     %s\n", str_or(item, "rule", ""));
}

static void print_recommendation(FILE *out, const cJSON *r)
{
	const char *schedule = str(r, "schedule"), *procedure = str(r, "procedure");
	const cJSON *a;
	cli_buf line = CLI_BUF_INIT;

	cli_buf_puts(&line, str_or(r, "summary", ""));
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "preferred")))
		cli_buf_puts(&line, "  (PREFERRED)");
	wrap(out, "    - ", cli_buf_text(&line));
	cli_buf_free(&line);
	fprintf(out, "      intent:   %s   id: %s\n", str_or(r, "intent", ""), str_or(r, "id", ""));
	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(r, "agents"))
		cli_buf_printf(&line, "%s%s", line.length ? " + " : "", a->valuestring);
	if (line.length > 0)
		wrap(out, "      agents:   ", cli_buf_text(&line));
	cli_buf_free(&line);
	if (procedure != NULL)
		fprintf(out, "      procedure: %s%s%s\n", procedure, str(r, "target") ? ", target: " : "",
			str_or(r, "target", ""));
	if (schedule != NULL && schedule[0] != '\0')
		wrap(out, "      schedule: ", schedule);
	print_because(out, r);
	print_evidence(out, r);
}

/* "needed for" names at most three options, then how many more: the JSON
 * result has them all. */
static void print_missing(FILE *out, const cJSON *item)
{
	const char *needed = str_or(item, "needed_for", "");
	int shown = 0, total = needed[0] != '\0';
	const char *p;
	cli_buf line = CLI_BUF_INIT;

	for (p = needed; (p = strstr(p, "; ")) != NULL; p += 2)
		total++;
	for (p = needed; shown < 3 && *p != '\0'; shown++) {
		size_t n = strcspn(p, ";");
		cli_buf_printf(&line, "%s%.*s", shown ? "; " : "", (int)n, p);
		p += n;
		while (*p == ';' || *p == ' ')
			p++;
	}
	if (total > shown)
		cli_buf_printf(&line, "; and %d more option%s", total - shown,
			       total - shown > 1 ? "s" : "");
	fprintf(out, "  ? %s\n", str_or(item, "field", ""));
	wrap(out, "      needed for: ", cli_buf_text(&line));
	cli_buf_free(&line);
}

static void print_errors(FILE *out, const cJSON *doc)
{
	const cJSON *e;
	const char *id = str(doc, "case");

	fprintf(out, "Case %s is not valid; no options are given for it.\n\n", id ? id : "(no id)");
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(doc, "errors")) {
		cli_buf line = CLI_BUF_INIT;
		const char *pointer = str_or(e, "pointer", "");

		cli_buf_printf(&line, "%s: %s", pointer[0] ? pointer : "(document)",
			       str_or(e, "message", ""));
		wrap(out, "  ", cli_buf_text(&line));
		cli_buf_free(&line);
	}
}

static void print_section(FILE *out, const char *title, const cJSON *list)
{
	fprintf(out, "\n%s (%d)\n", title, cJSON_GetArraySize(list));
}

static void print_header(FILE *out, const cJSON *doc)
{
	const cJSON *kb = cJSON_GetObjectItemCaseSensitive(doc, "knowledge_base"), *item;

	fprintf(out, "oncorules: case %s (knowledge base %s, sha256 %.12s)\n",
		str_or(doc, "case", ""), str_or(kb, "version", ""), str_or(kb, "sha256", ""));
	if (strcmp(str_or(doc, "scope", ""), "covered") != 0) {
		fputc('\n', out);
		wrap(out, "NOT COVERED: ", str_or(doc, "scope_reason", ""));
		fputs("No option is given: the rule base has no guidance for this case.\n", out);
		return;
	}
	fputs("Guidelines: ", out);
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, "guidelines"))
		fprintf(out, "%s%s", item->valuestring, item->next ? ", " : "\n");
}

static void print_warnings(FILE *out, const cJSON *doc)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "warnings"), *item;
	size_t s;

	/* Most severe first: the reader must not miss a critical warning
	 * below routine monitoring advice. */
	print_section(out, "WARNINGS", list);
	for (s = 0; s < sizeof(severities) / sizeof(severities[0]); s++)
		cJSON_ArrayForEach(item, list) {
			cli_buf line = CLI_BUF_INIT;

			if (strcmp(str_or(item, "severity", ""), severities[s]) != 0)
				continue;
			cli_buf_printf(&line, "[%s] %s%s%s", severities[s],
				       str_or(item, "agent", ""), str(item, "agent") ? ": " : "",
				       str_or(item, "text", ""));
			wrap(out, "  ! ", cli_buf_text(&line));
			cli_buf_free(&line);
			print_because(out, item);
			print_evidence(out, item);
		}
}

static void print_options(FILE *out, const cJSON *doc)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "recommendations"), *item;
	size_t m;

	print_section(out, "OPTIONS FOR DISCUSSION", list);
	for (m = 0; m < sizeof(modalities) / sizeof(modalities[0]); m++) {
		int header = 0;

		cJSON_ArrayForEach(item, list) {
			if (strcmp(str_or(item, "modality", ""), modalities[m]) != 0)
				continue;
			if (!header)
				fprintf(out, "  %s\n", modalities[m]);
			header = 1;
			print_recommendation(out, item);
		}
	}
	if (cJSON_GetArraySize(list) == 0 && strcmp(str_or(doc, "scope", ""), "covered") == 0)
		fputs("  The rules found no option for this case; see what is missing below.\n", out);
}

/* The drugs the case names outside the list the rules know: no rule
 * checked them, and the board must see that (shown only when there are). */
static void print_not_assessed(FILE *out, const cJSON *doc)
{
	const cJSON *list = cJSON_GetObjectItemCaseSensitive(doc, "not_assessed"), *item;

	if (cJSON_GetArraySize(list) == 0)
		return;
	fprintf(out, "\nNOT ASSESSED BY THE RULE BASE (%d): drugs recorded by name, outside its list\n",
		cJSON_GetArraySize(list));
	cJSON_ArrayForEach(item, list)
		fprintf(out, "  ? %s [%s]\n", str_or(item, "name", ""), str_or(item, "pointer", ""));
}

int cli_summary_print(FILE *out, const char *result_json)
{
	cJSON *doc = cJSON_Parse(result_json);
	const cJSON *list, *item;

	if (doc == NULL)
		return -1;
	if (cJSON_GetObjectItemCaseSensitive(doc, "errors") != NULL) {
		print_errors(out, doc);
		cJSON_Delete(doc);
		return 0;
	}
	print_header(out, doc);
	print_warnings(out, doc);
	print_not_assessed(out, doc);
	print_options(out, doc);

	list = cJSON_GetObjectItemCaseSensitive(doc, "exclusions");
	print_section(out, "NOT RECOMMENDED FOR THIS PATIENT", list);
	cJSON_ArrayForEach(item, list) {
		cli_buf line = CLI_BUF_INIT;

		cli_buf_printf(&line, "%s: %s", str_or(item, "option", ""), str_or(item, "reason", ""));
		wrap(out, "  x ", cli_buf_text(&line));
		cli_buf_free(&line);
		print_because(out, item);
		print_evidence(out, item);
	}

	list = cJSON_GetObjectItemCaseSensitive(doc, "missing_information");
	print_section(out, "MISSING INFORMATION", list);
	cJSON_ArrayForEach(item, list)
		print_missing(out, item);

	list = cJSON_GetObjectItemCaseSensitive(doc, "notes");
	print_section(out, "NOTES", list);
	cJSON_ArrayForEach(item, list) {
		wrap(out, "  - ", str_or(item, "text", ""));
		print_evidence(out, item);
	}
	fputc('\n', out);
	wrap(out, "", str_or(doc, "disclaimer", ""));
	cJSON_Delete(doc);
	return 0;
}
