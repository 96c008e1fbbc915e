internal import CSodium

/// Ed25519 signing keys and detached signatures.
public enum Ed25519 {
    /// Length of a public key and of a seed, 32 bytes.
    public static let keySize = 32
    /// Length of a detached signature, 64 bytes (`crypto_sign_bytes()`).
    public static let signatureSize = 64

    /// An Ed25519 public key, used to verify signatures.
    public struct PublicKey: Hashable, Sendable {
        /// The 32 raw bytes.
        public let rawRepresentation: [UInt8]

        /// Wraps 32 raw bytes after checking that they encode a real public key: a canonical point of
        /// the prime-order subgroup, not of small order (`crypto_core_ed25519_is_valid_point`). A
        /// small-order key can make one signature verify for many messages.
        /// - Throws: `AmanatCryptoError.invalidLength` when `rawRepresentation` is not 32 bytes;
        ///   `.invalidSigningKey` for any other point.
        public init(rawRepresentation: some BytesView) throws {
            let bytes = try exactBytes(rawRepresentation, count: Ed25519.keySize, what: "an Ed25519 public key")
            guard Ed25519.isValidPoint(bytes) else { throw AmanatCryptoError.invalidSigningKey }
            self.rawRepresentation = bytes
        }

        /// Wraps 32 bytes without the point check, for the Wycheproof runner, whose groups may hold
        /// keys the parser refuses but whose verdicts are about `crypto_sign_verify_detached`.
        init(uncheckedRawRepresentation bytes: [UInt8]) {
            precondition(bytes.count == Ed25519.keySize, "Ed25519 public keys are 32 bytes")
            rawRepresentation = bytes
        }

        /// Whether `signature` is a valid Ed25519 signature of `message` by this key
        /// (`crypto_sign_verify_detached`, which rejects non-canonical and small-order encodings).
        public func isValidSignature(_ signature: some BytesView, for message: some BytesView) -> Bool {
            Sodium.ready()
            return signature.withBytes { sig in
                guard sig.count == Ed25519.signatureSize else { return false }
                return message.withBytes { msg in
                    rawRepresentation.withUnsafeBytes { pk in
                        crypto_sign_verify_detached(
                            sig.u8!,
                            msg.u8, UInt64(msg.count),
                            pk.u8!) == 0
                    }
                }
            }
        }

        /// Verifies `signature`, throwing when it does not match.
        /// - Throws: `AmanatCryptoError.invalidSignature`.
        public func verify(_ signature: some BytesView, for message: some BytesView) throws {
            guard isValidSignature(signature, for: message) else { throw AmanatCryptoError.invalidSignature }
        }
    }

    /// An Ed25519 private key: its 32-byte seed and libsodium's expanded 64-byte secret key, both protected.
    public final class PrivateKey: Sendable {
        /// The 32-byte seed from which the key pair is derived; this is what Amanat stores.
        public let seed: SecretBytes
        /// libsodium's 64-byte secret key (seed followed by public key).
        private let expanded: SecretBytes
        /// The matching public key.
        public let publicKey: PublicKey

        /// Generates a fresh key pair from a random seed.
        public convenience init() {
            try! self.init(seed: SecretBytes(randomCount: Ed25519.keySize))
        }

        /// Derives the key pair from a 32-byte seed (`crypto_sign_seed_keypair`).
        /// - Throws: `AmanatCryptoError.invalidLength` when `seed` is not 32 bytes.
        public init(seed: SecretBytes) throws {
            guard seed.count == Ed25519.keySize else {
                throw AmanatCryptoError.invalidLength(
                    what: "an Ed25519 seed", expected: Ed25519.keySize, actual: seed.count)
            }
            var publicBytes = [UInt8](repeating: 0, count: Ed25519.keySize)
            expanded = SecretBytes(count: 64) { sk in
                let code = seed.withUnsafeBytes { s in
                    publicBytes.withUnsafeMutableBytes { pk in
                        crypto_sign_seed_keypair(pk.u8!, sk.u8!, s.u8!)
                    }
                }
                Sodium.require(code, "crypto_sign_seed_keypair")
            }
            self.seed = seed
            self.publicKey = try PublicKey(rawRepresentation: publicBytes)
        }

        /// A detached Ed25519 signature of `message` (`crypto_sign_detached`), 64 bytes.
        public func signature(for message: some BytesView) -> [UInt8] {
            var signature = [UInt8](repeating: 0, count: Ed25519.signatureSize)
            let code = message.withBytes { msg in
                expanded.withUnsafeBytes { sk in
                    signature.withUnsafeMutableBytes { sig in
                        crypto_sign_detached(
                            sig.u8!, nil,
                            msg.u8, UInt64(msg.count),
                            sk.u8!)
                    }
                }
            }
            Sodium.require(code, "crypto_sign_detached")
            return signature
        }
    }
}
