;;; Lint fixture: a knowledge fact that gives rules their citations (a
;;; gate-cite row) must name citations that exist; a citation named only by
;;; such a fact is cited (no "never cited" warning).
;;; Built into a rule base with rules/schema.clp and rules/sources/ by
;;; tests/scripts/test_lint.sh; `expected` holds the lines lint must print.

(deffacts fixture-knowledge
  (citation (id a4-5-reasons) (source "002_ce5144216419e930.txt") (label A4-5)
            (quote "This may be because the cancer treatments don't work anymore, they're not likely to improve your condition or they may cause side effects that are hard to cope with."))
  (gate-cite (gate not-tolerated) (guideline anal-stage4) (cite a4-5-reasons))
  (gate-cite (gate progressed-on) (guideline anal-stage4)
             (cite a4-2-missing)))

(defrule scope-anal-stage4
  "Stage 4 anal cancer."
  (cancer (site anus) (stage IV))
  =>
  (assert (scope (guideline anal-stage4))))
