import Foundation

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

    /// A listed stem's term and endings.
    struct Entry: Sendable {
        let term: Int
        let endings: Endings
    }

    private var exact: [String: [Entry]] = [:]
    /// Stems of four letters or more that hold a doubled letter, by their form with it made single; a stem
    /// without one is its own such form, and `exact` holds it.
    private var doubled: [String: [Entry]] = [:]
    /// Stems of four letters or more, for the loose table, made the first time a capitalised word misses.
    private var longStems: [(key: String, entry: Entry)] = []
    private let looseTable = LooseTable()

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
        let entry = Entry(term: term, endings: endings)
        longStems.append((key, entry))
        let single = NameForms.collapsed(key)
        if single != key { doubled[single, default: []].append(entry) }
    }

    /// The first listed term whose stem and ending make the folded `key`, read as `reading` says (the
    /// looser readings only for keys of five letters or more).
    func term(forKey key: String, reading: Reading) -> Int? {
        let bytes = Array(key.utf8)
        // A word of letters that all fold away (Armenian, Georgian, Arabic…) has an empty key: no term.
        if bytes.isEmpty || (reading != .exact && bytes.count < 5) { return nil }
        let loose = reading == .loose ? looseTable.table(from: longStems) : [:]
        var found: Int?
        func consider(_ entries: [Entry]?, _ classes: Endings) {
            for entry in entries ?? [] where !entry.endings.isDisjoint(with: classes) {
                found = min(found ?? entry.term, entry.term)
            }
        }
        for length in 0...min(Self.longestEnding, bytes.count - 1) {
            let cut = bytes.count - length
            let classes: Endings
            if length == 0 {
                classes = .none
            } else {
                guard let known = Self.endings[String(decoding: bytes[cut...], as: UTF8.self)] else { continue }
                classes = known
            }
            let stem = String(decoding: bytes[..<cut], as: UTF8.self)
            switch reading {
            case .exact:
                consider(exact[stem], classes)
            case .collapsed:
                // A listed stem and this one are equal once doubled letters are made single: either the
                // listed one has a doubled letter (`doubled`), or only this one has (`exact`, four letters
                // or more).
                let single = NameForms.collapsed(stem)
                consider(doubled[single], classes)
                if single != stem, single.utf8.count >= 4 { consider(exact[single], classes) }
            case .loose:
                consider(loose[NameForms.loose(stem)], classes)
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

/// The loose reading's table of a `TermStems`, made once, under a lock, the first time it is needed.
private final class LooseTable: @unchecked Sendable {
    private let lock = NSLock()
    private var built: [String: [TermStems.Entry]]?

    func table(from stems: [(key: String, entry: TermStems.Entry)]) -> [String: [TermStems.Entry]] {
        lock.withLock {
            if let built { return built }
            var table: [String: [TermStems.Entry]] = [:]
            for (key, entry) in stems { table[NameForms.loose(key), default: []].append(entry) }
            built = table
            return table
        }
    }
}
