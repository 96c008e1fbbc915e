import Foundation
import Testing

@testable import amanat

/// Untrusted text on a terminal: escape sequences and bidirectional controls are shown, never obeyed.
@Suite("Safe output of untrusted text")
struct SafeOutputTests {
    /// Every character the terminal must never receive raw from a source (CR is allowed only before LF).
    static let hazards: [Unicode.Scalar] =
        (0x00...0x08).map { Unicode.Scalar($0)! }
        + [
            0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
            0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
        ].map { Unicode.Scalar($0)! }

    /// A testimony that tries to clear the screen, recolour it, move the cursor and reorder a line.
    static let hostile =
        "Мой сын\u{1B}[2J\u{1B}[31mпропал\u{9B}1;1H. "
        + "Сумма: \u{202E}0051\u{202C} руб.\rПодделка\u{7F}\tконец\r\n"

    @Test("the function escapes C0 (but newline and tab), DEL, C1 and bidi controls, and nothing else")
    func function() {
        #expect(TerminalText.escaped("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
        #expect(TerminalText.escaped("\u{202E}abc\u{202C}") == "\\u{202E}abc\\u{202C}")
        #expect(TerminalText.escaped("\u{0}\u{7F}\u{85}\u{9B}\u{61C}") == "\\u{00}\\u{7F}\\u{85}\\u{9B}\\u{61C}")
        #expect(TerminalText.escaped("line\nnext\ttab\r\nwindows") == "line\nnext\ttab\r\nwindows")
        #expect(TerminalText.escaped("over\rwrite") == "over\\u{0D}write")
        #expect(TerminalText.escaped("end\r") == "end\\u{0D}")
        let ordinary =
            "Ахмед Хакиев, café, e\u{301}, 👩‍👦, a zero\u{200D}width joiner, \\u{1B} "
            + "as typed"
        #expect(TerminalText.escaped(ordinary) == ordinary)
        for scalar in Self.hazards {
            let shown = TerminalText.escaped("x" + String(scalar) + "y")
            #expect(!shown.unicodeScalars.contains(scalar), "U+\(String(scalar.value, radix: 16)) passed through")
            #expect(shown.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }, "\(shown)")
        }
    }

    @Test("JSON keeps its meaning but carries DEL, C1 and bidi controls as \\u escapes")
    func json() throws {
        let encoded = String(decoding: try JSONEncoder().encode(["statement": Self.hostile]), as: UTF8.self)
        let safe = TerminalText.escapedJSON(encoded)
        #expect(safe.unicodeScalars.allSatisfy { !TerminalText.isHazard($0) })
        #expect(safe.contains("\\u202E") && safe.contains("\\u009B") && safe.contains("\\u007F"))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(safe.utf8))
        #expect(decoded["statement"]?.unicodeScalars.elementsEqual(Self.hostile.unicodeScalars) == true)
    }

