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
            (quote "Reirradiation may occasionally be considered with advanced techniques in highly selected cases, but this remains investigational")))

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
               (fields "/imaging")))

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
