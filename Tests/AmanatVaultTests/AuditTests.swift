import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@testable import AmanatVault

@Suite("The audit log")
struct AuditTests {
    static func scene() throws -> (TestVault, DatabaseQueue) {
        let t = try TestVault(onDisk: true)
        let (a, _) = try t.submit("a")
        let (b, _) = try t.submit("b")
        let caseID = try t.makeCase([a, b])
        let lawyer = Identity()
        let grant = try t.grant(caseID, to: lawyer)
        try t.vault.reply(to: a, text: "hello", as: .grantee(lawyer))
        try t.vault.revoke(grant, administrator: t.administrator)
        return (t, try DatabaseQueue(path: t.directory.file("vault/vault.sqlite")))
    }

    @Test("an untouched log verifies, with one entry per action")
    func verifies() throws {
        let (t, _) = try Self.scene()
        let head = try t.vault.verifyAudit()
        let actions = try t.vault.store.read { try $0.auditEntries() }.map(\.action)
        #expect(
            actions == [
                "vault.create", "submit", "submit", "case.create", "case.assign", "grant.issue", "reply",
                "grant.revoke",
            ])
        #expect(head.count == actions.count)
        #expect(try t.vault.verifyAudit(remembered: head) == head)
        // Source actions carry no actor; every other one is signed.
        let entries = try t.vault.store.read { try $0.auditEntries() }
        #expect(entries.filter { $0.actor == nil }.map(\.action) == ["submit", "submit"])
        #expect(entries.allSatisfy { $0.day == Day.today().description })
    }

    @Test("edits, deletions, insertions and reordering are all detected")
    func tampering() throws {
        let mutations: [(String, String)] = [
            ("edit an action", "UPDATE auditEntry SET action = 'case.delete' WHERE sequence = 4"),
            ("edit a day", "UPDATE auditEntry SET day = '2001-01-01' WHERE sequence = 3"),
            ("edit the objects", "UPDATE auditEntry SET objects = '' WHERE sequence = 5"),
            (
                "change the actor",
                "UPDATE auditEntry SET actor = (SELECT actor FROM auditEntry WHERE sequence = 7) WHERE sequence = 6"
            ),
            ("strip a signature", "UPDATE auditEntry SET signature = NULL WHERE sequence = 6"),
            (
                "make an admin action anonymous",
                "UPDATE auditEntry SET actor = NULL, signature = NULL WHERE sequence = 4"
            ),
            ("delete a middle entry", "DELETE FROM auditEntry WHERE sequence = 4"),
            ("delete the first entry", "DELETE FROM auditEntry WHERE sequence = 1"),
            (
                "swap two entries",
                "UPDATE auditEntry SET sequence = -2 WHERE sequence = 2; UPDATE auditEntry SET sequence = 2 WHERE "
                    + "sequence = 3; UPDATE auditEntry SET sequence = 3 WHERE sequence = -2"
            ),
            (
                "insert a copy",
                "INSERT INTO auditEntry SELECT sequence + 100, day, actor, action, objects, previousHash, entryHash, "
                    + "signature FROM auditEntry WHERE sequence = 8"
            ),
        ]
        for (name, sql) in mutations {
            let (t, db) = try Self.scene()
            try db.write { try $0.execute(sql: sql) }
            #expect(throws: AmanatVaultError.self, "\(name)") { try t.vault.verifyAudit() }
        }
    }

    @Test("cutting entries off the end is detected against a remembered head")
    func truncation() throws {
        let (t, db) = try Self.scene()
        let head = try t.vault.verifyAudit()
        try db.write {
            try $0.execute(sql: "DELETE FROM auditEntry WHERE sequence = (SELECT MAX(sequence) FROM auditEntry)")
        }
        #expect(throws: AmanatVaultError.self) { try t.vault.verifyAudit(remembered: head) }
        // Without a remembered head, the rows the cut entry made still betray it; cutting them too is caught
        // only by the head (AuditCompletenessTests).
        #expect(throws: AmanatVaultError.self) { try t.vault.verifyAudit() }
    }

    @Test("a fabricated entry with a fresh chain but a stranger's signature is refused")
    func strangerEntry() throws {
        let (t, db) = try Self.scene()
        let stranger = Identity()
        try db.write { db in
            let last = try AuditEntryRow.order(Column("sequence").desc).fetchOne(db)!
            var row = AuditEntryRow(
                sequence: last.sequence + 1, day: last.day, actor: Data(stranger.publicKey.signing.rawRepresentation),
                action: "grant.issue", objects: "", previousHash: last.entryHash, entryHash: Data(), signature: nil)
            row.entryHash = Data(VaultFormat.auditHash(row))
            row.signature = Data(stranger.signingKey.signature(for: Array(row.entryHash)))
            try row.insert(db)
        }
        #expect(throws: AmanatVaultError.self) { try t.vault.verifyAudit() }
    }
}
