;;; findings.clp: findings shared by several guidelines.
;;;
;;; Each finding is derived by one rule per value (yes, no, unknown), so that
;;; every finding below is always present with exactly one value; where
;;; several facts support "yes", the rule fires once per fact and the host
;;; merges them. See docs/rule-authoring.md.

(deffacts shared-findings
  (finding-def (name declines-active-treatment)
               (text "patient does not want cancer treatment")
               (fields "/preferences/declines_active_treatment"))
  (finding-def (name active-treatment-possible)
               (text "patient can have cancer treatment")
               (fields "/fitness/active_treatment_possible"))
  (finding-def (name chemotherapy-suitable)
               (text "patient can have chemotherapy")
               (fields "/fitness/chemotherapy_suitable"))
  (finding-def (name declines-chemotherapy)
               (text "patient does not wish to have chemotherapy")
               (fields "/preferences/declines_chemotherapy"))
  (finding-def (name distant-disease)
               (text "distant disease")
               (fields "/cancer/metastases" "/cancer/recurrence/sites" "/imaging"))
  (finding-def (name prior-pelvic-radiation)
               (text "prior pelvic radiation")
               (fields "/prior_treatments"))
  (finding-def (name pd-l1-positive)
               (text "PD-L1 positive tumour")
               (fields "/biomarkers/PD-L1"))
  (finding-def (name bevacizumab-discontinuation-event)
               (text "an adverse event for which the source says to discontinue bevacizumab (grade 3-4 perforation, fistula or haemorrhage; hypertensive crisis or encephalopathy; nephrotic syndrome)")
               (fields "/adverse_events"))
  (finding-def (name chemotherapy-failed-for-advanced-disease)
               (text "chemotherapy for metastatic or recurrent disease did not work or the cancer came back after it")
               (fields "/prior_treatments")))

;;; ------------------------------------------------------------ boolean case fields

(defrule finding-declines-active-treatment-yes
  "The patient does not want cancer treatment."
  (preferences (declines-active-treatment TRUE))
  =>
  (assert (finding (name declines-active-treatment) (value yes))))

(defrule finding-declines-active-treatment-no
  "The patient has not declined cancer treatment."
  (preferences (declines-active-treatment FALSE))
  =>
  (assert (finding (name declines-active-treatment) (value no))))

(defrule finding-declines-active-treatment-unknown
  "The case does not say whether the patient wants cancer treatment."
  (not (preferences (declines-active-treatment TRUE|FALSE)))
  =>
  (assert (finding (name declines-active-treatment) (value unknown))))

(defrule finding-active-treatment-possible-yes
  "The patient can have cancer treatment."
  (fitness (active-treatment-possible TRUE))
  =>
  (assert (finding (name active-treatment-possible) (value yes))))

(defrule finding-active-treatment-possible-no
  "The patient cannot have cancer treatment."
  (fitness (active-treatment-possible FALSE))
  =>
  (assert (finding (name active-treatment-possible) (value no))))

(defrule finding-active-treatment-possible-unknown
  "The case does not say whether the patient can have cancer treatment."
  (not (fitness (active-treatment-possible TRUE|FALSE)))
  =>
  (assert (finding (name active-treatment-possible) (value unknown))))

(defrule finding-chemotherapy-suitable-yes
  "The patient can have chemotherapy."
  (fitness (chemotherapy-suitable TRUE))
  =>
  (assert (finding (name chemotherapy-suitable) (value yes))))

(defrule finding-chemotherapy-suitable-no
  "The patient cannot have chemotherapy."
  (fitness (chemotherapy-suitable FALSE))
  =>
  (assert (finding (name chemotherapy-suitable) (value no))))

(defrule finding-chemotherapy-suitable-unknown
  "The case does not say whether the patient can have chemotherapy."
  (not (fitness (chemotherapy-suitable TRUE|FALSE)))
  =>
  (assert (finding (name chemotherapy-suitable) (value unknown))))

(defrule finding-declines-chemotherapy-yes
  "The patient does not wish to have chemotherapy."
  (preferences (declines-chemotherapy TRUE))
  =>
  (assert (finding (name declines-chemotherapy) (value yes))))

(defrule finding-declines-chemotherapy-no
  "The patient has not declined chemotherapy."
  (preferences (declines-chemotherapy FALSE))
  =>
  (assert (finding (name declines-chemotherapy) (value no))))

