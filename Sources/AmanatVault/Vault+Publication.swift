public import AmanatCrypto
import Foundation

/// What an editor asks the vault to publish: the redacted text and its public metadata.
public struct ProjectionDraft: Sendable {
    /// The public label of the case ("Case 14").
    public var caseLabel: String
    /// "ru" or "en".
    public var language: String
    /// The testimony's generalised date: "2016-03" or "2016".
    public var period: String
    /// The redacted text, already leak-checked.
    public var text: String

    /// A draft.
    public init(caseLabel: String, language: String, period: String, text: String) {
        self.caseLabel = caseLabel
        self.language = language
        self.period = period
        self.text = text
    }
}

extension Vault {
    /// The case's pseudonym key, which makes its people's and places' labels ("[Person KX]"): the
    /// same in every excerpt of the case, and meaningless without it. Made on first use for a case that
    /// has none yet; sealed under the current case key and carried over at every key rotation.
    /// - Parameter accessor: the administrator, or a grantee holding a valid grant with the publish
    ///   permission (read-only grantees never see it, so they cannot test names against published labels).
    /// - Throws: `AmanatVaultError.caseNotFound`, `.accessDenied`, `.grantExpired`, `.grantRevoked`, `.corrupted`.
    public func pseudonymKey(case caseID: Case.ID, as accessor: Accessor, today: Day = .today()) throws -> SecretBytes {
        try store.write { writer in
            var row = try caseRow(caseID, writer)
            let key = try currentCaseKey(row, as: accessor, today: today, publishing: true, writer)
            if let sealed = row.pseudonymKey { return try openPseudonymKey(Array(sealed), row: row, key: key) }
            let fresh = SecretBytes(randomCount: 32)
            row.pseudonymKey = Data(sealPseudonymKey(fresh, caseID: row.id, version: row.keyVersion, key: key))
            try writer.update(row)
            return fresh
        }
    }

    /// Publishes a projection of a record: checks that `publisher` holds a current grant with the
    /// publish permission for `caseID` and that the record belongs to the case, signs the projection
    /// with her key, stores it in the public table with the plan that produced it (encrypted under a
    /// key derived from the record's key), and records the publication in the audit log; all in one
    /// transaction.
    /// - Parameters:
    ///   - draft: the public text and metadata.
    ///   - record: the record the text was drawn from.
    ///   - caseID: the case it is published for.
    ///   - plan: the reviewed plan's bytes (it holds the real names: kept only encrypted).
    ///   - publisher: the editor.
    /// - Returns: the signed projection.
    /// - Throws: `AmanatVaultError.invalidArgument` (a bad draft, a record outside the case),
    ///   `.permissionDenied` (a read-only grant), `.accessDenied`, `.grantExpired`, `.grantRevoked`, `.corrupted`.
    ///
    /// Reached only through AmanatPublication (`PublicationDesk.publish`), which applies the plan and runs the
    /// leak check first: the SPI keeps any other caller from storing an unchecked text.
    @_spi(Publication)
    @discardableResult
    public func publish(
        _ draft: ProjectionDraft, from record: Testimony.ID, case caseID: Case.ID, plan: some BytesView,
        publisher: Identity, today: Day = .today()
    ) throws -> Projection {
        try Projection.validate(
            caseLabel: draft.caseLabel, language: draft.language, period: draft.period, text: draft.text)
        let id = Projection.ID()
        return try store.write { writer in
            let caseFile = try caseRow(caseID, writer)
            let (grant, caseKey) = try validGrant(caseID: caseFile.id, grantee: publisher, today: today, writer)
            guard grant.permissions == Grant.Permissions.readAndPublish.rawValue else {
                throw AmanatVaultError.permissionDenied(
                    "your grant for case \(caseID) lets you read but not publish; ask the administrator for a grant "
                        + "with --publish"
                )
            }
            guard let membership = try writer.caseRecord(caseID: caseFile.id, recordID: Data(record.rawValue)) else {
                throw AmanatVaultError.invalidArgument(
                    "record \(record) is not in case \(caseID); publish it for a case that holds it")
            }
            guard membership.keyVersion == grant.keyVersion else {
                throw AmanatVaultError.accessDenied("record \(record)")
            }
            let recordKey = try unwrapRecordKey(membership, caseKey: caseKey)

            var projection = Projection(
                format: Projection.formatName, version: 1, id: id, caseLabel: draft.caseLabel,
                language: draft.language, period: draft.period, published: Day.today(), text: draft.text,
                publisher: Base64URL.encode(publisher.publicKey.signing.rawRepresentation), signature: "")
            projection.signature = Base64URL.encode(
                publisher.signingKey.signature(for: try projection.signedStatement()))
            try writer.insert(
                ProjectionRow(
                    id: Data(id.rawValue), caseID: caseFile.id, caseLabel: draft.caseLabel, language: draft.language,
                    period: draft.period, publishedDay: projection.published.description, text: draft.text,
                    publisherSigningKey: Data(publisher.publicKey.signing.rawRepresentation),
                    signature: Data(try Base64URL.decode(projection.signature))))
            let planKey = try planKey(recordKey: recordKey)
            let padded = plan.withBytes { Padding.padToBucket($0) }
            let ad = VaultFormat.planAD(projection: Data(id.rawValue), record: membership.recordID)
            try writer.insert(
                PlanRow(
                    projectionID: Data(id.rawValue), recordID: membership.recordID,
                    sealed: Data(XChaCha20Poly1305.seal(padded, using: planKey, associatedData: ad))))
            try AuditLog.append(
                to: writer, action: "projection.publish",
                objects: [Data(id.rawValue), caseFile.id, membership.recordID], actor: publisher)
            return projection
        }
    }

