import AmanatTestSupport
@testable import AmanatRedaction
import Foundation
import Testing

/// The patterns matched by hand (phones, dates with a Russian month) must find exactly what ICU finds, and
/// a prefilter may say "no match" only when ICU finds none, on texts built to sit on every edge: digits of
/// other scripts and outside the BMP, every kind of white space, marks, format characters, letters that
/// match ASCII ones only when case is ignored, month names in every case with wrong endings.
@Suite("Hand-written matchers and prefilters agree with the patterns they stand for")
struct HandMatcherTests {
    static let digits = ["0", "1", "2", "5", "9", "٣", "१", "\u{1D7D8}"]
    static let spaces = [" ", "  ", "\u{A0}", "\t", "\n", "\u{0B}", "\u{85}", "\u{2028}", "\u{3000}"]
    static let others = [
        "+", "(", ")", "-", ".", "/", "'", "’", ",", "_", "a", "Z", "ж", "Ж", "ß", "\u{212A}", "ſ", "\u{1C80}",
        "\u{301}", "\u{200D}", "\u{200B}", "\u{AD}", "\u{0}", "г", "го", "-го", "года", "г.", "год",
        "№", "N",
        "номер", "IV", "кв.", "🇷🇺", "А", "ВС", "x",
    ]

    /// A month name in some case and letter case, sometimes misspelled or run into another word.
    static func month(using generator: inout SeededRandom) -> String {
        let stems = RussianDates.stems
        var stem = stems.randomElement(using: &generator)!
        switch Int.random(in: 0..<8, using: &generator) {
        case 0, 2, 3: stem = stem.prefix(1).uppercased() + stem.dropFirst()
        case 1: stem = stem.uppercased()
        default: break
        }
        let endings = ["", "а", "е", "ь", "я", "ю", "й", "а", "е", "я", "ом", "ах"]
        let ending = endings.randomElement(using: &generator)!
        let extra =
            Int.random(in: 0..<6, using: &generator) == 0 ? ["к", "и", "1"].randomElement(using: &generator)! : ""
        return stem + ending + extra
    }

