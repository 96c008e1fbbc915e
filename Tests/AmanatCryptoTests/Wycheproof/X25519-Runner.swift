import Testing

@testable import AmanatCrypto

/// Wycheproof `x25519_test.json` (XdhComp) against raw X25519, `X25519.scalarMultiply`.
@Suite("Wycheproof X25519")
struct WycheproofX25519Runner {
    struct Group: WycheproofGroup {
        let curve: String
        let tests: [Test]
    }
    struct Test: WycheproofTest {
        let tcId: Int
        let comment: String
        let flags: [String]
        let result: WycheproofResult
        let `public`: String
        let `private`: String
        let shared: String
    }

    @Test("valid pairs agree; acceptable ones go libsodium's way: refused exactly when the secret would be all zero")
    func run() throws {
        let file = try WycheproofFile<Group>.load("x25519_test")
        var acceptedAcceptable = 0
        var refusedAcceptable = 0
        for (group, test) in file.tests {
            #expect(group.curve == "curve25519")
            let outcome = Result { try X25519.scalarMultiply(hex(test.private), hex(test.public)) }
            // Whenever libsodium answers, the answer is the right one.
            if case .success(let shared) = outcome { #expect(shared == hex(test.shared), test.label) }
            let zeroSecret = test.flags.contains("ZeroSharedSecret") || test.flags.contains("LowOrderPublic")
            switch test.result {
            case .valid:
                #expect(throws: Never.self, test.label) { try outcome.get() }
            case .invalid:
                #expect(throws: AmanatCryptoError.self, test.label) { try outcome.get() }
            case .acceptable:
                // libsodium 1.0.18 refuses low-order points (its list, then an all-zero check) and
                // computes every other case, twist points and non-canonical encodings included.
                if zeroSecret {
                    refusedAcceptable += 1
                    #expect(throws: AmanatCryptoError.weakPublicKey, test.label) { try outcome.get() }
                } else {
                    acceptedAcceptable += 1
                    #expect(throws: Never.self, test.label) { try outcome.get() }
                }
            }
            // The public key parser is stricter than X25519 itself: non-canonical and low-order keys
            // never get into a `PublicKey`, even where the vector calls the computation acceptable.
            if test.flags.contains("NonCanonicalPublic") || zeroSecret {
                #expect(throws: AmanatCryptoError.weakPublicKey, test.label) {
                    try X25519.PublicKey(rawRepresentation: hex(test.public))
                }
            }
        }
        #expect(refusedAcceptable == 31 && acceptedAcceptable == 223)
    }
}
