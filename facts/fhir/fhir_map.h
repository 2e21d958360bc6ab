/*
 * fhir_map.h: the FHIR mapping table (private to facts/fhir/).
 *
 * One static row per mapped element: which FHIR element and code, what it
 * gives the case, and where the code was checked (a source key, listed
 * with its repository, path and commit in fhir_map.c). The reader asks the
 * table and never hard-codes a code; docs/fhir-mapping.md is generated
 * from the same rows (onco_fhir_mapping_markdown), and a unit test keeps
 * the page equal to it.
 */
#ifndef ONCO_FHIR_MAP_H
#define ONCO_FHIR_MAP_H

#include <stdbool.h>
#include <stddef.h>

/* What a row says; each kind is one FHIR element. */
typedef enum fhir_kind {
	FK_GENDER,              /* Patient.gender -> patient.sex */
	FK_PRIMARY,             /* Condition.code -> cancer.site (+ histology) */
	FK_SECONDARY,           /* Condition.code -> cancer.metastases[] */
	FK_NODES,               /* Condition.code: lymph nodes, regional or
	                         * distant by primary site */
	FK_HISTOLOGY,           /* histology-morphology-behavior -> histology */
	FK_CLINICAL_STATUS,     /* Condition.clinicalStatus */
	FK_VERIFICATION,        /* Condition.verificationStatus */
	FK_STAGE_CODE,          /* Observation.code of a stage group */
	FK_STAGE_VALUE,         /* stage group value -> cancer.stage */
	FK_M_CODE,              /* Observation.code of an M category */
	FK_M_VALUE,             /* M category value -> M0 | M1 */
	FK_TN_CODE,             /* Observation.code of a T or N category */
	FK_STAGE_M_CONTRADICTION, /* stage group and M that cannot both hold */
	FK_MARKER_CODE,         /* Observation.code -> biomarkers.<name> */
	FK_MARKER_VALUE,        /* result -> positive | negative */
	FK_ECOG_CODE,           /* Observation.code -> patient.ecog */
	FK_OBSERVATION_STATUS,  /* Observation.status */
	FK_DRUG_CODE,           /* RxNorm code -> drug */
	FK_DRUG_MODIFIER,       /* a word that makes a name another drug */
	FK_DRUG_NEGATION,       /* a word that says the drug is not given */
	FK_MEDICATION_STATUS,   /* Medication*.status -> how it is used */
	FK_MEDICATION_INTENT,   /* MedicationRequest.intent */
	FK_PROCEDURE_CODE,      /* Procedure / ServiceRequest code or category */
	FK_RT_MODALITY,         /* radiotherapy modality extension */
	FK_BODY_SITE,           /* Procedure.bodySite -> region */
	FK_PROCEDURE_STATUS,    /* Procedure.status */
	FK_REQUEST_STATUS,      /* ServiceRequest.status */
	FK_REQUEST_INTENT,      /* ServiceRequest.intent */
	FK_REQUEST_PRIORITY,    /* ServiceRequest.priority */
	FK_AE_EVENT,            /* AdverseEvent.event -> adverse_events[].type */
	FK_AE_GRADE,            /* CTCAE grade extension value -> grade */
	FK_AE_GRADE_EXTENSION,  /* the extension URLs that carry the grade */
	FK_AE_ACTUALITY,        /* AdverseEvent.actuality */
	FK_COUNT
} fhir_kind;

/* Code systems, as FHIR names them. */
#define SYS_LOINC "http://loinc.org"
#define SYS_SNOMED "http://snomed.info/sct"
#define SYS_ICD10CM "http://hl7.org/fhir/sid/icd-10-cm"
#define SYS_RXNORM "http://www.nlm.nih.gov/research/umls/rxnorm"
#define SYS_AJCC "http://cancerstaging.org"
#define SYS_NCIT "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl"
#define SYS_ICDO3 "http://terminology.hl7.org/CodeSystem/icd-o-3"
#define SYS_CLINICAL "http://terminology.hl7.org/CodeSystem/condition-clinical"
#define SYS_VERIFICATION "http://terminology.hl7.org/CodeSystem/condition-ver-status"
#define SYS_CTCAE_GRADE "http://hl7.org/fhir/us/ctcae/CodeSystem/ctcae-grade-code-system"

/*
 * One row. `system` is the code system (for a FHIR `code` element with no
 * system, the element's path, e.g. "MedicationStatement.status"); `code`
 * the code, or a prefix when it ends in '*'. `value` is what the row gives
 * (a case value, or an effect the kind defines) and `extra` a second value
 * where the kind has one. `source` is a key of the source list.
 */
typedef struct fhir_row {
	fhir_kind kind;
	const char *system;
	const char *code;
	const char *display;
	const char *value;
	const char *extra;
	const char *source;
} fhir_row;

/* The row of `kind` for `system` and `code`, or NULL. A '*' row matches
 * every code that starts with what precedes the '*'. */
const fhir_row *fhir_map_find(fhir_kind kind, const char *system,
			      const char *code);

/* Every row, in table order (for the name matcher and the docs). */
const fhir_row *fhir_map_rows(size_t *count);

/* For the unit test (fhir_doc.c): the first row whose kind has no
 * documentation or whose source is not listed, or NULL. */
const fhir_row *fhir_doc_undocumented(void);

/* Effects of the status rows (the `value` of FK_*_STATUS/INTENT rows). */
#define FX_USE "use"         /* read the resource */
#define FX_ACTIVE "active"   /* medication taken now */
#define FX_STOPPED "stopped" /* medication no longer taken */
#define FX_DOSE "dose"       /* an administration: a dose on its date */
#define FX_DONE "performed"  /* procedure done (or being done) */
#define FX_PLANNED "planned" /* procedure planned */
#define FX_RECURRENT "recurrent"
#define FX_NOT_CURRENT "not-current"

#endif
