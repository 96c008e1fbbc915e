import AmanatCrypto
import AmanatVault
import ArgumentParser

extension Amanat {
    /// `amanat open RECORD|CASE`: a lawyer reads what she was granted.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a record, or every record of a case, with your identity and grant.",
            discussion: """
            Examples:
              amanat open 9c1f0a… --identity ~/lawyer.id
              amanat open 38fa8e… --identity ~/lawyer.id --out ./case-files
            """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: ArgumentHelp("A record id or a case id.", valueName: "RECORD|CASE"))
        var target: String

        @Option(help: ArgumentHelp("Save attachments into DIR (created, mode 700).", valueName: "DIR"))
        var out: String?

        func validate() throws {
            if identity.identity == nil { throw ValidationError("open needs your identity: add --identity FILE") }
        }

        func run() throws {
            let vault = try self.vault.open()
            let lawyer = try identity.unlock()
            let caseID = try Case.ID(target)
            let isCase = try vault.cases().contains { $0.id == caseID }
            let records = isCase ? try vault.caseDetails(caseID, as: .grantee(lawyer)).records : [try Testimony.ID(target)]
            let shown = try records.map { record in
                try TestimonyOutput(id: record, testimony: vault.open(record, as: .grantee(lawyer)), vault: vault, folder: out)
            }
            if output.json {
                if isCase { try output.printJSON(shown) } else { try output.printJSON(shown[0]) }
                return
            }
            print(shown.map(\.text).joined(separator: "\n\n"))
        }
    }
}
