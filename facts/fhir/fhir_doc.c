/*
 * fhir_doc.c: onco_fhir_mapping_markdown, the generated section of
 * docs/fhir-mapping.md: one table per FHIR element, one line per row of
 * the mapping table (fhir_map.c), and the list of sources the codes were
 * checked against. A unit test keeps the committed page equal to this.
 */
#include <stdlib.h>
#include <string.h>

#include "../buf.h"
#include "fhir_map.h"
#include "onco_fhir.h"

/* What each kind of row reads and what it gives the case. */
static const struct {
	fhir_kind kind;
	const char *element;
	const char *target;
} kinds[] = {
	{FK_GENDER, "Patient.gender", "`patient.sex`"},
	{FK_PRIMARY, "Condition.code of a primary cancer", "`cancer.site` (and `cancer.histology` where the code names one)"},
	{FK_SECONDARY, "Condition.code of a secondary cancer (metastasis)", "one `cancer.metastases` item"},
	{FK_NODES, "Condition.code of lymph-node spread", "regional for the sites in *value*: not a case field, listed; distant for the sites in *extra*: `distant-lymph-nodes`; other sites: listed"},
	{FK_HISTOLOGY, "Condition extension `mcode-histology-morphology-behavior`", "`cancer.histology`"},
	{FK_CLINICAL_STATUS, "Condition.clinicalStatus", "`recurrent`: `cancer.recurrent` true; `not-current`: a condition no longer present (primary or secondary) is listed, not read; a primary cancer no longer present gives no case"},
	{FK_VERIFICATION, "Condition.verificationStatus (absent: read)", "only a confirmed condition is read"},
	{FK_STAGE_CODE, "Observation.code of a stage group (also Condition.stage.summary)", "its value gives `cancer.stage`"},
	{FK_STAGE_VALUE, "stage group value (Observation.valueCodeableConcept, Condition.stage.summary)", "`cancer.stage` (sub-stages to the group the case format has)"},
	{FK_M_CODE, "Observation.code of an M category", "checks the stage group (not a case field)"},
	{FK_M_VALUE, "M category value", "M0 or M1"},
	{FK_TN_CODE, "Observation.code of a T or N category", "read and listed: not a case field (the stage group is used)"},
	{FK_STAGE_M_CONTRADICTION, "a stage group with an M category (system: primary site, code: stage)", "a conflict: `cancer.stage` is left out"},
	{FK_MARKER_CODE, "Observation.code of a tumour marker", "`biomarkers.<value>`"},
	{FK_MARKER_VALUE, "tumour marker result (Observation.valueCodeableConcept)", "`positive` or `negative`"},
	{FK_ECOG_CODE, "Observation.code of the ECOG performance status (valueInteger 0 to 4)", "`patient.ecog`"},
	{FK_OBSERVATION_STATUS, "Observation.status", "only a final, amended or corrected result is read"},
	{FK_DRUG_CODE, "Medication code (RxNorm) of MedicationStatement, MedicationRequest, MedicationAdministration or a referenced Medication", "`medications[].agent`"},
	{FK_DRUG_MODIFIER, "a word in a medication name", "the name is another drug: listed, not read"},
	{FK_DRUG_NEGATION, "a word in a medication name that says the drug is not given", "the name is not understood: listed, not read"},
	{FK_MEDICATION_STATUS, "MedicationStatement / MedicationRequest / MedicationAdministration .status", "`medications[].status`; `dose`: the date of a dose, for `last_dose_days_ago`"},
	{FK_MEDICATION_INTENT, "MedicationRequest.intent", "only an order is read"},
	{FK_PROCEDURE_CODE, "Procedure / ServiceRequest .code or .category", "`prior_treatments[].type` (done) or `planned_procedures[].type` (planned)"},
	{FK_RT_MODALITY, "radiotherapy course: extension `mcode-radiotherapy-modality`", "`radiation` or `brachytherapy` (one item each)"},
	{FK_BODY_SITE, "Procedure.bodySite", "`prior_treatments[].region`"},
	{FK_PROCEDURE_STATUS, "Procedure.status", "`performed`: a prior treatment; `planned`: a planned procedure"},
	{FK_REQUEST_STATUS, "ServiceRequest.status", "`planned`: a planned procedure"},
	{FK_REQUEST_INTENT, "ServiceRequest.intent", "only a plan or an order is read"},
	{FK_REQUEST_PRIORITY, "ServiceRequest.priority of a planned surgery (absent: routine)", "`planned_procedures[].type`"},
	{FK_AE_EVENT, "AdverseEvent.event (CTCAE term, NCIt code)", "`adverse_events[].type`"},
	{FK_AE_GRADE_EXTENSION, "AdverseEvent extension (URL) holding the CTCAE grade", "its value gives the grade"},
	{FK_AE_GRADE, "CTCAE grade", "`adverse_events[].grade`"},
	{FK_AE_ACTUALITY, "AdverseEvent.actuality", "only an actual event is read"},
};

