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

  serve-token: `oncorules serve` with --trust (an EC and an RSA key of one
  issuer, made with openssl), asked for discovery four times: with a valid
  ES256 token, a valid PS256 token, a forged one (the same claims signed
  by another key with the trusted key's kid) and the first again
  (replayed). A valid token gets the reference's 200 and body, or a 5xx;
  a forged one gets 401 or a 5xx, never a 200, and so does the replayed
  one if its first use was accepted (a 5xx accepted nothing); SIGTERM then
  stops the service with status 0. A service that cannot start exits 3
  with a message. (The CASE argument is not used.)

Anything else is a wrong outcome: a crash (signal), another exit status
(Graphviz's exit(1) reads as "findings"), a hang (over --timeout seconds),
a page without its graphs, a page or temporary file left behind on exit 3.
Each is listed with its point: the function and the call site in the
library (OBJECT+0xOFFSET, from the reference run's trace).

Points swept: every one, or with --every K the first point of each call
site and every Kth point (a sample: most calls go through a few
allocation wrappers of the library); serve-token's points before the
service listens (OpenSSL's start, the keys read) with --every-start K.
--only N runs point N and prints what it did.

With --hide PREFIXES the command also runs once with those libraries not
to be found (lib_fail.c's LIB_FAIL_HIDE): Graphviz not installed. Then
the answer is the reference's without graphs (the same pages, records),
exit 0, with a message that Graphviz "did not start".

Usage: lib_sweep.py --audit LIB_FAIL_SO --objects PREFIXES [--hide PREFIXES]
                    [--every K] [--every-start K] [--timeout SECONDS]
                    [--only N] MODE ONCORULES CASE...
CASE: a case or a regression case file (its "input"); report takes one,
batch-html one or more (a line each, then an invalid line).
Exit status 0 when every point swept passes, 1 otherwise, 2 usage or a
reference run that failed (without failure: nothing to compare), 77 when
the libraries are not installed (the reference run says Graphviz "did not
start").
"""
import argparse
import collections
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'scripts'))
import serve_lib  # noqa: E402  (keys and tokens made with openssl)


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


def case_text(path):
    """A case file's case: its "input" when it is a regression case."""
    with open(path) as f:
        doc = json.load(f)
    return json.dumps(doc['input'] if isinstance(doc, dict) and 'input' in doc else doc)


def read_count(state):
    with open(state, 'rb') as f:
        return int.from_bytes(f.read(8), sys.byteorder)


class CommandMode:
    """A command run to its end: its status, output and the files it left
    in a work folder (`tree`: where the answer goes)."""
    tree = '.'

    def __init__(self, args, tmp):
        self.args, self.work = args, os.path.join(tmp, 'work')
        self.command = self.command_of(args.binary, self.prepare(tmp, args.inputs))

    def attempt(self, env):
        shutil.rmtree(self.work, ignore_errors=True)
        os.mkdir(self.work)
        status, out, err = run(self.command, env, self.args.timeout)
        folder = os.path.join(self.work, self.tree)
        files = read_tree(folder) if os.path.isdir(folder) else {}
        if self.tree != '.':
            files.update({'../' + name: data for name, data in read_tree(self.work).items()
                          if not name.startswith(self.tree + '/')})
        return {'status': status, 'out': out, 'err': err.decode(errors='replace'),
                'files': files}

    def reference_problem(self, ref):
        """(exit status, message) when the reference run cannot serve."""
        if ref['status'] == 0 and 'did not start' in ref['err']:
            return 77, 'the library is not installed (%s): skipped' % (
                ref['err'].strip().splitlines()[0])
        if ref['status'] != 0:
            return 2, 'the run without failure: %s\n%s' % (status_text(ref['status']),
                                                           ref['err'])
        if not any(graphs(page) for page in ref['files'].values()):
            return 2, 'the reference draws no graph: it proves nothing'
        return None

    def check_hidden(self, r, ref):
        """The library not installed (--hide): the same answer without
        graphs, exit 0, and a message that says so."""
        pages = {name: page for name, page in r['files'].items() if name.endswith('.html')}
        if r['status'] != 0:
            return status_text(r['status'])
        if sorted(pages) != sorted(name for name in ref['files'] if name.endswith('.html')):
            return 'exit 0 with other files: %s' % ', '.join(sorted(pages))
        if any(graphs(page) for page in pages.values()):
            return 'exit 0 with graphs'
        if r['out'] != ref['out']:
            return 'exit 0, other records'
        if 'did not start' not in r['err']:
            return 'exit 0 without a message'
        return 'exact'


class ReportMode(CommandMode):
    def prepare(self, tmp, files):
        """report's input: one case, as a file."""
        if len(files) != 1:
            raise SystemExit('lib_sweep: report takes one case')
        path = os.path.join(tmp, 'case.json')
        with open(path, 'w') as f:
            f.write(case_text(files[0]))
        return path

    def command_of(self, binary, case):
        return [binary, 'report', case, '-o', os.path.join(self.work, 'page.html')]

    def check(self, r, ref):
        """'exact', 'failed cleanly' or what is wrong."""
        status, files, page = r['status'], r['files'], r['files'].get('page.html')
        if r['out']:
            return '%s, %d bytes on standard output' % (status_text(status), len(r['out']))
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
            if not r['err'].strip():
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


class BatchHtmlMode(CommandMode):
    tree = 'pages'

    def prepare(self, tmp, files):
        """batch's input: a line per case, then an invalid line (its page is
        the errors' page)."""
        path = os.path.join(tmp, 'cases.ndjson')
        with open(path, 'w') as f:
            for name in files:
                f.write(case_text(name) + '\n')
            f.write('{"not": "a case"}\n')
        return path

    def command_of(self, binary, lines):
        return [binary, 'batch', '--html', os.path.join(self.work, 'pages'), lines]

    def check(self, r, ref):
        status, files = r['status'], r['files']
        if r['out'] != ref['out']:
            return '%s, records differ' % status_text(status)
        if summary(r['err']) != summary(ref['err']):
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
            if len(r['err'].strip().splitlines()) <= 1:
                return 'exit 3 without a message'
            return 'failed cleanly'
        return status_text(status)


class ServeTokenMode:
    """oncorules serve, asked for discovery with valid, forged and replayed
    tokens (see the top of this file)."""
    ISSUER = 'https://ehr.test'
    BASE = 'http://127.0.0.1'
    # (token, what it is): each request of an attempt, in order
    REQUESTS = [('ec', 'valid'), ('rsa', 'valid'), ('forged', 'forged'), ('ec', 'replayed')]

    def __init__(self, args, tmp):
        self.args, self.tmp = args, tmp
        self.keys = {'ec': serve_lib.Key(tmp, 'ec', 'ec'),
                     'rsa': serve_lib.Key(tmp, 'rsa', 'rsa'),
                     'forged': serve_lib.Key(tmp, 'forged', 'ec', kid='ec')}
        self.trust = os.path.join(tmp, 'trust.pem')
        with open(self.trust, 'w') as f:
            for name in ('ec', 'rsa'):
                with open(self.keys[name].public) as key:
                    f.write(key.read())
        self.tokens, self.minted = None, 0

    def current_tokens(self):
        """Tokens of 590 s (the service takes 600 at most), made anew after
        300 s: each attempt is a new service, so none is replayed across."""
        if self.tokens is None or time.monotonic() - self.minted > 300:
            aud = self.BASE + '/cds-services'
            algs = {'ec': 'ES256', 'rsa': 'PS256', 'forged': 'ES256'}
            self.tokens = {name: serve_lib.token(self.keys[name], algs[name],
                                                 serve_lib.claims(self.ISSUER, aud, 590))
                           for name in algs}
            self.minted = time.monotonic()
        return self.tokens

    def attempt(self, env):
        tokens = self.current_tokens()
        err_path = os.path.join(self.tmp, 'serve.err')
        log_path = os.path.join(self.tmp, 'access.log')
        for path in (err_path, log_path):
            if os.path.exists(path):
                os.unlink(path)
        command = [self.args.binary, 'serve', '--listen', '127.0.0.1:0', '--workers', '1',
                   '--trust', '%s=%s' % (self.ISSUER, self.trust), '--base-url', self.BASE,
                   '--access-log', log_path,
                   '--feedback-log', os.path.join(self.tmp, 'feedback.ndjson')]
        r = {'started': False, 'responses': [], 'started_at': None}
        # No leak check (ASan build): OpenSSL leaks on its own error paths
        # (a name-table entry half made at its start, 3 of 128 points of the
        # everyday sample), which no suppression can tell from ours by its
        # stack. The service's own error paths are leak-checked by
        # test_serve and tests/fi/fault_inject.c (patient-view).
        env = dict(env, ASAN_OPTIONS=env.get('ASAN_OPTIONS', '') + ':detect_leaks=0')
        with open(err_path, 'w+') as err:
            proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=err,
                                    start_new_session=True)
            deadline = time.monotonic() + self.args.timeout
            port = None
            while port is None and proc.poll() is None and time.monotonic() < deadline:
                err.seek(0)
                match = re.search(r'listening on port (\d+)', err.read())
                if match:
                    port = int(match.group(1))
                else:
                    time.sleep(0.002)
            if port is not None:
                r['started'] = True
                r['started_at'] = read_count(env['LIB_FAIL_STATE'])
                for name, _ in self.REQUESTS:
                    r['responses'].append(self.ask(port, tokens[name]))
                proc.send_signal(signal.SIGTERM)
            try:
                r['status'] = proc.wait(timeout=max(1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                r['status'] = None
            err.seek(0)
            r['err'] = err.read()
        r['log'] = []
        if os.path.exists(log_path):
            with open(log_path) as f:
                r['log'] = [json.loads(line) for line in f if line.startswith('{')]
        return r

    def ask(self, port, token):
        conn = http.client.HTTPConnection('127.0.0.1', port, timeout=self.args.timeout)
        try:
            conn.request('GET', '/cds-services', headers={'Authorization': 'Bearer ' + token})
            resp = conn.getresponse()
            return resp.status, resp.read()
        except (OSError, http.client.HTTPException) as e:
            return None, repr(e).encode()
        finally:
            conn.close()

    def reference_problem(self, ref):
        statuses = [status for status, _ in ref['responses']]
        if not ref['started'] or ref['status'] != 0 or statuses != [200, 200, 401, 401]:
            return 2, 'the run without failure: %s, answers %s\n%s' % (
                status_text(ref['status']), statuses, ref['err'])
        return None

    def check(self, r, ref):
        if not r['started']:
            if r['status'] == 3 and 'oncorules serve: ' in r['err']:
                return 'failed cleanly'
            return 'did not start: %s' % status_text(r['status'])
        reasons = [line.get('reason') for line in r['log'] if 'status' in line]
        for i, ((name, kind), (status, body), (_, ref_body)) in enumerate(
                zip(self.REQUESTS, r['responses'], ref['responses'])):
            said = ' (%s)' % reasons[i] if i < len(reasons) and reasons[i] else ''
            if status is None:
                return 'request %d (%s token): no answer, %s' % (i + 1, name, body.decode())
            if status in (500, 503):
                continue
            if kind == 'valid' and (status != 200 or body != ref_body):
                return 'valid %s token answered %d%s' % (name, status, said)
            # A token answered 5xx before was never accepted: its next use
            # is its first (the EHR retries after a 503).
            first_accepted = r['responses'][0][0] == 200
            if (kind == 'replayed' and not first_accepted and status == 200 and
                    body == ref['responses'][0][1]):
                continue
            if kind != 'valid' and status != 401:
                return '%s %s token answered %d%s' % (kind, name, status, said)
        if r['status'] != 0:
            return 'SIGTERM: %s' % status_text(r['status'])
        same = [resp for resp in r['responses']] == [resp for resp in ref['responses']]
        return 'exact' if same else 'failed cleanly'


MODES = {'report': ReportMode, 'batch-html': BatchHtmlMode, 'serve-token': ServeTokenMode}


def select(sites, every, every_start, start_end):
    """The points to sweep: the first of each call site, and every Kth
    (every_start K before point start_end)."""
    seen, points = set(), []
    for fields in sites:
        n, site = int(fields[0]), (fields[1], fields[3])
        k = every_start if n <= start_end else every
        if site not in seen or (n - 1) % k == 0:
            points.append(n)
        seen.add(site)
    return points, len(seen)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--audit', required=True, help='the lib_fail module')
    parser.add_argument('--objects', required=True,
                        help="':'-separated file-name prefixes of the libraries")
    parser.add_argument('--hide', help='also check the answer when the objects of '
                        "these ':'-separated prefixes cannot be found (not installed)")
    parser.add_argument('--every', type=int, default=1)
    parser.add_argument('--every-start', type=int, default=0)
    parser.add_argument('--timeout', type=float, default=60)
    parser.add_argument('--only', type=int, default=0)
    parser.add_argument('mode', choices=sorted(MODES))
    parser.add_argument('binary')
    parser.add_argument('inputs', nargs='*', metavar='CASE')
    args = parser.parse_args()
    started = time.monotonic()

    with tempfile.TemporaryDirectory() as tmp:
        mode = MODES[args.mode](args, tmp)
        state = os.path.join(tmp, 'state')
        trace = os.path.join(tmp, 'trace')
        # LD_BIND_NOW: with an audit module, calls through the chosen
        # libraries' lazy PLT slots take the dynamic linker's slow path.
        env = dict(os.environ, LD_AUDIT=os.path.abspath(args.audit), LD_BIND_NOW='1',
                   LIB_FAIL_OBJECTS=args.objects, LIB_FAIL_STATE=state)

        def attempt(point, extra=None):
            r = mode.attempt(dict(env, LIB_FAIL_AT=str(point), **(extra or {})))
            r['calls'] = read_count(state)
            return r

        ref = attempt(0, {'LIB_FAIL_TRACE': trace})
        problem = mode.reference_problem(ref)
        if problem is None and ref['calls'] == 0:
            problem = 2, 'no allocation counted in %s' % args.objects
        if problem is not None:
            print('lib_sweep: ' + problem[1])
            return problem[0]
        with open(trace) as f:
            sites = [line.split() for line in f]
        # sites[N-1]: [N, function, size, site, symbol]

        if args.only:
            r = attempt(args.only, {'LIB_FAIL_TRACE': trace})
            print('point %d: %s %s' % (args.only, ' '.join(sites[args.only - 1][1:]),
                                       mode.check(r, ref)))
            sys.stdout.write(r['err'])
            return 0

        wrong = []
        if args.hide:
            outcome = mode.check_hidden(attempt(0, {'LIB_FAIL_HIDE': args.hide}), ref)
            print('%s not installed: %s' % (args.hide, outcome))
            if outcome != 'exact':
                wrong.append('not installed: %s' % outcome)

        points, n_sites = select(sites, args.every, args.every_start or args.every,
                                 ref.get('started_at') or 0)
        # A crash in Graphviz's process is an expected outcome: in an ASan
        # build, the sanitizer's report of it is not symbolized (half the
        # time of a point). --only shows it whole.
        if 'ASAN_OPTIONS' in env:
            env['ASAN_OPTIONS'] += ':symbolize=0'
        outcomes = collections.Counter()
        for n in points:
            r = attempt(n)
            outcome = mode.check(r, ref) if r['calls'] >= n else 'not reached'
            if outcome in ('exact', 'failed cleanly'):
                outcomes[outcome] += 1
                continue
            outcomes['wrong'] += 1
            fields = sites[n - 1]
            said = r['err'].strip().splitlines()
            wrong.append('point %d, %s(%s) from %s %s: %s%s' % (
                n, fields[1], fields[2], fields[3], fields[4], outcome,
                (' [' + said[-1][:160] + ']') if said else ''))

    print('%s: %d allocation points in %s (%d call sites), %d swept: %s; %.0f s'
          % (args.mode, len(sites), args.objects, n_sites, len(points),
             ', '.join('%d %s' % (k, v) for v, k in sorted(outcomes.items())),
             time.monotonic() - started))
    for line in wrong:
        print('WRONG ' + line)
    return 1 if wrong else 0


if __name__ == '__main__':
    sys.exit(main())
