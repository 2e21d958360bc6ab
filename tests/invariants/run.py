#!/usr/bin/env python3
"""run.py: the clinical invariant suite.

    run.py --oncorules BIN [--count N] [--seed S] [--known FILE]
           [--shrink-known] [--only NAME,...] [--list]

Generates N valid cases (generate.py), runs them through `BIN batch` twice
(-j 2, then -j 1; the two outputs must be byte-identical), and checks every
invariant of invariants.py on every result. A failing invariant is shown
with its source sentence, the offending items, and its first failing case
shrunk to the fewest fields that still fail (greedy removal of keys and
list items, the case kept valid).

Invariants listed in known-failures.txt are expected to fail (the rule base
has a known bug, named by its audit finding): they are reported, not
counted as errors, and one that passes is an error, so that the list
shrinks as fixes land. An invariant whose premise no generated case meets
is an error too: steer the generator (generate.py) to reach it.

Exit status: 0 every invariant as expected; 1 an unexpected failure, an
unexpected pass, an invariant never exercised, a failed self-test or set-up
check, or an engine run that failed; 2 usage.
"""
import argparse
import copy
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import generate  # noqa: E402
from clinical import ABSENT, DRUG_CLASSES, Case, Result  # noqa: E402
from invariants import INVARIANTS  # noqa: E402
from witnesses import WITNESSES  # noqa: E402

EXAMPLES_KEPT = 20  # failing cases kept per invariant; the smallest is shrunk


def normalize(text):
    return " ".join(text.split())


class Context:
    """What invariants consult besides the case and the result: the case
    schema, the sources, the knowledge-map labels."""

    def __init__(self, schema):
        self.schema = schema
        self.sources = {}
        for name in os.listdir(os.path.join(ROOT, "rules", "sources")):
            with open(os.path.join(ROOT, "rules", "sources", name), encoding="utf-8") as f:
                self.sources[name] = normalize(f.read())
        with open(os.path.join(ROOT, "rules", "knowledge-map.md"), encoding="utf-8") as f:
            self.labels = set(re.findall(r"\[([A-Z0-9]+-[0-9]+)\]", f.read()))
        self._quotes = {}
        self._pointers = {}

    def quote_in_source(self, source, quote):
        key = (source, quote)
        if key not in self._quotes:
            text = self.sources.get(source) if isinstance(source, str) else None
            self._quotes[key] = bool(text and isinstance(quote, str) and quote.strip() and
                                     normalize(quote) in text)
        return self._quotes[key]

    def _steps(self, pointer):
        """The schema side of a JSON pointer, cached: (steps, schema node),
        each step a key or an index; or a problem string."""
        if pointer in self._pointers:
            return self._pointers[pointer]
        found = None
        if not isinstance(pointer, str) or (pointer and not pointer.startswith("/")):
            found = "not a JSON pointer"
        node, steps = self.schema, []
        for raw in pointer.split("/")[1:] if found is None else []:
            token = raw.replace("~1", "/").replace("~0", "~")
            node = generate.resolve(self.schema, node)
            if node.get("type") == "object":
                if token not in node.get("properties", {}):
                    found = "the case format has no key %r here" % token
                    break
                node = node["properties"][token]
                steps.append(token)
            elif node.get("type") == "array":
                if not re.fullmatch(r"0|[1-9][0-9]*", token):
                    found = "%r is not a list index" % token
                    break
                node = node["items"]
                steps.append(int(token))
            else:
                found = "the pointer goes below a single value"
                break
        if found is None:
            found = (steps, generate.resolve(self.schema, node))
        if isinstance(pointer, str):
            self._pointers[pointer] = found
        return found

    def _walk(self, case, pointer):
        """(schema node, value) at a JSON pointer, or a problem string. With
        case None only the schema is walked (any index is accepted)."""
        found = self._steps(pointer)
        if isinstance(found, str) or case is None:
            return found if isinstance(found, str) else (found[1], ABSENT)
        steps, node = found
        value = case
        for step in steps:
            if isinstance(step, int):
                if not isinstance(value, list) or step >= len(value):
                    return "the case has no item %d here" % step
                value = value[step]
            else:
                value = value.get(step, ABSENT) if isinstance(value, dict) else ABSENT
        return node, value

    def pointer_problem(self, case, pointer):
        found = self._steps(pointer)
        if isinstance(found, str):
            return found
        if not any(isinstance(step, int) for step in found[0]):
            return None  # no list item to look for in the case
        walked = self._walk(case, pointer)
        return walked if isinstance(walked, str) else None

    def is_scalar_field(self, pointer):
        walked = self._walk(None, pointer)
        return not isinstance(walked, str) and walked[0].get("type") not in ("object", "array")

    def allowed_values(self, pointer):
        walked = self._walk(None, pointer)
        return [] if isinstance(walked, str) else walked[0].get("enum", [])

    def value_at(self, case, pointer):
        walked = self._walk(case, pointer)
        return ABSENT if isinstance(walked, str) else walked[1]


