#!/usr/bin/env python3
"""gen_cases.py: writes realistic oncorules cases as NDJSON, one per line.

Deterministic: the same --seed and options give the same bytes. Cases cover
the whole vocabulary of docs/case-format.md: the three sites, recurrent or
not, stages, biomarkers, prior lines with agents, settings and responses,
current medications (bevacizumab with a planned surgery among them),
symptoms, adverse events, preferences and fitness.

A share of the lines (--invalid) is broken on purpose, one kind each:
truncated JSON, wrong types, unknown values, unknown keys, missing required
fields, out-of-range numbers, a 1 MB string inside the line limit, a line
over the 1 MiB line limit, deep nesting, empty lines, JSON that is not an
object. --manifest FILE lists the 1-based numbers of those lines with their
kind, so a test can check that the errors land exactly there.

Usage: gen_cases.py [-n COUNT] [--seed N] [--invalid FRACTION]
                    [--kinds k1,k2,...] [--manifest FILE] [-o FILE]
"""
import argparse
import json
import random
import sys

DRUGS = [
    "anastrozole", "bevacizumab", "buserelin", "capecitabine", "carboplatin",
    "cemiplimab", "cisplatin", "clodronic-acid", "cyclophosphamide",
    "docetaxel", "doxorubicin", "epirubicin", "eribulin", "etoposide",
    "exemestane", "fluorouracil", "gemcitabine", "goserelin", "ifosfamide",
    "irinotecan", "letrozole", "leuprorelin", "methotrexate", "mitomycin",
    "paclitaxel", "paclitaxel-protein-bound", "pamidronic-acid",
    "pembrolizumab", "pertuzumab", "tamoxifen", "topotecan", "trastuzumab",
    "trastuzumab-emtansine", "vinorelbine", "zoledronic-acid",
]
STAGES = ["I", "IA", "IB", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IIIC",
          "IV", "IVA", "IVB"]
METASTASIS_SITES = ["bone", "soft-tissue", "liver", "lung", "brain",
                    "spinal-cord", "distant-lymph-nodes", "peritoneum",
                    "skin", "other"]
RECURRENCE_SITES = ["cervix", "uterus", "vagina", "central-pelvis",
                    "pelvic-side-wall", "pelvic-lymph-nodes",
                    "para-aortic-lymph-nodes", "distant"]
IMAGING = ["pet-ct", "ct", "mri", "bone-scan", "x-ray"]
STATUS = ["positive", "negative", "unknown"]
RESPONSES = ["complete", "partial", "stable", "progression", "unknown"]
SYMPTOMS = ["pain", "bone-pain", "bleeding", "bronchial-obstruction",
            "open-draining-chest-wall-lesion", "skin-lump", "fracture",
            "spinal-cord-compression", "severe-symptoms",
            "life-threatening-complications", "other"]
ADVERSE = ["gastrointestinal-perforation", "fistula", "haemorrhage",
           "hypertension", "hypertensive-crisis",
           "hypertensive-encephalopathy", "proteinuria", "nephrotic-syndrome",
           "wound-healing-complication", "other"]
PROCEDURES = ["elective-surgery", "emergency-surgery", "biopsy", "other"]

