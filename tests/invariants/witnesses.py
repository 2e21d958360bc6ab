"""witnesses.py: proof that each invariant can fail.

For every invariant checked on one result there is a witness: a small case
that meets its premise, and a change planted in the engine's result for it
(an option the invariant forbids, a warning taken away, ...). The runner's
self-test (run.py, before the generated cases) evaluates each witness case,
plants the change, and requires the invariant to report it: an invariant
that cannot fail is a defect, not a test.
"""

BREAST = {"site": "breast", "stage": "IV", "metastases": ["bone"]}
CERVIX_4B = {"site": "cervix", "stage": "IVB", "recurrent": False}
CERVIX_REC = {"site": "cervix", "recurrent": True, "histology": "squamous-cell-carcinoma"}
ANAL = {"site": "anus", "stage": "IV"}
EVIDENCE = [{"source": "000_49ffac177dcf7645.txt", "ref": "C4-5",
             "quote": "Chemotherapy may be offered for stage 4B cervical cancer"}]


def case(cancer, **rest):
    c = {"id": "witness", "cancer": dict(cancer)}
    c.update(rest)
    return c


def option(**fields):
    """A recommendation as the engine prints it, with `fields` changed."""
    item = {"id": "planted-option", "modality": "chemotherapy", "agents": [], "choices": [],
            "procedure": None, "target": None, "schedule": "", "intent": "palliative",
            "preferred": False, "summary": "planted", "card": None, "role": "main",
            "cancer_directed": True, "with_chemotherapy": False, "requires": [], "history": [],
            "lead": None, "rule": "planted", "because": [], "evidence": EVIDENCE}
    item.update(fields)
    return item


def add(**fields):
    return lambda d: d["recommendations"].append(option(**fields))


def add_to(name, **fields):
    item = {"id": "planted", "rule": "planted", "because": [], "evidence": EVIDENCE}
    item.update(fields)
    return lambda d: d[name].append(item)


def drop_options(test):
    def plant(d):
        for name in ("recommendations", "possible"):
            if name in d:
                d[name] = [r for r in d[name] if not test(r)]
    return plant


def drop_warnings(d):
    d["warnings"] = []


def set_key(key, value):
    return lambda d: d.__setitem__(key, value)


def both(*plants):
    def plant(d):
        for p in plants:
            p(d)
    return plant


ON_BEVACIZUMAB = [{"agent": "bevacizumab", "status": "active", "last_dose_days_ago": 3}]
SURGERY_SOON = [{"type": "elective-surgery", "days_from_now": 5}]
EXENTERATION = dict(modality="surgery", procedure="pelvic-exenteration", target="pelvis",
                    intent="curative", requires=["adequate-performance-status"])