# ------------------------------------------------------------------ engine runs


def run_batch(binary, cases_path, jobs, stderr):
    """`binary batch -j jobs cases_path`, its output read as it comes;
    standard error goes to a file (a pipe nobody reads could fill up)."""
    return subprocess.Popen([binary, "batch", "-j", str(jobs), cases_path],
                            stdout=subprocess.PIPE, stderr=stderr)


def parse(raw):
    """A result line; a line that is not JSON becomes a record that fails
    one-result-per-line (no line number, no case)."""
    try:
        return json.loads(raw)
    except ValueError:
        head = raw[:200]
        return {"not JSON": head.decode("utf-8", "replace") if isinstance(head, bytes) else head}


def evaluate_many(binary, cases, jobs=1):
    """Results of `cases` (a list of dicts), parsed, in order."""
    text = "".join(json.dumps(c, separators=(",", ":")) + "\n" for c in cases)
    done = subprocess.run([binary, "batch", "-j", str(jobs)], input=text.encode("utf-8"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if done.returncode != 0:
        raise SystemExit("run.py: %s batch exited %d: %s"
                         % (binary, done.returncode, done.stderr.decode(errors="replace")[-500:]))
    return done.stdout.decode("utf-8").splitlines()


def prepare(case_data, line_no, result_data):
    case = Case(case_data)
    case.line = line_no
    return case, Result(result_data)


def check_case(inv, ctx, case, result):
    """None (premise not met) or the offending items of one invariant."""
    if "errors" in result.data and inv.name not in ("generated-case-accepted",
                                                     "valid-case-within-run-limits",
                                                     "one-result-per-line"):
        return None
    bad = inv.check(case, result, ctx)
    return None if bad is None else list(bad)


def self_test(binary, ctx, schema):
    """Every invariant checked on one result must be able to fail: run its
    witness case (witnesses.py), plant the change, expect a report."""
    problems = []
    invariants = [i for i in INVARIANTS if not i.whole_run]
    names = {i.name for i in invariants}
    problems += ["%s: no witness in witnesses.py" % n for n in sorted(names - set(WITNESSES))]
    problems += ["witnesses.py: %s is not an invariant" % n
                 for n in sorted(set(WITNESSES) - names)]
    invariants = [i for i in invariants if i.name in WITNESSES]
    cases = [WITNESSES[i.name][0] for i in invariants]
    for inv, c in zip(invariants, cases):
        if generate.validate(schema, c):
            problems.append("%s: witness case not valid: %s"
                            % (inv.name, generate.validate(schema, c)[:2]))
    if problems:
        return problems
    for n, (inv, c, line) in enumerate(zip(invariants, cases, evaluate_many(binary, cases))):
        data = parse(line)
        if "errors" in data:
            problems.append("%s: the engine refuses its witness case: %s"
                            % (inv.name, data["errors"][:2]))
            continue
        WITNESSES[inv.name][1](data)
        if not check_case(inv, ctx, *prepare(copy.deepcopy(c), n + 1, data)):
            problems.append("%s: cannot fail: its witness (witnesses.py) is not reported"
                            % inv.name)
    return problems


# ------------------------------------------------------------------ shrinking


def removable(schema, value, node=None, path=()):
    """Paths of optional keys and of list items, outermost first."""
    node = generate.resolve(schema, schema if node is None else node)
    here, deeper = [], []
    if isinstance(value, dict) and node.get("type") == "object":
        required = set(node.get("required", []))
        for key, sub in value.items():
            if key not in required:
                here.append(path + (key,))
            if key in node.get("properties", {}):
                deeper += removable(schema, sub, node["properties"][key], path + (key,))
    elif isinstance(value, list) and node.get("type") == "array":
        for i, item in enumerate(value):
            here.append(path + (i,))
            deeper += removable(schema, item, node["items"], path + (i,))
    return here + deeper


def without(value, paths, path=()):
    """A copy of `value` without the given paths."""
    if isinstance(value, dict):
        return {k: without(v, paths, path + (k,)) for k, v in value.items()
                if path + (k,) not in paths}
    if isinstance(value, list):
        return [without(v, paths, path + (i,)) for i, v in enumerate(value)
                if path + (i,) not in paths]
    return value


def count_fields(value):
    if isinstance(value, dict):
        return sum(count_fields(v) for v in value.values()) or 1
    if isinstance(value, list):
        return sum(count_fields(v) for v in value) or 1
    return 1


def fails(inv, ctx, binary, candidates):
    """For each candidate case: does the invariant still fail on it?"""
    if inv.whole_run:
        # Byte-identical output: each candidate four times, -j 2 and -j 1.
        verdicts = []
        for c in candidates:
            a = evaluate_many(binary, [c] * 4, jobs=2)
            b = evaluate_many(binary, [c] * 4, jobs=1)
            strip = [re.sub(r'^\{"line":\d+,', "{", x) for x in a + b]
            verdicts.append(len(set(strip)) > 1)
        return verdicts
    lines = evaluate_many(binary, candidates)
    verdicts = []
    for i, (c, line) in enumerate(zip(candidates, lines)):
        bad = check_case(inv, ctx, *prepare(c, i + 1, parse(line)))
        verdicts.append(bool(bad))
    return verdicts


def shrink(inv, ctx, binary, schema, case, seconds):
    """Greedy: remove a key or list item while the invariant still fails.
    Each round tries every single removal in one batch run, then all the
    removals that kept the failure together (a big step when the failure
    rests on few fields), else the first of them. After `seconds`, the
    smallest case so far."""
    if not fails(inv, ctx, binary, [case])[0]:
        return case, False
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        paths = [p for p in removable(schema, case)
                 if not generate.validate(schema, without(case, {p}))]
        candidates = [without(case, {p}) for p in paths]
        if not candidates:
            break
        verdicts = fails(inv, ctx, binary, candidates)
        keep = [p for p, v in zip(paths, verdicts) if v]
        if not keep:
            break
        together = without(case, set(keep))
        if len(keep) > 1 and not generate.validate(schema, together) and \
                fails(inv, ctx, binary, [together])[0]:
            case = together
        else:
            case = candidates[paths.index(keep[0])]
    return case, True


# ------------------------------------------------------------------ report


def read_known(path, names):
    known = {}
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            name, _, finding = line.partition(" ")
            if name not in names:
                raise SystemExit("run.py: %s:%d: no invariant named %s" % (path, n, name))
            if not finding.strip():
                raise SystemExit("run.py: %s:%d: name the audit finding after %s"
                                 % (path, n, name))
            known[name] = finding.strip()
    return known


def show(inv, shrunk, items, reproduced, out):
    out.write("  source: %s\n    \"%s\"\n" % (inv.source, normalize(inv.quote)))
    out.write("  reading: %s\n" % inv.reading)
    for item in items[:3]:
        out.write("  offending: %s\n" % json.dumps(item, ensure_ascii=False)[:600])
    if len(items) > 3:
        out.write("  ... and %d more offending items\n" % (len(items) - 3))
    note = "" if reproduced else " (not reproduced alone; unshrunk)"
    out.write("  case (%d fields)%s: %s\n" % (count_fields(shrunk), note,
                                             json.dumps(shrunk, ensure_ascii=False)))


def main():
    parser = argparse.ArgumentParser(description="The clinical invariant suite.")
    parser.add_argument("--oncorules", required=True, help="the oncorules binary under test")
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--seed", default="1")
    parser.add_argument("--known", default=os.path.join(HERE, "known-failures.txt"))
    parser.add_argument("--shrink-known", action="store_true",
                        help="also shrink and print the cases of expected failures")
    parser.add_argument("--lenient-known", action="store_true",
                        help="a listed invariant that passes is a note, not an error (for a "
                             "reduced run, such as the sanitizer build's: a rare known failure "
                             "may not show in fewer cases; the full run still enforces it)")
    parser.add_argument("--rerun-count", type=int,
                        help="compare the -j 1 run with the -j 2 run over the first N cases "
                             "only (default: all): the engine time of the second run is the "
                             "suite's largest cost")
    parser.add_argument("--shrink-seconds", type=float, default=60,
                        help="time to shrink one failing case (default 60): then the smallest "
                             "so far is shown")
    parser.add_argument("--only", help="comma-separated invariant names")
    parser.add_argument("--list", action="store_true", help="list the invariants and exit")
    parser.add_argument("--stats", action="store_true",
                        help="print, per invariant, how many cases met its premise and failed")
    args = parser.parse_args()

    started = time.monotonic()
    schema = generate.load_schema()
    ctx = Context(schema)
    invariants = INVARIANTS
    if args.only:
        wanted = set(args.only.split(","))
        invariants = [i for i in INVARIANTS if i.name in wanted]
        if len(invariants) != len(wanted):
            raise SystemExit("run.py: unknown invariant in --only")
    if args.list:
        for inv in invariants:
            print("%s\n  %s: \"%s\"\n  %s" % (inv.name, inv.source, normalize(inv.quote),
                                             inv.reading))
        return 0

    # Setup checks: every sentence is verbatim, every drug is classified.
    setup = []
    for inv in INVARIANTS:
        source = inv.source
        if source in ctx.sources:
            ok = ctx.quote_in_source(source, inv.quote)
        else:
            with open(os.path.join(ROOT, source), encoding="utf-8") as f:
                ok = normalize(inv.quote) in normalize(f.read())
        if not ok:
            setup.append("%s: its quote is not in %s" % (inv.name, source))
    for drug in schema["$defs"]["drug"]["enum"]:
        if drug not in DRUG_CLASSES:
            setup.append("clinical.py: drug %s has no row in DRUG_CLASSES" % drug)
    if setup:
        raise SystemExit("run.py: " + "\n".join(setup))
    known = read_known(args.known, {i.name for i in INVARIANTS})
    problems = self_test(args.oncorules, ctx, schema)
    if problems:
        sys.stdout.write("".join("SELF-TEST %s\n" % p for p in problems))
        return 1

    gen = generate.Generator(schema, args.seed)
    cases = [gen.case(i) for i in range(args.count)]
    if len(cases) >= 1000:
        gaps = generate.coverage_gaps(schema, cases)
        if gaps:
            sys.stdout.write("GENERATOR the cases never exercise: %s\n"
                             % ", ".join("%s %s" % g for g in gaps[:20]))
            return 1
    with tempfile.TemporaryDirectory(prefix="onco-invariants-") as workdir:
        cases_path = os.path.join(workdir, "cases.ndjson")
        with open(cases_path, "w", encoding="utf-8") as f:
            for c in cases:
                f.write(json.dumps(c, separators=(",", ":")) + "\n")
        with open(os.path.join(workdir, "stderr"), "w+b") as stderr:
            timings, premise, failures = run_cases(args, ctx, invariants, cases, cases_path,
                                                   stderr)
    return report(args, ctx, schema, invariants, known, cases, premise, failures,
                  [started] + timings)


def run_cases(args, ctx, invariants, cases, cases_path, stderr):
    """Run the cases (-j 2, checking each result; then -j 1, comparing the
    bytes): (timings, premise counts, failures) per invariant."""
    generated = time.monotonic()

    per_case = [i for i in invariants if not i.whole_run]
    premise = {i.name: 0 for i in invariants}
    failures = {i.name: [] for i in invariants}
    digests = []
    proc = run_batch(args.oncorules, cases_path, 2, stderr)
    n = 0
    for raw in proc.stdout:
        digests.append(hashlib.sha1(raw).digest())
        if n >= len(cases):
            n += 1
            continue
        case, result = prepare(cases[n], n + 1, parse(raw))
        for inv in per_case:
            bad = check_case(inv, ctx, case, result)
            if bad is None:
                continue
            premise[inv.name] += 1
            if bad and len(failures[inv.name]) < EXAMPLES_KEPT:
                failures[inv.name].append((n, bad))
            elif bad:
                failures[inv.name].append((n, None))
        n += 1
    if proc.wait() != 0 or n != len(cases):
        stderr.seek(0)
        raise SystemExit("run.py: batch -j 2 gave %d lines for %d cases, exit %d: %s"
                         % (n, len(cases), proc.returncode,
                            stderr.read()[-2000:].decode(errors="replace")))
    checked = time.monotonic()

    compared = len(cases) if args.rerun_count is None else min(args.rerun_count, len(cases))
    if compared < len(cases):
        part_path = cases_path + ".rerun"
        with open(cases_path, "rb") as whole, open(part_path, "wb") as part:
            for _ in range(compared):
                part.write(whole.readline())
        cases_path, digests = part_path, digests[:compared]
    for inv in invariants:
        if not inv.whole_run:
            continue
        proc = run_batch(args.oncorules, cases_path, 1, stderr)
        m = 0
        for raw in proc.stdout:
            premise[inv.name] += 1
            if m >= len(digests) or hashlib.sha1(raw).digest() != digests[m]:
                differs = {"line": m + 1, "differs between -j 2 and -j 1": True}
                failures[inv.name].append((min(m, len(cases) - 1), [differs]))
            m += 1
        if proc.wait() != 0 or m != len(digests):
            failures[inv.name].append((0, [{"lines -j 1": m, "lines -j 2": len(digests)}]))
    return [generated, checked, time.monotonic()], premise, failures


def report(args, ctx, schema, invariants, known, cases, premise, failures, timings):
    """Print what failed (shrunk), what was expected to and did not; the
    exit status."""
    started, generated, checked, rerun = timings
    out = sys.stdout
    errors = 0
    expected = []
    for inv in invariants:
        failed = len(failures[inv.name])
        if inv.name in known:
            if failed:
                expected.append((inv, failed))
            elif args.lenient_known:
                out.write("note: known failure %s did not show in %d cases (the full run "
                          "decides)\n" % (inv.name, len(cases)))
            else:
                errors += 1
                out.write("UNEXPECTED PASS %s (known-failures.txt: %s): the fix landed; remove "
                          "it from known-failures.txt\n" % (inv.name, known[inv.name]))
            if not args.shrink_known:
                continue
        if not failed and premise[inv.name] == 0 and not inv.premise_from_output:
            errors += 1
            out.write("NEVER EXERCISED %s: no generated case meets its premise; steer "
                      "generate.py towards it\n" % inv.name)
        if not failed:
            continue
        label = "EXPECTED FAILURE" if inv.name in known else "FAIL"
        if inv.name not in known:
            errors += 1
        examples = [(i, bad) for i, bad in failures[inv.name] if bad is not None]
        index, items = min(examples, key=lambda e: count_fields(cases[e[0]]))
        shrunk, reproduced = shrink(inv, ctx, args.oncorules, schema, cases[index],
                                    args.shrink_seconds)
        if reproduced and not inv.whole_run:
            items = check_case(inv, ctx, *prepare(shrunk, 1, parse(
                evaluate_many(args.oncorules, [shrunk])[0]))) or items
        out.write("%s %s: %d of %d cases (%s)\n" % (
            label, inv.name, failed, premise[inv.name],
            "finding " + known[inv.name] if inv.name in known else "case %s" % cases[index]["id"]))
        show(inv, shrunk if reproduced else cases[index], items, reproduced, out)
    for inv, failed in expected:
        if not args.shrink_known:
            out.write("expected failure %s: %d of %d cases (finding %s)\n"
                      % (inv.name, failed, premise[inv.name], known[inv.name]))
    if args.stats:
        for inv in invariants:
            out.write("%-55s premise %6d  failed %6d\n"
                      % (inv.name, premise[inv.name], len(failures[inv.name])))
    finished = time.monotonic()
    passing = sum(1 for i in invariants if not failures[i.name])
    reran = len(cases) if args.rerun_count is None else min(args.rerun_count, len(cases))
    out.write("clinical invariants: %d invariants over %d cases (seed %s): %d hold, %d known "
              "failures, %d errors; generate %.1f s, batch -j 2 + checks %.1f s, batch -j 1 "
              "(%d cases) %.1f s, report %.1f s, total %.1f s\n"
              % (len(invariants), len(cases), args.seed, passing, len(expected), errors,
                 generated - started, checked - generated, reran, rerun - checked,
                 finished - rerun, finished - started))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
