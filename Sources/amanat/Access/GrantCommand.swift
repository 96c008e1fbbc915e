import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat grant`: giving a lawyer access to a case.
    struct GrantCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant",
            abstract: "Grant a lawyer access to a case, or list grants.",
            discussion: """
                `amanat grant CASE …` issues a grant (see `amanat grant issue --help` for its options).

                Examples:
                  amanat grant CASE --to amanat1yxod… --expires 90d
                  amanat grant list CASE
                  amanat grant login --to lawyer.pub --login maria --vault postgresql://db/vault
                """,
            subcommands: [Issue.self, List.self, Login.self],
            defaultSubcommand: Issue.self
        )
    }
}

extension Amanat.GrantCommand {
    /// `amanat grant CASE --to KEY --expires 90d`.
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: "Grant a lawyer access to a case until a day (signed by the administrator).",
            discussion: """
                --to takes the lawyer's public key (amanat1…), or a file holding what \
                `amanat identity show` printed for her. Check its fingerprint with her by phone first \
                (`amanat identity show amanat1…`). --expires takes days (90d) or a date (2027-02-23). \
                Granting again to the same lawyer replaces her grant.

                Examples:
                  amanat grant CASE --to amanat1yxod… --expires 90d
                  amanat grant CASE --to lawyer.pub --expires 2027-02-23 --publish
                  amanat grant CASE --to lawyer.pub --expires 90d --json
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The case id.", valueName: "CASE")) var caseID: String
        @Option(
            help: ArgumentHelp(
                "The lawyer's public key (amanat1…), or a text file holding it.", valueName: "PUBLIC-KEY-OR-FILE"))
        var to: String
        @Option(help: ArgumentHelp("How long: days like 90d, or a last day YYYY-MM-DD.", valueName: "WHEN"))
        var expires: String
        @Flag(help: "Also allow publishing redacted projections.") var publish = false
        @Option(
            help: ArgumentHelp(
                "The lawyer's name as sources see it beside her replies (signed by you).",
                valueName: "NAME"))
        var name: String?

        func validate() throws {
            _ = try Self.expiry(expires)
            if let name, !Vault.isAcceptableName(name.trimmingCharacters(in: .whitespacesAndNewlines)) {
                throw ValidationError("--name must be 1 to 120 bytes of text, without control characters")
            }
        }

        /// The last valid day for "90d" or "YYYY-MM-DD".
        static func expiry(_ text: String) throws -> Day {
            if text.hasSuffix("d"), let days = Int(text.dropLast()) {
                guard (1...3650).contains(days) else { throw ValidationError("--expires must be 1d to 3650d") }
                return Day.today().adding(days: days)
            }
            guard let day = try? Day(text) else {
                throw ValidationError("--expires takes days like 90d or a date like 2027-02-23")
            }
            guard day >= Day.today() else { throw ValidationError("--expires \(text) is in the past") }
            guard day <= Day.today().adding(days: 3650) else {
                throw ValidationError("--expires must be within 10 years (3650d)")
            }
            return day
        }

        func run() throws {
            let vault = try self.vault.open()
            let grantee = try PublicKeyArgument.parse(to)
            let caseID = try IDArgument.caseID(self.caseID, in: vault)
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let id = try vault.issueGrant(
                case: caseID, to: grantee, permissions: publish ? .readAndPublish : .read,
                expires: try Self.expiry(expires), administrator: administrator)
            if let name { try vault.setAuthorName(name, for: grantee, administrator: administrator) }
            if output.json {
                // The grant exactly as `grant list --json` shows it, read back from the vault.
                guard let grant = try vault.grants(case: caseID, today: CLIClock.today).first(where: { $0.id == id })
                else { throw CLIError.notFound("grant \(id) is not in the vault") }
                return try output.printJSON(GrantEntry(grant))
            }
            print("Granted case \(caseID) to \(grantee.fingerprint) until \(try Self.expiry(expires)) (grant \(id)).")
        }
    }

    /// `amanat grant list [CASE]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List grants, of one case or all, with their status today.",
            discussion: "Example:\n  amanat grant list 38fa8e… --json"
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: OutputOptions
        @Argument(
            help: ArgumentHelp("Only this case (its id, or the first 6 or more characters of it).", valueName: "CASE"))
        var caseID: String?

        func run() throws {
            let vault = try self.vault.open()
            let caseID = try self.caseID.map { try IDArgument.caseID($0, in: vault) }
            let grants = try vault.grants(case: caseID, today: CLIClock.today).map(GrantEntry.init)
            if output.json { return try output.printJSON(grants) }
            if grants.isEmpty { return print("No grants.") }
            for g in grants {
                print(
                    "\(g.id)  case \(g.case_id)  \(g.fingerprint)  \(g.permissions)  until \(g.expires)  "
                        + "v\(g.key_version)  \(g.status)"
                )
            }
        }
    }
}

