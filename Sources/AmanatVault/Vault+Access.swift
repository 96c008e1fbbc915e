public import AmanatCrypto
import Foundation

/// Who is opening something, with the identity that proves it.
public enum Accessor: Sendable {
    /// The vault's administrator, who can open every record.
    case administrator(Identity)
    /// A lawyer, who can open the records of cases granted to her.
    case grantee(Identity)
}

/// What `inbox` shows of a record without decrypting it.
public struct RecordSummary: Sendable, Equatable {
    /// The record.
    public var id: Testimony.ID
    /// A first submission or a follow-up.
    public var kind: Testimony.Kind
    /// Day submitted.
    public var day: Day
    /// Language: "ru" or "en".
    public var language: String
    /// Padded size of the body.
    public var sizeBucket: Int
    /// Cases it belongs to.
    public var cases: [Case.ID]
    /// Her source's request that it be withdrawn, if she made one (`Vault.requestWithdrawal(codename:)`).
    public var withdrawal: WithdrawalRequest? = nil
}

extension Vault {
    /// Every record, oldest first, without decrypting anything.
    public func inbox() throws -> [RecordSummary] {
        try store.read { reader in
            var cases: [Data: [Case.ID]] = [:]
            for (record, caseID) in try reader.memberships() {
                cases[record, default: []].append(try Case.ID(bytes: Array(caseID)))
            }
            let withdrawals = try withdrawalRequests(reader)
            return try reader.testimonyHeaders().map { row in
                guard let kind = Testimony.Kind(stored: row.kind), row.id.count == 16 else {
                    throw AmanatVaultError.corrupted("record \(Hex.encode(Array(row.id)))")
                }
                return RecordSummary(
                    id: try Testimony.ID(bytes: Array(row.id)), kind: kind, day: try Day(row.day),
                    language: row.language,
                    sizeBucket: row.sizeBucket, cases: cases[row.id] ?? [], withdrawal: withdrawals[row.id])
            }
        }
    }

    /// Opens a record.
    /// - Parameters:
    ///   - id: the record.
    ///   - accessor: the administrator, or a grantee holding a valid grant to a case containing it.
    ///   - today: the day against which grant expiry is checked.
    /// - Returns: the testimony, with the keys to its attachments.
    /// - Throws: `AmanatVaultError.recordNotFound`, `.notAdministrator`, `.accessDenied`, `.grantExpired`,
    ///   `.grantRevoked`, `.corrupted`.
    public func open(_ id: Testimony.ID, as accessor: Accessor, today: Day = .today()) throws -> Testimony {
        try store.read { reader in
            let row = try testimonyRow(id, reader)
            let key = try recordKey(row, as: accessor, today: today, reader)
            return try Vault.openBody(row, key: key, reader)
        }
    }

    /// Writes an attachment of an opened testimony to a new file at `path` (mode 0600). The file
    /// appears only if the whole attachment verified.
    /// - Throws: `AmanatVaultError.corrupted` when the blob was damaged; `.crypto(.io)` for file problems.
    /// - Parameter progress: called as the file is decrypted, with the bytes done and the total.
    public func exportAttachment(
        _ attachment: Attachment, to path: String, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws {
        try BlobStore(container: blobs, limit: Vault.attachmentLimit).export(
            attachment, to: path, progress: progress)
    }

    func testimonyRow(_ id: Testimony.ID, _ reader: any VaultReader) throws -> TestimonyRow {
        guard let row = try reader.testimony(Data(id.rawValue)) else { throw try missingRecord(id, reader) }
        return row
    }

    /// The record key of `row`, through the administrator's intake key or a grantee's case key.
    func recordKey(
        _ row: TestimonyRow, as accessor: Accessor, today: Day, _ reader: any VaultReader
    ) throws -> SymmetricKey {
        let what = "record \(Hex.encode(Array(row.id)))"
        switch accessor {
        case let .administrator(identity):
            try requireAdministrator(identity)
            return try vaultCrypto(what) {
                try SymmetricKey(
                    rawRepresentation: SealedBox.open(Array(row.wrappedKey), with: identity.encryptionKey, what: what))
            }
        case let .grantee(identity):
            var failure = AmanatVaultError.accessDenied(what)
            for caseID in try reader.caseIDs(containing: row.id) {
                do {
                    let (grant, caseKey) = try validGrant(caseID: caseID, grantee: identity, today: today, reader)
                    guard let membership = try reader.caseRecord(caseID: caseID, recordID: row.id),
                        membership.keyVersion == grant.keyVersion
                    else {
                        continue
                    }
                    return try unwrapRecordKey(membership, caseKey: caseKey)
                } catch let error as AmanatVaultError {
                    if case .accessDenied = error { continue }
                    failure = error
                }
            }
            throw failure
        }
    }

    /// The grantee's usable grant for a case and the case key it carries.
    /// - Throws: `.accessDenied` (no grant), `.grantRevoked`, `.grantExpired`, `.corrupted` (bad signature).
    func validGrant(
        caseID: Data, grantee: Identity, today: Day, _ reader: any VaultReader
    ) throws -> (GrantRow, SymmetricKey) {
        let mine = try reader.grants(caseID: caseID).filter {
            $0.granteeSigningKey == Data(grantee.publicKey.signing.rawRepresentation)
                && $0.granteeEncryptionKey == Data(grantee.publicKey.encryption.rawRepresentation)
        }
        var failure = AmanatVaultError.accessDenied("case \(Hex.encode(Array(caseID)))")
        for grant in mine where grant.supersededBy == nil {
            let name = Hex.encode(Array(grant.id))
            if let revoked = grant.revokedDay {
                failure = .grantRevoked(grant: name, day: revoked)
                continue
            }
            guard administratorKey.isValidSignature(Array(grant.signature), for: VaultFormat.grantStatement(grant)),
                Grant.Permissions(rawValue: grant.permissions) != nil
            else {
                throw AmanatVaultError.corrupted("grant \(name)")
            }
            guard let expires = try? Day(grant.expiresDay) else { throw AmanatVaultError.corrupted("grant \(name)") }
            guard today <= expires else {
                failure = .grantExpired(grant: name, day: grant.expiresDay)
                continue
            }
            let key = try vaultCrypto("grant \(name)") {
                try SymmetricKey(
                    rawRepresentation: SealedBox.open(
                        Array(grant.sealedCaseKey), with: grantee.encryptionKey, what: "grant \(name)"))
            }
            return (grant, key)
        }
        throw failure
    }

    func unwrapRecordKey(_ membership: CaseRecordRow, caseKey: SymmetricKey) throws -> SymmetricKey {
        let what = "the key of record \(Hex.encode(Array(membership.recordID)))"
        let ad = VaultFormat.caseRecordAD(
            case: membership.caseID, record: membership.recordID, keyVersion: membership.keyVersion)
        return try vaultCrypto(what) {
            try SymmetricKey(
                rawRepresentation: XChaCha20Poly1305.open(
                    Array(membership.wrappedKey), using: caseKey, associatedData: ad, what: what))
        }
    }
}
