import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat retention`: how long each case's records are kept, and shredding what is due.
    struct RetentionCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retention",
            abstract: "Set how long each case's records are kept, and shred what is due.",
            discussion: """
                A case keeps its records for ever until you set a rule: until a day, or a number of days \
                after the case is closed (`amanat case close`). `amanat retention run`, safe to run daily \
                from cron, shreds every record filed only in cases whose time is up (Docs/format.md §8.25).
                """,
            subcommands: [SetRule.self, Show.self, Run.self]
        )
    }
}

extension Amanat.RetentionCommand {
    /// `amanat retention set CASE --until DAY | --days-after-close N | --forever`.
    struct SetRule: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set how long a case's records are kept.",
            discussion: """
                Examples:
                  amanat retention set 38fa8e --until 2031-12-31
                  amanat retention set 38fa8e --days-after-close 365
                  amanat retention set 38fa8e --forever
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(help: ArgumentHelp("The case id (or its first 6+ characters).", valueName: "CASE")) var caseID: String
        @Option(help: ArgumentHelp("Keep the records until DAY (inclusive), as YYYY-MM-DD.", valueName: "DAY"))
        var until: String?
        @Option(help: ArgumentHelp("Keep them N days after the case is closed.", valueName: "N"))
        var daysAfterClose: Int?
        @Flag(help: "Keep them for ever (no rule).") var forever = false

        func validate() throws {
            guard [until != nil, daysAfterClose != nil, forever].filter({ $0 }).count == 1 else {
                throw ValidationError("give exactly one of --until DAY, --days-after-close N and --forever")
            }
            if let until, (try? Day(until)) == nil {
                throw ValidationError("--until takes a day like 2031-12-31")
            }
        }

        func run() throws {
            let vault = try self.vault.open()
            let id = try IDArgument.caseID(caseID, in: vault)
            let rule: RetentionPolicy.Rule? =
                if let until { .until(try Day(until)) } else { daysAfterClose.map { .daysAfterClose($0) } }
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            try vault.setRetention(rule, for: id, administrator: administrator)
            print("Case \(id): \(Show.describe(try vault.retention(of: id))).")
        }
    }

    /// `amanat retention show`: every case's policy and when its records are due.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every case's retention policy and when its records are due.",
            discussion: "Examples:\n  amanat retention show\n  amanat retention show --json"
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var output: OutputOptions

        /// What `retention show --json` prints for each case (Docs/cli.md).
        struct Entry: Encodable {
            let case_id: String
            var keep_until: String? = nil, keep_days_after_close: Int? = nil
            let closed: String?, due: String?
        }

        func run() throws {
            let vault = try self.vault.open()
            let policies = try vault.retentionPolicies()
            let entries = try vault.cases().map { summary in
                let policy = policies[summary.id] ?? .keep
                var entry = Entry(
                    case_id: summary.id.description, closed: policy.closed?.description,
                    due: policy.dueDay?.description)
                switch policy.rule {
                case .until(let day): entry.keep_until = day.description
                case .daysAfterClose(let days): entry.keep_days_after_close = days
                case nil: break
                }
                return (summary.id, policy, entry)
            }
            if output.json { return try output.printJSON(entries.map(\.2)) }
            if entries.isEmpty { return print("No cases.") }
            for (id, policy, _) in entries { print("Case \(id): \(Self.describe(policy)).") }
        }

        /// "kept until 2031-12-31, due 2032-01-01", "kept 365 days after closing (open)", "kept for ever".
        static func describe(_ policy: RetentionPolicy) -> String {
            let closed = policy.closed.map { "closed \($0)" } ?? "open"
            switch policy.rule {
            case .until(let day): return "kept until \(day) (\(closed)); due \(policy.dueDay?.description ?? "-")"
            case .daysAfterClose(let days):
                let due = policy.dueDay.map { "due \($0)" } ?? "due once it is closed"
                return "kept \(counted(days, "day")) after it is closed (\(closed)); \(due)"
            case nil: return "kept for ever (\(closed))"
            }
        }
    }

    /// `amanat retention run`: shreds what the policies say is due.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Shred the records whose retention has ended (safe to run daily from cron).",
            discussion: """
                A record is shredded when every case it is filed in is due; one also filed in a case that \
                still keeps it stays. The vault must verify first, and so must every policy (signed by the \
                administrator); otherwise nothing is shredded. Records are shredded in batches, each in one \
                transaction: a run that is stopped leaves each record whole or shredded, and the next run \
                finishes. Does not ask: the policies are the decision. --dry-run shows what would go.

                It also closes every source's mailbox that nothing was added to or written into for twelve \
                months (the codename page tells her so): its replies are deleted and a signed mailbox.close \
                entry logged; her records stay, under their cases' policies.

                Examples:
                  amanat retention run --dry-run
                  amanat retention run --passphrase-file /root/admin.pass
                """
        )
        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "Show what is due without shredding anything.") var dryRun = false

        /// What `retention run --json` prints (Docs/cli.md).
        struct Ran: Encodable {
            let dry_run: Bool, due_cases: [String], shredded: [String], kept: [String]
            let mailboxes_closed: Int, replies_deleted: Int
        }

        func run() throws {
            let vault = try self.vault.open()
            let administrator = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let report = try vault.runRetention(administrator: administrator, today: CLIClock.today, dryRun: dryRun)
            if output.json {
                return try output.printJSON(
                    Ran(
                        dry_run: dryRun, due_cases: report.dueCases.map(\.description),
                        shredded: report.records.map(\.description), kept: report.kept.map(\.description),
                        mailboxes_closed: report.mailboxesClosed, replies_deleted: report.repliesDeleted))
            }
            let verb = dryRun ? "Would shred" : "Shredded"
            let records = counted(report.records.count, "record")
            print("\(verb) \(records) of \(report.dueCases.count) case(s) whose retention has ended.")
            for record in report.records { print("  \(record)") }
            if !report.kept.isEmpty {
                print("Kept \(report.kept.count) filed also in a case that still keeps it:")
                for record in report.kept { print("  \(record)") }
            }
            if report.mailboxesClosed > 0 {
                let mailboxes = counted(report.mailboxesClosed, "mailbox", plural: "mailboxes")
                let tail = dryRun ? "" : " (\(counted(report.repliesDeleted, "reply", plural: "replies")) deleted)"
                print("\(dryRun ? "Would close" : "Closed") \(mailboxes) unused for twelve months\(tail).")
            }
        }
    }
}