    /// The published projections, of one case or of all, oldest first, each with its signature checked
    /// and its publisher checked against the case's grants (she must have held a publish grant signed by
    /// the administrator, so a row added to the database by someone else is refused).
    /// - Throws: `AmanatVaultError.projectionNotVerified` naming the first that fails (nothing is returned then).
    public func projections(case caseID: Case.ID? = nil) throws -> [Projection] {
        try store.read { reader in
            // A shredded case's projections stay public, and are listed like any other.
            if let caseID, try reader.caseFile(Data(caseID.rawValue)) == nil {
                throw AmanatVaultError.caseNotFound(caseID.description)
            }
            var publishGrants: [Data: [GrantRow]] = [:]
            for grant in try reader.grants(caseID: caseID.map { Data($0.rawValue) })
            where grant.permissions == Grant.Permissions.readAndPublish.rawValue
                && administratorKey.isValidSignature(Array(grant.signature), for: VaultFormat.grantStatement(grant))
            {
                publishGrants[grant.caseID, default: []].append(grant)
            }
            return try reader.projections(caseID: caseID.map { Data($0.rawValue) }).map { row in
                guard row.id.count == 16 else { throw AmanatVaultError.corrupted("a projection") }
                let projection = Projection(
                    format: Projection.formatName, version: 1, id: try Projection.ID(bytes: Array(row.id)),
                    caseLabel: row.caseLabel, language: row.language, period: row.period,
                    published: try Day(row.publishedDay), text: row.text,
                    publisher: Base64URL.encode(Array(row.publisherSigningKey)),
                    signature: Base64URL.encode(Array(row.signature)))
                try projection.verify()
                guard publishGrants[row.caseID]?.contains(where: { Self.allowedPublishing($0, row) }) == true else {
                    throw AmanatVaultError.projectionNotVerified(
                        "projection \(projection.id) was signed by a key that held no publish grant for its case on "
                            + "the day it was published"
                    )
                }
                return projection
            }
        }
    }

    /// Whether `grant` let its holder publish `projection` on its day (Docs/format.md §8.19).
    static func allowedPublishing(_ grant: GrantRow, _ projection: ProjectionRow) -> Bool {
        guard grant.granteeSigningKey == projection.publisherSigningKey,
            let published = try? Day(projection.publishedDay)
        else { return false }
        return grant.wasValid(on: published)
    }

