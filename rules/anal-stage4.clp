;;; anal-stage4.clp: treatment of stage 4 anal cancer.
;;;
;;; Source: rules/sources/002_ce5144216419e930.txt, Canadian Cancer Society,
;;; "Treatments for stage 4 anal cancer" (knowledge map labels A4-1..A4-5).
;;;
;;; Covers: anal cancer recorded as stage IV, IVA or IVB. The source gives
;;; no standard treatment (A4-1, a note); chemotherapy with carboplatin and
;;; paclitaxel or with fluorouracil and cisplatin, alone or as
;;; chemoradiation, continued only while the cancer does not grow and the
;;; side effects can be coped with (A4-2); wide local excision when the
;;; tumour causes symptoms such as pain and bleeding (A4-3); clinical
;;; trials (A4-4); supportive care (A4-5).
;;;
;;; Decisions where the source is vague (docs/clinical-readings.md):
;;; - Scope is the stage recorded at diagnosis (IV, IVA, IVB) only: the
;;;   source is about stage 4 anal cancer and says nothing about an earlier
;;;   stage that spread later, so such a case is not covered.
;;; - Chemoradiation: the source says chemotherapy "may be given alone or as
;;;   part of chemoradiation" and names the combinations most often used; it
;;;   does not say which drugs go with radiation. Chemoradiation is one
;;;   option, given with chemotherapy the team chooses
;;;   (`with-chemotherapy`), aimed at the pelvis.
;;; - "The tumour causes symptoms like pain and bleeding": pain or bleeding
;;;   answers yes; another symptom the case cannot tie to the tumour
;;;   (other, severe symptoms, life-threatening complications) answers
;;;   unknown, so the team is asked; symptoms that come from metastases
;;;   (bone pain, fracture, ...) or no symptoms answer no.
;;; - "Continues as long as the cancer does not grow ... and you can cope
;;;   with the side effects": the treatment-history gate (gates.clp) does
;;;   not offer again a combination the cancer progressed on in advanced
;;;   disease or whose side effects were not coped with, ongoing or
;;;   stopped, alone or as chemoradiation.
;;; - The source does not say whether chemoradiation is used after earlier
;;;   pelvic radiation: gates.clp flags the option for the team.
;;; - Histology (docs/clinical-readings.md, H1): the text names none; its
;;;   only word on histology is a reference, "Clinical practice guidelines
;;;   for anal squamous cell cancers". A histology recorded as another than
;;;   squamous cell carcinoma keeps the options, with a status note that
;;;   the source does not say whether they apply; ductal or lobular
;;;   carcinoma (breast histologies) is not covered.
;;;
;;; What holds for the patient (wishes, fitness, performance status,
;;; treatment history, drug safety) is applied by rules/gates.clp and
;;; rules/drug-safety.clp to what the options declare.

;;; ---------------------------------------------------------------- guideline

(deffacts anal-stage4-guideline
  (guideline (id anal-stage4)
             (title "Stage 4 anal cancer")
             (source "002_ce5144216419e930.txt")
             (covers "anal cancer, stage IV, IVA or IVB at diagnosis (not ductal or lobular carcinoma, histologies of the breast)")))

(deffacts anal-stage4-cards
  (card-def (id anal-stage4-supportive-care) (guideline anal-stage4)
            (kind supportive-care) (title "Supportive care"))
  (card-def (id anal-stage4-systemic) (guideline anal-stage4)
            (kind systemic) (title "Chemotherapy, alone or as chemoradiation"))
  (card-def (id anal-stage4-symptom-control) (guideline anal-stage4)
            (kind symptom-control) (title "Surgery for symptoms from the tumour"))
  (card-def (id anal-stage4-clinical-trial) (guideline anal-stage4)
            (kind clinical-trial) (title "Clinical trials")))

;;; ---------------------------------------------------------------- citations

