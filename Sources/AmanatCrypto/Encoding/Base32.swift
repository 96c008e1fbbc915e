/// RFC 4648 base32 without padding, used for public key strings and fingerprints: one case, no
/// punctuation, no easily confused digits (0, 1, 8, 9), so it survives email, phone calls and
/// double-click selection.
public enum Base32 {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    /// Lowercase (default) or uppercase base32 of `bytes`, unpadded; unused trailing bits are zero.
    public static func encode(_ bytes: some BytesView, uppercase: Bool = false) -> String {
        bytes.withBytes { input in
            var out: [UInt8] = []
            out.reserveCapacity((input.count * 8 + 4) / 5)
            var buffer: UInt32 = 0
            var bits = 0
            for byte in input {
                buffer = (buffer << 8) | UInt32(byte)
                bits += 8
                while bits >= 5 {
                    bits -= 5
                    out.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
                }
            }
            if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
            let text = String(decoding: out, as: UTF8.self)
            return uppercase ? text.uppercased() : text
        }
    }

    /// Decodes unpadded base32 in either case. Rejects any other character, impossible lengths and
    /// non-zero unused trailing bits.
    /// - Throws: `AmanatCryptoError.invalidEncoding`.
    public static func decode(_ text: String, what: String = "the base32 value") throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 5 / 8)
        var buffer: UInt32 = 0
        var bits = 0
        for character in text.utf8 {
            let value: UInt8
            switch character {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = character - UInt8(ascii: "a")
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = character - UInt8(ascii: "A")
            case UInt8(ascii: "2")...UInt8(ascii: "7"): value = character - UInt8(ascii: "2") + 26
            default:
                throw AmanatCryptoError.invalidEncoding(
                    what: what, reason: "it contains a character other than a-z and 2-7")
            }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        // Valid unpadded lengths leave 0, 2, 4, 1 or 3 spare bits, all zero.
        guard bits < 5, buffer & ((1 << UInt32(bits)) - 1) == 0 else {
            throw AmanatCryptoError.invalidEncoding(
                what: what, reason: "it is cut short or has a typo in its last character")
        }
        return out
    }
}
