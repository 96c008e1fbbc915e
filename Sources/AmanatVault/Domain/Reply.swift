public import AmanatCrypto
import Foundation

/// A reply from a lawyer (or the administrator) to a source, readable only with her codename.
public struct Reply: Sendable, Equatable {
    /// A reply's id.
    public typealias ID = VaultID<ReplyTag>

    /// The reply's id.
    public var id: ID
    /// Day written.
    public var day: Day
    /// The text.
    public var text: String
    /// The writer's public key, whose signature over the reply was checked.
    public var author: Identity.PublicKey
    /// Whether the author is the organisation's administrator or a lawyer it granted the case to.
    public var role: Role
    /// The name the administrator gave the author, if she gave one.
    public var authorName: String?

    /// Who answered, as far as the vault can prove it.
    public enum Role: String, Sendable, Equatable {
        /// The vault's administrator (the organisation).
        case administrator
        /// A lawyer holding a grant on a case with the record, valid on the reply's day.
        case grantee
    }
}

/// What is sealed to the source's reply key (JSON, padded to a size bucket). Version 2 (schema revision 3)
/// adds `version`, `record` and `day`, and its signature covers them and the author's whole key; version 1
/// payloads (no `version` member) are still read, under the same rules of who may have written them.
struct ReplyPayload: Codable {
    var version: Int?
    var id: String
    var mailbox: String
    var record: String?
    var day: String?
    var text: String
    var author: String
    var signature: String
}
