#!/usr/bin/env python3
"""test_report_browser.py ONCORULES SOURCE_DIR: the HTML report in a real
browser, headless Chromium with the network off (issue 11, "Done when"
1-3; browser.py drives it over the DevTools protocol).

Pages: one case per guideline (the first audit case of each with a
critical warning, else its first), a case whose cancer treatment is folded
(she cannot have it), the largest audit case (by result size, and by page
size when that is another case), a case whose id and drug name hold
markup, and a result read from a FHIR bundle (its source record shown). For each page:
  - no request left the file (the only request is the page itself), no
    console error, exception or dialog;
  - the visible text holds every recommendation summary, possible option
    summary and warning text of the JSON result (items of folded cards once
    they are opened, as a reader would);
  - no label of an explanation graph runs out of its box (print media,
    where the graphs are drawn);
  - screenshots under BUILD/report-screenshots/: NAME-desktop.png (1280 px
    wide, the first screen) and NAME-a4.png (the first printed page: print
    media, A4 inside the page's margins); for the example also
    example-explained-desktop.png (its first option opened: the README's
    picture) and example.pdf (printed, A4).
The markup case: its id reads as text, and the page has no script or image
element. The largest cases: each page is under 300 KB and its load event
ends under a second after navigation starts (Navigation Timing, measured
in the page; the fastest of three loads); the figures are printed.
The harness checks itself first on a page that does make a request and log
an error: a check that cannot fail is no check.
"""
import glob
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser  # noqa: E402
from check_report import MAX_BYTES, fail, outcome, run  # noqa: E402

SKIP = 77
MAX_LOAD_MS = 1000


def squash(text):
    return " ".join(text.split())


def results(bin_, paths, pages):
    """Each case's result, from one `batch --html PAGES` run, with the size
    in bytes of the result and of its page."""
    lines = "".join(json.dumps(json.load(open(p))) + "\n" for p in paths).encode()
    p = run([bin_, "batch", "--html", pages], stdin=lines)
    # Pages are named by line number first: sorted, they follow the lines.
    sizes = [os.path.getsize(os.path.join(pages, f))
             for f in sorted(os.listdir(pages)) if f != "index.html"]
    return [(json.loads(line), len(line), size)
            for line, size in zip(p.stdout.decode().splitlines(), sizes)]


def choose_cases(bin_, src, tmp):
    audit = sorted(glob.glob(os.path.join(src, "tests", "audit-cases", "*.json")))
    answers = results(bin_, audit, os.path.join(tmp, "audit-pages"))
    if len(answers) != len(audit):
        fail("batch --html over the audit cases: %d answers for %d cases"
             % (len(answers), len(audit)))
    docs = [doc for doc, _, _ in answers]
    chosen, seen = [], set()
    for guideline in sorted({g for d in docs for g in d.get("guidelines", [])}):
        mine = [(p, d) for p, d in zip(audit, docs) if d.get("guidelines") == [guideline]]
        critical = [(p, d) for p, d in mine
                    if any(w["severity"] == "critical" for w in d.get("warnings", []))]
        path = (critical or mine)[0][0]
        chosen.append((guideline, path))
        seen.add(path)
    folded = [p for p, d in zip(audit, docs)
              if any(c.get("collapsed") for c in d.get("cards", [])) and p not in seen]
    if folded:
        chosen.append(("folded", folded[0]))
    # The largest audit case: by the size of its result, and by the size of
    # its page (when another case).
    by_result = max(zip(audit, answers), key=lambda pa: pa[1][1])[0]
    by_page = max(zip(audit, answers), key=lambda pa: pa[1][2])[0]
    chosen.append(("largest", by_result))
    if by_page != by_result:
        chosen.append(("largest-page", by_page))
    return chosen


MARKUP_ID = "<script>alert(1)</script>"
MARKUP_DRUG = "<img src=x onerror=alert(2)>"