extension Amanat.GrantCommand {
    /// `amanat grant login --to KEY --login NAME`: a lawyer's own database login.
    struct Login: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the SQL that gives a lawyer her own login to a vault in PostgreSQL.",
            discussion: """
                With her own login, the database itself shows her only the cases on which she holds a grant \
                valid today: once it expires or is revoked, her connection returns nothing, whatever her \
                program does. The SQL goes to DATABASE-login-LOGIN.sql, for the database's owner to run \
                once; then set the login's password with psql's \\password and give it to her in person.

                Example:
                  amanat grant login --to lawyer.pub --login maria --vault postgresql://db/vault
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: OutputOptions
        @Option(
            help: ArgumentHelp(
                "The lawyer's public key (amanat1…), or a text file holding it.", valueName: "PUBLIC-KEY-OR-FILE"))
        var to: String
        @Option(help: ArgumentHelp("Her login name: letters, digits and _.", valueName: "LOGIN")) var login: String

        /// What `grant login --json` prints (Docs/cli.md).
        struct Written: Encodable { let login: String, fingerprint: String, group: String, sql: String }

        func validate() throws {
            guard PostgreSQLRoles.isAcceptableLogin(login) else {
                throw ValidationError("--login must be 1 to 63 letters, digits or _, not starting with a digit")
            }
        }

        func run() throws {
            guard let database = vault.location.database else {
                throw CLIError.usage(
                    "logins are for a vault in PostgreSQL; \(vault.path) is a folder",
                    hint: "give the database with --vault postgresql://HOST/DATABASE")
            }
            let lawyer = try PublicKeyArgument.parse(to)
            let path = "\(database)-login-\(login).sql"
            let script = PostgreSQLRoles.loginScript(
                database: database, login: login, signingKey: lawyer.signing.rawRepresentation)
            let writer = try AtomicFileWriter(path: path, permissions: 0o600, overwrite: true)
            try Array(script.utf8).withUnsafeBytes { try writer.write($0) }
            try writer.commit()
            let group = PostgreSQLRoles.names(database: database).grantee
            if output.json {
                return try output.printJSON(
                    Written(login: login, fingerprint: lawyer.fingerprint.description, group: group, sql: path))
            }
            print(
                "Wrote \(path): the login \(login) for \(lawyer.fingerprint), in \(group). Run it as the "
                    + "database's owner (psql -d \(database) -f \(path)), then set its password with psql's \\password."
            )
        }
    }
}

/// A public key given on the command line: the string itself, or a text file holding it (such as
/// the output of `amanat identity show`, text or JSON, pasted from an email).
enum PublicKeyArgument {
    static func parse(_ value: String) throws -> Identity.PublicKey {
        if value.lowercased().hasPrefix(Labels.publicKeyPrefix) { return try Identity.PublicKey(string: value) }
        guard FileManager.default.fileExists(atPath: value) else {
            throw CLIError.usage(
                "\"\(value.prefix(24))\" is neither a public key (amanat1…) nor a file",
                hint: "ask the lawyer to run `amanat identity show FILE` and send you the public key")
        }
        if (try? IdentityFile.publicKey(at: value)) != nil
            || (try? Data(contentsOf: URL(fileURLWithPath: value)).prefix(8)) == Data(Labels.identityFileMagic)
        {
            throw CLIError.usage(
                "\(value) is an identity file: it holds a secret key and should never leave its owner",
                hint: "ask her to run `amanat identity show` and send you the public key (amanat1…) instead")
        }
        guard let text = try? String(contentsOfFile: value, encoding: .utf8), let key = extract(from: text) else {
            throw CLIError.usage(
                "\(value) holds no Amanat public key (amanat1…)",
                hint: "the file should contain the line printed by `amanat identity show`")
        }
        return try Identity.PublicKey(string: key)
    }

    /// The first "amanat1…" key in `text`: the prefix and the run of ASCII letters and digits that follows it,
    /// up to anything else. A space, tab or line break ends it (Docs/cli.md: in a file the key is on one line),
    /// and a run longer than a key is kept whole, so that the key check refuses it instead of reading past it.
    static func extract(from text: String) -> String? {
        let lowered = text.lowercased()
        guard let start = lowered.range(of: Labels.publicKeyPrefix) else { return nil }
        let run = lowered[start.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return Labels.publicKeyPrefix + run
    }
}

extension Amanat {
    /// `amanat revoke CASE --grantee FINGERPRINT`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a lawyer's access to a case: the case gets a new key.",
            discussion: """
                Every record key of the case is re-wrapped under a new case key and the other lawyers get \
                new grants. The revoked lawyer keeps whatever she already decrypted, but opens nothing \
                from now on, including records added later.

                Examples:
                  amanat revoke 38fa8e… --grantee K7QD-M2XA-P4LF-9ZRB
                  amanat revoke 38fa8e… --grantee K7QD-M2XA-P4LF-9ZRB --json
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The case id.", valueName: "CASE")) var caseID: String
        @Option(help: ArgumentHelp("The lawyer's fingerprint (from `amanat grant list`).", valueName: "FINGERPRINT"))
        var grantee: String

        /// What `revoke --json` prints (Docs/cli.md).
        struct Revoked: Encodable {
            let case_id: String, fingerprint: String, revoked_grants: Int, key_version: Int
        }

        func run() throws {
            let vault = try self.vault.open()
            let fingerprint = try Identity.Fingerprint(string: grantee)
            let caseID = try IDArgument.caseID(self.caseID, in: vault)
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let count = try vault.revoke(case: caseID, grantee: fingerprint, administrator: administrator)
            if output.json {
                let version = try vault.cases().first { $0.id == caseID }?.keyVersion ?? 0
                return try output.printJSON(
                    Revoked(
                        case_id: caseID.description, fingerprint: fingerprint.description, revoked_grants: count,
                        key_version: version))
            }
            print(
                "Revoked \(counted(count, "grant")) of \(fingerprint) on case \(caseID); the case key was rotated."
            )
        }
    }
}
