import Foundation
import Testing

/// The conventions a user relies on: short ids, keys checked before granting, secrets off argv,
/// one error format, JSON that scripts can read.
@Suite("amanat conventions")
struct ConventionTests {
    @Test("ids can be shortened to a unique beginning; ambiguous or unknown ones are refused clearly")
    func shortIDs() throws {
        let s = try StoryTests.Setup()
        let (record, _) = try s.submit("text")
        #expect(try s.cli.ok(["read", String(record.prefix(8))] + s.admin).contains("text"))
        let caseID = try #require(CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", "T"] + s.admin)))
        try s.cli.ok(["case", "assign", String(caseID.prefix(6)), String(record.prefix(6))] + s.admin)
        #expect(try s.cli.ok(["grant", "list", String(caseID.prefix(7))]).contains("No grants"))
        let short = try s.cli.run(["read", "abc"] + s.admin)
        #expect(short.status == 64 && short.err.contains("first 6"))
        let unknown = try s.cli.run(["read", "ffffffffff"] + s.admin)
        #expect(unknown.status == 66 || record.hasPrefix("ffffffffff"))
        let noCase = try s.cli.run(["grant", "list", String(repeating: "0", count: 32)])
        #expect(noCase.status == 66 || caseID == String(repeating: "0", count: 32))
    }

    @Test("a key from an email can be checked before granting; identity files are never passed around")
    func keysBeforeGranting() throws {
        let s = try StoryTests.Setup()
        let shown = try s.cli.ok(["identity", "show", s.lawyerKey])
        #expect(shown.contains(s.lawyerFingerprint))
        let pub = try s.cli.write("lawyer.pub", try s.cli.ok(["identity", "show", s.lawyerID, "--json"]))
        #expect(try s.cli.ok(["identity", "show", pub]).contains(s.lawyerFingerprint))
        let caseID = try #require(CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", "T"] + s.admin)))
        #expect(
            try s.cli.ok(["grant", caseID, "--to", pub, "--expires", "30d"] + s.admin).contains(s.lawyerFingerprint))
        let secret = try s.cli.run(["grant", caseID, "--to", s.lawyerID, "--expires", "30d"] + s.admin)
        #expect(secret.status == 64 && secret.err.contains("secret key"))
        let far = try s.cli.run(["grant", caseID, "--to", s.lawyerKey, "--expires", "2099-01-01"] + s.admin)
        #expect(far.status == 64 && far.err.hasPrefix("amanat: error: "))
        // In a file the key is one unbroken run of letters and digits (Docs/cli.md): a key with a space, a tab,
        // a line break or extra letters inside or after it is refused, never read past (found by fuzzing).
        let key = s.lawyerKey
        let (front, back) = (String(key.prefix(40)), String(key.dropFirst(40)))
        let damaged: [(String, String)] = [
            ("space", front + " " + back), ("tab", front + "\t" + back), ("wrapped", front + "\n" + back),
            ("extra", key + "abc"), ("inserted", front + "q" + back),
        ]
        for (name, text) in damaged {
            let file = try s.cli.write("\(name).pub", "Public key: \(text)\n")
            let refused = try s.cli.run(["grant", caseID, "--to", file, "--expires", "30d"] + s.admin)
            #expect(refused.status == 64 && refused.err.hasPrefix("amanat: error: "), "\(name): \(refused.err)")
        }
    }

    @Test("structured fields from a file, JSON output for scripts, and a warning for names on the command line")
    func fieldsAndJSON() throws {
        let s = try StoryTests.Setup()
        let fields = try s.cli.write(
            "fields.json",
            #"{"people": [{"name": "Заира", "role": "мать"}], "places": ["Карабулак"], "contact": "replies"}"#)
        let out = try s.cli.run(["submit", "--fields-file", fields, "--json"], input: "Свидетельство.")
        #expect(out.status == 0 && out.err.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.out.utf8)) as? [String: String])
        let record = try #require(json["record"])
        #expect(json["codename"]?.split(separator: " ").count == 8)
        let read = try s.cli.ok(["read", record, "--json"] + s.admin)
        #expect(read.contains("Заира") && read.contains("Карабулак") && read.contains("мать"))
        let onArgv = try s.cli.run(["submit", "--place", "Карабулак"], input: "x")
        #expect(onArgv.status == 0 && onArgv.err.contains("warning") && onArgv.err.contains("--fields-file"))
        let badFields = try s.cli.write("bad.json", "not json")
        #expect(try s.cli.run(["submit", "--fields-file", badFields], input: "x").status == 64)
        let verified = try s.cli.ok(["audit", "--verify", "--json"])
        let head = try #require(try JSONSerialization.jsonObject(with: Data(verified.utf8)) as? [String: Any])
        #expect(head["entries"] is Int)
        let titled = try s.cli.write("title.txt", "Хакиев, 2002\nnotes here\n")
        let caseID = try #require(
            CLI.value(after: "Created case ", in: try s.cli.ok(["case", "new", "--title-file", titled] + s.admin)))
        #expect(try s.cli.ok(["case", "show", caseID, "--json"] + s.admin).contains("notes here"))
    }

    @Test("new passphrases need 8 characters from any source; init never loses a key")
    func newPassphrasesAndInit() throws {
        let cli = try CLI()
        let short = try cli.write("short.pass", "x\n")
        let refused = try cli.run(["identity", "new", "--out", cli.path("a.id"), "--passphrase-file", short])
        #expect(refused.status == 64 && !FileManager.default.fileExists(atPath: cli.path("a.id")))
        let good = try cli.write("good.pass", "a good long passphrase\n")
        try cli.write("taken.id", "something")
        let taken = try cli.run(["init", "--identity-out", cli.path("taken.id"), "--passphrase-file", good])
        #expect(taken.status == 64)
        #expect(
            !FileManager.default.fileExists(atPath: cli.path("vault")),
            "a vault was created although its key could not be saved")
        try cli.ok(["init", "--passphrase-file", good])
        let again = try cli.run(["init", "--passphrase-file", good])
        #expect(again.status == 64 && again.err.contains("already holds"))
        let viaEnvironment = try cli.run(
            ["identity", "new", "--out", cli.path("b.id")], env: ["AMANAT_NEW_PASSPHRASE": "long enough passphrase"])
        #expect(viaEnvironment.status == 0)
    }

    @Test("usage errors use the same one-line form as every other error")
    func usageErrors() throws {
        let cli = try CLI()
        for arguments in [
            ["submit", "--lang", "fr"], ["audit", "--expect-head", "3:abc"], ["grant", "list", "--nonsense"],
        ] {
            let result = try cli.run(arguments, input: "x")
            #expect(result.status == 64, "\(arguments)")
            #expect(result.err.hasPrefix("amanat: error: "), "\(arguments): \(result.err)")
        }
    }
}
