import AmanatCrypto
import AmanatVault
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AmanatIntake

/// Attacks on the intake from one visitor, each against the real server on loopback with short limits, so the
/// suite stays fast. Each failed on the server before these limits existed.
@Suite("An intake that survives a hostile visitor")
struct HostileVisitorTests {
    /// Short limits; the idle timeout is long, so only the limit under test can close a connection.
    static func short(headerTimeout: Int = 1, grace: Int = 1) -> [String] {
        [
            "--idle-timeout", "30", "--header-timeout", "\(headerTimeout)", "--upload-grace", "\(grace)",
            "--min-upload-rate", "1",
        ]
    }

    /// Seconds from now until the server closes `connection` while `trickle` sends a little every 100 ms; nil
    /// when it is still open after `seconds`.
    static func secondsUntilClosed(_ connection: RawConnection, within seconds: Double, trickle: String) -> Double? {
        let started = Date()
        while Date().timeIntervalSince(started) < seconds {
            if !connection.send(trickle) || connection.receive(for: 0.1).closed {
                return Date().timeIntervalSince(started)
            }
        }
        return nil
    }

    @Test("headers trickled one byte at a time are cut off at the header timeout")
    func slowHeaders() async throws {
        let fixture = try IntakeFixture()
        let closed = try await withLiveIntake(fixture, Self.short()) { port -> Double? in
            let connection = try RawConnection(port: port)
            guard connection.send("GET /en/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: ") else { return 0.0 }
            return Self.secondsUntilClosed(connection, within: 6, trickle: "a")
        }
        #expect(closed != nil && closed! < 4, "closed after \(String(describing: closed)) s")
    }

    @Test("a request body trickled below the floor is cut off after the grace; a brisk one is answered")
    func slowBody() async throws {
        let fixture = try IntakeFixture()
        let (closed, answer) = try await withLiveIntake(fixture, Self.short()) { port in
            let head =
                "POST /en/submit HTTP/1.1\r\nHost: localhost\r\nContent-Type: \(MultipartBody.contentType)\r\n"
                + "Content-Length: 100000\r\n\r\n"
            let slow = try RawConnection(port: port)
            slow.send(head + "--\(MultipartBody.boundary)\r\n")
            // 8 bytes every 100 ms: 80 bytes a second, against a floor of 1 KiB/s.
            let closed = Self.secondsUntilClosed(slow, within: 8, trickle: "abcdefgh")

            var body = MultipartBody()
            body.field("csrf", "x")
            body.field("statement", "words")
            let bytes = body.finished()
            let brisk = try RawConnection(port: port)
            let request =
                "POST /en/submit HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: \(MultipartBody.contentType)\r\nContent-Length: \(bytes.count)\r\n\r\n"
            brisk.send(Array(request.utf8) + bytes)
            return (closed, brisk.receive(for: 10).text)
        }
        #expect(closed != nil && closed! < 5, "closed after \(String(describing: closed)) s")
        #expect(answer.hasPrefix("HTTP/1.1 400"), "the form was read and answered: \(answer.prefix(40))")
    }

    @Test("a body cut short of its length, or with broken chunked encoding, gets 400 and stores nothing")
    func brokenBodies() async throws {
        let fixture = try IntakeFixture()
        let answers = try await withLiveIntake(fixture, []) { port -> [String] in
            var body = MultipartBody()
            body.field("csrf", "x")
            body.field("statement", "words")
            let bytes = body.finished()
            let multipart = "Content-Type: \(MultipartBody.contentType)\r\n"
            let form = "Content-Type: application/x-www-form-urlencoded\r\n"
            func head(_ path: String, _ headers: String) -> [UInt8] {
                Array("POST \(path) HTTP/1.1\r\nHost: localhost\r\n\(headers)\r\n".utf8)
            }
            let chunked = "Transfer-Encoding: chunked\r\n"
            // Cut short: the length promises more than comes before the end of the stream. Then a chunk size that
            // is not hex, and a chunk longer than its size.
            let cutMultipart: [UInt8] = head("/en/submit", multipart + "Content-Length: 5000\r\n") + bytes.prefix(60)
            let cutForm: [UInt8] = head("/en/return", form + "Content-Length: 500\r\n") + Array("csrf=x&code".utf8)
            let notHex: [UInt8] = head("/en/submit", multipart + chunked) + Array("zz\r\n".utf8) + bytes.prefix(40)
            var tooLong: [UInt8] = head("/en/follow-up", multipart + chunked) + Array("4\r\n".utf8)
            tooLong += bytes.prefix(30)
            tooLong += Array("\r\n0\r\n\r\n".utf8)
            let requests = [cutMultipart, cutForm, notHex, tooLong]
            return try requests.map { request in
                let connection = try RawConnection(port: port)
                connection.send(request)
                connection.finishSending()
                return connection.receive(for: 5).text
            }
        }
        for (index, answer) in answers.enumerated() {
            #expect(answer.hasPrefix("HTTP/1.1 400"), "request \(index): \(answer.prefix(60))")
        }
        #expect(try fixture.vault.inbox().isEmpty)
    }

