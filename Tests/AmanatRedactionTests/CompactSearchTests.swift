import AmanatTestSupport
@testable import AmanatRedaction
import Foundation
import Testing

@Suite("Searching only around digits and @ finds what a search of the whole text finds")
struct CompactSearchTests {
    /// Every corpus text, whole and cut at random places and glued together again.
    static func texts() throws -> [String] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
            .sorted()
        let texts = try files.map { name -> String in
            let object =
                try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name)))
                as? [String: Any]
            return try #require(object?["text"] as? String)
        }
        var generator = SeededRandom(seed: 2026)
        var mixed: [String] = []
        for _ in 0..<60 {
            let a = Array(texts.randomElement(using: &generator)!), b = Array(texts.randomElement(using: &generator)!)
            let cut = Int.random(in: 0...a.count, using: &generator),
                from = Int.random(in: 0...b.count, using: &generator)
            mixed.append(
                String(a[..<cut]) + ["", " ", "\n", "@", "1", "-"].randomElement(using: &generator)!
                    + String(b[from...]))
        }
        return texts + mixed + [texts.joined(separator: "\n")]
    }

    @Test("identifiers, phones and review candidates: the same spans either way, on the corpus and on spliced texts")
    func same() throws {
        let identifiers = IdentifierDetector(), phones = PhoneDetector(), candidates = CandidateDetector()
        // Street words in every letter case, for the rules that search only texts holding one.
        let streets = [
            "UL. LENINA 5, KV. 3", "Pr. Kirova 3-17", "PROSPEKT Mira 2", "pereulok Sadovyj 4", "Sh. Kavkazskoe 1",
            "ул. Мира 8", "Переулок Садовый 4", "Проспект Победы 21, кв. 8",
            "бул. Дружбы 3", "улица Шерипова",
            "14 MARCH 2016", "the 9th of may 2016", "Sept. 3, 2015", "03.IV.2015", "21.XI.13",
            "ЗАГРАНПАСПОРТ 72 № 0012345", "Паспорт 83 09 N 551203",
            "серия 8309 НОМЕР 551203", "Марта 2016 года",
            "в МАЕ 2016", "Весной 2015 года", "Дом 4 по Ленина, кв. 7",
            "КВАРТИРА 12", "Школа № 3", "ей было 17 ЛЕТ",
            "Aged 34", "he WAS 19 then",
        ]
        for text in try Self.texts() + streets {
            let compact = Scan(text), whole = Scan(text, compacting: false)
            #expect(identifiers.spans(in: compact) == identifiers.spans(in: whole))
            #expect(phones.spans(in: compact) == phones.spans(in: whole))
            #expect(candidates.spans(in: compact) == candidates.spans(in: whole))
        }
    }

    @Test("letter classes compiled case-sensitively inside case-insensitive patterns change no match")
    func shieldedLetters() throws {
        let shielded = IdentifierDetector(), asWritten = IdentifierDetector(shieldingLetters: false)
        let upperCase = "ZAIRA.M@MAIL.RU, Ул. Ленина 5, кв. 3; Паспорт 83 09 № 551203"
        for text in try Self.texts() + [upperCase] {
            let scan = Scan(text)
            #expect(shielded.spans(in: scan) == asWritten.spans(in: scan))
        }
        #expect(
            Patterns.shieldingLetters(#"(?<![\p{L}\d])x\p{L}+[^\]a-z]\p{Lu}\\p{L}"#)
                == #"(?<!(?-i:[\p{L}\d]))x(?-i:\p{L})+[^\]a-z]\p{Lu}\\p{L}"#)
    }

    @Test("character offsets found without grapheme breaking are the grapheme offsets, on simple and other texts")
    func offsets() throws {
        let others = [
            "e\u{301}té Заира\r\nМусаева", "flag 🇷🇺 and 👩‍👩‍👦 here", "Ӏ и й\u{306}",
        ]
        for text in try Self.texts() + others {
            let map = OffsetMap(text)
            for token in Tokenizer.words(in: text) {
                let expected = (
                    text.distance(from: text.startIndex, to: token.range.lowerBound),
                    text.distance(from: text.startIndex, to: token.range.upperBound)
                )
                #expect(map.offsets(of: token.range) == expected, "\(token.text)")
            }
        }
        #expect(
            OffsetMap.isSimple("Заира, №5 — «да»") && !OffsetMap.isSimple("a\r\nb")
                && !OffsetMap.isSimple("e\u{301}"))
    }

    @Test("the byte search answers as String search does, as written and in any letter case")
    func byteSearch() {
        var generator = SeededRandom(seed: 14)
        let letters = Array(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
                + "АБВЕЁКМРЯabcxyzABCXYZ .-№")
        for _ in 0..<2_000 {
            let text = String(
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                    letters.randomElement(using: &generator)!
                })
            let scan = Scan(text)
            let start = Int.random(in: 0...text.count, using: &generator)
            let piece = String(text.dropFirst(start).prefix(Int.random(in: 1...4, using: &generator)))
            for word in [piece, String((0..<2).map { _ in letters.randomElement(using: &generator)! })]
            where !word.isEmpty {
                #expect(scan.contains(word) == text.contains(word), "\(text) / \(word)")
                let small = word.lowercased()
                #expect(scan.containsIgnoringCase(small) == text.lowercased().contains(small), "\(text) / \(small)")
            }
        }
    }
}