def markup_case(tmp):
    case = {"id": MARKUP_ID,
            "cancer": {"site": "cervix", "histology": "squamous-cell-carcinoma", "stage": "IVB",
                       "recurrent": False, "metastases": ["lung"]},
            "patient": {"age": 60, "sex": "female", "ecog": 1},
            "medications": [{"agent": "other", "name": MARKUP_DRUG, "status": "active"}]}
    path = os.path.join(tmp, "markup.json")
    with open(path, "w") as f:
        json.dump(case, f)
    return path


OPEN_FOLDED = "document.querySelectorAll('.collapsed > details').forEach(d => d.open = true)"
VISIBLE_TEXT = "document.body.innerText"

# Every node of every drawing: its label lines inside its box (1 px of
# slack), in print media where the drawings are shown.
GRAPH_OVERFLOW = """(() => {
  const out = [];
  document.querySelectorAll('#explanations svg.graph g > g').forEach(g => {
    const shape = g.querySelector('polygon, path, ellipse');
    const texts = g.querySelectorAll('text');
    if (!shape || texts.length === 0) return;
    const b = shape.getBBox();
    texts.forEach(t => {
      const r = t.getBBox();
      if (r.x < b.x - 1 || r.x + r.width > b.x + b.width + 1)
        out.push(t.textContent + ' (' + Math.round(r.width) + ' in ' + Math.round(b.width) + ')');
    });
  });
  return out;
})()"""

SUMMARY_PAGES = """(() => {
  const s = document.getElementById('summary');
  return s ? s.getBoundingClientRect().height : 0;
})()"""


def self_check(b, tmp):
    page = os.path.join(tmp, "leaky.html")
    with open(page, "w") as f:
        f.write('<!DOCTYPE html><html><body><img src="http://192.0.2.1/x.png">'
                '<script>console.error("logged")</script></body></html>')
    seen = b.load("file://" + page)
    if len(seen["requests"]) < 2 or not seen["errors"]:
        fail("the harness does not see a request or a console error: %s" % seen)


def check_page(b, name, page, result, shots):
    url = "file://" + os.path.abspath(page)
    seen = b.load(url)
    others = [r for r in seen["requests"] if r != url]
    if others:
        fail("%s: requests left the file: %s" % (name, others))
    if seen["errors"]:
        fail("%s: console errors: %s" % (name, seen["errors"]))
    folded = {i for c in result.get("cards", []) if c.get("collapsed")
              for key in ("options", "possible", "warnings") for i in c.get(key, [])}
    wanted = [(o["id"], o["summary"]) for o in result.get("recommendations", []) +
              result.get("possible", [])] + [(w["id"], w["text"]) for w in result.get("warnings", [])]
    visible = squash(b.evaluate(VISIBLE_TEXT))
    b.evaluate(OPEN_FOLDED)
    opened = squash(b.evaluate(VISIBLE_TEXT))
    for item, text in wanted:
        where = opened if item in folded else visible
        if squash(text) not in where:
            fail("%s: %s is not in the visible text: %r" % (name, item, text))
    b.evaluate("document.querySelectorAll('.collapsed > details').forEach(d => d.open = false)")
    b.screenshot(os.path.join(shots, name + "-desktop.png"), 1280, 1000)
    # The first printed page: A4 inside the page's margins, print media.
    b.screenshot(os.path.join(shots, name + "-a4.png"), browser.A4_CONTENT_WIDTH_PX,
                 browser.A4_CONTENT_HEIGHT_PX, media="print")
    b.call("Emulation.setEmulatedMedia", {"media": "print"})
    b.call("Emulation.setDeviceMetricsOverride",
           {"width": browser.A4_CONTENT_WIDTH_PX, "height": browser.A4_CONTENT_HEIGHT_PX,
            "deviceScaleFactor": 1, "mobile": False})
    overflow = b.evaluate(GRAPH_OVERFLOW)
    if overflow:
        fail("%s: graph labels run out of their boxes: %s" % (name, overflow[:5]))
    summary_px = b.evaluate(SUMMARY_PAGES)
    b.call("Emulation.setEmulatedMedia", {"media": "screen"})
    return seen, summary_px


