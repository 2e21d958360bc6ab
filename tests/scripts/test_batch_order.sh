#!/bin/bash
# test_batch_order.sh: `oncorules batch` over 2,000 generated lines of
# which 3% are broken (truncated JSON, wrong types, unknown values, 1 MB
# strings, lines over the 1 MiB limit, deep nesting, empty lines...):
#   - exactly one output line per input line, in order ("line" = 1..N);
#   - an error record exactly on the broken lines, none elsewhere;
#   - -j 1 and -j 2 give byte-identical output.
# Usage: test_batch_order.sh ONCORULES SOURCE_DIR   (exit 77: skipped)
set -eu
bin=$1
src=$2
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$src/bench/gen_cases.py" -n 2000 --seed 6 --invalid 0.03 \
	--manifest "$tmp/broken" -o "$tmp/cases.ndjson"
test "$(wc -l <"$tmp/broken")" -ge 50

"$bin" batch -j 1 "$tmp/cases.ndjson" >"$tmp/out1" 2>"$tmp/err1"
"$bin" batch -j 2 <"$tmp/cases.ndjson" >"$tmp/out2" 2>"$tmp/err2"
cat "$tmp/err1"

cmp "$tmp/out1" "$tmp/out2" || { echo "FAIL: -j 1 and -j 2 outputs differ"; exit 1; }

python3 - "$tmp/cases.ndjson" "$tmp/broken" "$tmp/out1" <<'PY'
import json, sys
cases, broken, out = sys.argv[1:4]
n_in = sum(1 for _ in open(cases, "rb"))
bad = {int(l.split()[0]): l.split()[1] for l in open(broken)}
fails = 0
n_out = 0
with open(out, "rb") as f:
    for n_out, raw in enumerate(f, 1):
        rec = json.loads(raw)
        if rec.get("line") != n_out:
            print("FAIL: output line %d has line %r" % (n_out, rec.get("line")))
            sys.exit(1)
        has_errors = "errors" in rec
        if has_errors != (n_out in bad):
            fails += 1
            if fails <= 10:
                print("FAIL: line %d (%s): %s" % (n_out, bad.get(n_out, "valid"),
                                                 raw[:300].decode("utf-8", "replace")))
        if has_errors:
            errs = rec["errors"]
            if not errs or any("pointer" not in e or "message" not in e for e in errs):
                print("FAIL: line %d: malformed errors %r" % (n_out, errs[:3]))
                fails += 1
if n_out != n_in:
    print("FAIL: %d input lines, %d output lines" % (n_in, n_out))
    sys.exit(1)
if fails:
    print("FAIL: %d lines misjudged" % fails)
    sys.exit(1)
print("ok: %d lines, %d broken, all in place" % (n_out, len(bad)))
PY
