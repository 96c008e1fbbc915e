extension SecretStream {
    /// Encrypts a stream whose bytes arrive in pieces of any size (an upload from the network): the
    /// same "Amanat stream v1" bytes `encrypt(from:to:using:)` writes for the same plaintext, produced
    /// as the pieces come, holding at most one chunk of plaintext (in protected memory).
    ///
    /// Call `write` for every piece, then `finish` once; a sealer that is dropped unfinished leaves a
    /// stream without its FINAL frame, which every reader refuses.
    public struct Sealer<Destination: ByteWriter> {
        /// Where the header and frames go.
        public private(set) var destination: Destination
        private let encryptor: Encryptor
        private let chunkSize: Int
        private let plaintext: SecretBytes
        private var filled = 0
        private var finished = false
        /// Plaintext bytes written so far.
        public private(set) var count = 0

        /// Starts a stream under `key` (used for this one stream) and writes its header.
        /// - Throws: `AmanatCryptoError.invalidArgument` for a bad chunk size; what `destination` throws.
        public init(
            to destination: Destination, using key: SymmetricKey, chunkSize: Int = SecretStream.defaultChunkSize
        ) throws {
            try SecretStream.validate(chunkSize: chunkSize)
            self.destination = destination
            self.chunkSize = chunkSize
            encryptor = Encryptor(key: key)
            plaintext = SecretBytes(count: chunkSize) { _ in }
            try encryptor.header.withUnsafeBytes { try self.destination.write($0) }
        }

        /// Encrypts `bytes`, emitting a frame each time a chunk fills.
        public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
            precondition(!finished, "write after finish")
            var offset = 0
            while offset < bytes.count {
                let take = min(chunkSize - filled, bytes.count - offset)
                let at = filled
                plaintext.withUnsafeMutableBytes { buffer in
                    UnsafeMutableRawBufferPointer(rebasing: buffer[at..<(at + take)]).copyMemory(
                        from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)]))
                }
                filled += take
                offset += take
                count += take
                // A full chunk is sealed only when more bytes follow or at `finish`, so that a stream
                // whose length is a multiple of the chunk size still ends with a short FINAL frame.
                if filled == chunkSize, offset < bytes.count { try flush(final: false) }
            }
        }

        /// Writes zero bytes until `count` reaches `size` (padding to a size bucket).
        public mutating func pad(to size: Int) throws {
            let zeros = [UInt8](repeating: 0, count: min(64 * 1024, max(0, size - count)))
            while count < size {
                let n = min(zeros.count, size - count)
                try zeros.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            }
        }

        /// Seals the last frame (FINAL, shorter than a chunk, possibly empty).
        public mutating func finish() throws {
            precondition(!finished, "finish called twice")
            if filled == chunkSize { try flush(final: false) }
            try flush(final: true)
            finished = true
        }

        private mutating func flush(final: Bool) throws {
            var frame = [UInt8](repeating: 0, count: filled + SecretStream.frameOverhead)
            let length = filled
            let written = plaintext.withUnsafeBytes { chunk in
                frame.withUnsafeMutableBytes {
                    encryptor.push(UnsafeRawBufferPointer(rebasing: chunk[0..<length]), final: final, into: $0)
                }
            }
            try frame.withUnsafeBytes { try destination.write(UnsafeRawBufferPointer(rebasing: $0[0..<written])) }
            filled = 0
        }
    }
}
