;;; gates.clp: patient-level gates, once, for every guideline.
;;;
;;; A guideline rule concludes an option when its source offers it for the
;;; disease; the options say what they are (docs/design.md, last section:
;;; `cancer-directed`, `with-chemotherapy`, `agents` and `choices`, `target`,
;;; `requires`). The gates below then apply what holds for the patient
;;; whatever the guideline, by those declarations:
;;;
;;;   1. The patient declines cancer treatment, or the treating team judges it
;;;      not possible: every cancer-directed option is excluded, and the care
;;;      the source gives that does not treat the cancer leads (supportive
;;;      care; for breast, whose source gives no supportive-care passage,
;;;      bisphosphonates and pain management).
;;;   2. Chemotherapy declined, or judged not suitable: every option that
;;;      contains chemotherapy (a drug of class chemotherapy among its agents
;;;      or choices, rules/drugs.clp; modality chemotherapy or
;;;      chemoradiation) or is given with it (`with-chemotherapy TRUE`) is
;;;      excluded.
;;;   3. Prior pelvic radiation: radiation, chemoradiation or brachytherapy
;;;      whose `target` is the pelvis is excluded where the guideline's
;;;      sources say so (the cervical guidelines, SA-7); radiation elsewhere
;;;      is never concerned. Not recorded: the pelvic option waits for it
;;;      (pending). A guideline whose sources are silent flags the option.
;;;   4. Performance status, on the ECOG scale's own definitions
;;;      (rules/findings.clp): an option that `requires
;;;      adequate-performance-status` is excluded at ECOG 3-4, flagged for
;;;      the team at ECOG 2, and waits for the ECOG when it is not recorded.
;;;      Poor performance status (ECOG 3-4) puts supportive care first, and
;;;      one serious warning says that the options with chemotherapy or
;;;      with curative intent were not chosen for it.
;;;   5. Treatment history, as a clinician reads it: a regimen the cancer
;;;      progressed on in advanced disease (setting metastatic or recurrent,
;;;      or primary treatment of a cancer that was stage IV at diagnosis;
;;;      response progression, or progression while it is still given), or
;;;      whose side effects could not be coped with, is not offered again,
;;;      ongoing or stopped: an option whose agents are all among that
;;;      treatment's drugs is excluded, pointing at the prior treatment. A
;;;      menu (choices) is not excluded for one failed drug; it is marked.
;;;      A drug not tolerated inside a larger regimen or a menu marks the
;;;      option (naming the drug) and gives a serious warning that names
;;;      the drug and the prior treatment.
;;;      Options the patient already had are marked (`history`: received,
;;;      progressed-on, not-tolerated). Progression on a treatment whose
;;;      setting is not recorded is flagged and the setting asked for;
;;;      progression after a stopped treatment for advanced disease with no
;;;      response recorded is flagged (serious) and the response asked for.
;;;      Treatment that stopped working, or side effects hard to cope with,
;;;      put supportive care first where the guideline's sources give those
;;;      reasons (000, 001, 002; not the breast source).
;;;
;;; Gates 2 to 5 exclude only while cancer treatment itself is not ruled out
;;; (gate 1), so that an option is ruled out once, for the reason that
;;; decides.
;;;
;;; Evidence: each gate cites, per guideline, the sentences of that
;;; guideline's sources it rests on: the `gate-cite` table below. A gate
;;; with no row for the guideline in scope does not exclude. The
;;; performance-status gates cite the option's own citations (the source
;;; that states the requirement). Each reading is written down once, with
;;; the source sentence and why, in docs/clinical-readings.md.
;;;
;;; These rules read case facts (the prior treatment an option repeats):
;;; lint allows it in this file and in drug-safety.clp only.

;;; ---------------------------------------------------------------- citations

(deffacts gate-citations
  (citation (id gate-c4-needs)
            (source "000_49ffac177dcf7645.txt") (label C4-9)
            (quote "Your healthcare team will suggest treatments based on your needs and work with you to develop a treatment plan."))
  (citation (id gate-cr-needs)
            (source "001_78575e265add836c.txt") (label CR-9)
            (quote "Your healthcare team will suggest treatments based on your needs and work with you to develop a treatment plan."))
  (citation (id gate-a4-needs)
            (source "002_ce5144216419e930.txt") (label A4-1)
            (quote "Your healthcare team will suggest treatments based on your needs and work with you to develop a treatment plan."))
  (citation (id gate-b4-unique-needs)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "The types of treatments given are based on the unique needs of the woman with cancer."))
  (citation (id gate-b4-overall-health)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "The type of treatment offered for stage IV breast cancer will depend on: • the hormone receptor status of the tumour • the HER2 status of the tumour • where the cancer has spread • bone • soft tissues • other organs (liver, lung or brain) • the woman’s overall health"))
  (citation (id gate-b4-until-no-longer-responds)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-10)
            (quote "Herceptin is given until the cancer no longer responds to treatment or progresses.")))

;;; ---------------------------------------------------------------- which sentence each gate rests on, per guideline