    @Test("as many slow uploads as the request limit hold the server only until their grace runs out")
    func slowUploadsAtTheRequestLimit() async throws {
        let fixture = try IntakeFixture()
        let (before, closed, after) = try await withLiveIntake(fixture, Self.short(grace: 3) + ["--max-requests", "4"])
        {
            port -> (String, Double?, String) in
            let head =
                "POST /en/submit HTTP/1.1\r\nHost: localhost\r\nContent-Type: \(MultipartBody.contentType)\r\n"
                + "Content-Length: 100000\r\n\r\n--\(MultipartBody.boundary)\r\n"
            let slow = try (0..<4).map { _ in try RawConnection(port: port) }
            for connection in slow { connection.send(head) }
            Thread.sleep(forTimeInterval: 0.5)
            let health = "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            let busy = try RawConnection(port: port)
            busy.send(health)
            let before = busy.receive(for: 10).text
            // Each trickles 8 bytes every 100 ms, far below the floor, until the server has closed them all.
            let started = Date()
            var open = Set(slow.indices)
            while !open.isEmpty, Date().timeIntervalSince(started) < 8 {
                for index in open where !slow[index].send("abcdefgh") || slow[index].receive(for: 0.025).closed {
                    open.remove(index)
                }
            }
            let closed = open.isEmpty ? Date().timeIntervalSince(started) : nil
            let next = try RawConnection(port: port)
            next.send(health)
            return (before, closed, next.receive(for: 10).text)
        }
        #expect(before.hasPrefix("HTTP/1.1 503"), "the slow uploads held every request slot: \(before.prefix(40))")
        #expect(closed != nil && closed! < 5, "closed after \(String(describing: closed)) s")
        #expect(after.hasPrefix("HTTP/1.1 200"), "\(after.prefix(40))")
    }

