;;; cervix-recurrent.clp: recurrent cervical cancer.
;;;
;;; Sources:
;;;   001_78575e265add836c.txt  "Treatments for recurrent cervical cancer"
;;;                             (Canadian Cancer Society), labels CR-1..CR-10;
;;;   003_4fdd2d6f18fb6015.txt  "Treatment of Recurrent Cervical Squamous Cell
;;;                             Carcinoma" (an algorithm by prior therapy and
;;;                             site of recurrence), labels SA-1..SA-11.
;;;                             Its bevacizumab warnings (SA-8) are in
;;;                             drug-safety.clp, since they follow the drug;
;;;                             its pelvic re-irradiation restriction (SA-7)
;;;                             is a gate (gates.clp).
;;;
;;; Scope: a cervical cancer recorded as recurrent (`recurrent: true`),
;;; whatever its stage at diagnosis; not ductal or lobular carcinoma (breast
;;; histologies); a histology recorded as other keeps 001's options with a
;;; status note (docs/clinical-readings.md, H1). A patient recorded as male
;;; is not covered (S1).
;;;
;;; How the two sources are combined (docs/clinical-readings.md):
;;;   - 001 applies to every recurrent cervical cancer.
;;;   - 003 is written for squamous cell carcinoma. Its algorithm (salvage
;;;     chemoradiation, exenteration after prior radiation, resection then
;;;     systemic therapy, first- and second-line regimens) and its notes are
;;;     given when the histology is squamous cell carcinoma; with the
;;;     histology not recorded they wait for it. Where 001 offers the same
;;;     kind of care to every histology (palliative radiation of painful
;;;     metastases, supportive care), every histology has it.
;;;   - 003's restrictions rest on toxicity and patient selection, not on
;;;     histology, and are read for every recurrent cervical cancer: no
;;;     further radiation to the pelvis after pelvic radiation (SA-7, a gate
;;;     on options whose target is the pelvis), and the selection criteria
;;;     of pelvic exenteration (adequate performance status, a gate on
;;;     options that require it; PET/CT before surgery, a flag).
;;;
;;; Vague words of the sources are kept vague:
;;;   - "central pelvic recurrence": a recurrence in the cervix, uterus,
;;;     vagina or central pelvis; "isolated" (003): no other recurrence site.
;;;   - "small recurrence" (CR-8): the treating team's judgement
;;;     (/cancer/recurrence/small); size_cm is never compared with a number.
;;;   - "unresectable" (SA-4): the recurrence is recorded as not resectable,
;;;     or it involves the pelvic side wall.
;;;
;;; This file says what the sources offer for the disease; what holds for
;;; the patient (wishes, fitness for treatment and chemotherapy, performance
;;; status, treatment history, prior pelvic radiation, drug safety) is
;;; applied once, by rules/gates.clp and rules/drug-safety.clp, to what the
;;; options declare.

(deffacts cervix-recurrent-guideline
  (guideline (id cervix-recurrent)
             (title "Recurrent cervical cancer")
             (source "001_78575e265add836c.txt")
             (covers "cervical cancer in a woman (or sex not recorded) that has come back after treatment (recurrent: true), any stage at diagnosis, not ductal or lobular carcinoma (histologies of the breast); for squamous cell carcinoma also the recurrence algorithm of 003_4fdd2d6f18fb6015.txt")))

(deffacts cervix-recurrent-cards
  (card-def (id cervix-recurrent-supportive-care) (guideline cervix-recurrent)
            (kind supportive-care) (title "Supportive care"))
  (card-def (id cervix-recurrent-local) (guideline cervix-recurrent)
            (kind curative-local) (title "Local treatment of the pelvic recurrence"))
  (card-def (id cervix-recurrent-systemic) (guideline cervix-recurrent)
            (kind systemic) (title "Systemic therapy: chemotherapy, with bevacizumab or pembrolizumab as add-ons"))
  (card-def (id cervix-recurrent-later-line) (guideline cervix-recurrent)
            (kind later-line) (title "After chemotherapy for advanced disease"))
  (card-def (id cervix-recurrent-symptom-control) (guideline cervix-recurrent)
            (kind symptom-control) (title "Palliative radiation for symptoms"))
  (card-def (id cervix-recurrent-clinical-trial) (guideline cervix-recurrent)
            (kind clinical-trial) (title "Clinical trials")))

;;; ---------------------------------------------------------------- citations

(deffacts cervix-recurrent-citations
  (citation (id cr1-recurrent-means)
            (source "001_78575e265add836c.txt") (label CR-1)
            (quote "Recurrent cervical cancer means that the cancer has come back after it has been treated. The following are treatment options for recurrent cervical cancer."))
  (citation (id sa1-squamous-title)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-1)
            (quote "Treatment of Recurrent Cervical Squamous Cell Carcinoma"))
  (citation (id cr1-chemoradiation)
            (source "001_78575e265add836c.txt") (label CR-1)
            (quote "You may be offered chemoradiation for recurrent cervical cancer."))
  (citation (id cr1-chemoradiation-drugs)
            (source "001_78575e265add836c.txt") (label CR-1)
            (quote "5-fluorouracil (Adrucil, 5-FU) plus cisplatin or mitomycin (Mutamycin) or other chemotherapy drugs may be used."))
  (citation (id cr2-radiation)
            (source "001_78575e265add836c.txt") (label CR-2)
            (quote "Radiation therapy may be external radiation therapy, brachytherapy or both. For recurrent cervical cancer, radiation therapy is often given with chemotherapy, but in some cases it may be used alone as the main treatment."))
  (citation (id cr2-palliative-radiation)
            (source "001_78575e265add836c.txt") (label CR-2)
            (quote "For recurrent cervical cancer, radiation therapy may be used to relieve pain, stop bleeding or control other symptoms of advanced cervical cancer (called palliative therapy)."))
  (citation (id cr7-exenteration)
            (source "001_78575e265add836c.txt") (label CR-7)
            (quote "A pelvic exenteration may be used to treat recurrent cervical cancer that comes back in the pelvis but has not spread to the side wall of the pelvis."))
  (citation (id cr7-not-distant)
            (source "001_78575e265add836c.txt") (label CR-7)
            (quote "A pelvic exenteration is not used if cancer comes back in another part of the body."))
  (citation (id sa1-exenteration-curative)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-1)
            (quote "Pelvic exenteration is the primary curative option for select patients with isolated central pelvic recurrence who received prior pelvic radiation therapy"))
  (citation (id sa1-selection)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-1)
            (quote "Pelvic exenteration should only be offered to highly selected patients with central recurrence, adequate performance status, and no evidence of distant disease"))
  (citation (id sa1-only-cure)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-1)
            (quote "This surgical approach offers the only potential for cure in this setting, though patient selection is critical"))
  (citation (id sa1-pet-ct)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-1)
            (quote "Extensive preoperative imaging (PET/CT preferred) is essential to exclude distant metastases before considering exenterative surgery"))
  (citation (id sa3-salvage-chemoradiation)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-3)
            (quote "Salvage radiotherapy with concurrent platinum-based chemotherapy is the standard approach for patients with pelvic recurrence who did not receive prior radiation"))
  (citation (id sa3-cisplatin)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-3)
            (quote "External beam radiation therapy (EBRT) with concurrent cisplatin (preferred radiosensitizing agent) should be administered"))
  (citation (id sa3-curative)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-3)
            (quote "This represents a potentially curative treatment strategy when radiation fields have not been previously exhausted"))
  (citation (id sa7-contraindication)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-7)
            (quote "Prior radiation therapy is an absolute contraindication to further pelvic radiation in most cases due to unacceptable toxicity risk"))
  (citation (id sa7-reirradiation-investigational)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-7)
            (quote "Reirradiation may occasionally be considered with advanced techniques in highly selected cases, but this remains investigational"))
  (citation (id cr3-chemotherapy)
            (source "001_78575e265add836c.txt") (label CR-3)
            (quote "Chemotherapy may be offered for recurrent cervical cancer to relieve pain or control the symptoms of advanced cervical cancer."))
  (citation (id cr3-drugs)
            (source "001_78575e265add836c.txt") (label CR-3)
            (quote "Chemotherapy drugs used to treat recurrent cervical cancer are used alone or in combination and include: • cisplatin • carboplatin (Paraplatin, Paraplatin AQ) • paclitaxel (Taxol) • topotecan (Hycamtin) • gemcitabine (Gemzar) • 5-fluorouracil (Adrucil, 5-FU) • ifosfamide (Ifex) • docetaxel (Taxotere) • irinotecan (Camptosar) • mitomycin (Mutamycin) • vinorelbine (Navelbine) • epirubicin (Pharmorubicin) • doxorubicin (Adriamycin)"))
  (citation (id cr3-combinations)
            (source "001_78575e265add836c.txt") (label CR-3)
            (quote "The most common chemotherapy drug combinations used to treat cervical cancer are: • cisplatin and ifosfamide • cisplatin and paclitaxel • cisplatin and gemcitabine • cisplatin and topotecan • paclitaxel and topotecan"))
  (citation (id cr4-bevacizumab)
            (source "001_78575e265add836c.txt") (label CR-4)
            (quote "You may be offered targeted therapy for recurrent cervical cancer. The most common targeted therapy drug used to treat cervical cancer is bevacizumab (Avastin). It is usually given in combination with chemotherapy."))
  (citation (id cr5-cemiplimab)
            (source "001_78575e265add836c.txt") (label CR-5)
            (quote "If chemotherapy was used to treat metastatic cervical cancer but it didn't respond or the cancer comes back, then you may be offered cemiplimab (Libtayo)."))
  (citation (id cr6-pembrolizumab)
            (source "001_78575e265add836c.txt") (label CR-6)
            (quote "Pembrolizumab (Keytruda) may also be offered for recurrent cervical cancer in combination with chemotherapy. It is sometimes given with the targeted therapy drug bevacizumab (Avastin)."))
  (citation (id cr6-pd-l1-only)
            (source "001_78575e265add836c.txt") (label CR-6)
            (quote "Pembrolizumab is only used for cervical cancer tumours that have the PD-L1 checkpoint protein."))
  (citation (id cr8-radical-hysterectomy)
            (source "001_78575e265add836c.txt") (label CR-8)
            (quote "A radical hysterectomy may be offered for a small recurrence in the cervix or uterus if you were previously treated with radiation therapy."))
  (citation (id cr9-supportive-care)
            (source "001_78575e265add836c.txt") (label CR-9)
            (quote "If you can’t have or don’t want cancer treatment You may want to consider a type of care to make you feel better without treating the cancer itself."))
  (citation (id cr9-reasons)
            (source "001_78575e265add836c.txt") (label CR-9)
            (quote "This may be because the cancer treatments don’t work anymore, they’re not likely to improve your condition or they may cause side effects that are hard to cope with."))
  (citation (id cr9-talk)
            (source "001_78575e265add836c.txt") (label CR-9)
            (quote "Talk to your healthcare team. They can help you choose care and treatment for advanced cancer."))
  (citation (id cr10-clinical-trials)
            (source "001_78575e265add836c.txt") (label CR-10)
            (quote "Talk to your doctor about clinical trials open to women with cervical cancer in Canada."))
  (citation (id sa2-resection)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-2)
            (quote "Resection followed by systemic therapy can be considered for isolated pelvic recurrence that was previously irradiated"))
  (citation (id sa4-setting)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "systemic chemotherapy (cisplatin/paclitaxel with or without bevacizumab) for distant metastases or unresectable disease"))
  (citation (id sa4-cisplatin-paclitaxel-bevacizumab)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "Cisplatin/paclitaxel/bevacizumab (preferred): 15 mg/kg bevacizumab every 3 weeks with paclitaxel and cisplatin"))
  (citation (id sa4-cisplatin-paclitaxel)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "Cisplatin/paclitaxel: Standard doublet without bevacizumab"))
  (citation (id sa4-paclitaxel-topotecan-bevacizumab)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "Paclitaxel/topotecan/bevacizumab: Alternative regimen with 15 mg/kg bevacizumab every 3 weeks"))
  (citation (id sa4-bevacizumab-survival)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "The addition of bevacizumab to chemotherapy significantly improves overall survival compared to chemotherapy alone in recurrent/metastatic cervical cancer"))
  (citation (id sa5-chest)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-5)
            (quote "Isolated chest metastases demonstrate superior response rates to cisplatin compared to pelvic recurrences: 73% overall response rate (53% complete response) versus 21% overall response rate (0% complete response)"))
  (citation (id sa5-bulky-irradiated)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-5)
            (quote "Bulky pelvic tumor in previously irradiated areas remains largely refractory to systemic chemotherapy"))
  (citation (id sa5-multiple-locations)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-5)
            (quote "Concomitant disease in multiple locations reduces likelihood of response at any individual site"))
  (citation (id sa4-cisplatin-backbone)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-4)
            (quote "Cisplatin remains the backbone of systemic therapy with approximately 30% objective response rate as single agent"))
  (citation (id sa11-response-duration)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-11)
            (quote "Response duration to salvage chemotherapy is typically 4-6 months with median survival less than 1 year for most patients"))
  (citation (id sa5-extrapelvic-remissions)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-5)
            (quote "Complete clinical remissions occur primarily at extrapelvic sites (lung, lymph nodes, soft tissue) rather than pelvic locations"))
  (citation (id sa6-no-standard)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-6)
            (quote "No standard second-line regimen exists for recurrent cervical cancer"))
  (citation (id sa6-options)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-6)
            (quote "Paclitaxel, topotecan, or other platinum-based combinations may be considered"))
  (citation (id sa6-clinical-trial)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-6)
            (quote "Clinical trial enrollment should be strongly considered for patients progressing on first-line therapy"))
  (citation (id sa9-palliative-care)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-9)
            (quote "For patients with multiple pelvic nodes, distant metastases, or poor performance status, palliative/best supportive care should be discussed alongside systemic therapy options"))
  (citation (id sa10-ebrt)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-10)
            (quote "Selective EBRT may provide symptom relief for painful metastases even when cure is not possible"))
  (citation (id sa11-timing)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-11)
            (quote "Most recurrences (70-80%) occur within first 2 years after initial treatment"))
  (citation (id sa11-location)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-11)
            (quote "Location of recurrence (extrapelvic versus pelvic) significantly affects response rates but not necessarily overall survival"))
  (citation (id sa11-factors)
            (source "003_4fdd2d6f18fb6015.txt") (label SA-11)
            (quote "Lesion size, clinical stage, patient age, and duration from primary treatment to recurrence do not significantly predict response or survival")))

