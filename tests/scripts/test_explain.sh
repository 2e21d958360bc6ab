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

# Every kind of conclusion, by id or by rule name: a note, a warning, a
# rule; a misspelt id gets a did-you-mean and status 2.
anal=$src/tests/cases/anal-stage4/stage4-no-symptoms.json
breast=$src/tests/cases/breast-stage4/bone-pain.json
recurrent=$src/tests/cases/cervix-recurrent/histology-not-recorded.json
for asked in cervix-recurrent-note-systemic-therapy cervix-recurrent-note-systemic-therapy-distant; do
	out=$("$bin" explain "$recurrent" --why-not "$asked")
	[ $? -eq 0 ] || { echo "FAIL why-not $asked: exit status is not 0"; fail=1; }
	expect "why-not note $asked" "$out" 'rule cervix-recurrent-note-systemic-therapy-distant \(cervix-recurrent.clp:[0-9]+\), did not fire'
	expect "why-not note $asked" "$out" 'concludes note cervix-recurrent-note-systemic-therapy$'
	expect "why-not note $asked" "$out" 'squamous cell carcinoma \(the histology the recurrence algorithm of 003 is written for\): unknown — needs yes, the case does not say; record /cancer/histology'
done
out=$("$bin" explain "$src/tests/cases/drug-safety/bevacizumab-haemorrhage-attributed-elsewhere.json" \
	--why-not drug-safety-bevacizumab-surgery-washout)
expect "why-not warning" "$out" 'concludes warning drug-safety-bevacizumab-surgery-washout with bevacizumab'
# a drug of a menu finds the menu: letrozole, one of the aromatase inhibitors
out=$("$bin" explain "$src/tests/cases/breast-stage4/pre-after-tamoxifen.json" --why-not letrozole)
[ $? -eq 0 ] || { echo "FAIL why-not letrozole: exit status is not 0"; fail=1; }
expect "why-not a menu's drug" "$out" 'concludes recommendation breast-stage4-aromatase-inhibitor \(hormonal\)$'
expect "why-not a menu's drug" "$out" 'breast-stage4-aromatase-inhibitor-excluded-premenopausal'
out=$("$bin" explain "$breast" --why-not breast-stage4-chemotherapy-not-ofered)
[ $? -eq 2 ] || { echo "FAIL why-not misspelt: exit status is not 2"; fail=1; }
expect "why-not misspelt" "$out" 'Did you mean "breast-stage4-chemotherapy-not-offered"\?'
# a gate's warning, by the id it computes: a shared rule (it tests every
# guideline's scope), walked for an anal case
out=$("$bin" explain "$anal" --why-not anal-stage4-chemoradiation-after-pelvic-radiation)
expect "why-not gate warning" "$out" 'rule gate-prior-pelvic-radiation-not-addressed \(gates.clp:[0-9]+\), did not fire'
refuse "why-not gate warning" "$out" 'Rules of \?'

# Only the case's guidelines and the shared rules are walked (F2.3): an
# option of another guideline is said to be so, first, and none of its
# rules is listed.
out=$("$bin" explain "$anal" --why-not pembrolizumab)
[ $? -eq 0 ] || { echo "FAIL why-not other guideline: exit status is not 0"; fail=1; }
expect "why-not other guideline" "$out" '^"pembrolizumab" is not an option of anal-stage4, the guideline covering this case\. Rules of cervix-recurrent and cervix-stage4 conclude it'
refuse "why-not other guideline" "$out" '^  rule cervix'
refuse "why-not other guideline" "$out" 'PD-L1'

# Gate marks on an option (docs/design.md): a pending mark, a history mark,
# a warning about the option, a gate's exclusion with its computed id.
gates=$src/tests/fixtures/kb-gates
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo '{"id": "p", "cancer": {"site": "cervix", "recurrent": true}}' >"$tmp/pending.json"
out=$("$bin" explain "$tmp/pending.json" --kb "$gates" --why-not "pelvic exenteration")
expect "why-not pending" "$out" 'pending on mini-surgery \(rule gate-performance-status-not-recorded\): held back until the case says: adequate performance status \(ECOG 0-1\); record /patient/ecog'
echo '{"id": "g", "patient": {"ecog": 2}, "cancer": {"site": "cervix", "recurrent": true},
  "prior_treatments": [{"type": "immunotherapy", "agents": ["pembrolizumab"]}],
  "preferences": {"declines_active_treatment": true}}' >"$tmp/gates.json"
out=$("$bin" explain "$tmp/gates.json" --kb "$gates" --why-not mini-pembrolizumab)
expect "why-not history" "$out" 'history on mini-pembrolizumab \(rule gate-history-received\): received'
expect "why-not gate exclusion" "$out" 'mini-pembrolizumab-excluded-declines-active-treatment \(rule gate-declines-active-treatment\)'
out=$("$bin" explain "$tmp/gates.json" --kb "$gates" --why-not mini-surgery)
expect "why-not warning on option" "$out" 'warning on mini-surgery \(rule gate-performance-status-flag\): ECOG 2'
out=$("$bin" explain "$tmp/gates.json" --kb "$gates" --why-not mini-surgery-excluded-declines-active-treatment)
expect "why-not gate id" "$out" 'rule gate-declines-active-treatment \(gates.clp:[0-9]+\), fired'

