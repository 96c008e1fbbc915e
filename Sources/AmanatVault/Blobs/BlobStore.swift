import AmanatCrypto
import Foundation

/// Attachments: each streamed through secretstream under its own key into a new blob of `container`,
/// padded to a size bucket; the blob is committed (whole) or left behind as nothing.
struct BlobStore {
    let container: any BlobContainer
    /// Largest accepted attachment.
    let limit: Int

    /// Encrypts the file at `path` into a new blob.
    /// - Returns: the attachment description (with its key) for the encrypted body.
    func store(path: String, name: String, progress: ((Int, Int) -> Void)? = nil) throws -> Attachment {
        let size: Int
        do {
            size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        } catch {
            throw AmanatVaultError.crypto(.io(path: path, reason: "cannot read it"))
        }
        guard size <= limit else { throw AmanatVaultError.attachmentTooLarge(path: path, limit: limit) }
        // An empty file is almost always a mistake (a download that failed, a wrong path): say so rather than
        // store nothing under a name that suggests evidence.
        guard size > 0 else {
            throw AmanatVaultError.invalidArgument(
                "\(path) is empty (0 bytes); nothing was submitted. Attach the file that holds the photo or document")
        }
        let id = VaultID<BlobTag>()
        let key = SymmetricKey()
        var reader = PaddedHashingReader(
            inner: try vaultCrypto(path) { try FileReader(path: path) },
            paddedSize: SizeBucket.bucket(for: size), limit: limit, path: path)
        reader.progress = progress.map { report in { done in report(done, size) } }
        let draft = try vaultCrypto(path) { try container.draft(id) }
        // The stored bytes are hashed on the other core as they are written (for case bundles).
        var writer = HashingWriter(inner: DraftWriter(draft: draft), hasher: BackgroundHasher(CaseBundle.blobHasher()))
        try vaultCrypto(path) { try SecretStream.encrypt(from: &reader, to: &writer, using: key) }
        guard reader.contentSize == size else {
            throw AmanatVaultError.invalidArgument("\(path) changed while it was being read; try again")
        }
        let digest = writer.hasher.finalize()
        try vaultCrypto(path) { try draft.commit() }
        return Attachment(
            blob: id, name: name, size: size, hash: Hex.encode(reader.hasher.finalize()),
            key: Base64URL.encode(key.rawRepresentation), chunkSize: SecretStream.defaultChunkSize,
            blobDigest: Hex.encode(digest))
    }

    /// Decrypts `attachment` into a new file at `path` (0600), which appears only if every chunk
    /// verified and the content hash matches.
    func export(_ attachment: Attachment, to path: String, progress: ((Int, Int) -> Void)? = nil) throws {
        let what = "attachment \(attachment.blob)"
        guard (0...limit).contains(attachment.size), (1...SecretStream.maximumChunkSize).contains(attachment.chunkSize)
        else {
            throw AmanatVaultError.corrupted(what)
        }
        let key = try vaultCrypto(what) {
            try SymmetricKey(rawRepresentation: Base64URL.decodeSecret(attachment.key))
        }
        // The stored bytes are hashed on the other core as they are read, and compared with the digest
        // recorded when the blob was written (blobs of older versions have none).
        let recorded = try attachment.blobDigest.map { digest in
            guard let bytes = try? Hex.decode(digest), bytes.count == 64 else { throw AmanatVaultError.corrupted(what) }
            return bytes
        }
        var reader = DigestingReader(
            inner: try vaultCrypto(what) { try container.reader(attachment.blob) },
            hasher: recorded.map { _ in BackgroundHasher(CaseBundle.blobHasher()) })
        let file = try vaultCrypto(path) { try AtomicFileWriter(path: path, durable: false) }
        var writer = UnpaddingHashingWriter(inner: file, size: attachment.size)
        writer.progress = progress.map { report in { done in report(done, attachment.size) } }
        let total = try vaultCrypto(what) {
            try SecretStream.decrypt(
                from: &reader, to: &writer, using: key, chunkSize: attachment.chunkSize, what: what)
        }
        guard total == SizeBucket.bucket(for: attachment.size), writer.written == attachment.size,
            !writer.paddingWasDirty,
            Hex.encode(writer.hasher.finalize()) == attachment.hash
        else {
            throw AmanatVaultError.corrupted(what)
        }
        // Everything to the end of the file, so that bytes appended after the stream count too.
        try reader.drain()
        if let recorded, let digest = reader.hasher?.finalize(), !constantTimeEquals(recorded, digest) {
            throw AmanatVaultError.corrupted(
                "\(what) (its stored bytes differ from the digest recorded when it was written)")
        }
        try vaultCrypto(path) { try file.commit() }
    }

