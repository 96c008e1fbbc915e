// AmanatCrypto: the only module of Amanat that touches libsodium.
//
// What it does: typed, small wrappers over vetted libsodium constructions (sealed boxes, Ed25519,
// XChaCha20-Poly1305, secretstream, Argon2id, crypto_kdf, BLAKE2b, padding) plus two Amanat formats
// that need nothing but these primitives: identity files and public key strings (Docs/format.md).
//
// How keys are handled: every secret (private keys, symmetric keys, passphrases, decrypted plaintext)
// lives in `SecretBytes`, memory from `sodium_malloc` (guard pages, locked, wiped when released).
// Public material (public keys, ciphertext, signatures, nonces, salts) is plain `[UInt8]`.
//
// Compatibility: every format this module writes carries a version and is pinned by fixed vectors
// under Tests/. Unknown versions are refused; a new version never reinterprets old bytes.
//
// The module has no domain words: testimony, cases and grants belong to AmanatVault.
