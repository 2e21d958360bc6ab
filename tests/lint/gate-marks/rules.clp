;;; Lint fixture: gate marks and option declarations that name what does not exist: an option, a card, a finding; a history mark needs no cite, a lead does
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
  =>
  (assert (finding (name pd-l1-positive) (value no))))

(defrule cervix-recurrent-pembrolizumab
  "Pembrolizumab for PD-L1 positive tumours."
  (scope (guideline cervix-recurrent))
  (finding (name pd-l1-positive) (value yes))
  =>
  (assert (recommendation (id cervix-recurrent-pembrolizumab) (modality immunotherapy)
                          (agents pembrolizumab) (summary "Pembrolizumab") (cite cr6-pd-l1-only))))

(deffacts fixture-cards
  (card-def (id cervix-recurrent-systemic) (guideline cervix-recurrent) (kind systemic)
            (title "Systemic therapy")))

(defrule cervix-recurrent-pembrolizumab-on-card
  "Pembrolizumab on a card that does not exist."
  (scope (guideline cervix-recurrent))
  (finding (name pd-l1-positive) (value yes))
  =>
  (assert (recommendation (id cervix-recurrent-pembrolizumab-card) (modality immunotherapy)
                          (agents pembrolizumab) (summary "Pembrolizumab") (card cervix-recurrent-sytemic)
                          (cite cr6-pd-l1-only))))

(defrule gate-history-pembrolizumab
  "The patient had pembrolizumab (a mark naming a misspelt option)."
  (prior-treatment (agents $? pembrolizumab $?))
  =>
  (assert (history (option cervix-recurrent-pembrolizumb) (status received))))

(defrule gate-pending-pembrolizumab
  "Pembrolizumab waits for a finding that has no definition."
  (finding (name pd-l1-positive) (value no))
  =>
  (assert (pending (option cervix-recurrent-pembrolizumab) (finding pd-l1-status)
                   (cite cr6-pd-l1-only))))

(defrule gate-lead-pembrolizumab
  "A lead mark without a cite."
  (finding (name pd-l1-positive) (value yes))
  =>
  (assert (lead (option cervix-recurrent-pembrolizumab) (reason "PD-L1 positive"))))
