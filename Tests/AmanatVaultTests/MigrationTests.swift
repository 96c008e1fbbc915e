import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

/// A vault folder copied into PostgreSQL: the same records, files, cases, grants, replies and audit log,
/// checked; an interrupted copy taken up where it stopped; a database with another vault refused.
@Suite("Migration to PostgreSQL", .enabled(if: TestPostgreSQL.isAvailable, "needs the cluster `make test` starts"))
struct MigrationTests {
    @Test("the copy opens as the folder does; a second run only checks; another vault's database is refused")
    func copy() throws {
        let t = try TestVault(onDisk: true)
        let file = try t.file("scan.bin", SecureRandom.bytes(70_000))
        let (record, codename) = try t.submit("Мой сын ушёл.", attachments: [AttachmentSource(path: file)])
        let caseID = try t.makeCase([record])
        let lawyer = Identity()
        try t.grant(caseID, to: lawyer)
        try t.vault.reply(to: record, text: "Получили.", as: .grantee(lawyer))
        let name = "Правозащитный центр"
        try t.vault.setAuthorName(name, for: t.administrator.publicKey, administrator: t.administrator)

        let address = try TestPostgreSQL.freshDatabase()
        // An interrupted run: one blob already there, no rows.
        let earlier = try PostgreSQLVaultStore(url: address)
        let attachment = try #require(try t.vault.open(record, as: .administrator(t.administrator)).attachments.first)
        let draft = try PostgreSQLBlobs(store: earlier).draft(attachment.blob)
        let original = try Data(
            contentsOf: URL(fileURLWithPath: t.vault.blobDirectory + "/" + attachment.blob.description))
        try original.withUnsafeBytes { try draft.write($0) }
        try draft.commit()

        let report = try t.vault.migrate(to: address)
        #expect(report.blobsAlreadyThere == 1 && report.rows > 10)
        let copy = try Vault.open(.database(address), trust: VaultTrust(administrator: t.administrator.publicKey))
        #expect(try copy.verifyAudit() == t.vault.verifyAudit())
        let opened = try copy.open(record, as: .grantee(lawyer))
        #expect(opened.statement == "Мой сын ушёл.")
        try copy.exportAttachment(try #require(opened.attachments.first), to: t.directory.file("out.bin"))
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: t.directory.file("out.bin")))
                == Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(try copy.replies(codename: codename).map(\.text) == ["Получили."])

        let again = try t.vault.migrate(to: address)
        #expect(again.rows == 0 && again.blobsCopied == 0 && again.blobsAlreadyThere == 1)
        let other = try TestVault(onDisk: true)
        #expect(throws: AmanatVaultError.self) { try other.vault.migrate(to: address) }
    }

    @Test("rows are copied page by page: records, follow-ups and replies across many pages, each once")
    func pages() throws {
        let t = try TestVault(onDisk: true)
        var codenames: [Codename] = []
        for index in 0..<9 {
            let (record, codename) = try t.submit("Запись \(index).")
            codenames.append(codename)
            _ = try t.vault.followUp(TestVault.sample("Ещё \(index)."), codename: codename)
            try t.vault.reply(to: record, text: "Ответ \(index).", as: .administrator(t.administrator))
        }
        let address = try TestPostgreSQL.freshDatabase()
        var reported: [Int] = []
        let report = try t.vault.migrate(to: address, pageSize: 4) { stage, done, _ in
            if stage == "rows" { reported.append(done) }
        }
        let total = try t.vault.store.read { try $0.rowCounts() }.reduce(0, +)
        #expect(report.rows == total && reported.last == total && reported.count > 8)
        let copy = try Vault.open(.database(address), trust: VaultTrust(administrator: t.administrator.publicKey))
        #expect(try copy.inbox() == t.vault.inbox())
        for (index, codename) in codenames.enumerated() {
            #expect(try copy.replies(codename: codename).map(\.text) == ["Ответ \(index)."])
        }
    }
}
