;;; breast-stage4.clp: treatment of stage IV (metastatic) breast cancer.
;;;
;;; Source: rules/sources/004_e2ff6cf0888c64ad.txt, Canadian Cancer Society,
;;; "Treatment of stage IV breast cancer" (knowledge map labels B4-1..B4-16).
;;;
;;; Covers: breast cancer recorded as stage IV, and breast cancer of another
;;; or unrecorded stage at diagnosis with distant disease now (the source
;;; speaks of "stage IV (or metastatic) breast cancer"; a note says the
;;; stage IV options are applied). Not covered: a man (the source is written
;;; for women and its hormonal options rest on menopausal status), and a
;;; breast cancer without recorded distant disease and not stage IV.
;;;
;;; Options: hormonal therapy (aromatase inhibitors for post-menopausal women
;;; only, tamoxifen, the switch from tamoxifen to an aromatase inhibitor,
;;; ovarian ablation for premenopausal women who decline other hormonal
;;; therapy); chemotherapy (15 single drugs, eribulin among them with its
;;; own conditions, and 8 combinations); trastuzumab alone or with paclitaxel or docetaxel,
;;; pertuzumab with trastuzumab and a taxane, trastuzumab emtansine, for
;;; HER2-positive tumours; bisphosphonates and pain management for bone
;;; metastases; external beam radiation and surgery for symptoms; clinical
;;; trials.
;;;
;;; How a decision reads (B4-1): three findings decide most of it.
;;;   hormonal-therapy-may-be-offered  (B4-2: receptor positive, receptor
;;;       status unknown, bone or soft tissue only, or cannot / will not
;;;       have chemotherapy)
;;;   chemotherapy-may-be-offered      (B4-6: receptor negative, liver, lung
;;;       or brain spread, no response to hormonal therapy, rapid
;;;       progression, severe symptoms or life-threatening complications)
;;;   her2-positive                    (B4-10..B4-12)
;;; Each is yes, no or unknown; an option blocked only by an unknown finding
;;; is reported by the host as missing information. chemotherapy-may-be-
;;; offered is built from six findings, so missing rules name the field of
;;; each unknown one instead (a recorded field is never reported missing).
;;;
;;; Interpretations where the source is vague (each also in a rule comment):
;;; - "Hormone receptor negative (ER-, PR- or both)" is read as written: ER
;;;   negative or PR negative opens chemotherapy (two findings, er-negative
;;;   and pr-negative), so an ER+/PR- tumour gets both hormonal therapy
;;;   (ER+) and chemotherapy as options.
;;; - "Receptor status unknown": neither ER nor PR is positive and they are
;;;   not both negative.
;;; - "Cannot or do not wish to have chemotherapy": fitness
;;;   chemotherapy_suitable false or preference declines_chemotherapy true.
;;;   Unrecorded fitness or wishes do not hold chemotherapy back; when they
;;;   are recorded, chemotherapy options are not listed and a note says why.
;;; - "Does not respond to hormonal therapy": a hormonal therapy (type
;;;   hormonal or ovarian-suppression) given for advanced disease (setting
;;;   metastatic, recurrent or not recorded) with progression as response
;;;   or progressed_after true. Stable disease or no recorded response
;;;   answers unknown. Adjuvant, neoadjuvant or primary hormonal therapy
;;;   does not count.
;;; - A chemotherapy regimen is a prior treatment of type chemotherapy or
;;;   chemoradiation (record a regimen that combines chemotherapy with an
;;;   anti-HER2 drug as chemotherapy, listing all its agents). It is "for
;;;   metastatic disease" when its setting is metastatic; recurrent or no
;;;   setting answers unknown.
;;; - Eribulin: at least 2 chemotherapy regimens for metastatic disease, and
;;;   "Previous therapy should have included an anthracycline ... and a
;;;   taxane": read as written, any previous therapy (drug classes from
;;;   rules/drugs.clp, any setting). When the anthracycline or the taxane
;;;   was not part of a metastatic regimen, a note says the source does not
;;;   say whether earlier (e.g. adjuvant) therapy counts.
;;; - Pertuzumab "in women who have not received prior anti-HER2 therapy or
;;;   chemotherapy for metastatic diasease": prior chemotherapy counts only
;;;   when given for metastatic disease; prior anti-HER2 therapy in any
;;;   setting excludes it (the narrower reading, since the sentence does not
;;;   make clear that "for metastatic disease" also bounds anti-HER2
;;;   therapy); the exclusion's reason says so.
;;; - Trastuzumab "is given until the cancer no longer responds to treatment
;;;   or progresses": an ongoing trastuzumab treatment with progression
;;;   excludes trastuzumab options (not trastuzumab emtansine).
;;; - Trastuzumab emtansine after trastuzumab and a taxane in any setting
;;;   (the source: "separately or in combination").
;;; - Radiation "to relieve pain and other symptoms caused by bone
;;;   metastases": bone metastases with bone pain recorded. Brain or spinal
;;;   cord metastases, bronchial obstruction and painful open draining
;;;   chest-wall areas are taken as they are recorded.
;;; - Surgery for "a single or isolated metastasis in the:": the source's
;;;   list of sites is missing; the option names no site.
;;; - The source gives no guidance for a patient who declines all cancer
;;;   treatment; these rules do not read that wish.
;;; - The combinations are introduced "for recurrent breast cancer" on this
;;;   stage IV page; they are offered, like the single drugs, where
;;;   chemotherapy may be offered.
;;; - The knowledge map speaks of 16 single drugs; the source lists 15
;;;   (eribulin included), and so do these rules.

;;; ---------------------------------------------------------------- guideline

(deffacts breast-stage4-guideline
  (guideline (id breast-stage4)
             (title "Stage IV (metastatic) breast cancer")
             (source "004_e2ff6cf0888c64ad.txt")
             (covers "breast cancer in a woman, stage IV at diagnosis or with distant spread now")))

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
            (quote "The type of treatment offered for stage IV breast cancer will depend on:"))
  (citation (id b4-1-receptor-status)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "the hormone receptor status of the tumour"))
  (citation (id b4-1-her2-status)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "the HER2 status of the tumour"))
  (citation (id b4-1-spread)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "where the cancer has spread"))
  (citation (id b4-1-health)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-1)
            (quote "the woman’s overall health"))
  (citation (id b4-2-hormonal)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-2)
            (quote "Hormonal therapy may be offered for stage IV breast cancer with:"))
  (citation (id b4-2-receptor-positive)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-2)
            (quote "hormone receptor–positive tumours (ER+, PR+ or both)"))
  (citation (id b4-2-receptor-unknown)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-2)
            (quote "tumours where the hormone receptor status is unknown"))
  (citation (id b4-2-bone-soft-tissue-only)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-2)
            (quote "metastasis in the bone or soft tissues only"))
  (citation (id b4-2-no-chemotherapy)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-2)
            (quote "women who cannot or do not wish to have chemotherapy"))
  (citation (id b4-3-post-menopausal-only)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-3)
            (quote "aromatase inhibitors – used only in post-menopausal women"))
  (citation (id b4-3-letrozole)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-3)
            (quote "letrozole (Femara)"))
  (citation (id b4-3-anastrozole)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-3)
            (quote "anastrozole (Arimidex)"))
  (citation (id b4-3-exemestane)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-3)
            (quote "exemestane (Aromasin)"))
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
  (citation (id b4-5-lhrh-agonists)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-5)
            (quote "luteinizing hormone–releasing hormone (LHRH) agonists"))
  (citation (id b4-5-goserelin)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-5)
            (quote "goserelin (Zoladex)"))
  (citation (id b4-5-leuprolide)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-5)
            (quote "leuprolide (Lupron, Lupron Depot, Eligard)"))
  (citation (id b4-5-buserelin)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-5)
            (quote "buserelin (Suprefact)"))
  (citation (id b4-5-surgery-radiation)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-5)
            (quote "• surgery • radiation therapy"))
  (citation (id b4-6-chemotherapy)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-6)
            (quote "Chemotherapy may be offered for stage IV breast cancer that:"))
  (citation (id b4-6-receptor-negative)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-6)
            (quote "is hormone receptor negative (ER–, PR– or both)"))
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
            (quote "The response of stage IV breast cancer to single chemotherapy drugs or combinations is similar."))
  (citation (id b4-7-single-often)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "Single drugs are often given for stage IV breast cancer because they have fewer side effects than combination chemotherapy."))
  (citation (id b4-7-single-drugs)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "The types of single chemotherapy drugs are:"))
  (citation (id b4-7-vinorelbine)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "vinorelbine (Navelbine)"))
  (citation (id b4-7-cisplatin)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "cisplatin (Platinol AQ)"))
  (citation (id b4-7-capecitabine)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "capecitabine (Xeloda)"))
  (citation (id b4-7-paclitaxel)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "paclitaxel (Taxol)"))
  (citation (id b4-7-docetaxel)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "docetaxel (Taxotere)"))
  (citation (id b4-7-doxorubicin)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "doxorubicin (Adriamycin)"))
  (citation (id b4-7-fluorouracil)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "5-fluorouracil (Adrucil, 5-FU)"))
  (citation (id b4-7-methotrexate)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "methotrexate"))
  (citation (id b4-7-epirubicin)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "epirubicin (Pharmorubicin)"))
  (citation (id b4-7-etoposide)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "etoposide (Vepesid) – given by mouth (oral)"))
  (citation (id b4-7-cyclophosphamide)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "cyclophosphamide (Cytoxan, Procytox)"))
  (citation (id b4-7-gemcitabine)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "gemcitabine (Gemzar)"))
  (citation (id b4-7-mitomycin)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "mitomycin (Mutamycin)"))
  (citation (id b4-7-protein-bound-paclitaxel)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-7)
            (quote "protein-bound paclitaxel (Abraxane)"))
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
            (quote "doxorubicin and cyclophosphamide"))
  (citation (id b4-9-docetaxel-doxorubicin)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "docetaxel and doxorubicin"))
  (citation (id b4-9-fac)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "cyclophosphamide (by mouth), doxorubicin and 5-fluorouracil"))
  (citation (id b4-9-cmf-iv)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "cyclophosphamide (intravenous), methotrexate and 5-fluorouracil"))
  (citation (id b4-9-cmf-po)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-9)
            (quote "cyclophosphamide (by mouth), methotrexate and 5-fluorouracil"))
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
  (citation (id b4-13-clodronate)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-13)
            (quote "clodronate (Bonefos)"))
  (citation (id b4-13-pamidronate)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-13)
            (quote "pamidronate (Aredia)"))
  (citation (id b4-13-zoledronic-acid)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-13)
            (quote "zoledronic acid (Zometa, Aclasta)"))
  (citation (id b4-13-pain-management)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-13)
            (quote "Women who have pain from the bone metastases may be offered other methods of pain management along with bisphosphonate therapy."))
  (citation (id b4-14-radiation)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-14)
            (quote "External beam radiation therapy may be offered for stage IV breast cancer to relieve pain and other symptoms caused by:"))
  (citation (id b4-14-bone)
            (source "004_e2ff6cf0888c64ad.txt") (label B4-14)
            (quote "bone metastases"))
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