(deffacts gate-citation-table
  (gate-cite (gate declines-active-treatment) (guideline cervix-stage4) (cite c49-supportive-care))
  (gate-cite (gate declines-active-treatment) (guideline cervix-recurrent) (cite cr9-supportive-care))
  (gate-cite (gate declines-active-treatment) (guideline anal-stage4) (cite a4-5-cannot-or-do-not-want))
  (gate-cite (gate declines-active-treatment) (guideline breast-stage4) (cite gate-b4-unique-needs))

  (gate-cite (gate active-treatment-not-possible) (guideline cervix-stage4) (cite c49-supportive-care))
  (gate-cite (gate active-treatment-not-possible) (guideline cervix-recurrent) (cite cr9-supportive-care))
  (gate-cite (gate active-treatment-not-possible) (guideline anal-stage4) (cite a4-5-cannot-or-do-not-want))
  (gate-cite (gate active-treatment-not-possible) (guideline breast-stage4) (cite gate-b4-overall-health))

  (gate-cite (gate chemotherapy-declined) (guideline cervix-stage4) (cite gate-c4-needs))
  (gate-cite (gate chemotherapy-declined) (guideline cervix-recurrent) (cite gate-cr-needs))
  (gate-cite (gate chemotherapy-declined) (guideline anal-stage4) (cite gate-a4-needs))
  (gate-cite (gate chemotherapy-declined) (guideline breast-stage4) (cite gate-b4-unique-needs))

  (gate-cite (gate chemotherapy-not-suitable) (guideline cervix-stage4) (cite gate-c4-needs))
  (gate-cite (gate chemotherapy-not-suitable) (guideline cervix-recurrent) (cite gate-cr-needs))
  (gate-cite (gate chemotherapy-not-suitable) (guideline anal-stage4) (cite gate-a4-needs))
  (gate-cite (gate chemotherapy-not-suitable) (guideline breast-stage4) (cite gate-b4-overall-health))

  ;; SA-7 (003) is read for the pelvis in every cervical branch; the anal
  ;; and breast sources say nothing about radiation after pelvic radiation.
  (gate-cite (gate prior-pelvic-radiation) (guideline cervix-stage4)
             (cite sa7-contraindication sa7-reirradiation-investigational))
  (gate-cite (gate prior-pelvic-radiation) (guideline cervix-recurrent)
             (cite sa7-contraindication sa7-reirradiation-investigational))

  ;; No cervical sentence states the stop rule; the one that says what
  ;; follows chemotherapy that did not work is the cemiplimab sentence (G5).
  (gate-cite (gate progressed-on) (guideline cervix-stage4) (cite c47-cemiplimab))
  (gate-cite (gate progressed-on) (guideline cervix-recurrent) (cite cr5-cemiplimab))
  (gate-cite (gate progressed-on) (guideline anal-stage4) (cite a4-2-continue-while))
  (gate-cite (gate progressed-on) (guideline breast-stage4) (cite gate-b4-until-no-longer-responds))

  (gate-cite (gate not-tolerated) (guideline cervix-stage4) (cite c49-reasons))
  (gate-cite (gate not-tolerated) (guideline cervix-recurrent) (cite cr9-reasons))
  (gate-cite (gate not-tolerated) (guideline anal-stage4) (cite a4-2-continue-while))
  (gate-cite (gate not-tolerated) (guideline breast-stage4) (cite gate-b4-unique-needs))

  ;; Supportive care first when treatment stopped working, when side
  ;; effects were hard to cope with, and at poor performance status: the
  ;; reasons the sources that give supportive care state. The breast source
  ;; gives none of them (and no supportive-care passage): a breast patient
  ;; who progressed on one line of treatment has the next ones first.
  (gate-cite (gate treatment-stopped-working) (guideline cervix-stage4) (cite c49-reasons))
  (gate-cite (gate treatment-stopped-working) (guideline cervix-recurrent) (cite cr9-reasons))
  (gate-cite (gate treatment-stopped-working) (guideline anal-stage4) (cite a4-2-continue-while))

  (gate-cite (gate side-effects-not-coped-with) (guideline cervix-stage4) (cite c49-reasons))
  (gate-cite (gate side-effects-not-coped-with) (guideline cervix-recurrent) (cite cr9-reasons))
  (gate-cite (gate side-effects-not-coped-with) (guideline anal-stage4) (cite a4-2-continue-while))

  (gate-cite (gate poor-performance-status) (guideline cervix-stage4) (cite c49-reasons))
  (gate-cite (gate poor-performance-status) (guideline cervix-recurrent) (cite sa9-palliative-care))
  (gate-cite (gate poor-performance-status) (guideline anal-stage4) (cite a4-5-reasons))

  ;; Poor performance status and the options with chemotherapy or with
  ;; curative intent (reading G4): SA-9 names poor performance status for
  ;; the recurrent guideline; 000 and 002 are read as for supportive care
  ;; first (G6); 004 through "the woman's overall health".
  (gate-cite (gate poor-performance-status-treatment) (guideline cervix-stage4) (cite c49-reasons))
  (gate-cite (gate poor-performance-status-treatment) (guideline cervix-recurrent) (cite sa9-palliative-care))
  (gate-cite (gate poor-performance-status-treatment) (guideline anal-stage4) (cite a4-5-reasons))
  (gate-cite (gate poor-performance-status-treatment) (guideline breast-stage4) (cite gate-b4-overall-health)))

