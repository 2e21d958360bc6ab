#!/usr/bin/env python3
"""seed_images.py: refreshes fuzz/corpus-image/, the seeds of the image
loader's harness (fuzz_image.c), from a compiled image.

The harness reads the footer and the payload; the CLIPS part matters only
by its length. So each seed is the image's payload behind a 16-byte stand-in
for the CLIPS part, with the footer rewritten to match: the real structure
(version, hash, rules with what was read from their text, knowledge
tables, files) in some forty kilobytes, plus a few variants (no rules, cut
short, counts changed).

Usage: oncorules compile --kb tests/fixtures/kb-mini -o /tmp/mini.img
       python3 fuzz/seed_images.py /tmp/mini.img
"""
import os
import struct
import sys

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "corpus-image")
data = open(sys.argv[1], "rb").read()
footer = len(data) - 40
offset, length, _ = struct.unpack("<QQQ", data[footer:footer + 24])
magic = data[-16:]
payload = data[offset:offset + length]
MASK = (1 << 64) - 1


def fnv1a(b):
    h = 0xcbf29ce484222325
    n = len(b) // 8 * 8
    for (w,) in struct.iter_unpack("<Q", b[:n]):
        h = ((h ^ w) * 0x100000001b3) & MASK
    for c in b[n:]:
        h = ((h ^ c) * 0x100000001b3) & MASK
    return h


def image(body_payload, clips=b"CLIPS-STAND-IN.\n"):
    body = clips + body_payload
    return body + struct.pack("<QQQ", len(clips), len(body_payload), fnv1a(body)) + magic


os.makedirs(out, exist_ok=True)
seeds = {
    "mini": image(payload),
    "cut-in-rules": image(payload[:len(payload) // 3]),
    "cut-in-knowledge": image(payload[:len(payload) * 5 // 6]),
    "no-payload": image(b""),
    "footer-only": magic,
}
# The rule count (after version and hash) set to 0, then to a huge value.
version_len = struct.unpack("<Q", payload[:8])[0]
count_at = 8 + version_len + 8 + 64
for name, count in (("zero-rules", 0), ("huge-count", 2**62)):
    p = bytearray(payload)
    struct.pack_into("<Q", p, count_at, count)
    seeds[name] = image(bytes(p))
for name, blob in seeds.items():
    with open(os.path.join(out, name + ".img"), "wb") as f:
        f.write(blob)
print("%d seeds in %s" % (len(seeds), out))
