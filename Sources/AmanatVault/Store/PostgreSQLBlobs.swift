public import AmanatCrypto
import Foundation
import PostgresNIO

/// Attachments' encrypted bytes as rows of the vault's PostgreSQL database (Docs/format.md §8.22): a blob
/// is written in pieces of `pieceSize` bytes ("blobPiece"), each in a statement of its own, and exists once
/// its "blob" row (size and number of pieces) is written on commit; it is read back piece by piece. Neither
/// end ever holds more than a piece, and an upload holds no connection between pieces, so a thousand slow
/// uploads need no thousand connections. Pieces of a draft never committed (a dropped upload) are deleted
/// when the draft goes; those of a process killed mid-upload belong to no blob and are never read.
public final class PostgreSQLBlobs: BlobContainer {
    let store: PostgreSQLVaultStore
    /// Bytes per piece.
    let pieceSize: Int

    /// The blobs of the database `store` opened.
    public init(store: PostgreSQLVaultStore, pieceSize: Int = 1 << 20) {
        self.store = store
        self.pieceSize = pieceSize
    }

    public func draft(_ id: VaultID<BlobTag>) throws -> any BlobDraft {
        Draft(blobs: self, id: Data(id.rawValue))
    }

    public func reader(_ id: VaultID<BlobTag>) throws -> any ByteReader {
        guard let (size, pieces) = try header(Data(id.rawValue)) else {
            throw AmanatVaultError.corrupted("attachment \(id) (its blob is missing)")
        }
        return Reader(blobs: self, id: Data(id.rawValue), size: size, pieces: pieces)
    }

    public func size(of id: VaultID<BlobTag>) throws -> Int? { try header(Data(id.rawValue))?.size }

    public func remove(_ ids: [VaultID<BlobTag>]) {
        for id in ids {
            let key = Data(id.rawValue)
            _ = try? store.withSession { session in
                try session.run(#"DELETE FROM "blob" WHERE "id" = \#(key)"#)
                try session.run(#"DELETE FROM "blobPiece" WHERE "blobID" = \#(key)"#)
            }
        }
    }

    /// Deletes the blob's row and pieces in one transaction. PostgreSQL cannot overwrite them: the old row
    /// versions stay in the table's files until VACUUM reuses them, and in its write-ahead log and backups
    /// (Docs/format.md §8.23); the blob's key, inside the shredded record's body, is gone either way.
    public func destroy(_ id: VaultID<BlobTag>) throws {
        let key = Data(id.rawValue)
        // One statement, so the row and its pieces go together.
        try store.withSession { session in
            try session.run(
                #"""
                WITH "gone" AS (DELETE FROM "blob" WHERE "id" = \#(key))
                DELETE FROM "blobPiece" WHERE "blobID" = \#(key)
                """#)
        }
    }

    public func ids() throws -> [VaultID<BlobTag>] {
        try store.withSession { session in
            try session.query(#"SELECT "id" FROM "blob" ORDER BY "id""#).map { row in
                let id = try row.decode(Data.self)
                guard id.count == 16 else { throw AmanatVaultError.corrupted("the vault database's blob list") }
                return try VaultID<BlobTag>(bytes: Array(id))
            }
        }
    }

    private func header(_ id: Data) throws -> (size: Int, pieces: Int)? {
        try store.withSession { session in
            guard let row = try session.query(#"SELECT "size", "pieces" FROM "blob" WHERE "id" = \#(id)"#).first
            else { return nil }
            guard let (size, pieces) = try? row.decode((Int, Int).self), size >= 0, pieces >= 0 else {
                throw AmanatVaultError.corrupted("the vault database's blob list")
            }
            return (size, pieces)
        }
    }

    /// A blob being written: bytes gather into a piece, written when full; commit writes the last piece and
    /// the "blob" row.
    private final class Draft: BlobDraft {
        let blobs: PostgreSQLBlobs
        let id: Data
        private var piece: [UInt8] = []
        private var pieces = 0
        private var size = 0
        private var committed = false

        init(blobs: PostgreSQLBlobs, id: Data) {
            self.blobs = blobs
            self.id = id
            piece.reserveCapacity(blobs.pieceSize)
        }

        deinit {
            guard !committed, pieces > 0 else { return }
            let id = id
            _ = try? blobs.store.withSession { try $0.run(#"DELETE FROM "blobPiece" WHERE "blobID" = \#(id)"#) }
        }

        func write(_ bytes: UnsafeRawBufferPointer) throws {
            precondition(!committed, "write after commit")
            var offset = 0
            while offset < bytes.count {
                let take = min(blobs.pieceSize - piece.count, bytes.count - offset)
                piece.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]))
                offset += take
                if piece.count == blobs.pieceSize { try flush() }
            }
        }

        func commit() throws {
            precondition(!committed, "commit() called twice")
            if !piece.isEmpty { try flush() }
            let (id, size, pieces) = (id, size, pieces)
            try blobs.store.withSession { session in
                try session.run(#"INSERT INTO "blob" VALUES (\#(id), \#(size), \#(pieces))"#)
            }
            committed = true
        }

        private func flush() throws {
            let (id, position, bytes) = (id, pieces, Data(piece))
            try blobs.store.withSession { session in
                try session.run(#"INSERT INTO "blobPiece" VALUES (\#(id), \#(position), \#(bytes))"#)
            }
            pieces += 1
            size += piece.count
            piece.removeAll(keepingCapacity: true)
        }
    }

    /// Reads a blob's pieces in order, one at a time; a piece missing or of the wrong length is damage.
    private struct Reader: ByteReader {
        let blobs: PostgreSQLBlobs
        let id: Data
        let size: Int
        let pieces: Int
        private var piece: [UInt8] = []
        private var offset = 0
        private var next = 0
        private var delivered = 0

        init(blobs: PostgreSQLBlobs, id: Data, size: Int, pieces: Int) {
            self.blobs = blobs
            self.id = id
            self.size = size
            self.pieces = pieces
        }

        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            if offset == piece.count {
                guard next < pieces else {
                    guard delivered == size else { throw damaged }
                    return 0
                }
                let (id, position) = (id, next)
                let rows = try blobs.store.withSession { session in
                    try session.query(
                        #"SELECT "bytes" FROM "blobPiece" WHERE "blobID" = \#(id) AND "position" = \#(position)"#)
                }
                guard let row = rows.first, let bytes = try? row.decode(Data.self), !bytes.isEmpty,
                    delivered + bytes.count <= size
                else { throw damaged }
                piece = Array(bytes)
                offset = 0
                next += 1
            }
            let count = min(buffer.count, piece.count - offset)
            piece.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count)]))
            }
            offset += count
            delivered += count
            return count
        }

        private var damaged: AmanatVaultError { .corrupted("an attachment (its stored pieces are damaged)") }
    }
}
