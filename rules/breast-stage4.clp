;;; breast-stage4.clp: treatment of stage IV (metastatic) breast cancer.
;;;
;;; Source: rules/sources/004_e2ff6cf0888c64ad.txt, Canadian Cancer Society,
;;; "Treatment of stage IV breast cancer" (knowledge map labels B4-1..B4-16).
;;;
;;; Covers: breast cancer recorded as stage IV, and breast cancer of another
;;; or unrecorded stage at diagnosis with distant disease now (the source
;;; speaks of "stage IV (or metastatic) breast cancer"; a note says so).
;;; Not covered: a man (the source is written for women and its hormonal
;;; options rest on menopausal status), and a breast cancer without
;;; recorded distant disease and not stage IV.
;;;
;;; Options, on decision cards (card-def below):
;;;   hormonal therapy: an aromatase inhibitor (a menu; post-menopausal women
;;;     only; also the switch after a period of time on tamoxifen),
;;;     tamoxifen, ovarian ablation for premenopausal women who do not wish
;;;     to take other hormonal therapy (LHRH agonists as a menu, surgery or
;;;     radiation therapy);
;;;   chemotherapy: the single drugs as one menu and the 7 combinations (CMF
;;;     given by vein or by mouth is one) as the backbones of one card;
;;;   anti-HER2 therapy, for a HER2-positive tumour: pertuzumab with
;;;     trastuzumab and a taxane, trastuzumab with paclitaxel or docetaxel,
;;;     trastuzumab alone;
;;;   later lines: eribulin (after 2 chemotherapy regimens for metastatic
;;;     disease, an anthracycline and a taxane), trastuzumab emtansine
;;;     (after trastuzumab and a taxane);
;;;   bone metastases: bisphosphonates (a menu) and other pain management;
;;;   external beam radiation and surgery for the symptoms the source
;;;     lists; clinical trials.
;;;
;;; Readings (each written once, with the source sentence and why, in
;;; docs/clinical-readings.md, section 8):
;;; - Hormonal therapy needs a tumour that is, or may be, hormone sensitive:
;;;   hormone receptor positive (ER+, PR+ or both) or receptor status
;;;   unknown (a result sought and not available). The other two bullets
;;;   (bone or soft tissue only; cannot or do not wish to have chemotherapy)
;;;   say when it is favoured: they are cited on the options when they
;;;   apply, and never make a receptor-negative tumour qualify.
;;; - ER+ with PR- is hormone receptor positive; "hormone receptor negative
;;;   (ER-, PR- or both)" for chemotherapy is ER- and PR-. One receptor
;;;   negative and the other not recorded is a gap in the record: the other
;;;   result is asked for.
;;; - Each option cites the bullet of its source list that applied.
;;; - Trastuzumab "is given until the cancer no longer responds to treatment
;;;   or progresses": after progression on it in advanced disease no option
;;;   with trastuzumab is offered again (the treatment-history gate,
;;;   gates.clp, cites this sentence for this guideline).
;;; - Pertuzumab "can be used in women who have not received prior anti-HER2
;;;   therapy or chemotherapy for metastatic diasease": "for metastatic
;;;   disease" bounds both; anti-HER2 therapy given before the cancer spread
;;;   leaves the option listed, flagged for the team.
;;; - "Chemotherapy regimens for metastatic disease" (eribulin, pertuzumab):
;;;   a prior treatment of type chemotherapy or chemoradiation, or of any
;;;   type but surgery whose agents hold a chemotherapy drug, given for
;;;   advanced disease (setting metastatic or recurrent, or primary
;;;   treatment of a cancer that was stage IV at diagnosis and is not
;;;   recorded as recurrent); no setting recorded leaves it open.
;;; - Radiation "to relieve pain and other symptoms caused by bone
;;;   metastases": bone pain, pain, a fracture or spinal cord compression
;;;   with bone metastases.
;;; - The combinations are listed "for recurrent breast cancer" on this
;;;   stage IV page; they are offered where chemotherapy may be offered, and
;;;   each says so.
;;;
;;; This file says what the source offers for the disease; what holds for
;;; the patient (wishes, fitness for treatment and for chemotherapy,
;;; treatment history, drug safety) is applied once, by rules/gates.clp and
;;; rules/drug-safety.clp, to what the options declare. The source gives
;;; no supportive-care passage: when the patient declines or cannot have
;;; cancer treatment, the care it gives that does not treat the cancer
;;; (bisphosphonates, other pain management) comes first and a note says
;;; the source is silent about that situation.

;;; ---------------------------------------------------------------- guideline

(deffacts breast-stage4-guideline
  (guideline (id breast-stage4)
             (title "Stage IV (metastatic) breast cancer")
             (source "004_e2ff6cf0888c64ad.txt")
             (covers "breast cancer in a woman, stage IV at diagnosis or with distant spread now")))

(deffacts breast-stage4-cards
  (card-def (id breast-stage4-hormonal) (guideline breast-stage4)
            (kind systemic) (order 1)
            (title "Hormonal therapy (hormone receptor-positive or unknown status)"))
  (card-def (id breast-stage4-chemotherapy) (guideline breast-stage4)
            (kind systemic) (order 2)
            (title "Chemotherapy: single drugs or combinations"))
  (card-def (id breast-stage4-anti-her2) (guideline breast-stage4)
            (kind systemic) (order 3)
            (title "Anti-HER2 therapy (HER2-positive tumour)"))
  (card-def (id breast-stage4-later-line) (guideline breast-stage4)
            (kind later-line)
            (title "After earlier treatment for metastatic disease"))
  (card-def (id breast-stage4-bone) (guideline breast-stage4)
            (kind symptom-control) (order 1)
            (title "Bone metastases: bisphosphonates and pain management"))
  (card-def (id breast-stage4-symptom-control) (guideline breast-stage4)
            (kind symptom-control) (order 2)
            (title "Radiation and surgery to relieve symptoms"))
  (card-def (id breast-stage4-clinical-trial) (guideline breast-stage4)
            (kind clinical-trial) (title "Clinical trials")))

;;; ---------------------------------------------------------------- citations

(deffacts breast-stage4-citations
  (citation (id b4-1-not-curable)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "At present, stage IV (or metastatic) breast cancer is not considered curable."))
  (citation (id b4-1-goal)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "The goal of treatment is to help the woman survive (sometimes for several years) and to remain free of symptoms as long as possible."))
  (citation (id b4-1-depends)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "The type of treatment offered for stage IV breast cancer will depend on: • the hormone receptor status of the tumour • the HER2 status of the tumour • where the cancer has spread • bone • soft tissues • other organs (liver, lung or brain) • the woman’s overall health"))
  (citation (id b4-1-unique-needs)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "The types of treatments given are based on the unique needs of the woman with cancer."))
  (citation (id b4-1-ductal-lobular)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "Invasive ductal and invasive lobular carcinomas are treated the same way."))
  (citation (id b4-1-health)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "the woman’s overall health"))
  (citation (id b4-2-receptor-positive)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-2)
            (quote "Hormonal therapy may be offered for stage IV breast cancer with: • hormone receptor–positive tumours (ER+, PR+ or both)"))
  (citation (id b4-2-hormonal)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-2)
            (quote "Hormonal therapy may be offered for stage IV breast cancer with:"))
  (citation (id b4-2-receptor-unknown)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-2)
            (quote "tumours where the hormone receptor status is unknown"))
  (citation (id b4-2-bone-soft-tissue-only)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-2)
            (quote "metastasis in the bone or soft tissues only"))
  (citation (id b4-2-no-chemotherapy)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-2)
            (quote "women who cannot or do not wish to have chemotherapy"))
  (citation (id b4-3-aromatase-inhibitors)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-3)
            (quote "aromatase inhibitors – used only in post-menopausal women • letrozole (Femara) • anastrozole (Arimidex) • exemestane (Aromasin)"))
  (citation (id b4-3-post-menopausal-only)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-3)
            (quote "aromatase inhibitors – used only in post-menopausal women"))
  (citation (id b4-4-tamoxifen)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-4)
            (quote "tamoxifen (Nolvadex, Tamofen) – the most common anti-estrogen"))
  (citation (id b4-4-pre-and-post)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-4)
            (quote "Tamoxifen is used to treat both premenopausal and post-menopausal women."))
  (citation (id b4-4-switch)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-4)
            (quote "Post-menopausal women may be switched to an aromatase inhibitor after a period of time on tamoxifen."))
  (citation (id b4-5-ovarian-ablation)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-5)
            (quote "ovarian ablation – may be offered to premenopausal women who do not wish to take other types of hormonal therapy"))
  (citation (id b4-5-methods)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-5)
            (quote "luteinizing hormone–releasing hormone (LHRH) agonists • goserelin (Zoladex) • leuprolide (Lupron, Lupron Depot, Eligard) • buserelin (Suprefact) • surgery • radiation therapy"))
  (citation (id b4-6-receptor-negative)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-6)
            (quote "Chemotherapy may be offered for stage IV breast cancer that: • is hormone receptor negative (ER–, PR– or both)"))
  (citation (id b4-6-chemotherapy)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-6)
            (quote "Chemotherapy may be offered for stage IV breast cancer that:"))
  (citation (id b4-6-liver-lung-brain)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-6)
            (quote "has spread to liver, lung or brain"))
  (citation (id b4-6-no-response)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-6)
            (quote "does not respond to hormonal therapy"))
  (citation (id b4-6-progressing-severe)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-6)
            (quote "is progressing quickly or is causing severe symptoms or life-threatening complications"))
  (citation (id b4-7-similar)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "The response of stage IV breast cancer to single chemotherapy drugs or combinations is similar. Single drugs are often given for stage IV breast cancer because they have fewer side effects than combination chemotherapy."))
  (citation (id b4-7-single-drugs)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "The types of single chemotherapy drugs are: • vinorelbine (Navelbine) • cisplatin (Platinol AQ) • capecitabine (Xeloda) • paclitaxel (Taxol) • docetaxel (Taxotere) • doxorubicin (Adriamycin) • 5-fluorouracil (Adrucil, 5-FU) • methotrexate • epirubicin (Pharmorubicin) • etoposide (Vepesid) – given by mouth (oral) • cyclophosphamide (Cytoxan, Procytox) • gemcitabine (Gemzar) • mitomycin (Mutamycin) • protein-bound paclitaxel (Abraxane)"))
  (citation (id b4-7-eribulin)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "eribulin (Halaven)"))
  (citation (id b4-8-eribulin-two-regimens)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-8)
            (quote "Eribulin may be used to treat metastatic breast cancer in women who have received at least 2 other chemotherapy regimens for metastatic disease."))
  (citation (id b4-8-eribulin-previous-therapy)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-8)
            (quote "Previous therapy should have included an anthracycline (such as doxorubicin or epirubicin) and a taxane (such as paclitaxel or docetaxel)."))
  (citation (id b4-9-combinations)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "Chemotherapy combinations that may be offered for recurrent breast cancer are:"))
  (citation (id b4-9-ac)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "AC • doxorubicin and cyclophosphamide"))
  (citation (id b4-9-docetaxel-doxorubicin)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "docetaxel and doxorubicin"))
  (citation (id b4-9-fac)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "FAC (or CAF) • cyclophosphamide (by mouth), doxorubicin and 5-fluorouracil"))
  (citation (id b4-9-cmf)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "CMF – IV • cyclophosphamide (intravenous), methotrexate and 5-fluorouracil • CMF – PO • cyclophosphamide (by mouth), methotrexate and 5-fluorouracil"))
  (citation (id b4-9-doxorubicin-paclitaxel)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "doxorubicin and paclitaxel"))
  (citation (id b4-9-docetaxel-capecitabine)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "docetaxel and capecitabine"))
  (citation (id b4-9-vinorelbine-epirubicin)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "vinorelbine and epirubicin"))
  (citation (id b4-10-trastuzumab)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-10)
            (quote "Herceptin is offered to women with HER2-positive tumours."))
  (citation (id b4-10-alone-or-combination)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-10)
            (quote "It may be used alone or in combination with chemotherapy drugs like paclitaxel or docetaxel."))
  (citation (id b4-10-until-progression)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-10)
            (quote "Herceptin is given until the cancer no longer responds to treatment or progresses."))
  (citation (id b4-11-pertuzumab)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-11)
            (quote "Pertuzumab (Perjeta) is another drug designed to target HER2 proteins that is used with trastuzumab and taxane chemotherapy for treatment of metastatic HER2-positive breast cancer."))
  (citation (id b4-11-pertuzumab-condition)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-11)
            (quote "It is given as an intravenous drug injected into a vein and can be used in women who have not received prior anti-HER2 therapy or chemotherapy for metastatic diasease."))
  (citation (id b4-12-trastuzumab-emtansine)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-12)
            (quote "It may be used to treat women with HER2-positive metastatic breast cancer who have received prior treatment with trastuzumab and taxane chemotherapy, separately or in combination."))
  (citation (id b4-13-bisphosphonates)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-13)
            (quote "Bisphosphonates may be used to reduce pain and fractures when breast cancer has spread to the bone (bone metastases)."))
  (citation (id b4-13-bisphosphonate-types)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-13)
            (quote "The types of bisphosphonates used to treat bone metastases from breast cancer are: • clodronate (Bonefos) • pamidronate (Aredia) • zoledronic acid (Zometa, Aclasta)"))
  (citation (id b4-13-pain-management)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-13)
            (quote "Women who have pain from the bone metastases may be offered other methods of pain management along with bisphosphonate therapy."))
  (citation (id b4-14-bone)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-14)
            (quote "External beam radiation therapy may be offered for stage IV breast cancer to relieve pain and other symptoms caused by: • bone metastases"))
  (citation (id b4-14-radiation)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-14)
            (quote "External beam radiation therapy may be offered for stage IV breast cancer to relieve pain and other symptoms caused by:"))
  (citation (id b4-14-bronchial)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-14)
            (quote "a blockage of the bronchi"))
  (citation (id b4-14-brain-spinal-cord)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-14)
            (quote "brain or spinal cord metastases (rare)"))
  (citation (id b4-14-chest-wall)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-14)
            (quote "painful, open, draining areas on the breast or chest wall"))
  (citation (id b4-15-surgery)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-15)
            (quote "Surgery is sometimes used to relieve pain and other symptoms associated with stage IV breast cancer."))
  (citation (id b4-15-skin-lump)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-15)
            (quote "remove a lump in the skin"))
  (citation (id b4-15-isolated-metastasis)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-15)
            (quote "remove a single or isolated metastasis in the:"))
  (citation (id b4-15-fracture)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-15)
            (quote "fix broken (fractured) bones caused by metastasis"))
  (citation (id b4-15-spinal-cord-compression)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-15)
            (quote "treat spinal cord compression caused by metastasis"))
  (citation (id b4-16-clinical-trials)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-16)
            (quote "Women with breast cancer may be offered the opportunity to participate in clinical trials.")))

;;; ---------------------------------------------------------------- scope

(defrule scope-breast-stage4
  "Breast cancer recorded as stage IV, in a woman (or sex not recorded)."
  (cancer (site breast) (stage IV))
  (not (patient (sex male)))
  =>
  (assert (scope (guideline breast-stage4))))

(defrule scope-breast-stage4-metastatic
  "Breast cancer of another or unrecorded stage at diagnosis that has
   spread to distant sites now: the source covers stage IV (or metastatic)
   breast cancer. A note says the stage IV options are applied."
  (cancer (site breast) (stage $?stage&:(not (member$ IV ?stage))))
  (not (patient (sex male)))
  (finding (name distant-disease) (value yes))
  =>
  (assert (scope (guideline breast-stage4))))

(defrule breast-stage4-stage-missing
  "Breast cancer in a woman (or sex not recorded) with no stage recorded
   and no distant disease recorded: stage IV at diagnosis would bring it
   under this guideline, so the case is not covered until the stage is
   recorded (docs/clinical-readings.md, S1)."
  (cancer (site breast) (stage))
  (not (patient (sex male)))
  (finding (name distant-disease) (value no|unknown))
  =>
  (assert (missing
            (field "/cancer/stage")
            (needed-for "deciding whether the stage IV breast cancer guidance applies (stage IV at diagnosis, or distant spread now): not covered until the stage is recorded")
            (decides-scope TRUE))))

