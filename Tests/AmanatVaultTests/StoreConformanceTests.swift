import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@testable import AmanatVault

/// The behaviour every `VaultStore` backend must have: each backend adds its factory to `backends` and
/// passes unchanged. PostgreSQL runs where `make test` gives the tests a cluster (`TestPostgreSQL`).
@Suite("VaultStore conformance")
struct StoreConformanceTests {
    /// Named factories of empty stores.
    static let backends: [String] =
        ["SQLite in memory", "SQLite on disk"] + (TestPostgreSQL.isAvailable ? ["PostgreSQL"] : [])

    static func make(_ name: String, in directory: TemporaryDirectory) throws -> any VaultStore {
        switch name {
        case "SQLite in memory": return try SQLiteVaultStore()
        case "PostgreSQL": return try PostgreSQLVaultStore(url: TestPostgreSQL.freshDatabase())
        default: return try SQLiteVaultStore(path: directory.file("store.sqlite"))
        }
    }

    static func testimony(day: String = "2026-11-25") -> TestimonyRow {
        TestimonyRow(
            id: Data(SecureRandom.bytes(16)), kind: 1, mailboxID: Data(repeating: 7, count: 32), day: day,
            language: "ru",
            sizeBucket: 256, wrappedKey: Data(SecureRandom.bytes(80)), body: Data(SecureRandom.bytes(296)))
    }

    static let mailbox = MailboxRow(
        id: Data(repeating: 7, count: 32), replyKey: Data(SecureRandom.bytes(32)), createdDay: "2026-11-25")

    @Test("an empty store has no settings and no rows", arguments: backends)
    func empty(backend: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.make(backend, in: directory)
        try store.read { (reader: any VaultReader) throws in
            #expect(try reader.info() == nil)
            #expect(try reader.testimonies().isEmpty)
            #expect(try reader.testimony(Data(count: 16)) == nil)
            #expect(try reader.lastAuditEntry() == nil)
            #expect(try reader.grants(caseID: nil).isEmpty)
        }
    }

