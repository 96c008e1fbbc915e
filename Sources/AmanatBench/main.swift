// AmanatBench: `make bench`. Runs each workload in the C baseline (SodiumBaseline, libsodium called
// directly) and in the Swift API (this binary, in child mode), alternating C and Swift in every round
// so that drift in the machine's speed hits both; reports medians and the Swift/C ratio, and writes
// the table to Docs/bench.md.
//
//   AmanatBench --baseline PATH [--out Docs/bench.md] [--rounds 3] [--stream-mib 1024] [--boxes 100000]
//   AmanatBench child WORKLOAD ARGS...      (used internally; `child redaction` times redaction alone,
//                                            `child redaction-processes AMANAT` whole `amanat redact` runs)
import AmanatCrypto
#if canImport(Glibc)
import Glibc
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "child" {
    do {
        let rest = Array(arguments.dropFirst())
        if rest.first == "redaction" {
            let (milliseconds, words) = try RedactionWorkload.run()
            print("redaction: \(words) words planned and leak-checked in \(milliseconds) ms (median)")
            exit(0)
        }
        if rest.first == "redaction-processes", rest.count >= 2 {
            // AmanatBench child redaction-processes AMANAT [ROUNDS]: the whole-process rows alone.
            let bench = RedactionProcesses(
                amanat: rest[1], directory: "/tmp", rounds: rest.count > 2 ? Int(rest[2]) ?? 15 : 15)
            let figures = try bench.run()
            let show = { (name: String, value: (cpu: Double, wall: Double)) in
                print("\(name): cpu \(value.cpu) ms, wall \(value.wall) ms")
            }
            show("--version", figures.version)
            show("redact one line", figures.oneLine)
            show("redact \(figures.words) words", figures.testimony)
            print("start-up ratio (CPU): \(figures.startUpRatio)")
            exit(0)
        }
        if try VaultWorkloads.run(rest[0], Array(rest.dropFirst())) { exit(0) }
        exit(try Workloads.run(rest))
    } catch {
        printError("AmanatBench child: \(error)\n")
        exit(1)
    }
}

do {
    let options = try BenchOptions(arguments)
    let report = try BenchRun(options: options).run()
    print(report)
    try Report.write(report, to: options.outputPath)
    print("written to \(options.outputPath)")
} catch {
    printError("AmanatBench: error: \(error)\n")
    exit(1)
}
