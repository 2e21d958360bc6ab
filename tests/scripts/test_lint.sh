#!/bin/bash
# test_lint.sh ONCORULES SOURCE_DIR: `oncorules lint` finds what each
# fixture under tests/lint/ breaks, and finds nothing in the shipped rules.
#
# A fixture is one tiny rule file (tests/lint/NAME/rules.clp, or another
# name where the file name matters, such as gates.clp); the rule base
# linted is that file with the current rules/schema.clp and rules/sources/,
# so fixtures never drift from the schema (and rules/VERSION, which a rule
# base folder needs). tests/lint/NAME/expected holds
# every error and warning lint must print for it, and nothing else may be
# printed: CLIPS's own load errors included, so that one mistake gives one
# error (CLIPS's error shows only where lint's own checks see nothing).
set -u
bin=$1 src=$2
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for dir in "$src"/tests/lint/*/; do
	name=$(basename "$dir")
	kb=$tmp/$name
	mkdir -p "$kb"
	cp "$src/rules/schema.clp" "$src/rules/VERSION" "$dir"/*.clp "$kb/"
	cp -r "$src/rules/sources" "$kb/"
	"$bin" lint --kb "$kb" --map "$src/rules/knowledge-map.md" >"$tmp/out" 2>&1
	status=$?
	sed -i "s#$kb/##g" "$tmp/out"
	grep -E ': (error|warning): ' "$tmp/out" >"$tmp/got"
	if ! diff -u "$dir/expected" "$tmp/got" >"$tmp/diff"; then
		echo "FAIL lint fixture $name: lines expected (-) and printed (+):"
		cat "$tmp/diff"
		fail=1
	fi
	want=0
	grep -q ': error: ' "$dir/expected" && want=1
	if [ "$status" -ne "$want" ]; then
		echo "FAIL lint fixture $name: exit status $status, expected $want"
		cat "$tmp/out"
		fail=1
	fi
done

# The shipped rule base, built in and from its folder, has no error.
for args in "" "--kb $src/rules"; do
	if ! (cd "$src" && "$bin" lint $args >"$tmp/out" 2>&1); then
		echo "FAIL the shipped rule base is not clean (oncorules lint $args):"
		cat "$tmp/out"
		fail=1
	fi
done
[ "$fail" -eq 0 ] && echo "lint fixtures and shipped rule base: ok"
exit "$fail"
