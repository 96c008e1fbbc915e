#!/usr/bin/env python3
"""Open an Amanat case bundle independently, from Docs/format.md section 8.15.

    python3 Tests/Interop/open_bundle.py BUNDLE RECIPIENT_X25519_SECRET_HEX SIGNER_ED25519_PUBLIC_HEX

BUNDLE is a file written by `amanat export`. RECIPIENT_X25519_SECRET_HEX is the
recipient's X25519 secret key (64 hex digits); SIGNER_ED25519_PUBLIC_HEX is the
Ed25519 public key the bundle must be signed with (64 hex digits), obtained some
other way than from the bundle.

The file is read twice through one open descriptor, as section 8.15 allows:
  pass 1 checks the layout (header, lengths filling the file exactly) and the
         signature, without decrypting anything;
  pass 2 reads it again from the start, hashes every byte while it decrypts the
         manifest and every attachment, and checks the lengths and the
         signature (with the same trusted key) again at the end.
Nothing is printed but the checks' count until both passes have passed; the
attachments' contents are never written anywhere (only their sizes and hashes
are kept).

Output on success: the case title, each record's statement, each attachment's
size and unkeyed BLAKE2b-256, then `bundle: N checks passed` as the last line,
exit 0. On the first failure: one line `bundle: FAILED: <what>` on stderr, exit
1. Usage error: exit 2. PyNaCl missing: exit 3.

Besides what 8.15 requires, it makes every stricter check 8.15 lists as allowed
(blobs exactly the attachments in order, ids and days well formed, kinds 1 or 2,
sizes at most 4 GiB, chunk size 65,536) and refuses duplicate JSON members.
Every bundle Amanat writes passes them.

Only the standard library and PyNaCl are used.
"""

import base64
import datetime
import hashlib
import json
import os
import re
import sys

try:
    import nacl.bindings as b
    import nacl.exceptions
    import nacl.signing
except ImportError:  # pragma: no cover
    print("bundle: FAILED: PyNaCl is not installed (pip install pynacl==1.6.2)", file=sys.stderr)
    sys.exit(3)


class Failure(Exception):
    """A check failed; the message says which."""


# --- Constants (format.md 8.15, 8.7, 7.2, 4) -------------------------------------------------------

MAGIC = b"AMANATCB"
VERSION = 1
LABEL = b"amanat/v1/case-bundle"            # BLAKE2b key of H_front, and prefix of the signed message
LABEL_BLOB = b"amanat/v1/blob-digest"       # BLAKE2b key of each blob's digest D_i
LABEL_ATTACHMENT_HASH = b"amanat/v1/attachment-hash"
HEADER_SIZE = 165                          # 8 + 1 + 32 + 32 + 80 + 8 + 4
SIGNATURE_SIZE = 64
MANIFEST_CHUNK = 65536                     # C of the manifest stream
STREAM_HEADER = 24
FRAME_OVERHEAD = 17
MAX_CHUNK = 16 * 1024 * 1024
MAX_ATTACHMENT = 4 * 1024 ** 3              # 4 GiB, the vault's limit (8.7)
TAG_MESSAGE = b.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
TAG_FINAL = b.crypto_secretstream_xchacha20poly1305_TAG_FINAL
HEX_ID = re.compile(r"[0-9a-f]{32}\Z")
BASE64URL_KEY = re.compile(r"[A-Za-z0-9_-]{43}\Z")
READ_BLOCK = 1 << 16


def bucket(size):
    """Section 7.2: Padmé with a floor of 256, in integers."""
    if size <= 256:
        return 256
    e = size.bit_length() - 1
    s = e.bit_length()
    mask = (1 << (e - s)) - 1
    return (size + mask) & ~mask


def u64(data):
    return int.from_bytes(data, "little")


# --- Reading the file front to back, hashing everything before the signature --------------------

