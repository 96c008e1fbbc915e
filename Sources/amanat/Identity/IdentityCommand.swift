import AmanatCrypto
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat identity`: a person's key pair.
    struct IdentityCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "identity",
            abstract: "Create, show and re-protect identity files (a lawyer's or editor's key pair).",
            subcommands: [New.self, Show.self, Passwd.self]
        )
    }
}

extension Amanat.IdentityCommand {
    /// `amanat identity new --out FILE`.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new identity file, protected by a passphrase.",
            discussion: """
                Send the printed public key (amanat1…) to the case administrator, then read the \
                fingerprint to each other over the phone to be sure it arrived unchanged.

                Examples:
                  amanat identity new --out ~/lawyer.id
                  amanat identity new --out ~/lawyer.id --json
                """
        )

        @Option(help: ArgumentHelp("Where to write the identity (mode 600; never overwritten).", valueName: "FILE"))
        var out: String

        @Option(
            help: ArgumentHelp(
                "Read the new passphrase from FILE (mode 600) instead of asking twice; or set AMANAT_NEW_PASSPHRASE.",
                valueName: "FILE"))
        var passphraseFile: String?

        @OptionGroup var output: OutputOptions

        /// What `identity new --json` prints (Docs/cli.md): the file's path and its public half.
        struct Created: Encodable { let identity_file: String, public_key: String, fingerprint: String }

        func run() throws {
            let passphrase = try SecretInput.readNew(
                prompt: "New passphrase: ", file: passphraseFile, variable: "AMANAT_NEW_PASSPHRASE")
            let identity = Identity()
            try IdentityFile.write(identity, to: out, passphrase: passphrase, parameters: KeyStretching.identityFiles)
            if output.json {
                return try output.printJSON(
                    Created(
                        identity_file: out, public_key: identity.publicKey.stringRepresentation,
                        fingerprint: identity.publicKey.fingerprint.description))
            }
            print("Wrote \(out).")
            print("Public key: \(identity.publicKey.stringRepresentation)")
            print("Fingerprint: \(identity.publicKey.fingerprint)")
        }
    }

    /// `amanat identity show FILE`.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the public key and fingerprint of an identity file, or of a public key someone sent you.",
            discussion: """
                No passphrase is needed. Read the fingerprint aloud to its owner to check a key before granting.

                Examples:
                  amanat identity show ~/lawyer.id --json
                  amanat identity show amanat1yxod…     (a key pasted from an email)
                """
        )

        @Argument(
            help: ArgumentHelp(
                "An identity file, a public key (amanat1…), or a file holding one.", valueName: "FILE-OR-KEY"))
        var file: String

        @OptionGroup var output: OutputOptions

        func run() throws {
            let isIdentityFile =
                (try? Data(contentsOf: URL(fileURLWithPath: file)).prefix(8)) == Data(Labels.identityFileMagic)
            let key = isIdentityFile ? try IdentityFile.publicKey(at: file) : try PublicKeyArgument.parse(file)
            if output.json {
                try output.printJSON([
                    "public_key": key.stringRepresentation, "fingerprint": key.fingerprint.description,
                ])
            } else {
                print("Public key: \(key.stringRepresentation)")
                print("Fingerprint: \(key.fingerprint)")
            }
        }
    }

    /// `amanat identity passwd FILE`.
    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change an identity file's passphrase (the keys stay the same).",
            discussion: "Example:\n  amanat identity passwd ~/lawyer.id"
        )

        @Argument(help: ArgumentHelp("The identity file.", valueName: "FILE"))
        var file: String

        @Option(
            help: ArgumentHelp(
                "Read the current passphrase from FILE (mode 600); or set AMANAT_PASSPHRASE.", valueName: "FILE"))
        var passphraseFile: String?

        @Option(
            help: ArgumentHelp(
                "Read the new passphrase from FILE (mode 600); or set AMANAT_NEW_PASSPHRASE.", valueName: "FILE"))
        var newPassphraseFile: String?

        func run() throws {
            let identity = try IdentityOptions(identity: file, passphraseFile: passphraseFile).unlock()
            let passphrase = try SecretInput.readNew(
                prompt: "New passphrase: ", file: newPassphraseFile, variable: "AMANAT_NEW_PASSPHRASE")
            try IdentityFile.write(
                identity, to: file, passphrase: passphrase, parameters: KeyStretching.identityFiles, overwrite: true)
            print("Changed the passphrase of \(file).")
        }
    }
}

extension IdentityOptions {
    /// Options given in code rather than on the command line.
    init(identity: String?, passphraseFile: String?) {
        self.init()
        self.identity = identity
        self.passphraseFile = passphraseFile
    }
}
