;;; schema.clp: every template of the oncorules knowledge base.
;;;
;;; Three families of facts live in working memory:
;;;   1. Case facts, asserted by the C host from a validated case through the
;;;      fact-builder API. Each carries `pointer`, the JSON pointer of the
;;;      object it came from. Optional case fields are multislots with
;;;      cardinality 0..1: an empty slot means "not recorded", never a
;;;      sentinel value.
;;;   2. Findings, derived by finding rules from case facts: one clinical
;;;      statement each ("prior pelvic radiation"), valued yes, no or
;;;      unknown, one fact per name and value (the engine keeps which rules
;;;      and facts supported it). Concluding rules test findings, so every
;;;      condition of an option can be explained as met, not met or unknown.
;;;   3. Conclusions: recommendation, warning, exclusion, missing, note.
;;;      Each cites its evidence by citation id. The slots `rule` and
;;;      `basis` fill themselves when a rule asserts the fact: the name of
;;;      the firing rule and the facts that matched its conditions.
;;;
;;; Knowledge facts (citations, finding definitions, guideline scopes, drug
;;; classes) are declared with deffacts in the guideline files.
;;;
;;; Symbols: lowercase, hyphenated. Booleans from the case are TRUE/FALSE.
;;; Drug names are lowercase INN with spaces written as hyphens; the list
;;; below must equal the C vocabulary in facts/vocabulary.c (a unit test
;;; checks it). The case templates (prior-treatment, medication,
;;; adverse-event) also allow `other`: a drug outside the list, named in a
;;; STRING slot beside it (other-agents, name) that rules never need to
;;; read; the host lists those names as not assessed. Conclusions never name
;;; `other`.

;;; ---------------------------------------------------------------- case facts

(deftemplate case
  "The case itself."
  (slot id (type STRING))
  (slot pointer (type STRING) (default "")))

(deftemplate patient
  (multislot age (type INTEGER) (range 0 130) (cardinality 0 1))
  (multislot sex (type SYMBOL) (allowed-symbols female male) (cardinality 0 1))
  (multislot menopausal-status (type SYMBOL) (allowed-symbols pre post unknown)
             (cardinality 0 1))
  (multislot ecog (type INTEGER) (range 0 4) (cardinality 0 1))
  (slot pointer (type STRING) (default "/patient")))

(deftemplate cancer
  (slot site (type SYMBOL) (allowed-symbols cervix anus breast))
  (multislot histology (type SYMBOL)
             (allowed-symbols squamous-cell-carcinoma adenocarcinoma
                              adenosquamous-carcinoma ductal-carcinoma
                              lobular-carcinoma other)
             (cardinality 0 1))
  (multislot stage (type SYMBOL)
             (allowed-symbols I IA IB II IIA IIB III IIIA IIIB IIIC IV IVA IVB)
             (cardinality 0 1))
  (multislot recurrent (type SYMBOL) (allowed-symbols TRUE FALSE) (cardinality 0 1))
  (multislot rapid-progression (type SYMBOL) (allowed-symbols TRUE FALSE)
             (cardinality 0 1))
  (multislot isolated-metastasis (type SYMBOL) (allowed-symbols TRUE FALSE)
             (cardinality 0 1))
  (slot pointer (type STRING) (default "/cancer")))

(deftemplate metastasis
  "One site of distant spread, from /cancer/metastases."
  (slot site (type SYMBOL)
        (allowed-symbols bone soft-tissue liver lung brain spinal-cord
                         distant-lymph-nodes peritoneum skin other))
  (slot pointer (type STRING)))

(deftemplate recurrence
  (multislot side-wall (type SYMBOL) (allowed-symbols TRUE FALSE) (cardinality 0 1))
  (multislot size-cm (type NUMBER) (range 0 100) (cardinality 0 1))
  (multislot small (type SYMBOL) (allowed-symbols TRUE FALSE) (cardinality 0 1))
  (multislot multiple-pelvic-nodes (type SYMBOL) (allowed-symbols TRUE FALSE)
             (cardinality 0 1))
  (multislot resectable (type SYMBOL) (allowed-symbols TRUE FALSE) (cardinality 0 1))
  (multislot bulky-in-irradiated-field (type SYMBOL) (allowed-symbols TRUE FALSE)
             (cardinality 0 1))
  (slot pointer (type STRING) (default "/cancer/recurrence")))

