import AmanatCrypto
import Foundation

extension Vault {
    /// Writes a reply to the source of a record. The writer must be able to open the record (the
    /// administrator, or a grantee of a case containing it); the reply is signed by her and sealed to
    /// the source's reply key, so only the codename opens it.
    /// - Returns: the reply's id.
    /// - Throws: as `open(_:as:today:)`, and `AmanatVaultError.invalidArgument` for an empty reply.
    @discardableResult
    public func reply(
        to record: Testimony.ID, text: String, as accessor: Accessor, today: Day = .today()
    ) throws -> Reply.ID {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw AmanatVaultError.invalidArgument("the reply is empty; write something for the source to read")
        }
        let author: Identity
        switch accessor {
        case .administrator(let identity), .grantee(let identity): author = identity
        }
        let id = Reply.ID()
        let day = Day.today()
        return try store.write { writer in
            let row = try testimonyRow(record, writer)
            // The access check, and opening the body proves the mailbox row is the one the source sealed it with.
            _ = try Vault.openBody(row, key: recordKey(row, as: accessor, today: today, writer), writer)
            guard let mailbox = try writer.mailbox(row.mailboxID) else {
                throw AmanatVaultError.corrupted("record \(record)")
            }
            if let closed = try closure(of: mailbox.id, writer) {
                throw AmanatVaultError.mailboxClosed(day: closed.day)
            }
            let replyKey = try vaultCrypto("mailbox of record \(record)") {
                try X25519.PublicKey(rawRepresentation: Array(mailbox.replyKey))
            }
            let statement = VaultFormat.replyStatementV2(
                reply: Data(id.rawValue), mailbox: mailbox.id, record: row.id,
                author: author.publicKey, day: day.description, text: Array(text.utf8))
            let payload = ReplyPayload(
                version: 2, id: id.description, mailbox: Hex.encode(Array(mailbox.id)),
                record: Hex.encode(Array(row.id)), day: day.description, text: text,
                author: author.publicKey.stringRepresentation,
                signature: Base64URL.encode(author.signingKey.signature(for: statement)))
            let json = try JSONEncoder().encode(payload)
            let padded = json.withUnsafeBytes { Padding.padToBucket($0) }
            try writer.insert(
                ReplyRow(
                    id: Data(id.rawValue), mailboxID: mailbox.id, day: day.description,
                    sealed: Data(try SealedBox.seal(padded, to: replyKey))))
            try AuditLog.append(
                to: writer, action: "reply", objects: [Data(id.rawValue), row.id], actor: author, day: day)
            return id
        }
    }

    /// The replies in the mailbox a codename opens, oldest first, each with its signature checked, tied
    /// to the signed audit entry that wrote it, and accepted only from the administrator or from a lawyer
    /// whose grant on a case holding the record answered was valid on the reply's day.
    /// - Throws: `AmanatVaultError.unknownCodename`, `.mailboxClosed`, `.corrupted` (then none of the replies is
    ///   returned).
    public func replies(codename: Codename) throws -> [Reply] {
        let keys = try codename.mailboxKeys(salt: info.codenameSalt, parameters: codenameParameters)
        return try store.read { reader in
            guard let mailbox = try reader.mailbox(keys.id) else { throw AmanatVaultError.unknownCodename }
            guard mailbox.replyKey == Data(keys.replyKey.publicKey.rawRepresentation) else {
                throw AmanatVaultError.corrupted("the mailbox")
            }
            if let closed = try closure(of: mailbox.id, reader) {
                throw AmanatVaultError.mailboxClosed(day: closed.day)
            }
            let rows = try reader.replies(mailboxID: mailbox.id)
            guard !rows.isEmpty else { return [] }
            let check = try ReplyAuthority(vault: self, reader: reader)
            return try rows.map { row in
                let what = "reply \(Hex.encode(Array(row.id)))"
                let padded = try vaultCrypto(what) {
                    try SealedBox.open(Array(row.sealed), with: keys.replyKey, what: what)
                }
                let json = try vaultCrypto(what) { try Padding.unpadFromBucket(padded) }
                return try check.accept(row, json: json, mailbox: mailbox.id, reader)
            }
        }
    }

    /// How many records a codename's mailbox holds (its submission and follow-ups).
    /// - Throws: `AmanatVaultError.unknownCodename`.
    public func submissionCount(codename: Codename) throws -> Int {
        let keys = try codename.mailboxKeys(salt: info.codenameSalt, parameters: codenameParameters)
        return try store.read { reader in
            guard try reader.mailbox(keys.id) != nil else { throw AmanatVaultError.unknownCodename }
            return try reader.testimonyHeaders().filter { $0.mailboxID == keys.id }.count
        }
    }
}
