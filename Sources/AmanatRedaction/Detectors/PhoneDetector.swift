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

    static let regex = Pattern(pattern, caseInsensitive: false, matcher: phone)

    /// The pattern by hand: the end of a phone number starting at `start`, or nil. The pattern cannot go
    /// back on its choices but one: how many of the digits, spaces, hyphens and brackets after the first
    /// digit it takes (5 to 22, then a digit with no letter or digit after it), tried from the most.
    private static func phone(_ text: UnitScanner, _ start: Int) -> Int? {
        guard !text.followsLetterOrDigit(start) else { return nil }
        var position = start
        if text.has(plus, at: position) {
            position += 1
            if let (scalar, width) = text.scalar(at: position), UnitScanner.isSpace(scalar) { position += width }
        }
        if text.has(openingBracket, at: position) { position += 1 }
        guard let first = text.digit(at: position) else { return nil }
        // The run after the first digit (at most 23 characters: 22 and the last digit), and where each ends.
        var ends: [Int] = [], digits: [Bool] = []
        position = first
        while ends.count < 23, let (scalar, width) = text.scalar(at: position) {
            let digit = UnitScanner.isDigit(scalar)
            guard digit || UnitScanner.isSpace(scalar) || scalar == "-" || scalar == "(" || scalar == ")" else { break }
            position += width
            ends.append(position)
            digits.append(digit)
        }
        var taken = min(22, ends.count - 1)
        while taken >= 5 {
            if digits[taken], !text.holdsLetterOrDigit(ends[taken]) { return ends[taken] }
            taken -= 1
        }
        return nil
    }

    private static let plus = Array("+".utf16), openingBracket = Array("(".utf16)

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
