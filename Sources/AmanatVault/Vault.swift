public import AmanatCrypto
import Foundation
import Synchronization

/// A vault: the gateway to every record, case, grant, mailbox and audit entry. Each method that
/// changes something runs one transaction that also appends its audit entry, so the log and the data
/// never disagree.
///
/// A vault on disk is a directory: `vault.sqlite` (with its WAL files) and `blobs/` for attachments.
public final class Vault: Sendable {
    /// Where rows are kept.
    public let store: any VaultStore
    /// Where attachments' encrypted bytes are kept.
    public let blobs: any BlobContainer
    /// The settings row.
    let info: VaultInfoRow
    /// The intake key: the administrator's X25519 public key.
    public let intakeKey: X25519.PublicKey
    /// The administrator's signing key, which grants and administrative audit entries must verify against.
    public let administratorKey: Ed25519.PublicKey
    /// Argon2id parameters for codenames.
    let codenameParameters: Argon2id.Parameters
    /// Whether the administrator has signed the settings (every vault from schema revision 3 on, and an
    /// older one after her next action). Until then the key halves are still checked against the trusted
    /// key, but the codename salt and parameters are not authenticated.
    public let settingsSigned: Bool
    /// What checking the vault against the person's trust found (`.matched` for a vault just created).
    public var trustOutcome: TrustOutcome { checkedTrust.withLock { $0 } }
    private let checkedTrust = Mutex(TrustOutcome.matched)

    /// The database file inside a vault directory.
    public static let databaseName = "vault.sqlite"
    /// The attachment folder inside a vault directory.
    public static let blobFolderName = "blobs"

    init(store: any VaultStore, blobs: any BlobContainer) throws {
        guard let info = try store.read({ try $0.info() }) else {
            throw AmanatVaultError.corrupted("the vault's settings")
        }
        guard info.formatVersion == Int(VaultFormat.version) else {
            throw AmanatVaultError.unsupportedVaultVersion(info.formatVersion)
        }
        self.store = store
        self.blobs = blobs
        self.info = info
        do {
            intakeKey = try X25519.PublicKey(rawRepresentation: Array(info.intakeKey))
            administratorKey = try Ed25519.PublicKey(rawRepresentation: Array(info.administratorSigningKey))
        } catch {
            throw AmanatVaultError.corrupted("the vault's settings")
        }
        // Below the floor (INTERACTIVE), a codename would be cheap to guess offline: refused, whatever the
        // settings say (only the test suite's debug switch lowers it).
        guard info.codenameOpsLimit >= 0, info.codenameMemLimit >= 0 else {
            throw AmanatVaultError.corrupted("the vault's settings")
        }
        codenameParameters = try vaultCrypto("the vault's settings") {
            try Argon2id.Parameters.validatedFromStorage(
                opsLimit: UInt64(info.codenameOpsLimit),
                memLimit: UInt64(info.codenameMemLimit),
                what: "the vault's codename setting")
        }
        if let signature = info.settingsSignature {
            // A signature that is there must verify: a settings row edited after signing is damage.
            guard let statement = VaultFormat.settingsStatement(info),
                administratorKey.isValidSignature(Array(signature), for: statement)
            else {
                throw AmanatVaultError.corrupted("the vault's settings (their signature does not verify)")
            }
            settingsSigned = true
        } else {
            settingsSigned = false
        }
    }

    /// The administrator's signature over `row`'s settings statement.
    static func signSettings(_ row: VaultInfoRow, administrator: Identity) throws -> Data {
        guard let statement = VaultFormat.settingsStatement(row) else {
            throw AmanatVaultError.corrupted("the vault's settings")
        }
        return Data(administrator.signingKey.signature(for: statement))
    }

