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
  (finding-def (name cancer-treatment-ruled-out)
               (text "cancer treatment ruled out (the patient does not want it, or the treating team judges it not possible)")
               (fields "/preferences/declines_active_treatment" "/fitness/active_treatment_possible"))
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
  (finding-def (name pelvic-symptom)
               (text "a symptom the pelvic disease can cause: pain, bleeding or another symptom (the case cannot say which lesion causes it)")
               (fields "/symptoms"))
  (finding-def (name metastatic-symptom)
               (text "a symptom metastases can cause: pain, bone pain, a fracture, spinal cord compression, bronchial obstruction, a skin lesion or another symptom (the case cannot say which lesion causes it)")
               (fields "/symptoms"))
  (finding-def (name pd-l1-positive)
               (text "PD-L1 positive tumour")
               (fields "/biomarkers/PD-L1"))
  (finding-def (name chemotherapy-failed-for-advanced-disease)
               (text "chemotherapy for metastatic or recurrent disease did not work (the cancer progressed on it) or the cancer came back after it")
               (fields "/prior_treatments"))
  (finding-def (name performance-status-adequate)
               (text "adequate performance status, read on the ECOG scale: 0-1 adequate, 3-4 not (limited self-care, in bed or chair most of the day), 2 for the treating team to judge")
               (fields "/patient/ecog"))
  (finding-def (name performance-status-poor)
               (text "poor performance status, read on the ECOG scale: 3-4 (capable of only limited self-care, in bed or chair most of the day, or completely disabled)")
               (fields "/patient/ecog"))
  (finding-def (name histology-other)
               (text "histology recorded as other (not squamous cell carcinoma, adenocarcinoma, adenosquamous, ductal or lobular carcinoma)")
               (fields "/cancer/histology")))

;;; ------------------------------------------------------------ histology
;;; A histology the case vocabulary can only call "other": the cervical
;;; sources name no histology, and a status note says they do not say
;;; whether their options apply (docs/clinical-readings.md, H1).

(defrule finding-histology-other-yes
  "The histology is recorded as other."
  (cancer (histology other))
  =>
  (assert (finding (name histology-other) (value yes))))

(defrule finding-histology-other-no
  "The histology is recorded as one the vocabulary names."
  (cancer (histology ~other))
  =>
  (assert (finding (name histology-other) (value no))))

(defrule finding-histology-other-unknown
  "The histology is not recorded."
  (cancer (histology))
  =>
  (assert (finding (name histology-other) (value unknown))))

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

;;; Cancer treatment ruled out: the gates that exclude for other reasons
;;; (chemotherapy, pelvic radiation, performance status, treatment history)
;;; apply only while it is not, so that an option is ruled out once, for the
;;; reason that decides. Wishes and fitness not recorded do not rule it out.

(defrule finding-cancer-treatment-ruled-out-yes-declined
  "The patient does not want cancer treatment."
  (finding (name declines-active-treatment) (value yes))
  =>
  (assert (finding (name cancer-treatment-ruled-out) (value yes))))

(defrule finding-cancer-treatment-ruled-out-yes-not-possible
  "The treating team judges cancer treatment not possible."
  (finding (name active-treatment-possible) (value no))
  =>
  (assert (finding (name cancer-treatment-ruled-out) (value yes))))

(defrule finding-cancer-treatment-ruled-out-no
  "Neither the patient's wish nor the team's judgement, as recorded, rules
   cancer treatment out."
  (finding (name declines-active-treatment) (value ~yes))
  (finding (name active-treatment-possible) (value ~no))
  =>
  (assert (finding (name cancer-treatment-ruled-out) (value no))))

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
  "A prior radiation has no region and none is recorded as pelvic: its
   region is the field that is missing (one gap per such treatment)."
  (list-recorded (field "/prior_treatments"))
  (prior-treatment (type radiation|chemoradiation|brachytherapy) (region)
                   (pointer ?p))
  (not (prior-treatment (type radiation|chemoradiation|brachytherapy)
                        (region pelvis)))
  =>
  (assert (finding (name prior-pelvic-radiation) (value unknown)))
  (assert (finding-gap (finding prior-pelvic-radiation)
                       (field (str-cat ?p "/region")))))

;;; ------------------------------------------------------------ symptoms for palliative radiation
;;; Palliative radiation is tied to a recorded symptom (000, 001: "to relieve
;;; pain, stop bleeding or control other symptoms") and aimed where the
;;; symptom can come from. The case cannot say which lesion causes a
;;; symptom, so: bleeding is read as pelvic (the bleeding of cervical
;;; cancer); bone pain, fracture, spinal cord compression, bronchial
;;; obstruction and skin lesions as metastatic; pain and other, severe or
;;; life-threatening symptoms as either. The team checks the target.

(defrule finding-pelvic-symptom-yes
  "Pain, bleeding or another symptom the pelvic disease can cause."
  (symptom (name pain|bleeding|other|severe-symptoms|life-threatening-complications))
  =>
  (assert (finding (name pelvic-symptom) (value yes))))

(defrule finding-pelvic-symptom-no
  "Symptoms are recorded and none is one the pelvic disease causes."
  (list-recorded (field "/symptoms"))
  (not (symptom (name pain|bleeding|other|severe-symptoms|life-threatening-complications)))
  =>
  (assert (finding (name pelvic-symptom) (value no))))

(defrule finding-pelvic-symptom-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name pelvic-symptom) (value unknown))))

