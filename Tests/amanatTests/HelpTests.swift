import Foundation
import Testing

/// Every command explains itself, with an example.
@Suite("Help text")
struct HelpTests {
    static let commands: [[String]] = [
        [], ["init"], ["identity", "new"], ["identity", "show"], ["identity", "passwd"], ["submit"], ["inbox"],
        ["read"],
        ["case", "new"], ["case", "assign"], ["case", "list"], ["case", "show"], ["grant", "issue"], ["grant", "list"],
        ["revoke"], ["open"], ["reply"], ["replies"], ["export"], ["verify"], ["redact"], ["audit"], ["demo"],
        ["grant"],
    ]

    @Test("every command has help with an example", arguments: commands)
    func help(command: [String]) throws {
        let cli = try CLI()
        let result = try cli.run(command + ["--help"])
        #expect(result.status == 0)
        #expect(result.out.contains("USAGE: amanat"), "\(command)")
        #expect(result.out.contains("Example"), "no example in the help of \(command)")
    }

    @Test("no command takes a passphrase or codename as an argument")
    func noSecretArguments() throws {
        let cli = try CLI()
        for command in Self.commands {
            let help = try cli.run(command + ["--help"]).out
            #expect(!help.contains("--passphrase "), "\(command)")
            #expect(!help.contains("--codename "), "\(command)")
        }
    }

    @Test("the demo tells the whole story")
    func demo() throws {
        let out = try CLI().ok(["demo"])
        for expected in ["submits her testimony", "opens the testimony", "reply from", "revoked", "verified"] {
            #expect(out.contains(expected), "demo lacks: \(expected)")
        }
    }

    @Test("shell completions can be generated")
    func completions() throws {
        #expect(try CLI().ok(["--generate-completion-script", "bash"]).contains("amanat"))
    }
}
