public import Foundation

/// The repository the tests were built from, and the Python with PyNaCl that `make test` prepares.
public enum TestPython {
    /// Why no interpreter was found.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String { "no Python with PyNaCl: run `make test`, which installs it into .venv" }
    }

    /// The repository's root folder.
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `AMANAT_INTEROP_PYTHON`, or the repository's `.venv/bin/python3`.
    public static func interpreter() throws -> String {
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["AMANAT_INTEROP_PYTHON"],
            repository.appendingPathComponent(".venv/bin/python3").path,
        ]
        guard
            let found = candidates.compactMap({ $0 }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { throw Missing() }
        return found
    }

    /// Runs `script` (a path inside the repository) with `arguments`; returns its status and output.
    public static func run(
        _ script: String, _ arguments: [String]
    ) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try interpreter())
        process.arguments = [repository.appendingPathComponent(script).path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while it runs, so a chatty script cannot fill one and stall.
        let errorData = ErrorCollector(errors.fileHandleForReading)
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text, errorData.text())
    }
}

/// Reads a pipe to its end on another thread.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
