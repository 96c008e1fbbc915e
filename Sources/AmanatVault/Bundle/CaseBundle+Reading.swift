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
            throw AmanatVaultError.permissionDenied("\(path) was signed by another key than the one you trust; do not use it, and ask the sender")
        }
        return Summary(signer: header.signer, recipient: header.recipient, blobCount: header.blobCount, size: scan.size)
    }

    /// Verifies and opens a bundle addressed to `identity`, writing attachments into `folder` if given.
    /// Nothing is written unless the whole file verified, twice: once before decrypting and once while
    /// decrypting (so a file changed in between is caught).
    /// - Throws: as `verify`, and `AmanatVaultError.accessDenied` when it was made for someone else.
    public static func open(at path: String, identity: Identity, signer: Ed25519.PublicKey? = nil, attachmentsTo folder: String? = nil) throws -> Contents {
        let summary = try verify(at: path, signer: signer)
        guard summary.recipient == identity.publicKey.encryption else {
            throw AmanatVaultError.accessDenied("\(path): it was made for another person's key")
        }
        var scan = try Scan(path: path)
        let header = try scan.header()
        let what = "the bundle \(path)"
        let bundleKey = try vaultCrypto(what) {
            try SymmetricKey(rawRepresentation: SealedBox.open(header.sealedKey, with: identity.encryptionKey, what: what))
        }
        var manifestBytes = MemoryWriter()
        var limited = scan.limited(header.manifestLength)
        try vaultCrypto(what) { try SecretStream.decrypt(from: &limited, to: &manifestBytes, using: bundleKey, what: what) }
        scan = limited.scan
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: Data(manifestBytes.bytes)),
              manifest.blobs.count == header.blobCount else { throw AmanatVaultError.corrupted(what) }

        // Where each blob goes: (record id, attachment) by blob id.
        var owners: [String: (String, Attachment, Int)] = [:]
        for record in manifest.records {
            for (index, attachment) in record.testimony.attachments.enumerated() {
                owners[attachment.blob.description] = (record.id, attachment, index)
            }
        }
        var pending: [AtomicFileWriter] = []
        var saved: [String: [String]] = [:]
        if let folder {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        for blob in manifest.blobs {
            let length = try scan.u64()
            guard let (recordID, attachment, index) = owners[blob], length <= scan.remainingBeforeSignature else { throw AmanatVaultError.corrupted(what) }
            var section = scan.limited(length)
            if let folder {
                let name = attachment.name.split(separator: "/").last.map(String.init) ?? "attachment"
                let target = "\(folder)/\(recordID.prefix(8))-\(index + 1)-\(name)"
                let file = try vaultCrypto(target) { try AtomicFileWriter(path: target) }
                var writer = UnpaddingHashingWriter(inner: file, size: attachment.size)
                let key = try vaultCrypto(what) { try SymmetricKey(rawRepresentation: SecretBytes(copying: Base64URL.decode(attachment.key))) }
                let total = try vaultCrypto(what) { try SecretStream.decrypt(from: &section, to: &writer, using: key, chunkSize: attachment.chunkSize, what: what) }
                guard total == SizeBucket.bucket(for: attachment.size), writer.written == attachment.size, !writer.paddingWasDirty,
                      Hex.encode(writer.hasher.finalize()) == attachment.hash else { throw AmanatVaultError.corrupted(what) }
                pending.append(file)
                saved[recordID, default: []].append(target)
            } else {
                try section.drain()
            }
            guard section.remaining == 0 else { throw AmanatVaultError.corrupted(what) }
            scan = section.scan
        }
        try scan.checkSignature(header)
        for file in pending { try vaultCrypto(file.path) { try file.commit() } }
        return Contents(caseID: manifest.caseID, title: manifest.title, notes: manifest.notes, exportedDay: manifest.exportedDay,
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
        let hasher = CaseBundle.hasher()

        init(path: String) throws {
            self.path = path
            reader = try vaultCrypto(path) { try FileReader(path: path) }
            size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            guard size >= CaseBundle.headerSize + CaseBundle.signatureSize else { throw AmanatVaultError.corrupted("the bundle \(path)") }
        }

        var remainingBeforeSignature: Int { size - CaseBundle.signatureSize - offset }

        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let n = try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(max(0, remainingBeforeSignature))))
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
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
            guard Array(b[0..<8]) == CaseBundle.magic else { throw AmanatVaultError.invalidArgument("\(path) is not an Amanat case bundle") }
            guard b[8] == CaseBundle.version else { throw AmanatVaultError.unsupportedVaultVersion(Int(b[8])) }
            let manifestLength = b[153..<161].reversed().reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
            let blobCount = b[161..<165].reversed().reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
            return try vaultCrypto(what) {
                Header(signer: try Ed25519.PublicKey(rawRepresentation: b[9..<41]), recipient: try X25519.PublicKey(rawRepresentation: b[41..<73]),
                       sealedKey: Array(b[73..<153]), manifestLength: Int(min(manifestLength, UInt64(Int.max))), blobCount: Int(blobCount))
            }
        }

        /// Reads past the manifest and every blob, checking that their lengths fill the file exactly.
        mutating func skipBody(_ header: Header) throws {
            guard header.manifestLength <= remainingBeforeSignature else { throw AmanatVaultError.corrupted("the bundle \(path)") }
            var section = limited(header.manifestLength)
            try section.drain()
            self = section.scan
            for _ in 0..<header.blobCount {
                let length = try u64()
                guard length <= remainingBeforeSignature else { throw AmanatVaultError.corrupted("the bundle \(path)") }
                var blob = limited(length)
                try blob.drain()
                self = blob.scan
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
                  header.signer.isValidSignature(signature, for: CaseBundle.signedMessage(hasher.finalize())) else {
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
            let n = try scan.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(remaining)))
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
