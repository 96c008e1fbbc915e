internal import CSodium

/// Subkeys derived from one master key with `crypto_kdf` (BLAKE2b): one subkey per purpose (the
/// context) and per number (the subkey id). Knowing a subkey reveals nothing about the master key or
/// the other subkeys.
public enum KeyDerivation {
    /// Master key length, 32 bytes (`crypto_kdf_keybytes()`).
    public static let masterKeySize = 32

    /// An 8-byte purpose label such as `"AMNTMBOX"`. Every purpose gets its own, listed in `Labels`.
    public struct Context: Hashable, Sendable {
        /// The 8 ASCII bytes.
        public let bytes: [UInt8]

        /// Wraps an 8-character ASCII label. A label of another length is a programming error.
        public init(_ label: StaticString) {
            precondition(
                label.utf8CodeUnitCount == 8 && label.isASCII, "crypto_kdf contexts are exactly 8 ASCII characters")
            bytes = Array(UnsafeBufferPointer(start: label.utf8Start, count: 8))
        }
    }

    /// Derives subkey number `id` for `context` (`crypto_kdf_derive_from_key`).
    /// - Parameters:
    ///   - master: a 32-byte master key.
    ///   - id: the subkey number.
    ///   - context: the purpose.
    ///   - length: 16 to 64 bytes.
    /// - Returns: the subkey, in protected memory.
    /// - Throws: `AmanatCryptoError.invalidLength` for a master key that is not 32 bytes or a bad length.
    public static func deriveSubkey(
        from master: SecretBytes, id: UInt64, context: Context, length: Int = 32
    ) throws -> SecretBytes {
        guard master.count == masterKeySize else {
            throw AmanatCryptoError.invalidLength(what: "a master key", expected: masterKeySize, actual: master.count)
        }
        guard (16...64).contains(length) else {
            throw AmanatCryptoError.invalidArgument("subkeys are 16 to 64 bytes long")
        }
        Sodium.ready()
        return SecretBytes(count: length) { out in
            let code = master.withUnsafeBytes { key in
                context.bytes.withUnsafeBytes { ctx in
                    crypto_kdf_derive_from_key(
                        out.u8!, length, id, ctx.baseAddress!.assumingMemoryBound(to: CChar.self), key.u8!)
                }
            }
            Sodium.require(code, "crypto_kdf_derive_from_key")
        }
    }
}
