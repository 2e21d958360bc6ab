"""clinical.py: what the invariants need to read a case and a result.

Drug classes, guideline scopes and option kinds are read from the five
sources (rules/sources/), not from the rule base: an invariant must be able
to catch a rule base that got them wrong. The runner checks that every drug
of the case format has a row in DRUG_CLASSES, so a drug added to
facts/vocabulary.c cannot slip past the invariants unclassified.
"""
from functools import cached_property

# ------------------------------------------------------------------ drugs
# Chemotherapy: the 13 drugs of 000/001 ("Chemotherapy drugs used to treat
# stage 4B cervical cancer ... include") and the single drugs of 004 ("The
# types of single chemotherapy drugs are"); anthracyclines and taxanes as
# 004 names them ("an anthracycline (such as doxorubicin or epirubicin) and
# a taxane (such as paclitaxel or docetaxel)"; protein-bound paclitaxel is
# paclitaxel: "The protein helps get the active drug (paclitaxel) into the
# cancer cells"); anti-HER2: trastuzumab and the two drugs 004 gives as
# targeting HER2; hormonal therapy: the aromatase inhibitors, tamoxifen and
# the LHRH agonists of 004's "types of hormonal therapy"; bisphosphonates as
# 004 lists them; bevacizumab, the targeted therapy of 000/001;
# immunotherapy: cemiplimab and pembrolizumab (000/001).
DRUG_CLASSES = {
    "cisplatin": {"chemotherapy", "platinum"},
    "carboplatin": {"chemotherapy", "platinum"},
    "paclitaxel": {"chemotherapy", "taxane"},
    "paclitaxel-protein-bound": {"chemotherapy", "taxane"},
    "docetaxel": {"chemotherapy", "taxane"},
    "doxorubicin": {"chemotherapy", "anthracycline"},
    "epirubicin": {"chemotherapy", "anthracycline"},
    "topotecan": {"chemotherapy"},
    "gemcitabine": {"chemotherapy"},
    "fluorouracil": {"chemotherapy"},
    "ifosfamide": {"chemotherapy"},
    "irinotecan": {"chemotherapy"},
    "mitomycin": {"chemotherapy"},
    "vinorelbine": {"chemotherapy"},
    "capecitabine": {"chemotherapy"},
    "methotrexate": {"chemotherapy"},
    "etoposide": {"chemotherapy"},
    "cyclophosphamide": {"chemotherapy"},
    "eribulin": {"chemotherapy"},
    "bevacizumab": {"anti-VEGF"},
    "cemiplimab": {"immunotherapy"},
    "pembrolizumab": {"immunotherapy"},
    "trastuzumab": {"anti-HER2"},
    "pertuzumab": {"anti-HER2"},
    "trastuzumab-emtansine": {"anti-HER2"},
    "letrozole": {"hormonal", "aromatase-inhibitor"},
    "anastrozole": {"hormonal", "aromatase-inhibitor"},
    "exemestane": {"hormonal", "aromatase-inhibitor"},
    "tamoxifen": {"hormonal", "anti-estrogen"},
    "goserelin": {"hormonal", "lhrh-agonist"},
    "leuprorelin": {"hormonal", "lhrh-agonist"},
    "buserelin": {"hormonal", "lhrh-agonist"},
    "clodronic-acid": {"bisphosphonate"},
    "pamidronic-acid": {"bisphosphonate"},
    "zoledronic-acid": {"bisphosphonate"},
    # A drug outside the list, named beside it: no class is known, so no
    # invariant reads it as chemotherapy (or as anything else).
    "other": set(),
}


def drugs_of(cls):
    return frozenset(d for d, classes in DRUG_CLASSES.items() if cls in classes)


CHEMOTHERAPY = drugs_of("chemotherapy")
TAXANE = drugs_of("taxane")
ANTHRACYCLINE = drugs_of("anthracycline")
ANTI_HER2 = drugs_of("anti-HER2")
HORMONAL = drugs_of("hormonal")
AROMATASE_INHIBITOR = drugs_of("aromatase-inhibitor")
LHRH_AGONIST = drugs_of("lhrh-agonist")
BISPHOSPHONATE = drugs_of("bisphosphonate")
# Drugs that treat the cancer itself (bisphosphonates relieve pain and
# fractures: 004 "Bisphosphonates may be used to reduce pain and fractures").
ANTICANCER = CHEMOTHERAPY | ANTI_HER2 | HORMONAL | drugs_of("anti-VEGF") | drugs_of("immunotherapy")

