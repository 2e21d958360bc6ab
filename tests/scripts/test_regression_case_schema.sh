#!/bin/bash
# test_regression_case_schema.sh ONCORULES SOURCE_DIR: the JSON Schema of
# regression case files (docs/regression-case.schema.json) names exactly
# the expectation keys `oncorules test` reads (the section table of
# cli/expect.c), every file of tests/cases/ is valid against it, and a case
# file may name it in "$schema". Exit 77 without python3-jsonschema.
bin=$1 src=$2
python3 -c 'import jsonschema' 2>/dev/null ||
	{ echo "python3-jsonschema missing: skipped"; exit 77; }
python3 - "$src" <<'PY' || exit 1
import json, os, re, sys
import jsonschema
src = sys.argv[1]
schema = json.load(open(os.path.join(src, "docs", "regression-case.schema.json")))
case = json.load(open(os.path.join(src, "docs", "case.schema.json")))
code = open(os.path.join(src, "cli", "expect.c")).read()
table = code[code.index("static const section sections[] = {"):code.index("#define N_SECTIONS")]
keys = {"scope"}
for key, absent in re.findall(r'\{"([a-z_]+)",\s*(?:"([a-z_]+)"|NULL),', table):
    keys |= {key} | ({absent} if absent else set())
documented = set(schema["properties"]["expect"]["properties"])
if documented != keys:
    sys.exit("FAIL expectation keys: schema %s, oncorules test %s" % (sorted(documented), sorted(keys)))
try:  # jsonschema 4.18 and later
    from referencing import Registry, Resource
    registry = Registry().with_resource("case.schema.json", Resource.from_contents(case))
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
except ImportError:  # Debian 12's jsonschema 4.10
    resolver = jsonschema.RefResolver("", schema, store={"case.schema.json": case})
    validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
n = 0
for d, _, names in os.walk(os.path.join(src, "tests", "cases")):
    for name in sorted(names):
        if name.endswith(".json"):
            doc = json.load(open(os.path.join(d, name)))
            errors = sorted(validator.iter_errors(doc), key=str)
            if errors:
                sys.exit("FAIL %s: %s" % (os.path.join(d, name), errors[0].message))
            n += 1
bad = {"input": {"id": "x", "cancer": {"site": "anus"}}, "expect": {"absent_note": []}}
if validator.is_valid(bad):
    sys.exit("FAIL a misspelt expectation key is valid against the schema")
print("regression case schema: %d case files valid, %d expectation keys" % (n, len(keys)))
PY
# "$schema" in a case file is accepted by oncorules test
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["$schema"]="../docs/regression-case.schema.json"; json.dump(d, open(sys.argv[2], "w"))' \
	"$src/tests/cases/anal-stage4/stage4-no-symptoms.json" "$tmp/with-schema.json"
out=$("$bin" test "$tmp/with-schema.json") || { echo "FAIL a case file with \$schema: $out"; exit 1; }
