public import Foundation

// The rows a `VaultStore` keeps. Every byte column is either public (keys, ids, hashes, signatures)
// or ciphertext; Docs/format.md, section 8, gives each one's layout.

/// The vault's one settings row.
public struct VaultInfoRow: Codable, Sendable, Equatable {
    /// Vault format version (1).
    public var formatVersion: Int
    /// The intake key: the administrator's X25519 public key, to which record keys are sealed.
    public var intakeKey: Data
    /// The administrator's Ed25519 public key, which signs grants and audit entries.
    public var administratorSigningKey: Data
    /// Salt for deriving mailboxes from codenames (16 bytes, random per vault).
    public var codenameSalt: Data
    /// Argon2id passes for codenames.
    public var codenameOpsLimit: Int64
    /// Argon2id memory in bytes for codenames.
    public var codenameMemLimit: Int64
    /// The day the vault was created.
    public var createdDay: String
    /// The administrator's Ed25519 signature over the settings statement (Docs/format.md §8.20); nil in a
    /// vault made before schema revision 3 until the administrator's next action signs it.
    public var settingsSignature: Data? = nil
}

/// One testimony record: a first submission or a follow-up.
public struct TestimonyRow: Codable, Sendable, Equatable {
    /// Random 16-byte id.
    public var id: Data
    /// `Testimony.Kind` raw value.
    public var kind: Int
    /// The mailbox of the source who submitted it.
    public var mailboxID: Data
    /// Day of submission.
    public var day: String
    /// "ru" or "en".
    public var language: String
    /// Length of the padded plaintext body (a size bucket).
    public var sizeBucket: Int
    /// The record key, sealed to the intake key.
    public var wrappedKey: Data
    /// The body: XChaCha20-Poly1305 message under the record key.
    public var body: Data
}

/// A record's clear metadata, without its key and body: what listing the inbox needs.
public struct TestimonyHeaderRow: Codable, Sendable, Equatable {
    /// Random 16-byte id.
    public var id: Data
    /// `Testimony.Kind` raw value.
    public var kind: Int
    /// The mailbox of the source who submitted it.
    public var mailboxID: Data
    /// Day of submission.
    public var day: String
    /// "ru" or "en".
    public var language: String
    /// Length of the padded plaintext body.
    public var sizeBucket: Int
}

/// A source's mailbox, found again only through her codename.
public struct MailboxRow: Codable, Sendable, Equatable {
    /// 32 bytes derived from the codename.
    public var id: Data
    /// X25519 public key derived from the codename; replies are sealed to it.
    public var replyKey: Data
    /// Day it was created.
    public var createdDay: String
}

/// A case: a group of records opened together by the lawyers it is granted to.
public struct CaseRow: Codable, Sendable, Equatable {
    /// Random 16-byte id.
    public var id: Data
    /// Day created.
    public var createdDay: String
    /// The current case key version (starts at 1; each revocation adds one).
    public var keyVersion: Int
    /// Title and notes, as an XChaCha20-Poly1305 message under the current case key.
    public var title: Data
    /// The case's 32-byte pseudonym key, as an XChaCha20-Poly1305 message under the current case key
    /// (re-sealed at every rotation, so labels stay the same); nil until the case's first publication
    /// for cases made before schema revision 2.
    public var pseudonymKey: Data? = nil
}

/// A case's term list: the people and places an editor listed for it (schema revision 4).
public struct CaseTermsRow: Codable, Sendable, Equatable {
    /// The case.
    public var caseID: Data
    /// How many times the list was written: the number of `case.terms` audit entries naming the case.
    public var revision: Int
    /// The case key version it is sealed under (always the case's current one).
    public var keyVersion: Int
    /// The list's JSON, padded, as an XChaCha20-Poly1305 message under that case key version.
    public var sealed: Data
}

/// A case's retention policy: when the records filed in it are shredded (schema revision 5). Public (the
/// days are metadata like any row's day), and signed by the administrator, so that no one who can only write
/// the database can make `retention run` shred evidence.
public struct CaseRetentionRow: Codable, Sendable, Equatable {
    /// The case.
    public var caseID: Data
    /// How many times the policy was written: the number of `case.retention` audit entries naming the case.
    public var revision: Int
    /// The records are kept until this day, inclusive; nil for no such rule.
    public var keepUntil: String?
    /// The records are kept this many days after the case is closed; nil for no such rule.
    public var keepDaysAfterClose: Int?
    /// The day the case was closed; nil while it is open.
    public var closedDay: String?
    /// The day this revision was written.
    public var day: String
    /// The administrator's Ed25519 signature over the retention statement (Docs/format.md §8.25).
    public var signature: Data
}

