import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

/// `amanat shred`: asks first, refuses a script that did not say --yes, leaves a tombstone that `read` and
/// `audit --verify` understand, and survives being killed at any moment.
@Suite("Shredding from the command line")
struct ShredCommandTests {
    @Test(
        "a script must say --yes; then read says when the record was shredded and the log verifies",
        arguments: StoryTests.backends)
    func shred(backend: String) throws {
        let s = try StoryTests.Setup(database: backend == "PostgreSQL")
        let (record, codename) = try s.submit("Сын ушёл из дома в Шали.")
        let (kept, _) = try s.submit("Другая запись.")
        let refused = try s.cli.run(["shred", record] + s.admin)
        #expect(refused.status == 1 && refused.err.contains("nothing was shredded"), "\(refused.err)")
        #expect(refused.err.contains("amanat: hint: add --yes"))
        try s.cli.ok(["read", record] + s.admin)

        let json = try s.cli.ok(["shred", String(record.prefix(8)), "--yes", "--json"] + s.admin)
        let shredded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(shredded.count == 1 && shredded[0]["record"] as? String == record)
        #expect(shredded[0]["mailbox_removed"] as? Bool == true && shredded[0]["attachments"] as? Int == 0)

        let today = ISO8601DateFormatter.string(
            from: Date(), timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        for arguments in [["read", record], ["read", String(record.prefix(6))], ["shred", record, "--yes"]] {
            let gone = try s.cli.run(arguments + s.admin)
            #expect(gone.status == 66, "\(arguments): \(gone.err)")
            #expect(gone.err.contains("record \(record) was shredded on \(today) (audit entry "), "\(gone.err)")
        }
        let replies = try s.cli.run(["replies"], env: ["AMANAT_CODENAME": codename])
        #expect(replies.status == 3, "the mailbox went with the source's only record: \(replies.err)")
        try s.cli.ok(["read", kept] + s.admin)
        try s.cli.ok(["audit", "--verify"])
        let audit = try s.cli.ok(["audit"])
        #expect(audit.contains("record.shred  \(record)"), "\(audit)")
        #expect(!(try s.cli.ok(["inbox"])).contains(record))
    }

    @Test(
        "a case id shreds the case and the records filed only in it; case show then says when",
        arguments: StoryTests.backends)
    func shredCase(backend: String) throws {
        let s = try StoryTests.Setup(database: backend == "PostgreSQL")
        let (only, _) = try s.submit("Только в этом деле.")
        let (shared, _) = try s.submit("И в другом деле.")
        func newCase(_ title: String) throws -> String {
            try #require(CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", title] + s.admin)))
        }
        let caseID = try newCase("T")
        let keeper = try newCase("K")
        try s.cli.ok(["case", "assign", caseID, only, shared] + s.admin)
        try s.cli.ok(["case", "assign", keeper, shared] + s.admin)

        let refused = try s.cli.run(["shred", caseID] + s.admin)
        #expect(refused.status == 1 && refused.err.contains("nothing was shredded"), "\(refused.err)")
        let mixed = try s.cli.run(["shred", caseID, only, "--yes"] + s.admin)
        #expect(mixed.status == 64 && mixed.err.contains("shred a case on its own"), "\(mixed.err)")
        let json = try s.cli.ok(["shred", String(caseID.prefix(8)), "--yes", "--json"] + s.admin)
        let done = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(done["case"] as? String == caseID && done["kept"] as? [String] == [shared], "\(json)")
        #expect((done["records"] as? [[String: Any]])?.compactMap { $0["record"] as? String } == [only])

        for arguments in [["case", "show", caseID], ["shred", caseID, "--yes"], ["read", only]] {
            let gone = try s.cli.run(arguments + s.admin)
            #expect(gone.status == 66 && gone.err.contains("was shredded on"), "\(arguments): \(gone.err)")
        }
        #expect(!(try s.cli.ok(["case", "list"])).contains(caseID))
        #expect(try s.cli.ok(["case", "show", keeper] + s.admin).contains(shared))
        try s.cli.ok(["read", shared] + s.admin)
        try s.cli.ok(["audit", "--verify"])
        #expect(try s.cli.ok(["audit"]).contains("case.shred"))
    }

    @Test("at a terminal, shred says what will go and asks; only yes shreds")
    func asksAtTerminal() throws {
        let s = try StoryTests.Setup()
        let (record, _) = try s.submit("Текст.")
        let arguments = ["shred", record] + s.admin
        let no = try PromptTests.drive(s.cli, answers: try s.cli.write("no.txt", "no\n"), arguments)
        #expect(no.shown.contains("Shred this record?"), "\(no.shown)")
        #expect(no.status == 1 && no.shown.contains("Type yes to go on:"), "\(no.shown)")
        #expect(no.shown.contains("record \(record) (submitted ") && no.shown.contains("its testimony will go"))
        #expect(no.shown.contains("so will its source's mailbox"), "\(no.shown)")
        try s.cli.ok(["read", record] + s.admin)
        let yes = try PromptTests.drive(s.cli, answers: try s.cli.write("yes.txt", "yes\n"), arguments)
        #expect(yes.status == 0 && yes.shown.contains("Shredded record \(record)."), "\(yes.shown)")
        #expect(try s.cli.run(["read", record] + s.admin).status == 66)
    }

    @Test("killed with SIGKILL at moments spread over its run, shred leaves the record whole or shredded, never half")
    func killed() throws {
        let s = try StoryTests.Setup()
        let attachment = s.cli.path("scan.bin")
        try Data(SecureRandom.bytes(24 << 20)).write(to: URL(fileURLWithPath: attachment))
        let (record, _) = try s.submit("Запись с большим файлом.", ["--attach", attachment])
        let (kept, _) = try s.submit("Другая запись.")
        let blobs = s.cli.path("vault/blobs")
        #expect(try FileManager.default.contentsOfDirectory(atPath: blobs).count == 1)
        // One uninterrupted run, timed, on a copy-free measure: how long the command takes from start to exit.
        let arguments = ["shred", record, "--yes"] + s.admin
        let measured = try Self.timedRun(s.cli, ["read", kept] + s.admin)
        var states: [String] = []
        for step in 1...8 {
            let delay = measured * Double(step) / 4
            try Self.runKilled(s.cli, arguments, after: delay)
            let read = try s.cli.run(["read", record] + s.admin)
            #expect(read.status == 0 || (read.status == 66 && read.err.contains("was shredded on")), "\(read.err)")
            states.append(read.status == 0 ? "whole" : "shredded")
            try s.cli.ok(["audit", "--verify"])
            if read.status == 66 { break }
        }
        // Run again: a record shredded by a killed run is reported so, and what it left is removed.
        let again = try s.cli.run(arguments)
        #expect(again.status == 0 || again.status == 66, "\(again.err)")
        #expect(try s.cli.run(["read", record] + s.admin).status == 66)
        #expect(try FileManager.default.contentsOfDirectory(atPath: blobs).filter { !$0.hasPrefix(".") }.isEmpty)
        try s.cli.ok(["read", kept] + s.admin)
        try s.cli.ok(["audit", "--verify"])
        #expect(states.contains("whole"), "no kill landed before the shred committed: \(states)")
    }

    /// Seconds `amanat ARGS` takes.
    static func timedRun(_ cli: CLI, _ arguments: [String]) throws -> Double {
        let start = Date()
        _ = try cli.run(arguments)
        return Date().timeIntervalSince(start)
    }

    /// Starts `amanat ARGS` and kills it with SIGKILL after `delay` seconds (if it is still running).
    static func runKilled(_ cli: CLI, _ arguments: [String], after delay: Double) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.environment = cli.environment
        process.currentDirectoryURL = URL(fileURLWithPath: cli.directory)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