# Regimens by site: (treatment type, region, agents, setting).
REGIMENS = {
    "cervix": [
        ("chemoradiation", "pelvis", ["cisplatin"], "primary"),
        ("radiation", "pelvis", [], "primary"),
        ("brachytherapy", "pelvis", [], "primary"),
        ("surgery", "pelvis", [], "primary"),
        ("chemotherapy", None, ["cisplatin", "paclitaxel", "bevacizumab"], "recurrent"),
        ("chemotherapy", None, ["carboplatin", "paclitaxel"], "metastatic"),
        ("immunotherapy", None, ["pembrolizumab"], "recurrent"),
        ("immunotherapy", None, ["cemiplimab"], "metastatic"),
        ("chemotherapy", None, ["topotecan", "paclitaxel"], "recurrent"),
    ],
    "anus": [
        ("chemoradiation", "pelvis", ["mitomycin", "fluorouracil"], "primary"),
        ("chemoradiation", "pelvis", ["mitomycin", "capecitabine"], "primary"),
        ("chemotherapy", None, ["carboplatin", "paclitaxel"], "metastatic"),
        ("chemotherapy", None, ["cisplatin", "fluorouracil"], "metastatic"),
        ("surgery", "abdomen", [], "recurrent"),
    ],
    "breast": [
        ("surgery", "breast", [], "primary"),
        ("radiation", "chest-wall", [], "adjuvant"),
        ("chemotherapy", None, ["epirubicin", "cyclophosphamide"], "adjuvant"),
        ("chemotherapy", None, ["docetaxel"], "neoadjuvant"),
        ("hormonal", None, ["tamoxifen"], "adjuvant"),
        ("hormonal", None, ["letrozole"], "metastatic"),
        ("hormonal", None, ["anastrozole"], "adjuvant"),
        ("ovarian-suppression", None, ["goserelin"], "metastatic"),
        ("anti-HER2", None, ["trastuzumab", "pertuzumab"], "metastatic"),
        ("anti-HER2", None, ["trastuzumab-emtansine"], "metastatic"),
        ("chemotherapy", None, ["capecitabine"], "metastatic"),
        ("chemotherapy", None, ["paclitaxel-protein-bound"], "metastatic"),
        ("bone-targeted", "bone", ["zoledronic-acid"], "metastatic"),
        ("radiation", "bone", [], "metastatic"),
    ],
}
HISTOLOGY = {
    "cervix": ["squamous-cell-carcinoma", "adenocarcinoma",
               "adenosquamous-carcinoma", "other"],
    "anus": ["squamous-cell-carcinoma", "adenocarcinoma", "other"],
    "breast": ["ductal-carcinoma", "lobular-carcinoma", "other"],
}


def maybe(rng, p):
    return rng.random() < p


def prior_line(rng, site):
    kind, region, agents, setting = rng.choice(REGIMENS[site])
    t = {"type": kind}
    if region is not None:
        t["region"] = region
    if agents:
        t["agents"] = list(agents)
    if maybe(rng, 0.9):
        t["setting"] = setting
    if maybe(rng, 0.8):
        t["response"] = rng.choice(RESPONSES)
    if maybe(rng, 0.5):
        t["progressed_after"] = maybe(rng, 0.6)
    if maybe(rng, 0.2):
        t["ongoing"] = maybe(rng, 0.3)
    if maybe(rng, 0.3):
        t["tolerated"] = maybe(rng, 0.8)
    return t