;;; ---------------------------------------------------------------- helpers

(deffunction breast-stage4-setting-may-be-metastatic (?setting)
  "TRUE when a prior treatment's setting (a 0..1 multifield) is metastatic,
   recurrent or not recorded: it may have been given for metastatic disease."
  (or (= (length$ ?setting) 0)
      (neq (member$ metastatic ?setting) FALSE)
      (neq (member$ recurrent ?setting) FALSE)))

(deffunction breast-stage4-setting-unclear (?setting)
  "TRUE when a prior treatment's setting is recurrent or not recorded: it
   may or may not have been given for metastatic disease."
  (or (= (length$ ?setting) 0)
      (neq (member$ recurrent ?setting) FALSE)))

;;; ---------------------------------------------------------------- findings

(deffacts breast-stage4-findings
  (finding-def (name stage-iv-at-diagnosis)
               (text "stage IV at diagnosis")
               (fields "/cancer/stage"))
  (finding-def (name hormone-receptor-positive)
               (text "hormone receptor positive tumour (ER+, PR+ or both)")
               (fields "/biomarkers/ER" "/biomarkers/PR"))
  (finding-def (name er-negative)
               (text "ER-negative tumour")
               (fields "/biomarkers/ER"))
  (finding-def (name pr-negative)
               (text "PR-negative tumour")
               (fields "/biomarkers/PR"))
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
               (text "the cancer does not respond to hormonal therapy given for advanced disease")
               (fields "/prior_treatments"))
  (finding-def (name rapid-progression)
               (text "the cancer is progressing quickly")
               (fields "/cancer/rapid_progression"))
  (finding-def (name severe-symptoms-or-life-threatening-complications)
               (text "severe symptoms or life-threatening complications")
               (fields "/symptoms"))
  (finding-def (name hormonal-therapy-may-be-offered)
               (text "a situation in which the source offers hormonal therapy (receptor positive or unknown, bone or soft tissue only, cannot or does not wish to have chemotherapy)")
               (fields "/cancer/metastases"))
  (finding-def (name chemotherapy-may-be-offered)
               (text "a situation in which the source offers chemotherapy (receptor negative, liver, lung or brain spread, no response to hormonal therapy, rapid progression, severe symptoms or life-threatening complications)")
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
  (finding-def (name prior-anti-her2-therapy)
               (text "prior anti-HER2 therapy")
               (fields "/prior_treatments" "/medications"))
  (finding-def (name prior-chemotherapy-for-metastatic-disease)
               (text "prior chemotherapy for metastatic disease")
               (fields "/prior_treatments"))
  (finding-def (name prior-trastuzumab)
               (text "prior treatment with trastuzumab")
               (fields "/prior_treatments" "/medications"))
  (finding-def (name progressing-on-trastuzumab)
               (text "the cancer progresses on ongoing trastuzumab")
               (fields "/prior_treatments"))
  (finding-def (name bone-pain)
               (text "pain from bone metastases")
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

;;; Hormone receptors (B4-2, B4-6), HER2 (B4-10), menopausal status (B4-3).

(defrule finding-hormone-receptor-positive-yes
  "ER or PR positive: hormone receptor positive (ER+, PR+ or both)."
  (biomarker (name ER|PR) (status positive))
  =>
  (assert (finding (name hormone-receptor-positive) (value yes))))

(defrule finding-hormone-receptor-positive-no
  "Both ER and PR negative."
  (biomarker (name ER) (status negative))
  (biomarker (name PR) (status negative))
  =>
  (assert (finding (name hormone-receptor-positive) (value no))))

(defrule finding-hormone-receptor-positive-unknown
  "Neither ER nor PR is positive and they are not both negative: the
   hormone receptor status is unknown (B4-2 offers hormonal therapy then)."
  (not (biomarker (name ER|PR) (status positive)))
  (not (and (biomarker (name ER) (status negative))
            (biomarker (name PR) (status negative))))
  =>
  (assert (finding (name hormone-receptor-positive) (value unknown))))

(defrule finding-er-negative-yes
  "ER-negative tumour: one half of the source's 'hormone receptor negative
   (ER-, PR- or both)', read as written."
  (biomarker (name ER) (status negative))
  =>
  (assert (finding (name er-negative) (value yes))))

(defrule finding-er-negative-no
  "ER-positive tumour."
  (biomarker (name ER) (status positive))
  =>
  (assert (finding (name er-negative) (value no))))

(defrule finding-er-negative-unknown
  "ER status not recorded or recorded as unknown."
  (not (biomarker (name ER) (status positive|negative)))
  =>
  (assert (finding (name er-negative) (value unknown))))

(defrule finding-pr-negative-yes
  "PR-negative tumour: the other half of 'hormone receptor negative (ER-,
   PR- or both)'."
  (biomarker (name PR) (status negative))
  =>
  (assert (finding (name pr-negative) (value yes))))

(defrule finding-pr-negative-no
  "PR-positive tumour."
  (biomarker (name PR) (status positive))
  =>
  (assert (finding (name pr-negative) (value no))))

(defrule finding-pr-negative-unknown
  "PR status not recorded or recorded as unknown."
  (not (biomarker (name PR) (status positive|negative)))
  =>
  (assert (finding (name pr-negative) (value unknown))))

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

(defrule finding-bone-or-soft-tissue-metastases-only-unknown
  "No metastasis site is recorded."
  (not (metastasis))
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

;;; Course of the disease (B4-6).

(defrule finding-no-response-to-hormonal-therapy-yes-response
  "Hormonal therapy for advanced disease with progression as the response."
  (prior-treatment (type hormonal|ovarian-suppression) (response progression)
                   (setting $?s&:(breast-stage4-setting-may-be-metastatic ?s)))
  =>
  (assert (finding (name no-response-to-hormonal-therapy) (value yes))))

(defrule finding-no-response-to-hormonal-therapy-yes-progressed
  "The cancer progressed on or after hormonal therapy for advanced disease."
  (prior-treatment (type hormonal|ovarian-suppression) (progressed-after TRUE)
                   (setting $?s&:(breast-stage4-setting-may-be-metastatic ?s)))
  =>
  (assert (finding (name no-response-to-hormonal-therapy) (value yes))))

(defrule finding-no-response-to-hormonal-therapy-no
  "Prior treatments are recorded and every hormonal therapy for advanced
   disease had a complete or partial response without progression (or
   there was none)."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type hormonal|ovarian-suppression)
                        (setting $?s1&:(breast-stage4-setting-may-be-metastatic ?s1))
                        (response $?r&:(and (not (member$ complete ?r))
                                            (not (member$ partial ?r))))))
  (not (prior-treatment (type hormonal|ovarian-suppression) (progressed-after TRUE)
                        (setting $?s2&:(breast-stage4-setting-may-be-metastatic ?s2))))
  =>
  (assert (finding (name no-response-to-hormonal-therapy) (value no))))

(defrule finding-no-response-to-hormonal-therapy-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name no-response-to-hormonal-therapy) (value unknown))))

(defrule finding-no-response-to-hormonal-therapy-unknown-response
  "A hormonal therapy for advanced disease with stable disease or no
   recorded response, and no progression: whether it 'does not respond'
   is for the team to say."
  (list-recorded (field "/prior_treatments"))
  (exists (prior-treatment (type hormonal|ovarian-suppression)
                           (setting $?s1&:(breast-stage4-setting-may-be-metastatic ?s1))
                           (response $?r&:(and (not (member$ complete ?r))
                                               (not (member$ partial ?r))
                                               (not (member$ progression ?r))))))
  (not (prior-treatment (type hormonal|ovarian-suppression) (response progression)
                        (setting $?s2&:(breast-stage4-setting-may-be-metastatic ?s2))))
  (not (prior-treatment (type hormonal|ovarian-suppression) (progressed-after TRUE)
                        (setting $?s3&:(breast-stage4-setting-may-be-metastatic ?s3))))
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

;;; Symptoms (B4-6, B4-13, B4-14, B4-15): yes when recorded, no when the
;;; case lists its symptoms without it, unknown when symptoms are not recorded.

(defrule finding-severe-symptoms-or-life-threatening-complications-yes
  "Severe symptoms or life-threatening complications."
  (symptom (name severe-symptoms|life-threatening-complications))
  =>
  (assert (finding (name severe-symptoms-or-life-threatening-complications) (value yes))))

(defrule finding-severe-symptoms-or-life-threatening-complications-no
  "Symptoms are recorded, without severe symptoms or life-threatening complications."
  (list-recorded (field "/symptoms"))
  (not (symptom (name severe-symptoms|life-threatening-complications)))
  =>
  (assert (finding (name severe-symptoms-or-life-threatening-complications) (value no))))

(defrule finding-severe-symptoms-or-life-threatening-complications-unknown
  "Symptoms are not recorded."
  (not (list-recorded (field "/symptoms")))
  =>
  (assert (finding (name severe-symptoms-or-life-threatening-complications) (value unknown))))

(defrule finding-bone-pain-yes
  "Pain from bone metastases."
  (symptom (name bone-pain))
  =>
  (assert (finding (name bone-pain) (value yes))))

(defrule finding-bone-pain-no
  "Symptoms are recorded, without pain from bone metastases."
  (list-recorded (field "/symptoms"))
  (not (symptom (name bone-pain)))
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
  "Symptoms are recorded, without a blockage of the bronchi (bronchial obstruction)."
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
  "Symptoms are recorded, without a painful, open, draining area on the breast or chest wall."
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
   sites: not a single metastasis."
  (cancer (isolated-metastasis))
  (metastasis (site ?first))
  (metastasis (site ?second&~?first))
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

;;; Situations in which the source offers hormonal therapy (B4-2). Built
;;; from the findings above, one rule per situation; "no" needs every
;;; situation ruled out. Unrecorded fitness or wishes about chemotherapy
;;; count as "not unable, not unwilling".

(defrule finding-hormonal-therapy-may-be-offered-yes-receptor-positive
  "Hormone receptor positive tumour (ER+, PR+ or both)."
  (finding (name hormone-receptor-positive) (value yes))
  =>
  (assert (finding (name hormonal-therapy-may-be-offered) (value yes))))

(defrule finding-hormonal-therapy-may-be-offered-yes-receptor-status-unknown
  "The hormone receptor status is unknown."
  (finding (name hormone-receptor-positive) (value unknown))
  =>
  (assert (finding (name hormonal-therapy-may-be-offered) (value yes))))

(defrule finding-hormonal-therapy-may-be-offered-yes-bone-or-soft-tissue-only
  "Metastasis in the bone or soft tissues only."
  (finding (name bone-or-soft-tissue-metastases-only) (value yes))
  =>
  (assert (finding (name hormonal-therapy-may-be-offered) (value yes))))

(defrule finding-hormonal-therapy-may-be-offered-yes-chemotherapy-not-suitable
  "The patient cannot have chemotherapy."
  (finding (name chemotherapy-suitable) (value no))
  =>
  (assert (finding (name hormonal-therapy-may-be-offered) (value yes))))

(defrule finding-hormonal-therapy-may-be-offered-yes-declines-chemotherapy
  "The patient does not wish to have chemotherapy."
  (finding (name declines-chemotherapy) (value yes))
  =>
  (assert (finding (name hormonal-therapy-may-be-offered) (value yes))))

(defrule finding-hormonal-therapy-may-be-offered-no
  "Receptor negative (ER- and PR-), spread beyond bone and soft tissue,
   and the patient is not recorded as unable or unwilling to have
   chemotherapy."
  (finding (name hormone-receptor-positive) (value no))
  (finding (name bone-or-soft-tissue-metastases-only) (value no))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (finding (name hormonal-therapy-may-be-offered) (value no))))

(defrule finding-hormonal-therapy-may-be-offered-unknown
  "Receptor negative, and the sites of spread are not recorded."
  (finding (name hormone-receptor-positive) (value no))
  (finding (name bone-or-soft-tissue-metastases-only) (value unknown))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (finding (name hormonal-therapy-may-be-offered) (value unknown))))

