import AmanatCrypto
import AmanatPublication
import AmanatRedaction
import Foundation

extension FuzzTarget {
    /// A case's terms in random text (bytes 1 to 6 of the input become the terms in inflected forms): the
    /// redactor's output, when it gives one, holds no word form of a listed surname or place.
    static let redactionText = FuzzTarget(name: "redaction-text", reads: "testimony text with listed terms") { bytes in
        var text = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if (1...6).contains(scalar.value) {
                text += RedactionFixtures.insertions[Int(scalar.value) - 1]
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        let redactor = RedactionFixtures.redactor
        guard let published = try? redactor.redact(text, pseudonyms: RedactionFixtures.pseudonyms, language: "ru")
        else { return .refused }
        try RedactionFixtures.requireNoListedWord(in: published)
        return .accepted
    }

    /// Redaction plans as an editor's file gives them (`PlanDocument.decode`, Docs/redaction.md), applied to a
    /// text with the case's terms: refused, or a published text in which no listed term is found. The seeds
    /// are plans `amanat redact RECORD --plan-out` wrote for this very text (the plan records its digest).
    static let redactionPlan = FuzzTarget(name: "redaction-plan", reads: "redaction plan files (redaction.md)") {
        bytes in
        guard let plan = try? PlanDocument.decode(SecretBytes(copying: bytes)) else { return .refused }
        let text =
            "Мою дочь Заиру Мусаеву забрали 14 марта 2016 года в "
            + "Карабулаке. Её номер +7 (928) 123-45-67."
        let listed = ["Заира Мусаева", "place:Карабулак"]
        guard let redactor = try? Redactor(terms: listed + plan.terms.map(\.text)),
            let published = try? redactor.apply(plan, to: text, pseudonyms: RedactionFixtures.pseudonyms)
        else { return .refused }
        for name in ["Заир", "Мусаев", "Карабулак", "928"] {
            try require(!published.contains(name), "a listed term was published")
        }
        return .accepted
    }
}

/// The case the redaction targets redact for.
enum RedactionFixtures {
    /// The case's pseudonym key (public here: a fuzzing case).
    // swift-format-ignore: NeverUseForceTry
    static let pseudonyms = try! Pseudonyms(key: SecretBytes(copying: Array("the fuzzed case's pseudonym key!".utf8)))
    /// The case's term list.
    static let listed = ["Заира Мусаева", "Ахмед Хакиев", "place:Карабулак"]
    /// Its redactor, made once as `amanat redact` makes one per run.
    // swift-format-ignore: NeverUseForceTry
    static let redactor = try! Redactor(terms: listed)
    /// What input bytes 1 to 6 become.
    static let insertions = [
        "Заиру Мусаеву", "Заиры Мусаевой", "Ахмеда Хакиева", "Хакиеву", "Карабулаке", "КАРАБУЛАК",
    ]
    /// The word forms that must never be published (lower case, ё as е).
    static let forms: Set<String> = {
        let endings = ["", "а", "у", "ым", "ой", "е", "ом", "ы"]
        return Set(["мусаев", "хакиев", "карабулак"].flatMap { stem in endings.map { stem + $0 } })
    }()

    /// Throws unless no word of `text` is a form of a listed surname or place.
    static func requireNoListedWord(in text: String) throws(BrokenInvariant) {
        let folded = text.lowercased().replacingOccurrences(of: "ё", with: "е")
        for word in folded.split(whereSeparator: { !$0.isLetter }) {
            try require(!forms.contains(String(word)), "a listed term was published")
        }
    }
}
