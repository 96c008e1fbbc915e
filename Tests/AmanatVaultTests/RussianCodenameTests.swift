import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

@Suite("Codenames in Russian")
struct RussianCodenameTests {
    @Test(
        "the Russian list: 4,096 distinct Cyrillic words, unique in their first four letters even with ё, й and ъ folded"
    )
    func wordList() {
        let words = CodenameWordList.russian
        #expect(words.count == 4096 && Set(words).count == 4096)
        #expect(
            words.allSatisfy { $0.count >= 4 && $0.unicodeScalars.allSatisfy { (0x0430...0x044F).contains($0.value) } })
        #expect(Set(words.map { String(CodenameWordList.fold($0).prefix(4)) }).count == 4096)
    }

    @Test("a Russian codename typed back with capitals, ё for е, й for и or four letters a word opens her mailbox")
    func typed() throws {
        let t = try TestVault()
        let (_, russian) = try t.vault.submit(
            Testimony(statement: "Мой рассказ.", language: "ru"), uploads: [], codenameLanguage: .russian)
        let shown = russian.reveal()
        #expect(shown.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) })
        let words = shown.split(separator: " ").map(String.init)
        let variants = [
            shown.uppercased(), words.map { String($0.prefix(4)) }.joined(separator: "  "),
            shown.replacingOccurrences(of: "е", with: "ё"), shown.replacingOccurrences(of: "и", with: "й"),
        ]
        for variant in variants {
            // The vault finds her mailbox (no replies yet, and no error).
            #expect(try t.vault.replies(codename: Codename(typed: SecretBytes(utf8: variant))).isEmpty, "\(variant)")
        }
        #expect(throws: AmanatVaultError.self) {
            try Codename(typed: SecretBytes(utf8: (["абвгдеёж"] + words.dropFirst()).joined(separator: " ")))
        }
    }

    @Test("the same word numbers in either list are the same codename: nothing stored shows the language")
    func sameSecret() throws {
        let russian = Codename.generate(in: .russian)
        let indices = russian.reveal().split(separator: " ").map {
            CodenameWordList.russian.firstIndex(of: String($0))!
        }
        let english = try Codename(
            typed: SecretBytes(utf8: indices.map { CodenameWordList.english[$0] }.joined(separator: " ")))
        #expect(english.phrase == russian.phrase)
        #expect(english.reveal() != russian.reveal())
        let salt = Data(SecureRandom.bytes(16))
        #expect(
            try english.mailboxKeys(salt: salt, parameters: .minimumForTesting).id
                == russian.mailboxKeys(salt: salt, parameters: .minimumForTesting).id)
    }
}
