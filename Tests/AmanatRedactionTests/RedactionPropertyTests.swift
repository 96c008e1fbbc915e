import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatRedaction

/// Random texts with listed names inserted in forms a writer would use: any of the six Russian cases,
/// Cyrillic or one of several Latin transliterations, English plurals, patronymics, diminutives, a line
/// break between first and last name or after a hyphen. Whatever is inserted must be gone from the
/// redacted text. Seeded and reproducible: a failure prints its seed. `make test` runs 2,000 texts;
/// `AMANAT_PROPERTY_CASES=N` (as `make property-long` sets) runs more.
@Suite("Property: no inserted form of a listed name survives redaction")
struct RedactionPropertyTests {
    /// Given names (masculine, feminine) and family-name stems, written for this test.
    static let masculine = ["Руслан", "Тимур", "Ислам", "Ахмед", "Беслан", "Мурад", "Рамзан", "Заур", "Алихан"]
    static let feminine = ["Мадина", "Зарема", "Лейла", "Хава", "Малика", "Асет", "Луиза", "Седа"]
    static let families = ["Хакиев", "Мусаев", "Арсанов", "Тагиров", "Дудаев", "Евлоев", "Оздоев", "Гайтукаев"]
    static let filler = [
        "утром", "вечером", "мы", "долго", "искали", "его", "везде", "и", "никто", "не", "знал", "где", "он",
        "тогда", "соседи", "говорили", "что", "машина", "уехала", "быстро", "потом", "пришли", "люди", "в",
        "форме", "they", "said", "nothing", "was", "known", "about", "the", "car", "that", "night", "we",
        "waited", "for", "news", "from", "him", "again",
    ]

    /// The six cases of a masculine name or family name in -ов/-ев/-ин and of a feminine one.
    static func declined(_ word: String, feminine: Bool, case index: Int) -> String {
        if feminine {
            let stem = word.hasSuffix("а") || word.hasSuffix("я") ? String(word.dropLast()) : word
            if stem == word { return word }  // Асет: indeclinable
            return stem + ["а", "ы", "е", "у", "ой", "е"][index]
        }
        let isFamily = word.hasSuffix("ов") || word.hasSuffix("ев") || word.hasSuffix("ин")
        return word + (isFamily ? ["", "а", "у", "а", "ым", "е"] : ["", "а", "у", "а", "ом", "е"])[index]
    }

    /// One of several Latin transliterations of a Cyrillic word.
    static func latin(_ word: String, system: Int) -> String {
        let common: [Character: String] = [
            "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "з": "z", "и": "i", "й": "y",
            "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
            "ф": "f", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "ь": "", "ъ": "", "э": "e",
            "ю": "yu", "я": "ya", "ж": "zh", "х": "kh",
        ]
        var out = ""
        for character in word {
            let lower = Character(character.lowercased())
            var piece = common[lower] ?? String(lower)
            switch (system, lower) {
            case (1, "х"): piece = "x"  // Xasan
            case (2, "х"): piece = "h"  // Turkish: Hasan
            case (2, "ж"): piece = "j"
            case (3, "у"): piece = "ou"  // French: Abdoulaev
            case (3, "ж"): piece = "j"
            case (4, "ш"): piece = "sch"  // German: Schamil, Saidulajew, Dschabrail, Tschetschenien
            case (4, "в"): piece = "w"
            case (4, "й"): piece = "j"
            case (4, "я"): piece = "ja"
            case (4, "ю"): piece = "ju"
            case (4, "ч"): piece = "tsch"
            case (5, "ч"): piece = "tch"  // French: Ruslanovitch, Djamila, Oumarov
            case (5, "у"): piece = "ou"
            case (5, "ж"): piece = "j"
            default: break
            }
            out += character.isUppercase ? piece.prefix(1).uppercased() + piece.dropFirst() : piece
        }
        return out
    }