(defrule finding-declines-chemotherapy-unknown
  "The case does not say whether the patient wishes to have chemotherapy."
  (not (preferences (declines-chemotherapy TRUE|FALSE)))
  =>
  (assert (finding (name declines-chemotherapy) (value unknown))))

;;; ------------------------------------------------------------ distant disease

(defrule finding-distant-disease-yes-metastasis
  "A recorded metastasis is distant disease."
  (metastasis)
  =>
  (assert (finding (name distant-disease) (value yes))))

(defrule finding-distant-disease-yes-distant-recurrence
  "A recurrence at a distant site is distant disease."
  (recurrence-site (site distant))
  =>
  (assert (finding (name distant-disease) (value yes))))

(defrule finding-distant-disease-yes-imaging
  "Imaging that shows distant disease."
  (imaging (distant-disease TRUE))
  =>
  (assert (finding (name distant-disease) (value yes))))

(defrule finding-distant-disease-no
  "The case states its metastases, there are none, and nothing else shows
   distant disease."
  (list-recorded (field "/cancer/metastases") (count 0))
  (not (metastasis))
  (not (recurrence-site (site distant)))
  (not (imaging (distant-disease TRUE)))
  =>
  (assert (finding (name distant-disease) (value no))))

(defrule finding-distant-disease-unknown
  "Metastases are not recorded and nothing shows distant disease."
  (not (list-recorded (field "/cancer/metastases")))
  (not (recurrence-site (site distant)))
  (not (imaging (distant-disease TRUE)))
  =>
  (assert (finding (name distant-disease) (value unknown))))

;;; ------------------------------------------------------------ prior pelvic radiation

(defrule finding-prior-pelvic-radiation-yes
  "Radiation, chemoradiation or brachytherapy to the pelvis before."
  (prior-treatment (type radiation|chemoradiation|brachytherapy) (region pelvis))
  =>
  (assert (finding (name prior-pelvic-radiation) (value yes))))

(defrule finding-prior-pelvic-radiation-no
  "Prior treatments are recorded and none of them is radiation of any kind."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type radiation|chemoradiation|brachytherapy)))
  =>
  (assert (finding (name prior-pelvic-radiation) (value no))))

(defrule finding-prior-pelvic-radiation-no-other-region
  "Every prior radiation is recorded with a region, and none is the pelvis."
  (list-recorded (field "/prior_treatments"))
  (exists (prior-treatment (type radiation|chemoradiation|brachytherapy)))
  (not (prior-treatment (type radiation|chemoradiation|brachytherapy)
                        (region pelvis)))
  (not (prior-treatment (type radiation|chemoradiation|brachytherapy)
                        (region)))
  =>
  (assert (finding (name prior-pelvic-radiation) (value no))))

(defrule finding-prior-pelvic-radiation-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name prior-pelvic-radiation) (value unknown))))

(defrule finding-prior-pelvic-radiation-unknown-region
  "A prior radiation has no region and none is recorded as pelvic."
  (list-recorded (field "/prior_treatments"))
  (exists (prior-treatment (type radiation|chemoradiation|brachytherapy)
                           (region)))
  (not (prior-treatment (type radiation|chemoradiation|brachytherapy)
                        (region pelvis)))
  =>
  (assert (finding (name prior-pelvic-radiation) (value unknown))))

;;; ------------------------------------------------------------ PD-L1
;;; Pembrolizumab "is only used for cervical cancer tumours that have the
;;; PD-L1 checkpoint protein" (001, CR-6). A result stated as `unknown` (a
;;; test that failed) counts like "not recorded".

(defrule finding-pd-l1-positive-yes
  "The tumour is PD-L1 positive."
  (biomarker (name PD-L1) (status positive))
  =>
  (assert (finding (name pd-l1-positive) (value yes))))

(defrule finding-pd-l1-positive-no
  "The tumour is PD-L1 negative."
  (biomarker (name PD-L1) (status negative))
  =>
  (assert (finding (name pd-l1-positive) (value no))))

(defrule finding-pd-l1-positive-unknown
  "PD-L1 status is not recorded or stated as unknown."
  (not (biomarker (name PD-L1) (status positive|negative)))
  =>
  (assert (finding (name pd-l1-positive) (value unknown))))

;;; ------------------------------------------------------------ bevacizumab discontinuation event
;;; SA-8 (003): discontinue bevacizumab for grade 3-4 gastrointestinal
;;; perforation, fistula or severe haemorrhage, for hypertensive crisis or
;;; encephalopathy, and for nephrotic syndrome. The event counts whatever
;;; drug it is attributed to: the source does not ask. Used by the cervical
;;; guidelines to exclude options containing bevacizumab; the warnings
;;; themselves are in drug-safety.clp.