# No regimen of the sources gives two drugs of one of these classes together
# (two platinum drugs, two taxanes, two aromatase inhibitors, ...): two of
# them in `agents` is a menu, not a regimen.
EXCLUSIVE_CLASSES = ("platinum", "taxane", "anthracycline", "aromatase-inhibitor",
                     "lhrh-agonist", "bisphosphonate", "immunotherapy")
# The largest regimen the sources name: pembrolizumab with chemotherapy
# (cisplatin and paclitaxel) and bevacizumab (000: "Pembrolizumab ... in
# combination with chemotherapy. It is sometimes given with ... bevacizumab").
LARGEST_REGIMEN = 4

# Modalities that treat the cancer itself, whatever the option declares.
ANTICANCER_MODALITIES = frozenset({"chemoradiation", "radiation", "brachytherapy", "chemotherapy",
                                   "targeted", "immunotherapy", "hormonal",
                                   "ovarian-suppression"})
RADIATION_MODALITIES = frozenset({"chemoradiation", "radiation", "brachytherapy"})
# Surgery that removes the tumour (001 pelvic exenteration, radical
# hysterectomy; 003 resection; 002 "A wide local excision removes the
# tumour"; 004 "remove a single or isolated metastasis"), as opposed to
# surgery for a symptom (fix a fracture, treat spinal cord compression).
TUMOUR_SURGERY_WORDS = ("exenteration", "hysterectomy", "resection", "excision", "remove",
                        "metastasectomy")

STAGE4 = ("IV", "IVA", "IVB")
EARLY_STAGES = ("I", "IA", "IB", "II", "IIA", "IIB", "III", "IIIA", "IIIB", "IIIC")
ADVANCED_SETTINGS = ("metastatic", "recurrent")
RADIATION_TYPES = ("radiation", "brachytherapy", "chemoradiation")
# 003: "discontinue bevacizumab for grade 3-4 events" (perforation, fistula,
# severe haemorrhage); "discontinue for hypertensive crisis or
# encephalopathy"; "discontinue for nephrotic syndrome".
GRADED_BEVACIZUMAB_EVENTS = ("gastrointestinal-perforation", "fistula", "haemorrhage")
HYPERTENSIVE_EVENTS = ("hypertensive-crisis", "hypertensive-encephalopathy")

ABSENT = object()


def get(value, *path):
    """The value at `path` (keys and indexes), or ABSENT."""
    for key in path:
        if isinstance(value, dict) and key in value:
            value = value[key]
        elif isinstance(value, list) and isinstance(key, int) and key < len(value):
            value = value[key]
        else:
            return ABSENT
    return value


# ------------------------------------------------------------------ the case


