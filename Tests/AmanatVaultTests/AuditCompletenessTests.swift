import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@_spi(Publication) @testable import AmanatVault

/// `verifyAudit` checks the rows against the log: rows added, deleted or edited with raw SQL, behind the
/// log's back, are reported by name, although the chain itself still verifies.
@Suite("The audit log against the rows")
struct AuditCompletenessTests {
    /// A vault on disk with every kind of row, and a raw connection to its database.
    struct Scene {
        let t: TestVault
        let database: DatabaseQueue
        let first: Testimony.ID, second: Testimony.ID, followUp: Testimony.ID
        let mainCase: Case.ID, otherCase: Case.ID
        /// The lawyer's grant, revoked; the colleague's first grant, replaced by a second one; the second
        /// grant, replaced again when the revocation carried it over to the new key version.
        let revoked: Grant.ID, replaced: Grant.ID, carriedOver: Grant.ID, renewal: Grant.ID
        let reply: Reply.ID, projection: Projection.ID

        init() throws {
            t = try TestVault(onDisk: true)
            let codename: Codename
            (first, codename) = try t.submit("first")
            (second, _) = try t.submit("second")
            followUp = try t.vault.followUp(TestVault.sample("more"), codename: codename)
            mainCase = try t.makeCase([first, second])
            otherCase = try t.makeCase([followUp], title: "other")
            let lawyer = Identity()
            let colleague = Identity()
            let editor = Identity()
            revoked = try t.grant(mainCase, to: lawyer)
            replaced = try t.grant(mainCase, to: colleague, days: 5)
            carriedOver = try t.grant(mainCase, to: colleague, days: 60)
            try t.grant(mainCase, to: editor, permissions: .readAndPublish)
            reply = try t.vault.reply(to: first, text: "we read it", as: .grantee(lawyer))
            let draft = ProjectionDraft(
                caseLabel: "Case 14", language: "ru", period: "2026-11",
                text: "Мой сын [Person KX] ушёл.")
            projection = try t.vault.publish(
                draft, from: first, case: mainCase, plan: Array(#"{"spans":[]}"#.utf8),
                publisher: editor
            ).id
            try t.vault.revoke(revoked, administrator: t.administrator)
            let carried = Data(carriedOver.rawValue)
            let renewalRow = try t.vault.store.read { try $0.grant(carried) }
            renewal = try Grant.ID(bytes: Array(try #require(renewalRow?.supersededBy)))
            try t.vault.assign([second], to: otherCase, administrator: t.administrator)
            // An attacker with the file is not bound by foreign keys.
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            database = try DatabaseQueue(path: t.directory.file("vault/vault.sqlite"), configuration: configuration)
        }

        func execute(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws {
            try database.write { db in try db.execute(sql: sql, arguments: StatementArguments(arguments)) }
        }
    }

    /// The id as bytes, for SQL.
    static func blob<Tag>(_ id: VaultID<Tag>) -> Data { Data(id.rawValue) }

    @Test("a vault with records, cases, grants, a revocation, replacements, replies and a projection verifies")
    func clean() throws {
        let scene = try Scene()
        let head = try scene.t.vault.verifyAudit()
        #expect(try scene.t.vault.verifyAudit(remembered: head) == head)
        let grants = try scene.t.vault.grants(case: scene.mainCase)
        #expect(grants.count == 6)
        #expect(grants.filter { $0.status == .superseded }.count == 3)
        // The id-only reads the check makes see every row.
        try scene.t.vault.store.read { (reader: any VaultReader) throws in
            #expect(try reader.caseKeyVersions().count == 3)
            #expect(try reader.membershipVersions().map(\.keyVersion).sorted() == [1, 1, 2, 2])
            #expect(try reader.replyHeaders().map(\.id) == [Self.blob(scene.reply)])
            #expect(try reader.planHeaders().map(\.recordID) == [Self.blob(scene.first)])
        }
    }

    /// Each attack: a name, what it does, and the id the error must name.
    typealias Attack = (name: String, run: @Sendable (Scene) throws -> Void, names: @Sendable (Scene) -> String)

    static let attacks: [Attack] = [
        (
            "delete a record's rows",
            { s in
                try s.execute("DELETE FROM caseRecord WHERE recordID = ?", [blob(s.second)])
                try s.execute("DELETE FROM testimony WHERE id = ?", [blob(s.second)])
            }, { $0.second.description }
        ),
        (
            "copy a membership into another case",
            { s in
                try s.execute(
                    """
                    INSERT INTO caseRecord SELECT ?, recordID, keyVersion, wrappedKey, day FROM caseRecord
                    WHERE caseID = ? AND recordID = ?
                    """, [blob(s.otherCase), blob(s.mainCase), blob(s.first)])
            }, { $0.first.description }
        ),
        (
            "remove a membership",
            { s in
                try s.execute(
                    "DELETE FROM caseRecord WHERE caseID = ? AND recordID = ?",
                    [blob(s.otherCase), blob(s.second)])
            }, { $0.second.description }
        ),
        (
            "clear a revocation",
            { s in
                try s.execute(#"UPDATE "grant" SET revokedDay = NULL WHERE id = ?"#, [blob(s.revoked)])
            }, { $0.revoked.description }
        ),
        (
            "mark a current grant revoked",
            { s in
                try s.execute(#"UPDATE "grant" SET revokedDay = '2026-01-01' WHERE id = ?"#, [blob(s.renewal)])
            }, { $0.renewal.description }
        ),
        (
            "clear the replacement made by a new grant",
            { s in
                try s.execute(#"UPDATE "grant" SET supersededBy = NULL WHERE id = ?"#, [blob(s.replaced)])
            }, { $0.replaced.description }
        ),
        (
            "clear the replacement made by a revocation",
            { s in
                try s.execute(#"UPDATE "grant" SET supersededBy = NULL WHERE id = ?"#, [blob(s.carriedOver)])
            }, { $0.carriedOver.description }
        ),
        // (Deleting a lawyer's only grants is caught by the chain check already: her reply's signer is no
        // longer a grantee.)
        (
            "delete a grant",
            { s in
                try s.execute(#"DELETE FROM "grant" WHERE id = ?"#, [blob(s.renewal)])
            }, { $0.renewal.description }
        ),
        (
            "delete a reply",
            { s in
                try s.execute("DELETE FROM reply WHERE id = ?", [blob(s.reply)])
            }, { $0.reply.description }
        ),
        (
            "insert a reply without an entry",
            { s in
                try s.execute(
                    "INSERT INTO reply SELECT ?, mailboxID, day, sealed FROM reply",
                    [Data(repeating: 0xab, count: 16)])
            }, { _ in String(repeating: "ab", count: 16) }
        ),
        (
            "insert a record without an entry",
            { s in
                try s.execute(
                    """
                    INSERT INTO testimony SELECT ?, kind, mailboxID, day, language, sizeBucket, wrappedKey, body
                    FROM testimony WHERE id = ?
                    """, [Data(repeating: 0xcd, count: 16), blob(s.first)])
            }, { _ in String(repeating: "cd", count: 16) }
        ),
        (
            "delete a projection and its plan",
            { s in
                try s.execute("DELETE FROM redactionPlan WHERE projectionID = ?", [blob(s.projection)])
                try s.execute("DELETE FROM projection WHERE id = ?", [blob(s.projection)])
            }, { $0.projection.description }
        ),
        (
            "move a projection to another case",
            { s in
                try s.execute("UPDATE projection SET caseID = ?", [blob(s.otherCase)])
            }, { $0.projection.description }
        ),
        (
            "undo a case's key rotation",
            { s in
                try s.execute("UPDATE caseFile SET keyVersion = 1 WHERE id = ?", [blob(s.mainCase)])
            }, { $0.mainCase.description }
        ),
        (
            "delete a case key version",
            { s in
                try s.execute("DELETE FROM caseKey WHERE caseID = ? AND version = 2", [blob(s.mainCase)])
            }, { $0.mainCase.description }
        ),
    ]

    @Test("rows added, deleted or edited behind the log are named", arguments: 0..<attacks.count)
    func attack(index: Int) throws {
        let attack = Self.attacks[index]
        let scene = try Scene()
        try attack.run(scene)
        let error = #expect(throws: AmanatVaultError.self, "\(attack.name)") { try scene.t.vault.verifyAudit() }
        let message = error?.description ?? ""
        #expect(message.contains(attack.names(scene)), "\(attack.name): \(message)")
        #expect(message.contains("does not match its audit log"), "\(attack.name): \(message)")
    }

    @Test("cutting the newest entry off with the rows it made is caught only against a remembered head")
    func truncationWithRows() throws {
        let scene = try Scene()
        let admin = scene.t.administrator
        let reply = try scene.t.vault.reply(to: scene.first, text: "one more", as: .administrator(admin))
        let head = try scene.t.vault.verifyAudit()
        try scene.execute("DELETE FROM auditEntry WHERE sequence = ?", [head.count])
        // The entry alone is missed: its reply has no entry now.
        let error = #expect(throws: AmanatVaultError.self) { try scene.t.vault.verifyAudit() }
        #expect(error?.description.contains(reply.description) == true)
        try scene.execute("DELETE FROM reply WHERE id = ?", [Self.blob(reply)])
        #expect(try scene.t.vault.verifyAudit().count == head.count - 1)
        #expect(throws: AmanatVaultError.self) { try scene.t.vault.verifyAudit(remembered: head) }
    }

    @Test("an entry that cannot be replayed is reported at that entry, even signed by the administrator")
    func unreplayable() throws {
        for (action, objects) in [
            ("case.delete", [Data(repeating: 1, count: 16)]), ("submit", []),
            ("case.assign", [Data(repeating: 2, count: 16)]),
        ] {
            let t = try TestVault()
            try t.vault.store.write { writer in
                try AuditLog.append(to: writer, action: action, objects: objects, actor: t.administrator)
            }
            let error = #expect(throws: AmanatVaultError.self, "\(action)") { try t.vault.verifyAudit() }
            #expect(error?.description.contains("at entry 2") == true, "\(action): \(error?.description ?? "")")
        }
        let id = String(repeating: "ab", count: 16)
        let malformed = [
            id.uppercased(), String(id.dropLast()), id + ",", "," + id, id + id,
            id + "," + id.prefix(30) + "zz",
        ]
        for objects in malformed {
            let t = try TestVault()
            try t.vault.store.write { writer in
                let last = try #require(try writer.lastAuditEntry())
                let actor = Data(t.administrator.publicKey.signing.rawRepresentation)
                var row = AuditEntryRow(
                    sequence: 2, day: last.day, actor: actor, action: "case.create",
                    objects: objects, previousHash: last.entryHash, entryHash: Data(),
                    signature: nil)
                let hash = VaultFormat.auditHash(row)
                row.entryHash = Data(hash)
                let message = VaultFormat.auditSignedMessage(hash)
                row.signature = Data(t.administrator.signingKey.signature(for: message))
                try writer.append(row)
            }
            let error = #expect(throws: AmanatVaultError.self, "\(objects)") { try t.vault.verifyAudit() }
            #expect(error?.description.contains("are not ids") == true, "\(objects): \(error?.description ?? "")")
        }
    }
}
