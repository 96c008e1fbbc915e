import AmanatCrypto
import Foundation
import Testing

@testable import AmanatVault

/// One metadata policy for every way in: a photo attached on the command line loses exactly what the web
/// intake removes, unless it is kept whole on purpose (`keepMetadata`).
@Suite("One metadata policy")
struct MetadataPolicyTests {
    /// Submits `bytes` as a file attachment through the vault (the `amanat submit --attach` path) and returns
    /// what the administrator gets back.
    static func roundTrip(_ bytes: [UInt8], name: String, keepMetadata: Bool) throws -> [UInt8] {
        let fixture = try IntakeFixture()
        let path = fixture.directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (id, _) = try fixture.vault.submit(
            Testimony(statement: "photo", language: "ru"),
            attachments: [AttachmentSource(path: path, keepMetadata: keepMetadata)])
        let attachment = try #require(
            try fixture.vault.open(id, as: .administrator(fixture.administrator)).attachments.first)
        let out = fixture.directory + "/out-" + name
        try fixture.vault.exportAttachment(attachment, to: out)
        #expect(attachment.size == (try Data(contentsOf: URL(fileURLWithPath: out))).count)
        return Array(try Data(contentsOf: URL(fileURLWithPath: out)))
    }

    @Test("a JPEG and a PNG attached as files come back exactly as the web intake cleans them")
    func stripped() throws {
        #expect(try Self.roundTrip(Fixture.dirtyJPEG, name: "photo.jpg", keepMetadata: false) == Fixture.cleanJPEG)
        #expect(try Self.roundTrip(Fixture.dirtyPNG, name: "photo.png", keepMetadata: false) == Fixture.cleanPNG)
    }

    @Test("--keep-metadata keeps a photo byte for byte; other files are never touched")
    func kept() throws {
        #expect(try Self.roundTrip(Fixture.dirtyJPEG, name: "photo.jpg", keepMetadata: true) == Fixture.dirtyJPEG)
        let text = Array("GPS 43.3 45.7 Canon SN48317720".utf8)
        #expect(try Self.roundTrip(text, name: "notes.txt", keepMetadata: false) == text)
    }

    @Test("a damaged photo is refused with a clear reason and nothing is stored")
    func damaged() throws {
        let fixture = try IntakeFixture()
        let path = fixture.directory + "/cut.jpg"
        try Data(Fixture.dirtyJPEG.prefix(Fixture.dirtyJPEG.count / 2)).write(to: URL(fileURLWithPath: path))
        #expect(throws: AmanatVaultError.self) {
            try fixture.vault.submit(
                Testimony(statement: "photo", language: "ru"), attachments: [AttachmentSource(path: path)])
        }
        #expect(try fixture.vault.inbox().isEmpty)
        #expect(try fixture.blobFiles().isEmpty)
    }
}
