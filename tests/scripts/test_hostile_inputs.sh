#!/bin/bash
# test_hostile_inputs.sh: every file under tests/fuzz-regressions/ (inputs
# found by fuzzing or written to break the case reader: NUL bytes, invalid
# UTF-8, lone surrogates, huge numbers, duplicate keys, 100,000 levels of
# nesting, 5,000 keys...) goes through `oncorules evaluate --json`: the
# answer must be one JSON object with "case", and the exit status 0 (a
# valid case) or 2 (an invalid one), never a crash, a hang or status 3.
# Adding a regression means adding a file.
# Usage: test_hostile_inputs.sh ONCORULES SOURCE_DIR   (exit 77: skipped)
set -u
bin=$1
src=$2
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
count=0
for f in "$src"/tests/fuzz-regressions/*; do
	[ -f "$f" ] || continue
	count=$((count + 1))
	status=0
	timeout 60 "$bin" evaluate --json "$f" >"$tmp/out" 2>"$tmp/err" || status=$?
	if [ "$status" != 0 ] && [ "$status" != 2 ]; then
		echo "FAIL: $(basename "$f"): exit status $status"
		head -c 500 "$tmp/err"
		fails=$((fails + 1))
		continue
	fi
	if ! python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert isinstance(d, dict) and "case" in d
assert ("errors" in d) == (sys.argv[2] == "2")
' "$tmp/out" "$status"; then
		echo "FAIL: $(basename "$f"): not a JSON object with \"case\" (and errors when invalid)"
		head -c 500 "$tmp/out"
		fails=$((fails + 1))
	fi
done
[ "$count" -gt 0 ] || { echo "FAIL: no input under tests/fuzz-regressions/"; exit 1; }
[ "$fails" = 0 ] || exit 1
echo "ok: $count hostile inputs answered"
