import Foundation
import PostgresNIO

/// Where a PostgreSQL vault is and who connects to it, from a `postgresql://` address and PostgreSQL's
/// usual environment (PGUSER, PGDATABASE, PGHOST, PGPORT, PGPASSWORD, PGPASSFILE or ~/.pgpass). A
/// password written in the address is refused: an address can end up in a command line, a shell's history
/// or a log, so the password must come from the environment or the password file.
struct PostgreSQLSettings {
    let configuration: PostgresConnection.Configuration
    /// The server as named in messages: host and port, or the socket folder.
    let place: String

    init(url: String, environment: [String: String]) throws {
        guard let components = URLComponents(string: url),
            components.scheme == "postgresql" || components.scheme == "postgres"
        else {
            throw AmanatVaultError.storage(
                "a PostgreSQL vault's address starts with postgresql:// (postgresql://HOST/DATABASE)")
        }
        guard components.password == nil else {
            throw AmanatVaultError.storage(
                "the vault address holds a password; remove it and put it in PGPASSWORD or ~/.pgpass instead")
        }
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let host = query["host"] ?? components.host.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGHOST"]
        let port = components.port ?? environment["PGPORT"].flatMap(Int.init) ?? 5432
        let user = components.user ?? environment["PGUSER"] ?? ProcessInfo.processInfo.userName
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        let database = path.isEmpty ? environment["PGDATABASE"] ?? user : path
        let socketFolder = host.flatMap { $0.hasPrefix("/") ? $0 : nil } ?? (host == nil ? "/var/run/postgresql" : nil)
        let passwordHost = socketFolder == nil ? host ?? "localhost" : "localhost"
        let password =
            environment["PGPASSWORD"]
            ?? Self.passwordFile(environment).flatMap {
                Self.password(in: $0, host: passwordHost, port: port, database: database, user: user)
            }
        if let socketFolder {
            configuration = PostgresConnection.Configuration(
                unixSocketPath: socketFolder + "/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
            place = socketFolder
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            configuration = PostgresConnection.Configuration(
                host: host ?? "localhost", port: port, username: user, password: password, database: database,
                tls: try PostgreSQLTLS.configuration(query: query, environment: environment, home: home))
            place = "\(host ?? "localhost"):\(port)"
        }
    }

    /// The password file's text, if there is one.
    private static func passwordFile(_ environment: [String: String]) -> String? {
        let path =
            environment["PGPASSFILE"] ?? environment["HOME"].map { $0 + "/.pgpass" }
            ?? NSHomeDirectory() + "/.pgpass"
        return try? String(contentsOfFile: path, encoding: .utf8)
    }

    /// The password of the first line of a password file (host:port:database:user:password, `*` for any,
    /// `\` escaping `:` and `\`) that matches.
    static func password(in file: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in file.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [], field = "", escaped = false
            for character in line {
                if escaped {
                    field.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":", fields.count < 4 {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
            }
            fields.append(field)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields, wanted).allSatisfy({ $0.0 == "*" || $0.0 == $0.1 }) { return fields[4] }
        }
        return nil
    }
}
