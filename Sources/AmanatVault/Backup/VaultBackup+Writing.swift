public import AmanatCrypto
import Foundation

extension Vault {
    /// Writes a backup of this vault to a new file at `path` (mode 0600, atomic: it appears whole or not at
    /// all), while the vault stays in use (Docs/format.md §8.24). The vault must verify first. A signed
    /// `vault.backup` entry naming the backup is appended, then the rows are read in one snapshot into a
    /// temporary SQLite database beside `path` (removed afterwards), and the database and every blob are
    /// streamed, encrypted under a fresh key sealed to the administrator, into the file, which she signs.
    /// - Parameter progress: called with the bytes of blobs copied so far and their total.
    /// - Throws: `.notAdministrator`, audit errors, `.corrupted` for a blob that changed or vanished while it
    ///   was copied, `.crypto(.io)` for file problems; no file is left then.
    @discardableResult
    public func backup(
        to path: String, administrator: Identity, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> VaultBackup.Report {
        try requireAdministrator(administrator)
        _ = try verifyAudit()
        let file = try vaultCrypto(path) { try AtomicFileWriter(path: path, permissions: 0o600) }
        let id = VaultID<BackupTag>()
        let day = Day.today()
        // Logged first, so that the backup holds the entry that names it.
        try store.write { writer in
            try AuditLog.append(
                to: writer, action: "vault.backup", objects: [Data(id.rawValue)], actor: administrator, day: day)
        }
        let scratch = try Self.scratchFolder(beside: path)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let (database, records, head) = try snapshot(into: scratch)
        let blobIDs = try blobs.ids()
        var sizes: [Int] = []
        for blob in blobIDs {
            guard let size = try blobs.size(of: blob) else {
                throw AmanatVaultError.corrupted(
                    "attachment \(blob) (it vanished while the backup was made; try again)")
            }
            sizes.append(size)
        }
        let key = SymmetricKey()
        let header = VaultBackup.Header(
            signer: administrator.publicKey.signing, sealedTo: administrator.publicKey.encryption, id: id, day: day,
            sealedKey: try SealedBox.seal(key.rawRepresentation, to: administrator.publicKey.encryption))
        var out = HashingWriter(inner: file, hasher: BackgroundHasher(VaultBackup.hasher()))
        var archive = try BackupArchiveReader(
            database: database, blobs: blobs, ids: blobIDs, sizes: sizes, progress: progress)
        try vaultCrypto(path) {
            try header.bytes.withUnsafeBytes { try out.write($0) }
            try SecretStream.encrypt(from: &archive, to: &out, using: key)
        }
        let signature = administrator.signingKey.signature(for: VaultBackup.signedMessage(out.hasher.finalize()))
        try vaultCrypto(path) {
            try signature.withUnsafeBytes { try file.write($0) }
            try file.commit()
        }
        return VaultBackup.Report(
            id: id, day: day, records: records, blobs: blobIDs.count, size: VaultBackup.size(of: path) ?? 0,
            auditHead: head)
    }

    /// A new folder (mode 0700) beside `path` for the scratch copy of the rows.
    static func scratchFolder(beside path: String) throws -> String {
        let folder = path + ".tmp-" + Hex.encode(SecureRandom.bytes(6))
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw AmanatVaultError.crypto(.io(path: folder, reason: "cannot create a folder beside the backup"))
        }
        return folder
    }

    /// Copies every row, in one read snapshot, into a new SQLite database in `folder`, whose write-ahead log
    /// is then folded into the file and closed.
    /// - Returns: the database's path, the number of records, and the audit head it holds.
    private func snapshot(into folder: String) throws -> (String, Int, AuditLog.Head) {
        let path = folder + "/" + Self.databaseName
        let (records, head): (Int, AuditLog.Head) = try {
            let copy = try SQLiteVaultStore(path: path)
            try store.read { source in
                try copy.write { target in try RowCopy(source: source, target: target, pageSize: 500) { _ in }.run() }
            }
            let snapshot = try Vault(store: copy, blobs: blobs)
            let head = try snapshot.verifyAudit()
            try copy.clearReplacedRows()
            return (try copy.read { try $0.rowCounts()[VaultTables.names.firstIndex(of: "testimony")!] }, head)
        }()
        return (path, records, head)
    }
}

/// The plaintext of a backup's stream, produced as it is read: the database entry, each blob entry, the end
/// mark (Docs/format.md §8.24). Blobs are opened one at a time; each must hold the size it had when listed.
struct BackupArchiveReader: ByteReader {
    private let blobs: any BlobContainer
    private let ids: [VaultID<BlobTag>]
    private let sizes: [Int]
    private let progress: ((Int, Int) -> Void)?
    private let total: Int
    private var done = 0
    /// Bytes to hand out before the current source.
    private var pending: [UInt8]
    private var pendingOffset = 0
    /// The entry being copied, what it must hold, and what it has given so far.
    private var source: (any ByteReader)?
    private var sourceName = ""
    private var sourceExpected = 0
    private var sourceGiven = 0
    private var countsTowardProgress = false
    /// The next blob to open; `ids.count + 1` once the end mark is out.
    private var next = 0

    init(
        database: String, blobs: any BlobContainer, ids: [VaultID<BlobTag>], sizes: [Int],
        progress: ((Int, Int) -> Void)?
    ) throws {
        guard let size = VaultBackup.size(of: database), size <= VaultBackup.databaseLimit else {
            throw AmanatVaultError.crypto(.io(path: database, reason: "cannot read the copy of the rows"))
        }
        (self.blobs, self.ids, self.sizes, self.progress) = (blobs, ids, sizes, progress)
        total = sizes.reduce(0, +)
        pending = [VaultBackup.Entry.database.rawValue] + VaultFormat.u64(size)
        source = try vaultCrypto(database) { try FileReader(path: database) }
        (sourceName, sourceExpected) = ("the copy of the rows", size)
        progress?(0, total)
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            if pendingOffset < pending.count {
                let count = min(buffer.count, pending.count - pendingOffset)
                pending.withUnsafeBytes { bytes in
                    buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + pendingOffset, byteCount: count)
                }
                pendingOffset += count
                return count
            }
            if var current = source {
                let count = try current.read(into: buffer)
                source = current
                sourceGiven += count
                guard sourceGiven <= sourceExpected else { throw changed() }
                if count > 0 {
                    if countsTowardProgress {
                        done += count
                        progress?(done, total)
                    }
                    return count
                }
                guard sourceGiven == sourceExpected else { throw changed() }
                source = nil
            }
            guard next <= ids.count else { return 0 }
            if next == ids.count {
                pending = [VaultBackup.Entry.end.rawValue]
            } else {
                let id = ids[next]
                pending = [VaultBackup.Entry.blob.rawValue] + id.rawValue + VaultFormat.u64(sizes[next])
                source = try vaultCrypto("attachment \(id)") { try blobs.reader(id) }
                (sourceName, sourceExpected, sourceGiven, countsTowardProgress) = (
                    "attachment \(id)", sizes[next], 0, true
                )
            }
            pendingOffset = 0
            next += 1
        }
    }

    private func changed() -> AmanatVaultError {
        .corrupted("\(sourceName) (it changed while the backup was made; try again)")
    }
}
