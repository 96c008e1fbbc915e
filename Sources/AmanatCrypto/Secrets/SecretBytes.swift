internal import CSodium

/// Secret bytes kept in libsodium's protected memory.
///
/// The bytes live in `sodium_malloc` memory: guarded, locked into RAM (never swapped, where the system
/// allows it) and wiped when the last reference goes away, on every path. Secrets larger than 4 KiB
/// get a region of their own with guard pages on both sides; smaller ones share guarded, locked slabs
/// (`SecretSlabs`), because a region of their own would cost more than the cryptography they serve. The type never prints its bytes (`description`, `debugDescription` and `dump` show
/// only the length), is not `Codable`, and compares in constant time.
///
/// Contents are written only while the value is being created (`init(count:initializer:)`), so a
/// `SecretBytes` is immutable afterwards and safe to share across threads.
public final class SecretBytes: @unchecked Sendable {
    /// Start of the protected region (never null: zero-length secrets still get one byte).
    private let base: UnsafeMutableRawPointer
    /// Number of secret bytes.
    public let count: Int
    /// The `SecretSlabs` size class of `base`, or nil when it is a region of its own.
    private let sizeClass: Int?

    /// Allocates `count` bytes of protected memory and lets `initializer` fill them.
    /// If `initializer` throws, the memory is wiped and freed and the error is passed on.
    /// - Throws: `AmanatCryptoError.outOfMemory` when protected memory is exhausted, or what `initializer` throws.
    public init(count: Int, initializer: (UnsafeMutableRawBufferPointer) throws -> Void) throws {
        Sodium.ready()
        precondition(count >= 0, "negative size")
        let sizeClass = count <= SecretSlabs.largestPooled ? SecretSlabs.sizeClass(for: count) : nil
        guard let pointer = sizeClass.map({ SecretSlabs.shared.allocate(sizeClass: $0) }) ?? sodium_malloc(count) else {
            throw AmanatCryptoError.outOfMemory(bytes: count)
        }
        base = pointer
        self.sizeClass = sizeClass
        self.count = count
        // Every stored property is set, so if `initializer` throws, Swift runs `deinit`, which
        // wipes and frees the region: no separate clean-up path is needed (or allowed).
        try initializer(UnsafeMutableRawBufferPointer(start: pointer, count: count))
    }

    /// Allocates `count` bytes and fills them from an initializer that cannot fail.
    /// Runs out of protected memory only on a broken machine, so that case stops the process.
    convenience init(count: Int, filling: (UnsafeMutableRawBufferPointer) -> Void) {
        do {
            try self.init(count: count, initializer: filling)
        } catch {
            fatalError("could not allocate \(count) bytes of protected memory")
        }
    }

    /// Copies `bytes` into protected memory. The caller remains responsible for wiping its own copy.
    /// - Parameter bytes: the secret to protect.
    public convenience init(copying bytes: some BytesView) {
        self.init(count: bytes.byteCount) { destination in
            bytes.withBytes { source in
                if let s = source.baseAddress, !source.isEmpty {
                    destination.baseAddress!.copyMemory(from: s, byteCount: source.count)
                }
            }
        }
    }

    /// Copies a string's UTF-8 bytes into protected memory (for passphrases typed at a prompt).
    /// - Parameter utf8: the text; its bytes are taken exactly as given, without normalisation.
    public convenience init(utf8 string: String) {
        var copy = string
        self.init(count: copy.utf8.count) { destination in
            copy.withUTF8 { source in
                if !source.isEmpty {
                    destination.baseAddress!.copyMemory(from: source.baseAddress!, byteCount: source.count)
                }
            }
        }
    }

    /// `count` random bytes, generated directly into protected memory.
    public convenience init(randomCount count: Int) {
        self.init(count: count) { buffer in
            if let start = buffer.baseAddress { randombytes_buf(start, buffer.count) }
        }
    }

    deinit {
        // Both paths wipe: the pool with sodium_memzero, sodium_free before unmapping.
        if let sizeClass {
            SecretSlabs.shared.release(base, sizeClass: sizeClass)
        } else {
            sodium_free(base)
        }
    }

    /// Lends the secret bytes for the length of the call. Do not copy them out into ordinary memory.
    @inlinable
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(rawBuffer)
    }

    @usableFromInline
    var rawBuffer: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Mutable access for buffers this module owns while it fills them (stream plaintext buffers).
    func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeMutableRawBufferPointer(start: base, count: count))
    }

    /// A new secret holding bytes `range` of this one.
    public func slice(_ range: Range<Int>) -> SecretBytes {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice out of bounds")
        return SecretBytes(count: range.count) { destination in
            if !range.isEmpty {
                destination.baseAddress!.copyMemory(from: base + range.lowerBound, byteCount: range.count)
            }
        }
    }

    /// The secret bytes interpreted as UTF-8 text. The returned `String` is ordinary memory:
    /// use it only to show testimony to the person entitled to read it, and drop it promptly.
    public func unprotectedString() -> String {
        String(decoding: rawBuffer, as: UTF8.self)
    }
}

extension SecretBytes: BytesView {
    /// Lends the secret bytes (same as `withUnsafeBytes`).
    @inlinable
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(rawBuffer)
    }
}

extension SecretBytes: Equatable {
    /// Constant-time comparison (`sodium_memcmp`); lengths are compared first, in the open.
    public static func == (lhs: SecretBytes, rhs: SecretBytes) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return sodium_memcmp(lhs.base, rhs.base, lhs.count) == 0
    }
}

extension SecretBytes: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Shows only the length: "SecretBytes(redacted, 32 bytes)".
    public var description: String { "SecretBytes(redacted, \(count) bytes)" }
    /// Same as `description`.
    public var debugDescription: String { description }
    /// `dump` sees only the length.
    public var customMirror: Mirror { Mirror(self, children: ["count": count], displayStyle: .class) }
}

/// Constant-time comparison of two equally long byte strings (`sodium_memcmp`).
/// - Returns: `true` when both have the same length and the same bytes. Lengths are compared in the open.
public func constantTimeEquals(_ lhs: some BytesView, _ rhs: some BytesView) -> Bool {
    Sodium.ready()
    return lhs.withBytes { a in
        rhs.withBytes { b in
            guard a.count == b.count else { return false }
            if a.isEmpty { return true }
            return sodium_memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
        }
    }
}
