#!/usr/bin/env python3
"""bench/phases.py: instructions, cache misses and allocations per case, by
phase, for `oncorules batch -j 1` and for bench/raw_baseline over the same
cases (valgrind --tool=callgrind --cache-sim=yes; counts, not time, so the
figures hold on a shared machine).

Usage: bench/phases.py ONCORULES RAW_BASELINE CASES.ndjson [--out DIR]

Phases of batch (inclusive counts of these functions, per case):
  read          onco_case_read (JSON parse, validation)
  reset+assert  EnvReset, onco_case_assert_checked (the fact builder)
  run           EnvRun of the first pass
  possible-run  onco_possible_run (gather, assert possible options, EnvRun)
  build answer  the rest of evaluate_in_clips but onco_json_finish
  print         onco_json_finish(_append) (engine/json_print.c; the document itself
                is released with the arena, facts/json_alloc.c)
  batch         reading lines, ordering, writing (worker and writer threads
                outside onco_engine_evaluate(_append))
Both run with a 1000 s time limit (valgrind is slow; a limit hit while
loading the rule base would stop the run). The raw baseline's timed loop
is EnvReset, onco_case_assert_checked and EnvRun (both check the rule base
once, before the first case).
The cache counts are valgrind's model, not the hardware's: read them as
traffic, not as time. The model is the host's level 1 data cache and its
level 2 cache as valgrind's last level (from /sys/devices/system/cpu/cpu0/
cache; valgrind's own choice otherwise): the tables CLIPS reads for every
case fit the level 3 cache of any recent host, so what separates batch from
raw is what falls out of level 2 between two cases. (Left to itself,
valgrind models the last level on this VM as 256 MiB direct-mapped, whose
misses are chance collisions that move from build to build.)
"""
import argparse
import os
import re
import subprocess
import sys

EVENTS = ("Ir", "D1mr", "D1mw", "DLmr", "DLmw")
ALLOC = ("malloc", "calloc", "realloc", "free")


def cache_model():
    """valgrind options for the host's L1 data and L2 caches, [] when the
    host does not say, with a description for the report."""
    found = {}
    base = "/sys/devices/system/cpu/cpu0/cache"
    try:
        for entry in sorted(e for e in os.listdir(base) if e.startswith("index")):
            def read(name):
                with open(os.path.join(base, entry, name)) as f:
                    return f.read().strip()
            level, kind = read("level"), read("type")
            size = int(read("size").rstrip("K")) * 1024
            ways, line = int(read("ways_of_associativity")), int(read("coherency_line_size"))
            if (level, kind) in (("1", "Data"), ("2", "Unified")):
                found[level] = (size, ways, line)
    except (OSError, ValueError):
        return [], "valgrind's default"
    if set(found) != {"1", "2"}:
        return [], "valgrind's default"
    d1, l2 = found["1"], found["2"]
    return (["--D1=%d,%d,%d" % d1, "--LL=%d,%d,%d" % l2],
            "L1d %d KiB %d-way, L2 %d KiB %d-way as the last level"
            % (d1[0] >> 10, d1[1], l2[0] >> 10, l2[1]))


CACHE_ARGS, CACHE_MODEL = cache_model()


def profile(cmd, out, collect):
    """Runs cmd under callgrind, counting only inside the functions of
    `collect` (the work per case, not start-up or the reading of cases)."""
    if not os.environ.get("PHASES_REUSE"):  # set: read the profiles of the last run
        # A profile left by an earlier run must not stand in for this one
        # (a wrong path to the program used to print its stale figures).
        if os.path.exists(out):
            os.remove(out)
        # The exit status is the program's (batch exits 1 when a case has
        # findings): only a missing profile is a failure.
        run = subprocess.run(["valgrind", "--tool=callgrind", "--cache-sim=yes",
                              "--callgrind-out-file=" + out] + CACHE_ARGS +
                             ["--toggle-collect=" + f for f in collect] + cmd,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             check=False)
        if not os.path.exists(out):
            sys.exit("phases.py: no profile from %s:\n%s" % (" ".join(cmd), run.stderr[-2000:]))
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=calling",
                           "--threshold=100", out],
                          capture_output=True, text=True, check=True).stdout
    return parse(text)


