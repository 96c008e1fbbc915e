import AmanatCrypto
import AmanatRedaction
import Foundation

/// Redaction of a 10,000-word testimony as an editor does it: the plan (every detector, and the review
/// candidates), then the plan applied with pseudonyms and generalisations and the result leak-checked
/// (every detector again), timed in-process over several runs after a warm-up.
enum RedactionWorkload {
    /// A 10,000-word Russian testimony in which one word in fifty is a name, place, phone or date.
    static func testimony() -> String {
        let words =
            "мой сын ушёл утром и не вернулся вечером позвонили с незнакомого номера мы искали его везде в городе и в селе люди говорили разное"
            .split(separator: " ")
        let found = [
            "Заиру", "Мусаевой", "Карабулаке", "Ахмеда", "Хакиевым", "+7 (928) 123-45-67", "14 марта 2016 года",
            "Khasanova",
        ]
        var generator = SystemRandomNumberGenerator()
        return (0..<10_000).map { index in
            index % 50 == 0
                ? found[Int.random(in: 0..<found.count, using: &generator)]
                : String(words[Int.random(in: 0..<words.count, using: &generator)])
        }.joined(separator: " ") + "."
    }

    /// Median milliseconds to plan, apply and leak-check the testimony, and its word count.
    static func run() throws -> (milliseconds: Double, words: Int) {
        let text = testimony()
        let redactor = try Redactor(terms: ["Заира Мусаева", "place:Карабулак", "Ахмед Хакиев", "Хасанова"])
        let pseudonyms = try Pseudonyms(key: SecretBytes(randomCount: 32))
        _ = try redactor.apply(redactor.plan(for: text, language: "ru"), to: text, pseudonyms: pseudonyms)
        var times: [Double] = []
        for _ in 0..<7 {
            let start = Clock.now()
            let plan = redactor.plan(for: text, language: "ru")
            _ = try redactor.apply(plan, to: text, pseudonyms: pseudonyms)
            times.append((Clock.now() - start) * 1000)
        }
        return (times.sorted()[times.count / 2], text.split(separator: " ").count)
    }
}
