import Testing

@testable import AmanatRedaction

@Suite("Word lists searched in place")
struct SortedLinesTests {
    @Test(
        "the generated vocabularies are sorted by bytes, unique and without empty lines",
        arguments: ["ru", "en", "names"])
    func sorted(language: String) {
        let list =
            ["ru": CommonVocabulary.russian, "en": CommonVocabulary.english][language] ?? CommonVocabulary.nameWords
        let lines = list.lines
        #expect(lines.count > (language == "names" ? 1_000 : 20_000))
        var unordered = 0
        for (earlier, later) in zip(lines, lines.dropFirst())
        where !Array(earlier.utf8).lexicographicallyPrecedes(Array(later.utf8)) {
            unordered += 1
        }
        #expect(unordered == 0 && !lines.contains(""))
    }

    @Test("every line is found, and nothing else: the same answers as a set, on the lists and near them")
    func sameAsSet() {
        for list in [CommonVocabulary.russian, CommonVocabulary.english, CommonVocabulary.nameWords] {
            let lines = list.lines
            let set = Set(lines.map(String.init))
            var wrong: [String] = []
            var generator = SystemRandomNumberGenerator()
            for line in lines where !list.contains(line) { wrong.append(String(line)) }
            // Near misses: every line cut short, lengthened, and with a letter changed, for a sample.
            for _ in 0..<5_000 {
                let line = String(lines.randomElement(using: &generator)!)
                for probe in [
                    String(line.dropLast()), line + "а", line + "s", String(line.dropFirst()), "", "я" + line,
                ]
                where list.contains(probe) != set.contains(probe) {
                    wrong.append(probe)
                }
            }
            #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        }
    }

    @Test("a small list: first, last, absent before, between and after")
    func small() {
        let sorted = SortedLines("альфа\nбета\nгамма\nомега")
        #expect(["альфа", "бета", "гамма", "омега"].allSatisfy { sorted.contains($0) })
        #expect(!["", "а", "альф", "альфаа", "в", "я", "омегаа"].contains { sorted.contains($0) })
    }
}
