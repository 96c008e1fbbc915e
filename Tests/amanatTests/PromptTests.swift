import Foundation
import Testing

/// The passphrase prompt, driven through a real pseudo-terminal: nothing typed is echoed.
@Suite("Passphrase prompts in a terminal")
struct PromptTests {
    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "pty_drive.py"
    ).path

    /// Runs `amanat ARGS` in a pseudo-terminal, typing the lines of `answers` at its prompts.
    /// - Returns: the exit status and everything the terminal showed.
    static func drive(_ cli: CLI, answers: String, _ arguments: [String]) throws -> (status: Int32, shown: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", driver, answers, "--", CLI.binary] + arguments
        process.environment = cli.environment
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, shown)
    }

    @Test("identity new asks twice without echo; the passphrase then unlocks the file")
    func noEcho() throws {
        let cli = try CLI()
        let passphrase = "ЗвёздыНадГорами-2026"
        let answers = try cli.write("answers.txt", "\(passphrase)\n\(passphrase)\n")
        let (status, shown) = try Self.drive(cli, answers: answers, ["identity", "new", "--out", cli.path("me.id")])
        #expect(status == 0, "\(shown)")
        #expect(shown.contains("New passphrase:") && shown.contains("Type it again:"), "\(shown)")
        #expect(!shown.contains(passphrase), "the passphrase was echoed: \(shown)")
        #expect(!shown.contains("ЗвёздыНад"))
        #expect(shown.contains("Public key: amanat1"))
        // The typed passphrase is the one that protects the file.
        let file = try cli.write("pass.txt", passphrase)
        try cli.ok(["identity", "passwd", cli.path("me.id"), "--passphrase-file", file, "--new-passphrase-file", file])
        let wrong = try cli.write("wrong.txt", passphrase + "x")
        #expect(
            try cli.run([
                "identity", "passwd", cli.path("me.id"), "--passphrase-file", wrong, "--new-passphrase-file", file,
            ]).status == 3)
    }

    @Test("two different answers are refused and no file is written")
    func mismatch() throws {
        let cli = try CLI()
        let answers = try cli.write("answers.txt", "first passphrase\nsecond passphrase\n")
        let (status, shown) = try Self.drive(cli, answers: answers, ["identity", "new", "--out", cli.path("me.id")])
        #expect(status == 64, "\(shown)")
        #expect(shown.contains("differ"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("me.id")))
    }
}

@Suite("Terminal niceties")
struct TerminalTests {
    @Test("a progress bar appears for a large attachment when standard error is a terminal, and never in a pipe")
    func progressBar() throws {
        let s = try StoryTests.Setup()
        let big = s.cli.path("big.bin")
        try Data(repeating: 7, count: 9 << 20).write(to: URL(fileURLWithPath: big))
        let text = try s.cli.write("t.txt", "testimony with a large file")
        let answers = try s.cli.write("answers.txt", "")
        let (status, shown) = try PromptTests.drive(
            s.cli, answers: answers, ["submit", "--text-file", text, "--attach", big])
        #expect(status == 0, "\(shown)")
        #expect(shown.contains("encrypting big.bin") && shown.contains("100%"), "\(shown)")
        let piped = try s.cli.run(["submit", "--text-file", text, "--attach", big])
        #expect(piped.status == 0 && !piped.err.contains("%"))
    }

    @Test("an expired grant is refused with the day it ended, exit 4")
    func expiredGrant() throws {
        let s = try StoryTests.Setup()
        let (record, _) = try s.submit("text")
        let caseID = try #require(CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", "T"] + s.admin)))
        try s.cli.ok(["case", "assign", caseID, record] + s.admin)
        try s.cli.ok(["grant", caseID, "--to", s.lawyerKey, "--expires", "2d"] + s.admin)
        try s.cli.ok(["open", record] + s.lawyer)
        let later = ISO8601DateFormatter.string(
            from: Date().addingTimeInterval(5 * 86_400), timeZone: TimeZone(identifier: "UTC")!,
            formatOptions: [.withFullDate])
        let expired = try s.cli.run(["open", record] + s.lawyer, env: ["AMANAT_TEST_TODAY": later])
        #expect(expired.status == 4 && expired.err.contains("expired on"), "\(expired.err)")
        #expect(try s.cli.ok(["grant", "list", caseID], env: ["AMANAT_TEST_TODAY": later]).contains("expired"))
    }
}
