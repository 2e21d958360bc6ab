"""invariants.py: what must hold for every patient, each tied to a sentence.

An invariant is a function of one generated case and its result. It
returns None when its premise does not hold for the case (it has nothing to
say), else the offending items (a list or any iterable): none means it
holds.

Each one is registered with the sentence it rests on: a file (a source
under rules/sources/, or a page of docs/ for a property of the engine) and
a verbatim quote from it, which the runner checks before anything else
(modulo runs of whitespace), and the reading: what a clinician reading the
sentence would act on. Read the sources, never today's rules, to write one.
"""
import re

from clinical import (ABSENT, ANTHRACYCLINE, ANTICANCER, ANTI_HER2, AROMATASE_INHIBITOR,
                      BISPHOSPHONATE, DRUG_CLASSES, EARLY_STAGES, EXCLUSIVE_CLASSES,
                      GRADED_BEVACIZUMAB_EVENTS, HYPERTENSIVE_EVENTS, LARGEST_REGIMEN,
                      RADIATION_TYPES, TAXANE)

INVARIANTS = []

CERVIX_STAGE4 = "000_49ffac177dcf7645.txt"
CERVIX_RECURRENT = "001_78575e265add836c.txt"
ANAL_STAGE4 = "002_ce5144216419e930.txt"
CERVIX_SCC = "003_4fdd2d6f18fb6015.txt"
BREAST_STAGE4 = "004_e2ff6cf0888c64ad.txt"
OUTPUT_FORMAT = "docs/output-format.md"
CASE_FORMAT = "docs/case-format.md"
DESIGN = "docs/design.md"
PERFORMANCE = "docs/performance.md"


class Invariant:
    def __init__(self, name, source, quote, reading, check, whole_run=False,
                 premise_from_output=False):
        self.name = name
        self.source = source
        self.quote = quote
        self.reading = reading
        self.check = check
        # Checked by the runner over the whole run (two runs compared), not
        # by `check` on one result.
        self.whole_run = whole_run
        # Its premise is something the output shows (a lead mark, cards),
        # which a rule base may not produce yet: the runner does not ask
        # the generator to reach it.
        self.premise_from_output = premise_from_output


def invariant(name, source, quote, reading, whole_run=False, premise_from_output=False):
    def register(check):
        if any(i.name == name for i in INVARIANTS):
            raise SystemExit("invariants.py: two invariants named %s" % name)
        INVARIANTS.append(Invariant(name, source, quote, reading, check, whole_run,
                                    premise_from_output))
        return check
    return register


def when(premise, offending):
    """None when the premise does not hold, else the offending items (a
    list or a generator: the runner reads it only when the premise holds)."""
    return offending if premise else None


def briefs(options):
    """The options, as the report shows them (lazily)."""
    return (o.brief() for o in options)


# =================================================================== engine

@invariant("one-result-per-line", OUTPUT_FORMAT,
           "No line is ever dropped",
           "Batch answers every input line once, in input order, with its line number and "
           "the case id.")
def _(case, result, ctx):
    bad = []
    if result.data.get("line") != case.line:
        bad.append({"line": result.data.get("line"), "expected": case.line})
    if result.data.get("case") != case.data.get("id"):
        bad.append({"case": result.data.get("case"), "expected": case.data.get("id")})
    return bad


def run_limit(error):
    """An error record of a run limit (docs/performance.md, "Limits")."""
    return error.get("pointer") == "" and "for this case: stopped" in error.get("message", "")


@invariant("generated-case-accepted", CASE_FORMAT,
           "It is generated from the same table the validator uses",
           "A case valid by docs/case.schema.json is accepted by the validator: the schema and "
           "the validator do not drift apart.")
def _(case, result, ctx):
    return [e for e in result.data.get("errors", []) if not run_limit(e)]


@invariant("valid-case-within-run-limits", PERFORMANCE,
           "The largest valid case (every list at 256 items, every drug in each of 256\nprior "
           "treatments) evaluates in well under a second.",
           "The run limits (rule firings, facts in working memory) stop a runaway rule base; a "
           "valid case never reaches them: it gets an answer.")
def _(case, result, ctx):
    return [e for e in result.data.get("errors", []) if run_limit(e)]


@invariant("deterministic-output", OUTPUT_FORMAT,
           "The same case and rule base always give the same bytes",
           "Two runs of the same input, one with -j 2 and one with -j 1, give byte-identical "
           "output (\"The bytes do not depend on `-j`\").", whole_run=True)
def _(case, result, ctx):
    return []


@invariant("ids-unique-per-list", OUTPUT_FORMAT,
           "Two rules that conclude the same `id` give one item",
           "No id appears twice in recommendations, possible options, warnings, exclusions or "
           "notes.")
def _(case, result, ctx):
    bad = []
    for name in ("recommendations", "possible", "warnings", "exclusions", "notes"):
        ids = [item.get("id") for item in result.data.get(name, [])]
        bad += [{"list": name, "id": i} for i in sorted(set(ids)) if ids.count(i) > 1]
    return bad


@invariant("lists-sorted-by-id", OUTPUT_FORMAT,
           "Items of each list are sorted by `id`.",
           "Warnings, exclusions and notes come in id order, so firing order never shows "
           "(recommendations are ordered by their lead marks, checked below).")
def _(case, result, ctx):
    bad = []
    for name in ("warnings", "exclusions", "notes"):
        ids = [item.get("id") for item in result.data.get(name, [])]
        if ids != sorted(ids):
            bad.append({"list": name, "ids": ids})
    return bad


@invariant("rule-and-evidence", OUTPUT_FORMAT,
           "`evidence`: the cited passages: `source` (file under `rules/sources/`), "
           "`ref` (knowledge-map label), `quote` (verbatim).",
           "Every recommendation, warning, exclusion and note names its rule and cites at "
           "least one passage, each with source, ref and quote.")
def _(case, result, ctx):
    bad = []
    for name, item in result.items():
        evidence = item.get("evidence") or []
        if not item.get("rule") or not evidence or \
                any(not (e.get("source") and e.get("ref") and e.get("quote")) for e in evidence):
            bad.append({"list": name, "id": item.get("id"), "rule": item.get("rule"),
                        "evidence": evidence})
    return bad


@invariant("quotes-verbatim", OUTPUT_FORMAT,
           "`quote` (verbatim)",
           "Every evidence quote appears word for word in rules/sources/<source> (runs of "
           "whitespace count as one space).")
def _(case, result, ctx):
    bad = []
    for name, item in result.items():
        for e in item.get("evidence") or []:
            if not ctx.quote_in_source(e.get("source"), e.get("quote")):
                bad.append({"list": name, "id": item.get("id"), "source": e.get("source"),
                            "quote": e.get("quote")})
    return bad


@invariant("evidence-refs-in-knowledge-map", OUTPUT_FORMAT,
           "`ref` (knowledge-map label)",
           "Every evidence ref is a label of rules/knowledge-map.md.")
def _(case, result, ctx):
    return [{"id": item.get("id"), "ref": e.get("ref")}
            for _, item in result.items() for e in item.get("evidence") or []
            if e.get("ref") not in ctx.labels]


@invariant("because-pointers-in-case", OUTPUT_FORMAT,
           "each with the JSON pointers of the case data behind it",
           "Every pointer of a `because` statement (of items and of history marks) is a JSON "
           "pointer of the case format, and a list item it names exists in the case.")
def _(case, result, ctx):
    bad = []
    for name, item in result.items():
        statements = list(item.get("because") or [])
        for mark in item.get("history") or []:
            statements += mark.get("because") or []
        for b in statements:
            for p in b.get("pointers") or []:
                problem = ctx.pointer_problem(case.data, p)
                if problem:
                    bad.append({"id": item.get("id"), "pointer": p, "problem": problem})
    return bad


