import AmanatCrypto
import AmanatTestSupport
import Foundation
import GRDB
import Testing

@testable import AmanatVault

/// The root of trust is the administrator's public key, held outside the vault: an attacker who can write
/// `vault.sqlite` can neither swap the keys, nor forge replies under a key of her own, nor roll the vault
/// back to an earlier copy, without every person who opened it before being told.
@Suite("Trust anchored outside the vault")
struct TrustTests {
    /// A vault on disk, remembered in a known-vaults file as its creator's.
    struct Scene {
        let t: TestVault
        let known: KnownVaults
        var path: String { t.directory.file("vault") }

        init() throws {
            t = try TestVault(onDisk: true)
            known = KnownVaults(path: t.directory.file("config/amanat/known-vaults"))
            _ = try Vault.open(at: path, trust: VaultTrust(knownVaults: known))
        }

        /// Opens the vault as a person with the known-vaults file would.
        func reopen() throws -> Vault { try Vault.open(at: path, trust: VaultTrust(knownVaults: known)) }

        /// The database as an attacker sees it: no foreign keys, any SQL.
        func attacker() throws -> DatabaseQueue {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            return try DatabaseQueue(path: path + "/" + Vault.databaseName, configuration: configuration)
        }

        /// Replaces the settings' keys with `intruder`'s and signs them with her key, as a careful attacker would.
        func swapAdministrator(to intruder: Identity) throws {
            try attacker().write { db in
                var info = try #require(try VaultInfoRow.fetchOne(db))
                info.intakeKey = Data(intruder.publicKey.encryption.rawRepresentation)
                info.administratorSigningKey = Data(intruder.publicKey.signing.rawRepresentation)
                info.settingsSignature = try Vault.signSettings(info, administrator: intruder)
                try info.update(db)
            }
        }

        /// Copies the vault's database files aside (a backup an attacker could put back later).
        func snapshot(_ name: String) throws {
            let folder = t.directory.file(name)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            // Checkpoint the WAL so the copy of vault.sqlite holds everything.
            try attacker().writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try FileManager.default.copyItem(
                atPath: path + "/" + Vault.databaseName, toPath: folder + "/" + Vault.databaseName)
        }

