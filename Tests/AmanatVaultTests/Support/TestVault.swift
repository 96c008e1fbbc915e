import AmanatCrypto
import Foundation
import Testing

@testable import AmanatVault

/// A fresh temporary directory, removed when the value goes away.
final class TemporaryDirectory: @unchecked Sendable {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("amanat-vault-tests-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// Test vaults use 1 pass over 8 KiB for codenames so that tests stay fast; vaults refuse that below the
/// floor unless the debug-only switch is on (Docs/crypto.md §17). Every test process that makes one calls this.
enum WeakTestKeys {
    static func allow() { setenv("AMANAT_TEST_WEAK_KEYS", "1", 1) }
}

/// A vault for a test: an administrator, a blob folder, and weak codename parameters so tests stay fast.
struct TestVault {
    let directory: TemporaryDirectory
    let administrator = Identity()
    let vault: Vault

    /// In memory (SQLite in memory, blobs in a temporary folder), or on disk when `onDisk`.
    init(onDisk: Bool = false) throws {
        WeakTestKeys.allow()
        directory = try TemporaryDirectory()
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

    /// A sample testimony with recognisable facts.
    static func sample(_ statement: String = "Мой сын Ахмед ушёл 14 марта 2002 года.") -> Testimony {
        Testimony(
            statement: statement, people: [.init(name: "Ахмед Хакиев", role: "сын")], places: ["Карабулак"],
            dates: ["2002-03-14"], language: "ru", contact: "only through replies")
    }

    /// Submits a sample and returns its id and codename.
    @discardableResult
    func submit(
        _ statement: String = "Мой сын Ахмед ушёл 14 марта 2002 года.", attachments: [AttachmentSource] = []
    ) throws -> (Testimony.ID, Codename) {
        let result = try vault.submit(Self.sample(statement), attachments: attachments)
        return (result.record, result.codename)
    }

    /// A case holding `records`.
    func makeCase(_ records: [Testimony.ID], title: String = "Хакиев, 2002") throws -> Case.ID {
        let id = try vault.createCase(title: title, notes: "notes", administrator: administrator)
        try vault.assign(records, to: id, administrator: administrator)
        return id
    }

    /// Grants `lawyer` access to `caseID` for `days` days.
    @discardableResult
    func grant(
        _ caseID: Case.ID, to lawyer: Identity, days: Int = 30, permissions: Grant.Permissions = .read
    ) throws -> Grant.ID {
        try vault.issueGrant(
            case: caseID, to: lawyer.publicKey, permissions: permissions, expires: Day.today().adding(days: days),
            administrator: administrator)
    }

    /// Writes `bytes` to a new file in the test directory.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = directory.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
