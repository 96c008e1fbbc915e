@testable import AmanatRedaction
import Testing

@Suite("Structured identifiers")
struct IdentifierTests {
    static func found(_ text: String) -> [(String, Span.Detector)] {
        let characters = Array(text)
        return IdentifierDetector().spans(in: text).map { (String(characters[$0.start..<$0.end]), $0.detector) }
    }

    static let positives: [(String, Span.Detector)] = [
        ("zaira.m@mail.ru", .email), ("madina_1998@gmail.com", .email),
        ("https://t.me/some_channel", .url), ("t.me/zaira_m", .url), ("wa.me/79281234567", .url),
        ("vk.com/id12345", .url),
        ("instagram.com/madina.k", .url), ("www.example.org/page", .url),
        ("@zaira_m", .handle), ("@Madina98", .handle),
        ("4276 3800 1234 5679", .card), ("4111111111111111", .card),
        ("DE89 3704 0044 0532 0130 00", .iban), ("GB82WEST12345698765432", .iban),
        ("серия 8309 № 551203", .passport),
        (
            "паспорт 83 09 № "
                + "551203", .passport
        ), ("8309 номер 551203", .passport),
        ("14.03.2016", .date), ("2017-11-30", .date), ("14/03/16", .date), ("14 марта 2016 года", .date),
        ("марте 2016-го", .date), ("мая 2004 года", .date), ("March 14, 2016", .date), ("14 March 2016", .date),
        ("November 2003", .date),
        (
            "ул. Ленина, д. 12, "
                + "кв. 4", .address
        ), ("улица Шерипова", .address), ("дом 7, кв. 15", .address),
        ("Çınar Sokak No. 12/4", .address),
        ("А123ВС 05", .plate), ("Х777КХ 95", .plate),
        // Issue 14: forms an independent corpus found missing (examples written here).
        ("загранпаспорт 63 № 4417720", .passport), ("passport 63 No. 4417720", .passport),
        ("21.XI.2013", .date), ("05.02.2014 г.", .date), ("апреле 15-го", .date), ("May '15", .date),
        ("21st of November 2013", .date),
        ("ul. Sheripova 14, kv. 3", .address), ("pr. Pobedy 21-8", .address), ("кв. 27", .address),
        ("ул. Мира 8", .address), ("Oct. '09", .date), ("дом 4 по Ленина, кв. 7", .address),
        ("д. 12 на Садовой", .address),
    ]

    @Test("an abbreviation at the end of a word is no address; an address stops at the end of its line")
    func addressBoundaries() {
        #expect(
            Self.found(
                "Он прилетел в Кабул. Потом в Стамбул. Улица была "
                    + "пуста."
            ).isEmpty)
        let found = Self.found("Живёт: ул. Мира 8\nНовая строка Ингушетии")
        #expect(found.map(\.0) == ["ул. Мира 8"])
    }

    @Test("each identifier is found whole, by the right detector", arguments: positives.indices)
    func positive(index: Int) {
        let (identifier, detector) = Self.positives[index]
        let found = Self.found("Сказали: \(identifier) — и ушли.")
        #expect(found.contains { $0.0 == identifier && $0.1 == detector }, "\(identifier): \(found)")
    }

    @Test("look-alikes are left alone")
    func negatives() {
        for text in [
            "4276 3800 1234 5671", "GB82WEST12345698765433", "в 2002 году", "ему было 17 лет", "school No. 12",
            "a@b", "см. выше", "май был холодным", "версия 2.0",
        ] {
            let found = Self.found(text)
            #expect(found.isEmpty, "\(text): \(found)")
        }
    }

    @Test("Luhn and IBAN checks")
    func checksums() {
        #expect(IdentifierDetector.luhn("4111111111111111"))
        #expect(!IdentifierDetector.luhn("4111111111111112"))
        #expect(IdentifierDetector.ibanValid("DE89370400440532013000"))
        #expect(!IdentifierDetector.ibanValid("DE89370400440532013001"))
    }
}

@Suite("Candidates for review")
struct CandidateTests {
    static func candidates(_ terms: [String], _ text: String) throws -> [String] {
        let characters = Array(text)
        return try Redactor(terms: terms).reviewCandidates(in: text).map { String(characters[$0.start..<$0.end]) }
    }

    @Test("names not on the list, long numbers, ages and school numbers are flagged, not removed")
    func flagged() throws {
        let text =
            "Вчера к нам пришёл Ислам из Шали. Ей было 17 лет, она "
            + "училась в школе № 12. Код 123456."
        let found = try Self.candidates(["Заира"], text)
        #expect(found.contains("Ислам") && found.contains("Шали"))
        #expect(found.contains("17 лет") && found.contains("школе № 12") && found.contains("123456"))
        #expect(
            !found.contains("Вчера") && !found.contains("Ей") && !found.contains("Код"),
            "sentence starts are not names: \(found)")
        // A term already removed is not also a candidate.
        #expect(try !Self.candidates(["Ислам"], text).contains("Ислам"))
    }
}

@Suite("Corpus-driven fixes")
struct CorpusFixTests {
    @Test("possessives, hyphenated compounds and Turkish spellings of listed names")
    func names() throws {
        #expect(try CaseTermTests.found(["Ислам"], in: "Islam's brother") == ["Islam's"])
        #expect(try CaseTermTests.found(["Цечоев"], in: "дом Цечоева-старшего") == ["Цечоева-старшего"])
        #expect(try CaseTermTests.found(["Шамиль Хасанов"], in: "Şamil Hasanov said") == ["Şamil Hasanov"])
    }

    @Test("English street addresses and seasons; links and handles stop before punctuation")
    func boundaries() {
        let found = IdentifierTests.found(
            "He lived at 17 Chechenskaya Street. Весной 2016 года, in the summer of 2019, see "
                + "wa.me/79284410296. or @shamil_brat."
        )
        let texts = found.map(\.0)
        #expect(
            texts.contains("17 Chechenskaya Street") && texts.contains("Весной 2016 года")
                && texts.contains("summer of 2019"))
        #expect(texts.contains("wa.me/79284410296") && texts.contains("@shamil_brat"))
        #expect(IdentifierTests.found("we walked down the street").isEmpty)
        #expect(
            IdentifierTests.found(
                "ул. Московская "
                    + "и дом"
            ).map(\.0) == ["ул. Московская"])
    }
}
