internal import CSodium

/// Argon2id passphrase hashing (`crypto_pwhash`, algorithm ARGON2ID13, parallelism 1).
///
/// Its cost parameters are stored beside the salt in every format that uses it, so they can be raised
/// later without breaking old files.
public enum Argon2id {
    /// Salt length, 16 bytes (`crypto_pwhash_saltbytes()`).
    public static let saltSize = 16
    /// The algorithm identifier stored in files: `crypto_pwhash_ALG_ARGON2ID13` (2).
    public static let algorithmIdentifier: UInt8 = 2

    /// Cost parameters: passes over memory and memory in bytes.
    public struct Parameters: Hashable, Sendable, CustomStringConvertible {
        /// Number of passes (`opslimit`).
        public let opsLimit: UInt64
        /// Memory in bytes (`memlimit`).
        public let memLimit: UInt64

        /// Accepted range of passes when reading stored parameters: a damaged or hostile file must not
        /// make a reader work for hours.
        public static let acceptedOpsLimits: ClosedRange<UInt64> = 1...32
        /// Accepted range of memory in bytes when reading stored parameters (8 KiB to 2 GiB).
        public static let acceptedMemLimits: ClosedRange<UInt64> = 8192...(1 << 31)

        /// libsodium's INTERACTIVE level: 2 passes, 64 MiB.
        public static let interactive = Parameters(unchecked: 2, 64 << 20)
        /// libsodium's MODERATE level: 3 passes, 256 MiB. The default for identity files.
        public static let moderate = Parameters(unchecked: 3, 256 << 20)
        /// libsodium's SENSITIVE level: 4 passes, 1 GiB.
        public static let sensitive = Parameters(unchecked: 4, 1 << 30)
        /// The smallest accepted parameters (1 pass, 8 KiB). For tests only: they protect nothing.
        public static let minimumForTesting = Parameters(unchecked: 1, 8192)

        private init(unchecked ops: UInt64, _ mem: UInt64) {
            opsLimit = ops
            memLimit = mem
        }

        /// Checked parameters.
        /// - Throws: `AmanatCryptoError.parametersOutOfRange` outside `acceptedOpsLimits` / `acceptedMemLimits`.
        public init(opsLimit: UInt64, memLimit: UInt64, what: String = "the key-stretching setting") throws {
            guard Parameters.acceptedOpsLimits.contains(opsLimit), Parameters.acceptedMemLimits.contains(memLimit)
            else {
                throw AmanatCryptoError.parametersOutOfRange(what: what)
            }
            self.init(unchecked: opsLimit, memLimit)
        }

        /// "3 passes, 256 MiB".
        public var description: String { "\(opsLimit) passes, \(memLimit >> 20) MiB" }
    }

    /// Derives a key from a passphrase.
    /// - Parameters:
    ///   - passphrase: the passphrase bytes (UTF-8 exactly as typed).
    ///   - salt: 16 random bytes stored beside the result.
    ///   - parameters: cost parameters.
    ///   - length: key length in bytes (16 or more).
    /// - Returns: the key, in protected memory.
    /// - Throws: `AmanatCryptoError.invalidLength` for a bad salt; `.outOfMemory` when the memory cost cannot be met.
    public static func deriveKey(
        from passphrase: some BytesView, salt: [UInt8], parameters: Parameters, length: Int = 32
    ) throws -> SecretBytes {
        guard salt.count == saltSize else {
            throw AmanatCryptoError.invalidLength(what: "an Argon2id salt", expected: saltSize, actual: salt.count)
        }
        guard length >= 16 else { throw AmanatCryptoError.invalidArgument("Argon2id output must be at least 16 bytes") }
        Sodium.ready()
        return try SecretBytes(count: length) { out in
            let code = passphrase.withBytes { pw in
                salt.withUnsafeBytes { s in
                    crypto_pwhash(
                        out.u8!, UInt64(length),
                        UnsafeRawPointer(pw.baseAddress ?? UnsafeRawPointer(scratchByte)).assumingMemoryBound(
                            to: CChar.self), UInt64(pw.count),
                        s.u8!, parameters.opsLimit, Int(parameters.memLimit), Int32(algorithmIdentifier))
                }
            }
            try Sodium.check(code, or: .outOfMemory(bytes: Int(parameters.memLimit)))
        }
    }
}
