import HTTPTypes
import Hummingbird
import Synchronization

/// Puts the privacy headers on every response, error pages and not-found pages included, and turns
/// every error into a calm page in the visitor's language. It logs nothing about the request.
struct PrivacyMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The headers every response carries.
    static var headers: [(HTTPField.Name, String)] {
        [
            (.contentSecurityPolicy, "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
            (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
            (HTTPField.Name("X-Frame-Options")!, "DENY"),
            (.cacheControl, "no-store"),
            (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
            (HTTPField.Name("Cross-Origin-Opener-Policy")!, "same-origin"),
            (HTTPField.Name("Cross-Origin-Resource-Policy")!, "same-origin"),
            (HTTPField.Name("Permissions-Policy")!, "camera=(), microphone=(), geolocation=(), interest-cohort=()"),
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let language = Language(path: request.uri.path)
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            let t = Strings(language)
            let message = status == .notFound ? t.notFound : (status == .serviceUnavailable ? t.busy : t.serverError)
            response = Response.page(Pages.problem(language, message, nothingStored: status != .notFound), status: status)
        }
        for (name, value) in Self.headers { response.headers[name] = value }
        return response
    }
}

/// Refuses new requests beyond a global limit with a "busy, try again" page (503), so the server's
/// memory stays bounded whatever the load.
struct ConcurrencyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    /// A count shared by every copy of the middleware.
    final class Counter: Sendable { let value = Mutex(0) }

    let limit: Int
    let inFlight = Counter()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let admitted = inFlight.value.withLock { count -> Bool in
            guard count < limit else { return false }
            count += 1
            return true
        }
        guard admitted else { throw HTTPError(.serviceUnavailable) }
        defer { inFlight.value.withLock { $0 -= 1 } }
        return try await next(request, context)
    }
}

extension Language {
    /// The language a path asks for (`/ru/…`, `/en/…`); Russian otherwise.
    init(path: String) {
        self = path.hasPrefix("/en") ? .en : .ru
    }
}

extension Response {
    /// An HTML page.
    static func page(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response(status: status, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
        response.headers[.contentType] = "text/html; charset=utf-8"
        return response
    }
}
