;;; cervix-recurrent.clp: recurrent cervical cancer.
;;;
;;; Sources:
;;;   001_78575e265add836c.txt  "Treatments for recurrent cervical cancer"
;;;                             (Canadian Cancer Society), labels CR-1..CR-10;
;;;   003_4fdd2d6f18fb6015.txt  "Treatment of Recurrent Cervical Squamous Cell
;;;                             Carcinoma" (an algorithm by prior therapy and
;;;                             site of recurrence), labels SA-1..SA-11.
;;;                             Its bevacizumab warnings (SA-8) are in
;;;                             drug-safety.clp, since they follow the drug.
;;;
;;; Scope: a cervical cancer recorded as recurrent (`recurrent: true`),
;;; whatever its stage at diagnosis.
;;;
;;; How the two sources are combined:
;;;   - 001 applies to every recurrent cervical cancer.
;;;   - 003 is written for squamous cell carcinoma. Its OPTIONS (salvage
;;;     chemoradiation, resection then systemic therapy, first- and
;;;     second-line regimens, palliative care alongside systemic therapy,
;;;     EBRT for painful metastases) and its response and prognosis notes are
;;;     given only when the histology is squamous cell carcinoma; with the
;;;     histology not recorded they are blocked by an unknown finding, so the
;;;     output asks for /cancer/histology.
;;;   - 003's RESTRICTIONS rest on toxicity and patient selection, not on
;;;     histology, and only narrow what 001 offers; they are applied to every
;;;     recurrent cervical cancer: no further pelvic radiation after prior
;;;     pelvic radiation (SA-7), and the selection criteria of pelvic
;;;     exenteration (SA-1: isolated central pelvic recurrence after prior
;;;     pelvic radiation, adequate performance status, no distant disease,
;;;     PET/CT before surgery).
;;;
;;; Vague words of the sources are kept vague:
;;;   - "adequate performance status" (SA-1): the source gives no ECOG
;;;     cut-off. The exenteration needs the ECOG to be recorded (so that the
;;;     team judges it; unrecorded, the output asks for /patient/ecog); no
;;;     value is accepted or refused by the rules.
;;;   - "central pelvic recurrence": a recurrence in the cervix, uterus,
;;;     vagina or central pelvis ("comes back in the pelvis but has not spread
;;;     to the side wall", 001); "isolated" (003): no other recurrence site
;;;     (side wall, pelvic or para-aortic nodes, distant) is recorded.
;;;   - "small recurrence" (CR-8): the treating team's judgement
;;;     (/cancer/recurrence/small); the source gives no size, and size_cm is
;;;     never compared with a number.
;;;   - "PET/CT preferred" (SA-1): the exenteration needs a PET/CT recorded
;;;     without distant disease; other imaging alone leaves it unknown.
;;;
;;; Every option that is active treatment also requires that the patient can
;;; have and has not declined active treatment (`~no` / `~yes`: not recorded
;;; does not block); chemotherapy options also that chemotherapy is suitable
;;; and not declined.

(deffacts cervix-recurrent-guideline
  (guideline (id cervix-recurrent)
             (title "Recurrent cervical cancer")
             (source "001_78575e265add836c.txt")
             (covers "cervical cancer that has come back after treatment (recurrent: true), any stage at diagnosis; for squamous cell carcinoma also the recurrence algorithm of 003_4fdd2d6f18fb6015.txt")))

;;; ---------------------------------------------------------------- citations

(deffacts cervix-recurrent-citations
  (citation (id cr1-chemoradiation)
            (source "001_78575e265add836c.txt") (label CR-1)
            (quote "You may be offered chemoradiation for recurrent cervical cancer."))
  (citation (id cr1-chemoradiation-drugs)
            (source "001_78575e265add836c.txt") (label CR-1)
            (quote "5-fluorouracil (Adrucil, 5-FU) plus cisplatin or mitomycin (Mutamycin) or other chemotherapy drugs may be used."))
  (citation (id cr2-radiation)
            (source "001_78575e265add836c.txt") (label CR-2)
            (quote "Radiation therapy may be external radiation therapy, brachytherapy or both. For recurrent cervical cancer, radiation therapy is often given with chemotherapy, but in some cases it may be used alone as the main treatment."))
  (citation (id cr2-palliative-radiation)
            (source "001_78575e265add836c.txt") (label CR-2)
            (quote "For recurrent cervical cancer, radiation therapy may be used to relieve pain, stop bleeding or control other symptoms of advanced cervical cancer (called palliative therapy)."))
  (citation (id cr7-exenteration)
            (source "001_78575e265add836c.txt") (label CR-7)
            (quote "A pelvic exenteration may be used to treat recurrent cervical cancer that comes back in the pelvis but has not spread to the side wall of the pelvis."))
  (citation (id cr7-not-distant)
            (source "001_78575e265add836c.txt") (label CR-7)
            (quote "A pelvic exenteration is not used if cancer comes back in another part of the body."))
  (citation (id sa1-exenteration-curative)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-1)
            (quote "Pelvic exenteration is the primary curative option for select patients with isolated central pelvic recurrence who received prior pelvic radiation therapy"))
  (citation (id sa1-selection)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-1)
            (quote "Pelvic exenteration should only be offered to highly selected patients with central recurrence, adequate performance status, and no evidence of distant disease"))
  (citation (id sa1-pet-ct)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-1)
            (quote "Extensive preoperative imaging (PET/CT preferred) is essential to exclude distant metastases before considering exenterative surgery"))
  (citation (id sa3-salvage-chemoradiation)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-3)
            (quote "Salvage radiotherapy with concurrent platinum-based chemotherapy is the standard approach for patients with pelvic recurrence who did not receive prior radiation"))
  (citation (id sa3-cisplatin)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-3)
            (quote "External beam radiation therapy (EBRT) with concurrent cisplatin (preferred radiosensitizing agent) should be administered"))
  (citation (id sa3-curative)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-3)
            (quote "This represents a potentially curative treatment strategy when radiation fields have not been previously exhausted"))
  (citation (id sa7-contraindication)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-7)
            (quote "Prior radiation therapy is an absolute contraindication to further pelvic radiation in most cases due to unacceptable toxicity risk"))
  (citation (id sa7-reirradiation-investigational)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-7)
            (quote "Reirradiation may occasionally be considered with advanced techniques in highly selected cases, but this remains investigational"))
  (citation (id cr3-chemotherapy)
            (source "001_78575e265add836c.txt") (label CR-3)
            (quote "Chemotherapy may be offered for recurrent cervical cancer to relieve pain or control the symptoms of advanced cervical cancer."))
  (citation (id cr3-drugs)
            (source "001_78575e265add836c.txt") (label CR-3)
            (quote "Chemotherapy drugs used to treat recurrent cervical cancer are used alone or in combination and include: • cisplatin • carboplatin (Paraplatin, Paraplatin AQ) • paclitaxel (Taxol) • topotecan (Hycamtin) • gemcitabine (Gemzar) • 5-fluorouracil (Adrucil, 5-FU) • ifosfamide (Ifex) • docetaxel (Taxotere) • irinotecan (Camptosar) • mitomycin (Mutamycin) • vinorelbine (Navelbine) • epirubicin (Pharmorubicin) • doxorubicin (Adriamycin)"))
  (citation (id cr3-combinations)
            (source "001_78575e265add836c.txt") (label CR-3)
            (quote "The most common chemotherapy drug combinations used to treat cervical cancer are: • cisplatin and ifosfamide • cisplatin and paclitaxel • cisplatin and gemcitabine • cisplatin and topotecan • paclitaxel and topotecan"))
  (citation (id cr4-bevacizumab)
            (source "001_78575e265add836c.txt") (label CR-4)
            (quote "You may be offered targeted therapy for recurrent cervical cancer. The most common targeted therapy drug used to treat cervical cancer is bevacizumab (Avastin). It is usually given in combination with chemotherapy."))
  (citation (id cr5-cemiplimab)
            (source "001_78575e265add836c.txt") (label CR-5)
            (quote "If chemotherapy was used to treat metastatic cervical cancer but it didn't respond or the cancer comes back, then you may be offered cemiplimab (Libtayo)."))
  (citation (id cr6-pembrolizumab)
            (source "001_78575e265add836c.txt") (label CR-6)
            (quote "Pembrolizumab (Keytruda) may also be offered for recurrent cervical cancer in combination with chemotherapy. It is sometimes given with the targeted therapy drug bevacizumab (Avastin)."))
  (citation (id cr6-pd-l1-only)
            (source "001_78575e265add836c.txt") (label CR-6)
            (quote "Pembrolizumab is only used for cervical cancer tumours that have the PD-L1 checkpoint protein."))
  (citation (id cr8-radical-hysterectomy)
            (source "001_78575e265add836c.txt") (label CR-8)
            (quote "A radical hysterectomy may be offered for a small recurrence in the cervix or uterus if you were previously treated with radiation therapy."))
  (citation (id cr9-supportive-care)
            (source "001_78575e265add836c.txt") (label CR-9)
            (quote "If you can’t have or don’t want cancer treatment You may want to consider a type of care to make you feel better without treating the cancer itself."))
  (citation (id cr10-clinical-trials)
            (source "001_78575e265add836c.txt") (label CR-10)
            (quote "Talk to your doctor about clinical trials open to women with cervical cancer in Canada."))
  (citation (id sa2-resection)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-2)
            (quote "Resection followed by systemic therapy can be considered for isolated pelvic recurrence that was previously irradiated"))
  (citation (id sa4-setting)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "systemic chemotherapy (cisplatin/paclitaxel with or without bevacizumab) for distant metastases or unresectable disease"))
  (citation (id sa4-cisplatin-paclitaxel-bevacizumab)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "Cisplatin/paclitaxel/bevacizumab (preferred): 15 mg/kg bevacizumab every 3 weeks with paclitaxel and cisplatin"))
  (citation (id sa4-cisplatin-paclitaxel)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "Cisplatin/paclitaxel: Standard doublet without bevacizumab"))
  (citation (id sa4-paclitaxel-topotecan-bevacizumab)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "Paclitaxel/topotecan/bevacizumab: Alternative regimen with 15 mg/kg bevacizumab every 3 weeks"))
  (citation (id sa4-bevacizumab-survival)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "The addition of bevacizumab to chemotherapy significantly improves overall survival compared to chemotherapy alone in recurrent/metastatic cervical cancer"))
  (citation (id sa5-chest)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-5)
            (quote "Isolated chest metastases demonstrate superior response rates to cisplatin compared to pelvic recurrences: 73% overall response rate (53% complete response) versus 21% overall response rate (0% complete response)"))
  (citation (id sa5-bulky-irradiated)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-5)
            (quote "Bulky pelvic tumor in previously irradiated areas remains largely refractory to systemic chemotherapy"))
  (citation (id sa5-multiple-locations)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-5)
            (quote "Concomitant disease in multiple locations reduces likelihood of response at any individual site"))
  (citation (id sa6-no-standard)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-6)
            (quote "No standard second-line regimen exists for recurrent cervical cancer"))
  (citation (id sa6-options)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-6)
            (quote "Paclitaxel, topotecan, or other platinum-based combinations may be considered"))
  (citation (id sa6-clinical-trial)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-6)
            (quote "Clinical trial enrollment should be strongly considered for patients progressing on first-line therapy"))
  (citation (id sa9-palliative-care)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-9)
            (quote "For patients with multiple pelvic nodes, distant metastases, or poor performance status, palliative/best supportive care should be discussed alongside systemic therapy options"))
  (citation (id sa10-ebrt)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-10)
            (quote "Selective EBRT may provide symptom relief for painful metastases even when cure is not possible"))
  (citation (id sa11-timing)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-11)
            (quote "Most recurrences (70-80%) occur within first 2 years after initial treatment"))
  (citation (id sa11-location)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-11)
            (quote "Location of recurrence (extrapelvic versus pelvic) significantly affects response rates but not necessarily overall survival"))
  (citation (id sa11-factors)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-11)
            (quote "Lesion size, clinical stage, patient age, and duration from primary treatment to recurrence do not significantly predict response or survival")))