class Scan:
    """One pass over the bundle: bytes before the signature are hashed as they are read.

    `size` is fixed when the pass starts (fstat of the descriptor); the signature is the last
    64 bytes of that size, and nothing may be read past its start except by `signature()`.
    """

    def __init__(self, handle, size):
        self.handle = handle
        self.size = size
        self.offset = 0
        # The hash the bytes read go into: H_front over the header and manifest, then D_i per blob;
        # None while reading a blob's length (lengths enter the signed message directly).
        self.hasher = hashlib.blake2b(digest_size=64, key=LABEL)
        self.front = None
        self.blobs = []  # (length, digest) per blob
        handle.seek(0)

    def end_front(self):
        self.front, self.hasher = self.hasher.digest(), None

    def begin_blob(self, what):
        length = u64(self.read(8, f"the length of {what}"))
        self.hasher = hashlib.blake2b(digest_size=64, key=LABEL_BLOB)
        return length

    def end_blob(self, length):
        self.blobs.append((length, self.hasher.digest()))
        self.hasher = None

    @property
    def body_end(self):
        return self.size - SIGNATURE_SIZE

    @property
    def remaining(self):
        """Bytes left before the signature."""
        return self.body_end - self.offset

    def read(self, count, what):
        """Exactly `count` bytes, all before the signature; else the bundle is damaged."""
        if count > self.remaining:
            raise Failure(f"{what}: needs {count} bytes but only {self.remaining} remain before the signature")
        data = self.handle.read(count)
        if len(data) != count:
            raise Failure(f"{what}: the file ended early (it changed while being read?)")
        if self.hasher is not None:
            self.hasher.update(data)
        self.offset += count
        return data

    def skip(self, count, what):
        if count > self.remaining:
            raise Failure(f"{what}: {count} bytes declared but only {self.remaining} remain before the signature")
        while count:
            n = min(count, READ_BLOCK)
            self.read(n, what)
            count -= n

    def signature(self):
        """At offset S - 64: nothing left over, then the 64-byte signature and the end of the file."""
        if self.remaining != 0:
            raise Failure(f"the lengths do not fill the file: {self.remaining} bytes left before the signature")
        sig = self.handle.read(SIGNATURE_SIZE)
        if len(sig) != SIGNATURE_SIZE:
            raise Failure("the signature is cut short")
        if self.handle.read(1):
            raise Failure("the file grew while it was being read")
        return sig


class Window:
    """`length` bytes of a Scan, for the stream decoder: reading past them reads nothing."""

    def __init__(self, scan, length, what):
        if length > scan.remaining:
            raise Failure(f"{what}: its length {length} runs past the signature ({scan.remaining} bytes remain)")
        self.scan = scan
        self.left = length
        self.what = what

    def read_up_to(self, count):
        n = min(count, self.left)
        self.left -= n
        return self.scan.read(n, self.what) if n else b""


def decrypt_stream(window, key, chunk, sink):
    """Section 4, reading: an Amanat stream filling the window exactly. Chunks go to `sink`."""
    what = window.what
    header = window.read_up_to(STREAM_HEADER)
    if len(header) != STREAM_HEADER:
        raise Failure(f"{what}: the stream is truncated (no 24-byte header)")
    state = b.crypto_secretstream_xchacha20poly1305_state()
    try:
        b.crypto_secretstream_xchacha20poly1305_init_pull(state, header, key)
    except Exception as error:
        raise Failure(f"{what}: the stream header is refused ({error})")
    total = 0
    while True:
        frame = window.read_up_to(chunk + FRAME_OVERHEAD)
        if len(frame) < FRAME_OVERHEAD:
            raise Failure(f"{what}: the stream is truncated (no FINAL frame)")
        try:
            message, tag = b.crypto_secretstream_xchacha20poly1305_pull(state, frame, None)
        except Exception:
            raise Failure(f"{what}: a stream frame does not authenticate (corrupted, or the wrong key)")
        if len(frame) == chunk + FRAME_OVERHEAD:
            if tag != TAG_MESSAGE:
                raise Failure(f"{what}: a full frame is not tagged MESSAGE")
        elif tag != TAG_FINAL:
            raise Failure(f"{what}: the short last frame is not tagged FINAL")
        sink(message)
        total += len(message)
        if tag == TAG_FINAL:
            if window.left != 0:
                raise Failure(f"{what}: {window.left} bytes follow the stream's FINAL frame")
            return total


