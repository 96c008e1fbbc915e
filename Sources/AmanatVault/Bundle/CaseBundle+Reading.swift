public import AmanatCrypto
import Foundation

extension CaseBundle {
    /// Checks a bundle's structure and signature without decrypting anything.
    /// - Parameters:
    ///   - path: the bundle file.
    ///   - signer: if given, the key that must have signed it (the administrator the recipient trusts).
    /// - Returns: who signed it, for whom, and its size.
    /// - Throws: `AmanatVaultError.corrupted` for a damaged, truncated or extended bundle or a bad
    ///   signature; `.permissionDenied` when it was signed by someone else than `signer`; `.crypto(.io)`.
    public static func verify(at path: String, signer: Ed25519.PublicKey? = nil) throws -> Summary {
        var scan = try Scan(path: path)
        let header = try scan.header()
        try scan.skipBody(header)
        try scan.checkSignature(header)
        if let signer, signer != header.signer {
            throw AmanatVaultError.permissionDenied(
                "\(path) was signed by another key than the one you trust; do not use it, and ask the sender")
        }
        return Summary(signer: header.signer, recipient: header.recipient, blobCount: header.blobCount, size: scan.size)
    }

    /// Opens a bundle addressed to `identity` in one pass, writing attachments into `folder` if given.
    /// Every byte is hashed as it is decrypted; the attachments (written to temporary files) are kept
    /// only if the signature over the whole file then verifies, so nothing from a forged, damaged or
    /// truncated bundle is ever left behind. The signer is required: a bundle is opened only when its
    /// recipient says whose it must be, so a validly signed bundle from a stranger is refused.
    /// - Throws: as `verify` (`.permissionDenied` when `signer` did not sign it), and
    ///   `AmanatVaultError.permissionDenied` when it was made for someone else.
    /// - Parameter progress: for each attachment saved, given its name and size, may return a closure
    ///   called with the bytes done and the total (for a progress bar).
    public static func open(
        at path: String, identity: Identity, signer: Ed25519.PublicKey,
        attachmentsTo folder: String? = nil,
        progress: ((_ name: String, _ size: Int) -> ((Int, Int) -> Void)?)? = nil
    ) throws -> Contents {
        var scan = try Scan(path: path)
        let header = try scan.header()
        let what = "the bundle \(path)"
        guard header.recipient == identity.publicKey.encryption else {
            throw AmanatVaultError.permissionDenied(
                "\(path) was made for another person's key: only its recipient can open it")
        }
        if signer != header.signer {
            throw AmanatVaultError.permissionDenied(
                "\(path) was signed by another key than the one you trust; do not use it, and ask the sender")
        }
        let bundleKey = try vaultCrypto(what) {
            try SymmetricKey(
                rawRepresentation: SealedBox.open(header.sealedKey, with: identity.encryptionKey, what: what))
        }
        guard header.manifestLength <= min(scan.remainingBeforeSignature, 256 << 20) else {
            throw AmanatVaultError.corrupted(what)
        }
        // The manifest holds every attachment key: it is decrypted into protected memory (the plaintext
        // is never longer than its ciphertext) and parsed from there, never copied into a `Data`.
        var manifestBytes = SecretBytesWriter(limit: header.manifestLength, what: what)
        var limited = scan.limited(header.manifestLength)
        try vaultCrypto(what) {
            try SecretStream.decrypt(from: &limited, to: &manifestBytes, using: bundleKey, what: what)
        }
        guard limited.remaining == 0 else { throw AmanatVaultError.corrupted(what) }
        scan = limited.scan
        scan.endFront()
        guard let manifest = try? SecretJSON.decode(Manifest.self, from: manifestBytes.secret),
            manifest.blobs.count == header.blobCount
        else { throw AmanatVaultError.corrupted(what) }

        // Everything the manifest says is checked before any file is made from it: record ids are
        // ids (never paths), sizes and chunk sizes are in range, and every blob is listed exactly once.
        var owners: [String: (String, Attachment, Int)] = [:]
        for record in manifest.records {
            guard (try? Testimony.ID(record.id)) != nil else { throw AmanatVaultError.corrupted(what) }
            for (index, attachment) in record.testimony.attachments.enumerated() {
                guard (0...Vault.attachmentLimit).contains(attachment.size),
                    (1...SecretStream.maximumChunkSize).contains(attachment.chunkSize),
                    owners[attachment.blob.description] == nil
                else { throw AmanatVaultError.corrupted(what) }
                owners[attachment.blob.description] = (record.id, attachment, index)
            }
        }
        guard Set(manifest.blobs).count == manifest.blobs.count, Set(manifest.blobs) == Set(owners.keys) else {
            throw AmanatVaultError.corrupted(what)
        }
        var pending: [AtomicFileWriter] = []
        var saved: [String: [String]] = [:]
        if let folder {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        for blob in manifest.blobs {
            let length = try scan.beginBlob()
            guard let (recordID, attachment, index) = owners[blob] else { throw AmanatVaultError.corrupted(what) }
            var section = scan.limited(length)
            if let folder {
                let name = attachment.name.split(separator: "/").last.map(String.init) ?? "attachment"
                let target = "\(folder)/\(recordID.prefix(8))-\(index + 1)-\(name)"
                let file = try vaultCrypto(target) { try AtomicFileWriter(path: target, durable: false) }
                // No content hash here: the bundle's signature already covers these exact ciphertext bytes,
                // and the stream authenticates every chunk under the key from the signed manifest.
                var writer = UnpaddingHashingWriter(inner: file, size: attachment.size, hashing: false)
                if let report = progress?(name, attachment.size) {
                    writer.progress = { done in report(done, attachment.size) }
                }
                let key = try vaultCrypto(what) {
                    try SymmetricKey(rawRepresentation: Base64URL.decodeSecret(attachment.key))
                }
                let total = try vaultCrypto(what) {
                    try SecretStream.decrypt(
                        from: &section, to: &writer, using: key, chunkSize: attachment.chunkSize, what: what)
                }
                guard total == SizeBucket.bucket(for: attachment.size), writer.written == attachment.size,
                    !writer.paddingWasDirty
                else {
                    throw AmanatVaultError.corrupted(what)
                }
                pending.append(file)
                saved[recordID, default: []].append(target)
            } else {
                try section.drain()
            }
            guard section.remaining == 0 else { throw AmanatVaultError.corrupted(what) }
            scan = section.scan
            scan.endBlob(length: length)
        }
        try scan.checkSignature(header)
        for file in pending { try vaultCrypto(file.path) { try file.commit() } }
        return Contents(
            caseID: manifest.caseID, title: manifest.title, notes: manifest.notes, exportedDay: manifest.exportedDay,
            records: manifest.records.map { ($0.id, $0.testimony) }, savedAttachments: saved)
    }

    /// The fixed header.
    struct Header {
        let signer: Ed25519.PublicKey
        let recipient: X25519.PublicKey
        let sealedKey: [UInt8]
        let manifestLength: Int
        let blobCount: Int
    }

    /// Reads a bundle front to back, hashing every byte before the signature.
    struct Scan: ByteReader {
        let path: String
        var reader: FileReader
        let size: Int
        var offset = 0
        /// The hash the bytes being read go into: the front (header and manifest), then one per blob;
        /// nil while reading a blob's length.
        var hasher: BackgroundHasher? = BackgroundHasher(CaseBundle.hasher())
        /// The front's hash, once the manifest has been read.
        var front: [UInt8] = []
        /// Each blob's length and digest, as read.
        var blobs: [(length: Int, digest: [UInt8])] = []

        init(path: String) throws {
            self.path = path
            reader = try vaultCrypto(path) { try FileReader(path: path) }
            size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size >= CaseBundle.headerSize + CaseBundle.signatureSize else {
                throw AmanatVaultError.corrupted("the bundle \(path)")
            }
        }

        var remainingBeforeSignature: Int { size - CaseBundle.signatureSize - offset }

        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            try read(into: buffer, inBackground: false)
        }

        /// Reads and hashes; in the background, the hash of this chunk runs on the other core while the
        /// caller decrypts it (on a copy, so the caller's buffer is free as soon as this returns).
        mutating func read(into buffer: UnsafeMutableRawBufferPointer, inBackground: Bool) throws -> Int {
            let n = try reader.read(
                into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(max(0, remainingBeforeSignature))))
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
            if inBackground { hasher?.updateInBackground(chunk) } else { hasher?.update(chunk) }
            offset += n
            return n
        }