    /// Creates a new vault in `directory` (which must not exist yet) for `administrator`.
    /// - Parameters:
    ///   - directory: the folder to create.
    ///   - administrator: the intake officer's or editor's identity; its X25519 key becomes the intake key.
    ///   - codenameParameters: Argon2id cost of deriving a mailbox from a codename (default INTERACTIVE).
    /// - Throws: `AmanatVaultError.vaultExists`, `.storage`.
    ///   - knownVaults: the creator's known-vaults file, where the new vault is remembered as hers.
    public static func create(
        at directory: String, administrator: Identity,
        codenameParameters: Argon2id.Parameters = .interactive,
        knownVaults: KnownVaults? = nil
    ) throws -> Vault {
        try create(at: directory, knownVaults: knownVaults) { store, blobs in
            try create(
                store: store, blobDirectory: blobs, administrator: administrator,
                codenameParameters: codenameParameters)
        }
    }

    /// Creates a new vault in `directory` from the administrator's public key alone, for an intake server
    /// that must never hold her secret key. Nothing is signed yet: the settings are signed at her first
    /// signed action (as for a vault made before schema revision 3, Docs/format.md §8.20), and until then
    /// every reader warns that they are not.
    /// - Throws: `AmanatVaultError.vaultExists`, `.storage`.
    public static func create(
        at directory: String, administratorKey: Identity.PublicKey,
        codenameParameters: Argon2id.Parameters = .interactive,
        knownVaults: KnownVaults? = nil
    ) throws -> Vault {
        try create(at: directory, knownVaults: knownVaults) { store, blobs in
            try create(
                store: store, blobs: BlobFolder(path: blobs), administratorKey: administratorKey,
                codenameParameters: codenameParameters)
        }
    }

    /// Creates a vault in an empty `store` from the administrator's public key alone (see above).
    static func create(
        store: any VaultStore, blobs: any BlobContainer, administratorKey: Identity.PublicKey,
        codenameParameters: Argon2id.Parameters
    ) throws -> Vault {
        let info = settings(for: administratorKey, codenameParameters: codenameParameters)
        try store.write { writer in
            guard try writer.info() == nil else { throw AmanatVaultError.vaultExists(path: "the database") }
            try writer.insert(info)
        }
        return try Vault(store: store, blobs: blobs)
    }

    /// The folder, its blob folder and its database, then `make` to fill the database.
    private static func create(
        at directory: String, knownVaults: KnownVaults?,
        _ make: (SQLiteVaultStore, String) throws -> Vault
    ) throws -> Vault {
        let manager = FileManager.default
        if manager.fileExists(atPath: directory),
            !((try? manager.contentsOfDirectory(atPath: directory))?.isEmpty ?? false)
        {
            // Either a vault or something else: never write into a folder that already holds files.
            throw AmanatVaultError.vaultExists(path: directory)
        }
        let blobs = directory + "/" + blobFolderName
        try manager.createDirectory(
            atPath: blobs, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory)
        // The database is created empty with mode 0600 first: SQLite gives its WAL files the same mode.
        guard
            manager.createFile(
                atPath: directory + "/" + databaseName, contents: nil, attributes: [.posixPermissions: 0o600])
        else {
            throw AmanatVaultError.storage("cannot create \(directory)/\(databaseName)")
        }
        let store = try SQLiteVaultStore(path: directory + "/" + databaseName)
        let vault = try make(store, blobs)
        try knownVaults?.remember(vault, location: try location(of: directory))
        return vault
    }

    /// Creates a vault in an empty `store`, with attachments in the folder `blobDirectory`.
    public static func create(
        store: any VaultStore, blobDirectory: String, administrator: Identity,
        codenameParameters: Argon2id.Parameters = .interactive
    ) throws -> Vault {
        try create(
            store: store, blobs: BlobFolder(path: blobDirectory), administrator: administrator,
            codenameParameters: codenameParameters)
    }

    /// Creates a vault in an empty `store`, with attachments in `blobs` (another backend).
    public static func create(
        store: any VaultStore, blobs: any BlobContainer, administrator: Identity,
        codenameParameters: Argon2id.Parameters = .interactive
    ) throws -> Vault {
        var info = settings(for: administrator.publicKey, codenameParameters: codenameParameters)
        info.settingsSignature = try signSettings(info, administrator: administrator)
        try store.write { writer in
            guard try writer.info() == nil else { throw AmanatVaultError.vaultExists(path: "the database") }
            try writer.insert(info)
            try AuditLog.append(to: writer, action: "vault.create", objects: [], actor: administrator)
        }
        return try Vault(store: store, blobs: blobs)
    }

