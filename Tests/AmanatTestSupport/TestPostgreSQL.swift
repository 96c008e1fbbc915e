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

    /// Runs one SQL statement with psql (the tests' way to act as an administrator of the cluster).
    public static func psql(_ url: String, _ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", statement]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw TestPostgreSQLError("psql failed: \(message)")
        }
    }
}

/// A failure to prepare a PostgreSQL test database.
public struct TestPostgreSQLError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
