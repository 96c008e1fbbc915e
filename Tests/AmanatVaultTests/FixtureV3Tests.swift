import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@testable import AmanatVault

/// The committed fixture of schema revision 3 (Fixtures/vault-v3, written once by `VaultStress
/// make-fixture-v3`): signed settings, author names, a downgraded grant (key version 2) and replies of
/// payload version 2 must keep opening in Swift and in the independent Python reader, and a tampered
/// copy must fail in both.
@Suite("Fixture vault v3")
struct FixtureV3Tests {
    struct Facts: Decodable {
        /// The same key, attachment and audit-head records as revision 1's fixture.json.
        typealias Keys = FixtureTests.Facts.Keys
        typealias AttachmentFacts = FixtureTests.Facts.AttachmentFacts
        typealias Head = FixtureTests.Facts.Head
        struct ReplyFacts: Decodable {
            let text: String
            let author: String
            let role: String
            let name: String
        }
        let administrator: Keys
        let lawyer: Keys
        let identity_passphrase: String
        let codename: String
        let record: String
        let `case`: String
        let grant: String
        let grant_key_version: Int
        let revoked_grant: String
        let statement: String
        let case_title: String
        let replies: [ReplyFacts]
        let attachment: AttachmentFacts
        let audit_head: Head
    }

    static func copy() throws -> (TemporaryDirectory, String, Facts) {
        try FixtureTests.copy("vault-v3", as: Facts.self)
    }

    static func open(_ copy: String, _ facts: Facts) throws -> Vault {
        let administrator = try Identity.PublicKey(string: facts.administrator.public_key)
        return try Vault.open(at: copy + "/vault", trust: .administrator(administrator))
    }

    @Test("Swift opens vault-v3 as administrator, as lawyer through the renewed grant, and as the source")
    func swiftOpens() throws {
        let (directory, copy, facts) = try Self.copy()
        let passphrase = SecretBytes(utf8: facts.identity_passphrase)
        let administrator = try IdentityFile.open(at: copy + "/administrator.id", passphrase: passphrase)
        let lawyer = try IdentityFile.open(at: copy + "/lawyer.id", passphrase: passphrase)
        #expect(administrator.publicKey.stringRepresentation == facts.administrator.public_key)
        #expect(lawyer.publicKey.stringRepresentation == facts.lawyer.public_key)

        let vault = try Self.open(copy, facts)
        let record = try Testimony.ID(facts.record)
        let caseID = try Case.ID(facts.case)
        let byAdministrator = try vault.open(record, as: .administrator(administrator))
        #expect(byAdministrator.statement == facts.statement)
        #expect(try vault.open(record, as: .grantee(lawyer)) == byAdministrator)
        #expect(try vault.caseDetails(caseID, as: .grantee(lawyer)).title == facts.case_title)
        let grants = try vault.grants(case: caseID)
        let current = try #require(grants.first { $0.id.description == facts.grant })
        #expect(current.status == .active && current.permissions == .read)
        #expect(current.keyVersion == facts.grant_key_version)
        let revoked = try #require(grants.first { $0.id.description == facts.revoked_grant })
        #expect(revoked.permissions == .readAndPublish && revoked.keyVersion == 1)
        if case .revoked = revoked.status {} else { Issue.record("the read+publish grant is \(revoked.status)") }

        let attachment = try #require(byAdministrator.attachments.first)
        #expect(attachment.name == facts.attachment.name && attachment.size == facts.attachment.size)
        let out = directory.file(attachment.name)
        try vault.exportAttachment(attachment, to: out)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(Hex.encode(BLAKE2b.hash(bytes, length: 32)) == facts.attachment.blake2b_256)

        let replies = try vault.replies(codename: Codename(typed: SecretBytes(utf8: facts.codename)))
        #expect(replies.count == facts.replies.count)
        for expected in facts.replies {
            let reply = try #require(replies.first { $0.text == expected.text })
            let author = expected.author == "lawyer" ? lawyer.publicKey : administrator.publicKey
            #expect(reply.author == author && reply.role.rawValue == expected.role)
            #expect(reply.authorName == expected.name)
        }
        let head = AuditLog.Head(count: facts.audit_head.count, hash: facts.audit_head.hash)
        #expect(try vault.verifyAudit(remembered: head) == head)
    }

    @Test("the independent Python reader opens vault-v3 and names each reply's author")
    func pythonOpens() throws {
        let (directory, copy, facts) = try Self.copy()
        defer { withExtendedLifetime(directory) {} }
        let (status, text, errorText) = try FixtureTests.python("open_fixture.py", [copy])
        #expect(status == 0, "open_fixture.py failed: \(errorText)")
        #expect(text.contains("checks passed"), "\(text)")
        for reply in facts.replies {
            #expect(text.contains("from \(reply.name), \(reply.role)"), "\(text)")
        }
    }

    @Test("a changed codenameOpsLimit breaks the settings signature: Swift and Python refuse the vault")
    func tamperedSettings() throws {
        let (directory, copy, facts) = try Self.copy()
        defer { withExtendedLifetime(directory) {} }
        try Self.edit(copy, "UPDATE vaultInfo SET codenameOpsLimit = codenameOpsLimit + 1")
        #expect(throws: AmanatVaultError.self) { try Self.open(copy, facts) }
        let (status, _, errorText) = try FixtureTests.python("open_fixture.py", [copy])
        #expect(status == 1 && errorText.contains("settings"), "\(errorText)")
    }

    @Test("a renamed author breaks her name's signature: Swift shows no reply, Python refuses")
    func tamperedAuthorName() throws {
        let (directory, copy, facts) = try Self.copy()
        defer { withExtendedLifetime(directory) {} }
        try Self.edit(
            copy,
            "UPDATE authorName SET name = 'Адвокат Е. Иванова' WHERE name = "
                + "'Адвокат Е. Петрова'")
        let vault = try Self.open(copy, facts)
        let codename = try Codename(typed: SecretBytes(utf8: facts.codename))
        #expect(throws: AmanatVaultError.self) { try vault.replies(codename: codename) }
        let (status, _, errorText) = try FixtureTests.python("open_fixture.py", [copy])
        #expect(status == 1 && errorText.contains("author name"), "\(errorText)")
    }

    /// Runs one UPDATE on the copy's database, as someone who can write the file, then closes it.
    static func edit(_ copy: String, _ sql: String) throws {
        let database = try DatabaseQueue(path: copy + "/vault/vault.sqlite")
        let changed = try database.write { db in
            try db.execute(sql: sql)
            return db.changesCount
        }
        #expect(changed == 1, "\(sql) changed \(changed) rows")
        try database.close()
    }
}
