import AmanatCrypto
import AmanatVault
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AmanatIntake

/// What a source decides on her mailbox page: asking for her testimony to be withdrawn, closing the mailbox;
/// and what the codename page tells her about mailboxes left unused.
@Suite("The source's decisions on the web")
struct MailboxDecisionTests {
    static let formType = "application/x-www-form-urlencoded"

    /// Her codename as a form value.
    static func encoded(_ codename: Codename) -> String {
        codename.reveal().addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    @Test("the codename page says that a mailbox unused for twelve months is closed, in both languages")
    func expiryTold() async throws {
        let fixture = try IntakeFixture()
        try await fixture.application.test(.router) { client in
            for language in [Language.ru, .en] {
                let (browser, token) = try await IntakeTests.openForm(client, "/\(language.rawValue)/submit")
                var body = MultipartBody()
                body.field("csrf", token)
                body.field("statement", "Рассказ.")
                let page = try await IntakeTests.post(
                    client, "/\(language.rawValue)/submit", body: body.finished(), browser: browser)
                #expect(page.status == .ok && page.text.contains(html(Strings(language).codenameExpiry)))
            }
        }
        #expect(Strings(.en).codenameExpiry.contains("twelve months") && Vault.mailboxInactivityDays == 365)
    }

    @Test("she asks for withdrawal, then closes her mailbox; afterwards her codename opens nothing and adds nothing")
    func withdrawThenClose() async throws {
        let fixture = try IntakeFixture()
        let vault = fixture.vault
        let (record, codename) = try vault.submit(Testimony(statement: "Первый рассказ.", language: "ru"))
        try vault.reply(to: record, text: "Мы получили.", as: .administrator(fixture.administrator))
        try await fixture.application.test(.router) { client in
            let (browser, token) = try await IntakeTests.openForm(client, "/en/return")
            let mailbox = try await IntakeTests.post(
                client, "/en/return", body: Array("csrf=\(token)&codename=\(Self.encoded(codename))".utf8),
                browser: browser, contentType: Self.formType)
            #expect(mailbox.text.contains("action=\"/en/withdraw\"") && mailbox.text.contains("action=\"/en/close\""))
            let pageToken = try #require(Browser.token(in: mailbox.text))
            let form = "csrf=\(pageToken)&codename=\(Self.encoded(codename))"
            func post(_ uri: String, _ body: String) async throws -> TestResponse {
                try await IntakeTests.post(
                    client, uri, body: Array(body.utf8), browser: browser, contentType: Self.formType)
            }

            let asked = try await post("/en/withdraw", form)
            #expect(asked.status == .ok && asked.text.contains(html(Strings(.en).withdrawnText)))
            #expect(try vault.inbox().map { $0.withdrawal?.day } == [.today()])

            // Closing without the box ticked closes nothing.
            let unticked = try await post("/en/close", form)
            #expect(unticked.status == .badRequest && unticked.text.contains(html(Strings(.en).closeNotConfirmed)))
            #expect(try vault.replies(codename: codename).count == 1)

            let closed = try await post("/en/close", form + "&understood=yes")
            #expect(closed.status == .ok && closed.text.contains(html(Strings(.en).closedText(replies: 1))))
            #expect(try vault.store.read { try $0.replyHeaders() }.isEmpty)

            let gone = html(Strings(.en).mailboxClosed(day: Strings(.en).date(Day.today().description)))
            let again = try await post("/en/return", form)
            #expect(again.status == .gone && again.text.contains(gone))
            var body = MultipartBody()
            body.field("csrf", pageToken)
            body.field("codename", codename.reveal())
            body.field("statement", "Ещё.")
            let added = try await IntakeTests.post(client, "/en/follow-up", body: body.finished(), browser: browser)
            #expect(added.status == .gone && added.text.contains(gone))
            let twice = try await post("/en/close", form + "&understood=yes")
            #expect(twice.status == .gone)
            // A wrong codename closes nothing and says so as the return page does.
            let wrong = "csrf=\(pageToken)&codename=aardvark+aback+abate+abdicate+abdomen+abet+abide+ability"
            let refused = try await post("/en/withdraw", wrong)
            #expect(refused.status == .unauthorized && refused.text.contains(html(Strings(.en).badCodename)))
        }
        #expect(try vault.inbox().count == 1)
        _ = try vault.verifyAudit()
    }
}
