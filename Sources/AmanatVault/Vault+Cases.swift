public import AmanatCrypto
import Foundation

extension Vault {
    /// Creates a case with a fresh case key (version 1).
    /// - Parameters:
    ///   - title: a short title (encrypted).
    ///   - notes: free notes (encrypted).
    ///   - administrator: the vault's administrator.
    /// - Returns: the new case's id.
    /// - Throws: `AmanatVaultError.notAdministrator`, `.storage`.
    public func createCase(title: String, notes: String = "", administrator: Identity) throws -> Case.ID {
        try requireAdministrator(administrator)
        let id = Case.ID()
        let key = SymmetricKey()
        let row = CaseRow(
            id: Data(id.rawValue), createdDay: Day.today().description, keyVersion: 1,
            title: Data(
                try sealTitle(CaseTitle(title: title, notes: notes), caseID: Data(id.rawValue), version: 1, key: key)),
            pseudonymKey: Data(
                sealPseudonymKey(SecretBytes(randomCount: 32), caseID: Data(id.rawValue), version: 1, key: key)))
        try store.write { writer in
            try writer.insert(row)
            try writer.insert(
                CaseKeyRow(
                    caseID: row.id, version: 1,
                    sealedForAdministrator: Data(try SealedBox.seal(key.rawRepresentation, to: intakeKey))))
            try AuditLog.append(to: writer, action: "case.create", objects: [row.id], actor: administrator)
        }
        return id
    }

    /// Files records into a case: wraps each record key under the current case key.
    /// - Throws: `AmanatVaultError.caseNotFound`, `.recordNotFound`, `.notAdministrator`, `.corrupted`.
    public func assign(_ records: [Testimony.ID], to caseID: Case.ID, administrator: Identity) throws {
        try requireAdministrator(administrator)
        try store.write { writer in
            let row = try caseRow(caseID, writer)
            let caseKey = try self.caseKey(row, version: row.keyVersion, administrator: administrator, writer)
            for record in records {
                let testimony = try testimonyRow(record, writer)
                let recordKey = try self.recordKey(
                    testimony, as: .administrator(administrator), today: .today(), writer)
                try writer.save(
                    wrap(recordKey, record: testimony.id, caseID: row.id, version: row.keyVersion, caseKey: caseKey))
            }
            try AuditLog.append(
                to: writer, action: "case.assign", objects: [row.id] + records.map { Data($0.rawValue) },
                actor: administrator)
        }
    }

    /// All cases but those shredded, without decrypting their titles.
    public func cases() throws -> [Case] {
        try store.read { reader in
            try reader.caseFiles().filter { !$0.title.isEmpty }.map { row in
                Case(
                    id: try Case.ID(bytes: Array(row.id)), createdDay: try Day(row.createdDay),
                    keyVersion: row.keyVersion,
                    title: "", notes: "",
                    records: try reader.caseRecords(caseID: row.id).map { try Testimony.ID(bytes: Array($0.recordID)) })
            }
        }
    }

    /// One case with its title and notes, opened by the administrator or a grantee of the case.
    /// - Throws: `AmanatVaultError.caseNotFound`, `.accessDenied`, `.grantExpired`, `.grantRevoked`, `.corrupted`.
    public func caseDetails(_ id: Case.ID, as accessor: Accessor, today: Day = .today()) throws -> Case {
        try store.read { reader in
            let row = try caseRow(id, reader)
            let key: SymmetricKey
            switch accessor {
            case .administrator(let identity):
                try requireAdministrator(identity)
                key = try caseKey(row, version: row.keyVersion, administrator: identity, reader)
            case .grantee(let identity):
                let (grant, grantKey) = try validGrant(caseID: row.id, grantee: identity, today: today, reader)
                guard grant.keyVersion == row.keyVersion else { throw AmanatVaultError.accessDenied("case \(id)") }
                key = grantKey
            }
            let title = try openTitle(row, key: key)
            return Case(
                id: id, createdDay: try Day(row.createdDay), keyVersion: row.keyVersion, title: title.title,
                notes: title.notes,
                records: try reader.caseRecords(caseID: row.id).map { try Testimony.ID(bytes: Array($0.recordID)) })
        }
    }

    /// A case's row, refused when it was shredded (Docs/format.md §8.27: a husk with an empty title).
    func caseRow(_ id: Case.ID, _ reader: any VaultReader) throws -> CaseRow {
        guard let row = try reader.caseFile(Data(id.rawValue)) else {
            throw AmanatVaultError.caseNotFound(id.description)
        }
        if row.title.isEmpty { throw try shreddedCase(row, reader) }
        return row
    }

    /// A case key version, opened with the administrator's intake key.
    func caseKey(
        _ row: CaseRow, version: Int, administrator: Identity, _ reader: any VaultReader
    ) throws -> SymmetricKey {
        let what = "the key of case \(Hex.encode(Array(row.id)))"
        guard let sealed = try reader.caseKey(caseID: row.id, version: version) else {
            throw AmanatVaultError.corrupted(what)
        }
        return try vaultCrypto(what) {
            try SymmetricKey(
                rawRepresentation: SealedBox.open(
                    Array(sealed.sealedForAdministrator), with: administrator.encryptionKey, what: what))
        }
    }

    func wrap(
        _ recordKey: SymmetricKey, record: Data, caseID: Data, version: Int, caseKey: SymmetricKey
    ) -> CaseRecordRow {
        let ad = VaultFormat.caseRecordAD(case: caseID, record: record, keyVersion: version)
        return CaseRecordRow(
            caseID: caseID, recordID: record, keyVersion: version,
            wrappedKey: Data(XChaCha20Poly1305.seal(recordKey.rawRepresentation, using: caseKey, associatedData: ad)),
            day: Day.today().description)
    }

    func sealTitle(_ title: CaseTitle, caseID: Data, version: Int, key: SymmetricKey) throws -> [UInt8] {
        let json = try JSONEncoder().encode(title)
        let padded = json.withUnsafeBytes { Padding.padToBucket($0) }
        return XChaCha20Poly1305.seal(
            padded, using: key, associatedData: VaultFormat.caseTitleAD(case: caseID, keyVersion: version))
    }

    func openTitle(_ row: CaseRow, key: SymmetricKey) throws -> CaseTitle {
        let what = "the title of case \(Hex.encode(Array(row.id)))"
        let padded = try vaultCrypto(what) {
            try XChaCha20Poly1305.open(
                Array(row.title), using: key,
                associatedData: VaultFormat.caseTitleAD(case: row.id, keyVersion: row.keyVersion), what: what)
        }
        let json = try vaultCrypto(what) { try Padding.unpadFromBucket(padded) }
        guard (try? StrictJSON.validate(json, what: what)) != nil,
            let title = try? json.withUnsafeBytes({ try JSONDecoder().decode(CaseTitle.self, from: Data($0)) })
        else {
            throw AmanatVaultError.corrupted(what)
        }
        return title
    }
}
