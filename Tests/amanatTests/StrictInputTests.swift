import Foundation
import Testing

/// JSON the command line reads from files is read in the one strict dialect (Docs/format.md §1).
@Suite("amanat reads JSON strictly")
struct StrictInputTests {
    @Test("a fields file with a repeated member, or a fractional number, is refused and nothing is stored")
    func fieldsFile() throws {
        let cli = try CLI()
        try cli.ok([
            "init", "--passphrase-file",
            try cli.write(
                "admin.pass",
                "администратор "
                    + "пароль 1\n"),
        ])
        for (index, text) in [
            #"{"places": ["Карабулак"], "places": ["Назрань"]}"#, #"{"people": [], "places": [], "n": 1.5}"#,
        ]
        .enumerated() {
            let fields = try cli.write("fields-\(index).json", text)
            let refused = try cli.run(
                ["submit", "--fields-file", fields],
                input: "Мой сын ушёл в "
                    + "марте.")
            #expect(refused.status == 64, "\(text): \(refused.err)")
        }
        #expect(try cli.ok(["inbox", "--json"]).contains("\"id\"") == false, "a refused submission stored something")
    }
}

/// An attachment that holds nothing is a mistake to point out, not evidence to store.
@Suite("amanat submit and empty attachments")
struct EmptyAttachmentTests {
    @Test("a 0-byte attachment is refused with exit 64 and nothing is stored")
    func emptyFile() throws {
        let cli = try CLI()
        try cli.ok([
            "init", "--passphrase-file",
            try cli.write(
                "admin.pass",
                "администратор "
                    + "пароль 1\n"),
        ])
        let empty = try cli.write("photo.jpg", "")
        let refused = try cli.run(["submit", "--attach", empty], input: "Мой сын ушёл в марте.")
        #expect(refused.status == 64 && refused.err.contains("empty (0 bytes)"), "\(refused.err)")
        #expect(try cli.ok(["inbox", "--json"]).contains("\"id\"") == false)
    }
}

/// Help that teaches: the exit codes in `amanat --help`, and "did you mean" for a mistyped command.
@Suite("amanat helps with mistakes")
struct MistakeHelpTests {
    @Test("a mistyped subcommand gets the closest one; an unknown word gets the help hint; --help lists exit codes")
    func didYouMean() throws {
        let cli = try CLI()
        let typo = try cli.run(["inbxo"])
        #expect(typo.status == 64 && typo.err.contains("did you mean `amanat inbox`?"), "\(typo.err)")
        #expect(try cli.run(["grnt"]).err.contains("did you mean `amanat grant`?"))
        let unknown = try cli.run(["zzzzzzzz"])
        #expect(unknown.status == 64 && unknown.err.contains("see `amanat help`"))
        let help = try cli.ok(["--help"])
        #expect(help.contains("Exit codes:") && help.contains("65 damaged"))
    }
}
