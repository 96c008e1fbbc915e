import Foundation
import Testing

/// Help that can be followed: examples keep each command on one line at 80 columns, and an option the
/// command cannot work without shows as required in its usage line.
@Suite("Help layout")
struct HelpLayoutTests {
    /// Every command and subcommand, found by walking the SUBCOMMANDS sections of the help itself, so that a
    /// command added later is checked too.
    static func commands(_ cli: CLI, under parent: [String] = []) throws -> [[String]] {
        let help = try Self.help(cli, parent, columns: 1000)
        guard let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { return [] }
        var found: [[String]] = []
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else {
                continue
            }
            let command = parent + [String(name)]
            found.append(command)
            found += try commands(cli, under: command)
        }
        return found
    }

    /// The help text at `columns` columns (the width the parser uses when it is not on a terminal is 80).
    static func help(_ cli: CLI, _ command: [String], columns: Int) throws -> String {
        let result = try cli.run(command + ["--help"], env: ["COLUMNS": String(columns)])
        #expect(result.status == 0, "\(command): \(result.err)")
        return result.out
    }

    /// The example lines of a help text: lines that start with `amanat ` once indented.
    static func examples(_ help: String) -> [String] {
        help.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix(" ") && $0.trimmingCharacters(in: .whitespaces).hasPrefix("amanat ")
        }
    }

    @Test("no example wraps inside a command line at 80 columns")
    func examplesFit() throws {
        let cli = try CLI()
        let commands = [[]] + (try Self.commands(cli))
        #expect(Set(HelpTests.commands).isSubset(of: Set(commands)), "\(commands)")
        for command in commands {
            let wide = Self.examples(try Self.help(cli, command, columns: 1000))
            let narrow = Set(try Self.help(cli, command, columns: 80).split(separator: "\n").map(String.init))
            let wrapped = wide.filter { !narrow.contains($0) }
            #expect(wrapped.isEmpty, "examples of \(command) wrap at 80 columns: \(wrapped)")
        }
    }

    @Test("open and publish show --identity as required, and say so when it is missing")
    func identityRequired() throws {
        let cli = try CLI()
        for (command, arguments) in [("open", ["9c1f0a"]), ("publish", ["9c1f0a", "--plan", "plan.json"])] {
            let usage = try #require(
                try Self.help(cli, [command], columns: 1000).split(separator: "\n").first { $0.hasPrefix("USAGE:") })
            #expect(usage.contains(" --identity <FILE>") && !usage.contains("[--identity <FILE>]"), "\(usage)")
            let missing = try cli.run([command] + arguments)
            #expect(missing.status == 64 && missing.err.hasPrefix("amanat: error: "), "\(missing.err)")
            #expect(missing.err.contains("--identity"))
        }
    }

    @Test("commands that fall back to the administrator's identity keep --identity optional")
    func identityOptional() throws {
        let cli = try CLI()
        for command in [["read"], ["case", "new"], ["grant", "issue"], ["revoke"], ["reply"], ["export"]] {
            let help = try Self.help(cli, command, columns: 1000)
            #expect(help.contains("[--identity <FILE>]"), "\(command)")
        }
    }
}
