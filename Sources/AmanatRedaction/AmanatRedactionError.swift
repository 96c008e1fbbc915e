/// Every error AmanatRedaction throws. Messages name positions and detectors, never the text found.
public enum AmanatRedactionError: Error, Equatable, Sendable {
    /// The Snowball stemmer for a language is not available.
    case stemmerUnavailable(language: String)
    /// A term to protect is empty or has no letters.
    case emptyTerm
    /// A pseudonym key shorter than 16 or longer than 64 bytes.
    case weakPseudonymKey
}

extension AmanatRedactionError: CustomStringConvertible {
    /// A one-line message a non-expert can act on.
    public var description: String {
        switch self {
        case let .stemmerUnavailable(language):
            return "the \(language) stemmer is not available; install Debian's libstemmer-dev (`make deps` does)"
        case .emptyTerm:
            return "a term on the list has no letters; remove the empty line"
        case .weakPseudonymKey:
            return "the pseudonym key must be 16 to 64 bytes of secret random data"
        }
    }
}
