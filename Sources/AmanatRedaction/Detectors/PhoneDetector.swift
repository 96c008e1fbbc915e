import Foundation

/// Finds phone numbers as people write them: +7 (928) 123-45-67, 8 928 1234567, +90 5xx xxx xx xx,
/// +964 7xx xxx xxxx. Digits may be separated by spaces, hyphens and brackets (not dots, so dates
/// like 14.03.2016 are left to the date detector); a number needs at least 8 digits after a "+", or
/// 9 without one, so years and ISO dates (2017-11-30) are not phones.
public struct PhoneDetector: Sendable {
    private static let pattern = #"(?<![\p{L}\d])(\+\s?)?(\(?\d[\d\s\-()]{5,22}\d)(?![\p{L}\d])"#

    /// A detector.
    public init() {}

    /// Every phone number in `text`.
    public func spans(in text: String) -> [Span] { spans(in: Scan(text)) }

    private static let regex = Pattern(pattern, caseInsensitive: false)

    func spans(in scan: Scan) -> [Span] {
        let text = scan.text, map = scan.map
        return scan.matches(of: Self.regex, in: .digits).compactMap { match in
            guard let range = Range(match, in: text) else { return nil }
            let candidate = text[range]
            let digits = candidate.filter(\.isNumber).count
            let international = candidate.hasPrefix("+")
            guard digits <= 15, digits >= (international ? 8 : 9) else { return nil }
            // Brackets must pair up, as in (928).
            guard candidate.filter({ $0 == "(" }).count == candidate.filter({ $0 == ")" }).count else { return nil }
            let (start, end) = map.offsets(of: range)
            return Span(start: start, end: end, detector: .phone)
        }
    }
}
