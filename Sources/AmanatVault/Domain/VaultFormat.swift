import AmanatCrypto
import Foundation

/// The byte strings the vault authenticates: associated data and signed statements
/// (Docs/format.md, section 8). Each starts with its label from `Labels`, a zero byte and the format
/// version, followed by fixed-length fields, so no two structures can be confused.
enum VaultFormat {
    /// The vault format version.
    static let version: UInt8 = 1

    /// Associated data of a testimony body: label, 0, version, kind, record id, mailbox id, the
    /// mailbox's reply key, language (2 ASCII bytes), day (10 ASCII bytes). Binding the mailbox means a
    /// row moved to another mailbox, or a mailbox given another reply key, no longer opens, so replies
    /// cannot be redirected; binding the day and language means the inbox's clear metadata cannot be
    /// altered without the record failing to open.
    static func testimonyAD(
        record: Data, kind: Testimony.Kind, mailbox: Data, replyKey: Data, language: String, day: String
    ) -> [UInt8] {
        var bytes = Labels.testimonyBody + [0, version, kind.rawValue] + record
        bytes += mailbox + replyKey
        bytes += Array(language.utf8) + Array(day.utf8)
        return bytes
    }

    /// Associated data of a record key wrapped under a case key.
    static func caseRecordAD(case caseID: Data, record: Data, keyVersion: Int) -> [UInt8] {
        Labels.caseRecordKey + [0, version] + caseID + record + u32(keyVersion)
    }

    /// Associated data of a case's title and notes.
    static func caseTitleAD(case caseID: Data, keyVersion: Int) -> [UInt8] {
        Labels.caseTitle + [0, version] + caseID + u32(keyVersion)
    }

    /// Associated data of a case's sealed pseudonym key.
    static func pseudonymKeyAD(case caseID: Data, keyVersion: Int) -> [UInt8] {
        Labels.casePseudonymKey + [0, version] + caseID + u32(keyVersion)
    }

    /// Associated data of a case's sealed term list: label, 0, version, case id, key version, revision.
    static func caseTermsAD(case caseID: Data, keyVersion: Int, revision: Int) -> [UInt8] {
        Labels.caseTerms + [0, version] + caseID + u32(keyVersion) + u32(revision)
    }

    /// The statement a case's retention policy is signed with: label, 0, version, case id, revision (u32),
    /// keep-until day, days after closing (u32, 0xFFFFFFFF for none), closed day, day written; an absent day
    /// is 10 zero bytes (Docs/format.md §8.25). Nil for a row whose fields cannot be encoded.
    static func retentionStatement(_ row: CaseRetentionRow) -> [UInt8]? {
        func day(_ text: String?) -> [UInt8]? {
            guard let text else { return [UInt8](repeating: 0, count: 10) }
            return (try? Day(text)) == nil ? nil : Array(text.utf8)
        }
        guard row.caseID.count == 16, (1...Int(UInt32.max)).contains(row.revision),
            let until = day(row.keepUntil), let closed = day(row.closedDay), let written = day(row.day),
            row.day.utf8.count == 10, (0..<Int(UInt32.max)).contains(row.keepDaysAfterClose ?? 0)
        else { return nil }
        return Labels.caseRetention + [0, version] + row.caseID + u32(row.revision) + until
            + u32(row.keepDaysAfterClose ?? Int(UInt32.max)) + closed + written
    }

    /// Associated data of a stored redaction plan: label, 0, version, projection id, record id.
    static func planAD(projection: Data, record: Data) -> [UInt8] {
        Labels.redactionPlan + [0, version] + projection + record
    }

    /// The statement a grant's signature covers.
    static func grantStatement(_ row: GrantRow) -> [UInt8] {
        var bytes = Labels.grantStatement + [0, version]
        bytes += row.id + row.caseID
        bytes += row.granteeEncryptionKey + row.granteeSigningKey
        bytes.append(UInt8(truncatingIfNeeded: row.permissions))
        bytes += Array(row.issuedDay.utf8) + Array(row.expiresDay.utf8)
        bytes += u32(row.keyVersion)
        bytes += BLAKE2b.hash(Array(row.sealedCaseKey), length: 32)
        return bytes
    }

