/// Collects written plaintext in protected memory (`SecretBytes`), for a stream whose whole content is
/// needed at once, such as a decrypted manifest that holds keys.
///
/// The buffer starts small and doubles as needed, up to `limit`. Each outgrown buffer is a
/// `SecretBytes` of its own, so it is wiped when it is released: no copy is left behind in ordinary
/// memory.
public struct SecretBytesWriter: ByteWriter {
    private var buffer: SecretBytes
    private var written = 0
    private let limit: Int
    private let what: String

    /// An empty writer that accepts at most `limit` bytes.
    /// - Parameters:
    ///   - limit: the most the content can be (for a stream: its ciphertext length bounds it).
    ///   - what: how to name the content in an error.
    public init(limit: Int, what: String = "the decrypted data") {
        precondition(limit >= 0, "a limit cannot be negative")
        self.limit = limit
        self.what = what
        buffer = SecretBytes(count: Swift.min(limit, 4096)) { _ in }
    }

    /// Appends `bytes`.
    /// - Throws: `AmanatCryptoError.trailingData` when the total would pass `limit`.
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        guard bytes.count <= limit - written else { throw AmanatCryptoError.trailingData(what: what) }
        if written + bytes.count > buffer.count {
            var capacity = Swift.max(buffer.count, 1)
            while capacity < written + bytes.count { capacity *= 2 }
            let old = buffer
            let kept = written
            buffer = SecretBytes(count: Swift.min(capacity, limit)) { destination in
                old.withUnsafeBytes {
                    if kept > 0 { destination.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: kept) }
                }
            }
        }
        let at = written
        buffer.withUnsafeMutableBytes {
            ($0.baseAddress! + at).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        }
        written += bytes.count
    }

    /// Everything written, in protected memory.
    public var secret: SecretBytes {
        written == buffer.count ? buffer : buffer.slice(0..<written)
    }
}