    /// A form of a person of the list, as a writer might put it in a text.
    static func form(given: String, family: String, isFeminine: Bool, rng: inout SeededRandom) -> String {
        let familyWord = isFeminine ? family + "а" : family
        let caseIndex = Int.random(in: 0..<6, using: &rng)
        let first = declined(given, feminine: isFeminine, case: caseIndex)
        let last = declined(familyWord, feminine: isFeminine, case: caseIndex)
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: return first
        case 1: return last
        case 2: return first + " " + last
        case 3: return first + "\n" + last  // a line break between the names
        case 4: return latin(first, system: Int.random(in: 0..<6, using: &rng))
        case 5: return "the " + latin(family, system: Int.random(in: 0..<6, using: &rng)) + "s"  // plural
        case 6:  // the family name in another case, in Latin letters of another system
            return latin(declined(familyWord, feminine: isFeminine, case: 5 - caseIndex), system: 3)
        case 7: return latin(first + " " + last, system: Int.random(in: 0..<6, using: &rng))
        default:  // a diminutive on the stem of the given name
            let stem = "аяь".contains(given.last!) ? String(given.dropLast()) : given
            return stem + (isFeminine ? ["очка", "очкой", "очке"] : ["чик", "чика", "чиком"]).randomElement(
                using: &rng)!
        }
    }

    static func run(cases: Int, seed: UInt64) throws -> [String] {
        var failures: [String] = []
        var redactors: [String: Redactor] = [:]
        for index in 0..<cases {
            var rng = SeededRandom(seed: seed &+ UInt64(index))
            let isFeminine = Bool.random(using: &rng)
            let given = (isFeminine ? feminine : masculine).randomElement(using: &rng)!
            let family = families.randomElement(using: &rng)!
            // The person, and every father's given name (patronymics are made from a listed given name).
            let terms = [given + " " + (isFeminine ? family + "а" : family)] + masculine
            var inserted: [String] = []
            var words: [String] = []
            for _ in 0..<Int.random(in: 3...6, using: &rng) {
                let form: String
                if Int.random(in: 0..<6, using: &rng) == 0 {
                    // A patronymic made from a father's given name that is on the list too.
                    let father = masculine.randomElement(using: &rng)!
                    let endings =
                        isFeminine ? ["овна", "овны", "овне", "овну", "овной"] : ["ович", "овича", "овичу", "овичем"]
                    let patronymic = father + endings.randomElement(using: &rng)!
                    form = Bool.random(using: &rng) ? patronymic : latin(patronymic, system: 0)
                } else {
                    form = Self.form(given: given, family: family, isFeminine: isFeminine, rng: &rng)
                }
                inserted.append(form)
                for _ in 0..<Int.random(in: 2...8, using: &rng) { words.append(filler.randomElement(using: &rng)!) }
                words.append(form + [".", ",", "", " —"].randomElement(using: &rng)!)
            }
            let text = words.joined(separator: " ")
            let redactor = try redactors[terms[0]] ?? Redactor(terms: terms)
            redactors[terms[0]] = redactor
            let spans = redactor.spans(in: text)
            let output = try redactor.redact(text, plan: spans, pseudonyms: nil, language: "ru")
            for form in inserted {
                let word = form.hasPrefix("the ") ? String(form.dropFirst(4)) : form
                if output.contains(word) { failures.append("seed \(seed &+ UInt64(index)): \(word.debugDescription)") }
            }
        }
        return failures
    }

    @Test("2,000 seeded texts (more with AMANAT_PROPERTY_CASES): every inserted form is removed")
    func property() throws {
        let cases = ProcessInfo.processInfo.environment["AMANAT_PROPERTY_CASES"].flatMap(Int.init) ?? 2_000
        let failures = try Self.run(cases: cases, seed: 0x414D_414E_4154)
        #expect(failures.isEmpty, "\(failures.count) forms survived; first: \(failures.prefix(8))")
    }
}
