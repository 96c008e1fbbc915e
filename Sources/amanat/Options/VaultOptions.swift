import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

/// `--vault DIR`, shared by every command that works on a vault.
struct VaultOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The vault folder (default: $AMANAT_VAULT, then ./vault).", valueName: "DIR"))
    var vault: String?

    /// The vault path after defaults.
    var path: String { vault ?? ProcessInfo.processInfo.environment["AMANAT_VAULT"] ?? "vault" }

    /// Opens the vault.
    func open() throws -> Vault { try Vault.open(at: path) }

    /// Where `amanat init` keeps the administrator's identity by default.
    var administratorIdentityPath: String { path + "/administrator.id" }
}

/// `--identity FILE` and `--passphrase-file FILE`, for commands that unlock an identity.
struct IdentityOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Your identity file (made by `amanat identity new` or `amanat init`).", valueName: "FILE"))
    var identity: String?

    @Option(name: .long, help: ArgumentHelp("Read the passphrase from FILE (mode 600) instead of asking; or set AMANAT_PASSPHRASE.", valueName: "FILE"))
    var passphraseFile: String?

    /// Unlocks the identity at `identity`, or at `fallback` when none was given.
    func unlock(fallback: String? = nil) throws -> Identity {
        guard let path = identity ?? fallback else {
            throw CLIError.usage("this command needs your identity", hint: "add --identity FILE")
        }
        // Read the public part first: a missing or loose file is reported before any passphrase is asked.
        _ = try IdentityFile.publicKey(at: path)
        let passphrase = try SecretInput.read(prompt: "Passphrase for \(path): ", file: passphraseFile, variable: "AMANAT_PASSPHRASE")
        return try IdentityFile.open(at: path, passphrase: passphrase)
    }
}

/// `--json`, for commands that read.
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