(defrule breast-stage4-metastases-missing
  "Breast cancer in a woman (or sex not recorded), not recorded as stage
   IV, whose metastases are not recorded: distant spread now would bring
   it under this guideline, so the case is not covered until the
   metastases are recorded (docs/clinical-readings.md, S1)."
  (cancer (site breast) (stage $?stage&:(not (member$ IV ?stage))))
  (not (patient (sex male)))
  (finding (name distant-disease) (value unknown))
  =>
  (assert (missing
            (field "/cancer/metastases")
            (needed-for "deciding whether the stage IV breast cancer guidance applies (stage IV at diagnosis, or distant spread now): not covered until the metastases are recorded")
            (decides-scope TRUE))))

;;; ---------------------------------------------------------------- helpers

(deffunction breast-stage4-advanced-setting (?setting ?stage ?recurrent)
  "TRUE when a prior treatment (its setting, a 0..1 multifield) was given
   for advanced disease: setting metastatic or recurrent, or primary
   treatment of a cancer that was stage IV at diagnosis and is not
   recorded as recurrent (its first treatment was for metastatic disease;
   the reading of the treatment-history gate)."
  (or (neq (member$ metastatic ?setting) FALSE)
      (neq (member$ recurrent ?setting) FALSE)
      (and (neq (member$ primary ?setting) FALSE)
           (neq (member$ IV ?stage) FALSE)
           (eq (member$ TRUE ?recurrent) FALSE))))

(deffunction breast-stage4-chemotherapy-regimen (?type ?agents)
  "TRUE when a prior treatment is a chemotherapy regimen: of type
   chemotherapy or chemoradiation, or of another type but surgery whose
   agents hold a chemotherapy drug (trastuzumab with paclitaxel recorded as
   anti-HER2 therapy is chemotherapy too)."
  (or (eq ?type chemotherapy)
      (eq ?type chemoradiation)
      (and (neq ?type surgery)
           (> (length$ ?agents) 0)
           (any-factp ((?d drug))
                      (and (member$ ?d:agent ?agents)
                           (member$ chemotherapy ?d:classes))))))

(deffunction breast-stage4-anti-her2-treatment (?type ?agents)
  "TRUE when a prior treatment is anti-HER2 therapy: of type anti-HER2, or
   with an anti-HER2 drug among its agents."
  (or (eq ?type anti-HER2)
      (any-factp ((?d drug))
                 (and (member$ ?d:agent ?agents)
                      (member$ anti-HER2 ?d:classes)))))

;;; ---------------------------------------------------------------- findings

(deffacts breast-stage4-findings
  (finding-def (name stage-iv-at-diagnosis)
               (text "stage IV at diagnosis")
               (fields "/cancer/stage"))
  (finding-def (name er-positive)
               (text "ER-positive tumour")
               (fields "/biomarkers/ER"))
  (finding-def (name pr-positive)
               (text "PR-positive tumour")
               (fields "/biomarkers/PR"))
  (finding-def (name hormone-receptor-positive)
               (text "hormone receptor-positive tumour (ER+, PR+ or both; ER- and PR- is receptor negative)")
               (fields "/biomarkers/ER" "/biomarkers/PR"))
  (finding-def (name hormone-receptor-status-unknown)
               (text "hormone receptor status unknown (a result sought and not available, and none positive)")
               (fields "/biomarkers/ER" "/biomarkers/PR"))
  (finding-def (name hormone-sensitive)
               (text "a tumour that is, or may be, hormone sensitive: hormone receptor-positive, or receptor status unknown")
               (fields "/biomarkers/ER" "/biomarkers/PR"))
  (finding-def (name her2-positive)
               (text "HER2-positive tumour")
               (fields "/biomarkers/HER2"))
  (finding-def (name post-menopausal)
               (text "post-menopausal")
               (fields "/patient/menopausal_status"))
  (finding-def (name bone-or-soft-tissue-metastases-only)
               (text "metastases in the bone or soft tissues only")
               (fields "/cancer/metastases"))
  (finding-def (name liver-lung-or-brain-metastases)
               (text "spread to liver, lung or brain")
               (fields "/cancer/metastases"))
  (finding-def (name bone-metastases)
               (text "bone metastases")
               (fields "/cancer/metastases"))
  (finding-def (name brain-metastases)
               (text "brain metastases")
               (fields "/cancer/metastases"))
  (finding-def (name spinal-cord-metastases)
               (text "spinal cord metastases")
               (fields "/cancer/metastases"))
  (finding-def (name no-response-to-hormonal-therapy)
               (text "the cancer does not respond to hormonal therapy given for advanced disease (it progressed on or after it)")
               (fields "/prior_treatments"))
  (finding-def (name rapid-progression)
               (text "the cancer is progressing quickly")
               (fields "/cancer/rapid_progression"))
  (finding-def (name severe-symptoms-or-life-threatening-complications)
               (text "severe symptoms or life-threatening complications")
               (fields "/symptoms"))
  (finding-def (name progressing-quickly-or-severe-symptoms)
               (text "the cancer is progressing quickly or causing severe symptoms or life-threatening complications")
               (fields "/cancer/rapid_progression" "/symptoms"))
  (finding-def (name chemotherapy-declined-or-unsuitable)
               (text "the patient cannot have or does not wish to have chemotherapy (as recorded; not recorded counts as no)")
               (fields))
  (finding-def (name declines-other-hormonal-therapy)
               (text "patient does not wish to take other types of hormonal therapy")
               (fields "/preferences/declines_other_hormonal_therapy"))
  (finding-def (name prior-tamoxifen)
               (text "a period of time on tamoxifen")
               (fields "/prior_treatments" "/medications"))
  (finding-def (name metastatic-chemotherapy-regimens-two-or-more)
               (text "at least 2 chemotherapy regimens for metastatic disease")
               (fields "/prior_treatments"))
  (finding-def (name prior-anthracycline)
               (text "previous therapy included an anthracycline")
               (fields "/prior_treatments" "/medications"))
  (finding-def (name prior-taxane)
               (text "previous therapy included a taxane")
               (fields "/prior_treatments" "/medications"))
  (finding-def (name anthracycline-and-taxane-for-metastatic-disease)
               (text "the anthracycline and the taxane were given for metastatic disease")
               (fields "/prior_treatments"))
  (finding-def (name prior-chemotherapy-for-metastatic-disease)
               (text "prior chemotherapy for metastatic disease")
               (fields "/prior_treatments"))
  (finding-def (name prior-anti-her2-for-metastatic-disease)
               (text "prior anti-HER2 therapy for metastatic disease")
               (fields "/prior_treatments"))
  (finding-def (name prior-anti-her2-before-spread)
               (text "anti-HER2 therapy given before the cancer spread (adjuvant, neoadjuvant or primary treatment of earlier disease)")
               (fields "/prior_treatments"))
  (finding-def (name prior-trastuzumab)
               (text "prior treatment with trastuzumab")
               (fields "/prior_treatments" "/medications"))
  (finding-def (name stable-disease-on-trastuzumab)
               (text "stable disease recorded on trastuzumab given for metastatic disease")
               (fields "/prior_treatments"))
  (finding-def (name bone-metastasis-symptom)
               (text "a symptom bone metastases cause: bone pain, pain (the case cannot say which lesion causes it), a fracture or spinal cord compression")
               (fields "/symptoms"))
  (finding-def (name bone-pain)
               (text "pain that may come from the bone metastases: bone pain, or pain (the case cannot say which lesion causes it)")
               (fields "/symptoms"))
  (finding-def (name bronchial-obstruction)
               (text "bronchial obstruction")
               (fields "/symptoms"))
  (finding-def (name open-draining-chest-wall-lesion)
               (text "painful, open, draining area on the breast or chest wall")
               (fields "/symptoms"))
  (finding-def (name skin-lump)
               (text "a lump in the skin")
               (fields "/symptoms"))
  (finding-def (name fracture)
               (text "a bone broken by metastasis")
               (fields "/symptoms"))
  (finding-def (name spinal-cord-compression)
               (text "spinal cord compression caused by metastasis")
               (fields "/symptoms"))
  (finding-def (name isolated-metastasis)
               (text "a single or isolated metastasis")
               (fields "/cancer/isolated_metastasis")))

;;; Stage at diagnosis: tells a stage IV case from one that spread later.

(defrule finding-stage-iv-at-diagnosis-yes
  "Stage IV at diagnosis."
  (cancer (stage IV))
  =>
  (assert (finding (name stage-iv-at-diagnosis) (value yes))))

(defrule finding-stage-iv-at-diagnosis-no
  "Another stage at diagnosis."
  (cancer (stage ~IV))
  =>
  (assert (finding (name stage-iv-at-diagnosis) (value no))))

(defrule finding-stage-iv-at-diagnosis-unknown
  "The stage at diagnosis is not recorded."
  (cancer (stage))
  =>
  (assert (finding (name stage-iv-at-diagnosis) (value unknown))))

;;; Hormone receptors (B4-2, B4-6). One finding per receptor, then the
;;; tumour: positive (ER+, PR+ or both), negative (ER- and PR-), unknown.
;;; "Receptor status unknown" (B4-2) is a result sought and not available
;;; (the case states `unknown`) with none positive; a result that is not
;;; recorded is a gap in the record, and is asked for.

(defrule finding-er-positive-yes
  "ER-positive tumour."
  (biomarker (name ER) (status positive))
  =>
  (assert (finding (name er-positive) (value yes))))

(defrule finding-er-positive-no
  "ER-negative tumour."
  (biomarker (name ER) (status negative))
  =>
  (assert (finding (name er-positive) (value no))))

(defrule finding-er-positive-unknown
  "ER not recorded, or recorded as unknown."
  (not (biomarker (name ER) (status positive|negative)))
  =>
  (assert (finding (name er-positive) (value unknown))))

(defrule finding-pr-positive-yes
  "PR-positive tumour."
  (biomarker (name PR) (status positive))
  =>
  (assert (finding (name pr-positive) (value yes))))

(defrule finding-pr-positive-no
  "PR-negative tumour."
  (biomarker (name PR) (status negative))
  =>
  (assert (finding (name pr-positive) (value no))))

(defrule finding-pr-positive-unknown
  "PR not recorded, or recorded as unknown."
  (not (biomarker (name PR) (status positive|negative)))
  =>
  (assert (finding (name pr-positive) (value unknown))))

(defrule finding-hormone-receptor-positive-yes-er
  "ER-positive: hormone receptor positive, whatever PR says (ER+ with
   PR- is hormone receptor positive)."
  (finding (name er-positive) (value yes))
  =>
  (assert (finding (name hormone-receptor-positive) (value yes))))

(defrule finding-hormone-receptor-positive-yes-pr
  "PR-positive: hormone receptor positive, whatever ER says."
  (finding (name pr-positive) (value yes))
  =>
  (assert (finding (name hormone-receptor-positive) (value yes))))

(defrule finding-hormone-receptor-positive-no
  "ER-negative and PR-negative: hormone receptor negative."
  (finding (name er-positive) (value no))
  (finding (name pr-positive) (value no))
  =>
  (assert (finding (name hormone-receptor-positive) (value no))))

(defrule finding-hormone-receptor-positive-unknown-er
  "ER not known, PR not positive."
  (finding (name er-positive) (value unknown))
  (finding (name pr-positive) (value no|unknown))
  =>
  (assert (finding (name hormone-receptor-positive) (value unknown))))

(defrule finding-hormone-receptor-positive-unknown-pr
  "ER negative, PR not known."
  (finding (name er-positive) (value no))
  (finding (name pr-positive) (value unknown))
  =>
  (assert (finding (name hormone-receptor-positive) (value unknown))))

(defrule finding-hormone-receptor-status-unknown-yes
  "A receptor result was sought and is not available (stated unknown), and
   none is positive: the hormone receptor status is unknown (B4-2)."
  (biomarker (name ER|PR) (status unknown))
  (not (biomarker (name ER|PR) (status positive)))
  =>
  (assert (finding (name hormone-receptor-status-unknown) (value yes))))

(defrule finding-hormone-receptor-status-unknown-no-positive
  "Hormone receptor positive: the status is known."
  (finding (name hormone-receptor-positive) (value yes))
  =>
  (assert (finding (name hormone-receptor-status-unknown) (value no))))

(defrule finding-hormone-receptor-status-unknown-no-negative
  "ER-negative and PR-negative: the status is known."
  (finding (name hormone-receptor-positive) (value no))
  =>
  (assert (finding (name hormone-receptor-status-unknown) (value no))))

(defrule finding-hormone-receptor-status-unknown-unknown
  "No receptor is positive, none is stated unknown, and one is not
   recorded: a gap in the record (ER negative and PR not recorded is not
   'status unknown'); the missing result is asked for."
  (finding (name hormone-receptor-positive) (value unknown))
  (not (biomarker (name ER|PR) (status unknown)))
  =>
  (assert (finding (name hormone-receptor-status-unknown) (value unknown))))

(defrule finding-hormone-sensitive-yes-positive
  "Hormone receptor positive."
  (finding (name hormone-receptor-positive) (value yes))
  =>
  (assert (finding (name hormone-sensitive) (value yes))))

(defrule finding-hormone-sensitive-yes-status-unknown
  "Hormone receptor status unknown."
  (finding (name hormone-receptor-status-unknown) (value yes))
  =>
  (assert (finding (name hormone-sensitive) (value yes))))

(defrule finding-hormone-sensitive-no
  "Hormone receptor negative (ER- and PR-)."
  (finding (name hormone-receptor-positive) (value no))
  =>
  (assert (finding (name hormone-sensitive) (value no))))

(defrule finding-hormone-sensitive-unknown
  "A receptor result is not recorded and neither rule applies yet."
  (finding (name hormone-receptor-status-unknown) (value unknown))
  =>
  (assert (finding (name hormone-sensitive) (value unknown))))

;;; HER2 (B4-10..B4-12), menopausal status (B4-3..B4-5).

(defrule finding-her2-positive-yes
  "HER2-positive tumour."
  (biomarker (name HER2) (status positive))
  =>
  (assert (finding (name her2-positive) (value yes))))

(defrule finding-her2-positive-no
  "HER2-negative tumour."
  (biomarker (name HER2) (status negative))
  =>
  (assert (finding (name her2-positive) (value no))))

(defrule finding-her2-positive-unknown
  "HER2 status not recorded or recorded as unknown."
  (not (biomarker (name HER2) (status positive|negative)))
  =>
  (assert (finding (name her2-positive) (value unknown))))

(defrule finding-post-menopausal-yes
  "Post-menopausal."
  (patient (menopausal-status post))
  =>
  (assert (finding (name post-menopausal) (value yes))))

(defrule finding-post-menopausal-no
  "Premenopausal."
  (patient (menopausal-status pre))
  =>
  (assert (finding (name post-menopausal) (value no))))

(defrule finding-post-menopausal-unknown
  "Menopausal status not recorded or recorded as unknown."
  (not (patient (menopausal-status pre|post)))
  =>
  (assert (finding (name post-menopausal) (value unknown))))

;;; Where the cancer has spread (B4-1, B4-2, B4-6, B4-13, B4-14).

(defrule finding-bone-or-soft-tissue-metastases-only-yes
  "Metastases are recorded and every one is in bone or soft tissue."
  (metastasis (site bone|soft-tissue))
  (not (metastasis (site ~bone&~soft-tissue)))
  =>
  (assert (finding (name bone-or-soft-tissue-metastases-only) (value yes))))

(defrule finding-bone-or-soft-tissue-metastases-only-no
  "A metastasis outside bone and soft tissue."
  (metastasis (site ~bone&~soft-tissue))
  =>
  (assert (finding (name bone-or-soft-tissue-metastases-only) (value no))))

(defrule finding-bone-or-soft-tissue-metastases-only-no-metastases
  "Metastases are recorded as none."
  (list-recorded (field "/cancer/metastases") (count 0))
  =>
  (assert (finding (name bone-or-soft-tissue-metastases-only) (value no))))

(defrule finding-bone-or-soft-tissue-metastases-only-unknown
  "Metastases are not recorded."
  (not (list-recorded (field "/cancer/metastases")))
  =>
  (assert (finding (name bone-or-soft-tissue-metastases-only) (value unknown))))

(defrule finding-liver-lung-or-brain-metastases-yes
  "A metastasis in the liver, lung or brain."
  (metastasis (site liver|lung|brain))
  =>
  (assert (finding (name liver-lung-or-brain-metastases) (value yes))))

(defrule finding-liver-lung-or-brain-metastases-no
  "Metastases are recorded and none is in the liver, lung or brain."
  (list-recorded (field "/cancer/metastases"))
  (not (metastasis (site liver|lung|brain)))
  =>
  (assert (finding (name liver-lung-or-brain-metastases) (value no))))

