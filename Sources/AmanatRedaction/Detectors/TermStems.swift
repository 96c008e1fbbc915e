/// The listed words as folded stems, each with the endings it may take (Хакиев with any case ending,
/// Грозн with an adjective's, Лейлочк with a feminine noun's). A word of the text is looked up by
/// splitting its folded form into a stem and an ending, so that nothing is made in advance for every
/// form of every name: a list of a hundred names is ready in a millisecond or two.
///
/// The fold of a stem and an ending written together is the fold of each, one after the other, except
/// where a spelling variant spans the two (a stem ending in ы or y before а, у, е or о: `ya`, `ye`);
/// `add(_:term:endings:)` lists those forms whole.
struct TermStems: Sendable {
    /// Which endings may follow a stem.
    struct Endings: OptionSet, Sendable {
        let rawValue: UInt8
        /// The stem alone is a form (Хакиев).
        static let none = Endings(rawValue: 1)
        /// Any Russian case ending (`RussianEndings.all`).
        static let any = Endings(rawValue: 2)
        /// The case endings of an adjective (`RussianEndings.adjectiveCase`).
        static let adjective = Endings(rawValue: 4)
        /// The six cases of a noun in -а/-я (`RussianEndings.feminineNoun`).
        static let feminine = Endings(rawValue: 8)
        /// The six cases of a masculine noun (`RussianEndings.masculineNoun`).
        static let masculine = Endings(rawValue: 16)
    }

    /// How loosely a word is compared.
    enum Reading {
        case exact, collapsed, loose
    }

    private struct Entry: Sendable {
        let term: Int
        let endings: Endings
    }

    private var exact: [String: [Entry]] = [:]
    private var collapsed: [String: [Entry]] = [:]
    private var loose: [String: [Entry]] = [:]

    /// Adds a Cyrillic or Latin stem (not folded yet) of term `term`.
    mutating func add(_ stem: String, term: Int, endings: Endings) {
        addFolded(Folding.key(stem), term: term, endings: endings)
        // Where a variant spans stem and ending, the forms are listed whole.
        guard let last = stem.last, last == "ы" || last == "y" else { return }
        for (ending, classes) in Self.rawEndings where !classes.isDisjoint(with: endings) {
            addFolded(Folding.key(stem + ending), term: term, endings: .none)
        }
    }

    /// Adds an already folded stem.
    mutating func addFolded(_ key: String, term: Int, endings: Endings) {
        guard !key.isEmpty else { return }
        exact[key, default: []].append(Entry(term: term, endings: endings))
        // Looser readings only for stems long enough not to meet ordinary words by chance.
        guard key.utf8.count >= 4 else { return }
        collapsed[NameForms.collapsed(key), default: []].append(Entry(term: term, endings: endings))
        loose[NameForms.loose(key), default: []].append(Entry(term: term, endings: endings))
    }

    /// The first listed term whose stem and ending make the folded `key`, read as `reading` says (the
    /// looser readings only for keys of five letters or more).
    func term(forKey key: String, reading: Reading) -> Int? {
        let bytes = Array(key.utf8)
        if reading != .exact, bytes.count < 5 { return nil }
        let table: [String: [Entry]]
        switch reading {
        case .exact: table = exact
        case .collapsed: table = collapsed
        case .loose: table = loose
        }
        var found: Int?
        for length in 0...min(Self.longestEnding, bytes.count - 1) {
            let cut = bytes.count - length
            let classes: Endings
            if length == 0 {
                classes = .none
            } else {
                guard let known = Self.endings[String(decoding: bytes[cut...], as: UTF8.self)] else { continue }
                classes = known
            }
            var stem = String(decoding: bytes[..<cut], as: UTF8.self)
            switch reading {
            case .exact: break
            case .collapsed: stem = NameForms.collapsed(stem)
            case .loose: stem = NameForms.loose(stem)
            }
            for entry in table[stem] ?? [] where !entry.endings.isDisjoint(with: classes) {
                found = min(found ?? entry.term, entry.term)
            }
        }
        return found
    }

    /// Each ending as written and the classes it belongs to.
    private static let rawEndings: [(String, Endings)] =
        RussianEndings.all.map { ($0, .any) } + RussianEndings.adjectiveCase.map { ($0, .adjective) }
        + RussianEndings.feminineNoun.map { ($0, .feminine) } + RussianEndings.masculineNoun.map { ($0, .masculine) }

    /// Each folded ending and the classes it belongs to (endings that fold alike share an entry).
    private static let endings: [String: Endings] = {
        var table: [String: Endings] = [:]
        for (ending, classes) in rawEndings { table[Folding.key(ending), default: []].formUnion(classes) }
        table[""] = nil
        return table
    }()

    private static let longestEnding = endings.keys.map(\.utf8.count).max() ?? 0
}