@invariant("missing-fields-are-case-pointers", CASE_FORMAT,
           "a decision that depends on a field that is not recorded is reported under "
           "`missing_information`",
           "Every missing_information field is a JSON pointer of the case format.")
def _(case, result, ctx):
    return [m for m in result.missing if ctx.pointer_problem(case.data, m.get("field"))]


@invariant("missing-fields-not-recorded", CASE_FORMAT,
           "a decision that depends on a field that is not recorded is reported under "
           "`missing_information`",
           "A missing_information field that holds one value (not a list or an object) is "
           "absent from the case, recorded as \"unknown\" (which counts like not recorded), or "
           "recorded as a group the vocabulary refines (stage IV asked as IVA or IVB), or "
           "the entry says what the case holds there and why it decides nothing "
           "(`undecided`).")
def _(case, result, ctx):
    bad = []
    for m in result.missing:
        field = m.get("field") or ""
        if ctx.pointer_problem(case.data, field) or not ctx.is_scalar_field(field) or \
                m.get("undecided") is not None:
            continue
        value = ctx.value_at(case.data, field)
        refinable = isinstance(value, str) and any(
            v != value and v.startswith(value) for v in ctx.allowed_values(field))
        if value is not ABSENT and value != "unknown" and not refinable:
            bad.append({"field": field, "recorded": value, "needed_for": m.get("needed_for")})
    return bad


@invariant("not-recorded-means-absent", OUTPUT_FORMAT,
           "A field the case records that does not decide the finding is never called "
           "\"not recorded\"",
           "A field given as not recorded (a missing_information entry whose `undecided` is "
           "null, a possible option's `if` field not listed under `undecided`) is absent from "
           "the case; a field listed as undecided is recorded (clinician review finding 10: "
           "\"not recorded: /prior_treatments\" when prior treatments were recorded).")
def _(case, result, ctx):
    bad = []

    def check(field, undecided, where):
        if not field or ctx.pointer_problem(case.data, field):
            return
        recorded = ctx.value_at(case.data, field) not in (ABSENT, None)
        if recorded != undecided:
            bad.append({"field": field, "where": where, "recorded": recorded,
                        "said": "undecided" if undecided else "not recorded"})
    for m in result.missing:
        check(m.get("field"), m.get("undecided") is not None, "missing_information")
    for p in result.data.get("possible", []):
        for w in p.get("if") or []:
            said = {u.get("field") for u in w.get("undecided") or []}
            for field in w.get("fields") or []:
                check(field, field in said, p.get("id"))
    return bad


@invariant("no-missing-for-excluded", DESIGN,
           "Missing information is not reported for an option an exclusion rules out",
           "No option named by missing_information is ruled out by an exclusion.")
def _(case, result, ctx):
    return [m for m in result.missing
            if set(m.get("options") or []) & result.excluded_options]


@invariant("excluded-not-recommended", DESIGN,
           "an `exclusion` whose `option` names a recommendation that fired removes",
           "No recommendation (or possible option) is also ruled out by an exclusion.")
def _(case, result, ctx):
    return briefs(o for o in result.options if o.id in result.excluded_options)


@invariant("exclusions-name-their-option", DESIGN,
           "an `exclusion` whose `option` names a recommendation that fired removes",
           "Every exclusion names the option it rules out.")
def _(case, result, ctx):
    return [{"id": e.get("id"), "option": e.get("option")} for e in result.exclusions
            if not isinstance(e.get("option"), str) or not e.get("option")]


@invariant("warning-options-offered", DESIGN,
           "a warning, note or `missing` fact whose basis holds an option that a gate\nholds "
           "back (excluded or pending) is not listed",
           "A warning that names an option (\"a `warning` may name an `option`\") names one "
           "the result offers, as a recommendation or as possible: never an option ruled out.")
def _(case, result, ctx):
    offered = {o.id for o in result.options}
    return [{"id": w.get("id"), "option": w.get("option")} for w in result.warnings
            if w.get("option") is not None and w.get("option") not in offered]


def lead_card_problems(result, lead_ids):
    """Where the decision cards do not put the options of `lead_ids` first:
    each must open its card (its options, or its possible options for one
    listed as possible), and its card must come before every other card but
    the status card. No cards in the result: nothing to check
    (the lists stay sorted by id)."""
    if result.cards is None:
        return []
    bad = []
    order = [c.get("id") for c in result.cards if c.get("kind") != "status"]
    holding = {}  # option id -> (card, the card's list that holds it)
    for card in result.cards:
        for name in ("options", "possible"):
            for option in card.get(name) or []:
                holding[option] = (card, card.get(name))
    leading = {holding[i][0].get("id") for i in lead_ids if i in holding}
    for i in lead_ids:
        card, listed = holding.get(i, (None, None))
        if card is None or listed[0] not in lead_ids:
            bad.append({"option": i, "card": card.get("id") if card else None,
                        "listed": listed})
    if leading and set(order[:len(leading)]) != leading:
        bad.append({"cards": order, "leading": sorted(leading)})
    return bad


@invariant("lead-options-first", DESIGN,
           "a `lead` mark puts the option first",
           "An option with a lead opens its decision card, and that card comes first after "
           "the status card.", premise_from_output=True)
def _(case, result, ctx):
    leads = [o.id for o in result.options if o.item.get("lead") is not None]
    return when(leads, lead_card_problems(result, leads))


@invariant("history-marks-well-formed", DESIGN,
           "a `history` mark (`received`, `progressed-on`, `not-tolerated`,\n  `adverse-event`) is "
           "shown on the option (`history`, with the pointer of\n  the prior treatment, or of the "
           "adverse event)",
           "Every history entry has one of the four statuses and points at a prior treatment "
           "or a medication of the case, or, for adverse-event, at an adverse event.")
def _(case, result, ctx):
    bad = []
    for o in result.options:
        for mark in o.item.get("history") or []:
            pointers = [p for b in mark.get("because") or [] for p in b.get("pointers") or []]
            where = r"^/adverse_events/\d+" if mark.get("status") == "adverse-event" \
                else r"^/(prior_treatments|medications)/\d+"
            if mark.get("status") not in ("received", "progressed-on", "not-tolerated",
                                          "adverse-event") or \
                    not any(re.match(where, p) for p in pointers):
                bad.append({"id": o.id, "history": mark})
    return bad


@invariant("not-covered-says-so", OUTPUT_FORMAT,
           "`\"not covered\"` otherwise, with\n  `scope_reason` saying what the case is and what "
           "the rule base covers.",
           "A case no guideline covers says so with a scope_reason and lists no option and no "
           "guideline; a covered case names its guidelines.")
def _(case, result, ctx):
    d = result.data
    if d.get("scope") == "not covered":
        if not d.get("scope_reason") or result.options or d.get("guidelines"):
            return [{"scope": d.get("scope"), "scope_reason": d.get("scope_reason"),
                     "guidelines": d.get("guidelines"), "recommendations": len(result.options)}]
        return []
    if d.get("scope") != "covered" or not d.get("guidelines"):
        return [{"scope": d.get("scope"), "guidelines": d.get("guidelines")}]
    return []


@invariant("agents-are-a-regimen", DESIGN,
           "drugs given together: a regimen, never a menu",
           "`agents` holds at most %d drugs (the largest regimen the sources name: "
           "pembrolizumab with cisplatin, paclitaxel and bevacizumab) and never two drugs of a "
           "class no source regimen combines (two platinum drugs, two taxanes, two aromatase "
           "inhibitors, ...): alternatives go in `choices`." % LARGEST_REGIMEN)
def _(case, result, ctx):
    bad = []
    for name, item in result.items():
        agents = item.get("agents") or []
        if len(agents) < 2:
            continue
        doubled = [c for c in EXCLUSIVE_CLASSES
                   if sum(1 for a in agents if c in DRUG_CLASSES.get(a, ())) > 1]
        if len(agents) > LARGEST_REGIMEN or doubled:
            bad.append({"list": name, "id": item.get("id"), "agents": agents,
                        "same class": doubled})
    return bad