;;; ---------------------------------------------------------------- findings

(deffacts cervix-recurrent-findings
  (finding-def (name squamous-cell-carcinoma)
               (text "squamous cell carcinoma (the histology the recurrence algorithm of 003 is written for)")
               (fields "/cancer/histology"))
  (finding-def (name central-pelvic-recurrence)
               (text "recurrence in the central pelvis (cervix, uterus, vagina or central pelvis)")
               (fields "/cancer/recurrence/sites"))
  (finding-def (name isolated-central-pelvic-recurrence)
               (text "isolated central pelvic recurrence (only cervix, uterus, vagina or central pelvis recorded as recurrence sites)")
               (fields "/cancer/recurrence/sites"))
  (finding-def (name side-wall-involvement)
               (text "recurrence involves the pelvic side wall")
               (fields "/cancer/recurrence/side_wall" "/cancer/recurrence/sites"))
  (finding-def (name pelvic-recurrence-only)
               (text "recurrence confined to the pelvis (no para-aortic or distant recurrence site)")
               (fields "/cancer/recurrence/sites"))
  (finding-def (name performance-status-recorded)
               (text "ECOG performance status recorded (the source asks for adequate performance status and gives no ECOG cut-off: the treating team judges the recorded value)")
               (fields "/patient/ecog"))
  (finding-def (name pet-ct-without-distant-disease)
               (text "PET/CT (the preferred preoperative imaging) shows no distant disease")
               (fields "/imaging"))
  (finding-def (name recurrence-confined-to-cervix-or-uterus)
               (text "recurrence in the cervix or uterus only")
               (fields "/cancer/recurrence/sites"))
  (finding-def (name small-recurrence)
               (text "small recurrence (the treating team's judgement: the source gives no size)")
               (fields "/cancer/recurrence/small"))
  (finding-def (name recurrence-resectable)
               (text "recurrence can be removed by surgery")
               (fields "/cancer/recurrence/resectable"))
  (finding-def (name multiple-pelvic-nodes)
               (text "several pelvic lymph nodes involved")
               (fields "/cancer/recurrence/multiple_pelvic_nodes"))
  (finding-def (name bulky-pelvic-tumour-in-irradiated-field)
               (text "bulky pelvic tumour in a previously irradiated area")
               (fields "/cancer/recurrence/bulky_in_irradiated_field"))
  (finding-def (name progressed-on-first-line)
               (text "the cancer progressed on or after systemic therapy for recurrent or metastatic disease (first line)")
               (fields "/prior_treatments"))
  (finding-def (name isolated-chest-metastases)
               (text "isolated chest metastases (metastases in the lung only, no pelvic or nodal recurrence; the case cannot name other chest sites)")
               (fields "/cancer/metastases" "/cancer/recurrence/sites"))
  (finding-def (name disease-at-multiple-sites)
               (text "disease in several locations (pelvis, para-aortic nodes, each metastatic site)")
               (fields "/cancer/metastases" "/cancer/recurrence/sites"))
  (finding-def (name painful-metastases)
               (text "pain in a patient with distant metastases (the case cannot tell which lesion hurts)")
               (fields "/cancer/metastases" "/symptoms")))

(defrule finding-squamous-cell-carcinoma-yes
  "The histology is squamous cell carcinoma."
  (cancer (histology squamous-cell-carcinoma))
  =>
  (assert (finding (name squamous-cell-carcinoma) (value yes))))

(defrule finding-squamous-cell-carcinoma-no
  "The histology is recorded and is not squamous cell carcinoma
   (adenosquamous carcinoma included: it is not the histology of 003)."
  (cancer (histology ~squamous-cell-carcinoma))
  =>
  (assert (finding (name squamous-cell-carcinoma) (value no))))

(defrule finding-squamous-cell-carcinoma-unknown
  "The histology is not recorded."
  (cancer (histology))
  =>
  (assert (finding (name squamous-cell-carcinoma) (value unknown))))

(defrule finding-central-pelvic-recurrence-yes
  "A recurrence site in the cervix, uterus, vagina or central pelvis."
  (recurrence-site (site cervix|uterus|vagina|central-pelvis))
  =>
  (assert (finding (name central-pelvic-recurrence) (value yes))))

(defrule finding-central-pelvic-recurrence-no
  "Recurrence sites are recorded and none is central."
  (list-recorded (field "/cancer/recurrence/sites"))
  (not (recurrence-site (site cervix|uterus|vagina|central-pelvis)))
  =>
  (assert (finding (name central-pelvic-recurrence) (value no))))

(defrule finding-central-pelvic-recurrence-unknown
  "Recurrence sites are not recorded."
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name central-pelvic-recurrence) (value unknown))))

(defrule finding-isolated-central-pelvic-recurrence-yes
  "Every recorded recurrence site is central (cervix, uterus, vagina,
   central pelvis), and there is at least one."
  (recurrence-site (site cervix|uterus|vagina|central-pelvis))
  (not (recurrence-site (site ~cervix&~uterus&~vagina&~central-pelvis)))
  =>
  (assert (finding (name isolated-central-pelvic-recurrence) (value yes))))

