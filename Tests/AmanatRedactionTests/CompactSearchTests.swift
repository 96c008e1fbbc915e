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
        for text in try Self.texts() {
            let compact = Scan(text), whole = Scan(text, compacting: false)
            #expect(identifiers.spans(in: compact) == identifiers.spans(in: whole))
            #expect(phones.spans(in: compact) == phones.spans(in: whole))
            #expect(candidates.spans(in: compact) == candidates.spans(in: whole))
        }
    }
}
