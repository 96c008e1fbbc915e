import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

/// Swift and an independent implementation (Tests/Interop/interop.py, on PyNaCl, written from
/// Docs/format.md) must read each other's sealed boxes, AEAD messages, signatures, streams, identity
/// files and public key strings.
@Suite("Interoperability with PyNaCl")
struct InteropTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        try TestPython.run("Tests/Interop/interop.py", arguments)
    }

    @Test("PyNaCl opens everything Swift made")
    func pythonOpensSwift() throws {
        let directory = try TemporaryDirectory()
        let box = X25519.PrivateKey()
        let aeadKey = SymmetricKey()
        let signer = Ed25519.PrivateKey()
        let streamKey = SymmetricKey()
        var document: [String: Any] = [:]
        document["box"] = [
            "secret_key": Hex.encode(box.rawRepresentation), "public_key": Hex.encode(box.publicKey.rawRepresentation),
            "cases": try [0, 1, 32, 1024, 5000].map { size -> [String: String] in
                let plaintext = randomBytes(size)
                return [
                    "plaintext": Hex.encode(plaintext),
                    "sealed": Hex.encode(try SealedBox.seal(plaintext, to: box.publicKey)),
                ]
            },
        ]
        document["aead"] = [
            "key": Hex.encode(aeadKey.rawRepresentation),
            "cases": [(0, 0), (1, 5), (100, 0), (70_000, 40)].map { (size, adSize) -> [String: String] in
                let plaintext = randomBytes(size)
                let ad = randomBytes(adSize)
                return [
                    "plaintext": Hex.encode(plaintext), "aad": Hex.encode(ad),
                    "message": Hex.encode(XChaCha20Poly1305.seal(plaintext, using: aeadKey, associatedData: ad)),
                ]
            },
        ]
        document["sign"] = [
            "seed": Hex.encode(signer.seed), "public_key": Hex.encode(signer.publicKey.rawRepresentation),
            "cases": [0, 1, 200].map { size -> [String: String] in
                let message = randomBytes(size)
                return ["message": Hex.encode(message), "signature": Hex.encode(signer.signature(for: message))]
            },
        ]
        let chunk = SecretStream.defaultChunkSize
        var streamCases: [[String: String]] = []
        for (index, size) in [0, 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 5].enumerated() {
            let plain = "stream-\(index).plain"
            let sealed = "stream-\(index).amanat"
            try Data(randomBytes(size)).write(to: URL(fileURLWithPath: directory.file(plain)))
            try SecretStream.encryptFile(at: directory.file(plain), to: directory.file(sealed), using: streamKey)
            streamCases.append(["plaintext_file": plain, "ciphertext_file": sealed])
        }
        document["stream"] = [
            "key": Hex.encode(streamKey.rawRepresentation), "chunk_size": chunk, "cases": streamCases,
        ]
        let identity = Identity()
        let passphrase = "Заира, 14 марта — помним"
        try IdentityFile.write(
            identity, to: directory.file("swift.id"), passphrase: SecretBytes(utf8: passphrase),
            parameters: .minimumForTesting)
        document["identity"] = [
            "file": "swift.id", "passphrase_utf8": passphrase,
            "x25519_public": Hex.encode(identity.publicKey.encryption.rawRepresentation),
            "ed25519_public": Hex.encode(identity.publicKey.signing.rawRepresentation),
            "public_key_string": identity.publicKey.stringRepresentation,
        ]
        try JSONSerialization.data(withJSONObject: document).write(
            to: URL(fileURLWithPath: directory.file("swift.json")))

        let result = try Self.run(["verify", directory.path])
        #expect(result.status == 0, "interop.py verify failed: \(result.errors)")
        #expect(result.output.contains("checks passed"), "\(result.output)")
        // Python's fingerprint, computed from the spec, matches Swift's.
        #expect(result.output.contains(identity.publicKey.fingerprint.description), "\(result.output)")

        // The same check must fail when Swift's output is damaged: the verifier is not a rubber stamp.
        var damaged = try Array(Data(contentsOf: URL(fileURLWithPath: directory.file("stream-5.amanat"))))
        damaged[damaged.count / 2] ^= 0x01
        try Data(damaged).write(to: URL(fileURLWithPath: directory.file("stream-5.amanat")))
        let refused = try Self.run(["verify", directory.path])
        #expect(refused.status == 1, "a damaged stream passed interop.py verify")
    }

    @Test("Swift opens everything PyNaCl made")
    func swiftOpensPython() throws {
        let directory = try TemporaryDirectory()
        let result = try Self.run(["produce", directory.path])
        try #require(result.status == 0, "interop.py produce failed: \(result.errors)")
        let data = try Data(contentsOf: URL(fileURLWithPath: directory.file("python.json")))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        func section(_ name: String) throws -> [String: Any] {
            try #require(document[name] as? [String: Any], "python.json has no \(name)")
        }
        func cases(_ s: [String: Any]) throws -> [[String: Any]] { try #require(s["cases"] as? [[String: Any]]) }
        func field(_ c: [String: Any], _ key: String) throws -> String {
            try #require(c[key] as? String, "missing \(key)")
        }

        let box = try section("box")
        let boxKey = try X25519.PrivateKey(rawRepresentation: Hex.decodeSecret(Array(field(box, "secret_key").utf8)))
        #expect(Hex.encode(boxKey.publicKey.rawRepresentation) == (try field(box, "public_key")))
        for c in try cases(box) {
            #expect(
                try SealedBox.open(Hex.decode(field(c, "sealed")), with: boxKey).publicBytes
                    == Hex.decode(field(c, "plaintext")))
        }
        let aead = try section("aead")
        let aeadKey = try SymmetricKey(rawRepresentation: Hex.decodeSecret(Array(field(aead, "key").utf8)))
        for c in try cases(aead) {
            let opened = try XChaCha20Poly1305.open(
                Hex.decode(field(c, "message")), using: aeadKey, associatedData: Hex.decode(field(c, "aad")))
            #expect(opened.publicBytes == (try Hex.decode(field(c, "plaintext"))))
        }
        let sign = try section("sign")
        let signer = try Ed25519.PrivateKey(seed: Hex.decodeSecret(Array(field(sign, "seed").utf8)))
        let verifier = try Ed25519.PublicKey(rawRepresentation: Hex.decode(field(sign, "public_key")))
        #expect(signer.publicKey == verifier)
        for c in try cases(sign) {
            let message = try Hex.decode(field(c, "message"))
            let signature = try Hex.decode(field(c, "signature"))
            #expect(verifier.isValidSignature(signature, for: message))
            #expect(signer.signature(for: message) == signature, "Ed25519 is deterministic: both sides sign alike")
        }
        let stream = try section("stream")
        let streamKey = try SymmetricKey(rawRepresentation: Hex.decodeSecret(Array(field(stream, "key").utf8)))
        for (index, c) in try cases(stream).enumerated() {
            let out = directory.file("swift-\(index).plain")
            try SecretStream.decryptFile(at: directory.file(field(c, "ciphertext_file")), to: out, using: streamKey)
            #expect(
                try Data(contentsOf: URL(fileURLWithPath: out))
                    == Data(contentsOf: URL(fileURLWithPath: directory.file(field(c, "plaintext_file")))))
        }
        let identity = try section("identity")
        let path = directory.file(try field(identity, "file"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let opened = try IdentityFile.openWeak(
            at: path, passphrase: SecretBytes(utf8: field(identity, "passphrase_utf8")))
        #expect(opened.publicKey.stringRepresentation == (try field(identity, "public_key_string")))
        #expect(Hex.encode(opened.publicKey.encryption.rawRepresentation) == (try field(identity, "x25519_public")))
        #expect(try Identity.PublicKey(string: field(identity, "public_key_string")) == opened.publicKey)
        #expect(opened.publicKey.fingerprint.description == (try field(identity, "fingerprint")))
    }
}
