/*
 * summary.c: the tumour-board summary. Warnings first (they can change
 * what is safe today), then the options grouped by modality, each with its
 * reasons and sources, then what is ruled out, what is missing, notes, and
 * the disclaimer.
 */
#include <string.h>

#include <cjson/cJSON.h>

#include "summary.h"

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

static void print_because(FILE *out, const cJSON *item)
{
	const cJSON *b, *p;
	const char *lead = "because:";

	cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(item, "because")) {
		int first = 1;
		fprintf(out, "      %-9s %s", lead, str(b, "statement"));
		cJSON_ArrayForEach(p, cJSON_GetObjectItemCaseSensitive(b, "pointers")) {
			fprintf(out, "%s%s", first ? "  [" : ", ", p->valuestring);
			first = 0;
		}
		fputs(first ? "\n" : "]\n", out);
		lead = "";
	}
}

static void print_evidence(FILE *out, const cJSON *item)
{
	const cJSON *e;
	const char *lead = "source:";

	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(item, "evidence")) {
		fprintf(out, "      %-9s %s, %s: \"%s\"\n", lead, str(e, "ref"), str(e, "source"),
			str(e, "quote"));
		lead = "";
	}
	fprintf(out, "      %-9s %s\n", "rule:", str(item, "rule"));
}

static void print_agents(FILE *out, const cJSON *item)
{
	const cJSON *a;
	int first = 1;

	cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(item, "agents")) {
		fprintf(out, "%s%s", first ? "      agents:   " : " + ", a->valuestring);
		first = 0;
	}
	if (!first)
		fputc('\n', out);
}

static void print_recommendation(FILE *out, const cJSON *r)
{
	const char *schedule = str(r, "schedule"), *procedure = str(r, "procedure");

	fprintf(out, "    - %s", str(r, "summary"));
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(r, "preferred")))
		fputs("  (PREFERRED)", out);
	fprintf(out, "\n      intent:   %s   id: %s\n", str(r, "intent"), str(r, "id"));
	print_agents(out, r);
	if (procedure != NULL)
		fprintf(out, "      procedure: %s%s%s\n", procedure,
			str(r, "target") ? ", target: " : "",
			str(r, "target") ? str(r, "target") : "");
	if (schedule != NULL && schedule[0] != '\0')
		fprintf(out, "      schedule: %s\n", schedule);
	print_because(out, r);
	print_evidence(out, r);
}

/* "needed for" names at most three options, then how many more: the JSON
 * result has them all. */
static void print_missing(FILE *out, const cJSON *item)
{
	const char *needed = str(item, "needed_for");
	int shown = 0, total = 1;
	const char *p;

	for (p = needed; (p = strstr(p, "; ")) != NULL; p += 2)
		total++;
	fprintf(out, "  ? %s\n      needed for: ", str(item, "field"));
	for (p = needed; shown < 3 && *p != '\0'; shown++) {
		size_t n = strcspn(p, ";");
		fprintf(out, "%s%.*s", shown ? "; " : "", (int)n, p);
		p += n;
		while (*p == ';' || *p == ' ')
			p++;
	}
	if (total > shown)
		fprintf(out, "; and %d more option%s", total - shown, total - shown > 1 ? "s" : "");
	fputc('\n', out);
}

static void print_errors(FILE *out, const cJSON *doc)
{
	const cJSON *e;
	const char *id = str(doc, "case");

	fprintf(out, "Case %s is not valid; no options are given for it.\n\n", id ? id : "(no id)");
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(doc, "errors"))
		fprintf(out, "  %s: %s\n", str(e, "pointer")[0] ? str(e, "pointer") : "(document)",
			str(e, "message"));
}

static void print_section(FILE *out, const char *title, const cJSON *list)
{
	fprintf(out, "\n%s (%d)\n", title, cJSON_GetArraySize(list));
}

int cli_summary_print(FILE *out, const char *result_json)
{
	cJSON *doc = cJSON_Parse(result_json);
	const cJSON *list, *item, *kb;
	size_t m;

	if (doc == NULL)
		return -1;
	if (cJSON_GetObjectItemCaseSensitive(doc, "errors") != NULL) {
		print_errors(out, doc);
		cJSON_Delete(doc);
		return 0;
	}
	kb = cJSON_GetObjectItemCaseSensitive(doc, "knowledge_base");
	fprintf(out, "oncorules: case %s (knowledge base %s, sha256 %.12s)\n", str(doc, "case"),
		str(kb, "version"), str(kb, "sha256"));
	if (strcmp(str(doc, "scope"), "covered") != 0) {
		fprintf(out, "\nNOT COVERED: %s\n", str(doc, "scope_reason"));
		fprintf(out, "No option is given: the rule base has no guidance for this case.\n");
	} else {
		fputs("Guidelines: ", out);
		cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, "guidelines"))
			fprintf(out, "%s%s", item->valuestring, item->next ? ", " : "\n");
	}

	/* Most severe first: the reader must not miss a critical warning
	 * below routine monitoring advice. */
	list = cJSON_GetObjectItemCaseSensitive(doc, "warnings");
	print_section(out, "WARNINGS", list);
	for (m = 0; m < sizeof(severities) / sizeof(severities[0]); m++)
		cJSON_ArrayForEach(item, list) {
			if (strcmp(str(item, "severity"), severities[m]) != 0)
				continue;
			fprintf(out, "  ! [%s] %s%s%s\n", str(item, "severity"),
				str(item, "agent") ? str(item, "agent") : "",
				str(item, "agent") ? ": " : "", str(item, "text"));
			print_because(out, item);
			print_evidence(out, item);
		}

	list = cJSON_GetObjectItemCaseSensitive(doc, "recommendations");
	print_section(out, "OPTIONS FOR DISCUSSION", list);
	for (m = 0; m < sizeof(modalities) / sizeof(modalities[0]); m++) {
		int header = 0;
		cJSON_ArrayForEach(item, list) {
			if (strcmp(str(item, "modality"), modalities[m]) != 0)
				continue;
			if (!header)
				fprintf(out, "  %s\n", modalities[m]);
			header = 1;
			print_recommendation(out, item);
		}
	}
	if (cJSON_GetArraySize(list) == 0 && strcmp(str(doc, "scope"), "covered") == 0)
		fputs("  The rules found no option for this case; see what is missing below.\n",
		      out);

	list = cJSON_GetObjectItemCaseSensitive(doc, "exclusions");
	print_section(out, "NOT RECOMMENDED FOR THIS PATIENT", list);
	cJSON_ArrayForEach(item, list) {
		fprintf(out, "  x %s: %s\n", str(item, "option"), str(item, "reason"));
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
		fprintf(out, "  - %s\n", str(item, "text"));
		print_evidence(out, item);
	}
	fprintf(out, "\n%s\n", str(doc, "disclaimer"));
	cJSON_Delete(doc);
	return 0;
}
