/// Forms of a listed name that its spelling alone does not give: patronymics made from a given name,
/// the other usual spellings of the same given name across the region, and Latin spellings from
/// transliteration systems the fold does not unify (Docs/redaction.md, "What the case-term detector
/// finds"). Everything here is a rule of the language or a table of name equivalents, never a list of
/// the corpus's words.
enum NameForms {
    /// The stems of the patronymics made from a Cyrillic given name (Руслан → Русланович,
    /// Руслановн-а; Андрей → Андреевич; Игорь → Игоревич; Муса →
    /// Мусаевич, Мусич; Никита → Никитич, Никитичн-а). A masculine one is a form
    /// alone and takes any case ending (Руслановичем); a feminine one takes an ending
    /// (Руслановне). The fold makes their Latin spellings equal (Ruslanovich).
    static func patronymicStems(of lower: String) -> (masculine: [String], feminine: [String]) {
        guard lower.count >= 3, let last = lower.last else { return ([], []) }
        let stem = String(lower.dropLast())
        switch last {
        case "й", "ь":
            return ([stem + "евич"], [stem + "евн"])
        case "а", "я":
            return ([stem + "ич", lower + "евич"], [stem + "ичн", lower + "евн"])
        case "и", "о", "у", "е", "ы", "э", "ю":
            return ([lower + "евич", lower + "вич"], [lower + "евн", lower + "вн"])
        default:
            return ([lower + "ович", lower + "евич"], [lower + "овн", lower + "евн"])
        }
    }

    /// Diminutives of a Cyrillic given name, in the nominative: the usual suffixes on its stem (Лейла →
    /// Лейлочка, Лейлушка; Марьям → Марьямка; Руслан → Русланчик), and the usual short forms of Russian
    /// names (`shortForms`: Мария → Маша, Машенька), themselves with the suffixes. What no rule gives (a
    /// family's own nickname) stays a review candidate at best.
    static func diminutives(of lower: String) -> [String] {
        guard lower.count >= 3 else { return [] }
        var names = [lower]
        for (full, short) in shortForms where full.contains(lower) { names += short }
        var result: [String] = []
        for name in names {
            if name != lower { result.append(name) }
            let stem = "аяоеиыйь".contains(name.last!) ? String(name.dropLast()) : name
            guard stem.count >= 2 else { continue }
            let soft = "яйиь".contains(name.last!)
            let suffixes =
                soft
                ? ["ечка", "юшка", "енька", "юля", "юся", "ша", "ка"]
                : ["очка", "ечка", "ушка", "енька", "онька", "уля", "уся", "ка", "чик", "ик"]
            result += suffixes.map { stem + $0 }
        }
        return result
    }

    /// Russian given names and their usual short forms (written for Amanat from common usage).
    static let shortForms: [(full: [String], short: [String])] = [
        (["александр", "александра"], ["саша", "шура", "саня"]), (["мария"], ["маша", "маня"]),
        (["екатерина"], ["катя"]), (["елена"], ["лена"]), (["анна"], ["аня"]), (["ольга"], ["оля"]),
        (["наталья", "наталия"], ["наташа", "ната"]), (["татьяна"], ["таня"]), (["светлана"], ["света"]),
        (["юлия"], ["юля"]), (["евгений", "евгения"], ["женя"]), (["дмитрий"], ["дима", "митя"]),
        (["михаил"], ["миша"]), (["николай"], ["коля"]), (["сергей"], ["серёжа", "сережа"]),
        (["алексей"], ["лёша", "леша", "алёша", "алеша"]), (["владимир"], ["вова", "володя"]),
        (["иван"], ["ваня"]), (["пётр", "петр"], ["петя"]), (["павел"], ["паша"]), (["андрей"], ["андрюша"]),
        (["анастасия"], ["настя"]), (["виктор"], ["витя"]), (["виктория"], ["вика"]),
        (["людмила"], ["люда", "мила"]), (["галина"], ["галя"]), (["валентина"], ["валя"]),
        (["надежда"], ["надя"]), (["любовь"], ["люба"]), (["константин"], ["костя"]), (["григорий"], ["гриша"]),
        (["яков"], ["яша"]), (["василий"], ["вася"]), (["анатолий"], ["толя"]), (["борис"], ["боря"]),
        (["леонид"], ["лёня", "леня"]), (["станислав"], ["стас"]), (["вячеслав", "ярослав"], ["слава"]),
        (["зинаида"], ["зина"]), (["лидия"], ["лида"]), (["софья", "софия"], ["соня"]), (["ксения"], ["ксюша"]),
        (["дарья"], ["даша"]), (["полина"], ["поля"]), (["елизавета"], ["лиза"]), (["маргарита"], ["рита"]),
        (["евдокия"], ["дуся"]), (["антонина"], ["тоня"]), (["тамара"], ["тома"]), (["раиса"], ["рая"]),
        (["магомед", "мухаммад"], ["мага", "маго"]), (["ибрагим"], ["ибра"]), (["исмаил"], ["исма"]),
    ]