WITNESSES = {
    "one-result-per-line": (case(ANAL), set_key("line", 99)),
    "generated-case-accepted": (case(ANAL), set_key("errors", [{"pointer": "", "message": "x"}])),
    "valid-case-within-run-limits": (case(ANAL), set_key("errors", [{
        "pointer": "", "message": "the rules fired more than 100000 times for this case: "
                                  "stopped (a rule loop?)"}])),
    "ids-unique-per-list": (case(ANAL), both(add(), add())),
    "lists-sorted-by-id": (case(ANAL), both(add_to("notes", id="zz"), add_to("notes", id="aa"))),
    "rule-and-evidence": (case(ANAL), add(evidence=[])),
    "quotes-verbatim": (case(ANAL), add(evidence=[dict(EVIDENCE[0], quote="not in the source")])),
    "evidence-refs-in-knowledge-map": (case(ANAL), add(evidence=[dict(EVIDENCE[0], ref="ZZ-9")])),
    "because-pointers-in-case": (
        case(ANAL), add(because=[{"statement": "x", "pointers": ["/prior_treatments/7"]}])),
    "missing-fields-are-case-pointers": (
        case(ANAL), add_to("missing_information", field="/patient/weight", options=[])),
    "missing-fields-not-recorded": (
        case(ANAL, patient={"ecog": 1}),
        add_to("missing_information", field="/patient/ecog", options=[])),
    "no-missing-for-excluded": (case(ANAL), both(
        add_to("exclusions", option="planted-x"),
        add_to("missing_information", field="/patient/ecog", options=["planted-x"]))),
    "excluded-not-recommended": (case(ANAL), both(add(), add_to("exclusions",
                                                                option="planted-option"))),
    "exclusions-name-their-option": (case(ANAL), add_to("exclusions", option=None)),
    "warning-options-offered": (case(ANAL), both(
        add_to("exclusions", option="planted-x"),
        add_to("warnings", option="planted-x", agent=None))),
    "lead-options-first": (case(ANAL), both(
        add(id="a-planted"), add(id="b-planted", lead="planted"),
        set_key("cards", [{"id": "status", "kind": "status", "options": []},
                          {"id": "c1", "kind": "systemic", "options": ["a-planted"]},
                          {"id": "c2", "kind": "supportive-care", "options": ["b-planted"]}]))),
    "history-marks-well-formed": (case(ANAL), add(history=[{"status": "maybe",
                                                            "because": []}])),
    "not-covered-says-so": (case(ANAL), both(set_key("scope", "not covered"), add())),
    "agents-are-a-regimen": (case(BREAST), add(agents=["letrozole", "anastrozole"])),
    "form-says-regimen-or-menu": (case(BREAST), add(agents=["letrozole"], form="menu")),
    "cards-hold-each-item-once": (case(ANAL), both(add(), set_key("cards", []))),
    "supportive-care-not-cancer-directed": (case(ANAL), add(modality="supportive-care")),
    "cancer-treatment-declared-cancer-directed": (
        case(ANAL), add(agents=["cisplatin"], cancer_directed=False)),
    "bevacizumab-declared-with-chemotherapy": (case(CERVIX_4B), add(modality="targeted",
                                                                    agents=["bevacizumab"])),
    "pembrolizumab-declared-with-chemotherapy": (
        case(CERVIX_4B), add(modality="immunotherapy", agents=["pembrolizumab"])),
    "pertuzumab-with-trastuzumab-and-taxane": (
        case(BREAST), add(modality="targeted", agents=["pertuzumab", "trastuzumab"])),
    "chemotherapy-names-its-drugs": (case(CERVIX_4B), add()),
    "radiation-declares-target": (case(CERVIX_4B), add(modality="radiation")),
    "exenteration-requires-adequate-performance-status": (
        case(CERVIX_REC), add(**dict(EXENTERATION, requires=[]))),
    "chemotherapy-declined": (case(ANAL, preferences={"declines_chemotherapy": True}),
                              add(agents=["cisplatin"])),
    "chemotherapy-unsuitable": (case(ANAL, fitness={"chemotherapy_suitable": False}),
                                add(agents=["cisplatin"])),
    "bevacizumab-needs-chemotherapy": (
        case(CERVIX_4B, preferences={"declines_chemotherapy": True}),
        add(modality="targeted", agents=["bevacizumab"])),
    "pembrolizumab-needs-chemotherapy": (
        case(CERVIX_4B, fitness={"chemotherapy_suitable": False}),
        add(modality="immunotherapy", agents=["pembrolizumab"])),
    "declines-active-treatment": (case(ANAL, preferences={"declines_active_treatment": True}),
                                  add(modality="radiation", target="pelvis")),
    "active-treatment-not-possible": (case(BREAST, fitness={"active_treatment_possible": False}),
                                      add(modality="hormonal", agents=["tamoxifen"])),
    "supportive-care-leads-without-treatment": (
        case(ANAL, preferences={"declines_active_treatment": True}),
        drop_options(lambda r: True)),
    "supportive-care-listed": (case(ANAL), drop_options(lambda r: True)),
    "supportive-care-leads-when-treatment-stopped-working": (
        case(ANAL, prior_treatments=[{"type": "chemotherapy",
                                      "agents": ["carboplatin", "paclitaxel"],
                                      "setting": "metastatic", "response": "progression"}]),
        drop_options(lambda r: r["modality"] == "supportive-care")),
    "supportive-care-leads-when-side-effects-hard": (
        case(CERVIX_4B, prior_treatments=[{"type": "chemotherapy", "agents": ["cisplatin"],
                                           "tolerated": False}]),
        drop_options(lambda r: r["modality"] == "supportive-care")),
    "supportive-care-leads-at-poor-performance-status": (
        case(ANAL, patient={"ecog": 4}),
        drop_options(lambda r: r["modality"] == "supportive-care")),
    "pelvic-radiation-history-unrecorded": (
        case(CERVIX_REC), add(modality="chemoradiation", agents=["cisplatin"], target="pelvis")),
    "pelvic-radiation-possible-only-if-not-irradiated": (
        case(dict(CERVIX_4B, stage="IVA", metastases=[])),
        lambda d: d["possible"].append(option(
            modality="radiation", target="pelvis", status="possible",
            **{"if": [{"finding": "prior-pelvic-radiation", "needs": ["yes"],
                       "fields": ["/prior_treatments"]}]}))),
    "fitness-and-wishes-never-missing": (
        case(ANAL), add_to("missing_information", field="/fitness/active_treatment_possible",
                           options=[])),
    "poor-performance-status-no-exenteration": (case(CERVIX_REC, patient={"ecog": 3}),
                                                add(**EXENTERATION)),
    "ecog-2-exenteration-flagged": (case(CERVIX_REC, patient={"ecog": 2}), add(**EXENTERATION)),
    "ecog-unrecorded-exenteration-not-offered": (case(CERVIX_REC), add(**EXENTERATION)),
    "palliative-care-discussed-recurrent-scc": (
        case(CERVIX_REC, patient={"ecog": 4}),
        drop_options(lambda r: r["modality"] == "supportive-care")),
    "her2-negative-no-anti-her2": (case(BREAST, biomarkers={"HER2": "negative"}),
                                   add(modality="targeted", agents=["trastuzumab"])),
    "her2-unrecorded-anti-her2-not-offered": (case(BREAST), add(modality="targeted",
                                                                agents=["trastuzumab"])),
    "hormone-receptor-negative-no-hormonal": (
        case(BREAST, biomarkers={"ER": "negative", "PR": "negative"}),
        add(modality="ovarian-suppression", procedure="ovarian-ablation-surgery")),
    "hormone-receptor-status-half-recorded": (case(BREAST, biomarkers={"ER": "negative"}),
                                              add(modality="hormonal", agents=["tamoxifen"])),
    "aromatase-inhibitor-not-premenopausal": (
        case(BREAST, patient={"menopausal_status": "pre"}),
        add(modality="hormonal", choices=["letrozole", "tamoxifen"])),
    "aromatase-inhibitor-menopause-unrecorded": (case(BREAST), add(modality="hormonal",
                                                                   agents=["exemestane"])),
    "ovarian-ablation-premenopausal-only": (case(BREAST, patient={"menopausal_status": "post"}),
                                            add(modality="hormonal", agents=["goserelin"])),
    "ovarian-ablation-when-other-hormonal-declined": (
        case(BREAST, preferences={"declines_other_hormonal_therapy": False}),
        add(modality="ovarian-suppression", procedure="ovarian-ablation-radiation")),
    "pembrolizumab-pd-l1-negative": (case(CERVIX_REC, biomarkers={"PD-L1": "negative"}),
                                     add(agents=["pembrolizumab", "cisplatin", "paclitaxel"])),
    "pembrolizumab-pd-l1-unrecorded": (case(CERVIX_REC), add(agents=["pembrolizumab",
                                                                     "cisplatin"])),
    "eribulin-after-two-metastatic-regimens": (case(BREAST, prior_treatments=[]),
                                               add(agents=["eribulin"])),
    "eribulin-after-anthracycline-and-taxane": (
        case(BREAST, prior_treatments=[
            {"type": "chemotherapy", "agents": ["capecitabine"], "setting": "metastatic"},
            {"type": "chemotherapy", "agents": ["docetaxel"], "setting": "metastatic"}]),
        add(agents=["eribulin"])),
    "no-regimen-again-after-progression": (
        case(ANAL, prior_treatments=[{"type": "chemotherapy",
                                      "agents": ["carboplatin", "paclitaxel"],
                                      "setting": "metastatic", "response": "progression"}]),
        add(modality="chemoradiation", agents=["paclitaxel", "carboplatin"], target="anus")),
    "no-regimen-again-not-tolerated": (
        case(ANAL, prior_treatments=[{"type": "chemotherapy",
                                      "agents": ["fluorouracil", "cisplatin"],
                                      "tolerated": False}]),
        add(agents=["fluorouracil", "cisplatin"])),
    "not-tolerated-drug-marked-and-warned": (
        case(ANAL, prior_treatments=[{"type": "chemotherapy", "agents": ["cisplatin"],
                                      "setting": "metastatic", "tolerated": False}]),
        add(agents=["cisplatin", "paclitaxel"])),
    "adverse-event-drug-warned": (
        case(CERVIX_REC, adverse_events=[{"type": "other", "grade": 4, "agent": "paclitaxel"}]),
        drop_warnings),
    "progression-without-response-flagged": (
        case(BREAST, prior_treatments=[{"type": "chemotherapy", "agents": ["capecitabine"],
                                        "setting": "metastatic", "progressed_after": True,
                                        "ongoing": False}]),
        add(agents=["capecitabine"])),
    "no-trastuzumab-after-progression-on-it": (
        case(BREAST, prior_treatments=[{"type": "anti-HER2", "agents": ["trastuzumab"],
                                        "setting": "recurrent", "response": "progression",
                                        "ongoing": False}]),
        add(modality="targeted", agents=["trastuzumab", "paclitaxel"])),
    "received-regimen-marked": (
        case(BREAST, prior_treatments=[{"type": "hormonal", "agents": ["letrozole"]}]),
        add(modality="hormonal", agents=["letrozole"])),
    "pertuzumab-first-line-only": (
        case(BREAST, prior_treatments=[{"type": "chemotherapy", "agents": ["docetaxel"],
                                        "setting": "metastatic"}]),
        add(modality="targeted", agents=["pertuzumab", "trastuzumab", "docetaxel"])),
    "trastuzumab-emtansine-after-trastuzumab-and-taxane": (
        case(BREAST, prior_treatments=[]), add(modality="targeted",
                                               agents=["trastuzumab-emtansine"])),
    "cemiplimab-after-chemotherapy-for-advanced-disease": (
        case(CERVIX_4B, prior_treatments=[]), add(modality="immunotherapy",
                                                  agents=["cemiplimab"])),
    "cervix-pelvic-surgery-requires-adequate-performance-status": (
        case(CERVIX_REC), add(modality="surgery", procedure="radical-hysterectomy",
                              target="pelvis")),
    "no-pelvic-radiation-after-pelvic-radiation": (
        case(CERVIX_4B, prior_treatments=[{"type": "radiation", "region": "pelvis"}]),
        add(modality="brachytherapy", target="pelvis")),
    "palliative-radiation-elsewhere-after-pelvic-radiation": (
        case(dict(CERVIX_REC, metastases=["bone"]), symptoms=["bone-pain"],
             prior_treatments=[{"type": "chemoradiation", "region": "pelvis"}]),
        drop_options(lambda r: r["modality"] == "radiation")),
    "breast-bone-metastases-radiation": (
        case(BREAST, symptoms=["spinal-cord-compression"]),
        drop_options(lambda r: r["modality"] == "radiation")),
    "palliative-radiation-needs-symptoms": (case(CERVIX_4B, symptoms=[]),
                                            add(modality="radiation", target="bone")),
    "exenteration-not-with-distant-disease": (case(dict(CERVIX_REC, metastases=["lung"])),
                                              add(**EXENTERATION)),
    "exenteration-not-with-side-wall": (
        case(dict(CERVIX_REC, recurrence={"side_wall": True})), add(**EXENTERATION)),
    "unresectable-no-tumour-surgery": (
        case(dict(CERVIX_REC, recurrence={"resectable": False})),
        add(modality="surgery", procedure="resection")),
    "radical-hysterectomy-conditions": (
        case(dict(CERVIX_REC, recurrence={"small": False})),
        add(modality="surgery", procedure="radical-hysterectomy")),
    "stage-4b-no-chemoradiation": (case(CERVIX_4B), add(modality="chemoradiation",
                                                        agents=["cisplatin"])),
    "stage-4a-no-targeted-therapy": (
        case(dict(CERVIX_4B, stage="IVA", metastases=[])),
        add(modality="targeted", agents=["bevacizumab"], with_chemotherapy=True)),
    "anal-surgery-needs-symptoms": (case(ANAL, symptoms=[]), add(modality="surgery")),
    "bisphosphonates-for-bone-metastases": (
        case(dict(BREAST, metastases=["liver"])),
        add(modality="bone-targeted", choices=["zoledronic-acid", "clodronic-acid"])),
    "bevacizumab-grade-3-4-event": (
        case(CERVIX_REC, adverse_events=[{"type": "fistula", "grade": 3,
                                          "agent": "bevacizumab"}]),
        add(agents=["bevacizumab", "cisplatin", "paclitaxel"])),
    "bevacizumab-hypertensive-crisis": (
        case(CERVIX_REC, medications=[{"agent": "bevacizumab", "status": "stopped"}],
             adverse_events=[{"type": "hypertensive-encephalopathy"}]),
        add(agents=["bevacizumab", "cisplatin", "paclitaxel"])),
    "bevacizumab-nephrotic-syndrome": (
        case(CERVIX_REC, adverse_events=[{"type": "nephrotic-syndrome",
                                          "agent": "bevacizumab"}]),
        add(agents=["bevacizumab", "paclitaxel", "topotecan"])),
    "bevacizumab-discontinue-warning": (
        case(CERVIX_REC, medications=ON_BEVACIZUMAB,
             adverse_events=[{"type": "haemorrhage", "grade": 4}]), drop_warnings),
    "bevacizumab-washout-before-surgery": (
        case(BREAST, medications=ON_BEVACIZUMAB, planned_procedures=SURGERY_SOON),
        drop_warnings),
    "bevacizumab-proposed-before-surgery": (
        case(CERVIX_4B, planned_procedures=SURGERY_SOON),
        both(drop_warnings, add(agents=["bevacizumab", "cisplatin", "paclitaxel"]))),
    "bevacizumab-monitoring": (case(BREAST, medications=ON_BEVACIZUMAB), drop_warnings),
    "cervix-stage4-covered": (case(CERVIX_4B), set_key("scope", "not covered")),
    "cervix-recurrent-covered": (case(CERVIX_REC), set_key("scope", "not covered")),
    "anal-stage4-covered": (case(ANAL), set_key("scope", "not covered")),
    "breast-stage4-covered": (case(BREAST), set_key("scope", "not covered")),
    "early-non-metastatic-not-covered": (
        case({"site": "cervix", "stage": "IIB", "recurrent": False, "metastases": []}),
        set_key("scope", "covered")),
    "progressed-on-drug-named": (
        case(ANAL, prior_treatments=[{"type": "chemotherapy", "agents": ["cisplatin"],
                                      "setting": "metastatic", "response": "progression"}]),
        add(agents=["cisplatin", "fluorouracil"])),
    "not-recorded-means-absent": (
        case(BREAST, patient={"sex": "female", "menopausal_status": "pre"},
             biomarkers={"ER": "positive", "HER2": "unknown"}),
        lambda d: [m.__setitem__("undecided", None) for m in d["missing_information"]]),
    "not-covered-names-missing-stage": (
        case({"site": "cervix", "recurrent": False, "metastases": ["lung"]}),
        set_key("missing_information", [])),
}
