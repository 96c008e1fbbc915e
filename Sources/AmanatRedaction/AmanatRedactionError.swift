/// Every error AmanatRedaction throws. Messages name positions and detectors, never the text found.
public enum AmanatRedactionError: Error, Equatable, Sendable {
    /// The Snowball stemmer for a language is not available.
    case stemmerUnavailable(language: String)
    /// A term to protect is empty or has no letters.
    case emptyTerm
    /// A pseudonym key shorter than 16 or longer than 64 bytes.
    case weakPseudonymKey
    /// A plan made for another text (or the text changed since).
    case planMismatch
    /// A plan whose format or version this build does not know.
    case unsupportedPlan(version: Int)
    /// A plan that cannot be applied as written; the reason names the position.
    case invalidPlan(String)
    /// Spans still marked `undecided`: how many, and where the first is.
    case undecidedSpans(count: Int, first: Range<Int>)
}

extension AmanatRedactionError: CustomStringConvertible {
    /// A one-line message a non-expert can act on.
    public var description: String {
        switch self {
        case .stemmerUnavailable(let language):
            return "the \(language) stemmer is not available; install Debian's libstemmer-dev (`make deps` does)"
        case .emptyTerm:
            return "a term on the list has no letters; remove the empty line"
        case .weakPseudonymKey:
            return "the pseudonym key must be 16 to 64 bytes of secret random data"
        case .planMismatch:
            return
                "this plan was made for another text (or the text changed); make a new plan with `amanat redact "
                + "RECORD --plan-out FILE`"
        case .unsupportedPlan(let version):
            return
                "this plan (format version \(version)) is not an Amanat redaction plan this version can read; make a "
                + "new one with `amanat redact RECORD --plan-out FILE`"
        case .invalidPlan(let reason):
            return "the plan cannot be applied: \(reason); nothing was published"
        case .undecidedSpans(let count, let first):
            let spans = count == 1 ? "1 span is" : "\(count) spans are"
            return "\(spans) still undecided (the first at \(first.lowerBound)..\(first.upperBound)); give each "
                + "the action remove, pseudonymise, generalise or keep, then publish again; nothing was published"
        }
    }
}
