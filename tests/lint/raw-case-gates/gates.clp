;;; Lint fixture: gates.clp may conclude from case facts (an exclusion that
;;; names the prior treatment an option repeats): no warning.
;;; Built into a rule base with rules/schema.clp and rules/sources/ by
;;; tests/scripts/test_lint.sh; `expected` holds the lines lint must print.

(deffacts fixture-knowledge
  (citation (id a4-2-continue-while) (source "002_ce5144216419e930.txt") (label A4-2)
            (quote "Treatment usually continues as long as the cancer does not grow or spread any further and you can cope with the side effects.")))

(defrule scope-anal-stage4
  "Stage 4 anal cancer."
  (cancer (site anus) (stage IV))
  =>
  (assert (scope (guideline anal-stage4))))

(defrule anal-stage4-carboplatin-paclitaxel
  "Carboplatin and paclitaxel."
  (scope (guideline anal-stage4))
  =>
  (assert (recommendation (id anal-stage4-carboplatin-paclitaxel) (modality chemotherapy)
                          (agents carboplatin paclitaxel) (summary "Carboplatin and paclitaxel")
                          (cite a4-2-continue-while))))

(defrule gate-history-progressed-on-excludes
  "A regimen the cancer progressed on is not given again."
  (prior-treatment (response progression) (agents $?prior))
  (recommendation (id ?o) (modality ?m) (agents $?a&:(subsetp ?a ?prior)))
  =>
  (assert (exclusion (id (sym-cat ?o -excluded-progressed-on)) (option ?o) (modality ?m)
                     (agents $?a) (reason "Progressed on it.") (cite a4-2-continue-while))))
