public import AmanatVault
public import Hummingbird
import HummingbirdCore
import Logging
public import NIOCore

/// How `amanat serve` runs.
public struct IntakeSettings: Sendable {
    /// Where to listen; keep it on loopback and put Tor (or a reverse proxy) in front.
    public var host: String
    /// The port.
    public var port: Int
    /// Largest total of files in one submission, in bytes (default 500 MiB).
    public var uploadLimit: Int
    /// Requests handled at once; more get a "busy, try again" page.
    public var concurrencyLimit: Int
    /// Codename derivations (Argon2id, 64 MiB each) run at once; more wait in line.
    public var keyDerivations: Int
    /// Seconds a connection may stay idle (no bytes either way) before it is closed.
    public var idleTimeoutSeconds: Int = 60
    /// Seconds a request's headers may take to arrive whole, from their first byte.
    public var headerTimeoutSeconds: Int = 20
    /// The slowest average a request body may arrive at, in bytes per second, once `uploadGraceSeconds` have passed.
    public var minimumUploadRate: Int = 1024
    /// Seconds of a request body before `minimumUploadRate` applies (Tor circuits are slow to start).
    public var uploadGraceSeconds: Int = 10
    /// Connections open at once; more are answered with a short "busy" page and closed at once.
    public var connectionLimit: Int = 512
    /// Files in one submission or follow-up; more are refused, her words kept.
    public var fileLimit: Int = 50

    /// Settings; the defaults suit one small server.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, uploadLimit: Int = 500 << 20, concurrencyLimit: Int = 256,
        keyDerivations: Int = 2
    ) {
        self.host = host
        self.port = port
        self.uploadLimit = uploadLimit
        self.concurrencyLimit = concurrencyLimit
        self.keyDerivations = keyDerivations
    }
}

/// The web intake: its routes over one vault.
public enum IntakeServer {
    /// The application `amanat serve` runs: the router, bound to `settings.host:port`, with a logger
    /// that records only the server's own failures (never a request's address, agent or time).
    /// - Parameter onServerRunning: called once the server listens (tests read the port it was given).
    public static func application(
        vault: Vault, settings: IntakeSettings,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "amanat-serve")
        logger.logLevel = .error
        // No Date header on any response; a connection idle for a minute is closed, so idle sockets cannot
        // hold file descriptors.
        let http = HTTP1Channel.Configuration(
            additionalChannelHandlers: [DateHeaderRemover(), RequestPhases(), ResponseWiper()],
            idleTimeout: .seconds(Int64(settings.idleTimeoutSeconds)))
        // Slow headers, slow bodies and connections beyond the cap are cut off below the HTTP parser.
        let connections = ConnectionCount(limit: settings.connectionLimit)
        let limits = ConnectionGuard.Limits(settings)
        let server = HTTPServerBuilder { responder in
            GuardedHTTP1Channel(
                http1: HTTP1Channel(responder: responder, configuration: http), connections: connections,
                limits: limits)
        }
        return Application(
            router: router(vault: vault, settings: settings), server: server,
            configuration: ApplicationConfiguration(
                address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: onServerRunning, logger: logger)
    }

    /// The routes, for the server and for tests.
    public static func router(vault: Vault, settings: IntakeSettings) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: PrivacyMiddleware())
        router.add(middleware: ConcurrencyLimitMiddleware(limit: settings.concurrencyLimit))
        IntakeRoutes(vault: vault, settings: settings).register(on: router)
        return router
    }
}
