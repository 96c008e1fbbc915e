import Foundation

/// One spelling-blind Latin form for words in Cyrillic or Latin script, so that Хасанова, Khasanova
/// and Hasanova compare equal.
public enum Folding {
    /// The folded form of one word (Docs/format.md §8.17, "The fold"): every code point through the
    /// spec's letter table (`letters`: upper and lower case of Cyrillic and accented Latin, to Latin
    /// letters), ASCII letters lowercased, ASCII digits kept, everything else dropped; then the spelling
    /// variants made equal, in order. No ICU, no Foundation transform: any language reproduces it.
    public static func key(_ word: String) -> String {
        var text = ""
        text.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if (0x41...0x5A).contains(value) {
                text.unicodeScalars.append(Unicode.Scalar(value + 0x20)!)
            } else if (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) {
                text.unicodeScalars.append(scalar)
            } else if let latin = letters[value] {
                text += latin
            }
        }
        // Turkish and Ukrainian spellings write г as h (Hasanov for Гасанов), Arabic-derived ones к as q
        // (Qurbanov), and English ones ж as j (Mejidov for Межидов).
        for (variant, canonical) in variants where text.contains(variant) {
            text = text.replacingOccurrences(of: variant, with: canonical)
        }
        return text
    }

    /// The spelling variants made equal, each replacing every occurrence, in this order.
    static let variants: [(String, String)] = [
        ("kh", "h"), ("shch", "sch"), ("ts", "c"), ("ya", "ia"), ("yu", "iu"), ("ye", "e"), ("yo", "e"), ("dzh", "j"),
        ("zh", "j"), ("j", "i"), ("y", "i"), ("q", "k"), ("g", "h"),
    ]
}