(deftemplate recurrence-site
  "One place the cancer came back, from /cancer/recurrence/sites."
  (slot site (type SYMBOL)
        (allowed-symbols cervix uterus vagina central-pelvis pelvic-side-wall
                         pelvic-lymph-nodes para-aortic-lymph-nodes distant))
  (slot pointer (type STRING)))

(deftemplate imaging
  (slot type (type SYMBOL) (allowed-symbols pet-ct ct mri bone-scan x-ray))
  (multislot distant-disease (type SYMBOL) (allowed-symbols TRUE FALSE)
             (cardinality 0 1))
  (multislot days-ago (type INTEGER) (range 0 36500) (cardinality 0 1))
  (slot pointer (type STRING)))

(deftemplate biomarker
  "One biomarker result; a biomarker absent from the case has no fact."
  (slot name (type SYMBOL) (allowed-symbols ER PR HER2 PD-L1))
  (slot status (type SYMBOL) (allowed-symbols positive negative unknown))
  (slot pointer (type STRING)))

(deftemplate prior-treatment
  (slot type (type SYMBOL)
        (allowed-symbols radiation brachytherapy chemotherapy chemoradiation
                         surgery hormonal anti-HER2 targeted immunotherapy
                         bone-targeted ovarian-suppression))
  (multislot region (type SYMBOL)
             (allowed-symbols pelvis breast chest-wall bone brain spine abdomen
                              other)
             (cardinality 0 1))
  (multislot agents (type SYMBOL)
             (allowed-symbols
              cisplatin carboplatin paclitaxel paclitaxel-protein-bound
              topotecan gemcitabine fluorouracil ifosfamide docetaxel
              irinotecan mitomycin vinorelbine epirubicin doxorubicin
              capecitabine methotrexate etoposide cyclophosphamide eribulin
              bevacizumab cemiplimab pembrolizumab trastuzumab pertuzumab
              trastuzumab-emtansine letrozole anastrozole exemestane tamoxifen
              goserelin leuprorelin buserelin clodronic-acid pamidronic-acid
              zoledronic-acid other))
  (multislot other-agents (type STRING))
  (multislot setting (type SYMBOL)
             (allowed-symbols primary adjuvant neoadjuvant metastatic recurrent)
             (cardinality 0 1))
  (multislot response (type SYMBOL)
             (allowed-symbols complete partial stable progression unknown)
             (cardinality 0 1))
  (multislot progressed-after (type SYMBOL) (allowed-symbols TRUE FALSE)
             (cardinality 0 1))
  (multislot ongoing (type SYMBOL) (allowed-symbols TRUE FALSE) (cardinality 0 1))
  (multislot tolerated (type SYMBOL) (allowed-symbols TRUE FALSE) (cardinality 0 1))
  (slot pointer (type STRING)))

(deftemplate medication
  "A drug the patient takes now or took recently."
  (slot agent (type SYMBOL)
        (allowed-symbols
         cisplatin carboplatin paclitaxel paclitaxel-protein-bound
         topotecan gemcitabine fluorouracil ifosfamide docetaxel
         irinotecan mitomycin vinorelbine epirubicin doxorubicin
         capecitabine methotrexate etoposide cyclophosphamide eribulin
         bevacizumab cemiplimab pembrolizumab trastuzumab pertuzumab
         trastuzumab-emtansine letrozole anastrozole exemestane tamoxifen
         goserelin leuprorelin buserelin clodronic-acid pamidronic-acid
         zoledronic-acid other))
  (multislot name (type STRING) (cardinality 0 1))
  (slot status (type SYMBOL) (allowed-symbols active stopped))
  (multislot last-dose-days-ago (type INTEGER) (range 0 36500) (cardinality 0 1))
  (slot pointer (type STRING)))

(deftemplate planned-procedure
  (slot type (type SYMBOL)
        (allowed-symbols elective-surgery emergency-surgery biopsy other))
  (multislot days-from-now (type INTEGER) (range 0 3650) (cardinality 0 1))
  (slot pointer (type STRING)))

