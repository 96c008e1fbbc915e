import Testing

@testable import AmanatCrypto

/// Wycheproof `xchacha20_poly1305_test.json` (AeadTest) against `XChaCha20Poly1305`.
@Suite("Wycheproof XChaCha20-Poly1305")
struct WycheproofXChaCha20Poly1305Runner {
    struct Group: WycheproofGroup {
        let ivSize: Int
        let keySize: Int
        let tagSize: Int
        let tests: [Test]
    }
    struct Test: WycheproofTest {
        let tcId: Int
        let comment: String
        let flags: [String]
        let result: WycheproofResult
        let key: String
        let iv: String
        let aad: String
        let msg: String
        let ct: String
        let tag: String
    }

    @Test("valid tests seal to the expected bytes and open; invalid ones are refused")
    func run() throws {
        let file = try WycheproofFile<Group>.load("xchacha20_poly1305_test")
        var wrongNonceSizes = 0
        for (group, test) in file.tests {
            #expect(group.keySize == 256 && group.tagSize == 128)
            let key = try SymmetricKey(rawRepresentation: SecretBytes(copying: hex(test.key)))
            let nonce = hex(test.iv)
            let aad = hex(test.aad)
            // The message layout is nonce (24) || ciphertext || tag, so another nonce length cannot
            // even be expressed: `seal` preconditions it and `open` reads the first 24 bytes as the
            // nonce. Wycheproof marks every such test invalid; nothing is called for them.
            guard group.ivSize == XChaCha20Poly1305.nonceSize * 8 else {
                #expect(test.result == .invalid, test.label)
                wrongNonceSizes += 1
                continue
            }
            let combined = nonce + hex(test.ct) + hex(test.tag)
            let opened = Result { try XChaCha20Poly1305.open(combined, using: key, associatedData: aad) }
            switch test.result {
            case .valid:
                #expect(
                    XChaCha20Poly1305.seal(hex(test.msg), using: key, nonce: nonce, associatedData: aad) == combined,
                    test.label)
                #expect(try opened.get().publicBytes == hex(test.msg), test.label)
            case .invalid:
                #expect(throws: AmanatCryptoError.authenticationFailed(what: "the encrypted message"), test.label) {
                    try opened.get()
                }
            case .acceptable:
                Issue.record("this file has no acceptable tests; decide and document: \(test.label)")
            }
        }
        #expect(wrongNonceSizes == 9)
    }
}
