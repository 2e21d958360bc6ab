#!/usr/bin/env python3
"""check_report.py ONCORULES SOURCE_DIR: the HTML report's page, without a
browser (issue 11; docs/report.md). test_report_browser.py loads pages in
Chromium; this checks what a parser can:

  - every page (the audit cases and the bundled example, drawn by one
    `batch --html` run, twice) is well-formed XML (xmllint --noout) and the
    same bytes on every run, and `report` writes the page batch writes;
  - every id of every card appears in that card's element: options and
    possible options (o-ID), exclusions (x-ID), notes (n-ID), missing fields
    (m-FIELD), warnings (w-ID, or a link data-id=ID to the one shown above);
    every option drawn has its graph (graph-ID) and its item shows it;
  - the page loads nothing and runs nothing: one <style>, no <script>, no
    attribute on*, every href an anchor of the page, no element outside the
    list a report uses;
  - markup in every string of a result (case data and rule-base text alike:
    ids, summaries, quotes, names) is shown as text: rendered through
    `report --result`, no element or attribute comes from it, and the
    markup reads back literally in the page's text and in its graphs, with
    Graphviz's own escapes (\\N) kept as typed;
  - a result read from a FHIR bundle shows its source record (bundle,
    date, conflicts, what was not understood) and the resources beside
    each case pointer it names (or names a parent of, or items of);
  - the page of every audit case, the largest (by result size) included, is
    under 300 KB;
  - report --fhir, over every test bundle (tests/fhir/bundles): the exit
    status of evaluate --fhir, the page report --result draws from its
    result, and on it the source record: the bundle, each conflict with
    its values and their resources, everything not understood with its
    reason, and beside each case pointer an explanation cites, the
    resource it was read from (its bundle pointer on hover); batch --html
    --fhir writes the same pages;
  - README.md shows one picture, the screenshot of a report: a PNG file of
    the source tree, small (under README_IMAGE_MAX bytes).
"""
import glob
import json
import os
import re
import struct
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
ALLOWED = {"html", "head", "meta", "title", "style", "body", "header", "main", "footer",
           "section", "div", "article", "p", "h1", "h2", "h3", "span", "b", "strong", "em",
           "code", "dl", "dt", "dd", "ul", "ol", "li", "details", "summary", "blockquote",
           "cite", "a", "table", "thead", "tbody", "tr", "th", "td",
           SVG + "svg", SVG + "g", SVG + "polygon", SVG + "polyline", SVG + "path",
           SVG + "ellipse", SVG + "text", SVG + "use"}
MAX_BYTES = 300 * 1024
README_IMAGE_MAX = 150 * 1024
MARK = '<script>alert(1)</script> &amp;"\'\\N <img src=x onerror=alert(2)>'
SCRIPT = "<script>alert(1)</script>"

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def run(args, stdin=None):
    return subprocess.run(args, input=stdin, capture_output=True)


def parse(path):
    with open(path, "rb") as f:
        data = f.read()
    return data, ET.fromstring(data)


def by_id(root):
    return {e.get("id"): e for e in root.iter() if e.get("id") is not None}


def check_safe(name, root):
    styles = 0
    for e in root.iter():
        if e.tag not in ALLOWED:
            fail("%s: element <%s> is not one a report uses" % (name, e.tag))
        styles += e.tag == "style"
        for attribute, value in e.attrib.items():
            if attribute.lower().startswith("on"):
                fail("%s: event handler %s=%r" % (name, attribute, value))
            if attribute in ("href", "src", "{http://www.w3.org/1999/xlink}href"):
                if not (value.startswith("#") or (value.endswith(".html") and "/" not in value
                                                  and ":" not in value)):
                    fail("%s: %s=%r leaves the page" % (name, attribute, value))
    if styles != 1:
        fail("%s: %d <style> elements, want 1" % (name, styles))


