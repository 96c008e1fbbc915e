import AmanatCrypto

/// A testimony: what a source tells, with the structured facts lawyers and editors need. It exists in
/// the clear only in memory; the vault stores it encrypted (`TestimonyRecord`).
public struct Testimony: Codable, Sendable, Equatable {
    /// The record's id.
    public typealias ID = VaultID<RecordTag>

    /// A person named in the testimony and their relation to the events.
    public struct Person: Codable, Sendable, Equatable {
        /// The name as the source gave it.
        public var name: String
        /// Their role: "son", "witness", "officer"...
        public var role: String
        /// Creates a person.
        public init(name: String, role: String) { self.name = name; self.role = role }
    }

    /// The statement in the source's words.
    public var statement: String
    /// People named.
    public var people: [Person]
    /// Places named (towns, villages, checkpoints).
    public var places: [String]
    /// Dates named, as the source gave them.
    public var dates: [String]
    /// Language of the statement: "ru" or "en".
    public var language: String
    /// How the source wants to be contacted, if at all ("only through replies" by default).
    public var contact: String
    /// Files attached, with the keys that open them.
    public var attachments: [Attachment]

    /// Creates a testimony.
    public init(
        statement: String, people: [Person] = [], places: [String] = [], dates: [String] = [],
        language: String = "ru", contact: String = "", attachments: [Attachment] = []
    ) {
        self.statement = statement
        self.people = people
        self.places = places
        self.dates = dates
        self.language = language
        self.contact = contact
        self.attachments = attachments
    }

    /// Whether this was added later with a codename (a follow-up) or is a first submission.
    public enum Kind: UInt8, Codable, Sendable {
        /// A first submission; it created a mailbox.
        case submission = 1
        /// Added later by the same source, with her codename.
        case followUp = 2

        /// The kind stored in a row, or nil for any other value (damage or tampering).
        init?(stored: Int) {
            guard let byte = UInt8(exactly: stored) else { return nil }
            self.init(rawValue: byte)
        }
    }
}

/// An attached file: stored encrypted in `blobs/`, opened with the key kept inside the encrypted body.
public struct Attachment: Codable, Sendable, Equatable {
    /// The blob's id (its file name under `blobs/`).
    public var blob: VaultID<BlobTag>
    /// The file name the source gave, for display only.
    public var name: String
    /// Exact size in bytes (the stored blob is padded to a size bucket).
    public var size: Int
    /// Keyed BLAKE2b-256 of the content (`Labels.attachmentHash`), hex.
    public var hash: String
    /// The secretstream key, base64url. Lives only inside the encrypted body.
    public var key: String
    /// The stream chunk size used.
    public var chunkSize: Int
    /// BLAKE2b-512 keyed with `Labels.blobDigest` of the stored blob's bytes, hex; computed while the
    /// blob is written, so exporting it in a bundle needs no second pass. Absent in older records.
    public var blobDigest: String?
}
