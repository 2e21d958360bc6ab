"""serve_cards.py: the cards of `oncorules serve` against `oncorules batch
--fhir` (tests/scripts/serve_test.py calls check_cards).

For each record (the bundles of shared/fhir-examples and tests/fhir, and
the regression cases written as FHIR by case_to_fhir.py, one per distinct
answer): the test builds what an EHR would prefetch, posts it with a fixed
evaluation date (extension org.oncorules.as-of), builds the Bundle the
service builds from it, evaluates that Bundle with `batch --fhir --as-of`
and checks the cards card by card: one CDS card per decision card (the
not-covered card in place of the status card, the no-case card, the
source-record card), the indicator the table gives, the source label of
the guideline, a summary under 140 characters, and a detail that holds
every option, possible option, warning, exclusion, missing fact and note
of the card with every verbatim quote; pointers name the request's
prefetch, never the Bundle; uuids are unique and the same request gives
the same bytes. Records whose answers hold the same cards are posted once.
The card table of docs/service.md must equal the one in
cli/serve/cds_table.c.
"""
import glob
import json
import os
import re
import subprocess
import uuid

from case_to_fhir import Converter

AS_OF = "2024-06-01"
UNESCAPE = re.compile(r"\\([\\`*_\[\]<>|~!&#])")
INDICATORS = ["info", "warning", "critical"]


def c_tables(source):
    text = open(os.path.join(source, "cli", "serve", "cds_table.c")).read()
    cards = {m[0]: (m[1].lower(), m[2].strip('"') if m[2] != "NULL" else "-", m[3].lower())
             for m in re.findall(r'\{"([a-z-]+)", CDS_(INFO|WARNING|CRITICAL), (NULL|"[a-z]+"), '
                                 r'CDS_SOURCE_(GUIDELINE|RECORD)\}', text)}
    severities = dict((s, i.lower()) for s, i in
                      re.findall(r'\{"([a-z]+)", CDS_(INFO|WARNING|CRITICAL)\}', text))
    return cards, severities


def doc_tables(source):
    cards, severities = {}, {}
    for line in open(os.path.join(source, "docs", "service.md")):
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 5:
            cards[cells[0]] = (cells[1], cells[2], cells[3])
        elif line.startswith("| `") and len(cells) == 2 and cells[1] in INDICATORS:
            severities[cells[0]] = cells[1]
    return cards, severities


def prefetch_of(bundle, keys):
    """What an EHR would prefetch for our templates, and the Bundle the
    service makes of it (Patient first, then each search in template order)."""
    resources = [e["resource"] for e in bundle.get("entry", [])]
    patient = next((r for r in resources if r.get("resourceType") == "Patient"), None)
    if patient is None:
        return None, None, None
    pre, entries = {"patient": patient}, [{"resource": patient}]
    for key, rtype in keys:
        found = [r for r in resources if r.get("resourceType") == rtype]
        pre[key] = {"resourceType": "Bundle", "type": "searchset",
                    "entry": [{"resource": r} for r in found]}
        entries += [{"resource": r} for r in found]
    return patient["id"], pre, {"resourceType": "Bundle", "type": "collection", "entry": entries}


def records(source, shared):
    """(name, bundle) of every record the test posts."""
    out = []
    for path in sorted(glob.glob(os.path.join(shared, "*.json")) if shared else []):
        b = json.load(open(path))
        if b.get("resourceType") == "Bundle":
            out.append(("shared/" + os.path.basename(path), b))
    for path in sorted(glob.glob(os.path.join(source, "tests", "fhir", "bundles", "*.json"))):
        out.append(("tests/fhir/" + os.path.basename(path), json.load(open(path))))
    # a record with no cancer in it: no case can be made
    out.append(("a Patient alone", {"resourceType": "Bundle", "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": "no-cancer", "gender": "female"}}]}))
    conv = Converter(os.path.join(source, "docs", "fhir-mapping.md"))
    for path in sorted(glob.glob(os.path.join(source, "tests", "cases", "*", "*.json"))):
        case = json.load(open(path))["input"]
        out.append(("case " + os.path.relpath(path, source),
                    conv.bundle(case, AS_OF, str(case.get("id", "case")))))
    return out


