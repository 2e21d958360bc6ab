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

# A case outside the rule base says so.
echo '{"id": "nc", "cancer": {"site": "cervix", "stage": "II", "recurrent": false}}' > "$tmp/nc.json"
"$bin" evaluate "$tmp/nc.json" --json > "$tmp/nc.out"; rc=$?
[ "$rc" -eq 0 ] || fail "not-covered case exit status $rc, want 0"
grep -q '"scope":[[:space:]]*"not covered"' "$tmp/nc.out" || fail "stage II cervix is not 'not covered'"

# The catalogue lists rules.
"$bin" rules > "$tmp/rules.txt"; rc=$?
[ "$rc" -eq 0 ] || fail "rules exit status $rc"
grep -q "LABELS" "$tmp/rules.txt" || fail "rules lists no labels"

if [ "$failures" -eq 0 ]; then
	echo "cli evaluate: all checks passed"
	exit 0
fi
echo "cli evaluate: $failures check(s) failed"
exit 1
