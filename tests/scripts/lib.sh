# lib.sh: what the test scripts share, sourced as `. lib.sh "$@"` with
# ONCORULES SOURCE_DIR as arguments: $bin, $src, a temporary folder $tmp
# removed at exit, and `fail MESSAGE` (counted) with `finish MESSAGE`
# (exit 1 after any failure, else print "ok: MESSAGE").
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() {
	echo "FAIL $*"
	fails=$((fails + 1))
}
finish() {
	[ "$fails" = 0 ] || exit 1
	echo "ok: $*"
}
