/// Every domain-separation label and `crypto_kdf` context Amanat uses, in one place, so that no two
/// purposes can ever share one. A label is part of a format: never change one, add a new one.
public enum Labels {
    /// BLAKE2b key for the 4-byte checksum in public key strings (Docs/format.md, "Public key string v1").
    public static let publicKeyChecksum: [UInt8] = Array("amanat/v1/public-key-checksum".utf8)
    /// BLAKE2b key for identity fingerprints (Docs/format.md, "Fingerprint").
    public static let fingerprint: [UInt8] = Array("amanat/v1/fingerprint".utf8)
    /// The human-readable prefix of public key strings.
    public static let publicKeyPrefix = "amanat1"
    /// The 8-byte magic that opens an identity file.
    public static let identityFileMagic: [UInt8] = Array("AMANATID".utf8)
}