;;; ---------------------------------------------------------------- findings

(deffacts cervix-recurrent-findings
  (finding-def (name squamous-cell-carcinoma)
               (text "squamous cell carcinoma (the histology the recurrence algorithm of 003 is written for)")
               (fields "/cancer/histology"))
  (finding-def (name central-pelvic-recurrence)
               (text "recurrence in the central pelvis (cervix, uterus, vagina or central pelvis)")
               (fields "/cancer/recurrence/sites"))
  (finding-def (name isolated-central-pelvic-recurrence)
               (text "isolated central pelvic recurrence (only cervix, uterus, vagina or central pelvis recorded as recurrence sites)")
               (fields "/cancer/recurrence/sites"))
  (finding-def (name side-wall-involvement)
               (text "recurrence involves the pelvic side wall")
               (fields "/cancer/recurrence/side_wall" "/cancer/recurrence/sites"))
  (finding-def (name pelvic-recurrence)
               (text "recurrence in the pelvis (cervix, uterus, vagina, central pelvis, side wall or pelvic nodes)")
               (fields "/cancer/recurrence/sites"))
  (finding-def (name pelvic-recurrence-only)
               (text "recurrence confined to the pelvis (no para-aortic or distant recurrence site)")
               (fields "/cancer/recurrence/sites"))
  (finding-def (name pet-ct-without-distant-disease)
               (text "PET/CT (the preferred preoperative imaging) shows no distant disease")
               (fields "/imaging"))
  (finding-def (name recurrence-confined-to-cervix-or-uterus)
               (text "recurrence in the cervix or uterus only")
               (fields "/cancer/recurrence/sites"))
  (finding-def (name small-recurrence)
               (text "small recurrence (the treating team's judgement: the source gives no size)")
               (fields "/cancer/recurrence/small"))
  (finding-def (name recurrence-resectable)
               (text "recurrence can be removed by surgery")
               (fields "/cancer/recurrence/resectable"))
  (finding-def (name recurrence-unresectable)
               (text "unresectable recurrence (recorded as not resectable, or involving the pelvic side wall)")
               (fields "/cancer/recurrence/resectable" "/cancer/recurrence/side_wall"))
  (finding-def (name multiple-pelvic-nodes)
               (text "several pelvic lymph nodes involved")
               (fields "/cancer/recurrence/multiple_pelvic_nodes"))
  (finding-def (name bulky-pelvic-tumour-in-irradiated-field)
               (text "bulky pelvic tumour in a previously irradiated area")
               (fields "/cancer/recurrence/bulky_in_irradiated_field"))
  (finding-def (name progressed-on-first-line)
               (text "the cancer progressed on or after systemic therapy for recurrent or metastatic disease (first line)")
               (fields "/prior_treatments"))
  (finding-def (name isolated-chest-metastases)
               (text "isolated chest metastases (metastases in the lung only, no pelvic or nodal recurrence; the case cannot name other chest sites)")
               (fields "/cancer/metastases" "/cancer/recurrence/sites"))
  (finding-def (name disease-at-multiple-sites)
               (text "disease in several locations (pelvis, para-aortic nodes, each metastatic site)")
               (fields "/cancer/metastases" "/cancer/recurrence/sites"))
  (finding-def (name painful-metastases)
               (text "pain in a patient with distant metastases (the case cannot tell which lesion hurts)")
               (fields "/cancer/metastases" "/symptoms")))

(defrule finding-squamous-cell-carcinoma-yes
  "The histology is squamous cell carcinoma."
  (cancer (histology squamous-cell-carcinoma))
  =>
  (assert (finding (name squamous-cell-carcinoma) (value yes))))

(defrule finding-squamous-cell-carcinoma-no
  "The histology is recorded and is not squamous cell carcinoma
   (adenosquamous carcinoma included: it is not the histology of 003)."
  (cancer (histology ~squamous-cell-carcinoma))
  =>
  (assert (finding (name squamous-cell-carcinoma) (value no))))

(defrule finding-squamous-cell-carcinoma-unknown
  "The histology is not recorded."
  (cancer (histology))
  =>
  (assert (finding (name squamous-cell-carcinoma) (value unknown))))

(defrule finding-central-pelvic-recurrence-yes
  "A recurrence site in the cervix, uterus, vagina or central pelvis."
  (recurrence-site (site cervix|uterus|vagina|central-pelvis))
  =>
  (assert (finding (name central-pelvic-recurrence) (value yes))))

(defrule finding-central-pelvic-recurrence-no
  "Recurrence sites are recorded and none is central."
  (list-recorded (field "/cancer/recurrence/sites"))
  (not (recurrence-site (site cervix|uterus|vagina|central-pelvis)))
  =>
  (assert (finding (name central-pelvic-recurrence) (value no))))

(defrule finding-central-pelvic-recurrence-unknown
  "Recurrence sites are not recorded."
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name central-pelvic-recurrence) (value unknown))))

(defrule finding-isolated-central-pelvic-recurrence-yes
  "Every recorded recurrence site is central (cervix, uterus, vagina,
   central pelvis), and there is at least one."
  (recurrence-site (site cervix|uterus|vagina|central-pelvis))
  (not (recurrence-site (site ~cervix&~uterus&~vagina&~central-pelvis)))
  =>
  (assert (finding (name isolated-central-pelvic-recurrence) (value yes))))

