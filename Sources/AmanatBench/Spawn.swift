import AmanatCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Runs a child process and captures its standard output (posix_spawn, no Foundation, so the
/// benchmark binary itself stays as small in memory as the code it measures).
enum Spawn {
    /// What one workload run reported.
    struct Measurement {
        let seconds: Double
        let peakKiB: Int
    }

    static func measure(_ executable: String, _ arguments: [String]) throws -> Measurement {
        let output = try run(executable, arguments)
        let fields = output.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 2, let seconds = Double(fields[0]), let peak = Int(fields[1]) else {
            throw BenchError("\(executable) \(arguments.first ?? "") printed no measurement: \(output)")
        }
        return Measurement(seconds: seconds, peakKiB: peak)
    }

    /// Runs a child that prints "key=value" figures on one line.
    static func figures(_ executable: String, _ arguments: [String]) throws -> [String: Double] {
        let output = try run(executable, arguments)
        var figures: [String: Double] = [:]
        for field in output.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = field.split(separator: "=")
            if parts.count == 2, let value = Double(parts[1]) { figures[String(parts[0])] = value }
        }
        return figures
    }

    /// Runs a child with its output discarded; returns its CPU time (user + system) and wall time in ms.
    static func timed(_ executable: String, _ arguments: [String]) throws -> (cpu: Double, wall: Double) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = Clock.now()
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
            throw BenchError("cannot start \(executable)")
        }
        var exitStatus: Int32 = 0
        var usage = rusage()
        wait4(pid, &exitStatus, 0, &usage)
        let wall = (Clock.now() - start) * 1000
        guard exitStatus == 0 else {
            throw BenchError("\(executable) \(arguments.joined(separator: " ")) failed (status \(exitStatus))")
        }
        func milliseconds(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return (milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime), wall)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw BenchError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(pipeEnds[1])
        guard status == 0 else { close(pipeEnds[0]); throw BenchError("cannot start \(executable)") }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, 4096) }
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        close(pipeEnds[0])
        var exitStatus: Int32 = 0
        waitpid(pid, &exitStatus, 0)
        guard exitStatus == 0 else {
            throw BenchError("\(executable) \(arguments.joined(separator: " ")) failed (status \(exitStatus))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}

/// A benchmark that could not run.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes `text` to standard error (unbuffered, without Foundation).
func printError(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}