(defrule finding-liver-lung-or-brain-metastases-unknown
  "Metastases are not recorded."
  (not (list-recorded (field "/cancer/metastases")))
  =>
  (assert (finding (name liver-lung-or-brain-metastases) (value unknown))))

(defrule finding-bone-metastases-yes
  "A metastasis in the bone."
  (metastasis (site bone))
  =>
  (assert (finding (name bone-metastases) (value yes))))

(defrule finding-bone-metastases-no
  "Metastases are recorded and none is in the bone."
  (list-recorded (field "/cancer/metastases"))
  (not (metastasis (site bone)))
  =>
  (assert (finding (name bone-metastases) (value no))))

(defrule finding-bone-metastases-unknown
  "Metastases are not recorded."
  (not (list-recorded (field "/cancer/metastases")))
  =>
  (assert (finding (name bone-metastases) (value unknown))))

(defrule finding-brain-metastases-yes
  "A metastasis in the brain."
  (metastasis (site brain))
  =>
  (assert (finding (name brain-metastases) (value yes))))

(defrule finding-brain-metastases-no
  "Metastases are recorded and none is in the brain."
  (list-recorded (field "/cancer/metastases"))
  (not (metastasis (site brain)))
  =>
  (assert (finding (name brain-metastases) (value no))))

(defrule finding-brain-metastases-unknown
  "Metastases are not recorded."
  (not (list-recorded (field "/cancer/metastases")))
  =>
  (assert (finding (name brain-metastases) (value unknown))))

(defrule finding-spinal-cord-metastases-yes
  "A metastasis in the spinal cord."
  (metastasis (site spinal-cord))
  =>
  (assert (finding (name spinal-cord-metastases) (value yes))))

(defrule finding-spinal-cord-metastases-no
  "Metastases are recorded and none is in the spinal cord."
  (list-recorded (field "/cancer/metastases"))
  (not (metastasis (site spinal-cord)))
  =>
  (assert (finding (name spinal-cord-metastases) (value no))))

(defrule finding-spinal-cord-metastases-unknown
  "Metastases are not recorded."
  (not (list-recorded (field "/cancer/metastases")))
  =>
  (assert (finding (name spinal-cord-metastases) (value unknown))))

;;; Course of the disease (B4-6). "Does not respond to hormonal therapy":
;;; the cancer progressed on, or after, a hormonal therapy given for
;;; advanced disease (hormonal therapy is continued while it controls the
;;; cancer). Stable disease, no recorded outcome, or no recorded setting is
;;; for the record to say (unknown); adjuvant or neoadjuvant hormonal
;;; therapy, or primary treatment of earlier disease, does not count.

(defrule finding-no-response-to-hormonal-therapy-yes
  "The cancer progressed on or after hormonal therapy for advanced disease."
  (cancer (stage $?stage) (recurrent $?rec))
  (or (prior-treatment (type hormonal|ovarian-suppression) (response progression)
                       (setting $?s&:(breast-stage4-advanced-setting ?s ?stage ?rec)))
      (prior-treatment (type hormonal|ovarian-suppression) (progressed-after TRUE)
                       (setting $?s&:(breast-stage4-advanced-setting ?s ?stage ?rec))))
  =>
  (assert (finding (name no-response-to-hormonal-therapy) (value yes))))

(defrule finding-no-response-to-hormonal-therapy-no
  "Prior treatments are recorded; every hormonal therapy has a setting,
   and each one given for advanced disease brought a complete or partial
   response with no progression after it (or there was none)."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type hormonal|ovarian-suppression) (setting)))
  (not (prior-treatment (type hormonal|ovarian-suppression)
                        (setting $?s1&:(breast-stage4-advanced-setting ?s1 ?stage ?rec))
                        (response $?r&:(and (not (member$ complete ?r))
                                            (not (member$ partial ?r))))))
  (not (prior-treatment (type hormonal|ovarian-suppression) (progressed-after TRUE)
                        (setting $?s2&:(breast-stage4-advanced-setting ?s2 ?stage ?rec))))
  =>
  (assert (finding (name no-response-to-hormonal-therapy) (value no))))

(defrule finding-no-response-to-hormonal-therapy-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name no-response-to-hormonal-therapy) (value unknown))))

(defrule finding-no-response-to-hormonal-therapy-unknown-outcome
  "A hormonal therapy with no setting, or one for advanced disease with
   stable disease or no recorded response, and none shows progression:
   whether the cancer 'does not respond' is for the record (or the team)
   to say."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (or (prior-treatment (type hormonal|ovarian-suppression) (setting))
      (prior-treatment (type hormonal|ovarian-suppression)
                       (setting $?s1&:(breast-stage4-advanced-setting ?s1 ?stage ?rec))
                       (response $?r&:(and (not (member$ complete ?r))
                                           (not (member$ partial ?r))
                                           (not (member$ progression ?r))))))
  (not (prior-treatment (type hormonal|ovarian-suppression) (response progression)
                        (setting $?s2&:(breast-stage4-advanced-setting ?s2 ?stage ?rec))))
  (not (prior-treatment (type hormonal|ovarian-suppression) (progressed-after TRUE)
                        (setting $?s3&:(breast-stage4-advanced-setting ?s3 ?stage ?rec))))
  =>
  (assert (finding (name no-response-to-hormonal-therapy) (value unknown))))

(defrule finding-rapid-progression-yes
  "The cancer is progressing quickly."
  (cancer (rapid-progression TRUE))
  =>
  (assert (finding (name rapid-progression) (value yes))))

(defrule finding-rapid-progression-no
  "The cancer is not progressing quickly."
  (cancer (rapid-progression FALSE))
  =>
  (assert (finding (name rapid-progression) (value no))))

(defrule finding-rapid-progression-unknown
  "Whether the cancer is progressing quickly is not recorded."
  (cancer (rapid-progression))
  =>
  (assert (finding (name rapid-progression) (value unknown))))

(defrule finding-severe-symptoms-or-life-threatening-complications-yes
  "Severe symptoms or life-threatening complications."
  (symptom (name severe-symptoms|life-threatening-complications))
  =>
  (assert (finding (name severe-symptoms-or-life-threatening-complications) (value yes))))

(defrule finding-severe-symptoms-or-life-threatening-complications-no
  "Symptoms are recorded, without severe symptoms or life-threatening
   complications."
  (list-recorded (field "/symptoms"))
  (not (symptom (name severe-symptoms|life-threatening-complications)))
  =>
  (assert (finding (name severe-symptoms-or-life-threatening-complications) (value no))))

(defrule finding-severe-symptoms-or-life-threatening-complications-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name severe-symptoms-or-life-threatening-complications) (value unknown))))

(defrule finding-progressing-quickly-or-severe-symptoms-yes-rapid
  "The cancer is progressing quickly."
  (finding (name rapid-progression) (value yes))
  =>
  (assert (finding (name progressing-quickly-or-severe-symptoms) (value yes))))

(defrule finding-progressing-quickly-or-severe-symptoms-yes-severe
  "Severe symptoms or life-threatening complications."
  (finding (name severe-symptoms-or-life-threatening-complications) (value yes))
  =>
  (assert (finding (name progressing-quickly-or-severe-symptoms) (value yes))))

(defrule finding-progressing-quickly-or-severe-symptoms-no
  "Not progressing quickly, and no severe symptoms or life-threatening
   complications among the recorded symptoms."
  (finding (name rapid-progression) (value no))
  (finding (name severe-symptoms-or-life-threatening-complications) (value no))
  =>
  (assert (finding (name progressing-quickly-or-severe-symptoms) (value no))))

(defrule finding-progressing-quickly-or-severe-symptoms-unknown-rapid
  "Whether the cancer progresses quickly is not recorded, and no severe
   symptom is."
  (finding (name rapid-progression) (value unknown))
  (finding (name severe-symptoms-or-life-threatening-complications) (value no|unknown))
  =>
  (assert (finding (name progressing-quickly-or-severe-symptoms) (value unknown))))

(defrule finding-progressing-quickly-or-severe-symptoms-unknown-symptoms
  "Not progressing quickly, and symptoms are not recorded."
  (finding (name rapid-progression) (value no))
  (finding (name severe-symptoms-or-life-threatening-complications) (value unknown))
  =>
  (assert (finding (name progressing-quickly-or-severe-symptoms) (value unknown))))

;;; "Women who cannot or do not wish to have chemotherapy" (B4-2): only to
;;; cite that bullet on the hormonal options when it applies. The gates
;;; (gates.clp) remove chemotherapy; fitness and wishes not recorded count
;;; as no, so this finding is never unknown and never asked for.

(defrule finding-chemotherapy-declined-or-unsuitable-yes-declined
  "The patient does not wish to have chemotherapy."
  (finding (name declines-chemotherapy) (value yes))
  =>
  (assert (finding (name chemotherapy-declined-or-unsuitable) (value yes))))

(defrule finding-chemotherapy-declined-or-unsuitable-yes-unsuitable
  "The treating team judges chemotherapy not suitable."
  (finding (name chemotherapy-suitable) (value no))
  =>
  (assert (finding (name chemotherapy-declined-or-unsuitable) (value yes))))

(defrule finding-chemotherapy-declined-or-unsuitable-no
  "Neither recorded."
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  =>
  (assert (finding (name chemotherapy-declined-or-unsuitable) (value no))))

(defrule finding-declines-other-hormonal-therapy-yes
  "The patient does not wish to take other types of hormonal therapy."
  (preferences (declines-other-hormonal-therapy TRUE))
  =>
  (assert (finding (name declines-other-hormonal-therapy) (value yes))))

(defrule finding-declines-other-hormonal-therapy-no
  "The patient has not declined other types of hormonal therapy."
  (preferences (declines-other-hormonal-therapy FALSE))
  =>
  (assert (finding (name declines-other-hormonal-therapy) (value no))))

(defrule finding-declines-other-hormonal-therapy-unknown
  "The case does not say whether the patient declines other hormonal
   therapy."
  (not (preferences (declines-other-hormonal-therapy TRUE|FALSE)))
  =>
  (assert (finding (name declines-other-hormonal-therapy) (value unknown))))

;;; Symptoms (B4-6, B4-13, B4-14, B4-15): yes when recorded, no when the
;;; case lists its symptoms without it, unknown when symptoms are not
;;; recorded. The case cannot say which lesion causes a symptom: pain with
;;; bone metastases may come from them (the team checks).

(defrule finding-bone-metastasis-symptom-yes
  "Bone pain, pain, a fracture or spinal cord compression: symptoms bone
   metastases cause."
  (symptom (name bone-pain|pain|fracture|spinal-cord-compression))
  =>
  (assert (finding (name bone-metastasis-symptom) (value yes))))

(defrule finding-bone-metastasis-symptom-no
  "Symptoms are recorded, none that bone metastases cause."
  (list-recorded (field "/symptoms"))
  (not (symptom (name bone-pain|pain|fracture|spinal-cord-compression)))
  =>
  (assert (finding (name bone-metastasis-symptom) (value no))))

(defrule finding-bone-metastasis-symptom-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name bone-metastasis-symptom) (value unknown))))

(defrule finding-bone-pain-yes
  "Bone pain, or pain that may come from the bone metastases."
  (symptom (name bone-pain|pain))
  =>
  (assert (finding (name bone-pain) (value yes))))

(defrule finding-bone-pain-no
  "Symptoms are recorded, without pain."
  (list-recorded (field "/symptoms"))
  (not (symptom (name bone-pain|pain)))
  =>
  (assert (finding (name bone-pain) (value no))))

(defrule finding-bone-pain-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name bone-pain) (value unknown))))

(defrule finding-bronchial-obstruction-yes
  "A blockage of the bronchi (bronchial obstruction)."
  (symptom (name bronchial-obstruction))
  =>
  (assert (finding (name bronchial-obstruction) (value yes))))

(defrule finding-bronchial-obstruction-no
  "Symptoms are recorded, without a blockage of the bronchi."
  (list-recorded (field "/symptoms"))
  (not (symptom (name bronchial-obstruction)))
  =>
  (assert (finding (name bronchial-obstruction) (value no))))

(defrule finding-bronchial-obstruction-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name bronchial-obstruction) (value unknown))))

(defrule finding-open-draining-chest-wall-lesion-yes
  "A painful, open, draining area on the breast or chest wall."
  (symptom (name open-draining-chest-wall-lesion))
  =>
  (assert (finding (name open-draining-chest-wall-lesion) (value yes))))

(defrule finding-open-draining-chest-wall-lesion-no
  "Symptoms are recorded, without an open, draining area on the breast or
   chest wall."
  (list-recorded (field "/symptoms"))
  (not (symptom (name open-draining-chest-wall-lesion)))
  =>
  (assert (finding (name open-draining-chest-wall-lesion) (value no))))

(defrule finding-open-draining-chest-wall-lesion-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name open-draining-chest-wall-lesion) (value unknown))))

(defrule finding-skin-lump-yes
  "A lump in the skin."
  (symptom (name skin-lump))
  =>
  (assert (finding (name skin-lump) (value yes))))

(defrule finding-skin-lump-no
  "Symptoms are recorded, without a lump in the skin."
  (list-recorded (field "/symptoms"))
  (not (symptom (name skin-lump)))
  =>
  (assert (finding (name skin-lump) (value no))))

(defrule finding-skin-lump-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name skin-lump) (value unknown))))

(defrule finding-fracture-yes
  "A broken bone."
  (symptom (name fracture))
  =>
  (assert (finding (name fracture) (value yes))))

(defrule finding-fracture-no
  "Symptoms are recorded, without a broken bone."
  (list-recorded (field "/symptoms"))
  (not (symptom (name fracture)))
  =>
  (assert (finding (name fracture) (value no))))

(defrule finding-fracture-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name fracture) (value unknown))))

(defrule finding-spinal-cord-compression-yes
  "Spinal cord compression."
  (symptom (name spinal-cord-compression))
  =>
  (assert (finding (name spinal-cord-compression) (value yes))))

(defrule finding-spinal-cord-compression-no
  "Symptoms are recorded, without spinal cord compression."
  (list-recorded (field "/symptoms"))
  (not (symptom (name spinal-cord-compression)))
  =>
  (assert (finding (name spinal-cord-compression) (value no))))

(defrule finding-spinal-cord-compression-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name spinal-cord-compression) (value unknown))))

(defrule finding-isolated-metastasis-yes
  "A single or isolated metastasis."
  (cancer (isolated-metastasis TRUE))
  =>
  (assert (finding (name isolated-metastasis) (value yes))))

(defrule finding-isolated-metastasis-no
  "The metastases are not a single or isolated one."
  (cancer (isolated-metastasis FALSE))
  =>
  (assert (finding (name isolated-metastasis) (value no))))

(defrule finding-isolated-metastasis-no-several-sites
  "Not recorded, but metastases are recorded at two or more different
   sites: not a single metastasis (each metastasis beside one at another
   site supports it; no pairs, docs/rule-authoring.md)."
  (cancer (isolated-metastasis))
  (metastasis (site ?site))
  (exists (metastasis (site ~?site)))
  =>
  (assert (finding (name isolated-metastasis) (value no))))

(defrule finding-isolated-metastasis-unknown
  "Not recorded, and metastases are not recorded at two or more different
   sites."
  (cancer (isolated-metastasis))
  (not (and (metastasis (site ?first))
            (metastasis (site ?second&~?first))))
  =>
  (assert (finding (name isolated-metastasis) (value unknown))))

;;; Earlier treatment (B4-4, B4-8, B4-11, B4-12). A drug taken now or
;;; recently (/medications) counts as earlier exposure. A prior treatment
;;; whose agents are not recorded leaves the question open (unknown).

(defrule finding-prior-tamoxifen-yes
  "A prior or ongoing treatment with tamoxifen."
  (prior-treatment (agents $? tamoxifen $?))
  =>
  (assert (finding (name prior-tamoxifen) (value yes))))

(defrule finding-prior-tamoxifen-yes-medication
  "Tamoxifen taken now or recently."
  (medication (agent tamoxifen))
  =>
  (assert (finding (name prior-tamoxifen) (value yes))))

(defrule finding-prior-tamoxifen-no
  "Prior treatments are recorded, none with tamoxifen, every hormonal one
   with its agents, and tamoxifen is not a current medication."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (agents $? tamoxifen $?)))
  (not (prior-treatment (type hormonal) (agents)))
  (not (medication (agent tamoxifen)))
  =>
  (assert (finding (name prior-tamoxifen) (value no))))

(defrule finding-prior-tamoxifen-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  (not (medication (agent tamoxifen)))
  =>
  (assert (finding (name prior-tamoxifen) (value unknown))))

