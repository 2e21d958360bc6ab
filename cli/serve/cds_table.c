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
	/* kind, indicator, lead, source, meaning */
	{"status", CDS_INFO, NULL, CDS_SOURCE_GUIDELINE,
	 "who the patient is, the guideline, the evaluation date, notes about her situation"},
	{"curative-local", CDS_INFO, "options", CDS_SOURCE_GUIDELINE,
	 "curative-intent local treatment, with its criteria met, not met or unknown"},
	{"local", CDS_INFO, "options", CDS_SOURCE_GUIDELINE, "local treatment"},
	{"systemic", CDS_INFO, "options", CDS_SOURCE_GUIDELINE, "systemic therapy"},
	{"later-line", CDS_INFO, "options", CDS_SOURCE_GUIDELINE, "later lines"},
	{"symptom-control", CDS_INFO, "options", CDS_SOURCE_GUIDELINE, "symptom control"},
	{"supportive-care", CDS_INFO, "options", CDS_SOURCE_GUIDELINE, "supportive care"},
	{"clinical-trial", CDS_INFO, "options", CDS_SOURCE_GUIDELINE, "clinical trials"},
	{"safety", CDS_INFO, "warnings", CDS_SOURCE_GUIDELINE,
	 "drug safety, one card per drug"},
	{"ruled-out", CDS_INFO, "exclusions", CDS_SOURCE_GUIDELINE,
	 "options ruled out, grouped by reason"},
	{"missing", CDS_INFO, "missing", CDS_SOURCE_GUIDELINE,
	 "facts the record lacks that decisions need"},
	{"notes", CDS_INFO, "notes", CDS_SOURCE_GUIDELINE, "notes"},
	{"not-covered", CDS_INFO, NULL, CDS_SOURCE_GUIDELINE,
	 "in place of the status card: the rules do not cover the case, and why"},
	{"no-case", CDS_INFO, NULL, CDS_SOURCE_RECORD,
	 "the record holds no case the rules can read (no cancer of a covered site)"},
	{"source-record", CDS_INFO, NULL, CDS_SOURCE_RECORD,
	 "what the FHIR reader did not understand; warning when results conflict"},
	{"unknown-kind", CDS_INFO, "options", CDS_SOURCE_GUIDELINE,
	 "a card kind this table does not know (a newer rule base): shown, never dropped"},
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