        /// Puts a snapshot back in place of the live database.
        func restore(_ name: String) throws {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: path + "/" + Vault.databaseName + suffix)
            }
            try FileManager.default.copyItem(
                atPath: t.directory.file(name) + "/" + Vault.databaseName,
                toPath: path + "/" + Vault.databaseName)
        }
    }

    @Test("a new vault's settings are signed, and the first open by someone else is a first contact")
    func firstContact() throws {
        let scene = try Scene()
        #expect(scene.t.vault.settingsSigned)
        #expect(try scene.reopen().trustOutcome == .matched)
        let stranger = KnownVaults(path: scene.t.directory.file("stranger/known-vaults"))
        let vault = try Vault.open(at: scene.path, trust: VaultTrust(knownVaults: stranger))
        #expect(vault.trustOutcome == .firstContact(scene.t.administrator.publicKey.fingerprint))
        let mode = try FileManager.default.attributesOfItem(atPath: stranger.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try Vault.open(at: scene.path, trust: VaultTrust(knownVaults: stranger)).trustOutcome == .matched)
    }

    @Test("a swapped intake key is refused, naming both fingerprints, by the remembered and by a given key")
    func swappedIntakeKey() throws {
        let scene = try Scene()
        let intruder = Identity()
        try scene.swapAdministrator(to: intruder)
        let expected = AmanatVaultError.administratorMismatch(
            trusted: scene.t.administrator.publicKey.fingerprint.description,
            found: intruder.publicKey.fingerprint.description, source: scene.known.path)
        #expect(throws: expected) { try scene.reopen() }
        #expect(throws: AmanatVaultError.self) {
            try Vault.open(at: scene.path, trust: .administrator(scene.t.administrator.publicKey))
        }
        // Without a re-signature, an edited key alone breaks the settings' signature.
        try scene.attacker().write { db in
            try db.execute(
                sql: "UPDATE vaultInfo SET intakeKey = ?",
                arguments: [Data(Identity().publicKey.encryption.rawRepresentation)])
        }
        #expect(throws: AmanatVaultError.corrupted("the vault's settings (their signature does not verify)")) {
            try Vault.open(at: scene.path, trust: .administrator(scene.t.administrator.publicKey))
        }
    }

    @Test("an intruder's own signing key and a reply forged under it never reach the source")
    func forgedReply() throws {
        let scene = try Scene()
        let (record, codename) = try scene.t.submit()
        let intruder = Identity()
        try scene.swapAdministrator(to: intruder)
        // The intruder is now the administrator as far as the database goes: she seals a reply to the
        // source's reply key (which is public) and signs it with her own key.
        let id = Reply.ID()
        try scene.attacker().write { db in
            let mailboxID = try #require(
                try Data.fetchOne(
                    db, sql: "SELECT mailboxID FROM testimony WHERE id = ?",
                    arguments: [Data(record.rawValue)]))
            let replyKeyBytes = try #require(
                try Data.fetchOne(db, sql: "SELECT replyKey FROM mailbox WHERE id = ?", arguments: [mailboxID]))
            let replyKey = try X25519.PublicKey(rawRepresentation: Array(replyKeyBytes))
            let text = "Come alone to the bus station"
            let statement = VaultFormat.replyStatement(
                reply: Data(id.rawValue), mailbox: mailboxID, text: Array(text.utf8))
            let payload = ReplyPayload(
                id: id.description, mailbox: Hex.encode(Array(mailboxID)), text: text,
                author: intruder.publicKey.stringRepresentation,
                signature: Base64URL.encode(intruder.signingKey.signature(for: statement)))
            let padded = try JSONEncoder().encode(payload).withUnsafeBytes { Padding.padToBucket($0) }
            try ReplyRow(
                id: Data(id.rawValue), mailboxID: mailboxID, day: Day.today().description,
                sealed: Data(try SealedBox.seal(padded, to: replyKey))
            ).insert(db)
        }
        // A reader that took the keys from the database alone would show it as genuine, once the intruder also
        // signs its audit entry as the "administrator".
        let unpinned = try Vault(
            store: SQLiteVaultStore(path: scene.path + "/" + Vault.databaseName),
            blobs: BlobFolder(path: scene.path + "/blobs"))
        try unpinned.store.write { writer in
            try AuditLog.append(
                to: writer, action: "reply", objects: [Data(id.rawValue), Data(record.rawValue)], actor: intruder)
        }
        #expect(try unpinned.replies(codename: codename).map(\.text) == ["Come alone to the bus station"])
        // Every reader who trusts the real administrator refuses the vault before showing anything.
        #expect(throws: AmanatVaultError.self) { try scene.reopen() }
        #expect(throws: AmanatVaultError.self) {
            try Vault.open(at: scene.path, trust: .administrator(scene.t.administrator.publicKey))
        }
    }

    @Test("a vault rolled back to an earlier copy, or whose log forked, is refused")
    func rollback() throws {
        let scene = try Scene()
        try scene.t.submit()
        _ = try scene.reopen()
        try scene.snapshot("backup")
        let (record, _) = try scene.t.submit("later testimony")
        _ = try scene.t.makeCase([record])
        _ = try scene.reopen()

        try scene.restore("backup")
        let error = #expect(throws: AmanatVaultError.self) { try scene.reopen() }
        guard case .rolledBack = error else {
            Issue.record("expected a rollback, got \(String(describing: error))")
            return
        }

        // A fork: the old copy grows again by other entries, past the remembered count.
        let forked = try Vault(
            store: SQLiteVaultStore(path: scene.path + "/" + Vault.databaseName),
            blobs: BlobFolder(path: scene.path + "/blobs"))
        for index in 0..<5 { _ = try forked.submit(TestVault.sample("fork \(index)")) }
        let forkError = #expect(throws: AmanatVaultError.self) { try scene.reopen() }
        guard case .rolledBack = forkError else {
            Issue.record("expected a fork, got \(String(describing: forkError))")
            return
        }

        // Forgetting the vault (after a deliberate restore) makes the next open a first contact again.
        #expect(try scene.known.forget(location: Vault.location(of: scene.path)))
        #expect(try scene.reopen().trustOutcome == .firstContact(scene.t.administrator.publicKey.fingerprint))
    }

    @Test("an unsigned settings row (an older vault) opens, and the administrator's next action signs it")
    func legacySettings() throws {
        let scene = try Scene()
        try scene.attacker().write { db in try db.execute(sql: "UPDATE vaultInfo SET settingsSignature = NULL") }
        let vault = try scene.reopen()
        #expect(!vault.settingsSigned)
        _ = try vault.createCase(title: "case", notes: "", administrator: scene.t.administrator)
        #expect(try scene.reopen().settingsSigned)
    }

    @Test("edited codename settings break the signature")
    func editedCodenameSettings() throws {
        let scene = try Scene()
        for (column, value) in [
            ("codenameOpsLimit", 3 as any DatabaseValueConvertible), ("codenameMemLimit", 16384),
            ("codenameSalt", Data(repeating: 7, count: 16)), ("createdDay", "2001-01-01"),
        ] {
            let before = try scene.attacker().read { db in try #require(try VaultInfoRow.fetchOne(db)) }
            try scene.attacker().write { db in
                try db.execute(sql: "UPDATE vaultInfo SET \(column) = ?", arguments: [value])
            }
            #expect(throws: AmanatVaultError.self, "\(column)") { try scene.reopen() }
            try scene.attacker().write { db in try before.update(db) }
            _ = try scene.reopen()
        }
    }

    @Test("a damaged known-vaults file is refused with the line to fix")
    func damagedFile() throws {
        let scene = try Scene()
        try "# comment\nnot a line at all\n".write(toFile: scene.known.path, atomically: true, encoding: .utf8)
        #expect(throws: AmanatVaultError.knownVaultsDamaged(path: scene.known.path, line: 2)) { try scene.reopen() }
    }
}

