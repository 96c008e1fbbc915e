/// Finds the case's people and places in a text: in every Russian case, in Cyrillic or Latin
/// letters, with ё or е, across line breaks, and with initials in front (З. М. Мусаева).
public struct CaseTermDetector: Sendable {
    /// The stems of the listed words and the endings each may take, and the term (index on the list)
    /// each belongs to.
    private let stems: TermStems
    /// Names of several parts (Дейр-эз-Зор, Тель-Афар) as one loose key of their parts without the
    /// Arabic article, so that Deir ez-Zor, Dayr al-Zawr, Tal Afar and Talafar are found whole.
    private let compactKeys: [String: Int]

    /// Prepares the terms (one person or place each; several words allowed).
    /// - Throws: `AmanatRedactionError.emptyTerm`, `.stemmerUnavailable`.
    public init(terms: [String]) throws {
        try RedactionPlan.checkTermSizes(terms)
        let stemmer = try RussianStemmer()
        var stems = TermStems()
        for (index, term) in terms.enumerated() {
            let words = Tokenizer.words(in: term)
            guard !words.isEmpty else { throw AmanatRedactionError.emptyTerm }
            // Every name part counts alone (a first name without the surname is a leak too); short
            // lower-case words of a place ("на", "у") do not.
            // A hyphenated name also counts by its parts, which a line break may separate (Абдул-\nХамид).
            let parts = words.flatMap { word in
                [word.text] + (word.text.contains("-") ? Self.variants(of: word.text) : [])
            }
            // Spellings that fold alike (Магомед, Magomed, Mahomed) give the same forms: each is made once.
            var spelled: Set<String> = []
            for word in parts where word.count >= 3 || word.first?.isUppercase == true {
                for spelling in Self.equivalents(of: word)
                where spelled.insert(Folding.key(spelling) + (spelling.unicodeScalars.first!.isASCII ? "" : "-"))
                    .inserted
                {
                    Self.addStems(of: spelling, term: index, to: &stems, stemmer: stemmer)
                }
            }
        }
        self.stems = stems
        var compact: [String: Int] = [:]
        for (index, term) in terms.enumerated() {
            let parts = Self.nameParts(of: Tokenizer.words(in: term).map(\.text))
            guard parts.count >= 2 else { continue }
            for key in Self.compactKeys(of: parts) where key.count >= 6 && compact[key] == nil { compact[key] = index }
        }
        compactKeys = compact
    }

    /// The parts of a name written as `words`, split at hyphens, without the Arabic article (al-, ar-,
    /// ez-, эль-, эр-, эз-, аль- and their sun-letter forms).
    static func nameParts(of words: [String]) -> [String] {
        words.flatMap { $0.split(whereSeparator: { $0 == "-" || $0 == "‐" }) }.map(String.init)
            .filter { !articles.contains($0.lowercased()) }
    }

    /// The Arabic definite article as writers render it, in both scripts.
    static let articles: Set<String> = [
        "al", "el", "ul", "ar", "er", "as", "es", "ash", "ad", "ed", "az", "ez", "at", "an", "en", "ат", "аль",
        "эль",
        "ар", "эр", "ас", "эс", "аш", "аз", "эз", "ад", "эд", "ан", "эн",
    ]

    /// The loose keys of the parts of a name written together: as written and in each respelling.
    static func compactKeys(of parts: [String]) -> [String] {
        guard !parts.isEmpty else { return [] }
        let joined = parts.joined().lowercased()
        return ([joined] + NameForms.latinRespellings(joined)).map { NameForms.loose(Folding.key($0)) }
    }

    /// A given name and the other spellings of the same name (`NameForms.equivalents`).
    static func equivalents(of word: String) -> [String] {
        guard let group = equivalentGroups[Folding.key(word)] else { return [word] }
        return [word] + NameForms.equivalents[group]
    }

    /// The group of `NameForms.equivalents` each folded spelling belongs to.
    private static let equivalentGroups: [String: Int] = {
        var groups: [String: Int] = [:]
        for (index, group) in NameForms.equivalents.enumerated() {
            for name in group where groups[Folding.key(name)] == nil { groups[Folding.key(name)] = index }
        }
        return groups
    }()

