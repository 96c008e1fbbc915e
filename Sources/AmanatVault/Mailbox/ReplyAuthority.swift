import AmanatCrypto
import Foundation

/// The rules a reply passes before a source is shown it (Docs/format.md §8.11, "Reading replies"): its
/// signature covers it, a signed audit entry of its author wrote it, the record it answers is hers, and
/// its author was the administrator or held a grant on a case with that record on the reply's day.
///
/// Built once per mailbox read: one pass over the `reply` audit entries and the signed grants.
struct ReplyAuthority {
    let vault: Vault
    let administrator: Identity.PublicKey
    /// Each `reply` audit entry, by the reply id it names first.
    let entries: [Data: AuditEntryRow]
    /// Grants whose signature verifies with the administrator's key, by grantee signing key.
    let grants: [Data: [GrantRow]]
    /// The shredded cases each record was filed in (their memberships went with them; a reply a lawyer of
    /// such a case wrote before the shred still counts).
    let formerCases: [Data: Set<Data>]

    init(vault: Vault, reader: any VaultReader) throws {
        self.vault = vault
        administrator = vault.administratorPublicKey
        var entries: [Data: AuditEntryRow] = [:]
        for entry in try reader.auditEntries(action: "reply") {
            guard let first = entry.objects.split(separator: ",").first, let id = try? Hex.decode(String(first)) else {
                continue
            }
            entries[Data(id)] = entry
        }
        self.entries = entries
        var grants: [Data: [GrantRow]] = [:]
        for grant in try reader.grants(caseID: nil)
        where vault.administratorKey.isValidSignature(Array(grant.signature), for: VaultFormat.grantStatement(grant)) {
            grants[grant.granteeSigningKey, default: []].append(grant)
        }
        self.grants = grants
        let shredded = Set(try reader.auditEntries(action: "case.shred").compactMap { Vault.objectIDs($0).first })
        var formerCases: [Data: Set<Data>] = [:]
        if !shredded.isEmpty {
            for entry in try reader.auditEntries(action: "case.assign") {
                let ids = Vault.objectIDs(entry)
                guard let caseID = ids.first, shredded.contains(caseID) else { continue }
                for record in ids.dropFirst() { formerCases[record, default: []].insert(caseID) }
            }
        }
        self.formerCases = formerCases
    }

    /// Checks one reply, already opened with the codename and unpadded.
    /// - Throws: `AmanatVaultError.corrupted` naming the reply and what failed.
    func accept(_ row: ReplyRow, json: SecretBytes, mailbox: Data, _ reader: any VaultReader) throws -> Reply {
        let what = "reply \(Hex.encode(Array(row.id)))"
        guard (try? StrictJSON.validate(json, what: what)) != nil,
            let payload = try? json.withUnsafeBytes({ try JSONDecoder().decode(ReplyPayload.self, from: Data($0)) }),
            payload.id == Hex.encode(Array(row.id)), payload.mailbox == Hex.encode(Array(mailbox)),
            let author = try? Identity.PublicKey(string: payload.author),
            let signature = try? Base64URL.decode(payload.signature), let day = try? Day(row.day)
        else { throw AmanatVaultError.corrupted(what) }
        let record = try writingEntry(row, author: author, what: what)
        let text = Array(payload.text.utf8)
        switch payload.version {
        case nil:
            let statement = VaultFormat.replyStatement(reply: row.id, mailbox: mailbox, text: text)
            guard payload.record == nil, payload.day == nil, author.signing.isValidSignature(signature, for: statement)
            else {
                throw AmanatVaultError.corrupted(what)
            }
        case 2?:
            let statement = VaultFormat.replyStatementV2(
                reply: row.id, mailbox: mailbox, record: record, author: author,
                day: row.day, text: text)
            guard payload.record == Hex.encode(Array(record)), payload.day == row.day,
                author.signing.isValidSignature(signature, for: statement)
            else { throw AmanatVaultError.corrupted(what) }
        default:
            throw AmanatVaultError.corrupted("\(what) (a reply version this Amanat does not know)")
        }
        guard try reader.testimony(record)?.mailboxID == mailbox else {
            throw AmanatVaultError.corrupted("\(what) (it answers a record that is not in this mailbox)")
        }
        let role = try self.role(of: author, record: record, day: day, reader)
        return Reply(
            id: try Reply.ID(bytes: Array(row.id)), day: day, text: payload.text, author: author, role: role,
            authorName: try vault.authorName(of: author, reader))
    }

    /// The record the reply answers, from the signed audit entry of its author that wrote it.
    private func writingEntry(_ row: ReplyRow, author: Identity.PublicKey, what: String) throws -> Data {
        let ids = entries[row.id]?.objects.split(separator: ",") ?? []
        guard let entry = entries[row.id], ids.count == 2, entry.actor == Data(author.signing.rawRepresentation),
            entry.day == row.day, Data(VaultFormat.auditHash(entry)) == entry.entryHash,
            let signature = entry.signature,
            author.signing.isValidSignature(
                Array(signature), for: VaultFormat.auditSignedMessage(Array(entry.entryHash))),
            let record = try? Hex.decode(String(ids[1])), record.count == 16
        else { throw AmanatVaultError.corrupted("\(what) (no signed audit entry of its author wrote it)") }
        return Data(record)
    }

    /// The administrator, or a grantee whose grant on a case holding `record` was valid on `day`.
    private func role(
        of author: Identity.PublicKey, record: Data, day: Day, _ reader: any VaultReader
    ) throws -> Reply.Role {
        if author == administrator { return .administrator }
        let cases = Set(try reader.caseIDs(containing: record)).union(formerCases[record] ?? [])
        let held =
            grants[Data(author.signing.rawRepresentation)]?.contains { grant in
                grant.granteeEncryptionKey == Data(author.encryption.rawRepresentation) && cases.contains(grant.caseID)
                    && grant.wasValid(on: day)
            } ?? false
        guard held else {
            throw AmanatVaultError.corrupted(
                "reply from \(author.fingerprint) (its author held no grant on a case with the "
                    + "record on \(day))")
        }
        return .grantee
    }
}

extension GrantRow {
    /// Whether the grant could be used on `day`: issued on or before it, not past its last day, and not
    /// revoked before it (a revocation on that very day still counts; the audit log orders the day).
    func wasValid(on day: Day) -> Bool {
        guard let issued = try? Day(issuedDay), let expires = try? Day(expiresDay), issued <= day, day <= expires else {
            return false
        }
        guard let revokedDay else { return true }
        return (try? Day(revokedDay)).map { day <= $0 } ?? false
    }
}