(defrule finding-isolated-central-pelvic-recurrence-no-other-site
  "A recurrence site outside the central pelvis is recorded."
  (recurrence-site (site ~cervix&~uterus&~vagina&~central-pelvis))
  =>
  (assert (finding (name isolated-central-pelvic-recurrence) (value no))))

(defrule finding-isolated-central-pelvic-recurrence-no-central-site
  "Recurrence sites are recorded and there is none at all."
  (list-recorded (field "/cancer/recurrence/sites") (count 0))
  =>
  (assert (finding (name isolated-central-pelvic-recurrence) (value no))))

(defrule finding-isolated-central-pelvic-recurrence-unknown
  "Recurrence sites are not recorded."
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name isolated-central-pelvic-recurrence) (value unknown))))

(defrule finding-side-wall-involvement-yes-flag
  "The recurrence is recorded as involving the pelvic side wall."
  (recurrence (side-wall TRUE))
  =>
  (assert (finding (name side-wall-involvement) (value yes))))

(defrule finding-side-wall-involvement-yes-site
  "A recurrence site is the pelvic side wall."
  (recurrence-site (site pelvic-side-wall))
  =>
  (assert (finding (name side-wall-involvement) (value yes))))

(defrule finding-side-wall-involvement-no
  "The recurrence is recorded as not involving the side wall, and no site
   says otherwise."
  (recurrence (side-wall FALSE))
  (not (recurrence-site (site pelvic-side-wall)))
  =>
  (assert (finding (name side-wall-involvement) (value no))))

(defrule finding-side-wall-involvement-unknown
  "Side-wall involvement is not recorded and no site is the side wall."
  (not (recurrence (side-wall TRUE|FALSE)))
  (not (recurrence-site (site pelvic-side-wall)))
  =>
  (assert (finding (name side-wall-involvement) (value unknown))))

(defrule finding-pelvic-recurrence-only-yes
  "A pelvic recurrence site is recorded and no para-aortic or distant one."
  (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes))
  (not (recurrence-site (site para-aortic-lymph-nodes|distant)))
  =>
  (assert (finding (name pelvic-recurrence-only) (value yes))))

(defrule finding-pelvic-recurrence-only-no-outside
  "A para-aortic or distant recurrence site is recorded."
  (recurrence-site (site para-aortic-lymph-nodes|distant))
  =>
  (assert (finding (name pelvic-recurrence-only) (value no))))

(defrule finding-pelvic-recurrence-only-no-pelvic-site
  "Recurrence sites are recorded and none is in the pelvis or outside it."
  (list-recorded (field "/cancer/recurrence/sites") (count 0))
  =>
  (assert (finding (name pelvic-recurrence-only) (value no))))

(defrule finding-pelvic-recurrence-only-unknown
  "Recurrence sites are not recorded."
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name pelvic-recurrence-only) (value unknown))))

(defrule finding-performance-status-recorded-yes
  "An ECOG performance status is recorded (any value: the source sets no
   threshold)."
  (patient (ecog ?))
  =>
  (assert (finding (name performance-status-recorded) (value yes))))

(defrule finding-performance-status-recorded-unknown
  "No ECOG performance status is recorded."
  (not (patient (ecog ?)))
  =>
  (assert (finding (name performance-status-recorded) (value unknown))))

(defrule finding-pet-ct-without-distant-disease-yes
  "A PET/CT shows no distant disease and no PET/CT shows any."
  (imaging (type pet-ct) (distant-disease FALSE))
  (not (imaging (type pet-ct) (distant-disease TRUE)))
  =>
  (assert (finding (name pet-ct-without-distant-disease) (value yes))))

(defrule finding-pet-ct-without-distant-disease-no
  "A PET/CT shows distant disease."
  (imaging (type pet-ct) (distant-disease TRUE))
  =>
  (assert (finding (name pet-ct-without-distant-disease) (value no))))

(defrule finding-pet-ct-without-distant-disease-unknown
  "No PET/CT with a recorded result for distant disease."
  (not (imaging (type pet-ct) (distant-disease TRUE|FALSE)))
  =>
  (assert (finding (name pet-ct-without-distant-disease) (value unknown))))

;;; ---------------------------------------------------------------- scope

(defrule scope-cervix-recurrent
  "A cervical cancer that has come back after treatment."
  (cancer (site cervix) (recurrent TRUE))
  =>
  (assert (scope (guideline cervix-recurrent))))

;;; ---------------------------------------------------------------- CR-7, SA-1: pelvic exenteration

(defrule cervix-recurrent-exenteration-candidate
  "Pelvic exenteration, the primary curative option, for an isolated
   central pelvic recurrence after prior pelvic radiation, with no side-wall
   involvement and no distant disease, in a patient whose performance status
   is recorded for the team to judge (no cut-off in the source) and whose
   PET/CT shows no distant disease (CR-7, SA-1)."
  (scope (guideline cervix-recurrent))
  (finding (name isolated-central-pelvic-recurrence) (value yes))
  (finding (name side-wall-involvement) (value no))
  (finding (name distant-disease) (value no))
  (finding (name prior-pelvic-radiation) (value yes))
  (finding (name pet-ct-without-distant-disease) (value yes))
  (finding (name performance-status-recorded) (value yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-pelvic-exenteration)
            (modality surgery)
            (procedure pelvic-exenteration)
            (target pelvis)
            (intent curative)
            (summary "Pelvic exenteration for an isolated central pelvic recurrence after pelvic radiation, for highly selected patients with adequate performance status (the source gives no ECOG cut-off: the team judges the recorded value) and no distant disease on PET/CT")
            (cite cr7-exenteration sa1-exenteration-curative sa1-selection sa1-pet-ct))))

(defrule cervix-recurrent-exenteration-excluded-side-wall
  "No pelvic exenteration when the recurrence involves the pelvic side
   wall (CR-7)."
  (scope (guideline cervix-recurrent))
  (finding (name side-wall-involvement) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-exenteration-excluded-side-wall)
            (option cervix-recurrent-pelvic-exenteration)
            (modality surgery)
            (procedure pelvic-exenteration)
            (reason "The recurrence involves the pelvic side wall; pelvic exenteration is used for a recurrence in the pelvis that has not spread to the side wall.")
            (cite cr7-exenteration))))

(defrule cervix-recurrent-exenteration-excluded-distant-disease
  "No pelvic exenteration for a central pelvic recurrence when there is
   distant disease (CR-7, SA-1)."
  (scope (guideline cervix-recurrent))
  (finding (name central-pelvic-recurrence) (value yes))
  (finding (name distant-disease) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-exenteration-excluded-distant-disease)
            (option cervix-recurrent-pelvic-exenteration)
            (modality surgery)
            (procedure pelvic-exenteration)
            (reason "There is distant disease; pelvic exenteration is not used if the cancer has come back in another part of the body, and is offered only with no evidence of distant disease.")
            (cite cr7-not-distant sa1-selection))))

;;; ---------------------------------------------------------------- SA-3: salvage chemoradiation

(defrule cervix-recurrent-salvage-chemoradiation-cisplatin
  "Squamous cell carcinoma, pelvic recurrence, no prior pelvic radiation, no
   distant disease: salvage external beam radiation with concurrent
   cisplatin, potentially curative (SA-3)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name pelvic-recurrence-only) (value yes))
  (finding (name distant-disease) (value no))
  (finding (name prior-pelvic-radiation) (value no))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-salvage-chemoradiation-cisplatin)
            (modality chemoradiation)
            (agents cisplatin)
            (procedure external-beam-radiation)
            (target pelvis)
            (intent curative)
            (preferred TRUE)
            (summary "Salvage external beam radiation therapy (EBRT) with concurrent cisplatin (the preferred radiosensitizing agent): the standard, potentially curative approach for a pelvic recurrence without prior radiation")
            (cite sa3-salvage-chemoradiation sa3-cisplatin sa3-curative))))

;;; ---------------------------------------------------------------- SA-7: no further pelvic radiation

(defrule cervix-recurrent-salvage-chemoradiation-excluded-prior-radiation
  "After prior pelvic radiation, salvage chemoradiation is not offered:
   further pelvic radiation is contraindicated in most cases (SA-3, SA-7)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value ~no))
  (finding (name prior-pelvic-radiation) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-salvage-chemoradiation-excluded-prior-radiation)
            (option cervix-recurrent-salvage-chemoradiation-cisplatin)
            (modality chemoradiation)
            (agents cisplatin)
            (reason "The patient has had pelvic radiation: prior radiation is an absolute contraindication to further pelvic radiation in most cases (unacceptable toxicity); re-irradiation remains investigational, for highly selected cases only.")
            (cite sa3-salvage-chemoradiation sa7-contraindication sa7-reirradiation-investigational))))

