#!/usr/bin/env python3
"""seed_corpus.py: refreshes fuzz/corpus/ from the regression cases.

Writes the "input" object of every tests/cases/**/*.json as
fuzz/corpus/case-<guideline>-<name>.json, plus a few generated cases
(bench/gen_cases.py, fixed seed) as gen-NN.json, both valid and broken.
Run from anywhere: python3 fuzz/seed_corpus.py
"""
import json
import os
import random
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, os.path.join(root, "bench"))
import gen_cases  # noqa: E402

corpus = os.path.join(here, "corpus")
os.makedirs(corpus, exist_ok=True)
count = 0
cases = os.path.join(root, "tests", "cases")
for dirpath, _, names in sorted(os.walk(cases)):
    for name in sorted(names):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(dirpath, name)) as f:
            try:
                doc = json.load(f)
            except ValueError:
                continue
        if not isinstance(doc, dict) or "input" not in doc:
            continue
        group = os.path.relpath(dirpath, cases).replace(os.sep, "-")
        out = "case-%s-%s" % (group, name)
        with open(os.path.join(corpus, out), "w") as f:
            f.write(json.dumps(doc["input"], separators=(",", ":")))
        count += 1

rng = random.Random(42)
small_kinds = ["truncated", "wrong-type", "unknown-value", "unknown-key",
               "missing-required", "out-of-range", "deep-nesting",
               "not-object"]
for i in range(24):
    c = gen_cases.valid_case(rng, i, 42)
    if i < len(small_kinds):
        line = gen_cases.KINDS[small_kinds[i]](rng, c)
    else:
        line = gen_cases.dumps(c)
    with open(os.path.join(corpus, "gen-%02d.json" % i), "w") as f:
        f.write(line)
print("%d regression inputs, 24 generated cases in %s" % (count, corpus))
