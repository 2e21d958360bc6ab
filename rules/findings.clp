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