;;; Situations in which the source offers chemotherapy (B4-6).

(defrule finding-chemotherapy-may-be-offered-yes-er-negative
  "ER-negative tumour (hormone receptor negative: ER-, PR- or both)."
  (finding (name er-negative) (value yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value yes))))

(defrule finding-chemotherapy-may-be-offered-yes-pr-negative
  "PR-negative tumour (hormone receptor negative: ER-, PR- or both)."
  (finding (name pr-negative) (value yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value yes))))

(defrule finding-chemotherapy-may-be-offered-yes-liver-lung-or-brain
  "Spread to liver, lung or brain."
  (finding (name liver-lung-or-brain-metastases) (value yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value yes))))

(defrule finding-chemotherapy-may-be-offered-yes-no-response-to-hormonal-therapy
  "The cancer does not respond to hormonal therapy."
  (finding (name no-response-to-hormonal-therapy) (value yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value yes))))

(defrule finding-chemotherapy-may-be-offered-yes-rapid-progression
  "The cancer is progressing quickly."
  (finding (name rapid-progression) (value yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value yes))))

(defrule finding-chemotherapy-may-be-offered-yes-severe-symptoms
  "Severe symptoms or life-threatening complications."
  (finding (name severe-symptoms-or-life-threatening-complications) (value yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value yes))))

(defrule finding-chemotherapy-may-be-offered-no
  "None of the situations in which the source offers chemotherapy."
  (finding (name er-negative) (value no))
  (finding (name pr-negative) (value no))
  (finding (name liver-lung-or-brain-metastases) (value no))
  (finding (name no-response-to-hormonal-therapy) (value no))
  (finding (name rapid-progression) (value no))
  (finding (name severe-symptoms-or-life-threatening-complications) (value no))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value no))))

(defrule finding-chemotherapy-may-be-offered-unknown-er-negative
  "No situation for chemotherapy is known to apply, and this one is unknown:
   eR-negative tumour (hormone receptor negative: ER-, PR- or both)."
  (finding (name er-negative) (value unknown))
  (finding (name pr-negative) (value ~yes))
  (finding (name liver-lung-or-brain-metastases) (value ~yes))
  (finding (name no-response-to-hormonal-therapy) (value ~yes))
  (finding (name rapid-progression) (value ~yes))
  (finding (name severe-symptoms-or-life-threatening-complications) (value ~yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value unknown))))

(defrule finding-chemotherapy-may-be-offered-unknown-pr-negative
  "No situation for chemotherapy is known to apply, and this one is unknown:
   pR-negative tumour (hormone receptor negative: ER-, PR- or both)."
  (finding (name pr-negative) (value unknown))
  (finding (name er-negative) (value ~yes))
  (finding (name liver-lung-or-brain-metastases) (value ~yes))
  (finding (name no-response-to-hormonal-therapy) (value ~yes))
  (finding (name rapid-progression) (value ~yes))
  (finding (name severe-symptoms-or-life-threatening-complications) (value ~yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value unknown))))

(defrule finding-chemotherapy-may-be-offered-unknown-liver-lung-or-brain
  "No situation for chemotherapy is known to apply, and this one is unknown:
   spread to liver, lung or brain."
  (finding (name liver-lung-or-brain-metastases) (value unknown))
  (finding (name er-negative) (value ~yes))
  (finding (name pr-negative) (value ~yes))
  (finding (name no-response-to-hormonal-therapy) (value ~yes))
  (finding (name rapid-progression) (value ~yes))
  (finding (name severe-symptoms-or-life-threatening-complications) (value ~yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value unknown))))

(defrule finding-chemotherapy-may-be-offered-unknown-no-response-to-hormonal-therapy
  "No situation for chemotherapy is known to apply, and this one is unknown:
   the cancer does not respond to hormonal therapy."
  (finding (name no-response-to-hormonal-therapy) (value unknown))
  (finding (name er-negative) (value ~yes))
  (finding (name pr-negative) (value ~yes))
  (finding (name liver-lung-or-brain-metastases) (value ~yes))
  (finding (name rapid-progression) (value ~yes))
  (finding (name severe-symptoms-or-life-threatening-complications) (value ~yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value unknown))))

(defrule finding-chemotherapy-may-be-offered-unknown-rapid-progression
  "No situation for chemotherapy is known to apply, and this one is unknown:
   the cancer is progressing quickly."
  (finding (name rapid-progression) (value unknown))
  (finding (name er-negative) (value ~yes))
  (finding (name pr-negative) (value ~yes))
  (finding (name liver-lung-or-brain-metastases) (value ~yes))
  (finding (name no-response-to-hormonal-therapy) (value ~yes))
  (finding (name severe-symptoms-or-life-threatening-complications) (value ~yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value unknown))))

(defrule finding-chemotherapy-may-be-offered-unknown-severe-symptoms
  "No situation for chemotherapy is known to apply, and this one is unknown:
   severe symptoms or life-threatening complications."
  (finding (name severe-symptoms-or-life-threatening-complications) (value unknown))
  (finding (name er-negative) (value ~yes))
  (finding (name pr-negative) (value ~yes))
  (finding (name liver-lung-or-brain-metastases) (value ~yes))
  (finding (name no-response-to-hormonal-therapy) (value ~yes))
  (finding (name rapid-progression) (value ~yes))
  =>
  (assert (finding (name chemotherapy-may-be-offered) (value unknown))))

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
  "Prior treatments are recorded, none with an anthracycline, every chemotherapy
   with its agents, and no current medication is an anthracycline."
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (agents $? ?agent $?))
            (drug (agent ?agent) (classes $? anthracycline $?))))
  (not (prior-treatment (type chemotherapy|chemoradiation) (agents)))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? anthracycline $?))))
  =>
  (assert (finding (name prior-anthracycline) (value no))))

(defrule finding-prior-anthracycline-unknown-not-recorded
  "Prior treatments are not recorded, and no current medication is
   an anthracycline."
  (not (list-recorded (field "/prior_treatments")))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? anthracycline $?))))
  =>
  (assert (finding (name prior-anthracycline) (value unknown))))

(defrule finding-prior-anthracycline-unknown-agents
  "A prior chemotherapy without recorded agents, and an anthracycline is not
   recorded elsewhere."
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
  "Prior treatments are not recorded, and no current medication is
   a taxane."
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

;;; Chemotherapy regimens for metastatic disease (B4-8, B4-11): prior
;;; treatments of type chemotherapy or chemoradiation; setting metastatic
;;; counts, recurrent or no setting leaves it open. Two regimens are two
;;; distinct prior-treatment facts (told apart by their JSON pointer).

(defrule finding-metastatic-chemotherapy-regimens-two-or-more-yes
  "Two distinct chemotherapy regimens given for metastatic disease."
  (prior-treatment (type chemotherapy|chemoradiation) (setting metastatic)
                   (pointer ?first))
  (prior-treatment (type chemotherapy|chemoradiation) (setting metastatic)
                   (pointer ?second&:(< (str-compare ?first ?second) 0)))
  =>
  (assert (finding (name metastatic-chemotherapy-regimens-two-or-more) (value yes))))

(defrule finding-metastatic-chemotherapy-regimens-two-or-more-no
  "Prior treatments are recorded and fewer than two chemotherapy regimens
   may have been given for metastatic disease."
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (type chemotherapy|chemoradiation) (pointer ?first)
                             (setting $?s1&:(breast-stage4-setting-may-be-metastatic ?s1)))
            (prior-treatment (type chemotherapy|chemoradiation) (pointer ?second&~?first)
                             (setting $?s2&:(breast-stage4-setting-may-be-metastatic ?s2)))))
  =>
  (assert (finding (name metastatic-chemotherapy-regimens-two-or-more) (value no))))

(defrule finding-metastatic-chemotherapy-regimens-two-or-more-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name metastatic-chemotherapy-regimens-two-or-more) (value unknown))))

(defrule finding-metastatic-chemotherapy-regimens-two-or-more-unknown-setting
  "Fewer than two regimens are recorded for metastatic disease, but two
   or more would be if those given in a recurrent or unrecorded setting
   were for metastatic disease."
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (type chemotherapy|chemoradiation) (setting metastatic)
                             (pointer ?first))
            (prior-treatment (type chemotherapy|chemoradiation) (setting metastatic)
                             (pointer ?second&~?first))))
  (exists (prior-treatment (type chemotherapy|chemoradiation) (pointer ?third)
                           (setting $?s3&:(breast-stage4-setting-may-be-metastatic ?s3)))
          (prior-treatment (type chemotherapy|chemoradiation) (pointer ?fourth&~?third)
                           (setting $?s4&:(breast-stage4-setting-may-be-metastatic ?s4))))
  =>
  (assert (finding (name metastatic-chemotherapy-regimens-two-or-more) (value unknown))))

