import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import PostgresNIO
import Testing

@_spi(Publication) @testable import AmanatVault

/// Shredding a record (Docs/format.md §8.23): everything that could open or hold it goes, in one transaction,
/// and a signed tombstone in the audit log says what went, when and by whom.
@Suite("Shredding")
struct ShreddingTests {
    /// A vault on disk: a source's record with an attachment and her follow-up, another source's record, all in
    /// one case; a lawyer's reply to each of the first source's records and a projection drawn from the first.
    struct Scene {
        let t: TestVault
        let lawyer = Identity()
        let first: Testimony.ID, followUp: Testimony.ID, other: Testimony.ID
        let codename: Codename
        let caseID: Case.ID
        let projection: Projection.ID
        let attachment: [UInt8] = SecureRandom.bytes(70_000)

        init() throws {
            t = try TestVault(onDisk: true)
            (first, codename) = try t.vault.submit(
                TestVault.sample("first"), attachments: [AttachmentSource(path: t.file("scan.bin", attachment))])
            followUp = try t.vault.followUp(TestVault.sample("more"), codename: codename)
            (other, _) = try t.submit("other")
            caseID = try t.makeCase([first, followUp, other])
            try t.grant(caseID, to: lawyer, permissions: .readAndPublish)
            try t.vault.reply(to: first, text: "about the first", as: .grantee(lawyer))
            try t.vault.reply(to: followUp, text: "about the follow-up", as: .grantee(lawyer))
            let draft = ProjectionDraft(
                caseLabel: "Case 14", language: "ru", period: "2002", text: "Сын [Person KX].")
            projection = try t.vault.publish(
                draft, from: first, case: caseID, plan: Array(#"{"spans":[]}"#.utf8), publisher: lawyer
            ).id
        }

        /// Every stored byte string that belongs to `record` alone: its key wrappings, its body, its plan, the
        /// replies about it, and a slice of each attachment's ciphertext.
        func secrets(of record: Testimony.ID) throws -> [Data] {
            let id = Data(record.rawValue)
            var found: [Data] = []
            try t.vault.store.read { (reader: any VaultReader) throws in
                let row = try #require(try reader.testimony(id))
                found += [row.wrappedKey, row.body.prefix(64), row.body.suffix(64)]
                found += try reader.caseRecords(caseID: Data(caseID.rawValue)).filter { $0.recordID == id }
                    .map(\.wrappedKey)
                if let plan = try reader.plan(projectionID: Data(projection.rawValue)), plan.recordID == id {
                    found.append(plan.sealed)
                }
                let about = try reader.auditEntries(action: "reply").map(Vault.objectIDs).filter { $0[1] == id }
                    .map { $0[0] }
                found += try reader.replies(mailboxID: row.mailboxID).filter { about.contains($0.id) }.map(\.sealed)
            }
            for attachment in try t.vault.open(record, as: .administrator(t.administrator)).attachments {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: t.vault.blobDirectory + "/\(attachment.blob)"))
                found.append(bytes[bytes.startIndex + 1_000..<bytes.startIndex + 1_064])
            }
            return found
        }

        /// The names of the files under the vault folder holding any of `needles`.
        func filesHolding(_ needles: [Data]) throws -> [String] {
            try Self.filesHolding(needles, under: t.directory.file("vault"))
        }

