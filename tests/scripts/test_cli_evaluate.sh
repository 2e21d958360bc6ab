#!/usr/bin/env bash
# test_cli_evaluate.sh: `oncorules evaluate` as a user meets it: exit
# status, error pointers, byte offsets, byte-identical output, the summary.
# Usage: test_cli_evaluate.sh ONCORULES SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

example="$src/examples/recurrent-cervix-exenteration-bevacizumab.json"

# A valid case: exit 0, and the same bytes on every run.
"$bin" evaluate "$example" --json > "$tmp/a.json"; rc=$?
[ "$rc" -eq 0 ] || fail "valid case exit status $rc, want 0"
for i in 1 2 3; do
	"$bin" evaluate "$example" --json > "$tmp/b.json"
	cmp -s "$tmp/a.json" "$tmp/b.json" || fail "run $i differs from the first"
done
for s in breadth random lex mea; do
	"$bin" evaluate "$example" --json --strategy "$s" > "$tmp/b.json"
	cmp -s "$tmp/a.json" "$tmp/b.json" || fail "strategy $s gives other bytes"
done

# The summary of the example: the critical washout warning first, then the
# exenteration.
"$bin" evaluate "$example" > "$tmp/summary.txt"
grep -q "^!!  bevacizumab" "$tmp/summary.txt" || fail "summary does not lead with the critical warning"
grep -qi "exenteration" "$tmp/summary.txt" || fail "summary lacks the exenteration"
grep -q "28 days" "$tmp/summary.txt" || fail "summary lacks the 28-day washout"
grep -q "not orders" "$tmp/summary.txt" || fail "summary lacks the disclaimer"

# A note on the status card is printed with who the patient is, before the
# first option card, and is not counted among the notes: the breast source
# is silent about a patient who declines treatment.
cat > "$tmp/declines.json" <<'JSON'
{"id": "declines-1", "patient": {"sex": "female", "menopausal_status": "post"},
 "cancer": {"site": "breast", "stage": "IV", "metastases": ["bone"]},
 "biomarkers": {"ER": "positive", "PR": "positive", "HER2": "negative"},
 "symptoms": ["bone-pain"], "preferences": {"declines_active_treatment": true}}
JSON
"$bin" evaluate "$tmp/declines.json" > "$tmp/declines.txt"
status_end=$(grep -n '^1  ' "$tmp/declines.txt" | head -n 1 | cut -d: -f1)
silent=$(grep -n 'The breast source does not address a patient who declines' "$tmp/declines.txt" |
	head -n 1 | cut -d: -f1)
[ -n "$silent" ] && [ -n "$status_end" ] && [ "$silent" -lt "$status_end" ] ||
	fail "the status note is not printed before the first card"
grep -q '^1 note;' "$tmp/declines.txt" || fail "the status note is counted among the notes"
"$bin" evaluate "$tmp/declines.json" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
status = [c for c in d["cards"] if c["kind"] == "status"][0]
notes = {n["id"]: n["card"] for n in d["notes"]}
assert status["notes"] == ["breast-stage4-note-no-cancer-treatment"], status["notes"]
assert notes["breast-stage4-note-no-cancer-treatment"] == "status", notes
assert notes["breast-stage4-treatment-depends-on"] is None, notes
held = [i for c in d["cards"] if c["kind"] == "notes" for i in c["notes"]]
assert held == ["breast-stage4-treatment-depends-on"], held
' || fail "status note: JSON cards and note card wrong"

# A misspelt value: exit 2 and the exact pointer.
cat > "$tmp/bad.json" <<'JSON'
{"id": "bad-1", "cancer": {"site": "cervix", "recurrent": true},
 "prior_treatments": [{"type": "radation", "region": "pelvis"}]}
JSON
"$bin" evaluate "$tmp/bad.json" --json > "$tmp/bad.out"; rc=$?
[ "$rc" -eq 2 ] || fail "invalid case exit status $rc, want 2"
grep -q '"pointer":[[:space:]]*"/prior_treatments/0/type"' "$tmp/bad.out" ||
	fail "invalid case does not name /prior_treatments/0/type"
grep -q '"recommendations"' "$tmp/bad.out" && fail "invalid case got recommendations"

# Not JSON: exit 2 and the byte offset.
printf '{"id": "x", "cancer": {"site": "cervix",,}}' > "$tmp/notjson.json"
"$bin" evaluate "$tmp/notjson.json" --json > "$tmp/notjson.out"; rc=$?
[ "$rc" -eq 2 ] || fail "not-JSON exit status $rc, want 2"
grep -q "byte" "$tmp/notjson.out" || fail "not-JSON error does not name the byte offset"

# Usage errors: exit 2.
"$bin" evaluate > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "missing argument exit status $rc, want 2"
"$bin" evaluate "$tmp/no-such-file.json" > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "unreadable file exit status $rc, want 2"
"$bin" evaluate "$example" --strategy nonsense > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "unknown strategy exit status $rc, want 2"
"$bin" frobnicate > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "unknown verb exit status $rc, want 2"

