@testable import AmanatRedaction
import Foundation
import Testing

/// The fold is the spec's table (Docs/format.md §8.17), and gives the same folded form as the ICU-based
/// fold it replaced on every word of the corpus and of both common vocabularies, so no label changed.
@Suite("The fold is the spec's table")
struct FoldTableTests {
    /// The fold before the table: Foundation's ICU transforms (kept here only to compare).
    static func icuKey(_ word: String) -> String {
        var text = word.lowercased().replacingOccurrences(of: "ё", with: "е")
        text.removeAll { $0 == "ь" || $0 == "ъ" || $0 == "'" || $0 == "’" || $0 == "ʼ" || $0 == "-" || $0 == "‐" }
        if text.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) {
            text = text.applyingTransform(.toLatin, reverse: false) ?? text
        }
        for (mark, digraph) in [
            ("š", "sh"), ("č", "ch"), ("ž", "zh"), ("ŝ", "shch"), ("û", "iu"), ("â", "ia"), ("ʹ", ""),
            ("ʺ", ""), ("ş", "sh"), ("ç", "ch"), ("ı", "i"), ("ğ", "g"),
        ] {
            text = text.replacingOccurrences(of: mark, with: digraph)
        }
        text = text.applyingTransform(.stripDiacritics, reverse: false) ?? text
        for (variant, canonical) in Folding.variants { text = text.replacingOccurrences(of: variant, with: canonical) }
        return text.filter { $0.isLetter || $0.isNumber }
    }

    @Test("the variants the fold applies are the documented list, in its order")
    func variantBytes() {
        #expect(Folding.variantBytes.map { "\($0.0)>\($0.1)" } == Folding.variants.map { "\($0.0)>\($0.1)" })
    }

    static var corpusWords: Set<String> {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var words = Set<String>()
        for file in files where file.hasSuffix(".json") {
            let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            for word in text.split(whereSeparator: { !($0.isLetter || $0 == "'" || $0 == "’" || $0 == "-") }) {
                words.insert(String(word))
            }
        }
        return words
    }

    @Test("the table fold equals the ICU fold on the corpus and both vocabularies")
    func sameAsICU() {
        let words = Self.corpusWords.union(CommonVocabulary.russian.lines.map(String.init))
            .union(CommonVocabulary.english.lines.map(String.init))
        #expect(words.count > 50_000)
        var differing: [String] = []
        for word in words where Folding.key(word) != Self.icuKey(word) { differing.append(word) }
        #expect(differing.isEmpty, "\(differing.count) words fold differently: \(differing.prefix(20))")
    }

    @Test(
        "the spec's examples, and what the table drops or makes equal",
        arguments: [
            ("Тимур", "timur"), ("Арсанов", "arsanov"), ("Карабулак", "karabulak"), ("Хасанова", "hasanova"),
            ("Khasanova", "hasanova"), ("Şamil", "shamil"), ("Шамиль", "shamil"), ("Əliyev", "aliev"),
            ("Алиев", "aliev"),
            ("Урус-Мартан", "urusmartan"), ("O’Brien", "obrien"), ("Łukasz", "ukasz"), ("١٢٣", ""),
        ])
    func examples(_ word: String, _ folded: String) {
        #expect(Folding.key(word) == folded)
    }
}
