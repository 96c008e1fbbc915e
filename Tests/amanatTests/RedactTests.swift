import Foundation
import Testing

@Suite("amanat redact")
struct RedactTests {
    @Test("a text is redacted against a term list; JSON shows the spans; bad input is refused clearly")
    func standalone() throws {
        let cli = try CLI()
        let text = try cli.write(
            "draft.txt",
            "Заиру Мусаеву видели в Карабулаке 14 марта 2016 года. Её "
                + "номер: +7 (928) 123-45-67, почта zaira@mail.ru.\n"
        )
        let terms = try cli.write("terms.txt", "Заира Мусаева\nКарабулак\n")
        let out = try cli.ok(["redact", "--text-file", text, "--terms-file", terms])
        // A first and last name together are one span; so are a day and its date words.
        #expect(
            out == "[redacted] видели в [redacted] [redacted]. Её номер: [redacted], почта "
                + "[redacted].\n")
        for word in ["Заир", "Мусаев", "Карабулак", "928", "zaira", "2016"] {
            #expect(!out.contains(word), "\(word) leaked")
        }
        let json = try cli.ok(["redact", "--text-file", text, "--terms-file", terms, "--json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let spans = try #require(parsed["spans"] as? [[String: Any]])
        #expect(Set(spans.compactMap { $0["detector"] as? String }) == ["case-term", "phone", "email", "date"])
        #expect(try cli.run(["redact", "--text-file", cli.path("missing.txt"), "--terms-file", terms]).status == 66)
        #expect(try cli.run(["redact", "--text-file", text, "--terms-file", terms, "--lang", "fr"]).status == 64)
    }
}

@Suite("amanat redact, failing closed")
struct RedactLeakTests {
    @Test("a leak found after redaction prints nothing on standard output and exits 5 with the position")
    func leak() throws {
        let cli = try CLI()
        let text = try cli.write("draft.txt", "Redacted said so.")
        let terms = try cli.write("terms.txt", "Redacted\n")
        let result = try cli.run(["redact", "--text-file", text, "--terms-file", terms])
        #expect(result.status == 5)
        #expect(result.out.isEmpty)
        #expect(result.err.hasPrefix("amanat: error: ") && result.err.contains("case-term at"))
    }
}

@Suite("amanat redact, the terms file")
struct RedactTermsFileTests {
    @Test("a terms file others can read gets a warning with the chmod that fixes it")
    func looseTerms() throws {
        let cli = try CLI()
        let text = try cli.write("draft.txt", "Заира ушла.")
        let terms = try cli.write("terms.txt", "Заира\n", mode: 0o644)
        let result = try cli.run(["redact", "--text-file", text, "--terms-file", terms])
        #expect(result.status == 0 && result.out == "[redacted] ушла.\n")
        #expect(result.err.contains("warning") && result.err.contains("chmod 600"))
    }
}

@Suite("amanat redact, pseudonyms")
struct RedactPseudonymTests {
    @Test("with a pseudonym key, people and places become consistent labels in the text's language")
    func labels() throws {
        let cli = try CLI()
        let text = try cli.write(
            "draft.txt",
            "Заиру Мусаеву видели в Карабулаке. "
                + "Потом Заира уехала.")
        let terms = try cli.write("terms.txt", "Заира Мусаева\nplace:Карабулак\n")
        let key = try cli.write("case.key", "a long random secret for this case\n")
        let out = try cli.ok(["redact", "--text-file", text, "--terms-file", terms, "--pseudonym-key-file", key])
        let labels = out.components(separatedBy: "[Человек ").count - 1
        #expect(labels == 2 && out.contains("[Место "), "\(out)")
        #expect(!out.contains("Заир") && !out.contains("Карабулак"))
        let again = try cli.ok(["redact", "--text-file", text, "--terms-file", terms, "--pseudonym-key-file", key])
        #expect(again == out)
        let json = try cli.ok([
            "redact", "--text-file", text, "--terms-file", terms, "--pseudonym-key-file", key, "--json",
        ])
        #expect(json.contains("\"pseudonymise\""))
    }
}