;;; ---------------------------------------------------------------- 1. no cancer treatment

(defrule gate-declines-active-treatment
  "The patient does not want cancer treatment: no cancer-directed option."
  (scope (guideline ?g))
  (gate-cite (gate declines-active-treatment) (guideline ?g) (cite $?c))
  (finding (name declines-active-treatment) (value yes))
  (recommendation (id ?o) (cancer-directed TRUE) (modality ?m) (agents $?a)
                  (procedure $?p))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-declines-treatment))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "The patient does not want cancer treatment; this option treats the cancer.")
            (cite $?c))))

(defrule gate-active-treatment-not-possible
  "The treating team judges cancer treatment not possible: no
   cancer-directed option (when the patient also declines it, her wish is
   the reason given)."
  (scope (guideline ?g))
  (gate-cite (gate active-treatment-not-possible) (guideline ?g) (cite $?c))
  (finding (name active-treatment-possible) (value no))
  (finding (name declines-active-treatment) (value ~yes))
  (recommendation (id ?o) (cancer-directed TRUE) (modality ?m) (agents $?a)
                  (procedure $?p))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-treatment-not-possible))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "The treating team judges that cancer treatment is not possible for the patient; this option treats the cancer.")
            (cite $?c))))

(defrule gate-declines-active-treatment-supportive-care-first
  "The patient does not want cancer treatment: the care that does not
   treat the cancer (supportive care; for breast, pain management and
   bisphosphonates) first."
  (scope (guideline ?g))
  (gate-cite (gate declines-active-treatment) (guideline ?g) (cite $?c))
  (finding (name declines-active-treatment) (value yes))
  (recommendation (id ?o) (cancer-directed FALSE))
  =>
  (assert (lead (option ?o)
                (reason "The patient does not want cancer treatment.")
                (cite $?c))))

(defrule gate-active-treatment-not-possible-supportive-care-first
  "Cancer treatment is judged not possible: the care that does not treat
   the cancer first."
  (scope (guideline ?g))
  (gate-cite (gate active-treatment-not-possible) (guideline ?g) (cite $?c))
  (finding (name active-treatment-possible) (value no))
  (recommendation (id ?o) (cancer-directed FALSE))
  =>
  (assert (lead (option ?o)
                (reason "The treating team judges that cancer treatment is not possible.")
                (cite $?c))))

;;; ---------------------------------------------------------------- 2. chemotherapy declined or not suitable

(defrule gate-chemotherapy-declined
  "The patient does not wish to have chemotherapy: no option that contains
   chemotherapy."
  (scope (guideline ?g))
  (gate-cite (gate chemotherapy-declined) (guideline ?g) (cite $?c))
  (finding (name declines-chemotherapy) (value yes))
  (finding (name cancer-treatment-ruled-out) (value no))
  (recommendation (id ?o) (modality ?m) (agents $?a) (procedure $?p))
  (or (recommendation (id ?o) (modality chemotherapy|chemoradiation))
      (and (recommendation (id ?o) (agents $? ?d $?))
           (drug (agent ?d) (classes $? chemotherapy $?)))
      (and (recommendation (id ?o) (choices $? ?d $?))
           (drug (agent ?d) (classes $? chemotherapy $?))))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-chemotherapy-declined))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "The patient does not wish to have chemotherapy; this option contains chemotherapy.")
            (cite $?c))))

(defrule gate-chemotherapy-declined-given-with
  "The patient does not wish to have chemotherapy: no option given with
   chemotherapy (the option's own source says so)."
  (scope (guideline ?g))
  (gate-cite (gate chemotherapy-declined) (guideline ?g) (cite $?c))
  (finding (name declines-chemotherapy) (value yes))
  (finding (name cancer-treatment-ruled-out) (value no))
  (recommendation (id ?o) (with-chemotherapy TRUE) (modality ?m) (agents $?a)
                  (procedure $?p) (cite $?oc))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-chemotherapy-declined))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "The patient does not wish to have chemotherapy; this option is given with chemotherapy.")
            (cite $?c $?oc))))

(defrule gate-chemotherapy-not-suitable
  "The treating team judges chemotherapy not suitable: no option that
   contains chemotherapy."
  (scope (guideline ?g))
  (gate-cite (gate chemotherapy-not-suitable) (guideline ?g) (cite $?c))
  (finding (name chemotherapy-suitable) (value no))
  (finding (name cancer-treatment-ruled-out) (value no))
  (recommendation (id ?o) (modality ?m) (agents $?a) (procedure $?p))
  (or (recommendation (id ?o) (modality chemotherapy|chemoradiation))
      (and (recommendation (id ?o) (agents $? ?d $?))
           (drug (agent ?d) (classes $? chemotherapy $?)))
      (and (recommendation (id ?o) (choices $? ?d $?))
           (drug (agent ?d) (classes $? chemotherapy $?))))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-chemotherapy-not-suitable))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "The treating team judges chemotherapy not suitable for the patient; this option contains chemotherapy.")
            (cite $?c))))

