;;; drug-safety.clp: bevacizumab safety warnings, whatever the cancer.
;;;
;;; Source: 003_4fdd2d6f18fb6015.txt ("Treatment of Recurrent Cervical
;;; Squamous Cell Carcinoma"), section "Bevacizumab-Specific Warnings",
;;; knowledge-map label SA-8. The warnings follow the drug: they fire for a
;;; patient who takes (or recently took) bevacizumab, `(medication (agent
;;; bevacizumab))`, and for any recommendation whose agents contain
;;; bevacizumab, in any guideline. They are the one exception to "findings
;;; only": they match case facts and recommendations directly
;;; (docs/rule-authoring.md).
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
;;; missing. Emergency surgery is not covered: the source speaks of
;;; elective surgery only.
;;;
;;; Adverse events: the source says "discontinue bevacizumab for grade 3-4
;;; events" without asking who caused them, so an event counts whatever
;;; drug the case attributes it to (the `agent` of an adverse event is
;;; shown in the explanation, not tested). Hypertensive crisis,
;;; hypertensive encephalopathy and nephrotic syndrome count at any grade;
;;; perforation, fistula and haemorrhage at grade 3 or 4. A perforation,
;;; fistula or haemorrhage with no grade recorded gets its own warning and
;;; the grade is reported as missing.

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

;;; ------------------------------------------------------------ elective surgery

(defrule drug-safety-bevacizumab-surgery-washout-not-met
  "Bevacizumab's last dose and a planned elective surgery are less than 28
   days apart (last_dose_days_ago + days_from_now < 28): the source says to
   withhold bevacizumab at least 28 days prior to elective surgery."
  (medication (agent bevacizumab) (last-dose-days-ago ?last))
  (planned-procedure (type elective-surgery)
                     (days-from-now ?days&:(< (+ ?last ?days) 28)))
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
  "The patient is still on bevacizumab and the 28 days from the last dose
   to a planned elective surgery are met so far (sum >= 28): no further
   dose may fall within the 28 days before the surgery."
  (medication (agent bevacizumab) (status active) (last-dose-days-ago ?last))
  (planned-procedure (type elective-surgery)
                     (days-from-now ?days&:(>= (+ ?last ?days) 28)))
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
   bevacizumab, but the last dose is not recorded: the 28-day interval
   cannot be checked."
  (medication (agent bevacizumab) (last-dose-days-ago))
  (planned-procedure (type elective-surgery))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-surgery-last-dose-unknown)
            (agent bevacizumab)
            (severity serious)
            (text "Elective surgery is planned and the date of the last bevacizumab dose is not recorded, so the 28 days the source requires between withholding bevacizumab and elective surgery cannot be checked. Do not resume until adequate wound healing.")
            (cite sa8-elective-surgery))))

(defrule drug-safety-bevacizumab-last-dose-missing
  "The last bevacizumab dose is needed to check the 28-day washout before a
   planned elective surgery."
  (medication (agent bevacizumab) (last-dose-days-ago) (pointer ?m))
  (planned-procedure (type elective-surgery))
  =>
  (assert (missing
            (field (str-cat ?m "/last_dose_days_ago"))
            (needed-for "checking the 28 days between the last bevacizumab dose and elective surgery"))))

(defrule drug-safety-bevacizumab-surgery-date-unknown
  "An elective surgery is planned with no date while the patient is on
   bevacizumab, or took it less than 28 days ago or at an unrecorded time:
   the 28-day interval cannot be checked."
  (medication (agent bevacizumab) (status ?status) (last-dose-days-ago $?last))
  (test (or (eq ?status active)
            (= (length$ ?last) 0)
            (< (nth$ 1 ?last) 28)))
  (planned-procedure (type elective-surgery) (days-from-now))
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
  (medication (agent bevacizumab) (status ?status) (last-dose-days-ago $?last))
  (test (or (eq ?status active)
            (= (length$ ?last) 0)
            (< (nth$ 1 ?last) 28)))
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
  "A surgical option is listed for a patient still on bevacizumab: surgery
   needs the 28-day washout and wound healing before bevacizumab resumes."
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

(defrule drug-safety-bevacizumab-wound-healing-on-drug
  "A wound-healing complication is recorded in a patient on bevacizumab:
   bevacizumab is not resumed until adequate wound healing."
  (medication (agent bevacizumab) (status active))
  (adverse-event (type wound-healing-complication))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-wound-healing)
            (agent bevacizumab)
            (severity serious)
            (text "A wound-healing complication is recorded: the source says not to resume bevacizumab until adequate wound healing.")
            (cite sa8-elective-surgery))))

(defrule drug-safety-bevacizumab-wound-healing-proposed
  "A wound-healing complication is recorded and an option with
   bevacizumab is listed: bevacizumab waits for adequate wound healing."
  (recommendation (agents $? bevacizumab $?))
  (adverse-event (type wound-healing-complication))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-wound-healing)
            (agent bevacizumab)
            (severity serious)
            (text "A wound-healing complication is recorded: the source says not to resume bevacizumab until adequate wound healing.")
            (cite sa8-elective-surgery))))

;;; ------------------------------------------------------------ perforation, fistula, haemorrhage

(defrule drug-safety-bevacizumab-monitor-perforation-on-drug
  "A patient on bevacizumab is monitored for perforation, fistula and
   severe haemorrhage."
  (medication (agent bevacizumab) (status active))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-monitor-perforation-fistula-haemorrhage)
            (agent bevacizumab)
            (severity caution)
            (text "Bevacizumab (taken or proposed): monitor for gastrointestinal perforation, fistula formation and severe haemorrhage; discontinue bevacizumab for grade 3-4 events.")
            (cite sa8-perforation-fistula-haemorrhage))))