(defrule finding-isolated-central-pelvic-recurrence-no-other-site
  "A recurrence site outside the central pelvis is recorded."
  (recurrence-site (site ~cervix&~uterus&~vagina&~central-pelvis))
  =>
  (assert (finding (name isolated-central-pelvic-recurrence) (value no))))

(defrule finding-isolated-central-pelvic-recurrence-no-central-site
  "Recurrence sites are recorded and there is none at all."
  (list-recorded (field "/cancer/recurrence/sites") (count 0))
  =>
  (assert (finding (name isolated-central-pelvic-recurrence) (value no))))

(defrule finding-isolated-central-pelvic-recurrence-unknown
  "Recurrence sites are not recorded."
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name isolated-central-pelvic-recurrence) (value unknown))))

(defrule finding-side-wall-involvement-yes-flag
  "The recurrence is recorded as involving the pelvic side wall."
  (recurrence (side-wall TRUE))
  =>
  (assert (finding (name side-wall-involvement) (value yes))))

(defrule finding-side-wall-involvement-yes-site
  "A recurrence site is the pelvic side wall."
  (recurrence-site (site pelvic-side-wall))
  =>
  (assert (finding (name side-wall-involvement) (value yes))))

(defrule finding-side-wall-involvement-no
  "The recurrence is recorded as not involving the side wall, and no site
   says otherwise."
  (recurrence (side-wall FALSE))
  (not (recurrence-site (site pelvic-side-wall)))
  =>
  (assert (finding (name side-wall-involvement) (value no))))

(defrule finding-side-wall-involvement-unknown
  "Side-wall involvement is not recorded and no site is the side wall."
  (not (recurrence (side-wall TRUE|FALSE)))
  (not (recurrence-site (site pelvic-side-wall)))
  =>
  (assert (finding (name side-wall-involvement) (value unknown))))

(defrule finding-pelvic-recurrence-yes
  "A recurrence site in the pelvis is recorded (cervix, uterus, vagina,
   central pelvis, side wall or pelvic nodes)."
  (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes))
  =>
  (assert (finding (name pelvic-recurrence) (value yes))))

(defrule finding-pelvic-recurrence-no
  "Recurrence sites are recorded and none is in the pelvis."
  (list-recorded (field "/cancer/recurrence/sites"))
  (not (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes)))
  =>
  (assert (finding (name pelvic-recurrence) (value no))))

(defrule finding-pelvic-recurrence-unknown
  "Recurrence sites are not recorded."
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name pelvic-recurrence) (value unknown))))

(defrule finding-pelvic-recurrence-only-yes
  "A pelvic recurrence site is recorded and no para-aortic or distant one."
  (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes))
  (not (recurrence-site (site para-aortic-lymph-nodes|distant)))
  =>
  (assert (finding (name pelvic-recurrence-only) (value yes))))

(defrule finding-pelvic-recurrence-only-no-outside
  "A para-aortic or distant recurrence site is recorded."
  (recurrence-site (site para-aortic-lymph-nodes|distant))
  =>
  (assert (finding (name pelvic-recurrence-only) (value no))))

(defrule finding-pelvic-recurrence-only-no-pelvic-site
  "Recurrence sites are recorded and none is in the pelvis or outside it."
  (list-recorded (field "/cancer/recurrence/sites") (count 0))
  =>
  (assert (finding (name pelvic-recurrence-only) (value no))))

(defrule finding-pelvic-recurrence-only-unknown
  "Recurrence sites are not recorded."
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name pelvic-recurrence-only) (value unknown))))

(defrule finding-pet-ct-without-distant-disease-yes
  "A PET/CT shows no distant disease and no PET/CT shows any."
  (imaging (type pet-ct) (distant-disease FALSE))
  (not (imaging (type pet-ct) (distant-disease TRUE)))
  =>
  (assert (finding (name pet-ct-without-distant-disease) (value yes))))

(defrule finding-pet-ct-without-distant-disease-no
  "A PET/CT shows distant disease."
  (imaging (type pet-ct) (distant-disease TRUE))
  =>
  (assert (finding (name pet-ct-without-distant-disease) (value no))))

(defrule finding-pet-ct-without-distant-disease-unknown
  "No PET/CT with a recorded result for distant disease."
  (not (imaging (type pet-ct) (distant-disease TRUE|FALSE)))
  =>
  (assert (finding (name pet-ct-without-distant-disease) (value unknown))))

;;; ---------------------------------------------------------------- scope

(defrule scope-cervix-recurrent
  "A cervical cancer that has come back after treatment, not of a breast
   histology (ductal or lobular carcinoma; reading H1), in a woman or sex
   not recorded (reading S1)."
  (cancer (site cervix) (recurrent TRUE)
          (histology $?h&:(not (member$ ductal-carcinoma ?h))&:(not (member$ lobular-carcinoma ?h))))
  (not (patient (sex male)))
  =>
  (assert (scope (guideline cervix-recurrent))))

(defrule cervix-recurrent-recurrence-status-missing
  "Cervical cancer that the case does not say has come back or not, and
   whose stage does not bring it under the stage 4 guidance (which asks
   for the same field itself): whether it came back decides whether this
   guideline applies, so the case is not covered until it is recorded
   (docs/clinical-readings.md, S1). A case that records no prior
   treatment (prior_treatments []) decides it: a cancer never treated has
   not come back after treatment (S1)."
  (cancer (site cervix) (recurrent)
          (stage $?stage&:(not (or (member$ IV ?stage) (member$ IVA ?stage)
                                   (member$ IVB ?stage))))
          (histology $?h&:(not (member$ ductal-carcinoma ?h))&:(not (member$ lobular-carcinoma ?h))))
  (not (patient (sex male)))
  (not (list-recorded (field "/prior_treatments") (count 0)))
  =>
  (assert (missing
            (field "/cancer/recurrent")
            (needed-for "deciding whether the recurrent cervical cancer guidance applies (a cancer that has come back after treatment): not covered until it is recorded")
            (decides-scope TRUE))))

;;; ---------------------------------------------------------------- CR-7, SA-1: pelvic exenteration
;;; 001 (every histology): exenteration for a recurrence that comes back in
;;; the pelvis and has not spread to the side wall, not when the cancer has
;;; come back elsewhere. 003 (squamous cell carcinoma): the primary curative
;;; option for an isolated central pelvic recurrence after prior pelvic
;;; radiation; without prior radiation its standard is salvage
;;; chemoradiation. Its selection criteria (adequate performance status,
;;; PET/CT before surgery) are read for every histology: the option
;;; `requires adequate-performance-status` (gates.clp), and a missing PET/CT
;;; is flagged, not a silent precondition.

(defrule cervix-recurrent-pelvic-exenteration
  "Pelvic exenteration for a central pelvic recurrence that has not spread
   to the side wall, with no disease outside the pelvis (CR-7); adequate
   performance status required (SA-1, applied by gates.clp)."
  (scope (guideline cervix-recurrent))
  (finding (name central-pelvic-recurrence) (value yes))
  (finding (name pelvic-recurrence-only) (value yes))
  (finding (name side-wall-involvement) (value no))
  (finding (name distant-disease) (value no))
  =>
  (assert (recommendation
            (id cervix-recurrent-pelvic-exenteration)
            (modality surgery)
            (procedure pelvic-exenteration)
            (target pelvis)
            (intent curative)
            (requires adequate-performance-status)
            (summary "Pelvic exenteration for a central pelvic recurrence that has not spread to the side wall, with no distant disease, for highly selected patients with adequate performance status")
            (card cervix-recurrent-local)            (cite cr7-exenteration cr7-not-distant sa1-selection))))

(defrule cervix-recurrent-pelvic-exenteration-after-radiation
  "Squamous cell carcinoma: pelvic exenteration, the primary curative
   option for an isolated central pelvic recurrence after prior pelvic
   radiation (SA-1)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name isolated-central-pelvic-recurrence) (value yes))
  (finding (name side-wall-involvement) (value no))
  (finding (name distant-disease) (value no))
  (finding (name prior-pelvic-radiation) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-pelvic-exenteration)
            (modality surgery)
            (procedure pelvic-exenteration)
            (target pelvis)
            (intent curative)
            (requires adequate-performance-status)
            (summary "Pelvic exenteration for a central pelvic recurrence that has not spread to the side wall, with no distant disease, for highly selected patients with adequate performance status")
            (card cervix-recurrent-local)            (cite sa1-exenteration-curative sa1-only-cure sa1-selection))))

(defrule cervix-recurrent-exenteration-excluded-no-prior-radiation
  "Squamous cell carcinoma, pelvic recurrence, no prior pelvic radiation:
   the algorithm's standard is salvage chemoradiation; exenteration is its
   option after pelvic radiation (SA-1, SA-3)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name prior-pelvic-radiation) (value no))
  (recommendation (id cervix-recurrent-pelvic-exenteration))
  =>
  (assert (exclusion
            (id cervix-recurrent-exenteration-excluded-no-prior-radiation)
            (option cervix-recurrent-pelvic-exenteration)
            (modality surgery) (procedure pelvic-exenteration)
            (reason "Squamous cell carcinoma with a pelvic recurrence and no prior pelvic radiation: the recurrence algorithm gives salvage radiotherapy with concurrent platinum-based chemotherapy as the standard approach; pelvic exenteration is its option for a central recurrence after pelvic radiation.")
            (cite sa3-salvage-chemoradiation sa1-exenteration-curative))))

(defrule cervix-recurrent-exenteration-pending-prior-radiation
  "Squamous cell carcinoma: whether the pelvis was irradiated decides
   between exenteration and salvage chemoradiation (SA-1, SA-3): the option
   waits for it."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name prior-pelvic-radiation) (value unknown))
  (recommendation (id cervix-recurrent-pelvic-exenteration))
  =>
  (assert (pending (option cervix-recurrent-pelvic-exenteration)
                   (finding prior-pelvic-radiation)
                   (cite sa1-exenteration-curative sa3-salvage-chemoradiation))))

