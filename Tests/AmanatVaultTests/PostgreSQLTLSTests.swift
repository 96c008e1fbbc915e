import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

/// TLS to the database with libpq's settings: the cluster `make test` starts takes TCP connections only with
/// TLS, with a certificate for localhost and 127.0.0.1 signed by its own throwaway authority.
@Suite("PostgreSQL over TLS", .enabled(if: TestPostgreSQL.isAvailable, "needs the cluster `make test` starts"))
struct PostgreSQLTLSTests {
    /// A home folder with no ~/.postgresql and no PG* variables: only the address decides.
    static func environment() throws -> (TemporaryDirectory, [String: String]) {
        let home = try TemporaryDirectory()
        return (home, ["HOME": home.path])
    }

    /// Whether the store's connection is encrypted, as the server sees it.
    static func encrypted(_ store: PostgreSQLVaultStore) throws -> Bool {
        try store.withSession { session in
            try session.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first?.decode(Bool.self)
        } == true
    }

    @Test(
        "a vault opens over TLS with the server's certificate checked, and by default TLS is used when offered",
        arguments: [
            "sslmode=verify-full&sslrootcert={ca}", "sslmode=require", "", "sslmode=verify-ca&sslrootcert={ca}",
        ])
    func connects(settings: String) throws {
        let (home, environment) = try Self.environment()
        let address = try TestPostgreSQL.tcpAddress(settings: settings)
        let store = try PostgreSQLVaultStore(url: address, environment: environment)
        #expect(try Self.encrypted(store))
        WeakTestKeys.allow()
        let administrator = Identity()
        let vault = try Vault.create(
            store: store, blobs: PostgreSQLBlobs(store: store), administrator: administrator,
            codenameParameters: .minimumForTesting)
        let (record, _) = try vault.submit(TestVault.sample())
        #expect(try vault.open(record, as: .administrator(administrator)).statement.contains("Ахмед"))
        withExtendedLifetime(home) {}
    }

    @Test("a server whose certificate the given authority did not sign, or that names another host, is refused")
    func refusesWrongServer() throws {
        let (home, environment) = try Self.environment()
        let unsigned = "its TLS certificate is not signed by the authority in sslrootcert"
        for (host, settings, reason) in [
            ("localhost", "sslmode=verify-full&sslrootcert={other-ca}", unsigned),
            ("localhost", "sslmode=verify-ca&sslrootcert={other-ca}", unsigned),
            // A root file makes require check the authority too, as in libpq.
            ("localhost", "sslmode=require&sslrootcert={other-ca}", unsigned),
            // The certificate names localhost and 127.0.0.1, not 127.0.0.2.
            ("127.0.0.2", "sslmode=verify-full&sslrootcert={ca}", "its TLS certificate is for another host name"),
        ] {
            let address = try TestPostgreSQL.tcpAddress(host: host, settings: settings)
            #expect(Comment(rawValue: "\(host) \(settings)")) {
                try PostgreSQLVaultStore(url: address, environment: environment)
            } throws: { "\($0)".contains("cannot connect") && "\($0)".contains(reason) }
        }
        // verify-ca checks the authority only, so the other name passes.
        let otherName = try TestPostgreSQL.tcpAddress(host: "127.0.0.2", settings: "sslmode=verify-ca&sslrootcert={ca}")
        #expect(try Self.encrypted(PostgreSQLVaultStore(url: otherName, environment: environment)))
        withExtendedLifetime(home) {}
    }

    @Test("settings that cannot be honoured are refused with one clear line, never weakened")
    func mistakes() throws {
        let (home, environment) = try Self.environment()
        let cases: [(String, String)] = [
            ("sslmode=verify-full", "sslrootcert=FILE"),
            ("sslmode=verify-ca", "sslrootcert=FILE"),
            ("sslmode=verify-full&sslrootcert=/nonexistent/ca.crt", "cannot read /nonexistent/ca.crt"),
            ("sslmode=sometimes", "is not one of"),
            ("sslmode=require&sslcert=/nonexistent/me.crt", "cannot read"),
            // The server takes no TCP connection without TLS.
            ("sslmode=disable", "cannot connect"),
        ]
        for (settings, message) in cases {
            let address = try TestPostgreSQL.tcpAddress(settings: settings)
            #expect(Comment(rawValue: settings)) {
                try PostgreSQLVaultStore(url: address, environment: environment)
            } throws: { "\($0)".contains(message) && !"\($0)".contains("\n") }
        }
        // The environment's PGSSLMODE and PGSSLROOTCERT count when the address says nothing.
        let folder = try #require(URLComponents(string: try TestPostgreSQL.freshDatabase())?.queryItems?.first?.value)
        let variables = environment.merging(
            ["PGSSLMODE": "verify-full", "PGSSLROOTCERT": folder + "/tls/ca.crt"], uniquingKeysWith: { $1 })
        #expect(
            try Self.encrypted(
                PostgreSQLVaultStore(url: TestPostgreSQL.tcpAddress(settings: ""), environment: variables)))
        let wrong = variables.merging(["PGSSLROOTCERT": folder + "/tls/other-ca.crt"], uniquingKeysWith: { $1 })
        #expect(throws: AmanatVaultError.self) {
            try PostgreSQLVaultStore(url: TestPostgreSQL.tcpAddress(settings: ""), environment: wrong)
        }
        withExtendedLifetime(home) {}
    }
}
