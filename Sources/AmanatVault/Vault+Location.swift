public import AmanatCrypto
import Foundation

/// Where a vault is: a folder (its SQLite database and blob files, for one machine) or a PostgreSQL
/// database (its rows and blobs, for several intake servers and machines), as a person names it with
/// `--vault` or AMANAT_VAULT.
public enum VaultLocation: Sendable, Equatable, CustomStringConvertible {
    case folder(String)
    /// A `postgresql://` address (Docs/format.md §8.22); it never holds a password.
    case database(String)

    /// The location `text` names: a `postgresql://` or `postgres://` address, otherwise a folder.
    public init(_ text: String) {
        let lower = text.lowercased()
        self = lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://") ? .database(text) : .folder(text)
    }

    /// The folder, for a vault kept in one.
    public var folder: String? {
        if case .folder(let path) = self { return path }
        return nil
    }

    /// The database's name, for a vault kept in one (from the address, else PGDATABASE, else the user's name,
    /// as PostgreSQL itself picks it).
    public var database: String? {
        guard case .database(let address) = self, let components = URLComponents(string: address) else { return nil }
        let name = components.path.split(separator: "/").first.map(String.init)
        let environment = ProcessInfo.processInfo.environment
        return name ?? environment["PGDATABASE"] ?? components.user ?? environment["PGUSER"]
            ?? ProcessInfo.processInfo.userName
    }

    /// The folder's path or the database's address.
    public var description: String {
        switch self {
        case .folder(let path): return path
        case .database(let address): return address
        }
    }
}

extension Vault {
    /// Opens the vault at `location` and checks it against what the person trusts (see `open(at:trust:)`).
    /// - Throws: as `open(at:trust:)`; `.vaultNotFound` for a database that holds no vault.
    public static func open(_ location: VaultLocation, trust: VaultTrust) throws -> Vault {
        switch location {
        case .folder(let path):
            return try open(at: path, trust: trust)
        case .database(let address):
            let store = try PostgreSQLVaultStore(url: address)
            guard try store.read({ try $0.info() }) != nil else { throw AmanatVaultError.vaultNotFound(path: address) }
            return try open(store: store, blobs: PostgreSQLBlobs(store: store), location: address, trust: trust)
        }
    }

    /// Creates a new vault at `location` (an empty or new folder, or a database without a vault), remembered
    /// in `knownVaults` as this administrator's.
    /// - Throws: `.vaultExists`, `.storage`.
    public static func create(
        _ location: VaultLocation, administrator: Identity, codenameParameters: Argon2id.Parameters = .interactive,
        knownVaults: KnownVaults? = nil
    ) throws -> Vault {
        switch location {
        case .folder(let path):
            return try create(
                at: path, administrator: administrator, codenameParameters: codenameParameters,
                knownVaults: knownVaults)
        case .database(let address):
            return try create(inDatabase: address, knownVaults: knownVaults) { store, blobs in
                try create(
                    store: store, blobs: blobs, administrator: administrator, codenameParameters: codenameParameters)
            }
        }
    }

    /// Creates a new vault at `location` from the administrator's public key alone (see
    /// `create(at:administratorKey:codenameParameters:knownVaults:)`).
    public static func create(
        _ location: VaultLocation, administratorKey: Identity.PublicKey,
        codenameParameters: Argon2id.Parameters = .interactive, knownVaults: KnownVaults? = nil
    ) throws -> Vault {
        switch location {
        case .folder(let path):
            return try create(
                at: path, administratorKey: administratorKey, codenameParameters: codenameParameters,
                knownVaults: knownVaults)
        case .database(let address):
            return try create(inDatabase: address, knownVaults: knownVaults) { store, blobs in
                try create(
                    store: store, blobs: blobs, administratorKey: administratorKey,
                    codenameParameters: codenameParameters)
            }
        }
    }

    /// Whether `location` already holds a vault (or, for a folder, anything at all).
    public static func isTaken(_ location: VaultLocation) throws -> Bool {
        switch location {
        case .folder(let path):
            return !((try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty ?? true)
        case .database(let address):
            return try PostgreSQLVaultStore(url: address).read { try $0.info() } != nil
        }
    }

    /// A new vault made by `make` in the database at `address`, which must hold none yet, remembered in
    /// `knownVaults`.
    private static func create(
        inDatabase address: String, knownVaults: KnownVaults?,
        _ make: (PostgreSQLVaultStore, PostgreSQLBlobs) throws -> Vault
    ) throws -> Vault {
        let store = try PostgreSQLVaultStore(url: address)
        guard try store.read({ try $0.info() }) == nil else { throw AmanatVaultError.vaultExists(path: address) }
        let vault = try make(store, PostgreSQLBlobs(store: store))
        try knownVaults?.remember(vault, location: address)
        return vault
    }
}
