#!/bin/bash
# test_changed.sh ONCORULES SOURCE_DIR: `oncorules test --changed` runs
# what the edits since its last run can affect, and nothing else:
# the first run runs everything; an unchanged rule base and case folder run
# nothing; an edit of a guideline's rule file runs that guideline's cases
# (and the cases no guideline covers); an edit of a shared file runs all;
# an edited case runs alone; a failing case runs until it passes; another
# strategy runs all; deleting the state file runs all again.
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
cp -r "$src/rules" "$tmp/kb"
cp -r "$src/tests/cases" "$tmp/cases"
cd "$tmp" || exit 1
total=$(find cases -name '*.json' | wc -l)
anal=$(find cases/anal-stage4 -name '*.json' | wc -l)
run() { "$bin" test --kb kb --changed "$@" cases | tail -n 1; }
ran() { # ran WHAT EXPECTED-PASSED LAST-LINE
	local want="$2 passed, 0 failed, $(($total - $2)) skipped (unchanged since the last run)"
	[ "$3" = "$want" ] || no "$1: '$3', expected '$want'"
}

ran "first run" "$total" "$(run)"
[ -f .oncorules-test-state ] || no "no state file written"
ran "nothing changed" 0 "$(run)"

# an edit of the anal guideline's file: its cases, and the not-covered ones
echo ';; an edit' >>kb/anal-stage4.clp
line=$(run)
n=${line%% passed*}
[ "$n" -ge "$anal" ] && [ "$n" -lt "$total" ] ||
	no "edit of anal-stage4.clp ran $n cases (anal has $anal, all $total)"
"$bin" test --kb kb --changed -v cases | grep -q '^ok   cases/breast' &&
	no "a second run after the anal edit ran breast cases"

# a shared file: everything
echo ';; an edit' >>kb/findings.clp
ran "edit of findings.clp" "$total" "$(run)"

# one case file edited: that case alone
sed -i 's/"description": "/"description": "(edited) /' cases/breast-stage4/bone-pain.json
ran "one case edited" 1 "$(run)"

# a failing case runs until it passes
sed -i 's/"scope": "covered"/"scope": "not covered"/' cases/cervix-stage4/stage-4a-chemoradiation.json 2>/dev/null ||
	no "fixture case missing"
line=$("$bin" test --kb kb --changed cases | tail -n 1)
[ "$line" = "0 passed, 1 failed, $(($total - 1)) skipped (unchanged since the last run)" ] ||
	no "failing case: '$line'"
line=$("$bin" test --kb kb --changed cases | tail -n 1)
[ "$line" = "0 passed, 1 failed, $(($total - 1)) skipped (unchanged since the last run)" ] ||
	no "failing case runs again: '$line'"
cp "$src/tests/cases/cervix-stage4/stage-4a-chemoradiation.json" cases/cervix-stage4/
ran "fixed case" 1 "$(run)"

# other options, another state file, a deleted state: everything
ran "another strategy" "$total" "$(run --strategy breadth)"
ran "own state file" "$total" "$(run --state my.state)"
[ -f my.state ] || no "--state FILE not written"
rm .oncorules-test-state
ran "state deleted" "$total" "$(run)"

"$bin" test --changed --coverage cases >/dev/null 2>&1
[ $? -eq 2 ] || no "--changed with --coverage is not refused"

[ "$fail" -eq 0 ] && echo "test --changed: ok"
exit "$fail"
