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

    @Test("the intake's role adds, reads replies and closes a mailbox, and is refused every UPDATE and other DELETE")
    func intakeRole() throws {
        let address = try TestPostgreSQL.freshDatabase()
        let owner = try PostgreSQLVaultStore(url: address)
        WeakTestKeys.allow()
        let administrator = Identity()
        let vault = try Vault.create(
            store: owner, blobs: PostgreSQLBlobs(store: owner), administrator: administrator,
            codenameParameters: .minimumForTesting)
        var components = try #require(URLComponents(string: address))
        let database = String(components.path.dropFirst())
        try TestPostgreSQL.psql(address, PostgreSQLRoles.script(database: database))
        components.user = PostgreSQLRoles.names(database: database).intake
        let intakeAddress = try #require(components.string)

        // The intake, as `amanat serve` runs it: trusted against the administrator's key, submitting with a file.
        let store = try PostgreSQLVaultStore(url: intakeAddress)
        let intake = try Vault.open(
            store: store, blobs: PostgreSQLBlobs(store: store), location: intakeAddress,
            trust: VaultTrust(administrator: administrator.publicKey))
        let directory = try TemporaryDirectory()
        let file = directory.file("letter.pdf")
        try Data(SecureRandom.bytes(3_000)).write(to: URL(fileURLWithPath: file))
        let (record, codename) = try intake.submit(TestVault.sample(), attachments: [AttachmentSource(path: file)])
        try vault.reply(to: record, text: "Мы получили.", as: .administrator(administrator))
        // A lawyer's reply too: the return page checks that her grant covers the record.
        let caseID = try vault.createCase(title: "Дело", notes: "", administrator: administrator)
        try vault.assign([record], to: caseID, administrator: administrator)
        let lawyer = Identity()
        try vault.issueGrant(
            case: caseID, to: lawyer.publicKey, permissions: .read, expires: Day.today().adding(days: 30),
            administrator: administrator)
        try vault.reply(to: record, text: "Адвокат.", as: .grantee(lawyer))
        let replies = try Set(intake.replies(codename: codename).map(\.text))
        #expect(replies == ["Мы получили.", "Адвокат."])
        _ = try intake.followUp(TestVault.sample("Ещё."), codename: codename)
        #expect(try vault.open(record, as: .administrator(administrator)).attachments.count == 1)

        // Whatever the intake's password opens, no row can be changed or removed.
        for statement in [
            #"UPDATE "testimony" SET "kind" = 2"#, #"DELETE FROM "testimony""#, #"DELETE FROM "auditEntry""#,
            #"UPDATE "vaultInfo" SET "intakeKey" = ''"#, #"DELETE FROM "blobPiece""#,
            #"UPDATE "grant" SET "revokedDay" = NULL"#,
            #"DELETE FROM "mailbox""#, #"TRUNCATE "mailbox" CASCADE"#, #"DROP TABLE "blob""#,
        ] {
            #expect {
                try TestPostgreSQL.psql(intakeAddress, statement)
            } throws: { "\($0)".contains("permission denied") || "\($0)".contains("must be owner") }
        }
        #expect(try vault.verifyAudit().count == 8)
        // The source closes her mailbox through the intake: its replies go at once, and the log accounts for them.
        #expect(try intake.closeMailbox(codename: codename) == 2)
        #expect(try owner.read { try $0.replyHeaders().count } == 0)
        #expect(try vault.verifyAudit().count == 9)
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

/// A vault made in PostgreSQL by an earlier Amanat (schema revision 2) whose roles exist already.
@Suite("PostgreSQL schema upgrade", .enabled(if: TestPostgreSQL.isAvailable, "needs the cluster `make test` starts"))
struct PostgreSQLUpgradeTests {
    @Test("revisions 3 and 4 need the owner once, say so to the administrator, then give the roles their rights")
    func upgrade() throws {
        let owner = try TestPostgreSQL.freshDatabase()
        let database = try TestPostgreSQL.database(of: owner)
        let t = try TestVault(store: PostgreSQLVaultStore(url: owner))
        let caseID = try t.vault.createCase(title: "t", administrator: t.administrator)
        try TestPostgreSQL.psql(owner, PostgreSQLRoles.script(database: database))
        // As a revision-2 database was: no retention table, roles made without it, an intake that deletes nothing.
        let names = PostgreSQLRoles.names(database: database)
        try TestPostgreSQL.psql(
            owner,
            #"DROP TABLE "caseRetention"; DELETE FROM "amanatSchema" WHERE "revision" >= 3; "#
                + #"REVOKE DELETE ON "reply" FROM "\#(names.intake)""#)
        let administrator = try TestPostgreSQL.address(owner, user: names.administrator)
        #expect {
            try PostgreSQLVaultStore(url: administrator)
        } throws: { error in
            "\(error)".contains("needs schema revision 3, which only the database's owner can add")
        }
        _ = try PostgreSQLVaultStore(url: owner)
        let vault = try Vault.open(
            store: PostgreSQLVaultStore(url: administrator), blobDirectory: t.directory.file("blobs"),
            location: administrator, trust: .administrator(t.administrator.publicKey))
        try vault.setRetention(.until(.today()), for: caseID, administrator: t.administrator)
        #expect(try vault.retention(of: caseID).rule == .until(.today()))
        #expect(
            try TestPostgreSQL.query(owner, #"SELECT relrowsecurity FROM pg_class WHERE relname = 'caseRetention'"#)
                .contains("t"))
        // Revision 4: the intake may delete the replies of a mailbox its source closes.
        #expect(
            try TestPostgreSQL.query(owner, "SELECT has_table_privilege('\(names.intake)', 'reply', 'DELETE')")
                .contains("t"))
    }
}
