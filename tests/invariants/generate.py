#!/usr/bin/env python3
"""generate.py: a seeded generator of valid oncorules cases.

The generator walks docs/case.schema.json (generated from the validator's
table facts/vocabulary.c), so a key or value added to the case format is
generated without a change here. On top of the schema, two tables steer the
values towards the regions the clinical invariants care about:

  HINTS      per path: how often an optional key is present, weights of
             enum values, ranges of numbers, list lengths. A value the
             table does not name keeps weight 1, so new values still occur.
  FRAGMENTS  small partial cases that put several facts together (a central
             pelvic recurrence after pelvic radiation, bevacizumab with
             elective surgery planned, progression on a regimen for
             metastatic disease, ...), merged over the random case, with
             their own optional keys left out at random too.

Every optional key is left out at random (absent means "not recorded"),
lists are sometimes empty and sometimes absent. The same seed gives the same
cases: case i is drawn from its own random stream, seeded by (seed, i), so
it does not depend on how many cases are drawn.

    generate.py [--seed S] [--count N] [--schema FILE]   # NDJSON on stdout
"""
import argparse
import copy
import json
import os
import random
import sys

from clinical import STAGE4

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_SCHEMA = os.path.join(ROOT, "docs", "case.schema.json")

# ------------------------------------------------------------------ schema


def load_schema(path=DEFAULT_SCHEMA):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def resolve(schema, node):
    """The node itself, or the definition its $ref names (merged)."""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        merged = dict(schema["$defs"][name])
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        return merged
    return node


def schema_at(schema, path):
    """The schema node of a generator path ("/prior_treatments/*/agents"),
    or None when the case format has no such place."""
    node = schema
    for token in [t for t in path.split("/") if t]:
        node = resolve(schema, node)
        if token == "*":
            if node.get("type") != "array":
                return None
            node = node["items"]
        else:
            if node.get("type") != "object" or token not in node.get("properties", {}):
                return None
            node = node["properties"][token]
    return resolve(schema, node)


