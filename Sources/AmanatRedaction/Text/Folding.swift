import Foundation

/// One spelling-blind Latin form for words in Cyrillic or Latin script, so that Хасанова, Khasanova
/// and Hasanova compare equal.
public enum Folding {
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
            } else if let latin = letters[value] {
                bytes += latin.utf8
            }
        }
        // Turkish and Ukrainian spellings write г as h (Hasanov for Гасанов), Arabic-derived ones к as q
        // (Qurbanov), and English ones ж as j (Mejidov for Межидов). Each replaces every occurrence, left to
        // right, without overlaps, before the next.
        for (variant, canonical) in variantBytes { replaceAll(variant, with: canonical, in: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let variantBytes: [([UInt8], [UInt8])] = variants.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// Replaces every non-overlapping occurrence of `variant`, scanning left to right.
    private static func replaceAll(_ variant: [UInt8], with canonical: [UInt8], in bytes: inout [UInt8]) {
        guard bytes.count >= variant.count, let first = variant.first else { return }
        var index = 0
        var found = false
        var output: [UInt8] = []
        while index < bytes.count {
            if bytes[index] == first, index + variant.count <= bytes.count,
                bytes[index..<(index + variant.count)].elementsEqual(variant)
            {
                if !found {
                    found = true
                    output.reserveCapacity(bytes.count)
                    output += bytes[0..<index]
                }
                output += canonical
                index += variant.count
            } else {
                if found { output.append(bytes[index]) }
                index += 1
            }
        }
        if found { bytes = output }
    }

    /// The spelling variants made equal, each replacing every occurrence, in this order.
    static let variants: [(String, String)] = [
        ("kh", "h"), ("shch", "sch"), ("ts", "c"), ("ya", "ia"), ("yu", "iu"), ("ye", "e"), ("yo", "e"), ("dzh", "j"),
        ("zh", "j"), ("j", "i"), ("y", "i"), ("q", "k"), ("g", "h"),
    ]
}