(deffacts anal-stage4-citations
  (citation (id a4-1-no-standard)
            (source "002_ce5144216419e930.txt") (label A4-1)
            (quote "There is no standard treatment for stage 4 anal cancer."))
  (citation (id a4-1-goal)
            (source "002_ce5144216419e930.txt") (label A4-1)
            (quote "The goal of treatment is to control the disease, relieve symptoms (called palliative therapy) and help you live as long as possible with a good quality of life."))
  (citation (id a4-1-squamous-reference)
            (source "002_ce5144216419e930.txt") (label A4-1)
            (quote "Clinical practice guidelines for anal squamous cell cancers"))
  (citation (id a4-2-alone-or-chemoradiation)
            (source "002_ce5144216419e930.txt") (label A4-2)
            (quote "It may be given alone or as part of chemoradiation."))
  (citation (id a4-2-combinations)
            (source "002_ce5144216419e930.txt") (label A4-2)
            (quote "The chemotherapy drug combinations most often used to treat stage 4 anal cancer are carboplatin and paclitaxel or fluorouracil (also called 5-fluorouracil or 5-FU) and cisplatin."))
  (citation (id a4-2-continue-while)
            (source "002_ce5144216419e930.txt") (label A4-2)
            (quote "Treatment usually continues as long as the cancer does not grow or spread any further and you can cope with the side effects."))
  (citation (id a4-3-symptoms)
            (source "002_ce5144216419e930.txt") (label A4-3)
            (quote "You may be offered surgery for stage 4 anal cancer if the tumour causes symptoms like pain and bleeding."))
  (citation (id a4-3-wide-local-excision)
            (source "002_ce5144216419e930.txt") (label A4-3)
            (quote "A wide local excision removes the tumour and a small amount of healthy tissue around it (called the surgical margin)."))
  (citation (id a4-4-clinical-trials)
            (source "002_ce5144216419e930.txt") (label A4-4)
            (quote "Talk to your doctor about clinical trials open to people with anal cancer in Canada."))
  (citation (id a4-5-cannot-or-do-not-want)
            (source "002_ce5144216419e930.txt") (label A4-5)
            (quote "If you can't have or don't want cancer treatment You may want to consider a type of care to make you feel better without treating the cancer itself."))
  (citation (id a4-5-reasons)
            (source "002_ce5144216419e930.txt") (label A4-5)
            (quote "This may be because the cancer treatments don't work anymore, they're not likely to improve your condition or they may cause side effects that are hard to cope with."))
  (citation (id a4-5-talk)
            (source "002_ce5144216419e930.txt") (label A4-5)
            (quote "Talk to your healthcare team. They can help you choose care and treatment for advanced cancer.")))

;;; ---------------------------------------------------------------- scope

(defrule scope-anal-stage4
  "Anal cancer recorded as stage IV, IVA or IVB is covered by this
   guideline, unless its histology is one of the breast (ductal or lobular
   carcinoma: not an anal cancer the source is about; reading H1)."
  (cancer (site anus) (stage IV|IVA|IVB)
          (histology $?h&:(not (member$ ductal-carcinoma ?h))&:(not (member$ lobular-carcinoma ?h))))
  =>
  (assert (scope (guideline anal-stage4))))

