/// Removes what the detectors find, and refuses to return a text in which anything is still found.
public struct Redactor: Sendable {
    private let terms: CaseTermDetector
    private let phones = PhoneDetector()
    private let identifiers = IdentifierDetector()
    private let candidates = CandidateDetector()

    /// A redactor for one case's list of people and places.
    /// - Throws: as `CaseTermDetector.init(terms:)`.
    public init(terms: [String]) throws {
        self.terms = try CaseTermDetector(terms: terms)
    }

    /// Everything found, in text order, overlapping spans merged.
    public func spans(in text: String) -> [Span] {
        let found = (terms.spans(in: text) + phones.spans(in: text) + identifiers.spans(in: text)).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var merged: [Span] = []
        for span in found {
            if let last = merged.last, span.start <= last.end {
                // Overlaps merge; the wider finding names the result (an e-mail that holds a name is an e-mail).
                let detector = span.end - span.start > last.end - last.start ? span.detector : last.detector
                merged[merged.count - 1] = Span(start: last.start, end: max(last.end, span.end), detector: detector)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// What an editor should review in `text` and that is not removed automatically: candidates that
    /// no removal span already covers.
    public func reviewCandidates(in text: String) -> [Span] {
        let removed = spans(in: text)
        return candidates.spans(in: text).filter { candidate in
            !removed.contains { $0.start <= candidate.start && candidate.end <= $0.end }
        }
    }

    /// `text` with every span replaced by "[redacted]".
    /// - Throws: `LeakError` if the detectors still find something in the result (fail closed).
    public func redact(_ text: String) throws -> String {
        var characters = Array(text)
        for span in spans(in: text).reversed() {
            characters.replaceSubrange(span.start..<span.end, with: Array("[redacted]"))
        }
        let result = String(characters)
        if let leak = spans(in: result).first { throw LeakError(span: leak) }
        return result
    }
}

/// The leak check found something in a redacted text: nothing may be published.
public struct LeakError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where (in the redacted text) and what kind.
    public let span: Span
    /// "the redacted text still contains a phone at 40..52; nothing was published".
    public var description: String { "the redacted text still contains a \(span.detector.rawValue) at \(span.start)..\(span.end); nothing was published" }
}
