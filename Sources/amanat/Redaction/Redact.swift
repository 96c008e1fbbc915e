import AmanatRedaction
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat redact`: redaction of a text outside the vault.
    struct Redact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Redact a text (an article draft, a transcript) against a list of names and places.",
            discussion: """
            TERMS holds one person or place per line. Every form of each term (all Russian cases, \
            Cyrillic or Latin letters, with initials) is removed, and so are phone numbers, e-mail \
            addresses, links and handles, card numbers, IBANs, passports, dates, street addresses and \
            car plates. The result is checked again: if anything is still found, nothing is printed \
            and the position is reported (exit 5).

            Examples:
              amanat redact --text-file draft.txt --terms-file names.txt
              amanat redact --text-file draft.txt --terms-file names.txt --json
            """
        )

        @Option(help: ArgumentHelp("The text to redact (UTF-8).", valueName: "FILE")) var textFile: String
        @Option(help: ArgumentHelp("People and places to remove, one per line.", valueName: "TERMS")) var termsFile: String
        @Option(help: ArgumentHelp("Language of the text: ru, en or auto.", valueName: "LANG")) var lang = "auto"
        @Option(help: ArgumentHelp("Replace people and places by consistent labels ([Person KX]) made with the secret in FILE (16-64 bytes, mode 600; one per case).", valueName: "FILE"))
        var pseudonymKeyFile: String?
        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard ["ru", "en", "auto"].contains(lang) else { throw ValidationError("--lang must be ru, en or auto") }
        }

        struct Shown: Encodable {
            struct Found: Encodable { let start: Int; let end: Int; let detector: String; let action: String }
            let spans: [Found]
            let text: String
        }

        func run() throws {
            var info = stat()
            if stat(termsFile, &info) == 0, info.st_mode & 0o077 != 0 {
                FileHandle.standardError.write(Data("amanat: warning: \(termsFile) holds real names and other users can read it; protect it with: chmod 600 \(termsFile)\n".utf8))
            }
            let text = try Self.readText(textFile)
            let terms = try Self.readText(termsFile).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let redactor = try Redactor(terms: terms)
            let spans = redactor.spans(in: text)
            let pseudonyms = try pseudonymKeyFile.map { try Pseudonyms(key: SecretInput.trimmingNewlines(SecretInput.readSecretFile($0))) }
            let language = lang != "auto" ? lang : (Self.mostlyCyrillic(text) ? "ru" : "en")
            let redacted: String
            do {
                redacted = try redactor.redact(text, plan: spans, pseudonyms: pseudonyms, language: language)
            } catch let leak as LeakError {
                FileHandle.standardError.write(Data("amanat: error: \(leak)\n".utf8))
                Foundation.exit(ExitStatus.leak.rawValue)
            }
            if output.json {
                let removed = spans.map { span in
                    Shown.Found(start: span.start, end: span.end, detector: span.detector.rawValue,
                                action: pseudonyms != nil && span.detector == .caseTerm && span.entity != nil ? "pseudonymise" : "remove")
                }
                let review = redactor.reviewCandidates(in: text, plan: spans).map { Shown.Found(start: $0.start, end: $0.end, detector: $0.detector.rawValue, action: "review") }
                try output.printJSON(Shown(spans: (removed + review).sorted { ($0.start, $0.end) < ($1.start, $1.end) }, text: redacted))
            } else {
                print(redacted, terminator: redacted.hasSuffix("\n") ? "" : "\n")
            }
        }

        /// Whether most letters of `text` are Cyrillic.
        static func mostlyCyrillic(_ text: String) -> Bool {
            var cyrillic = 0, letters = 0
            for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
                letters += 1
                if (0x0400...0x04FF).contains(scalar.value) { cyrillic += 1 }
            }
            return cyrillic * 2 > letters
        }

        static func readText(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else { throw CLIError.notFound("\(path): cannot read this file") }
            guard let text = String(data: data, encoding: .utf8) else { throw CLIError.usage("\(path) is not UTF-8 text", hint: "save it as UTF-8 and try again") }
            return text
        }
    }
}
