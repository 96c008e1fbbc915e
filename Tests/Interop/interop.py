#!/usr/bin/env python3
"""Independent Python implementation of Amanat's byte formats, for interop tests.

Written from the format descriptions alone (not from the Swift code), on PyNaCl
1.6.2 and the standard library. A Swift test runs it as a subprocess:

    python3 interop.py produce DIR   # write DIR/python.json and the files it names
    python3 interop.py verify DIR    # check DIR/swift.json and the files it names

Covers crypto_box_seal, XChaCha20-Poly1305-IETF messages, Ed25519 signatures,
"Amanat stream v1", the "AMANATID" v1 identity file and the "amanat1" public key
string (README.md beside this file gives the JSON schema). verify ends stdout with
`interop: N checks passed` and exits 0, or prints one line `interop: FAILED: <what>`
to stderr at the first failure and exits 1; usage errors exit 2, and a missing
PyNaCl exits 3 (so a caller can tell "cannot run" from "interop broken").
"""
import base64
import hashlib
import json
import os
import re
import struct
import sys
from pathlib import Path

try:
    import nacl.bindings as nb
    import nacl.exceptions
    import nacl.pwhash.argon2id
    import nacl.public
    import nacl.signing
    from nacl.utils import random
except ImportError:
    print("interop: FAILED: PyNaCl is not installed (pip install pynacl==1.6.2)", file=sys.stderr)
    sys.exit(3)

CHUNK = 65536
HEADERBYTES = nb.crypto_secretstream_xchacha20poly1305_HEADERBYTES  # 24
ABYTES = nb.crypto_secretstream_xchacha20poly1305_ABYTES  # 17
TAG_MESSAGE = nb.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE  # 0
TAG_FINAL = nb.crypto_secretstream_xchacha20poly1305_TAG_FINAL  # 3
NONCE = nb.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES  # 24

ID_MAGIC, ID_SIZE, ID_AD_END = b"AMANATID", 210, 106  # AD = everything before the nonce
ID_VERSION, ID_KDF_ARGON2ID13 = 1, 2
# Docs/format.md section 5: opslimit MUST be 1..32 and memlimit 8 KiB..2 GiB, so that a tampered
# identity file cannot turn key derivation into a denial of service.
MAX_OPSLIMIT, MAX_MEMLIMIT = 32, 1 << 31
# The floor of section 5, step 4 (libsodium's INTERACTIVE). This harness only reads test files made
# with 1 pass and 8 KiB, so, like Amanat's debug builds with AMANAT_TEST_WEAK_KEYS=1, it lowers it.
FLOOR_OPSLIMIT, FLOOR_MEMLIMIT = 2, 64 << 20
ALLOW_WEAK_TEST_PARAMETERS = True
# Section 6, decoding step 7: the five canonical low-order X25519 points (little-endian); every
# non-canonical encoding (value >= 2^255 - 19) is refused as well.
X25519_P = (1 << 255) - 19
X25519_LOW_ORDER = {0, 1, X25519_P - 1,
                    325606250916557431795983626356110631294008115727848805560023387167927233504,
                    39382357235489614581723060781553021112529911719440698176882885853963445705823}
PK_PREFIX, PK_BODY_CHARS = "amanat1", 109  # 68 bytes -> 109 base32 characters
CHECKSUM_KEY, FINGERPRINT_KEY = b"amanat/v1/public-key-checksum", b"amanat/v1/fingerprint"
B32 = "abcdefghijklmnopqrstuvwxyz234567"  # RFC 4648 alphabet, lowercase
CRYPTO_ERRORS = (nacl.exceptions.CryptoError, ValueError, TypeError)


class Failure(Exception):
    """A check failed; the message says what."""


class StreamError(Exception):
    """An Amanat stream was rejected; the message is the reason."""


# ---- public key string and fingerprint -------------------------------------

def b32encode(data):
    """Lowercase RFC 4648 base32 without padding (stdlib; b32decode is our own)."""
    return base64.b32encode(data).decode("ascii").rstrip("=").lower()