(deftemplate symptom
  (slot name (type SYMBOL)
        (allowed-symbols pain bone-pain bleeding bronchial-obstruction
                         open-draining-chest-wall-lesion skin-lump fracture
                         spinal-cord-compression severe-symptoms
                         life-threatening-complications other))
  (slot pointer (type STRING)))

(deftemplate adverse-event
  (slot type (type SYMBOL)
        (allowed-symbols gastrointestinal-perforation fistula haemorrhage
                         hypertension hypertensive-crisis
                         hypertensive-encephalopathy proteinuria
                         nephrotic-syndrome wound-healing-complication other))
  (multislot grade (type INTEGER) (range 1 5) (cardinality 0 1))
  (multislot agent (type SYMBOL)
             (allowed-symbols
              cisplatin carboplatin paclitaxel paclitaxel-protein-bound
              topotecan gemcitabine fluorouracil ifosfamide docetaxel
              irinotecan mitomycin vinorelbine epirubicin doxorubicin
              capecitabine methotrexate etoposide cyclophosphamide eribulin
              bevacizumab cemiplimab pembrolizumab trastuzumab pertuzumab
              trastuzumab-emtansine letrozole anastrozole exemestane tamoxifen
              goserelin leuprorelin buserelin clodronic-acid pamidronic-acid
              zoledronic-acid other)
             (cardinality 0 1))
  (slot pointer (type STRING)))

(deftemplate preferences
  (multislot declines-active-treatment (type SYMBOL) (allowed-symbols TRUE FALSE)
             (cardinality 0 1))
  (multislot declines-chemotherapy (type SYMBOL) (allowed-symbols TRUE FALSE)
             (cardinality 0 1))
  (multislot declines-other-hormonal-therapy (type SYMBOL)
             (allowed-symbols TRUE FALSE) (cardinality 0 1))
  (slot pointer (type STRING) (default "/preferences")))

(deftemplate fitness
  (multislot chemotherapy-suitable (type SYMBOL) (allowed-symbols TRUE FALSE)
             (cardinality 0 1))
  (multislot active-treatment-possible (type SYMBOL) (allowed-symbols TRUE FALSE)
             (cardinality 0 1))
  (slot pointer (type STRING) (default "/fitness")))

(deftemplate list-recorded
  "The case states this list, even when empty: an empty list means none,
   an absent list means not recorded."
  (slot field (type STRING))
  (slot count (type INTEGER) (range 0 ?VARIABLE))
  (slot pointer (type STRING)))

;;; ---------------------------------------------------------------- knowledge

(deftemplate guideline
  "A guideline of the rule base and the cases it covers."
  (slot id (type SYMBOL))
  (slot title (type STRING))
  (slot source (type STRING))
  (slot covers (type STRING)))

(deftemplate citation
  "A verbatim passage of a source document, cited by conclusions."
  (slot id (type SYMBOL))
  (slot source (type STRING))
  (slot label (type SYMBOL))
  (slot quote (type STRING)))

(deftemplate finding-def
  "What a finding means, and which case fields decide it."
  (slot name (type SYMBOL))
  (slot text (type STRING))
  (multislot fields (type STRING)))

(deftemplate card-def
  "A decision card of a guideline: options a tumour board weighs as one
   decision (docs/output-format.md). Options name it in their `card` slot.
   `kind` orders the cards; `order` orders cards of one kind."
  (slot id (type SYMBOL))
  (slot guideline (type SYMBOL))
  (slot kind (type SYMBOL)
        (allowed-symbols supportive-care curative-local systemic later-line
                         symptom-control clinical-trial))
  (slot title (type STRING))
  (slot order (type INTEGER) (default 0)))

