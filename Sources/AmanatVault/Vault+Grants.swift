public import AmanatCrypto
import Foundation

extension Vault {
    /// Grants a lawyer access to a case: seals the current case key to her and signs the statement.
    /// Costs the same for a case of one record or of a hundred thousand. If she already holds a current
    /// grant for the case, the new one replaces it (to change its expiry or permissions). A replacement
    /// that gives her less (no publishing, or an earlier last day) is a downgrade: her current grants are
    /// revoked and the case key rotated first, as `revoke` does, so that the old signed grant, put back
    /// by editing the database's unsigned columns, opens nothing.
    /// - Parameters:
    ///   - caseID: the case.
    ///   - grantee: her public key (from `amanat identity show`).
    ///   - permissions: read, or read and publish.
    ///   - expires: the last day the grant works.
    ///   - administrator: the vault's administrator, who signs.
    /// - Returns: the grant's id.
    /// - Throws: `AmanatVaultError.caseNotFound`, `.notAdministrator`, `.invalidArgument` (expiry in the past).
    @discardableResult
    public func issueGrant(
        case caseID: Case.ID, to grantee: Identity.PublicKey, permissions: Grant.Permissions = .read,
        expires: Day, administrator: Identity
    ) throws -> Grant.ID {
        try requireAdministrator(administrator)
        guard expires >= Day.today() else {
            throw AmanatVaultError.invalidArgument("the expiry day \(expires) is in the past")
        }
        return try store.write { writer in
            let signingKey = Data(grantee.signing.rawRepresentation)
            let held = try writer.grants(caseID: Data(caseID.rawValue)).filter {
                $0.revokedDay == nil && $0.supersededBy == nil && $0.granteeSigningKey == signingKey
            }
            if held.contains(where: { Self.isDowngrade(from: $0, to: permissions, expires: expires) }) {
                try rotate(
                    caseID: Data(caseID.rawValue), revoking: Set(held.map(\.id)), administrator: administrator, writer)
            }
            let row = try caseRow(caseID, writer)
            let key = try caseKey(row, version: row.keyVersion, administrator: administrator, writer)
            let grant = try makeGrant(
                caseID: row.id, grantee: grantee, permissions: permissions.rawValue, expires: expires.description,
                version: row.keyVersion, caseKey: key, administrator: administrator)
            try writer.insert(grant)
            // A lawyer holds at most one current grant per case: a new one replaces hers (new expiry or permissions).
            var replaced: [Data] = []
            for var earlier in try writer.grants(caseID: row.id)
            where earlier.id != grant.id && earlier.revokedDay == nil && earlier.supersededBy == nil
                && earlier.granteeSigningKey == grant.granteeSigningKey
            {
                earlier.supersededBy = grant.id
                try writer.update(earlier)
                replaced.append(earlier.id)
            }
            try AuditLog.append(
                to: writer, action: "grant.issue", objects: [grant.id, row.id] + replaced, actor: administrator)
            return try Grant.ID(bytes: Array(grant.id))
        }
    }

    /// Grants, of one case or of all, with their status on `today`.
    public func grants(case caseID: Case.ID? = nil, today: Day = .today()) throws -> [Grant] {
        try store.read { reader in
            try reader.grants(caseID: caseID.map { Data($0.rawValue) }).map { row in
                let expires = try Day(row.expiresDay)
                let status: Grant.Status =
                    if let revoked = row.revokedDay { .revoked(try Day(revoked)) } else if row.supersededBy != nil {
                        .superseded
                    } else if today > expires { .expired } else { .active }
                return Grant(
                    id: try Grant.ID(bytes: Array(row.id)), caseID: try Case.ID(bytes: Array(row.caseID)),
                    grantee: try Identity.PublicKey(rows: row),
                    permissions: try Grant.Permissions(rawValue: row.permissions)
                        ?? { throw AmanatVaultError.corrupted("grant \(Hex.encode(Array(row.id)))") }(),
                    issued: try Day(row.issuedDay), expires: expires, keyVersion: row.keyVersion, status: status)
            }
        }
    }