# --- The header and the layout (8.15, "Verifying", steps 1 to 5) ---------------------------------

def read_header(scan):
    if scan.size < HEADER_SIZE + SIGNATURE_SIZE:
        raise Failure(f"the file is {scan.size} bytes, shorter than the smallest bundle (229)")
    raw = scan.read(HEADER_SIZE, "the header")
    if raw[0:8] != MAGIC:
        raise Failure("not a case bundle (bytes 0..7 are not AMANATCB)")
    if raw[8] != VERSION:
        raise Failure(f"unsupported bundle version {raw[8]}")
    return {
        "raw": raw,
        "signer": raw[9:41],
        "recipient": raw[41:73],
        "sealed": raw[73:153],
        "manifest_length": u64(raw[153:161]),
        "blob_count": int.from_bytes(raw[161:165], "little"),
    }


def check_signature(scan, header, trusted):
    """Steps 6 and 7: the signature over H with the file's signer key, then that key is the trusted one."""
    sig = scan.signature()
    message = LABEL + bytes([0x00, VERSION]) + scan.front
    for length, digest in scan.blobs:
        message += length.to_bytes(8, "little") + digest
    assert len(message) == 87 + 72 * len(scan.blobs)
    try:
        nacl.signing.VerifyKey(header["signer"]).verify(message, sig)
    except Exception:
        raise Failure("the signature does not match the contents")
    if header["signer"] != trusted:
        raise Failure(f"signed by another key ({header['signer'].hex()}) than the one given")


def verify_pass(handle, size, trusted):
    """Pass 1: layout and signature, decrypting nothing. Returns the header and the check count."""
    scan = Scan(handle, size)
    header = read_header(scan)
    scan.skip(header["manifest_length"], "the manifest")
    scan.end_front()
    for i in range(header["blob_count"]):
        length = scan.begin_blob(f"blob {i + 1}")
        scan.skip(length, f"blob {i + 1}")
        scan.end_blob(length)
    check_signature(scan, header, trusted)
    return header


# --- The manifest (8.15, "Manifest") ------------------------------------------------------------

def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise Failure(f"the manifest repeats the member {key!r}")
        seen[key] = value
    return seen


def member(obj, name, kind, where):
    if not isinstance(obj, dict) or name not in obj:
        raise Failure(f"{where}: the member {name!r} is missing")
    value = obj[name]
    ok = type(value) is int if kind is int else isinstance(value, kind)
    if not ok:
        raise Failure(f"{where}: {name!r} is not a {kind.__name__}")
    return value


def valid_day(text):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def attachment_key(text, where):
    """8.7: strict base64url without padding, 32 bytes."""
    if not BASE64URL_KEY.match(text):
        raise Failure(f"{where}: the key is not 43 base64url characters")
    key = base64.urlsafe_b64decode(text + "=")
    if len(key) != 32 or base64.urlsafe_b64encode(key).rstrip(b"=").decode("ascii") != text:
        raise Failure(f"{where}: the key is not canonical base64url of 32 bytes")
    return key


