import AmanatCrypto
import Testing

@testable import AmanatRedaction

@Suite("Redaction plans")
struct PlanTests {
    static let text =
        "Мою дочь Заиру Мусаеву забрали 14 марта 2016 года в "
        + "Карабулаке. Магомед видел это. Её номер +7 (928) 123-45-67. Ей "
        + "было 17 лет.\n"
    static let key = SecretBytes(copying: Array("a case's pseudonym key, 32 bytes".utf8))

    static func plan() throws -> (Redactor, RedactionPlan) {
        let redactor = try Redactor(terms: ["Заира Мусаева", "place:Карабулак"])
        return (redactor, redactor.plan(for: text, language: "ru", record: "00"))
    }

    static func action(_ plan: RedactionPlan, _ text: String) -> RedactionPlan.Action? {
        plan.spans.first { $0.text == text }?.action
    }

    static func setting(_ plan: RedactionPlan, _ text: String, to action: RedactionPlan.Action) -> RedactionPlan {
        var plan = plan
        for index in plan.spans.indices where plan.spans[index].text == text { plan.spans[index].action = action }
        return plan
    }

    @Test("a term longer than a name, or more terms than a case lists, is refused at once (found by fuzzing)")
    func termSizes() throws {
        let long = String(repeating: "Магомед", count: 150_000)
        #expect(throws: AmanatRedactionError.self) { try Redactor(terms: [long]) }
        #expect(throws: AmanatRedactionError.self) { try Redactor(terms: (0..<2_001).map { "Имя\($0)" }) }
        #expect(throws: AmanatRedactionError.self) { try CaseTermDetector(terms: ["Заира " + long]) }
        _ = try Redactor(terms: [String(repeating: "а", count: RedactionPlan.maximumTermLength)])
        var (_, plan) = try Self.plan()
        plan.terms.append(RedactionPlan.Term(text: long, kind: .person))
        do {
            try RedactionPlan.checkTermSizes(plan.terms.map(\.text))
            Issue.record("a 1 MB term was accepted")
        } catch AmanatRedactionError.invalidPlan(let reason) {
            #expect(reason.contains("1050000 characters") && !reason.contains("Магомед"), "\(reason)")
        }
    }

    @Test("the automatic plan proposes an action for every span, with its detector and reason")
    func proposal() throws {
        let (_, plan) = try Self.plan()
        #expect(Self.action(plan, "Заиру Мусаеву") == .pseudonymise)
        #expect(Self.action(plan, "Карабулаке") == .generalise)
        #expect(Self.action(plan, "14 марта 2016 года") == .generalise)
        #expect(Self.action(plan, "+7 (928) 123-45-67") == .remove)
        // Review candidates (a name not on the list, an age) are removed unless the editor decides to keep them.
        #expect(Self.action(plan, "Магомед") == .remove)
        #expect(Self.action(plan, "17 лет") == .remove)
        #expect(plan.spans.allSatisfy { !$0.reason.isEmpty })
        #expect(plan.spans.first { $0.text == "Заиру Мусаеву" }?.term == 0)
        // Text order, no overlaps.
        #expect(zip(plan.spans, plan.spans.dropFirst()).allSatisfy { $0.end <= $1.start })
    }

    @Test("the automatic plan applied unchanged publishes no unlisted name it was unsure of")
    func failsClosed() throws {
        let (redactor, plan) = try Self.plan()
        let published = try redactor.apply(plan, to: Self.text, pseudonyms: try Pseudonyms(key: Self.key))
        #expect(!published.contains("Магомед"), "\(published)")
        #expect(!published.contains("17 лет"))
    }

