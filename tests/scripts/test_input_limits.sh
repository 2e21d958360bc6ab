#!/bin/bash
# test_input_limits.sh: the input reader refuses what it cannot read right.
#   - A \u escape without four hex digits (cJSON reads it as \u0000, which
#     cuts the string: "cervix\uZZZZ..." became "cervix"): exit 2 with the
#     string's pointer, in evaluate and in batch.
#   - An input that never ends (/dev/zero, as a file and as standard input)
#     or a 3 GB sparse file: refused at the case size limit, reading at most
#     that much (bounded memory and time: 200 MB of address space is plenty,
#     a slurp would need gigabytes), for evaluate, explain and test.
#   - A directory: "Is a directory" (exit 2), not "Input/output error"; in
#     batch, before anything is evaluated.
# Usage: test_input_limits.sh ONCORULES SOURCE_DIR
. "$(dirname "$0")/lib.sh" "$@"
asan=0
ldd "$bin" 2>/dev/null | grep -q libasan && asan=1

# expect NAME STATUS PATTERN -- COMMAND...: exit STATUS, PATTERN in the
# output (stdout and stderr together).
expect() {
	local name=$1 want=$2 pattern=$3 status=0
	shift 4
	"$@" >"$tmp/out" 2>&1 || status=$?
	[ "$status" = "$want" ] || { fail "$name: exit $status, expected $want"; head -c 400 "$tmp/out"; return; }
	grep -q -- "$pattern" "$tmp/out" || { fail "$name: no \"$pattern\""; head -c 400 "$tmp/out"; }
}

# F1: bad \u escapes.
printf '{"id":"ab","cancer":{"site":"cervix\\uZZZZ-not-really"}}' >"$tmp/site.json"
printf '{"id":"a\\u12G4b","cancer":{"site":"cervix"}}' >"$tmp/id.json"
printf '{"id":"bev","cancer":{"site":"cervix","stage":"IVB"},"medications":[{"agent":"bevacizumab\\uXXXXnot","status":"active"}]}' >"$tmp/drug.json"
printf '{"id":"short","cancer":{"site":"cervix\\u12"}}' >"$tmp/short.json"
expect "bad escape in a value" 2 '"/cancer/site"' -- "$bin" evaluate --json "$tmp/site.json"
expect "bad escape in a value (message)" 2 'invalid escape at byte 35' -- "$bin" evaluate --json "$tmp/site.json"
expect "bad escape in the id" 2 '"/id"' -- "$bin" evaluate --json "$tmp/id.json"
expect "bad escape in a drug" 2 '"/medications/0/agent"' -- "$bin" evaluate --json "$tmp/drug.json"
expect "truncated escape" 2 'not valid JSON' -- "$bin" evaluate --json "$tmp/short.json"
cat "$tmp/site.json" <(echo) "$tmp/drug.json" >"$tmp/bad.ndjson"
expect "bad escapes in batch" 0 '"line":2,.*invalid escape' -- "$bin" batch "$tmp/bad.ndjson"
grep -q '"line":1,.*invalid escape' "$tmp/out" || fail "batch line 1: $(head -c 300 "$tmp/out")"
grep -q 'bevacizumab' "$tmp/out" && ! grep -q 'pointer":"/medications/0/agent' "$tmp/out" &&
	fail "batch: a bad escape was read as bevacizumab"

# F2: endless and huge inputs. The address-space limit makes a slurp fail
# (it would need gigabytes); under ASan (which reserves terabytes of
# shadow) only the time bound applies.
limited() {
	if [ "$asan" = 1 ]; then
		timeout 60 "$@"
	else
		(ulimit -v 400000 && exec timeout 60 "$@")
	fi
}
expect "evaluate /dev/zero" 2 'larger than the limit of 1048576' -- limited "$bin" evaluate --json /dev/zero
expect "evaluate - < /dev/zero" 2 'larger than the limit of 1048576' -- limited "$bin" evaluate --json - </dev/zero
expect "explain /dev/zero" 2 'too large' -- limited "$bin" explain /dev/zero
expect "test /dev/zero" 2 'too large' -- limited "$bin" test /dev/zero
truncate -s 3G "$tmp/big.json"
expect "evaluate a 3 GB file" 2 'case of 3221225472 bytes is larger than the limit' -- \
	limited "$bin" evaluate --json "$tmp/big.json"
head -c 1048577 /dev/zero | tr '\0' ' ' >"$tmp/limit1.json"
expect "evaluate 1 MiB + 1" 2 'case of 1048577 bytes is larger than the limit' -- \
	"$bin" evaluate --json "$tmp/limit1.json"
expect "evaluate text, too large" 2 'larger than the limit' -- "$bin" evaluate "$tmp/limit1.json"

# N5: a directory.
mkdir "$tmp/dir"
expect "evaluate a directory" 2 'Is a directory' -- "$bin" evaluate --json "$tmp/dir"
expect "explain a directory" 2 'Is a directory' -- "$bin" explain "$tmp/dir"
tr -d '\n' <"$src/examples/recurrent-cervix-exenteration-bevacizumab.json" >"$tmp/one.ndjson"
echo >>"$tmp/one.ndjson"
expect "batch with a directory among files" 2 'Is a directory' -- \
	"$bin" batch "$tmp/one.ndjson" "$tmp/dir" "$tmp/one.ndjson"
grep -q '"line"' "$tmp/out" && fail "batch evaluated a file before the directory was refused"

[ "$fails" = 0 ] || exit 1
echo "ok: bad escapes, endless inputs and directories refused"
