import Foundation

/// Finds structured identifiers by pattern, each with a check that keeps look-alikes out: e-mail
/// addresses, web and messenger links, @handles, bank cards (Luhn), IBANs (mod 97), Russian passports,
/// dates (numeric, and in Russian or English words), street addresses and car number plates.
public struct IdentifierDetector: Sendable {
    struct Rule: @unchecked Sendable {
        let detector: Span.Detector
        let region: Region
        let regex: Pattern
        /// Words (small letters) of which every match holds one in some letter case: a text without any is
        /// not searched, and the pattern not compiled.
        let requires: [String]
        let accept: @Sendable (Substring) -> Bool
    }

    private static let englishMonths =
        "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"

    let rules: [Rule]

    /// What every Russian month name in any case holds (май: ма).
    static let monthStems = RussianDates.stems

    /// How every English month name and abbreviation begins.
    static let englishMonthStarts = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// A detector with every rule.
    public init() { self.init(shieldingLetters: true) }

    /// A detector whose case-insensitive patterns have their letter classes compiled as `Patterns` does
    /// (`shieldingLetters`), or, for the test that this changes no match, as written.
    init(shieldingLetters: Bool) {
        func rule(
            _ detector: Span.Detector, _ pattern: String, caseSensitive: Bool = false, region: Region = .digits,
            requires: [String] = [], prefilter: Pattern.Prefilter? = nil,
            _ accept: @escaping @Sendable (Substring) -> Bool = { _ in true }
        ) -> Rule {
            Rule(
                detector: detector, region: region,
                regex: Pattern(
                    pattern, caseInsensitive: !caseSensitive, shielding: shieldingLetters, prefilter: prefilter),
                requires: requires, accept: accept)
        }
        let e = Self.englishMonths
        rules = [
            // Each rule starts where a match can start (after a non-letter), so the engine does not try every position of every word.
            rule(.email, #"(?<![\p{L}\d._%+\-])[\p{L}\d._%+\-]++@[\p{L}\d.\-]+\.[\p{L}]{2,}"#, region: .at),
            rule(
                .url,
                #"\b(?:https?://|www\.|t\.me/|wa\.me/|vk\.com/|instagram\.com/|telegram\.me/|m\.vk\.com/)[^\s<>"]*[^\s<>".,;:!?)»]"#,
                region: .containing(["http", "www.", "t.me/", "wa.me/", "vk.com/", "instagram.com/", "telegram.me/"])),
            rule(.handle, #"(?<![\p{L}\d@.])@[A-Za-z][A-Za-z0-9_.]{1,30}[A-Za-z0-9_]"#, region: .at),
            rule(.card, #"(?<!\d)\d(?:[ \-]?\d){12,18}(?!\d)"#, prefilter: Prefilters.cardDigits) {
                Self.luhn($0.filter(\.isNumber))
            },
            rule(.iban, #"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b"#, prefilter: Prefilters.letterThenTwoDigits) {
                Self.ibanValid($0.filter { !$0.isWhitespace })
            },
            rule(
                .passport,
                #"(?:паспорт\p{L}*\s*)?(?:сери[ияй]\s*)?"#
                    + #"\d{2}\s?\d{2}\s*(?:№|N|номер)\s*\d{6}(?!\d)"#,
                requires: ["№", "n", "номер"], prefilter: Prefilters.sixDigits),
            // A foreign-travel passport: a two-digit series and a seven-digit number (загранпаспорт 72 № 0012345).
            rule(
                .passport,
                #"(?:(?:загран)?паспорт\p{L}*\s*|passport\s*)?"#
                    + #"(?<!\d)\d{2}[ \u00A0]*(?:№|No\.?|N|номер)[ \u00A0]*\d{7}(?!\d)"#,
                requires: ["№", "n", "номер"], prefilter: Prefilters.sixDigits),
            rule(
                .date, #"(?<!\d)(?:\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?!\d)(?:[ \u00A0]?г\.)?"#,
                prefilter: Prefilters.numericDate),
            // A Roman-numeral month, as in official Russian papers (03.IV.2015).
            rule(
                .date,
                #"(?<![\d\p{L}])\d{1,2}[. ](?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)[. ](?:\d{4}|\d{2})(?!\d)(?:[ \u00A0]?г\.)?"#,
                caseSensitive: true, requires: ["i", "v", "x"]),
            Rule(detector: .date, region: .digits, regex: RussianDates.dayMonthYear, requires: Self.monthStems) { _ in
                true
            },
            Rule(detector: .date, region: .digits, regex: RussianDates.monthYear, requires: Self.monthStems) { _ in true
            },
            // A month with a two-digit year (в марте 16-го, в марте '16).
            Rule(detector: .date, region: .digits, regex: RussianDates.monthShortYear, requires: Self.monthStems) { _ in
                true
            },
            rule(
                .date,
                #"\b(?:\#(e))\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"#
                    + #"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:\#(e))\.?,?\s+\d{4}\b|\b(?:\#(e))\s+\d{4}\b"#,
                requires: Self.englishMonthStarts),
            // English ordinals and short years (the 9th of May 2016, 9th of May, March '16).
            rule(
                .date,
                #"\b\d{1,2}(?:st|nd|rd|th)\s+of\s+(?:\#(e))\.?(?:,?\s+\d{4}\b)?|\b(?:\#(e))\.?\s+['’]\d{2}(?!\d)"#,
                requires: Self.englishMonthStarts),
            rule(
                .address,
                #"\d+\s+(?:[A-Z][\p{L}\-]+\s+){1,2}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Boulevard|Blvd\.)|(?:[A-Z][\p{L}\-]+\s+){1,2}(?:Street|Avenue|Road|Lane|Boulevard)\b"#,
                caseSensitive: true,
                region: .containing(["Street", "St.", "Avenue", "Ave.", "Road", "Rd.", "Lane", "Boulevard", "Blvd."])),
            // Case-sensitive with both capitals spelled out: ICU's case-insensitive Cyrillic is slow.
            rule(
                .date,
                #"(?<!\p{L})(?:[Вв]есн(?:ой|а|у)|[Лл]ет(?:ом|о)|[Оо]сен(?:ью|ь)|[Зз]им(?:ой|а|у)|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)\s+(?:of\s+)?\d{4}(?:\s*(?:года|г\.|-го))?(?!\d)"#,
                caseSensitive: true,
                requires: ["весн", "лет", "осен", "зим", "spring", "summer", "autumn", "fall", "winter"]),
            // A street abbreviation only where a word starts (not the end of Кабул.), followed by a name with a
            // capital or a number (not "улица была"), and only across spaces on one line, so that it never
            // runs into the next sentence or paragraph.
            rule(
                .address,
                #"(?<!\p{L})(?:[Уу]л\.|[Уу]лиц[аеыу]|[Пп]р\.|[Пп]росп\.|[Пп]роспект[ае]?|[Пп]ер\.|[Пп]ереул[ок][кау]?|[Бб]ул\.|ш\.)[ \t\u00A0]*(?:\p{Lu}|\d)[\p{L}\d\-]*(?:[ \t\u00A0]+\p{Lu}[\p{L}\-]*)?(?:,?[ \t\u00A0]*(?:(?:д\.|дом)[ \t\u00A0]*)?\d+[\p{L}]?(?:[\-/]\d+)?)?(?:,?[ \t\u00A0]*(?:кв\.|квартира)[ \t\u00A0]*\d+)?"#,
                // Every street word holds one of these (ул., Ул. and бул. hold л.; пр. and пер. hold р.).
                caseSensitive: true, region: .containing(["л.", "лиц", "р.", "росп", "ереул", "ш."])),
            // The same written in Latin letters (ul. Lenina 5, kv. 12; pr. Kirova 3-17).
            rule(
                .address,
                #"(?<!\p{L})(?:ul\.|ulitsa|pr\.|prosp\.|prospekt|per\.|pereulok|bul\.|sh\.)[ \t\u00A0]*\p{Lu}[\p{L}\-]+(?:[ \t\u00A0]+\p{Lu}[\p{L}\-]*)?(?:,?[ \t\u00A0]*(?:(?:d\.|dom)[ \t\u00A0]*)?\d+[\p{L}]?(?:[\-/]\d+)?)?(?:,?[ \t\u00A0]*(?:kv\.|kvartira)[ \t\u00A0]*\d+)?"#,
                region: .containingIgnoringCase(["ul.", "ulitsa", "pr.", "prosp", "per.", "pereulok", "bul.", "sh."])),
            // A flat number on its own, the rest of an address already gone or never written (кв. 48).
            rule(
                .address, #"(?<!\p{L})(?:кв\.|[Кк]вартир[аеуы]|kv\.|[Kk]vartira)[ \t\u00A0]*\d+"#,
                caseSensitive: true,
                requires: ["кв.", "квартир", "kv.", "kvartira"]),
            rule(
                .address,
                #"(?:\p{Lu}[\p{L}]+\s+){1,2}(?:Sokak|Sokağı|Sok\.|Caddesi|Cad\.|Mahallesi|Mah\.|Bulvarı)(?:,?\s*No\.?\s*\d+(?:/\d+)?)?"#,
                caseSensitive: true,
                region: .containing(["Sokak", "Sokağı", "Sok.", "Caddesi", "Cad.", "Mahallesi", "Mah.", "Bulvarı"])),
            rule(
                .address, #"(?:д\.|дом)\s*\d+[\p{L}]?,?\s*(?:кв\.|квартира)\s*\d+"#,
                requires: ["кв.", "квартира"]),
            // A house on a named street, the street word left out (дом 17 на Гагарина, д. 4 по
            // Ленина).
            rule(
                .address,
                #"(?<!\p{L})(?:[Дд]ом|д\.)[ \u00A0]*\d+[\p{L}]?[ \u00A0]+(?:на|по)[ \u00A0]+\p{Lu}\p{L}+"#
                    + #"(?:,?[ \u00A0]*(?:кв\.|квартира)[ \u00A0]*\d+)?"#,
                caseSensitive: true, requires: ["дом", "д."]),
            rule(
                .plate,
                #"(?<![\p{L}\d])[АВЕКМНОРСТУХABEKMHOPCTYX]\s?\d{3}\s?"#
                    + #"[АВЕКМНОРСТУХABEKMHOPCTYX]{2}\s?\d{2,3}(?![\p{L}\d])"#,
                prefilter: Prefilters.plate),
        ]
    }

    /// Every identifier in `text`.
    public func spans(in text: String) -> [Span] { spans(in: Scan(text)) }

    func spans(in scan: Scan) -> [Span] {
        let text = scan.text, map = scan.map
        var spans: [Span] = []
        for rule in rules {
            for match in scan.matches(of: rule.regex, in: rule.region, requires: rule.requires) {
                guard let range = Range(match, in: text), rule.accept(text[range]) else { continue }
                let (start, end) = map.offsets(of: range)
                spans.append(Span(start: start, end: end, detector: rule.detector))
            }
        }
        return spans
    }

    /// The Luhn check of a card number.
    static func luhn(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard (13...19).contains(values.count) else { return false }
        let sum = values.reversed().enumerated().reduce(0) { total, pair in
            let (index, digit) = pair
            guard index % 2 == 1 else { return total + digit }
            let doubled = digit * 2
            return total + (doubled > 9 ? doubled - 9 : doubled)
        }
        return sum % 10 == 0
    }

    /// The ISO 13616 check of an IBAN: move the first four characters to the end, letters to 10–35, mod 97 = 1.
    static func ibanValid(_ iban: String) -> Bool {
        let characters = Array(iban.uppercased())
        guard (15...34).contains(characters.count) else { return false }
        var remainder = 0
        for character in characters[4...] + characters[..<4] {
            guard
                let value = character.wholeNumberValue
                    ?? (character.isASCII && character.isLetter ? Int(character.asciiValue! - 55) : nil)
            else { return false }
            for digit in String(value) { remainder = (remainder * 10 + digit.wholeNumberValue!) % 97 }
        }
        return remainder == 1
    }
}
