import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

@Suite("Attachments that arrive in pieces")
struct UploadTests {
    /// Uploads `bytes` in pieces of `piece` bytes.
    static func upload(
        _ bytes: [UInt8], name: String, piece: Int, to vault: Vault, limit: Int = Vault.attachmentLimit
    ) throws -> AttachmentUpload {
        let upload = try vault.beginAttachment(name: name, limit: limit)
        var offset = 0
        while offset < bytes.count {
            let n = min(piece, bytes.count - offset)
            try bytes.withUnsafeBytes { try upload.write(UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + n)])) }
            offset += n
        }
        return upload
    }

    static func blobFiles(_ t: TestVault) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: t.vault.blobDirectory)
    }

    @Test("an uploaded file is stored like a submitted one and opens whole")
    func roundTrip() throws {
        let t = try TestVault()
        let photo = SecureRandom.bytes(300_001)
        let attachment = try Self.upload(photo, name: "photo.jpg", piece: 8_191, to: t.vault).finish()
        #expect(attachment.size == photo.count)
        let (record, codename) = try t.vault.submit(TestVault.sample(), uploads: [attachment])
        let opened = try t.vault.open(record, as: .administrator(t.administrator))
        #expect(opened.attachments.count == 1 && opened.attachments[0].name == "photo.jpg")
        let out = t.directory.file("out.jpg")
        try t.vault.exportAttachment(opened.attachments[0], to: out)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: out))) == photo)
        // The stored blob is padded to the size bucket and carries no plaintext.
        let blob = try Data(contentsOf: URL(fileURLWithPath: t.vault.blobDirectory + "/" + attachment.blob.description))
        #expect(blob.count == SecretStream.encryptedSize(plaintextSize: SizeBucket.bucket(for: photo.count)))
        #expect(blob.range(of: Data(photo[1000..<1064])) == nil)
        // A follow-up with an upload lands in the same mailbox.
        let more = try Self.upload(Array("voice".utf8), name: "voice.ogg", piece: 2, to: t.vault).finish()
        let later = try t.vault.followUp(TestVault.sample("Ещё."), uploads: [more], codename: codename)
        #expect(try t.vault.open(later, as: .administrator(t.administrator)).attachments[0].size == 5)
    }

    @Test("an upload over its limit, a cancelled one and a failed submission leave no file behind")
    func nothingLeftBehind() throws {
        let t = try TestVault()
        let big = try t.vault.beginAttachment(name: "big.mov", limit: 1000)
        #expect(throws: AmanatVaultError.attachmentTooLarge(path: "big.mov", limit: 1000)) {
            try SecureRandom.bytes(1001).withUnsafeBytes { try big.write($0) }
        }
        let cancelled = try Self.upload(SecureRandom.bytes(5000), name: "x", piece: 100, to: t.vault)
        cancelled.cancel()
        _ = consume cancelled
        _ = consume big
        #expect(try Self.blobFiles(t).isEmpty)
        // A finished upload whose submission fails is deleted with it.
        let done = try Self.upload(SecureRandom.bytes(5000), name: "x", piece: 100, to: t.vault).finish()
        #expect(try Self.blobFiles(t).count == 1)
        #expect(throws: AmanatVaultError.self) {
            try t.vault.submit(Testimony(statement: "x", language: "fr"), uploads: [done])
        }
        #expect(try Self.blobFiles(t).isEmpty)
        let again = try Self.upload(SecureRandom.bytes(10), name: "x", piece: 3, to: t.vault).finish()
        #expect(throws: AmanatVaultError.self) {
            _ = try t.vault.followUp(TestVault.sample(), uploads: [again], codename: Codename.generate())
        }
        #expect(try Self.blobFiles(t).isEmpty)
    }
}