/// One version of a case key, sealed to the intake key so the administrator can always open it.
public struct CaseKeyRow: Codable, Sendable, Equatable {
    /// The case.
    public var caseID: Data
    /// The key version.
    public var version: Int
    /// The 32-byte case key, sealed to the intake key.
    public var sealedForAdministrator: Data
}

/// A record's key wrapped under a case key: membership of a record in a case.
public struct CaseRecordRow: Codable, Sendable, Equatable {
    /// The case.
    public var caseID: Data
    /// The record.
    public var recordID: Data
    /// The case key version that wraps it.
    public var keyVersion: Int
    /// The record key as an XChaCha20-Poly1305 message under that case key version.
    public var wrappedKey: Data
    /// Day assigned.
    public var day: String
}

/// A grant: a case key version sealed to a lawyer, with a statement signed by the administrator.
public struct GrantRow: Codable, Sendable, Equatable {
    /// Random 16-byte id.
    public var id: Data
    /// The case.
    public var caseID: Data
    /// The grantee's X25519 public key.
    public var granteeEncryptionKey: Data
    /// The grantee's Ed25519 public key.
    public var granteeSigningKey: Data
    /// `Grant.Permissions` raw value.
    public var permissions: Int
    /// Day issued.
    public var issuedDay: String
    /// Last day the grant is valid.
    public var expiresDay: String
    /// The case key version it carries.
    public var keyVersion: Int
    /// The case key, sealed to the grantee.
    public var sealedCaseKey: Data
    /// The administrator's Ed25519 signature over the grant statement.
    public var signature: Data
    /// Day revoked, if it was; a grant replaced after a key rotation is marked superseded instead.
    public var revokedDay: String?
    /// The grant that replaced this one after a key rotation, if any.
    public var supersededBy: Data?
}

/// A reply to a source, sealed to her mailbox's reply key.
public struct ReplyRow: Codable, Sendable, Equatable {
    /// Random 16-byte id.
    public var id: Data
    /// The mailbox.
    public var mailboxID: Data
    /// Day written.
    public var day: String
    /// Sealed box of the padded reply.
    public var sealed: Data
}

/// The name the administrator gave a person who may write to sources (herself, or a lawyer), shown to
/// a source beside each reply (schema revision 3).
public struct AuthorNameRow: Codable, Sendable, Equatable {
    /// The person's Ed25519 public key.
    public var signingKey: Data
    /// The person's X25519 public key.
    public var encryptionKey: Data
    /// The name, as the organisation wants sources to see it ("Адвокат Е. Петрова").
    public var name: String
    /// Day it was set.
    public var day: String
    /// The administrator's Ed25519 signature over the author name statement (Docs/format.md §8.20).
    public var signature: Data
}

/// One entry of the append-only audit log.
public struct AuditEntryRow: Codable, Sendable, Equatable {
    /// 1, 2, 3… without gaps.
    public var sequence: Int
    /// Day of the action.
    public var day: String
    /// Ed25519 public key of the actor; nil for a source's anonymous actions.
    public var actor: Data?
    /// What was done ("submit", "case.create", "grant.issue"…).
    public var action: String
    /// Ids of the objects concerned, hex, comma-separated.
    public var objects: String
    /// `entryHash` of the previous entry (32 zero bytes for the first).
    public var previousHash: Data
    /// Keyed BLAKE2b-256 of this entry's canonical bytes.
    public var entryHash: Data
    /// The actor's signature over `entryHash`; nil for anonymous actions.
    public var signature: Data?
}

/// A public projection: a redacted excerpt and its metadata, signed by the editor who published it.
/// Stored in the clear: it is meant to be published.
public struct ProjectionRow: Codable, Sendable, Equatable {
    /// Random 16-byte id.
    public var id: Data
    /// The case it was drawn from.
    public var caseID: Data
    /// The public label of the case ("Case 14").
    public var caseLabel: String
    /// "ru" or "en".
    public var language: String
    /// The generalised date of the testimony: "2016-03" or "2016".
    public var period: String
    /// Day published.
    public var publishedDay: String
    /// The public text.
    public var text: String
    /// The publisher's Ed25519 public key.
    public var publisherSigningKey: Data
    /// Ed25519 signature of `Projection.signedStatement()`.
    public var signature: Data
}

/// The redaction plan a projection was made with, encrypted under a key derived from its record's key
/// (so whoever can open the record can open the plan, and no one else).
public struct PlanRow: Codable, Sendable, Equatable {
    /// The projection it produced.
    public var projectionID: Data
    /// The record it was applied to.
    public var recordID: Data
    /// XChaCha20-Poly1305 message of the padded plan JSON.
    public var sealed: Data
}