(defrule finding-prior-tamoxifen-unknown-agents
  "A prior hormonal therapy without recorded agents, and no tamoxifen
   recorded."
  (list-recorded (field "/prior_treatments"))
  (exists (prior-treatment (type hormonal) (agents)))
  (not (prior-treatment (agents $? tamoxifen $?)))
  (not (medication (agent tamoxifen)))
  =>
  (assert (finding (name prior-tamoxifen) (value unknown))))

(defrule finding-prior-anthracycline-yes
  "A prior treatment included an anthracycline (class from rules/drugs.clp)."
  (prior-treatment (agents $? ?agent $?))
  (drug (agent ?agent) (classes $? anthracycline $?))
  =>
  (assert (finding (name prior-anthracycline) (value yes))))

(defrule finding-prior-anthracycline-yes-medication
  "An anthracycline taken now or recently."
  (medication (agent ?agent))
  (drug (agent ?agent) (classes $? anthracycline $?))
  =>
  (assert (finding (name prior-anthracycline) (value yes))))

(defrule finding-prior-anthracycline-no
  "Prior treatments are recorded, none with an anthracycline, every
   chemotherapy with its agents, and no current medication is an
   anthracycline."
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (agents $? ?agent $?))
            (drug (agent ?agent) (classes $? anthracycline $?))))
  (not (prior-treatment (type chemotherapy|chemoradiation) (agents)))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? anthracycline $?))))
  =>
  (assert (finding (name prior-anthracycline) (value no))))

(defrule finding-prior-anthracycline-unknown-not-recorded
  "Prior treatments are not recorded, and no current medication is an
   anthracycline."
  (not (list-recorded (field "/prior_treatments")))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? anthracycline $?))))
  =>
  (assert (finding (name prior-anthracycline) (value unknown))))

(defrule finding-prior-anthracycline-unknown-agents
  "A prior chemotherapy without recorded agents, and an anthracycline is
   not recorded elsewhere."
  (list-recorded (field "/prior_treatments"))
  (exists (prior-treatment (type chemotherapy|chemoradiation) (agents)))
  (not (and (prior-treatment (agents $? ?agent $?))
            (drug (agent ?agent) (classes $? anthracycline $?))))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? anthracycline $?))))
  =>
  (assert (finding (name prior-anthracycline) (value unknown))))

(defrule finding-prior-taxane-yes
  "A prior treatment included a taxane (class from rules/drugs.clp)."
  (prior-treatment (agents $? ?agent $?))
  (drug (agent ?agent) (classes $? taxane $?))
  =>
  (assert (finding (name prior-taxane) (value yes))))

(defrule finding-prior-taxane-yes-medication
  "A taxane taken now or recently."
  (medication (agent ?agent))
  (drug (agent ?agent) (classes $? taxane $?))
  =>
  (assert (finding (name prior-taxane) (value yes))))

(defrule finding-prior-taxane-no
  "Prior treatments are recorded, none with a taxane, every chemotherapy
   with its agents, and no current medication is a taxane."
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (agents $? ?agent $?))
            (drug (agent ?agent) (classes $? taxane $?))))
  (not (prior-treatment (type chemotherapy|chemoradiation) (agents)))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? taxane $?))))
  =>
  (assert (finding (name prior-taxane) (value no))))

(defrule finding-prior-taxane-unknown-not-recorded
  "Prior treatments are not recorded, and no current medication is a
   taxane."
  (not (list-recorded (field "/prior_treatments")))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? taxane $?))))
  =>
  (assert (finding (name prior-taxane) (value unknown))))

(defrule finding-prior-taxane-unknown-agents
  "A prior chemotherapy without recorded agents, and a taxane is not
   recorded elsewhere."
  (list-recorded (field "/prior_treatments"))
  (exists (prior-treatment (type chemotherapy|chemoradiation) (agents)))
  (not (and (prior-treatment (agents $? ?agent $?))
            (drug (agent ?agent) (classes $? taxane $?))))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? taxane $?))))
  =>
  (assert (finding (name prior-taxane) (value unknown))))

;;; Chemotherapy regimens for metastatic disease (B4-8, B4-11): a regimen
;;; is a prior treatment that is chemotherapy by its type or by its drugs
;;; (breast-stage4-chemotherapy-regimen); "for metastatic disease" is the
;;; advanced setting (breast-stage4-advanced-setting); a regimen with no
;;; setting leaves it open. Two regimens are two distinct prior-treatment
;;; facts (told apart by their JSON pointer). "Two or more" is derived
;;; without pairing regimens: each regimen beside another one supports the
;;; finding once, so n regimens fire n times, not n(n-1)/2
;;; (docs/rule-authoring.md, "How not to multiply").

(defrule finding-metastatic-chemotherapy-regimens-two-or-more-yes
  "A chemotherapy regimen given for metastatic disease, and another one:
   two or more (each such regimen supports it)."
  (cancer (stage $?stage) (recurrent $?rec))
  (prior-treatment (type ?t1) (agents $?a1&:(breast-stage4-chemotherapy-regimen ?t1 ?a1)) (pointer ?first)
                   (setting $?s1&:(breast-stage4-advanced-setting ?s1 ?stage ?rec)))
  (exists (prior-treatment (type ?t2) (agents $?a2&:(breast-stage4-chemotherapy-regimen ?t2 ?a2)) (pointer ~?first)
                           (setting $?s2&:(breast-stage4-advanced-setting ?s2 ?stage ?rec))))
  =>
  (assert (finding (name metastatic-chemotherapy-regimens-two-or-more) (value yes))))

(defrule finding-metastatic-chemotherapy-regimens-two-or-more-no
  "Prior treatments are recorded and fewer than two chemotherapy regimens
   were, or may have been (no setting recorded), given for metastatic
   disease."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (type ?t1) (agents $?a1&:(breast-stage4-chemotherapy-regimen ?t1 ?a1)) (pointer ?first)
                             (setting $?s1&:(or (= (length$ ?s1) 0)
                                                (breast-stage4-advanced-setting ?s1 ?stage ?rec))))
            (prior-treatment (type ?t2) (agents $?a2&:(breast-stage4-chemotherapy-regimen ?t2 ?a2)) (pointer ?second&~?first)
                             (setting $?s2&:(or (= (length$ ?s2) 0)
                                                (breast-stage4-advanced-setting ?s2 ?stage ?rec))))))
  =>
  (assert (finding (name metastatic-chemotherapy-regimens-two-or-more) (value no))))

(defrule finding-metastatic-chemotherapy-regimens-two-or-more-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name metastatic-chemotherapy-regimens-two-or-more) (value unknown))))

(defrule finding-metastatic-chemotherapy-regimens-two-or-more-unknown-setting
  "Fewer than two regimens are recorded for metastatic disease, but two or
   more would be if those with no recorded setting were."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (type ?t1) (agents $?a1&:(breast-stage4-chemotherapy-regimen ?t1 ?a1)) (pointer ?first)
                             (setting $?s1&:(breast-stage4-advanced-setting ?s1 ?stage ?rec)))
            (prior-treatment (type ?t2) (agents $?a2&:(breast-stage4-chemotherapy-regimen ?t2 ?a2)) (pointer ?second&~?first)
                             (setting $?s2&:(breast-stage4-advanced-setting ?s2 ?stage ?rec)))))
  (exists (prior-treatment (type ?t3) (agents $?a3&:(breast-stage4-chemotherapy-regimen ?t3 ?a3)) (pointer ?third)
                           (setting $?s3&:(or (= (length$ ?s3) 0)
                                              (breast-stage4-advanced-setting ?s3 ?stage ?rec))))
          (prior-treatment (type ?t4) (agents $?a4&:(breast-stage4-chemotherapy-regimen ?t4 ?a4)) (pointer ?fourth&~?third)
                           (setting $?s4&:(or (= (length$ ?s4) 0)
                                              (breast-stage4-advanced-setting ?s4 ?stage ?rec)))))
  =>
  (assert (finding (name metastatic-chemotherapy-regimens-two-or-more) (value unknown))))

(defrule finding-prior-chemotherapy-for-metastatic-disease-yes
  "A chemotherapy regimen given for metastatic disease."
  (cancer (stage $?stage) (recurrent $?rec))
  (prior-treatment (type ?t) (agents $?a&:(breast-stage4-chemotherapy-regimen ?t ?a))
                   (setting $?s&:(breast-stage4-advanced-setting ?s ?stage ?rec)))
  =>
  (assert (finding (name prior-chemotherapy-for-metastatic-disease) (value yes))))

(defrule finding-prior-chemotherapy-for-metastatic-disease-no
  "Prior treatments are recorded and no chemotherapy regimen was, or may
   have been (no setting), given for metastatic disease."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (type ?t) (agents $?a&:(breast-stage4-chemotherapy-regimen ?t ?a))
                             (setting $?s&:(or (= (length$ ?s) 0)
                                               (breast-stage4-advanced-setting ?s ?stage ?rec))))))
  =>
  (assert (finding (name prior-chemotherapy-for-metastatic-disease) (value no))))

(defrule finding-prior-chemotherapy-for-metastatic-disease-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name prior-chemotherapy-for-metastatic-disease) (value unknown))))

(defrule finding-prior-chemotherapy-for-metastatic-disease-unknown-setting
  "No chemotherapy regimen is recorded for metastatic disease, but one has
   no recorded setting."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (type ?t1) (agents $?a1&:(breast-stage4-chemotherapy-regimen ?t1 ?a1))
                             (setting $?s1&:(breast-stage4-advanced-setting ?s1 ?stage ?rec)))))
  (exists (prior-treatment (type ?t2) (agents $?a2&:(breast-stage4-chemotherapy-regimen ?t2 ?a2)) (setting)))
  =>
  (assert (finding (name prior-chemotherapy-for-metastatic-disease) (value unknown))))

;;; Whether the anthracycline and the taxane were given for metastatic
;;; disease: only used to say so when eribulin rests on earlier therapy.

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-yes
  "An anthracycline in a treatment for metastatic disease, and a taxane in
   one (each treatment with the anthracycline supports it; the next rule
   adds those with the taxane, so that no rule pairs treatments)."
  (cancer (stage $?stage) (recurrent $?rec))
  (prior-treatment (agents $? ?anthracycline $?)
                   (setting $?s1&:(breast-stage4-advanced-setting ?s1 ?stage ?rec)))
  (drug (agent ?anthracycline) (classes $? anthracycline $?))
  (exists (prior-treatment (agents $? ?taxane $?)
                           (setting $?s2&:(breast-stage4-advanced-setting ?s2 ?stage ?rec)))
          (drug (agent ?taxane) (classes $? taxane $?)))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value yes))))

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-yes-taxane
  "A taxane in a treatment for metastatic disease, and an anthracycline in
   one (each treatment with the taxane supports it)."
  (cancer (stage $?stage) (recurrent $?rec))
  (prior-treatment (agents $? ?taxane $?)
                   (setting $?s2&:(breast-stage4-advanced-setting ?s2 ?stage ?rec)))
  (drug (agent ?taxane) (classes $? taxane $?))
  (exists (prior-treatment (agents $? ?anthracycline $?)
                           (setting $?s1&:(breast-stage4-advanced-setting ?s1 ?stage ?rec)))
          (drug (agent ?anthracycline) (classes $? anthracycline $?)))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value yes))))

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-no-anthracycline
  "No anthracycline in a treatment that was, or may have been, for
   metastatic disease."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (agents $? ?agent $?)
                             (setting $?s&:(or (= (length$ ?s) 0)
                                               (breast-stage4-advanced-setting ?s ?stage ?rec))))
            (drug (agent ?agent) (classes $? anthracycline $?))))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value no))))

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-no-taxane
  "No taxane in a treatment that was, or may have been, for metastatic
   disease."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (agents $? ?agent $?)
                             (setting $?s&:(or (= (length$ ?s) 0)
                                               (breast-stage4-advanced-setting ?s ?stage ?rec))))
            (drug (agent ?agent) (classes $? taxane $?))))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value no))))

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value unknown))))

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-unknown-setting
  "Both may have been given for metastatic disease, but a treatment with
   no recorded setting leaves one of them open."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (exists (prior-treatment (agents $? ?a1 $?)
                           (setting $?s1&:(or (= (length$ ?s1) 0)
                                              (breast-stage4-advanced-setting ?s1 ?stage ?rec))))
          (drug (agent ?a1) (classes $? anthracycline $?)))
  (exists (prior-treatment (agents $? ?t1 $?)
                           (setting $?s2&:(or (= (length$ ?s2) 0)
                                              (breast-stage4-advanced-setting ?s2 ?stage ?rec))))
          (drug (agent ?t1) (classes $? taxane $?)))
  (not (and (prior-treatment (agents $? ?a2 $?)
                             (setting $?s3&:(breast-stage4-advanced-setting ?s3 ?stage ?rec)))
            (drug (agent ?a2) (classes $? anthracycline $?))
            (prior-treatment (agents $? ?t2 $?)
                             (setting $?s4&:(breast-stage4-advanced-setting ?s4 ?stage ?rec)))
            (drug (agent ?t2) (classes $? taxane $?))))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value unknown))))

;;; Anti-HER2 therapy for metastatic disease (B4-11): "not received prior
;;; anti-HER2 therapy or chemotherapy for metastatic disease" is read with
;;; "for metastatic disease" bounding both nouns. Anti-HER2 therapy: of
;;; type anti-HER2, or with an anti-HER2 drug; a targeted therapy without
;;; recorded agents, a recorded anti-HER2 treatment without setting, or an
;;; anti-HER2 drug among the medications that no prior treatment records,
;;; leaves it open.

(defrule finding-prior-anti-her2-for-metastatic-disease-yes
  "Anti-HER2 therapy given for metastatic disease."
  (cancer (stage $?stage) (recurrent $?rec))
  (prior-treatment (type ?t) (agents $?a&:(breast-stage4-anti-her2-treatment ?t ?a))
                   (setting $?s&:(breast-stage4-advanced-setting ?s ?stage ?rec)))
  =>
  (assert (finding (name prior-anti-her2-for-metastatic-disease) (value yes))))

(defrule finding-prior-anti-her2-for-metastatic-disease-no
  "Prior treatments are recorded; none is anti-HER2 therapy given, or
   perhaps given, for metastatic disease; no targeted therapy lacks its
   agents; every anti-HER2 medication is recorded as a prior treatment."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (type ?t) (agents $?a&:(breast-stage4-anti-her2-treatment ?t ?a))
                             (setting $?s&:(or (= (length$ ?s) 0)
                                               (breast-stage4-advanced-setting ?s ?stage ?rec))))))
  (not (prior-treatment (type targeted) (agents)))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? anti-HER2 $?))
            (not (prior-treatment (agents $? ?drug $?)))))
  =>
  (assert (finding (name prior-anti-her2-for-metastatic-disease) (value no))))

(defrule finding-prior-anti-her2-for-metastatic-disease-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name prior-anti-her2-for-metastatic-disease) (value unknown))))

(defrule finding-prior-anti-her2-for-metastatic-disease-unknown-open
  "None is recorded for metastatic disease, but an anti-HER2 treatment has
   no setting, a targeted therapy has no agents, or an anti-HER2 drug is a
   medication with no prior treatment recording it."
  (cancer (stage $?stage) (recurrent $?rec))
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (type ?t1) (agents $?a1&:(breast-stage4-anti-her2-treatment ?t1 ?a1))
                             (setting $?s1&:(breast-stage4-advanced-setting ?s1 ?stage ?rec)))))
  (or (and (prior-treatment (type ?t2) (agents $?a2&:(breast-stage4-anti-her2-treatment ?t2 ?a2)) (setting)))
      (prior-treatment (type targeted) (agents))
      (and (medication (agent ?drug))
           (drug (agent ?drug) (classes $? anti-HER2 $?))
           (not (prior-treatment (agents $? ?drug $?)))))
  =>
  (assert (finding (name prior-anti-her2-for-metastatic-disease) (value unknown))))

(defrule finding-prior-anti-her2-before-spread-yes
  "Anti-HER2 therapy given as treatment of earlier disease (adjuvant,
   neoadjuvant, or primary treatment of a cancer not stage IV at
   diagnosis)."
  (cancer (stage $?stage) (recurrent $?rec))
  (prior-treatment (type ?t) (agents $?a&:(breast-stage4-anti-her2-treatment ?t ?a))
                   (setting $?s&:(and (> (length$ ?s) 0)
                                      (not (breast-stage4-advanced-setting ?s ?stage ?rec)))))
  =>
  (assert (finding (name prior-anti-her2-before-spread) (value yes))))

