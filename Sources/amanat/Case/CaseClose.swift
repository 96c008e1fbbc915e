import AmanatVault
import ArgumentParser

extension Amanat.CaseCommand {
    /// `amanat case close CASE` and `amanat case reopen CASE`.
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a case (or reopen it with --reopen): a days-after-close retention starts counting.",
            discussion: """
                Closing changes nothing else: lawyers keep their grants, and records can still be filed. \
                See `amanat retention set`.

                Examples:
                  amanat case close 38fa8e
                  amanat case close 38fa8e --reopen
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: ArgumentHelp("The case id (or its first 6+ characters).", valueName: "CASE")) var caseID: String
        @Flag(help: "Reopen a closed case instead.") var reopen = false

        func run() throws {
            let vault = try self.vault.open()
            let id = try IDArgument.caseID(caseID, in: vault)
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            try vault.setClosed(reopen ? nil : CLIClock.today, case: id, administrator: administrator)
            let policy = Amanat.RetentionCommand.Show.describe(try vault.retention(of: id))
            print("Case \(id) is \(reopen ? "open again" : "closed"): \(policy).")
        }
    }
}
