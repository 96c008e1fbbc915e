import AmanatCrypto
import AmanatRedaction
import AmanatVault
import ArgumentParser
import Foundation

/// `month` or `year`, as typed after --date-precision and --period.
enum Precision: String, ExpressibleByArgument {
    case month, year

    /// The redaction module's value.
    var generalisation: Generalisation.DatePrecision { self == .month ? .month : .year }
}

extension Amanat {
    /// `amanat publish RECORD --plan FILE`: an editor publishes a redacted, signed projection.
    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a redacted excerpt of a record, signed with your key, following a reviewed plan.",
            discussion: """
            The plan comes from `amanat redact RECORD --plan-out FILE`, reviewed and edited by you. It \
            is checked against the record (offsets, texts, actions), applied, and the result is checked \
            again: if any person or place of the record or the plan, in any form, or any identifier \
            that was not generalised is still found, nothing is published (exit 5). You need a grant \
            with the publish permission for the case. The projection is stored in the vault's public \
            table with its metadata (case label, month or year, language); the plan is kept encrypted.

            Examples:
              amanat publish 9c1f0a --identity editor.id --plan plan.json
              amanat publish 9c1f0a --identity editor.id --plan plan.json --excerpt 120..480 --label "Case 14"
            """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The record id (or its first 6+ characters).", valueName: "RECORD")) var record: String
        @Option(help: ArgumentHelp("The reviewed plan (mode 600).", valueName: "FILE")) var plan: String
        @Option(help: ArgumentHelp("Publish only characters FROM to TO of the statement (offsets as in the plan).", valueName: "FROM..TO"))
        var excerpt: String?
        @Option(name: .customLong("case"), help: ArgumentHelp("The case to publish for, when the record is in several.", valueName: "CASE"))
        var caseID: String?
        @Option(help: ArgumentHelp("The case's public label (default: \"Case\" and the first 6 characters of its id).", valueName: "TEXT"))
        var label: String?
        @Option(help: ArgumentHelp("Date the projection by the month (or only the year) the testimony was received.", valueName: "month|year"))
        var period: Precision = .month

        func validate() throws {
            if let excerpt { _ = try Self.range(excerpt) }
        }

        static func range(_ text: String) throws -> Range<Int> {
            let parts = text.components(separatedBy: "..")
            guard parts.count == 2, let from = Int(parts[0]), let to = Int(parts[1]), from >= 0, to > from else {
                throw ValidationError("--excerpt must be FROM..TO with 0 <= FROM < TO, for example 120..480")
            }
            return from..<to
        }

        func run() throws {
            let vault = try self.vault.open()
            let id = try IDArgument.record(record, in: vault)
            let (plan, planBytes) = try PlanFile.read(self.plan)
            if let planned = plan.record, planned != id.description {
                throw CLIError.usage("this plan was made for record \(planned.prefix(12)), not \(id.description.prefix(12))", hint: "make a plan for this record with `amanat redact \(record) --plan-out FILE`")
            }
            guard let summary = try vault.inbox().first(where: { $0.id == id }) else { throw CLIError.notFound("no record \(id)") }
            let caseID = try chooseCase(summary, vault: vault)
            let editor = try identity.unlock()
            let testimony = try vault.open(id, as: .grantee(editor), today: CLIClock.today)
            // The leak check uses the plan's terms and the record's own people and places, whatever the plan says.
            let redactor = try Redactor(terms: RecordTerms.merge(testimony: testimony, listed: plan.terms))
            let pseudonyms = try Pseudonyms(key: vault.pseudonymKey(case: caseID, as: .grantee(editor), today: CLIClock.today))
            let text: String
            do {
                text = try redactor.apply(plan, to: testimony.statement, pseudonyms: pseudonyms, excerpt: excerpt.map(Self.range))
            } catch let leak as LeakError {
                FileHandle.standardError.write(Data("amanat: error: \(leak)\n".utf8))
                FileHandle.standardError.write(Data("amanat: hint: change that span's action in the plan to remove (or generalise), then publish again\n".utf8))
                Foundation.exit(ExitStatus.leak.rawValue)
            }
            let day = summary.day.description
            let draft = ProjectionDraft(caseLabel: label ?? "Case \(caseID.description.prefix(6))", language: plan.language,
                                        period: period == .month ? String(day.prefix(7)) : String(day.prefix(4)), text: text)
            let projection = try vault.publish(draft, from: id, case: caseID, plan: planBytes, publisher: editor, today: CLIClock.today)
            if output.json { return try output.printJSON(projection) }
            print("Published projection \(projection.id) (\(text.count) characters, \(plan.language), \(projection.period)) for case \(caseID).")
            print("Export it with: amanat export-public \(caseID.description.prefix(8)) --format html --out public/")
        }

        private func chooseCase(_ summary: RecordSummary, vault: Vault) throws -> Case.ID {
            if let caseID {
                let chosen = try IDArgument.caseID(caseID, in: vault)
                guard summary.cases.contains(chosen) else { throw CLIError.usage("record \(summary.id) is not in case \(chosen)", hint: "see the record's cases with `amanat inbox`") }
                return chosen
            }
            guard summary.cases.count == 1 else {
                if summary.cases.isEmpty { throw CLIError.usage("record \(summary.id) is in no case", hint: "the administrator files it with `amanat case assign`") }
                throw CLIError.usage("record \(summary.id) is in \(summary.cases.count) cases", hint: "choose one with --case CASE")
            }
            return summary.cases[0]
        }
    }
}
