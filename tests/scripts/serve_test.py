#!/usr/bin/env python3
"""serve_test.py ONCORULES SOURCE_DIR: `oncorules serve` end to end.

Starts the server on a free loopback port with throw-away keys, and checks:
discovery (and that docs/service.md lists the same prefetch templates);
each refusal gets its status and leaves the server serving (malformed JSON,
wrong hook, unknown service, 10 MB body, chunked body over the limit, wrong
content type and method, missing, paginated or failed prefetch, another
patient's data, unknown prefetch key); tokens that are expired, unsigned
(alg none), HMAC-signed with the public key, wrongly signed, for another
audience or issuer, replayed, from the future or too long-lived get 401; a
refused token's upload is never read; ES256, ES384 (JWK Set), RS256 and
PS256 (PEM) tokens pass; the jti cache refuses (503) when full and makes
room as tokens expire; CORS
preflight; feedback lines appended and never rewritten; slowloris clients
(trickled headers, trickled body) neither block other requests nor keep
their connections past the deadlines; a saturated queue answers 503;
complete requests get the cards batch --fhir gives (serve_cards.py); SIGTERM
and SIGINT stop the server with status 0 and, under ASan, no leak report.
"""
import base64
import hashlib
import hmac
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_lib import Key, Server, b64url, claims, token  # noqa: E402
from serve_cards import check_cards  # noqa: E402

BASE = "https://cds.test"
ISS = "https://ehr.test"
DISCOVERY = BASE + "/cds-services"
SERVICE = BASE + "/cds-services/patient-view"
FEEDBACK = SERVICE + "/feedback"

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL " + name + (": " + str(detail) if detail else ""))


def bearer(tok):
    return {"Authorization": "Bearer " + tok}


def hook_request(patient_id="p-1", prefetch=None, **over):
    req = {"hook": "patient-view", "hookInstance": str(uuid.uuid4()),
           "context": {"userId": "Practitioner/dr-1", "patientId": patient_id}}
    if prefetch is not None:
        req["prefetch"] = prefetch
    req.update(over)
    return req


def searchset(resources, **extra):
    b = {"resourceType": "Bundle", "type": "searchset",
         "entry": [{"resource": r} for r in resources]}
    b.update(extra)
    return b


PREFETCH_TYPES = {"conditions": "Condition", "observations": "Observation",
                  "medication-statements": "MedicationStatement",
                  "medication-requests": "MedicationRequest",
                  "medication-administrations": "MedicationAdministration",
                  "procedures": "Procedure", "service-requests": "ServiceRequest",
                  "adverse-events": "AdverseEvent"}


def prefetch_from_bundle(path):
    """What an EHR would prefetch for our templates from a patient's bundle."""
    bundle = json.load(open(path))
    resources = [e["resource"] for e in bundle["entry"]]
    patient = next(r for r in resources if r["resourceType"] == "Patient")
    pre = {"patient": patient}
    for key, rtype in PREFETCH_TYPES.items():
        pre[key] = searchset([r for r in resources if r["resourceType"] == rtype])
    return patient["id"], pre


def empty_prefetch(patient_id):
    pre = {"patient": {"resourceType": "Patient", "id": patient_id}}
    for key in PREFETCH_TYPES:
        pre[key] = searchset([])
    return pre