;;; ---------------------------------------------------------------- CR-1, CR-2: radiation and chemoradiation
;;; 001 offers chemoradiation and radiation for recurrent cervical cancer;
;;; SA-7 (003) says prior radiation is an absolute contraindication to
;;; further pelvic radiation in most cases. The case cannot say which field
;;; a new course would treat, so these options need prior pelvic radiation
;;; to be "no" (unknown asks for /prior_treatments); after pelvic radiation
;;; they are excluded with the SA-7 reason. EBRT for painful metastases
;;; (SA-10) is not pelvic and stays available.

(defrule cervix-recurrent-chemoradiation-fluorouracil-cisplatin
  "Chemoradiation with 5-FU plus cisplatin, when there was no prior pelvic
   radiation (CR-1; SA-7)."
  (scope (guideline cervix-recurrent))
  (finding (name prior-pelvic-radiation) (value no))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemoradiation-fluorouracil-cisplatin)
            (modality chemoradiation)
            (agents fluorouracil cisplatin)
            (summary "Chemoradiation: 5-fluorouracil plus cisplatin given during the same period as radiation therapy")
            (cite cr1-chemoradiation cr1-chemoradiation-drugs))))

(defrule cervix-recurrent-chemoradiation-fluorouracil-mitomycin
  "Chemoradiation with 5-FU plus mitomycin, when there was no prior pelvic
   radiation (CR-1; SA-7)."
  (scope (guideline cervix-recurrent))
  (finding (name prior-pelvic-radiation) (value no))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemoradiation-fluorouracil-mitomycin)
            (modality chemoradiation)
            (agents fluorouracil mitomycin)
            (summary "Chemoradiation: 5-fluorouracil plus mitomycin given during the same period as radiation therapy")
            (cite cr1-chemoradiation cr1-chemoradiation-drugs))))

(defrule cervix-recurrent-radiation
  "Radiation therapy (external, brachytherapy or both), often with
   chemotherapy, sometimes alone, when there was no prior pelvic radiation
   (CR-2; SA-7)."
  (scope (guideline cervix-recurrent))
  (finding (name prior-pelvic-radiation) (value no))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-radiation)
            (modality radiation)
            (summary "Radiation therapy (external radiation, brachytherapy or both), often given with chemotherapy, in some cases alone as the main treatment")
            (cite cr2-radiation))))

(defrule cervix-recurrent-palliative-radiation
  "Palliative radiation to relieve pain, stop bleeding or control other
   symptoms, when there was no prior pelvic radiation (CR-2; SA-7)."
  (scope (guideline cervix-recurrent))
  (finding (name prior-pelvic-radiation) (value no))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-palliative-radiation)
            (modality radiation)
            (intent palliative)
            (summary "Palliative radiation therapy to relieve pain, stop bleeding or control other symptoms")
            (cite cr2-palliative-radiation))))

(defrule cervix-recurrent-radiation-excluded-prior-radiation
  "After prior pelvic radiation, further pelvic radiation is
   contraindicated in most cases (SA-7)."
  (scope (guideline cervix-recurrent))
  (finding (name prior-pelvic-radiation) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-radiation-excluded-prior-radiation)
            (option cervix-recurrent-radiation)
            (modality radiation)
            (reason "The patient has had pelvic radiation: prior radiation is an absolute contraindication to further pelvic radiation in most cases (unacceptable toxicity); re-irradiation remains investigational, for highly selected cases only.")
            (cite sa7-contraindication sa7-reirradiation-investigational))))

(defrule cervix-recurrent-palliative-radiation-excluded-prior-radiation
  "After prior pelvic radiation, palliative pelvic radiation falls under the
   same contraindication (SA-7); EBRT for painful metastases is separate."
  (scope (guideline cervix-recurrent))
  (finding (name prior-pelvic-radiation) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-palliative-radiation-excluded-prior-radiation)
            (option cervix-recurrent-palliative-radiation)
            (modality radiation)
            (reason "The patient has had pelvic radiation: further pelvic radiation, palliative included, is contraindicated in most cases; re-irradiation remains investigational. Radiation of painful metastases outside the pelvis is not concerned.")
            (cite sa7-contraindication sa7-reirradiation-investigational))))

(defrule cervix-recurrent-chemoradiation-fluorouracil-cisplatin-excluded-prior-radiation
  "After prior pelvic radiation, chemoradiation is pelvic radiation again
   (SA-7)."
  (scope (guideline cervix-recurrent))
  (finding (name prior-pelvic-radiation) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-chemoradiation-fluorouracil-cisplatin-excluded-prior-radiation)
            (option cervix-recurrent-chemoradiation-fluorouracil-cisplatin)
            (modality chemoradiation)
            (agents fluorouracil cisplatin)
            (reason "The patient has had pelvic radiation: prior radiation is an absolute contraindication to further pelvic radiation in most cases (unacceptable toxicity); re-irradiation remains investigational, for highly selected cases only.")
            (cite sa7-contraindication sa7-reirradiation-investigational))))

(defrule cervix-recurrent-chemoradiation-fluorouracil-mitomycin-excluded-prior-radiation
  "After prior pelvic radiation, chemoradiation is pelvic radiation again
   (SA-7)."
  (scope (guideline cervix-recurrent))
  (finding (name prior-pelvic-radiation) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-chemoradiation-fluorouracil-mitomycin-excluded-prior-radiation)
            (option cervix-recurrent-chemoradiation-fluorouracil-mitomycin)
            (modality chemoradiation)
            (agents fluorouracil mitomycin)
            (reason "The patient has had pelvic radiation: prior radiation is an absolute contraindication to further pelvic radiation in most cases (unacceptable toxicity); re-irradiation remains investigational, for highly selected cases only.")
            (cite sa7-contraindication sa7-reirradiation-investigational))))

;;; ---------------------------------------------------------------- more findings

(defrule finding-recurrence-confined-to-cervix-or-uterus-yes
  "The recorded recurrence sites are the cervix or uterus only."
  (recurrence-site (site cervix|uterus))
  (not (recurrence-site (site ~cervix&~uterus)))
  =>
  (assert (finding (name recurrence-confined-to-cervix-or-uterus) (value yes))))

(defrule finding-recurrence-confined-to-cervix-or-uterus-no-other-site
  "A recurrence site other than the cervix or uterus is recorded."
  (recurrence-site (site ~cervix&~uterus))
  =>
  (assert (finding (name recurrence-confined-to-cervix-or-uterus) (value no))))

(defrule finding-recurrence-confined-to-cervix-or-uterus-no-site
  "Recurrence sites are recorded and there is none."
  (list-recorded (field "/cancer/recurrence/sites") (count 0))
  =>
  (assert (finding (name recurrence-confined-to-cervix-or-uterus) (value no))))

(defrule finding-recurrence-confined-to-cervix-or-uterus-unknown
  "Recurrence sites are not recorded."
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name recurrence-confined-to-cervix-or-uterus) (value unknown))))

(defrule finding-small-recurrence-yes
  "The treating team judges the recurrence small."
  (recurrence (small TRUE))
  =>
  (assert (finding (name small-recurrence) (value yes))))

(defrule finding-small-recurrence-no
  "The treating team judges the recurrence not small."
  (recurrence (small FALSE))
  =>
  (assert (finding (name small-recurrence) (value no))))

(defrule finding-small-recurrence-unknown
  "Whether the recurrence is small is not recorded (its size in cm is not
   used: the source gives no cut-off)."
  (recurrence (small))
  =>
  (assert (finding (name small-recurrence) (value unknown))))

(defrule finding-recurrence-resectable-yes
  "The recurrence can be removed by surgery."
  (recurrence (resectable TRUE))
  =>
  (assert (finding (name recurrence-resectable) (value yes))))

(defrule finding-recurrence-resectable-no
  "The recurrence cannot be removed by surgery."
  (recurrence (resectable FALSE))
  =>
  (assert (finding (name recurrence-resectable) (value no))))

(defrule finding-recurrence-resectable-unknown
  "Resectability is not recorded."
  (recurrence (resectable))
  =>
  (assert (finding (name recurrence-resectable) (value unknown))))

