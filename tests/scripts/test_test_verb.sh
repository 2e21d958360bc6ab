#!/bin/bash
# test_test_verb.sh ONCORULES SOURCE_DIR: `oncorules test` beyond pass and
# fail: error expectations, golden results and their diff, coverage and
# --min-coverage, JUnit escaping, and the exit status of usage errors.
# Cases are written here and run on the engine's mini rule base.
set -u
bin=$1 src=$2
kb=$src/tests/fixtures/kb-mini
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }

mkdir -p "$tmp/cases/mini"
cat >"$tmp/cases/mini/negative.json" <<'JSON'
{"description": "PD-L1 negative <& \"quoted\">", "labels": ["T-2"],
 "input": {"id": "n", "cancer": {"site": "cervix", "recurrent": true}, "biomarkers": {"PD-L1": "negative"}},
 "expect": {"scope": "covered",
            "exclusions": [{"option": "mini-pembrolizumab", "evidence_include": "only used for PD-L1 positive"}],
            "absent_recommendations": [{"agents_include": "pembrolizumab"}]}}
JSON
cat >"$tmp/cases/mini/invalid.json" <<'JSON'
{"description": "misspelt treatment type", "input": {"id": "i", "cancer": {"site": "cervix"},
 "prior_treatments": [{"type": "radation"}]}, "expect": {"errors": [{"pointer": "/prior_treatments/0/type"}]}}
JSON

# all pass; the final line alone
out=$("$bin" test --kb "$kb" "$tmp/cases")
[ $? -eq 0 ] || no "passing cases: exit status is not 0: $out"
[ "$(tail -n 1 <<<"$out")" = "2 passed, 0 failed" ] || no "final line: $out"

# golden: written, then equal, then a change shows as a diff
"$bin" test --kb "$kb" --golden "$tmp/golden" --update-golden "$tmp/cases" >/dev/null ||
	no "--update-golden failed"
[ -f "$tmp/golden/mini/negative.json" ] || no "no golden file written"
"$bin" test --kb "$kb" --golden "$tmp/golden" "$tmp/cases" >/dev/null || no "golden differs from itself"
sed -i 's/"PD-L1 negative"/"PD-L1 was negative"/' "$tmp/golden/mini/negative.json"
out=$("$bin" test --kb "$kb" --golden "$tmp/golden" "$tmp/cases")
[ $? -eq 1 ] || no "a changed golden file does not fail"
grep -q -- '^    - .*"PD-L1 was negative"' <<<"$out" || no "golden diff has no - line: $out"
grep -q -- '^    + .*"PD-L1 negative"' <<<"$out" || no "golden diff has no + line: $out"

# coverage: counts, never-fired rules, labels, and the minimum
out=$("$bin" test --kb "$kb" --coverage --min-coverage 100 "$tmp/cases")
[ $? -eq 1 ] || no "--min-coverage 100 does not fail on a partial run"
grep -qE '^rule coverage: [0-9]+ of [0-9]+ rules fired at least once' <<<"$out" || no "no rule coverage line: $out"
grep -q '^  mini-surgery (mini.clp:32)' <<<"$out" || no "mini-surgery not listed as never fired: $out"
grep -q '^  T-1: the rules citing it never fired' <<<"$out" || no "label T-1 not listed: $out"
"$bin" test --kb "$kb" --min-coverage 10 "$tmp/cases" >/dev/null || no "--min-coverage 10 fails"

# JUnit: valid XML with the markup of the description escaped
echo '{"description": "fails <&>", "input": {"id": "f", "cancer": {"site": "cervix", "recurrent": true}},
 "expect": {"recommendations": [{"id": "mini-surgery", "summary": "a<b&c"}]}}' >"$tmp/cases/mini/fails.json"
"$bin" test --kb "$kb" --junit "$tmp/j.xml" "$tmp/cases" >/dev/null
[ $? -eq 1 ] || no "a failing case does not give exit status 1"
python3 "$src/tests/scripts/check_junit.py" "$tmp/j.xml" "$tmp/cases" >/dev/null || no "JUnit report invalid"

# evidence_include: a quote the item does not cite fails, naming what it cites
mkdir -p "$tmp/cites"
echo '{"description": "cites", "input": {"id": "c", "cancer": {"site": "cervix", "recurrent": true}, "biomarkers": {"PD-L1": "negative"}},
 "expect": {"exclusions": [{"option": "mini-pembrolizumab", "evidence_include": ["PD-L1 positive", "not in the source"]}]}}' >"$tmp/cites/c.json"
out=$("$bin" test --kb "$kb" "$tmp/cites")
[ $? -eq 1 ] || no "evidence_include with a quote not cited passes"
grep -q 'it cites \[Pembrolizumab is only used for PD-L1 positive tumours.\]' <<<"$out" ||
	no "evidence_include failure does not name the quotes cited: $out"

# usage and unreadable files: exit status 2
"$bin" test >/dev/null 2>&1; [ $? -eq 2 ] || no "no arguments: status is not 2"
"$bin" test --bogus "$tmp/cases" >/dev/null 2>&1; [ $? -eq 2 ] || no "unknown option: status is not 2"
"$bin" test "$tmp/none" >/dev/null 2>&1; [ $? -eq 2 ] || no "missing path: status is not 2"
echo '{"description": ' >"$tmp/cases/mini/broken.json"
"$bin" test --kb "$kb" "$tmp/cases" >/dev/null 2>&1; [ $? -eq 2 ] || no "unreadable case: status is not 2"
"$bin" test --kb "$tmp/no-kb" "$tmp/cases" >/dev/null 2>&1; [ $? -ne 0 ] || no "missing rule base passes"
"$bin" test --kb "$src/tests/fixtures/kb-broken" "$tmp/cases" >/dev/null 2>&1
[ $? -eq 3 ] || no "a rule base that fails to load: status is not 3"

[ "$fail" -eq 0 ] && echo "test verb: ok"
exit "$fail"
