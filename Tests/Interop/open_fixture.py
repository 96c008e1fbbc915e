#!/usr/bin/env python3
"""Open an Amanat fixture vault independently, from Docs/format.md section 8.

    python3 Tests/Interop/open_fixture.py DIR

DIR holds vault/ (vault.sqlite, blobs/), fixture.json, administrator.id and
lawyer.id, as written by `VaultStress make-fixture DIR` (schema revision 1 when
it was committed as vault-v1) or `VaultStress make-fixture-v3 DIR` (revision 3).
The vault is copied to a temporary directory first; DIR is never modified.

Checks, each printed on its own line:
  settings (revision 3): the administrator's signature over the 132-byte
      settings statement, and over each author name (format.md 8.20);
  (a) as the administrator: unseal the record key, decrypt the body (its
      associated data binds the record to its mailbox and the mailbox's reply
      key) and unpad it;
  (b) as the lawyer: verify the grant, unseal the case key, unwrap the record
      key, decrypt the body and the case title; after a downgrade, check the
      revoked grant's key opens nothing current;
  (c) decrypt the attachment blob and check its length, size, padding and hashes;
  (d) derive the mailbox from the codename, open each reply (payload version 1
      or 2) with every reading rule of 8.11: the signed audit entry that wrote
      it, its signature, the record in the mailbox, and its author the
      administrator or a lawyer whose signed grant was valid on its day;
      print the author's name and role;
  (e) verify the audit chain (keyed hashes, signatures over the audit signature
      message, who may take which action) and compare the head.

Where Amanat checks something, this script checks it the same way. In the audit
log it is also stricter than Amanat, in a way every vault Amanat writes passes:
known actions only, each listing the number of ids its action calls for, naming
rows that exist.

Success: the last line is `fixture: N checks passed`, exit 0. Failure: one line
`fixture: FAILED: <what>` on stderr, exit 1. Usage error: exit 2. PyNaCl
missing: exit 3.

Only the standard library and PyNaCl are used.
"""

import base64
import datetime
import hashlib
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import unicodedata

try:
    import nacl.bindings as b
    import nacl.encoding
    import nacl.exceptions
    import nacl.hash
    import nacl.signing
except ImportError:  # pragma: no cover
    print("fixture: FAILED: PyNaCl is not installed (pip install pynacl==1.6.2)", file=sys.stderr)
    sys.exit(3)


class Failure(Exception):
    """A check failed; the message says which."""


# --- Labels and constants (format.md, sections 8.3 and 8.10) ---------------------------------

FORMAT_VERSION = 1
V = bytes([0x00, FORMAT_VERSION])  # zero byte, then the format version, after every label
LABEL_TESTIMONY = b"amanat/v1/testimony"
LABEL_CASE_RECORD = b"amanat/v1/case-record-key"
LABEL_CASE_TITLE = b"amanat/v1/case-title"
LABEL_CASE_TERMS = b"amanat/v1/case-terms"
LABEL_GRANT = b"amanat/v1/grant"
LABEL_REPLY = b"amanat/v1/reply"
LABEL_REPLY_STATEMENT = b"amanat/v1/reply-statement"
LABEL_VAULT_SETTINGS = b"amanat/v1/vault-settings"
LABEL_AUTHOR_NAME = b"amanat/v1/author-name"
LABEL_AUDIT_ENTRY = b"amanat/v1/audit-entry"
LABEL_AUDIT_CHAIN = b"amanat/v1/audit-chain"
LABEL_AUDIT_SIGNATURE = b"amanat/v1/audit-signature"
LABEL_ATTACHMENT_HASH = b"amanat/v1/attachment-hash"
LABEL_PK_CHECKSUM = b"amanat/v1/public-key-checksum"
CTX_MAILBOX = b"AMNTMBOX"
CTX_REPLY = b"AMNTRPLY"
MIGRATIONS_V1 = ["Create vault schema v1"]
# Schema revision 2 (format.md 8.16) adds projections and plans; nothing this reader checks changes.
MIGRATIONS_V2 = MIGRATIONS_V1 + ["Add projections and plans (schema revision 2)"]
# Schema revision 3 (format.md 8.20) adds the settings signature and the authorName table.
MIGRATION_V3 = "Anchor trust outside the vault (schema revision 3)"
MIGRATIONS_V3 = MIGRATIONS_V2 + [MIGRATION_V3]
# Schema revision 4 (format.md 8.21) adds each case's sealed term list.
MIGRATIONS_V4 = MIGRATIONS_V3 + ["Keep each case's term list (schema revision 4)"]
# Schema revision 5 (format.md 8.25) adds each case's signed retention policy.
MIGRATIONS_V5 = MIGRATIONS_V4 + ["Keep each case's retention policy (schema revision 5)"]
MIGRATIONS_KNOWN = [MIGRATIONS_V1, MIGRATIONS_V2, MIGRATIONS_V3, MIGRATIONS_V4, MIGRATIONS_V5]
KINDS = (1, 2)  # 1 = first submission, 2 = follow-up; any other value is damage (format.md 8.6)
ANONYMOUS_ACTIONS = {"submit", "follow-up"}  # the only unsigned entries
GRANTEE_ACTIONS = {"reply", "projection.publish", "case.terms"}  # the only signed actions a grantee may take; all others are the administrator's
# Actions and how many ids each lists (format.md 8.12): (least, most), None = no upper bound.
ACTION_OBJECTS = {"vault.create": (0, 0), "submit": (1, 1), "follow-up": (1, 1), "case.create": (1, 1),
                  "case.assign": (1, None), "grant.issue": (2, None), "grant.revoke": (2, None), "reply": (2, 2),
                  "case.export": (1, 1), "projection.publish": (3, 3), "author.name": (0, 0),
                  "case.terms": (1, 1)}
ATTACHMENT_LIMIT = 4 * 1024 * 1024 * 1024
MAX_CHUNK = 16 * 1024 * 1024
DAY_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


# --- Small helpers ----------------------------------------------------------------------------

def require(condition, what):
    if not condition:
        raise Failure(what)


def u16(n):
    return n.to_bytes(2, "little")


def u32(n):
    return n.to_bytes(4, "little")


def u64(n):
    return n.to_bytes(8, "little")


def blake2b_256(data, key=b""):
    return hashlib.blake2b(data, digest_size=32, key=key).digest()


