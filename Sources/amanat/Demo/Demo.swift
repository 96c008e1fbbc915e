import AmanatCrypto
import ArgumentParser
import Foundation

extension Amanat {
    /// `amanat demo`: the cryptographic round trip on fictional data, narrated.
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk through Amanat's cryptography on a fictional testimony, step by step.",
            discussion: """
            Everything happens in a temporary folder that is deleted afterwards. The testimony, names \
            and passphrase are invented for the demonstration.

            Example:
              amanat demo
            """
        )

        func run() throws {
            let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("amanat-demo-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: workspace, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: workspace) }
            do {
                var story = DemoStory(workspace: workspace)
                try story.tell()
            } catch let error as AmanatCryptoError {
                reportError(error.description)
                throw ExitCode.failure
            }
        }
    }
}

/// The story `amanat demo` tells.
struct DemoStory {
    let workspace: String
    private var narrator = Narrator()

    init(workspace: String) { self.workspace = workspace }

    mutating func tell() throws {
        print("Amanat demo: libsodium \(CryptoLibrary.libsodiumVersion). All people and events below are fictional.")

        narrator.step("A lawyer creates her identity: an X25519 key to receive, an Ed25519 key to sign.")
        let lawyer = Identity()
        let identityPath = workspace + "/lawyer.id"
        let passphrase = SecretBytes(utf8: "горы помнят всё 1999")
        try IdentityFile.write(lawyer, to: identityPath, passphrase: passphrase, parameters: .interactive)
        narrator.detail("identity file: \(identityPath) (mode 600, private keys encrypted with Argon2id \(Argon2id.Parameters.interactive))")
        narrator.detail("public key to paste into an email: \(lawyer.publicKey.stringRepresentation)")
        narrator.detail("fingerprint to read aloud on the phone: \(lawyer.publicKey.fingerprint)")

        narrator.step("A mother submits testimony. Her device needs only the lawyer's public key.")
        let testimony = SecretBytes(utf8: "Мой сын Ахмед ушёл 14 марта 2002 года и не вернулся. Звонили с номера +7 928 000-00-00.")
        let recordKey = SymmetricKey()
        let associatedData = Array("amanat demo record 1".utf8)
        let body = XChaCha20Poly1305.seal(Padding.padToBucket(testimony), using: recordKey, associatedData: associatedData)
        let wrappedKey = SealedBox.seal(recordKey.rawRepresentation, to: lawyer.publicKey.encryption)
        narrator.detail("testimony: \(testimony.count) bytes, padded to a \(SizeBucket.bucket(for: testimony.count + 1))-byte bucket, encrypted with XChaCha20-Poly1305 (\(body.count) bytes stored)")
        narrator.detail("its random record key, sealed to the lawyer: \(wrappedKey.count) bytes; the server that stores this cannot read it")

        narrator.step("She attaches a photo; it is streamed through secretstream in 64 KiB chunks.")
        let photoPath = workspace + "/photo.jpg"
        let photo = SecureRandom.bytes(300_000)
        try Data(photo).write(to: URL(fileURLWithPath: photoPath))
        let photoKey = SymmetricKey()
        try SecretStream.encryptFile(at: photoPath, to: photoPath + ".amanat", using: photoKey)
        try FileManager.default.removeItem(atPath: photoPath)
        narrator.detail("300,000-byte photo -> \(SecretStream.encryptedSize(plaintextSize: photo.count)) encrypted bytes; the plaintext copy is deleted")

        narrator.step("The lawyer unlocks her identity with her passphrase and opens the testimony.")
        let unlocked = try IdentityFile.open(at: identityPath, passphrase: passphrase)
        let openedKey = try SymmetricKey(rawRepresentation: SealedBox.open(wrappedKey, with: unlocked.encryptionKey, what: "the record key"))
        let padded = try XChaCha20Poly1305.open(body, using: openedKey, associatedData: associatedData, what: "the testimony")
        let opened = try Padding.unpad(padded, blockSize: padded.count)
        narrator.ok("testimony opened and authentic: \(opened.unprotectedString())")
        try SecretStream.decryptFile(at: photoPath + ".amanat", to: photoPath, using: photoKey)
        let photoBack = try Data(contentsOf: URL(fileURLWithPath: photoPath))
        narrator.ok("photo decrypted, identical to the original: \(Array(photoBack) == photo)")

        narrator.step("Tampering is detected, never returned as garbage.")
        var tampered = body
        tampered[tampered.count / 2] ^= 0x01
        try expectFailure("one flipped bit in the testimony") { _ = try XChaCha20Poly1305.open(tampered, using: openedKey, associatedData: associatedData, what: "the testimony") }
        try expectFailure("the testimony bound to another record id") { _ = try XChaCha20Poly1305.open(body, using: openedKey, associatedData: Array("amanat demo record 2".utf8), what: "the testimony") }
        let stranger = Identity()
        try expectFailure("another person's key") { _ = try SealedBox.open(wrappedKey, with: stranger.encryptionKey, what: "the record key") }
        var cut = try Array(Data(contentsOf: URL(fileURLWithPath: photoPath + ".amanat")))
        cut.removeLast(100)
        try Data(cut).write(to: URL(fileURLWithPath: photoPath + ".cut"))
        try expectFailure("a photo cut short in transit") { try SecretStream.decryptFile(at: photoPath + ".cut", to: photoPath + ".out", using: photoKey) }
        try expectFailure("a wrong passphrase") { _ = try IdentityFile.open(at: identityPath, passphrase: SecretBytes(utf8: "горы помнят всё 2000")) }

        narrator.step("Signatures let anyone check who published what.")
        let statement = Array("Projection of case 7, excerpt 1, redacted 2026-11".utf8)
        let signature = unlocked.signingKey.signature(for: statement)
        narrator.ok("signature verifies with the public key: \(lawyer.publicKey.signing.isValidSignature(signature, for: statement))")
        narrator.ok("a changed statement does not verify: \(!lawyer.publicKey.signing.isValidSignature(signature, for: Array("Projection of case 8".utf8)))")

        print("\nDone. The temporary folder is deleted; nothing was written anywhere else.")
    }

    /// Runs `attempt`, which must fail; the demo stops with an error if it does not.
    private func expectFailure(_ what: String, _ attempt: () throws -> Void) throws {
        do {
            try attempt()
        } catch {
            narrator.ok("\(what): refused (\(error))")
            return
        }
        throw AmanatCryptoError.invalidArgument("\(what) was NOT detected: this build is broken")
    }
}
