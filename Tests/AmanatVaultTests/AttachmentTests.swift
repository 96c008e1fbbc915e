import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

@Suite("Attachments")
struct AttachmentTests {
    @Test(
        "attachments round-trip at several sizes, stored padded to a bucket", arguments: [1, 65_535, 65_536, 200_001])
    func roundTrip(size: Int) throws {
        let t = try TestVault()
        let content = SecureRandom.bytes(size)
        let (id, _) = try t.submit(attachments: [AttachmentSource(path: try t.file("photo.jpg", content))])
        let opened = try t.vault.open(id, as: .administrator(t.administrator))
        let attachment = try #require(opened.attachments.first)
        #expect(attachment.name == "photo.jpg" && attachment.size == size)
        let stored =
            try FileManager.default.attributesOfItem(atPath: t.vault.blobDirectory + "/" + attachment.blob.description)[
                .size] as? Int
        #expect(stored == SecretStream.encryptedSize(plaintextSize: SizeBucket.bucket(for: size)))
        let out = t.directory.file("out.jpg")
        try t.vault.exportAttachment(attachment, to: out)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: out))) == content)
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
    }

    @Test("an empty file is refused as an attachment, and nothing is stored")
    func emptyFile() throws {
        let t = try TestVault()
        #expect(throws: AmanatVaultError.self) {
            try t.submit(attachments: [AttachmentSource(path: try t.file("photo.jpg", []))])
        }
        #expect(try t.vault.inbox().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.vault.blobDirectory).isEmpty)
    }

    @Test("a damaged blob is reported as corruption and leaves no output file")
    func damagedBlob() throws {
        let t = try TestVault()
        let (id, _) = try t.submit(attachments: [
            AttachmentSource(path: try t.file("a.bin", SecureRandom.bytes(100_000)))
        ])
        let attachment = try #require(try t.vault.open(id, as: .administrator(t.administrator)).attachments.first)
        let blob = t.vault.blobDirectory + "/" + attachment.blob.description
        let original = try Array(Data(contentsOf: URL(fileURLWithPath: blob)))
        for position in [0, 23, 24, 500, original.count / 2, original.count - 1] {
            var damaged = original
            damaged[position] ^= 0x40
            try Data(damaged).write(to: URL(fileURLWithPath: blob))
            let out = t.directory.file("out-\(position)")
            #expect(throws: AmanatVaultError.corrupted("attachment \(attachment.blob)")) {
                try t.vault.exportAttachment(attachment, to: out)
            }
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        try Data(original.dropLast(17)).write(to: URL(fileURLWithPath: blob))
        #expect(throws: AmanatVaultError.self) { try t.vault.exportAttachment(attachment, to: t.directory.file("cut")) }
    }

    @Test("a missing or unreadable attachment stores nothing")
    func missingFile() throws {
        let t = try TestVault()
        #expect(throws: AmanatVaultError.self) {
            try t.submit(attachments: [AttachmentSource(path: t.directory.file("missing.jpg"))])
        }
        #expect(try t.vault.inbox().isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: t.vault.blobDirectory).isEmpty)
    }
}