/* Where the codes of the table were checked. */
static const struct {
	const char *key;
	const char *citation;
} sources[] = {
	{"patient01", "`tests/fhir/ctm-app-TrialMatching_Patient01.json` (mcode/clinical-trial-matching-app, `src/utils/r4_test_patients/TrialMatching_Patient01.json`, commit a528486ad533e06eedcc2744559e929698007e70)"},
	{"jenny-m", "`tests/fhir/mcode-ig-Bundle-mcode-patient-bundle-jenny-m.json` (HL7 mCODE IG package hl7.fhir.us.mcode 2.1.0, `example/Bundle-mcode-patient-bundle-jenny-m.json`)"},
	{"mcode-brain-mets", "`tests/fhir/mcode-ig-Condition-secondary-cancer-condition-brain-mets.json` (same package)"},
	{"mcode-condition-vs", "HL7/fhir-mCODE-ig, `input/fsh/VS_CancerCondition.fsh`, commit 543477b5585f2dcc717820a2bea141ea85f03012"},
	{"mcode-example", "HL7/fhir-mCODE-ig, `input/fsh/EX_*.fsh` (examples), same commit"},
	{"mcode-old-example", "HL7/fhir-mCODE-ig, an example's tumour morphology before commit c4169c26cfd9aba2ddf4d00811268ce2c5e0b3ce (`SCT#89740008 \"Lobular carcinoma (morphologic abnormality)\"`)"},
	{"mcode-genomex", "HL7/fhir-mCODE-ig, `input/fsh/EX_GenomeX.fsh`, same commit"},
	{"mcode-staging-tnm", "HL7/fhir-mCODE-ig, `input/fsh/VS_Staging_TNM.fsh`, same commit"},
	{"mcode-staging", "HL7/fhir-mCODE-ig, `input/fsh/VS_Staging.fsh`, same commit"},
	{"mcode-staging-other", "HL7/fhir-mCODE-ig, `input/fsh/VS_Staging_Other.fsh` (FIGO Stage Value Set, NCIt), same commit"},
	{"mcode-genomics", "HL7/fhir-mCODE-ig, `input/fsh/VS_Genomics.fsh` (tumour marker tests), same commit"},
	{"mcode-performance", "HL7/fhir-mCODE-ig, `input/fsh/SD_PerformanceStatus.fsh`, same commit"},
	{"mcode-radiotherapy", "HL7/fhir-mCODE-ig, `input/fsh/SD_Radiotherapy.fsh` and `input/fsh/VS_Radiotherapy.fsh`, same commit"},
	{"mcode-tg263", "HL7/fhir-mCODE-ig, `input/fsh/CM_TG263.fsh` (radiotherapy structures to SNOMED CT), same commit"},
	{"ajcc-code", "the AJCC stage groups in `http://cancerstaging.org` written with Arabic numerals and the sub-stage letters, as `patient01` writes stage IV (`4`, display `IV`) and the mCODE 1.0 examples stage IIIC (`3C`)"},
	{"ajcc-figo", "AJCC Cancer Staging Manual, 8th edition (breast and anal canal: stage IV is any T, any N, M1) and FIGO 2018 cervix staging (IVA: spread to adjacent pelvic organs; IVB: distant spread); the issue's own example, a stage IV group with cM0"},
	{"actnow", "davidhay25/actnow, `input/fsh/examples/Condition-with-histology-and-staging.fsh`"},
	{"ccsm-histology", "ccsm-cds-tools/ccsm-cds-with-tests, `fsh-tank/input/fsh/CervicalHistologyResult.fsh`, commit c75b018f063bb84d4250834e0472cb1ad8c7fc92"},
	{"ccsm-cytology", "ccsm-cds-tools/ccsm-cds-with-tests, `fsh-tank/input/fsh/CervicalCytologyResult.fsh`"},
	{"cpic", "cpicpgx/cpic-schema, `drug.sql` (RxNorm ingredient codes), commit e5df9eea485b853968e7353f8243add07f8a1b79"},
	{"synthea", "synthetichealth/synthea, `src/main/resources/modules/breast_cancer/chemotherapy_breast.json`"},
	{"ctcae-ig", "standardhealth/fsh-ae (CTCAE adverse events IG), `input/fsh/VS_AdverseEvent.fsh`, `input/fsh/SD_AdverseEvent.fsh` (extension id `ctcae-grade`; the IG's canonical `http://hl7.org/fhir/us/ctcae`, and its invariant names the mCODE URL), commit 494f4db95da6895b34e197639d2072a326bc03a1"},
	{"fhir-r4", "FHIR R4 (4.0.1) value sets of the element (administrative-gender, condition-clinical, condition-ver-status, observation-status, medication statuses, event-status, request-status, request-intent, request-priority, adverse-event-actuality)"},
	{"reading", "our reading (docs/fhir-mapping.md, Readings): these words turn a drug's name into another drug's"},
};

