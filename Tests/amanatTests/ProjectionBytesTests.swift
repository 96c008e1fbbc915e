import Foundation
import Testing

/// `verify-projection` accepts only the exact bytes that were signed: Swift's String equality treats
/// canonically equivalent texts as equal, and reading a file as a String may drop a byte order mark.
@Suite("verify-projection compares bytes")
struct ProjectionBytesTests {
    @Test("a byte order mark, or letters in another Unicode form, make every format fail (exit 65)")
    func invisibleChanges() throws {
        let n = try PublishTests.Newsroom()
        _ = try n.plan()
        let published = try n.cli.ok(
            ["publish", n.record, "--plan", n.cli.path("plan.json"), "--label", "Case 14"]
                + n.story.lawyer)
        let projectionID = try #require(CLI.value(after: "Published projection ", in: published))
        for format in ["md", "html", "json"] {
            try n.cli.ok(["export-public", n.caseID, "--format", format, "--out", n.cli.path("public")])
            let file = n.cli.path("public/\(projectionID).\(format)")
            let original = try Data(contentsOf: URL(fileURLWithPath: file))
            #expect(try n.cli.ok(["verify-projection", file, "--key", n.story.lawyerKey]).hasPrefix("Good projection"))

            let bom = n.cli.path("bom.\(format)")
            try (Data([0xEF, 0xBB, 0xBF]) + original).write(to: URL(fileURLWithPath: bom))
            let withBOM = try n.cli.run(["verify-projection", bom, "--key", n.story.lawyerKey])
            #expect(
                withBOM.status == 65 && withBOM.err.hasPrefix("amanat: error: "),
                "\(format) with a BOM: \(withBOM.out)")

            // "Её" → "Е" + U+0308 …: the same text to String ==, other bytes.
            let text = String(decoding: original, as: UTF8.self)
            let decomposed = Data(text.decomposedStringWithCanonicalMapping.utf8)
            try #require(decomposed != original, "\(format): nothing to decompose")
            let nfd = n.cli.path("nfd.\(format)")
            try decomposed.write(to: URL(fileURLWithPath: nfd))
            let other = try n.cli.run(["verify-projection", nfd, "--key", n.story.lawyerKey])
            #expect(
                other.status == 65 && other.err.hasPrefix("amanat: error: "),
                "\(format) decomposed: \(other.out) \(other.err)")
        }
    }
}
