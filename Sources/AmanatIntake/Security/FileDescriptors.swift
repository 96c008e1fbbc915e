#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The open-file limit the server runs under: every connection and every upload in flight holds a descriptor,
/// so the connection cap only protects the server when the limit is above it.
public enum FileDescriptors {
    /// Raises the soft open-file limit towards `needed` (never above the hard limit).
    /// - Returns: the soft limit now in force (`Int.max` when unlimited or unknown).
    @discardableResult
    public static func raiseLimit(to needed: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return .max }
        if limit.rlim_cur == infinity { return .max }
        if limit.rlim_cur < rlim_t(needed) {
            var raised = limit
            raised.rlim_cur = limit.rlim_max == infinity ? rlim_t(needed) : min(rlim_t(needed), limit.rlim_max)
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur >= rlim_t(Int.max) ? .max : Int(limit.rlim_cur)
    }

    /// Descriptors the server may need: one per connection and per request in flight (its upload's file), and a
    /// margin for the vault, the listening socket and the runtime.
    public static func needed(connections: Int, requests: Int) -> Int { connections + requests + 64 }

    #if canImport(Glibc)
    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    /// RLIM_INFINITY, which Swift imports as a literal -1.
    private static let infinity = rlim_t.max
    #else
    private static let resource = RLIMIT_NOFILE
    private static let infinity = RLIM_INFINITY
    #endif
}