def check_cards(name, root, result):
    ids = by_id(root)
    for card in result.get("cards", []):
        element = ids.get("card-" + card["id"])
        if element is None:
            fail("%s: card %s has no element card-%s" % (name, card["id"], card["id"]))
            continue
        inside = by_id(element)
        links = {e.get("data-id") for e in element.iter() if e.get("data-id")}
        for key, prefix in (("options", "o"), ("possible", "o"), ("exclusions", "x"),
                            ("notes", "n"), ("missing", "m")):
            for item in card.get(key, []):
                if prefix + "-" + item not in inside:
                    fail("%s: %s %s is not on its card %s" % (name, key, item, card["id"]))
        for item in card.get("warnings", []):
            if "w-" + item not in inside and not (item in links and "w-" + item in ids):
                fail("%s: warning %s is not on its card %s" % (name, item, card["id"]))
    for option in result.get("recommendations", []) + result.get("possible", []):
        graph = "graph-" + option["id"]
        if graph not in ids:
            fail("%s: option %s has no graph" % (name, option["id"]))
        item = ids.get("o-" + option["id"])
        uses = [] if item is None else [e.get("href") for e in item.iter(SVG + "use")]
        if uses != ["#" + graph]:
            fail("%s: option %s shows %s, want its graph" % (name, option["id"], uses))


def text_of(root):
    return "".join(root.itertext())


def check_pages(bin_, src, tmp):
    """The audit cases and the example through one `batch --html` run (one
    engine for them all), twice: the pages are the same bytes."""
    cases = sorted(glob.glob(os.path.join(src, "tests", "audit-cases", "*.json")))
    cases.append(os.path.join(src, "examples", "recurrent-cervix-exenteration-bevacizumab.json"))
    lines = "".join(json.dumps(json.load(open(c))) + "\n" for c in cases).encode()
    dirs = [os.path.join(tmp, "pages-1"), os.path.join(tmp, "pages-2")]
    for d in dirs:
        p = run([bin_, "batch", "--html", d], stdin=lines)
        if p.returncode != 0:
            fail("batch --html: exit %d: %s" % (p.returncode, p.stderr.decode()))
            return
        lines_out = p.stdout.decode().splitlines()
        records = [json.loads(r) for r in lines_out]
    pages = sorted(f for f in os.listdir(dirs[0]) if f != "index.html")
    if len(pages) != len(cases) or sorted(os.listdir(dirs[0])) != sorted(os.listdir(dirs[1])):
        fail("batch --html: %d pages for %d cases" % (len(pages), len(cases)))
        return
    lint = run(["xmllint", "--noout"] + [os.path.join(dirs[0], f) for f in os.listdir(dirs[0])])
    if lint.returncode != 0:
        fail("pages not well formed: %s" % lint.stderr.decode()[:800])
        return
    sizes = []
    for case, page, result, line in zip(cases, pages, records, lines_out):
        name = os.path.basename(case)[:-5]
        with open(os.path.join(dirs[0], page), "rb") as a, \
                open(os.path.join(dirs[1], page), "rb") as b:
            data = a.read()
            if data != b.read():
                fail("%s: two runs give different pages" % name)
        root = ET.fromstring(data)
        check_safe(name, root)
        check_cards(name, root, result)
        text = text_of(root)
        if result["case"] not in text:
            fail("%s: the case id is not on the page" % name)
        kb = result["knowledge_base"]
        if kb["version"] not in text or kb["sha256"] not in text:
            fail("%s: the knowledge base's version and hash are not on the page" % name)
        if result["disclaimer"] not in text:
            fail("%s: the disclaimer is not on the page" % name)
        # A field the case records (the result says what it holds) is never
        # listed as "not recorded" (clinician review finding 10).
        said = re.findall(r"not recorded:([^);]*)", text)
        for option in result.get("possible", []):
            for entry in option.get("if", []):
                for u in entry.get("undecided", []):
                    field = re.compile(re.escape(u["field"]) + r"(?![\w/])")
                    if any(field.search(s) for s in said):
                        fail("%s: %s is recorded (%s) but listed as not recorded"
                             % (name, u["field"], u["why"]))
                    if u["why"] not in text:
                        fail("%s: what %s holds is not on the page" % (name, u["field"]))
        if len(data) >= MAX_BYTES:
            fail("the page of %s is %d bytes, over %d" % (name, len(data), MAX_BYTES))
        if case != cases[-1]:
            sizes.append((len(line), len(data), name))
    sizes.sort()
    largest = sizes[-1]
    print("largest audit case by result size: %s, result %d bytes, page %d bytes (%.1f KB); "
          "largest page: %s, %.1f KB" % (largest[2], largest[0], largest[1], largest[1] / 1024,
                                        max(sizes, key=lambda s: s[1])[2],
                                        max(s[1] for s in sizes) / 1024))
    # `report` writes the page batch writes.
    example = cases[-1]
    single = os.path.join(tmp, "example.html")
    p = run([bin_, "report", example, "-o", single])
    with open(single, "rb") as a, open(os.path.join(dirs[0], pages[-1]), "rb") as b:
        if p.returncode != 0 or a.read() != b.read():
            fail("report and batch --html give different pages for the example")


