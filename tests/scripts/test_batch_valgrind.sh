#!/bin/bash
# test_batch_valgrind.sh: `oncorules batch -j 2` over 3,000 generated lines
# (2% broken, every kind) under valgrind memcheck: no invalid access, no
# uninitialised value, no leak (definite or indirect), every line answered.
# Skipped (exit 77) without valgrind or python3, and for a sanitizer build
# (valgrind cannot run AddressSanitizer binaries).
# Usage: test_batch_valgrind.sh ONCORULES SOURCE_DIR
set -eu
bin=$1
src=$2
command -v valgrind >/dev/null || { echo "valgrind missing: skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
if ldd "$bin" 2>/dev/null | grep -q 'libasan\|libubsan\|libtsan'; then
	echo "sanitizer build: skipped"
	exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$src/bench/gen_cases.py" -n 3000 --seed 4 --invalid 0.02 -o "$tmp/cases.ndjson"
status=0
valgrind --quiet --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
	"$bin" batch -j 2 "$tmp/cases.ndjson" >"$tmp/out" 2>"$tmp/err" || status=$?
if [ "$status" != 0 ]; then
	echo "FAIL: valgrind found errors (exit $status)"
	cat "$tmp/err"
	exit 1
fi
test "$(wc -l <"$tmp/out")" = 3000 || { echo "FAIL: $(wc -l <"$tmp/out") lines out of 3000"; exit 1; }
cat "$tmp/err"
echo "ok: 3000 lines under memcheck, no error, no leak"