def day_bytes(text, what):
    """A day as its 10 ASCII bytes (format.md 8.3), checked to be a real date."""
    require(isinstance(text, str) and DAY_RE.match(text) is not None, f"{what} is not a YYYY-MM-DD day: {text!r}")
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        raise Failure(f"{what} is not a real day: {text!r}")
    return text.encode("ascii")


def blob_len(value, n, what):
    require(isinstance(value, bytes) and len(value) == n, f"{what} is not {n} bytes")
    return value


def bucket(size):
    """Padmé bucket with a 256-byte floor (format.md 7.2), in integers."""
    if size <= 256:
        return 256
    e = size.bit_length() - 1
    s = e.bit_length()
    mask = (1 << (e - s)) - 1
    return (size + mask) & ~mask


def bucket_unpad(padded, what):
    """Removes bucket padding: ISO 7816-4 with block size = padded length (format.md 7.1, 8.3)."""
    require(len(padded) > 0, f"{what}: empty padded plaintext")
    require(len(padded) == bucket(len(padded)), f"{what}: padded length {len(padded)} is not a size bucket")
    try:
        data = b.sodium_unpad(padded, len(padded))
    except Exception:
        raise Failure(f"{what}: invalid padding")
    require(len(padded) == bucket(len(data) + 1), f"{what}: padded to the wrong bucket")
    return data


def aead_open(message, ad, key, what):
    """AEAD message = nonce (24) || ciphertext || tag (16) (format.md 3)."""
    require(isinstance(message, bytes) and len(message) >= 40, f"{what}: AEAD message shorter than 40 bytes")
    try:
        return b.crypto_aead_xchacha20poly1305_ietf_decrypt(message[24:], ad, message[:24], key)
    except Exception:
        raise Failure(f"{what}: authentication failed")


def box_open(sealed, pk, sk, what):
    """Sealed box (format.md 2)."""
    require(isinstance(sealed, bytes) and len(sealed) >= 48, f"{what}: sealed box shorter than 48 bytes")
    try:
        return b.crypto_box_seal_open(sealed, pk, sk)
    except Exception:
        raise Failure(f"{what}: sealed box does not open")


def verify_signature(pk, message, signature, what):
    require(isinstance(signature, bytes) and len(signature) == 64, f"{what}: signature is not 64 bytes")
    try:
        nacl.signing.VerifyKey(pk).verify(message, signature)
    except nacl.exceptions.BadSignatureError:
        raise Failure(f"{what}: signature does not verify")


def b64url_decode(text, what):
    """Strict base64url without padding: canonical, no '=' (format.md 8.7)."""
    require(isinstance(text, str) and re.fullmatch(r"[A-Za-z0-9_-]*", text) is not None and len(text) % 4 != 1,
            f"{what}: not base64url without padding")
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    require(base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii") == text, f"{what}: non-canonical base64url")
    return raw


def kdf(master, subkey_id, context):
    """crypto_kdf_derive_from_key with a 32-byte subkey (format.md 8.10)."""
    require(len(master) == 32 and len(context) == 8, "kdf: bad master key or context length")
    salt = subkey_id.to_bytes(8, "little") + bytes(8)
    person = context + bytes(8)
    out = hashlib.blake2b(b"", digest_size=32, key=master, salt=salt, person=person).digest()
    # The same through PyNaCl's BLAKE2b binding (crypto_generichash_blake2b_salt_personal), which
    # is what libsodium's crypto_kdf_blake2b_derive_from_key calls.
    again = nacl.hash.blake2b(b"", digest_size=32, key=master, salt=salt, person=person, encoder=nacl.encoding.RawEncoder)
    require(out == again, "kdf: hashlib and PyNaCl disagree")
    return out


B32 = "abcdefghijklmnopqrstuvwxyz234567"


def public_key_string_decode(text, what):
    """Public key string v1 (format.md 6) -> (x25519_public, ed25519_public)."""
    require(isinstance(text, str), f"{what}: not a string")
    s = "".join(ch for ch in text if ch not in " \t\r\n")
    require(all(ord(ch) < 128 for ch in s), f"{what}: non-ASCII character")
    s = s.lower()
    require(s.startswith("amanat1"), f"{what}: does not start with amanat1")
    body = s[7:]
    require(len(body) == 109 and all(ch in B32 for ch in body), f"{what}: not 109 base32 characters")
    bits = 0
    for ch in body:
        bits = (bits << 5) | B32.index(ch)
    require(bits & 1 == 0, f"{what}: unused bit is not zero")
    raw = (bits >> 1).to_bytes(68, "big")
    payload, checksum = raw[:64], raw[64:]
    require(blake2b_256(payload, LABEL_PK_CHECKSUM)[:4] == checksum, f"{what}: checksum mismatch")
    return payload[:32], payload[32:]


def stream_decrypt(data, key, chunk):
    """Amanat stream v1 (format.md 4). Returns the whole plaintext or raises."""
    require(1 <= chunk <= MAX_CHUNK, f"stream: chunk size {chunk} out of range")
    require(len(data) >= 24, "stream: truncated header")
    state = b.crypto_secretstream_xchacha20poly1305_state()
    b.crypto_secretstream_xchacha20poly1305_init_pull(state, data[:24], key)
    pos, out = 24, []
    frame_size = chunk + 17
    while True:
        frame = data[pos:pos + frame_size]
        pos += len(frame)
        require(len(frame) >= 17, "stream: truncated")
        try:
            message, tag = b.crypto_secretstream_xchacha20poly1305_pull(state, frame, None)
        except Exception:
            raise Failure("stream: a frame failed authentication")
        out.append(message)
        if len(frame) == frame_size:
            require(tag == b.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, "stream: full frame not tagged MESSAGE")
            continue
        require(tag == b.crypto_secretstream_xchacha20poly1305_TAG_FINAL, "stream: short frame not tagged FINAL")
        require(pos == len(data), "stream: trailing data")
        return b"".join(out)


def acceptable_name(name):
    """An author name (format.md 8.20): 1 to 120 bytes of UTF-8 with no character of the general
    categories Cc, Cf, Zl or Zp. (That a writer trims white space at either end is not checked.)"""
    return 1 <= len(name.encode("utf-8")) <= 120 and not any(
        unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name)


def parse_json(data, what):
    """UTF-8 JSON whose objects repeat no member (format.md 8.3, 8.11)."""
    def no_repeats(pairs):
        names = [name for name, _ in pairs]
        if len(names) != len(set(names)):
            raise Failure(f"{what}: a JSON member repeats")
        return dict(pairs)
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=no_repeats)
    except (UnicodeDecodeError, ValueError):
        raise Failure(f"{what}: not UTF-8 JSON")


