#!/usr/bin/env python3
"""walkthrough.py ONCORULES SOURCE_DIR [--update]: runs the walk-through of
docs/rule-authoring.md ("Your first rule, end to end") exactly as written.

Between the markers <!-- walkthrough --> and <!-- /walkthrough --> of the
guide, every ```sh block is run in order by bash, from a scratch folder
holding copies of the repository's rules/ and tests/ (so the guide's paths
work and the repository is never touched), with `oncorules` on the PATH.
A ```text block right after a ```sh block is what that block prints
(stdout and stderr); it must match, except that a line number of a rule
file (".clp:123:4") may differ, since the guideline files change as the
rule base grows. Every figure of the guide (cases, rules, coverage) is
checked: the guide cannot go stale.

--update rewrites the text blocks with what the commands print (after a
change of the rule base or of a message), for review with git diff."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

binary, src = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
update = "--update" in sys.argv[3:]
guide_path = os.path.join(src, "docs", "rule-authoring.md")
guide = open(guide_path, encoding="utf-8").read()
start = guide.index("<!-- walkthrough -->")
end = guide.index("<!-- /walkthrough -->")
section = guide[start:end]

# (kind, body, span in the guide) for each fenced block of the section
blocks = [(m.group(1), m.group(2), (start + m.start(2), start + m.end(2)))
          for m in re.finditer(r"```(sh|text)\n(.*?)```", section, re.S)]
if sum(1 for k, _, _ in blocks if k == "sh") < 8:
    sys.exit("FAIL the walk-through has fewer than 8 steps: markers or blocks lost")

work = tempfile.mkdtemp()
try:
    for name in ("rules", "tests"):
        shutil.copytree(os.path.join(src, name), os.path.join(work, name), symlinks=True)
    bindir = os.path.join(work, ".bin")
    os.mkdir(bindir)
    os.symlink(binary, os.path.join(bindir, "oncorules"))
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))

    def normal(text):
        return re.sub(r"\.clp:\d+(:\d+)?", ".clp:L", text)

    failures, edits = 0, []
    for i, (kind, body, _) in enumerate(blocks):
        if kind != "sh":
            continue
        run = subprocess.run(["bash", "-c", body], cwd=work, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True)
        if i + 1 >= len(blocks) or blocks[i + 1][0] != "text":
            if run.returncode != 0:
                failures += 1
                print("FAIL step %d exits %d:\n%s\n%s" % (i, run.returncode, body, run.stdout))
            continue
        expected, span = blocks[i + 1][1], blocks[i + 1][2]
        if normal(run.stdout) != normal(expected):
            if update:
                edits.append((span, run.stdout))
                continue
            failures += 1
            print("FAIL the guide says this prints:\n%s\nit prints:\n%s\nfor:\n%s"
                  % (expected, run.stdout, body))
    if update and edits:
        for (a, b), text in sorted(edits, reverse=True):
            guide = guide[:a] + text + guide[b:]
        open(guide_path, "w", encoding="utf-8").write(guide)
        print("updated %d output blocks of %s" % (len(edits), guide_path))
    if failures:
        print("%d step(s) of the walk-through differ; when the change is right, run\n"
              "  tests/scripts/walkthrough.py build/oncorules . --update" % failures)
        sys.exit(1)
    print("walk-through of docs/rule-authoring.md: %d steps as written"
          % sum(1 for k, _, _ in blocks if k == "sh"))
finally:
    shutil.rmtree(work)
