;;; drug-safety.clp: bevacizumab safety warnings, and adverse events
;;; attributed to any drug, whatever the cancer.
;;;
;;; Source: 003_4fdd2d6f18fb6015.txt ("Treatment of Recurrent Cervical
;;; Squamous Cell Carcinoma"), section "Bevacizumab-Specific Warnings",
;;; knowledge-map label SA-8. The warnings follow the drug wherever the case
;;; records it, in any guideline:
;;;   - a medication: `(medication (agent bevacizumab))`, taken now (status
;;;     active) or recently (its last dose counts for the 28-day washout);
;;;   - an ongoing prior treatment: `(prior-treatment (agents ... bevacizumab
;;;     ...) (ongoing TRUE))`, the drug still being given even when it is not
;;;     listed among the medications (the case format allows both);
;;;   - a proposed option: a recommendation whose agents contain bevacizumab.
;;; "On bevacizumab" below means an active medication or an ongoing prior
;;; treatment: the finding on-bevacizumab, which lists every record behind
;;; it. Like gates.clp, these rules match case facts and recommendations
;;; directly (docs/rule-authoring.md): a warning or an exclusion names the
;;; fact it rests on. A warning about a proposed option that a gate rules out
;;; is not listed (the engine drops it).
;;;
;;; No rule pairs two lists of the case (medications with planned
;;; procedures, treatments with adverse events): a case may hold 256 of
;;; each, and a rule that fires once per pair would multiply
;;; (docs/rule-authoring.md, "How not to multiply"). The side that only has
;;; to exist is a finding (on bevacizumab, elective surgery planned), which
;;; the engine keeps once with all its records; where the 28-day sum needs
;;; one medication and one surgery, the rule takes the binding ones: the
;;; most recent dose and the earliest elective surgery (ties: the first by
;;; pointer), which decide whether any pair falls short.
;;;
;;; What the source says, and nothing more:
;;;   - monitor for gastrointestinal perforation, fistula formation and
;;;     severe haemorrhage; discontinue for grade 3-4 events;
;;;   - withhold at least 28 days prior to elective surgery; do not resume
;;;     until adequate wound healing;
;;;   - monitor blood pressure and manage hypertension; discontinue for
;;;     hypertensive crisis or encephalopathy;
;;;   - screen for proteinuria; discontinue for nephrotic syndrome.
;;;
;;; The 28-day washout, precisely. "Withhold bevacizumab at least 28 days
;;; prior to elective surgery" is read as: the last dose before an elective
;;; surgery must be given at least 28 days before the day of the surgery.
;;; With the case fields, the interval from the last dose to the surgery is
;;;     last_dose_days_ago + days_from_now   (days)
;;; and the washout is met when that sum is >= 28, not met when it is < 28.
;;; With a dose given today (0 days ago): surgery in 27 days is not met,
;;; in 28 days is met (exactly 28), in 35 days is met. A patient still on
;;; the drug (status active) with the washout met so far still gets a
;;; warning: no further dose may fall in the 28 days before the surgery.
;;; When the last dose or the surgery date is not recorded the interval
;;; cannot be checked: the warning says so and the field is reported as
;;; missing. An ongoing prior treatment with bevacizumab beside medication
;;; records that say it was stopped (and none that it is active): the
;;; records disagree, the last dose may be more recent than recorded, and
;;; the team is told to check which record is right (audit 2.3; reading in
;;; docs/clinical-readings.md, G8). Emergency surgery is not covered: the
;;; source speaks of elective surgery only.
;;;
;;; Adverse events: the source says "discontinue bevacizumab for grade 3-4
;;; events" without asking who caused them, so an event counts whatever
;;; drug the case attributes it to (the `agent` of an adverse event is
;;; shown in the explanation, not tested). Hypertensive crisis,
;;; hypertensive encephalopathy and nephrotic syndrome count at any grade;
;;; perforation, fistula and haemorrhage at grade 3 or 4. For a patient on
;;; bevacizumab the event gives a critical warning (discontinue); in every
;;; case it excludes the options that contain bevacizumab, citing only the
;;; sentence about that event (the source does not address starting
;;; bevacizumab after such an event; the rule base does not start it, and
;;; says so). A perforation, fistula or haemorrhage with no grade recorded
;;; gets its own warning and the grade is reported as missing.

(deffacts drug-safety-citations
  (citation (id sa8-perforation-fistula-haemorrhage)
            (source "003_4fdd2d6f18fb6015.txt")
            (label SA-8)
            (quote "Monitor for gastrointestinal perforation, fistula formation, and severe hemorrhage - discontinue bevacizumab for grade 3-4 events"))
  (citation (id sa8-elective-surgery)
            (source "003_4fdd2d6f18fb6015.txt")
            (label SA-8)
            (quote "Withhold bevacizumab at least 28 days prior to elective surgery and do not resume until adequate wound healing"))
  (citation (id sa8-blood-pressure)
            (source "003_4fdd2d6f18fb6015.txt")
            (label SA-8)
            (quote "Monitor blood pressure and manage hypertension; discontinue for hypertensive crisis or encephalopathy"))
  (citation (id sa8-proteinuria)
            (source "003_4fdd2d6f18fb6015.txt")
            (label SA-8)
            (quote "Screen for proteinuria; discontinue for nephrotic syndrome")))

;;; ------------------------------------------------------------ findings
;;; Each is one fact however many records support it (rules/schema.clp):
;;; the rules below pair it with the one list they need, never two lists.
;;; Only `yes` is derived: the rules test nothing else, and a finding that
;;; is absent is not met.

(deffacts drug-safety-findings
  (finding-def (name on-bevacizumab)
               (text "on bevacizumab (an active medication, or an ongoing treatment with it)")
               (fields "/medications" "/prior_treatments"))
  (finding-def (name bevacizumab-recent)
               (text "bevacizumab taken now, in the last 28 days, or at an unrecorded time")
               (fields "/medications" "/prior_treatments"))
  (finding-def (name bevacizumab-recorded-stopped)
               (text "a medication record says bevacizumab was stopped")
               (fields "/medications"))
  (finding-def (name elective-surgery-planned)
               (text "elective surgery planned")
               (fields "/planned_procedures"))
  (finding-def (name elective-surgery-date-not-recorded)
               (text "an elective surgery planned with no date recorded")
               (fields "/planned_procedures")))

(defrule finding-on-bevacizumab-yes-medication
  "Bevacizumab is an active medication."
  (medication (agent bevacizumab) (status active))
  =>
  (assert (finding (name on-bevacizumab) (value yes))))

(defrule finding-on-bevacizumab-yes-ongoing-treatment
  "A prior treatment with bevacizumab is still being given."
  (prior-treatment (agents $? bevacizumab $?) (ongoing TRUE))
  =>
  (assert (finding (name on-bevacizumab) (value yes))))

(defrule finding-bevacizumab-recent-yes-medication
  "Bevacizumab taken now, less than 28 days ago, or at an unrecorded time."
  (medication (agent bevacizumab) (status ?status) (last-dose-days-ago $?last))
  (test (or (eq ?status active)
            (= (length$ ?last) 0)
            (< (nth$ 1 ?last) 28)))
  =>
  (assert (finding (name bevacizumab-recent) (value yes))))

(defrule finding-bevacizumab-recent-yes-ongoing-treatment
  "A prior treatment with bevacizumab is still being given."
  (prior-treatment (agents $? bevacizumab $?) (ongoing TRUE))
  =>
  (assert (finding (name bevacizumab-recent) (value yes))))

(defrule finding-bevacizumab-recorded-stopped-yes
  "A medication record says bevacizumab was stopped."
  (medication (agent bevacizumab) (status stopped))
  =>
  (assert (finding (name bevacizumab-recorded-stopped) (value yes))))

(defrule finding-elective-surgery-planned-yes
  "An elective surgery is planned."
  (planned-procedure (type elective-surgery))
  =>
  (assert (finding (name elective-surgery-planned) (value yes))))

(defrule finding-elective-surgery-date-not-recorded-yes
  "An elective surgery is planned with no date."
  (planned-procedure (type elective-surgery) (days-from-now))
  =>
  (assert (finding (name elective-surgery-date-not-recorded) (value yes))))

;;; ------------------------------------------------------------ elective surgery
;;; The 28-day sum: the most recent bevacizumab dose, whichever medication
;;; record gives it, active or stopped (the smallest last_dose_days_ago;
;;; ties, the first medication by pointer), and the earliest dated elective
;;; surgery (ties, the first by pointer). If that pair meets the 28 days,
;;; every pair does; if it does not, it is the one the team must act on.
;;; "Met so far" is only said when every active record gives its last dose
;;; (an undated one may be more recent: last-dose-unknown says so).

(defrule drug-safety-bevacizumab-surgery-washout-not-met
  "The most recent bevacizumab dose and the earliest planned elective
   surgery are less than 28 days apart (last_dose_days_ago + days_from_now
   < 28): the source says to withhold bevacizumab at least 28 days prior
   to elective surgery."
  (medication (agent bevacizumab) (last-dose-days-ago ?last) (pointer ?m))
  (not (medication (agent bevacizumab) (last-dose-days-ago ?l&:(< ?l ?last))))
  (not (medication (agent bevacizumab) (last-dose-days-ago ?last)
                   (pointer ?m2&:(< (str-compare ?m2 ?m) 0))))
  (planned-procedure (type elective-surgery) (pointer ?p)
                     (days-from-now ?days&:(< (+ ?last ?days) 28)))
  (not (planned-procedure (type elective-surgery) (days-from-now ?d&:(< ?d ?days))))
  (not (planned-procedure (type elective-surgery) (days-from-now ?days)
                          (pointer ?p2&:(< (str-compare ?p2 ?p) 0))))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-surgery-washout)
            (agent bevacizumab)
            (severity critical)
            (text (str-cat "Elective surgery is planned in " ?days
                           " days and the last bevacizumab dose was " ?last
                           " days ago: " (+ ?last ?days)
                           " days between the last dose and the surgery, less than the 28 days the source requires"
                           " (withhold bevacizumab at least 28 days prior to elective surgery)."
                           " Give no further dose before the surgery, and do not resume until adequate wound healing."))
            (cite sa8-elective-surgery))))

