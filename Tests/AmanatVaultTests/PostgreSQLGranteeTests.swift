import AmanatCrypto
import AmanatTestSupport
import Foundation
import Synchronization
import Testing

@_spi(Publication) @testable import AmanatVault

/// Expiry and revocation the database enforces: a lawyer's own login (`PostgreSQLRoles.loginScript`) sees
/// the rows of the cases on which she holds a grant valid today and nothing else, even through a client that
/// skips every check (here: the store's reader, and psql).
@Suite("PostgreSQL grantee logins", .enabled(if: TestPostgreSQL.isAvailable, "needs the cluster `make test` starts"))
struct PostgreSQLGranteeTests {
    /// A vault on a fresh database with its roles made, two records in two cases, and a reply to each.
    struct Setting {
        let t: TestVault
        let owner: String
        let database: String
        let records: [Testimony.ID]
        let cases: [Case.ID]
        let codenames: [Codename]

        init() throws {
            owner = try TestPostgreSQL.freshDatabase()
            database = try TestPostgreSQL.database(of: owner)
            t = try TestVault(store: PostgreSQLVaultStore(url: owner))
            try TestPostgreSQL.psql(owner, PostgreSQLRoles.script(database: database))
            let first = try t.submit("Мой сын Ахмед ушёл 14 марта 2002 года.")
            let second = try t.submit("Мой брат Руслан пропал 3 мая 2001 года.")
            records = [first.0, second.0]
            codenames = [first.1, second.1]
            cases = [try t.makeCase([first.0], title: "Одно"), try t.makeCase([second.0], title: "Два")]
            for record in records {
                try t.vault.reply(to: record, text: "Получили.", as: .administrator(t.administrator))
            }
        }

        /// `lawyer`'s own login, made with the script `amanat grant login` writes; its address. Logins belong
        /// to the whole cluster, so the name gets the database's.
        func login(_ lawyer: String, for identity: Identity) throws -> String {
            let name = database + "_" + lawyer
            try TestPostgreSQL.psql(
                owner,
                PostgreSQLRoles.loginScript(
                    database: database, login: name, signingKey: identity.publicKey.signing.rawRepresentation))
            return try TestPostgreSQL.address(owner, user: name)
        }

        /// The vault as the lawyer's program opens it with her login.
        func vault(at address: String, knownVaults: KnownVaults? = nil) throws -> Vault {
            try Vault.open(
                store: PostgreSQLVaultStore(url: address), blobDirectory: t.directory.file("blobs"), location: address,
                trust: VaultTrust(administrator: t.administrator.publicKey, knownVaults: knownVaults))
        }

        /// Makes `lawyer`'s grants end yesterday, as the days passing would (written by the database's owner:
        /// the signature no longer matches, which only the client checks).
        func expire(_ lawyer: Identity) throws {
            try TestPostgreSQL.psql(
                owner,
                #"UPDATE "grant" SET "expiresDay" = '\#(Day.today().adding(days: -1))' "#
                    + #"WHERE "granteeSigningKey" = '\x\#(Hex.encode(lawyer.publicKey.signing.rawRepresentation))'"#)
        }

        /// How many rows of each protected table `address` sees, read with psql (a client that checks nothing).
        func visible(at address: String) throws -> [String: Int] {
            var counts: [String: Int] = [:]
            for table in ["testimony", "caseRecord", "caseFile", "mailbox", "reply", "grant"] {
                counts[table] = Int(try TestPostgreSQL.query(address, #"SELECT count(*) FROM "\#(table)""#))
            }
            return counts
        }
    }

    @Test("a lawyer's login sees her case only, and nothing once her grant expires")
    func expiry() throws {
        let s = try Setting()
        let (maria, other) = (Identity(), Identity())
        try s.t.grant(s.cases[0], to: maria)
        try s.t.grant(s.cases[1], to: other)
        // The other lawyer signs an audit entry: Maria's program must still verify the whole chain.
        try s.t.vault.reply(to: s.records[1], text: "Адвокат.", as: .grantee(other))
        let address = try s.login("maria", for: maria)
        let folder = try TemporaryDirectory()
        let vault = try s.vault(at: address, knownVaults: KnownVaults(path: folder.file("known-vaults")))

        #expect(try vault.open(s.records[0], as: .grantee(maria)).statement.contains("Ахмед"))
        #expect(throws: AmanatVaultError.recordNotFound(s.records[1].description)) {
            try vault.open(s.records[1], as: .grantee(maria))
        }
        _ = try vault.reply(to: s.records[0], text: "Я адвокат.", as: .grantee(maria))
        #expect(try s.t.vault.replies(codename: s.codenames[0]).count == 2)
        // Two grants: hers and the other lawyer's (whose signature is in the audit chain).
        #expect(
            try s.visible(at: address)
                == ["testimony": 1, "caseRecord": 1, "caseFile": 1, "mailbox": 1, "reply": 2, "grant": 2])
        #expect(throws: (any Error).self) { try TestPostgreSQL.query(address, #"SELECT * FROM "caseKey""#) }
        #expect(throws: (any Error).self) { try TestPostgreSQL.query(address, #"SELECT * FROM "granteeLogin""#) }
        // The same reads as the administrator's role: the counts above are the rules at work.
        let administrator = try TestPostgreSQL.address(
            s.owner, user: PostgreSQLRoles.names(database: s.database).administrator)
        #expect(
            try s.visible(at: administrator)
                == ["testimony": 2, "caseRecord": 2, "caseFile": 2, "mailbox": 2, "reply": 4, "grant": 2])

