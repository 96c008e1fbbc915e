internal import CSodium

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps a long-running process's memory out of files and other processes' reach: no core file (which
/// would write every testimony and codename still in memory to disk when it crashes) and, on Linux, not
/// dumpable (no ptrace attach by other users of the machine, `/proc/PID/mem` readable by root only).
public enum ProcessHardening {
    /// Sets the core file limit to zero and, on Linux, marks the process not dumpable.
    /// - Throws: `AmanatCryptoError.io` when the system refuses (the caller should not go on without it).
    public static func forbidCoreDumps() throws {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        guard setrlimit(RLIMIT_CORE_VALUE, &none) == 0 else {
            throw AmanatCryptoError.io(
                path: "the process", reason: "cannot turn core files off: \(String(cString: strerror(errno)))")
        }
        #if os(Linux)
        guard amanat_set_dumpable(0) == 0 else {
            throw AmanatCryptoError.io(
                path: "the process", reason: "cannot mark it not dumpable: \(String(cString: strerror(errno)))")
        }
        #endif
    }

    /// Whether the process may still be dumped or traced (Linux); false where the check does not exist.
    public static var isDumpable: Bool {
        #if os(Linux)
        return amanat_get_dumpable() != 0
        #else
        return false
        #endif
    }

    /// The current core file size limit, in bytes.
    public static var coreLimit: UInt64 {
        var limit = rlimit()
        guard getrlimit(RLIMIT_CORE_VALUE, &limit) == 0 else { return .max }
        return UInt64(limit.rlim_cur)
    }

    #if os(Linux)
    private static let RLIMIT_CORE_VALUE = __rlimit_resource_t(RLIMIT_CORE.rawValue)
    #else
    private static let RLIMIT_CORE_VALUE = RLIMIT_CORE
    #endif
}
