public import Foundation

/// Where a vault keeps its rows. SQLite (`SQLiteVaultStore`) is the embedded default; any backend
/// that passes the conformance suite in Tests/AmanatVaultTests/StoreConformance.swift may replace it.
///
/// Every `write` is one atomic transaction: all of it is stored, or none of it. Concurrent writers
/// (several processes) wait for each other; they never see a "busy" error.
public protocol VaultStore: Sendable {
    /// Runs `body` with a consistent read-only view.
    func read<T>(_ body: (any VaultReader) throws -> T) throws -> T
    /// Runs `body` in one transaction; if it throws, nothing it wrote is kept.
    func write<T>(_ body: (any VaultWriter) throws -> T) throws -> T
    /// Clears old copies of rows that were replaced or deleted from the store's files, where the engine
    /// allows it (SQLite: its write-ahead log, once no other connection is reading). Called after a key
    /// rotation, whose old wrappings a revoked lawyer could still open.
    func clearReplacedRows() throws
}

extension VaultStore {
    /// Nothing to clear by default (PostgreSQL keeps old row versions until VACUUM, beyond Amanat's reach).
    public func clearReplacedRows() throws {}
}

/// Reading a vault's rows.
public protocol VaultReader {
    /// The settings row, or nil for an empty store.
    func info() throws -> VaultInfoRow?
    /// One record.
    func testimony(_ id: Data) throws -> TestimonyRow?
    /// All records, oldest day first.
    func testimonies() throws -> [TestimonyRow]
    /// The clear metadata of all records, oldest day first, without loading keys or bodies.
    func testimonyHeaders() throws -> [TestimonyHeaderRow]
    /// Every (record, case) membership, in one read.
    func memberships() throws -> [(recordID: Data, caseID: Data)]
    /// One mailbox.
    func mailbox(_ id: Data) throws -> MailboxRow?
    /// One case.
    func caseFile(_ id: Data) throws -> CaseRow?
    /// All cases.
    func caseFiles() throws -> [CaseRow]
    /// One version of a case's key.
    func caseKey(caseID: Data, version: Int) throws -> CaseKeyRow?
    /// A record's membership in a case.
    func caseRecord(caseID: Data, recordID: Data) throws -> CaseRecordRow?
    /// All records of a case.
    func caseRecords(caseID: Data) throws -> [CaseRecordRow]
    /// The cases a record belongs to.
    func caseIDs(containing recordID: Data) throws -> [Data]
    /// One grant.
    func grant(_ id: Data) throws -> GrantRow?
    /// All grants, or those of one case.
    func grants(caseID: Data?) throws -> [GrantRow]
    /// All replies to a mailbox, oldest first.
    func replies(mailboxID: Data) throws -> [ReplyRow]
    /// Published projections, of one case or of all, oldest first.
    func projections(caseID: Data?) throws -> [ProjectionRow]
    /// The plan a projection was made with.
    func plan(projectionID: Data) throws -> PlanRow?
    /// The newest audit entry.
    func lastAuditEntry() throws -> AuditEntryRow?
    /// The whole audit log, in sequence order.
    func auditEntries() throws -> [AuditEntryRow]
    /// The audit entries from `sequence` on, in sequence order.
    func auditEntries(from sequence: Int) throws -> [AuditEntryRow]
    /// The audit entries of one action, in sequence order.
    func auditEntries(action: String) throws -> [AuditEntryRow]
    /// The name the administrator gave the holder of an Ed25519 key, if any.
    func authorName(signingKey: Data) throws -> AuthorNameRow?
    /// Every signed author name (for copying a vault).
    func authorNames() throws -> [AuthorNameRow]
    /// Every case key version, without the sealed keys, in no particular order.
    func caseKeyVersions() throws -> [(caseID: Data, version: Int)]
    /// Every (case, record) membership with the key version wrapping it, without the keys, in no particular order.
    func membershipVersions() throws -> [(caseID: Data, recordID: Data, keyVersion: Int)]
    /// Every reply's id and mailbox, without the sealed text, in no particular order.
    func replyHeaders() throws -> [(id: Data, mailboxID: Data)]
    /// A case's term list, if one was written.
    func caseTerms(caseID: Data) throws -> CaseTermsRow?
    /// Every case's term list, in no particular order.
    func caseTermRows() throws -> [CaseTermsRow]
    /// A case's retention policy, if one was written.
    func caseRetention(caseID: Data) throws -> CaseRetentionRow?
    /// Every case's retention policy, in no particular order.
    func caseRetentionRows() throws -> [CaseRetentionRow]
    /// Every stored plan's projection and record, without the sealed plan, in no particular order.
    func planHeaders() throws -> [(projectionID: Data, recordID: Data)]
    /// At most `limit` mailboxes in id order (bytes compared as unsigned), those after `id` (from the first when
    /// nil): a vault is copied page by page, in constant memory.
    func mailboxes(after id: Data?, limit: Int) throws -> [MailboxRow]
    /// At most `limit` records in id order, those after `id` (from the first when nil).
    func testimonies(after id: Data?, limit: Int) throws -> [TestimonyRow]
    /// At most `limit` audit entries from `sequence` on, in sequence order.
    func auditEntries(from sequence: Int, limit: Int) throws -> [AuditEntryRow]
    /// How many rows each table of `VaultTables.names` holds, in that order.
    func rowCounts() throws -> [Int]
}

