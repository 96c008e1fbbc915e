import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@testable import AmanatVault

/// What a reader accepts is exactly what the spec says: a body that disagrees with its row, a body padded
/// to a bucket not its own, a JSON body with a repeated member, and a blob changed on disk are refused.
@Suite("Formats made exact")
struct ExactFormatTests {
    /// Re-encrypts record `id`'s body as the administrator could (valid AEAD, same associated data), with
    /// `json` padded by `pad`, and stores it with a matching size bucket.
    static func rewriteBody(_ t: TestVault, _ id: Testimony.ID, json: [UInt8], pad: ([UInt8]) -> SecretBytes) throws {
        let (body, bucket) = try t.vault.store.read { reader in
            let row = try #require(try reader.testimony(Data(id.rawValue)))
            let key = try t.vault.recordKey(row, as: .administrator(t.administrator), today: .today(), reader)
            let mailbox = try #require(try reader.mailbox(row.mailboxID))
            let ad = VaultFormat.testimonyAD(
                record: row.id, kind: .submission, mailbox: mailbox.id, replyKey: mailbox.replyKey,
                language: row.language, day: row.day)
            let padded = pad(json)
            return (Data(XChaCha20Poly1305.seal(padded, using: key, associatedData: ad)), padded.count)
        }
        let database = try DatabaseQueue(path: t.directory.file("vault/vault.sqlite"))
        try database.write { db in
            try db.execute(
                sql: "UPDATE testimony SET body = ?, sizeBucket = ? WHERE id = ?",
                arguments: [body, bucket, Data(id.rawValue)])
        }
    }

    @Test("a body whose language differs from its row is refused")
    func languageMismatch() throws {
        let t = try TestVault(onDisk: true)
        let (id, _) = try t.submit()
        var testimony = TestVault.sample()
        testimony.language = "en"
        try Self.rewriteBody(t, id, json: Array(try JSONEncoder().encode(testimony))) { Padding.padToBucket($0) }
        #expect(throws: AmanatVaultError.self) { try t.vault.open(id, as: .administrator(t.administrator)) }
    }

    @Test("a body padded to a bucket larger than its own is refused")
    func wrongBucket() throws {
        let t = try TestVault(onDisk: true)
        let (id, _) = try t.submit()
        let json = Array(try JSONEncoder().encode(TestVault.sample()))
        try Self.rewriteBody(t, id, json: json) { Padding.pad($0, toMultipleOf: 4096) }
        #expect(throws: AmanatVaultError.self) { try t.vault.open(id, as: .administrator(t.administrator)) }
        // The same body in its own bucket opens.
        try Self.rewriteBody(t, id, json: json) { Padding.padToBucket($0) }
        _ = try t.vault.open(id, as: .administrator(t.administrator))
    }

    @Test("a body with a repeated member is refused, whichever value a decoder would keep")
    func duplicateMember() throws {
        let t = try TestVault(onDisk: true)
        let (id, _) = try t.submit()
        var text = String(decoding: try JSONEncoder().encode(TestVault.sample()), as: UTF8.self)
        text.removeLast()
        text += #","statement":"a second statement"}"#
        try Self.rewriteBody(t, id, json: Array(text.utf8)) { Padding.padToBucket($0) }
        #expect(throws: AmanatVaultError.self) { try t.vault.open(id, as: .administrator(t.administrator)) }
    }

    @Test("export refuses a case whose attachment changed on disk, and writes no bundle")
    func exportChecksBlobDigest() throws {
        let t = try TestVault(onDisk: true)
        let (id, _) = try t.submit(attachments: [
            AttachmentSource(path: try t.file("photo.jpg", SecureRandom.bytes(70_000)))
        ])
        let caseID = try t.makeCase([id])
        let attachment = try #require(try t.vault.open(id, as: .administrator(t.administrator)).attachments.first)
        let blob = t.vault.blobDirectory + "/" + attachment.blob.description
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: blob)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: blob))
        let bundle = t.directory.file("case.amanat")
        #expect(throws: AmanatVaultError.self) {
            try t.vault.exportCase(caseID, to: Identity().publicKey, path: bundle, administrator: t.administrator)
        }
        #expect(!FileManager.default.fileExists(atPath: bundle))
        #expect(throws: AmanatVaultError.self) { try t.vault.exportAttachment(attachment, to: t.directory.file("out")) }
        #expect(!FileManager.default.fileExists(atPath: t.directory.file("out")))
    }
}
