import AmanatCrypto
import AmanatVault
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@_spi(Fuzzing) @testable import AmanatIntake

@Suite("The web intake over HTTP")
struct IntakeTests {
    static func post(
        _ client: some TestClientProtocol, _ uri: String, body: [UInt8], browser: Browser,
        contentType: String = MultipartBody.contentType
    ) async throws -> TestResponse {
        var headers = browser.headers
        headers[.contentType] = contentType
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    /// Opens the submit form and returns the browser and the form token.
    static func openForm(_ client: some TestClientProtocol, _ uri: String) async throws -> (Browser, String) {
        var browser = Browser()
        let page = try await client.execute(uri: uri, method: .get)
        browser.keep(page)
        return (browser, try #require(Browser.token(in: page.text)))
    }

    @Test("every page and every error carries the privacy headers, and no cookie but the form's")
    func headers() async throws {
        let fixture = try IntakeFixture()
        try await fixture.application.test(.router) { client in
            for (uri, method, status) in [
                ("/", HTTPRequest.Method.get, HTTPResponse.Status.ok), ("/ru/", .get, .ok), ("/en", .get, .ok),
                ("/ru/submit", .get, .ok), ("/en/return", .get, .ok), ("/style.css", .get, .ok),
                ("/health", .get, .ok), ("/nowhere", .get, .notFound), ("/fr/submit", .get, .notFound),
                ("/ru/submit", .post, .badRequest), ("/en/return", .post, .badRequest),
                ("/en/follow-up", .post, .badRequest), ("/en/withdraw", .post, .badRequest),
                ("/ru/close", .post, .badRequest),
            ] {
                let response = try await client.execute(uri: uri, method: method)
                #expect(response.status == status, "\(method) \(uri)")
                for (name, value) in privacyHeaders {
                    #expect(
                        response.headers[HTTPField.Name(name)!]?.contains(value) == true,
                        "\(name) missing on \(method) \(uri)")
                }
                if let cookie = response.headers[.setCookie] {
                    #expect(
                        cookie.hasPrefix("amanat_form=") && cookie.contains("HttpOnly")
                            && cookie.contains("SameSite=Strict"))
                    #expect(!cookie.contains("Max-Age") && !cookie.contains("Expires"), "a session cookie: \(cookie)")
                }
                #expect(!response.text.contains("<script"))
            }
        }
    }

    @Test("the home page says that excerpts may be published, with names and places removed, in both languages")
    func publicationNotice() async throws {
        let fixture = try IntakeFixture()
        try await fixture.application.test(.router) { client in
            let russian = try await client.execute(uri: "/ru/", method: .get).text
            let english = try await client.execute(uri: "/en/", method: .get).text
            #expect(russian.contains("опубликовать отрывки"))
            #expect(english.contains("may publish excerpts"))
        }
    }