(defrule finding-multiple-pelvic-nodes-yes
  "Several pelvic lymph nodes are involved."
  (recurrence (multiple-pelvic-nodes TRUE))
  =>
  (assert (finding (name multiple-pelvic-nodes) (value yes))))

(defrule finding-multiple-pelvic-nodes-no
  "Several pelvic lymph nodes are recorded as not involved."
  (recurrence (multiple-pelvic-nodes FALSE))
  =>
  (assert (finding (name multiple-pelvic-nodes) (value no))))

(defrule finding-multiple-pelvic-nodes-unknown
  "Pelvic node involvement is not recorded."
  (recurrence (multiple-pelvic-nodes))
  =>
  (assert (finding (name multiple-pelvic-nodes) (value unknown))))

(defrule finding-bulky-pelvic-tumour-in-irradiated-field-yes
  "A bulky recurrence inside a previously irradiated area."
  (recurrence (bulky-in-irradiated-field TRUE))
  =>
  (assert (finding (name bulky-pelvic-tumour-in-irradiated-field) (value yes))))

(defrule finding-bulky-pelvic-tumour-in-irradiated-field-no
  "The recurrence is recorded as not bulky in an irradiated area."
  (recurrence (bulky-in-irradiated-field FALSE))
  =>
  (assert (finding (name bulky-pelvic-tumour-in-irradiated-field) (value no))))

(defrule finding-bulky-pelvic-tumour-in-irradiated-field-unknown
  "Not recorded."
  (recurrence (bulky-in-irradiated-field))
  =>
  (assert (finding (name bulky-pelvic-tumour-in-irradiated-field) (value unknown))))

;;; First line (SA-4, SA-6): systemic therapy (chemotherapy, targeted or
;;; immunotherapy) given for advanced disease (setting metastatic or
;;; recurrent). "Progressing on first-line therapy": its response was
;;; progression, or the cancer progressed after it.

(defrule finding-progressed-on-first-line-yes-response
  "Systemic therapy for advanced disease ended in progression."
  (prior-treatment (type chemotherapy|targeted|immunotherapy)
                   (setting metastatic|recurrent) (response progression))
  =>
  (assert (finding (name progressed-on-first-line) (value yes))))

(defrule finding-progressed-on-first-line-yes-after
  "The cancer progressed after systemic therapy for advanced disease."
  (prior-treatment (type chemotherapy|targeted|immunotherapy)
                   (setting metastatic|recurrent) (progressed-after TRUE))
  =>
  (assert (finding (name progressed-on-first-line) (value yes))))

(defrule finding-progressed-on-first-line-no
  "Prior treatments are recorded; no systemic therapy for advanced disease,
   or each one is recorded without progression during or after it; every
   systemic therapy has a setting."
  (list-recorded (field "/prior_treatments"))
  (forall (prior-treatment (type chemotherapy|targeted|immunotherapy)
                           (setting metastatic|recurrent) (pointer ?p))
          (prior-treatment (pointer ?p) (response complete|partial|stable)
                           (progressed-after FALSE)))
  (not (prior-treatment (type chemotherapy|targeted|immunotherapy) (setting)))
  =>
  (assert (finding (name progressed-on-first-line) (value no))))

(defrule finding-progressed-on-first-line-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name progressed-on-first-line) (value unknown))))

(defrule finding-progressed-on-first-line-unknown-outcome
  "A systemic therapy for advanced disease has no recorded outcome and none
   shows progression."
  (list-recorded (field "/prior_treatments"))
  (prior-treatment (type chemotherapy|targeted|immunotherapy)
                   (setting metastatic|recurrent) (pointer ?p))
  (not (prior-treatment (pointer ?p) (response complete|partial|stable)
                        (progressed-after FALSE)))
  (not (prior-treatment (type chemotherapy|targeted|immunotherapy)
                        (setting metastatic|recurrent) (response progression)))
  (not (prior-treatment (type chemotherapy|targeted|immunotherapy)
                        (setting metastatic|recurrent) (progressed-after TRUE)))
  =>
  (assert (finding (name progressed-on-first-line) (value unknown))))

(defrule finding-progressed-on-first-line-unknown-setting
  "A systemic therapy has no setting and none shows progression."
  (list-recorded (field "/prior_treatments"))
  (prior-treatment (type chemotherapy|targeted|immunotherapy) (setting))
  (not (prior-treatment (type chemotherapy|targeted|immunotherapy)
                        (setting metastatic|recurrent) (response progression)))
  (not (prior-treatment (type chemotherapy|targeted|immunotherapy)
                        (setting metastatic|recurrent) (progressed-after TRUE)))
  =>
  (assert (finding (name progressed-on-first-line) (value unknown))))

;;; Isolated chest metastases (SA-5): the case vocabulary has `lung` as its
;;; only chest site, so "isolated chest metastases" is read as metastases in
;;; the lung only, with no pelvic or para-aortic recurrence site (the
;;; comparison in the source is with pelvic recurrences). A recurrence site
;;; `distant` is allowed: it is the same distant disease.

(defrule finding-isolated-chest-metastases-yes
  "Metastases in the lung only, recurrence sites recorded and none of them
   pelvic or para-aortic."
  (metastasis (site lung))
  (not (metastasis (site ~lung)))
  (list-recorded (field "/cancer/recurrence/sites"))
  (not (recurrence-site (site ~distant)))
  =>
  (assert (finding (name isolated-chest-metastases) (value yes))))

(defrule finding-isolated-chest-metastases-no-other-metastasis
  "A metastasis outside the lung."
  (metastasis (site ~lung))
  =>
  (assert (finding (name isolated-chest-metastases) (value no))))

(defrule finding-isolated-chest-metastases-no-lung
  "Metastases are recorded and none is in the lung."
  (list-recorded (field "/cancer/metastases"))
  (not (metastasis (site lung)))
  =>
  (assert (finding (name isolated-chest-metastases) (value no))))

(defrule finding-isolated-chest-metastases-no-pelvic-disease
  "Lung metastases together with a pelvic or para-aortic recurrence."
  (metastasis (site lung))
  (recurrence-site (site ~distant))
  =>
  (assert (finding (name isolated-chest-metastases) (value no))))

(defrule finding-isolated-chest-metastases-unknown-metastases
  "Metastases are not recorded."
  (not (list-recorded (field "/cancer/metastases")))
  =>
  (assert (finding (name isolated-chest-metastases) (value unknown))))

(defrule finding-isolated-chest-metastases-unknown-sites
  "Lung-only metastases, but the recurrence sites are not recorded."
  (metastasis (site lung))
  (not (metastasis (site ~lung)))
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name isolated-chest-metastases) (value unknown))))

;;; Disease in multiple locations (SA-5). Locations: the pelvis (any pelvic
;;; recurrence site), the para-aortic nodes, and each metastatic site; a
;;; recurrence site `distant` is a location of its own.

(defrule finding-disease-at-multiple-sites-yes-two-metastatic-sites
  "Metastases at two different sites."
  (metastasis (site ?a))
  (metastasis (site ~?a))
  =>
  (assert (finding (name disease-at-multiple-sites) (value yes))))

(defrule finding-disease-at-multiple-sites-yes-pelvis-and-metastasis
  "A pelvic recurrence together with a metastasis or distant recurrence."
  (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes))
  (or (metastasis)
      (recurrence-site (site distant)))
  =>
  (assert (finding (name disease-at-multiple-sites) (value yes))))

(defrule finding-disease-at-multiple-sites-yes-para-aortic-and-other
  "Para-aortic nodes together with a pelvic, metastatic or distant site."
  (recurrence-site (site para-aortic-lymph-nodes))
  (or (metastasis)
      (recurrence-site (site ~para-aortic-lymph-nodes)))
  =>
  (assert (finding (name disease-at-multiple-sites) (value yes))))

(defrule finding-disease-at-multiple-sites-no
  "Metastases and recurrence sites are recorded and all the disease is in
   one location."
  (list-recorded (field "/cancer/metastases"))
  (list-recorded (field "/cancer/recurrence/sites"))
  (not (and (metastasis (site ?a)) (metastasis (site ~?a))))
  (not (and (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes))
            (or (metastasis) (recurrence-site (site distant)))))
  (not (and (recurrence-site (site para-aortic-lymph-nodes))
            (or (metastasis) (recurrence-site (site ~para-aortic-lymph-nodes)))))
  =>
  (assert (finding (name disease-at-multiple-sites) (value no))))

