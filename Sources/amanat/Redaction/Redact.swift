import AmanatPublication
import AmanatRedaction
import AmanatVault
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat redact`: redaction of a text outside the vault.
    struct Redact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Redact a text against a list of names and places, or plan the redaction of a vault record.",
            discussion: """
                Outside the vault: TERMS holds one person or place per line ("place: Карабулак" for a \
                place). Every form of each term (all Russian cases, Cyrillic or Latin letters, with \
                initials) is removed, and so are phone numbers, e-mail addresses, links and handles, card \
                numbers, IBANs, passports, dates, street addresses and car plates. The result is checked \
                again: if anything is still found, nothing is printed and the position is reported (exit 5).

                In the vault: the case's terms (`amanat case terms`), the people and places of every \
                record of the case (and TERMS, if given) make the list, and --plan-out writes the proposed \
                plan for review: every span with its detector, its reason and an action (remove, \
                pseudonymise, generalise, keep, undecided) that you may change before `amanat publish`. \
                Nothing is kept as written unless you choose keep: the spans the detectors were unsure of \
                are removed (or labelled, when they read like a family name). The plan holds the real names: it is written readable by you only; \
                delete it once published (the vault keeps an encrypted copy).

                Examples:
                  amanat redact --text-file draft.txt --terms-file names.txt
                  amanat redact --text-file draft.txt --terms-file names.txt --json
                  amanat redact 9c1f0a --identity editor.id --plan-out plan.json
                """
        )

        @OptionGroup var vault: VaultOptions
        @OptionGroup var identity: IdentityOptions
        @Argument(
            help: ArgumentHelp("A record to plan the redaction of (instead of --text-file).", valueName: "RECORD"))
        var record: String?
        @Option(help: ArgumentHelp("The text to redact (UTF-8).", valueName: "FILE")) var textFile: String?
        @Option(help: ArgumentHelp("People and places to remove, one per line.", valueName: "TERMS")) var termsFile:
            String?
        @Option(help: ArgumentHelp("Language of the text: ru, en or auto.", valueName: "LANG")) var lang = "auto"
        @Option(
            help: ArgumentHelp(
                "Replace people and places by consistent labels ([Person KX]) made with the secret in FILE (16-64 "
                    + "bytes, mode 600; one per case).",
                valueName: "FILE"))
        var pseudonymKeyFile: String?
        @Option(
            help: ArgumentHelp(
                "Write the proposed plan to FILE (mode 600) for review instead of printing the text.", valueName: "FILE"
            ))
        var planOut: String?
        @Option(
            name: .customLong("case"),
            help: ArgumentHelp(
                "With RECORD: use this case's terms only (default: those of every case holding the record).",
                valueName: "CASE"))
        var caseID: String?
        @Option(help: ArgumentHelp("Generalise dates to their month or year in the plan.", valueName: "month|year"))
        var datePrecision: Precision = .month
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard ["ru", "en", "auto"].contains(lang) else { throw ValidationError("--lang must be ru, en or auto") }
            guard (record == nil) != (textFile == nil) else {
                throw ValidationError("give either a RECORD or --text-file FILE")
            }
            if record == nil, termsFile == nil {
                throw ValidationError("--text-file needs --terms-file TERMS (one person or place per line)")
            }
            if record != nil, planOut == nil {
                throw ValidationError(
                    "a record is redacted through a reviewed plan: add --plan-out FILE, then run `amanat publish`")
            }
        }

        struct Shown: Encodable {
            struct Found: Encodable {
                let start: Int
                let end: Int
                let detector: String
                let action: String
            }
            let spans: [Found]
            let text: String
        }

        func run() throws {
            if let termsFile { Self.warnIfReadable(termsFile) }
            let listed = try termsFile.map { try Self.readTerms($0) } ?? []
            if let record { return try planRecord(record, listed: listed) }
            let text = try Self.readText(textFile!)
            let redactor = try Redactor(terms: listed)
            let language = lang != "auto" ? lang : (Self.mostlyCyrillic(text) ? "ru" : "en")
            if let planOut {
                let plan = redactor.plan(for: text, language: language, datePrecision: datePrecision.generalisation)
                return try PlanFile.write(plan, to: planOut)
            }
            let spans = redactor.spans(in: text)
            let pseudonyms = try pseudonymKeyFile.map {
                try Pseudonyms(key: SecretInput.trimmingNewlines(SecretInput.readSecretFile($0)))
            }
            let redacted: String
            do {
                redacted = try redactor.redact(text, plan: spans, pseudonyms: pseudonyms, language: language)
            } catch let leak as LeakError {
                FileHandle.standardError.write(Data("amanat: error: \(leak)\n".utf8))
                Foundation.exit(ExitStatus.leak.rawValue)
            }
            if output.json {
                let removed = spans.map { span in
                    Shown.Found(
                        start: span.start, end: span.end, detector: span.detector.rawValue,
                        action: pseudonyms != nil && span.detector == .caseTerm && span.entity != nil
                            ? "pseudonymise" : "remove")
                }
                let review = redactor.reviewCandidates(in: text, plan: spans).map {
                    Shown.Found(start: $0.start, end: $0.end, detector: $0.detector.rawValue, action: "review")
                }
                let found = (removed + review).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
                try output.printUntrustedJSON(Shown(spans: found, text: redacted))
            } else {
                print(TerminalText.shown(redacted), terminator: redacted.hasSuffix("\n") ? "" : "\n")
            }
        }

        /// Plans the redaction of a vault record: its people and places, plus the listed terms.
        private func planRecord(_ record: String, listed: [RedactionPlan.Term]) throws {
            let vault = try self.vault.open()
            let id = try IDArgument.record(record, in: vault)
            let person = try identity.unlock(fallback: self.vault.administratorIdentityPath)
            let accessor: Accessor = vault.isAdministrator(person) ? .administrator(person) : .grantee(person)
            let desk = PublicationDesk(vault: vault, as: accessor, today: CLIClock.today)
            let plan = try desk.proposePlan(
                for: id, case: try caseID.map { try IDArgument.caseID($0, in: vault) }, listed: listed,
                datePrecision: datePrecision.generalisation)
            try PlanFile.write(plan, to: planOut!)
        }

        static func warnIfReadable(_ path: String) {
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & 0o077 != 0 {
                FileHandle.standardError.write(
                    Data(
                        ("amanat: warning: \(path) holds real names and other users can read it; protect it with: "
                            + "chmod 600 \(path)\n").utf8))
            }
        }

        static func readTerms(_ path: String) throws -> [RedactionPlan.Term] {
            try Redactor.terms(listedIn: readText(path))
        }

        /// Whether most letters of `text` are Cyrillic.
        static func mostlyCyrillic(_ text: String) -> Bool {
            var cyrillic = 0
            var letters = 0
            for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
                letters += 1
                if (0x0400...0x04FF).contains(scalar.value) { cyrillic += 1 }
            }
            return cyrillic * 2 > letters
        }

        static func readText(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError.notFound("\(path): cannot read this file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CLIError.usage("\(path) is not UTF-8 text", hint: "save it as UTF-8 and try again")
            }
            return text
        }
    }
}