class Case:
    """A generated case, with the facts the invariants ask about. A fact
    that is not recorded is None (lists: None when absent, [] when empty)."""

    def __init__(self, data):
        self.data = data
        cancer = data.get("cancer") or {}
        patient = data.get("patient") or {}
        preferences = data.get("preferences") or {}
        fitness = data.get("fitness") or {}
        self.site = cancer.get("site")
        self.stage = cancer.get("stage")
        self.recurrent = cancer.get("recurrent")
        self.histology = cancer.get("histology")
        self.metastases = cancer.get("metastases")
        self.recurrence = cancer.get("recurrence") or {}
        self.ecog = patient.get("ecog")
        self.sex = patient.get("sex")
        self.menopause = patient.get("menopausal_status")
        self.priors = data.get("prior_treatments")
        self.medications = data.get("medications")
        self.symptoms = data.get("symptoms")
        self.events = data.get("adverse_events")
        self.procedures = data.get("planned_procedures")
        self.imaging = data.get("imaging")
        self.declines_active = preferences.get("declines_active_treatment")
        self.declines_chemo = preferences.get("declines_chemotherapy")
        self.declines_other_hormonal = preferences.get("declines_other_hormonal_therapy")
        self.chemo_suitable = fitness.get("chemotherapy_suitable")
        self.active_possible = fitness.get("active_treatment_possible")

    def _get(self, *path):
        v = get(self.data, *path)
        return None if v is ABSENT else v

    def biomarker(self, name):
        """positive, negative, unknown, or None when not recorded."""
        return self._get("biomarkers", name)

    # --- guideline scopes, as the sources' titles state them
    @cached_property
    def breast_histology(self):
        """Ductal or lobular carcinoma: no anal or cervical source is about
        them (docs/clinical-readings.md, H1)."""
        return self.histology in ("ductal-carcinoma", "lobular-carcinoma")

    @cached_property
    def cervix_stage4(self):
        return self.site == "cervix" and self.stage in STAGE4 and self.recurrent is not True \
            and not self.breast_histology and self.sex != "male"

    @cached_property
    def cervix_recurrent(self):
        return self.site == "cervix" and self.recurrent is True and not self.breast_histology \
            and self.sex != "male"

    @cached_property
    def anal_stage4(self):
        return self.site == "anus" and self.stage in STAGE4 and not self.breast_histology

    @cached_property
    def breast_stage4(self):
        return self.site == "breast" and self.stage == "IV" and self.sex != "male"

    @cached_property
    def supportive_care_source(self):
        """A guideline whose source gives supportive care (000, 001, 002)."""
        return self.cervix_stage4 or self.cervix_recurrent or self.anal_stage4

    @cached_property
    def no_active_treatment(self):
        return self.declines_active is True or self.active_possible is False

    @cached_property
    def no_chemotherapy(self):
        return self.declines_chemo is True or self.chemo_suitable is False

    # --- history
    def for_advanced_disease(self, prior):
        """Was this prior treatment given for advanced disease? "yes" for
        the settings metastatic and recurrent, and for primary treatment of
        a cancer that was stage IV at diagnosis; "unknown" with no setting
        recorded; else "no"."""
        setting = prior.get("setting")
        if setting in ADVANCED_SETTINGS or (setting == "primary" and self.stage in STAGE4):
            return "yes"
        return "unknown" if setting is None else "no"

    def prior_agents(self, prior):
        return frozenset(prior.get("agents", []))

    @cached_property
    def priors_list(self):
        return self.priors or []

    @cached_property
    def prior_pelvic_radiation(self):
        return [i for i, p in enumerate(self.priors_list)
                if p.get("type") in RADIATION_TYPES and p.get("region") == "pelvis"]

    @cached_property
    def any_prior_radiation(self):
        return any(p.get("type") in RADIATION_TYPES for p in self.priors_list)

    def is_chemo_regimen(self, prior):
        """Chemotherapy by its type or by its drugs (an anti-HER2 regimen with
        docetaxel is chemotherapy too); surgery with drugs is read as surgery."""
        return prior.get("type") in ("chemotherapy", "chemoradiation") or \
            (prior.get("type") != "surgery" and bool(self.prior_agents(prior) & CHEMOTHERAPY))

    @cached_property
    def drugs_received(self):
        """Every drug of the prior treatments and the medications."""
        given = set()
        for p in self.priors_list:
            given |= self.prior_agents(p)
        return given | {m.get("agent") for m in self.medications or []}

    @cached_property
    def progressed_on_in_advanced_disease(self):
        """(index, agents) of prior regimens the cancer progressed on, given
        for advanced disease, with their drugs recorded."""
        return [(i, self.prior_agents(p)) for i, p in enumerate(self.priors_list)
                if p.get("setting") in ADVANCED_SETTINGS and p.get("response") == "progression"
                and p.get("agents")]

    @cached_property
    def not_tolerated(self):
        return [(i, self.prior_agents(p)) for i, p in enumerate(self.priors_list)
                if p.get("tolerated") is False and p.get("agents")]

    def exposed_to(self, drug):
        """The drug is among the medications or the prior treatments."""
        return any(m.get("agent") == drug for m in self.medications or []) or \
            any(drug in p.get("agents", []) for p in self.priors_list)

    def on_drug(self, drug):
        """Still given: an active medication or an ongoing prior treatment."""
        return any(m.get("agent") == drug and m.get("status") == "active"
                   for m in self.medications or []) or \
            any(drug in p.get("agents", []) and p.get("ongoing") is True
                for p in self.priors_list)

    @cached_property
    def elective_surgery(self):
        return [p for p in self.procedures or [] if p.get("type") == "elective-surgery"]

    @cached_property
    def distant_disease(self):
        """Distant disease recorded (yes), whatever the rule base derives."""
        return bool(self.metastases) or \
            "distant" in (self.recurrence.get("sites") or []) or \
            any(i.get("distant_disease") is True for i in self.imaging or [])

    @cached_property
    def side_wall(self):
        return self.recurrence.get("side_wall") is True or \
            "pelvic-side-wall" in (self.recurrence.get("sites") or [])


