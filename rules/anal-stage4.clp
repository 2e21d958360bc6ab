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
;;; trials (A4-4); supportive care when the patient cannot have or does not
;;; want cancer treatment (A4-5).
;;;
;;; Decisions where the source is vague (see also the finding-defs):
;;; - Scope is the stage recorded at diagnosis (IV, IVA, IVB) only: the
;;;   source is about stage 4 anal cancer and says nothing about an earlier
;;;   stage that spread later, so such a case is not covered.
;;; - Active options (chemotherapy, chemoradiation, excision) are not given
;;;   when the patient does not want or cannot have cancer treatment; the
;;;   chemotherapy options are not given when the team judges chemotherapy
;;;   unsuitable or the patient declines it (a note says why they are
;;;   absent). Unrecorded wishes or fitness do not hold an option back.
;;; - "The tumour causes symptoms like pain and bleeding": pain or bleeding
;;;   answers yes; another symptom the case cannot tie to the tumour
;;;   (other, severe symptoms, life-threatening complications) answers
;;;   unknown, so the team is asked; symptoms that come from metastases
;;;   (bone pain, fracture, ...) or no symptoms answer no.
;;; - "Continues as long as the cancer does not grow ... and you can cope
;;;   with the side effects": an ongoing prior treatment with the same
;;;   combination whose response is progression, or after which the cancer
;;;   progressed, or that was not tolerated, excludes that combination
;;;   (alone and as chemoradiation), with the reason.
;;; - The source does not say whether chemoradiation is used after earlier
;;;   pelvic radiation; a note says so when prior pelvic radiation is
;;;   recorded, instead of a rule from elsewhere.

;;; ---------------------------------------------------------------- guideline

(deffacts anal-stage4-guideline
  (guideline (id anal-stage4)
             (title "Stage 4 anal cancer")
             (source "002_ce5144216419e930.txt")
             (covers "anal cancer, stage IV, IVA or IVB at diagnosis")))

;;; ---------------------------------------------------------------- citations

(deffacts anal-stage4-citations
  (citation (id a4-1-no-standard)
            (source "002_ce5144216419e930.txt") (label A4-1)
            (quote "There is no standard treatment for stage 4 anal cancer."))
  (citation (id a4-1-goal)
            (source "002_ce5144216419e930.txt") (label A4-1)
            (quote "The goal of treatment is to control the disease, relieve symptoms (called palliative therapy) and help you live as long as possible with a good quality of life."))
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
  (citation (id a4-5-supportive-care)
            (source "002_ce5144216419e930.txt") (label A4-5)
            (quote "You may want to consider a type of care to make you feel better without treating the cancer itself."))
  (citation (id a4-5-cannot-or-do-not-want)
            (source "002_ce5144216419e930.txt") (label A4-5)
            (quote "There may be other reasons why you can't have or don't want cancer treatment.")))

;;; ---------------------------------------------------------------- scope

(defrule scope-anal-stage4
  "Anal cancer recorded as stage IV, IVA or IVB is covered by this guideline."
  (cancer (site anus) (stage IV|IVA|IVB))
  =>
  (assert (scope (guideline anal-stage4))))

;;; ---------------------------------------------------------------- findings

(deffacts anal-stage4-findings
  (finding-def (name anal-tumour-symptoms)
               (text "the tumour causes symptoms such as pain or bleeding")
               (fields "/symptoms"))
  (finding-def (name anal-carboplatin-paclitaxel-ongoing-cancer-growing)
               (text "the cancer grows on ongoing carboplatin and paclitaxel")
               (fields "/prior_treatments"))
  (finding-def (name anal-carboplatin-paclitaxel-ongoing-not-tolerated)
               (text "the side effects of ongoing carboplatin and paclitaxel cannot be coped with")
               (fields "/prior_treatments"))
  (finding-def (name anal-fluorouracil-cisplatin-ongoing-cancer-growing)
               (text "the cancer grows on ongoing fluorouracil and cisplatin")
               (fields "/prior_treatments"))
  (finding-def (name anal-fluorouracil-cisplatin-ongoing-not-tolerated)
               (text "the side effects of ongoing fluorouracil and cisplatin cannot be coped with")
               (fields "/prior_treatments")))

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

