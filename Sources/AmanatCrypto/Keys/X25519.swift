internal import CSodium

/// X25519 (Curve25519 Diffie-Hellman) keys: the keys sealed boxes are addressed to.
public enum X25519 {
    /// Length of public and private keys, 32 bytes (`crypto_box_publickeybytes()`).
    public static let keySize = 32

    /// An X25519 public key: safe to publish, paste into an email, or store in a vault.
    public struct PublicKey: Hashable, Sendable {
        /// The 32 raw bytes.
        public let rawRepresentation: [UInt8]

        /// Wraps 32 raw bytes after checking that they can be a real key: canonical (below 2^255 - 19,
        /// top bit clear) and not one of the five low-order points (see `X25519+Validation.swift`).
        /// Sealing to such a point gives a shared secret an attacker knows without any private key.
        /// - Throws: `AmanatCryptoError.invalidLength` when `rawRepresentation` is not 32 bytes;
        ///   `.weakPublicKey` for a low-order or non-canonical point.
        public init(rawRepresentation: some BytesView) throws {
            let bytes = try exactBytes(rawRepresentation, count: X25519.keySize, what: "an X25519 public key")
            guard X25519.isAcceptablePublicKey(bytes) else { throw AmanatCryptoError.weakPublicKey }
            self.rawRepresentation = bytes
        }

        /// Wraps 32 bytes without the point checks, so tests can show that the layers behind the
        /// parser (sealing, key agreement) refuse a bad key on their own.
        init(uncheckedRawRepresentation bytes: [UInt8]) {
            precondition(bytes.count == X25519.keySize, "X25519 public keys are 32 bytes")
            rawRepresentation = bytes
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
                    Sodium.require(crypto_box_keypair(pk.u8!, secret.u8!), "crypto_box_keypair")
                }
            }
            publicKey = try! PublicKey(rawRepresentation: publicBytes)
        }

        /// Restores a private key from its 32 secret bytes and derives its public key.
        /// - Throws: `AmanatCryptoError.invalidLength` when `rawRepresentation` is not 32 bytes.
        public init(rawRepresentation: SecretBytes) throws {
            guard rawRepresentation.count == X25519.keySize else {
                throw AmanatCryptoError.invalidLength(
                    what: "an X25519 private key", expected: X25519.keySize, actual: rawRepresentation.count)
            }
            Sodium.ready()
            var publicBytes = [UInt8](repeating: 0, count: X25519.keySize)
            let code = rawRepresentation.withUnsafeBytes { secret in
                publicBytes.withUnsafeMutableBytes { pk in
                    crypto_scalarmult_base(pk.u8!, secret.u8!)
                }
            }
            // A clamped scalar never gives the identity, so this fails only on a broken libsodium.
            Sodium.require(code, "crypto_scalarmult_base")
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

extension X25519 {
    /// Raw X25519 of a 32-byte scalar and a 32-byte u-coordinate, exactly as RFC 7748 §5 defines it
    /// (top bit of `point` ignored, non-canonical values reduced), with no public key checks: the
    /// Wycheproof and RFC 7748 runners need to feed it points `PublicKey` refuses.
    /// - Parameters:
    ///   - scalar: 32 bytes, clamped by libsodium.
    ///   - point: 32 bytes.
    /// - Returns: the 32-byte result.
    /// - Throws: `AmanatCryptoError.invalidLength` for wrong lengths; `.weakPublicKey` when libsodium
    ///   refuses the point (its low-order list) or the result is all zero.
    static func scalarMultiply(_ scalar: [UInt8], _ point: [UInt8]) throws -> [UInt8] {
        guard scalar.count == keySize else {
            throw AmanatCryptoError.invalidLength(what: "an X25519 scalar", expected: keySize, actual: scalar.count)
        }
        guard point.count == keySize else {
            throw AmanatCryptoError.invalidLength(what: "an X25519 point", expected: keySize, actual: point.count)
        }
        Sodium.ready()
        var out = [UInt8](repeating: 0, count: keySize)
        let code = scalar.withUnsafeBytes { n in
            point.withUnsafeBytes { p in
                out.withUnsafeMutableBytes { q in crypto_scalarmult(q.u8!, n.u8!, p.u8!) }
            }
        }
        try Sodium.check(code, or: .weakPublicKey)
        return out
    }
}
