#!/usr/bin/env python3
"""lib_sweep.py: one failed allocation inside a shared library, at each of
its allocation points, never gives a different answer.

The command runs once with tests/fi/lib_fail.c as its audit module
(LD_AUDIT) and nothing failing: the reference answer, and the number of
allocations the chosen libraries made (their points) with the call site of
each. Then once per point swept, with that allocation failing, and the
answer is checked against the reference:

  report CASE: `oncorules report CASE -o DIR/page.html`. Either the exact
  page and exit 0, or exit 3 with no page and nothing else left in DIR (no
  temporary file), a message on standard error; nothing on standard output
  either way.

  batch-html FILE: `oncorules batch --html DIR/pages FILE`. The records on
  standard output are exactly the reference's whatever the exit status
  (Graphviz draws after every line is answered), and so is the summary on
  standard error. Exit 0: exactly the reference's pages and index.html.
  Exit 3, with a message: only files the reference has, each the same
  bytes (the pages drawn before the failure), no temporary file.

Anything else is a wrong outcome: a crash (signal), another exit status
(Graphviz's exit(1) reads as "findings"), a hang (over --timeout seconds),
a page without its graphs, a page or temporary file left behind on exit 3.
Each is listed with its point: the function and the call site in the
library (OBJECT+0xOFFSET, from the reference run's trace).

Points swept: every one, or with --every K the first point of each call
site and every Kth point (a sample: most calls go through a few
allocation wrappers of the library). --only N runs point N and prints
what it did.

With --hide PREFIXES the command also runs once with those libraries not
to be found (lib_fail.c's LIB_FAIL_HIDE): Graphviz not installed. Then
the answer is the reference's without graphs (the same pages, records),
exit 0, with a message that Graphviz "did not start".

Usage: lib_sweep.py --audit LIB_FAIL_SO --objects PREFIXES [--hide PREFIXES]
                    [--every K] [--timeout SECONDS] [--only N]
                    MODE ONCORULES CASE...
CASE: a case or a regression case file (its "input"); report takes one,
batch-html one or more (a line each, then an invalid line).
Exit status 0 when every point swept passes, 1 otherwise, 2 usage or a
reference run that failed (without failure: nothing to compare), 77 when
the libraries are not installed (the reference run says Graphviz "did not
start").
"""
import argparse
import collections
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time


def run(command, env, timeout):
    """(status, stdout, stderr); status is -SIGNAL for a signal, None for a
    hang (the process group is killed)."""
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return None, out, err
    return proc.returncode, out, err


def read_tree(folder):
    """{relative path: bytes} of every file under `folder`."""
    files = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(root, name)
            with open(path, 'rb') as f:
                files[os.path.relpath(path, folder)] = f.read()
    return files


def graphs(page):
    return page.count(b'<svg xmlns="http://www.w3.org/2000/svg" class="graph"')


def status_text(status):
    if status is None:
        return 'hang'
    if status < 0:
        return 'crash (%s)' % signal.Signals(-status).name
    return 'exit %d' % status


def check_report(status, out, err, files, ref):
    """'exact', 'failed cleanly' or what is wrong."""
    page = files.get('page.html')
    if out:
        return '%s, %d bytes on standard output' % (status_text(status), len(out))
    if status == 0:
        others = sorted(set(files) - {'page.html'})
        if page is None:
            return 'exit 0 without a page'
        if others:
            return 'exit 0, left %s' % ', '.join(others)
        if page != ref['files']['page.html']:
            return 'exit 0 with another page (%d of %d graphs)' % (
                graphs(page), graphs(ref['files']['page.html']))
        return 'exact'
    if status == 3:
        if files:
            return 'exit 3, left %s' % ', '.join(sorted(files))
        if not err.strip():
            return 'exit 3 without a message'
        return 'failed cleanly'
    return status_text(status)


