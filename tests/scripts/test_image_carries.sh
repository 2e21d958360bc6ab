#!/bin/bash
# test_image_carries.sh ONCORULES SOURCE_DIR: a compiled image carries
# everything the rule text carries, the knowledge map included: `rules`,
# `lint` and `test --coverage` say the same with the text rule base and
# with its image, for the shipped rule base (built-in image, oncorules-text,
# --kb rules/) and for a copy whose map has a label no rule cites and whose
# rules have a citation no rule cites (so that the reports have something
# to show).
set -u
bin=$1 src=$2
text_bin=$(dirname "$bin")/oncorules-text
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }
same() { # same WHAT FILE1 FILE2
	cmp -s "$2" "$3" || { no "$1 differs:"; diff -u "$2" "$3" | head -20; }
}

# The shipped rule base: the built-in image, the text built into
# oncorules-text, and rules/ parsed from the folder.
cases=$src/tests/cases
"$bin" rules >"$tmp/rules.image"
"$text_bin" rules >"$tmp/rules.text"
"$bin" rules --kb "$src/rules" >"$tmp/rules.dir"
same "rules (built-in image vs text)" "$tmp/rules.image" "$tmp/rules.text"
same "rules (built-in image vs --kb rules/)" "$tmp/rules.image" "$tmp/rules.dir"
"$bin" lint >"$tmp/lint.image" 2>&1
"$text_bin" lint >"$tmp/lint.text" 2>&1
same "lint (built-in image vs text)" "$tmp/lint.image" "$tmp/lint.text"
"$bin" test --coverage "$cases" | sed -n '/^coverage over/,$p' >"$tmp/cov.image"
"$text_bin" test --coverage "$cases" | sed -n '/^coverage over/,$p' >"$tmp/cov.text"
same "test --coverage (built-in image vs text)" "$tmp/cov.image" "$tmp/cov.text"
grep -q 'no knowledge map' "$tmp/cov.image" && no "the built-in image has no knowledge map"

# A copy with a map label no rule cites and a citation nobody cites.
kb=$tmp/kb
cp -r "$src/rules" "$kb"
printf '\n## Test section\n- [ZZ-1] A point no rule encodes.\n' >>"$kb/knowledge-map.md"
cat >>"$kb/anal-stage4.clp" <<'EOF'

(deffacts image-carries-test
  (citation (id zz-uncited) (source "002_ce5144216419e930.txt") (label A4-1)
            (quote "Your treatment plan may include one or more of the following treatments.")))
EOF
"$bin" compile --kb "$kb" -o "$tmp/kb.img" >"$tmp/kb.sum" || no "compile failed"
pin=(--kb-image-sha256 "$(cut -d' ' -f1 "$tmp/kb.sum")")
"$bin" rules --kb "$kb" >"$tmp/r.text"
"$bin" rules --kb-image "$tmp/kb.img" "${pin[@]}" >"$tmp/r.image"
same "rules (copy: text vs image)" "$tmp/r.text" "$tmp/r.image"
grep -q '^  ZZ-1 *(no rule concludes it)' "$tmp/r.image" || no "rules does not list map label ZZ-1 from the image"
"$bin" lint --kb "$kb" >"$tmp/l.text" 2>&1
"$bin" lint --kb-image "$tmp/kb.img" >"$tmp/l.image" 2>&1
same "lint (copy: text vs image)" "$tmp/l.text" "$tmp/l.image"
grep -q 'citation zz-uncited is never cited' "$tmp/l.image" || no "lint of the image misses the uncited citation"
"$bin" test --coverage --kb "$kb" "$cases" | sed -n '/^coverage over/,$p' >"$tmp/c.text"
"$bin" test --coverage --kb-image "$tmp/kb.img" "${pin[@]}" "$cases" | sed -n '/^coverage over/,$p' >"$tmp/c.image"
same "test --coverage (copy: text vs image)" "$tmp/c.text" "$tmp/c.image"
grep -q '^  ZZ-1: no rule cites it' "$tmp/c.image" || no "coverage of the image misses map label ZZ-1"

# Two rule bases at once are refused.
"$bin" rules --kb "$kb" --kb-image "$tmp/kb.img" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] || no "--kb with --kb-image: exit status is not 2"
grep -q 'give one' "$tmp/err" || no "--kb with --kb-image: no message"
"$bin" lint --kb "$kb" --kb-image "$tmp/kb.img" >/dev/null 2>&1
[ $? -eq 2 ] || no "lint --kb with --kb-image: exit status is not 2"

[ "$fail" -eq 0 ] && echo "image carries the rule text and the map: ok"
exit "$fail"
