import Foundation

/// One spelling-blind Latin form for words in Cyrillic or Latin script, so that Хасанова, Khasanova
/// and Hasanova compare equal.
public enum Folding {
    /// The folded form of one word: lower case, transliterated to Latin, without diacritics, with
    /// the common transliteration variants made equal.
    public static func key(_ word: String) -> String {
        var text = word.lowercased().replacingOccurrences(of: "ё", with: "е")
        text.removeAll { $0 == "ь" || $0 == "ъ" || $0 == "'" || $0 == "’" || $0 == "ʼ" || $0 == "-" || $0 == "‐" }
        if text.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
            text = text.applyingTransform(.toLatin, reverse: false) ?? text
        }
        // Carons and similar marks name digraphs in transliteration (š = sh); keep that before stripping.
        // ICU's Russian-to-Latin writes ю as û and я as â; BGN writes yu and ya.
        // Turkish spellings of Caucasian names (Şamil) use cedillas for the same sounds.
        for (mark, digraph) in [("š", "sh"), ("č", "ch"), ("ž", "zh"), ("ŝ", "shch"), ("û", "iu"), ("â", "ia"), ("ʹ", ""), ("ʺ", ""),
                                ("ş", "sh"), ("ç", "ch"), ("ı", "i"), ("ğ", "g")] {
            text = text.replacingOccurrences(of: mark, with: digraph)
        }
        text = text.applyingTransform(.stripDiacritics, reverse: false) ?? text
        // Turkish and Ukrainian spellings write г as h (Hasanov for Гасанов), Arabic-derived ones к as q
        // (Qurbanov), and English ones ж as j (Mejidov for Межидов).
        for (variant, canonical) in [("kh", "h"), ("shch", "sch"), ("ts", "c"), ("ya", "ia"), ("yu", "iu"), ("ye", "e"),
                                     ("yo", "e"), ("dzh", "j"), ("zh", "j"), ("j", "i"), ("y", "i"), ("q", "k"), ("g", "h")] {
            text = text.replacingOccurrences(of: variant, with: canonical)
        }
        return text.filter { $0.isLetter || $0.isNumber }
    }
}
