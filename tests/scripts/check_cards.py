#!/usr/bin/env python3
"""check_cards.py ONCORULES SOURCE_DIR CHECK: the decision cards and their
text (docs/output-format.md, "Cards"; issue 10, "Done when").

Checks, one per ctest test (tests/scripts/test_cards_*.sh):
  model    every recommendation, possible option, warning and exclusion is on
           exactly one card; a card's first option is its preferred one when
           one is marked; over the audit cases (tests/audit-cases/) and the
           inputs of every regression case. Every excluded option of the JSON
           is on the one-screen text: its group's RULED OUT line names each
           option once, or counts it ("and N more").
  detail   `evaluate --detail` gives every explanation the JSON gives: each
           because-line, pointer, quote, rule, history line, "possible if"
           statement and field, missing field and its needed-for text.
  escape   control characters of case data never reach text output, in every
           verb that prints text (evaluate, explain, test, diff, batch), with
           the forging id of the reliability review (F9); nor do C1
           controls, bidi controls or U+2028/U+2029 (shown as \\u{XXXX}),
           from a case or from a FHIR bundle (one printable path).
  menus    no option whose drugs are alternatives is presented as a regimen:
           no `agents` list holds two drugs of one class that are never given
           together (two platinums, two taxanes, two aromatase inhibitors...),
           and every menu (`choices`) prints as "one of". Guidelines that do
           not declare their cards yet (no card-def) are reported, not failed;
           the check then exits 77 (skipped) after checking the others.
  lines    the audit cases print in at most 70 lines of default text each,
           median at most 40, with the preferred option (when there is one) in
           the first 20 lines. Same rule: a guideline without card
           declarations is reported with its figures and the check exits 77.
           No line is wider than 100 columns (always enforced).
  golden   the default text of one case per guideline equals
           tests/golden-text/<case>.txt (UPDATE_GOLDEN=1 rewrites them); the
           first line's rule-base version and hash are masked.
"""
import glob
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

SKIP = 77
# Drug classes whose members are never given together in one regimen.
EXCLUSIVE = {"platinum", "taxane", "anthracycline", "aromatase-inhibitor",
             "anti-estrogen", "lhrh-agonist", "bisphosphonate", "anti-VEGF",
             "immune-checkpoint-inhibitor"}
GOLDEN_CASES = ["anal-typical", "br-her2-first-line", "c4b-typical", "cr-distant-typical"]
MAX_LINES, MAX_MEDIAN, PREFERRED_WITHIN = 70, 40, 20


def run(args, stdin=None):
    p = subprocess.run(args, input=stdin, capture_output=True)
    return p.returncode, p.stdout, p.stderr


def audit_cases(src):
    return sorted(glob.glob(os.path.join(src, "tests", "audit-cases", "*.json")))


def regression_inputs(src):
    out = []
    for path in sorted(glob.glob(os.path.join(src, "tests", "cases", "**", "*.json"),
                                 recursive=True)):
        with open(path) as f:
            out.append((path, json.dumps(json.load(f)["input"])))
    return out


def results(binary, texts):
    """The full JSON result of each case text, through one batch run."""
    code, out, err = run([binary, "batch"], "\n".join(texts).encode() + b"\n")
    if code != 0:
        sys.exit("batch failed: %s" % err.decode())
    return [json.loads(line) for line in out.decode().splitlines()]


def balanced(text, start):
    """The text of the parenthesised form that starts at `start`."""
    depth, i, in_string = 0, start, False
    while i < len(text):
        c = text[i]
        if in_string:
            if c == "\\":
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
        i += 1
    return text[start:]


def declared_guidelines(src):
    """Guidelines with at least one card-def in the shipped rule base."""
    found = set()
    for path in glob.glob(os.path.join(src, "rules", "*.clp")):
        text = re.sub(r";[^\n]*", "", open(path).read())
        for m in re.finditer(r"\(card-def\b", text):
            g = re.search(r"\(guideline\s+([\w-]+)\)", balanced(text, m.start()))
            if g:
                found.add(g.group(1))
    return found


def drug_classes(src):
    classes = {}
    text = open(os.path.join(src, "rules", "drugs.clp")).read()
    for m in re.finditer(r"\(drug \(agent ([\w-]+)\) \(classes ([^)]*)\)\)", text):
        classes[m.group(1)] = set(m.group(2).split())
    return classes