(defrule gate-chemotherapy-not-suitable-given-with
  "The treating team judges chemotherapy not suitable: no option given with
   chemotherapy (the option's own source says so)."
  (scope (guideline ?g))
  (gate-cite (gate chemotherapy-not-suitable) (guideline ?g) (cite $?c))
  (finding (name chemotherapy-suitable) (value no))
  (finding (name cancer-treatment-ruled-out) (value no))
  (recommendation (id ?o) (with-chemotherapy TRUE) (modality ?m) (agents $?a)
                  (procedure $?p) (cite $?oc))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-chemotherapy-not-suitable))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "The treating team judges chemotherapy not suitable for the patient; this option is given with chemotherapy.")
            (cite $?c $?oc))))

;;; ---------------------------------------------------------------- 3. prior pelvic radiation

(defrule gate-prior-pelvic-radiation
  "After pelvic radiation, no further radiation to the pelvis, where the
   guideline's sources say so; radiation elsewhere is not concerned."
  (scope (guideline ?g))
  (gate-cite (gate prior-pelvic-radiation) (guideline ?g) (cite $?c))
  (finding (name prior-pelvic-radiation) (value yes))
  (finding (name cancer-treatment-ruled-out) (value no))
  (recommendation (id ?o) (modality ?m&radiation|chemoradiation|brachytherapy)
                  (target pelvis) (agents $?a) (procedure $?p))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-prior-pelvic-radiation))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "The patient has had pelvic radiation: prior radiation is an absolute contraindication to further pelvic radiation in most cases (unacceptable toxicity); re-irradiation remains investigational, for highly selected cases. Radiation outside the pelvis is not concerned.")
            (cite $?c))))

(defrule gate-prior-pelvic-radiation-not-recorded
  "Radiation to the pelvis waits until the case says whether the pelvis was
   irradiated before: it is possible only if it was not (needs no)."
  (scope (guideline ?g))
  (gate-cite (gate prior-pelvic-radiation) (guideline ?g) (cite $?c))
  (finding (name prior-pelvic-radiation) (value unknown))
  (recommendation (id ?o) (modality radiation|chemoradiation|brachytherapy)
                  (target pelvis))
  =>
  (assert (pending (option ?o) (finding prior-pelvic-radiation) (needs no)
                   (cite $?c))))

(defrule gate-prior-pelvic-radiation-not-addressed
  "Earlier pelvic radiation and a pelvic radiation option, in a guideline
   whose sources do not say whether the pelvis is irradiated again: the
   option stays and is flagged for the team."
  (scope (guideline ?g))
  (not (gate-cite (gate prior-pelvic-radiation) (guideline ?g)))
  (finding (name prior-pelvic-radiation) (value yes))
  (recommendation (id ?o) (modality radiation|chemoradiation|brachytherapy)
                  (target pelvis) (cite $?oc))
  =>
  (assert (warning
            (id (sym-cat ?o -after-pelvic-radiation))
            (option ?o) (severity caution)
            (text "Earlier pelvic radiation is recorded. The source of this guideline does not say whether the pelvis is irradiated again after it: the treating team decides.")
            (cite $?oc))))

;;; ---------------------------------------------------------------- 4. performance status

(defrule gate-performance-status-poor-excludes
  "ECOG 3-4: an option that needs adequate performance status is not
   offered."
  (finding (name performance-status-adequate) (value no))
  (finding (name cancer-treatment-ruled-out) (value no))
  (recommendation (id ?o) (requires $? adequate-performance-status $?)
                  (modality ?m) (agents $?a) (procedure $?p) (cite $?oc))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-performance-status))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "Performance status is poor (ECOG 3-4: capable of only limited self-care, in bed or chair more than half of waking hours, or completely disabled); the source selects patients with adequate performance status for this treatment (for radical hysterectomy and resection, its words on pelvic exenteration are read for them: docs/clinical-readings.md G4).")
            (cite $?oc))))

(defrule gate-performance-status-2-flag
  "ECOG 2: neither adequate nor poor on the scale's definitions; the option
   stays, flagged for the team's judgement."
  (finding (name performance-status-adequate) (value unknown))
  (finding (name performance-status-poor) (value no))
  (recommendation (id ?o) (requires $? adequate-performance-status $?) (cite $?oc))
  =>
  (assert (warning
            (id (sym-cat ?o -performance-status-ecog-2))
            (option ?o) (severity caution)
            (text "ECOG 2: the source asks for adequate performance status and gives no scale. Read on the ECOG scale, 0-1 is adequate and 3-4 is poor; 2 (capable of all self-care and up and about more than half of waking hours, but unable to work) is for the treating team to judge before this option.")
            (cite $?oc))))