(deftemplate gate-cite
  "The evidence a patient-level gate (gates.clp) gives in one guideline:
   the citations of that guideline's sources that its exclusion, lead or
   flag rests on. One row per gate and guideline; a gate with no row for
   the guideline in scope does not exclude (rules/gates.clp says what it
   does instead)."
  (slot gate (type SYMBOL)
        (allowed-symbols declines-active-treatment active-treatment-not-possible
                         chemotherapy-declined chemotherapy-not-suitable
                         prior-pelvic-radiation progressed-on not-tolerated
                         treatment-stopped-working side-effects-not-coped-with
                         poor-performance-status poor-performance-status-treatment))
  (slot guideline (type SYMBOL))
  (multislot cite (type SYMBOL) (cardinality 1 ?VARIABLE)))

(deftemplate drug
  "Drug classes, so rules test a class instead of listing names."
  (slot agent (type SYMBOL))
  (multislot classes (type SYMBOL)
             (allowed-symbols chemotherapy platinum taxane anthracycline
                              aromatase-inhibitor anti-estrogen lhrh-agonist
                              bisphosphonate anti-HER2 anti-VEGF
                              immune-checkpoint-inhibitor)))

;;; ---------------------------------------------------------------- derived

(deftemplate scope
  "The case falls under this guideline."
  (slot guideline (type SYMBOL))
  (slot rule (type SYMBOL) (default-dynamic (onco-rule)))
  (multislot basis (type FACT-ADDRESS) (default-dynamic (onco-basis))))

(deftemplate finding
  "One clinical statement, valued yes, no or unknown: one fact per name and
   value, however many rules and case facts support it. CLIPS asserts no
   fact equal to one in working memory, so a second supporting fact (a
   second metastasis) or a second rule adds no copy that the rules
   downstream would match again. The rule and the facts behind each firing
   are therefore not kept in the fact: the self-filling slot `support`
   hands them to the engine (engine/support.c), which shows every firing
   in explanations, and stays empty. Never write it."
  (slot name (type SYMBOL))
  (slot value (type SYMBOL) (allowed-symbols yes no unknown))
  (multislot support (type FACT-ADDRESS) (default-dynamic (onco-support))))