(defrule cervix-recurrent-exenteration-excluded-not-isolated
  "Squamous cell carcinoma: exenteration is for an isolated central pelvic
   recurrence; other pelvic disease (pelvic nodes) is recorded (SA-1)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name isolated-central-pelvic-recurrence) (value no))
  (recommendation (id cervix-recurrent-pelvic-exenteration))
  =>
  (assert (exclusion
            (id cervix-recurrent-exenteration-excluded-not-isolated)
            (option cervix-recurrent-pelvic-exenteration)
            (modality surgery) (procedure pelvic-exenteration)
            (reason "The recurrence is not confined to the central pelvis (another pelvic site is recorded); for squamous cell carcinoma the recurrence algorithm offers pelvic exenteration for an isolated central pelvic recurrence.")
            (cite sa1-exenteration-curative))))

(defrule cervix-recurrent-exenteration-pet-ct-not-recorded
  "PET/CT is the preferred imaging before exenteration: without a PET/CT
   result the option stays, flagged (SA-1)."
  (scope (guideline cervix-recurrent))
  (finding (name pet-ct-without-distant-disease) (value unknown))
  (recommendation (id cervix-recurrent-pelvic-exenteration))
  =>
  (assert (warning
            (id cervix-recurrent-exenteration-pet-ct-not-recorded)
            (option cervix-recurrent-pelvic-exenteration)
            (severity caution)
            (text "No PET/CT result is recorded: extensive preoperative imaging (PET/CT preferred) is essential to exclude distant metastases before considering exenterative surgery.")
            (cite sa1-pet-ct))))

(defrule cervix-recurrent-exenteration-excluded-side-wall
  "No pelvic exenteration when the recurrence involves the pelvic side
   wall (CR-7)."
  (scope (guideline cervix-recurrent))
  (finding (name side-wall-involvement) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-exenteration-excluded-side-wall)
            (option cervix-recurrent-pelvic-exenteration)
            (modality surgery)
            (procedure pelvic-exenteration)
            (reason "The recurrence involves the pelvic side wall; pelvic exenteration is used for a recurrence in the pelvis that has not spread to the side wall.")
            (cite cr7-exenteration))))

(defrule cervix-recurrent-exenteration-excluded-distant-disease
  "No pelvic exenteration for a central pelvic recurrence when there is
   distant disease (CR-7, SA-1)."
  (scope (guideline cervix-recurrent))
  (finding (name central-pelvic-recurrence) (value yes))
  (finding (name distant-disease) (value yes))
  =>
  (assert (exclusion
            (id cervix-recurrent-exenteration-excluded-distant-disease)
            (option cervix-recurrent-pelvic-exenteration)
            (modality surgery)
            (procedure pelvic-exenteration)
            (reason "There is distant disease; pelvic exenteration is not used if the cancer has come back in another part of the body, and is offered only with no evidence of distant disease.")
            (cite cr7-not-distant sa1-selection))))

(defrule cervix-recurrent-pelvic-surgery-excluded-not-resectable
  "The recurrence is unresectable (recorded as not resectable, or
   involving the side wall): no surgery on it (\"unresectable\" follows
   from the recorded findings)."
  (scope (guideline cervix-recurrent))
  (finding (name recurrence-unresectable) (value yes))
  (recommendation (id ?o) (modality surgery) (target pelvis) (procedure $?p))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-not-resectable))
            (option ?o) (modality surgery) (procedure $?p)
            (reason "The recurrence is unresectable (recorded as not resectable, or involving the pelvic side wall); in the recurrence algorithm unresectable disease is treated with systemic therapy.")
            (cite sa4-setting))))

;;; ---------------------------------------------------------------- SA-3: salvage chemoradiation
;;; "for patients with pelvic recurrence who did not receive prior
;;; radiation": the pelvic-radiation gate (gates.clp) excludes it after
;;; pelvic radiation and holds it while prior radiation is not recorded.

(defrule cervix-recurrent-salvage-chemoradiation-cisplatin
  "Squamous cell carcinoma, pelvic recurrence, no distant disease: salvage
   external beam radiation with concurrent cisplatin, potentially curative
   (SA-3)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name pelvic-recurrence-only) (value yes))
  (finding (name distant-disease) (value no))
  =>
  (assert (recommendation
            (id cervix-recurrent-salvage-chemoradiation-cisplatin)
            (modality chemoradiation)
            (agents cisplatin)
            (procedure external-beam-radiation)
            (target pelvis)
            (intent curative)
            (preferred TRUE)
            (summary "Salvage external beam radiation therapy (EBRT) to the pelvis with concurrent cisplatin (the preferred radiosensitizing agent): the standard, potentially curative approach for a pelvic recurrence without prior radiation")
            (card cervix-recurrent-local)            (cite sa3-salvage-chemoradiation sa3-cisplatin sa3-curative))))

;;; ---------------------------------------------------------------- CR-1, CR-2: radiation and chemoradiation
;;; 001 offers chemoradiation and radiation as a main treatment, and
;;; radiation to relieve symptoms. A main course treats the recurrence in
;;; the pelvis (its target; a recurrence outside the pelvis gets none);
;;; chemoradiation is one option whose drugs are a menu (see below). The
;;; palliative course is tied to a recorded symptom and aimed at the pelvis
;;; or at metastases. SA-7 concerns the pelvis only: gates.clp excludes the
;;; pelvic courses after pelvic radiation; radiation of metastases stays.

(defrule cervix-recurrent-chemoradiation
  "Chemoradiation of a pelvic recurrence (CR-1): 5-FU plus cisplatin or
   mitomycin, or other chemotherapy drugs. The sentence can be read more
   than one way, so the drugs are a menu (choices) and the summary quotes
   it; the team chooses."
  (scope (guideline cervix-recurrent))
  (finding (name pelvic-recurrence) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemoradiation)
            (modality chemoradiation)
            (choices fluorouracil cisplatin mitomycin)
            (target pelvis)
            (summary "Chemoradiation of the pelvic recurrence: chemotherapy given during radiation therapy to make it more effective; the source: 5-fluorouracil plus cisplatin or mitomycin, or other chemotherapy drugs, may be used")
            (card cervix-recurrent-local)
            (cite cr1-chemoradiation cr1-chemoradiation-drugs))))

(defrule cervix-recurrent-radiation
  "Radiation therapy of a pelvic recurrence (external, brachytherapy or
   both), often with chemotherapy, sometimes alone as the main treatment
   (CR-2)."
  (scope (guideline cervix-recurrent))
  (finding (name pelvic-recurrence) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-radiation)
            (modality radiation)
            (target pelvis)
            (summary "Radiation therapy of the pelvic recurrence alone (external radiation, brachytherapy or both) as the main treatment, in some cases (radiation is often given with chemotherapy)")
            (card cervix-recurrent-local)            (cite cr2-radiation))))

(defrule cervix-recurrent-palliative-radiation-pelvis
  "Palliative radiation to the pelvis for a symptom a pelvic recurrence can
   cause (pain, bleeding, other symptoms) (CR-2)."
  (scope (guideline cervix-recurrent))
  (finding (name pelvic-recurrence) (value yes))
  (finding (name pelvic-symptom) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-palliative-radiation-pelvis)
            (modality radiation)
            (procedure palliative-pelvic-radiation)
            (target pelvis)
            (intent palliative)
            (summary "Palliative radiation therapy to the pelvis to relieve pain, stop bleeding or control other symptoms")
            (card cervix-recurrent-symptom-control)            (cite cr2-palliative-radiation))))

(defrule cervix-recurrent-palliative-radiation-metastases
  "Palliative radiation of metastases for a symptom they can cause (pain,
   bone symptoms, other symptoms) (CR-2), whatever the histology and after
   pelvic radiation too."
  (scope (guideline cervix-recurrent))
  (finding (name distant-disease) (value yes))
  (finding (name metastatic-symptom) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-palliative-radiation-metastases)
            (modality radiation)
            (procedure external-beam-radiation)
            (target metastases)
            (intent palliative)
            (summary "Palliative external beam radiation therapy of metastases to relieve pain or control other symptoms, even when cure is not possible")
            (card cervix-recurrent-symptom-control)            (cite cr2-palliative-radiation))))

(defrule cervix-recurrent-ebrt-painful-metastases
  "Squamous cell carcinoma: selective external beam radiation for painful
   metastases (SA-10); the same option as the palliative radiation of
   metastases (CR-2)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name painful-metastases) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-palliative-radiation-metastases)
            (modality radiation)
            (procedure external-beam-radiation)
            (target metastases)
            (intent palliative)
            (summary "Palliative external beam radiation therapy of metastases to relieve pain or control other symptoms, even when cure is not possible")
            (card cervix-recurrent-symptom-control)            (cite sa10-ebrt))))

;;; ---------------------------------------------------------------- more findings

(defrule finding-recurrence-confined-to-cervix-or-uterus-yes
  "The recorded recurrence sites are the cervix or uterus only."
  (recurrence-site (site cervix|uterus))
  (not (recurrence-site (site ~cervix&~uterus)))
  =>
  (assert (finding (name recurrence-confined-to-cervix-or-uterus) (value yes))))

(defrule finding-recurrence-confined-to-cervix-or-uterus-no-other-site
  "A recurrence site other than the cervix or uterus is recorded."
  (recurrence-site (site ~cervix&~uterus))
  =>
  (assert (finding (name recurrence-confined-to-cervix-or-uterus) (value no))))

(defrule finding-recurrence-confined-to-cervix-or-uterus-no-site
  "Recurrence sites are recorded and there is none."
  (list-recorded (field "/cancer/recurrence/sites") (count 0))
  =>
  (assert (finding (name recurrence-confined-to-cervix-or-uterus) (value no))))

(defrule finding-recurrence-confined-to-cervix-or-uterus-unknown
  "Recurrence sites are not recorded."
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name recurrence-confined-to-cervix-or-uterus) (value unknown))))

(defrule finding-small-recurrence-yes
  "The treating team judges the recurrence small."
  (recurrence (small TRUE))
  =>
  (assert (finding (name small-recurrence) (value yes))))