    @Test("rows read back exactly as written, records in day order", arguments: backends)
    func roundTrip(backend: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.make(backend, in: directory)
        let later = Self.testimony(day: "2026-11-26")
        let earlier = Self.testimony(day: "2026-11-24")
        try store.write { writer in
            try writer.insert(Self.mailbox)
            try writer.insert(later)
            try writer.insert(earlier)
        }
        try store.read { (reader: any VaultReader) throws in
            #expect(try reader.testimony(later.id) == later)
            #expect(try reader.testimonies() == [earlier, later])
            #expect(
                try reader.testimonyHeaders()
                    == [earlier, later].map {
                        TestimonyHeaderRow(
                            id: $0.id, kind: $0.kind, mailboxID: $0.mailboxID, day: $0.day, language: $0.language,
                            sizeBucket: $0.sizeBucket)
                    })
            #expect(try reader.mailbox(Self.mailbox.id) == Self.mailbox)
        }
    }

    @Test("a write that throws leaves nothing behind", arguments: backends)
    func rollback(backend: String) throws {
        struct Abort: Error {}
        let directory = try TemporaryDirectory()
        let store = try Self.make(backend, in: directory)
        #expect(throws: Abort.self) {
            try store.write { writer in
                try writer.insert(Self.mailbox)
                try writer.insert(Self.testimony())
                throw Abort()
            }
        }
        try store.read { (reader: any VaultReader) throws in
            #expect(try reader.testimonies().isEmpty)
            #expect(try reader.mailbox(Self.mailbox.id) == nil)
        }
    }

    @Test("case membership is saved once per case and record, and replaced on save", arguments: backends)
    func caseRecords(backend: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.make(backend, in: directory)
        let record = Self.testimony()
        let caseRow = CaseRow(
            id: Data(SecureRandom.bytes(16)), createdDay: "2026-11-25", keyVersion: 1, title: Data([1, 2, 3]))
        var membership = CaseRecordRow(
            caseID: caseRow.id, recordID: record.id, keyVersion: 1, wrappedKey: Data([9]), day: "2026-11-25")
        try store.write { writer in
            try writer.insert(Self.mailbox)
            try writer.insert(record)
            try writer.insert(caseRow)
            try writer.save(membership)
            membership.keyVersion = 2
            membership.wrappedKey = Data([8])
            try writer.save(membership)
        }
        try store.read { (reader: any VaultReader) throws in
            #expect(try reader.caseRecords(caseID: caseRow.id) == [membership])
            #expect(try reader.caseIDs(containing: record.id) == [caseRow.id])
            let memberships = try reader.memberships()
            #expect(
                memberships.count == 1 && memberships[0].recordID == record.id && memberships[0].caseID == caseRow.id)
            #expect(try reader.caseRecord(caseID: caseRow.id, recordID: record.id)?.keyVersion == 2)
        }
    }

    @Test(
        "pages of mailboxes, records and audit entries cover each row once, in order; counts per table",
        arguments: backends)
    func pages(backend: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.make(backend, in: directory)
        // Ids with high bytes too: pages must compare bytes as unsigned in every store.
        let mailboxes = (0..<7).map { index in
            MailboxRow(
                id: Data([UInt8(index * 40)] + SecureRandom.bytes(31)), replyKey: Data(SecureRandom.bytes(32)),
                createdDay: "2026-11-25")
        }
        let records = mailboxes.map { mailbox in
            var row = Self.testimony()
            row.mailboxID = mailbox.id
            return row
        }
        try store.write { writer in
            for row in mailboxes { try writer.insert(row) }
            for row in records { try writer.insert(row) }
            for sequence in 1...5 {
                try writer.append(
                    AuditEntryRow(
                        sequence: sequence, day: "2026-11-25", actor: nil, action: "submit", objects: "",
                        previousHash: Data(count: 32), entryHash: Data(count: 32), signature: nil))
            }
        }
        func walk<Row>(_ fetch: (Data?) throws -> [Row], id: (Row) -> Data) throws -> [Data] {
            var seen: [Data] = [], after: Data?
            while let last = try fetch(after).last.map(id) {
                seen += try fetch(after).map(id)
                after = last
            }
            return seen
        }
        let sorted = { (ids: [Data]) in ids.sorted { $0.lexicographicallyPrecedes($1) } }
        try store.read { (reader: any VaultReader) throws in
            #expect(try walk({ try reader.mailboxes(after: $0, limit: 3) }, id: \.id) == sorted(mailboxes.map(\.id)))
            #expect(try walk({ try reader.testimonies(after: $0, limit: 2) }, id: \.id) == sorted(records.map(\.id)))
            #expect(try reader.auditEntries(from: 2, limit: 3).map(\.sequence) == [2, 3, 4])
            #expect(try reader.auditEntries(from: 5, limit: 3).map(\.sequence) == [5])
            let counts = Dictionary(uniqueKeysWithValues: zip(VaultTables.names, try reader.rowCounts()))
            #expect(counts["mailbox"] == 7 && counts["testimony"] == 7 && counts["auditEntry"] == 5)
            #expect(
                counts.filter { !["mailbox", "testimony", "auditEntry"].contains($0.key) }.values.allSatisfy { $0 == 0 }
            )
        }
    }

    @Test("audit entries append only in sequence", arguments: backends)
    func auditSequence(backend: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.make(backend, in: directory)
        func entry(_ sequence: Int) -> AuditEntryRow {
            AuditEntryRow(
                sequence: sequence, day: "2026-11-25", actor: nil, action: "submit", objects: "",
                previousHash: Data(count: 32), entryHash: Data(count: 32), signature: nil)
        }
        try store.write { try $0.append(entry(1)) }
        #expect(throws: (any Error).self) { try store.write { try $0.append(entry(3)) } }
        #expect(throws: (any Error).self) { try store.write { try $0.append(entry(1)) } }
        try store.write { try $0.append(entry(2)) }
        #expect(try store.read { try $0.auditEntries() }.map(\.sequence) == [1, 2])
        #expect(try store.read { try $0.lastAuditEntry() }?.sequence == 2)
    }

    @Test(
        "every other table reads back as written; updates and saves replace, an update of nothing throws",
        arguments: backends)
    func everyTable(backend: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.make(backend, in: directory)
        let record = Self.testimony()
        let caseRow = CaseRow(
            id: Data(SecureRandom.bytes(16)), createdDay: "2026-11-25", keyVersion: 1, title: Data([1]),
            pseudonymKey: nil)
        var info = VaultInfoRow(
            formatVersion: 4, intakeKey: Data(repeating: 1, count: 32), administratorSigningKey: Data(count: 32),
            codenameSalt: Data(count: 16), codenameOpsLimit: 2, codenameMemLimit: 8_192, createdDay: "2026-11-25")
        var grant = GrantRow(
            id: Data(SecureRandom.bytes(16)), caseID: caseRow.id, granteeEncryptionKey: Data(count: 32),
            granteeSigningKey: Data(count: 32), permissions: 1, issuedDay: "2026-11-25", expiresDay: "2026-12-25",
            keyVersion: 1, sealedCaseKey: Data([4]), signature: Data([5]), revokedDay: nil, supersededBy: nil)
        let caseKey = CaseKeyRow(caseID: caseRow.id, version: 1, sealedForAdministrator: Data([6]))
        let reply = ReplyRow(
            id: Data(SecureRandom.bytes(16)), mailboxID: Self.mailbox.id, day: "2026-11-26", sealed: Data([7]))
        let projection = ProjectionRow(
            id: Data(SecureRandom.bytes(16)), caseID: caseRow.id, caseLabel: "Дело 7", language: "ru",
            period: "2002", publishedDay: "2026-11-27", text: "Текст", publisherSigningKey: Data(count: 32),
            signature: Data([8]))
        let plan = PlanRow(projectionID: projection.id, recordID: record.id, sealed: Data([9]))
        var terms = CaseTermsRow(caseID: caseRow.id, revision: 1, keyVersion: 1, sealed: Data([10]))
        var retention = CaseRetentionRow(
            caseID: caseRow.id, revision: 1, keepUntil: "2031-12-31", keepDaysAfterClose: nil, closedDay: nil,
            day: "2026-12-03", signature: Data([13]))
        var author = AuthorNameRow(
            signingKey: Data(repeating: 2, count: 32), encryptionKey: Data(count: 32), name: "Лейла",
            day: "2026-11-25", signature: Data([11]))
        try store.write { writer in
            try writer.insert(info)
            try writer.insert(Self.mailbox)
            try writer.insert(record)
            try writer.insert(caseRow)
            try writer.insert(caseKey)
            try writer.insert(grant)
            try writer.insert(reply)
            try writer.insert(projection)
            try writer.insert(plan)
            try writer.save(terms)
            try writer.save(retention)
            try writer.save(author)
            for sequence in 1...3 {
                try writer.append(
                    AuditEntryRow(
                        sequence: sequence, day: "2026-11-25", actor: sequence == 2 ? Data([1]) : nil,
                        action: sequence == 3 ? "grant" : "submit", objects: "a,b", previousHash: Data(count: 32),
                        entryHash: Data(repeating: UInt8(sequence), count: 32), signature: nil))
            }
            info.settingsSignature = Data([12])
            try writer.update(info)
            grant.revokedDay = "2026-11-28"
            try writer.update(grant)
            terms.revision = 2
            try writer.save(terms)
            (retention.revision, retention.keepUntil, retention.keepDaysAfterClose) = (2, nil, 90)
            retention.closedDay = "2026-12-04"
            try writer.save(retention)
            author.name = "Лейла Х."
            try writer.save(author)
        }
        try store.read { (reader: any VaultReader) throws in
            #expect(try reader.info() == info)
            #expect(try reader.caseFile(caseRow.id) == caseRow && reader.caseFiles() == [caseRow])
            #expect(try reader.caseKey(caseID: caseRow.id, version: 1) == caseKey)
            #expect(try reader.caseKeyVersions().map(\.version) == [1])
            #expect(try reader.grant(grant.id) == grant && reader.grants(caseID: caseRow.id) == [grant])
            #expect(try reader.grants(caseID: nil) == [grant] && reader.grants(caseID: Data(count: 16)).isEmpty)
            #expect(try reader.replies(mailboxID: Self.mailbox.id) == [reply])
            #expect(try reader.replyHeaders().map(\.id) == [reply.id])
            #expect(
                try reader.projections(caseID: caseRow.id) == [projection] && reader.projections(caseID: nil).count == 1
            )
            #expect(try reader.plan(projectionID: projection.id) == plan)
            #expect(try reader.planHeaders().map(\.recordID) == [record.id])
            #expect(try reader.caseTerms(caseID: caseRow.id) == terms && reader.caseTermRows() == [terms])
            #expect(try reader.caseRetention(caseID: caseRow.id) == retention)
            #expect(try reader.caseRetentionRows() == [retention])
            #expect(try reader.authorName(signingKey: author.signingKey) == author)
            #expect(try reader.auditEntries(from: 2).map(\.sequence) == [2, 3])
            #expect(try reader.auditEntries(action: "grant").map(\.sequence) == [3])
            #expect(try reader.auditEntries()[1].actor == Data([1]))
        }
        var missing = caseRow
        missing.id = Data(count: 16)
        #expect(throws: (any Error).self) { try store.write { try $0.update(missing) } }
    }

    @Test("a shred deletes exactly the rows that hold its id, and says how many", arguments: backends)
    func shreddedRows(backend: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.make(backend, in: directory)
        let (doomed, kept) = (Self.testimony(), Self.testimony())
        let caseRow = CaseRow(
            id: Data(SecureRandom.bytes(16)), createdDay: "2026-11-25", keyVersion: 1, title: Data([1]))
        let projection = ProjectionRow(
            id: Data(SecureRandom.bytes(16)), caseID: caseRow.id, caseLabel: "Дело 7", language: "ru",
            period: "2002", publishedDay: "2026-11-27", text: "Текст", publisherSigningKey: Data(count: 32),
            signature: Data([8]))
        let replies = (0..<3).map { _ in
            ReplyRow(id: Data(SecureRandom.bytes(16)), mailboxID: Self.mailbox.id, day: "2026-11-26", sealed: Data([7]))
        }
        try store.write { writer in
            try writer.insert(Self.mailbox)
            try writer.insert(doomed)
            try writer.insert(kept)
            try writer.insert(caseRow)
            for record in [doomed, kept] {
                try writer.save(
                    CaseRecordRow(
                        caseID: caseRow.id, recordID: record.id, keyVersion: 1, wrappedKey: Data([9]),
                        day: "2026-11-25"))
            }
            try writer.insert(projection)
            try writer.insert(PlanRow(projectionID: projection.id, recordID: doomed.id, sealed: Data([9])))
            for reply in replies { try writer.insert(reply) }
        }
        let counts = try store.write { writer in
            [
                try writer.delete(.plans, id: doomed.id), try writer.delete(.memberships, id: doomed.id),
                try writer.delete(.record, id: doomed.id), try writer.delete(.reply, id: replies[0].id),
                try writer.delete(.record, id: doomed.id),
            ]
        }
        #expect(counts == [1, 1, 1, 1, 0])
        try store.read { (reader: any VaultReader) throws in
            #expect(try reader.testimonies().map(\.id) == [kept.id])
            #expect(try reader.membershipVersions().map(\.recordID) == [kept.id])
            #expect(try reader.planHeaders().isEmpty && reader.projections(caseID: nil) == [projection])
            #expect(try reader.replyHeaders().count == 2)
        }
        // A mailbox still named by a record cannot go; once its records and replies have, it can.
        #expect(throws: (any Error).self) { try store.write { try $0.delete(.mailbox, id: Self.mailbox.id) } }
        let last = try store.write { writer in
            [
                try writer.delete(.memberships, id: kept.id), try writer.delete(.record, id: kept.id),
                try writer.delete(.mailboxReplies, id: Self.mailbox.id),
                try writer.delete(.mailbox, id: Self.mailbox.id),
            ]
        }
        #expect(last == [1, 1, 2, 1])
        #expect(try store.read { try $0.mailbox(Self.mailbox.id) } == nil)
    }

    @Test("records must name an existing mailbox (foreign keys are enforced)", arguments: backends)
    func foreignKeys(backend: String) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.make(backend, in: directory)
        #expect(throws: (any Error).self) { try store.write { try $0.insert(Self.testimony()) } }
    }
}

/// Storage failures a person can fix get a sentence that says how, not SQLite's wording.
@Suite("Storage errors")
struct StorageErrorTests {
    @Test(
        "a read-only or unopenable database says to check permissions",
        arguments: [
            ResultCode.SQLITE_READONLY, ResultCode.SQLITE_CANTOPEN, ResultCode.SQLITE_PERM,
        ])
    func readOnly(_ code: ResultCode) {
        let error = SQLiteVaultStore.storageError(
            DatabaseError(resultCode: code, message: "attempt to write a readonly database"))
        let text = String(describing: error)
        #expect(text.contains("check the permissions") && !text.contains("readonly database"), "\(text)")
    }
}