# ------------------------------------------------------------------ model

def check_model(doc, where, problems):
    if "cards" not in doc:
        return
    holders = {}
    for card in doc["cards"]:
        for key in ("options", "possible", "warnings", "exclusions"):
            for item_id in card[key]:
                holders.setdefault((key, item_id), []).append(card["id"])
    for key, card_key in (("recommendations", "options"), ("possible", "possible"),
                          ("warnings", "warnings"), ("exclusions", "exclusions")):
        for item in doc[key]:
            on = holders.get((card_key, item["id"]), [])
            if len(on) != 1:
                problems.append("%s: %s %s is on %d cards %s" %
                                (where, key, item["id"], len(on), on))
    preferred = {r["id"] for r in doc["recommendations"] if r["preferred"]}
    for card in doc["cards"]:
        if card["lead"] is None and preferred & set(card["options"]) and \
                card["options"][0] not in preferred:
            problems.append("%s: card %s lists %s first, not its preferred option" %
                            (where, card["id"], card["options"][0]))


def words(symbol):
    """cli_words: hyphens between lowercase letters become spaces."""
    return re.sub(r"(?<=[a-z])-(?=[a-z])", " ", symbol)


def exclusion_name(x):
    """The short name of an exclusion on the text (cli_short_name; an
    exclusion has no choices and no target)."""
    agents = " + ".join(words(a) for a in x.get("agents") or [])
    chemoradiation = x.get("modality") == "chemoradiation"
    if x.get("procedure"):
        name = words(x["procedure"])
        return name + (" with concurrent " + agents if chemoradiation and agents else "")
    if agents:
        return ("chemoradiation with " if chemoradiation else "") + agents
    return words(x.get("modality", ""))


MAX_NAMES = 8  # cli/summary.c


def ruled_out_lines(doc):
    """The RULED OUT lines the text must hold: for each group, its options'
    names, each option once (at most MAX_NAMES, then "and N more"), and its
    reason; when the status card is folded, the first group and "and N more
    for other reasons"."""
    by_id = {x["id"]: x for x in doc["exclusions"]}
    lines, others = [], 0
    folded = doc["cards"][0].get("collapsed") is True
    for card in doc["cards"]:
        if card["kind"] != "ruled-out":
            continue
        for i, group in enumerate(card["groups"]):
            if folded and i > 0:
                others += len(group["exclusions"])
                continue
            seen, names = set(), []
            for xid in group["exclusions"]:
                x = by_id[xid]
                if x["option"] not in seen:
                    seen.add(x["option"])
                    names.append(exclusion_name(x))
            line = ", ".join(names[:MAX_NAMES])
            if len(names) > MAX_NAMES:
                line += " and %d more" % (len(names) - MAX_NAMES)
            lines.append(line + ": " + group["reason"])
    if others:
        lines.append("and %d more for other reasons" % others)
    return lines


def check_ruled_out_text(binary, doc, case_text, where, problems):
    with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
        f.write(case_text)
        f.flush()
        code, out, _ = run([binary, "evaluate", f.name])
    text = normal(out.decode())
    for line in ruled_out_lines(doc):
        if normal(line) not in text:
            problems.append("%s: the text lacks the RULED OUT line %r" % (where, line[:120]))


def cmd_model(binary, src):
    problems = []
    cases = audit_cases(src)
    texts = [open(p).read().replace("\n", " ") for p in cases]
    names = [os.path.basename(p) for p in cases]
    for path, text in regression_inputs(src):
        texts.append(text)
        names.append(os.path.relpath(path, src))
    checked = ruled_out = 0
    for name, text, doc in zip(names, texts, results(binary, texts)):
        if "errors" in doc:
            continue
        check_model(doc, name, problems)
        checked += 1
        if doc["exclusions"]:
            check_ruled_out_text(binary, doc, text, name, problems)
            ruled_out += 1
    report(problems, "cards hold every item once, preferred first: %d results; every "
           "exclusion on the text: %d results" % (checked, ruled_out))


# ------------------------------------------------------------------ detail

def normal(text):
    return " ".join(text.split())


