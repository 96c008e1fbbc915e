internal import CSodium

/// XChaCha20-Poly1305-IETF authenticated encryption with associated data
/// (`crypto_aead_xchacha20poly1305_ietf_*`).
///
/// Nonces are 24 random bytes, long enough that random choice never repeats in practice, so no
/// counter has to be kept. Message layout: nonce (24) || ciphertext || tag (16).
public enum XChaCha20Poly1305 {
    /// Nonce length, 24 bytes.
    public static let nonceSize = 24
    /// Authentication tag length, 16 bytes.
    public static let tagSize = 16
    /// Bytes a sealed message adds to its plaintext: nonce plus tag, 40.
    public static let overhead = nonceSize + tagSize

    /// Encrypts and authenticates `plaintext`, binding `associatedData`, under a fresh random nonce.
    /// - Parameters:
    ///   - plaintext: the bytes to protect.
    ///   - key: the secret key.
    ///   - associatedData: public bytes the message is bound to (version, ids); not encrypted.
    /// - Returns: nonce || ciphertext || tag.
    public static func seal(
        _ plaintext: some BytesView, using key: SymmetricKey, associatedData: some BytesView = [UInt8]()
    ) -> [UInt8] {
        seal(plaintext, using: key, nonce: SecureRandom.bytes(nonceSize), associatedData: associatedData)
    }

    /// Encrypts with a caller-chosen nonce. Exists for published test vectors: a nonce must never be
    /// used twice with one key, so real callers use `seal(_:using:associatedData:)`.
    /// - Returns: nonce || ciphertext || tag.
    public static func seal(
        _ plaintext: some BytesView, using key: SymmetricKey, nonce: [UInt8], associatedData: some BytesView = [UInt8]()
    ) -> [UInt8] {
        precondition(nonce.count == nonceSize, "XChaCha20-Poly1305 nonces are 24 bytes")
        Sodium.ready()
        return plaintext.withBytes { message in
            associatedData.withBytes { ad in
                [UInt8](unsafeUninitializedCapacity: message.count + overhead) { out, initialized in
                    for i in 0..<nonceSize { out[i] = nonce[i] }
                    // Fails only for a message longer than libsodium's maximum (about 256 GiB).
                    let code = key.rawRepresentation.withUnsafeBytes { k in
                        crypto_aead_xchacha20poly1305_ietf_encrypt(
                            out.baseAddress! + nonceSize, nil,
                            message.u8, UInt64(message.count),
                            ad.u8, UInt64(ad.count), nil,
                            out.baseAddress!, k.u8!)
                    }
                    Sodium.require(code, "crypto_aead_xchacha20poly1305_ietf_encrypt")
                    initialized = message.count + overhead
                }
            }
        }
    }

    /// Verifies and decrypts a sealed message.
    /// - Parameters:
    ///   - message: nonce || ciphertext || tag, as `seal` produced it.
    ///   - key: the secret key.
    ///   - associatedData: exactly the bytes given when sealing.
    ///   - what: how to name the message in an error (e.g. "testimony 9C1F…").
    /// - Returns: the plaintext, in protected memory. Nothing is returned unless the tag verifies.
    /// - Throws: `AmanatCryptoError.truncated` when shorter than 40 bytes; `.authenticationFailed`
    ///   when the message, nonce, associated data or key is wrong.
    public static func open(
        _ message: some BytesView, using key: SymmetricKey, associatedData: some BytesView = [UInt8](),
        what: String = "the encrypted message"
    ) throws -> SecretBytes {
        Sodium.ready()
        return try message.withBytes { sealed in
            guard sealed.count >= overhead else { throw AmanatCryptoError.truncated(what: what) }
            let plaintextCount = sealed.count - overhead
            return try associatedData.withBytes { ad in
                try SecretBytes(count: plaintextCount) { out in
                    let code = key.rawRepresentation.withUnsafeBytes { k in
                        crypto_aead_xchacha20poly1305_ietf_decrypt(
                            out.u8 ?? scratchByte, nil, nil,
                            sealed.u8! + nonceSize, UInt64(sealed.count - nonceSize),
                            ad.u8, UInt64(ad.count),
                            sealed.u8!, k.u8!)
                    }
                    try Sodium.check(code, or: .authenticationFailed(what: what))
                }
            }
        }
    }
}