(defrule finding-metastatic-symptom-yes
  "A symptom metastases can cause."
  (symptom (name pain|bone-pain|fracture|spinal-cord-compression|bronchial-obstruction|skin-lump|open-draining-chest-wall-lesion|other|severe-symptoms|life-threatening-complications))
  =>
  (assert (finding (name metastatic-symptom) (value yes))))

(defrule finding-metastatic-symptom-no
  "Symptoms are recorded and none is one metastases cause (bleeding only,
   or none)."
  (list-recorded (field "/symptoms"))
  (not (symptom (name pain|bone-pain|fracture|spinal-cord-compression|bronchial-obstruction|skin-lump|open-draining-chest-wall-lesion|other|severe-symptoms|life-threatening-complications)))
  =>
  (assert (finding (name metastatic-symptom) (value no))))

(defrule finding-metastatic-symptom-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name metastatic-symptom) (value unknown))))

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

;;; ------------------------------------------------------------ chemotherapy failed for advanced disease
;;; C4-7 (000) and CR-5 (001): "If chemotherapy was used to treat metastatic
;;; cervical cancer but it didn't respond or the cancer comes back, then you
;;; may be offered cemiplimab". One reading of "didn't respond" for the
;;; whole rule base (docs/clinical-readings.md): the cancer progressed on it
;;; (response progression); "comes back": it progressed after it. Stable
;;; disease is not failure by itself: on a chemotherapy still given (or not
;;; recorded as stopped) it is for the treating team to judge (unknown);
;;; stable disease on a chemotherapy that has ended with no progression
;;; after it is not failure. Chemotherapy given for advanced disease: setting
;;; metastatic or recurrent (the case format says both mean advanced
;;; disease), or primary for a cancer that was stage IV at diagnosis and is
;;; not recorded as recurrent (its first treatment was for advanced
;;; disease; the same reading as the treatment-history gate). Chemotherapy
;;; with no setting, or with no recorded outcome, makes the finding unknown
;;; unless another one decides.

(defrule finding-chemotherapy-failed-for-advanced-disease-yes-progression
  "The cancer progressed on chemotherapy for advanced disease."
  (or (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                       (response progression))
      (and (cancer (stage IV|IVA|IVB) (recurrent $?x&:(not (member$ TRUE ?x))))
           (prior-treatment (type chemotherapy) (setting primary) (response progression))))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value yes))))

(defrule finding-chemotherapy-failed-for-advanced-disease-yes-came-back
  "The cancer progressed after chemotherapy for advanced disease."
  (or (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                       (progressed-after TRUE))
      (and (cancer (stage IV|IVA|IVB) (recurrent $?x&:(not (member$ TRUE ?x))))
           (prior-treatment (type chemotherapy) (setting primary) (progressed-after TRUE))))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value yes))))

(defrule finding-chemotherapy-failed-for-advanced-disease-no
  "Prior treatments are recorded; every chemotherapy for advanced disease
   brought a response, or stable disease that has ended, with no
   progression after it (or there was none); every chemotherapy has a
   setting."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                        (response $?r) (progressed-after $?pa)
                        (ongoing $?o&:(not (and (member$ FALSE ?pa) (or (member$ complete ?r) (member$ partial ?r) (and (member$ stable ?r) (member$ FALSE ?o))))))))
  (not (and (cancer (stage IV|IVA|IVB) (recurrent $?x&:(not (member$ TRUE ?x))))
            (prior-treatment (type chemotherapy) (setting primary)
                             (response $?r) (progressed-after $?pa)
                             (ongoing $?o&:(not (and (member$ FALSE ?pa) (or (member$ complete ?r) (member$ partial ?r) (and (member$ stable ?r) (member$ FALSE ?o)))))))))
  (not (prior-treatment (type chemotherapy) (setting)))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value no))))

(defrule finding-chemotherapy-failed-for-advanced-disease-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value unknown))))

(deffunction finding-chemotherapy-outcome-gap-field (?r ?o)
  "The field of a chemotherapy for advanced disease that leaves open
   whether it failed: its response when that is not recorded, recorded as
   unknown, or stable while it is still given; whether it is still given,
   for stable disease; else whether the cancer came back after it."
  (if (or (= (length$ ?r) 0) (member$ unknown ?r)
          (and (member$ stable ?r) (member$ TRUE ?o)))
   then "/response"
   else (if (and (member$ stable ?r) (= (length$ ?o) 0))
         then "/ongoing"
         else "/progressed_after")))

(deffunction finding-chemotherapy-outcome-gap-why (?r ?o)
  "Why that field decides nothing, when the case records it (empty: it is
   not recorded)."
  (if (member$ unknown ?r)
   then "response recorded as unknown"
   else (if (and (member$ stable ?r) (member$ TRUE ?o))
         then "stable disease while this chemotherapy is still given: whether it did not work is for the treating team"
         else "")))

