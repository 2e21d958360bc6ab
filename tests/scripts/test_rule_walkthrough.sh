#!/bin/bash
# test_rule_walkthrough.sh ONCORULES SOURCE_DIR: the walk-through of
# docs/rule-authoring.md ("Your first rule, end to end") runs as written
# on a copy of the rule base and prints what the guide shows
# (tests/scripts/walkthrough.py). Exit 77 (skipped) without python3.
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
exec python3 "$2/tests/scripts/walkthrough.py" "$1" "$2"
