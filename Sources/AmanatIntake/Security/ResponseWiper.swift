import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Zeroes the body of every HTML page once it has been written to the network (a codename page, a mailbox, a
/// form filled again with her words), so the buffer is not freed with them in it.
final class ResponseWiper: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var isPage = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        switch part {
        case .head(let head):
            isPage = head.headerFields[.contentType]?.hasPrefix("text/html") == true
        case .body(let buffer) where isPage:
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.whenComplete { result in
                Wipe.buffer(buffer)
                promise?.completeWith(result)
            }
            context.write(data, promise: written)
            return
        default:
            break
        }
        context.write(data, promise: promise)
    }
}