        mutating func bytes(_ count: Int) throws -> [UInt8] {
            var out = [UInt8](repeating: 0, count: count)
            let n = try out.withUnsafeMutableBytes { try readFully(into: $0) }
            guard n == count else { throw AmanatVaultError.corrupted("the bundle \(path)") }
            return out
        }

        mutating func u64() throws -> Int {
            let b = try bytes(8)
            let value = b.reversed().reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
            guard value <= UInt64(Int.max) else { throw AmanatVaultError.corrupted("the bundle \(path)") }
            return Int(value)
        }

        mutating func header() throws -> Header {
            let what = "the bundle \(path)"
            let b = try bytes(CaseBundle.headerSize)
            guard Array(b[0..<8]) == CaseBundle.magic else {
                throw AmanatVaultError.invalidArgument("\(path) is not an Amanat case bundle")
            }
            guard b[8] == CaseBundle.version else {
                throw AmanatVaultError.invalidArgument(
                    "\(path) is a case bundle of format version \(b[8]), which this Amanat cannot read; update Amanat")
            }
            let manifestLength = b[153..<161].reversed().reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
            let blobCount = b[161..<165].reversed().reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
            return try vaultCrypto(what) {
                Header(
                    signer: try Ed25519.PublicKey(rawRepresentation: b[9..<41]),
                    recipient: try X25519.PublicKey(rawRepresentation: b[41..<73]),
                    sealedKey: Array(b[73..<153]), manifestLength: Int(min(manifestLength, UInt64(Int.max))),
                    blobCount: Int(blobCount))
            }
        }