(defrule finding-small-recurrence-no
  "The treating team judges the recurrence not small."
  (recurrence (small FALSE))
  =>
  (assert (finding (name small-recurrence) (value no))))

(defrule finding-small-recurrence-unknown
  "Whether the recurrence is small is not recorded (its size in cm is not
   used: the source gives no cut-off)."
  (recurrence (small))
  =>
  (assert (finding (name small-recurrence) (value unknown))))

(defrule finding-recurrence-resectable-yes
  "The recurrence can be removed by surgery."
  (recurrence (resectable TRUE))
  =>
  (assert (finding (name recurrence-resectable) (value yes))))

(defrule finding-recurrence-resectable-no
  "The recurrence cannot be removed by surgery."
  (recurrence (resectable FALSE))
  =>
  (assert (finding (name recurrence-resectable) (value no))))

(defrule finding-recurrence-resectable-unknown
  "Resectability is not recorded."
  (recurrence (resectable))
  =>
  (assert (finding (name recurrence-resectable) (value unknown))))

;;; "Unresectable" (SA-4) follows from the recorded findings: the team
;;; records the recurrence as not resectable, or it involves the pelvic side
;;; wall (001: exenteration is not used once it has spread to the side
;;; wall).

(defrule finding-recurrence-unresectable-yes-recorded
  "The recurrence is recorded as not resectable."
  (finding (name recurrence-resectable) (value no))
  =>
  (assert (finding (name recurrence-unresectable) (value yes))))

(defrule finding-recurrence-unresectable-yes-side-wall
  "The recurrence involves the pelvic side wall."
  (finding (name side-wall-involvement) (value yes))
  =>
  (assert (finding (name recurrence-unresectable) (value yes))))

(defrule finding-recurrence-unresectable-no
  "The recurrence is recorded as resectable and not involving the side
   wall."
  (finding (name recurrence-resectable) (value yes))
  (finding (name side-wall-involvement) (value no))
  =>
  (assert (finding (name recurrence-unresectable) (value no))))

(defrule finding-recurrence-unresectable-unknown
  "Resectability or side-wall involvement is not recorded, and neither
   makes the recurrence unresectable."
  (or (and (finding (name recurrence-resectable) (value unknown))
           (finding (name side-wall-involvement) (value no|unknown)))
      (and (finding (name recurrence-resectable) (value yes))
           (finding (name side-wall-involvement) (value unknown))))
  =>
  (assert (finding (name recurrence-unresectable) (value unknown))))

(defrule finding-multiple-pelvic-nodes-yes
  "Several pelvic lymph nodes are involved."
  (recurrence (multiple-pelvic-nodes TRUE))
  =>
  (assert (finding (name multiple-pelvic-nodes) (value yes))))

(defrule finding-multiple-pelvic-nodes-no
  "Several pelvic lymph nodes are recorded as not involved."
  (recurrence (multiple-pelvic-nodes FALSE))
  =>
  (assert (finding (name multiple-pelvic-nodes) (value no))))

(defrule finding-multiple-pelvic-nodes-unknown
  "Pelvic node involvement is not recorded."
  (recurrence (multiple-pelvic-nodes))
  =>
  (assert (finding (name multiple-pelvic-nodes) (value unknown))))

(defrule finding-bulky-pelvic-tumour-in-irradiated-field-yes
  "A bulky recurrence inside a previously irradiated area."
  (recurrence (bulky-in-irradiated-field TRUE))
  =>
  (assert (finding (name bulky-pelvic-tumour-in-irradiated-field) (value yes))))

(defrule finding-bulky-pelvic-tumour-in-irradiated-field-no
  "The recurrence is recorded as not bulky in an irradiated area."
  (recurrence (bulky-in-irradiated-field FALSE))
  =>
  (assert (finding (name bulky-pelvic-tumour-in-irradiated-field) (value no))))

(defrule finding-bulky-pelvic-tumour-in-irradiated-field-unknown
  "Not recorded."
  (recurrence (bulky-in-irradiated-field))
  =>
  (assert (finding (name bulky-pelvic-tumour-in-irradiated-field) (value unknown))))

;;; First line (SA-4, SA-6): systemic therapy (chemotherapy, targeted or
;;; immunotherapy) given for advanced disease (setting metastatic or
;;; recurrent). "Progressing on first-line therapy": its response was
;;; progression, or the cancer progressed after it.

(defrule finding-progressed-on-first-line-yes-response
  "Systemic therapy for advanced disease ended in progression."
  (prior-treatment (type chemotherapy|targeted|immunotherapy)
                   (setting metastatic|recurrent) (response progression))
  =>
  (assert (finding (name progressed-on-first-line) (value yes))))

(defrule finding-progressed-on-first-line-yes-after
  "The cancer progressed after systemic therapy for advanced disease."
  (prior-treatment (type chemotherapy|targeted|immunotherapy)
                   (setting metastatic|recurrent) (progressed-after TRUE))
  =>
  (assert (finding (name progressed-on-first-line) (value yes))))

(defrule finding-progressed-on-first-line-no
  "Prior treatments are recorded; no systemic therapy for advanced disease,
   or each one is recorded without progression during or after it; every
   systemic therapy has a setting."
  (list-recorded (field "/prior_treatments"))
  (forall (prior-treatment (type chemotherapy|targeted|immunotherapy)
                           (setting metastatic|recurrent) (pointer ?p))
          (prior-treatment (pointer ?p) (response complete|partial|stable)
                           (progressed-after FALSE)))
  (not (prior-treatment (type chemotherapy|targeted|immunotherapy) (setting)))
  =>
  (assert (finding (name progressed-on-first-line) (value no))))

(defrule finding-progressed-on-first-line-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name progressed-on-first-line) (value unknown))))

(defrule finding-progressed-on-first-line-unknown-outcome
  "A systemic therapy for advanced disease has no recorded outcome and none
   shows progression."
  (list-recorded (field "/prior_treatments"))
  (prior-treatment (type chemotherapy|targeted|immunotherapy)
                   (setting metastatic|recurrent) (response $?r) (pointer ?p))
  (not (prior-treatment (pointer ?p) (response complete|partial|stable)
                        (progressed-after FALSE)))
  (not (prior-treatment (type chemotherapy|targeted|immunotherapy)
                        (setting metastatic|recurrent) (response progression)))
  (not (prior-treatment (type chemotherapy|targeted|immunotherapy)
                        (setting metastatic|recurrent) (progressed-after TRUE)))
  =>
  (assert (finding (name progressed-on-first-line) (value unknown)))
  ;; The field that leaves it open: its response (not recorded, or
  ;; recorded as unknown), else whether the cancer progressed after it.
  (assert (finding-gap (finding progressed-on-first-line)
                       (field (str-cat ?p (if (or (= (length$ ?r) 0) (member$ unknown ?r))
                                           then "/response" else "/progressed_after")))
                       (why (if (member$ unknown ?r) then "response recorded as unknown"
                             else "")))))

(defrule finding-progressed-on-first-line-unknown-setting
  "A systemic therapy has no setting and none shows progression."
  (list-recorded (field "/prior_treatments"))
  (prior-treatment (type chemotherapy|targeted|immunotherapy) (setting) (pointer ?p))
  (not (prior-treatment (type chemotherapy|targeted|immunotherapy)
                        (setting metastatic|recurrent) (response progression)))
  (not (prior-treatment (type chemotherapy|targeted|immunotherapy)
                        (setting metastatic|recurrent) (progressed-after TRUE)))
  =>
  (assert (finding (name progressed-on-first-line) (value unknown)))
  (assert (finding-gap (finding progressed-on-first-line)
                       (field (str-cat ?p "/setting")))))

;;; Isolated chest metastases (SA-5): the case vocabulary has `lung` as its
;;; only chest site, so "isolated chest metastases" is read as metastases in
;;; the lung only, with no pelvic or para-aortic recurrence site (the
;;; comparison in the source is with pelvic recurrences). A recurrence site
;;; `distant` is allowed: it is the same distant disease.

(defrule finding-isolated-chest-metastases-yes
  "Metastases in the lung only, recurrence sites recorded and none of them
   pelvic or para-aortic."
  (metastasis (site lung))
  (not (metastasis (site ~lung)))
  (list-recorded (field "/cancer/recurrence/sites"))
  (not (recurrence-site (site ~distant)))
  =>
  (assert (finding (name isolated-chest-metastases) (value yes))))

(defrule finding-isolated-chest-metastases-no-other-metastasis
  "A metastasis outside the lung."
  (metastasis (site ~lung))
  =>
  (assert (finding (name isolated-chest-metastases) (value no))))

(defrule finding-isolated-chest-metastases-no-lung
  "Metastases are recorded and none is in the lung."
  (list-recorded (field "/cancer/metastases"))
  (not (metastasis (site lung)))
  =>
  (assert (finding (name isolated-chest-metastases) (value no))))

(defrule finding-isolated-chest-metastases-no-pelvic-disease
  "Lung metastases together with a pelvic or para-aortic recurrence (each
   lung metastasis supports it; the next rule adds the recurrence sites, so
   that no rule pairs the two lists)."
  (metastasis (site lung))
  (exists (recurrence-site (site ~distant)))
  =>
  (assert (finding (name isolated-chest-metastases) (value no))))

(defrule finding-isolated-chest-metastases-no-pelvic-disease-site
  "A pelvic or para-aortic recurrence together with lung metastases (each
   such recurrence site supports it)."
  (recurrence-site (site ~distant))
  (exists (metastasis (site lung)))
  =>
  (assert (finding (name isolated-chest-metastases) (value no))))

(defrule finding-isolated-chest-metastases-unknown-metastases
  "Metastases are not recorded."
  (not (list-recorded (field "/cancer/metastases")))
  =>
  (assert (finding (name isolated-chest-metastases) (value unknown))))

(defrule finding-isolated-chest-metastases-unknown-sites
  "Lung-only metastases, but the recurrence sites are not recorded."
  (metastasis (site lung))
  (not (metastasis (site ~lung)))
  (not (list-recorded (field "/cancer/recurrence/sites")))
  =>
  (assert (finding (name isolated-chest-metastases) (value unknown))))