(defrule finding-prior-anti-her2-before-spread-no
  "No anti-HER2 therapy recorded for earlier disease."
  (cancer (stage $?stage) (recurrent $?rec))
  (not (and (prior-treatment (type ?t) (agents $?a&:(breast-stage4-anti-her2-treatment ?t ?a))
                             (setting $?s&:(and (> (length$ ?s) 0)
                                                (not (breast-stage4-advanced-setting ?s ?stage ?rec)))))))
  =>
  (assert (finding (name prior-anti-her2-before-spread) (value no))))

(defrule finding-prior-trastuzumab-yes
  "A prior treatment with trastuzumab."
  (prior-treatment (agents $? trastuzumab $?))
  =>
  (assert (finding (name prior-trastuzumab) (value yes))))

(defrule finding-prior-trastuzumab-yes-medication
  "Trastuzumab taken now or recently."
  (medication (agent trastuzumab))
  =>
  (assert (finding (name prior-trastuzumab) (value yes))))

(defrule finding-prior-trastuzumab-no
  "Prior treatments are recorded, none with trastuzumab, every anti-HER2
   or targeted therapy with its agents."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (agents $? trastuzumab $?)))
  (not (prior-treatment (type anti-HER2|targeted) (agents)))
  (not (medication (agent trastuzumab)))
  =>
  (assert (finding (name prior-trastuzumab) (value no))))

(defrule finding-prior-trastuzumab-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  (not (medication (agent trastuzumab)))
  =>
  (assert (finding (name prior-trastuzumab) (value unknown))))

(defrule finding-prior-trastuzumab-unknown-agents
  "An anti-HER2 or targeted therapy without recorded agents, and no
   trastuzumab recorded."
  (list-recorded (field "/prior_treatments"))
  (exists (prior-treatment (type anti-HER2|targeted) (agents)))
  (not (prior-treatment (agents $? trastuzumab $?)))
  (not (medication (agent trastuzumab)))
  =>
  (assert (finding (name prior-trastuzumab) (value unknown))))

;;; "Until the cancer no longer responds to treatment": stable disease on
;;; trastuzumab for metastatic disease, with no progression, is for the
;;; team to judge (a note).

(defrule finding-stable-disease-on-trastuzumab-yes
  "Stable disease on trastuzumab given for metastatic disease, with no
   progression recorded on or after it."
  (cancer (stage $?stage) (recurrent $?rec))
  (prior-treatment (agents $? trastuzumab $?) (response stable)
                   (progressed-after $?pa&:(not (member$ TRUE ?pa)))
                   (setting $?s&:(breast-stage4-advanced-setting ?s ?stage ?rec)))
  =>
  (assert (finding (name stable-disease-on-trastuzumab) (value yes))))

(defrule finding-stable-disease-on-trastuzumab-no
  "No such treatment recorded."
  (cancer (stage $?stage) (recurrent $?rec))
  (not (prior-treatment (agents $? trastuzumab $?) (response stable)
                        (progressed-after $?pa&:(not (member$ TRUE ?pa)))
                        (setting $?s&:(breast-stage4-advanced-setting ?s ?stage ?rec))))
  =>
  (assert (finding (name stable-disease-on-trastuzumab) (value no))))

;;; ---------------------------------------------------------------- B4-1 context

(defrule breast-stage4-treatment-depends-on
  "What the choice of treatment rests on, and its goal; ductal and lobular
   carcinomas are treated alike."
  (scope (guideline breast-stage4))
  =>
  (assert (note (id breast-stage4-treatment-depends-on)
                (text "Stage IV (metastatic) breast cancer is not considered curable; the goal is to help the woman survive and remain free of symptoms as long as possible. The treatment offered depends on the hormone receptor and HER2 status of the tumour, where the cancer has spread and the woman's overall health. Invasive ductal and invasive lobular carcinomas are treated the same way.")
                (cite b4-1-not-curable b4-1-goal b4-1-depends b4-1-ductal-lobular))))

(defrule breast-stage4-metastatic-after-earlier-stage
  "The case was not stage IV at diagnosis (or no stage is recorded) and has
   distant spread now: say that the stage IV (or metastatic) options are
   applied."
  (scope (guideline breast-stage4))
  (finding (name stage-iv-at-diagnosis) (value ~yes))
  =>
  (assert (note (id breast-stage4-metastatic-after-earlier-stage)
                (text "This cancer was not recorded as stage IV at diagnosis but has spread to distant sites. The source covers stage IV (or metastatic) breast cancer, so its options are listed.")
                (cite b4-1-not-curable))))

(defrule breast-stage4-note-no-cancer-treatment
  "The patient declines or cannot have cancer treatment (the gates rule out
   every cancer-directed option): the source says nothing about that
   situation and gives no supportive-care passage; say so."
  (scope (guideline breast-stage4))
  (finding (name cancer-treatment-ruled-out) (value yes))
  =>
  (assert (note (id breast-stage4-note-no-cancer-treatment)
                (card status)
                (text "The breast source does not address a patient who declines, or cannot have, cancer treatment, and gives no supportive-care passage: what comes first is the care it gives that does not treat the cancer (bisphosphonates for bone metastases, other pain management for pain from them), where it applies.")
                (cite b4-1-unique-needs b4-1-health))))

(defrule breast-stage4-note-overall-health
  "Poor performance status: the treatment offered depends on the woman's
   overall health, and the source names no cut-off."
  (scope (guideline breast-stage4))
  (finding (name performance-status-poor) (value yes))
  (finding (name cancer-treatment-ruled-out) (value no))
  =>
  (assert (note (id breast-stage4-note-overall-health)
                (card status)
                (text "Performance status is poor (ECOG 3-4). The treatment offered depends on the woman's overall health; the source gives no cut-off and names no option to withhold for it: the treating team weighs it for each option.")
                (cite b4-1-health))))

;;; ---------------------------------------------------------------- B4-2..B4-5 hormonal therapy
;;; Hormonal therapy needs a tumour that is, or may be, hormone sensitive:
;;; hormone receptor positive (ER+, PR+ or both) or receptor status unknown.
;;; Each option is concluded once per bullet of "Hormonal therapy may be
;;; offered for stage IV breast cancer with:" that applies, so its evidence
;;; cites those bullets: the receptor bullet that makes the tumour
;;; qualify, and the bullets that say when hormonal therapy is favoured for
;;; it (bone or soft tissue only; cannot or do not wish to have
;;; chemotherapy). A receptor-negative tumour does not qualify through
;;; those (an exclusion says why).

(defrule breast-stage4-aromatase-inhibitor-receptor-positive
  "An aromatase inhibitor (post-menopausal women only): hormone
   receptor-positive tumour (ER+, PR+ or both) (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value yes))
  (finding (name post-menopausal) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-aromatase-inhibitor)
            (modality hormonal)
            (choices letrozole anastrozole exemestane)
            (intent disease-control)
            (summary "Aromatase inhibitor, for post-menopausal women only (also as a switch after a period of time on tamoxifen): one of letrozole, anastrozole or exemestane")
            (card breast-stage4-hormonal)
            (cite b4-2-receptor-positive b4-3-aromatase-inhibitors))))

(defrule breast-stage4-aromatase-inhibitor-receptor-status-unknown
  "An aromatase inhibitor (post-menopausal women only): hormone receptor
   status unknown (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-status-unknown) (value yes))
  (finding (name post-menopausal) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-aromatase-inhibitor)
            (modality hormonal)
            (choices letrozole anastrozole exemestane)
            (intent disease-control)
            (summary "Aromatase inhibitor, for post-menopausal women only (also as a switch after a period of time on tamoxifen): one of letrozole, anastrozole or exemestane")
            (card breast-stage4-hormonal)
            (cite b4-2-hormonal b4-2-receptor-unknown b4-3-aromatase-inhibitors))))

(defrule breast-stage4-aromatase-inhibitor-bone-or-soft-tissue-only
  "An aromatase inhibitor (post-menopausal women only): a tumour that is,
   or may be, hormone sensitive, with metastasis in the bone or soft
   tissues only (hormonal therapy favoured) (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value yes))
  (finding (name bone-or-soft-tissue-metastases-only) (value yes))
  (finding (name post-menopausal) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-aromatase-inhibitor)
            (modality hormonal)
            (choices letrozole anastrozole exemestane)
            (intent disease-control)
            (summary "Aromatase inhibitor, for post-menopausal women only (also as a switch after a period of time on tamoxifen): one of letrozole, anastrozole or exemestane")
            (card breast-stage4-hormonal)
            (cite b4-2-hormonal b4-2-bone-soft-tissue-only b4-3-aromatase-inhibitors))))

(defrule breast-stage4-aromatase-inhibitor-without-chemotherapy
  "An aromatase inhibitor (post-menopausal women only): a tumour that is,
   or may be, hormone sensitive, in a woman who cannot or does not wish
   to have chemotherapy (hormonal therapy favoured) (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value yes))
  (finding (name chemotherapy-declined-or-unsuitable) (value yes))
  (finding (name post-menopausal) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-aromatase-inhibitor)
            (modality hormonal)
            (choices letrozole anastrozole exemestane)
            (intent disease-control)
            (summary "Aromatase inhibitor, for post-menopausal women only (also as a switch after a period of time on tamoxifen): one of letrozole, anastrozole or exemestane")
            (card breast-stage4-hormonal)
            (cite b4-2-hormonal b4-2-no-chemotherapy b4-3-aromatase-inhibitors))))

(defrule breast-stage4-aromatase-inhibitor-after-tamoxifen
  "A post-menopausal woman, with a tumour that is, or may be, hormone
   sensitive, may be switched to an aromatase inhibitor after a period of
   time on tamoxifen (B4-4)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value yes))
  (finding (name post-menopausal) (value yes))
  (finding (name prior-tamoxifen) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-aromatase-inhibitor)
            (modality hormonal)
            (choices letrozole anastrozole exemestane)
            (intent disease-control)
            (summary "Aromatase inhibitor, for post-menopausal women only (also as a switch after a period of time on tamoxifen): one of letrozole, anastrozole or exemestane")
            (card breast-stage4-hormonal)
            (cite b4-4-switch b4-3-aromatase-inhibitors))))

(defrule breast-stage4-tamoxifen-receptor-positive
  "Tamoxifen, the most common anti-estrogen, for premenopausal and
   post-menopausal women: hormone receptor-positive tumour (ER+, PR+ or
   both) (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-tamoxifen)
            (modality hormonal)
            (agents tamoxifen)
            (intent disease-control)
            (summary "Tamoxifen, the most common anti-estrogen (premenopausal and post-menopausal women)")
            (card breast-stage4-hormonal)
            (cite b4-2-receptor-positive b4-4-tamoxifen b4-4-pre-and-post))))

(defrule breast-stage4-tamoxifen-receptor-status-unknown
  "Tamoxifen, the most common anti-estrogen, for premenopausal and
   post-menopausal women: hormone receptor status unknown (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-status-unknown) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-tamoxifen)
            (modality hormonal)
            (agents tamoxifen)
            (intent disease-control)
            (summary "Tamoxifen, the most common anti-estrogen (premenopausal and post-menopausal women)")
            (card breast-stage4-hormonal)
            (cite b4-2-hormonal b4-2-receptor-unknown b4-4-tamoxifen b4-4-pre-and-post))))

(defrule breast-stage4-tamoxifen-bone-or-soft-tissue-only
  "Tamoxifen, the most common anti-estrogen, for premenopausal and
   post-menopausal women: a tumour that is, or may be, hormone sensitive,
   with metastasis in the bone or soft tissues only (hormonal therapy
   favoured) (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value yes))
  (finding (name bone-or-soft-tissue-metastases-only) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-tamoxifen)
            (modality hormonal)
            (agents tamoxifen)
            (intent disease-control)
            (summary "Tamoxifen, the most common anti-estrogen (premenopausal and post-menopausal women)")
            (card breast-stage4-hormonal)
            (cite b4-2-hormonal b4-2-bone-soft-tissue-only b4-4-tamoxifen b4-4-pre-and-post))))

(defrule breast-stage4-tamoxifen-without-chemotherapy
  "Tamoxifen, the most common anti-estrogen, for premenopausal and
   post-menopausal women: a tumour that is, or may be, hormone sensitive,
   in a woman who cannot or does not wish to have chemotherapy (hormonal
   therapy favoured) (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value yes))
  (finding (name chemotherapy-declined-or-unsuitable) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-tamoxifen)
            (modality hormonal)
            (agents tamoxifen)
            (intent disease-control)
            (summary "Tamoxifen, the most common anti-estrogen (premenopausal and post-menopausal women)")
            (card breast-stage4-hormonal)
            (cite b4-2-hormonal b4-2-no-chemotherapy b4-4-tamoxifen b4-4-pre-and-post))))

(defrule breast-stage4-ovarian-ablation-receptor-positive
  "Ovarian ablation, for a premenopausal woman who does not wish to take
   other types of hormonal therapy: hormone receptor-positive tumour
   (ER+, PR+ or both) (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value yes))
  (finding (name post-menopausal) (value no))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-ovarian-ablation)
            (modality ovarian-suppression)
            (choices goserelin leuprorelin buserelin)
            (procedure ovarian-ablation)
            (intent disease-control)
            (summary "Ovarian ablation, for premenopausal women who do not wish to take other types of hormonal therapy: an LHRH agonist (goserelin, leuprolide or buserelin), surgery or radiation therapy")
            (card breast-stage4-hormonal)
            (cite b4-2-receptor-positive b4-5-ovarian-ablation b4-5-methods))))

(defrule breast-stage4-ovarian-ablation-receptor-status-unknown
  "Ovarian ablation, for a premenopausal woman who does not wish to take
   other types of hormonal therapy: hormone receptor status unknown
   (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-status-unknown) (value yes))
  (finding (name post-menopausal) (value no))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-ovarian-ablation)
            (modality ovarian-suppression)
            (choices goserelin leuprorelin buserelin)
            (procedure ovarian-ablation)
            (intent disease-control)
            (summary "Ovarian ablation, for premenopausal women who do not wish to take other types of hormonal therapy: an LHRH agonist (goserelin, leuprolide or buserelin), surgery or radiation therapy")
            (card breast-stage4-hormonal)
            (cite b4-2-hormonal b4-2-receptor-unknown b4-5-ovarian-ablation b4-5-methods))))

(defrule breast-stage4-ovarian-ablation-bone-or-soft-tissue-only
  "Ovarian ablation, for a premenopausal woman who does not wish to take
   other types of hormonal therapy: a tumour that is, or may be, hormone
   sensitive, with metastasis in the bone or soft tissues only (hormonal
   therapy favoured) (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value yes))
  (finding (name bone-or-soft-tissue-metastases-only) (value yes))
  (finding (name post-menopausal) (value no))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-ovarian-ablation)
            (modality ovarian-suppression)
            (choices goserelin leuprorelin buserelin)
            (procedure ovarian-ablation)
            (intent disease-control)
            (summary "Ovarian ablation, for premenopausal women who do not wish to take other types of hormonal therapy: an LHRH agonist (goserelin, leuprolide or buserelin), surgery or radiation therapy")
            (card breast-stage4-hormonal)
            (cite b4-2-hormonal b4-2-bone-soft-tissue-only b4-5-ovarian-ablation b4-5-methods))))

(defrule breast-stage4-ovarian-ablation-without-chemotherapy
  "Ovarian ablation, for a premenopausal woman who does not wish to take
   other types of hormonal therapy: a tumour that is, or may be, hormone
   sensitive, in a woman who cannot or does not wish to have chemotherapy
   (hormonal therapy favoured) (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value yes))
  (finding (name chemotherapy-declined-or-unsuitable) (value yes))
  (finding (name post-menopausal) (value no))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-ovarian-ablation)
            (modality ovarian-suppression)
            (choices goserelin leuprorelin buserelin)
            (procedure ovarian-ablation)
            (intent disease-control)
            (summary "Ovarian ablation, for premenopausal women who do not wish to take other types of hormonal therapy: an LHRH agonist (goserelin, leuprolide or buserelin), surgery or radiation therapy")
            (card breast-stage4-hormonal)
            (cite b4-2-hormonal b4-2-no-chemotherapy b4-5-ovarian-ablation b4-5-methods))))

;;; Hormonal therapy ruled out, with the reason.

