import Foundation
import PostgresNIO

extension VaultInfoRow: PostgreSQLTable {
    static let tableName = "vaultInfo", keyColumns = ["formatVersion"]
}
extension TestimonyRow: PostgreSQLTable { static let tableName = "testimony", keyColumns = ["id"] }
extension MailboxRow: PostgreSQLTable { static let tableName = "mailbox", keyColumns = ["id"] }
extension CaseRow: PostgreSQLTable { static let tableName = "caseFile", keyColumns = ["id"] }
extension CaseKeyRow: PostgreSQLTable { static let tableName = "caseKey", keyColumns = ["caseID", "version"] }
extension CaseRecordRow: PostgreSQLTable {
    static let tableName = "caseRecord", keyColumns = ["caseID", "recordID"]
}
extension GrantRow: PostgreSQLTable { static let tableName = "grant", keyColumns = ["id"] }
extension ReplyRow: PostgreSQLTable { static let tableName = "reply", keyColumns = ["id"] }
extension ProjectionRow: PostgreSQLTable { static let tableName = "projection", keyColumns = ["id"] }
extension PlanRow: PostgreSQLTable { static let tableName = "redactionPlan", keyColumns = ["projectionID"] }
extension CaseTermsRow: PostgreSQLTable { static let tableName = "caseTerms", keyColumns = ["caseID"] }
extension CaseRetentionRow: PostgreSQLTable { static let tableName = "caseRetention", keyColumns = ["caseID"] }
extension AuthorNameRow: PostgreSQLTable { static let tableName = "authorName", keyColumns = ["signingKey"] }
extension AuditEntryRow: PostgreSQLTable { static let tableName = "auditEntry", keyColumns = ["sequence"] }

/// The reader and writer over one PostgreSQL connection, valid only inside `read`/`write`. Each method is
/// the same query as the SQLite store's, in the same order.
struct PostgreSQLRows: VaultWriter {
    let session: PostgreSQLSession

    // MARK: Generic statements

    /// The rows of `T`'s table matching `condition` (SQL after WHERE, with $1… for `values`), in `order`.
    private func rows<T: PostgreSQLTable>(
        _ type: T.Type, where condition: String? = nil, _ values: [Data] = [], order: String? = nil
    ) throws -> [T] {
        var sql = "SELECT * FROM " + PostgreSQLColumns.quote(T.tableName)
        if let condition { sql += " WHERE " + condition }
        if let order { sql += " ORDER BY " + order }
        return try select(T.self, sql, values)
    }

    private func select<T: Decodable>(_ type: T.Type, _ sql: String, _ values: [Data] = []) throws -> [T] {
        var bindings = PostgresBindings()
        for value in values { try bindings.append(value) }
        return try session.query(PostgresQuery(unsafeSQL: sql, binds: bindings)).map {
            try PostgreSQLRowDecoder.decode(T.self, from: $0)
        }
    }

    /// The row of `T` whose key columns hold `key`.
    private func row<T: PostgreSQLTable>(_ type: T.Type, key: [any PostgresThrowingDynamicTypeEncodable]) throws -> T? {
        let condition = T.keyColumns.enumerated().map { "\(PostgreSQLColumns.quote($1)) = $\($0 + 1)" }
        var bindings = PostgresBindings()
        for value in key { try bindings.append(value) }
        let sql = "SELECT * FROM \(PostgreSQLColumns.quote(T.tableName)) WHERE " + condition.joined(separator: " AND ")
        return try session.query(PostgresQuery(unsafeSQL: sql, binds: bindings)).first.map {
            try PostgreSQLRowDecoder.decode(T.self, from: $0)
        }
    }

    private func insert(_ row: some PostgreSQLTable, upserting: Bool = false) throws {
        let columns = try PostgreSQLColumns(row)
        let table = PostgreSQLColumns.quote(type(of: row).tableName)
        let placeholders = (1...columns.names.count).map { "$\($0)" }.joined(separator: ", ")
        var sql = "INSERT INTO \(table) (\(columns.quoted.joined(separator: ", "))) VALUES (\(placeholders))"
        if upserting {
            let key = type(of: row).keyColumns
            let others = columns.names.filter { !key.contains($0) }.map(PostgreSQLColumns.quote)
            sql +=
                " ON CONFLICT (\(key.map(PostgreSQLColumns.quote).joined(separator: ", "))) DO UPDATE SET "
                + others.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
        }
        try session.run(PostgresQuery(unsafeSQL: sql, binds: columns.bindings))
    }

    /// Rewrites the row with `row`'s key; throws if there is none.
    private func replace(_ row: some PostgreSQLTable) throws {
        let columns = try PostgreSQLColumns(row)
        let key = type(of: row).keyColumns
        let assignments = columns.quoted.enumerated().map { "\($1) = $\($0 + 1)" }.joined(separator: ", ")
        let condition = key.map { name in
            "\(PostgreSQLColumns.quote(name)) = $\((columns.names.firstIndex(of: name) ?? 0) + 1)"
        }
        let sql =
            "UPDATE \(PostgreSQLColumns.quote(type(of: row).tableName)) SET \(assignments) WHERE "
            + condition.joined(separator: " AND ")
        guard try session.run(PostgresQuery(unsafeSQL: sql, binds: columns.bindings)) == 1 else {
            throw AmanatVaultError.storage("a row to update is missing from the vault database")
        }
    }