;;; Disease in multiple locations (SA-5). Locations: the pelvis (any pelvic
;;; recurrence site), the para-aortic nodes, and each metastatic site; a
;;; recurrence site `distant` is a location of its own.

;;; Each yes rule below takes one site and asks that another exists, and
;;; its mirror takes the other side: no rule pairs two sites, so n sites
;;; fire n times, and the finding still lists every site behind it.

(defrule finding-disease-at-multiple-sites-yes-two-metastatic-sites
  "Metastases at two different sites (each metastasis beside one at
   another site supports it)."
  (metastasis (site ?a))
  (exists (metastasis (site ~?a)))
  =>
  (assert (finding (name disease-at-multiple-sites) (value yes))))

(defrule finding-disease-at-multiple-sites-yes-pelvis-and-metastasis
  "A pelvic recurrence together with a metastasis or distant recurrence
   (each pelvic site supports it)."
  (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes))
  (or (exists (metastasis))
      (exists (recurrence-site (site distant))))
  =>
  (assert (finding (name disease-at-multiple-sites) (value yes))))

(defrule finding-disease-at-multiple-sites-yes-metastasis-and-pelvis
  "A metastasis or distant recurrence together with a pelvic recurrence
   (each metastasis or distant site supports it)."
  (or (metastasis)
      (recurrence-site (site distant)))
  (exists (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes)))
  =>
  (assert (finding (name disease-at-multiple-sites) (value yes))))

(defrule finding-disease-at-multiple-sites-yes-para-aortic-and-other
  "Para-aortic nodes together with a pelvic, metastatic or distant site
   (each para-aortic site supports it)."
  (recurrence-site (site para-aortic-lymph-nodes))
  (or (exists (metastasis))
      (exists (recurrence-site (site ~para-aortic-lymph-nodes))))
  =>
  (assert (finding (name disease-at-multiple-sites) (value yes))))

(defrule finding-disease-at-multiple-sites-yes-other-and-para-aortic
  "A pelvic, metastatic or distant site together with para-aortic nodes
   (each such site supports it)."
  (or (metastasis)
      (recurrence-site (site ~para-aortic-lymph-nodes)))
  (exists (recurrence-site (site para-aortic-lymph-nodes)))
  =>
  (assert (finding (name disease-at-multiple-sites) (value yes))))

(defrule finding-disease-at-multiple-sites-no
  "Metastases and recurrence sites are recorded and all the disease is in
   one location."
  (list-recorded (field "/cancer/metastases"))
  (list-recorded (field "/cancer/recurrence/sites"))
  (not (and (metastasis (site ?a)) (metastasis (site ~?a))))
  (not (and (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes))
            (or (metastasis) (recurrence-site (site distant)))))
  (not (and (recurrence-site (site para-aortic-lymph-nodes))
            (or (metastasis) (recurrence-site (site ~para-aortic-lymph-nodes)))))
  =>
  (assert (finding (name disease-at-multiple-sites) (value no))))

(defrule finding-disease-at-multiple-sites-unknown
  "Metastases or recurrence sites are not recorded, and what is recorded
   shows one location at most."
  (or (not (list-recorded (field "/cancer/metastases")))
      (not (list-recorded (field "/cancer/recurrence/sites"))))
  (not (and (metastasis (site ?a)) (metastasis (site ~?a))))
  (not (and (recurrence-site (site cervix|uterus|vagina|central-pelvis|pelvic-side-wall|pelvic-lymph-nodes))
            (or (metastasis) (recurrence-site (site distant)))))
  (not (and (recurrence-site (site para-aortic-lymph-nodes))
            (or (metastasis) (recurrence-site (site ~para-aortic-lymph-nodes)))))
  =>
  (assert (finding (name disease-at-multiple-sites) (value unknown))))

;;; Painful metastases (SA-10): pain or bone pain recorded in a patient with
;;; distant disease (a metastasis or a distant recurrence site). The case
;;; cannot say which lesion causes the pain; the team checks.

(defrule finding-painful-metastases-yes
  "Pain with distant metastases (each pain symptom supports it; the next
   rule adds the metastases, so that no rule pairs the two lists)."
  (symptom (name pain|bone-pain))
  (or (exists (metastasis))
      (exists (recurrence-site (site distant))))
  =>
  (assert (finding (name painful-metastases) (value yes))))

(defrule finding-painful-metastases-yes-metastasis
  "Distant metastases with pain (each metastasis or distant recurrence
   supports it)."
  (or (metastasis) (recurrence-site (site distant)))
  (exists (symptom (name pain|bone-pain)))
  =>
  (assert (finding (name painful-metastases) (value yes))))

(defrule finding-painful-metastases-no-metastases
  "Metastases are recorded as none and no distant recurrence."
  (list-recorded (field "/cancer/metastases") (count 0))
  (not (recurrence-site (site distant)))
  =>
  (assert (finding (name painful-metastases) (value no))))

(defrule finding-painful-metastases-no-pain
  "Symptoms are recorded and there is no pain."
  (list-recorded (field "/symptoms"))
  (not (symptom (name pain|bone-pain)))
  =>
  (assert (finding (name painful-metastases) (value no))))

(defrule finding-painful-metastases-unknown-metastases
  "Metastases are not recorded, no distant recurrence, and symptoms do not
   rule pain out."
  (not (list-recorded (field "/cancer/metastases")))
  (not (recurrence-site (site distant)))
  (or (symptom (name pain|bone-pain))
      (not (list-recorded (field "/symptoms"))))
  =>
  (assert (finding (name painful-metastases) (value unknown))))

(defrule finding-painful-metastases-unknown-symptoms
  "Distant disease, symptoms not recorded."
  (or (metastasis) (recurrence-site (site distant)))
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name painful-metastases) (value unknown))))

;;; ---------------------------------------------------------------- local options: CR-8, SA-2

(defrule cervix-recurrent-radical-hysterectomy
  "Radical hysterectomy for a small recurrence in the cervix or uterus after
   earlier radiation (CR-8). \"Small\" is the team's judgement; a recurrence
   with distant disease is not a recurrence in the cervix or uterus only.
   Major pelvic surgery after radiation: the selection for surgery
   (adequate performance status, SA-1) applies to it as to exenteration and
   resection, whatever the histology (reading G4)."
  (scope (guideline cervix-recurrent))
  (finding (name recurrence-confined-to-cervix-or-uterus) (value yes))
  (finding (name small-recurrence) (value yes))
  (finding (name prior-pelvic-radiation) (value yes))
  (finding (name distant-disease) (value no))
  =>
  (assert (recommendation
            (id cervix-recurrent-radical-hysterectomy)
            (modality surgery)
            (procedure radical-hysterectomy)
            (target pelvis)
            (requires adequate-performance-status)
            (summary "Radical hysterectomy for a small recurrence in the cervix or uterus after earlier radiation therapy (small as judged by the treating team; the source gives no size)")
            (card cervix-recurrent-local)
            (cite cr8-radical-hysterectomy sa1-selection))))

(defrule cervix-recurrent-resection-then-systemic-therapy
  "Squamous cell carcinoma: resection followed by systemic therapy for an
   isolated pelvic recurrence in an irradiated field, when it can be
   removed (SA-2); the algorithm's selection for surgery (adequate
   performance status, SA-1) applies to it as to exenteration."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name pelvic-recurrence-only) (value yes))
  (finding (name distant-disease) (value no))
  (finding (name prior-pelvic-radiation) (value yes))
  (finding (name recurrence-resectable) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-resection-then-systemic-therapy)
            (modality surgery)
            (procedure resection)
            (target pelvis)
            (requires adequate-performance-status)
            (summary "Resection followed by systemic therapy can be considered for an isolated pelvic recurrence that was previously irradiated, for selected patients with adequate performance status")
            (card cervix-recurrent-local)
            (cite sa2-resection sa1-selection))))

;;; ---------------------------------------------------------------- systemic therapy: CR-3, CR-4, CR-6, SA-4 (one decision)
;;; The preferred regimen of the algorithm first (SA-4, squamous cell
;;; carcinoma, distant metastases or unresectable disease, first line), its
;;; alternative, then the chemotherapy backbone of 001: the 13 drugs "used
;;; alone or in combination" (a menu, never a regimen) and the 5 common
;;; combinations (regimens; cisplatin/paclitaxel is also the algorithm's
;;; standard doublet: one option, both reasons). Bevacizumab and
;;; pembrolizumab are add-ons to chemotherapy (`with-chemotherapy`).
;;;
;;; "Unresectable disease" (SA-4) is the branch the algorithm reaches when
;;; the local curative branches do not apply: the recurrence is not
;;; resectable or involves the side wall, after prior pelvic radiation (a
;;; pelvic recurrence without prior radiation has salvage chemoradiation as
;;; its standard, SA-3).

(defrule cervix-recurrent-cisplatin-paclitaxel-bevacizumab-distant
  "First line for distant metastases: cisplatin/paclitaxel/bevacizumab,
   preferred (SA-4)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name distant-disease) (value yes))
  (finding (name progressed-on-first-line) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-cisplatin-paclitaxel-bevacizumab)
            (modality chemotherapy)
            (agents cisplatin paclitaxel bevacizumab)
            (schedule "15 mg/kg bevacizumab every 3 weeks with paclitaxel and cisplatin")
            (intent palliative)
            (preferred TRUE)
            (summary "First-line systemic therapy: cisplatin/paclitaxel/bevacizumab (preferred); adding bevacizumab to chemotherapy improves overall survival")
            (card cervix-recurrent-systemic)
            (cite sa4-setting sa4-cisplatin-paclitaxel-bevacizumab sa4-bevacizumab-survival))))