def b32decode(text):
    """Strict lowercase base32 decoder: rejects other characters and nonzero unused bits."""
    out, acc, nbits = bytearray(), 0, 0
    for ch in text:
        value = B32.find(ch)
        if value < 0:
            raise Failure(f"public key string: invalid base32 character {ch!r}")
        acc, nbits = (acc << 5) | value, nbits + 5
        if nbits >= 8:
            nbits -= 8
            out.append(acc >> nbits)
        acc &= (1 << nbits) - 1  # keep only the bits not yet emitted
    if nbits >= 5 or acc:
        raise Failure("public key string: non-canonical base32 ending")
    return bytes(out)


def keyed_hash(data, key):
    return hashlib.blake2b(data, digest_size=32, key=key).digest()


def public_key_string(x25519_pk, ed25519_pk):
    keys = x25519_pk + ed25519_pk
    return PK_PREFIX + b32encode(keys + keyed_hash(keys, CHECKSUM_KEY)[:4])


def check_public_keys(x25519_pk, ed25519_pk, what):
    """Section 6, decoding step 7: a canonical, non-low-order X25519 key and a valid Ed25519 point."""
    value = int.from_bytes(x25519_pk, "little")
    if value >= X25519_P or value in X25519_LOW_ORDER:
        raise Failure(f"{what}: invalid X25519 public key (non-canonical or low-order)")
    if not nb.crypto_core_ed25519_is_valid_point(ed25519_pk):
        raise Failure(f"{what}: invalid Ed25519 public key")


def parse_public_key_string(text):
    """Return (x25519_pk, ed25519_pk) from an "amanat1..." string, checking the checksum and keys."""
    if not text.startswith(PK_PREFIX) or len(text) != len(PK_PREFIX) + PK_BODY_CHARS:
        raise Failure(f"public key string: bad prefix or length ({len(text)} characters)")
    payload = b32decode(text[len(PK_PREFIX):])
    if payload[64:] != keyed_hash(payload[:64], CHECKSUM_KEY)[:4]:
        raise Failure("public key string: checksum mismatch")
    check_public_keys(payload[:32], payload[32:64], "public key string")
    return payload[:32], payload[32:64]


def fingerprint(x25519_pk, ed25519_pk):
    text = b32encode(keyed_hash(x25519_pk + ed25519_pk, FINGERPRINT_KEY)[:10]).upper()
    return "-".join(text[i:i + 4] for i in range(0, 16, 4))  # 80 bits = 16 characters


# ---- Amanat stream v1 -------------------------------------------------------

def stream_encrypt(key, plaintext, chunk=CHUNK):
    """Header, full MESSAGE frames of `chunk` bytes, then one FINAL frame of 0..chunk-1 bytes."""
    state = nb.crypto_secretstream_xchacha20poly1305_state()
    out = [nb.crypto_secretstream_xchacha20poly1305_init_push(state, key)]
    full = len(plaintext) - len(plaintext) % chunk
    for pos in range(0, full, chunk):
        out.append(nb.crypto_secretstream_xchacha20poly1305_push(
            state, plaintext[pos:pos + chunk], None, TAG_MESSAGE))
    out.append(nb.crypto_secretstream_xchacha20poly1305_push(state, plaintext[full:], None, TAG_FINAL))
    return b"".join(out)


def stream_decrypt(key, data, chunk=CHUNK):
    """Decode an Amanat stream, enforcing the framing rules; raise StreamError on any violation."""
    if len(data) < HEADERBYTES:
        raise StreamError("truncated (header)")
    state = nb.crypto_secretstream_xchacha20poly1305_state()
    nb.crypto_secretstream_xchacha20poly1305_init_pull(state, data[:HEADERBYTES], key)
    frame_size, pos, out = chunk + ABYTES, HEADERBYTES, []
    while True:
        frame = data[pos:pos + frame_size]
        pos += len(frame)
        if len(frame) < ABYTES:  # includes end of input at a frame boundary
            raise StreamError("truncated")
        try:
            message, tag = nb.crypto_secretstream_xchacha20poly1305_pull(state, frame, None)
        except CRYPTO_ERRORS:
            raise StreamError(f"authentication failed at offset {pos - len(frame)}") from None
        out.append(message)
        if len(frame) == frame_size:
            if tag != TAG_MESSAGE:
                raise StreamError(f"full-size frame has tag {tag}, expected MESSAGE")
            continue
        if tag != TAG_FINAL:
            raise StreamError(f"short frame has tag {tag}, expected FINAL")
        # Defensive only: with fixed-size reads a short frame means the input ended,
        # so bytes appended after FINAL surface above as an authentication failure.
        if pos != len(data):
            raise StreamError("trailing data")
        return b"".join(out)