(defrule gate-performance-status-not-recorded
  "No ECOG recorded: an option that needs adequate performance status
   waits for it."
  (finding (name performance-status-adequate) (value unknown))
  (finding (name performance-status-poor) (value unknown))
  (recommendation (id ?o) (requires $? adequate-performance-status $?) (cite $?oc))
  =>
  (assert (pending (option ?o) (finding performance-status-adequate) (cite $?oc))))

(defrule gate-performance-status-poor-supportive-care-first
  "Poor performance status (ECOG 3-4): supportive care first, where the
   guideline's sources name poor performance status (SA-9)."
  (scope (guideline ?g))
  (gate-cite (gate poor-performance-status) (guideline ?g)
             (cite $?c&:(member$ sa9-palliative-care ?c)))
  (finding (name performance-status-poor) (value yes))
  (finding (name cancer-treatment-ruled-out) (value no))
  (recommendation (id ?o) (modality supportive-care) (cancer-directed FALSE))
  =>
  (assert (lead (option ?o)
                (reason "Performance status is poor (ECOG 3-4).")
                (cite $?c))))

(defrule gate-performance-status-poor-read-supportive-care-first
  "Poor performance status (ECOG 3-4), where the guideline's sources do not
   name performance status (000, 002): supportive care first, read from
   their reason 'not likely to improve your condition' (reading G6); the
   lead says it is a reading."
  (scope (guideline ?g))
  (gate-cite (gate poor-performance-status) (guideline ?g)
             (cite $?c&:(not (member$ sa9-palliative-care ?c))))
  (finding (name performance-status-poor) (value yes))
  (finding (name cancer-treatment-ruled-out) (value no))
  (recommendation (id ?o) (modality supportive-care) (cancer-directed FALSE))
  =>
  (assert (lead (option ?o)
                (reason "Performance status is poor (ECOG 3-4). The source does not name performance status; its reason for this care, cancer treatments not likely to improve the patient's condition, is read to include it.")
                (cite $?c))))

;;; At ECOG 3-4 the options the sources give for the disease stay listed
;;; (none of them states a performance-status requirement, and SA-9 asks
;;; for supportive care to be discussed *alongside* systemic therapy), but
;;; the ones that weigh most on a patient in bed or chair most of the day,
;;; those that contain or are given with chemotherapy and those with
;;; curative intent ("preferred" chemoradiation included), get one serious
;;; warning for the whole case (not one line per option): it is listed
;;; while one of them is offered (it rests on each), and says the options
;;; were not chosen for her performance status (clinician review 8,
;;; finding 4; reading G4).

(deffunction gate-holds-chemotherapy (?drugs)
  "Whether one of ?drugs is of the class chemotherapy (drugs.clp)."
  (any-factp ((?d drug)) (and (member$ chemotherapy ?d:classes) (member$ ?d:agent ?drugs))))

(defrule gate-performance-status-poor-demanding-options
  "ECOG 3-4: options with chemotherapy or with curative intent are listed
   for the disease, not for a patient at poor performance status: one
   serious warning, for the team to judge whether the patient can have them with
   supportive care discussed alongside (SA-9, or the reading of G4 where
   the guideline's source does not name performance status)."
  (scope (guideline ?g))
  (gate-cite (gate poor-performance-status-treatment) (guideline ?g) (cite $?c))
  (finding (name performance-status-poor) (value yes))
  (finding (name cancer-treatment-ruled-out) (value no))
  (patient (ecog ?ecog))
  ;; One activation per option, whatever it holds: as an `or` of patterns
  ;; this fired once per chemotherapy drug of each option (a menu of 14
  ;; drugs, 14 times), each firing building and hashing the long text:
  ;; a fifth of all rule work over a bench of cases a tenth of which are
  ;; at ECOG 3-4 (bench/README, eighth session).
  (recommendation (id ?o) (cancer-directed TRUE) (intent ?intent)
                  (with-chemotherapy ?with) (modality ?m) (agents $?a) (choices $?ch))
  (test (or (eq ?intent curative) (eq ?with TRUE) (eq ?m chemotherapy) (eq ?m chemoradiation)
            (gate-holds-chemotherapy (create$ ?a ?ch))))
  =>
  (assert (warning
            (id gate-performance-status-poor-demanding-options)
            (severity serious)
            (text (str-cat "ECOG " ?ecog ", poor performance status: the options that contain or are given with chemotherapy, or have curative intent, are listed as the source gives them for the disease (any \"preferred\" label is the source's, for the disease), not chosen for a patient at poor performance status. "
                           (if (member$ sa9-palliative-care ?c)
                               then "For poor performance status the source says palliative/best supportive care should be discussed alongside systemic therapy options"
                               else (if (member$ gate-b4-overall-health ?c)
                                        then "The source does not name performance status; it says the treatment offered depends on the woman's overall health"
                                        else "The source does not name performance status; its reason for supportive care, cancer treatments not likely to improve the patient's condition, is read to include it"))
                           ": whether the patient can have them is for the treating team."))
            (cite $?c))))

;;; ---------------------------------------------------------------- 5. treatment history
;;; "Progressed on" a treatment for advanced disease: its setting is
;;; metastatic or recurrent (or primary, for a cancer that was stage IV at
;;; diagnosis and has not been recorded as recurrent: its first treatment
;;; was for advanced disease), and its response was progression or the
;;; cancer progressed while it was still being given. Progression after a
;;; treatment had ended, with a response on it, is not: the drugs stay
;;; available (marked received).

(defrule gate-history-progressed-on-excludes
  "A regimen the cancer progressed on in advanced disease is not offered
   again, ongoing or stopped."
  (scope (guideline ?g))
  (gate-cite (gate progressed-on) (guideline ?g) (cite $?c))
  (finding (name cancer-treatment-ruled-out) (value no))
  (or (prior-treatment (setting metastatic|recurrent) (response progression)
                       (agents $?prior&:(> (length$ ?prior) 0)))
      (prior-treatment (setting metastatic|recurrent) (progressed-after TRUE) (ongoing TRUE)
                       (agents $?prior&:(> (length$ ?prior) 0)))
      (and (cancer (stage IV|IVA|IVB) (recurrent $?r&:(not (member$ TRUE ?r))))
           (prior-treatment (setting primary) (response progression)
                            (agents $?prior&:(> (length$ ?prior) 0))))
      (and (cancer (stage IV|IVA|IVB) (recurrent $?r&:(not (member$ TRUE ?r))))
           (prior-treatment (setting primary) (progressed-after TRUE) (ongoing TRUE)
                            (agents $?prior&:(> (length$ ?prior) 0)))))
  (recommendation (id ?o) (modality ?m) (procedure $?p)
                  (agents $?a&:(> (length$ ?a) 0)&:(subsetp ?a ?prior)))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-progressed-on))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "The cancer progressed on a treatment for advanced disease that contained all of this option's drugs: treatment continues only while it works, so this option is not offered again (an option that adds other drugs to them stays, marked, for the treating team).")
            (cite $?c))))

