public import AmanatCrypto
public import AmanatVault
import Foundation

/// Test vaults use 1 pass over 8 KiB for codenames so that tests stay fast; vaults refuse that below the
/// floor unless the debug-only switch is on (Docs/crypto.md §17). Every test process that makes one calls this.
public enum WeakTestKeys {
    /// Turns the debug-only switch on for this process.
    public static func allow() { setenv("AMANAT_TEST_WEAK_KEYS", "1", 1) }
}

/// A vault for a test: an administrator, a blob folder, and weak codename parameters so tests stay fast.
public struct TestVault {
    /// The folder everything lives in.
    public let directory: TemporaryDirectory
    /// The administrator.
    public let administrator = Identity()
    /// The vault.
    public let vault: Vault

    /// In memory (SQLite in memory, blobs in a temporary folder), or on disk (`vault/` in the folder).
    public init(onDisk: Bool = false) throws {
        WeakTestKeys.allow()
        directory = try TemporaryDirectory(prefix: "amanat-vault-tests")
        if onDisk {
            vault = try Vault.create(
                at: directory.file("vault"), administrator: administrator, codenameParameters: .minimumForTesting)
        } else {
            let blobs = directory.file("blobs")
            try FileManager.default.createDirectory(atPath: blobs, withIntermediateDirectories: true)
            vault = try Vault.create(
                store: SQLiteVaultStore(), blobDirectory: blobs, administrator: administrator,
                codenameParameters: .minimumForTesting)
        }
    }

    /// A vault kept in `store` (another backend), with blobs in a temporary folder.
    public init(store: any VaultStore) throws {
        WeakTestKeys.allow()
        directory = try TemporaryDirectory(prefix: "amanat-vault-tests")
        let blobs = directory.file("blobs")
        try FileManager.default.createDirectory(atPath: blobs, withIntermediateDirectories: true)
        vault = try Vault.create(
            store: store, blobDirectory: blobs, administrator: administrator, codenameParameters: .minimumForTesting)
    }

    /// A vault kept wholly in the PostgreSQL database `store` opened: records, and attachments in pieces of
    /// `pieceSize` bytes (small, so that a blob spans many).
    public init(postgreSQL store: PostgreSQLVaultStore, pieceSize: Int = 8_192) throws {
        WeakTestKeys.allow()
        directory = try TemporaryDirectory(prefix: "amanat-vault-tests")
        vault = try Vault.create(
            store: store, blobs: PostgreSQLBlobs(store: store, pieceSize: pieceSize), administrator: administrator,
            codenameParameters: .minimumForTesting)
    }

    /// A sample testimony with recognisable facts.
    public static func sample(
        _ statement: String = "Мой сын Ахмед ушёл 14 марта 2002 "
            + "года."
    ) -> Testimony {
        Testimony(
            statement: statement, people: [.init(name: "Ахмед Хакиев", role: "сын")], places: ["Карабулак"],
            dates: ["2002-03-14"], language: "ru", contact: "only through replies")
    }

    /// Submits a sample and returns its id and codename.
    @discardableResult
    public func submit(
        _ statement: String = "Мой сын Ахмед ушёл 14 марта 2002 "
            + "года.", attachments: [AttachmentSource] = []
    ) throws -> (Testimony.ID, Codename) {
        try submit(Self.sample(statement), attachments: attachments)
    }

    /// Submits `testimony` and returns its id and codename.
    @discardableResult
    public func submit(_ testimony: Testimony, attachments: [AttachmentSource] = []) throws -> (Testimony.ID, Codename)
    {
        let result = try vault.submit(testimony, attachments: attachments)
        return (result.record, result.codename)
    }

    /// A case holding `records`.
    public func makeCase(_ records: [Testimony.ID], title: String = "Хакиев, 2002") throws -> Case.ID {
        let id = try vault.createCase(title: title, notes: "notes", administrator: administrator)
        try vault.assign(records, to: id, administrator: administrator)
        return id
    }

    /// Grants `lawyer` access to `caseID` for `days` days.
    @discardableResult
    public func grant(
        _ caseID: Case.ID, to lawyer: Identity, days: Int = 30, permissions: Grant.Permissions = .read
    ) throws -> Grant.ID {
        try vault.issueGrant(
            case: caseID, to: lawyer.publicKey, permissions: permissions, expires: Day.today().adding(days: days),
            administrator: administrator)
    }

    /// Writes `bytes` to a new file in the test folder.
    public func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = directory.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

extension Vault {
    /// The folder of a vault whose attachments are files (every test vault but the PostgreSQL-only ones).
    public var blobDirectory: String {
        guard let folder = blobs as? BlobFolder else { preconditionFailure("this test vault keeps no blob folder") }
        return folder.path
    }
}