/// The settings statement pinned by a vector written from the spec with PyNaCl
/// (Fixtures/vectors/vault-settings.json, made by Tests/Interop/make_settings_vector.py).
@Suite("Vault settings statement vector")
struct SettingsVectorTests {
    struct Vector: Decodable {
        let ed25519_seed, intake_key, administrator_signing_key, codename_salt, created_day, statement,
            signature: String
        let codename_ops_limit, codename_mem_limit: Int64
    }

    @Test("the statement's bytes and the administrator's signature match the vector; any changed byte fails")
    func vector() throws {
        let url = try #require(
            Bundle.module.url(
                forResource: "vault-settings", withExtension: "json",
                subdirectory: "Fixtures/vectors"))
        let v = try JSONDecoder().decode(Vector.self, from: Data(contentsOf: url))
        let row = VaultInfoRow(
            formatVersion: 1, intakeKey: Data(try Hex.decode(v.intake_key)),
            administratorSigningKey: Data(try Hex.decode(v.administrator_signing_key)),
            codenameSalt: Data(try Hex.decode(v.codename_salt)), codenameOpsLimit: v.codename_ops_limit,
            codenameMemLimit: v.codename_mem_limit, createdDay: v.created_day)
        let statement = try #require(VaultFormat.settingsStatement(row))
        #expect(Hex.encode(statement) == v.statement)
        let signer = Identity(
            encryptionKey: X25519.PrivateKey(),
            signingKey: try Ed25519.PrivateKey(
                seed: try Hex.decodeSecret(Array(v.ed25519_seed.utf8))))
        #expect(Hex.encode(Array(try Vault.signSettings(row, administrator: signer))) == v.signature)
        let key = try Ed25519.PublicKey(rawRepresentation: try Hex.decode(v.administrator_signing_key))
        let signature = try Hex.decode(v.signature)
        #expect(key.isValidSignature(signature, for: statement))
        for index in stride(from: 0, to: statement.count, by: 7) {
            var changed = statement
            changed[index] ^= 1
            #expect(!key.isValidSignature(signature, for: changed), "byte \(index)")
        }
    }
}
