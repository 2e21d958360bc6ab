/*
 * vocabulary.c: the case vocabulary as static const tables (see
 * vocabulary.h). JSON keys are snake_case; the CLIPS slots they fill are
 * the same words hyphenated, as rules/schema.clp declares them. Adding a
 * field means one row here and one slot in schema.clp; the validator, the
 * fact builder and docs/case.schema.json follow from the row.
 */
#include "vocabulary.h"

#include <string.h>

#include "onco_facts.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Field constructors, so that each row reads as one line of the format. */
#define STRING(k, s, lo, hi, d) \
	{ .key = k, .kind = ONCO_KIND_STRING, .required = true, .slot = s, \
	  .min_length = lo, .max_length = hi, .doc = d }
#define INTEGER(k, s, lo, hi, d) \
	{ .key = k, .kind = ONCO_KIND_INTEGER, .slot = s, .min = lo, \
	  .max = hi, .doc = d }
#define NUMBER(k, s, lo, hi, d) \
	{ .key = k, .kind = ONCO_KIND_NUMBER, .slot = s, .min = lo, \
	  .max = hi, .doc = d }
#define BOOLEAN(k, s, d) \
	{ .key = k, .kind = ONCO_KIND_BOOLEAN, .slot = s, .doc = d }
#define ENUM(k, s, v, d) \
	{ .key = k, .kind = ONCO_KIND_ENUM, .slot = s, .values = v, .doc = d }
#define REQUIRED_ENUM(k, s, v, d) \
	{ .key = k, .kind = ONCO_KIND_ENUM, .required = true, .slot = s, \
	  .values = v, .doc = d }
#define OBJECT(k, o, d) \
	{ .key = k, .kind = ONCO_KIND_OBJECT, .object = &o, .doc = d }
#define OBJECT_LIST(k, o, d) \
	{ .key = k, .kind = ONCO_KIND_OBJECT_LIST, .object = &o, \
	  .list_recorded = true, .doc = d }
/* A list whose items each become a fact of template t, in slot s. */
#define FACT_LIST(k, t, s, v, d) \
	{ .key = k, .kind = ONCO_KIND_ENUM_LIST, .values = v, .slot = s, \
	  .fact_template = t, .list_recorded = true, .doc = d }
/* A key whose value becomes one fact: (t (name KEY) (status VALUE)). */
#define KEYED_FACT(k, t, ks, s, v) \
	{ .key = k, .kind = ONCO_KIND_ENUM, .values = v, .slot = s, \
	  .fact_template = t, .key_slot = ks, .doc = k " status" }
#define OBJECT_OF(t, f, d) { t, f, COUNT(f), d }

/* The drug list: sorted, lowercase INN, hyphens for spaces. It must equal
 * the allowed-symbols of every drug slot of a conclusion in
 * rules/schema.clp. */
#define DRUG_NAMES \
	"anastrozole", "bevacizumab", "buserelin", "capecitabine", \
	"carboplatin", "cemiplimab", "cisplatin", "clodronic-acid", \
	"cyclophosphamide", "docetaxel", "doxorubicin", "epirubicin", \
	"eribulin", "etoposide", "exemestane", "fluorouracil", "gemcitabine", \
	"goserelin", "ifosfamide", "irinotecan", "letrozole", "leuprorelin", \
	"methotrexate", "mitomycin", "paclitaxel", "paclitaxel-protein-bound", \
	"pamidronic-acid", "pembrolizumab", "pertuzumab", "tamoxifen", \
	"topotecan", "trastuzumab", "trastuzumab-emtansine", "vinorelbine", \
	"zoledronic-acid"
static const char *const drugs[] = { DRUG_NAMES, NULL };
/* A case may record a drug outside the list as "other", named beside it,
 * without widening the list: rules see `other` (the case templates of
 * schema.clp allow it; conclusions do not). */
static const char *const case_drugs[] = { DRUG_NAMES, "other", NULL };

static const char *const sexes[] = { "female", "male", NULL };
static const char *const menopausal_statuses[] = { "pre", "post", "unknown",
						   NULL };
