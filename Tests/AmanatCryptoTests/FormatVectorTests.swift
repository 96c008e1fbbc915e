import Testing

@testable import AmanatCrypto

/// Fixed vectors for Amanat's own formats (Docs/format.md), made once by an independent implementation
/// (Vectors/make_format_vectors.py, PyNaCl) and committed, so a format cannot drift silently.
@Suite("Format vectors: identity file, public key string, stream")
struct FormatVectorTests {
    struct IdentityVector: Decodable {
        let comment: String
        let expect: String
        let file: String
        let passphrase_utf8: String
        let x25519_secret, ed25519_seed, x25519_public, ed25519_public, salt, nonce: String?
        let opslimit, memlimit: UInt64?
    }

    struct KeyStringVector: Decodable {
        let comment: String
        let expect: Expectation
        let string, x25519_public, ed25519_public, fingerprint: String
    }

    struct StreamVector: Decodable {
        let comment: String
        let expect: String
        let key: String
        let chunk_size: Int
        let ciphertext, plaintext: String
    }

    /// The error each `expect` value stands for.
    static func identityError(_ expect: String, path: String) -> AmanatCryptoError? {
        switch expect {
        case "wrong passphrase": return .wrongPassphrase(path: path)
        case "not an identity file": return .notAnIdentityFile(path: path)
        case "parameters out of range": return .parametersOutOfRange(what: path)
        case "truncated": return .truncated(what: path)
        case "trailing data": return .trailingData(what: path)
        default: return nil
        }
    }

    @Test("identity file v1: opens, re-encodes byte for byte, and refuses every damaged form as specified")
    func identityFiles() throws {
        let path = "vector.id"
        var successes = 0
        for v in try VectorFile<IdentityVector>.load("identity-file-v1") {
            let file = hex(v.file)
            let passphrase = SecretBytes(utf8: v.passphrase_utf8)
            switch v.expect {
            case "success":
                successes += 1
                let identity = try IdentityFile.decodeWeak(file, passphrase: passphrase, path: path)
                #expect(Hex.encode(identity.encryptionKey.rawRepresentation) == v.x25519_secret, "\(v.comment)")
                #expect(Hex.encode(identity.signingKey.seed) == v.ed25519_seed, "\(v.comment)")
                #expect(Hex.encode(identity.publicKey.encryption.rawRepresentation) == v.x25519_public)
                #expect(Hex.encode(identity.publicKey.signing.rawRepresentation) == v.ed25519_public)
                let parameters = try Argon2id.Parameters(opsLimit: #require(v.opslimit), memLimit: #require(v.memlimit))
                let again = try IdentityFile.encode(
                    identity, passphrase: passphrase, parameters: parameters,
                    salt: hex(#require(v.salt)), nonce: hex(#require(v.nonce)))
                #expect(again == file, "re-encoding differs: \(v.comment)")
            case "unsupported version":
                #expect(throws: AmanatCryptoError.self, "\(v.comment)") {
                    try IdentityFile.decodeWeak(file, passphrase: passphrase, path: path)
                }
                do {
                    _ = try IdentityFile.decodeWeak(file, passphrase: passphrase, path: path)
                } catch let error as AmanatCryptoError {
                    guard case .unsupportedVersion = error else {
                        Issue.record("\(v.comment): got \(error)")
                        continue
                    }
                }
            default:
                let expected = try #require(Self.identityError(v.expect, path: path), "unknown expect \(v.expect)")
                #expect(throws: expected, "\(v.comment)") {
                    try IdentityFile.decodeWeak(file, passphrase: passphrase, path: path)
                }
            }
        }
        #expect(successes >= 3)
    }

    @Test("public key string v1: parses to the stated keys and fingerprint; every malformed string is refused")
    func publicKeyStrings() throws {
        for v in try VectorFile<KeyStringVector>.load("public-key-string-v1") {
            switch v.expect {
            case .success:
                let key = try Identity.PublicKey(string: v.string)
                #expect(Hex.encode(key.encryption.rawRepresentation) == v.x25519_public, "\(v.comment)")
                #expect(Hex.encode(key.signing.rawRepresentation) == v.ed25519_public, "\(v.comment)")
                #expect(key.fingerprint.description == v.fingerprint, "\(v.comment)")
                // Writing it again gives the canonical form: lowercase, one line.
                let canonical = v.string.filter { !$0.isWhitespace }.lowercased()
                #expect(key.stringRepresentation == canonical)
            case .failure:
                #expect(throws: AmanatCryptoError.self, "\(v.comment)") { try Identity.PublicKey(string: v.string) }
            }
        }
    }

    @Test("stream v1: committed streams decrypt, and truncated or altered ones are refused as specified")
    func streams() throws {
        for v in try VectorFile<StreamVector>.load("stream-v1") {
            let key = try SymmetricKey(rawRepresentation: SecretBytes(copying: hex(v.key)))
            var reader = MemoryReader(hex(v.ciphertext))
            var writer = MemoryWriter()
            let attempt = Result {
                try SecretStream.decrypt(from: &reader, to: &writer, using: key, chunkSize: v.chunk_size)
            }
            switch v.expect {
            case "success":
                #expect(try attempt.get() == hex(v.plaintext).count, "\(v.comment)")
                #expect(writer.bytes == hex(v.plaintext), "\(v.comment)")
            case "truncated":
                #expect(throws: AmanatCryptoError.truncated(what: "the encrypted stream"), "\(v.comment)") {
                    try attempt.get()
                }
            case "authentication failure":
                #expect(throws: AmanatCryptoError.authenticationFailed(what: "the encrypted stream"), "\(v.comment)") {
                    try attempt.get()
                }
            default:
                Issue.record("unknown expect \(v.expect)")
            }
        }
    }
}