(defrule finding-disease-at-multiple-sites-unknown
  "Metastases or recurrence sites are not recorded, and what is recorded
   shows one location at most."
  (or (not (list-recorded (field "/cancer/metastases")))
      (not (list-recorded (field "/cancer/recurrence/sites"))))
  (not (and (metastasis (site ?a)) (metastasis (site ~?a))))
  (not (and (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes))
            (or (metastasis) (recurrence-site (site distant)))))
  (not (and (recurrence-site (site para-aortic-lymph-nodes))
            (or (metastasis) (recurrence-site (site ~para-aortic-lymph-nodes)))))
  =>
  (assert (finding (name disease-at-multiple-sites) (value unknown))))

;;; Painful metastases (SA-10): pain or bone pain recorded in a patient with
;;; distant disease (a metastasis or a distant recurrence site). The case
;;; cannot say which lesion causes the pain; the team checks.

(defrule finding-painful-metastases-yes
  "Pain with distant metastases."
  (or (metastasis) (recurrence-site (site distant)))
  (symptom (name pain|bone-pain))
  =>
  (assert (finding (name painful-metastases) (value yes))))

(defrule finding-painful-metastases-no-metastases
  "Metastases are recorded as none and no distant recurrence."
  (list-recorded (field "/cancer/metastases") (count 0))
  (not (recurrence-site (site distant)))
  =>
  (assert (finding (name painful-metastases) (value no))))

(defrule finding-painful-metastases-no-pain
  "Symptoms are recorded and there is no pain."
  (list-recorded (field "/symptoms"))
  (not (symptom (name pain|bone-pain)))
  =>
  (assert (finding (name painful-metastases) (value no))))

(defrule finding-painful-metastases-unknown-metastases
  "Metastases are not recorded, no distant recurrence, and symptoms do not
   rule pain out."
  (not (list-recorded (field "/cancer/metastases")))
  (not (recurrence-site (site distant)))
  (or (symptom (name pain|bone-pain))
      (not (list-recorded (field "/symptoms"))))
  =>
  (assert (finding (name painful-metastases) (value unknown))))

(defrule finding-painful-metastases-unknown-symptoms
  "Distant disease, symptoms not recorded."
  (or (metastasis) (recurrence-site (site distant)))
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name painful-metastases) (value unknown))))

;;; ---------------------------------------------------------------- CR-3: palliative chemotherapy

(defrule cervix-recurrent-palliative-chemotherapy
  "Chemotherapy to relieve pain or control symptoms, with the drugs the
   source lists, alone or in combination (CR-3)."
  (scope (guideline cervix-recurrent))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-palliative-chemotherapy)
            (modality chemotherapy)
            (agents cisplatin carboplatin paclitaxel topotecan gemcitabine fluorouracil
                    ifosfamide docetaxel irinotecan mitomycin vinorelbine epirubicin doxorubicin)
            (intent palliative)
            (summary "Chemotherapy to relieve pain or control symptoms, one or more of the listed drugs, used alone or in combination: cisplatin, carboplatin, paclitaxel, topotecan, gemcitabine, 5-fluorouracil, ifosfamide, docetaxel, irinotecan, mitomycin, vinorelbine, epirubicin, doxorubicin")
            (cite cr3-chemotherapy cr3-drugs))))

(defrule cervix-recurrent-chemotherapy-cisplatin-ifosfamide
  "A common combination: cisplatin and ifosfamide (CR-3)."
  (scope (guideline cervix-recurrent))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-cisplatin-ifosfamide)
            (modality chemotherapy) (agents cisplatin ifosfamide) (intent palliative)
            (summary "Chemotherapy, common combination: cisplatin and ifosfamide")
            (cite cr3-chemotherapy cr3-combinations))))

(defrule cervix-recurrent-chemotherapy-cisplatin-paclitaxel
  "A common combination: cisplatin and paclitaxel (CR-3)."
  (scope (guideline cervix-recurrent))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-cisplatin-paclitaxel)
            (modality chemotherapy) (agents cisplatin paclitaxel) (intent palliative)
            (summary "Chemotherapy, common combination: cisplatin and paclitaxel")
            (cite cr3-chemotherapy cr3-combinations))))

(defrule cervix-recurrent-chemotherapy-cisplatin-gemcitabine
  "A common combination: cisplatin and gemcitabine (CR-3)."
  (scope (guideline cervix-recurrent))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-cisplatin-gemcitabine)
            (modality chemotherapy) (agents cisplatin gemcitabine) (intent palliative)
            (summary "Chemotherapy, common combination: cisplatin and gemcitabine")
            (cite cr3-chemotherapy cr3-combinations))))

(defrule cervix-recurrent-chemotherapy-cisplatin-topotecan
  "A common combination: cisplatin and topotecan (CR-3)."
  (scope (guideline cervix-recurrent))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-cisplatin-topotecan)
            (modality chemotherapy) (agents cisplatin topotecan) (intent palliative)
            (summary "Chemotherapy, common combination: cisplatin and topotecan")
            (cite cr3-chemotherapy cr3-combinations))))

(defrule cervix-recurrent-chemotherapy-paclitaxel-topotecan
  "A common combination: paclitaxel and topotecan (CR-3)."
  (scope (guideline cervix-recurrent))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-paclitaxel-topotecan)
            (modality chemotherapy) (agents paclitaxel topotecan) (intent palliative)
            (summary "Chemotherapy, common combination: paclitaxel and topotecan")
            (cite cr3-chemotherapy cr3-combinations))))

;;; ---------------------------------------------------------------- CR-4: bevacizumab

(defrule cervix-recurrent-bevacizumab-with-chemotherapy
  "Targeted therapy with bevacizumab, usually with chemotherapy (CR-4),
   unless an event for which it must be discontinued is recorded (SA-8)."
  (scope (guideline cervix-recurrent))
  (finding (name bevacizumab-discontinuation-event) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-bevacizumab-with-chemotherapy)
            (modality targeted)
            (agents bevacizumab)
            (summary "Targeted therapy with bevacizumab, usually given in combination with chemotherapy")
            (cite cr4-bevacizumab))))

(defrule cervix-recurrent-bevacizumab-excluded-discontinuation-event
  "Bevacizumab is not offered after an event for which the source says to
   discontinue it (SA-8)."
  (scope (guideline cervix-recurrent))
  (finding (name bevacizumab-discontinuation-event) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-bevacizumab-excluded-discontinuation-event)
            (option cervix-recurrent-bevacizumab-with-chemotherapy)
            (modality targeted) (agents bevacizumab)
            (reason "An adverse event is recorded for which the source says to discontinue bevacizumab (grade 3-4 gastrointestinal perforation, fistula or severe haemorrhage; hypertensive crisis or encephalopathy; nephrotic syndrome).")
            (cite sa8-perforation-fistula-haemorrhage sa8-blood-pressure sa8-proteinuria))))

;;; ---------------------------------------------------------------- CR-5: cemiplimab

(defrule cervix-recurrent-cemiplimab
  "Cemiplimab when chemotherapy for metastatic disease did not work or the
   cancer came back after it (CR-5)."
  (scope (guideline cervix-recurrent))
  (finding (name chemotherapy-failed-for-advanced-disease) (value yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-cemiplimab)
            (modality immunotherapy)
            (agents cemiplimab)
            (summary "Immunotherapy with cemiplimab, as chemotherapy for advanced disease did not bring a response or the cancer came back after it")
            (cite cr5-cemiplimab))))

;;; ---------------------------------------------------------------- CR-6: pembrolizumab, PD-L1 positive only

(defrule cervix-recurrent-pembrolizumab-with-chemotherapy
  "Pembrolizumab with chemotherapy, only for PD-L1 positive tumours (CR-6)."
  (scope (guideline cervix-recurrent))
  (finding (name pd-l1-positive) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-pembrolizumab-chemotherapy)
            (modality immunotherapy)
            (agents pembrolizumab)
            (summary "Pembrolizumab in combination with chemotherapy (PD-L1 positive tumour)")
            (cite cr6-pembrolizumab cr6-pd-l1-only))))

(defrule cervix-recurrent-pembrolizumab-with-chemotherapy-and-bevacizumab
  "Pembrolizumab with chemotherapy and bevacizumab, only for PD-L1 positive
   tumours (CR-6), unless bevacizumab must be discontinued (SA-8)."
  (scope (guideline cervix-recurrent))
  (finding (name pd-l1-positive) (value yes))
  (finding (name bevacizumab-discontinuation-event) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-pembrolizumab-chemotherapy-bevacizumab)
            (modality immunotherapy)
            (agents pembrolizumab bevacizumab)
            (summary "Pembrolizumab in combination with chemotherapy, sometimes also with bevacizumab (PD-L1 positive tumour)")
            (cite cr6-pembrolizumab cr6-pd-l1-only))))