# A broken rule base: exit 3, file and line on stderr.
"$bin" evaluate "$example" --kb "$src/tests/fixtures/kb-broken" > /dev/null 2> "$tmp/err"; rc=$?
[ "$rc" -eq 3 ] || fail "broken rule base exit status $rc, want 3"
grep -q "broken.clp:5" "$tmp/err" || fail "broken rule base error lacks broken.clp:5"

# A rule base that cannot be read is bad input (2), as the docs say; two
# rule bases at once are refused; --help names both ways to give one.
"$bin" evaluate "$example" --kb /nonexistent > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "--kb /nonexistent exit status $rc, want 2"
"$bin" evaluate "$example" --kb-image /nonexistent.img > /dev/null 2>&1; rc=$?
[ "$rc" -eq 2 ] || fail "--kb-image /nonexistent.img exit status $rc, want 2"
"$bin" evaluate "$example" --kb "$src/rules" --kb-image /nonexistent.img > /dev/null 2> "$tmp/err"; rc=$?
[ "$rc" -eq 2 ] || fail "--kb with --kb-image exit status $rc, want 2"
grep -q "give one" "$tmp/err" || fail "--kb with --kb-image: no message"
"$bin" evaluate --help | grep -q -- "--kb-image FILE" || fail "evaluate --help does not name --kb-image"

# Drugs recorded by name ("other"): the summary shows the board that the
# rule base did not assess them, and --json lists them with pointers.
python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1]))["input"], open(sys.argv[2], "w"))' \
	"$src/tests/cases/breast-stage4/other-drugs-not-assessed.json" "$tmp/other.json"
"$bin" evaluate "$tmp/other.json" > "$tmp/other.txt" || fail "other drugs: evaluate failed"
grep -q "^NOT ASSESSED  " "$tmp/other.txt" || fail "summary does not list the drugs not assessed"
grep -q "denosumab (/medications/0/name)" "$tmp/other.txt" || fail "summary does not name denosumab"
"$bin" evaluate --json "$tmp/other.json" | grep -q '"not_assessed"' || fail "--json has no not_assessed"

# A case outside the rule base says so.
echo '{"id": "nc", "cancer": {"site": "cervix", "stage": "II", "recurrent": false}}' > "$tmp/nc.json"
"$bin" evaluate "$tmp/nc.json" --json > "$tmp/nc.out"; rc=$?
[ "$rc" -eq 0 ] || fail "not-covered case exit status $rc, want 0"
grep -q '"scope":[[:space:]]*"not covered"' "$tmp/nc.out" || fail "stage II cervix is not 'not covered'"

# The catalogue lists rules.
"$bin" rules > "$tmp/rules.txt"; rc=$?
[ "$rc" -eq 0 ] || fail "rules exit status $rc"
grep -q "LABELS" "$tmp/rules.txt" || fail "rules lists no labels"
# each rule's labels once ("[A4-2]", never "[A4-2, A4-2, A4-2]")
grep -E '\[([A-Z0-9]+-[0-9]+, )*([A-Z0-9]+-[0-9]+)(, [A-Z0-9]+-[0-9]+)*, \2\b' "$tmp/rules.txt" |
	grep -q . && fail "rules repeats a label of a rule"
grep -q 'anal-stage4-carboplatin-paclitaxel  \[A4-2\]$' "$tmp/rules.txt" || fail "rules: the labels of a rule citing A4-2 three times"

# A chemoradiation with a procedure is named with its drugs: salvage
# external beam radiation with concurrent cisplatin, ruled out when
# chemotherapy is declined, never reads as the radiation alone.
salvage="$src/tests/cases/cervix-recurrent/salvage-chemoradiation-declines-chemotherapy.json"
python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["input"]))' "$salvage" \
	>"$tmp/salvage.json" 2>/dev/null && {
	"$bin" evaluate "$tmp/salvage.json" | tr -s ' \n' '  ' >"$tmp/salvage.txt"
	grep -q 'external beam radiation with concurrent cisplatin: The patient does not wish to have chemotherapy' "$tmp/salvage.txt" ||
		fail "salvage chemoradiation is not named with its concurrent cisplatin where it is ruled out"
}

# No option and nothing missing: the text says why (she declines
# treatment; the team decides), never "see what is missing below".
declines="$src/tests/cases/breast-stage4/declines-treatment-liver-no-option.json"
python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["input"]))' "$declines" \
	>"$tmp/declines-liver.json" 2>/dev/null && {
	"$bin" evaluate "$tmp/declines-liver.json" | tr -s ' \n' '  ' >"$tmp/declines-liver.txt"
	grep -q 'see what is missing below' "$tmp/declines-liver.txt" &&
		fail "no option and nothing missing, yet the text points at what is missing"
	grep -q 'No option is listed. The patient does not want cancer treatment. .* the treating team decides' \
		"$tmp/declines-liver.txt" || fail "no option: the text does not say why"
}

if [ "$failures" -eq 0 ]; then
	echo "cli evaluate: all checks passed"
	exit 0
fi
echo "cli evaluate: $failures check(s) failed"
exit 1