(defrule drug-safety-bevacizumab-withhold-before-surgery
  "The patient is still on bevacizumab (an active medication record) and
   the 28 days from its most recent dose, whichever record gives it, to the
   earliest planned elective surgery are met so far (sum >= 28): no
   further dose may fall within the 28 days before the surgery."
  (medication (agent bevacizumab) (status active) (pointer ?a))
  (not (medication (agent bevacizumab) (status active)
                   (pointer ?a2&:(< (str-compare ?a2 ?a) 0))))
  (not (medication (agent bevacizumab) (status active) (last-dose-days-ago)))
  (medication (agent bevacizumab) (last-dose-days-ago ?last) (pointer ?m))
  (not (medication (agent bevacizumab) (last-dose-days-ago ?l&:(< ?l ?last))))
  (not (medication (agent bevacizumab) (last-dose-days-ago ?last)
                   (pointer ?m2&:(< (str-compare ?m2 ?m) 0))))
  (planned-procedure (type elective-surgery) (pointer ?p)
                     (days-from-now ?days&:(>= (+ ?last ?days) 28)))
  (not (planned-procedure (type elective-surgery) (days-from-now ?d&:(< ?d ?days))))
  (not (planned-procedure (type elective-surgery) (days-from-now ?days)
                          (pointer ?p2&:(< (str-compare ?p2 ?p) 0))))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-withhold-before-surgery)
            (agent bevacizumab)
            (severity serious)
            (text (str-cat "Elective surgery is planned in " ?days
                           " days while the patient is on bevacizumab (last dose " ?last
                           " days ago). The source says to withhold bevacizumab at least 28 days prior to elective surgery: "
                           (if (<= ?days 28)
                               then "give no further dose before the surgery"
                               else (str-cat "no dose from " (- ?days 28)
                                             " days from now until the surgery"))
                           ", and do not resume until adequate wound healing."))
            (cite sa8-elective-surgery))))