;;; Whether the anthracycline and the taxane were given for metastatic
;;; disease: only used to say so when eribulin rests on earlier therapy.

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-yes
  "An anthracycline and a taxane, both in treatments for metastatic disease."
  (prior-treatment (setting metastatic) (agents $? ?anthracycline $?))
  (drug (agent ?anthracycline) (classes $? anthracycline $?))
  (prior-treatment (setting metastatic) (agents $? ?taxane $?))
  (drug (agent ?taxane) (classes $? taxane $?))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value yes))))

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-no-anthracycline
  "No anthracycline in a treatment that may have been for metastatic
   disease."
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (agents $? ?agent $?)
                             (setting $?s&:(breast-stage4-setting-may-be-metastatic ?s)))
            (drug (agent ?agent) (classes $? anthracycline $?))))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value no))))

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-no-taxane
  "No taxane in a treatment that may have been for metastatic disease."
  (list-recorded (field "/prior_treatments"))
  (not (and (prior-treatment (agents $? ?agent $?)
                             (setting $?s&:(breast-stage4-setting-may-be-metastatic ?s)))
            (drug (agent ?agent) (classes $? taxane $?))))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value no))))

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value unknown))))

(defrule finding-anthracycline-and-taxane-for-metastatic-disease-unknown-setting
  "Both may have been given for metastatic disease, but a recurrent or
   unrecorded setting leaves one of them open."
  (list-recorded (field "/prior_treatments"))
  (exists (prior-treatment (agents $? ?a1 $?)
                           (setting $?s1&:(breast-stage4-setting-may-be-metastatic ?s1)))
          (drug (agent ?a1) (classes $? anthracycline $?)))
  (exists (prior-treatment (agents $? ?t1 $?)
                           (setting $?s2&:(breast-stage4-setting-may-be-metastatic ?s2)))
          (drug (agent ?t1) (classes $? taxane $?)))
  (not (and (prior-treatment (setting metastatic) (agents $? ?a2 $?))
            (drug (agent ?a2) (classes $? anthracycline $?))
            (prior-treatment (setting metastatic) (agents $? ?t2 $?))
            (drug (agent ?t2) (classes $? taxane $?))))
  =>
  (assert (finding (name anthracycline-and-taxane-for-metastatic-disease) (value unknown))))

(defrule finding-prior-chemotherapy-for-metastatic-disease-yes
  "A chemotherapy regimen given for metastatic disease."
  (prior-treatment (type chemotherapy|chemoradiation) (setting metastatic))
  =>
  (assert (finding (name prior-chemotherapy-for-metastatic-disease) (value yes))))

(defrule finding-prior-chemotherapy-for-metastatic-disease-no
  "Prior treatments are recorded and no chemotherapy may have been given
   for metastatic disease."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type chemotherapy|chemoradiation)
                        (setting $?s&:(breast-stage4-setting-may-be-metastatic ?s))))
  =>
  (assert (finding (name prior-chemotherapy-for-metastatic-disease) (value no))))

(defrule finding-prior-chemotherapy-for-metastatic-disease-unknown-not-recorded
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name prior-chemotherapy-for-metastatic-disease) (value unknown))))

(defrule finding-prior-chemotherapy-for-metastatic-disease-unknown-setting
  "No chemotherapy recorded for metastatic disease, but one in a recurrent
   or unrecorded setting."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type chemotherapy|chemoradiation) (setting metastatic)))
  (exists (prior-treatment (type chemotherapy|chemoradiation)
                           (setting $?s&:(breast-stage4-setting-unclear ?s))))
  =>
  (assert (finding (name prior-chemotherapy-for-metastatic-disease) (value unknown))))

;;; Anti-HER2 therapy (B4-11): type anti-HER2, or an anti-HER2 drug in any
;;; treatment or medication, in any setting. A targeted therapy without
;;; recorded agents leaves it open.

(defrule finding-prior-anti-her2-therapy-yes-type
  "A prior anti-HER2 therapy."
  (prior-treatment (type anti-HER2))
  =>
  (assert (finding (name prior-anti-her2-therapy) (value yes))))

(defrule finding-prior-anti-her2-therapy-yes-agent
  "A prior treatment with an anti-HER2 drug."
  (prior-treatment (agents $? ?agent $?))
  (drug (agent ?agent) (classes $? anti-HER2 $?))
  =>
  (assert (finding (name prior-anti-her2-therapy) (value yes))))

(defrule finding-prior-anti-her2-therapy-yes-medication
  "An anti-HER2 drug taken now or recently."
  (medication (agent ?agent))
  (drug (agent ?agent) (classes $? anti-HER2 $?))
  =>
  (assert (finding (name prior-anti-her2-therapy) (value yes))))

(defrule finding-prior-anti-her2-therapy-no
  "Prior treatments are recorded and none is anti-HER2 therapy."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (type anti-HER2)))
  (not (and (prior-treatment (agents $? ?agent $?))
            (drug (agent ?agent) (classes $? anti-HER2 $?))))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? anti-HER2 $?))))
  (not (prior-treatment (type targeted) (agents)))
  =>
  (assert (finding (name prior-anti-her2-therapy) (value no))))

(defrule finding-prior-anti-her2-therapy-unknown-not-recorded
  "Prior treatments are not recorded, and no anti-HER2 drug is a current
   medication."
  (not (list-recorded (field "/prior_treatments")))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? anti-HER2 $?))))
  =>
  (assert (finding (name prior-anti-her2-therapy) (value unknown))))

(defrule finding-prior-anti-her2-therapy-unknown-agents
  "A targeted therapy without recorded agents, and no anti-HER2 therapy
   recorded."
  (list-recorded (field "/prior_treatments"))
  (exists (prior-treatment (type targeted) (agents)))
  (not (prior-treatment (type anti-HER2)))
  (not (and (prior-treatment (agents $? ?agent $?))
            (drug (agent ?agent) (classes $? anti-HER2 $?))))
  (not (and (medication (agent ?drug))
            (drug (agent ?drug) (classes $? anti-HER2 $?))))
  =>
  (assert (finding (name prior-anti-her2-therapy) (value unknown))))

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

(defrule finding-progressing-on-trastuzumab-yes-response
  "Ongoing trastuzumab with progression as the response."
  (prior-treatment (ongoing TRUE) (agents $? trastuzumab $?) (response progression))
  =>
  (assert (finding (name progressing-on-trastuzumab) (value yes))))

(defrule finding-progressing-on-trastuzumab-yes-progressed
  "Ongoing trastuzumab, and the cancer has progressed."
  (prior-treatment (ongoing TRUE) (agents $? trastuzumab $?) (progressed-after TRUE))
  =>
  (assert (finding (name progressing-on-trastuzumab) (value yes))))

(defrule finding-progressing-on-trastuzumab-no
  "Prior treatments are recorded and no ongoing trastuzumab shows
   progression."
  (list-recorded (field "/prior_treatments"))
  (not (prior-treatment (ongoing TRUE) (agents $? trastuzumab $?) (response progression)))
  (not (prior-treatment (ongoing TRUE) (agents $? trastuzumab $?) (progressed-after TRUE)))
  =>
  (assert (finding (name progressing-on-trastuzumab) (value no))))

(defrule finding-progressing-on-trastuzumab-unknown
  "Prior treatments are not recorded."
  (not (list-recorded (field "/prior_treatments")))
  =>
  (assert (finding (name progressing-on-trastuzumab) (value unknown))))

;;; ---------------------------------------------------------------- B4-1 context

(defrule breast-stage4-treatment-depends-on
  "What the choice of treatment rests on, and its goal."
  (scope (guideline breast-stage4))
  =>
  (assert (note (id breast-stage4-treatment-depends-on)
                (text "Stage IV (metastatic) breast cancer is not considered curable; the goal is to help the woman survive and remain free of symptoms as long as possible. The treatment offered depends on the hormone receptor status and the HER2 status of the tumour, where the cancer has spread (bone, soft tissues, liver, lung or brain) and the woman's overall health.")
                (cite b4-1-not-curable b4-1-goal b4-1-depends b4-1-receptor-status b4-1-her2-status b4-1-spread b4-1-health))))

(defrule breast-stage4-metastatic-after-earlier-stage
  "The case was not stage IV at diagnosis (or no stage is recorded) and has distant spread now: say that the stage IV (or metastatic) options are applied."
  (scope (guideline breast-stage4))
  (finding (name stage-iv-at-diagnosis) (value ~yes))
  =>
  (assert (note (id breast-stage4-metastatic-after-earlier-stage)
                (text "This cancer was not recorded as stage IV at diagnosis but has spread to distant sites. The source covers stage IV (or metastatic) breast cancer, so its options are listed. Treatment given before the spread (adjuvant or neoadjuvant) does not count where the source asks for treatment given for metastatic disease.")
                (cite b4-1-not-curable))))

;;; ---------------------------------------------------------------- B4-2..B4-5 hormonal therapy

(defrule breast-stage4-hormonal-therapy-not-offered
  "None of the situations for hormonal therapy applies: say why hormonal options are absent."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value no))
  =>
  (assert (note (id breast-stage4-hormonal-therapy-not-offered)
                (text "Hormonal therapy is not listed: the tumour is hormone receptor negative (ER- and PR-), the cancer has spread beyond bone and soft tissue, and the patient is not recorded as unable or unwilling to have chemotherapy. The source offers hormonal therapy only in those situations.")
                (cite b4-2-hormonal b4-2-receptor-positive b4-2-receptor-unknown b4-2-bone-soft-tissue-only b4-2-no-chemotherapy))))

(defrule breast-stage4-other-hormonal-therapy-declined
  "The patient does not wish to take other types of hormonal therapy: aromatase inhibitors and tamoxifen are not listed."
  (scope (guideline breast-stage4))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (note (id breast-stage4-other-hormonal-therapy-declined)
                (text "The patient does not wish to take other types of hormonal therapy: aromatase inhibitors and tamoxifen are not listed. The source offers ovarian ablation to premenopausal women in this situation.")
                (cite b4-5-ovarian-ablation))))

