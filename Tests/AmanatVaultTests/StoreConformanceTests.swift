import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@testable import AmanatVault

/// The behaviour every `VaultStore` backend must have. A new backend (PostgreSQL) adds its factory
/// to `backends` and must pass unchanged.
@Suite("VaultStore conformance")
struct StoreConformanceTests {
    /// Named factories of empty stores.
    static let backends: [String] = ["SQLite in memory", "SQLite on disk"]

    static func make(_ name: String, in directory: TemporaryDirectory) throws -> any VaultStore {
        switch name {
        case "SQLite in memory": return try SQLiteVaultStore()
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