(defrule drug-safety-bevacizumab-surgery-last-dose-unknown
  "An elective surgery is planned and the patient takes or took
   bevacizumab, but the last dose is not recorded (a medication without
   it, or an ongoing prior treatment with no medication entry): the 28-day
   interval cannot be checked."
  (or (medication (agent bevacizumab) (last-dose-days-ago))
      (and (prior-treatment (agents $? bevacizumab $?) (ongoing TRUE))
           (not (medication (agent bevacizumab)))))
  (finding (name elective-surgery-planned) (value yes))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-surgery-last-dose-unknown)
            (agent bevacizumab)
            (severity serious)
            (text "Elective surgery is planned and the date of the last bevacizumab dose is not recorded, so the 28 days the source requires between withholding bevacizumab and elective surgery cannot be checked. Do not resume until adequate wound healing.")
            (cite sa8-elective-surgery))))

(defrule drug-safety-bevacizumab-ongoing-but-recorded-stopped
  "Bevacizumab is ongoing as a prior treatment, while the medications
   record it only as stopped, and an elective surgery is planned: the two
   records disagree, so the last dose may be more recent than the one
   recorded and the 28-day interval cannot be checked; the team checks
   which record is right."
  (prior-treatment (agents $? bevacizumab $?) (ongoing TRUE) (pointer ?t))
  (not (medication (agent bevacizumab) (status active)))
  (finding (name bevacizumab-recorded-stopped) (value yes))
  (finding (name elective-surgery-planned) (value yes))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-ongoing-but-recorded-stopped)
            (agent bevacizumab)
            (severity serious)
            (text (str-cat "Bevacizumab is recorded as still given (the ongoing treatment at " ?t
                           ") and, among the medications, as stopped. If it is still given, its last dose is more recent than the medication record says,"
                           " and the 28 days the source requires between withholding bevacizumab and elective surgery cannot be checked."
                           " Check whether bevacizumab is still being given and the date of its last dose, and correct the record that is wrong"
                           " (the treatment's ongoing, or the medication's status and last_dose_days_ago). Do not resume until adequate wound healing."))
            (cite sa8-elective-surgery))))

