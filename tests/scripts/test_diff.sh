#!/bin/bash
# test_diff.sh ONCORULES SOURCE_DIR: `oncorules diff` between a rule base and
# a copy with one rule changed lists exactly the cases that change.
#
# The changed rule is a recommendation rule that alone concludes its id and
# fires in some of the cases; the copy renames the id it concludes. The
# cases that must change are found independently, by evaluating every case
# under the old rule base and keeping those whose result names that option
# (recommended, or held by a gate).
# Runs on the shipped rule base with tests/cases/, and on the engine's mini
# rule base with tests/explain/ and tests/fixtures/wrong-expectation/ (plain
# and regression case files).
set -u
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

check() { # check NAME KB CASES...
	local name=$1 kb=$2
	shift 2
	rm -rf "$tmp/new" "$tmp/inputs"
	cp -r "$kb" "$tmp/new"
	python3 - "$bin" "$kb" "$tmp" "$@" >"$tmp/expected" <<'PY'
import json, os, re, subprocess, sys
bin, kb, tmp, paths = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
files = []
for p in paths:
    if os.path.isdir(p):
        for d, _, names in os.walk(p):
            files += [os.path.join(d, n) for n in names if n.endswith(".json") and not n.startswith(".")]
    else:
        files.append(p)
files.sort()
os.makedirs(os.path.join(tmp, "inputs"))
# every case evaluated by `batch` (another verb than diff, one process), from
# the rule base compiled once (the same bytes as the text: test_kb_image.sh)
image = os.path.join(tmp, "old.img")
pin = subprocess.run([bin, "compile", "--kb", kb, "-o", image], check=True,
                     capture_output=True, text=True).stdout.split()[0]
lines = []
for f in files:
    doc = json.load(open(f))
    case = doc["input"] if isinstance(doc, dict) and "input" in doc and "expect" in doc else doc
    lines.append(json.dumps(case))
out = subprocess.run([bin, "batch", "--kb-image", image, "--kb-image-sha256", pin], input="\n".join(lines) + "\n",
                     capture_output=True, text=True).stdout.splitlines()
assert len(out) == len(files), "batch answered %d of %d cases" % (len(out), len(files))
results = {f: json.loads(line) for f, line in zip(files, out)}

def strings(v):
    if isinstance(v, str):
        return {v}
    items = v.values() if isinstance(v, dict) else v if isinstance(v, list) else []
    return set().union(*(strings(x) for x in items)) if items else set()
cat = json.loads(subprocess.run([bin, "rules", "--json", "--kb", kb], capture_output=True, text=True).stdout)
rules = cat["rules"]
for r in rules:
    if r["kind"] != "recommendation" or sum(x.get("concludes") == r["concludes"] for x in rules) != 1:
        continue
    # the cases whose result names the option anywhere: as a recommendation,
    # or where a gate holds it (an exclusion's or a warning's option, the
    # options of missing information)
    fired = [f for f in files if r["concludes"] in strings(results[f])]
    if not fired:
        continue
    path = os.path.join(tmp, "new", r["file"])
    lines = open(path).read().split("\n")
    start = r["line"] - 1
    end = next((i for i in range(start + 1, len(lines)) if re.match(r"\s*\((defrule|deffacts|deftemplate)\b", lines[i])), len(lines))
    block = "\n".join(lines[start:end])
    new = block.replace("(id %s)" % r["concludes"], "(id %s-changed)" % r["concludes"], 1)
    assert new != block, "cannot find (id %s) in %s" % (r["concludes"], path)
    open(path, "w").write("\n".join(lines[:start] + [new] + lines[end:]))
    print("rule", r["name"])
    for f in fired:
        print(f)
    print("%d of %d cases change" % (len(fired), len(files)))
    sys.exit(0)
sys.exit(3)
PY
	local found=$?
	if [ "$found" -eq 3 ]; then
		echo "skip $name: no recommendation rule of its own fires in these cases"
		return
	elif [ "$found" -ne 0 ]; then
		echo "FAIL $name: the cases that change could not be found (status $found)"
		fail=1
		return
	fi
	"$bin" diff --kb "$kb" --kb "$tmp/new" "$@" >"$tmp/out" 2>&1
	local status=$?
	# expected: the rule, the case files, the summary; got: the same from diff
	{
		head -n 1 "$tmp/expected"
		grep -vE '^  |^$' "$tmp/out" | sed -E 's/ \(case [^)]*\)$//'
	} >"$tmp/got"
	if ! diff -u "$tmp/expected" "$tmp/got"; then
		echo "FAIL $name: the cases diff lists (+) are not those that change (-)"
		cat "$tmp/out"
		fail=1
	fi
	[ "$status" -eq 1 ] || { echo "FAIL $name: exit status $status, expected 1"; fail=1; }
	grep -q -- "-changed" "$tmp/out" || { echo "FAIL $name: the renamed id is not shown"; fail=1; }
	"$bin" diff --kb "$kb" --kb "$kb" "$@" >"$tmp/same" 2>&1 ||
		{ echo "FAIL $name: a rule base against itself changes:"; cat "$tmp/same"; fail=1; }
	echo "$name: $(head -n 1 "$tmp/expected"), $(tail -n 1 "$tmp/out")"
}

[ -d "$src/tests/cases" ] && check shipped "$src/rules" "$src/tests/cases"
check mini "$src/tests/fixtures/kb-mini" "$src/tests/explain" "$src/tests/fixtures/wrong-expectation"
exit "$fail"