def members(obj, spec, what):
    """Checks that the listed members exist with the right JSON types (format.md 8.3)."""
    require(isinstance(obj, dict), f"{what}: not a JSON object")
    for name, kind in spec.items():
        require(name in obj, f"{what}: member {name!r} missing")
        value = obj[name]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        require(ok, f"{what}: member {name!r} has the wrong type")
    return obj


def check_body(body, what):
    """Testimony body members (format.md 8.6, 8.7)."""
    members(body, {"statement": str, "people": list, "places": list, "dates": list,
                   "language": str, "contact": str, "attachments": list}, what)
    for person in body["people"]:
        members(person, {"name": str, "role": str}, f"{what}: person")
    for field in ("places", "dates"):
        require(all(isinstance(x, str) for x in body[field]), f"{what}: {field} holds a non-string")
    require(body["language"] in ("ru", "en"), f"{what}: language {body['language']!r}")
    for att in body["attachments"]:
        members(att, {"blob": str, "name": str, "size": int, "hash": str, "key": str, "chunkSize": int},
                f"{what}: attachment")
        require(re.fullmatch(r"[0-9a-f]{32}", att["blob"]) is not None, f"{what}: attachment blob id")
        require(re.fullmatch(r"[0-9a-f]{64}", att["hash"]) is not None, f"{what}: attachment hash")
        require(0 <= att["size"] <= ATTACHMENT_LIMIT, f"{what}: attachment size")
    return body


# --- The reader --------------------------------------------------------------------------------