(defrule cervix-recurrent-pembrolizumab-excluded-pd-l1-negative
  "No pembrolizumab for a PD-L1 negative tumour (CR-6)."
  (scope (guideline cervix-recurrent))
  (finding (name pd-l1-positive) (value no))
  =>
  (assert (exclusion
            (id cervix-recurrent-pembrolizumab-excluded-pd-l1-negative)
            (option cervix-recurrent-pembrolizumab-chemotherapy)
            (modality immunotherapy) (agents pembrolizumab)
            (reason "The tumour is PD-L1 negative; pembrolizumab is only used for cervical cancer tumours that have the PD-L1 checkpoint protein.")
            (cite cr6-pd-l1-only))))

(defrule cervix-recurrent-pembrolizumab-bevacizumab-excluded-pd-l1-negative
  "No pembrolizumab with bevacizumab for a PD-L1 negative tumour (CR-6)."
  (scope (guideline cervix-recurrent))
  (finding (name pd-l1-positive) (value no))
  =>
  (assert (exclusion
            (id cervix-recurrent-pembrolizumab-bevacizumab-excluded-pd-l1-negative)
            (option cervix-recurrent-pembrolizumab-chemotherapy-bevacizumab)
            (modality immunotherapy) (agents pembrolizumab bevacizumab)
            (reason "The tumour is PD-L1 negative; pembrolizumab is only used for cervical cancer tumours that have the PD-L1 checkpoint protein.")
            (cite cr6-pd-l1-only))))

(defrule cervix-recurrent-pembrolizumab-bevacizumab-excluded-discontinuation-event
  "Pembrolizumab with bevacizumab is not offered after a bevacizumab
   discontinuation event (SA-8); pembrolizumab with chemotherapy remains."
  (scope (guideline cervix-recurrent))
  (finding (name pd-l1-positive) (value ~no))
  (finding (name bevacizumab-discontinuation-event) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-pembrolizumab-bevacizumab-excluded-discontinuation-event)
            (option cervix-recurrent-pembrolizumab-chemotherapy-bevacizumab)
            (modality immunotherapy) (agents pembrolizumab bevacizumab)
            (reason "An adverse event is recorded for which the source says to discontinue bevacizumab; pembrolizumab with chemotherapy without bevacizumab is not concerned.")
            (cite sa8-perforation-fistula-haemorrhage sa8-blood-pressure sa8-proteinuria))))

;;; ---------------------------------------------------------------- CR-8: radical hysterectomy

(defrule cervix-recurrent-radical-hysterectomy
  "Radical hysterectomy for a small recurrence in the cervix or uterus after
   earlier radiation (CR-8). \"Small\" is the team's judgement; a recurrence
   with distant disease is not a recurrence in the cervix or uterus only."
  (scope (guideline cervix-recurrent))
  (finding (name recurrence-confined-to-cervix-or-uterus) (value yes))
  (finding (name small-recurrence) (value yes))
  (finding (name prior-pelvic-radiation) (value yes))
  (finding (name distant-disease) (value no))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-radical-hysterectomy)
            (modality surgery)
            (procedure radical-hysterectomy)
            (target pelvis)
            (summary "Radical hysterectomy for a small recurrence in the cervix or uterus after earlier radiation therapy (small as judged by the treating team; the source gives no size)")
            (cite cr8-radical-hysterectomy))))

;;; ---------------------------------------------------------------- CR-9, CR-10: supportive care, clinical trials

(defrule cervix-recurrent-supportive-care-cannot-have-treatment
  "Supportive care when the patient cannot have cancer treatment (CR-9)."
  (scope (guideline cervix-recurrent))
  (finding (name active-treatment-possible) (value no))
  =>
  (assert (recommendation
            (id cervix-recurrent-supportive-care)
            (modality supportive-care)
            (summary "Care to make the patient feel better without treating the cancer itself, as she cannot have or does not want cancer treatment")
            (cite cr9-supportive-care))))

(defrule cervix-recurrent-supportive-care-declines-treatment
  "Supportive care when the patient does not want cancer treatment (CR-9)."
  (scope (guideline cervix-recurrent))
  (finding (name declines-active-treatment) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-supportive-care)
            (modality supportive-care)
            (summary "Care to make the patient feel better without treating the cancer itself, as she cannot have or does not want cancer treatment")
            (cite cr9-supportive-care))))

(defrule cervix-recurrent-clinical-trial
  "Clinical trials open to women with cervical cancer (CR-10)."
  (scope (guideline cervix-recurrent))
  =>
  (assert (recommendation
            (id cervix-recurrent-clinical-trial)
            (modality clinical-trial)
            (summary "Ask about clinical trials open to women with cervical cancer")
            (cite cr10-clinical-trials))))

;;; ---------------------------------------------------------------- SA-2: resection then systemic therapy

(defrule cervix-recurrent-resection-then-systemic-therapy
  "Squamous cell carcinoma: resection followed by systemic therapy for an
   isolated pelvic recurrence in an irradiated field, when it can be
   removed (SA-2)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name pelvic-recurrence-only) (value yes))
  (finding (name distant-disease) (value no))
  (finding (name prior-pelvic-radiation) (value yes))
  (finding (name recurrence-resectable) (value yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-resection-then-systemic-therapy)
            (modality surgery)
            (procedure resection)
            (target pelvis)
            (summary "Resection followed by systemic therapy can be considered for an isolated pelvic recurrence that was previously irradiated")
            (cite sa2-resection))))

;;; ---------------------------------------------------------------- SA-4: first-line systemic therapy
;;; For distant metastases or unresectable disease, squamous cell carcinoma,
;;; not yet progressed on first-line therapy (after that: SA-6).

(defrule cervix-recurrent-cisplatin-paclitaxel-bevacizumab-distant
  "First line for distant metastases: cisplatin/paclitaxel/bevacizumab,
   preferred (SA-4)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name distant-disease) (value yes))
  (finding (name progressed-on-first-line) (value ~yes))
  (finding (name bevacizumab-discontinuation-event) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-cisplatin-paclitaxel-bevacizumab)
            (modality chemotherapy)
            (agents cisplatin paclitaxel bevacizumab)
            (schedule "15 mg/kg bevacizumab every 3 weeks with paclitaxel and cisplatin")
            (preferred TRUE)
            (summary "First-line systemic therapy: cisplatin/paclitaxel/bevacizumab (preferred); adding bevacizumab to chemotherapy improves overall survival")
            (cite sa4-setting sa4-cisplatin-paclitaxel-bevacizumab sa4-bevacizumab-survival))))

(defrule cervix-recurrent-cisplatin-paclitaxel-bevacizumab-unresectable
  "First line for unresectable disease: cisplatin/paclitaxel/bevacizumab,
   preferred (SA-4)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name recurrence-resectable) (value no))
  (finding (name progressed-on-first-line) (value ~yes))
  (finding (name bevacizumab-discontinuation-event) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-cisplatin-paclitaxel-bevacizumab)
            (modality chemotherapy)
            (agents cisplatin paclitaxel bevacizumab)
            (schedule "15 mg/kg bevacizumab every 3 weeks with paclitaxel and cisplatin")
            (preferred TRUE)
            (summary "First-line systemic therapy: cisplatin/paclitaxel/bevacizumab (preferred); adding bevacizumab to chemotherapy improves overall survival")
            (cite sa4-setting sa4-cisplatin-paclitaxel-bevacizumab sa4-bevacizumab-survival))))

(defrule cervix-recurrent-cisplatin-paclitaxel-distant
  "First line for distant metastases: cisplatin/paclitaxel (SA-4)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name distant-disease) (value yes))
  (finding (name progressed-on-first-line) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-cisplatin-paclitaxel)
            (modality chemotherapy)
            (agents cisplatin paclitaxel)
            (summary "First-line systemic therapy: cisplatin/paclitaxel, the standard doublet without bevacizumab")
            (cite sa4-setting sa4-cisplatin-paclitaxel))))

(defrule cervix-recurrent-cisplatin-paclitaxel-unresectable
  "First line for unresectable disease: cisplatin/paclitaxel (SA-4)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name recurrence-resectable) (value no))
  (finding (name progressed-on-first-line) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-cisplatin-paclitaxel)
            (modality chemotherapy)
            (agents cisplatin paclitaxel)
            (summary "First-line systemic therapy: cisplatin/paclitaxel, the standard doublet without bevacizumab")
            (cite sa4-setting sa4-cisplatin-paclitaxel))))