(defrule drug-safety-bevacizumab-last-dose-missing
  "The last bevacizumab dose is needed to check the 28-day washout before a
   planned elective surgery."
  (medication (agent bevacizumab) (last-dose-days-ago) (pointer ?m))
  (finding (name elective-surgery-planned) (value yes))
  =>
  (assert (missing
            (field (str-cat ?m "/last_dose_days_ago"))
            (needed-for "checking the 28 days between the last bevacizumab dose and elective surgery"))))

(defrule drug-safety-bevacizumab-ongoing-last-dose-missing
  "Bevacizumab is ongoing as a prior treatment and not among the
   medications: its last dose, needed for the 28-day washout, is recorded
   as a medication."
  (prior-treatment (agents $? bevacizumab $?) (ongoing TRUE) (pointer ?t))
  (not (medication (agent bevacizumab)))
  (finding (name elective-surgery-planned) (value yes))
  =>
  (assert (missing
            (field "/medications")
            (needed-for (str-cat "checking the 28 days between the last bevacizumab dose and elective surgery (bevacizumab is ongoing at " ?t "; record it as a medication with last_dose_days_ago)")))))

(defrule drug-safety-bevacizumab-surgery-date-unknown
  "An elective surgery is planned with no date while the patient is on
   bevacizumab, or took it less than 28 days ago or at an unrecorded time:
   the 28-day interval cannot be checked."
  (finding (name bevacizumab-recent) (value yes))
  (finding (name elective-surgery-date-not-recorded) (value yes))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-surgery-date-unknown)
            (agent bevacizumab)
            (severity serious)
            (text "Elective surgery is planned with no date recorded while bevacizumab is taken or was taken recently: the source says to withhold bevacizumab at least 28 days prior to elective surgery and not to resume until adequate wound healing; the interval cannot be checked.")
            (cite sa8-elective-surgery))))

(defrule drug-safety-bevacizumab-surgery-date-missing
  "The date of a planned elective surgery is needed to check the 28-day
   bevacizumab washout."
  (finding (name bevacizumab-recent) (value yes))
  (planned-procedure (type elective-surgery) (days-from-now) (pointer ?p))
  =>
  (assert (missing
            (field (str-cat ?p "/days_from_now"))
            (needed-for "checking the 28 days between the last bevacizumab dose and elective surgery"))))

(defrule drug-safety-bevacizumab-proposed-with-elective-surgery-planned
  "A recommended option contains bevacizumab and an elective surgery is
   planned: the 28 days before the surgery must stay free of bevacizumab."
  (recommendation (agents $? bevacizumab $?))
  (planned-procedure (type elective-surgery) (days-from-now $?days))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-proposed-before-elective-surgery)
            (agent bevacizumab)
            (severity serious)
            (text (str-cat "An option with bevacizumab is listed and elective surgery is planned"
                           (if (= (length$ ?days) 0)
                               then " (date not recorded)"
                               else (str-cat " in " (nth$ 1 ?days) " days"))
                           ": the source says to withhold bevacizumab at least 28 days prior to elective surgery"
                           (if (and (> (length$ ?days) 0) (< (nth$ 1 ?days) 28))
                               then " (a dose now would fall within those 28 days)"
                               else "")
                           " and not to resume until adequate wound healing."))
            (cite sa8-elective-surgery))))

