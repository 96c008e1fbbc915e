import Testing

@testable import AmanatCrypto

/// Public keys are checked where they are parsed: no low-order or non-canonical X25519 point, no
/// small-order, non-canonical or off-curve Ed25519 point, in raw form or inside a public key string.
@Suite("Public key validation")
struct PublicKeyValidationTests {
    struct LowOrder: Decodable {
        let comment: String
        let point: String
        let libsodium_scalarmult: String
    }
    struct BadSigningKey: Decodable {
        let comment: String
        let public_key: String
    }

    static let lowOrder = (try? VectorFile<LowOrder>.load("x25519-low-order-points")) ?? []
    static let badSigningKeys = (try? VectorFile<BadSigningKey>.load("ed25519-invalid-public-keys")) ?? []

    @Test("the vector files hold Bernstein's 12 encodings, libsodium's 7 with the top bit, and the Ed25519 list")
    func vectorsLoad() {
        #expect(Self.lowOrder.count == 19)
        #expect(Self.lowOrder.filter { $0.comment.hasPrefix("Bernstein") }.count == 12)
        #expect(Self.badSigningKeys.count >= 13)
    }

    @Test("X25519.PublicKey refuses every low-order and non-canonical encoding")
    func x25519Refuses() {
        for v in Self.lowOrder {
            #expect(throws: AmanatCryptoError.weakPublicKey, "\(v.comment)") {
                try X25519.PublicKey(rawRepresentation: hex(v.point))
            }
        }
        // Every non-canonical value, p .. 2^255 - 1, and a value just below p that is an ordinary point.
        for low in UInt8(0xed)...0xff {
            let bytes = [low] + [UInt8](repeating: 0xff, count: 30) + [0x7f]
            #expect(throws: AmanatCryptoError.weakPublicKey) { try X25519.PublicKey(rawRepresentation: bytes) }
        }
        #expect(X25519.isCanonical([0xeb] + [UInt8](repeating: 0xff, count: 30) + [0x7f]))
    }

    @Test("real X25519 keys are accepted")
    func x25519Accepts() throws {
        for _ in 0..<64 {
            let key = X25519.PrivateKey()
            #expect(try X25519.PublicKey(rawRepresentation: key.publicKey.rawRepresentation) == key.publicKey)
        }
    }

    @Test("sealing to the all-zero key and to every point libsodium calls low-order fails, past the parser too")
    func sealRefuses() {
        let refused = Self.lowOrder.filter { $0.libsodium_scalarmult == "refused" }
        #expect(refused.count == 14)
        for v in refused {
            let key = X25519.PublicKey(uncheckedRawRepresentation: hex(v.point))
            #expect(throws: AmanatCryptoError.weakPublicKey, "\(v.comment)") { try SealedBox.seal([1, 2, 3], to: key) }
            #expect(throws: AmanatCryptoError.weakPublicKey, "\(v.comment)") {
                try X25519.PrivateKey().sharedSecret(with: key)
            }
        }
    }

    @Test("a public key string whose X25519 half is any low-order point is refused, checksum and all")
    func stringRefusesLowOrderEncryptionKey() {
        let signing = Ed25519.PrivateKey().publicKey
        for v in Self.lowOrder {
            let bad = Identity.PublicKey(
                encryption: X25519.PublicKey(uncheckedRawRepresentation: hex(v.point)), signing: signing)
            let text = bad.stringRepresentation  // a correct checksum around the bad point
            #expect(throws: AmanatCryptoError.weakPublicKey, "\(v.comment)") { try Identity.PublicKey(string: text) }
        }
    }

    @Test("Ed25519.PublicKey refuses small-order, non-canonical, off-curve and mixed-order points")
    func ed25519Refuses() {
        for v in Self.badSigningKeys {
            #expect(throws: AmanatCryptoError.invalidSigningKey, "\(v.comment)") {
                try Ed25519.PublicKey(rawRepresentation: hex(v.public_key))
            }
        }
        for _ in 0..<64 {
            let key = Ed25519.PrivateKey().publicKey
            #expect(throws: Never.self) { try Ed25519.PublicKey(rawRepresentation: key.rawRepresentation) }
        }
    }

    @Test("a public key string whose Ed25519 half is invalid is refused")
    func stringRefusesBadSigningKey() {
        let encryption = X25519.PrivateKey().publicKey
        for v in Self.badSigningKeys {
            let bad = Identity.PublicKey(
                encryption: encryption, signing: Ed25519.PublicKey(uncheckedRawRepresentation: hex(v.public_key)))
            #expect(throws: AmanatCryptoError.invalidSigningKey, "\(v.comment)") {
                try Identity.PublicKey(string: bad.stringRepresentation)
            }
        }
    }

    @Test("an identity file whose header holds a low-order X25519 key is refused before any key derivation")
    func identityFileHeader() throws {
        var bytes = try IdentityFile.encode(
            Identity(), passphrase: SecretBytes(utf8: "x"), parameters: .minimumForTesting)
        bytes.replaceSubrange(42..<74, with: [UInt8](repeating: 0, count: 32))
        #expect(throws: AmanatCryptoError.weakPublicKey) { try IdentityFile.publicKeyWeak(of: bytes) }
        #expect(throws: AmanatCryptoError.weakPublicKey) {
            try IdentityFile.decodeWeak(bytes, passphrase: SecretBytes(utf8: "x"))
        }
    }
}

extension PublicKeyValidationTests {
    @Test("remembering valid Ed25519 keys never lets a bad one through, before or after the memory fills")
    func rememberedKeys() throws {
        let good = (0..<(Ed25519.rememberedKeyLimit + 10)).map { _ in Ed25519.PrivateKey().publicKey.rawRepresentation }
        for key in good + good { #expect(throws: Never.self) { try Ed25519.PublicKey(rawRepresentation: key) } }
        for v in Self.badSigningKeys {
            #expect(throws: AmanatCryptoError.invalidSigningKey, "\(v.comment)") {
                try Ed25519.PublicKey(rawRepresentation: hex(v.public_key))
            }
        }
    }
}
