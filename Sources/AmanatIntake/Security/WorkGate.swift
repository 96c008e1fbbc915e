import Foundation

/// Bounds the expensive work (deriving a codename with Argon2id, 64 MiB and a few hundred
/// milliseconds each): at most `permits` run at once, on threads of their own (never the server's
/// cooperative threads); the rest wait in line, so a flood of submissions queues instead of exhausting
/// memory.
actor WorkGate {
    private let permits: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let queue = DispatchQueue(label: "amanat.intake.work", attributes: .concurrent)

    /// How many may run at once.
    init(permits: Int) { self.permits = max(1, permits) }

    /// Runs blocking `work` when a permit is free, on a dispatch thread.
    func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    private func acquire() async {
        if running < permits {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