static const char *const sites[] = { "cervix", "anus", "breast", NULL };
static const char *const histologies[] = {
	"squamous-cell-carcinoma", "adenocarcinoma", "adenosquamous-carcinoma",
	"ductal-carcinoma", "lobular-carcinoma", "other", NULL
};
static const char *const stages[] = {
	"I", "IA", "IB", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IIIC",
	"IV", "IVA", "IVB", NULL
};
static const char *const metastasis_sites[] = {
	"bone", "soft-tissue", "liver", "lung", "brain", "spinal-cord",
	"distant-lymph-nodes", "peritoneum", "skin", "other", NULL
};
static const char *const recurrence_sites[] = {
	"cervix", "uterus", "vagina", "central-pelvis", "pelvic-side-wall",
	"pelvic-lymph-nodes", "para-aortic-lymph-nodes", "distant", NULL
};
static const char *const imaging_types[] = { "pet-ct", "ct", "mri",
					     "bone-scan", "x-ray", NULL };
static const char *const biomarker_statuses[] = { "positive", "negative",
						  "unknown", NULL };
static const char *const treatment_types[] = {
	"radiation", "brachytherapy", "chemotherapy", "chemoradiation",
	"surgery", "hormonal", "anti-HER2", "targeted", "immunotherapy",
	"bone-targeted", "ovarian-suppression", NULL
};
static const char *const regions[] = { "pelvis", "breast", "chest-wall",
				       "bone", "brain", "spine", "abdomen",
				       "other", NULL };
static const char *const settings[] = { "primary", "adjuvant", "neoadjuvant",
					"metastatic", "recurrent", NULL };
static const char *const responses[] = { "complete", "partial", "stable",
					 "progression", "unknown", NULL };
static const char *const medication_statuses[] = { "active", "stopped",
						   NULL };
static const char *const procedure_types[] = {
	"elective-surgery", "emergency-surgery", "biopsy", "other", NULL
};
static const char *const symptoms[] = {
	"pain", "bone-pain", "bleeding", "bronchial-obstruction",
	"open-draining-chest-wall-lesion", "skin-lump", "fracture",
	"spinal-cord-compression", "severe-symptoms",
	"life-threatening-complications", "other", NULL
};
static const char *const adverse_event_types[] = {
	"gastrointestinal-perforation", "fistula", "haemorrhage",
	"hypertension", "hypertensive-crisis", "hypertensive-encephalopathy",
	"proteinuria", "nephrotic-syndrome", "wound-healing-complication",
	"other", NULL
};

static const onco_field patient_fields[] = {
	INTEGER("age", "age", 0, 130, "Age in years"),
	ENUM("sex", "sex", sexes, "Sex"),
	ENUM("menopausal_status", "menopausal-status", menopausal_statuses,
	     "Menopausal status"),
	INTEGER("ecog", "ecog", 0, 4, "ECOG performance status"),
};
static const onco_object patient = OBJECT_OF("patient", patient_fields,
					     "The patient");

static const onco_field recurrence_fields[] = {
	FACT_LIST("sites", "recurrence-site", "site", recurrence_sites,
		  "Where the cancer came back; [] means nowhere recorded"),
	BOOLEAN("side_wall", "side-wall",
		"The recurrence involves the pelvic side wall"),
	NUMBER("size_cm", "size-cm", 0, 100,
	       "Largest size of the recurrence in centimetres"),
	BOOLEAN("small", "small",
		"The treating team judges the recurrence small"),
	BOOLEAN("multiple_pelvic_nodes", "multiple-pelvic-nodes",
		"Several pelvic lymph nodes are involved"),
	BOOLEAN("resectable", "resectable",
		"The recurrence can be removed by surgery"),
	BOOLEAN("bulky_in_irradiated_field", "bulky-in-irradiated-field",
		"Bulky recurrence inside a previously irradiated field"),
};
static const onco_object recurrence = OBJECT_OF("recurrence",
						recurrence_fields,
						"The recurrence");