# ------------------------------------------------------------------ the result


class Option:
    """A recommendation of a result, or an option it lists as possible (the
    `possible` list, or `status` "possible"), with what it is. Every
    attribute is computed once: invariants read them thousands of times."""

    def __init__(self, item, possible=False):
        self.item = item
        self.id = item.get("id")
        self.modality = modality = item.get("modality")
        self.agents = frozenset(item.get("agents") or [])
        self.choices = frozenset(item.get("choices") or [])
        self.drugs = drugs = self.agents | self.choices
        self.target = item.get("target")
        self.procedure = procedure = item.get("procedure") or ""
        self.intent = item.get("intent")
        self.with_chemotherapy = item.get("with_chemotherapy") is True
        self.requires = item.get("requires") or []
        # Blocked only by facts the case does not record: listed under
        # `possible`, or with `status` "possible". Otherwise offered.
        self.offered = not possible and item.get("status", "offered") != "possible"
        self.contains_chemotherapy = bool(drugs & CHEMOTHERAPY) or \
            modality in ("chemotherapy", "chemoradiation")
        self.chemotherapy_or_with_it = self.contains_chemotherapy or self.with_chemotherapy
        self.hormonal = bool(drugs & HORMONAL) or modality in ("hormonal", "ovarian-suppression")
        self.ovarian_suppression = modality == "ovarian-suppression" or \
            bool(drugs & LHRH_AGONIST) or "ovarian" in procedure
        self.radiation = modality in RADIATION_MODALITIES
        # Radiation to the pelvis, or radiation that does not say where.
        self.maybe_pelvic_radiation = self.radiation and self.target in (None, "pelvis")
        self.tumour_surgery = modality == "surgery" and (
            self.intent == "curative" or any(w in procedure for w in TUMOUR_SURGERY_WORDS))
        self.exenteration = "exenteration" in procedure
        self.supportive = modality == "supportive-care"
        # Treats the cancer itself, by what it is (not what it declares).
        self.anticancer = bool(drugs & ANTICANCER) or modality in ANTICANCER_MODALITIES or \
            self.tumour_surgery
        self.cancer_directed = item.get("cancer_directed") is not False or self.anticancer

    def brief(self):
        keys = ("id", "modality", "agents", "choices", "procedure", "target", "intent",
                "cancer_directed", "with_chemotherapy", "requires", "history", "lead", "status")
        return {k: self.item[k] for k in keys if k in self.item}


class Result:
    """One output record of `oncorules batch`."""

    def __init__(self, data):
        self.data = data
        # Offered options, then the possible ones: what an invariant forbids
        # is forbidden in both; "not offered outright" reads Option.offered.
        self.options = [Option(r) for r in data.get("recommendations", [])] + \
            [Option(r, possible=True) for r in data.get("possible", [])]
        self.cards = data.get("cards")
        self.warnings = data.get("warnings", [])
        self.exclusions = data.get("exclusions", [])
        self.notes = data.get("notes", [])
        self.missing = data.get("missing_information", [])

    @cached_property
    def excluded_options(self):
        return {e.get("option") for e in self.exclusions}

    def items(self):
        """Every concluded item with its list name."""
        for name in ("recommendations", "possible", "warnings", "exclusions", "notes"):
            for item in self.data.get(name, []):
                yield name, item

    def with_drug(self, drugs):
        return [o for o in self.options if o.drugs & drugs]

    def warnings_citing(self, drug, *quotes):
        """Warnings about `drug` whose evidence cites one of `quotes`."""
        found = []
        for w in self.warnings:
            if w.get("agent") != drug:
                continue
            cited = " ".join(e.get("quote", "") for e in w.get("evidence", []))
            if any(q in cited for q in quotes):
                found.append(w)
        return found
