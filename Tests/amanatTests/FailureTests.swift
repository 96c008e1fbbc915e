import Foundation
import Testing

/// Bad input gets one clear line, a documented exit status, and changes nothing.
@Suite("amanat, when things go wrong")
struct FailureTests {
    @Test("wrong passphrase, loose permissions, missing vault, unreadable files, empty input")
    func failures() throws {
        let s = try StoryTests.Setup()
        let (record, _) = try s.submit("text")

        let wrongPass = try s.cli.write("wrong.pass", "not the passphrase")
        let wrong = try s.cli.run(["read", record, "--passphrase-file", wrongPass])
        #expect(wrong.status == 3)
        #expect(
            wrong.err.contains("amanat: error: the passphrase does not unlock") && wrong.err.contains("amanat: hint:"))
        #expect(!wrong.err.contains("not the passphrase"))

        let stranger = try s.cli.ok([
            "identity", "new", "--out", s.cli.path("stranger.id"), "--passphrase-file", s.lawyerPass,
        ])
        #expect(stranger.contains("Public key: amanat1"))
        let denied = try s.cli.run([
            "open", record, "--identity", s.cli.path("stranger.id"), "--passphrase-file", s.lawyerPass,
        ])
        #expect(denied.status == 4 && denied.err.contains("no grant"))
        let notAdmin = try s.cli.run(["read", record, "--identity", s.lawyerID, "--passphrase-file", s.lawyerPass])
        #expect(notAdmin.status == 4)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: s.lawyerID)
        let loose = try s.cli.run(["open", record] + s.lawyer)
        #expect(loose.status == 64 && loose.err.contains("chmod 600 \(s.lawyerID)"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: s.lawyerID)
        let loosePass = try s.cli.write("loose.pass", "x", mode: 0o644)
        #expect(try s.cli.run(["read", record, "--passphrase-file", loosePass]).status == 64)

        let missingVault = try s.cli.run(["inbox", "--vault", s.cli.path("nowhere")])
        #expect(missingVault.status == 66 && missingVault.err.contains("amanat init"))
        let missingAttachment = try s.cli.run(["submit", "--attach", s.cli.path("missing.jpg")], input: "text")
        #expect(missingAttachment.status == 66)
        let empty = try s.cli.run(["submit"], input: "  \n")
        #expect(empty.status == 64 && empty.err.contains("empty"))
        #expect(
            try s.cli.ok(["inbox", "--json"]).components(separatedBy: "\"id\"").count == 2,
            "a failed submission stored something")

        let badRecord = try s.cli.run(["read", "zz"] + s.admin)
        #expect(badRecord.status == 64)
        let unknownRecord = try s.cli.run(["read", String(repeating: "ab", count: 16)] + s.admin)
        #expect(unknownRecord.status == 66)
        let badExpiry = try s.cli.run(
            ["grant", String(repeating: "ab", count: 16), "--to", s.lawyerKey, "--expires", "tomorrow"] + s.admin)
        #expect(badExpiry.status == 64 && badExpiry.err.contains("90d"))
        let badKey = try s.cli.run(
            ["grant", String(repeating: "ab", count: 16), "--to", "amanat1abc", "--expires", "9d"] + s.admin)
        #expect(badKey.status == 64)
        let badLang = try s.cli.run(["submit", "--lang", "fr"], input: "x")
        #expect(badLang.status == 64)
        let noTerminal = try s.cli.run(["read", record])
        #expect(noTerminal.status == 64 && noTerminal.err.contains("AMANAT_PASSPHRASE"))
    }

    @Test("a tampered database is reported as corruption, exit 65")
    func tampering() throws {
        let s = try StoryTests.Setup()
        let (record, _) = try s.submit("text")
        let database = s.cli.path("vault/vault.sqlite")
        // Flip one byte inside the stored body: find the record's ciphertext by its length in the file.
        try s.cli.ok(["audit", "--verify"])
        func tamper(_ sql: String) throws {
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            sqlite.arguments = [
                "python3", "-c",
                """
                import sqlite3, sys
                db = sqlite3.connect(sys.argv[1])
                body = bytearray(db.execute("select body from testimony").fetchone()[0])
                body[len(body) // 2] ^= 1
                \(sql)
                db.commit()
                """, database,
            ]
            try sqlite.run()
            sqlite.waitUntilExit()
            #expect(sqlite.terminationStatus == 0)
        }
        try tamper("db.execute('update testimony set body = ?', (bytes(body),))")
        let read = try s.cli.run(["read", record] + s.admin)
        #expect(read.status == 65 && read.err.contains("damaged or was tampered with"))
        // An edited audit entry stops every command that opens the vault, before anything is read.
        try tamper("db.execute(\"update auditEntry set action = 'edited' where sequence = 2\")")
        let again = try s.cli.run(["read", record] + s.admin)
        #expect(again.status == 65 && again.err.contains("audit log"), "\(again.err)")
        let audit = try s.cli.run(["audit", "--verify"])
        #expect(audit.status == 65)
    }
}
