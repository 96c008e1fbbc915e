import AmanatCrypto
import Foundation
import Testing

@testable import AmanatVault

/// Decrypted JSON is parsed from protected memory in place.
@Suite("JSON parsed from protected memory")
struct SecretJSONTests {
    @Test("a testimony decodes from SecretBytes exactly as from Data, escapes and all")
    func testimony() throws {
        let testimony = Testimony(
            statement: "Он сказал: \"вернусь\"\n\tи ушёл", people: [.init(name: "Ахмед", role: "сын")],
            places: ["Карабулак"], dates: ["1998"], language: "ru")
        let json = try JSONEncoder().encode(testimony)
        let secret = SecretBytes(copying: Array(json))
        #expect(try SecretJSON.decode(Testimony.self, from: secret) == testimony)
        // The protected bytes are read, never changed.
        #expect(secret.publicBytes == Array(json))
    }

    @Test("malformed or empty JSON is refused")
    func malformed() {
        for text in ["", "{", "{\"statement\": 1}", "null"] {
            #expect(throws: (any Error).self, "\(text)") {
                try SecretJSON.decode(Testimony.self, from: SecretBytes(utf8: text))
            }
        }
    }
}
