#!/bin/bash
# test_output_errors.sh: an answer that cannot be delivered is a failure.
# Every verb (and --help, --version) writes its output to /dev/full, to a
# pipe whose reader is gone, to a closed standard output, and past a file
# size limit: each must exit 3 (never 0, never killed by a signal), with
# exactly one message on standard error.
# Usage: test_output_errors.sh ONCORULES SOURCE_DIR   (exit 77: skipped)
. "$(dirname "$0")/lib.sh" "$@"
command -v python3 >/dev/null || { echo "python3 missing: skipped"; exit 77; }
[ -w /dev/full ] || { echo "/dev/full missing: skipped"; exit 77; }
E=$src/examples/recurrent-cervix-exenteration-bevacizumab.json
tr -d '\n' <"$E" >"$tmp/cases.ndjson"
printf '\n' >>"$tmp/cases.ndjson"
for i in 1 2 3 4 5 6 7 8; do sed -n 1p "$tmp/cases.ndjson"; done >"$tmp/more.ndjson"
F=$src/tests/fhir/bundles/cervix-recurrent-after-chemoradiation.json
for i in 1 2 3 4 5 6 7 8; do tr -d '\n' <"$F"; printf '\n'; done >"$tmp/bundles.ndjson"

# One command line per row: the verb and its arguments (word-split).
commands=(
	"--version"
	"--help"
	"evaluate $E"
	"evaluate --json $E"
	"evaluate --detail $E"
	"evaluate --help"
	"evaluate --fhir $F"
	"evaluate --fhir --json $F"
	"fhir-to-case $F"
	"batch --fhir $tmp/bundles.ndjson"
	"explain $E"
	"explain --json --why-not pembrolizumab $E"
	"rules"
	"rules --json"
	"lint"
	"test $src/tests/cases/anal-stage4"
	"diff --kb $src/rules --kb $src/rules $src/tests/cases/anal-stage4"
	"batch $tmp/more.ndjson"
	"batch --summary $tmp/more.ndjson"
	"batch --help"
	"compile -o $tmp/kb.img"
	"compile --help"
)

python3 - "$bin" "$src" "${commands[@]}" <<'EOF'
import os, resource, signal, subprocess, sys

binary, src, commands = sys.argv[1], sys.argv[2], sys.argv[3:]
failures = 0

def run(args, stdout, preexec=None, name=""):
    global failures
    proc = subprocess.run([binary] + args, stdout=stdout, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL, cwd=src, preexec_fn=preexec)
    lines = [l for l in proc.stderr.decode(errors="replace").splitlines() if l.strip()]
    problem = None
    if proc.returncode < 0:
        problem = "killed by signal %d" % -proc.returncode
    elif proc.returncode != 3:
        problem = "exit %d, expected 3" % proc.returncode
    elif len(lines) != 1:
        problem = "%d lines on standard error, expected one message" % len(lines)
    if problem:
        failures += 1
        print("FAIL %s, %s: %s" % (" ".join(args)[:70], name, problem))
        for l in lines[:5]:
            print("   ", l)

def closed_stdout():
    os.close(1)

def small_file_limit():
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

for command in commands:
    args = command.split()
    with open("/dev/full", "wb") as full:
        run(args, full, name="to /dev/full")
    r, w = os.pipe()
    os.close(r)
    run(args, w, name="to a closed pipe")
    os.close(w)
    run(args, None, closed_stdout, name="standard output closed")

# Past a file size limit (SIGXFSZ ignored, as a shell can leave it): the
# answer is cut, and that is an error, never exit 0 with a cut document.
for command in ["evaluate --json " + os.path.join(src, "examples/recurrent-cervix-exenteration-bevacizumab.json"),
                "rules --json"]:
    path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "oncorules-fsize-%d" % os.getpid())
    with open(path, "wb") as out:
        run(command.split(), out, small_file_limit, name="past ulimit -f")
    os.unlink(path)
sys.exit(1 if failures else 0)
EOF
status=$?
[ "$status" = 0 ] && echo "ok: ${#commands[@]} commands: output errors are exit 3 with one message"
exit "$status"