;;; Ongoing combination: the cancer grows, or the side effects cannot be
;;; coped with (A4-2). "Grows": response progression or progressed after.

(defrule finding-anal-carboplatin-paclitaxel-ongoing-cancer-growing-yes-response
  "Ongoing carboplatin and paclitaxel with progression as the response."
  (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                   (agents $?a&:(and (member$ carboplatin ?a) (member$ paclitaxel ?a)))
                   (response progression))
  =>
  (assert (finding (name anal-carboplatin-paclitaxel-ongoing-cancer-growing) (value yes))))

(defrule finding-anal-carboplatin-paclitaxel-ongoing-cancer-growing-yes-progressed
  "Ongoing carboplatin and paclitaxel, and the cancer has progressed."
  (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                   (agents $?a&:(and (member$ carboplatin ?a) (member$ paclitaxel ?a)))
                   (progressed-after TRUE))
  =>
  (assert (finding (name anal-carboplatin-paclitaxel-ongoing-cancer-growing) (value yes))))

(defrule finding-anal-carboplatin-paclitaxel-ongoing-cancer-growing-no
  "Prior treatments are recorded and no ongoing carboplatin and paclitaxel
   shows progression."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                        (agents $?a&:(and (member$ carboplatin ?a) (member$ paclitaxel ?a)))
                        (response progression)))
  (not (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                        (agents $?b&:(and (member$ carboplatin ?b) (member$ paclitaxel ?b)))
                        (progressed-after TRUE)))
  =>
  (assert (finding (name anal-carboplatin-paclitaxel-ongoing-cancer-growing) (value no))))

(defrule finding-anal-carboplatin-paclitaxel-ongoing-cancer-growing-unknown
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name anal-carboplatin-paclitaxel-ongoing-cancer-growing) (value unknown))))

(defrule finding-anal-carboplatin-paclitaxel-ongoing-not-tolerated-yes
  "Ongoing carboplatin and paclitaxel whose side effects are not tolerated."
  (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                   (agents $?a&:(and (member$ carboplatin ?a) (member$ paclitaxel ?a)))
                   (tolerated FALSE))
  =>
  (assert (finding (name anal-carboplatin-paclitaxel-ongoing-not-tolerated) (value yes))))

(defrule finding-anal-carboplatin-paclitaxel-ongoing-not-tolerated-no
  "Prior treatments are recorded and no ongoing carboplatin and paclitaxel
   is recorded as not tolerated."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                        (agents $?a&:(and (member$ carboplatin ?a) (member$ paclitaxel ?a)))
                        (tolerated FALSE)))
  =>
  (assert (finding (name anal-carboplatin-paclitaxel-ongoing-not-tolerated) (value no))))

(defrule finding-anal-carboplatin-paclitaxel-ongoing-not-tolerated-unknown
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name anal-carboplatin-paclitaxel-ongoing-not-tolerated) (value unknown))))

(defrule finding-anal-fluorouracil-cisplatin-ongoing-cancer-growing-yes-response
  "Ongoing fluorouracil and cisplatin with progression as the response."
  (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                   (agents $?a&:(and (member$ fluorouracil ?a) (member$ cisplatin ?a)))
                   (response progression))
  =>
  (assert (finding (name anal-fluorouracil-cisplatin-ongoing-cancer-growing) (value yes))))

(defrule finding-anal-fluorouracil-cisplatin-ongoing-cancer-growing-yes-progressed
  "Ongoing fluorouracil and cisplatin, and the cancer has progressed."
  (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                   (agents $?a&:(and (member$ fluorouracil ?a) (member$ cisplatin ?a)))
                   (progressed-after TRUE))
  =>
  (assert (finding (name anal-fluorouracil-cisplatin-ongoing-cancer-growing) (value yes))))

(defrule finding-anal-fluorouracil-cisplatin-ongoing-cancer-growing-no
  "Prior treatments are recorded and no ongoing fluorouracil and cisplatin
   shows progression."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                        (agents $?a&:(and (member$ fluorouracil ?a) (member$ cisplatin ?a)))
                        (response progression)))
  (not (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                        (agents $?b&:(and (member$ fluorouracil ?b) (member$ cisplatin ?b)))
                        (progressed-after TRUE)))
  =>
  (assert (finding (name anal-fluorouracil-cisplatin-ongoing-cancer-growing) (value no))))

