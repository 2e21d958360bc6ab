/*
 * test_fhir_mapping.c: the FHIR mapping table. docs/fhir-mapping.md holds
 * the table generated from facts/fhir/fhir_map.c between two markers and
 * must equal it byte for byte (refresh with ONCO_UPDATE_DOCS=1); every
 * row's value is a value of the case vocabulary, every row is documented
 * and cites a listed source.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fhir/fhir_map.h"
#include "onco_fhir.h"
#include "suite.h"
#include "vocabulary.h"

#define DOC_FILE ONCO_SOURCE_DIR "/docs/fhir-mapping.md"
#define BEGIN_MARK "<!-- BEGIN GENERATED MAPPING"
#define END_MARK "<!-- END GENERATED MAPPING -->"

/* The page with its generated section replaced by `generated`. */
static char *with_section(const char *page, const char *generated)
{
	const char *begin = strstr(page, BEGIN_MARK), *end = strstr(page, END_MARK), *eol;
	size_t head, size;
	char *out;

	if (begin == NULL || end == NULL || end < begin || (eol = strchr(begin, '\n')) == NULL)
		return NULL;
	head = (size_t)(eol + 1 - page);
	size = head + strlen(generated) + strlen(end) + 1;
	out = malloc(size);
	if (out != NULL)
		snprintf(out, size, "%.*s%s%s", (int)head, page, generated, end);
	return out;
}

static void test_fhir_mapping_page_equals_generated_table(void)
{
	char *generated = onco_fhir_mapping_markdown(), *page = onco_slurp(DOC_FILE), *want;
	FILE *f;

	CU_ASSERT_FATAL(generated != NULL);
	CU_ASSERT_FATAL(page != NULL);
	want = with_section(page, generated);
	CU_ASSERT_FATAL(want != NULL);
	if (getenv("ONCO_UPDATE_DOCS") != NULL && (f = fopen(DOC_FILE, "wb")) != NULL) {
		fputs(want, f);
		fclose(f);
		free(page);
		page = onco_slurp(DOC_FILE);
	}
	if (strcmp(page, want) != 0) {
		fprintf(stderr, "\n  docs/fhir-mapping.md is stale: run test_fhir_mapping with "
			"ONCO_UPDATE_DOCS=1 and commit it\n");
		CU_FAIL("docs/fhir-mapping.md differs from the generated mapping table");
	}
	free(want);
	free(page);
	free(generated);
}

static void test_fhir_mapping_every_row_documented_with_a_source(void)
{
	const fhir_row *row = fhir_doc_undocumented();

	if (row != NULL)
		fprintf(stderr, "\n  row %s|%s is undocumented or cites no listed source\n",
			row->system, row->code);
	CU_ASSERT_PTR_NULL(row);
}

/* The allowed values of `key` in `object` (a path of object keys). */
static const char *const *values_of(const char *const *path)
{
	const onco_object *object = onco_vocabulary_root();
	const onco_field *field = NULL;

	for (; *path != NULL; path++) {
		field = onco_vocabulary_field(object, *path);
		if (field == NULL)
			return NULL;
		object = field->object;
	}
	return field != NULL ? field->values : NULL;
}

static void test_fhir_mapping_values_are_case_values(void)
{
	static const char *const site[] = { "cancer", "site", NULL };
	static const char *const histology[] = { "cancer", "histology", NULL };
	static const char *const stage[] = { "cancer", "stage", NULL };
	static const char *const metastases[] = { "cancer", "metastases", NULL };
	static const char *const sex[] = { "patient", "sex", NULL };
	static const char *const treatment[] = { "prior_treatments", "type", NULL };
	static const char *const region[] = { "prior_treatments", "region", NULL };
	static const char *const planned[] = { "planned_procedures", "type", NULL };
	static const char *const event[] = { "adverse_events", "type", NULL };
	static const char *const drug[] = { "medications", "agent", NULL };
	static const char *const status[] = { "medications", "status", NULL };
	static const char *const markers[] = { "ER", "PR", "HER2", "PD-L1", NULL };
	static const char *const results[] = { "positive", "negative", NULL };
	static const char *const procedures[] = { "radiation", "brachytherapy", "chemotherapy",
						  "surgery", "biopsy", NULL };
	const fhir_row *rows;
	const char *const *allowed;
	size_t count, i;

	rows = fhir_map_rows(&count);
	for (i = 0; i < count; i++) {
		const fhir_row *r = &rows[i];

		switch (r->kind) {
		case FK_PRIMARY: allowed = values_of(site); break;
		case FK_HISTOLOGY: allowed = values_of(histology); break;
		case FK_STAGE_VALUE: allowed = values_of(stage); break;
		case FK_SECONDARY: allowed = values_of(metastases); break;
		case FK_GENDER: allowed = values_of(sex); break;
		case FK_RT_MODALITY: allowed = values_of(treatment); break;
		case FK_BODY_SITE: allowed = values_of(region); break;
		case FK_AE_EVENT: allowed = values_of(event); break;
		case FK_DRUG_CODE: allowed = values_of(drug); break;
		case FK_MARKER_CODE: allowed = markers; break;
		case FK_MARKER_VALUE: allowed = results; break;
		case FK_PROCEDURE_CODE: allowed = procedures; break;
		case FK_REQUEST_PRIORITY: allowed = values_of(planned); break;
		case FK_MEDICATION_STATUS:
			allowed = r->value != NULL && strcmp(r->value, FX_DOSE) == 0 ? NULL
										 : values_of(status);
			break;
		default: allowed = NULL; break;
		}
		if (allowed == NULL || r->value == NULL)
			continue;
		if (!onco_vocabulary_allows(allowed, r->value))
			fprintf(stderr, "\n  row %s|%s gives %s, not a case value\n", r->system,
				r->code, r->value);
		CU_ASSERT(onco_vocabulary_allows(allowed, r->value));
		if (r->kind == FK_PRIMARY && r->extra != NULL)
			CU_ASSERT(onco_vocabulary_allows(values_of(histology), r->extra));
	}
}

static void test_fhir_mapping_rows_are_unique(void)
{
	const fhir_row *rows;
	size_t count, i, j;

	rows = fhir_map_rows(&count);
	for (i = 0; i < count; i++)
		for (j = i + 1; j < count; j++)
			if (rows[i].kind == rows[j].kind &&
			    strcmp(rows[i].system, rows[j].system) == 0 &&
			    strcmp(rows[i].code, rows[j].code) == 0) {
				fprintf(stderr, "\n  row %s|%s appears twice\n", rows[i].system,
					rows[i].code);
				CU_FAIL("a mapping row appears twice");
			}
	CU_ASSERT(onco_fhir_mapping_rows(NULL) == count);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_fhir_mapping_page_equals_generated_table),
		ONCO_TEST(test_fhir_mapping_every_row_documented_with_a_source),
		ONCO_TEST(test_fhir_mapping_values_are_case_values),
		ONCO_TEST(test_fhir_mapping_rows_are_unique),
	};

	return ONCO_RUN_SUITE("fhir_mapping", tests);
}