(defrule breast-stage4-letrozole
  "Aromatase inhibitor letrozole: hormonal therapy, post-menopausal women only."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value yes))
  (finding (name post-menopausal) (value yes))
  (finding (name declines-other-hormonal-therapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-letrozole)
            (modality hormonal)
            (agents letrozole)
            (intent disease-control)
            (summary "Hormonal therapy with the aromatase inhibitor letrozole (post-menopausal women only)")
            (cite b4-2-hormonal b4-3-post-menopausal-only b4-3-letrozole))))

(defrule breast-stage4-letrozole-excluded-premenopausal
  "Aromatase inhibitors are used only in post-menopausal women: letrozole is ruled out for a premenopausal patient."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value ~no))
  (finding (name post-menopausal) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-letrozole-excluded-premenopausal)
            (option breast-stage4-letrozole)
            (modality hormonal) (agents letrozole)
            (reason "The patient is premenopausal; aromatase inhibitors are used only in post-menopausal women.")
            (cite b4-3-post-menopausal-only))))

(defrule breast-stage4-anastrozole
  "Aromatase inhibitor anastrozole: hormonal therapy, post-menopausal women only."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value yes))
  (finding (name post-menopausal) (value yes))
  (finding (name declines-other-hormonal-therapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-anastrozole)
            (modality hormonal)
            (agents anastrozole)
            (intent disease-control)
            (summary "Hormonal therapy with the aromatase inhibitor anastrozole (post-menopausal women only)")
            (cite b4-2-hormonal b4-3-post-menopausal-only b4-3-anastrozole))))

(defrule breast-stage4-anastrozole-excluded-premenopausal
  "Aromatase inhibitors are used only in post-menopausal women: anastrozole is ruled out for a premenopausal patient."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value ~no))
  (finding (name post-menopausal) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-anastrozole-excluded-premenopausal)
            (option breast-stage4-anastrozole)
            (modality hormonal) (agents anastrozole)
            (reason "The patient is premenopausal; aromatase inhibitors are used only in post-menopausal women.")
            (cite b4-3-post-menopausal-only))))

(defrule breast-stage4-exemestane
  "Aromatase inhibitor exemestane: hormonal therapy, post-menopausal women only."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value yes))
  (finding (name post-menopausal) (value yes))
  (finding (name declines-other-hormonal-therapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-exemestane)
            (modality hormonal)
            (agents exemestane)
            (intent disease-control)
            (summary "Hormonal therapy with the aromatase inhibitor exemestane (post-menopausal women only)")
            (cite b4-2-hormonal b4-3-post-menopausal-only b4-3-exemestane))))

(defrule breast-stage4-exemestane-excluded-premenopausal
  "Aromatase inhibitors are used only in post-menopausal women: exemestane is ruled out for a premenopausal patient."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value ~no))
  (finding (name post-menopausal) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-exemestane-excluded-premenopausal)
            (option breast-stage4-exemestane)
            (modality hormonal) (agents exemestane)
            (reason "The patient is premenopausal; aromatase inhibitors are used only in post-menopausal women.")
            (cite b4-3-post-menopausal-only))))

(defrule breast-stage4-tamoxifen
  "Tamoxifen, the most common anti-estrogen, for premenopausal and post-menopausal women."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value yes))
  (finding (name declines-other-hormonal-therapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-tamoxifen)
            (modality hormonal)
            (agents tamoxifen)
            (intent disease-control)
            (summary "Hormonal therapy with tamoxifen, the most common anti-estrogen (premenopausal and post-menopausal women)")
            (cite b4-2-hormonal b4-4-tamoxifen b4-4-pre-and-post))))

(defrule breast-stage4-switch-tamoxifen-to-aromatase-inhibitor
  "A post-menopausal woman may be switched to an aromatase inhibitor after a period of time on tamoxifen."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value yes))
  (finding (name post-menopausal) (value yes))
  (finding (name prior-tamoxifen) (value yes))
  (finding (name declines-other-hormonal-therapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-switch-tamoxifen-to-aromatase-inhibitor)
            (modality hormonal)
            (agents letrozole anastrozole exemestane)
            (intent disease-control)
            (summary "After a period of time on tamoxifen, switch to an aromatase inhibitor: one of letrozole, anastrozole or exemestane (post-menopausal women)")
            (cite b4-4-switch b4-3-post-menopausal-only))))

(defrule breast-stage4-switch-tamoxifen-to-aromatase-inhibitor-excluded-premenopausal
  "The switch from tamoxifen to an aromatase inhibitor is for post-menopausal women: ruled out for a premenopausal patient on tamoxifen."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value ~no))
  (finding (name post-menopausal) (value no))
  (finding (name prior-tamoxifen) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-switch-tamoxifen-to-aromatase-inhibitor-excluded-premenopausal)
            (option breast-stage4-switch-tamoxifen-to-aromatase-inhibitor)
            (modality hormonal) (agents letrozole anastrozole exemestane)
            (reason "The patient is premenopausal; the switch from tamoxifen to an aromatase inhibitor is for post-menopausal women, and aromatase inhibitors are used only in post-menopausal women.")
            (cite b4-4-switch b4-3-post-menopausal-only))))

(defrule breast-stage4-ovarian-ablation-goserelin
  "Ovarian ablation by an LHRH agonist, goserelin, for a premenopausal woman who does not wish to take other types of hormonal therapy."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value yes))
  (finding (name post-menopausal) (value no))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-ovarian-ablation-goserelin)
            (modality ovarian-suppression)
            (agents goserelin)
            (intent disease-control)
            (summary "Ovarian ablation by an LHRH agonist, goserelin (premenopausal women who do not wish to take other types of hormonal therapy)")
            (cite b4-5-ovarian-ablation b4-5-lhrh-agonists b4-5-goserelin))))

(defrule breast-stage4-ovarian-ablation-goserelin-excluded-post-menopausal
  "Ovarian ablation (an LHRH agonist, goserelin) is offered to premenopausal women: ruled out for a post-menopausal patient who declines other hormonal therapy."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value ~no))
  (finding (name post-menopausal) (value yes))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-ovarian-ablation-goserelin-excluded-post-menopausal)
            (option breast-stage4-ovarian-ablation-goserelin)
            (modality ovarian-suppression) (agents goserelin)
            (reason "The patient is post-menopausal; the source offers ovarian ablation to premenopausal women who do not wish to take other types of hormonal therapy.")
            (cite b4-5-ovarian-ablation))))

(defrule breast-stage4-ovarian-ablation-leuprorelin
  "Ovarian ablation by an LHRH agonist, leuprorelin (leuprolide), for a premenopausal woman who does not wish to take other types of hormonal therapy."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value yes))
  (finding (name post-menopausal) (value no))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-ovarian-ablation-leuprorelin)
            (modality ovarian-suppression)
            (agents leuprorelin)
            (intent disease-control)
            (summary "Ovarian ablation by an LHRH agonist, leuprorelin (leuprolide) (premenopausal women who do not wish to take other types of hormonal therapy)")
            (cite b4-5-ovarian-ablation b4-5-lhrh-agonists b4-5-leuprolide))))

(defrule breast-stage4-ovarian-ablation-leuprorelin-excluded-post-menopausal
  "Ovarian ablation (an LHRH agonist, leuprorelin (leuprolide)) is offered to premenopausal women: ruled out for a post-menopausal patient who declines other hormonal therapy."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value ~no))
  (finding (name post-menopausal) (value yes))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-ovarian-ablation-leuprorelin-excluded-post-menopausal)
            (option breast-stage4-ovarian-ablation-leuprorelin)
            (modality ovarian-suppression) (agents leuprorelin)
            (reason "The patient is post-menopausal; the source offers ovarian ablation to premenopausal women who do not wish to take other types of hormonal therapy.")
            (cite b4-5-ovarian-ablation))))

(defrule breast-stage4-ovarian-ablation-buserelin
  "Ovarian ablation by an LHRH agonist, buserelin, for a premenopausal woman who does not wish to take other types of hormonal therapy."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value yes))
  (finding (name post-menopausal) (value no))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-ovarian-ablation-buserelin)
            (modality ovarian-suppression)
            (agents buserelin)
            (intent disease-control)
            (summary "Ovarian ablation by an LHRH agonist, buserelin (premenopausal women who do not wish to take other types of hormonal therapy)")
            (cite b4-5-ovarian-ablation b4-5-lhrh-agonists b4-5-buserelin))))

(defrule breast-stage4-ovarian-ablation-buserelin-excluded-post-menopausal
  "Ovarian ablation (an LHRH agonist, buserelin) is offered to premenopausal women: ruled out for a post-menopausal patient who declines other hormonal therapy."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value ~no))
  (finding (name post-menopausal) (value yes))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-ovarian-ablation-buserelin-excluded-post-menopausal)
            (option breast-stage4-ovarian-ablation-buserelin)
            (modality ovarian-suppression) (agents buserelin)
            (reason "The patient is post-menopausal; the source offers ovarian ablation to premenopausal women who do not wish to take other types of hormonal therapy.")
            (cite b4-5-ovarian-ablation))))

(defrule breast-stage4-ovarian-ablation-surgery
  "Ovarian ablation by surgery, for a premenopausal woman who does not wish to take other types of hormonal therapy."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value yes))
  (finding (name post-menopausal) (value no))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-ovarian-ablation-surgery)
            (modality ovarian-suppression)
            (procedure ovarian-ablation-surgery)
            (target ovaries)
            (intent disease-control)
            (summary "Ovarian ablation by surgery (premenopausal women who do not wish to take other types of hormonal therapy)")
            (cite b4-5-ovarian-ablation b4-5-surgery-radiation))))

(defrule breast-stage4-ovarian-ablation-surgery-excluded-post-menopausal
  "Ovarian ablation (surgery) is offered to premenopausal women: ruled out for a post-menopausal patient who declines other hormonal therapy."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value ~no))
  (finding (name post-menopausal) (value yes))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-ovarian-ablation-surgery-excluded-post-menopausal)
            (option breast-stage4-ovarian-ablation-surgery)
            (modality ovarian-suppression) (procedure ovarian-ablation-surgery)
            (reason "The patient is post-menopausal; the source offers ovarian ablation to premenopausal women who do not wish to take other types of hormonal therapy.")
            (cite b4-5-ovarian-ablation))))

