#!/usr/bin/env python3
"""check_junit.py JUNIT.xml CASES_DIR: the JUnit report of `oncorules test`
is valid against the JUnit schema CI servers read (tests/junit/junit.xsd,
checked with xmllint) and says what the run did:

- exactly one <testcase> per case file under CASES_DIR, its classname the
  file's folder relative to CASES_DIR (the folder's own name for a file at
  the top), so that the same case has the same name on every checkout;
- the case file's description in the test case's <system-out>;
- <testsuites> and <testsuite> counts (tests, failures, errors) equal to
  their children, a time and a timestamp on the suite.

Exit 77 (skipped) when xmllint is missing. Run by ctest after
regression_cases, and by the script tests on their own reports."""
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

report, cases_dir = sys.argv[1], sys.argv[2]
xsd = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "junit", "junit.xsd")

if shutil.which("xmllint") is None:
    print("xmllint missing (Debian package libxml2-utils): skipped")
    sys.exit(77)
check = subprocess.run(["xmllint", "--noout", "--schema", xsd, report],
                       capture_output=True, text=True)
if check.returncode != 0:
    sys.exit("FAIL %s is not valid against %s:\n%s" % (report, xsd, check.stderr))

root_name = os.path.basename(os.path.normpath(cases_dir))
files = {}
for d, _, names in os.walk(cases_dir):
    for n in names:
        if not n.endswith(".json") or n.startswith("."):
            continue
        rel = os.path.relpath(d, cases_dir)
        group = root_name if rel == "." else rel
        try:
            with open(os.path.join(d, n), encoding="utf-8") as f:
                description = json.load(f).get("description")
        except (OSError, ValueError, AttributeError):
            description = None
        files[(group, n)] = description

root = ET.parse(report).getroot()
cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
if sorted(cases) != sorted(files):
    missing = sorted(set(files) - set(cases))
    extra = sorted(set(cases) - set(files))
    sys.exit("FAIL %d testcases for %d case files; without a testcase: %s; unknown: %s"
             % (len(cases), len(files), missing[:5], extra[:5]))
for key, description in files.items():
    out = cases[key].find("system-out")
    if isinstance(description, str) and (out is None or out.text != description):
        sys.exit("FAIL %s/%s: the description is not the testcase's system-out" % key)

failures = sum(1 for c in cases.values() if c.find("failure") is not None)
errors = sum(1 for c in cases.values() if c.find("error") is not None)
suites = root.findall("testsuite")
for element in [root] + suites:
    counts = (element.get("tests"), element.get("failures"), element.get("errors"))
    if counts != (str(len(cases)), str(failures), str(errors)):
        sys.exit("FAIL <%s> says tests, failures, errors = %s; the report has %d, %d, %d"
                 % (element.tag, counts, len(cases), failures, errors))
for suite in suites:
    if not suite.get("time") or not suite.get("timestamp"):
        sys.exit("FAIL <testsuite> has no time or timestamp")
print("%s: valid; %d testcases, one per case file, %d failures, %d errors"
      % (report, len(cases), failures, errors))
