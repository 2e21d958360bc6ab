#!/usr/bin/env python3
"""check_junit.py JUNIT.xml CASES_DIR: the JUnit report of `oncorules test`
is valid XML with exactly one <testcase> per case file under CASES_DIR
(classname = its folder, name = its file name). Run by ctest after
regression_cases."""
import os
import sys
import xml.etree.ElementTree as ET

report, cases_dir = sys.argv[1], sys.argv[2]
files = sorted(
    (os.path.normpath(d), n)
    for d, _, names in os.walk(cases_dir)
    for n in names
    if n.endswith(".json") and not n.startswith(".")
)
try:
    root = ET.parse(report).getroot()
except (OSError, ET.ParseError) as e:
    sys.exit("FAIL %s is not valid XML: %s" % (report, e))
cases = sorted((os.path.normpath(c.get("classname", "")), c.get("name", ""))
               for c in root.iter("testcase"))
if cases != files:
    missing = sorted(set(files) - set(cases))
    extra = sorted(set(cases) - set(files))
    sys.exit("FAIL %d testcases for %d case files; without a testcase: %s; unknown: %s"
             % (len(cases), len(files), missing[:5], extra[:5]))
failures = sum(1 for c in root.iter("testcase") if c.find("failure") is not None)
print("%s: %d testcases, one per case file, %d failures" % (report, len(cases), failures))
