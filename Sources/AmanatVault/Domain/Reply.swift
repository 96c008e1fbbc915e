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
}

/// What is sealed to the source's reply key (JSON, padded to a size bucket).
struct ReplyPayload: Codable {
    var id: String
    var mailbox: String
    var text: String
    var author: String
    var signature: String
}
