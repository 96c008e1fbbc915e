import AmanatCrypto
import AmanatTestSupport
import Foundation
import Testing

@Suite("Identity files, public key strings and fingerprints")
struct IdentityTests {
    static let weak = Argon2id.Parameters.minimumForTesting
    static let passphrase = SecretBytes(utf8: "Заира помнит 1998 год")

    @Test("an identity file round-trips and its public part reads without the passphrase")
    func roundTrip() throws {
        let identity = Identity()
        let bytes = try IdentityFile.encode(identity, passphrase: Self.passphrase, parameters: Self.weak)
        #expect(bytes.count == IdentityFile.size)
        #expect(try IdentityFile.publicKeyWeak(of: bytes) == identity.publicKey)
        let opened = try IdentityFile.decodeWeak(bytes, passphrase: Self.passphrase)
        #expect(opened.publicKey == identity.publicKey)
        #expect(opened.encryptionKey.rawRepresentation == identity.encryptionKey.rawRepresentation)
        #expect(opened.signingKey.seed == identity.signingKey.seed)
        // The secrets never appear in the file in the clear.
        let secret = identity.encryptionKey.rawRepresentation.publicBytes
        #expect(!Hex.encode(bytes).contains(Hex.encode(secret)))
    }

    @Test("every single-byte change of an identity file is refused, never opened")
    func everyByteFlip() throws {
        let bytes = try IdentityFile.encode(Identity(), passphrase: Self.passphrase, parameters: Self.weak)
        for flip in singleByteFlips(of: bytes) {
            #expect(throws: AmanatCryptoError.self, "byte \(flip.position) ^ \(flip.mask)") {
                try IdentityFile.decodeWeak(flip.bytes, passphrase: Self.passphrase)
            }
        }
        #expect(throws: AmanatCryptoError.truncated(what: "the identity file")) {
            try IdentityFile.decodeWeak(Array(bytes.dropLast()), passphrase: Self.passphrase)
        }
        #expect(throws: AmanatCryptoError.trailingData(what: "the identity file")) {
            try IdentityFile.decodeWeak(bytes + [0], passphrase: Self.passphrase)
        }
        #expect(throws: AmanatCryptoError.notAnIdentityFile(path: "the identity file")) {
            try IdentityFile.decodeWeak([], passphrase: Self.passphrase)
        }
        var future = bytes
        future[8] = 2
        #expect(throws: AmanatCryptoError.unsupportedVersion(what: "the identity file", version: 2)) {
            try IdentityFile.decodeWeak(future, passphrase: Self.passphrase)
        }
    }

    @Test("a wrong passphrase gives a clear error that names the file")
    func wrongPassphrase() throws {
        let bytes = try IdentityFile.encode(Identity(), passphrase: Self.passphrase, parameters: Self.weak)
        for wrong in [
            "", "заира помнит 1998 год",
            "Заира помнит "
                + "1998 год ", "Zaira pomnit 1998 god",
        ] {
            #expect(throws: AmanatCryptoError.wrongPassphrase(path: "lawyer.id")) {
                try IdentityFile.decodeWeak(bytes, passphrase: SecretBytes(utf8: wrong), path: "lawyer.id")
            }
        }
        let message = AmanatCryptoError.wrongPassphrase(path: "lawyer.id").description
        #expect(message.contains("lawyer.id") && message.contains("passphrase"))
    }

    @Test("identity files are written 0600 and refused when others can read them")
    func permissions() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("lawyer.id")
        let identity = Identity()
        try IdentityFile.write(identity, to: path, passphrase: Self.passphrase, parameters: Self.weak)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try IdentityFile.openWeak(at: path, passphrase: Self.passphrase).publicKey == identity.publicKey)
        #expect(try IdentityFile.publicKeyWeak(at: path) == identity.publicKey)
        // Never overwrite an existing identity by accident.
        #expect(throws: AmanatCryptoError.self) {
            try IdentityFile.write(Identity(), to: path, passphrase: Self.passphrase, parameters: Self.weak)
        }

        for loose in [0o644, 0o640, 0o604, 0o660, 0o606] {
            try FileManager.default.setAttributes([.posixPermissions: loose], ofItemAtPath: path)
            #expect(throws: AmanatCryptoError.insecurePermissions(path: path, mode: UInt32(0o100000 | loose))) {
                try IdentityFile.openWeak(at: path, passphrase: Self.passphrase)
            }
            #expect(throws: AmanatCryptoError.self) { try IdentityFile.publicKeyWeak(at: path) }
        }
        let hint = AmanatCryptoError.insecurePermissions(path: path, mode: 0o100644).description
        #expect(hint.contains("chmod 600 \(path)"))
        #expect(throws: AmanatCryptoError.self) {
            try IdentityFile.openWeak(at: directory.file("missing.id"), passphrase: Self.passphrase)
        }
    }

    @Test("stored Argon2id parameters outside the accepted range are refused before any work")
    func parameterBounds() throws {
        #expect(throws: AmanatCryptoError.self) { try Argon2id.Parameters(opsLimit: 0, memLimit: 8192) }
        #expect(throws: AmanatCryptoError.self) { try Argon2id.Parameters(opsLimit: 33, memLimit: 8192) }
        #expect(throws: AmanatCryptoError.self) { try Argon2id.Parameters(opsLimit: 1, memLimit: 4096) }
        #expect(throws: AmanatCryptoError.self) { try Argon2id.Parameters(opsLimit: 1, memLimit: (1 << 31) + 1) }
        #expect(throws: AmanatCryptoError.self) {
            try Argon2id.deriveKey(from: [UInt8](), salt: randomBytes(15), parameters: Self.weak)
        }
    }

    @Test("public key strings round-trip, survive email wrapping, and catch typos")
    func publicKeyStrings() throws {
        let key = Identity().publicKey
        let text = key.stringRepresentation
        #expect(text.hasPrefix("amanat1") && text.count == 116)
        #expect(try Identity.PublicKey(string: text) == key)
        #expect(try Identity.PublicKey(string: text.uppercased()) == key)
        let wrapped = "  " + text.prefix(60) + "\r\n" + text.dropFirst(60) + "\n"
        #expect(try Identity.PublicKey(string: String(wrapped)) == key)

        // Every single-character substitution in the body is caught (checksum or encoding).
        let characters = Array(text)
        var caught = 0
        for position in 7..<characters.count {
            var typo = characters
            typo[position] = characters[position] == "q" ? "p" : "q"
            if (try? Identity.PublicKey(string: String(typo))) == nil { caught += 1 }
        }
        #expect(caught == characters.count - 7)
        // Swapping two neighbouring characters is caught too.
        for position in 7..<(characters.count - 1) where characters[position] != characters[position + 1] {
            var typo = characters
            typo.swapAt(position, position + 1)
            #expect(throws: AmanatCryptoError.self) { try Identity.PublicKey(string: String(typo)) }
        }
        #expect(throws: AmanatCryptoError.self) { try Identity.PublicKey(string: String(text.dropLast())) }
        #expect(throws: AmanatCryptoError.self) { try Identity.PublicKey(string: "age1" + text.dropFirst(7)) }
        #expect(throws: AmanatCryptoError.self) { try Identity.PublicKey(string: "") }
        // Unicode look-alikes are refused, never folded into ASCII: a Cyrillic "а" in the prefix,
        // and U+212A KELVIN SIGN (which Unicode lowercases to "k") in the body.
        #expect(throws: AmanatCryptoError.self) { try Identity.PublicKey(string: "\u{0430}" + text.dropFirst()) }
        if let k = characters.lastIndex(of: "k") {
            var lookalike = characters
            lookalike[k] = "\u{212A}"
            #expect(throws: AmanatCryptoError.self) { try Identity.PublicKey(string: String(lookalike)) }
        }
    }

    @Test("fingerprints are short, stable and distinct")
    func fingerprints() throws {
        let key = Identity().publicKey
        let text = key.fingerprint.description
        #expect(text.count == 19)
        #expect(text.split(separator: "-").map(\.count) == [4, 4, 4, 4])
        #expect(text == text.uppercased())
        #expect(try Identity.PublicKey(string: key.stringRepresentation).fingerprint == key.fingerprint)
        #expect(try Identity.Fingerprint(string: text.lowercased()) == key.fingerprint)
        #expect(Identity().publicKey.fingerprint != key.fingerprint)
        #expect(throws: AmanatCryptoError.self) { try Identity.Fingerprint(string: "ABCD-EFGH") }
    }
}
