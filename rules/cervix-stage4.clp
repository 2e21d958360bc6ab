;;; cervix-stage4.clp: stage 4 cervical cancer at diagnosis.
;;;
;;; Source: 000_49ffac177dcf7645.txt, "Treatments for stage 4 cervical
;;; cancer" (Canadian Cancer Society), labels C4-1..C4-10. One statement of
;;; the recurrent-cancer page, 001_78575e265add836c.txt ("Pembrolizumab is
;;; only used for cervical cancer tumours that have the PD-L1 checkpoint
;;; protein", CR-6), is about cervical cancer tumours in general and is
;;; applied here too: 000 offers pembrolizumab without naming PD-L1, and
;;; offering it for a PD-L1 negative tumour would contradict 001. The
;;; pelvic re-irradiation restriction of 003 (SA-7) is applied to the pelvis
;;; here as in every cervical branch (gates.clp).
;;;
;;; Scope: a cervical cancer of stage IV, IVA or IVB that is not recorded as
;;; recurrent (`recurrent` false or not recorded; a recurrence goes to
;;; cervix-recurrent). When `recurrent` is not recorded the output asks for
;;; it. Stage IVB is metastatic; stage IV without A or B is 4B when distant
;;; disease is recorded and 4A when the case records none; otherwise the
;;; output asks for the stage or the metastases. Ductal or lobular carcinoma
;;; (breast histologies) is not covered; a histology recorded as other
;;; keeps the options with a status note (docs/clinical-readings.md, H1).
;;; A patient recorded as male is not covered (S1).
;;;
;;; This file says what the source offers for the disease; what holds for
;;; the patient (wishes, fitness for treatment and chemotherapy, performance
;;; status, treatment history, prior pelvic radiation, drug safety) is
;;; applied once, by rules/gates.clp and rules/drug-safety.clp, to what the
;;; options declare. Every reading is in docs/clinical-readings.md.

(deffacts cervix-stage4-guideline
  (guideline (id cervix-stage4)
             (title "Stage 4 cervical cancer")
             (source "000_49ffac177dcf7645.txt")
             (covers "cervical cancer in a woman (or sex not recorded), of stage IV, IVA or IVB at diagnosis, that has not come back after treatment (not ductal or lobular carcinoma, histologies of the breast)")))

(deffacts cervix-stage4-cards
  (card-def (id cervix-stage4-supportive-care) (guideline cervix-stage4)
            (kind supportive-care) (title "Supportive care"))
  (card-def (id cervix-stage4-local) (guideline cervix-stage4)
            (kind curative-local) (title "Stage 4A: chemoradiation, or radiation alone"))
  (card-def (id cervix-stage4-systemic) (guideline cervix-stage4)
            (kind systemic) (title "Stage 4B: chemotherapy, with bevacizumab or pembrolizumab as add-ons"))
  (card-def (id cervix-stage4-later-line) (guideline cervix-stage4)
            (kind later-line) (title "After chemotherapy for metastatic disease"))
  (card-def (id cervix-stage4-symptom-control) (guideline cervix-stage4)
            (kind symptom-control) (title "Palliative radiation for symptoms"))
  (card-def (id cervix-stage4-clinical-trial) (guideline cervix-stage4)
            (kind clinical-trial) (title "Clinical trials")))

;;; ---------------------------------------------------------------- citations

(deffacts cervix-stage4-citations
  (citation (id c41-options-for-stage-4)
            (source "000_49ffac177dcf7645.txt") (label C4-1)
            (quote "The following are treatment options for stage 4 cervical cancer."))
  (citation (id c41-chemoradiation)
            (source "000_49ffac177dcf7645.txt") (label C4-1)
            (quote "Chemoradiation is a main treatment for stage 4A cervical cancer. Chemotherapy is given during the same time period as radiation therapy to make the radiation therapy more effective."))
  (citation (id c41-drugs)
            (source "000_49ffac177dcf7645.txt") (label C4-1)
            (quote "Cisplatin or cisplatin plus 5-fluorouracil (Adrucil, 5-FU) is the chemotherapy that is used."))
  (citation (id c41-cisplatin-weekly)
            (source "000_49ffac177dcf7645.txt") (label C4-1)
            (quote "If cisplatin is used, it is usually given one time each week during the radiation therapy schedule."))
  (citation (id c41-cisplatin-fluorouracil)
            (source "000_49ffac177dcf7645.txt") (label C4-1)
            (quote "If cisplatin plus 5-FU is used, it is usually given every 4 weeks during radiation therapy."))
  (citation (id c42-brachytherapy)
            (source "000_49ffac177dcf7645.txt") (label C4-2)
            (quote "Brachytherapy (a type of internal radiation therapy) is usually given during and after external radiation therapy."))
  (citation (id c43-radiation-alone)
            (source "000_49ffac177dcf7645.txt") (label C4-3)
            (quote "For stage 4A cervical cancer, radiation therapy is often given with chemotherapy, but in some cases it may be used alone as the main treatment."))
  (citation (id c44-palliative-radiation)
            (source "000_49ffac177dcf7645.txt") (label C4-4)
            (quote "For stage 4B cervical cancer, radiation therapy may be used to relieve pain, stop bleeding or control other symptoms of advanced cervical cancer (called palliative therapy)."))
  (citation (id c45-palliative-chemotherapy)
            (source "000_49ffac177dcf7645.txt") (label C4-5)
            (quote "Chemotherapy may be offered for stage 4B cervical cancer to relieve pain or control the symptoms of advanced cervical cancer (called palliative chemotherapy)."))
  (citation (id c45-drugs)
            (source "000_49ffac177dcf7645.txt") (label C4-5)
            (quote "Chemotherapy drugs used to treat stage 4B cervical cancer are used alone or in combination and include: • cisplatin • carboplatin (Paraplatin, Paraplatin AQ) • paclitaxel (Taxol) • topotecan (Hycamtin) • gemcitabine (Gemzar) • 5-fluorouracil (Adrucil, 5-FU) • ifosfamide (Ifex) • docetaxel (Taxotere) • irinotecan (Camptosar) • mitomycin (Mutamycin) • vinorelbine (Navelbine) • epirubicin (Pharmorubicin) • doxorubicin (Adriamycin)"))
  (citation (id c45-combinations)
            (source "000_49ffac177dcf7645.txt") (label C4-5)
            (quote "The most common chemotherapy drug combinations used to treat cervical cancer are: • cisplatin and ifosfamide • cisplatin and paclitaxel • cisplatin and gemcitabine • cisplatin and topotecan • paclitaxel and topotecan"))
  (citation (id c46-bevacizumab)
            (source "000_49ffac177dcf7645.txt") (label C4-6)
            (quote "You may be offered targeted therapy for stage 4B cervical cancer. The most common targeted therapy drug used to treat cervical cancer is bevacizumab (Avastin). It is usually given in combination with chemotherapy."))
  (citation (id c47-cemiplimab)
            (source "000_49ffac177dcf7645.txt") (label C4-7)
            (quote "If chemotherapy was used to treat metastatic cervical cancer but it didn't respond or the cancer comes back, then you may be offered cemiplimab (Libtayo)."))
  (citation (id c48-pembrolizumab)
            (source "000_49ffac177dcf7645.txt") (label C4-8)
            (quote "Pembrolizumab (Keytruda) may also be offered for metastatic cervical cancer in combination with chemotherapy. It is sometimes given with the targeted therapy drug bevacizumab (Avastin)."))
  (citation (id c49-supportive-care)
            (source "000_49ffac177dcf7645.txt") (label C4-9)
            (quote "If you can’t have or don’t want cancer treatment You may want to consider a type of care to make you feel better without treating the cancer itself."))
  (citation (id c49-reasons)
            (source "000_49ffac177dcf7645.txt") (label C4-9)
            (quote "This may be because the cancer treatments don’t work anymore, they’re not likely to improve your condition or they may cause side effects that are hard to cope with."))
  (citation (id c49-talk)
            (source "000_49ffac177dcf7645.txt") (label C4-9)
            (quote "Talk to your healthcare team. They can help you choose care and treatment for advanced cancer."))
  (citation (id c410-clinical-trials)
            (source "000_49ffac177dcf7645.txt") (label C4-10)
            (quote "Talk to your doctor about clinical trials open to women with cervical cancer in Canada.")))

;;; ---------------------------------------------------------------- findings

(deffacts cervix-stage4-findings
  (finding-def (name stage-4a)
               (text "stage 4A (IVA, or IV with no distant disease)")
               (fields "/cancer/stage"))
  (finding-def (name stage-4b)
               (text "stage 4B, metastatic (IVB, or IV with distant disease)")
               (fields "/cancer/stage"))
  (finding-def (name recurrence-status-recorded)
               (text "whether the cancer has come back after treatment is recorded, or follows from a record of no prior treatment")
               (fields "/cancer/recurrent" "/prior_treatments")))

(defrule finding-stage-4a-yes-recorded
  "Stage IVA."
  (cancer (stage IVA))
  =>
  (assert (finding (name stage-4a) (value yes))))

(defrule finding-stage-4a-yes-no-distant-disease
  "Stage IV with no distant disease: the spread is local, stage 4A."
  (cancer (stage IV))
  (finding (name distant-disease) (value no))
  =>
  (assert (finding (name stage-4a) (value yes))))

(defrule finding-stage-4a-no-recorded
  "A stage other than IVA, and not plain IV."
  (cancer (stage ~IVA&~IV))
  =>
  (assert (finding (name stage-4a) (value no))))

(defrule finding-stage-4a-no-distant-disease
  "Stage IV with distant disease: stage 4B."
  (cancer (stage IV))
  (finding (name distant-disease) (value yes))
  =>
  (assert (finding (name stage-4a) (value no))))

(defrule finding-stage-4a-unknown
  "Stage IV without A or B and distant disease not recorded, or no stage."
  (or (and (cancer (stage IV))
           (finding (name distant-disease) (value unknown)))
      (cancer (stage)))
  =>
  (assert (finding (name stage-4a) (value unknown))))

(defrule finding-stage-4b-yes-recorded
  "Stage IVB: metastatic."
  (cancer (stage IVB))
  =>
  (assert (finding (name stage-4b) (value yes))))

(defrule finding-stage-4b-yes-distant-disease
  "Stage IV with recorded distant disease: stage 4B."
  (cancer (stage IV))
  (finding (name distant-disease) (value yes))
  =>
  (assert (finding (name stage-4b) (value yes))))

(defrule finding-stage-4b-no-recorded
  "A stage other than IVB, and not plain IV."
  (cancer (stage ~IVB&~IV))
  =>
  (assert (finding (name stage-4b) (value no))))

(defrule finding-stage-4b-no-distant-disease
  "Stage IV with no distant disease: stage 4A."
  (cancer (stage IV))
  (finding (name distant-disease) (value no))
  =>
  (assert (finding (name stage-4b) (value no))))

(defrule finding-stage-4b-unknown
  "Stage IV without A or B and distant disease not recorded, or no stage."
  (or (and (cancer (stage IV))
           (finding (name distant-disease) (value unknown)))
      (cancer (stage)))
  =>
  (assert (finding (name stage-4b) (value unknown))))

(defrule finding-recurrence-status-recorded-yes
  "The case says whether the cancer has come back."
  (cancer (recurrent TRUE|FALSE))
  =>
  (assert (finding (name recurrence-status-recorded) (value yes))))

(defrule finding-recurrence-status-recorded-yes-never-treated
  "The case does not say whether the cancer has come back, and records
   that it was never treated (prior_treatments []): a cancer never treated
   has not \"come back after it has been treated\" (001), so the case
   decides it (docs/clinical-readings.md, S1)."
  (cancer (recurrent))
  (list-recorded (field "/prior_treatments") (count 0))
  =>
  (assert (finding (name recurrence-status-recorded) (value yes))))

(defrule finding-recurrence-status-recorded-unknown
  "The case does not say whether the cancer has come back, nor that it
   was never treated."
  (cancer (recurrent))
  (not (list-recorded (field "/prior_treatments") (count 0)))
  =>
  (assert (finding (name recurrence-status-recorded) (value unknown))))

;;; ---------------------------------------------------------------- scope

(defrule scope-cervix-stage4
  "Cervical cancer of stage IV, IVA or IVB, not recorded as recurrent, and
   not of a breast histology (ductal or lobular carcinoma; reading H1), in
   a woman or sex not recorded (reading S1)."
  (cancer (site cervix) (stage IV|IVA|IVB)
          (histology $?h&:(not (member$ ductal-carcinoma ?h))&:(not (member$ lobular-carcinoma ?h))))
  (not (patient (sex male)))
  (not (cancer (recurrent TRUE)))
  =>
  (assert (scope (guideline cervix-stage4))))

(defrule cervix-stage4-stage-missing
  "Cervical cancer not recorded as recurrent, with no stage recorded: the
   stage decides whether the stage 4 guidance applies, so the case is not
   covered until it is recorded, and it is asked for
   (docs/clinical-readings.md, S1). A breast histology is not covered at
   any stage: nothing is asked (H1)."
  (cancer (site cervix) (stage)
          (histology $?h&:(not (member$ ductal-carcinoma ?h))&:(not (member$ lobular-carcinoma ?h))))
  (not (patient (sex male)))
  (not (cancer (recurrent TRUE)))
  =>
  (assert (missing
            (field "/cancer/stage")
            (needed-for "deciding whether the stage 4 cervical cancer guidance applies (stage IV, IVA or IVB at diagnosis, not recurrent): not covered until the stage is recorded")
            (decides-scope TRUE))))

(defrule cervix-stage4-recurrence-status-missing
  "A stage 4 case that does not say whether the cancer has come back: the
   stage 4 guidance assumes it has not; the team confirms."
  (scope (guideline cervix-stage4))
  (finding (name recurrence-status-recorded) (value unknown))
  =>
  (assert (missing
            (field "/cancer/recurrent")
            (needed-for "choosing between the stage 4 guidance (cancer not treated before) and the recurrent cervical cancer guidance"))))

;;; ---------------------------------------------------------------- stage 4A: C4-1, C4-2, C4-3
;;; One radiation course to the pelvis: external radiation with
;;; brachytherapy usually during and after it (C4-2), given with
;;; chemotherapy (C4-1) or, in some cases, alone as the main treatment
;;; (C4-3: the source gives no trigger; the option is listed for every
;;; stage 4A case and the summary says "in some cases").

(defrule cervix-stage4-chemoradiation-cisplatin-weekly
  "Stage 4A: chemoradiation with cisplatin, usually once a week during
   radiation (C4-1, C4-2)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4a) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemoradiation-cisplatin-weekly)
            (modality chemoradiation)
            (agents cisplatin)
            (target pelvis)
            (schedule "usually given one time each week during the radiation therapy schedule")
            (summary "Chemoradiation, a main treatment for stage 4A: cisplatin given during radiation therapy to the pelvis (external radiation, with brachytherapy usually during and after it)")
            (card cervix-stage4-local)
            (cite c41-chemoradiation c41-drugs c41-cisplatin-weekly c42-brachytherapy))))