    /// The vault settings statement the administrator signs (132 bytes): label, 0, version, intake key,
    /// administrator signing key, codename salt (16 bytes), Argon2id opslimit and memlimit (`u64` each),
    /// created day (10 ASCII bytes). Nil when a field has the wrong length: such settings cannot be signed.
    static func settingsStatement(_ row: VaultInfoRow) -> [UInt8]? {
        guard row.intakeKey.count == 32, row.administratorSigningKey.count == 32, row.codenameSalt.count == 16,
            row.createdDay.utf8.count == 10, row.codenameOpsLimit >= 0, row.codenameMemLimit >= 0
        else { return nil }
        var bytes = Labels.vaultSettings + [0, version]
        bytes += row.intakeKey + row.administratorSigningKey + row.codenameSalt
        bytes += u64(Int(row.codenameOpsLimit)) + u64(Int(row.codenameMemLimit))
        bytes += Array(row.createdDay.utf8)
        return bytes
    }

    /// The canonical bytes of an audit entry (everything but its hash and signature).
    static func auditBytes(_ row: AuditEntryRow) -> [UInt8] {
        let action = Array(row.action.utf8)
        let objects = Array(row.objects.utf8)
        var bytes = Labels.auditEntry + [0, version]
        bytes += u64(row.sequence) + Array(row.day.utf8)
        bytes += row.actor.map { Array($0) } ?? [UInt8](repeating: 0, count: 32)
        bytes += u16(action.count) + action
        bytes += u32(objects.count) + objects
        bytes += row.previousHash
        return bytes
    }

    /// An audit entry's hash: BLAKE2b-256 keyed with `Labels.auditChain` over its canonical bytes.
    static func auditHash(_ row: AuditEntryRow) -> [UInt8] {
        BLAKE2b.hash(auditBytes(row), key: Labels.auditChain, length: 32)
    }

    /// What an actor signs for an audit entry: `Labels.auditSignature` || 0 || version || entry hash.
    static func auditSignedMessage(_ hash: [UInt8]) -> [UInt8] {
        Labels.auditSignature + [0, version] + hash
    }

    /// What a grantee signs when replying: label, 0, version, reply id, mailbox id, BLAKE2b-256 of the text.
    static func replyStatement(reply: Data, mailbox: Data, text: [UInt8]) -> [UInt8] {
        Labels.reply + [0, version] + reply + mailbox + BLAKE2b.hash(text, length: 32)
    }

    /// What an author signs for a reply of payload version 2 (197 bytes): label, 0, version, reply id,
    /// mailbox id, record id, the author's X25519 and Ed25519 public keys, the day (10 ASCII bytes),
    /// BLAKE2b-256 of the text.
    static func replyStatementV2(
        reply: Data, mailbox: Data, record: Data, author: Identity.PublicKey, day: String,
        text: [UInt8]
    ) -> [UInt8] {
        var bytes = Labels.replyStatement + [0, version] + reply + mailbox + record
        bytes += author.encryption.rawRepresentation + author.signing.rawRepresentation
        bytes += Array(day.utf8) + BLAKE2b.hash(text, length: 32)
        return bytes
    }

    /// The statement by which the administrator names a person: label, 0, version, the person's X25519 and
    /// Ed25519 public keys, the day (10 ASCII bytes), the name's UTF-8 length (`u16`) and the name.
    static func authorNameStatement(_ row: AuthorNameRow) -> [UInt8] {
        let name = Array(row.name.utf8)
        var bytes = Labels.authorName + [0, version] + row.encryptionKey + row.signingKey
        bytes += Array(row.day.utf8) + u16(name.count) + name
        return bytes
    }

    static func u16(_ value: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    static func u32(_ value: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
    static func u64(_ value: Int) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
}

extension Array where Element == UInt8 {
    static func + (lhs: [UInt8], rhs: Data) -> [UInt8] { lhs + Array(rhs) }
}
