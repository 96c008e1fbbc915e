/// A 32-byte secret key for XChaCha20-Poly1305 messages and secretstream streams.
/// Generate a fresh one per record, attachment or case key version; never derive two uses from one key.
public final class SymmetricKey: Sendable {
    /// Key length, 32 bytes (`crypto_aead_xchacha20poly1305_ietf_keybytes()`,
    /// `crypto_secretstream_xchacha20poly1305_keybytes()`).
    public static let size = 32

    /// The secret bytes.
    public let rawRepresentation: SecretBytes

    /// A fresh random key, generated in protected memory.
    public init() {
        rawRepresentation = SecretBytes(randomCount: SymmetricKey.size)
    }

    /// Wraps existing key bytes (for example a key just opened from a sealed box).
    /// - Throws: `AmanatCryptoError.invalidLength` when `rawRepresentation` is not 32 bytes.
    public init(rawRepresentation: SecretBytes) throws {
        guard rawRepresentation.count == SymmetricKey.size else {
            throw AmanatCryptoError.invalidLength(
                what: "a symmetric key", expected: SymmetricKey.size, actual: rawRepresentation.count)
        }
        self.rawRepresentation = rawRepresentation
    }
}

extension SymmetricKey: Equatable {
    /// Constant-time comparison of the key bytes.
    public static func == (lhs: SymmetricKey, rhs: SymmetricKey) -> Bool {
        lhs.rawRepresentation == rhs.rawRepresentation
    }
}