def parse_manifest(data, blob_count):
    """Step 5 of opening, and the stricter checks. Returns the manifest and one attachment per blob."""
    try:
        manifest = json.loads(data.decode("utf-8"), object_pairs_hook=no_duplicates)
    except Failure:
        raise
    except Exception as error:
        raise Failure(f"the manifest is not UTF-8 JSON ({error})")
    if not isinstance(manifest, dict):
        raise Failure("the manifest is not a JSON object")
    where = "manifest"
    for name in ("caseID", "title", "notes", "exportedDay"):
        member(manifest, name, str, where)
    records = member(manifest, "records", list, where)
    blobs = member(manifest, "blobs", list, where)
    if not HEX_ID.match(manifest["caseID"]):
        raise Failure("manifest: caseID is not 32 lowercase hex digits")
    if not valid_day(manifest["exportedDay"]):
        raise Failure("manifest: exportedDay is not a valid day")
    expected_blobs = []
    owners = {}
    for r, record in enumerate(records):
        where = f"record {r + 1}"
        rid = member(record, "id", str, where)
        if not HEX_ID.match(rid):
            raise Failure(f"{where}: id is not 32 lowercase hex digits")
        if not valid_day(member(record, "day", str, where)):
            raise Failure(f"{where}: day is not a valid day")
        if member(record, "kind", int, where) not in (1, 2):
            raise Failure(f"{where}: kind {record['kind']} is not 1 or 2")
        testimony = member(record, "testimony", dict, where)
        where = f"record {rid}"
        member(testimony, "statement", str, where)
        for person in member(testimony, "people", list, where):
            member(person, "name", str, where + " person")
            member(person, "role", str, where + " person")
        for name in ("places", "dates"):
            for item in member(testimony, name, list, where):
                if not isinstance(item, str):
                    raise Failure(f"{where}: an entry of {name!r} is not a string")
        member(testimony, "language", str, where)
        member(testimony, "contact", str, where)
        for a, att in enumerate(member(testimony, "attachments", list, where)):
            awhere = f"{where} attachment {a + 1}"
            blob = member(att, "blob", str, awhere)
            if not HEX_ID.match(blob):
                raise Failure(f"{awhere}: blob is not 32 lowercase hex digits")
            member(att, "name", str, awhere)
            size = member(att, "size", int, awhere)
            if not 0 <= size <= MAX_ATTACHMENT:
                raise Failure(f"{awhere}: size {size} is outside 0..{MAX_ATTACHMENT}")
            if not re.fullmatch(r"[0-9a-f]{64}", member(att, "hash", str, awhere)):
                raise Failure(f"{awhere}: hash is not 64 lowercase hex digits")
            chunk = member(att, "chunkSize", int, awhere)
            if not 1 <= chunk <= MAX_CHUNK:
                raise Failure(f"{awhere}: chunkSize {chunk} is outside 1..{MAX_CHUNK}")
            if chunk != 65536:
                raise Failure(f"{awhere}: chunkSize {chunk} is not 65,536")
            key = attachment_key(member(att, "key", str, awhere), awhere)
            if blob in owners:
                raise Failure(f"{awhere}: blob {blob} belongs to two attachments")
            owners[blob] = (rid, att, key)
            expected_blobs.append(blob)
    if len(blobs) != blob_count:
        raise Failure(f"the manifest lists {len(blobs)} blobs, the header {blob_count}")
    for i, blob in enumerate(blobs):
        if not isinstance(blob, str) or blob not in owners:
            raise Failure(f"blob {i + 1} ({blob!r}) is no attachment's blob")
    if blobs != expected_blobs:
        raise Failure("the blobs are not the attachments in record and attachment order")
    return manifest, [owners[blob] for blob in blobs]


# --- Pass 2: decrypt while hashing again (8.15, "Opening") --------------------------------------

