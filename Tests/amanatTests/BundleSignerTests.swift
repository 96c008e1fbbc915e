import Foundation
import Testing

/// `open FILE.amanat` needs to be told whose signature the bundle must carry.
@Suite("amanat open: a bundle opens only with its signer's key")
struct BundleSignerTests {
    @Test("without --from or AMANAT_ADMINISTRATOR_KEY a bundle is refused before any passphrase; with either it opens")
    func signerRequired() throws {
        let s = try StoryTests.Setup()
        let (record, _) = try s.submit("Свидетельство для выгрузки.")
        let created = try s.cli.ok(["case", "new", "Выгрузка"] + s.admin)
        let caseID = try #require(CLI.value(after: "Created case ", in: created))
        try s.cli.ok(["case", "assign", caseID, record] + s.admin)
        let bundle = s.cli.path("case.amanat")
        try s.cli.ok(["export", caseID, "--to", s.lawyerKey, "--out", bundle] + s.admin)
        let shown = try s.cli.ok(["identity", "show", s.cli.path("vault-administrator.id")])
        let administrator = try #require(CLI.value(after: "Public key: ", in: shown))
        let keyFile = try s.cli.write("administrator.pub", shown, mode: 0o644)

        // No signer named: refused with one error line and a hint, before the passphrase is asked.
        let unnamed = try s.cli.run(["open", bundle, "--identity", s.lawyerID])
        #expect(unnamed.status == 64, "\(unnamed.err)")
        let lines = unnamed.err.split(separator: "\n")
        #expect(
            lines.count == 2 && lines[0].hasPrefix("amanat: error: ") && lines[1].hasPrefix("amanat: hint: "),
            "\(unnamed.err)")
        #expect(unnamed.err.contains("--from") && unnamed.err.contains("AMANAT_ADMINISTRATOR_KEY"))
        #expect(!unnamed.err.contains("Passphrase") && unnamed.out.isEmpty)
        #expect(!unnamed.out.contains("Свидетельство"))

        // The key as a string, as a file, or in the environment.
        let statement = "Свидетельство для выгрузки."
        #expect(try s.cli.ok(["open", bundle, "--from", administrator] + s.lawyer).contains(statement))
        #expect(try s.cli.ok(["open", bundle, "--from", keyFile] + s.lawyer).contains(statement))
        let pinned = try s.cli.run(["open", bundle] + s.lawyer, env: ["AMANAT_ADMINISTRATOR_KEY": keyFile])
        #expect(pinned.status == 0 && pinned.out.contains(statement) && pinned.err.isEmpty, "\(pinned.err)")

        // Another signer named, on the command line or in the environment: refused (exit 4), nothing shown.
        let wrong = try s.cli.run(["open", bundle, "--from", s.lawyerKey] + s.lawyer)
        #expect(wrong.status == 4 && wrong.out.isEmpty && wrong.err.contains("signed by another key"), "\(wrong.err)")
        let wrongPinned = try s.cli.run(["open", bundle] + s.lawyer, env: ["AMANAT_ADMINISTRATOR_KEY": s.lawyerKey])
        #expect(wrongPinned.status == 4 && wrongPinned.out.isEmpty)
        // --from wins over the environment.
        let both = try s.cli.run(
            ["open", bundle, "--from", administrator] + s.lawyer,
            env: ["AMANAT_ADMINISTRATOR_KEY": s.lawyerKey])
        #expect(both.status == 0)
        let garbage = try s.cli.run(["open", bundle] + s.lawyer, env: ["AMANAT_ADMINISTRATOR_KEY": "not a key"])
        #expect(garbage.status == 64 && garbage.err.contains("AMANAT_ADMINISTRATOR_KEY"), "\(garbage.err)")
    }

    @Test("the demo opens a bundle with the administrator's key and refuses any other signer")
    func demo() throws {
        let out = try CLI().ok(["demo"])
        #expect(out.contains("--from KEY") && out.contains("any other key is refused"), "\(out)")
    }
}