    /// Revokes a grant. The case gets a new key version: every record key of the case is re-wrapped
    /// (no body or attachment is re-encrypted), the title is re-encrypted, and every other current
    /// grant receives a replacement for the new version. The revoked lawyer keeps whatever she already
    /// decrypted, but opens nothing through this grant from now on, including records added later.
    /// - Throws: `AmanatVaultError.grantNotFound`, `.invalidArgument` (already revoked or replaced),
    ///   `.notAdministrator`, `.corrupted`.
    public func revoke(_ grantID: Grant.ID, administrator: Identity) throws {
        try requireAdministrator(administrator)
        try store.write { writer in
            guard let grant = try writer.grant(Data(grantID.rawValue)) else {
                throw AmanatVaultError.grantNotFound(grantID.description)
            }
            guard grant.revokedDay == nil, grant.supersededBy == nil else {
                throw AmanatVaultError.invalidArgument(
                    "grant \(grantID) is no longer current (already revoked or replaced after a key rotation); "
                        + "revoke the lawyer's current grant, listed by `amanat grant list`"
                )
            }
            try rotate(caseID: grant.caseID, revoking: [grant.id], administrator: administrator, writer)
        }
        clearOldWrappings()
    }

    /// After a rotation: the old wrappings of record keys, which a revoked lawyer's case key still opens, are
    /// cleared from the store's files where it can be done now (never a reason to report the revocation
    /// failed: it is committed; SQLite's next checkpoint clears them otherwise).
    private func clearOldWrappings() {
        try? store.clearReplacedRows()
    }

    /// Revokes every current grant of `caseID` held by the identity with `fingerprint`, in one
    /// transaction and one key rotation, so that none of her grants is carried over.
    /// - Returns: how many grants were revoked.
    /// - Throws: `AmanatVaultError.grantNotFound` when she holds none.
    @discardableResult
    public func revoke(
        case caseID: Case.ID, grantee fingerprint: Identity.Fingerprint, administrator: Identity
    ) throws -> Int {
        try requireAdministrator(administrator)
        let count = try store.write { writer in
            let targets = try writer.grants(caseID: Data(caseID.rawValue)).filter { row in
                guard row.revokedDay == nil, row.supersededBy == nil,
                    let key = try? Identity.PublicKey(rows: row)
                else { return false }
                return key.fingerprint == fingerprint
            }
            guard !targets.isEmpty else { throw AmanatVaultError.grantNotFound("for \(fingerprint) on case \(caseID)") }
            try rotate(
                caseID: Data(caseID.rawValue), revoking: Set(targets.map(\.id)), administrator: administrator, writer)
            return targets.count
        }
        clearOldWrappings()
        return count
    }

