internal import CSodium

/// BLAKE2b hashing, plain or keyed (`crypto_generichash`).
public enum BLAKE2b {
    /// Output lengths libsodium accepts: 16 to 64 bytes.
    public static let outputLengths: ClosedRange<Int> = 16...64
    /// Key lengths libsodium accepts: 16 to 64 bytes.
    public static let keyLengths: ClosedRange<Int> = 16...64

    /// Unkeyed BLAKE2b of `data`.
    /// - Parameters:
    ///   - data: the input.
    ///   - length: output length, 16 to 64 bytes (default 32).
    public static func hash(_ data: some BytesView, length: Int = 32) -> [UInt8] {
        hash(data, rawKey: [UInt8](), length: length)
    }

    /// Keyed BLAKE2b of `data`: a MAC or a domain-separated hash.
    /// - Parameters:
    ///   - data: the input.
    ///   - key: 16 to 64 bytes; a secret key, or a public domain-separation label.
    ///   - length: output length, 16 to 64 bytes (default 32).
    public static func hash(_ data: some BytesView, key: some BytesView, length: Int = 32) -> [UInt8] {
        let keyCount = key.byteCount
        precondition(keyLengths.contains(keyCount), "BLAKE2b keys are 16 to 64 bytes")
        return hash(data, rawKey: key, length: length)
    }

    private static func hash(_ data: some BytesView, rawKey: some BytesView, length: Int) -> [UInt8] {
        precondition(outputLengths.contains(length), "BLAKE2b output is 16 to 64 bytes")
        Sodium.ready()
        return [UInt8](unsafeUninitializedCapacity: length) { out, initialized in
            data.withBytes { input in
                let code = rawKey.withBytes { key in
                    crypto_generichash(out.baseAddress!, length, input.u8, UInt64(input.count), key.u8, key.count)
                }
                Sodium.require(code, "crypto_generichash")
            }
            initialized = length
        }
    }

    /// Incremental BLAKE2b, for hashing a large file while it streams past.
    public final class Hasher {
        private let state: SecretBytes
        private let length: Int
        private var finished = false

        /// Starts a hash of `length` bytes (16 to 64), unkeyed or keyed with 16 to 64 bytes of `key`.
        public init(length: Int = 32, key: [UInt8] = []) {
            precondition(outputLengths.contains(length), "BLAKE2b output is 16 to 64 bytes")
            precondition(key.isEmpty || keyLengths.contains(key.count), "BLAKE2b keys are 16 to 64 bytes")
            Sodium.ready()
            self.length = length
            state = SecretBytes(count: crypto_generichash_statebytes()) { st in
                let code = key.withUnsafeBytes { k in
                    crypto_generichash_init(OpaquePointer(st.baseAddress!), k.u8, k.count, length)
                }
                Sodium.require(code, "crypto_generichash_init")
            }
        }

        /// Adds `bytes` to the hash.
        public func update(_ bytes: UnsafeRawBufferPointer) {
            precondition(!finished, "update after finalize")
            let code = state.withUnsafeMutableBytes { st in
                crypto_generichash_update(OpaquePointer(st.baseAddress!), bytes.u8, UInt64(bytes.count))
            }
            Sodium.require(code, "crypto_generichash_update")
        }

        /// The digest of everything added. Call once.
        public func finalize() -> [UInt8] {
            precondition(!finished, "finalize called twice")
            finished = true
            return [UInt8](unsafeUninitializedCapacity: length) { out, initialized in
                let code = state.withUnsafeMutableBytes { st in
                    crypto_generichash_final(OpaquePointer(st.baseAddress!), out.baseAddress!, length)
                }
                Sodium.require(code, "crypto_generichash_final")
                initialized = length
            }
        }
    }
}
