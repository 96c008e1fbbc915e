/// A word of a text and where it is.
struct Token {
    /// The word as written.
    let text: String
    /// Where it is in the text.
    let range: Range<String.Index>

    /// Whether the word begins with a capital (a word begins with a letter, never with a mark).
    var isCapitalised: Bool { Tokenizer.isCapital(text.unicodeScalars.first) }
}

/// Splits text into words: runs of letters (with their combining marks), with an apostrophe or hyphen
/// allowed between letters (Ас-Салам, O’Neil). Works on Unicode scalars, which is several times faster
/// than on Characters; a word never starts or ends inside a letter and its marks.
enum Tokenizer {
    static func words(in text: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = text.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isLetter(scalar) || (start != nil && isMark(scalar)) {
                if start == nil { start = index }
            } else if start != nil, isJoiner(scalar), next < scalars.endIndex, isLetter(scalars[next]) {
                // joiner inside a word: keep going
            } else if let begin = start {
                tokens.append(Token(text: String(scalars[begin..<index]), range: begin..<index))
                start = nil
            }
            index = next
        }
        if let begin = start {
            tokens.append(Token(text: String(scalars[begin..<scalars.endIndex]), range: begin..<scalars.endIndex))
        }
        return tokens
    }

    @inline(__always) private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        // Russian letters without a property lookup (А–я, Ё, ё).
        if (0x0410...0x044F).contains(scalar.value) || scalar.value == 0x0401 || scalar.value == 0x0451 { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Whether `scalar` is a capital letter: ASCII and Russian capitals without a property lookup.
    @inline(__always) static func isCapital(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        if scalar.isASCII { return (0x41...0x5A).contains(scalar.value) }
        if (0x0410...0x042F).contains(scalar.value) || scalar.value == 0x0401 { return true }
        if (0x0430...0x044F).contains(scalar.value) || scalar.value == 0x0451 { return false }
        return scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter
    }

    @inline(__always) private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        // No mark is below U+0300.
        guard scalar.value >= 0x0300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always) private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "'" || scalar == "\u{2019}"
    }
}

/// One text prepared once for every detector: its words and the map from positions to Character offsets.
final class Scan {
    /// The text.
    let text: String
    /// Its words.
    let tokens: [Token]
    /// Character offsets of its positions.
    let map: OffsetMap
    /// Its UTF-16 units (what NSRegularExpression counts).
    let units: [UInt16]
    /// Where digits and `@`s are (UTF-16 offsets).
    private let digitOffsets: [Int]
    private let atOffsets: [Int]
    lazy var digitText = CompactText(text, units: units, positions: digitOffsets, reach: Region.digits.reach)
    lazy var atText = CompactText(text, units: units, positions: atOffsets, reach: Region.at.reach)

    /// Whether rules that need a digit or an `@` search only the compact text (always, but for the test
    /// that proves both searches find the same).
    let compacting: Bool

    init(_ text: String, compacting: Bool = true) {
        self.text = text
        self.compacting = compacting
        tokens = Tokenizer.words(in: text)
        map = OffsetMap(text)
        units = Array(text.utf16)
        var digits: [Int] = [], ats: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            // The first decimal digit outside ASCII is U+0660: below it only ASCII digits need checking.
            let isDigit =
                scalar.value < 0x0660 ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal
            if isDigit {
                digits.append(offset)
            } else if scalar == "@" {
                ats.append(offset)
            }
            offset += scalar.utf16.count
        }
        digitOffsets = digits
        atOffsets = ats
    }

    /// Whether the text holds `word` as written (a byte search of its UTF-8; a String search with
    /// Character comparisons is a hundred times slower).
    func contains(_ word: String) -> Bool {
        var text = self.text
        return text.withUTF8 { Self.find(word, in: $0) }
    }

    /// The text's UTF-8 with ASCII and Russian capitals made small (А–Я, Ё: D0 90–D0 AF, D0 81), for
    /// `containsIgnoringCase`.
    private lazy var loweredBytes: [UInt8] = {
        var bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if (0x41...0x5A).contains(byte) {
                bytes[index] = byte | 0x20
            } else if byte == 0xD0, index + 1 < bytes.count {
                let next = bytes[index + 1]
                if (0x90...0x9F).contains(next) {
                    bytes[index + 1] = next + 0x20  // А–П → а–п (D0 B0–D0 BF)
                } else if (0xA0...0xAF).contains(next) {
                    bytes[index] = 0xD1  // Р–Я → р–я (D1 80–D1 8F)
                    bytes[index + 1] = next - 0x20
                } else if next == 0x81 {
                    bytes[index] = 0xD1  // Ё → ё (D1 91)
                    bytes[index + 1] = 0x91
                }
                index += 1
            }
            index += 1
        }
        return bytes
    }()

    /// Whether the text holds `word` (written in small letters) with its ASCII and Russian letters in
    /// any case. Answers are kept: several rules ask for the same words.
    func containsIgnoringCase(_ word: String) -> Bool {
        if let known = loweredAnswers[word] { return known }
        let found = loweredBytes.withUnsafeBufferPointer { Self.find(word, in: $0) }
        loweredAnswers[word] = found
        return found
    }

    private var loweredAnswers: [String: Bool] = [:]

    /// Whether `haystack` holds the UTF-8 of `word`. memchr looks for the word's last byte, which in
    /// Cyrillic tells letters apart (their first bytes are all D0 or D1), and the bytes before it are
    /// compared where it is found.
    private static func find(_ word: String, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        var word = word
        return word.withUTF8 { needle in
            guard let lastByte = needle.last else { return true }
            guard let base = haystack.baseAddress, needle.count <= haystack.count else { return false }
            let tail = needle.count - 1
            var from = tail
            while from < haystack.count, let hit = memchr(base + from, Int32(lastByte), haystack.count - from) {
                let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                var offset = 0
                while offset < tail, haystack[end - tail + offset] == needle[offset] { offset += 1 }
                if offset == tail { return true }
                from = end + 1
            }
            return false
        }
    }

    /// The ranges (UTF-16, in the text) of the matches of `pattern`, searching only where `region` says a
    /// match can be; the pattern is compiled only once a text may hold a match.
    /// `requires` lists words (small letters) of which every match holds one in some letter case: a text
    /// without any is not searched. Without compacting, every pattern searches the whole text.
    func matches(of pattern: Pattern, in region: Region, requires: [String] = []) -> [NSRange] {
        if compacting, !requires.isEmpty, !requires.contains(where: containsIgnoringCase) { return [] }
        switch compacting ? region : .whole {
        case .whole:
            return pattern.matches(in: text, units: units)
        case let .containing(words):
            guard words.contains(where: contains) else { return [] }
            return pattern.matches(in: text, units: units)
        case let .containingIgnoringCase(words):
            guard words.contains(where: containsIgnoringCase) else { return [] }
            return pattern.matches(in: text, units: units)
        case .digits, .at:
            let compact: CompactText
            if case .digits = region { compact = digitText } else { compact = atText }
            guard !compact.pieces.isEmpty else { return [] }
            return pattern.matches(in: compact.text, units: compact.units).compactMap { compact.original($0) }
        }
    }
}