(defrule gate-history-not-tolerated-excludes
  "A regimen whose side effects could not be coped with is not offered
   again, ongoing or stopped."
  (scope (guideline ?g))
  (gate-cite (gate not-tolerated) (guideline ?g) (cite $?c))
  (finding (name cancer-treatment-ruled-out) (value no))
  (prior-treatment (tolerated FALSE) (agents $?prior&:(> (length$ ?prior) 0)))
  (recommendation (id ?o) (modality ?m) (procedure $?p)
                  (agents $?a&:(> (length$ ?a) 0)&:(subsetp ?a ?prior)))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-not-tolerated))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "The side effects of a treatment that contained all of this option's drugs could not be coped with: this option is not offered again (an option that adds other drugs to them stays, marked, for the treating team).")
            (cite $?c))))

(defrule gate-history-progression-setting-not-recorded
  "The cancer progressed on a regimen whose setting is not recorded: if it
   was given for advanced disease it is not given again; the option is
   flagged and the setting asked for."
  (finding (name cancer-treatment-ruled-out) (value no))
  (or (prior-treatment (setting) (response progression)
                       (agents $?prior&:(> (length$ ?prior) 0)))
      (prior-treatment (setting) (progressed-after TRUE) (ongoing TRUE)
                       (agents $?prior&:(> (length$ ?prior) 0))))
  (recommendation (id ?o) (agents $?a&:(> (length$ ?a) 0)&:(subsetp ?a ?prior))
                  (cite $?oc))
  =>
  (assert (warning
            (id (sym-cat ?o -progressed-on-setting-not-recorded))
            (option ?o) (severity serious)
            (text "The cancer progressed on a treatment that contained all of these drugs, and its setting is not recorded: if it was given for advanced (metastatic or recurrent) disease, these drugs are not given again. Record the setting.")
            (cite $?oc))))

(defrule gate-history-progression-setting-missing
  "The setting of a treatment the cancer progressed on decides whether an
   option that repeats it is offered."
  (or (prior-treatment (setting) (response progression) (pointer ?t)
                       (agents $?prior&:(> (length$ ?prior) 0)))
      (prior-treatment (setting) (progressed-after TRUE) (ongoing TRUE) (pointer ?t)
                       (agents $?prior&:(> (length$ ?prior) 0))))
  (recommendation (agents $?a&:(> (length$ ?a) 0)&:(subsetp ?a ?prior)))
  =>
  (assert (missing
            (field (str-cat ?t "/setting"))
            (needed-for "deciding whether a regimen the cancer progressed on was given for advanced disease (then it is not given again)"))))

