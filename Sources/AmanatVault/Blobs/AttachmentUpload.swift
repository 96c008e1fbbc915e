import AmanatCrypto
import Foundation

/// An attachment that arrives in pieces (a file uploaded through the web intake), encrypted as the
/// pieces come: nothing of it touches the disk in the clear, and at most one 64 KiB chunk of it is in
/// memory (protected). Its blob is byte for byte what `submit` makes of a file, padded to its size
/// bucket when the upload ends.
///
/// Feed it with `write`, then either `finish` (the blob is committed, and the returned `Attachment` is
/// handed to `Vault.submit(_:uploads:)`) or `cancel` (nothing is left behind). An upload dropped
/// without either leaves nothing behind either.
public final class AttachmentUpload {
    /// The file name the source gave, for display only.
    public let name: String
    /// Bytes received so far.
    public private(set) var size = 0
    /// The largest size accepted.
    public let limit: Int

    private let id = VaultID<BlobTag>()
    private let key = SymmetricKey()
    private let draft: any BlobDraft
    private var sealer: SecretStream.Sealer<DigestingWriter>
    private let contentHash = BLAKE2b.Hasher(length: 32, key: Labels.attachmentHash)
    private var open = true

    init(blobs: any BlobContainer, name: String, limit: Int) throws {
        self.name = name
        self.limit = limit
        let id = id, key = key
        let draft = try vaultCrypto(name) { try blobs.draft(id) }
        self.draft = draft
        sealer = try vaultCrypto(name) {
            try SecretStream.Sealer(to: DigestingWriter(inner: draft, hasher: CaseBundle.blobHasher()), using: key)
        }
    }

    /// Encrypts the next piece.
    /// - Throws: `AmanatVaultError.attachmentTooLarge` past `limit` (the upload is then cancelled);
    ///   storage errors.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(open, "write after finish or cancel")
        guard size + bytes.count <= limit else {
            cancel()
            throw AmanatVaultError.attachmentTooLarge(path: name, limit: limit)
        }
        contentHash.update(bytes)
        size += bytes.count
        try vaultCrypto(name) { try sealer.write(bytes) }
    }

    /// Pads, seals the last frame and commits the blob.
    /// - Returns: the attachment, with its key, for the testimony's encrypted body.
    public func finish() throws -> Attachment {
        precondition(open, "finish after finish or cancel")
        open = false
        try vaultCrypto(name) {
            try sealer.pad(to: SizeBucket.bucket(for: size))
            try sealer.finish()
            try draft.commit()
        }
        return Attachment(
            blob: id, name: name, size: size, hash: Hex.encode(contentHash.finalize()),
            key: Base64URL.encode(key.rawRepresentation), chunkSize: SecretStream.defaultChunkSize,
            blobDigest: Hex.encode(sealer.destination.hasher.finalize()))
    }

    /// Abandons the upload: nothing of it is kept.
    public func cancel() {
        open = false
        // The uncommitted draft goes when released (a temporary file removed, a transaction rolled back).
    }
}

/// Passes bytes to a file and to a hash computed as they go (one upload of many at once: no
/// background buffers, unlike the case bundle's hasher).
struct DigestingWriter: ByteWriter {
    let inner: any BlobDraft
    let hasher: BLAKE2b.Hasher

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        hasher.update(bytes)
        try inner.write(bytes)
    }
}

extension Vault {
    /// Starts an attachment that will arrive in pieces (see `AttachmentUpload`).
    /// - Parameters:
    ///   - name: the file name the source gave (display only).
    ///   - limit: the largest size accepted (at most `Vault.attachmentLimit`).
    public func beginAttachment(name: String, limit: Int = Vault.attachmentLimit) throws -> AttachmentUpload {
        try AttachmentUpload(blobs: blobs, name: name, limit: min(limit, Vault.attachmentLimit))
    }

    /// Deletes the blobs of finished uploads that will not be submitted after all (the form failed).
    public func discard(_ uploads: [Attachment]) {
        blobs.remove(uploads.map(\.blob))
    }
}