(defrule anal-stage4-stage-missing
  "Anal cancer with no stage recorded: the stage at diagnosis decides
   whether this guideline applies (\"The following are treatment options
   for stage 4 ...\"), so the case is not covered until it is recorded,
   and it is asked for (docs/clinical-readings.md, S1). A breast
   histology is not covered at any stage: nothing is asked (H1)."
  (cancer (site anus) (stage)
          (histology $?h&:(not (member$ ductal-carcinoma ?h))&:(not (member$ lobular-carcinoma ?h))))
  =>
  (assert (missing
            (field "/cancer/stage")
            (needed-for "deciding whether the stage 4 anal cancer guidance applies (stage IV, IVA or IVB at diagnosis): not covered until the stage is recorded")
            (decides-scope TRUE))))

;;; ---------------------------------------------------------------- findings

(deffacts anal-stage4-findings
  (finding-def (name anal-tumour-symptoms)
               (text "the tumour causes symptoms such as pain or bleeding")
               (fields "/symptoms"))
  (finding-def (name anal-histology-not-squamous)
               (text "histology recorded, and not squamous cell carcinoma (the source names no histology; its references include guidelines for anal squamous cell cancers)")
               (fields "/cancer/histology")))

;;; The histology is another than squamous cell carcinoma (reading H1).

(defrule finding-anal-histology-not-squamous-yes
  "The histology is recorded and is not squamous cell carcinoma."
  (cancer (site anus) (histology ~squamous-cell-carcinoma))
  =>
  (assert (finding (name anal-histology-not-squamous) (value yes))))

(defrule finding-anal-histology-not-squamous-no
  "The histology is squamous cell carcinoma."
  (cancer (site anus) (histology squamous-cell-carcinoma))
  =>
  (assert (finding (name anal-histology-not-squamous) (value no))))

(defrule finding-anal-histology-not-squamous-unknown
  "The histology is not recorded."
  (cancer (site anus) (histology))
  =>
  (assert (finding (name anal-histology-not-squamous) (value unknown))))

;;; The tumour causes symptoms such as pain and bleeding (A4-3).

(defrule finding-anal-tumour-symptoms-yes
  "Pain or bleeding, the symptoms the source names, is recorded."
  (symptom (name pain|bleeding))
  =>
  (assert (finding (name anal-tumour-symptoms) (value yes))))

(defrule finding-anal-tumour-symptoms-no
  "Symptoms are recorded and none of them is pain, bleeding or a symptom
   the tumour might cause (other, severe, life-threatening)."
  (list-recorded (field "/symptoms"))
  (not (symptom (name pain|bleeding|other|severe-symptoms|life-threatening-complications)))
  =>
  (assert (finding (name anal-tumour-symptoms) (value no))))

(defrule finding-anal-tumour-symptoms-unknown-not-recorded
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name anal-tumour-symptoms) (value unknown))))

(defrule finding-anal-tumour-symptoms-unknown-other-symptom
  "No pain or bleeding, but a symptom that the case cannot tie to the
   tumour or to metastases (the source says symptoms *like* pain and
   bleeding): the team must say whether the tumour causes it."
  (list-recorded (field "/symptoms"))
  (not (symptom (name pain|bleeding)))
  (exists (symptom (name other|severe-symptoms|life-threatening-complications)))
  =>
  (assert (finding (name anal-tumour-symptoms) (value unknown))))

;;; ---------------------------------------------------------------- A4-1

(defrule anal-stage4-no-standard-treatment
  "There is no standard treatment for stage 4 anal cancer; the goals are
   disease control, symptom relief and a long life of good quality."
  (scope (guideline anal-stage4))
  =>
  (assert (note (id anal-stage4-no-standard-treatment)
                (text "There is no standard treatment for stage 4 anal cancer. The goal of treatment is to control the disease, relieve symptoms (palliative therapy) and help the patient live as long as possible with a good quality of life.")
                (cite a4-1-no-standard a4-1-goal))))

(defrule anal-stage4-note-histology-not-named
  "A histology other than squamous cell carcinoma: the source names no
   histology and its references include guidelines for anal squamous cell
   cancers; it does not say whether its options apply (reading H1)."
  (scope (guideline anal-stage4))
  (finding (name anal-histology-not-squamous) (value yes))
  =>
  ;; the histology named from the cancer fact the finding was read from
  (bind ?h "")
  (do-for-fact ((?c cancer)) TRUE (bind ?h (implode$ ?c:histology)))
  (assert (note (id anal-stage4-note-histology-not-named)
                (card status)
                (text (str-cat "The histology is recorded as " ?h ", not squamous cell carcinoma. The source names no histology (its references include guidelines for anal squamous cell cancers) and does not say whether its options apply to this histology: the options below are those of the source, and the treating team decides whether they apply."))
                (cite a4-1-squamous-reference a4-1-no-standard))))

;;; ---------------------------------------------------------------- A4-2 chemotherapy

(defrule anal-stage4-carboplatin-paclitaxel
  "Carboplatin and paclitaxel, one of the two combinations most often
   used, given alone."
  (scope (guideline anal-stage4))
  =>
  (assert (recommendation
            (id anal-stage4-carboplatin-paclitaxel)
            (modality chemotherapy)
            (agents carboplatin paclitaxel)
            (intent disease-control)
            (schedule "Usually continues as long as the cancer does not grow or spread any further and the side effects can be coped with.")
            (summary "Chemotherapy with carboplatin and paclitaxel, one of the combinations most often used for stage 4 anal cancer")
            (card anal-stage4-systemic)
            (cite a4-2-combinations a4-2-alone-or-chemoradiation a4-2-continue-while))))

