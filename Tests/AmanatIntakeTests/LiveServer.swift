import AmanatCrypto
import AmanatVault
import Foundation
import Testing

@testable import AmanatIntake

#if canImport(Glibc)
import Glibc
#endif

/// `amanat serve`, the real server (the NIO pipeline with every channel handler, not just the router), over one
/// fixture's vault on a loopback port of its own, with `options`; stopped when `body` returns. It runs in its own
/// process, so the tests running beside it cannot starve its threads. `body` runs on a thread of its own (sockets
/// block) and returns what it saw, to be checked in the test's own task.
func withLiveIntake<Seen: Sendable>(
    _ fixture: IntakeFixture, _ options: [String], _ body: @escaping @Sendable (Int) throws -> Seen
) async throws -> Seen {
    let binary = try #require(ServeBinary.path, "amanat is built beside the tests by `swift build --build-tests`")
    let outcome: Result<Seen, any Error> = await withCheckedContinuation { done in
        Thread.detachNewThread {
            done.resume(
                returning: Result {
                    let port = try RawConnection.freePort()
                    let server = Process()
                    server.executableURL = URL(fileURLWithPath: binary)
                    server.arguments =
                        [
                            "serve", "--vault", fixture.directory, "--listen", "127.0.0.1:\(port)",
                            "--administrator-key", fixture.administrator.publicKey.stringRepresentation,
                        ] + options
                    var environment = ProcessInfo.processInfo.environment
                    environment["AMANAT_TEST_WEAK_KEYS"] = "1"
                    environment["XDG_CONFIG_HOME"] = fixture.directory + "/config"
                    server.environment = environment
                    server.standardOutput = FileHandle.nullDevice
                    server.standardError = FileHandle.nullDevice
                    try server.run()
                    defer {
                        server.terminate()
                        server.waitUntilExit()
                    }
                    try ServeBinary.waitUntilServing(port: port, server)
                    return try body(port)
                })
        }
    }
    return try outcome.get()
}

/// Finding and starting the `amanat` executable.
enum ServeBinary {
    /// The `amanat` built beside the test bundle, if any.
    static var path: String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("amanat")
                .path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("amanat").path,
            Bundle.main.bundleURL.appendingPathComponent("amanat").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct NotServing: Error, CustomStringConvertible {
        let description = "amanat serve did not answer /health within 60 s"
    }

    /// Waits until the server answers `/health`.
    static func waitUntilServing(port: Int, _ server: Process) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, server.isRunning {
            if let connection = try? RawConnection(port: port),
                connection.send("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                connection.receive(for: 5).text.hasPrefix("HTTP/1.1 200")
            {
                return
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw NotServing()
    }
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

    /// A loopback port nobody listens on right now.
    static func freePort() throws -> Int {
        let probe = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(probe) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(probe, $0, length) == 0 && getsockname(probe, $0, &length) == 0
            }
        }
        guard bound else { throw Failure(code: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Sends bytes; false once the server has closed the connection.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) == $0.count }
    }

    /// Closes the sending half: the server reads the end of the stream, and can still answer.
    func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

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
