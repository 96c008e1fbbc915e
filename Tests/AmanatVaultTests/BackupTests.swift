import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@_spi(Publication) @testable import AmanatVault

/// Backups (Docs/format.md §8.24): a signed, encrypted copy of the whole vault that restores into a new
/// folder only when every byte and the vault inside verify.
@Suite("Backups")
struct BackupTests {
    /// A vault with a record holding an attachment, a follow-up, a case granted to a lawyer, a reply and a
    /// projection, and a second record shredded before the backup.
    struct Scene {
        let t: TestVault
        let lawyer = Identity()
        let record: Testimony.ID, followUp: Testimony.ID, shredded: Testimony.ID
        let codename: Codename
        let caseID: Case.ID
        let attachment: [UInt8] = SecureRandom.bytes(90_000)

        init(store: (any VaultStore)? = nil) throws {
            t = try store.map { try TestVault(store: $0) } ?? TestVault(onDisk: true)
            (record, codename) = try t.vault.submit(
                TestVault.sample("first"), attachments: [AttachmentSource(path: t.file("scan.bin", attachment))])
            followUp = try t.vault.followUp(TestVault.sample("more"), codename: codename)
            (shredded, _) = try t.submit("gone")
            caseID = try t.makeCase([record, followUp])
            try t.grant(caseID, to: lawyer)
            try t.vault.reply(to: record, text: "we read it", as: .grantee(lawyer))
            try t.vault.shred([shredded], administrator: t.administrator)
        }

        /// Backs the vault up into `name` in the test folder.
        func backup(_ name: String = "vault.amanat-backup") throws -> (String, VaultBackup.Report) {
            let path = t.directory.file(name)
            return (path, try t.vault.backup(to: path, administrator: t.administrator))
        }
    }

