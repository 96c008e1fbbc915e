import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@testable import AmanatVault

/// Case retention policies (Docs/format.md §8.25): signed by the administrator, checked against the audit log,
/// and applied by `runRetention`, which shreds only records filed in no case that still keeps them.
@Suite("Retention")
struct RetentionTests {
    /// Records a…d; case `until` keeps a and b until yesterday; case `afterClose` keeps c for 30 days after it
    /// was closed 40 days ago; case `forever` keeps b and d with no rule.
    struct Scene {
        let t: TestVault
        let a: Testimony.ID, b: Testimony.ID, c: Testimony.ID, d: Testimony.ID
        let until: Case.ID, afterClose: Case.ID, forever: Case.ID

        init() throws {
            t = try TestVault(onDisk: true)
            (a, b, c, d) = (try t.submit("a").0, try t.submit("b").0, try t.submit("c").0, try t.submit("d").0)
            until = try t.makeCase([a, b], title: "until")
            afterClose = try t.makeCase([c], title: "after close")
            forever = try t.makeCase([b, d], title: "forever")
            let vault = t.vault
            try vault.setRetention(.until(.today().adding(days: -1)), for: until, administrator: t.administrator)
            try vault.setRetention(.daysAfterClose(30), for: afterClose, administrator: t.administrator)
            try vault.setClosed(.today().adding(days: -40), case: afterClose, administrator: t.administrator)
        }

        func opens(_ record: Testimony.ID) -> Bool {
            (try? t.vault.open(record, as: .administrator(t.administrator))) != nil
        }
    }

