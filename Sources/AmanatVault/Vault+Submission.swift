public import AmanatCrypto
import Foundation

/// A file a source attaches: where it is now, and the name to show.
public struct AttachmentSource: Sendable {
    /// Path of the file to encrypt.
    public var path: String
    /// Name shown to readers (defaults to the file's last path component).
    public var name: String
    /// Called as the file is encrypted, with the bytes done and the total (for a progress bar).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Store a JPEG or PNG photo byte for byte, metadata included (evidence that must stay intact). By
    /// default a photo loses its metadata (location, camera, time, names) as it is stored, as on the web.
    public var keepMetadata: Bool

    /// Describes a file to attach.
    public init(
        path: String, name: String? = nil, keepMetadata: Bool = false,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) {
        self.path = path
        self.name = name ?? URL(fileURLWithPath: path).lastPathComponent
        self.keepMetadata = keepMetadata
        self.progress = progress
    }
}

extension Vault {
    /// The largest attachment accepted, 4 GiB. (The web intake sets its own, smaller limit.)
    public static let attachmentLimit = 4 << 30

    /// Stores a first submission. Needs no key but the vault's public intake key: the storing side
    /// cannot read what it stores.
    /// - Parameters:
    ///   - testimony: the statement and facts (its `attachments` are filled in here).
    ///   - attachments: files to encrypt alongside.
    /// - Returns: the new record's id and the source's codename, to be shown to her once.
    /// - Throws: `AmanatVaultError` for unreadable or oversized files and storage failures; nothing is
    ///   stored unless everything is.
    public func submit(
        _ testimony: Testimony, attachments: [AttachmentSource] = []
    ) throws -> (record: Testimony.ID, codename: Codename) {
        let codename = Codename.generate()
        let keys = try codename.mailboxKeys(salt: info.codenameSalt, parameters: codenameParameters)
        let mailbox = MailboxRow(
            id: keys.id, replyKey: Data(keys.replyKey.publicKey.rawRepresentation), createdDay: Day.today().description)
        let id = try record(testimony, kind: .submission, mailbox: mailbox, isNew: true, attachments: attachments)
        return (id, codename)
    }

    /// Stores a first submission whose attachments were uploaded in pieces (`beginAttachment`): the
    /// web intake's path. If anything fails, the uploads' blobs are deleted with the rest.
    /// - Parameter codenameLanguage: the list the codename is shown in (the source's language); the
    ///   stored mailbox is the same whichever it is.
    public func submit(
        _ testimony: Testimony, uploads: [Attachment],
        codenameLanguage: CodenameWordList.Language = .english
    ) throws -> (record: Testimony.ID, codename: Codename) {
        let codename = Codename.generate(in: codenameLanguage)
        do {
            let keys = try codename.mailboxKeys(salt: info.codenameSalt, parameters: codenameParameters)
            let mailbox = MailboxRow(
                id: keys.id, replyKey: Data(keys.replyKey.publicKey.rawRepresentation),
                createdDay: Day.today().description)
            let id = try record(
                testimony, kind: .submission, mailbox: mailbox, isNew: true, attachments: [], uploaded: uploads)
            return (id, codename)
        } catch {
            discard(uploads)
            throw error
        }
    }

    /// Adds testimony whose attachments were uploaded in pieces to an earlier submission.
    /// - Throws: `AmanatVaultError.unknownCodename`; the uploads' blobs are deleted on any failure.
    public func followUp(_ testimony: Testimony, uploads: [Attachment], codename: Codename) throws -> Testimony.ID {
        do {
            let mailbox = try mailbox(for: codename)
            return try record(
                testimony, kind: .followUp, mailbox: mailbox, isNew: false, attachments: [], uploaded: uploads)
        } catch {
            discard(uploads)
            throw error
        }
    }

    /// The mailbox a codename opens, while it is not closed.
    /// - Throws: `AmanatVaultError.unknownCodename`, `.mailboxClosed`.
    func mailbox(for codename: Codename) throws -> MailboxRow {
        let keys = try codename.mailboxKeys(salt: info.codenameSalt, parameters: codenameParameters)
        guard let mailbox = try store.read({ try $0.mailbox(keys.id) }) else { throw AmanatVaultError.unknownCodename }
        guard mailbox.replyKey == Data(keys.replyKey.publicKey.rawRepresentation) else {
            throw AmanatVaultError.corrupted("the mailbox")
        }
        if let closed = try store.read({ try closure(of: mailbox.id, $0) }) {
            throw AmanatVaultError.mailboxClosed(day: closed.day)
        }
        return mailbox
    }

    /// Adds testimony to an earlier submission, with the source's codename.
    /// - Throws: `AmanatVaultError.unknownCodename` when the codename opens no mailbox here.
    public func followUp(
        _ testimony: Testimony, attachments: [AttachmentSource] = [], codename: Codename
    ) throws -> Testimony.ID {
        try record(testimony, kind: .followUp, mailbox: mailbox(for: codename), isNew: false, attachments: attachments)
    }

