;;; Lint fixture: a mistake only CLIPS sees (a call with too few arguments): CLIPS's error, in lint's file:line:col style and words
;;; Built into a rule base with rules/schema.clp and rules/sources/ by
;;; tests/scripts/test_lint.sh; `expected` holds the lines lint must print.

(deffacts fixture-knowledge
  (finding-def (name pd-l1-positive) (text "PD-L1 positive tumour")
               (fields "/biomarkers/PD-L1"))
  (citation (id cr6-pd-l1-only) (source "001_78575e265add836c.txt") (label CR-6)
            (quote "Pembrolizumab is only used for cervical cancer tumours that have the PD-L1 checkpoint protein.")))

(defrule scope-cervix-recurrent
  "Recurrent cervical cancer."
  (cancer (site cervix) (recurrent TRUE))
  =>
  (assert (scope (guideline cervix-recurrent))))

(defrule finding-pd-l1-positive-yes
  "PD-L1 positive."
  (biomarker (name PD-L1) (status positive))
  =>
  (assert (finding (name pd-l1-positive) (value yes))))

(defrule finding-pd-l1-positive-no
  "PD-L1 negative."
  (biomarker (name PD-L1) (status negative))
  (test (> 1))
  =>
  (assert (finding (name pd-l1-positive) (value no))))

(defrule cervix-recurrent-pembrolizumab
  "Pembrolizumab for PD-L1 positive tumours."
  (scope (guideline cervix-recurrent))
  (finding (name pd-l1-positive) (value yes))
  =>
  (assert (recommendation (id cervix-recurrent-pembrolizumab) (modality immunotherapy)
                          (agents pembrolizumab) (summary "Pembrolizumab") (cite cr6-pd-l1-only))))
