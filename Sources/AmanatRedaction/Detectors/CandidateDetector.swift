import Foundation

/// Finds what an editor should look at before publishing, without removing it: capitalised words
/// that are not common words (likely names or villages not on the case's list), numbers of four or more
/// digits, ages (ей было 17 лет, 17 years old), school numbers (школа № 12, school No. 12) and workplaces
/// (работал на заводе «Звезда», worked at the Argun cannery, names in guillemets).
public struct CandidateDetector: Sendable {
    /// The patterns, each with where it can match (the number, age and school patterns need a digit).
    /// Each also lists words (small letters) of which every match holds one, if any: a text without them is
    /// not searched (`Scan.matches`).
    private static let patterns: [(regex: Pattern, region: Region, requires: [String])] =
        [
            (#"(?<![\p{L}\d])\d{4,}(?:/\d+)?(?![\p{L}\d])"#, []),
            (
                #"\b(?:was|were)\s+\d{1,2}(?!\d)"#
                    + #"(?!\s*(?:%|percent|km|kilomet|mile|minute|hour|day|week|month|year|o'clock))"#,
                ["was", "were"]
            ),
            (
                #"(?<!\d)\d{1,3}\s*(?:лет|год[а]?|годик\p{L}*|years?\s+old|-year-old)\b"#,
                ["лет", "год", "year"]
            ),
            (#"(?:aged|age)\s+\d{1,3}\b"#, ["age"]),
        ].map { (Pattern($0.0, caseInsensitive: true), Region.digits, $0.1) }
        + [
            // Case-sensitive, capitals spelled out: ICU's case-insensitive Cyrillic is slow.
            (
                #"(?<!\p{L})[Шш]кол\p{L}*\s*(?:№|N|номер)?\s*\d+|(?<!\p{L})[Ss]chool\s*(?:No\.?|#|[Nn]umber)\s*\d+"#,
                Region.digits, ["школ", "school"]
            ),
            // Workplaces: "работал на заводе «Звезда»", "worked at the Argun cannery" (up to four words after the preposition),
            // and names in guillemets, which are usually firms, shops or organisations.
            (
                #"(?<!\p{L})(?:[Рр]аботал\p{L}*|[Тт]рудил\p{L}*|[Уу]стро\p{L}*\s+на\s+работу)\s+(?:на|в|во)\s+\p{L}+(?:[ \-]+(?:«[^»\n]{1,40}»|\p{L}+)){0,3}"#,
                .containing(["аботал", "рудил", "стро"]), []
            ),
            (
                #"\b(?:[Ww]orked|[Ww]orks|[Ww]orking|[Ee]mployed)\s+(?:at|for|in)\s+(?:the\s+|a\s+)?\p{L}+(?:[ \-]+\p{Lu}\p{L}*){0,3}"#,
                .containing(["orked", "orks", "orking", "mployed"]), []
            ),
            (#"«\p{Lu}[\p{L}\d\-]*(?:\s[\p{L}\d\-]+){0,2}»"#, .containing(["«"]), []),
        ].map { (Pattern($0.0, caseInsensitive: false), $0.1, $0.2) }

    /// Capitalised words that name no one: nationalities and languages, months and weekdays, titles,
    /// messengers, and the acronyms of public institutions that testimonies name all the time.
    static let neverCandidates: Set<String> = [
        "Russian", "Russians", "Turkish", "English", "European", "Chechen", "Chechens", "Ingush", "Dagestani",
        "Georgian", "Arabic",
        "Ossetian", "Kist", "Muslim", "Islamic", "January", "February", "March", "April", "May", "June", "July",
        "August", "September",
        "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Mr", "Mrs", "Ms", "Dr", "Frau", "Herr", "WhatsApp", "Telegram", "Viber", "Instagram", "Signal", "IBAN",
        "ФСБ", "МВД", "ОВД", "РОВД", "ОМВД", "ГУВД", "УВД", "ИВС", "СИЗО", "МИД", "БТР", "ООН", "ОБСЕ", "ЕСПЧ", "МККК",
        "СК", "КУСП",
        "ФСИН", "УФСИН", "ЦПЭ", "ОМОН", "РФ", "ЧР", "ЕС",
    ]

    /// The article written apart from the name it belongs to.
    static let separateArticles: Set<String> = ["Al", "al", "El", "el", "Аль", "аль", "Эль", "эль"]

    /// Whether a word is an Arabic article, a hyphen and a capitalised name (al-Bab, эз-Зор).
    static func isArticled(_ word: String) -> Bool {
        guard let hyphen = word.firstIndex(where: { $0 == "-" || $0 == "‐" }),
            CaseTermDetector.articles.contains(word[..<hyphen].lowercased())
        else { return false }
        return word[word.index(after: hyphen)...].first?.isUppercase == true
    }

    /// A detector.
    public init() {}

    /// Every candidate in `text`.
    public func spans(in text: String) -> [Span] { spans(in: Scan(text)) }

    func spans(in scan: Scan) -> [Span] {
        let text = scan.text, map = scan.map
        var spans: [Span] = []
        // Capitalised words: inside a sentence, any but common English words (Street); at the start of
        // a sentence or line, those that are not common words of their language (Магомед, not Потом).
        let russian = try? SnowballStemmer("russian"), english = try? SnowballStemmer("english")
        for (index, token) in scan.tokens.enumerated() {
            // An Arabic name with its article (al-Hol, ez-Zor, аль-Багдади), and a separate article before a
            // capitalised word (Al Bukamal): the article is part of the name.
            if Self.isArticled(token.text)
                || (Self.separateArticles.contains(token.text) && index + 1 < scan.tokens.count
                    && scan.tokens[index + 1].isCapitalised
                    && text[token.range.upperBound..<scan.tokens[index + 1].range.lowerBound] == " ")
            {
                let (start, end) = map.offsets(of: token.range)
                spans.append(Span(start: start, end: end, detector: .candidate))
                continue
            }
            guard token.isCapitalised && token.text.count >= 3 else { continue }
            let before = text[..<token.range.lowerBound].last { !$0.isWhitespace || $0.isNewline }
            let startsSentence = before == nil || before!.isNewline || ".!?…:«\"(—–-".contains(before!)
            let common = { () -> Bool in
                guard let russian, let english else { return false }
                return CommonVocabulary.isCommon(token.text, russianStemmer: russian, englishStemmer: english)
            }
            let latin = token.text.unicodeScalars.allSatisfy(\.isASCII)
            if !Self.neverCandidates.contains(token.text), startsSentence ? !common() : !(latin && common()) {
                let (start, end) = map.offsets(of: token.range)
                spans.append(Span(start: start, end: end, detector: .candidate))
            }
        }
        for (regex, region, requires) in Self.patterns {
            for match in scan.matches(of: regex, in: region, requires: requires) {
                guard let range = Range(match, in: text) else { continue }
                let (start, end) = map.offsets(of: range)
                spans.append(Span(start: start, end: end, detector: .candidate))
            }
        }
        return spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
