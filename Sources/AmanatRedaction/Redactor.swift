import Foundation

/// Removes what the detectors find, and refuses to return a text in which anything is still found.
public struct Redactor: Sendable {
    private let terms: CaseTermDetector
    private let phones = PhoneDetector()
    private let identifiers = IdentifierDetector()
    private let candidates = CandidateDetector()

    /// The terms as listed, with what each names.
    private let entities: [(term: String, kind: Pseudonyms.Kind)]

    /// A redactor for one case's list of people and places. A term may start with "place:" or
    /// "person:" (the default) to say what it names, for pseudonyms.
    /// - Throws: as `CaseTermDetector.init(terms:)`.
    public init(terms: [String]) throws {
        let entities = terms.map { line -> (String, Pseudonyms.Kind) in
            for (prefix, kind) in [("place:", Pseudonyms.Kind.place), ("место:", .place), ("person:", .person), ("человек:", .person)]
            where line.lowercased().hasPrefix(prefix) {
                return (String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces), kind)
            }
            return (line, .person)
        }
        self.entities = entities
        self.terms = try CaseTermDetector(terms: entities.map(\.0))
    }

    /// Everything found, in text order, overlapping spans merged.
    public func spans(in text: String) -> [Span] {
        let found = (terms.spans(in: text) + phones.spans(in: text) + identifiers.spans(in: text)).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var merged: [Span] = []
        for span in found {
            if let last = merged.last, span.start <= last.end {
                // Overlaps merge; the wider finding names the result (an e-mail that holds a name is an e-mail).
                let wider = span.end - span.start > last.end - last.start ? span : last
                // A name inside a wider finding (an e-mail) is no longer a pseudonymised name.
                let entity = span.detector == .caseTerm && last.detector == .caseTerm && span.entity == last.entity ? last.entity : nil
                merged[merged.count - 1] = Span(start: last.start, end: max(last.end, span.end), detector: wider.detector, entity: entity)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// What an editor should review in `text` and that is not removed automatically: candidates that
    /// no removal span already covers.
    /// - Parameter plan: the spans of `text` if already found (`spans(in:)`), so they are not searched twice.
    public func reviewCandidates(in text: String, plan: [Span]? = nil) -> [Span] {
        let removed = plan ?? spans(in: text)
        return candidates.spans(in: text).filter { candidate in
            !removed.contains { $0.start <= candidate.start && candidate.end <= $0.end }
        }
    }

    /// `text` with every span replaced by "[redacted]", or, with `pseudonyms`, every person and place
    /// of the list by its label for the case.
    /// - Throws: `LeakError` if the detectors still find something in the result (fail closed).
    /// - Parameter plan: the spans of `text` if already found (`spans(in:)`), so they are not searched twice.
    public func redact(_ text: String, plan: [Span]? = nil, pseudonyms: Pseudonyms? = nil, language: String = "en") throws -> String {
        var characters = Array(text)
        for span in (plan ?? spans(in: text)).reversed() {
            var replacement = "[redacted]"
            if let pseudonyms, span.detector == .caseTerm, let entity = span.entity {
                replacement = pseudonyms.label(for: entities[entity].term, kind: entities[entity].kind, language: language)
            }
            characters.replaceSubrange(span.start..<span.end, with: Array(replacement))
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
