internal import CSodium

/// X25519 (Curve25519 Diffie-Hellman) keys: the keys sealed boxes are addressed to.
public enum X25519 {
    /// Length of public and private keys, 32 bytes (`crypto_box_publickeybytes()`).
    public static let keySize = 32

    /// An X25519 public key: safe to publish, paste into an email, or store in a vault.
    public struct PublicKey: Hashable, Sendable {
        /// The 32 raw bytes.
        public let rawRepresentation: [UInt8]

        /// Wraps 32 raw bytes.
        /// - Throws: `AmanatCryptoError.invalidLength` when `rawRepresentation` is not 32 bytes.
        public init(rawRepresentation: some BytesView) throws {
            self.rawRepresentation = try exactBytes(rawRepresentation, count: X25519.keySize, what: "an X25519 public key")
        }
    }

    /// An X25519 private key, held in protected memory.
    public final class PrivateKey: Sendable {
        /// The 32 secret bytes.
        public let rawRepresentation: SecretBytes
        /// The matching public key.
        public let publicKey: PublicKey

        /// Generates a fresh key pair (`crypto_box_keypair`).
        public init() {
            Sodium.ready()
            var publicBytes = [UInt8](repeating: 0, count: X25519.keySize)
            rawRepresentation = SecretBytes(count: X25519.keySize) { secret in
                publicBytes.withUnsafeMutableBytes { pk in
                    _ = crypto_box_keypair(pk.u8!, secret.u8!)
                }
            }
            publicKey = try! PublicKey(rawRepresentation: publicBytes)
        }

        /// Restores a private key from its 32 secret bytes and derives its public key.
        /// - Throws: `AmanatCryptoError.invalidLength` when `rawRepresentation` is not 32 bytes.
        public init(rawRepresentation: SecretBytes) throws {
            guard rawRepresentation.count == X25519.keySize else {
                throw AmanatCryptoError.invalidLength(what: "an X25519 private key", expected: X25519.keySize, actual: rawRepresentation.count)
            }
            Sodium.ready()
            var publicBytes = [UInt8](repeating: 0, count: X25519.keySize)
            rawRepresentation.withUnsafeBytes { secret in
                publicBytes.withUnsafeMutableBytes { pk in
                    _ = crypto_scalarmult_base(pk.u8!, secret.u8!)
                }
            }
            self.rawRepresentation = rawRepresentation
            self.publicKey = try PublicKey(rawRepresentation: publicBytes)
        }

        /// Raw X25519 (`crypto_scalarmult`) with another party's public key.
        ///
        /// Amanat itself uses sealed boxes rather than raw key agreement; this exists for the
        /// published known-answer tests (RFC 7748) and for callers that hash the result themselves.
        /// - Throws: `AmanatCryptoError.weakPublicKey` when the result is all zero (a low-order point).
        public func sharedSecret(with publicKey: PublicKey) throws -> SecretBytes {
            try SecretBytes(count: X25519.keySize) { shared in
                let code = rawRepresentation.withUnsafeBytes { secret in
                    publicKey.rawRepresentation.withUnsafeBytes { pk in
                        crypto_scalarmult(shared.u8!, secret.u8!, pk.u8!)
                    }
                }
                try Sodium.check(code, or: .weakPublicKey)
            }
        }
    }
}
