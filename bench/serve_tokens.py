#!/usr/bin/env python3
"""serve_tokens.py DIR AUD N: a throw-away ES256 key pair (DIR/bench.jwks.json
for --trust) and N tokens for audience AUD, one per line (DIR/tokens.txt),
each with its own jti. Uses python3-cryptography (Debian package) for speed;
the tests use the openssl command instead."""
import base64, json, os, sys, time, uuid
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


folder, aud, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
key = ec.generate_private_key(ec.SECP256R1())
pub = key.public_key().public_numbers()
with open(os.path.join(folder, "bench.jwks.json"), "w") as f:
    json.dump({"keys": [{"kty": "EC", "crv": "P-256", "kid": "bench", "use": "sig",
                         "x": b64(pub.x.to_bytes(32, "big")),
                         "y": b64(pub.y.to_bytes(32, "big"))}]}, f)
head = b64(json.dumps({"alg": "ES256", "typ": "JWT", "kid": "bench"}).encode())
now = int(time.time())
with open(os.path.join(folder, "tokens.txt"), "w") as f:
    for _ in range(n):
        claims = {"iss": "https://ehr.bench", "aud": aud, "iat": now, "exp": now + 600,
                  "jti": str(uuid.uuid4())}
        signing = head + "." + b64(json.dumps(claims).encode())
        r, s = decode_dss_signature(key.sign(signing.encode(), ec.ECDSA(hashes.SHA256())))
        f.write(signing + "." + b64(r.to_bytes(32, "big") + s.to_bytes(32, "big")) + "\n")