@invariant("form-says-regimen-or-menu", OUTPUT_FORMAT,
           "`form` says which, so that no reader takes a menu for a regimen",
           "An option's form agrees with its drugs: \"regimen\" agents only, \"menu\" choices "
           "only, \"regimen-with-choice\" both, \"none\" neither.", premise_from_output=True)
def _(case, result, ctx):
    expected = {(True, False): "regimen", (False, True): "menu",
                (True, True): "regimen-with-choice", (False, False): "none"}
    with_form = [o for o in result.options if "form" in o.item]
    return when(with_form, ({"id": o.id, "form": o.item["form"], "agents": sorted(o.agents),
                             "choices": sorted(o.choices)} for o in with_form
                            if o.item["form"] != expected[(bool(o.agents), bool(o.choices))]))


@invariant("cards-hold-each-item-once", OUTPUT_FORMAT,
           "Every\nrecommendation, possible option, warning and exclusion is on exactly one\ncard",
           "With decision cards in the result, each recommendation, possible option, warning "
           "and exclusion is listed on exactly one card, and a card lists only items of the "
           "result.", premise_from_output=True)
def _(case, result, ctx):
    if result.cards is None:
        return None
    bad = []
    for name in ("recommendations", "possible", "warnings", "exclusions"):
        listed = "options" if name == "recommendations" else name
        on_cards = [i for card in result.cards for i in card.get(listed) or []]
        ids = [item.get("id") for item in result.data.get(name, [])]
        for i in sorted(set(ids) | set(on_cards)):
            if on_cards.count(i) != 1 or i not in ids:
                bad.append({"list": name, "id": i, "on cards": on_cards.count(i)})
    return bad


# =================================================================== what options declare

@invariant("supportive-care-not-cancer-directed", CERVIX_STAGE4,
           "You may want to consider a type of care to make you feel better without treating "
           "the cancer itself.",
           "Supportive care declares cancer_directed false, so the gates keep it when the "
           "patient cannot have or does not want cancer treatment.")
def _(case, result, ctx):
    return briefs(o for o in result.options
                  if o.supportive and o.item.get("cancer_directed") is not False)


@invariant("cancer-treatment-declared-cancer-directed", DESIGN,
           "`FALSE` for care that does not treat the cancer itself (supportive care)",
           "An option with a drug that treats the cancer, a modality that treats it, or "
           "surgery that removes the tumour never declares cancer_directed false.")
def _(case, result, ctx):
    return briefs(o for o in result.options
                  if o.anticancer and o.item.get("cancer_directed") is False)


@invariant("bevacizumab-declared-with-chemotherapy", CERVIX_STAGE4,
           "It is usually given in combination with chemotherapy.",
           "An option with bevacizumab and no chemotherapy among its drugs declares "
           "with_chemotherapy, so the chemotherapy gates see it.")
def _(case, result, ctx):
    return briefs(o for o in result.options
                  if "bevacizumab" in o.drugs and not o.chemotherapy_or_with_it)


@invariant("pembrolizumab-declared-with-chemotherapy", CERVIX_STAGE4,
           "Pembrolizumab (Keytruda) may also be offered for metastatic cervical cancer in "
           "combination with chemotherapy.",
           "An option with pembrolizumab contains chemotherapy or declares with_chemotherapy.")
def _(case, result, ctx):
    return briefs(o for o in result.options
                  if "pembrolizumab" in o.drugs and not o.chemotherapy_or_with_it)


@invariant("pertuzumab-with-trastuzumab-and-taxane", BREAST_STAGE4,
           "Pertuzumab (Perjeta) is another drug designed to target HER2 proteins that is used "
           "with trastuzumab and taxane chemotherapy",
           "An option with pertuzumab also gives trastuzumab, and a taxane (among its drugs, or "
           "declared with_chemotherapy).")
def _(case, result, ctx):
    return briefs(o for o in result.options if "pertuzumab" in o.drugs and
                  not ("trastuzumab" in o.drugs and (o.drugs & TAXANE or o.with_chemotherapy)))


@invariant("chemotherapy-names-its-drugs", DESIGN,
           "Whether an option contains chemotherapy follows from the drug classes of\n"
           "its agents and choices",
           "A chemotherapy or chemoradiation option names its drugs in agents or choices, or "
           "declares with_chemotherapy (radiation given with the chemotherapy of another "
           "option), so that the chemotherapy gates see it.")
def _(case, result, ctx):
    return briefs(o for o in result.options if o.modality in ("chemotherapy", "chemoradiation")
                  and not o.drugs and not o.with_chemotherapy)


@invariant("radiation-declares-target", DESIGN,
           "whether it is radiation to the pelvis, from its modality and `target`",
           "Every radiation, chemoradiation or brachytherapy option says where (target), so "
           "the pelvic contraindication can apply to the pelvis and nowhere else.")
def _(case, result, ctx):
    return briefs(o for o in result.options if o.radiation and o.target is None)


@invariant("exenteration-requires-adequate-performance-status", CERVIX_SCC,
           "Pelvic exenteration should only be offered to highly selected patients with central "
           "recurrence, adequate performance status, and no evidence of distant disease",
           "Pelvic exenteration declares requires adequate-performance-status.")
def _(case, result, ctx):
    return briefs(o for o in result.options
                  if o.exenteration and "adequate-performance-status" not in o.requires)


@invariant("cervix-pelvic-surgery-requires-adequate-performance-status", CERVIX_SCC,
           "Pelvic exenteration should only be offered to highly selected patients with central "
           "recurrence, adequate performance status, and no evidence of distant disease",
           "Every surgery to the pelvis for recurrent cervical cancer (exenteration, resection, "
           "radical hysterectomy) declares requires adequate-performance-status (reading G4: "
           "the selection for surgery applies to major pelvic surgery after radiation, whatever "
           "the histology).")
def _(case, result, ctx):
    return when(case.cervix_recurrent, briefs(
        o for o in result.options if o.modality == "surgery" and o.target == "pelvis" and
        "adequate-performance-status" not in o.requires))


# =================================================================== patient-level gates

@invariant("chemotherapy-declined", BREAST_STAGE4,
           "women who cannot or do not wish to have chemotherapy",
           "A patient who declines chemotherapy is offered nothing that contains chemotherapy "
           "or is given with it.")
def _(case, result, ctx):
    return when(case.declines_chemo is True,
                briefs(o for o in result.options if o.chemotherapy_or_with_it))


@invariant("chemotherapy-unsuitable", BREAST_STAGE4,
           "women who cannot or do not wish to have chemotherapy",
           "A patient the team judges unfit for chemotherapy is offered nothing that contains "
           "chemotherapy or is given with it.")
def _(case, result, ctx):
    return when(case.chemo_suitable is False,
                briefs(o for o in result.options if o.chemotherapy_or_with_it))


@invariant("bevacizumab-needs-chemotherapy", CERVIX_STAGE4,
           "It is usually given in combination with chemotherapy.",
           "Chemotherapy declined or unsuitable: no option with bevacizumab.")
def _(case, result, ctx):
    return when(case.no_chemotherapy, briefs(result.with_drug({"bevacizumab"})))


@invariant("pembrolizumab-needs-chemotherapy", CERVIX_STAGE4,
           "Pembrolizumab (Keytruda) may also be offered for metastatic cervical cancer in "
           "combination with chemotherapy.",
           "Chemotherapy declined or unsuitable: no option with pembrolizumab.")
def _(case, result, ctx):
    return when(case.no_chemotherapy, briefs(result.with_drug({"pembrolizumab"})))


@invariant("declines-active-treatment", ANAL_STAGE4,
           "If you can't have or don't want cancer treatment",
           "A patient who declines active treatment is offered no option that treats the "
           "cancer (declared cancer-directed, or by its drugs, modality or surgery).")