(defrule cervix-recurrent-cisplatin-paclitaxel-bevacizumab-unresectable
  "First line for unresectable disease after pelvic radiation:
   cisplatin/paclitaxel/bevacizumab, preferred (SA-4)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name recurrence-unresectable) (value yes))
  (finding (name prior-pelvic-radiation) (value yes))
  (finding (name progressed-on-first-line) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-cisplatin-paclitaxel-bevacizumab)
            (modality chemotherapy)
            (agents cisplatin paclitaxel bevacizumab)
            (schedule "15 mg/kg bevacizumab every 3 weeks with paclitaxel and cisplatin")
            (intent palliative)
            (preferred TRUE)
            (summary "First-line systemic therapy: cisplatin/paclitaxel/bevacizumab (preferred); adding bevacizumab to chemotherapy improves overall survival")
            (card cervix-recurrent-systemic)
            (cite sa4-setting sa4-cisplatin-paclitaxel-bevacizumab sa4-bevacizumab-survival))))

(defrule cervix-recurrent-paclitaxel-topotecan-bevacizumab-distant
  "First line for distant metastases: paclitaxel/topotecan/bevacizumab,
   alternative (SA-4)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name distant-disease) (value yes))
  (finding (name progressed-on-first-line) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-paclitaxel-topotecan-bevacizumab)
            (modality chemotherapy)
            (agents paclitaxel topotecan bevacizumab)
            (schedule "15 mg/kg bevacizumab every 3 weeks")
            (intent palliative)
            (summary "First-line systemic therapy, alternative regimen: paclitaxel/topotecan/bevacizumab")
            (card cervix-recurrent-systemic)
            (cite sa4-setting sa4-paclitaxel-topotecan-bevacizumab))))

(defrule cervix-recurrent-paclitaxel-topotecan-bevacizumab-unresectable
  "First line for unresectable disease after pelvic radiation:
   paclitaxel/topotecan/bevacizumab, alternative (SA-4)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name recurrence-unresectable) (value yes))
  (finding (name prior-pelvic-radiation) (value yes))
  (finding (name progressed-on-first-line) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-paclitaxel-topotecan-bevacizumab)
            (modality chemotherapy)
            (agents paclitaxel topotecan bevacizumab)
            (schedule "15 mg/kg bevacizumab every 3 weeks")
            (intent palliative)
            (summary "First-line systemic therapy, alternative regimen: paclitaxel/topotecan/bevacizumab")
            (card cervix-recurrent-systemic)
            (cite sa4-setting sa4-paclitaxel-topotecan-bevacizumab))))

(defrule cervix-recurrent-palliative-chemotherapy
  "Chemotherapy to relieve pain or control symptoms, with the drugs the
   source lists, alone or in combination: a menu (CR-3)."
  (scope (guideline cervix-recurrent))
  =>
  (assert (recommendation
            (id cervix-recurrent-palliative-chemotherapy)
            (modality chemotherapy)
            (choices cisplatin carboplatin paclitaxel topotecan gemcitabine fluorouracil
                     ifosfamide docetaxel irinotecan mitomycin vinorelbine epirubicin doxorubicin)
            (intent palliative)
            (summary "Chemotherapy to relieve pain or control symptoms, with one or more of these drugs, alone or in combination: cisplatin, carboplatin, paclitaxel, topotecan, gemcitabine, 5-fluorouracil, ifosfamide, docetaxel, irinotecan, mitomycin, vinorelbine, epirubicin, doxorubicin")
            (card cervix-recurrent-systemic) (role backbone)
            (cite cr3-chemotherapy cr3-drugs))))

(defrule cervix-recurrent-chemotherapy-cisplatin-ifosfamide
  "A common combination: cisplatin and ifosfamide (CR-3)."
  (scope (guideline cervix-recurrent))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-cisplatin-ifosfamide)
            (modality chemotherapy) (agents cisplatin ifosfamide) (intent palliative)
            (summary "Chemotherapy, common combination: cisplatin and ifosfamide")
            (card cervix-recurrent-systemic) (role backbone)
            (cite cr3-chemotherapy cr3-combinations))))

(defrule cervix-recurrent-chemotherapy-cisplatin-paclitaxel
  "A common combination: cisplatin and paclitaxel (CR-3)."
  (scope (guideline cervix-recurrent))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-cisplatin-paclitaxel)
            (modality chemotherapy) (agents cisplatin paclitaxel) (intent palliative)
            (summary "Chemotherapy with cisplatin and paclitaxel (a common combination; in the recurrence algorithm, the standard doublet without bevacizumab)")
            (card cervix-recurrent-systemic) (role backbone)
            (cite cr3-chemotherapy cr3-combinations))))

(defrule cervix-recurrent-chemotherapy-cisplatin-paclitaxel-distant
  "First line for distant metastases: cisplatin/paclitaxel, the standard
   doublet without bevacizumab (SA-4); the same option as the common
   combination."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name distant-disease) (value yes))
  (finding (name progressed-on-first-line) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-cisplatin-paclitaxel)
            (modality chemotherapy) (agents cisplatin paclitaxel) (intent palliative)
            (summary "Chemotherapy with cisplatin and paclitaxel (a common combination; in the recurrence algorithm, the standard doublet without bevacizumab)")
            (card cervix-recurrent-systemic) (role backbone)
            (cite sa4-setting sa4-cisplatin-paclitaxel))))

(defrule cervix-recurrent-chemotherapy-cisplatin-paclitaxel-unresectable
  "First line for unresectable disease after pelvic radiation:
   cisplatin/paclitaxel, the standard doublet without bevacizumab (SA-4);
   the same option as the common combination."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name recurrence-unresectable) (value yes))
  (finding (name prior-pelvic-radiation) (value yes))
  (finding (name progressed-on-first-line) (value ~yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-cisplatin-paclitaxel)
            (modality chemotherapy) (agents cisplatin paclitaxel) (intent palliative)
            (summary "Chemotherapy with cisplatin and paclitaxel (a common combination; in the recurrence algorithm, the standard doublet without bevacizumab)")
            (card cervix-recurrent-systemic) (role backbone)
            (cite sa4-setting sa4-cisplatin-paclitaxel))))

(defrule cervix-recurrent-chemotherapy-cisplatin-gemcitabine
  "A common combination: cisplatin and gemcitabine (CR-3)."
  (scope (guideline cervix-recurrent))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-cisplatin-gemcitabine)
            (modality chemotherapy) (agents cisplatin gemcitabine) (intent palliative)
            (summary "Chemotherapy, common combination: cisplatin and gemcitabine")
            (card cervix-recurrent-systemic) (role backbone)
            (cite cr3-chemotherapy cr3-combinations))))

(defrule cervix-recurrent-chemotherapy-cisplatin-topotecan
  "A common combination: cisplatin and topotecan (CR-3)."
  (scope (guideline cervix-recurrent))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-cisplatin-topotecan)
            (modality chemotherapy) (agents cisplatin topotecan) (intent palliative)
            (summary "Chemotherapy, common combination: cisplatin and topotecan")
            (card cervix-recurrent-systemic) (role backbone)
            (cite cr3-chemotherapy cr3-combinations))))

(defrule cervix-recurrent-chemotherapy-paclitaxel-topotecan
  "A common combination: paclitaxel and topotecan (CR-3)."
  (scope (guideline cervix-recurrent))
  =>
  (assert (recommendation
            (id cervix-recurrent-chemotherapy-paclitaxel-topotecan)
            (modality chemotherapy) (agents paclitaxel topotecan) (intent palliative)
            (summary "Chemotherapy, common combination: paclitaxel and topotecan")
            (card cervix-recurrent-systemic) (role backbone)
            (cite cr3-chemotherapy cr3-combinations))))

(defrule cervix-recurrent-bevacizumab-with-chemotherapy
  "Bevacizumab, usually with chemotherapy (CR-4): an add-on to the
   chemotherapy backbone."
  (scope (guideline cervix-recurrent))
  =>
  (assert (recommendation
            (id cervix-recurrent-bevacizumab-with-chemotherapy)
            (modality targeted)
            (agents bevacizumab)
            (with-chemotherapy TRUE)
            (summary "Targeted therapy with bevacizumab, usually given in combination with chemotherapy")
            (card cervix-recurrent-systemic) (role add-on)
            (cite cr4-bevacizumab))))

(defrule cervix-recurrent-pembrolizumab-with-chemotherapy
  "Pembrolizumab with chemotherapy, sometimes also with bevacizumab, only
   for PD-L1 positive tumours (CR-6): an add-on to the chemotherapy
   backbone."
  (scope (guideline cervix-recurrent))
  (finding (name pd-l1-positive) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-pembrolizumab-chemotherapy)
            (modality immunotherapy)
            (agents pembrolizumab)
            (with-chemotherapy TRUE)
            (summary "Pembrolizumab in combination with chemotherapy, sometimes also with bevacizumab (PD-L1 positive tumour)")
            (card cervix-recurrent-systemic) (role add-on)
            (cite cr6-pembrolizumab cr6-pd-l1-only))))

(defrule cervix-recurrent-pembrolizumab-excluded-pd-l1-negative
  "No pembrolizumab for a PD-L1 negative tumour (CR-6)."
  (scope (guideline cervix-recurrent))
  (finding (name pd-l1-positive) (value no))
  =>
  (assert (exclusion
            (id cervix-recurrent-pembrolizumab-excluded-pd-l1-negative)
            (option cervix-recurrent-pembrolizumab-chemotherapy)
            (modality immunotherapy) (agents pembrolizumab)
            (reason "The tumour is PD-L1 negative; pembrolizumab is only used for cervical cancer tumours that have the PD-L1 checkpoint protein.")
            (cite cr6-pd-l1-only))))

;;; ---------------------------------------------------------------- later lines: CR-5, SA-6

(defrule cervix-recurrent-cemiplimab
  "Metastatic disease: cemiplimab when chemotherapy for advanced disease
   did not work or the cancer came back after it (CR-5)."
  (scope (guideline cervix-recurrent))
  (finding (name distant-disease) (value yes))
  (finding (name chemotherapy-failed-for-advanced-disease) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-cemiplimab)
            (modality immunotherapy)
            (agents cemiplimab)
            (summary "Immunotherapy with cemiplimab, as chemotherapy for metastatic disease did not work or the cancer came back after it")
            (card cervix-recurrent-later-line)
            (cite cr5-cemiplimab))))

