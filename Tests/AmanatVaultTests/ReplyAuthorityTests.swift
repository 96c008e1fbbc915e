import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@testable import AmanatVault

/// A source is shown a reply only if its author's signature covers it (and, from payload version 2, the
/// author's whole key, the record and the day), a signed audit entry of that author wrote it, and the
/// author was the administrator or held a grant on a case with the record on that day.
@Suite("Replies that cannot be forged")
struct ReplyAuthorityTests {
    struct Scene {
        let t: TestVault
        let record: Testimony.ID
        let codename: Codename
        let caseID: Case.ID
        let lawyer = Identity()

        init() throws {
            t = try TestVault()
            (record, codename) = try t.submit()
            caseID = try t.makeCase([record])
            try t.grant(caseID, to: lawyer, days: 10)
        }

        /// Writes a reply the way an intruder with write access (and `author`'s secret keys) could: any payload
        /// version, any author key string, with or without the audit entry, on any day.
        func forge(
            by author: Identity, claiming claimed: Identity.PublicKey? = nil, version: Int? = 2,
            entry: Bool = true, day: Day = .today(), text: String = "Come alone to the bus station"
        ) throws {
            try t.vault.store.write { writer in
                let row = try #require(try writer.testimony(Data(record.rawValue)))
                let mailbox = try #require(try writer.mailbox(row.mailboxID))
                let id = Reply.ID()
                let shown = claimed ?? author.publicKey
                let statement =
                    version == nil
                    ? VaultFormat.replyStatement(reply: Data(id.rawValue), mailbox: mailbox.id, text: Array(text.utf8))
                    : VaultFormat.replyStatementV2(
                        reply: Data(id.rawValue), mailbox: mailbox.id, record: row.id, author: shown,
                        day: day.description, text: Array(text.utf8))
                let payload = ReplyPayload(
                    version: version, id: id.description, mailbox: Hex.encode(Array(mailbox.id)),
                    record: version == nil ? nil : Hex.encode(Array(row.id)),
                    day: version == nil ? nil : day.description, text: text,
                    author: shown.stringRepresentation,
                    signature: Base64URL.encode(author.signingKey.signature(for: statement)))
                let padded = try JSONEncoder().encode(payload).withUnsafeBytes { Padding.padToBucket($0) }
                let replyKey = try X25519.PublicKey(rawRepresentation: Array(mailbox.replyKey))
                try writer.insert(
                    ReplyRow(
                        id: Data(id.rawValue), mailboxID: mailbox.id, day: day.description,
                        sealed: Data(try SealedBox.seal(padded, to: replyKey))))
                if entry {
                    try AuditLog.append(
                        to: writer, action: "reply", objects: [Data(id.rawValue), row.id], actor: author, day: day)
                }
            }
        }
    }

    @Test("genuine replies show who wrote them: the organisation or a lawyer, with the fingerprint")
    func genuine() throws {
        let s = try Scene()
        try s.t.vault.reply(to: s.record, text: "from the organisation", as: .administrator(s.t.administrator))
        try s.t.vault.reply(to: s.record, text: "from the lawyer", as: .grantee(s.lawyer))
        let replies = try s.t.vault.replies(codename: s.codename)
        #expect(
            replies.map(\.role) == [.administrator, .grantee] || replies.map(\.role) == [.grantee, .administrator])
        #expect(Set(replies.map(\.author)) == [s.t.administrator.publicKey, s.lawyer.publicKey])
        // Version 1 replies (written before schema revision 3) are still shown when they pass the same rules.
        try s.forge(by: s.lawyer, version: nil, text: "old style")
        #expect(try s.t.vault.replies(codename: s.codename).count == 3)
    }

    @Test("a lawyer granted another case cannot reply to this source, even with a signed audit entry")
    func grantOnAnotherCase() throws {
        let s = try Scene()
        let (other, _) = try s.t.submit("другое")
        let outsider = Identity()
        try s.t.grant(try s.t.makeCase([other], title: "другое дело"), to: outsider)
        try s.forge(by: outsider)
        #expect(throws: AmanatVaultError.self) { try s.t.vault.replies(codename: s.codename) }
    }

    @Test("a reply without the signed audit entry that wrote it is refused")
    func noEntry() throws {
        let s = try Scene()
        try s.forge(by: s.lawyer, entry: false)
        #expect(throws: AmanatVaultError.self) { try s.t.vault.replies(codename: s.codename) }
    }

    @Test("a reply dated after the author's grant expired is refused")
    func afterExpiry() throws {
        let s = try Scene()
        try s.forge(by: s.lawyer, day: Day.today().adding(days: 30))
        #expect(throws: AmanatVaultError.self) { try s.t.vault.replies(codename: s.codename) }
    }

    @Test("a reply re-labelled with another encryption key under its author's signing key is refused")
    func swappedEncryptionHalf() throws {
        let s = try Scene()
        let claimed = Identity.PublicKey(
            encryption: Identity().publicKey.encryption, signing: s.lawyer.publicKey.signing)
        try s.forge(by: s.lawyer, claiming: claimed, version: nil)
        #expect(throws: AmanatVaultError.self) { try s.t.vault.replies(codename: s.codename) }
    }

    @Test("a reply re-labelled as the administrator's by a lawyer is refused")
    func claimsAdministrator() throws {
        let s = try Scene()
        try s.forge(by: s.lawyer, claiming: s.t.administrator.publicKey)
        #expect(throws: AmanatVaultError.self) { try s.t.vault.replies(codename: s.codename) }
    }

    @Test("names the administrator gave are shown with replies; a name she did not sign stops the mailbox")
    func names() throws {
        let s = try Scene()
        try s.t.vault.setAuthorName("Мемориал", for: s.t.administrator.publicKey, administrator: s.t.administrator)
        try s.t.vault.setAuthorName(
            "  Адвокат Е. "
                + "Петрова ", for: s.lawyer.publicKey, administrator: s.t.administrator)
        try s.t.vault.reply(to: s.record, text: "from the organisation", as: .administrator(s.t.administrator))
        try s.t.vault.reply(to: s.record, text: "from the lawyer", as: .grantee(s.lawyer))
        let names = Dictionary(
            uniqueKeysWithValues: try s.t.vault.replies(codename: s.codename).map { ($0.text, $0.authorName) })
        #expect(names == ["from the organisation": "Мемориал", "from the lawyer": "Адвокат Е. Петрова"])
        _ = try s.t.vault.verifyAudit()
        #expect(throws: AmanatVaultError.notAdministrator) {
            try s.t.vault.setAuthorName("Организация", for: s.lawyer.publicKey, administrator: s.lawyer)
        }
        for bad in ["", "   ", "Петрова\u{202E}авортеП", "line\nbreak", String(repeating: "я", count: 61)] {
            #expect(throws: AmanatVaultError.self) {
                try s.t.vault.setAuthorName(bad, for: s.lawyer.publicKey, administrator: s.t.administrator)
            }
        }
        // A name row rewritten by someone else (here: the lawyer naming herself) no longer verifies.
        try s.t.vault.store.write { writer in
            var row = try #require(
                try writer.authorName(signingKey: Data(s.lawyer.publicKey.signing.rawRepresentation)))
            row.name = "Организация"
            row.signature = Data(s.lawyer.signingKey.signature(for: VaultFormat.authorNameStatement(row)))
            try writer.save(row)
        }
        #expect(throws: AmanatVaultError.self) { try s.t.vault.replies(codename: s.codename) }
    }
}
