import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@_spi(Publication) @testable import AmanatVault

@Suite("Publishing projections")
struct PublicationTests {
    static let plan = Array(#"{"format":"amanat-redaction-plan","spans":[{"text":"Ахмед"}]}"#.utf8)
    static func draft(_ text: String = "Мой сын [Person KX] ушёл в [March 2002].") -> ProjectionDraft {
        ProjectionDraft(caseLabel: "Case 14", language: "ru", period: "2026-11", text: text)
    }

    @Test(
        "an editor with the publish permission publishes a signed projection; its plan is kept encrypted; the audit log names her"
    )
    func publish() throws {
        let t = try TestVault()
        let (record, _) = try t.submit()
        let caseID = try t.makeCase([record])
        let editor = Identity()
        try t.grant(caseID, to: editor, permissions: .readAndPublish)
        let projection = try t.vault.publish(
            Self.draft(), from: record, case: caseID, plan: Self.plan, publisher: editor)
        try projection.verify(signedBy: editor.publicKey.signing)
        #expect(throws: AmanatVaultError.self) { try projection.verify(signedBy: Identity().publicKey.signing) }
        #expect(try t.vault.projections(case: caseID) == [projection])
        #expect(try t.vault.projections() == [projection])
        // The plan opens for whoever can open the record, and for no one else.
        #expect(Array(try t.vault.plan(of: projection.id, as: .grantee(editor)).unprotectedString().utf8) == Self.plan)
        #expect(
            Array(try t.vault.plan(of: projection.id, as: .administrator(t.administrator)).unprotectedString().utf8)
                == Self.plan)
        #expect(throws: AmanatVaultError.self) { try t.vault.plan(of: projection.id, as: .grantee(Identity())) }
        let sealed = try t.vault.store.read { try $0.plan(projectionID: Data(projection.id.rawValue)) }!.sealed
        #expect(sealed.range(of: Data("Ахмед".utf8)) == nil)
        // Audit: the editor's entry verifies.
        let entries = try t.vault.store.read { try $0.auditEntries() }
        #expect(entries.last?.action == "projection.publish")
        #expect(entries.last?.actor == Data(editor.publicKey.signing.rawRepresentation))
        _ = try t.vault.verifyAudit()
    }