(defrule cervix-stage4-chemoradiation-cisplatin-fluorouracil
  "Stage 4A: chemoradiation with cisplatin plus 5-FU, usually every 4
   weeks during radiation (C4-1, C4-2)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4a) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemoradiation-cisplatin-fluorouracil)
            (modality chemoradiation)
            (agents cisplatin fluorouracil)
            (target pelvis)
            (schedule "usually given every 4 weeks during radiation therapy")
            (summary "Chemoradiation, a main treatment for stage 4A: cisplatin plus 5-fluorouracil given during radiation therapy to the pelvis (external radiation, with brachytherapy usually during and after it)")
            (card cervix-stage4-local)
            (cite c41-chemoradiation c41-drugs c41-cisplatin-fluorouracil c42-brachytherapy))))

(defrule cervix-stage4-radiation-alone
  "Stage 4A: radiation alone as the main treatment, in some cases (C4-3)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4a) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-radiation-alone)
            (modality radiation)
            (target pelvis)
            (summary "Radiation therapy to the pelvis alone (external radiation, brachytherapy or both) as the main treatment, in some cases (radiation is often given with chemotherapy)")
            (card cervix-stage4-local)
            (cite c43-radiation-alone c42-brachytherapy))))

;;; ---------------------------------------------------------------- stage 4B: C4-4
;;; Palliative radiation is tied to a recorded symptom and aimed at the
;;; pelvis or at metastases (rules/findings.clp, symptoms).