def _(case, result, ctx):
    return when(case.declines_active is True,
                briefs(o for o in result.options
                       if o.anticancer or (o.cancer_directed and not o.supportive)))


@invariant("active-treatment-not-possible", ANAL_STAGE4,
           "If you can't have or don't want cancer treatment",
           "When the team judges active treatment not possible, no option treats the cancer.")
def _(case, result, ctx):
    return when(case.active_possible is False,
                briefs(o for o in result.options
                       if o.anticancer or (o.cancer_directed and not o.supportive)))


@invariant("supportive-care-leads-without-treatment", ANAL_STAGE4,
           "You may want to consider a type of care to make you feel better without treating "
           "the cancer itself.",
           "Cervix stage 4, recurrent cervix, anal stage 4 (the sources that give supportive "
           "care): a patient who declines or cannot have active treatment gets supportive care "
           "with a lead (first on the decision cards).")
def _(case, result, ctx):
    if not (case.supportive_care_source and case.no_active_treatment):
        return None
    leading = [o.id for o in result.options if o.supportive and o.item.get("lead") is not None]
    if not leading:
        return [{"supportive care with a lead": None,
                 "recommendations": [o.id for o in result.options]}]
    return lead_card_problems(result, leading)


def supportive_care_leads(result):
    """Offending items when no supportive care option carries a lead."""
    if any(o.supportive and o.item.get("lead") is not None for o in result.options):
        return []
    return [{"supportive care with a lead": None,
             "recommendations": [o.id for o in result.options]}]


@invariant("supportive-care-leads-when-treatment-stopped-working", ANAL_STAGE4,
           "This may be because the cancer treatments don't work anymore",
           "Cervix stage 4, recurrent cervix, anal stage 4: after progression on a treatment "
           "given for advanced disease (setting metastatic or recurrent, response progression), "
           "supportive care comes first (it has a lead).")
def _(case, result, ctx):
    return when(case.supportive_care_source and case.progressed_on_in_advanced_disease,
                supportive_care_leads(result))


@invariant("supportive-care-leads-when-side-effects-hard", ANAL_STAGE4,
           "they may cause side effects that are hard to cope with",
           "Cervix stage 4, recurrent cervix, anal stage 4: after a chemotherapy, targeted "
           "therapy or immunotherapy whose side effects were not tolerated, supportive care "
           "comes first (it has a lead).")
def _(case, result, ctx):
    premise = case.supportive_care_source and any(
        p.get("tolerated") is False and
        p.get("type") in ("chemotherapy", "chemoradiation", "targeted", "immunotherapy")
        for p in case.priors_list)
    return when(premise, supportive_care_leads(result))


@invariant("supportive-care-leads-at-poor-performance-status", CERVIX_SCC,
           "For patients with multiple pelvic nodes, distant metastases, or poor performance "
           "status, palliative/best supportive care should be discussed alongside systemic "
           "therapy options",
           "Cervix stage 4, recurrent cervix, anal stage 4 at ECOG 3-4 (poor performance "
           "status; 000 and 002: treatments \"not likely to improve your condition\"): "
           "supportive care comes first (it has a lead).")
def _(case, result, ctx):
    return when(case.supportive_care_source and case.ecog in (3, 4),
                supportive_care_leads(result))


@invariant("supportive-care-listed", ANAL_STAGE4,
           "This may be because the cancer treatments don't work anymore, they're not likely to "
           "improve your condition or they may cause side effects that are hard to cope with.",
           "Where the source gives supportive care (cervix stage 4, recurrent cervix, anal "
           "stage 4) it is an option in every covered case, beside treatment; it needs no flag.")
def _(case, result, ctx):
    if not case.supportive_care_source:
        return None
    return [] if any(o.supportive for o in result.options) else \
        [{"recommendations": [o.id for o in result.options]}]


@invariant("fitness-and-wishes-never-missing", ANAL_STAGE4,
           "There may be other reasons why you can't have or don't want cancer treatment.",
           "Whether the patient declines, or can have, active treatment is never asked for as "
           "missing information: not recorded means not declined and not ruled out.")
def _(case, result, ctx):
    asked = ("/preferences/declines_active_treatment", "/fitness/active_treatment_possible")
    return [m for m in result.missing if m.get("field") in asked]


@invariant("poor-performance-status-no-exenteration", CERVIX_SCC,
           "Pelvic exenteration should only be offered to highly selected patients with central "
           "recurrence, adequate performance status, and no evidence of distant disease",
           "ECOG 3-4 (limited self-care, in bed or chair: poor performance status) rules out "
           "pelvic exenteration and every option that requires adequate performance status.")
def _(case, result, ctx):
    return when(case.ecog in (3, 4),
                briefs(o for o in result.options
                       if o.exenteration or "adequate-performance-status" in o.requires))


@invariant("ecog-2-exenteration-flagged", CERVIX_SCC,
           "Pelvic exenteration should only be offered to highly selected patients with central "
           "recurrence, adequate performance status, and no evidence of distant disease",
           "At ECOG 2 performance status is left to the team: exenteration is flagged, by a "
           "warning that names it, or offered only as 'possible'.")
def _(case, result, ctx):
    flagged = {w.get("option") for w in result.warnings}
    return when(case.ecog == 2, briefs(o for o in result.options
                                       if o.exenteration and o.offered and o.id not in flagged))


@invariant("ecog-unrecorded-exenteration-not-offered", CERVIX_SCC,
           "Pelvic exenteration should only be offered to highly selected patients with central "
           "recurrence, adequate performance status, and no evidence of distant disease",
           "With no ECOG recorded, exenteration is not offered outright (at most 'possible', "
           "with the ECOG asked for).")
def _(case, result, ctx):
    return when(case.ecog is None,
                briefs(o for o in result.options if o.exenteration and o.offered))


@invariant("palliative-care-discussed-recurrent-scc", CERVIX_SCC,
           "For patients with multiple pelvic nodes, distant metastases, or poor performance "
           "status, palliative/best supportive care should be discussed alongside systemic "
           "therapy options",
           "Recurrent squamous cervical cancer with ECOG 3-4, multiple pelvic nodes or distant "
           "metastases: supportive care is an option.")
def _(case, result, ctx):
    premise = case.cervix_recurrent and case.histology == "squamous-cell-carcinoma" and (
        case.ecog in (3, 4) or case.recurrence.get("multiple_pelvic_nodes") is True or
        bool(case.metastases))
    return when(premise, [] if any(o.supportive for o in result.options)
                else [{"recommendations": [o.id for o in result.options]}])


# =================================================================== biomarkers, menopause

@invariant("her2-negative-no-anti-her2", BREAST_STAGE4,
           "Herceptin is offered to women with HER2-positive tumours.",
           "HER2-negative: no option with trastuzumab, pertuzumab or trastuzumab emtansine.")
def _(case, result, ctx):
    return when(case.biomarker("HER2") == "negative", briefs(result.with_drug(ANTI_HER2)))


@invariant("her2-unrecorded-anti-her2-not-offered", BREAST_STAGE4,
           "Herceptin is offered to women with HER2-positive tumours.",
           "HER2 not recorded or unknown: no anti-HER2 option offered outright (at most "
           "'possible').")
def _(case, result, ctx):
    return when(case.biomarker("HER2") in (None, "unknown"),
                briefs(o for o in result.with_drug(ANTI_HER2) if o.offered))


@invariant("hormone-receptor-negative-no-hormonal", BREAST_STAGE4,
           "hormone receptor–positive tumours (ER+, PR+ or both)",
           "ER-negative and PR-negative: no hormonal option (aromatase inhibitor, tamoxifen, "
           "ovarian ablation). The other bullets say when hormonal therapy is favoured for a "
           "tumour that is, or may be, hormone sensitive.")
def _(case, result, ctx):
    return when(case.biomarker("ER") == "negative" and case.biomarker("PR") == "negative",
                briefs(o for o in result.options if o.hormonal))