    @Test("beyond --max-connections a connection gets a short busy answer and is closed, while the first are held")
    func connectionCap() async throws {
        let fixture = try IntakeFixture()
        let options = Self.short(headerTimeout: 30) + ["--max-connections", "3"]
        let (answer, heldOpen, health) = try await withLiveIntake(fixture, options) { port in
            Thread.sleep(forTimeInterval: 0.3)  // the start-up health check's connection is closed and counted out
            var held = try (0..<3).map { _ in try RawConnection(port: port) }
            Thread.sleep(forTimeInterval: 0.3)
            let extra = try RawConnection(port: port)
            let answer = extra.receive(for: 10)
            let heldOpen = held.allSatisfy { !$0.receive(for: 0.05).closed }
            // One held connection goes away: its slot is free again once the server has seen it close.
            held.removeFirst()
            var health = ""
            for _ in 0..<20 where !health.hasPrefix("HTTP/1.1 200") {
                Thread.sleep(forTimeInterval: 0.2)
                let next = try RawConnection(port: port)
                next.send("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                health = next.receive(for: 10).text
            }
            return (answer, heldOpen && held.count == 2, health)
        }
        #expect(answer.closed && answer.text.hasPrefix("HTTP/1.1 503"), "\(answer.text.prefix(40))")
        #expect(answer.text.contains("Ничего не сохранено") && answer.text.contains("Nothing was stored"))
        #expect(answer.text.contains("Cache-Control: no-store") && !answer.text.lowercased().contains("date:"))
        #expect(heldOpen, "a held connection was closed")
        #expect(health.hasPrefix("HTTP/1.1 200"), "\(health.prefix(40))")
    }

    @Test("2,000 one-byte files are refused, nothing stored, and the form comes back with her words")
    func tooManyFiles() async throws {
        let fixture = try IntakeFixture()
        try await fixture.application.test(.router) { client in
            let (browser, token) = try await IntakeTests.openForm(client, "/ru/submit")
            var body = MultipartBody()
            body.field("csrf", token)
            body.field("statement", "Мой сын ушёл <в марте> и не вернулся")
            body.field("person1", "Ахмед Хакиев")
            for index in 0..<2000 { body.file("files", filename: "f\(index).bin", [UInt8(index & 0xFF)]) }
            let page = try await IntakeTests.post(client, "/ru/submit", body: body.finished(), browser: browser)
            #expect(page.status == .contentTooLarge)
            #expect(page.text.contains("Мой сын ушёл &lt;в марте&gt; и не вернулся"))
            #expect(page.text.contains(#"value="Ахмед Хакиев""#))
            #expect(page.text.contains(Strings(.ru).tooManyFiles(limit: fixture.settings.fileLimit)))
            #expect(page.text.contains(Strings(.ru).nothingStored))
            #expect(Browser.token(in: page.text) != nil)

            // A follow-up too: her codename and words come back.
            let (returning, followToken) = try await IntakeTests.openForm(client, "/en/return")
            var more = MultipartBody()
            more.field("csrf", followToken)
            more.field("codename", "apple brave cedar delta eagle fable giant harbor")
            more.field("statement", "He was seen at the market")
            for index in 0..<2000 { more.file("files", filename: "g\(index).bin", [1]) }
            let again = try await IntakeTests.post(client, "/en/follow-up", body: more.finished(), browser: returning)
            #expect(again.status == .contentTooLarge)
            #expect(again.text.contains("He was seen at the market"))
            #expect(again.text.contains(Strings(.en).tooManyFiles(limit: fixture.settings.fileLimit)))
        }
        #expect(try fixture.vault.inbox().isEmpty)
        #expect(try fixture.blobFiles().isEmpty, "files of a refused form were left behind")
    }

    @Test("a busy server (503) stores nothing of a form and gives her words back, in her language")
    func busyWordsBack() async throws {
        let fixture = try IntakeFixture(concurrencyLimit: 0)
        try await fixture.application.test(.router) { client in
            // A form page cannot be had from a busy server; a token from another server's page is as good as
            // a stale one, since her words are read without checking it.
            var body = MultipartBody()
            body.field("csrf", "stale")
            body.field("statement", "Мой сын ушёл 14 марта & не вернулся")
            body.field("places", "Карабулак")
            body.file("files", filename: "фото.jpg", SecureRandom.bytes(500))
            let page = try await IntakeTests.post(client, "/ru/submit", body: body.finished(), browser: Browser())
            #expect(page.status == .serviceUnavailable)
            #expect(page.text.contains("Мой сын ушёл 14 марта &amp; не вернулся"))
            #expect(page.text.contains("Карабулак") && page.text.contains("фото.jpg"))
            #expect(page.text.contains(Strings(.ru).busyWordsBack) && page.text.contains(Strings(.ru).nothingStored))
            #expect(Browser.token(in: page.text) != nil, "a fresh token to send it again")
            #expect(page.headers[.cacheControl] == "no-store")
            // A request with no words to give back gets the plain busy page, in its language.
            let plain = try await client.execute(uri: "/en/return", method: .post)
            #expect(plain.status == .serviceUnavailable && plain.text.contains(Strings(.en).busy))
            #expect(plain.text.contains(Strings(.en).nothingStored))
        }
        #expect(try fixture.vault.inbox().isEmpty)
        #expect(try fixture.blobFiles().isEmpty)
    }
}