static const onco_field cancer_fields[] = {
	REQUIRED_ENUM("site", "site", sites, "Primary site"),
	ENUM("histology", "histology", histologies, "Histology"),
	ENUM("stage", "stage", stages, "Stage group at diagnosis"),
	BOOLEAN("recurrent", "recurrent", "The cancer has come back"),
	BOOLEAN("rapid_progression", "rapid-progression",
		"The cancer is growing quickly"),
	BOOLEAN("isolated_metastasis", "isolated-metastasis",
		"A single site of distant spread"),
	FACT_LIST("metastases", "metastasis", "site", metastasis_sites,
		  "Sites of distant spread; [] means none"),
	OBJECT("recurrence", recurrence, "The recurrence, when recurrent"),
};
static const onco_object cancer = OBJECT_OF("cancer", cancer_fields,
					    "The cancer");

static const onco_field imaging_fields[] = {
	REQUIRED_ENUM("type", "type", imaging_types, "Kind of imaging"),
	BOOLEAN("distant_disease", "distant-disease",
		"The imaging showed distant disease"),
	INTEGER("days_ago", "days-ago", 0, 36500, "Days since the imaging"),
};
static const onco_object imaging = OBJECT_OF("imaging", imaging_fields,
					     "One imaging study");

static const onco_field biomarker_fields[] = {
	KEYED_FACT("ER", "biomarker", "name", "status", biomarker_statuses),
	KEYED_FACT("PR", "biomarker", "name", "status", biomarker_statuses),
	KEYED_FACT("HER2", "biomarker", "name", "status", biomarker_statuses),
	KEYED_FACT("PD-L1", "biomarker", "name", "status",
		   biomarker_statuses),
};
static const onco_object biomarkers = OBJECT_OF(NULL, biomarker_fields,
						"Biomarker results");

static const onco_field prior_treatment_fields[] = {
	REQUIRED_ENUM("type", "type", treatment_types, "Kind of treatment"),
	ENUM("region", "region", regions, "Body region treated"),
	{ .key = "agents", .kind = ONCO_KIND_ENUM_LIST, .values = case_drugs,
	  .slot = "agents", .doc = "Drugs given; \"other\" for a drug outside the list, named in other_agents" },
	{ .key = "other_agents", .kind = ONCO_KIND_STRING_LIST,
	  .slot = "other-agents", .min_length = 1, .max_length = 200,
	  .when_other = "agents", .named_drug = true,
	  .doc = "The names of the drugs given as \"other\": required when agents holds \"other\", refused otherwise" },
	ENUM("setting", "setting", settings,
	     "When it was given; metastatic or recurrent: for advanced disease"),
	ENUM("response", "response", responses, "Response to the treatment"),
	BOOLEAN("progressed_after", "progressed-after",
		"The cancer grew or came back after this treatment"),
	BOOLEAN("ongoing", "ongoing", "The treatment is still given"),
	BOOLEAN("tolerated", "tolerated",
		"Its side effects could be coped with"),
};
static const onco_object prior_treatment = OBJECT_OF(
	"prior-treatment", prior_treatment_fields, "One earlier treatment");

static const onco_field medication_fields[] = {
	REQUIRED_ENUM("agent", "agent", case_drugs,
		      "The drug; \"other\" for a drug outside the list, named in name"),
	{ .key = "name", .kind = ONCO_KIND_STRING, .slot = "name",
	  .min_length = 1, .max_length = 200, .when_other = "agent",
	  .named_drug = true,
	  .doc = "The drug's name when agent is \"other\": required then, refused otherwise" },
	REQUIRED_ENUM("status", "status", medication_statuses,
		      "Whether the patient still takes it"),
	INTEGER("last_dose_days_ago", "last-dose-days-ago", 0, 36500,
		"Days since the last dose"),
};
static const onco_object medication = OBJECT_OF(
	"medication", medication_fields, "A drug taken now or recently");

static const onco_field procedure_fields[] = {
	REQUIRED_ENUM("type", "type", procedure_types, "Kind of procedure"),
	INTEGER("days_from_now", "days-from-now", 0, 3650,
		"Days until the procedure"),
};
static const onco_object procedure = OBJECT_OF(
	"planned-procedure", procedure_fields, "A planned procedure");

