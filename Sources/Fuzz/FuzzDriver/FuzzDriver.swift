#if canImport(Glibc)
import Glibc
#endif

/// What every fuzz target shares (Docs/fuzzing.md): libFuzzer's driver, started from the target's own `main`.
/// SwiftPM gives each executable a `main` of its own, so libFuzzer's is not used; `LLVMFuzzerRunDriver` runs
/// the same loop with the same flags (`-max_total_time=60`, a corpus folder, `-dict=FILE`).
public enum FuzzDriver {
    /// The function libFuzzer calls with each input: its bytes; it returns 0.
    public typealias Test = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with this process's arguments and exits with its status.
    public static func run(_ test: Test) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, test))
    }

    /// The input as bytes (an empty input may come with no pointer).
    public static func bytes(_ start: UnsafePointer<UInt8>?, _ count: Int) -> [UInt8] {
        guard let start, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// Stops the run when an invariant does not hold: libFuzzer keeps the input that broke it.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant broken: \(message())") }
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: FuzzDriver.Test
) -> CInt