    // MARK: VaultReader

    func info() throws -> VaultInfoRow? {
        let rows = try rows(VaultInfoRow.self)
        guard rows.count <= 1 else { throw AmanatVaultError.corrupted("the vault's settings") }
        return rows.first
    }
    func testimony(_ id: Data) throws -> TestimonyRow? { try row(TestimonyRow.self, key: [id]) }
    func testimonies() throws -> [TestimonyRow] { try rows(TestimonyRow.self, order: #""day", "id""#) }
    func testimonyHeaders() throws -> [TestimonyHeaderRow] {
        try select(
            TestimonyHeaderRow.self,
            #"SELECT "id", "kind", "mailboxID", "day", "language", "sizeBucket" FROM "testimony" ORDER BY "day", "id""#)
    }
    func memberships() throws -> [(recordID: Data, caseID: Data)] {
        try select(
            Pair.self, #"SELECT "recordID" AS "a", "caseID" AS "b" FROM "caseRecord" ORDER BY "day", "recordID""#
        )
        .map { ($0.a, $0.b) }
    }
    func mailbox(_ id: Data) throws -> MailboxRow? { try row(MailboxRow.self, key: [id]) }
    func caseFile(_ id: Data) throws -> CaseRow? { try row(CaseRow.self, key: [id]) }
    func caseFiles() throws -> [CaseRow] { try rows(CaseRow.self, order: #""createdDay", "id""#) }
    func caseKey(caseID: Data, version: Int) throws -> CaseKeyRow? {
        try row(CaseKeyRow.self, key: [caseID, version])
    }
    func caseRecord(caseID: Data, recordID: Data) throws -> CaseRecordRow? {
        try row(CaseRecordRow.self, key: [caseID, recordID])
    }
    func caseRecords(caseID: Data) throws -> [CaseRecordRow] {
        try rows(CaseRecordRow.self, where: #""caseID" = $1"#, [caseID], order: #""day", "recordID""#)
    }
    func caseIDs(containing recordID: Data) throws -> [Data] {
        try rows(CaseRecordRow.self, where: #""recordID" = $1"#, [recordID], order: #""caseID""#).map(\.caseID)
    }
    func grant(_ id: Data) throws -> GrantRow? { try row(GrantRow.self, key: [id]) }
    func grants(caseID: Data?) throws -> [GrantRow] {
        guard let caseID else { return try rows(GrantRow.self, order: #""issuedDay", "id""#) }
        return try rows(GrantRow.self, where: #""caseID" = $1"#, [caseID], order: #""issuedDay", "id""#)
    }
    func replies(mailboxID: Data) throws -> [ReplyRow] {
        try rows(ReplyRow.self, where: #""mailboxID" = $1"#, [mailboxID], order: #""day", "id""#)
    }
    func projections(caseID: Data?) throws -> [ProjectionRow] {
        guard let caseID else { return try rows(ProjectionRow.self, order: #""publishedDay", "id""#) }
        return try rows(ProjectionRow.self, where: #""caseID" = $1"#, [caseID], order: #""publishedDay", "id""#)
    }
    func plan(projectionID: Data) throws -> PlanRow? { try row(PlanRow.self, key: [projectionID]) }
    func lastAuditEntry() throws -> AuditEntryRow? {
        try select(AuditEntryRow.self, #"SELECT * FROM "auditEntry" ORDER BY "sequence" DESC LIMIT 1"#).first
    }
    func auditEntries() throws -> [AuditEntryRow] { try rows(AuditEntryRow.self, order: #""sequence""#) }
    func auditEntries(from sequence: Int) throws -> [AuditEntryRow] {
        try select(
            AuditEntryRow.self, #"SELECT * FROM "auditEntry" WHERE "sequence" >= \#(sequence) ORDER BY "sequence""#)
    }
    func auditEntries(action: String) throws -> [AuditEntryRow] {
        var bindings = PostgresBindings()
        bindings.append(action)
        let sql = #"SELECT * FROM "auditEntry" WHERE "action" = $1 ORDER BY "sequence""#
        return try session.query(PostgresQuery(unsafeSQL: sql, binds: bindings)).map {
            try PostgreSQLRowDecoder.decode(AuditEntryRow.self, from: $0)
        }
    }
    func auditEntries(from sequence: Int, limit: Int) throws -> [AuditEntryRow] {
        try select(
            AuditEntryRow.self,
            #"SELECT * FROM "auditEntry" WHERE "sequence" >= \#(sequence) ORDER BY "sequence" LIMIT \#(limit)"#)
    }
    func mailboxes(after id: Data?, limit: Int) throws -> [MailboxRow] { try page(MailboxRow.self, after: id, limit) }
    func testimonies(after id: Data?, limit: Int) throws -> [TestimonyRow] {
        try page(TestimonyRow.self, after: id, limit)
    }
    func rowCounts() throws -> [Int] {
        try VaultTables.names.map { table in
            try select(Count.self, #"SELECT count(*) AS "n" FROM \#(PostgreSQLColumns.quote(table))"#).first?.n ?? 0
        }
    }
    /// At most `limit` rows of `T` in "id" order, after `id`.
    private func page<T: PostgreSQLTable>(_ type: T.Type, after id: Data?, _ limit: Int) throws -> [T] {
        let table = PostgreSQLColumns.quote(T.tableName)
        guard let id else { return try select(T.self, #"SELECT * FROM \#(table) ORDER BY "id" LIMIT \#(limit)"#) }
        return try select(T.self, #"SELECT * FROM \#(table) WHERE "id" > $1 ORDER BY "id" LIMIT \#(limit)"#, [id])
    }
    func authorName(signingKey: Data) throws -> AuthorNameRow? { try row(AuthorNameRow.self, key: [signingKey]) }
    func authorNames() throws -> [AuthorNameRow] { try rows(AuthorNameRow.self, order: #""signingKey""#) }
    func caseTerms(caseID: Data) throws -> CaseTermsRow? { try row(CaseTermsRow.self, key: [caseID]) }
    func caseTermRows() throws -> [CaseTermsRow] { try rows(CaseTermsRow.self, order: #""caseID""#) }
    func caseRetention(caseID: Data) throws -> CaseRetentionRow? { try row(CaseRetentionRow.self, key: [caseID]) }
    func caseRetentionRows() throws -> [CaseRetentionRow] { try rows(CaseRetentionRow.self, order: #""caseID""#) }

    // Reads for the complete audit check: ids only.
    func caseKeyVersions() throws -> [(caseID: Data, version: Int)] {
        try rows(CaseKeyRow.self).map { ($0.caseID, $0.version) }
    }
    func membershipVersions() throws -> [(caseID: Data, recordID: Data, keyVersion: Int)] {
        try rows(CaseRecordRow.self).map { ($0.caseID, $0.recordID, $0.keyVersion) }
    }
    func replyHeaders() throws -> [(id: Data, mailboxID: Data)] {
        try select(Pair.self, #"SELECT "id" AS "a", "mailboxID" AS "b" FROM "reply""#).map { ($0.a, $0.b) }
    }
    func planHeaders() throws -> [(projectionID: Data, recordID: Data)] {
        try select(Pair.self, #"SELECT "projectionID" AS "a", "recordID" AS "b" FROM "redactionPlan""#)
            .map { ($0.a, $0.b) }
    }

    // MARK: VaultWriter

    func insert(_ row: VaultInfoRow) throws { try insert(row, upserting: false) }
    func update(_ row: VaultInfoRow) throws { try replace(row) }
    func save(_ row: AuthorNameRow) throws { try insert(row, upserting: true) }
    func insert(_ row: TestimonyRow) throws { try insert(row, upserting: false) }
    func insert(_ row: MailboxRow) throws { try insert(row, upserting: false) }
    func insert(_ row: CaseRow) throws { try insert(row, upserting: false) }
    func update(_ row: CaseRow) throws { try replace(row) }
    func insert(_ row: CaseKeyRow) throws { try insert(row, upserting: false) }
    func save(_ row: CaseRecordRow) throws { try insert(row, upserting: true) }
    func insert(_ row: GrantRow) throws { try insert(row, upserting: false) }
    func update(_ row: GrantRow) throws { try replace(row) }
    func insert(_ row: ReplyRow) throws { try insert(row, upserting: false) }
    func insert(_ row: ProjectionRow) throws { try insert(row, upserting: false) }
    func insert(_ row: PlanRow) throws { try insert(row, upserting: false) }
    func save(_ row: CaseTermsRow) throws { try insert(row, upserting: true) }
    func save(_ row: CaseRetentionRow) throws { try insert(row, upserting: true) }
    func append(_ row: AuditEntryRow) throws {
        let last = try lastAuditEntry()?.sequence ?? 0
        guard row.sequence == last + 1 else {
            throw AmanatVaultError.storage("audit entry \(row.sequence) does not follow entry \(last)")
        }
        try insert(row, upserting: false)
    }

    func delete(_ rows: ShreddedRows, id: Data) throws -> Int {
        var bindings = PostgresBindings()
        try bindings.append(id)
        let (table, column) = (PostgreSQLColumns.quote(rows.table.name), PostgreSQLColumns.quote(rows.table.column))
        return try session.run(PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE \(column) = $1", binds: bindings))
    }
}

/// Two byte-string columns, `a` and `b`.
private struct Pair: Decodable {
    let a: Data
    let b: Data
}

/// A count, as `SELECT count(*) AS "n"` gives it.
private struct Count: Decodable {
    let n: Int
}