    /// Deletes blobs written for a submission that then failed.
    func remove(_ attachments: [Attachment]) { container.remove(attachments.map(\.blob)) }
}

/// A draft seen as a value-type writer (the stream writers are generic over `ByteWriter`).
struct DraftWriter: ByteWriter {
    let draft: any BlobDraft
    func write(_ bytes: UnsafeRawBufferPointer) throws { try draft.write(bytes) }
}

/// Passes a blob's stored bytes through, and to a hash on the other core when one is given.
private struct DigestingReader: ByteReader {
    var inner: any ByteReader
    let hasher: BackgroundHasher?

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try inner.read(into: buffer)
        if n > 0 { hasher?.updateInBackground(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) }
        return n
    }

    /// Reads what is left, hashing it.
    mutating func drain() throws {
        guard hasher != nil else { return }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        while try read(into: buffer) > 0 {}
    }
}

/// Reads a file, hashes its content, then yields zero bytes up to `paddedSize`.
private struct PaddedHashingReader: ByteReader {
    var inner: FileReader
    let paddedSize: Int
    let limit: Int
    let path: String
    let hasher = BLAKE2b.Hasher(length: 32, key: Labels.attachmentHash)
    var progress: ((Int) -> Void)?
    private(set) var contentSize = 0
    private var produced = 0
    private var innerDone = false

    init(inner: FileReader, paddedSize: Int, limit: Int, path: String) {
        self.inner = inner
        self.paddedSize = paddedSize
        self.limit = limit
        self.path = path
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if !innerDone {
            let n = try inner.read(into: buffer)
            if n > 0 {
                contentSize += n
                guard contentSize <= min(limit, paddedSize) else {
                    throw AmanatVaultError.invalidArgument("\(path) grew while it was being read; try again")
                }
                hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                produced += n
                progress?(contentSize)
                return n
            }
            innerDone = true
        }
        let n = min(buffer.count, paddedSize - produced)
        if n > 0 { buffer.baseAddress!.initializeMemory(as: UInt8.self, repeating: 0, count: n) }
        produced += n
        return n
    }
}

/// Passes the first `size` bytes to `inner` and the hasher; checks the padding after them is zero.
struct UnpaddingHashingWriter: ByteWriter {
    let inner: AtomicFileWriter
    let size: Int
    let hasher = BLAKE2b.Hasher(length: 32, key: Labels.attachmentHash)
    let hashing: Bool
    var progress: ((Int) -> Void)?
    private(set) var written = 0
    private(set) var paddingWasDirty = false

    init(inner: AtomicFileWriter, size: Int, hashing: Bool = true) {
        self.inner = inner
        self.size = size
        self.hashing = hashing
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        let keep = max(0, min(bytes.count, size - written))
        if keep > 0 {
            let content = UnsafeRawBufferPointer(rebasing: bytes[0..<keep])
            if hashing { hasher.update(content) }
            try inner.write(content)
            written += keep
            progress?(written)
        }
        if keep < bytes.count, bytes[keep...].contains(where: { $0 != 0 }) { paddingWasDirty = true }
    }
}
