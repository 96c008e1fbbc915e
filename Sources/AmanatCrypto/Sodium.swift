internal import CSodium

/// The one place libsodium is initialised and its return codes are turned into errors.
enum Sodium {
    /// `sodium_init` runs exactly once, thread-safely, the first time this is read (Swift globals and
    /// static lets are initialised lazily under `swift_once`).
    private static let initialised: Bool = sodium_init() >= 0

    /// Makes sure libsodium is ready. A machine where it cannot initialise (no entropy source) is broken
    /// in a way no caller can repair, so this stops the process rather than continue without randomness.
    @inline(__always)
    static func ready() {
        precondition(initialised, "libsodium could not be initialised (no source of randomness?)")
    }

    /// Turns a libsodium return code into `error` when it is not zero. Every call whose failure
    /// depends on its input (a tag, a public key, a memory cost) goes through here.
    @inline(__always)
    static func check(_ code: Int32, or error: @autoclosure () -> AmanatCryptoError) throws(AmanatCryptoError) {
        if code != 0 { throw error() }
    }

    /// Checks the return code of a call that can fail only on arguments this module has already
    /// validated (lengths, sizes, output capacity). A non-zero code then means a broken internal
    /// invariant or a broken libsodium, and carrying on would hand out uninitialised bytes as a key,
    /// a hash or a ciphertext, so the process stops instead.
    /// - Parameters:
    ///   - code: what libsodium returned.
    ///   - function: the libsodium function, for the crash message.
    @inline(__always)
    static func require(_ code: Int32, _ function: StaticString) {
        precondition(code == 0, "libsodium's \(function) failed on arguments AmanatCrypto had checked")
    }
}

/// Facts about the linked libsodium.
public enum CryptoLibrary {
    /// Initialises libsodium now instead of on first use. Calling it is optional and idempotent.
    public static func initialize() { Sodium.ready() }

    /// The libsodium version string, e.g. "1.0.18".
    public static var libsodiumVersion: String {
        Sodium.ready()
        return String(cString: sodium_version_string())
    }
}

// libsodium takes `unsigned char *`; these views spare every call site a rebinding dance.
extension UnsafeRawBufferPointer {
    /// The start as `const unsigned char *` (nil for an empty buffer without storage).
    @inline(__always) var u8: UnsafePointer<UInt8>? { baseAddress?.assumingMemoryBound(to: UInt8.self) }
}

extension UnsafeMutableRawBufferPointer {
    /// The start as `unsigned char *` (nil for an empty buffer without storage).
    @inline(__always) var u8: UnsafeMutablePointer<UInt8>? { baseAddress?.assumingMemoryBound(to: UInt8.self) }
}

/// A copy of `bytes`, which must be exactly `count` long: the one place public key and similar
/// lengths are checked, so every such error reads the same.
/// - Throws: `AmanatCryptoError.invalidLength`.
func exactBytes(_ bytes: some BytesView, count: Int, what: String) throws -> [UInt8] {
    let copy = bytes.publicBytes
    guard copy.count == count else {
        throw AmanatCryptoError.invalidLength(what: what, expected: count, actual: copy.count)
    }
    return copy
}