def validate(schema, value, node=None, pointer=""):
    """Problems of `value` against the schema, as (pointer, message) pairs:
    the subset of JSON Schema the case schema uses (types, enum, const,
    required, additionalProperties false, min/max, lengths, items, contains,
    allOf, if/then/else, not). The generator and the shrinker only keep
    cases for which this list is empty."""
    node = resolve(schema, schema if node is None else node)
    problems = []
    kind = node.get("type")
    checks = {"object": dict, "array": list, "string": str, "boolean": bool}
    if kind in checks and not isinstance(value, checks[kind]):
        return [(pointer, "not of type %s" % kind)]
    if kind in ("integer", "number") and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or
            (kind == "integer" and not isinstance(value, int))):
        return [(pointer, "not of type %s" % kind)]
    if "enum" in node and value not in node["enum"]:
        problems.append((pointer, "not an allowed value"))
    if "const" in node and value != node["const"]:
        problems.append((pointer, "not %r" % node["const"]))
    if isinstance(value, dict):
        for key in node.get("required", []):
            if key not in value:
                problems.append((pointer + "/" + key, "required key missing"))
        props = node.get("properties", {})
        for key, sub in value.items():
            if key in props:
                problems += validate(schema, sub, props[key], pointer + "/" + key)
            elif node.get("additionalProperties") is False:
                problems.append((pointer + "/" + key, "unknown key"))
    if isinstance(value, list):
        if len(value) > node.get("maxItems", len(value)):
            problems.append((pointer, "too many items"))
        if "items" in node:
            for i, item in enumerate(value):
                problems += validate(schema, item, node["items"], "%s/%d" % (pointer, i))
        if "contains" in node and all(validate(schema, item, node["contains"])
                                      for item in value):
            problems.append((pointer, "contains no matching item"))
    if isinstance(value, str):
        size = len(value.encode("utf-8"))
        if size < node.get("minLength", 0) or size > node.get("maxLength", size):
            problems.append((pointer, "bad length"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < node.get("minimum", value) or value > node.get("maximum", value):
            problems.append((pointer, "out of range"))
    for sub in node.get("allOf", []):
        problems += validate(schema, value, sub, pointer)
    if "if" in node:
        branch = node.get("else") if validate(schema, value, node["if"]) else node.get("then")
        if branch is not None:
            problems += validate(schema, value, branch, pointer)
    if "not" in node and not validate(schema, value, node["not"], pointer):
        problems.append((pointer, "matches what it must not"))
    return problems


# ------------------------------------------------------------------ steering

STAGE4 = list(STAGE4)
DRUG_EVENTS = ["gastrointestinal-perforation", "fistula", "haemorrhage",
               "hypertensive-crisis", "hypertensive-encephalopathy",
               "nephrotic-syndrome"]

# Regimens the sources name (and a few the cases record as prior
# treatments), so that "the same regimen again" is reached often.
REGIMENS = [
    ["cisplatin"], ["cisplatin", "fluorouracil"], ["fluorouracil", "mitomycin"],
    ["cisplatin", "paclitaxel"], ["cisplatin", "paclitaxel", "bevacizumab"],
    ["paclitaxel", "topotecan", "bevacizumab"], ["paclitaxel", "topotecan"],
    ["cisplatin", "gemcitabine"], ["cisplatin", "ifosfamide"], ["cisplatin", "topotecan"],
    ["carboplatin", "paclitaxel"], ["fluorouracil", "cisplatin"], ["paclitaxel"],
    ["topotecan"], ["bevacizumab"], ["cemiplimab"], ["pembrolizumab", "cisplatin", "paclitaxel"],
    ["trastuzumab"], ["trastuzumab", "docetaxel"], ["trastuzumab", "paclitaxel"],
    ["pertuzumab", "trastuzumab", "docetaxel"], ["trastuzumab-emtansine"],
    ["letrozole"], ["anastrozole"], ["exemestane"], ["tamoxifen"], ["goserelin"],
    ["doxorubicin", "cyclophosphamide"], ["docetaxel", "doxorubicin"],
    ["cyclophosphamide", "doxorubicin", "fluorouracil"],
    ["cyclophosphamide", "methotrexate", "fluorouracil"], ["doxorubicin", "paclitaxel"],
    ["docetaxel", "capecitabine"], ["vinorelbine", "epirubicin"], ["docetaxel"],
    ["capecitabine"], ["eribulin"], ["vinorelbine"], ["zoledronic-acid"],
]

# Per path: "present" (probability that an optional key is there; default
# the case's density), "values" (enum weights), "true" (probability of
# true), "range" (list of (low, high, weight)), "empty" (probability that a
# list is empty), "length" (most items of a list).
HINTS = {
    "/patient": {"present": 0.9},
    "/patient/sex": {"values": {"female": 6, "male": 1}},
    "/patient/menopausal_status": {"values": {"pre": 3, "post": 4, "unknown": 1}},
    "/patient/ecog": {"range": [(0, 1, 4), (2, 2, 2), (3, 4, 3)]},
    "/patient/age": {"range": [(25, 90, 9), (0, 130, 1)]},
    "/cancer/site": {"values": {"cervix": 5, "anus": 3, "breast": 5}},
    "/cancer/stage": {"present": 0.9,
                      "values": {"IV": 8, "IVA": 5, "IVB": 6, "IIB": 2, "III": 1}},
    "/cancer/recurrent": {"present": 0.8, "true": 0.5},
    "/cancer/rapid_progression": {"true": 0.3},
    "/cancer/isolated_metastasis": {"true": 0.3},
    "/cancer/metastases": {"present": 0.8, "empty": 0.3, "length": 3},
    "/cancer/metastases/*": {"values": {"bone": 5, "liver": 3, "lung": 3, "soft-tissue": 2}},
    "/cancer/recurrence/sites": {"empty": 0.15, "length": 2},
    "/cancer/recurrence/sites/*": {"values": {"central-pelvis": 4, "cervix": 3, "uterus": 2,
                                              "vagina": 2, "pelvic-side-wall": 2, "distant": 2}},
    "/cancer/recurrence/side_wall": {"true": 0.3},
    "/cancer/recurrence/resectable": {"true": 0.6},
    "/cancer/recurrence/small": {"true": 0.5},
    "/cancer/recurrence/multiple_pelvic_nodes": {"true": 0.3},
    "/cancer/recurrence/bulky_in_irradiated_field": {"true": 0.3},
    "/cancer/recurrence/size_cm": {"range": [(0, 10, 9), (0, 100, 1)]},
    "/imaging": {"empty": 0.15, "length": 2},
    "/imaging/*/type": {"values": {"pet-ct": 4, "ct": 2, "mri": 1}},
    "/imaging/*/distant_disease": {"true": 0.35},
    "/imaging/*/days_ago": {"range": [(0, 90, 9), (0, 36500, 1)]},
    "/biomarkers": {"present": 0.8},
    "/biomarkers/ER": {"present": 0.75, "values": {"positive": 4, "negative": 4, "unknown": 1}},
    "/biomarkers/PR": {"present": 0.75, "values": {"positive": 4, "negative": 4, "unknown": 1}},
    "/biomarkers/HER2": {"present": 0.75, "values": {"positive": 4, "negative": 4, "unknown": 1}},
    "/biomarkers/PD-L1": {"present": 0.7, "values": {"positive": 4, "negative": 4, "unknown": 1}},
    "/prior_treatments": {"present": 0.8, "empty": 0.2, "length": 3},
    "/prior_treatments/*/type": {"values": {"chemotherapy": 6, "chemoradiation": 4, "radiation": 3,
                                            "hormonal": 3, "anti-HER2": 2, "targeted": 2,
                                            "surgery": 2, "brachytherapy": 2}},
    "/prior_treatments/*/agents": {"lists": REGIMENS, "lists_weight": 0.6, "empty": 0.1},
    "/prior_treatments/*/region": {"values": {"pelvis": 6, "bone": 2, "breast": 2}},
    "/prior_treatments/*/setting": {"values": {"metastatic": 5, "recurrent": 4, "primary": 3,
                                               "adjuvant": 2, "neoadjuvant": 1}},
    "/prior_treatments/*/response": {"values": {"progression": 5, "stable": 2, "partial": 2,
                                                "complete": 2, "unknown": 1}},
    "/prior_treatments/*/progressed_after": {"true": 0.6},
    "/prior_treatments/*/ongoing": {"true": 0.4},
    "/prior_treatments/*/tolerated": {"true": 0.6},
    "/medications": {"present": 0.7, "empty": 0.3, "length": 3},
    "/medications/*/agent": {"values": {"bevacizumab": 12, "zoledronic-acid": 3, "tamoxifen": 2,
                                        "letrozole": 2, "trastuzumab": 2}},
    "/medications/*/status": {"values": {"active": 3, "stopped": 2}},
    "/medications/*/last_dose_days_ago": {"range": [(0, 40, 9), (0, 36500, 1)]},
    "/planned_procedures": {"present": 0.6, "empty": 0.3, "length": 2},
    "/planned_procedures/*/type": {"values": {"elective-surgery": 6}},
    "/planned_procedures/*/days_from_now": {"range": [(0, 40, 9), (0, 3650, 1)]},
    "/symptoms": {"present": 0.75, "empty": 0.25, "length": 3},
    "/symptoms/*": {"values": {"pain": 4, "bone-pain": 4, "bleeding": 3, "fracture": 2,
                               "spinal-cord-compression": 2}},
    "/adverse_events": {"present": 0.6, "empty": 0.4, "length": 2},
    "/adverse_events/*/type": {"values": {t: 3 for t in DRUG_EVENTS}},
    "/adverse_events/*/grade": {"range": [(3, 4, 5), (1, 2, 3), (5, 5, 1)]},
    "/adverse_events/*/agent": {"values": {"bevacizumab": 12, "paclitaxel": 2, "cisplatin": 2,
                                           "other": 1}},
    "/preferences/declines_active_treatment": {"true": 0.2},
    "/preferences/declines_chemotherapy": {"true": 0.3},
    "/preferences/declines_other_hormonal_therapy": {"true": 0.5},
    "/fitness/chemotherapy_suitable": {"true": 0.7},
    "/fitness/active_treatment_possible": {"true": 0.8},
}


def pick(rng, items):
    return items[rng.randrange(len(items))]


def f_cervix_recurrent_central(rng):
    return {"cancer": {"site": "cervix", "recurrent": True, "metastases": [],
                       "histology": pick(rng, ["squamous-cell-carcinoma", "adenocarcinoma"]),
                       "recurrence": {"sites": [pick(rng, ["central-pelvis", "cervix", "uterus",
                                                           "vagina"])],
                                      "side_wall": False, "resectable": True,
                                      "small": rng.random() < 0.6}},
            "imaging": [{"type": pick(rng, ["pet-ct", "pet-ct", "ct"]), "distant_disease": False,
                         "days_ago": rng.randint(0, 30)}],
            "prior_treatments": [{"type": pick(rng, ["chemoradiation", "radiation",
                                                     "brachytherapy"]),
                                  "region": "pelvis", "agents": ["cisplatin"], "setting": "primary",
                                  "response": "complete", "progressed_after": True}],
            "patient": {"ecog": rng.randint(0, 4)}}


def f_cervix_stage4(rng):
    return {"cancer": {"site": "cervix", "stage": pick(rng, STAGE4), "recurrent": False}}


def f_anal_stage4(rng):
    return {"cancer": {"site": "anus", "stage": pick(rng, STAGE4)}}


def f_breast_stage4(rng):
    status = ["positive", "negative", "unknown"]
    return {"cancer": {"site": "breast", "stage": "IV"},
            "patient": {"sex": "female",
                        "menopausal_status": pick(rng, ["pre", "post", "post", "unknown"])},
            "biomarkers": {"ER": pick(rng, status), "PR": pick(rng, status),
                           "HER2": pick(rng, status)}}


def f_declines(rng):
    which = rng.randrange(4)
    if which == 0:
        return {"preferences": {"declines_active_treatment": True}}
    if which == 1:
        return {"fitness": {"active_treatment_possible": False}}
    if which == 2:
        return {"preferences": {"declines_chemotherapy": True}}
    return {"fitness": {"chemotherapy_suitable": False}}


def f_bevacizumab_surgery(rng):
    partial = {"planned_procedures": [{"type": "elective-surgery",
                                       "days_from_now": rng.randint(0, 40)}]}
    if rng.random() < 0.5:
        partial["medications"] = [{"agent": "bevacizumab",
                                   "status": pick(rng, ["active", "active", "stopped"]),
                                   "last_dose_days_ago": rng.randint(0, 40)}]
    else:
        # Records that disagree happen: a stopped medication beside an
        # ongoing treatment with the same drug.
        partial["medications"] = [] if rng.random() < 0.6 else [
            {"agent": "bevacizumab", "status": "stopped", "last_dose_days_ago": rng.randint(0, 60)}]
        partial["prior_treatments"] = [{"type": pick(rng, ["chemotherapy", "targeted"]),
                                        "agents": pick(rng, [["cisplatin", "paclitaxel",
                                                              "bevacizumab"],
                                                             ["bevacizumab"]]),
                                        "setting": pick(rng, ["recurrent", "metastatic"]),
                                        "ongoing": True}]
    if rng.random() < 0.6:
        partial["adverse_events"] = [{"type": pick(rng, DRUG_EVENTS), "grade": rng.randint(3, 4),
                                      "agent": "bevacizumab"}]
    return partial


def f_progression_advanced(rng):
    return {"prior_treatments": [{"type": "chemotherapy", "agents": list(pick(rng, REGIMENS)),
                                  "setting": pick(rng, ["metastatic", "recurrent"]),
                                  "response": "progression", "progressed_after": True,
                                  "ongoing": rng.random() < 0.5,
                                  "tolerated": rng.random() < 0.7}]}


def f_not_tolerated(rng):
    return {"prior_treatments": [{"type": "chemotherapy", "agents": list(pick(rng, REGIMENS)),
                                  "setting": pick(rng, ["metastatic", "recurrent", "primary"]),
                                  "response": pick(rng, ["partial", "stable", "progression"]),
                                  "ongoing": rng.random() < 0.5, "tolerated": False}]}


def f_eribulin_ready(rng):
    return {"cancer": {"site": "breast", "stage": "IV"},
            "prior_treatments": [
                {"type": "chemotherapy", "agents": ["doxorubicin", "cyclophosphamide"],
                 "setting": pick(rng, ["metastatic", "adjuvant"]), "response": "progression"},
                {"type": "chemotherapy", "agents": [pick(rng, ["paclitaxel", "docetaxel"])],
                 "setting": "metastatic", "response": "progression"}]}


def f_her2_trastuzumab_progressed(rng):
    return {"cancer": {"site": "breast", "stage": "IV"},
            "biomarkers": {"HER2": "positive"},
            "prior_treatments": [{"type": "anti-HER2",
                                  "agents": pick(rng, [["trastuzumab", "docetaxel"],
                                                       ["pertuzumab", "trastuzumab", "docetaxel"],
                                                       ["trastuzumab"]]),
                                  "setting": pick(rng, ["metastatic", "adjuvant"]),
                                  "response": "progression", "ongoing": rng.random() < 0.3}]}


def f_painful_bone_after_pelvic_rt(rng):
    return {"cancer": {"site": "cervix", "recurrent": True, "metastases": ["bone"],
                       "histology": pick(rng, ["adenocarcinoma", "squamous-cell-carcinoma",
                                               "other"])},
            "prior_treatments": [{"type": "chemoradiation", "region": "pelvis",
                                  "agents": ["cisplatin"], "setting": "primary"}],
            "symptoms": ["bone-pain"]}


def f_breast_bone_symptoms(rng):
    return {"cancer": {"site": "breast", "stage": "IV", "metastases": ["bone"]},
            "symptoms": [pick(rng, ["spinal-cord-compression", "fracture", "bone-pain"])]}


def f_poor_performance(rng):
    return {"patient": {"ecog": rng.randint(2, 4)}}


def f_triple_negative(rng):
    return {"cancer": {"site": "breast", "stage": "IV",
                       "metastases": pick(rng, [["bone"], ["soft-tissue"], ["liver"]])},
            "biomarkers": {"ER": "negative", "PR": "negative", "HER2": "negative"}}


def f_cervix_metastatic(rng):
    return {"cancer": {"site": "cervix", "metastases": [pick(rng, ["lung", "liver", "bone"])],
                       "stage": pick(rng, ["IVB", "IV", "IIB"])},
            "biomarkers": {"PD-L1": pick(rng, ["positive", "negative", "unknown"])},
            "prior_treatments": [{"type": "chemotherapy", "agents": ["cisplatin", "paclitaxel"],
                                  "setting": pick(rng, ["metastatic", "recurrent", "primary"]),
                                  "response": pick(rng, ["progression", "stable", "partial"])}]}


def f_unresectable(rng):
    return {"cancer": {"site": "cervix", "recurrent": True,
                       "recurrence": {"side_wall": rng.random() < 0.5,
                                      "resectable": False}}}


def f_small_recurrence(rng):
    return {"cancer": {"site": "cervix", "recurrent": True,
                       "recurrence": {"sites": [pick(rng, ["cervix", "uterus"])],
                                      "small": True}},
            "prior_treatments": [{"type": pick(rng, ["radiation", "chemoradiation"]),
                                  "region": "pelvis", "setting": "primary"}]}


def f_hormonal(rng):
    return {"cancer": {"site": "breast", "stage": "IV"},
            "patient": {"menopausal_status": pick(rng, ["pre", "post"])},
            "biomarkers": {"ER": "positive"},
            "preferences": {"declines_other_hormonal_therapy": rng.random() < 0.5},
            "prior_treatments": [{"type": "hormonal",
                                  "agents": [pick(rng, ["letrozole", "tamoxifen", "anastrozole"])],
                                  "setting": "metastatic",
                                  "response": pick(rng, ["progression", "partial"]),
                                  "tolerated": rng.random() < 0.6}]}


def f_chemotherapy_under_another_type(rng):
    """Chemotherapy recorded under the type of the drug it was given with
    (bevacizumab and paclitaxel as "targeted", pembrolizumab and paclitaxel
    as "immunotherapy"): the drugs say what was given."""
    agents, kind = pick(rng, [(["bevacizumab", "paclitaxel"], "targeted"),
                              (["pembrolizumab", "paclitaxel"], "immunotherapy"),
                              (["trastuzumab", "docetaxel"], "anti-HER2")])
    return {"cancer": {"site": "breast", "stage": "IV"},
            "biomarkers": {"HER2": "positive"},
            "prior_treatments": [{"type": kind, "agents": agents,
                                  "setting": pick(rng, ["metastatic", "recurrent"]),
                                  "response": pick(rng, ["partial", "progression"])}]}


def f_heavily_pretreated(rng):
    """Many lines of chemotherapy for metastatic disease."""
    drugs = ["paclitaxel", "docetaxel", "doxorubicin", "epirubicin", "capecitabine",
             "vinorelbine", "gemcitabine", "cisplatin"]
    return {"cancer": {"site": pick(rng, ["breast", "breast", "cervix"]), "metastases": ["lung"]},
            "prior_treatments": [{"type": "chemotherapy", "agents": [pick(rng, drugs)],
                                  "setting": "metastatic",
                                  "response": pick(rng, ["progression", "partial", "stable"])}
                                 for _ in range(rng.randint(3, 8))]}


def f_early_non_metastatic(rng):
    """A cancer no source covers: stage I-III, not recurrent, no spread."""
    return {"cancer": {"site": pick(rng, ["cervix", "anus", "breast"]),
                       "stage": pick(rng, ["I", "IB", "II", "IIB", "III", "IIIC"]),
                       "recurrent": False, "metastases": []}}


def f_cervix_4a_local(rng):
    return {"cancer": {"site": "cervix", "stage": "IVA", "recurrent": False, "metastases": []}}


FRAGMENTS = [
    (f_cervix_recurrent_central, 4), (f_cervix_stage4, 3), (f_anal_stage4, 2),
    (f_breast_stage4, 4), (f_declines, 4), (f_bevacizumab_surgery, 3),
    (f_progression_advanced, 4), (f_not_tolerated, 3), (f_eribulin_ready, 2),
    (f_her2_trastuzumab_progressed, 2), (f_painful_bone_after_pelvic_rt, 2),
    (f_breast_bone_symptoms, 2), (f_poor_performance, 3), (f_triple_negative, 2),
    (f_cervix_metastatic, 3), (f_unresectable, 2), (f_small_recurrence, 2),
    (f_hormonal, 2), (f_chemotherapy_under_another_type, 1), (f_early_non_metastatic, 1),
    (f_cervix_4a_local, 1), (f_heavily_pretreated, 1),
]

# Prior treatment types that fit their drugs, in the order a drug decides.
TYPE_OF_DRUGS = [
    ({"cisplatin", "carboplatin", "paclitaxel", "paclitaxel-protein-bound", "docetaxel",
      "doxorubicin", "epirubicin", "topotecan", "gemcitabine", "fluorouracil", "ifosfamide",
      "irinotecan", "mitomycin", "vinorelbine", "capecitabine", "methotrexate", "etoposide",
      "cyclophosphamide", "eribulin"}, ["chemotherapy", "chemotherapy", "chemoradiation"]),
    ({"trastuzumab", "pertuzumab", "trastuzumab-emtansine"}, ["anti-HER2"]),
    ({"letrozole", "anastrozole", "exemestane", "tamoxifen"}, ["hormonal"]),
    ({"goserelin", "leuprorelin", "buserelin"}, ["ovarian-suppression", "hormonal"]),
    ({"bevacizumab"}, ["targeted"]),
    ({"cemiplimab", "pembrolizumab"}, ["immunotherapy"]),
    ({"clodronic-acid", "pamidronic-acid", "zoledronic-acid"}, ["bone-targeted"]),
]


def coherent_prior(prior, rng):
    """Most prior treatments get the type their drugs imply (a chemotherapy
    with chemotherapy drugs); the rest keep a random type, which is valid
    input too."""
    agents = set(prior.get("agents", []))
    if not agents or rng.random() < 0.25:
        return
    for drugs, types in TYPE_OF_DRUGS:
        if agents & drugs:
            prior["type"] = pick(rng, types)
            return


# Called on an object once its keys are generated, by path.
HOOKS = {"/prior_treatments/*": coherent_prior}

# Top-level lists whose items a fragment adds to those of the random case.
APPENDED_LISTS = ("prior_treatments", "medications", "planned_procedures",
                  "adverse_events", "imaging")


# ------------------------------------------------------------------ generator


class Generator:
    def __init__(self, schema, seed):
        self.schema = schema
        self.seed = seed
        self._check_tables()

    def _check_tables(self):
        """The steering tables must name places and values of the case
        format: a rename in facts/vocabulary.c fails here, loudly."""
        for path in HOOKS:
            if schema_at(self.schema, path) is None:
                raise SystemExit("generate.py: HOOKS names %s, which the case format lacks" % path)
        for path, hint in HINTS.items():
            node = schema_at(self.schema, path)
            if node is None:
                raise SystemExit("generate.py: HINTS names %s, which the case format lacks" % path)
            allowed = node.get("enum") or resolve(self.schema, node.get("items", {})).get("enum")
            for values in hint.get("lists", []):
                if allowed is None or any(v not in allowed for v in values):
                    raise SystemExit("generate.py: HINTS %s: %r holds a value not allowed"
                                     % (path, values))
            for value in hint.get("values", {}):
                if allowed is None or value not in allowed:
                    raise SystemExit("generate.py: HINTS %s: %r is not an allowed value"
                                     % (path, value))
        rng = random.Random(0)
        for fragment, _ in FRAGMENTS:
            for _ in range(20):
                problems = [p for p in validate(self.schema, fragment(rng))
                            if p[1] != "required key missing" or p[0].count("/") > 2]
                if problems:
                    raise SystemExit("generate.py: fragment %s is not valid: %s"
                                     % (fragment.__name__, problems[:3]))

    def case(self, index):
        """Case number `index` of this seed: always the same."""
        rng = random.Random("%s:%d" % (self.seed, index))
        density = rng.uniform(0.3, 0.95)
        case = self._value(self.schema, "", rng, density)
        case["id"] = "inv-%s-%d" % (self.seed, index)
        weights = [w for _, w in FRAGMENTS]
        for _ in range(rng.choices([0, 1, 2, 3], [2, 4, 3, 1])[0]):
            fragment = rng.choices([f for f, _ in FRAGMENTS], weights)[0]
            partial = fragment(rng)
            self._thin(partial, self.schema, rng, 0.1)
            merge(case, partial)
        self._repair(self.schema, case, "", rng, density)
        problems = validate(self.schema, case)
        if problems:
            raise AssertionError("generated case %s is not valid: %s" % (case["id"], problems))
        return case

    def _presence(self, path, density):
        return HINTS.get(path, {}).get("present", density)

    def _value(self, node, path, rng, density):
        node = resolve(self.schema, node)
        hint = HINTS.get(path, {})
        kind = node.get("type")
        if kind == "object":
            out = {}
            required = set(node.get("required", []))
            for key, sub in node.get("properties", {}).items():
                sub_path = path + "/" + key
                if key in required or rng.random() < self._presence(sub_path, density):
                    out[key] = self._value(sub, sub_path, rng, density)
            if path in HOOKS:
                HOOKS[path](out, rng)
            self._conditions(node, out, path, rng, density)
            return out
        if kind == "array":
            if rng.random() < hint.get("empty", 0.25):
                return []
            if "lists" in hint and rng.random() < hint["lists_weight"]:
                return list(pick(rng, hint["lists"]))
            n = rng.randint(1, hint.get("length", 3))
            item = resolve(self.schema, node["items"])
            if "enum" in item and rng.random() < 0.97:
                values = []
                for _ in range(n):
                    v = self._value(item, path + "/*", rng, density)
                    if v not in values:
                        values.append(v)
                return values
            return [self._value(item, path + "/*", rng, density) for _ in range(n)]
        if kind == "string":
            if "enum" in node:
                if path.endswith("/agents/*") and rng.random() < 0.1:
                    return pick(rng, node["enum"])
                weights = hint.get("values", {})
                return rng.choices(node["enum"], [weights.get(v, 1) for v in node["enum"]])[0]
            return "x" * max(1, node.get("minLength", 1))
        if kind == "boolean":
            return rng.random() < hint.get("true", 0.5)
        if kind in ("integer", "number"):
            low, high = node.get("minimum", 0), node.get("maximum", 1000)
            ranges = hint.get("range", [(low, high, 1)])
            a, b, _ = rng.choices(ranges, [w for _, _, w in ranges])[0]
            if rng.random() < 0.1:
                return pick(rng, [low, high])
            if kind == "integer":
                return rng.randint(a, b)
            return round(rng.uniform(a, b), 1)
        raise SystemExit("generate.py: schema type %r at %s is not handled" % (kind, path))

    def _conditions(self, node, value, path, rng, density):
        """Meet the object's if/then/else conditions (a key required or
        refused by another key's value): add what a branch requires, remove
        what it refuses."""
        for rule in node.get("allOf", []) + ([node] if "if" in node else []):
            if "if" not in rule:
                continue
            holds = not validate(self.schema, value, rule["if"])
            branch = rule.get("then" if holds else "else") or {}
            props = node.get("properties", {})
            for key in branch.get("required", []):
                if key not in value and key in props:
                    value[key] = self._value(props[key], path + "/" + key, rng, density)
            for key in branch.get("not", {}).get("required", []):
                value.pop(key, None)

    def _repair(self, node, value, path, rng, density):
        """Meet the conditions everywhere, after fragments were merged."""
        node = resolve(self.schema, node)
        if isinstance(value, dict) and node.get("type") == "object":
            for key, sub in node.get("properties", {}).items():
                if key in value:
                    self._repair(sub, value[key], path + "/" + key, rng, density)
            self._conditions(node, value, path, rng, density)
        elif isinstance(value, list) and node.get("type") == "array":
            for item in value:
                self._repair(node["items"], item, path + "/*", rng, density)

    def _thin(self, partial, node, rng, p):
        """Leave out optional keys of a fragment at random, recursively."""
        node = resolve(self.schema, node)
        if isinstance(partial, dict) and node.get("type") == "object":
            required = set(node.get("required", []))
            for key in list(partial):
                if key not in required and rng.random() < p:
                    del partial[key]
                elif key in node.get("properties", {}):
                    self._thin(partial[key], node["properties"][key], rng, p)
        elif isinstance(partial, list) and node.get("type") == "array":
            for item in partial:
                self._thin(item, node["items"], rng, p)


def coverage_gaps(schema, cases):
    """What the cases never exercise: an optional key never present or never
    absent, a list never empty or never filled, an enum value or a boolean
    value never drawn. Empty when the whole case format is covered."""
    seen = set()

    def walk(node, value, path):
        node = resolve(schema, node)
        kind = node.get("type")
        if kind == "object":
            for key, sub in node.get("properties", {}).items():
                if key in value:
                    seen.add((path + "/" + key, "present"))
                    walk(sub, value[key], path + "/" + key)
                else:
                    seen.add((path + "/" + key, "absent"))
        elif kind == "array":
            seen.add((path, "[]" if not value else "[...]"))
            for item in value:
                walk(node["items"], item, path + "/*")
        elif "enum" in node or kind == "boolean":
            seen.add((path, json.dumps(value)))

    def expected(node, path):
        node = resolve(schema, node)
        kind = node.get("type")
        if kind == "object":
            required = set(node.get("required", []))
            for key, sub in node.get("properties", {}).items():
                for state in ("present",) if key in required else ("present", "absent"):
                    yield path + "/" + key, state
                yield from expected(sub, path + "/" + key)
        elif kind == "array":
            yield path, "[]"
            yield path, "[...]"
            yield from expected(node["items"], path + "/*")
        elif "enum" in node:
            for v in node["enum"]:
                yield path, json.dumps(v)
        elif kind == "boolean":
            yield path, "true"
            yield path, "false"

    for case in cases:
        walk(schema, case, "")
    return [e for e in expected(schema, "") if e not in seen]


def merge(case, partial):
    """Merge a fragment into a case: objects key by key, the lists of
    APPENDED_LISTS item by item (they add to the case's history), any other
    value replaced."""
    for key, value in partial.items():
        if key in APPENDED_LISTS and isinstance(case.get(key), list):
            case[key] = case[key] + copy.deepcopy(value)
            if len(case[key]) > 256:
                case[key] = case[key][:256]
        elif isinstance(value, dict) and isinstance(case.get(key), dict):
            merge(case[key], value)
        else:
            case[key] = copy.deepcopy(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", default="1")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--schema", default=DEFAULT_SCHEMA)
    args = parser.parse_args()
    gen = Generator(load_schema(args.schema), args.seed)
    out = sys.stdout
    for i in range(args.count):
        out.write(json.dumps(gen.case(i), separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
