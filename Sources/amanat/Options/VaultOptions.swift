import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

/// `--vault DIR` and `--administrator-key KEY`, shared by every command that works on a vault.
struct VaultOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The vault folder, or a PostgreSQL database as postgresql://HOST/DATABASE (password in PGPASSWORD or "
                + "~/.pgpass, never here; default: $AMANAT_VAULT, then ./vault).",
            valueName: "DIR|URL"))
    var vault: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The administrator's public key (amanat1…, or a file holding it) to trust the vault against; or set "
                + "AMANAT_ADMINISTRATOR_KEY. Without it, the key seen the first time is remembered (Docs/cli.md, "
                + "Trust).",
            valueName: "KEY"))
    var administratorKey: String?

    /// The vault path after defaults.
    var path: String { vault ?? ProcessInfo.processInfo.environment["AMANAT_VAULT"] ?? "vault" }

    /// The vault's folder or database.
    var location: VaultLocation { VaultLocation(path) }

    /// The administrator key given with `--administrator-key` or AMANAT_ADMINISTRATOR_KEY, if any.
    func trustedAdministrator() throws -> Identity.PublicKey? {
        guard let text = administratorKey ?? ProcessInfo.processInfo.environment["AMANAT_ADMINISTRATOR_KEY"],
            !text.isEmpty
        else { return nil }
        return try PublicKeyArgument.parse(text)
    }

    /// This person's known-vaults file.
    static var knownVaults: KnownVaults { KnownVaults(path: KnownVaults.defaultPath()) }

    /// Opens the vault, checked against the administrator key given or remembered (never against the
    /// vault's own word), and says so when it was the first time or the settings are not signed yet.
    func open() throws -> Vault {
        let vault = try Vault.open(
            location,
            trust: VaultTrust(
                administrator: try trustedAdministrator(),
                knownVaults: Self.knownVaults))
        if case .firstContact(let fingerprint) = vault.trustOutcome {
            Diagnostics.note(
                "first use of this vault: its administrator's fingerprint \(fingerprint) is now remembered in "
                    + "\(Self.knownVaults.path). Compare it with the fingerprint the administrator gave you; "
                    + "from now on a different key is refused")
        }
        if !vault.settingsSigned {
            Diagnostics.warning(
                "this vault's settings are not signed yet (it was made by an older Amanat); they will be at "
                    + "the administrator's next action. Until then its codename settings are not protected against "
                    + "tampering"
            )
        }
        return vault
    }

    /// Where `amanat init` writes the administrator's identity by default: next to the vault folder, never
    /// inside it (the folder may be copied to the intake server, which must hold no secret).
    var defaultAdministratorIdentityPath: String {
        // For a database: in the working folder, named after the database.
        if let database = location.database { return database + "-administrator.id" }
        var folder = path
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        let name = (folder as NSString).lastPathComponent
        if ["", ".", "..", "/"].contains(name) {
            folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        }
        return folder + "-administrator.id"
    }

    /// Where earlier versions of `amanat init` wrote it: inside the vault folder.
    var legacyAdministratorIdentityPath: String { path + "/administrator.id" }

    /// The administrator's identity used when no --identity is given: the default, or one an earlier
    /// `amanat init` left inside the vault folder (with a note saying how to move it out).
    var administratorIdentityPath: String {
        let manager = FileManager.default
        let preferred = defaultAdministratorIdentityPath
        let legacy = legacyAdministratorIdentityPath
        guard !manager.fileExists(atPath: preferred), manager.fileExists(atPath: legacy) else { return preferred }
        Diagnostics.note(
            "the administrator's identity is inside the vault folder, where `amanat serve` refuses to run; "
                + "move it out with: mv \(legacy) \(preferred)")
        return legacy
    }
}

/// `--identity FILE` and `--passphrase-file FILE`, for commands that unlock an identity.
struct IdentityOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Your identity file (made by `amanat identity new` or `amanat init`).", valueName: "FILE"))
    var identity: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read the passphrase from FILE (mode 600) instead of asking; or set AMANAT_PASSPHRASE.", valueName: "FILE"))
    var passphraseFile: String?

    /// Unlocks the identity at `identity`, or at `fallback` when none was given.
    func unlock(fallback: @autoclosure () -> String? = nil) throws -> Identity {
        guard let path = identity ?? fallback() else {
            throw CLIError.usage("this command needs your identity", hint: "add --identity FILE")
        }
        // Read the public part first: a missing or loose file is reported before any passphrase is asked.
        _ = try IdentityFile.publicKey(at: path)
        let passphrase = try SecretInput.read(
            prompt: "Passphrase for \(path): ", file: passphraseFile, variable: "AMANAT_PASSPHRASE")
        return try IdentityFile.open(at: path, passphrase: passphrase)
    }
}

/// `--identity FILE` (required) and `--passphrase-file FILE`, for commands that cannot work without an
/// identity given explicitly (a lawyer's or an editor's): the usage line then shows `--identity` as required.
struct RequiredIdentityOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Your identity file (made by `amanat identity new`).", valueName: "FILE"))
    var identity: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read the passphrase from FILE (mode 600) instead of asking; or set AMANAT_PASSPHRASE.", valueName: "FILE"))
    var passphraseFile: String?

    /// Unlocks the identity at `identity`.
    func unlock() throws -> Identity {
        try IdentityOptions(identity: identity, passphraseFile: passphraseFile).unlock()
    }
}

/// `--json`: one JSON object (or array) on standard output and nothing else there (schemas in Docs/cli.md).
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (schema in Docs/cli.md) instead of text.")
    var json = false

    /// Prints `value` as one JSON document, keys sorted.
    func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
