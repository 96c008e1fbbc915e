public import AmanatCrypto
import Foundation

extension Vault {
    /// Exports a case as a bundle for one lawyer outside the vault, signed by the administrator.
    /// Attachment blobs are copied as they are (no re-encryption); their keys travel inside the
    /// encrypted manifest. The lawyer keeps what the bundle holds even if a grant is later revoked.
    /// - Parameters:
    ///   - caseID: the case.
    ///   - recipient: the lawyer's public key; only her X25519 key opens the bundle.
    ///   - path: the new file (mode 0600, written atomically; never overwrites).
    ///   - administrator: the vault's administrator, who signs.
    /// - Returns: the number of records exported.
    /// - Throws: `AmanatVaultError.caseNotFound`, `.notAdministrator`, `.corrupted`, `.crypto(.io)`.
    @discardableResult
    public func exportCase(
        _ caseID: Case.ID, to recipient: Identity.PublicKey, path: String, administrator: Identity
    ) throws -> Int {
        let details = try caseDetails(caseID, as: .administrator(administrator))
        var records: [CaseBundle.Manifest.Record] = []
        var blobs: [VaultID<BlobTag>] = []
        var digests: [String?] = []
        for id in details.records {
            let row = try store.read { try testimonyRow(id, $0) }
            let testimony = try open(id, as: .administrator(administrator))
            records.append(.init(id: id.description, day: row.day, kind: row.kind, testimony: testimony))
            blobs += testimony.attachments.map(\.blob)
            digests += testimony.attachments.map(\.blobDigest)
        }
        let manifest = CaseBundle.Manifest(
            caseID: caseID.description, title: details.title, notes: details.notes,
            exportedDay: Day.today().description, records: records, blobs: blobs.map(\.description))
        let bundleKey = SymmetricKey()
        let manifestJSON = Array(try JSONEncoder().encode(manifest))
        guard manifestJSON.count < 200 << 20 else {
            throw AmanatVaultError.invalidArgument(
                "case \(caseID) is too large for one bundle (its records alone exceed 200 MiB); split it into "
                    + "smaller cases"
            )
        }
        var manifestReader = MemoryReader(manifestJSON)
        var manifestCipher = MemoryWriter()
        try vaultCrypto("the bundle") {
            try SecretStream.encrypt(from: &manifestReader, to: &manifestCipher, using: bundleKey)
        }

        let file = try vaultCrypto(path) { try AtomicFileWriter(path: path, permissions: 0o600, durable: false) }
        var out = HashingWriter(inner: file, hasher: BackgroundHasher(CaseBundle.hasher()))
        var signedBlobs: [(length: Int, digest: [UInt8])] = []
        var header = CaseBundle.magic + [CaseBundle.version]
        header += administrator.publicKey.signing.rawRepresentation + recipient.encryption.rawRepresentation
        header += try SealedBox.seal(bundleKey.rawRepresentation, to: recipient.encryption)
        header += VaultFormat.u64(manifestCipher.bytes.count) + VaultFormat.u32(blobs.count)
        try vaultCrypto(path) {
            try header.withUnsafeBytes { try out.write($0) }
            try manifestCipher.bytes.withUnsafeBytes { try out.write($0) }
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
        defer { buffer.deallocate() }
        let front = out.hasher.finalize()
        for (blob, knownDigest) in zip(blobs, digests) {
            var reader = try vaultCrypto("attachment \(blob)") { try self.blobs.reader(blob) }
            guard let size = try vaultCrypto("attachment \(blob)", { try self.blobs.size(of: blob) }) else {
                throw AmanatVaultError.corrupted("attachment \(blob)")
            }
            // Every blob is hashed on the other core as it is copied. A blob written by this version carries the
            // digest recorded when it was stored: a blob changed on disk since then is refused here, before the
            // bundle appears, instead of reaching the lawyer with a signature over bytes it does not hold.
            let stored = knownDigest.flatMap { try? Hex.decode($0) }.flatMap { $0.count == 64 ? $0 : nil }
            let hasher = BackgroundHasher(CaseBundle.blobHasher())
            try vaultCrypto(path) {
                try VaultFormat.u64(size).withUnsafeBytes { try file.write($0) }
                var copied = 0
                while true {
                    let n = try reader.read(into: buffer)
                    if n == 0 { break }
                    let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<n])
                    hasher.updateInBackground(chunk)
                    try file.write(chunk)
                    copied += n
                }
                guard copied == size else {
                    throw AmanatCryptoError.io(path: "attachment \(blob)", reason: "changed while it was being copied")
                }
            }
            let digest = hasher.finalize()
            if let stored, !constantTimeEquals(stored, digest) {
                throw AmanatVaultError.corrupted("attachment \(blob) (its stored bytes changed since it was written)")
            }
            signedBlobs.append((size, digest))
        }
        let signature = administrator.signingKey.signature(
            for: CaseBundle.signedMessage(front: front, blobs: signedBlobs))
        try vaultCrypto(path) { try signature.withUnsafeBytes { try file.write($0) } }
        // Logged before the file appears: an export can never exist without its audit entry.
        try self.store.write { writer in
            try AuditLog.append(
                to: writer, action: "case.export", objects: [Data(caseID.rawValue)], actor: administrator)
        }
        try vaultCrypto(path) { try file.commit() }
        return records.count
    }
}

/// Passes bytes to a writer and, on the other core, to a hash.
struct HashingWriter<Inner: ByteWriter>: ByteWriter {
    var inner: Inner
    let hasher: BackgroundHasher

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        hasher.updateInBackground(bytes)
        try inner.write(bytes)
    }
}