    @Test("a backup restored into a new folder opens, verifies and holds every record, reply and attachment")
    func roundTrip() throws {
        let scene = try Scene()
        let (path, made) = try scene.backup()
        #expect(made.records == 2 && made.blobs == 1 && made.day == .today())
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        let folder = scene.t.directory.file("restored")
        let restored = try VaultBackup.restore(from: path, to: folder, administrator: scene.t.administrator)
        #expect(restored == made)
        let vault = try Vault.open(at: folder, trust: .administrator(scene.t.administrator.publicKey))
        #expect(try vault.verifyAudit() == made.auditHead)
        #expect(try vault.open(scene.record, as: .grantee(scene.lawyer)).statement == "first")
        let attachment = try vault.open(scene.record, as: .administrator(scene.t.administrator)).attachments[0]
        try vault.exportAttachment(attachment, to: scene.t.directory.file("out.bin"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: scene.t.directory.file("out.bin"))) == Data(scene.attachment))
        #expect(try vault.replies(codename: scene.codename).map(\.text) == ["we read it"])
        #expect(try vault.tombstones().keys.contains(scene.shredded))
        let last = try #require(try vault.store.read { try $0.lastAuditEntry() })
        #expect(last.action == "vault.backup" && last.objects == made.id.description)
        #expect(last.actor == Data(scene.t.administrator.publicKey.signing.rawRepresentation))
        // Nothing is left beside the backup or the restored folder.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: scene.t.directory.path).filter { $0.contains(".tmp-") }
                .isEmpty)
    }

    @Test("a record shredded after a backup was made opens again from that backup, with the administrator's key")
    func shreddingDoesNotReachOlderBackups() throws {
        let scene = try Scene()
        let (path, _) = try scene.backup()
        try scene.t.vault.shred([scene.followUp], administrator: scene.t.administrator)
        let folder = scene.t.directory.file("restored")
        try VaultBackup.restore(from: path, to: folder, administrator: scene.t.administrator)
        let vault = try Vault.open(at: folder, trust: .administrator(scene.t.administrator.publicKey))
        #expect(try vault.open(scene.followUp, as: .administrator(scene.t.administrator)).statement == "more")
        // A backup made after the shred does not hold it.
        let (later, _) = try scene.backup("later.amanat-backup")
        let again = scene.t.directory.file("again")
        // An empty folder is a valid destination.
        try FileManager.default.createDirectory(atPath: again, withIntermediateDirectories: false)
        try VaultBackup.restore(from: later, to: again, administrator: scene.t.administrator)
        let shredded = try Vault.open(at: again, trust: .administrator(scene.t.administrator.publicKey))
        #expect(throws: AmanatVaultError.self) {
            try shredded.open(scene.followUp, as: .administrator(scene.t.administrator))
        }
    }

    /// Byte ranges of a backup: each field of the header, the stream's header, a frame, the signature.
    static func byteClasses(size: Int) -> [(String, Int)] {
        [
            ("magic", 0), ("version", 8), ("signer", 20), ("sealed-to key", 50), ("backup id", 80), ("day", 95),
            ("sealed key", 120), ("stream header", 185), ("first frame", 1_000), ("last frame", size - 70),
            ("signature", size - 10),
        ]
    }

    @Test("a change to any byte class, a cut, an added byte or another administrator: refused, nothing left")
    func tampering() throws {
        let scene = try Scene()
        let (path, _) = try scene.backup()
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        var cases: [(String, Data)] = Self.byteClasses(size: original.count).map { name, offset in
            var copy = original
            copy[offset] ^= 0x01
            return (name, copy)
        }
        cases.append(("cut before the signature", original.prefix(original.count - 64)))
        cases.append(("cut in half", original.prefix(original.count / 2)))
        cases.append(("a byte added", original + Data([0])))
        cases.append(("empty", Data()))
        for (name, bytes) in cases {
            let damaged = scene.t.directory.file("damaged-\(name).amanat-backup")
            try bytes.write(to: URL(fileURLWithPath: damaged))
            let folder = scene.t.directory.file("restored-\(name)")
            #expect(throws: AmanatVaultError.self, "\(name)") {
                try VaultBackup.restore(from: damaged, to: folder, administrator: scene.t.administrator)
            }
            #expect(!FileManager.default.fileExists(atPath: folder), "\(name)")
        }
        let stranger = Identity()
        #expect {
            try VaultBackup.restore(from: path, to: scene.t.directory.file("x"), administrator: stranger)
        } throws: { error in
            "\(error)".contains("made by another administrator")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: scene.t.directory.path).filter { $0.contains(".tmp-") }
                .isEmpty)
        // A folder that already holds something is never written into.
        let taken = scene.t.directory.file("taken")
        try FileManager.default.createDirectory(atPath: taken, withIntermediateDirectories: false)
        try Data([1]).write(to: URL(fileURLWithPath: taken + "/note"))
        #expect(throws: AmanatVaultError.vaultExists(path: taken)) {
            try VaultBackup.restore(from: path, to: taken, administrator: scene.t.administrator)
        }
    }

    @Test("a backup made while sources submit holds a consistent vault that verifies")
    func whileInUse() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        let stop = Locked(false)
        let submitted = Locked(0)
        let thread = Thread {
            while !stop.value {
                _ = try? vault.submit(TestVault.sample("busy"))
                submitted.update { $0 += 1 }
            }
        }
        thread.start()
        defer { stop.update { $0 = true } }
        var reports: [VaultBackup.Report] = []
        for index in 0..<3 {
            let (path, _) = try scene.backup("busy-\(index).amanat-backup")
            let folder = scene.t.directory.file("busy-\(index)")
            reports.append(try VaultBackup.restore(from: path, to: folder, administrator: scene.t.administrator))
            let copy = try Vault.open(at: folder, trust: .administrator(scene.t.administrator.publicKey))
            #expect(try copy.verifyAudit() == reports.last?.auditHead)
        }
        stop.update { $0 = true }
        #expect(submitted.value > 0)
        #expect(reports.map(\.records) == reports.map(\.records).sorted())
    }

    @Test(
        "a vault kept in PostgreSQL backs up and restores into a folder",
        .enabled(if: TestPostgreSQL.isAvailable, "needs the cluster `make test` starts"))
    func fromPostgreSQL() throws {
        let store = try PostgreSQLVaultStore(url: TestPostgreSQL.freshDatabase())
        let t = try TestVault(postgreSQL: store)
        let source = try t.file("scan.bin", SecureRandom.bytes(50_000))
        let (record, _) = try t.vault.submit(
            TestVault.sample("in the database"), attachments: [AttachmentSource(path: source)])
        let path = t.directory.file("db.amanat-backup")
        let made = try t.vault.backup(to: path, administrator: t.administrator)
        #expect(made.blobs == 1)
        let folder = t.directory.file("restored")
        try VaultBackup.restore(from: path, to: folder, administrator: t.administrator)
        let vault = try Vault.open(at: folder, trust: .administrator(t.administrator.publicKey))
        #expect(try vault.open(record, as: .administrator(t.administrator)).statement == "in the database")
        #expect(try vault.verifyAudit() == made.auditHead)
    }
}

