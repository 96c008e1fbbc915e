#!/usr/bin/env python3
"""Writes the case retention statement vector (Docs/format.md §8.25) from the spec alone, with PyNaCl.

    python3 Tests/Interop/make_retention_vector.py > Tests/AmanatVaultTests/Fixtures/vectors/case-retention.json

The key is the trivial one of format.md Appendix A: never use it for anything. Ed25519 signatures are
deterministic, so the output is the same on every run.
"""
import json
import struct

from nacl import bindings as b

ED25519_SEED = bytes(range(32, 64))
CASE_ID = bytes(range(0x60, 0x70))
NONE_DAY = bytes(10)
NONE_DAYS = 0xFFFFFFFF


def day(text):
    return NONE_DAY if text is None else text.encode("ascii")


def statement(case_id, revision, keep_until, days_after_close, closed_day, written):
    label = b"amanat/v1/case-retention"
    days = NONE_DAYS if days_after_close is None else days_after_close
    return (label + b"\x00\x01" + case_id + struct.pack("<I", revision) + day(keep_until)
            + struct.pack("<I", days) + day(closed_day) + day(written))


def main():
    public, secret = b.crypto_sign_seed_keypair(ED25519_SEED)
    cases = []
    for revision, until, days, closed, written in [
        (1, "2031-12-31", None, None, "2026-12-03"),
        (2, None, 365, None, "2026-12-04"),
        (3, None, 365, "2026-12-05", "2026-12-05"),
        (4, None, None, "2026-12-05", "2026-12-06"),
    ]:
        message = statement(CASE_ID, revision, until, days, closed, written)
        assert len(message) == 80
        signature = b.crypto_sign(message, secret)[:64]
        cases.append({"revision": revision, "keep_until": until, "keep_days_after_close": days,
                      "closed_day": closed, "day": written, "statement": message.hex(), "signature": signature.hex()})
    print(json.dumps({
        "comment": "case retention statement v1 (format.md 8.25); key of Appendix A, never use it",
        "generator": "Tests/Interop/make_retention_vector.py (PyNaCl)",
        "ed25519_seed": ED25519_SEED.hex(),
        "administrator_signing_key": public.hex(),
        "case_id": CASE_ID.hex(),
        "cases": cases,
    }, indent=2))


if __name__ == "__main__":
    main()