        /// The names of the files under `folder` holding any of `needles`.
        static func filesHolding(_ needles: [Data], under folder: String) throws -> [String] {
            let names = try #require(FileManager.default.subpathsOfDirectory(atPath: folder) as [String]?)
            return try names.filter { name in
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder),
                    !isFolder.boolValue
                else { return false }
                let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
                return needles.contains { bytes.range(of: $0) != nil }
            }
        }
    }

    @Test("after a shred no byte of the record's ciphertext, key wrappings, plan, replies or attachment is in any file")
    func nothingLeft() throws {
        let scene = try Scene()
        let secrets = try scene.secrets(of: scene.first)
        #expect(secrets.count == 7)
        #expect(try !scene.filesHolding(secrets).isEmpty)
        let summary = try scene.t.vault.shred([scene.first], administrator: scene.t.administrator)
        #expect(
            summary == [
                ShredSummary(
                    record: scene.first, day: .today(), cases: [scene.caseID], attachments: 1, replies: 1, plans: 1,
                    projectionsKept: 1, removesMailbox: false)
            ])
        #expect(try scene.filesHolding(secrets) == [])
        #expect(try scene.t.vault.verifyAudit().count > 0)
    }

    @Test("a shredded record says so and when; what is not its own still opens and verifies")
    func afterwards() throws {
        let scene = try Scene()
        let (vault, administrator) = (scene.t.vault, scene.t.administrator)
        try vault.shred([scene.first], administrator: administrator)
        let entry = try #require(try vault.store.read { try $0.lastAuditEntry() })
        #expect(
            entry.action == "record.shred" && entry.actor == Data(administrator.publicKey.signing.rawRepresentation))
        let blob = try Data(Hex.decode(String(entry.objects.split(separator: ",")[1])))
        #expect(try Vault.objectIDs(entry) == [Data(scene.first.rawValue), blob])
        #expect(try vault.tombstones() == [scene.first: Tombstone(day: .today(), sequence: entry.sequence)])
        let shredded = AmanatVaultError.shredded(
            what: "record \(scene.first)", day: Day.today().description, sequence: entry.sequence)
        #expect(throws: shredded) { try vault.open(scene.first, as: .administrator(administrator)) }
        #expect(throws: shredded) { try vault.open(scene.first, as: .grantee(scene.lawyer)) }
        #expect(throws: shredded) { try vault.plan(of: scene.projection, as: .administrator(administrator)) }
        #expect(throws: shredded) { try vault.shred([scene.first], administrator: administrator) }
        #expect(throws: shredded) { try vault.reply(to: scene.first, text: "?", as: .administrator(administrator)) }
        #expect(shredded.description.contains("was shredded on \(Day.today())"))
        // The rest is untouched: the follow-up and the other record open; the source reads the other reply.
        #expect(try vault.open(scene.followUp, as: .grantee(scene.lawyer)).statement == "more")
        #expect(try vault.open(scene.other, as: .administrator(administrator)).statement == "other")
        #expect(try vault.replies(codename: scene.codename).map(\.text) == ["about the follow-up"])
        #expect(try Set(vault.inbox().map(\.id)) == [scene.followUp, scene.other])
        #expect(try vault.projections(case: scene.caseID).map(\.id) == [scene.projection])
        // The mailbox goes with the source's last record, and every reply in it.
        let second = try vault.shred([scene.followUp], administrator: administrator)
        #expect(second.first?.removesMailbox == true && second.first?.replies == 1)
        #expect(throws: AmanatVaultError.unknownCodename) { try vault.replies(codename: scene.codename) }
        #expect(try vault.store.read { try $0.replyHeaders() }.isEmpty)
        #expect(try vault.verifyAudit().count == entry.sequence + 1)
    }

    @Test("a source's submission and follow-up shredded together take her mailbox and every reply in it")
    func sameSourceTogether() throws {
        let scene = try Scene()
        let summaries = try scene.t.vault.shred([scene.first, scene.followUp], administrator: scene.t.administrator)
        #expect(summaries.map(\.removesMailbox) == [true, true] && summaries.map(\.replies) == [1, 1])
        #expect(throws: AmanatVaultError.unknownCodename) { try scene.t.vault.replies(codename: scene.codename) }
        #expect(try scene.t.vault.store.read { try $0.replyHeaders() }.isEmpty)
        #expect(try scene.t.vault.verifyAudit().count > 0)
    }

    @Test("only the administrator shreds, each record once; a missing one is named, and nothing changes")
    func refused() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        let before = try vault.verifyAudit()
        #expect(throws: AmanatVaultError.notAdministrator) {
            try vault.shred([scene.first], administrator: scene.lawyer)
        }
        let nowhere = Testimony.ID()
        #expect(throws: AmanatVaultError.recordNotFound(nowhere.description)) {
            try vault.shred([scene.other, nowhere], administrator: scene.t.administrator)
        }
        #expect(throws: AmanatVaultError.self) {
            try vault.shred([scene.first, scene.first], administrator: scene.t.administrator)
        }
        #expect(try vault.verifyAudit() == before && vault.inbox().count == 3)
    }

    @Test("rows put back after a shred (from an old copy) are reported against the tombstone")
    func putBack() throws {
        let scene = try Scene()
        let id = Data(scene.first.rawValue)
        let (row, plan) = try scene.t.vault.store.read { reader in
            (try reader.testimony(id), try reader.plan(projectionID: Data(scene.projection.rawValue)))
        }
        try scene.t.vault.shred([scene.first], administrator: scene.t.administrator)
        // An attacker with the file is not bound by foreign keys.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let database = try DatabaseQueue(
            path: scene.t.directory.file("vault/vault.sqlite"), configuration: configuration)
        try database.write { db in try #require(plan).insert(db) }
        #expect {
            try scene.t.vault.verifyAudit()
        } throws: { error in
            "\(error)".contains("went with record \(scene.first) when audit entry")
        }
        try database.write { db in
            try db.execute(sql: #"DELETE FROM "redactionPlan""#)
            try #require(row).insert(db)
        }
        #expect {
            try scene.t.vault.verifyAudit()
        } throws: { error in
            "\(error)".contains("record \(scene.first) was shredded by audit entry")
        }
    }

    @Test("attachments a crash left behind after the shred's transaction are removed by the next run")
    func finishedAfterCrash() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        let blob = try vault.open(scene.first, as: .administrator(scene.t.administrator)).attachments[0].blob
        let file = vault.blobDirectory + "/\(blob)"
        let copy = try Data(contentsOf: URL(fileURLWithPath: file))
        try vault.shred([scene.first], administrator: scene.t.administrator)
        #expect(!FileManager.default.fileExists(atPath: file))
        // As if the process had died between the commit and the overwrite.
        try copy.write(to: URL(fileURLWithPath: file))
        #expect(try vault.finishShredding() == 1)
        #expect(!FileManager.default.fileExists(atPath: file))
        #expect(try vault.finishShredding() == 0)
        #expect(try vault.verifyAudit().count > 0)
    }

    @Test("what a lawyer already holds outside the vault (a case bundle exported before the shred) still opens")
    func beyondReach() throws {
        let scene = try Scene()
        let bundle = scene.t.directory.file("case.amanat")
        try scene.t.vault.exportCase(
            scene.caseID, to: scene.lawyer.publicKey, path: bundle, administrator: scene.t.administrator)
        try scene.t.vault.shred([scene.first], administrator: scene.t.administrator)
        #expect(throws: AmanatVaultError.self) { try scene.t.vault.open(scene.first, as: .grantee(scene.lawyer)) }
        let contents = try CaseBundle.open(
            at: bundle, identity: scene.lawyer, signer: scene.t.administrator.publicKey.signing)
        #expect(contents.records.contains { $0.id == scene.first.description && $0.testimony.statement == "first" })
    }

    @Test("a record.shred row nobody signed, or a lawyer signed, destroys no attachment")
    func forgedTombstone() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        let blob = try vault.open(scene.first, as: .administrator(scene.t.administrator)).attachments[0].blob
        let objects = "\(scene.first),\(blob)"
        for signer in [nil, scene.lawyer] {
            try vault.store.write { writer in
                let last = try #require(try writer.lastAuditEntry())
                var row = AuditEntryRow(
                    sequence: last.sequence + 1, day: Day.today().description,
                    actor: signer.map { Data($0.publicKey.signing.rawRepresentation) }, action: "record.shred",
                    objects: objects, previousHash: last.entryHash, entryHash: Data(), signature: nil)
                let hash = VaultFormat.auditHash(row)
                row.entryHash = Data(hash)
                row.signature = signer.map { Data($0.signingKey.signature(for: VaultFormat.auditSignedMessage(hash))) }
                try writer.append(row)
            }
            #expect(try vault.finishShredding() == 0)
            #expect(try vault.tombstones().isEmpty)
        }
        #expect(try vault.blobs.size(of: blob) != nil)
        #expect(try vault.open(scene.first, as: .administrator(scene.t.administrator)).attachments.count == 1)
    }
}

