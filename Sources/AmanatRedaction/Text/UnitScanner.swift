import Foundation

/// A text's UTF-16 units read by Unicode scalar, with the character classes of ICU's regular expressions,
/// for the matchers written by hand in place of the patterns most texts need (see `Pattern`). Here `\d`
/// is a decimal digit of any script (general category Nd), `\p{L}` a letter (L), `\s` white space
/// (White_Space), and a word character what ICU's `\b` looks at; tests hold each matcher to ICU's results.
struct UnitScanner {
    /// The text's UTF-16 units (what NSRegularExpression counts).
    let units: [UInt16]

    var count: Int { units.count }

    /// The scalar starting at `index` and its width in units (2 for a surrogate pair); nil at the end.
    @inline(__always) func scalar(at index: Int) -> (scalar: Unicode.Scalar, width: Int)? {
        guard index < units.count else { return nil }
        let unit = units[index]
        if UTF16.isLeadSurrogate(unit), index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) {
            let value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(units[index + 1] - 0xDC00)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 2)
        }
        return (Unicode.Scalar(unit) ?? "\u{FFFD}", 1)
    }

    /// The scalar that ends just before `index`; nil at the start.
    @inline(__always) func scalar(before index: Int) -> Unicode.Scalar? {
        guard index > 0 else { return nil }
        let unit = units[index - 1]
        if UTF16.isTrailSurrogate(unit), index >= 2, UTF16.isLeadSurrogate(units[index - 2]) {
            return scalar(at: index - 2)?.scalar
        }
        return Unicode.Scalar(unit) ?? "\u{FFFD}"
    }

    /// The position after the scalar at `index`.
    @inline(__always) func next(_ index: Int) -> Int { index + (scalar(at: index)?.width ?? 1) }

    /// Whether the units at `index` spell `literal`.
    @inline(__always) func has(_ literal: [UInt16], at index: Int) -> Bool {
        guard index + literal.count <= units.count else { return false }
        for offset in 0..<literal.count where units[index + offset] != literal[offset] { return false }
        return true
    }

    /// Whether the scalar at `index` is a decimal digit; its end if so.
    @inline(__always) func digit(at index: Int) -> Int? {
        guard let (scalar, width) = scalar(at: index), Self.isDigit(scalar) else { return nil }
        return index + width
    }

    /// The end of exactly `count` digits from `index` (more may follow), or nil.
    func digits(_ count: Int, from index: Int) -> Int? {
        var end = index
        for _ in 0..<count {
            guard let after = digit(at: end) else { return nil }
            end = after
        }
        return end
    }

    /// The end of the white space from `index` (`index` itself when there is none).
    func skippingSpaces(from index: Int) -> Int {
        var end = index
        while let (scalar, width) = scalar(at: end), Self.isSpace(scalar) { end += width }
        return end
    }

    /// Whether the scalar before `index` is a digit: `(?<!\d)` fails there.
    @inline(__always) func followsDigit(_ index: Int) -> Bool {
        guard let scalar = scalar(before: index) else { return false }
        return Self.isDigit(scalar)
    }

    /// Whether the scalar before `index` is a letter or a digit: `(?<![\p{L}\d])` fails there.
    @inline(__always) func followsLetterOrDigit(_ index: Int) -> Bool {
        guard let scalar = scalar(before: index) else { return false }
        return Self.isLetter(scalar) || Self.isDigit(scalar)
    }

    /// Whether the scalar at `index` is a letter or a digit: `(?![\p{L}\d])` fails there.
    @inline(__always) func holdsLetterOrDigit(_ index: Int) -> Bool {
        guard let (scalar, _) = scalar(at: index) else { return false }
        return Self.isLetter(scalar) || Self.isDigit(scalar)
    }

    /// Whether `\b` holds at `index` right after a word character: ICU's boundary, which is no boundary
    /// before a combining or format character, and otherwise one unless a word character follows.
    func boundaryAfterWordCharacter(_ index: Int) -> Bool {
        guard let (scalar, _) = scalar(at: index) else { return true }
        let properties = scalar.properties
        if properties.isGraphemeExtend || properties.generalCategory == .format { return false }
        return !Self.isWordCharacter(scalar)
    }

    /// Every match of `match` found by trying each position in turn and going on after each match, as a
    /// regular expression search does; `match` gives the end of a match starting at a position, or nil.
    func matches(_ match: (Int) -> Int?) -> [NSRange] {
        var ranges: [NSRange] = []
        var position = 0
        while position < units.count {
            if let end = match(position), end > position {
                ranges.append(NSRange(location: position, length: end - position))
                position = end
            } else {
                position = next(position)
            }
        }
        return ranges
    }

    /// Whether some position starts a match of `match` (a prefilter's search).
    func contains(_ match: (Int) -> Int?) -> Bool {
        var position = 0
        while position < units.count {
            if match(position) != nil { return true }
            position = next(position)
        }
        return false
    }

    /// `\d`: a decimal digit of any script (the first outside ASCII is U+0660).
    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x0660 { return (0x30...0x39).contains(scalar.value) }
        return scalar.properties.generalCategory == .decimalNumber
    }

    /// `\p{L}`: a letter (ASCII and Russian without a property lookup).
    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A }
        if (0x0410...0x044F).contains(scalar.value) { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// `\s`: white space.
    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value == 32 || (9...13).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// What ICU's `\b` counts as part of a word: alphabetic, a mark, a decimal digit, a connector, ZWNJ, ZWJ.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || scalar.value == 0x200C || scalar.value == 0x200D { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }
}