static const onco_field adverse_event_fields[] = {
	REQUIRED_ENUM("type", "type", adverse_event_types, "Kind of event"),
	INTEGER("grade", "grade", 1, 5, "CTCAE grade"),
	ENUM("agent", "agent", case_drugs,
	     "The drug it is attributed to; \"other\" for a drug outside the list"),
};
static const onco_object adverse_event = OBJECT_OF(
	"adverse-event", adverse_event_fields, "An adverse event");

static const onco_field preference_fields[] = {
	BOOLEAN("declines_active_treatment", "declines-active-treatment",
		"The patient declines active treatment"),
	BOOLEAN("declines_chemotherapy", "declines-chemotherapy",
		"The patient declines chemotherapy"),
	BOOLEAN("declines_other_hormonal_therapy",
		"declines-other-hormonal-therapy",
		"The patient declines another hormonal therapy"),
};
static const onco_object preferences = OBJECT_OF(
	"preferences", preference_fields, "What the patient wants");

static const onco_field fitness_fields[] = {
	BOOLEAN("chemotherapy_suitable", "chemotherapy-suitable",
		"The patient is fit for chemotherapy"),
	BOOLEAN("active_treatment_possible", "active-treatment-possible",
		"The patient is fit for active treatment"),
};
static const onco_object fitness = OBJECT_OF("fitness", fitness_fields,
					     "The treating team's judgement");

static const onco_field case_fields[] = {
	STRING("id", "id", 1, 200, "Case identifier"),
	OBJECT("patient", patient, "The patient"),
	{ .key = "cancer", .kind = ONCO_KIND_OBJECT, .required = true,
	  .object = &cancer, .doc = "The cancer" },
	OBJECT_LIST("imaging", imaging, "Imaging studies"),
	OBJECT("biomarkers", biomarkers, "Biomarker results"),
	OBJECT_LIST("prior_treatments", prior_treatment,
		    "Earlier treatments; [] means none"),
	OBJECT_LIST("medications", medication, "Drugs taken now or recently"),
	OBJECT_LIST("planned_procedures", procedure, "Planned procedures"),
	FACT_LIST("symptoms", "symptom", "name", symptoms,
		  "Symptoms; [] means none"),
	OBJECT_LIST("adverse_events", adverse_event, "Adverse events"),
	OBJECT("preferences", preferences, "What the patient wants"),
	OBJECT("fitness", fitness, "The treating team's judgement"),
	{ .key = "$schema", .kind = ONCO_KIND_STRING, .min_length = 1,
	  .doc = "The JSON Schema of the case, for editors; no fact, not read by the rules" },
};
static const onco_object case_root = OBJECT_OF("case", case_fields,
					       "An oncorules case");

const onco_object *onco_vocabulary_root(void)
{
	return &case_root;
}

const onco_field *onco_vocabulary_field(const onco_object *object,
					const char *key)
{
	size_t i;

	/* Each member of a case is looked up here, twice (check, then
	 * build): keys are short, so the comparison is written inline, where
	 * a call of strcmp cost more than the comparing; most keys differ in
	 * their first byte. */
	for (i = 0; i < object->field_count; i++) {
		const char *a = object->fields[i].key, *b = key;

		if (*a != *b)
			continue;
		while (*a != '\0' && *a == *b) {
			a++;
			b++;
		}
		if (*a == *b)
			return &object->fields[i];
	}
	return NULL;
}

bool onco_vocabulary_is_drug_list(const char *const *values)
{
	return values == case_drugs;
}

const char *const *onco_vocabulary_case_drugs(size_t *count)
{
	if (count != NULL)
		*count = COUNT(case_drugs) - 1;
	return case_drugs;
}

bool onco_vocabulary_is_annotation(const onco_field *field)
{
	return field->slot == NULL && field->fact_template == NULL &&
	       field->object == NULL;
}

bool onco_vocabulary_allows(const char *const *values, const char *value)
{
	for (; *values != NULL; values++)
		if ((*values)[0] == value[0] && strcmp(*values, value) == 0)
			return true;
	return false;
}

const char *const *onco_vocabulary_drugs(size_t *count)
{
	if (count != NULL)
		*count = COUNT(drugs) - 1;
	return drugs;
}
