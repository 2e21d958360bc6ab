/*
 * cds_table.c: decision cards -> CDS Hooks cards, one row per card kind,
 * and warning severities -> indicators. docs/service.md ("Cards") lists
 * the same rows; tests/scripts/serve_test.py checks that both agree.
 */
#include <string.h>

#include "cds.h"

/* A card's indicator is its row's, raised to the most urgent indicator of
 * the warnings it holds. Summaries name the first item of the `lead`
 * list (the card orders its items: preferred option first, most severe
 * warning first, most consequential missing fact first). */
const cds_card_row cds_card_rows[] = {
	/* kind, indicator, lead, source: what each holds is in docs/service.md */
	{"status", CDS_INFO, NULL, CDS_SOURCE_GUIDELINE},
	{"curative-local", CDS_INFO, "options", CDS_SOURCE_GUIDELINE},
	{"local", CDS_INFO, "options", CDS_SOURCE_GUIDELINE},
	{"systemic", CDS_INFO, "options", CDS_SOURCE_GUIDELINE},
	{"later-line", CDS_INFO, "options", CDS_SOURCE_GUIDELINE},
	{"symptom-control", CDS_INFO, "options", CDS_SOURCE_GUIDELINE},
	{"supportive-care", CDS_INFO, "options", CDS_SOURCE_GUIDELINE},
	{"clinical-trial", CDS_INFO, "options", CDS_SOURCE_GUIDELINE},
	{"safety", CDS_INFO, "warnings", CDS_SOURCE_GUIDELINE},
	{"ruled-out", CDS_INFO, "exclusions", CDS_SOURCE_GUIDELINE},
	{"missing", CDS_INFO, "missing", CDS_SOURCE_GUIDELINE},
	{"notes", CDS_INFO, "notes", CDS_SOURCE_GUIDELINE},
	{"not-covered", CDS_INFO, NULL, CDS_SOURCE_GUIDELINE},
	{"no-case", CDS_INFO, NULL, CDS_SOURCE_RECORD},
	{"source-record", CDS_INFO, NULL, CDS_SOURCE_RECORD},
	{"unknown-kind", CDS_INFO, "options", CDS_SOURCE_GUIDELINE},
};
const size_t cds_card_row_count = sizeof(cds_card_rows) / sizeof(cds_card_rows[0]);

/* As the text view marks them: critical (!!) and serious (!) stand out. */
const cds_severity_row cds_severity_rows[] = {
	{"critical", CDS_CRITICAL},
	{"serious", CDS_WARNING},
	{"caution", CDS_INFO},
	{"info", CDS_INFO},
};
const size_t cds_severity_row_count = sizeof(cds_severity_rows) / sizeof(cds_severity_rows[0]);

const cds_card_row *cds_row(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL && i < cds_card_row_count; i++)
		if (strcmp(cds_card_rows[i].kind, kind) == 0)
			return &cds_card_rows[i];
	return NULL;
}

/* An unknown severity is shown as a warning: never quieter than needed. */
cds_indicator cds_severity_indicator(const char *severity)
{
	size_t i;

	for (i = 0; severity != NULL && i < cds_severity_row_count; i++)
		if (strcmp(cds_severity_rows[i].severity, severity) == 0)
			return cds_severity_rows[i].indicator;
	return CDS_WARNING;
}

const char *cds_indicator_name(cds_indicator indicator)
{
	static const char *const names[] = {"info", "warning", "critical"};

	return names[indicator];
}