/// The vault's tables (the same names in every store; Docs/format.md §6 and §8.22).
public enum VaultTables {
    /// Every table that holds the vault, parents before the tables that refer to them.
    public static let names = [
        "vaultInfo", "authorName", "mailbox", "testimony", "caseFile", "caseKey", "caseRecord", "grant", "reply",
        "projection", "redactionPlan", "caseTerms", "caseRetention", "auditEntry",
    ]
}

/// Changing a vault's rows, inside a `VaultStore.write` transaction.
public protocol VaultWriter: VaultReader {
    /// Stores the settings row (once, when the vault is created).
    func insert(_ row: VaultInfoRow) throws
    /// Replaces the settings row (only to add the administrator's signature to an unsigned one).
    func update(_ row: VaultInfoRow) throws
    /// Stores or replaces the name the administrator gave a key's holder.
    func save(_ row: AuthorNameRow) throws
    /// Stores a new record.
    func insert(_ row: TestimonyRow) throws
    /// Stores a new mailbox.
    func insert(_ row: MailboxRow) throws
    /// Stores a new case.
    func insert(_ row: CaseRow) throws
    /// Replaces a case (after a key rotation).
    func update(_ row: CaseRow) throws
    /// Stores a case key version.
    func insert(_ row: CaseKeyRow) throws
    /// Stores or replaces a record's membership in a case.
    func save(_ row: CaseRecordRow) throws
    /// Stores a new grant.
    func insert(_ row: GrantRow) throws
    /// Replaces a grant (revocation, supersession).
    func update(_ row: GrantRow) throws
    /// Stores a reply.
    func insert(_ row: ReplyRow) throws
    /// Stores a projection.
    func insert(_ row: ProjectionRow) throws
    /// Stores the plan of a projection.
    func insert(_ row: PlanRow) throws
    /// Stores or replaces a case's term list.
    func save(_ row: CaseTermsRow) throws
    /// Stores or replaces a case's retention policy.
    func save(_ row: CaseRetentionRow) throws
    /// Appends an audit entry; its sequence must follow the last one.
    func append(_ row: AuditEntryRow) throws
    /// Deletes the `rows` whose column holds `id` (a shred, Docs/format.md §8.23).
    /// - Returns: how many rows were deleted.
    @discardableResult
    func delete(_ rows: ShreddedRows, id: Data) throws -> Int
}

/// The rows a shred deletes, each selected by an id in one column. The ids are public (they are in the
/// audit log); what goes is ciphertext and the wrappings of keys.
public enum ShreddedRows: Sendable, CaseIterable {
    /// A record (`testimony.id`): its key sealed to the intake key, and its body.
    case record
    /// A record's memberships (`caseRecord.recordID`): every wrapping of its key under a case key.
    case memberships
    /// The redaction plans of projections drawn from a record (`redactionPlan.recordID`).
    case plans
    /// One reply (`reply.id`).
    case reply
    /// Every reply in a mailbox (`reply.mailboxID`).
    case mailboxReplies
    /// A mailbox (`mailbox.id`), once no record or reply refers to it.
    case mailbox
    /// A case's memberships (`caseRecord.caseID`): every record key wrapped under its keys.
    case caseMemberships
    /// A case's keys as the administrator holds them (`caseKey.caseID`), every version.
    case caseKeys
    /// A case's term list (`caseTerms.caseID`).
    case caseTerms
    /// A case's retention policy (`caseRetention.caseID`).
    case caseRetention

    /// The table and the column holding the id.
    public var table: (name: String, column: String) {
        switch self {
        case .record: ("testimony", "id")
        case .memberships: ("caseRecord", "recordID")
        case .plans: ("redactionPlan", "recordID")
        case .reply: ("reply", "id")
        case .mailboxReplies: ("reply", "mailboxID")
        case .mailbox: ("mailbox", "id")
        case .caseMemberships: ("caseRecord", "caseID")
        case .caseKeys: ("caseKey", "caseID")
        case .caseTerms: ("caseTerms", "caseID")
        case .caseRetention: ("caseRetention", "caseID")
        }
    }
}
