import AmanatCrypto
import AmanatRedaction
import AmanatVault
import Foundation

/// Reading and writing redaction plan files (JSON, mode 600: they hold the real names).
enum PlanFile {
    /// Writes `plan` to a new file at `path`, readable by its owner only, and says what is in it.
    static func write(_ plan: RedactionPlan, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(plan)
        let writer: AtomicFileWriter
        do {
            writer = try AtomicFileWriter(path: path, permissions: 0o600, overwrite: false)
        } catch let error as AmanatCryptoError {
            if FileManager.default.fileExists(atPath: path) {
                throw CLIError.usage(
                    "\(path) already exists", hint: "choose another file name, or delete the old plan first")
            }
            throw error
        }
        try data.withUnsafeBytes { try writer.write($0) }
        try [UInt8(10)].withUnsafeBytes { try writer.write($0) }
        try writer.commit()
        var counts: [RedactionPlan.Action: Int] = [:]
        for span in plan.spans { counts[span.action, default: 0] += 1 }
        let summary = RedactionPlan.Action.allCases.map {
            "\(counts[$0] ?? 0) \($0 == .keep ? "to review (kept)" : $0.rawValue)"
        }.joined(separator: ", ")
        print("Wrote the plan to \(path): \(plan.spans.count) spans: \(summary).")
        print("It holds the real names: it is readable by you only; delete it once the excerpt is published.")
    }

    /// Reads a plan file (refusing one other users can read), as parsed JSON and its raw bytes.
    static func read(_ path: String) throws -> (plan: RedactionPlan, bytes: SecretBytes) {
        let bytes = try SecretInput.readSecretFile(path)
        do {
            try StrictJSON.validate(bytes, what: path)
        } catch AmanatCryptoError.invalidEncoding(_, let reason) {
            throw CLIError.usage(
                "\(path) is not a redaction plan: \(reason)",
                hint: "make a new one with `amanat redact RECORD --plan-out FILE`")
        }
        do {
            let plan = try bytes.withUnsafeBytes { try JSONDecoder().decode(RedactionPlan.self, from: Data($0)) }
            return (plan, bytes)
        } catch let error as DecodingError {
            // Only the place of the problem, never the values (they are names).
            let place: String =
                switch error {
                case .keyNotFound(let key, let context):
                    (context.codingPath + [key]).map(\.stringValue).joined(separator: ".") + " is missing"
                case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                    context.codingPath.isEmpty
                        ? "it is not valid JSON"
                        : context.codingPath.map(\.stringValue).joined(separator: ".") + " has a wrong value"
                @unknown default: "it cannot be read"
                }
            throw CLIError.usage(
                "\(path) is not a redaction plan: \(place)",
                hint: "make a new one with `amanat redact RECORD --plan-out FILE`")
        }
    }
}

/// The list a record is redacted against: its people and places, and the editor's terms.
enum RecordTerms {
    static func merge(testimony: Testimony, listed: [RedactionPlan.Term]) -> [RedactionPlan.Term] {
        var terms = listed
        let own =
            testimony.people.map { RedactionPlan.Term(text: $0.name, kind: .person) }
            + testimony.places.map { RedactionPlan.Term(text: $0, kind: .place) }
        for term in own where term.text.contains(where: \.isLetter) {
            let key = Folding.key(term.text)
            if !terms.contains(where: { Folding.key($0.text) == key }) { terms.append(term) }
        }
        return terms
    }
}
