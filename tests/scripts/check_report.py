#!/usr/bin/env python3
"""check_report.py ONCORULES SOURCE_DIR: the HTML report's page, without a
browser (issue 11; docs/report.md). test_report_browser.py loads pages in
Chromium; this checks what a parser can:

  - every page (the audit cases, the bundled example, an invalid case) is
    well-formed XML (xmllint --noout) and the same bytes on every run;
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
  - the page of the largest audit case (by result size) is under 300 KB.
"""
import glob
import json
import os
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
    cases = sorted(glob.glob(os.path.join(src, "tests", "audit-cases", "*.json")))
    cases.append(os.path.join(src, "examples", "recurrent-cervix-exenteration-bevacizumab.json"))
    sizes = []
    for case in cases:
        name = os.path.basename(case)[:-5]
        page = os.path.join(tmp, name + ".html")
        p = run([bin_, "report", case, "-o", page])
        if p.returncode != 0:
            fail("%s: report exit %d: %s" % (name, p.returncode, p.stderr.decode()))
            continue
        lint = run(["xmllint", "--noout", page])
        if lint.returncode != 0:
            fail("%s: not well formed: %s" % (name, lint.stderr.decode()[:500]))
            continue
        again = os.path.join(tmp, name + ".again.html")
        run([bin_, "report", case, "-o", again])
        with open(page, "rb") as a, open(again, "rb") as b:
            if a.read() != b.read():
                fail("%s: two runs give different pages" % name)
        result = json.loads(run([bin_, "evaluate", case, "--json"]).stdout)
        data, root = parse(page)
        check_safe(name, root)
        check_cards(name, root, result)
        text = text_of(root)
        for key in ("case",):
            if result[key] not in text:
                fail("%s: the case id is not on the page" % name)
        kb = result["knowledge_base"]
        if kb["version"] not in text or kb["sha256"] not in text:
            fail("%s: the knowledge base's version and hash are not on the page" % name)
        if result["disclaimer"] not in text:
            fail("%s: the disclaimer is not on the page" % name)
        sizes.append((len(json.dumps(result)), len(data), name))
    sizes.sort()
    largest = sizes[-1]
    print("largest audit case by result size: %s, result %d bytes, page %d bytes (%.1f KB)"
          % (largest[2], largest[0], largest[1], largest[1] / 1024))
    if largest[1] >= MAX_BYTES:
        fail("the page of %s is %d bytes, over %d" % (largest[2], largest[1], MAX_BYTES))


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


def main():
    bin_, src = sys.argv[1], sys.argv[2]
    if shutil.which("xmllint") is None:
        print("xmllint is missing (Debian libxml2-utils): skipped")
        return 77
    tmp = tempfile.mkdtemp()
    try:
        check_pages(bin_, src, tmp)
        check_markup(bin_, src, tmp)
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
