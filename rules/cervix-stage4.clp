;;; cervix-stage4.clp: stage 4 cervical cancer at diagnosis.
;;;
;;; Source: 000_49ffac177dcf7645.txt, "Treatments for stage 4 cervical
;;; cancer" (Canadian Cancer Society), labels C4-1..C4-10. One statement of
;;; the recurrent-cancer page, 001_78575e265add836c.txt ("Pembrolizumab is
;;; only used for cervical cancer tumours that have the PD-L1 checkpoint
;;; protein", CR-6), is about cervical cancer tumours in general and is
;;; applied here too: 000 offers pembrolizumab without naming PD-L1, and
;;; offering it for a PD-L1 negative tumour would contradict 001.
;;;
;;; Scope: a cervical cancer of stage IV, IVA or IVB that is not recorded as
;;; recurrent (`recurrent` false or not recorded; a recurrence goes to
;;; cervix-recurrent). When `recurrent` is not recorded the output asks for
;;; it. Stage IV without A or B is covered: the options common to stage 4
;;; are given, and those specific to 4A or 4B are blocked by the unknown
;;; findings stage-4a / stage-4b, so the output asks for /cancer/stage.
;;;
;;; Choices, where the source is vague:
;;;   - "in some cases it may be used alone" (radiation alone for 4A, C4-3):
;;;     given when the team records that chemotherapy is not suitable or the
;;;     patient declines chemotherapy; when suitability is not recorded the
;;;     output asks for it. No other case is invented.
;;;   - "metastatic" (C4-7, C4-8): distant disease recorded (a metastasis, a
;;;     distant site, or imaging showing distant disease).
;;;   - Palliative chemotherapy (C4-5): one option lists the source's 13
;;;     drugs "used alone or in combination"; each of the 5 common
;;;     combinations is an option of its own, with exactly its two drugs.
;;;   - Active-treatment options require that the patient can have and has
;;;     not declined cancer treatment (not recorded does not block);
;;;     chemotherapy options also that chemotherapy is suitable and not
;;;     declined.

(deffacts cervix-stage4-guideline
  (guideline (id cervix-stage4)
             (title "Stage 4 cervical cancer")
             (source "000_49ffac177dcf7645.txt")
             (covers "cervical cancer of stage IV, IVA or IVB at diagnosis that has not come back after treatment")))

;;; ---------------------------------------------------------------- citations

(deffacts cervix-stage4-citations
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
  (citation (id c410-clinical-trials)
            (source "000_49ffac177dcf7645.txt") (label C4-10)
            (quote "Talk to your doctor about clinical trials open to women with cervical cancer in Canada.")))

;;; ---------------------------------------------------------------- findings

(deffacts cervix-stage4-findings
  (finding-def (name stage-4a)
               (text "stage 4A")
               (fields "/cancer/stage"))
  (finding-def (name stage-4b)
               (text "stage 4B")
               (fields "/cancer/stage"))
  (finding-def (name recurrence-status-recorded)
               (text "whether the cancer has come back after treatment is recorded")
               (fields "/cancer/recurrent")))

(defrule finding-stage-4a-yes
  "Stage IVA."
  (cancer (stage IVA))
  =>
  (assert (finding (name stage-4a) (value yes))))

(defrule finding-stage-4a-no
  "A stage other than IVA, and not plain IV."
  (cancer (stage ~IVA&~IV))
  =>
  (assert (finding (name stage-4a) (value no))))

(defrule finding-stage-4a-unknown
  "Stage IV without A or B, or no stage."
  (or (cancer (stage IV))
      (cancer (stage)))
  =>
  (assert (finding (name stage-4a) (value unknown))))

(defrule finding-stage-4b-yes
  "Stage IVB."
  (cancer (stage IVB))
  =>
  (assert (finding (name stage-4b) (value yes))))

(defrule finding-stage-4b-no
  "A stage other than IVB, and not plain IV."
  (cancer (stage ~IVB&~IV))
  =>
  (assert (finding (name stage-4b) (value no))))

(defrule finding-stage-4b-unknown
  "Stage IV without A or B, or no stage."
  (or (cancer (stage IV))
      (cancer (stage)))
  =>
  (assert (finding (name stage-4b) (value unknown))))

(defrule finding-recurrence-status-recorded-yes
  "The case says whether the cancer has come back."
  (cancer (recurrent TRUE|FALSE))
  =>
  (assert (finding (name recurrence-status-recorded) (value yes))))

(defrule finding-recurrence-status-recorded-unknown
  "The case does not say whether the cancer has come back."
  (cancer (recurrent))
  =>
  (assert (finding (name recurrence-status-recorded) (value unknown))))

;;; ---------------------------------------------------------------- scope

(defrule scope-cervix-stage4
  "Cervical cancer of stage IV, IVA or IVB, not recorded as recurrent."
  (cancer (site cervix) (stage IV|IVA|IVB))
  (not (cancer (recurrent TRUE)))
  =>
  (assert (scope (guideline cervix-stage4))))

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

(defrule cervix-stage4-chemoradiation-cisplatin-weekly
  "Stage 4A: chemoradiation with cisplatin, usually once a week during
   radiation (C4-1)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4a) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemoradiation-cisplatin-weekly)
            (modality chemoradiation)
            (agents cisplatin)
            (schedule "usually given one time each week during the radiation therapy schedule")
            (summary "Chemoradiation, a main treatment for stage 4A: cisplatin given during radiation therapy")
            (cite c41-chemoradiation c41-drugs c41-cisplatin-weekly))))

