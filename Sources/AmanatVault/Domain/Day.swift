public import Foundation

/// A calendar day in UTC, "YYYY-MM-DD": the only precision at which Amanat records when things
/// happened, so that no timestamp can be matched against phone or network logs.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01.
    public let daysSinceEpoch: Int

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch: Int) { self.daysSinceEpoch = daysSinceEpoch }

    /// Today, in UTC.
    public static func today() -> Day { Day(date: Date()) }

    /// The UTC day containing `date`.
    public init(date: Date) {
        daysSinceEpoch = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
    }

    /// Parses "YYYY-MM-DD".
    /// - Throws: `AmanatVaultError.invalidArgument`.
    public init(_ text: String) throws {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d),
            let date = DateComponents(calendar: Day.calendar, year: y, month: m, day: d).date,
            Day(date: date).description == text
        else { throw AmanatVaultError.invalidArgument("\"\(text.prefix(20))\" is not a date; write it as YYYY-MM-DD") }
        self.init(date: date)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + count) }

    /// "YYYY-MM-DD".
    public var description: String {
        let date = Date(timeIntervalSince1970: Double(daysSinceEpoch) * 86_400)
        let c = Day.calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSinceEpoch < rhs.daysSinceEpoch }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
