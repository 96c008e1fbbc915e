import AmanatCrypto
import AmanatPublication
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
                The plan comes from `amanat redact RECORD --plan-out FILE`, reviewed and edited by you: \
                every span has an action, and a span still marked undecided stops publication. The plan is \
                checked against the record (offsets, texts, actions), applied, and the result is checked \
                again against the case's terms (`amanat case terms`), the people and places of every record \
                of the case, and the plan's own terms: if any of them, in any form, or any identifier that \
                was not generalised is still found, nothing is published (exit 5). You need a grant with the \
                publish permission for the case. The projection is stored in the vault's public table with \
                its metadata (case label, month or year, language); the plan is kept encrypted.

                Examples:
                  amanat publish 9c1f0a --identity editor.id --plan plan.json
                  amanat publish 9c1f0a --identity editor.id --plan plan.json \\
                      --excerpt 120..480 --label "Case 14"
                """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: RequiredIdentityOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: ArgumentHelp("The record id (or its first 6+ characters).", valueName: "RECORD"))
        var record: String
        @Option(help: ArgumentHelp("The reviewed plan (mode 600).", valueName: "FILE")) var plan: String
        @Option(
            help: ArgumentHelp(
                "Publish only characters FROM to TO of the statement (offsets as in the plan).", valueName: "FROM..TO"))
        var excerpt: String?
        @Option(
            name: .customLong("case"),
            help: ArgumentHelp("The case to publish for, when the record is in several.", valueName: "CASE"))
        var caseID: String?
        @Option(
            help: ArgumentHelp(
                "The case's public label (default: \"Case\" and the first 6 characters of its id).",
                valueName: "TEXT"))
        var label: String?
        @Option(
            help: ArgumentHelp(
                "Date the projection by the month (or only the year) the testimony was received.",
                valueName: "month|year"))
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
            let (_, planBytes) = try PlanFile.read(self.plan)
            let chosen = try caseID.map { try IDArgument.caseID($0, in: vault) }
            let desk = PublicationDesk(vault: vault, as: .grantee(try identity.unlock()), today: CLIClock.today)
            let (projection, caseID) = try desk.publish(
                PublicationRequest(
                    record: id, plan: planBytes, caseID: chosen, excerpt: try excerpt.map(Self.range), label: label,
                    period: period.generalisation))
            if output.json { return try output.printJSON(projection) }
            print(
                "Published projection \(projection.id) (\(projection.text.count) characters, \(projection.language), "
                    + "\(projection.period)) for case \(caseID).")
            print("Export it with: amanat export-public \(caseID.description.prefix(8)) --format html --out public/")
        }
    }
}
