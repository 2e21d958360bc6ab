#!/bin/bash
# test_explain.sh ONCORULES SOURCE_DIR: `oncorules explain --why-not` names
# the unmet condition with its JSON pointer, and says "unknown" (not "not
# met") for a finding the case leaves unknown. Cases: tests/explain/.
#
# Run against the engine's fixture rule base (tests/fixtures/kb-mini), and
# against the shipped rule base once it has rules that conclude the option.
set -u
bin=$1 src=$2
cases=$src/tests/explain
fail=0

# expect DESCRIPTION OUTPUT PATTERN: the output has a line matching PATTERN.
expect() {
	if ! grep -qE -- "$3" <<<"$2"; then
		echo "FAIL $1: no line matches /$3/ in:"
		echo "$2"
		fail=1
	fi
}
refuse() {
	if grep -qE -- "$3" <<<"$2"; then
		echo "FAIL $1: a line matches /$3/ in:"
		echo "$2"
		fail=1
	fi
}

check() { # check KB-ARGS...
	local out
	out=$("$bin" explain "$cases/recurrent-cervix-lung-metastases.json" \
		--why-not "pelvic exenteration" "$@")
	expect "why-not exenteration $*" "$out" \
		'distant disease: not met — needs no, the case has yes: .*lung at /cancer/metastases/0'
	expect "why-not exenteration $*" "$out" 'prior pelvic radiation: met \(/prior_treatments/0\)'
	refuse "why-not exenteration $*" "$out" 'distant disease: met'
	refuse "why-not exenteration $*" "$out" 'No rule of the rule base concludes it'

	out=$("$bin" explain "$cases/recurrent-cervix-pd-l1-unknown.json" \
		--why-not Pembrolizumab "$@")
	expect "why-not pembrolizumab $*" "$out" \
		'PD-L1 positive tumour: unknown — needs yes, the case does not say; record /biomarkers/PD-L1'
	refuse "why-not pembrolizumab $*" "$out" 'PD-L1 positive tumour: not met'
	refuse "why-not pembrolizumab $*" "$out" 'No rule of the rule base concludes it'
}

check --kb "$src/tests/fixtures/kb-mini"

# The shipped rules also show the exclusion that fired against it.
out=$("$bin" explain "$cases/recurrent-cervix-lung-metastases.json" --why-not "pelvic exenteration")
expect "why-not exenteration exclusion" "$out" 'cervix-recurrent-exenteration-excluded-distant-disease'

check

# An option no rule concludes is a usage error, said in words.
"$bin" explain "$cases/recurrent-cervix-pd-l1-unknown.json" --why-not no-such-option \
	--kb "$src/tests/fixtures/kb-mini" >/dev/null
[ $? -eq 2 ] || { echo "FAIL why-not no-such-option: exit status is not 2"; fail=1; }

# The derivation names the rule, its conditions and the pointers.
out=$("$bin" explain "$cases/recurrent-cervix-lung-metastases.json" --kb "$src/tests/fixtures/kb-mini")
expect "derivation" "$out" '^recommendation mini-pembrolizumab: Pembrolizumab'
expect "derivation" "$out" 'rule mini-pembrolizumab \(mini.clp:[0-9]+\), fired'
expect "derivation" "$out" 'PD-L1 positive tumour: met \(/biomarkers/PD-L1\)'
expect "derivation" "$out" 'evidence Mini guideline \[T-2\]'

[ "$fail" -eq 0 ] && echo "explain: ok"
exit "$fail"
