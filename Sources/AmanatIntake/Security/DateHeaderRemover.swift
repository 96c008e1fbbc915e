import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Takes the `Date` header off every response on its way out. Hummingbird sets it after every middleware has
/// run, so `PrivacyMiddleware` cannot: this handler sits in the channel pipeline, after the responder. A
/// response that states the second it was made helps whoever logs traffic tie a visit to a time.
final class DateHeaderRemover: ChannelOutboundHandler, RemovableChannelHandler, Sendable {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        var part = unwrapOutboundIn(data)
        if case .head(var head) = part {
            head.headerFields[.date] = nil
            part = .head(head)
        }
        context.write(wrapOutboundOut(part), promise: promise)
    }
}
