import Foundation
import Testing

/// The administrator's identity (a secret key) never starts out in the vault folder, and `amanat serve`
/// refuses to run while one sits there.
@Suite("Where the administrator's identity lives")
struct IdentityPlacementTests {
    /// The first 8 bytes of every identity file.
    static let magic = Data("AMANATID".utf8)

    /// Paths under `folder` of files that start like an identity file.
    static func identityFiles(in folder: String) -> [String] {
        (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).filter {
            (try? Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)).prefix(8)) == magic
        }
    }

    @Test("init writes it next to the vault folder, and later commands find it there")
    func initDefault() throws {
        let s = try StoryTests.Setup()
        let out = try s.cli.ok(["identity", "show", s.cli.path("vault-administrator.id")])
        #expect(out.contains("Public key: amanat1"))
        #expect(Self.identityFiles(in: s.cli.path("vault")).isEmpty)
        #expect(try s.cli.ok(["case", "new", "T"] + s.admin).hasPrefix("Created case "))
    }

    @Test("init refuses --identity-out inside the vault folder, and an identity that already exists")
    func initRefusals() throws {
        let cli = try CLI()
        let pass = try cli.write("admin.pass", "администратор пароль 1\n")
        let inside = try cli.run(["init", "--identity-out", cli.path("vault/admin.id"), "--passphrase-file", pass])
        #expect(inside.status == 64 && inside.err.contains("inside the vault folder"), "\(inside.err)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("vault")))
        try cli.write("vault-administrator.id", "an older key")
        let taken = try cli.run(["init", "--passphrase-file", pass])
        #expect(taken.status == 64 && taken.err.contains("already exists"), "\(taken.err)")
        #expect(!FileManager.default.fileExists(atPath: cli.path("vault")))
    }

    @Test("an identity left inside the vault by an earlier init is still used, with a note on moving it")
    func legacyLocation() throws {
        let s = try StoryTests.Setup()
        try FileManager.default.moveItem(
            atPath: s.cli.path("vault-administrator.id"), toPath: s.cli.path("vault/administrator.id"))
        let result = try s.cli.run(["case", "new", "T"] + s.admin)
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.contains("amanat: note: ") && result.err.contains("mv "), "\(result.err)")
    }

    @Test("serve refuses to run with an identity file in the vault folder, and says how to move it")
    func serveRefuses() throws {
        let s = try StoryTests.Setup()
        let shown = try s.cli.ok(["identity", "show", s.cli.path("vault-administrator.id")])
        let key = try #require(CLI.value(after: "Public key: ", in: shown))
        let hidden = s.cli.path("vault/notes/admin-copy.bin")
        try FileManager.default.createDirectory(
            atPath: s.cli.path("vault/notes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: s.cli.path("vault-administrator.id"), toPath: hidden)
        // An address this machine does not have: past the checks, the server could not listen and would stop.
        let arguments = ["serve", "--administrator-key", key, "--listen", "192.0.2.1:9"]
        let refused = try s.cli.run(arguments)
        #expect(refused.status == 1, "\(refused.err)")
        #expect(refused.err.hasPrefix("amanat: error: \(hidden) is an identity file"), "\(refused.err)")
        #expect(refused.err.contains("amanat: hint: move it out with `mv \(hidden) "), "\(refused.err)")
        #expect(!refused.out.contains("Amanat intake on"))

        try FileManager.default.removeItem(atPath: hidden)
        // blobs/ holds what sources upload (encrypted); it is not searched, so no upload can stop the intake.
        try Data(Self.magic + Data(count: 200)).write(
            to: URL(fileURLWithPath: s.cli.path("vault/blobs/" + String(repeating: "ab", count: 16))))
        let moved = try s.cli.run(arguments)
        #expect(!moved.err.contains("identity file"), "\(moved.err)")
    }

    @Test("init --administrator-key makes a vault with no secret key anywhere; her first action signs it")
    func publicKeyOnly() throws {
        let cli = try CLI()
        let pass = try cli.write("admin.pass", "администратор пароль 1\n")
        let made = try cli.ok(["identity", "new", "--out", cli.path("admin.id"), "--passphrase-file", pass])
        let key = try #require(CLI.value(after: "Public key: ", in: made))
        let out = try cli.ok(["init", "--administrator-key", key])
        #expect(out.contains("no secret key is on this machine"), "\(out)")
        #expect(Self.identityFiles(in: cli.path("vault")).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: cli.path("vault-administrator.id")))
        // The intake's work needs no secret; the administrator's first action, with her identity, signs.
        _ = try cli.ok(["submit", "--lang", "ru"], input: "Свидетельство.")
        let admin = ["--identity", cli.path("admin.id"), "--passphrase-file", pass]
        #expect(try cli.ok(["case", "new", "Дело"] + admin).hasPrefix("Created case "))
        try cli.ok(["audit", "--verify"])
        // A key with a secret option, or a malformed key, is refused before anything is made.
        let mixed = try cli.run([
            "init", "--vault", cli.path("v2"), "--administrator-key", key, "--passphrase-file", pass,
        ])
        #expect(mixed.status == 64 && !FileManager.default.fileExists(atPath: cli.path("v2")))
        let bad = try cli.run(["init", "--vault", cli.path("v3"), "--administrator-key", "amanat1nonsense"])
        #expect(bad.status == 64 && !FileManager.default.fileExists(atPath: cli.path("v3")), "\(bad.err)")
    }
}