def answer_key(ref):
    """Records whose answers hold the same cards, with warnings of the same
    severities and the same kind of source record, test nothing new: one of
    each is posted (the test stays fast under the sanitizers)."""
    if "errors" in ref:
        return json.dumps(ref["errors"])
    return json.dumps([ref["scope"], [c["id"] for c in ref["cards"]],
                       sorted({w["severity"] for w in ref["warnings"]}),
                       bool(ref["source"]["not_understood"]), bool(ref["source"]["conflicts"])])


def expected_texts(card, ref):
    """Texts the detail of `card` must hold, and the quotes."""
    by = {name: {i["id"]: i for i in ref.get(name, [])}
          for name in ("recommendations", "possible", "warnings", "exclusions", "notes")}
    texts, items = [], []
    for name, field, key in (("options", "recommendations", "summary"),
                             ("possible", "possible", "summary"),
                             ("warnings", "warnings", "text"),
                             ("exclusions", "exclusions", "reason"),
                             ("notes", "notes", "text")):
        for i in card.get(name, []):
            item = by[field][i]
            texts.append(item[key])
            items.append(item)
    texts += card.get("missing", [])
    quotes = [e["quote"] for item in items for e in item.get("evidence", [])]
    return texts, quotes


def request_pointer(sources, pointer):
    m = re.match(r"/entry/(\d+)(/.*)?$", pointer)
    if not m:
        return pointer
    base, rest = sources[int(m.group(1))], m.group(2) or ""
    if rest.startswith("/resource"):
        return base + rest[len("/resource"):]
    return base[:-len("/resource")] + rest if base.endswith("/resource") else base + rest