(defrule finding-anal-fluorouracil-cisplatin-ongoing-cancer-growing-unknown
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name anal-fluorouracil-cisplatin-ongoing-cancer-growing) (value unknown))))

(defrule finding-anal-fluorouracil-cisplatin-ongoing-not-tolerated-yes
  "Ongoing fluorouracil and cisplatin whose side effects are not tolerated."
  (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                   (agents $?a&:(and (member$ fluorouracil ?a) (member$ cisplatin ?a)))
                   (tolerated FALSE))
  =>
  (assert (finding (name anal-fluorouracil-cisplatin-ongoing-not-tolerated) (value yes))))

(defrule finding-anal-fluorouracil-cisplatin-ongoing-not-tolerated-no
  "Prior treatments are recorded and no ongoing fluorouracil and cisplatin
   is recorded as not tolerated."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type chemotherapy|chemoradiation) (ongoing TRUE)
                        (agents $?a&:(and (member$ fluorouracil ?a) (member$ cisplatin ?a)))
                        (tolerated FALSE)))
  =>
  (assert (finding (name anal-fluorouracil-cisplatin-ongoing-not-tolerated) (value no))))

(defrule finding-anal-fluorouracil-cisplatin-ongoing-not-tolerated-unknown
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name anal-fluorouracil-cisplatin-ongoing-not-tolerated) (value unknown))))

;;; ---------------------------------------------------------------- A4-1

(defrule anal-stage4-no-standard-treatment
  "There is no standard treatment for stage 4 anal cancer; the goals are
   disease control, symptom relief and a long life of good quality."
  (scope (guideline anal-stage4))
  =>
  (assert (note (id anal-stage4-no-standard-treatment)
                (text "There is no standard treatment for stage 4 anal cancer. The goal of treatment is to control the disease, relieve symptoms (palliative therapy) and help the patient live as long as possible with a good quality of life.")
                (cite a4-1-no-standard a4-1-goal))))

;;; ---------------------------------------------------------------- A4-2 chemotherapy

(defrule anal-stage4-carboplatin-paclitaxel
  "Carboplatin and paclitaxel, one of the two combinations most often used,
   given alone; not while the cancer grows on it or its side effects
   cannot be coped with."
  (scope (guideline anal-stage4))
  (finding (name declines-active-treatment) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name anal-carboplatin-paclitaxel-ongoing-cancer-growing) (value ~yes))
  (finding (name anal-carboplatin-paclitaxel-ongoing-not-tolerated) (value ~yes))
  =>
  (assert (recommendation
            (id anal-stage4-carboplatin-paclitaxel)
            (modality chemotherapy)
            (agents carboplatin paclitaxel)
            (intent disease-control)
            (schedule "Usually continues as long as the cancer does not grow or spread any further and the side effects can be coped with.")
            (summary "Chemotherapy with carboplatin and paclitaxel, one of the combinations most often used for stage 4 anal cancer")
            (cite a4-2-combinations a4-2-alone-or-chemoradiation a4-2-continue-while))))

(defrule anal-stage4-carboplatin-paclitaxel-chemoradiation
  "Carboplatin and paclitaxel as part of chemoradiation; same limits."
  (scope (guideline anal-stage4))
  (finding (name declines-active-treatment) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name anal-carboplatin-paclitaxel-ongoing-cancer-growing) (value ~yes))
  (finding (name anal-carboplatin-paclitaxel-ongoing-not-tolerated) (value ~yes))
  =>
  (assert (recommendation
            (id anal-stage4-carboplatin-paclitaxel-chemoradiation)
            (modality chemoradiation)
            (agents carboplatin paclitaxel)
            (intent disease-control)
            (schedule "Usually continues as long as the cancer does not grow or spread any further and the side effects can be coped with.")
            (summary "Chemoradiation with carboplatin and paclitaxel")
            (cite a4-2-alone-or-chemoradiation a4-2-combinations a4-2-continue-while))))