(defrule gate-history-progression-response-not-recorded
  "The cancer progressed after a treatment for advanced disease that is no
   longer given, and no response to it is recorded: whether it progressed
   on it (then it is not given again) or after a response (then it stays)
   is not known. The option stays, flagged (serious), and the response is
   asked for; it is not read as progression on it (never guess)."
  (scope (guideline ?g))
  (gate-cite (gate progressed-on) (guideline ?g) (cite $?c))
  (finding (name cancer-treatment-ruled-out) (value no))
  (or (prior-treatment (setting metastatic|recurrent) (progressed-after TRUE)
                       (ongoing $?on&:(not (member$ TRUE ?on)))
                       (response $?r&:(or (= (length$ ?r) 0) (member$ unknown ?r)))
                       (pointer ?t) (agents $?prior&:(> (length$ ?prior) 0)))
      (and (cancer (stage IV|IVA|IVB) (recurrent $?rec&:(not (member$ TRUE ?rec))))
           (prior-treatment (setting primary) (progressed-after TRUE)
                            (ongoing $?on&:(not (member$ TRUE ?on)))
                            (response $?r&:(or (= (length$ ?r) 0) (member$ unknown ?r)))
                            (pointer ?t) (agents $?prior&:(> (length$ ?prior) 0)))))
  (recommendation (id ?o) (agents $?a&:(> (length$ ?a) 0)&:(subsetp ?a ?prior)))
  =>
  (assert (warning
            (id (sym-cat ?o -progressed-response-not-recorded))
            (option ?o) (severity serious)
            (text (str-cat "The cancer progressed after a treatment for advanced disease that contained all of these drugs (" ?t
                           "), and no response to it is recorded: if the cancer grew while it was being given, these drugs are not given again; if it grew only after it was stopped, they may be. Record the response, progression if it grew while it was given (" ?t "/response)."))
            (cite $?c))))

(defrule gate-history-progression-response-missing
  "The response to a treatment for advanced disease that the cancer
   progressed after decides whether an option that repeats it is offered."
  (scope (guideline ?g))
  (gate-cite (gate progressed-on) (guideline ?g))
  (finding (name cancer-treatment-ruled-out) (value no))
  (or (prior-treatment (setting metastatic|recurrent) (progressed-after TRUE)
                       (ongoing $?on&:(not (member$ TRUE ?on))) (response)
                       (pointer ?t) (agents $?prior&:(> (length$ ?prior) 0)))
      (and (cancer (stage IV|IVA|IVB) (recurrent $?rec&:(not (member$ TRUE ?rec))))
           (prior-treatment (setting primary) (progressed-after TRUE)
                            (ongoing $?on&:(not (member$ TRUE ?on))) (response)
                            (pointer ?t) (agents $?prior&:(> (length$ ?prior) 0)))))
  (recommendation (agents $?a&:(> (length$ ?a) 0)&:(subsetp ?a ?prior)))
  =>
  (assert (missing
            (field (str-cat ?t "/response"))
            (needed-for "deciding whether the cancer progressed on a regimen given for advanced disease (then it is not given again) or after a response to it"))))

;;; Marks: what the patient already had of an option. A regimen is marked
;;; received when all its agents were in one prior treatment (or it is the
;;; one drug of a medication); a menu when one of its choices was, naming
;;; that drug; a regimen given with one of some choices (pertuzumab and
;;; trastuzumab with a taxane) when its agents and one of the choices were
;;; (so a taxane alone does not mark it). Progressed-on and not-tolerated
;;; marks go drug by drug: each drug of the option (agent or choice) that
;;; was in a treatment the cancer progressed on, or whose side effects were
;;; not coped with, is named, so that a 20-drug menu or a combination that
;;; shares one drug with a failed line says which drug
;;; (docs/clinical-readings.md, G5).

(defrule gate-history-received
  "The patient had this regimen, it did not fail and was tolerated."
  (prior-treatment (agents $?prior&:(> (length$ ?prior) 0))
                   (response $?r&:(not (member$ progression ?r)))
                   (progressed-after $?after) (ongoing $?on)
                   (tolerated $?t&:(not (member$ FALSE ?t))))
  (test (not (and (member$ TRUE ?after) (member$ TRUE ?on))))
  (recommendation (id ?o) (agents $?a&:(> (length$ ?a) 0)&:(subsetp ?a ?prior)))
  =>
  (assert (history (option ?o) (status received))))

(defrule gate-history-received-menu
  "The patient had one of this menu's drugs, it did not fail and was
   tolerated: the mark names the drug."
  (prior-treatment (agents $?prior&:(> (length$ ?prior) 0))
                   (response $?r&:(not (member$ progression ?r)))
                   (progressed-after $?after) (ongoing $?on)
                   (tolerated $?t&:(not (member$ FALSE ?t))))
  (test (not (and (member$ TRUE ?after) (member$ TRUE ?on))))
  (recommendation (id ?o) (agents) (choices $? ?d&:(member$ ?d ?prior) $?))
  =>
  (assert (history (option ?o) (status received) (agent ?d))))

(defrule gate-history-received-regimen-with-choice
  "The patient had this regimen's drugs together with one of its choices,
   it did not fail and was tolerated."
  (prior-treatment (agents $?prior&:(> (length$ ?prior) 0))
                   (response $?r&:(not (member$ progression ?r)))
                   (progressed-after $?after) (ongoing $?on)
                   (tolerated $?t&:(not (member$ FALSE ?t))))
  (test (not (and (member$ TRUE ?after) (member$ TRUE ?on))))
  (recommendation (id ?o) (agents $?a&:(> (length$ ?a) 0)&:(subsetp ?a ?prior))
                  (choices $? ?d&:(member$ ?d ?prior) $?))
  =>
  (assert (history (option ?o) (status received))))