class Reader:
    def __init__(self, directory):
        self.directory = directory
        self.passed = 0

    def ok(self, text):
        self.passed += 1
        print(f"ok {self.passed:2d}: {text}")

    # Vault and settings (8.4, 8.5, 8.13)

    def open_vault(self, copy):
        self.db = sqlite3.connect(os.path.join(copy, "vault.sqlite"))
        self.blobs = os.path.join(copy, "blobs")
        db = self.db
        require(db.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal", "vault.sqlite is not in WAL mode")
        migrations = [r[0] for r in db.execute("SELECT identifier FROM grdb_migrations ORDER BY rowid")]
        unknown = [m for m in migrations if m not in MIGRATIONS_KNOWN[-1]]
        require(not unknown, f"unsupported vault version: unknown migration(s) {unknown}")
        require(migrations in MIGRATIONS_KNOWN, f"unexpected migrations {migrations}")
        rows = db.execute("SELECT formatVersion, intakeKey, administratorSigningKey, codenameSalt, "
                          "codenameOpsLimit, codenameMemLimit, createdDay FROM vaultInfo").fetchall()
        require(len(rows) == 1, f"vaultInfo has {len(rows)} rows, not 1")
        version, intake, signing, salt, ops, mem, created = rows[0]
        require(version == FORMAT_VERSION, f"unsupported vault version {version}")
        self.intake = blob_len(intake, 32, "vaultInfo.intakeKey")
        self.admin_signing = blob_len(signing, 32, "vaultInfo.administratorSigningKey")
        self.salt = blob_len(salt, 16, "vaultInfo.codenameSalt")
        require(isinstance(ops, int) and 1 <= ops <= 32, "codenameOpsLimit out of range")
        require(isinstance(mem, int) and 8192 <= mem <= 2 ** 31, "codenameMemLimit out of range")
        self.ops, self.mem = ops, mem
        day_bytes(created, "vaultInfo.createdDay")
        self.revision = MIGRATIONS_KNOWN.index(migrations) + 1
        self.ok(f"vault: format version 1, schema revision {self.revision} ({migrations[-1]!r}), "
                f"codename Argon2id {ops} pass(es), {mem} bytes")
        self.check_settings(created)

    def check_settings(self, created):
        """Schema revision 3 (format.md 8.20): the administrator's signature over the 132-byte settings
        statement, checked before anything else is read."""
        if self.revision < 3:
            self.ok(f"settings: schema revision {self.revision} has no settings signature (not signed yet)")
            return
        signature = self.db.execute("SELECT settingsSignature FROM vaultInfo").fetchone()[0]
        if signature is None:
            self.ok("settings: not signed yet (a vault upgraded to revision 3 before its administrator acted)")
            return
        statement = (LABEL_VAULT_SETTINGS + V + self.intake + self.admin_signing + self.salt
                     + u64(self.ops) + u64(self.mem) + day_bytes(created, "vaultInfo.createdDay"))
        require(len(statement) == 132, f"settings statement is {len(statement)} bytes, not 132")
        verify_signature(self.admin_signing, statement, signature, "damaged settings: settingsSignature")
        self.ok("settings: the administrator's signature over the 132-byte settings statement verifies")

    def check_author_names(self):
        """Every authorName row (format.md 8.20): its name follows the rule and the administrator's signature
        over the (99 + n)-byte author name statement verifies. Returns {signingKey: (encryptionKey, name)}."""
        self.author_names = {}
        if self.revision < 3:
            return
        rows = self.db.execute('SELECT signingKey, encryptionKey, name, day, signature FROM authorName '
                               'ORDER BY signingKey').fetchall()
        for spk, epk, name, day, signature in rows:
            what = f"damaged author name {name!r}"
            require(isinstance(name, str) and acceptable_name(name), f"{what}: breaks the rule for names")
            raw = name.encode("utf-8")
            statement = (LABEL_AUTHOR_NAME + V + blob_len(epk, 32, f"{what}: encryptionKey")
                         + blob_len(spk, 32, f"{what}: signingKey") + day_bytes(day, f"{what}: day")
                         + u16(len(raw)) + raw)
            require(len(statement) == 99 + len(raw), f"{what}: statement length")
            verify_signature(self.admin_signing, statement, signature, what)
            self.author_names[spk] = (epk, name)
        self.ok(f"author names: {len(rows)} row(s), each signed by the administrator over its statement: "
                + ", ".join(repr(n) for _, n in self.author_names.values()))

    def load_identities(self, fx):
        admin, lawyer = fx["administrator"], fx["lawyer"]
        self.admin_sk = bytes.fromhex(admin["x25519_secret"])
        self.admin_pk = b.crypto_scalarmult_base(self.admin_sk)
        admin_ed, _ = b.crypto_sign_seed_keypair(bytes.fromhex(admin["ed25519_seed"]))
        require(self.admin_pk == self.intake, "the administrator's X25519 key is not the intake key")
        require(admin_ed == self.admin_signing, "the administrator's Ed25519 key is not the vault's")
        require(public_key_string_decode(admin["public_key"], "administrator public key") == (self.admin_pk, admin_ed),
                "administrator public key string does not match the keys")
        self.lawyer_sk = bytes.fromhex(lawyer["x25519_secret"])
        self.lawyer_pk = b.crypto_scalarmult_base(self.lawyer_sk)
        self.lawyer_ed, _ = b.crypto_sign_seed_keypair(bytes.fromhex(lawyer["ed25519_seed"]))
        require(public_key_string_decode(lawyer["public_key"], "lawyer public key") == (self.lawyer_pk, self.lawyer_ed),
                "lawyer public key string does not match the keys")
        self.ok("identities: administrator keys are the vault's intake and signing keys; public key strings decode")

    # (a) Testimony as the administrator (8.6)

    def testimony_row(self, record_id):
        row = self.db.execute("SELECT id, kind, mailboxID, day, language, sizeBucket, wrappedKey, body "
                              "FROM testimony WHERE id = ?", (record_id,)).fetchone()
        require(row is not None, f"record {record_id.hex()} not found")
        return row

    def testimony_ad(self, row, what):
        """Associated data of a testimony body (format.md 8.6), 114 bytes: label, 0, version, kind,
        record id, the mailbox id from the row and that mailbox's reply key from its own row, then the
        row's language (2 ASCII bytes) and day (10 ASCII bytes)."""
        rid, kind, mailbox_id = row[0], row[1], row[2]
        require(isinstance(kind, int) and kind in KINDS, f"{what}: kind {kind!r} is neither 1 nor 2")
        blob_len(rid, 16, f"{what}: testimony.id")
        blob_len(mailbox_id, 32, f"{what}: testimony.mailboxID")
        mailbox = self.db.execute("SELECT replyKey FROM mailbox WHERE id = ?", (mailbox_id,)).fetchone()
        require(mailbox is not None, f"{what}: its mailbox row is missing")
        reply_key = blob_len(mailbox[0], 32, f"{what}: mailbox.replyKey")
        language, day = row[4], row[3]
        require(isinstance(language, str) and len(language.encode("ascii", "replace")) == 2, f"{what}: language is not 2 letters")
        require(isinstance(day, str) and len(day.encode("ascii", "replace")) == 10, f"{what}: day is not YYYY-MM-DD")
        ad = LABEL_TESTIMONY + V + bytes([kind]) + rid + mailbox_id + reply_key + language.encode("ascii") + day.encode("ascii")
        require(len(ad) == 114, f"{what}: associated data is {len(ad)} bytes, not 114")
        return ad

    def open_body(self, row, record_key, what):
        size_bucket, body = row[5], row[7]
        ad = self.testimony_ad(row, what)
        require(len(record_key) == 32, f"{what}: record key is not 32 bytes")
        padded = aead_open(body, ad, record_key, what)
        require(len(padded) == size_bucket, f"{what}: plaintext is {len(padded)} bytes, sizeBucket says {size_bucket}")
        return check_body(parse_json(bucket_unpad(padded, what), what), what)

    def as_administrator(self, fx):
        self.record_id = bytes.fromhex(fx["record"])
        row = self.testimony_row(self.record_id)
        self.row = row
        sealed = row[6]
        require(len(sealed) == 80, "testimony.wrappedKey is not 80 bytes")
        record_key = box_open(sealed, self.intake, self.admin_sk, "record key (intake key)")
        body = self.open_body(row, record_key, "record (administrator)")
        # The binding works: the same body does not open for another kind, mailbox or reply key.
        ad = self.testimony_ad(row, "record (administrator)")
        for name, other in (("kind", ad[:21] + bytes([3 - row[1]]) + ad[22:]),
                            ("mailbox id", ad[:38] + bytes(32) + ad[70:]),
                            ("reply key", ad[:70] + b.crypto_scalarmult_base(bytes(range(32))) + ad[102:]),
                            ("language", ad[:102] + (b"en" if ad[102:104] == b"ru" else b"ru") + ad[104:]),
                            ("day", ad[:104] + b"1999-01-01")):
            require(len(other) == 114, "self-test: associated data length")
            try:
                aead_open(row[7], other, record_key, "self-test")
            except Failure:
                continue
            raise Failure(f"self-test: the body also opens with another {name} in its associated data")
        require(body["statement"] == fx["statement"], "administrator: statement differs from fixture.json")
        require(body["language"] == row[4], "administrator: body language differs from the row's")
        self.admin_body, self.record_key = body, record_key
        self.ok(f"(a) administrator: record {fx['record']} kind {row[1]}, {row[5]}-byte bucket, "
                f"114-byte associated data binds mailbox {row[2].hex()[:16]}…, its reply key, language and day; statement matches")

    # (b) Grant, case key, record and title as the lawyer (8.8, 8.9)

    def grant_statement(self, g):
        gid, cid, epk, spk, permissions, issued, expires, version, sealed = g[:9]
        return (LABEL_GRANT + V + blob_len(gid, 16, "grant.id") + blob_len(cid, 16, "grant.caseID")
                + blob_len(epk, 32, "grant.granteeEncryptionKey") + blob_len(spk, 32, "grant.granteeSigningKey")
                + bytes([permissions]) + day_bytes(issued, "grant.issuedDay") + day_bytes(expires, "grant.expiresDay")
                + u32(version) + blake2b_256(sealed))

    def grants(self, where="", args=()):
        return self.db.execute(
            'SELECT id, caseID, granteeEncryptionKey, granteeSigningKey, permissions, issuedDay, expiresDay, '
            'keyVersion, sealedCaseKey, signature, revokedDay, supersededBy FROM "grant" ' + where
            + " ORDER BY issuedDay, id", args).fetchall()

    def usable_grant(self, case_id, today):
        """format.md 8.9, 'Using a grant'."""
        reason = "no grant"
        for g in self.grants("WHERE caseID = ? AND granteeSigningKey = ? AND granteeEncryptionKey = ? "
                             "AND supersededBy IS NULL", (case_id, self.lawyer_ed, self.lawyer_pk)):
            name = g[0].hex()
            if g[10] is not None:
                reason = f"grant {name} revoked on {g[10]}"
                continue
            statement = self.grant_statement(g)
            require(len(statement) == 170, f"grant {name}: statement is {len(statement)} bytes, not 170")
            verify_signature(self.admin_signing, statement, g[9], f"grant {name}")
            require(g[4] in (1, 3), f"grant {name}: permissions {g[4]}")
            if today > g[6]:
                reason = f"grant {name} expired on {g[6]}"
                continue
            require(len(g[8]) == 80, f"grant {name}: sealedCaseKey is not 80 bytes")
            case_key = box_open(g[8], self.lawyer_pk, self.lawyer_sk, f"grant {name}: case key")
            require(len(case_key) == 32, f"grant {name}: case key is not 32 bytes")
            return g, case_key
        raise Failure(f"lawyer: no usable grant to the case ({reason})")

    def open_title(self, case_id, key, version, title):
        ad = LABEL_CASE_TITLE + V + case_id + u32(version)
        data = bucket_unpad(aead_open(title, ad, key, "case title"), "case title")
        return members(parse_json(data, "case title"), {"title": str, "notes": str}, "case title")

    def as_lawyer(self, fx):
        case_id = bytes.fromhex(fx["case"])
        today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        g, case_key = self.usable_grant(case_id, today)
        require(g[0].hex() == fx["grant"], "lawyer: the usable grant is not the fixture's grant")
        self.ok(f"(b) grant {g[0].hex()}: administrator's signature over the 170-byte statement verifies; "
                f"permissions {g[4]}, valid until {g[6]}, key version {g[7]}")
        version = g[7]
        require(version == fx.get("grant_key_version", 1), f"lawyer: the grant is for key version {version}, "
                f"fixture.json says {fx.get('grant_key_version', 1)}")
        if "revoked_grant" in fx:
            self.downgraded_grant(fx, case_id, g)
        membership = self.db.execute("SELECT keyVersion, wrappedKey, day FROM caseRecord WHERE caseID = ? AND recordID = ?",
                                     (case_id, self.record_id)).fetchone()
        require(membership is not None, "lawyer: the record is not in the case")
        require(membership[0] == version, "lawyer: caseRecord key version differs from the grant's")
        require(len(membership[1]) == 72, "caseRecord.wrappedKey is not 72 bytes")
        ad = LABEL_CASE_RECORD + V + case_id + self.record_id + u32(version)
        record_key = aead_open(membership[1], ad, case_key, "caseRecord wrapped key")
        require(len(record_key) == 32, "caseRecord: record key is not 32 bytes")
        require(record_key == self.record_key, "lawyer: unwrapped record key differs from the administrator's")
        body = self.open_body(self.row, record_key, "record (lawyer)")
        require(body["statement"] == fx["statement"], "lawyer: statement differs from fixture.json")
        require(body == self.admin_body, "lawyer: body differs from the administrator's")
        self.ok("(b) lawyer: case key unsealed, record key unwrapped from caseRecord, body decrypted; statement matches")

        case = self.db.execute("SELECT keyVersion, title FROM caseFile WHERE id = ?", (case_id,)).fetchone()
        require(case is not None, "case not found")
        require(case[0] == version, "lawyer: the case's key version differs from the grant's")
        title = self.open_title(case_id, case_key, version, case[1])
        require(title["title"] == fx["case_title"], "lawyer: case title differs from fixture.json")
        # The administrator reaches the same case key through caseKey.
        sealed = self.db.execute("SELECT sealedForAdministrator FROM caseKey WHERE caseID = ? AND version = ?",
                                 (case_id, version)).fetchone()
        require(sealed is not None, "caseKey row missing")
        require(box_open(sealed[0], self.intake, self.admin_sk, "caseKey") == case_key,
                "the administrator's case key differs from the grant's")
        self.ok(f"(b) case title {title['title']!r} decrypts under key version {version}; "
                "caseKey row gives the administrator the same key")
        self.case_terms(case_id, case_key, version)

    def case_terms(self, case_id, key, version):
        """Schema revision 4 (format.md 8.21): the case's term list, sealed under the current case key; its
        revision is the number of case.terms audit entries naming the case."""
        if self.revision < 4:
            return
        row = self.db.execute("SELECT revision, keyVersion, sealed FROM caseTerms WHERE caseID = ?",
                              (case_id,)).fetchone()
        written = sum(1 for (objects,) in self.db.execute(
            "SELECT objects FROM auditEntry WHERE action = 'case.terms'") if objects == case_id.hex())
        if row is None:
            require(written == 0, "case terms: the audit log wrote a list that is missing")
            return
        revision, key_version, sealed = row
        require(revision == written, f"case terms: revision {revision}, but {written} case.terms entries")
        require(key_version == version, "case terms: not sealed under the case's current key version")
        ad = LABEL_CASE_TERMS + V + case_id + u32(key_version) + u32(revision)
        data = bucket_unpad(aead_open(sealed, ad, key, "case terms"), "case terms")
        obj = members(parse_json(data, "case terms"), {"format": str, "version": int, "terms": list}, "case terms")
        require(obj["format"] == "amanat-case-terms" and obj["version"] == 1, "case terms: unknown format")
        for term in obj["terms"]:
            members(term, {"kind": str, "text": str}, "case term")
            require(term["kind"] in ("person", "place"), "case term: unknown kind")
        self.ok(f"(b) case term list revision {revision} decrypts: {len(obj['terms'])} term(s)")

    def downgraded_grant(self, fx, case_id, current):
        """format.md 8.9, 'A downgrade rotates the key': the read+publish grant the lawyer held was revoked,
        not superseded, and the case key rotated, so its key version opens none of the case's rows."""
        rows = self.grants("WHERE id = ?", (bytes.fromhex(fx["revoked_grant"]),))
        require(len(rows) == 1, "downgrade: the revoked grant is missing")
        old = rows[0]
        verify_signature(self.admin_signing, self.grant_statement(old), old[9], "downgrade: the revoked grant")
        require(old[1] == case_id and old[3] == self.lawyer_ed and old[2] == self.lawyer_pk,
                "downgrade: the revoked grant is not the lawyer's grant of the case")
        require(old[10] is not None and old[11] is None,
                "downgrade: the earlier grant was not revoked (or was superseded)")
        require(old[4] == 3 and current[4] == 1, "downgrade: permissions are not read+publish, then read")
        require(old[7] + 1 == current[7], "downgrade: the new grant is not for the next key version")
        old_key = box_open(old[8], self.lawyer_pk, self.lawyer_sk, "downgrade: the revoked grant's case key")
        wrapped = self.db.execute("SELECT wrappedKey FROM caseRecord WHERE caseID = ? AND recordID = ?",
                                  (case_id, self.record_id)).fetchone()
        require(wrapped is not None, "downgrade: the record is not in the case")
        ad = LABEL_CASE_RECORD + V + case_id + self.record_id + u32(current[7])
        try:
            aead_open(wrapped[0], ad, old_key, "self-test")
        except Failure:
            self.ok(f"(b) downgrade: grant {old[0].hex()} (read+publish, key version {old[7]}) revoked on {old[10]}; "
                    f"its case key opens no current row")
            return
        raise Failure("downgrade: the revoked grant's case key still opens the record's wrapped key")

    # (c) Attachment (8.7)

    def attachment(self, fx):
        atts = self.admin_body["attachments"]
        require(len(atts) == 1, f"expected 1 attachment, found {len(atts)}")
        att = atts[0]
        expect = fx["attachment"]
        require(att["name"] == expect["name"] and att["size"] == expect["size"], "attachment name or size differs")
        key = b64url_decode(att["key"], "attachment key")
        require(len(key) == 32, "attachment key is not 32 bytes")
        with open(os.path.join(self.blobs, att["blob"]), "rb") as f:
            data = f.read()
        plain = stream_decrypt(data, key, att["chunkSize"])
        size = att["size"]
        # In Amanat's order (format.md 8.7): the length, then the size, the zero padding and the hash.
        require(len(plain) == bucket(size), f"attachment: plaintext is {len(plain)} bytes, not bucket({size})")
        require(len(plain) >= size, "attachment: plaintext shorter than size")
        require(plain[size:] == bytes(len(plain) - size), "attachment: padding is not zero")
        content = plain[:size]
        require(blake2b_256(content, LABEL_ATTACHMENT_HASH).hex() == att["hash"], "attachment: keyed hash differs")
        require(blake2b_256(content).hex() == expect["blake2b_256"], "attachment: unkeyed BLAKE2b-256 differs from fixture.json")
        self.ok(f"(c) attachment blob {att['blob']}: {len(data)}-byte stream, {len(plain)} padded bytes, "
                f"{size} content bytes; keyed hash and fixture BLAKE2b-256 match")

    # (d) Mailbox and reply (8.10, 8.11)

    def mailbox_and_reply(self, fx):
        phrase = fx["codename"]
        words = phrase.split(" ")
        require(len(words) == 8 and all(w and w == w.lower() and w.isalpha() for w in words),
                "codename is not 8 lowercase words joined by single spaces")
        master = b.crypto_pwhash_alg(32, phrase.encode("utf-8"), self.salt, self.ops, self.mem,
                                     b.crypto_pwhash_ALG_ARGON2ID13)
        mailbox_id = kdf(master, 1, CTX_MAILBOX)
        reply_sk = kdf(master, 1, CTX_REPLY)
        reply_pk = b.crypto_scalarmult_base(reply_sk)
        row = self.db.execute("SELECT replyKey FROM mailbox WHERE id = ?", (mailbox_id,)).fetchone()
        require(row is not None, "no mailbox for the codename")
        require(row[0] == reply_pk, "mailbox replyKey differs from the derived reply key")
        require(self.row[2] == mailbox_id, "the record's mailboxID is not the codename's mailbox")
        self.ok(f"(d) codename -> Argon2id -> crypto_kdf: mailbox {mailbox_id.hex()[:16]}… exists, reply key matches")

        expected = fx.get("replies") or [{"text": fx["reply"], "author": "lawyer", "role": "grantee", "name": None}]
        replies = self.db.execute("SELECT id, day, sealed FROM reply WHERE mailboxID = ? ORDER BY day, id",
                                  (mailbox_id,)).fetchall()
        require(len(replies) == len(expected), f"expected {len(expected)} replies, found {len(replies)}")
        # Every reply is checked before any is shown: one damaged reply hides them all (8.11).
        shown = [self.read_reply(rid, day, sealed, mailbox_id, reply_pk, reply_sk) for rid, day, sealed in replies]
        for reply in shown:
            want = [e for e in expected if e["text"] == reply["text"]]
            require(len(want) == 1, f"reply {reply['id']}: text differs from fixture.json")
            want = want[0]
            keys = ((self.lawyer_pk, self.lawyer_ed) if want["author"] == "lawyer"
                    else (self.admin_pk, self.admin_signing))
            require(reply["keys"] == keys, f"reply {reply['id']}: its author is not the fixture's {want['author']}")
            require(reply["role"] == want["role"], f"reply {reply['id']}: role {reply['role']}, not {want['role']}")
            require(reply["name"] == want.get("name"), f"reply {reply['id']}: name {reply['name']!r} differs")
            self.ok(f"(d) reply {reply['id']} (payload version {reply['version']}, {reply['day']}): from "
                    f"{reply['name'] or '(no name)'}, {reply['role']}; written by signed audit entry "
                    f"{reply['entry']}; text matches")

    def read_reply(self, rid, day, sealed, mailbox_id, reply_pk, reply_sk):
        """format.md 8.11, 'Reading replies', steps 1 to 7, and the author's name (8.20)."""
        what = f"damaged reply {rid.hex()}"
        payload = parse_json(bucket_unpad(box_open(sealed, reply_pk, reply_sk, what), what), what)
        members(payload, {"id": str, "mailbox": str, "text": str, "author": str, "signature": str}, what)
        version = payload.get("version", 1)
        expected_version = 2 if "version" in payload else 1
        known = isinstance(version, int) and not isinstance(version, bool) and version == expected_version
        require(known, f"{what}: unknown reply version {payload.get('version')!r}")
        require(payload["id"] == rid.hex(), f"{what}: id differs from the row's")
        require(payload["mailbox"] == mailbox_id.hex(), f"{what}: mailbox differs")
        author_x, author_ed = public_key_string_decode(payload["author"], f"{what}: author")
        signature = b64url_decode(payload["signature"], f"{what}: signature")
        require(len(signature) == 64, f"{what}: signature is not 64 bytes")
        day_raw = day_bytes(day, f"{what}: day")
        # Step 4: the signed audit entry of its author that wrote it names the record answered.
        entry, record = self.writing_entry(rid, author_ed, day, what)
        text_hash = blake2b_256(payload["text"].encode("utf-8"))
        if version == 2:
            members(payload, {"record": str, "day": str}, what)
            require(payload["record"] == record.hex(), f"{what}: record differs from its audit entry's")
            require(payload["day"] == day, f"{what}: day differs from the row's")
            statement = (LABEL_REPLY_STATEMENT + V + rid + mailbox_id + record + author_x + author_ed + day_raw
                         + text_hash)
            require(len(statement) == 197, f"{what}: version 2 statement is not 197 bytes")
        else:
            require("record" not in payload and "day" not in payload, f"{what}: version 1 with record or day")
            statement = LABEL_REPLY + V + rid + mailbox_id + text_hash
            require(len(statement) == 97, f"{what}: version 1 statement is not 97 bytes")
        verify_signature(author_ed, statement, signature, what)
        row = self.db.execute("SELECT mailboxID FROM testimony WHERE id = ?", (record,)).fetchone()
        require(row is not None and row[0] == mailbox_id, f"{what}: it answers a record that is not in this mailbox")
        role = self.author_role(author_x, author_ed, record, day, what)
        name = None
        if author_ed in self.author_names:
            named_x, name = self.author_names[author_ed]
            require(named_x == author_x, f"damaged author name of reply {rid.hex()}: another X25519 key")
        return {"id": rid.hex(), "day": day, "text": payload["text"], "keys": (author_x, author_ed), "role": role,
                "name": name, "version": version, "entry": entry}

    def writing_entry(self, rid, author_ed, day, what):
        """Step 4 of 8.11: the one `reply` entry naming the reply first, by its author, on its day, whose hash
        and signature verify. Returns (its sequence, the record answered)."""
        found = [e for e in self.db.execute("SELECT sequence, day, actor, action, objects, previousHash, entryHash, "
                                            "signature FROM auditEntry WHERE action = 'reply' ORDER BY sequence")
                 if e[4].split(",")[0] == rid.hex()]
        require(len(found) == 1, f"{what}: {len(found)} audit entries wrote it, not exactly one")
        seq, entry_day, actor, _, objects, _, entry_hash, signature = found[0]
        ids = objects.split(",")
        require(len(ids) == 2 and re.fullmatch(r"[0-9a-f]{32}", ids[1]) is not None,
                f"{what}: its audit entry does not name exactly two ids")
        require(actor == author_ed, f"{what}: its audit entry's actor is not its author")
        require(entry_day == day, f"{what}: its audit entry's day differs from the row's")
        require(self.entry_hash(found[0]) == entry_hash, f"{what}: its audit entry was changed")
        require(signature is not None, f"{what}: its audit entry is not signed")
        verify_signature(author_ed, LABEL_AUDIT_SIGNATURE + V + entry_hash, signature, f"{what}: audit entry")
        return seq, bytes.fromhex(ids[1])

    def author_role(self, author_x, author_ed, record, day, what):
        """Step 7 of 8.11: the organisation, or a lawyer with a signed grant, matching both keys, on a case
        holding the record, valid on the reply's day."""
        if author_x == self.intake and author_ed == self.admin_signing:
            return "administrator"
        cases = {r[0] for r in self.db.execute("SELECT caseID FROM caseRecord WHERE recordID = ?", (record,))}
        for g in self.grants("WHERE granteeSigningKey = ? AND granteeEncryptionKey = ?", (author_ed, author_x)):
            try:
                verify_signature(self.admin_signing, self.grant_statement(g), g[9], "grant")
            except Failure:
                continue
            revoked = g[10]
            if revoked is not None:
                day_bytes(revoked, "grant.revokedDay")
            if g[1] in cases and g[5] <= day <= g[6] and (revoked is None or revoked >= day):
                return "grantee"
        raise Failure(f"{what}: its author held no grant on a case with the record on {day}")

    # (e) Audit log (8.12)

    def signed_grantees(self):
        """Signing keys of every grant row (in any state) whose administrator signature verifies (8.12)."""
        keys = set()
        for g in self.grants():
            try:
                verify_signature(self.admin_signing, self.grant_statement(g), g[9], f"grant {g[0].hex()}")
            except Failure:
                continue  # a grant that does not verify makes nobody a grantee
            keys.add(g[3])
        return keys

    def audit_objects(self, i, action, ids):
        """Cross-checks an entry's objects against the rows they name (format.md 8.12). Amanat does not
        do this when it verifies; every log it writes passes."""
        db = self.db
        least, most = ACTION_OBJECTS[action]
        require(len(ids) >= least and (most is None or len(ids) <= most),
                f"audit entry {i}: {action} lists {len(ids)} object(s)")

        def one(sql, args, what):
            row = db.execute(sql, args).fetchone()
            require(row is not None, f"audit entry {i}: {action} names {what} that does not exist")
            return row

        if action in ("submit", "follow-up"):
            kind = one("SELECT kind FROM testimony WHERE id = ?", (ids[0],), "a record")[0]
            require(kind == (1 if action == "submit" else 2), f"audit entry {i}: {action} names a record of kind {kind}")
        elif action == "case.create":
            one("SELECT 1 FROM caseFile WHERE id = ?", (ids[0],), "a case")
        elif action == "case.assign":
            for rid in ids[1:]:
                one("SELECT 1 FROM caseRecord WHERE caseID = ? AND recordID = ?", (ids[0], rid), "a filing")
        elif action == "grant.issue":
            one('SELECT 1 FROM "grant" WHERE id = ? AND caseID = ?', (ids[0], ids[1]), "a grant of the case")
        elif action == "grant.revoke":
            # The revoked grants (one, or all of a grantee's in byte order), the case, then the grants issued
            # to carry the other grantees over (8.9).
            k = next((n for n, x in enumerate(ids) if db.execute("SELECT 1 FROM caseFile WHERE id = ?", (x,))
                      .fetchone() is not None), None)
            require(k is not None and k >= 1, f"audit entry {i}: grant.revoke names no case after its grants")
            require(ids[:k] == sorted(ids[:k]), f"audit entry {i}: grant.revoke's revoked grants not in byte order")
            for gid in ids[:k]:
                one('SELECT 1 FROM "grant" WHERE id = ? AND caseID = ? AND revokedDay IS NOT NULL', (gid, ids[k]),
                    "a revoked grant of the case")
            for gid in ids[k + 1:]:
                one('SELECT 1 FROM "grant" WHERE id = ? AND caseID = ?', (gid, ids[k]), "a renewed grant of the case")
                one('SELECT 1 FROM "grant" WHERE supersededBy = ?', (gid,), "a grant that no grant was replaced by")
        elif action == "projection.publish":
            one("SELECT 1 FROM projection WHERE id = ? AND caseID = ?", (ids[0], ids[1]), "a projection of the case")
            one("SELECT 1 FROM caseRecord WHERE caseID = ? AND recordID = ?", (ids[1], ids[2]), "a filing")
        elif action == "case.terms":
            require(self.revision >= 4, f"audit entry {i}: case.terms in a vault of schema revision {self.revision}")
            one("SELECT 1 FROM caseTerms WHERE caseID = ?", (ids[0],), "a case term list")
        elif action == "author.name":
            require(self.revision >= 3, f"audit entry {i}: author.name in a vault of schema revision {self.revision}")
        elif action == "reply":
            box = one("SELECT mailboxID FROM reply WHERE id = ?", (ids[0],), "a reply")[0]
            record_box = one("SELECT mailboxID FROM testimony WHERE id = ?", (ids[1],), "a record")[0]
            require(box == record_box, f"audit entry {i}: the reply is not in the mailbox of the record it answers")

    @staticmethod
    def entry_hash(entry):
        """BLAKE2b-256 keyed with amanat/v1/audit-chain of an entry's canonical bytes (8.12)."""
        seq, day, actor, action, objects, prev = entry[:6]
        what = f"audit entry {seq}"
        action_b, objects_b = action.encode("utf-8"), objects.encode("utf-8")
        canonical = (LABEL_AUDIT_ENTRY + V + u64(seq) + day_bytes(day, f"{what} day")
                     + (blob_len(actor, 32, f"{what} actor") if actor is not None else bytes(32))
                     + u16(len(action_b)) + action_b + u32(len(objects_b)) + objects_b
                     + blob_len(prev, 32, f"{what} previousHash"))
        require(len(canonical) == 111 + len(action_b) + len(objects_b), f"{what}: canonical length")
        return blake2b_256(canonical, LABEL_AUDIT_CHAIN)

    def audit(self, fx):
        grantees = self.signed_grantees()
        entries = self.db.execute("SELECT sequence, day, actor, action, objects, previousHash, entryHash, signature "
                                  "FROM auditEntry ORDER BY sequence").fetchall()
        previous = bytes(32)
        anonymous = by_grantee = 0
        for i, (seq, day, actor, action, objects, prev, entry_hash, signature) in enumerate(entries, start=1):
            require(seq == i, f"audit entry {i}: missing or out of order")
            require(prev == previous, f"audit entry {i}: does not follow the entry before it")
            require(self.entry_hash((seq, day, actor, action, objects, prev)) == entry_hash,
                    f"audit entry {i}: its content was changed")
            if actor is not None:
                # Every signed action is the administrator's, except a reply, which a grantee may also write.
                allowed = actor == self.admin_signing or (actor in grantees and action in GRANTEE_ACTIONS)
                require(allowed, f"audit entry {i}: names an actor who may not take the action {action!r}")
                require(signature is not None, f"audit entry {i}: signature missing")
                message = LABEL_AUDIT_SIGNATURE + V + entry_hash
                require(len(message) == 59, f"audit entry {i}: signed message is not 59 bytes")
                verify_signature(actor, message, signature, f"audit entry {i}")
                by_grantee += actor != self.admin_signing
            else:
                require(action in ANONYMOUS_ACTIONS and signature is None,
                        f"audit entry {i}: unsigned entry for an action only a signed actor may take")
                anonymous += 1
            # Stricter than Amanat: known actions only, ids as 32 hex digits, naming rows that exist.
            require(action in ACTION_OBJECTS, f"audit entry {i}: unknown action {action!r}")
            require(objects == "" or re.fullmatch(r"[0-9a-f]{32}(,[0-9a-f]{32})*", objects) is not None,
                    f"audit entry {i}: objects are not comma-separated 16-byte hex ids")
            self.audit_objects(i, action, [bytes.fromhex(x) for x in objects.split(",")] if objects else [])
            previous = entry_hash
        head = fx["audit_head"]
        require(len(entries) >= head["count"], "audit: the log is shorter than the remembered head (cut off the end)")
        require(len(entries) == head["count"], f"audit: {len(entries)} entries, fixture.json says {head['count']}")
        require(previous.hex() == head["hash"], "audit: head hash differs from fixture.json")
        self.ok(f"(e) audit: {len(entries)} entries chain (BLAKE2b keyed with amanat/v1/audit-chain) and verify "
                f"({anonymous} anonymous, {by_grantee} by a grantee, the rest by the administrator); "
                f"head {previous.hex()[:16]}… matches fixture.json")

    def run(self):
        with open(os.path.join(self.directory, "fixture.json"), encoding="utf-8") as f:
            fx = json.load(f)
        with tempfile.TemporaryDirectory(prefix="amanat-fixture-") as tmp:
            copy = os.path.join(tmp, "vault")
            shutil.copytree(os.path.join(self.directory, "vault"), copy)
            try:
                self.open_vault(copy)
                self.load_identities(fx)
                self.check_author_names()
                self.as_administrator(fx)
                self.as_lawyer(fx)
                self.attachment(fx)
                self.mailbox_and_reply(fx)
                self.audit(fx)
            finally:
                if hasattr(self, "db"):
                    self.db.close()
        return self.passed


def main(argv):
    if len(argv) != 2 or not os.path.isdir(argv[1]):
        print("usage: open_fixture.py DIR   (DIR holds vault/, fixture.json, administrator.id, lawyer.id)",
              file=sys.stderr)
        return 2
    sys.stdout.reconfigure(encoding="utf-8")  # author names are printed, whatever the locale
    reader = Reader(argv[1])
    try:
        passed = reader.run()
    except Failure as failure:
        print(f"fixture: FAILED: {failure}", file=sys.stderr)
        return 1
    except (OSError, KeyError, ValueError, TypeError, sqlite3.Error) as error:
        print(f"fixture: FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    print(f"fixture: {passed} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