def main():
    bin_, src = os.path.abspath(sys.argv[1]), sys.argv[2]
    if browser.find_chromium() is None:
        print("chromium is not installed (Debian package chromium; scripts/install-deps "
              "installs it): skipped")
        return SKIP
    shots = os.path.join(os.path.dirname(bin_), "report-screenshots")
    os.makedirs(shots, exist_ok=True)
    tmp = tempfile.mkdtemp()
    cases = choose_cases(bin_, src, tmp)
    cases.insert(0, ("example", os.path.join(
        src, "examples", "recurrent-cervix-exenteration-bevacizumab.json")))
    cases.append(("markup", markup_case(tmp)))
    # A result read from a FHIR bundle, with its source record.
    cases.append(("fhir", os.path.join(src, "tests", "fhir", "bundles",
                                       "cervix-recurrent-after-chemoradiation.json")))
    b = browser.Browser()
    try:
        self_check(b, tmp)
        for label, path in cases:
            name = label if label in ("example", "folded", "largest", "largest-page",
                                      "markup", "fhir") else \
                os.path.basename(path)[:-5]
            page = os.path.join(tmp, name + ".html")
            fhir = ["--fhir", "--as-of", "2024-06-01"] if label == "fhir" else []
            p = run([bin_, "report", path, "-o", page] + fhir)
            if p.returncode != 0:
                fail("%s: report exit %d: %s" % (name, p.returncode, p.stderr.decode()))
                continue
            result = json.loads(run([bin_, "evaluate", path, "--json"] + fhir).stdout)
            seen, summary_px = check_page(b, name, page, result, shots)
            size = os.path.getsize(page)
            print("%-26s %-34s %6.1f KB  load %6.1f ms  summary %5.0f px of a %d px A4 page"
                  % (name, os.path.basename(path), size / 1024, seen["load_ms"], summary_px,
                     browser.A4_CONTENT_HEIGHT_PX))
            if label == "example":
                # The README's screenshot: the first screen with the first
                # option open to its explanation and graph.
                b.load("file://" + os.path.abspath(page))
                b.evaluate("document.querySelector('.option-card .item details').open = true")
                b.screenshot(os.path.join(shots, "example-explained-desktop.png"), 1280, 1600)
                print("example printed: %d A4 pages (example.pdf)"
                      % b.pdf(os.path.join(shots, "example.pdf")))
            if label in ("largest", "largest-page"):
                if size >= MAX_BYTES:
                    fail("largest case %s: page of %d bytes, over %d" % (path, size, MAX_BYTES))
                # The page's own cost, not the shared machine's load at that
                # moment: the fastest of three loads.
                loads = [seen["load_ms"]] + [b.load("file://" + os.path.abspath(page))["load_ms"]
                                             for _ in range(2)]
                print("%-26s load of 3: %s ms" % (name, ", ".join("%.1f" % t for t in loads)))
                if min(loads) >= MAX_LOAD_MS:
                    fail("largest case %s: load event ends %.1f ms after navigation, over %d"
                         % (path, min(loads), MAX_LOAD_MS))
            if label == "fhir":
                visible = squash(b.evaluate(VISIBLE_TEXT))
                bundle = result["source"]["bundle"]["id"]
                if "Source record" not in visible or bundle not in visible:
                    fail("fhir: the source record of bundle %s is not in the visible text"
                         % bundle)
            if label == "markup":
                heading = b.evaluate("document.querySelector('.case-id').textContent")
                if heading != MARKUP_ID:
                    fail("markup case: the id reads %r, want %r" % (heading, MARKUP_ID))
                n = b.evaluate("document.querySelectorAll('script, img, iframe, object').length")
                if n != 0:
                    fail("markup case: %d script or image elements" % n)
                if MARKUP_DRUG not in b.evaluate(VISIBLE_TEXT):
                    fail("markup case: the drug's name does not read as text")
    finally:
        b.close()
        shutil.rmtree(tmp)
    print("screenshots: " + shots)
    return outcome()


if __name__ == "__main__":
    sys.exit(main())