(defrule breast-stage4-ovarian-ablation-radiation
  "Ovarian ablation by radiation therapy, for a premenopausal woman who does not wish to take other types of hormonal therapy."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value yes))
  (finding (name post-menopausal) (value no))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-ovarian-ablation-radiation)
            (modality ovarian-suppression)
            (procedure ovarian-ablation-radiation)
            (target ovaries)
            (intent disease-control)
            (summary "Ovarian ablation by radiation therapy (premenopausal women who do not wish to take other types of hormonal therapy)")
            (cite b4-5-ovarian-ablation b4-5-surgery-radiation))))

(defrule breast-stage4-ovarian-ablation-radiation-excluded-post-menopausal
  "Ovarian ablation (radiation therapy) is offered to premenopausal women: ruled out for a post-menopausal patient who declines other hormonal therapy."
  (scope (guideline breast-stage4))
  (finding (name hormonal-therapy-may-be-offered) (value ~no))
  (finding (name post-menopausal) (value yes))
  (finding (name declines-other-hormonal-therapy) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-ovarian-ablation-radiation-excluded-post-menopausal)
            (option breast-stage4-ovarian-ablation-radiation)
            (modality ovarian-suppression) (procedure ovarian-ablation-radiation)
            (reason "The patient is post-menopausal; the source offers ovarian ablation to premenopausal women who do not wish to take other types of hormonal therapy.")
            (cite b4-5-ovarian-ablation))))

;;; ---------------------------------------------------------------- B4-6..B4-9 chemotherapy

(defrule breast-stage4-chemotherapy-not-offered
  "None of the situations for chemotherapy applies: say why chemotherapy options are absent."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value no))
  =>
  (assert (note (id breast-stage4-chemotherapy-not-offered)
                (text "Chemotherapy is not listed: the tumour is hormone receptor positive (ER+ and PR+), has not spread to liver, lung or brain, has responded to any hormonal therapy given for advanced disease, is not progressing quickly and causes no severe symptoms or life-threatening complications. The source offers chemotherapy in those situations.")
                (cite b4-6-chemotherapy b4-6-receptor-negative b4-6-liver-lung-brain b4-6-no-response b4-6-progressing-severe))))

;;; Missing information for chemotherapy comes from the engine: while
;;; chemotherapy-may-be-offered is unknown, it reports the fields of the
;;; unknown findings it is built from (ER, PR, metastasis sites, ...).

(defrule breast-stage4-chemotherapy-withheld-not-suitable
  "The patient cannot have chemotherapy: chemotherapy options are not listed."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-suitable) (value no))
  =>
  (assert (note (id breast-stage4-chemotherapy-withheld)
                (text "Chemotherapy, including chemotherapy given with trastuzumab or pertuzumab, is not listed: the patient cannot have or does not wish to have chemotherapy. The source offers hormonal therapy to these women.")
                (cite b4-2-no-chemotherapy))))

(defrule breast-stage4-chemotherapy-withheld-declined
  "The patient does not wish to have chemotherapy: chemotherapy options are not listed."
  (scope (guideline breast-stage4))
  (finding (name declines-chemotherapy) (value yes))
  =>
  (assert (note (id breast-stage4-chemotherapy-withheld)
                (text "Chemotherapy, including chemotherapy given with trastuzumab or pertuzumab, is not listed: the patient cannot have or does not wish to have chemotherapy. The source offers hormonal therapy to these women.")
                (cite b4-2-no-chemotherapy))))

(defrule breast-stage4-single-drugs-often-given
  "Single drugs respond like combinations and have fewer side effects: they are often given."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (note (id breast-stage4-single-drugs-often-given)
                (text "The response to single chemotherapy drugs or combinations is similar; single drugs are often given because they have fewer side effects than combination chemotherapy.")
                (cite b4-7-similar b4-7-single-often))))

(defrule breast-stage4-vinorelbine
  "Single-drug chemotherapy with vinorelbine, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-vinorelbine)
            (modality chemotherapy)
            (agents vinorelbine)
            (intent disease-control)
            (summary "Single-drug chemotherapy with vinorelbine")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-vinorelbine b4-7-single-often))))

(defrule breast-stage4-cisplatin
  "Single-drug chemotherapy with cisplatin, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-cisplatin)
            (modality chemotherapy)
            (agents cisplatin)
            (intent disease-control)
            (summary "Single-drug chemotherapy with cisplatin")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-cisplatin b4-7-single-often))))

(defrule breast-stage4-capecitabine
  "Single-drug chemotherapy with capecitabine, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-capecitabine)
            (modality chemotherapy)
            (agents capecitabine)
            (intent disease-control)
            (summary "Single-drug chemotherapy with capecitabine")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-capecitabine b4-7-single-often))))

(defrule breast-stage4-paclitaxel
  "Single-drug chemotherapy with paclitaxel, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-paclitaxel)
            (modality chemotherapy)
            (agents paclitaxel)
            (intent disease-control)
            (summary "Single-drug chemotherapy with paclitaxel")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-paclitaxel b4-7-single-often))))

(defrule breast-stage4-docetaxel
  "Single-drug chemotherapy with docetaxel, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel)
            (modality chemotherapy)
            (agents docetaxel)
            (intent disease-control)
            (summary "Single-drug chemotherapy with docetaxel")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-docetaxel b4-7-single-often))))

(defrule breast-stage4-doxorubicin
  "Single-drug chemotherapy with doxorubicin, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin)
            (modality chemotherapy)
            (agents doxorubicin)
            (intent disease-control)
            (summary "Single-drug chemotherapy with doxorubicin")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-doxorubicin b4-7-single-often))))

(defrule breast-stage4-fluorouracil
  "Single-drug chemotherapy with 5-fluorouracil (5-FU), where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-fluorouracil)
            (modality chemotherapy)
            (agents fluorouracil)
            (intent disease-control)
            (summary "Single-drug chemotherapy with 5-fluorouracil (5-FU)")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-fluorouracil b4-7-single-often))))

(defrule breast-stage4-methotrexate
  "Single-drug chemotherapy with methotrexate, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-methotrexate)
            (modality chemotherapy)
            (agents methotrexate)
            (intent disease-control)
            (summary "Single-drug chemotherapy with methotrexate")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-methotrexate b4-7-single-often))))

(defrule breast-stage4-epirubicin
  "Single-drug chemotherapy with epirubicin, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-epirubicin)
            (modality chemotherapy)
            (agents epirubicin)
            (intent disease-control)
            (summary "Single-drug chemotherapy with epirubicin")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-epirubicin b4-7-single-often))))

(defrule breast-stage4-etoposide
  "Single-drug chemotherapy with etoposide, given by mouth, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-etoposide)
            (modality chemotherapy)
            (agents etoposide)
            (schedule "Given by mouth (oral).")
            (intent disease-control)
            (summary "Single-drug chemotherapy with etoposide, given by mouth")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-etoposide b4-7-single-often))))

(defrule breast-stage4-cyclophosphamide
  "Single-drug chemotherapy with cyclophosphamide, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide)
            (modality chemotherapy)
            (agents cyclophosphamide)
            (intent disease-control)
            (summary "Single-drug chemotherapy with cyclophosphamide")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-cyclophosphamide b4-7-single-often))))

(defrule breast-stage4-gemcitabine
  "Single-drug chemotherapy with gemcitabine, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-gemcitabine)
            (modality chemotherapy)
            (agents gemcitabine)
            (intent disease-control)
            (summary "Single-drug chemotherapy with gemcitabine")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-gemcitabine b4-7-single-often))))

(defrule breast-stage4-mitomycin
  "Single-drug chemotherapy with mitomycin, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-mitomycin)
            (modality chemotherapy)
            (agents mitomycin)
            (intent disease-control)
            (summary "Single-drug chemotherapy with mitomycin")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-mitomycin b4-7-single-often))))

(defrule breast-stage4-paclitaxel-protein-bound
  "Single-drug chemotherapy with protein-bound paclitaxel, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-paclitaxel-protein-bound)
            (modality chemotherapy)
            (agents paclitaxel-protein-bound)
            (intent disease-control)
            (summary "Single-drug chemotherapy with protein-bound paclitaxel")
            (cite b4-6-chemotherapy b4-7-single-drugs b4-7-protein-bound-paclitaxel b4-7-single-often))))

(defrule breast-stage4-eribulin
  "Eribulin after at least 2 chemotherapy regimens for metastatic disease, previous therapy having included an anthracycline and a taxane."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name metastatic-chemotherapy-regimens-two-or-more) (value yes))
  (finding (name prior-anthracycline) (value yes))
  (finding (name prior-taxane) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-eribulin)
            (modality chemotherapy)
            (agents eribulin)
            (intent disease-control)
            (summary "Single-drug chemotherapy with eribulin, after at least 2 chemotherapy regimens for metastatic disease that included an anthracycline and a taxane")
            (cite b4-6-chemotherapy b4-7-eribulin b4-8-eribulin-two-regimens b4-8-eribulin-previous-therapy))))

(defrule breast-stage4-eribulin-earlier-therapy-counted
  "Eribulin rests on an anthracycline or a taxane that was not given for metastatic disease: say that the source does not settle whether it counts."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  (finding (name metastatic-chemotherapy-regimens-two-or-more) (value yes))
  (finding (name prior-anthracycline) (value yes))
  (finding (name prior-taxane) (value yes))
  (finding (name anthracycline-and-taxane-for-metastatic-disease) (value no))
  =>
  (assert (note (id breast-stage4-eribulin-earlier-therapy-counted)
                (text "Eribulin: the anthracycline or the taxane was not part of a chemotherapy regimen for metastatic disease. The source says previous therapy should have included both, without saying whether therapy given before the cancer spread (for example adjuvant therapy) counts; the treating team decides.")
                (cite b4-8-eribulin-two-regimens b4-8-eribulin-previous-therapy))))

(defrule breast-stage4-eribulin-excluded-fewer-than-two-metastatic-regimens
  "Eribulin needs at least 2 other chemotherapy regimens for metastatic disease: fewer than two are recorded."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value ~no))
  (finding (name metastatic-chemotherapy-regimens-two-or-more) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-eribulin-excluded-fewer-than-two-metastatic-regimens)
            (option breast-stage4-eribulin)
            (modality chemotherapy) (agents eribulin)
            (reason "Fewer than 2 chemotherapy regimens for metastatic disease are recorded; eribulin is used after at least 2 other chemotherapy regimens for metastatic disease.")
            (cite b4-8-eribulin-two-regimens))))

(defrule breast-stage4-eribulin-excluded-no-prior-anthracycline
  "Eribulin needs previous therapy with an anthracycline: none is recorded."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value ~no))
  (finding (name prior-anthracycline) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-eribulin-excluded-no-prior-anthracycline)
            (option breast-stage4-eribulin)
            (modality chemotherapy) (agents eribulin)
            (reason "No anthracycline (such as doxorubicin or epirubicin) is recorded in previous therapy; the source says previous therapy should have included one before eribulin.")
            (cite b4-8-eribulin-previous-therapy))))