    /// A Latin word respelled in the forms the fold knows, for the systems it does not: x for kh
    /// (Xasan), French ou, dj, tch, gu and a leading ie (Abdoulaev, Djamila, Ruslanovitch, Ievguenia),
    /// German dsch, tsch, sch, w and tz (Dschabrail Saidulajew, Kuznetzov), ck for k (Aslanbeck), -beg for
    /// -bek, a final h after a vowel (Raqqah). Turkish writes дж as c (Camila, Cebrail): that reading comes
    /// second, for a word that begins with a c not part of ch or ck (Polish and Czech write ц as c, and English
    /// c inside a word is no дж: Alice).
    static func latinRespellings(_ lower: String) -> [String] {
        guard lower.unicodeScalars.allSatisfy({ $0.value < 0x250 }), lower.count >= 3 else { return [] }
        var word = lower
        for (variant, canonical) in latinVariants where word.contains(variant) {
            word = word.replacingOccurrences(of: variant, with: canonical)
        }
        if word.hasPrefix("ie") { word = "ye" + word.dropFirst(2) }
        word = word.replacingOccurrences(of: "w", with: "v")
        if word.hasSuffix("beg") { word = String(word.dropLast(3)) + "bek" }
        if word.count > 4, word.hasSuffix("h"), let before = word.dropLast().last, "aeiou".contains(before) {
            word = String(word.dropLast())
        }
        var readings = word == lower ? [] : [word]
        // Arabic aw before a consonant is o (Zawr and Зор, Hawl and Хол), where German writes в as w (Dawlet).
        if lower.contains("aw") {
            let arabic = respelledAw(lower)
            if arabic != lower, !readings.contains(arabic) { readings.append(arabic) }
        }
        let turkish =
            word.first == "c" && word.dropFirst().first.map({ $0 != "h" && $0 != "k" }) == true
            ? "dzh" + word.dropFirst() : word
        if turkish != word { readings.append(turkish) }
        return readings
    }

    /// The word with Arabic aw before a consonant (or at the end) written o, its other w as v.
    private static func respelledAw(_ word: String) -> String {
        let letters = Array(word)
        var result = ""
        var index = 0
        while index < letters.count {
            let next = index + 2 < letters.count ? letters[index + 2] : nil
            if letters[index] == "a", index + 1 < letters.count, letters[index + 1] == "w",
                next.map({ !"aeiouy".contains($0) }) ?? true
            {
                result.append("o")
                index += 2
                continue
            }
            result.append(letters[index] == "w" ? "v" : letters[index])
            index += 1
        }
        return (latinRespellings(result).first ?? result)
    }

