import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat shred RECORD…`: the administrator destroys records for good.
    struct Shred: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Destroy records for good, leaving a signed tombstone in the audit log.",
            discussion: """
                In one transaction each record's keys, body and redaction plans go, with the replies about it \
                and its source's mailbox once no other record uses it; its attachments are then overwritten \
                and removed, and the database's old pages cleared. The audit log keeps a signed record.shred \
                entry (ids and day, no content): `amanat audit --verify` still passes, and `amanat read` says \
                when the record was shredded. Projections published from it stay public.

                Beyond reach: what a lawyer already decrypted and kept, and backups made before the shred \
                (Docs/format.md §8.23). Asks before it shreds; a script passes --yes.

                Examples:
                  amanat shred 9c1f0a
                  amanat shred 9c1f0a 38fa8e --yes --json
                """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions

        @Argument(
            help: ArgumentHelp("Record ids from `amanat inbox` (or their first 6+ characters).", valueName: "RECORD"))
        var records: [String] = []

        @Flag(help: "Shred without asking (for scripts).")
        var yes = false

        /// What `shred --json` prints for each record (Docs/cli.md).
        struct Shredded: Encodable {
            let record: String, attachments: Int, replies: Int, plans: Int, projections_kept: Int
            let mailbox_removed: Bool
        }

        func validate() throws {
            guard !records.isEmpty else {
                throw ValidationError("name the records to shred (ids from `amanat inbox`)")
            }
        }

        func run() throws {
            let vault = try self.vault.open()
            // A shred killed after its transaction left attachments whose keys are gone: remove them first.
            let finished = try vault.finishShredding()
            if finished > 0 {
                Diagnostics.note("removed \(finished) attachment(s) that an interrupted shred had left behind")
            }
            let ids = try records.map { text in
                do {
                    return try IDArgument.record(text, in: vault)
                } catch CLIError.notFound(let message) {
                    // A case id: its records are shredded one by one, or by its retention policy.
                    guard (try? IDArgument.caseID(text, in: vault)) != nil else { throw CLIError.notFound(message) }
                    throw CLIError.usage(
                        "\(text) is a case; this version shreds records, not whole cases",
                        hint: "list its records with `amanat case show \(text)` and shred them, or set when they go "
                            + "with `amanat retention set \(text)`")
                }
            }
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let summaries = try vault.shredSummaries(ids, administrator: administrator)
            try confirm(summaries)
            let done = try vault.shred(ids, administrator: administrator)
            if output.json {
                return try output.printJSON(
                    done.map {
                        Shredded(
                            record: $0.record.description, attachments: $0.attachments, replies: $0.replies,
                            plans: $0.plans, projections_kept: $0.projectionsKept, mailbox_removed: $0.removesMailbox)
                    })
            }
            for summary in done { print("Shredded record \(summary.record).") }
            print("The audit log keeps a signed tombstone of each; `amanat audit --verify` checks them.")
        }

        /// Says what will go and asks, unless `--yes`.
        /// - Throws: `CLIError.refused` when there is no terminal to ask on, or the answer is not yes.
        private func confirm(_ summaries: [ShredSummary]) throws {
            if yes { return }
            guard Confirmation.canAsk else {
                throw CLIError.refused(
                    "shredding cannot be undone, and there is no terminal to ask on; nothing was shredded",
                    hint: "add --yes to shred from a script")
            }
            for summary in summaries { Diagnostics.note(Self.describe(summary)) }
            let count = summaries.count == 1 ? "this record" : "these \(summaries.count) records"
            guard Confirmation.ask("Shred \(count)? This cannot be undone. Type yes to go on: ") else {
                throw CLIError.refused("nothing was shredded", hint: "add --yes to shred without being asked")
            }
        }

        /// One line: the record and everything that goes with it.
        static func describe(_ summary: ShredSummary) -> String {
            func count(_ number: Int, _ one: String, _ many: String) -> String? {
                number == 0 ? nil : number == 1 ? "1 \(one)" : "\(number) \(many)"
            }
            let cases =
                summary.cases.isEmpty
                ? "in no case" : "in case " + summary.cases.map(\.description).joined(separator: ", ")
            let parts = [
                "its testimony", count(summary.attachments, "attachment", "attachments"),
                count(summary.replies, "reply about it", "replies about it"),
                count(summary.plans, "redaction plan", "redaction plans"),
            ].compactMap { $0 }
            var line = "record \(summary.record) (submitted \(summary.day), \(cases)): "
            line += parts.joined(separator: ", ") + " will go"
            if summary.removesMailbox { line += "; so will its source's mailbox (no other record uses it)" }
            if let kept = count(summary.projectionsKept, "published projection stays", "published projections stay") {
                line += "; \(kept) public"
            }
            return line
        }
    }
}
