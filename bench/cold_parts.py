#!/usr/bin/env python3
"""bench/cold_parts.py: where the instructions of one cold command go, by
part (valgrind --tool=callgrind: counts, not time, so the figures hold on a
shared machine), and its page faults (perf stat's page-faults, the faults
the process takes, mean of 20 runs; without perf, GNU time's minor faults,
which also count the pages MADV_POPULATE_WRITE fills).

Usage: bench/cold_parts.py [--out FILE] COMMAND...
  e.g. bench/cold_parts.py build-bench/oncorules evaluate --json one.json

Parts (inclusive counts of these functions):
  outside main    the dynamic loader (mapping and relocating the shared
                  libraries), their constructors, the exit: the total less
                  main
  CreateEnvironment, EnvBload
                  CLIPS: a new environment, the compiled rule base loaded
  image payload   onco_image_read_payload: the checksum, each rule's info,
                  the knowledge tables and files (engine/image.c)
  rule text read  onco_rule_info_parse: each rule's pretty-print form read
                  into conditions and conclusion (the text path; from an
                  image before format 4)
  rest of open    onco_engine_open less the four above (the rule index,
                  the memory file EnvBload reads, limits)
  evaluation      cli_evaluate_case (the case read, reset, assert, run, the
                  answer built and printed)
  the rest        arguments, reading the case file, exit
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from phases import get, parse  # noqa: E402


def callgrind(cmd, out):
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out] + cmd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    text = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=calling",
                           "--threshold=100", out],
                          capture_output=True, text=True, check=True).stdout
    return parse(text)[0]


def page_faults(cmd):
    """(faults, how they were counted), or None without perf and GNU time."""
    if shutil.which("perf"):
        r = subprocess.run(["perf", "stat", "-x", ",", "-r", "20", "-e", "page-faults"] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           check=False)
        for line in r.stderr.splitlines():
            f = line.split(",")
            if len(f) > 2 and f[2] == "page-faults" and f[0].replace(".", "").isdigit():
                return float(f[0]), "perf stat page-faults, mean of 20 runs"
    if os.path.exists("/usr/bin/time"):
        faults = []
        for _ in range(5):
            r = subprocess.run(["/usr/bin/time", "-f", "%R"] + cmd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, check=False)
            faults.append(int(r.stderr.strip().splitlines()[-1]))
        return statistics.median(faults), "GNU time minor faults, median of 5 runs"
    return None


def parts(funcs):
    total = get(funcs, "TOTAL")
    create = get(funcs, "CreateEnvironment")
    bload = get(funcs, "EnvBload")
    payload = get(funcs, "onco_image_read_payload")
    opened = get(funcs, "onco_engine_open")
    rule_text = get(funcs, "onco_rule_info_parse")
    evaluation = get(funcs, "cli_evaluate_case")
    rows = [("outside main (loader, constructors, exit)", total - get(funcs, "main")),
            ("CreateEnvironment", create),
            ("EnvBload", bload),
            ("image payload (onco_image_read_payload)", payload),
            ("rules' text read (onco_rule_info_parse)", rule_text),
            ("rest of onco_engine_open", opened - create - bload - payload - rule_text),
            ("evaluation (cli_evaluate_case)", evaluation)]
    rows.append(("the rest of main (arguments, case file)", total - sum(v for _, v in rows)))
    return total, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="/tmp/cold_parts.callgrind")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    if not args.command:
        ap.error("no command")
    total, rows = parts(callgrind(args.command, args.out))
    for name, value in rows:
        print("    %-42s %7.2f M  %3.0f%%" % (name, value / 1e6, 100.0 * value / total))
    print("    %-42s %7.2f M" % ("total", total / 1e6))
    faults = page_faults(args.command)
    if faults is not None:
        print("    %-42s %7.0f    (%s)" % ("page faults", faults[0], faults[1]))


if __name__ == "__main__":
    main()