# A gate that fired is shown through its firing: the guideline its
# (scope (guideline ?g)) bound and the gate-cite row it matched are met (not
# "not met"), and the evidence is the passage the exclusion cites (it was
# the variable "$?c"), as the answer gives it. A gate that did not fire
# still names its unmet condition.
declines=$src/tests/cases/cervix-stage4/stage-4a-declines-chemotherapy.json
out=$("$bin" explain "$declines")
gate=$(awk '/^  rule gate-chemotherapy-declined /{p=1} p && /^$/{exit} p' <<<"$out")
expect "fired gate" "$gate" 'rule gate-chemotherapy-declined \(gates.clp:[0-9]+\), fired'
expect "fired gate" "$gate" '^      - Stage 4 cervical cancer \(guideline\): met \(\?g = cervix-stage4\)$'
expect "fired gate" "$gate" '^      - \(gate-cite \(gate chemotherapy-declined\) \(guideline \?g\) \(cite \$\?c\)\): met \(\?g = cervix-stage4, \$\?c = \(gate-c4-needs\)\)$'
expect "fired gate" "$gate" 'concludes exclusion cervix-stage4-chemoradiation-[a-z-]+-excluded-chemotherapy-declined \(chemoradiation\) with cisplatin'
expect "fired gate" "$gate" '^    evidence Stage 4 cervical cancer \[C4-9\]: "Your healthcare team will suggest treatments'
refuse "fired gate" "$gate" 'not met|not judged'
refuse "fired gate" "$out" 'evidence .*: "\$\?'
# python3 is installed with the other test tools (scripts/install-deps).
python3 -c 'import json, sys; print(json.dumps(json.load(open(sys.argv[1]))["input"]))' \
	"$declines" >"$tmp/declines.json"
"$bin" explain "$tmp/declines.json" --json >"$tmp/explained.json"
"$bin" evaluate "$tmp/declines.json" --json >"$tmp/answer.json"
python3 - "$tmp/explained.json" "$tmp/answer.json" <<'PY' || fail=1
import json, sys
explained, answer = (json.load(open(p)) for p in sys.argv[1:3])
exclusions = {e["id"]: e for e in answer["exclusions"]}
seen = 0
for c in explained["conclusions"]:
    d = c.get("derivation") or {}
    if d.get("rule") != "gate-chemotherapy-declined":
        continue
    seen += 1
    cited = [(e["ref"], e["quote"]) for e in exclusions[c["id"]]["evidence"]]
    shown = [(e["ref"], e["quote"]) for e in d["evidence"]]
    if shown != cited or not cited:
        sys.exit("FAIL fired gate --json: evidence %r, the answer cites %r" % (shown, cited))
    states = {k["condition"]: k["state"] for k in d["conditions"]}
    if set(states.values()) != {"met"}:
        sys.exit("FAIL fired gate --json: conditions %r" % states)
    if d["conditions"][0].get("bound") != {"?g": "cervix-stage4"}:
        sys.exit("FAIL fired gate --json: scope bound %r" % d["conditions"][0].get("bound"))
if seen == 0:
    sys.exit("FAIL fired gate --json: no derivation by gate-chemotherapy-declined")
PY
out=$("$bin" explain "$declines" --why-not cervix-stage4-chemoradiation-cisplatin-weekly-excluded-chemotherapy-declined)
expect "why-not fired gate" "$out" 'met \(\?o = cervix-stage4-chemoradiation-cisplatin-weekly, '
refuse "why-not fired gate" "$out" 'not met'
sed 's/"declines_chemotherapy": true/"declines_chemotherapy": false/' "$declines" >"$tmp/accepts.json"
out=$("$bin" explain "$tmp/accepts.json" --why-not gate-chemotherapy-declined)
expect "gate that did not fire" "$out" 'rule gate-chemotherapy-declined \(gates.clp:[0-9]+\), did not fire'
expect "gate that did not fire" "$out" 'patient does not wish to have chemotherapy: not met — needs yes, the case has no'
expect "gate that did not fire" "$out" '\(gate-cite \(gate chemotherapy-declined\) \(guideline \?g\) \(cite \$\?c\)\): not judged$'
expect "gate that did not fire" "$out" '^      - \?g \(guideline\): met$'

# The derivation names the rule, its conditions and the pointers.
out=$("$bin" explain "$cases/recurrent-cervix-lung-metastases.json" --kb "$src/tests/fixtures/kb-mini")
expect "derivation" "$out" '^recommendation mini-pembrolizumab: Pembrolizumab'
expect "derivation" "$out" 'rule mini-pembrolizumab \(mini.clp:[0-9]+\), fired'
expect "derivation" "$out" 'PD-L1 positive tumour: met \(/biomarkers/PD-L1\)'
expect "derivation" "$out" 'evidence Mini guideline \[T-2\]'

[ "$fail" -eq 0 ] && echo "explain: ok"
exit "$fail"