# ---- AMANATID v1 identity file ----------------------------------------------

def make_identity(passphrase, x25519_sk, ed25519_seed, opslimit=1, memlimit=8192):
    salt, nonce = random(16), random(NONCE)
    header = (ID_MAGIC + struct.pack("<BBQQ", ID_VERSION, ID_KDF_ARGON2ID13, opslimit, memlimit) + salt
              + nb.crypto_scalarmult_base(x25519_sk) + nb.crypto_sign_seed_keypair(ed25519_seed)[0])
    key = nacl.pwhash.argon2id.kdf(32, passphrase.encode("utf-8"), salt, opslimit=opslimit, memlimit=memlimit)
    return header + nonce + nb.crypto_aead_xchacha20poly1305_ietf_encrypt(
        x25519_sk + ed25519_seed, header, nonce, key)


def open_identity(data, passphrase):
    """Return (x25519_pk, ed25519_pk) after decrypting and checking the derived public keys."""
    if len(data) != ID_SIZE or data[:8] != ID_MAGIC:
        raise Failure(f"identity: not an AMANATID file ({len(data)} bytes)")
    version, kdf, opslimit, memlimit = struct.unpack("<BBQQ", data[8:26])
    if version != ID_VERSION or kdf != ID_KDF_ARGON2ID13:
        raise Failure(f"identity: unsupported version {version} or kdf {kdf}")
    if not (1 <= opslimit <= MAX_OPSLIMIT and 8192 <= memlimit <= MAX_MEMLIMIT):
        raise Failure(f"identity: KDF limits out of range (opslimit {opslimit}, memlimit {memlimit})")
    if not ALLOW_WEAK_TEST_PARAMETERS and (opslimit < FLOOR_OPSLIMIT or memlimit < FLOOR_MEMLIMIT):
        raise Failure(f"identity: KDF limits too weak (opslimit {opslimit}, memlimit {memlimit})")
    salt, x25519_pk, ed25519_pk, nonce = data[26:42], data[42:74], data[74:106], data[106:130]
    check_public_keys(x25519_pk, ed25519_pk, "identity")
    try:
        key = nacl.pwhash.argon2id.kdf(32, passphrase.encode("utf-8"), salt,
                                       opslimit=opslimit, memlimit=memlimit)
        secret = nb.crypto_aead_xchacha20poly1305_ietf_decrypt(data[130:], data[:ID_AD_END], nonce, key)
    except CRYPTO_ERRORS:
        raise Failure("identity: file does not open with the passphrase") from None
    if nb.crypto_scalarmult_base(secret[:32]) != x25519_pk:
        raise Failure("identity: X25519 public key does not match the secret key")
    if nb.crypto_sign_seed_keypair(secret[32:])[0] != ed25519_pk:
        raise Failure("identity: Ed25519 public key does not match the seed")
    return x25519_pk, ed25519_pk


# ---- produce ----------------------------------------------------------------