(defrule cervix-recurrent-paclitaxel-topotecan-bevacizumab-distant
  "First line for distant metastases: paclitaxel/topotecan/bevacizumab,
   alternative (SA-4)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name distant-disease) (value yes))
  (finding (name progressed-on-first-line) (value ~yes))
  (finding (name bevacizumab-discontinuation-event) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-paclitaxel-topotecan-bevacizumab)
            (modality chemotherapy)
            (agents paclitaxel topotecan bevacizumab)
            (schedule "15 mg/kg bevacizumab every 3 weeks")
            (summary "First-line systemic therapy, alternative regimen: paclitaxel/topotecan/bevacizumab")
            (cite sa4-setting sa4-paclitaxel-topotecan-bevacizumab))))

(defrule cervix-recurrent-paclitaxel-topotecan-bevacizumab-unresectable
  "First line for unresectable disease: paclitaxel/topotecan/bevacizumab,
   alternative (SA-4)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name recurrence-resectable) (value no))
  (finding (name progressed-on-first-line) (value ~yes))
  (finding (name bevacizumab-discontinuation-event) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-paclitaxel-topotecan-bevacizumab)
            (modality chemotherapy)
            (agents paclitaxel topotecan bevacizumab)
            (schedule "15 mg/kg bevacizumab every 3 weeks")
            (summary "First-line systemic therapy, alternative regimen: paclitaxel/topotecan/bevacizumab")
            (cite sa4-setting sa4-paclitaxel-topotecan-bevacizumab))))

(defrule cervix-recurrent-cisplatin-paclitaxel-bevacizumab-excluded-discontinuation-event
  "Cisplatin/paclitaxel/bevacizumab is not offered after a bevacizumab
   discontinuation event (SA-8); cisplatin/paclitaxel remains."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value ~no))
  (finding (name bevacizumab-discontinuation-event) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-cisplatin-paclitaxel-bevacizumab-excluded-discontinuation-event)
            (option cervix-recurrent-cisplatin-paclitaxel-bevacizumab)
            (modality chemotherapy) (agents cisplatin paclitaxel bevacizumab)
            (reason "An adverse event is recorded for which the source says to discontinue bevacizumab; the doublet cisplatin/paclitaxel without bevacizumab is not concerned.")
            (cite sa8-perforation-fistula-haemorrhage sa8-blood-pressure sa8-proteinuria))))

(defrule cervix-recurrent-paclitaxel-topotecan-bevacizumab-excluded-discontinuation-event
  "Paclitaxel/topotecan/bevacizumab is not offered after a bevacizumab
   discontinuation event (SA-8)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value ~no))
  (finding (name bevacizumab-discontinuation-event) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-paclitaxel-topotecan-bevacizumab-excluded-discontinuation-event)
            (option cervix-recurrent-paclitaxel-topotecan-bevacizumab)
            (modality chemotherapy) (agents paclitaxel topotecan bevacizumab)
            (reason "An adverse event is recorded for which the source says to discontinue bevacizumab.")
            (cite sa8-perforation-fistula-haemorrhage sa8-blood-pressure sa8-proteinuria))))

;;; ---------------------------------------------------------------- SA-6: after progression on first line

(defrule cervix-recurrent-second-line-paclitaxel
  "Second line after progression on first-line therapy: no standard;
   paclitaxel may be considered (SA-6)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name progressed-on-first-line) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-second-line-paclitaxel)
            (modality chemotherapy)
            (agents paclitaxel)
            (summary "Second line (no standard regimen exists): paclitaxel may be considered")
            (cite sa6-no-standard sa6-options))))

(defrule cervix-recurrent-second-line-topotecan
  "Second line after progression on first-line therapy: no standard;
   topotecan may be considered (SA-6)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name progressed-on-first-line) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-second-line-topotecan)
            (modality chemotherapy)
            (agents topotecan)
            (summary "Second line (no standard regimen exists): topotecan may be considered")
            (cite sa6-no-standard sa6-options))))

(defrule cervix-recurrent-second-line-platinum-combination
  "Second line after progression on first-line therapy: no standard; other
   platinum-based combinations may be considered (SA-6). The source names
   no drugs, so none are listed."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name progressed-on-first-line) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-second-line-platinum-combination)
            (modality chemotherapy)
            (summary "Second line (no standard regimen exists): other platinum-based combinations may be considered (the source names no drugs)")
            (cite sa6-no-standard sa6-options))))

(defrule cervix-recurrent-clinical-trial-after-first-line
  "Clinical trial enrolment strongly considered after progression on
   first-line therapy (SA-6)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name progressed-on-first-line) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-clinical-trial-after-first-line)
            (modality clinical-trial)
            (summary "Clinical trial enrolment should be strongly considered: the cancer progressed on first-line therapy")
            (cite sa6-clinical-trial))))

;;; ---------------------------------------------------------------- SA-9: palliative care alongside systemic therapy
;;; The source also names "poor performance status"; it gives no ECOG
;;; cut-off and the case has no field for the team's judgement of it, so
;;; that trigger is not encoded: the summary names it for the team.

(defrule cervix-recurrent-palliative-care-multiple-pelvic-nodes
  "Multiple pelvic nodes: discuss palliative / best supportive care
   alongside systemic therapy (SA-9)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name multiple-pelvic-nodes) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-palliative-care-alongside-systemic-therapy)
            (modality supportive-care)
            (intent palliative)
            (summary "Discuss palliative / best supportive care alongside systemic therapy options (multiple pelvic nodes, distant metastases or poor performance status; the source gives no performance-status cut-off)")
            (cite sa9-palliative-care))))

(defrule cervix-recurrent-palliative-care-distant-metastases
  "Distant metastases: discuss palliative / best supportive care alongside
   systemic therapy (SA-9)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name distant-disease) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-palliative-care-alongside-systemic-therapy)
            (modality supportive-care)
            (intent palliative)
            (summary "Discuss palliative / best supportive care alongside systemic therapy options (multiple pelvic nodes, distant metastases or poor performance status; the source gives no performance-status cut-off)")
            (cite sa9-palliative-care))))

;;; ---------------------------------------------------------------- SA-10: EBRT for painful metastases

(defrule cervix-recurrent-ebrt-painful-metastases
  "Selective external beam radiation for painful metastases (SA-10); not
   pelvic re-irradiation, so prior pelvic radiation does not block it."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name painful-metastases) (value yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-ebrt-painful-metastases)
            (modality radiation)
            (procedure external-beam-radiation)
            (target metastases)
            (intent palliative)
            (summary "Selective external beam radiation therapy for symptom relief of painful metastases, even when cure is not possible")
            (cite sa10-ebrt))))

;;; ---------------------------------------------------------------- SA-5, SA-11: notes

(defrule cervix-recurrent-note-isolated-chest-metastases
  "Isolated chest metastases respond better to cisplatin than pelvic
   recurrences (SA-5)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name isolated-chest-metastases) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-isolated-chest-metastases)
            (text "Isolated chest metastases (here: lung-only metastases) respond better to cisplatin than pelvic recurrences: 73% overall response (53% complete) versus 21% (0% complete).")
            (cite sa5-chest))))

(defrule cervix-recurrent-note-bulky-irradiated-pelvic-tumour
  "Bulky pelvic tumour in an irradiated area is largely refractory to
   systemic chemotherapy (SA-5)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name bulky-pelvic-tumour-in-irradiated-field) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-bulky-irradiated-pelvic-tumour)
            (text "Bulky pelvic tumour in a previously irradiated area remains largely refractory to systemic chemotherapy.")
            (cite sa5-bulky-irradiated))))

(defrule cervix-recurrent-note-multiple-sites
  "Disease in several locations lowers the likelihood of response at any
   one site (SA-5)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name disease-at-multiple-sites) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-multiple-sites)
            (text "Disease in several locations reduces the likelihood of response at any individual site.")
            (cite sa5-multiple-locations))))

(defrule cervix-recurrent-note-recurrence-timing
  "Most recurrences occur within 2 years of initial treatment (SA-11)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-recurrence-timing)
            (text "Most recurrences (70-80%) occur within the first 2 years after initial treatment.")
            (cite sa11-timing))))

(defrule cervix-recurrent-note-site-and-response
  "The site of recurrence affects response, not necessarily survival; size,
   stage, age and time to recurrence do not predict response (SA-11)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-site-and-response)
            (text "The location of recurrence (extrapelvic versus pelvic) affects response rates but not necessarily overall survival; lesion size, clinical stage, age and time from primary treatment to recurrence do not significantly predict response or survival.")
            (cite sa11-location sa11-factors))))
