import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

/// The committed fixture vault (Fixtures/vault-v1, written once by `VaultStress make-fixture`) must keep
/// opening, in Swift and in an independent Python reader written from Docs/format.md: the format
/// cannot drift silently.
@Suite("Fixture vault v1")
struct FixtureTests {
    struct Facts: Decodable {
        struct Keys: Decodable {
            let x25519_secret: String
            let ed25519_seed: String
            let public_key: String
        }
        struct AttachmentFacts: Decodable {
            let name: String
            let size: Int
            let blake2b_256: String
        }
        struct Head: Decodable {
            let count: Int
            let hash: String
        }
        let administrator: Keys
        let lawyer: Keys
        let identity_passphrase: String
        let codename: String
        let record: String
        let `case`: String
        let statement: String
        let case_title: String
        let reply: String
        let attachment: AttachmentFacts
        let audit_head: Head
    }

    /// A writable copy of the committed fixture `name` (opening a vault writes its WAL files; git does not
    /// keep 0600 modes), with its fixture.json decoded as `F`.
    static func copy<F: Decodable>(_ name: String, as _: F.Type) throws -> (TemporaryDirectory, String, F) {
        let fixture = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        // The fixtures' identity files and codename settings use the fast test parameters (1 pass, 8 KiB),
        // below the floor readers enforce; debug builds let the same switch the CLI tests use lower it.
        WeakTestKeys.allow()
        let directory = try TemporaryDirectory()
        let copy = directory.file(name)
        try FileManager.default.copyItem(atPath: fixture.path, toPath: copy)
        for file in ["administrator.id", "lawyer.id"] {
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy + "/" + file)
        }
        let json = try Data(contentsOf: URL(fileURLWithPath: copy + "/fixture.json"))
        return (directory, copy, try JSONDecoder().decode(F.self, from: json))
    }

    static func copy() throws -> (TemporaryDirectory, String, Facts) { try copy("vault-v1", as: Facts.self) }

    @Test("Swift opens the fixture as administrator, as lawyer and as the source")
    func swiftOpens() throws {
        let (directory, copy, facts) = try Self.copy()
        let passphrase = SecretBytes(utf8: facts.identity_passphrase)
        let administrator = try IdentityFile.open(at: copy + "/administrator.id", passphrase: passphrase)
        let lawyer = try IdentityFile.open(at: copy + "/lawyer.id", passphrase: passphrase)
        #expect(administrator.publicKey.stringRepresentation == facts.administrator.public_key)
        #expect(Hex.encode(lawyer.encryptionKey.rawRepresentation) == facts.lawyer.x25519_secret)

        let vault = try Vault.open(
            at: copy + "/vault", trust: .administrator(Identity.PublicKey(string: facts.administrator.public_key)))
        let record = try Testimony.ID(facts.record)
        let byAdministrator = try vault.open(record, as: .administrator(administrator))
        #expect(byAdministrator.statement == facts.statement)
        #expect(try vault.open(record, as: .grantee(lawyer)) == byAdministrator)
        #expect(try vault.caseDetails(Case.ID(facts.case), as: .grantee(lawyer)).title == facts.case_title)

        let attachment = try #require(byAdministrator.attachments.first)
        #expect(attachment.name == facts.attachment.name && attachment.size == facts.attachment.size)
        let out = directory.file("photo.bin")
        try vault.exportAttachment(attachment, to: out)
        #expect(
            Hex.encode(BLAKE2b.hash(Array(try Data(contentsOf: URL(fileURLWithPath: out))), length: 32))
                == facts.attachment.blake2b_256)

        let codename = try Codename(typed: SecretBytes(utf8: facts.codename))
        #expect(try vault.replies(codename: codename).map(\.text) == [facts.reply])
        let head = AuditLog.Head(count: facts.audit_head.count, hash: facts.audit_head.hash)
        #expect(try vault.verifyAudit(remembered: head) == head)
    }

    @Test("the independent Python reader (Tests/Interop/open_fixture.py, PyNaCl) opens the fixture too")
    func pythonOpens() throws {
        let (directory, copy, _) = try Self.copy()
        defer { withExtendedLifetime(directory) {} }
        let (status, text, errorText) = try Self.python("open_fixture.py", [copy])
        #expect(status == 0, "open_fixture.py failed: \(errorText)")
        #expect(text.contains("checks passed"), "\(text)")
    }

    @Test("a bundle exported from the fixture opens in the independent Python reader (Tests/Interop/open_bundle.py)")
    func pythonOpensBundle() throws {
        let (directory, copy, facts) = try Self.copy()
        let passphrase = SecretBytes(utf8: facts.identity_passphrase)
        let administrator = try IdentityFile.open(at: copy + "/administrator.id", passphrase: passphrase)
        let vault = try Vault.open(
            at: copy + "/vault", trust: .administrator(Identity.PublicKey(string: facts.administrator.public_key)))
        let bundle = directory.file("case.amanat")
        try vault.exportCase(
            Case.ID(facts.case), to: Identity.PublicKey(string: facts.lawyer.public_key), path: bundle,
            administrator: administrator)
        let (status, output, errors) = try Self.python(
            "open_bundle.py",
            [
                bundle, facts.lawyer.x25519_secret,
                Hex.encode(administrator.publicKey.signing.rawRepresentation),
            ])
        #expect(status == 0, "open_bundle.py failed: \(errors)")
        #expect(output.contains("checks passed") && output.contains(facts.statement), "\(output)")
    }

    /// Runs a script of Tests/Interop with the Python that has PyNaCl.
    static func python(_ script: String, _ arguments: [String]) throws -> (Int32, String, String) {
        try TestPython.run("Tests/Interop/" + script, arguments)
    }
}