@invariant("hormone-receptor-status-half-recorded", BREAST_STAGE4,
           "tumours where the hormone receptor status is unknown",
           "One receptor negative and the other not recorded is a gap in the record, not an "
           "unknown status: no hormonal option offered outright (at most 'possible', with the "
           "other receptor asked for).")
def _(case, result, ctx):
    er, pr = case.biomarker("ER"), case.biomarker("PR")
    premise = (er == "negative" and pr is None) or (pr == "negative" and er is None)
    return when(premise, briefs(o for o in result.options if o.hormonal and o.offered))


@invariant("aromatase-inhibitor-not-premenopausal", BREAST_STAGE4,
           "aromatase inhibitors – used only in post-menopausal women",
           "Premenopausal: no option with an aromatase inhibitor.")
def _(case, result, ctx):
    return when(case.menopause == "pre", briefs(result.with_drug(AROMATASE_INHIBITOR)))


@invariant("aromatase-inhibitor-menopause-unrecorded", BREAST_STAGE4,
           "aromatase inhibitors – used only in post-menopausal women",
           "Menopausal status not recorded or unknown: no aromatase inhibitor offered "
           "outright (at most 'possible').")
def _(case, result, ctx):
    return when(case.menopause in (None, "unknown"),
                briefs(o for o in result.with_drug(AROMATASE_INHIBITOR) if o.offered))


@invariant("ovarian-ablation-premenopausal-only", BREAST_STAGE4,
           "ovarian ablation – may be offered to premenopausal women who do not wish to take "
           "other types of hormonal therapy",
           "Post-menopausal: no ovarian ablation (LHRH agonist, surgery or radiation).")
def _(case, result, ctx):
    return when(case.menopause == "post",
                briefs(o for o in result.options if o.ovarian_suppression))


@invariant("ovarian-ablation-when-other-hormonal-declined", BREAST_STAGE4,
           "ovarian ablation – may be offered to premenopausal women who do not wish to take "
           "other types of hormonal therapy",
           "Ovarian ablation is offered outright only to a woman who declines other hormonal "
           "therapy; not at all when she is recorded as not declining it.")
def _(case, result, ctx):
    if case.declines_other_hormonal is True:
        return None
    return briefs(o for o in result.options if o.ovarian_suppression and
                  (o.offered or case.declines_other_hormonal is False))


@invariant("pembrolizumab-pd-l1-negative", CERVIX_RECURRENT,
           "Pembrolizumab is only used for cervical cancer tumours that have the PD-L1 "
           "checkpoint protein.",
           "PD-L1 negative: no option with pembrolizumab.")
def _(case, result, ctx):
    return when(case.biomarker("PD-L1") == "negative", briefs(result.with_drug({"pembrolizumab"})))


@invariant("pembrolizumab-pd-l1-unrecorded", CERVIX_RECURRENT,
           "Pembrolizumab is only used for cervical cancer tumours that have the PD-L1 "
           "checkpoint protein.",
           "PD-L1 not recorded or unknown: pembrolizumab is not offered outright (at most "
           "'possible', with PD-L1 asked for).")
def _(case, result, ctx):
    return when(case.biomarker("PD-L1") in (None, "unknown"),
                briefs(o for o in result.with_drug({"pembrolizumab"}) if o.offered))


# =================================================================== treatment history

def metastatic_chemo_regimens(case):
    """(definite, possible) counts of prior chemotherapy regimens given for
    metastatic disease (Case.for_advanced_disease: yes; yes or unknown).
    With no prior treatments recorded, any number is possible."""
    said = [case.for_advanced_disease(p) for p in case.priors_list if case.is_chemo_regimen(p)]
    possible = said.count("yes") + said.count("unknown")
    return said.count("yes"), float("inf") if case.priors is None else possible


@invariant("eribulin-after-two-metastatic-regimens", BREAST_STAGE4,
           "Eribulin may be used to treat metastatic breast cancer in women who have received "
           "at least 2 other chemotherapy regimens for metastatic disease.",
           "Eribulin is offered only after 2 chemotherapy regimens for metastatic disease "
           "(setting metastatic or recurrent, or primary treatment of a stage IV cancer); "
           "'possible' at most when a setting is not recorded; not at all with fewer than 2 "
           "that could count (prior treatments recorded).")
def _(case, result, ctx):
    definite, possible = metastatic_chemo_regimens(case)
    return when(definite < 2, briefs(o for o in result.with_drug({"eribulin"})
                                     if possible < 2 or o.offered))


@invariant("eribulin-after-anthracycline-and-taxane", BREAST_STAGE4,
           "Previous therapy should have included an anthracycline (such as doxorubicin or "
           "epirubicin) and a taxane (such as paclitaxel or docetaxel).",
           "Eribulin is offered only when an anthracycline and a taxane are among the recorded "
           "prior treatments or medications ('possible' at most while the prior treatments, "
           "the medications or a chemotherapy's drugs are not recorded: a chemotherapy with "
           "agents [] names no drug).")
def _(case, result, ctx):
    given = case.drugs_received
    unknown_agents = case.priors is None or case.medications is None or \
        any(case.is_chemo_regimen(p) and not p.get("agents") for p in case.priors_list)
    has_both = bool(given & ANTHRACYCLINE) and bool(given & TAXANE)
    return when(not has_both, briefs(o for o in result.with_drug({"eribulin"})
                                     if o.offered or not unknown_agents))


@invariant("no-regimen-again-after-progression", ANAL_STAGE4,
           "Treatment usually continues as long as the cancer does not grow or spread any "
           "further and you can cope with the side effects.",
           "A cancer treatment the cancer progressed on in advanced disease (setting metastatic "
           "or recurrent, response progression) is not offered again, ongoing or stopped: no "
           "option whose agents are that regimen's drugs (a bisphosphonate, which relieves "
           "bone pain and fractures, is not a regimen the cancer progresses on).")
def _(case, result, ctx):
    failed = case.progressed_on_in_advanced_disease
    return when(failed, briefs(o for o in result.options if o.agents & ANTICANCER and
                               any(o.agents == agents for _, agents in failed)))


@invariant("no-regimen-again-not-tolerated", ANAL_STAGE4,
           "Treatment usually continues as long as the cancer does not grow or spread any "
           "further and you can cope with the side effects.",
           "A cancer treatment whose side effects were not tolerated is not offered again: no "
           "option whose agents are that regimen's drugs (the sentence is about treating the "
           "cancer; a bisphosphonate is not).")
def _(case, result, ctx):
    failed = case.not_tolerated
    return when(failed, briefs(o for o in result.options if o.agents & ANTICANCER and
                               any(o.agents == agents for _, agents in failed)))


@invariant("not-tolerated-drug-marked-and-warned", ANAL_STAGE4,
           "Treatment usually continues as long as the cancer does not grow or spread any "
           "further and you can cope with the side effects.",
           "A drug whose side effects were not coped with is never offered again unmarked: "
           "every listed option that includes it (among its agents, inside a larger regimen, or "
           "among its choices) carries a not-tolerated history mark naming the drug, and a "
           "serious warning names the drug.")
def _(case, result, ctx):
    failed = set()
    for _, agents in case.not_tolerated:
        failed |= agents
    failed.discard("other")
    if not failed:
        return None
    warned = {w.get("agent") for w in result.warnings if w.get("severity") == "serious"}
    bad = []
    for o in result.options:
        for drug in sorted(o.drugs & failed):
            marked = any(h.get("status") == "not-tolerated" and h.get("agent") == drug
                         for h in o.item.get("history") or [])
            if not marked or drug not in warned:
                bad.append(dict(o.brief(), drug=drug, marked=marked, warned=drug in warned))
    return bad


@invariant("adverse-event-drug-warned", ANAL_STAGE4,
           "Treatment usually continues as long as the cancer does not grow or spread any "
           "further and you can cope with the side effects.",
           "An adverse event attributed to a drug is never ignored (clinician review 8, finding "
           "1): while a listed option includes the drug (among its agents or choices), a "
           "warning names the drug, serious when an event for it is grade 3-5 or has no grade.")
