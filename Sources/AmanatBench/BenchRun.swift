import AmanatCrypto
#if canImport(Glibc)
import Glibc
#endif

/// Command-line options of the benchmark.
struct BenchOptions {
    var baseline = ""
    var outputPath = "Docs/bench.md"
    var rounds = 3
    var streamMiB = 1024
    var boxes = 100_000
    var boxSize = 1024
    var vaultRecords = 100_000
    var grantRecords = 10_000
    var amanat = ""

    init(_ arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw BenchError("\(flag) needs a value") }
            switch flag {
            case "--baseline": baseline = value
            case "--out": outputPath = value
            case "--rounds": rounds = Int(value) ?? 0
            case "--stream-mib": streamMiB = Int(value) ?? 0
            case "--boxes": boxes = Int(value) ?? 0
            case "--box-size": boxSize = Int(value) ?? 0
            case "--vault-records": vaultRecords = Int(value) ?? 0
            case "--grant-records": grantRecords = Int(value) ?? 0
            case "--amanat": amanat = value
            default: throw BenchError("unknown option \(flag)")
            }
        }
        guard !baseline.isEmpty, access(baseline, X_OK) == 0 else {
            throw BenchError("--baseline must name the built SodiumBaseline executable")
        }
        guard rounds > 0, streamMiB > 0, boxes > 0, boxSize > 0 else {
            throw BenchError("rounds and sizes must be positive")
        }
    }
}

/// One row of results: a workload measured on both sides.
struct Row {
    let name: String
    let unit: String  // "MiB/s", "boxes/s", "ms each"
    let c: Double
    let swift: Double
    let cPeakKiB: Int
    let swiftPeakKiB: Int
    let target: Double?  // minimum Swift/C throughput ratio
    /// Swift's throughput relative to C's (above 1: Swift faster): the median of the per-round ratios,
    /// each from a C run and the Swift run right after it, so drift in the machine's speed cancels.
    let ratio: Double
}

/// Runs every workload and collects rows.
struct BenchRun {
    let options: BenchOptions

    func run() throws -> Report {
        let directory = try makeTemporaryDirectory()
        defer { _ = Spawn.runQuietly("/bin/rm", ["-rf", directory]) }
        let plain = directory + "/plain", cipher = directory + "/cipher", back = directory + "/back"
        let bytes = options.streamMiB << 20
        printError("preparing a \(options.streamMiB) MiB input file…\n")
        try writeRandomFile(plain, bytes: bytes)
        let keyHex = Hex.encode(SecureRandom.bytes(32))
        let me = try selfPath()
        // The encrypted input for the decrypt workloads, made by the Swift API; the C baseline decrypting
        // it doubles as an interoperability check.
        _ = try Spawn.measure(me, ["child", "stream-file-encrypt", keyHex, plain, cipher])

        var rows: [Row] = []
        let mib = Double(bytes) / Double(1 << 20)
        rows.append(
            try compare(
                "secretstream encrypt \(options.streamMiB) MiB (page cache → discard)", unit: "MiB/s", target: 0.9,
                workload: ["stream-encrypt", keyHex, plain], amount: mib))
        rows.append(
            try compare(
                "secretstream decrypt \(options.streamMiB) MiB (page cache → discard)", unit: "MiB/s", target: 0.9,
                workload: ["stream-decrypt", keyHex, cipher], amount: mib))
        rows.append(
            try compare(
                "secretstream encrypt \(options.streamMiB) MiB file → file, fsync", unit: "MiB/s", target: nil,
                workload: ["stream-file-encrypt", keyHex, plain, back], amount: mib))
        rows.append(
            try compare(
                "secretstream decrypt \(options.streamMiB) MiB file → file, fsync", unit: "MiB/s", target: nil,
                workload: ["stream-file-decrypt", keyHex, cipher, back], amount: mib))
        let boxes = Double(options.boxes)
        rows.append(
            try compare(
                "crypto_box_seal \(options.boxes) × \(options.boxSize) B", unit: "boxes/s", target: 0.9,
                workload: ["seal", "\(options.boxes)", "\(options.boxSize)"], amount: boxes))
        rows.append(
            try compare(
                "crypto_box_seal_open \(options.boxes) × \(options.boxSize) B", unit: "boxes/s", target: 0.9,
                workload: ["open", "\(options.boxes)", "\(options.boxSize)"], amount: boxes))
        let moderate = Argon2id.Parameters.moderate
        rows.append(
            try compare(
                "Argon2id, identity-file setting (\(moderate))", unit: "ms each", target: nil,
                workload: ["argon2id", "\(moderate.opsLimit)", "\(moderate.memLimit)", "3"], amount: 3,
                perItemMilliseconds: true))
        printError("  vault: submitting \(options.vaultRecords) records…\n")
        let submit = try Spawn.figures(me, ["child", "vault-submit", "\(options.vaultRecords)", "1000"])
        printError("  vault: grants and revocation on a \(options.grantRecords)-record case…\n")
        let grant = try Spawn.figures(me, ["child", "vault-grant", "\(options.grantRecords)"])
        printError("  vault: attaching the \(options.streamMiB) MiB file…\n")
        let attach = try Spawn.figures(me, ["child", "vault-attach", plain])
        let vault = VaultFigures(
            records: options.vaultRecords, grantRecords: options.grantRecords, attachMiB: options.streamMiB,
            submit: submit, grant: grant, attach: attach)
        printError("  redaction: a 10,000-word testimony…\n")
        let redaction = try RedactionWorkload.run()
        var peers: [String: PeerBench.Figures] = [:]
        if !options.amanat.isEmpty {
            printError("  peers: amanat export/open, age and gpg on the \(options.streamMiB) MiB file…\n")
            peers = try PeerBench(amanat: options.amanat, plain: plain, directory: directory, rounds: options.rounds)
                .run()
        }
        var processes: (RedactionProcesses, RedactionProcesses.Figures)?
        if !options.amanat.isEmpty {
            printError("  redaction: whole `amanat redact` processes against `amanat --version`…\n")
            let bench = RedactionProcesses(amanat: options.amanat, directory: directory, rounds: 15)
            processes = (bench, try bench.run())
        }
        var intake: IntakeLoad?
        if !options.amanat.isEmpty {
            printError("  web intake: 200 concurrent submissions with files…\n")
            intake = try IntakeLoad.run(amanat: options.amanat)
        }
        return Report(
            rows: rows, vault: vault, peers: peers, redaction: redaction, redactionProcesses: processes,
            intake: intake, options: options)
    }

