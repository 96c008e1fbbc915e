import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

/// The behaviour every `BlobContainer` must have: a blob reads back exactly as written in any pieces, is
/// invisible until committed, and leaves nothing when dropped or removed. PostgreSQL runs where `make test`
/// gives the tests a cluster; its pieces are made small here so that a blob spans many.
@Suite("Blob container conformance")
struct BlobContainerTests {
    static let backends = ["folder"] + (TestPostgreSQL.isAvailable ? ["PostgreSQL"] : [])

    /// An empty container, and a way to count what any blob left behind (files, or stored pieces).
    static func make(_ name: String, in directory: TemporaryDirectory) throws -> (any BlobContainer, () throws -> Int) {
        switch name {
        case "PostgreSQL":
            let store = try PostgreSQLVaultStore(url: TestPostgreSQL.freshDatabase())
            let blobs = PostgreSQLBlobs(store: store, pieceSize: 4_096)
            return (
                blobs,
                {
                    try store.withSession { session in
                        let rows = try session.query(#"SELECT count(*) FROM "blobPiece""#)
                        return try rows.first?.decode(Int.self) ?? 0
                    }
                }
            )
        default:
            let folder = BlobFolder(path: directory.path)
            return (folder, { try FileManager.default.contentsOfDirectory(atPath: directory.path).count })
        }
    }

    static func readAll(_ reader: any ByteReader) throws -> [UInt8] {
        var reader = reader
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1_000)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
            if count == 0 { return bytes }
            bytes += buffer[0..<count]
        }
    }

    @Test("a blob written in odd pieces reads back whole; before commit it does not exist", arguments: backends)
    func roundTrip(backend: String) throws {
        let directory = try TemporaryDirectory()
        let (blobs, _) = try Self.make(backend, in: directory)
        let id = VaultID<BlobTag>()
        let content = SecureRandom.bytes(50_001)
        let draft = try blobs.draft(id)
        var offset = 0
        for size in [1, 4_095, 4_096, 10_000, 31_809] {
            try content[offset..<(offset + size)].withUnsafeBytes { try draft.write($0) }
            offset += size
        }
        #expect(try blobs.size(of: id) == nil)
        #expect(throws: (any Error).self) { _ = try Self.readAll(blobs.reader(id)) }
        try draft.commit()
        #expect(try blobs.size(of: id) == content.count)
        #expect(try Self.readAll(blobs.reader(id)) == content)
    }

    @Test("a dropped draft and a removed blob leave nothing behind", arguments: backends)
    func nothingLeft(backend: String) throws {
        let directory = try TemporaryDirectory()
        let (blobs, leftovers) = try Self.make(backend, in: directory)
        let dropped = VaultID<BlobTag>(), removed = VaultID<BlobTag>()
        do {
            let draft = try blobs.draft(dropped)
            try SecureRandom.bytes(20_000).withUnsafeBytes { try draft.write($0) }
        }
        #expect(try blobs.size(of: dropped) == nil && leftovers() == 0)
        let draft = try blobs.draft(removed)
        try SecureRandom.bytes(9_000).withUnsafeBytes { try draft.write($0) }
        try draft.commit()
        #expect(try leftovers() > 0)
        blobs.remove([removed, dropped])
        #expect(try blobs.size(of: removed) == nil && leftovers() == 0)
    }

    @Test(
        "a destroyed blob is gone with every piece; destroying it again, or one never written, is no error",
        arguments: backends)
    func destroy(backend: String) throws {
        let directory = try TemporaryDirectory()
        let (blobs, leftovers) = try Self.make(backend, in: directory)
        let (doomed, kept) = (VaultID<BlobTag>(), VaultID<BlobTag>())
        for id in [doomed, kept] {
            let draft = try blobs.draft(id)
            try SecureRandom.bytes(30_000).withUnsafeBytes { try draft.write($0) }
            try draft.commit()
        }
        let before = try leftovers()
        try blobs.destroy(doomed)
        #expect(try blobs.size(of: doomed) == nil && blobs.size(of: kept) == 30_000)
        #expect(try leftovers() < before && leftovers() > 0)
        try blobs.destroy(doomed)
        try blobs.destroy(VaultID<BlobTag>())
        #expect(try Self.readAll(blobs.reader(kept)).count == 30_000)
    }

    @Test("a blob file is overwritten with zeros before it is unlinked: a hard link to it keeps only zeros")
    func overwrittenBeforeUnlink() throws {
        let directory = try TemporaryDirectory()
        let folder = BlobFolder(path: directory.path)
        let id = VaultID<BlobTag>()
        let draft = try folder.draft(id)
        try SecureRandom.bytes(3_000_000).withUnsafeBytes { try draft.write($0) }
        try draft.commit()
        // The second name sees the same blocks: what the overwrite left in them.
        let witness = directory.file("witness")
        #expect(link(folder.file(id), witness) == 0)
        try folder.destroy(id)
        let left = try Data(contentsOf: URL(fileURLWithPath: witness))
        #expect(left.count == 3_000_000 && left.allSatisfy { $0 == 0 })
    }
}

/// A vault kept wholly in PostgreSQL: records and attachments.
@Suite("PostgreSQL attachments", .enabled(if: TestPostgreSQL.isAvailable, "needs the cluster `make test` starts"))
struct PostgreSQLAttachmentTests {
    @Test("an attachment stored in the database opens byte for byte; a damaged piece is refused")
    func attachment() throws {
        let url = try TestPostgreSQL.freshDatabase()
        let t = try TestVault(postgreSQL: PostgreSQLVaultStore(url: url))
        let (vault, administrator, directory) = (t.vault, t.administrator, t.directory)
        let content = SecureRandom.bytes(100_000)
        let source = directory.file("scan.bin")
        try Data(content).write(to: URL(fileURLWithPath: source))
        let result = try vault.submit(
            TestVault.sample(), attachments: [AttachmentSource(path: source, name: "scan.bin")])
        let testimony = try vault.open(result.record, as: .administrator(administrator))
        let attachment = try #require(testimony.attachments.first)
        try vault.exportAttachment(attachment, to: directory.file("out.bin"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory.file("out.bin"))) == Data(content))
        // One flipped byte in a stored piece: the export stops with "damaged" and writes no file.
        let flip = #"set_byte("bytes", 100, get_byte("bytes", 100) # 1)"#
        try TestPostgreSQL.psql(url, #"UPDATE "blobPiece" SET "bytes" = \#(flip) WHERE "position" = 3"#)
        #expect(throws: AmanatVaultError.self) { try vault.exportAttachment(attachment, to: directory.file("bad.bin")) }
        #expect(!FileManager.default.fileExists(atPath: directory.file("bad.bin")))
    }
}