(defrule breast-stage4-aromatase-inhibitor-excluded-premenopausal
  "Aromatase inhibitors are used only in post-menopausal women: ruled out
   for a premenopausal patient (B4-3)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value ~no))
  (finding (name post-menopausal) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-aromatase-inhibitor-excluded-premenopausal)
            (option breast-stage4-aromatase-inhibitor)
            (modality hormonal)
            (reason "The patient is premenopausal; aromatase inhibitors are used only in post-menopausal women (also for the switch after tamoxifen).")
            (cite b4-3-post-menopausal-only b4-4-switch))))

(defrule breast-stage4-aromatase-inhibitor-excluded-receptor-negative
  "Hormone receptor-negative tumour (ER- and PR-): no aromatase inhibitor
   (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-aromatase-inhibitor-excluded-receptor-negative)
            (option breast-stage4-aromatase-inhibitor)
            (modality hormonal)
            (reason "The tumour is hormone receptor negative (ER- and PR-). Hormonal therapy is for hormone receptor-positive tumours or an unknown status; the source's other situations (bone or soft tissue only; no chemotherapy) say when it is favoured, not that a receptor-negative tumour responds.")
            (cite b4-2-receptor-positive b4-2-receptor-unknown b4-2-bone-soft-tissue-only b4-2-no-chemotherapy))))

(defrule breast-stage4-tamoxifen-excluded-receptor-negative
  "Hormone receptor-negative tumour (ER- and PR-): no tamoxifen (B4-2)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-tamoxifen-excluded-receptor-negative)
            (option breast-stage4-tamoxifen)
            (modality hormonal) (agents tamoxifen)
            (reason "The tumour is hormone receptor negative (ER- and PR-). Hormonal therapy is for hormone receptor-positive tumours or an unknown status; the source's other situations (bone or soft tissue only; no chemotherapy) say when it is favoured, not that a receptor-negative tumour responds.")
            (cite b4-2-receptor-positive b4-2-receptor-unknown b4-2-bone-soft-tissue-only b4-2-no-chemotherapy))))

(defrule breast-stage4-ovarian-ablation-excluded-receptor-negative
  "Hormone receptor-negative tumour: no ovarian ablation, though the
   patient declines other hormonal therapy (B4-2, B4-5)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value no))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-ovarian-ablation-excluded-receptor-negative)
            (option breast-stage4-ovarian-ablation)
            (modality ovarian-suppression) (procedure ovarian-ablation)
            (reason "The tumour is hormone receptor negative (ER- and PR-). Hormonal therapy is for hormone receptor-positive tumours or an unknown status; the source's other situations (bone or soft tissue only; no chemotherapy) say when it is favoured, not that a receptor-negative tumour responds.")
            (cite b4-2-receptor-positive b4-2-receptor-unknown b4-2-bone-soft-tissue-only b4-2-no-chemotherapy))))

(defrule breast-stage4-ovarian-ablation-excluded-post-menopausal
  "Ovarian ablation is offered to premenopausal women: ruled out for a
   post-menopausal patient who declines other hormonal therapy (B4-5)."
  (scope (guideline breast-stage4))
  (finding (name hormone-sensitive) (value ~no))
  (finding (name post-menopausal) (value yes))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-ovarian-ablation-excluded-post-menopausal)
            (option breast-stage4-ovarian-ablation)
            (modality ovarian-suppression) (procedure ovarian-ablation)
            (reason "The patient is post-menopausal; the source offers ovarian ablation to premenopausal women who do not wish to take other types of hormonal therapy.")
            (cite b4-5-ovarian-ablation))))

(defrule breast-stage4-hormonal-excluded-other-hormonal-therapy-declined
  "The patient does not wish to take other types of hormonal therapy (than
   ovarian ablation): the aromatase inhibitors and tamoxifen are ruled out,
   with her wish as the reason (B4-5)."
  (scope (guideline breast-stage4))
  (finding (name declines-other-hormonal-therapy) (value yes))
  (recommendation (id ?o) (modality hormonal) (agents $?a))
  =>
  (assert (exclusion
            (id (sym-cat ?o -excluded-other-hormonal-therapy-declined))
            (option ?o) (modality hormonal) (agents $?a)
            (reason "The patient does not wish to take other types of hormonal therapy; the source offers ovarian ablation to premenopausal women in this situation.")
            (cite b4-5-ovarian-ablation))))

;;; ---------------------------------------------------------------- B4-6..B4-9 chemotherapy
;;; One card: the single drugs as one menu and the combinations as
;;; regimens, all backbones (one decision). Each option is concluded once
;;; per bullet of "Chemotherapy may be offered for stage IV breast cancer
;;; that:" that applies, and cites it. "Hormone receptor negative (ER-, PR-
;;; or both)" is read as ER- and PR- (an ER+/PR- tumour is hormone
;;; receptor positive). The combinations are listed "for recurrent breast
;;; cancer" on this stage IV page: each option says so. Eribulin, the last
;;; single drug, has prerequisites of its own: later-line card.

(defrule breast-stage4-single-drugs-receptor-negative
  "A single chemotherapy drug (often given: similar response, fewer side
   effects), as the tumour is hormone receptor negative (ER- and PR-)
   (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value no))
  =>
  (assert (recommendation
            (id breast-stage4-single-drugs)
            (modality chemotherapy)
            (choices vinorelbine cisplatin capecitabine paclitaxel docetaxel doxorubicin fluorouracil
                     methotrexate epirubicin etoposide cyclophosphamide gemcitabine mitomycin
                     paclitaxel-protein-bound)
            (schedule "Etoposide is given by mouth (oral).")
            (intent disease-control)
            (summary "Single chemotherapy drug, often given because single drugs have fewer side effects than combination chemotherapy (the response is similar): vinorelbine, cisplatin, capecitabine, paclitaxel, docetaxel, doxorubicin, 5-fluorouracil, methotrexate, epirubicin, etoposide (by mouth), cyclophosphamide, gemcitabine, mitomycin or protein-bound paclitaxel")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-receptor-negative b4-7-single-drugs b4-7-similar))))

(defrule breast-stage4-single-drugs-liver-lung-or-brain
  "A single chemotherapy drug (often given: similar response, fewer side
   effects), as the cancer has spread to liver, lung or brain (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name liver-lung-or-brain-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-single-drugs)
            (modality chemotherapy)
            (choices vinorelbine cisplatin capecitabine paclitaxel docetaxel doxorubicin fluorouracil
                     methotrexate epirubicin etoposide cyclophosphamide gemcitabine mitomycin
                     paclitaxel-protein-bound)
            (schedule "Etoposide is given by mouth (oral).")
            (intent disease-control)
            (summary "Single chemotherapy drug, often given because single drugs have fewer side effects than combination chemotherapy (the response is similar): vinorelbine, cisplatin, capecitabine, paclitaxel, docetaxel, doxorubicin, 5-fluorouracil, methotrexate, epirubicin, etoposide (by mouth), cyclophosphamide, gemcitabine, mitomycin or protein-bound paclitaxel")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-liver-lung-brain b4-7-single-drugs b4-7-similar))))

(defrule breast-stage4-single-drugs-no-response-to-hormonal-therapy
  "A single chemotherapy drug (often given: similar response, fewer side
   effects), as the cancer does not respond to hormonal therapy (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name no-response-to-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-single-drugs)
            (modality chemotherapy)
            (choices vinorelbine cisplatin capecitabine paclitaxel docetaxel doxorubicin fluorouracil
                     methotrexate epirubicin etoposide cyclophosphamide gemcitabine mitomycin
                     paclitaxel-protein-bound)
            (schedule "Etoposide is given by mouth (oral).")
            (intent disease-control)
            (summary "Single chemotherapy drug, often given because single drugs have fewer side effects than combination chemotherapy (the response is similar): vinorelbine, cisplatin, capecitabine, paclitaxel, docetaxel, doxorubicin, 5-fluorouracil, methotrexate, epirubicin, etoposide (by mouth), cyclophosphamide, gemcitabine, mitomycin or protein-bound paclitaxel")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-no-response b4-7-single-drugs b4-7-similar))))

(defrule breast-stage4-single-drugs-progressing-or-severe
  "A single chemotherapy drug (often given: similar response, fewer side
   effects), as the cancer is progressing quickly or causing severe
   symptoms or life-threatening complications (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name progressing-quickly-or-severe-symptoms) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-single-drugs)
            (modality chemotherapy)
            (choices vinorelbine cisplatin capecitabine paclitaxel docetaxel doxorubicin fluorouracil
                     methotrexate epirubicin etoposide cyclophosphamide gemcitabine mitomycin
                     paclitaxel-protein-bound)
            (schedule "Etoposide is given by mouth (oral).")
            (intent disease-control)
            (summary "Single chemotherapy drug, often given because single drugs have fewer side effects than combination chemotherapy (the response is similar): vinorelbine, cisplatin, capecitabine, paclitaxel, docetaxel, doxorubicin, 5-fluorouracil, methotrexate, epirubicin, etoposide (by mouth), cyclophosphamide, gemcitabine, mitomycin or protein-bound paclitaxel")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-progressing-severe b4-7-single-drugs b4-7-similar))))