(defrule anal-stage4-fluorouracil-cisplatin
  "Fluorouracil (5-FU) and cisplatin, the other combination most often
   used, given alone; not while the cancer grows on it or its side effects
   cannot be coped with."
  (scope (guideline anal-stage4))
  (finding (name declines-active-treatment) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name anal-fluorouracil-cisplatin-ongoing-cancer-growing) (value ~yes))
  (finding (name anal-fluorouracil-cisplatin-ongoing-not-tolerated) (value ~yes))
  =>
  (assert (recommendation
            (id anal-stage4-fluorouracil-cisplatin)
            (modality chemotherapy)
            (agents fluorouracil cisplatin)
            (intent disease-control)
            (schedule "Usually continues as long as the cancer does not grow or spread any further and the side effects can be coped with.")
            (summary "Chemotherapy with fluorouracil (5-FU) and cisplatin, one of the combinations most often used for stage 4 anal cancer")
            (cite a4-2-combinations a4-2-alone-or-chemoradiation a4-2-continue-while))))

(defrule anal-stage4-fluorouracil-cisplatin-chemoradiation
  "Fluorouracil (5-FU) and cisplatin as part of chemoradiation; same limits."
  (scope (guideline anal-stage4))
  (finding (name declines-active-treatment) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name anal-fluorouracil-cisplatin-ongoing-cancer-growing) (value ~yes))
  (finding (name anal-fluorouracil-cisplatin-ongoing-not-tolerated) (value ~yes))
  =>
  (assert (recommendation
            (id anal-stage4-fluorouracil-cisplatin-chemoradiation)
            (modality chemoradiation)
            (agents fluorouracil cisplatin)
            (intent disease-control)
            (schedule "Usually continues as long as the cancer does not grow or spread any further and the side effects can be coped with.")
            (summary "Chemoradiation with fluorouracil (5-FU) and cisplatin")
            (cite a4-2-alone-or-chemoradiation a4-2-combinations a4-2-continue-while))))

;;; Stop rules: the combination is not continued when the cancer grows on it
;;; or its side effects cannot be coped with (A4-2). Each reason rules out
;;; the combination given alone and as chemoradiation.

(defrule anal-stage4-carboplatin-paclitaxel-excluded-cancer-growing
  "Carboplatin and paclitaxel is not continued once the cancer grows on it."
  (scope (guideline anal-stage4))
  (finding (name anal-carboplatin-paclitaxel-ongoing-cancer-growing) (value yes))
  =>
  (assert (exclusion
            (id anal-stage4-carboplatin-paclitaxel-excluded-cancer-growing)
            (option anal-stage4-carboplatin-paclitaxel)
            (modality chemotherapy) (agents carboplatin paclitaxel)
            (reason "The cancer has grown on the ongoing carboplatin and paclitaxel; the source continues treatment only as long as the cancer does not grow or spread any further.")
            (cite a4-2-continue-while))))

(defrule anal-stage4-carboplatin-paclitaxel-chemoradiation-excluded-cancer-growing
  "Chemoradiation with carboplatin and paclitaxel is not continued once the
   cancer grows on this combination."
  (scope (guideline anal-stage4))
  (finding (name anal-carboplatin-paclitaxel-ongoing-cancer-growing) (value yes))
  =>
  (assert (exclusion
            (id anal-stage4-carboplatin-paclitaxel-chemoradiation-excluded-cancer-growing)
            (option anal-stage4-carboplatin-paclitaxel-chemoradiation)
            (modality chemoradiation) (agents carboplatin paclitaxel)
            (reason "The cancer has grown on the ongoing carboplatin and paclitaxel; the source continues treatment only as long as the cancer does not grow or spread any further.")
            (cite a4-2-continue-while))))

(defrule anal-stage4-carboplatin-paclitaxel-excluded-not-tolerated
  "Carboplatin and paclitaxel is not continued when its side effects cannot
   be coped with."
  (scope (guideline anal-stage4))
  (finding (name anal-carboplatin-paclitaxel-ongoing-not-tolerated) (value yes))
  =>
  (assert (exclusion
            (id anal-stage4-carboplatin-paclitaxel-excluded-not-tolerated)
            (option anal-stage4-carboplatin-paclitaxel)
            (modality chemotherapy) (agents carboplatin paclitaxel)
            (reason "The side effects of the ongoing carboplatin and paclitaxel are not tolerated; the source continues treatment only as long as the side effects can be coped with.")
            (cite a4-2-continue-while))))

