#!/bin/bash
# test_rule_base_limits.sh: a rule base is code, and is treated so.
#
# Each file under tests/fixtures/forbidden-calls/ is added to the small rule
# base tests/fixtures/kb-mini and loaded with --kb: the engine must refuse
# it at load (exit 3, nothing on standard output, a message with the file,
# the line and what its first line `;;; expect: TEXT` says), in evaluate and
# in batch (checked once), and lint must report the same call. Nothing it would have done
# may have happened.
#
# Each file under tests/fixtures/runaway/ is a rule that never ends (a
# loop, a string that doubles, recursion): `;;; expect: limit TEXT` means
# it loads and each case is stopped with an error naming TEXT (evaluate:
# exit 3 and the error document; batch: one limit record per line, exit
# 0); `;;; expect: load TEXT` means the rule base is refused at load.
# Also: a rule file nested 40,000 levels deep (refused before CLIPS parses
# it) and a FIFO named like a rule file (refused, no hang).
# Usage: test_rule_base_limits.sh ONCORULES SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
case_file=$src/examples/recurrent-cervix-exenteration-bevacizumab.json
limits=(--time-limit 1 --memory-limit 32)

# A rule base: kb-mini plus one file.
make_kb() {
	rm -rf "$tmp/kb"
	cp -r "$src/tests/fixtures/kb-mini" "$tmp/kb"
	cp "$1" "$tmp/kb/zz-$(basename "$1")"
}

expect_of() { sed -n '1s/^;;; expect: //p' "$1"; }

for f in "$src"/tests/fixtures/forbidden-calls/*.clp; do
	name=$(basename "$f")
	want=$(expect_of "$f")
	make_kb "$f"
	# The paths the fixture's call names (its effect, if the call ran):
	# checked by name, so that other tests' files under /tmp do not count.
	paths=$(grep -o '"/tmp/oncorules-[^"]*"' "$f" | tr -d '"' | sort -u)
	for p in $paths; do rm -f "$p"; done
	status=0
	"$bin" evaluate --json --kb "$tmp/kb" "$case_file" >"$tmp/out" 2>"$tmp/err" || status=$?
	[ "$status" = 3 ] || fail "$name: evaluate exit $status, expected 3"
	[ ! -s "$tmp/out" ] || fail "$name: evaluate printed a document"
	grep -q "rule base: zz-$name:[1-9][0-9]*: .*$want" "$tmp/err" ||
		fail "$name: no message with file, line and \"$want\": $(cat "$tmp/err")"
	# batch refuses at load the same way (once: the load is shared).
	if [ "$name" = exit.clp ]; then
		status=0
		printf '%s\n' "$(tr -d '\n' <"$case_file")" | "$bin" batch --kb "$tmp/kb" >"$tmp/out" 2>"$tmp/err" || status=$?
		[ "$status" = 3 ] || fail "$name: batch exit $status, expected 3"
		[ ! -s "$tmp/out" ] || fail "$name: batch evaluated a line"
	fi
	status=0
	"$bin" lint --kb "$tmp/kb" >"$tmp/lint" 2>&1 || status=$?
	[ "$status" = 1 ] || fail "$name: lint exit $status, expected 1"
	grep -q "zz-$name:[1-9][0-9]*:[0-9]*: error: .*$want" "$tmp/lint" ||
		fail "$name: lint does not report \"$want\": $(cat "$tmp/lint")"
	for p in $paths; do
		[ ! -e "$p" ] || fail "$name: $p appeared: the call ran"
	done
done

line=$(tr -d '\n' <"$case_file")
for f in "$src"/tests/fixtures/runaway/*.clp; do
	name=$(basename "$f")
	read -r kind want <<<"$(expect_of "$f")"
	make_kb "$f"
	status=0
	timeout 120 "$bin" evaluate --json --kb "$tmp/kb" "${limits[@]}" "$case_file" \
		>"$tmp/out" 2>"$tmp/err" || status=$?
	[ "$status" = 3 ] || { fail "$name: evaluate exit $status, expected 3"; cat "$tmp/err"; continue; }
	if [ "$kind" = load ]; then
		[ ! -s "$tmp/out" ] || fail "$name: evaluate printed a document"
		grep -q "rule base: .*$want" "$tmp/err" || fail "$name: no \"$want\": $(cat "$tmp/err")"
		continue
	fi
	grep -q "\"message\":.*$want" "$tmp/out" || fail "$name: no error \"$want\": $(cat "$tmp/out")"
	status=0
	printf '%s\n%s\n\n' "$line" "$line" |
		timeout 120 "$bin" batch --kb "$tmp/kb" "${limits[@]}" >"$tmp/out" 2>"$tmp/err" || status=$?
	[ "$status" = 0 ] || fail "$name: batch exit $status, expected 0 (run limits are data)"
	[ "$(wc -l <"$tmp/out")" = 3 ] || fail "$name: batch: 3 lines in, $(wc -l <"$tmp/out") out"
	[ "$(grep -c "$want" "$tmp/out")" = 2 ] || fail "$name: batch: not 2 limit records"
	grep -q ", 2 run limits," "$tmp/err" || fail "$name: batch summary: $(cat "$tmp/err")"
	# The engine is still usable: the empty line got its own record.
	sed -n 3p "$tmp/out" | grep -q '"line":3,.*empty line' || fail "$name: line 3 not answered"
done

# Nested 40,000 levels deep: refused before CLIPS's parser (which crashes).
make_kb "$src/tests/fixtures/runaway/while.clp"
python3 - "$tmp/kb/zz-nested.clp" <<'EOF'
import sys
depth = 40000
with open(sys.argv[1], "w") as f:
    f.write("(defglobal ?*deep* = " + "(+ 1 " * depth + "1" + ")" * depth + ")\n")
EOF
status=0
"$bin" evaluate --json --kb "$tmp/kb" "$case_file" >"$tmp/out" 2>"$tmp/err" || status=$?
[ "$status" = 3 ] || fail "nested: exit $status, expected 3"
grep -q "zz-nested.clp:1: parentheses nested deeper than 256 levels" "$tmp/err" ||
	fail "nested: $(cat "$tmp/err")"

# A FIFO where a rule file should be: refused, not waited on.
rm -f "$tmp/kb/zz-nested.clp"
mkfifo "$tmp/kb/zz-fifo.clp"
status=0
timeout 60 "$bin" evaluate --json --kb "$tmp/kb" "$case_file" >"$tmp/out" 2>"$tmp/err" || status=$?
[ "$status" = 2 ] || fail "fifo: exit $status, expected 2"
grep -q "zz-fifo.clp: not a regular file" "$tmp/err" || fail "fifo: $(cat "$tmp/err")"

[ "$fails" = 0 ] || exit 1
echo "ok: forbidden calls refused at load, runaway rules stopped per case"
