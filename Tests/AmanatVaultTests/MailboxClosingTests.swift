import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@_spi(Publication) @testable import AmanatVault

/// A source closing her mailbox, asking for her testimony to be withdrawn, and mailboxes closed after twelve
/// months unused (Docs/format.md §8.26). The scene is the shredding tests': her submission and follow-up, each
/// with a lawyer's reply, and another source's record.
@Suite("Closing mailboxes")
struct MailboxClosingTests {
    typealias Scene = ShreddingTests.Scene

    /// The sealed replies in the source's mailbox.
    static func sealedReplies(_ scene: Scene) throws -> [Data] {
        try scene.t.vault.store.read { reader in
            let row = try #require(try reader.testimony(Data(scene.first.rawValue)))
            return try reader.replies(mailboxID: row.mailboxID).map(\.sealed)
        }
    }

    @Test("the source closes her mailbox: its replies leave every file at once, and her codename opens nothing more")
    func closedBySource() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        let sealed = try Self.sealedReplies(scene)
        #expect(sealed.count == 2)
        #expect(try !scene.filesHolding(sealed).isEmpty)
        #expect(try vault.closeMailbox(codename: scene.codename) == 2)
        #expect(try scene.filesHolding(sealed) == [])

        let entry = try #require(try vault.store.read { try $0.lastAuditEntry() })
        #expect(entry.action == "mailbox.close" && entry.actor == nil && entry.signature == nil)
        #expect(Set(Vault.objectIDs(entry)) == [Data(scene.first.rawValue), Data(scene.followUp.rawValue)])
        let closed = AmanatVaultError.mailboxClosed(day: .today())
        #expect(
            try vault.closure(codename: scene.codename)
                == MailboxClosure(day: .today(), sequence: entry.sequence, bySource: true))
        #expect(throws: closed) { try vault.replies(codename: scene.codename) }
        #expect(throws: closed) { try vault.closeMailbox(codename: scene.codename) }
        #expect(throws: closed) { try vault.requestWithdrawal(codename: scene.codename) }
        #expect(throws: closed) { try vault.reply(to: scene.first, text: "?", as: .grantee(scene.lawyer)) }
        // A follow-up is refused with its attachment: nothing of it is stored.
        let blobs = try vault.blobs.ids().count
        let file = try scene.t.file("more.bin", SecureRandom.bytes(5_000))
        #expect(throws: closed) {
            try vault.followUp(
                TestVault.sample("later"), attachments: [AttachmentSource(path: file)], codename: scene.codename)
        }
        #expect(try vault.blobs.ids().count == blobs)
        #expect(try vault.inbox().count == 3)
        // Her testimony stays, and the log accounts for the replies that went.
        #expect(try vault.open(scene.followUp, as: .grantee(scene.lawyer)).statement == "more")
        #expect(try vault.verifyAudit().count == entry.sequence)
        #expect(closed.description.contains("closed on \(Day.today())"))
    }

    @Test("a reply put back after its mailbox was closed, or deleted without a close, fails the audit check")
    func repliesAccounted() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        let mailbox = try vault.store.read { try #require(try $0.testimony(Data(scene.first.rawValue))).mailboxID }
        let kept = try vault.store.read { try $0.replies(mailboxID: mailbox) }
        // Deleted outside Amanat, no close entry: the check names the missing reply.
        try vault.store.write { _ = try $0.delete(.reply, id: kept[0].id) }
        #expect { try vault.verifyAudit() } throws: { "\($0)".contains("is missing (it was deleted outside Amanat)") }
        try vault.store.write { try $0.insert(kept[0]) }
        _ = try vault.verifyAudit()
        try vault.closeMailbox(codename: scene.codename)
        try vault.store.write { try $0.insert(kept[1]) }
        #expect { try vault.verifyAudit() } throws: { error in
            guard case AmanatVaultError.auditMismatch(let message) = error else { return false }
            return message.contains("was deleted when audit entry") && message.contains("put back outside Amanat")
        }
    }

    @Test("a withdrawal request marks every record of her mailbox in the inbox, and nothing else")
    func withdrawal() throws {
        let scene = try Scene()
        let vault = scene.t.vault
        #expect(try vault.inbox().allSatisfy { $0.withdrawal == nil })
        let named = try vault.requestWithdrawal(codename: scene.codename)
        #expect(Set(named) == [scene.first, scene.followUp])
        let entry = try #require(try vault.store.read { try $0.lastAuditEntry() })
        #expect(entry.action == "withdrawal.request" && entry.actor == nil)
        let marked = try vault.inbox().filter { $0.withdrawal != nil }
        #expect(Set(marked.map(\.id)) == [scene.first, scene.followUp])
        #expect(marked.allSatisfy { $0.withdrawal == WithdrawalRequest(day: .today(), sequence: entry.sequence) })
        // Her mailbox stays open for the answer; the log verifies.
        #expect(try vault.replies(codename: scene.codename).count == 2)
        #expect(try vault.verifyAudit().count == entry.sequence)
        // Shredding what she asked for leaves the request in the log, and the log still verifies.
        try vault.shred([scene.first, scene.followUp], administrator: scene.t.administrator)
        #expect(try vault.inbox().map(\.id) == [scene.other])
        _ = try vault.verifyAudit()
    }

    @Test("retention run closes mailboxes unused for twelve months, signed; a dry run only counts them")
    func inactivity() throws {
        let scene = try Scene()
        let (vault, administrator) = (scene.t.vault, scene.t.administrator)
        let lastDay = Day.today().adding(days: Vault.mailboxInactivityDays)
        #expect(try vault.runRetention(administrator: administrator, today: lastDay).mailboxesClosed == 0)
        let dryRun = try vault.runRetention(administrator: administrator, today: lastDay.adding(days: 1), dryRun: true)
        #expect(dryRun.mailboxesClosed == 2 && dryRun.repliesDeleted == 0)
        #expect(try vault.replies(codename: scene.codename).count == 2)
        let report = try vault.runRetention(administrator: administrator, today: lastDay.adding(days: 1))
        #expect(report.mailboxesClosed == 2 && report.repliesDeleted == 2)
        let entries = try vault.store.read { try $0.auditEntries(action: "mailbox.close") }
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0.actor == Data(administrator.publicKey.signing.rawRepresentation) })
        #expect(try vault.closure(codename: scene.codename)?.bySource == false)
        #expect(throws: AmanatVaultError.mailboxClosed(day: lastDay.adding(days: 1))) {
            try vault.replies(codename: scene.codename)
        }
        #expect(
            try vault.runRetention(administrator: administrator, today: lastDay.adding(days: 2)).mailboxesClosed == 0)
        #expect(try vault.inbox().count == 3)
        _ = try vault.verifyAudit()
    }

    @Test("a reply within the twelve months keeps the mailbox open; twelve months after it, the mailbox closes")
    func replyKeepsOpen() throws {
        let t = try TestVault()
        let (record, _) = try t.vault.submit(TestVault.sample("first"))
        try t.vault.reply(to: record, text: "answer", as: .administrator(t.administrator))
        // The reply's row dated 200 days on, as if written then (the day the inactivity count reads).
        let replied = Day.today().adding(days: 200)
        try t.vault.store.write { writer in
            let mailbox = try #require(try writer.testimony(Data(record.rawValue))).mailboxID
            let row = try #require(try writer.replies(mailboxID: mailbox).first)
            _ = try writer.delete(.reply, id: row.id)
            try writer.insert(ReplyRow(id: row.id, mailboxID: mailbox, day: replied.description, sealed: row.sealed))
        }
        func due(_ day: Day) throws -> Int {
            try t.vault.runRetention(administrator: t.administrator, today: day, dryRun: true).mailboxesClosed
        }
        #expect(try due(Day.today().adding(days: Vault.mailboxInactivityDays + 1)) == 0)
        #expect(try due(replied.adding(days: Vault.mailboxInactivityDays)) == 0)
        #expect(try due(replied.adding(days: Vault.mailboxInactivityDays + 1)) == 1)
    }
}