    /// Alternates C and Swift `options.rounds` times and keeps the medians.
    private func compare(
        _ name: String, unit: String, target: Double?, workload: [String], amount: Double,
        perItemMilliseconds: Bool = false
    ) throws -> Row {
        var cRuns: [Spawn.Measurement] = [], swiftRuns: [Spawn.Measurement] = []
        let me = try selfPath()
        for round in 1...options.rounds {
            printError("  \(name): round \(round)/\(options.rounds)\n")
            cRuns.append(try Spawn.measure(options.baseline, workload))
            swiftRuns.append(try Spawn.measure(me, ["child"] + workload))
        }
        func figure(_ runs: [Spawn.Measurement]) -> Double {
            let seconds = median(runs.map(\.seconds))
            return perItemMilliseconds ? seconds * 1000 / amount : amount / seconds
        }
        let pairedRatios = zip(cRuns, swiftRuns).map { c, swift in c.seconds / swift.seconds }
        return Row(
            name: name, unit: unit,
            c: figure(cRuns), swift: figure(swiftRuns),
            cPeakKiB: cRuns.map(\.peakKiB).max()!, swiftPeakKiB: swiftRuns.map(\.peakKiB).max()!, target: target,
            ratio: median(pairedRatios))
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    private func makeTemporaryDirectory() throws -> String {
        var template = Array("/tmp/amanat-bench-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchError("mkdtemp failed")
        }
        return String(decoding: UnsafeRawBufferPointer(start: made, count: strlen(made)), as: UTF8.self)
    }

    private func writeRandomFile(_ path: String, bytes: Int) throws {
        let writer = try AtomicFileWriter(path: path, permissions: 0o600, overwrite: true)
        var remaining = bytes
        while remaining > 0 {
            let block = SecureRandom.bytes(min(remaining, 1 << 20))
            try block.withUnsafeBytes { try writer.write($0) }
            remaining -= block.count
        }
        try writer.commit()
    }

    private func selfPath() throws -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { throw BenchError("cannot find this executable's path") }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension Spawn {
    /// Runs a helper command, ignoring its output and status.
    static func runQuietly(_ executable: String, _ arguments: [String]) -> Bool {
        (try? run(executable, arguments)) != nil
    }
}