    @Test("due records are shredded; one also filed in a case that keeps it is kept; a dry run changes nothing")
    func run() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        #expect(try vault.retention(of: scene.afterClose).dueDay == Day.today().adding(days: -9))
        #expect(try vault.retention(of: scene.forever) == .keep)
        let sorted = { (ids: [Testimony.ID]) in ids.sorted { $0.rawValue.lexicographicallyPrecedes($1.rawValue) } }
        let dry = try vault.runRetention(administrator: scene.t.administrator, dryRun: true)
        #expect(dry.records == sorted([scene.a, scene.c]) && dry.kept == [scene.b])
        #expect(Set(dry.dueCases) == [scene.until, scene.afterClose])
        #expect([scene.a, scene.b, scene.c, scene.d].allSatisfy(scene.opens))
        // Tomorrow's view of a policy that keeps until today: nothing of `forever` is due, ever.
        let report = try vault.runRetention(administrator: scene.t.administrator)
        #expect(report == dry)
        #expect(!scene.opens(scene.a) && !scene.opens(scene.c) && scene.opens(scene.b) && scene.opens(scene.d))
        #expect(try Set(vault.tombstones().keys) == [scene.a, scene.c])
        #expect(try vault.verifyAudit().count > 0)
        let again = try vault.runRetention(administrator: scene.t.administrator)
        #expect(again.records.isEmpty && again.kept == [scene.b])
    }

    @Test("a policy is due only from the day after it ends, and a days-after-close rule only once closed")
    func dueDays() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        let later = try vault.createCase(title: "later", administrator: scene.t.administrator)
        try vault.setRetention(.daysAfterClose(0), for: later, administrator: scene.t.administrator)
        #expect(try vault.retention(of: later).dueDay == nil)
        try vault.setClosed(.today(), case: later, administrator: scene.t.administrator)
        #expect(try vault.retention(of: later).dueDay == .today().adding(days: 1))
        try vault.setClosed(nil, case: later, administrator: scene.t.administrator)
        #expect(try vault.retention(of: later) == RetentionPolicy(rule: .daysAfterClose(0), closed: nil))
        #expect(throws: AmanatVaultError.self) {
            try vault.setClosed(nil, case: later, administrator: scene.t.administrator)
        }
        #expect(throws: AmanatVaultError.self) {
            try vault.setRetention(.daysAfterClose(-1), for: later, administrator: scene.t.administrator)
        }
        #expect(throws: AmanatVaultError.notAdministrator) {
            try vault.setRetention(nil, for: later, administrator: Identity())
        }
        let until = RetentionPolicy(rule: .until(.today()), closed: nil)
        #expect(until.dueDay == .today().adding(days: 1))
        // Ten days ago nothing was due yet: the closed case's 30 days ended nine days ago.
        let early = try vault.runRetention(
            administrator: scene.t.administrator, today: .today().adding(days: -10), dryRun: true)
        #expect(early.records.isEmpty && early.dueCases.isEmpty)
        let day = try vault.runRetention(
            administrator: scene.t.administrator, today: .today().adding(days: -9), dryRun: true)
        #expect(day.records == [scene.c])
    }

    @Test("a policy changed, put back older or deleted behind the log's back stops the run; nothing is shredded")
    func tampered() throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let edits: [(String, String)] = [
            ("an earlier keep-until day", #"UPDATE "caseRetention" SET "keepUntil" = '2000-01-01'"#),
            ("a shorter time after closing", #"UPDATE "caseRetention" SET "keepDaysAfterClose" = 0"#),
            ("an older revision", #"UPDATE "caseRetention" SET "revision" = 1 WHERE "revision" = 2"#),
            ("a deleted policy", #"DELETE FROM "caseRetention""#),
        ]
        for (name, sql) in edits {
            let scene = try Scene()
            let database = try DatabaseQueue(
                path: scene.t.directory.file("vault/vault.sqlite"), configuration: configuration)
            try database.write { try $0.execute(sql: sql) }
            try database.close()
            #expect(throws: AmanatVaultError.self, "\(name)") {
                try scene.t.vault.runRetention(administrator: scene.t.administrator)
            }
            #expect([scene.a, scene.b, scene.c, scene.d].allSatisfy(scene.opens), "\(name)")
            // The log's completeness check names a policy put back older or deleted; a changed day breaks
            // the signature, which the run checks.
            if name.contains("revision") || name.contains("deleted") {
                #expect(throws: AmanatVaultError.self, "\(name)") { try scene.t.vault.verifyAudit() }
            } else {
                #expect(throws: AmanatVaultError.corrupted("the retention policy of case \(scene.until)")) {
                    try scene.t.vault.retention(of: scene.until)
                }
            }
        }
    }

    @Test("the retention statement's bytes and signature match the vector written from the spec with PyNaCl")
    func vector() throws {
        struct Vector: Decodable {
            struct Case: Decodable {
                let revision: Int
                let keep_until: String?
                let keep_days_after_close: Int?
                let closed_day: String?
                let day, statement, signature: String
            }
            let ed25519_seed, administrator_signing_key, case_id: String
            let cases: [Case]
        }
        let url = try #require(
            Bundle.module.url(forResource: "case-retention", withExtension: "json", subdirectory: "Fixtures/vectors"))
        let v = try JSONDecoder().decode(Vector.self, from: Data(contentsOf: url))
        let key = try Ed25519.PrivateKey(seed: try Hex.decodeSecret(Array(v.ed25519_seed.utf8)))
        #expect(Hex.encode(key.publicKey.rawRepresentation) == v.administrator_signing_key)
        #expect(v.cases.count == 4)
        for item in v.cases {
            let row = CaseRetentionRow(
                caseID: Data(try Hex.decode(v.case_id)), revision: item.revision, keepUntil: item.keep_until,
                keepDaysAfterClose: item.keep_days_after_close, closedDay: item.closed_day, day: item.day,
                signature: Data())
            let statement = try #require(VaultFormat.retentionStatement(row))
            #expect(Hex.encode(statement) == item.statement)
            #expect(Hex.encode(key.signature(for: statement)) == item.signature)
        }
        var bad = CaseRetentionRow(
            caseID: Data(count: 16), revision: 1, keepUntil: "2031-13-01", keepDaysAfterClose: nil, closedDay: nil,
            day: "2026-12-03", signature: Data())
        #expect(VaultFormat.retentionStatement(bad) == nil)
        bad.keepUntil = nil
        bad.revision = 0
        #expect(VaultFormat.retentionStatement(bad) == nil)
    }
}
