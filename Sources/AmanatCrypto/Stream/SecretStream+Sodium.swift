internal import CSodium

extension SecretStream {
    /// Encrypts one stream frame by frame (`crypto_secretstream_xchacha20poly1305_push`).
    /// The stream state, which holds key material, lives in protected memory.
    public final class Encryptor {
        private let state: SecretBytes
        /// The 24-byte header that must precede the frames.
        public let header: [UInt8]

        /// Starts a new stream under `key` with a fresh random header.
        public init(key: SymmetricKey) {
            Sodium.ready()
            var header = [UInt8](repeating: 0, count: SecretStream.headerSize)
            state = SecretBytes(count: crypto_secretstream_xchacha20poly1305_statebytes()) { st in
                let code = key.rawRepresentation.withUnsafeBytes { k in
                    header.withUnsafeMutableBytes { h in
                        crypto_secretstream_xchacha20poly1305_init_push(
                            st.baseAddress!.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self),
                            h.u8!, k.u8!)
                    }
                }
                Sodium.require(code, "crypto_secretstream_xchacha20poly1305_init_push")
            }
            self.header = header
        }

        /// Encrypts one chunk into `frame`, which must hold `chunk.count + 17` bytes.
        /// - Parameters:
        ///   - chunk: the plaintext chunk.
        ///   - final: whether this is the last chunk (tag FINAL) or not (tag MESSAGE).
        ///   - frame: output buffer.
        /// - Returns: the number of bytes written to `frame`.
        public func push(_ chunk: UnsafeRawBufferPointer, final: Bool, into frame: UnsafeMutableRawBufferPointer) -> Int
        {
            precondition(frame.count >= chunk.count + SecretStream.frameOverhead, "frame buffer too small")
            let tag =
                final
                ? crypto_secretstream_xchacha20poly1305_tag_final()
                : crypto_secretstream_xchacha20poly1305_tag_message()
            var written: UInt64 = 0
            // Fails only for a chunk longer than libsodium's maximum; chunks are 64 KiB.
            let code = state.withUnsafeMutableBytes { st in
                crypto_secretstream_xchacha20poly1305_push(
                    st.baseAddress!.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self),
                    frame.u8!, &written, chunk.u8, UInt64(chunk.count), nil, 0, tag)
            }
            Sodium.require(code, "crypto_secretstream_xchacha20poly1305_push")
            return Int(written)
        }
    }

    /// Decrypts one stream frame by frame (`crypto_secretstream_xchacha20poly1305_pull`).
    /// It only authenticates frames; the rules about which frame may be last are `decrypt`'s.
    public final class Decryptor {
        private let state: SecretBytes
        private let what: String

        /// Starts reading a stream whose 24-byte header is `header`.
        /// - Throws: `AmanatCryptoError.truncated` for a short header, `.authenticationFailed` for a bad one.
        public init(key: SymmetricKey, header: [UInt8], what: String = "the encrypted stream") throws {
            Sodium.ready()
            guard header.count == SecretStream.headerSize else { throw AmanatCryptoError.truncated(what: what) }
            self.what = what
            state = try SecretBytes(count: crypto_secretstream_xchacha20poly1305_statebytes()) { st in
                let code = key.rawRepresentation.withUnsafeBytes { k in
                    header.withUnsafeBytes { h in
                        crypto_secretstream_xchacha20poly1305_init_pull(
                            st.baseAddress!.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self),
                            h.u8!, k.u8!)
                    }
                }
                try Sodium.check(code, or: .authenticationFailed(what: what))
            }
        }

        /// Verifies and decrypts one frame into `chunk` (which must hold `frame.count - 17` bytes).
        /// - Returns: the number of plaintext bytes and whether the frame was tagged FINAL.
        /// - Throws: `AmanatCryptoError.authenticationFailed` when the frame was modified, is out of
        ///   order, or carries a tag other than MESSAGE or FINAL.
        public func pull(
            _ frame: UnsafeRawBufferPointer, into chunk: UnsafeMutableRawBufferPointer
        ) throws -> (count: Int, isFinal: Bool) {
            guard frame.count >= SecretStream.frameOverhead else { throw AmanatCryptoError.truncated(what: what) }
            precondition(chunk.count >= frame.count - SecretStream.frameOverhead, "chunk buffer too small")
            var written: UInt64 = 0
            var tag: UInt8 = 0
            let code = state.withUnsafeMutableBytes { st in
                crypto_secretstream_xchacha20poly1305_pull(
                    st.baseAddress!.assumingMemoryBound(to: crypto_secretstream_xchacha20poly1305_state.self),
                    chunk.u8 ?? scratchByte, &written, &tag, frame.u8!, UInt64(frame.count), nil, 0)
            }
            try Sodium.check(code, or: .authenticationFailed(what: what))
            switch tag {
            case crypto_secretstream_xchacha20poly1305_tag_message(): return (Int(written), false)
            case crypto_secretstream_xchacha20poly1305_tag_final(): return (Int(written), true)
            default: throw AmanatCryptoError.authenticationFailed(what: what)
            }
        }
    }
}