    /// Marks `revoking` revoked, rotates the case key, re-wraps every record key and the title, and
    /// replaces every other current grant with one for the new key version; one audit entry.
    private func rotate(caseID: Data, revoking: Set<Data>, administrator: Identity, _ writer: any VaultWriter) throws {
        let today = Day.today()
        var caseFile = try caseRow(try Case.ID(bytes: Array(caseID)), writer)
        let oldVersion = caseFile.keyVersion
        let newVersion = oldVersion + 1
        let oldKey = try caseKey(caseFile, version: oldVersion, administrator: administrator, writer)
        let newKey = SymmetricKey()
        try writer.insert(
            CaseKeyRow(
                caseID: caseFile.id, version: newVersion,
                sealedForAdministrator: Data(try SealedBox.seal(newKey.rawRepresentation, to: intakeKey))))
        for membership in try writer.caseRecords(caseID: caseFile.id) {
            let recordKey = try unwrapRecordKey(membership, caseKey: oldKey)
            var rewrapped = wrap(
                recordKey, record: membership.recordID, caseID: caseFile.id, version: newVersion, caseKey: newKey)
            rewrapped.day = membership.day
            try writer.save(rewrapped)
        }
        let title = try openTitle(caseFile, key: oldKey)
        try resealTerms(caseFile, oldKey: oldKey, newVersion: newVersion, newKey: newKey, writer)
        let pseudonymKey = try caseFile.pseudonymKey.map { try openPseudonymKey(Array($0), row: caseFile, key: oldKey) }
        caseFile.keyVersion = newVersion
        caseFile.pseudonymKey = pseudonymKey.map {
            Data(sealPseudonymKey($0, caseID: caseFile.id, version: newVersion, key: newKey))
        }
        caseFile.title = Data(try sealTitle(title, caseID: caseFile.id, version: newVersion, key: newKey))
        try writer.update(caseFile)

        var renewedIDs: [Data] = []
        for var grant in try writer.grants(caseID: caseFile.id)
        where grant.revokedDay == nil && grant.supersededBy == nil {
            if revoking.contains(grant.id) {
                grant.revokedDay = today.description
                try writer.update(grant)
                continue
            }
            guard grant.keyVersion == oldVersion, (try? Day(grant.expiresDay)).map({ $0 >= today }) ?? false else {
                continue
            }
            let renewed = try makeGrant(
                caseID: caseFile.id, grantee: try Identity.PublicKey(rows: grant), permissions: grant.permissions,
                expires: grant.expiresDay, version: newVersion, caseKey: newKey, administrator: administrator)
            try writer.insert(renewed)
            renewedIDs.append(renewed.id)
            grant.supersededBy = renewed.id
            try writer.update(grant)
        }
        // The entry names the revoked grants, the case, then every grant issued to carry the others over.
        try AuditLog.append(
            to: writer, action: "grant.revoke",
            objects: revoking.sorted { $0.lexicographicallyPrecedes($1) } + [caseFile.id] + renewedIDs,
            actor: administrator)
    }

    /// Whether a new grant with `permissions` until `expires` gives less than `earlier` did.
    static func isDowngrade(from earlier: GrantRow, to permissions: Grant.Permissions, expires: Day) -> Bool {
        let lostPermission = earlier.permissions & ~permissions.rawValue != 0
        let shorter = (try? Day(earlier.expiresDay)).map { expires < $0 } ?? true
        return lostPermission || shorter
    }

    func makeGrant(
        caseID: Data, grantee: Identity.PublicKey, permissions: Int, expires: String, version: Int,
        caseKey: SymmetricKey, administrator: Identity
    ) throws -> GrantRow {
        var row = GrantRow(
            id: Data(SecureRandom.bytes(16)), caseID: caseID,
            granteeEncryptionKey: Data(grantee.encryption.rawRepresentation),
            granteeSigningKey: Data(grantee.signing.rawRepresentation),
            permissions: permissions, issuedDay: Day.today().description, expiresDay: expires, keyVersion: version,
            sealedCaseKey: Data(try SealedBox.seal(caseKey.rawRepresentation, to: grantee.encryption)),
            signature: Data(), revokedDay: nil, supersededBy: nil)
        row.signature = Data(administrator.signingKey.signature(for: VaultFormat.grantStatement(row)))
        return row
    }
}

extension Identity.PublicKey {
    /// The grantee's public key stored in a grant row.
    /// - Throws: `AmanatVaultError.corrupted` when a stored key is not a key (a damaged row).
    init(rows grant: GrantRow) throws {
        let encryption: X25519.PublicKey
        let signing: Ed25519.PublicKey
        do {
            encryption = try X25519.PublicKey(rawRepresentation: Array(grant.granteeEncryptionKey))
            signing = try Ed25519.PublicKey(rawRepresentation: Array(grant.granteeSigningKey))
        } catch {
            throw AmanatVaultError.corrupted("a grant's keys in the vault database")
        }
        self.init(encryption: encryption, signing: signing)
    }
}
