import AmanatCrypto
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat backup --out FILE`: a signed, encrypted copy of the whole vault.
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a signed, encrypted copy of the whole vault to one file.",
            discussion: """
                The vault stays in use: the rows are read in one snapshot, then every attachment is copied. \
                The file is encrypted under a key of its own, sealed to the administrator's key, and signed \
                by her: only her identity restores it (`amanat restore`). Keep it on another disk, away \
                from the server; a record shredded later still opens from it until the file is destroyed \
                (Docs/format.md §8.24).

                Examples:
                  amanat backup --out /mnt/usb/vault-2026-12-03.amanat-backup
                  amanat backup --vault postgresql://db/amanat --out vault.amanat-backup --json
                """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions

        @Option(help: ArgumentHelp("The new backup file (never overwritten).", valueName: "FILE"))
        var out: String

        /// What `backup --json` and `restore --json` print (Docs/cli.md).
        struct Made: Encodable {
            let backup_id: String, day: String, records: Int, attachments: Int, bytes: Int, audit_head: String
            init(_ report: VaultBackup.Report) {
                (backup_id, day, records) = (report.id.description, report.day.description, report.records)
                (attachments, bytes) = (report.blobs, report.size)
                audit_head = report.auditHead.argument
            }
        }

        func run() throws {
            let vault = try self.vault.open()
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            // The bar appears once the attachments' total is known, and only for a large one (as for files).
            var bar: (@Sendable (Int, Int) -> Void)??
            let report = try vault.backup(to: out, administrator: administrator) { done, total in
                if bar == nil { bar = .some(ProgressBar.reporter(for: "amanat: backing up attachments", size: total)) }
                bar??(done, total)
            }
            if output.json { return try output.printJSON(Made(report)) }
            print(
                "Backed up \(counted(report.records, "record")) and \(counted(report.blobs, "attachment")) to \(out) "
                    + "(backup \(report.id), \(report.size) bytes).")
            print("Audit head inside: \(report.auditHead.argument)")
        }
    }

    /// `amanat restore FILE --vault NEWDIR`: a backup brought back into a new vault folder.
    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bring a backup back into a new vault folder, after checking all of it.",
            discussion: """
                The backup's signature is checked over the whole file before anything is decrypted; then it is \
                decrypted into a temporary folder, where the audit log must verify and every record must open \
                with its attachments; only then does the vault folder appear. Uses the administrator identity \
                the backup was sealed to. To bring it into PostgreSQL, restore into a folder, then run \
                `amanat migrate`.

                Examples:
                  amanat restore vault.amanat-backup --vault ./vault --identity ~/admin.id
                """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions

        @Argument(help: ArgumentHelp("The backup file made by `amanat backup`.", valueName: "FILE"))
        var file: String

        @Flag(
            help: ArgumentHelp(
                "Only check that the administrator made it and that every byte verifies; restore nothing. Needs "
                    + "her public key only (--administrator-key, or her identity file's public part), no passphrase."))
        var check = false

        func validate() throws {
            guard check || vault.location.folder != nil else {
                throw ValidationError(
                    "--vault must be a new folder; to bring a backup into PostgreSQL, restore it into a folder, "
                        + "then run `amanat migrate`")
            }
        }

        func run() throws {
            guard FileManager.default.fileExists(atPath: file) else {
                throw CLIError.notFound("\(file): no such backup file")
            }
            if check { return try checkOnly() }
            let administrator = try identity.unlock(fallback: vault.administratorIdentityPath)
            let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int ?? 0
            let checking = ProgressBar.reporter(for: "amanat: checking the backup", size: size)
            let restoring = ProgressBar.reporter(for: "amanat: restoring", size: size)
            let report = try VaultBackup.restore(
                from: file, to: vault.path, administrator: administrator, knownVaults: VaultOptions.knownVaults
            ) { stage, done, total in
                (stage == "checking" ? checking : restoring)?(done, total)
            }
            if output.json { return try output.printJSON(Backup.Made(report)) }
            print(
                "Restored backup \(report.id) of \(report.day) into \(vault.path): "
                    + "\(counted(report.records, "record")), \(counted(report.blobs, "attachment")).")
            print("Audit head: \(report.auditHead.argument); it verifies.")
        }

        /// `--check`: the signature over every byte, against the administrator's public key.
        private func checkOnly() throws {
            let key: Identity.PublicKey
            if let trusted = try vault.trustedAdministrator() {
                key = trusted
            } else {
                key = try IdentityFile.publicKey(at: identity.identity ?? vault.administratorIdentityPath)
            }
            let summary = try VaultBackup.verify(at: file, administrator: key)
            print(
                "\(file): backup \(summary.id) of \(summary.day), \(summary.size) bytes, made by \(key.fingerprint); "
                    + "the signature and every byte verify. Nothing was decrypted.")
        }
    }
}
