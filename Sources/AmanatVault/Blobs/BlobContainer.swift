public import AmanatCrypto
import Foundation

/// Where a vault keeps its attachments' encrypted bytes (Docs/format.md §8.7): files in the vault's blob
/// folder, or rows of the PostgreSQL database that holds its records. A blob is written once, as a draft
/// that no reader sees until it is committed, and read from the start; it is never changed.
public protocol BlobContainer: Sendable {
    /// A new, empty draft of blob `id`; dropped without `commit()`, it leaves nothing behind.
    func draft(_ id: VaultID<BlobTag>) throws -> any BlobDraft
    /// The stored bytes of blob `id`, from the start.
    func reader(_ id: VaultID<BlobTag>) throws -> any ByteReader
    /// How many bytes blob `id` holds, or nil if there is no such blob.
    func size(of id: VaultID<BlobTag>) throws -> Int?
    /// Every committed blob, in increasing byte order of id.
    func ids() throws -> [VaultID<BlobTag>]
    /// Removes blobs (written for a submission that then failed); missing ones are skipped.
    func remove(_ ids: [VaultID<BlobTag>])
    /// Destroys blob `id` for a shred: its bytes are overwritten where the container can overwrite them,
    /// then it is removed. A missing blob is not an error (a shred finished again after a crash).
    /// - Throws: when the blob is still there afterwards.
    func destroy(_ id: VaultID<BlobTag>) throws
}

/// A blob being written: bytes, then `commit()`, after which it is whole and visible; never half.
public protocol BlobDraft: AnyObject {
    /// Appends all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Makes the blob whole and visible.
    func commit() throws
}

/// Blobs as files named by their id in one folder: each written to a temporary file, flushed to disk and
/// renamed into place on commit, its times blurred to the start of its day.
public struct BlobFolder: BlobContainer {
    /// The folder.
    public let path: String

    public init(path: String) { self.path = path }

    /// The file of blob `id`.
    public func file(_ id: VaultID<BlobTag>) -> String { path + "/" + id.description }

    public func draft(_ id: VaultID<BlobTag>) throws -> any BlobDraft {
        FileDraft(file: try AtomicFileWriter(path: file(id)))
    }

    public func reader(_ id: VaultID<BlobTag>) throws -> any ByteReader { try FileReader(path: file(id)) }

    public func size(of id: VaultID<BlobTag>) throws -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: file(id)))?[.size] as? Int
    }

    public func remove(_ ids: [VaultID<BlobTag>]) {
        for id in ids { try? FileManager.default.removeItem(atPath: file(id)) }
    }

    /// The files named by a blob id (temporary files left out).
    public func ids() throws -> [VaultID<BlobTag>] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().compactMap { $0.count == 32 ? try? VaultID<BlobTag>($0) : nil }
    }

    /// Overwrites the file with zeros, flushes that to disk, then unlinks it and flushes the folder. On a
    /// copy-on-write or journaling file system, or an SSD, the old blocks may survive the overwrite; the
    /// blob's key, inside the shredded record's body, is gone either way (Docs/format.md §8.23).
    public func destroy(_ id: VaultID<BlobTag>) throws {
        let path = file(id)
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else {
            if errno == ENOENT { return }
            throw AmanatVaultError.crypto(.io(path: path, reason: "cannot open it to overwrite it"))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw AmanatVaultError.crypto(.io(path: path, reason: "cannot read its size"))
        }
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        var done = 0
        while done < Int(status.st_size) {
            let count = min(zeros.count, Int(status.st_size) - done)
            let written = zeros.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, count, off_t(done)) }
            guard written > 0 else { throw AmanatVaultError.crypto(.io(path: path, reason: "cannot overwrite it")) }
            done += written
        }
        guard fsync(descriptor) == 0, unlink(path) == 0 else {
            throw AmanatVaultError.crypto(.io(path: path, reason: "cannot overwrite and remove it"))
        }
        let folder = open(self.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }

    /// Sets a file's access and modification times to the start of its day (UTC), so the file system
    /// keeps no more precise a time than the database does.
    static func blurTimes(_ path: String) {
        let midnight = Double(Day.today().daysSinceEpoch) * 86_400
        var times = [timespec(tv_sec: Int(midnight), tv_nsec: 0), timespec(tv_sec: Int(midnight), tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, path, &times, 0)
    }

    private final class FileDraft: BlobDraft {
        let file: AtomicFileWriter
        init(file: AtomicFileWriter) { self.file = file }
        func write(_ bytes: UnsafeRawBufferPointer) throws { try file.write(bytes) }
        func commit() throws {
            try file.commit()
            BlobFolder.blurTimes(file.path)
        }
    }
}