    private func record(
        _ testimony: Testimony, kind: Testimony.Kind, mailbox: MailboxRow, isNew: Bool,
        attachments sources: [AttachmentSource], uploaded: [Attachment] = []
    ) throws -> Testimony.ID {
        guard ["ru", "en"].contains(testimony.language) else {
            throw AmanatVaultError.invalidArgument("the language must be ru or en")
        }
        let blobs = BlobStore(container: self.blobs, limit: Vault.attachmentLimit)
        var stored: [Attachment] = []
        do {
            for source in sources {
                stored.append(
                    try blobs.store(
                        path: source.path, name: source.name, keepMetadata: source.keepMetadata,
                        progress: source.progress))
            }
            var body = testimony
            body.attachments = stored + uploaded
            let id = Testimony.ID()
            let recordKey = SymmetricKey()
            let day = Day.today().description
            let ad = VaultFormat.testimonyAD(
                record: Data(id.rawValue), kind: kind, mailbox: mailbox.id, replyKey: mailbox.replyKey,
                language: testimony.language, day: day)
            let (sealedBody, bucket) = try Self.sealBody(body, key: recordKey, associatedData: ad)
            let row = TestimonyRow(
                id: Data(id.rawValue), kind: Int(kind.rawValue), mailboxID: mailbox.id,
                day: day, language: testimony.language, sizeBucket: bucket,
                wrappedKey: Data(try SealedBox.seal(recordKey.rawRepresentation, to: intakeKey)),
                body: Data(sealedBody))
            try store.write { writer in
                if isNew {
                    try writer.insert(mailbox)
                } else if let closed = try closure(of: mailbox.id, writer) {
                    // Closed since it was looked up: nothing is added to a closed mailbox.
                    throw AmanatVaultError.mailboxClosed(day: closed.day)
                }
                try writer.insert(row)
                try AuditLog.append(
                    to: writer, action: kind == .submission ? "submit" : "follow-up", objects: [row.id], actor: nil)
            }
            return id
        } catch {
            blobs.remove(stored)
            throw error
        }
    }

    /// Encodes, pads and encrypts a testimony body under its record key.
    static func sealBody(_ testimony: Testimony, key: SymmetricKey, associatedData: [UInt8]) throws -> ([UInt8], Int) {
        let padded = try encodeBody(testimony)
        let sealed = XChaCha20Poly1305.seal(padded, using: key, associatedData: associatedData)
        return (sealed, padded.count)
    }

    /// A testimony as a record body before encryption (format.md §8.6): JSON with sorted members, padded to its
    /// size bucket.
    @_spi(Fuzzing) public static func encodeBody(_ testimony: Testimony) throws -> SecretBytes {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(testimony)
        return json.withUnsafeBytes { Padding.padToBucket($0) }
    }

    /// The testimony in a decrypted record body: the padding removed, then strict JSON parsed in place.
    /// - Throws: `AmanatVaultError.corrupted(what)` for anything else.
    @_spi(Fuzzing) public static func decodeBody(_ padded: SecretBytes, what: String) throws -> Testimony {
        let json = try vaultCrypto(what) { try Padding.unpadFromBucket(padded) }
        do {
            // Checked (strict JSON) and parsed in place: the plaintext never gets a copy outside protected memory.
            return try SecretJSON.decode(Testimony.self, from: json)
        } catch {
            throw AmanatVaultError.corrupted(what)
        }
    }

    /// Decrypts a testimony body with its record key; the mailbox row must be the one it was sealed with.
    static func openBody(_ row: TestimonyRow, key: SymmetricKey, _ reader: any VaultReader) throws -> Testimony {
        let what = "record \(Hex.encode(Array(row.id)))"
        guard let kind = Testimony.Kind(stored: row.kind), let mailbox = try reader.mailbox(row.mailboxID) else {
            throw AmanatVaultError.corrupted(what)
        }
        guard ["ru", "en"].contains(row.language), (try? Day(row.day)) != nil else {
            throw AmanatVaultError.corrupted(what)
        }
        let ad = VaultFormat.testimonyAD(
            record: row.id, kind: kind, mailbox: mailbox.id, replyKey: mailbox.replyKey,
            language: row.language, day: row.day)
        let padded = try vaultCrypto(what) {
            try XChaCha20Poly1305.open(Array(row.body), using: key, associatedData: ad, what: what)
        }
        guard padded.count == row.sizeBucket else { throw AmanatVaultError.corrupted(what) }
        let testimony = try decodeBody(padded, what: what)
        // The row's language is bound into the associated data; the body must say the same.
        guard testimony.language == row.language else {
            throw AmanatVaultError.corrupted("\(what) (its language differs from its row)")
        }
        return testimony
    }
}
