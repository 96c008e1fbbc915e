import Foundation

/// One spelling-blind Latin form for words in Cyrillic or Latin script, so that Хасанова, Khasanova
/// and Hasanova compare equal.
public enum Folding {
    /// `word` in small letters with ё written е, as the stemmers and the vocabularies take it.
    static func lowerCase(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.lowercased().unicodeScalars { scalars.append(scalar == "ё" ? "е" : scalar) }
        return String(scalars)
    }

    /// The folded form of one word (Docs/format.md §8.17, "The fold"): every code point through the
    /// spec's letter table (`letters`: upper and lower case of Cyrillic and accented Latin, to Latin
    /// letters), ASCII letters lowercased, ASCII digits kept, everything else dropped; then the spelling
    /// variants made equal, in order. No ICU, no Foundation transform: any language reproduces it.
    public static func key(_ word: String) -> String {
        // Everything the table and the ASCII rules write is ASCII, so the work is done on bytes.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if (0x41...0x5A).contains(value) {
                bytes.append(UInt8(value + 0x20))
            } else if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                bytes.append(UInt8(value))
            } else if value < UInt32(packedLetters.count) {
                // Up to four Latin letters, packed low byte first; zero bytes end them.
                var packed = packedLetters[Int(value)]
                while packed != 0 {
                    bytes.append(UInt8(truncatingIfNeeded: packed))
                    packed >>= 8
                }
            }
        }
        // Turkish and Ukrainian spellings write г as h (Hasanov for Гасанов), Arabic-derived ones к as q
        // (Qurbanov), and English ones ж as j (Mejidov for Межидов). Each replaces every occurrence, left to
        // right, without overlaps, before the next. No variant is longer than what it replaces, so each pass
        // rewrites the bytes in place.
        var count = bytes.count
        bytes.withUnsafeMutableBufferPointer { buffer in
            for (variant, canonical) in variantBytes {
                count = replaceAll(variant, with: canonical, in: buffer, count: count)
            }
        }
        bytes.removeLast(bytes.count - count)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `letters` as a flat table by code point (every mapped code point is below U+0500 and maps to at most
    /// four letters), so that folding a word looks nothing up in a dictionary.
    private static let packedLetters: [UInt32] = {
        var table = [UInt32](repeating: 0, count: Int(letters.keys.max()! + 1))
        for (codePoint, latin) in letters {
            precondition(latin.utf8.count <= 4, "a fold table entry has more than four letters")
            table[Int(codePoint)] = latin.utf8.reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }
        return table
    }()

    /// `variants` as static bytes (`FoldTableTests` checks that the two lists agree).
    static let variantBytes: [(StaticString, StaticString)] = [
        ("kh", "h"), ("shch", "sch"), ("ts", "c"), ("ya", "ia"), ("yu", "iu"), ("ye", "e"), ("yo", "e"), ("dzh", "j"),
        ("zh", "j"), ("j", "i"), ("y", "i"), ("q", "k"), ("g", "h"),
    ]

    /// Replaces every non-overlapping occurrence of `variant` in the first `count` bytes, scanning left to
    /// right, in place; returns the new count.
    private static func replaceAll(
        _ variant: StaticString, with canonical: StaticString, in bytes: UnsafeMutableBufferPointer<UInt8>, count: Int
    ) -> Int {
        let pattern = UnsafeBufferPointer(start: variant.utf8Start, count: variant.utf8CodeUnitCount)
        let replacement = UnsafeBufferPointer(start: canonical.utf8Start, count: canonical.utf8CodeUnitCount)
        let first = pattern[0]
        var read = 0
        var write = 0
        while read < count {
            if bytes[read] == first, read + pattern.count <= count,
                (1..<pattern.count).allSatisfy({ bytes[read + $0] == pattern[$0] })
            {
                for byte in replacement {
                    bytes[write] = byte
                    write += 1
                }
                read += pattern.count
            } else {
                bytes[write] = bytes[read]
                write += 1
                read += 1
            }
        }
        return write
    }

    /// The spelling variants made equal, each replacing every occurrence, in this order.
    static let variants: [(String, String)] = [
        ("kh", "h"), ("shch", "sch"), ("ts", "c"), ("ya", "ia"), ("yu", "iu"), ("ye", "e"), ("yo", "e"), ("dzh", "j"),
        ("zh", "j"), ("j", "i"), ("y", "i"), ("q", "k"), ("g", "h"),
    ]
}