(defrule drug-safety-bevacizumab-surgical-option-listed
  "A surgical option is listed for a patient on bevacizumab: surgery needs
   the 28-day washout and wound healing before bevacizumab resumes."
  (medication (agent bevacizumab) (status active) (last-dose-days-ago $?last))
  (recommendation (modality surgery))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-surgical-option)
            (agent bevacizumab)
            (severity serious)
            (text (str-cat "A surgical option is listed while the patient is on bevacizumab"
                           (if (= (length$ ?last) 0)
                               then " (last dose not recorded)"
                               else (str-cat " (last dose " (nth$ 1 ?last) " days ago"
                                             (if (< (nth$ 1 ?last) 28)
                                                 then (str-cat "; 28 days after it is "
                                                               (- 28 (nth$ 1 ?last))
                                                               " days from now")
                                                 else "")
                                             ")"))
                           ": the source says to withhold bevacizumab at least 28 days prior to elective surgery and not to resume until adequate wound healing."))
            (cite sa8-elective-surgery))))

(defrule drug-safety-bevacizumab-surgical-option-listed-ongoing
  "A surgical option is listed while bevacizumab is ongoing as a prior
   treatment (no active medication entry gives its last dose)."
  (prior-treatment (agents $? bevacizumab $?) (ongoing TRUE))
  (not (medication (agent bevacizumab) (status active)))
  (recommendation (modality surgery))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-surgical-option)
            (agent bevacizumab)
            (severity serious)
            (text "A surgical option is listed while the patient is on bevacizumab (an ongoing treatment; no active medication record gives its last dose): the source says to withhold bevacizumab at least 28 days prior to elective surgery and not to resume until adequate wound healing.")
            (cite sa8-elective-surgery))))

(defrule drug-safety-bevacizumab-wound-healing
  "A wound-healing complication is recorded and bevacizumab is taken or
   proposed: bevacizumab is not resumed until adequate wound healing."
  (or (finding (name on-bevacizumab) (value yes))
      (recommendation (agents $? bevacizumab $?)))
  (adverse-event (type wound-healing-complication))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-wound-healing)
            (agent bevacizumab)
            (severity serious)
            (text "A wound-healing complication is recorded: the source says not to resume bevacizumab until adequate wound healing.")
            (cite sa8-elective-surgery))))

;;; ------------------------------------------------------------ monitoring (one block)

(defrule drug-safety-bevacizumab-monitoring
  "A patient on bevacizumab, or an option with it, is monitored for
   perforation, fistula and severe haemorrhage, blood pressure and
   proteinuria: one caution with the three monitoring sentences."
  (or (finding (name on-bevacizumab) (value yes))
      (recommendation (agents $? bevacizumab $?)))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-monitoring)
            (agent bevacizumab)
            (severity caution)
            (text "Bevacizumab (taken or proposed): monitor for gastrointestinal perforation, fistula formation and severe haemorrhage (discontinue for grade 3-4 events); monitor blood pressure and manage hypertension (discontinue for hypertensive crisis or hypertensive encephalopathy); screen for proteinuria (discontinue for nephrotic syndrome).")
            (cite sa8-perforation-fistula-haemorrhage sa8-blood-pressure sa8-proteinuria))))

;;; ------------------------------------------------------------ discontinuation events

(defrule drug-safety-bevacizumab-discontinue-perforation-fistula-haemorrhage
  "A gastrointestinal perforation, fistula or haemorrhage of grade 3 or
   higher in a patient on bevacizumab: discontinue bevacizumab (grade 5 is
   read as beyond the source's 3-4, never as below it)."
  (finding (name on-bevacizumab) (value yes))
  (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage)
                 (grade ?grade&:(>= ?grade 3)))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-discontinue-perforation-fistula-haemorrhage)
            (agent bevacizumab)
            (severity critical)
            (text "A gastrointestinal perforation, fistula or haemorrhage of grade 3 or higher is recorded in a patient on bevacizumab: the source says to discontinue bevacizumab for grade 3-4 events.")
            (cite sa8-perforation-fistula-haemorrhage))))

(defrule drug-safety-bevacizumab-event-grade-unknown
  "A perforation, fistula or haemorrhage with no grade, and bevacizumab
   taken or proposed: the grade decides whether to discontinue."
  (or (finding (name on-bevacizumab) (value yes))
      (recommendation (agents $? bevacizumab $?)))
  (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage) (grade))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-event-grade-unknown)
            (agent bevacizumab)
            (severity serious)
            (text "A gastrointestinal perforation, fistula or haemorrhage is recorded without a grade: the source says to discontinue bevacizumab for grade 3-4 events; grade the event.")
            (cite sa8-perforation-fistula-haemorrhage))))

