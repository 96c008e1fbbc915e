import AmanatCrypto
import AmanatPublication
import AmanatRedaction
import AmanatVault
import ArgumentParser
import Foundation

/// The `amanat` command: the root of the command tree.
@main
struct Amanat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amanat",
        abstract:
            "Keep testimony about the disappeared encrypted, shared only with those granted, and published only "
            + "redacted.",
        discussion: """
            A source submits testimony without an account and receives a codename; lawyers open only the \
            cases they are granted; every change to the vault is kept in a signed audit log. --vault defaults to \
            $AMANAT_VAULT, then ./vault. Passphrases and codenames are never taken as arguments: they are \
            asked without echo, or read from a file (--passphrase-file) or AMANAT_PASSPHRASE / AMANAT_CODENAME.

            Examples:
              amanat demo                        the whole story, on fictional data
              amanat init --vault ./vault        a vault and its administrator
              amanat submit --text-file t.txt    testimony from a source
              amanat grant CASE --to amanat1… --expires 90d

            Exit codes: 0 done; 1 failed; 3 wrong passphrase or codename; 4 denied (no grant, not the \
            administrator); 5 a name or identifier would leak, nothing published; 64 usage; 65 damaged or \
            tampered data, or a vault that is not the one you trust; 66 not found; 74 a file could not be read \
            or written; 130 or 143 interrupted (nothing half-written is left).
            """,
        version: "0.2.0 (libsodium \(CryptoLibrary.libsodiumVersion))",
        subcommands: [
            Init.self, IdentityCommand.self, Submit.self, Inbox.self, Read.self, CaseCommand.self,
            GrantCommand.self, Revoke.self, Open.self, Reply.self, Replies.self, MailboxCommand.self, Export.self,
            Verify.self, Redact.self,
            Publish.self,
            ExportPublic.self, VerifyProjection.self, Serve.self, Audit.self, RetentionCommand.self, Shred.self,
            Backup.self, Restore.self,
            Migrate.self,
            Demo.self,
        ]
    )

    /// Runs the command; Amanat's own errors become `amanat: error: …` lines and documented exit codes.
    static func main() {
        do {
            var command = try parseAsRoot()
            // `serve` has its own graceful shutdown on SIGTERM; every other command cleans up and exits.
            if !(command is Serve) { Interruption.install() }
            if let user = command as? any VaultCommand, let folder = user.vault.location.folder {
                Interruption.removeOrphans(vault: folder)
            }
            try command.run()
        } catch {
            switch error {
            case is CLIError, is AmanatCryptoError, is AmanatVaultError, is AmanatRedactionError, is PublicationError:
                fail(error)
            default:
                // Help and --version exit cleanly as the parser prints them; usage errors get Amanat's
                // own one-line form and exit status 64.
                let status = exitCode(for: error)
                if status == .success { exit(withError: error) }
                FileHandle.standardError.write(Data("amanat: error: \(message(for: error))\n".utf8))
                if status == .validationFailure {
                    let typed = CommandLine.arguments.dropFirst().first ?? ""
                    let hint =
                        Suggestion.subcommand(for: typed).map { "did you mean `amanat \($0)`?" }
                        ?? "see `amanat help` or add --help to the command"
                    FileHandle.standardError.write(Data("amanat: hint: \(hint)\n".utf8))
                }
                Foundation.exit(status.rawValue)
            }
        }
    }

    private static func fail(_ error: any Error) -> Never {
        let diagnosis = Diagnosis(error)
        diagnosis.report()
        Foundation.exit(diagnosis.status.rawValue)
    }
}
