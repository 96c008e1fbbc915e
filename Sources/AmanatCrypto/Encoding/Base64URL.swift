internal import CSodium

/// Strict, constant-time base64url without padding (RFC 4648 §5), through libsodium
/// (`sodium_bin2base64`/`sodium_base642bin`, variant URLSAFE_NO_PADDING).
public enum Base64URL {
    private static let variant = Int32(sodium_base64_VARIANT_URLSAFE_NO_PADDING)

    /// base64url of `bytes`, without `=` padding.
    public static func encode(_ bytes: some BytesView) -> String {
        Sodium.ready()
        return bytes.withBytes { input in
            let length = sodium_base64_encoded_len(input.count, variant)
            let text = [CChar](unsafeUninitializedCapacity: length) { out, initialized in
                // Returns its output pointer; it aborts rather than return on a too-small capacity.
                Sodium.require(
                    sodium_bin2base64(out.baseAddress!, length, input.u8, input.count, variant) == nil ? -1 : 0,
                    "sodium_bin2base64")
                initialized = length
            }
            return text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
    }

    /// Decodes base64url without padding. Rejects `+`, `/`, `=`, whitespace, and encodings whose
    /// unused trailing bits are not zero (so every byte string has exactly one accepted encoding).
    /// - Throws: `AmanatCryptoError.invalidEncoding`.
    public static func decode(_ text: String, what: String = "the base64url value") throws -> [UInt8] {
        let utf8 = Array(text.utf8)
        if utf8.isEmpty { return [] }
        var out = [UInt8](repeating: 0, count: try capacity(utf8, what: what))
        let written = try utf8.withUnsafeBytes { input in
            try out.withUnsafeMutableBytes { try decode(input, into: $0, what: what) }
        }
        return Array(out[0..<written])
    }

    /// Decodes base64url straight into protected memory, for a key kept as text (an attachment key in
    /// a decrypted testimony), so that no decoded copy is left in ordinary memory.
    /// - Throws: `AmanatCryptoError.invalidEncoding`, as `decode(_:what:)`.
    public static func decodeSecret(_ text: String, what: String = "the base64url value") throws -> SecretBytes {
        let utf8 = Array(text.utf8)
        if utf8.isEmpty { return SecretBytes(count: 0) { _ in } }
        var written = 0
        let full = try SecretBytes(count: try capacity(utf8, what: what)) { out in
            written = try utf8.withUnsafeBytes { try decode($0, into: out, what: what) }
        }
        return written == full.count ? full : full.slice(0..<written)
    }

    private static func capacity(_ utf8: [UInt8], what: String) throws -> Int {
        guard utf8.count % 4 != 1 else {
            throw AmanatCryptoError.invalidEncoding(what: what, reason: "its length is impossible for base64url")
        }
        return utf8.count * 3 / 4
    }

    /// Decodes non-empty `input` into `output`; returns the number of bytes written.
    private static func decode(
        _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, what: String
    ) throws -> Int {
        Sodium.ready()
        var written = 0
        var end: UnsafePointer<CChar>? = nil
        let status = sodium_base642bin(
            output.u8!, output.count, input.baseAddress!.assumingMemoryBound(to: CChar.self), input.count,
            nil, &written, &end, variant)
        let consumed = end.map { UnsafeRawPointer($0) - input.baseAddress! } ?? 0
        // A non-zero status, or input left over, is malformed text: the caller's error, not libsodium's.
        guard status == 0, consumed == input.count else {
            throw AmanatCryptoError.invalidEncoding(
                what: what, reason: "it contains characters outside A-Z, a-z, 0-9, '-' and '_'")
        }
        return written
    }
}