def marked(value):
    """Every string of a result with markup around it (the same way
    everywhere, so ids still meet)."""
    if isinstance(value, str):
        return MARK + " " + value + " " + MARK
    if isinstance(value, list):
        return [marked(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in ("severity", "scope", "kind", "state", "role", "form", "topic")
                    else marked(v)) for k, v in value.items()}
    return value


def check_markup(bin_, src, tmp):
    example = os.path.join(src, "examples", "recurrent-cervix-exenteration-bevacizumab.json")
    result = json.loads(run([bin_, "evaluate", example, "--json"]).stdout)
    saved = os.path.join(tmp, "marked.json")
    with open(saved, "w") as f:
        json.dump(marked(result), f)
    page = os.path.join(tmp, "marked.html")
    p = run([bin_, "report", "--result", saved, "-o", page])
    if p.returncode != 0:
        fail("report --result: exit %d: %s" % (p.returncode, p.stderr.decode()))
        return
    lint = run(["xmllint", "--noout", page])
    if lint.returncode != 0:
        fail("marked page not well formed: %s" % lint.stderr.decode()[:500])
        return
    _, root = parse(page)
    check_safe("marked", root)
    text = text_of(root)
    if text.count(MARK) < 20:
        fail("markup does not read back as text (%d times)" % text.count(MARK))
    graph_text = " ".join("".join(t.itertext()) for t in root.iter(SVG + "text"))
    if SCRIPT not in graph_text or "&amp;\"'\\N" not in graph_text:
        fail("markup does not read back as text in the graphs")
    title = root.find("head/title")
    if title is None or SCRIPT not in (title.text or ""):
        fail("the case id's markup is not text in <title>")


