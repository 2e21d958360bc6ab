#!/bin/bash
# test_batch_stops.sh: how `oncorules batch` stops, and what it leaves.
#   - SIGINT (and SIGTERM) in the middle of a run: the output holds whole
#     records only, for lines 1 to N in order, with a message saying so,
#     and the exit status is 3 (never 0, never a torn record).
#   - Output that cannot be written (/dev/full) while the input never ends
#     (`yes`): batch stops reading at the first failed write and exits 3
#     with one message, instead of evaluating all its input first.
#   - CRLF: a case of exactly 1 MiB followed by CR LF is a case of 1 MiB
#     (within the limit), and error messages give the same byte offsets
#     with CRLF and with LF.
# Usage: test_batch_stops.sh ONCORULES SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
line=$(tr -d '\n' <"$src/examples/recurrent-cervix-exenteration-bevacizumab.json")

# SIGINT and SIGTERM mid-run: 20,000 lines take many seconds; the signal
# comes once the first records are out.
for i in $(seq 1 20000); do printf '%s\n' "$line"; done >"$tmp/many.ndjson"
for sig in INT TERM; do
	# the previous run's output must not count as this one's first record
	rm -f "$tmp/out" "$tmp/err"
	"$bin" batch -j 2 "$tmp/many.ndjson" >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	for _ in $(seq 1 600); do
		[ -s "$tmp/out" ] && break
		sleep 0.1
	done
	kill -s "$sig" "$pid"
	status=0
	wait "$pid" || status=$?
	[ "$status" = 3 ] || fail "SIG$sig: exit $status, expected 3"
	grep -q "stopped by SIG$sig: the output answers lines 1 to [0-9]* only" "$tmp/err" ||
		fail "SIG$sig: no message: $(cat "$tmp/err")"
	n=$(wc -l <"$tmp/out")
	[ "$n" -lt 20000 ] || fail "SIG$sig: did not stop early"
	[ -z "$(tail -c 1 "$tmp/out")" ] || fail "SIG$sig: the last record is torn"
	python3 - "$tmp/out" <<'EOF' || fail "SIG$sig: records not whole or not in order"
import json, sys
for k, text in enumerate(open(sys.argv[1]), 1):
    record = json.loads(text)
    assert record["line"] == k
EOF
	grep -q "lines 1 to $n only" "$tmp/err" || fail "SIG$sig: message and output disagree ($n lines)"
done

# A write error ends the run, even with input that never ends.
status=0
yes "$line" | timeout 120 "$bin" batch >/dev/full 2>"$tmp/err" || status=$?
[ "$status" = 3 ] || fail "endless input to /dev/full: exit $status, expected 3"
[ "$(wc -l <"$tmp/err")" = 1 ] || fail "/dev/full: not one message: $(cat "$tmp/err")"
grep -q "writing the results: No space left on device (after 0 records)" "$tmp/err" ||
	fail "/dev/full: $(cat "$tmp/err")"

# CRLF: a 1 MiB case plus CR is within the limit; offsets agree with LF.
python3 - "$tmp" <<'EOF'
import json, os, sys
tmp = sys.argv[1]
case = {"id": "crlf", "cancer": {"site": "cervix", "stage": "IVB"}}
text = json.dumps(case)
padded = text[:-1] + " " * (1048576 - len(text)) + "}"
assert len(padded) == 1048576
broken = '{"id": "cut", "cancer": {"site": "cervix"'
for name, end in (("lf", "\n"), ("crlf", "\r\n")):
    with open(os.path.join(tmp, name + ".ndjson"), "w", newline="") as f:
        f.write(padded + end + broken + end + text + end)
EOF
"$bin" batch "$tmp/lf.ndjson" >"$tmp/lf.out" 2>/dev/null
"$bin" batch "$tmp/crlf.ndjson" >"$tmp/crlf.out" 2>/dev/null
cmp -s "$tmp/lf.out" "$tmp/crlf.out" || fail "CRLF and LF give different records"
sed -n 1p "$tmp/crlf.out" | grep -q '^{"line":1,"case":"crlf",' ||
	fail "a 1 MiB case with CRLF was refused: $(sed -n 1p "$tmp/crlf.out" | head -c 200)"

[ "$fails" = 0 ] || exit 1
echo "ok: batch stops cleanly on signals and write errors; CRLF is LF"
