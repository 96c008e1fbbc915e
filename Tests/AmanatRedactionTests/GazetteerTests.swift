import Testing

@testable import AmanatRedaction

@Suite("The bundled gazetteer")
struct GazetteerTests {
    @Test("every line of the data is a region, a place, a comment or blank; every place's region exists")
    func data() {
        let (regions, places, unreadable) = Gazetteer.entries()
        #expect(unreadable.isEmpty, "unreadable lines \(unreadable.prefix(5))")
        #expect(regions.count == 26 && places.count == 400)
        #expect(places.allSatisfy { regions[String($0.region)] != nil && !$0.spellings.contains("") })
    }

    @Test("places, their other spellings and inflected or Latin forms find their region")
    func lookups() {
        let gazetteer = Gazetteer.bundled
        #expect(gazetteer.region(of: "Карабулак")?.key == "ingushetia")
        #expect(gazetteer.region(of: "Argun")?.key == "chechnya")
        #expect(gazetteer.region(of: "Sharm el-Sheikh")?.key == "egypt")
        #expect(gazetteer.region(of: "Wien")?.russian == "Австрия")
        #expect(gazetteer.region(of: "Чечня")?.english == "Chechnya")
        #expect(gazetteer.region(of: "Атлантида") == nil)
        #expect(gazetteer.count >= 590)  // 947 spellings, fewer once folded alike
    }
}