(defrule cervix-recurrent-second-line
  "Second line after progression on first-line therapy: no standard;
   paclitaxel, topotecan, or other platinum-based combinations may be
   considered (SA-6): a menu (the source names no platinum combination)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name progressed-on-first-line) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-second-line)
            (modality chemotherapy)
            (choices paclitaxel topotecan)
            (summary "Second line (no standard regimen exists): paclitaxel, topotecan, or other platinum-based combinations may be considered")
            (card cervix-recurrent-later-line)
            (cite sa6-no-standard sa6-options))))

;;; ---------------------------------------------------------------- CR-9, SA-9: supportive care
;;; One supportive-care option for every case (001); the algorithm's
;;; triggers for discussing it alongside systemic therapy (SA-9) add their
;;; reasons to it. Poor performance status also puts it first (gates.clp).

(defrule cervix-recurrent-supportive-care
  "Supportive care stands beside treatment for every covered case (CR-9):
   care to feel better without treating the cancer itself. It comes first
   when the patient cannot have or does not want cancer treatment, when
   treatment stopped working or its side effects are hard to cope with,
   or at poor performance status (gates.clp)."
  (scope (guideline cervix-recurrent))
  =>
  (assert (recommendation
            (id cervix-recurrent-supportive-care)
            (modality supportive-care)
            (intent palliative)
            (cancer-directed FALSE)
            (summary "Supportive (palliative) care to make the patient feel better without treating the cancer itself, beside or instead of cancer treatment (when treatments don't work any more, are not likely to help, have side effects that are hard to cope with, or are not wanted or possible); the healthcare team helps choose care and treatment")
            (card cervix-recurrent-supportive-care)
            (cite cr9-supportive-care cr9-reasons cr9-talk))))

(defrule cervix-recurrent-supportive-care-multiple-pelvic-nodes
  "Multiple pelvic nodes: palliative / best supportive care discussed
   alongside systemic therapy (SA-9)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name multiple-pelvic-nodes) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-supportive-care)
            (modality supportive-care)
            (intent palliative)
            (cancer-directed FALSE)
            (summary "Supportive (palliative) care to make the patient feel better without treating the cancer itself, beside or instead of cancer treatment (when treatments don't work any more, are not likely to help, have side effects that are hard to cope with, or are not wanted or possible); the healthcare team helps choose care and treatment")
            (card cervix-recurrent-supportive-care)
            (cite sa9-palliative-care))))

(defrule cervix-recurrent-supportive-care-distant-metastases
  "Distant metastases: palliative / best supportive care discussed
   alongside systemic therapy (SA-9)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name distant-disease) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-supportive-care)
            (modality supportive-care)
            (intent palliative)
            (cancer-directed FALSE)
            (summary "Supportive (palliative) care to make the patient feel better without treating the cancer itself, beside or instead of cancer treatment (when treatments don't work any more, are not likely to help, have side effects that are hard to cope with, or are not wanted or possible); the healthcare team helps choose care and treatment")
            (card cervix-recurrent-supportive-care)
            (cite sa9-palliative-care))))

(defrule cervix-recurrent-supportive-care-poor-performance-status
  "Poor performance status (ECOG 3-4): palliative / best supportive care
   discussed alongside systemic therapy (SA-9)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name performance-status-poor) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-supportive-care)
            (modality supportive-care)
            (intent palliative)
            (cancer-directed FALSE)
            (summary "Supportive (palliative) care to make the patient feel better without treating the cancer itself, beside or instead of cancer treatment (when treatments don't work any more, are not likely to help, have side effects that are hard to cope with, or are not wanted or possible); the healthcare team helps choose care and treatment")
            (card cervix-recurrent-supportive-care)
            (cite sa9-palliative-care))))

;;; ---------------------------------------------------------------- CR-10, SA-6: clinical trials (one option)

(defrule cervix-recurrent-clinical-trial
  "Clinical trials open to women with cervical cancer (CR-10); trials
   treat the cancer, so a patient who does not want or cannot have cancer
   treatment is not offered one (gates.clp)."
  (scope (guideline cervix-recurrent))
  =>
  (assert (recommendation
            (id cervix-recurrent-clinical-trial)
            (modality clinical-trial)
            (summary "Ask about clinical trials open to women with cervical cancer (strongly considered when the cancer progressed on first-line therapy)")
            (card cervix-recurrent-clinical-trial)
            (cite cr10-clinical-trials))))

(defrule cervix-recurrent-clinical-trial-after-first-line
  "Clinical trial enrolment strongly considered after progression on
   first-line therapy (SA-6): the same option, with this reason."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name progressed-on-first-line) (value yes))
  =>
  (assert (recommendation
            (id cervix-recurrent-clinical-trial)
            (modality clinical-trial)
            (summary "Ask about clinical trials open to women with cervical cancer (strongly considered when the cancer progressed on first-line therapy)")
            (card cervix-recurrent-clinical-trial)
            (cite sa6-clinical-trial))))

;;; ---------------------------------------------------------------- SA-7: re-irradiation

(defrule cervix-recurrent-note-reirradiation-investigational
  "A pelvic recurrence after pelvic radiation: further pelvic radiation is
   ruled out in most cases (gates.clp); re-irradiation remains
   investigational, for highly selected cases (SA-7)."
  (scope (guideline cervix-recurrent))
  (finding (name pelvic-recurrence) (value yes))
  (finding (name prior-pelvic-radiation) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-reirradiation-investigational)
            (text "After pelvic radiation, further pelvic radiation is contraindicated in most cases (unacceptable toxicity); re-irradiation may occasionally be considered with advanced techniques in highly selected cases, but remains investigational.")
            (cite sa7-contraindication sa7-reirradiation-investigational))))

;;; ---------------------------------------------------------------- histology (H1)

(defrule cervix-recurrent-note-histology-other
  "A histology recorded as other: 001 names no histology and 003 is
   written for squamous cell carcinoma; neither says whether its options
   apply (reading H1)."
  (scope (guideline cervix-recurrent))
  (finding (name histology-other) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-histology-other)
            (card status)
            (text "The histology is recorded as other (not squamous cell carcinoma, adenocarcinoma or adenosquamous carcinoma). The recurrent cervical cancer source names no histology and does not say whether its options apply to this one; the recurrence algorithm of 003 is written for squamous cell carcinoma and is not applied. The options below are those of the source: the treating team decides whether they apply.")
            (cite cr1-recurrent-means sa1-squamous-title))))

;;; ---------------------------------------------------------------- SA-4, SA-5, SA-11: notes

(defrule cervix-recurrent-note-systemic-therapy-distant
  "What systemic therapy can be expected to do, where it is the branch of
   the algorithm (distant metastases): for the goals-of-care discussion
   (SA-4, SA-5, SA-11)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name distant-disease) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-systemic-therapy)
            (text "Cisplatin remains the backbone of systemic therapy (about 30% objective response as a single agent). Response to salvage chemotherapy typically lasts 4-6 months, with median survival under 1 year for most patients; complete remissions occur mainly outside the pelvis (lung, lymph nodes, soft tissue).")
            (cite sa4-cisplatin-backbone sa11-response-duration sa5-extrapelvic-remissions))))

(defrule cervix-recurrent-note-systemic-therapy-unresectable
  "What systemic therapy can be expected to do, where it is the branch of
   the algorithm (unresectable disease after pelvic radiation) (SA-4,
   SA-5, SA-11)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name recurrence-unresectable) (value yes))
  (finding (name prior-pelvic-radiation) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-systemic-therapy)
            (text "Cisplatin remains the backbone of systemic therapy (about 30% objective response as a single agent). Response to salvage chemotherapy typically lasts 4-6 months, with median survival under 1 year for most patients; complete remissions occur mainly outside the pelvis (lung, lymph nodes, soft tissue).")
            (cite sa4-cisplatin-backbone sa11-response-duration sa5-extrapelvic-remissions))))

(defrule cervix-recurrent-note-isolated-chest-metastases
  "Isolated chest metastases respond better to cisplatin than pelvic
   recurrences (SA-5)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name isolated-chest-metastases) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-isolated-chest-metastases)
            (text "Isolated chest metastases (here: lung-only metastases) respond better to cisplatin than pelvic recurrences: 73% overall response (53% complete) versus 21% (0% complete).")
            (cite sa5-chest))))

(defrule cervix-recurrent-note-bulky-irradiated-pelvic-tumour
  "Bulky pelvic tumour in an irradiated area is largely refractory to
   systemic chemotherapy (SA-5)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name bulky-pelvic-tumour-in-irradiated-field) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-bulky-irradiated-pelvic-tumour)
            (text "Bulky pelvic tumour in a previously irradiated area remains largely refractory to systemic chemotherapy.")
            (cite sa5-bulky-irradiated))))

(defrule cervix-recurrent-note-multiple-sites
  "Disease in several locations lowers the likelihood of response at any
   one site (SA-5)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  (finding (name disease-at-multiple-sites) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-multiple-sites)
            (text "Disease in several locations reduces the likelihood of response at any individual site.")
            (cite sa5-multiple-locations))))

(defrule cervix-recurrent-note-recurrence-timing
  "Most recurrences occur within 2 years of initial treatment (SA-11)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-recurrence-timing)
            (text "Most recurrences (70-80%) occur within the first 2 years after initial treatment.")
            (cite sa11-timing))))

(defrule cervix-recurrent-note-site-and-response
  "The site of recurrence affects response, not necessarily survival; size,
   stage, age and time to recurrence do not predict response (SA-11)."
  (scope (guideline cervix-recurrent))
  (finding (name squamous-cell-carcinoma) (value yes))
  =>
  (assert (note
            (id cervix-recurrent-note-site-and-response)
            (text "The location of recurrence (extrapelvic versus pelvic) affects response rates but not necessarily overall survival; lesion size, clinical stage, age and time from primary treatment to recurrence do not significantly predict response or survival.")
            (cite sa11-location sa11-factors))))