(defrule breast-stage4-eribulin-excluded-no-prior-taxane
  "Eribulin needs previous therapy with a taxane: none is recorded."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value ~no))
  (finding (name prior-taxane) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-eribulin-excluded-no-prior-taxane)
            (option breast-stage4-eribulin)
            (modality chemotherapy) (agents eribulin)
            (reason "No taxane (such as paclitaxel or docetaxel) is recorded in previous therapy; the source says previous therapy should have included one before eribulin.")
            (cite b4-8-eribulin-previous-therapy))))

(defrule breast-stage4-doxorubicin-cyclophosphamide
  "Combination chemotherapy AC: doxorubicin and cyclophosphamide, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin-cyclophosphamide)
            (modality chemotherapy)
            (agents doxorubicin cyclophosphamide)
            (intent disease-control)
            (summary "Combination chemotherapy AC: doxorubicin and cyclophosphamide")
            (cite b4-6-chemotherapy b4-9-combinations b4-9-ac b4-7-similar))))

(defrule breast-stage4-docetaxel-doxorubicin
  "Combination chemotherapy docetaxel and doxorubicin, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel-doxorubicin)
            (modality chemotherapy)
            (agents docetaxel doxorubicin)
            (intent disease-control)
            (summary "Combination chemotherapy docetaxel and doxorubicin")
            (cite b4-6-chemotherapy b4-9-combinations b4-9-docetaxel-doxorubicin b4-7-similar))))

(defrule breast-stage4-cyclophosphamide-doxorubicin-fluorouracil
  "Combination chemotherapy FAC (or CAF): cyclophosphamide by mouth, doxorubicin and 5-fluorouracil, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-doxorubicin-fluorouracil)
            (modality chemotherapy)
            (agents cyclophosphamide doxorubicin fluorouracil)
            (schedule "Cyclophosphamide by mouth.")
            (intent disease-control)
            (summary "Combination chemotherapy FAC (or CAF): cyclophosphamide by mouth, doxorubicin and 5-fluorouracil")
            (cite b4-6-chemotherapy b4-9-combinations b4-9-fac b4-7-similar))))

(defrule breast-stage4-cyclophosphamide-methotrexate-fluorouracil-iv
  "Combination chemotherapy CMF - IV: cyclophosphamide intravenous, methotrexate and 5-fluorouracil, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-methotrexate-fluorouracil-iv)
            (modality chemotherapy)
            (agents cyclophosphamide methotrexate fluorouracil)
            (schedule "Cyclophosphamide intravenous.")
            (intent disease-control)
            (summary "Combination chemotherapy CMF - IV: cyclophosphamide intravenous, methotrexate and 5-fluorouracil")
            (cite b4-6-chemotherapy b4-9-combinations b4-9-cmf-iv b4-7-similar))))

(defrule breast-stage4-cyclophosphamide-methotrexate-fluorouracil-po
  "Combination chemotherapy CMF - PO: cyclophosphamide by mouth, methotrexate and 5-fluorouracil, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-cyclophosphamide-methotrexate-fluorouracil-po)
            (modality chemotherapy)
            (agents cyclophosphamide methotrexate fluorouracil)
            (schedule "Cyclophosphamide by mouth.")
            (intent disease-control)
            (summary "Combination chemotherapy CMF - PO: cyclophosphamide by mouth, methotrexate and 5-fluorouracil")
            (cite b4-6-chemotherapy b4-9-combinations b4-9-cmf-po b4-7-similar))))

(defrule breast-stage4-doxorubicin-paclitaxel
  "Combination chemotherapy doxorubicin and paclitaxel, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-doxorubicin-paclitaxel)
            (modality chemotherapy)
            (agents doxorubicin paclitaxel)
            (intent disease-control)
            (summary "Combination chemotherapy doxorubicin and paclitaxel")
            (cite b4-6-chemotherapy b4-9-combinations b4-9-doxorubicin-paclitaxel b4-7-similar))))

(defrule breast-stage4-docetaxel-capecitabine
  "Combination chemotherapy docetaxel and capecitabine, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-docetaxel-capecitabine)
            (modality chemotherapy)
            (agents docetaxel capecitabine)
            (intent disease-control)
            (summary "Combination chemotherapy docetaxel and capecitabine")
            (cite b4-6-chemotherapy b4-9-combinations b4-9-docetaxel-capecitabine b4-7-similar))))

(defrule breast-stage4-vinorelbine-epirubicin
  "Combination chemotherapy vinorelbine and epirubicin, where chemotherapy may be offered."
  (scope (guideline breast-stage4))
  (finding (name chemotherapy-may-be-offered) (value yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-vinorelbine-epirubicin)
            (modality chemotherapy)
            (agents vinorelbine epirubicin)
            (intent disease-control)
            (summary "Combination chemotherapy vinorelbine and epirubicin")
            (cite b4-6-chemotherapy b4-9-combinations b4-9-vinorelbine-epirubicin b4-7-similar))))

;;; ---------------------------------------------------------------- B4-10..B4-12 HER2

(defrule breast-stage4-trastuzumab
  "Trastuzumab (Herceptin) alone, for a HER2-positive tumour, until the cancer no longer responds or progresses."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value yes))
  (finding (name progressing-on-trastuzumab) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-trastuzumab)
            (modality targeted)
            (agents trastuzumab)
            (schedule "Given until the cancer no longer responds to treatment or progresses.")
            (intent disease-control)
            (summary "Trastuzumab (Herceptin) alone for a HER2-positive tumour")
            (cite b4-10-trastuzumab b4-10-alone-or-combination b4-10-until-progression))))

(defrule breast-stage4-trastuzumab-paclitaxel
  "Trastuzumab (Herceptin) with paclitaxel, for a HER2-positive tumour, until the cancer no longer responds or progresses."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value yes))
  (finding (name progressing-on-trastuzumab) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-trastuzumab-paclitaxel)
            (modality targeted)
            (agents trastuzumab paclitaxel)
            (schedule "Given until the cancer no longer responds to treatment or progresses.")
            (intent disease-control)
            (summary "Trastuzumab (Herceptin) with paclitaxel for a HER2-positive tumour")
            (cite b4-10-trastuzumab b4-10-alone-or-combination b4-10-until-progression))))

(defrule breast-stage4-trastuzumab-docetaxel
  "Trastuzumab (Herceptin) with docetaxel, for a HER2-positive tumour, until the cancer no longer responds or progresses."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value yes))
  (finding (name progressing-on-trastuzumab) (value ~yes))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-trastuzumab-docetaxel)
            (modality targeted)
            (agents trastuzumab docetaxel)
            (schedule "Given until the cancer no longer responds to treatment or progresses.")
            (intent disease-control)
            (summary "Trastuzumab (Herceptin) with docetaxel for a HER2-positive tumour")
            (cite b4-10-trastuzumab b4-10-alone-or-combination b4-10-until-progression))))

(defrule breast-stage4-pertuzumab-trastuzumab-taxane
  "Pertuzumab with trastuzumab and taxane chemotherapy, for a HER2-positive tumour without prior anti-HER2 therapy or chemotherapy for metastatic disease."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value yes))
  (finding (name prior-anti-her2-therapy) (value no))
  (finding (name prior-chemotherapy-for-metastatic-disease) (value no))
  (finding (name chemotherapy-suitable) (value ~no))
  (finding (name declines-chemotherapy) (value ~yes))
  =>
  (assert (recommendation
            (id breast-stage4-pertuzumab-trastuzumab-taxane)
            (modality targeted)
            (agents pertuzumab trastuzumab)
            (schedule "Pertuzumab is given as an intravenous drug injected into a vein, with trastuzumab and taxane chemotherapy.")
            (intent disease-control)
            (summary "Pertuzumab with trastuzumab and taxane chemotherapy (a taxane such as paclitaxel or docetaxel), for a HER2-positive tumour with no prior anti-HER2 therapy or chemotherapy for metastatic disease")
            (cite b4-11-pertuzumab b4-11-pertuzumab-condition))))

(defrule breast-stage4-trastuzumab-emtansine
  "Trastuzumab emtansine (T-DM1) for a HER2-positive tumour after trastuzumab and taxane chemotherapy, separately or in combination."
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
            (summary "Trastuzumab emtansine (T-DM1) for a HER2-positive tumour after trastuzumab and taxane chemotherapy, separately or in combination")
            (cite b4-12-trastuzumab-emtansine))))

(defrule breast-stage4-trastuzumab-excluded-her2-negative
  "Anti-HER2 therapy is for HER2-positive tumours: trastuzumab is ruled out for a HER2-negative tumour."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-excluded-her2-negative)
            (option breast-stage4-trastuzumab)
            (modality targeted) (agents trastuzumab)
            (reason "The tumour is HER2-negative; the source offers anti-HER2 therapy for HER2-positive breast cancer.")
            (cite b4-10-trastuzumab))))

(defrule breast-stage4-trastuzumab-paclitaxel-excluded-her2-negative
  "Anti-HER2 therapy is for HER2-positive tumours: trastuzumab paclitaxel is ruled out for a HER2-negative tumour."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-paclitaxel-excluded-her2-negative)
            (option breast-stage4-trastuzumab-paclitaxel)
            (modality targeted) (agents trastuzumab paclitaxel)
            (reason "The tumour is HER2-negative; the source offers anti-HER2 therapy for HER2-positive breast cancer.")
            (cite b4-10-trastuzumab))))

(defrule breast-stage4-trastuzumab-docetaxel-excluded-her2-negative
  "Anti-HER2 therapy is for HER2-positive tumours: trastuzumab docetaxel is ruled out for a HER2-negative tumour."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-docetaxel-excluded-her2-negative)
            (option breast-stage4-trastuzumab-docetaxel)
            (modality targeted) (agents trastuzumab docetaxel)
            (reason "The tumour is HER2-negative; the source offers anti-HER2 therapy for HER2-positive breast cancer.")
            (cite b4-10-trastuzumab))))

(defrule breast-stage4-pertuzumab-trastuzumab-taxane-excluded-her2-negative
  "Anti-HER2 therapy is for HER2-positive tumours: pertuzumab trastuzumab taxane is ruled out for a HER2-negative tumour."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-pertuzumab-trastuzumab-taxane-excluded-her2-negative)
            (option breast-stage4-pertuzumab-trastuzumab-taxane)
            (modality targeted) (agents pertuzumab trastuzumab)
            (reason "The tumour is HER2-negative; the source offers anti-HER2 therapy for HER2-positive breast cancer.")
            (cite b4-11-pertuzumab))))

