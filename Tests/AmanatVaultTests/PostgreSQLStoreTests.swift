import AmanatCrypto
import AmanatTestSupport
import Foundation
import Synchronization
import Testing

@testable import AmanatVault

/// What only the PostgreSQL store has to show: a vault's whole story on it, one audit chain under writers
/// from several connections at once, and addresses and errors that never carry a password or a stored value.
@Suite("PostgreSQL store", .enabled(if: TestPostgreSQL.isAvailable, "needs the cluster `make test` starts"))
struct PostgreSQLStoreTests {
    @Test("a vault on PostgreSQL: submit, case, grant, open as the lawyer, revoke, and the audit verifies")
    func story() throws {
        let url = try TestPostgreSQL.freshDatabase()
        let t = try TestVault(store: PostgreSQLVaultStore(url: url))
        let statement = "Мой сын ушёл 14 марта 2002 года."
        let (record, _) = try t.submit(statement)
        let caseID = try t.makeCase([record])
        let lawyer = Identity()
        let grant = try t.grant(caseID, to: lawyer)
        #expect(try t.vault.open(record, as: .grantee(lawyer)).statement == statement)
        try t.vault.revoke(grant, administrator: t.administrator)
        #expect(throws: AmanatVaultError.self) { try t.vault.open(record, as: .grantee(lawyer)) }
        let head = try t.vault.verifyAudit()
        // A second store on the same database (another process, another machine) sees the same vault.
        let again = try Vault.open(
            store: PostgreSQLVaultStore(url: url), blobDirectory: t.directory.file("blobs"), location: url,
            trust: VaultTrust(administrator: t.administrator.publicKey))
        #expect(try again.verifyAudit() == head)
        #expect(try again.open(record, as: .administrator(t.administrator)).statement == statement)
    }

    @Test("writers on many connections at once append one unbroken audit sequence")
    func oneChain() throws {
        let url = try TestPostgreSQL.freshDatabase()
        let stores = try [PostgreSQLVaultStore(url: url), PostgreSQLVaultStore(url: url)]
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for _ in 0..<15 {
                do {
                    try stores[worker % 2].write { writer in
                        let next = (try writer.lastAuditEntry()?.sequence ?? 0) + 1
                        try writer.append(
                            AuditEntryRow(
                                sequence: next, day: "2026-12-03", actor: nil, action: "submit", objects: "",
                                previousHash: Data(count: 32), entryHash: Data(count: 32), signature: nil))
                    }
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        #expect(try stores[0].read { try $0.auditEntries() }.map(\.sequence) == Array(1...120))
    }

    @Test("a password in the address is refused; errors name no stored value")
    func secretsStayOut() throws {
        #expect {
            try PostgreSQLVaultStore(url: "postgresql://amanat:hunter2@localhost/vault")
        } throws: { "\($0)".contains("PGPASSWORD") && !"\($0)".contains("hunter2") }
        let store = try PostgreSQLVaultStore(url: TestPostgreSQL.freshDatabase())
        let orphan = StoreConformanceTests.testimony()
        #expect {
            try store.write { try $0.insert(orphan) }
        } throws: { error in
            // PostgreSQL's detail would quote the missing mailbox's id; only its message may show.
            let text = "\(error)"
            return text.contains("foreign key") && !text.contains("0707") && !text.lowercased().contains("key (")
        }
        #expect(throws: AmanatVaultError.self) {
            try PostgreSQLVaultStore(url: "postgresql://amanat@/nothing?host=/nonexistent-folder")
        }
    }

    @Test("the password file: the first matching line, with * and escapes")
    func passwordFile() {
        let file = #"""
            # comment
            db.example:5432:other:amanat:wrong
            *:*:vault:amanat:pa\:ss\\word
            *:*:*:*:fallback
            """#
        #expect(
            PostgreSQLSettings.password(in: file, host: "h", port: 5432, database: "vault", user: "amanat")
                == #"pa:ss\word"#)
        #expect(
            PostgreSQLSettings.password(in: file, host: "db.example", port: 5432, database: "other", user: "amanat")
                == "wrong")
        #expect(PostgreSQLSettings.password(in: file, host: "h", port: 1, database: "x", user: "y") == "fallback")
        #expect(PostgreSQLSettings.password(in: "a:b:c", host: "a", port: 1, database: "c", user: "d") == nil)
    }
}
