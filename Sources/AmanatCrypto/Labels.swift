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

    // Vault structures (Docs/format.md, section 8). Each is a prefix of associated data or of a
    // signed statement, followed by a zero byte and the structure's fields.

    /// Associated data of a testimony body.
    public static let testimonyBody: [UInt8] = Array("amanat/v1/testimony".utf8)
    /// Associated data of a record key wrapped under a case key.
    public static let caseRecordKey: [UInt8] = Array("amanat/v1/case-record-key".utf8)
    /// Associated data of a case's title and notes.
    public static let caseTitle: [UInt8] = Array("amanat/v1/case-title".utf8)
    /// Prefix of a signed grant statement.
    public static let grantStatement: [UInt8] = Array("amanat/v1/grant".utf8)
    /// Prefix of an audit entry's canonical bytes.
    public static let auditEntry: [UInt8] = Array("amanat/v1/audit-entry".utf8)
    /// BLAKE2b key that hashes an audit entry's canonical bytes into its chain hash.
    public static let auditChain: [UInt8] = Array("amanat/v1/audit-chain".utf8)
    /// Prefix of what an actor signs for an audit entry (followed by the entry's hash).
    public static let auditSignature: [UInt8] = Array("amanat/v1/audit-signature".utf8)
    /// Prefix of the vault settings statement the administrator signs (schema revision 3).
    public static let vaultSettings: [UInt8] = Array("amanat/v1/vault-settings".utf8)
    /// Prefix of the statement by which the administrator names a person who may write to sources.
    public static let authorName: [UInt8] = Array("amanat/v1/author-name".utf8)
    /// Prefix of the statement a reply's author signed before schema revision 3 (reply payload version 1).
    public static let reply: [UInt8] = Array("amanat/v1/reply".utf8)
    /// Prefix of the reply statement of payload version 2: it covers the author's whole public key, the
    /// record answered and the day (schema revision 3).
    public static let replyStatement: [UInt8] = Array("amanat/v1/reply-statement".utf8)
    /// BLAKE2b key of the hash a case bundle's signature covers, and prefix of the signed message.
    public static let caseBundle: [UInt8] = Array("amanat/v1/case-bundle".utf8)
    /// BLAKE2b key of the hash a vault backup's signature covers, and prefix of the signed message.
    public static let vaultBackup: [UInt8] = Array("amanat/v1/vault-backup".utf8)
    /// BLAKE2b key of a blob's digest: BLAKE2b-512 of its stored (encrypted) bytes, computed when it is
    /// written and signed, per blob, in case bundles.
    public static let blobDigest: [UInt8] = Array("amanat/v1/blob-digest".utf8)
    /// Prefix of what a case's pseudonym key hashes into a person's or place's label.
    public static let pseudonym: [UInt8] = Array("amanat/v1/pseudonym".utf8)
    /// BLAKE2b key for hashing attachment contents.
    public static let attachmentHash: [UInt8] = Array("amanat/v1/attachment-hash".utf8)
    /// Prefix of the statement an editor signs when publishing a projection.
    public static let projection: [UInt8] = Array("amanat/v1/projection".utf8)
    /// Associated-data prefix of a case's sealed pseudonym key.
    public static let casePseudonymKey: [UInt8] = Array("amanat/v1/case-pseudonym-key".utf8)
    /// Associated-data prefix of a case's sealed term list (the editor's people and places).
    public static let caseTerms: [UInt8] = Array("amanat/v1/case-terms".utf8)
    /// Prefix of the statement by which the administrator sets a case's retention policy.
    public static let caseRetention: [UInt8] = Array("amanat/v1/case-retention".utf8)
    /// Associated-data prefix of a stored redaction plan.
    public static let redactionPlan: [UInt8] = Array("amanat/v1/redaction-plan".utf8)
    /// crypto_kdf context: the key of a record's stored redaction plans, derived from the record key.
    public static let planKeyContext = KeyDerivation.Context("AMNTPLAN")
    /// crypto_kdf context: the mailbox id derived from a codename.
    public static let mailboxContext = KeyDerivation.Context("AMNTMBOX")
    /// crypto_kdf context: the reply key pair derived from a codename.
    public static let replyKeyContext = KeyDerivation.Context("AMNTRPLY")
}
