import Foundation

/// Finds what an editor should look at before publishing, without removing it: capitalised words
/// that are not common words (likely names or villages not on the case's list), numbers of four or more
/// digits, ages (ей было 17 лет, 17 years old) and school numbers (школа № 12, school No. 12).
public struct CandidateDetector: Sendable {
    private static let patterns: [NSRegularExpression] = [
        #"(?<![\p{L}\d])\d{4,}(?:/\d+)?(?![\p{L}\d])"#,
        #"\b(?:was|were)\s+\d{1,2}(?!\d)(?!\s*(?:%|percent|km|kilomet|mile|minute|hour|day|week|month|year|o'clock))"#,
        #"(?<!\d)\d{1,3}\s*(?:лет|год[а]?|годик\p{L}*|years?\s+old|-year-old)\b"#,
        #"(?:aged|age)\s+\d{1,3}\b"#,
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) } + [
        // Case-sensitive, capitals spelled out: ICU's case-insensitive Cyrillic is slow.
        #"(?<!\p{L})[Шш]кол\p{L}*\s*(?:№|N|номер)?\s*\d+|(?<!\p{L})[Ss]chool\s*(?:No\.?|#|[Nn]umber)\s*\d+"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// A detector.
    public init() {}

    /// Every candidate in `text`.
    public func spans(in text: String) -> [Span] { spans(in: Scan(text)) }

    func spans(in scan: Scan) -> [Span] {
        let text = scan.text, map = scan.map
        var spans: [Span] = []
        // Capitalised words: inside a sentence, any but common English words (Street); at the start of
        // a sentence or line, those that are not common words of their language (Магомед, not Потом).
        let russian = try? SnowballStemmer("russian"), english = try? SnowballStemmer("english")
        for token in scan.tokens where token.text.first?.isUppercase == true && token.text.count >= 3 {
            let before = text[..<token.range.lowerBound].last { !$0.isWhitespace || $0.isNewline }
            let startsSentence = before == nil || before!.isNewline || ".!?…:«\"(—–-".contains(before!)
            let common = { () -> Bool in
                guard let russian, let english else { return false }
                return CommonVocabulary.isCommon(token.text, russianStemmer: russian, englishStemmer: english)
            }
            let latin = token.text.unicodeScalars.allSatisfy(\.isASCII)
            if startsSentence ? !common() : !(latin && common()) {
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