(defrule anal-stage4-carboplatin-paclitaxel-chemoradiation-excluded-not-tolerated
  "Chemoradiation with carboplatin and paclitaxel is not continued when the
   side effects of this combination cannot be coped with."
  (scope (guideline anal-stage4))
  (finding (name anal-carboplatin-paclitaxel-ongoing-not-tolerated) (value yes))
  =>
  (assert (exclusion
            (id anal-stage4-carboplatin-paclitaxel-chemoradiation-excluded-not-tolerated)
            (option anal-stage4-carboplatin-paclitaxel-chemoradiation)
            (modality chemoradiation) (agents carboplatin paclitaxel)
            (reason "The side effects of the ongoing carboplatin and paclitaxel are not tolerated; the source continues treatment only as long as the side effects can be coped with.")
            (cite a4-2-continue-while))))

(defrule anal-stage4-fluorouracil-cisplatin-excluded-cancer-growing
  "Fluorouracil and cisplatin is not continued once the cancer grows on it."
  (scope (guideline anal-stage4))
  (finding (name anal-fluorouracil-cisplatin-ongoing-cancer-growing) (value yes))
  =>
  (assert (exclusion
            (id anal-stage4-fluorouracil-cisplatin-excluded-cancer-growing)
            (option anal-stage4-fluorouracil-cisplatin)
            (modality chemotherapy) (agents fluorouracil cisplatin)
            (reason "The cancer has grown on the ongoing fluorouracil and cisplatin; the source continues treatment only as long as the cancer does not grow or spread any further.")
            (cite a4-2-continue-while))))

(defrule anal-stage4-fluorouracil-cisplatin-chemoradiation-excluded-cancer-growing
  "Chemoradiation with fluorouracil and cisplatin is not continued once the
   cancer grows on this combination."
  (scope (guideline anal-stage4))
  (finding (name anal-fluorouracil-cisplatin-ongoing-cancer-growing) (value yes))
  =>
  (assert (exclusion
            (id anal-stage4-fluorouracil-cisplatin-chemoradiation-excluded-cancer-growing)
            (option anal-stage4-fluorouracil-cisplatin-chemoradiation)
            (modality chemoradiation) (agents fluorouracil cisplatin)
            (reason "The cancer has grown on the ongoing fluorouracil and cisplatin; the source continues treatment only as long as the cancer does not grow or spread any further.")
            (cite a4-2-continue-while))))

(defrule anal-stage4-fluorouracil-cisplatin-excluded-not-tolerated
  "Fluorouracil and cisplatin is not continued when its side effects cannot
   be coped with."
  (scope (guideline anal-stage4))
  (finding (name anal-fluorouracil-cisplatin-ongoing-not-tolerated) (value yes))
  =>
  (assert (exclusion
            (id anal-stage4-fluorouracil-cisplatin-excluded-not-tolerated)
            (option anal-stage4-fluorouracil-cisplatin)
            (modality chemotherapy) (agents fluorouracil cisplatin)
            (reason "The side effects of the ongoing fluorouracil and cisplatin are not tolerated; the source continues treatment only as long as the side effects can be coped with.")
            (cite a4-2-continue-while))))

(defrule anal-stage4-fluorouracil-cisplatin-chemoradiation-excluded-not-tolerated
  "Chemoradiation with fluorouracil and cisplatin is not continued when the
   side effects of this combination cannot be coped with."
  (scope (guideline anal-stage4))
  (finding (name anal-fluorouracil-cisplatin-ongoing-not-tolerated) (value yes))
  =>
  (assert (exclusion
            (id anal-stage4-fluorouracil-cisplatin-chemoradiation-excluded-not-tolerated)
            (option anal-stage4-fluorouracil-cisplatin-chemoradiation)
            (modality chemoradiation) (agents fluorouracil cisplatin)
            (reason "The side effects of the ongoing fluorouracil and cisplatin are not tolerated; the source continues treatment only as long as the side effects can be coped with.")
            (cite a4-2-continue-while))))