/* Table cells must not break the Markdown table. */
static int cell(onco_buf *b, const char *s)
{
	int rc = 0;

	for (; rc == 0 && s != NULL && *s != '\0'; s++)
		rc = *s == '|' ? onco_buf_puts(b, "\\|") : onco_buf_append(b, s, 1);
	return rc;
}

static int kind_table(onco_buf *b, size_t k, const fhir_row *rows, size_t count)
{
	size_t i;
	int rc;

	rc = onco_buf_printf(b, "\n### %s\n\nGives: %s.\n\n"
			     "| system | code | display | value | extra | source |\n"
			     "| --- | --- | --- | --- | --- | --- |\n",
			     kinds[k].element, kinds[k].target);
	for (i = 0; rc == 0 && i < count; i++) {
		if (rows[i].kind != kinds[k].kind)
			continue;
		rc = onco_buf_puts(b, "| ");
		if (rc == 0)
			rc = cell(b, rows[i].system);
		if (rc == 0)
			rc = onco_buf_puts(b, " | `");
		if (rc == 0)
			rc = cell(b, rows[i].code);
		if (rc == 0)
			rc = onco_buf_puts(b, "` | ");
		if (rc == 0)
			rc = cell(b, rows[i].display);
		if (rc == 0)
			rc = onco_buf_puts(b, " | ");
		if (rc == 0)
			rc = cell(b, rows[i].value != NULL ? rows[i].value : "not read");
		if (rc == 0)
			rc = onco_buf_puts(b, " | ");
		if (rc == 0)
			rc = cell(b, rows[i].extra);
		if (rc == 0)
			rc = onco_buf_printf(b, " | %s |\n", rows[i].source);
	}
	return rc;
}

char *onco_fhir_mapping_markdown(void)
{
	onco_buf b = ONCO_BUF_INIT;
	const fhir_row *rows;
	size_t count, codes, i;
	int rc;

	rows = fhir_map_rows(&count);
	onco_fhir_mapping_rows(&codes);
	rc = onco_buf_printf(&b, "%zu rows, %zu distinct codes. *value* \"not read\": the "
			     "code is understood and deliberately not used; *extra* says why.\n",
			     count, codes);
	for (i = 0; rc == 0 && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		rc = kind_table(&b, i, rows, count);
	if (rc == 0)
		rc = onco_buf_puts(&b, "\n### Sources\n\n| source | where the codes were checked |\n"
				   "| --- | --- |\n");
	for (i = 0; rc == 0 && i < sizeof(sources) / sizeof(sources[0]); i++)
		rc = onco_buf_printf(&b, "| %s | %s |\n", sources[i].key, sources[i].citation);
	if (rc != 0) {
		onco_buf_free(&b);
		return NULL;
	}
	return b.data;
}

size_t onco_fhir_mapping_rows(size_t *codes)
{
	const fhir_row *rows;
	size_t count, i, j, distinct = 0;

	rows = fhir_map_rows(&count);
	for (i = 0; i < count; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(rows[i].system, rows[j].system) == 0 &&
			    strcmp(rows[i].code, rows[j].code) == 0)
				break;
		distinct += j == i;
	}
	if (codes != NULL)
		*codes = distinct;
	return count;
}

const fhir_row *fhir_doc_undocumented(void)
{
	const fhir_row *rows;
	size_t count, i, j;
	bool found_kind, found_source;

	rows = fhir_map_rows(&count);
	for (i = 0; i < count; i++) {
		found_kind = found_source = false;
		for (j = 0; j < sizeof(kinds) / sizeof(kinds[0]); j++)
			found_kind |= kinds[j].kind == rows[i].kind;
		for (j = 0; j < sizeof(sources) / sizeof(sources[0]); j++)
			found_source |= strcmp(sources[j].key, rows[i].source) == 0;
		if (!found_kind || !found_source)
			return &rows[i];
	}
	return NULL;
}
