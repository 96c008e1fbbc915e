import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat shred RECORD…` or `amanat shred CASE`: the administrator destroys records, or a case, for good.
    struct Shred: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Destroy records, or a whole case, for good, leaving signed tombstones in the audit log.",
            discussion: """
                In one transaction each record's keys, body and redaction plans go, with the replies about it \
                and its source's mailbox once no other record uses it; its attachments are then overwritten \
                and removed, and the database's old pages cleared. The audit log keeps a signed record.shred \
                entry (ids and day, no content): `amanat audit --verify` still passes, and `amanat read` says \
                when the record was shredded. Projections published from it stay public.

                A case id shreds the case: the records filed only in it (as above), its title, notes, keys, \
                term list and retention policy, and every lawyer's copy of its key; records also filed in \
                another case stay there. A signed case.shred entry is its tombstone.

                Beyond reach: what a lawyer already decrypted and kept, and backups made before the shred \
                (Docs/format.md §8.23, §8.27). Asks before it shreds; a script passes --yes.

                Examples:
                  amanat shred 9c1f0a
                  amanat shred 9c1f0a 38fa8e --yes --json
                  amanat shred 03c77a --yes
                """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions

        @Argument(
            help: ArgumentHelp(
                "Record ids from `amanat inbox`, or one case id (or their first 6+ characters).",
                valueName: "RECORD|CASE"))
        var records: [String] = []

        @Flag(help: "Shred without asking (for scripts).")
        var yes = false

        /// What `shred --json` prints for each record (Docs/cli.md).
        struct Shredded: Encodable {
            let record: String, attachments: Int, replies: Int, plans: Int, projections_kept: Int
            let mailbox_removed: Bool

            init(_ summary: ShredSummary) {
                record = summary.record.description
                attachments = summary.attachments
                replies = summary.replies
                plans = summary.plans
                projections_kept = summary.projectionsKept
                mailbox_removed = summary.removesMailbox
            }
        }

        /// What `shred CASE --json` prints (Docs/cli.md).
        struct ShreddedCase: Encodable {
            let `case`: String, records: [Shredded], kept: [String], grants: Int, projections_kept: Int
        }

        func validate() throws {
            guard !records.isEmpty else {
                throw ValidationError("name the records to shred (ids from `amanat inbox`), or one case")
            }
        }

        func run() throws {
            let vault = try self.vault.open()
            // A shred killed after its transaction left attachments whose keys are gone: remove them first.
            let finished = try vault.finishShredding()
            if finished > 0 {
                Diagnostics.note("removed \(finished) attachment(s) that an interrupted shred had left behind")
            }
            if let caseID = try caseArgument(vault) { return try shred(caseID, in: vault) }
            let ids = try records.map { try IDArgument.record($0, in: vault) }
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let summaries = try vault.shredSummaries(ids, administrator: administrator)
            try confirm(summaries.map(Self.describe), what: summaries.count == 1 ? "this record" : "these records")
            let done = try vault.shred(ids, administrator: administrator)
            if output.json { return try output.printJSON(done.map(Shredded.init)) }
            for summary in done { print("Shredded record \(summary.record).") }
            print("The audit log keeps a signed tombstone of each; `amanat audit --verify` checks them.")
        }

        /// The case the arguments name, if they name one: then it must be the only argument.
        private func caseArgument(_ vault: Vault) throws -> Case.ID? {
            for text in records where (try? IDArgument.record(text, in: vault)) == nil {
                let caseID: Case.ID
                do {
                    caseID = try IDArgument.caseID(text, in: vault)
                } catch let shredded as AmanatVaultError {
                    throw shredded
                } catch {
                    return nil
                }
                guard records.count == 1 else {
                    throw CLIError.usage(
                        "\(text) is a case; shred a case on its own, without other ids",
                        hint: "run `amanat shred \(text)`")
                }
                return caseID
            }
            return nil
        }

        private func shred(_ caseID: Case.ID, in vault: Vault) throws {
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let summary = try vault.caseShredSummary(caseID, administrator: administrator)
            try confirm([Self.describe(summary)] + summary.records.map(Self.describe), what: "this case")
            let done = try vault.shredCase(caseID, administrator: administrator)
            if output.json {
                return try output.printJSON(
                    ShreddedCase(
                        case: caseID.description, records: done.records.map(Shredded.init),
                        kept: done.kept.map(\.description), grants: done.grants, projections_kept: done.projectionsKept)
                )
            }
            print("Shredded case \(caseID) and \(counted(done.records.count, "record")) filed only in it.")
            print("The audit log keeps a signed tombstone of each; `amanat audit --verify` checks them.")
        }

        /// One line: the case and what goes with it.
        static func describe(_ summary: CaseShredSummary) -> String {
            var line = "case \(summary.caseID): its title, notes, keys, term list and retention policy will go"
            line += "; so will \(counted(summary.records.count, "record")) filed only in it"
            if !summary.kept.isEmpty {
                line += "; \(counted(summary.kept.count, "record")) filed also in another case stay there"
            }
            if summary.grants > 0 {
                line += "; \(counted(summary.grants, "grant")) stay in the log, their keys emptied"
            }
            if summary.projectionsKept > 0 {
                line += "; \(counted(summary.projectionsKept, "published projection")) stay public"
            }
            return line
        }

        /// Says what will go and asks, unless `--yes`.
        /// - Throws: `CLIError.refused` when there is no terminal to ask on, or the answer is not yes.
        private func confirm(_ lines: [String], what: String) throws {
            if yes { return }
            guard Confirmation.canAsk else {
                throw CLIError.refused(
                    "shredding cannot be undone, and there is no terminal to ask on; nothing was shredded",
                    hint: "add --yes to shred from a script")
            }
            for line in lines { Diagnostics.note(line) }
            guard Confirmation.ask("Shred \(what)? This cannot be undone. Type yes to go on: ") else {
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
