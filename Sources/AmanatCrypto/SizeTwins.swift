internal import CSodium

/// Every size constant AmanatCrypto declares, beside the libsodium function that defines it.
/// Tests assert each pair is equal, so a libsodium change cannot silently break a format.
enum SizeTwins {
    static var all: [(name: String, swift: Int, libsodium: Int)] {
        [
            ("X25519.keySize / crypto_box_publickeybytes", X25519.keySize, crypto_box_publickeybytes()),
            ("X25519.keySize / crypto_box_secretkeybytes", X25519.keySize, crypto_box_secretkeybytes()),
            ("X25519.keySize / crypto_scalarmult_bytes", X25519.keySize, crypto_scalarmult_bytes()),
            ("SealedBox.overhead / crypto_box_sealbytes", SealedBox.overhead, crypto_box_sealbytes()),
            ("Ed25519.keySize / crypto_sign_publickeybytes", Ed25519.keySize, crypto_sign_publickeybytes()),
            ("Ed25519.keySize / crypto_sign_seedbytes", Ed25519.keySize, crypto_sign_seedbytes()),
            ("Ed25519.signatureSize / crypto_sign_bytes", Ed25519.signatureSize, crypto_sign_bytes()),
            (
                "SymmetricKey.size / crypto_aead_xchacha20poly1305_ietf_keybytes", SymmetricKey.size,
                crypto_aead_xchacha20poly1305_ietf_keybytes()
            ),
            (
                "SymmetricKey.size / crypto_secretstream_xchacha20poly1305_keybytes", SymmetricKey.size,
                crypto_secretstream_xchacha20poly1305_keybytes()
            ),
            (
                "XChaCha20Poly1305.nonceSize / npubbytes", XChaCha20Poly1305.nonceSize,
                crypto_aead_xchacha20poly1305_ietf_npubbytes()
            ),
            (
                "XChaCha20Poly1305.tagSize / abytes", XChaCha20Poly1305.tagSize,
                crypto_aead_xchacha20poly1305_ietf_abytes()
            ),
            (
                "SecretStream.headerSize / headerbytes", SecretStream.headerSize,
                crypto_secretstream_xchacha20poly1305_headerbytes()
            ),
            (
                "SecretStream.frameOverhead / abytes", SecretStream.frameOverhead,
                crypto_secretstream_xchacha20poly1305_abytes()
            ),
            ("Argon2id.saltSize / crypto_pwhash_saltbytes", Argon2id.saltSize, crypto_pwhash_saltbytes()),
            (
                "Argon2id.algorithmIdentifier / crypto_pwhash_alg_argon2id13", Int(Argon2id.algorithmIdentifier),
                Int(crypto_pwhash_alg_argon2id13())
            ),
            (
                "Argon2id.moderate.opsLimit / opslimit_moderate", Int(Argon2id.Parameters.moderate.opsLimit),
                crypto_pwhash_opslimit_moderate()
            ),
            (
                "Argon2id.moderate.memLimit / memlimit_moderate", Int(Argon2id.Parameters.moderate.memLimit),
                crypto_pwhash_memlimit_moderate()
            ),
            (
                "Argon2id.interactive.opsLimit / opslimit_interactive", Int(Argon2id.Parameters.interactive.opsLimit),
                crypto_pwhash_opslimit_interactive()
            ),
            (
                "Argon2id.interactive.memLimit / memlimit_interactive", Int(Argon2id.Parameters.interactive.memLimit),
                crypto_pwhash_memlimit_interactive()
            ),
            (
                "Argon2id.sensitive.opsLimit / opslimit_sensitive", Int(Argon2id.Parameters.sensitive.opsLimit),
                crypto_pwhash_opslimit_sensitive()
            ),
            (
                "Argon2id.sensitive.memLimit / memlimit_sensitive", Int(Argon2id.Parameters.sensitive.memLimit),
                crypto_pwhash_memlimit_sensitive()
            ),
            (
                "Argon2id minimum opsLimit / opslimit_min", Int(Argon2id.Parameters.acceptedOpsLimits.lowerBound),
                crypto_pwhash_opslimit_min()
            ),
            (
                "Argon2id minimum memLimit / memlimit_min", Int(Argon2id.Parameters.acceptedMemLimits.lowerBound),
                crypto_pwhash_memlimit_min()
            ),
            ("KeyDerivation.masterKeySize / crypto_kdf_keybytes", KeyDerivation.masterKeySize, crypto_kdf_keybytes()),
            (
                "BLAKE2b min output / crypto_generichash_bytes_min", BLAKE2b.outputLengths.lowerBound,
                crypto_generichash_bytes_min()
            ),
            (
                "BLAKE2b max output / crypto_generichash_bytes_max", BLAKE2b.outputLengths.upperBound,
                crypto_generichash_bytes_max()
            ),
            (
                "BLAKE2b min key / crypto_generichash_keybytes_min", BLAKE2b.keyLengths.lowerBound,
                crypto_generichash_keybytes_min()
            ),
            (
                "BLAKE2b max key / crypto_generichash_keybytes_max", BLAKE2b.keyLengths.upperBound,
                crypto_generichash_keybytes_max()
            ),
        ]
    }
}