def _(case, result, ctx):
    grades = {}
    for e in case.events or []:
        if e.get("agent") not in (None, "other"):
            grades.setdefault(e["agent"], []).append(e.get("grade"))
    if not grades:
        return None
    warned = {}
    for w in result.warnings:
        if w.get("agent") in grades:
            warned.setdefault(w["agent"], set()).add(w.get("severity"))
    bad = []
    for o in result.options:
        for drug in sorted(o.drugs & set(grades)):
            serious = any(g is None or g >= 3 for g in grades[drug])
            need = "serious" if serious else "caution"
            if need not in warned.get(drug, set()):
                bad.append(dict(o.brief(), drug=drug, needs=need,
                                warned=sorted(warned.get(drug, set()))))
    return bad


@invariant("progressed-on-drug-named", ANAL_STAGE4,
           "Treatment usually continues as long as the cancer does not grow or spread any "
           "further and you can cope with the side effects.",
           "A drug the cancer progressed on (response progression, or progression while it "
           "was still given) is never offered again unmarked: every listed option that "
           "includes it (the whole regimen, inside a larger regimen, or among its choices) "
           "carries a progressed-on history mark naming the drug (clinician review finding "
           "8: a menu or a combination marked 'progressed on' without the drug, or not at "
           "all).")
def _(case, result, ctx):
    failed = set()
    for p in case.priors_list:
        if p.get("response") == "progression" or \
                (p.get("progressed_after") is True and p.get("ongoing") is True):
            failed |= case.prior_agents(p)
    failed.discard("other")
    if not failed:
        return None
    bad = []
    for o in result.options:
        for drug in sorted(o.drugs & failed):
            if not any(h.get("status") == "progressed-on" and h.get("agent") == drug
                       for h in o.item.get("history") or []):
                bad.append(dict(o.brief(), drug=drug))
    return bad


@invariant("progression-without-response-flagged", BREAST_STAGE4,
           "Herceptin is given until the cancer no longer responds to treatment or progresses.",
           "The cancer progressed after a treatment for metastatic or recurrent disease that is "
           "no longer given, and no response to it is recorded: whether it progressed on it is "
           "not known. A listed option whose drugs were all in that treatment is flagged by a "
           "serious warning that names it (never offered as if the treatment had worked).")
def _(case, result, ctx):
    unclear = [case.prior_agents(p) for p in case.priors_list
               if p.get("setting") in ("metastatic", "recurrent") and
               p.get("progressed_after") is True and p.get("ongoing") is not True and
               p.get("response") in (None, "unknown") and p.get("agents")]
    if not unclear or case.no_active_treatment:
        return None
    flagged = {w.get("option") for w in result.warnings if w.get("severity") == "serious"}
    return briefs(o for o in result.options
                  if o.agents & ANTICANCER and any(o.agents <= a for a in unclear) and
                  o.id not in flagged)


@invariant("no-trastuzumab-after-progression-on-it", BREAST_STAGE4,
           "Herceptin is given until the cancer no longer responds to treatment or progresses.",
           "Progression on trastuzumab in advanced disease (ongoing or stopped): no option "
           "with trastuzumab (trastuzumab emtansine is another drug).")
def _(case, result, ctx):
    premise = any("trastuzumab" in agents for _, agents in case.progressed_on_in_advanced_disease)
    return when(premise, briefs(o for o in result.options if "trastuzumab" in o.agents))


@invariant("received-regimen-marked", DESIGN,
           "a `history` mark (`received`, `progressed-on`, `not-tolerated`,\n  `adverse-event`) is "
           "shown on the option",
           "An option whose agents are exactly the drugs of a recorded prior treatment, or the "
           "single drug of an active medication, carries a history mark.")
def _(case, result, ctx):
    had = [case.prior_agents(p) for p in case.priors_list if p.get("agents")]
    had += [frozenset([m.get("agent")]) for m in case.medications or []
            if m.get("status") == "active"]
    return when(had, briefs(o for o in result.options
                            if o.agents and o.agents in had and not o.item.get("history")))


@invariant("pertuzumab-first-line-only", BREAST_STAGE4,
           "can be used in women who have not received prior anti-HER2 therapy or chemotherapy "
           "for metastatic diasease",
           "Prior anti-HER2 therapy or chemotherapy given for metastatic disease (setting "
           "metastatic or recurrent): no pertuzumab.")
def _(case, result, ctx):
    premise = any(p.get("setting") in ("metastatic", "recurrent") and
                  (p.get("type") == "anti-HER2" or case.prior_agents(p) & ANTI_HER2 or
                   case.is_chemo_regimen(p))
                  for p in case.priors_list)
    return when(premise, briefs(result.with_drug({"pertuzumab"})))


@invariant("trastuzumab-emtansine-after-trastuzumab-and-taxane", BREAST_STAGE4,
           "who have received prior treatment with trastuzumab and taxane chemotherapy, "
           "separately or in combination",
           "Trastuzumab emtansine is offered outright only when trastuzumab and a taxane are "
           "among the recorded prior treatments or medications.")
def _(case, result, ctx):
    given = case.drugs_received
    return when(not ("trastuzumab" in given and given & TAXANE),
                briefs(o for o in result.with_drug({"trastuzumab-emtansine"}) if o.offered))


@invariant("cemiplimab-after-chemotherapy-for-advanced-disease", CERVIX_STAGE4,
           "If chemotherapy was used to treat metastatic cervical cancer but it didn't respond "
           "or the cancer comes back, then you may be offered cemiplimab (Libtayo).",
           "Cemiplimab is offered outright only after chemotherapy given for advanced disease "
           "(setting metastatic or recurrent, or primary treatment of a stage IV cancer); not "
           "at all when no recorded chemotherapy could have been.")
def _(case, result, ctx):
    said = [case.for_advanced_disease(p) for p in case.priors_list if case.is_chemo_regimen(p)]
    definite = "yes" in said
    possible = definite or "unknown" in said or case.priors is None
    return when(not definite, briefs(o for o in result.with_drug({"cemiplimab"})
                                     if not possible or o.offered))


# =================================================================== radiation and surgery

@invariant("no-pelvic-radiation-after-pelvic-radiation", CERVIX_SCC,
           "Prior radiation therapy is an absolute contraindication to further pelvic radiation "
           "in most cases due to unacceptable toxicity risk",
           "Cervical cancer after pelvic radiation (radiation, brachytherapy or chemoradiation "
           "to the pelvis): no radiation, chemoradiation or brachytherapy option whose target "
           "is the pelvis or is not stated.")
def _(case, result, ctx):
    return when(case.site == "cervix" and case.prior_pelvic_radiation,
                briefs(o for o in result.options if o.maybe_pelvic_radiation))


def pelvic_radiation_unrecorded(case):
    """Cervical cancer whose record does not say whether the pelvis was
    irradiated: prior treatments not recorded, or a radiation with no
    region (and none to the pelvis)."""
    return case.site == "cervix" and not case.prior_pelvic_radiation and (
        case.priors is None or any(p.get("type") in RADIATION_TYPES and "region" not in p
                                   for p in case.priors_list))


@invariant("pelvic-radiation-history-unrecorded", CERVIX_SCC,
           "Prior radiation therapy is an absolute contraindication to further pelvic radiation "
           "in most cases due to unacceptable toxicity risk",
           "Cervical cancer whose record does not say whether the pelvis was irradiated (prior "
           "treatments not recorded, or a radiation recorded with no region): no radiation to "
           "the pelvis (or to an unstated target) offered outright; at most 'possible'.")
def _(case, result, ctx):
    premise = pelvic_radiation_unrecorded(case)
    return when(premise, briefs(o for o in result.options
                                if o.maybe_pelvic_radiation and o.offered))