;;; Why chemotherapy options are absent when the patient cannot have or
;;; declines chemotherapy (the source: "can't have or don't want cancer
;;; treatment").

(defrule anal-stage4-chemotherapy-withheld-not-suitable
  "The team judges chemotherapy unsuitable: chemotherapy and chemoradiation
   are not listed."
  (scope (guideline anal-stage4))
  (finding (name chemotherapy-suitable) (value no))
  =>
  (assert (note (id anal-stage4-chemotherapy-withheld)
                (text "Chemotherapy and chemoradiation are not listed: the patient cannot have or does not want chemotherapy.")
                (cite a4-5-cannot-or-do-not-want))))

(defrule anal-stage4-chemotherapy-withheld-declined
  "The patient declines chemotherapy: chemotherapy and chemoradiation are
   not listed."
  (scope (guideline anal-stage4))
  (finding (name declines-chemotherapy) (value yes))
  =>
  (assert (note (id anal-stage4-chemotherapy-withheld)
                (text "Chemotherapy and chemoradiation are not listed: the patient cannot have or does not want chemotherapy.")
                (cite a4-5-cannot-or-do-not-want))))

(defrule anal-stage4-chemoradiation-after-pelvic-radiation-not-addressed
  "Prior pelvic radiation is recorded and the source does not say whether
   chemoradiation is used after it: say so rather than decide."
  (scope (guideline anal-stage4))
  (finding (name prior-pelvic-radiation) (value yes))
  =>
  (assert (note (id anal-stage4-chemoradiation-after-pelvic-radiation)
                (text "Earlier pelvic radiation is recorded. The source offers chemotherapy alone or as part of chemoradiation and does not say whether chemoradiation is used after earlier pelvic radiation: the treating team decides.")
                (cite a4-2-alone-or-chemoradiation))))

;;; ---------------------------------------------------------------- A4-3 surgery

(defrule anal-stage4-wide-local-excision
  "Wide local excision when the tumour causes symptoms such as pain and
   bleeding."
  (scope (guideline anal-stage4))
  (finding (name declines-active-treatment) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  (finding (name anal-tumour-symptoms) (value yes))
  =>
  (assert (recommendation
            (id anal-stage4-wide-local-excision)
            (modality surgery)
            (procedure wide-local-excision)
            (target anus)
            (intent palliative)
            (summary "Wide local excision of the tumour with a small margin of healthy tissue, when the tumour causes symptoms such as pain and bleeding")
            (cite a4-3-symptoms a4-3-wide-local-excision))))

;;; ---------------------------------------------------------------- A4-4 trials

(defrule anal-stage4-clinical-trial
  "Clinical trials open to people with anal cancer."
  (scope (guideline anal-stage4))
  =>
  (assert (recommendation
            (id anal-stage4-clinical-trial)
            (modality clinical-trial)
            (summary "Talk about clinical trials open to people with anal cancer")
            (cite a4-4-clinical-trials))))

;;; ---------------------------------------------------------------- A4-5 supportive care

(defrule anal-stage4-supportive-care-declined
  "The patient does not want cancer treatment: care to feel better without
   treating the cancer itself."
  (scope (guideline anal-stage4))
  (finding (name declines-active-treatment) (value yes))
  =>
  (assert (recommendation
            (id anal-stage4-supportive-care)
            (modality supportive-care)
            (intent palliative)
            (summary "Supportive (palliative) care to feel better without treating the cancer itself")
            (cite a4-5-supportive-care a4-5-cannot-or-do-not-want))))

(defrule anal-stage4-supportive-care-not-possible
  "The patient cannot have cancer treatment: care to feel better without
   treating the cancer itself."
  (scope (guideline anal-stage4))
  (finding (name active-treatment-possible) (value no))
  =>
  (assert (recommendation
            (id anal-stage4-supportive-care)
            (modality supportive-care)
            (intent palliative)
            (summary "Supportive (palliative) care to feel better without treating the cancer itself")
            (cite a4-5-supportive-care a4-5-cannot-or-do-not-want))))