(defrule anal-stage4-fluorouracil-cisplatin
  "Fluorouracil (5-FU) and cisplatin, the other combination most often
   used, given alone."
  (scope (guideline anal-stage4))
  =>
  (assert (recommendation
            (id anal-stage4-fluorouracil-cisplatin)
            (modality chemotherapy)
            (agents fluorouracil cisplatin)
            (intent disease-control)
            (schedule "Usually continues as long as the cancer does not grow or spread any further and the side effects can be coped with.")
            (summary "Chemotherapy with fluorouracil (5-FU) and cisplatin, one of the combinations most often used for stage 4 anal cancer")
            (card anal-stage4-systemic)
            (cite a4-2-combinations a4-2-alone-or-chemoradiation a4-2-continue-while))))

(defrule anal-stage4-chemoradiation
  "Chemotherapy as part of chemoradiation; the source does not say which
   drugs are given with radiation."
  (scope (guideline anal-stage4))
  =>
  (assert (recommendation
            (id anal-stage4-chemoradiation)
            (modality chemoradiation)
            (target pelvis)
            (with-chemotherapy TRUE)
            (intent disease-control)
            (schedule "Usually continues as long as the cancer does not grow or spread any further and the side effects can be coped with.")
            (summary "Chemoradiation: chemotherapy given as part of radiation therapy (the source does not say which drugs are given with radiation; the combinations most often used for chemotherapy are carboplatin and paclitaxel, or 5-FU and cisplatin)")
            (card anal-stage4-systemic)
            (cite a4-2-alone-or-chemoradiation a4-2-continue-while))))

;;; ---------------------------------------------------------------- A4-3 surgery

(defrule anal-stage4-wide-local-excision
  "Wide local excision when the tumour causes symptoms such as pain and
   bleeding."
  (scope (guideline anal-stage4))
  (finding (name anal-tumour-symptoms) (value yes))
  =>
  (assert (recommendation
            (id anal-stage4-wide-local-excision)
            (modality surgery)
            (procedure wide-local-excision)
            (target anus)
            (intent palliative)
            (summary "Wide local excision of the tumour with a small margin of healthy tissue, when the tumour causes symptoms such as pain and bleeding")
            (card anal-stage4-symptom-control)
            (cite a4-3-symptoms a4-3-wide-local-excision))))

;;; ---------------------------------------------------------------- A4-4 trials

(defrule anal-stage4-clinical-trial
  "Clinical trials open to people with anal cancer; trials treat the
   cancer, so a patient who does not want or cannot have cancer treatment
   is not offered one (gates.clp)."
  (scope (guideline anal-stage4))
  =>
  (assert (recommendation
            (id anal-stage4-clinical-trial)
            (modality clinical-trial)
            (summary "Talk about clinical trials open to people with anal cancer")
            (card anal-stage4-clinical-trial)
            (cite a4-4-clinical-trials))))

;;; ---------------------------------------------------------------- A4-5 supportive care

(defrule anal-stage4-supportive-care
  "Supportive care stands beside treatment for every covered case (A4-5):
   care to feel better without treating the cancer itself. It comes first
   when the patient cannot have or does not want cancer treatment, when
   treatment stopped working or its side effects are hard to cope with,
   or at poor performance status (gates.clp)."
  (scope (guideline anal-stage4))
  =>
  (assert (recommendation
            (id anal-stage4-supportive-care)
            (modality supportive-care)
            (intent palliative)
            (cancer-directed FALSE)
            (summary "Supportive (palliative) care to feel better without treating the cancer itself, beside or instead of cancer treatment (when treatments don't work any more, are not likely to help, have side effects that are hard to cope with, or are not wanted or possible); the healthcare team helps choose care and treatment")
            (card anal-stage4-supportive-care)
            (cite a4-5-cannot-or-do-not-want a4-5-reasons a4-5-talk))))
