#!/bin/bash
# test_report_html.sh ONCORULES SOURCE_DIR: `oncorules report` and `batch
# --html` without a browser (issue 11; docs/report.md):
#   - check_report.py: pages well formed, the same bytes every run, every id
#     of every card on its card, nothing loaded or run, markup in any string
#     shown as text, the largest audit case's page under 300 KB;
#   - exit statuses and writes: -o required; --as-of only with --fhir, and
#     --fhir not with --result; an invalid case and a case
#     over the size limit (their pages list the errors) and a place that
#     cannot take the file exit 2; a case not
#     covered gets a page that says so; a failed
#     write exits 3 with one message and leaves neither the file nor a
#     temporary one; a link or a device at the name is never replaced;
#     -o - writes the same page to standard output;
#   - batch --html DIR: the NDJSON records are the same as without it, a
#     page per line and an index listing every line, the same pages with -j
#     2; --html with --summary, or onto a file, is bad usage; a page that
#     cannot be written exits 3 and every line still gets its record.
set -u
bin=$1
src=$2
command -v python3 >/dev/null || { echo "python3 is missing: skipped"; exit 77; }
command -v xmllint >/dev/null || { echo "xmllint is missing (Debian libxml2-utils): skipped"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

python3 "$src/tests/scripts/check_report.py" "$bin" "$src" || fail "check_report.py"

example="$src/examples/recurrent-cervix-exenteration-bevacizumab.json"

# -o is required.
"$bin" report "$example" >/dev/null 2>&1
[ $? -eq 2 ] || fail "report without -o: exit status, want 2"

# --as-of goes with --fhir; --fhir does not go with --result.
"$bin" report "$example" --as-of 2024-06-01 -o "$tmp/x.html" >/dev/null 2>&1
[ $? -eq 2 ] || fail "report --as-of without --fhir: exit status, want 2"
"$bin" report --fhir --result "$example" -o "$tmp/x.html" >/dev/null 2>&1
[ $? -eq 2 ] || fail "report --fhir --result: exit status, want 2"
[ ! -e "$tmp/x.html" ] || fail "bad usage wrote a page"

# -o - and -o FILE give the same page.
"$bin" report "$example" -o "$tmp/a.html" || fail "report -o FILE failed"
"$bin" report "$example" -o - >"$tmp/b.html" || fail "report -o - failed"
cmp -s "$tmp/a.html" "$tmp/b.html" || fail "-o - and -o FILE differ"
[ -z "$(find "$tmp" -name '.a.html.*')" ] || fail "a temporary file was left"

# An invalid case: exit 2, and its page lists the error with its pointer.
printf '{"id": "bad-1", "cancer": {"site": "cervix"}, "patient": {"ecog": 9}}' >"$tmp/bad.json"
"$bin" report "$tmp/bad.json" -o "$tmp/bad.html" 2>/dev/null
[ $? -eq 2 ] || fail "invalid case: exit status, want 2"
grep -q '/patient/ecog' "$tmp/bad.html" || fail "the invalid case's page does not name /patient/ecog"
xmllint --noout "$tmp/bad.html" || fail "the invalid case's page is not well formed"

# A case over the size limit: exit 2, and its page says so (as evaluate's
# error document does).
python3 -c 'import json; print(json.dumps({"id": "huge", "note": "a" * (2 << 20)}))' >"$tmp/huge.json"
"$bin" report "$tmp/huge.json" -o "$tmp/huge.html" 2>/dev/null
[ $? -eq 2 ] || fail "a case over the size limit: exit status, want 2"
grep -q 'is larger than the limit of' "$tmp/huge.html" ||
	fail "the page of a case over the size limit does not say so"

# A drug not tolerated inside a larger regimen: the option's mark names it,
# as the text view's does.
python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))["input"]))' \
	"$src/tests/cases/anal-stage4/stage4-cisplatin-not-tolerated-regimen-marked.json" >"$tmp/nt.json"
"$bin" report "$tmp/nt.json" -o "$tmp/nt.html" || fail "report of the not-tolerated case failed"
grep -q '<span class="badge hist">not tolerated: cisplatin</span>' "$tmp/nt.html" ||
	fail "the not-tolerated mark does not name cisplatin"

# A case the rule base does not cover: its page says so, with the reason.
printf '{"id": "nc-1", "cancer": {"site": "anus", "stage": "III"}}' >"$tmp/nc.json"
"$bin" report "$tmp/nc.json" -o "$tmp/nc.html" || fail "a case not covered: exit status, want 0"
grep -q '<h2>Not covered</h2><p>No guideline of the rule base covers this case' "$tmp/nc.html" ||
	fail "the page of a case not covered does not say so"

