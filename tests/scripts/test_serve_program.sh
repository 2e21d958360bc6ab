#!/bin/bash
# test_serve_program.sh: `oncorules serve` is a program of its own,
# oncorules-serve, run from the folder of the running oncorules (cli/
# serve_exec.c), so that no other verb loads the HTTP and TLS libraries:
# - oncorules needs none of libmicrohttpd, libssl, libcrypto, GnuTLS;
# - `oncorules serve ...` and `oncorules-serve ...` are the same program
#   (same usage, same refusal of a bad option, same exit status);
# - called through a symbolic link from elsewhere, it still finds the
#   oncorules-serve next to the real file;
# - without oncorules-serve beside it, it says so: exit 3, one message.
# Needs readelf (binutils). Usage: test_serve_program.sh ONCORULES SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
command -v readelf >/dev/null || { echo "SKIP: readelf not installed"; exit 77; }
serve="$(dirname "$bin")/oncorules-serve"
[ -x "$serve" ] || { echo "FAIL: no $serve next to $bin"; exit 1; }

needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "readelf found no NEEDED entry in $bin"
for lib in libmicrohttpd libssl libcrypto libgnutls; do
	echo "$needed" | grep -q "^$lib" && fail "oncorules needs $lib"
done
readelf -d "$serve" | grep -q 'NEEDED.*libmicrohttpd' ||
	fail "oncorules-serve does not need libmicrohttpd: is it the service?"

# same_run NAME ARGS...: oncorules serve ARGS and oncorules-serve ARGS give
# the same output, errors and exit status.
same_run() {
	local name=$1 a b
	shift
	"$bin" serve "$@" >"$tmp/a.out" 2>"$tmp/a.err"
	a=$?
	"$serve" "$@" >"$tmp/b.out" 2>"$tmp/b.err"
	b=$?
	[ "$a" = "$b" ] || fail "$name: exit $a through oncorules, $b from oncorules-serve"
	cmp -s "$tmp/a.out" "$tmp/b.out" || fail "$name: standard output differs"
	cmp -s "$tmp/a.err" "$tmp/b.err" || fail "$name: standard error differs"
	echo "$a"
}
[ "$(same_run help --help)" = 0 ] || fail "serve --help: not exit 0"
grep -q '^usage: oncorules serve' "$tmp/a.out" || fail "serve --help: no usage"
cp "$tmp/a.out" "$tmp/usage"
[ "$(same_run bad-option --no-such-option)" = 2 ] || fail "serve --no-such-option: not exit 2"
grep -q "no-such-option" "$tmp/a.err" || fail "serve --no-such-option: the option is not named"

mkdir "$tmp/elsewhere" "$tmp/alone"
ln -s "$(realpath "$bin")" "$tmp/elsewhere/oncorules"
"$tmp/elsewhere/oncorules" serve --help >"$tmp/link.out" 2>&1 ||
	fail "through a symbolic link: serve --help failed"
cmp -s "$tmp/link.out" "$tmp/usage" || fail "through a symbolic link: another usage"

cp "$bin" "$tmp/alone/oncorules"
"$tmp/alone/oncorules" serve --help >"$tmp/alone.out" 2>"$tmp/alone.err"
status=$?
[ "$status" = 3 ] || fail "without oncorules-serve: exit $status, not 3"
[ -s "$tmp/alone.out" ] && fail "without oncorules-serve: something on standard output"
grep -q "cannot run $tmp/alone/oncorules-serve: No such file or directory" "$tmp/alone.err" ||
	fail "without oncorules-serve: $(cat "$tmp/alone.err")"
[ "$(wc -l <"$tmp/alone.err")" = 1 ] || fail "without oncorules-serve: more than one line"

finish "oncorules serve runs oncorules-serve; oncorules links no HTTP or TLS library"