    /// A random text leaning on digits (`digitWeight` of 10 pieces), white space and month names.
    static func text(using generator: inout SeededRandom, digitWeight: Int) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...28, using: &generator) {
            let roll = Int.random(in: 0..<10, using: &generator)
            if roll < digitWeight {
                text +=
                    digits[Int.random(in: 0..<(Bool.random(using: &generator) ? 5 : digits.count), using: &generator)]
            } else if roll < digitWeight + 2 {
                text += spaces.randomElement(using: &generator)!
            } else if roll == digitWeight + 2 {
                text += month(using: &generator)
            } else {
                text += others.randomElement(using: &generator)!
            }
        }
        return text
    }

    /// A date-like run (day, month, year, the word for year) with each part sometimes left out or replaced
    /// by a random piece, inside random text.
    static func dateText(using generator: inout SeededRandom) -> String {
        func pick(_ options: [String]) -> String { options.randomElement(using: &generator)! }
        func someDigits(_ range: ClosedRange<Int>) -> String {
            (0..<Int.random(in: range, using: &generator)).map { _ in pick(Array(digits.prefix(5)) + ["٣"]) }.joined()
        }
        let parts = [
            someDigits(Bool.random(using: &generator) ? 1...2 : 0...3), pick(["", "", "-го", "го", "-"]),
            pick(spaces + [""]), month(using: &generator),
            pick(spaces + ["", " "]),
            pick(["'", "’", "", "", "", ""]) + someDigits([4...4, 2...2, 1...5].randomElement(using: &generator)!),
            pick(["", "", "-го", "го"]),
            pick(["", " ", "\u{A0}"]),
            pick(["года", "г.", "г", "гг", "г\u{301}", "г\u{AD}", "год", "", "-го"]),
            pick(["", " ", ".", "1", "x", "\u{200D}"]),
        ]
        var result = String(text(using: &generator, digitWeight: 3).prefix(Int.random(in: 0...3, using: &generator)))
        for part in parts {
            switch Int.random(in: 0..<24, using: &generator) {
            case 0: result += others.randomElement(using: &generator)!
            case 1: continue
            default: result += part
            }
        }
        return result + text(using: &generator, digitWeight: 3).prefix(Int.random(in: 0...3, using: &generator))
    }

    static let handMatched: [(String, Pattern)] = [
        ("phone", PhoneDetector.regex), ("day month year", RussianDates.dayMonthYear),
        ("month year", RussianDates.monthYear), ("month short year", RussianDates.monthShortYear),
    ]

    @Test("phones and Russian month dates: the same matches as ICU on 12,000 random texts", arguments: [5, 7])
    func sameMatches(digitWeight: Int) {
        var generator = SeededRandom(seed: 1403 + UInt64(digitWeight))
        var found = [String: Int]()
        for _ in 0..<6_000 {
            let text =
                Bool.random(using: &generator)
                ? Self.dateText(using: &generator) : Self.text(using: &generator, digitWeight: digitWeight)
            for (name, pattern) in Self.handMatched {
                let expected = pattern.regexMatches(in: text)
                found[name, default: 0] += expected.count
                #expect(
                    pattern.matches(in: text, units: Array(text.utf16)) == expected, "\(name): \(text.debugDescription)"
                )
            }
        }
        // The texts reach every pattern often enough for the comparison to mean something.
        for (name, _) in Self.handMatched {
            #expect(found[name, default: 0] >= 60, "\(name): \(found[name, default: 0])")
        }
    }

    @Test("the matchers on written examples, and on what must not match")
    func examples() {
        let phone = PhoneDetector.regex, dayMonthYear = RussianDates.dayMonthYear
        let monthYear = RussianDates.monthYear, shortYear = RussianDates.monthShortYear
        let cases: [(Pattern, String, [String])] = [
            (phone, "звонил с +7 928 123-45-67.", ["+7 928 123-45-67"]),
            (phone, "номер (928)1234567, и 8 800 555 35 35", ["(928)1234567", "8 800 555 35 35"]),
            (phone, "год 2017-11-30 и код 12345", ["2017-11-30"]),  // the detector's digit count drops it
            (phone, "abc1234567 12345678901234567890123456", []),
            (
                dayMonthYear, "14 марта 2016 года, 1-го мая 2015 г. и 3 Июня 2014г",
                [
                    "14 марта 2016 года", "1-го мая 2015 г.", "3 Июня 2014г",
                ]
            ),
            (dayMonthYear, "114 марта 2016, 14 мартаx 2016, 14 маяк 2016, 14 марта 201", []),
            (
                monthYear, "в мае 2016, Марта 2015-го; в сентябре 2014 годах",
                ["мае 2016", "Марта 2015-го", "сентябре 2014 года"]
            ),
            (
                shortYear, "в марте 16-го, в марте '16 и в марте ’16 г.; марте 161",
                ["марте 16-го", "марте '16", "марте ’16 г."]
            ),
        ]
        for (pattern, text, expected) in cases {
            let units = Array(text.utf16)
            let found = pattern.matches(in: text, units: units).map {
                String(decoding: units[Range($0)!], as: UTF16.self)
            }
            #expect(found == expected, "\(text)")
            #expect(pattern.regexMatches(in: text) == pattern.matches(in: text, units: units), "\(text)")
        }
    }

    @Test("a prefilter never rules out a text the pattern matches, on 12,000 random texts")
    func prefiltersNeverMiss() {
        let filtered = IdentifierDetector().rules.map(\.regex).filter { $0.prefilter != nil }
        #expect(filtered.count == 6)
        var generator = SeededRandom(seed: 97)
        var matched = 0, ruledOut = 0
        for round in 0..<12_000 {
            var text =
                round % 3 == 2
                ? Self.dateText(using: &generator) : Self.text(using: &generator, digitWeight: round % 2 == 0 ? 6 : 8)
            if round % 3 == 0 { text = ["ВС", "Ab", "кв", "", "N "].randomElement(using: &generator)! + text }
            let scanner = UnitScanner(units: Array(text.utf16))
            for pattern in filtered {
                let passes = pattern.prefilter!(scanner)
                if !pattern.regexMatches(in: text).isEmpty {
                    matched += 1
                    #expect(passes, "\(text.debugDescription)")
                } else if !passes {
                    ruledOut += 1
                }
            }
        }
        #expect(matched >= 300, "\(matched)")
        #expect(ruledOut > matched, "the prefilters rule out most texts without a match: \(ruledOut)")
    }

    @Test("a one-line testimony with a name, a date and a phone compiles no pattern")
    func shortTextCompilesNothing() throws {
        let detector = IdentifierDetector()
        let scan = Scan(
            "Заира Мусаева звонила 14 марта 2016 года "
                + "с номера +7 928 123-45-67.")
        #expect(Set(detector.spans(in: scan).map(\.detector)) == [.date])
        #expect(PhoneDetector().spans(in: scan).count == 1)
        let compiled = detector.rules.filter { $0.regex.matcher == nil && $0.regex.isCompiled }
        #expect(compiled.isEmpty, "\(compiled.map(\.detector))")
    }
}