        // Her grant's last day passes.
        try s.expire(maria)
        #expect(
            try s.visible(at: address)
                == ["testimony": 0, "caseRecord": 0, "caseFile": 0, "mailbox": 0, "reply": 0, "grant": 1])
        // A client that skips every check finds nothing to decrypt either.
        let store = try PostgreSQLVaultStore(url: address)
        let (record, caseID) = (Data(s.records[0].rawValue), Data(s.cases[0].rawValue))
        let found = try store.read { reader in
            try (
                reader.testimony(record), reader.caseRecords(caseID: caseID), reader.grants(caseID: caseID),
                reader.caseTerms(caseID: caseID)
            )
        }
        #expect(found.0 == nil && found.1.isEmpty && found.2.isEmpty && found.3 == nil)
        #expect(throws: AmanatVaultError.recordNotFound(s.records[0].description)) {
            try s.vault(at: address).open(s.records[0], as: .grantee(maria))
        }
        // Nor can she add a reply to the mailbox she no longer sees.
        let mailbox = try TestPostgreSQL.query(
            s.owner,
            #"SELECT encode("mailboxID", 'hex') FROM "testimony" WHERE "id" = '\x\#(Hex.encode(Array(record)))'"#)
        #expect {
            try TestPostgreSQL.psql(
                address, #"INSERT INTO "reply" VALUES ('\x00', '\x\#(mailbox)', '2026-12-03', '\x00')"#)
        } throws: { "\($0)".contains("row-level security") }
    }

    @Test("an editor's own login lists terms (written, then rewritten) and publishes within her case")
    func editorLogin() throws {
        let s = try Setting()
        let editor = Identity()
        try s.t.grant(s.cases[0], to: editor, permissions: .readAndPublish)
        let vault = try s.vault(at: try s.login("editor", for: editor))
        for terms in [[CaseTermsTests.son], [CaseTermsTests.son, CaseTermsTests.town]] {
            try vault.setCaseTerms(terms, for: s.cases[0], as: .grantee(editor))
        }
        #expect(try s.t.vault.caseTerms(s.cases[0], as: .administrator(s.t.administrator)).count == 2)
        let projection = try vault.publish(
            PublicationTests.draft(), from: s.records[0], case: s.cases[0], plan: PublicationTests.plan,
            publisher: editor)
        #expect(try s.t.vault.projections(case: s.cases[0]) == [projection])
        #expect(throws: (any Error).self) {
            try vault.setCaseTerms([CaseTermsTests.son], for: s.cases[1], as: .grantee(editor))
        }
        #expect(try s.t.vault.verifyAudit().count > 0)
    }

    @Test("revocation: once `revoke` returns, the revoked login opens nothing, even while it was opening")
    func revocationRacingOpen() throws {
        let s = try Setting()
        let (maria, other) = (Identity(), Identity())
        let grant = try s.t.grant(s.cases[0], to: maria)
        try s.t.grant(s.cases[0], to: other)
        let address = try s.login("maria", for: maria)
        let vault = try s.vault(at: address)
        let record = s.records[0]
        let (administration, administrator) = (s.t.vault, s.t.administrator)
        let revoked = Mutex(false)
        let afterRevocation = Mutex<[String]>([])
        let opened = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            if worker == 1 {
                Thread.sleep(forTimeInterval: 0.2)
                do {
                    try administration.revoke(grant, administrator: administrator)
                    revoked.withLock { $0 = true }
                } catch {
                    afterRevocation.withLock { $0.append("revoke failed: \(error)") }
                }
                return
            }
            for _ in 0..<400 {
                let wasRevoked = revoked.withLock { $0 }
                do {
                    _ = try vault.open(record, as: .grantee(maria))
                    opened.add(1, ordering: .relaxed)
                    if wasRevoked { afterRevocation.withLock { $0.append("opened after revoke returned") } }
                } catch {
                    if !wasRevoked && !revoked.withLock({ $0 }) {
                        afterRevocation.withLock { $0.append("refused before the revocation: \(error)") }
                    }
                }
                if wasRevoked { break }
            }
        }
        #expect(revoked.withLock { $0 })
        #expect(afterRevocation.withLock { $0 }.isEmpty)
        #expect(opened.load(ordering: .relaxed) > 0)
        // The database shows her nothing of the case; the other lawyer keeps it under the new key.
        #expect(
            try s.visible(at: address)
                == ["testimony": 0, "caseRecord": 0, "caseFile": 0, "mailbox": 0, "reply": 0, "grant": 2])
        let otherVault = try s.vault(at: try s.login("other_lawyer", for: other))
        #expect(try otherVault.open(s.records[0], as: .grantee(other)).statement.contains("Ахмед"))
    }

    @Test("a login with no lawyer named, and a session's time zone, open nothing more")
    func unnamedLoginAndTimeZone() throws {
        let s = try Setting()
        let (maria, late) = (Identity(), Identity())
        try s.t.grant(s.cases[0], to: maria, days: 0)
        try s.t.grant(s.cases[1], to: late, days: 0)
        try s.expire(late)
        let names = PostgreSQLRoles.names(database: s.database)
        let unnamed = s.database + "_stranger"
        try TestPostgreSQL.psql(s.owner, #"CREATE ROLE "\#(unnamed)" LOGIN IN ROLE "\#(names.grantee)""#)
        let stranger = try TestPostgreSQL.address(s.owner, user: unnamed)
        #expect(
            try s.visible(at: stranger)
                == ["testimony": 0, "caseRecord": 0, "caseFile": 0, "mailbox": 0, "reply": 0, "grant": 0])
        // Maria's grant's last day is today (UTC), the other's was yesterday: a session clock set fourteen
        // hours ahead (where tomorrow may have begun) or twelve behind (where it may still be yesterday) changes
        // nothing the database decides. Between them the two catch a clock read in the session's zone at any hour.
        let (address, lateAddress) = (try s.login("maria", for: maria), try s.login("late", for: late))
        for zone in ["Etc/GMT-14", "Etc/GMT+12", "UTC"] {
            let query = #"SET TIME ZONE '\#(zone)'; SELECT count(*) FROM "testimony""#
            #expect(try TestPostgreSQL.query(address, query) == "1", "time zone \(zone)")
            #expect(try TestPostgreSQL.query(lateAddress, query) == "0", "time zone \(zone)")
        }
        #expect(PostgreSQLRoles.isAcceptableLogin("maria_2"))
        for bad in ["", "2maria", "ma-ria", "ma\"ria", "мария", String(repeating: "a", count: 64)] {
            #expect(!PostgreSQLRoles.isAcceptableLogin(bad), "\(bad)")
        }
    }
}