    /// Letter groups of other transliteration systems and what the fold expects, replaced in this order.
    private static let latinVariants: [(String, String)] = [
        ("x", "kh"), ("dsch", "dzh"), ("tsch", "ch"), ("tch", "ch"), ("sch", "sh"), ("dj", "dzh"), ("ou", "u"),
        ("ck", "k"), ("tz", "ts"), ("gue", "ge"), ("gui", "gi"),
    ]

    /// A folded key read loosely, for family names and places whose vowels change between writers and scripts: an i
    /// before e dropped (Яндыев and Яндиев, Kartoiev, Saidulajew), an i between a consonant and a dropped
    /// (Dzhamilya and Djamila), e and o read as a (Евлоев and Евлаев, Dayr and Дейр, Tal and
    /// Тель), doubled letters made single. The first letter is kept as written. Only a capitalised word of five
    /// letters or more is read this way, and only against the listed names.
    static func loose(_ key: String) -> String {
        let letters = Array(key.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(letters.count)
        let vowels: Set<UInt8> = Set("aeiou".utf8)
        let (i, e, a, o) = (UInt8(ascii: "i"), UInt8(ascii: "e"), UInt8(ascii: "a"), UInt8(ascii: "o"))
        var index = 0
        while index < letters.count {
            var letter = letters[index]
            let next = index + 1 < letters.count ? letters[index + 1] : 0
            if index > 0, letter == i, next == e || (next == a && !vowels.contains(letters[index - 1])) {
                index += 1
                continue
            }
            if index > 0, letter == e || letter == o { letter = a }
            if letter != result.last { result.append(letter) }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A folded key with each run of one letter made single (Safiyya and Safiya, Mukhammad and Muhammad).
    static func collapsed(_ key: String) -> String {
        // Folded keys are ASCII; on bytes this is a tenth of the work on Characters.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(key.utf8.count)
        for byte in key.utf8 where byte != bytes.last { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Given names written differently across the region, each group one name (folded keys are compared).
    static let equivalents: [[String]] = [
        [
            "Магомед", "Мухаммад", "Мухаммед", "Мохаммед", "Магомет", "Махомед", "Мухамед", "Muhammad", "Mohammed",
            "Mohammad", "Mohamed", "Mukhammad", "Mahomed", "Magomed",
        ],
        ["Юсуф", "Юсуп", "Yusuf", "Youssef", "Yousuf", "Yusup", "Yousef"],
        ["Хадижат", "Хадиджа", "Хадижа", "Khadija", "Khadidja", "Khadizhat", "Hatice"],
        ["Сафия", "Сафият", "Safiya", "Safiyya", "Safia"],
        ["Ибрагим", "Ибрахим", "Ibrahim", "Ibragim", "Ebrahim"],
        ["Ахмед", "Ахмад", "Ахмет", "Ahmed", "Ahmad", "Akhmed"],
        ["Умар", "Омар", "Umar", "Omar"],
        ["Усман", "Осман", "Usman", "Osman", "Othman"],
        ["Юнус", "Юнис", "Yunus", "Younes", "Yunis"],
        ["Муса", "Musa", "Moussa", "Mousa"],
        ["Иса", "Isa", "Issa", "Eisa"],
        ["Абдулла", "Абдуллах", "Abdullah", "Abdulla", "Abdallah"],
        ["Фатима", "Патимат", "Fatima", "Fatma", "Patimat"],
        ["Марьям", "Мариам", "Maryam", "Mariam", "Meryem"],
        ["Айша", "Аиша", "Aisha", "Aysha", "Aişe", "Ayşe"],
        ["Зайнаб", "Зейнаб", "Зейнап", "Zaynab", "Zeynab", "Zainab", "Zeynep"],
        ["Хасан", "Гасан", "Hasan", "Hassan", "Khasan"],
        ["Хусейн", "Гусейн", "Husein", "Hussein", "Hüseyin", "Huseyn"],
        ["Александр", "Alexander", "Alexandre", "Aleksander", "Iskandar", "Искандер"],
    ]
}
