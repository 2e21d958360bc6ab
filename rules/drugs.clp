;;; drugs.clp: drug classes of the controlled drug list.
;;;
;;; Rules test a class with a pattern such as
;;;   (drug (agent ?a) (classes $? taxane $?))
;;; instead of listing names. Classes are those the sources name: the
;;; breast source groups aromatase inhibitors, anti-estrogens, LHRH agonists
;;; and bisphosphonates, and gives doxorubicin and epirubicin as
;;; anthracyclines, paclitaxel and docetaxel as taxanes; the cervical
;;; algorithm speaks of platinum-based chemotherapy.

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