@invariant("pelvic-radiation-possible-only-if-not-irradiated", CERVIX_SCC,
           "Prior radiation therapy is an absolute contraindication to further pelvic radiation "
           "in most cases due to unacceptable toxicity risk",
           "Cervical cancer whose record does not say whether the pelvis was irradiated: a "
           "radiation option to the pelvis listed as 'possible' is possible only if there was "
           "no prior pelvic radiation (its `if` needs prior-pelvic-radiation no, never yes): "
           "the condition a card prints must not be the contraindication itself.")
def _(case, result, ctx):
    premise = pelvic_radiation_unrecorded(case)
    return when(premise, briefs(
        o for o in result.options if o.maybe_pelvic_radiation and not o.offered and
        any(w.get("finding") == "prior-pelvic-radiation" and w.get("needs") != ["no"]
            for w in o.item.get("if", []))))


@invariant("palliative-radiation-elsewhere-after-pelvic-radiation", CERVIX_RECURRENT,
           "For recurrent cervical cancer, radiation therapy may be used to relieve pain, stop "
           "bleeding or control other symptoms of advanced cervical cancer (called palliative "
           "therapy).",
           "Recurrent cervical cancer of any histology after pelvic radiation, with painful bone "
           "metastases, active treatment not declined or ruled out: a radiation option outside "
           "the pelvis is listed (the contraindication is about the pelvis only).")
def _(case, result, ctx):
    premise = case.cervix_recurrent and case.prior_pelvic_radiation and \
        "bone" in (case.metastases or []) and "bone-pain" in (case.symptoms or []) and \
        not case.no_active_treatment
    return when(premise, [] if any(o.radiation and o.target not in (None, "pelvis")
                                   for o in result.options)
                else [{"recommendations": [o.id for o in result.options]}])


@invariant("breast-bone-metastases-radiation", BREAST_STAGE4,
           "External beam radiation therapy may be offered for stage IV breast cancer to relieve "
           "pain and other symptoms caused by: • bone metastases",
           "Stage IV breast cancer with bone metastases and bone pain, a fracture or spinal cord "
           "compression, active treatment not declined or ruled out: a radiation option is "
           "listed.")
def _(case, result, ctx):
    premise = case.breast_stage4 and "bone" in (case.metastases or []) and \
        set(case.symptoms or []) & {"bone-pain", "fracture", "spinal-cord-compression"} and \
        not case.no_active_treatment
    return when(premise, [] if any(o.radiation for o in result.options)
                else [{"recommendations": [o.id for o in result.options]}])


@invariant("palliative-radiation-needs-symptoms", CERVIX_STAGE4,
           "For stage 4B cervical cancer, radiation therapy may be used to relieve pain, stop "
           "bleeding or control other symptoms of advanced cervical cancer (called palliative "
           "therapy).",
           "Cervical cancer (stage 4 or recurrent) with no symptoms (symptoms []): no palliative "
           "radiation.")
def _(case, result, ctx):
    premise = (case.cervix_stage4 or case.cervix_recurrent) and case.symptoms == []
    return when(premise, briefs(o for o in result.options
                                if o.radiation and o.intent == "palliative"))


@invariant("exenteration-not-with-distant-disease", CERVIX_RECURRENT,
           "A pelvic exenteration is not used if cancer comes back in another part of the body.",
           "Distant disease recorded (metastases, a distant recurrence site, imaging showing "
           "distant disease): no pelvic exenteration.")
def _(case, result, ctx):
    return when(case.distant_disease, briefs(o for o in result.options if o.exenteration))


@invariant("exenteration-not-with-side-wall", CERVIX_RECURRENT,
           "A pelvic exenteration may be used to treat recurrent cervical cancer that comes back "
           "in the pelvis but has not spread to the side wall of the pelvis.",
           "Side-wall involvement recorded: no pelvic exenteration.")
def _(case, result, ctx):
    return when(case.side_wall, briefs(o for o in result.options if o.exenteration))


@invariant("unresectable-no-tumour-surgery", CERVIX_SCC,
           "systemic chemotherapy (cisplatin/paclitaxel with or without bevacizumab) for distant "
           "metastases or unresectable disease",
           "A recurrence recorded as not resectable gets no surgery that removes it (pelvic "
           "exenteration, radical hysterectomy, resection).")
def _(case, result, ctx):
    return when(case.cervix_recurrent and case.recurrence.get("resectable") is False,
                briefs(o for o in result.options if o.tumour_surgery))


@invariant("radical-hysterectomy-conditions", CERVIX_RECURRENT,
           "A radical hysterectomy may be offered for a small recurrence in the cervix or uterus "
           "if you were previously treated with radiation therapy.",
           "No radical hysterectomy for a recurrence recorded as not small, recorded outside the "
           "cervix and uterus, or without earlier radiation among the recorded treatments.")
def _(case, result, ctx):
    sites = case.recurrence.get("sites")
    ruled_out = case.recurrence.get("small") is False or \
        (sites and not set(sites) & {"cervix", "uterus"}) or \
        (case.priors is not None and not case.any_prior_radiation)
    return when(ruled_out, briefs(o for o in result.options if "hysterectomy" in o.procedure))


@invariant("stage-4b-no-chemoradiation", CERVIX_STAGE4,
           "Chemoradiation is a main treatment for stage 4A cervical cancer.",
           "Stage 4B cervical cancer (not recurrent): no chemoradiation; radiation there is "
           "palliative.")
def _(case, result, ctx):
    return when(case.cervix_stage4 and case.stage == "IVB",
                briefs(o for o in result.options if o.modality == "chemoradiation"))


@invariant("stage-4a-no-targeted-therapy", CERVIX_STAGE4,
           "You may be offered targeted therapy for stage 4B cervical cancer.",
           "Stage 4A cervical cancer with no distant disease recorded (metastases []): no "
           "bevacizumab.")
def _(case, result, ctx):
    premise = case.cervix_stage4 and case.stage == "IVA" and case.metastases == [] and \
        not case.distant_disease
    return when(premise, briefs(result.with_drug({"bevacizumab"})))


@invariant("anal-surgery-needs-symptoms", ANAL_STAGE4,
           "You may be offered surgery for stage 4 anal cancer if the tumour causes symptoms like "
           "pain and bleeding.",
           "Stage 4 anal cancer with no symptoms (symptoms []): no surgery.")
def _(case, result, ctx):
    return when(case.anal_stage4 and case.symptoms == [],
                briefs(o for o in result.options if o.modality == "surgery"))


@invariant("bisphosphonates-for-bone-metastases", BREAST_STAGE4,
           "Bisphosphonates may be used to reduce pain and fractures when breast cancer has "
           "spread to the bone (bone metastases).",
           "Metastases recorded, none in bone: no bisphosphonate option.")
def _(case, result, ctx):
    return when(case.metastases is not None and "bone" not in case.metastases,
                briefs(result.with_drug(BISPHOSPHONATE)))


# =================================================================== bevacizumab safety

def bevacizumab_concerned(case, event):
    """The patient had bevacizumab, or the event is put down to it."""
    return case.exposed_to("bevacizumab") or event.get("agent") == "bevacizumab"


@invariant("bevacizumab-grade-3-4-event", CERVIX_SCC,
           "Monitor for gastrointestinal perforation, fistula formation, and severe hemorrhage - "
           "discontinue bevacizumab for grade 3-4 events",
           "A grade 3-4 perforation, fistula or haemorrhage in a patient who had bevacizumab (or "
           "put down to it): no option with bevacizumab.")
def _(case, result, ctx):
    premise = any(e.get("type") in GRADED_BEVACIZUMAB_EVENTS and e.get("grade") in (3, 4) and
                  bevacizumab_concerned(case, e) for e in case.events or [])
    return when(premise, briefs(result.with_drug({"bevacizumab"})))


