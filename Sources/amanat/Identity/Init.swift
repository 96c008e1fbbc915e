import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat init`: a new vault and its administrator.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a vault and its administrator identity.",
            discussion: """
                The administrator (the intake officer or editor) holds the intake key: every submission is \
                sealed to it. Her identity file is written encrypted, mode 600, next to the vault folder \
                (never inside it: `amanat serve` refuses a vault folder holding one); keep a backup offline. \
                On a server, move it off the machine after setting up: submitting needs only the public key.

                For an intake server that must never hold the administrator's secret key, make the vault \
                from her public key alone with --administrator-key: no identity is written, and the \
                vault's settings are signed at her first action (until then every reader warns that they \
                are not).

                Examples:
                  amanat init --vault ./vault           (identity: ./vault-administrator.id)
                  amanat init --vault /srv/amanat/vault --identity-out ~/admin.id
                  amanat init --vault /srv/amanat/vault --administrator-key admin.pub
                  amanat init --vault ./vault --json
                """
        )

        @OptionGroup var vault: VaultOptions

        @Option(
            help: ArgumentHelp(
                "Where to write the administrator's identity, outside the vault folder "
                    + "(default: DIR-administrator.id).",
                valueName: "FILE"))
        var identityOut: String?

        @Option(
            help: ArgumentHelp(
                "Read the new passphrase from FILE (mode 600) instead of asking twice; or set AMANAT_NEW_PASSPHRASE.",
                valueName: "FILE"))
        var passphraseFile: String?

        @Option(
            help: ArgumentHelp(
                "The organisation's name, shown to sources beside the administrator's replies.",
                valueName: "NAME"))
        var organisation: String?

        /// `--administrator-key KEY` (from `VaultOptions`): here, the key the vault is made from, alone. Only the
        /// option counts, never AMANAT_ADMINISTRATOR_KEY, so that a set variable cannot change what init makes.
        private var administratorKey: String? { vault.administratorKey }

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if administratorKey != nil, identityOut != nil || passphraseFile != nil || organisation != nil {
                throw ValidationError(
                    "--administrator-key makes a vault without a secret key: leave out --identity-out, "
                        + "--passphrase-file and --organisation (she names the organisation later, with her identity)")
            }
            if let organisation, !Vault.isAcceptableName(organisation.trimmingCharacters(in: .whitespacesAndNewlines)) {
                throw ValidationError("--organisation must be 1 to 120 bytes of text, without control characters")
            }
        }

        func run() throws {
            let manager = FileManager.default
            if try Vault.isTaken(vault.location) { throw AmanatVaultError.vaultExists(path: vault.path) }
            if let administratorKey { return try createFromPublicKey(try PublicKeyArgument.parse(administratorKey)) }
            let identityPath = identityOut ?? vault.defaultAdministratorIdentityPath
            if manager.fileExists(atPath: identityPath) {
                throw CLIError.usage(
                    "\(identityPath) already exists; nothing was created", hint: "choose another --identity-out path")
            }
            if let folder = vault.location.folder, Self.isInside(identityPath, folder: folder) {
                throw CLIError.usage(
                    "\(identityPath) is inside the vault folder, where `amanat serve` refuses to run; "
                        + "nothing was created",
                    hint: "leave out --identity-out (default: \(vault.defaultAdministratorIdentityPath)) "
                        + "or choose a path outside the vault folder")
            }
            let passphrase = try SecretInput.readNew(
                prompt: "New passphrase for the administrator: ", file: passphraseFile,
                variable: "AMANAT_NEW_PASSPHRASE")
            let administrator = Identity()
            let created = try Self.create(
                at: vault.location, administrator: administrator,
                writingIdentity: {
                    try IdentityFile.write(
                        administrator, to: identityPath, passphrase: passphrase,
                        parameters: KeyStretching.identityFiles)
                }, removingIdentity: { try? manager.removeItem(atPath: identityPath) })
            if let organisation {
                try created.setAuthorName(organisation, for: administrator.publicKey, administrator: administrator)
            }
            let roles = try writeRolesScript()
            if output.json {
                return try output.printJSON(
                    Created(
                        vault: vault.path, identity_file: identityPath,
                        public_key: administrator.publicKey.stringRepresentation,
                        fingerprint: administrator.publicKey.fingerprint.description, organisation: organisation,
                        roles_sql: roles?.path))
            }
            print("Created the vault at \(vault.path).")
            if let roles { printRolesNote(roles) }
            print("Administrator identity: \(identityPath)")
            print("Intake public key: \(administrator.publicKey.stringRepresentation)")
            print("Fingerprint: \(administrator.publicKey.fingerprint)")
        }

        /// The vault and the administrator's identity, never one without the other. In a folder the vault comes
        /// first (it refuses a folder that is not empty) and is removed if the identity cannot be written; in a
        /// database, which cannot be removed as simply, the identity comes first and is removed if the vault
        /// cannot be made.
        private static func create(
            at location: VaultLocation, administrator: Identity, writingIdentity: () throws -> Void,
            removingIdentity: () -> Void
        ) throws -> Vault {
            switch location {
            case .folder(let folder):
                let created = try Vault.create(
                    location, administrator: administrator, codenameParameters: KeyStretching.codenames,
                    knownVaults: VaultOptions.knownVaults)
                do {
                    try writingIdentity()
                } catch {
                    try? FileManager.default.removeItem(atPath: folder)
                    throw error
                }
                return created
            case .database:
                try writingIdentity()
                do {
                    return try Vault.create(
                        location, administrator: administrator, codenameParameters: KeyStretching.codenames,
                        knownVaults: VaultOptions.knownVaults)
                } catch {
                    removingIdentity()
                    throw error
                }
            }
        }

        /// For a vault in a database: the SQL of its least-privilege roles (`PostgreSQLRoles`), written to
        /// DATABASE-roles.sql in the working folder for the database's owner to run.
        private func writeRolesScript() throws -> (path: String, database: String)? {
            guard let database = vault.location.database else { return nil }
            let path = database + "-roles.sql"
            let writer = try AtomicFileWriter(path: path, permissions: 0o600, overwrite: true)
            try Array(PostgreSQLRoles.script(database: database).utf8).withUnsafeBytes { try writer.write($0) }
            try writer.commit()
            return (path, database)
        }

        private func printRolesNote(_ roles: (path: String, database: String)) {
            let names = PostgreSQLRoles.names(database: roles.database)
            print(
                "Database roles: \(roles.path) makes \(names.intake) (for amanat serve: may add rows, never change "
                    + "or delete one), \(names.administrator) and \(names.grantee) (each lawyer's login joins it: "
                    + "`amanat grant login`); run it as the database's owner "
                    + "(psql -d \(roles.database) -f \(roles.path)), then set their passwords with psql's \\password.")
        }

        /// `--administrator-key`: the vault from the public key alone.
        private func createFromPublicKey(_ key: Identity.PublicKey) throws {
            _ = try Vault.create(
                vault.location, administratorKey: key, codenameParameters: KeyStretching.codenames,
                knownVaults: VaultOptions.knownVaults)
            let roles = try writeRolesScript()
            if output.json {
                return try output.printJSON(
                    Created(
                        vault: vault.path, identity_file: nil, public_key: key.stringRepresentation,
                        fingerprint: key.fingerprint.description, organisation: nil, roles_sql: roles?.path))
            }
            print(
                "Created the vault at \(vault.path) from the administrator's public key; no secret key is on this "
                    + "machine."
            )
            if let roles { printRolesNote(roles) }
            print("Intake public key: \(key.stringRepresentation)")
            print("Fingerprint: \(key.fingerprint)")
            print("Its settings are signed at the administrator's first action with her identity.")
        }

        /// What `init --json` prints (Docs/cli.md): paths and public values only.
        struct Created: Encodable {
            let vault: String, identity_file: String?, public_key: String, fingerprint: String
            let organisation: String?
            /// For a vault in a database: the file of its roles' SQL.
            let roles_sql: String?
        }

        /// Whether `path` would land inside `folder` (which need not exist yet), comparing absolute paths.
        static func isInside(_ path: String, folder: String) -> Bool {
            func absolute(_ path: String) -> String {
                let url = URL(fileURLWithPath: path).standardizedFileURL
                return (url.resolvingSymlinksInPath().path as NSString).standardizingPath
            }
            let base = absolute(folder)
            let file = absolute(path)
            return file.hasPrefix(base == "/" ? "/" : base + "/")
        }
    }
}

/// The day the CLI checks grant expiry against: today, or AMANAT_TEST_TODAY (YYYY-MM-DD), which
/// exists only so the test suite can show an expired grant being refused. It can only move the day
/// forward, so it can make the CLI refuse more, never open a grant that has expired.
enum CLIClock {
    static var today: Day {
        let real = Day.today()
        if let text = ProcessInfo.processInfo.environment["AMANAT_TEST_TODAY"], let day = try? Day(text) {
            return max(day, real)
        }
        return real
    }
}

/// Argon2id settings the CLI uses for new identity files. Tests lower them with
/// AMANAT_TEST_WEAK_KEYS=1 so that hundreds of runs stay fast. The switch lives in AmanatCrypto
/// (`Argon2id.weakParametersAllowed`), which honours it in debug builds only: a release build always
/// writes, and only reads, real parameters.
enum KeyStretching {
    static var identityFiles: Argon2id.Parameters {
        Argon2id.weakParametersAllowed ? .minimumForTesting : .moderate
    }

    /// Codenames are derived on every submission and every visit: INTERACTIVE (64 MiB, 2 passes).
    static var codenames: Argon2id.Parameters {
        Argon2id.weakParametersAllowed ? .minimumForTesting : .interactive
    }
}