(defrule cervix-stage4-chemoradiation-cisplatin-fluorouracil
  "Stage 4A: chemoradiation with cisplatin plus 5-FU, usually every 4
   weeks during radiation (C4-1)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4a) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemoradiation-cisplatin-fluorouracil)
            (modality chemoradiation)
            (agents cisplatin fluorouracil)
            (schedule "usually given every 4 weeks during radiation therapy")
            (summary "Chemoradiation, a main treatment for stage 4A: cisplatin plus 5-fluorouracil given during radiation therapy")
            (cite c41-chemoradiation c41-drugs c41-cisplatin-fluorouracil))))

(defrule cervix-stage4-brachytherapy
  "Stage 4A: brachytherapy, usually during and after external radiation
   (C4-2)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4a) (value yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-brachytherapy)
            (modality brachytherapy)
            (schedule "usually given during and after external radiation therapy")
            (summary "Brachytherapy (internal radiation therapy) with the external radiation therapy")
            (cite c42-brachytherapy))))

(defrule cervix-stage4-radiation-alone-chemotherapy-not-suitable
  "Stage 4A: radiation alone as the main treatment when chemotherapy is
   not suitable (C4-3)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4a) (value yes))
  (finding (name chemotherapy-suitable) (value no))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-radiation-alone)
            (modality radiation)
            (summary "Radiation therapy alone (external radiation, brachytherapy or both) as the main treatment, as chemotherapy is not suitable or not wanted")
            (cite c43-radiation-alone))))

(defrule cervix-stage4-radiation-alone-chemotherapy-declined
  "Stage 4A: radiation alone as the main treatment when the patient does
   not wish to have chemotherapy (C4-3)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4a) (value yes))
  (finding (name declines-chemotherapy) (value yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-radiation-alone)
            (modality radiation)
            (summary "Radiation therapy alone (external radiation, brachytherapy or both) as the main treatment, as chemotherapy is not suitable or not wanted")
            (cite c43-radiation-alone))))

;;; ---------------------------------------------------------------- stage 4B: C4-4, C4-5, C4-6

(defrule cervix-stage4-palliative-radiation
  "Stage 4B: radiation to relieve pain, stop bleeding or control other
   symptoms (C4-4)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-palliative-radiation)
            (modality radiation)
            (intent palliative)
            (summary "Palliative radiation therapy to relieve pain, stop bleeding or control other symptoms")
            (cite c44-palliative-radiation))))

(defrule cervix-stage4-palliative-chemotherapy
  "Stage 4B: palliative chemotherapy with the drugs the source lists, alone
   or in combination (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-palliative-chemotherapy)
            (modality chemotherapy)
            (agents cisplatin carboplatin paclitaxel topotecan gemcitabine fluorouracil
                    ifosfamide docetaxel irinotecan mitomycin vinorelbine epirubicin doxorubicin)
            (intent palliative)
            (summary "Palliative chemotherapy to relieve pain or control symptoms, one or more of the listed drugs, used alone or in combination: cisplatin, carboplatin, paclitaxel, topotecan, gemcitabine, 5-fluorouracil, ifosfamide, docetaxel, irinotecan, mitomycin, vinorelbine, epirubicin, doxorubicin")
            (cite c45-palliative-chemotherapy c45-drugs))))

(defrule cervix-stage4-chemotherapy-cisplatin-ifosfamide
  "Stage 4B, a common combination: cisplatin and ifosfamide (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemotherapy-cisplatin-ifosfamide)
            (modality chemotherapy) (agents cisplatin ifosfamide) (intent palliative)
            (summary "Palliative chemotherapy, common combination: cisplatin and ifosfamide")
            (cite c45-palliative-chemotherapy c45-combinations))))

