#!/bin/bash
# test_memory_limits.sh: scarce memory and a small stack give an error or
# the right answer, never another answer.
#   - evaluate under `ulimit -v` from where the program can start (its
#     libraries mapped) to 16 MB more: the exact output with
#     exit 0, or exit 3 with a message and nothing on standard output;
#     never exit 1 or [MEMORY1] (CLIPS's own out-of-memory exit), never a
#     signal.
#   - batch (-j 1 and -j 2, 40 lines) under `ulimit -v` over 50 MB from there:
#     the exact output with exit 0, or exit 3 with nothing written, or exit
#     3 with 40 records in order, each the right one or an internal-error
#     record, and a summary that adds up.
#   - a stack limit under 256 KiB: exit 3 with a message, not a crash.
# Under ASan (which reserves terabytes of address space) the ulimit -v
# part is skipped.
# Usage: test_memory_limits.sh ONCORULES SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
E=$src/examples/recurrent-cervix-exenteration-bevacizumab.json

status=0
(ulimit -s 64 && exec "$bin" evaluate --json "$E") >"$tmp/out" 2>"$tmp/err" || status=$?
[ "$status" = 3 ] || fail "ulimit -s 64: exit $status, expected 3"
grep -q "the stack limit is 64 KiB" "$tmp/err" || fail "ulimit -s 64: $(cat "$tmp/err")"

if ldd "$bin" 2>/dev/null | grep -q libasan; then
	[ "$fails" = 0 ] || exit 1
	echo "ok: small stack refused (ulimit -v sweeps skipped under ASan)"
	exit 0
fi

# Where the program itself can start (the dynamic loader needs to map the
# libraries first; below that nothing of ours runs).
base=8000
until (ulimit -v "$base" && exec "$bin" --version) >/dev/null 2>&1; do
	base=$((base + 1000))
	[ "$base" -lt 200000 ] || { echo "FAIL the program does not start below 200 MB"; exit 1; }
done

"$bin" evaluate --json "$E" >"$tmp/ref.json"
for v in $(seq "$base" 500 $((base + 16000))); do
	status=0
	(ulimit -v "$v" && exec "$bin" evaluate --json "$E") >"$tmp/out" 2>"$tmp/err" || status=$?
	if [ "$status" = 0 ]; then
		cmp -s "$tmp/out" "$tmp/ref.json" || fail "ulimit -v $v: exit 0 with another answer"
	elif [ "$status" = 3 ]; then
		[ ! -s "$tmp/out" ] || fail "ulimit -v $v: exit 3 with a document"
		[ -s "$tmp/err" ] || fail "ulimit -v $v: exit 3 without a message"
	else
		fail "ulimit -v $v: exit $status: $(head -c 200 "$tmp/err")"
	fi
	grep -q MEMORY1 "$tmp/out" "$tmp/err" && fail "ulimit -v $v: CLIPS's [MEMORY1]"
done

line=$(tr -d '\n' <"$E")
for i in $(seq 1 40); do printf '%s\n' "$line"; done >"$tmp/b40.ndjson"
"$bin" batch "$tmp/b40.ndjson" >"$tmp/ref.ndjson" 2>/dev/null
for j in 1 2; do
	for v in $(seq "$base" 2000 $((base + 50000))); do
		status=0
		(ulimit -v "$v" && exec "$bin" batch -j "$j" "$tmp/b40.ndjson") >"$tmp/out" 2>"$tmp/err" || status=$?
		python3 - "$status" "$tmp/out" "$tmp/ref.ndjson" "$tmp/err" <<'EOF' || fail "batch -j $j ulimit -v $v: exit $status: $(tail -c 300 "$tmp/err")"
import re, sys
status, out, ref, err = int(sys.argv[1]), open(sys.argv[2]).read(), open(sys.argv[3]).read(), open(sys.argv[4]).read()
if status == 0:
    assert out == ref, "exit 0 with another answer"
    sys.exit(0)
assert status == 3, "exit status %d" % status
assert err.strip(), "no message"
assert "MEMORY1" not in out + err
if out == "":
    sys.exit(0)
got, want = out.splitlines(), ref.splitlines()
assert len(got) == len(want), "%d records for %d lines" % (len(got), len(want))
for k, (g, w) in enumerate(zip(got, want), 1):
    assert g.startswith('{"line":%d,' % k), "record %d out of place" % k
    assert g == w or '"message":"internal error' in g, "record %d differs" % k
m = re.search(r"(\d+) cases, (\d+) valid, (\d+) errors \((\d+) invalid, (\d+) run limits, (\d+) internal\)", err)
assert m, "no summary"
n, v, e, i, r, x = map(int, m.groups())
assert n == len(want) and v + i + r + x == n and e == i + r + x and x > 0, "the summary does not add up"
EOF
	done
done

[ "$fails" = 0 ] || exit 1
echo "ok: under memory limits, the right answer or an error; a small stack refused"
