#!/bin/bash
# test_parallel_recipe.sh: the GNU parallel recipe of docs/performance.md
# ("Past one machine"), run here over 4 shards of 400 generated lines
# (3% broken, empty lines among them), gives the same bytes as one
# `oncorules batch` run: the same records in the same order, once the
# shard-local "line" numbers are renumbered as the recipe does. Also with
# --summary, and with the shards' records checked to restart at line 1
# (what the renumbering is for).
# Usage: test_parallel_recipe.sh ONCORULES SOURCE_DIR   (exit 77: skipped)
. "$(dirname "$0")/lib.sh" "$@"
command -v parallel >/dev/null || { echo "GNU parallel missing (Debian: parallel): skipped"; exit 77; }
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
parallel --version 2>/dev/null | grep -q "GNU parallel" ||
	{ echo "'parallel' is not GNU parallel (moreutils?): skipped"; exit 77; }

python3 "$src/bench/gen_cases.py" -n 400 --seed 11 --invalid 0.03 -o "$tmp/cases.ndjson"
printf '\n\n' >>"$tmp/cases.ndjson"

# The recipe, as documented: 4 shards cut at line ends, results kept in
# input order, then the "line" field renumbered over the whole input.
renumber() { awk '{ sub(/^\{"line":[0-9]+/, "{\"line\":" NR); print }'; }
recipe() { # OUTPUT [batch options]
	local out=$1
	shift
	parallel --will-cite --pipepart -a "$tmp/cases.ndjson" --block -1 -j 4 --keep-order \
		"$bin" batch "$@" 2>"$tmp/parallel.err" | tee "$out.shards" | renumber >"$out"
}

for mode in full summary; do
	opt=""
	[ $mode = summary ] && opt="--summary"
	# shellcheck disable=SC2086
	"$bin" batch $opt "$tmp/cases.ndjson" >"$tmp/one.$mode" 2>/dev/null
	# shellcheck disable=SC2086
	recipe "$tmp/shards.$mode" $opt
	cmp "$tmp/one.$mode" "$tmp/shards.$mode" ||
		fail "$mode: 4 shards under GNU parallel differ from one batch run"
	test "$(wc -l <"$tmp/one.$mode")" = "$(wc -l <"$tmp/cases.ndjson")" ||
		fail "$mode: not one record per input line"
done
# every shard ran: the summaries on standard error name four runs
test "$(grep -c '^oncorules batch:' "$tmp/parallel.err")" = 4 ||
	fail "expected 4 batch runs (shards), got: $(cat "$tmp/parallel.err")"
# without renumbering, line numbers restart in each shard: the step is needed
restarts=$(grep -c '^{"line":1,' "$tmp/shards.full.shards" || true)
test "$restarts" = 4 || fail "shards should each start at line 1, got $restarts"
finish "GNU parallel over 4 shards = one batch run, byte for byte ($(wc -l <"$tmp/one.full") lines)"
