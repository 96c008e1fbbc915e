internal import CSodium

/// Strict, constant-time hexadecimal (`sodium_bin2hex`/`sodium_hex2bin`).
public enum Hex {
    /// Lowercase hex of `bytes`.
    public static func encode(_ bytes: some BytesView) -> String {
        Sodium.ready()
        return bytes.withBytes { input in
            let length = input.count * 2 + 1
            let text = [CChar](unsafeUninitializedCapacity: length) { out, initialized in
                // Returns its output pointer, or NULL when the capacity is too small (it is not).
                Sodium.require(
                    sodium_bin2hex(out.baseAddress!, length, input.u8, input.count) == nil ? -1 : 0, "sodium_bin2hex")
                initialized = length
            }
            return text.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        }
    }

    /// Decodes hex (either case). Nothing else is accepted: no spaces, no `0x`, an even length.
    /// - Throws: `AmanatCryptoError.invalidEncoding`.
    public static func decode(_ text: String, what: String = "the hex value") throws -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard utf8.count % 2 == 0 else {
            throw AmanatCryptoError.invalidEncoding(what: what, reason: "hex needs an even number of digits")
        }
        return try decodeToBuffer(utf8, capacity: utf8.count / 2, what: what)
    }

    /// Decodes hex straight into protected memory (for secret keys given as hex).
    /// - Throws: `AmanatCryptoError.invalidEncoding`.
    public static func decodeSecret(_ text: some BytesView, what: String = "the hex value") throws -> SecretBytes {
        try text.withBytes { utf8 in
            guard utf8.count % 2 == 0 else {
                throw AmanatCryptoError.invalidEncoding(what: what, reason: "hex needs an even number of digits")
            }
            return try SecretBytes(count: utf8.count / 2) { out in
                try decode(utf8, into: out, what: what)
            }
        }
    }

    private static func decodeToBuffer(_ utf8: [UInt8], capacity: Int, what: String) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: capacity)
        try utf8.withUnsafeBytes { input in
            try out.withUnsafeMutableBytes { try decode(input, into: $0, what: what) }
        }
        return out
    }

    private static func decode(
        _ input: UnsafeRawBufferPointer, into out: UnsafeMutableRawBufferPointer, what: String
    ) throws {
        Sodium.ready()
        if input.isEmpty { return }
        var written = 0
        var end: UnsafePointer<CChar>? = nil
        let code = sodium_hex2bin(
            out.u8!, out.count, input.baseAddress!.assumingMemoryBound(to: CChar.self), input.count, nil, &written, &end
        )
        let consumed = end.map { UnsafeRawPointer($0) - input.baseAddress! } ?? 0
        guard code == 0, written == out.count, consumed == input.count else {
            throw AmanatCryptoError.invalidEncoding(what: what, reason: "it contains characters other than 0-9 and a-f")
        }
    }
}