def main():
    tmp = tempfile.mkdtemp(prefix="serve-test-")
    try:
        return run_tests(sys.argv[1], sys.argv[2], tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run_tests(binary, source, tmp):
    es256 = Key(tmp, "es256", "ec", "P-256", kid="ehr-es256")
    es384 = Key(tmp, "es384", "ec", "P-384", kid="ehr-es384")
    rsa = Key(tmp, "rsa", "rsa", kid="ehr-rsa")
    stranger = Key(tmp, "stranger", "ec", "P-256", kid="ehr-es256")  # same kid, other key
    other_iss = Key(tmp, "other", "ec", "P-256", kid="other")
    jwks = os.path.join(tmp, "ehr.jwks.json")
    with open(jwks, "w") as f:
        json.dump({"keys": [es256.jwk(), es384.jwk()]}, f)
    other_jwks = os.path.join(tmp, "other.jwks.json")
    with open(other_jwks, "w") as f:
        json.dump({"keys": [other_iss.jwk()]}, f)
    feedback_log = os.path.join(tmp, "feedback.ndjson")
    access_log = os.path.join(tmp, "access.log")

    # A private key given as a trusted key is refused at start.
    p = subprocess.run([binary, "serve", "--listen", "127.0.0.1:0", "--base-url", BASE,
                        "--trust", ISS + "=" + es256.private, "--feedback-log", feedback_log],
                       capture_output=True, text=True)
    check("a private key in --trust is refused at start", p.returncode == 2 and
          "private key" in p.stderr and not os.path.exists(feedback_log), p.stderr)
    # A key that cannot be read is refused at start (exit 2, the file and
    # the key named), never left out and never taken for memory that ran
    # out (keys.c tells the two apart by what OpenSSL's error queue says).
    def start_refused(name, text, why):
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            f.write(text)
        try:
            p = subprocess.run([binary, "serve", "--listen", "127.0.0.1:0", "--base-url", BASE,
                                "--trust", ISS + "=" + path, "--feedback-log", feedback_log],
                               capture_output=True, text=True, timeout=20)
        except subprocess.TimeoutExpired as e:
            check("a trust file with " + name + " is refused at start", False,
                  "the server started: %s" % e.stderr)
            return
        check("a trust file with " + name + " is refused at start", p.returncode == 2 and
              why in p.stderr and not os.path.exists(feedback_log), p.stderr)

    off_curve = es256.jwk()
    y = bytearray(base64.urlsafe_b64decode(off_curve["y"] + "=" * (-len(off_curve["y"]) % 4)))
    y[-1] ^= 1
    off_curve["y"] = b64url(bytes(y))
    start_refused("a point off its curve", json.dumps({"keys": [off_curve]}),
                  "key 0 is not a valid EC public key")
    pem = open(es256.public).read()
    lines = pem.splitlines()
    broken = "\n".join(lines[:1] + ["!" + lines[1][1:]] + lines[2:]) + "\n"
    start_refused("a block that is not base64", broken,
                  "PUBLIC KEY block 1 is not a valid public key")
    start_refused("a good block then a broken one", pem + broken,
                  "PUBLIC KEY block 2 is not a valid public key")
    p = subprocess.run([binary, "serve", "--listen", "0.0.0.0:0", "--insecure-no-auth"],
                       capture_output=True, text=True)
    check("--insecure-no-auth refuses a non-loopback address", p.returncode == 2, p.stderr)

    srv = Server(binary, ["--base-url", BASE + "/", "--trust", ISS + "=" + jwks,
                          "--trust", ISS + "=" + rsa.public,
                          "--trust", "https://other.test=" + other_jwks,
                          "--cors-origin", "https://ehr-ui.test",
                          "--feedback-log", feedback_log, "--access-log", access_log,
                          "--workers", "2", "--header-timeout", "3", "--body-timeout", "3",
                          "--idle-timeout", "10"], tmp)

    def good(aud=DISCOVERY):
        return token(es256, "ES256", claims(ISS, aud))

    def discovery_ok():
        s, _, _ = srv.request("GET", "/cds-services", headers=bearer(good()))
        return s == 200

    # ---------------------------------------------------------- discovery
    s, h, body = srv.request("GET", "/cds-services", headers=bearer(good()))
    doc = json.loads(body) if s == 200 else {}
    svc = (doc.get("services") or [{}])[0]
    check("discovery answers 200 with the patient-view service",
          s == 200 and svc.get("hook") == "patient-view" and svc.get("id") == "patient-view"
          and svc.get("description") and h.get("content-type") == "application/json",
          (s, body[:200]))
    docs = open(os.path.join(source, "docs", "service.md")).read()
    rows = {}
    for line in docs.splitlines():
        cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and line.startswith("| `") and "{{context.patientId}}" in cells[1]:
            rows[cells[0]] = cells[1]
    check("docs/service.md lists the discovery's prefetch templates",
          rows == svc.get("prefetch"), (rows, svc.get("prefetch")))
    names = re.findall(r'\[SERVE_TOKEN_\w+\] = "([^"]+)"',
                       open(os.path.join(source, "cli", "serve", "jwt.c")).read())
    undocumented = [n for n in names if n not in ("ok", "out of memory") and
                    "`%s`" % n not in docs]
    check("docs/service.md lists every reason a token is refused",
          len(names) > 10 and not undocumented, undocumented)
    opts = re.findall(r'\{"(--[a-z-]+)", OPT_',
                      open(os.path.join(source, "cli", "serve", "options.c")).read())
    check("docs/service.md names every option of serve",
          len(opts) > 15 and all("`%s" % o in docs for o in opts),
          [o for o in opts if "`%s" % o not in docs])
    check("every template uses the context.patientId prefetch token",
          all("{{context.patientId}}" in q for q in svc.get("prefetch", {}).values()))
    check("X-Request-ID on answers", bool(h.get("x-request-id")))

    # ------------------------------------------------------------- tokens
    def status_with(tok, path="/cds-services"):
        return srv.request("GET", path, headers=bearer(tok) if tok is not None else {})

    s, h, body = status_with(None)
    check("no token: 401 with WWW-Authenticate Bearer",
          s == 401 and h.get("www-authenticate", "").startswith("Bearer"), s)
    check("401 says nothing about why", b"expired" not in body and b"signature" not in body
          and len(body) < 200, body)
    now = int(time.time())
    cases = [
        ("expired token", token(es256, "ES256", claims(ISS, DISCOVERY, iat=now - 900,
                                                       exp=now - 600))),
        ("unsigned token (alg none)", token(None, "none", claims(ISS, DISCOVERY))),
        ("wrongly signed token (other key, same kid)",
         token(stranger, "ES256", claims(ISS, DISCOVERY))),
        ("token for another audience", token(es256, "ES256", claims(ISS, SERVICE))),
        ("token for another host", token(es256, "ES256",
                                         claims(ISS, "https://evil.test/cds-services"))),
        ("token from an untrusted issuer", token(es256, "ES256",
                                                 claims("https://evil.test", DISCOVERY))),
        ("token of a trusted issuer signed with another issuer's key",
         token(other_iss, "ES256", claims(ISS, DISCOVERY))),
        ("token issued in the future", token(es256, "ES256", claims(
            ISS, DISCOVERY, iat=now + 3600, exp=now + 3900))),
        ("token living longer than allowed", token(es256, "ES256", claims(
            ISS, DISCOVERY, lifetime=7200))),
        ("token without jti", token(es256, "ES256", {k: v for k, v in claims(
            ISS, DISCOVERY).items() if k != "jti"})),
        ("token with a wrong typ", token(es256, "ES256", claims(ISS, DISCOVERY),
                                         header={"typ": "JWE"})),
        ("ES384 signature labelled ES256", token(es384, "ES256", claims(ISS, DISCOVERY))),
        ("garbage token", "not.a.token"),
    ]
    # HS256 "signed" with the public key as the HMAC secret (alg confusion).
    head = b64url(json.dumps({"alg": "HS256", "typ": "JWT", "kid": "ehr-rsa"}).encode())
    pay = b64url(json.dumps(claims(ISS, DISCOVERY)).encode())
    mac = hmac.new(open(rsa.public, "rb").read(), (head + "." + pay).encode(),
                   hashlib.sha256).digest()
    cases.append(("HS256 token keyed with the public key", head + "." + pay + "." + b64url(mac)))
    for name, tok in cases:
        s, _, _ = status_with(tok)
        check(name + ": 401", s == 401, s)
    check("server still serving after refused tokens", discovery_ok())

    replayed = good()
    s1, _, _ = status_with(replayed)
    s2, _, _ = status_with(replayed)
    check("replayed token: first 200, then 401", (s1, s2) == (200, 401), (s1, s2))
    for name, tok in [
            ("ES384 token (JWK Set key)", token(es384, "ES384", claims(ISS, DISCOVERY))),
            ("RS256 token (PEM key)", token(rsa, "RS256", claims(ISS, DISCOVERY))),
            ("PS256 token (PEM key)", token(rsa, "PS256", claims(ISS, DISCOVERY))),
            ("aud given as an array", token(es256, "ES256", claims(
                ISS, ["https://x.test", DISCOVERY]))),
            ("token of the second issuer", token(other_iss, "ES256",
                                                 claims("https://other.test", DISCOVERY)))]:
        s, _, _ = status_with(tok)
        check(name + ": 200", s == 200, s)

    # A POST with a refused token: 401 before the body is read.
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
    sock.sendall(b"POST /cds-services/patient-view HTTP/1.1\r\nHost: x\r\n"
                 b"Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n")
    reply = sock.recv(4096)
    sock.close()
    check("POST without a token: 401 with its body unsent", reply.startswith(b"HTTP/1.1 401"),
          reply[:40])

    # --------------------------------------------------------- patient-view
    def post(body, path="/cds-services/patient-view", aud=SERVICE, ctype="application/json",
             headers=None):
        hd = {"Content-Type": ctype}
        hd.update(bearer(token(es256, "ES256", claims(ISS, aud))))
        hd.update(headers or {})
        if not isinstance(body, (bytes, str)):
            body = json.dumps(body)
        return srv.request("POST", path, body=body, headers=hd)

    def refused(name, status, *args, **kw):
        s, _, body = post(*args, **kw)
        check(name + ": %d" % status, s == status, (s, body[:300]))
        check(name + ": server still serving", discovery_ok())
        return body

    refused("malformed JSON", 400, '{"hook": "patient-view", ')
    refused("JSON that is not an object", 400, "[1, 2]")
    refused("\\u0000 inside a string", 400,
            '{"hook":"patient-view\\u0000x","hookInstance":"%s"}' % uuid.uuid4())
    refused("wrong hook", 400, hook_request(hook="order-sign"))
    refused("hookInstance not a UUID", 400, hook_request(hookInstance="123"))
    refused("no context.patientId", 400, {"hook": "patient-view",
                                          "hookInstance": str(uuid.uuid4()),
                                          "context": {"userId": "Practitioner/1"}})
    refused("fhirAuthorization without fhirServer", 400,
            hook_request(prefetch=empty_prefetch("p-1"),
                         fhirAuthorization={"access_token": "x", "token_type": "Bearer"}))
    refused("unknown service", 404, hook_request(), path="/cds-services/no-such-service",
            aud=BASE + "/cds-services/no-such-service")
    # A 10 MB body: refused from its Content-Length, before it is read.
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
    sock.sendall(("POST /cds-services/patient-view HTTP/1.1\r\nHost: x\r\n"
                  "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                  "Content-Length: %d\r\n\r\n" % (good(SERVICE), 10 * 1024 * 1024)).encode())
    try:
        sock.sendall(b"{" + b" " * 65536)
        reply = sock.recv(4096)
    except OSError as e:
        reply = str(e).encode()
    sock.close()
    check("10 MB body: 413", reply.startswith(b"HTTP/1.1 413"), reply[:60])
    check("10 MB body: server still serving", discovery_ok())
    refused("wrong content type", 415, json.dumps(hook_request()), ctype="text/plain")
    s, h, _ = srv.request("GET", "/cds-services/patient-view", headers=bearer(good(SERVICE)))
    check("GET on the service: 405 with Allow", s == 405 and "POST" in h.get("allow", ""), s)

    # Chunked body over the limit (no Content-Length to refuse early).
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=20)
    tok = token(es256, "ES256", claims(ISS, SERVICE))
    sock.sendall(("POST /cds-services/patient-view HTTP/1.1\r\nHost: x\r\n"
                  "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                  "Transfer-Encoding: chunked\r\n\r\n" % tok).encode())
    chunk = b"x" * 65536
    try:
        for _ in range(20):  # 1.25 MiB
            sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        sock.sendall(b"0\r\n\r\n")
        reply = sock.recv(4096)
    except OSError as e:
        reply = str(e).encode()
    sock.close()
    check("chunked body over the limit: 413", reply.startswith(b"HTTP/1.1 413"), reply[:60])

    # Missing prefetch: 412, as the specification says.
    refused("no prefetch at all", 412, hook_request())
    pre = empty_prefetch("p-1")
    del pre["medication-statements"]
    body = refused("one prefetch key missing", 412, hook_request(prefetch=pre))
    check("412 names the missing key and says there is no FHIR access",
          b"medication-statements" in body and b"no access" in body, body)
    pre = empty_prefetch("p-1")
    pre["patient"] = None
    refused("patient prefetched as null", 412, hook_request(prefetch=pre))
    pre = empty_prefetch("p-1")
    pre["conditions"] = searchset([], link=[{"relation": "next", "url": "https://ehr/p2"}])
    refused("paginated prefetch", 412, hook_request(prefetch=pre))
    pre = empty_prefetch("p-1")
    pre["procedures"] = {"resourceType": "OperationOutcome",
                         "issue": [{"severity": "error", "code": "timeout"}]}
    refused("prefetch that failed in the EHR (OperationOutcome)", 412,
            hook_request(prefetch=pre))
    pre = empty_prefetch("p-1")
    pre["observations"] = searchset([], total=3)
    refused("prefetch with fewer entries than its total", 412, hook_request(prefetch=pre))
    pre = empty_prefetch("p-1")
    pre["conditions"] = searchset([{"resourceType": "Condition", "id": "c1",
                                    "subject": {"reference": "Patient/p-2"}}])
    refused("prefetch holding another patient's resource", 400, hook_request(prefetch=pre))
    pre = empty_prefetch("p-2")
    refused("prefetched Patient is not context.patientId", 400, hook_request(prefetch=pre))
    pre = empty_prefetch("p-1")
    pre["allergies"] = searchset([])
    refused("prefetch key the service did not ask for", 400, hook_request(prefetch=pre))
    pre = empty_prefetch("p-1")
    pre["conditions"] = searchset([{"resourceType": "Observation", "id": "o1"}])
    refused("wrong resource type under a prefetch key", 400, hook_request(prefetch=pre))

    # Complete requests: the cards, against batch --fhir on the same records.
    # shared/ sits beside the checkout (CI) or two levels up (worktrees).
    shared = next((p for p in (os.path.join(source, up, "shared", "fhir-examples")
                               for up in ("..", os.path.join("..", "..")))
                   if os.path.isdir(p)), None)
    if shared is None:
        print("note: shared/fhir-examples not found; its bundles are not posted")
    keys = [(k, PREFETCH_TYPES[k]) for k in svc.get("prefetch", {}) if k != "patient"]
    check_cards(check, binary, source, lambda body: post(body), shared, keys)
    # Text of the record that reorders or breaks what an EHR shows (a right-
    # to-left override, a C1 line break, a paragraph separator) never reaches
    # a card: each is one space there (cli/serve/cds_text.c).
    bundle = json.load(open(os.path.join(source, "tests", "fhir", "bundles",
                                         "breast-her2-positive.json")))
    for e in bundle["entry"]:
        if e["resource"].get("id") == "br-docetaxel":
            e["resource"]["medicationCodeableConcept"] = {
                "text": "pal\u202ebociclib\u0085x\u2029y"}
    hostile = os.path.join(tmp, "hostile-name.json")
    json.dump(bundle, open(hostile, "w"))
    pid, pre = prefetch_from_bundle(hostile)
    s, _, body = post(hook_request(patient_id=pid, prefetch=pre))
    texts = [c.get(k, "") for c in json.loads(body).get("cards", []) if s == 200
             for k in ("summary", "detail")]
    hidden = [t for t in texts if any(ch in t for ch in "\u202e\u0085\u2029")]
    check("a drug name with bidi and separator characters: 200", s == 200, body[:300])
    check("the name is on a card, each such character a space",
          any("pal bociclib x y" in t for t in texts), texts)
    check("no card holds a bidi override, C1 control or separator", not hidden, hidden)
    pre = empty_prefetch("p-1")
    refused("as-of extension that is not a date", 400,
            hook_request(prefetch=pre, extension={"org.oncorules.as-of": "2024-13-01"}))

    # ----------------------------------------------------------------- CORS
    s, h, _ = srv.request("OPTIONS", "/cds-services/patient-view", headers={
        "Origin": "https://ehr-ui.test", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type"})
    check("CORS preflight from an allowed origin: 204, origin, methods, Authorization",
          s == 204 and h.get("access-control-allow-origin") == "https://ehr-ui.test" and
          "POST" in h.get("access-control-allow-methods", "") and
          "Authorization" in h.get("access-control-allow-headers", ""), (s, h))
    s, h, _ = srv.request("OPTIONS", "/cds-services", headers={"Origin": "https://evil.test"})
    check("CORS preflight from another origin: no Allow-Origin",
          "access-control-allow-origin" not in h, h)
    s, h, _ = srv.request("GET", "/cds-services", headers=dict(
        bearer(good()), Origin="https://ehr-ui.test"))
    check("CORS on an answer: Allow-Origin and Vary", s == 200 and
          h.get("access-control-allow-origin") == "https://ehr-ui.test" and
          "Origin" in h.get("vary", ""), h)

    # ------------------------------------------------------------- feedback
    fb = {"feedback": [
        {"card": "4e0a3a1e-3283-4575-ab82-028d55fe2719", "outcome": "accepted",
         "acceptedSuggestions": [{"id": "e56e1945-20b3-4393-8503-a1a20fd73152"}],
         "outcomeTimestamp": "2021-12-11T10:05:31Z"},
        {"card": "9368d37b-283f-44a0-93ea-547cebab93ed", "outcome": "overridden",
         "overrideReason": {"reason": {"code": "d7ecf885", "system": "https://x.test"},
                            "userComment": "A comment entered by the clinician."},
         "outcomeTimestamp": "2020-12-11T00:00:00.52Z"}]}
    s, _, _ = post(fb, path="/cds-services/patient-view/feedback", aud=FEEDBACK)
    first = open(feedback_log, "rb").read()
    lines = [json.loads(x) for x in first.decode().splitlines()]
    check("feedback: 200 and one line per item", s == 200 and len(lines) == 2 and
          lines[0]["feedback"] == fb["feedback"][0] and
          lines[1]["feedback"] == fb["feedback"][1] and lines[0]["iss"] == ISS, (s, lines))
    s, _, _ = post(fb, path="/cds-services/patient-view/feedback", aud=FEEDBACK)
    second = open(feedback_log, "rb").read()
    check("feedback appended, earlier lines unchanged",
          s == 200 and second.startswith(first) and len(second.splitlines()) == 4)
    s, _, _ = post({"feedback": [{"card": "x", "outcome": "accepted",
                                  "outcomeTimestamp": "2021-12-11T10:05:31Z"}]},
                   path="/cds-services/patient-view/feedback", aud=FEEDBACK)
    check("invalid feedback: 400, nothing appended",
          s == 400 and open(feedback_log, "rb").read() == second, s)
    check("feedback log is private (0600)", (os.stat(feedback_log).st_mode & 0o777) == 0o600)

    # ------------------------------------------------------------ slowloris
    slow = []
    for i in range(30):  # headers trickled
        sk = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        sk.sendall(b"GET /cds-services HTTP/1.1\r\nHost: x\r\n")
        slow.append(sk)
    for i in range(5):  # body trickled after a valid token
        sk = socket.create_connection(("127.0.0.1", srv.port), timeout=10)
        sk.sendall(("POST /cds-services/patient-view HTTP/1.1\r\nHost: x\r\n"
                    "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                    "Content-Length: 5000\r\n\r\n{" % good(SERVICE)).encode())
        slow.append(sk)
    opened = time.monotonic()
    stop = threading.Event()

    def trickle():
        while not stop.is_set():
            for sk in slow:
                try:
                    sk.sendall(b"X")
                except OSError:
                    pass
            time.sleep(0.3)
    t = threading.Thread(target=trickle)
    t.start()
    times = []
    for i in range(20):
        t0 = time.monotonic()
        ok = discovery_ok()
        times.append((ok, time.monotonic() - t0))
    done_at = time.monotonic() - opened
    check("20 requests answered while 35 slow clients trickle",
          all(ok for ok, _ in times) and done_at < 3.0,
          (done_at, max(d for _, d in times)))
    closed = 0
    deadline = time.monotonic() + 12
    for sk in slow:
        sk.settimeout(max(0.1, deadline - time.monotonic()))
        try:
            while True:
                data = sk.recv(4096)
                if not data:
                    closed += 1
                    break
        except (ConnectionResetError, BrokenPipeError):
            closed += 1
        except OSError:
            pass
    stop.set()
    t.join()
    elapsed = time.monotonic() - opened
    check("slow clients are disconnected at their deadline (header/body timeout 3 s)",
          closed == len(slow) and elapsed < 12, (closed, len(slow), elapsed))
    for sk in slow:
        sk.close()
    check("server still serving after the slow clients", discovery_ok())

    # --------------------------------------------------------------- logs
    log = open(access_log).read()
    entries = [json.loads(x) for x in log.splitlines()]
    reqs = [e for e in entries if "request" in e]
    check("access log: one JSON line per request with method, path, status, ms, id",
          reqs and all({"method", "path", "status", "ms", "request"} <= set(e)
                       for e in reqs), reqs[:2])
    check("access log holds no patient id without --log-phi",
          "mCODETrialMatchingPatientExample01" not in log and "p-1" not in log
          and "hookInstance" not in log)
    check("access log records why tokens were refused",
          any(e.get("reason") == "expired" for e in reqs) and
          any(e.get("reason") == "replayed jti" for e in reqs))
    check("access log records connections closed at their deadline",
          any(e.get("event") == "connection closed at its deadline" for e in entries))

    rc = srv.stop()
    err = srv.stderr()
    check("SIGTERM: exit 0", rc == 0, (rc, err[-2000:]))
    check("no sanitizer report", "Sanitizer" not in err and "runtime error" not in err,
          err[-3000:])

    # ------------------------------------------------- jti cache full: 503
    srv = Server(binary, ["--base-url", BASE, "--trust", ISS + "=" + jwks,
                          "--jti-cache", "16", "--feedback-log", feedback_log,
                          "--access-log", os.devnull], tmp)
    statuses = [srv.request("GET", "/cds-services", headers=bearer(good()))[0]
                for _ in range(17)]
    check("jti cache full: refused with 503, never accepted unchecked",
          statuses[:16] == [200] * 16 and statuses[16] == 503, statuses)
    rc = srv.stop(signal.SIGINT)
    check("second server, SIGINT: exit 0, no sanitizer report",
          rc == 0 and "Sanitizer" not in srv.stderr(), srv.stderr()[-2000:])
    # Ids are forgotten once their token has expired: room again.
    srv = Server(binary, ["--base-url", BASE, "--trust", ISS + "=" + jwks, "--clock-skew", "0",
                          "--jti-cache", "16", "--feedback-log", feedback_log,
                          "--access-log", os.devnull], tmp)

    def short():
        return token(es256, "ES256", claims(ISS, DISCOVERY, lifetime=2))
    first = [srv.request("GET", "/cds-services", headers=bearer(short()))[0] for _ in range(16)]
    time.sleep(3.5)
    second = [srv.request("GET", "/cds-services", headers=bearer(short()))[0]
              for _ in range(16)]
    check("jti cache: expired ids make room for new tokens",
          first == [200] * 16 and second == [200] * 16, (first, second))
    rc = srv.stop()
    check("server without clock skew: exit 0, no sanitizer report",
          rc == 0 and "Sanitizer" not in srv.stderr(), srv.stderr()[-2000:])

    # --------------------------------------------- queue saturation: 503
    # One worker, a queue of 2: the worker is held by a feedback write into
    # a FIFO that nobody reads; the next two requests wait; the fourth is
    # refused at once with 503 and Retry-After.
    fifo = os.path.join(tmp, "feedback.fifo")
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    srv = Server(binary, ["--insecure-no-auth", "--workers", "1", "--queue", "2",
                          "--feedback-log", fifo, "--access-log", os.devnull], tmp)
    many = {"feedback": [{"card": "c-%d" % i, "outcome": "overridden",
                          "outcomeTimestamp": "2020-12-11T00:00:00Z"} for i in range(2000)]}
    results = {}

    def send(name, method, path, body=None):
        results[name] = srv.request(method, path, body=body,
                                    headers={"Content-Type": "application/json"})[0]
    blocker = threading.Thread(target=send, args=(
        "blocker", "POST", "/cds-services/patient-view/feedback", json.dumps(many)))
    blocker.start()
    time.sleep(0.5)
    waiters = [threading.Thread(target=send, args=("w%d" % i, "GET", "/cds-services"))
               for i in range(2)]
    for w in waiters:
        w.start()
    time.sleep(0.5)
    s, h, _ = srv.request("GET", "/cds-services")
    check("queue full: 503 with Retry-After", s == 503 and h.get("retry-after") == "1", s)
    while blocker.is_alive() or any(w.is_alive() for w in waiters):
        try:
            os.read(reader, 65536)
        except BlockingIOError:
            time.sleep(0.05)
    for w in waiters:
        w.join()
    check("queued requests answered once the worker is free",
          results.get("w0") == 200 and results.get("w1") == 200, results)
    check("server still serving after saturation", srv.request("GET", "/cds-services")[0] == 200)
    rc = srv.stop()
    os.close(reader)
    check("saturated server: exit 0, no sanitizer report",
          rc == 0 and "Sanitizer" not in srv.stderr(), srv.stderr()[-2000:])

    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
