import Foundation

/// Fresh PostgreSQL databases for tests, in the throwaway cluster `make test` starts and stops
/// (Scripts/postgres-test-cluster.sh), whose address AMANAT_TEST_POSTGRESQL holds. Without it (a bare
/// `swift test`), the PostgreSQL tests are not run; `make test` always sets it.
public enum TestPostgreSQL {
    /// The cluster's address, if the tests have one.
    public static var clusterURL: String? {
        ProcessInfo.processInfo.environment["AMANAT_TEST_POSTGRESQL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the PostgreSQL tests run.
    public static var isAvailable: Bool { clusterURL != nil }

    /// The address of a new, empty database in the cluster.
    public static func freshDatabase() throws -> String {
        guard let clusterURL, var components = URLComponents(string: clusterURL) else {
            throw TestPostgreSQLError("AMANAT_TEST_POSTGRESQL is not set: run the tests with `make test`")
        }
        let name = "amanat_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try psql(clusterURL, "CREATE DATABASE \(name)")
        components.path = "/" + name
        guard let url = components.string else { throw TestPostgreSQLError("cannot name database \(name)") }
        return url
    }

    /// Runs SQL with psql (the tests' way to act as an administrator of the cluster, or as any role).
    public static func psql(_ url: String, _ statement: String) throws {
        _ = try query(url, statement)
    }

    /// Runs SQL with psql and returns what it printed: unaligned, without headers, one row per line.
    public static func query(_ url: String, _ statement: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", statement]
        let (output, errors) = (Pipe(), Pipe())
        process.standardError = errors
        process.standardOutput = output
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw TestPostgreSQLError("psql failed: \(message)")
        }
        return String(decoding: printed, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The database an address names.
    public static func database(of url: String) throws -> String {
        guard let components = URLComponents(string: url), components.path.count > 1 else {
            throw TestPostgreSQLError("no database in the address")
        }
        return String(components.path.dropFirst())
    }

    /// The address of `database` (a fresh one when nil) over TCP to `host` with TLS `settings` (an address
    /// query such as `sslmode=verify-full&sslrootcert={ca}`, where `{ca}` stands for the cluster's authority and
    /// `{other-ca}` for one that signed nothing). The cluster takes TCP connections only with TLS.
    public static func tcpAddress(
        host: String = "localhost", settings: String, database: String? = nil
    ) throws
        -> String
    {
        let fresh = try freshDatabase()
        guard let components = URLComponents(string: fresh), let port = components.port,
            let folder = components.queryItems?.first(where: { $0.name == "host" })?.value
        else { throw TestPostgreSQLError("AMANAT_TEST_POSTGRESQL has no port and socket folder") }
        let query = settings.replacingOccurrences(of: "{other-ca}", with: folder + "/tls/other-ca.crt")
            .replacingOccurrences(of: "{ca}", with: folder + "/tls/ca.crt")
        let name = try database ?? self.database(of: fresh)
        return "postgresql://amanat@\(host):\(port)/\(name)" + (query.isEmpty ? "" : "?" + query)
    }

    /// The same address with another login.
    public static func address(_ url: String, user: String) throws -> String {
        guard var components = URLComponents(string: url) else { throw TestPostgreSQLError("not an address") }
        components.user = user
        guard let address = components.string else { throw TestPostgreSQLError("cannot name login \(user)") }
        return address
    }
}

/// A failure to prepare a PostgreSQL test database.
public struct TestPostgreSQLError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