    @Test("a read-only grant, no grant, a record outside the case and a bad draft are refused, and nothing is stored")
    func refusals() throws {
        let t = try TestVault()
        let (record, _) = try t.submit()
        let (other, _) = try t.submit("other")
        let caseID = try t.makeCase([record])
        let reader = Identity()
        let editor = Identity()
        try t.grant(caseID, to: reader)
        try t.grant(caseID, to: editor, permissions: .readAndPublish)
        #expect {
            try t.vault.publish(Self.draft(), from: record, case: caseID, plan: Self.plan, publisher: reader)
        } throws: {
            if case .permissionDenied = $0 as? AmanatVaultError { return true } else { return false }
        }
        #expect(throws: AmanatVaultError.accessDenied("case \(caseID)")) {
            try t.vault.publish(Self.draft(), from: record, case: caseID, plan: Self.plan, publisher: Identity())
        }
        #expect(throws: AmanatVaultError.self) {
            try t.vault.publish(Self.draft(), from: other, case: caseID, plan: Self.plan, publisher: editor)
        }
        for bad in [
            ProjectionDraft(caseLabel: "", language: "ru", period: "2026-11", text: "x"),
            ProjectionDraft(caseLabel: "C", language: "de", period: "2026-11", text: "x"),
            ProjectionDraft(caseLabel: "C", language: "ru", period: "2026-13", text: "x"),
            ProjectionDraft(caseLabel: "C", language: "ru", period: "14.03.2016", text: "x"),
            ProjectionDraft(caseLabel: "C", language: "ru", period: "2026", text: " \n"),
        ] {
            #expect(throws: AmanatVaultError.self) {
                try t.vault.publish(bad, from: record, case: caseID, plan: Self.plan, publisher: editor)
            }
        }
        // An expired publish grant no longer publishes.
        #expect(throws: AmanatVaultError.self) {
            try t.vault.publish(
                Self.draft(), from: record, case: caseID, plan: Self.plan, publisher: editor,
                today: Day.today().adding(days: 31))
        }
        #expect(try t.vault.projections().isEmpty)
        #expect(!(try t.vault.store.read { try $0.auditEntries() }).contains { $0.action == "projection.publish" })
    }

    @Test("every changed byte of a stored projection fails its signature; nothing is returned")
    func tampering() throws {
        let t = try TestVault(onDisk: true)
        let (record, _) = try t.submit()
        let caseID = try t.makeCase([record])
        let editor = Identity()
        try t.grant(caseID, to: editor, permissions: .readAndPublish)
        let projection = try t.vault.publish(
            Self.draft(), from: record, case: caseID, plan: Self.plan, publisher: editor)
        var changes: [(inout Projection) -> Void] = [
            { $0.text += " " }, { $0.caseLabel = "Case 15" }, { $0.language = "en" }, { $0.period = "2026-10" },
            { $0.published = $0.published.adding(days: 1) }, { $0.id = Projection.ID() },
            { $0.publisher = Base64URL.encode(Identity().publicKey.signing.rawRepresentation) },
        ]
        changes.append { projection in
            var signature = try! Base64URL.decode(projection.signature)
            signature[5] ^= 1
            projection.signature = Base64URL.encode(signature)
        }
        for change in changes {
            var changed = projection
            change(&changed)
            #expect(throws: AmanatVaultError.self) { try changed.verify() }
        }
        // A projection well signed by someone who never held a publish grant is refused too.
        let stranger = Identity()
        var forged = projection
        forged.id = Projection.ID()
        forged.publisher = Base64URL.encode(stranger.publicKey.signing.rawRepresentation)
        forged.signature = Base64URL.encode(stranger.signingKey.signature(for: try forged.signedStatement()))
        try forged.verify()
        try t.vault.store.write { writer in
            try writer.insert(
                ProjectionRow(
                    id: Data(forged.id.rawValue), caseID: Data(caseID.rawValue), caseLabel: forged.caseLabel,
                    language: forged.language, period: forged.period, publishedDay: forged.published.description,
                    text: forged.text, publisherSigningKey: Data(stranger.publicKey.signing.rawRepresentation),
                    signature: Data(try Base64URL.decode(forged.signature))))
        }
        #expect(throws: AmanatVaultError.self) { try t.vault.projections(case: caseID) }
        let cleanup = try DatabaseQueue(path: t.directory.file("vault/vault.sqlite"))
        try cleanup.write { db in
            try db.execute(sql: "DELETE FROM projection WHERE id = ?", arguments: [Data(forged.id.rawValue)])
        }
        #expect(try t.vault.projections(case: caseID) == [projection])

        // The same in the database file: a changed text, label or key makes listing fail closed.
        let database = try DatabaseQueue(path: t.directory.file("vault/vault.sqlite"))
        let original = try #require(try database.read { try ProjectionRow.fetchOne($0) })
        for update in [
            "UPDATE projection SET text = text || '!'", "UPDATE projection SET caseLabel = 'Case 15'",
            "UPDATE projection SET publisherSigningKey = zeroblob(32)",
        ] {
            try database.write { db in try db.execute(sql: update) }
            #expect(throws: AmanatVaultError.self, "\(update) went unnoticed") { try t.vault.projections(case: caseID) }
            try database.write { db in try original.update(db) }
            #expect(try t.vault.projections(case: caseID) == [projection])
        }
    }

    @Test(
        "a case's labels stay the same after a revocation rotates its key; older cases get a pseudonym key on first use"
    )
    func pseudonymKey() throws {
        let t = try TestVault()
        let (record, _) = try t.submit()
        let caseID = try t.makeCase([record])
        let editor = Identity()
        let other = Identity()
        try t.grant(caseID, to: editor, permissions: .readAndPublish)
        try t.grant(caseID, to: other)
        let before = try t.vault.pseudonymKey(case: caseID, as: .grantee(editor))
        // A read-only grantee never sees it (she could test names against published labels).
        #expect { try t.vault.pseudonymKey(case: caseID, as: .grantee(other)) } throws: {
            if case .permissionDenied = $0 as? AmanatVaultError { return true } else { return false }
        }
        #expect(try t.vault.pseudonymKey(case: caseID, as: .administrator(t.administrator)) == before)
        try t.vault.revoke(case: caseID, grantee: other.publicKey.fingerprint, administrator: t.administrator)
        #expect(try t.vault.pseudonymKey(case: caseID, as: .grantee(editor)) == before)
        #expect(throws: AmanatVaultError.self) { try t.vault.pseudonymKey(case: caseID, as: .grantee(other)) }
        // A case made before schema revision 2 has none: the first use makes one, and keeps it.
        try t.vault.store.write { writer in
            var row = try writer.caseFile(Data(caseID.rawValue))!
            row.pseudonymKey = nil
            try writer.update(row)
        }
        let made = try t.vault.pseudonymKey(case: caseID, as: .grantee(editor))
        #expect(made != before && made.count == 32)
        #expect(try t.vault.pseudonymKey(case: caseID, as: .administrator(t.administrator)) == made)
    }
}