(defrule drug-safety-bevacizumab-monitor-perforation-proposed
  "An option with bevacizumab carries the same monitoring."
  (recommendation (agents $? bevacizumab $?))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-monitor-perforation-fistula-haemorrhage)
            (agent bevacizumab)
            (severity caution)
            (text "Bevacizumab (taken or proposed): monitor for gastrointestinal perforation, fistula formation and severe haemorrhage; discontinue bevacizumab for grade 3-4 events.")
            (cite sa8-perforation-fistula-haemorrhage))))

(defrule drug-safety-bevacizumab-discontinue-perforation-fistula-haemorrhage
  "A grade 3-4 gastrointestinal perforation, fistula or haemorrhage in a
   patient on bevacizumab: discontinue bevacizumab."
  (medication (agent bevacizumab) (status active))
  (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage) (grade 3|4))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-discontinue-perforation-fistula-haemorrhage)
            (agent bevacizumab)
            (severity critical)
            (text "A grade 3-4 gastrointestinal perforation, fistula or haemorrhage is recorded: the source says to discontinue bevacizumab for grade 3-4 events.")
            (cite sa8-perforation-fistula-haemorrhage))))

(defrule drug-safety-bevacizumab-perforation-grade-unknown-on-drug
  "A perforation, fistula or haemorrhage with no grade in a patient on
   bevacizumab: the grade decides whether to discontinue."
  (medication (agent bevacizumab) (status active))
  (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage) (grade))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-event-grade-unknown)
            (agent bevacizumab)
            (severity serious)
            (text "A gastrointestinal perforation, fistula or haemorrhage is recorded without a grade: the source says to discontinue bevacizumab for grade 3-4 events; grade the event.")
            (cite sa8-perforation-fistula-haemorrhage))))

(defrule drug-safety-bevacizumab-perforation-grade-unknown-proposed
  "A perforation, fistula or haemorrhage with no grade, and an option with
   bevacizumab: the grade decides whether bevacizumab can be given."
  (recommendation (agents $? bevacizumab $?))
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
  (or (medication (agent bevacizumab) (status active))
      (recommendation (agents $? bevacizumab $?)))
  (adverse-event (type gastrointestinal-perforation|fistula|haemorrhage) (grade)
                 (pointer ?a))
  =>
  (assert (missing
            (field (str-cat ?a "/grade"))
            (needed-for "deciding whether bevacizumab must be discontinued (grade 3-4 events)"))))

;;; ------------------------------------------------------------ blood pressure

(defrule drug-safety-bevacizumab-monitor-blood-pressure-on-drug
  "A patient on bevacizumab has blood pressure monitored."
  (medication (agent bevacizumab) (status active))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-monitor-blood-pressure)
            (agent bevacizumab)
            (severity caution)
            (text "Bevacizumab (taken or proposed): monitor blood pressure and manage hypertension; discontinue for hypertensive crisis or hypertensive encephalopathy.")
            (cite sa8-blood-pressure))))

(defrule drug-safety-bevacizumab-monitor-blood-pressure-proposed
  "An option with bevacizumab carries the same blood pressure monitoring."
  (recommendation (agents $? bevacizumab $?))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-monitor-blood-pressure)
            (agent bevacizumab)
            (severity caution)
            (text "Bevacizumab (taken or proposed): monitor blood pressure and manage hypertension; discontinue for hypertensive crisis or hypertensive encephalopathy.")
            (cite sa8-blood-pressure))))

(defrule drug-safety-bevacizumab-manage-hypertension
  "Hypertension is recorded in a patient on bevacizumab: the source says
   to manage it."
  (medication (agent bevacizumab) (status active))
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
  (medication (agent bevacizumab) (status active))
  (adverse-event (type hypertensive-crisis|hypertensive-encephalopathy))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-discontinue-hypertensive-crisis)
            (agent bevacizumab)
            (severity critical)
            (text "A hypertensive crisis or hypertensive encephalopathy is recorded: the source says to discontinue bevacizumab.")
            (cite sa8-blood-pressure))))

;;; ------------------------------------------------------------ proteinuria

(defrule drug-safety-bevacizumab-screen-proteinuria-on-drug
  "A patient on bevacizumab is screened for proteinuria."
  (medication (agent bevacizumab) (status active))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-screen-proteinuria)
            (agent bevacizumab)
            (severity caution)
            (text "Bevacizumab (taken or proposed): screen for proteinuria; discontinue for nephrotic syndrome.")
            (cite sa8-proteinuria))))

(defrule drug-safety-bevacizumab-screen-proteinuria-proposed
  "An option with bevacizumab carries the same proteinuria screening."
  (recommendation (agents $? bevacizumab $?))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-screen-proteinuria)
            (agent bevacizumab)
            (severity caution)
            (text "Bevacizumab (taken or proposed): screen for proteinuria; discontinue for nephrotic syndrome.")
            (cite sa8-proteinuria))))

(defrule drug-safety-bevacizumab-discontinue-nephrotic-syndrome
  "Nephrotic syndrome in a patient on bevacizumab: discontinue
   bevacizumab."
  (medication (agent bevacizumab) (status active))
  (adverse-event (type nephrotic-syndrome))
  =>
  (assert (warning
            (id drug-safety-bevacizumab-discontinue-nephrotic-syndrome)
            (agent bevacizumab)
            (severity critical)
            (text "Nephrotic syndrome is recorded: the source says to discontinue bevacizumab.")
            (cite sa8-proteinuria))))
