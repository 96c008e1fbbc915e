import Testing

@testable import AmanatRedaction

/// The forms of a listed name that its spelling alone does not give (issue 14): each a rule, tested on
/// names chosen here, not taken from any corpus.
@Suite("Patronymics, plurals, other spellings and broken hyphens of a listed name")
struct NameFormTests {
    static func found(_ terms: [String], in text: String) throws -> [String] {
        try CaseTermTests.found(terms, in: text)
    }

    @Test(
        "patronymics made from a listed given name, in every case and in Latin letters",
        arguments: [
            ("Тимур", ["Тимурович", "Тимуровича", "Тимуровичем", "Тимуровна", "Тимуровне", "Timurovich", "Timurovna"]),
            ("Андрей", ["Андреевич", "Андреевичу", "Андреевна", "Andreevich"]),
            ("Игорь", ["Игоревич", "Игоревной"]),
            ("Муса", ["Мусаевич", "Мусаевна", "Мусич"]),
            ("Никита", ["Никитич", "Никитична", "Никитичной"]),
            ("Али", ["Алиевич", "Алиевна"]),
            ("Bislan", ["Bislanovich", "Бисланович", "Бислановна"]),
        ])
    func patronymics(term: String, forms: [String]) throws {
        for form in forms {
            #expect(
                try Self.found(
                    [term],
                    in: "Пришёл \(form) "
                        + "вчера.") == [form], "\(form)")
        }
    }

    @Test("a family name in Cyrillic is found as an English plural and possessive in Latin letters")
    func plurals() throws {
        #expect(try Self.found(["Тимур Арсанов"], in: "the Arsanovs left") == ["Arsanovs"])
        #expect(try Self.found(["Арсанова"], in: "the Arsanovs' house") == ["Arsanovs"])
    }

    @Test("spellings the fold does not unify: x for kh, French ou and dj, -beg, doubled letters, final h")
    func respellings() throws {
        #expect(try Self.found(["Хамзат"], in: "Xamzat came") == ["Xamzat"])
        #expect(try Self.found(["Джабраил Бусуев"], in: "Djabrail Boussouev came") == ["Djabrail Boussouev"])
        #expect(try Self.found(["Улугбек"], in: "Ulugbeg came") == ["Ulugbeg"])
        #expect(try Self.found(["Алиева"], in: "Alliyeva came") == ["Alliyeva"])
        #expect(try Self.found(["place: Мосул"], in: "from Mossul") == ["Mossul"])
    }

    @Test(
        "French, German and Turkish spellings, and vowels that change between writers",
        arguments: [
            ("Ахмед", "Akhmedovitch"), ("Евгений", "Ievgueni"), ("Казбек", "Kazbeck"),
            ("Ковальцов", "Kowaltzow"),
            ("Джамал Идрисов", "Dschamal Idrisow"), ("Джамбулат", "Cambulat"),
            ("Гадиев", "Гадыев"),
            ("Тамаев", "Тамоев"), ("Гадиев", "Gadiyev"), ("Гадиев", "Gadijew"),
            ("Мадина Сайдуллаева", "Madina Saydoulaïeva"),
        ])
    func otherSystems(term: String, written: String) throws {
        let text = "Это \(written), а не кто-то другой."
        #expect(try Self.found([term], in: text) == [written], "\(written)")
    }

    @Test("a name of several parts with another article, spacing or vowels is found whole, and a kunya with it")
    func compactPlaces() throws {
        for written in ["Ras al-Ayn", "Ras al Ain", "Rasalain", "Рас-эль-Айн", "Ras el-Aïn"] {
            let text = "they went to \(written) in May"
            #expect(try Self.found(["Рас-эль-Айн"], in: text) == [written], "\(written)")
        }
        #expect(try Self.found(["Хан-Шейхун"], in: "near Khan Shaykhun, then") == ["Khan Shaykhun"])
        #expect(try Self.found(["Хан-Шейхун"], in: "Khan and an aunt") == ["Khan"])
        #expect(try Self.found(["Хамза Бараев"], in: "a man called Abu Hamza wrote") == ["Abu Hamza"])
        #expect(try Self.found(["Хамза Бараев"], in: "Тимур Бараев at home") == ["Бараев"])
        let kunya = "ему писал Абу-Хамза из Ракки"
        #expect(try Self.found(["Хамза"], in: kunya) == ["Абу-Хамза"])
    }

    @Test("a listed name that is an ordinary word is left alone in lower case, and found with a capital")
    func namesThatAreWords() throws {
        let text =
            "Роза верила: вера и надежда. У окна стояла роза. "
            + "Розу видели, Вера ушла, Надежду ждут."
        let terms = ["Роза Ахмадова", "Вера", "Надежда"]
        #expect(try Self.found(terms, in: text) == ["Роза", "Розу", "Вера", "Надежду"])
        let city = "грозный голос; в Грозном"
        #expect(try Self.found(["Грозный"], in: city) == ["Грозном"])
        #expect(try Self.found(["Ахмадова"], in: "ахмадова писала") == ["ахмадова"])
    }

    @Test("the usual equivalents of a given name across the region are the name")
    func equivalents() throws {
        let text = "Mohammad, Мухаммад and Mahomed; Youssef and Юсуп; Ebrahim; Zeynep."
        #expect(
            try Self.found(["Магомед", "Юсуф", "Ибрагим", "Зайнаб"], in: text)
                == ["Mohammad", "Мухаммад", "Mahomed", "Youssef", "Юсуп", "Ebrahim", "Zeynep"])
    }

    @Test("a hyphenated name broken over a line is one span; a hyphen with no line break joins nothing")
    func brokenHyphen() throws {
        #expect(
            try Self.found(
                ["Салах-Эддин"],
                in: "брат Салах-\nЭддин "
                    + "пришёл") == ["Салах-\nЭддин"])
        #expect(try Self.found(["Салах-Эддин"], in: "Salah-\n  Eddin came") == ["Salah-\n  Eddin"])
        #expect(try Self.found(["Салах-Эддин"], in: "Салах - Эддин") == ["Салах", "Эддин"])
    }

    @Test(
        "diminutives on the stem of a listed given name, and the usual short forms of Russian names, in every case",
        arguments: [
            ("Зарема", ["Заремочка", "Заремочкой", "Заремушка", "Заремка"]),
            ("Тимур", ["Тимурчик", "Тимурчика", "Тимурик"]),
            ("Екатерина Орлова", ["Катя", "Кате", "Катей", "Катенька", "Катеньке"]),
            ("Дмитрий", ["Дима", "Димы", "Димочка", "Митя"]),
        ])
    func diminutives(term: String, forms: [String]) throws {
        for form in forms {
            #expect(try Self.found([term], in: "Пришёл \(form) вчера.") == [form], "\(form)")
        }
    }

    @Test("ordinary words near the rules are left alone")
    func noDamage() throws {
        #expect(try Self.found(["Тимур"], in: "Тимошка и тир, timber, ovation.") == [])
        #expect(try Self.found(["Али"], in: "алиби, Alice, alien") == [])
        #expect(try Self.found(["Муса"], in: "мусор, музыка, Mussolini") == [])
        #expect(try Self.found(["Мария"], in: "Машина, машинист, Машук и марка") == [])
        #expect(try Self.found(["Лейла"], in: "лейка и лейтенант") == [])
    }
}