def valid_case(rng, i, seed):
    site = rng.choices(["cervix", "anus", "breast"], [0.4, 0.2, 0.4])[0]
    c = {"id": "gen-%d-%07d" % (seed, i)}
    patient = {}
    if maybe(rng, 0.9):
        patient["age"] = rng.randint(25, 92)
    if maybe(rng, 0.8):
        patient["sex"] = "female" if site != "anus" or maybe(rng, 0.6) else "male"
    if site == "breast" and maybe(rng, 0.8):
        patient["menopausal_status"] = rng.choice(["pre", "post", "post", "unknown"])
    if maybe(rng, 0.85):
        patient["ecog"] = rng.choices(range(5), [30, 35, 20, 10, 5])[0]
    if patient or maybe(rng, 0.5):
        c["patient"] = patient

    recurrent = maybe(rng, 0.45 if site == "cervix" else 0.25)
    cancer = {"site": site}
    if maybe(rng, 0.8):
        cancer["histology"] = rng.choice(HISTOLOGY[site])
    if maybe(rng, 0.9):
        if recurrent or maybe(rng, 0.15):
            cancer["stage"] = rng.choice(STAGES)
        else:
            cancer["stage"] = rng.choice(["IV", "IVA", "IVB", "IVB"])
    if maybe(rng, 0.95):
        cancer["recurrent"] = recurrent
    if maybe(rng, 0.2):
        cancer["rapid_progression"] = maybe(rng, 0.4)
    metastatic = maybe(rng, 0.6)
    if maybe(rng, 0.9):
        cancer["metastases"] = (rng.sample(METASTASIS_SITES, rng.randint(1, 3))
                                if metastatic else [])
    if metastatic and maybe(rng, 0.2):
        cancer["isolated_metastasis"] = len(cancer.get("metastases", [])) == 1
    if recurrent and maybe(rng, 0.85):
        rec = {}
        if maybe(rng, 0.9):
            # Pelvic recurrence sites belong to cervix and anus.
            pool = RECURRENCE_SITES if site != "breast" else ["distant"]
            rec["sites"] = rng.sample(pool, rng.randint(0, min(3, len(pool))))
        for key, p in (("side_wall", 0.7), ("small", 0.3),
                       ("multiple_pelvic_nodes", 0.3), ("resectable", 0.4),
                       ("bulky_in_irradiated_field", 0.2)):
            if maybe(rng, p):
                rec[key] = maybe(rng, 0.4)
        if maybe(rng, 0.6):
            rec["size_cm"] = round(rng.uniform(0.5, 12.0), 1)
        cancer["recurrence"] = rec
    c["cancer"] = cancer

    if maybe(rng, 0.5):
        c["imaging"] = [{"type": rng.choice(IMAGING),
                         "distant_disease": metastatic,
                         "days_ago": rng.randint(0, 120)}
                        for _ in range(rng.randint(1, 2))]
    if maybe(rng, 0.8):
        bm = {}
        keys = ["ER", "PR", "HER2", "PD-L1"] if site == "breast" else ["PD-L1", "HER2"]
        for k in keys:
            if maybe(rng, 0.8):
                bm[k] = rng.choices(STATUS, [4, 5, 1])[0]
        c["biomarkers"] = bm
    if maybe(rng, 0.9):
        n = rng.choices([0, 1, 2, 3, 4], [15, 35, 25, 15, 10])[0]
        if recurrent and n == 0:
            n = 1
        c["prior_treatments"] = [prior_line(rng, site) for _ in range(n)]
    if maybe(rng, 0.5):
        meds = []
        if maybe(rng, 0.4):
            meds.append({"agent": "bevacizumab",
                         "status": rng.choice(["active", "stopped"]),
                         "last_dose_days_ago": rng.randint(0, 90)})
        for _ in range(rng.randint(0, 2)):
            m = {"agent": rng.choice(DRUGS), "status": rng.choice(["active", "stopped"])}
            if maybe(rng, 0.7):
                m["last_dose_days_ago"] = rng.randint(0, 365)
            meds.append(m)
        c["medications"] = meds
    if maybe(rng, 0.3):
        procs = []
        for _ in range(rng.randint(1, 2)):
            p = {"type": rng.choices(PROCEDURES, [5, 1, 2, 1])[0]}
            if maybe(rng, 0.8):
                p["days_from_now"] = rng.randint(0, 60)
            procs.append(p)
        c["planned_procedures"] = procs
    if maybe(rng, 0.6):
        c["symptoms"] = rng.sample(SYMPTOMS, rng.randint(0, 3))
    if maybe(rng, 0.25):
        aes = []
        for _ in range(rng.randint(1, 2)):
            ae = {"type": rng.choice(ADVERSE)}
            if maybe(rng, 0.8):
                ae["grade"] = rng.randint(1, 5)
            if maybe(rng, 0.5):
                ae["agent"] = rng.choice(DRUGS)
            aes.append(ae)
        c["adverse_events"] = aes
    if maybe(rng, 0.4):
        pref = {}
        for key, p in (("declines_active_treatment", 0.1),
                       ("declines_chemotherapy", 0.15),
                       ("declines_other_hormonal_therapy", 0.1)):
            if maybe(rng, 0.7):
                pref[key] = maybe(rng, p)
        c["preferences"] = pref
    if maybe(rng, 0.5):
        fit = {}
        if maybe(rng, 0.8):
            fit["chemotherapy_suitable"] = maybe(rng, 0.8)
        if maybe(rng, 0.6):
            fit["active_treatment_possible"] = maybe(rng, 0.9)
        c["fitness"] = fit
    return c


def dumps(obj):
    return json.dumps(obj, separators=(",", ":"))


# Each kind turns a valid case into one broken line (without newline).
def bad_truncated(rng, c):
    text = dumps(c)
    return text[:rng.randint(1, len(text) - 1)]


