import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

@Suite("Codenames, mailboxes and replies")
struct MailboxTests {
    @Test("the word list: 4,096 distinct lowercase words with unique four-letter prefixes")
    func wordList() {
        let words = CodenameWordList.english
        #expect(words.count == 4096)
        #expect(Set(words).count == words.count)
        #expect(words.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) } })
        #expect(Set(words.map { String($0.prefix(4)) }).count == words.count)
        #expect(words == words.sorted())
        // 8 words of 12 bits each: at least 90 bits.
        #expect(Double(Codename.wordCount) * log2(Double(words.count)) >= 90)
    }

    @Test("a codename typed with capitals, extra spaces, dashes or only four letters per word still works")
    func typedVariants() throws {
        let codename = Codename.generate()
        let words = codename.reveal().split(separator: " ").map(String.init)
        #expect(words.count == 8)
        let variants = [
            words.joined(separator: " "),
            "  " + words.joined(separator: "   ").uppercased() + "\n",
            words.joined(separator: "-"),
            words.map { String($0.prefix(4)) }.joined(separator: " "),
        ]
        for variant in variants {
            #expect(try Codename(typed: SecretBytes(utf8: variant)).reveal() == codename.reveal())
        }
        #expect(throws: AmanatVaultError.self) {
            try Codename(typed: SecretBytes(utf8: words.dropLast().joined(separator: " ")))
        }
        #expect(throws: AmanatVaultError.self) {
            try Codename(typed: SecretBytes(utf8: (words.dropLast() + ["zzzzqq"]).joined(separator: " ")))
        }
        // Errors name the position, never the words.
        do {
            _ = try Codename(typed: SecretBytes(utf8: (["qqqqzz"] + words.dropFirst()).joined(separator: " ")))
            Issue.record("a wrong word was accepted")
        } catch {
            // Exactly the fixed sentence: the position, and none of what was typed (a substring check flaked
            // whenever a random codename word happened to occur in the sentence, such as "check").
            let message = String(describing: error)
            let expected = AmanatVaultError.malformedCodename(
                "word 1 is not one of the codename words; check its spelling")
            #expect(message == expected.description)
        }
        #expect(String(describing: codename) == "Codename(redacted)")
    }

    @Test("a grantee's reply reaches the source through her codename, signed; a wrong codename opens nothing")
    func replies() throws {
        let t = try TestVault()
        let (id, codename) = try t.submit()
        let caseID = try t.makeCase([id])
        let lawyer = Identity()
        try t.grant(caseID, to: lawyer)
        #expect(try t.vault.replies(codename: codename).isEmpty)
        try t.vault.reply(to: id, text: "Мы получили ваше заявление.", as: .grantee(lawyer))
        try t.vault.reply(to: id, text: "Second reply", as: .administrator(t.administrator))

        let typed = try Codename(typed: SecretBytes(utf8: codename.reveal().uppercased()))
        let replies = try t.vault.replies(codename: typed)
        #expect(
            replies.map(\.text) == ["Мы получили ваше заявление.", "Second reply"]
                || replies.map(\.text) == ["Second reply", "Мы получили ваше заявление."])
        #expect(Set(replies.map(\.author)) == [lawyer.publicKey, t.administrator.publicKey])

        #expect(throws: AmanatVaultError.unknownCodename) { try t.vault.replies(codename: Codename.generate()) }
        #expect(throws: AmanatVaultError.self) { try t.vault.reply(to: id, text: "x", as: .grantee(Identity())) }
        #expect(throws: AmanatVaultError.self) { try t.vault.reply(to: id, text: "   ", as: .grantee(lawyer)) }
    }

    @Test("a follow-up with the codename joins the same mailbox; with another codename it is refused")
    func followUps() throws {
        let t = try TestVault()
        let (first, codename) = try t.submit("first")
        let second = try t.vault.followUp(TestVault.sample("more"), codename: codename)
        #expect(try t.vault.submissionCount(codename: codename) == 2)
        let rows = try t.vault.store.read { try $0.testimonies() }
        #expect(Set(rows.map(\.mailboxID)).count == 1)
        #expect(try t.vault.open(second, as: .administrator(t.administrator)).statement == "more")
        #expect(try t.vault.inbox().first { $0.id == second }?.kind == .followUp)
        #expect(try t.vault.inbox().first { $0.id == first }?.kind == .submission)
        #expect(throws: AmanatVaultError.unknownCodename) {
            try t.vault.followUp(TestVault.sample(), codename: Codename.generate())
        }
    }
}