(defrule cervix-stage4-palliative-radiation-pelvis
  "Stage 4B: radiation to the pelvis to relieve pain, stop bleeding or
   control other symptoms (C4-4)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name pelvic-symptom) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-palliative-radiation-pelvis)
            (modality radiation)
            (procedure palliative-pelvic-radiation)
            (target pelvis)
            (intent palliative)
            (summary "Palliative radiation therapy to the pelvis to relieve pain, stop bleeding or control other symptoms")
            (card cervix-stage4-symptom-control)
            (cite c44-palliative-radiation))))

(defrule cervix-stage4-palliative-radiation-metastases
  "Stage 4B: radiation of metastases to relieve pain or control other
   symptoms (C4-4)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name metastatic-symptom) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-palliative-radiation-metastases)
            (modality radiation)
            (procedure external-beam-radiation)
            (target metastases)
            (intent palliative)
            (summary "Palliative external beam radiation therapy of metastases to relieve pain or control other symptoms")
            (card cervix-stage4-symptom-control)
            (cite c44-palliative-radiation))))

;;; ---------------------------------------------------------------- stage 4B: C4-5, C4-6, C4-8 (one systemic decision)
;;; The 13 drugs "used alone or in combination" are a menu (choices), never
;;; a regimen; each of the 5 common combinations is a regimen (agents).
;;; They are the chemotherapy backbone; bevacizumab ("usually given in
;;; combination with chemotherapy") and pembrolizumab ("in combination with
;;; chemotherapy", "sometimes given with ... bevacizumab", PD-L1 positive
;;; only) are add-ons to it, declared `with-chemotherapy`.

