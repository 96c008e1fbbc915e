import AmanatCrypto
import ArgumentParser

/// The `amanat` command: the root of the command tree.
@main
struct Amanat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amanat",
        abstract: "Keep testimony about the disappeared encrypted, shared only with those granted, and published only redacted.",
        discussion: """
        Amanat is an encrypted testimony vault. A source submits testimony without an account and \
        receives a codename; lawyers open only the cases they are granted; editors publish signed, \
        redacted excerpts.

        Examples:
          amanat demo          Walk through the cryptography on fictional data.
        """,
        version: "0.1.0 (libsodium \(CryptoLibrary.libsodiumVersion))",
        subcommands: [Demo.self]
    )
}
