"""serve_lib.py: helpers for the tests and benchmark of `oncorules serve`.

Keys are made at test time with the openssl command (throw-away, in a
temporary folder, never committed) and tokens are signed with it too, so
only python3's standard library and openssl are needed.
"""
import atexit
import base64
import http.client
import json
import os
import re
import signal
import subprocess
import time
import uuid


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def run(*args, data=None):
    return subprocess.run(args, input=data, check=True, capture_output=True).stdout


def der_ecdsa_to_raw(der, size):
    """An ECDSA signature from DER (SEQUENCE of two INTEGERs) to R || S."""
    assert der[0] == 0x30
    i = 2 if der[1] < 0x80 else 2 + (der[1] & 0x7F)
    out = b""
    for _ in range(2):
        assert der[i] == 0x02
        n = der[i + 1]
        value = der[i + 2:i + 2 + n].lstrip(b"\0")
        out += value.rjust(size, b"\0")
        i += 2 + n
    return out


class Key:
    """A throw-away key pair made with openssl: kind is "ec" (curve) or "rsa"."""

    CURVES = {"P-256": ("prime256v1", 32, "ES256", "-sha256"),
              "P-384": ("secp384r1", 48, "ES384", "-sha384")}

    def __init__(self, folder, name, kind, curve="P-256", kid=None):
        self.folder, self.kind, self.curve = folder, kind, curve
        self.kid = kid or name
        self.private = os.path.join(folder, name + ".key.pem")
        self.public = os.path.join(folder, name + ".pub.pem")
        if kind == "ec":
            run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt",
                "ec_paramgen_curve:" + self.CURVES[curve][0], "-out", self.private)
        else:
            run("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
                "rsa_keygen_bits:2048", "-out", self.private)
        run("openssl", "pkey", "-in", self.private, "-pubout", "-out", self.public)

    def jwk(self):
        der = run("openssl", "pkey", "-pubin", "-in", self.public, "-outform", "DER")
        if self.kind == "ec":
            size = self.CURVES[self.curve][1]
            point = der[-(2 * size + 1):]
            assert point[0] == 4
            return {"kty": "EC", "crv": self.curve, "kid": self.kid, "use": "sig",
                    "x": b64url(point[1:1 + size]), "y": b64url(point[1 + size:])}
        text = run("openssl", "rsa", "-pubin", "-in", self.public, "-noout",
                   "-modulus").decode()
        n = bytes.fromhex(text.strip().split("=", 1)[1])
        return {"kty": "RSA", "kid": self.kid, "use": "sig", "n": b64url(n),
                "e": b64url((65537).to_bytes(3, "big"))}

    def sign(self, data, alg):
        digest = "-sha" + alg[2:]
        args = ["openssl", "dgst", digest, "-sign", self.private]
        if alg.startswith("PS"):
            args += ["-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"]
        sig = run(*args, data=data)
        if alg.startswith("ES"):
            sig = der_ecdsa_to_raw(sig, self.CURVES[self.curve][1])
        return sig


def token(key, alg, claims, header=None):
    """A JWT signed by `key` (None: alg none / an HMAC made by the caller)."""
    head = {"alg": alg, "typ": "JWT"}
    if key is not None:
        head["kid"] = key.kid
    head.update(header or {})
    signing_input = (b64url(json.dumps(head).encode()) + "." +
                     b64url(json.dumps(claims).encode()))
    sig = key.sign(signing_input.encode(), alg) if key is not None else b""
    return signing_input + "." + b64url(sig)


def claims(iss, aud, lifetime=300, **extra):
    now = int(time.time())
    c = {"iss": iss, "aud": aud, "iat": now, "exp": now + lifetime, "jti": str(uuid.uuid4())}
    c.update(extra)
    return c


class Server:
    """`oncorules serve` on a free loopback port, stopped with SIGTERM."""

    def __init__(self, binary, args, folder):
        self.err_path = os.path.join(folder, "serve-%d.err" % time.monotonic_ns())
        self.err = open(self.err_path, "w+")
        self.proc = subprocess.Popen([binary, "serve", "--listen", "127.0.0.1:0"] + args,
                                     stdout=subprocess.DEVNULL, stderr=self.err)
        atexit.register(self._kill)  # never left running, even when a test fails
        deadline = time.time() + 60
        self.port = None
        while time.time() < deadline and self.port is None:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited: " + self.stderr())
            m = re.search(r"listening on port (\d+)", self.stderr())
            if m:
                self.port = int(m.group(1))
            else:
                time.sleep(0.05)
        if self.port is None:
            raise RuntimeError("server did not start: " + self.stderr())

    def stderr(self):
        with open(self.err_path) as f:
            return f.read()

    def request(self, method, path, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            return resp.status, dict((k.lower(), v) for k, v in resp.getheaders()), resp.read()
        finally:
            conn.close()

    def _kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def stop(self, sig=signal.SIGTERM):
        """Sends `sig` (SIGTERM or SIGINT); returns the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            rc = self.proc.wait()
        self.err.close()
        return rc
