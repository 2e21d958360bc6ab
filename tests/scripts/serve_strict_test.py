#!/usr/bin/env python3
"""serve_strict_test.py ONCORULES SOURCE_DIR: what `oncorules serve` refuses
to read loosely (a separate file from serve_test.py, so that each can grow
on its own branch).

Token claims: a \\u0000 or a broken \\u escape in the JOSE header or the
claims is refused (cJSON would cut the string there: "r1\\u0000A" and
"r1\\u0000B" would be one jti, "https://ehr.test\\u0000evil" the trusted
issuer). Feedback: a body that is not UTF-8 and an outcomeTimestamp that
names no time (2020-02-30T25:61:61Z) get 400 and append nothing.
"""
import json
import os
import shutil
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_lib import Key, Server, b64url, claims, token  # noqa: E402

BASE = "https://cds.test"
ISS = "https://ehr.test"
DISCOVERY = BASE + "/cds-services"
FEEDBACK = BASE + "/cds-services/patient-view/feedback"

failed = 0


def check(name, ok, detail=""):
    global failed
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else ": " + str(detail)))
    failed += 0 if ok else 1


def raw_token(key, claims_text, header_text=None):
    """A token whose claims (and header) are the JSON text given as is."""
    head = header_text or '{"alg":"ES256","typ":"JWT","kid":"%s"}' % key.kid
    signing_input = b64url(head.encode()) + "." + b64url(claims_text.encode())
    return signing_input + "." + b64url(key.sign(signing_input.encode(), "ES256"))


def run_tests(binary, tmp):
    key = Key(tmp, "es256", "ec", "P-256", kid="ehr")
    feedback_log = os.path.join(tmp, "feedback.ndjson")
    srv = Server(binary, ["--base-url", BASE, "--trust", ISS + "=" + key.public,
                          "--feedback-log", feedback_log, "--workers", "1"], tmp)

    def discovery(tok):
        return srv.request("GET", "/cds-services",
                           headers={"Authorization": "Bearer " + tok})[0]

    def claims_text(iss=ISS, aud=DISCOVERY, jti=None):
        now = int(time.time())
        return '{"iss":"%s","aud":"%s","iat":%d,"exp":%d,"jti":"%s"}' % (
            iss, aud, now, now + 300, jti or str(uuid.uuid4()))

    check("a well-formed token passes (the control)",
          discovery(raw_token(key, claims_text())) == 200)
    for what, text in (
            ("jti with \\u0000", claims_text(jti="r1\\u0000A")),
            ("jti with \\uZZZZ", claims_text(jti="r2\\uZZZZ1")),
            ("jti with a cut \\u", claims_text(jti="r3\\u12")),
            ("iss with \\u0000 after the trusted issuer", claims_text(iss=ISS + "\\u0000evil")),
            ("aud with \\u0000", claims_text(aud=DISCOVERY + "\\u0000/patient-view"))):
        check("token refused: " + what, discovery(raw_token(key, text)) == 401)
    head = '{"alg":"ES256","typ":"JWT","kid":"ehr\\u0000x"}'
    check("token refused: header with \\u0000",
          discovery(raw_token(key, claims_text(), head)) == 401)
    check("the server still serves", discovery(token(key, "ES256", claims(ISS, DISCOVERY))) == 200)

    def post_feedback(body):
        tok = token(key, "ES256", claims(ISS, FEEDBACK))
        return srv.request("POST", "/cds-services/patient-view/feedback", body=body,
                           headers={"Authorization": "Bearer " + tok,
                                    "Content-Type": "application/json"})[0]

    def item(card="c", ts="2020-12-11T00:00:00Z"):
        return ('{"feedback":[{"card":"%s","outcome":"overridden","outcomeTimestamp":"%s"}]}'
                % (card, ts)).encode("utf-8", "surrogateescape")

    def log():
        return open(feedback_log, "rb").read() if os.path.exists(feedback_log) else b""

    check("feedback accepted (the control)", post_feedback(item()) == 200)
    before = log()
    check("feedback with invalid UTF-8: 400", post_feedback(item(card="c\udcff\udcfe")) == 400)
    check("feedback with an overlong UTF-8 form: 400", post_feedback(item(card="c\udcc0\udcaf")) == 400)
    check("feedback with a UTF-16 surrogate in UTF-8: 400",
          post_feedback(item(card="c\udced\udca0\udc80")) == 400)
    for ts in ("2020-02-30T10:00:00Z", "2020-12-11T25:00:00Z", "2020-12-11T10:61:00Z",
               "2020-12-11T10:00:61Z", "2020-13-01T10:00:00Z", "2020-12-11T10:00:00+24:00",
               "2019-02-29T10:00:00Z"):
        check("feedback at an impossible time %s: 400" % ts, post_feedback(item(ts=ts)) == 400)
    check("nothing appended by the refused feedback", log() == before)
    check("a leap day and a leap second are times", post_feedback(
        item(ts="2020-02-29T23:59:60.5+05:30")) == 200)
    for line in log().splitlines():
        json.loads(line.decode("utf-8"))
    rc = srv.stop()
    check("the server stops with status 0", rc == 0, srv.stderr()[-2000:])
    return failed


def main():
    tmp = tempfile.mkdtemp(prefix="serve-strict-")
    try:
        return 1 if run_tests(sys.argv[1], tmp) else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
