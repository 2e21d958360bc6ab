#!/bin/bash
# test_heap_reserve.sh: the start-up heap reserve (cli/heap.c) never costs
# the answer. Before the first engine the command grows the heap by 6 MB,
# keeps the part below a 2 MB boundary and takes a reserve of 4 MB + 4 KiB
# there, for huge pages; each of those can fail, and then the plain 4 MB
# reserve must do, as it did before: the exact answer, exit 0. When even
# that cannot be had: exit 3, "out of memory", nothing on standard output.
# The failures are made by tests/fi/fail_big.c (LD_PRELOAD), which counts
# the process's allocations of 4000 bytes or more from its start: the
# first is the 6 MB block, the second the block below the boundary (or, in
# the one start in 500 whose heap begins within 4 KiB of a boundary, the
# reserve), and each has a fallback.
# Usage: test_heap_reserve.sh ONCORULES SOURCE_DIR   (exit 77: skipped)
. "$(dirname "$0")/lib.sh" "$@"
shim=${ONCO_FAIL_BIG:-}
[ -n "$shim" ] && [ -f "$shim" ] || { echo "no fail_big module (ONCO_FAIL_BIG): skipped"; exit 77; }
E=$src/examples/recurrent-cervix-exenteration-bevacizumab.json

"$bin" evaluate --json "$E" >"$tmp/expected" || { fail "evaluate without a failure"; finish; }

# The module works: the first large allocation is the 6 MB block.
LD_PRELOAD=$shim FAIL_BIG_LOG=1 "$bin" evaluate --json "$E" >/dev/null 2>"$tmp/log" || true
grep -q '^\[fail_big #1: 6291456 bytes\]$' "$tmp/log" ||
	fail "the first large allocation is not the 6 MB block: $(head -c 300 "$tmp/log")"

for n in 1 2; do
	status=0
	LD_PRELOAD=$shim FAIL_BIG=$n FAIL_BIG_LOG=1 "$bin" evaluate --json "$E" >"$tmp/out" 2>"$tmp/err" || status=$?
	grep -q "^\[fail_big #$n: .* refused\]$" "$tmp/err" || fail "allocation $n was not refused: the test proves nothing"
	if [ "$status" != 0 ] || ! cmp -s "$tmp/out" "$tmp/expected"; then
		fail "large allocation $n refused: exit $status, $(grep -v '^\[fail_big' "$tmp/err" | head -c 300)"
	fi
done

# The 6 MB block and then the plain reserve refused: out of memory.
status=0
LD_PRELOAD=$shim FAIL_BIG=1 FAIL_BIG_B=2 "$bin" evaluate --json "$E" >"$tmp/out" 2>"$tmp/err" || status=$?
if [ "$status" != 3 ] || [ -s "$tmp/out" ] || ! grep -q "out of memory" "$tmp/err"; then
	fail "no reserve at all: exit $status, $(wc -c <"$tmp/out") bytes out, $(head -c 300 "$tmp/err")"
fi
finish "a refused 6 MB block or block below the boundary gives the exact answer; no reserve, exit 3"