NUM = r"([\d,]+)(?: \([ \d.]+%\))?"


def parse(text):
    """{function: {event: inclusive}}, {function: {callee: (counts, calls)}}"""
    events, funcs, callees = None, {}, {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^Events shown:\s+(.*)$", line)
        if m:
            events = m.group(1).split()
            continue
        if events is None:
            continue
        m = re.match(r"^\s*(.*?)\s+PROGRAM TOTALS", line)
        if m:
            nums = [0 if x == "." else int(x.replace(",", ""))
                    for x in re.findall(r"([\d,]+|\.)(?: \([ \d.]+%\))?", m.group(1))]
            funcs["TOTAL"] = dict(zip(events, nums))
            continue
        token = r"(?:[\d,]+(?: \([ \d.]+%\))?|\.)\s+"
        m = re.match(r"^\s*((?:" + token + "){" + str(len(events)) +
                     r"})([*>])\s+(\S+?)(?: \((\d[\d,]*)x\))? \[", line)
        if not m:
            continue
        nums = [0 if x == "." else int(x.replace(",", ""))
                for x in re.findall(r"([\d,]+|\.)(?: \([ \d.]+%\))?\s+", m.group(1))]
        name = m.group(3).split(":")[-1].split("'")[0]
        counts = dict(zip(events, nums))
        if m.group(2) == "*":
            current = name
            old = funcs.setdefault(name, dict.fromkeys(events, 0))
            # recursion ('2 copies) is already inside the outer inclusive count
            if "'" not in m.group(3):
                for e in events:
                    old[e] = max(old[e], counts[e])
        elif current is not None:
            calls = int((m.group(4) or "0").replace(",", ""))
            c = callees.setdefault(current, {}).setdefault(name, [dict.fromkeys(events, 0), 0])
            for e in events:
                c[0][e] += counts[e]
            c[1] += calls
    return funcs, callees


def get(funcs, name, event="Ir"):
    return funcs.get(name, {}).get(event, 0)


# the callers in evaluate.c whose callees are the phases (the static ones
# may be inlined into evaluate_in_clips)
EVALUATE = ("evaluate_in_clips", "run_case", "result_document")


def under(callees, callers, callee, event):
    return sum(callees.get(c, {}).get(callee, [{event: 0}])[0][event] for c in callers)


def phases(funcs, callees, event):
    def part(f):
        return under(callees, EVALUATE, f, event)
    ev = get(funcs, "evaluate_in_clips", event)
    read = part("onco_case_read")
    reset = part("EnvReset") + part("onco_case_assert_checked")
    run = part("EnvRun")
    possible = part("onco_possible_run")
    # onco_json_finish_append: the answer printed where the caller keeps it
    prnt = part("onco_json_finish") + part("onco_json_finish_append")
    answer = ev - read - reset - run - possible - prnt
    batch = (get(funcs, "worker_main", event) - get(funcs, "onco_engine_evaluate", event)
             - get(funcs, "onco_engine_evaluate_append", event)
             + get(funcs, "writer_main", event))
    return [("read (parse, validate)", read), ("reset + assert", reset), ("run", run),
            ("possible-run", possible), ("build answer", answer), ("print", prnt),
            ("batch (lines, order, write)", batch)]


def alloc_calls(callees):
    calls = {a: 0 for a in ALLOC}
    for caller, cs in callees.items():
        if caller in ALLOC or caller.startswith("_int_"):
            continue
        for a in ALLOC:
            if a in cs:
                calls[a] += cs[a][1]
    return calls


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("oncorules")
    ap.add_argument("raw")
    ap.add_argument("cases")
    ap.add_argument("--out", default="/tmp")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    n = sum(1 for _ in open(a.cases))
    bf, bc = profile([a.oncorules, "batch", "-j", "1", "--time-limit", "1000", a.cases],
                     os.path.join(a.out, "callgrind.batch"), ["worker_main", "writer_main"])
    rf, rc = profile([a.raw, "--time-limit", "1000", a.cases], os.path.join(a.out, "callgrind.raw"),
                     ["EnvReset", "onco_case_assert_checked", "EnvRun"])
    if "evaluate_in_clips" not in bf or "EnvRun" not in rf:
        sys.exit("phases.py: no profile (is valgrind installed, are symbols there?)")

    def m(x):
        return "%6.2f M" % (x / n / 1e6)

    print("  instructions per case, %d cases (callgrind):" % n)
    print("    %-30s %10s %10s" % ("phase", "batch -j 1", "raw"))
    rows = phases(bf, bc, "Ir")
    raw_rows = {"reset + assert": under(rc, ["main"], "EnvReset", "Ir") +
                under(rc, ["main"], "onco_case_assert_checked", "Ir"),
                "run": under(rc, ["main"], "EnvRun", "Ir")}
    for name, v in rows:
        r = raw_rows.get(name)
        print("    %-30s %10s %10s" % (name, m(v), m(r) if r is not None else ""))
    total = get(bf, "TOTAL")
    raw_total = get(rf, "TOTAL")
    print("    %-30s %10s %10s  raw/batch = %.2f" % ("total", m(total), m(raw_total),
                                                   raw_total / total))
    outside = total - rows[1][1] - rows[2][1]
    print("    outside reset+assert+run: %s per case (%.0f%% of batch)"
          % (m(outside).strip(), 100.0 * outside / total))

    def misses(funcs, kind):
        return get(funcs, "TOTAL", kind + "mr") + get(funcs, "TOTAL", kind + "mw")
    print("  cache misses per case (valgrind model: %s):" % CACHE_MODEL)
    for kind, label in (("D1", "L1 data"), ("DL", "last level (L2)" if CACHE_ARGS else "last level")):
        b = misses(bf, kind)
        r = misses(rf, kind)
        print("    %-30s %10.0f %10.0f  batch/raw = %.2f" % (label, b / n, r / n, b / max(r, 1)))
    # By phase: the answer's memory shows as misses of its own and as
    # misses in the CLIPS phases after it (EnvReset retracts facts whose
    # partial matches the answer pushed out).
    print("    last level by phase:")
    b_rows = [(name, v + w) for (name, v), (_, w) in
              zip(phases(bf, bc, "DLmr"), phases(bf, bc, "DLmw"))]
    raw_dl = {name: sum(under(rc, ["main"], f, e) for f in fs for e in ("DLmr", "DLmw"))
              for name, fs in (("reset + assert", ("EnvReset", "onco_case_assert_checked")),
                               ("run", ("EnvRun",)))}
    for name, v in b_rows:
        r = raw_dl.get(name)
        print("      %-28s %10.0f %10s" % (name, v / n, "%10.0f" % (r / n) if r is not None else ""))
    ba, ra = alloc_calls(bc), alloc_calls(rc)
    b_ir = sum(get(bf, f) for f in ALLOC)
    r_ir = sum(get(rf, f) for f in ALLOC)
    print("  allocator per case:")
    print("    %-30s %10.0f %10.0f" % ("malloc+calloc+realloc calls", sum(ba[k] for k in ALLOC[:3]) / n,
                                       sum(ra[k] for k in ALLOC[:3]) / n))
    print("    %-30s %10s %10s  (%.0f%% of batch, %.0f%% of raw)"
          % ("instructions in the allocator", m(b_ir), m(r_ir), 100.0 * b_ir / max(get(bf, "TOTAL"), 1),
             100.0 * r_ir / max(get(rf, "TOTAL"), 1)))


if __name__ == "__main__":
    main()