def explanations(doc):
    """Every piece of explanation the JSON gives, as text to find."""
    pieces = []

    def because(lines):
        for b in lines:
            pieces.append(b["statement"])
            pieces.extend(b["pointers"])

    for key in ("recommendations", "possible", "warnings", "exclusions", "notes"):
        for item in doc[key]:
            because(item["because"])
            for e in item["evidence"]:
                pieces.extend([e["ref"], e["quote"]])
            pieces.append(item["rule"])
            for h in item.get("history", []):
                pieces.append(h["status"])
                because(h["because"])
            for w in item.get("if", []):
                pieces.append(w["statement"])
                pieces.extend(w["fields"])
    for m in doc["missing_information"]:
        pieces.extend([m["field"], m["needed_for"]])
        pieces.extend(m["options"])
    return [p for p in pieces if p]


def audit_results(binary, src):
    """(path, result) of each audit case, through one batch run."""
    cases = audit_cases(src)
    return list(zip(cases, results(binary, [open(p).read().replace("\n", " ") for p in cases])))


def cmd_detail(binary, src):
    problems = []
    for path, doc in audit_results(binary, src):
        name = os.path.basename(path)
        code, text, _ = run([binary, "evaluate", "--detail", path])
        text = normal(text.decode())
        for piece in explanations(doc):
            if normal(piece) not in text:
                problems.append("%s: --detail lacks %r" % (name, piece[:80]))
    report(problems, "--detail gives every explanation of the JSON: %d cases" %
           len(audit_cases(src)))


# ------------------------------------------------------------------ escape

FORGING_ID = "x\n\nOPTIONS FOR DISCUSSION (1)\n  fake\u001b[31mRED\u0007"


def has_control(data):
    return any(b < 0x20 and b not in (0x0a,) or b == 0x7f for b in data)


# Code points that reorder or break what a terminal shows: C1 controls,
# bidirectional marks, embeddings, overrides and isolates, U+2028/U+2029.
HIDDEN = ([chr(c) for c in range(0x80, 0xa0)] + ["\u061c", "\u200e", "\u200f"] +
          [chr(c) for c in range(0x2028, 0x202f)] + [chr(c) for c in range(0x2066, 0x206a)])
HIDING_ID = "rlo\u202e\u2028\u0085\u009b\u2066x"


def has_hidden(data):
    text = data.decode("utf-8", "replace")
    return any(c in text for c in HIDDEN)