(defrule cervix-stage4-chemotherapy-cisplatin-paclitaxel
  "Stage 4B, a common combination: cisplatin and paclitaxel (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemotherapy-cisplatin-paclitaxel)
            (modality chemotherapy) (agents cisplatin paclitaxel) (intent palliative)
            (summary "Palliative chemotherapy, common combination: cisplatin and paclitaxel")
            (cite c45-palliative-chemotherapy c45-combinations))))

(defrule cervix-stage4-chemotherapy-cisplatin-gemcitabine
  "Stage 4B, a common combination: cisplatin and gemcitabine (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemotherapy-cisplatin-gemcitabine)
            (modality chemotherapy) (agents cisplatin gemcitabine) (intent palliative)
            (summary "Palliative chemotherapy, common combination: cisplatin and gemcitabine")
            (cite c45-palliative-chemotherapy c45-combinations))))

(defrule cervix-stage4-chemotherapy-cisplatin-topotecan
  "Stage 4B, a common combination: cisplatin and topotecan (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemotherapy-cisplatin-topotecan)
            (modality chemotherapy) (agents cisplatin topotecan) (intent palliative)
            (summary "Palliative chemotherapy, common combination: cisplatin and topotecan")
            (cite c45-palliative-chemotherapy c45-combinations))))

(defrule cervix-stage4-chemotherapy-paclitaxel-topotecan
  "Stage 4B, a common combination: paclitaxel and topotecan (C4-5)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-chemotherapy-paclitaxel-topotecan)
            (modality chemotherapy) (agents paclitaxel topotecan) (intent palliative)
            (summary "Palliative chemotherapy, common combination: paclitaxel and topotecan")
            (cite c45-palliative-chemotherapy c45-combinations))))

(defrule cervix-stage4-bevacizumab-with-chemotherapy
  "Stage 4B: targeted therapy with bevacizumab, usually with chemotherapy
   (C4-6), unless an event for which it must be discontinued is recorded
   (SA-8)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value yes))
  (finding (name bevacizumab-discontinuation-event) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-bevacizumab-with-chemotherapy)
            (modality targeted)
            (agents bevacizumab)
            (summary "Targeted therapy with bevacizumab, usually given in combination with chemotherapy")
            (cite c46-bevacizumab))))

(defrule cervix-stage4-bevacizumab-excluded-discontinuation-event
  "Bevacizumab is not offered after an event for which the source says to
   discontinue it (SA-8)."
  (scope (guideline cervix-stage4))
  (finding (name stage-4b) (value ~no))
  (finding (name bevacizumab-discontinuation-event) (value yes))
  =>
  (assert (exclusion
            (id cervix-stage4-bevacizumab-excluded-discontinuation-event)
            (option cervix-stage4-bevacizumab-with-chemotherapy)
            (modality targeted) (agents bevacizumab)
            (reason "An adverse event is recorded for which the source says to discontinue bevacizumab (grade 3-4 gastrointestinal perforation, fistula or severe haemorrhage; hypertensive crisis or encephalopathy; nephrotic syndrome).")
            (cite sa8-perforation-fistula-haemorrhage sa8-blood-pressure sa8-proteinuria))))

;;; ---------------------------------------------------------------- metastatic: C4-7, C4-8

(defrule cervix-stage4-cemiplimab
  "Metastatic: cemiplimab when chemotherapy for metastatic disease did not
   work or the cancer came back after it (C4-7)."
  (scope (guideline cervix-stage4))
  (finding (name distant-disease) (value yes))
  (finding (name chemotherapy-failed-for-advanced-disease) (value yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-cemiplimab)
            (modality immunotherapy)
            (agents cemiplimab)
            (summary "Immunotherapy with cemiplimab, as chemotherapy for metastatic disease did not bring a response or the cancer came back after it")
            (cite c47-cemiplimab))))

(defrule cervix-stage4-pembrolizumab-with-chemotherapy
  "Metastatic: pembrolizumab with chemotherapy (C4-8), PD-L1 positive
   tumours only (CR-6)."
  (scope (guideline cervix-stage4))
  (finding (name distant-disease) (value yes))
  (finding (name pd-l1-positive) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-pembrolizumab-chemotherapy)
            (modality immunotherapy)
            (agents pembrolizumab)
            (summary "Pembrolizumab in combination with chemotherapy for metastatic disease (PD-L1 positive tumour)")
            (cite c48-pembrolizumab cr6-pd-l1-only))))