(defrule cervix-stage4-palliative-chemotherapy
  "Stage 4B: palliative chemotherapy with the drugs the source lists, alone
   or in combination (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-palliative-chemotherapy)
            (modality chemotherapy)
            (choices cisplatin carboplatin paclitaxel topotecan gemcitabine fluorouracil
                     ifosfamide docetaxel irinotecan mitomycin vinorelbine epirubicin doxorubicin)
            (intent palliative)
            (summary "Palliative chemotherapy to relieve pain or control symptoms, with one or more of these drugs, alone or in combination: cisplatin, carboplatin, paclitaxel, topotecan, gemcitabine, 5-fluorouracil, ifosfamide, docetaxel, irinotecan, mitomycin, vinorelbine, epirubicin, doxorubicin")
            (card cervix-stage4-systemic) (role backbone)
            (cite c45-palliative-chemotherapy c45-drugs))))

(defrule cervix-stage4-chemotherapy-cisplatin-ifosfamide
  "Stage 4B, a common combination: cisplatin and ifosfamide (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemotherapy-cisplatin-ifosfamide)
            (modality chemotherapy) (agents cisplatin ifosfamide) (intent palliative)
            (summary "Palliative chemotherapy, common combination: cisplatin and ifosfamide")
            (card cervix-stage4-systemic) (role backbone)
            (cite c45-palliative-chemotherapy c45-combinations))))

