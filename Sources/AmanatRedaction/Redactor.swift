import Foundation

/// Removes what the detectors find, and refuses to return a text in which anything is still found.
public struct Redactor: Sendable {
    private let caseTerms: CaseTermDetector
    private let phones = PhoneDetector()
    private let identifiers = IdentifierDetector()
    private let candidates = CandidateDetector()

    /// The terms as listed, with what each names; a span's `entity` indexes this list.
    public let terms: [RedactionPlan.Term]

    /// A redactor for one case's list of people and places. A term may start with "place:" or
    /// "person:" (the default; also "место:", "человек:") to say what it names, for pseudonyms.
    /// - Throws: as `CaseTermDetector.init(terms:)`.
    public init(terms: [String]) throws {
        try self.init(terms: terms.map(Self.term(listed:)))
    }

    /// A redactor for terms whose kinds are known.
    /// - Throws: as `CaseTermDetector.init(terms:)`.
    public init(terms: [RedactionPlan.Term]) throws {
        self.terms = terms
        self.caseTerms = try CaseTermDetector(terms: terms.map(\.text))
    }

    /// The terms of a list written one per line (a terms file), each trimmed, blank lines skipped.
    public static func terms(listedIn text: String) -> [RedactionPlan.Term] {
        text.split(whereSeparator: \.isNewline).map(\.trimmed).filter { !$0.isEmpty }.map { term(listed: String($0)) }
    }

    /// A term as written on a list ("place: Карабулак").
    public static func term(listed line: String) -> RedactionPlan.Term {
        for (prefix, kind) in [
            ("place:", Pseudonyms.Kind.place), ("место:", .place), ("person:", .person), ("человек:", .person),
        ]
        where line.lowercased().hasPrefix(prefix) {
            return RedactionPlan.Term(
                text: String(line.dropFirst(prefix.count).trimmed), kind: kind)
        }
        return RedactionPlan.Term(text: line, kind: .person)
    }

    /// Everything found, in text order, overlapping spans merged.
    public func spans(in text: String) -> [Span] { spans(in: Scan(text)) }

    func spans(in scan: Scan) -> [Span] {
        let found = (caseTerms.spans(in: scan) + phones.spans(in: scan) + identifiers.spans(in: scan)).sorted {
            ($0.start, $0.end) < ($1.start, $1.end)
        }
        var merged: [Span] = []
        for span in found {
            if let last = merged.last, span.start <= last.end {
                // Overlaps merge; the wider finding names the result (an e-mail that holds a name is an e-mail).
                let wider = span.end - span.start > last.end - last.start ? span : last
                // A name inside a wider finding (an e-mail) is no longer a pseudonymised name.
                let entity =
                    span.detector == .caseTerm && last.detector == .caseTerm && span.entity == last.entity
                    ? last.entity : nil
                merged[merged.count - 1] = Span(
                    start: last.start, end: max(last.end, span.end), detector: wider.detector, entity: entity)
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
        reviewCandidates(in: Scan(text), plan: plan)
    }

    func reviewCandidates(in scan: Scan, plan: [Span]?) -> [Span] {
        let removed = plan ?? spans(in: scan)
        return candidates.spans(in: scan).filter { candidate in
            !removed.contains { $0.start <= candidate.start && candidate.end <= $0.end }
        }
    }

    /// `text` with every span replaced by "[redacted]", or, with `pseudonyms`, every person and place
    /// of the list by its label for the case.
    /// - Throws: `LeakError` if the detectors still find something in the result (fail closed).
    /// - Parameter plan: the spans of `text` if already found (`spans(in:)`), so they are not searched twice.
    public func redact(
        _ text: String, plan: [Span]? = nil, pseudonyms: Pseudonyms? = nil, language: String = "en"
    ) throws -> String {
        let characters = Array(text)
        var output: [Character] = []
        output.reserveCapacity(characters.count)
        var cursor = 0
        var labels: [Int: String] = [:]
        for span in plan ?? spans(in: text) where span.start >= cursor {
            var replacement = "[redacted]"
            if let pseudonyms, span.detector == .caseTerm, let entity = span.entity {
                replacement =
                    labels[entity]
                    ?? pseudonyms.label(for: terms[entity].text, kind: terms[entity].kind, language: language)
                labels[entity] = replacement
            }
            output += characters[cursor..<span.start]
            output += replacement
            cursor = span.end
        }
        output += characters[cursor...]
        let result = String(output)
        if let leak = spans(in: result).first { throw LeakError(span: leak) }
        return result
    }
}

/// The leak check found something in a redacted text: nothing may be published.
public struct LeakError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Where (in the redacted text) and what kind.
    public let span: Span
    /// "the redacted text still contains a phone at 40..52; nothing was published".
    public var description: String {
        "the redacted text still contains a \(span.detector.rawValue) at \(span.start)..\(span.end); nothing was "
            + "published"
    }
}

extension Substring {
    /// Without the white space at either end (term lists, gazetteer lines; Foundation's trimming is slower).
    var trimmed: Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }
}