(defrule gate-history-received-medication
  "The patient takes or took this option's one drug, or one of its
   choices (when no prior treatment already records it): the mark names
   the drug."
  (medication (agent ?d))
  (not (prior-treatment (agents $? ?d $?)))
  (or (recommendation (id ?o) (agents ?d))
      (recommendation (id ?o) (choices $? ?d $?)))
  =>
  (assert (history (option ?o) (status received) (agent ?d))))

(defrule gate-history-progressed-on
  "The cancer progressed on a treatment with one of this option's drugs
   (any setting: the mark shows what happened): the option is marked drug
   by drug, naming the drug, whether it is the whole regimen, one drug of a
   larger regimen or one of a menu's choices."
  (or (prior-treatment (response progression) (agents $? ?d $?))
      (prior-treatment (progressed-after TRUE) (ongoing TRUE) (agents $? ?d $?)))
  (or (recommendation (id ?o) (agents $? ?d $?))
      (recommendation (id ?o) (choices $? ?d $?)))
  =>
  (assert (history (option ?o) (status progressed-on) (agent ?d))))

(defrule gate-history-not-tolerated
  "The side effects of a treatment with one of this option's drugs, or of
   its choices, could not be coped with: the option is marked, naming the
   drug, whether the drug is given alone, inside a larger regimen or as one
   of a menu's choices."
  (prior-treatment (tolerated FALSE) (agents $? ?d $?))
  (or (recommendation (id ?o) (agents $? ?d $?))
      (recommendation (id ?o) (choices $? ?d $?)))
  =>
  (assert (history (option ?o) (status not-tolerated) (agent ?d))))

(defrule gate-history-not-tolerated-drug-offered
  "A drug whose side effects could not be coped with, in an option that is
   still offered (inside a larger regimen, or one of a menu's choices; an
   option whose drugs were all in that treatment is excluded above): a
   serious warning naming the drug and the prior treatment, once per drug
   (it rests on the options that include it, so it is listed only while
   one of them is offered)."
  (scope (guideline ?g))
  (gate-cite (gate not-tolerated) (guideline ?g) (cite $?c))
  (prior-treatment (tolerated FALSE) (agents $? ?d $?))
  (or (recommendation (id ?o) (agents $? ?d $?))
      (recommendation (id ?o) (choices $? ?d $?)))
  =>
  ;; Every treatment with the drug that could not be coped with, in case
  ;; order: the warning is one per drug, and names each of them.
  (bind ?t "")
  (do-for-all-facts ((?p prior-treatment))
                    (and (member$ FALSE ?p:tolerated) (member$ ?d ?p:agents))
    (bind ?t (str-cat ?t (if (eq ?t "") then "" else ", ") ?p:pointer)))
  (assert (warning
            (id (sym-cat not-tolerated- ?d))
            (agent ?d) (severity serious)
            (text (str-cat "The side effects of an earlier treatment with " ?d " (" ?t
                           ") could not be coped with. Options that still include it (inside a larger regimen, or as one of a menu's choices) are marked 'not tolerated: " ?d
                           "'; treatment continues only while its side effects can be coped with: the treating team decides whether to give it again, leave it out or choose another option."))
            (cite $?c))))

(defrule gate-history-stopped-working-supportive-care-first
  "The cancer progressed on treatment for advanced disease (the treatments
   may not work any more): supportive care first."
  (scope (guideline ?g))
  (gate-cite (gate treatment-stopped-working) (guideline ?g) (cite $?c))
  (or (prior-treatment (setting metastatic|recurrent) (response progression))
      (prior-treatment (setting metastatic|recurrent) (progressed-after TRUE) (ongoing TRUE))
      (and (cancer (stage IV|IVA|IVB) (recurrent $?r&:(not (member$ TRUE ?r))))
           (prior-treatment (setting primary) (response progression)))
      (and (cancer (stage IV|IVA|IVB) (recurrent $?r&:(not (member$ TRUE ?r))))
           (prior-treatment (setting primary) (progressed-after TRUE) (ongoing TRUE))))
  (finding (name cancer-treatment-ruled-out) (value no))
  (recommendation (id ?o) (modality supportive-care) (cancer-directed FALSE))
  =>
  (assert (lead (option ?o)
                (reason "The cancer progressed on treatment for advanced disease: cancer treatments may not work any more.")
                (cite $?c))))

(defrule gate-history-side-effects-supportive-care-first
  "Side effects of a treatment could not be coped with: supportive care
   first."
  (scope (guideline ?g))
  (gate-cite (gate side-effects-not-coped-with) (guideline ?g) (cite $?c))
  (prior-treatment (tolerated FALSE))
  (finding (name cancer-treatment-ruled-out) (value no))
  (recommendation (id ?o) (modality supportive-care) (cancer-directed FALSE))
  =>
  (assert (lead (option ?o)
                (reason "The side effects of a treatment could not be coped with.")
                (cite $?c))))
