import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@_spi(Publication) @testable import AmanatVault

/// Taking something away from a lawyer must stick even against someone who can edit the database's
/// unsigned columns, and a projection counts only if its editor could publish on its day.
@Suite("Downgrades that stick")
struct DowngradeTests {
    /// A vault on disk with one record in a case and a lawyer granted read and publish for 90 days.
    struct Scene {
        let t: TestVault
        let record: Testimony.ID
        let caseID: Case.ID
        let lawyer = Identity()
        let generous: Grant.ID

        init() throws {
            t = try TestVault(onDisk: true)
            (record, _) = try t.submit()
            caseID = try t.makeCase([record])
            generous = try t.grant(caseID, to: lawyer, days: 90, permissions: .readAndPublish)
        }

        func sql(_ statement: String, _ arguments: StatementArguments = []) throws {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            let database = try DatabaseQueue(path: t.directory.file("vault/vault.sqlite"), configuration: configuration)
            try database.write { db in try db.execute(sql: statement, arguments: arguments) }
        }

        /// What an intruder does to undo a downgrade: the old, generous grant (its signature still valid)
        /// becomes current again, and the new one is hidden behind it.
        func undo(_ reduced: Grant.ID) throws {
            try sql(
                #"UPDATE "grant" SET revokedDay = NULL, supersededBy = NULL WHERE id = ?"#, [Data(generous.rawValue)])
            try sql(
                #"UPDATE "grant" SET supersededBy = ? WHERE id = ?"#, [Data(generous.rawValue), Data(reduced.rawValue)])
        }
    }

    @Test("removing the publish permission rotates the case key: the old grant, put back, publishes nothing")
    func publishRemoved() throws {
        let s = try Scene()
        let before = try s.t.vault.caseDetails(s.caseID, as: .administrator(s.t.administrator))
        let reduced = try s.t.grant(s.caseID, to: s.lawyer, days: 90, permissions: .read)
        #expect(try s.t.vault.grants(case: s.caseID).first { $0.id == s.generous }?.status == .revoked(Day.today()))
        #expect(
            try s.t.vault.caseDetails(s.caseID, as: .administrator(s.t.administrator)).keyVersion == before.keyVersion
                + 1)
        // She still reads with the reduced grant, but cannot publish.
        _ = try s.t.vault.open(s.record, as: .grantee(s.lawyer))
        #expect(throws: AmanatVaultError.self) { try s.t.vault.pseudonymKey(case: s.caseID, as: .grantee(s.lawyer)) }
        _ = try s.t.vault.verifyAudit()
        try s.undo(reduced)
        #expect(throws: AmanatVaultError.self) { try s.t.vault.verifyAudit() }
        #expect(throws: AmanatVaultError.self) { try s.t.vault.pseudonymKey(case: s.caseID, as: .grantee(s.lawyer)) }
        #expect(throws: AmanatVaultError.self) {
            try s.t.vault.publish(
                PublicationTests.draft(), from: s.record, case: s.caseID, plan: PublicationTests.plan,
                publisher: s.lawyer)
        }
    }

    @Test("shortening the expiry rotates the case key: the old grant, put back, opens nothing after the new last day")
    func expiryShortened() throws {
        let s = try Scene()
        let reduced = try s.t.grant(s.caseID, to: s.lawyer, days: 5, permissions: .readAndPublish)
        let later = Day.today().adding(days: 30)
        #expect(throws: AmanatVaultError.self) { try s.t.vault.open(s.record, as: .grantee(s.lawyer), today: later) }
        try s.undo(reduced)
        #expect(throws: AmanatVaultError.self) { try s.t.vault.open(s.record, as: .grantee(s.lawyer), today: later) }
    }

    @Test("a longer grant or an added permission is no downgrade: no rotation")
    func upgrade() throws {
        let s = try Scene()
        let version = try s.t.vault.caseDetails(s.caseID, as: .administrator(s.t.administrator)).keyVersion
        try s.t.grant(s.caseID, to: s.lawyer, days: 120, permissions: .readAndPublish)
        #expect(try s.t.vault.caseDetails(s.caseID, as: .administrator(s.t.administrator)).keyVersion == version)
        #expect(try s.t.vault.grants(case: s.caseID).first { $0.id == s.generous }?.status == .superseded)
    }

    @Test("a projection re-dated by its editor to after her grant was revoked is refused")
    func projectionAfterRevocation() throws {
        let s = try Scene()
        let projection = try s.t.vault.publish(
            PublicationTests.draft(), from: s.record, case: s.caseID,
            plan: PublicationTests.plan, publisher: s.lawyer)
        try s.t.vault.revoke(s.generous, administrator: s.t.administrator)
        #expect(try s.t.vault.projections(case: s.caseID) == [projection], "published while the grant was valid")
        // She still holds her own key: she signs the same projection with a day after her revocation.
        var redated = projection
        redated.published = Day.today().adding(days: 1)
        redated.signature = Base64URL.encode(s.lawyer.signingKey.signature(for: try redated.signedStatement()))
        try s.sql(
            "UPDATE projection SET publishedDay = ?, signature = ? WHERE id = ?",
            [
                redated.published.description, Data(try Base64URL.decode(redated.signature)),
                Data(projection.id.rawValue),
            ])
        try redated.verify(signedBy: s.lawyer.publicKey.signing)
        #expect(throws: AmanatVaultError.self) { try s.t.vault.projections(case: s.caseID) }
        // Dated before her grant was issued: refused too.
        redated.published = Day.today().adding(days: -3)
        redated.signature = Base64URL.encode(s.lawyer.signingKey.signature(for: try redated.signedStatement()))
        try s.sql(
            "UPDATE projection SET publishedDay = ?, signature = ? WHERE id = ?",
            [
                redated.published.description, Data(try Base64URL.decode(redated.signature)),
                Data(projection.id.rawValue),
            ])
        #expect(throws: AmanatVaultError.self) { try s.t.vault.projections(case: s.caseID) }
    }
}