(defrule cervix-stage4-pembrolizumab-with-chemotherapy-and-bevacizumab
  "Metastatic: pembrolizumab with chemotherapy, sometimes with bevacizumab
   (C4-8), PD-L1 positive only (CR-6), no bevacizumab discontinuation
   event (SA-8)."
  (scope (guideline cervix-stage4))
  (finding (name distant-disease) (value yes))
  (finding (name pd-l1-positive) (value yes))
  (finding (name bevacizumab-discontinuation-event) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name declines-active-treatment) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-stage4-pembrolizumab-chemotherapy-bevacizumab)
            (modality immunotherapy)
            (agents pembrolizumab bevacizumab)
            (summary "Pembrolizumab in combination with chemotherapy, sometimes also with bevacizumab, for metastatic disease (PD-L1 positive tumour)")
            (cite c48-pembrolizumab cr6-pd-l1-only))))

(defrule cervix-stage4-pembrolizumab-excluded-pd-l1-negative
  "No pembrolizumab for a PD-L1 negative tumour (CR-6)."
  (scope (guideline cervix-stage4))
  (finding (name distant-disease) (value ~no))
  (finding (name pd-l1-positive) (value no))
  =>
  (assert (exclusion
            (id cervix-stage4-pembrolizumab-excluded-pd-l1-negative)
            (option cervix-stage4-pembrolizumab-chemotherapy)
            (modality immunotherapy) (agents pembrolizumab)
            (reason "The tumour is PD-L1 negative; pembrolizumab is only used for cervical cancer tumours that have the PD-L1 checkpoint protein.")
            (cite cr6-pd-l1-only))))

(defrule cervix-stage4-pembrolizumab-bevacizumab-excluded-pd-l1-negative
  "No pembrolizumab with bevacizumab for a PD-L1 negative tumour (CR-6)."
  (scope (guideline cervix-stage4))
  (finding (name distant-disease) (value ~no))
  (finding (name pd-l1-positive) (value no))
  =>
  (assert (exclusion
            (id cervix-stage4-pembrolizumab-bevacizumab-excluded-pd-l1-negative)
            (option cervix-stage4-pembrolizumab-chemotherapy-bevacizumab)
            (modality immunotherapy) (agents pembrolizumab bevacizumab)
            (reason "The tumour is PD-L1 negative; pembrolizumab is only used for cervical cancer tumours that have the PD-L1 checkpoint protein.")
            (cite cr6-pd-l1-only))))

(defrule cervix-stage4-pembrolizumab-bevacizumab-excluded-discontinuation-event
  "Pembrolizumab with bevacizumab is not offered after a bevacizumab
   discontinuation event (SA-8); pembrolizumab with chemotherapy remains."
  (scope (guideline cervix-stage4))
  (finding (name distant-disease) (value ~no))
  (finding (name pd-l1-positive) (value ~no))
  (finding (name bevacizumab-discontinuation-event) (value yes))
  =>
  (assert (exclusion
            (id cervix-stage4-pembrolizumab-bevacizumab-excluded-discontinuation-event)
            (option cervix-stage4-pembrolizumab-chemotherapy-bevacizumab)
            (modality immunotherapy) (agents pembrolizumab bevacizumab)
            (reason "An adverse event is recorded for which the source says to discontinue bevacizumab; pembrolizumab with chemotherapy without bevacizumab is not concerned.")
            (cite sa8-perforation-fistula-haemorrhage sa8-blood-pressure sa8-proteinuria))))

;;; ---------------------------------------------------------------- C4-9, C4-10

(defrule cervix-stage4-supportive-care-cannot-have-treatment
  "Supportive care when the patient cannot have cancer treatment (C4-9)."
  (scope (guideline cervix-stage4))
  (finding (name active-treatment-possible) (value no))
  =>
  (assert (recommendation
            (id cervix-stage4-supportive-care)
            (modality supportive-care)
            (summary "Care to make the patient feel better without treating the cancer itself, as she cannot have or does not want cancer treatment")
            (cite c49-supportive-care))))

(defrule cervix-stage4-supportive-care-declines-treatment
  "Supportive care when the patient does not want cancer treatment (C4-9)."
  (scope (guideline cervix-stage4))
  (finding (name declines-active-treatment) (value yes))
  =>
  (assert (recommendation
            (id cervix-stage4-supportive-care)
            (modality supportive-care)
            (summary "Care to make the patient feel better without treating the cancer itself, as she cannot have or does not want cancer treatment")
            (cite c49-supportive-care))))

(defrule cervix-stage4-clinical-trial
  "Clinical trials open to women with cervical cancer (C4-10)."
  (scope (guideline cervix-stage4))
  =>
  (assert (recommendation
            (id cervix-stage4-clinical-trial)
            (modality clinical-trial)
            (summary "Ask about clinical trials open to women with cervical cancer")
            (cite c410-clinical-trials))))
