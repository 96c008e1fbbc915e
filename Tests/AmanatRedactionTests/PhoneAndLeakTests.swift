@testable import AmanatRedaction
import Testing

@Suite("Phone numbers and the leak check")
struct PhoneAndLeakTests {
    static func phones(in text: String) -> [String] {
        let characters = Array(text)
        return PhoneDetector().spans(in: text).map { String(characters[$0.start..<$0.end]) }
    }

    @Test(
        "every common way of writing a number",
        arguments: [
            "+7 (928) 123-45-67", "+7 928 123 45 67", "+79281234567", "8 928 1234567", "8 (928) 123-45-67",
            "89281234567",
            "+90 532 123 45 67", "+90 (532) 123-4567", "+905321234567", "+964 770 123 4567", "+964 7701234567",
            "+44 20 7946 0958",
        ])
    func numbers(number: String) {
        #expect(Self.phones(in: "Звонили с номера \(number), потом молчали.") == [number])
    }

    @Test("dates, years and short numbers are not phones")
    func notPhones() {
        for text in ["14.03.2016", "2017-11-30", "в 2002 году", "школа № 12", "серия 8309", "дом 12, кв. 4", "17 лет"] {
            #expect(Self.phones(in: text).isEmpty, "\(text)")
        }
    }

    @Test("redaction removes names in any form and phones, and the result passes the leak check")
    func redaction() throws {
        let redactor = try Redactor(terms: ["Заира Мусаева", "Карабулак"])
        let text =
            "З. М. Мусаева рассказала: сына Заиры увезли из "
            + "Карабулака. Звонили с +7 (928) 123-45-67."
        let redacted = try redactor.redact(text)
        #expect(
            redacted == "[redacted] рассказала: сына [redacted] увезли из [redacted]. "
                + "Звонили с [redacted].")
        #expect(redactor.spans(in: redacted).isEmpty)
        // The leak check refuses a text that still holds a term (nothing returned, only where).
        #expect(LeakError(span: Span(start: 1, end: 5, detector: .caseTerm)).description.contains("1..5"))
    }
}

@Suite("Failing closed")
struct FailClosedTests {
    @Test("if the result of redaction still contains a term, nothing is returned and the position is given")
    func leakRefused() throws {
        // A term that the replacement text itself contains: the leak check must catch it.
        let redactor = try Redactor(terms: ["Redacted"])
        #expect(throws: LeakError.self) { try redactor.redact("Redacted said so.") }
        do {
            _ = try redactor.redact("Redacted said so.")
        } catch let error as LeakError {
            #expect(error.span.detector == .caseTerm && error.description.contains("nothing was published"))
        }
    }
}
