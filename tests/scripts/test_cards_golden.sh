#!/bin/bash
# test_cards_golden.sh ONCORULES SOURCE_DIR: the "golden" check of
# tests/scripts/check_cards.py (decision cards, issue 10); see that file.
command -v python3 >/dev/null || { echo "python3 is missing: skipped"; exit 77; }
exec python3 "$2/tests/scripts/check_cards.py" "$1" "$2" golden
