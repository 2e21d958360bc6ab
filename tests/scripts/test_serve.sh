#!/bin/bash
# test_serve.sh: `oncorules serve` end to end (tests/scripts/serve_test.py):
# discovery, every refusal and its status, token checks, CORS, feedback,
# slowloris clients, a saturated queue, clean shutdown (no leak under ASan).
# Needs python3 and openssl (throw-away keys are made at test time).
# Usage: test_serve.sh ONCORULES SOURCE_DIR
set -eu
for tool in python3 openssl; do
	command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed"; exit 77; }
done
exec python3 "$2/tests/scripts/serve_test.py" "$1" "$2"