def produce(directory):
    os.makedirs(directory, exist_ok=True)
    box_sk = nacl.public.PrivateKey.generate()
    x_sk, x_pk = bytes(box_sk), bytes(box_sk.public_key)
    box = {"secret_key": x_sk.hex(), "public_key": x_pk.hex(), "cases": [
        {"plaintext": pt.hex(), "sealed": nacl.public.SealedBox(box_sk.public_key).encrypt(pt).hex()}
        for pt in map(random, (0, 1, 32, 1024, 5000))]}
    aead_key = random(32)
    aead = {"key": aead_key.hex(), "cases": []}
    for size in (0, 1, 100, 70000):
        for aad in (b"", random(1 + size % 37)):
            pt, nonce = random(size), random(NONCE)
            message = nonce + nb.crypto_aead_xchacha20poly1305_ietf_encrypt(pt, aad, nonce, aead_key)
            aead["cases"].append({"plaintext": pt.hex(), "aad": aad.hex(), "message": message.hex()})
    seed = random(32)
    signer = nacl.signing.SigningKey(seed)
    ed_pk = bytes(signer.verify_key)
    sign = {"seed": seed.hex(), "public_key": ed_pk.hex(), "cases": [
        {"message": m.hex(), "signature": signer.sign(m).signature.hex()}
        for m in map(random, (0, 1, 64, 1000, 70000))]}
    stream_key = random(32)
    stream = {"key": stream_key.hex(), "chunk_size": CHUNK, "cases": []}
    for i, size in enumerate((0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 5)):
        pt = random(size)
        case = {"plaintext_file": f"stream-{i}.plain", "ciphertext_file": f"stream-{i}.amanat"}
        Path(directory, case["plaintext_file"]).write_bytes(pt)
        Path(directory, case["ciphertext_file"]).write_bytes(stream_encrypt(stream_key, pt))
        stream["cases"].append(case)
    # The identity holds the same keys as "box" and "sign", so all sections describe one person.
    passphrase = "correct horse батарея staple"
    Path(directory, "python.amanatid").write_bytes(make_identity(passphrase, x_sk, seed, opslimit=1, memlimit=8192))
    identity = {"file": "python.amanatid", "passphrase_utf8": passphrase,
                "x25519_public": x_pk.hex(), "ed25519_public": ed_pk.hex(),
                "public_key_string": public_key_string(x_pk, ed_pk), "fingerprint": fingerprint(x_pk, ed_pk)}
    doc = {"box": box, "aead": aead, "sign": sign, "stream": stream, "identity": identity}
    check_document(doc, directory)  # sanity: our own output must pass our own checks
    Path(directory, "python.json").write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")


# ---- verify -----------------------------------------------------------------

def unhex(value, what, length=None):
    if not isinstance(value, str) or not re.fullmatch(r"(?:[0-9a-fA-F]{2})*", value):
        raise Failure(f"{what}: not a hex string")
    data = bytes.fromhex(value)
    if length is not None and len(data) != length:
        raise Failure(f"{what}: expected {length} bytes, got {len(data)}")
    return data


def read(directory, name, what):
    if not isinstance(name, str) or not name or os.path.basename(name) != name:
        raise Failure(f"{what}: bad file name {name!r}")  # plain names inside DIR only
    return Path(directory, name).read_bytes()


