;;; drugs.clp: drug classes of the controlled drug list.
;;;
;;; Rules test a class with a pattern such as
;;;   (drug (agent ?a) (classes $? taxane $?))
;;; instead of listing names. Where a source names a class, the class is the
;;; source's: the breast source groups aromatase inhibitors, anti-estrogens,
;;; LHRH agonists and bisphosphonates, and gives doxorubicin and epirubicin
;;; as anthracyclines and paclitaxel and docetaxel as taxanes (protein-bound
;;; paclitaxel is paclitaxel: "The protein helps get the active drug
;;; (paclitaxel) into the cancer cells"); the cervical algorithm speaks of
;;; platinum-based chemotherapy (cisplatin and carboplatin are the platinum
;;; drugs of the lists). `chemotherapy` is every drug the sources list as a
;;; chemotherapy drug: the gates (gates.clp) read it to find the options
;;; that contain chemotherapy. The remaining classes (anti-HER2, anti-VEGF,
;;; immune-checkpoint-inhibitor) are descriptive groupings the sources do
;;; not name; no rule reads anti-VEGF or immune-checkpoint-inhibitor, and
;;; anti-HER2 follows the breast source's "drug designed to target HER2".

(deffacts drug-classes
  (drug (agent cisplatin) (classes chemotherapy platinum))
  (drug (agent carboplatin) (classes chemotherapy platinum))
  (drug (agent paclitaxel) (classes chemotherapy taxane))
  (drug (agent paclitaxel-protein-bound) (classes chemotherapy taxane))
  (drug (agent docetaxel) (classes chemotherapy taxane))
  (drug (agent doxorubicin) (classes chemotherapy anthracycline))
  (drug (agent epirubicin) (classes chemotherapy anthracycline))
  (drug (agent topotecan) (classes chemotherapy))
  (drug (agent gemcitabine) (classes chemotherapy))
  (drug (agent fluorouracil) (classes chemotherapy))
  (drug (agent ifosfamide) (classes chemotherapy))
  (drug (agent irinotecan) (classes chemotherapy))
  (drug (agent mitomycin) (classes chemotherapy))
  (drug (agent vinorelbine) (classes chemotherapy))
  (drug (agent capecitabine) (classes chemotherapy))
  (drug (agent methotrexate) (classes chemotherapy))
  (drug (agent etoposide) (classes chemotherapy))
  (drug (agent cyclophosphamide) (classes chemotherapy))
  (drug (agent eribulin) (classes chemotherapy))
  (drug (agent bevacizumab) (classes anti-VEGF))
  (drug (agent cemiplimab) (classes immune-checkpoint-inhibitor))
  (drug (agent pembrolizumab) (classes immune-checkpoint-inhibitor))
  (drug (agent trastuzumab) (classes anti-HER2))
  (drug (agent pertuzumab) (classes anti-HER2))
  (drug (agent trastuzumab-emtansine) (classes anti-HER2))
  (drug (agent letrozole) (classes aromatase-inhibitor))
  (drug (agent anastrozole) (classes aromatase-inhibitor))
  (drug (agent exemestane) (classes aromatase-inhibitor))
  (drug (agent tamoxifen) (classes anti-estrogen))
  (drug (agent goserelin) (classes lhrh-agonist))
  (drug (agent leuprorelin) (classes lhrh-agonist))
  (drug (agent buserelin) (classes lhrh-agonist))
  (drug (agent clodronic-acid) (classes bisphosphonate))
  (drug (agent pamidronic-acid) (classes bisphosphonate))
  (drug (agent zoledronic-acid) (classes bisphosphonate)))