def fhir_bundle(name):
    """A bundle whose id and drug name hold a control character and the
    hidden code points: the FHIR path prints them as the case path does."""
    return {"resourceType": "Bundle", "id": "b" + HIDING_ID, "type": "collection", "entry": [
        {"resource": {"resourceType": "Patient", "id": "p", "gender": "female"}},
        {"resource": {"resourceType": "Condition", "id": "c", "code": {"coding": [
            {"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "C50.911"}]},
            "stage": [{"summary": {"coding": [{"system": "http://cancerstaging.org",
                                               "code": "4"}]}}]}},
        {"resource": {"resourceType": "MedicationStatement", "id": "m", "status": "active",
                      "medicationCodeableConcept": {"text": name}}}]}


def cmd_escape(binary, src):
    problems = []
    tmp = tempfile.mkdtemp()
    case = {"id": FORGING_ID, "cancer": {"site": "anus", "stage": "IV"}}
    case_path = os.path.join(tmp, "forging.json")
    with open(case_path, "w") as f:
        json.dump(case, f)
    # A regression case file whose expectation fails, so that `test` prints
    # the id, a description and the result's items back.
    folder = os.path.join(tmp, "cases")
    os.mkdir(folder)
    with open(os.path.join(folder, "forging.json"), "w") as f:
        json.dump({"description": "forging \u001b]0;title\u0007 description",
                   "input": case,
                   "expect": {"recommendations": [{"id": "no-such\u001b[2J"}]}}, f)
    kb = os.path.join(src, "rules")
    runs = {
        "evaluate": [binary, "evaluate", case_path],
        "evaluate --detail": [binary, "evaluate", "--detail", case_path],
        "explain": [binary, "explain", case_path],
        "explain --why-not": [binary, "explain", case_path, "--why-not", "x\u001b[31m"],
        "test": [binary, "test", folder],
        "diff": [binary, "diff", "--kb", kb, "--kb", os.path.join(src, "tests", "fixtures", "kb-mini"),
                 case_path],
        "batch (a file name)": [binary, "batch", os.path.join(tmp, "no\u001b[31mfile\nx")],
    }
    hiding_path = os.path.join(tmp, "hiding.json")
    with open(hiding_path, "w") as f:
        json.dump({"id": HIDING_ID, "cancer": {"site": "breast", "stage": "IV"},
                   "medications": [{"agent": "other", "name": "\u202ebamuzicaveb",
                                    "status": "active"}]}, f)
    bundle_path = os.path.join(tmp, "hiding-bundle.json")
    with open(bundle_path, "w") as f:
        json.dump(fhir_bundle("palbo\u202e\nFAKE\u0085"), f)
    runs.update({
        "evaluate (bidi and C1)": [binary, "evaluate", hiding_path],
        "evaluate --detail (bidi and C1)": [binary, "evaluate", "--detail", hiding_path],
        "explain (bidi and C1)": [binary, "explain", hiding_path],
        "evaluate --fhir": [binary, "evaluate", "--fhir", bundle_path],
        "evaluate --fhir --detail": [binary, "evaluate", "--fhir", "--detail", bundle_path],
    })
    for name, args in runs.items():
        code, out, err = run(args)
        for stream, data in (("stdout", out), ("stderr", err)):
            if has_control(data):
                problems.append("%s: a control character on %s" % (name, stream))
            if has_hidden(data):
                problems.append("%s: a bidi, C1 or separator code point on %s" % (name, stream))
            if re.search(rb"^OPTIONS FOR DISCUSSION", data, re.M):
                problems.append("%s: the id forged a line on %s" % (name, stream))
        if name in ("evaluate", "evaluate --detail") and b"x\\x0a\\x0aOPTIONS" not in out:
            problems.append("%s: the id is not shown escaped" % name)
        if "bidi" in name and b"rlo\\u{202E}\\u{2028}\\u{0085}\\u{009B}\\u{2066}x" not in out:
            problems.append("%s: the id is not shown escaped" % name)
        # one printable path: the drug name read from FHIR is escaped like
        # the case's, never replaced by '?'
        if "--fhir" in name and b"palbo\\u{202E}\\x0aFAKE\\u{0085}" not in out:
            problems.append("%s: the drug name is not shown escaped" % name)
    report(problems, "control characters escaped in %d runs" % len(runs))


# ------------------------------------------------------------------ menus

def cmd_menus(binary, src):
    classes = drug_classes(src)
    declared = declared_guidelines(src)
    failures, pending = [], {}
    audit = audit_results(binary, src)
    texts = [t for _, t in regression_inputs(src)]
    menus_checked = 0
    for doc in [d for _, d in audit] + results(binary, texts):
        if "errors" in doc:
            continue
        guideline = ",".join(doc["guidelines"])
        for item in doc["recommendations"] + doc["possible"]:
            shared = {}
            for agent in item["agents"]:
                for c in classes.get(agent, ()):
                    if c in EXCLUSIVE:
                        shared.setdefault(c, []).append(agent)
            bad = {c: a for c, a in shared.items() if len(a) > 1}
            if bad:
                line = "%s: %s lists alternatives as a regimen (agents %s)" % (
                    guideline, item["id"], "; ".join("%s: %s" % (c, ", ".join(a))
                                                     for c, a in sorted(bad.items())))
                if set(doc["guidelines"]) <= declared:
                    failures.append(line)
                else:
                    pending[line] = 1
            if item["choices"]:
                menus_checked += 1
                if item["agents"] and item["form"] != "regimen-with-choice" or \
                        not item["agents"] and item["form"] != "menu":
                    failures.append("%s: %s has choices but form %s" %
                                    (guideline, item["id"], item["form"]))
    # A menu prints as one item with its choices.
    for path, doc in audit:
        menus = [r for r in doc.get("recommendations", []) if r["choices"] and
                 r["role"] == "main"]
        if not menus:
            continue
        code, text, _ = run([binary, "evaluate", path])
        text = normal(text.decode())
        for m in menus:
            if "one of" not in text and not all(c.replace("-", " ") in text
                                                for c in m["choices"]):
                failures.append("%s: menu %s is not shown as one item with its choices" %
                                (os.path.basename(path), m["id"]))
    finish_gated(failures, sorted(pending),
                 "menus are never regimens: %d menu items checked" % menus_checked,
                 "guidelines without card declarations still list alternatives as regimens")


# ------------------------------------------------------------------ lines

def preferred_line(text_lines, doc):
    """The first line showing a preferred option: its item (the summary's
    start) or its place in a fold ("(preferred"); None when none is marked."""
    preferred = [r for r in doc["recommendations"] if r["preferred"]]
    if not preferred:
        return None
    for i, line in enumerate(text_lines, 1):
        flat = normal(line)
        if "(preferred" in flat:
            return i
        for r in preferred:
            if normal(r["summary"])[:30] in flat:
                return i
    return len(text_lines) + 1  # marked, and not shown: fails the check


def cmd_lines(binary, src):
    declared = declared_guidelines(src)
    failures, pending, counts = [], [], []
    figures = []
    for path, doc in audit_results(binary, src):
        name = os.path.basename(path)[:-5]
        code, text, _ = run([binary, "evaluate", path])
        lines = text.decode().splitlines()
        first = preferred_line(lines, doc)
        n = len(lines)
        counts.append(n)
        ok_decl = set(doc.get("guidelines", [])) <= declared
        figures.append("  %-32s %3d lines, preferred at %s%s" % (
            name, n, first if first else "-", "" if ok_decl else "   (no card declarations)"))
        problems = []
        for i, line in enumerate(lines, 1):
            # 100 columns; only a single word longer than a line may pass.
            if len(line) > 100 and " " in line.strip():
                failures.append("%s: line %d has %d columns" % (name, i, len(line)))
        if n > MAX_LINES:
            problems.append("%s: %d lines, more than %d" % (name, n, MAX_LINES))
        if first is not None and first > PREFERRED_WITHIN:
            problems.append("%s: the preferred option at line %d, after line %d" %
                            (name, first, PREFERRED_WITHIN))
        (failures if ok_decl else pending).extend(problems)
    median = statistics.median(counts)
    print("default text of the %d audit cases (median %.1f lines, largest %d):" %
          (len(counts), median, max(counts)))
    print("\n".join(figures))
    if median > MAX_MEDIAN:
        line = "median %.1f lines, more than %d" % (median, MAX_MEDIAN)
        (pending if len(declared) < 4 else failures).append(line)
    finish_gated(failures, pending, "the audit cases fit on one screen",
                 "guidelines without card declarations are over the issue's numbers")


# ------------------------------------------------------------------ golden

def masked(text):
    return re.sub(r"^(oncorules: case \S+), knowledge base [^\n]*", r"\1, knowledge base (masked)",
                  text, count=1)


def cmd_golden(binary, src):
    problems = []
    folder = os.path.join(src, "tests", "golden-text")
    for name in GOLDEN_CASES:
        path = os.path.join(src, "tests", "audit-cases", name + ".json")
        code, out, _ = run([binary, "evaluate", path])
        text = masked(out.decode())
        golden = os.path.join(folder, name + ".txt")
        if os.environ.get("UPDATE_GOLDEN"):
            os.makedirs(folder, exist_ok=True)
            with open(golden, "w") as f:
                f.write(text)
            continue
        if not os.path.exists(golden):
            problems.append("%s: no golden file %s" % (name, golden))
            continue
        want = open(golden).read()
        if want != text:
            import difflib
            diff = "".join(difflib.unified_diff(want.splitlines(True), text.splitlines(True),
                                                golden, "evaluate " + name, n=1))
            problems.append("%s: the text differs from its golden file:\n%s" % (name, diff))
    report(problems, "golden texts: %d cases" % len(GOLDEN_CASES))


# ------------------------------------------------------------------ report

def report(problems, ok):
    if problems:
        print("\n".join("FAIL " + p for p in problems))
        sys.exit(1)
    print("ok: " + ok)


def finish_gated(failures, pending, ok, pending_title):
    if failures:
        print("\n".join("FAIL " + p for p in failures))
        sys.exit(1)
    if pending:
        print("PENDING (%s):" % pending_title)
        print("\n".join("  " + p for p in pending))
        print("skipped: the issue's numbers hold once every guideline declares its cards")
        sys.exit(SKIP)
    print("ok: " + ok)


def main():
    binary, src, check = sys.argv[1], sys.argv[2], sys.argv[3]
    {"model": cmd_model, "detail": cmd_detail, "escape": cmd_escape, "menus": cmd_menus,
     "lines": cmd_lines, "golden": cmd_golden}[check](binary, src)


if __name__ == "__main__":
    main()
