import AmanatCrypto
import Foundation

extension Vault {
    /// The people and places listed for a case (without the records' own fields, which are always added
    /// to them when a record of the case is redacted), in the order they were listed; empty when none were.
    ///
    /// The list is sealed under the current case key; its revision must equal the number of `case.terms`
    /// audit entries naming the case, so an older copy put back in the database (which would drop a name
    /// added since) is refused rather than redacted against.
    /// - Parameter accessor: the administrator, or a grantee with a valid grant for the case.
    /// - Throws: `AmanatVaultError.caseNotFound`, `.accessDenied`, `.grantExpired`, `.grantRevoked`,
    ///   `.corrupted`, `.auditMismatch` (the list is not the one the log last recorded).
    public func caseTerms(_ caseID: Case.ID, as accessor: Accessor, today: Day = .today()) throws -> [CaseTerm] {
        try store.read { reader in
            let row = try caseRow(caseID, reader)
            let key = try currentCaseKey(row, as: accessor, today: today, publishing: false, reader)
            return try storedTerms(row, key: key, reader)
        }
    }

    /// Replaces the case's list with `terms` (duplicates, by exact text and kind, dropped) and records the
    /// change in the audit log, in one transaction.
    /// - Parameter editor: the administrator, or a grantee whose valid grant has the publish permission.
    /// - Returns: the list as stored.
    /// - Throws: as `caseTerms(_:as:today:)`; `.permissionDenied` for a read-only grant; `.invalidArgument`
    ///   for a term that cannot be listed or more than `CaseTerm.maximumCount` terms.
    @discardableResult
    public func setCaseTerms(
        _ terms: [CaseTerm], for caseID: Case.ID, as editor: Accessor, today: Day = .today()
    ) throws -> [CaseTerm] {
        var unique: [CaseTerm] = []
        var seen = Set<CaseTerm>()
        for term in terms where seen.insert(term).inserted {
            try term.validate()
            unique.append(term)
        }
        guard unique.count <= CaseTerm.maximumCount else {
            throw AmanatVaultError.invalidArgument(
                "a case lists at most \(CaseTerm.maximumCount) people and places; remove some before adding more")
        }
        return try store.write { writer in
            let row = try caseRow(caseID, writer)
            let key = try currentCaseKey(row, as: editor, today: today, publishing: true, writer)
            // Reading the current list first refuses to build on a list that was tampered with.
            _ = try storedTerms(row, key: key, writer)
            let revision = try termRevision(row.id, writer) + 1
            try writer.save(
                CaseTermsRow(
                    caseID: row.id, revision: revision, keyVersion: row.keyVersion,
                    sealed: Data(
                        try sealTerms(unique, caseID: row.id, version: row.keyVersion, revision: revision, key: key))))
            try AuditLog.append(to: writer, action: "case.terms", objects: [row.id], actor: editor.identity)
            return unique
        }
    }

    /// The stored list, checked against the audit log.
    func storedTerms(_ row: CaseRow, key: SymmetricKey, _ reader: any VaultReader) throws -> [CaseTerm] {
        let logged = try termRevision(row.id, reader)
        let caseHex = Hex.encode(Array(row.id))
        guard let stored = try reader.caseTerms(caseID: row.id) else {
            guard logged == 0 else {
                throw AmanatVaultError.auditMismatch(
                    "the term list of case \(caseHex), written by \(logged) audit entr\(logged == 1 ? "y" : "ies"), "
                        + "is missing (it was deleted outside Amanat)")
            }
            return []
        }
        guard stored.revision == logged, stored.keyVersion == row.keyVersion else {
            throw AmanatVaultError.auditMismatch(
                "the term list of case \(caseHex) is revision \(stored.revision) at key version \(stored.keyVersion), "
                    + "but the audit log records revision \(logged) at version \(row.keyVersion) "
                    + "(an older or foreign copy was put back outside Amanat)")
        }
        return try openTerms(stored, key: key)
    }

    /// The number of `case.terms` entries naming the case.
    func termRevision(_ caseID: Data, _ reader: any VaultReader) throws -> Int {
        let name = Hex.encode(Array(caseID))
        return try reader.auditEntries(action: "case.terms").filter { $0.objects == name }.count
    }

    func sealTerms(_ terms: [CaseTerm], caseID: Data, version: Int, revision: Int, key: SymmetricKey) throws -> [UInt8]
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var json = try encoder.encode(CaseTermList(terms: terms))
        defer { json.resetBytes(in: 0..<json.count) }
        let padded = json.withUnsafeBytes { Padding.padToBucket($0) }
        return XChaCha20Poly1305.seal(
            padded, using: key,
            associatedData: VaultFormat.caseTermsAD(case: caseID, keyVersion: version, revision: revision))
    }

    func openTerms(_ row: CaseTermsRow, key: SymmetricKey) throws -> [CaseTerm] {
        let what = "the term list of case \(Hex.encode(Array(row.caseID)))"
        let padded = try vaultCrypto(what) {
            try XChaCha20Poly1305.open(
                Array(row.sealed), using: key,
                associatedData: VaultFormat.caseTermsAD(
                    case: row.caseID, keyVersion: row.keyVersion, revision: row.revision),
                what: what)
        }
        let json = try vaultCrypto(what) { try Padding.unpadFromBucket(padded) }
        guard let list = try? SecretJSON.decode(CaseTermList.self, from: json),
            list.format == CaseTermList.formatName, list.version == 1,
            list.terms.count <= CaseTerm.maximumCount, (try? list.terms.forEach { try $0.validate() }) != nil
        else {
            throw AmanatVaultError.corrupted(what)
        }
        return list.terms
    }

    /// Re-seals a case's term list under a new case key version (at a rotation, in its transaction, while
    /// `row` is still at the old version).
    func resealTerms(
        _ row: CaseRow, oldKey: SymmetricKey, newVersion: Int, newKey: SymmetricKey, _ writer: any VaultWriter
    )
        throws
    {
        guard var stored = try writer.caseTerms(caseID: row.id) else { return }
        let terms = try storedTerms(row, key: oldKey, writer)
        stored.keyVersion = newVersion
        stored.sealed = Data(
            try sealTerms(terms, caseID: row.id, version: newVersion, revision: stored.revision, key: newKey))
        try writer.save(stored)
    }
}

extension Accessor {
    /// The person acting.
    var identity: Identity {
        switch self {
        case .administrator(let identity), .grantee(let identity): identity
        }
    }
}
