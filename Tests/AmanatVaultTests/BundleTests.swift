import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

@Suite("Case bundles")
struct BundleTests {
    /// A case with two records (one with an attachment) exported for a lawyer.
    struct Scene {
        let t: TestVault
        let lawyer = Identity()
        let caseID: Case.ID
        let bundle: String
        let photo: [UInt8]

        init(photoSize: Int = 1000) throws {
            t = try TestVault()
            photo = SecureRandom.bytes(photoSize)
            let (a, _) = try t.submit("first", attachments: [AttachmentSource(path: try t.file("photo.jpg", photo))])
            let (b, _) = try t.submit("second")
            caseID = try t.makeCase([a, b])
            bundle = t.directory.file("case.amanat")
            #expect(
                try t.vault.exportCase(caseID, to: lawyer.publicKey, path: bundle, administrator: t.administrator) == 2)
        }

        var bytes: [UInt8] { get throws { Array(try Data(contentsOf: URL(fileURLWithPath: bundle))) } }

        func write(_ bytes: [UInt8], as name: String) throws -> String {
            let path = t.directory.file(name)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return path
        }
    }

    @Test("a bundle verifies without a key, opens only for its recipient, and holds the case whole")
    func roundTrip() throws {
        let s = try Scene()
        let summary = try CaseBundle.verify(at: s.bundle, signer: s.t.administrator.publicKey.signing)
        #expect(summary.recipient == s.lawyer.publicKey.encryption && summary.blobCount == 1)
        #expect(try FileManager.default.attributesOfItem(atPath: s.bundle)[.posixPermissions] as? Int == 0o600)
        let folder = s.t.directory.file("out")
        let contents = try CaseBundle.open(
            at: s.bundle, identity: s.lawyer, signer: s.t.administrator.publicKey.signing, attachmentsTo: folder)
        #expect(contents.title == "Хакиев, 2002" && contents.caseID == s.caseID.description)
        #expect(Set(contents.records.map(\.testimony.statement)) == ["first", "second"])
        let saved = try #require(contents.savedAttachments.values.first?.first)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: saved))) == s.photo)
        #expect(throws: AmanatVaultError.self) {
            try CaseBundle.open(at: s.bundle, identity: Identity(), signer: s.t.administrator.publicKey.signing)
        }
        #expect(throws: AmanatVaultError.self) {
            try CaseBundle.verify(at: s.bundle, signer: Identity().publicKey.signing)
        }
        #expect(try s.t.vault.store.read { try $0.auditEntries() }.last?.action == "case.export")
        // The plaintext appears nowhere in the bundle.
        let bytes = try s.bytes
        #expect(!Hex.encode(bytes).contains(Hex.encode(Array("first".utf8) + [0x22])))
    }

    @Test("every single-byte change, truncation or extension of a bundle is refused")
    func tampering() throws {
        let s = try Scene(photoSize: 300)
        let original = try s.bytes
        for position in original.indices {
            var damaged = original
            damaged[position] ^= 0x01
            let path = try s.write(damaged, as: "damaged.amanat")
            #expect(throws: (any Error).self, "byte \(position) of \(original.count)") {
                try CaseBundle.verify(at: path)
            }
        }
        for cut in [
            0, 8, CaseBundle.headerSize, original.count / 2, original.count - 65, original.count - 64,
            original.count - 1,
        ] {
            let path = try s.write(Array(original.prefix(cut)), as: "cut.amanat")
            #expect(throws: (any Error).self, "cut at \(cut)") { try CaseBundle.verify(at: path) }
        }
        let extended = try s.write(original + [0], as: "extended.amanat")
        #expect(throws: (any Error).self) { try CaseBundle.verify(at: extended) }
    }

    @Test("opening a damaged bundle writes no attachment")
    func nothingWrittenOnFailure() throws {
        let s = try Scene(photoSize: 100_000)
        var damaged = try s.bytes
        damaged[damaged.count - 100] ^= 0x80
        let path = try s.write(damaged, as: "damaged.amanat")
        let folder = s.t.directory.file("out")
        #expect(throws: AmanatVaultError.self) {
            try CaseBundle.open(
                at: path, identity: s.lawyer, signer: s.t.administrator.publicKey.signing, attachmentsTo: folder)
        }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(written.isEmpty, "partial output: \(written)")
    }

    @Test("blobs carry the digest made when they were stored; the Python reader agrees; a blob damaged since is caught")
    func storedDigests() throws {
        let s = try Scene(photoSize: 200_000)
        let records = try s.t.vault.caseDetails(s.caseID, as: .administrator(s.t.administrator)).records
        let attachment = try #require(
            try records.flatMap { try s.t.vault.open($0, as: .administrator(s.t.administrator)).attachments }.first)
        let digest = try #require(attachment.blobDigest)
        let blobPath = s.t.vault.blobDirectory + "/" + attachment.blob.description
        #expect(
            Hex.encode(
                BLAKE2b.hash(
                    Array(try Data(contentsOf: URL(fileURLWithPath: blobPath))), key: Labels.blobDigest, length: 64))
                == digest)

        let (status, output, errors) = try FixtureTests.python(
            "open_bundle.py",
            [
                s.bundle, Hex.encode(s.lawyer.encryptionKey.rawRepresentation),
                Hex.encode(s.t.administrator.publicKey.signing.rawRepresentation),
            ])
        #expect(status == 0, "open_bundle.py failed: \(errors)")
        #expect(output.contains("checks passed"))

        // The stored blob is damaged after it was written: the export hashes what it copies, finds that it
        // differs from the recorded digest, and writes no bundle at all.
        var blob = try Array(Data(contentsOf: URL(fileURLWithPath: blobPath)))
        blob[blob.count / 2] ^= 1
        try Data(blob).write(to: URL(fileURLWithPath: blobPath))
        let second = s.t.directory.file("second.amanat")
        #expect(throws: AmanatVaultError.self) {
            try s.t.vault.exportCase(s.caseID, to: s.lawyer.publicKey, path: second, administrator: s.t.administrator)
        }
        #expect(!FileManager.default.fileExists(atPath: second))
    }
}
