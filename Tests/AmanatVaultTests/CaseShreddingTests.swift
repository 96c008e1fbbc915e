import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@_spi(Publication) @testable import AmanatVault

/// Shredding a whole case (Docs/format.md §8.27): its records filed nowhere else go as records do, its own
/// secrets go, and a husk stays that the audit log accounts for.
@Suite("Shredding a case")
struct CaseShreddingTests {
    /// A case holding a source's record (with an attachment) and another record also filed in a second case;
    /// a lawyer of the case replied about the second record and published from the first; the case has a term
    /// list and a retention policy.
    struct Scene {
        let t: TestVault
        let lawyer = Identity()
        let first: Testimony.ID, other: Testimony.ID
        let otherCodename: Codename
        let caseID: Case.ID, keeper: Case.ID
        let projection: Projection.ID

        init() throws {
            t = try TestVault(onDisk: true)
            (first, _) = try t.submit(
                TestVault.sample("first"),
                attachments: [AttachmentSource(path: t.file("scan.bin", SecureRandom.bytes(40_000)))])
            (other, otherCodename) = try t.submit(TestVault.sample("other"))
            caseID = try t.makeCase([first, other])
            keeper = try t.makeCase([other], title: "Другое дело")
            try t.grant(caseID, to: lawyer, permissions: .readAndPublish)
            try t.vault.reply(to: other, text: "from the case's lawyer", as: .grantee(lawyer))
            try t.vault.setCaseTerms(
                [CaseTerm(text: "Ахмед Хакиев", kind: .person)], for: caseID, as: .grantee(lawyer))
            try t.vault.setRetention(.until(Day.today().adding(days: 90)), for: caseID, administrator: t.administrator)
            let draft = ProjectionDraft(
                caseLabel: "Case 14", language: "ru", period: "2002", text: "Сын [Person KX].")
            projection = try t.vault.publish(
                draft, from: first, case: caseID, plan: Array(#"{"spans":[]}"#.utf8), publisher: lawyer
            ).id
        }

        /// The case's own stored secrets: title, pseudonym key, key copies, grants' copies, the wrapping of the
        /// kept record's key under it, and its term list.
        func secrets() throws -> [Data] {
            let id = Data(caseID.rawValue)
            return try t.vault.store.read { (reader: any VaultReader) throws -> [Data] in
                let row = try #require(try reader.caseFile(id))
                var found = [row.title, try #require(row.pseudonymKey)]
                found.append(try #require(try reader.caseKey(caseID: id, version: 1)).sealedForAdministrator)
                found += try reader.grants(caseID: id).map(\.sealedCaseKey)
                found.append(try #require(try reader.caseRecord(caseID: id, recordID: Data(other.rawValue))).wrappedKey)
                found.append(try #require(try reader.caseTerms(caseID: id)).sealed)
                return found
            }
        }
    }

    @Test("a shredded case leaves none of its secrets in any file; its other records stay, and the log verifies")
    func nothingLeft() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        let secrets = try scene.secrets()
        #expect(secrets.count == 6)
        func files() throws -> [String] {
            try ShreddingTests.Scene.filesHolding(secrets, under: scene.t.directory.file("vault"))
        }
        #expect(try !files().isEmpty)
        let planned = try vault.caseShredSummary(scene.caseID, administrator: scene.t.administrator)
        #expect(planned.records.map(\.record) == [scene.first] && planned.kept == [scene.other])
        #expect(planned.grants == 1 && planned.projectionsKept == 1)
        let done = try vault.shredCase(scene.caseID, administrator: scene.t.administrator)
        #expect(done == planned)
        #expect(try files() == [])

        // The case's tombstone, then its record's.
        let entries = try vault.store.read { try $0.auditEntries(from: 1) }.suffix(2)
        #expect(entries.map(\.action) == ["case.shred", "record.shred"])
        let entry = try #require(entries.first)
        #expect(entry.objects == Hex.encode(scene.caseID.rawValue))
        let shredded = AmanatVaultError.shredded(
            what: "case \(scene.caseID)", day: Day.today().description, sequence: entry.sequence)
        let admin = Accessor.administrator(scene.t.administrator)
        #expect(throws: shredded) { try vault.caseDetails(scene.caseID, as: admin) }
        #expect(throws: shredded) { try vault.caseDetails(scene.caseID, as: .grantee(scene.lawyer)) }
        #expect(throws: shredded) {
            try vault.assign([scene.other], to: scene.caseID, administrator: scene.t.administrator)
        }
        #expect(throws: shredded) { try scene.t.grant(scene.caseID, to: Identity()) }
        #expect(throws: shredded) { try vault.shredCase(scene.caseID, administrator: scene.t.administrator) }
        #expect(try vault.cases().map(\.id) == [scene.keeper])
        #expect(try vault.tombstones().keys.contains(scene.first))
        // The record kept elsewhere opens there, not through the shredded case; the source still reads the reply
        // its lawyer wrote while the case existed.
        #expect(try vault.open(scene.other, as: admin).statement == "other")
        #expect(throws: AmanatVaultError.self) { try vault.open(scene.other, as: .grantee(scene.lawyer)) }
        #expect(try vault.caseDetails(scene.keeper, as: admin).records == [scene.other])
        #expect(try vault.replies(codename: scene.otherCodename).map(\.text) == ["from the case's lawyer"])
        #expect(try vault.projections(case: scene.caseID).map(\.id) == [scene.projection])
        #expect(try vault.retentionPolicies().keys.sorted { $0.description < $1.description } == [scene.keeper])
        _ = try vault.runRetention(administrator: scene.t.administrator, dryRun: true)
        #expect(try vault.verifyAudit().count == entry.sequence + 1)
    }

    @Test("a husk's title, a key copy, a grant's copy or the term list put back is reported against the tombstone")
    func putBack() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        let id = Data(scene.caseID.rawValue)
        let (row, key, grant, terms) = try vault.store.read { reader in
            (
                try #require(try reader.caseFile(id)), try #require(try reader.caseKey(caseID: id, version: 1)),
                try #require(try reader.grants(caseID: id).first), try #require(try reader.caseTerms(caseID: id))
            )
        }
        try vault.shredCase(scene.caseID, administrator: scene.t.administrator)
        let sequence = try #require(try vault.store.read { try $0.auditEntries(action: "case.shred") }.first).sequence
        let puttings: [(String, (any VaultWriter) throws -> Void)] = [
            ("its title or pseudonym key is still there", { try $0.update(row) }),
            ("key version 1 of case", { try $0.insert(key) }),
            ("still holds a copy of the key", { try $0.update(grant) }),
            ("the term list of case", { try $0.save(terms) }),
        ]
        for (message, put) in puttings {
            let before = try vault.store.read { reader in
                (try reader.caseFile(id), try reader.grants(caseID: id))
            }
            try vault.store.write(put)
            #expect(throws: AmanatVaultError.self, "\(message)") { try vault.verifyAudit() }
            do {
                _ = try vault.verifyAudit()
            } catch AmanatVaultError.auditMismatch(let text) {
                #expect(text.contains(message) && text.contains("audit entry \(sequence)"), "\(text)")
            }
            // Back to the husk for the next case.
            try vault.store.write { writer in
                try writer.update(try #require(before.0))
                for grant in before.1 { try writer.update(grant) }
                try writer.delete(.caseKeys, id: id)
                try writer.delete(.caseTerms, id: id)
            }
            _ = try vault.verifyAudit()
        }
    }

    @Test("a case emptied to look shredded, without a tombstone, is refused as damaged and fails the audit check")
    func fakeHusk() throws {
        let t = try TestVault()
        let caseID = try t.makeCase([try t.submit().0])
        try t.vault.store.write { writer in
            var row = try #require(try writer.caseFile(Data(caseID.rawValue)))
            row.title = Data()
            try writer.update(row)
        }
        #expect(throws: AmanatVaultError.self) { try t.vault.caseDetails(caseID, as: .administrator(t.administrator)) }
        #expect { try t.vault.verifyAudit() } throws: { error in
            guard case AmanatVaultError.auditMismatch(let message) = error else { return false }
            return message.contains("has an empty title") && message.contains("no case.shred entry")
        }
    }

    @Test("a case with nothing filed only in it is shredded alone; only the administrator shreds")
    func alone() throws {
        let t = try TestVault()
        let (record, _) = try t.submit()
        let caseID = try t.makeCase([record])
        let keeper = try t.makeCase([record])
        #expect(throws: AmanatVaultError.notAdministrator) { try t.vault.shredCase(caseID, administrator: Identity()) }
        let done = try t.vault.shredCase(caseID, administrator: t.administrator)
        #expect(done.records.isEmpty && done.kept == [record] && done.grants == 0)
        #expect(try t.vault.inbox().map(\.cases) == [[keeper]])
        let unknown = Case.ID()
        #expect(throws: AmanatVaultError.caseNotFound(unknown.description)) {
            try t.vault.shredCase(unknown, administrator: t.administrator)
        }
        _ = try t.vault.verifyAudit()
    }
}