/// A value shared between threads in a test.
final class Locked<Value>: @unchecked Sendable {
    private var stored: Value
    private let lock = NSLock()
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

/// The committed backup of a copy of the vault-v3 fixture (Fixtures/backup-v1): version 1 of the format keeps
/// restoring in Swift, and the independent Python reader opens it into a folder that Swift then verifies.
@Suite("Fixture backup v1")
struct FixtureBackupTests {
    struct Facts: Decodable {
        let backup_id: String
        let day: String
        let records: Int
        let blobs: Int
        let audit_head: FixtureTests.Facts.Head
    }

    /// The backup, its facts, the vault-v3 fixture (keys and facts) and the administrator, in a temporary folder.
    static func load() throws -> (TemporaryDirectory, String, Facts, FixtureV3Tests.Facts, Identity) {
        let (directory, copy, fixture) = try FixtureV3Tests.copy()
        let folder = try #require(
            Bundle.module.url(forResource: "backup-v1", withExtension: nil, subdirectory: "Fixtures"))
        let facts = try JSONDecoder().decode(
            Facts.self, from: Data(contentsOf: folder.appendingPathComponent("backup.json")))
        let administrator = try IdentityFile.open(
            at: copy + "/administrator.id", passphrase: SecretBytes(utf8: fixture.identity_passphrase))
        return (directory, folder.appendingPathComponent("vault-v3.amanat-backup").path, facts, fixture, administrator)
    }

    /// Opens a restored folder and checks it against the facts.
    static func check(
        _ folder: String, _ facts: Facts, _ fixture: FixtureV3Tests.Facts, _ administrator: Identity
    )
        throws
    {
        let vault = try Vault.open(at: folder, trust: .administrator(administrator.publicKey))
        let head = try vault.verifyAudit()
        #expect(head.count == facts.audit_head.count && head.hash == facts.audit_head.hash)
        let record = try Testimony.ID(fixture.record)
        #expect(try vault.open(record, as: .administrator(administrator)).statement == fixture.statement)
    }

    @Test("Swift restores the committed backup: its id, day, counts and audit head are the recorded ones")
    func swiftRestores() throws {
        let (directory, backup, facts, fixture, administrator) = try Self.load()
        let folder = directory.file("restored")
        let report = try VaultBackup.restore(from: backup, to: folder, administrator: administrator)
        #expect(report.id.description == facts.backup_id && report.day.description == facts.day)
        #expect(report.records == facts.records && report.blobs == facts.blobs)
        try Self.check(folder, facts, fixture, administrator)
    }

    @Test("Python opens the committed backup from format.md alone; Swift verifies the vault it wrote")
    func pythonOpens() throws {
        let (directory, backup, facts, fixture, administrator) = try Self.load()
        let folder = directory.file("python")
        let (status, text, errorText) = try FixtureTests.python(
            "open_backup.py", [backup, directory.file("vault-v3") + "/fixture.json", folder])
        #expect(status == 0, "open_backup.py failed: \(errorText)")
        #expect(text.contains("backup: \(facts.backup_id) of \(facts.day), \(facts.blobs) blob(s)"), "\(text)")
        try Self.check(folder, facts, fixture, administrator)
    }
}
