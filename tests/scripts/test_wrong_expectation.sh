#!/bin/bash
# test_wrong_expectation.sh ONCORULES SOURCE_DIR: a case whose expectation
# is deliberately wrong (tests/fixtures/wrong-expectation/, not under
# tests/cases/) makes `oncorules test` fail with exit status 1 and a message
# a clinician can read; its JUnit report is valid XML with the failure.
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

"$bin" test --kb "$src/tests/fixtures/kb-mini" --junit "$tmp/junit.xml" \
	"$src/tests/fixtures/wrong-expectation" >"$tmp/out" 2>&1
status=$?
[ "$status" -eq 1 ] || { echo "FAIL: exit status $status, expected 1"; fail=1; }

for line in \
	'FAIL .*/wrong-expectation/pembrolizumab-pd-l1-negative.json' \
	'^  Deliberately wrong: expects pembrolizumab for a PD-L1 negative tumour' \
	'^  expected recommendation \{id: mini-pembrolizumab, agents: \[pembrolizumab\]\}: no recommendation has id mini-pembrolizumab$' \
	'^  expected recommendation \{id: mini-surgery, preferred: true\}: found mini-surgery but preferred is false$' \
	'^      - mini-surgery: Surgery$' \
	'^  expected no exclusion \{option: mini-pembrolizumab\}: found mini-pembrolizumab-excluded \(option: mini-pembrolizumab\)$'; do
	grep -qE -- "$line" "$tmp/out" || { echo "FAIL: no line matches /$line/"; fail=1; }
done
[ "$(tail -n 1 "$tmp/out")" = "0 passed, 1 failed" ] ||
	{ echo "FAIL: the last line is not '0 passed, 1 failed'"; fail=1; }

python3 - "$tmp/junit.xml" <<'PY' || fail=1
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
cases = root.findall(".//testcase")
assert len(cases) == 1, "one testcase expected, got %d" % len(cases)
f = cases[0].find("failure")
assert f is not None, "the testcase has no failure"
assert "preferred is false" in f.text, f.text
assert cases[0].get("name") == "pembrolizumab-pd-l1-negative.json", cases[0].get("name")
PY
[ "$fail" -eq 0 ] && echo "wrong expectation: fails as it should" || cat "$tmp/out"
exit "$fail"
