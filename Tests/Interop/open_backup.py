#!/usr/bin/env python3
"""Open an Amanat vault backup independently, from Docs/format.md section 8.24.

    python3 Tests/Interop/open_backup.py BACKUP FIXTURE_JSON OUT

BACKUP is a backup file (version 1); FIXTURE_JSON holds the administrator's test
keys (`administrator.ed25519_seed` and `administrator.x25519_secret`, as in
Fixtures/vault-v3/fixture.json). The script checks the header against those
keys and the Ed25519 signature over the keyed BLAKE2b-512 of every byte before
it, opens the sealed backup key, decrypts the Amanat stream, and writes the
archive's database to OUT/vault.sqlite and each blob to OUT/blobs/<id>: the
layout of a vault folder (8.2). Its audit log must name the backup.

Success: the last line is `backup: N checks passed`, exit 0. Failure: one line
`backup: FAILED: <what>` on stderr, exit 1. Usage error: exit 2. PyNaCl
missing: exit 3.

Only the standard library and PyNaCl are used.
"""

import hashlib
import json
import os
import sqlite3
import sys

# The fixture reader's stream decoder and checks (it exits 3 itself when PyNaCl is missing).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from open_fixture import Failure, require, stream_decrypt  # noqa: E402

import nacl.bindings as b  # noqa: E402
import nacl.exceptions  # noqa: E402
import nacl.signing  # noqa: E402

MAGIC = b"AMANATBK"
VERSION = 1
LABEL = b"amanat/v1/vault-backup"
HEADER = 8 + 1 + 32 + 32 + 16 + 10 + 80
CHUNK = 65536


def u64(data, pos):
    require(pos + 8 <= len(data), "archive: cut short")
    return int.from_bytes(data[pos:pos + 8], "little"), pos + 8


def write_archive(archive, out):
    """Writes the archive's entries (database, blobs in increasing id order, end) into OUT."""
    os.makedirs(os.path.join(out, "blobs"), mode=0o700)
    pos, blobs, database, last = 0, 0, False, None
    while True:
        require(pos < len(archive), "archive: no end mark")
        kind, pos = archive[pos], pos + 1
        if kind == 0:
            require(database, "archive: no database")
            require(pos == len(archive), "archive: bytes after the end mark")
            return blobs
        if kind == 1:
            require(not database, "archive: a second database")
            length, pos = u64(archive, pos)
            require(pos + length <= len(archive), "archive: database cut short")
            with open(os.path.join(out, "vault.sqlite"), "wb") as f:
                f.write(archive[pos:pos + length])
            pos, database = pos + length, True
        elif kind == 2:
            require(database, "archive: a blob before the database")
            blob_id = archive[pos:pos + 16]
            require(len(blob_id) == 16 and (last is None or last < blob_id), "archive: blob ids out of order")
            length, pos = u64(archive, pos + 16)
            require(pos + length <= len(archive), "archive: blob cut short")
            with open(os.path.join(out, "blobs", blob_id.hex()), "wb") as f:
                f.write(archive[pos:pos + length])
            pos, last, blobs = pos + length, blob_id, blobs + 1
        else:
            raise Failure(f"archive: unknown entry kind {kind}")


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    backup, fixture, out = argv[1], argv[2], argv[3]
    checks = 0
    try:
        keys = json.load(open(fixture, encoding="utf-8"))["administrator"]
        signing = nacl.signing.SigningKey(bytes.fromhex(keys["ed25519_seed"])).verify_key
        x_sk = bytes.fromhex(keys["x25519_secret"])
        x_pk = b.crypto_scalarmult_base(x_sk)
        data = open(backup, "rb").read()
        require(len(data) >= HEADER + 24 + 17 + 64, "file: cut short")
        require(data[:8] == MAGIC and data[8] == VERSION, "header: not a version 1 backup")
        require(data[9:41] == bytes(signing), "header: signed by another administrator")
        require(data[41:73] == x_pk, "header: sealed to another key")
        backup_id, day = data[73:89].hex(), data[89:99].decode("ascii")
        checks += 1
        digest = hashlib.blake2b(data[:-64], digest_size=64, key=LABEL).digest()
        try:
            signing.verify(LABEL + bytes([0, VERSION]) + digest, data[-64:])
        except nacl.exceptions.BadSignatureError:
            raise Failure("signature: does not verify")
        checks += 1
        try:
            key = b.crypto_box_seal_open(data[99:179], x_pk, x_sk)
        except Exception:
            raise Failure("header: the sealed backup key does not open")
        require(len(key) == 32, "header: the backup key is not 32 bytes")
        checks += 1
        archive = stream_decrypt(data[HEADER:-64], key, CHUNK)
        checks += 1
        blobs = write_archive(archive, out)
        checks += 1
        db = sqlite3.connect(os.path.join(out, "vault.sqlite"))
        named = db.execute("SELECT count(*) FROM auditEntry WHERE action = 'vault.backup' AND objects = ?",
                           (backup_id,)).fetchone()[0]
        db.close()
        require(named == 1, "database: its log does not name this backup")
        checks += 1
        print(f"backup: {backup_id} of {day}, {blobs} blob(s)")
    except Failure as failure:
        print(f"backup: FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"backup: {checks} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
