import AmanatFuzzTargets
import Foundation

#if canImport(Glibc)
import Glibc
#endif

// `amanat-fuzz TARGET [libFuzzer flags] [CORPUS…]` runs libFuzzer on one target (Docs/fuzzing.md);
// `amanat-fuzz --list` names them. SwiftPM gives every executable a `main` of its own, so the one in
// libFuzzer's runtime is not used: this one starts the same driver with `LLVMFuzzerRunDriver`.

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

nonisolated(unsafe) var selected: FuzzTarget?

/// The function libFuzzer calls with each input (its runtime refers to it by this name).
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    do {
        _ = try selected!.check(bytes)
    } catch {
        // libFuzzer keeps the input that broke the promise (as a crash-… file).
        fatalError("invariant broken: \(error)")
    }
    return 0
}

// The target comes first, or from AMANAT_FUZZ_TARGET: libFuzzer starts copies of itself (-minimize_crash,
// -fork, -jobs) with its own flags only, and they find their target there.
let arguments = CommandLine.arguments
let named = arguments.count >= 2 ? FuzzTarget.named(arguments[1]) : nil
let inherited = ProcessInfo.processInfo.environment["AMANAT_FUZZ_TARGET"].flatMap(FuzzTarget.named)
guard let target = named ?? inherited, arguments.count < 2 || arguments[1] != "--list" else {
    print("usage: amanat-fuzz TARGET [libFuzzer flags] [CORPUS…]; TARGET is one of:")
    for target in FuzzTarget.all { print("  \(target.name): \(target.reads)") }
    exit(arguments.count >= 2 && arguments[1] == "--list" ? 0 : 64)
}
selected = target
setenv("AMANAT_FUZZ_TARGET", target.name, 1)

// libFuzzer sees the arguments without the target's name.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
if named != nil {
    argc -= 1
    argv![1] = argv![0]
    argv = argv! + 1
}
exit(runDriver(&argc, &argv, testOneInput))
