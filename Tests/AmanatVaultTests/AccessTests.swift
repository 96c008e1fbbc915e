import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

@Suite("Who can open what")
struct AccessTests {
    @Test("the administrator opens every record; the storing side needs only public keys to submit")
    func administratorOpens() throws {
        let t = try TestVault()
        let (id, _) = try t.submit()
        let opened = try t.vault.open(id, as: .administrator(t.administrator))
        #expect(opened == TestVault.sample())
        #expect(throws: AmanatVaultError.notAdministrator) { try t.vault.open(id, as: .administrator(Identity())) }
        let inbox = try t.vault.inbox()
        #expect(inbox.map(\.id) == [id])
        #expect(inbox[0].language == "ru" && inbox[0].sizeBucket == SizeBucket.bucket(for: inbox[0].sizeBucket))
    }

    @Test("a grantee opens her case's records; a non-grantee and a grantee of another case cannot")
    func granteesAndStrangers() throws {
        let t = try TestVault()
        let (a, _) = try t.submit("A")
        let (b, _) = try t.submit("B")
        let caseA = try t.makeCase([a], title: "case A")
        let caseB = try t.makeCase([b], title: "case B")
        let lawyerA = Identity()
        let lawyerB = Identity()
        let stranger = Identity()
        try t.grant(caseA, to: lawyerA)
        try t.grant(caseB, to: lawyerB)

        #expect(try t.vault.open(a, as: .grantee(lawyerA)).statement == "A")
        #expect(try t.vault.caseDetails(caseA, as: .grantee(lawyerA)).title == "case A")
        #expect(throws: AmanatVaultError.accessDenied("record \(b)")) { try t.vault.open(b, as: .grantee(lawyerA)) }
        #expect(throws: AmanatVaultError.self) { try t.vault.caseDetails(caseB, as: .grantee(lawyerA)) }
        #expect(throws: AmanatVaultError.accessDenied("record \(a)")) { try t.vault.open(a, as: .grantee(stranger)) }
        // A record in no case is closed to every grantee.
        let (loose, _) = try t.submit("loose")
        #expect(throws: AmanatVaultError.accessDenied("record \(loose)")) {
            try t.vault.open(loose, as: .grantee(lawyerA))
        }
        // The grantee's signing key alone is not enough: both halves of the identity must match.
        let impostor = Identity(encryptionKey: X25519.PrivateKey(), signingKey: lawyerA.signingKey)
        #expect(throws: AmanatVaultError.self) { try t.vault.open(a, as: .grantee(impostor)) }
    }

    @Test("an expired grant is refused, naming the day it ended")
    func expiry() throws {
        let t = try TestVault()
        let (id, _) = try t.submit()
        let caseID = try t.makeCase([id])
        let lawyer = Identity()
        let grant = try t.grant(caseID, to: lawyer, days: 10)
        let lastDay = Day.today().adding(days: 10)
        #expect(try t.vault.open(id, as: .grantee(lawyer), today: lastDay).statement == TestVault.sample().statement)
        #expect(throws: AmanatVaultError.grantExpired(grant: grant.description, day: lastDay.description)) {
            try t.vault.open(id, as: .grantee(lawyer), today: lastDay.adding(days: 1))
        }
        #expect(try t.vault.grants(today: lastDay.adding(days: 1)).map(\.status) == [.expired])
        #expect(throws: AmanatVaultError.self) {
            try t.vault.issueGrant(
                case: caseID, to: lawyer.publicKey, expires: Day.today().adding(days: -1),
                administrator: t.administrator)
        }
    }

    @Test("after revocation the old grantee opens nothing: not the old records, not records added later")
    func revocation() throws {
        let t = try TestVault()
        let (first, _) = try t.submit("first")
        let caseID = try t.makeCase([first])
        let revokedLawyer = Identity()
        let keptLawyer = Identity()
        let revokedGrant = try t.grant(caseID, to: revokedLawyer)
        try t.grant(caseID, to: keptLawyer)
        #expect(try t.vault.open(first, as: .grantee(revokedLawyer)).statement == "first")

        // She had the version-1 case key; keep it to show it no longer opens anything.
        let oldCaseKey = try t.vault.store.read { (reader: any VaultReader) throws in
            try t.vault.validGrant(caseID: Data(caseID.rawValue), grantee: revokedLawyer, today: .today(), reader).1
        }
        try t.vault.revoke(revokedGrant, administrator: t.administrator)
        let (later, _) = try t.submit("later")
        try t.vault.assign([later], to: caseID, administrator: t.administrator)

        let revokedDay = Day.today().description
        #expect(throws: AmanatVaultError.grantRevoked(grant: revokedGrant.description, day: revokedDay)) {
            try t.vault.open(first, as: .grantee(revokedLawyer))
        }
        #expect(throws: AmanatVaultError.grantRevoked(grant: revokedGrant.description, day: revokedDay)) {
            try t.vault.open(later, as: .grantee(revokedLawyer))
        }
        // Even holding the old case key, the re-wrapped record keys (version 2) do not open with it.
        try t.vault.store.read { (reader: any VaultReader) throws in
            for membership in try reader.caseRecords(caseID: Data(caseID.rawValue)) {
                #expect(membership.keyVersion == 2)
                #expect(throws: AmanatVaultError.self) { try t.vault.unwrapRecordKey(membership, caseKey: oldCaseKey) }
            }
        }
        // The remaining grantee was carried over to the new key version and opens both.
        #expect(try t.vault.open(first, as: .grantee(keptLawyer)).statement == "first")
        #expect(try t.vault.open(later, as: .grantee(keptLawyer)).statement == "later")
        #expect(try t.vault.caseDetails(caseID, as: .grantee(keptLawyer)).keyVersion == 2)
        let statuses = try t.vault.grants(case: caseID).map(\.status)
        #expect(statuses.filter { $0 == .active }.count == 1)
        #expect(statuses.contains(.superseded) && statuses.contains(.revoked(.today())))
        #expect(try t.vault.verifyAudit().count > 0)
    }

    @Test("revoking by fingerprint, and a grant costs the same whatever the case size")
    func revokeByFingerprint() throws {
        let t = try TestVault()
        let ids = try (0..<20).map { try t.submit("record \($0)").0 }
        let caseID = try t.makeCase(ids)
        let lawyer = Identity()
        try t.grant(caseID, to: lawyer)
        // A grant seals one case key: its row does not depend on the number of records.
        let grantRow = try t.vault.store.read { try $0.grants(caseID: Data(caseID.rawValue)) }.first!
        #expect(grantRow.sealedCaseKey.count == SymmetricKey.size + SealedBox.overhead)
        #expect(
            try t.vault.revoke(case: caseID, grantee: lawyer.publicKey.fingerprint, administrator: t.administrator) == 1
        )
        #expect(try t.vault.cases().first?.keyVersion == 2)
        #expect(throws: AmanatVaultError.self) {
            try t.vault.revoke(case: caseID, grantee: lawyer.publicKey.fingerprint, administrator: t.administrator)
        }
        #expect(throws: AmanatVaultError.self) { try t.vault.open(ids[0], as: .grantee(lawyer)) }
        #expect(try t.vault.open(ids[19], as: .administrator(t.administrator)).statement == "record 19")
    }

    @Test("only the administrator creates cases, assigns and grants")
    func administratorOnly() throws {
        let t = try TestVault()
        let (id, _) = try t.submit()
        let caseID = try t.makeCase([id])
        let lawyer = Identity()
        #expect(throws: AmanatVaultError.notAdministrator) { try t.vault.createCase(title: "x", administrator: lawyer) }
        #expect(throws: AmanatVaultError.notAdministrator) {
            try t.vault.assign([id], to: caseID, administrator: lawyer)
        }
        #expect(throws: AmanatVaultError.notAdministrator) {
            try t.vault.issueGrant(
                case: caseID, to: lawyer.publicKey, expires: Day.today().adding(days: 1), administrator: lawyer)
        }
        #expect(throws: AmanatVaultError.self) {
            try t.vault.assign([id], to: Case.ID(), administrator: t.administrator)
        }
        #expect(throws: AmanatVaultError.self) {
            try t.vault.assign([Testimony.ID()], to: caseID, administrator: t.administrator)
        }
    }

    @Test("a second grant to the same lawyer replaces the first; revoking her leaves nothing current")
    func regrant() throws {
        let t = try TestVault()
        let (id, _) = try t.submit()
        let caseID = try t.makeCase([id])
        let lawyer = Identity()
        let colleague = Identity()
        let first = try t.grant(caseID, to: lawyer, days: 5)
        let second = try t.grant(caseID, to: lawyer, days: 60, permissions: .readAndPublish)
        try t.grant(caseID, to: colleague)
        let mine = try t.vault.grants(case: caseID).filter { $0.grantee == lawyer.publicKey }
        #expect(mine.first { $0.id == first }?.status == .superseded)
        #expect(mine.first { $0.id == second }?.status == .active)
        #expect(
            try t.vault.open(id, as: .grantee(lawyer), today: Day.today().adding(days: 30)).statement
                == TestVault.sample().statement)
        #expect(throws: AmanatVaultError.self) { try t.vault.revoke(first, administrator: t.administrator) }

        #expect(
            try t.vault.revoke(case: caseID, grantee: lawyer.publicKey.fingerprint, administrator: t.administrator) == 1
        )
        let after = try t.vault.grants(case: caseID)
        #expect(!after.contains { $0.grantee == lawyer.publicKey && $0.status == .active })
        #expect(after.contains { $0.grantee == colleague.publicKey && $0.status == .active && $0.keyVersion == 2 })
        #expect(throws: AmanatVaultError.self) { try t.vault.open(id, as: .grantee(lawyer)) }
        #expect(try t.vault.open(id, as: .grantee(colleague)).statement == TestVault.sample().statement)
        #expect(try t.vault.cases().first?.keyVersion == 2)
        _ = try t.vault.verifyAudit()
    }
}
