public import AmanatCrypto
import Foundation

extension VaultBackup {
    /// Restores the backup at `path` into a new vault folder `folder` (which must not exist, or be empty),
    /// checking everything before the folder appears (Docs/format.md §8.24): the backup must be signed by
    /// `administrator` and sealed to her; its signature is verified over the whole file before anything is
    /// decrypted; the archive is decrypted into a temporary folder beside `folder`; there the vault's audit
    /// chain and rows must verify, its log must hold the `vault.backup` entry naming this backup, and
    /// every record must open with every attachment present. Only then is the folder moved into place.
    /// - Parameters:
    ///   - knownVaults: the administrator's known-vaults file, if any: its line for `folder` (an older head
    ///     there would call the restored vault rolled back) is replaced by the restored vault's.
    ///   - progress: called with the stage ("checking", "restoring"), bytes done and the file's size.
    /// - Throws: `.permissionDenied` for another administrator's backup, `.corrupted` for a damaged, cut or
    ///   changed file, `.vaultExists`, audit errors, `.crypto(.io)`; nothing is left behind then.
    @discardableResult
    public static func restore(
        from path: String, to folder: String, administrator: Identity, knownVaults: KnownVaults? = nil,
        progress: ((_ stage: String, _ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> Report {
        if let present = try? FileManager.default.contentsOfDirectory(atPath: folder), !present.isEmpty {
            throw AmanatVaultError.vaultExists(path: folder)
        }
        let what = "the backup \(path)"
        let (header, size, hash) = try check(path, administrator: administrator.publicKey, progress: progress)
        let key = try vaultCrypto(what) {
            try SymmetricKey(
                rawRepresentation: SealedBox.open(header.sealedKey, with: administrator.encryptionKey, what: what))
        }
        let scratch = try Vault.scratchFolder(beside: folder)
        var placed = false
        defer { if !placed { try? FileManager.default.removeItem(atPath: scratch) } }
        let blobFolder = scratch + "/" + Vault.blobFolderName
        try vaultCrypto(blobFolder) {
            try FileManager.default.createDirectory(atPath: blobFolder, withIntermediateDirectories: false)
            guard chmod(blobFolder, 0o700) == 0 else {
                throw AmanatCryptoError.io(path: blobFolder, reason: "cannot set its mode")
            }
        }
        // Second pass: the same bytes again, decrypted; their hash must be the one the signature covered.
        var reader = try CheckedFileReader(
            path: path, size: size,
            progress: progress.map { report in
                { done in report("restoring", done, size) }
            })
        var archive = BackupArchiveWriter(folder: scratch, what: what)
        try reader.skipHeader()
        try vaultCrypto(what) { try SecretStream.decrypt(from: &reader, to: &archive, using: key, what: what) }
        guard archive.isComplete, reader.isAtSignature, reader.hasher.finalize() == hash else {
            throw AmanatVaultError.corrupted("\(what) (it changed while it was being restored)")
        }
        let (records, head) = try checkRestored(scratch, header: header, administrator: administrator)
        // An empty destination folder is replaced; rmdir removes nothing that appeared in it meanwhile.
        if rmdir(folder) != 0, errno != ENOENT { throw AmanatVaultError.vaultExists(path: folder) }
        try vaultCrypto(folder) { try FileManager.default.moveItem(atPath: scratch, toPath: folder) }
        placed = true
        if let knownVaults {
            _ = try knownVaults.forget(location: Vault.location(of: folder))
            _ = try Vault.open(
                at: folder, trust: VaultTrust(administrator: administrator.publicKey, knownVaults: knownVaults))
        }
        return Report(
            id: header.id, day: header.day, records: records, blobs: archive.blobs, size: size, auditHead: head)
    }

    /// What checking a backup without opening it shows.
    public struct Summary: Sendable, Equatable {
        /// The backup's id and the day it was made.
        public let id: VaultID<BackupTag>, day: Day
        /// The file's size in bytes.
        public let size: Int
    }

    /// Checks that the backup at `path` was made by `administrator` and that every byte is as she signed it,
    /// decrypting nothing (her public key is enough: no passphrase).
    /// - Throws: as `restore` for the file's header and signature.
    public static func verify(at path: String, administrator: Identity.PublicKey) throws -> Summary {
        let (header, size, _) = try check(path, administrator: administrator, progress: nil)
        return Summary(id: header.id, day: header.day, size: size)
    }

    /// Checks the header and the signature over the whole file, decrypting nothing.
    /// - Returns: the header, the file's size and the hash the signature covers.
    static func check(
        _ path: String, administrator: Identity.PublicKey,
        progress: ((_ stage: String, _ done: Int, _ total: Int) -> Void)?
    ) throws -> (Header, Int, [UInt8]) {
        let what = "the backup \(path)"
        guard let size = VaultBackup.size(of: path) else {
            throw AmanatVaultError.crypto(.io(path: path, reason: "No such file or cannot read it"))
        }
        let smallest = headerSize + SecretStream.headerSize + SecretStream.frameOverhead + signatureSize
        guard size >= smallest else { throw AmanatVaultError.corrupted("\(what) (it is cut short)") }
        var reader = try CheckedFileReader(
            path: path, size: size,
            progress: progress.map { report in
                { done in report("checking", done, size) }
            })
        let header = try Header(try reader.skipHeader(), what: what)
        guard header.signer == administrator.signing, header.sealedTo == administrator.encryption else {
            throw AmanatVaultError.permissionDenied(
                "\(path) is a backup made by another administrator (another key); it is not one of this vault's")
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        while try reader.read(into: buffer) > 0 {}
        let hash = reader.hasher.finalize()
        let signature = try reader.signature()
        guard header.signer.isValidSignature(signature, for: signedMessage(hash)) else {
            throw AmanatVaultError.corrupted("\(what) (its signature does not verify: it was damaged, cut or changed)")
        }
        return (header, size, hash)
    }

    /// Opens the restored vault in `folder` and checks it whole.
    /// - Returns: the number of records and the audit head.
    private static func checkRestored(
        _ folder: String, header: Header, administrator: Identity
    ) throws -> (Int, AuditLog.Head) {
        let vault = try Vault(
            store: SQLiteVaultStore(path: folder + "/" + Vault.databaseName),
            blobs: BlobFolder(path: folder + "/" + Vault.blobFolderName))
        guard vault.info.administratorSigningKey == Data(administrator.publicKey.signing.rawRepresentation) else {
            throw AmanatVaultError.corrupted("the vault inside the backup (it names another administrator)")
        }
        let head = try vault.verifyAudit()
        // The entry written as the backup began; submissions made meanwhile may follow it.
        let made = try vault.store.read { try $0.auditEntries(action: "vault.backup") }
        guard made.contains(where: { $0.objects == header.id.description }) else {
            throw AmanatVaultError.corrupted("the vault inside the backup (its log does not name this backup)")
        }
        let records = try vault.inbox()
        for record in records {
            for attachment in try vault.open(record.id, as: .administrator(administrator)).attachments {
                guard try vault.blobs.size(of: attachment.blob) != nil else {
                    throw AmanatVaultError.corrupted("attachment \(attachment.blob) (it is missing from the backup)")
                }
            }
        }
        try vault.store.clearReplacedRows()
        return (records.count, head)
    }
}

/// A backup file read from the start, hashing every byte before the signature, stopping there.
struct CheckedFileReader: ByteReader {
    private let file: FileReader
    private let end: Int
    private var offset = 0
    private let progress: ((Int) -> Void)?
    let hasher = VaultBackup.hasher()

    init(path: String, size: Int, progress: ((Int) -> Void)?) throws {
        file = try vaultCrypto(path) { try FileReader(path: path) }
        end = size - VaultBackup.signatureSize
        self.progress = progress
    }

    /// Whether everything before the signature was read.
    var isAtSignature: Bool { offset == end }

    /// Reads the fixed header.
    @discardableResult
    mutating func skipHeader() throws -> [UInt8] {
        var header = [UInt8](repeating: 0, count: VaultBackup.headerSize)
        guard try header.withUnsafeMutableBytes({ try readFully(into: $0) }) == header.count else {
            throw AmanatVaultError.corrupted("the backup (it is cut short)")
        }
        return header
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let wanted = min(buffer.count, end - offset)
        guard wanted > 0 else { return 0 }
        let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
        guard count > 0 else { throw AmanatVaultError.corrupted("the backup (it is cut short)") }
        hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        offset += count
        progress?(offset)
        return count
    }

    /// The signature after everything else; nothing may follow it.
    mutating func signature() throws -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: VaultBackup.signatureSize + 1)
        var file: any ByteReader = self.file
        let count = try signature.withUnsafeMutableBytes { try file.readFully(into: $0) }
        guard offset == end, count == VaultBackup.signatureSize else {
            throw AmanatVaultError.corrupted("the backup (it is cut short or has bytes added)")
        }
        return Array(signature.prefix(VaultBackup.signatureSize))
    }
}

/// Writes a backup's decrypted archive into a vault folder: the database, then each blob, each a file that
/// appears only once it is whole. Anything out of place (a second database, blobs out of order, a length
/// beyond its limit, bytes after the end mark) is refused.
struct BackupArchiveWriter: ByteWriter {
    let folder: String
    let what: String
    /// Blobs written.
    private(set) var blobs = 0
    private var state = State.kind
    private var sawDatabase = false
    private var lastBlob: [UInt8]?

    private enum State {
        case kind
        case header(VaultBackup.Entry, [UInt8])
        case content(AtomicFileWriter, remaining: Int)
        case ended
    }

    init(folder: String, what: String) { (self.folder, self.what) = (folder, what) }

    /// Whether the end mark was read.
    var isComplete: Bool { if case .ended = state { true } else { false } }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        var index = 0
        while index < bytes.count {
            switch state {
            case .kind:
                guard let entry = VaultBackup.Entry(rawValue: bytes[index]) else { throw damaged() }
                index += 1
                switch entry {
                case .end:
                    guard sawDatabase else { throw damaged() }
                    state = .ended
                case .database:
                    guard !sawDatabase else { throw damaged() }
                    state = .header(entry, [])
                case .blob:
                    guard sawDatabase else { throw damaged() }
                    state = .header(entry, [])
                }
            case .header(let entry, var fields):
                let need = (entry == .blob ? 16 : 0) + 8
                let count = min(need - fields.count, bytes.count - index)
                fields += bytes[index..<(index + count)]
                index += count
                state = .header(entry, fields)
                if fields.count == need { try begin(entry, fields) }
            case .content(let file, let remaining):
                let count = min(remaining, bytes.count - index)
                try vaultCrypto(file.path) {
                    try file.write(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)]))
                }
                index += count
                state = .content(file, remaining: remaining - count)
                if remaining == count { try finish(file) }
            case .ended:
                throw damaged()
            }
        }
    }

    /// Starts the file of an entry whose header was read.
    private mutating func begin(_ entry: VaultBackup.Entry, _ fields: [UInt8]) throws {
        let length = fields.suffix(8).reversed().reduce(0) { $0 << 8 | Int($1) }
        let path: String
        if entry == .database {
            guard length <= VaultBackup.databaseLimit else { throw damaged() }
            sawDatabase = true
            path = folder + "/" + Vault.databaseName
        } else {
            let id = Array(fields.prefix(16))
            guard length <= VaultBackup.blobLimit, lastBlob.map({ $0.lexicographicallyPrecedes(id) }) ?? true else {
                throw damaged()
            }
            lastBlob = id
            blobs += 1
            path = folder + "/" + Vault.blobFolderName + "/" + Hex.encode(id)
        }
        let file = try vaultCrypto(path) { try AtomicFileWriter(path: path, permissions: 0o600) }
        state = .content(file, remaining: length)
        if length == 0 { try finish(file) }
    }

    private mutating func finish(_ file: AtomicFileWriter) throws {
        try vaultCrypto(file.path) { try file.commit() }
        state = .kind
    }

    private func damaged() -> AmanatVaultError { .corrupted("\(what) (its contents are not a vault backup)") }
}
