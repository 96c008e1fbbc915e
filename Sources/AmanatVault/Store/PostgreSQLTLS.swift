import Foundation
import NIOSSL
import PostgresNIO

/// How a connection to PostgreSQL over TCP is protected, from libpq's own settings so that an address
/// that works with psql works with Amanat: `sslmode`, `sslrootcert`, `sslcert` and `sslkey` in the
/// address's query, else PGSSLMODE, PGSSLROOTCERT, PGSSLCERT and PGSSLKEY, else libpq's defaults
/// (`prefer`, and the files in ~/.postgresql). A Unix socket never uses TLS, as in libpq.
///
/// | sslmode | Amanat |
/// |---|---|
/// | `disable` | no TLS |
/// | `allow`, `prefer` | TLS if the server offers it, without checking its certificate |
/// | `require` | TLS or no connection; the certificate is checked as for `verify-ca` when a root file exists |
/// | `verify-ca` | TLS, with a certificate signed by an authority in `sslrootcert` |
/// | `verify-full` | as `verify-ca`, and the certificate must name the host of the address |
///
/// `sslrootcert=system` trusts the system's authorities. Only `verify-full` stops a machine in the middle
/// that holds a certificate of its own: use it across any network you do not control.
enum PostgreSQLTLS {
    /// The TLS setting for a TCP connection.
    /// - Throws: `AmanatVaultError.storage` for an unknown mode, a missing or unreadable certificate file, or
    ///   `verify-ca`/`verify-full` without an authority to check against.
    static func configuration(
        query: [String: String], environment: [String: String], home: String
    ) throws -> PostgresConnection.Configuration.TLS {
        let setting = { (name: String, variable: String) in
            query[name].flatMap { $0.isEmpty ? nil : $0 } ?? environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        }
        let mode = setting("sslmode", "PGSSLMODE") ?? "prefer"
        let folder = home + "/.postgresql/"
        let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
        let rootFile =
            setting("sslrootcert", "PGSSLROOTCERT") ?? (exists(folder + "root.crt") ? folder + "root.crt" : nil)
        var tls = TLSConfiguration.makeClientConfiguration()
        var checked = true
        switch mode {
        case "disable": return .disable
        case "allow", "prefer": checked = false
        case "require": checked = rootFile != nil
        case "verify-ca", "verify-full": break
        default:
            throw AmanatVaultError.storage(
                "sslmode=\(mode.prefix(20)) is not one of disable, allow, prefer, require, verify-ca, verify-full")
        }
        tls.certificateVerification =
            !checked ? .none : mode == "verify-full" ? .fullVerification : .noHostnameVerification
        if checked {
            guard let rootFile else {
                throw AmanatVaultError.storage(
                    "sslmode=\(mode) needs the authority that signed the server's certificate: add "
                        + "sslrootcert=FILE to the address (or sslrootcert=system)")
            }
            tls.trustRoots = rootFile == "system" ? .default : .file(try readable(rootFile))
        }
        let certificate = setting("sslcert", "PGSSLCERT")
        let certificateFile = certificate ?? folder + "postgresql.crt"
        if certificate != nil || exists(certificateFile) {
            let keyFile = try readable(setting("sslkey", "PGSSLKEY") ?? folder + "postgresql.key")
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMFile(try readable(certificateFile)).map {
                    .certificate($0)
                }
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem))
            } catch let error as AmanatVaultError {
                throw error
            } catch {
                throw AmanatVaultError.storage(
                    "cannot use the client certificate \(certificateFile) and key \(keyFile) for PostgreSQL")
            }
        }
        do {
            let context = try NIOSSLContext(configuration: tls)
            return mode == "allow" || mode == "prefer" ? .prefer(context) : .require(context)
        } catch {
            throw AmanatVaultError.storage("cannot set up TLS to PostgreSQL with \(rootFile ?? "these settings")")
        }
    }

    /// `path`, if it is a file this process can read.
    private static func readable(_ path: String) throws -> String {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw AmanatVaultError.storage("cannot read \(path) (a TLS setting of the vault's PostgreSQL address)")
        }
        return path
    }
}
