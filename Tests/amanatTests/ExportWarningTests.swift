import Foundation
import Testing

/// `amanat export` to a lawyer whose grant on the case was revoked or has expired: one clear line, and
/// nothing exported unless confirmed (`--yes`, or "yes" at the terminal).
@Suite("Exporting to a lawyer whose access ended")
struct ExportWarningTests {
    /// A case with one record, granted to the lawyer.
    static func grantedCase(_ s: StoryTests.Setup, expires: String = "30d") throws -> String {
        let (record, _) = try s.submit("text")
        let caseID = try #require(CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", "T"] + s.admin)))
        try s.cli.ok(["case", "assign", caseID, record] + s.admin)
        try s.cli.ok(["grant", caseID, "--to", s.lawyerKey, "--expires", expires] + s.admin)
        return caseID
    }

    @Test("a revoked lawyer: refused in a script with a hint, exported with --yes and a warning")
    func revoked() throws {
        let s = try StoryTests.Setup()
        let caseID = try Self.grantedCase(s)
        try s.cli.ok(["revoke", caseID, "--grantee", s.lawyerFingerprint] + s.admin)
        let bundle = s.cli.path("case.amanat")
        let refused = try s.cli.run(["export", caseID, "--to", s.lawyerKey, "--out", bundle] + s.admin)
        #expect(refused.status == 1, "\(refused.err)")
        let lines = refused.err.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(refused.err)")
        #expect(lines.first?.hasPrefix("amanat: error: \(s.lawyerFingerprint) is a lawyer whose grant") == true)
        #expect(refused.err.contains("revoked on ") && refused.err.contains("nothing was exported"))
        #expect(lines.last?.hasPrefix("amanat: hint: ") == true && refused.err.contains("--yes"))
        #expect(!FileManager.default.fileExists(atPath: bundle))
        #expect(refused.out.isEmpty)

        let forced = try s.cli.run(["export", caseID, "--to", s.lawyerKey, "--out", bundle, "--yes"] + s.admin)
        #expect(forced.status == 0, "\(forced.err)")
        #expect(forced.err.contains("amanat: warning: ") && forced.err.contains("revoked on "))
        #expect(FileManager.default.fileExists(atPath: bundle))
    }

    @Test("an expired grant is named too; an active grant or an outside lawyer gets no question")
    func expiredActiveAndOutside() throws {
        let s = try StoryTests.Setup()
        let caseID = try Self.grantedCase(s, expires: "2d")
        let active = try s.cli.run(["export", caseID, "--to", s.lawyerKey, "--out", s.cli.path("a.amanat")] + s.admin)
        #expect(active.status == 0 && !active.err.contains("warning"), "\(active.err)")

        let later = ISO8601DateFormatter.string(
            from: Date().addingTimeInterval(5 * 86_400), timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withFullDate])
        let expired = try s.cli.run(
            ["export", caseID, "--to", s.lawyerKey, "--out", s.cli.path("b.amanat")] + s.admin,
            env: ["AMANAT_TEST_TODAY": later])
        #expect(expired.status == 1 && expired.err.contains("expired on "), "\(expired.err)")

        let outsider = try s.cli.ok(["identity", "new", "--out", s.cli.path("o.id"), "--passphrase-file", s.lawyerPass])
        let key = try #require(CLI.value(after: "Public key: ", in: outsider))
        let outside = try s.cli.run(["export", caseID, "--to", key, "--out", s.cli.path("c.amanat")] + s.admin)
        #expect(outside.status == 0 && outside.err.isEmpty, "\(outside.err)")
    }

    @Test("at a terminal, export asks; only yes goes on")
    func asksAtTerminal() throws {
        let s = try StoryTests.Setup()
        let caseID = try Self.grantedCase(s)
        try s.cli.ok(["revoke", caseID, "--grantee", s.lawyerFingerprint] + s.admin)
        let bundle = s.cli.path("case.amanat")
        let arguments = ["export", caseID, "--to", s.lawyerKey, "--out", bundle] + s.admin
        let no = try PromptTests.drive(s.cli, answers: try s.cli.write("no.txt", "no\n"), arguments)
        #expect(no.status == 1, "\(no.shown)")
        #expect(no.shown.contains("revoked on ") && no.shown.contains("Type yes to go on:"), "\(no.shown)")
        #expect(!FileManager.default.fileExists(atPath: bundle))
        let yes = try PromptTests.drive(s.cli, answers: try s.cli.write("yes.txt", "yes\n"), arguments)
        #expect(yes.status == 0, "\(yes.shown)")
        #expect(FileManager.default.fileExists(atPath: bundle))
    }
}
