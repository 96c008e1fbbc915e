import HTTPTypes
import NIOCore
import Synchronization

/// The connections open at once, shared by every connection of one server.
final class ConnectionCount: Sendable {
    /// How many may be open.
    let limit: Int
    private let open = Mutex(0)

    init(limit: Int) { self.limit = max(1, limit) }

    /// Counts a new connection in, unless the cap is reached.
    func admit() -> Bool {
        open.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// Counts a closed connection out.
    func release() { open.withLock { $0 -= 1 } }
}

/// The first handler of every connection, below the HTTP parser: it sees the raw bytes and when the server asks
/// for more. It closes a connection
/// - beyond the cap (`ConnectionCount`), after a short bilingual "busy" answer that keeps nothing of it;
/// - whose request headers are not whole `headerTimeout` after their first byte (headers trickled byte by byte);
/// - whose request body arrives slower on average than `minimumRate`, once `grace` has passed.
/// The body's clock runs only while the server waits for bytes (a read is pending), so a server slowed by its
/// own work never blames the visitor. `RequestPhases`, above the parser, says where a request starts and ends.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// The time limits of one connection.
    struct Limits: Sendable {
        var headerTimeout: TimeAmount
        var minimumRate: Int
        var grace: TimeAmount

        init(_ settings: IntakeSettings) {
            headerTimeout = .seconds(Int64(settings.headerTimeoutSeconds))
            minimumRate = settings.minimumUploadRate
            grace = .seconds(Int64(settings.uploadGraceSeconds))
        }
    }

    private let connections: ConnectionCount
    private let limits: Limits
    private var counted = false
    private var refused = false
    /// When the first byte of request headers not yet whole arrived.
    private var headSince: NIODeadline?
    /// Between a request's head and its end: the body's bytes, and how long the server has waited for them.
    private var bodyOpen = false
    private var bodyBytes = 0
    private var waited = TimeAmount.zero
    /// Since when a read is pending (the server wants bytes and has none).
    private var readSince: NIODeadline?
    private var check: RepeatedTask?

    init(connections: ConnectionCount, limits: Limits) {
        self.connections = connections
        self.limits = limits
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { activate(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        activate(context)
        context.fireChannelActive()
    }

    private func activate(_ context: ChannelHandlerContext) {
        guard !counted, !refused else { return }
        guard connections.admit() else {
            refused = true
            context.writeAndFlush(wrapOutboundOut(.byteBuffer(Self.busy)), promise: nil)
            context.close(promise: nil)
            return
        }
        counted = true
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopChecking()
        if counted {
            counted = false
            connections.release()
        }
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopChecking()
        if counted {
            counted = false
            connections.release()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }  // nothing of a refused connection is read
        let now = NIODeadline.now()
        if let since = readSince {
            if bodyOpen { waited = waited + (now - since) }
            readSince = nil
        }
        if bodyOpen {
            bodyBytes += unwrapInboundIn(data).readableBytes
        } else if headSince == nil {
            headSince = now
            startChecking(context)
        }
        context.fireChannelRead(data)
    }

    func read(context: ChannelHandlerContext) {
        if readSince == nil { readSince = .now() }
        context.read()
    }

    /// A request's head was parsed: its body (if any) follows.
    func requestStarted() {
        headSince = nil
        bodyOpen = true
        bodyBytes = 0
        waited = .zero
    }

    /// A request's body ended.
    func requestEnded() {
        bodyOpen = false
        if headSince == nil { stopChecking() }
    }

    private func startChecking(_ context: ChannelHandlerContext) {
        guard check == nil else { return }
        let every = TimeAmount.milliseconds(250)
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: loop)
        check = loop.scheduleRepeatedTask(initialDelay: every, delay: every) { _ in
            let (handler, context) = bound.value
            handler.inspect(context)
        }
    }

    private func stopChecking() {
        check?.cancel()
        check = nil
    }

    /// Closes a connection too slow with its headers or its body.
    private func inspect(_ context: ChannelHandlerContext) {
        let now = NIODeadline.now()
        if let since = headSince, now - since > limits.headerTimeout {
            return cutOff(context)
        }
        if bodyOpen {
            let total = waited + (readSince.map { now - $0 } ?? .zero)
            let seconds = Double(total.nanoseconds) / 1e9
            if total > limits.grace, Double(bodyBytes) < Double(limits.minimumRate) * seconds {
                return cutOff(context)
            }
        }
        if headSince == nil, !bodyOpen { stopChecking() }
    }

    private func cutOff(_ context: ChannelHandlerContext) {
        stopChecking()
        context.close(promise: nil)
    }

    /// The answer to a connection beyond the cap: nothing of the request was read, so it keeps nothing, in both
    /// languages since the request (and its language) was not read either.
    static let busy: ByteBuffer = {
        let page = """
            <!doctype html><html lang="ru"><meta charset="utf-8"><title>Amanat</title>\
            <p>Сейчас слишком много посетителей. Ничего не сохранено. Подождите минуту и попробуйте снова.</p>\
            <p lang="en">Too many visitors right now. Nothing was stored. Wait a minute and try again.</p></html>\n
            """
        let body = Array(page.utf8)
        var head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/html; charset=utf-8\r\n"
        for (name, value) in PrivacyHeaders.all { head += "\(name.rawName): \(value)\r\n" }
        head += "Retry-After: 60\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        return ByteBuffer(bytes: Array(head.utf8) + body)
    }()
}
