import AmanatTestSupport
import Foundation
import Testing

/// A vault whose database file has damaged pages: every command ends with a clear error (or, where the damage
/// missed what it reads, a normal answer), never a trap or a crash. Found by fuzzing (issue 17): `inbox` and `read`
/// stopped with SIGILL on a row that no longer decoded (`memberships()`) or an id of the wrong length.
@Suite("A damaged database file")
struct DamagedVaultTests {
    @Test("random pages overwritten: every command exits with a status and one error line, never a signal")
    func damagedPages() throws {
        let s = try StoryTests.Setup()
        var records: [String] = []
        var codename = ""
        for index in 0..<4 {
            let submitted = try s.submit("Запись \(index): Ахмед ушёл из дома в Шали.")
            records.append(submitted.0)
            codename = submitted.1
        }
        let caseID = try #require(CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", "T"] + s.admin)))
        try s.cli.ok(["case", "assign", caseID] + records + s.admin)
        try s.cli.ok(["grant", caseID, "--to", s.lawyerKey, "--expires", "30d"] + s.admin)
        try s.cli.ok(["reply", records[3], "--text-file", s.cli.write("r.txt", "Мы получили.")] + s.admin)
        try s.cli.ok(["audit", "--verify"])

        let database = s.cli.path("vault/vault.sqlite")
        let walSize = try FileManager.default.fileExists(atPath: database + "-wal") ? size(database + "-wal") : 0
        #expect(walSize == 0, "every row is in the database file itself")
        let pristine = try Data(contentsOf: URL(fileURLWithPath: database))
        let pageSize = 4_096
        let pages = pristine.count / pageSize
        #expect(pages > 8)
        let commands: [[String]] = [
            ["inbox"], ["read", records[0]] + s.admin, ["case", "list"], ["case", "show", caseID] + s.admin,
            ["grant", "list"], ["audit", "--verify"], ["open", records[1]] + s.lawyer, ["replies"],
        ]
        var random = SeededRandom(seed: 17)
        var refused = 0
        for round in 0..<10 {
            var damaged = pristine
            // Page 1 (the header and the schema) in some rounds; other pages in every round.
            let hits = round % 3 == 0 ? [0] : (0..<2).map { _ in Int.random(in: 1..<pages, using: &random) }
            for page in hits {
                let start = page * pageSize + (page == 0 ? 100 : 0)
                let bytes = (start..<(page + 1) * pageSize).map { _ in UInt8.random(in: 0...255, using: &random) }
                damaged.replaceSubrange(start..<(page + 1) * pageSize, with: bytes)
            }
            try damaged.write(to: URL(fileURLWithPath: database))
            for command in commands {
                let result = try s.cli.run(command, env: ["AMANAT_CODENAME": codename])
                let what = "round \(round), pages \(hits), amanat \(command.prefix(2).joined(separator: " "))"
                #expect(!result.signalled, "\(what) stopped with signal \(result.status): \(result.err.suffix(300))")
                #expect(!result.err.contains("Fatal error"), "\(what): \(result.err.suffix(300))")
                if result.status != 0 {
                    refused += 1
                    #expect(result.err.hasPrefix("amanat: error: "), "\(what): \(result.err.prefix(300))")
                }
            }
        }
        // The damage was seen: most commands on most rounds refused.
        #expect(refused > commands.count * 3)
        try pristine.write(to: URL(fileURLWithPath: database))
        try s.cli.ok(["audit", "--verify"])
    }

    @Test("values of the wrong type or length in any table give a clear error from every command, never a trap")
    func wrongValues() throws {
        let s = try StoryTests.Setup()
        let (first, codename) = try s.submit("Ахмед ушёл из дома в Шали.")
        let (second, _) = try s.submit("Вторая запись.")
        let caseID = try #require(CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", "T"] + s.admin)))
        try s.cli.ok(["case", "assign", caseID, first, second] + s.admin)
        try s.cli.ok(["grant", caseID, "--to", s.lawyerKey, "--expires", "30d"] + s.admin)
        try s.cli.ok(["reply", first, "--text-file", s.cli.write("r.txt", "Мы получили.")] + s.admin)
        let database = s.cli.path("vault/vault.sqlite")
        let pristine = try Data(contentsOf: URL(fileURLWithPath: database))
        let commands: [[String]] = [
            ["inbox"], ["read", first] + s.admin, ["case", "list"], ["case", "show", caseID] + s.admin,
            ["grant", "list"], ["audit", "--verify"], ["open", second] + s.lawyer, ["replies"],
        ]
        // What a damaged page can leave in a row that still parses: an integer or text for an id, a short id.
        let edits = [
            "UPDATE caseRecord SET caseID = x'0102'", "UPDATE caseRecord SET recordID = 40 + rowid",
            "UPDATE testimony SET id = x'01' WHERE rowid = 1", "UPDATE testimony SET mailboxID = 3.5",
            "UPDATE grant SET caseID = 7", "UPDATE grant SET keyVersion = 'many'",
            "UPDATE caseFile SET id = x'00'", "UPDATE reply SET mailboxID = 'text'",
            "UPDATE auditEntry SET objects = 5 WHERE sequence = 2", "UPDATE auditEntry SET actor = x'01'",
            "UPDATE caseKey SET version = x'ff'", "UPDATE vaultInfo SET codenameSalt = 12",
        ]
        for edit in edits {
            try pristine.write(to: URL(fileURLWithPath: database))
            try Self.intrude(database, edit, s.cli)
            for command in commands {
                let result = try s.cli.run(command, env: ["AMANAT_CODENAME": codename])
                let what = "\(edit), amanat \(command.prefix(2).joined(separator: " "))"
                #expect(!result.signalled, "\(what) stopped with signal \(result.status): \(result.err.suffix(300))")
                #expect(result.status == 0 || result.err.hasPrefix("amanat: error: "), "\(what): \(result.err)")
            }
        }
    }

    @Test("an audit log that lost every entry does not verify, even where the rows were lost with it")
    func emptyLog() throws {
        let s = try StoryTests.Setup()
        _ = try s.submit("Запись.")
        let database = s.cli.path("vault/vault.sqlite")
        try Self.intrude(database, "DELETE FROM auditEntry; DELETE FROM testimony; DELETE FROM mailbox;", s.cli)
        // A fresh trust, as someone who never checked this vault before would have.
        let fresh = try s.cli.run(["audit", "--verify"], env: ["XDG_CONFIG_HOME": s.cli.path("elsewhere")])
        #expect(fresh.status == 65 && fresh.err.contains("the log is empty"), "\(fresh.out) \(fresh.err)")
    }

    /// Runs SQL statements on the database as an intruder with write access would (Python's sqlite3).
    static func intrude(
        _ database: String, _ sql: String, _ cli: CLI, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.executescript(sys.argv[2])
            db.commit()
            """
        let result = try CLI.runExecutable("/usr/bin/env", ["python3", "-c", script, database, sql], cli: cli)
        #expect(result.status == 0, "\(sql): \(result.err.suffix(200))", sourceLocation: sourceLocation)
    }

    private func size(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
