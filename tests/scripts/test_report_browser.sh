#!/bin/bash
# test_report_browser.sh ONCORULES SOURCE_DIR: the HTML report loaded in
# headless Chromium with the network off (see test_report_browser.py).
# Skipped (77) only where Chromium or python3 is missing.
command -v python3 >/dev/null || { echo "python3 is missing: skipped"; exit 77; }
exec python3 "$2/tests/scripts/test_report_browser.py" "$1" "$2"
