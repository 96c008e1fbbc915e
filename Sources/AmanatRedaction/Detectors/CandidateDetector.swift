import Foundation

/// Finds what an editor should look at before publishing, without removing it: capitalised words
/// inside a sentence (likely names or villages not on the case's list), numbers of four or more
/// digits, ages (ей было 17 лет, 17 years old) and school numbers (школа № 12, school No. 12).
public struct CandidateDetector: Sendable {
    private static let patterns: [NSRegularExpression] = [
        #"(?<![\p{L}\d])\d{4,}(?![\p{L}\d])"#,
        #"(?<!\d)\d{1,3}\s*(?:лет|год[а]?|годик\p{L}*|years?\s+old|-year-old)\b"#,
        #"(?:aged|age)\s+\d{1,3}\b"#,
        #"школ\p{L}*\s*(?:№|N|номер)?\s*\d+|school\s*(?:No\.?|#|number)\s*\d+"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// A detector.
    public init() {}

    /// Every candidate in `text`.
    public func spans(in text: String) -> [Span] {
        let map = OffsetMap(text)
        var spans: [Span] = []
        // Capitalised words that do not start a sentence or a line.
        for token in Tokenizer.words(in: text) where token.text.first?.isUppercase == true && token.text.count >= 3 {
            let before = text[..<token.range.lowerBound].last { !$0.isWhitespace || $0.isNewline }
            let startsSentence = before == nil || before!.isNewline || ".!?…:«\"(—–-".contains(before!)
            if !startsSentence {
                let (start, end) = map.offsets(of: token.range)
                spans.append(Span(start: start, end: end, detector: .candidate))
            }
        }
        let whole = NSRange(text.startIndex..., in: text)
        for regex in Self.patterns {
            for match in regex.matches(in: text, range: whole) {
                guard let range = Range(match.range, in: text) else { continue }
                let (start, end) = map.offsets(of: range)
                spans.append(Span(start: start, end: end, detector: .candidate))
            }
        }
        return spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
