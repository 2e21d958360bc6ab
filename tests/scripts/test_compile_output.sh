#!/bin/bash
# test_compile_output.sh: `compile -o PATH` writes safely.
#   - A symbolic link planted where the old code put its temporary file
#     (PATH.tmp), or anywhere in the folder: never followed, the victim
#     keeps its bytes.
#   - PATH itself a symbolic link, a directory, a FIFO or a device node
#     (made with mknod when running as root; skipped with a message
#     otherwise): refused, exit 2, left as it was.
#   - PATH a regular file: replaced whole; a folder that cannot be written:
#     exit 2 and no file left behind.
# Usage: test_compile_output.sh ONCORULES SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"

refused() {
	local what=$1 path=$2 status=0
	"$bin" compile -o "$path" >"$tmp/out" 2>"$tmp/err" || status=$?
	[ "$status" = 2 ] || fail "$what: exit $status, expected 2"
	grep -q "refusing to replace .*: it is not a regular file" "$tmp/err" || fail "$what: $(cat "$tmp/err")"
}

mkdir "$tmp/d"
echo ORIGINAL >"$tmp/d/victim"
ln -s victim "$tmp/d/kb.img.tmp"
"$bin" compile -o "$tmp/d/kb.img" >"$tmp/out" 2>"$tmp/err" || fail "compile next to a planted link: $(cat "$tmp/err")"
[ "$(cat "$tmp/d/victim")" = ORIGINAL ] || fail "the planted link was followed: victim overwritten"
[ -f "$tmp/d/kb.img" ] && [ ! -L "$tmp/d/kb.img" ] || fail "no image written"
grep -q "  $tmp/d/kb.img\$" "$tmp/out" || fail "no SHA-256 line: $(cat "$tmp/out")"
ls -A "$tmp/d" | grep -q '^\.kb\.img\.' && fail "a temporary file was left behind"

# Replaced whole: the file is the image whose SHA-256 compile printed, and
# it loads with it.
echo "old image" >"$tmp/d/old.img"
"$bin" compile -o "$tmp/d/old.img" >"$tmp/sum" 2>&1 || fail "a regular file is not replaced"
pin=$(cut -d' ' -f1 "$tmp/sum")
if command -v sha256sum >/dev/null; then
	[ "$(sha256sum <"$tmp/d/old.img" | cut -d' ' -f1)" = "$pin" ] || fail "the replaced file is not the image printed"
fi
"$bin" rules --kb-image "$tmp/d/old.img" --kb-image-sha256 "$pin" >/dev/null ||
	fail "the replaced image does not load"

ln -s victim "$tmp/d/link.img"
refused "a symbolic link" "$tmp/d/link.img"
[ "$(cat "$tmp/d/victim")" = ORIGINAL ] || fail "a symbolic link target was overwritten"
mkdir "$tmp/d/dir.img"
refused "a directory" "$tmp/d/dir.img"
mkfifo "$tmp/d/fifo.img"
refused "a FIFO" "$tmp/d/fifo.img"
[ -p "$tmp/d/fifo.img" ] || fail "the FIFO was replaced"
if [ "$(id -u)" = 0 ]; then
	mknod "$tmp/d/full" c 1 7
	refused "a device node" "$tmp/d/full"
	[ -c "$tmp/d/full" ] || fail "the device node was replaced by a regular file"
else
	echo "not root: the device-node check is skipped (mknod needs root)"
fi

mkdir "$tmp/ro"
chmod 555 "$tmp/ro"
if [ ! -w "$tmp/ro" ]; then
	status=0
	"$bin" compile -o "$tmp/ro/kb.img" >/dev/null 2>"$tmp/err" || status=$?
	[ "$status" = 2 ] || fail "read-only folder: exit $status, expected 2"
	[ -z "$(ls -A "$tmp/ro")" ] || fail "read-only folder: something was written"
fi
chmod 755 "$tmp/ro"

[ "$fails" = 0 ] || exit 1
echo "ok: compile -o writes a new file, never through links, never over devices"
