import HTTPTypes
import Hummingbird
import Synchronization

/// The headers every response carries.
enum PrivacyHeaders {
    static var all: [(HTTPField.Name, String)] {
        [
            (
                .contentSecurityPolicy,
                "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
                    + "base-uri 'none'"
            ),
            (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
            (HTTPField.Name("X-Frame-Options")!, "DENY"),
            (.cacheControl, "no-store"),
            (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
            (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
            (HTTPField.Name("Cross-Origin-Resource-Policy")!, "same-origin"),
            (HTTPField.Name("Permissions-Policy")!, "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        ]
    }
}

/// Puts the privacy headers on every response, error pages and not-found pages included, and turns
/// every error into a calm page in the visitor's language. It logs nothing about the request.
struct PrivacyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let language = Language(path: request.uri.path)
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            let t = Strings(language)
            let message = status == .notFound ? t.notFound : (status == .serviceUnavailable ? t.busy : t.serverError)
            response = Response.page(
                Pages.problem(language, message, nothingStored: status != .notFound), status: status)
            if status == .serviceUnavailable { response.headers[.retryAfter] = "60" }
        }
        for (name, value) in PrivacyHeaders.all { response.headers[name] = value }
        return response
    }
}

/// Refuses new requests beyond a global limit with a "busy, try again" page (503), so the server's
/// memory stays bounded whatever the load. A form with her words (a submission or a follow-up) is still read
/// for its text alone, by at most `wordsBackLimit` requests at once, so the busy page can give them back; no file
/// of it is stored.
struct ConcurrencyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    /// A count shared by every copy of the middleware.
    final class Counter: Sendable { let value = Mutex(0) }

    let limit: Int
    let inFlight = Counter()
    let readingWordsBack = Counter()
    /// Busy forms read at once for her words (each holds at most the form's text, about 1 MiB).
    static var wordsBackLimit: Int { 16 }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if Self.enter(inFlight, below: limit) {
            defer { inFlight.value.withLock { $0 -= 1 } }
            return try await next(request, context)
        }
        let path = request.uri.path
        guard request.method == .post, path.hasSuffix("/submit") || path.hasSuffix("/follow-up"),
            Self.enter(readingWordsBack, below: Self.wordsBackLimit)
        else { throw HTTPError(.serviceUnavailable) }
        defer { readingWordsBack.value.withLock { $0 -= 1 } }
        return try await RequestLimit.$overLimit.withValue(true) { try await next(request, context) }
    }

    private static func enter(_ counter: Counter, below limit: Int) -> Bool {
        counter.value.withLock { count -> Bool in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }
}

/// Whether the request being handled came over the request limit (set by `ConcurrencyLimitMiddleware`).
enum RequestLimit {
    @TaskLocal static var overLimit = false
}

extension Language {
    /// The language a path asks for (`/ru/…`, `/en/…`); Russian otherwise.
    init(path: String) {
        self = path.hasPrefix("/en") ? .en : .ru
    }
}

extension Response {
    /// An HTML page.
    /// The page's text is zeroed once copied into the body, which `ResponseWiper` zeroes once it is sent.
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        defer { Wipe.string(html) }
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        response.headers[.contentType] = "text/html; charset=utf-8"
        return response
    }
}
