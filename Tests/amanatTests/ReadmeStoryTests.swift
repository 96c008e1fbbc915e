import AmanatTestSupport
import Foundation
import Testing

/// README's "A first session", run as written: each line of its shell block in a pseudo-terminal (so the
/// passphrase and codename prompts are answered at a keyboard), with the values earlier commands printed
/// put in place of the words in capitals, as a reader would.
@Suite("README: the first session, followed literally")
struct ReadmeStoryTests {
    static let names = ["Руслан", "Хакиев", "Малгобек", "Мадина", "Евлоева"]

    /// The lines of the shell block under "## A first session".
    static func session() throws -> [String] {
        let readme = try String(
            contentsOf: TestPython.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## A first session"))
        let rest = readme[section.upperBound...]
        let open = try #require(rest.range(of: "```sh\n"))
        let close = try #require(rest.range(of: "\n```", range: open.upperBound..<rest.endIndex))
        return rest[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    }

    /// A line without its trailing comment (comments start after two spaces and a `#`).
    static func command(_ line: String) -> (command: String, comment: String) {
        guard let mark = line.range(of: "  # ") else { return (line, "") }
        return (
            String(line[..<mark.lowerBound]).trimmingCharacters(in: .whitespaces),
            String(line[mark.upperBound...])
        )
    }

    @Test("every command of the first session works; the published page holds none of the case's names")
    func firstSession() throws {
        let cli = try CLI()
        let passphrase = "lemon quiet harbour 1917"
        var environment = cli.environment
        let binaries = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        var values: [String: String] = [:]
        var codename = ""
        for line in try Self.session() {
            let (written, comment) = Self.command(line)
            if written.hasPrefix("make ") { continue }  // the test runs the binary it was built with
            if written.hasPrefix("export ") {
                let assignment = written.dropFirst("export ".count).split(separator: "=", maxSplits: 1)
                if assignment[0] != "PATH" { environment[String(assignment[0])] = String(assignment[1]) }
                continue
            }
            var command = written
            for (name, value) in values.sorted(by: { $0.key.count > $1.key.count }) {
                command = command.replacingOccurrences(of: name, with: value)
            }
            let declines = comment.contains("answer n")
            let answers =
                declines ? ["n"] : command.hasPrefix("amanat replies") ? [codename] : [passphrase, passphrase]
            let (status, shown) = try Self.drive(cli, environment: environment, answers: answers, command)
            if declines {
                #expect(status != 0 && shown.contains("revoked"), "`\(command)` should warn and stop: \(shown)")
            } else {
                #expect(status == 0, "`\(command)` failed (\(status)): \(shown)")
            }
            Self.capture(shown, after: command, into: &values, codename: &codename)
            for name in ["Руслан", "Мадина"] where command.hasPrefix("amanat") && shown.contains(name) {
                #expect(command.hasPrefix("amanat open") || command.hasPrefix("amanat case terms"), "\(command)")
            }
        }
        #expect(Set(values.keys).isSuperset(of: ["RECORD", "CASE", "LAWYER_KEY", "EDITOR_KEY", "PROJECTION"]))
        let page = try String(contentsOfFile: cli.path("public/\(values["PROJECTION"] ?? "-").html"), encoding: .utf8)
        for name in Self.names { #expect(!page.contains(name), "the published page holds \(name)") }
        #expect(!page.contains(codename.split(separator: " ").first.map(String.init) ?? "-"))
        #expect(!FileManager.default.fileExists(atPath: cli.path("plan.json")), "the plan was not deleted")
    }

    /// Runs `sh -c COMMAND` in a pseudo-terminal in the test's folder, answering its prompts.
    static func drive(
        _ cli: CLI, environment: [String: String], answers: [String], _ command: String
    ) throws -> (Int32, String) {
        let answerFile = try cli.write("answers-\(UUID().uuidString)", answers.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(atPath: answerFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", PromptTests.driver, answerFile, "--", "/bin/sh", "-c", command]
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: cli.directory)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let shown = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, shown.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    /// Keeps what a reader would copy from a command's output.
    static func capture(
        _ shown: String, after command: String, into values: inout [String: String], codename: inout String
    ) {
        func value(after label: String) -> String? {
            guard let range = shown.range(of: label) else { return nil }
            return shown[range.upperBound...].prefix { !$0.isWhitespace && $0 != ")" && $0 != "." }.description
        }
        if command.hasPrefix("amanat init") { values["ADMINISTRATOR_KEY"] = value(after: "public key: ") }
        for who in ["lawyer", "editor"] where command.hasPrefix("amanat identity new --out \(who).id") {
            values["\(who.uppercased())_KEY"] = value(after: "Public key: ")
            values["\(who.uppercased())_FINGERPRINT"] = value(after: "Fingerprint: ")
        }
        if command.hasPrefix("amanat submit") {
            values["RECORD"] = value(after: "(record ")
            let lines = shown.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            if let index = lines.firstIndex(of: "Your codename is:") {
                codename = lines[(index + 1)...].first { !$0.isEmpty } ?? ""
            }
        }
        if command.hasPrefix("amanat case new") { values["CASE"] = value(after: "Created case ") }
        if command.hasPrefix("amanat publish") { values["PROJECTION"] = value(after: "Published projection ") }
    }
}