(defrule drug-safety-bevacizumab-event-grade-missing
  "The grade of a perforation, fistula or haemorrhage is needed when
   bevacizumab is taken or proposed."
  (or (finding (name on-bevacizumab) (value yes))
      (recommendation (agents $? bevacizumab $?)))
  (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage) (grade)
                 (pointer ?a))
  =>
  (assert (missing
            (field (str-cat ?a "/grade"))
            (needed-for "deciding whether bevacizumab must be discontinued (grade 3-4 events)"))))

(defrule drug-safety-bevacizumab-manage-hypertension
  "Hypertension is recorded in a patient on bevacizumab: the source says
   to manage it."
  (finding (name on-bevacizumab) (value yes))
  (adverse-event (type hypertension))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-manage-hypertension)
            (agent bevacizumab)
            (severity caution)
            (text "Hypertension is recorded in a patient on bevacizumab: the source says to manage hypertension, and to discontinue bevacizumab for hypertensive crisis or encephalopathy.")
            (cite sa8-blood-pressure))))

(defrule drug-safety-bevacizumab-discontinue-hypertensive-crisis
  "Hypertensive crisis or hypertensive encephalopathy in a patient on
   bevacizumab: discontinue bevacizumab."
  (finding (name on-bevacizumab) (value yes))
  (adverse-event (type hypertensive-crisis|hypertensive-encephalopathy))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-discontinue-hypertensive-crisis)
            (agent bevacizumab)
            (severity critical)
            (text "A hypertensive crisis or hypertensive encephalopathy is recorded in a patient on bevacizumab: the source says to discontinue bevacizumab.")
            (cite sa8-blood-pressure))))

(defrule drug-safety-bevacizumab-discontinue-nephrotic-syndrome
  "Nephrotic syndrome in a patient on bevacizumab: discontinue
   bevacizumab."
  (finding (name on-bevacizumab) (value yes))
  (adverse-event (type nephrotic-syndrome))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-discontinue-nephrotic-syndrome)
            (agent bevacizumab)
            (severity critical)
            (text "Nephrotic syndrome is recorded in a patient on bevacizumab: the source says to discontinue bevacizumab.")
            (cite sa8-proteinuria))))

;;; ------------------------------------------------------------ no bevacizumab option after such an event
;;; Each exclusion cites the one sentence about its event.

(defrule drug-safety-bevacizumab-option-excluded-grade-3-4-event
  "After a perforation, fistula or haemorrhage of grade 3 or higher, no
   option with bevacizumab."
  (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage)
                 (grade ?grade&:(>= ?grade 3)))
  (recommendation (id ?o) (agents $?a&:(member$ bevacizumab ?a)) (modality ?m)
                  (procedure $?p))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-bevacizumab-grade-3-4-event))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "A gastrointestinal perforation, fistula or haemorrhage of grade 3 or higher is recorded. The source says to discontinue bevacizumab for grade 3-4 events; it does not address starting it after one, and this option, which contains bevacizumab, is not offered (the treating team may reconsider).")
            (cite sa8-perforation-fistula-haemorrhage))))

(defrule drug-safety-bevacizumab-option-excluded-hypertensive-crisis
  "After a hypertensive crisis or hypertensive encephalopathy, no option
   with bevacizumab."
  (adverse-event (type hypertensive-crisis|hypertensive-encephalopathy))
  (recommendation (id ?o) (agents $?a&:(member$ bevacizumab ?a)) (modality ?m)
                  (procedure $?p))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-bevacizumab-hypertensive-crisis))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "A hypertensive crisis or hypertensive encephalopathy is recorded. The source says to discontinue bevacizumab for it; it does not address starting it after one, and this option, which contains bevacizumab, is not offered (the treating team may reconsider).")
            (cite sa8-blood-pressure))))

(defrule drug-safety-bevacizumab-option-excluded-nephrotic-syndrome
  "After nephrotic syndrome, no option with bevacizumab."
  (adverse-event (type nephrotic-syndrome))
  (recommendation (id ?o) (agents $?a&:(member$ bevacizumab ?a)) (modality ?m)
                  (procedure $?p))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-bevacizumab-nephrotic-syndrome))
            (option ?o) (modality ?m) (agents $?a) (procedure $?p)
            (reason "Nephrotic syndrome is recorded. The source says to discontinue bevacizumab for it; it does not address starting it after one, and this option, which contains bevacizumab, is not offered (the treating team may reconsider).")
            (cite sa8-proteinuria))))

