import AmanatCrypto
import Testing

@Suite("Sealed boxes, AEAD and signatures")
struct SealingTests {
    static let sizes =
        [0, 1, 15, 16, 31, 32, 33, 64, 255, 1000, 4096, 65_537] + (0..<8).map { _ in Int(SecureRandom.uniform(20_000)) }

    @Test("sealed boxes round-trip at many sizes", arguments: sizes)
    func sealedBoxRoundTrip(size: Int) throws {
        let recipient = X25519.PrivateKey()
        let plaintext = randomBytes(size)
        let box = try SealedBox.seal(plaintext, to: recipient.publicKey)
        #expect(box.count == size + SealedBox.overhead)
        #expect(try SealedBox.open(box, with: recipient).publicBytes == plaintext)
        // Sealing is randomised: the same plaintext never gives the same box.
        #expect(try SealedBox.seal(plaintext, to: recipient.publicKey) != box)
    }

    @Test("every single-byte change of a sealed box is rejected; so are wrong keys and truncation")
    func sealedBoxTampering() throws {
        let recipient = X25519.PrivateKey()
        let box = try SealedBox.seal(randomBytes(100), to: recipient.publicKey)
        for flip in singleByteFlips(of: box) {
            #expect(
                throws: AmanatCryptoError.authenticationFailed(what: "the sealed box"),
                "byte \(flip.position) ^ \(flip.mask)"
            ) {
                try SealedBox.open(flip.bytes, with: recipient)
            }
        }
        #expect(throws: AmanatCryptoError.authenticationFailed(what: "the sealed box")) {
            try SealedBox.open(box, with: X25519.PrivateKey())
        }
        for cut in [0, 1, 47] {
            #expect(throws: AmanatCryptoError.truncated(what: "the sealed box")) {
                try SealedBox.open(Array(box.prefix(cut)), with: recipient)
            }
        }
        #expect(throws: AmanatCryptoError.self) { try SealedBox.open(Array(box.dropLast()), with: recipient) }
        #expect(throws: AmanatCryptoError.self) { try SealedBox.open(box + [0], with: recipient) }
    }

    @Test("AEAD round-trips at many sizes, with and without associated data", arguments: sizes)
    func aeadRoundTrip(size: Int) throws {
        let key = SymmetricKey()
        let plaintext = randomBytes(size)
        let ad = randomBytes(size % 50)
        let message = XChaCha20Poly1305.seal(plaintext, using: key, associatedData: ad)
        #expect(message.count == size + XChaCha20Poly1305.overhead)
        #expect(try XChaCha20Poly1305.open(message, using: key, associatedData: ad).publicBytes == plaintext)
    }

    @Test("every single-byte change of an AEAD message is rejected; so are wrong keys and wrong associated data")
    func aeadTampering() throws {
        let key = SymmetricKey()
        let ad = Array("amanat/v1/record 42".utf8)
        let message = XChaCha20Poly1305.seal(randomBytes(80), using: key, associatedData: ad)
        for flip in singleByteFlips(of: message) {
            #expect(
                throws: AmanatCryptoError.authenticationFailed(what: "the encrypted message"),
                "byte \(flip.position) ^ \(flip.mask)"
            ) {
                try XChaCha20Poly1305.open(flip.bytes, using: key, associatedData: ad)
            }
        }
        for flip in singleByteFlips(of: ad) {
            #expect(throws: AmanatCryptoError.self) {
                try XChaCha20Poly1305.open(message, using: key, associatedData: flip.bytes)
            }
        }
        #expect(throws: AmanatCryptoError.self) { try XChaCha20Poly1305.open(message, using: key) }
        #expect(throws: AmanatCryptoError.self) {
            try XChaCha20Poly1305.open(message, using: SymmetricKey(), associatedData: ad)
        }
        #expect(throws: AmanatCryptoError.truncated(what: "the encrypted message")) {
            try XChaCha20Poly1305.open(Array(message.prefix(39)), using: key, associatedData: ad)
        }
        #expect(throws: AmanatCryptoError.self) {
            try XChaCha20Poly1305.open(message + [0], using: key, associatedData: ad)
        }
    }

    @Test("signatures verify only for the signed message and the signer's key")
    func signatures() throws {
        let signer = Ed25519.PrivateKey()
        let message = Array("grant: case 7, read, expires 2027-02-23".utf8)
        let signature = signer.signature(for: message)
        #expect(signature.count == Ed25519.signatureSize)
        #expect(signer.publicKey.isValidSignature(signature, for: message))
        try signer.publicKey.verify(signature, for: message)
        for flip in singleByteFlips(of: signature) {
            #expect(!signer.publicKey.isValidSignature(flip.bytes, for: message), "signature byte \(flip.position)")
        }
        for flip in singleByteFlips(of: message) {
            #expect(!signer.publicKey.isValidSignature(signature, for: flip.bytes), "message byte \(flip.position)")
        }
        #expect(!Ed25519.PrivateKey().publicKey.isValidSignature(signature, for: message))
        #expect(!signer.publicKey.isValidSignature(Array(signature.dropLast()), for: message))
        // Restoring from the seed gives the same key pair and the same (deterministic) signature.
        let restored = try Ed25519.PrivateKey(seed: signer.seed)
        #expect(restored.publicKey == signer.publicKey)
        #expect(restored.signature(for: message) == signature)
    }

    @Test("wrong key lengths are refused with a clear error")
    func keyLengths() {
        #expect(throws: AmanatCryptoError.invalidLength(what: "an X25519 public key", expected: 32, actual: 31)) {
            try X25519.PublicKey(rawRepresentation: randomBytes(31))
        }
        #expect(throws: AmanatCryptoError.self) { try Ed25519.PublicKey(rawRepresentation: randomBytes(33)) }
        #expect(throws: AmanatCryptoError.self) { try SymmetricKey(rawRepresentation: SecretBytes(randomCount: 16)) }
        #expect(throws: AmanatCryptoError.self) { try Ed25519.PrivateKey(seed: SecretBytes(randomCount: 64)) }
        #expect(throws: AmanatCryptoError.self) {
            try X25519.PrivateKey(rawRepresentation: SecretBytes(randomCount: 0))
        }
    }
}
