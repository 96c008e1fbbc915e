import AmanatCrypto
import AmanatVault
import ArgumentParser

extension Amanat {
    /// `amanat read RECORD`: the administrator reads a submission.
    struct Read: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a submission as the vault's administrator.",
            discussion: """
                Uses the administrator identity made by `amanat init` (DIR-administrator.id unless --identity).

                Examples:
                  amanat read 9c1f0a…
                  amanat read 9c1f0a… --out ./files --json
                """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions

        @Argument(
            help: ArgumentHelp("The record id from `amanat inbox` (or its first 6+ characters).", valueName: "RECORD"))
        var record: String

        @Option(help: ArgumentHelp("Save attachments into DIR (created with mode 700 if missing).", valueName: "DIR"))
        var out: String?

        func run() throws {
            let vault = try self.vault.open()
            let id = try IDArgument.record(record, in: vault)
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let testimony = try vault.open(id, as: .administrator(administrator))
            let shown = try TestimonyOutput(id: id, testimony: testimony, vault: vault, folder: out)
            if output.json { try output.printUntrustedJSON(shown) } else { TerminalText.print(shown.text) }
        }
    }
}
