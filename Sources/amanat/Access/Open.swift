import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat open RECORD|CASE`: a lawyer reads what she was granted.
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a record or a case you were granted, or a case bundle sent to you.",
            discussion: """
            Examples:
              amanat open 9c1f0a --identity ~/lawyer.id
              amanat open 38fa8e --identity ~/lawyer.id --out ./case-files
              amanat open case-7.amanat --identity ~/lawyer.id --from amanat1ymkb… --out ./files
            """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: ArgumentHelp("A record id or a case id (or its first 6+ characters), or a bundle FILE.amanat.", valueName: "RECORD|CASE|FILE"))
        var target: String

        @Option(help: ArgumentHelp("For a bundle: the public key that must have signed it.", valueName: "PUBLIC-KEY"))
        var from: String?

        @Option(help: ArgumentHelp("Save attachments into DIR (created with mode 700 if missing).", valueName: "DIR"))
        var out: String?

        func validate() throws {
            if identity.identity == nil { throw ValidationError("open needs your identity: add --identity FILE") }
        }

        func run() throws {
            if target.hasSuffix(".amanat") || target.contains("/") || FileManager.default.fileExists(atPath: target) {
                guard FileManager.default.fileExists(atPath: target) else { throw CLIError.notFound("\(target): no such bundle file") }
                return try openBundle()
            }
            let vault = try self.vault.open()
            let (record, caseID) = try IDArgument.recordOrCase(target, in: vault)
            let lawyer = try identity.unlock()
            let isCase = caseID != nil
            let records = try caseID.map { try vault.caseDetails($0, as: .grantee(lawyer), today: CLIClock.today).records } ?? [record!]
            let shown = try records.map { record in
                try TestimonyOutput(id: record, testimony: vault.open(record, as: .grantee(lawyer), today: CLIClock.today), vault: vault, folder: out)
            }
            if output.json {
                if isCase { try output.printUntrustedJSON(shown) } else { try output.printUntrustedJSON(shown[0]) }
                return
            }
            TerminalText.print(shown.map(\.text).joined(separator: "\n\n"))
        }
    
        /// Verifies and opens a bundle file addressed to this identity.
        private func openBundle() throws {
            let trusted = try from.map { try PublicKeyArgument.parse($0).signing }
            let lawyer = try identity.unlock()
            let contents = try CaseBundle.open(at: target, identity: lawyer, signer: trusted, attachmentsTo: out) { name, size in
                ProgressBar.reporter(for: "amanat: decrypting \(name)", size: size).map { report in { done, total in report(done, total) } }
            }
            if trusted == nil {
                FileHandle.standardError.write(Data("amanat: warning: the bundle's signature verifies, but you did not say whose it must be; add --from KEY\n".utf8))
            }
            if output.json {
                return try output.printUntrustedJSON(try contents.records.map { record in
                    try TestimonyOutput(id: Testimony.ID(record.id), testimony: record.testimony, saved: contents.savedAttachments[record.id] ?? [])
                })
            }
            TerminalText.print("Case \(contents.caseID): \(contents.title) (exported \(contents.exportedDay))")
            for record in contents.records {
                let shown = try TestimonyOutput(id: Testimony.ID(record.id), testimony: record.testimony, saved: contents.savedAttachments[record.id] ?? [])
                TerminalText.print("\n" + shown.text)
            }
        }
    }
}