def check_source(bin_, src, tmp):
    """A result read from a FHIR bundle (docs/output-format.md): its source
    record on the page, and the resource beside each pointer it names."""
    example = os.path.join(src, "examples", "recurrent-cervix-exenteration-bevacizumab.json")
    result = json.loads(run([bin_, "evaluate", example, "--json"]).stdout)
    result["source"] = {
        "format": "FHIR R4 Bundle",
        "bundle": {"id": "bundle-7", "type": "collection", "entries": 12},
        "as_of": "2024-03-01", "as_of_from": "Bundle.timestamp",
        "facts": {"/cancer/recurrence": [{"resource": "Condition/recurrence-1",
                                          "pointer": "/entry/4/resource"}],
                  "/prior_treatments/0": [{"resource": "Procedure/crt-1",
                                           "pointer": "/entry/6/resource"}],
                  # "/fitness" has no entry: its items' resources, each once,
                  # three at most.
                  "/fitness/a": [{"resource": "Patient/p-1", "pointer": "/entry/0/resource"}],
                  "/fitness/b": [{"resource": "Patient/p-1",
                                    "pointer": "/entry/0/resource/gender"}],
                  "/fitness/c": [{"resource": "Observation/ecog-1",
                                     "pointer": "/entry/8/resource/valueInteger"}],
                  "/fitness/d": [{"resource": "Observation/meno-1",
                                          "pointer": "/entry/9/resource"},
                                         {"resource": "Observation/meno-2",
                                          "pointer": "/entry/10/resource"}]},
        "not_understood": [{"resource": "MedicationStatement/ms-2",
                            "pointer": "/entry/13/resource/medicationCodeableConcept",
                            "codes": ["http://www.nlm.nih.gov/research/umls/rxnorm|1156671"],
                            "text": "fulvestrant Injectable Product",
                            "reason": "not in the oncorules drug list: not assessed"}],
        "conflicts": [{"field": "/cancer/stage", "reason": "stage IV with M0",
                       "values": [{"value": "IV", "resource": "Observation/stage",
                                   "pointer": "/entry/2/resource"},
                                  {"value": "M0", "resource": "Observation/cm",
                                   "pointer": "/entry/3/resource"}]}]}
    saved = os.path.join(tmp, "fhir-result.json")
    with open(saved, "w") as f:
        json.dump(result, f)
    page = os.path.join(tmp, "fhir.html")
    p = run([bin_, "report", "--result", saved, "-o", page])
    if p.returncode != 0:
        fail("report --result (FHIR source): exit %d: %s" % (p.returncode, p.stderr.decode()))
        return
    _, root = parse(page)
    check_safe("fhir", root)
    text = " ".join(text_of(root).split())
    for wanted in ("Source record", "bundle-7", "2024-03-01", "fulvestrant Injectable Product",
                   "MedicationStatement/ms-2", "stage IV with M0", "Observation/cm",
                   "/cancer/recurrence/sites/0 \u2190 Condition/recurrence-1",
                   "/prior_treatments/0 \u2190 Procedure/crt-1",
                   "/fitness \u2190 Patient/p-1 \u2190 Observation/ecog-1 "
                   "\u2190 Observation/meno-1 (and 1 more)",
                   "rxnorm|1156671"):
        if wanted not in text:
            fail("FHIR source record: %r is not on the page" % wanted)


FHIR_AS_OF = "2024-06-01"


def cited_pointers(value):
    """Every case pointer of every because-list of a result (the
    explanations; not the status card's)."""
    found = set()
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "because" and isinstance(v, list):
                found.update(p for b in v for p in b.get("pointers", []) if isinstance(p, str))
            elif k != "source":
                found |= cited_pointers(v)
    elif isinstance(value, list):
        for v in value:
            found |= cited_pointers(v)
    return found