(defrule finding-bevacizumab-discontinuation-event-yes-grade-3-4
  "A grade 3-4 gastrointestinal perforation, fistula or haemorrhage."
  (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage) (grade 3|4))
  =>
  (assert (finding (name bevacizumab-discontinuation-event) (value yes))))

(defrule finding-bevacizumab-discontinuation-event-yes-any-grade
  "Hypertensive crisis, hypertensive encephalopathy or nephrotic syndrome."
  (adverse-event (type hypertensive-crisis|hypertensive-encephalopathy|nephrotic-syndrome))
  =>
  (assert (finding (name bevacizumab-discontinuation-event) (value yes))))

(defrule finding-bevacizumab-discontinuation-event-no
  "Adverse events are recorded and none of them is a discontinuation
   event; every perforation, fistula or haemorrhage has a grade."
  (list-recorded (field "/adverse_events"))
  (not (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage) (grade 3|4)))
  (not (adverse-event (type hypertensive-crisis|hypertensive-encephalopathy|nephrotic-syndrome)))
  (not (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage) (grade)))
  =>
  (assert (finding (name bevacizumab-discontinuation-event) (value no))))

(defrule finding-bevacizumab-discontinuation-event-unknown-not-recorded
  "Adverse events are not recorded."
  (not (list-recorded (field "/adverse_events")))
  =>
  (assert (finding (name bevacizumab-discontinuation-event) (value unknown))))

(defrule finding-bevacizumab-discontinuation-event-unknown-grade
  "A perforation, fistula or haemorrhage has no grade, and no other event
   decides."
  (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage) (grade))
  (not (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage) (grade 3|4)))
  (not (adverse-event (type hypertensive-crisis|hypertensive-encephalopathy|nephrotic-syndrome)))
  =>
  (assert (finding (name bevacizumab-discontinuation-event) (value unknown))))

;;; ------------------------------------------------------------ chemotherapy failed for advanced disease
;;; C4-7 (000) and CR-5 (001): "If chemotherapy was used to treat metastatic
;;; cervical cancer but it didn't respond or the cancer comes back, then you
;;; may be offered cemiplimab". Read as: a prior treatment of type
;;; chemotherapy given for advanced disease (setting metastatic or
;;; recurrent; the case format says both mean advanced disease) whose
;;; response was stable or progression ("didn't respond") or after which the
;;; cancer progressed ("comes back"). Chemotherapy with no setting cannot
;;; be placed and makes the finding unknown unless another one decides.

(defrule finding-chemotherapy-failed-for-advanced-disease-yes-no-response
  "Chemotherapy for advanced disease did not bring a response."
  (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                   (response stable|progression))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value yes))))

(defrule finding-chemotherapy-failed-for-advanced-disease-yes-came-back
  "The cancer progressed after chemotherapy for advanced disease."
  (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                   (progressed-after TRUE))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value yes))))

(defrule finding-chemotherapy-failed-for-advanced-disease-no
  "Prior treatments are recorded; every chemotherapy for advanced disease
   brought a response with no progression after it (or there was none),
   and every chemotherapy has a setting."
  (list-recorded (field "/prior_treatments"))
  (forall (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                           (pointer ?p))
          (prior-treatment (pointer ?p) (response complete|partial)
                           (progressed-after FALSE)))
  (not (prior-treatment (type chemotherapy) (setting)))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value no))))

(defrule finding-chemotherapy-failed-for-advanced-disease-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value unknown))))

(defrule finding-chemotherapy-failed-for-advanced-disease-unknown-outcome
  "A chemotherapy for advanced disease has no recorded response or no
   recorded course after it, and none shows failure."
  (list-recorded (field "/prior_treatments"))
  (prior-treatment (type chemotherapy) (setting metastatic|recurrent) (pointer ?p))
  (not (prior-treatment (pointer ?p) (response complete|partial)
                        (progressed-after FALSE)))
  (not (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                        (response stable|progression)))
  (not (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                        (progressed-after TRUE)))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value unknown))))

(defrule finding-chemotherapy-failed-for-advanced-disease-unknown-setting
  "A chemotherapy has no setting, so it may have been for advanced
   disease, and none shows failure."
  (list-recorded (field "/prior_treatments"))
  (prior-treatment (type chemotherapy) (setting))
  (not (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                        (response stable|progression)))
  (not (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                        (progressed-after TRUE)))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value unknown))))