        /// Closes the front (header and manifest) hash.
        mutating func endFront() {
            front = hasher?.finalize() ?? []
            hasher = nil
        }

        /// Reads a blob's length (not hashed) and starts its digest.
        mutating func beginBlob() throws -> Int {
            let length = try u64()
            guard length <= remainingBeforeSignature else { throw AmanatVaultError.corrupted("the bundle \(path)") }
            hasher = BackgroundHasher(CaseBundle.blobHasher())
            return length
        }

        /// Records a blob's length and digest.
        mutating func endBlob(length: Int) {
            blobs.append((length, hasher?.finalize() ?? []))
            hasher = nil
        }

        /// Reads past the manifest and every blob, checking that their lengths fill the file exactly.
        mutating func skipBody(_ header: Header) throws {
            guard header.manifestLength <= remainingBeforeSignature else {
                throw AmanatVaultError.corrupted("the bundle \(path)")
            }
            var section = limited(header.manifestLength)
            try section.drain()
            self = section.scan
            endFront()
            for _ in 0..<header.blobCount {
                let length = try beginBlob()
                var blob = limited(length)
                try blob.drain()
                self = blob.scan
                endBlob(length: length)
            }
        }

        /// At the signature: checks nothing else remains and the signature verifies.
        mutating func checkSignature(_ header: Header) throws {
            guard remainingBeforeSignature == 0 else { throw AmanatVaultError.corrupted("the bundle \(path)") }
            var signature = [UInt8](repeating: 0, count: CaseBundle.signatureSize)
            let n = try signature.withUnsafeMutableBytes { buffer -> Int in
                var raw = reader
                return try raw.readFully(into: buffer)
            }
            guard n == CaseBundle.signatureSize,
                header.signer.isValidSignature(signature, for: CaseBundle.signedMessage(front: front, blobs: blobs))
            else {
                throw AmanatVaultError.corrupted("the bundle \(path) (its signature does not match its contents)")
            }
        }

        func limited(_ count: Int) -> LimitedScan { LimitedScan(scan: self, remaining: count) }
    }

    /// A window of `remaining` bytes of a `Scan`, for the stream decoder.
    struct LimitedScan: ByteReader {
        var scan: Scan
        var remaining: Int

        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            guard remaining > 0 else { return 0 }
            let n = try scan.read(
                into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(remaining)), inBackground: true)
            guard n > 0 else { throw AmanatVaultError.corrupted("the bundle \(scan.path) (it ends too early)") }
            remaining -= n
            return n
        }

        mutating func drain() throws {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
            defer { buffer.deallocate() }
            while try read(into: buffer) > 0 {}
        }
    }
}

/// A BLAKE2b hash of public bytes (ciphertext; its buffers are ordinary memory) fed from one thread
/// and computed on another: `updateInBackground` copies chunks
/// into one of two 1 MiB buffers and, when a buffer is full, hashes it on a serial queue while the
/// caller goes on (decrypting the same bytes on the other core) and fills the other buffer. Chunks
/// are hashed in order; `update` and `finalize` first bring everything pending up to date.
final class BackgroundHasher: @unchecked Sendable {
    private let hasher: BLAKE2b.Hasher
    private let queue = DispatchQueue(label: "amanat.bundle-hash")
    private let group = DispatchGroup()
    private static let bufferSize = 1 << 20
    private var buffers = [
        UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 64),
        UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 64),
    ]
    private var filling = 0
    private var filled = 0

    init(_ hasher: BLAKE2b.Hasher) { self.hasher = hasher }

    deinit {
        group.wait()
        buffers.forEach { $0.deallocate() }
    }

    /// Hashes `bytes` now (after everything pending).
    func update(_ bytes: UnsafeRawBufferPointer) {
        flush()
        hasher.update(bytes)
    }

    /// Queues `bytes` to be hashed on the background queue.
    func updateInBackground(_ bytes: UnsafeRawBufferPointer) {
        var rest = bytes
        while !rest.isEmpty {
            let take = min(rest.count, Self.bufferSize - filled)
            (buffers[filling].baseAddress! + filled).copyMemory(from: rest.baseAddress!, byteCount: take)
            filled += take
            rest = UnsafeRawBufferPointer(rebasing: rest[take...])
            if filled == Self.bufferSize { dispatchFull() }
        }
    }

    /// The digest of everything given.
    func finalize() -> [UInt8] {
        flush()
        return hasher.finalize()
    }

    /// Hands the full buffer to the queue and starts filling the other (once its hash is done).
    private func dispatchFull() {
        group.wait()
        let index = filling
        let count = filled
        group.enter()
        queue.async { [self] in
            // Buffer `index` is not written again until `group.wait()` has returned.
            hasher.update(UnsafeRawBufferPointer(rebasing: buffers[index][0..<count]))
            group.leave()
        }
        filling = 1 - filling
        filled = 0
    }

    /// Waits for the queue and hashes what is still being filled.
    private func flush() {
        group.wait()
        if filled > 0 {
            hasher.update(UnsafeRawBufferPointer(rebasing: buffers[filling][0..<filled]))
            filled = 0
        }
    }
}