    /// Fresh, unsigned settings for a vault of `administrator`.
    private static func settings(
        for administrator: Identity.PublicKey, codenameParameters: Argon2id.Parameters
    ) -> VaultInfoRow {
        VaultInfoRow(
            formatVersion: Int(VaultFormat.version),
            intakeKey: Data(administrator.encryption.rawRepresentation),
            administratorSigningKey: Data(administrator.signing.rawRepresentation),
            codenameSalt: Data(SecureRandom.bytes(Argon2id.saltSize)),
            codenameOpsLimit: Int64(codenameParameters.opsLimit),
            codenameMemLimit: Int64(codenameParameters.memLimit),
            createdDay: Day.today().description)
    }

    /// Opens the vault in `directory` and checks it against what the person trusts: its administrator
    /// key must be the one she was given or remembered, and its audit log must still hold the head she
    /// verified last time (`VaultTrust`).
    /// - Parameters:
    ///   - directory: the vault folder.
    ///   - trust: the administrator key and/or known-vaults file to check against.
    /// - Throws: `AmanatVaultError.vaultNotFound`, `.unsupportedVaultVersion`, `.corrupted`, `.storage`,
    ///   `.administratorMismatch`, `.rolledBack`, `.auditBroken`, `.knownVaultsDamaged`.
    public static func open(at directory: String, trust: VaultTrust) throws -> Vault {
        let database = directory + "/" + databaseName
        guard FileManager.default.fileExists(atPath: database) else {
            throw AmanatVaultError.vaultNotFound(path: directory)
        }
        let vault = try Vault(
            store: SQLiteVaultStore(path: database), blobs: BlobFolder(path: directory + "/" + blobFolderName))
        let outcome = try vault.check(trust, location: try location(of: directory))
        vault.checkedTrust.withLock { $0 = outcome }
        return vault
    }

    /// Opens a vault kept in `store` (another backend) and checks it against `trust`.
    /// - Parameter location: the vault's name in the known-vaults file (for example its database URL).
    public static func open(
        store: any VaultStore, blobDirectory: String, location: String,
        trust: VaultTrust
    ) throws -> Vault {
        try open(store: store, blobs: BlobFolder(path: blobDirectory), location: location, trust: trust)
    }

    /// Opens a vault kept in `store`, its attachments in `blobs`, and checks it against `trust`.
    public static func open(
        store: any VaultStore, blobs: any BlobContainer, location: String,
        trust: VaultTrust
    ) throws -> Vault {
        let vault = try Vault(store: store, blobs: blobs)
        let outcome = try vault.check(trust, location: location)
        vault.checkedTrust.withLock { $0 = outcome }
        return vault
    }

    /// A vault folder's absolute path with links resolved: its name in known-vaults files.
    static func location(of directory: String) throws -> String {
        guard let resolved = realpath(directory, nil) else { throw AmanatVaultError.vaultNotFound(path: directory) }
        defer { free(resolved) }
        let path = String(cString: resolved)
        guard !path.contains("\n") else {
            throw AmanatVaultError.invalidArgument("a vault path may not contain a line break")
        }
        return path
    }

    /// Whether `identity` is this vault's administrator.
    public func isAdministrator(_ identity: Identity) -> Bool {
        identity.publicKey.encryption == intakeKey && identity.publicKey.signing == administratorKey
    }

    /// Fails unless `identity` is the administrator.
    func requireAdministrator(_ identity: Identity) throws {
        guard isAdministrator(identity) else { throw AmanatVaultError.notAdministrator }
    }
}

/// Runs `body`, turning AmanatCrypto's errors into `AmanatVaultError.crypto`, or into `.corrupted`
/// when stored data failed authentication.
@discardableResult
func vaultCrypto<T>(_ what: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as AmanatCryptoError {
        switch error {
        case .authenticationFailed, .truncated, .trailingData, .invalidPadding, .invalidSignature, .invalidLength:
            throw AmanatVaultError.corrupted(what)
        default:
            throw AmanatVaultError.crypto(error)
        }
    }
}