;;; ------------------------------------------------------------ adverse events attributed to any drug
;;; An adverse event the case attributes to a drug (`agent`) is never
;;; ignored (clinician review 8, finding 1: a grade 4 event on paclitaxel
;;; and the preferred regimen with paclitaxel offered unmarked). The sources
;;; say nothing of a drug after a given event except for bevacizumab
;;; (above); what they do say is that treatment continues only while its
;;; side effects can be coped with (the `not-tolerated` rows of the
;;; gate-cite table, gates.clp). So no option is ruled out for the event:
;;; one warning per drug names every event recorded for it, is listed while
;;; an option that includes the drug (as one of its drugs or one of a
;;; menu's choices) is offered, and leaves to the treating team whether the
;;; drug can be given again. Grade 3-5, or no grade recorded (it may be
;;; one), is serious, and a missing grade is asked for; grade 1-2 is a
;;; caution (docs/clinical-readings.md, G8). An event attributed to a drug
;;; outside the list (`other`, no name recorded) cannot be matched to an
;;; option: one caution says so. Events are taken once per drug (the first
;;; by pointer; the text names all of them), so a case with many events
;;; does not multiply the firings.

(deffunction drug-safety-event-of (?e ?d)
  "Whether the adverse event ?e is attributed to ?d; ?d none: an event of
   type other recorded with no drug (the other types are the bevacizumab
   events, which the rules above read whatever the drug)."
  (if (eq ?d none)
      then (and (eq (fact-slot-value ?e type) other)
                (= (length$ (fact-slot-value ?e agent)) 0))
      else (member$ ?d (fact-slot-value ?e agent))))

(deffunction drug-safety-events-severity (?d)
  "serious when an event attributed to ?d (as drug-safety-event-of) is
   grade 3-5 or has no grade (it may be one of those), else caution."
  (if (any-factp ((?e adverse-event))
                 (and (drug-safety-event-of ?e ?d)
                      (or (= (length$ ?e:grade) 0) (>= (nth$ 1 ?e:grade) 3))))
      then serious
      else caution))

(deffunction drug-safety-events-of (?d)
  "The adverse events the case attributes to ?d (none: to no drug), in
   case order: type, grade and pointer of each."
  (bind ?t "")
  (do-for-all-facts ((?e adverse-event)) (drug-safety-event-of ?e ?d)
    (bind ?t (str-cat ?t (if (eq ?t "") then "" else "; ") "type " ?e:type
                      (if (= (length$ ?e:grade) 0)
                          then ", grade not recorded"
                          else (str-cat ", grade " (nth$ 1 ?e:grade)))
                      " (" ?e:pointer ")")))
  (return ?t))

(deffunction drug-safety-adverse-event-text (?d)
  "The warning about an adverse event attributed to the drug ?d."
  (str-cat "An adverse event attributed to " ?d " is recorded: " (drug-safety-events-of ?d)
           ". The options listed that include " ?d
           " (as one of their drugs or one of a menu's choices) are not ruled out for it: treatment continues only while its side effects can be coped with;"
           " the treating team decides whether to give " ?d
           " again, leave it out or choose another option."))

(defrule drug-safety-adverse-event-drug-proposed-serious
  "An adverse event of grade 3-5, or with no grade recorded, is attributed
   to a drug of a listed option (one of its drugs or one of a menu's
   choices): a serious warning naming the drug and every event recorded
   for it, for the team to judge whether it can be given again."
  (scope (guideline ?g))
  (gate-cite (gate not-tolerated) (guideline ?g) (cite $?c))
  (adverse-event (agent ?d&~other) (pointer ?e)
                 (grade $?gr&:(or (= (length$ ?gr) 0) (>= (nth$ 1 ?gr) 3))))
  (not (adverse-event (agent ?d) (pointer ?e2&:(< (str-compare ?e2 ?e) 0))
                      (grade $?g2&:(or (= (length$ ?g2) 0) (>= (nth$ 1 ?g2) 3)))))
  (or (recommendation (id ?o) (agents $? ?d $?))
      (recommendation (id ?o) (choices $? ?d $?)))
  =>
  (assert (warning
            (id (sym-cat adverse-event- ?d))
            (agent ?d) (severity serious)
            (text (drug-safety-adverse-event-text ?d))
            (cite $?c))))

(defrule drug-safety-adverse-event-drug-marked
  "An adverse event of grade 3-5, or with no grade recorded, attributed to
   a drug of a listed option (one of its drugs or one of a menu's
   choices): the option carries a mark naming the drug, so that its own
   line shows it, not only the warning above the options (clinician
   review 8b, N2). Once per option and drug: the first such event."
  (adverse-event (agent ?d&~other) (pointer ?e)
                 (grade $?gr&:(or (= (length$ ?gr) 0) (>= (nth$ 1 ?gr) 3))))
  (not (adverse-event (agent ?d) (pointer ?e2&:(< (str-compare ?e2 ?e) 0))
                      (grade $?g2&:(or (= (length$ ?g2) 0) (>= (nth$ 1 ?g2) 3)))))
  (or (recommendation (id ?o) (agents $? ?d $?))
      (recommendation (id ?o) (choices $? ?d $?)))
  =>
  (assert (history (option ?o) (status adverse-event) (agent ?d))))

(defrule drug-safety-adverse-event-drug-proposed-caution
  "Only grade 1-2 adverse events are attributed to a drug of a listed
   option: a caution naming the drug and the events."
  (scope (guideline ?g))
  (gate-cite (gate not-tolerated) (guideline ?g) (cite $?c))
  (adverse-event (agent ?d&~other) (grade 1|2) (pointer ?e))
  (not (adverse-event (agent ?d) (grade 1|2) (pointer ?e2&:(< (str-compare ?e2 ?e) 0))))
  (not (adverse-event (agent ?d) (grade $?g2&:(or (= (length$ ?g2) 0) (>= (nth$ 1 ?g2) 3)))))
  (or (recommendation (id ?o) (agents $? ?d $?))
      (recommendation (id ?o) (choices $? ?d $?)))
  =>
  (assert (warning
            (id (sym-cat adverse-event- ?d))
            (agent ?d) (severity caution)
            (text (drug-safety-adverse-event-text ?d))
            (cite $?c))))

(defrule drug-safety-adverse-event-grade-missing
  "The grade of an adverse event attributed to a drug of a listed option
   says how serious it was."
  (adverse-event (agent ?d&~other) (grade) (pointer ?e))
  (or (recommendation (agents $? ?d $?))
      (recommendation (choices $? ?d $?)))
  =>
  (assert (missing
            (field (str-cat ?e "/grade"))
            (needed-for (str-cat "how serious the adverse event attributed to " ?d
                                 " was, for the options that include it")))))

(defrule drug-safety-adverse-event-drug-outside-list
  "An adverse event attributed to a drug outside the controlled list
   (`other`; the case records no name for it): the rule base cannot tell
   whether a listed option contains that drug; one caution says so."
  (scope (guideline ?g))
  (gate-cite (gate not-tolerated) (guideline ?g) (cite $?c))
  (adverse-event (agent other) (pointer ?e))
  (not (adverse-event (agent other) (pointer ?e2&:(< (str-compare ?e2 ?e) 0))))
  =>
  (assert (warning
            (id adverse-event-drug-outside-list)
            (severity (drug-safety-events-severity other))
            (text (str-cat "An adverse event is attributed to a drug outside the controlled list: "
                           (drug-safety-events-of other)
                           ". The case does not name the drug, so no rule checked whether a listed option contains it: the treating team checks the options against it (treatment continues only while its side effects can be coped with)."))
            (cite $?c))))

(defrule drug-safety-adverse-event-no-drug
  "An adverse event of type other that the case attributes to no drug: no
   rule can match it to an option's drugs (the other types are read by the
   bevacizumab rules whatever the drug); one warning says so, serious for
   grade 3-5 or no grade, so that it is never silent."
  (scope (guideline ?g))
  (gate-cite (gate not-tolerated) (guideline ?g) (cite $?c))
  (adverse-event (type other) (agent) (pointer ?e))
  (not (adverse-event (type other) (agent) (pointer ?e2&:(< (str-compare ?e2 ?e) 0))))
  =>
  (assert (warning
            (id adverse-event-no-drug)
            (severity (drug-safety-events-severity none))
            (text (str-cat "An adverse event is recorded without the drug it is attributed to: "
                           (drug-safety-events-of none)
                           ". It is not matched to the drugs of any listed option: the treating team checks the options against it (treatment continues only while its side effects can be coped with)."))
            (cite $?c))))