    @Test("the return page lets her see the codename she types (a plain text field on a no-store page)")
    func visibleCodename() async throws {
        let fixture = try IntakeFixture()
        try await fixture.application.test(.router) { client in
            for uri in ["/ru/return", "/en/return"] {
                let page = try await client.execute(uri: uri, method: .get)
                #expect(page.text.contains(#"id="codename" name="codename" type="text""#), "\(uri)")
                #expect(!page.text.contains(#"type="password""#))
                #expect(page.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test(
        "a submission with a file is stored encrypted, opens with the administrator's key, and shows the codename once")
    func submit() async throws {
        let fixture = try IntakeFixture()
        let photo = SecureRandom.bytes(70_000)
        try await fixture.application.test(.router) { client in
            let (browser, token) = try await Self.openForm(client, "/ru/submit")
            var body = MultipartBody()
            body.field("csrf", token)
            body.field(
                "statement",
                "Мой сын Ахмед ушёл 14 марта 2002 года и не "
                    + "вернулся.")
            body.field("person1", "Ахмед Хакиев")
            body.field("relation1", "сын")
            body.field("places", "Карабулак\nНазрань")
            body.file("files", filename: "photo.bin", photo)
            body.file("files", filename: "", [])
            let response = try await Self.post(client, "/ru/submit", body: body.finished(), browser: browser)
            #expect(response.status == .ok)
            #expect(response.text.contains("class=\"codename\""))
        }
        let inbox = try fixture.vault.inbox()
        #expect(inbox.count == 1 && inbox[0].language == "ru")
        let opened = try fixture.vault.open(inbox[0].id, as: .administrator(fixture.administrator))
        #expect(
            opened.people == [.init(name: "Ахмед Хакиев", role: "сын")] && opened.places == ["Карабулак", "Назрань"])
        #expect(opened.attachments.count == 1 && opened.attachments[0].name == "photo.bin")
        let out = fixture.directory + "/out.bin"
        try fixture.vault.exportAttachment(opened.attachments[0], to: out)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: out))) == photo)
    }

    @Test("she comes back with her codename however typed, reads a reply, and adds more")
    func returnAndFollowUp() async throws {
        let fixture = try IntakeFixture()
        let (record, codename) = try fixture.vault.submit(Testimony(statement: "Первый рассказ.", language: "ru"))
        let lawyer = Identity()
        let caseID = try fixture.vault.createCase(title: "Дело", administrator: fixture.administrator)
        try fixture.vault.assign([record], to: caseID, administrator: fixture.administrator)
        try fixture.vault.issueGrant(
            case: caseID, to: lawyer.publicKey, expires: Day.today().adding(days: 30),
            administrator: fixture.administrator)
        try fixture.vault.reply(
            to: record,
            text: "Мы получили ваше "
                + "заявление.", as: .grantee(lawyer))
        let typed =
            "  " + codename.reveal().split(separator: " ").map { $0.prefix(4).uppercased() }.joined(separator: "   ")
            + " "
        try await fixture.application.test(.router) { client in
            let (browser, token) = try await Self.openForm(client, "/ru/return")
            let form = "csrf=\(token)&codename=\(typed.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
            let mailbox = try await Self.post(
                client, "/ru/return", body: Array(form.utf8), browser: browser,
                contentType: "application/x-www-form-urlencoded")
            #expect(mailbox.status == .ok)
            #expect(mailbox.text.contains("Мы получили ваше заявление."))
            let followToken = try #require(Browser.token(in: mailbox.text))
            var body = MultipartBody()
            body.field("csrf", followToken)
            body.field("codename", typed)
            body.field("statement", "Ещё одна деталь.")
            body.file("files", filename: "voice.ogg", Array("OggS voice".utf8))
            let added = try await Self.post(client, "/ru/follow-up", body: body.finished(), browser: browser)
            #expect(added.status == .ok, "\(added.text)")
            // A wrong codename gets a clear page and opens nothing.
            let wrong = "csrf=\(followToken)&codename=" + "aardvark+aback+abate+abdicate+abdomen+abet+abide+ability"
            let refused = try await Self.post(
                client, "/ru/return", body: Array(wrong.utf8), browser: browser,
                contentType: "application/x-www-form-urlencoded")
            #expect(refused.status == .unauthorized && refused.text.contains(Strings(.ru).badCodename))
        }
        let followUps = try fixture.vault.inbox().filter { $0.kind == .followUp }
        #expect(followUps.count == 1)
        let added = try fixture.vault.open(followUps[0].id, as: .administrator(fixture.administrator))
        #expect(added.statement == "Ещё одна деталь." && added.attachments.count == 1)
    }

    @Test("a missing or forged token, an oversized or cut-off upload and an empty statement store nothing")
    func badInput() async throws {
        let fixture = try IntakeFixture(uploadLimit: 10_000)
        try await fixture.application.test(.router) { client in
            let (browser, token) = try await Self.openForm(client, "/en/submit")
            func attempt(
                _ build: (inout MultipartBody) -> Void, finish: Bool = true, browser: Browser
            ) async throws -> TestResponse {
                var body = MultipartBody()
                build(&body)
                return try await Self.post(
                    client, "/en/submit", body: finish ? body.finished() : body.bytes, browser: browser)
            }
            let noToken = try await attempt({ $0.field("statement", "x") }, browser: browser)
            #expect(noToken.status == .badRequest && noToken.text.contains(Strings(.en).expiredForm))
            let forged = try await attempt(
                {
                    $0.field("csrf", "AAAA" + token.dropFirst(4))
                    $0.field("statement", "x")
                }, browser: browser)
            #expect(forged.status == .badRequest)
            let otherBrowser = try await attempt(
                {
                    $0.field("csrf", token)
                    $0.field("statement", "x")
                }, browser: Browser())
            #expect(otherBrowser.status == .badRequest)
            let big = try await attempt(
                {
                    $0.field("csrf", token)
                    $0.field("statement", "x")
                    $0.file("files", filename: "a.bin", SecureRandom.bytes(6000))
                    $0.file("files", filename: "b.bin", SecureRandom.bytes(6000))
                }, browser: browser)
            #expect(big.status == .contentTooLarge && big.text.contains(Strings(.en).nothingStored))
            let cut = try await attempt(
                {
                    $0.field("csrf", token)
                    $0.field("statement", "x")
                    $0.file("files", filename: "a.bin", SecureRandom.bytes(500))
                }, finish: false, browser: browser)
            #expect(cut.status == .badRequest && cut.text.contains(Strings(.en).malformed))
            let empty = try await attempt(
                {
                    $0.field("csrf", token)
                    $0.field("statement", "  \n")
                    $0.file("files", filename: "a.bin", SecureRandom.bytes(500))
                }, browser: browser)
            #expect(empty.status == .badRequest && empty.text.contains(Strings(.en).emptyStatement))
            let garbage = try await Self.post(
                client, "/en/submit", body: Array("not multipart".utf8), browser: browser, contentType: "text/plain")
            #expect(garbage.status == .badRequest)
            // Fields the form does not have, a field sent twice, or text beyond the limits are refused.
            let unknown = try await attempt(
                {
                    $0.field("csrf", token)
                    $0.field("statement", "x")
                    $0.field("junk1", "y")
                }, browser: browser)
            #expect(unknown.status == .badRequest)
            let twice = try await attempt(
                {
                    $0.field("csrf", token)
                    $0.field("statement", "x")
                    $0.field("statement", "y")
                }, browser: browser)
            #expect(twice.status == .badRequest)
            let long = try await attempt(
                {
                    $0.field("csrf", token)
                    $0.field("statement", "x")
                    $0.field("contact", String(repeating: "a", count: 5000))
                }, browser: browser)
            #expect(long.status == .contentTooLarge)
        }
        #expect(try fixture.vault.inbox().isEmpty)
        #expect(try fixture.blobFiles().isEmpty, "partial uploads were left behind")
    }

    @Test("a refused form comes back filled in with everything she typed, naming the files to choose again")
    func wordsKept() async throws {
        let fixture = try IntakeFixture(uploadLimit: 10_000)
        try await fixture.application.test(.router) { client in
            let (browser, token) = try await Self.openForm(client, "/ru/submit")
            let statement =
                "Мой сын ушёл 14 марта <и не вернулся> & \"никто\" не "
                + "знает"
            func attempt(csrf: String?, statement text: String, file: Int) async throws -> TestResponse {
                var body = MultipartBody()
                if let csrf { body.field("csrf", csrf) }
                body.field("statement", text)
                body.field("person1", "Ахмед Хакиев")
                body.field("places", "Карабулак\nНазрань")
                body.file("files", filename: "фото.jpg", SecureRandom.bytes(file))
                return try await Self.post(client, "/ru/submit", body: body.finished(), browser: browser)
            }
            for (csrf, text, size) in [
                ("AAAA" + token.dropFirst(4), statement, 100), (nil, statement, 100),
                (token, statement, 20_000), (token, "  \n", 100),
            ] as [(String?, String, Int)] {
                let page = try await attempt(csrf: csrf, statement: text, file: size)
                #expect(page.status != .ok)
                if text == statement {
                    #expect(
                        page.text.contains(
                            "Мой сын ушёл 14 марта &lt;и не вернулся&gt; &amp; "
                                + "&quot;никто&quot; не знает"),
                        "\(page.status)")
                }
                #expect(page.text.contains(#"value="Ахмед Хакиев""#))
                #expect(page.text.contains("Карабулак\nНазрань"))
                #expect(page.text.contains("фото.jpg"), "the page names the file to choose again")
                #expect(page.text.contains(Strings(.ru).nothingStored))
                #expect(Browser.token(in: page.text) != nil, "a fresh token to send it again")
            }
        }
        #expect(try fixture.vault.inbox().isEmpty)
        #expect(try fixture.blobFiles().isEmpty)
    }

    @Test("a refused follow-up comes back with what she added and her codename, naming the files to choose again")
    func followUpWordsKept() async throws {
        let fixture = try IntakeFixture(uploadLimit: 10_000)
        try await fixture.application.test(.router) { client in
            let (browser, token) = try await Self.openForm(client, "/en/return")
            var body = MultipartBody()
            body.field("csrf", "AAAA" + token.dropFirst(4))
            body.field("codename", "apple brave cedar delta eagle fable giant harbor")
            body.field("statement", "He was seen again <in 2004> at the market")
            body.file("files", filename: "letter.pdf", SecureRandom.bytes(100))
            let page = try await Self.post(client, "/en/follow-up", body: body.finished(), browser: browser)
            #expect(page.status == .badRequest)
            #expect(page.text.contains("He was seen again &lt;in 2004&gt; at the market"))
            #expect(page.text.contains(#"name="codename" value="apple brave cedar delta eagle fable giant harbor""#))
            #expect(page.text.contains("letter.pdf") && page.text.contains(Strings(.en).nothingStored))
            #expect(Browser.token(in: page.text) != nil)
        }
        #expect(try fixture.vault.inbox().isEmpty)
        #expect(try fixture.blobFiles().isEmpty)
    }

    @Test("nothing about the visitor (address, browser, language) reaches any file of the vault")
    func noVisitorData() async throws {
        let fixture = try IntakeFixture()
        let agent = "AmanatTestAgent/9.9 (X11; Linux; rv:115.0)"
        let address = "203.0.113.77"
        try await fixture.application.test(.router) { client in
            var headers = HTTPFields()
            headers[.userAgent] = agent
            headers[HTTPField.Name("X-Forwarded-For")!] = address
            headers[.acceptLanguage] = "ru-RU,ru;q=0.9"
            let page = try await client.execute(uri: "/ru/submit", method: .get, headers: headers)
            var browser = Browser()
            browser.keep(page)
            var body = MultipartBody()
            body.field("csrf", try #require(Browser.token(in: page.text)))
            body.field("statement", "Текст.")
            var postHeaders = browser.headers
            postHeaders[.contentType] = MultipartBody.contentType
            postHeaders[.userAgent] = agent
            postHeaders[HTTPField.Name("X-Forwarded-For")!] = address
            let response = try await client.execute(
                uri: "/ru/submit", method: .post, headers: postHeaders, body: ByteBuffer(bytes: body.finished()))
            #expect(response.status == .ok)
        }
        #expect(try fixture.vault.inbox().count == 1)
        for file in try FileManager.default.subpathsOfDirectory(atPath: fixture.directory) {
            guard let data = FileManager.default.contents(atPath: fixture.directory + "/" + file) else { continue }
            for needle in [agent, address, "AmanatTestAgent", "ru-RU"] {
                #expect(data.range(of: Data(needle.utf8)) == nil, "\(needle) found in \(file)")
            }
        }
    }

    @Test("beyond the concurrency limit the server answers busy, with the same headers")
    func busy() async throws {
        let fixture = try IntakeFixture(concurrencyLimit: 0)
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(uri: "/en/", method: .get)
            #expect(response.status == .serviceUnavailable && response.text.contains(Strings(.en).busy))
            #expect(response.headers[.cacheControl] == "no-store")
        }
    }
}