(defrule cervix-stage4-chemotherapy-cisplatin-paclitaxel
  "Stage 4B, a common combination: cisplatin and paclitaxel (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemotherapy-cisplatin-paclitaxel)
            (modality chemotherapy) (agents cisplatin paclitaxel) (intent palliative)
            (summary "Palliative chemotherapy, common combination: cisplatin and paclitaxel")
            (card cervix-stage4-systemic) (role backbone)
            (cite c45-palliative-chemotherapy c45-combinations))))

(defrule cervix-stage4-chemotherapy-cisplatin-gemcitabine
  "Stage 4B, a common combination: cisplatin and gemcitabine (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemotherapy-cisplatin-gemcitabine)
            (modality chemotherapy) (agents cisplatin gemcitabine) (intent palliative)
            (summary "Palliative chemotherapy, common combination: cisplatin and gemcitabine")
            (card cervix-stage4-systemic) (role backbone)
            (cite c45-palliative-chemotherapy c45-combinations))))

(defrule cervix-stage4-chemotherapy-cisplatin-topotecan
  "Stage 4B, a common combination: cisplatin and topotecan (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemotherapy-cisplatin-topotecan)
            (modality chemotherapy) (agents cisplatin topotecan) (intent palliative)
            (summary "Palliative chemotherapy, common combination: cisplatin and topotecan")
            (card cervix-stage4-systemic) (role backbone)
            (cite c45-palliative-chemotherapy c45-combinations))))

