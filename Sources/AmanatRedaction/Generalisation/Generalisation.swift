import Foundation

/// Coarser forms of what a testimony names exactly: a date becomes its month or its year, an age a
/// five-year range, a town or village its region. A generalised form is written in brackets
/// ("[март 2016]", "[Ingushetia]", "[15–19 лет]") so a reader knows the editor changed it.
public enum Generalisation {
    /// How coarse a generalised date is.
    public enum DatePrecision: String, Codable, Sendable {
        /// Month and year: "[March 2016]".
        case month
        /// The year only: "[2016]".
        case year
    }

    private static let russianMonths = [
        "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр",
    ]
    private static let russianNominative = [
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
        "декабрь",
    ]
    private static let englishMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// The month (1–12, or nil when the text names none) and year of a date as written in a
    /// testimony: 14.03.2016, 14/03/16, 2016-03-14, 14 марта 2016 года, в марте 2016-го,
    /// March 14, 2016, 14 March 2016, March 2016, весной 2015 года, summer of 2015.
    /// - Returns: nil when no year can be read.
    public static func monthAndYear(of date: String) -> (month: Int?, year: Int)? {
        let text = date.lowercased()
        let numbers = text.split { !$0.isNumber }.compactMap { Int($0) }
        // ISO: 2016-03-14.
        if let first = numbers.first, first >= 1000, numbers.count >= 2, (1...12).contains(numbers[1]) {
            return (numbers[1], first)
        }
        // Numeric day.month.year.
        if numbers.count >= 3, text.contains(".") || text.contains("/"), (1...12).contains(numbers[1]) {
            return (numbers[1], fullYear(numbers[2]))
        }
        guard let year = numbers.last(where: { $0 >= 1000 }) else { return nil }
        for word in text.split(whereSeparator: { !$0.isLetter }) {
            if let index = englishMonths.firstIndex(where: { word == $0 || (word.count >= 3 && $0.hasPrefix(word)) }) {
                return (index + 1, year)
            }
            if word.count >= 3,
                let index = russianMonths.firstIndex(where: { word.hasPrefix($0) && (word.count - $0.count) <= 2 })
            {
                return (index + 1, year)
            }
        }
        return (nil, year)
    }

    /// A date generalised to `precision` in `language`, or nil when the date cannot be read.
    public static func date(_ date: String, precision: DatePrecision, language: String) -> String? {
        guard let (month, year) = monthAndYear(of: date) else { return nil }
        guard precision == .month, let month else { return "[\(year)]" }
        let name = language == "ru" ? russianNominative[month - 1] : englishMonths[month - 1].capitalized
        return "[\(name) \(year)]"
    }

    /// An age ("ей было 17 лет", "19 years old") as a five-year range ("[15–19 лет]", "[15–19 years old]"),
    /// or nil when the text holds no age.
    public static func age(_ text: String, language: String) -> String? {
        let lower = text.lowercased()
        guard ["лет", "год", "year", "age", "was", "were"].contains(where: lower.contains) else { return nil }
        guard let age = text.split(whereSeparator: { !$0.isNumber }).compactMap({ Int($0) }).first, age < 130 else {
            return nil
        }
        let low = age / 5 * 5
        return language == "ru" ? "[\(low)–\(low + 4) лет]" : "[\(low)–\(low + 4) years old]"
    }

    /// A listed place as its region ("[Ингушетия]"), or nil when the gazetteer does not know it.
    public static func place(_ place: String, language: String, gazetteer: Gazetteer = .bundled) -> String? {
        gazetteer.region(of: place).map { "[\($0.name(in: language))]" }
    }

    private static func fullYear(_ year: Int) -> Int { year >= 100 ? year : (year < 50 ? 2000 + year : 1900 + year) }
}