/// Where in a text a rule can match at all. Most identifier rules need a digit (a phone, a date, a card)
/// or an `@` (an e-mail, a handle); they are run over a *compact* copy of the text that holds only the
/// stretches around digits or `@`s, each cut at white space and kept apart by a NUL that no such rule
/// can match or cross, so they find exactly what a search of the whole text finds, in a fraction of the
/// time (every ICU regex costs about 25 ns a character, and a testimony has few digits).
enum Region {
    /// Every match contains a decimal digit, and reaches less than `reach` UTF-16 units from it.
    case digits
    /// Every match contains `@`.
    case at
    /// Every match contains one of these words (so a text without any needs no search).
    case containing([String])
    /// Every match contains one of these words (written in small letters) with its ASCII and Russian letters
    /// in some letter case.
    case containingIgnoringCase([String])
    /// Anywhere.
    case whole

    /// How far from its digit or `@` a match may reach. Dates put a month or a season before the year
    /// ("весной 2015", "September 14, 2015"), passports a word ("паспорт серии 8309 № 551203"), e-mail
    /// addresses up to 64 characters before the `@` and a domain after it.
    var reach: Int {
        if case .at = self { return 320 }
        return 96
    }
}

/// The stretches of a text a region covers, copied into one string, and the way back to the text.
struct CompactText {
    /// The stretches, joined by "\n\u{0}\n".
    let text: String
    /// Its UTF-16 units.
    let units: [UInt16]
    /// For each stretch: where it starts in `text` and in the original text (UTF-16 offsets), and its length.
    let pieces: [(compact: Int, original: Int, length: Int)]

    /// The stretches of `original` (UTF-16 `units`) within `reach` of `positions`, widened to white space.
    init(_ original: String, units: [UInt16], positions: [Int], reach: Int) {
        var ranges: [(Int, Int)] = []
        for position in positions {
            var start = max(0, position - reach), end = min(units.count, position + 1 + reach)
            // Cut at white space (at most 256 units further), so that look-behinds and look-aheads at a
            // cut see what they would see in the whole text: white space.
            var steps = 0
            while start > 0, !Self.isSpace(units[start - 1]), steps < 256 { start -= 1; steps += 1 }
            steps = 0
            while end < units.count, !Self.isSpace(units[end]), steps < 256 { end += 1; steps += 1 }
            if let last = ranges.last, start <= last.1 {
                ranges[ranges.count - 1].1 = max(last.1, end)
            } else {
                ranges.append((start, end))
            }
        }
        var compact: [UInt16] = []
        var pieces: [(Int, Int, Int)] = []
        for (start, end) in ranges {
            if !compact.isEmpty { compact += [10, 0, 10] }
            pieces.append((compact.count, start, end - start))
            compact += units[start..<end]
        }
        text = String(decoding: compact, as: UTF16.self)
        self.units = compact
        self.pieces = pieces
        _ = original
    }

    /// The original UTF-16 range of a match in `text`, or nil if it crosses a cut (it cannot, for the rules
    /// that use compact text; checked anyway).
    func original(_ range: NSRange) -> NSRange? {
        var low = 0, high = pieces.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if pieces[middle].compact <= range.location { low = middle } else { high = middle - 1 }
        }
        guard !pieces.isEmpty else { return nil }
        let piece = pieces[low]
        guard range.location >= piece.compact, range.location + range.length <= piece.compact + piece.length else {
            return nil
        }
        return NSRange(location: piece.original + range.location - piece.compact, length: range.length)
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        unit == 32 || unit == 9 || unit == 10 || unit == 13 || unit == 0xA0
    }
}

import Foundation