(defrule cervix-stage4-chemotherapy-paclitaxel-topotecan
  "Stage 4B, a common combination: paclitaxel and topotecan (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemotherapy-paclitaxel-topotecan)
            (modality chemotherapy) (agents paclitaxel topotecan) (intent palliative)
            (summary "Palliative chemotherapy, common combination: paclitaxel and topotecan")
            (card cervix-stage4-systemic) (role backbone)
            (cite c45-palliative-chemotherapy c45-combinations))))

(defrule cervix-stage4-bevacizumab-with-chemotherapy
  "Stage 4B: bevacizumab, usually with chemotherapy (C4-6): an add-on to
   the chemotherapy backbone."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-bevacizumab-with-chemotherapy)
            (modality targeted)
            (agents bevacizumab)
            (with-chemotherapy TRUE)
            (summary "Targeted therapy with bevacizumab, usually given in combination with chemotherapy")
            (card cervix-stage4-systemic) (role add-on)
            (cite c46-bevacizumab))))

(defrule cervix-stage4-pembrolizumab-with-chemotherapy
  "Metastatic (stage 4B): pembrolizumab with chemotherapy, sometimes also
   with bevacizumab (C4-8), PD-L1 positive tumours only (CR-6): an add-on to
   the chemotherapy backbone."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name pd-l1-positive) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-pembrolizumab-chemotherapy)
            (modality immunotherapy)
            (agents pembrolizumab)
            (with-chemotherapy TRUE)
            (summary "Pembrolizumab in combination with chemotherapy, sometimes also with bevacizumab (PD-L1 positive tumour)")
            (card cervix-stage4-systemic) (role add-on)
            (cite c48-pembrolizumab cr6-pd-l1-only))))

(defrule cervix-stage4-pembrolizumab-excluded-pd-l1-negative
  "No pembrolizumab for a PD-L1 negative tumour (CR-6)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value ~no))
  (finding (name pd-l1-positive) (value no))
  =>
  (assert (exclusion
            (id cervix-stage4-pembrolizumab-excluded-pd-l1-negative)
            (option cervix-stage4-pembrolizumab-chemotherapy)
            (modality immunotherapy) (agents pembrolizumab)
            (reason "The tumour is PD-L1 negative; pembrolizumab is only used for cervical cancer tumours that have the PD-L1 checkpoint protein.")
            (cite cr6-pd-l1-only))))

;;; ---------------------------------------------------------------- metastatic: C4-7