def check_cards(check, binary, source, post, shared, keys):
    d_cards, d_sev = doc_tables(source)
    c_cards, c_sev = c_tables(source)
    check("docs/service.md lists the card table of cli/serve/cds_table.c",
          len(c_cards) >= 15 and c_cards == d_cards, (c_cards, d_cards))
    check("docs/service.md lists the severity table of cli/serve/cds_table.c",
          len(c_sev) == 4 and c_sev == d_sev, (c_sev, d_sev))
    # The answers are checked against the page: what a reader is told.
    c_cards, c_sev = d_cards, d_sev

    posts = []
    for name, bundle in records(source, shared):
        pid, pre, made = prefetch_of(bundle, keys)
        if pid is not None:
            posts.append((name, pid, pre, made))
    refs = subprocess.run([binary, "batch", "--fhir", "--as-of", AS_OF, "-"],
                          input="".join(json.dumps(m) + "\n" for _, _, _, m in posts),
                          capture_output=True, text=True, check=True).stdout.splitlines()
    seen, chosen = set(), []
    for (name, pid, pre, made), line in zip(posts, refs):
        ref = json.loads(line)
        key = answer_key(ref)
        if key in seen and not name.startswith("shared/"):
            continue
        seen.add(key)
        chosen.append((name, pid, pre, made, ref))
    cases = sum(1 for c in chosen if c[0].startswith("case "))
    check("records posted: every shared example and test bundle, %d regression cases (one per "
          "distinct set of cards of %d)" % (cases, sum(1 for p in posts if p[0].startswith("case "))),
          len(chosen) >= 30 and cases >= 25 and
          len(refs) == len(posts), (len(chosen), cases))

    problems, kinds, indicators, identical = [], set(), set(), 0
    for n, (name, pid, pre, made, ref) in enumerate(chosen):
        req = {"hook": "patient-view", "hookInstance": str(uuid.uuid4()),
               "context": {"userId": "Practitioner/dr-1", "patientId": pid},
               "prefetch": pre, "extension": {"org.oncorules.as-of": AS_OF}}
        s, _, body = post(req)
        if s != 200:
            problems.append((name, "status", s, body[:300]))
            continue
        if n < 6:
            req["hookInstance"] = str(uuid.uuid4())
            identical += post(req)[2] == body
        cards = json.loads(body)["cards"]
        sources = ["/prefetch/patient"] + [
            "/prefetch/%s/entry/%d/resource" % (k, i) for k, _ in keys
            for i in range(len(pre[k]["entry"]))]
        # the cards expected, in order
        want = []
        if "errors" in ref:
            want.append(("no-case", None))
        else:
            for card in ref["cards"]:
                kind = card["kind"]
                if kind == "status" and ref["scope"] != "covered":
                    kind = "not-covered"
                want.append((kind if kind in c_cards else "unknown-kind", card))
        src = ref.get("source", {})
        if src.get("not_understood") or src.get("conflicts"):
            want.append(("source-record", None))
        if len(want) != len(cards):
            problems.append((name, "card count", len(want), len(cards)))
            continue
        uuids = [c.get("uuid") for c in cards]
        if len(set(uuids)) != len(uuids) or not all(
                re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
                             u or "") for u in uuids):
            problems.append((name, "uuids", uuids))
        status = ref.get("cards", [{}])[0]
        for (kind, card), cds in zip(want, cards):
            kinds.add(kind)
            indicators.add(cds.get("indicator"))
            row_ind, lead, src_from = c_cards[kind]
            detail = UNESCAPE.sub(r"\1", cds.get("detail", ""))
            if not (isinstance(cds.get("summary"), str) and 0 < len(cds["summary"]) < 140):
                problems.append((name, kind, "summary", cds.get("summary")))
            level = INDICATORS.index(row_ind)
            for w in (card or {}).get("warnings", []):
                sev = next(x["severity"] for x in ref["warnings"] if x["id"] == w)
                level = max(level, INDICATORS.index(c_sev[sev]))
            if kind == "source-record" and src.get("conflicts"):
                level = max(level, INDICATORS.index("warning"))
            if cds.get("indicator") != INDICATORS[level]:
                problems.append((name, kind, "indicator", cds.get("indicator"),
                                 INDICATORS[level]))
            label = cds.get("source", {}).get("label", "")
            if src_from == "guideline":
                gid = (card or {}).get("guideline") or (
                    status.get("guidelines")[0]["id"] if len(status.get("guidelines", [])) == 1
                    else None)
                g = next((x for x in status.get("guidelines", []) if x["id"] == gid), None)
                if g and (g["title"] not in label or g["source"] not in label or
                          cds["source"].get("topic", {}).get("code") != gid):
                    problems.append((name, kind, "source", cds.get("source"), g))
                if card and kind not in ("not-covered",) and \
                        not cds["summary"].startswith(card["title"][:40]):
                    problems.append((name, kind, "summary title", cds["summary"], card["title"]))
            if card is not None:
                texts, quotes = expected_texts(card, ref)
                absent = [x for x in texts + quotes if " ".join(x.split()) not in detail]
                if absent:
                    problems.append((name, kind, "not in the detail", absent[:2]))
            if kind == "source-record":
                for item in (src.get("not_understood", []) + src.get("conflicts", []))[:100]:
                    where = request_pointer(sources, item.get("pointer") or
                                            item["values"][0]["pointer"])
                    if where not in detail:
                        problems.append((name, kind, "request pointer", where))
            if kind == "no-case" and ref["errors"][0]["message"][:60] not in detail:
                problems.append((name, kind, "error message"))
            bad = [m for m in re.findall(r"(\S*)/entry/\d", cds.get("detail", ""))
                   if "/prefetch/" not in m]
            if bad:
                problems.append((name, kind, "a Bundle pointer on the card", bad[:2]))
    check("%d patient-view answers agree with batch --fhir, card by card (options, possible, "
          "warnings, exclusions, missing, notes, quotes, indicator, source, summary, uuid)"
          % len(chosen), not problems, problems[:3])
    needed = {"status", "not-covered", "no-case", "source-record", "curative-local",
              "systemic", "later-line", "symptom-control", "supportive-care", "clinical-trial",
              "safety", "ruled-out", "missing", "notes"}
    check("the answers hold cards of every kind the rule base and the reader give",
          needed <= kinds, needed - kinds)
    check("indicators seen: info, warning and critical", indicators == set(INDICATORS),
          indicators)
    check("the same request gives byte-identical cards", identical == 6, identical)
