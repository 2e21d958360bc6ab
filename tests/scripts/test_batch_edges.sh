#!/bin/bash
# test_batch_edges.sh: `oncorules batch` at the edges of its input:
#   - a last line without newline, CRLF line ends, blank lines: answered;
#   - several files (and "-" for standard input): one numbering, in order;
#   - a file that cannot be opened: exit 2 before any output;
#   - a bad option: exit 2;
#   - used as a coprocess, it answers each line before the next is sent
#     (no deadlock waiting for a full chunk).
# Usage: test_batch_edges.sh ONCORULES SOURCE_DIR
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
case1='{"id":"e-1","cancer":{"site":"cervix","stage":"IVB","recurrent":false,"metastases":["lung"]}}'
case2='{"id":"e-2","cancer":{"site":"anus","stage":"IV","metastases":["liver"]}}'

# Last line without newline, CRLF, blank line.
printf '%s\r\n\r\n%s' "$case1" "$case2" >"$tmp/a.ndjson"
"$bin" batch "$tmp/a.ndjson" >"$tmp/a.out" 2>/dev/null
test "$(wc -l <"$tmp/a.out")" = 3 || fail "3 lines in, $(wc -l <"$tmp/a.out") out"
sed -n 1p "$tmp/a.out" | grep -q '^{"line":1,"case":"e-1",' || fail "CRLF line not evaluated"
sed -n 2p "$tmp/a.out" | grep -q '^{"line":2,"case":null,"errors":\[{"pointer":"","message":"empty line' ||
	fail "blank line not answered"
sed -n 3p "$tmp/a.out" | grep -q '^{"line":3,"case":"e-2",' || fail "unterminated last line not evaluated"

# Several files and standard input: one numbering.
printf '%s\n' "$case1" >"$tmp/b.ndjson"
printf '%s\n%s\n' "$case2" "$case1" | "$bin" batch -j 2 "$tmp/b.ndjson" - "$tmp/a.ndjson" \
	>"$tmp/b.out" 2>/dev/null
test "$(wc -l <"$tmp/b.out")" = 6 || fail "6 lines in, $(wc -l <"$tmp/b.out") out"
for n in 1 2 3 4 5 6; do
	sed -n ${n}p "$tmp/b.out" | grep -q "^{\"line\":$n," || fail "line $n out of place"
done
sed -n 2p "$tmp/b.out" | grep -q '"case":"e-2"' || fail "standard input not read in its place"

# Usage errors: nothing written, exit 2.
status=0
"$bin" batch "$tmp/b.ndjson" "$tmp/missing.ndjson" >"$tmp/c.out" 2>/dev/null || status=$?
test "$status" = 2 || fail "missing file: exit $status"
test ! -s "$tmp/c.out" || fail "output written before a missing file was noticed"
status=0
"$bin" batch -j nope </dev/null >/dev/null 2>&1 || status=$?
test "$status" = 2 || fail "bad -j: exit $status"

# Coprocess: one line at a time, each answered before the next is sent.
# (bash unsets BATCH and BATCH_PID once the coprocess ends: keep copies.)
coproc BATCH { exec "$bin" batch -j 2 2>/dev/null; }
pid=$BATCH_PID
to=${BATCH[1]}
from=${BATCH[0]}
for n in 1 2 3; do
	printf '%s\n' "$case1" >&"$to"
	IFS= read -r -t 20 answer <&"$from" || fail "no answer to line $n within 20 s"
	case "$answer" in "{\"line\":$n,"*) ;; *) fail "coprocess line $n: $answer" ;; esac
done
exec {to}>&-
wait "$pid" || fail "coprocess exit status $?"
echo "ok: batch edges"
