import AmanatCrypto
import AmanatVault
import Foundation
import Hummingbird

/// The intake's routes: home, submit, codename, return with a codename, follow-up, withdrawal request, closing
/// a mailbox, style sheet, health.
struct IntakeRoutes: Sendable {
    let vault: Vault
    let settings: IntakeSettings
    let tokens = FormTokens()
    let gate: WorkGate

    init(vault: Vault, settings: IntakeSettings) {
        self.vault = vault
        self.settings = settings
        gate = WorkGate(permits: settings.keyDerivations)
    }

    private var limitMiB: Int { settings.uploadLimit >> 20 }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in
            var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "ok\n")))
            response.headers[.contentType] = "text/plain; charset=utf-8"
            return response
        }
        router.get("/style.css") { _, _ in
            var response = Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: Pages.style)))
            response.headers[.contentType] = "text/css; charset=utf-8"
            return response
        }
        router.get("/") { _, _ in Response.page(Pages.home(.ru)) }
        router.get("/:lang") { _, context in Response.page(Pages.home(try language(context))) }
        router.get("/:lang/submit") { request, context in
            let language = try language(context)
            return form(request) { Pages.submitForm(language, csrf: $0, limitMiB: limitMiB) }
        }
        router.post("/:lang/submit") { request, context in try await submit(request, language: try language(context)) }
        router.get("/:lang/return") { request, context in
            let language = try language(context)
            return form(request) { Pages.returnForm(language, csrf: $0) }
        }
        router.post("/:lang/return") { request, context in try await open(request, language: try language(context)) }
        router.post("/:lang/follow-up") { request, context in
            try await followUp(request, language: try language(context))
        }
        router.post("/:lang/withdraw") { request, context in
            try await decide(request, language: try language(context), closing: false)
        }
        router.post("/:lang/close") { request, context in
            try await decide(request, language: try language(context), closing: true)
        }
    }

    private func language(_ context: BasicRequestContext) throws -> Language {
        guard let code = context.parameters.get("lang"), let language = Language(rawValue: code) else {
            throw HTTPError(.notFound)
        }
        return language
    }

    /// A page with a form: its token, and the cookie that holds the browser's nonce when it has none yet.
    private func form(_ request: Request, status: HTTPResponse.Status = .ok, _ page: (String) -> String) -> Response {
        let existing = request.cookies[FormTokens.cookieName]?.value
        let nonce = FormTokens.nonce(fromCookie: existing)
        let fresh = nonce == nil ? FormTokens.newNonce() : nil
        var response = Response.page(
            page(tokens.token(nonce: nonce ?? (try! Base64URL.decode(fresh!)))), status: status)
        if let fresh {
            // A session cookie: no Max-Age or Expires, so the browser keeps no date of the visit and forgets it
            // when it closes (the token it binds expires on the server anyway).
            response.headers[.setCookie] = "\(FormTokens.cookieName)=\(fresh); Path=/; HttpOnly; SameSite=Strict"
        }
        return response
    }

    private func submit(_ request: Request, language: Language) async throws -> Response {
        let t = Strings(language)
        var reader = FormReader(vault: vault, limit: settings.uploadLimit, fileLimit: settings.fileLimit)
        // Her words are zeroed once the page is made (every path: refused, stored, failed).
        defer { reader.wipe() }
        do {
            try await reader.read(request, tokens: tokens, busy: RequestLimit.overLimit)
        } catch let failure as FormReader.Failure {
            // Her form again, filled in with what she typed, naming the files to choose again.
            let typed = reader.fields.filter { $0.key != "csrf" }
            let files = reader.fileNames
            return refusal(failure, request: request, language: language) {
                Pages.submitForm(
                    language, csrf: $0, limitMiB: limitMiB, problem: $1, values: typed, filesToChooseAgain: files)
            }
        }
        let fields = reader.fields
        let statement = fields["statement"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !statement.isEmpty else {
            reader.discard()
            let typed = fields.filter { $0.key != "csrf" }
            let files = reader.fileNames
            return form(request, status: .badRequest) {
                Pages.submitForm(
                    language, csrf: $0, limitMiB: limitMiB, problem: t.emptyStatement + " " + t.nothingStored,
                    values: typed, filesToChooseAgain: files)
            }
        }
        let people = (1...3).compactMap { index -> Testimony.Person? in
            let name = fields["person\(index)"]?.trimmingCharacters(in: .whitespaces) ?? ""
            return name.isEmpty
                ? nil
                : Testimony.Person(
                    name: name, role: fields["relation\(index)"]?.trimmingCharacters(in: .whitespaces) ?? "")
        }
        let testimony = Testimony(
            statement: statement, people: people, places: Self.lines(fields["places"]),
            dates: Self.lines(fields["dates"]),
            language: language.rawValue, contact: fields["contact"]?.trimmingCharacters(in: .whitespaces) ?? "")
        let uploads = reader.uploads
        let vault = self.vault
        let words: CodenameWordList.Language = language == .ru ? .russian : .english
        defer { Wipe.testimony(testimony) }
        let codename = try await gate.run {
            try vault.submit(testimony, uploads: uploads, codenameLanguage: words).codename
        }
        let shown = codename.reveal()
        defer { Wipe.string(shown) }
        return Response.page(Pages.codename(language, words: shown))
    }

    /// A codename form (return, withdraw, close) as read: its fields, or the page that refuses it.
    private enum CodenameForm {
        case read(URLEncodedForm)
        case refused(Response)
    }

    /// Reads a small URL-encoded form and checks its token. The body is zeroed here; the caller wipes the form.
    private func codenameForm(_ request: Request, language: Language) async throws -> CodenameForm {
        let t = Strings(language)
        // Only the forms with words to give back are read when the server is busy.
        if RequestLimit.overLimit { throw HTTPError(.serviceUnavailable) }
        let malformed = Response.page(
            Pages.problem(language, t.malformed, nothingStored: false, retry: "/\(language.rawValue)/return"),
            status: .badRequest)
        let body: [UInt8]
        do {
            body = try await Self.collect(request, upTo: 16 * 1024)
        } catch FormReader.Failure.malformed {
            return .refused(malformed)
        }
        defer { Wipe.bytes(body) }
        guard let form = URLEncodedForm(body) else { return .refused(malformed) }
        do {
            try tokens.check(
                form["csrf"], nonce: FormTokens.nonce(fromCookie: request.cookies[FormTokens.cookieName]?.value))
        } catch {
            form.wipe()
            return .refused(
                self.form(request, status: .badRequest) { Pages.returnForm(language, csrf: $0, problem: t.expiredForm) }
            )
        }
        return .read(form)
    }

    /// The page for a codename the vault refused: the return form again, or the day her mailbox was closed.
    private func refusal(_ error: AmanatVaultError, request: Request, language: Language) throws -> Response {
        let t = Strings(language)
        switch error {
        case .unknownCodename, .malformedCodename:
            return self.form(request, status: .unauthorized) {
                Pages.returnForm(language, csrf: $0, problem: t.badCodename)
            }
        case .mailboxClosed(let day):
            return Response.page(
                Pages.problem(language, t.mailboxClosed(day: t.date(day.description)), nothingStored: false),
                status: .gone)
        default: throw error
        }
    }

    private func open(_ request: Request, language: Language) async throws -> Response {
        let form: URLEncodedForm
        switch try await codenameForm(request, language: language) {
        case .read(let read): form = read
        case .refused(let page): return page
        }
        let typed = form["codename"] ?? ""
        defer { form.wipe() }
        let vault = self.vault
        do {
            let codename = try Codename(typed: SecretBytes(utf8: typed))
            let replies = try await gate.run { try vault.replies(codename: codename) }
            let nonce = FormTokens.nonce(fromCookie: request.cookies[FormTokens.cookieName]?.value)!
            return Response.page(
                Pages.mailbox(
                    language, replies: replies, codename: typed,
                    csrf: tokens.token(nonce: nonce), limitMiB: limitMiB))
        } catch let error as AmanatVaultError {
            return try refusal(error, request: request, language: language)
        }
    }

    /// Her decision from the mailbox page: ask for her testimony to be withdrawn, or close the mailbox (only
    /// with the box ticked that says she understands its replies are deleted for good).
    private func decide(_ request: Request, language: Language, closing: Bool) async throws -> Response {
        let form: URLEncodedForm
        switch try await codenameForm(request, language: language) {
        case .read(let read): form = read
        case .refused(let page): return page
        }
        defer { form.wipe() }
        let t = Strings(language)
        guard !closing || form["understood"] == "yes" else {
            return Response.page(
                Pages.problem(
                    language, t.closeNotConfirmed, nothingStored: false, retry: "/\(language.rawValue)/return"),
                status: .badRequest)
        }
        let vault = self.vault
        do {
            let codename = try Codename(typed: SecretBytes(utf8: form["codename"] ?? ""))
            if closing {
                let deleted = try await gate.run { try vault.closeMailbox(codename: codename) }
                return Response.page(
                    Pages.decided(language, title: t.closedTitle, text: t.closedText(replies: deleted)))
            }
            _ = try await gate.run { try vault.requestWithdrawal(codename: codename) }
            return Response.page(Pages.decided(language, title: t.withdrawnTitle, text: t.withdrawnText))
        } catch let error as AmanatVaultError {
            return try refusal(error, request: request, language: language)
        }
    }

    private func followUp(_ request: Request, language: Language) async throws -> Response {
        let t = Strings(language)
        var reader = FormReader(vault: vault, limit: settings.uploadLimit, fileLimit: settings.fileLimit)
        defer { reader.wipe() }
        do {
            try await reader.read(request, tokens: tokens, busy: RequestLimit.overLimit)
        } catch let failure as FormReader.Failure {
            // Her follow-up again, with what she typed; without a codename there is nothing to add to: the return page.
            let codename = reader.fields["codename"] ?? ""
            let statement = reader.fields["statement"] ?? ""
            let files = reader.fileNames
            return refusal(failure, request: request, language: language) {
                codename.isEmpty
                    ? Pages.returnForm(language, csrf: $0, problem: $1)
                    : Pages.followUpForm(
                        language, csrf: $0, codename: codename, limitMiB: limitMiB, problem: $1,
                        statement: statement, filesToChooseAgain: files)
            }
        }
        let statement = reader.fields["statement"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        defer { Wipe.string(statement) }
        guard !statement.isEmpty || !reader.uploads.isEmpty else {
            reader.discard()
            return Response.page(
                Pages.problem(language, t.emptyStatement, nothingStored: true, retry: "/\(language.rawValue)/return"),
                status: .badRequest)
        }
        let uploads = reader.uploads
        let vault = self.vault
        do {
            let codename = try Codename(typed: SecretBytes(utf8: reader.fields["codename"] ?? ""))
            let testimony = Testimony(statement: statement, language: language.rawValue)
            _ = try await gate.run { try vault.followUp(testimony, uploads: uploads, codename: codename) }
            return Response.page(Pages.added(language))
        } catch let error as AmanatVaultError {
            reader.discard()
            return try refusal(error, request: request, language: language)
        }
    }

    /// The page for a form that could not be read: a fresh form for an expired token, a clear problem otherwise.
    private func refusal(
        _ failure: FormReader.Failure, request: Request, language: Language,
        _ page: (String, String) -> String
    ) -> Response {
        let t = Strings(language)
        switch failure {
        case .token:
            return form(request, status: .badRequest) { page($0, t.expiredForm + " " + t.nothingStored) }
        case .tooLarge:
            return form(request, status: .contentTooLarge) {
                page($0, t.tooLarge(limitMiB: limitMiB) + " " + t.nothingStored)
            }
        case .malformed:
            return form(request, status: .badRequest) { page($0, t.malformed + " " + t.nothingStored) }
        case .badImage:
            return form(request, status: .badRequest) { page($0, t.badImage + " " + t.nothingStored) }
        case .tooManyFiles:
            return form(request, status: .contentTooLarge) {
                page($0, t.tooManyFiles(limit: settings.fileLimit) + " " + t.nothingStored)
            }
        case .busy:
            var response = form(request, status: .serviceUnavailable) {
                page($0, t.busyWordsBack + " " + t.nothingStored)
            }
            response.headers[.retryAfter] = "60"
            return response
        }
    }

    /// A small body, bounded, read into an array that is zeroed by the caller; each network buffer is zeroed too.
    private static func collect(_ request: Request, upTo limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            var body = request.body.makeAsyncIterator()
            while let buffer = try await FormReader.next(&body) {
                defer { Wipe.buffer(buffer) }
                guard bytes.count + buffer.readableBytes <= limit else { throw HTTPError(.contentTooLarge) }
                Wipe.append(buffer.readableBytesView, to: &bytes)
            }
        } catch {
            Wipe.bytes(bytes)
            throw error
        }
        return bytes
    }

    private static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
    }
}