(defrule finding-chemotherapy-failed-for-advanced-disease-unknown-outcome
  "A chemotherapy for advanced disease has no recorded response, no
   recorded course after it, or stable disease while it is still given (or
   not recorded as stopped): the treating team judges; none shows failure."
  (list-recorded (field "/prior_treatments"))
  (or (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                       (response $?r) (progressed-after $?pa)
                       (ongoing $?o&:(not (and (member$ FALSE ?pa) (or (member$ complete ?r) (member$ partial ?r) (and (member$ stable ?r) (member$ FALSE ?o))))))
                       (pointer ?p))
      (and (cancer (stage IV|IVA|IVB) (recurrent $?x&:(not (member$ TRUE ?x))))
           (prior-treatment (type chemotherapy) (setting primary)
                            (response $?r) (progressed-after $?pa)
                            (ongoing $?o&:(not (and (member$ FALSE ?pa) (or (member$ complete ?r) (member$ partial ?r) (and (member$ stable ?r) (member$ FALSE ?o))))))
                            (pointer ?p))))
  (not (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                        (response progression)))
  (not (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                        (progressed-after TRUE)))
  (not (and (cancer (stage IV|IVA|IVB) (recurrent $?x&:(not (member$ TRUE ?x))))
            (prior-treatment (type chemotherapy) (setting primary) (response progression))))
  (not (and (cancer (stage IV|IVA|IVB) (recurrent $?x&:(not (member$ TRUE ?x))))
            (prior-treatment (type chemotherapy) (setting primary) (progressed-after TRUE))))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value unknown)))
  (assert (finding-gap (finding chemotherapy-failed-for-advanced-disease)
                       (field (str-cat ?p (finding-chemotherapy-outcome-gap-field ?r ?o)))
                       (why (finding-chemotherapy-outcome-gap-why ?r ?o)))))

(defrule finding-chemotherapy-failed-for-advanced-disease-unknown-setting
  "A chemotherapy has no setting, so it may have been for advanced
   disease, and none shows failure."
  (list-recorded (field "/prior_treatments"))
  (prior-treatment (type chemotherapy) (setting) (pointer ?p))
  (not (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                        (response progression)))
  (not (prior-treatment (type chemotherapy) (setting metastatic|recurrent)
                        (progressed-after TRUE)))
  (not (and (cancer (stage IV|IVA|IVB) (recurrent $?x&:(not (member$ TRUE ?x))))
            (prior-treatment (type chemotherapy) (setting primary) (response progression))))
  (not (and (cancer (stage IV|IVA|IVB) (recurrent $?x&:(not (member$ TRUE ?x))))
            (prior-treatment (type chemotherapy) (setting primary) (progressed-after TRUE))))
  =>
  (assert (finding (name chemotherapy-failed-for-advanced-disease) (value unknown)))
  (assert (finding-gap (finding chemotherapy-failed-for-advanced-disease)
                       (field (str-cat ?p "/setting")))))

;;; ------------------------------------------------------------ performance status
;;; The sources say "adequate performance status" (SA-1) and "poor
;;; performance status" (SA-9) and give no scale. Read on the ECOG scale's
;;; own definitions: 0 fully active, 1 restricted in strenuous activity
;;; only: adequate; 3 capable of only limited self-care, confined to bed or
;;; chair more than half of waking hours, 4 completely disabled: poor; 2
;;; (capable of all self-care, up and about more than half of waking hours,
;;; unable to work) is neither word: the treating team judges, and the
;;; option is flagged (gates.clp).

(defrule finding-performance-status-adequate-yes
  "ECOG 0-1: adequate performance status."
  (patient (ecog 0|1))
  =>
  (assert (finding (name performance-status-adequate) (value yes))))

(defrule finding-performance-status-adequate-no
  "ECOG 3-4: not adequate (poor)."
  (patient (ecog 3|4))
  =>
  (assert (finding (name performance-status-adequate) (value no))))

(defrule finding-performance-status-adequate-unknown-ecog-2
  "ECOG 2: neither adequate nor poor on the scale's definitions; the
   treating team judges."
  (patient (ecog 2))
  =>
  (assert (finding (name performance-status-adequate) (value unknown))))

(defrule finding-performance-status-adequate-unknown-not-recorded
  "No ECOG performance status is recorded."
  (patient (ecog))
  =>
  (assert (finding (name performance-status-adequate) (value unknown))))

(defrule finding-performance-status-poor-yes
  "ECOG 3-4: poor performance status."
  (patient (ecog 3|4))
  =>
  (assert (finding (name performance-status-poor) (value yes))))

(defrule finding-performance-status-poor-no
  "ECOG 0-2: not poor."
  (patient (ecog 0|1|2))
  =>
  (assert (finding (name performance-status-poor) (value no))))

(defrule finding-performance-status-poor-unknown
  "No ECOG performance status is recorded."
  (patient (ecog))
  =>
  (assert (finding (name performance-status-poor) (value unknown))))