def check_document(doc, directory):
    """Check every case of a python.json/swift.json document; return (checks, fingerprint or None)."""
    count = 0

    def ok(condition, what):
        nonlocal count
        if not condition:
            raise Failure(what)
        count += 1

    def cases(name):
        items = doc[name].get("cases")
        if not isinstance(items, list) or not items:
            raise Failure(f"{name}.cases: missing or empty")
        return [(f"{name}.cases[{i}]", case) for i, case in enumerate(items)]

    for name in ("box", "aead", "sign", "stream"):
        if not isinstance(doc.get(name), dict):
            raise Failure(f"{name}: section missing")

    sk = unhex(doc["box"]["secret_key"], "box.secret_key", 32)
    pk = unhex(doc["box"]["public_key"], "box.public_key", 32)
    ok(nb.crypto_scalarmult_base(sk) == pk, "box.public_key does not match box.secret_key")
    for what, case in cases("box"):
        try:
            opened = nb.crypto_box_seal_open(unhex(case["sealed"], what), pk, sk)
        except CRYPTO_ERRORS:
            raise Failure(f"{what}: sealed box does not open") from None
        ok(opened == unhex(case["plaintext"], what), f"{what}: opened to the wrong plaintext")

    key = unhex(doc["aead"]["key"], "aead.key", 32)
    for what, case in cases("aead"):
        message = unhex(case["message"], what)
        try:
            opened = nb.crypto_aead_xchacha20poly1305_ietf_decrypt(
                message[NONCE:], unhex(case["aad"], what), message[:NONCE], key)
        except CRYPTO_ERRORS:
            raise Failure(f"{what}: message does not decrypt ({len(message)} bytes)") from None
        ok(opened == unhex(case["plaintext"], what), f"{what}: decrypted to the wrong plaintext")

    verify_key = nacl.signing.SigningKey(unhex(doc["sign"]["seed"], "sign.seed", 32)).verify_key
    ok(bytes(verify_key) == unhex(doc["sign"]["public_key"], "sign.public_key", 32),
       "sign.public_key does not match sign.seed")
    for what, case in cases("sign"):
        try:
            verify_key.verify(unhex(case["message"], what), unhex(case["signature"], what, 64))
        except nacl.exceptions.BadSignatureError:
            raise Failure(f"{what}: signature does not verify") from None
        ok(True, what)

    key, chunk = unhex(doc["stream"]["key"], "stream.key", 32), doc["stream"]["chunk_size"]
    if not isinstance(chunk, int) or isinstance(chunk, bool) or chunk <= 0:
        raise Failure(f"stream.chunk_size: invalid {chunk!r}")
    for what, case in cases("stream"):
        plaintext = read(directory, case["plaintext_file"], what)
        ciphertext = read(directory, case["ciphertext_file"], what)
        try:
            ok(stream_decrypt(key, ciphertext, chunk) == plaintext, f"{what}: decrypted to the wrong plaintext")
        except StreamError as e:
            raise Failure(f"{what} ({case['ciphertext_file']}): {e}") from None
        # Decoder self-test: dropping the FINAL frame, or appending a byte, must be rejected.
        final_frame = ABYTES + len(plaintext) % chunk
        for mutated, expected, label in ((ciphertext[:-final_frame], "truncated", "dropped final frame"),
                                         (ciphertext + b"\0", "", "appended byte")):
            try:
                stream_decrypt(key, mutated, chunk)
            except StreamError as e:
                ok(expected in str(e), f"{what}: {label} rejected as {str(e)!r}, expected {expected!r}")
            else:
                raise Failure(f"{what}: decoder accepted a stream with {label}")

    identity, print_fp = doc.get("identity"), None
    if identity is not None:
        x_pk, ed_pk = open_identity(read(directory, identity["file"], "identity.file"), identity["passphrase_utf8"])
        ok(x_pk == unhex(identity["x25519_public"], "identity.x25519_public", 32),
           "identity: X25519 public key in the file differs from identity.x25519_public")
        ok(ed_pk == unhex(identity["ed25519_public"], "identity.ed25519_public", 32),
           "identity: Ed25519 public key in the file differs from identity.ed25519_public")
        text = identity["public_key_string"]
        ok(parse_public_key_string(text) == (x_pk, ed_pk), "identity.public_key_string: keys differ from the file's")
        ok(public_key_string(x_pk, ed_pk) == text, "identity.public_key_string: not the canonical encoding")
        print_fp = fingerprint(x_pk, ed_pk)
        if "fingerprint" in identity:  # optional: lets each side check the other's fingerprint
            ok(identity["fingerprint"] == print_fp, f"identity.fingerprint: expected {print_fp}")
    return count, print_fp


def verify(directory):
    doc = json.loads(Path(directory, "swift.json").read_text(encoding="utf-8"))
    if not isinstance(doc, dict):
        raise Failure("swift.json: not a JSON object")
    count, print_fp = check_document(doc, directory)
    if print_fp:
        print(f"interop: identity fingerprint {print_fp}")
    print(f"interop: {count} checks passed")


def main(argv):
    if len(argv) != 3 or argv[1] not in ("produce", "verify"):
        print("usage: interop.py produce|verify DIR", file=sys.stderr)
        return 2
    try:
        (produce if argv[1] == "produce" else verify)(argv[2])
    except Failure as e:
        what = str(e)
    except KeyError as e:
        what = f"malformed JSON: missing field {e}"
    except (OSError, ValueError, TypeError, AttributeError) as e:  # unreadable or malformed input
        what = f"{type(e).__name__}: {e}"
    else:
        return 0
    print("interop: FAILED: " + what.replace("\n", " "), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
