import AmanatTestSupport
import Foundation
import Testing

/// Runs the built `amanat` binary as a user would: arguments, standard input, environment; returns
/// its exit status and what it printed.
struct CLI {
    /// The `amanat` executable beside the test bundle.
    static var binary: String {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("amanat")
                .path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("amanat").path,
            Bundle.main.bundleURL.appendingPathComponent("amanat").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    struct Result {
        let status: Int32
        let out: String
        let err: String
        /// Whether it was stopped by a signal (a trap, a crash) rather than exiting; `status` is then the signal.
        var signalled = false
    }

    /// A temporary folder, removed when the last copy of the `CLI` that made it goes away (the large-file
    /// tests leave gigabytes in it).
    typealias Workspace = TemporaryDirectory

    /// A temporary working folder, with a vault path and weak key stretching for speed.
    let workspace: Workspace
    var directory: String { workspace.path }
    var environment: [String: String]

    init() throws {
        workspace = try Workspace(prefix: "amanat-cli")
        let directory = workspace.path
        var environment = ProcessInfo.processInfo.environment
        environment["AMANAT_VAULT"] = directory + "/vault"
        environment["AMANAT_TEST_WEAK_KEYS"] = "1"
        // Known vaults are remembered inside the workspace, never in the user's own configuration.
        environment["XDG_CONFIG_HOME"] = directory + "/config"
        for name in ["AMANAT_PASSPHRASE", "AMANAT_CODENAME", "AMANAT_NEW_PASSPHRASE", "AMANAT_ADMINISTRATOR_KEY"] {
            environment[name] = nil
        }
        self.environment = environment
    }

    func path(_ name: String) -> String { directory + "/" + name }

    /// Writes a file (mode 600 by default, as secret files must be).
    @discardableResult
    func write(_ name: String, _ text: String, mode: Int = 0o600) throws -> String {
        let file = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
        return file
    }

    /// Runs `amanat ARGS`, with `input` on standard input and extra environment variables.
    @discardableResult
    func run(_ arguments: [String], input: String = "", env extra: [String: String] = [:]) throws -> Result {
        var cli = self
        cli.environment = environment.merging(extra) { $1 }
        return try Self.runExecutable(Self.binary, arguments, cli: cli, input: input)
    }

    /// Runs any executable with the test environment and working folder.
    static func runExecutable(_ path: String, _ arguments: [String], cli: CLI, input: String = "") throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = cli.environment
        process.currentDirectoryURL = URL(fileURLWithPath: cli.directory)
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, out: String(decoding: out, as: UTF8.self),
            err: String(decoding: err, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
    }

    /// Runs and requires success, returning standard output.
    @discardableResult
    func ok(
        _ arguments: [String], input: String = "", env extra: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let result = try run(arguments, input: input, env: extra)
        #expect(
            result.status == 0, "amanat \(arguments.joined(separator: " ")) failed: \(result.err)",
            sourceLocation: sourceLocation)
        return result.out
    }

    /// The value after "LABEL " on a line of `text` (e.g. the id in "Created case 38fa….").
    static func value(after label: String, in text: String) -> String? {
        guard let range = text.range(of: label) else { return nil }
        return String(text[range.upperBound...].prefix { $0.isHexDigit || $0.isLetter || $0.isNumber || $0 == "-" })
    }
}