(deftemplate finding-gap
  "What leaves a finding unknown when the case records what it reads,
   asserted beside the unknown finding by the rule that finds it so: the
   exact field (a JSON pointer into the case, \"/prior_treatments/1/region\")
   and, when the case records that field but it does not decide the
   finding, `why` in words (stable disease while the chemotherapy is still
   given). An empty `why`: the field itself is not recorded. The engine
   names these, instead of the fields of the finding-def, under
   missing_information and in a possible option's `if`."
  (slot finding (type SYMBOL))
  (slot field (type STRING))
  (slot why (type STRING) (default "")))

;;; ---------------------------------------------------------------- conclusions

(deftemplate recommendation
  "An option for discussion. Besides what it is (modality, agents, ...),
   an option declares what the gates (gates.clp) and the decision cards
   need: `agents` are the drugs given together (a regimen) and never a
   menu; `choices` are alternatives, one of which (alone or combined) is
   chosen; `card` and `role` place it on a decision card (card-def);
   `cancer-directed` FALSE for care that does not treat the cancer itself;
   `with-chemotherapy` TRUE when it is given with chemotherapy that its
   agents do not list (bevacizumab, pembrolizumab added to a backbone);
   `requires` names patient-level conditions its source states.
   `status` is set by the host only: `possible` marks an option whose rule
   is blocked only by facts the case does not record, asserted by the host
   after the run so that the gates judge it too (shown as 'possible if')."
  (slot id (type SYMBOL))
  (slot modality (type SYMBOL)
        (allowed-symbols chemoradiation radiation brachytherapy chemotherapy
                         targeted immunotherapy hormonal ovarian-suppression
                         bone-targeted surgery supportive-care clinical-trial))
  (multislot agents (type SYMBOL)
             (allowed-symbols
              cisplatin carboplatin paclitaxel paclitaxel-protein-bound
              topotecan gemcitabine fluorouracil ifosfamide docetaxel
              irinotecan mitomycin vinorelbine epirubicin doxorubicin
              capecitabine methotrexate etoposide cyclophosphamide eribulin
              bevacizumab cemiplimab pembrolizumab trastuzumab pertuzumab
              trastuzumab-emtansine letrozole anastrozole exemestane tamoxifen
              goserelin leuprorelin buserelin clodronic-acid pamidronic-acid
              zoledronic-acid))
  (multislot choices (type SYMBOL)
             (allowed-symbols
              cisplatin carboplatin paclitaxel paclitaxel-protein-bound
              topotecan gemcitabine fluorouracil ifosfamide docetaxel
              irinotecan mitomycin vinorelbine epirubicin doxorubicin
              capecitabine methotrexate etoposide cyclophosphamide eribulin
              bevacizumab cemiplimab pembrolizumab trastuzumab pertuzumab
              trastuzumab-emtansine letrozole anastrozole exemestane tamoxifen
              goserelin leuprorelin buserelin clodronic-acid pamidronic-acid
              zoledronic-acid))
  (multislot procedure (type SYMBOL) (cardinality 0 1))
  (multislot target (type SYMBOL) (cardinality 0 1))
  (slot schedule (type STRING) (default ""))
  (slot intent (type SYMBOL)
        (allowed-symbols curative palliative disease-control unspecified)
        (default unspecified))
  (slot preferred (type SYMBOL) (allowed-symbols TRUE FALSE) (default FALSE))
  (slot summary (type STRING))
  (multislot card (type SYMBOL) (cardinality 0 1))
  (slot role (type SYMBOL) (allowed-symbols main backbone add-on) (default main))
  (slot cancer-directed (type SYMBOL) (allowed-symbols TRUE FALSE) (default TRUE))
  (slot with-chemotherapy (type SYMBOL) (allowed-symbols TRUE FALSE) (default FALSE))
  (multislot requires (type SYMBOL) (allowed-symbols adequate-performance-status))
  (slot status (type SYMBOL) (allowed-symbols offered possible) (default offered))
  (multislot cite (type SYMBOL) (cardinality 1 ?VARIABLE))
  (slot rule (type SYMBOL) (default-dynamic (onco-rule)))
  (multislot basis (type FACT-ADDRESS) (default-dynamic (onco-basis))))

(deftemplate warning
  "A safety warning; it follows the drug, whatever the cancer. With
   `option`, it is about that option (a gate's flag: performance status
   for the team to judge) rather than, or as well as, a drug."
  (slot id (type SYMBOL))
  (multislot option (type SYMBOL) (cardinality 0 1))
  (multislot agent (type SYMBOL)
             (allowed-symbols
              cisplatin carboplatin paclitaxel paclitaxel-protein-bound
              topotecan gemcitabine fluorouracil ifosfamide docetaxel
              irinotecan mitomycin vinorelbine epirubicin doxorubicin
              capecitabine methotrexate etoposide cyclophosphamide eribulin
              bevacizumab cemiplimab pembrolizumab trastuzumab pertuzumab
              trastuzumab-emtansine letrozole anastrozole exemestane tamoxifen
              goserelin leuprorelin buserelin clodronic-acid pamidronic-acid
              zoledronic-acid)
             (cardinality 0 1))
  (slot severity (type SYMBOL) (allowed-symbols info caution serious critical))
  (slot text (type STRING))
  (multislot cite (type SYMBOL) (cardinality 1 ?VARIABLE))
  (slot rule (type SYMBOL) (default-dynamic (onco-rule)))
  (multislot basis (type FACT-ADDRESS) (default-dynamic (onco-basis))))

(deftemplate exclusion
  "An option ruled out for this patient, with the reason."
  (slot id (type SYMBOL))
  (slot option (type SYMBOL))
  (slot modality (type SYMBOL)
        (allowed-symbols chemoradiation radiation brachytherapy chemotherapy
                         targeted immunotherapy hormonal ovarian-suppression
                         bone-targeted surgery supportive-care clinical-trial))
  (multislot agents (type SYMBOL)
             (allowed-symbols
              cisplatin carboplatin paclitaxel paclitaxel-protein-bound
              topotecan gemcitabine fluorouracil ifosfamide docetaxel
              irinotecan mitomycin vinorelbine epirubicin doxorubicin
              capecitabine methotrexate etoposide cyclophosphamide eribulin
              bevacizumab cemiplimab pembrolizumab trastuzumab pertuzumab
              trastuzumab-emtansine letrozole anastrozole exemestane tamoxifen
              goserelin leuprorelin buserelin clodronic-acid pamidronic-acid
              zoledronic-acid))
  (multislot procedure (type SYMBOL) (cardinality 0 1))
  (slot reason (type STRING))
  (multislot cite (type SYMBOL) (cardinality 1 ?VARIABLE))
  (slot rule (type SYMBOL) (default-dynamic (onco-rule)))
  (multislot basis (type FACT-ADDRESS) (default-dynamic (onco-basis))))

(deftemplate missing
  "A fact of the case that a decision needs and the case lacks.
   Most are found by the engine itself (a concluding rule blocked only by
   unknown findings); write one by hand only where that is not enough.
   `decides-scope` TRUE: the fact decides whether a guideline covers the
   case at all (a covered site with no stage recorded); the case is not
   covered until it is recorded, the not-covered reason says so and the
   fact is listed first."
  (slot field (type STRING))
  (slot needed-for (type STRING))
  (slot decides-scope (type SYMBOL) (allowed-symbols TRUE FALSE) (default FALSE))
  (slot rule (type SYMBOL) (default-dynamic (onco-rule)))
  (multislot basis (type FACT-ADDRESS) (default-dynamic (onco-basis))))

(deftemplate note
  "A prognostic or context statement from a source. With `card status`
   it is about the patient's situation as a whole (a source silent about a
   patient who declines treatment) and is shown on the status card; any
   other note is shown with the notes."
  (slot id (type SYMBOL))
  (slot text (type STRING))
  (multislot card (type SYMBOL) (allowed-symbols status) (cardinality 0 1))
  (multislot cite (type SYMBOL) (cardinality 1 ?VARIABLE))
  (slot rule (type SYMBOL) (default-dynamic (onco-rule)))
  (multislot basis (type FACT-ADDRESS) (default-dynamic (onco-basis))))

