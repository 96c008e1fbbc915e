import Foundation
public import GRDB

/// The embedded store: one SQLite database in WAL mode, through GRDB.
///
/// Writes are IMMEDIATE transactions, and a writer that finds the database locked by another
/// process waits (up to a minute) instead of failing, so several processes can submit at once.
/// Bound values never appear in errors or traces (GRDB's `publicStatementArguments` stays off).
public final class SQLiteVaultStore: VaultStore {
    private let writer: any DatabaseWriter

    /// Opens (creating when needed) the database at `path` and brings its schema up to date.
    /// - Throws: `AmanatVaultError.storage`.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        // What a row held is overwritten with zeros when it is deleted or replaced, not left in free space.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA secure_delete = ON") }
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
            try writer.read(Self.refuseDamagedSchema)
            try Self.migrator.migrate(writer)
            // A database changed by a newer Amanat (a migration this build does not know) is refused.
            guard try !writer.read({ try Self.migrator.hasBeenSuperseded($0) }) else {
                throw AmanatVaultError.unsupportedVaultVersion(Int(VaultFormat.version) + 1)
            }
        } catch {
            throw Self.storageError(error)
        }
    }

    /// An in-memory store, for tests.
    public init() throws {
        do {
            writer = try DatabaseQueue()
            try Self.migrator.migrate(writer)
        } catch {
            throw Self.storageError(error)
        }
    }

    public func read<T>(_ body: (any VaultReader) throws -> T) throws -> T {
        try Self.retryingLockRaces { try writer.read { db in try body(SQLiteRows(db: db)) } }
    }

    public func write<T>(_ body: (any VaultWriter) throws -> T) throws -> T {
        try Self.retryingLockRaces { try writer.write { db in try body(SQLiteRows(db: db)) } }
    }

    /// Copies every page of the write-ahead log into the database and empties the log (a TRUNCATE
    /// checkpoint), so that the log keeps no page as it was before a row was replaced; with `secure_delete`
    /// the database keeps none either. Fails when another connection is reading at that moment.
    public func clearReplacedRows() throws {
        do {
            try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        } catch {
            throw Self.storageError(error)
        }
    }

    /// Runs a transaction again when SQLite gave up on its WAL locks (`SQLITE_PROTOCOL`): under heavy load a
    /// connection can lose the race for the WAL index many times in a row, and SQLite documents the operation
    /// as safe to retry. The transaction was rolled back, so nothing of the failed attempt is kept. Any other
    /// failure is reported at once.
    static func retryingLockRaces<T>(_ transaction: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                return try transaction()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_PROTOCOL && attempt < 8 {
                attempt += 1
                usleep(UInt32(5_000 * attempt))
            } catch {
                throw storageError(error)
            }
        }
    }

    /// Refuses a database whose list of tables (`sqlite_master`, on its first page) holds a row that is not a
    /// table's: GRDB reads that list when a migration runs, and stops the process on such a row.
    /// - Throws: `AmanatVaultError.corrupted`.
    static func refuseDamagedSchema(_ db: Database) throws {
        let damaged = try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE typeof(type) != 'text' OR typeof(name) != 'text'
                    OR typeof(tbl_name) NOT IN ('text', 'null') OR typeof(sql) NOT IN ('text', 'null'))
                """)
        if damaged != false {
            throw AmanatVaultError.corrupted("the vault database (its list of tables no longer reads)")
        }
    }

    /// The schema. Migrations are never edited once shipped; changes get a new migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("Create vault schema v1") { db in
            try db.create(table: "vaultInfo") { t in
                t.primaryKey("formatVersion", .integer)
                t.column("intakeKey", .blob).notNull()
                t.column("administratorSigningKey", .blob).notNull()
                t.column("codenameSalt", .blob).notNull()
                t.column("codenameOpsLimit", .integer).notNull()
                t.column("codenameMemLimit", .integer).notNull()
                t.column("createdDay", .text).notNull()
            }
            try db.create(table: "mailbox") { t in
                t.primaryKey("id", .blob)
                t.column("replyKey", .blob).notNull()
                t.column("createdDay", .text).notNull()
            }
            try db.create(table: "testimony") { t in
                t.primaryKey("id", .blob)
                t.column("kind", .integer).notNull()
                t.column("mailboxID", .blob).notNull().references("mailbox")
                t.column("day", .text).notNull().indexed()
                t.column("language", .text).notNull()
                t.column("sizeBucket", .integer).notNull()
                t.column("wrappedKey", .blob).notNull()
                t.column("body", .blob).notNull()
            }
            try db.create(table: "caseFile") { t in
                t.primaryKey("id", .blob)
                t.column("createdDay", .text).notNull()
                t.column("keyVersion", .integer).notNull()
                t.column("title", .blob).notNull()
            }
            try db.create(table: "caseKey") { t in
                t.column("caseID", .blob).notNull().references("caseFile")
                t.column("version", .integer).notNull()
                t.column("sealedForAdministrator", .blob).notNull()
                t.primaryKey(["caseID", "version"])
            }
            try db.create(table: "caseRecord") { t in
                t.column("caseID", .blob).notNull().references("caseFile")
                t.column("recordID", .blob).notNull().references("testimony").indexed()
                t.column("keyVersion", .integer).notNull()
                t.column("wrappedKey", .blob).notNull()
                t.column("day", .text).notNull()
                t.primaryKey(["caseID", "recordID"])
            }
            try db.create(table: "grant") { t in
                t.primaryKey("id", .blob)
                t.column("caseID", .blob).notNull().references("caseFile").indexed()
                t.column("granteeEncryptionKey", .blob).notNull()
                t.column("granteeSigningKey", .blob).notNull()
                t.column("permissions", .integer).notNull()
                t.column("issuedDay", .text).notNull()
                t.column("expiresDay", .text).notNull()
                t.column("keyVersion", .integer).notNull()
                t.column("sealedCaseKey", .blob).notNull()
                t.column("signature", .blob).notNull()
                t.column("revokedDay", .text)
                t.column("supersededBy", .blob)
            }
            try db.create(table: "reply") { t in
                t.primaryKey("id", .blob)
                t.column("mailboxID", .blob).notNull().references("mailbox").indexed()
                t.column("day", .text).notNull()
                t.column("sealed", .blob).notNull()
            }
            try db.create(table: "auditEntry") { t in
                t.primaryKey("sequence", .integer)
                t.column("day", .text).notNull()
                t.column("actor", .blob)
                t.column("action", .text).notNull()
                t.column("objects", .text).notNull()
                t.column("previousHash", .blob).notNull()
                t.column("entryHash", .blob).notNull()
                t.column("signature", .blob)
            }
        }
        migrator.registerMigration("Add projections and plans (schema revision 2)") { db in
            try db.alter(table: "caseFile") { t in t.add(column: "pseudonymKey", .blob) }
            try db.create(table: "projection") { t in
                t.primaryKey("id", .blob)
                t.column("caseID", .blob).notNull().references("caseFile").indexed()
                t.column("caseLabel", .text).notNull()
                t.column("language", .text).notNull()
                t.column("period", .text).notNull()
                t.column("publishedDay", .text).notNull()
                t.column("text", .text).notNull()
                t.column("publisherSigningKey", .blob).notNull()
                t.column("signature", .blob).notNull()
            }
            try db.create(table: "redactionPlan") { t in
                t.primaryKey("projectionID", .blob).references("projection")
                t.column("recordID", .blob).notNull().references("testimony").indexed()
                t.column("sealed", .blob).notNull()
            }
        }
        migrator.registerMigration("Anchor trust outside the vault (schema revision 3)") { db in
            try db.alter(table: "vaultInfo") { t in t.add(column: "settingsSignature", .blob) }
            try db.create(table: "authorName") { t in
                t.primaryKey("signingKey", .blob)
                t.column("encryptionKey", .blob).notNull()
                t.column("name", .text).notNull()
                t.column("day", .text).notNull()
                t.column("signature", .blob).notNull()
            }
        }
        migrator.registerMigration("Keep each case's term list (schema revision 4)") { db in
            try db.create(table: "caseTerms") { t in
                t.primaryKey("caseID", .blob).references("caseFile")
                t.column("revision", .integer).notNull()
                t.column("keyVersion", .integer).notNull()
                t.column("sealed", .blob).notNull()
            }
        }
        migrator.registerMigration("Keep each case's retention policy (schema revision 5)") { db in
            try db.create(table: "caseRetention") { t in
                t.primaryKey("caseID", .blob).references("caseFile")
                t.column("revision", .integer).notNull()
                t.column("keepUntil", .text)
                t.column("keepDaysAfterClose", .integer)
                t.column("closedDay", .text)
                t.column("day", .text).notNull()
                t.column("signature", .blob).notNull()
            }
        }
        return migrator
    }

    /// A storage failure as a one-line message; GRDB never includes bound values in it.
    static func storageError(_ error: any Error) -> any Error {
        if error is AmanatVaultError { return error }
        // A stored value of the wrong type or size (a damaged page): GRDB's message would quote the row.
        // A column missing from a damaged table reaches GRDB's decoder as a key not found.
        if error is RowDecodingError || error is DecodingError {
            return AmanatVaultError.corrupted("the vault database (a row no longer reads)")
        }
        if let database = error as? DatabaseError {
            if database.resultCode == .SQLITE_CORRUPT || database.resultCode == .SQLITE_NOTADB {
                return AmanatVaultError.corrupted("the vault database")
            }
            if database.resultCode == .SQLITE_READONLY || database.resultCode == .SQLITE_CANTOPEN
                || database.resultCode == .SQLITE_PERM
            {
                return AmanatVaultError.storage(
                    "its files cannot be written or opened (a read-only folder or disk, or files "
                        + "owned by another user); check the permissions of the vault folder and its files, or run "
                        + "Amanat as "
                        + "the user who owns them")
            }
            return AmanatVaultError.storage(
                (database.message ?? "\(database.resultCode)")
                    + " (SQLite code \(database.extendedResultCode.rawValue))")
        }
        return error
    }
}

extension VaultInfoRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "vaultInfo" }
extension TestimonyRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "testimony" }
extension TestimonyHeaderRow: FetchableRecord {}
extension MailboxRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "mailbox" }
extension CaseRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "caseFile" }
extension CaseKeyRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "caseKey" }
extension CaseRecordRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "caseRecord" }
extension GrantRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "grant" }
extension ReplyRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "reply" }
extension ProjectionRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "projection" }
extension PlanRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "redactionPlan" }
extension CaseTermsRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "caseTerms" }
extension CaseRetentionRow: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "caseRetention"
}
extension AuthorNameRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "authorName" }
extension AuditEntryRow: FetchableRecord, PersistableRecord { public static let databaseTableName = "auditEntry" }

/// The reader and writer over one GRDB connection, valid only inside `read`/`write`.
private struct SQLiteRows: VaultWriter {
    let db: Database

    func info() throws -> VaultInfoRow? {
        let rows = try VaultInfoRow.fetchAll(db)
        guard rows.count <= 1 else { throw AmanatVaultError.corrupted("the vault's settings") }
        return rows.first
    }
    func testimony(_ id: Data) throws -> TestimonyRow? { try TestimonyRow.fetchOne(db, key: id) }
    func testimonies() throws -> [TestimonyRow] { try TestimonyRow.order(Column("day"), Column("id")).fetchAll(db) }
    func testimonyHeaders() throws -> [TestimonyHeaderRow] {
        try TestimonyHeaderRow.fetchAll(
            db, sql: "SELECT id, kind, mailboxID, day, language, sizeBucket FROM testimony ORDER BY day, id")
    }
    func memberships() throws -> [(recordID: Data, caseID: Data)] {
        try Row.fetchAll(db, sql: "SELECT recordID, caseID FROM caseRecord ORDER BY day, recordID").map {
            (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1))
        }
    }
    func mailbox(_ id: Data) throws -> MailboxRow? { try MailboxRow.fetchOne(db, key: id) }
    func caseFile(_ id: Data) throws -> CaseRow? { try CaseRow.fetchOne(db, key: id) }
    func caseFiles() throws -> [CaseRow] { try CaseRow.order(Column("createdDay"), Column("id")).fetchAll(db) }
    func caseKey(caseID: Data, version: Int) throws -> CaseKeyRow? {
        try CaseKeyRow.fetchOne(db, key: ["caseID": caseID, "version": version])
    }
    func caseRecord(caseID: Data, recordID: Data) throws -> CaseRecordRow? {
        try CaseRecordRow.fetchOne(db, key: ["caseID": caseID, "recordID": recordID])
    }
    func caseRecords(caseID: Data) throws -> [CaseRecordRow] {
        try CaseRecordRow.filter(Column("caseID") == caseID).order(Column("day"), Column("recordID")).fetchAll(db)
    }
    func caseIDs(containing recordID: Data) throws -> [Data] {
        try CaseRecordRow.filter(Column("recordID") == recordID).fetchAll(db).map(\.caseID)
    }
    func grant(_ id: Data) throws -> GrantRow? { try GrantRow.fetchOne(db, key: id) }
    func grants(caseID: Data?) throws -> [GrantRow] {
        let request = caseID.map { GrantRow.filter(Column("caseID") == $0) } ?? GrantRow.all()
        return try request.order(Column("issuedDay"), Column("id")).fetchAll(db)
    }
    func replies(mailboxID: Data) throws -> [ReplyRow] {
        try ReplyRow.filter(Column("mailboxID") == mailboxID).order(Column("day"), Column("id")).fetchAll(db)
    }
    func projections(caseID: Data?) throws -> [ProjectionRow] {
        let request = caseID.map { ProjectionRow.filter(Column("caseID") == $0) } ?? ProjectionRow.all()
        return try request.order(Column("publishedDay"), Column("id")).fetchAll(db)
    }
    func plan(projectionID: Data) throws -> PlanRow? { try PlanRow.fetchOne(db, key: projectionID) }
    func lastAuditEntry() throws -> AuditEntryRow? { try AuditEntryRow.order(Column("sequence").desc).fetchOne(db) }
    func auditEntries() throws -> [AuditEntryRow] { try AuditEntryRow.order(Column("sequence")).fetchAll(db) }
    func auditEntries(from sequence: Int) throws -> [AuditEntryRow] {
        try AuditEntryRow.filter(Column("sequence") >= sequence).order(Column("sequence")).fetchAll(db)
    }
    func auditEntries(action: String) throws -> [AuditEntryRow] {
        try AuditEntryRow.filter(Column("action") == action).order(Column("sequence")).fetchAll(db)
    }
    func auditEntries(from sequence: Int, limit: Int) throws -> [AuditEntryRow] {
        try AuditEntryRow.filter(Column("sequence") >= sequence).order(Column("sequence")).limit(limit).fetchAll(db)
    }
    func mailboxes(after id: Data?, limit: Int) throws -> [MailboxRow] {
        try (id.map { MailboxRow.filter(Column("id") > $0) } ?? MailboxRow.all()).order(Column("id")).limit(limit)
            .fetchAll(db)
    }
    func testimonies(after id: Data?, limit: Int) throws -> [TestimonyRow] {
        try (id.map { TestimonyRow.filter(Column("id") > $0) } ?? TestimonyRow.all()).order(Column("id"))
            .limit(limit).fetchAll(db)
    }
    func rowCounts() throws -> [Int] {
        try VaultTables.names.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\($0)\"") ?? 0 }
    }
    func authorName(signingKey: Data) throws -> AuthorNameRow? { try AuthorNameRow.fetchOne(db, key: signingKey) }
    func authorNames() throws -> [AuthorNameRow] { try AuthorNameRow.order(Column("signingKey")).fetchAll(db) }

    func insert(_ row: VaultInfoRow) throws { try row.insert(db) }
    func update(_ row: VaultInfoRow) throws { try row.update(db) }
    func save(_ row: AuthorNameRow) throws { try row.save(db) }
    func insert(_ row: TestimonyRow) throws { try row.insert(db) }
    func insert(_ row: MailboxRow) throws { try row.insert(db) }
    func insert(_ row: CaseRow) throws { try row.insert(db) }
    func update(_ row: CaseRow) throws { try row.update(db) }
    func insert(_ row: CaseKeyRow) throws { try row.insert(db) }
    func save(_ row: CaseRecordRow) throws { try row.save(db) }
    func insert(_ row: GrantRow) throws { try row.insert(db) }
    func update(_ row: GrantRow) throws { try row.update(db) }
    func insert(_ row: ReplyRow) throws { try row.insert(db) }
    func insert(_ row: ProjectionRow) throws { try row.insert(db) }
    func insert(_ row: PlanRow) throws { try row.insert(db) }
    func delete(_ rows: ShreddedRows, id: Data) throws -> Int {
        try db.execute(sql: #"DELETE FROM "\#(rows.table.name)" WHERE "\#(rows.table.column)" = ?"#, arguments: [id])
        return db.changesCount
    }
    func save(_ row: CaseTermsRow) throws { try row.save(db) }
    func caseTerms(caseID: Data) throws -> CaseTermsRow? { try CaseTermsRow.fetchOne(db, key: caseID) }
    func caseTermRows() throws -> [CaseTermsRow] { try CaseTermsRow.fetchAll(db) }
    func save(_ row: CaseRetentionRow) throws { try row.save(db) }
    func caseRetention(caseID: Data) throws -> CaseRetentionRow? { try CaseRetentionRow.fetchOne(db, key: caseID) }
    func caseRetentionRows() throws -> [CaseRetentionRow] { try CaseRetentionRow.fetchAll(db) }
    func append(_ row: AuditEntryRow) throws {
        let last = try lastAuditEntry()?.sequence ?? 0
        guard row.sequence == last + 1 else {
            throw AmanatVaultError.storage("audit entry \(row.sequence) does not follow entry \(last)")
        }
        try row.insert(db)
    }
}

// Reads for the complete audit check (AuditLog+Completeness.swift): ids only, one pass per table. A value of the
// wrong type (the database edited by hand) throws instead of stopping the process.
extension SQLiteRows {
    func caseKeyVersions() throws -> [(caseID: Data, version: Int)] {
        try Row.fetchAll(db, sql: "SELECT caseID, version FROM caseKey").map {
            (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1))
        }
    }
    func membershipVersions() throws -> [(caseID: Data, recordID: Data, keyVersion: Int)] {
        try Row.fetchAll(db, sql: "SELECT caseID, recordID, keyVersion FROM caseRecord").map {
            (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1), try $0.decode(atIndex: 2))
        }
    }
    func replyHeaders() throws -> [(id: Data, mailboxID: Data)] {
        try Row.fetchAll(db, sql: "SELECT id, mailboxID FROM reply").map {
            (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1))
        }
    }
    func planHeaders() throws -> [(projectionID: Data, recordID: Data)] {
        try Row.fetchAll(db, sql: "SELECT projectionID, recordID FROM redactionPlan").map {
            (try $0.decode(atIndex: 0), try $0.decode(atIndex: 1))
        }
    }
}