    /// The term a token's folded key names, trying the looser readings when the exact one misses.
    private func entity(for token: String, key: String) -> Int? {
        if let entity = stems.term(forKey: key, reading: .exact) { return entity }
        let respelled = NameForms.latinRespellings(token.lowercased()).map(Folding.key)
        for key in respelled { if let entity = stems.term(forKey: key, reading: .exact) { return entity } }
        // Then doubled or dropped letters, in the word as written and as respelled; then, for a capitalised
        // word, the loose reading.
        let readings = [key] + respelled
        for key in readings { if let entity = stems.term(forKey: key, reading: .collapsed) { return entity } }
        guard Tokenizer.isCapital(token.unicodeScalars.first) else { return nil }
        for key in readings { if let entity = stems.term(forKey: key, reading: .loose) { return entity } }
        return nil
    }

    /// The stems of one term word and their endings: itself, alone or with a case ending (Хакиев,
    /// Хакиевым); for a word ending in a vowel or soft sign, the word without it, with an ending (Заира
    /// → Заирой); for an adjective-like name (Грозный, Новые Атаги), its Snowball stem with
    /// an ending (Грозного). A bare stem never counts (Заир is a country, Заира a name), nor does
    /// the stem of a noun-like name (the stem of Хакиев is хак, and хаки is a colour).
    static func addStems(of word: String, term: Int, to stems: inout TermStems, stemmer: RussianStemmer) {
        let lower = Folding.lowerCase(word)
        let isCyrillic = lower.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) }
        guard isCyrillic else {
            let key = Folding.key(lower)
            stems.addFolded(key, term: term, endings: [.none, .any])
            if key.last.map({ "aeiou".contains($0) }) == true {
                // Musaeva → Musaev, as in Cyrillic.
                let endings: TermStems.Endings = Self.isWomansFamilyName(key) ? [.none, .any] : .any
                stems.addFolded(String(key.dropLast()), term: term, endings: endings)
            }
            // Patronymics of a given name listed in Latin letters (Ruslan → Ruslanovich, Ruslanovna).
            for base in ["ович", "евич", "овн", "евн"] {
                stems.addFolded(key + Folding.key(base), term: term, endings: [.none, .any])
            }
            // English plurals of a family name (the Bagakashvilis, the Musaevs).
            stems.addFolded(key + "s", term: term, endings: .none)
            stems.addFolded(key + "es", term: term, endings: .none)
            return
        }
        stems.add(lower, term: term, endings: [.none, .any])
        // A feminine or -a name in the nominative also declines from the word without its vowel. For
        // a family name in -ова or -ева that word is the family name of her father or brother
        // (Мусаева → Мусаев), and counts alone too.
        if let last = lower.last, "аяеоиы".contains(last) {
            let endings: TermStems.Endings = Self.isWomansFamilyName(lower) ? [.none, .any] : .any
            stems.add(String(lower.dropLast()), term: term, endings: endings)
        }
        if RussianEndings.adjectival.contains(where: { lower.hasSuffix($0) }) {
            stems.add(stemmer.stem(lower), term: term, endings: .any)
        }
        // A family name in -ов, -ев or -ский (Мусаев, Хакиева, Ковальская) makes no
        // place adjective, patronymic or diminutive.
        let familyEndings = ["ов", "ев", "ова", "ева", "ский", "ская"]
        let familyName = lower.count > 4 && familyEndings.contains { lower.hasSuffix($0) }
        // Adjectives made from a place (Ботлих → Ботлихском, Урус-Мартан →
        // Урус-Мартановский, Шали → Шалинский).
        if lower.count >= 4, !familyName {
            let bases = [lower] + ("аеиоуыяйь".contains(lower.last!) ? [String(lower.dropLast())] : [])
            for base in bases {
                for suffix in RussianEndings.placeAdjective {
                    stems.add(base + suffix, term: term, endings: .adjective)
                }
            }
        }
        // Patronymics from a given name, in every case (Руслан → Русланович, Руслановне).
        let patronymics = familyName ? (masculine: [], feminine: []) : NameForms.patronymicStems(of: lower)
        for stem in patronymics.masculine { stems.add(stem, term: term, endings: [.none, .any]) }
        for stem in patronymics.feminine { stems.add(stem, term: term, endings: .any) }
        // Diminutives and short forms of a given name, in every case (Лейлочкой, Машей): each declines as
        // a noun, with the six cases of its own ending only.
        if word.first?.isUppercase == true, !familyName {
            for diminutive in NameForms.diminutives(of: lower) {
                stems.add(diminutive, term: term, endings: .none)
                if "ая".contains(diminutive.last!) {
                    stems.add(String(diminutive.dropLast()), term: term, endings: .feminine)
                } else {
                    stems.add(diminutive, term: term, endings: .masculine)
                }
            }
        }
        // English plurals of a family name written in Latin letters (the Magomedovs; Арсанова: the Arsanovs).
        stems.addFolded(Folding.key(lower) + "s", term: term, endings: .none)
        if lower.count > 4, lower.hasSuffix("ова") || lower.hasSuffix("ева") || lower.hasSuffix("ина") {
            stems.addFolded(Folding.key(String(lower.dropLast())) + "s", term: term, endings: .none)
        }
    }

    /// Whether what lies between two words of one term leaves them one name: only white space, or a hyphen
    /// followed by a line break.
    static func joinsOneName(_ between: Substring) -> Bool {
        if between.allSatisfy(\.isWhitespace) { return true }
        guard let first = between.first, first == "-" || first == "‐" else { return false }
        let rest = between.dropFirst()
        return rest.contains(where: \.isNewline) && rest.allSatisfy(\.isWhitespace)
    }

    /// Whether a listed word (in small letters, or folded to Latin) is a woman's family name in -ова or -ева
    /// (-ova, -eva), whose men's form is the word without its last vowel (Мусаева → Мусаев).
    static func isWomansFamilyName(_ word: String) -> Bool {
        word.count > 4 && ["ова", "ева", "ova", "eva"].contains(where: word.hasSuffix)
    }

    /// Other readings of a word that may hold a term: without an English possessive (Islam's), and
    /// each part of a compound joined by hyphens (Цечоева-старшего) or apostrophes (O'Мусаев,
    /// and two names with no space but an apostrophe between them, Карабулаке'Заиру).
    static func variants(of word: String) -> [String] {
        var variants: [String] = []
        for suffix in ["'s", "’s", "'", "’"] where word.hasSuffix(suffix) {
            variants.append(String(word.dropLast(suffix.count)))
        }
        let joiners: Set<Character> = ["-", "‐", "'", "’"]
        if word.contains(where: joiners.contains) {
            variants += word.split(whereSeparator: joiners.contains).map(String.init).filter { $0.count >= 3 }
        }
        return variants
    }

    /// Every span of `text` that names a term, with initials in front included.
    public func spans(in text: String) -> [Span] { spans(in: Scan(text)) }

    func spans(in scan: Scan) -> [Span] {
        let text = scan.text, tokens = scan.tokens, map = scan.map
        var lastUpper = text.startIndex
        // Each distinct word is resolved once: its folded key, then the looser readings when that misses.
        // The stemmers that tell an ordinary word from a name, made the first time a lower-case word names one.
        var stemmers: (russian: SnowballStemmer, english: SnowballStemmer)?
        var resolved: [String: Int?] = [:]
        var spans: [Span] = []
        for (index, token) in tokens.enumerated() {
            let found: Int?
            if let known = resolved[token.text] {
                found = known
            } else {
                let named =
                    entity(for: token.text, key: Folding.key(token.text))
                    ?? (token.text.unicodeScalars.contains { "-‐'’".unicodeScalars.contains($0) }
                        ? Self.variants(of: token.text).lazy.compactMap({ entity(for: $0, key: Folding.key($0)) }).first
                        : nil)
                // A listed name that is also an ordinary word, written in lower case, is the word: вера,
                // надежда, роза, грозный (Docs/redaction.md, "Names that are words").
                let isWord = named != nil && !token.isCapitalised && ordinaryWord(token.text, stemmers: &stemmers)
                found = isWord ? nil : named
                resolved[token.text] = .some(found)
            }
            guard let entity = found else { continue }
            var lower = token.range.lowerBound
            // Initials before a name: single letters followed by a dot (З. М. Мусаева, Z. Musaeva).
            var previous = index - 1
            while previous >= 0, tokens[previous].text.count == 1, tokens[previous].isCapitalised,
                text[tokens[previous].range.upperBound...].first == "."
            {
                lower = tokens[previous].range.lowerBound
                previous -= 1
            }
            // A kunya in front names the person through the child (Abu Umar, Умм Сафия).
            if previous >= 0, Self.kunyas.contains(tokens[previous].text),
                text[tokens[previous].range.upperBound..<lower].allSatisfy({
                    $0 == " " || $0 == "-" || $0 == "\u{00A0}"
                })
            {
                lower = tokens[previous].range.lowerBound
            }
            // Initials after a name, as in official letters (Дибиров О. М., Исмаилова С.-Х. А.).
            var upper = token.range.upperBound
            var next = index + 1
            while next < tokens.count, next - index <= 3, tokens[next].text.count == 1,
                tokens[next].isCapitalised,
                text[tokens[next].range.upperBound...].first == ".",
                text[upper..<tokens[next].range.lowerBound].allSatisfy({
                    $0 == " " || $0 == "\u{00A0}" || (next > index + 1 && ($0 == "-" || $0 == "‐"))
                }),
                next == index + 1 || !text[upper..<tokens[next].range.lowerBound].isEmpty
                    || text[text.index(before: tokens[next].range.lowerBound)] == "-"
            {
                upper = text.index(after: tokens[next].range.upperBound)
                next += 1
            }
            let (start, end) = map.offsets(of: lower..<upper)
            // Words of one name separated only by spaces or a line break form one span (Заира Мусаева), and
            // so do the parts of a hyphenated name broken over a line (Абдул-\nХамид).
            defer { lastUpper = upper }
            // A hyphen broken over a line joins two names into one even when each part alone first names another
            // term (Магомед-\nЭми, with Саид-Магомед also listed).
            if let last = spans.last, lastUpper <= lower, Self.joinsOneName(text[lastUpper..<lower]),
                last.entity == entity || text[lastUpper..<lower].first.map({ $0 == "-" || $0 == "‐" }) == true
            {
                spans[spans.count - 1] = Span(start: last.start, end: end, detector: .caseTerm, entity: entity)
            } else {
                spans.append(Span(start: start, end: end, detector: .caseTerm, entity: entity))
            }
        }
        // A name found whole by its parts (Dayr az-Zawr) covers what its parts found.
        var merged: [Span] = []
        for span in (spans + compactSpans(in: scan)).sorted(by: { ($0.start, -$0.end) < ($1.start, -$1.end) }) {
            if let last = merged.last, span.start < last.end {
                if span.end > last.end {
                    merged[merged.count - 1] = Span(
                        start: last.start, end: span.end, detector: .caseTerm, entity: last.entity)
                }
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// The words that make a kunya (father of, mother of), in the spellings testimonies use.
    static let kunyas: Set<String> = ["Abu", "Abou", "Umm", "Абу", "Умм", "ибн", "Ибн", "ibn", "Ibn", "bin"]

    /// Names of several parts written with other articles, spaces or vowels (Dayr az-Zawr, Tal Afar, Talafar):
    /// up to three words joined by spaces or hyphens, compared by `compactKeys(of:)`.
    private func compactSpans(in scan: Scan) -> [Span] {
        guard !compactKeys.isEmpty else { return [] }
        let text = scan.text, tokens = scan.tokens
        var spans: [Span] = []
        // Each word's parts, and each run of parts, are read once (a testimony repeats its words).
        var partsOf: [String: [String]] = [:]
        var termOf: [[String]: Int?] = [:]
        var index = 0
        while index < tokens.count {
            defer { index += 1 }
            guard tokens[index].isCapitalised else { continue }
            var parts: [String] = []
            var match: (end: Int, entity: Int)?
            for last in index..<min(index + 3, tokens.count) {
                if last > index {
                    let between = text[tokens[last - 1].range.upperBound..<tokens[last].range.lowerBound]
                    guard !between.isEmpty, between.count <= 2, between.allSatisfy({ $0 == " " || $0 == "-" }) else {
                        break
                    }
                }
                // An article on its own (Ras al Ain) joins the parts but never ends the name.
                let word = tokens[last].text
                let added = partsOf[word] ?? Self.nameParts(of: [word])
                partsOf[word] = added
                guard !added.isEmpty else { continue }
                parts += added
                let entity =
                    termOf[parts] ?? Self.compactKeys(of: parts).lazy.compactMap({ self.compactKeys[$0] }).first
                termOf[parts] = .some(entity)
                if let entity { match = (last, entity) }
            }
            guard let match else { continue }
            let (start, end) = scan.map.offsets(of: tokens[index].range.lowerBound..<tokens[match.end].range.upperBound)
            spans.append(Span(start: start, end: end, detector: .caseTerm, entity: match.entity))
            index = match.end
        }
        return spans
    }

    /// Whether a lower-case word is an ordinary word of its language (Snowball stem on the common list).
    /// Without a stemmer the answer is no, and the word is treated as the name.
    private func ordinaryWord(
        _ word: String, stemmers: inout (russian: SnowballStemmer, english: SnowballStemmer)?
    ) -> Bool {
        if stemmers == nil, let russian = try? SnowballStemmer("russian"), let english = try? SnowballStemmer("english")
        {
            stemmers = (russian, english)
        }
        guard let stemmers else { return false }
        return CommonVocabulary.isLowerCaseWord(
            word, russianStemmer: stemmers.russian, englishStemmer: stemmers.english)
    }
}
