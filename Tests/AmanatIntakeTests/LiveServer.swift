import AmanatVault
import Foundation
import Hummingbird

@testable import AmanatIntake

#if canImport(Glibc)
import Glibc
#endif

/// The real server (the NIO pipeline with every channel handler, not just the router) over one fixture's
/// vault, on a loopback port of its own; stopped when `body` returns. `body` runs on a thread of its own (sockets
/// block) and returns what it saw, to be checked in the test's own task.
func withLiveIntake<Seen: Sendable>(
    _ fixture: IntakeFixture, _ configure: (inout IntakeSettings) -> Void,
    _ body: @escaping @Sendable (Int) throws -> Seen
) async throws -> Seen {
    var settings = fixture.settings
    settings.host = "127.0.0.1"
    settings.port = 0
    configure(&settings)
    let (ports, found) = AsyncStream.makeStream(of: Int.self)
    let app = IntakeServer.application(vault: fixture.vault, settings: settings) { channel in
        found.yield(channel.localAddress?.port ?? 0)
        found.finish()
    }
    let server = Task { try await app.runService(gracefulShutdownSignals: []) }
    var next = ports.makeAsyncIterator()
    let port = await next.next() ?? 0
    // Sockets block: the script runs on a thread of its own, never on the pool the server's handlers need.
    let outcome: Result<Seen, any Error> = await withCheckedContinuation { done in
        Thread.detachNewThread { done.resume(returning: Result { try body(port) }) }
    }
    server.cancel()
    _ = await server.result
    return try outcome.get()
}

/// A bare TCP connection to the server on loopback, for what no HTTP client does: trickling bytes, holding a
/// connection open, seeing when the server closes it.
final class RawConnection {
    private let descriptor: Int32

    struct Failure: Error { let code: Int32 }

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard descriptor >= 0, connected == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(code: code)
        }
    }

    deinit { close(descriptor) }

    /// Sends bytes; false once the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) == $0.count }
    }

    /// What the server sends within `seconds`, and whether it closed the connection by then.
    func receive(for seconds: Double) -> (text: String, closed: Bool) {
        let deadline = Date().addingTimeInterval(seconds)
        var received: [UInt8] = []
        while true {
            let left = deadline.timeIntervalSinceNow
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(max(0, left) * 1000))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return (String(decoding: received, as: UTF8.self), false) }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { return (String(decoding: received, as: UTF8.self), true) }  // the end, or a reset
            received += buffer[..<count]
        }
    }
}