def check_fhir(bin_, src, tmp):
    bundles = sorted(glob.glob(os.path.join(src, "tests", "fhir", "bundles", "*.json")))
    if not bundles:
        fail("no FHIR test bundles under tests/fhir/bundles")
        return
    pages = {}
    for bundle in bundles:
        name = "fhir-" + os.path.basename(bundle)[:-5]
        ev = run([bin_, "evaluate", "--fhir", bundle, "--as-of", FHIR_AS_OF, "--json"])
        result = json.loads(ev.stdout)
        page = os.path.join(tmp, name + ".html")
        p = run([bin_, "report", "--fhir", bundle, "--as-of", FHIR_AS_OF, "-o", page])
        if p.returncode != ev.returncode:
            fail("%s: report --fhir exit %d, evaluate --fhir exit %d: %s"
                 % (name, p.returncode, ev.returncode, p.stderr.decode()))
            continue
        saved = os.path.join(tmp, name + ".json")
        with open(saved, "wb") as f:
            f.write(ev.stdout)
        again = os.path.join(tmp, name + "-saved.html")
        run([bin_, "report", "--result", saved, "-o", again])
        data, root = parse(page)
        with open(again, "rb") as f:
            if f.read() != data:
                fail("%s: report --fhir and report --result of its result differ" % name)
        pages[bundle] = data
        check_safe(name, root)
        source = result.get("source")
        if not isinstance(source, dict):
            fail("%s: evaluate --fhir gives no source record" % name)
            continue
        text = " ".join(text_of(root).split())
        wanted = ["Source record"]
        if source["bundle"].get("id"):
            wanted.append(source["bundle"]["id"])
        for c in source["conflicts"]:
            wanted += [c["field"], c["reason"]]
            wanted += ["%s \u2190 %s" % (v["value"], v["resource"]) for v in c["values"]]
        for n in source["not_understood"]:
            wanted += [n["resource"], " ".join(n["reason"].split())]
        if result.get("errors") is None:
            for pointer in sorted(cited_pointers(result)):
                for s in source["facts"].get(pointer, [])[:1]:
                    wanted.append("%s \u2190 %s" % (pointer, s["resource"]))
        for w in wanted:
            if w not in text:
                fail("%s: %r is not on the page" % (name, w))
        titles = {e.get("title") for e in root.iter("span") if e.get("class") == "from"}
        for pointer in cited_pointers(result):
            for s in source["facts"].get(pointer, [])[:1]:
                if s["pointer"] not in titles:
                    fail("%s: the bundle pointer %s of %s is not shown" % (name, s["pointer"],
                                                                          pointer))
    # batch --html --fhir: a bundle a line, the pages report --fhir draws.
    lines = "".join(json.dumps(json.load(open(b))) + "\n" for b in bundles).encode()
    out = os.path.join(tmp, "fhir-pages")
    p = run([bin_, "batch", "--fhir", "--as-of", FHIR_AS_OF, "--html", out], stdin=lines)
    if p.returncode != 0:
        fail("batch --fhir --html: exit %d: %s" % (p.returncode, p.stderr.decode()))
        return
    drawn = sorted(f for f in os.listdir(out) if f != "index.html")
    if len(drawn) != len(bundles):
        fail("batch --fhir --html: %d pages for %d bundles" % (len(drawn), len(bundles)))
        return
    for bundle, f in zip(bundles, drawn):
        with open(os.path.join(out, f), "rb") as page:
            if bundle in pages and page.read() != pages[bundle]:
                fail("batch --fhir --html: the page of %s differs from report --fhir's" % bundle)


def check_readme(src):
    with open(os.path.join(src, "README.md")) as f:
        images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", f.read())
    if len(images) != 1:
        fail("README.md shows %d pictures, want one (the report's screenshot)" % len(images))
        return
    path = os.path.join(src, images[0])
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        fail("README.md's picture %s: %s" % (images[0], e))
        return
    # A PNG: its signature, then the IHDR chunk with width and height.
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        fail("README.md's picture %s is not a PNG" % images[0])
        return
    width, height = struct.unpack(">II", data[16:24])
    print("README picture: %s, %dx%d, %.1f KB" % (images[0], width, height, len(data) / 1024))
    if len(data) >= README_IMAGE_MAX:
        fail("README.md's picture %s is %d bytes, over %d" % (images[0], len(data),
                                                             README_IMAGE_MAX))


def main():
    bin_, src = sys.argv[1], sys.argv[2]
    if shutil.which("xmllint") is None:
        print("xmllint is missing (Debian libxml2-utils): skipped")
        return 77
    tmp = tempfile.mkdtemp()
    try:
        check_pages(bin_, src, tmp)
        check_markup(bin_, src, tmp)
        check_source(bin_, src, tmp)
        check_fhir(bin_, src, tmp)
        check_readme(src)
    finally:
        shutil.rmtree(tmp)
    return outcome()


def outcome():
    """The exit status of a check: 1 after any failure."""
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