    /// The plan a projection was made with (its JSON bytes, in protected memory).
    /// - Parameter accessor: anyone who can open the projection's record.
    /// - Throws: as `open(_:as:today:)`; `AmanatVaultError.invalidArgument` for an unknown projection.
    public func plan(of projection: Projection.ID, as accessor: Accessor, today: Day = .today()) throws -> SecretBytes {
        try store.read { reader in
            guard let row = try reader.plan(projectionID: Data(projection.rawValue)) else {
                // A plan goes when its record is shredded; the projection's publish entry names the record.
                let hex = projection.description
                if let entry = try reader.auditEntries(action: "projection.publish").first(where: {
                    $0.objects.hasPrefix(hex)
                }), let record = Vault.objectIDs(entry).last {
                    let error = try missingRecord(try Testimony.ID(bytes: Array(record)), reader)
                    if case .shredded = error { throw error }
                }
                throw AmanatVaultError.invalidArgument(
                    "no projection \(projection) in this vault; list them with `amanat export-public CASE`")
            }
            let record = try testimonyRow(try Testimony.ID(bytes: Array(row.recordID)), reader)
            let key = try planKey(recordKey: recordKey(record, as: accessor, today: today, reader))
            let what = "the plan of projection \(projection)"
            let padded = try vaultCrypto(what) {
                try XChaCha20Poly1305.open(
                    Array(row.sealed), using: key,
                    associatedData: VaultFormat.planAD(projection: row.projectionID, record: row.recordID), what: what)
            }
            let plan = try vaultCrypto(what) { try Padding.unpadFromBucket(padded) }
            try vaultCrypto(what) { try StrictJSON.validate(plan, what: what) }
            return plan
        }
    }

    /// The current case key, through the administrator's intake key or the grantee's current grant.
    func currentCaseKey(
        _ row: CaseRow, as accessor: Accessor, today: Day, publishing: Bool, _ reader: any VaultReader
    ) throws -> SymmetricKey {
        switch accessor {
        case .administrator(let identity):
            try requireAdministrator(identity)
            return try caseKey(row, version: row.keyVersion, administrator: identity, reader)
        case .grantee(let identity):
            let (grant, key) = try validGrant(caseID: row.id, grantee: identity, today: today, reader)
            guard grant.keyVersion == row.keyVersion else {
                throw AmanatVaultError.accessDenied("case \(Hex.encode(Array(row.id)))")
            }
            guard !publishing || grant.permissions == Grant.Permissions.readAndPublish.rawValue else {
                throw AmanatVaultError.permissionDenied(
                    "your grant for case \(Hex.encode(Array(row.id))) lets you read but not publish; ask the "
                        + "administrator for a grant with --publish"
                )
            }
            return key
        }
    }

    func sealPseudonymKey(_ secret: SecretBytes, caseID: Data, version: Int, key: SymmetricKey) -> [UInt8] {
        XChaCha20Poly1305.seal(
            secret, using: key, associatedData: VaultFormat.pseudonymKeyAD(case: caseID, keyVersion: version))
    }

    func openPseudonymKey(_ sealed: [UInt8], row: CaseRow, key: SymmetricKey) throws -> SecretBytes {
        let what = "the pseudonym key of case \(Hex.encode(Array(row.id)))"
        let secret = try vaultCrypto(what) {
            try XChaCha20Poly1305.open(
                sealed, using: key,
                associatedData: VaultFormat.pseudonymKeyAD(case: row.id, keyVersion: row.keyVersion), what: what)
        }
        guard secret.count == 32 else { throw AmanatVaultError.corrupted(what) }
        return secret
    }

    func planKey(recordKey: SymmetricKey) throws -> SymmetricKey {
        try vaultCrypto("a plan key") {
            try SymmetricKey(
                rawRepresentation: KeyDerivation.deriveSubkey(
                    from: recordKey.rawRepresentation, id: 1, context: Labels.planKeyContext))
        }
    }
}