;;; ---------------------------------------------------------------- gate marks
;;; Asserted by gates.clp about a recommendation that fired; the host reads
;;; them. An `exclusion` whose `option` names a recommendation that fired
;;; removes it from the recommendations (it is listed, with its reason, among
;;; the exclusions).

(deftemplate pending
  "An option that stands only if a fact the case does not record turns out
   as its source needs (adequate performance status with no ECOG
   recorded): it is withheld from the recommendations and shown as
   'possible if'; the fields of `finding` are reported as missing.
   `needs` is the value of the finding the option stands on: yes (adequate
   performance status) or no (no prior pelvic radiation)."
  (slot option (type SYMBOL))
  (slot finding (type SYMBOL))
  (slot needs (type SYMBOL) (allowed-symbols yes no) (default yes))
  (multislot cite (type SYMBOL) (cardinality 1 ?VARIABLE))
  (slot rule (type SYMBOL) (default-dynamic (onco-rule)))
  (multislot basis (type FACT-ADDRESS) (default-dynamic (onco-basis))))

(deftemplate history
  "The patient already had this option's drugs: received, progressed on,
   or not tolerated; the basis holds the prior treatment or medication.
   Or an adverse event of grade 3-5 (or no grade) is recorded for one of
   them (adverse-event; the basis holds the event). `agent` names the drug
   when the mark is about one drug of the option (a drug not tolerated
   inside a larger regimen or a menu; the drug of the adverse event)."
  (slot option (type SYMBOL))
  (slot status (type SYMBOL) (allowed-symbols received progressed-on not-tolerated adverse-event))
  (multislot agent (type SYMBOL) (cardinality 0 1))
  (slot rule (type SYMBOL) (default-dynamic (onco-rule)))
  (multislot basis (type FACT-ADDRESS) (default-dynamic (onco-basis))))

(deftemplate lead
  "This option comes first, for the reason given (the patient declines or
   cannot have treatment, treatment stopped working, side effects hard to
   cope with, poor performance status)."
  (slot option (type SYMBOL))
  (slot reason (type STRING))
  (multislot cite (type SYMBOL) (cardinality 1 ?VARIABLE))
  (slot rule (type SYMBOL) (default-dynamic (onco-rule)))
  (multislot basis (type FACT-ADDRESS) (default-dynamic (onco-basis))))
