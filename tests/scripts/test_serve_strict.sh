#!/bin/bash
# test_serve_strict.sh: what `oncorules serve` refuses to read loosely
# (tests/scripts/serve_strict_test.py): \u0000 and broken \u escapes in
# token claims, feedback that is not UTF-8 or has an impossible timestamp.
# Needs python3 and openssl (throw-away keys are made at test time).
# Usage: test_serve_strict.sh ONCORULES SOURCE_DIR
set -eu
for tool in python3 openssl; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
exec python3 "$2/tests/scripts/serve_strict_test.py" "$1" "$2"
