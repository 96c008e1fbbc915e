/// What a text must hold for an identifier pattern to match, looked for without compiling the pattern
/// (see `Pattern`). Each is a part of its pattern with the look-arounds and optional parts left out, so it
/// is false only when the pattern cannot match; the tests check that on random texts.
enum Prefilters {
    /// Thirteen digits with at most one space or hyphen between neighbours: `\d(?:[ \-]?\d){12,18}`.
    static func cardDigits(_ text: UnitScanner) -> Bool {
        text.contains { start in
            guard var end = text.digit(at: start) else { return nil }
            for _ in 1..<13 {
                var next = end
                if next < text.count, text.units[next] == 0x20 || text.units[next] == 0x2D { next += 1 }
                guard let after = text.digit(at: next) else { return nil }
                end = after
            }
            return end
        }
    }

    /// A letter and two digits, as an IBAN begins: `[A-Z]{2}\d{2}` ignoring case (every character that
    /// matches `[A-Z]` ignoring case is a letter).
    static func letterThenTwoDigits(_ text: UnitScanner) -> Bool {
        text.contains { start in
            guard let (scalar, width) = text.scalar(at: start), UnitScanner.isLetter(scalar) else { return nil }
            return text.digits(2, from: start + width)
        }
    }

    /// Six digits in a row, as a passport number has (six in an internal one, seven in a foreign one).
    static func sixDigits(_ text: UnitScanner) -> Bool {
        text.contains { text.digits(6, from: $0) }
    }

    /// A numeric date's separators between digits: `\d[./]\d` or `\d{4}-\d{2}-\d`.
    static func numericDate(_ text: UnitScanner) -> Bool {
        text.contains { start in
            guard let first = text.digit(at: start) else { return nil }
            if first < text.count, text.units[first] == 0x2E || text.units[first] == 0x2F {
                return text.digit(at: first + 1)
            }
            guard let year = text.digits(3, from: first), text.has(hyphen, at: year),
                let month = text.digits(2, from: year + 1), text.has(hyphen, at: month)
            else { return nil }
            return text.digit(at: month + 1)
        }
    }

    /// A number plate's letters and digits: a letter, three digits and two letters, with a space allowed
    /// after the first letter and after the digits (every plate letter, ignoring case, is a letter).
    static func plate(_ text: UnitScanner) -> Bool {
        text.contains { start in
            guard let (scalar, width) = text.scalar(at: start), UnitScanner.isLetter(scalar) else { return nil }
            guard let digits = text.digits(3, from: optionalSpace(text, start + width)) else { return nil }
            var position = optionalSpace(text, digits)
            for _ in 0..<2 {
                guard let (letter, width) = text.scalar(at: position), UnitScanner.isLetter(letter) else { return nil }
                position += width
            }
            return position
        }
    }

    /// `index` past one white-space character, if there is one.
    private static func optionalSpace(_ text: UnitScanner, _ index: Int) -> Int {
        guard let (scalar, width) = text.scalar(at: index), UnitScanner.isSpace(scalar) else { return index }
        return index + width
    }

    private static let hyphen = Array("-".utf16)
}