    @Test("an applied plan pseudonymises, generalises and removes, and the review decisions are followed")
    func apply() throws {
        let (redactor, proposed) = try Self.plan()
        let plan = Self.setting(Self.setting(proposed, "Магомед", to: .remove), "17 лет", to: .generalise)
        let pseudonyms = try Pseudonyms(key: Self.key)
        let published = try redactor.apply(plan, to: Self.text, pseudonyms: pseudonyms)
        let person = pseudonyms.label(for: "Заира Мусаева", kind: .person, language: "ru")
        #expect(
            published
                == "Мою дочь \(person) забрали [март 2016] в [Ингушетия]. [redacted] "
                + "видел это. Её номер [redacted]. Ей было [15–19 лет].\n"
        )
        // The same plan in year precision.
        var yearly = plan
        yearly.datePrecision = .year
        #expect(try redactor.apply(yearly, to: Self.text, pseudonyms: pseudonyms).contains("забрали [2016] в"))
    }

    @Test("an excerpt publishes only its window, and may not cut a span")
    func excerpt() throws {
        let (redactor, plan) = try Self.plan()
        let pseudonyms = try Pseudonyms(key: Self.key)
        let start = Array(Self.text).firstIndex(of: "М")!  // "Мою"
        let end = Array(Self.text).firstIndex(of: ".")!
        #expect(
            try redactor.apply(plan, to: Self.text, pseudonyms: pseudonyms, excerpt: start..<end).hasSuffix(
                "в [Ингушетия]"))
        let cut = plan.spans[0].start + 2
        #expect(throws: AmanatRedactionError.self) {
            try redactor.apply(plan, to: Self.text, pseudonyms: pseudonyms, excerpt: 0..<cut)
        }
        #expect(throws: AmanatRedactionError.self) {
            try redactor.apply(plan, to: Self.text, pseudonyms: pseudonyms, excerpt: 0..<10_000)
        }
    }

    @Test("keeping a listed name or an identifier is refused by the leak check")
    func leaks() throws {
        let (redactor, plan) = try Self.plan()
        let pseudonyms = try Pseudonyms(key: Self.key)
        for text in ["Заиру Мусаеву", "Карабулаке", "+7 (928) 123-45-67", "14 марта 2016 года"] {
            #expect(throws: LeakError.self, "keeping \(text) was published") {
                try redactor.apply(Self.setting(plan, text, to: .keep), to: Self.text, pseudonyms: pseudonyms)
            }
        }
        // A plan whose spans were deleted leaks too.
        var emptied = plan
        emptied.spans = []
        #expect(throws: LeakError.self) { try redactor.apply(emptied, to: Self.text, pseudonyms: pseudonyms) }
    }

    @Test("a plan for another text, with moved or overlapping spans, or impossible actions, is refused")
    func refusals() throws {
        let (redactor, plan) = try Self.plan()
        let pseudonyms = try Pseudonyms(key: Self.key)
        #expect(throws: AmanatRedactionError.planMismatch) {
            try redactor.apply(plan, to: Self.text + " ", pseudonyms: pseudonyms)
        }
        var moved = plan
        moved.spans[0].start += 1
        #expect(throws: AmanatRedactionError.self) { try redactor.apply(moved, to: Self.text, pseudonyms: pseudonyms) }
        var overlapping = plan
        overlapping.spans[1].start = overlapping.spans[0].end - 1
        #expect(throws: AmanatRedactionError.self) {
            try redactor.apply(overlapping, to: Self.text, pseudonyms: pseudonyms)
        }
        #expect(throws: AmanatRedactionError.self, "a phone has no general form") {
            try redactor.apply(
                Self.setting(plan, "+7 (928) 123-45-67", to: .generalise), to: Self.text, pseudonyms: pseudonyms)
        }
        #expect(throws: AmanatRedactionError.self, "only people and places have labels") {
            try redactor.apply(
                Self.setting(plan, "+7 (928) 123-45-67", to: .pseudonymise), to: Self.text, pseudonyms: pseudonyms)
        }
        // A review candidate the editor labels gets a person's label made from its own text.
        let labelled = try redactor.apply(
            Self.setting(plan, "Магомед", to: .pseudonymise), to: Self.text, pseudonyms: pseudonyms)
        #expect(!labelled.contains("Магомед") && labelled.contains("[Человек "))
        #expect(throws: AmanatRedactionError.self, "pseudonyms need the case's key") {
            try redactor.apply(plan, to: Self.text, pseudonyms: nil)
        }
        var future = plan
        future.version = 2
        #expect(throws: AmanatRedactionError.unsupportedPlan(version: 2)) {
            try redactor.apply(future, to: Self.text, pseudonyms: pseudonyms)
        }
    }
}

@Suite("Generalisation")
struct GeneralisationTests {
    @Test(
        "dates in every form become their month or year",
        arguments: [
            ("14.03.2016", "[March 2016]", "[март 2016]"), ("14/03/16", "[March 2016]", "[март 2016]"),
            ("2016-03-14", "[March 2016]", "[март 2016]"), ("14 марта 2016 года", "[March 2016]", "[март 2016]"),
            ("в мае 2017-го", "[May 2017]", "[май 2017]"), ("March 14, 2016", "[March 2016]", "[март 2016]"),
            ("14 Sept 2015", "[September 2015]", "[сентябрь 2015]"), ("весной 2015 года", "[2015]", "[2015]"),
            ("summer of 2015", "[2015]", "[2015]"),
        ])
    func dates(written: String, english: String, russian: String) {
        #expect(Generalisation.date(written, precision: .month, language: "en") == english)
        #expect(Generalisation.date(written, precision: .month, language: "ru") == russian)
        #expect(Generalisation.date(written, precision: .year, language: "ru")?.count == 6)
    }

    @Test("ages become five-year ranges; places their region in either script")
    func agesAndPlaces() {
        #expect(Generalisation.age("17 лет", language: "ru") == "[15–19 лет]")
        #expect(Generalisation.age("aged 40", language: "en") == "[40–44 years old]")
        #expect(Generalisation.age("no age here", language: "en") == nil)
        #expect(Generalisation.place("Карабулак", language: "ru") == "[Ингушетия]")
        #expect(Generalisation.place("Karabulak", language: "en") == "[Ingushetia]")
        #expect(Generalisation.place("Нигдебург", language: "ru") == nil)
    }
}

@Suite("Review candidates and the common vocabulary")
struct CandidateVocabularyTests {
    static func candidates(_ text: String) -> [String] {
        let characters = Array(text)
        return CandidateDetector().spans(in: text).map { String(characters[$0.start..<$0.end]) }
    }

    @Test("a name at the start of a sentence is a candidate; a common word there is not")
    func sentenceStart() {
        let found = Self.candidates(
            "Магомед сказал, что всё видел. Потом он "
                + "ушёл. Когда мы приехали, Хасавюрт спал.")
        #expect(found.contains("Магомед") && found.contains("Хасавюрт"))
        #expect(!found.contains("Потом") && !found.contains("Когда"))
        let english = Self.candidates("Ruslan said nothing. After that we walked down Baker Street to the Office.")
        #expect(english.contains("Ruslan") && english.contains("Baker"))
        #expect(!english.contains("After") && !english.contains("Street"))
    }

    @Test("workplaces are candidates for review")
    func workplaces() {
        let russian = Self.candidates(
            "Он работал на заводе «Красный молот» до "
                + "войны, потом в магазине.")
        #expect(russian.contains { $0.hasPrefix("работал на заводе") } && russian.contains("«Красный молот»"))
        let english = Self.candidates("He worked at the Argun Cannery until 2002.")
        #expect(english.contains { $0.hasPrefix("worked at the Argun") })
    }
}
