#!/usr/bin/env python3
"""Writes the vault settings statement vector (Docs/format.md §8.20) from the spec alone, with PyNaCl.

    python3 Tests/Interop/make_settings_vector.py > Tests/AmanatVaultTests/Fixtures/vectors/vault-settings.json

The keys are the trivial ones of format.md Appendix A: never use them for anything. Ed25519 signatures
are deterministic, so the output is the same on every run.
"""
import json
import struct

from nacl import bindings as b

X25519_SECRET = bytes(range(0, 32))
ED25519_SEED = bytes(range(32, 64))
SALT = bytes(range(0x40, 0x50))
OPS, MEM, DAY = 2, 67108864, "2026-12-02"


def statement(intake, signing, salt, ops, mem, day):
    label = b"amanat/v1/vault-settings"
    return (label + b"\x00\x01" + intake + signing + salt + struct.pack("<Q", ops) + struct.pack("<Q", mem)
            + day.encode("ascii"))


def main():
    intake = b.crypto_scalarmult_base(X25519_SECRET)
    signing_public, signing_secret = b.crypto_sign_seed_keypair(ED25519_SEED)
    message = statement(intake, signing_public, SALT, OPS, MEM, DAY)
    assert len(message) == 132
    signature = b.crypto_sign(message, signing_secret)[:64]
    assert b.crypto_sign_open(signature + message, signing_public) == message
    print(json.dumps({
        "comment": "vault settings statement v1 (format.md 8.20); keys of Appendix A, never use them",
        "generator": "Tests/Interop/make_settings_vector.py (PyNaCl)",
        "ed25519_seed": ED25519_SEED.hex(),
        "intake_key": intake.hex(),
        "administrator_signing_key": signing_public.hex(),
        "codename_salt": SALT.hex(),
        "codename_ops_limit": OPS,
        "codename_mem_limit": MEM,
        "created_day": DAY,
        "statement": message.hex(),
        "signature": signature.hex(),
    }, indent=2))


if __name__ == "__main__":
    main()
