import AmanatCrypto
import Foundation
import Testing

@testable import AmanatVault

/// The codename word lists are data the spec points to (Docs/format.md §8.10): the files must hash to
/// the digests in the spec's table, and the lists compiled into Amanat must be those files, word for word.
@Suite("Codename word lists are the spec's data")
struct CodenameListTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The digest the spec's table gives for `file`.
    static func specDigest(of file: String) throws -> String {
        let spec = try String(contentsOf: root.appendingPathComponent("Docs/format.md"), encoding: .utf8)
        let rows = spec.split(separator: "\n").map(String.init)
        let row = try #require(rows.first { $0.hasPrefix("| `\(file)` |") })
        let cells = row.split(separator: Character("`")).map(String.init)
        let digest = try #require(cells.first { $0.count == 64 })
        return String(digest)
    }

    @Test(
        "each list file hashes to the spec's digest and equals the compiled list",
        arguments: [
            ("codename-words-en.txt", CodenameWordList.english), ("codename-words-ru.txt", CodenameWordList.russian),
        ])
    func tied(_ file: String, _ compiled: [String]) throws {
        let bytes = Array(
            try Data(contentsOf: Self.root.appendingPathComponent("Sources/AmanatVault/Resources/" + file)))
        #expect(Hex.encode(BLAKE2b.hash(bytes, length: 32)) == (try Self.specDigest(of: file)))
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "" && lines.count == 4097, "4,096 lines, each ended by LF")
        #expect(lines.dropLast().map(String.init) == compiled)
        #expect(Set(compiled).count == 4096)
    }
}

/// `trim` is the spec's table (Docs/format.md §8.19), not a library's notion of white space.
@Suite("The spec's white space")
struct WhiteSpaceTests {
    @Test("the table trims both ends and nothing else; zero-width and BOM characters are not white space")
    func table() {
        #expect(WhiteSpace.scalars.count == 25)
        #expect(WhiteSpace.trim("\u{3000}\u{A0} Текст\u{2029}\n\t") == "Текст")
        #expect(WhiteSpace.trim(" a \u{200B}") == "a \u{200B}")
        #expect(WhiteSpace.trim("\u{FEFF}a ") == "\u{FEFF}a")
        #expect(WhiteSpace.trim(" \n ").isEmpty)
        // Foundation on Linux also counts U+200B ZERO WIDTH SPACE (a format character, not White_Space):
        // exactly the drift the table exists to stop. On every other code point of the BMP they agree.
        for value in UInt32(0)...0xFFFF where value != 0x200B {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(
                WhiteSpace.scalars.contains(value) == CharacterSet.whitespacesAndNewlines.contains(scalar), "U+\(value)"
            )
        }
    }
}