# A place that cannot take the file: exit 2, one line, nothing replaced.
"$bin" report "$example" -o "$tmp/no/such/folder/x.html" 2>"$tmp/err"
[ $? -eq 2 ] || fail "-o into a missing folder: exit status, want 2"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "-o into a missing folder: want one message, got: $(cat "$tmp/err")"
ln -s "$tmp/a.html" "$tmp/link.html"
"$bin" report "$example" -o "$tmp/link.html" 2>/dev/null
[ $? -eq 2 ] || fail "-o onto a symbolic link: exit status, want 2"
[ -L "$tmp/link.html" ] || fail "the symbolic link was replaced"
"$bin" report "$example" -o /dev/null 2>/dev/null
[ $? -eq 2 ] || fail "-o onto a device: exit status, want 2"

# A failed write (the file size limit, its signal ignored so that write()
# fails): exit 3, one message, no file, no temporary file.
(
	trap '' XFSZ
	ulimit -f 8
	"$bin" report "$example" -o "$tmp/big.html" 2>"$tmp/err"
	echo $? >"$tmp/rc"
)
[ "$(cat "$tmp/rc")" = 3 ] || fail "a failed write: exit status $(cat "$tmp/rc"), want 3"
[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "a failed write: want one message, got: $(cat "$tmp/err")"
[ ! -e "$tmp/big.html" ] || fail "a failed write left the file"
[ -z "$(find "$tmp" -name '.big.html.*')" ] || fail "a failed write left its temporary file"

# batch --html.
for f in "$src"/tests/audit-cases/anal-typical.json "$src"/tests/audit-cases/c4b-bev-surgery.json \
	"$example"; do
	python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$f"
done >"$tmp/cases.ndjson"
printf '\n{"id": "<script>alert(1)</script>", "cancer": {"site": "anus", "stage": "IV", "metastases": ["liver"]}}\nnot json\n' \
	>>"$tmp/cases.ndjson"
lines=$(wc -l <"$tmp/cases.ndjson")
"$bin" batch "$tmp/cases.ndjson" >"$tmp/plain.out" 2>/dev/null || fail "batch failed"
"$bin" batch --html "$tmp/pages" "$tmp/cases.ndjson" >"$tmp/html.out" 2>/dev/null ||
	fail "batch --html failed"
cmp -s "$tmp/plain.out" "$tmp/html.out" || fail "batch --html changes the records"
[ "$(ls "$tmp/pages" | grep -c '^[0-9].*\.html$')" -eq "$lines" ] ||
	fail "batch --html: $(ls "$tmp/pages" | wc -l) files for $lines lines"
[ -f "$tmp/pages/index.html" ] || fail "batch --html: no index.html"
xmllint --noout "$tmp/pages"/*.html || fail "batch --html: a page is not well formed"
for n in $(seq 1 "$lines"); do
	grep -q "<td class=\"n\">$n</td>" "$tmp/pages/index.html" || fail "index.html does not list line $n"
done
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/pages/index.html" ||
	fail "index.html does not show the markup id as text"
grep -q '<script' "$tmp/pages"/*.html && fail "a page holds a <script> element"
"$bin" batch -j 2 --html "$tmp/pages2" "$tmp/cases.ndjson" >/dev/null 2>&1 || fail "batch -j 2 --html failed"
diff -r "$tmp/pages" "$tmp/pages2" >/dev/null || fail "batch -j 2 --html gives other pages"
"$bin" batch --summary --html "$tmp/pages3" "$tmp/cases.ndjson" >/dev/null 2>&1
[ $? -eq 2 ] || fail "batch --summary --html: exit status, want 2"
"$bin" batch --html "$tmp/a.html" "$tmp/cases.ndjson" >/dev/null 2>&1
[ $? -eq 2 ] || fail "batch --html onto a file: exit status, want 2"
(
	trap '' XFSZ
	ulimit -f 8
	"$bin" batch --html "$tmp/pages4" "$tmp/cases.ndjson" 2>"$tmp/err" | wc -l >"$tmp/count"
	echo "${PIPESTATUS[0]}" >"$tmp/rc"
)
[ "$(cat "$tmp/rc")" = 3 ] || fail "batch --html, a page not written: exit status $(cat "$tmp/rc"), want 3"
[ "$(cat "$tmp/count")" -eq "$lines" ] || fail "batch --html, a page not written: $(cat "$tmp/count") records for $lines lines"
[ "$(grep -c -- '--html' "$tmp/err")" -eq 1 ] || fail "batch --html, a page not written: want one message, got: $(cat "$tmp/err")"
[ ! -e "$tmp/pages4/index.html" ] || fail "batch --html wrote an index after a page failed"

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo ok