(defrule breast-stage4-doxorubicin-cyclophosphamide-receptor-negative
  "Combination chemotherapy AC: doxorubicin and cyclophosphamide, as the
   tumour is hormone receptor negative (ER- and PR-) (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value no))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin-cyclophosphamide)
            (modality chemotherapy)
            (agents doxorubicin cyclophosphamide)
            (intent disease-control)
            (summary "Combination chemotherapy AC: doxorubicin and cyclophosphamide (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-receptor-negative b4-9-combinations b4-9-ac))))

(defrule breast-stage4-doxorubicin-cyclophosphamide-liver-lung-or-brain
  "Combination chemotherapy AC: doxorubicin and cyclophosphamide, as the
   cancer has spread to liver, lung or brain (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name liver-lung-or-brain-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin-cyclophosphamide)
            (modality chemotherapy)
            (agents doxorubicin cyclophosphamide)
            (intent disease-control)
            (summary "Combination chemotherapy AC: doxorubicin and cyclophosphamide (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-liver-lung-brain b4-9-combinations b4-9-ac))))

(defrule breast-stage4-doxorubicin-cyclophosphamide-no-response-to-hormonal-therapy
  "Combination chemotherapy AC: doxorubicin and cyclophosphamide, as the
   cancer does not respond to hormonal therapy (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name no-response-to-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin-cyclophosphamide)
            (modality chemotherapy)
            (agents doxorubicin cyclophosphamide)
            (intent disease-control)
            (summary "Combination chemotherapy AC: doxorubicin and cyclophosphamide (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-no-response b4-9-combinations b4-9-ac))))

(defrule breast-stage4-doxorubicin-cyclophosphamide-progressing-or-severe
  "Combination chemotherapy AC: doxorubicin and cyclophosphamide, as the
   cancer is progressing quickly or causing severe symptoms or
   life-threatening complications (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name progressing-quickly-or-severe-symptoms) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin-cyclophosphamide)
            (modality chemotherapy)
            (agents doxorubicin cyclophosphamide)
            (intent disease-control)
            (summary "Combination chemotherapy AC: doxorubicin and cyclophosphamide (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-progressing-severe b4-9-combinations b4-9-ac))))

(defrule breast-stage4-docetaxel-doxorubicin-receptor-negative
  "Combination chemotherapy docetaxel and doxorubicin, as the tumour is
   hormone receptor negative (ER- and PR-) (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value no))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel-doxorubicin)
            (modality chemotherapy)
            (agents docetaxel doxorubicin)
            (intent disease-control)
            (summary "Combination chemotherapy: docetaxel and doxorubicin (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-receptor-negative b4-9-combinations b4-9-docetaxel-doxorubicin))))

(defrule breast-stage4-docetaxel-doxorubicin-liver-lung-or-brain
  "Combination chemotherapy docetaxel and doxorubicin, as the cancer has
   spread to liver, lung or brain (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name liver-lung-or-brain-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel-doxorubicin)
            (modality chemotherapy)
            (agents docetaxel doxorubicin)
            (intent disease-control)
            (summary "Combination chemotherapy: docetaxel and doxorubicin (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-liver-lung-brain b4-9-combinations b4-9-docetaxel-doxorubicin))))

(defrule breast-stage4-docetaxel-doxorubicin-no-response-to-hormonal-therapy
  "Combination chemotherapy docetaxel and doxorubicin, as the cancer does
   not respond to hormonal therapy (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name no-response-to-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel-doxorubicin)
            (modality chemotherapy)
            (agents docetaxel doxorubicin)
            (intent disease-control)
            (summary "Combination chemotherapy: docetaxel and doxorubicin (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-no-response b4-9-combinations b4-9-docetaxel-doxorubicin))))

(defrule breast-stage4-docetaxel-doxorubicin-progressing-or-severe
  "Combination chemotherapy docetaxel and doxorubicin, as the cancer is
   progressing quickly or causing severe symptoms or life-threatening
   complications (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name progressing-quickly-or-severe-symptoms) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel-doxorubicin)
            (modality chemotherapy)
            (agents docetaxel doxorubicin)
            (intent disease-control)
            (summary "Combination chemotherapy: docetaxel and doxorubicin (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-progressing-severe b4-9-combinations b4-9-docetaxel-doxorubicin))))

(defrule breast-stage4-cyclophosphamide-doxorubicin-fluorouracil-receptor-negative
  "Combination chemotherapy FAC (or CAF): cyclophosphamide by mouth,
   doxorubicin and 5-fluorouracil, as the tumour is hormone receptor
   negative (ER- and PR-) (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value no))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-doxorubicin-fluorouracil)
            (modality chemotherapy)
            (agents cyclophosphamide doxorubicin fluorouracil)
            (schedule "Cyclophosphamide by mouth.")
            (intent disease-control)
            (summary "Combination chemotherapy FAC (or CAF): cyclophosphamide by mouth, doxorubicin and 5-fluorouracil (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-receptor-negative b4-9-combinations b4-9-fac))))

(defrule breast-stage4-cyclophosphamide-doxorubicin-fluorouracil-liver-lung-or-brain
  "Combination chemotherapy FAC (or CAF): cyclophosphamide by mouth,
   doxorubicin and 5-fluorouracil, as the cancer has spread to liver,
   lung or brain (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name liver-lung-or-brain-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-doxorubicin-fluorouracil)
            (modality chemotherapy)
            (agents cyclophosphamide doxorubicin fluorouracil)
            (schedule "Cyclophosphamide by mouth.")
            (intent disease-control)
            (summary "Combination chemotherapy FAC (or CAF): cyclophosphamide by mouth, doxorubicin and 5-fluorouracil (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-liver-lung-brain b4-9-combinations b4-9-fac))))

(defrule breast-stage4-cyclophosphamide-doxorubicin-fluorouracil-no-response-to-hormonal-therapy
  "Combination chemotherapy FAC (or CAF): cyclophosphamide by mouth,
   doxorubicin and 5-fluorouracil, as the cancer does not respond to
   hormonal therapy (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name no-response-to-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-doxorubicin-fluorouracil)
            (modality chemotherapy)
            (agents cyclophosphamide doxorubicin fluorouracil)
            (schedule "Cyclophosphamide by mouth.")
            (intent disease-control)
            (summary "Combination chemotherapy FAC (or CAF): cyclophosphamide by mouth, doxorubicin and 5-fluorouracil (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-no-response b4-9-combinations b4-9-fac))))

(defrule breast-stage4-cyclophosphamide-doxorubicin-fluorouracil-progressing-or-severe
  "Combination chemotherapy FAC (or CAF): cyclophosphamide by mouth,
   doxorubicin and 5-fluorouracil, as the cancer is progressing quickly
   or causing severe symptoms or life-threatening complications (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name progressing-quickly-or-severe-symptoms) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-doxorubicin-fluorouracil)
            (modality chemotherapy)
            (agents cyclophosphamide doxorubicin fluorouracil)
            (schedule "Cyclophosphamide by mouth.")
            (intent disease-control)
            (summary "Combination chemotherapy FAC (or CAF): cyclophosphamide by mouth, doxorubicin and 5-fluorouracil (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-progressing-severe b4-9-combinations b4-9-fac))))

(defrule breast-stage4-cyclophosphamide-methotrexate-fluorouracil-receptor-negative
  "Combination chemotherapy CMF: cyclophosphamide (intravenous or by
   mouth), methotrexate and 5-fluorouracil, as the tumour is hormone
   receptor negative (ER- and PR-) (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value no))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-methotrexate-fluorouracil)
            (modality chemotherapy)
            (agents cyclophosphamide methotrexate fluorouracil)
            (schedule "Cyclophosphamide intravenous (CMF – IV) or by mouth (CMF – PO).")
            (intent disease-control)
            (summary "Combination chemotherapy CMF: cyclophosphamide (intravenous or by mouth), methotrexate and 5-fluorouracil (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-receptor-negative b4-9-combinations b4-9-cmf))))

(defrule breast-stage4-cyclophosphamide-methotrexate-fluorouracil-liver-lung-or-brain
  "Combination chemotherapy CMF: cyclophosphamide (intravenous or by
   mouth), methotrexate and 5-fluorouracil, as the cancer has spread to
   liver, lung or brain (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name liver-lung-or-brain-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-methotrexate-fluorouracil)
            (modality chemotherapy)
            (agents cyclophosphamide methotrexate fluorouracil)
            (schedule "Cyclophosphamide intravenous (CMF – IV) or by mouth (CMF – PO).")
            (intent disease-control)
            (summary "Combination chemotherapy CMF: cyclophosphamide (intravenous or by mouth), methotrexate and 5-fluorouracil (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-liver-lung-brain b4-9-combinations b4-9-cmf))))

(defrule breast-stage4-cyclophosphamide-methotrexate-fluorouracil-no-response-to-hormonal-therapy
  "Combination chemotherapy CMF: cyclophosphamide (intravenous or by
   mouth), methotrexate and 5-fluorouracil, as the cancer does not
   respond to hormonal therapy (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name no-response-to-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-methotrexate-fluorouracil)
            (modality chemotherapy)
            (agents cyclophosphamide methotrexate fluorouracil)
            (schedule "Cyclophosphamide intravenous (CMF – IV) or by mouth (CMF – PO).")
            (intent disease-control)
            (summary "Combination chemotherapy CMF: cyclophosphamide (intravenous or by mouth), methotrexate and 5-fluorouracil (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-no-response b4-9-combinations b4-9-cmf))))

(defrule breast-stage4-cyclophosphamide-methotrexate-fluorouracil-progressing-or-severe
  "Combination chemotherapy CMF: cyclophosphamide (intravenous or by
   mouth), methotrexate and 5-fluorouracil, as the cancer is progressing
   quickly or causing severe symptoms or life-threatening complications
   (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name progressing-quickly-or-severe-symptoms) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-methotrexate-fluorouracil)
            (modality chemotherapy)
            (agents cyclophosphamide methotrexate fluorouracil)
            (schedule "Cyclophosphamide intravenous (CMF – IV) or by mouth (CMF – PO).")
            (intent disease-control)
            (summary "Combination chemotherapy CMF: cyclophosphamide (intravenous or by mouth), methotrexate and 5-fluorouracil (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-progressing-severe b4-9-combinations b4-9-cmf))))

(defrule breast-stage4-doxorubicin-paclitaxel-receptor-negative
  "Combination chemotherapy doxorubicin and paclitaxel, as the tumour is
   hormone receptor negative (ER- and PR-) (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value no))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin-paclitaxel)
            (modality chemotherapy)
            (agents doxorubicin paclitaxel)
            (intent disease-control)
            (summary "Combination chemotherapy: doxorubicin and paclitaxel (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-receptor-negative b4-9-combinations b4-9-doxorubicin-paclitaxel))))

(defrule breast-stage4-doxorubicin-paclitaxel-liver-lung-or-brain
  "Combination chemotherapy doxorubicin and paclitaxel, as the cancer has
   spread to liver, lung or brain (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name liver-lung-or-brain-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin-paclitaxel)
            (modality chemotherapy)
            (agents doxorubicin paclitaxel)
            (intent disease-control)
            (summary "Combination chemotherapy: doxorubicin and paclitaxel (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-liver-lung-brain b4-9-combinations b4-9-doxorubicin-paclitaxel))))

(defrule breast-stage4-doxorubicin-paclitaxel-no-response-to-hormonal-therapy
  "Combination chemotherapy doxorubicin and paclitaxel, as the cancer
   does not respond to hormonal therapy (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name no-response-to-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin-paclitaxel)
            (modality chemotherapy)
            (agents doxorubicin paclitaxel)
            (intent disease-control)
            (summary "Combination chemotherapy: doxorubicin and paclitaxel (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-no-response b4-9-combinations b4-9-doxorubicin-paclitaxel))))

(defrule breast-stage4-doxorubicin-paclitaxel-progressing-or-severe
  "Combination chemotherapy doxorubicin and paclitaxel, as the cancer is
   progressing quickly or causing severe symptoms or life-threatening
   complications (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name progressing-quickly-or-severe-symptoms) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin-paclitaxel)
            (modality chemotherapy)
            (agents doxorubicin paclitaxel)
            (intent disease-control)
            (summary "Combination chemotherapy: doxorubicin and paclitaxel (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-progressing-severe b4-9-combinations b4-9-doxorubicin-paclitaxel))))

(defrule breast-stage4-docetaxel-capecitabine-receptor-negative
  "Combination chemotherapy docetaxel and capecitabine, as the tumour is
   hormone receptor negative (ER- and PR-) (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value no))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel-capecitabine)
            (modality chemotherapy)
            (agents docetaxel capecitabine)
            (intent disease-control)
            (summary "Combination chemotherapy: docetaxel and capecitabine (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-receptor-negative b4-9-combinations b4-9-docetaxel-capecitabine))))

(defrule breast-stage4-docetaxel-capecitabine-liver-lung-or-brain
  "Combination chemotherapy docetaxel and capecitabine, as the cancer has
   spread to liver, lung or brain (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name liver-lung-or-brain-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel-capecitabine)
            (modality chemotherapy)
            (agents docetaxel capecitabine)
            (intent disease-control)
            (summary "Combination chemotherapy: docetaxel and capecitabine (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-liver-lung-brain b4-9-combinations b4-9-docetaxel-capecitabine))))

(defrule breast-stage4-docetaxel-capecitabine-no-response-to-hormonal-therapy
  "Combination chemotherapy docetaxel and capecitabine, as the cancer
   does not respond to hormonal therapy (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name no-response-to-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel-capecitabine)
            (modality chemotherapy)
            (agents docetaxel capecitabine)
            (intent disease-control)
            (summary "Combination chemotherapy: docetaxel and capecitabine (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-no-response b4-9-combinations b4-9-docetaxel-capecitabine))))

(defrule breast-stage4-docetaxel-capecitabine-progressing-or-severe
  "Combination chemotherapy docetaxel and capecitabine, as the cancer is
   progressing quickly or causing severe symptoms or life-threatening
   complications (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name progressing-quickly-or-severe-symptoms) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel-capecitabine)
            (modality chemotherapy)
            (agents docetaxel capecitabine)
            (intent disease-control)
            (summary "Combination chemotherapy: docetaxel and capecitabine (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-progressing-severe b4-9-combinations b4-9-docetaxel-capecitabine))))

(defrule breast-stage4-vinorelbine-epirubicin-receptor-negative
  "Combination chemotherapy vinorelbine and epirubicin, as the tumour is
   hormone receptor negative (ER- and PR-) (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value no))
  =>
  (assert (recommendation
            (id breast-stage4-vinorelbine-epirubicin)
            (modality chemotherapy)
            (agents vinorelbine epirubicin)
            (intent disease-control)
            (summary "Combination chemotherapy: vinorelbine and epirubicin (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-receptor-negative b4-9-combinations b4-9-vinorelbine-epirubicin))))

(defrule breast-stage4-vinorelbine-epirubicin-liver-lung-or-brain
  "Combination chemotherapy vinorelbine and epirubicin, as the cancer has
   spread to liver, lung or brain (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name liver-lung-or-brain-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-vinorelbine-epirubicin)
            (modality chemotherapy)
            (agents vinorelbine epirubicin)
            (intent disease-control)
            (summary "Combination chemotherapy: vinorelbine and epirubicin (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-liver-lung-brain b4-9-combinations b4-9-vinorelbine-epirubicin))))

(defrule breast-stage4-vinorelbine-epirubicin-no-response-to-hormonal-therapy
  "Combination chemotherapy vinorelbine and epirubicin, as the cancer
   does not respond to hormonal therapy (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name no-response-to-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-vinorelbine-epirubicin)
            (modality chemotherapy)
            (agents vinorelbine epirubicin)
            (intent disease-control)
            (summary "Combination chemotherapy: vinorelbine and epirubicin (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-no-response b4-9-combinations b4-9-vinorelbine-epirubicin))))

(defrule breast-stage4-vinorelbine-epirubicin-progressing-or-severe
  "Combination chemotherapy vinorelbine and epirubicin, as the cancer is
   progressing quickly or causing severe symptoms or life-threatening
   complications (B4-6)."
  (scope (guideline breast-stage4))
  (finding (name progressing-quickly-or-severe-symptoms) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-vinorelbine-epirubicin)
            (modality chemotherapy)
            (agents vinorelbine epirubicin)
            (intent disease-control)
            (summary "Combination chemotherapy: vinorelbine and epirubicin (a combination the source lists for recurrent breast cancer)")
            (card breast-stage4-chemotherapy) (role backbone)
            (cite b4-6-chemotherapy b4-6-progressing-severe b4-9-combinations b4-9-vinorelbine-epirubicin))))

(defrule breast-stage4-chemotherapy-not-offered
  "None of the situations for chemotherapy applies, HER2-negative tumour:
   say why chemotherapy is absent."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value yes))
  (finding (name liver-lung-or-brain-metastases) (value no))
  (finding (name no-response-to-hormonal-therapy) (value no))
  (finding (name progressing-quickly-or-severe-symptoms) (value no))
  (finding (name her2-positive) (value no))
  =>
  (assert (note (id breast-stage4-chemotherapy-not-offered)
                (text "Chemotherapy is not listed: the tumour is hormone receptor positive, has not spread to liver, lung or brain, has not stopped responding to hormonal therapy given for advanced disease, is not progressing quickly and causes no severe symptoms or life-threatening complications. The source offers chemotherapy in those situations.")
                (cite b4-6-receptor-negative b4-6-liver-lung-brain b4-6-no-response b4-6-progressing-severe))))

(defrule breast-stage4-chemotherapy-alone-not-offered
  "None of the situations for chemotherapy applies, HER2-positive (or not
   recorded) tumour: chemotherapy on its own is absent, and the taxane
   chemotherapy the source gives with anti-HER2 drugs is not (B4-6,
   B4-10, B4-11)."
  (scope (guideline breast-stage4))
  (finding (name hormone-receptor-positive) (value yes))
  (finding (name liver-lung-or-brain-metastases) (value no))
  (finding (name no-response-to-hormonal-therapy) (value no))
  (finding (name progressing-quickly-or-severe-symptoms) (value no))
  (finding (name her2-positive) (value yes|unknown))
  =>
  (assert (note (id breast-stage4-chemotherapy-alone-not-offered)
                (text "Chemotherapy on its own is not listed: the tumour is hormone receptor positive, has not spread to liver, lung or brain, has not stopped responding to hormonal therapy given for advanced disease, is not progressing quickly and causes no severe symptoms or life-threatening complications. For a HER2-positive tumour the source gives taxane chemotherapy with trastuzumab, or with pertuzumab and trastuzumab: those are among the anti-HER2 options.")
                (cite b4-6-receptor-negative b4-6-liver-lung-brain b4-6-no-response b4-6-progressing-severe b4-10-alone-or-combination b4-11-pertuzumab))))

;;; ---------------------------------------------------------------- B4-8, B4-12: later lines
;;; Eribulin and trastuzumab emtansine come after earlier treatment for
;;; metastatic disease; their prerequisites are their conditions. When they
;;; are not met for a patient who has had chemotherapy for metastatic
;;; disease (eribulin) or one of the two prerequisites (trastuzumab
;;; emtansine), one exclusion says what is missing; a patient in first line
;;; gets none (nothing is being ruled out).

(defrule breast-stage4-eribulin
  "Eribulin after at least 2 chemotherapy regimens for metastatic disease,
   previous therapy having included an anthracycline and a taxane (B4-7,
   B4-8)."
  (scope (guideline breast-stage4))
  (finding (name metastatic-chemotherapy-regimens-two-or-more) (value yes))
  (finding (name prior-anthracycline) (value yes))
  (finding (name prior-taxane) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-eribulin)
            (modality chemotherapy)
            (agents eribulin)
            (intent disease-control)
            (summary "Eribulin, after at least 2 other chemotherapy regimens for metastatic disease that included an anthracycline and a taxane")
            (card breast-stage4-later-line)
            (cite b4-7-eribulin b4-8-eribulin-two-regimens b4-8-eribulin-previous-therapy))))

(defrule breast-stage4-eribulin-earlier-therapy-counted
  "Eribulin rests on an anthracycline or a taxane that was not given for
   metastatic disease: say that the source does not settle whether it
   counts (B4-8)."
  (scope (guideline breast-stage4))
  (finding (name metastatic-chemotherapy-regimens-two-or-more) (value yes))
  (finding (name prior-anthracycline) (value yes))
  (finding (name prior-taxane) (value yes))
  (finding (name anthracycline-and-taxane-for-metastatic-disease) (value no))
  =>
  (assert (note (id breast-stage4-eribulin-earlier-therapy-counted)
                (text "Eribulin: the anthracycline or the taxane was not part of a chemotherapy regimen for metastatic disease. The source says previous therapy should have included both, without saying whether therapy given before the cancer spread (for example adjuvant therapy) counts; the treating team decides.")
                (cite b4-8-eribulin-previous-therapy))))

(defrule breast-stage4-eribulin-excluded-fewer-than-two-regimens
  "Chemotherapy for metastatic disease recorded, but fewer than 2 regimens:
   eribulin's prerequisite is not met (B4-8)."
  (scope (guideline breast-stage4))
  (finding (name prior-chemotherapy-for-metastatic-disease) (value yes))
  (finding (name metastatic-chemotherapy-regimens-two-or-more) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-eribulin-excluded-prerequisites)
            (option breast-stage4-eribulin)
            (modality chemotherapy) (agents eribulin)
            (reason "Eribulin is used after at least 2 other chemotherapy regimens for metastatic disease, previous therapy having included an anthracycline and a taxane; the record does not show that yet.")
            (cite b4-8-eribulin-two-regimens b4-8-eribulin-previous-therapy))))

(defrule breast-stage4-eribulin-excluded-no-anthracycline
  "Chemotherapy for metastatic disease recorded, no anthracycline in
   previous therapy: eribulin's prerequisite is not met (B4-8)."
  (scope (guideline breast-stage4))
  (finding (name prior-chemotherapy-for-metastatic-disease) (value yes))
  (finding (name prior-anthracycline) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-eribulin-excluded-prerequisites)
            (option breast-stage4-eribulin)
            (modality chemotherapy) (agents eribulin)
            (reason "Eribulin is used after at least 2 other chemotherapy regimens for metastatic disease, previous therapy having included an anthracycline and a taxane; the record does not show that yet.")
            (cite b4-8-eribulin-two-regimens b4-8-eribulin-previous-therapy))))

(defrule breast-stage4-eribulin-excluded-no-taxane
  "Chemotherapy for metastatic disease recorded, no taxane in previous
   therapy: eribulin's prerequisite is not met (B4-8)."
  (scope (guideline breast-stage4))
  (finding (name prior-chemotherapy-for-metastatic-disease) (value yes))
  (finding (name prior-taxane) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-eribulin-excluded-prerequisites)
            (option breast-stage4-eribulin)
            (modality chemotherapy) (agents eribulin)
            (reason "Eribulin is used after at least 2 other chemotherapy regimens for metastatic disease, previous therapy having included an anthracycline and a taxane; the record does not show that yet.")
            (cite b4-8-eribulin-two-regimens b4-8-eribulin-previous-therapy))))

(defrule breast-stage4-trastuzumab-emtansine
  "Trastuzumab emtansine (T-DM1) for a HER2-positive tumour after
   trastuzumab and taxane chemotherapy, separately or in combination
   (B4-12)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value yes))
  (finding (name prior-trastuzumab) (value yes))
  (finding (name prior-taxane) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-trastuzumab-emtansine)
            (modality targeted)
            (agents trastuzumab-emtansine)
            (intent disease-control)
            (summary "Trastuzumab emtansine (T-DM1), after trastuzumab and taxane chemotherapy, separately or in combination (HER2-positive tumour)")
            (card breast-stage4-later-line)
            (cite b4-12-trastuzumab-emtansine))))

(defrule breast-stage4-trastuzumab-emtansine-excluded-no-taxane
  "Trastuzumab given, no taxane: trastuzumab emtansine's prerequisite is
   not met (B4-12)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name prior-trastuzumab) (value yes))
  (finding (name prior-taxane) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-emtansine-excluded-prerequisites)
            (option breast-stage4-trastuzumab-emtansine)
            (modality targeted) (agents trastuzumab-emtansine)
            (reason "Trastuzumab emtansine is used after prior treatment with trastuzumab and taxane chemotherapy, separately or in combination; the record does not show both.")
            (cite b4-12-trastuzumab-emtansine))))

(defrule breast-stage4-trastuzumab-emtansine-excluded-no-trastuzumab
  "A taxane given, no trastuzumab: trastuzumab emtansine's prerequisite is
   not met (B4-12)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name prior-taxane) (value yes))
  (finding (name prior-trastuzumab) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-emtansine-excluded-prerequisites)
            (option breast-stage4-trastuzumab-emtansine)
            (modality targeted) (agents trastuzumab-emtansine)
            (reason "Trastuzumab emtansine is used after prior treatment with trastuzumab and taxane chemotherapy, separately or in combination; the record does not show both.")
            (cite b4-12-trastuzumab-emtansine))))

;;; ---------------------------------------------------------------- B4-10, B4-11: anti-HER2 therapy
;;; One card. Each option names the chemotherapy it is given with: a taxane
;;; for pertuzumab (the source's taxanes: paclitaxel, docetaxel,
;;; protein-bound paclitaxel), "chemotherapy drugs like paclitaxel or
;;; docetaxel" for trastuzumab; so the chemotherapy gates (gates.clp) see
;;; them, and trastuzumab alone stays when chemotherapy is declined. The
;;; stop rule ("given until the cancer no longer responds to treatment or
;;; progresses") is the treatment-history gate: after progression on
;;; trastuzumab in advanced disease, ongoing or stopped, no option whose
;;; drugs it held is offered again.

(defrule breast-stage4-pertuzumab-trastuzumab-taxane
  "Pertuzumab with trastuzumab and taxane chemotherapy, for a HER2-positive
   tumour, in a woman who has not received anti-HER2 therapy or
   chemotherapy for metastatic disease (B4-11)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value yes))
  (finding (name prior-anti-her2-for-metastatic-disease) (value no))
  (finding (name prior-chemotherapy-for-metastatic-disease) (value no))
  =>
  (assert (recommendation
            (id breast-stage4-pertuzumab-trastuzumab-taxane)
            (modality targeted)
            (agents pertuzumab trastuzumab)
            (choices paclitaxel docetaxel paclitaxel-protein-bound)
            (schedule "Pertuzumab is given as an intravenous drug injected into a vein, with trastuzumab and taxane chemotherapy.")
            (intent disease-control)
            (summary "Pertuzumab with trastuzumab and taxane chemotherapy (no prior anti-HER2 therapy or chemotherapy for metastatic disease)")
            (card breast-stage4-anti-her2)
            (cite b4-11-pertuzumab b4-11-pertuzumab-condition))))

(defrule breast-stage4-pertuzumab-earlier-anti-her2-therapy
  "Anti-HER2 therapy given before the cancer spread: pertuzumab stays
   listed (the source's condition is read as 'for metastatic disease'),
   flagged for the team (B4-11)."
  (scope (guideline breast-stage4))
  (finding (name prior-anti-her2-before-spread) (value yes))
  (recommendation (id breast-stage4-pertuzumab-trastuzumab-taxane))
  =>
  (assert (warning
            (id breast-stage4-pertuzumab-earlier-anti-her2-therapy)
            (option breast-stage4-pertuzumab-trastuzumab-taxane)
            (severity caution)
            (text "Anti-HER2 therapy was given before the cancer spread (adjuvant, neoadjuvant or primary treatment). The source uses pertuzumab in women who have not received prior anti-HER2 therapy or chemotherapy for metastatic disease; that is read as bounding both by 'for metastatic disease', so pertuzumab is listed. Whether the earlier anti-HER2 therapy counts is for the treating team to decide.")
            (cite b4-11-pertuzumab-condition))))

(defrule breast-stage4-pertuzumab-excluded-prior-anti-her2
  "Anti-HER2 therapy for metastatic disease recorded: no pertuzumab
   (B4-11)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name prior-anti-her2-for-metastatic-disease) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-pertuzumab-excluded-prior-anti-her2)
            (option breast-stage4-pertuzumab-trastuzumab-taxane)
            (modality targeted) (agents pertuzumab trastuzumab)
            (reason "Anti-HER2 therapy for metastatic disease is recorded; the source uses pertuzumab in women who have not received prior anti-HER2 therapy or chemotherapy for metastatic disease.")
            (cite b4-11-pertuzumab-condition))))

(defrule breast-stage4-pertuzumab-excluded-prior-chemotherapy
  "Chemotherapy for metastatic disease recorded: no pertuzumab (B4-11)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name prior-chemotherapy-for-metastatic-disease) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-pertuzumab-excluded-prior-chemotherapy)
            (option breast-stage4-pertuzumab-trastuzumab-taxane)
            (modality targeted) (agents pertuzumab trastuzumab)
            (reason "Chemotherapy for metastatic disease is recorded; the source uses pertuzumab in women who have not received prior anti-HER2 therapy or chemotherapy for metastatic disease.")
            (cite b4-11-pertuzumab-condition))))

(defrule breast-stage4-trastuzumab-chemotherapy
  "Trastuzumab (Herceptin) in combination with chemotherapy drugs like
   paclitaxel or docetaxel, for a HER2-positive tumour (B4-10)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-trastuzumab-chemotherapy)
            (modality targeted)
            (agents trastuzumab)
            (choices paclitaxel docetaxel)
            (schedule "Given until the cancer no longer responds to treatment or progresses.")
            (intent disease-control)
            (summary "Trastuzumab (Herceptin) in combination with chemotherapy drugs like paclitaxel or docetaxel")
            (card breast-stage4-anti-her2)
            (cite b4-10-trastuzumab b4-10-alone-or-combination b4-10-until-progression))))

(defrule breast-stage4-trastuzumab
  "Trastuzumab (Herceptin) alone, for a HER2-positive tumour (B4-10)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-trastuzumab)
            (modality targeted)
            (agents trastuzumab)
            (schedule "Given until the cancer no longer responds to treatment or progresses.")
            (intent disease-control)
            (summary "Trastuzumab (Herceptin) alone")
            (card breast-stage4-anti-her2)
            (cite b4-10-trastuzumab b4-10-alone-or-combination b4-10-until-progression))))

