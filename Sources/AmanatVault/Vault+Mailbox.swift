import AmanatCrypto
import Foundation

extension Vault {
    /// Writes a reply to the source of a record. The writer must be able to open the record (the
    /// administrator, or a grantee of a case containing it); the reply is signed by her and sealed to
    /// the source's reply key, so only the codename opens it.
    /// - Returns: the reply's id.
    /// - Throws: as `open(_:as:today:)`, and `AmanatVaultError.invalidArgument` for an empty reply.
    @discardableResult
    public func reply(to record: Testimony.ID, text: String, as accessor: Accessor, today: Day = .today()) throws -> Reply.ID {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw AmanatVaultError.invalidArgument("the reply is empty; write something for the source to read")
        }
        let author: Identity
        switch accessor {
        case let .administrator(identity), let .grantee(identity): author = identity
        }
        let id = Reply.ID()
        return try store.write { writer in
            let row = try testimonyRow(record, writer)
            // The access check, and opening the body proves the mailbox row is the one the source sealed it with.
            _ = try Vault.openBody(row, key: recordKey(row, as: accessor, today: today, writer), writer)
            guard let mailbox = try writer.mailbox(row.mailboxID) else { throw AmanatVaultError.corrupted("record \(record)") }
            let replyKey = try vaultCrypto("mailbox of record \(record)") { try X25519.PublicKey(rawRepresentation: Array(mailbox.replyKey)) }
            let statement = VaultFormat.replyStatement(reply: Data(id.rawValue), mailbox: mailbox.id, text: Array(text.utf8))
            let payload = ReplyPayload(id: id.description, mailbox: Hex.encode(Array(mailbox.id)), text: text,
                                       author: author.publicKey.stringRepresentation,
                                       signature: Base64URL.encode(author.signingKey.signature(for: statement)))
            let json = try JSONEncoder().encode(payload)
            let padded = json.withUnsafeBytes { Padding.padToBucket($0) }
            try writer.insert(ReplyRow(id: Data(id.rawValue), mailboxID: mailbox.id, day: Day.today().description,
                                       sealed: Data(try SealedBox.seal(padded, to: replyKey))))
            try AuditLog.append(to: writer, action: "reply", objects: [Data(id.rawValue), row.id], actor: author)
            return id
        }
    }

    /// The replies in the mailbox a codename opens, oldest first, each with its signature checked.
    /// - Throws: `AmanatVaultError.unknownCodename`, `.corrupted`.
    public func replies(codename: Codename) throws -> [Reply] {
        let keys = try codename.mailboxKeys(salt: info.codenameSalt, parameters: codenameParameters)
        return try store.read { reader in
            guard let mailbox = try reader.mailbox(keys.id) else { throw AmanatVaultError.unknownCodename }
            guard mailbox.replyKey == Data(keys.replyKey.publicKey.rawRepresentation) else { throw AmanatVaultError.corrupted("the mailbox") }
            // A reply counts only if its author is the administrator or a lawyer with a signed grant.
            let authors = try signedGrantees(reader).union([info.administratorSigningKey])
            return try reader.replies(mailboxID: mailbox.id).map { try openReply($0, key: keys.replyKey, mailbox: mailbox.id, authors: authors) }
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

    private func openReply(_ row: ReplyRow, key: X25519.PrivateKey, mailbox: Data, authors: Set<Data>) throws -> Reply {
        let what = "reply \(Hex.encode(Array(row.id)))"
        let padded = try vaultCrypto(what) { try SealedBox.open(Array(row.sealed), with: key, what: what) }
        let json = try vaultCrypto(what) { try Padding.unpad(padded, blockSize: padded.count) }
        guard let payload = try? json.withUnsafeBytes({ try JSONDecoder().decode(ReplyPayload.self, from: Data($0)) }),
              payload.id == Hex.encode(Array(row.id)), payload.mailbox == Hex.encode(Array(mailbox)),
              let author = try? Identity.PublicKey(string: payload.author),
              authors.contains(Data(author.signing.rawRepresentation)),
              let signature = try? Base64URL.decode(payload.signature),
              author.signing.isValidSignature(signature, for: VaultFormat.replyStatement(reply: row.id, mailbox: mailbox, text: Array(payload.text.utf8))),
              let day = try? Day(row.day)
        else { throw AmanatVaultError.corrupted(what) }
        return Reply(id: Reply.ID(bytes: Array(row.id)), day: day, text: payload.text, author: author)
    }
}
