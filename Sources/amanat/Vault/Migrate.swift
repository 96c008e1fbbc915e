import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat migrate`: a vault folder copied into PostgreSQL.
    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Copy a vault folder into a PostgreSQL database, without decrypting anything, and check the copy.",
            discussion: """
                Blobs are copied first, each compared by digest with the original; then every row in one \
                transaction; then the copy's audit log is verified and must end where the folder's does. \
                Run it again after an interruption: it goes on where it stopped. The folder is not changed.

                Examples:
                  amanat migrate --vault ./vault --to postgresql://owner@db/amanat
                """
        )

        @OptionGroup var vault: VaultOptions

        @Option(
            help: ArgumentHelp(
                "The database to copy into: postgresql://HOST/DATABASE, holding no vault or this one (password in "
                    + "PGPASSWORD or ~/.pgpass).",
                valueName: "URL"))
        var to: String

        func validate() throws {
            guard case .database = VaultLocation(to) else {
                throw ValidationError("--to must be a postgresql:// address")
            }
            guard vault.location.folder != nil else {
                throw ValidationError("--vault must be the vault folder to copy (the source), not a database")
            }
        }

        func run() throws {
            let source = try vault.open()
            let report = try source.migrate(to: to) { stage, done, total in
                if total > 0, done == total || done % 100 == 0 {
                    FileHandle.standardError.write(Data("amanat: \(stage) \(done)/\(total)\n".utf8))
                }
            }
            print("Copied \(vault.path) into \(to): \(report.rows) rows, \(report.blobsCopied) blobs")
            if report.blobsAlreadyThere > 0 || report.rows == 0 {
                print(
                    "(\(report.blobsAlreadyThere) blobs and \(report.rows == 0 ? "every row" : "no row") were there "
                        + "from an earlier run, and checked)")
            }
            print("Audit head of both: \(report.auditHead)")
            print("Use it with --vault \(to); keep the folder until you have checked the database's backups.")
        }
    }
}