(defrule breast-stage4-note-stable-disease-on-trastuzumab
  "Stable disease on trastuzumab for metastatic disease: 'until the cancer
   no longer responds' is for the team to judge (B4-10)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value yes))
  (finding (name stable-disease-on-trastuzumab) (value yes))
  =>
  (assert (note (id breast-stage4-note-stable-disease-on-trastuzumab)
                (text "Stable disease is recorded on trastuzumab given for metastatic disease. The source gives trastuzumab until the cancer no longer responds to treatment or progresses: whether it still responds is for the treating team to judge.")
                (cite b4-10-until-progression))))

(defrule breast-stage4-pertuzumab-excluded-her2-negative
  "HER2-negative tumour: no pertuzumab with trastuzumab and a taxane (B4-10..B4-12; the anti-HER2
   exclusions share one reason)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-pertuzumab-excluded-her2-negative)
            (option breast-stage4-pertuzumab-trastuzumab-taxane)
            (modality targeted) (agents pertuzumab trastuzumab)
            (reason "The tumour is HER2-negative; the source offers anti-HER2 therapy for HER2-positive breast cancer.")
            (cite b4-10-trastuzumab))))

(defrule breast-stage4-trastuzumab-chemotherapy-excluded-her2-negative
  "HER2-negative tumour: no trastuzumab with chemotherapy (B4-10..B4-12; the anti-HER2
   exclusions share one reason)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-chemotherapy-excluded-her2-negative)
            (option breast-stage4-trastuzumab-chemotherapy)
            (modality targeted) (agents trastuzumab)
            (reason "The tumour is HER2-negative; the source offers anti-HER2 therapy for HER2-positive breast cancer.")
            (cite b4-10-trastuzumab))))

(defrule breast-stage4-trastuzumab-excluded-her2-negative
  "HER2-negative tumour: no trastuzumab alone (B4-10..B4-12; the anti-HER2
   exclusions share one reason)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-excluded-her2-negative)
            (option breast-stage4-trastuzumab)
            (modality targeted) (agents trastuzumab)
            (reason "The tumour is HER2-negative; the source offers anti-HER2 therapy for HER2-positive breast cancer.")
            (cite b4-10-trastuzumab))))

(defrule breast-stage4-trastuzumab-emtansine-excluded-her2-negative
  "HER2-negative tumour: no trastuzumab emtansine (B4-10..B4-12; the anti-HER2
   exclusions share one reason)."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-emtansine-excluded-her2-negative)
            (option breast-stage4-trastuzumab-emtansine)
            (modality targeted) (agents trastuzumab-emtansine)
            (reason "The tumour is HER2-negative; the source offers anti-HER2 therapy for HER2-positive breast cancer.")
            (cite b4-10-trastuzumab))))

;;; ---------------------------------------------------------------- B4-13 bone metastases
;;; Care that does not treat the cancer (cancer-directed FALSE): when the
;;; patient declines or cannot have cancer treatment it comes first
;;; (gates.clp). The bisphosphonates are one menu; one she already takes is
;;; marked received (gates.clp).

(defrule breast-stage4-bisphosphonate
  "A bisphosphonate to reduce pain and fractures from bone metastases
   (B4-13)."
  (scope (guideline breast-stage4))
  (finding (name bone-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-bisphosphonate)
            (modality bone-targeted)
            (choices clodronic-acid pamidronic-acid zoledronic-acid)
            (cancer-directed FALSE)
            (intent palliative)
            (summary "Bisphosphonate to reduce pain and fractures from bone metastases")
            (card breast-stage4-bone)
            (cite b4-13-bisphosphonates b4-13-bisphosphonate-types))))

(defrule breast-stage4-bone-pain-management
  "Other methods of pain management, along with bisphosphonate therapy,
   for pain from bone metastases (B4-13)."
  (scope (guideline breast-stage4))
  (finding (name bone-metastases) (value yes))
  (finding (name bone-pain) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-bone-pain-management)
            (modality supportive-care)
            (cancer-directed FALSE)
            (intent palliative)
            (summary "Other methods of pain management along with bisphosphonate therapy, for pain from bone metastases")
            (card breast-stage4-bone)
            (cite b4-13-pain-management))))

;;; ---------------------------------------------------------------- B4-14 radiation
;;; "To relieve pain and other symptoms caused by" each target the source
;;; lists; bone metastases with a symptom they cause (bone pain, pain, a
;;; fracture, spinal cord compression).

(defrule breast-stage4-radiation-bone-metastases
  "External beam radiation to relieve pain and other symptoms caused by
   bone metastases: bone pain, pain, a fracture or spinal cord compression
   (B4-14)."
  (scope (guideline breast-stage4))
  (finding (name bone-metastases) (value yes))
  (finding (name bone-metastasis-symptom) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-radiation-bone-metastases)
            (modality radiation)
            (procedure external-beam-radiation)
            (target bone)
            (intent palliative)
            (summary "External beam radiation therapy to relieve pain and other symptoms caused by bone metastases (pain, a fracture, spinal cord compression)")
            (card breast-stage4-symptom-control)
            (cite b4-14-bone))))

(defrule breast-stage4-radiation-bronchial-obstruction
  "External beam radiation to relieve symptoms caused by a blockage of the
   bronchi (bronchial obstruction) (B4-14)."
  (scope (guideline breast-stage4))
  (finding (name bronchial-obstruction) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-radiation-bronchial-obstruction)
            (modality radiation)
            (procedure external-beam-radiation)
            (target bronchus)
            (intent palliative)
            (summary "External beam radiation therapy to relieve symptoms caused by a blockage of the bronchi (bronchial obstruction)")
            (card breast-stage4-symptom-control)
            (cite b4-14-radiation b4-14-bronchial))))

(defrule breast-stage4-radiation-brain-metastases
  "External beam radiation to relieve pain and other symptoms caused by
   brain metastases (B4-14)."
  (scope (guideline breast-stage4))
  (finding (name brain-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-radiation-brain-metastases)
            (modality radiation)
            (procedure external-beam-radiation)
            (target brain)
            (intent palliative)
            (summary "External beam radiation therapy to relieve pain and other symptoms caused by brain metastases")
            (card breast-stage4-symptom-control)
            (cite b4-14-radiation b4-14-brain-spinal-cord))))

(defrule breast-stage4-radiation-spinal-cord-metastases
  "External beam radiation to relieve pain and other symptoms caused by
   spinal cord metastases (B4-14)."
  (scope (guideline breast-stage4))
  (finding (name spinal-cord-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-radiation-spinal-cord-metastases)
            (modality radiation)
            (procedure external-beam-radiation)
            (target spinal-cord)
            (intent palliative)
            (summary "External beam radiation therapy to relieve pain and other symptoms caused by spinal cord metastases")
            (card breast-stage4-symptom-control)
            (cite b4-14-radiation b4-14-brain-spinal-cord))))

(defrule breast-stage4-radiation-chest-wall
  "External beam radiation to relieve painful, open, draining areas on the
   breast or chest wall (B4-14)."
  (scope (guideline breast-stage4))
  (finding (name open-draining-chest-wall-lesion) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-radiation-chest-wall)
            (modality radiation)
            (procedure external-beam-radiation)
            (target chest-wall)
            (intent palliative)
            (summary "External beam radiation therapy to relieve painful, open, draining areas on the breast or chest wall")
            (card breast-stage4-symptom-control)
            (cite b4-14-radiation b4-14-chest-wall))))

;;; ---------------------------------------------------------------- B4-15 surgery
;;; "Surgery is sometimes used to relieve pain and other symptoms": a skin
;;; lump, a fracture and cord compression are the symptom; an isolated
;;; metastasis is removed when it causes a symptom.

(defrule breast-stage4-surgery-skin-lump
  "Surgery to remove a lump in the skin (B4-15)."
  (scope (guideline breast-stage4))
  (finding (name skin-lump) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-surgery-skin-lump)
            (modality surgery)
            (procedure remove-skin-lump)
            (target skin)
            (intent palliative)
            (summary "Surgery to remove a lump in the skin")
            (card breast-stage4-symptom-control)
            (cite b4-15-surgery b4-15-skin-lump))))

(defrule breast-stage4-surgery-isolated-metastasis
  "Surgery to remove a single or isolated metastasis that causes a symptom
   (the source does not list the sites) (B4-15)."
  (scope (guideline breast-stage4))
  (finding (name isolated-metastasis) (value yes))
  (finding (name metastatic-symptom) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-surgery-isolated-metastasis)
            (modality surgery)
            (procedure remove-isolated-metastasis)
            (intent palliative)
            (summary "Surgery to remove a single or isolated metastasis, to relieve pain and other symptoms (the source does not list the sites)")
            (card breast-stage4-symptom-control)
            (cite b4-15-surgery b4-15-isolated-metastasis))))

(defrule breast-stage4-surgery-fracture
  "Surgery to fix a bone broken (fractured) by metastasis (B4-15)."
  (scope (guideline breast-stage4))
  (finding (name fracture) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-surgery-fracture)
            (modality surgery)
            (procedure fix-fracture)
            (target bone)
            (intent palliative)
            (summary "Surgery to fix a bone broken (fractured) by metastasis")
            (card breast-stage4-symptom-control)
            (cite b4-15-surgery b4-15-fracture))))

(defrule breast-stage4-surgery-spinal-cord-compression
  "Surgery to treat spinal cord compression caused by metastasis (B4-15)."
  (scope (guideline breast-stage4))
  (finding (name spinal-cord-compression) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-surgery-spinal-cord-compression)
            (modality surgery)
            (procedure treat-spinal-cord-compression)
            (target spine)
            (intent palliative)
            (summary "Surgery to treat spinal cord compression caused by metastasis")
            (card breast-stage4-symptom-control)
            (cite b4-15-surgery b4-15-spinal-cord-compression))))

;;; ---------------------------------------------------------------- B4-16 clinical trials

(defrule breast-stage4-clinical-trial
  "Clinical trials (B4-16); a trial treats the cancer, so a patient who
   does not want or cannot have cancer treatment is not offered one
   (gates.clp)."
  (scope (guideline breast-stage4))
  =>
  (assert (recommendation
            (id breast-stage4-clinical-trial)
            (modality clinical-trial)
            (summary "The opportunity to take part in a clinical trial")
            (card breast-stage4-clinical-trial)
            (cite b4-16-clinical-trials))))