/// Shredding a vault kept wholly in PostgreSQL: the rows and the blob's pieces go in the database too.
@Suite("Shredding in PostgreSQL", .enabled(if: TestPostgreSQL.isAvailable, "needs the cluster `make test` starts"))
struct PostgreSQLShreddingTests {
    @Test("a shredded record's rows and attachment pieces are gone from every table; the log verifies")
    func shred() throws {
        let store = try PostgreSQLVaultStore(url: TestPostgreSQL.freshDatabase())
        let t = try TestVault(postgreSQL: store)
        let (vault, administrator, directory) = (t.vault, t.administrator, t.directory)
        let source = directory.file("scan.bin")
        try Data(SecureRandom.bytes(40_000)).write(to: URL(fileURLWithPath: source))
        let doomed = try vault.submit(TestVault.sample("doomed"), attachments: [AttachmentSource(path: source)])
        let kept = try vault.submit(TestVault.sample("kept"), attachments: [AttachmentSource(path: source)])
        let caseID = try vault.createCase(title: "t", administrator: administrator)
        try vault.assign([doomed.record, kept.record], to: caseID, administrator: administrator)
        try vault.reply(to: doomed.record, text: "read", as: .administrator(administrator))
        func count(_ sql: String) throws -> Int {
            try store.withSession { try $0.query(PostgresQuery(unsafeSQL: sql)).first?.decode(Int.self) ?? -1 }
        }
        let tables = [#""testimony""#, #""caseRecord""#, #""mailbox""#, #""reply""#, #""blob""#, #""blobPiece""#]
        let before = try tables.map { try count("SELECT count(*) FROM \($0)") }
        let summary = try vault.shred([doomed.record], administrator: administrator)
        #expect(summary.first?.removesMailbox == true && summary.first?.attachments == 1)
        let after = try tables.map { try count("SELECT count(*) FROM \($0)") }
        #expect(before[..<5] == [2, 2, 2, 1, 2] && before[5] > 2 && after == [1, 1, 1, 0, 1, before[5] / 2])
        #expect(try vault.open(kept.record, as: .administrator(administrator)).statement == "kept")
        #expect(try vault.verifyAudit().count == 7)
    }
}
