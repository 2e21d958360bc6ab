#!/bin/bash
# test_case_file_errors.sh ONCORULES SOURCE_DIR: `oncorules test` checks a
# case file against the rule base, and its last line says how the run went.
#
# - An expected or absent id no rule can conclude, an option no rule
#   recommends, a label not in the knowledge map: the case file is in error
#   (exit 2), named, with the fix and a did-you-mean; never a silent pass.
# - Ids computed by gates ((sym-cat ?o -excluded-...)) are known ids.
# - A plain case says "wrap it"; a case file without "expect" says so; a
#   misspelt expectation key gets a did-you-mean.
# - A rule no case fires fails --min-coverage 100 with the rule named and
#   the fix, right above a last line that says coverage fell short.
# - JUnit: a case file in error is an <error>, counted as one; classnames
#   are relative; an unwritable report path fails before the run.
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
has() { grep -qE -- "$2" <<<"$3" || no "$1: no line matches /$2/ in:
$3"; }

mkdir -p "$tmp/cases/anal"
base=$src/tests/cases/anal-stage4/stage4-no-symptoms.json
edit() { # edit OUT PYTHON-STATEMENTS (on d, the case file)
	python3 - "$base" "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[3])
json.dump(d, open(sys.argv[2], "w"), indent=1)
PY
}

# 1. a misspelt absent id (F2.2): an error, not a pass
edit "$tmp/cases/anal/absent-typo.json" 'd["expect"]["absent_notes"] = [{"id": "anal-stage4-no-standard-treatmen"}]'
out=$("$bin" test "$tmp/cases/anal/absent-typo.json"); status=$?
[ $status -eq 2 ] || no "misspelt absent id: exit status $status, expected 2"
has "misspelt absent id" '^ERROR .*absent-typo.json$' "$out"
has "misspelt absent id" 'absent_notes"\[0\]\.id "anal-stage4-no-standard-treatmen": no rule of the rule base concludes a note with this id\. Did you mean "anal-stage4-no-standard-treatment"\? Correct the id in this case file' "$out"
[ "$(tail -n 1 <<<"$out")" = "0 passed, 0 failed, 1 error" ] || no "misspelt absent id: last line: $(tail -n 1 <<<"$out")"

# an expected option no rule recommends, in an exclusion
edit "$tmp/cases/anal/option-typo.json" 'd["expect"]["exclusions"] = [{"option": "anal-stage4-wide-local-excison"}]'
out=$("$bin" test "$tmp/cases/anal/option-typo.json")
has "misspelt option" 'exclusions"\[0\]\.option "anal-stage4-wide-local-excison": no rule of the rule base concludes a recommendation with this id\. Did you mean "anal-stage4-wide-local-excision"\?' "$out"

# 2. an unknown label (F2.2): the labels of its family are listed
edit "$tmp/cases/anal/label.json" 'd["labels"] = ["A4-9"]'
out=$("$bin" test "$tmp/cases/anal/label.json"); status=$?
[ $status -eq 2 ] || no "unknown label: exit status $status"
has "unknown label" '"labels"\[0\] "A4-9" is not a label of the knowledge map\. Correct it in this case file; the map has A4-1, A4-2, A4-3, A4-4, A4-5\.' "$out"
edit "$tmp/cases/anal/label-case.json" 'd["labels"] = ["a4-2"]'
has "label case" 'Did you mean "A4-2"\?' "$("$bin" test "$tmp/cases/anal/label-case.json")"

# ids a gate computes are ids a rule can conclude
mkdir -p "$tmp/gates"
cat >"$tmp/gates/declines.json" <<'JSON'
{"description": "declines treatment: surgery excluded by the gate",
 "input": {"id": "g", "cancer": {"site": "cervix", "recurrent": true},
           "preferences": {"declines_active_treatment": true}},
 "expect": {"exclusions": [{"id": "mini-surgery-excluded-declines-active-treatment",
                            "option": "mini-surgery"}],
            "absent_warnings": [{"id": "mini-surgery-performance-status-2"}]}}
JSON
out=$("$bin" test --kb "$src/tests/fixtures/kb-gates" "$tmp/gates"); status=$?
[ $status -eq 0 ] || no "gate ids: exit status $status: $out"

# 3. a plain case, no expect, a misspelt expectation key (F2.9, F2.10)
python3 -c 'import json,sys; json.dump(json.load(open(sys.argv[1]))["input"], open(sys.argv[2], "w"))' \
	"$base" "$tmp/cases/anal/plain.json"
out=$("$bin" test "$tmp/cases/anal/plain.json")
has "plain case" 'this is a case, not a regression case file: wrap it as its "input"' "$out"
grep -q 'unknown key' <<<"$out" && no "plain case: lists its keys as unknown"
edit "$tmp/cases/anal/no-expect.json" 'del d["expect"]'
has "no expect" '"expect" is missing: say what the result must hold' "$("$bin" test "$tmp/cases/anal/no-expect.json")"
edit "$tmp/cases/anal/key-typo.json" 'd["expect"]["absent_note"] = []'
has "expectation key" 'unknown expectation "absent_note"; did you mean "absent_notes"\?' \
	"$("$bin" test "$tmp/cases/anal/key-typo.json")"

# JUnit: errors are <error>s, counted; an unreadable file too (F3.3)
printf '{"description":\n "x",\n  oops}' >"$tmp/cases/anal/broken.json"
cp "$base" "$tmp/cases/anal/good.json"
out=$("$bin" test --junit "$tmp/j.xml" "$tmp/cases"); status=$?
[ $status -eq 2 ] || no "case files in error: exit status $status"
has "not JSON" 'not JSON: the text goes wrong at byte 25 \(line 3, column 4\)' "$out"
[ "$(tail -n 1 <<<"$out")" = "1 passed, 0 failed, 8 errors" ] || no "last line: $(tail -n 1 <<<"$out")"
python3 "$src/tests/scripts/check_junit.py" "$tmp/j.xml" "$tmp/cases" >"$tmp/check" ||
	{ no "JUnit report:"; cat "$tmp/check"; }
grep -q '8 errors' "$tmp/check" || no "JUnit: errors not counted: $(cat "$tmp/check")"
grep -q 'classname="anal" name="broken.json"' "$tmp/j.xml" || no "JUnit: classname not relative"
grep -q '<error type="case-file" message="not JSON' "$tmp/j.xml" || no "JUnit: broken.json is not an <error>"
out=$("$bin" test --junit "$tmp/no/such/dir/j.xml" "$tmp/cases" 2>&1); status=$?
[ $status -eq 2 ] || no "unwritable --junit: exit status $status"
grep -q 'ERROR\|FAIL' <<<"$out" && no "unwritable --junit: the cases ran before the error"

# 4. a rule no case fires (F2.6): --min-coverage 100 fails, names it, says so last
kb=$tmp/kb
cp -r "$src/rules" "$kb"
cat >>"$kb/anal-stage4.clp" <<'EOF'

(defrule anal-stage4-note-never-fires
  "A note for a case no regression case describes."
  (scope (guideline anal-stage4))
  (finding (name declines-active-treatment) (value yes))
  (finding (name declines-active-treatment) (value no))
  =>
  (assert (note (id anal-stage4-never) (text "Never.") (cite a4-1-no-standard))))
EOF
out=$("$bin" test --kb "$kb" --coverage --min-coverage 100 "$src/tests/cases"); status=$?
[ $status -eq 1 ] || no "a rule without a case: exit status $status, expected 1"
last=$(tail -n 1 <<<"$out")
has "never fired" '^[0-9]+ passed, 0 failed, but coverage below the minimum: ([0-9]+) of ([0-9]+) rules fired \([0-9.]+%\), --min-coverage is 100%$' "$last"
has "never fired" '^rules never fired \(1\): no case exercises it; add a regression case where it fires$' "$out"
[ "$(tail -n 2 <<<"$out" | head -n 1)" = "  anal-stage4-note-never-fires (anal-stage4.clp:$(grep -n 'defrule anal-stage4-note-never-fires' "$kb/anal-stage4.clp" | cut -d: -f1))" ] ||
	no "the rule never fired is not named right above the last line: $(tail -n 3 <<<"$out")"
out=$("$bin" test --coverage --min-coverage 100 "$src/tests/cases")
# rules no case holds back are named (no case where they must not fire)
has "always fired" '^rules that fired in every case of their guideline' "$out"
has "always fired" '^  [a-z0-9-]+clinical-trial \([a-z0-9-]+\.clp:[0-9]+\): ([0-9]+) of \1 cases$' "$out"
has "full coverage" '^[0-9]+ passed, 0 failed; ([0-9]+) of \1 rules fired \(100\.0%\)$' "$(tail -n 1 <<<"$out")"

[ "$fail" -eq 0 ] && echo "case files checked against the rule base; honest last line: ok"
exit "$fail"