def bad_wrong_type(rng, c):
    choice = rng.randrange(6)
    if choice == 0:
        c.setdefault("patient", {})["age"] = "seventy"
    elif choice == 1:
        c["cancer"]["recurrent"] = "yes"
    elif choice == 2:
        c["prior_treatments"] = {"type": "radiation"}
    elif choice == 3:
        c["id"] = 12345
    elif choice == 4:
        c["symptoms"] = "pain"
    else:
        c.setdefault("patient", {})["ecog"] = 1.5
    return dumps(c)


def bad_unknown_value(rng, c):
    choice = rng.randrange(4)
    if choice == 0:
        c["prior_treatments"] = [{"type": "radation", "region": "pelvis"}]
    elif choice == 1:
        c["cancer"]["site"] = "lung"
    elif choice == 2:
        c["medications"] = [{"agent": "Bevacizumab", "status": "active"}]
    else:
        c["biomarkers"] = {"PD-L1": "weakly positive"}
    return dumps(c)


def bad_unknown_key(rng, c):
    c["patient_notes"] = "free text the vocabulary does not know"
    return dumps(c)


def bad_missing_required(rng, c):
    if maybe(rng, 0.5):
        del c["cancer"]
    else:
        del c["id"]
    return dumps(c)


def bad_out_of_range(rng, c):
    if maybe(rng, 0.5):
        c.setdefault("patient", {})["ecog"] = 7
    else:
        c.setdefault("patient", {})["age"] = -3
    return dumps(c)


def bad_long_string(rng, c):
    # One string of 1,000,000 bytes: the line stays under the 1 MiB line
    # limit, so the case reader's string limit must answer.
    c["id"] = "x" * 1000000
    return dumps(c)


def bad_over_line_limit(rng, c):
    # A line of about 1.2 MB: over the 1 MiB case limit.
    c["id"] = "y" * 1200000
    return dumps(c)


def bad_deep_nesting(rng, c):
    depth = rng.choice([20, 200, 5000])
    return '{"id":"deep","cancer":{"site":"cervix"},"patient":' + \
        "[" * depth + "]" * depth + "}"


def bad_empty(rng, c):
    return rng.choice(["", " ", "\t"])


def bad_not_object(rng, c):
    return rng.choice(["[]", "null", "42", '"case"', "[" + dumps(c) + "]"])


KINDS = {
    "truncated": bad_truncated,
    "wrong-type": bad_wrong_type,
    "unknown-value": bad_unknown_value,
    "unknown-key": bad_unknown_key,
    "missing-required": bad_missing_required,
    "out-of-range": bad_out_of_range,
    "long-string": bad_long_string,
    "over-line-limit": bad_over_line_limit,
    "deep-nesting": bad_deep_nesting,
    "empty": bad_empty,
    "not-object": bad_not_object,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--invalid", type=float, default=0.0,
                    help="share of broken lines, 0..1 (default 0)")
    ap.add_argument("--kinds", default=",".join(KINDS),
                    help="comma-separated kinds of broken lines")
    ap.add_argument("--manifest", help="write 'LINE KIND' of broken lines here")
    ap.add_argument("-o", "--output", help="output file (default stdout)")
    args = ap.parse_args()
    kinds = [k for k in args.kinds.split(",") if k]
    for k in kinds:
        if k not in KINDS:
            ap.error("unknown kind %r (known: %s)" % (k, ", ".join(KINDS)))
    rng = random.Random(args.seed)
    out = open(args.output, "w") if args.output else sys.stdout
    manifest = open(args.manifest, "w") if args.manifest else None
    for i in range(1, args.count + 1):
        c = valid_case(rng, i, args.seed)
        if kinds and rng.random() < args.invalid:
            kind = kinds[rng.randrange(len(kinds))]
            line = KINDS[kind](rng, c)
            if manifest:
                manifest.write("%d %s\n" % (i, kind))
        else:
            line = dumps(c)
        out.write(line)
        out.write("\n")
    if out is not sys.stdout:
        out.close()
    if manifest:
        manifest.close()


if __name__ == "__main__":
    main()
