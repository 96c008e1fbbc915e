#!/usr/bin/env python3
"""Writes the case term list vector (Docs/format.md §8.21) from the spec alone, with PyNaCl.

    python3 Tests/Interop/make_case_terms_vector.py > Tests/AmanatVaultTests/Fixtures/vectors/case-terms.json

The key and nonce are trivial, fixed values: never use them for anything. The output is the same on every run.
"""
import json
import struct

from nacl import bindings as b

CASE_KEY = bytes(range(0x60, 0x80))
NONCE = bytes(range(0x80, 0x98))
CASE_ID = bytes(range(0xA0, 0xB0))
KEY_VERSION, REVISION = 2, 3
TERMS = [{"kind": "person", "text": "Руслан Хакиев"}, {"kind": "place", "text": "Малгобек"}]


def bucket(size):
    """Padmé bucket with a 256-byte floor (format.md 7.2)."""
    if size <= 256:
        return 256
    e = size.bit_length() - 1
    s = e.bit_length()
    mask = (1 << (e - s)) - 1
    return (size + mask) & ~mask


def main():
    # Sorted members, no spaces, UTF-8 as is: what Amanat writes (any JSON of this shape is read).
    plaintext = json.dumps({"format": "amanat-case-terms", "terms": TERMS, "version": 1},
                           ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    size = bucket(len(plaintext) + 1)
    padded = b.sodium_pad(plaintext, size)
    assert len(padded) == size
    ad = b"amanat/v1/case-terms" + b"\x00\x01" + CASE_ID + struct.pack("<I", KEY_VERSION) + struct.pack("<I", REVISION)
    assert len(ad) == 46
    sealed = NONCE + b.crypto_aead_xchacha20poly1305_ietf_encrypt(padded, ad, NONCE, CASE_KEY)
    print(json.dumps({
        "comment": "case term list v1 (format.md 8.21); trivial key and nonce, never use them",
        "generator": "Tests/Interop/make_case_terms_vector.py (PyNaCl)",
        "case_key": CASE_KEY.hex(),
        "case_id": CASE_ID.hex(),
        "key_version": KEY_VERSION,
        "revision": REVISION,
        "associated_data": ad.hex(),
        "plaintext": plaintext.decode("utf-8"),
        "sealed": sealed.hex(),
        "terms": TERMS,
    }, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
