public import AmanatCrypto
public import AmanatRedaction
public import Foundation

/// A redaction plan as bytes: the JSON an editor reviews (Docs/redaction.md), read from protected memory.
public enum PlanDocument {
    /// The plan's JSON: pretty-printed with sorted members, so an editor's diff stays small.
    public static func encode(_ plan: RedactionPlan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(plan)
    }

    /// Reads a plan from its JSON bytes (strict JSON: no repeated member, integers only).
    /// - Throws: `PublicationError.notAPlan` naming the place of the problem, never a value (they are names).
    public static func decode(_ bytes: SecretBytes) throws -> RedactionPlan {
        do {
            try StrictJSON.validate(bytes, what: "the plan")
        } catch AmanatCryptoError.invalidEncoding(_, let reason) {
            throw PublicationError.notAPlan(reason)
        }
        do {
            let plan = try bytes.withUnsafeBytes { try JSONDecoder().decode(RedactionPlan.self, from: Data($0)) }
            try RedactionPlan.checkTermSizes(plan.terms.map(\.text))
            return plan
        } catch let error as DecodingError {
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
            throw PublicationError.notAPlan(place)
        }
    }
}
