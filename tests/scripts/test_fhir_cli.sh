#!/usr/bin/env bash
# test_fhir_cli.sh: the FHIR front end as a user meets it: evaluate --fhir,
# batch --fhir, fhir-to-case; their help, exit statuses, the resources
# cited in the text view, one answer per batch line, the same bytes twice.
# Usage: test_fhir_cli.sh ONCORULES SOURCE_DIR
set -u
bin=$1
src=$2
command -v python3 >/dev/null || { echo "SKIP: python3 is needed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
fhir="$src/tests/fhir"
p01="$fhir/ctm-app-TrialMatching_Patient01.json"
jenny="$fhir/mcode-ig-Bundle-mcode-patient-bundle-jenny-m.json"

# evaluate --fhir: exit 0, the source object, the same bytes twice.
"$bin" evaluate --fhir "$p01" --as-of 2020-05-01 --json > "$tmp/a.json"; rc=$?
[ "$rc" -eq 0 ] || fail "evaluate --fhir exit status $rc, want 0"
"$bin" evaluate --fhir "$p01" --as-of=2020-05-01 --json > "$tmp/b.json"
cmp -s "$tmp/a.json" "$tmp/b.json" || fail "evaluate --fhir gives other bytes on a second run"
python3 - "$tmp/a.json" <<'PY' || fail "evaluate --fhir --json lacks what the source must say"
import json, sys
d = json.load(open(sys.argv[1]))
s = d["source"]
assert d["scope"] == "covered" and d["guidelines"] == ["breast-stage4"]
assert s["as_of"] == "2020-05-01" and s["as_of_from"] == "option"
assert s["facts"]["/biomarkers/ER"][0]["resource"].startswith("Observation/")
assert any("fulvestrant" in n["reason"] for n in s["not_understood"])
PY

# The text view: the source section on the screen; with --detail the
# resources beside the case pointers and what was not understood.
"$bin" evaluate --fhir "$p01" | tr '\n' ' ' > "$tmp/screen.txt"; rc=${PIPESTATUS[0]}
[ "$rc" -eq 0 ] || fail "evaluate --fhir (text) exit status $rc, want 0"
grep -q "SOURCE RECORD" "$tmp/screen.txt" || fail "text view has no SOURCE RECORD section"
grep -q "no  *evaluation  *date" "$tmp/screen.txt" || fail "text view does not say no evaluation date was given"
grep -q "abemaciclib" "$tmp/screen.txt" || fail "text view does not name abemaciclib"
"$bin" evaluate --fhir "$p01" --detail > "$tmp/detail.txt"; rc=$?
[ "$rc" -eq 0 ] || fail "evaluate --fhir --detail exit status $rc, want 0"
grep -q -- "\[/cancer <-" "$tmp/detail.txt" &&
	grep -q "^ *Condition/mCODETrialMatchingPrimaryCancerConditionExample01" "$tmp/detail.txt" ||
	fail "--detail does not cite the primary condition beside its pointer"
grep -q "MedicationStatement/mCODETrialMatchingCancerMedicationStatement05PatientExample01" "$tmp/detail.txt" ||
	fail "--detail does not list what was not understood"
# jenny-m's cancer is in remission: no case (exit 2), and it says why.
"$bin" evaluate --fhir "$jenny" | tr '\n' ' ' > "$tmp/jenny.txt"; rc=${PIPESTATUS[0]}
[ "$rc" -eq 2 ] || fail "jenny-m (in remission) exit status $rc, want 2"
grep -q "primary  *cancer  *no  *longer  *present" "$tmp/jenny.txt" ||
	fail "jenny-m does not say its primary cancer is no longer present"
"$bin" evaluate --fhir "$fhir/bundles/jenny-m-active.json" | tr '\n' ' ' > "$tmp/jenny.txt"; rc=${PIPESTATUS[0]}
[ "$rc" -eq 0 ] || fail "jenny-m (active) exit status $rc, want 0"
grep -q "NOT COVERED" "$tmp/jenny.txt" || fail "jenny-m is not answered not covered"
grep -q "/cancer/stage: the record gives more than one value" "$tmp/jenny.txt" ||
	fail "jenny-m's stage conflict is not shown"

# Bundles that give no case, and usage errors: exit 2.
"$bin" evaluate --fhir "$fhir/mcode-ig-Condition-primary-cancer-condition-nsclc.json" --json > "$tmp/e.json"; rc=$?
[ "$rc" -eq 2 ] || fail "a lone Condition: exit status $rc, want 2"
grep -q '"pointer":[[:space:]]*"/resourceType"' "$tmp/e.json" || fail "a lone Condition: no pointer to resourceType"
"$bin" evaluate --fhir "$fhir/bundles/mcode-ig-single-resources.json" > "$tmp/e.txt"; rc=$?
[ "$rc" -eq 2 ] || fail "no primary of a covered site: exit status $rc, want 2"
grep -q "SOURCE RECORD" "$tmp/e.txt" || fail "an error answer from a bundle does not show its source record"
"$bin" evaluate --fhir "$p01" --as-of 2020-13-01 > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "a bad --as-of: exit status $rc, want 2"
"$bin" evaluate "$p01" --as-of 2020-01-01 > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "--as-of without --fhir: exit status $rc, want 2"
"$bin" evaluate --help | grep -q -- "--fhir" || fail "evaluate --help does not mention --fhir"
"$bin" batch --help | grep -q -- "--fhir" || fail "batch --help does not mention --fhir"
"$bin" --help | grep -q "fhir-to-case" || fail "oncorules --help does not list fhir-to-case"

# fhir-to-case: the case the hand-written file states.
"$bin" fhir-to-case --help | grep -q "as-of" || fail "fhir-to-case --help says nothing of --as-of"
for name in cervix-recurrent-after-chemoradiation anal-stage4; do
	"$bin" fhir-to-case "$fhir/bundles/$name.json" > "$tmp/$name.json"; rc=$?
	[ "$rc" -eq 0 ] || fail "fhir-to-case $name: exit status $rc, want 0"
	python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["case"] != json.load(open(sys.argv[2])))' \
		"$tmp/$name.json" "$fhir/cases/$name.json" || fail "fhir-to-case $name is not the hand-written case"
