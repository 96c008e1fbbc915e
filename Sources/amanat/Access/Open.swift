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
                  amanat open case-7.amanat --identity ~/lawyer.id --from admin.pub

                A bundle is opened only with the public key of the administrator who must have signed it: \
                --from KEY, or the environment variable AMANAT_ADMINISTRATOR_KEY.
                """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: RequiredIdentityOptions
        @OptionGroup var output: OutputOptions

        @Argument(
            help: ArgumentHelp(
                "A record id or a case id (or its first 6+ characters), or a bundle FILE.amanat.",
                valueName: "RECORD|CASE|FILE"))
        var target: String

        @Option(
            help: ArgumentHelp(
                "For a bundle: the administrator's public key (amanat1…), or a file holding it; "
                    + "default: $AMANAT_ADMINISTRATOR_KEY.", valueName: "PUBLIC-KEY"))
        var from: String?

        @Option(help: ArgumentHelp("Save attachments into DIR (created with mode 700 if missing).", valueName: "DIR"))
        var out: String?

        func run() throws {
            if target.hasSuffix(".amanat") || target.contains("/") || FileManager.default.fileExists(atPath: target) {
                guard FileManager.default.fileExists(atPath: target) else {
                    throw CLIError.notFound("\(target): no such bundle file")
                }
                return try openBundle()
            }
            let vault = try self.vault.open()
            let (record, caseID): (Testimony.ID?, Case.ID?)
            do {
                (record, caseID) = try IDArgument.recordOrCase(target, in: vault)
            } catch CLIError.notFound(let message) where self.vault.location.database != nil {
                // A lawyer's own database login shows only what her grants cover today (row-level security).
                throw CLIError.notFound(
                    message + " (through a lawyer's own database login, only the cases granted to her today "
                        + "are there: one that expired or was revoked is not shown)")
            }
            let lawyer = try identity.unlock()
            let isCase = caseID != nil
            let records =
                try caseID.map { try vault.caseDetails($0, as: .grantee(lawyer), today: CLIClock.today).records } ?? [
                    record!
                ]
            let shown = try records.map { record in
                try TestimonyOutput(
                    id: record, testimony: vault.open(record, as: .grantee(lawyer), today: CLIClock.today),
                    vault: vault, folder: out)
            }
            if output.json {
                if isCase { try output.printUntrustedJSON(shown) } else { try output.printUntrustedJSON(shown[0]) }
                return
            }
            TerminalText.print(shown.map(\.text).joined(separator: "\n\n"))
        }

        /// The key a bundle must be signed with: `--from`, else `AMANAT_ADMINISTRATOR_KEY`; asked for
        /// before the passphrase, so nothing is unlocked for a bundle that could not be checked.
        /// - Throws: `CLIError.usage` when neither is given, or the key is not valid.
        private func administratorKey() throws -> Identity.PublicKey {
            if let from { return try PublicKeyArgument.parse(from) }
            let variable = "AMANAT_ADMINISTRATOR_KEY"
            guard let pinned = ProcessInfo.processInfo.environment[variable], !pinned.isEmpty else {
                throw CLIError.usage(
                    "a case bundle opens only with the key of the administrator who must have signed it",
                    hint: "add --from KEY (her amanat1… key, or a file holding it) or set \(variable); "
                        + "compare its fingerprint with her first")
            }
            do { return try PublicKeyArgument.parse(pinned) } catch {
                throw CLIError.usage(
                    "\(variable) holds no valid public key",
                    hint: "set it to the administrator's amanat1… key, or a file holding it")
            }
        }

        /// Verifies and opens a bundle file addressed to this identity.
        private func openBundle() throws {
            let trusted = try administratorKey().signing
            let lawyer = try identity.unlock()
            let contents = try CaseBundle.open(at: target, identity: lawyer, signer: trusted, attachmentsTo: out) {
                name, size in
                ProgressBar.reporter(for: "amanat: decrypting \(name)", size: size).map { report in
                    { done, total in report(done, total) }
                }
            }
            if output.json {
                return try output.printUntrustedJSON(
                    try contents.records.map { record in
                        try TestimonyOutput(
                            id: Testimony.ID(record.id), testimony: record.testimony,
                            saved: contents.savedAttachments[record.id] ?? [])
                    })
            }
            TerminalText.print("Case \(contents.caseID): \(contents.title) (exported \(contents.exportedDay))")
            for record in contents.records {
                let shown = try TestimonyOutput(
                    id: Testimony.ID(record.id), testimony: record.testimony,
                    saved: contents.savedAttachments[record.id] ?? [])
                TerminalText.print("\n" + shown.text)
            }
        }
    }
}
