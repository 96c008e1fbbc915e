import Testing

@testable import AmanatCrypto

/// Published known-answer vectors (Vectors/README.md names each source).
@Suite("Known-answer vectors")
struct KnownAnswerTests {
    struct ScalarMult: Decodable {
        let comment: String
        let expect: Expectation
        let scalar, u, output: String
        let iterations: Int
    }
    struct DH: Decodable {
        let comment: String
        let expect: Expectation
        let alice_private, alice_public, bob_private, bob_public, shared: String
    }
    struct Ed: Decodable {
        let comment: String
        let expect: Expectation
        let seed, public_key, message, signature: String
    }
    struct AEAD: Decodable {
        let comment: String
        let expect: Expectation
        let key, nonce, aad, plaintext, ciphertext, tag: String
    }
    struct Blake: Decodable {
        let comment: String
        let expect: Expectation
        let input, key: String
        let output_length: Int
        let output: String
    }
    struct Argon: Decodable {
        let comment: String
        let expect: Expectation
        let password, salt: String
        let opslimit, memlimit: UInt64
        let output: String
    }

    @Test("X25519 scalar multiplication, RFC 7748 §5.2")
    func x25519ScalarMult() throws {
        for v in try VectorFile<ScalarMult>.load("x25519-rfc7748-scalarmult") {
            var k = hex(v.scalar)
            var u = hex(v.u)
            if v.iterations == 0 {
                // Raw X25519: RFC 7748's inputs include u-coordinates with the top bit set, which
                // `X25519.PublicKey` refuses as non-canonical (PublicKeyValidationTests).
                let result = Result { try X25519.scalarMultiply(k, u) }
                switch v.expect {
                case .success: #expect(try result.get() == hex(v.output), "\(v.comment)")
                case .failure: #expect(throws: AmanatCryptoError.weakPublicKey, "\(v.comment)") { try result.get() }
                }
            } else {
                for _ in 0..<v.iterations {
                    let next = try X25519.scalarMultiply(k, u)
                    u = k
                    k = next
                }
                #expect(k == hex(v.output), "\(v.comment)")
            }
        }
    }

    @Test("X25519 Diffie-Hellman, RFC 7748 §6.1")
    func x25519DH() throws {
        for v in try VectorFile<DH>.load("x25519-rfc7748-dh") {
            let alice = try X25519.PrivateKey(rawRepresentation: SecretBytes(copying: hex(v.alice_private)))
            let bob = try X25519.PrivateKey(rawRepresentation: SecretBytes(copying: hex(v.bob_private)))
            let fromAlice = try alice.sharedSecret(with: X25519.PublicKey(rawRepresentation: hex(v.bob_public)))
            switch v.expect {
            case .success:
                #expect(alice.publicKey.rawRepresentation == hex(v.alice_public))
                #expect(bob.publicKey.rawRepresentation == hex(v.bob_public))
                #expect(fromAlice == SecretBytes(copying: hex(v.shared)))
                #expect(try bob.sharedSecret(with: alice.publicKey) == SecretBytes(copying: hex(v.shared)))
            case .failure:
                #expect(fromAlice != SecretBytes(copying: hex(v.shared)), "\(v.comment)")
            }
        }
    }

    @Test("Ed25519, RFC 8032 §7.1 tests 1-3 and their corruptions")
    func ed25519() throws {
        for v in try VectorFile<Ed>.load("ed25519-rfc8032") {
            let key = try Ed25519.PrivateKey(seed: SecretBytes(copying: hex(v.seed)))
            switch v.expect {
            case .success:
                let publicKey = try Ed25519.PublicKey(rawRepresentation: hex(v.public_key))
                #expect(key.publicKey == publicKey, "\(v.comment)")
                #expect(key.signature(for: hex(v.message)) == hex(v.signature), "\(v.comment)")
                #expect(publicKey.isValidSignature(hex(v.signature), for: hex(v.message)))
            case .failure:
                // A corrupted public key may not even be a valid point, and then the parser already refuses
                // it; either way, libsodium must not accept the signature under those bytes.
                let parsed = Result { try Ed25519.PublicKey(rawRepresentation: hex(v.public_key)) }
                if case .failure(let error) = parsed {
                    #expect(error as? AmanatCryptoError == .invalidSigningKey, "\(v.comment)")
                }
                let publicKey = (try? parsed.get()) ?? Ed25519.PublicKey(uncheckedRawRepresentation: hex(v.public_key))
                #expect(!publicKey.isValidSignature(hex(v.signature), for: hex(v.message)), "\(v.comment)")
                #expect(throws: AmanatCryptoError.invalidSignature) {
                    try publicKey.verify(hex(v.signature), for: hex(v.message))
                }
            }
        }
    }

    @Test("XChaCha20-Poly1305, draft-irtf-cfrg-xchacha A.3.1 and its corruptions")
    func xchacha() throws {
        for v in try VectorFile<AEAD>.load("xchacha20poly1305-draft-a3") {
            let key = try SymmetricKey(rawRepresentation: SecretBytes(copying: hex(v.key)))
            let message = hex(v.nonce) + hex(v.ciphertext) + hex(v.tag)
            switch v.expect {
            case .success:
                #expect(
                    XChaCha20Poly1305.seal(
                        hex(v.plaintext), using: key, nonce: hex(v.nonce), associatedData: hex(v.aad)) == message)
                #expect(
                    try XChaCha20Poly1305.open(message, using: key, associatedData: hex(v.aad)).publicBytes
                        == hex(v.plaintext))
            case .failure:
                #expect(throws: AmanatCryptoError.self, "\(v.comment)") {
                    try XChaCha20Poly1305.open(message, using: key, associatedData: hex(v.aad))
                }
            }
        }
    }

    @Test("BLAKE2b, RFC 7693 appendix A and hashlib cross-checks")
    func blake2b() throws {
        for v in try VectorFile<Blake>.load("blake2b-rfc7693") {
            let key = hex(v.key)
            let digest =
                key.isEmpty
                ? BLAKE2b.hash(hex(v.input), length: v.output_length)
                : BLAKE2b.hash(hex(v.input), key: key, length: v.output_length)
            switch v.expect {
            case .success: #expect(digest == hex(v.output), "\(v.comment)")
            case .failure: #expect(digest != hex(v.output), "\(v.comment)")
            }
            // The incremental hasher agrees with the one-shot hash, fed in uneven pieces, keyed or not.
            do {
                let hasher = BLAKE2b.Hasher(length: v.output_length, key: key)
                let input = hex(v.input)
                input.withUnsafeBytes { raw in
                    hasher.update(UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count / 3)]))
                    hasher.update(UnsafeRawBufferPointer(rebasing: raw[(raw.count / 3)...]))
                }
                #expect(hasher.finalize() == digest)
            }
        }
    }

    @Test("Argon2id, outputs of argon2-cffi (an independent implementation)")
    func argon2id() throws {
        for v in try VectorFile<Argon>.load("argon2id-argon2cffi") {
            let parameters = try Argon2id.Parameters(opsLimit: v.opslimit, memLimit: v.memlimit)
            let output = try Argon2id.deriveKey(
                from: hex(v.password), salt: hex(v.salt), parameters: parameters, length: hex(v.output).count)
            switch v.expect {
            case .success: #expect(output == SecretBytes(copying: hex(v.output)), "\(v.comment)")
            case .failure: #expect(output != SecretBytes(copying: hex(v.output)), "\(v.comment)")
            }
        }
    }
}
