import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresNIO

/// The store for several machines: one PostgreSQL database, through postgres-nio.
///
/// Every write transaction first takes one transaction-scoped advisory lock (`writerLock`), so writers run
/// one at a time, as SQLite's do, whichever process or machine they come from: the audit chain has one
/// head and each entry follows the one before it. Writes run at READ COMMITTED: every statement after
/// the lock sees all that was committed before it was granted. Reads run at REPEATABLE READ, READ ONLY:
/// one snapshot for the whole read, never blocked by a writer. Connections are kept for reuse (one per
/// concurrent transaction). Bound values never appear in errors: only PostgreSQL's message and code,
/// never its detail (which quotes key values).
public final class PostgreSQLVaultStore: VaultStore, @unchecked Sendable {
    private let settings: PostgreSQLSettings
    private let logger = Logger(label: "amanat.postgresql", factory: { _ in SwiftLogNoOpLogHandler() })
    private let lock = NSLock()
    private var idle: [PostgresConnection] = []
    private var nextConnectionID = 0

    /// The lock every write transaction holds ("Amanat" in ASCII).
    static let writerLock: Int64 = 0x416D_616E_6174

    /// Opens the database `url` names (`postgresql://[USER@]HOST[:PORT]/DATABASE`, or a Unix socket folder
    /// as `?host=/path`), creating the schema when it is empty. The password comes from PGPASSWORD or the
    /// password file (PGPASSFILE, ~/.pgpass), never from the address.
    /// - Throws: `AmanatVaultError.storage` or `.unsupportedVaultVersion`.
    public init(url: String, environment: [String: String]? = nil) throws {
        settings = try PostgreSQLSettings(url: url, environment: environment ?? ProcessInfo.processInfo.environment)
        try migrate()
    }

    deinit {
        for connection in idle { Self.close(connection) }
    }

    public func read<T>(_ body: (any VaultReader) throws -> T) throws -> T {
        try transaction(writing: false) { try body($0) }
    }

    public func write<T>(_ body: (any VaultWriter) throws -> T) throws -> T {
        try transaction(writing: true) { try body($0) }
    }

    private func transaction<T>(writing: Bool, _ body: (PostgreSQLRows) throws -> T) throws -> T {
        let session = try checkOut()
        var reusable = true
        defer { checkIn(session.connection, reusable: reusable) }
        do {
            if writing {
                try session.run("BEGIN ISOLATION LEVEL READ COMMITTED")
                try session.run("SELECT pg_advisory_xact_lock(\(Self.writerLock))")
            } else {
                try session.run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            }
            let result = try body(PostgreSQLRows(session: session))
            try session.run("COMMIT")
            return result
        } catch {
            do { try session.run("ROLLBACK") } catch { reusable = false }
            throw Self.storageError(error)
        }
    }

