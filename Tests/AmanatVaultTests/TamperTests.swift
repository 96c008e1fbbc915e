import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@testable import AmanatVault

/// Flipping bytes anywhere in the database is reported as corruption (or refused access), never
/// returned as garbage plaintext.
@Suite("Tampering with stored rows")
struct TamperTests {
    /// A vault on disk with one record in a case, one grant and one reply.
    struct Scene {
        let t: TestVault
        let record: Testimony.ID
        let caseID: Case.ID
        let lawyer = Identity()
        let codename: Codename
        let database: DatabaseQueue

        init() throws {
            t = try TestVault(onDisk: true)
            (record, codename) = try t.submit()
            caseID = try t.makeCase([record])
            try t.grant(caseID, to: lawyer)
            try t.vault.reply(to: record, text: "reply", as: .grantee(lawyer))
            // An attacker with the file is not bound by foreign keys.
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            database = try DatabaseQueue(path: t.directory.file("vault/vault.sqlite"), configuration: configuration)
        }

        /// Flips one bit of byte `position` of a blob column in every row of `table`.
        func flip(_ table: String, _ column: String, at position: Int) throws {
            try database.write { db in
                for row in try Row.fetchAll(db, sql: "SELECT rowid, \(column) FROM \"\(table)\"") {
                    var bytes = [UInt8]((row[1] as Data?) ?? Data())
                    guard !bytes.isEmpty else { continue }
                    bytes[position % bytes.count] ^= 0x08
                    try db.execute(
                        sql: "UPDATE \"\(table)\" SET \(column) = ? WHERE rowid = ?",
                        arguments: [Data(bytes), row[0] as Int64])
                }
            }
        }

        func set(_ table: String, _ column: String, to value: any DatabaseValueConvertible) throws {
            try database.write { db in try db.execute(sql: "UPDATE \"\(table)\" SET \(column) = ?", arguments: [value])
            }
        }

        func adminOpens() throws { _ = try t.vault.open(record, as: .administrator(t.administrator)) }
        func lawyerOpens() throws { _ = try t.vault.open(record, as: .grantee(lawyer)) }
        func lawyerReadsCase() throws { _ = try t.vault.caseDetails(caseID, as: .grantee(lawyer)) }
        func adminReadsCase() throws { _ = try t.vault.caseDetails(caseID, as: .administrator(t.administrator)) }
        func sourceReadsReplies() throws { _ = try t.vault.replies(codename: codename) }
    }

    /// Which operation each stored byte column protects.
    static let columns: [(table: String, column: String, check: @Sendable (Scene) throws -> Void)] = [
        ("testimony", "body", { try $0.adminOpens() }),
        ("testimony", "body", { try $0.lawyerOpens() }),
        ("testimony", "wrappedKey", { try $0.adminOpens() }),
        ("caseRecord", "wrappedKey", { try $0.lawyerOpens() }),
        ("caseFile", "title", { try $0.adminReadsCase() }),
        ("caseFile", "title", { try $0.lawyerReadsCase() }),
        ("caseKey", "sealedForAdministrator", { try $0.adminReadsCase() }),
        ("grant", "sealedCaseKey", { try $0.lawyerOpens() }),
        ("grant", "signature", { try $0.lawyerOpens() }),
        ("grant", "caseID", { try $0.lawyerReadsCase() }),
        ("reply", "sealed", { try $0.sourceReadsReplies() }),
        ("mailbox", "replyKey", { try $0.sourceReadsReplies() }),
    ]

    @Test("every byte class of every encrypted or signed column", arguments: 0..<columns.count)
    func flippedBytes(index: Int) throws {
        let (table, column, check) = Self.columns[index]
        let length = try Scene().database.read { db in
            try Data.fetchOne(db, sql: "SELECT \(column) FROM \"\(table)\"")?.count ?? 0
        }
        #expect(length > 0)
        // Nonce, ephemeral key, ciphertext start and middle, tag: first, second, middle, last bytes.
        for position in Set(
            [0, 1, 23, 24, 31, 32, 47, 48, length / 2, length - 17, length - 1].filter { $0 >= 0 && $0 < length })
        {
            let scene = try Scene()
            try scene.flip(table, column, at: position)
            #expect(throws: AmanatVaultError.self, "\(table).\(column) byte \(position)") { try check(scene) }
        }
    }

    @Test("changing clear metadata the crypto binds (kind, size bucket, key version, grant terms) is refused")
    func boundMetadata() throws {
        let edits: [(String, String, any DatabaseValueConvertible, @Sendable (Scene) throws -> Void)] = [
            ("testimony", "kind", 2, { try $0.adminOpens() }),
            ("testimony", "sizeBucket", 512, { try $0.adminOpens() }),
            ("testimony", "day", "2001-09-11", { try $0.adminOpens() }),
            ("testimony", "language", "en", { try $0.adminOpens() }),
            ("testimony", "kind", 257, { try $0.adminOpens() }),
            ("caseRecord", "keyVersion", 2, { try $0.lawyerOpens() }),
            ("grant", "expiresDay", "2099-12-31", { try $0.lawyerOpens() }),
            ("grant", "permissions", 3, { try $0.lawyerOpens() }),
            ("grant", "keyVersion", 2, { try $0.lawyerOpens() }),
            ("grant", "issuedDay", "2020-01-01", { try $0.lawyerOpens() }),
        ]
        for (table, column, value, check) in edits {
            let scene = try Scene()
            try scene.set(table, column, to: value)
            #expect(throws: AmanatVaultError.self, "\(table).\(column)") { try check(scene) }
        }
        // A record row moved to another id no longer opens (its id is bound into the body).
        let scene = try Scene()
        let newID = Testimony.ID()
        try scene.database.write { db in
            try db.execute(sql: "UPDATE testimony SET id = ?", arguments: [Data(newID.rawValue)])
        }
        #expect(throws: AmanatVaultError.corrupted("record \(newID)")) {
            try scene.t.vault.open(newID, as: .administrator(scene.t.administrator))
        }
    }

    @Test("a grant from someone other than the administrator is refused")
    func forgedGrant() throws {
        let scene = try Scene()
        let forger = Identity()
        try scene.database.write { db in
            var row = try GrantRow.fetchOne(db)!
            row.signature = Data(forger.signingKey.signature(for: VaultFormat.grantStatement(row)))
            try row.update(db)
        }
        #expect(throws: AmanatVaultError.self) { try scene.lawyerOpens() }
    }
}
