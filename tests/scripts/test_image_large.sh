#!/bin/bash
# test_image_large.sh: a compiled image whose CLIPS part is larger than a
# pipe can be for an unprivileged process (/proc/sys/fs/pipe-max-size)
# loads and answers as its rule text does. engine/image.c hands EnvBload
# the CLIPS part through a pipe that holds it all, or, where no pipe can be
# that large, through a memory file: this image takes the second way. A
# process with CAP_SYS_RESOURCE (root, where it has it) may be allowed a
# pipe larger than the limit and take the first: as root the image is
# also loaded with that capability dropped (setpriv), so that the memory
# file's way is checked whoever runs the test.
# The rule base: tests/fixtures/kb-mini and 1,200 rules that never fire,
# each with a long string constant (the strings fill the CLIPS part).
# Usage: test_image_large.sh ONCORULES SOURCE_DIR   (exit 77: skipped)
. "$(dirname "$0")/lib.sh" "$@"
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
max=$(cat /proc/sys/fs/pipe-max-size 2>/dev/null || echo 1048576)

cp -r "$src/tests/fixtures/kb-mini" "$tmp/kb"
python3 - "$tmp/kb/many.clp" "$max" <<'PY'
import sys
path, limit = sys.argv[1], int(sys.argv[2])
count = 1200
width = limit * 3 // 2 // count + 1   # the strings alone: 1.5 times the limit
with open(path, "w") as f:
    f.write(";;; many.clp: rules that never fire, to make a large image.\n")
    for i in range(count):
        f.write('(defrule never-%d "Never fires."\n  (case (id "%s-%d"))\n  =>\n'
                '  (assert (finding (name pd-l1-positive) (value yes))))\n' % (i, "x" * width, i))
PY
"$bin" compile --kb "$tmp/kb" -o "$tmp/large.img" >"$tmp/sum" 2>"$tmp/err" ||
	{ echo "FAIL compile: $(cat "$tmp/err")"; exit 1; }
pin=$(cut -d' ' -f1 "$tmp/sum")
clips=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(); print(struct.unpack("<Q", d[-40:-32])[0])' "$tmp/large.img")
[ "$clips" -gt "$max" ] || fail "the image's CLIPS part is $clips bytes, not more than $max"

# As root, once more without CAP_SYS_RESOURCE (surely the memory file's way).
unprivileged=
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null &&
	setpriv --bounding-set=-sys_resource true 2>/dev/null; then
	unprivileged="setpriv --bounding-set=-sys_resource"
fi
echo '{"id": "pd-l1", "cancer": {"site": "cervix", "recurrent": true, "metastases": []},
 "biomarkers": {"PD-L1": "positive"}}' >"$tmp/pd-l1.json"
for e in "$src"/examples/recurrent-cervix-exenteration-bevacizumab.json "$tmp/pd-l1.json"; do
	"$bin" evaluate --json --kb "$tmp/kb" "$e" >"$tmp/text.json" 2>&1
	a=$?
	for way in "" "$unprivileged"; do
		# shellcheck disable=SC2086
		$way "$bin" evaluate --json --kb-image "$tmp/large.img" --kb-image-sha256 "$pin" "$e" \
			>"$tmp/image.json" 2>&1
		b=$?
		shown="$(basename "$e")${way:+ (${way%% *})}"
		[ "$a" = "$b" ] || fail "$shown: exit $a from the text, $b from the image"
		cmp -s "$tmp/text.json" "$tmp/image.json" ||
			fail "$shown: the image answers otherwise than the text"
		grep -q '"knowledge_base"' "$tmp/image.json" || fail "$shown: no result from the image"
	done
done
finish "an image of $clips bytes of CLIPS part (pipe limit $max) answers as its text${unprivileged:+, with and without CAP_SYS_RESOURCE}"