(defrule cervix-stage4-cemiplimab
  "Metastatic (stage 4B): cemiplimab when chemotherapy for metastatic
   disease did not work or the cancer came back after it (C4-7)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name chemotherapy-failed-for-advanced-disease) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-cemiplimab)
            (modality immunotherapy)
            (agents cemiplimab)
            (summary "Immunotherapy with cemiplimab, as chemotherapy for metastatic disease did not work or the cancer came back after it")
            (card cervix-stage4-later-line)
            (cite c47-cemiplimab))))

;;; ---------------------------------------------------------------- stage 4A after pelvic radiation (G3)

(defrule cervix-stage4-note-4a-no-option-after-pelvic-radiation
  "Stage 4A after earlier pelvic radiation, treatment wanted and possible:
   the gate of earlier pelvic radiation (SA-7, read for stage 4 in G3)
   rules out every cancer-directed option the source gives for stage 4A
   (chemoradiation and radiation alone, both to the pelvis); the source
   gives no other, so the case is beyond what the rule base covers: say
   so plainly (clinician review 8, finding 6; reading G3)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4a) (value yes))
  (finding (name prior-pelvic-radiation) (value yes))
  (finding (name cancer-treatment-ruled-out) (value no))
  =>
  (assert (note (id cervix-stage4-note-4a-no-option-after-pelvic-radiation)
                (card status)
                (text "After earlier pelvic radiation, every cancer-directed option the stage 4 source gives for stage 4A (chemoradiation and radiation alone, both to the pelvis) is ruled out. The source gives no other cancer-directed option for stage 4A besides clinical trials: treatment for this patient is beyond what the rule base covers, and the treating team decides, looking beyond these sources.")
                (cite c41-chemoradiation c43-radiation-alone sa7-contraindication))))

;;; ---------------------------------------------------------------- histology (H1)

(defrule cervix-stage4-note-histology-other
  "A histology recorded as other: the source names no histology and does
   not say whether its options apply (reading H1)."
  (scope (guideline cervix-stage4))
  (finding (name histology-other) (value yes))
  =>
  (assert (note (id cervix-stage4-note-histology-other)
                (card status)
                (text "The histology is recorded as other (not squamous cell carcinoma, adenocarcinoma or adenosquamous carcinoma). The stage 4 cervical cancer source names no histology and does not say whether its options apply to this one. The options below are those of the source: the treating team decides whether they apply.")
                (cite c41-options-for-stage-4))))

;;; ---------------------------------------------------------------- C4-9, C4-10

(defrule cervix-stage4-supportive-care
  "Supportive care stands beside treatment for every covered case (C4-9):
   care to feel better without treating the cancer itself. It comes first
   when the patient cannot have or does not want cancer treatment, when
   treatment stopped working or its side effects are hard to cope with,
   or at poor performance status (gates.clp)."
  (scope (guideline cervix-stage4))
  =>
  (assert (recommendation
            (id cervix-stage4-supportive-care)
            (modality supportive-care)
            (intent palliative)
            (cancer-directed FALSE)
            (summary "Supportive (palliative) care to make the patient feel better without treating the cancer itself, beside or instead of cancer treatment (when treatments don't work any more, are not likely to help, have side effects that are hard to cope with, or are not wanted or possible); the healthcare team helps choose care and treatment")
            (card cervix-stage4-supportive-care)
            (cite c49-supportive-care c49-reasons c49-talk))))

(defrule cervix-stage4-clinical-trial
  "Clinical trials open to women with cervical cancer (C4-10); trials
   treat the cancer, so a patient who does not want or cannot have cancer
   treatment is not offered one (gates.clp)."
  (scope (guideline cervix-stage4))
  =>
  (assert (recommendation
            (id cervix-stage4-clinical-trial)
            (modality clinical-trial)
            (summary "Ask about clinical trials open to women with cervical cancer")
            (card cervix-stage4-clinical-trial)
            (cite c410-clinical-trials))))
