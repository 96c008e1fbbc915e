/// Streaming authenticated encryption of files and byte streams in fixed chunks, in constant memory
/// (`crypto_secretstream_xchacha20poly1305`; byte layout "Amanat stream v1" in Docs/format.md).
///
/// A stream is a 24-byte header followed by frames. Every frame but the last carries exactly
/// `chunkSize` plaintext bytes tagged MESSAGE; the last carries fewer than `chunkSize` bytes (possibly
/// none) tagged FINAL. A reader therefore knows where every frame ends, and refuses a stream that stops
/// before its FINAL frame (truncation), has bytes after it (extension), or whose frames were changed,
/// dropped, duplicated or reordered (each frame authenticates its position in the stream).
public enum SecretStream {
    /// The default chunk size, 64 KiB.
    public static let defaultChunkSize = 64 * 1024
    /// Length of the stream header, 24 bytes (`crypto_secretstream_xchacha20poly1305_headerbytes()`).
    public static let headerSize = 24
    /// Bytes each frame adds to its chunk, 17 (`crypto_secretstream_xchacha20poly1305_abytes()`).
    public static let frameOverhead = 17
    /// Largest accepted chunk size, 16 MiB, so a reader's buffers stay small.
    public static let maximumChunkSize = 16 * 1024 * 1024

    /// The exact encrypted size of a `plaintextSize`-byte stream.
    public static func encryptedSize(plaintextSize: Int, chunkSize: Int = defaultChunkSize) -> Int {
        headerSize + frameOverhead * (plaintextSize / chunkSize + 1) + plaintextSize
    }

    /// Encrypts everything `source` yields into `destination`.
    /// - Parameters:
    ///   - source: where plaintext comes from, read `chunkSize` bytes at a time.
    ///   - destination: where the header and frames go.
    ///   - key: a key used for this one stream.
    ///   - chunkSize: plaintext bytes per frame (default 64 KiB).
    /// - Returns: the number of plaintext bytes encrypted.
    /// - Throws: what `source` or `destination` throw (`AmanatCryptoError.io` for files).
    @discardableResult
    public static func encrypt<Source: ByteReader, Destination: ByteWriter>(
        from source: inout Source, to destination: inout Destination,
        using key: SymmetricKey, chunkSize: Int = defaultChunkSize
    ) throws -> Int {
        try validate(chunkSize: chunkSize)
        let encryptor = Encryptor(key: key)
        try encryptor.header.withUnsafeBytes { try destination.write($0) }
        // The plaintext buffer is protected memory: it holds testimony.
        let plaintext = SecretBytes(count: chunkSize) { _ in }
        let frame = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize + frameOverhead, alignment: 16)
        defer { frame.deallocate() }
        var total = 0
        while true {
            let filled = try plaintext.withUnsafeMutableBytes { try source.readFully(into: $0) }
            total += filled
            let isFinal = filled < chunkSize
            let written = plaintext.withUnsafeBytes { chunk in
                encryptor.push(UnsafeRawBufferPointer(rebasing: chunk[0..<filled]), final: isFinal, into: frame)
            }
            try destination.write(UnsafeRawBufferPointer(rebasing: frame[0..<written]))
            if isFinal { return total }
        }
    }

    /// Decrypts a whole stream from `source` into `destination`, failing closed.
    ///
    /// Plaintext is handed to `destination` one verified chunk at a time; if a later frame fails, the
    /// error is thrown and the caller must discard what it received (the file helpers write to a
    /// temporary file and delete it, so no partial plaintext is ever left behind).
    /// - Parameters:
    ///   - source: the header and frames.
    ///   - destination: receives each verified chunk.
    ///   - key: the stream's key.
    ///   - chunkSize: must equal the size used to encrypt.
    ///   - what: how to name the stream in an error.
    /// - Returns: the number of plaintext bytes.
    /// - Throws: `AmanatCryptoError.truncated` (missing end), `.authenticationFailed` (modified,
    ///   reordered, extended, or wrong key), or the reader's and writer's errors.
    @discardableResult
    public static func decrypt<Source: ByteReader, Destination: ByteWriter>(
        from source: inout Source, to destination: inout Destination,
        using key: SymmetricKey, chunkSize: Int = defaultChunkSize, what: String = "the encrypted stream"
    ) throws -> Int {
        try validate(chunkSize: chunkSize)
        var header = [UInt8](repeating: 0, count: headerSize)
        let got = try header.withUnsafeMutableBytes { try source.readFully(into: $0) }
        guard got == headerSize else { throw AmanatCryptoError.truncated(what: what) }
        let decryptor = try Decryptor(key: key, header: header, what: what)
        let frameSize = chunkSize + frameOverhead
        let frame = UnsafeMutableRawBufferPointer.allocate(byteCount: frameSize, alignment: 16)
        defer { frame.deallocate() }
        let plaintext = SecretBytes(count: chunkSize) { _ in }
        var total = 0
        while true {
            let filled = try source.readFully(into: frame)
            guard filled >= frameOverhead else { throw AmanatCryptoError.truncated(what: what) }
            let (count, isFinal) = try plaintext.withUnsafeMutableBytes { out in
                try decryptor.pull(UnsafeRawBufferPointer(rebasing: frame[0..<filled]), into: out)
            }
            // Frame sizes and tags must agree: full frames are MESSAGE, the short last frame is FINAL.
            if filled == frameSize {
                guard !isFinal else { throw AmanatCryptoError.authenticationFailed(what: what) }
            } else {
                guard isFinal else { throw AmanatCryptoError.truncated(what: what) }
            }
            try plaintext.withUnsafeBytes { try destination.write(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            total += count
            // A short frame is only ever read when the input has ended (`readFully`), so nothing can
            // follow a FINAL frame: bytes appended to a stream join its last frame, which then fails
            // authentication.
            if isFinal { return total }
        }
    }

    static func validate(chunkSize: Int) throws {
        guard (1...maximumChunkSize).contains(chunkSize) else {
            throw AmanatCryptoError.invalidArgument(
                "the stream chunk size must be between 1 byte and 16 MiB, not \(chunkSize)")
        }
    }
}