def summary(err):
    """batch's summary line without its time and rate: the counts."""
    for line in err.splitlines():
        match = re.match(r'oncorules batch: \d+ cases, .*\)', line)
        if match:
            return match.group(0)
    return None


def check_batch_html(status, out, err, files, ref):
    if out != ref['out']:
        return '%s, records differ' % status_text(status)
    if summary(err.decode(errors='replace')) != summary(ref['err']):
        return '%s, no summary' % status_text(status)
    if status == 0:
        if files != ref['files']:
            return 'exit 0 with other pages (%s)' % ', '.join(
                '%s: %d of %d graphs' % (name, graphs(files.get(name, b'')), graphs(page))
                for name, page in sorted(ref['files'].items()) if files.get(name) != page)
        return 'exact'
    if status == 3:
        extra = sorted(name for name in files if name not in ref['files'])
        other = sorted(name for name in files
                       if name in ref['files'] and files[name] != ref['files'][name])
        if extra:
            return 'exit 3, left %s' % ', '.join(extra)
        if other:
            return 'exit 3 with other pages: %s' % ', '.join(other)
        if len(err.decode(errors='replace').strip().splitlines()) <= 1:
            return 'exit 3 without a message'
        return 'failed cleanly'
    return status_text(status)


def case_text(path):
    """A case file's case: its "input" when it is a regression case."""
    with open(path) as f:
        doc = json.load(f)
    return json.dumps(doc['input'] if isinstance(doc, dict) and 'input' in doc else doc)


def prepare_report(tmp, files):
    """report's input: one case, as a file."""
    if len(files) != 1:
        raise SystemExit('lib_sweep: report takes one case')
    path = os.path.join(tmp, 'case.json')
    with open(path, 'w') as f:
        f.write(case_text(files[0]))
    return path


def prepare_batch(tmp, files):
    """batch's input: a line per case, then an invalid line (its page is
    the errors' page)."""
    path = os.path.join(tmp, 'cases.ndjson')
    with open(path, 'w') as f:
        for name in files:
            f.write(case_text(name) + '\n')
        f.write('{"not": "a case"}\n')
    return path


MODES = {
    'report': (prepare_report,
               lambda binary, work, case: [binary, 'report', case, '-o',
                                          os.path.join(work, 'page.html')],
               '.', check_report),
    'batch-html': (prepare_batch,
                   lambda binary, work, lines: [binary, 'batch', '--html',
                                                os.path.join(work, 'pages'), lines],
                   'pages', check_batch_html),
}