@invariant("bevacizumab-hypertensive-crisis", CERVIX_SCC,
           "Monitor blood pressure and manage hypertension; discontinue for hypertensive crisis "
           "or encephalopathy",
           "A hypertensive crisis or encephalopathy in a patient who had bevacizumab (or put "
           "down to it): no option with bevacizumab.")
def _(case, result, ctx):
    premise = any(e.get("type") in HYPERTENSIVE_EVENTS and bevacizumab_concerned(case, e)
                  for e in case.events or [])
    return when(premise, briefs(result.with_drug({"bevacizumab"})))


@invariant("bevacizumab-nephrotic-syndrome", CERVIX_SCC,
           "Screen for proteinuria; discontinue for nephrotic syndrome",
           "Nephrotic syndrome in a patient who had bevacizumab (or put down to it): no option "
           "with bevacizumab.")
def _(case, result, ctx):
    premise = any(e.get("type") == "nephrotic-syndrome" and bevacizumab_concerned(case, e)
                  for e in case.events or [])
    return when(premise, briefs(result.with_drug({"bevacizumab"})))


def discontinuation_event(case):
    return any((e.get("type") in GRADED_BEVACIZUMAB_EVENTS and e.get("grade") in (3, 4)) or
               e.get("type") in HYPERTENSIVE_EVENTS or e.get("type") == "nephrotic-syndrome"
               for e in case.events or [])


@invariant("bevacizumab-discontinue-warning", CERVIX_SCC,
           "Monitor for gastrointestinal perforation, fistula formation, and severe hemorrhage - "
           "discontinue bevacizumab for grade 3-4 events",
           "A patient still on bevacizumab (active medication or ongoing prior treatment) with a "
           "discontinuation event gets a bevacizumab warning that cites the discontinuation.")
def _(case, result, ctx):
    premise = case.on_drug("bevacizumab") and discontinuation_event(case)
    return when(premise, [] if result.warnings_citing(
        "bevacizumab", "discontinue bevacizumab for grade 3-4 events",
        "discontinue for hypertensive crisis", "discontinue for nephrotic syndrome")
        else [{"warnings": [w.get("id") for w in result.warnings]}])


WITHHOLD = "Withhold bevacizumab at least 28 days prior to elective surgery"


@invariant("bevacizumab-washout-before-surgery", CERVIX_SCC,
           WITHHOLD + " and do not resume until adequate wound healing",
           "Elective surgery planned and bevacizumab recorded anywhere as still given (active "
           "medication, ongoing prior treatment), or last given fewer than 28 days before the "
           "surgery: a bevacizumab warning cites the 28-day washout.")
def _(case, result, ctx):
    if not case.elective_surgery:
        return None
    recent = False
    for m in case.medications or []:
        if m.get("agent") == "bevacizumab" and "last_dose_days_ago" in m:
            recent |= any("days_from_now" in s and
                          m["last_dose_days_ago"] + s["days_from_now"] < 28
                          for s in case.elective_surgery)
    premise = case.on_drug("bevacizumab") or recent
    return when(premise, [] if result.warnings_citing("bevacizumab", WITHHOLD)
                else [{"warnings": [w.get("id") for w in result.warnings]}])


@invariant("bevacizumab-proposed-before-surgery", CERVIX_SCC,
           WITHHOLD + " and do not resume until adequate wound healing",
           "An option with bevacizumab while elective surgery is planned within 28 days (or on "
           "an unrecorded day): a bevacizumab warning cites the 28-day washout.")
def _(case, result, ctx):
    soon = any(s.get("days_from_now", 0) < 28 for s in case.elective_surgery)
    unwarned = result.with_drug({"bevacizumab"}) and \
        not result.warnings_citing("bevacizumab", WITHHOLD)
    return when(soon, [{"warnings": [w.get("id") for w in result.warnings]}] if unwarned else [])


@invariant("bevacizumab-monitoring", CERVIX_SCC,
           "Monitor for gastrointestinal perforation, fistula formation, and severe hemorrhage",
           "An option with bevacizumab, or a patient still on it, gets the bevacizumab "
           "monitoring warnings (perforation, fistula and haemorrhage; blood pressure; "
           "proteinuria).")
def _(case, result, ctx):
    premise = case.on_drug("bevacizumab") or result.with_drug({"bevacizumab"})
    if not premise:
        return None
    wanted = ("Monitor for gastrointestinal perforation", "Monitor blood pressure",
              "Screen for proteinuria")
    return [{"not cited": q} for q in wanted if not result.warnings_citing("bevacizumab", q)]


# =================================================================== scope

def scope_is(wanted, premise, result):
    scope = result.data.get("scope")
    return when(premise, [] if scope == wanted else
                [{"scope": scope, "guidelines": result.data.get("guidelines")}])


@invariant("cervix-stage4-covered", CERVIX_STAGE4,
           "The following are treatment options for stage 4 cervical cancer.",
           "Cervical cancer of stage IV, IVA or IVB is covered (not of a breast histology, ductal "
           "or lobular carcinoma: reading H1; not in a patient recorded as male: S1).")
def _(case, result, ctx):
    return scope_is("covered", case.cervix_stage4, result)


@invariant("cervix-recurrent-covered", CERVIX_RECURRENT,
           "Recurrent cervical cancer means that the cancer has come back after it has been "
           "treated.",
           "Recurrent cervical cancer is covered, whatever the stage at diagnosis (not of a "
           "breast histology: reading H1; not in a patient recorded as male: S1).")
def _(case, result, ctx):
    return scope_is("covered", case.cervix_recurrent, result)


@invariant("anal-stage4-covered", ANAL_STAGE4,
           "There is no standard treatment for stage 4 anal cancer.",
           "Anal cancer of stage IV, IVA or IVB is covered (not of a breast histology: reading H1).")
def _(case, result, ctx):
    return scope_is("covered", case.anal_stage4, result)


@invariant("breast-stage4-covered", BREAST_STAGE4,
           "The following are treatment options for stage IV breast cancer.",
           "Stage IV breast cancer in a woman (or sex not recorded) is covered.")
def _(case, result, ctx):
    return scope_is("covered", case.breast_stage4, result)


@invariant("early-non-metastatic-not-covered", OUTPUT_FORMAT,
           "`\"not covered\"` otherwise",
           "A cancer of stage I-III that has not come back and has no distant disease recorded "
           "(metastases [], no imaging showing distant disease) is outside every source: not "
           "covered.")
def _(case, result, ctx):
    premise = case.stage in EARLY_STAGES and case.recurrent is False and \
        case.metastases == [] and not case.distant_disease
    return scope_is("not covered", premise, result)



@invariant("not-covered-names-missing-stage", OUTPUT_FORMAT,
           "When a fact that decides whether a guideline applies is not recorded (a covered "
           "site with no stage), the reason says \"It is not covered until the case records "
           "/cancer/stage ...\" and the field is the first entry of `missing_information`.",
           "A case of a site the rule base covers (anus; cervix not recorded as recurrent, in a "
           "woman or sex not recorded; neither of a breast histology; breast in a woman or sex not recorded) with no stage recorded that is not covered "
           "names /cancer/stage among the missing facts, after none but the other facts that "
           "decide coverage, and its not-covered reason names it (clinician review finding 7).")
def _(case, result, ctx):
    d = result.data
    premise = d.get("scope") == "not covered" and case.stage is None and (
        ((case.site == "anus" or
          (case.site == "cervix" and case.recurrent is not True and case.sex != "male"))
         and not case.breast_histology) or
        (case.site == "breast" and case.sex != "male"))
    fields = [m.get("field") for m in result.missing]
    reason = d.get("scope_reason", "")
    # First: only other facts that decide coverage (named in the reason)
    # may come before it.
    ok = "/cancer/stage" in fields and all(
        f in reason for f in fields[:fields.index("/cancer/stage") + 1])
    return when(premise, [] if ok else [{"missing": fields, "scope_reason": reason}])