    @Test("read, open, replies and inbox escape a hostile testimony on a terminal; pipes get the exact bytes")
    func throughTheBinary() throws {
        let s = try StoryTests.Setup()
        let name = "photo\u{1B}[8m\u{202E}gpj.exe"
        let photo = s.cli.path(name)
        try Data("not really a photo".utf8).write(to: URL(fileURLWithPath: photo))
        let statement = try s.cli.write("statement.txt", Self.hostile)
        let (record, codename) = try s.submit("", ["--text-file", statement, "--attach", photo])
        let created = try s.cli.ok(["case", "new", "T\u{1B}]0;title\u{7}"] + s.admin)
        let caseID = try #require(CLI.value(after: "Created case ", in: created))
        try s.cli.ok(["case", "assign", caseID, record] + s.admin)
        try s.cli.ok(["grant", caseID, "--to", s.lawyerKey, "--expires", "30d"] + s.admin)
        try s.cli.ok(["reply", record] + s.lawyer, input: "Ответ \u{1B}[1A\u{2066}скрыто\u{2069}")
        let bundle = s.cli.path("case.amanat")
        try s.cli.ok(["export", caseID, "--to", s.lawyerKey, "--out", bundle] + s.admin)
        let shownKey = try s.cli.ok(["identity", "show", s.cli.path("vault-administrator.id")])
        let administrator = try #require(CLI.value(after: "Public key: ", in: shownKey))
        let answers = try s.cli.write("answers.txt", "")
        let commands: [[String]] = [
            ["read", record] + s.admin, ["open", record] + s.lawyer, ["open", caseID] + s.lawyer,
            ["open", bundle, "--from", administrator] + s.lawyer, ["case", "show", caseID] + s.admin, ["inbox"],
        ]
        for arguments in commands {
            let (status, shown) = try PromptTests.drive(s.cli, answers: answers, arguments)
            #expect(status == 0, "\(arguments[0]): \(shown)")
            let raw = shown.unicodeScalars.contains { $0 != "\r" && TerminalText.isHazard($0) }
            #expect(!raw, "\(arguments): \(shown.debugDescription)")
            if arguments[0] != "inbox" { #expect(shown.contains("\\u{1B}"), "\(arguments): \(shown)") }
        }
        var shown = try PromptTests.drive(s.cli, answers: answers, ["read", record] + s.admin).shown
        #expect(
            shown.contains(
                "Сумма: \\u{202E}0051\\u{202C} "
                    + "руб.\\u{0D}Подделка\\u{7F}\tконец"), "\(shown)")
        #expect(shown.contains("Attachment: photo\\u{1B}[8m\\u{202E}gpj.exe"), "\(shown)")
        shown = try PromptTests.drive(s.cli, answers: answers, ["replies"], env: ["AMANAT_CODENAME": codename]).shown
        #expect(shown.contains("Ответ \\u{1B}[1A\\u{2066}скрыто\\u{2069}"), "\(shown)")
        #expect(!shown.unicodeScalars.contains { $0 != "\r" && TerminalText.isHazard($0) })

        // Not a terminal: a program gets the testimony byte for byte, and JSON that means the same.
        #expect(try s.cli.ok(["read", record] + s.admin).contains(Self.hostile.trimmingCharacters(in: .newlines)))
        let json = try s.cli.ok(["read", record, "--json"] + s.admin)
        #expect(json.unicodeScalars.allSatisfy { !TerminalText.isHazard($0) })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["statement"] as? String)?.unicodeScalars.elementsEqual(Self.hostile.unicodeScalars) == true)
        let replies = try s.cli.ok(["replies", "--json"], env: ["AMANAT_CODENAME": codename])
        #expect(replies.contains("\\u2066") && !replies.unicodeScalars.contains("\u{2066}"))
    }
}

extension PromptTests {
    /// `drive` with extra environment variables.
    static func drive(
        _ cli: CLI, answers: String, _ arguments: [String],
        env: [String: String]
    ) throws -> (status: Int32, shown: String) {
        var cli = cli
        cli.environment.merge(env) { $1 }
        return try drive(cli, answers: answers, arguments)
    }
}

/// Diagnostics and progress bars on standard error name attachments too.
@Suite("Safe diagnostics")
struct SafeDiagnosticsTests {
    @Test("an attachment name with escape sequences is escaped in an error and a progress bar on a terminal")
    func standardError() throws {
        let s = try StoryTests.Setup()
        let photo = s.cli.path("big\u{1B}[2J\u{202E}.bin")
        try Data(repeating: 7, count: 9 << 20).write(to: URL(fileURLWithPath: photo))
        let (record, _) = try s.submit("", ["--text-file", try s.cli.write("t.txt", "text"), "--attach", photo])
        let answers = try s.cli.write("answers.txt", "")
        let out = s.cli.path("files")
        var shown = try PromptTests.drive(s.cli, answers: answers, ["read", record, "--out", out] + s.admin).shown
        #expect(shown.contains("decrypting big\\u{1B}[2J\\u{202E}.bin"), "\(shown)")
        // Again: the file exists, and the error names it.
        let (status, again) = try PromptTests.drive(s.cli, answers: answers, ["read", record, "--out", out] + s.admin)
        shown += again
        #expect(status == 74 && again.contains("amanat: error: ") && again.contains("\\u{1B}[2J"), "\(again)")
        #expect(!shown.unicodeScalars.contains { $0 != "\r" && TerminalText.isHazard($0) }, "\(shown.debugDescription)")
    }
}