done
"$bin" fhir-to-case "$fhir/bundles/mcode-ig-single-resources.json" > /dev/null; rc=$?
[ "$rc" -eq 2 ] || fail "fhir-to-case with no case: exit status $rc, want 2"
"$bin" fhir-to-case "$tmp/no-such-file.json" > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "fhir-to-case of a missing file: exit status $rc, want 2"
"$bin" fhir-to-case > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "fhir-to-case with no argument: exit status $rc, want 2"

# batch --fhir: one answer per line, in order, whatever -j.
{
	python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$p01"
	echo
	echo '{"resourceType": "Patient"}'
	python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$jenny"
	echo 'not json'
} > "$tmp/bundles.ndjson"
"$bin" batch --fhir --as-of 2024-01-01 "$tmp/bundles.ndjson" > "$tmp/out1.ndjson" 2> /dev/null; rc=$?
[ "$rc" -eq 0 ] || fail "batch --fhir exit status $rc, want 0"
"$bin" batch --fhir --as-of 2024-01-01 -j 2 "$tmp/bundles.ndjson" > "$tmp/out2.ndjson" 2> /dev/null
cmp -s "$tmp/out1.ndjson" "$tmp/out2.ndjson" || fail "batch --fhir -j 2 gives other bytes"
python3 - "$tmp/out1.ndjson" <<'PY' || fail "batch --fhir answers are not one per line, in order"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [l["line"] for l in lines] == [1, 2, 3, 4, 5]
assert lines[0]["scope"] == "covered" and lines[0]["source"]["as_of"] == "2024-01-01"
assert "errors" in lines[1] and "errors" in lines[2] and "errors" in lines[4]
assert "errors" in lines[3]  # jenny-m: its cancer is in remission
PY
"$bin" batch --as-of 2024-01-01 < /dev/null > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "batch --as-of without --fhir: exit status $rc, want 2"

# The review's bundles: what cannot be read safely is left out, so the
# rules name it. A period that ends before it starts gives no last dose:
# the bevacizumab washout is reported unknown, never computed from it.
review="$fhir/bundles/review"
python3 - "$bin" "$review" <<'PY' || fail "the review's bundles are not read as they say"
import json, subprocess, sys
bin, review = sys.argv[1], sys.argv[2]
def evaluate(name):
    p = subprocess.run([bin, "evaluate", "--fhir", "%s/%s.json" % (review, name),
                        "--as-of", "2024-06-01", "--json"], capture_output=True)
    return p.returncode, json.loads(p.stdout)
def warnings(d):
    return [w["id"] for w in d.get("warnings", [])]
rc, d = evaluate("bev-period-ok")
assert rc == 0 and "drug-safety-bevacizumab-surgery-washout" in warnings(d), warnings(d)
rc, d = evaluate("bev-period-reversed")
assert rc == 0 and "drug-safety-bevacizumab-surgery-last-dose-unknown" in warnings(d), warnings(d)
assert "drug-safety-bevacizumab-surgery-washout" not in warnings(d)
rc, d = evaluate("active-statement-ended")
assert any(c["field"] == "/medications/1/status" for c in d["source"]["conflicts"])
rc, d = evaluate("primary-resolved")
assert rc == 2 and d["errors"], d
for name in ("surgery-do-not-perform", "bev-do-not-perform"):
    rc, d = evaluate(name)
    assert rc == 0 and any("doNotPerform" in n["reason"] for n in d["source"]["not_understood"])
PY
"$bin" evaluate --fhir "$review/bad-timestamp.json" | tr '\n' ' ' > "$tmp/ts.txt"
grep -q "timestamp  *is  *not  *a  *valid  *date" "$tmp/ts.txt" ||
	fail "an invalid Bundle.timestamp is not named as such"

# Inputs that once broke the reader: one JSON answer, exit 0 or 2.
for f in "$src"/tests/fuzz-regressions/fhir/*.json; do
	[ -f "$f" ] || continue
	"$bin" evaluate --fhir --json "$f" > "$tmp/reg.json" 2> /dev/null; rc=$?
	[ "$rc" -eq 0 ] || [ "$rc" -eq 2 ] || fail "$(basename "$f"): exit status $rc, want 0 or 2"
	python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert "case" in d' "$tmp/reg.json" ||
		fail "$(basename "$f"): the answer is not one JSON object with \"case\""
done

if [ "$failures" -gt 0 ]; then
	echo "$failures failure(s)"
	exit 1
fi
echo "ok"