    /// Brings an empty database to the current schema; refuses one a newer Amanat has changed.
    /// Nothing is created where the schema is current, so a role without the right to create tables (the
    /// intake's, `PostgreSQLRoles`) opens the vault.
    private func migrate() throws {
        try transaction(writing: true) { rows in
            let found = try rows.session.query(#"SELECT to_regclass('"amanatSchema"') IS NOT NULL"#).first
            if try found?.decode(Bool.self) != true {
                try rows.session.run(#"CREATE TABLE "amanatSchema" ("revision" BIGINT NOT NULL)"#)
            }
            let revision =
                try rows.session.query(#"SELECT max("revision") FROM "amanatSchema""#).first
                .flatMap { try? $0.decode(Int?.self) } ?? 0
            guard revision <= PostgreSQLSchema.revisions.count else {
                throw AmanatVaultError.unsupportedVaultVersion(Int(VaultFormat.version) + 1)
            }
            for (index, statements) in PostgreSQLSchema.revisions.enumerated() where index + 1 > revision {
                do {
                    for statement in statements { try rows.session.run(PostgresQuery(unsafeSQL: statement)) }
                } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42501" && revision > 0 {
                    // A vault made by an earlier Amanat, opened with a login that may not create tables.
                    throw AmanatVaultError.storage(
                        "this vault was made by an earlier Amanat and needs schema revision \(index + 1), which only "
                            + "the database's owner can add: run any amanat command once with the owner's login "
                            + "(for example `amanat inbox --vault postgresql://OWNER@HOST/DATABASE`), then again")
                }
                try rows.session.run(#"INSERT INTO "amanatSchema" VALUES (\#(index + 1))"#)
            }
        }
    }

    /// Runs `body` on a connection of the pool, outside any transaction (each statement commits alone).
    func withSession<T>(_ body: (PostgreSQLSession) throws -> T) throws -> T {
        let session = try checkOut()
        defer { checkIn(session.connection, reusable: true) }
        do {
            return try body(session)
        } catch {
            throw Self.storageError(error)
        }
    }

    /// The event loop every PostgreSQL connection of the process runs on: its own thread, never one of the
    /// web intake's, so that a caller waiting for a query can never be the thread that must answer it.
    private static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private func checkOut() throws -> PostgreSQLSession {
        let reused: PostgresConnection? = lock.withLock { idle.popLast() }
        if let reused, !reused.isClosed { return PostgreSQLSession(connection: reused, logger: logger) }
        let id = lock.withLock {
            nextConnectionID += 1
            return nextConnectionID
        }
        do {
            let connection = try PostgresConnection.connect(
                on: Self.eventLoops.any(), configuration: settings.configuration, id: id,
                logger: logger
            ).wait()
            return PostgreSQLSession(connection: connection, logger: logger)
        } catch {
            throw AmanatVaultError.storage(
                "cannot connect to the vault's PostgreSQL server at \(settings.place) (\(Self.reason(error))); "
                    + "check that it runs and that the address, its TLS settings, user and password are right")
        }
    }

    private func checkIn(_ connection: PostgresConnection, reusable: Bool) {
        guard reusable, !connection.isClosed else {
            Self.close(connection)
            return
        }
        lock.withLock { idle.append(connection) }
    }

    /// Closes `connection` in the background, holding it until it is closed (postgres-nio requires it).
    private static func close(_ connection: PostgresConnection) {
        connection.close().whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    /// A storage failure as a one-line message without bound values.
    static func storageError(_ error: any Error) -> any Error {
        guard error is PSQLError else { return error }
        return AmanatVaultError.storage(reason(error))
    }

    /// PostgreSQL's message and code for `error` (never its detail, which quotes values).
    static func reason(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(type(of: error))" }
        if let message = error.serverInfo?[.message] {
            let code = error.serverInfo?[.sqlState].map { " (PostgreSQL code \($0))" } ?? ""
            return message + code
        }
        if let underlying = error.underlying { return connectionProblem(underlying) }
        return "\(error.code)"
    }

    /// Why a connection failed, in words (TLS problems above all: they are the ones a person can fix).
    static func connectionProblem(_ underlying: any Error) -> String {
        let text = String(describing: underlying)
        if text.contains("CERTIFICATE_VERIFY_FAILED") {
            return "its TLS certificate is not signed by the authority in sslrootcert"
        }
        if text.contains("failedToValidateHostname") { return "its TLS certificate is for another host name" }
        if text.contains("NIOSSL") || text.contains("BoringSSL") { return "the TLS handshake failed" }
        if text.contains("Connection refused") { return "connection refused" }
        return "\(type(of: underlying))"
    }
}

/// One connection inside a transaction: statements run one after the other, the caller waiting for each.
/// The connection's event loop is never the caller's thread, so waiting cannot deadlock.
struct PostgreSQLSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Runs a statement and returns its rows.
    func query(_ query: PostgresQuery) throws -> [PostgresRow] {
        try connection.query(query, logger: logger).wait().rows
    }

    /// Runs a statement, returning how many rows it changed.
    @discardableResult
    func run(_ query: PostgresQuery) throws -> Int {
        try connection.query(query, logger: logger).wait().metadata.rows ?? 0
    }
}
