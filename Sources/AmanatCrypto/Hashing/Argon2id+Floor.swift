import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The floor on Argon2id parameters read from storage, and the one switch that lowers it for tests.
///
/// Whoever can write an identity file or a vault's settings could otherwise set 1 pass over 8 KiB and
/// make every passphrase or codename cheap to guess offline. Readers therefore refuse anything weaker
/// than libsodium's INTERACTIVE level, whatever the file says.
extension Argon2id {
    /// Whether stored parameters below the floor are accepted. In a debug build this is true when the
    /// environment sets `AMANAT_TEST_WEAK_KEYS=1`, so that the test suite can run hundreds of key
    /// derivations in seconds. A release build compiles the check out: there it is always false, and
    /// no environment variable can weaken a real installation.
    public static var weakParametersAllowed: Bool {
        if benchmarkOverride.load(ordering: .relaxed) { return true }
        #if DEBUG
        guard let value = getenv("AMANAT_TEST_WEAK_KEYS") else { return false }
        return String(cString: value) == "1"
        #else
        return false
        #endif
    }

    private static let benchmarkOverride = Atomic<Bool>(false)

    /// Lets this process accept parameters below the floor: for the benchmark binary alone, whose vault
    /// workloads submit a hundred thousand records and measure storage, not key stretching. It is SPI
    /// (`@_spi(Benchmarks) import AmanatCrypto`): no environment variable or argument reaches it, and the
    /// `amanat` command never calls it.
    @_spi(Benchmarks) public static func allowWeakParametersInThisProcess() {
        benchmarkOverride.store(true, ordering: .relaxed)
    }
}

extension Argon2id.Parameters {
    /// The weakest parameters accepted from storage: libsodium's INTERACTIVE (2 passes, 64 MiB).
    public static let storageFloor = Argon2id.Parameters.interactive

    /// Whether these parameters are at least as strong as `storageFloor` in both passes and memory.
    public var meetsStorageFloor: Bool {
        opsLimit >= Self.storageFloor.opsLimit && memLimit >= Self.storageFloor.memLimit
    }

    /// Parameters read from a file or a database, checked against the accepted range and the floor.
    /// Identity files and vault settings both come through here.
    /// - Parameters:
    ///   - opsLimit: the stored number of passes.
    ///   - memLimit: the stored memory in bytes.
    ///   - what: how to name the source in an error, e.g. a file path or "the vault's codename setting".
    /// - Returns: the parameters.
    /// - Throws: `AmanatCryptoError.parametersOutOfRange` outside the accepted range;
    ///   `.parametersTooWeak` below `storageFloor` unless `Argon2id.weakParametersAllowed`.
    public static func validatedFromStorage(
        opsLimit: UInt64, memLimit: UInt64,
        what: String = "the key-stretching setting"
    ) throws -> Argon2id.Parameters {
        try validatedFromStorage(
            opsLimit: opsLimit, memLimit: memLimit, what: what,
            allowingWeak: Argon2id.weakParametersAllowed)
    }

    /// `validatedFromStorage` with the switch given explicitly, so tests can pin both behaviours
    /// whatever the environment says.
    static func validatedFromStorage(
        opsLimit: UInt64, memLimit: UInt64, what: String,
        allowingWeak: Bool
    ) throws -> Argon2id.Parameters {
        let parameters = try Argon2id.Parameters(opsLimit: opsLimit, memLimit: memLimit, what: what)
        guard allowingWeak || parameters.meetsStorageFloor else {
            throw AmanatCryptoError.parametersTooWeak(what: what, opsLimit: opsLimit, memLimit: memLimit)
        }
        return parameters
    }
}
