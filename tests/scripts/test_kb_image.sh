#!/bin/bash
# test_kb_image.sh: a compiled rule base gives byte-identical results to the
# rule text (`--kb rules/`, parsed): the image built into the binary (the
# default), and images written by `oncorules compile` from the built-in
# rule base and from rules/, loaded with --kb-image. Checked on batch output
# over generated cases (valid and broken), the rule catalogue, and one
# pretty-printed evaluation. A damaged or foreign image is refused with a
# message, never loaded.
# Usage: test_kb_image.sh ONCORULES SOURCE_DIR   (exit 77: skipped)
set -eu
bin=$1
src=$2
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 "$src/bench/gen_cases.py" -n 600 --seed 11 --invalid 0.05 \
	--kinds truncated,wrong-type,unknown-value,unknown-key,missing-required,out-of-range,deep-nesting,empty,not-object \
	-o "$tmp/cases.ndjson"

# compile prints the image's SHA-256 and name, as sha256sum does: the pin
# an image is loaded with.
"$bin" compile -o "$tmp/builtin.img" >"$tmp/builtin.sum"
"$bin" compile --kb "$src/rules" -o "$tmp/dir.img" >"$tmp/dir.sum"
if command -v sha256sum >/dev/null; then
	(cd "$tmp" && sed "s#  $tmp/#  #" builtin.sum | sha256sum -c --quiet) ||
		{ echo "FAIL: compile does not print the image's SHA-256"; exit 1; }
fi
pin() { cut -d' ' -f1 "$tmp/$1.sum"; }

text=(--kb "$src/rules")
"$bin" batch -j 2 "${text[@]}" "$tmp/cases.ndjson" >"$tmp/text.out" 2>/dev/null
"$bin" batch -j 2 "$tmp/cases.ndjson" >"$tmp/default.out" 2>/dev/null
cmp "$tmp/text.out" "$tmp/default.out" || { echo "FAIL: batch output differs with the built-in image"; exit 1; }
for img in builtin dir; do
	"$bin" batch -j 2 --kb-image "$tmp/$img.img" --kb-image-sha256 "$(pin $img)" \
		"$tmp/cases.ndjson" >"$tmp/$img.out" 2>/dev/null
	cmp "$tmp/text.out" "$tmp/$img.out" || { echo "FAIL: batch output differs with the $img image"; exit 1; }
done
"$bin" rules "${text[@]}" >"$tmp/rules.text"
"$bin" rules >"$tmp/rules.default"
"$bin" rules --kb-image "$tmp/builtin.img" --kb-image-sha256 "$(pin builtin)" >"$tmp/rules.img"
cmp "$tmp/rules.text" "$tmp/rules.default" || { echo "FAIL: rule catalogue differs with the built-in image"; exit 1; }
cmp "$tmp/rules.text" "$tmp/rules.img" || { echo "FAIL: rule catalogue differs with the image"; exit 1; }

grep -m 1 '"id"' "$tmp/cases.ndjson" >"$tmp/one.json"
"$bin" evaluate --json "${text[@]}" "$tmp/one.json" >"$tmp/one.text" || true
"$bin" evaluate --json "$tmp/one.json" >"$tmp/one.default" || true
"$bin" evaluate --json --kb-image "$tmp/builtin.img" --kb-image-sha256 "$(pin builtin)" \
	"$tmp/one.json" >"$tmp/one.img" || true
cmp "$tmp/one.text" "$tmp/one.default" || { echo "FAIL: evaluate --json differs with the built-in image"; exit 1; }
cmp "$tmp/one.text" "$tmp/one.img" || { echo "FAIL: evaluate --json differs with the image"; exit 1; }

# Refusals: not an image, a damaged image, a missing file, an image given
# without its SHA-256. Exit 2 or 3 with a message, never a crash (a signal
# gives a status above 128). The damaged ones are given the pin of the good
# image, as an attacker would: refused before CLIPS reads a byte.
refuse() {
	local what=$1 img=$2 status=0
	shift 2
	"$bin" evaluate --json --kb-image "$img" "$@" "$tmp/one.json" >/dev/null 2>"$tmp/err" || status=$?
	if [ "$status" != 2 ] && [ "$status" != 3 ]; then
		echo "FAIL: $what: exit status $status"; cat "$tmp/err"; exit 1
	fi
	grep -q "rule image\|rule base" "$tmp/err" || { echo "FAIL: $what: no message"; exit 1; }
}
good=(--kb-image-sha256 "$(pin builtin)")
refuse "a case file as image" "$tmp/one.json" "${good[@]}"
refuse "a missing image" "$tmp/none.img" "${good[@]}"
refuse "an image without its SHA-256" "$tmp/builtin.img"
refuse "an image with a malformed SHA-256" "$tmp/builtin.img" --kb-image-sha256 xyz
cp "$tmp/builtin.img" "$tmp/flip.img"
size=$(wc -c <"$tmp/flip.img")
printf '\x55' | dd of="$tmp/flip.img" bs=1 seek=$((size / 3)) conv=notrunc 2>/dev/null
refuse "a damaged image" "$tmp/flip.img" "${good[@]}"
head -c $((size - 10)) "$tmp/builtin.img" >"$tmp/short.img"
refuse "a truncated image" "$tmp/short.img" "${good[@]}"
refuse "another rule base's image" "$tmp/dir.img" "${good[@]}"
echo "ok: image and text give the same bytes; bad images refused"