def check_hidden(status, out, err, files, ref):
    """The library not installed (--hide): the same answer without graphs,
    exit 0, and a message that says so."""
    pages = {name: page for name, page in files.items() if name.endswith('.html')}
    if status != 0:
        return status_text(status)
    if sorted(pages) != sorted(name for name in ref['files'] if name.endswith('.html')):
        return 'exit 0 with other files: %s' % ', '.join(sorted(pages))
    if any(graphs(page) for page in pages.values()):
        return 'exit 0 with graphs'
    if out != ref['out']:
        return 'exit 0, other records'
    if 'did not start' not in err.decode(errors='replace'):
        return 'exit 0 without a message'
    return 'exact'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--audit', required=True, help='the lib_fail module')
    parser.add_argument('--objects', required=True,
                        help="':'-separated file-name prefixes of the libraries")
    parser.add_argument('--hide', help='also check the answer when the objects of '
                        "these ':'-separated prefixes cannot be found (not installed)")
    parser.add_argument('--every', type=int, default=1)
    parser.add_argument('--timeout', type=float, default=60)
    parser.add_argument('--only', type=int, default=0)
    parser.add_argument('mode', choices=sorted(MODES))
    parser.add_argument('binary')
    parser.add_argument('inputs', nargs='+', metavar='CASE')
    args = parser.parse_args()
    prepare, command_of, tree, check = MODES[args.mode]
    started = time.monotonic()

    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, 'work')
        state = os.path.join(tmp, 'state')
        trace = os.path.join(tmp, 'trace')
        command = command_of(args.binary, work, prepare(tmp, args.inputs))
        env = dict(os.environ, LD_AUDIT=os.path.abspath(args.audit),
                   LIB_FAIL_OBJECTS=args.objects, LIB_FAIL_STATE=state)

        def attempt(point, extra=None):
            shutil.rmtree(work, ignore_errors=True)
            os.mkdir(work)
            status, out, err = run(command, dict(env, LIB_FAIL_AT=str(point), **(extra or {})),
                                   args.timeout)
            with open(state, 'rb') as f:
                calls = int.from_bytes(f.read(8), sys.byteorder)
            folder = os.path.join(work, tree)
            files = read_tree(folder) if os.path.isdir(folder) else {}
            if tree != '.':
                files.update({'../' + name: data for name, data in read_tree(work).items()
                              if not name.startswith(tree + '/')})
            return status, out, err, files, calls

        status, out, err, files, calls = attempt(0, {'LIB_FAIL_TRACE': trace})
        err = err.decode(errors='replace')
        if status == 0 and 'did not start' in err:
            print('lib_sweep: the library is not installed (%s): skipped'
                  % err.strip().splitlines()[0])
            return 77
        if status != 0 or calls == 0:
            sys.stderr.write('lib_sweep: the run without failure: %s, %d calls counted\n%s'
                             % (status_text(status), calls, err))
            return 2
        ref = {'out': out, 'err': err, 'files': files}
        if not any(graphs(page) for page in files.values()):
            sys.stderr.write('lib_sweep: the reference draws no graph: it proves nothing\n')
            return 2
        with open(trace) as f:
            sites = [line.split() for line in f]
        # sites[N-1]: [N, function, size, site, symbol]

        if args.only:
            status, out, err, files, calls = attempt(args.only, {'LIB_FAIL_TRACE': trace})
            print('point %d: %s %s' % (args.only, ' '.join(sites[args.only - 1][1:]),
                                       check(status, out, err, files, ref)))
            sys.stdout.write(err.decode(errors='replace'))
            return 0

        wrong = []
        if args.hide:
            status, out, err, files, calls = attempt(0, {'LIB_FAIL_HIDE': args.hide})
            outcome = check_hidden(status, out, err, files, ref)
            print('%s not installed: %s' % (args.hide, outcome))
            if outcome != 'exact':
                wrong.append('not installed: %s' % outcome)

        seen = set()
        points = []
        for fields in sites:
            n, site = int(fields[0]), (fields[1], fields[3])
            if site not in seen or (n - 1) % args.every == 0:
                points.append(n)
            seen.add(site)

        # A crash in Graphviz's process is an expected outcome: in an ASan
        # build, the sanitizer's report of it is not symbolized (half the
        # time of a point). --only shows it whole.
        if 'ASAN_OPTIONS' in env:
            env['ASAN_OPTIONS'] += ':symbolize=0'
        outcomes = collections.Counter()
        for n in points:
            status, out, err, files, calls = attempt(n)
            outcome = check(status, out, err, files, ref) if calls >= n else 'not reached'
            if outcome in ('exact', 'failed cleanly'):
                outcomes[outcome] += 1
                continue
            outcomes['wrong'] += 1
            fields = sites[n - 1]
            said = err.decode(errors='replace').strip().splitlines()
            wrong.append('point %d, %s(%s) from %s %s: %s%s' % (
                n, fields[1], fields[2], fields[3], fields[4], outcome,
                (' [' + said[-1][:160] + ']') if said else ''))

    print('%s: %d allocation points in %s (%d call sites), %d swept: %s; %.0f s'
          % (args.mode, len(sites), args.objects, len(seen), len(points),
             ', '.join('%d %s' % (k, v) for v, k in sorted(outcomes.items())),
             time.monotonic() - started))
    for line in wrong:
        print('WRONG ' + line)
    return 1 if wrong else 0


if __name__ == '__main__':
    sys.exit(main())
