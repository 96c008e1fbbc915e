/// A person's Amanat key pair: an X25519 key that things are sealed to, and an Ed25519 key she signs
/// with (grants, audit entries, projections). Lawyers, editors and administrators each hold one,
/// stored encrypted in an identity file (`IdentityFile`).
public final class Identity: Sendable {
    /// The key sealed boxes are addressed to.
    public let encryptionKey: X25519.PrivateKey
    /// The key this person signs with.
    public let signingKey: Ed25519.PrivateKey

    /// A fresh identity with new random keys.
    public init() {
        encryptionKey = X25519.PrivateKey()
        signingKey = Ed25519.PrivateKey()
    }

    /// An identity from existing keys.
    public init(encryptionKey: X25519.PrivateKey, signingKey: Ed25519.PrivateKey) {
        self.encryptionKey = encryptionKey
        self.signingKey = signingKey
    }

    /// The public half, safe to share.
    public var publicKey: PublicKey {
        PublicKey(encryption: encryptionKey.publicKey, signing: signingKey.publicKey)
    }
}

extension Identity {
    /// The public half of an identity: what a lawyer pastes into an email so a case can be granted to her.
    public struct PublicKey: Hashable, Sendable, CustomStringConvertible {
        /// Where sealed boxes for this person go.
        public let encryption: X25519.PublicKey
        /// What this person's signatures verify against.
        public let signing: Ed25519.PublicKey

        /// Pairs two public keys.
        public init(encryption: X25519.PublicKey, signing: Ed25519.PublicKey) {
            self.encryption = encryption
            self.signing = signing
        }

        /// The two keys, X25519 then Ed25519 (64 bytes): the input of checksums and fingerprints.
        var concatenated: [UInt8] { encryption.rawRepresentation + signing.rawRepresentation }

        /// The public key string: "amanat1" and 109 lowercase base32 characters (Docs/format.md).
        public var stringRepresentation: String {
            let keys = concatenated
            let checksum = BLAKE2b.hash(keys, key: Labels.publicKeyChecksum, length: 32).prefix(4)
            return Labels.publicKeyPrefix + Base32.encode(keys + checksum)
        }

        /// Parses a public key string, as pasted from an email: upper or lower case, spaces and line
        /// breaks ignored.
        /// - Throws: `AmanatCryptoError.invalidEncoding` when it is not a public key string at all,
        ///   `.checksumMismatch` when it has a typo.
        public init(string: String) throws {
            let what = "the public key"
            // Case folding is ASCII-only: Unicode lowercasing would turn look-alikes (the Kelvin sign)
            // into ASCII letters and accept a string that is not the one its owner sent.
            let scalars = string.unicodeScalars.filter { !$0.properties.isWhitespace }
            guard scalars.allSatisfy(\.isASCII) else {
                throw AmanatCryptoError.invalidEncoding(
                    what: what,
                    reason:
                        "it contains characters that are not plain letters or digits; copy it again from the original")
            }
            let compact = String(String.UnicodeScalarView(scalars)).lowercased()
            guard compact.hasPrefix(Labels.publicKeyPrefix) else {
                if compact.hasPrefix("amanatid") || compact.hasPrefix("amanat-secret") {
                    throw AmanatCryptoError.invalidEncoding(
                        what: what, reason: "this looks like secret key material; never paste it anywhere")
                }
                throw AmanatCryptoError.invalidEncoding(
                    what: what, reason: "Amanat public keys start with \"\(Labels.publicKeyPrefix)\"")
            }
            let body = String(compact.dropFirst(Labels.publicKeyPrefix.count))
            guard body.utf8.count == 109 else {
                throw AmanatCryptoError.invalidEncoding(
                    what: what,
                    reason: "it should have 116 characters but has \(compact.utf8.count); it was probably cut off")
            }
            let payload = try Base32.decode(body, what: what)
            let keys = Array(payload[0..<64])
            let checksum = BLAKE2b.hash(keys, key: Labels.publicKeyChecksum, length: 32).prefix(4)
            guard constantTimeEquals(Array(checksum), Array(payload[64..<68])) else {
                throw AmanatCryptoError.checksumMismatch
            }
            self.init(
                encryption: try X25519.PublicKey(rawRepresentation: keys[0..<32]),
                signing: try Ed25519.PublicKey(rawRepresentation: keys[32..<64]))
        }

        /// A short fingerprint to read aloud and compare, e.g. "K7QD-M2XA-P4LF-9ZRB" (80 bits).
        public var fingerprint: Fingerprint { Fingerprint(keys: concatenated) }

        /// The public key string.
        public var description: String { stringRepresentation }
    }

    /// A short, speakable digest of a public key: 16 base32 characters in four groups.
    public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
        /// The 10 raw bytes.
        public let rawRepresentation: [UInt8]

        init(keys: [UInt8]) {
            rawRepresentation = Array(BLAKE2b.hash(keys, key: Labels.fingerprint, length: 32).prefix(10))
        }

        /// "ABCD-EFGH-IJKL-MNOP".
        public var description: String {
            let text = Array(Base32.encode(rawRepresentation, uppercase: true))
            return stride(from: 0, to: text.count, by: 4).map { String(text[$0..<min($0 + 4, text.count)]) }.joined(
                separator: "-")
        }

        /// Parses "ABCD-EFGH-IJKL-MNOP" (case and dashes optional).
        /// - Throws: `AmanatCryptoError.invalidEncoding` when it is not 16 base32 characters.
        public init(string: String) throws {
            let compact = string.filter { $0 != "-" && !$0.isWhitespace }
            guard compact.count == 16 else {
                throw AmanatCryptoError.invalidEncoding(
                    what: "the fingerprint", reason: "a fingerprint has 16 letters and digits, like ABCD-EFGH-IJKL-MNOP"
                )
            }
            rawRepresentation = try Base32.decode(compact, what: "the fingerprint")
        }
    }
}
