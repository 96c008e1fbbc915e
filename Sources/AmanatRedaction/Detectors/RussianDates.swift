/// Dates written with a Russian month name (14 марта 2016 года, в мае 2016, в марте 16-го): the
/// month names, the patterns `IdentifierDetector` is defined by, and the same patterns matched by hand, since
/// nearly every testimony holds such a date and compiling a pattern is the dearest step of a short text.
enum RussianDates {
    /// A month name: a stem and the last letter it takes in every case (март and август also bare).
    private struct Month {
        let stem: String
        let endings: String
        let bare: Bool

        /// The pattern, its capital spelled out so that it can be case-sensitive (ICU's case-insensitive
        /// matching of Cyrillic alternations is slow): [Мм]арт[ае]?
        var pattern: String {
            "[\(stem.prefix(1).uppercased())\(stem.prefix(1))]\(stem.dropFirst())[\(endings)]" + (bare ? "?" : "")
        }
    }

    private static let months = [
        Month(stem: "январ", endings: "ьяюе", bare: false),
        Month(stem: "феврал", endings: "ьяюе", bare: false),
        Month(stem: "март", endings: "ае", bare: true),
        Month(stem: "апрел", endings: "ьяюе", bare: false),
        Month(stem: "ма", endings: "йяюе", bare: false),
        Month(stem: "июн", endings: "ьяюе", bare: false),
        Month(stem: "июл", endings: "ьяюе", bare: false),
        Month(stem: "август", endings: "ае", bare: true),
        Month(stem: "сентябр", endings: "ьяюе", bare: false),
        Month(stem: "октябр", endings: "ьяюе", bare: false),
        Month(stem: "ноябр", endings: "ьяюе", bare: false),
        Month(stem: "декабр", endings: "ьяюе", bare: false),
    ]

    /// What every month name in any case holds (май: ма).
    static let stems = months.map(\.stem)

    /// Any month name in any case.
    static let monthPattern = months.map(\.pattern).joined(separator: "|")

    /// 14 марта 2016 года, 1-го мая 2015 г.
    static let dayMonthYear = Pattern(
        #"(?<!\d)\d{1,2}(?:-?го)?\s+(?:\#(monthPattern))\s+\d{4}(?:\s*(?:года|г\.|г\b))?"#,
        caseInsensitive: false, matcher: matchDayMonthYear)

    /// в марте 2016 года, мая 2015-го.
    static let monthYear = Pattern(
        #"(?<![\p{L}\d])(?:\#(monthPattern))\s+\d{4}(?:\s*(?:года|г\.|-го|г\b))?"#, caseInsensitive: false,
        matcher: matchMonthYear)

    /// A month with a two-digit year: в марте 16-го, в марте '16.
    static let monthShortYear = Pattern(
        #"(?<![\p{L}\d])(?:\#(monthPattern))\s+(?:\d{2}-?го|['’]\d{2})(?!\d)(?:\s*(?:года|г\.))?"#,
        caseInsensitive: false, matcher: matchMonthShortYear)

    // The patterns by hand. None can go back on a choice and then match: each optional part is followed
    // by something it cannot begin with, so taking the longest at each step finds what ICU finds.

    private static func matchDayMonthYear(_ text: UnitScanner, _ start: Int) -> Int? {
        guard !text.followsDigit(start), var position = text.digits(1, from: start) else { return nil }
        if let second = text.digit(at: position) { position = second }
        if text.has(hyphenGo, at: position) {
            position += hyphenGo.count
        } else if text.has(go, at: position) {
            position += go.count
        }
        guard let year = yearAfterMonth(text, spaceAndMonth(text, position)) else { return nil }
        return suffix(text, year, [year4, abbreviation, letterG])
    }

    private static func matchMonthYear(_ text: UnitScanner, _ start: Int) -> Int? {
        guard !text.followsLetterOrDigit(start), let year = yearAfterMonth(text, month(text, start)) else { return nil }
        return suffix(text, year, [year4, abbreviation, hyphenGo, letterG])
    }

    private static func matchMonthShortYear(_ text: UnitScanner, _ start: Int) -> Int? {
        guard !text.followsLetterOrDigit(start), let end = month(text, start) else { return nil }
        let year = text.skippingSpaces(from: end)
        guard year > end else { return nil }
        var position: Int
        if let digits = text.digits(2, from: year) {
            if text.has(hyphenGo, at: digits) {
                position = digits + hyphenGo.count
            } else if text.has(go, at: digits) {
                position = digits + go.count
            } else {
                return nil
            }
        } else if text.has(apostrophe, at: year) || text.has(rightQuote, at: year),
            let digits = text.digits(2, from: year + 1)
        {
            position = digits
        } else {
            return nil
        }
        guard text.digit(at: position) == nil else { return nil }
        return suffix(text, position, [year4, abbreviation])
    }

    /// The end of white space and a month name from `start`, or nil.
    private static func spaceAndMonth(_ text: UnitScanner, _ start: Int) -> Int? {
        let name = text.skippingSpaces(from: start)
        return name > start ? month(text, name) : nil
    }

    /// The end of white space and four digits after a month name ending at `end`, or nil.
    private static func yearAfterMonth(_ text: UnitScanner, _ end: Int?) -> Int? {
        guard let end else { return nil }
        let year = text.skippingSpaces(from: end)
        return year > end ? text.digits(4, from: year) : nil
    }

    /// The end of the month name starting at `start`, or nil.
    private static func month(_ text: UnitScanner, _ start: Int) -> Int? {
        guard start < text.count else { return nil }
        let first = text.units[start]
        for month in monthUnits where first == month.capital || first == month.small {
            guard text.has(month.rest, at: start + 1) else { continue }
            let end = start + 1 + month.rest.count
            if end < text.count, month.endings.contains(text.units[end]) { return end + 1 }
            if month.bare { return end }
        }
        return nil
    }

    /// After a year: white space and the first of `forms` written there, or nothing.
    private static func suffix(_ text: UnitScanner, _ end: Int, _ forms: [[UInt16]]) -> Int {
        let start = text.skippingSpaces(from: end)
        for form in forms where text.has(form, at: start) {
            // г alone only where a word ends (г\b).
            if form == letterG, !text.boundaryAfterWordCharacter(start + 1) { continue }
            return start + form.count
        }
        return end
    }

    private static let monthUnits = months.map { month in
        let first = Array(month.stem.prefix(1).utf16)[0]
        return (
            capital: Array(month.stem.prefix(1).uppercased().utf16)[0], small: first,
            rest: Array(month.stem.dropFirst().utf16), endings: Set(month.endings.utf16), bare: month.bare
        )
    }
    private static let year4 = Array("года".utf16), abbreviation = Array("г.".utf16), letterG = Array("г".utf16)
    private static let hyphenGo = Array("-го".utf16), go = Array("го".utf16)
    private static let apostrophe = Array("'".utf16), rightQuote = Array("’".utf16)
}