def open_pass(handle, size, first_header, sk, trusted):
    scan = Scan(handle, size)
    header = read_header(scan)
    if header["raw"] != first_header["raw"]:
        raise Failure("the header changed between the two passes")
    checks = 0

    # Step 2: addressed to this secret key.
    if header["recipient"] != b.crypto_scalarmult_base(sk):
        raise Failure("the bundle was made for another X25519 key")
    checks += 1

    # Step 3: the bundle key.
    try:
        bundle_key = b.crypto_box_seal_open(header["sealed"], header["recipient"], sk)
    except Exception:
        raise Failure("the sealed bundle key does not open")
    if len(bundle_key) != 32:
        raise Failure(f"the bundle key is {len(bundle_key)} bytes, not 32")
    checks += 1

    # Step 4: the manifest stream fills its M bytes exactly.
    parts = []
    decrypt_stream(Window(scan, header["manifest_length"], "the manifest"), bundle_key, MANIFEST_CHUNK, parts.append)
    scan.end_front()
    checks += 1

    # Step 5.
    manifest, owners = parse_manifest(b"".join(parts), header["blob_count"])
    checks += 1

    # Step 6: every blob, with the checks of 8.7 in Amanat's order.
    results = {}
    for i, (rid, att, key) in enumerate(owners):
        what = f"blob {i + 1} ({att['blob']})"
        length = scan.begin_blob(what)
        size_, state = att["size"], {"n": 0, "dirty": False}
        keyed = hashlib.blake2b(digest_size=32, key=LABEL_ATTACHMENT_HASH)
        plain = hashlib.blake2b(digest_size=32)

        def sink(chunk, size_=size_, state=state, keyed=keyed, plain=plain):
            keep = max(0, min(len(chunk), size_ - state["n"]))
            if keep:
                keyed.update(chunk[:keep])
                plain.update(chunk[:keep])
            if any(chunk[keep:]):
                state["dirty"] = True
            state["n"] += len(chunk)

        total = decrypt_stream(Window(scan, length, what), key, att["chunkSize"], sink)
        scan.end_blob(length)
        if "blobDigest" in att and att["blobDigest"] != scan.blobs[-1][1].hex():
            raise Failure(f"{what}: its bytes do not match the blobDigest the vault recorded")
        if total != bucket(size_):
            raise Failure(f"{what}: the plaintext is {total} bytes, not bucket({size_}) = {bucket(size_)}")
        if state["dirty"]:
            raise Failure(f"{what}: the padding after the content is not all zero")
        if keyed.hexdigest() != att["hash"]:
            raise Failure(f"{what}: the keyed content hash does not match the manifest")
        results[att["blob"]] = (size_, plain.hexdigest())
        checks += 4

    # The signature again, over exactly the bytes decrypted here, with the trusted key.
    check_signature(scan, header, trusted)
    checks += 2
    return manifest, results, checks


def main(argv):
    if len(argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    path, sk_hex, signer_hex = argv[1:]
    try:
        sk, trusted = bytes.fromhex(sk_hex), bytes.fromhex(signer_hex)
    except ValueError:
        print("bundle: usage: the keys must be hex", file=sys.stderr)
        return 2
    if len(sk) != 32 or len(trusted) != 32:
        print("bundle: usage: both keys must be 32 bytes (64 hex digits)", file=sys.stderr)
        return 2
    try:
        try:
            handle = open(path, "rb")
        except OSError as error:
            raise Failure(f"cannot open {path}: {error.strerror}")
        with handle:
            size = os.fstat(handle.fileno()).st_size
            header = verify_pass(handle, size, trusted)
            checks = 6  # size, magic, version, lengths fill the file, signature, trusted signer
            manifest, results, more = open_pass(handle, size, header, sk, trusted)
            checks += more
    except Failure as failure:
        print(f"bundle: FAILED: {failure}", file=sys.stderr)
        return 1

    # Everything verified: only now is anything shown.
    print(f"case {manifest['caseID']}: {manifest['title']} (exported {manifest['exportedDay']})")
    for record in manifest["records"]:
        testimony = record["testimony"]
        print(f"record {record['id']} ({record['day']}, kind {record['kind']}): {testimony['statement']}")
        for att in testimony["attachments"]:
            size_, digest = results[att["blob"]]
            print(f"  attachment {att['name']!r}: {size_} bytes, blake2b-256 {digest}")
    print(f"bundle: {checks} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
