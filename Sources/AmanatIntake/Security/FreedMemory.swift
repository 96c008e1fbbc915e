#if canImport(Glibc)
import Glibc
#endif

/// Freed memory that keeps what it held. The intake zeroes its own buffers (`Wipe`), but the HTTP stack, the
/// string and page building of Swift and Foundation, and the vault make copies of her words and her codename
/// that they free without clearing. glibc's allocator can overwrite every block as it is freed (`M_PERTURB`, the
/// setting behind `MALLOC_PERTURB_`): then a freed copy keeps nothing, whoever made it. Blocks still in use are
/// not touched; `Tests/Intake/memory_scan.py` counts what is left.
public enum FreedMemory {
    /// The byte freed memory is filled with (new blocks get its complement; both are glibc's doing).
    static let fill: Int32 = 0xA5

    /// Asks the C allocator to overwrite each block it frees, for the rest of the process.
    /// - Returns: whether the allocator agreed (false where it is not glibc's).
    @discardableResult
    public static func clearWhenFreed() -> Bool {
        #if canImport(Glibc)
        // <malloc.h> is not part of Swift's Glibc module: `mallopt` is looked up by name. M_PERTURB is -6.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        return unsafeBitCast(symbol, to: Mallopt.self)(-6, fill) == 1
        #else
        return false
        #endif
    }

    /// glibc keeps up to seven small freed blocks of each size in per-thread caches (tcache), and does not
    /// overwrite those, whatever `M_PERTURB` says; the caches can only be turned off as a process starts
    /// (`GLIBC_TUNABLES=glibc.malloc.tcache_count=0`). This runs the same command again with them off, unless
    /// they already are or the tunable was set otherwise; it returns only when it cannot (not Linux, or exec
    /// failed), and the command then runs with the caches. Call it before anything is read or opened.
    public static func restartWithoutThreadCaches() {
        #if os(Linux)
        let name = "GLIBC_TUNABLES"
        let current = getenv(name).map { String(cString: $0) } ?? ""
        guard !current.contains("glibc.malloc.tcache_count") else { return }
        let setting = "glibc.malloc.tcache_count=0"
        setenv(name, current.isEmpty ? setting : current + ":" + setting, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        #endif
    }
}
