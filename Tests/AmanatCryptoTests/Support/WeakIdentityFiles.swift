@testable import AmanatCrypto

/// Test identity files are written with `Argon2id.Parameters.minimumForTesting` so that the suite stays
/// fast. The public readers refuse them (they are below the storage floor) unless the environment sets
/// AMANAT_TEST_WEAK_KEYS=1, so in-process tests open them through these, which lower the floor
/// explicitly and leave the environment alone. `ArgonFloorTests` pins the refusal itself.
extension IdentityFile {
    static func decodeWeak(
        _ bytes: [UInt8], passphrase: some BytesView, path: String = "the identity file"
    ) throws -> Identity {
        try decode(bytes, passphrase: passphrase, path: path, allowingWeakParameters: true)
    }

    static func publicKeyWeak(of bytes: [UInt8], path: String = "the identity file") throws -> Identity.PublicKey {
        try publicKey(of: bytes, path: path, allowingWeakParameters: true)
    }

    static func openWeak(at path: String, passphrase: some BytesView) throws -> Identity {
        try open(at: path, passphrase: passphrase, allowingWeakParameters: true)
    }
}

extension IdentityFile {
    static func publicKeyWeak(at path: String) throws -> Identity.PublicKey {
        try publicKey(at: path, allowingWeakParameters: true)
    }
}
