import NIOCore
import NIOHTTPTypes

/// Above the HTTP parser: tells the connection's `ConnectionGuard` where each request's head and body end, so
/// that it times headers and bodies, and not the time the server takes to answer.
final class RequestPhases: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private var connection: ConnectionGuard?

    func handlerAdded(context: ChannelHandlerContext) {
        connection = try? context.pipeline.syncOperations.handler(type: ConnectionGuard.self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: connection?.requestStarted()
        case .body: break
        case .end: connection?.requestEnded()
        }
        context.fireChannelRead(data)
    }
}