@Suite("multipart/form-data, streamed")
struct MultipartParserTests {
    static func events(_ body: [UInt8], split: Int) throws -> [MultipartParser.Event] {
        var parser = MultipartParser(boundary: MultipartBody.boundary)
        var events: [MultipartParser.Event] = []
        var offset = 0
        while offset < body.count {
            events += try parser.feed(body[offset..<min(offset + split, body.count)])
            offset += split
        }
        try parser.finish()
        // Merge adjacent byte events so splits compare equal.
        var merged: [MultipartParser.Event] = []
        for event in events {
            if case .bytes(let more) = event, case .bytes(let before)? = merged.last {
                merged[merged.count - 1] = .bytes(before + more)
            } else {
                merged.append(event)
            }
        }
        return merged
    }

    @Test("any split of the body gives the same parts")
    func splits() throws {
        var body = MultipartBody()
        body.field("csrf", "token")
        body.field("statement", "Строка\r\nещё строка\r\n--не граница")
        body.file("files", filename: "фото \"1\".jpg", Array("\r\n--\r\n".utf8) + SecureRandom.bytes(3000))
        let whole = try Self.events(body.finished(), split: Int.max / 2)
        #expect(whole.count == 9)
        for split in [1, 2, 3, 7, 41, 64, 1000] {
            #expect(try Self.events(body.finished(), split: split) == whole, "split \(split)")
        }
    }

    @Test("a cut-off body, a part without a name and endless headers are malformed")
    func malformed() throws {
        var body = MultipartBody()
        body.field("a", "b")
        #expect(throws: MultipartParser.Malformed.self) { try Self.events(body.bytes, split: 10) }
        let nameless = Array(
            "--\(MultipartBody.boundary)\r\nContent-Type: text/plain\r\n\r\nx\r\n--\(MultipartBody.boundary)--\r\n".utf8
        )
        #expect(throws: MultipartParser.Malformed.self) { try Self.events(nameless, split: 10) }
        let endless = Array("--\(MultipartBody.boundary)\r\nX: ".utf8) + [UInt8](repeating: 65, count: 10_000)
        #expect(throws: MultipartParser.Malformed.self) { try Self.events(endless, split: 100) }
        #expect(MultipartParser.boundary(contentType: "multipart/form-data; boundary=\"abc\"") == "abc")
        #expect(MultipartParser.boundary(contentType: "text/plain") == nil)
    }
}