(defrule breast-stage4-trastuzumab-emtansine-excluded-her2-negative
  "Anti-HER2 therapy is for HER2-positive tumours: trastuzumab emtansine is ruled out for a HER2-negative tumour."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-emtansine-excluded-her2-negative)
            (option breast-stage4-trastuzumab-emtansine)
            (modality targeted) (agents trastuzumab-emtansine)
            (reason "The tumour is HER2-negative; the source offers anti-HER2 therapy for HER2-positive breast cancer.")
            (cite b4-12-trastuzumab-emtansine))))

(defrule breast-stage4-trastuzumab-excluded-progressing-on-trastuzumab
  "Trastuzumab is given until the cancer progresses: trastuzumab (herceptin) alone is ruled out while the cancer progresses on trastuzumab."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name progressing-on-trastuzumab) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-excluded-progressing-on-trastuzumab)
            (option breast-stage4-trastuzumab)
            (modality targeted) (agents trastuzumab)
            (reason "The cancer progresses on the ongoing trastuzumab; the source gives trastuzumab until the cancer no longer responds to treatment or progresses.")
            (cite b4-10-until-progression))))

(defrule breast-stage4-trastuzumab-paclitaxel-excluded-progressing-on-trastuzumab
  "Trastuzumab is given until the cancer progresses: trastuzumab (herceptin) with paclitaxel is ruled out while the cancer progresses on trastuzumab."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name progressing-on-trastuzumab) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-paclitaxel-excluded-progressing-on-trastuzumab)
            (option breast-stage4-trastuzumab-paclitaxel)
            (modality targeted) (agents trastuzumab paclitaxel)
            (reason "The cancer progresses on the ongoing trastuzumab; the source gives trastuzumab until the cancer no longer responds to treatment or progresses.")
            (cite b4-10-until-progression))))

(defrule breast-stage4-trastuzumab-docetaxel-excluded-progressing-on-trastuzumab
  "Trastuzumab is given until the cancer progresses: trastuzumab (herceptin) with docetaxel is ruled out while the cancer progresses on trastuzumab."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name progressing-on-trastuzumab) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-docetaxel-excluded-progressing-on-trastuzumab)
            (option breast-stage4-trastuzumab-docetaxel)
            (modality targeted) (agents trastuzumab docetaxel)
            (reason "The cancer progresses on the ongoing trastuzumab; the source gives trastuzumab until the cancer no longer responds to treatment or progresses.")
            (cite b4-10-until-progression))))

(defrule breast-stage4-pertuzumab-trastuzumab-taxane-excluded-prior-anti-her2
  "Pertuzumab is used in women who have not received prior anti-HER2 therapy."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name prior-anti-her2-therapy) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-pertuzumab-trastuzumab-taxane-excluded-prior-anti-her2)
            (option breast-stage4-pertuzumab-trastuzumab-taxane)
            (modality targeted) (agents pertuzumab trastuzumab)
            (reason "Prior anti-HER2 therapy is recorded; the source uses pertuzumab in women who have not received prior anti-HER2 therapy. The source does not say whether anti-HER2 therapy given before the cancer spread counts; this rule base counts it.")
            (cite b4-11-pertuzumab-condition))))

(defrule breast-stage4-pertuzumab-trastuzumab-taxane-excluded-prior-metastatic-chemotherapy
  "Pertuzumab is used in women who have not received chemotherapy for metastatic disease."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name prior-chemotherapy-for-metastatic-disease) (value yes))
  =>
  (assert (exclusion
            (id breast-stage4-pertuzumab-trastuzumab-taxane-excluded-prior-metastatic-chemotherapy)
            (option breast-stage4-pertuzumab-trastuzumab-taxane)
            (modality targeted) (agents pertuzumab trastuzumab)
            (reason "Chemotherapy for metastatic disease is recorded; the source uses pertuzumab in women who have not received chemotherapy for metastatic disease.")
            (cite b4-11-pertuzumab-condition))))

(defrule breast-stage4-trastuzumab-emtansine-excluded-no-prior-trastuzumab
  "Trastuzumab emtansine is for women who have received trastuzumab: none is recorded."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name prior-trastuzumab) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-emtansine-excluded-no-prior-trastuzumab)
            (option breast-stage4-trastuzumab-emtansine)
            (modality targeted) (agents trastuzumab-emtansine)
            (reason "No prior trastuzumab is recorded; the source uses trastuzumab emtansine in women who have received prior treatment with trastuzumab and taxane chemotherapy.")
            (cite b4-12-trastuzumab-emtansine))))

(defrule breast-stage4-trastuzumab-emtansine-excluded-no-prior-taxane
  "Trastuzumab emtansine is for women who have received taxane chemotherapy: none is recorded."
  (scope (guideline breast-stage4))
  (finding (name her2-positive) (value ~no))
  (finding (name prior-taxane) (value no))
  =>
  (assert (exclusion
            (id breast-stage4-trastuzumab-emtansine-excluded-no-prior-taxane)
            (option breast-stage4-trastuzumab-emtansine)
            (modality targeted) (agents trastuzumab-emtansine)
            (reason "No prior taxane chemotherapy is recorded; the source uses trastuzumab emtansine in women who have received prior treatment with trastuzumab and taxane chemotherapy.")
            (cite b4-12-trastuzumab-emtansine))))

;;; ---------------------------------------------------------------- B4-13 bone metastases

(defrule breast-stage4-clodronic-acid
  "Bisphosphonate clodronate (clodronic acid) to reduce pain and fractures from bone metastases."
  (scope (guideline breast-stage4))
  (finding (name bone-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-clodronic-acid)
            (modality bone-targeted)
            (cancer-directed FALSE)
            (agents clodronic-acid)
            (intent palliative)
            (summary "Bisphosphonate clodronate (clodronic acid) to reduce pain and fractures from bone metastases")
            (cite b4-13-bisphosphonates b4-13-clodronate))))

(defrule breast-stage4-pamidronic-acid
  "Bisphosphonate pamidronate (pamidronic acid) to reduce pain and fractures from bone metastases."
  (scope (guideline breast-stage4))
  (finding (name bone-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-pamidronic-acid)
            (modality bone-targeted)
            (cancer-directed FALSE)
            (agents pamidronic-acid)
            (intent palliative)
            (summary "Bisphosphonate pamidronate (pamidronic acid) to reduce pain and fractures from bone metastases")
            (cite b4-13-bisphosphonates b4-13-pamidronate))))

(defrule breast-stage4-zoledronic-acid
  "Bisphosphonate zoledronic acid to reduce pain and fractures from bone metastases."
  (scope (guideline breast-stage4))
  (finding (name bone-metastases) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-zoledronic-acid)
            (modality bone-targeted)
            (cancer-directed FALSE)
            (agents zoledronic-acid)
            (intent palliative)
            (summary "Bisphosphonate zoledronic acid to reduce pain and fractures from bone metastases")
            (cite b4-13-bisphosphonates b4-13-zoledronic-acid))))

(defrule breast-stage4-bone-pain-management
  "Other methods of pain management, along with bisphosphonate therapy, for pain from bone metastases."
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
            (cite b4-13-pain-management))))

;;; ---------------------------------------------------------------- B4-14 radiation

(defrule breast-stage4-radiation-bone-metastases
  "External beam radiation to relieve pain and other symptoms caused by bone metastases."
  (scope (guideline breast-stage4))
  (finding (name bone-metastases) (value yes))
  (finding (name bone-pain) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-radiation-bone-metastases)
            (modality radiation)
            (procedure external-beam-radiation)
            (target bone)
            (intent palliative)
            (summary "External beam radiation therapy to relieve pain and other symptoms caused by bone metastases")
            (cite b4-14-radiation b4-14-bone))))

(defrule breast-stage4-radiation-bronchial-obstruction
  "External beam radiation to relieve symptoms caused by a blockage of the bronchi (bronchial obstruction)."
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
            (cite b4-14-radiation b4-14-bronchial))))

(defrule breast-stage4-radiation-brain-metastases
  "External beam radiation to relieve pain and other symptoms caused by brain metastases."
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
            (cite b4-14-radiation b4-14-brain-spinal-cord))))

(defrule breast-stage4-radiation-spinal-cord-metastases
  "External beam radiation to relieve pain and other symptoms caused by spinal cord metastases."
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
            (cite b4-14-radiation b4-14-brain-spinal-cord))))

(defrule breast-stage4-radiation-chest-wall
  "External beam radiation to relieve painful, open, draining areas on the breast or chest wall."
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
            (cite b4-14-radiation b4-14-chest-wall))))

;;; ---------------------------------------------------------------- B4-15 surgery

(defrule breast-stage4-surgery-skin-lump
  "Surgery to remove a lump in the skin, to relieve pain and other symptoms."
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
            (cite b4-15-surgery b4-15-skin-lump))))

(defrule breast-stage4-surgery-isolated-metastasis
  "Surgery to remove a single or isolated metastasis (the source does not list the sites), to relieve pain and other symptoms."
  (scope (guideline breast-stage4))
  (finding (name isolated-metastasis) (value yes))
  =>
  (assert (recommendation
            (id breast-stage4-surgery-isolated-metastasis)
            (modality surgery)
            (procedure remove-isolated-metastasis)
            (intent palliative)
            (summary "Surgery to remove a single or isolated metastasis (the source does not list the sites)")
            (cite b4-15-surgery b4-15-isolated-metastasis))))

(defrule breast-stage4-surgery-fracture
  "Surgery to fix a bone broken (fractured) by metastasis, to relieve pain and other symptoms."
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
            (cite b4-15-surgery b4-15-fracture))))

(defrule breast-stage4-surgery-spinal-cord-compression
  "Surgery to treat spinal cord compression caused by metastasis, to relieve pain and other symptoms."
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
            (cite b4-15-surgery b4-15-spinal-cord-compression))))

;;; ---------------------------------------------------------------- B4-16 clinical trials

(defrule breast-stage4-clinical-trial
  "Clinical trials."
  (scope (guideline breast-stage4))
  =>
  (assert (recommendation
            (id breast-stage4-clinical-trial)
            (modality clinical-trial)
            (intent unspecified)
            (summary "The opportunity to take part in a clinical trial")
            (cite b4-16-clinical-trials))))
