@testable import AmanatRedaction
import AmanatCrypto
import Testing

@Suite("Pseudonyms")
struct PseudonymTests {
    static let key = SecretBytes(copying: Array("a case's pseudonym key, 32 bytes".utf8))

    @Test("the same person gets the same label in any case, script or spelling; the label tells nothing")
    func consistent() throws {
        let redactor = try Redactor(terms: ["Заира Мусаева", "place:Карабулак"])
        let pseudonyms = try Pseudonyms(key: Self.key)
        let text =
            "Заира Мусаева жила в Карабулаке. Заиру видели. Zaira "
            + "Musaeva left Karabulak. О Заире ничего."
        let redacted = try redactor.redact(text, pseudonyms: pseudonyms, language: "ru")
        let person = pseudonyms.label(for: "Заира Мусаева", kind: .person, language: "ru")
        let place = pseudonyms.label(for: "Карабулак", kind: .place, language: "ru")
        #expect(person.hasPrefix("[Человек ") && place.hasPrefix("[Место "))
        #expect(
            redacted == "\(person) жила в \(place). \(person) видели. \(person) left \(place). О "
                + "\(person) ничего.")
        #expect(!redacted.contains("Заир") && !redacted.contains("Zaira") && !redacted.contains("Карабулак"))
        #expect(pseudonyms.label(for: "Заира Мусаева", kind: .person, language: "en").hasPrefix("[Person "))
        // The label depends only on the person, not on the script she was listed in.
        #expect(pseudonyms.label(for: "Zaira Musaeva", kind: .person, language: "ru") == person)
    }

    @Test("labels differ between cases and keys must be real keys")
    func keys() throws {
        let other = try Pseudonyms(key: SecretBytes(copying: Array("another case's key, 32 bytes....".utf8)))
        let labels = ["Заира", "Мадина", "Рустам", "Ахмед", "Ислам", "Хава"].map {
            (
                try! Pseudonyms(key: Self.key).label(for: $0, kind: .person, language: "en"),
                other.label(for: $0, kind: .person, language: "en")
            )
        }
        #expect(labels.contains { $0.0 != $0.1 }, "two cases gave every person the same label")
        #expect(throws: AmanatRedactionError.weakPseudonymKey) {
            try Pseudonyms(key: SecretBytes(copying: [UInt8](repeating: 1, count: 8)))
        }
    }
}
