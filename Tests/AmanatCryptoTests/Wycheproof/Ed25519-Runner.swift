import Testing

@testable import AmanatCrypto

/// Wycheproof `ed25519_test.json` (EddsaVerify) against `Ed25519.PublicKey.isValidSignature`.
@Suite("Wycheproof Ed25519")
struct WycheproofEd25519Runner {
    struct Group: WycheproofGroup {
        struct Key: Decodable {
            let curve: String
            let pk: String
        }
        let publicKey: Key
        let tests: [Test]
    }
    struct Test: WycheproofTest {
        let tcId: Int
        let comment: String
        let flags: [String]
        let result: WycheproofResult
        let msg: String
        let sig: String
    }

    @Test("valid signatures verify, invalid ones (malleable, truncated, non-canonical, with garbage) do not")
    func run() throws {
        let file = try WycheproofFile<Group>.load("ed25519_test")
        for (group, test) in file.tests {
            #expect(group.publicKey.curve == "edwards25519")
            // Every key in the file is a real key: the parser, which refuses small-order points, takes it.
            let key = try Ed25519.PublicKey(rawRepresentation: hex(group.publicKey.pk))
            let verified = key.isValidSignature(hex(test.sig), for: hex(test.msg))
            switch test.result {
            case .valid: #expect(verified, test.label)
            case .invalid: #expect(!verified, test.label)
            case .acceptable: Issue.record("this file has no acceptable tests; decide and document: \(test.label)")
            }
        }
    }
}
